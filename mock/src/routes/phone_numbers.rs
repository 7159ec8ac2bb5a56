//! Phone numbers: add (TWILIO, SIP, legacy Twilio), list, get, assign, unassign.

use super::{AppState, is_e164, query_pairs, query_value};
use crate::clock;
use crate::envelope::{self, Answer, bad_request, not_found, reject, required};
use crate::store::PhoneNumber;
use axum::Json;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use serde_json::{Value, json};
use std::sync::Arc;

type Body = Json<Value>;

pub async fn add(State(state): State<Arc<AppState>>, Json(body): Body) -> Answer {
    let kind = body.get("type").and_then(Value::as_str).unwrap_or("TWILIO").to_owned();
    if kind == "TWILIO" {
        required(&body, "twilioAccountSid")?;
        required(&body, "twilioAuthToken")?;
    }
    insert(&state, &body, kind, None)
}

pub async fn add_twilio(State(state): State<Arc<AppState>>, Json(body): Body) -> Answer {
    for field in ["twilioNumberSid", "twilioAccountSid", "twilioAuthToken"] {
        required(&body, field)?;
    }
    let sid = body["twilioNumberSid"].as_str().map(str::to_owned);
    insert(&state, &body, "TWILIO".into(), sid)
}

fn insert(state: &AppState, body: &Value, kind: String, number_sid: Option<String>) -> Answer {
    let number = required(body, "phoneNumber")?.to_owned();
    let label = required(body, "label")?.to_owned();
    if !is_e164(&number) {
        return Err(bad_request("phoneNumber must be an E.164 number"));
    }
    let mut store = state.store();
    if store.number(&number).is_some() {
        return Err(reject(StatusCode::CONFLICT, "This phone number is already registered", "PHONE_NUMBER_EXISTS"));
    }
    let now = clock::now_iso();
    let record = PhoneNumber {
        id: store.new_id(),
        number,
        label,
        kind,
        number_sid,
        voice_agent_id: None,
        sip_outbound_configs: body.get("sipOutboundConfigs").cloned(),
        created_at: now.clone(),
        updated_at: now,
    };
    let data = record.to_json();
    store.phone_numbers.push(record);
    Ok(envelope::ok(data))
}

/// A bare array, paged by `skip` (1-based page) and `take`.
pub async fn list(State(state): State<Arc<AppState>>, RawQuery(query): RawQuery) -> Answer {
    let query = query_pairs(query.as_deref());
    let page: usize = query_value(&query, "skip").and_then(|v| v.parse().ok()).unwrap_or(1).max(1);
    let take: usize = query_value(&query, "take").and_then(|v| v.parse().ok()).unwrap_or(10).max(1);
    let agent = query_value(&query, "voiceAgentId");
    let provider = query_value(&query, "provider");
    let store = state.store();
    let items: Vec<Value> = store
        .phone_numbers
        .iter()
        .filter(|n| agent.is_none_or(|a| n.voice_agent_id.as_deref() == Some(a)))
        .filter(|n| provider.is_none_or(|p| n.kind == p))
        .skip((page - 1).saturating_mul(take))
        .take(take)
        .map(PhoneNumber::to_json)
        .collect();
    Ok(envelope::ok(Value::Array(items)))
}

pub async fn get(State(state): State<Arc<AppState>>, RawQuery(query): RawQuery) -> Answer {
    let query = query_pairs(query.as_deref());
    let id = query_value(&query, "pid").ok_or_else(|| bad_request("pid is required"))?;
    let store = state.store();
    let number = store.phone_numbers.iter().find(|n| n.id == id).ok_or_else(|| not_found("Phone number not found"))?;
    Ok(envelope::ok(number.to_json()))
}

pub async fn assign(State(state): State<Arc<AppState>>, Json(body): Body) -> Answer {
    assign_to(&state, &body, "phoneNumber")
}

pub async fn assign_twilio(State(state): State<Arc<AppState>>, Json(body): Body) -> Answer {
    assign_to(&state, &body, "twilioPhoneNumber")
}

fn assign_to(state: &AppState, body: &Value, number_field: &str) -> Answer {
    let agent = required(body, "voiceAgentId")?.to_owned();
    let number = required(body, number_field)?;
    let mut store = state.store();
    let record = store.number_mut(number).ok_or_else(|| not_found("Phone number not found"))?;
    record.voice_agent_id = Some(agent);
    record.updated_at = clock::now_iso();
    Ok(envelope::ok(record.to_json()))
}

pub async fn unassign(State(state): State<Arc<AppState>>, Json(body): Body) -> Answer {
    let number = required(&body, "phoneNumber")?;
    let mut store = state.store();
    let record = store.number_mut(number).ok_or_else(|| not_found("Phone number not found"))?;
    record.voice_agent_id = None;
    Ok(envelope::ok(json!("Voice agents were successfully unassigned from the phone number.")))
}
