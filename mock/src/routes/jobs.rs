//! Speech jobs: batch transcription (v1 and v2), the job lists and views, and AI content. See
//! `crate::jobs` for a job's life on the mock's clock.

use super::{AppState, json_object, query_pairs, query_value};
use crate::clock;
use crate::envelope::{self, Answer, Rejection, bad_request, not_found, required};
use crate::jobs::{self, JobKind, Part, SpeechJob};
use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use serde_json::{Value, json};
use std::sync::Arc;

const MODELS: &[&str] = &["Hamsa-General-V2.0", "Hamsa-Conversational-V1.0"];

fn media_url(body: &Value) -> Result<String, Rejection> {
    let url = required(body, "mediaUrl")?;
    match url::Url::parse(url) {
        Ok(parsed) if matches!(parsed.scheme(), "http" | "https") => Ok(url.to_owned()),
        _ => Err(bad_request("mediaUrl must be an http or https URL")),
    }
}

fn text(body: &Value, field: &str) -> Option<String> {
    body.get(field).and_then(Value::as_str).map(str::to_owned)
}

fn new_job(state: &AppState, kind: JobKind, body: &Value, media: Option<String>) -> SpeechJob {
    let now = clock::now_ms();
    let fails = media.as_deref().is_some_and(jobs::asks_to_fail);
    SpeechJob {
        id: state.store().new_id(),
        kind,
        title: text(body, "title").unwrap_or_else(|| "Untitled".into()),
        media_url: media,
        model: text(body, "model").unwrap_or_else(|| MODELS[0].into()),
        language: text(body, "language").unwrap_or_else(|| "ar".into()),
        processing_type: text(body, "processingType").unwrap_or_else(|| "async".into()),
        webhook_url: text(body, "webhookUrl"),
        fails,
        relevant_job_id: None,
        parts: Vec::new(),
        srt: body.get("returnSrtFormat").and_then(Value::as_bool).unwrap_or(false),
        created_at_ms: now,
        ends_at_ms: now + state.config.job_duration.as_millis() as i64,
    }
}

/// `POST /v1/jobs/transcribe`.
pub async fn transcribe(State(state): State<Arc<AppState>>, body: Bytes) -> Answer {
    let body = Value::Object(json_object(&body)?);
    let media = media_url(&body)?;
    let model = required(&body, "model")?;
    if !MODELS.contains(&model) {
        return Err(bad_request("model must be Hamsa-General-V2.0 or Hamsa-Conversational-V1.0"));
    }
    let srt = body.get("returnSrtFormat").and_then(Value::as_bool).unwrap_or(false);
    if body.get("srtOptions").is_some_and(|o| !o.is_null()) && !srt {
        return Err(bad_request("srtOptions requires returnSrtFormat: true"));
    }
    let job = new_job(&state, JobKind::Transcription, &body, Some(media));
    let id = job.id.clone();
    jobs::start(&state, job, jobs::webhook_of(&body));
    Ok(envelope::ok_with(json!({"jobId": id}), "Transcription job created successfully", "OPERATION_SUCCESSFUL"))
}

/// `POST /v2/jobs`: type TRANSCRIPTION only.
pub async fn create_v2(State(state): State<Arc<AppState>>, body: Bytes) -> Answer {
    let body = Value::Object(json_object(&body)?);
    if required(&body, "type")? != "TRANSCRIPTION" {
        return Err(bad_request("type must be TRANSCRIPTION"));
    }
    required(&body, "apiKey")?;
    let media = media_url(&body)?;
    required(&body, "title")?;
    language(&body, "language", &["ar", "en"])?;
    let job = new_job(&state, JobKind::Transcription, &body, Some(media));
    let id = job.id.clone();
    jobs::start(&state, job, jobs::webhook_of(&body));
    Ok(envelope::ok_with(
        json!({"jobId": id}),
        "Transcription started, you will be notified when it is done",
        "OPERATION_SUCCESSFUL",
    ))
}

fn language(body: &Value, field: &str, allowed: &[&str]) -> Result<(), Rejection> {
    let value = required(body, field)?;
    if allowed.contains(&value) { Ok(()) } else { Err(bad_request(&format!("{field} must be one of {allowed:?}"))) }
}

