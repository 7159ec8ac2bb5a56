//! Webhook helpers, synchronous and client-free so they fit any framework's request handler: the raw
//! header value and body in, a verdict or an event out. Both run through the core's one way in for
//! operations without a client, `invoke_offline`.

use crate::errors::{guard, to_napi};
use napi_derive::napi;
use serde_json::json;

/// Checks an `Authorization` header value (`null` when the request had none) against the
/// `webhookAuth` given when the call was started. Throws a `webhook_verification` error.
#[napi]
pub fn webhooks_verify(authorization: Option<String>, auth_key: String, auth_secret: String) -> napi::Result<bool> {
    guard(|| {
        let args = json!({"authorization": authorization, "authKey": auth_key, "authSecret": auth_secret});
        hamsa::json_api::invoke_offline("webhooks.verify", args).map_err(|error| to_napi(&error))?;
        Ok(true)
    })
}

/// Parses a webhook request's raw body into the event, as wire-JSON text. Throws a `decode` error.
#[napi]
pub fn webhooks_parse(body: String) -> napi::Result<String> {
    guard(|| {
        hamsa::json_api::invoke_offline("webhooks.parse", json!({ "body": body }))
            .and_then(|event| event.to_text())
            .map_err(|error| to_napi(&error))
    })
}
