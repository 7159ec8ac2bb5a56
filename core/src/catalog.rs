//! The machine-readable description of the whole SDK surface (`docs/catalog.md` is its contract): every
//! operation with its kind, route, safety class, positional argument and JSON Schemas, and the error
//! codes. `codegen/` generates every binding's typed layer and the CLI's command table from the
//! committed `catalog.json`, which a test keeps equal to [`catalog()`].

use crate::endpoints::JSON_ENDPOINTS;
use crate::error::ErrorKind;
use crate::json_api::HELPERS;
use schemars::{SchemaGenerator, generate::SchemaSettings};
use serde_json::{Value, json};

/// The catalog as JSON. Object schemas list their properties in the order the core declares them.
pub fn catalog() -> Value {
    let mut generator: SchemaGenerator = SchemaSettings::draft2020_12().into_generator();
    let mut operations: Vec<Value> = JSON_ENDPOINTS
        .iter()
        .map(|entry| {
            let spec = &entry.spec;
            let (request, response) = (entry.schemas)(&mut generator);
            json!({
                "name": spec.name,
                "resource": spec.resource,
                "method": spec.method_name,
                "kind": spec.kind().as_str(),
                "summary": spec.summary.trim(),
                "positional": spec.positional,
                "http": {"method": spec.http_method.as_str(), "path": spec.path, "query": spec.query_fields,
                         "body": spec.sends_body().then_some("json")},
                "safety": spec.safety.as_str(),
                "items": spec.items_field,
                "polls": null,
                "follow": spec.follow.map(|f| json!({"operation": f.operation, "from": f.from})),
                "project": spec.project,
                "request": request,
                "response": response,
            })
        })
        .collect();
    operations.extend(HELPERS.iter().map(|helper| {
        let (request, response) = (helper.schemas)(&mut generator);
        let polled_safety = helper.polls.and_then(|polled| JSON_ENDPOINTS.iter().find(|e| e.spec.name == polled));
        json!({
            "name": helper.name,
            "resource": helper.resource,
            "method": helper.method_name,
            "kind": helper.kind.as_str(),
            "summary": helper.summary,
            "positional": helper.positional,
            "http": null,
            "safety": polled_safety.map(|e| e.spec.safety.as_str()),
            "items": null,
            "polls": helper.polls,
            "follow": null,
            "project": null,
            "request": request,
            "response": response,
        })
    }));
    let errors: Vec<Value> = ErrorKind::ALL
        .iter()
        .map(|kind| {
            json!({"code": kind.code(), "exitCode": kind.exit_code(), "httpStatus": kind.http_status(),
                   "summary": kind.summary()})
        })
        .collect();
    crate::models::register_views(&mut generator);
    json!({
        "sdkVersion": crate::VERSION,
        "operations": operations,
        "errors": errors,
        "definitions": generator.take_definitions(true),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_operation_is_described() {
        let catalog = catalog();
        let operations = catalog["operations"].as_array().unwrap();
        assert_eq!(operations.len(), crate::ENDPOINTS.len() + HELPERS.len());
        let definitions = catalog["definitions"].as_object().unwrap();
        for name in ["Job", "CreateTwilioCallParams", "JobStatus", "WebhookAuth", "PhoneNumberPage", "WaitForJobParams"]
        {
            assert!(definitions.contains_key(name), "{name} missing from {:?}", definitions.keys());
        }
        let twilio = &definitions["CreateTwilioCallParams"];
        assert_eq!(twilio["required"], json!(["toNumber", "twilioPhoneNumber"]));
        assert_eq!(definitions["WebhookAuth"]["properties"]["authSecret"]["$ref"], "#/$defs/Secret");
    }

    #[test]
    fn the_route_says_where_the_fields_go() {
        let catalog = catalog();
        let http = |name: &str| {
            catalog["operations"].as_array().unwrap().iter().find(|o| o["name"] == name).unwrap()["http"].clone()
        };
        assert_eq!(http("knowledge_base.delete_url")["method"], "DELETE");
        assert_eq!(http("knowledge_base.delete_url")["body"], "json");
        assert_eq!(http("knowledge_base.get")["body"], Value::Null);
        assert_eq!(http("knowledge_base.update")["body"], "json");
    }

    #[test]
    fn properties_keep_the_order_the_core_declares() {
        let catalog = catalog();
        let properties: Vec<&String> =
            catalog["definitions"]["CreateTwilioCallParams"]["properties"].as_object().unwrap().keys().collect();
        assert_eq!(properties[..3], ["toNumber", "twilioPhoneNumber", "agentDetails"]);
    }

    #[test]
    fn every_waiter_polls_an_endpoint_and_every_follow_names_a_waiter() {
        let catalog = catalog();
        let operations = catalog["operations"].as_array().unwrap();
        let kind_of = |name: &str| operations.iter().find(|o| o["name"] == name).map(|o| o["kind"].clone());
        for op in operations {
            if op["kind"] == "waiter" {
                assert_eq!(kind_of(op["polls"].as_str().unwrap()), Some(json!("plain")), "{}", op["name"]);
            }
            if let Some(follow) = op["follow"].as_object() {
                assert_eq!(kind_of(follow["operation"].as_str().unwrap()), Some(json!("waiter")), "{}", op["name"]);
            }
        }
    }

    /// `catalog.json` at the top of the repository is what the generators read: it must be this catalog.
    #[test]
    fn the_committed_catalog_is_current() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../catalog.json");
        let committed = std::fs::read_to_string(path).expect("catalog.json at the top of the repository");
        let current = serde_json::to_string_pretty(&catalog()).unwrap() + "\n";
        assert!(
            committed == current,
            "catalog.json is stale: run `cargo run -p hamsa --example catalog > catalog.json`, then `python3 codegen/generate.py`"
        );
    }
}
