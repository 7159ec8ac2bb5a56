//! Speech jobs in the mock: transcriptions and AI content. A job is PENDING until the mock's clock has
//! moved `job_duration` past its creation, then COMPLETED (or FAILED when its media URL asks for it with
//! `mockOutcome=failed`). A transcription's transcript is fixed; AI content parts are made from the
//! transcript of the job they come from. A job with a loopback webhook gets its result POSTed there,
//! with its `webhookAuth` as the `Authorization` header.

use crate::clock;
use crate::routes::AppState;
use crate::store::{PROJECT_ID, USER_ID};
use serde_json::{Map, Value, json};
use std::sync::Arc;
use std::time::Duration;

/// What every transcription of the mock says.
pub const TRANSCRIPT: &str = "Welcome to Hamsa. This is the mock's transcript of your media. Thank you for listening.";

/// The API-key record id the mock's jobs name.
pub const API_KEY_ID: &str = "00000000-0000-4000-8000-000000000003";

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JobKind {
    Transcription,
    AiContent,
}

impl JobKind {
    pub fn wire(&self) -> &'static str {
        match self {
            JobKind::Transcription => "TRANSCRIPTION",
            JobKind::AiContent => "AI_CONTENT",
        }
    }
}

/// One AI content part asked for: its name and, for a custom part, its prompt.
#[derive(Clone, Debug)]
pub struct Part {
    pub name: String,
    pub prompt: Option<String>,
}

#[derive(Clone, Debug)]
pub struct SpeechJob {
    pub id: String,
    pub kind: JobKind,
    pub title: String,
    pub media_url: Option<String>,
    pub model: String,
    pub language: String,
    pub processing_type: String,
    pub webhook_url: Option<String>,
    pub fails: bool,
    /// The transcription an AI content job is made from.
    pub relevant_job_id: Option<String>,
    pub parts: Vec<Part>,
    pub srt: bool,
    pub created_at_ms: i64,
    pub ends_at_ms: i64,
}

impl SpeechJob {
    pub fn status(&self) -> &'static str {
        if clock::now_ms() < self.ends_at_ms {
            "PENDING"
        } else if self.fails {
            "FAILED"
        } else {
            "COMPLETED"
        }
    }

    fn cost(&self) -> f64 {
        match self.kind {
            JobKind::Transcription => 0.05,
            JobKind::AiContent => 0.02 * self.parts.len().max(1) as f64,
        }
    }

    /// The result once COMPLETED, else null.
    pub fn job_response(&self) -> Value {
        if self.status() != "COMPLETED" {
            return Value::Null;
        }
        match self.kind {
            JobKind::Transcription => {
                let mut response = json!({"text": TRANSCRIPT, "segments": segments()});
                if self.srt {
                    response["srt"] = json!(srt());
                }
                response
            }
            JobKind::AiContent => {
                let mut parts = Map::new();
                for part in &self.parts {
                    parts.insert(part.name.clone(), json!(write_part(part)));
                }
                parts.insert("transcriptionJobId".into(), json!(self.relevant_job_id));
                Value::Object(parts)
            }
        }
    }

    /// The Job (v1) shape: `GET /v1/jobs`, the AI content routes, webhooks.
    pub fn to_job(&self) -> Value {
        json!({
            "id": self.id, "title": self.title, "model": self.model, "type": self.kind.wire(),
            "processingType": self.processing_type, "webhookUrl": self.webhook_url,
            "totalCost": self.cost(), "usageTime": "00:00:07", "fromLng": self.language, "toLng": self.language,
            "mediaUrl": self.media_url, "jobResponse": self.job_response(), "fromScript": null, "toScript": null,
            "status": self.status(), "relevantJobId": self.relevant_job_id, "apiKeyId": API_KEY_ID,
            "billingId": null, "systemModelKey": system_model_key(&self.model), "voiceAgentId": null,
            "createdAt": clock::iso(self.created_at_ms), "updatedAt": clock::iso(self.created_at_ms.max(self.ends_at_ms.min(clock::now_ms()))),
        })
    }

    /// The summary shape (`POST /v1/jobs/all` items, `GET /v2/jobs/view/{id}`).
    pub fn to_summary(&self) -> Value {
        let mut attributes =
            json!({"apiKey": API_KEY_ID, "mediaUrl": self.media_url, "model": self.model, "duration": 7});
        if self.kind == JobKind::AiContent {
            attributes["aiContentParts"] = json!(self.parts.iter().map(|p| p.name.clone()).collect::<Vec<_>>());
            attributes["sourceJob"] = json!(self.relevant_job_id);
        }
        json!({
            "id": self.id, "title": self.title, "type": self.kind.wire(), "url": self.media_url,
            "status": self.status(), "cost": self.cost(), "systemModelKey": system_model_key(&self.model),
            "relevantJobId": self.relevant_job_id, "attributes": attributes, "apiKey": API_KEY_ID,
            "createdBy": USER_ID, "createdAt": clock::iso(self.created_at_ms), "updatedAt": clock::iso(self.created_at_ms),
        })
    }

    /// An item of `GET /v2/jobs`.
    pub fn to_list_entry(&self) -> Value {
        json!({
            "id": self.id, "title": self.title, "mediaUrl": self.media_url, "mediaType": "URL",
            "totalCost": self.cost(), "status": self.status(), "createdAt": clock::iso(self.created_at_ms),
        })
    }
}

