//! A call's life in the mock: PENDING → IN_PROGRESS → COMPLETED (or FAILED / NO_ANSWER), with the
//! voice-agent webhook events POSTed along the way.

use crate::clock;
use crate::config::CallOutcome;
use crate::routes::AppState;
use crate::store::PROJECT_ID;
use serde_json::{Value, json};
use std::sync::Arc;
use std::time::Duration;

/// Where and how to deliver a call's webhook events.
#[derive(Clone, Debug)]
pub struct Webhook {
    pub url: String,
    /// The `Authorization` header value: `<authKey> <authSecret>`.
    pub authorization: Option<String>,
}

/// Plays one call to its end. Runs as its own task.
pub async fn run_call(state: Arc<AppState>, call_id: String, outcome: CallOutcome, webhook: Option<Webhook>) {
    let step = state.config.call_duration / 10;
    let send = |event: &'static str, data: Value| {
        let state = state.clone();
        let webhook = webhook.clone();
        let call_id = call_id.clone();
        async move {
            if let Some(webhook) = webhook {
                deliver(&state, &webhook, &call_id, event, data).await;
            }
        }
    };

    tokio::time::sleep(step * 2).await;
    set_status(&state, &call_id, "IN_PROGRESS");
    send("call.started", json!({"status": "IN_PROGRESS"})).await;

    if outcome == CallOutcome::NoAnswer {
        tokio::time::sleep(step * 6).await;
        finish(&state, &call_id, outcome, None);
        send("call.ended", ended_data(&state, &call_id)).await;
        return;
    }
    tokio::time::sleep(step).await;
    send("call.answered", json!({"status": "IN_PROGRESS"})).await;

    for (speaker, text) in script(&state, &call_id) {
        tokio::time::sleep(step).await;
        if let Some(call) = state.store.lock().unwrap_or_else(|p| p.into_inner()).call_mut(&call_id) {
            call.transcript.push((speaker.to_owned(), text.clone()));
            call.updated_at = clock::now_iso();
        }
        send("transcription.update", json!({"speaker": speaker, "text": text})).await;
        if speaker == "User" && text.contains("Monday") {
            send(
                "tool.executed",
                json!({"toolName": "book_appointment", "arguments": {"day": "Monday"}, "result": {"booked": true}}),
            )
            .await;
        }
    }
    tokio::time::sleep(step).await;
    let outcome_result = (outcome == CallOutcome::Completed).then(|| outcome_result(&state, &call_id));
    finish(&state, &call_id, outcome, outcome_result);
    send("call.ended", ended_data(&state, &call_id)).await;
}

/// The conversation the mock agent and user have.
fn script(state: &AppState, call_id: &str) -> Vec<(&'static str, String)> {
    let store = state.store.lock().unwrap_or_else(|p| p.into_inner());
    let (name, agent, greeting) = store.call(call_id).map_or(("there".to_owned(), "Hamsa".to_owned(), None), |call| {
        let name = call.params.get("name").and_then(Value::as_str).unwrap_or("there").to_owned();
        (name, call.agent_name.clone(), call.greeting.clone())
    });
    let greeting = greeting.unwrap_or_else(|| format!("Hello {name}, this is {agent}. How can I help you today?"));
    vec![
        ("Agent", greeting),
        ("User", "I'd like to book an appointment for Monday.".to_owned()),
        ("Agent", "Done: you are booked for Monday at 10:00.".to_owned()),
        ("User", "Thank you!".to_owned()),
    ]
}

/// What the agent extracted, plus every param sent at call start (the API echoes them).
fn outcome_result(state: &AppState, call_id: &str) -> Value {
    let store = state.store.lock().unwrap_or_else(|p| p.into_inner());
    let mut result = store.call(call_id).and_then(|c| c.params.as_object().cloned()).unwrap_or_default();
    result.insert("appointmentBooked".into(), json!(true));
    result.insert("appointmentDay".into(), json!("Monday"));
    Value::Object(result)
}

fn set_status(state: &AppState, call_id: &str, status: &'static str) {
    if let Some(call) = state.store.lock().unwrap_or_else(|p| p.into_inner()).call_mut(call_id) {
        call.status = status;
        call.updated_at = clock::now_iso();
    }
}

fn finish(state: &AppState, call_id: &str, outcome: CallOutcome, outcome_result: Option<Value>) {
    if let Some(call) = state.store.lock().unwrap_or_else(|p| p.into_inner()).call_mut(call_id) {
        call.status = outcome.status();
        call.outcome_result = outcome_result;
        call.duration_secs = ((clock::now_ms() - call.created_at_ms).max(0) / 1000) as u64;
        call.updated_at = clock::now_iso();
    }
}

/// `call.ended` nests its payload twice, as the API does.
fn ended_data(state: &AppState, call_id: &str) -> Value {
    let store = state.store.lock().unwrap_or_else(|p| p.into_inner());
    let Some(call) = store.call(call_id) else { return Value::Null };
    json!({
        "timestamp": clock::now_iso(),
        "data": {
            "conversationId": call.id,
            "conversationRecording": format!("http://127.0.0.1/recordings/{}.mp3", call.id),
            "transcription": call.transcription(),
            "outcomeResult": call.outcome_result,
            "status": call.status,
            "duration": call.duration_secs,
        }
    })
}

async fn deliver(state: &AppState, webhook: &Webhook, call_id: &str, event: &str, data: Value) {
    let agent = {
        let store = state.store.lock().unwrap_or_else(|p| p.into_inner());
        store.call(call_id).map(|c| (c.voice_agent_id.clone(), c.agent_name.clone()))
    };
    let (agent_id, agent_name) = agent.unwrap_or_default();
    let body = json!({
        "eventType": event, "callId": call_id, "timestamp": clock::now_iso(), "projectId": PROJECT_ID,
        "agentId": agent_id, "agentName": agent_name, "data": data,
    });
    let mut request = state
        .webhook_client
        .post(&webhook.url)
        .header("content-type", "application/json")
        .body(body.to_string())
        .timeout(Duration::from_secs(5));
    if let Some(authorization) = &webhook.authorization {
        request = request.header("authorization", authorization);
    }
    match request.send().await {
        Ok(response) if response.status().is_success() => {}
        Ok(response) => tracing::warn!(event, status = response.status().as_u16(), "webhook refused"),
        Err(error) => tracing::warn!(event, %error, "webhook delivery failed"),
    }
}
