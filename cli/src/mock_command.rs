//! `hamsa mock`: runs the stateful local Hamsa server until interrupted.

use clap::{Arg, ArgMatches, Command, value_parser};
use hamsa_mock::{CallOutcome, Faults, MockConfig};
use std::time::Duration;

pub fn command() -> Command {
    Command::new("mock")
        .about("Run a local, stateful Hamsa server for testing your integration (loopback only)")
        .arg(
            Arg::new("port")
                .long("port")
                .default_value("0")
                .value_parser(value_parser!(u16))
                .help("0 picks a free port"),
        )
        .arg(
            Arg::new("api-key")
                .long("api-key")
                .default_value("mock-key")
                .help("The only API key accepted (others get 401)"),
        )
        .arg(
            Arg::new("call-duration-ms")
                .long("call-duration-ms")
                .default_value("3000")
                .value_parser(value_parser!(u64)),
        )
        .arg(
            Arg::new("job-duration-ms")
                .long("job-duration-ms")
                .default_value("2000")
                .value_parser(value_parser!(u64))
                .help("How long a transcription or AI content job stays PENDING"),
        )
        .arg(
            Arg::new("call-outcome")
                .long("call-outcome")
                .default_value("completed")
                .value_parser(["completed", "failed", "no-answer"])
                .help("How calls end (a call's params.mockOutcome overrides it)"),
        )
        .arg(Arg::new("latency-ms").long("latency-ms").default_value("0").value_parser(value_parser!(u64)))
        .arg(
            Arg::new("error-rate")
                .long("error-rate")
                .default_value("0")
                .value_parser(value_parser!(f64))
                .help("Share of requests answered 500 before any work"),
        )
        .arg(
            Arg::new("rate-limit-burst")
                .long("rate-limit-burst")
                .default_value("0")
                .value_parser(value_parser!(u32))
                .help("Requests answered 429 in each burst"),
        )
        .arg(
            Arg::new("rate-limit-every")
                .long("rate-limit-every")
                .default_value("0")
                .value_parser(value_parser!(u32))
                .help("A burst every N requests (0: once, at start)"),
        )
        .arg(Arg::new("retry-after-secs").long("retry-after-secs").default_value("1").value_parser(value_parser!(u32)))
        .arg(
            Arg::new("fail-after-work-rate")
                .long("fail-after-work-rate")
                .default_value("0")
                .value_parser(value_parser!(f64))
                .help("Share of requests answered 503 AFTER the work was done (e.g. the call was placed)"),
        )
        .arg(Arg::new("seed").long("seed").value_parser(value_parser!(u64)).help("Seed for the fault dice"))
}

pub async fn run(matches: &ArgMatches) -> Result<(), String> {
    let number = |name: &str| matches.get_one::<u64>(name).copied().unwrap_or_default();
    let rate = |name: &str| matches.get_one::<f64>(name).copied().unwrap_or_default();
    let count = |name: &str| matches.get_one::<u32>(name).copied().unwrap_or_default();
    let outcome = matches.get_one::<String>("call-outcome").and_then(|o| CallOutcome::parse(o)).unwrap_or_default();
    let config = MockConfig {
        port: matches.get_one::<u16>("port").copied().unwrap_or_default(),
        api_key: matches.get_one::<String>("api-key").cloned().unwrap_or_default(),
        call_duration: Duration::from_millis(number("call-duration-ms")),
        call_outcome: outcome,
        job_duration: Duration::from_millis(number("job-duration-ms")),
        faults: Faults {
            latency: Duration::from_millis(number("latency-ms")),
            error_rate: rate("error-rate"),
            rate_limit_burst: count("rate-limit-burst"),
            rate_limit_every: count("rate-limit-every"),
            retry_after_secs: count("retry-after-secs"),
            fail_after_work_rate: rate("fail-after-work-rate"),
        },
        seed: matches.get_one::<u64>("seed").copied(),
    };
    let mock = hamsa_mock::start(config).await.map_err(|e| format!("could not start the mock: {e}"))?;
    println!("hamsa mock listening on {}", mock.base_url());
    use std::io::Write;
    let _ = std::io::stdout().flush();
    let _ = tokio::signal::ctrl_c().await;
    mock.shutdown().await;
    Ok(())
}
