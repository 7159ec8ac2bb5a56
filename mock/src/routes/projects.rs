//! The project the API key belongs to.

use crate::envelope::{self, Answer};
use crate::store::PROJECT_ID;
use serde_json::json;

pub async fn get() -> Answer {
    Ok(envelope::ok(json!({
        "id": PROJECT_ID, "name": "Hamsa mock project", "isDeactivated": false,
        "createdAt": "2026-01-01T00:00:00.000Z", "updatedAt": "2026-01-01T00:00:00.000Z",
    })))
}
