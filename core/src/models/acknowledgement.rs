use super::Extra;
use serde::{Deserialize, Serialize};

/// The answer of a route that returns no data (`{success, message, messageKey}`): its own envelope, so
/// the server's words reach the caller. Routes declared with `result = envelope` return it.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Acknowledgement {
    /// `true` (a `false` answer is an error, never an `Acknowledgement`).
    pub success: Option<bool>,
    /// The server's words, e.g. "URL deleted successfully".
    pub message: Option<String>,
    /// A stable key, e.g. `URL_DELETED_SUCCESSFULLY`.
    pub message_key: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}
