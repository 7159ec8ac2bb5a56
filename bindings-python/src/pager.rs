//! `NativePager`: one walk over a paged list, page by page, for the Python iterators. Each page crosses
//! as JSON text `{"items": [...], "page": {...}}`; `None` after the last page.

use crate::blocking::block_on;
use crate::errors::{from_core, guard, guard_async, to_text};
use crate::runtime::HamsaRuntime;
use hamsa::JsonPager;
use pyo3::prelude::*;
use serde_json::json;
use std::sync::Arc;
use tokio::sync::Mutex;

#[pyclass(frozen, module = "hamsa._native")]
pub struct NativePager {
    /// An async mutex: a page request may be in flight while another caller waits its turn.
    inner: Arc<Mutex<JsonPager>>,
}

impl NativePager {
    pub fn new(pager: JsonPager) -> Self {
        Self { inner: Arc::new(Mutex::new(pager)) }
    }
}

#[pymethods]
impl NativePager {
    fn next_page(&self, py: Python<'_>) -> PyResult<Option<String>> {
        guard(|| {
            let inner = Arc::clone(&self.inner);
            block_on(py, next_page(inner))?
        })
    }

    fn next_page_async<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(|| {
            let inner = Arc::clone(&self.inner);
            pyo3_async_runtimes::generic::future_into_py::<HamsaRuntime, _, _>(py, guard_async(next_page(inner)))
        })
    }
}

async fn next_page(inner: Arc<Mutex<JsonPager>>) -> PyResult<Option<String>> {
    match inner.lock().await.next_page().await {
        None => Ok(None),
        Some(Err(error)) => Err(from_core(&error)),
        Some(Ok(page)) => to_text(&json!({"items": page.items, "page": page.page})).map(Some),
    }
}
