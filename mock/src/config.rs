//! What the mock does: which key it accepts, how calls end, which faults it injects.

use std::time::Duration;

/// How the mock's calls end.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CallOutcome {
    #[default]
    Completed,
    Failed,
    NoAnswer,
}

impl CallOutcome {
    pub fn parse(name: &str) -> Option<Self> {
        match name.to_ascii_lowercase().replace('-', "_").as_str() {
            "completed" => Some(Self::Completed),
            "failed" => Some(Self::Failed),
            "no_answer" => Some(Self::NoAnswer),
            _ => None,
        }
    }

    pub fn status(self) -> &'static str {
        match self {
            Self::Completed => "COMPLETED",
            Self::Failed => "FAILED",
            Self::NoAnswer => "NO_ANSWER",
        }
    }
}

/// Faults to inject, so that users can test their own retry handling.
#[derive(Clone, Debug, Default)]
pub struct Faults {
    /// Added before every answer.
    pub latency: Duration,
    /// The share (0 to 1) of requests answered 500 before any work is done.
    pub error_rate: f64,
    /// Every `rate_limit_every` requests (0: only at start), the next `rate_limit_burst` are answered 429.
    pub rate_limit_burst: u32,
    pub rate_limit_every: u32,
    /// The `Retry-After` seconds sent with a 429.
    pub retry_after_secs: u32,
    /// The share (0 to 1) of requests whose work IS done but which are answered 503 anyway: the case
    /// where an SDK must not place a second call.
    pub fail_after_work_rate: f64,
}

#[derive(Clone, Debug)]
pub struct MockConfig {
    /// 0 picks a free port.
    pub port: u16,
    /// The only API key accepted; every other gets 401.
    pub api_key: String,
    /// How long a call lasts from creation to its end.
    pub call_duration: Duration,
    /// How calls end unless a call's `params.mockOutcome` says otherwise.
    pub call_outcome: CallOutcome,
    /// How long a speech job (transcription, AI content) stays PENDING before it ends.
    pub job_duration: Duration,
    pub faults: Faults,
    /// Seeds the fault dice, for reproducible runs.
    pub seed: Option<u64>,
}

impl Default for MockConfig {
    fn default() -> Self {
        Self {
            port: 0,
            api_key: "mock-key".into(),
            call_duration: Duration::from_secs(3),
            call_outcome: CallOutcome::Completed,
            job_duration: Duration::from_secs(2),
            faults: Faults::default(),
            seed: None,
        }
    }
}
