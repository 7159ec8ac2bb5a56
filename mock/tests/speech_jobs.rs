//! The mock's speech jobs, driven through the SDK: a transcription and its AI content move PENDING →
//! COMPLETED on the mock's clock, the lists and views see them, a job can fail on request, and a job's
//! result is POSTed to its loopback webhook with its webhookAuth.

use futures_util::TryStreamExt;
use hamsa::endpoints::{
    AiContentJobParams, CreateAiContentParams, CreateCustomAiContentParams, CreateJobParams,
    CreateTranscriptionAiContentParams, CreateTranscriptionParams, CustomAiPart, CustomAiPartItem, GetJobSummaryParams,
    ListJobsParams, SearchJobsParams,
};
use hamsa::models::{AiPart, JobStatus, JobType, TranscriptionModel, WebhookAuth};
use hamsa::{Client, ClientOptions, WaitOptions};
use hamsa_mock::{MockConfig, RunningMock};
use serde_json::Value;
use std::time::Duration;
use tokio::sync::mpsc;

async fn mock() -> (RunningMock, Client) {
    let config = MockConfig { job_duration: Duration::from_millis(300), ..MockConfig::default() };
    let mock = hamsa_mock::start(config).await.unwrap();
    let client = Client::new(ClientOptions::default().with_api_key("mock-key").with_base_url(mock.base_url())).unwrap();
    (mock, client)
}

fn wait() -> WaitOptions {
    WaitOptions::default().with_poll_interval(Duration::from_millis(50)).with_timeout(Duration::from_secs(10))
}

fn transcription(media_url: &str) -> CreateTranscriptionParams {
    CreateTranscriptionParams {
        media_url: media_url.into(),
        model: TranscriptionModel::GeneralV2,
        processing_type: None,
        webhook_url: None,
        webhook_auth: None,
        title: Some("Episode 1".into()),
        language: Some("en".into()),
        return_srt_format: None,
        srt_options: None,
    }
}

#[tokio::test]
async fn a_transcription_completes_and_its_ai_content_is_made_from_the_transcript() {
    let (_mock, client) = mock().await;
    let started = client.transcriptions().create(transcription("https://media.example.com/ep1.mp3")).await.unwrap();
    let id = started.job_id.unwrap();
    let pending = client.jobs().get(hamsa::endpoints::GetJobParams { job_id: id.clone() }).await.unwrap();
    assert_eq!(pending.status, Some(JobStatus::Pending));
    assert!(pending.job_response.is_none());

    let done = client.jobs().wait(id.clone(), wait()).await.unwrap();
    assert_eq!(done.status, Some(JobStatus::Completed));
    let text = done.job_response.as_ref().and_then(|r| r.get("text")).and_then(Value::as_str).unwrap().to_owned();
    assert!(text.starts_with("Welcome to Hamsa."), "{text}");

    let ai = client
        .ai_content()
        .create(CreateAiContentParams { job_id: id.clone(), ai_parts: vec![AiPart::Summary, AiPart::Faq] })
        .await
        .unwrap();
    assert_eq!((ai.job_type.clone(), ai.status.clone()), (Some(JobType::AiContent), Some(JobStatus::Pending)));
    let ai_done = client.jobs().wait(ai.id.clone(), wait()).await.unwrap();
    let parts = ai_done.job_response.unwrap();
    assert!(parts["summary"].as_str().unwrap().contains(&text));
    assert_eq!(parts["transcriptionJobId"], Value::String(id.clone()));
    let got = client.ai_content().get(AiContentJobParams { job_id: ai.id.clone() }).await.unwrap();
    assert_eq!(got.status, Some(JobStatus::Completed));
    let estimate = client.ai_content().estimate(AiContentJobParams { job_id: id.clone() }).await.unwrap();
    assert!(estimate.cost.unwrap() > 0.0);

    let custom = CreateCustomAiContentParams {
        job_id: id.clone(),
        ai_parts: vec![CustomAiPartItem::Custom(CustomAiPart {
            ai_part: "Show notes".into(),
            language: "en".into(),
            prompt: "Three bullets".into(),
        })],
        ..Default::default()
    };
    let custom = client.ai_content().create_custom(custom).await.unwrap();
    let custom = client.jobs().wait(custom.id, wait()).await.unwrap();
    assert!(custom.job_response.unwrap()["Show notes"].as_str().unwrap().contains("Three bullets"));

    // The lists and the view see every job.
    let all: Vec<_> = client
        .jobs()
        .search(SearchJobsParams { take: Some(1), ..Default::default() })
        .items()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.len(), 3);
    let ai_only = client
        .jobs()
        .list(ListJobsParams {
            job_type: JobType::AiContent,
            project_id: None,
            page: None,
            per_page: Some(1),
            sort_by: None,
            order_by: None,
            status: None,
            search: None,
        })
        .items()
        .try_collect::<Vec<_>>()
        .await
        .unwrap();
    assert_eq!(ai_only.len(), 2);
    let summary = client.jobs().get_summary(GetJobSummaryParams { id: ai.id, project_id: None }).await.unwrap();
    assert_eq!(summary.attributes.unwrap().ai_content_parts, Some(vec!["summary".to_owned(), "faq".to_owned()]));
}

