//! What every binding does at its boundary, written once: reading argument JSON from the host language,
//! and turning a panic into an `internal` error instead of letting it cross into Python, Node, Swift
//! or Kotlin.

use crate::error::{Error, ErrorKind, Result};
use crate::secret::{redact_text, scrub_serde_message};
use futures_util::FutureExt;
use serde_json::Value;
use std::any::Any;
use std::future::Future;
use std::panic::{AssertUnwindSafe, catch_unwind};

/// JSON text from a binding (`what`: "arguments", "request options"), or an `invalid_argument` error:
/// text that is not JSON was not sent anywhere. An empty text means no arguments.
pub fn parse_arguments(what: &str, text: &str) -> Result<Value> {
    if text.trim().is_empty() {
        return Ok(Value::Null);
    }
    serde_json::from_str(text)
        .map_err(|e| Error::invalid_argument(what, format!("not valid JSON: {}", scrub_serde_message(&e.to_string()))))
}

/// The `internal` error for a caught panic. Its message says it is a bug, and is redacted like any
/// other text that may hold a secret.
pub fn panic_message(payload: &(dyn Any + Send)) -> String {
    let detail = payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "no message".to_owned());
    format!("internal error in the Hamsa core (a bug, please report it): {}", redact_text(&detail))
}

impl Error {
    /// The error a binding raises for a panic caught at its boundary.
    pub fn from_panic(payload: &(dyn Any + Send)) -> Self {
        Self::new(ErrorKind::Internal, panic_message(payload))
    }
}

/// Runs `body`; a panic becomes an `internal` error.
pub fn catch_panic<T>(body: impl FnOnce() -> Result<T>) -> Result<T> {
    catch_unwind(AssertUnwindSafe(body)).unwrap_or_else(|payload| Err(Error::from_panic(payload.as_ref())))
}

/// Awaits `future`; a panic while polling it becomes an `internal` error.
pub async fn catch_panic_async<T>(future: impl Future<Output = Result<T>>) -> Result<T> {
    AssertUnwindSafe(future).catch_unwind().await.unwrap_or_else(|payload| Err(Error::from_panic(payload.as_ref())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_that_is_not_json_is_an_invalid_argument() {
        let error = parse_arguments("arguments", "{\"toNumber\": ").unwrap_err();
        assert_eq!(error.code(), "invalid_argument");
        assert!(error.message().starts_with("arguments: not valid JSON"), "{}", error.message());
        assert_eq!(parse_arguments("arguments", " ").unwrap(), Value::Null);
        assert_eq!(parse_arguments("arguments", "{\"a\":1}").unwrap()["a"], 1);
    }

    #[test]
    fn a_panic_becomes_an_internal_error_without_the_secret() {
        let error = catch_panic::<()>(|| panic!(r#"boom in {{"authToken": "s3cret-token"}}"#)).unwrap_err();
        assert_eq!(error.code(), "internal");
        assert!(error.message().contains("boom"), "{}", error.message());
        assert!(!error.message().contains("s3cret-token"), "{}", error.message());
        let string_panic = catch_panic::<()>(|| std::panic::panic_any(String::from("owned"))).unwrap_err();
        assert!(string_panic.message().contains("owned"));
        let other = catch_panic::<()>(|| std::panic::panic_any(7_u8)).unwrap_err();
        assert!(other.message().contains("no message"));
    }

    #[tokio::test]
    async fn a_panic_in_a_future_becomes_an_internal_error() {
        let error = catch_panic_async::<()>(async { panic!("async boom") }).await.unwrap_err();
        assert_eq!(error.code(), "internal");
        assert_eq!(catch_panic_async(async { Ok(5) }).await.unwrap(), 5);
    }
}
