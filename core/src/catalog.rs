//! The machine-readable description of the whole SDK surface: every operation (name, HTTP method, path,
//! safety class, paging, summary) with the JSON Schemas of its arguments and result, the helper
//! operations, and the error codes. Bindings generate their type information (`.pyi`, `index.d.ts`) and
//! method tables from it, so a new endpoint reaches every language from its one declaration.

use crate::dynamic::HELPER_OPERATIONS;
use crate::endpoints::DYNAMIC;
use crate::error::ErrorKind;
use schemars::{SchemaGenerator, generate::SchemaSettings};
use serde_json::{Value, json};

/// The catalog as JSON.
pub fn catalog() -> Value {
    let mut generator: SchemaGenerator = SchemaSettings::draft2020_12().into_generator();
    let operations: Vec<Value> = DYNAMIC
        .iter()
        .map(|entry| {
            let spec = &entry.spec;
            let (request, response) = (entry.schemas)(&mut generator);
            json!({
                "name": spec.name,
                "resource": spec.resource,
                "method": spec.method_name,
                "httpMethod": spec.http_method.as_str(),
                "path": spec.path,
                "safety": spec.safety.as_str(),
                "paged": spec.paged,
                "items": entry.items_field,
                "summary": spec.summary.trim(),
                "request": request,
                "response": response,
            })
        })
        .collect();
    let helpers = helper_operations(&mut generator);
    debug_assert_eq!(helpers.len(), HELPER_OPERATIONS.len());
    json!({
        "sdkVersion": crate::VERSION,
        "operations": operations,
        "helpers": helpers,
        "errorCodes": ErrorKind::ALL.iter().map(|kind| kind.code()).collect::<Vec<_>>(),
        "definitions": generator.take_definitions(true),
    })
}

fn helper_operations(generator: &mut SchemaGenerator) -> Vec<Value> {
    let job = generator.subschema_for::<crate::models::Job>();
    let conversation = generator.subschema_for::<crate::models::Conversation>();
    let event = generator.subschema_for::<crate::webhooks::WebhookEvent>();
    let wait_timing = json!({
        "pollIntervalMs": {"type": "integer", "minimum": 0},
        "timeoutMs": {"type": "integer", "minimum": 0}
    });
    let with_timing = |id: &str| {
        let mut properties = wait_timing.clone();
        properties[id] = json!({"type": "string"});
        json!({"type": "object", "properties": properties, "required": [id]})
    };
    vec![
        json!({"name": "jobs.wait", "resource": "jobs", "method": "wait", "paged": false,
               "summary": "Poll a job until it reaches a terminal status.",
               "request": with_timing("jobId"), "response": job}),
        json!({"name": "conversations.wait", "resource": "conversations", "method": "wait", "paged": false,
               "summary": "Poll a conversation until the call has ended.",
               "request": with_timing("conversationId"), "response": conversation}),
        json!({"name": "webhooks.verify", "resource": "webhooks", "method": "verify", "paged": false,
               "summary": "Check a webhook request's Authorization header against your webhookAuth.",
               "request": {"type": "object", "required": ["authKey", "authSecret"], "properties": {
                   "authorization": {"type": ["string", "null"]}, "authKey": {"type": "string"},
                   "authSecret": {"type": "string", "x-secret": true}}},
               "response": {"type": "boolean"}}),
        json!({"name": "webhooks.parse", "resource": "webhooks", "method": "parse", "paged": false,
               "summary": "Parse a webhook request's raw body into an event.",
               "request": {"type": "object", "required": ["body"], "properties": {"body": {"type": "string"}}},
               "response": event}),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_operation_is_described() {
        let catalog = catalog();
        let operations = catalog["operations"].as_array().unwrap();
        assert_eq!(operations.len(), crate::ENDPOINTS.len());
        let definitions = catalog["definitions"].as_object().unwrap();
        for name in ["Job", "CreateTwilioCallParams", "JobStatus", "WebhookAuth", "PhoneNumberPage"] {
            assert!(definitions.contains_key(name), "{name} missing from {:?}", definitions.keys());
        }
        let twilio = &definitions["CreateTwilioCallParams"];
        assert_eq!(twilio["required"], json!(["toNumber", "twilioPhoneNumber"]));
        assert_eq!(definitions["WebhookAuth"]["properties"]["authSecret"]["$ref"], "#/$defs/Secret");
    }
}
