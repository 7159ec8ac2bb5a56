//! What an endpoint is: one static declaration (method, path template, safety class) tying a request
//! type to a response type. `endpoints/` declares every endpoint once; this file turns a request into the
//! HTTP request to send.

use crate::error::{Error, Result};
use crate::validate::Validate;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

/// Whether an operation may be sent twice. It decides what the retry loop may do once a request may
/// have reached the server.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Safety {
    /// Reads. Always safe to repeat.
    Safe,
    /// Updates, assign/unassign: repeating gives the same end state.
    Idempotent,
    /// Creates a call, a job or a billed resource: never repeated once it may have arrived.
    Unsafe,
}

impl Safety {
    /// Timeouts and 502/503/504 may be retried.
    pub const fn is_repeatable(self) -> bool {
        !matches!(self, Self::Unsafe)
    }

    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Safe => "safe",
            Self::Idempotent => "idempotent",
            Self::Unsafe => "unsafe",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HttpMethod {
    Get,
    Post,
    Put,
    Patch,
    Delete,
}

impl HttpMethod {
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Get => "GET",
            Self::Post => "POST",
            Self::Put => "PUT",
            Self::Patch => "PATCH",
            Self::Delete => "DELETE",
        }
    }

    /// GET and DELETE carry their arguments in the query string; the others in a JSON body (an endpoint
    /// can say otherwise: [`EndpointSpec::json_body`]).
    const fn has_body(self) -> bool {
        matches!(self, Self::Post | Self::Put | Self::Patch)
    }

    pub(crate) fn to_http(self) -> http::Method {
        match self {
            Self::Get => http::Method::GET,
            Self::Post => http::Method::POST,
            Self::Put => http::Method::PUT,
            Self::Patch => http::Method::PATCH,
            Self::Delete => http::Method::DELETE,
        }
    }
}

/// The static description of one endpoint.
#[derive(Clone, Copy, Debug)]
pub struct EndpointSpec {
    /// The public name, `resource.method`: `"calls.create_twilio"`.
    pub name: &'static str,
    pub resource: &'static str,
    pub method_name: &'static str,
    pub http_method: HttpMethod,
    /// With `{wireName}` placeholders filled from the request's fields of that name.
    pub path: &'static str,
    pub safety: Safety,
    /// For body methods: the request fields sent in the query string instead of the body.
    pub query_fields: &'static [&'static str],
    /// The argument a user naturally passes first (an id), by wire name.
    pub positional: Option<&'static str>,
    /// For GET and DELETE: the fields go in a JSON body instead of the query string (a DELETE whose
    /// route takes a body, like `DELETE /v1/voice-agents/knowledge-base/{id}/url`). Body methods always
    /// have one.
    pub json_body: bool,
    /// The result is the answer's envelope itself (`{success, message, messageKey}`), for routes that
    /// answer with no `data`.
    pub envelope_result: bool,
    /// Top-level fields of the answer, next to `data`, that are kept in the result (put into the data
    /// object when it has no field of that name): `GET /v1/jobs` answers `{message, previewUrl, data}`.
    pub kept_fields: &'static [&'static str],
    /// For paged endpoints: the field of each page that holds its items.
    pub items_field: Option<&'static str>,
    /// The waiter that can follow this operation's result.
    pub follow: Option<Follow>,
    /// The request field (wire name) that holds the project id, when the operation needs one: left out
    /// by the caller, the client fills it with the API key's project (`projects.get`, fetched once).
    pub project: Option<&'static str>,
    pub summary: &'static str,
}

impl EndpointSpec {
    /// Whether the request's fields (but the path's and `query_fields`) are sent as a JSON body.
    pub const fn sends_body(&self) -> bool {
        self.json_body || self.http_method.has_body()
    }

    pub const fn kind(&self) -> OperationKind {
        if self.items_field.is_some() { OperationKind::Paged } else { OperationKind::Plain }
    }
}

/// A result that a waiter can follow: `calls.create` gives a job whose `id` `conversations.wait` takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Follow {
    /// The waiter's public name.
    pub operation: &'static str,
    /// The result's field (wire name) that is the waiter's positional argument.
    pub from: &'static str,
}

/// What calling an operation gives; the catalog names it, and each binding generates one shape per kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OperationKind {
    /// One request; the result.
    Plain,
    /// A pager: page by page, or every item of every page.
    Paged,
    /// Polls another operation until its result reaches a terminal status.
    Waiter,
    /// Computed locally, with no client (the webhook helpers).
    Offline,
    /// Reserved: one request answered with bytes (a file).
    Binary,
    /// Reserved: one request answered with a stream of audio chunks.
    AudioStream,
    /// Reserved: a long-lived connection carrying requests (the realtime WebSocket).
    Session,
}

