//! Text to speech, voices, the TTS history, usage statistics and project secrets. TTS jobs complete on the
//! mock's clock (half a call's duration) with a `ttsMediaFile` the mock serves (a short WAV) and are
//! POSTed to their loopback webhook with their `webhookAuth`; voices, histories and secrets are kept in
//! memory (a secret's value is stored, never returned); the statistics count what the mock did.

use super::{AppState, query_pairs, query_value};
use crate::clock;
use crate::envelope::{self, Answer, bad_request, not_found, required};
use crate::store::{PROJECT_ID, USER_ID};
use axum::Json;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};
use std::sync::Arc;
use std::time::Duration;

/// The voices every project has.
const BUILT_IN_VOICES: &[(&str, &str, &str)] = &[
    ("00000000-0000-4000-8000-00000000a001", "Amjad", "pls"),
    ("00000000-0000-4000-8000-00000000a002", "Layan", "pls"),
    ("00000000-0000-4000-8000-00000000a003", "Emma", "en"),
];

/// The mock's own address, for the media URLs it hands out.
fn base_url(headers: &HeaderMap) -> String {
    let host = headers.get("host").and_then(|h| h.to_str().ok()).unwrap_or("127.0.0.1");
    format!("http://{host}")
}

fn is_loopback_http(url: &str) -> bool {
    url::Url::parse(url).is_ok_and(|u| {
        matches!(u.scheme(), "http" | "https") && matches!(u.host_str(), Some("127.0.0.1" | "localhost" | "[::1]"))
    })
}

fn voice_exists(store: &crate::store::Store, id: &str) -> bool {
    BUILT_IN_VOICES.iter().any(|(v, ..)| *v == id) || store.voices.iter().any(|v| v["id"] == id)
}

/// The project a request names (it must be the mock's when given).
fn check_project(project: Option<&str>) -> Result<(), envelope::Rejection> {
    match project {
        None => Err(bad_request("projectId is required")),
        Some(p) if p == PROJECT_ID => Ok(()),
        Some(_) => Err(not_found("Project not found")),
    }
}

/// `page` and `perPage` of the v2 lists (both required).
fn page_per_page(query: &[(String, String)], required: bool) -> Result<(usize, usize), envelope::Rejection> {
    let number = |name: &str| query_value(query, name).and_then(|v| v.parse::<usize>().ok());
    match (number("page"), number("perPage")) {
        (Some(page), Some(per_page)) if page >= 1 && per_page >= 1 => Ok((page, per_page)),
        (None, None) if !required => Ok((1, 10)),
        (page, None) if !required => Ok((page.unwrap_or(1).max(1), 10)),
        _ => Err(bad_request("page and perPage must be positive integers")),
    }
}

fn paged(items: Vec<Value>, page: usize, per_page: usize) -> (Vec<Value>, usize, usize) {
    let total = items.len();
    let pages = total.div_ceil(per_page);
    (items.into_iter().skip((page - 1).saturating_mul(per_page)).take(per_page).collect(), total, pages)
}

pub async fn create_job(State(state): State<Arc<AppState>>, headers: HeaderMap, Json(body): Json<Value>) -> Answer {
    let voice = required(&body, "voiceId")?.to_owned();
    let text = required(&body, "text")?.to_owned();
    let webhook_url = body.get("webhookUrl").and_then(Value::as_str).map(str::to_owned);
    let authorization = body
        .get("webhookAuth")
        .and_then(|auth| Some(format!("{} {}", auth.get("authKey")?.as_str()?, auth.get("authSecret")?.as_str()?)));
    let job = {
        let mut store = state.store();
        if !voice_exists(&store, &voice) {
            return Err(not_found("Voice not found"));
        }
        let now = clock::now_iso();
        let job = json!({
            "id": store.new_id(), "title": "Text to speech", "type": "TTS", "processingType": "async",
            "status": "PENDING", "webhookUrl": webhook_url, "totalCost": text.chars().count() as f64 * 0.0001,
            "jobResponse": null, "ttsVoiceId": voice, "relevantJobId": null, "apiKeyId": "mock-api-key-id",
            "billingId": "mock-billing", "userId": USER_ID, "createdAt": now, "updatedAt": now, "text": text,
        });
        store.tts_jobs.push(job.clone());
        job
    };
    let id = job["id"].as_str().unwrap_or_default().to_owned();
    let media = format!("{}/media/tts/{id}.wav", base_url(&headers));
    tokio::spawn(finish_job(state.clone(), id, media, webhook_url, authorization));
    Ok(envelope::ok(public_job(&job)))
}

