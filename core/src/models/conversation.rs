use super::{CallParams, Extra, JobStatus, JobType};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// A conversation: the full record of one voice-agent call.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Conversation {
    pub id: String,
    pub status: Option<JobStatus>,
    #[serde(rename = "type")]
    pub job_type: Option<JobType>,
    pub model: Option<String>,
    pub title: Option<String>,
    pub processing_type: Option<String>,
    pub voice_agent_id: Option<String>,
    pub api_key_id: Option<String>,
    /// The recording.
    pub media_url: Option<String>,
    pub call_params: Option<CallParams>,
    /// Seconds.
    pub call_duration: Option<f64>,
    pub channel_type: Option<String>,
    /// The agent of the call, in the v1 shape (`jobs.get` sends it as a string: it is read as the agent).
    #[serde(default, deserialize_with = "super::lenient_agent_details")]
    pub agent_details: Option<super::AgentDetails>,
    /// The result: transcript, outcome and the rest, as the API sends it.
    pub job_response: Option<Value>,
    pub call_analysis: Option<Value>,
    pub voice_agent: Option<Value>,
    pub logs: Option<Vec<Value>>,
    pub performance_metrics: Option<Value>,
    pub created_at: Option<String>,
    pub updated_at: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Conversation {
    /// `true` once the call has ended and the record will not change again.
    pub fn is_terminal(&self) -> bool {
        self.status.as_ref().is_some_and(JobStatus::is_terminal)
    }
}

/// A conversation in the light list.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ConversationSummary {
    pub id: String,
    pub created_at: Option<String>,
    pub status: Option<JobStatus>,
    pub voice_agent_id: Option<String>,
    pub agent_name: Option<String>,
    /// Seconds.
    pub duration: Option<f64>,
    pub channel_type: Option<String>,
    pub call_params: Option<CallParams>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// One page of the conversation list.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ConversationPage {
    /// Every conversation.
    pub total: Option<u64>,
    /// The conversations that match the filters.
    pub filtered: Option<u64>,
    #[serde(default)]
    pub calls: Vec<ConversationSummary>,
    #[serde(flatten)]
    pub extra: Extra,
}
