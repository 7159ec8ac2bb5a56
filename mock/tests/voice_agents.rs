//! Voice agents in the stateful mock, driven through the SDK: v1 and v2 views of one agent, partial
//! updates, clones, and a call placed with a mock agent speaking its greeting.

use hamsa::endpoints::{
    AddTwilioPhoneNumberParams, CloneVoiceAgentParams, CreateCallWithPhoneNumberParams, CreateTwilioCallParams,
    CreateVoiceAgentParams, CreateVoiceAgentV1Params, GetVoiceAgentParams, ListVoiceAgentsParams,
    UpdateVoiceAgentParams, UpdateVoiceAgentV1Params,
};
use hamsa::models::{AgentCallSettings, AgentConversation, AgentDetails, AgentType, AgentVoice, JobStatus};
use hamsa::{Client, ClientOptions, WaitOptions};
use hamsa_mock::{MockConfig, RunningMock};
use serde_json::json;
use std::time::Duration;

const NUMBER: &str = "+9700000000";

async fn mock() -> (RunningMock, Client) {
    let config = MockConfig { call_duration: Duration::from_millis(300), ..MockConfig::default() };
    let mock = hamsa_mock::start(config).await.unwrap();
    let client = Client::new(ClientOptions::default().with_api_key("mock-key").with_base_url(mock.base_url())).unwrap();
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
    (mock, client)
}

fn sara() -> CreateVoiceAgentParams {
    CreateVoiceAgentParams {
        name: "Sara".into(),
        agent_type: Some(AgentType::SinglePrompt),
        conversation: Some(AgentConversation {
            greeting_message: Some("Hello {{name}}, this is Sara from {{company}}.".into()),
            params: Some(json!({"company": "Hamsa"})),
            ..Default::default()
        }),
        voice: Some(AgentVoice { lang: Some("en".into()), ..Default::default() }),
        ..Default::default()
    }
}

#[tokio::test]
async fn one_agent_seen_through_both_versions_updated_partially_and_cloned() {
    let (_mock, client) = mock().await;
    let created = client.voice_agents().create(sara()).await.unwrap();
    let id = created.id.clone();
    let get = |id: &str| GetVoiceAgentParams { voice_agent_id: id.into() };
    let v1 = client.voice_agents().get_v1(get(&id)).await.unwrap();
    assert_eq!((v1.agent_name.as_deref(), v1.lang.as_deref()), (Some("Sara"), Some("en")));

    let update = UpdateVoiceAgentParams {
        voice_agent_id: id.clone(),
        call_settings: Some(AgentCallSettings { interrupt: Some(false), ..Default::default() }),
        ..Default::default()
    };
    let updated = client.voice_agents().update(update).await.unwrap();
    assert_eq!(updated.name.as_deref(), Some("Sara"), "what was not sent is unchanged");
    assert_eq!(updated.call_settings.unwrap().interrupt, Some(false));
    let v1_update = UpdateVoiceAgentV1Params {
        voice_agent_id: id.clone(),
        description: Some("front desk".into()),
        max_call_duration: Some(120.0),
        ..Default::default()
    };
    let v1 = client.voice_agents().update_v1(v1_update).await.unwrap();
    assert_eq!((v1.description.as_deref(), v1.interrupt), (Some("front desk"), Some(false)));
    let v2 = client.voice_agents().get(get(&id)).await.unwrap();
    assert_eq!(v2.call_settings.unwrap().max_call_duration, Some(120.0));
    assert!(v2.conversation.unwrap().greeting_message.unwrap().starts_with("Hello {{name}}"));

    let copy = client
        .voice_agents()
        .clone(CloneVoiceAgentParams { voice_agent_id: id.clone(), agent_name: Some("Sara 2".into()) })
        .await
        .unwrap();
    assert_ne!(copy.id.as_deref(), Some(id.as_str()));
    assert_eq!((copy.agent_name.as_deref(), copy.description.as_deref()), (Some("Sara 2"), Some("front desk")));

    let v1_only = CreateVoiceAgentV1Params { agent_name: "Omar".into(), lang: Some("ar".into()), ..Default::default() };
    client.voice_agents().create_v1(v1_only).await.unwrap();
    let page = client
        .voice_agents()
        .list(ListVoiceAgentsParams { language: vec!["en".into()], ..Default::default() })
        .await
        .unwrap();
    assert_eq!((page.total, page.filtered, page.voice_agents.len()), (Some(3), Some(2), 2));
    let everything = client.voice_agents().list_v1(Default::default()).await.unwrap();
    assert_eq!(everything.voice_agents.len(), 3);

    let missing = client.voice_agents().get(get("no-such-agent")).await.unwrap_err();
    assert_eq!(missing.code(), "not_found");
}

#[tokio::test]
async fn a_call_with_a_mock_agent_speaks_its_greeting_with_the_params_filled() {
    let (_mock, client) = mock().await;
    let agent = client.voice_agents().create(sara()).await.unwrap();
    let job = client
        .calls()
        .create_twilio(CreateTwilioCallParams {
            to_number: "+966500000001".into(),
            twilio_phone_number: NUMBER.into(),
            voice_agent_id: Some(agent.id.clone()),
            params: Some(json!({"name": "Omar"})),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(job.agent_details.unwrap().agent_name.as_deref(), Some("Sara"));
    let wait = || WaitOptions::default().with_poll_interval(Duration::from_millis(20));
    let done = client.conversations().wait(&job.id, wait()).await.unwrap();
    assert_eq!(done.status, Some(JobStatus::Completed));
    let transcript = &done.job_response.unwrap()["transcription"];
    assert_eq!(transcript[0]["Agent"], "Hello Omar, this is Sara from Hamsa.");

    // An inline agent speaks its own greeting; an unknown agent id keeps the default script.
    let inline = AgentDetails { greeting_message: Some("Hi {{name}}!".into()), ..AgentDetails::named("Inline") };
    let started = client
        .calls()
        .create_with_phone_number(CreateCallWithPhoneNumberParams {
            to_number: "+966500000001".into(),
            phone_number: NUMBER.into(),
            params: Some(json!({"name": "Lina"})),
            agent_details: Some(inline),
            ..Default::default()
        })
        .await
        .unwrap();
    let done = client.conversations().wait(started.job_id.as_deref().unwrap(), wait()).await.unwrap();
    assert_eq!(done.job_response.unwrap()["transcription"][0]["Agent"], "Hi Lina!");
    let job = client
        .calls()
        .create_twilio(CreateTwilioCallParams {
            to_number: "+966500000001".into(),
            twilio_phone_number: NUMBER.into(),
            voice_agent_id: Some("unknown-agent".into()),
            params: Some(json!({"name": "Omar"})),
            ..Default::default()
        })
        .await
        .unwrap();
    let done = client.conversations().wait(&job.id, wait()).await.unwrap();
    assert_eq!(
        done.job_response.unwrap()["transcription"][0]["Agent"],
        "Hello Omar, this is Mock Agent. How can I help you today?"
    );
}
