//! The scenario file format (see `tests/README.md`), and the sanity checks a scenario must pass before
//! it is run. Unknown keys are refused everywhere: a misspelt expectation would otherwise be ignored
//! and the scenario could never fail.

use serde::{Deserialize, Deserializer};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// One scenario: an SDK call, the HTTP exchanges the mock serves for it, and the expected outcome.
#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Scenario {
    pub name: String,
    /// Free text for readers: why the scenario exists. Runners ignore it.
    #[serde(default)]
    pub comment: Option<String>,
    /// The SDK's public operation name, `resource.method`.
    pub operation: String,
    /// The operation's arguments, by wire (camelCase) name.
    #[serde(default = "empty_object")]
    pub args: Value,
    /// Client options; see [`crate::effective_client_options`] for the defaults.
    #[serde(default)]
    pub client: Map<String, Value>,
    /// Per-request options, passed to the SDK as they are.
    #[serde(default)]
    pub options: Option<Map<String, Value>>,
    /// Iterate every page; the result is then the array of all items.
    #[serde(default)]
    pub paginate: bool,
    #[serde(default)]
    pub exchanges: Vec<Exchange>,
    pub expect: Expect,
}

fn empty_object() -> Value {
    Value::Object(Map::new())
}

/// One request the mock expects and its answer.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exchange {
    pub request: ExpectedRequest,
    pub response: MockResponse,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ExpectedRequest {
    pub method: String,
    /// The exact path, without the query string.
    pub path: String,
    /// The exact set of query parameters; empty means none allowed.
    #[serde(default)]
    pub query: BTreeMap<String, QueryValue>,
    /// A subset of the request's headers (names compared case-insensitively); `null` = must be absent.
    #[serde(default)]
    pub headers: BTreeMap<String, Option<String>>,
    /// The exact JSON body; absent (or null) = the request must have an empty body.
    #[serde(default)]
    pub body: Option<Value>,
    /// At least this long since the previous request arrived.
    #[serde(default)]
    pub min_gap_ms: Option<u64>,
}

/// A query parameter's expected value: one value, or the values of a repeated key, in order.
#[derive(Clone, Debug, Deserialize)]
#[serde(untagged)]
pub enum QueryValue {
    One(String),
    Many(Vec<String>),
}

impl QueryValue {
    pub fn values(&self) -> Vec<&str> {
        match self {
            Self::One(value) => vec![value.as_str()],
            Self::Many(values) => values.iter().map(String::as_str).collect(),
        }
    }
}

#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MockResponse {
    pub status: u16,
    #[serde(default)]
    pub headers: BTreeMap<String, String>,
    /// A JSON body (sent with `content-type: application/json` unless `headers` says otherwise).
    #[serde(default)]
    pub body: Option<Value>,
    /// A raw body: malformed or truncated JSON, plain text.
    #[serde(default)]
    pub body_text: Option<String>,
    #[serde(default)]
    pub delay_ms: u64,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Expect {
    #[serde(default)]
    pub result: Option<Value>,
    #[serde(default)]
    pub error: Option<ExpectedError>,
    #[serde(default)]
    pub requests: Option<u64>,
    #[serde(default)]
    pub requests_at_least: Option<u64>,
    #[serde(default)]
    pub requests_at_most: Option<u64>,
    #[serde(default)]
    pub max_elapsed_ms: Option<u64>,
    #[serde(default)]
    pub secrets_absent: Vec<String>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ExpectedError {
    pub code: String,
    /// Absent: not checked. `null`: the error must have no status. A number: that status.
    #[serde(default, deserialize_with = "present_or_null")]
    pub status: Option<Option<u16>>,
    #[serde(default)]
    pub message: Option<String>,
    #[serde(default)]
    pub message_contains: Option<String>,
    #[serde(default)]
    pub message_key: Option<String>,
    #[serde(default)]
    pub request_id: Option<String>,
    #[serde(default)]
    pub attempts: Option<u64>,
}

/// Keeps an explicit `null` apart from an absent key (serde's default folds both into `None`).
fn present_or_null<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Option<u16>>, D::Error> {
    Option::<u16>::deserialize(deserializer).map(Some)
}

impl Scenario {
    /// Parses one scenario file's text and checks that it is well formed.
    pub fn from_json_text(text: &str) -> Result<Self, String> {
        let scenario: Self = serde_json::from_str(text).map_err(|e| format!("not a valid scenario: {e}"))?;
        scenario.check()?;
        Ok(scenario)
    }

    /// The rules the README states but serde cannot: one outcome, a request count, consistent exchanges.
    pub fn check(&self) -> Result<(), String> {
        if self.name.trim().is_empty() {
            return Err("`name` is empty".into());
        }
        if self.operation.trim().is_empty() {
            return Err("`operation` is empty".into());
        }
        let expect = &self.expect;
        if expect.result.is_some() == expect.error.is_some() {
            return Err("`expect` needs exactly one of `result` and `error`".into());
        }
        if !expect.secrets_absent.is_empty() && expect.error.is_none() {
            return Err("`secretsAbsent` is checked on the error, so it needs `expect.error`".into());
        }
        let (least, most) = self.request_bounds()?;
        if most.is_some_and(|most| most < least) {
            return Err("`requestsAtMost` is below `requestsAtLeast`".into());
        }
        if (self.exchanges.len() as u64) < least {
            return Err(format!("expects at least {least} requests but declares {} exchanges", self.exchanges.len()));
        }
        for (index, exchange) in self.exchanges.iter().enumerate() {
            let number = index + 1;
            if exchange.response.body.is_some() && exchange.response.body_text.is_some() {
                return Err(format!("exchange {number}: `body` and `bodyText` are exclusive"));
            }
            if index == 0 && exchange.request.min_gap_ms.is_some() {
                return Err("exchange 1: `minGapMs` needs a previous request".into());
            }
            if !(100..=999).contains(&exchange.response.status) {
                return Err(format!("exchange {number}: status {} is not an HTTP status", exchange.response.status));
            }
        }
        Ok(())
    }

    /// The accepted request counts, inclusive: `(at least, at most)`; `None` = no upper bound.
    pub fn request_bounds(&self) -> Result<(u64, Option<u64>), String> {
        let expect = &self.expect;
        match (expect.requests, expect.requests_at_least, expect.requests_at_most) {
            (Some(exact), None, None) => Ok((exact, Some(exact))),
            (None, None, None) => {
                Err("`expect` must declare `requests` (or `requestsAtLeast`/`requestsAtMost`)".into())
            }
            (None, least, most) => Ok((least.unwrap_or(0), most)),
            (Some(_), _, _) => Err("`requests` and `requestsAtLeast`/`requestsAtMost` are exclusive".into()),
        }
    }
}