/// A TTS job as the API shows it (the text it speaks is in `jobResponse`, not at the top).
pub fn public_job(job: &Value) -> Value {
    let mut job = job.clone();
    if let Some(map) = job.as_object_mut() {
        map.remove("text");
    }
    job
}

/// Completes a TTS job after half a call's duration and POSTs it to its loopback webhook.
async fn finish_job(
    state: Arc<AppState>,
    id: String,
    media: String,
    webhook: Option<String>,
    authorization: Option<String>,
) {
    tokio::time::sleep(state.config.call_duration / 2).await;
    let job = {
        let mut store = state.store();
        let Some(job) = store.tts_jobs.iter_mut().find(|j| j["id"] == id.as_str()) else { return };
        job["status"] = json!("COMPLETED");
        job["jobResponse"] = json!({"text": job["text"], "ttsMediaFile": media});
        job["updatedAt"] = json!(clock::now_iso());
        public_job(job)
    };
    let Some(url) = webhook.filter(|u| is_loopback_http(u)) else { return };
    let mut request = state
        .webhook_client
        .post(&url)
        .header("content-type", "application/json")
        .body(job.to_string())
        .timeout(Duration::from_secs(5));
    if let Some(authorization) = authorization {
        request = request.header("authorization", authorization);
    }
    if let Err(error) = request.send().await {
        tracing::warn!(%error, "TTS job webhook delivery failed");
    }
}

/// A TTS job by id, for `GET /v1/jobs`.
pub fn tts_job(state: &AppState, id: &str) -> Option<Value> {
    state.store().tts_jobs.iter().find(|j| j["id"] == id).map(public_job)
}

/// 0.1 s of silence: 16 kHz, mono, 16-bit PCM.
fn silent_wav() -> Vec<u8> {
    let samples = 1600u32;
    let data_len = samples * 2;
    let mut wav = Vec::with_capacity(44 + data_len as usize);
    wav.extend_from_slice(b"RIFF");
    wav.extend_from_slice(&(36 + data_len).to_le_bytes());
    wav.extend_from_slice(b"WAVEfmt ");
    wav.extend_from_slice(&16u32.to_le_bytes());
    wav.extend_from_slice(&1u16.to_le_bytes());
    wav.extend_from_slice(&1u16.to_le_bytes());
    wav.extend_from_slice(&16_000u32.to_le_bytes());
    wav.extend_from_slice(&32_000u32.to_le_bytes());
    wav.extend_from_slice(&2u16.to_le_bytes());
    wav.extend_from_slice(&16u16.to_le_bytes());
    wav.extend_from_slice(b"data");
    wav.extend_from_slice(&data_len.to_le_bytes());
    wav.resize(44 + data_len as usize, 0);
    wav
}

/// The audio of a finished TTS job or history entry (`/media/tts/{id}.wav`), served without a key like
/// a CDN file.
pub async fn media(State(state): State<Arc<AppState>>, Path(file): Path<String>) -> Response {
    let id = file.strip_suffix(".wav").unwrap_or(&file);
    let known = {
        let store = state.store();
        store.tts_jobs.iter().any(|j| j["id"] == id && j["status"] == "COMPLETED")
            || store.tts_histories.iter().any(|h| h["id"] == id)
    };
    if !known {
        return (StatusCode::NOT_FOUND, "no such media").into_response();
    }
    ([("content-type", "audio/wav")], silent_wav()).into_response()
}

