//! THE judge of one run of a scenario: the mock's report, the request count, the time taken and what the
//! runner saw, against `expect`. It is the only one: the Rust runner calls [`judge`] in process, and every
//! other runner posts its [`RunReport`] to `conformance-mock` (`POST /scenarios/{id}/outcome`), which
//! parses it with [`RunReport::from_json_text`] and calls [`judge`] too. A runner only has to describe its
//! SDK's outcome.

use crate::matcher::{short, subset_diff};
use crate::mock::Report;
use crate::scenario::{Expect, ExpectedError, Scenario};
use serde::{Deserialize, Deserializer};
use serde_json::Value;

/// What a runner saw when it ran one scenario. On the wire (the body of `POST /scenarios/{id}/outcome`,
/// camelCase, unknown keys refused):
///
/// ```jsonc
/// {"result": <wire JSON>, "typedResult": <wire JSON>?}   // or
/// {"error": {ErrorFacts}}                               // or
/// {"failure": "why the runner got no outcome"}
/// // plus always "elapsedMs": 12.5, and optionally "received": {Received}
/// ```
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(try_from = "WireRunReport")]
pub struct RunReport {
    pub outcome: Outcome,
    /// From the call to its outcome, in milliseconds.
    pub elapsed_ms: f64,
    /// The bytes a streaming operation delivered, as the runner counted them. No scenario expects bytes
    /// yet, so it is accepted and not judged; an expectation on them belongs in [`received_mismatches`].
    pub received: Option<Received>,
}

/// How the operation ended.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// The SDK returned a result, turned back into wire JSON.
    Result {
        value: Value,
        /// The same result after the binding's typed models (decoded into them and encoded back), for a
        /// binding that has its own (Swift, Kotlin): it must match `expect.result` too, so the typed layer
        /// loses nothing. Wire name `typedResult`.
        typed: Option<Value>,
    },
    /// The SDK failed with one of its errors.
    Error(ErrorFacts),
    /// The runner could not get an outcome from the SDK: it was stuck, something that is not the SDK's
    /// error was thrown, a typed model refused the result... Always a failure.
    Failure(String),
}

/// What an SDK error exposes, whatever the language. On the wire every key is required (`status`,
/// `messageKey` and `requestId` may be `null`) except `class`.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ErrorFacts {
    pub code: String,
    #[serde(deserialize_with = "nullable")]
    pub status: Option<u16>,
    pub message: String,
    #[serde(deserialize_with = "nullable")]
    pub message_key: Option<String>,
    #[serde(deserialize_with = "nullable")]
    pub request_id: Option<String>,
    pub attempts: usize,
    /// The error as a user would print it (`Display`, `str()`, `String(error)`, `toString()`).
    pub display: String,
    /// The error as a developer would dump it (`Debug`, `repr()`, `util.inspect`, `String(reflecting:)`).
    pub debug: String,
    /// The name of the class (or enum case) the error was raised as, for a binding with one class per
    /// code: it must name the code (`NotFound`, `NotFoundError` and `NotFoundException` all name
    /// `not_found`). Absent: not checked.
    #[serde(default, deserialize_with = "present")]
    pub class: Option<String>,
}

/// The bytes a streaming operation delivered: their total length, their SHA-256 (lowercase hex) and the
/// length of every chunk in arrival order (they add up to `length`).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Received {
    pub length: u64,
    pub sha256: String,
    pub chunks: Vec<u64>,
}

/// The report as sent, before the rules serde cannot state (exactly one outcome...) are checked.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct WireRunReport {
    #[serde(default, deserialize_with = "present")]
    result: Option<Value>,
    #[serde(default, deserialize_with = "present")]
    typed_result: Option<Value>,
    #[serde(default, deserialize_with = "present")]
    error: Option<ErrorFacts>,
    #[serde(default, deserialize_with = "present")]
    failure: Option<String>,
    elapsed_ms: f64,
    #[serde(default, deserialize_with = "present")]
    received: Option<Received>,
}

impl TryFrom<WireRunReport> for RunReport {
    type Error = String;

