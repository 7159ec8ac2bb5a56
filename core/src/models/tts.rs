//! Text to speech: the TTS job's result, cloned voices and the TTS history.

use super::{Extra, JobStatus, JobType, lenient};
use serde::{Deserialize, Deserializer, Serialize};

crate::open_enum! {
    /// A voice's tag: a voice has exactly one gender (`male`, `female`) and one style
    /// (`conversational`, `narrator`).
    VoiceTag {
        Male => "male",
        Female => "female",
        Conversational => "conversational",
        Narrator => "narrator",
    }
}

/// What a TTS job made: the text it spoke and the WAV file it made of it.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct TtsJobResponse {
    pub text: Option<String>,
    /// The URL of the audio (a WAV file).
    pub tts_media_file: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// `jobResponse` as a TTS result when it is an object; `null`, a missing field or any other shape (the
/// job is still running, or the server sent something else) is `None`.
fn tts_job_response<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<TtsJobResponse>, D::Error> {
    let value = Option::<serde_json::Value>::deserialize(deserializer)?;
    Ok(value.filter(serde_json::Value::is_object).and_then(|v| serde_json::from_value(v).ok()))
}

/// A TTS job (`tts.create_job`): the job, its result typed as a [`TtsJobResponse`] once it is done.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct TtsJob {
    pub id: String,
    pub title: Option<String>,
    #[serde(rename = "type")]
    pub job_type: Option<JobType>,
    pub status: Option<JobStatus>,
    pub processing_type: Option<String>,
    pub webhook_url: Option<String>,
    #[serde(default, deserialize_with = "lenient::number")]
    pub total_cost: Option<f64>,
    /// The result: `{text, ttsMediaFile}` (`null` until the job is done).
    #[serde(default, deserialize_with = "tts_job_response")]
    pub job_response: Option<TtsJobResponse>,
    /// The voice that speaks.
    pub tts_voice_id: Option<String>,
    pub relevant_job_id: Option<String>,
    pub api_key_id: Option<String>,
    pub billing_id: Option<String>,
    pub user_id: Option<String>,
    pub created_at: Option<String>,
    pub updated_at: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl super::Job {
    /// This job's `jobResponse` read as a TTS result (`{text, ttsMediaFile}`), when it has that shape.
    pub fn tts_response(&self) -> Option<TtsJobResponse> {
        self.job_response.as_ref().filter(|v| v.is_object()).and_then(|v| serde_json::from_value(v.clone()).ok())
    }
}

/// What `voices.create` answers: the new voice's id and its recording.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct CreatedVoice {
    pub id: String,
    /// The stored voice sample.
    pub voice_record: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A dialect, as voices and histories name it.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct VoiceDialect {
    pub language_code: Option<String>,
    pub language: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A voice of the catalogue (built in or cloned).
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Voice {
    pub id: String,
    pub name: Option<String>,
    pub dialect: Option<VoiceDialect>,
    #[serde(default)]
    pub tags: Vec<VoiceTag>,
    pub description: Option<String>,
    pub image_url: Option<String>,
    pub created_at: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// One page of voices. The API documents no paging fields for it; the ones of the v2 lists are read when
/// they come.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct VoicePage {
    #[serde(default)]
    pub voices: Vec<Voice>,
    #[serde(default, deserialize_with = "lenient::count")]
    pub page: Option<u64>,
    #[serde(default, deserialize_with = "lenient::count")]
    pub total_count: Option<u64>,
    #[serde(default, deserialize_with = "lenient::count")]
    pub total_pages: Option<u64>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// What `voices.extract_transcription` answers: the text spoken in the sample.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct VoiceTranscription {
    pub transcription: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// The voice of a TTS history entry.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct TtsHistoryVoice {
    pub name: Option<String>,
    pub dialect: Option<VoiceDialect>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A TTS history entry: a script, spoken and stored.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct TtsHistory {
    pub id: String,
    /// The audio (a WAV URL).
    pub audio: Option<String>,
    pub download_url: Option<String>,
    pub script: Option<String>,
    pub tts_voice: Option<TtsHistoryVoice>,
    pub created_at: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// One page of TTS histories: `{ttsHistories, page, totalCount, totalPages}`.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct TtsHistoryPage {
    #[serde(default)]
    pub tts_histories: Vec<TtsHistory>,
    #[serde(default, deserialize_with = "lenient::count")]
    pub page: Option<u64>,
    #[serde(default, deserialize_with = "lenient::count")]
    pub total_count: Option<u64>,
    #[serde(default, deserialize_with = "lenient::count")]
    pub total_pages: Option<u64>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_tts_job_reads_its_result_when_it_is_an_object() {
        let job: TtsJob = serde_json::from_value(json!({"id": "j", "jobResponse": {"text": "hi",
            "ttsMediaFile": "https://cdn.example/a.wav", "more": 1}}))
        .unwrap();
        let response = job.job_response.unwrap();
        assert_eq!(response.tts_media_file.as_deref(), Some("https://cdn.example/a.wav"));
        assert_eq!(response.extra["more"], 1);
        let pending: TtsJob = serde_json::from_value(json!({"id": "j", "jobResponse": null})).unwrap();
        assert!(pending.job_response.is_none());
        let odd: TtsJob = serde_json::from_value(json!({"id": "j", "jobResponse": "later"})).unwrap();
        assert!(odd.job_response.is_none());
        let job: super::super::Job =
            serde_json::from_value(json!({"id": "j", "jobResponse": {"text": "hi", "ttsMediaFile": "u"}})).unwrap();
        assert_eq!(job.tts_response().unwrap().text.as_deref(), Some("hi"));
    }
}
