//! Secrets (API keys, Twilio auth tokens, webhook secrets, LLM keys) and the redaction of secrets that
//! travel inside JSON bodies. A secret never shows in `Debug`, `Display`, logs or error messages.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// What every redacted value is replaced with.
pub const REDACTED: &str = "[REDACTED]";

/// A string that must never be printed. It serializes to its real value (it has to reach the server),
/// but its `Debug` and `Display` show only `[REDACTED]`.
#[derive(Clone, PartialEq, Eq, Default)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    /// The real value: call this only where the value is sent, never where it is shown.
    pub fn expose(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl From<String> for Secret {
    fn from(value: String) -> Self {
        Self(value)
    }
}

impl From<&str> for Secret {
    fn from(value: &str) -> Self {
        Self(value.to_owned())
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(REDACTED)
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(REDACTED)
    }
}

impl schemars::JsonSchema for Secret {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Secret".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "string", "writeOnly": true, "x-secret": true })
    }
}

impl Serialize for Secret {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        COLLECTED.with(|collected| {
            if let Some(values) = collected.borrow_mut().as_mut().filter(|_| !self.0.is_empty()) {
                values.push(self.0.clone());
            }
        });
        serializer.serialize_str(&self.0)
    }
}

thread_local! {
    /// The secret values serialized inside [`collecting`] on this thread.
    static COLLECTED: std::cell::RefCell<Option<Vec<String>>> = const { std::cell::RefCell::new(None) };
}

/// Runs `f` and gives back, with its result, the value of every [`Secret`] it serialized: the client
/// serializes a request this way, so it knows the request's secrets whatever their field is named
/// (`value`, say), and keeps them out of its logs and of the errors it returns.
pub(crate) fn collecting<R>(f: impl FnOnce() -> R) -> (R, Vec<String>) {
    let outer = COLLECTED.with(|collected| collected.replace(Some(Vec::new())));
    let result = f();
    let values = COLLECTED.with(|collected| collected.replace(outer)).unwrap_or_default();
    (result, values)
}

/// `text` with every one of `secrets` replaced by [`REDACTED`].
pub(crate) fn redact_values(text: &str, secrets: &[String]) -> String {
    secrets
        .iter()
        .filter(|s| !s.is_empty())
        .fold(text.to_owned(), |text, secret| text.replace(secret.as_str(), REDACTED))
}

impl<'de> Deserialize<'de> for Secret {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Secret)
    }
}

/// True for a JSON field name that holds a secret: anything named like a key, token, secret or password
/// (`apiKey`, `twilioAuthToken`, `authSecret`, `accessToken`, `password`, `authorization`), but not ids
/// that merely mention a key (`apiKeyId`, `authKey`, which is the scheme word of `webhookAuth`).
pub fn is_secret_field(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    if lower.ends_with("id") || lower.ends_with("ids") || lower == "authkey" {
        return false;
    }
    ["key", "token", "secret", "password", "authorization", "credential"].iter().any(|word| lower.contains(word))
}

/// A copy of `value` with every secret field's value replaced by `[REDACTED]`, at any depth.
pub fn redact_json(value: &serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(name, inner)| {
                    let shown = if is_secret_field(name) && !inner.is_null() {
                        Value::String(REDACTED.to_owned())
                    } else {
                        redact_json(inner)
                    };
                    (name.clone(), shown)
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(redact_json).collect()),
        other => other.clone(),
    }
}

/// Redacts secret values in text that may not be valid JSON (a truncated or malformed body): every
/// `"<secret field>": "<value>"` has its value replaced. Works on any input without panicking.
pub fn redact_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('"') {
        out.push_str(&rest[..=start]);
        rest = &rest[start + 1..];
        let Some(end) = find_string_end(rest) else {
            out.push_str(rest);
            return out;
        };
        let name = &rest[..end];
        out.push_str(name);
        out.push('"');
        rest = &rest[end + 1..];
        if !is_secret_field(name) {
            continue;
        }
        // Skip `: "`; whatever follows up to the closing quote (or the end) is the secret.
        let after_colon = rest.trim_start();
        let Some(after_colon) = after_colon.strip_prefix(':') else {
            continue;
        };
        let value = after_colon.trim_start();
        let Some(value) = value.strip_prefix('"') else {
            continue;
        };
        out.push_str(":\"");
        out.push_str(REDACTED);
        out.push('"');
        rest = match find_string_end(value) {
            Some(close) => &value[close + 1..],
            None => "",
        };
    }
    out.push_str(rest);
    out
}

