//! Reads the SDK catalog's JSON Schemas just enough to turn command-line flags into request fields.

use serde_json::{Map, Value};

/// How a request field is given on the command line.
#[derive(Clone, Debug, PartialEq)]
pub enum FieldKind {
    Text,
    Integer,
    Number,
    Boolean,
    /// Repeat the flag for each element.
    List(Box<FieldKind>),
    /// JSON text.
    Json,
}

#[derive(Clone, Debug)]
pub struct Field {
    /// The wire name, e.g. `twilioPhoneNumber`.
    pub name: String,
    pub kind: FieldKind,
    pub required: bool,
    pub description: Option<String>,
    /// The known values of an open enum.
    pub known_values: Vec<String>,
}

/// The fields of an object schema (following a `$ref`), in the catalog's order.
pub fn fields(schema: &Value, definitions: &Map<String, Value>) -> Vec<Field> {
    let schema = resolve(schema, definitions);
    let required: Vec<&str> =
        schema.get("required").and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_str).collect();
    let Some(properties) = schema.get("properties").and_then(Value::as_object) else { return Vec::new() };
    properties
        .iter()
        .map(|(name, property)| Field {
            name: name.clone(),
            kind: kind(property, definitions),
            required: required.contains(&name.as_str()),
            description: property.get("description").and_then(Value::as_str).map(str::to_owned),
            known_values: known_values(property, definitions),
        })
        .collect()
}

fn resolve<'a>(schema: &'a Value, definitions: &'a Map<String, Value>) -> &'a Value {
    match schema.get("$ref").and_then(Value::as_str).and_then(|r| r.strip_prefix("#/$defs/")) {
        Some(name) => definitions.get(name).unwrap_or(schema),
        None => schema,
    }
}

/// Drops `null` from `anyOf`/`type` alternatives: an optional field is given or not given.
fn non_null<'a>(schema: &'a Value, definitions: &'a Map<String, Value>) -> &'a Value {
    let schema = resolve(schema, definitions);
    if schema.get("x-open-enum").is_some() {
        return schema;
    }
    if let Some(options) = schema.get("anyOf").and_then(Value::as_array) {
        let mut rest = options.iter().filter(|o| o.get("type").and_then(Value::as_str) != Some("null"));
        if let (Some(only), None) = (rest.next(), rest.next()) {
            return resolve(only, definitions);
        }
    }
    schema
}

fn kind(schema: &Value, definitions: &Map<String, Value>) -> FieldKind {
    let schema = non_null(schema, definitions);
    if schema.get("x-open-enum").is_some() || schema.get("x-secret").is_some() {
        return FieldKind::Text;
    }
    let types: Vec<&str> = match schema.get("type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).filter(|t| *t != "null").collect(),
        _ => Vec::new(),
    };
    match types.as_slice() {
        ["string"] => FieldKind::Text,
        ["integer"] => FieldKind::Integer,
        ["number"] => FieldKind::Number,
        ["boolean"] => FieldKind::Boolean,
        ["array"] => FieldKind::List(Box::new(schema.get("items").map_or(FieldKind::Json, |i| kind(i, definitions)))),
        _ => FieldKind::Json,
    }
}

fn known_values(schema: &Value, definitions: &Map<String, Value>) -> Vec<String> {
    let mut schema = non_null(schema, definitions);
    if let Some(items) = schema.get("items") {
        schema = non_null(items, definitions);
    }
    schema
        .get("anyOf")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|o| o.get("enum")?.as_array())
        .flatten()
        .filter_map(Value::as_str)
        .map(str::to_owned)
        .collect()
}

/// `twilioPhoneNumber` → `twilio-phone-number`; `create_twilio` → `create-twilio`.
pub fn kebab(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    for ch in name.chars() {
        if ch.is_ascii_uppercase() {
            out.push('-');
            out.push(ch.to_ascii_lowercase());
        } else if ch == '_' {
            out.push('-');
        } else {
            out.push(ch);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kebab_case() {
        assert_eq!(kebab("twilioPhoneNumber"), "twilio-phone-number");
        assert_eq!(kebab("create_with_phone_number"), "create-with-phone-number");
        assert_eq!(kebab("pid"), "pid");
    }

    #[test]
    fn kinds_from_the_catalog() {
        let catalog = hamsa::catalog::catalog();
        let definitions = catalog["definitions"].as_object().unwrap();
        let list = fields(&serde_json::json!({"$ref": "#/$defs/ListConversationsParams"}), definitions);
        let kind_of = |name: &str| list.iter().find(|f| f.name == name).unwrap().kind.clone();
        assert_eq!(kind_of("status"), FieldKind::List(Box::new(FieldKind::Text)));
        assert_eq!(kind_of("perPage"), FieldKind::Integer);
        assert_eq!(kind_of("voiceAgentId"), FieldKind::Text);
        let twilio = fields(&serde_json::json!({"$ref": "#/$defs/CreateTwilioCallParams"}), definitions);
        let auth = twilio.iter().find(|f| f.name == "webhookAuth").unwrap();
        assert_eq!(auth.kind, FieldKind::Json);
        assert!(twilio.iter().find(|f| f.name == "toNumber").unwrap().required);
    }
}
