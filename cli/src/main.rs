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
            for name in hamsa::dynamic::HELPER_OPERATIONS {
                println!("{name:<36} (helper)");
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

    if name.starts_with("webhooks.") {
        let result = hamsa::dynamic::invoke_offline(&name, args)?;
        return print(&result, table);
    }
    let client = client(matches)?;
    let options = RequestOptions::default();
    let result = if op.paged && op_matches.get_flag("all") {
        Value::Array(client.paginate_json(&name, args, &options).await?)
    } else if let Some(id) = name.strip_suffix(".wait").and_then(|_| wait_target(&args)) {
        wait(&client, &name, id, &args).await?
    } else {
        client.invoke_json(&name, args, &options).await?
    };
    if op.places_call && op_matches.get_flag("wait") {
        print(&result, table)?;
        let id = result.get("id").or_else(|| result.get("jobId")).and_then(Value::as_str).unwrap_or_default();
        let conversation = wait(&client, "conversations.wait", id.to_owned(), &Value::Null).await?;
        return print(&conversation, table);
    }
    print(&result, table)
}

/// The id a wait operation's arguments name.
fn wait_target(args: &Value) -> Option<String> {
    args.get("jobId").or_else(|| args.get("conversationId")).and_then(Value::as_str).map(str::to_owned)
}

/// Waits through the typed API, so the spinner can show each status the core's poll loop sees.
async fn wait(client: &Client, name: &str, id: String, args: &Value) -> Result<Value, Failure> {
    let spinner = spinner::start(format!("waiting for {id}"));
    let millis = |key: &str| args.get(key).and_then(Value::as_u64).map(Duration::from_millis);
    let mut options = hamsa::WaitOptions::default().on_poll(spinner.observer());
    if let Some(interval) = millis("pollIntervalMs") {
        options = options.with_poll_interval(interval);
    }
    if let Some(timeout) = millis("timeoutMs") {
        options = options.with_timeout(timeout);
    }
    let value = if name == "jobs.wait" {
        serde_json::to_value(client.jobs().wait(id, options).await?)
    } else {
        serde_json::to_value(client.conversations().wait(id, options).await?)
    };
    value.map_err(|e| Failure::Usage(format!("could not show the result: {e}")))
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
