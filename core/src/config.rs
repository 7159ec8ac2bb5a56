//! Client options: where to send requests, how to authenticate, how long to wait and how often to retry.
//! Everything is validated once, when the client is made, into a [`Config`].

use crate::error::{Error, Result};
use crate::secret::Secret;
use serde::Deserialize;
use std::time::Duration;
use url::Url;

pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
pub const DEFAULT_DEADLINE: Duration = Duration::from_secs(180);
pub const DEFAULT_MAX_RETRIES: u32 = 2;
pub const DEFAULT_RETRY_INITIAL_DELAY: Duration = Duration::from_millis(500);
pub const DEFAULT_RETRY_MAX_DELAY: Duration = Duration::from_secs(8);

pub const API_KEY_ENV: &str = "HAMSA_API_KEY";
pub const BASE_URL_ENV: &str = "HAMSA_BASE_URL";

/// A Hamsa region; each has its own REST host.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Region {
    /// https://api.tryhamsa.com
    #[default]
    Eu,
    /// https://api.uae.tryhamsa.com
    Uae,
}

impl Region {
    pub const fn base_url(self) -> &'static str {
        match self {
            Self::Eu => "https://api.tryhamsa.com",
            Self::Uae => "https://api.uae.tryhamsa.com",
        }
    }

    pub fn parse(name: &str) -> Result<Self> {
        match name.to_ascii_lowercase().as_str() {
            "eu" => Ok(Self::Eu),
            "uae" => Ok(Self::Uae),
            other => Err(Error::configuration(format!("unknown region {other:?}: expected \"eu\" or \"uae\""))),
        }
    }
}

/// The word before the API key in the `Authorization` header. Hamsa documents `Token`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
pub enum AuthScheme {
    #[default]
    Token,
    Bearer,
}

impl AuthScheme {
    pub const fn word(self) -> &'static str {
        match self {
            Self::Token => "Token",
            Self::Bearer => "Bearer",
        }
    }

    pub fn parse(name: &str) -> Result<Self> {
        match name {
            "Token" | "token" => Ok(Self::Token),
            "Bearer" | "bearer" => Ok(Self::Bearer),
            other => {
                Err(Error::configuration(format!("unknown auth scheme {other:?}: expected \"Token\" or \"Bearer\"")))
            }
        }
    }
}

/// What the caller chooses; unset fields take the environment or the defaults. Build one with
/// `ClientOptions::default()` and the `with_*` methods, or from JSON (camelCase keys) in bindings.
#[derive(Clone, Debug, Default)]
pub struct ClientOptions {
    /// Else `HAMSA_API_KEY`, read when the client is made.
    pub api_key: Option<Secret>,
    /// Else `HAMSA_BASE_URL`, else the region's URL.
    pub base_url: Option<String>,
    pub region: Option<Region>,
    pub auth_scheme: Option<AuthScheme>,
    /// Per attempt.
    pub timeout: Option<Duration>,
    pub connect_timeout: Option<Duration>,
    /// Across every attempt and the waits between them.
    pub deadline: Option<Duration>,
    pub max_retries: Option<u32>,
    pub retry_initial_delay: Option<Duration>,
    pub retry_max_delay: Option<Duration>,
    /// Sent with every request.
    pub default_headers: Vec<(String, String)>,
    /// Names the binding in the user agent, e.g. `python/3.11`. Bindings set it; users need not.
    pub binding: Option<String>,
}

impl ClientOptions {
    pub fn with_api_key(mut self, key: impl Into<Secret>) -> Self {
        self.api_key = Some(key.into());
        self
    }

