//! Receiving Hamsa's webhooks: verify the `Authorization` header in constant time (either form Hamsa's
//! docs show: `<authKey> <authSecret>`, or the secret as the whole value), and parse the voice-agent events. Works with any web framework: header value and raw body in.

use crate::error::{Error, ErrorKind, Result};
use crate::models::{Extra, Job, WebhookAuth};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Which form of the `Authorization` header matched the `webhookAuth` (see [`verify_form`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AuthorizationForm {
    /// `<authKey> <authSecret>`, the form the API reference states (`Token s3cret`, `Bearer <token>`).
    KeyAndSecret,
    /// The secret as the whole header value, as Hamsa's guides and receiver example show it (for example
    /// `authSecret: "Bearer <token>"`, the header then being `Bearer <token>`).
    SecretOnly,
}

/// Checks a request's `Authorization` header (`None` when the request had none) against the
/// `webhookAuth` you gave when you started the call or job. Either form matches:
/// `<authKey> <authSecret>`, or `<authSecret>` alone as the whole value; [`verify_form`] says which.
pub fn verify(authorization: Option<&str>, expected: &WebhookAuth) -> Result<()> {
    verify_form(authorization, expected).map(|_| ())
}

/// Like [`verify`], and says which form matched. Both forms are compared in constant time, always both,
/// so the time taken tells neither how much of a guess was right nor which form was tried.
pub fn verify_form(authorization: Option<&str>, expected: &WebhookAuth) -> Result<AuthorizationForm> {
    let Some(received) = authorization else {
        return Err(Error::new(ErrorKind::WebhookVerification, "the webhook request has no Authorization header"));
    };
    let received = received.trim().as_bytes();
    let key_and_secret = constant_time_eq(received, expected.header_value().as_bytes());
    let secret_only = constant_time_eq(received, expected.auth_secret.expose().trim().as_bytes())
        && !expected.auth_secret.expose().trim().is_empty();
    match (key_and_secret, secret_only) {
        (true, _) => Ok(AuthorizationForm::KeyAndSecret),
        (false, true) => Ok(AuthorizationForm::SecretOnly),
        (false, false) => {
            Err(Error::new(ErrorKind::WebhookVerification, "the webhook request's Authorization header does not match"))
        }
    }
}

/// Like [`verify`], reading the header from a header map.
pub fn verify_headers(headers: &http::HeaderMap, expected: &WebhookAuth) -> Result<()> {
    let value =
        match headers.get(http::header::AUTHORIZATION) {
            None => None,
            Some(value) => Some(value.to_str().map_err(|_| {
                Error::new(ErrorKind::WebhookVerification, "the Authorization header is not valid text")
            })?),
        };
    verify(value, expected)
}

/// Compares without stopping at the first difference, so the time taken does not tell an attacker how
/// much of a guess was right.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    let mut difference = a.len() ^ b.len();
    for (index, expected) in b.iter().enumerate() {
        let received = a.get(index).copied().unwrap_or(0);
        difference |= usize::from(received ^ expected);
    }
    difference == 0
}

crate::open_enum! {
    /// The kind of a voice-agent webhook event.
    WebhookEventType {
        CallStarted => "call.started",
        CallAnswered => "call.answered",
        TranscriptionUpdate => "transcription.update",
        ToolExecuted => "tool.executed",
        CallEnded => "call.ended",
        /// Not sent by Hamsa: a job webhook (transcription, TTS, AI content) carries the job itself, with
        /// no `eventType`; `parse` names it so and puts the job in `job`.
        Job => "job",
    }
}

/// A webhook event: a voice-agent event, or (`eventType` `job`) a job webhook, whose job is in `job` and
/// whose raw body is in `data`. An event type this SDK does not know keeps its raw JSON in `data` and
/// `extra`.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct WebhookEvent {
    pub event_type: WebhookEventType,
    /// Stable per call: use it to ignore duplicate deliveries.
    pub call_id: Option<String>,
    pub timestamp: Option<String>,
    pub project_id: Option<String>,
    pub agent_id: Option<String>,
    pub agent_name: Option<String>,
    #[serde(default)]
    pub data: Value,
    /// For a job webhook: the job (its status, and its result in `jobResponse`).
    #[serde(skip_deserializing)]
    pub job: Option<Job>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// One line of a transcript.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct TranscriptLine {
    /// `Agent` or `User` (or whatever label the server used).
    pub speaker: String,
    pub text: String,
}