    fn try_from(wire: WireRunReport) -> Result<Self, String> {
        if !wire.elapsed_ms.is_finite() || wire.elapsed_ms < 0.0 {
            return Err(format!("`elapsedMs` must be a duration in milliseconds, got {}", wire.elapsed_ms));
        }
        if wire.typed_result.is_some() && wire.result.is_none() {
            return Err("`typedResult` goes with `result`".into());
        }
        let outcome = match (wire.result, wire.error, wire.failure) {
            (Some(value), None, None) => Outcome::Result { value, typed: wire.typed_result },
            (None, Some(error), None) => Outcome::Error(error),
            (None, None, Some(failure)) => Outcome::Failure(failure),
            _ => return Err("a report needs exactly one of `result`, `error` and `failure`".into()),
        };
        if let Some(received) = &wire.received {
            received.check()?;
        }
        Ok(Self { outcome, elapsed_ms: wire.elapsed_ms, received: wire.received })
    }
}

impl RunReport {
    /// Parses a runner's report (the body of `POST /scenarios/{id}/outcome`) and checks its rules.
    pub fn from_json_text(text: &str) -> Result<Self, String> {
        serde_json::from_str(text).map_err(|e| format!("not a valid outcome report: {e}"))
    }
}

impl Received {
    fn check(&self) -> Result<(), String> {
        let digest = &self.sha256;
        if digest.len() != 64 || !digest.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)) {
            return Err(format!("`received.sha256` must be 64 lowercase hex digits, got {digest:?}"));
        }
        let total: u64 = self.chunks.iter().sum();
        if total != self.length {
            return Err(format!("`received.chunks` add up to {total}, but `received.length` is {}", self.length));
        }
        Ok(())
    }
}

/// A key that must be there, but may be `null`.
fn nullable<'de, D: Deserializer<'de>, T: Deserialize<'de>>(deserializer: D) -> Result<Option<T>, D::Error> {
    Option::<T>::deserialize(deserializer)
}

/// A key that may be absent (with `#[serde(default)]`), but is not `null` when present; for a `Value`,
/// an explicit `null` is kept as `Some(Value::Null)` (a result may be `null`).
fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(deserializer: D) -> Result<Option<T>, D::Error> {
    T::deserialize(deserializer).map(Some)
}

/// Every reason the run fails; empty when the scenario passed.
pub fn judge(scenario: &Scenario, run: &RunReport, mock: &Report) -> Vec<String> {
    let expect = &scenario.expect;
    let mut failures: Vec<String> = mock.failures.iter().map(|failure| format!("mock: {failure}")).collect();
    failures.extend(request_count_mismatch(scenario, mock.requests));
    if let Some(max) = expect.max_elapsed_ms {
        if run.elapsed_ms > max as f64 {
            failures.push(format!("took {:.0} ms, expected at most {max} ms", run.elapsed_ms));
        }
    }
    failures.extend(outcome_mismatches(expect, &run.outcome));
    failures.extend(received_mismatches(expect, run.received.as_ref()));
    failures
}

fn request_count_mismatch(scenario: &Scenario, count: u64) -> Option<String> {
    let (least, most) = match scenario.request_bounds() {
        Ok(bounds) => bounds,
        Err(problem) => return Some(problem),
    };
    if count >= least && most.is_none_or(|most| count <= most) {
        return None;
    }
    let wanted = match most {
        Some(most) if most == least => format!("{least}"),
        Some(most) => format!("{least} to {most}"),
        None => format!("at least {least}"),
    };
    Some(format!("the mock received {count} requests, expected {wanted}"))
}

fn outcome_mismatches(expect: &Expect, outcome: &Outcome) -> Vec<String> {
    match (&expect.result, &expect.error, outcome) {
        (_, _, Outcome::Failure(reason)) => vec![format!("runner: {reason}")],
        (Some(want), _, Outcome::Result { value, typed }) => {
            let raw = subset_diff(want, value).map(|problem| format!("result: {problem}"));
            let typed = typed
                .as_ref()
                .and_then(|typed| subset_diff(want, typed))
                .map(|problem| format!("result after the typed models: {problem}"));
            raw.into_iter().chain(typed).collect()
        }
        (Some(_), _, Outcome::Error(error)) => {
            vec![format!("expected a result, got error {}: {}", error.code, error.display)]
        }
        (None, Some(want), Outcome::Error(error)) => {
            let mut problems = error_mismatches(want, error);
            problems.extend(leaked_secrets(&expect.secrets_absent, error));
            problems
        }
        (None, Some(want), Outcome::Result { value, .. }) => {
            vec![format!("expected error {}, got result {}", want.code, short(value))]
        }
        (None, None, _) => vec!["`expect` has neither `result` nor `error`".into()],
    }
}

