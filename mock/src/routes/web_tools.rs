//! Web tools: create, list, get, update (v2 makes a new version, v1 changes in place), version check,
//! and the API test, which calls a loopback tool server for real and answers a stream of events.

use super::{AppState, query_pairs, query_value};
use crate::clock;
use crate::envelope::{self, Answer, Rejection, bad_request, not_found, required};
use crate::store::{PROJECT_ID, USER_ID};
use axum::Json;
use axum::extract::{Path, RawQuery, State};
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use serde_json::{Map, Value, json};
use std::sync::Arc;
use std::time::{Duration, Instant};

type Body = Json<Value>;

pub async fn create(State(state): State<Arc<AppState>>, Json(body): Body) -> Answer {
    let tool = insert(&state, &body)?;
    let answer = json!({"success": true, "message": "Web tool created successfully",
                        "messageKey": "WebToolCreatedSuccessfully", "data": tool});
    Ok((StatusCode::CREATED, Json(answer)).into_response())
}

pub async fn create_v1(State(state): State<Arc<AppState>>, Json(body): Body) -> Answer {
    Ok(envelope::ok(insert(&state, &body)?))
}

fn insert(state: &AppState, body: &Value) -> Result<Value, Rejection> {
    required(body, "name")?;
    let settings =
        body.get("toolSettings").filter(|s| s.is_object()).ok_or_else(|| bad_request("toolSettings is required"))?;
    required(settings, "serverUrl")?;
    required(settings, "methodType")?;
    if !body.get("params").is_some_and(Value::is_object) {
        return Err(bad_request("params must be a JSON Schema object"));
    }
    let mut store = state.store();
    let id = store.new_id();
    let now = clock::now_iso();
    let mut tool = json!({
        "id": id, "persistentId": store.new_id(), "version": 1,
        "name": body["name"], "type": body.get("type").cloned().unwrap_or(json!("FUNCTION")),
        "userId": USER_ID, "projectId": PROJECT_ID, "isActive": true,
        "async": body.get("async").cloned().unwrap_or(json!(false)),
        "description": body.get("description").cloned().unwrap_or(json!("")),
        "collectionId": body.get("collectionId").cloned().unwrap_or(Value::Null),
        "toolSettings": {"httpHeaders": {}, "pathParameters": {}},
        "params": body["params"], "messages": body.get("messages").cloned().unwrap_or(json!([])),
        "createdAt": now, "updatedAt": now,
    });
    merge_settings(&mut tool, settings);
    store.web_tools.push(tool.clone());
    Ok(tool)
}

/// A request's `toolSettings` into a stored tool's: `timeOut` is answered as `timeout`.
fn merge_settings(tool: &mut Value, given: &Value) {
    let Some(target) = tool["toolSettings"].as_object_mut() else { return };
    for (key, value) in given.as_object().into_iter().flatten() {
        let key = if key == "timeOut" { "timeout" } else { key.as_str() };
        target.insert(key.to_owned(), value.clone());
    }
}

/// A partial update applied to a tool (the path's id and unknown keys of the body left alone).
fn apply(tool: &mut Value, body: &Value) -> Result<(), Rejection> {
    let Some(changes) = body.as_object() else { return Err(bad_request("the body must be an object")) };
    if changes.get("params").is_some_and(|p| !p.is_object()) {
        return Err(bad_request("params must be a JSON Schema object"));
    }
    for (key, value) in changes {
        match key.as_str() {
            "toolSettings" => merge_settings(tool, value),
            "name" | "description" | "params" | "type" | "async" | "collectionId" | "messages" | "isActive" => {
                tool[key.as_str()] = value.clone();
            }
            _ => {}
        }
    }
    tool["updatedAt"] = json!(clock::now_iso());
    Ok(())
}

/// v2: the update is a new version (new id, same persistentId, version + 1 over the latest).
pub async fn update(State(state): State<Arc<AppState>>, Path(id): Path<String>, Json(body): Body) -> Answer {
    let mut store = state.store();
    let base = store
        .web_tools
        .iter()
        .find(|t| t["id"] == id.as_str())
        .cloned()
        .ok_or_else(|| not_found("Web tool not found"))?;
    let persistent = base["persistentId"].clone();
    let latest =
        store.web_tools.iter().filter(|t| t["persistentId"] == persistent).filter_map(|t| t["version"].as_u64()).max();
    let mut tool = base;
    apply(&mut tool, &body)?;
    tool["id"] = json!(store.new_id());
    tool["version"] = json!(latest.unwrap_or(1) + 1);
    tool["createdAt"] = tool["updatedAt"].clone();
    store.web_tools.push(tool.clone());
    Ok(envelope::ok(tool))
}

