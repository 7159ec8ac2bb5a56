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
