//! `hamsa`: every operation of the Hamsa SDK from the command line, and `hamsa mock`.

mod arguments;
mod commands;
mod exit_codes;
mod mock_command;
mod output;
mod schema;
mod spinner;

use clap::ArgMatches;
use hamsa::{Client, ClientOptions, RequestOptions};
use serde_json::Value;
use std::process::ExitCode;
use std::time::Duration;

#[tokio::main]
async fn main() -> ExitCode {
    let catalog = hamsa::catalog::catalog();
    let operations = commands::operations(&catalog);
    let matches = commands::build(&catalog, &operations).get_matches();
    match run(&matches, &operations).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Usage(message)) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
        Err(Failure::Sdk(error)) => {
            eprintln!("error: {error}");
            ExitCode::from(exit_codes::for_code(error.code()) as u8)
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

async fn run(matches: &ArgMatches, operations: &[commands::Operation]) -> Result<(), Failure> {
    let Some((group, group_matches)) = matches.subcommand() else { return Ok(()) };
    match group {
        "mock" => return mock_command::run(group_matches).await.map_err(Failure::Usage),
        "operations" => {
            for spec in hamsa::ENDPOINTS {
                println!(
                    "{:<36} {:<6} {:<48} {}",
                    spec.name,
                    spec.http_method.as_str(),
                    spec.path,
                    spec.safety.as_str()
                );
            }
            for op in operations.iter().filter(|op| hamsa::ENDPOINTS.iter().all(|spec| spec.name != op.name)) {
                println!("{:<36} ({})", op.name, op.kind);
            }
            return Ok(());
        }
        _ => {}
    }
    let Some((method, op_matches)) = group_matches.subcommand() else { return Ok(()) };
    let name = format!("{}.{}", group.replace('-', "_"), method.replace('-', "_"));
    let Some(op) = operations.iter().find(|o| o.name == name) else {
        return Err(Failure::Usage(format!("unknown operation {name}")));
    };
    let args = arguments::collect(op, op_matches).map_err(Failure::Usage)?;
    let table = matches.get_one::<String>("output").is_some_and(|o| o == "table");

    if op.kind == "offline" {
        let result = hamsa::json_api::invoke_offline(&name, args)?.to_value()?;
        return print(&result, table);
    }
    let client = client(matches)?;
    let result = match op.kind.as_str() {
        "paged" if op_matches.get_flag("all") => {
            Value::Array(client.pager_json(&name, args, &RequestOptions::default())?.all_items().await?)
        }
        "waiter" => wait(&client, &name, args).await?,
        _ => client.invoke_json(&name, args, &RequestOptions::default()).await?.data.to_value()?,
    };
    if let Some((waiter, from)) = &op.follow
        && op_matches.get_flag("wait")
    {
        print(&result, table)?;
        let Some(target) = operations.iter().find(|o| &o.name == waiter) else {
            return Err(Failure::Usage(format!("{name} is followed by {waiter}, which the catalog lacks")));
        };
        let (Some(positional), Some(id)) = (&target.positional, result.get(from.as_str())) else {
            return Err(Failure::Usage(format!("the result has no {from:?} to wait on")));
        };
        let followed = wait(&client, waiter, serde_json::json!({ positional: id })).await?;
        return print(&followed, table);
    }
    print(&result, table)
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
