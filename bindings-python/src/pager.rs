//! `NativePager`: one walk over a paged list, page by page, for the Python iterators. Each page is the
//! core's typed page turned into the Python objects of its wire JSON (its items are in it, under the
//! field the catalog names); `None` after the last page.

use crate::blocking::block_on;
use crate::completion::{NativeCall, NativeWaker, Outcome, spawn};
use crate::errors::{from_core, guard};
use crate::to_python::to_python;
use hamsa::JsonPager;
use pyo3::prelude::*;
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
    fn next_page<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        guard(|| {
            let inner = Arc::clone(&self.inner);
            match block_on(py, next_page(inner))?? {
                Some(typed) => to_python(py, &typed).map(Some),
                None => Ok(None),
            }
        })
    }

    /// Starts fetching the next page; the page (or `None`) settles `future` through `waker`.
    fn next_page_async(&self, waker: &NativeWaker, future: Py<PyAny>) -> PyResult<NativeCall> {
        guard(|| spawn(waker, future, next_page(Arc::clone(&self.inner))))
    }
}

async fn next_page(inner: Arc<Mutex<JsonPager>>) -> Outcome {
    match inner.lock().await.next_page().await {
        None => Ok(None),
        Some(Err(error)) => Err(from_core(&error)),
        Some(Ok(page)) => Ok(Some(page)),
    }
}
