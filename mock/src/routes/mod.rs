//! The routes the mock serves (the SDK's routes), over one shared state.

mod analytics;
mod calls;
mod conversations;
mod jobs;
mod knowledge_base;
mod phone_numbers;
mod projects;
mod tts;
mod voice_agents;
mod voice_dictionaries;
mod web_calls;
mod web_tools;

use crate::config::MockConfig;
use crate::envelope;
use crate::store::Store;
use axum::Router;
use axum::http::StatusCode;
use axum::routing::{delete, get, patch, post};
use std::sync::atomic::AtomicU64;
use std::sync::{Arc, Mutex};

pub struct AppState {
    pub config: MockConfig,
    pub store: Mutex<Store>,
    /// Requests that passed authentication, for the 429 bursts.
    pub requests: AtomicU64,
    rng: Mutex<fastrand::Rng>,
    pub webhook_client: reqwest::Client,
}

impl AppState {
    pub fn new(config: MockConfig) -> Self {
        let rng = config.seed.map_or_else(fastrand::Rng::new, fastrand::Rng::with_seed);
        Self {
            config,
            store: Mutex::new(Store::default()),
            requests: AtomicU64::new(0),
            rng: Mutex::new(rng),
            webhook_client: reqwest::Client::new(),
        }
    }

    /// True with probability `chance`.
    pub fn roll(&self, chance: f64) -> bool {
        chance > 0.0 && self.rng.lock().unwrap_or_else(|p| p.into_inner()).f64() < chance
    }

