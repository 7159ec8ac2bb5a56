//! Arguments of the phone-number endpoints.

use crate::error::{Error, Result};
use crate::models::PhoneNumberType;
use crate::secret::Secret;
use crate::validate::{self, Validate};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// `phone_numbers.add`: register a Twilio number (with its account credentials) or a SIP trunk number.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AddPhoneNumberParams {
    /// TWILIO or SIP.
    #[serde(rename = "type")]
    pub number_type: PhoneNumberType,
    /// E.164.
    pub phone_number: String,
    /// A name for the number.
    pub label: String,
    /// TWILIO only.
    pub twilio_account_sid: Option<String>,
    /// TWILIO only.
    pub twilio_auth_token: Option<Secret>,
    /// SIP only: `{address, transportType, customHeaders}`.
    pub sip_outbound_configs: Option<Value>,
    /// SIP only, when the trunk authenticates.
    pub sip_username: Option<String>,
    /// SIP only (a secret: never logged).
    pub sip_password: Option<Secret>,
}

impl Validate for AddPhoneNumberParams {
    fn validate(&self) -> Result<()> {
        validate::e164("phoneNumber", &self.phone_number)?;
        validate::non_empty("label", &self.label)?;
        if self.number_type == PhoneNumberType::Twilio {
            let sid = self.twilio_account_sid.as_deref().unwrap_or_default();
            validate::non_empty("twilioAccountSid", sid)?;
            let token = self.twilio_auth_token.as_ref().map(Secret::expose).unwrap_or_default();
            if token.trim().is_empty() {
                return Err(Error::invalid_argument("twilioAuthToken", "is required for a TWILIO number"));
            }
        }
        Ok(())
    }
}

/// `phone_numbers.add_twilio`: the legacy Twilio route (the original document's).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AddTwilioPhoneNumberParams {
    /// E.164.
    pub phone_number: String,
    /// A name for the number.
    pub label: String,
    /// The number's SID in Twilio (`PN...`).
    pub twilio_number_sid: String,
    /// The Twilio account SID (`AC...`).
    pub twilio_account_sid: String,
    /// The Twilio auth token (a secret: never logged).
    pub twilio_auth_token: Secret,
}

impl Validate for AddTwilioPhoneNumberParams {
    fn validate(&self) -> Result<()> {
        validate::e164("phoneNumber", &self.phone_number)?;
        validate::non_empty("label", &self.label)?;
        validate::non_empty("twilioNumberSid", &self.twilio_number_sid)?;
        validate::non_empty("twilioAccountSid", &self.twilio_account_sid)?;
        validate::non_empty("twilioAuthToken", self.twilio_auth_token.expose())
    }
}

/// `phone_numbers.list`. `skip` is a 1-based page number and `take` the page size.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ListPhoneNumbersParams {
    /// Only the numbers of this agent.
    pub voice_agent_id: Option<String>,
    /// The 1-based page number.
    pub skip: Option<u32>,
    /// The page size (the server's default is 10).
    pub take: Option<u32>,
    /// Only TWILIO or only SIP numbers.
    pub provider: Option<PhoneNumberType>,
}

impl Validate for ListPhoneNumbersParams {
    fn validate(&self) -> Result<()> {
        validate::optional_non_empty("voiceAgentId", self.voice_agent_id.as_deref())?;
        validate::skip_take(self.skip, self.take)
    }
}

/// `phone_numbers.get`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GetPhoneNumberParams {
    /// The phone number's id.
    pub pid: String,
}

impl Validate for GetPhoneNumberParams {
    fn validate(&self) -> Result<()> {
        validate::non_empty("pid", &self.pid)
    }
}

/// `phone_numbers.assign`: let an agent answer (and call from) a number.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AssignPhoneNumberParams {
    /// The agent that will answer and place calls on the number.
    pub voice_agent_id: String,
    /// The registered number, E.164.
    pub phone_number: String,
}

impl Validate for AssignPhoneNumberParams {
    fn validate(&self) -> Result<()> {
        validate::non_empty("voiceAgentId", &self.voice_agent_id)?;
        validate::e164("phoneNumber", &self.phone_number)
    }
}

/// `phone_numbers.assign_twilio`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AssignTwilioNumberParams {
    /// The registered Twilio number, E.164.
    pub twilio_phone_number: String,
    /// The agent that will answer and place calls on the number.
    pub voice_agent_id: String,
}

impl Validate for AssignTwilioNumberParams {
    fn validate(&self) -> Result<()> {
        validate::e164("twilioPhoneNumber", &self.twilio_phone_number)?;
        validate::non_empty("voiceAgentId", &self.voice_agent_id)
    }
}

/// `phone_numbers.unassign`: detach a number from its agent(s).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct UnassignPhoneNumberParams {
    /// The registered number, E.164.
    pub phone_number: String,
}

impl Validate for UnassignPhoneNumberParams {
    fn validate(&self) -> Result<()> {
        validate::e164("phoneNumber", &self.phone_number)
    }
}