/// What `call.ended` carries.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CallEnded {
    pub conversation_id: Option<String>,
    /// The recording's URL.
    pub conversation_recording: Option<String>,
    pub transcript: Vec<TranscriptLine>,
    /// The echoed call params and the fields extracted per the agent's outcome shape.
    pub outcome_result: Option<Value>,
    /// The whole inner payload, as sent.
    pub raw: Value,
}

impl WebhookEvent {
    /// The `call.ended` payload, read defensively (it is nested twice: `data.data`).
    pub fn call_ended(&self) -> Option<CallEnded> {
        if self.event_type != WebhookEventType::CallEnded {
            return None;
        }
        let inner = self.data.get("data").filter(|d| d.is_object()).unwrap_or(&self.data);
        let text = |name: &str| inner.get(name).and_then(Value::as_str).map(str::to_owned);
        Some(CallEnded {
            conversation_id: text("conversationId"),
            conversation_recording: text("conversationRecording"),
            transcript: transcript(inner.get("transcription")),
            outcome_result: inner.get("outcomeResult").filter(|v| !v.is_null()).map(decode_json_strings),
            raw: inner.clone(),
        })
    }
}

/// `[{"Agent": "..."}, {"User": "..."}]` as lines; entries of any other shape are skipped.
fn transcript(value: Option<&Value>) -> Vec<TranscriptLine> {
    let Some(Value::Array(entries)) = value else { return Vec::new() };
    entries
        .iter()
        .filter_map(Value::as_object)
        .flat_map(|entry| entry.iter())
        .filter_map(|(speaker, text)| {
            let text = text.as_str()?;
            Some(TranscriptLine { speaker: speaker.clone(), text: text.to_owned() })
        })
        .collect()
}

/// Outcome values may arrive as JSON-encoded strings (`"{\"a\":1}"`); those become JSON.
fn decode_json_strings(value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(map.iter().map(|(k, v)| (k.clone(), decode_json_strings(v))).collect()),
        Value::String(s) if s.starts_with('{') || s.starts_with('[') => {
            serde_json::from_str(s).unwrap_or_else(|_| value.clone())
        }
        other => other.clone(),
    }
}

/// Parses a webhook request's raw body: a voice-agent event (it has `eventType`), or a job webhook (a
/// job, bare or in the `{success, data}` envelope), returned as an event of type `job`.
pub fn parse(body: &[u8]) -> Result<WebhookEvent> {
    let not_an_event = |e: serde_json::Error| {
        Error::new(
            ErrorKind::Decode,
            format!("the webhook body is not a Hamsa event: {}", crate::secret::scrub_serde_message(&e.to_string())),
        )
        .with_body_snippet(crate::envelope::snippet(body))
    };
    let value: Value = serde_json::from_slice(body).map_err(not_an_event)?;
    if let Some(job) = job_of(&value) {
        let job: Job = serde_json::from_value(job.clone()).map_err(not_an_event)?;
        return Ok(WebhookEvent {
            event_type: WebhookEventType::Job,
            call_id: None,
            timestamp: job.updated_at.clone(),
            project_id: None,
            agent_id: None,
            agent_name: None,
            data: value,
            job: Some(job),
            extra: Extra::new(),
        });
    }
    serde_json::from_value(value).map_err(not_an_event)
}

