//! `NativePager`: walks a paged list one page per `next()`; the JavaScript layer wraps it in async
//! iterators (items, and pages).

use crate::cancel::{CancelToken, Signal, run_until};
use crate::errors::{guard, to_napi};
use hamsa::json_api::catch_panic_async;
use napi::Env;
use napi::bindgen_prelude::PromiseRaw;
use napi_derive::napi;
use std::sync::Arc;
use tokio::sync::Mutex;

#[napi]
pub struct NativePager {
    /// Behind an async mutex: `next()` needs the pager across an await, and JavaScript may call it again
    /// before the last call settled (the calls then run one after the other).
    pager: Arc<Mutex<hamsa::JsonPager>>,
    /// Fires when the Node environment is torn down (a terminated Worker).
    env_closed: Signal,
}

impl NativePager {
    pub fn new(pager: hamsa::JsonPager, env_closed: Signal) -> Self {
        Self { pager: Arc::new(Mutex::new(pager)), env_closed }
    }
}

#[napi]
impl NativePager {
    /// The next page as wire-JSON text (its items under the field the catalog names for the operation),
    /// or `null` after the last page.
    #[napi(ts_return_type = "Promise<string | null>")]
    pub fn next<'env>(
        &self,
        env: &'env Env,
        cancel: Option<&CancelToken>,
    ) -> napi::Result<PromiseRaw<'env, Option<String>>> {
        guard(|| {
            let pager = Arc::clone(&self.pager);
            let signals = [cancel.map_or_else(Signal::never, CancelToken::signal), self.env_closed.clone()];
            env.spawn_future(async move {
                catch_panic_async(run_until(signals, async move {
                    let mut pager = pager.lock().await;
                    pager.next_page().await.map(|page| page.and_then(|typed| typed.to_text())).transpose()
                }))
                .await
                .map_err(|error| to_napi(&error))
            })
        })
    }
}
