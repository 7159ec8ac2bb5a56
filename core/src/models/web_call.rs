use super::Extra;
use crate::secret::Secret;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

/// A participant token for a web call (`web_calls.create_token`): the LiveKit access token (a JWT: a
/// secret, never shown) and the call's job id.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ParticipantToken {
    /// The JWT a web client joins the call's room with (a secret: never shown).
    pub live_kit_access_token: Secret,
    /// The call's job id: the answer's `jobId`, or, when the answer leaves it out, the one inside the
    /// token (`roomConfig.agents[0].metadata`, a JSON text holding `{jobId}`).
    pub job_id: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl<'de> Deserialize<'de> for ParticipantToken {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(rename_all = "camelCase")]
        struct Wire {
            live_kit_access_token: Secret,
            job_id: Option<String>,
            #[serde(flatten)]
            extra: Extra,
        }
        let Wire { live_kit_access_token, job_id, extra } = Wire::deserialize(deserializer)?;
        let job_id = job_id.filter(|id| !id.is_empty()).or_else(|| job_id_in_token(live_kit_access_token.expose()));
        Ok(Self { live_kit_access_token, job_id, extra })
    }
}

/// The job id inside a LiveKit token's claims, if there is one. The token is only read, never verified:
/// it is the server's own answer.
pub fn job_id_in_token(token: &str) -> Option<String> {
    let payload = token.split('.').nth(1)?;
    let claims: Value = serde_json::from_slice(&base64url_decode(payload)?).ok()?;
    let agents = claims.get("roomConfig")?.get("agents")?.as_array()?;
    agents.iter().find_map(|agent| {
        let metadata = agent.get("metadata")?;
        let metadata = match metadata {
            Value::String(text) => serde_json::from_str::<Value>(text).ok()?,
            other => other.clone(),
        };
        match metadata.get("jobId")? {
            Value::String(id) if !id.is_empty() => Some(id.clone()),
            _ => None,
        }
    })
}

/// Base64url without padding (padding and the standard alphabet's `+/` accepted too).
fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let (mut buffer, mut bits) = (0u32, 0u32);
    for byte in text.trim_end_matches('=').bytes() {
        let value = match byte {
            b'A'..=b'Z' => byte - b'A',
            b'a'..=b'z' => byte - b'a' + 26,
            b'0'..=b'9' => byte - b'0' + 52,
            b'-' | b'+' => 62,
            b'_' | b'/' => 63,
            _ => return None,
        };
        buffer = (buffer << 6) | u32::from(value);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((buffer >> bits) as u8);
            buffer &= (1 << bits) - 1;
        }
    }
    Some(out)
}

/// What starting a web conversation answers (`web_calls.init`, `web_calls.init_legacy`).
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ConversationInit {
    /// The conversation's job id.
    pub job_id: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// `header.payload.signature`, the payload's claims holding `metadata`.
    fn token(metadata: Value) -> String {
        let claims = json!({"sub": "user", "roomConfig": {"agents": [{"agentName": "a", "metadata": metadata}]}});
        let encode = |bytes: &[u8]| {
            const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
            let mut out = String::new();
            for chunk in bytes.chunks(3) {
                let n = chunk.iter().fold(0u32, |n, b| (n << 8) | u32::from(*b)) << (8 * (3 - chunk.len()));
                for i in 0..=chunk.len() {
                    out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
                }
            }
            out
        };
        format!("{}.{}.{}", encode(br#"{"alg":"HS256"}"#), encode(claims.to_string().as_bytes()), encode(b"sig"))
    }

    #[test]
    fn the_job_id_falls_back_to_the_one_in_the_token() {
        let jwt = token(json!(r#"{"jobId":"job-7"}"#));
        let from_token: ParticipantToken = serde_json::from_value(json!({"liveKitAccessToken": jwt})).unwrap();
        assert_eq!(from_token.job_id.as_deref(), Some("job-7"));
        let given: ParticipantToken =
            serde_json::from_value(json!({"liveKitAccessToken": jwt, "jobId": "job-1", "x": 1})).unwrap();
        assert_eq!((given.job_id.as_deref(), given.extra.get("x")), (Some("job-1"), Some(&json!(1))));
        // Metadata as an object instead of JSON text is read too; a token without it gives no id.
        assert_eq!(job_id_in_token(&token(json!({"jobId": "job-8"}))).as_deref(), Some("job-8"));
        assert_eq!(job_id_in_token(&token(json!("not json"))), None);
        assert_eq!(job_id_in_token("not-a-jwt"), None);
        assert_eq!(job_id_in_token("a.%%%.c"), None);
    }

    #[test]
    fn the_token_is_never_shown() {
        let jwt = token(json!(r#"{"jobId":"job-7"}"#));
        let parsed: ParticipantToken = serde_json::from_value(json!({"liveKitAccessToken": jwt})).unwrap();
        assert!(!format!("{parsed:?}").contains(&jwt));
        assert_eq!(serde_json::to_value(&parsed).unwrap()["liveKitAccessToken"], json!(jwt));
    }
}