#[tokio::test]
async fn a_job_fails_on_request_and_ai_content_of_it_is_refused() {
    let (_mock, client) = mock().await;
    let params = CreateJobParams {
        job_type: JobType::Transcription,
        api_key: "key-id".into(),
        media_url: "https://media.example.com/ep.mp3?mockOutcome=failed".into(),
        title: "Broken".into(),
        language: "ar".into(),
        processing_type: None,
        webhook_url: None,
        webhook_auth: None,
    };
    let id = client.jobs().create(params).await.unwrap().job_id.unwrap();
    let failed = client.jobs().wait(id.clone(), wait()).await.unwrap();
    assert_eq!(failed.status, Some(JobStatus::Failed));
    let refused =
        client.ai_content().create(CreateAiContentParams { job_id: id, ai_parts: vec![AiPart::Summary] }).await;
    assert_eq!(refused.unwrap_err().status(), Some(422));
}

#[tokio::test]
async fn a_job_posts_its_result_to_its_loopback_webhook() {
    let (_mock, client) = mock().await;
    let (tx, mut rx) = mpsc::unbounded_channel();
    let handler = move |headers: axum::http::HeaderMap, body: axum::body::Bytes| {
        let tx = tx.clone();
        async move {
            let authorization = headers.get("authorization").and_then(|v| v.to_str().ok()).map(str::to_owned);
            let _ = tx.send((authorization, serde_json::from_slice::<Value>(&body).unwrap()));
            axum::http::StatusCode::OK
        }
    };
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/hook", listener.local_addr().unwrap());
    tokio::spawn(async move {
        axum::serve(listener, axum::Router::new().route("/hook", axum::routing::post(handler))).await
    });
    let params = CreateTranscriptionAiContentParams {
        api_key: "key-id".into(),
        media_url: "https://media.example.com/ep1.mp3".into(),
        title: "Episode 1".into(),
        language: "en".into(),
        ai_parts: vec![AiPart::Summary],
        ..Default::default()
    };
    // The v2 route documents no webhook: the transcription route carries one.
    let id = client.ai_content().create_with_transcription(params).await.unwrap().job_id.unwrap();
    let mut with_hook = transcription("https://media.example.com/ep2.mp3");
    with_hook.webhook_url = Some(url);
    with_hook.webhook_auth = Some(WebhookAuth::new("Bearer", "job-secret"));
    let hooked = client.transcriptions().create(with_hook).await.unwrap().job_id.unwrap();
    let (authorization, job) = tokio::time::timeout(Duration::from_secs(5), rx.recv()).await.unwrap().unwrap();
    assert_eq!(authorization.as_deref(), Some("Bearer job-secret"));
    assert_eq!((job["id"].as_str(), job["status"].as_str()), (Some(hooked.as_str()), Some("COMPLETED")));
    assert!(job["jobResponse"]["text"].as_str().is_some());
    let combined = client.jobs().wait(id, wait()).await.unwrap();
    assert!(combined.job_response.unwrap()["summary"].as_str().unwrap().starts_with("Summary:"));
}
