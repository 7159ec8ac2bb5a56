//! Runs a future for the sync client: without the GIL (so other Python threads, and other calls on the
//! same client, go on), in slices, so that Ctrl-C in the main thread interrupts a long call. Dropping the
//! future on an interrupt cancels the request in flight.

use crate::runtime::runtime;
use pyo3::prelude::*;
use std::future::Future;
use std::pin::pin;
use std::time::Duration;

/// How long the GIL stays released before Python gets a chance to see a pending signal.
const SLICE: Duration = Duration::from_millis(100);

pub fn block_on<F>(py: Python<'_>, fut: F) -> PyResult<F::Output>
where
    F: Future + Send,
    F::Output: Send,
{
    let runtime = runtime()?;
    let mut fut = pin!(fut);
    loop {
        let slice = py.detach(|| runtime.block_on(async { tokio::time::timeout(SLICE, fut.as_mut()).await.ok() }));
        if let Some(output) = slice {
            return Ok(output);
        }
        // Raises KeyboardInterrupt (or whatever a signal handler raises) in the main thread only.
        py.check_signals()?;
    }
}
