//! What came back: the raw HTTP answer inside the SDK, and the metadata a caller can ask for.

use crate::error::Attempt;
use http::HeaderMap;

/// The last HTTP answer of an operation, with every attempt that led to it.
#[derive(Debug)]
pub(crate) struct RawResponse {
    pub status: u16,
    pub headers: HeaderMap,
    pub body: bytes::Bytes,
    pub attempts: Vec<Attempt>,
}

impl RawResponse {
    pub fn request_id(&self) -> Option<String> {
        request_id(&self.headers)
    }
}

/// The response headers that carry a request id, in order of preference.
const REQUEST_ID_HEADERS: [&str; 3] = ["x-request-id", "request-id", "x-amzn-requestid"];

pub(crate) fn request_id(headers: &HeaderMap) -> Option<String> {
    REQUEST_ID_HEADERS.iter().find_map(|name| headers.get(*name)?.to_str().ok()).map(str::to_owned)
}

/// Rate-limit headers, when the server sends them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RateLimit {
    pub limit: Option<String>,
    pub remaining: Option<String>,
    pub reset: Option<String>,
}

/// Metadata of a successful response: status, headers, request id, rate limits, attempts.
#[derive(Clone, Debug)]
pub struct ResponseMeta {
    pub status: u16,
    pub headers: HeaderMap,
    pub request_id: Option<String>,
    pub rate_limit: Option<RateLimit>,
    pub attempts: Vec<Attempt>,
    /// The envelope's `message` and `messageKey`, when present.
    pub message: Option<String>,
    pub message_key: Option<String>,
}

impl ResponseMeta {
    pub(crate) fn new(raw: RawResponse, message: Option<String>, message_key: Option<String>) -> Self {
        let rate_limit = rate_limit(&raw.headers);
        Self {
            status: raw.status,
            request_id: raw.request_id(),
            rate_limit,
            attempts: raw.attempts,
            headers: raw.headers,
            message,
            message_key,
        }
    }
}

fn rate_limit(headers: &HeaderMap) -> Option<RateLimit> {
    // One scan of the few names present instead of nine failed look-ups on every response.
    if !headers.keys().any(|name| name.as_str().contains("ratelimit")) {
        return None;
    }
    let get = |names: &[&str]| names.iter().find_map(|name| headers.get(*name)?.to_str().ok()).map(str::to_owned);
    let limits = RateLimit {
        limit: get(&["x-ratelimit-limit", "ratelimit-limit", "x-ratelimit-limit-requests"]),
        remaining: get(&["x-ratelimit-remaining", "ratelimit-remaining", "x-ratelimit-remaining-requests"]),
        reset: get(&["x-ratelimit-reset", "ratelimit-reset", "x-ratelimit-reset-requests"]),
    };
    (limits != RateLimit::default()).then_some(limits)
}

/// A result with its metadata.
#[derive(Clone, Debug)]
pub struct Response<T> {
    pub data: T,
    pub meta: ResponseMeta,
}
