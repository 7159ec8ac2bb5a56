//! `conformance-mock` as the other languages' runners use it: start it, read its first line, run
//! scenarios through the control API, have the mock judge what the runner saw, shut it down.

use serde_json::{Value, json};
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// A running `conformance-mock`, killed when dropped (a failed assertion must not leave it behind).
struct Control {
    child: Child,
    url: String,
    http: reqwest::Client,
}

impl Control {
    fn start() -> Self {
        let mut child = Command::new(env!("CARGO_BIN_EXE_conformance-mock"))
            .stdout(Stdio::piped())
            .spawn()
            .expect("conformance-mock starts");
        let mut first_line = String::new();
        BufReader::new(child.stdout.take().unwrap()).read_line(&mut first_line).unwrap();
        let url = first_line.trim().strip_prefix("listening on ").expect("the first line names the URL").to_owned();
        Self { child, url, http: reqwest::Client::new() }
    }

    /// `POST /scenarios`: `{id, baseUrl, client}`.
    async fn start_scenario(&self, scenario: &Value) -> Value {
        json_of(self.http.post(format!("{}/scenarios", self.url)).body(scenario.to_string())).await
    }

    /// `POST /scenarios/{id}/outcome` with `report`: the status and the JSON answer.
    async fn outcome(&self, id: &str, report: &Value) -> (u16, Value) {
        let response = self
            .http
            .post(format!("{}/scenarios/{id}/outcome", self.url))
            .header("content-type", "application/json")
            .body(report.to_string())
            .send()
            .await
            .expect("an answer");
        let status = response.status().as_u16();
        let text = response.text().await.expect("a body");
        (status, serde_json::from_str(&text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}")))
    }

    async fn shutdown(mut self) {
        assert!(self.http.post(format!("{}/shutdown", self.url)).send().await.unwrap().status().is_success());
        for _ in 0..50 {
            if self.child.try_wait().unwrap().is_some() {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("conformance-mock did not exit after POST /shutdown");
    }
}

impl Drop for Control {
    fn drop(&mut self) {
        if self.child.try_wait().ok().flatten().is_none() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// A `jobs.get` scenario: one exchange answering job `j1`, `expect` as given.
fn jobs_get(expect: Value) -> Value {
    json!({
        "name": "control", "operation": "jobs.get", "args": {"jobId": "j1"}, "client": {"maxRetries": 0},
        "exchanges": [{"request": {"method": "GET", "path": "/v1/jobs", "query": {"jobId": "j1"}},
                       "response": {"status": 200, "body": {"success": true, "data": {"id": "j1", "status": "PENDING"}}}}],
        "expect": expect
    })
}

/// An error as a runner reports it.
fn not_found_error() -> Value {
    json!({"code": "not_found", "status": 404, "message": "Job not found", "messageKey": null, "requestId": "req_9",
           "attempts": 1, "display": "[not_found] HTTP 404 Job not found", "debug": "NotFound { request_id: \"req_9\" }"})
}

#[tokio::test]
async fn a_scenario_round_trip_through_the_control_api() {
    let control = Control::start();
    let http = &control.http;
    let started = control.start_scenario(&jobs_get(json!({"result": {"id": "j1"}, "requests": 1}))).await;
    let base_url = started["baseUrl"].as_str().unwrap();
    assert_eq!(started["client"]["baseUrl"], base_url);
    assert_eq!(started["client"]["apiKey"], "test-key");
    assert_eq!(started["client"]["maxRetries"], 0);
    assert_eq!(started["client"]["retryInitialDelayMs"], 10);

    let answer = json_of(http.get(format!("{base_url}/v1/jobs?jobId=j1"))).await;
    assert_eq!(answer["data"]["id"], "j1");
    let id = started["id"].as_str().unwrap();
    let (status, verdict) =
        control.outcome(id, &json!({"result": {"id": "j1", "status": "PENDING"}, "elapsedMs": 3.5})).await;
    assert_eq!((status, verdict), (200, json!({"passed": true, "failures": [], "requests": 1})));
    // The outcome stopped that mock, and the scenario is gone.
    assert!(http.get(format!("{base_url}/v1/jobs?jobId=j1")).send().await.is_err());
    let (status, _) = control.outcome(id, &json!({"result": {"id": "j1"}, "elapsedMs": 1})).await;
    assert_eq!(status, 404);

    let refused_scenario = json!({"name": "r", "operation": "jobs.get", "client": {"baseUrl": "refused"},
                                  "expect": {"error": {"code": "connection"}, "requests": 0}});
    let refused = control.start_scenario(&refused_scenario).await;
    assert_ne!(refused["baseUrl"], "refused");
    assert!(http.get(refused["baseUrl"].as_str().unwrap()).send().await.is_err());

    let bad = http.post(format!("{}/scenarios", control.url)).body("{\"name\": 1}").send().await.unwrap();
    assert_eq!(bad.status(), 400);

    control.shutdown().await;
}

#[tokio::test]
async fn the_mock_judges_a_failing_run_and_names_every_failure() {
    let control = Control::start();
    let expect = json!({"error": {"code": "not_found", "status": 404, "messageKey": "JOB_NOT_FOUND"},
                        "requests": 1, "maxElapsedMs": 100, "secretsAbsent": ["req_9"]});
    let started = control.start_scenario(&jobs_get(expect)).await;
    // The runner made no request at all, took too long, and got an error that leaks the "secret".
    let report = json!({"error": not_found_error(), "elapsedMs": 250.0});
    let (status, verdict) = control.outcome(started["id"].as_str().unwrap(), &report).await;
    assert_eq!(status, 200);
    assert_eq!(verdict["passed"], false);
    assert_eq!(verdict["requests"], 0);
    assert_eq!(
        verdict["failures"],
        json!([
            "the mock received 0 requests, expected 1",
            "took 250 ms, expected at most 100 ms",
            "error messageKey: expected \"JOB_NOT_FOUND\", got None",
            "the secret \"req_9\" appears in the error's debug",
        ]),
    );

    // A runner that got no outcome fails, whatever the rest.
    let started = control.start_scenario(&jobs_get(json!({"result": {"id": "j1"}, "requests": 0}))).await;
    let report = json!({"failure": "stuck: no outcome after 30 s", "elapsedMs": 30000});
    let (_, verdict) = control.outcome(started["id"].as_str().unwrap(), &report).await;
    assert_eq!(verdict, json!({"passed": false, "failures": ["runner: stuck: no outcome after 30 s"], "requests": 0}));

    // Received bytes are accepted (no scenario expects any yet), and an error when a result was expected fails.
    let started = control.start_scenario(&jobs_get(json!({"result": {"id": "j1"}, "requests": 0}))).await;
    let received = json!({"length": 5, "sha256": "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
                          "chunks": [2, 3]});
    let report = json!({"error": not_found_error(), "elapsedMs": 1, "received": received});
    let (_, verdict) = control.outcome(started["id"].as_str().unwrap(), &report).await;
    assert_eq!(
        verdict["failures"],
        json!(["expected a result, got error not_found: [not_found] HTTP 404 Job not found"])
    );
    control.shutdown().await;
}

#[tokio::test]
async fn a_report_with_an_unknown_or_missing_key_is_refused() {
    let control = Control::start();
    let expect = json!({"result": {"id": "j1"}, "requests": 0});
    let mut misspelt_error = not_found_error();
    misspelt_error["messageKy"] = json!(null);
    let mut missing_request_id = not_found_error();
    missing_request_id.as_object_mut().unwrap().remove("requestId");
    for report in [
        json!({"result": {"id": "j1"}, "elapsed_ms": 1}),
        json!({"result": {"id": "j1"}, "elapsedMs": 1, "recieved": {}}),
        json!({"error": misspelt_error, "elapsedMs": 1}),
        json!({"error": missing_request_id, "elapsedMs": 1}),
        json!({"result": {"id": "j1"}, "failure": "both", "elapsedMs": 1}),
    ] {
        let started = control.start_scenario(&jobs_get(expect.clone())).await;
        let id = started["id"].as_str().unwrap();
        let (status, answer) = control.outcome(id, &report).await;
        assert_eq!(status, 400, "{report} was accepted: {answer}");
        assert!(answer["error"].as_str().unwrap().contains("not a valid outcome report"), "{answer}");
        // Refused or not, that scenario is over: its mock is stopped.
        assert!(control.http.get(started["baseUrl"].as_str().unwrap()).send().await.is_err());
        assert_eq!(control.outcome(id, &json!({"result": 1, "elapsedMs": 0})).await.0, 404);
    }
    control.shutdown().await;
}

#[tokio::test]
async fn an_unknown_id_is_404() {
    let control = Control::start();
    let (status, answer) = control.outcome("no-such-id", &json!({"result": 1, "elapsedMs": 0})).await;
    assert_eq!(status, 404);
    assert!(answer["error"].as_str().unwrap().contains("no-such-id"), "{answer}");
    let report = control.http.get(format!("{}/scenarios/no-such-id/report", control.url)).send().await.unwrap();
    assert_eq!(report.status(), 404);
    control.shutdown().await;
}

#[tokio::test]
async fn report_stops_a_scenario_without_judging_it() {
    let control = Control::start();
    let started = control.start_scenario(&jobs_get(json!({"result": {"id": "j1"}, "requests": 1}))).await;
    let base_url = started["baseUrl"].as_str().unwrap();
    json_of(control.http.get(format!("{base_url}/v1/jobs?jobId=j1"))).await;
    let id = started["id"].as_str().unwrap();
    let report = json_of(control.http.get(format!("{}/scenarios/{id}/report", control.url))).await;
    assert_eq!(report, json!({"requests": 1, "failures": []}));
    assert!(control.http.get(format!("{base_url}/v1/jobs?jobId=j1")).send().await.is_err());
    assert_eq!(control.outcome(id, &json!({"result": 1, "elapsedMs": 0})).await.0, 404);
    control.shutdown().await;
}

/// Sends a request and reads its JSON answer (reqwest's `json` feature is not enabled in this workspace).
async fn json_of(request: reqwest::RequestBuilder) -> Value {
    let text = request.send().await.expect("an answer").text().await.expect("a body");
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}
