//! Arguments of the outbound-call endpoints. Each endpoint names its caller-id field its own way
//! (`fromNumber`, `twilioPhoneNumber`, `phoneNumber`); the SDK keeps each endpoint's own names.

use crate::error::Result;
use crate::models::{AgentDetails, WebhookAuth};
use crate::validate::{self, Validate};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// `calls.create`: a call from a number registered in Hamsa (any provider).
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CreateCallParams {
    /// The number to call, E.164.
    pub to_number: String,
    /// A number registered in Hamsa, E.164.
    pub from_number: String,
    /// The voice agent that talks on the call.
    pub voice_agent_id: Option<String>,
    /// Values for the agent's `{{placeholders}}`.
    pub params: Option<Value>,
    /// An inline agent in the v1 shape, instead of `voiceAgentId`.
    pub agent_details: Option<AgentDetails>,
    /// Where Hamsa POSTs this call's events (`call.started` ... `call.ended`); https.
    pub webhook_url: Option<String>,
    /// Sent back as `Authorization: <authKey> <authSecret>` with every event.
    pub webhook_auth: Option<WebhookAuth>,
}

impl Validate for CreateCallParams {
    fn validate(&self) -> Result<()> {
        validate::e164("toNumber", &self.to_number)?;
        validate::e164("fromNumber", &self.from_number)?;
        super::voice_agents::check_agent_details(self.agent_details.as_ref())?;
        check_agent_and_webhook(self.voice_agent_id.as_deref(), self.webhook_url.as_deref(), self.webhook_auth.as_ref())
    }
}

/// `calls.create_twilio`: a call through a Twilio number (the original document's route).
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CreateTwilioCallParams {
    /// The number to call, E.164.
    pub to_number: String,
    /// Your Twilio number, E.164.
    pub twilio_phone_number: String,
    /// An inline agent in the v1 shape (e.g. `{"agentName": "..."}`), instead of or on top of `voiceAgentId`.
    pub agent_details: Option<AgentDetails>,
    /// The voice agent that talks on the call.
    pub voice_agent_id: Option<String>,
    /// Values for the agent's `{{placeholders}}`.
    pub params: Option<Value>,
    /// Where Hamsa POSTs this call's events (`call.started` ... `call.ended`); https.
    pub webhook_url: Option<String>,
    /// Sent back as `Authorization: <authKey> <authSecret>` with every event.
    pub webhook_auth: Option<WebhookAuth>,
}

impl Validate for CreateTwilioCallParams {
    fn validate(&self) -> Result<()> {
        validate::e164("toNumber", &self.to_number)?;
        validate::e164("twilioPhoneNumber", &self.twilio_phone_number)?;
        super::voice_agents::check_agent_details(self.agent_details.as_ref())?;
        check_agent_and_webhook(self.voice_agent_id.as_deref(), self.webhook_url.as_deref(), self.webhook_auth.as_ref())
    }
}

/// `calls.create_with_phone_number`: a call through a custom phone number, with a stored agent
/// (`voiceAgentId` + `params`) or an inline one (`agentDetails`).
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CreateCallWithPhoneNumberParams {
    /// The number to call, E.164.
    pub to_number: String,
    /// The registered number to call from, E.164.
    pub phone_number: String,
    /// The voice agent that talks on the call.
    pub voice_agent_id: Option<String>,
    /// Values for the agent's `{{placeholders}}` (with `voiceAgentId`).
    pub params: Option<Value>,
    /// An inline agent in the v1 shape, instead of `voiceAgentId` and `params`.
    pub agent_details: Option<AgentDetails>,
}

impl Validate for CreateCallWithPhoneNumberParams {
    fn validate(&self) -> Result<()> {
        validate::e164("toNumber", &self.to_number)?;
        validate::e164("phoneNumber", &self.phone_number)?;
        validate::optional_non_empty("voiceAgentId", self.voice_agent_id.as_deref())?;
        super::voice_agents::check_agent_details(self.agent_details.as_ref())
    }
}

fn check_agent_and_webhook(
    voice_agent_id: Option<&str>,
    webhook_url: Option<&str>,
    auth: Option<&WebhookAuth>,
) -> Result<()> {
    validate::optional_non_empty("voiceAgentId", voice_agent_id)?;
    validate::optional_webhook_url("webhookUrl", webhook_url)?;
    if let Some(auth) = auth {
        validate::non_empty("webhookAuth.authKey", &auth.auth_key)?;
        validate::non_empty("webhookAuth.authSecret", auth.auth_secret.expose())?;
    }
    Ok(())
}
