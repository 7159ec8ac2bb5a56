//! Command-line flags to the operation's wire-JSON arguments.

use crate::commands::Operation;
use crate::schema::FieldKind;
use clap::ArgMatches;
use serde_json::{Map, Value};
use std::io::Read;

/// The `--input` JSON (if any), overridden by the positional id and each flag given.
pub fn collect(op: &Operation, matches: &ArgMatches) -> Result<Value, String> {
    let mut args = match matches.get_one::<String>("input") {
        Some(source) => read_input(source)?,
        None => Map::new(),
    };
    if let Some(field) = &op.positional
        && let Some(id) = matches.get_one::<String>("id")
    {
        args.insert(field.clone(), Value::String(id.clone()));
    }
    for field in &op.fields {
        let Some(values) = matches.get_many::<String>(&field.name) else { continue };
        let values: Vec<&String> = values.collect();
        let value = match &field.kind {
            FieldKind::List(item) => {
                Value::Array(values.iter().map(|v| parse(&field.name, item, v)).collect::<Result<_, _>>()?)
            }
            kind => parse(&field.name, kind, values[values.len() - 1])?,
        };
        args.insert(field.name.clone(), value);
    }
    Ok(Value::Object(args))
}

fn parse(name: &str, kind: &FieldKind, text: &str) -> Result<Value, String> {
    let problem = |what: &str| format!("--{}: {text:?} is not {what}", crate::schema::kebab(name));
    Ok(match kind {
        FieldKind::Text => Value::String(text.to_owned()),
        FieldKind::Integer => Value::from(text.parse::<i64>().map_err(|_| problem("an integer"))?),
        FieldKind::Number => serde_json::Number::from_f64(text.parse().map_err(|_| problem("a number"))?)
            .map(Value::Number)
            .ok_or_else(|| problem("a finite number"))?,
        FieldKind::Boolean => Value::Bool(text.parse().map_err(|_| problem("true or false"))?),
        FieldKind::List(_) | FieldKind::Json => {
            serde_json::from_str(text).map_err(|e| problem(&format!("JSON ({e})")))?
        }
    })
}

fn read_input(source: &str) -> Result<Map<String, Value>, String> {
    let text = if source == "-" {
        let mut text = String::new();
        std::io::stdin().read_to_string(&mut text).map_err(|e| format!("--input: could not read stdin: {e}"))?;
        text
    } else {
        std::fs::read_to_string(source).map_err(|e| format!("--input: could not read {source}: {e}"))?
    };
    match serde_json::from_str(&text) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(_) => Err("--input must hold a JSON object".into()),
        Err(e) => Err(format!("--input is not JSON: {e}")),
    }
}
