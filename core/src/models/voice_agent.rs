//! Voice agents: the flat v1 agent (also the inline agent of the call routes, `agentDetails`) and the
//! nested v2 agent. The two versions spell some values differently (`noiseCancellation` is
//! "telephony-optimized" in v1 and "telephony_optimized" in v2, the LLM provider "OpenAI" and "openai"):
//! those values are kept as the raw strings the server sent. The documented ranges of the settings are
//! given in the docs of each field; the SDK does not enforce them (the server is the authority).

use super::{Extra, PhoneNumberType, WebhookAuth};
use crate::secret::Secret;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

crate::open_enum! {
    /// What kind of agent it is.
    AgentType {
        SinglePrompt => "Single Prompt",
        FlowAgent => "Flow Agent",
    }
}

/// Declares a struct with every field of the flat v1 agent that a user can write, each optional, after
/// the struct's own leading fields. The v1 agent, its create and its update request share the list.
macro_rules! v1_agent_struct {
    ($(#[$meta:meta])* pub struct $name:ident { $($head:tt)* }) => {
        $(#[$meta])*
        pub struct $name {
            $($head)*
            /// What the agent says first; `{{name}}` placeholders are filled from `params`.
            pub greeting_message: Option<String>,
            /// "STATIC" (said as written) or "PROMPT" (generated from it); kept as sent.
            pub greeting_message_type: Option<String>,
            pub description: Option<String>,
            /// The system prompt; `{{name}}` placeholders are filled from `params`.
            pub preamble: Option<String>,
            /// "ar" or "en" (the server's default is "ar").
            pub lang: Option<String>,
            /// What the agent says when the user goes quiet.
            pub poke_messages: Option<Vec<String>>,
            pub real_time: Option<bool>,
            /// Milliseconds of silence that end the user's turn (documented: at least 1; default 800).
            pub silence_threshold: Option<i64>,
            /// Whether the user can interrupt the agent.
            pub interrupt: Option<bool>,
            /// "Single Prompt" or "Flow Agent".
            #[serde(rename = "type")]
            pub agent_type: Option<AgentType>,
            /// What the call should achieve (free text).
            pub outcome: Option<String>,
            /// A JSON Schema of the outcome to extract from each call (`type`, `properties`, `required`, `items`).
            pub outcome_response_shape: Option<Value>,
            pub voice_id: Option<String>,
            pub voice_record_id: Option<String>,
            pub collection_id: Option<String>,
            pub is_template: Option<bool>,
            pub icon: Option<String>,
            /// Where Hamsa POSTs this agent's call events; https.
            pub webhook_url: Option<String>,
            /// Sent back as `Authorization: <authKey> <authSecret>` with every event (`{}` reads as none).
            #[serde(default, deserialize_with = "crate::models::empty_object_as_none")]
            pub webhook_auth: Option<WebhookAuth>,
            /// Default values of the `{{placeholders}}` (free-form: the keys are yours).
            pub params: Option<Value>,
            /// Text direction of the greeting and the preamble: `{greetingMessage, preamble}`, "ltr" or "rtl".
            pub alignment: Option<Value>,
            /// The agent's built-in tools: `{genderDetection, smartCallEnd}` (older agents: a Google
            /// Calendar object). Free-form.
            pub tools: Option<Value>,
            pub web_tools_ids: Option<Vec<String>>,
            pub voice_dictionary_ids: Option<Vec<String>>,
            pub knowledge_base_items_ids: Option<Vec<String>>,
            pub web_tools_overrides: Option<Value>,
            /// Seconds without the user before the call ends (documented range 5 to 30; default 15).
            pub user_inactivity_timeout: Option<f64>,
            /// Seconds (documented range 30 to 600; default 300).
            pub max_call_duration: Option<f64>,
            /// Milliseconds before the agent answers (documented range 100 to 1500; default 400).
            pub response_delay: Option<f64>,
            pub background_noise: Option<bool>,
            /// Seconds to wait for the user to speak first (documented range 0 to 2; default 0).
            pub wait_for_user_to_speak_first: Option<f64>,
            pub thinking_voice: Option<bool>,
            pub speaker_identification: Option<bool>,
            /// The LLM: `{provider, modelName, baseUrl, apiKey, temperature}`.
            pub llm_config: Option<LlmConfigV1>,
            /// e.g. "telephony-optimized" (the v1 spelling); kept as sent.
            pub noise_cancellation: Option<String>,
            /// e.g. "conversation".
            pub cancel_noise_per: Option<String>,
            pub agentic_rag: Option<bool>,
            pub language_dialect_switcher: Option<bool>,
            /// Seconds of user speech that interrupt the agent (documented range 0.2 to 1.5; default 0.5).
            pub min_interruption_duration: Option<f64>,
            /// Voice-activity threshold (documented range 0.2 to 0.9; default 0.5).
            pub vad_activation_threshold: Option<f64>,
            pub enable_auto_gain_control: Option<bool>,
            pub send_denoised_to_stt: Option<bool>,
        }
    };
}

pub(crate) use v1_agent_struct;

v1_agent_struct! {
    /// A voice agent in the flat v1 shape: what the v1 agent routes return, and an inline agent
    /// (`agentDetails`) on the call routes, jobs and conversations. Every field is optional; unknown
    /// fields are kept and sent back as they are. `GET /v1/jobs` gives it as a string: JSON text of the
    /// agent is read as the agent, any other text as its `agentName`.
    #[serde_with::skip_serializing_none]
    #[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
    #[serde(rename_all = "camelCase")]
    pub struct AgentDetails {
        /// The agent's id (server-set).
        pub id: Option<String>,
        pub agent_name: Option<String>,
        pub project_id: Option<String>,
        pub api_key_id: Option<String>,
        /// The voice's record (server-set).
        pub voice_record: Option<Value>,
        pub created_at: Option<String>,
        pub updated_at: Option<String>,
        #[serde(flatten)]
        pub extra: Extra,
    }
}

impl AgentDetails {
    /// An inline agent with this name.
    pub fn named(agent_name: impl Into<String>) -> Self {
        Self { agent_name: Some(agent_name.into()), ..Self::default() }
    }
}

/// The LLM of a v1 agent.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct LlmConfigV1 {
    /// e.g. "OpenAI" (the v1 spelling); kept as sent.
    pub provider: Option<String>,
    /// e.g. "GPT-4.1".
    pub model_name: Option<String>,
    /// A custom LLM's endpoint; https.
    pub base_url: Option<String>,
    /// A custom LLM's key (a secret: never shown).
    pub api_key: Option<Secret>,
    pub temperature: Option<f64>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// An `agentDetails` field: the object, or the string form `GET /v1/jobs` sends (JSON text of the agent,
/// or just its name).
pub(crate) fn lenient_agent_details<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<AgentDetails>, D::Error> {
    use serde::de::Error;
    match Option::<Value>::deserialize(deserializer)? {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(text)) => match serde_json::from_str::<Value>(&text) {
            Ok(value @ Value::Object(_)) => serde_json::from_value(value).map(Some).map_err(D::Error::custom),
            _ if text.is_empty() => Ok(None),
            _ => Ok(Some(AgentDetails::named(text))),
        },
        Some(value) => serde_json::from_value(value).map(Some).map_err(D::Error::custom),
    }
}

/// An optional object that the server may send as `{}` (or null) when it is not set.
pub(crate) fn empty_object_as_none<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: serde::de::DeserializeOwned,
{
    use serde::de::Error;
    match Option::<Value>::deserialize(deserializer)? {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Object(map)) if map.is_empty() => Ok(None),
        Some(value) => serde_json::from_value(value).map(Some).map_err(D::Error::custom),
    }
}

