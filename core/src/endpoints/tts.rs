//! Arguments of the text-to-speech endpoints: TTS jobs, cloned voices and the TTS history.

use crate::error::{Error, Result};
use crate::models::{VoiceTag, WebhookAuth};
use crate::secret::Secret;
use crate::validate::{self, Validate};
use serde::{Deserialize, Serialize};

/// A text's length in characters must be within `min..=max`.
fn length(field: &str, value: &str, min: usize, max: usize) -> Result<()> {
    let count = value.chars().count();
    if value.trim().is_empty() && min > 0 {
        return Err(Error::invalid_argument(field, "must not be empty"));
    }
    if count < min || count > max {
        return Err(Error::invalid_argument(field, format!("has {count} characters: {min} to {max} are allowed")));
    }
    Ok(())
}

/// `tts.create_job`: speak a text with a voice, as a job (its result by webhook or `jobs.get`).
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CreateTtsJobParams {
    /// The voice: a voice's id (a cloned voice must be preloaded first, `voices.preload`).
    pub voice_id: String,
    /// What to say.
    pub text: String,
    /// Where Hamsa posts the finished job: https (plain http only to a loopback host).
    pub webhook_url: Option<String>,
    /// The `Authorization` Hamsa sends to the webhook.
    pub webhook_auth: Option<WebhookAuth>,
}

impl Validate for CreateTtsJobParams {
    fn validate(&self) -> Result<()> {
        validate::non_empty("voiceId", &self.voice_id)?;
        validate::non_empty("text", &self.text)?;
        validate::optional_webhook_url("webhookUrl", self.webhook_url.as_deref())
    }
}

/// `voices.create`: clone a voice from a sample.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CreateVoiceParams {
    /// The voice's name (1 to 190 characters).
    pub name: String,
    /// The sample: an http or https URL of the audio.
    pub audio_url: String,
    /// What the sample says (1 to 5000 characters; `voices.extract_transcription` can make it).
    pub audio_transcription: String,
    /// `en` or `ar`.
    pub language: String,
    /// Exactly two: one gender (`male` or `female`) and one style (`conversational` or `narrator`).
    pub tags: Vec<VoiceTag>,
    /// The project; left out, the API key's project.
    pub project_id: Option<String>,
    /// Up to 1000 characters.
    pub description: Option<String>,
    /// A picture of the voice (an http or https URL).
    pub image_url: Option<String>,
    /// The dialect (needed for some languages).
    pub dialect_id: Option<String>,
}

/// Exactly one gender and one style.
fn voice_tags(tags: &[VoiceTag]) -> Result<()> {
    let gender = tags.iter().filter(|t| matches!(t, VoiceTag::Male | VoiceTag::Female)).count();
    let style = tags.iter().filter(|t| matches!(t, VoiceTag::Conversational | VoiceTag::Narrator)).count();
    if let Some(unknown) = tags.iter().find(|t| !t.is_known()) {
        return Err(Error::invalid_argument(
            "tags",
            format!("{:?} is not a voice tag (male, female, conversational, narrator)", unknown.as_str()),
        ));
    }
    if gender != 1 || style != 1 || tags.len() != 2 {
        return Err(Error::invalid_argument(
            "tags",
            "must hold exactly one of male/female and one of conversational/narrator",
        ));
    }
    Ok(())
}

impl Validate for CreateVoiceParams {
    fn validate(&self) -> Result<()> {
        length("name", &self.name, 1, 190)?;
        validate::web_page_url("audioUrl", &self.audio_url)?;
        length("audioTranscription", &self.audio_transcription, 1, 5000)?;
        validate::non_empty("language", &self.language)?;
        voice_tags(&self.tags)?;
        validate::optional_non_empty("projectId", self.project_id.as_deref())?;
        if let Some(description) = &self.description {
            length("description", description, 1, 1000)?;
        }
        if let Some(image) = &self.image_url {
            validate::web_page_url("imageUrl", image)?;
        }
        validate::optional_non_empty("dialectId", self.dialect_id.as_deref())
    }
}

/// `voices.list`: one page of the voice catalogue.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ListVoicesParams {
    /// Only voices whose name matches this text.
    pub q: Option<String>,
    /// Where the voices come from (`jobs` is the one value seen).
    pub source: Option<String>,
    /// The project; left out, the API key's project.
    pub project_id: Option<String>,
    /// The 1-based page number.
    pub page: Option<u32>,
    /// The page size (10 when left out).
    pub per_page: Option<u32>,
}

impl Validate for ListVoicesParams {
    fn validate(&self) -> Result<()> {
        validate::optional_non_empty("projectId", self.project_id.as_deref())?;
        validate::in_range("page", self.page, 1, u32::MAX)?;
        validate::in_range("perPage", self.per_page, 1, 1000)
    }
}

/// `voices.preload`: make a cloned voice ready for realtime use (once per voice).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PreloadVoiceParams {
    /// The cloned voice's id.
    pub voice_id: String,
}

impl Validate for PreloadVoiceParams {
    fn validate(&self) -> Result<()> {
        validate::non_empty("voiceId", &self.voice_id)
    }
}

/// `voices.extract_transcription`: what a voice sample says (for `voices.create`).
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ExtractVoiceTranscriptionParams {
    /// The sample: an http or https URL of the audio.
    pub audio_url: String,
    /// The project; left out, the API key's project.
    pub project_id: Option<String>,
    /// The sample's language (`ar`, `en`).
    pub language: Option<String>,
}

