//! The layer every request passes first: authentication, then the configured faults.

use crate::envelope;
use crate::routes::AppState;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::Response;
use std::sync::Arc;
use std::sync::atomic::Ordering;

pub async fn guard(State(state): State<Arc<AppState>>, request: Request, next: Next) -> Response {
    let faults = &state.config.faults;
    if !faults.latency.is_zero() {
        tokio::time::sleep(faults.latency).await;
    }
    if !authorized(&state, &request) {
        return envelope::error(StatusCode::UNAUTHORIZED, "Invalid or missing API key", "AUTH_INVALID_KEY");
    }
    let number = state.requests.fetch_add(1, Ordering::SeqCst);
    if in_rate_limit_burst(number, faults.rate_limit_burst, faults.rate_limit_every) {
        let mut response = envelope::error(StatusCode::TOO_MANY_REQUESTS, "Too many requests", "RATE_LIMIT_EXCEEDED");
        response.headers_mut().insert("retry-after", HeaderValue::from(faults.retry_after_secs));
        return response;
    }
    if state.roll(faults.error_rate) {
        return envelope::error(StatusCode::INTERNAL_SERVER_ERROR, "Injected failure", "MOCK_INJECTED_ERROR");
    }
    let response = next.run(request).await;
    if response.status().is_success() && state.roll(faults.fail_after_work_rate) {
        // The work is done (a call may have been placed), but the client is told otherwise.
        return envelope::error(
            StatusCode::SERVICE_UNAVAILABLE,
            "Injected failure after the work was done",
            "MOCK_INJECTED_ERROR",
        );
    }
    response
}

fn authorized(state: &AppState, request: &Request) -> bool {
    let Some(value) = request.headers().get("authorization").and_then(|v| v.to_str().ok()) else {
        return false;
    };
    let key = value.strip_prefix("Token ").or_else(|| value.strip_prefix("Bearer ")).unwrap_or("");
    key == state.config.api_key
}

/// Whether request number `n` (from 0) falls in a 429 burst: the first `burst` requests, and with
/// `every > 0` the first `burst` of every `every`.
fn in_rate_limit_burst(n: u64, burst: u32, every: u32) -> bool {
    if burst == 0 {
        return false;
    }
    let position = if every == 0 { n } else { n % u64::from(every.max(burst)) };
    position < u64::from(burst)
}

#[cfg(test)]
mod tests {
    #[test]
    fn bursts() {
        let hits: Vec<bool> = (0..6).map(|n| super::in_rate_limit_burst(n, 2, 0)).collect();
        assert_eq!(hits, [true, true, false, false, false, false]);
        let hits: Vec<bool> = (0..6).map(|n| super::in_rate_limit_burst(n, 1, 3)).collect();
        assert_eq!(hits, [true, false, false, true, false, false]);
    }
}
