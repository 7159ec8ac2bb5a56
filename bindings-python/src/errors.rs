//! Every failure leaves the native module as one `NativeError` whose single argument is the core
//! error's facts as JSON; `hamsa/_errors.py` turns it into the exception class of its code. Keeping the
//! classes in Python keeps them ordinary, picklable Python exceptions.
//!
//! Panics are caught at every entry point and become code "internal": PyO3 would otherwise raise
//! `PanicException`, a `BaseException` that `except Exception` (and `except HamsaError`) misses.

use futures_util::FutureExt;
use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::prelude::*;
use serde_json::{Value, json};
use std::any::Any;
use std::future::Future;
use std::panic::{AssertUnwindSafe, catch_unwind};

create_exception!(_native, NativeError, PyException, "A failure inside the native module (private).");

/// The facts of a core error, as `hamsa/_errors.py` reads them.
pub fn from_core(error: &hamsa::Error) -> PyErr {
    native_error(error.to_json())
}

/// An error the binding itself found (code "internal" for panics, "invalid_argument" for bad JSON).
pub fn binding_error(code: &str, message: String) -> PyErr {
    native_error(json!({"code": code, "message": message, "display": format!("[{code}] {message}"), "attempts": []}))
}

fn native_error(facts: Value) -> PyErr {
    NativeError::new_err(facts.to_string())
}

fn panic_error(payload: Box<dyn Any + Send>) -> PyErr {
    let detail = payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_owned());
    binding_error("internal", format!("internal error in the hamsa native module: {}", hamsa::redact_text(&detail)))
}

/// Runs a native entry point; a panic becomes a `NativeError` with code "internal".
pub fn guard<T>(body: impl FnOnce() -> PyResult<T>) -> PyResult<T> {
    catch_unwind(AssertUnwindSafe(body)).unwrap_or_else(|payload| Err(panic_error(payload)))
}

/// The same guard for a future that runs on the runtime.
pub async fn guard_async<T>(fut: impl Future<Output = PyResult<T>>) -> PyResult<T> {
    AssertUnwindSafe(fut).catch_unwind().await.unwrap_or_else(|payload| Err(panic_error(payload)))
}

/// JSON text from Python, or an `invalid_argument` error naming what it was for.
pub fn parse_json(what: &str, text: &str) -> PyResult<Value> {
    serde_json::from_str(text).map_err(|e| binding_error("invalid_argument", format!("{what}: not valid JSON: {e}")))
}

/// JSON text for Python. Serializing a `Value` cannot fail, but say so plainly if it ever does.
pub fn to_text(value: &Value) -> PyResult<String> {
    serde_json::to_string(value).map_err(|e| binding_error("internal", format!("cannot serialize a result: {e}")))
}
