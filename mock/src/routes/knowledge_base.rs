//! The knowledge base: items kept in memory; create, list (paged, filtered), get, rename, remove a URL.

use super::{AppState, json_object, query_pairs, query_value, skip_take};
use crate::clock;
use crate::envelope::{self, Answer, bad_request, not_found};
use crate::store::{PROJECT_ID, USER_ID};
use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use serde_json::{Value, json};
use std::sync::Arc;

const MAX_NAME: usize = 250;

fn item_name(body: &Value) -> Result<String, envelope::Rejection> {
    let name = body.get("itemName").and_then(Value::as_str).unwrap_or_default();
    let length = name.chars().count();
    if name.trim().is_empty() || length > MAX_NAME {
        return Err(bad_request("itemName must be 1 to 250 characters"));
    }
    Ok(name.to_owned())
}

/// One item, or a list when several were sent (the API's docs show one; both shapes reach clients).
pub async fn create(State(state): State<Arc<AppState>>, Json(body): Json<Value>) -> Answer {
    let items = match body.get("items").and_then(Value::as_array) {
        Some(items) if !items.is_empty() => items,
        _ => return Err(bad_request("items must hold at least one item")),
    };
    let mut checked = Vec::with_capacity(items.len());
    for item in items {
        let name = item_name(item)?;
        let kind = item.get("type").and_then(Value::as_str).filter(|t| !t.is_empty());
        let kind = kind.ok_or_else(|| bad_request("type is required"))?.to_owned();
        checked.push((item, name, kind));
    }
    let mut store = state.store();
    let now = clock::now_iso();
    let mut created = Vec::with_capacity(checked.len());
    for (item, name, kind) in checked {
        let content = item.get("content").and_then(Value::as_str);
        let mut urls: Vec<Value> = item.get("itemUrls").and_then(Value::as_array).cloned().unwrap_or_default();
        let item_url = item.get("itemUrl").and_then(Value::as_str);
        if let Some(url) = item_url
            && !urls.iter().any(|u| u == url)
        {
            urls.insert(0, json!(url));
        }
        let bytes = content.map_or(0, str::len);
        let record = json!({
            "id": store.new_id(), "userId": USER_ID, "projectId": PROJECT_ID, "itemName": name,
            "fileSize": format!("{:.1}KB", bytes as f64 / 1024.0), "type": kind, "status": "PROCESSED",
            "failureReason": null, "content": content.unwrap_or_default(), "itemUrl": item_url, "itemUrls": urls,
            "wordsNumber": content.map_or(0, |c| c.split_whitespace().count()), "extension": "txt",
            "createdAt": now, "updatedAt": now, "isActive": true, "used": false,
        });
        store.knowledge_base.push(record.clone());
        created.push(record);
    }
    let data = if created.len() == 1 { created.remove(0) } else { Value::Array(created) };
    Ok(envelope::ok(data))
}

/// `{total, filtered, items}`: `total` counts every item, `filtered` those that match the filters.
pub async fn list(State(state): State<Arc<AppState>>, RawQuery(query): RawQuery) -> Answer {
    let query = query_pairs(query.as_deref());
    let (page, take) = skip_take(&query);
    let flag = |name: &str| query_value(&query, name).map(|v| v.eq_ignore_ascii_case("true"));
    let (is_active, used) = (flag("isActive"), flag("used"));
    let search = query_value(&query, "search").map(str::to_lowercase);
    let agent = query_value(&query, "voiceAgentId");
    let types: Vec<&str> = query.iter().filter(|(k, _)| k == "type").map(|(_, v)| v.as_str()).collect();
    let store = state.store();
    let matching: Vec<&Value> = store
        .knowledge_base
        .iter()
        .filter(|i| is_active.is_none_or(|a| i["isActive"] == a))
        .filter(|i| used.is_none_or(|u| i["used"] == u))
        .filter(|i| search.as_ref().is_none_or(|s| i["itemName"].as_str().unwrap_or("").to_lowercase().contains(s)))
        .filter(|i| types.is_empty() || types.iter().any(|t| i["type"] == *t))
        // The mock links no item to an agent: an agent filter matches nothing.
        .filter(|_| agent.is_none())
        .collect();
    let items: Vec<Value> =
        matching.iter().skip((page - 1).saturating_mul(take)).take(take).copied().cloned().collect();
    Ok(envelope::ok(json!({"total": store.knowledge_base.len(), "filtered": matching.len(), "items": items})))
}

pub async fn get(State(state): State<Arc<AppState>>, Path(id): Path<String>) -> Answer {
    let store = state.store();
    let item = store.knowledge_base.iter().find(|i| i["id"] == id.as_str());
    Ok(envelope::ok(item.ok_or_else(|| not_found("Knowledge base item not found"))?.clone()))
}

pub async fn update(State(state): State<Arc<AppState>>, Path(id): Path<String>, Json(body): Json<Value>) -> Answer {
    let name = item_name(&body)?;
    let mut store = state.store();
    let item = store.knowledge_base.iter_mut().find(|i| i["id"] == id.as_str());
    let item = item.ok_or_else(|| not_found("Knowledge base item not found"))?;
    item["itemName"] = json!(name);
    item["updatedAt"] = json!(clock::now_iso());
    Ok(envelope::ok(item.clone()))
}

/// Removes the URL from `itemUrls` (and from `itemUrl` when it is that one). No data in the answer.
pub async fn delete_url(State(state): State<Arc<AppState>>, Path(id): Path<String>, body: Bytes) -> Answer {
    let body = json_object(&body)?;
    let url = body.get("url").and_then(Value::as_str).filter(|u| !u.trim().is_empty());
    let url = url.ok_or_else(|| bad_request("url is required"))?;
    let mut store = state.store();
    let item = store.knowledge_base.iter_mut().find(|i| i["id"] == id.as_str());
    let item = item.ok_or_else(|| not_found("Knowledge base item not found"))?;
    let urls = item["itemUrls"].as_array_mut().map(std::mem::take).unwrap_or_default();
    let before = urls.len();
    let kept: Vec<Value> = urls.into_iter().filter(|u| u != url).collect();
    let removed = kept.len() < before || item["itemUrl"] == url;
    item["itemUrls"] = Value::Array(kept);
    if !removed {
        return Err(not_found("This URL is not part of the item"));
    }
    if item["itemUrl"] == url {
        item["itemUrl"] = item["itemUrls"].get(0).cloned().unwrap_or(Value::Null);
    }
    item["updatedAt"] = json!(clock::now_iso());
    Ok(envelope::done("URL deleted successfully", "URL_DELETED_SUCCESSFULLY"))
}
