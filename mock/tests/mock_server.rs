//! The stateful mock, driven through the SDK: lifecycles, webhooks, authentication and faults.

use hamsa::endpoints::{AddTwilioPhoneNumberParams, CreateTwilioCallParams, ListConversationsParams};
use hamsa::models::{JobStatus, WebhookAuth};
use hamsa::webhooks::{self, WebhookEvent};
use hamsa::{Client, ClientOptions, WaitOptions};
use hamsa_mock::{CallOutcome, Faults, MockConfig, RunningMock};
use serde_json::json;
use std::time::Duration;
use tokio::sync::mpsc;

const NUMBER: &str = "+9700000000";

async fn mock(config: MockConfig) -> (RunningMock, Client) {
    let mock = hamsa_mock::start(MockConfig { call_duration: Duration::from_millis(400), ..config }).await.unwrap();
    let client = Client::new(
        ClientOptions::default()
            .with_api_key("mock-key")
            .with_base_url(mock.base_url())
            .with_retry_delays(Duration::from_millis(5), Duration::from_millis(20)),
    )
    .unwrap();
    (mock, client)
}

async fn add_number(client: &Client) {
    client
        .phone_numbers()
        .add_twilio(AddTwilioPhoneNumberParams {
            phone_number: NUMBER.into(),
            label: "Support".into(),
            twilio_number_sid: "PN1".into(),
            twilio_account_sid: "AC1".into(),
            twilio_auth_token: "token".into(),
        })
        .await
        .unwrap();
}

fn call(webhook_url: Option<String>, outcome: Option<&str>) -> CreateTwilioCallParams {
    CreateTwilioCallParams {
        to_number: "+966500000001".into(),
        twilio_phone_number: NUMBER.into(),
        voice_agent_id: Some("agent-1".into()),
        params: Some(match outcome {
            Some(outcome) => json!({"name": "Sara", "mockOutcome": outcome}),
            None => json!({"name": "Sara"}),
        }),
        webhook_url,
        webhook_auth: Some(WebhookAuth::new("Token", "hook-secret")),
        ..Default::default()
    }
}

/// A loopback webhook receiver that forwards each delivery's Authorization header and parsed event.
async fn receiver() -> (String, mpsc::UnboundedReceiver<(Option<String>, WebhookEvent)>) {
    let (tx, rx) = mpsc::unbounded_channel();
    let handler = move |headers: axum::http::HeaderMap, body: axum::body::Bytes| {
        let tx = tx.clone();
        async move {
            let authorization = headers.get("authorization").and_then(|v| v.to_str().ok()).map(str::to_owned);
            if let Ok(event) = webhooks::parse(&body) {
                let _ = tx.send((authorization, event));
            }
            axum::http::StatusCode::OK
        }
    };
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/hook", listener.local_addr().unwrap());
    tokio::spawn(async move {
        axum::serve(listener, axum::Router::new().route("/hook", axum::routing::post(handler))).await
    });
    (url, rx)
}

#[tokio::test]
async fn a_call_runs_its_lifecycle_and_delivers_signed_webhooks_in_order() {
    let (_mock, client) = mock(MockConfig::default()).await;
    add_number(&client).await;
    let (url, mut events) = receiver().await;
    let job = client.calls().create_twilio(call(Some(url), None)).await.unwrap();
    assert_eq!(job.status, Some(JobStatus::Pending));

    let done = client
        .conversations()
        .wait(&job.id, WaitOptions::default().with_poll_interval(Duration::from_millis(20)))
        .await
        .unwrap();
    assert_eq!(done.status, Some(JobStatus::Completed));

    let mut kinds = Vec::new();
    let auth = WebhookAuth::new("Token", "hook-secret");
    while let Ok(Some((authorization, event))) = tokio::time::timeout(Duration::from_secs(2), events.recv()).await {
        webhooks::verify(authorization.as_deref(), &auth).unwrap();
        assert_eq!(event.call_id.as_deref(), Some(job.id.as_str()));
        kinds.push(event.event_type.as_str().to_owned());
        if let Some(ended) = event.call_ended() {
            assert_eq!(ended.transcript.len(), 4);
            assert_eq!(ended.outcome_result.unwrap()["name"], "Sara", "call params are echoed in the outcome");
            break;
        }
    }
    assert_eq!(
        kinds,
        [
            "call.started",
            "call.answered",
            "transcription.update",
            "transcription.update",
            "tool.executed",
            "transcription.update",
            "transcription.update",
            "call.ended"
        ]
    );
}

