//! A cancel token the foreign side trips when its task or coroutine is cancelled. Swift's
//! `Task.cancel()` does not reach Rust by itself, so the Swift layer calls `cancel()` from
//! `withTaskCancellationHandler`, and the Kotlin layer from `invokeOnCancellation`; the running
//! operation's future is then dropped, which closes its connection and stops any retry or poll.

use std::sync::Arc;
use tokio::sync::watch;

#[derive(uniffi::Object)]
pub struct CancelToken {
    // A watch channel rather than a Notify: a cancel that happens before anyone waits is not lost.
    state: watch::Sender<bool>,
}

#[uniffi::export]
impl CancelToken {
    #[uniffi::constructor]
    pub fn new() -> Arc<Self> {
        Arc::new(Self { state: watch::Sender::new(false) })
    }

    /// Cancels every operation this token was given to. Idempotent; safe from any thread.
    pub fn cancel(&self) {
        self.state.send_replace(true);
    }

    pub fn is_cancelled(&self) -> bool {
        *self.state.borrow()
    }
}

impl CancelToken {
    /// Resolves once the token is cancelled (at once if it already is).
    pub(crate) async fn cancelled(&self) {
        let mut receiver = self.state.subscribe();
        // The sender lives as long as `self`, so this only returns once the flag is set.
        let _ = receiver.wait_for(|cancelled| *cancelled).await;
    }
}
