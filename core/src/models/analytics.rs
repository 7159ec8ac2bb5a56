//! Agent analytics. The API's numbers may arrive as JSON numbers or as numeric strings (the docs show
//! `count: "3"`); both are read. Durations are in seconds and latencies in milliseconds, presumably (the
//! docs do not say).

use super::{Extra, lenient};
use serde::{Deserialize, Serialize};

crate::open_enum! {
    /// The time window of the analytics routes (`CUSTOM` needs `startPeriod` and `endPeriod`).
    AnalyticsPeriod {
        LastHour => "LAST_HOUR",
        Today => "TODAY",
        Yesterday => "YESTERDAY",
        ThisWeek => "THIS_WEEK",
        ThisMonth => "THIS_MONTH",
        Custom => "CUSTOM",
    }
}

/// Sessions and calls of the period.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct AnalyticsOverview {
    /// Calls in progress now.
    #[serde(default, deserialize_with = "lenient::count")]
    pub live_sessions_number: Option<u64>,
    #[serde(default, deserialize_with = "lenient::count")]
    pub total_sessions_number: Option<u64>,
    #[serde(default, deserialize_with = "lenient::number")]
    pub average_session_duration: Option<f64>,
    #[serde(default, deserialize_with = "lenient::number")]
    pub average_messages_per_session: Option<f64>,
    #[serde(default, deserialize_with = "lenient::number")]
    pub total_session_duration: Option<f64>,
    #[serde(default, deserialize_with = "lenient::number")]
    pub average_words_per_ai_response: Option<f64>,
    /// Calls forwarded to a human.
    #[serde(default, deserialize_with = "lenient::count")]
    pub forward_to_human_agent: Option<u64>,
    #[serde(default)]
    pub calls_over_time: Vec<CallsOverTime>,
    pub calls_by_duration_buckets: Option<CallsByDuration>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// The number of calls in one time bucket.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct CallsOverTime {
    /// The bucket's start, `YYYY-MM-DD HH:mm:ss`.
    pub time_bucket: Option<String>,
    #[serde(default, deserialize_with = "lenient::count")]
    pub count: Option<u64>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// Calls by length.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct CallsByDuration {
    #[serde(default, deserialize_with = "lenient::count")]
    pub short_duration_bucket_calls: Option<u64>,
    #[serde(default, deserialize_with = "lenient::count")]
    pub medium_duration_bucket_calls: Option<u64>,
    #[serde(default, deserialize_with = "lenient::count")]
    pub long_duration_bucket_calls: Option<u64>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// Latencies of the period (from a third-party description of the route: fields may differ).
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct AgentPerformance {
    #[serde(default, deserialize_with = "lenient::number")]
    pub avg_asr_processing_time: Option<f64>,
    #[serde(default, deserialize_with = "lenient::number")]
    pub avg_llm_response_time: Option<f64>,
    #[serde(default, deserialize_with = "lenient::number")]
    pub avg_tts_generation_time: Option<f64>,
    #[serde(default, deserialize_with = "lenient::number")]
    pub latency: Option<f64>,
    #[serde(default, deserialize_with = "lenient::number")]
    pub sessions_have_errors_percentage: Option<f64>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// How satisfied callers were over the period.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct AgentSatisfaction {
    #[serde(default, deserialize_with = "lenient::number")]
    pub nps_score: Option<f64>,
    pub sentiment_distribution: Option<SentimentDistribution>,
    #[serde(default, deserialize_with = "lenient::number")]
    pub csat_score: Option<f64>,
    #[serde(default, deserialize_with = "lenient::number")]
    pub first_call_resolution_percentage: Option<f64>,
    #[serde(default, deserialize_with = "lenient::number")]
    pub escalation_rate: Option<f64>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// The share of calls by sentiment.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct SentimentDistribution {
    #[serde(default, deserialize_with = "lenient::number")]
    pub positive: Option<f64>,
    #[serde(default, deserialize_with = "lenient::number")]
    pub neutral: Option<f64>,
    #[serde(default, deserialize_with = "lenient::number")]
    pub negative: Option<f64>,
    #[serde(flatten)]
    pub extra: Extra,
}
