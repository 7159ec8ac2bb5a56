//! The API's objects, camelCase on the wire and snake_case in Rust. Response fields are optional unless
//! the API always sends them; unknown fields are kept in `extra` and sent back by `Serialize`, so a
//! result turned back into JSON is the wire JSON; enums are open; free-form objects stay JSON values.

mod acknowledgement;
mod analytics;
mod common;
mod conversation;
mod job;
mod job_views;
mod knowledge_base;
mod lenient;
mod phone_number;
mod project;
mod project_secret;
mod statistics;
mod tts;
mod voice_agent;
mod voice_dictionary;
mod web_call;
mod web_tool;

pub use acknowledgement::*;
pub use analytics::*;
pub use common::*;
pub use conversation::*;
pub use job::*;
pub use job_views::*;
pub use knowledge_base::*;
pub use phone_number::*;
pub use project::*;
pub use project_secret::*;
pub use statistics::*;
pub use tts::*;
pub use voice_agent::*;
pub use voice_dictionary::*;
pub use web_call::*;
pub use web_tool::*;

/// Fields this SDK version does not know, kept verbatim.
pub type Extra = serde_json::Map<String, serde_json::Value>;
