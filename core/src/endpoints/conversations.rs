//! Arguments of the conversation endpoints.

use crate::error::{Error, Result};
use crate::models::JobStatus;
use crate::validate::{self, Validate};
use serde::{Deserialize, Serialize};

/// `conversations.get` (and `conversations.wait`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GetConversationParams {
    /// The conversation's id (the call's job id).
    pub conversation_id: String,
}

impl Validate for GetConversationParams {
    fn validate(&self) -> Result<()> {
        validate::non_empty("conversationId", &self.conversation_id)
    }
}

/// The API's hard cap on `perPage`.
pub const MAX_CONVERSATIONS_PER_PAGE: u32 = 200;

/// `conversations.list`: the light list of calls, filtered and paged.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ListConversationsParams {
    /// Only the calls of this agent.
    pub voice_agent_id: Option<String>,
    /// Only calls in these statuses (sent as a repeated query parameter).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub status: Vec<JobStatus>,
    /// Epoch milliseconds, inclusive, on `createdAt`.
    pub start_time: Option<i64>,
    /// Epoch milliseconds, inclusive; not before `startTime`.
    pub end_time: Option<i64>,
    /// 1-based.
    pub page: Option<u32>,
    /// 1 to 200.
    pub per_page: Option<u32>,
}

impl Validate for ListConversationsParams {
    fn validate(&self) -> Result<()> {
        validate::optional_non_empty("voiceAgentId", self.voice_agent_id.as_deref())?;
        validate::in_range("page", self.page, 1, u32::MAX)?;
        validate::in_range("perPage", self.per_page, 1, MAX_CONVERSATIONS_PER_PAGE)?;
        if let (Some(start), Some(end)) = (self.start_time, self.end_time)
            && end < start
        {
            return Err(Error::invalid_argument("endTime", format!("{end} is before startTime {start}")));
        }
        Ok(())
    }
}
