//! The one place every response goes through: `{success, message, messageKey, data}` is unwrapped into
//! the typed result, or into an error carrying the status, message, messageKey and request id.

use crate::error::{Error, ErrorKind, Result};
use crate::response::{RawResponse, ResponseMeta};
use crate::secret::{redact_text, scrub_serde_message};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::value::RawValue;

/// How much of a body an error may quote.
const SNIPPET_CHARS: usize = 200;

#[derive(Deserialize)]
struct Envelope<'a> {
    success: Option<serde_json::Value>,
    message: Option<serde_json::Value>,
    #[serde(rename = "messageKey")]
    message_key: Option<serde_json::Value>,
    #[serde(borrow)]
    data: Option<&'a RawValue>,
}

/// The envelope read in one pass, straight into the typed data: the common case of a successful answer.
/// The other fields stay slices of the body until they are needed (no `Value` made on every answer).
#[derive(Deserialize)]
struct TypedEnvelope<'a, T> {
    #[serde(borrow)]
    success: Option<&'a RawValue>,
    #[serde(borrow)]
    message: Option<&'a RawValue>,
    #[serde(borrow, rename = "messageKey")]
    message_key: Option<&'a RawValue>,
    data: Option<T>,
}

impl Envelope<'_> {
    fn is_envelope(&self) -> bool {
        self.success.is_some() || self.data.is_some()
    }
}

/// Decodes a response: a typed result with its metadata, or the error the response stands for.
pub(crate) fn decode<T: DeserializeOwned>(operation: &str, raw: RawResponse) -> Result<(T, ResponseMeta)> {
    if !(200..300).contains(&raw.status) {
        return Err(status_error(&raw));
    }
    if crate::event_stream::is_event_stream(&raw.headers) {
        // A stream of server-sent events: its data is the array of its events.
        let events = crate::event_stream::to_json(&raw.body);
        let data = T::deserialize(events).map_err(|e| decode_error(operation, &raw, &e))?;
        return Ok((data, ResponseMeta::new(raw, None, None)));
    }
    let body = trim_ascii(&raw.body);
    if body.is_empty() {
        let data = from_json::<T>(operation, b"null", &raw)?;
        return Ok((data, ResponseMeta::new(raw, None, None)));
    }
    if body.first() != Some(&b'{') {
        // A bare array or value: the whole body is the data.
        let data = from_json::<T>(operation, body, &raw)?;
        return Ok((data, ResponseMeta::new(raw, None, None)));
    }
    // One pass when the answer is a successful envelope with data; anything else (`success: false`, no
    // data, null data, not an envelope, not decodable) takes the general path below, which decides.
    if let Ok(TypedEnvelope { success, message, message_key, data: Some(data) }) =
        serde_json::from_slice::<TypedEnvelope<T>>(body)
        && success.map(RawValue::get) != Some("false")
    {
        let (message, message_key) = (raw_text(message), raw_text(message_key));
        return Ok((data, ResponseMeta::new(raw, message, message_key)));
    }
    let envelope: Envelope = serde_json::from_slice(body).map_err(|e| decode_error(operation, &raw, &e))?;
    let (message, message_key) = refuse_success_false(&envelope, &raw)?;
    let data = if envelope.is_envelope() {
        from_json::<T>(operation, envelope.data.map_or(b"null".as_slice(), |d| d.get().as_bytes()), &raw)?
    } else {
        // An object without the envelope's keys: the object itself is the data.
        from_json::<T>(operation, body, &raw)?
    };
    Ok((data, ResponseMeta::new(raw, message, message_key)))
}

/// Decodes the answer of a route that answers with no `data`: the envelope itself
/// (`{success, message, messageKey}`) is the result, once `success: false` and error statuses have been
/// turned into errors as [`decode`] does.
pub(crate) fn decode_envelope<T: DeserializeOwned>(operation: &str, raw: RawResponse) -> Result<(T, ResponseMeta)> {
    if !(200..300).contains(&raw.status) {
        return Err(status_error(&raw));
    }
    let body = trim_ascii(&raw.body);
    let body = if body.is_empty() { b"{}".as_slice() } else { body };
    let envelope: Envelope = serde_json::from_slice(body).map_err(|e| decode_error(operation, &raw, &e))?;
    let (message, message_key) = refuse_success_false(&envelope, &raw)?;
    let data = from_json::<T>(operation, body, &raw)?;
    Ok((data, ResponseMeta::new(raw, message, message_key)))
}

