//! The client: cheap to clone (one `Arc`), safe to share between threads, one connection pool.

use crate::config::{ClientOptions, Config, RequestOptions};
use crate::endpoint::{Endpoint, EndpointSpec, PreparedRequest, missing_project_field, prepare_fields, request_fields};
use crate::envelope;
use crate::error::{Error, ErrorKind, Result};
use crate::response::{Response, ResponseMeta};
use crate::secret::redact_json;
use crate::single_flight::SingleFlight;
use crate::transport::Transport;
use crate::validate::Validate;
use serde::de::DeserializeOwned;
use std::fmt;
use std::sync::Arc;

#[derive(Clone)]
pub struct Client {
    transport: Arc<Transport>,
    /// The API key's project id, fetched once (`projects.get`) for the operations that need one.
    project: Arc<SingleFlight<String>>,
}

impl Client {
    /// A client from options; the API key and base URL fall back to `HAMSA_API_KEY` and
    /// `HAMSA_BASE_URL`, read now. Needs no async runtime to build; requests need a tokio runtime.
    pub fn new(options: ClientOptions) -> Result<Self> {
        let config = Config::resolve(options)?;
        Ok(Self { transport: Arc::new(Transport::new(config)?), project: Arc::new(SingleFlight::new()) })
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
        let (fields, secrets) = crate::secret::collecting(|| request_fields(&E::SPEC, request));
        let mut fields = fields?;
        if let Some(field) = missing_project_field(&E::SPEC, &fields) {
            let project = self.project_id_with(options).await?;
            fields.insert(field.to_owned(), serde_json::Value::String(project));
        }
        // Bodies carry Twilio tokens, webhook secrets and LLM keys: only a redacted copy is logged.
        let traced = tracing::enabled!(tracing::Level::TRACE).then(|| {
            let body = redact_json(&serde_json::Value::Object(fields.clone())).to_string();
            crate::secret::redact_values(&body, &secrets)
        });
        let prepared = prepare_fields(&E::SPEC, fields)?;
        if let Some(body) = traced {
            tracing::trace!(operation = E::SPEC.name, path = %prepared.path_and_query, %body, "hamsa request body");
        }
        let (data, meta) = send_prepared::<E::Response>(&self.transport, &E::SPEC, &prepared, options)
            .await
            .map_err(|error| error.without_secrets(&secrets))?;
        Ok(Response { data, meta })
    }

    /// The id of the project the API key belongs to: fetched with `projects.get` the first time it is
    /// needed (one request however many callers ask at once) and kept for the client's life. A failed
    /// fetch is returned to every caller waiting on it and is not kept: the next call tries again.
    /// Operations that take a project id use this when it is left out.
    pub async fn project_id(&self) -> Result<String> {
        self.project_id_with(&RequestOptions::default()).await
    }

    async fn project_id_with(&self, options: &RequestOptions) -> Result<String> {
        use crate::endpoints::ops::GetProject;
        let (transport, options) = (self.transport.clone(), options.clone());
        self.project
            .get_or_fetch(move || async move {
                let spec = &<GetProject as Endpoint>::SPEC;
                let prepared = prepare_fields(spec, serde_json::Map::new())?;
                let (project, _) =
                    send_prepared::<crate::models::Project>(&transport, spec, &prepared, &options).await?;
                if project.id.trim().is_empty() {
                    return Err(Error::new(ErrorKind::Decode, "projects.get answered a project without an id"));
                }
                Ok(project.id)
            })
            .await
    }
}

/// Sends a prepared request with the retry policy of its safety class and decodes the answer.
async fn send_prepared<T: DeserializeOwned>(
    transport: &Transport,
    spec: &EndpointSpec,
    prepared: &PreparedRequest,
    options: &RequestOptions,
) -> Result<(T, ResponseMeta)> {
    let raw = transport.send(spec, prepared, options).await?;
    if spec.envelope_result {
        envelope::decode_envelope::<T>(spec.name, raw)
    } else if !spec.kept_fields.is_empty() {
        envelope::decode_keeping::<T>(spec.name, raw, spec.kept_fields)
    } else {
        envelope::decode::<T>(spec.name, raw)
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
