//! Voice agents, v2 (nested) and v1 (flat) views of the same records: create, list, get, update, clone.

use super::{AppState, query_pairs, query_value};
use crate::agents::{self, Agent};
use crate::clock;
use crate::envelope::{self, Answer, bad_request, not_found, required};
use axum::Json;
use axum::extract::{Path, RawQuery, State};
use serde_json::{Value, json};
use std::sync::Arc;

type Body = Json<Value>;

#[derive(Clone, Copy, PartialEq)]
enum View {
    V1,
    V2,
}

impl View {
    fn show(self, agent: &Agent) -> Value {
        match self {
            View::V1 => agent.to_v1(),
            View::V2 => agent.to_v2(),
        }
    }
}

fn created(view: View, data: Value) -> axum::response::Response {
    match view {
        View::V1 => envelope::ok(data),
        View::V2 => envelope::ok_with(data, "Voice agent created successfully", "VoiceAgentCreatedSuccessfully"),
    }
}

pub async fn create(State(state): State<Arc<AppState>>, Json(body): Body) -> Answer {
    required(&body, "name")?;
    Ok(created(View::V2, insert(&state, View::V2, &body)))
}

pub async fn create_v1(State(state): State<Arc<AppState>>, Json(body): Body) -> Answer {
    required(&body, "agentName")?;
    Ok(created(View::V1, insert(&state, View::V1, &body)))
}

fn insert(state: &AppState, view: View, body: &Value) -> Value {
    let mut store = state.store();
    let mut agent = Agent::new(store.new_id(), clock::now_iso());
    match view {
        View::V1 => agent.apply_v1(body),
        View::V2 => agent.apply_v2(body),
    }
    agents::with_defaults(&mut agent);
    let data = view.show(&agent);
    store.agents.push(agent);
    data
}

pub async fn list(State(state): State<Arc<AppState>>, RawQuery(query): RawQuery) -> Answer {
    list_view(&state, View::V2, query.as_deref())
}

pub async fn list_v1(State(state): State<Arc<AppState>>, RawQuery(query): RawQuery) -> Answer {
    list_view(&state, View::V1, query.as_deref())
}

/// `{total, filtered, voiceAgents}`, paged by `skip` (1-based page) and `take`; filtered by `search`,
/// `language[]` and `type[]` (the unbracketed names are accepted too), sorted by `sortField`/`sortOrder`.
fn list_view(state: &AppState, view: View, query: Option<&str>) -> Answer {
    let query = query_pairs(query);
    let page: usize = query_value(&query, "skip").and_then(|v| v.parse().ok()).unwrap_or(1).max(1);
    let take: usize = query_value(&query, "take").and_then(|v| v.parse().ok()).unwrap_or(10).max(1);
    let all = |names: [&str; 2]| -> Vec<&str> {
        query.iter().filter(|(k, _)| names.contains(&k.as_str())).map(|(_, v)| v.as_str()).collect()
    };
    let (languages, types) = (all(["language[]", "language"]), all(["type[]", "type"]));
    let search = query_value(&query, "search").map(str::to_lowercase);
    let store = state.store();
    let mut matching: Vec<&Agent> = store
        .agents
        .iter()
        .filter(|a| search.as_ref().is_none_or(|s| a.name().unwrap_or_default().to_lowercase().contains(s)))
        .filter(|a| languages.is_empty() || a.lang().is_some_and(|l| languages.contains(&l)))
        .filter(|a| types.is_empty() || a.agent_type().is_some_and(|t| types.contains(&t)))
        .collect();
    match query_value(&query, "sortField") {
        Some("name") => matching.sort_by_key(|a| a.name().unwrap_or_default().to_owned()),
        Some("updatedAt") => matching.sort_by_key(|a| a.updated_at.clone()),
        _ => {}
    }
    if query_value(&query, "sortOrder") == Some("desc") {
        matching.reverse();
    }
    let items: Vec<Value> =
        matching.iter().skip((page - 1).saturating_mul(take)).take(take).map(|a| view.show(a)).collect();
    Ok(envelope::ok(json!({"total": store.agents.len(), "filtered": matching.len(), "voiceAgents": items})))
}

pub async fn get(State(state): State<Arc<AppState>>, Path(id): Path<String>) -> Answer {
    show(&state, View::V2, &id)
}

pub async fn get_v1(State(state): State<Arc<AppState>>, Path(id): Path<String>) -> Answer {
    show(&state, View::V1, &id)
}

fn show(state: &AppState, view: View, id: &str) -> Answer {
    let store = state.store();
    let agent = store.agent(id).ok_or_else(|| not_found("Voice agent not found"))?;
    Ok(envelope::ok(view.show(agent)))
}

pub async fn update(State(state): State<Arc<AppState>>, Path(id): Path<String>, Json(body): Body) -> Answer {
    change(&state, View::V2, &id, &body)
}

pub async fn update_v1(State(state): State<Arc<AppState>>, Path(id): Path<String>, Json(body): Body) -> Answer {
    change(&state, View::V1, &id, &body)
}

fn change(state: &AppState, view: View, id: &str, body: &Value) -> Answer {
    if !body.is_object() {
        return Err(bad_request("the body must be an object"));
    }
    let mut store = state.store();
    let agent = store.agent_mut(id).ok_or_else(|| not_found("Voice agent not found"))?;
    match view {
        View::V1 => agent.apply_v1(body),
        View::V2 => agent.apply_v2(body),
    }
    agent.updated_at = clock::now_iso();
    let data = view.show(agent);
    Ok(match view {
        View::V1 => envelope::ok(data),
        View::V2 => envelope::ok_with(data, "Voice agent updated successfully", "VoiceAgentUpdatedSuccessfully"),
    })
}

/// `POST /v1/voice-agents/clone?voiceAgentId=`: a copy under a new id (named `agentName`, or "<name> (copy)").
pub async fn clone(State(state): State<Arc<AppState>>, RawQuery(query): RawQuery, body: Option<Body>) -> Answer {
    let query = query_pairs(query.as_deref());
    let source = query_value(&query, "voiceAgentId").ok_or_else(|| bad_request("voiceAgentId is required"))?;
    let name = body.as_ref().and_then(|Json(b)| b.get("agentName")).and_then(Value::as_str).map(str::to_owned);
    let mut store = state.store();
    let original = store.agent(source).cloned().ok_or_else(|| not_found("Voice agent not found"))?;
    let now = clock::now_iso();
    let mut copy = Agent { id: store.new_id(), created_at: now.clone(), updated_at: now, ..original };
    let name = name.unwrap_or_else(|| format!("{} (copy)", copy.name().unwrap_or("Agent")));
    copy.v2.insert("name".into(), json!(name));
    copy.v1_only.remove("isTemplate");
    let data = copy.to_v1();
    store.agents.push(copy);
    Ok(envelope::ok(data))
}