/// One page of v1 agents.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct VoiceAgentV1Page {
    /// Every agent.
    pub total: Option<u64>,
    /// The agents that match the filters.
    pub filtered: Option<u64>,
    #[serde(default)]
    pub voice_agents: Vec<AgentDetails>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// What a v2 agent says: greeting, prompt, reminders and placeholders.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct AgentConversation {
    /// What the agent says first; `{{name}}` placeholders are filled from `params`.
    pub greeting_message: Option<String>,
    /// e.g. "TEXT" (the v2 values are not documented); kept as sent.
    pub greeting_message_type: Option<String>,
    /// The system prompt; `{{name}}` placeholders are filled from `params`.
    pub preamble: Option<String>,
    /// What the agent says when the user goes quiet.
    pub poke_messages: Option<Vec<String>>,
    /// Default values of the `{{placeholders}}` (free-form: the keys are yours).
    pub params: Option<Value>,
    /// Text direction: `{greetingMessage, preamble}`, each "ltr" or "rtl".
    pub alignment: Option<Value>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// The voice of a v2 agent.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct AgentVoice {
    /// A Hamsa voice id.
    pub voice_id: Option<String>,
    pub voice_record_id: Option<String>,
    /// The voice's record (server-set): `{id, name, provider, language, image, languageCode, voiceRecord}`.
    pub voice_record: Option<Value>,
    /// "ar" or "en".
    pub lang: Option<String>,
    /// Provider-specific text-to-speech settings.
    pub tts_params: Option<Value>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// The LLM of a v2 agent.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct AgentLlm {
    /// e.g. "openai" (the v2 spelling); kept as sent.
    pub provider: Option<String>,
    /// e.g. "gpt-4".
    pub model: Option<String>,
    pub temperature: Option<f64>,
    /// A custom LLM's endpoint; https.
    pub base_url: Option<String>,
    /// A custom LLM's key (a secret: never shown).
    pub api_key: Option<Secret>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// How a v2 agent behaves on a call. The documented ranges are not enforced by the SDK.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct AgentCallSettings {
    /// e.g. "telephony_optimized" (the v2 spelling); kept as sent.
    pub noise_cancellation: Option<String>,
    /// e.g. "conversation".
    pub cancel_noise_per: Option<String>,
    /// Whether the user can interrupt the agent.
    pub interrupt: Option<bool>,
    /// Milliseconds before the agent answers (documented range 100 to 1500).
    pub response_delay: Option<f64>,
    /// Seconds of user speech that interrupt the agent (documented range 0.2 to 1.5).
    pub min_interruption_duration: Option<f64>,
    /// Voice-activity threshold (documented range 0.2 to 0.9).
    pub vad_activation_threshold: Option<f64>,
    /// Seconds without the user before the call ends (documented range 5 to 30).
    pub user_inactivity_timeout: Option<f64>,
    /// Seconds (documented range 30 to 600).
    pub max_call_duration: Option<f64>,
    /// Milliseconds of silence that end the user's turn (documented: at least 1).
    pub silence_threshold: Option<i64>,
    pub background_noise: Option<bool>,
    pub enable_auto_gain_control: Option<bool>,
    pub send_denoised_to_stt: Option<bool>,
    /// Seconds to wait for the user to speak first (documented range 0 to 2).
    pub wait_for_user_to_speak_first: Option<f64>,
    pub thinking_voice: Option<bool>,
    pub speaker_identification: Option<bool>,
    pub agentic_rag: Option<bool>,
    pub language_dialect_switcher: Option<bool>,
    pub gender_detection: Option<bool>,
    pub smart_call_end: Option<bool>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A web tool attached to a v2 agent, at one version.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct AgentToolRef {
    /// The tool across its versions.
    pub persistent_id: Option<String>,
    /// The tool version's id.
    pub tool_id: Option<String>,
    pub version: Option<i64>,
    /// e.g. "FUNCTION".
    pub tool_type: Option<String>,
    /// The workflow node that uses it (Flow agents).
    pub node_id: Option<String>,
    pub test_result: Option<Value>,
    pub overrides: Option<Value>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// The number a v2 agent answers and calls from.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct AgentPhoneNumber {
    /// TWILIO or SIP.
    #[serde(rename = "type")]
    pub number_type: Option<PhoneNumberType>,
    /// The phone number's id.
    pub id: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// The graph of a Flow agent.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct AgentWorkflow {
    /// `{id, type ("start", ...), label, message, messageType, position{x,y}, metadata{version}, transitions[]}`.
    pub nodes: Option<Vec<Value>>,
    pub edges: Option<Vec<Value>>,
    pub custom_variables: Option<Vec<Value>>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A voice agent in the nested v2 shape.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct VoiceAgent {
    pub id: String,
    pub name: Option<String>,
    /// "Single Prompt" or "Flow Agent".
    #[serde(rename = "type")]
    pub agent_type: Option<AgentType>,
    pub conversation: Option<AgentConversation>,
    pub voice: Option<AgentVoice>,
    pub llm: Option<AgentLlm>,
    pub call_settings: Option<AgentCallSettings>,
    pub tools: Option<Vec<AgentToolRef>>,
    pub knowledge_base_items_ids: Option<Vec<String>>,
    pub voice_dictionary_ids: Option<Vec<String>>,
    pub phone_number: Option<AgentPhoneNumber>,
    pub webhook_url: Option<String>,
    /// Sent back as `Authorization: <authKey> <authSecret>` with every event (`{}` reads as none).
    #[serde(default, deserialize_with = "crate::models::empty_object_as_none")]
    pub webhook_auth: Option<WebhookAuth>,
    pub workflow: Option<AgentWorkflow>,
    /// A JSON Schema of the outcome to extract from each call.
    pub outcome_response_shape: Option<Value>,
    /// The web tools of `tools`, resolved (on `voice_agents.get`).
    pub resolved_web_tools: Option<Vec<Value>>,
    /// `{plan}`.
    pub account: Option<Value>,
    pub created_at: Option<String>,
    pub updated_at: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// One page of v2 agents.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct VoiceAgentPage {
    /// Every agent.
    pub total: Option<u64>,
    /// The agents that match the filters.
    pub filtered: Option<u64>,
    #[serde(default)]
    pub voice_agents: Vec<VoiceAgent>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[derive(Deserialize)]
    struct Holder {
        #[serde(default, deserialize_with = "lenient_agent_details")]
        agent_details: Option<AgentDetails>,
    }

    #[test]
    fn agent_details_in_every_form() {
        let read =
            |value: Value| serde_json::from_value::<Holder>(json!({ "agent_details": value })).unwrap().agent_details;
        assert_eq!(read(json!("Support Agent")).unwrap().agent_name.as_deref(), Some("Support Agent"));
        let text = read(json!(r#"{"agentName":"Sara","lang":"ar","x":1}"#)).unwrap();
        assert_eq!((text.agent_name.as_deref(), text.lang.as_deref()), (Some("Sara"), Some("ar")));
        assert_eq!(text.extra.get("x"), Some(&json!(1)));
        assert_eq!(
            read(json!({"agentName": "Sara", "tools": {"calendarName": "c"}})).unwrap().tools.unwrap()["calendarName"],
            "c"
        );
        assert!(read(Value::Null).is_none());
    }

    #[test]
    fn llm_keys_are_never_shown() {
        let agent: VoiceAgent = serde_json::from_value(json!({"id": "a", "llm": {"apiKey": "sk-hidden"}})).unwrap();
        assert!(!format!("{agent:?}").contains("sk-hidden"));
        assert_eq!(serde_json::to_value(&agent).unwrap()["llm"]["apiKey"], "sk-hidden");
    }
}
