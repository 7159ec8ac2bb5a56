//! Page-by-page iteration for the foreign side's async sequences / flows.

use crate::cancel::CancelToken;
use crate::error::HamsaError;
use crate::guard::run;
use std::sync::Arc;
use tokio::sync::Mutex;

#[derive(uniffi::Object)]
pub struct NativePager {
    // An async mutex: `next_page` holds it across the request, so two concurrent calls take turns
    // instead of skipping a page.
    inner: Mutex<hamsa::JsonPager>,
    items_field: &'static str,
}

impl NativePager {
    pub(crate) fn new(pager: hamsa::JsonPager) -> Arc<Self> {
        let items_field = pager.items_field();
        Arc::new(Self { inner: Mutex::new(pager), items_field })
    }
}

#[uniffi::export(async_runtime = "tokio")]
impl NativePager {
    /// The next page as wire-JSON text (its items under [`items_field`](Self::items_field)), or `None`
    /// after the last one.
    pub async fn next_page(&self, cancel: Option<Arc<CancelToken>>) -> Result<Option<String>, HamsaError> {
        run(cancel, async {
            let mut pager = self.inner.lock().await;
            pager.next_page().await.map(|page| page.and_then(|typed| typed.to_text())).transpose()
        })
        .await
    }

    /// The field of each page that holds its items.
    pub fn items_field(&self) -> String {
        self.items_field.to_owned()
    }
}