/// `GET /v2/jobs`: paged by `page`/`perPage` (both required), of one `type`.
pub async fn list_v2(State(state): State<Arc<AppState>>, RawQuery(query): RawQuery) -> Answer {
    let query = query_pairs(query.as_deref());
    jobs::check_project(query_value(&query, "projectId"))?;
    let number = |name: &str| -> Result<usize, Rejection> {
        let value = query_value(&query, name).ok_or_else(|| bad_request(&format!("{name} is required")))?;
        value.parse::<usize>().ok().filter(|n| *n >= 1).ok_or_else(|| bad_request(&format!("{name} must be >= 1")))
    };
    let (page, per_page) = (number("page")?, number("perPage")?);
    let kind = query_value(&query, "type").ok_or_else(|| bad_request("type is required"))?;
    let status = query_value(&query, "status");
    let search = query_value(&query, "search").map(str::to_lowercase);
    let store = state.store();
    let mut matching: Vec<&SpeechJob> = store
        .jobs
        .iter()
        .filter(|j| j.kind.wire() == kind)
        .filter(|j| status.is_none_or(|s| j.status() == s))
        .filter(|j| search.as_deref().is_none_or(|s| j.title.to_lowercase().contains(s)))
        .collect();
    if query_value(&query, "orderBy") != Some("asc") {
        matching.reverse();
    }
    let total = matching.len();
    let jobs: Vec<Value> =
        matching.iter().skip((page - 1) * per_page).take(per_page).map(|j| j.to_list_entry()).collect();
    Ok(envelope::ok(json!({
        "jobs": jobs, "page": page, "totalCount": total, "totalPages": total.div_ceil(per_page),
    })))
}

/// `POST /v1/jobs/all?projectId=`: filters, sort and `skip`/`take` paging in the body.
pub async fn search(State(state): State<Arc<AppState>>, RawQuery(query): RawQuery, body: Bytes) -> Answer {
    let query = query_pairs(query.as_deref());
    jobs::check_project(query_value(&query, "projectId"))?;
    let body = if body.is_empty() { Value::Object(Default::default()) } else { Value::Object(json_object(&body)?) };
    let count = |name: &str, default: usize| -> Result<usize, Rejection> {
        match body.get(name) {
            None | Some(Value::Null) => Ok(default),
            Some(v) => v
                .as_u64()
                .filter(|n| *n >= 1)
                .map(|n| n as usize)
                .ok_or_else(|| bad_request(&format!("{name} must be an integer >= 1"))),
        }
    };
    let (skip, take) = (count("skip", 1)?, count("take", 10)?);
    let status = text(&body, "status");
    let kind = text(&body, "type");
    let search = text(&body, "search").map(|s| s.to_lowercase());
    let store = state.store();
    let mut matching: Vec<&SpeechJob> = store
        .jobs
        .iter()
        .filter(|j| kind.as_deref().is_none_or(|k| j.kind.wire() == k))
        .filter(|j| status.as_deref().is_none_or(|s| j.status() == s))
        .filter(|j| search.as_deref().is_none_or(|s| j.title.to_lowercase().contains(s)))
        .collect();
    let ascending = body.pointer("/sort/direction").and_then(Value::as_str) == Some("asc");
    if !ascending {
        matching.reverse();
    }
    let filtered = matching.len();
    let jobs: Vec<Value> = matching.iter().skip((skip - 1) * take).take(take).map(|j| j.to_summary()).collect();
    Ok(envelope::ok(json!({"jobs": jobs, "total": store.jobs.len(), "filtered": filtered})))
}

/// `GET /v2/jobs/view/{id}?projectId=`.
pub async fn view(State(state): State<Arc<AppState>>, Path(id): Path<String>, RawQuery(query): RawQuery) -> Answer {
    let query = query_pairs(query.as_deref());
    jobs::check_project(query_value(&query, "projectId"))?;
    let summary = state.store().jobs.iter().find(|j| j.id == id).map(SpeechJob::to_summary);
    Ok(envelope::ok(summary.ok_or_else(|| not_found("Job not found"))?))
}

/// The speech job `GET /v1/jobs` answers, when `id` is one.
pub fn job_json(state: &AppState, id: &str) -> Option<Value> {
    state.store().jobs.iter().find(|j| j.id == id).map(SpeechJob::to_job)
}

/// The completed transcription an AI content request names in `?jobId=`.
fn source_transcription(state: &AppState, query: &[(String, String)]) -> Result<SpeechJob, Rejection> {
    let id = query_value(query, "jobId").filter(|v| !v.is_empty()).ok_or_else(|| bad_request("jobId is required"))?;
    let job = state.store().jobs.iter().find(|j| j.id == id).cloned().ok_or_else(|| not_found("Job not found"))?;
    if job.kind != JobKind::Transcription {
        return Err(bad_request("jobId must be a transcription job"));
    }
    if job.status() != "COMPLETED" {
        return Err(bad_request("the transcription job has not completed"));
    }
    Ok(job)
}

fn ai_job(state: &AppState, source: &SpeechJob, parts: Vec<Part>, body: &Value) -> SpeechJob {
    let mut job = new_job(state, JobKind::AiContent, body, source.media_url.clone());
    job.title = format!("AI content: {}", source.title);
    job.model = source.model.clone();
    job.fails = false;
    job.relevant_job_id = Some(source.id.clone());
    job.parts = parts;
    job
}

