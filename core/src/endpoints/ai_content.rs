//! Arguments of the AI content endpoints (summaries, articles, FAQs made from a transcription).

use crate::error::{Error, Result};
use crate::models::{AiPart, WebhookAuth};
use crate::validate::{self, Validate};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

fn non_empty_parts<T>(parts: &[T]) -> Result<()> {
    if parts.is_empty() { Err(Error::invalid_argument("aiParts", "must name at least one part")) } else { Ok(()) }
}

/// `ai_content.create`: the standard parts of a finished transcription job (`jobId` goes in the query).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CreateAiContentParams {
    /// The transcription job the content is made from.
    pub job_id: String,
    /// The parts to write (at least one).
    pub ai_parts: Vec<AiPart>,
}

impl Validate for CreateAiContentParams {
    fn validate(&self) -> Result<()> {
        validate::non_empty("jobId", &self.job_id)?;
        non_empty_parts(&self.ai_parts)
    }
}

/// One part written from a prompt of your own (the newest body shape of `ai_content.create_custom`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CustomAiPart {
    /// The part's title.
    pub ai_part: String,
    /// e.g. `ar` or `en`.
    pub language: String,
    pub prompt: String,
}

/// An element of `ai_content.create_custom`'s `aiParts`: a custom part (`{aiPart, language, prompt}`, the
/// newest shape) or a standard part's name (the older shape, with its prompt in `prompts`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(untagged)]
pub enum CustomAiPartItem {
    Custom(CustomAiPart),
    Named(AiPart),
}

/// `ai_content.create_custom`: parts written from your own prompts (`jobId` goes in the query). Either
/// shape the API documents: `aiParts` as `{aiPart, language, prompt}` objects, or as part names with
/// `prompts` keyed by part name.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CreateCustomAiContentParams {
    /// The transcription job the content is made from.
    pub job_id: String,
    /// At least one part: `{aiPart, language, prompt}` objects, or standard part names (with `prompts`).
    /// The bindings see each element as JSON (either shape).
    #[schemars(with = "Vec<serde_json::Value>")]
    pub ai_parts: Vec<CustomAiPartItem>,
    /// The older shape: a prompt per named part.
    pub prompts: Option<BTreeMap<String, String>>,
    /// Where the result is POSTed (https; plain http only to loopback).
    pub webhook_url: Option<String>,
    /// Sent back to the webhook as its `Authorization` header.
    pub webhook_auth: Option<WebhookAuth>,
}

impl Validate for CreateCustomAiContentParams {
    fn validate(&self) -> Result<()> {
        validate::non_empty("jobId", &self.job_id)?;
        non_empty_parts(&self.ai_parts)?;
        for item in &self.ai_parts {
            if let CustomAiPartItem::Custom(part) = item {
                validate::non_empty("aiParts.aiPart", &part.ai_part)?;
                validate::non_empty("aiParts.prompt", &part.prompt)?;
            }
        }
        let has_custom = self.ai_parts.iter().any(|p| matches!(p, CustomAiPartItem::Custom(_)));
        if has_custom && self.prompts.is_some() {
            return Err(Error::invalid_argument(
                "prompts",
                "goes with named parts only; custom parts carry their prompt",
            ));
        }
        validate::optional_webhook_url("webhookUrl", self.webhook_url.as_deref())
    }
}

/// `ai_content.get` and `ai_content.estimate`: one AI content job's id.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AiContentJobParams {
    /// For `get`, the AI content job; for `estimate`, the transcription job the content would be made from.
    pub job_id: String,
}

impl Validate for AiContentJobParams {
    fn validate(&self) -> Result<()> {
        validate::non_empty("jobId", &self.job_id)
    }
}

/// `ai_content.create_with_transcription`: transcribe a media URL and write one AI part, in one job (v2).
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CreateTranscriptionAiContentParams {
    /// The API key's identifier (a uuid; not the secret key).
    pub api_key: String,
    /// The media to transcribe (an http or https URL).
    pub media_url: String,
    /// 1 to 500 characters.
    pub title: String,
    /// `ar` or `en`.
    pub language: String,
    /// Exactly one part, e.g. `["summary"]`.
    pub ai_parts: Vec<AiPart>,
    /// 1 to 500 characters.
    pub ai_content_title: Option<String>,
    /// `ar`, `en`, `both_ar_first` or `both_en_first`.
    pub ai_content_language: Option<String>,
    /// ISO-8601.
    pub ai_content_date: Option<String>,
    /// Extra instructions.
    pub ai_content_text: Option<String>,
}

fn title_length(field: &str, value: &str) -> Result<()> {
    let length = value.chars().count();
    if (1..=500).contains(&length) {
        Ok(())
    } else {
        Err(Error::invalid_argument(field, format!("must be 1 to 500 characters (it is {length})")))
    }
}

impl Validate for CreateTranscriptionAiContentParams {
    fn validate(&self) -> Result<()> {
        validate::non_empty("apiKey", &self.api_key)?;
        validate::web_page_url("mediaUrl", &self.media_url)?;
        title_length("title", &self.title)?;
        validate::non_empty("language", &self.language)?;
        if self.ai_parts.len() != 1 {
            return Err(Error::invalid_argument(
                "aiParts",
                format!("must name exactly one part (it names {})", self.ai_parts.len()),
            ));
        }
        if let Some(title) = &self.ai_content_title {
            title_length("aiContentTitle", title)?;
        }
        Ok(())
    }
}