impl OperationKind {
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Plain => "plain",
            Self::Paged => "paged",
            Self::Waiter => "waiter",
            Self::Offline => "offline",
            Self::Binary => "binary",
            Self::AudioStream => "audio_stream",
            Self::Session => "session",
        }
    }
}

/// One endpoint: its declaration and its request and response types.
pub trait Endpoint: Send + Sync + 'static {
    const SPEC: EndpointSpec;
    type Request: Serialize + DeserializeOwned + Validate + Send + Sync + 'static;
    type Response: Serialize + DeserializeOwned + Send + 'static;
}

/// An HTTP request ready to send (and to send again, for retries).
#[derive(Debug)]
pub(crate) struct PreparedRequest {
    pub method: http::Method,
    /// Path and query, relative to the base URL.
    pub path_and_query: String,
    pub body: Option<JsonBody>,
}

/// A serialized JSON body. Its `Debug` never shows the bytes: they may hold secrets.
#[derive(Clone)]
pub(crate) struct JsonBody(pub bytes::Bytes);

impl std::fmt::Debug for JsonBody {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<{} bytes of JSON>", self.0.len())
    }
}

/// Splits a serialized request into path parameters, query string and body, per the endpoint's spec.
#[cfg(test)]
pub(crate) fn prepare(spec: &EndpointSpec, request: &impl Serialize) -> Result<PreparedRequest> {
    prepare_fields(spec, request_fields(spec, request)?)
}

/// A request serialized as its wire fields.
pub(crate) fn request_fields(spec: &EndpointSpec, request: &impl Serialize) -> Result<Map<String, Value>> {
    let value = serde_json::to_value(request)
        .map_err(|e| Error::invalid_argument(spec.name, format!("could not serialize the request: {e}")))?;
    match value {
        Value::Object(map) => Ok(map),
        Value::Null => Ok(Map::new()),
        _ => Err(Error::invalid_argument(spec.name, "the request must be an object")),
    }
}

/// The project field the caller left out (absent or null), if the endpoint has one.
pub(crate) fn missing_project_field(spec: &EndpointSpec, fields: &Map<String, Value>) -> Option<&'static str> {
    spec.project.filter(|name| fields.get(*name).is_none_or(Value::is_null))
}

/// [`prepare`] on fields already serialized (and completed, e.g. with the resolved project id).
pub(crate) fn prepare_fields(spec: &EndpointSpec, mut fields: Map<String, Value>) -> Result<PreparedRequest> {
    let mut path_and_query = fill_path(spec, &mut fields)?;
    let mut query = Query::new(&mut path_and_query);
    if spec.sends_body() {
        for name in spec.query_fields {
            if let Some(value) = fields.remove(*name) {
                query.push(name, &value);
            }
        }
    } else {
        for (name, value) in std::mem::take(&mut fields) {
            query.push(&name, &value);
        }
    }
    let body = if spec.sends_body() {
        let bytes = serde_json::to_vec(&Value::Object(fields))
            .map_err(|e| Error::invalid_argument(spec.name, format!("could not serialize the body: {e}")))?;
        Some(JsonBody(bytes.into()))
    } else {
        None
    };
    Ok(PreparedRequest { method: spec.http_method.to_http(), path_and_query, body })
}

fn fill_path(spec: &EndpointSpec, fields: &mut Map<String, Value>) -> Result<String> {
    let mut path = String::with_capacity(spec.path.len() + 32);
    let mut rest = spec.path;
    while let Some(open) = rest.find('{') {
        path.push_str(&rest[..open]);
        let close = rest[open..].find('}').map(|i| open + i).unwrap_or(rest.len());
        let name = &rest[open + 1..close];
        let value = match fields.remove(name) {
            Some(Value::String(s)) if !s.trim().is_empty() => s,
            Some(Value::Number(n)) => n.to_string(),
            _ => return Err(Error::invalid_argument(name, "is required and must not be empty")),
        };
        path.extend(percent_encoding::utf8_percent_encode(&value, PATH_SEGMENT));
        rest = rest.get(close + 1..).unwrap_or("");
    }
    path.push_str(rest);
    Ok(path)
}

/// Characters escaped inside one path segment: everything but unreserved characters.
const PATH_SEGMENT: &percent_encoding::AsciiSet =
    &percent_encoding::NON_ALPHANUMERIC.remove(b'-').remove(b'_').remove(b'.').remove(b'~');