pub async fn create_voice(State(state): State<Arc<AppState>>, Json(body): Json<Value>) -> Answer {
    let name = required(&body, "name")?.to_owned();
    let audio = required(&body, "audioUrl")?.to_owned();
    required(&body, "audioTranscription")?;
    let language = required(&body, "language")?.to_owned();
    check_project(body.get("projectId").and_then(Value::as_str))?;
    let tags: Vec<&str> =
        body.get("tags").and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_str).collect();
    let gender = tags.iter().filter(|t| matches!(**t, "male" | "female")).count();
    let style = tags.iter().filter(|t| matches!(**t, "conversational" | "narrator")).count();
    if tags.len() != 2 || gender != 1 || style != 1 {
        return Err(bad_request("tags must hold one of male/female and one of conversational/narrator"));
    }
    let mut store = state.store();
    let id = store.new_id();
    store.voices.push(json!({
        "id": id, "name": name, "dialect": {"languageCode": language}, "tags": tags,
        "description": body.get("description"), "imageUrl": body.get("imageUrl"), "voiceRecord": audio,
        "createdAt": clock::now_iso(), "preloaded": false,
    }));
    Ok(envelope::ok_with(
        json!({"id": id, "voiceRecord": audio}),
        "Operation completed successfully",
        "OPERATION_SUCCESSFUL",
    ))
}

/// Built-in voices first, then the cloned ones; `q` matches names.
pub async fn list_voices(State(state): State<Arc<AppState>>, RawQuery(query): RawQuery) -> Answer {
    let query = query_pairs(query.as_deref());
    check_project(query_value(&query, "projectId"))?;
    let (page, per_page) = page_per_page(&query, false)?;
    let q = query_value(&query, "q").map(str::to_lowercase);
    let store = state.store();
    let built_in = BUILT_IN_VOICES.iter().map(|(id, name, dialect)| {
        json!({"id": id, "name": name, "dialect": {"languageCode": dialect}, "tags": ["female", "conversational"]})
    });
    let cloned = store.voices.iter().map(|v| {
        json!({"id": v["id"], "name": v["name"], "dialect": v["dialect"], "tags": v["tags"], "createdAt": v["createdAt"]})
    });
    let matching: Vec<Value> = built_in
        .chain(cloned)
        .filter(|v| q.as_ref().is_none_or(|q| v["name"].as_str().unwrap_or("").to_lowercase().contains(q)))
        .collect();
    let (voices, total, pages) = paged(matching, page, per_page);
    Ok(envelope::ok(json!({"voices": voices, "page": page, "totalCount": total, "totalPages": pages})))
}

pub async fn preload_voice(State(state): State<Arc<AppState>>, Json(body): Json<Value>) -> Answer {
    let id = required(&body, "voiceId")?.to_owned();
    let mut store = state.store();
    if !voice_exists(&store, &id) {
        return Err(not_found("Voice not found"));
    }
    if let Some(voice) = store.voices.iter_mut().find(|v| v["id"] == id.as_str()) {
        voice["preloaded"] = json!(true);
    }
    Ok((
        StatusCode::OK,
        Json(json!({"success": true, "message": "Custom voice have been preloaded successfully", "data": []})),
    )
        .into_response())
}

pub async fn extract_transcription(State(state): State<Arc<AppState>>, Json(body): Json<Value>) -> Answer {
    required(&body, "audioUrl")?;
    check_project(body.get("projectId").and_then(Value::as_str))?;
    state.store().transcribed_samples += 1;
    let english = body.get("language").and_then(Value::as_str) == Some("en");
    let text =
        if english { "Hello, this is a sample of my voice." } else { "مرحبا، هذه عينة من صوتي." };
    Ok(envelope::ok_with(json!({"transcription": text}), "Operation completed successfully", "OPERATION_SUCCESSFUL"))
}