/// v1: changed in place.
pub async fn update_v1(State(state): State<Arc<AppState>>, Path(id): Path<String>, Json(body): Body) -> Answer {
    let mut store = state.store();
    let tool =
        store.web_tools.iter_mut().find(|t| t["id"] == id.as_str()).ok_or_else(|| not_found("Web tool not found"))?;
    apply(tool, &body)?;
    Ok(envelope::ok(tool.clone()))
}

pub async fn get(State(state): State<Arc<AppState>>, Path(id): Path<String>) -> Answer {
    let store = state.store();
    let tool =
        store.web_tools.iter().find(|t| t["id"] == id.as_str()).ok_or_else(|| not_found("Web tool not found"))?;
    Ok(envelope::ok(tool.clone()))
}

/// The latest version of every tool, oldest tool first.
fn latest(tools: &[Value]) -> Vec<&Value> {
    let mut out: Vec<&Value> = Vec::new();
    for tool in tools {
        match out.iter_mut().find(|t| t["persistentId"] == tool["persistentId"]) {
            Some(slot) if tool["version"].as_u64() > slot["version"].as_u64() => *slot = tool,
            Some(_) => {}
            None => out.push(tool),
        }
    }
    out
}

/// `{items, total, filtered}`, paged by `skip` (1-based page) and `take` (default 10). Both lists show the
/// latest version of each tool.
pub async fn list(State(state): State<Arc<AppState>>, RawQuery(query): RawQuery) -> Answer {
    page_of(&state, query.as_deref())
}

pub async fn list_v1(State(state): State<Arc<AppState>>, RawQuery(query): RawQuery) -> Answer {
    page_of(&state, query.as_deref())
}

fn page_of(state: &AppState, query: Option<&str>) -> Answer {
    let query = query_pairs(query);
    let number = |name: &str, default: usize| -> Result<usize, Rejection> {
        match query_value(&query, name) {
            None => Ok(default),
            Some(v) => v
                .parse::<usize>()
                .ok()
                .filter(|n| *n >= 1)
                .ok_or_else(|| bad_request(&format!("{name} must be a positive integer"))),
        }
    };
    let (page, take) = (number("skip", 1)?, number("take", 10)?);
    let search = query_value(&query, "search").map(str::to_lowercase);
    let active = query_value(&query, "isActive").map(|v| v == "true");
    let collection = query_value(&query, "collectionId");
    let uncategorized = query_value(&query, "returnUncategorized") == Some("true");
    if uncategorized && collection.is_some() {
        return Err(bad_request("returnUncategorized cannot be combined with collectionId"));
    }
    let kind = query_value(&query, "type");
    let store = state.store();
    let all = latest(&store.web_tools);
    let text = |t: &Value, key: &str| t[key].as_str().unwrap_or_default().to_lowercase();
    let matching: Vec<&Value> = all
        .iter()
        .copied()
        .filter(|t| search.as_ref().is_none_or(|s| text(t, "name").contains(s) || text(t, "description").contains(s)))
        .filter(|t| active.is_none_or(|a| t["isActive"].as_bool() == Some(a)))
        .filter(|t| collection.is_none_or(|c| t["collectionId"] == c))
        .filter(|t| !uncategorized || t["collectionId"].is_null())
        .filter(|t| kind.is_none_or(|k| t["type"] == k))
        .collect();
    let items: Vec<Value> =
        matching.iter().skip((page - 1).saturating_mul(take)).take(take).map(|t| (*t).clone()).collect();
    Ok(envelope::ok(json!({"items": items, "total": all.len(), "filtered": matching.len()})))
}

