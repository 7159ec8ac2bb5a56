//! The operations that need no client (the catalog's kind `offline`, such as the webhook helpers):
//! synchronous and client-free so they fit any framework's request handler. One entry point for all of
//! them, by name, like the client's `invoke`; lib/offline.js makes each operation's function on top of it
//! from the generated table, so a new offline operation in the core needs no code here.

use crate::errors::{guard, to_napi};
use hamsa::json_api::parse_arguments;
use napi_derive::napi;

/// Runs an operation that needs no client by its public name (`"webhooks.parse"`) with wire-JSON
/// arguments; returns its wire-JSON result as text. Throws the core's error as every entry point does.
#[napi]
pub fn invoke_offline(operation: String, args_json: String) -> napi::Result<String> {
    guard(|| {
        parse_arguments("arguments", &args_json)
            .and_then(|args| hamsa::json_api::invoke_offline(&operation, args))
            .and_then(|result| result.to_text())
            .map_err(|error| to_napi(&error))
    })
}
