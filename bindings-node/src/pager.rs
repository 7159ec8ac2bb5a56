//! `NativePager`: walks a paged list one page per `next()`; the JavaScript layer wraps it in async
//! iterators (items, and pages).

use crate::cancel::{CancelToken, Signal, run_until};
use crate::env_state::EnvShared;
use crate::errors::{guard, to_napi};
use crate::settle::{Outcome, spawn_promise};
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
    shared: EnvShared,
}

impl NativePager {
    pub fn new(pager: hamsa::JsonPager, shared: EnvShared) -> Self {
        Self { pager: Arc::new(Mutex::new(pager)), shared }
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
            let signals = [cancel.map_or_else(Signal::never, CancelToken::signal), self.shared.closed.clone()];
            let promise = spawn_promise(env, &self.shared.settler, async move {
                let page = run_until(signals, async move {
                    let mut pager = pager.lock().await;
                    pager.next_page().await.map(|page| page.and_then(|typed| typed.to_text())).transpose()
                })
                .await;
                match page {
                    Ok(Some(text)) => Outcome::Text(text),
                    Ok(None) => Outcome::Null,
                    Err(error) => Outcome::Rejected(to_napi(&error).reason),
                }
            })?;
            Ok(PromiseRaw::new(env.raw(), promise))
        })
    }
}
