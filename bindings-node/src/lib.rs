//! The native half of the `hamsa` npm package: a napi-rs addon over the core's JSON face.
//!
//! Everything crosses as JSON text (operation name, wire-JSON arguments and options in; wire-JSON results
//! out), so this crate holds no per-endpoint code: the JavaScript layer, generated from the catalog, maps
//! `client.calls.createTwilio(...)` to `invoke("calls.create_twilio", ...)`. Errors cross as a rejection
//! whose message is the core error as JSON (see `errors.rs`); the JavaScript layer builds the class.

mod cancel;
mod client;
mod env_state;
mod errors;
mod offline;
mod pager;
#[cfg(feature = "testing")]
mod testing;

pub use cancel::CancelToken;
pub use client::NativeClient;
pub use offline::invoke_offline;
pub use pager::NativePager;
#[cfg(feature = "testing")]
pub use testing::{test_panic_async, test_panic_sync};

use napi_derive::napi;

/// The catalog (every operation with its JSON Schemas), as JSON text: what the generator reads.
#[napi]
pub fn catalog() -> napi::Result<String> {
    errors::guard(|| Ok(hamsa::catalog::catalog().to_string()))
}

/// The core's version, as in the user agent.
#[napi]
pub fn core_version() -> String {
    hamsa::VERSION.to_owned()
}
