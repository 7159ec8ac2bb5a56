//! The canned answers, built once at start-up so that serving one is a reference-count increment: the
//! server must never be what the benchmark measures.

use bytes::Bytes;
use serde_json::{Value, json};

/// The id and number every client checks in the answer to `phone_numbers.get`.
pub const PHONE_NUMBER_ID: &str = "d949f13f-40d2-4e48-ac86-b66633070603";
pub const PHONE_NUMBER: &str = "+9700000000";
/// How many phone numbers the list answer holds (about 1 MB of JSON).
pub const LIST_LEN: usize = 5000;

/// Every answer the server gives, as the bytes of a whole body.
pub struct Canned {
    pub phone_number: Bytes,
    pub list: Bytes,
    pub empty_list: Bytes,
    pub not_found: Bytes,
}

impl Canned {
    pub fn new() -> Self {
        let items: Vec<Value> =
            (0..LIST_LEN).map(|i| phone_number(&format!("pn-{i:05}"), &format!("+97000{i:05}"))).collect();
        Self {
            phone_number: envelope(phone_number(PHONE_NUMBER_ID, PHONE_NUMBER)),
            list: envelope(Value::Array(items)),
            empty_list: envelope(json!([])),
            not_found: Bytes::from(
                json!({"success": false, "message": "Not Found", "messageKey": "NOT_FOUND"}).to_string(),
            ),
        }
    }
}

/// A phone number as the API sends it (about 300 bytes once wrapped in the envelope).
fn phone_number(id: &str, number: &str) -> Value {
    json!({
        "id": id,
        "number": number,
        "label": "Support Line",
        "type": "TWILIO",
        "userId": "5f0c2a7e-93b1-4d6a-8c2e-1b7d9e4f6a30",
        "voiceAgentId": null,
        "createdAt": "2025-01-15T10:30:00.000Z",
        "updatedAt": "2025-01-15T10:30:00.000Z",
    })
}

fn envelope(data: Value) -> Bytes {
    Bytes::from(json!({"success": true, "message": "Success", "data": data}).to_string())
}
