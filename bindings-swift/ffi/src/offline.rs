//! The operations that need no client and no runtime (the catalog's kind `offline`, such as the webhook
//! helpers): one entry point for all of them, by name, like the client's `invoke`. The typed functions
//! (`Webhooks.verify`, `Webhooks.parse`) are generated on top of it in Swift and Kotlin, so a new offline
//! operation in the core needs no code here.

use crate::error::HamsaError;
use crate::guard::run_sync;
use hamsa::json_api::parse_arguments;

/// Runs an operation that needs no client by its public name (`"webhooks.parse"`) with wire-JSON
/// arguments and returns its wire-JSON result.
#[uniffi::export]
pub fn invoke_offline(operation: String, args_json: String) -> Result<String, HamsaError> {
    run_sync(|| {
        let args = parse_arguments("arguments", &args_json)?;
        hamsa::json_api::invoke_offline(&operation, args)?.to_text()
    })
}
