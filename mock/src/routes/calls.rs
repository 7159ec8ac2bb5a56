//! Outbound calls: each creates a call record (also a job and a conversation) and starts its lifecycle.

use super::{AppState, is_e164};
use crate::agents;
use crate::clock;
use crate::config::CallOutcome;
use crate::envelope::{self, Answer, Rejection, bad_request, not_found, required};
use crate::lifecycle::{self, Webhook};
use crate::store::Call;
use axum::Json;
use axum::extract::State;
use serde_json::{Value, json};
use std::sync::Arc;

type Body = Json<Value>;

pub async fn create(State(state): State<Arc<AppState>>, Json(body): Body) -> Answer {
    Ok(envelope::ok(start(&state, &body, "fromNumber")?.to_job()))
}

pub async fn create_twilio(State(state): State<Arc<AppState>>, Json(body): Body) -> Answer {
    Ok(envelope::ok(start(&state, &body, "twilioPhoneNumber")?.to_job()))
}

pub async fn create_with_phone_number(State(state): State<Arc<AppState>>, Json(body): Body) -> Answer {
    let call = start(&state, &body, "phoneNumber")?;
    Ok(envelope::ok(json!({"voiceAgentId": call.voice_agent_id, "jobId": call.id})))
}

/// Checks the request like the API would, stores the call and starts its lifecycle.
fn start(state: &Arc<AppState>, body: &Value, from_field: &str) -> Result<Call, Rejection> {
    let to_number = required(body, "toNumber")?.to_owned();
    let from_number = required(body, from_field)?.to_owned();
    if !is_e164(&to_number) || !is_e164(&from_number) {
        return Err(bad_request("toNumber and the caller number must be E.164 numbers"));
    }
    let text = |field: &str| body.get(field).and_then(Value::as_str).filter(|s| !s.is_empty()).map(str::to_owned);
    let mut store = state.store();
    let Some(caller) = store.number(&from_number) else {
        return Err(not_found("The caller number is not registered: add it first"));
    };
    let voice_agent_id = text("voiceAgentId").or_else(|| caller.voice_agent_id.clone());
    let agent_details = body.get("agentDetails").filter(|d| d.is_object());
    if voice_agent_id.is_none() && agent_details.is_none() {
        return Err(bad_request("voiceAgentId or agentDetails is required (or assign an agent to the number)"));
    }
    let params = body.get("params").filter(|p| p.is_object()).cloned().unwrap_or_else(|| json!({}));
    // A mock agent speaks its own greeting; an inline agent its `greetingMessage`; others the default.
    let stored = voice_agent_id.as_deref().and_then(|id| store.agent(id));
    let inline_name = agent_details.and_then(|d| d.get("agentName")).and_then(Value::as_str);
    let agent_name = inline_name
        .or_else(|| stored.and_then(|a| a.name()))
        .filter(|name| !name.is_empty())
        .unwrap_or("Mock Agent")
        .to_owned();
    let inline_greeting = agent_details.and_then(|d| {
        let greeting = d.get("greetingMessage")?.as_str()?;
        Some(agents::fill(greeting, &[&params, d.get("params").unwrap_or(&Value::Null)]))
    });
    let greeting = inline_greeting.or_else(|| stored.and_then(|a| a.greeting(&params)));
    let outcome = params
        .get("mockOutcome")
        .and_then(Value::as_str)
        .and_then(CallOutcome::parse)
        .unwrap_or(state.config.call_outcome);
    let webhook = text("webhookUrl").filter(|url| is_loopback(url)).map(|url| Webhook {
        url,
        authorization: body
            .get("webhookAuth")
            .and_then(|auth| Some(format!("{} {}", auth.get("authKey")?.as_str()?, auth.get("authSecret")?.as_str()?))),
    });
    let now = clock::now_ms();
    let call = Call {
        id: store.new_id(),
        status: "PENDING",
        to_number,
        from_number,
        voice_agent_id,
        agent_name,
        params,
        webhook_url: text("webhookUrl"),
        created_at_ms: now,
        updated_at: clock::iso(now),
        transcript: Vec::new(),
        outcome_result: None,
        duration_secs: 0,
        greeting,
    };
    store.calls.push(call.clone());
    tokio::spawn(lifecycle::run_call(state.clone(), call.id.clone(), outcome, webhook));
    Ok(call)
}

/// The mock only calls webhooks on this machine.
fn is_loopback(raw: &str) -> bool {
    match url::Url::parse(raw).ok().and_then(|url| url.host().map(|h| h.to_owned())) {
        Some(url::Host::Domain(name)) => name == "localhost",
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    }
}
