//! The mock as a process, for the runners of the other languages (see `tests/README.md`).
//!
//! `conformance-mock [--port N]` prints `listening on http://127.0.0.1:PORT` as its first line and
//! serves the control API:
//! - `POST /scenarios` (the scenario JSON): starts a mock for it; answers `{id, baseUrl, client}`;
//! - `POST /scenarios/{id}/outcome` (what the runner saw, a [`RunReport`]): stops that mock, judges the
//!   run with the suite's one judge ([`judge`]) and answers `{passed, failures, requests}`;
//! - `GET /scenarios/{id}/report`: stops that mock without judging; answers `{requests, failures}` (for a
//!   binding's own scripted tests, which are not conformance scenarios);
//! - `POST /shutdown`: exits.

use axum::Json;
use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use hamsa_conformance::{MockServer, RunReport, Scenario, effective_client_options, judge};
use serde_json::json;
use std::collections::HashMap;
use std::io::Write;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;
use tokio::sync::{Mutex, watch};

struct Control {
    next_id: AtomicU64,
    running: Mutex<HashMap<String, Running>>,
    /// Flips to `true` once `POST /shutdown` was answered.
    shutdown: watch::Sender<bool>,
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let port = parse_port(std::env::args().skip(1))?;
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await?;
    let address = listener.local_addr()?;
    let control = Arc::new(Control {
        next_id: AtomicU64::new(1),
        running: Mutex::default(),
        shutdown: watch::Sender::new(false),
    });
    let app = Router::new()
        .route("/scenarios", post(start_scenario))
        .route("/scenarios/{id}/outcome", post(outcome))
        .route("/scenarios/{id}/report", get(report))
        .route("/shutdown", post(shutdown))
        .with_state(Arc::clone(&control));
    // The runners wait for this line before they send anything.
    let mut stdout = std::io::stdout();
    writeln!(stdout, "listening on http://{address}")?;
    stdout.flush()?;
    let server = axum::serve(listener, app).with_graceful_shutdown(stopped(&control));
    // Graceful shutdown waits for open connections; a runner that keeps one alive must not keep us up.
    tokio::select! {
        served = server => served?,
        () = async {
            stopped(&control).await;
            tokio::time::sleep(Duration::from_secs(2)).await;
        } => {}
    }
    Ok(())
}

/// A scenario being served, until its outcome (or report) is asked for.
struct Running {
    scenario: Scenario,
    mock: MockServer,
}

/// Resolves once shutdown was asked for (also when it was asked before this was called).
fn stopped(control: &Control) -> impl Future<Output = ()> + Send + 'static {
    let mut receiver = control.shutdown.subscribe();
    async move {
        let _ = receiver.wait_for(|stop| *stop).await;
    }
}

/// `--port N` or `--port=N`; 0 (any free port) when absent.
fn parse_port(mut args: impl Iterator<Item = String>) -> Result<u16, String> {
    let mut port = 0;
    while let Some(arg) = args.next() {
        let value = match arg.strip_prefix("--port=") {
            Some(value) => value.to_owned(),
            None if arg == "--port" => args.next().ok_or("--port needs a value")?,
            None => return Err(format!("unknown argument {arg:?}; usage: conformance-mock [--port N]")),
        };
        port = value.parse().map_err(|_| format!("--port: {value:?} is not a port number"))?;
    }
    Ok(port)
}

async fn start_scenario(State(control): State<Arc<Control>>, body: Bytes) -> Response {
    let text = String::from_utf8_lossy(&body);
    let scenario = match Scenario::from_json_text(&text) {
        Ok(scenario) => scenario,
        Err(problem) => return error(StatusCode::BAD_REQUEST, problem),
    };
    let mock = match MockServer::start(&scenario).await {
        Ok(mock) => mock,
        Err(e) => return error(StatusCode::INTERNAL_SERVER_ERROR, format!("cannot start a mock: {e}")),
    };
    let client = effective_client_options(&scenario, mock.base_url());
    let id = control.next_id.fetch_add(1, Ordering::Relaxed).to_string();
    control.running.lock().await.insert(id.clone(), Running { scenario, mock });
    Json(json!({"id": id, "baseUrl": client["baseUrl"], "client": client})).into_response()
}

/// Stops the scenario's mock and judges the run. The mock is stopped even when the report is refused:
/// the runner is done with that scenario either way.
async fn outcome(State(control): State<Arc<Control>>, Path(id): Path<String>, body: Bytes) -> Response {
    let Some(Running { scenario, mock }) = control.running.lock().await.remove(&id) else {
        return error(StatusCode::NOT_FOUND, format!("no running scenario {id:?}"));
    };
    let seen = mock.shutdown().await;
    let run = match RunReport::from_json_text(&String::from_utf8_lossy(&body)) {
        Ok(run) => run,
        Err(problem) => return error(StatusCode::BAD_REQUEST, problem),
    };
    let failures = judge(&scenario, &run, &seen);
    Json(json!({"passed": failures.is_empty(), "failures": failures, "requests": seen.requests})).into_response()
}

async fn report(State(control): State<Arc<Control>>, Path(id): Path<String>) -> Response {
    let running = control.running.lock().await.remove(&id);
    match running {
        Some(Running { mock, .. }) => Json(mock.shutdown().await).into_response(),
        None => error(StatusCode::NOT_FOUND, format!("no running scenario {id:?}")),
    }
}

async fn shutdown(State(control): State<Arc<Control>>) -> Response {
    // Notify after this answer is on its way, so the caller sees a clean 200.
    tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(50)).await;
        control.shutdown.send_replace(true);
    });
    Json(json!({"ok": true})).into_response()
}

fn error(status: StatusCode, message: String) -> Response {
    (status, Json(json!({"error": message}))).into_response()
}
