//! `hamsa._native`: the Rust core behind the Python package `hamsa`. It exposes only what the Python
//! layer needs: a client that runs operations by name on wire JSON (sync and asyncio), a pager, the
//! client-less webhook helpers and the core's redaction. Names, models and exceptions live in Python.

mod blocking;
mod client;
mod errors;
mod pager;
mod runtime;

use errors::{from_core, guard, parse_json, to_text};
use pyo3::prelude::*;

/// `webhooks.verify` / `webhooks.parse`: they need no client (and no runtime).
#[pyfunction]
fn webhook(operation: &str, args: &str) -> PyResult<String> {
    guard(|| {
        if !operation.starts_with("webhooks.") {
            return Err(errors::binding_error("invalid_argument", format!("{operation:?} is not a webhook helper")));
        }
        let args = parse_json("arguments", args)?;
        // The helpers never await anything; a current-thread executor is enough to run them.
        let client = webhook_client()?;
        let result = futures_util::FutureExt::now_or_never(client.invoke_json(
            operation,
            args,
            &hamsa::RequestOptions::default(),
        ));
        match result {
            Some(result) => to_text(&result.map_err(|e| from_core(&e))?),
            None => Err(errors::binding_error("internal", format!("{operation} did not complete at once"))),
        }
    })
}

/// `invoke_json` needs a client even for the helpers that send nothing: one with a placeholder key
/// and a loopback URL, which no webhook helper ever uses.
fn webhook_client() -> PyResult<hamsa::Client> {
    static CLIENT: std::sync::OnceLock<hamsa::Client> = std::sync::OnceLock::new();
    if let Some(client) = CLIENT.get() {
        return Ok(client.clone());
    }
    let options = hamsa::ClientOptions::default().with_api_key("unused").with_base_url("http://127.0.0.1:9");
    let client = hamsa::Client::new(options).map_err(|e| from_core(&e))?;
    Ok(CLIENT.get_or_init(|| client).clone())
}

/// The core's redaction of secret values in a JSON document (for reprs).
#[pyfunction]
fn redact_json(text: &str) -> PyResult<String> {
    guard(|| to_text(&hamsa::redact_json(&parse_json("document", text)?)))
}

/// Panics on purpose, to test that a panic reaches Python as a `HamsaError` (code "internal").
#[pyfunction]
fn _panic_for_tests(message: &str) -> PyResult<()> {
    guard(|| panic!("{message}"))
}

/// The same inside a future on the runtime.
#[pyfunction]
fn _panic_async_for_tests<'py>(py: Python<'py>, message: String) -> PyResult<Bound<'py, PyAny>> {
    guard(|| {
        pyo3_async_runtimes::generic::future_into_py::<runtime::HamsaRuntime, _, ()>(
            py,
            errors::guard_async(async move { panic!("{message}") }),
        )
    })
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("NativeError", m.py().get_type::<errors::NativeError>())?;
    m.add("SDK_VERSION", hamsa::VERSION)?;
    m.add_class::<client::NativeClient>()?;
    m.add_class::<pager::NativePager>()?;
    m.add_function(wrap_pyfunction!(webhook, m)?)?;
    m.add_function(wrap_pyfunction!(redact_json, m)?)?;
    m.add_function(wrap_pyfunction!(_panic_for_tests, m)?)?;
    m.add_function(wrap_pyfunction!(_panic_async_for_tests, m)?)?;
    Ok(())
}
