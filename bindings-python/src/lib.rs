//! `hamsa._native`: the Rust core behind the Python package `hamsa`. It exposes only what the Python
//! layer needs: a client that runs operations by name on wire JSON (sync and asyncio), a pager, the
//! client-less webhook helpers and the core's redaction. Names, models and exceptions live in Python.

mod blocking;
mod client;
mod completion;
mod errors;
mod model;
mod pager;
mod runtime;
mod to_python;

use errors::{from_core, guard};
use hamsa::json_api::parse_arguments;
use pyo3::prelude::*;

/// The extension's own allocations go to mimalloc: a typed page of 5,000 phone numbers is tens of
/// thousands of small strings made and dropped, and glibc's malloc and free were a large share of the
/// time of fetching and converting one (the python-decode target; figures in bench/README.md). Python's
/// objects still come from Python's allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `webhooks.verify` / `webhooks.parse`: the core runs them without a client (and without a runtime).
#[pyfunction]
fn webhook(operation: &str, args: &str) -> PyResult<String> {
    guard(|| {
        parse_arguments("arguments", args)
            .and_then(|args| hamsa::json_api::invoke_offline(operation, args))
            .and_then(|typed| typed.to_text())
            .map_err(|e| from_core(&e))
    })
}

/// The core's redaction of secret values in a JSON document (for reprs).
#[pyfunction]
fn redact_json(text: &str) -> PyResult<String> {
    guard(|| {
        let document = parse_arguments("document", text).map_err(|e| from_core(&e))?;
        Ok(hamsa::redact_json(&document).to_string())
    })
}

/// Entry points for the binding's own tests, compiled only with the `testing` feature (which
/// `test.sh` turns on); the production stubs do not list them.
#[cfg(feature = "testing")]
mod testing {
    use crate::completion::{NativeCall, NativeWaker, spawn};
    use crate::errors::{from_core, guard};
    use pyo3::prelude::*;

    /// JSON text through the builder of results (`to_python.rs`), to compare with `json.loads`.
    #[pyfunction]
    pub fn _loads<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
        guard(|| {
            let document = hamsa::json_api::parse_arguments("document", text).map_err(|e| from_core(&e))?;
            crate::to_python::to_python(py, &document)
        })
    }

    /// Panics on purpose, to test that a panic reaches Python as a `HamsaError` (code "internal").
    #[pyfunction]
    pub fn _panic_for_tests(message: &str) -> PyResult<()> {
        guard(|| panic!("{message}"))
    }

    /// The same inside a future on the runtime (settling `future` through `waker`, like a call).
    #[pyfunction]
    pub fn _panic_async_for_tests(waker: &NativeWaker, future: Py<PyAny>, message: String) -> PyResult<NativeCall> {
        guard(|| spawn(waker, future, async move { panic!("{message}") }))
    }

    pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
        m.add_function(wrap_pyfunction!(_loads, m)?)?;
        m.add_function(wrap_pyfunction!(_panic_for_tests, m)?)?;
        m.add_function(wrap_pyfunction!(_panic_async_for_tests, m)?)?;
        Ok(())
    }
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("NativeError", m.py().get_type::<errors::NativeError>())?;
    m.add("SDK_VERSION", hamsa::VERSION)?;
    m.add_class::<client::NativeClient>()?;
    m.add_class::<pager::NativePager>()?;
    m.add_class::<completion::NativeWaker>()?;
    m.add_class::<completion::NativeCall>()?;
    m.add_class::<model::NativeField>()?;
    m.add_function(wrap_pyfunction!(webhook, m)?)?;
    m.add_function(wrap_pyfunction!(redact_json, m)?)?;
    m.add_function(wrap_pyfunction!(model::wrap_all, m)?)?;
    #[cfg(feature = "testing")]
    testing::register(m)?;
    Ok(())
}
