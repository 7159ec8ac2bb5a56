//! Arguments of the batch transcription endpoint.

use crate::error::{Error, Result};
use crate::models::{TranscriptionModel, WebhookAuth};
use crate::validate::{self, Validate};
use serde::{Deserialize, Serialize};

/// How subtitles are cut when a transcription is asked for in SRT form. Every field is optional; the
/// server's defaults are given.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SrtOptions {
    /// Default 2.
    pub max_lines_per_subtitle: Option<u32>,
    /// Default true.
    pub single_speaker_per_subtitle: Option<bool>,
    /// Default 42.
    pub max_chars_per_line: Option<u32>,
    /// Seconds; default 0.3.
    pub max_mergeable_gap: Option<f64>,
    /// Seconds; default 0.7.
    pub min_duration: Option<f64>,
    /// Seconds; default 7.
    pub max_duration: Option<f64>,
    /// Seconds; default 0.04.
    pub min_gap: Option<f64>,
}

/// `transcriptions.create`: start a batch transcription of a media URL. The result arrives by webhook or
/// by `jobs.wait`.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CreateTranscriptionParams {
    /// The media to transcribe (an http or https URL; YouTube links are accepted).
    pub media_url: String,
    /// `Hamsa-General-V2.0` or `Hamsa-Conversational-V1.0`.
    pub model: TranscriptionModel,
    /// `async` (the default).
    pub processing_type: Option<String>,
    /// Where the result is POSTed (https; plain http only to loopback).
    pub webhook_url: Option<String>,
    /// Sent back to the webhook as its `Authorization` header.
    pub webhook_auth: Option<WebhookAuth>,
    pub title: Option<String>,
    /// `ar` (the default) or `en`.
    pub language: Option<String>,
    /// Also return the transcript as SRT subtitles.
    pub return_srt_format: Option<bool>,
    /// How the subtitles are cut; only with `returnSrtFormat: true`.
    pub srt_options: Option<SrtOptions>,
}

impl Validate for CreateTranscriptionParams {
    fn validate(&self) -> Result<()> {
        validate::web_page_url("mediaUrl", &self.media_url)?;
        validate::non_empty("model", self.model.as_str())?;
        validate::optional_webhook_url("webhookUrl", self.webhook_url.as_deref())?;
        if self.srt_options.is_some() && self.return_srt_format != Some(true) {
            return Err(Error::invalid_argument("srtOptions", "is sent only with returnSrtFormat: true"));
        }
        Ok(())
    }
}
