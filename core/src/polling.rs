//! Waiting for a job or a call to end: poll with a growing interval until a terminal status, within a
//! deadline. Dropping the future cancels the wait (and the request in flight).

use crate::client::Client;
use crate::config::RequestOptions;
use crate::endpoint::Endpoint;
use crate::endpoints::ops::{GetConversation, GetJob};
use crate::endpoints::{GetConversationParams, GetJobParams};
use crate::error::{Error, ErrorKind, Result};
use crate::models::{Conversation, Job, JobStatus};
use std::sync::Arc;
use std::time::{Duration, Instant};

type ObserverFn = dyn Fn(Option<&JobStatus>) + Send + Sync;

/// Called with the status seen at each poll (for progress displays).
#[derive(Clone)]
pub struct PollObserver(Arc<ObserverFn>);

impl PollObserver {
    pub fn new(observer: impl Fn(Option<&JobStatus>) + Send + Sync + 'static) -> Self {
        Self(Arc::new(observer))
    }

    fn notify(&self, status: Option<&JobStatus>) {
        (self.0)(status)
    }
}

impl std::fmt::Debug for PollObserver {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PollObserver(Fn)")
    }
}

/// How to wait.
#[derive(Clone, Debug)]
pub struct WaitOptions {
    /// The first pause between two polls; each later pause is 1.5 times longer, up to `max_interval`.
    pub poll_interval: Duration,
    pub max_interval: Duration,
    /// Give up (with a `timeout` error) after this long.
    pub timeout: Duration,
    /// Options for each poll's request.
    pub request: RequestOptions,
    /// Told the status after every poll.
    pub on_poll: Option<PollObserver>,
}

impl Default for WaitOptions {
    fn default() -> Self {
        Self {
            poll_interval: Duration::from_secs(1),
            max_interval: Duration::from_secs(10),
            timeout: Duration::from_secs(15 * 60),
            request: RequestOptions::default(),
            on_poll: None,
        }
    }
}

impl WaitOptions {
    pub fn with_poll_interval(mut self, interval: Duration) -> Self {
        self.poll_interval = interval;
        self.max_interval = self.max_interval.max(interval);
        self
    }

    pub fn with_timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// Calls `observer` with the status seen at each poll.
    pub fn on_poll(mut self, observer: impl Fn(Option<&JobStatus>) + Send + Sync + 'static) -> Self {
        self.on_poll = Some(PollObserver::new(observer));
        self
    }
}

/// Something with a status that eventually stops changing.
pub trait Pollable {
    fn status(&self) -> Option<&JobStatus>;
}

impl Pollable for Job {
    fn status(&self) -> Option<&JobStatus> {
        self.status.as_ref()
    }
}

impl Pollable for Conversation {
    fn status(&self) -> Option<&JobStatus> {
        self.status.as_ref()
    }
}

/// Polls endpoint `E` with `request` until its result has a terminal status. An unknown status counts as
/// not terminal: the wait goes on until the timeout.
pub async fn wait_for<E>(client: &Client, request: E::Request, options: &WaitOptions) -> Result<E::Response>
where
    E: Endpoint,
    E::Response: Pollable,
{
    let started = Instant::now();
    let deadline = started + options.timeout;
    let mut interval = options.poll_interval;
    loop {
        let remaining = deadline.saturating_duration_since(Instant::now());
        let mut request_options = options.request.clone();
        request_options.deadline = Some(request_options.deadline.map_or(remaining, |d| d.min(remaining)));
        let current = client.execute::<E>(&request, &request_options).await?.data;
        if let Some(observer) = &options.on_poll {
            observer.notify(current.status());
        }
        let status = current.status().map(JobStatus::as_str).unwrap_or("no status").to_owned();
        if current.status().is_some_and(JobStatus::is_terminal) {
            return Ok(current);
        }
        if Instant::now() + interval >= deadline {
            return Err(Error::new(
                ErrorKind::Timeout,
                format!("{} still {status} after waiting {:?}", E::SPEC.name, started.elapsed()),
            ));
        }
        tracing::debug!(operation = E::SPEC.name, %status, "waiting");
        tokio::time::sleep(interval).await;
        interval = interval.mul_f64(1.5).min(options.max_interval.max(options.poll_interval));
    }
}

impl crate::endpoints::Jobs<'_> {
    /// Polls the job until it is COMPLETED or FAILED (or another terminal status) and returns it.
    pub async fn wait(self, job_id: impl Into<String>, options: WaitOptions) -> Result<Job> {
        let request = GetJobParams { job_id: job_id.into() };
        wait_for::<GetJob>(self.client(), request, &options).await
    }
}

impl crate::endpoints::Conversations<'_> {
    /// Polls the conversation until the call has ended (COMPLETED, FAILED, NO_ANSWER, ...) and returns it.
    pub async fn wait(self, conversation_id: impl Into<String>, options: WaitOptions) -> Result<Conversation> {
        let request = GetConversationParams { conversation_id: conversation_id.into() };
        wait_for::<GetConversation>(self.client(), request, &options).await
    }
}
