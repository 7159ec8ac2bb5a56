//! `hamsa`: every operation of the Hamsa SDK from the command line, and `hamsa mock`.

mod arguments;
mod commands;
mod exit_codes;
mod generated;
mod mock_command;
mod operation;
mod output;
mod spinner;

use clap::ArgMatches;
use hamsa::{Client, ClientOptions, RequestOptions};
use operation::{Kind, OPERATIONS};
use serde_json::Value;
use std::process::ExitCode;
use std::time::Duration;

#[tokio::main]
async fn main() -> ExitCode {
    let matches = commands::build().get_matches();
    match run(&matches).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Usage(message)) => {
            eprintln!("error: {message}");
            ExitCode::from(exit_codes::USAGE)
        }
        Err(Failure::Sdk(error)) => {
            eprintln!("error: {error}");
            exit_codes::for_error(&error)
        }
    }
}

enum Failure {
    Usage(String),
    Sdk(hamsa::Error),
}

impl From<hamsa::Error> for Failure {
    fn from(error: hamsa::Error) -> Self {
        Self::Sdk(error)
    }
}

async fn run(matches: &ArgMatches) -> Result<(), Failure> {
    let Some((group, group_matches)) = matches.subcommand() else { return Ok(()) };
    match group {
        "mock" => return mock_command::run(group_matches).await.map_err(Failure::Usage),
        "operations" => {
            list_operations();
            return Ok(());
        }
        _ => {}
    }
    let Some((method, op_matches)) = group_matches.subcommand() else { return Ok(()) };
    let Some(op) = operation::for_command(group, method) else {
        return Err(Failure::Usage(format!("unknown operation {group} {method}")));
    };
    let args = arguments::collect(op, op_matches).map_err(Failure::Usage)?;
    let table = matches.get_one::<String>("output").is_some_and(|o| o == "table");

    if !op.kind.needs_client() {
        let result = hamsa::json_api::invoke_offline(op.name, args)?.to_value()?;
        return print(&result, table);
    }
    let client = client(matches)?;
    let result = match op.kind {
        Kind::Paged if op_matches.get_flag("all") => {
            Value::Array(client.pager_json(op.name, args, &RequestOptions::default())?.all_items().await?)
        }
        Kind::Waiter => wait(&client, op.name, args).await?,
        Kind::Plain | Kind::Paged | Kind::Offline => {
            client.invoke_json(op.name, args, &RequestOptions::default()).await?.data.to_value()?
        }
    };
    if let Some(follow) = &op.follow
        && op_matches.get_flag("wait")
    {
        print(&result, table)?;
        let Some(positional) = operation::find(follow.operation).and_then(|waiter| waiter.positional) else {
            return Err(Failure::Usage(format!("{} has no positional argument to wait on", follow.operation)));
        };
        let Some(id) = result.get(follow.from) else {
            return Err(Failure::Usage(format!("the result has no {:?} to wait on", follow.from)));
        };
        let followed = wait(&client, follow.operation, serde_json::json!({ positional: id })).await?;
        return print(&followed, table);
    }
    print(&result, table)
}

/// `hamsa operations`: each operation with its HTTP route and safety class, or its kind when it is none.
fn list_operations() {
    for op in OPERATIONS {
        match &op.http {
            Some(http) => {
                println!("{:<36} {:<6} {:<48} {}", op.name, http.method, http.path, op.safety.unwrap_or_default())
            }
            None => println!("{:<36} ({})", op.name, op.kind.as_str()),
        }
    }
}

/// Runs a waiter, with a spinner that shows each status the core's poll loop sees.
async fn wait(client: &Client, name: &str, args: Value) -> Result<Value, Failure> {
    let spinner =
        spinner::start(format!("{name} {}", args.as_object().and_then(|o| o.values().next()).unwrap_or(&Value::Null)));
    let options = RequestOptions { on_poll: Some(spinner.observer()), ..RequestOptions::default() };
    Ok(client.invoke_json(name, args, &options).await?.data.to_value()?)
}

fn print(value: &Value, table: bool) -> Result<(), Failure> {
    match output::print(value, table) {
        // The reader went away (`| head`): nothing more to say.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.map_err(|e| Failure::Usage(format!("could not write the output: {e}"))),
    }
}

fn client(matches: &ArgMatches) -> Result<Client, Failure> {
    let text = |name: &str| matches.get_one::<String>(name).cloned();
    let mut options = ClientOptions::default().with_binding("cli");
    options.api_key = text("api-key").map(Into::into);
    options.base_url = text("base-url");
    options.region = text("region").map(|r| hamsa::Region::parse(&r)).transpose()?;
    options.auth_scheme = text("auth-scheme").map(|s| hamsa::AuthScheme::parse(&s)).transpose()?;
    options.timeout = matches.get_one::<f64>("timeout").map(|s| Duration::from_secs_f64(s.max(0.0)));
    options.max_retries = matches.get_one::<u32>("max-retries").copied();
    for header in matches.get_many::<String>("header").into_iter().flatten() {
        let (name, value) =
            header.split_once('=').ok_or_else(|| Failure::Usage(format!("--header {header:?} is not NAME=VALUE")))?;
        options.default_headers.push((name.trim().to_owned(), value.trim().to_owned()));
    }
    Ok(Client::new(options)?)
}