#[tokio::test]
async fn calls_end_as_asked_and_are_listed() {
    let (_mock, client) = mock(MockConfig { call_outcome: CallOutcome::Failed, ..Default::default() }).await;
    add_number(&client).await;
    let failed = client.calls().create_twilio(call(None, None)).await.unwrap();
    let unanswered = client.calls().create_twilio(call(None, Some("no-answer"))).await.unwrap();
    let wait = WaitOptions::default().with_poll_interval(Duration::from_millis(20));
    assert_eq!(client.jobs().wait(&failed.id, wait.clone()).await.unwrap().status, Some(JobStatus::Failed));
    assert_eq!(client.jobs().wait(&unanswered.id, wait).await.unwrap().status, Some(JobStatus::NoAnswer));
    let page = client
        .conversations()
        .list(ListConversationsParams { status: vec![JobStatus::NoAnswer], ..Default::default() })
        .await
        .unwrap();
    assert_eq!((page.total, page.filtered, page.calls.len()), (Some(2), Some(1), 1));
}

#[tokio::test]
async fn a_wrong_key_gets_401() {
    let (mock, _) = mock(MockConfig::default()).await;
    let client = Client::new(ClientOptions::default().with_api_key("wrong").with_base_url(mock.base_url())).unwrap();
    let error = client.phone_numbers().list(Default::default()).await.unwrap_err();
    assert_eq!((error.code(), error.status()), ("authentication", Some(401)));
}

#[tokio::test]
async fn a_429_burst_is_retried_after_retry_after() {
    let faults = Faults { rate_limit_burst: 2, retry_after_secs: 0, ..Default::default() };
    let (_mock, client) = mock(MockConfig { faults, ..Default::default() }).await;
    let response = client.phone_numbers().list(Default::default()).send_with_meta().await.unwrap();
    let outcomes: Vec<String> = response.meta.attempts.iter().map(|a| a.outcome.label()).collect();
    assert_eq!(outcomes, ["429", "429", "200"]);
}

#[tokio::test]
async fn a_5xx_after_the_work_was_done_is_outcome_unknown_and_the_call_is_placed_once() {
    let faults = Faults { fail_after_work_rate: 1.0, ..Default::default() };
    let (mock, client) = mock(MockConfig { faults, ..Default::default() }).await;
    let setup = client.phone_numbers().add_twilio(AddTwilioPhoneNumberParams {
        phone_number: NUMBER.into(),
        label: "Support".into(),
        twilio_number_sid: "PN1".into(),
        twilio_account_sid: "AC1".into(),
        twilio_auth_token: "token".into(),
    });
    assert_eq!(setup.await.unwrap_err().code(), "outcome_unknown", "registering a number is not repeated either");
    assert_eq!(mock.phone_numbers(), 1);
    let error = client.calls().create_twilio(call(None, None)).await.unwrap_err();
    assert_eq!((error.code(), error.status(), error.attempts().len()), ("outcome_unknown", Some(503), 1));
    assert_eq!(mock.calls_placed(), 1, "the server placed the call once, and the SDK did not send it again");
}

#[tokio::test]
async fn injected_errors_are_500s() {
    let faults = Faults { error_rate: 1.0, ..Default::default() };
    let (_mock, client) = mock(MockConfig { faults, ..Default::default() }).await;
    let error = client.jobs().get(hamsa::endpoints::GetJobParams { job_id: "j".into() }).await.unwrap_err();
    assert_eq!((error.code(), error.status(), error.attempts().len()), ("server", Some(500), 1));
}
