//! The client: cheap to clone (one `Arc`), safe to share between threads, one connection pool.

use crate::config::{ClientOptions, Config, RequestOptions};
use crate::endpoint::{Endpoint, prepare};
use crate::envelope;
use crate::error::Result;
use crate::response::Response;
use crate::secret::redact_json;
use crate::transport::Transport;
use crate::validate::Validate;
use std::fmt;
use std::sync::Arc;

#[derive(Clone)]
pub struct Client {
    transport: Arc<Transport>,
}

impl Client {
    /// A client from options; the API key and base URL fall back to `HAMSA_API_KEY` and
    /// `HAMSA_BASE_URL`, read now. Needs no async runtime to build; requests need a tokio runtime.
    pub fn new(options: ClientOptions) -> Result<Self> {
        let config = Config::resolve(options)?;
        Ok(Self { transport: Arc::new(Transport::new(config)?) })
    }

    /// A client configured only from the environment.
    pub fn from_env() -> Result<Self> {
        Self::new(ClientOptions::default())
    }

    /// The base URL requests go to.
    pub fn base_url(&self) -> &str {
        self.transport.config().base_url.as_str()
    }

    /// Runs one operation: validates the request (nothing is sent if it is invalid), sends it with the
    /// retry policy of its safety class, and decodes the answer.
    pub async fn execute<E: Endpoint>(
        &self,
        request: &E::Request,
        options: &RequestOptions,
    ) -> Result<Response<E::Response>> {
        request.validate()?;
        let prepared = prepare(&E::SPEC, request)?;
        if tracing::enabled!(tracing::Level::TRACE) {
            // Bodies carry Twilio tokens, webhook secrets and LLM keys: only a redacted copy is logged.
            let body = serde_json::to_value(request).map(|value| redact_json(&value)).unwrap_or_default();
            tracing::trace!(operation = E::SPEC.name, path = %prepared.path_and_query, %body, "hamsa request body");
        }
        let raw = self.transport.send(&E::SPEC, &prepared, options).await?;
        let (data, meta) = if E::SPEC.envelope_result {
            envelope::decode_envelope::<E::Response>(E::SPEC.name, raw)?
        } else {
            envelope::decode::<E::Response>(E::SPEC.name, raw)?
        };
        Ok(Response { data, meta })
    }
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let config = self.transport.config();
        f.debug_struct("Client")
            .field("base_url", &config.base_url.as_str())
            .field("api_key", &config.api_key)
            .field("max_retries", &config.max_retries)
            .field("timeout", &config.timeout)
            .finish_non_exhaustive()
    }
}
