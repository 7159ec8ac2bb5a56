//! Web calls: participant tokens (a well-formed LiveKit-style JWT whose agent metadata holds the job id)
//! and the two conversation-init routes, over the mock's web sessions.

use super::AppState;
use crate::clock;
use crate::envelope::{self, Answer, bad_request, not_found, required};
use crate::store::WebSession;
use axum::Json;
use axum::extract::State;
use serde_json::{Value, json};
use std::sync::Arc;

type Body = Json<Value>;

fn params_of(body: &Value) -> Result<Value, envelope::Rejection> {
    match body.get("params") {
        None | Some(Value::Null) => Ok(json!({})),
        Some(params @ Value::Object(_)) => Ok(params.clone()),
        Some(_) => Err(bad_request("params must be an object")),
    }
}

fn start_session(state: &AppState, body: &Value, started: bool) -> Result<String, envelope::Rejection> {
    let voice_agent_id = required(body, "voiceAgentId")?.to_owned();
    let params = params_of(body)?;
    let mut store = state.store();
    let job_id = store.new_id();
    store.web_sessions.push(WebSession { job_id: job_id.clone(), voice_agent_id, params, started });
    Ok(job_id)
}

/// `{liveKitAccessToken}`: the job id is only inside the token (the API's `jobId` is optional, and the
/// SDK reads it from the token when it is left out).
pub async fn create_token(State(state): State<Arc<AppState>>, Json(body): Body) -> Answer {
    let job_id = start_session(&state, &body, false)?;
    let token = jwt(&job_id, body["voiceAgentId"].as_str().unwrap_or_default());
    Ok(envelope::ok(json!({"liveKitAccessToken": token})))
}

pub async fn init(State(state): State<Arc<AppState>>, Json(body): Body) -> Answer {
    let voice_agent_id = required(&body, "voiceAgentId")?;
    let job_id = required(&body, "jobId")?;
    params_of(&body)?;
    let mut store = state.store();
    let session =
        store.web_sessions.iter_mut().find(|s| s.job_id == job_id).ok_or_else(|| not_found("Job not found"))?;
    if session.voice_agent_id != voice_agent_id {
        return Err(bad_request("voiceAgentId is not the agent of this job"));
    }
    session.started = true;
    if let Some(params) = body.get("params").filter(|p| p.is_object()) {
        session.params = params.clone();
    }
    let channel = body.get("channelType").cloned().unwrap_or(json!("Web"));
    Ok(envelope::ok(json!({"jobId": job_id, "voiceAgentId": voice_agent_id, "channelType": channel,
                           "params": session.params, "status": "IN_PROGRESS"})))
}

pub async fn init_legacy(State(state): State<Arc<AppState>>, Json(body): Body) -> Answer {
    let job_id = start_session(&state, &body, true)?;
    Ok(envelope::ok(json!({"jobId": job_id})))
}

/// `header.payload.signature`, each base64url without padding; the signature is random bytes (the mock's
/// tokens are for shape, not for a LiveKit server).
fn jwt(job_id: &str, voice_agent_id: &str) -> String {
    let now = clock::now_ms() / 1000;
    let header = json!({"alg": "HS256", "typ": "JWT"});
    let claims = json!({
        "iss": "hamsa-mock", "sub": format!("web-{job_id}"), "nbf": now, "exp": now + 3600,
        "video": {"room": format!("room-{job_id}"), "roomJoin": true, "canPublish": true, "canSubscribe": true},
        "roomConfig": {"name": format!("room-{job_id}"), "agents": [{
            "agentName": "hamsa-voice-agent",
            "metadata": json!({"jobId": job_id, "voiceAgentId": voice_agent_id}).to_string(),
        }]},
    });
    let signature: Vec<u8> = (0..32).map(|_| fastrand::u8(..)).collect();
    format!(
        "{}.{}.{}",
        base64url(header.to_string().as_bytes()),
        base64url(claims.to_string().as_bytes()),
        base64url(&signature)
    )
}

fn base64url(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().fold(0u32, |n, b| (n << 8) | u32::from(*b)) << (8 * (3 - chunk.len()));
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::base64url;

    #[test]
    fn base64url_without_padding() {
        assert_eq!(base64url(b""), "");
        assert_eq!(base64url(b"f"), "Zg");
        assert_eq!(base64url(b"fo"), "Zm8");
        assert_eq!(base64url(b"foo"), "Zm9v");
        assert_eq!(base64url(&[0xfb, 0xff]), "-_8");
    }
}
