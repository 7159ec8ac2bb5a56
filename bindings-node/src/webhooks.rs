//! Webhook helpers, synchronous and client-free so they fit any framework's request handler: the raw
//! header value and body in, a verdict or an event out.

use crate::errors::{guard, to_napi};
use napi_derive::napi;

/// Checks an `Authorization` header value (`null` when the request had none) against the
/// `webhookAuth` given when the call was started. Throws a `webhook_verification` error.
#[napi]
pub fn webhooks_verify(authorization: Option<String>, auth_key: String, auth_secret: String) -> napi::Result<bool> {
    guard(|| {
        let expected = hamsa::models::WebhookAuth::new(auth_key, auth_secret);
        hamsa::webhooks::verify(authorization.as_deref(), &expected).map_err(|error| to_napi(&error))?;
        Ok(true)
    })
}

/// Parses a webhook request's raw body into the event, as wire-JSON text. Throws a `decode` error.
#[napi]
pub fn webhooks_parse(body: String) -> napi::Result<String> {
    guard(|| {
        let event = hamsa::webhooks::parse(body.as_bytes()).map_err(|error| to_napi(&error))?;
        serde_json::to_string(&event).map_err(|e| crate::errors::internal(format!("cannot encode the event: {e}")))
    })
}
