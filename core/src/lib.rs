//! # hamsa
//!
//! The Rust core of the Hamsa SDK: one client for the Hamsa voice-AI API (voice agents that place and
//! answer phone calls, transcription, text-to-speech), shared by the Python, Node, Swift and Kotlin
//! bindings.
//!
//! ```no_run
//! # async fn demo() -> hamsa::Result<()> {
//! use hamsa::{Client, ClientOptions, endpoints::CreateTwilioCallParams};
//!
//! let client = Client::new(ClientOptions::default())?; // HAMSA_API_KEY from the environment
//! let job = client
//!     .calls()
//!     .create_twilio(CreateTwilioCallParams {
//!         to_number: "+966500000001".into(),
//!         twilio_phone_number: "+1234567890".into(),
//!         voice_agent_id: Some("agent-id".into()),
//!         ..Default::default()
//!     })
//!     .await?;
//! let done = client.jobs().wait(&job.id, Default::default()).await?;
//! println!("{:?}", done.status);
//! # Ok(()) }
//! ```
//!
//! What sets it apart: operations that place calls or start billed jobs are never sent twice (an
//! `outcome_unknown` error says so instead), one deadline spans every retry, secrets never reach logs or
//! errors, enums are open, and unknown fields are kept.

pub mod catalog;
mod client;
mod config;
pub mod endpoint;
pub mod endpoints;
mod envelope;
mod error;
mod event_stream;
pub mod json_api;
pub mod models;
mod open_enum;
pub mod paging;
mod pending_request;
pub mod polling;
mod response;
pub mod retry;
mod secret;
mod single_flight;
mod transport;
mod typed_json;
pub mod validate;
pub mod webhooks;

pub use client::Client;
pub use config::{AuthScheme, ClientOptions, Region, RequestOptions};
pub use endpoint::{Follow, OperationKind};
pub use endpoints::ENDPOINTS;
pub use error::{Attempt, AttemptOutcome, Error, ErrorKind, Result};
pub use json_api::{JsonPager, JsonResult};
pub use pending_request::PendingRequest;
pub use polling::WaitOptions;
pub use response::{RateLimit, Response, ResponseMeta};
pub use secret::{REDACTED, Secret, is_secret_field, redact_json, redact_text};
pub use typed_json::TypedJson;

#[doc(hidden)]
pub mod __private {
    pub use schemars;
    pub use serde;
}

/// The SDK version, as in the user agent.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
