//! A project secret, as the API answers it: never its value.

use super::Extra;
use serde::{Deserialize, Serialize};

/// A project secret (for tools). The API never returns the value; a `value` that an answer carried
/// anyway is dropped, never kept in `extra` nor shown.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ProjectSecret {
    pub id: String,
    pub name: Option<String>,
    pub description: Option<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    pub last_accessed_at: Option<String>,
    pub created_at: Option<String>,
    pub updated_at: Option<String>,
    /// Swallows a `value` the server might echo, so it never reaches `extra`.
    #[serde(default, skip_serializing, rename = "value")]
    #[schemars(skip)]
    echoed_value: Option<serde::de::IgnoredAny>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_echoed_value_is_dropped() {
        let secret: ProjectSecret =
            serde_json::from_str(r#"{"id":"s","name":"n","value":"s3cr3t","other":1}"#).unwrap();
        let shown = format!("{secret:?} {}", serde_json::to_string(&secret).unwrap());
        assert!(!shown.contains("s3cr3t"), "{shown}");
        assert_eq!(secret.extra["other"], 1);
    }
}
