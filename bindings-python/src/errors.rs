//! Every failure leaves the native module as one `NativeError` whose single argument is the core
//! error's facts as JSON; `hamsa/_errors.py` turns it into the exception class of its code. Keeping the
//! classes in Python keeps them ordinary, picklable Python exceptions.
//!
//! Panics are caught at every entry point (by the core's `catch_panic`) and become code "internal": PyO3
//! would otherwise raise `PanicException`, a `BaseException` that `except Exception` (and
//! `except HamsaError`) misses.

use hamsa::json_api::{catch_panic, catch_panic_async};
use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::prelude::*;
use std::future::Future;

create_exception!(_native, NativeError, PyException, "A failure inside the native module (private).");

/// The facts of a core error, as `hamsa/_errors.py` reads them.
pub fn from_core(error: &hamsa::Error) -> PyErr {
    NativeError::new_err(error.to_json().to_string())
}

/// Runs a native entry point; a panic becomes a `NativeError` with code "internal".
pub fn guard<T>(body: impl FnOnce() -> PyResult<T>) -> PyResult<T> {
    catch_panic(|| Ok(body())).unwrap_or_else(|panic| Err(from_core(&panic)))
}

/// The same guard for a future that runs on the runtime.
pub async fn guard_async<T>(fut: impl Future<Output = PyResult<T>>) -> PyResult<T> {
    catch_panic_async(async { Ok(fut.await) }).await.unwrap_or_else(|panic| Err(from_core(&panic)))
}
