//! The one tokio runtime every client of this process shares.
//!
//! A runtime inherited through `os.fork()` has no worker threads in the child, so anything that waits
//! on it hangs. So the runtime remembers the pid that built it; a forked child gets a fresh one, and
//! the parent's copy is leaked on purpose (dropping it would wait for threads that do not exist).

use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use std::sync::{Arc, Mutex};
use tokio::runtime::Runtime as Tokio;

static RUNTIME: Mutex<Option<(u32, Arc<Tokio>)>> = Mutex::new(None);

/// The runtime of this process, built on first use (and again in a forked child).
pub fn runtime() -> PyResult<Arc<Tokio>> {
    let pid = std::process::id();
    // A poisoned lock only means a thread panicked while holding it; the slot itself is still valid.
    let mut slot = RUNTIME.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some((owner, runtime)) = slot.as_ref() {
        if *owner == pid {
            return Ok(Arc::clone(runtime));
        }
    }
    if let Some((_, inherited)) = slot.take() {
        std::mem::forget(inherited);
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .thread_name("hamsa-tokio")
        .enable_all()
        .build()
        .map_err(|e| PyRuntimeError::new_err(format!("hamsa: cannot start the async runtime: {e}")))?;
    let runtime = Arc::new(runtime);
    *slot = Some((pid, Arc::clone(&runtime)));
    Ok(runtime)
}
