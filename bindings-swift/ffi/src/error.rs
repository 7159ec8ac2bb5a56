//! The core's error as a UniFFI error: one variant per stable code (a Swift `enum HamsaError: Error`,
//! a Kotlin sealed `HamsaException`), each carrying the same [`ErrorInfo`] record so that a caller can
//! catch one code or read the details of any.

use std::fmt;

/// Everything the core knows about a failure. Never holds a secret (the core redacts its messages).
#[derive(Clone, Debug, PartialEq, uniffi::Record)]
pub struct ErrorInfo {
    /// The stable machine code, e.g. `"outcome_unknown"`; `"internal"` for a bug in the SDK.
    pub code: String,
    /// Signed so that Kotlin sees an `Int` rather than a `UShort`.
    pub status: Option<i32>,
    /// The human-readable message (the server's `message` when it sent one). Inside a record, so it
    /// does not clash with Kotlin's `Throwable.message`.
    pub message: String,
    pub message_key: Option<String>,
    pub request_id: Option<String>,
    /// Every attempt made, in order (empty when nothing was sent).
    pub attempts: Vec<AttemptInfo>,
    /// For `invalid_argument`: the wire name of the argument at fault.
    pub field: Option<String>,
    /// For `outcome_unknown`: the code of the failure that left the outcome unknown.
    pub cause: Option<String>,
    /// For `decode`: the start of the body, with secrets redacted.
    pub body_snippet: Option<String>,
}

/// One attempt of a request.
#[derive(Clone, Debug, PartialEq, uniffi::Record)]
pub struct AttemptInfo {
    /// `"503"`, `"timeout"`, `"connect_failed"` or `"connection_lost"`.
    pub outcome: String,
    /// How long the client waited before making this attempt.
    pub delay_before_ms: i64,
}

/// Declares the error enum and its code table from one list, so a variant and its code cannot drift.
macro_rules! hamsa_error {
    ($($variant:ident => $code:literal),+ $(,)?) => {
        #[derive(Clone, Debug, PartialEq, uniffi::Error)]
        pub enum HamsaError {
            $($variant { info: ErrorInfo },)+
        }

        impl HamsaError {
            pub fn info(&self) -> &ErrorInfo {
                match self {
                    $(Self::$variant { info } => info,)+
                }
            }

            /// The variant for a code; an unknown code (a newer core) becomes `Internal` with its code kept.
            fn from_info(info: ErrorInfo) -> Self {
                match info.code.as_str() {
                    $($code => Self::$variant { info },)+
                    _ => Self::Internal { info },
                }
            }

            /// Every code, in declaration order.
            pub const CODES: &'static [&'static str] = &[$($code),+];
        }
    };
}

hamsa_error! {
    Authentication => "authentication",
    PermissionDenied => "permission_denied",
    NotFound => "not_found",
    Conflict => "conflict",
    BadRequest => "bad_request",
    InsufficientBalance => "insufficient_balance",
    RateLimited => "rate_limited",
    Server => "server",
    HttpStatus => "http_status",
    Api => "api_error",
    Timeout => "timeout",
    Connection => "connection",
    Decode => "decode",
    InvalidArgument => "invalid_argument",
    OutcomeUnknown => "outcome_unknown",
    Cancelled => "cancelled",
    Configuration => "configuration",
    WebhookVerification => "webhook_verification",
    // A panic or another bug on the Rust side (the core's `Error::from_panic`).
    Internal => "internal",
}

impl From<hamsa::Error> for HamsaError {
    fn from(error: hamsa::Error) -> Self {
        Self::from_info(ErrorInfo {
            code: error.code().into(),
            status: error.status().map(i32::from),
            message: error.message().into(),
            message_key: error.message_key().map(Into::into),
            request_id: error.request_id().map(Into::into),
            attempts: error
                .attempts()
                .iter()
                .map(|attempt| AttemptInfo {
                    outcome: attempt.outcome.label(),
                    delay_before_ms: i64::try_from(attempt.delay_before.as_millis()).unwrap_or(i64::MAX),
                })
                .collect(),
            field: error.field().map(Into::into),
            cause: error.cause().map(|kind| kind.code().into()),
            body_snippet: error.body_snippet().map(Into::into),
        })
    }
}

/// The same text as the core's `Display`: `[code] HTTP status message (messageKey ...) (request id ...)`.
impl fmt::Display for HamsaError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let info = self.info();
        write!(f, "[{}]", info.code)?;
        if let Some(status) = info.status {
            write!(f, " HTTP {status}")?;
        }
        write!(f, " {}", info.message)?;
        if let Some(key) = &info.message_key {
            write!(f, " (messageKey {key})")?;
        }
        if let Some(id) = &info.request_id {
            write!(f, " (request id {id})")?;
        }
        Ok(())
    }
}

impl std::error::Error for HamsaError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_core_code_has_its_own_variant() {
        // The variants are these codes exactly, in the core's order.
        let core_codes: Vec<&str> = hamsa::ErrorKind::ALL.iter().map(|kind| kind.code()).collect();
        assert_eq!(HamsaError::CODES, core_codes.as_slice());
        for &kind in hamsa::ErrorKind::ALL {
            let error = HamsaError::from(hamsa::Error::new(kind, "x"));
            assert_eq!(error.info().code, kind.code());
            let internal = matches!(error, HamsaError::Internal { .. });
            assert_eq!(internal, kind == hamsa::ErrorKind::Internal, "{} fell through", kind.code());
        }
    }
}
