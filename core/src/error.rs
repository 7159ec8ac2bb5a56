//! The one error type of the SDK. Every failure, from a bad argument to a 503, is an [`Error`] with a
//! stable machine [`ErrorKind::code`], the HTTP status, the server's message and messageKey, the request
//! id, and the attempts that were made. Bindings map the code to their own exception classes.

use std::fmt;
use std::time::Duration;

/// Declares [`ErrorKind`] and everything said about each kind, once: the stable code, the CLI's exit
/// code, the HTTP statuses that give it (as the docs say them; a test checks them against
/// [`ErrorKind::from_status`]) and what it means. The catalog carries the same table to every binding.
macro_rules! error_kinds {
    ($($(#[doc = $doc:literal])+ $Kind:ident = $code:literal, exit $exit:literal, status $status:literal;)+) => {
        /// What went wrong. The `code()` strings are stable: they are the contract with every binding.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum ErrorKind {
            $($(#[doc = $doc])+ $Kind,)+
        }

        impl ErrorKind {
            /// Every kind, in the order of the table.
            pub const ALL: &[ErrorKind] = &[$(Self::$Kind,)+];

            /// The stable machine code.
            pub const fn code(self) -> &'static str {
                match self {
                    $(Self::$Kind => $code,)+
                }
            }

            /// The `hamsa` command line's exit code for this kind.
            pub const fn exit_code(self) -> u8 {
                match self {
                    $(Self::$Kind => $exit,)+
                }
            }

            /// The HTTP statuses that give this kind, as the docs write them (`"400, 422"`, `"5xx"`), or `""`.
            pub const fn http_status(self) -> &'static str {
                match self {
                    $(Self::$Kind => $status,)+
                }
            }

            /// What it means, in one sentence.
            pub fn summary(self) -> &'static str {
                match self {
                    $(Self::$Kind => concat!($($doc),+).trim(),)+
                }
            }
        }
    };
}

error_kinds! {
    /// The API key is missing, wrong or revoked.
    Authentication = "authentication", exit 5, status "401";
    /// The key may not do this.
    PermissionDenied = "permission_denied", exit 6, status "403";
    /// What the request names does not exist.
    NotFound = "not_found", exit 7, status "404";
    /// The request conflicts with the current state (a number registered twice).
    Conflict = "conflict", exit 8, status "409";
    /// The server rejected the request's content.
    BadRequest = "bad_request", exit 9, status "400, 422";
    /// Not enough balance or credits.
    InsufficientBalance = "insufficient_balance", exit 10, status "402";
    /// Too many requests, after the retries allowed.
    RateLimited = "rate_limited", exit 11, status "429";
    /// The server failed, after the retries allowed.
    Server = "server", exit 12, status "5xx";
    /// Any other non-2xx status.
    HttpStatus = "http_status", exit 13, status "other non-2xx";
    /// HTTP 2xx with `success: false` in the envelope.
    Api = "api_error", exit 14, status "";
    /// An attempt or the overall deadline ran out.
    Timeout = "timeout", exit 15, status "";
    /// The connection failed (refused, DNS, TLS, reset).
    Connection = "connection", exit 16, status "";
    /// The response could not be decoded.
    Decode = "decode", exit 17, status "";
    /// An argument was invalid; nothing was sent.
    InvalidArgument = "invalid_argument", exit 3, status "";
    /// An operation that is unsafe to repeat (it places a call or starts a billed job) may or may not have
    /// taken effect; it was not retried: check before you try again.
    OutcomeUnknown = "outcome_unknown", exit 18, status "";
    /// The caller cancelled the operation.
    Cancelled = "cancelled", exit 19, status "";
    /// The client is misconfigured (no API key, an unusable base URL).
    Configuration = "configuration", exit 4, status "";
    /// A webhook request failed verification.
    WebhookVerification = "webhook_verification", exit 20, status "";
    /// A bug in the SDK: a panic caught at a binding's boundary (please report it).
    Internal = "internal", exit 1, status "";
}

impl ErrorKind {
    /// The kind for a non-2xx HTTP status.
    pub fn from_status(status: u16) -> Self {
        match status {
            400 | 422 => Self::BadRequest,
            401 => Self::Authentication,
            402 => Self::InsufficientBalance,
            403 => Self::PermissionDenied,
            404 => Self::NotFound,
            409 => Self::Conflict,
            429 => Self::RateLimited,
            500..=599 => Self::Server,
            _ => Self::HttpStatus,
        }
    }
}

/// How one attempt ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AttemptOutcome {
    /// The server answered with this status.
    Status(u16),
    /// The attempt's time ran out.
    Timeout,
    /// The connection could not be made; the request never reached the server.
    ConnectFailed,
    /// The connection broke after the request may have been sent.
    ConnectionLost,
}

impl AttemptOutcome {
    /// A short label: `"503"`, `"timeout"`, `"connect_failed"`, `"connection_lost"`.
    pub fn label(&self) -> String {
        match self {
            Self::Status(status) => status.to_string(),
            Self::Timeout => "timeout".into(),
            Self::ConnectFailed => "connect_failed".into(),
            Self::ConnectionLost => "connection_lost".into(),
        }
    }
}

