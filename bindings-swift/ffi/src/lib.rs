//! The UniFFI face of the Hamsa core, for Swift and Kotlin.
//!
//! Deliberately small and generic: one client object that runs any operation by its public name with
//! wire-JSON arguments (the core's JSON face), a pager, a cancel token, and `invoke_offline`, which runs
//! the operations that need no client (the webhook helpers) the same way. The idiomatic typed layer
//! (`client.calls.createTwilio(...)`, `Webhooks.parse(...)`, models, open enums) is generated per language
//! from the core's catalog by `codegen/generate.py`, so a new operation needs no Rust glue here.

// UniFFI passes `HamsaError` by value into a serialized buffer at the boundary, and a variant cannot hold a
// `Box<ErrorInfo>`; its size (about 200 bytes) costs nothing next to a network request.
#![allow(clippy::result_large_err)]

mod cancel;
mod client;
mod error;
mod guard;
mod offline;
mod pager;

pub use cancel::CancelToken;
pub use client::NativeClient;
pub use error::{AttemptInfo, ErrorInfo, HamsaError};
pub use offline::invoke_offline;
pub use pager::NativePager;

uniffi::setup_scaffolding!();

/// The core's catalog as JSON: every operation with its argument and result schemas. The generators
/// read it at build time; apps may read it at run time (e.g. to list operations). Fallible only because
/// it runs behind the panic guard, like every entry point that does real work.
#[uniffi::export]
pub fn catalog_json() -> Result<String, HamsaError> {
    guard::run_sync(|| Ok(hamsa::catalog::catalog().to_string()))
}

/// The SDK version, as in the user agent.
#[uniffi::export]
pub fn sdk_version() -> String {
    hamsa::VERSION.to_owned()
}
