//! Page-by-page iteration for the foreign side's async sequences / flows.

use crate::cancel::CancelToken;
use crate::error::HamsaError;
use crate::guard::run;
use serde_json::json;
use std::sync::Arc;
use tokio::sync::Mutex;

#[derive(uniffi::Object)]
pub struct NativePager {
    // An async mutex: `next_page` holds it across the request, so two concurrent calls take turns
    // instead of skipping a page.
    inner: Mutex<hamsa::JsonPager>,
}

impl NativePager {
    pub(crate) fn new(pager: hamsa::JsonPager) -> Arc<Self> {
        Arc::new(Self { inner: Mutex::new(pager) })
    }
}

#[uniffi::export(async_runtime = "tokio")]
impl NativePager {
    /// The next page as `{"items": [...], "page": {...}}`, or `None` after the last one.
    pub async fn next_page(&self, cancel: Option<Arc<CancelToken>>) -> Result<Option<String>, HamsaError> {
        run(cancel, async {
            let mut pager = self.inner.lock().await;
            match pager.next_page().await {
                None => Ok(None),
                Some(page) => {
                    let page = page?;
                    Ok(Some(json!({"items": page.items, "page": page.page}).to_string()))
                }
            }
        })
        .await
    }
}