/// The job a body without `eventType` carries: the body itself, or its `data`, when it has an `id` and a
/// job's `status`, `type` or `jobResponse`.
fn job_of(body: &Value) -> Option<&Value> {
    let object = body.as_object()?;
    if object.contains_key("eventType") {
        return None;
    }
    let is_job = |v: &Value| {
        v.get("id").is_some_and(Value::is_string)
            && ["status", "type", "jobResponse"].iter().any(|k| v.get(*k).is_some())
    };
    if is_job(body) {
        return Some(body);
    }
    object.get("data").filter(|data| is_job(data))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_job_webhook_is_a_job_event() {
        let job = json!({"id": "j1", "type": "TRANSCRIPTION", "status": "COMPLETED",
                         "jobResponse": {"text": "Hello"}, "updatedAt": "t"});
        for body in [job.clone(), json!({"success": true, "data": job})] {
            let event = parse(body.to_string().as_bytes()).unwrap();
            assert_eq!(event.event_type, WebhookEventType::Job);
            let parsed = event.job.unwrap();
            assert_eq!(parsed.transcription().unwrap().text.as_deref(), Some("Hello"));
            assert_eq!(event.data, body);
        }
        // A body with eventType stays a voice-agent event, even with a job-like data.
        let call = json!({"eventType": "call.started", "data": {"id": "c", "status": "IN_PROGRESS"}});
        let event = parse(call.to_string().as_bytes()).unwrap();
        assert_eq!((event.event_type, event.job), (WebhookEventType::CallStarted, None));
        assert_eq!(parse(br#"{"id": "x"}"#).unwrap_err().code(), "decode");
    }

    #[test]
    fn verification() {
        let auth = WebhookAuth::new("Token", "s3cret");
        assert!(verify(Some("Token s3cret"), &auth).is_ok());
        for wrong in [Some("Token s3cre"), Some("Bearer s3cret"), Some("Token s3cret!"), Some(""), None] {
            assert_eq!(verify(wrong, &auth).unwrap_err().code(), "webhook_verification", "{wrong:?}");
        }
        assert!(!format!("{:?}", verify(Some("x"), &auth)).contains("s3cret"));
    }

    #[test]
    fn the_secret_alone_as_the_whole_header_matches_too() {
        let auth = WebhookAuth::new("Token", "s3cret");
        assert_eq!(verify_form(Some("Token s3cret"), &auth).unwrap(), AuthorizationForm::KeyAndSecret);
        assert_eq!(verify_form(Some("s3cret"), &auth).unwrap(), AuthorizationForm::SecretOnly);
        let bearer = WebhookAuth::new("Authorization", "Bearer tok-1");
        assert_eq!(verify_form(Some("Bearer tok-1"), &bearer).unwrap(), AuthorizationForm::SecretOnly);
        assert_eq!(verify_form(Some("Authorization Bearer tok-1"), &bearer).unwrap(), AuthorizationForm::KeyAndSecret);
        for wrong in [Some("Bearer tok-2"), Some("Bearer"), Some("tok-1"), Some("")] {
            assert!(verify(wrong, &bearer).is_err(), "{wrong:?}");
        }
        let empty = WebhookAuth::new("Token", "");
        assert!(verify(Some(""), &empty).is_err(), "an empty secret never matches by itself");
    }

    #[test]
    fn call_ended_transcript_and_outcome() {
        let body = json!({"eventType": "call.ended", "callId": "c1", "data": {"timestamp": "t",
            "data": {"conversationId": "c1", "transcription": [{"Agent": "Hello"}, {"User": "Hi"}, 3],
                     "outcomeResult": {"booked": "{\"day\":\"Mon\"}", "name": "Sara"}}}});
        let event = parse(body.to_string().as_bytes()).unwrap();
        let ended = event.call_ended().unwrap();
        assert_eq!(ended.conversation_id.as_deref(), Some("c1"));
        assert_eq!(
            ended.transcript,
            vec![
                TranscriptLine { speaker: "Agent".into(), text: "Hello".into() },
                TranscriptLine { speaker: "User".into(), text: "Hi".into() },
            ]
        );
        assert_eq!(ended.outcome_result.unwrap()["booked"]["day"], "Mon");
    }

    #[test]
    fn unknown_events_keep_their_json() {
        let event = parse(br#"{"eventType":"call.transferred","data":{"to":"+1"},"extraField":1}"#).unwrap();
        assert_eq!(event.event_type, WebhookEventType::Unknown("call.transferred".into()));
        assert_eq!(event.extra["extraField"], 1);
        let back = serde_json::to_value(&event).unwrap();
        assert_eq!(back["eventType"], "call.transferred");
        assert_eq!(back["data"]["to"], "+1");
        assert!(event.call_ended().is_none());
    }
}
