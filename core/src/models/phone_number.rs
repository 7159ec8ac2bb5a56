use super::Extra;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

crate::open_enum! {
    /// Who carries a phone number's calls.
    PhoneNumberType {
        Twilio => "TWILIO",
        Sip => "SIP",
    }
}

/// A phone number registered in Hamsa.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct PhoneNumber {
    pub id: String,
    /// E.164.
    pub number: Option<String>,
    pub label: Option<String>,
    #[serde(rename = "type")]
    pub number_type: Option<PhoneNumberType>,
    pub user_id: Option<String>,
    pub sip_inbound_configs: Option<Value>,
    pub sip_outbound_configs: Option<Value>,
    /// The agent that answers this number, if any.
    pub voice_agent_id: Option<String>,
    pub voice_agent: Option<Value>,
    /// Legacy Twilio numbers only.
    pub number_sid: Option<String>,
    pub is_active: Option<bool>,
    pub created_at: Option<String>,
    pub updated_at: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// One page of phone numbers. The API answers a bare array; an object with `items` (and `total`) is
/// accepted too, should it change to the shape of the other lists.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, schemars::JsonSchema)]
pub struct PhoneNumberPage {
    pub items: Vec<PhoneNumber>,
    pub total: Option<u64>,
}

impl<'de> Deserialize<'de> for PhoneNumberPage {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Shape {
            Bare(Vec<PhoneNumber>),
            Object {
                #[serde(alias = "phoneNumbers", alias = "data")]
                items: Vec<PhoneNumber>,
                total: Option<u64>,
            },
        }
        Ok(match Shape::deserialize(deserializer)? {
            Shape::Bare(items) => Self { items, total: None },
            Shape::Object { items, total } => Self { items, total },
        })
    }
}
