//! One pending request: `.await` it for the result, or set per-request options first.

use crate::client::Client;
use crate::config::RequestOptions;
use crate::endpoint::Endpoint;
use crate::error::Result;
use crate::response::Response;
use std::future::{Future, IntoFuture};
use std::pin::Pin;
use std::time::Duration;

/// An operation ready to send. `client.calls().create_twilio(params).await` sends it; the builder
/// methods override the client's options for this request only.
#[must_use = "a PendingRequest does nothing until it is awaited"]
pub struct PendingRequest<E: Endpoint> {
    pub(crate) client: Client,
    pub(crate) request: E::Request,
    pub(crate) options: RequestOptions,
}

impl<E: Endpoint> PendingRequest<E> {
    pub(crate) fn new(client: Client, request: E::Request) -> Self {
        Self { client, request, options: RequestOptions::default() }
    }

    /// The time one attempt may take.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.options.timeout = Some(timeout);
        self
    }

    /// The time every attempt and the waits between them may take together.
    pub fn deadline(mut self, deadline: Duration) -> Self {
        self.options.deadline = Some(deadline);
        self
    }

    pub fn max_retries(mut self, retries: u32) -> Self {
        self.options.max_retries = Some(retries);
        self
    }

    /// An extra header for this request.
    pub fn header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.options.headers.push((name.into(), value.into()));
        self
    }

    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Sends it; the result with its metadata (status, headers, request id, rate limits, attempts).
    pub async fn send_with_meta(self) -> Result<Response<E::Response>> {
        self.client.execute::<E>(&self.request, &self.options).await
    }

    /// Sends it; the result.
    pub async fn send(self) -> Result<E::Response> {
        self.send_with_meta().await.map(|response| response.data)
    }
}

impl<E: Endpoint> IntoFuture for PendingRequest<E> {
    type Output = Result<E::Response>;
    type IntoFuture = Pin<Box<dyn Future<Output = Self::Output> + Send>>;

    fn into_future(self) -> Self::IntoFuture {
        Box::pin(self.send())
    }
}
