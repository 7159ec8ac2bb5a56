//! The main job, end to end: create a web tool and a v2 voice agent that greets with `{{name}}` and uses
//! the tool, register a Twilio number and assign it to the agent, place an outbound call with the agent
//! and `params: {name: "Sara"}` and a webhook, receive and verify the webhook events, wait for the
//! conversation to end, print transcript and outcome, then the agent's analytics. It exits non-zero when
//! the transcript lacks the filled greeting ("Hello Sara").
//!
//! With no `HAMSA_API_KEY` it runs against the embedded local mock server (no key, no network).
//! Against the real API set `HAMSA_API_KEY` (and optionally `HAMSA_BASE_URL`) plus the numbers and URLs
//! below; Hamsa only calls public https servers, so give the tool's in `HAMSA_TOOL_URL` and a webhook
//! in `HAMSA_WEBHOOK_URL` (events then go there, and this program follows the call by polling).

use hamsa::endpoints::{
    AddTwilioPhoneNumberParams, AnalyticsParams, AssignPhoneNumberParams, CreateTwilioCallParams,
    CreateVoiceAgentParams, CreateWebToolParams, WebToolSettingsInput,
};
use hamsa::models::{
    AgentConversation, AgentToolRef, AgentVoice, AnalyticsPeriod, WebToolMethod, WebToolType, WebhookAuth,
};
use hamsa::webhooks::{self, WebhookEvent, WebhookEventType};
use hamsa::{Client, ClientOptions, WaitOptions};
use serde_json::json;
use std::time::Duration;
use tokio::sync::mpsc;

