//! `NativeClient`: one core `Client`, reached by operation name with JSON text in and out.

use crate::cancel::{CancelToken, Signal, run_until};
use crate::env_state::env_closed;
use crate::errors::{guard, to_napi};
use crate::pager::NativePager;
use hamsa::json_api::{catch_panic_async, parse_arguments};
use napi::Env;
use napi::bindgen_prelude::PromiseRaw;
use napi_derive::napi;

#[napi]
pub struct NativeClient {
    client: hamsa::Client,
    /// Fires when this client's Node environment is torn down (a terminated Worker).
    env_closed: Signal,
}

/// Per-request options from their JSON text; the JavaScript layer sends `""` when there are none.
fn request_options(options_json: &str) -> hamsa::Result<hamsa::RequestOptions> {
    parse_arguments("request options", options_json).and_then(|options| hamsa::RequestOptions::from_json(&options))
}

#[napi]
impl NativeClient {
    /// `options_json`: the core's client options (camelCase, `timeoutMs`...); the JavaScript layer
    /// converts the user's options and fills `binding`. Throws a `configuration` error.
    #[napi(constructor)]
    pub fn new(env: Env, options_json: String) -> napi::Result<Self> {
        guard(|| {
            let client = parse_arguments("client options", &options_json)
                .and_then(|options| hamsa::ClientOptions::from_json(&options))
                .and_then(hamsa::Client::new)
                .map_err(|error| to_napi(&error))?;
            Ok(Self { client, env_closed: env_closed(&env)? })
        })
    }

    /// Runs an operation by its public name (`"calls.create_twilio"`, `"jobs.wait"`...). Resolves with
    /// the wire-JSON result as text; rejects with a serialized core error (a panic while it runs is an
    /// `internal` one). `options_json` may be `""` (no per-request options). `cancel` aborts it.
    #[napi(ts_return_type = "Promise<string>")]
    pub fn invoke<'env>(
        &self,
        env: &'env Env,
        operation: String,
        args_json: String,
        options_json: String,
        cancel: Option<&CancelToken>,
    ) -> napi::Result<PromiseRaw<'env, String>> {
        guard(|| {
            let client = self.client.clone();
            let signals = [cancel.map_or_else(Signal::never, CancelToken::signal), self.env_closed.clone()];
            env.spawn_future(async move {
                catch_panic_async(invoke(&client, signals, &operation, &args_json, &options_json))
                    .await
                    .map_err(|error| to_napi(&error))
            })
        })
    }

    /// A pager over a paged list operation (`"phone_numbers.list"`...). Throws for invalid arguments.
    #[napi]
    pub fn pager(&self, operation: String, args_json: String, options_json: String) -> napi::Result<NativePager> {
        guard(|| {
            let pager = parse_arguments("arguments", &args_json)
                .and_then(|args| self.client.pager_json(&operation, args, &request_options(&options_json)?))
                .map_err(|error| to_napi(&error))?;
            Ok(NativePager::new(pager, self.env_closed.clone()))
        })
    }
}

async fn invoke(
    client: &hamsa::Client,
    signals: [Signal; 2],
    operation: &str,
    args_json: &str,
    options_json: &str,
) -> hamsa::Result<String> {
    // Unparseable arguments reject the promise (with `invalid_argument`), like any other failure.
    let args = parse_arguments("arguments", args_json)?;
    let options = request_options(options_json)?;
    run_until(signals, client.invoke_json(operation, args, &options)).await?.data.to_text()
}