    pub fn with_base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = Some(url.into());
        self
    }

    pub fn with_region(mut self, region: Region) -> Self {
        self.region = Some(region);
        self
    }

    pub fn with_auth_scheme(mut self, scheme: AuthScheme) -> Self {
        self.auth_scheme = Some(scheme);
        self
    }

    pub fn with_timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    pub fn with_connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = Some(timeout);
        self
    }

    pub fn with_deadline(mut self, deadline: Duration) -> Self {
        self.deadline = Some(deadline);
        self
    }

    pub fn with_max_retries(mut self, retries: u32) -> Self {
        self.max_retries = Some(retries);
        self
    }

    pub fn with_retry_delays(mut self, initial: Duration, max: Duration) -> Self {
        self.retry_initial_delay = Some(initial);
        self.retry_max_delay = Some(max);
        self
    }

    pub fn with_default_header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.default_headers.push((name.into(), value.into()));
        self
    }

    pub fn with_binding(mut self, binding: impl Into<String>) -> Self {
        self.binding = Some(binding.into());
        self
    }

    /// Options from a JSON object with camelCase keys (`apiKey`, `baseUrl`, `region`, `authScheme`,
    /// `timeoutMs`, `connectTimeoutMs`, `deadlineMs`, `maxRetries`, `retryInitialDelayMs`,
    /// `retryMaxDelayMs`, `defaultHeaders`, `binding`). Unknown keys are refused: a typo in an option
    /// should not pass silently.
    pub fn from_json(value: &serde_json::Value) -> Result<Self> {
        let raw =
            JsonClientOptions::deserialize(value).map_err(|e| Error::configuration(format!("client options: {e}")))?;
        Ok(Self {
            api_key: raw.api_key.map(Secret::new),
            base_url: raw.base_url,
            region: raw.region.as_deref().map(Region::parse).transpose()?,
            auth_scheme: raw.auth_scheme.as_deref().map(AuthScheme::parse).transpose()?,
            timeout: raw.timeout_ms.map(Duration::from_millis),
            connect_timeout: raw.connect_timeout_ms.map(Duration::from_millis),
            deadline: raw.deadline_ms.map(Duration::from_millis),
            max_retries: raw.max_retries,
            retry_initial_delay: raw.retry_initial_delay_ms.map(Duration::from_millis),
            retry_max_delay: raw.retry_max_delay_ms.map(Duration::from_millis),
            default_headers: raw.default_headers.into_iter().collect(),
            binding: raw.binding,
        })
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct JsonClientOptions {
    api_key: Option<String>,
    base_url: Option<String>,
    region: Option<String>,
    auth_scheme: Option<String>,
    timeout_ms: Option<u64>,
    connect_timeout_ms: Option<u64>,
    deadline_ms: Option<u64>,
    max_retries: Option<u32>,
    retry_initial_delay_ms: Option<u64>,
    retry_max_delay_ms: Option<u64>,
    #[serde(default)]
    default_headers: std::collections::BTreeMap<String, String>,
    binding: Option<String>,
}

/// Per-request overrides of the client's options.
#[derive(Clone, Debug, Default)]
pub struct RequestOptions {
    pub timeout: Option<Duration>,
    pub deadline: Option<Duration>,
    pub max_retries: Option<u32>,
    pub headers: Vec<(String, String)>,
    /// Waiters only: told the status seen at each poll (a progress display). Through the JSON face this
    /// is the only way to watch a wait; the typed waiters take it in [`WaitOptions`](crate::WaitOptions).
    pub on_poll: Option<crate::polling::PollObserver>,
}

impl RequestOptions {
    /// Options from a JSON object: `timeoutMs`, `deadlineMs`, `maxRetries`, `headers`.
    pub fn from_json(value: &serde_json::Value) -> Result<Self> {
        if value.is_null() {
            return Ok(Self::default());
        }
        let raw = JsonRequestOptions::deserialize(value).map_err(|e| Error::invalid_argument("options", e))?;
        Ok(Self {
            timeout: raw.timeout_ms.map(Duration::from_millis),
            deadline: raw.deadline_ms.map(Duration::from_millis),
            max_retries: raw.max_retries,
            headers: raw.headers.into_iter().collect(),
            on_poll: None,
        })
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct JsonRequestOptions {
    timeout_ms: Option<u64>,
    deadline_ms: Option<u64>,
    max_retries: Option<u32>,
    #[serde(default)]
    headers: std::collections::BTreeMap<String, String>,
}

/// The validated configuration a client runs with.
#[derive(Clone, Debug)]
pub(crate) struct Config {
    pub base_url: Url,
    pub api_key: Secret,
    pub auth_scheme: AuthScheme,
    pub timeout: Duration,
    pub connect_timeout: Duration,
    pub deadline: Duration,
    pub max_retries: u32,
    pub retry_initial_delay: Duration,
    pub retry_max_delay: Duration,
    pub default_headers: http::HeaderMap,
    pub user_agent: String,
}

impl Config {
    pub fn resolve(options: ClientOptions) -> Result<Self> {
        let api_key = match options.api_key {
            Some(key) => key,
            None => std::env::var(API_KEY_ENV).map(Secret::new).map_err(|_| {
                Error::configuration(format!("no API key: pass one to the client or set {API_KEY_ENV}"))
            })?,
        };
        if api_key.expose().trim().is_empty() {
            return Err(Error::configuration("the API key is empty"));
        }
        if api_key.expose().chars().any(|c| c.is_control()) {
            return Err(Error::configuration("the API key contains control characters"));
        }
        let base_url = options
            .base_url
            .or_else(|| std::env::var(BASE_URL_ENV).ok().filter(|url| !url.is_empty()))
            .unwrap_or_else(|| options.region.unwrap_or_default().base_url().to_owned());
        let base_url = parse_base_url(&base_url)?;
        Ok(Self {
            base_url,
            api_key,
            auth_scheme: options.auth_scheme.unwrap_or_default(),
            timeout: options.timeout.unwrap_or(DEFAULT_TIMEOUT),
            connect_timeout: options.connect_timeout.unwrap_or(DEFAULT_CONNECT_TIMEOUT),
            deadline: options.deadline.unwrap_or(DEFAULT_DEADLINE),
            max_retries: options.max_retries.unwrap_or(DEFAULT_MAX_RETRIES),
            retry_initial_delay: options.retry_initial_delay.unwrap_or(DEFAULT_RETRY_INITIAL_DELAY),
            retry_max_delay: options.retry_max_delay.unwrap_or(DEFAULT_RETRY_MAX_DELAY),
            default_headers: header_map(&options.default_headers)?,
            user_agent: user_agent(options.binding.as_deref()),
        })
    }
}

/// The base URL must be http(s) with a host; plain http only to a loopback host, so that the API key
/// never crosses a network in clear text.
fn parse_base_url(raw: &str) -> Result<Url> {
    let url = Url::parse(raw).map_err(|e| Error::configuration(format!("base URL {raw:?} is not a URL: {e}")))?;
    match url.scheme() {
        "https" => {}
        "http" if crate::validate::is_loopback_host(&url) => {}
        "http" => {
            return Err(Error::configuration(format!(
                "refusing to send the API key over plain http to {}: use https (http is allowed only for loopback hosts)",
                url.host_str().unwrap_or_default()
            )));
        }
        other => return Err(Error::configuration(format!("base URL scheme {other:?} is not http(s)"))),
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(Error::configuration(format!("base URL {raw:?} has no host")));
    }
    Ok(url)
}

pub(crate) fn header_map(headers: &[(String, String)]) -> Result<http::HeaderMap> {
    let mut map = http::HeaderMap::new();
    for (name, value) in headers {
        let header_name = http::HeaderName::from_bytes(name.as_bytes())
            .map_err(|_| Error::invalid_argument("headers", format!("{name:?} is not a header name")))?;
        let mut header_value = http::HeaderValue::from_str(value).map_err(|_| {
            Error::invalid_argument("headers", format!("the value of {name:?} is not a valid header value"))
        })?;
        if crate::secret::is_secret_field(name) {
            header_value.set_sensitive(true);
        }
        map.append(header_name, header_value);
    }
    Ok(map)
}

fn user_agent(binding: Option<&str>) -> String {
    let core = format!("hamsa-sdk/{} (rust core", env!("CARGO_PKG_VERSION"));
    match binding {
        Some(binding) => format!("{core}; {binding})"),
        None => format!("{core})"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn regions_and_loopback_rules() {
        let config = Config::resolve(ClientOptions::default().with_api_key("k").with_region(Region::Uae)).unwrap();
        assert_eq!(config.base_url.as_str(), "https://api.uae.tryhamsa.com/");
        let local = ClientOptions::default().with_api_key("k").with_base_url("http://127.0.0.1:9/");
        assert!(Config::resolve(local).is_ok());
        let public = ClientOptions::default().with_api_key("k").with_base_url("http://api.tryhamsa.com");
        assert_eq!(Config::resolve(public).unwrap_err().code(), "configuration");
    }

    #[test]
    fn json_options_refuse_typos() {
        let options = ClientOptions::from_json(&json!({"apiKey": "k", "timeoutMs": 5, "region": "uae"})).unwrap();
        assert_eq!(options.timeout, Some(Duration::from_millis(5)));
        assert_eq!(options.region, Some(Region::Uae));
        assert!(ClientOptions::from_json(&json!({"apiKey": "k", "timeout_ms": 5})).is_err());
    }

    #[test]
    fn debug_hides_the_key() {
        let options = ClientOptions::default().with_api_key("sk-very-secret");
        assert!(!format!("{options:?}").contains("sk-very-secret"));
        let config = Config::resolve(options).unwrap();
        assert!(!format!("{config:?}").contains("sk-very-secret"));
    }
}
