//! The retry policy, as pure functions: which outcomes may be retried for which safety class, how long
//! to wait (exponential backoff with full jitter, or the server's `Retry-After`).

use crate::endpoint::Safety;
use crate::error::AttemptOutcome;
use http::HeaderMap;
use std::time::{Duration, SystemTime};

/// Whether an attempt that ended this way may be repeated for an operation of this safety class.
pub fn may_retry(outcome: &AttemptOutcome, safety: Safety) -> bool {
    match outcome {
        // Refused or unresolvable: the request provably never reached the server.
        AttemptOutcome::ConnectFailed => true,
        // The server turned the request away before acting on it.
        AttemptOutcome::Status(429) => true,
        // The request may have reached the server: only operations that are safe to repeat.
        AttemptOutcome::Status(502..=504) | AttemptOutcome::Timeout | AttemptOutcome::ConnectionLost => {
            safety.is_repeatable()
        }
        AttemptOutcome::Status(_) => false,
    }
}

/// Whether an attempt that ended this way leaves the outcome of an unsafe operation unknown: the request
/// may have been acted upon, and the answer does not say whether it was.
pub fn leaves_outcome_unknown(outcome: &AttemptOutcome) -> bool {
    match outcome {
        AttemptOutcome::Status(status) => (500..=599).contains(status),
        AttemptOutcome::Timeout | AttemptOutcome::ConnectionLost => true,
        AttemptOutcome::ConnectFailed => false,
    }
}

/// Full-jitter exponential backoff: a uniformly random wait in `[0, min(max, initial * 2^retry)]`,
/// where `retry` counts from 0 for the first retry.
pub fn backoff(retry: u32, initial: Duration, max: Duration) -> Duration {
    let ceiling = initial.saturating_mul(2u32.saturating_pow(retry.min(31))).min(max);
    let nanos = u64::try_from(ceiling.as_nanos()).unwrap_or(u64::MAX);
    Duration::from_nanos(fastrand::u64(0..=nanos))
}

/// The wait the server asked for: `retry-after-ms` (milliseconds), else `Retry-After` as seconds or as an
/// HTTP date. Garbage and negative values are ignored.
pub fn retry_after(headers: &HeaderMap, now: SystemTime) -> Option<Duration> {
    if let Some(ms) = header_str(headers, "retry-after-ms").and_then(|v| v.trim().parse::<f64>().ok()) {
        return finite_non_negative(ms / 1000.0);
    }
    let value = header_str(headers, "retry-after")?.trim();
    if let Ok(seconds) = value.parse::<f64>() {
        return finite_non_negative(seconds);
    }
    let date = httpdate::parse_http_date(value).ok()?;
    Some(date.duration_since(now).unwrap_or(Duration::ZERO))
}

fn finite_non_negative(seconds: f64) -> Option<Duration> {
    (seconds.is_finite() && seconds >= 0.0).then(|| Duration::from_secs_f64(seconds.min(86_400.0)))
}

fn header_str<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(*name, value.parse().unwrap());
        }
        map
    }

    #[test]
    fn unsafe_operations_are_only_retried_when_nothing_was_acted_upon() {
        use AttemptOutcome::*;
        for outcome in [ConnectFailed, Status(429)] {
            assert!(may_retry(&outcome, Safety::Unsafe));
        }
        for outcome in [Timeout, ConnectionLost, Status(502), Status(503), Status(504)] {
            assert!(!may_retry(&outcome, Safety::Unsafe), "{outcome:?}");
            assert!(may_retry(&outcome, Safety::Safe));
            assert!(may_retry(&outcome, Safety::Idempotent));
        }
        for status in [400, 401, 404, 409, 422, 500, 501] {
            assert!(!may_retry(&Status(status), Safety::Safe), "{status}");
        }
    }

    #[test]
    fn backoff_stays_within_its_ceiling() {
        let initial = Duration::from_millis(100);
        let max = Duration::from_secs(1);
        for retry in 0..40 {
            let wait = backoff(retry, initial, max);
            let ceiling = (initial * 2u32.pow(retry.min(10))).min(max);
            assert!(wait <= ceiling, "retry {retry}: {wait:?} > {ceiling:?}");
        }
    }

    #[test]
    fn retry_after_forms() {
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000);
        assert_eq!(retry_after(&headers(&[("retry-after", "2")]), now), Some(Duration::from_secs(2)));
        assert_eq!(retry_after(&headers(&[("retry-after", "0.5")]), now), Some(Duration::from_millis(500)));
        assert_eq!(
            retry_after(&headers(&[("retry-after-ms", "50"), ("retry-after", "9")]), now),
            Some(Duration::from_millis(50))
        );
        let date = httpdate::fmt_http_date(now + Duration::from_secs(3));
        assert_eq!(retry_after(&headers(&[("retry-after", &date)]), now), Some(Duration::from_secs(3)));
        assert_eq!(retry_after(&headers(&[("retry-after", "soon")]), now), None);
        assert_eq!(retry_after(&headers(&[("retry-after", "-4")]), now), None);
        assert_eq!(retry_after(&HeaderMap::new(), now), None);
    }
}
