use super::{Extra, lenient};
use serde::de::value::{MapAccessDeserializer, SeqAccessDeserializer};
use serde::de::{MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;
use std::fmt;

crate::open_enum! {
    /// What a knowledge-base item holds. Only `TEXT` is documented; `URL` and `FILE` are inferred from
    /// the docs (URL items, uploaded files); any other value is kept as it is.
    KnowledgeBaseItemType {
        Text => "TEXT",
        Url => "URL",
        File => "FILE",
    }
}

/// One item of the knowledge base: a text, a set of web pages or a file the agents can draw on.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct KnowledgeBaseItem {
    pub id: String,
    pub user_id: Option<String>,
    pub project_id: Option<String>,
    pub item_name: Option<String>,
    /// As the server shows it, e.g. `"2.5MB"`.
    pub file_size: Option<String>,
    #[serde(rename = "type")]
    pub item_type: Option<KnowledgeBaseItemType>,
    /// Processing state, e.g. `PROCESSED` (the full list is not documented).
    pub status: Option<String>,
    /// Why processing failed, when it did.
    pub failure_reason: Option<String>,
    pub content: Option<String>,
    pub item_url: Option<String>,
    #[serde(default)]
    pub item_urls: Vec<String>,
    #[serde(default, deserialize_with = "lenient::count")]
    pub words_number: Option<u64>,
    /// A string or a number (the docs show both).
    pub extension: Option<Value>,
    pub created_at: Option<String>,
    pub updated_at: Option<String>,
    pub is_active: Option<bool>,
    /// Whether an agent uses the item (the server sends a bool or `"true"`/`"false"`).
    #[serde(default, deserialize_with = "lenient::bool")]
    pub used: Option<bool>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// What `knowledge_base.create` gives: the items created. The API's answer is one item or a list of them
/// (the docs show one item for a request that may hold several); both are read into `items`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, schemars::JsonSchema)]
pub struct KnowledgeBaseItems {
    pub items: Vec<KnowledgeBaseItem>,
}

impl<'de> Deserialize<'de> for KnowledgeBaseItems {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = KnowledgeBaseItems;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a knowledge-base item or a list of them")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
                Ok(KnowledgeBaseItems { items: Vec::deserialize(SeqAccessDeserializer::new(seq))? })
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                let item = KnowledgeBaseItem::deserialize(MapAccessDeserializer::new(map))?;
                Ok(KnowledgeBaseItems { items: vec![item] })
            }
        }
        deserializer.deserialize_any(V)
    }
}

/// One page of knowledge-base items.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct KnowledgeBasePage {
    /// Every item.
    #[serde(default, deserialize_with = "lenient::count")]
    pub total: Option<u64>,
    /// The items that match the filters.
    #[serde(default, deserialize_with = "lenient::count")]
    pub filtered: Option<u64>,
    #[serde(default)]
    pub items: Vec<KnowledgeBaseItem>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn create_answers_one_item_or_a_list() {
        let one: KnowledgeBaseItems = serde_json::from_value(json!({"id": "a", "used": "false"})).unwrap();
        assert_eq!(one.items.len(), 1);
        assert_eq!(one.items[0].used, Some(false));
        let two: KnowledgeBaseItems = serde_json::from_value(json!([{"id": "a"}, {"id": "b", "used": true}])).unwrap();
        assert_eq!(two.items.iter().map(|i| i.id.as_str()).collect::<Vec<_>>(), ["a", "b"]);
        assert_eq!(serde_json::to_value(&two).unwrap()["items"][1]["used"], json!(true));
    }

    #[test]
    fn unknown_types_and_fields_are_kept() {
        let item: KnowledgeBaseItem =
            serde_json::from_value(json!({"id": "a", "type": "PDF", "extension": 1298, "newField": 1})).unwrap();
        assert_eq!(item.item_type, Some(KnowledgeBaseItemType::Unknown("PDF".into())));
        assert_eq!(item.extra["newField"], json!(1));
        assert_eq!(serde_json::to_value(&item).unwrap()["type"], "PDF");
    }
}
