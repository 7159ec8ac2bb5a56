//! Voice dictionaries: kept in memory; create, list (paged), update, and which agents have each active.

use super::{AppState, query_pairs, query_value, skip_take};
use crate::clock;
use crate::envelope::{self, Answer, bad_request, not_found, required};
use axum::Json;
use axum::extract::{Path, RawQuery, State};
use serde_json::{Value, json};
use std::sync::Arc;

/// The words of a request: a list of `{word, pronunciation}`, both non-empty.
fn words(value: Option<&Value>) -> Result<Vec<Value>, envelope::Rejection> {
    let words = value.and_then(Value::as_array).ok_or_else(|| bad_request("words must be a list"))?;
    words
        .iter()
        .map(|w| {
            let word = required(w, "word")?;
            let pronunciation = required(w, "pronunciation")?;
            Ok(json!({"word": word, "pronunciation": pronunciation}))
        })
        .collect()
}

pub async fn create(State(state): State<Arc<AppState>>, Json(body): Json<Value>) -> Answer {
    let name = required(&body, "name")?.to_owned();
    let words = words(body.get("words"))?;
    let mut store = state.store();
    let now = clock::now_iso();
    let record = json!({"id": store.new_id(), "name": name, "words": words, "createdAt": now, "updatedAt": now});
    store.dictionaries.push(record.clone());
    Ok(envelope::ok(json!({
        "id": record["id"], "name": record["name"], "words": record["words"], "createdAt": record["createdAt"],
    })))
}

/// `{dictionaries, total, page, pageSize}`, `total` counting the dictionaries that match.
pub async fn list(State(state): State<Arc<AppState>>, RawQuery(query): RawQuery) -> Answer {
    let query = query_pairs(query.as_deref());
    let (page, take) = skip_take(&query);
    let search = query_value(&query, "search").map(str::to_lowercase);
    let used = query_value(&query, "used").map(|v| v.eq_ignore_ascii_case("true"));
    let agent = query_value(&query, "voiceAgentId");
    let store = state.store();
    let active_on = |id: &str, agent: Option<&str>| {
        store.active_dictionaries.iter().any(|(d, a)| d == id && agent.is_none_or(|agent| a == agent))
    };
    let matching: Vec<Value> = store
        .dictionaries
        .iter()
        .map(|d| {
            let id = d["id"].as_str().unwrap_or_default();
            json!({
                "id": id, "name": d["name"], "wordsCount": d["words"].as_array().map_or(0, Vec::len),
                "isUsed": active_on(id, None), "createdAt": d["createdAt"],
            })
        })
        .filter(|d| search.as_ref().is_none_or(|s| d["name"].as_str().unwrap_or("").to_lowercase().contains(s)))
        .filter(|d| used.is_none_or(|u| d["isUsed"] == u))
        .filter(|d| agent.is_none_or(|a| active_on(d["id"].as_str().unwrap_or_default(), Some(a))))
        .collect();
    let total = matching.len();
    let dictionaries: Vec<Value> = matching.into_iter().skip((page - 1).saturating_mul(take)).take(take).collect();
    Ok(envelope::ok(json!({"dictionaries": dictionaries, "total": total, "page": page, "pageSize": take})))
}

pub async fn update(State(state): State<Arc<AppState>>, Path(id): Path<String>, Json(body): Json<Value>) -> Answer {
    let name = match body.get("name") {
        None | Some(Value::Null) => None,
        Some(_) => Some(required(&body, "name")?.to_owned()),
    };
    let new_words = match body.get("words") {
        None | Some(Value::Null) => None,
        words_value => Some(words(words_value)?),
    };
    let mut store = state.store();
    let record = store.dictionaries.iter_mut().find(|d| d["id"] == id.as_str());
    let record = record.ok_or_else(|| not_found("Voice dictionary not found"))?;
    if let Some(name) = name {
        record["name"] = json!(name);
    }
    if let Some(words) = new_words {
        record["words"] = Value::Array(words);
    }
    record["updatedAt"] = json!(clock::now_iso());
    Ok(envelope::ok(json!({
        "id": record["id"], "name": record["name"], "words": record["words"], "updatedAt": record["updatedAt"],
    })))
}

/// Records whether the dictionary is active on the agent; the list's `isUsed` shows it. No data.
pub async fn set_active(State(state): State<Arc<AppState>>, Json(body): Json<Value>) -> Answer {
    let dictionary = required(&body, "dictionaryId")?.to_owned();
    let agent = required(&body, "voiceAgentId")?.to_owned();
    let active = body.get("isActive").and_then(Value::as_bool).ok_or_else(|| bad_request("isActive must be a bool"))?;
    let mut store = state.store();
    if !store.dictionaries.iter().any(|d| d["id"] == dictionary.as_str()) {
        return Err(not_found("Voice dictionary not found"));
    }
    store.active_dictionaries.retain(|(d, a)| !(d == &dictionary && a == &agent));
    if active {
        store.active_dictionaries.push((dictionary, agent));
    }
    Ok(envelope::done(
        "Voice dictionary activation toggled successfully",
        "VoiceDictionaryActivationToggledSuccessfully",
    ))
}