    pub fn store(&self) -> std::sync::MutexGuard<'_, Store> {
        self.store.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// The `messageKey` of the answer to a route the mock does not serve (a test walks the SDK's endpoint
/// table and fails on any answer carrying it).
pub const ROUTE_NOT_SERVED: &str = "MOCK_ROUTE_NOT_SERVED";

pub fn router(state: Arc<AppState>) -> Router {
    Router::new()
        .route("/v1/voice-agents/call", post(calls::create))
        .route("/v1/voice-agents/twilio/call", post(calls::create_twilio))
        .route("/v1/voice-agents/phone-number/call", post(calls::create_with_phone_number))
        .route("/v1/voice-agents/phone-number", post(phone_numbers::add).get(phone_numbers::get))
        .route("/v1/voice-agents/twilio/phone-number", post(phone_numbers::add_twilio))
        .route("/v1/voice-agents/phone-number/list", get(phone_numbers::list))
        .route("/v1/voice-agents/assign-number", post(phone_numbers::assign))
        .route("/v1/voice-agents/twilio/assign-number", post(phone_numbers::assign_twilio))
        .route("/v1/voice-agents/unassign", post(phone_numbers::unassign))
        .route("/v1/jobs", get(conversations::get_job))
        .route("/v1/jobs/transcribe", post(jobs::transcribe))
        .route("/v2/jobs", post(jobs::create_v2).get(jobs::list_v2))
        .route("/v1/jobs/all", post(jobs::search))
        .route("/v2/jobs/view/{id}", get(jobs::view))
        .route("/v1/jobs/ai-content", post(jobs::create_ai_content).get(jobs::get_ai_content))
        .route("/v1/jobs/ai-content/custom", post(jobs::create_custom))
        .route("/v1/jobs/ai-content/estimate", get(jobs::estimate))
        .route("/v2/jobs/generate-transcription-ai-content", post(jobs::create_with_transcription))
        .route("/v1/voice-agents/conversation/{id}", get(conversations::get))
        .route("/v1/voice-agents/conversations/minimal-list", get(conversations::list))
        .route("/v1/voice-agents/knowledge-base", post(knowledge_base::create))
        .route("/v1/voice-agents/knowledge-base/list", get(knowledge_base::list))
        .route("/v1/voice-agents/knowledge-base/{id}", get(knowledge_base::get).patch(knowledge_base::update))
        .route("/v1/voice-agents/knowledge-base/{id}/url", delete(knowledge_base::delete_url))
        .route("/v1/voice-agents/voice-dictionaries", post(voice_dictionaries::create))
        .route("/v1/voice-agents/voice-dictionaries/list", get(voice_dictionaries::list))
        .route("/v1/voice-agents/voice-dictionaries/toggle-activation", post(voice_dictionaries::set_active))
        .route("/v1/voice-agents/voice-dictionaries/{id}", axum::routing::patch(voice_dictionaries::update))
        .route("/v1/agent-analytics/overview", get(analytics::overview))
        .route("/v1/agent-analytics/performance", get(analytics::performance))
        .route("/v1/agent-analytics/satisfaction", get(analytics::satisfaction))
        .route("/v2/voice-agents", post(voice_agents::create).get(voice_agents::list))
        .route("/v2/voice-agents/{id}", get(voice_agents::get).patch(voice_agents::update))
        .route("/v1/voice-agents", post(voice_agents::create_v1).get(voice_agents::list_v1))
        .route("/v1/voice-agents/clone", post(voice_agents::clone))
        .route("/v1/voice-agents/{id}", get(voice_agents::get_v1).patch(voice_agents::update_v1))
        .route("/v2/voice-agents/web-tool", post(web_tools::create))
        .route("/v2/voice-agents/web-tool/list", get(web_tools::list))
        .route("/v2/voice-agents/web-tool/version-check", post(web_tools::check_versions))
        .route("/v2/voice-agents/web-tool/{id}", patch(web_tools::update))
        .route("/v1/voice-agents/web-tool", post(web_tools::create_v1))
        .route("/v1/voice-agents/web-tool/list", get(web_tools::list_v1))
        .route("/v1/voice-agents/web-tool/test-api-tool", post(web_tools::test))
        .route("/v1/voice-agents/web-tool/{id}", get(web_tools::get).patch(web_tools::update_v1))
        .route("/v1/voice-agents/room/participant-token", post(web_calls::create_token))
        .route("/v1/voice-agents/room/conversation-init", post(web_calls::init))
        .route("/v1/voice-agents/conversation-init", post(web_calls::init_legacy))
        .route("/v1/projects/by-api-key", get(projects::get))
        .route("/v1/jobs/text-to-speech", post(tts::create_job))
        .route("/v2/tts/voices", post(tts::create_voice).get(tts::list_voices))
        .route("/v2/tts/voices/custom/preload", post(tts::preload_voice))
        .route("/v2/tts/voices/extract-transcription", post(tts::extract_transcription))
        .route("/v2/tts/histories", post(tts::create_history).get(tts::list_histories))
        .route("/v2/tts/histories/{id}", get(tts::get_history))
        .route("/v1/projects/statistics/numbers", get(tts::statistics_totals))
        .route("/v1/projects/statistics/chart", get(tts::statistics_chart))
        .route("/v1/projects/secrets", post(tts::create_secret))
        .route("/v1/projects/secrets/{id}", patch(tts::update_secret))
        .fallback(|| async {
            envelope::reject(StatusCode::NOT_FOUND, "No such route in the Hamsa mock", ROUTE_NOT_SERVED)
        })
        .method_not_allowed_fallback(|| async {
            envelope::reject(
                StatusCode::METHOD_NOT_ALLOWED,
                "The Hamsa mock serves this path with another method",
                ROUTE_NOT_SERVED,
            )
        })
        .layer(axum::middleware::from_fn_with_state(state.clone(), crate::faults::guard))
        // Media files are fetched without the API key, as from a CDN.
        .route("/media/tts/{file}", get(tts::media))
        .with_state(state)
}

/// A URL on this machine (the mock delivers webhooks only there).
pub fn is_loopback_url(raw: &str) -> bool {
    match url::Url::parse(raw).ok().and_then(|url| url.host().map(|h| h.to_owned())) {
        Some(url::Host::Domain(name)) => name == "localhost",
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    }
}

/// The query string as pairs, repeated keys kept.
pub fn query_pairs(raw: Option<&str>) -> Vec<(String, String)> {
    url::form_urlencoded::parse(raw.unwrap_or_default().as_bytes()).into_owned().collect()
}

pub fn query_value<'a>(pairs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    pairs.iter().find(|(key, _)| key == name).map(|(_, value)| value.as_str())
}

/// A JSON body that may be absent or malformed: an object, or the 422 the API gives (for routes whose
/// method usually has no body, where axum's `Json` extractor would answer in plain text).
pub fn json_object(body: &[u8]) -> Result<serde_json::Map<String, serde_json::Value>, envelope::Rejection> {
    match serde_json::from_slice(body) {
        Ok(serde_json::Value::Object(map)) => Ok(map),
        _ => Err(envelope::bad_request("the body must be a JSON object")),
    }
}

/// `skip` (1-based page) and `take` (page size) of a list, with the API's defaults (1, 10).
pub fn skip_take(query: &[(String, String)]) -> (usize, usize) {
    let page = query_value(query, "skip").and_then(|v| v.parse().ok()).unwrap_or(1usize).max(1);
    let take = query_value(query, "take").and_then(|v| v.parse().ok()).unwrap_or(10usize).max(1);
    (page, take)
}

/// E.164, as the SDK checks it.
pub fn is_e164(number: &str) -> bool {
    number.strip_prefix('+').is_some_and(|digits| {
        (7..=15).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit()) && !digits.starts_with('0')
    })
}
