//! Typed views of a job's `jobResponse`, which stays open (its shape depends on the job type and is
//! only partly documented). Read them with [`Job::transcription`], [`Job::ai_content`] or
//! [`Job::result`]; the bindings build them from `jobResponse` (they are in the catalog).

use super::{Extra, Job, JobType};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

/// A text field that may come as a string or, from some servers, as another JSON value (its JSON text).
fn lenient_text<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    Ok(match Option::<Value>::deserialize(deserializer)? {
        None | Some(Value::Null) => None,
        Some(Value::String(text)) => Some(text),
        Some(Value::Array(items)) if items.iter().all(Value::is_string) => {
            Some(items.iter().filter_map(Value::as_str).collect::<Vec<_>>().join("\n"))
        }
        Some(other) => Some(other.to_string()),
    })
}

/// One timed piece of a transcript.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct TranscriptSegment {
    /// Seconds from the start.
    #[serde(default, deserialize_with = "super::lenient::number")]
    pub start: Option<f64>,
    #[serde(default, deserialize_with = "super::lenient::number")]
    pub end: Option<f64>,
    #[serde(default, deserialize_with = "lenient_text")]
    pub text: Option<String>,
    pub speaker: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A transcription job's result. Read from either shape the SDK meets: `{text, segments}` or
/// `{transcription: "<text>"}` (or `transcription` as the list of segments), or a bare string.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct TranscriptionResult {
    /// The whole transcript (joined from the segments when only they are sent).
    pub text: Option<String>,
    #[serde(default)]
    pub segments: Vec<TranscriptSegment>,
    /// The subtitles, when asked for with `returnSrtFormat`.
    pub srt: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl<'de> Deserialize<'de> for TranscriptionResult {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let mut map = match Value::deserialize(deserializer)? {
            Value::String(text) => return Ok(Self { text: Some(text), ..Self::default() }),
            Value::Array(segments) => {
                Value::Object([("segments".to_owned(), Value::Array(segments))].into_iter().collect())
            }
            Value::Object(map) => Value::Object(map),
            other => return Err(serde::de::Error::custom(format!("expected a transcription, got {other}"))),
        };
        let object = map.as_object_mut().expect("an object");
        let mut text = object.remove("text").and_then(|v| v.as_str().map(str::to_owned));
        let mut segments_value = object.remove("segments");
        match object.remove("transcription") {
            Some(Value::String(t)) if text.is_none() => text = Some(t),
            Some(list @ Value::Array(_)) if segments_value.is_none() => segments_value = Some(list),
            Some(other) => {
                object.insert("transcription".into(), other);
            }
            None => {}
        }
        let segments: Vec<TranscriptSegment> = match segments_value {
            Some(Value::Array(items)) => items
                .into_iter()
                .map(|item| match item {
                    Value::String(t) => Ok(TranscriptSegment { text: Some(t), ..Default::default() }),
                    other => serde_json::from_value(other),
                })
                .collect::<Result<_, _>>()
                .map_err(serde::de::Error::custom)?,
            _ => Vec::new(),
        };
        if text.is_none() && !segments.is_empty() {
            text = Some(segments.iter().filter_map(|s| s.text.as_deref()).collect::<Vec<_>>().join(" "));
        }
        let srt = object.remove("srt").and_then(|v| v.as_str().map(str::to_owned));
        Ok(Self { text, segments, srt, extra: std::mem::take(object) })
    }
}

/// An AI content job's result: one text per part asked for. Custom parts (named by you) are in `extra`.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct AiContentParts {
    #[serde(default, deserialize_with = "lenient_text")]
    pub introduction: Option<String>,
    #[serde(default, deserialize_with = "lenient_text")]
    pub titles: Option<String>,
    #[serde(default, deserialize_with = "lenient_text")]
    pub summary: Option<String>,
    #[serde(default, rename = "webArticleSEOFriendly", deserialize_with = "lenient_text")]
    pub web_article_seo_friendly: Option<String>,
    #[serde(default, deserialize_with = "lenient_text")]
    pub key_topics_with_bullets: Option<String>,
    #[serde(default, deserialize_with = "lenient_text")]
    pub keywords: Option<String>,
    #[serde(default, deserialize_with = "lenient_text")]
    pub threads_by_instagram: Option<String>,
    #[serde(default, deserialize_with = "lenient_text")]
    pub faq: Option<String>,
    #[serde(default, deserialize_with = "lenient_text")]
    pub facebook_post: Option<String>,
    #[serde(default, deserialize_with = "lenient_text")]
    pub youtube_description: Option<String>,
    #[serde(default, deserialize_with = "lenient_text")]
    pub twitter_thread: Option<String>,
    #[serde(default, deserialize_with = "lenient_text")]
    pub linked_in_post: Option<String>,
    /// The transcription the content was made from.
    pub transcription_job_id: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl AiContentParts {
    /// The text of a part by its wire name (`"summary"`, or a custom part's title).
    pub fn part(&self, name: &str) -> Option<String> {
        let value = serde_json::to_value(self).ok()?;
        match value.get(name)? {
            Value::String(text) => Some(text.clone()),
            Value::Null => None,
            other => Some(other.to_string()),
        }
    }
}