/// One attempt of a request: how it ended and how long the client waited before making it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attempt {
    pub outcome: AttemptOutcome,
    pub delay_before: Duration,
}

/// The SDK's error. Cheap to move (one box); `Clone` so bindings can keep copies.
#[derive(Clone)]
pub struct Error {
    inner: Box<Inner>,
}

#[derive(Clone)]
struct Inner {
    kind: ErrorKind,
    message: String,
    status: Option<u16>,
    message_key: Option<String>,
    request_id: Option<String>,
    attempts: Vec<Attempt>,
    /// For `Decode`: the start of the body, with secret values redacted.
    body_snippet: Option<String>,
    /// For `InvalidArgument`: the wire name of the argument at fault.
    field: Option<String>,
    /// For `OutcomeUnknown`: what happened to the attempt that may have reached the server.
    cause: Option<ErrorKind>,
}

impl Error {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Self {
            inner: Box::new(Inner {
                kind,
                message: message.into(),
                status: None,
                message_key: None,
                request_id: None,
                attempts: Vec::new(),
                body_snippet: None,
                field: None,
                cause: None,
            }),
        }
    }

    /// An invalid argument, named by its wire field name.
    pub fn invalid_argument(field: impl Into<String>, problem: impl fmt::Display) -> Self {
        let field = field.into();
        let mut error = Self::new(ErrorKind::InvalidArgument, format!("{field}: {problem}"));
        error.inner.field = Some(field);
        error
    }

    pub fn configuration(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Configuration, message)
    }

    pub fn cancelled() -> Self {
        Self::new(ErrorKind::Cancelled, "the operation was cancelled")
    }

    pub(crate) fn with_status(mut self, status: u16) -> Self {
        self.inner.status = Some(status);
        self
    }

    pub(crate) fn with_message_key(mut self, key: Option<String>) -> Self {
        self.inner.message_key = key;
        self
    }

    pub(crate) fn with_request_id(mut self, id: Option<String>) -> Self {
        self.inner.request_id = id;
        self
    }

    pub(crate) fn with_attempts(mut self, attempts: Vec<Attempt>) -> Self {
        self.inner.attempts = attempts;
        self
    }

    pub(crate) fn with_body_snippet(mut self, snippet: String) -> Self {
        self.inner.body_snippet = Some(snippet);
        self
    }

    /// This error with each of `secrets` (the values of a request's [`Secret`](crate::Secret)s) taken out
    /// of its texts, in case the server echoed one.
    pub(crate) fn without_secrets(mut self, secrets: &[String]) -> Self {
        use crate::secret::redact_values;
        if secrets.is_empty() {
            return self;
        }
        let inner = &mut *self.inner;
        inner.message = redact_values(&inner.message, secrets);
        inner.message_key = inner.message_key.as_deref().map(|key| redact_values(key, secrets));
        inner.request_id = inner.request_id.as_deref().map(|id| redact_values(id, secrets));
        inner.body_snippet = inner.body_snippet.as_deref().map(|body| redact_values(body, secrets));
        self
    }

    pub(crate) fn with_cause(mut self, cause: ErrorKind) -> Self {
        self.inner.cause = Some(cause);
        self
    }

    pub fn kind(&self) -> ErrorKind {
        self.inner.kind
    }

    /// The stable machine code, e.g. `"outcome_unknown"`.
    pub fn code(&self) -> &'static str {
        self.inner.kind.code()
    }

    /// The human-readable message (the server's `message` when it sent one). Never holds a secret.
    pub fn message(&self) -> &str {
        &self.inner.message
    }

    pub fn status(&self) -> Option<u16> {
        self.inner.status
    }

    pub fn message_key(&self) -> Option<&str> {
        self.inner.message_key.as_deref()
    }

    pub fn request_id(&self) -> Option<&str> {
        self.inner.request_id.as_deref()
    }

    /// Every attempt made, in order (empty when nothing was sent).
    pub fn attempts(&self) -> &[Attempt] {
        &self.inner.attempts
    }

    pub fn body_snippet(&self) -> Option<&str> {
        self.inner.body_snippet.as_deref()
    }

    pub fn field(&self) -> Option<&str> {
        self.inner.field.as_deref()
    }

    /// For `outcome_unknown`: the kind of failure that left the outcome unknown (timeout, server, ...).
    pub fn cause(&self) -> Option<ErrorKind> {
        self.inner.cause
    }

    /// Everything known about the error as JSON, the shape every binding reads: `code`, `message`,
    /// `status`, `messageKey`, `requestId`, `attempts` (`[{outcome, delayBeforeMs}]`), `field`, `cause`,
    /// `bodySnippet`, `retryable` and `display` (the `Display` text). Holds no secret.
    pub fn to_json(&self) -> serde_json::Value {
        let attempts: Vec<serde_json::Value> = self
            .attempts()
            .iter()
            .map(|attempt| {
                let delay = u64::try_from(attempt.delay_before.as_millis()).unwrap_or(u64::MAX);
                serde_json::json!({"outcome": attempt.outcome.label(), "delayBeforeMs": delay})
            })
            .collect();
        serde_json::json!({
            "code": self.code(),
            "message": self.message(),
            "status": self.status(),
            "messageKey": self.message_key(),
            "requestId": self.request_id(),
            "attempts": attempts,
            "field": self.field(),
            "cause": self.cause().map(ErrorKind::code),
            "bodySnippet": self.body_snippet(),
            "retryable": self.is_retryable(),
            "display": self.to_string(),
        })
    }

    /// True when repeating the same operation later is known to be harmless for this failure: nothing
    /// reached the server, or the server refused the request before acting on it.
    pub fn is_retryable(&self) -> bool {
        matches!(
            self.inner.kind,
            ErrorKind::RateLimited | ErrorKind::Connection | ErrorKind::Timeout | ErrorKind::Server
        )
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "[{}]", self.code())?;
        if let Some(status) = self.inner.status {
            write!(f, " HTTP {status}")?;
        }
        write!(f, " {}", self.inner.message)?;
        if let Some(key) = &self.inner.message_key {
            write!(f, " (messageKey {key})")?;
        }
        if let Some(id) = &self.inner.request_id {
            write!(f, " (request id {id})")?;
        }
        if self.inner.attempts.len() > 1 {
            write!(f, " after {} attempts", self.inner.attempts.len())?;
        }
        Ok(())
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let inner = &self.inner;
        let mut s = f.debug_struct("Error");
        s.field("code", &self.code()).field("message", &inner.message);
        if let Some(status) = inner.status {
            s.field("status", &status);
        }
        if let Some(key) = &inner.message_key {
            s.field("message_key", key);
        }
        if let Some(id) = &inner.request_id {
            s.field("request_id", id);
        }
        if !inner.attempts.is_empty() {
            s.field("attempts", &inner.attempts);
        }
        if let Some(snippet) = &inner.body_snippet {
            s.field("body_snippet", snippet);
        }
        if let Some(cause) = inner.cause {
            s.field("cause", &cause.code());
        }
        s.finish()
    }
}