pub async fn create_history(State(state): State<Arc<AppState>>, headers: HeaderMap, Json(body): Json<Value>) -> Answer {
    let voice = required(&body, "ttsVoiceId")?.to_owned();
    let script = required(&body, "script")?.to_owned();
    required(&body, "apiKey")?;
    if script.chars().count() > 3000 {
        return Err(bad_request("script must be 1 to 3000 characters"));
    }
    let mut store = state.store();
    if !voice_exists(&store, &voice) {
        return Err(not_found("Voice not found"));
    }
    let name = BUILT_IN_VOICES
        .iter()
        .find(|(id, ..)| *id == voice)
        .map(|(_, name, _)| json!(name))
        .or_else(|| store.voices.iter().find(|v| v["id"] == voice.as_str()).map(|v| v["name"].clone()))
        .unwrap_or(Value::Null);
    let id = store.new_id();
    let audio = format!("{}/media/tts/{id}.wav", base_url(&headers));
    store.tts_histories.push(json!({
        "id": id, "audio": audio, "downloadUrl": audio, "script": script,
        "ttsVoice": {"name": name, "dialect": {"languageCode": "ar", "language": "Arabic"}},
        "createdAt": clock::now_iso(),
    }));
    Ok((
        StatusCode::OK,
        Json(json!({"success": true, "message": "Operation completed successfully",
        "messageKey": "OPERATION_SUCCESSFUL", "data": []})),
    )
        .into_response())
}

/// Newest first, `{ttsHistories, page, totalCount, totalPages}`.
pub async fn list_histories(State(state): State<Arc<AppState>>, RawQuery(query): RawQuery) -> Answer {
    let query = query_pairs(query.as_deref());
    check_project(query_value(&query, "projectId"))?;
    let (page, per_page) = page_per_page(&query, true)?;
    let all: Vec<Value> = state.store().tts_histories.iter().rev().cloned().collect();
    let (histories, total, pages) = paged(all, page, per_page);
    Ok(envelope::ok(json!({"ttsHistories": histories, "page": page, "totalCount": total, "totalPages": pages})))
}

pub async fn get_history(
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
    RawQuery(query): RawQuery,
) -> Answer {
    let query = query_pairs(query.as_deref());
    check_project(query_value(&query, "projectId"))?;
    let history = state.store().tts_histories.iter().find(|h| h["id"] == id.as_str()).cloned();
    Ok(envelope::ok(history.ok_or_else(|| not_found("TTS history not found"))?))
}

/// The period of a statistics query, in epoch milliseconds (or ISO dates).
fn period(query: &[(String, String)]) -> Result<(i64, i64), envelope::Rejection> {
    check_project(query_value(query, "projectId"))?;
    let bound = |name: &str| {
        query_value(query, name)
            .and_then(|v| v.parse::<i64>().ok())
            .ok_or_else(|| bad_request(&format!("{name} is required (epoch milliseconds)")))
    };
    Ok((bound("startPeriod")?, bound("endPeriod")?))
}

/// The TTS jobs made in the period: (day, cost, characters).
fn tts_usage(state: &AppState, start: i64, end: i64) -> Vec<(String, f64, u64)> {
    // The mock's timestamps are `clock::iso` strings, which sort as text.
    let (start, end) = (clock::iso(start), clock::iso(end));
    state
        .store()
        .tts_jobs
        .iter()
        .filter(|j| j["createdAt"].as_str().is_some_and(|c| c >= start.as_str() && c <= end.as_str()))
        .map(|j| {
            let day = j["createdAt"].as_str().unwrap_or_default().get(..10).unwrap_or_default().to_owned();
            (day, j["totalCost"].as_f64().unwrap_or(0.0), j["text"].as_str().map_or(0, |t| t.chars().count() as u64))
        })
        .collect()
}

pub async fn statistics_totals(State(state): State<Arc<AppState>>, RawQuery(query): RawQuery) -> Answer {
    let query = query_pairs(query.as_deref());
    let (start, end) = period(&query)?;
    let usage = tts_usage(&state, start, end);
    let requests = state.requests.load(std::sync::atomic::Ordering::SeqCst);
    let transcribed = state.store().transcribed_samples;
    Ok(envelope::ok(json!({
        "tokens": {"value": usage.iter().map(|u| u.2).sum::<u64>(), "unit": "characters"},
        "transcription": {"value": transcribed, "unit": "samples"},
        "price": {"value": usage.iter().map(|u| u.1).sum::<f64>(), "unit": "USD"},
        "requests": {"value": requests.to_string(), "unit": "requests"},
    })))
}

