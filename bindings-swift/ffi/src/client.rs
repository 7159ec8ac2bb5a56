//! The client object: built from the core's JSON options, runs any operation by its public name.

use crate::cancel::CancelToken;
use crate::error::HamsaError;
use crate::guard::{run, run_sync};
use crate::pager::NativePager;
use hamsa::json_api::parse_arguments;
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
            let options = hamsa::ClientOptions::from_json(&parse_arguments("client options", &options_json)?)?;
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
            let args = parse_arguments("arguments", &args_json)?;
            let options = hamsa::RequestOptions::from_json(&parse_arguments("request options", &options_json)?)?;
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
            let args = parse_arguments("arguments", &args_json)?;
            let options = hamsa::RequestOptions::from_json(&parse_arguments("request options", &options_json)?)?;
            Ok(NativePager::new(self.inner.pager_json(&operation, args, &options)?))
        })
    }
}
