//! Webhook helpers; they need no client and no runtime. Both run through the core's one way in for
//! operations without a client, `invoke_offline`.

use crate::error::HamsaError;
use crate::guard::run_sync;
use serde_json::json;

/// Checks a webhook request's `Authorization` header (`None` when absent) against the `webhookAuth`
/// given when the call was started; fails with `webhook_verification`. Compares in constant time.
#[uniffi::export]
pub fn webhooks_verify(authorization: Option<String>, auth_key: String, auth_secret: String) -> Result<(), HamsaError> {
    run_sync(|| {
        let args = json!({"authorization": authorization, "authKey": auth_key, "authSecret": auth_secret});
        hamsa::json_api::invoke_offline("webhooks.verify", args).map(drop)
    })
}

/// Parses a webhook request's raw body into the event, as wire JSON.
#[uniffi::export]
pub fn webhooks_parse(body: String) -> Result<String, HamsaError> {
    run_sync(|| hamsa::json_api::invoke_offline("webhooks.parse", json!({ "body": body }))?.to_text())
}
