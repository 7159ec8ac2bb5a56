//! Arguments of the job endpoints.

use crate::error::Result;
use crate::validate::{self, Validate};
use serde::{Deserialize, Serialize};

/// `jobs.get` (and `jobs.wait`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GetJobParams {
    /// The job's id (for a call: the id the call endpoint returned).
    pub job_id: String,
}

impl Validate for GetJobParams {
    fn validate(&self) -> Result<()> {
        validate::non_empty("jobId", &self.job_id)
    }
}
