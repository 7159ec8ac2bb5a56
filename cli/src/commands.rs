//! The command tree, built from the generated operation table: one subcommand per operation, one flag
//! per argument. A new endpoint in the core appears here by regenerating the table, without any change.

use crate::operation::{Field, Input, Kind, OPERATIONS, Operation};
use clap::{Arg, ArgAction, Command};

pub fn build() -> Command {
    let mut root = Command::new("hamsa")
        .about("The Hamsa API from the command line, and a local Hamsa server for tests (`hamsa mock`)")
        .version(hamsa::VERSION)
        .subcommand_required(true)
        .arg_required_else_help(true)
        .after_help(crate::exit_codes::help())
        .args(global_args());
    let mut resources: Vec<&str> = Vec::new();
    for op in OPERATIONS {
        if !resources.contains(&op.resource) {
            resources.push(op.resource);
        }
    }
    for resource in resources {
        let mut group = Command::new(resource)
            .about(format!("{} operations", resource.replace('-', " ")))
            .subcommand_required(true)
            .arg_required_else_help(true);
        for op in OPERATIONS.iter().filter(|op| op.resource == resource) {
            group = group.subcommand(operation_command(op));
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

/// The clap id of the positional argument. A wire name never holds a space, and a field's clap id is its
/// flag (kebab-case), so no field (`knowledge_base.get`'s `--id`) can take it.
pub const POSITIONAL: &str = "positional id";

fn operation_command(op: &Operation) -> Command {
    let mut command = Command::new(op.method).about(op.summary).arg(
        Arg::new("input")
            .long("input")
            .value_name("FILE|-")
            .help("Arguments as a JSON object (wire field names) from a file, or - for stdin; flags override it"),
    );
    if let Some(field) = op.positional_field() {
        command =
            command.arg(Arg::new(POSITIONAL).value_name(field.flag.to_uppercase()).help(format!("The {}", field.wire)));
    }
    for field in op.fields {
        command = command.arg(field_arg(field));
    }
    if op.kind == Kind::Paged {
        command = command.arg(Arg::new("all").long("all").action(ArgAction::SetTrue).help("Fetch every page"));
    }
    if let Some(follow) = &op.follow {
        let waiter = crate::operation::find(follow.operation)
            .map_or(follow.operation.to_owned(), |waiter| format!("hamsa {} {}", waiter.resource, waiter.method));
        command = command.arg(
            Arg::new("wait")
                .long("wait")
                .action(ArgAction::SetTrue)
                .help(format!("Then run `{waiter}` on the result's {} and print its result too", follow.from)),
        );
    }
    command
}

fn field_arg(field: &Field) -> Arg {
    let mut help = field.description.to_owned();
    help.push_str(match field.input {
        Input::Json => " (JSON)",
        Input::List(_) => " (repeatable)",
        _ => "",
    });
    if !field.known_values.is_empty() {
        help.push_str(&format!(" [known: {}]", field.known_values.join(", ")));
    }
    if field.required {
        help.push_str(" [required]");
    }
    // Its id is its flag, which the generator keeps apart from the command line's own (an argument
    // called `timeout` must not read the global `--timeout`).
    let arg = Arg::new(field.flag).long(field.flag).help(help.trim().to_owned());
    match field.input {
        Input::List(_) => arg.action(ArgAction::Append),
        _ => arg.action(ArgAction::Set),
    }
}

#[cfg(test)]
mod tests {
    use crate::operation::{Input, OPERATIONS, find};

    #[test]
    fn the_command_tree_is_valid_and_covers_every_operation() {
        let command = super::build();
        command.clone().debug_assert();
        assert_eq!(OPERATIONS.len(), hamsa::json_api::operation_names().len());
        for name in hamsa::json_api::operation_names() {
            let op = find(name).unwrap_or_else(|| panic!("{name} is missing from the table"));
            let group = command.find_subcommand(op.resource).unwrap();
            assert!(group.find_subcommand(op.method).is_some(), "{name}");
        }
    }

    #[test]
    fn commands_and_flags_are_kebab_case() {
        let op = find("phone_numbers.add_twilio").unwrap();
        assert_eq!((op.resource, op.method), ("phone-numbers", "add-twilio"));
        let flag = |name: &str, wire: &str| find(name).unwrap().fields.iter().find(|f| f.wire == wire).unwrap().flag;
        assert_eq!(flag("calls.create_twilio", "twilioPhoneNumber"), "twilio-phone-number");
        assert_eq!(flag("phone_numbers.get", "pid"), "pid");
        // An argument whose flag would be one of the command line's own takes the method's name in front.
        assert_eq!(flag("web_tools.test", "apiKey"), "test-api-key");
        assert_eq!(flag("web_tools.test", "timeout"), "test-timeout");
    }

    #[test]
    fn a_positional_argument_named_id_is_also_its_flag() {
        use crate::arguments::collect;
        let op = find("web_tools.update").unwrap();
        for line in [
            &["hamsa", "web-tools", "update", "t-1", "--name", "n"][..],
            &["hamsa", "web-tools", "update", "--id", "t-1", "--name", "n"],
        ] {
            let matches = super::build().try_get_matches_from(line).unwrap();
            let (_, group) = matches.subcommand().unwrap();
            let (_, leaf) = group.subcommand().unwrap();
            assert_eq!(collect(op, leaf).unwrap(), serde_json::json!({"id": "t-1", "name": "n"}), "{line:?}");
        }
    }

    #[test]
    fn inputs_from_the_catalog() {
        let field = |name: &str, wire: &str| find(name).unwrap().fields.iter().find(|f| f.wire == wire).unwrap();
        let status = field("conversations.list", "status");
        assert_eq!(status.input, Input::List(&Input::Text));
        assert!(status.known_values.contains(&"IN_PROGRESS"), "{:?}", status.known_values);
        assert_eq!(field("conversations.list", "perPage").input, Input::Integer);
        assert_eq!(field("conversations.list", "voiceAgentId").input, Input::Text);
        assert_eq!(field("calls.create_twilio", "webhookAuth").input, Input::Json);
        assert!(field("calls.create_twilio", "toNumber").required);
        assert!(!field("calls.create_twilio", "voiceAgentId").required);
    }

    /// The table is generated from `catalog.json`, which a core test keeps equal to the core's catalog; this
    /// checks the table against the core directly too: every operation's kind, positional argument,
    /// follow-up and arguments (names and whether required).
    #[test]
    fn the_table_agrees_with_the_core_catalog() {
        let catalog = hamsa::catalog::catalog();
        for entry in catalog["operations"].as_array().unwrap() {
            let op = find(entry["name"].as_str().unwrap()).unwrap();
            assert_eq!(entry["kind"], op.kind.as_str(), "{}", op.name);
            assert_eq!(entry["positional"].as_str(), op.positional, "{}", op.name);
            assert_eq!(entry["follow"]["operation"].as_str(), op.follow.as_ref().map(|f| f.operation), "{}", op.name);
            assert_eq!(entry["follow"]["from"].as_str(), op.follow.as_ref().map(|f| f.from), "{}", op.name);
            let reference = entry["request"]["$ref"].as_str().unwrap();
            let request = &catalog["definitions"][reference.rsplit('/').next().unwrap()];
            // A request without arguments (`projects.get`) has no `properties` at all.
            let wires: Vec<&str> =
                request["properties"].as_object().map(|p| p.keys().map(String::as_str).collect()).unwrap_or_default();
            assert_eq!(wires, op.fields.iter().map(|f| f.wire).collect::<Vec<_>>(), "{}", op.name);
            for field in op.fields {
                let required = request["required"].as_array().is_some_and(|r| r.iter().any(|w| w == field.wire));
                assert_eq!(required, field.required, "{}.{}", op.name, field.wire);
            }
        }
    }
}
