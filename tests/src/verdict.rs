//! Judges one run of a scenario: the mock's report, the request count, the time taken and the SDK's
//! outcome against `expect`. A runner only has to turn its SDK's outcome into an [`Outcome`].

use crate::matcher::{short, subset_diff};
use crate::mock::Report;
use crate::scenario::{ExpectedError, Scenario};
use serde_json::Value;
use std::time::Duration;

/// What an SDK error exposes, whatever the language.
#[derive(Clone, Debug, Default)]
pub struct ErrorFacts {
    pub code: String,
    pub status: Option<u16>,
    pub message: String,
    pub message_key: Option<String>,
    pub request_id: Option<String>,
    pub attempts: usize,
    /// The error as a user would print it (`Display`).
    pub display: String,
    /// The error as a developer would dump it (`Debug`).
    pub debug: String,
}

/// The SDK's result as wire JSON, or its error.
pub type Outcome = Result<Value, ErrorFacts>;

/// Every reason the run fails; empty when the scenario passed.
pub fn judge(scenario: &Scenario, outcome: &Outcome, report: &Report, elapsed: Duration) -> Vec<String> {
    let mut failures: Vec<String> = report.failures.iter().map(|failure| format!("mock: {failure}")).collect();
    match scenario.request_bounds() {
        Ok((least, most)) => {
            let count = report.requests;
            if count < least || most.is_some_and(|most| count > most) {
                let wanted = match most {
                    Some(most) if most == least => format!("{least}"),
                    Some(most) => format!("{least} to {most}"),
                    None => format!("at least {least}"),
                };
                failures.push(format!("the mock received {count} requests, expected {wanted}"));
            }
        }
        Err(problem) => failures.push(problem),
    }
    let expect = &scenario.expect;
    if let Some(max) = expect.max_elapsed_ms {
        if elapsed > Duration::from_millis(max) {
            failures.push(format!("took {} ms, expected at most {max} ms", elapsed.as_millis()));
        }
    }
    match (&expect.result, &expect.error, outcome) {
        (Some(want), _, Ok(got)) => failures.extend(subset_diff(want, got).map(|problem| format!("result: {problem}"))),
        (Some(_), _, Err(error)) => {
            failures.push(format!("expected a result, got error {}: {}", error.code, error.display));
        }
        (None, Some(want), Err(error)) => {
            failures.extend(error_mismatches(want, error));
            failures.extend(leaked_secrets(&expect.secrets_absent, error));
        }
        (None, Some(want), Ok(got)) => {
            failures.push(format!("expected error {}, got result {}", want.code, short(got)));
        }
        (None, None, _) => failures.push("`expect` has neither `result` nor `error`".into()),
    }
    failures
}

fn error_mismatches(want: &ExpectedError, got: &ErrorFacts) -> Vec<String> {
    let mut problems = Vec::new();
    let context = format!("(error: {})", got.display);
    if want.code != got.code {
        problems.push(format!("error code: expected {}, got {} {context}", want.code, got.code));
    }
    if let Some(status) = want.status {
        if status != got.status {
            problems.push(format!("error status: expected {}, got {}", show(status), show(got.status)));
        }
    }
    if let Some(message) = &want.message {
        if *message != got.message {
            problems.push(format!("error message: expected {message:?}, got {:?}", got.message));
        }
    }
    if let Some(part) = &want.message_contains {
        if !got.message.contains(part.as_str()) {
            problems.push(format!("error message: expected it to contain {part:?}, got {:?}", got.message));
        }
    }
    if let Some(key) = &want.message_key {
        if Some(key) != got.message_key.as_ref() {
            problems.push(format!("error messageKey: expected {key:?}, got {:?}", got.message_key));
        }
    }
    if let Some(id) = &want.request_id {
        if Some(id) != got.request_id.as_ref() {
            problems.push(format!("error requestId: expected {id:?}, got {:?}", got.request_id));
        }
    }
    if let Some(attempts) = want.attempts {
        if attempts != got.attempts as u64 {
            problems.push(format!("error attempts: expected {attempts}, got {}", got.attempts));
        }
    }
    problems
}

/// A secret must not reach anything a user might log.
fn leaked_secrets(secrets: &[String], error: &ErrorFacts) -> Vec<String> {
    let places = [("message", &error.message), ("Display", &error.display), ("Debug", &error.debug)];
    secrets
        .iter()
        .flat_map(|secret| {
            places
                .iter()
                .filter(|(_, text)| text.contains(secret.as_str()))
                .map(move |(place, _)| format!("the secret {secret:?} appears in the error's {place}"))
        })
        .collect()
}

fn show(status: Option<u16>) -> String {
    status.map_or_else(|| "no status".into(), |status| status.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn scenario(expect: Value) -> Scenario {
        // Not `from_json_text`: these scenarios need no exchanges, whatever they expect.
        serde_json::from_value(json!({"name": "n", "operation": "jobs.get", "expect": expect})).unwrap()
    }

    fn facts() -> ErrorFacts {
        ErrorFacts {
            code: "not_found".into(),
            status: Some(404),
            message: "Job not found".into(),
            display: "not_found (404): Job not found".into(),
            debug: "Error { secret: \"s3\" }".into(),
            attempts: 1,
            ..ErrorFacts::default()
        }
    }

    #[test]
    fn a_matching_error_passes() {
        let s = scenario(
            json!({"error": {"code": "not_found", "status": 404, "messageContains": "not found", "attempts": 1}, "requests": 0}),
        );
        assert_eq!(judge(&s, &Err(facts()), &Report::default(), Duration::ZERO), Vec::<String>::new());
    }

    #[test]
    fn status_null_means_no_status() {
        let s = scenario(json!({"error": {"code": "not_found", "status": null}, "requests": 0}));
        assert_eq!(judge(&s, &Err(facts()), &Report::default(), Duration::ZERO).len(), 1);
    }

    #[test]
    fn counts_time_secrets_and_mock_failures_are_checked() {
        let s = scenario(json!({
            "error": {"code": "not_found"}, "requestsAtLeast": 2, "requestsAtMost": 3,
            "maxElapsedMs": 10, "secretsAbsent": ["s3"]
        }));
        let report = Report { requests: 4, failures: vec!["request 4: unexpected".into()] };
        let failures = judge(&s, &Err(facts()), &report, Duration::from_millis(20));
        assert_eq!(failures.len(), 4, "{failures:#?}");
    }

    #[test]
    fn results_are_subset_matched() {
        let s = scenario(json!({"result": {"id": "j1", "status": "COMPLETED"}, "requests": 0}));
        let ok = judge(&s, &Ok(json!({"id": "j1", "status": "COMPLETED", "x": 1})), &Report::default(), Duration::ZERO);
        assert!(ok.is_empty());
        let bad = judge(&s, &Ok(json!({"id": "j1", "status": "PENDING"})), &Report::default(), Duration::ZERO);
        assert_eq!(bad.len(), 1);
    }
}
