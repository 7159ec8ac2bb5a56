//! Reading calls back: as jobs, as conversations, and as the light list.

use super::{AppState, query_pairs, query_value};
use crate::envelope::{self, Answer, bad_request, not_found};
use crate::store::Call;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use serde_json::{Value, json};
use std::sync::Arc;

/// `GET /v1/jobs?jobId=`: answered without `success`, as the API documents it.
pub async fn get_job(State(state): State<Arc<AppState>>, RawQuery(query): RawQuery) -> Answer {
    let query = query_pairs(query.as_deref());
    let id = query_value(&query, "jobId").ok_or_else(|| bad_request("jobId is required"))?;
    let call = state.store().call(id).map(|call| call.to_job());
    let job = call
        .or_else(|| super::tts::tts_job(&state, id))
        .or_else(|| super::jobs::job_json(&state, id))
        .ok_or_else(|| not_found("Job not found"))?;
    // The API answers GET /v1/jobs with a top-level previewUrl next to the job.
    let preview = format!("https://cdn.tryhamsa.com/previews/{id}");
    Ok((StatusCode::OK, axum::Json(json!({"message": "success", "previewUrl": preview, "data": job}))).into_response())
}

pub async fn get(State(state): State<Arc<AppState>>, Path(id): Path<String>) -> Answer {
    let conversation = state.store().call(&id).map(|c| c.to_conversation());
    Ok(envelope::ok(conversation.ok_or_else(|| not_found("Conversation not found"))?))
}

/// Paged by `page`/`perPage` (at most 200), filtered by agent, statuses and creation time.
pub async fn list(State(state): State<Arc<AppState>>, RawQuery(query): RawQuery) -> Answer {
    let query = query_pairs(query.as_deref());
    let number = |name: &str| query_value(&query, name).and_then(|v| v.parse::<i64>().ok());
    let page = number("page").unwrap_or(1).max(1) as usize;
    let per_page = number("perPage").unwrap_or(100);
    if !(1..=200).contains(&per_page) {
        return Err(bad_request("perPage must be between 1 and 200"));
    }
    let statuses: Vec<&str> = query.iter().filter(|(k, _)| k == "status").map(|(_, v)| v.as_str()).collect();
    let agent = query_value(&query, "voiceAgentId");
    let (start, end) = (number("startTime"), number("endTime"));
    let store = state.store();
    let matching: Vec<&Call> = store
        .calls
        .iter()
        .filter(|c| agent.is_none_or(|a| c.voice_agent_id.as_deref() == Some(a)))
        .filter(|c| statuses.is_empty() || statuses.contains(&c.status))
        .filter(|c| start.is_none_or(|s| c.created_at_ms >= s) && end.is_none_or(|e| c.created_at_ms <= e))
        .collect();
    let calls: Vec<Value> =
        matching.iter().skip((page - 1) * per_page as usize).take(per_page as usize).map(|c| c.to_summary()).collect();
    Ok(envelope::ok(json!({"total": store.calls.len(), "filtered": matching.len(), "calls": calls})))
}