/// `POST /v1/jobs/ai-content?jobId=`: `{aiParts: [name, ..]}` (at least one).
pub async fn create_ai_content(State(state): State<Arc<AppState>>, RawQuery(query): RawQuery, body: Bytes) -> Answer {
    let query = query_pairs(query.as_deref());
    let source = source_transcription(&state, &query)?;
    let body = Value::Object(json_object(&body)?);
    let names = part_names(&body)?;
    let parts = names.into_iter().map(|name| Part { name, prompt: None }).collect();
    let job = ai_job(&state, &source, parts, &body);
    let answer = job.to_job();
    jobs::start(&state, job, None);
    Ok(envelope::ok(answer))
}

fn part_names(body: &Value) -> Result<Vec<String>, Rejection> {
    let names: Vec<String> = body
        .get("aiParts")
        .and_then(Value::as_array)
        .map(|parts| parts.iter().filter_map(|p| p.as_str().map(str::to_owned)).collect())
        .unwrap_or_default();
    if names.is_empty() { Err(bad_request("aiParts must name at least one part")) } else { Ok(names) }
}

/// `POST /v1/jobs/ai-content/custom?jobId=`: parts as `{aiPart, language, prompt}`, or names with `prompts`.
pub async fn create_custom(State(state): State<Arc<AppState>>, RawQuery(query): RawQuery, body: Bytes) -> Answer {
    let query = query_pairs(query.as_deref());
    let source = source_transcription(&state, &query)?;
    let body = Value::Object(json_object(&body)?);
    let items = body.get("aiParts").and_then(Value::as_array).cloned().unwrap_or_default();
    if items.is_empty() {
        return Err(bad_request("aiParts must name at least one part"));
    }
    let prompts = body.get("prompts").and_then(Value::as_object);
    let mut parts = Vec::new();
    for item in &items {
        match item {
            Value::String(name) => {
                let prompt = prompts.and_then(|p| p.get(name)).and_then(Value::as_str).map(str::to_owned);
                parts.push(Part { name: name.clone(), prompt });
            }
            Value::Object(_) => {
                let name = required(item, "aiPart")?.to_owned();
                let prompt = required(item, "prompt")?.to_owned();
                parts.push(Part { name, prompt: Some(prompt) });
            }
            _ => return Err(bad_request("aiParts items are part names or {aiPart, language, prompt}")),
        }
    }
    let job = ai_job(&state, &source, parts, &body);
    let answer = job.to_job();
    jobs::start(&state, job, jobs::webhook_of(&body));
    Ok(envelope::ok(answer))
}

/// `GET /v1/jobs/ai-content?jobId=`: an AI content job.
pub async fn get_ai_content(State(state): State<Arc<AppState>>, RawQuery(query): RawQuery) -> Answer {
    let query = query_pairs(query.as_deref());
    let id = query_value(&query, "jobId").ok_or_else(|| bad_request("jobId is required"))?;
    let store = state.store();
    let job = store.jobs.iter().find(|j| j.id == id && j.kind == JobKind::AiContent);
    Ok(envelope::ok(job.map(SpeechJob::to_job).ok_or_else(|| not_found("AI content not found"))?))
}

/// `GET /v1/jobs/ai-content/estimate?jobId=`: a cost from the transcript's length.
pub async fn estimate(State(state): State<Arc<AppState>>, RawQuery(query): RawQuery) -> Answer {
    let query = query_pairs(query.as_deref());
    let source = source_transcription(&state, &query)?;
    let words = jobs::TRANSCRIPT.split_whitespace().count() as f64;
    let _ = source;
    Ok(envelope::ok(json!({"data": words / 1000.0, "error": false})))
}

/// `POST /v2/jobs/generate-transcription-ai-content`: one job that transcribes and writes one part.
pub async fn create_with_transcription(State(state): State<Arc<AppState>>, body: Bytes) -> Answer {
    let body = Value::Object(json_object(&body)?);
    required(&body, "apiKey")?;
    let media = media_url(&body)?;
    let title = required(&body, "title")?;
    if title.chars().count() > 500 {
        return Err(bad_request("title must be at most 500 characters"));
    }
    language(&body, "language", &["ar", "en"])?;
    let names = part_names(&body)?;
    if names.len() != 1 {
        return Err(bad_request("aiParts must have exactly one element"));
    }
    let mut job = new_job(&state, JobKind::AiContent, &body, Some(media));
    job.parts = names.into_iter().map(|name| Part { name, prompt: None }).collect();
    let id = job.id.clone();
    jobs::start(&state, job, jobs::webhook_of(&body));
    Ok(envelope::ok_with(
        json!({"jobId": id}),
        "AI Content started, you will be notified when it is done",
        "OPERATION_SUCCESSFUL",
    ))
}