impl Validate for ExtractVoiceTranscriptionParams {
    fn validate(&self) -> Result<()> {
        validate::web_page_url("audioUrl", &self.audio_url)?;
        validate::optional_non_empty("projectId", self.project_id.as_deref())?;
        validate::optional_non_empty("language", self.language.as_deref())
    }
}

/// How a TTS history entry is spoken.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TtsHistoryConfig {
    /// 1 is normal.
    pub speed: Option<f64>,
    /// 1 is normal.
    pub expressiveness: Option<f64>,
}

/// `tts_histories.create`: speak a script and keep it in the history.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CreateTtsHistoryParams {
    /// The voice.
    pub tts_voice_id: String,
    /// What to say: 1 to 3000 characters of Arabic or English.
    pub script: String,
    /// The API key field of the body (typed a uuid by the API; whether it is the key's id or the key
    /// itself is not documented, so it is treated as a secret).
    pub api_key: Secret,
    pub config: Option<TtsHistoryConfig>,
    /// Pronunciation dictionaries to apply (1 to 10).
    pub voice_dictionary_ids: Option<Vec<String>>,
}

impl Validate for CreateTtsHistoryParams {
    fn validate(&self) -> Result<()> {
        validate::non_empty("ttsVoiceId", &self.tts_voice_id)?;
        length("script", &self.script, 1, 3000)?;
        if self.api_key.expose().trim().is_empty() {
            return Err(Error::invalid_argument("apiKey", "must not be empty"));
        }
        if let Some(config) = &self.config {
            for (field, value) in [("config.speed", config.speed), ("config.expressiveness", config.expressiveness)] {
                if value.is_some_and(|v| !(v.is_finite() && v > 0.0)) {
                    return Err(Error::invalid_argument(field, "must be a positive number"));
                }
            }
        }
        if let Some(ids) = &self.voice_dictionary_ids {
            if ids.is_empty() || ids.len() > 10 {
                return Err(Error::invalid_argument("voiceDictionaryIds", "must hold 1 to 10 ids"));
            }
            ids.iter()
                .enumerate()
                .try_for_each(|(i, id)| validate::non_empty(&format!("voiceDictionaryIds[{i}]"), id))?;
        }
        Ok(())
    }
}

/// `tts_histories.list`: one page of the TTS history (`page` and `perPage` are always sent: the API
/// requires them).
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ListTtsHistoriesParams {
    /// The project; left out, the API key's project.
    pub project_id: Option<String>,
    /// The 1-based page number (1 when left out).
    #[serde(default = "first_page")]
    pub page: Option<u32>,
    /// The page size (10 when left out).
    #[serde(default = "default_per_page")]
    pub per_page: Option<u32>,
}

fn first_page() -> Option<u32> {
    Some(1)
}

fn default_per_page() -> Option<u32> {
    Some(10)
}

impl Default for ListTtsHistoriesParams {
    fn default() -> Self {
        Self { project_id: None, page: first_page(), per_page: default_per_page() }
    }
}

impl Validate for ListTtsHistoriesParams {
    fn validate(&self) -> Result<()> {
        validate::optional_non_empty("projectId", self.project_id.as_deref())?;
        validate::in_range("page", self.page, 1, u32::MAX)?;
        validate::in_range("perPage", self.per_page, 1, 1000)
    }
}

/// `tts_histories.get`.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GetTtsHistoryParams {
    /// The entry's id.
    pub id: String,
    /// The project; left out, the API key's project.
    pub project_id: Option<String>,
}

impl Validate for GetTtsHistoryParams {
    fn validate(&self) -> Result<()> {
        validate::non_empty("id", &self.id)?;
        validate::optional_non_empty("projectId", self.project_id.as_deref())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn voice(tags: serde_json::Value) -> CreateVoiceParams {
        serde_json::from_value(json!({"name": "Layla", "audioUrl": "https://cdn.example/s.wav",
            "audioTranscription": "hello", "language": "en", "tags": tags}))
        .unwrap()
    }

    #[test]
    fn a_voice_has_one_gender_and_one_style() {
        voice(json!(["female", "narrator"])).validate().unwrap();
        for tags in [
            json!(["female"]),
            json!(["female", "male"]),
            json!(["narrator", "conversational"]),
            json!(["female", "narrator", "narrator"]),
            json!(["female", "whisper"]),
            json!([]),
        ] {
            assert_eq!(voice(tags.clone()).validate().unwrap_err().field(), Some("tags"), "{tags}");
        }
    }

    #[test]
    fn a_script_has_1_to_3000_characters() {
        let history = |script: String| CreateTtsHistoryParams {
            tts_voice_id: "v".into(),
            script,
            api_key: "k".into(),
            ..Default::default()
        };
        history("ش".repeat(3000)).validate().unwrap();
        assert_eq!(history("a".repeat(3001)).validate().unwrap_err().field(), Some("script"));
        assert_eq!(history(" ".into()).validate().unwrap_err().field(), Some("script"));
    }

    #[test]
    fn a_history_list_always_sends_its_page_and_size() {
        let params: ListTtsHistoriesParams = serde_json::from_value(json!({})).unwrap();
        assert_eq!(serde_json::to_value(&params).unwrap(), json!({"page": 1, "perPage": 10}));
        assert_eq!(params, ListTtsHistoriesParams::default());
    }
}