/// Appends `?name=value&...` to a path, form-encoded, straight into the path's string.
struct Query<'a> {
    target: &'a mut String,
    first: bool,
}

impl<'a> Query<'a> {
    fn new(target: &'a mut String) -> Self {
        Self { target, first: true }
    }

    /// Query values: strings as they are, numbers and booleans in plain text, arrays as repeated keys,
    /// objects as JSON text; nulls are left out.
    fn push(&mut self, name: &str, value: &Value) {
        match value {
            Value::Null => {}
            Value::String(s) => self.pair(name, s),
            Value::Array(items) => items.iter().for_each(|item| self.push(name, item)),
            Value::Object(_) | Value::Bool(_) | Value::Number(_) => self.pair(name, &value.to_string()),
        }
    }

    fn pair(&mut self, name: &str, value: &str) {
        self.target.push(if self.first { '?' } else { '&' });
        self.first = false;
        self.target.extend(url::form_urlencoded::byte_serialize(name.as_bytes()));
        self.target.push('=');
        self.target.extend(url::form_urlencoded::byte_serialize(value.as_bytes()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const SPEC: EndpointSpec = EndpointSpec {
        name: "things.get",
        resource: "things",
        method_name: "get",
        http_method: HttpMethod::Get,
        path: "/v1/things/{thingId}",
        safety: Safety::Safe,
        query_fields: &[],
        json_body: false,
        envelope_result: false,
        kept_fields: &[],
        positional: None,
        items_field: None,
        follow: None,
        project: None,
        summary: "",
    };

    #[test]
    fn path_and_query() {
        let prepared =
            prepare(&SPEC, &json!({"thingId": "a/b c", "status": ["X", "Y"], "page": 2, "n": null})).unwrap();
        // In the order the request declares its fields (here: the order of the object).
        assert_eq!(prepared.path_and_query, "/v1/things/a%2Fb%20c?status=X&status=Y&page=2");
        assert!(prepared.body.is_none());
    }

    #[test]
    fn missing_path_parameter_is_an_invalid_argument() {
        let error = prepare(&SPEC, &json!({"thingId": ""})).unwrap_err();
        assert_eq!(error.code(), "invalid_argument");
        assert_eq!(error.field(), Some("thingId"));
    }

    #[test]
    fn body_methods_keep_declared_query_fields_out_of_the_body() {
        let spec =
            EndpointSpec { http_method: HttpMethod::Post, path: "/v1/jobs/ai", query_fields: &["jobId"], ..SPEC };
        let prepared = prepare(&spec, &json!({"jobId": "j1", "aiParts": ["faq"]})).unwrap();
        assert_eq!(prepared.path_and_query, "/v1/jobs/ai?jobId=j1");
        assert_eq!(&prepared.body.unwrap().0[..], br#"{"aiParts":["faq"]}"#);
    }

    #[test]
    fn a_delete_with_a_json_body_keeps_its_fields_out_of_the_query() {
        let spec = EndpointSpec { http_method: HttpMethod::Delete, path: "/v1/things/{thingId}/url", ..SPEC };
        let prepared = prepare(&spec, &json!({"thingId": "t1", "url": "https://a.example/x?y=1"})).unwrap();
        assert_eq!(prepared.method, http::Method::DELETE);
        assert_eq!(prepared.path_and_query, "/v1/things/t1/url?url=https%3A%2F%2Fa.example%2Fx%3Fy%3D1");
        assert!(prepared.body.is_none(), "without the clause a DELETE has no body");
        let spec = EndpointSpec { json_body: true, ..spec };
        let prepared = prepare(&spec, &json!({"thingId": "t1", "url": "https://a.example/x?y=1"})).unwrap();
        assert_eq!(prepared.path_and_query, "/v1/things/t1/url");
        assert_eq!(&prepared.body.unwrap().0[..], br#"{"url":"https://a.example/x?y=1"}"#);
    }

    #[test]
    fn a_project_field_left_out_or_null_is_missing() {
        let spec = EndpointSpec { project: Some("projectId"), ..SPEC };
        let fields = |v: Value| v.as_object().unwrap().clone();
        assert_eq!(missing_project_field(&spec, &fields(json!({"a": 1}))), Some("projectId"));
        assert_eq!(missing_project_field(&spec, &fields(json!({"projectId": null}))), Some("projectId"));
        assert_eq!(missing_project_field(&spec, &fields(json!({"projectId": "p1"}))), None);
        assert_eq!(missing_project_field(&SPEC, &fields(json!({}))), None);
    }
}
