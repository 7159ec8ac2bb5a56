//! The client object: built from the core's JSON options, runs any operation by its public name.

use crate::cancel::CancelToken;
use crate::error::HamsaError;
use crate::guard::{run, run_sync};
use crate::pager::NativePager;
use serde_json::Value;
use std::sync::Arc;

/// The core client behind the generated `HamsaClient` of each language. Cheap to share between
/// threads; one connection pool.
#[derive(uniffi::Object)]
pub struct NativeClient {
    inner: hamsa::Client,
}

#[uniffi::export(async_runtime = "tokio")]
impl NativeClient {
    /// `options_json`: the core's client options (`apiKey`, `baseUrl`, `region`, `timeoutMs`, ...,
    /// `binding`), camelCase, as one JSON object.
    #[uniffi::constructor]
    pub fn new(options_json: String) -> Result<Arc<Self>, HamsaError> {
        run_sync(|| {
            let options = hamsa::ClientOptions::from_json(&parse(&options_json, "options")?)?;
            Ok(Arc::new(Self { inner: hamsa::Client::new(options)? }))
        })
    }

    /// The base URL requests go to.
    pub fn base_url(&self) -> String {
        self.inner.base_url().to_owned()
    }

    /// Runs an operation (`"calls.create_twilio"`, `"jobs.wait"`, ...) with wire-JSON arguments and
    /// per-request options (`timeoutMs`, `deadlineMs`, `maxRetries`, `headers`); returns the result as
    /// wire JSON. `cancel` stops it: the request's connection is closed and the call fails `cancelled`.
    pub async fn invoke(
        &self,
        operation: String,
        args_json: String,
        options_json: String,
        cancel: Option<Arc<CancelToken>>,
    ) -> Result<String, HamsaError> {
        let client = self.inner.clone();
        run(cancel, async move {
            let args = parse(&args_json, "args")?;
            let options = hamsa::RequestOptions::from_json(&parse(&options_json, "options")?)?;
            // Text straight from the typed result: no intermediate JSON tree.
            client.invoke_json(&operation, args, &options).await?.data.to_text()
        })
        .await
    }

    /// A pager over a paged list operation (`"phone_numbers.list"`, `"conversations.list"`).
    pub fn pager(
        &self,
        operation: String,
        args_json: String,
        options_json: String,
    ) -> Result<Arc<NativePager>, HamsaError> {
        run_sync(|| {
            let args = parse(&args_json, "args")?;
            let options = hamsa::RequestOptions::from_json(&parse(&options_json, "options")?)?;
            Ok(NativePager::new(self.inner.pager_json(&operation, args, &options)?))
        })
    }
}

/// JSON text from the foreign side; an empty string means "nothing" (null).
pub(crate) fn parse(text: &str, what: &str) -> hamsa::Result<Value> {
    if text.trim().is_empty() {
        return Ok(Value::Null);
    }
    serde_json::from_str(text).map_err(|e| hamsa::Error::invalid_argument(what, format!("not valid JSON: {e}")))
}