/// The bytes a streaming operation delivered. No scenario expects any yet: an `expect.received` (length,
/// digest, chunking) is checked here, and nowhere else.
fn received_mismatches(_expect: &Expect, _received: Option<&Received>) -> Vec<String> {
    Vec::new()
}

fn error_mismatches(want: &ExpectedError, got: &ErrorFacts) -> Vec<String> {
    let mut problems = Vec::new();
    let context = format!("(error: {})", got.display);
    if want.code != got.code {
        problems.push(format!("error code: expected {}, got {} {context}", want.code, got.code));
    }
    if let Some(class) = &got.class {
        if bare_name(class) != bare_name(&got.code) {
            problems.push(format!("error class: code {} raised as {class}", got.code));
        }
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

/// A code or class name reduced to what they share: `not_found`, `NotFound`, `NotFoundError` and
/// `NotFoundException` all give `notfound` (and `api_error`, `Api`, `ApiError` give `api`).
fn bare_name(name: &str) -> String {
    let name: String = name.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_lowercase()).collect();
    let name = name.strip_suffix("exception").unwrap_or(&name);
    name.strip_suffix("error").unwrap_or(name).to_owned()
}

/// A secret must not reach anything a user might log.
fn leaked_secrets(secrets: &[String], error: &ErrorFacts) -> Vec<String> {
    let places = [("message", &error.message), ("display", &error.display), ("debug", &error.debug)];
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

    fn ran(outcome: Outcome, elapsed_ms: f64) -> RunReport {
        RunReport { outcome, elapsed_ms, received: None }
    }

    fn result(value: Value) -> Outcome {
        Outcome::Result { value, typed: None }
    }

    #[test]
    fn a_matching_error_passes() {
        let s = scenario(
            json!({"error": {"code": "not_found", "status": 404, "messageContains": "not found", "attempts": 1}, "requests": 0}),
        );
        assert_eq!(judge(&s, &ran(Outcome::Error(facts()), 0.0), &Report::default()), Vec::<String>::new());
    }

    #[test]
    fn status_null_means_no_status() {
        let s = scenario(json!({"error": {"code": "not_found", "status": null}, "requests": 0}));
        assert_eq!(judge(&s, &ran(Outcome::Error(facts()), 0.0), &Report::default()).len(), 1);
    }

    #[test]
    fn counts_time_secrets_and_mock_failures_are_checked() {
        let s = scenario(json!({
            "error": {"code": "not_found"}, "requestsAtLeast": 2, "requestsAtMost": 3,
            "maxElapsedMs": 10, "secretsAbsent": ["s3"]
        }));
        let report = Report { requests: 4, failures: vec!["request 4: unexpected".into()] };
        let failures = judge(&s, &ran(Outcome::Error(facts()), 20.0), &report);
        assert_eq!(failures.len(), 4, "{failures:#?}");
    }

    #[test]
    fn every_error_fact_is_compared() {
        let s = scenario(json!({"error": {
            "code": "conflict", "status": 409, "message": "Busy", "messageContains": "busy", "messageKey": "BUSY",
            "requestId": "req_1", "attempts": 2
        }, "requests": 0}));
        let failures = judge(&s, &ran(Outcome::Error(facts()), 0.0), &Report::default());
        assert_eq!(failures.len(), 7, "{failures:#?}");
    }

    #[test]
    fn results_are_subset_matched() {
        let s = scenario(json!({"result": {"id": "j1", "status": "COMPLETED"}, "requests": 0}));
        let ok = judge(&s, &ran(result(json!({"id": "j1", "status": "COMPLETED", "x": 1})), 0.0), &Report::default());
        assert!(ok.is_empty());
        let bad = judge(&s, &ran(result(json!({"id": "j1", "status": "PENDING"})), 0.0), &Report::default());
        assert_eq!(bad.len(), 1);
    }

    #[test]
    fn the_typed_result_must_match_too() {
        let s = scenario(json!({"result": {"id": "j1", "status": "COMPLETED"}, "requests": 0}));
        let typed =
            Outcome::Result { value: json!({"id": "j1", "status": "COMPLETED"}), typed: Some(json!({"id": "j1"})) };
        let failures = judge(&s, &ran(typed, 0.0), &Report::default());
        assert_eq!(failures, ["result after the typed models: $.status: missing, expected \"COMPLETED\""]);
    }

    #[test]
    fn a_runner_failure_fails_and_the_rest_is_still_checked() {
        let s = scenario(json!({"result": {"id": "j1"}, "requests": 1}));
        let failures =
            judge(&s, &ran(Outcome::Failure("stuck: no outcome after 30 s".into()), 0.0), &Report::default());
        assert_eq!(failures, ["the mock received 0 requests, expected 1", "runner: stuck: no outcome after 30 s"]);
    }

    #[test]
    fn the_error_class_must_name_the_code() {
        let s = scenario(json!({"error": {"code": "api_error"}, "requests": 0}));
        let raised = |class: &str| {
            let error = ErrorFacts { code: "api_error".into(), class: Some(class.into()), ..ErrorFacts::default() };
            judge(&s, &ran(Outcome::Error(error), 0.0), &Report::default())
        };
        assert!(raised("Api").is_empty());
        assert!(raised("ApiError").is_empty());
        assert_eq!(raised("NotFound"), ["error class: code api_error raised as NotFound"]);
        assert_eq!(bare_name("NotFoundException"), bare_name("not_found"));
    }

    #[test]
    fn a_report_parses_strictly() {
        let parse = |value: Value| RunReport::from_json_text(&value.to_string());
        let error = json!({"code": "not_found", "status": null, "message": "m", "messageKey": null, "requestId": null,
                           "attempts": 1, "display": "d", "debug": "D"});
        let report = parse(json!({"error": error, "elapsedMs": 1.5})).unwrap();
        assert!(matches!(&report.outcome, Outcome::Error(facts) if facts.status.is_none() && facts.attempts == 1));
        assert_eq!(report.elapsed_ms, 1.5);

        let null = parse(json!({"result": null, "elapsedMs": 0})).unwrap();
        assert_eq!(null.outcome, result(Value::Null));
        let received = json!({"length": 3, "sha256": "a".repeat(64), "chunks": [1, 2]});
        assert!(parse(json!({"result": true, "elapsedMs": 0, "received": received})).unwrap().received.is_some());
        assert!(parse(json!({"failure": "stuck", "elapsedMs": 0})).is_ok());

        let without = |value: &Value, key: &str| {
            let mut value = value.clone();
            value.as_object_mut().unwrap().remove(key);
            value
        };
        let mut refused = vec![
            json!({"result": 1, "elapsedMs": 0, "elapsed": 0}),
            json!({"result": 1}),
            json!({"elapsedMs": 0}),
            json!({"result": 1, "failure": "x", "elapsedMs": 0}),
            json!({"result": 1, "error": null, "elapsedMs": 0}),
            json!({"typedResult": 1, "failure": "x", "elapsedMs": 0}),
            json!({"result": 1, "elapsedMs": -1}),
            json!({"error": {"code": "x"}, "elapsedMs": 0}),
            json!({"error": without(&error, "messageKey"), "elapsedMs": 0}),
            json!({"error": without(&error, "attempts"), "elapsedMs": 0}),
            json!({"result": 1, "elapsedMs": 0, "received": {"length": 4, "sha256": "a".repeat(64), "chunks": [1, 2]}}),
            json!({"result": 1, "elapsedMs": 0, "received": {"length": 0, "sha256": "AB", "chunks": []}}),
        ];
        let mut null_class = error.clone();
        null_class["class"] = Value::Null;
        refused.push(json!({"error": null_class, "elapsedMs": 0}));
        let mut extra = error.clone();
        extra["mesage"] = json!("typo");
        refused.push(json!({"error": extra, "elapsedMs": 0}));
        for report in refused {
            assert!(parse(report.clone()).is_err(), "accepted {report}");
        }
    }
}
