//! Arguments of the project-secret endpoints. A secret's value is a [`Secret`]: never shown, and never
//! returned by the API.

use crate::error::{Error, Result};
use crate::secret::Secret;
use crate::validate::{self, Validate};
use serde::{Deserialize, Serialize};

fn tags(tags: Option<&[String]>) -> Result<()> {
    tags.unwrap_or_default().iter().enumerate().try_for_each(|(i, t)| validate::non_empty(&format!("tags[{i}]"), t))
}

/// `secrets.create`: store a secret in the project (for tools to use).
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CreateSecretParams {
    /// The secret's name.
    pub name: String,
    /// The value (never shown, never returned).
    pub value: Secret,
    pub description: Option<String>,
    pub tags: Option<Vec<String>>,
}

impl Validate for CreateSecretParams {
    fn validate(&self) -> Result<()> {
        validate::non_empty("name", &self.name)?;
        if self.value.is_empty() {
            return Err(Error::invalid_argument("value", "must not be empty"));
        }
        tags(self.tags.as_deref())
    }
}

/// `secrets.update`: only the fields set are sent.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct UpdateSecretParams {
    /// The secret's id.
    pub id: String,
    pub name: Option<String>,
    /// A new value (never shown, never returned).
    pub value: Option<Secret>,
    pub description: Option<String>,
    pub tags: Option<Vec<String>>,
}

impl Validate for UpdateSecretParams {
    fn validate(&self) -> Result<()> {
        validate::non_empty("id", &self.id)?;
        validate::optional_non_empty("name", self.name.as_deref())?;
        if self.value.as_ref().is_some_and(Secret::is_empty) {
            return Err(Error::invalid_argument("value", "must not be empty"));
        }
        tags(self.tags.as_deref())
    }
}
