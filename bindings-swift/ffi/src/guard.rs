//! Every entry point runs through here: a panic never crosses into Swift or Kotlin (the core's
//! `catch_panic` makes it the `internal` error), and a tripped cancel token ends the operation with the
//! `cancelled` error.

use crate::cancel::CancelToken;
use crate::error::HamsaError;
use hamsa::json_api::{catch_panic, catch_panic_async};
use std::future::Future;
use std::sync::Arc;

/// Runs `operation`, racing it against `cancel`; the loser is dropped (for a request: its connection
/// is closed, so a cancelled request stops in the core rather than running on unobserved).
pub(crate) async fn run<T>(
    cancel: Option<Arc<CancelToken>>,
    operation: impl Future<Output = hamsa::Result<T>>,
) -> Result<T, HamsaError> {
    let operation = catch_panic_async(operation);
    let outcome = match cancel {
        None => operation.await,
        Some(token) => tokio::select! {
            // Biased: a token cancelled before the call starts must win over an operation that could
            // finish on its first poll.
            biased;
            _ = token.cancelled() => Err(hamsa::Error::cancelled()),
            outcome = operation => outcome,
        },
    };
    outcome.map_err(HamsaError::from)
}

/// The synchronous twin of [`run`], for constructors and the operations that need no client.
pub(crate) fn run_sync<T>(operation: impl FnOnce() -> hamsa::Result<T>) -> Result<T, HamsaError> {
    catch_panic(operation).map_err(HamsaError::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_internal() {
        let error = run_sync::<()>(|| panic!("boom")).unwrap_err();
        assert!(matches!(error, HamsaError::Internal { .. }));
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
