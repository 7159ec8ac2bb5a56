use crate::secret::Secret;
use serde::{Deserialize, Serialize};

/// Credentials Hamsa sends back to your webhook as `Authorization: <authKey> <authSecret>`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct WebhookAuth {
    /// The scheme word, e.g. `Token` or `Bearer`.
    pub auth_key: String,
    pub auth_secret: Secret,
}

impl WebhookAuth {
    pub fn new(auth_key: impl Into<String>, auth_secret: impl Into<Secret>) -> Self {
        Self { auth_key: auth_key.into(), auth_secret: auth_secret.into() }
    }

    /// The exact `Authorization` header value Hamsa sends.
    pub fn header_value(&self) -> String {
        format!("{} {}", self.auth_key, self.auth_secret.expose())
    }
}

/// Who was called, from which number.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct CallParams {
    /// The number the call was placed from.
    pub machine_number: Option<String>,
    /// The number that was called.
    pub user_number: Option<String>,
    #[serde(flatten)]
    pub extra: super::Extra,
}

crate::open_enum! {
    /// The status of a job, call or conversation.
    JobStatus {
        Pending => "PENDING",
        InProgress => "IN_PROGRESS",
        Completed => "COMPLETED",
        Failed => "FAILED",
        NoAnswer => "NO_ANSWER",
        Forwarded => "FORWARDED",
        Terminated => "TERMINATED",
    }
}

impl JobStatus {
    /// A job or call in this status will not change again.
    pub fn is_terminal(&self) -> bool {
        matches!(self, Self::Completed | Self::Failed | Self::NoAnswer | Self::Forwarded | Self::Terminated)
    }
}

crate::open_enum! {
    /// What kind of work a job is.
    JobType {
        Transcription => "TRANSCRIPTION",
        Translation => "TRANSLATION",
        Tts => "TTS",
        AiContent => "AI_CONTENT",
        VoiceAgents => "VOICE_AGENTS",
    }
}