fn setting(name: &str, mock_value: &str, real: bool) -> String {
    match std::env::var(name) {
        Ok(value) if !value.is_empty() => value,
        _ if real => {
            eprintln!("{name} is required when HAMSA_API_KEY is set");
            std::process::exit(2);
        }
        _ => mock_value.to_owned(),
    }
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let real = std::env::var("HAMSA_API_KEY").is_ok_and(|key| !key.is_empty());
    // No key: start the embedded mock and point the client at it.
    let mock = if real {
        None
    } else {
        let config = hamsa_mock::MockConfig { call_duration: Duration::from_secs(2), ..Default::default() };
        Some(hamsa_mock::start(config).await?)
    };
    let mut options = ClientOptions::default();
    if let Some(mock) = &mock {
        println!("Using the embedded Hamsa mock at {}", mock.base_url());
        options = options.with_api_key("mock-key").with_base_url(mock.base_url());
    }
    let client = Client::new(options)?;

    let twilio_number = setting("HAMSA_TWILIO_NUMBER", "+9700000000", real);
    let to_number = setting("HAMSA_TO_NUMBER", "+966500000001", real);
    let webhook_auth = WebhookAuth::new("Token", "quickstart-webhook-secret");

    // 1. A web tool the agent can call. The mock only calls loopback tool servers; Hamsa needs public https.
    let tool = client
        .web_tools()
        .create(CreateWebToolParams {
            name: "book_appointment".into(),
            description: "Books an appointment on the day the caller asks for.".into(),
            params: json!({
                "type": "object",
                "properties": {"day": {"type": "string", "description": "The day of the appointment"}},
                "required": ["day"],
            }),
            tool_settings: WebToolSettingsInput {
                server_url: setting("HAMSA_TOOL_URL", "http://127.0.0.1:8787/book-appointment", real),
                method_type: WebToolMethod::Post,
                auth_token: None,
                time_out: Some(5.0),
                http_headers: None,
                path_parameters: None,
            },
            tool_type: WebToolType::Function,
            is_async: false,
            collection_id: None,
            messages: None,
        })
        .await?;
    println!("Created web tool {} ({} v{})", tool.name.as_deref().unwrap_or("?"), tool.id, tool.version.unwrap_or(1));

    // 2. A v2 voice agent: a greeting with a `{{name}}` placeholder (and its default), and the tool.
    let agent = client
        .voice_agents()
        .create(CreateVoiceAgentParams {
            name: "Quickstart Agent".into(),
            conversation: Some(AgentConversation {
                greeting_message: Some("Hello {{name}}, this is Hamsa. How can I help you today?".into()),
                params: Some(json!({"name": "there"})),
                ..Default::default()
            }),
            voice: Some(AgentVoice { lang: Some("en".into()), ..Default::default() }),
            tools: Some(vec![AgentToolRef {
                tool_id: Some(tool.id.clone()),
                persistent_id: tool.persistent_id.clone(),
                version: tool.version.map(i64::from),
                tool_type: Some("FUNCTION".into()),
                ..Default::default()
            }]),
            ..Default::default()
        })
        .await?;
    println!("Created voice agent {} ({})", agent.name.as_deref().unwrap_or("?"), agent.id);

    // 3. Register the Twilio number (the mock starts empty; a real account may have it already).
    if !real || std::env::var("HAMSA_TWILIO_ACCOUNT_SID").is_ok() {
        let number = client
            .phone_numbers()
            .add_twilio(AddTwilioPhoneNumberParams {
                phone_number: twilio_number.clone(),
                label: "Support Line".into(),
                twilio_number_sid: setting("HAMSA_TWILIO_NUMBER_SID", "PNXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX", real),
                twilio_account_sid: setting("HAMSA_TWILIO_ACCOUNT_SID", "ACXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX", real),
                twilio_auth_token: setting("HAMSA_TWILIO_AUTH_TOKEN", "your_twilio_auth_token", real).into(),
            })
            .await?;
        println!("Registered {} ({})", number.number.as_deref().unwrap_or("?"), number.id);
    }
    // ... and let the agent answer it and call from it.
    let assigned = client
        .phone_numbers()
        .assign(AssignPhoneNumberParams { voice_agent_id: agent.id.clone(), phone_number: twilio_number.clone() })
        .await?;
    println!(
        "Assigned {} to agent {}",
        assigned.number.as_deref().unwrap_or(&twilio_number),
        assigned.voice_agent_id.as_deref().unwrap_or(&agent.id)
    );

    // 4. A local webhook receiver (mock mode), or the public URL you give.
    let (events_tx, mut events) = mpsc::unbounded_channel::<WebhookEvent>();
    let webhook_url = match std::env::var("HAMSA_WEBHOOK_URL") {
        Ok(url) if real => url,
        _ => start_webhook_receiver(webhook_auth.clone(), events_tx).await?,
    };

    // 5. Place the call with the agent; `params` fills its `{{name}}`. It is never sent twice: on a timeout or 5xx the SDK says "outcome unknown".
    let job = client
        .calls()
        .create_twilio(CreateTwilioCallParams {
            to_number,
            twilio_phone_number: twilio_number,
            voice_agent_id: Some(agent.id.clone()),
            agent_details: None,
            params: Some(json!({"name": "Sara"})),
            webhook_url: Some(webhook_url),
            webhook_auth: Some(webhook_auth),
        })
        .await?;
    println!("Call placed: job {} is {}", job.id, job.status.as_ref().map_or("?", |s| s.as_str()));

    // 6. Follow it: print webhook events as they arrive while waiting for the call to end.
    let wait =
        client.conversations().wait(&job.id, WaitOptions::default().with_poll_interval(Duration::from_millis(250)));
    tokio::pin!(wait);
    let mut ended = None;
    let conversation = loop {
        tokio::select! {
            Some(event) = events.recv() => {
                println!("  webhook {:<22} verified", event.event_type.as_str());
                if event.event_type == WebhookEventType::CallEnded {
                    ended = event.call_ended();
                }
            }
            result = &mut wait => break result?,
        }
    };
    // The final event may arrive just after the status changed.
    if ended.is_none() && mock.is_some() {
        while let Ok(Some(event)) = tokio::time::timeout(Duration::from_secs(2), events.recv()).await {
            println!("  webhook {:<22} verified", event.event_type.as_str());
            if event.event_type == WebhookEventType::CallEnded {
                ended = event.call_ended();
                break;
            }
        }
    }

    // 7. The result: the transcript must open with the greeting, its `{{name}}` filled from `params`.
    println!("Conversation {} ended: {}", conversation.id, conversation.status.as_ref().map_or("?", |s| s.as_str()));
    let greeted = match ended {
        Some(ended) => {
            println!("Transcript:");
            for line in &ended.transcript {
                println!("  {:>5}: {}", line.speaker, line.text);
            }
            println!("Outcome: {}", ended.outcome_result.unwrap_or_default());
            Some(ended.transcript.iter().any(|line| line.speaker == "Agent" && line.text.contains("Hello Sara")))
        }
        None => {
            println!("Record: {}", conversation.job_response.unwrap_or_default());
            None
        }
    };

    // 8. The agent's analytics, today.
    let overview = client
        .analytics()
        .overview(AnalyticsParams {
            voice_agent_id: Some(agent.id.clone()),
            period: Some(AnalyticsPeriod::Today),
            ..Default::default()
        })
        .await?;
    let sessions = overview.total_sessions_number.unwrap_or(0);
    println!(
        "Analytics of agent {}: {} sessions today, average duration {:.1} s",
        agent.id,
        sessions,
        overview.average_session_duration.unwrap_or(0.0)
    );
    if let Some(mock) = mock {
        mock.shutdown().await;
    }

    // The checks: the filled greeting (the mock always delivers the transcript; the real API's goes to
    // your webhook) and, on the mock, the call counted in the agent's analytics.
    if greeted == Some(false) || (greeted.is_none() && !real) {
        eprintln!("the transcript does not show the filled greeting \"Hello Sara\"");
        std::process::exit(1);
    }
    if !real && sessions == 0 {
        eprintln!("the agent's analytics do not count the call");
        std::process::exit(1);
    }
    Ok(())
}

/// Serves `POST /hamsa-webhook` on loopback: verifies the Authorization header, parses the event and
/// hands it over. Answers 401 to anything not signed with our webhookAuth.
async fn start_webhook_receiver(
    auth: WebhookAuth,
    events: mpsc::UnboundedSender<WebhookEvent>,
) -> std::io::Result<String> {
    use axum::http::{HeaderMap, StatusCode};
    let handler = move |headers: HeaderMap, body: axum::body::Bytes| {
        let auth = auth.clone();
        let events = events.clone();
        async move {
            if webhooks::verify_headers(&headers, &auth).is_err() {
                return StatusCode::UNAUTHORIZED;
            }
            match webhooks::parse(&body) {
                Ok(event) => {
                    let _ = events.send(event);
                    StatusCode::OK
                }
                Err(_) => StatusCode::BAD_REQUEST,
            }
        }
    };
    let app = axum::Router::new().route("/hamsa-webhook", axum::routing::post(handler));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let url = format!("http://{}/hamsa-webhook", listener.local_addr()?);
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    Ok(url)
}
