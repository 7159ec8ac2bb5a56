//! Arguments of the agent-analytics endpoints.

use crate::error::{Error, Result};
use crate::models::AnalyticsPeriod;
use crate::validate::{self, Validate};
use serde::{Deserialize, Serialize};

/// The window of `analytics.overview`, `analytics.performance` and `analytics.satisfaction`.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AnalyticsParams {
    /// One agent (all agents when left out).
    pub voice_agent_id: Option<String>,
    /// The window (the server's default is `TODAY`); `CUSTOM` needs `startPeriod` and `endPeriod`.
    pub period: Option<AnalyticsPeriod>,
    /// Epoch milliseconds, with `period: CUSTOM` (the query string carries it as text).
    pub start_period: Option<i64>,
    /// Epoch milliseconds, with `period: CUSTOM`; not before `startPeriod`.
    pub end_period: Option<i64>,
    /// The caller's offset from UTC in hours, as text (`"-3"`, `"5.5"`; the server's default is `"0"`).
    pub time_difference: Option<String>,
}

impl Validate for AnalyticsParams {
    fn validate(&self) -> Result<()> {
        validate::optional_non_empty("voiceAgentId", self.voice_agent_id.as_deref())?;
        if self.period == Some(AnalyticsPeriod::Custom) {
            if self.start_period.is_none() {
                return Err(Error::invalid_argument("startPeriod", "is required when period is CUSTOM"));
            }
            if self.end_period.is_none() {
                return Err(Error::invalid_argument("endPeriod", "is required when period is CUSTOM"));
            }
        }
        if let (Some(start), Some(end)) = (self.start_period, self.end_period)
            && end < start
        {
            return Err(Error::invalid_argument("endPeriod", format!("{end} is before startPeriod {start}")));
        }
        if let Some(offset) = &self.time_difference
            && offset.trim().parse::<f64>().is_err()
        {
            return Err(Error::invalid_argument(
                "timeDifference",
                format!("{offset:?} is not an offset from UTC in hours (e.g. \"-3\" or \"5.5\")"),
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_custom_period_needs_both_ends() {
        let custom = AnalyticsParams { period: Some(AnalyticsPeriod::Custom), ..Default::default() };
        assert_eq!(custom.validate().unwrap_err().field(), Some("startPeriod"));
        let start = AnalyticsParams { start_period: Some(1), ..custom.clone() };
        assert_eq!(start.validate().unwrap_err().field(), Some("endPeriod"));
        assert!(AnalyticsParams { end_period: Some(2), ..start.clone() }.validate().is_ok());
        assert_eq!(AnalyticsParams { end_period: Some(0), ..start }.validate().unwrap_err().field(), Some("endPeriod"));
        assert!(AnalyticsParams::default().validate().is_ok());
        let offset = AnalyticsParams { time_difference: Some("-3".into()), ..Default::default() };
        assert!(offset.validate().is_ok());
        let bad = AnalyticsParams { time_difference: Some("GMT+3".into()), ..Default::default() };
        assert_eq!(bad.validate().unwrap_err().field(), Some("timeDifference"));
    }
}
