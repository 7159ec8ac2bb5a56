//! Arguments of the project endpoints.

use crate::error::Result;
use crate::validate::Validate;
use serde::{Deserialize, Serialize};

/// `projects.get`: no arguments; the project is the API key's.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GetProjectParams {}

impl Validate for GetProjectParams {
    fn validate(&self) -> Result<()> {
        Ok(())
    }
}
