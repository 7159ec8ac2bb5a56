//! `NativeClient`: one core `Client`, reached by operation name with JSON text in and out.

use crate::cancel::{CancelToken, Signal, run_until};
use crate::env_state::env_closed;
use crate::errors::{guard, guard_async, parse_json, to_napi};
use crate::pager::NativePager;
use napi::Env;
use napi::bindgen_prelude::PromiseRaw;
use napi_derive::napi;

#[napi]
pub struct NativeClient {
    client: hamsa::Client,
    /// Fires when this client's Node environment is torn down (a terminated Worker).
    env_closed: Signal,
}

#[napi]
impl NativeClient {
    /// `options_json`: the core's client options (camelCase, `timeoutMs`...); the JavaScript layer
    /// converts the user's options and fills `binding`. Throws a `configuration` error.
    #[napi(constructor)]
    pub fn new(env: Env, options_json: String) -> napi::Result<Self> {
        guard(|| {
            let options = parse_json("client options", &options_json)?;
            let client = hamsa::ClientOptions::from_json(&options)
                .and_then(hamsa::Client::new)
                .map_err(|error| to_napi(&error))?;
            Ok(Self { client, env_closed: env_closed(&env)? })
        })
    }

    /// Runs an operation by its public name (`"calls.create_twilio"`, `"jobs.wait"`...). Resolves with
    /// the wire-JSON result as text; rejects with a serialized core error. `cancel` aborts it.
    #[napi(ts_return_type = "Promise<string>")]
    pub fn invoke<'env>(
        &self,
        env: &'env Env,
        operation: String,
        args_json: String,
        options_json: String,
        cancel: Option<&CancelToken>,
    ) -> napi::Result<PromiseRaw<'env, String>> {
        let client = self.client.clone();
        let signals = [cancel.map_or_else(Signal::never, CancelToken::signal), self.env_closed.clone()];
        env.spawn_future(guard_async(async move {
            let args = parse_json("arguments", &args_json)?;
            let options = parse_json("request options", &options_json)?;
            let result = run_until(signals, async {
                let options = hamsa::RequestOptions::from_json(&options)?;
                client.invoke_json(&operation, args, &options).await
            })
            .await
            .map_err(|error| to_napi(&error))?;
            Ok(result.to_string())
        }))
    }

    /// A pager over a paged list operation (`"phone_numbers.list"`...). Throws for invalid arguments.
    #[napi]
    pub fn pager(&self, operation: String, args_json: String, options_json: String) -> napi::Result<NativePager> {
        guard(|| {
            let args = parse_json("arguments", &args_json)?;
            let options = parse_json("request options", &options_json)?;
            let pager = hamsa::RequestOptions::from_json(&options)
                .and_then(|options| self.client.pager_json(&operation, args, &options))
                .map_err(|error| to_napi(&error))?;
            Ok(NativePager::new(pager, self.env_closed.clone()))
        })
    }
}
