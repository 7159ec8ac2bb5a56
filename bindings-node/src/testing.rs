//! Hooks for the binding's own tests (not re-exported by the JavaScript layer): they prove that a Rust
//! panic, in a synchronous or an asynchronous entry point, becomes an `internal` error and never aborts
//! the Node process. The core has no way to panic on purpose, so the tests need these. Compiled only
//! with the crate's `testing` feature, which `test.sh` turns on (`npx napi build ... --features testing`).

use crate::env_state::env_shared;
use crate::errors::guard;
use crate::settle::{Outcome, spawn_promise};
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
        let settler = env_shared(env)?.settler;
        let promise = spawn_promise(env, &settler, async {
            if std::hint::black_box(true) {
                panic!("deliberate panic (async test hook)");
            }
            Outcome::Undefined
        })?;
        Ok(PromiseRaw::new(env.raw(), promise))
    })
}