/// A finished job's result, typed by the job's type.
#[derive(Clone, Debug, PartialEq)]
pub enum JobResult {
    Transcription(TranscriptionResult),
    AiContent(Box<AiContentParts>),
    /// Any other type (TTS, calls, a type this SDK does not know), or a result that did not read as its
    /// type's view: the raw `jobResponse`.
    Other(Value),
}

impl Job {
    fn response_as<T: serde::de::DeserializeOwned>(&self) -> Option<T> {
        let response = self.job_response.as_ref().filter(|r| !r.is_null())?;
        serde_json::from_value(response.clone()).ok()
    }

    /// The result of a transcription job (`None` while it has none, or when it does not read as one).
    pub fn transcription(&self) -> Option<TranscriptionResult> {
        self.response_as()
    }

    /// The parts of an AI content job (`None` while it has none, or when they do not read as parts).
    pub fn ai_content(&self) -> Option<AiContentParts> {
        self.response_as()
    }

    /// The result typed by the job's type (`None` while the job has no result).
    pub fn result(&self) -> Option<JobResult> {
        let response = self.job_response.as_ref().filter(|r| !r.is_null())?;
        let typed = match self.job_type {
            Some(JobType::Transcription) => self.transcription().map(JobResult::Transcription),
            Some(JobType::AiContent) => self.ai_content().map(|parts| JobResult::AiContent(Box::new(parts))),
            _ => None,
        };
        Some(typed.unwrap_or_else(|| JobResult::Other(response.clone())))
    }
}

/// Puts the views in a schema generator, so that the catalog (and every binding) has them although no
/// operation names them.
pub fn register_views(generator: &mut schemars::SchemaGenerator) {
    generator.subschema_for::<TranscriptionResult>();
    generator.subschema_for::<AiContentParts>();
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn job(job_type: JobType, response: Value) -> Job {
        Job { id: "j".into(), job_type: Some(job_type), job_response: Some(response), ..Default::default() }
    }

    #[test]
    fn a_transcription_reads_in_both_shapes() {
        let segments =
            json!({"text": "Hello there.", "segments": [{"start": 0, "end": "1.5", "text": "Hello there."}]});
        let result = job(JobType::Transcription, segments).transcription().unwrap();
        assert_eq!(result.text.as_deref(), Some("Hello there."));
        assert_eq!(result.segments[0].end, Some(1.5));
        let flat = job(JobType::Transcription, json!({"transcription": "مرحبا بك", "lang": "ar"}));
        let result = flat.transcription().unwrap();
        assert_eq!((result.text.as_deref(), result.segments.len()), (Some("مرحبا بك"), 0));
        assert_eq!(result.extra["lang"], "ar");
        let listed = job(JobType::Transcription, json!({"transcription": [{"text": "a"}, "b"]}));
        assert_eq!(listed.transcription().unwrap().text.as_deref(), Some("a b"));
        assert!(matches!(flat.result(), Some(JobResult::Transcription(_))));
    }

    #[test]
    fn ai_content_parts_are_typed_and_custom_parts_kept() {
        let response = json!({"summary": "S", "titles": ["A", "B"], "webArticleSEOFriendly": "W",
                              "Show notes": "N", "transcriptionJobId": "t"});
        let parts = job(JobType::AiContent, response).ai_content().unwrap();
        assert_eq!(parts.summary.as_deref(), Some("S"));
        assert_eq!(parts.titles.as_deref(), Some("A\nB"));
        assert_eq!(parts.web_article_seo_friendly.as_deref(), Some("W"));
        assert_eq!(parts.part("Show notes").as_deref(), Some("N"));
        let tts = job(JobType::Tts, json!({"text": "hi", "ttsMediaFile": "https://x/a.wav"}));
        assert!(matches!(tts.result(), Some(JobResult::Other(_))));
        assert!(Job::default().result().is_none());
    }
}
