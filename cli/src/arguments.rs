//! Command-line flags to the operation's wire-JSON arguments.

use crate::operation::{Input, Operation};
use clap::ArgMatches;
use serde_json::{Map, Value};
use std::io::Read;

/// The `--input` JSON (if any), overridden by the positional id and each flag given.
pub fn collect(op: &Operation, matches: &ArgMatches) -> Result<Value, String> {
    let mut args = match matches.get_one::<String>("input") {
        Some(source) => read_input(source)?,
        None => Map::new(),
    };
    if let Some(wire) = op.positional
        && let Some(id) = matches.get_one::<String>(crate::commands::POSITIONAL)
    {
        args.insert(wire.to_owned(), Value::String(id.clone()));
    }
    for field in op.fields {
        let Some(values) = matches.get_many::<String>(field.flag) else { continue };
        let values: Vec<&String> = values.collect();
        let value = match field.input {
            Input::List(item) => {
                Value::Array(values.iter().map(|v| parse(field.flag, *item, v)).collect::<Result<_, _>>()?)
            }
            input => parse(field.flag, input, values[values.len() - 1])?,
        };
        args.insert(field.wire.to_owned(), value);
    }
    Ok(Value::Object(args))
}

/// One value given for the flag `--{flag}`.
fn parse(flag: &str, input: Input, text: &str) -> Result<Value, String> {
    let problem = |what: &str| format!("--{flag}: {text:?} is not {what}");
    Ok(match input {
        Input::Text => Value::String(text.to_owned()),
        Input::Integer => Value::from(text.parse::<i64>().map_err(|_| problem("an integer"))?),
        Input::Number => serde_json::Number::from_f64(text.parse().map_err(|_| problem("a number"))?)
            .map(Value::Number)
            .ok_or_else(|| problem("a finite number"))?,
        Input::Boolean => Value::Bool(text.parse().map_err(|_| problem("true or false"))?),
        // A list inside a list has no flag syntax of its own: each element is JSON.
        Input::List(_) | Input::Json => serde_json::from_str(text).map_err(|e| problem(&format!("JSON ({e})")))?,
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