impl std::error::Error for Error {}

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique() {
        let mut codes: Vec<_> = ErrorKind::ALL.iter().map(|k| k.code()).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), ErrorKind::ALL.len());
    }

    #[test]
    fn exit_codes_are_unique_and_leave_0_and_2_to_the_command_line() {
        let mut exits: Vec<_> = ErrorKind::ALL.iter().map(|k| k.exit_code()).collect();
        exits.sort();
        exits.dedup();
        assert_eq!(exits.len(), ErrorKind::ALL.len());
        assert!(!exits.contains(&0) && !exits.contains(&2), "{exits:?}");
    }

    /// The statuses the table documents are the ones `from_status` maps (every status from 300 to 599).
    #[test]
    fn documented_statuses_agree_with_from_status() {
        for status in 300..=599_u16 {
            let kind = ErrorKind::from_status(status);
            let documented = kind.http_status();
            let listed = documented.split(", ").any(|s| s == status.to_string());
            let family = documented == "5xx" && (500..=599).contains(&status);
            let other = documented == "other non-2xx"
                && !ErrorKind::ALL.iter().any(|k| k.http_status().split(", ").any(|s| s == status.to_string()));
            assert!(listed || family || other, "{status} maps to {kind:?}, documented as {documented:?}");
        }
    }

    #[test]
    fn statuses_map_to_kinds() {
        assert_eq!(ErrorKind::from_status(422), ErrorKind::BadRequest);
        assert_eq!(ErrorKind::from_status(402), ErrorKind::InsufficientBalance);
        assert_eq!(ErrorKind::from_status(503), ErrorKind::Server);
        assert_eq!(ErrorKind::from_status(418), ErrorKind::HttpStatus);
    }

    #[test]
    fn json_carries_what_is_known() {
        let error = Error::new(ErrorKind::Server, "down").with_status(503).with_attempts(vec![Attempt {
            outcome: AttemptOutcome::Status(503),
            delay_before: Duration::from_millis(250),
        }]);
        let json = error.to_json();
        assert_eq!(json["code"], "server");
        assert_eq!(json["status"], 503);
        assert_eq!(json["attempts"], serde_json::json!([{"outcome": "503", "delayBeforeMs": 250}]));
        assert_eq!(json["display"], "[server] HTTP 503 down");
    }

    #[test]
    fn display_carries_what_is_known() {
        let error = Error::new(ErrorKind::NotFound, "Agent not found")
            .with_status(404)
            .with_message_key(Some("AGENT_NOT_FOUND".into()))
            .with_request_id(Some("req_1".into()));
        assert_eq!(
            error.to_string(),
            "[not_found] HTTP 404 Agent not found (messageKey AGENT_NOT_FOUND) (request id req_1)"
        );
    }
}
