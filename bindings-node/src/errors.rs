//! How failures cross into JavaScript. napi can only reject or throw with its own error type, so the
//! core error travels as JSON in the message, with a marker the JavaScript layer looks for; it turns the
//! JSON into the `HamsaError` subclass for the code. A panic becomes the code `"internal"` instead of
//! unwinding into Node (which would abort the process).

use serde_json::{Value, json};
use std::any::Any;
use std::panic::{AssertUnwindSafe, catch_unwind};

/// The key that marks a message as a serialized SDK error (and not some other napi failure).
const MARKER: &str = "$hamsaError";

/// The core error as JSON (the core's one shape for every binding), marked for the JavaScript layer.
pub fn error_json(error: &hamsa::Error) -> Value {
    let mut value = error.to_json();
    value[MARKER] = Value::Bool(true);
    value
}

/// The napi error that carries `error` to JavaScript.
pub fn to_napi(error: &hamsa::Error) -> napi::Error {
    napi::Error::from_reason(error_json(error).to_string())
}

/// An error of the binding's own code `"internal"`: a bug, never the user's fault.
pub fn internal(message: impl Into<String>) -> napi::Error {
    let message = message.into();
    napi::Error::from_reason(
        json!({MARKER: true, "code": "internal", "message": message, "attempts": [], "retryable": false}).to_string(),
    )
}

pub fn panic_error(payload: &(dyn Any + Send)) -> napi::Error {
    let detail = payload
        .downcast_ref::<&str>()
        .map(|text| (*text).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "no message".to_owned());
    internal(format!("internal error in the hamsa native module (a Rust panic: {detail}); please report it"))
}

/// Runs a synchronous entry point; a panic becomes an `internal` error.
pub fn guard<T>(body: impl FnOnce() -> napi::Result<T>) -> napi::Result<T> {
    catch_unwind(AssertUnwindSafe(body)).unwrap_or_else(|payload| Err(panic_error(payload.as_ref())))
}

/// Parses the JSON text the JavaScript layer sends; it always sends valid JSON, so a failure is internal.
pub fn parse_json(what: &str, text: &str) -> napi::Result<Value> {
    serde_json::from_str(text).map_err(|e| internal(format!("the {what} are not valid JSON: {e}")))
}
