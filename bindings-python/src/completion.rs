//! How an async call's result reaches asyncio without the runtime's threads ever taking the GIL.
//!
//! The Python side creates the asyncio future and hands it over with a `NativeWaker`, one per event
//! loop. When the call ends, the runtime thread that finished it pushes (future, outcome) onto the
//! waker's queue and, only if nothing was pending yet, writes one byte to a socket the loop watches
//! (`loop.add_reader(waker.fileno(), waker)`). The loop then calls the waker, which settles every
//! finished future in one go, with the GIL it already holds. So a completion costs a mutex push on the
//! runtime thread, and a burst of completions costs one loop callback, instead of a GIL hand-over, a
//! `call_soon_threadsafe` and two more loop callbacks per request.
//!
//! A loop without `add_reader` (Windows' proactor loop) gets a waker in "threadsafe" mode: a blocking-
//! pool thread takes the GIL and calls `loop.call_soon_threadsafe(drainer)` once per burst.
//!
//! Cancelling the awaiting task cancels the future; the Python side then calls `NativeCall.cancel()`,
//! which aborts the runtime task, and so drops the request in flight.

use crate::errors::{guard, guard_async};
use crate::runtime::runtime;
use crate::to_python::to_python;
use hamsa::TypedJson;
use pyo3::intern;
use pyo3::prelude::*;
use std::future::Future;
use std::sync::{Arc, Mutex, MutexGuard};
#[cfg(unix)]
use std::{
    io::{Read, Write},
    os::unix::{io::AsRawFd, net::UnixStream},
};

/// What a finished call gives its future: the core's typed result, turned into Python objects when the
/// future is settled (or `None`, e.g. after the last page), or an error.
pub type Outcome = PyResult<Option<TypedJson>>;

struct Queue {
    done: Vec<(Py<PyAny>, Outcome)>,
    /// A wake-up is on its way (a byte written, or a callback scheduled) and not yet handled.
    armed: bool,
}

enum Wake {
    #[cfg(unix)]
    Socket(UnixStream),
    Loop(Py<PyAny>),
}

struct Shared {
    queue: Mutex<Queue>,
    wake: Wake,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, Queue> {
        // A poisoned lock only means a thread panicked while holding it; the queue is still whole.
        self.queue.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Runs on a runtime thread, without the GIL.
    fn complete(self: &Arc<Self>, future: Py<PyAny>, outcome: Outcome) {
        let wake = {
            let mut queue = self.lock();
            queue.done.push((future, outcome));
            !std::mem::replace(&mut queue.armed, true)
        };
        if wake {
            self.wake();
        }
    }

    fn wake(self: &Arc<Self>) {
        match &self.wake {
            #[cfg(unix)]
            // Cannot block (non-blocking socket); at most a few bytes are ever unread.
            Wake::Socket(writer) => drop((&*writer).write(&[1])),
            Wake::Loop(_) => {
                let Ok(runtime) = runtime() else { return };
                let shared = Arc::clone(self);
                // The GIL is taken on a blocking-pool thread, never on a runtime worker.
                runtime.spawn_blocking(move || {
                    Python::attach(|py| {
                        let Wake::Loop(event_loop) = &shared.wake else { return };
                        let event_loop = event_loop.clone_ref(py);
                        let drainer = NativeWaker { shared, reader: None };
                        // Fails only if the loop is closed: then nobody awaits these futures any more.
                        let _ = event_loop.call_method1(py, intern!(py, "call_soon_threadsafe"), (drainer,));
                    })
                });
            }
        }
    }
}

/// One event loop's end of the completions (private to the `hamsa` package).
#[pyclass(frozen, module = "hamsa._native")]
pub struct NativeWaker {
    shared: Arc<Shared>,
    #[cfg(unix)]
    reader: Option<UnixStream>,
    #[cfg(not(unix))]
    reader: Option<()>,
}

#[pymethods]
impl NativeWaker {
    /// A waker for a loop that can watch a file descriptor: register `fileno()` with `add_reader`.
    #[staticmethod]
    fn for_selector() -> PyResult<Self> {
        #[cfg(unix)]
        {
            let (reader, writer) =
                UnixStream::pair().map_err(|e| pyo3::exceptions::PyOSError::new_err(e.to_string()))?;
            reader.set_nonblocking(true).map_err(|e| pyo3::exceptions::PyOSError::new_err(e.to_string()))?;
            writer.set_nonblocking(true).map_err(|e| pyo3::exceptions::PyOSError::new_err(e.to_string()))?;
            Ok(Self { shared: Shared::new(Wake::Socket(writer)), reader: Some(reader) })
        }
        #[cfg(not(unix))]
        Err(pyo3::exceptions::PyNotImplementedError::new_err("no socket wake-ups on this platform"))
    }

