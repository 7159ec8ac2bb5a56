//! The project's usage statistics.

use super::{Extra, lenient};
use serde::{Deserialize, Serialize};

/// A quantity and its unit (`requests.value` comes as a string: it is read as a number).
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct UsageValue {
    #[serde(default, deserialize_with = "lenient::number")]
    pub value: Option<f64>,
    pub unit: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// `statistics.totals`: the usage over a period.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct UsageTotals {
    pub tokens: Option<UsageValue>,
    pub transcription: Option<UsageValue>,
    pub price: Option<UsageValue>,
    pub requests: Option<UsageValue>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// One point of a usage series.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct UsagePoint {
    pub date: Option<String>,
    #[serde(default, deserialize_with = "lenient::number")]
    pub value: Option<f64>,
    pub unit: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// `statistics.chart`: the usage over a period, as time series.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct UsageChart {
    #[serde(default)]
    pub cost: Vec<UsagePoint>,
    #[serde(default)]
    pub requests: Vec<UsagePoint>,
    #[serde(default)]
    pub transcription: Vec<UsagePoint>,
    #[serde(default)]
    pub tokens: Vec<UsagePoint>,
    #[serde(flatten)]
    pub extra: Extra,
}
