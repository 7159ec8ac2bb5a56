//! The mock's memory: phone numbers and calls (a call is also a job and a conversation), knowledge-base
//! items and voice dictionaries.

use crate::clock;
use serde_json::{Value, json};

#[derive(Clone, Debug)]
pub struct PhoneNumber {
    pub id: String,
    pub number: String,
    pub label: String,
    pub kind: String,
    /// Legacy Twilio numbers carry their SID.
    pub number_sid: Option<String>,
    pub voice_agent_id: Option<String>,
    pub sip_outbound_configs: Option<Value>,
    pub created_at: String,
    pub updated_at: String,
}

impl PhoneNumber {
    pub fn to_json(&self) -> Value {
        let mut value = json!({
            "id": self.id, "number": self.number, "label": self.label, "type": self.kind,
            "userId": USER_ID, "voiceAgentId": self.voice_agent_id,
            "createdAt": self.created_at, "updatedAt": self.updated_at,
        });
        if let Some(sid) = &self.number_sid {
            value["numberSid"] = json!(sid);
            value["isActive"] = json!(true);
        }
        if let Some(configs) = &self.sip_outbound_configs {
            value["sipOutboundConfigs"] = configs.clone();
            value["sipInboundConfigs"] = json!({"originationUri": "sip:127.0.0.1:5060;transport=tcp"});
        }
        value
    }
}

/// Who the mock pretends the API key belongs to.
pub const USER_ID: &str = "00000000-0000-4000-8000-000000000001";
pub const PROJECT_ID: &str = "00000000-0000-4000-8000-000000000002";

#[derive(Clone, Debug)]
pub struct Call {
    pub id: String,
    pub status: &'static str,
    pub to_number: String,
    pub from_number: String,
    pub voice_agent_id: Option<String>,
    pub agent_name: String,
    pub params: Value,
    pub webhook_url: Option<String>,
    pub created_at_ms: i64,
    pub updated_at: String,
    /// (speaker, text) lines so far.
    pub transcript: Vec<(String, String)>,
    pub outcome_result: Option<Value>,
    pub duration_secs: u64,
    /// What the agent says first (a mock agent's greeting, its `{{params}}` filled), when it has one.
    pub greeting: Option<String>,
}

impl Call {
    /// The call as a Job (what the call endpoints and `GET /v1/jobs` return).
    pub fn to_job(&self) -> Value {
        json!({
            "id": self.id, "title": format!("Call to {}", self.to_number), "model": "voice-agent",
            "type": "VOICE_AGENTS", "processingType": "real-time", "webhookUrl": self.webhook_url,
            "totalCost": 0.0, "usageTime": self.duration_secs.to_string(), "mediaUrl": null,
            "jobResponse": self.job_response(), "status": self.status, "relevantJobId": null,
            "callParams": {"machineNumber": self.from_number, "userNumber": self.to_number},
            "agentDetails": {"agentName": self.agent_name, "params": self.params},
            "apiKeyId": "mock-api-key-id", "billingId": "mock-billing", "systemModelKey": "VOICE_AGENTS",
            "voiceAgentId": self.voice_agent_id,
            "createdAt": clock::iso(self.created_at_ms), "updatedAt": self.updated_at,
        })
    }

    /// The call as a conversation record.
    pub fn to_conversation(&self) -> Value {
        json!({
            "id": self.id, "model": "voice-agent", "status": self.status, "type": "VOICE_AGENTS",
            "processingType": "real-time", "voiceAgentId": self.voice_agent_id, "apiKeyId": "mock-api-key-id",
            "title": format!("Call to {}", self.to_number),
            "mediaUrl": format!("http://127.0.0.1/recordings/{}.mp3", self.id),
            "callParams": {"userNumber": self.to_number, "machineNumber": self.from_number},
            "callDuration": self.duration_secs, "channelType": "TELEPHONE",
            "agentDetails": {"agentName": self.agent_name}, "jobResponse": self.job_response(),
            "callAnalysis": {}, "logs": [], "performanceMetrics": {},
            "createdAt": clock::iso(self.created_at_ms), "updatedAt": self.updated_at,
        })
    }