    /// A waker that wakes `event_loop` with `call_soon_threadsafe`.
    #[staticmethod]
    fn for_loop(event_loop: Py<PyAny>) -> Self {
        Self { shared: Shared::new(Wake::Loop(event_loop)), reader: None }
    }

    /// The descriptor to watch, or -1 for a threadsafe-mode waker.
    fn fileno(&self) -> i64 {
        #[cfg(unix)]
        if let Some(reader) = &self.reader {
            return i64::from(reader.as_raw_fd());
        }
        -1
    }

    /// Settles every finished future (the loop calls this when the descriptor is readable).
    fn __call__(&self, py: Python<'_>) -> PyResult<()> {
        guard(|| {
            #[cfg(unix)]
            if let Some(reader) = &self.reader {
                let mut buf = [0u8; 64];
                // Until empty (or any error: a byte left over only means one more, empty, call).
                while let Ok(n) = (&*reader).read(&mut buf) {
                    if n < buf.len() {
                        break;
                    }
                }
            }
            let done = {
                let mut queue = self.shared.lock();
                queue.armed = false;
                std::mem::take(&mut queue.done)
            };
            for (future, outcome) in done {
                settle(py, future.bind(py), outcome);
            }
            Ok(())
        })
    }
}

impl Shared {
    fn new(wake: Wake) -> Arc<Self> {
        Arc::new(Self { queue: Mutex::new(Queue { done: Vec::new(), armed: false }), wake })
    }
}

fn settle(py: Python<'_>, future: &Bound<'_, PyAny>, outcome: Outcome) {
    let outcome = match outcome {
        Ok(Some(typed)) => to_python(py, &typed),
        Ok(None) => Ok(py.None().into_bound(py)),
        Err(error) => Err(error),
    };
    let set = match outcome {
        Ok(value) => future.call_method1(intern!(py, "set_result"), (value,)),
        Err(error) => future.call_method1(intern!(py, "set_exception"), (error.into_value(py),)),
    };
    // The only failure is InvalidStateError: the future was cancelled, and its result is not wanted.
    if let Err(error) = set {
        if !future.call_method0(intern!(py, "done")).and_then(|done| done.is_truthy()).unwrap_or(false) {
            error.write_unraisable(py, Some(future));
        }
    }
}

/// A call in flight; `cancel()` drops it (private to the `hamsa` package).
#[pyclass(frozen, module = "hamsa._native")]
pub struct NativeCall {
    abort: tokio::task::AbortHandle,
}

#[pymethods]
impl NativeCall {
    /// Drops the request in flight (a no-op once it has finished).
    fn cancel(&self) {
        self.abort.abort();
    }
}

/// Runs `fut` on the runtime; its outcome settles `future` through `waker`.
pub fn spawn(
    waker: &NativeWaker,
    future: Py<PyAny>,
    fut: impl Future<Output = Outcome> + Send + 'static,
) -> PyResult<NativeCall> {
    let shared = Arc::clone(&waker.shared);
    let task = runtime()?.spawn(async move {
        let outcome = guard_async(fut).await;
        shared.complete(future, outcome);
    });
    Ok(NativeCall { abort: task.abort_handle() })
}
