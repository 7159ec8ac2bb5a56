//! Webhook helpers; they need no client and no runtime.

use crate::error::HamsaError;
use crate::guard::run_sync;
use hamsa::models::WebhookAuth;

/// Checks a webhook request's `Authorization` header (`None` when absent) against the `webhookAuth`
/// given when the call was started; fails with `webhook_verification`. Compares in constant time.
#[uniffi::export]
pub fn webhooks_verify(authorization: Option<String>, auth_key: String, auth_secret: String) -> Result<(), HamsaError> {
    run_sync(|| hamsa::webhooks::verify(authorization.as_deref(), &WebhookAuth::new(auth_key, auth_secret)))
}

/// Parses a webhook request's raw body into the event, as wire JSON.
#[uniffi::export]
pub fn webhooks_parse(body: String) -> Result<String, HamsaError> {
    run_sync(|| {
        let event = hamsa::webhooks::parse(body.as_bytes())?;
        serde_json::to_string(&event).map_err(|e| hamsa::Error::new(hamsa::ErrorKind::Decode, e.to_string()))
    })
}
