//! `NativeClient`: one core client behind the Python `Hamsa` and `AsyncHamsa` classes. Arguments cross
//! as wire-JSON text, results as the Python objects of their wire JSON, built from the core's typed
//! result; the Python layer does the naming and the typed wrappers.

use crate::blocking::block_on;
use crate::completion::{NativeCall, NativeWaker, spawn};
use crate::errors::{from_core, guard};
use crate::pager::NativePager;
use crate::to_python::to_python;
use hamsa::json_api::parse_arguments;
use hamsa::{Client, ClientOptions, RequestOptions};
use pyo3::prelude::*;
use std::sync::Mutex;

#[pyclass(frozen, module = "hamsa._native")]
pub struct NativeClient {
    /// Kept to build the client again in a forked child (the API key stays on the Rust side).
    options: ClientOptions,
    /// The core client and the pid it was built in.
    current: Mutex<(u32, Client)>,
}

#[pymethods]
impl NativeClient {
    /// `options` is the core's camelCase options object as JSON text.
    #[new]
    fn new(options: &str) -> PyResult<Self> {
        guard(|| {
            let options = parse_arguments("client options", options)
                .and_then(|options| ClientOptions::from_json(&options))
                .map_err(|e| from_core(&e))?;
            let client = Client::new(options.clone()).map_err(|e| from_core(&e))?;
            Ok(Self { options, current: Mutex::new((std::process::id(), client)) })
        })
    }

    fn base_url(&self) -> PyResult<String> {
        guard(|| Ok(self.client()?.base_url().to_owned()))
    }

    /// Runs an operation and returns its result as Python objects (what `json.loads` makes of the wire
    /// JSON); blocks without the GIL. `options` may be empty for the defaults.
    fn invoke<'py>(&self, py: Python<'py>, operation: &str, args: &str, options: &str) -> PyResult<Bound<'py, PyAny>> {
        guard(|| {
            let (client, args, options) = self.prepare(args, options)?;
            let result =
                block_on(
                    py,
                    async move { client.invoke_json(operation, args, &options).await.map(|result| result.data) },
                )?;
            to_python(py, &result.map_err(|e| from_core(&e))?)
        })
    }

    /// The same for asyncio: starts the call and returns at once; the result (or the error) settles
    /// `future` through `waker` (see `completion.rs`). `NativeCall.cancel()` drops the request.
    fn invoke_async(
        &self,
        waker: &NativeWaker,
        future: Py<PyAny>,
        operation: String,
        args: &str,
        options: &str,
    ) -> PyResult<NativeCall> {
        guard(|| {
            let (client, args, options) = self.prepare(args, options)?;
            spawn(waker, future, async move {
                client
                    .invoke_json(&operation, args, &options)
                    .await
                    .map(|result| Some(result.data))
                    .map_err(|e| from_core(&e))
            })
        })
    }

    /// A pager over a paged list operation; nothing is sent until its first page is asked for.
    fn pager(&self, operation: &str, args: &str, options: &str) -> PyResult<NativePager> {
        guard(|| {
            let (client, args, options) = self.prepare(args, options)?;
            let pager = client.pager_json(operation, args, &options).map_err(|e| from_core(&e))?;
            Ok(NativePager::new(pager))
        })
    }
}

impl NativeClient {
    /// The core client for this process: rebuilt once in a forked child, whose inherited connections
    /// belong to the parent's runtime.
    fn client(&self) -> PyResult<Client> {
        let pid = std::process::id();
        let mut current = self.current.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if current.0 != pid {
            let fresh = Client::new(self.options.clone()).map_err(|e| from_core(&e))?;
            let inherited = std::mem::replace(&mut *current, (pid, fresh));
            // Its pool holds sockets registered with the parent's (absent) runtime: never touch them.
            std::mem::forget(inherited);
        }
        Ok(current.1.clone())
    }

    fn prepare(&self, args: &str, options: &str) -> PyResult<(Client, serde_json::Value, RequestOptions)> {
        // Empty text is no arguments, or the default options.
        let args = parse_arguments("arguments", args).map_err(|e| from_core(&e))?;
        let options = parse_arguments("request options", options)
            .and_then(|options| RequestOptions::from_json(&options))
            .map_err(|e| from_core(&e))?;
        Ok((self.client()?, args, options))
    }
}
