//! Arguments of the voice-agent endpoints: the nested v2 routes (the plain names) and the flat v1 routes
//! (`_v1`, plus `clone`, which only v1 has). The documented ranges of the agent settings are in the field
//! docs and are not enforced here: the server is the authority.

use crate::error::Result;
use crate::models::{
    AgentCallSettings, AgentConversation, AgentDetails, AgentLlm, AgentPhoneNumber, AgentToolRef, AgentType,
    AgentVoice, AgentWorkflow, LlmConfigV1, WebhookAuth,
};
use crate::validate::{self, Validate};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Declares a v2 agent request: its leading fields, then every writable field of the nested agent.
macro_rules! v2_agent_request {
    ($(#[$meta:meta])* pub struct $name:ident { $($head:tt)* }) => {
        $(#[$meta])*
        pub struct $name {
            $($head)*
            /// "Single Prompt" or "Flow Agent".
            #[serde(rename = "type")]
            pub agent_type: Option<AgentType>,
            /// Greeting, prompt, reminders and `{{placeholder}}` defaults.
            pub conversation: Option<AgentConversation>,
            /// `{voiceId, lang, ...}`.
            pub voice: Option<AgentVoice>,
            /// `{provider, model, temperature, baseUrl, apiKey}` (`apiKey` is a secret).
            pub llm: Option<AgentLlm>,
            /// Interruptions, delays, timeouts, noise handling (documented ranges in each field).
            pub call_settings: Option<AgentCallSettings>,
            /// Web tools, each at a version.
            pub tools: Option<Vec<AgentToolRef>>,
            pub knowledge_base_items_ids: Option<Vec<String>>,
            pub voice_dictionary_ids: Option<Vec<String>>,
            /// `{type, id}`: the number the agent answers and calls from.
            pub phone_number: Option<AgentPhoneNumber>,
            /// Where Hamsa POSTs this agent's call events; https.
            pub webhook_url: Option<String>,
            /// Sent back as `Authorization: <authKey> <authSecret>` with every event.
            pub webhook_auth: Option<WebhookAuth>,
            /// The graph of a Flow agent.
            pub workflow: Option<AgentWorkflow>,
            /// A JSON Schema of the outcome to extract from each call.
            pub outcome_response_shape: Option<Value>,
        }
    };
}

v2_agent_request! {
    /// `voice_agents.create`: a v2 agent.
    #[serde_with::skip_serializing_none]
    #[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
    #[serde(rename_all = "camelCase", deny_unknown_fields)]
    pub struct CreateVoiceAgentParams {
        /// The agent's name.
        pub name: String,
    }
}

v2_agent_request! {
    /// `voice_agents.update`: only the fields given are sent and changed.
    #[serde_with::skip_serializing_none]
    #[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
    #[serde(rename_all = "camelCase", deny_unknown_fields)]
    pub struct UpdateVoiceAgentParams {
        /// The agent to change.
        pub voice_agent_id: String,
        pub name: Option<String>,
    }
}

impl Validate for CreateVoiceAgentParams {
    fn validate(&self) -> Result<()> {
        validate::non_empty("name", &self.name)?;
        check_v2(self.llm.as_ref(), self.phone_number.as_ref(), self.webhook_url.as_deref(), self.webhook_auth.as_ref())
    }
}

impl Validate for UpdateVoiceAgentParams {
    fn validate(&self) -> Result<()> {
        validate::non_empty("voiceAgentId", &self.voice_agent_id)?;
        validate::optional_non_empty("name", self.name.as_deref())?;
        check_v2(self.llm.as_ref(), self.phone_number.as_ref(), self.webhook_url.as_deref(), self.webhook_auth.as_ref())
    }
}

fn check_v2(
    llm: Option<&AgentLlm>,
    phone_number: Option<&AgentPhoneNumber>,
    webhook_url: Option<&str>,
    webhook_auth: Option<&WebhookAuth>,
) -> Result<()> {
    if let Some(llm) = llm {
        validate::optional_webhook_url("llm.baseUrl", llm.base_url.as_deref())?;
    }
    if let Some(number) = phone_number {
        validate::optional_non_empty("phoneNumber.id", number.id.as_deref())?;
    }
    check_webhook(webhook_url, webhook_auth)
}

fn check_webhook(webhook_url: Option<&str>, webhook_auth: Option<&WebhookAuth>) -> Result<()> {
    validate::optional_webhook_url("webhookUrl", webhook_url)?;
    if let Some(auth) = webhook_auth {
        validate::non_empty("webhookAuth.authKey", &auth.auth_key)?;
        validate::non_empty("webhookAuth.authSecret", auth.auth_secret.expose())?;
    }
    Ok(())
}

/// The checks an inline agent (`agentDetails`) gets: its URLs and its webhook credentials.
pub(crate) fn check_agent_details(agent: Option<&AgentDetails>) -> Result<()> {
    let Some(agent) = agent else { return Ok(()) };
    check_v1(agent.llm_config.as_ref(), agent.webhook_url.as_deref(), agent.webhook_auth.as_ref())
}

fn check_v1(llm: Option<&LlmConfigV1>, webhook_url: Option<&str>, webhook_auth: Option<&WebhookAuth>) -> Result<()> {
    if let Some(llm) = llm {
        validate::optional_webhook_url("llmConfig.baseUrl", llm.base_url.as_deref())?;
    }
    check_webhook(webhook_url, webhook_auth)
}

/// `voice_agents.list`: v2 agents, one page, filtered and sorted. The array filters go in the query
/// string as `language[]=ar&language[]=en` and `type[]=...` (the bracketed names the API documents).
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ListVoiceAgentsParams {
    /// The 1-based page number.
    pub skip: Option<u32>,
    /// The page size (the server's default is 10).
    pub take: Option<u32>,
    /// Only agents whose name matches.
    pub search: Option<String>,
    /// e.g. "createdAt".
    pub sort_field: Option<String>,
    /// "asc" or "desc".
    pub sort_order: Option<String>,
    /// Only agents in these languages ("ar", "en"); sent as repeated `language[]`.
    #[serde(rename = "language[]", default, skip_serializing_if = "Vec::is_empty")]
    pub language: Vec<String>,
    /// Only agents of these types ("Single Prompt", "Flow Agent"); sent as repeated `type[]`.
    #[serde(rename = "type[]", default, skip_serializing_if = "Vec::is_empty")]
    pub agent_type: Vec<AgentType>,
}

impl Validate for ListVoiceAgentsParams {
    fn validate(&self) -> Result<()> {
        validate::skip_take(self.skip, self.take)
    }
}

/// `voice_agents.get` and `voice_agents.get_v1`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GetVoiceAgentParams {
    /// The agent's id.
    pub voice_agent_id: String,
}

impl Validate for GetVoiceAgentParams {
    fn validate(&self) -> Result<()> {
        validate::non_empty("voiceAgentId", &self.voice_agent_id)
    }
}

/// `voice_agents.clone`: a copy of an agent or a template (`voiceAgentId` goes in the query string).
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CloneVoiceAgentParams {
    /// The agent or template to copy.
    pub voice_agent_id: String,
    /// The copy's name (the server picks one when left out).
    pub agent_name: Option<String>,
}

impl Validate for CloneVoiceAgentParams {
    fn validate(&self) -> Result<()> {
        validate::non_empty("voiceAgentId", &self.voice_agent_id)?;
        validate::optional_non_empty("agentName", self.agent_name.as_deref())
    }
}

crate::models::v1_agent_struct! {
    /// `voice_agents.create_v1`: a flat v1 agent.
    #[serde_with::skip_serializing_none]
    #[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
    #[serde(rename_all = "camelCase", deny_unknown_fields)]
    pub struct CreateVoiceAgentV1Params {
        /// The agent's name.
        pub agent_name: String,
    }
}

crate::models::v1_agent_struct! {
    /// `voice_agents.update_v1`: only the fields given are sent and changed.
    #[serde_with::skip_serializing_none]
    #[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
    #[serde(rename_all = "camelCase", deny_unknown_fields)]
    pub struct UpdateVoiceAgentV1Params {
        /// The agent to change.
        pub voice_agent_id: String,
        pub agent_name: Option<String>,
    }
}

impl Validate for CreateVoiceAgentV1Params {
    fn validate(&self) -> Result<()> {
        validate::non_empty("agentName", &self.agent_name)?;
        check_v1(self.llm_config.as_ref(), self.webhook_url.as_deref(), self.webhook_auth.as_ref())
    }
}

impl Validate for UpdateVoiceAgentV1Params {
    fn validate(&self) -> Result<()> {
        validate::non_empty("voiceAgentId", &self.voice_agent_id)?;
        validate::optional_non_empty("agentName", self.agent_name.as_deref())?;
        check_v1(self.llm_config.as_ref(), self.webhook_url.as_deref(), self.webhook_auth.as_ref())
    }
}

/// `voice_agents.list_v1`: v1 agents, one page.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ListVoiceAgentsV1Params {
    /// The 1-based page number.
    pub skip: Option<u32>,
    /// The page size (the server's default is 10).
    pub take: Option<u32>,
}

impl Validate for ListVoiceAgentsV1Params {
    fn validate(&self) -> Result<()> {
        validate::skip_take(self.skip, self.take)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn an_update_sends_only_what_was_set() {
        let update: UpdateVoiceAgentParams = serde_json::from_value(json!({
            "voiceAgentId": "a", "callSettings": {"interrupt": false}
        }))
        .unwrap();
        assert_eq!(
            serde_json::to_value(&update).unwrap(),
            json!({"voiceAgentId": "a", "callSettings": {"interrupt": false}})
        );
    }

    #[test]
    fn ranges_are_not_enforced_but_urls_are() {
        let create: CreateVoiceAgentV1Params = serde_json::from_value(json!({
            "agentName": "Sara", "maxCallDuration": 99999, "responseDelay": 1
        }))
        .unwrap();
        assert!(create.validate().is_ok());
        let create: CreateVoiceAgentParams =
            serde_json::from_value(json!({"name": "Sara", "llm": {"baseUrl": "http://example.com/v1"}})).unwrap();
        assert_eq!(create.validate().unwrap_err().field(), Some("llm.baseUrl"));
    }
}
