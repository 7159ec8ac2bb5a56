//! The mock server over real HTTP: it answers what a scenario says, and turns every deviation into a 599
//! and a failure message that names the difference.

use hamsa_conformance::{MockServer, Report, Scenario};
use serde_json::{Value, json};
use std::time::{Duration, Instant};

fn scenario(exchanges: Value) -> Scenario {
    let text = json!({"name": "mock test", "operation": "jobs.get", "exchanges": exchanges,
                      "expect": {"result": {}, "requestsAtLeast": 0}});
    Scenario::from_json_text(&text.to_string()).expect("a valid scenario")
}

fn job_exchange() -> Value {
    json!({
        "request": {"method": "POST", "path": "/v1/jobs", "query": {"jobId": "j1", "tag": ["a", "b"]},
                    "headers": {"Authorization": "Token k", "x-absent": null}, "body": {"n": 1}},
        "response": {"status": 201, "headers": {"x-request-id": "req_1"}, "body": {"success": true}}
    })
}

async fn post(url: String, body: &str) -> reqwest::Response {
    reqwest::Client::new()
        .post(url)
        .header("authorization", "Token k")
        .body(body.to_owned())
        .send()
        .await
        .expect("the mock answers")
}

#[tokio::test]
async fn a_matching_request_gets_the_scripted_answer() {
    let mock = MockServer::start(&scenario(json!([job_exchange()]))).await.unwrap();
    let response = post(format!("{}/v1/jobs?tag=a&jobId=j1&tag=b", mock.base_url()), r#"{ "n": 1.0 }"#).await;
    assert_eq!(response.status(), 201);
    assert_eq!(response.headers()["x-request-id"], "req_1");
    assert_eq!(response.headers()["content-type"], "application/json");
    let body: Value = serde_json::from_str(&response.text().await.unwrap()).unwrap();
    assert_eq!(body, json!({"success": true}));
    assert_eq!(mock.shutdown().await, Report { requests: 1, failures: vec![] });
}

#[tokio::test]
async fn a_mismatch_is_answered_599_and_recorded_with_every_difference() {
    let mock = MockServer::start(&scenario(json!([job_exchange()]))).await.unwrap();
    let response = reqwest::Client::new()
        .get(format!("{}/v1/job?jobId=j2&extra=1", mock.base_url()))
        .header("x-absent", "here")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 599);
    let report = mock.shutdown().await;
    assert_eq!(report.requests, 1);
    let failure = &report.failures[0];
    for part in
        ["method", "path", "query jobId", "query tag", "query extra", "header Authorization", "header x-absent", "body"]
    {
        assert!(failure.contains(part), "{part:?} not named in {failure}");
    }
}

#[tokio::test]
async fn a_request_after_the_last_exchange_is_a_failure() {
    let mock = MockServer::start(&scenario(json!([]))).await.unwrap();
    let response = post(format!("{}/anything", mock.base_url()), "").await;
    assert_eq!(response.status().as_u16(), 599);
    let report = mock.shutdown().await;
    assert_eq!(report.requests, 1);
    assert!(report.failures[0].contains("unexpected"), "{:?}", report.failures);
}

#[tokio::test]
async fn delays_raw_bodies_and_gaps() {
    let exchanges = json!([
        {"request": {"method": "GET", "path": "/a"}, "response": {"status": 500, "bodyText": "oops", "delayMs": 150}},
        {"request": {"method": "GET", "path": "/a", "minGapMs": 10000}, "response": {"status": 200}}
    ]);
    let mock = MockServer::start(&scenario(exchanges)).await.unwrap();
    let client = reqwest::Client::new();
    let started = Instant::now();
    let first = client.get(format!("{}/a", mock.base_url())).send().await.unwrap();
    assert!(started.elapsed() >= Duration::from_millis(150));
    assert_eq!(first.status(), 500);
    assert!(first.headers().get("content-type").is_none());
    assert_eq!(first.text().await.unwrap(), "oops");
    let second = client.get(format!("{}/a", mock.base_url())).send().await.unwrap();
    assert_eq!(second.status().as_u16(), 599);
    let report = mock.shutdown().await;
    assert!(report.failures[0].contains("at least 10000 ms"), "{:?}", report.failures);
}

#[tokio::test]
async fn a_client_that_gives_up_still_counts() {
    let exchanges =
        json!([{"request": {"method": "GET", "path": "/slow"}, "response": {"status": 200, "delayMs": 2000}}]);
    let mock = MockServer::start(&scenario(exchanges)).await.unwrap();
    let client = reqwest::Client::builder().timeout(Duration::from_millis(100)).build().unwrap();
    assert!(client.get(format!("{}/slow", mock.base_url())).send().await.is_err());
    let started = Instant::now();
    let report = mock.shutdown().await;
    assert_eq!(report, Report { requests: 1, failures: vec![] });
    assert!(started.elapsed() < Duration::from_secs(1), "shutdown waited for the delayed answer");
}