/// Like [`decode`], then puts the answer's top-level `fields` (next to `data`) into the data object, where
/// it has no field of that name: the table's `keep = [..]` clause.
pub(crate) fn decode_keeping<T: DeserializeOwned>(
    operation: &str,
    raw: RawResponse,
    fields: &[&str],
) -> Result<(T, ResponseMeta)> {
    let mut kept = serde_json::Map::new();
    if (200..300).contains(&raw.status)
        && let Ok(serde_json::Value::Object(mut top)) =
            serde_json::from_slice::<serde_json::Value>(trim_ascii(&raw.body))
        && top.contains_key("data")
    {
        for field in fields {
            if let Some(value) = top.remove(*field) {
                kept.insert((*field).to_owned(), value);
            }
        }
    }
    let (mut data, meta) = decode::<serde_json::Value>(operation, raw)?;
    if let serde_json::Value::Object(map) = &mut data {
        for (field, value) in kept {
            map.entry(field).or_insert(value);
        }
    }
    let data = T::deserialize(data).map_err(|e| {
        let message = format!("could not decode the response of {operation}: {}", scrub_serde_message(&e.to_string()));
        Error::new(ErrorKind::Decode, message).with_status(meta.status).with_request_id(meta.request_id.clone())
    })?;
    Ok((data, meta))
}

fn from_json<T: DeserializeOwned>(operation: &str, json: &[u8], raw: &RawResponse) -> Result<T> {
    serde_json::from_slice(json).map_err(|e| decode_error(operation, raw, &e))
}

/// The error for a non-2xx status, with the server's message and messageKey when the body has them.
pub(crate) fn status_error(raw: &RawResponse) -> Error {
    let parsed: Option<serde_json::Value> = serde_json::from_slice(&raw.body).ok();
    let field = |name: &str| parsed.as_ref().and_then(|body| text(body.get(name)));
    let message = field("message")
        .or_else(|| field("error"))
        .or_else(|| parsed.as_ref().and_then(|b| text(b.get("error")?.get("message"))))
        .unwrap_or_else(|| {
            // Display already names the status: the message is the body's start, or says there was none.
            let snippet = snippet(&raw.body);
            if snippet.is_empty() { "the server sent no message".to_owned() } else { snippet }
        });
    let error = Error::new(ErrorKind::from_status(raw.status), message);
    with_response_context(error, raw, field("messageKey"))
}

fn with_response_context(error: Error, raw: &RawResponse, message_key: Option<String>) -> Error {
    error
        .with_status(raw.status)
        .with_message_key(message_key)
        .with_request_id(raw.request_id())
        .with_attempts(raw.attempts.clone())
}

fn decode_error(operation: &str, raw: &RawResponse, error: &serde_json::Error) -> Error {
    let snippet = snippet(&raw.body);
    let message = format!(
        "could not decode the response of {operation}: {}; the body starts with: {snippet}",
        scrub_serde_message(&error.to_string())
    );
    with_response_context(Error::new(ErrorKind::Decode, message), raw, None).with_body_snippet(snippet)
}

/// The start of a body, as text, with secret values redacted. Redaction runs before truncation, so a
/// secret cut in half by the limit is still hidden.
pub(crate) fn snippet(body: &[u8]) -> String {
    let head = &body[..body.len().min(SNIPPET_CHARS * 8)];
    let redacted = redact_text(&String::from_utf8_lossy(head));
    let mut cut: String = redacted.chars().take(SNIPPET_CHARS).collect();
    if redacted.chars().nth(SNIPPET_CHARS).is_some() || head.len() < body.len() {
        cut.push('…');
    }
    cut
}

/// The envelope's message and messageKey, or the `api_error` that `success: false` is, even on HTTP 200.
fn refuse_success_false(envelope: &Envelope<'_>, raw: &RawResponse) -> Result<(Option<String>, Option<String>)> {
    let message = text(envelope.message.as_ref());
    let message_key = text(envelope.message_key.as_ref());
    if envelope.success.as_ref().and_then(serde_json::Value::as_bool) == Some(false) {
        return Err(with_response_context(
            Error::new(ErrorKind::Api, message.unwrap_or_else(|| "the API reported success: false".into())),
            raw,
            message_key,
        ));
    }
    Ok((message, message_key))
}

fn text(value: Option<&serde_json::Value>) -> Option<String> {
    match value? {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Null => None,
        other => Some(other.to_string()),
    }
}

/// [`text`] of a field left as a slice of the body.
fn raw_text(value: Option<&RawValue>) -> Option<String> {
    let raw = value?.get();
    if raw.starts_with('"') {
        // A string, escapes decoded; any other value as `text` shows it.
        return serde_json::from_str(raw).ok();
    }
    text(serde_json::from_str::<serde_json::Value>(raw).ok().as_ref())
}

fn trim_ascii(bytes: &[u8]) -> &[u8] {
    bytes.trim_ascii()
}

#[cfg(test)]
mod tests {
    use super::*;
    use http::HeaderMap;

    fn raw(status: u16, body: &str) -> RawResponse {
        let mut headers = HeaderMap::new();
        headers.insert("x-request-id", "req_9".parse().unwrap());
        RawResponse { status, headers, body: body.as_bytes().to_vec().into(), attempts: Vec::new() }
    }

