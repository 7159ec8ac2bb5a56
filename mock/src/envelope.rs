//! Answers in the API's `{success, message, messageKey, data}` envelope.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

pub fn ok(data: Value) -> Response {
    (StatusCode::OK, axum::Json(json!({"success": true, "message": "Success", "data": data}))).into_response()
}

/// A success with no `data`: `{success, message, messageKey}`, as the routes that only acknowledge answer.
pub fn done(message: &str, message_key: &str) -> Response {
    let body = json!({"success": true, "message": message, "messageKey": message_key});
    (StatusCode::OK, axum::Json(body)).into_response()
}

/// A success with the API's own message and messageKey (the v2 routes send them).
pub fn ok_with(data: Value, message: &str, message_key: &str) -> Response {
    let body = json!({"success": true, "message": message, "messageKey": message_key, "data": data});
    (StatusCode::OK, axum::Json(body)).into_response()
}

pub fn error(status: StatusCode, message: &str, message_key: &str) -> Response {
    Rejection { status, message: message.to_owned(), message_key: message_key.to_owned() }.into_response()
}

/// A request the mock turns down, answered as `{success: false, message, messageKey}`. Handlers return
/// `Result<Response, Rejection>` so that `?` rejects.
#[derive(Debug)]
pub struct Rejection {
    status: StatusCode,
    message: String,
    message_key: String,
}

impl IntoResponse for Rejection {
    fn into_response(self) -> Response {
        let body = json!({"success": false, "message": self.message, "messageKey": self.message_key});
        (self.status, axum::Json(body)).into_response()
    }
}

pub type Answer = Result<Response, Rejection>;

pub fn reject(status: StatusCode, message: &str, message_key: &str) -> Rejection {
    Rejection { status, message: message.to_owned(), message_key: message_key.to_owned() }
}

pub fn bad_request(message: &str) -> Rejection {
    reject(StatusCode::UNPROCESSABLE_ENTITY, message, "VALIDATION_ERROR")
}

pub fn not_found(message: &str) -> Rejection {
    reject(StatusCode::NOT_FOUND, message, "NOT_FOUND")
}

/// A required string field of a JSON body, or the 422 that says it is missing.
pub fn required<'a>(body: &'a Value, field: &str) -> Result<&'a str, Rejection> {
    match body.get(field).and_then(Value::as_str) {
        Some(value) if !value.trim().is_empty() => Ok(value),
        _ => Err(bad_request(&format!("{field} is required"))),
    }
}
