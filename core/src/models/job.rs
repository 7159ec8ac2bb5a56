use super::{CallParams, Extra, JobStatus, JobType};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// A job: a transcription, TTS or AI-content job, or an outbound call (the call endpoints return one).
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Job {
    pub id: String,
    pub title: Option<String>,
    pub model: Option<String>,
    #[serde(rename = "type")]
    pub job_type: Option<JobType>,
    pub processing_type: Option<String>,
    pub webhook_url: Option<String>,
    pub total_cost: Option<f64>,
    pub usage_time: Option<Value>,
    pub from_lng: Option<String>,
    pub to_lng: Option<String>,
    pub media_url: Option<String>,
    /// The job's result; its shape depends on the job type.
    pub job_response: Option<Value>,
    pub from_script: Option<String>,
    pub to_script: Option<String>,
    pub status: Option<JobStatus>,
    pub relevant_job_id: Option<String>,
    /// On call jobs.
    pub call_params: Option<CallParams>,
    /// The agent of the call, in the v1 shape (`jobs.get` sends it as a string: it is read as the agent).
    #[serde(default, deserialize_with = "super::lenient_agent_details")]
    pub agent_details: Option<super::AgentDetails>,
    pub api_key_id: Option<String>,
    pub billing_id: Option<String>,
    pub system_model_key: Option<String>,
    pub voice_agent_id: Option<String>,
    pub user_id: Option<String>,
    pub tts_voice_id: Option<String>,
    pub created_at: Option<String>,
    pub updated_at: Option<String>,
    /// `jobs.get` only: the preview URL the API sends next to the job.
    pub preview_url: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Job {
    /// `true` once the job will not change again.
    pub fn is_terminal(&self) -> bool {
        self.status.as_ref().is_some_and(JobStatus::is_terminal)
    }
}

/// What `calls.create_with_phone_number` returns.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct CallStarted {
    pub job_id: Option<String>,
    pub voice_agent_id: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

crate::open_enum! {
    /// A batch transcription model.
    TranscriptionModel {
        GeneralV2 => "Hamsa-General-V2.0",
        ConversationalV1 => "Hamsa-Conversational-V1.0",
    }
}

crate::open_enum! {
    /// A standard AI content part.
    AiPart {
        Introduction => "introduction",
        Titles => "titles",
        Summary => "summary",
        WebArticleSeoFriendly => "webArticleSEOFriendly",
        KeyTopicsWithBullets => "keyTopicsWithBullets",
        Keywords => "keywords",
        ThreadsByInstagram => "threadsByInstagram",
        Faq => "faq",
        FacebookPost => "facebookPost",
        YoutubeDescription => "youtubeDescription",
        TwitterThread => "twitterThread",
        LinkedInPost => "linkedInPost",
    }
}

/// What the routes that start a job answer: the new job's id (wait on it with `jobs.wait`).
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct JobStarted {
    pub job_id: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A job's attributes in the summary views (`jobs.search`, `jobs.get_summary`).
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct JobAttributes {
    pub api_key: Option<String>,
    pub media_url: Option<String>,
    /// e.g. `Hamsa-General-V2.0`.
    pub model: Option<String>,
    /// e.g. `YOUTUBE`.
    pub media_type: Option<String>,
    pub agent_name: Option<String>,
    #[serde(default, deserialize_with = "super::lenient::number")]
    pub duration: Option<f64>,
    pub voice: Option<Value>,
    /// The AI content parts asked for (a list, or one name as a string: read as a one-element list).
    #[serde(default, deserialize_with = "string_or_list")]
    pub ai_content_parts: Option<Vec<String>>,
    pub source_job: Option<Value>,
    #[serde(flatten)]
    pub extra: Extra,
}

fn string_or_list<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Option<Vec<String>>, D::Error> {
    Ok(match Option::<Value>::deserialize(deserializer)? {
        None | Some(Value::Null) => None,
        Some(Value::String(one)) => Some(vec![one]),
        Some(Value::Array(items)) => {
            Some(items.into_iter().map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned)).collect())
        }
        Some(other) => Some(vec![other.to_string()]),
    })
}

/// A job in the summary views (`jobs.search` items, `jobs.get_summary`).
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct JobSummary {
    pub id: String,
    pub title: Option<String>,
    #[serde(rename = "type")]
    pub job_type: Option<JobType>,
    pub url: Option<String>,
    pub status: Option<JobStatus>,
    #[serde(default, deserialize_with = "super::lenient::number")]
    pub cost: Option<f64>,
    /// e.g. `HAMSA_GENERAL_V2.0`.
    pub system_model_key: Option<String>,
    pub relevant_job_id: Option<String>,
    pub attributes: Option<JobAttributes>,
    pub api_key: Option<String>,
    pub created_by: Option<String>,
    pub created_at: Option<String>,
    pub updated_at: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A page of `jobs.search`.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct JobSummaryPage {
    #[serde(default)]
    pub jobs: Vec<JobSummary>,
    #[serde(default, deserialize_with = "super::lenient::count")]
    pub total: Option<u64>,
    #[serde(default, deserialize_with = "super::lenient::count")]
    pub filtered: Option<u64>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A job in the v2 list (`jobs.list`).
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct JobListEntry {
    pub id: String,
    pub title: Option<String>,
    pub media_url: Option<String>,
    pub media_type: Option<String>,
    #[serde(default, deserialize_with = "super::lenient::number")]
    pub total_cost: Option<f64>,
    pub status: Option<JobStatus>,
    pub created_at: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A page of `jobs.list`.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct JobListPage {
    #[serde(default)]
    pub jobs: Vec<JobListEntry>,
    #[serde(default, deserialize_with = "super::lenient::count")]
    pub page: Option<u64>,
    #[serde(default, deserialize_with = "super::lenient::count")]
    pub total_count: Option<u64>,
    #[serde(default, deserialize_with = "super::lenient::count")]
    pub total_pages: Option<u64>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// `ai_content.estimate`: what the content would cost. The shape is known only from a third party
/// (`{data: <cost>, error: bool}`); a bare number is read as the cost.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct AiContentEstimate {
    /// The estimated cost.
    #[serde(rename = "data")]
    pub cost: Option<f64>,
    pub error: Option<bool>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl<'de> Deserialize<'de> for AiContentEstimate {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Wire {
            #[serde(default, rename = "data", deserialize_with = "super::lenient::number")]
            cost: Option<f64>,
            #[serde(default, deserialize_with = "super::lenient::bool")]
            error: Option<bool>,
            #[serde(flatten)]
            extra: Extra,
        }
        match Value::deserialize(deserializer)? {
            Value::Object(map) => {
                let wire: Wire = serde_json::from_value(Value::Object(map)).map_err(serde::de::Error::custom)?;
                Ok(Self { cost: wire.cost, error: wire.error, extra: wire.extra })
            }
            Value::Number(n) => Ok(Self { cost: n.as_f64(), ..Self::default() }),
            Value::String(s) => {
                let cost =
                    s.trim().parse::<f64>().map_err(|_| serde::de::Error::custom(format!("{s:?} is not a cost")))?;
                Ok(Self { cost: Some(cost), ..Self::default() })
            }
            other => Err(serde::de::Error::custom(format!("expected an estimate, got {other}"))),
        }
    }
}
