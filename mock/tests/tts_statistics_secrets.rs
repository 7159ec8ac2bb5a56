//! The mock's TTS jobs, voices, histories, statistics and secrets, driven through the SDK.

use futures_util::TryStreamExt;
use hamsa::endpoints::{
    CreateSecretParams, CreateTtsHistoryParams, CreateTtsJobParams, CreateVoiceParams, GetJobParams,
    GetTtsHistoryParams, ListTtsHistoriesParams, ListVoicesParams, PreloadVoiceParams, StatisticsParams,
    UpdateSecretParams,
};
use hamsa::models::{JobStatus, VoiceTag};
use hamsa::{Client, ClientOptions, Secret};
use hamsa_mock::{MockConfig, RunningMock};
use std::time::Duration;

async fn mock() -> (RunningMock, Client) {
    let config = MockConfig { call_duration: Duration::from_millis(200), ..MockConfig::default() };
    let mock = hamsa_mock::start(config).await.unwrap();
    let client = Client::new(ClientOptions::default().with_api_key("mock-key").with_base_url(mock.base_url())).unwrap();
    (mock, client)
}

#[tokio::test]
async fn a_tts_job_completes_with_a_wav_the_mock_serves_and_is_counted() {
    let (_mock, client) = mock().await;
    let voices: Vec<_> = client.voices().list(ListVoicesParams::default()).items().try_collect().await.unwrap();
    let voice = voices[0].id.clone();
    let job = client
        .tts()
        .create_job(CreateTtsJobParams { voice_id: voice, text: "Hello there".into(), ..Default::default() })
        .await
        .unwrap();
    assert_eq!(job.status, Some(JobStatus::Pending));
    assert!(job.job_response.is_none());
    let done = loop {
        let job = client.jobs().get(GetJobParams { job_id: job.id.clone() }).await.unwrap();
        if job.is_terminal() {
            break job;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert_eq!(done.status, Some(JobStatus::Completed));
    let result = done.tts_response().unwrap();
    assert_eq!(result.text.as_deref(), Some("Hello there"));
    let wav = reqwest::get(result.tts_media_file.unwrap()).await.unwrap();
    assert_eq!(wav.headers()["content-type"], "audio/wav");
    assert_eq!(&wav.bytes().await.unwrap()[..4], b"RIFF");

    let period = StatisticsParams { start_period: "0".into(), end_period: "99999999999999".into(), project_id: None };
    let totals = client.statistics().totals(period.clone()).await.unwrap();
    assert_eq!(totals.tokens.unwrap().value, Some(11.0), "the characters spoken");
    assert!(totals.requests.unwrap().value.unwrap() >= 4.0);
    let chart = client.statistics().chart(period).await.unwrap();
    assert_eq!(chart.requests.len(), 1);
    assert_eq!(chart.requests[0].value, Some(1.0));
}

#[tokio::test]
async fn cloned_voices_and_histories_are_kept() {
    let (_mock, client) = mock().await;
    let created = client
        .voices()
        .create(CreateVoiceParams {
            name: "Layla".into(),
            audio_url: "https://cdn.example.com/layla.wav".into(),
            audio_transcription: "Hello".into(),
            language: "en".into(),
            tags: vec![VoiceTag::Female, VoiceTag::Narrator],
            ..Default::default()
        })
        .await
        .unwrap();
    client.voices().preload(PreloadVoiceParams { voice_id: created.id.clone() }).await.unwrap();
    let found = client.voices().list(ListVoicesParams { q: Some("layla".into()), ..Default::default() }).await.unwrap();
    assert_eq!(found.voices.iter().map(|v| v.id.as_str()).collect::<Vec<_>>(), [created.id.as_str()]);
    assert!(client.voices().preload(PreloadVoiceParams { voice_id: "nope".into() }).await.is_err());

    for n in 0..3 {
        client
            .tts_histories()
            .create(CreateTtsHistoryParams {
                tts_voice_id: created.id.clone(),
                script: format!("Script {n}"),
                api_key: Secret::new("key-id"),
                ..Default::default()
            })
            .await
            .unwrap();
    }
    let all: Vec<_> = client
        .tts_histories()
        .list(ListTtsHistoriesParams { per_page: Some(2), ..Default::default() })
        .items()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(
        all.iter().map(|h| h.script.as_deref().unwrap()).collect::<Vec<_>>(),
        ["Script 2", "Script 1", "Script 0"]
    );
    let one =
        client.tts_histories().get(GetTtsHistoryParams { id: all[0].id.clone(), project_id: None }).await.unwrap();
    assert_eq!(one.tts_voice.unwrap().name.as_deref(), Some("Layla"));
    assert_eq!(&reqwest::get(one.audio.unwrap()).await.unwrap().bytes().await.unwrap()[..4], b"RIFF");
}

#[tokio::test]
async fn a_secret_is_stored_and_its_value_never_answered() {
    let (_mock, client) = mock().await;
    let secret = client
        .secrets()
        .create(CreateSecretParams {
            name: "crm".into(),
            value: Secret::new("sk-very-secret"),
            description: None,
            tags: Some(vec!["crm".into()]),
        })
        .await
        .unwrap();
    let shown = serde_json::to_string(&secret).unwrap();
    assert!(!shown.contains("sk-very-secret"), "{shown}");
    let updated = client
        .secrets()
        .update(UpdateSecretParams {
            id: secret.id.clone(),
            value: Some(Secret::new("sk-rotated")),
            description: Some("rotated".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(updated.description.as_deref(), Some("rotated"));
    assert!(!serde_json::to_string(&updated).unwrap().contains("sk-rotated"));
    let again =
        CreateSecretParams { name: "crm".into(), value: Secret::new("sk-very-secret"), description: None, tags: None };
    let error = client.secrets().create(again).await.unwrap_err();
    assert_eq!(error.status(), Some(409));
}
