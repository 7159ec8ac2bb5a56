//! How failures cross into JavaScript. napi can only reject or throw with its own error type, so the
//! core error travels as JSON in the message, with a marker the JavaScript layer looks for; it turns the
//! JSON into the `HamsaError` subclass for the code. A panic becomes the code `"internal"` (the core's
//! `catch_panic`) instead of unwinding into Node (which would abort the process).

use serde_json::Value;

/// The key that marks a message as a serialized SDK error (and not some other napi failure).
const MARKER: &str = "$hamsaError";

/// The napi error that carries `error` to JavaScript: the core error as JSON (the core's one shape for
/// every binding), marked for the JavaScript layer.
pub fn to_napi(error: &hamsa::Error) -> napi::Error {
    let mut value = error.to_json();
    value[MARKER] = Value::Bool(true);
    napi::Error::from_reason(value.to_string())
}

/// Runs a synchronous entry point; a panic becomes an `internal` error.
pub fn guard<T>(body: impl FnOnce() -> napi::Result<T>) -> napi::Result<T> {
    hamsa::json_api::catch_panic(|| Ok(body())).unwrap_or_else(|panic| Err(to_napi(&panic)))
}