    #[test]
    fn unwraps_data() {
        let (data, meta) =
            decode::<serde_json::Value>("t", raw(200, r#"{"success":true,"message":"ok","data":{"a":1}}"#)).unwrap();
        assert_eq!(data, serde_json::json!({"a": 1}));
        assert_eq!(meta.message.as_deref(), Some("ok"));
        assert_eq!(meta.request_id.as_deref(), Some("req_9"));
    }

    #[test]
    fn kept_fields_join_the_data_object_without_overriding_it() {
        let body = r#"{"message":"success","previewUrl":"https://p/1","other":1,"data":{"id":"j","x":2}}"#;
        let (data, meta) = decode_keeping::<serde_json::Value>("t", raw(200, body), &["previewUrl", "x"]).unwrap();
        assert_eq!(data, serde_json::json!({"id": "j", "x": 2, "previewUrl": "https://p/1"}));
        assert_eq!(meta.message.as_deref(), Some("success"));
        let error = decode_keeping::<serde_json::Value>("t", raw(200, r#"{"success":false,"message":"no"}"#), &["a"]);
        assert_eq!(error.unwrap_err().code(), "api_error");
    }

    #[test]
    fn success_false_is_an_error_even_on_200() {
        let error = decode::<serde_json::Value>(
            "t",
            raw(200, r#"{"success":false,"message":"No balance","messageKey":"NO_BALANCE"}"#),
        )
        .unwrap_err();
        assert_eq!(error.code(), "api_error");
        assert_eq!(error.status(), Some(200));
        assert_eq!(error.message_key(), Some("NO_BALANCE"));
    }

    #[test]
    fn the_one_pass_path_keeps_every_rule_of_the_general_one() {
        // `success: false` is an error even when its data would decode.
        let error = decode::<Vec<u32>>("t", raw(200, r#"{"success":false,"message":"no","data":[1]}"#)).unwrap_err();
        assert_eq!((error.code(), error.message()), ("api_error", "no"));
        // Null data still goes through the type: an Option accepts it, a struct does not.
        let (data, meta) =
            decode::<Option<u32>>("t", raw(200, r#"{"success":true,"data":null,"messageKey":"K"}"#)).unwrap();
        assert_eq!((data, meta.message_key.as_deref()), (None, Some("K")));
        assert_eq!(decode::<u32>("t", raw(200, r#"{"success":true,"data":null}"#)).unwrap_err().code(), "decode");
        // Data of the wrong type is a decode error, not a silent fallback to the whole body.
        assert_eq!(decode::<u32>("t", raw(200, r#"{"success":true,"data":"x"}"#)).unwrap_err().code(), "decode");
        // A non-string message is kept as its JSON text on both paths.
        let (_, meta) = decode::<u32>("t", raw(200, r#"{"success":true,"message":{"a":1},"data":5}"#)).unwrap();
        assert_eq!(meta.message.as_deref(), Some(r#"{"a":1}"#));
        // Escapes in the message are decoded; spaces around `false` change nothing.
        let (_, meta) = decode::<u32>("t", raw(200, r#"{"message":"Succ\u00e8s \"x\"","data":5}"#)).unwrap();
        assert_eq!(meta.message.as_deref(), Some("Succès \"x\""));
        let body = r#"{ "success" :  false , "message": "no", "data": 5 }"#;
        assert_eq!(decode::<u32>("t", raw(200, body)).unwrap_err().code(), "api_error");
    }

    #[test]
    fn an_envelope_result_is_the_whole_answer() {
        let body = r#"{"success":true,"message":"URL deleted","messageKey":"URL_DELETED_SUCCESSFULLY"}"#;
        let (data, meta) = decode_envelope::<serde_json::Value>("t", raw(200, body)).unwrap();
        assert_eq!(data["messageKey"], "URL_DELETED_SUCCESSFULLY");
        assert_eq!(meta.message.as_deref(), Some("URL deleted"));
        let (data, _) = decode_envelope::<serde_json::Value>("t", raw(204, "")).unwrap();
        assert_eq!(data, serde_json::json!({}));
        let error = decode_envelope::<serde_json::Value>("t", raw(200, r#"{"success":false,"message":"no"}"#));
        assert_eq!(error.unwrap_err().code(), "api_error");
        assert_eq!(decode_envelope::<serde_json::Value>("t", raw(404, "{}")).unwrap_err().code(), "not_found");
        assert_eq!(decode_envelope::<serde_json::Value>("t", raw(200, "[1]")).unwrap_err().code(), "decode");
    }

    #[test]
    fn bare_shapes_are_data() {
        let (data, _) = decode::<Vec<u32>>("t", raw(200, "[1,2]")).unwrap();
        assert_eq!(data, vec![1, 2]);
        let (data, _) = decode::<serde_json::Value>("t", raw(200, r#"{"text":"hi"}"#)).unwrap();
        assert_eq!(data["text"], "hi");
        let (data, _) = decode::<Option<u32>>("t", raw(200, "")).unwrap();
        assert_eq!(data, None);
    }

    #[test]
    fn an_event_stream_is_the_array_of_its_events() {
        let mut response = raw(200, "event: attempt\ndata: {\"message\":\"go\"}\n\ndata: done\n\n");
        response.headers.insert("content-type", "text/event-stream; charset=utf-8".parse().unwrap());
        let (data, meta) = decode::<serde_json::Value>("t", response).unwrap();
        assert_eq!(data, serde_json::json!([{"event": "attempt", "data": {"message": "go"}}, {"data": "done"}]));
        assert_eq!(meta.request_id.as_deref(), Some("req_9"));
        // The same body without the content type is not an event stream: it is JSON, and not valid JSON.
        assert_eq!(decode::<serde_json::Value>("t", raw(200, "event: attempt\n\n")).unwrap_err().code(), "decode");
        // A stream on an error status is still the status's error.
        let mut failed = raw(500, "data: x\n\n");
        failed.headers.insert("content-type", "text/event-stream".parse().unwrap());
        assert_eq!(decode::<serde_json::Value>("t", failed).unwrap_err().code(), "server");
    }

    #[test]
    fn status_errors_keep_the_server_words() {
        let error =
            status_error(&raw(404, r#"{"success":false,"message":"Agent not found","messageKey":"NOT_FOUND"}"#));
        assert_eq!((error.code(), error.status(), error.message()), ("not_found", Some(404), "Agent not found"));
        assert_eq!(error.request_id(), Some("req_9"));
        let error = status_error(&raw(500, "upstream exploded"));
        assert_eq!(error.message(), "upstream exploded");
        assert_eq!(error.to_string(), "[server] HTTP 500 upstream exploded (request id req_9)");
    }

    #[test]
    fn decode_errors_redact_and_truncate() {
        let body = format!(r#"{{"success":true,"data":{{"twilioAuthToken":"tw-secret-123","x":"{}"#, "y".repeat(500));
        let error = decode::<serde_json::Value>("calls.create", raw(200, &body)).unwrap_err();
        assert_eq!(error.code(), "decode");
        assert!(!format!("{error} {error:?}").contains("tw-secret-123"));
        assert!(error.body_snippet().unwrap().chars().count() <= SNIPPET_CHARS + 1);
        let wrong_type = decode::<u32>("t", raw(200, r#"{"success":true,"data":"sk-live-1"}"#)).unwrap_err();
        assert!(wrong_type.message().contains(r#"invalid type: string "…""#), "{}", wrong_type.message());
    }

    mod properties {
        use super::*;
        use crate::models::{Conversation, ConversationPage, Job, PhoneNumberPage};
        use proptest::prelude::*;

        /// Bodies that look like what a server might send: envelopes around JSON fragments, cut anywhere.
        fn body() -> impl Strategy<Value = Vec<u8>> {
            let fragment = prop_oneof![
                Just(String::new()),
                Just("null".to_owned()),
                Just(r#"{"id":"j","status":"PENDING","totalCost":"x"}"#.to_owned()),
                Just(r#"[{"id":"p","number":1}]"#.to_owned()),
                "[ -~]{0,40}",
            ];
            let envelope = (any::<Option<bool>>(), fragment, any::<usize>()).prop_map(|(success, data, cut)| {
                let success = success.map_or(String::new(), |s| format!(r#""success":{s},"#));
                let text = format!(r#"{{{success}"message":"m","messageKey":"K","data":{data}}}"#);
                let cut = cut % (text.len() + 1);
                text.as_bytes()[..cut].to_vec()
            });
            prop_oneof![proptest::collection::vec(any::<u8>(), 0..300), envelope]
        }

        proptest! {
            #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

            /// Whatever the network sends, decoding returns a value or an error; it never panics.
            #[test]
            fn decoding_never_panics(status in prop_oneof![Just(200u16), Just(404), Just(503), 100u16..600], body in body()) {
                let raw = |body: &[u8]| RawResponse {
                    status,
                    headers: HeaderMap::new(),
                    body: body.to_vec().into(),
                    attempts: Vec::new(),
                };
                let _ = decode::<Job>("t", raw(&body));
                let _ = decode::<Conversation>("t", raw(&body));
                let _ = decode::<PhoneNumberPage>("t", raw(&body));
                let _ = decode::<ConversationPage>("t", raw(&body));
                let _ = decode::<serde_json::Value>("t", raw(&body));
                let _ = crate::webhooks::parse(&body);
                let _ = snippet(&body);
            }
        }
    }
}