    /// The call in the light list.
    pub fn to_summary(&self) -> Value {
        json!({
            "id": self.id, "createdAt": clock::iso(self.created_at_ms), "status": self.status,
            "voiceAgentId": self.voice_agent_id, "agentName": self.agent_name,
            "duration": self.duration_secs, "channelType": "Telephone",
            "callParams": {"machineNumber": self.from_number, "userNumber": self.to_number},
        })
    }

    /// The transcript as the webhook sends it: one-key objects, speaker label as the key.
    pub fn transcription(&self) -> Value {
        Value::Array(self.transcript.iter().map(|(speaker, text)| json!({ speaker.as_str(): text })).collect())
    }

    fn job_response(&self) -> Value {
        if self.transcript.is_empty() && self.outcome_result.is_none() {
            return Value::Null;
        }
        json!({"transcription": self.transcription(), "outcomeResult": self.outcome_result})
    }
}

/// A web call started with a participant token or the legacy conversation-init.
#[derive(Clone, Debug)]
pub struct WebSession {
    pub job_id: String,
    pub voice_agent_id: String,
    pub params: Value,
    /// Whether its conversation was started (`web_calls.init`).
    pub started: bool,
}

/// A project secret; its value is kept and never answered.
#[derive(Clone, Debug)]
pub struct ProjectSecret {
    pub id: String,
    pub name: String,
    pub value: String,
    pub description: Option<String>,
    pub tags: Vec<String>,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Default)]
pub struct Store {
    pub phone_numbers: Vec<PhoneNumber>,
    pub agents: Vec<crate::agents::Agent>,
    pub calls: Vec<Call>,
    /// Knowledge-base items, as the API returns them.
    pub knowledge_base: Vec<Value>,
    /// Voice dictionaries, with their words, as `create` returns them.
    pub dictionaries: Vec<Value>,
    /// `(dictionaryId, voiceAgentId)` for each dictionary active on an agent.
    pub active_dictionaries: Vec<(String, String)>,
    /// Web tools as the API answers them, every version of each (oldest first).
    pub web_tools: Vec<Value>,
    pub web_sessions: Vec<WebSession>,
    /// TTS jobs as the API answers them, plus the `text` they speak.
    pub tts_jobs: Vec<Value>,
    /// Cloned voices.
    pub voices: Vec<Value>,
    pub tts_histories: Vec<Value>,
    /// Voice samples transcribed (`voices.extract_transcription`), for the statistics.
    pub transcribed_samples: u64,
    pub secrets: Vec<ProjectSecret>,
    /// Speech jobs (transcriptions, AI content), oldest first.
    pub jobs: Vec<crate::jobs::SpeechJob>,
    next_id: u64,
}

impl Store {
    /// A fresh UUID-shaped id (sequential, so runs are easy to read).
    pub fn new_id(&mut self) -> String {
        self.next_id += 1;
        format!("00000000-0000-4000-8000-{:012x}", 0x1000 + self.next_id)
    }

    pub fn number(&self, number: &str) -> Option<&PhoneNumber> {
        self.phone_numbers.iter().find(|n| n.number == number)
    }

    pub fn number_mut(&mut self, number: &str) -> Option<&mut PhoneNumber> {
        self.phone_numbers.iter_mut().find(|n| n.number == number)
    }

    pub fn call(&self, id: &str) -> Option<&Call> {
        self.calls.iter().find(|c| c.id == id)
    }

    pub fn call_mut(&mut self, id: &str) -> Option<&mut Call> {
        self.calls.iter_mut().find(|c| c.id == id)
    }

    pub fn agent(&self, id: &str) -> Option<&crate::agents::Agent> {
        self.agents.iter().find(|a| a.id == id)
    }

    pub fn agent_mut(&mut self, id: &str) -> Option<&mut crate::agents::Agent> {
        self.agents.iter_mut().find(|a| a.id == id)
    }
}