fn system_model_key(model: &str) -> String {
    model.to_uppercase().replace('-', "_")
}

fn sentences() -> Vec<&'static str> {
    TRANSCRIPT.split_inclusive(". ").map(str::trim).collect()
}

fn segments() -> Value {
    let mut start = 0.0;
    let list: Vec<Value> = sentences()
        .into_iter()
        .map(|text| {
            let end = start + 2.5;
            let segment = json!({"start": start, "end": end, "text": text});
            start = end;
            segment
        })
        .collect();
    json!(list)
}

fn srt() -> String {
    sentences()
        .into_iter()
        .enumerate()
        .map(|(i, text)| {
            let (from, to) = (i as u64 * 2500, (i as u64 + 1) * 2500);
            let t = |ms: u64| format!("00:00:{:02},{:03}", ms / 1000, ms % 1000);
            format!("{}\n{} --> {}\n{text}\n", i + 1, t(from), t(to))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A part of AI content, made from the transcript.
fn write_part(part: &Part) -> String {
    let first = sentences().first().copied().unwrap_or(TRANSCRIPT);
    match (part.name.as_str(), &part.prompt) {
        (_, Some(prompt)) => format!("{} ({prompt}): {TRANSCRIPT}", part.name),
        ("summary", None) => format!("Summary: {TRANSCRIPT}"),
        ("titles", None) => first.trim_end_matches('.').to_owned(),
        ("keywords", None) => "Hamsa, transcript, media".to_owned(),
        ("faq", None) => format!("Q: What is said? A: {TRANSCRIPT}"),
        (name, None) => format!("{name}: {TRANSCRIPT}"),
    }
}

/// `mockOutcome=failed` in a media URL's query makes its job fail.
pub fn asks_to_fail(media_url: &str) -> bool {
    url::Url::parse(media_url)
        .map(|url| url.query_pairs().any(|(k, v)| k == "mockOutcome" && v.eq_ignore_ascii_case("failed")))
        .unwrap_or(false)
}

/// Where and how to deliver a job's result.
#[derive(Clone, Debug)]
pub struct JobWebhook {
    pub url: String,
    pub authorization: Option<String>,
}

/// The webhook of a job's request, when it is on this machine (the mock calls no other host).
pub fn webhook_of(body: &Value) -> Option<JobWebhook> {
    let url = body.get("webhookUrl")?.as_str()?.to_owned();
    if !crate::routes::is_loopback_url(&url) {
        return None;
    }
    let authorization = body
        .get("webhookAuth")
        .and_then(|auth| Some(format!("{} {}", auth.get("authKey")?.as_str()?, auth.get("authSecret")?.as_str()?)));
    Some(JobWebhook { url, authorization })
}

/// Stores a job and, when it has a webhook, POSTs the job there once it has ended.
pub fn start(state: &Arc<AppState>, job: SpeechJob, webhook: Option<JobWebhook>) {
    let id = job.id.clone();
    let wait = Duration::from_millis((job.ends_at_ms - clock::now_ms()).max(0) as u64);
    state.store().jobs.push(job);
    if let Some(webhook) = webhook {
        let state = state.clone();
        tokio::spawn(async move {
            tokio::time::sleep(wait + Duration::from_millis(5)).await;
            let Some(job) = state.store().jobs.iter().find(|j| j.id == id).map(SpeechJob::to_job) else { return };
            let mut request = state
                .webhook_client
                .post(&webhook.url)
                .header("content-type", "application/json")
                .body(job.to_string())
                .timeout(Duration::from_secs(5));
            if let Some(authorization) = &webhook.authorization {
                request = request.header("authorization", authorization);
            }
            match request.send().await {
                Ok(response) if response.status().is_success() => {}
                Ok(response) => tracing::warn!(job = id, status = response.status().as_u16(), "job webhook refused"),
                Err(error) => tracing::warn!(job = id, %error, "job webhook delivery failed"),
            }
        });
    }
}

/// The project id the job routes take must be the API key's.
pub fn check_project(project_id: Option<&str>) -> Result<(), crate::envelope::Rejection> {
    match project_id {
        None | Some("") => Err(crate::envelope::bad_request("projectId is required")),
        Some(PROJECT_ID) => Ok(()),
        Some(_) => Err(crate::envelope::not_found("Project not found")),
    }
}
