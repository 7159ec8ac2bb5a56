//! Every entry point runs through here: a panic never crosses into Swift or Kotlin (it becomes the
//! `internal` error), and a tripped cancel token ends the operation with the `cancelled` error.

use crate::cancel::CancelToken;
use crate::error::HamsaError;
use futures_util::FutureExt;
use std::any::Any;
use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::sync::Arc;

/// Runs `operation`, racing it against `cancel`; the loser is dropped (for a request: its connection
/// is closed, so a cancelled request stops in the core rather than running on unobserved).
pub(crate) async fn run<T>(
    cancel: Option<Arc<CancelToken>>,
    operation: impl Future<Output = hamsa::Result<T>>,
) -> Result<T, HamsaError> {
    let operation = AssertUnwindSafe(operation).catch_unwind();
    let outcome = match cancel {
        None => operation.await,
        Some(token) => tokio::select! {
            // Biased: a token cancelled before the call starts must win over an operation that could
            // finish on its first poll.
            biased;
            _ = token.cancelled() => return Err(hamsa::Error::cancelled().into()),
            outcome = operation => outcome,
        },
    };
    match outcome {
        Ok(result) => result.map_err(HamsaError::from),
        Err(panic) => Err(HamsaError::internal(&panic_message(&panic))),
    }
}

/// The synchronous twin of [`run`], for constructors and the webhook helpers.
pub(crate) fn run_sync<T>(operation: impl FnOnce() -> hamsa::Result<T>) -> Result<T, HamsaError> {
    match std::panic::catch_unwind(AssertUnwindSafe(operation)) {
        Ok(result) => result.map_err(HamsaError::from),
        Err(panic) => Err(HamsaError::internal(&panic_message(&panic))),
    }
}

fn panic_message(panic: &Box<dyn Any + Send>) -> String {
    let detail = panic
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "no message".to_owned());
    format!("internal error in the Hamsa core (a bug, please report it): {detail}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_internal() {
        let error = run_sync::<()>(|| panic!("boom")).unwrap_err();
        assert_eq!(error.info().code, "internal");
        assert!(error.info().message.contains("boom"));
    }

    #[tokio::test]
    async fn a_cancelled_token_wins() {
        let token = CancelToken::new();
        token.cancel();
        let error = run(Some(token), std::future::pending::<hamsa::Result<()>>()).await.unwrap_err();
        assert_eq!(error.info().code, "cancelled");
    }

    #[tokio::test]
    async fn an_async_panic_becomes_internal() {
        let error = run::<()>(None, async { panic!("async boom") }).await.unwrap_err();
        assert_eq!(error.info().code, "internal");
    }
}
