//! The one tokio runtime every client of this process shares, and the glue that lets
//! pyo3-async-runtimes spawn on it.
//!
//! Why not pyo3-async-runtimes' own runtime: it lives in a `OnceLock` and cannot be replaced, and a
//! runtime inherited through `os.fork()` has no worker threads in the child, so anything that waits on
//! it hangs. Here the runtime remembers the pid that built it; a forked child gets a fresh one, and the
//! parent's copy is leaked on purpose (dropping it would wait for threads that do not exist).

use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use pyo3_async_runtimes::TaskLocals;
use pyo3_async_runtimes::generic::{ContextExt, JoinError, Runtime};
use std::future::Future;
use std::pin::Pin;
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

/// The handle to spawn on; only called from Python-facing code, after `runtime()` succeeded once.
fn handle() -> tokio::runtime::Handle {
    match runtime() {
        Ok(runtime) => runtime.handle().clone(),
        // Building a runtime failed just before too, so this is not reachable in practice; a panic
        // here is caught by the entry point's guard and becomes a `HamsaError` with code "internal".
        Err(e) => panic!("hamsa: no async runtime: {e}"),
    }
}

tokio::task_local! {
    static TASK_LOCALS: TaskLocals;
}

/// The runtime as pyo3-async-runtimes sees it.
pub struct HamsaRuntime;

pub struct SpawnError(tokio::task::JoinError);

impl JoinError for SpawnError {
    fn is_panic(&self) -> bool {
        self.0.is_panic()
    }
    fn into_panic(self) -> Box<dyn std::any::Any + Send + 'static> {
        self.0.into_panic()
    }
}

type Joined = Pin<Box<dyn Future<Output = Result<(), SpawnError>> + Send>>;

impl Runtime for HamsaRuntime {
    type JoinError = SpawnError;
    type JoinHandle = Joined;

    fn spawn<F>(fut: F) -> Self::JoinHandle
    where
        F: Future<Output = ()> + Send + 'static,
    {
        let task = handle().spawn(fut);
        Box::pin(async move { task.await.map_err(SpawnError) })
    }

    fn spawn_blocking<F>(f: F) -> Self::JoinHandle
    where
        F: FnOnce() + Send + 'static,
    {
        let task = handle().spawn_blocking(f);
        Box::pin(async move { task.await.map_err(SpawnError) })
    }
}

impl ContextExt for HamsaRuntime {
    fn scope<F, R>(locals: TaskLocals, fut: F) -> Pin<Box<dyn Future<Output = R> + Send>>
    where
        F: Future<Output = R> + Send + 'static,
    {
        Box::pin(TASK_LOCALS.scope(locals, fut))
    }

    fn get_task_locals() -> Option<TaskLocals> {
        TASK_LOCALS.try_with(Clone::clone).ok()
    }
}