/// For each tool: whether a newer version exists, and which of the caller's overrides (parameter and
/// header names) the latest version conflicts with: names it no longer has, or defines differently.
pub async fn check_versions(State(state): State<Arc<AppState>>, Json(body): Body) -> Answer {
    let ids = body.get("webToolIds").and_then(Value::as_array).filter(|ids| !ids.is_empty());
    let ids = ids.ok_or_else(|| bad_request("webToolIds must be a non-empty array"))?;
    let store = state.store();
    let mut answers = Vec::new();
    for id in ids {
        let tool = store.web_tools.iter().find(|t| t["id"] == *id).ok_or_else(|| not_found("Web tool not found"))?;
        let newest = store
            .web_tools
            .iter()
            .filter(|t| t["persistentId"] == tool["persistentId"])
            .max_by_key(|t| t["version"].as_u64())
            .unwrap_or(tool);
        let given = id.as_str().and_then(|id| body.get("overrides")?.get(id));
        let conflicts = |names: Option<&Value>, old: &Value, new: &Value| -> Vec<String> {
            let empty = Map::new();
            let names = names.and_then(Value::as_object).unwrap_or(&empty);
            names
                .keys()
                .filter(|name| new.get(name.as_str()).is_none() || old.get(name.as_str()) != new.get(name.as_str()))
                .cloned()
                .collect()
        };
        answers.push(json!({
            "toolId": id,
            "hasNewerVersions": newest["version"].as_u64() > tool["version"].as_u64(),
            "latestVersion": newest["version"],
            "latestVersionToolId": newest["id"],
            "conflicts": {
                "params": conflicts(given.and_then(|g| g.get("params")), &tool["params"]["properties"], &newest["params"]["properties"]),
                "httpHeaders": conflicts(given.and_then(|g| g.get("httpHeaders")), &tool["toolSettings"]["httpHeaders"], &newest["toolSettings"]["httpHeaders"]),
            },
        }));
    }
    Ok(envelope::ok(Value::Array(answers)))
}

/// Answers `text/event-stream`: `attempt`, then `response` (the tool server's status and body) or
/// `error`, then `done`. Only loopback servers are called (the mock never reaches the network).
pub async fn test(State(state): State<Arc<AppState>>, Json(body): Body) -> Answer {
    let project = required(&body, "projectId")?;
    if project != PROJECT_ID {
        return Err(not_found("Project not found"));
    }
    let server = required(&body, "serverUrl")?.to_owned();
    let method = required(&body, "method")?.to_owned();
    let mut events = vec![("attempt", json!({"message": "Starting API test..."}))];
    match call_tool(&state, &server, &method, &body).await {
        Ok(outcome) => events.push(("response", outcome)),
        Err(message) => events.push(("error", json!({"message": message}))),
    }
    let success = events
        .iter()
        .any(|(name, data)| *name == "response" && data["status"].as_u64().is_some_and(|s| (200..300).contains(&s)));
    events.push(("done", json!({"success": success})));
    let stream: String = events.iter().map(|(name, data)| format!("event: {name}\ndata: {data}\n\n")).collect();
    Ok(([(header::CONTENT_TYPE, "text/event-stream"), (header::CACHE_CONTROL, "no-cache")], stream).into_response())
}

async fn call_tool(state: &AppState, server: &str, method: &str, body: &Value) -> Result<Value, String> {
    let url = url::Url::parse(server).map_err(|e| format!("serverUrl is not a URL: {e}"))?;
    let loopback = match url.host() {
        Some(url::Host::Domain(name)) => name.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    };
    if !loopback {
        return Err(format!("the Hamsa mock calls only loopback tool servers (127.0.0.1, localhost), not {server}"));
    }
    let method =
        reqwest::Method::from_bytes(method.as_bytes()).map_err(|_| format!("{method} is not an HTTP method"))?;
    let mut url = url;
    if let Some(query) = body.get("queryParams").and_then(Value::as_object) {
        let mut pairs = url.query_pairs_mut();
        for (name, value) in query {
            pairs.append_pair(name, &value.as_str().map_or_else(|| value.to_string(), str::to_owned));
        }
    }
    let timeout = body.get("timeout").and_then(Value::as_f64).filter(|t| *t > 0.0).unwrap_or(5.0);
    let mut request =
        state.webhook_client.request(method.clone(), url).timeout(Duration::from_secs_f64(timeout.min(60.0)));
    for (name, value) in body.get("httpHeaders").and_then(Value::as_object).into_iter().flatten() {
        request = request.header(name, value.as_str().map_or_else(|| value.to_string(), str::to_owned));
    }
    if let Some(token) = body.get("authToken").and_then(Value::as_str) {
        let prefix = body.get("authPrefix").and_then(Value::as_str).unwrap_or("Bearer");
        request = request.header(header::AUTHORIZATION, format!("{prefix} {token}"));
    }
    if method != reqwest::Method::GET
        && let Some(payload) = body.get("body")
    {
        request = request.header(header::CONTENT_TYPE, "application/json").body(payload.to_string());
    }
    let started = Instant::now();
    let response = request.send().await.map_err(|e| format!("the tool server could not be reached: {e}"))?;
    let status = response.status().as_u16();
    let bytes = response.bytes().await.map_err(|e| format!("the tool server's answer broke off: {e}"))?;
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let answer = serde_json::from_str::<Value>(&text).unwrap_or(Value::String(text));
    Ok(json!({"status": status, "body": answer, "durationMs": started.elapsed().as_millis() as u64}))
}
