//! The Rust runner: every scenario through the `hamsa` core, one after the other (scenarios have timing
//! expectations, so they never run side by side), against the in-process mock. It describes what it saw
//! as a [`RunReport`], the type the other runners post to `conformance-mock`, and calls the same judge.

use hamsa_conformance::{
    ErrorFacts, LoadedScenario, MockServer, Outcome, RunReport, Scenario, effective_client_options, judge, load_suite,
    scenarios_dir,
};
use serde_json::Value;
use std::time::{Duration, Instant};

/// A scenario that takes longer than this is stuck, not slow.
const SCENARIO_TIME_LIMIT: Duration = Duration::from_secs(30);

/// A plain `main` (the test has `harness = false`), so the count line is never captured by the harness.
fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("a tokio runtime");
    let suite = load_suite(&scenarios_dir());
    let mut failures: Vec<String> = suite.problems.clone();
    let mut passed = 0usize;
    for loaded in &suite.scenarios {
        let problems = runtime.block_on(run(loaded));
        if problems.is_empty() {
            passed += 1;
        } else {
            failures.push(format!("{} ({}):\n    {}", loaded.scenario.name, loaded.file, problems.join("\n    ")));
        }
    }
    for failure in &failures {
        println!("FAILED {failure}");
    }
    println!("conformance (rust): {passed} passed, {} failed", failures.len());
    assert!(!suite.scenarios.is_empty(), "no scenario found under {}", scenarios_dir().display());
    assert!(failures.is_empty(), "{} conformance scenario(s) failed; see above", failures.len());
}

/// Runs one scenario; the reasons it failed, or nothing.
async fn run(loaded: &LoadedScenario) -> Vec<String> {
    let scenario = &loaded.scenario;
    let mock = match MockServer::start(scenario).await {
        Ok(mock) => mock,
        Err(e) => return vec![format!("cannot start the mock: {e}")],
    };
    let client_options = effective_client_options(scenario, mock.base_url());
    let started = Instant::now();
    let outcome = match tokio::time::timeout(SCENARIO_TIME_LIMIT, call_sdk(scenario, &client_options)).await {
        Ok(Ok(value)) => Outcome::Result { value, typed: None },
        Ok(Err(error)) => Outcome::Error(facts(error)),
        Err(_) => Outcome::Failure(format!("stuck: no outcome after {} s", SCENARIO_TIME_LIMIT.as_secs())),
    };
    let run = RunReport { outcome, elapsed_ms: started.elapsed().as_secs_f64() * 1000.0, received: None };
    let seen = mock.shutdown().await;
    judge(scenario, &run, &seen)
}

/// Builds a client and calls the scenario's operation. Option errors are outcomes too: a scenario may
/// expect a `configuration` error.
async fn call_sdk(scenario: &Scenario, client_options: &Value) -> hamsa::Result<Value> {
    let client = hamsa::ClientOptions::from_json(client_options).and_then(hamsa::Client::new)?;
    let options = scenario.options.clone().map_or(Value::Null, Value::Object);
    let request_options = hamsa::RequestOptions::from_json(&options)?;
    let args = scenario.args.clone();
    if scenario.paginate {
        client.pager_json(&scenario.operation, args, &request_options)?.all_items().await.map(Value::Array)
    } else {
        client.invoke_json(&scenario.operation, args, &request_options).await?.data.to_value()
    }
}

fn facts(error: hamsa::Error) -> ErrorFacts {
    ErrorFacts {
        code: error.code().to_owned(),
        status: error.status(),
        message: error.message().to_owned(),
        message_key: error.message_key().map(str::to_owned),
        request_id: error.request_id().map(str::to_owned),
        attempts: error.attempts().len(),
        display: error.to_string(),
        debug: format!("{error:?}"),
        // Rust has one error type; its code is its kind.
        class: None,
    }
}