/// Byte index of the quote that closes a JSON string whose opening quote was just consumed.
fn find_string_end(s: &str) -> Option<usize> {
    let mut escaped = false;
    for (index, ch) in s.char_indices() {
        match ch {
            '\\' if !escaped => escaped = true,
            '"' if !escaped => return Some(index),
            _ => escaped = false,
        }
    }
    None
}

/// serde quotes the offending value in some messages (`invalid type: string "..."`); that value could be
/// a secret, so quoted values are cut out.
pub(crate) fn scrub_serde_message(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut inside = false;
    for ch in message.chars() {
        if ch == '"' {
            inside = !inside;
            if inside {
                out.push_str("\"…");
            } else {
                out.push('"');
            }
        } else if !inside {
            out.push(ch);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collecting_finds_every_serialized_secret_whatever_its_field() {
        #[derive(Serialize)]
        struct Request {
            value: Secret,
            name: String,
            other: Option<Secret>,
        }
        let request = Request { value: "s3cr3t".into(), name: "n".into(), other: Some(Secret::new("")) };
        let (json, secrets) = collecting(|| serde_json::to_string(&request).unwrap());
        assert!(json.contains("s3cr3t"));
        assert_eq!(secrets, vec!["s3cr3t".to_owned()]);
        assert_eq!(redact_values("bad value s3cr3t", &secrets), "bad value [REDACTED]");
        let (_, outside) = collecting(|| ());
        assert!(outside.is_empty());
    }
    use serde_json::json;

    #[test]
    fn secret_is_never_printed() {
        let secret = Secret::new("hunter2");
        assert_eq!(format!("{secret:?} {secret}"), "[REDACTED] [REDACTED]");
        assert_eq!(serde_json::to_string(&secret).unwrap(), "\"hunter2\"");
    }

    #[test]
    fn field_names() {
        for name in ["apiKey", "twilioAuthToken", "authSecret", "password", "accessToken", "refreshToken"] {
            assert!(is_secret_field(name), "{name}");
        }
        for name in ["apiKeyId", "authKey", "voiceAgentId", "toNumber", "label", "webToolsIds"] {
            assert!(!is_secret_field(name), "{name}");
        }
    }

    #[test]
    fn json_redaction_reaches_nested_fields() {
        let body = json!({"toNumber": "+1", "webhookAuth": {"authKey": "Token", "authSecret": "s3"},
                          "llm": [{"apiKey": "k"}], "twilioAuthToken": "t"});
        let shown = redact_json(&body).to_string();
        assert!(!shown.contains("s3") && !shown.contains("\"k\"") && !shown.contains("\"t\""));
        assert!(shown.contains("Token") && shown.contains("+1"));
    }

    #[test]
    fn text_redaction_handles_broken_json() {
        let text = r#"{"data": {"twilioAuthToken" : "tw-secret-123", "label": "x", "authSecret": "unterminated"#;
        let shown = redact_text(text);
        assert!(!shown.contains("tw-secret-123"), "{shown}");
        assert!(!shown.contains("unterminated"), "{shown}");
        assert!(shown.contains(r#""label": "x""#), "{shown}");
        let escaped = r#"{"apiKey": "a\"b-secret", "n": 1}"#;
        assert!(!redact_text(escaped).contains("b-secret"));
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            /// A secret field's value is hidden wherever it sits in valid JSON, after any other content.
            #[test]
            fn secrets_in_json_text_are_always_hidden(
                before in proptest::collection::vec(("[a-z]{1,8}", "[ -~]{0,12}"), 0..4),
                secret in "[A-Za-z0-9]{12,24}",
                field in prop_oneof![Just("apiKey"), Just("twilioAuthToken"), Just("authSecret"), Just("password")],
            ) {
                let mut object = serde_json::Map::new();
                for (name, value) in before {
                    object.insert(name, serde_json::Value::String(value));
                }
                object.insert(field.to_owned(), serde_json::Value::String(secret.clone()));
                let text = serde_json::Value::Object(object).to_string();
                prop_assert!(!redact_text(&text).contains(&secret), "{}", redact_text(&text));
                for cut in 0..text.len() {
                    if text.is_char_boundary(cut) {
                        let shown = redact_text(&text[..cut]);
                        // A cut inside the secret leaves a prefix; it must be hidden too.
                        prop_assert!(!shown.contains(&secret[..secret.len().min(8)]), "{}", shown);
                    }
                }
            }
        }
    }
}
