//! Arguments of the knowledge-base endpoints.

use crate::error::{Error, Result};
use crate::models::KnowledgeBaseItemType;
use crate::validate::{self, Validate};
use serde::{Deserialize, Serialize};

/// The longest item name the API takes.
pub const MAX_KNOWLEDGE_BASE_ITEM_NAME: usize = 250;

/// One item to add to the knowledge base: a text (`content`), web pages (`itemUrl`, `itemUrls`) or a
/// file, by `type`.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewKnowledgeBaseItem {
    /// 1 to 250 characters.
    pub item_name: String,
    /// `TEXT`, or another type the server knows (`URL`, `FILE` are inferred from the docs).
    #[serde(rename = "type")]
    pub item_type: KnowledgeBaseItemType,
    /// The text, for a `TEXT` item.
    pub content: Option<String>,
    /// A web page (http or https).
    pub item_url: Option<String>,
    /// Several web pages (http or https).
    pub item_urls: Option<Vec<String>>,
}

impl NewKnowledgeBaseItem {
    fn validate_at(&self, index: usize) -> Result<()> {
        item_name(&format!("items[{index}].itemName"), &self.item_name)?;
        if let Some(url) = &self.item_url {
            validate::web_page_url(&format!("items[{index}].itemUrl"), url)?;
        }
        for (i, url) in self.item_urls.iter().flatten().enumerate() {
            validate::web_page_url(&format!("items[{index}].itemUrls[{i}]"), url)?;
        }
        Ok(())
    }
}

fn item_name(field: &str, name: &str) -> Result<()> {
    validate::non_empty(field, name)?;
    let length = name.chars().count();
    if length > MAX_KNOWLEDGE_BASE_ITEM_NAME {
        return Err(Error::invalid_argument(
            field,
            format!("is {length} characters long; at most {MAX_KNOWLEDGE_BASE_ITEM_NAME} are allowed"),
        ));
    }
    Ok(())
}

/// `knowledge_base.create`: add one or more items.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CreateKnowledgeBaseItemsParams {
    /// At least one.
    pub items: Vec<NewKnowledgeBaseItem>,
}

impl Validate for CreateKnowledgeBaseItemsParams {
    fn validate(&self) -> Result<()> {
        if self.items.is_empty() {
            return Err(Error::invalid_argument("items", "must hold at least one item"));
        }
        self.items.iter().enumerate().try_for_each(|(i, item)| item.validate_at(i))
    }
}

/// `knowledge_base.list`: one page of items, filtered. `skip` is a 1-based page number and `take` the
/// page size.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ListKnowledgeBaseParams {
    /// Only the items of this agent.
    pub voice_agent_id: Option<String>,
    /// Only active (or inactive) items.
    pub is_active: Option<bool>,
    /// Only items an agent uses (or none does).
    pub used: Option<bool>,
    /// Only items whose name contains this text (the parameter's name is inferred: `search`).
    pub search: Option<String>,
    /// Only items of these types (sent as a repeated query parameter).
    #[serde(rename = "type", default, skip_serializing_if = "Vec::is_empty")]
    pub item_type: Vec<KnowledgeBaseItemType>,
    /// The 1-based page number.
    pub skip: Option<u32>,
    /// The page size (the server's default is 10).
    pub take: Option<u32>,
}

impl Validate for ListKnowledgeBaseParams {
    fn validate(&self) -> Result<()> {
        validate::optional_non_empty("voiceAgentId", self.voice_agent_id.as_deref())?;
        validate::skip_take(self.skip, self.take)
    }
}

/// `knowledge_base.get`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GetKnowledgeBaseItemParams {
    /// The item's id.
    pub id: String,
}

impl Validate for GetKnowledgeBaseItemParams {
    fn validate(&self) -> Result<()> {
        validate::non_empty("id", &self.id)
    }
}

/// `knowledge_base.update`: rename an item (its name is all the route changes).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct UpdateKnowledgeBaseItemParams {
    /// The item's id.
    pub id: String,
    /// The new name, 1 to 250 characters.
    pub item_name: String,
}

impl Validate for UpdateKnowledgeBaseItemParams {
    fn validate(&self) -> Result<()> {
        validate::non_empty("id", &self.id)?;
        item_name("itemName", &self.item_name)
    }
}

/// `knowledge_base.delete_url`: remove one web page from a URL item (sent as a JSON body on DELETE).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DeleteKnowledgeBaseUrlParams {
    /// The item's id.
    pub id: String,
    /// The page to remove, as it is in the item's `itemUrls`.
    pub url: String,
}

impl Validate for DeleteKnowledgeBaseUrlParams {
    fn validate(&self) -> Result<()> {
        validate::non_empty("id", &self.id)?;
        validate::web_page_url("url", &self.url)
    }
}
