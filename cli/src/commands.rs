//! The command tree, built from the SDK catalog: one subcommand per operation, one flag per request
//! field. A new endpoint in the core appears here without any change.

use crate::schema::{Field, FieldKind, fields, kebab};
use clap::{Arg, ArgAction, Command};
use serde_json::{Map, Value};

/// An operation as the command line sees it.
pub struct Operation {
    /// The public name, `calls.create_twilio`.
    pub name: String,
    pub fields: Vec<Field>,
    /// The catalog's kind: `plain`, `paged`, `waiter`, `offline`.
    pub kind: String,
    /// The field a lone positional argument fills (`hamsa jobs wait ID`).
    pub positional: Option<String>,
    /// The waiter that `--wait` runs on the result, and the result's field it takes.
    pub follow: Option<(String, String)>,
}

pub fn operations(catalog: &Value) -> Vec<Operation> {
    let empty = Map::new();
    let definitions = catalog["definitions"].as_object().unwrap_or(&empty);
    catalog["operations"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|op| {
            let text = |value: &Value| value.as_str().map(str::to_owned);
            let follow = text(&op["follow"]["operation"]).zip(text(&op["follow"]["from"]));
            Some(Operation {
                name: text(&op["name"])?,
                fields: fields(&op["request"], definitions),
                kind: text(&op["kind"])?,
                positional: text(&op["positional"]),
                follow,
            })
        })
        .collect()
}

pub fn build(catalog: &Value, operations: &[Operation]) -> Command {
    let mut root = Command::new("hamsa")
        .about("The Hamsa API from the command line, and a local Hamsa server for tests (`hamsa mock`)")
        .version(hamsa::VERSION)
        .subcommand_required(true)
        .arg_required_else_help(true)
        .after_help(crate::exit_codes::HELP)
        .args(global_args());
    let mut resources: Vec<&str> = Vec::new();
    for resource in operations.iter().filter_map(|o| o.name.split('.').next()) {
        if !resources.contains(&resource) {
            resources.push(resource);
        }
    }
    for resource in resources {
        let mut group = Command::new(kebab(resource))
            .about(format!("{} operations", resource.replace('_', " ")))
            .subcommand_required(true)
            .arg_required_else_help(true);
        for op in operations.iter().filter(|o| o.name.split('.').next() == Some(resource)) {
            group = group.subcommand(operation_command(catalog, op));
        }
        root = root.subcommand(group);
    }
    root.subcommand(crate::mock_command::command())
        .subcommand(Command::new("operations").about("List every operation with its HTTP route and safety class"))
}

fn global_args() -> Vec<Arg> {
    vec![
        Arg::new("api-key").long("api-key").global(true).help("API key (default: $HAMSA_API_KEY)"),
        Arg::new("base-url")
            .long("base-url")
            .global(true)
            .help("API base URL (default: $HAMSA_BASE_URL, else the region's)"),
        Arg::new("region").long("region").global(true).value_parser(["eu", "uae"]).help("Region preset (default eu)"),
        Arg::new("auth-scheme").long("auth-scheme").global(true).value_parser(["Token", "Bearer"]),
        Arg::new("timeout")
            .long("timeout")
            .global(true)
            .value_parser(clap::value_parser!(f64))
            .help("Seconds per attempt"),
        Arg::new("max-retries").long("max-retries").global(true).value_parser(clap::value_parser!(u32)),
        Arg::new("header")
            .long("header")
            .global(true)
            .action(ArgAction::Append)
            .value_name("NAME=VALUE")
            .help("An extra request header (repeatable)"),
        Arg::new("output")
            .long("output")
            .short('o')
            .global(true)
            .value_parser(["json", "table"])
            .help("json (default; pretty on a terminal, compact when piped) or table (for lists)"),
    ]
}

fn operation_command(catalog: &Value, op: &Operation) -> Command {
    let method = op.name.split('.').nth(1).unwrap_or_default();
    let summary = summary(catalog, &op.name);
    let mut command = Command::new(kebab(method)).about(summary).arg(
        Arg::new("input")
            .long("input")
            .value_name("FILE|-")
            .help("Arguments as a JSON object (wire field names) from a file, or - for stdin; flags override it"),
    );
    if let Some(field) = &op.positional {
        command = command.arg(Arg::new("id").value_name(kebab(field).to_uppercase()).help(format!("The {field}")));
    }
    for field in &op.fields {
        command = command.arg(field_arg(field));
    }
    if op.kind == "paged" {
        command = command.arg(Arg::new("all").long("all").action(ArgAction::SetTrue).help("Fetch every page"));
    }
    if op.follow.is_some() {
        command = command.arg(
            Arg::new("wait")
                .long("wait")
                .action(ArgAction::SetTrue)
                .help("Wait for the call to end and print its conversation"),
        );
    }
    command
}

fn field_arg(field: &Field) -> Arg {
    let mut help = field.description.clone().unwrap_or_default();
    let note = match &field.kind {
        FieldKind::Json => " (JSON)".to_owned(),
        FieldKind::List(_) => " (repeatable)".to_owned(),
        _ => String::new(),
    };
    help.push_str(&note);
    if !field.known_values.is_empty() {
        help.push_str(&format!(" [known: {}]", field.known_values.join(", ")));
    }
    if field.required {
        help.push_str(" [required]");
    }
    let arg = Arg::new(field.name.clone()).long(kebab(&field.name)).help(help.trim().to_owned());
    match field.kind {
        FieldKind::List(_) => arg.action(ArgAction::Append),
        _ => arg.action(ArgAction::Set),
    }
}

fn summary(catalog: &Value, name: &str) -> String {
    catalog["operations"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|op| op["name"] == name)
        .and_then(|op| op["summary"].as_str())
        .unwrap_or_default()
        .trim()
        .to_owned()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_command_tree_is_valid_and_covers_every_operation() {
        let catalog = hamsa::catalog::catalog();
        let operations = super::operations(&catalog);
        let command = super::build(&catalog, &operations);
        command.clone().debug_assert();
        assert_eq!(operations.len(), hamsa::json_api::operation_names().len());
        for name in hamsa::json_api::operation_names() {
            let (resource, method) = name.split_once('.').unwrap();
            let group = command.find_subcommand(super::kebab(resource)).unwrap();
            assert!(group.find_subcommand(super::kebab(method)).is_some(), "{name}");
        }
    }
}
