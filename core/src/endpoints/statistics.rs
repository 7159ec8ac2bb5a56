//! Arguments of the usage-statistics endpoints.

use crate::error::Result;
use crate::validate::{self, Validate};
use serde::{Deserialize, Serialize};

/// `statistics.totals` and `statistics.chart`: the usage over a period.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StatisticsParams {
    /// The period's start (the format is not documented: epoch milliseconds, as the analytics take).
    pub start_period: String,
    /// The period's end, in the same format.
    pub end_period: String,
    /// The project; left out, the API key's project.
    pub project_id: Option<String>,
}

impl Validate for StatisticsParams {
    fn validate(&self) -> Result<()> {
        validate::non_empty("startPeriod", &self.start_period)?;
        validate::non_empty("endPeriod", &self.end_period)?;
        validate::optional_non_empty("projectId", self.project_id.as_deref())
    }
}
