//! Hooks for the binding's own tests (not re-exported by the JavaScript layer): they prove that a Rust
//! panic, in a synchronous or an asynchronous entry point, becomes an `internal` error and never aborts
//! the Node process. The core has no way to panic on purpose, so the tests need these. Compiled only
//! with the crate's `testing` feature, which `test.sh` turns on (`npx napi build ... --features testing`).

use crate::errors::{guard, to_napi};
use hamsa::json_api::catch_panic_async;
use napi::Env;
use napi::bindgen_prelude::PromiseRaw;
use napi_derive::napi;

#[napi(js_name = "__testPanicSync")]
pub fn test_panic_sync() -> napi::Result<()> {
    guard(|| panic!("deliberate panic (sync test hook)"))
}

#[napi(js_name = "__testPanicAsync", ts_return_type = "Promise<void>")]
pub fn test_panic_async(env: &Env) -> napi::Result<PromiseRaw<'_, ()>> {
    guard(|| {
        env.spawn_future(async {
            catch_panic_async(async {
                if std::hint::black_box(true) {
                    panic!("deliberate panic (async test hook)");
                }
                Ok(())
            })
            .await
            .map_err(|error| to_napi(&error))
        })
    })
}