/// One day's TTS usage, for the chart.
struct Day {
    date: String,
    cost: f64,
    characters: u64,
    jobs: u64,
}

/// One point per day that had TTS jobs.
pub async fn statistics_chart(State(state): State<Arc<AppState>>, RawQuery(query): RawQuery) -> Answer {
    let query = query_pairs(query.as_deref());
    let (start, end) = period(&query)?;
    let mut days: Vec<Day> = Vec::new();
    for (date, cost, characters) in tts_usage(&state, start, end) {
        match days.iter_mut().find(|d| d.date == date) {
            Some(day) => {
                day.cost += cost;
                day.characters += characters;
                day.jobs += 1;
            }
            None => days.push(Day { date, cost, characters, jobs: 1 }),
        }
    }
    let series = |unit: &str, value: fn(&Day) -> Value| -> Vec<Value> {
        days.iter()
            .map(|d| json!({"date": format!("{}T00:00:00.000Z", d.date), "value": value(d), "unit": unit}))
            .collect()
    };
    Ok(envelope::ok(json!({
        "cost": series("USD", |d| json!(d.cost)),
        "requests": series("requests", |d| json!(d.jobs)),
        "transcription": series("samples", |_| json!(0)),
        "tokens": series("characters", |d| json!(d.characters)),
    })))
}

/// A secret as the API shows it: never its value.
fn public_secret(secret: &crate::store::ProjectSecret) -> Value {
    json!({
        "id": secret.id, "name": secret.name, "description": secret.description, "tags": secret.tags,
        "lastAccessedAt": null, "createdAt": secret.created_at, "updatedAt": secret.updated_at,
    })
}

fn tags(body: &Value) -> Result<Option<Vec<String>>, envelope::Rejection> {
    match body.get("tags") {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Array(tags)) => tags
            .iter()
            .map(|t| t.as_str().map(str::to_owned).ok_or_else(|| bad_request("tags must be strings")))
            .collect::<Result<_, _>>()
            .map(Some),
        Some(_) => Err(bad_request("tags must be a list")),
    }
}

pub async fn create_secret(State(state): State<Arc<AppState>>, Json(body): Json<Value>) -> Answer {
    let name = required(&body, "name")?.to_owned();
    let value = required(&body, "value")?.to_owned();
    let tags = tags(&body)?.unwrap_or_default();
    let mut store = state.store();
    if store.secrets.iter().any(|s| s.name == name) {
        return Err(envelope::reject(StatusCode::CONFLICT, "A secret with this name exists", "SECRET_EXISTS"));
    }
    let now = clock::now_iso();
    let secret = crate::store::ProjectSecret {
        id: store.new_id(),
        name,
        value,
        description: body.get("description").and_then(Value::as_str).map(str::to_owned),
        tags,
        created_at: now.clone(),
        updated_at: now,
    };
    let shown = public_secret(&secret);
    store.secrets.push(secret);
    Ok(envelope::ok(shown))
}

pub async fn update_secret(
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
    Json(body): Json<Value>,
) -> Answer {
    let text = |field: &str| match body.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(_) => required(&body, field).map(|v| Some(v.to_owned())),
    };
    let (name, value, description) = (text("name")?, text("value")?, text("description")?);
    let tags = tags(&body)?;
    let mut store = state.store();
    let secret = store.secrets.iter_mut().find(|s| s.id == id).ok_or_else(|| not_found("Secret not found"))?;
    if let Some(name) = name {
        secret.name = name;
    }
    if let Some(value) = value {
        secret.value = value;
    }
    if description.is_some() {
        secret.description = description;
    }
    if let Some(tags) = tags {
        secret.tags = tags;
    }
    secret.updated_at = clock::now_iso();
    Ok(envelope::ok(public_secret(secret)))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_wav_is_well_formed() {
        let wav = super::silent_wav();
        assert_eq!(&wav[..4], b"RIFF");
        assert_eq!(u32::from_le_bytes(wav[4..8].try_into().unwrap()) as usize, wav.len() - 8);
        assert_eq!(&wav[36..40], b"data");
    }
}
