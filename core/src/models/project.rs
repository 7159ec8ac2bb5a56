use super::Extra;
use serde::{Deserialize, Serialize};

/// The project an API key belongs to (`projects.get`). Its `id` is the `projectId` other operations take.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Project {
    pub id: String,
    pub name: Option<String>,
    pub is_deactivated: Option<bool>,
    pub created_at: Option<String>,
    pub updated_at: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}
