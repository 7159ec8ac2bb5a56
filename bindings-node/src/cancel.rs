//! Cancellation: a `CancelToken` per request, flipped by the JavaScript layer when the caller's
//! `AbortSignal` fires. The request's future races the token; losing the race drops the core's future,
//! which drops the HTTP request in flight. The token holds no JavaScript callback, so nothing leaks
//! across requests: the JavaScript layer adds one `{once: true}` listener per request and removes it.

use futures_util::future::{Either, select};
use napi_derive::napi;
use std::future::Future;
use std::pin::pin;
use std::sync::Arc;
use tokio::sync::watch;

/// A one-way switch: once cancelled, stays cancelled.
#[napi]
pub struct CancelToken {
    switch: Arc<watch::Sender<bool>>,
}

impl Default for CancelToken {
    fn default() -> Self {
        Self::new()
    }
}

#[napi]
impl CancelToken {
    #[napi(constructor)]
    pub fn new() -> Self {
        Self { switch: Arc::new(watch::Sender::new(false)) }
    }

    /// Cancels every operation that was given this token (and any given it later).
    #[napi]
    pub fn cancel(&self) {
        self.switch.send_replace(true);
    }

    #[napi(getter)]
    pub fn cancelled(&self) -> bool {
        *self.switch.borrow()
    }

    /// A receiver to race operations against.
    pub(crate) fn signal(&self) -> Signal {
        Signal(Some(self.switch.subscribe()))
    }
}

/// The receiving end of a switch; `Signal::never()` for operations without one.
#[derive(Clone)]
pub struct Signal(Option<watch::Receiver<bool>>);

impl Signal {
    pub fn never() -> Self {
        Self(None)
    }

    pub fn from_switch(switch: &watch::Sender<bool>) -> Self {
        Self(Some(switch.subscribe()))
    }

    /// Resolves when the switch is flipped; never, when there is none or its sender is gone.
    async fn fired(self) {
        if let Some(mut receiver) = self.0 {
            if receiver.wait_for(|cancelled| *cancelled).await.is_ok() {
                return;
            }
        }
        std::future::pending::<()>().await;
    }
}

/// Runs `operation` unless one of `signals` fires first, in which case the operation is dropped (which
/// drops the HTTP request in flight) and the result is the core's `cancelled` error.
pub async fn run_until<T>(signals: [Signal; 2], operation: impl Future<Output = hamsa::Result<T>>) -> hamsa::Result<T> {
    let [first, second] = signals;
    let (first, second) = (pin!(first.fired()), pin!(second.fired()));
    match select(select(first, second), pin!(operation)).await {
        Either::Left(_) => Err(hamsa::Error::cancelled()),
        Either::Right((result, _)) => result,
    }
}
