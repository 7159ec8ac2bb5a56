//! `conformance-mock` as the other languages' runners use it: start it, read its first line, run one
//! scenario through the control API, shut it down.

use serde_json::{Value, json};
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Duration;

#[tokio::test]
async fn a_scenario_round_trip_through_the_control_api() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_conformance-mock"))
        .stdout(Stdio::piped())
        .spawn()
        .expect("conformance-mock starts");
    let mut first_line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut first_line).unwrap();
    let control = first_line.trim().strip_prefix("listening on ").expect("the first line names the URL").to_owned();
    let http = reqwest::Client::new();

    let scenario = json!({
        "name": "control", "operation": "jobs.get", "args": {"jobId": "j1"}, "client": {"maxRetries": 0},
        "exchanges": [{"request": {"method": "GET", "path": "/v1/jobs", "query": {"jobId": "j1"}},
                       "response": {"status": 200, "body": {"success": true, "data": {"id": "j1"}}}}],
        "expect": {"result": {"id": "j1"}, "requests": 1}
    });
    let started = json_of(http.post(format!("{control}/scenarios")).body(scenario.to_string())).await;
    let base_url = started["baseUrl"].as_str().unwrap();
    assert_eq!(started["client"]["baseUrl"], base_url);
    assert_eq!(started["client"]["apiKey"], "test-key");
    assert_eq!(started["client"]["maxRetries"], 0);
    assert_eq!(started["client"]["retryInitialDelayMs"], 10);

    let answer = json_of(http.get(format!("{base_url}/v1/jobs?jobId=j1"))).await;
    assert_eq!(answer["data"]["id"], "j1");
    let id = started["id"].as_str().unwrap();
    let report = json_of(http.get(format!("{control}/scenarios/{id}/report"))).await;
    assert_eq!(report, json!({"requests": 1, "failures": []}));
    // The report stopped that mock.
    assert!(http.get(format!("{base_url}/v1/jobs?jobId=j1")).send().await.is_err());
    assert_eq!(http.get(format!("{control}/scenarios/{id}/report")).send().await.unwrap().status(), 404);

    let refused_scenario = json!({"name": "r", "operation": "jobs.get", "client": {"baseUrl": "refused"},
                                  "expect": {"error": {"code": "connection"}, "requests": 0}});
    let refused = json_of(http.post(format!("{control}/scenarios")).body(refused_scenario.to_string())).await;
    assert_ne!(refused["baseUrl"], "refused");
    assert!(http.get(refused["baseUrl"].as_str().unwrap()).send().await.is_err());

    let bad = http.post(format!("{control}/scenarios")).body("{\"name\": 1}").send().await.unwrap();
    assert_eq!(bad.status(), 400);

    assert!(http.post(format!("{control}/shutdown")).send().await.unwrap().status().is_success());
    for _ in 0..50 {
        if child.try_wait().unwrap().is_some() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    child.kill().ok();
    panic!("conformance-mock did not exit after POST /shutdown");
}

/// Sends a request and reads its JSON answer (reqwest's `json` feature is not enabled in this workspace).
async fn json_of(request: reqwest::RequestBuilder) -> Value {
    let text = request.send().await.expect("an answer").text().await.expect("a body");
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}
