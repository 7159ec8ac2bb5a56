use super::{Extra, lenient};
use serde::{Deserialize, Serialize};

/// One word of a pronunciation dictionary, as the server returns it.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct DictionaryWord {
    pub word: Option<String>,
    /// How the agent says it.
    pub pronunciation: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A pronunciation dictionary: how an agent says particular words. `create` and `update` return `words`;
/// the list returns `wordsCount` and `isUsed` instead.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct VoiceDictionary {
    pub id: String,
    pub name: Option<String>,
    #[serde(default)]
    pub words: Vec<DictionaryWord>,
    #[serde(default, deserialize_with = "lenient::count")]
    pub words_count: Option<u64>,
    /// Whether an agent has it active (a bool or `"true"`/`"false"`).
    #[serde(default, deserialize_with = "lenient::bool")]
    pub is_used: Option<bool>,
    pub created_at: Option<String>,
    pub updated_at: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// One page of dictionaries.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct VoiceDictionaryPage {
    #[serde(default)]
    pub dictionaries: Vec<VoiceDictionary>,
    /// Every dictionary that matches.
    #[serde(default, deserialize_with = "lenient::count")]
    pub total: Option<u64>,
    /// This page's number (1-based).
    #[serde(default, deserialize_with = "lenient::count")]
    pub page: Option<u64>,
    #[serde(default, deserialize_with = "lenient::count")]
    pub page_size: Option<u64>,
    #[serde(flatten)]
    pub extra: Extra,
}
