//! Sends a prepared request: one attempt at a time, within the per-attempt timeout and the overall
//! deadline, retrying only what the retry policy allows for the endpoint's safety class.

use crate::config::{Config, RequestOptions, header_map};
use crate::endpoint::{EndpointSpec, PreparedRequest, Safety};
use crate::envelope::status_error;
use crate::error::{Attempt, AttemptOutcome, Error, ErrorKind, Result};
use crate::response::RawResponse;
use crate::retry;
use http::HeaderValue;
use std::time::{Duration, Instant, SystemTime};

pub(crate) struct Transport {
    http: reqwest::Client,
    config: Config,
    /// `Token <key>`, marked sensitive so that no HTTP-level debug output shows it.
    authorization: HeaderValue,
}

/// How an attempt failed before any response arrived.
enum Failure {
    Timeout,
    ConnectFailed(String),
    ConnectionLost(String),
}

impl Failure {
    fn outcome(&self) -> AttemptOutcome {
        match self {
            Self::Timeout => AttemptOutcome::Timeout,
            Self::ConnectFailed(_) => AttemptOutcome::ConnectFailed,
            Self::ConnectionLost(_) => AttemptOutcome::ConnectionLost,
        }
    }
}

impl Transport {
    pub fn new(config: Config) -> Result<Self> {
        let http = reqwest::Client::builder()
            .connect_timeout(config.connect_timeout)
            .user_agent(config.user_agent.clone())
            .build()
            .map_err(|e| Error::configuration(format!("could not build the HTTP client: {e}")))?;
        let mut authorization =
            HeaderValue::from_str(&format!("{} {}", config.auth_scheme.word(), config.api_key.expose()))
                .map_err(|_| Error::configuration("the API key is not a valid header value"))?;
        authorization.set_sensitive(true);
        Ok(Self { http, config, authorization })
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Sends until the request succeeds, fails for good, or may not be repeated.
    pub async fn send(
        &self,
        spec: &EndpointSpec,
        request: &PreparedRequest,
        options: &RequestOptions,
    ) -> Result<RawResponse> {
        let max_retries = options.max_retries.unwrap_or(self.config.max_retries);
        let per_attempt = options.timeout.unwrap_or(self.config.timeout);
        let deadline = options.deadline.unwrap_or(self.config.deadline);
        let deadline_at = Instant::now() + deadline;
        let extra_headers = header_map(&options.headers)?;
        let mut attempts: Vec<Attempt> = Vec::new();
        let mut delay_before = Duration::ZERO;

        loop {
            let remaining = deadline_at.saturating_duration_since(Instant::now());
            if remaining.is_zero() {
                return Err(deadline_error(spec, deadline, attempts));
            }
            let result = self.attempt(request, &extra_headers, per_attempt.min(remaining)).await;
            let outcome = match &result {
                Ok(raw) => AttemptOutcome::Status(raw.status),
                Err(failure) => failure.outcome(),
            };
            tracing::debug!(operation = spec.name, attempt = attempts.len() + 1, outcome = %outcome.label(), "hamsa request");
            attempts.push(Attempt { outcome: outcome.clone(), delay_before });

            let retryable = match &result {
                Ok(raw) => !(200..300).contains(&raw.status) && retry::may_retry(&outcome, spec.safety),
                Err(_) => retry::may_retry(&outcome, spec.safety),
            };
            if spec.safety == Safety::Unsafe && !retryable && retry::leaves_outcome_unknown(&outcome) {
                return Err(outcome_unknown(spec, result, attempts));
            }
            let retries_left = attempts.len() <= max_retries as usize;
            if !retryable || !retries_left {
                return finish(result, attempts, per_attempt);
            }
            let wait = match &result {
                Ok(raw) => retry::retry_after(&raw.headers, SystemTime::now()),
                Err(_) => None,
            }
            .unwrap_or_else(|| {
                let retry_number = u32::try_from(attempts.len() - 1).unwrap_or(u32::MAX);
                retry::backoff(retry_number, self.config.retry_initial_delay, self.config.retry_max_delay)
            });
            // Never wait past the deadline: give the caller the last answer now instead.
            if Instant::now() + wait >= deadline_at {
                return finish(result, attempts, per_attempt);
            }
            tokio::time::sleep(wait).await;
            delay_before = wait;
        }
    }

    /// One attempt: send, then read the whole body, all within `timeout`.
    async fn attempt(
        &self,
        request: &PreparedRequest,
        extra_headers: &http::HeaderMap,
        timeout: Duration,
    ) -> std::result::Result<RawResponse, Failure> {
        let url = join_url(&self.config.base_url, &request.path_and_query);
        let mut builder = self
            .http
            .request(request.method.clone(), url)
            .header(http::header::AUTHORIZATION, self.authorization.clone())
            .header(http::header::ACCEPT, "application/json");
        // Most requests have neither: skip the copies.
        if !self.config.default_headers.is_empty() {
            builder = builder.headers(self.config.default_headers.clone());
        }
        if !extra_headers.is_empty() {
            builder = builder.headers(extra_headers.clone());
        }
        if let Some(body) = &request.body {
            builder = builder.header(http::header::CONTENT_TYPE, "application/json").body(body.0.clone());
        }
        let exchange = async {
            let mut response = builder.send().await?;
            let status = response.status().as_u16();
            let headers = std::mem::take(response.headers_mut());
            let body = response.bytes().await?;
            Ok::<_, reqwest::Error>(RawResponse { status, headers, body, attempts: Vec::new() })
        };
        match tokio::time::timeout(timeout, exchange).await {
            Err(_) => Err(Failure::Timeout),
            Ok(Ok(raw)) => Ok(raw),
            Ok(Err(error)) if error.is_timeout() => Err(Failure::Timeout),
            Ok(Err(error)) if error.is_connect() => Err(Failure::ConnectFailed(describe(&error))),
            Ok(Err(error)) => Err(Failure::ConnectionLost(describe(&error))),
        }
    }
}

/// The base URL's path (if any) followed by the endpoint's path and query. Built from the parsed base
/// URL: handing reqwest a string would parse the scheme and host again (IDNA included) on every request.
fn join_url(base: &url::Url, path_and_query: &str) -> url::Url {
    let (path, query) = match path_and_query.split_once('?') {
        Some((path, query)) => (path, Some(query)),
        None => (path_and_query, None),
    };
    let mut url = base.clone();
    let prefix = base.path().trim_end_matches('/');
    if prefix.is_empty() {
        url.set_path(path);
    } else {
        url.set_path(&format!("{prefix}{path}"));
    }
    url.set_query(query);
    url
}

/// The final answer once no further attempt will be made.
fn finish(
    result: std::result::Result<RawResponse, Failure>,
    attempts: Vec<Attempt>,
    per_attempt: Duration,
) -> Result<RawResponse> {
    match result {
        Ok(mut raw) => {
            raw.attempts = attempts;
            Ok(raw)
        }
        Err(failure) => Err(failure_error(&failure, per_attempt).with_attempts(attempts)),
    }
}

fn failure_error(failure: &Failure, per_attempt: Duration) -> Error {
    match failure {
        Failure::Timeout => Error::new(
            ErrorKind::Timeout,
            format!("no complete response within the attempt timeout of {per_attempt:?}"),
        ),
        Failure::ConnectFailed(why) => Error::new(ErrorKind::Connection, format!("could not connect: {why}")),
        Failure::ConnectionLost(why) => Error::new(ErrorKind::Connection, format!("the connection failed: {why}")),
    }
}

fn deadline_error(spec: &EndpointSpec, deadline: Duration, attempts: Vec<Attempt>) -> Error {
    let message =
        format!("{} did not complete within its deadline of {deadline:?} ({} attempts)", spec.name, attempts.len());
    let error = Error::new(ErrorKind::Timeout, message);
    match attempts.last().map(|a| &a.outcome) {
        Some(outcome) if spec.safety == Safety::Unsafe && retry::leaves_outcome_unknown(outcome) => {
            Error::new(ErrorKind::OutcomeUnknown, unknown_message(spec, "its deadline ran out"))
                .with_cause(ErrorKind::Timeout)
                .with_attempts(attempts)
        }
        _ => error.with_attempts(attempts),
    }
}

/// An unsafe operation's request may have been acted upon and the answer does not say whether it was.
fn outcome_unknown(
    spec: &EndpointSpec,
    result: std::result::Result<RawResponse, Failure>,
    attempts: Vec<Attempt>,
) -> Error {
    match result {
        Ok(raw) => {
            let cause = status_error(&raw);
            let what = format!("the server answered HTTP {} ({})", raw.status, cause.message());
            Error::new(ErrorKind::OutcomeUnknown, unknown_message(spec, &what))
                .with_status(raw.status)
                .with_message_key(cause.message_key().map(str::to_owned))
                .with_request_id(cause.request_id().map(str::to_owned))
                .with_cause(cause.kind())
                .with_attempts(attempts)
        }
        Err(failure) => {
            let what = match &failure {
                Failure::Timeout => "no response arrived in time".to_owned(),
                Failure::ConnectFailed(why) | Failure::ConnectionLost(why) => format!("the connection failed ({why})"),
            };
            let cause = match failure {
                Failure::Timeout => ErrorKind::Timeout,
                _ => ErrorKind::Connection,
            };
            Error::new(ErrorKind::OutcomeUnknown, unknown_message(spec, &what))
                .with_cause(cause)
                .with_attempts(attempts)
        }
    }
}

fn unknown_message(spec: &EndpointSpec, what: &str) -> String {
    format!(
        "{} may or may not have taken effect: {what}. It was not retried, because repeating it could place a \
         second call or start a second billed job; check its state before trying again",
        spec.name
    )
}

/// A reqwest error with its chain of causes ("connection refused" is at the end of it).
fn describe(error: &reqwest::Error) -> String {
    let mut text = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::join_url;

    #[test]
    fn the_endpoint_path_goes_after_the_base_path() {
        let join = |base: &str, path: &str| join_url(&url::Url::parse(base).unwrap(), path).to_string();
        assert_eq!(
            join("https://api.tryhamsa.com", "/v1/jobs?jobId=j%201"),
            "https://api.tryhamsa.com/v1/jobs?jobId=j%201"
        );
        assert_eq!(join("https://api.tryhamsa.com/", "/v1/jobs"), "https://api.tryhamsa.com/v1/jobs");
        assert_eq!(
            join("http://127.0.0.1:8080/proxy/hamsa/", "/v1/a%2Fb?x=1&y=2"),
            "http://127.0.0.1:8080/proxy/hamsa/v1/a%2Fb?x=1&y=2"
        );
        assert_eq!(join("http://127.0.0.1:8080/proxy", "/v1/a"), "http://127.0.0.1:8080/proxy/v1/a");
    }
}
