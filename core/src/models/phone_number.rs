use super::Extra;
use serde::de::value::SeqAccessDeserializer;
use serde::de::{self, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;
use std::fmt;

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
    /// Reads either shape in one pass (an untagged enum would buffer the whole list before trying each).
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(PageVisitor)
    }
}

struct PageVisitor;

impl<'de> Visitor<'de> for PageVisitor {
    type Value = PhoneNumberPage;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of phone numbers, or an object with `items` and `total`")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        let items = Vec::<PhoneNumber>::deserialize(SeqAccessDeserializer::new(seq))?;
        Ok(PhoneNumberPage { items, total: None })
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let (mut items, mut total) = (None, None);
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            match key.as_ref() {
                "items" | "phoneNumbers" | "data" if items.is_none() => items = Some(map.next_value()?),
                "total" => total = map.next_value()?,
                _ => {
                    map.next_value::<de::IgnoredAny>()?;
                }
            }
        }
        let items = items.ok_or_else(|| de::Error::missing_field("items"))?;
        Ok(PhoneNumberPage { items, total })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_is_a_bare_list_or_an_object_with_items() {
        let bare: PhoneNumberPage = serde_json::from_str(r#"[{"id":"a"},{"id":"b","x":1}]"#).unwrap();
        assert_eq!((bare.items.len(), bare.total), (2, None));
        assert_eq!(bare.items[1].extra.get("x"), Some(&serde_json::json!(1)));
        for key in ["items", "phoneNumbers", "data"] {
            let text = format!(r#"{{"skip":1,"{key}":[{{"id":"a"}}],"total":7}}"#);
            let page: PhoneNumberPage = serde_json::from_str(&text).unwrap();
            assert_eq!((page.items[0].id.as_str(), page.total), ("a", Some(7)), "{key}");
        }
    }

    #[test]
    fn a_page_without_items_is_an_error_not_an_empty_page() {
        for text in [r#"{"total":3}"#, "7", r#""x""#, r#"[{"number":"+1"}]"#] {
            assert!(serde_json::from_str::<PhoneNumberPage>(text).is_err(), "{text}");
        }
    }
}
