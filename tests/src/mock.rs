//! The mock Hamsa server: serves one scenario's exchanges, strictly in order, on its own loopback port.
//!
//! Each request takes the next exchange. If it differs from the expected request, or there is no
//! exchange left, the mock answers 599 and records a failure that says what differed; otherwise it
//! waits `delayMs` and answers as told. It never panics on what a client sends: anything odd becomes
//! a recorded failure, so a misbehaving SDK fails its scenario instead of the suite.

use crate::request_match::{ReceivedRequest, request_mismatches};
use crate::scenario::{Exchange, MockResponse, Scenario};
use axum::Router;
use axum::body::{Body, to_bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use axum::response::Response;
use serde::Serialize;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

/// The status that marks "the mock did not expect this request". Outside the range any API uses.
pub const MISMATCH_STATUS: u16 = 599;

/// Request bodies larger than this are refused (no Hamsa request comes close).
const MAX_BODY_BYTES: usize = 1 << 20;

/// What the mock saw: the number of requests and every failure, in arrival order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Report {
    pub requests: u64,
    pub failures: Vec<String>,
}

/// A running mock for one scenario. Stop it with [`MockServer::shutdown`], which also gives the report.
pub struct MockServer {
    base_url: String,
    state: Arc<MockState>,
    stop: Option<oneshot::Sender<()>>,
    task: JoinHandle<()>,
}

struct MockState {
    exchanges: Vec<Exchange>,
    progress: Mutex<Progress>,
}

#[derive(Default)]
struct Progress {
    requests: u64,
    failures: Vec<String>,
    last_arrival: Option<Instant>,
}

impl MockServer {
    /// Binds 127.0.0.1 on a free port and starts serving `scenario`'s exchanges.
    pub async fn start(scenario: &Scenario) -> std::io::Result<Self> {
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let base_url = format!("http://{}", listener.local_addr()?);
        let state = Arc::new(MockState { exchanges: scenario.exchanges.clone(), progress: Mutex::default() });
        let app = Router::new().fallback(serve_exchange).with_state(Arc::clone(&state));
        let (stop, stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(async move {
            let server = axum::serve(listener, app).with_graceful_shutdown(async {
                let _ = stopped.await;
            });
            // An accept error ends the mock; the scenario then fails on its request count.
            let _ = server.await;
        });
        Ok(Self { base_url, state, stop: Some(stop), task })
    }

    /// `http://127.0.0.1:PORT`, without a trailing slash.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// What the mock has seen so far.
    pub fn report(&self) -> Report {
        let progress = self.state.lock();
        Report { requests: progress.requests, failures: progress.failures.clone() }
    }

    /// Stops listening and gives the final report. Connections still open (a client that gave up on a
    /// delayed answer) get a short grace period, then the server task is dropped.
    pub async fn shutdown(mut self) -> Report {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if tokio::time::timeout(Duration::from_millis(300), &mut self.task).await.is_err() {
            self.task.abort();
        }
        self.report()
    }
}

impl Drop for MockServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl MockState {
    /// The lock, even if a previous holder panicked: the counters stay meaningful.
    fn lock(&self) -> MutexGuard<'_, Progress> {
        self.progress.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn record_failure(&self, failure: String) {
        self.lock().failures.push(failure);
    }
}

async fn serve_exchange(State(state): State<Arc<MockState>>, request: Request) -> Response {
    // Count and place the request as soon as it arrives: a client may give up while its body is read or
    // while the answer is delayed, and it still made that request.
    let (number, gap) = {
        let mut progress = state.lock();
        progress.requests += 1;
        let now = Instant::now();
        let gap = progress.last_arrival.map(|previous| now.duration_since(previous));
        progress.last_arrival = Some(now);
        (progress.requests, gap)
    };
    let (parts, body) = request.into_parts();
    let label = format!("request {number} ({} {})", parts.method, parts.uri);
    let Some(exchange) = usize::try_from(number - 1).ok().and_then(|index| state.exchanges.get(index)) else {
        let total = state.exchanges.len();
        return mismatch(&state, format!("{label}: unexpected, the scenario declares only {total} exchanges"));
    };
    let body = match to_bytes(body, MAX_BODY_BYTES).await {
        Ok(bytes) => bytes.to_vec(),
        Err(error) => return mismatch(&state, format!("{label}: could not read the body: {error}")),
    };
    let received = ReceivedRequest {
        method: parts.method.to_string(),
        path: parts.uri.path().to_owned(),
        query: parts
            .uri
            .query()
            .map(|query| url::form_urlencoded::parse(query.as_bytes()).into_owned().collect())
            .unwrap_or_default(),
        headers: parts
            .headers
            .iter()
            .map(|(name, value)| (name.as_str().to_owned(), String::from_utf8_lossy(value.as_bytes()).into_owned()))
            .collect(),
        body,
        gap,
    };
    let problems = request_mismatches(&exchange.request, &received);
    if !problems.is_empty() {
        return mismatch(&state, format!("{label}: {}", problems.join("; ")));
    }
    if exchange.response.delay_ms > 0 {
        tokio::time::sleep(Duration::from_millis(exchange.response.delay_ms)).await;
    }
    build_response(&exchange.response).unwrap_or_else(|problem| mismatch(&state, format!("{label}: {problem}")))
}

/// Records `failure` and answers 599 with it as plain text, which also helps whoever reads the SDK's error.
fn mismatch(state: &MockState, failure: String) -> Response {
    let mut response = Response::new(Body::from(format!("conformance mock: {failure}")));
    state.record_failure(failure);
    *response.status_mut() = StatusCode::from_u16(MISMATCH_STATUS).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("text/plain"));
    response
}

/// The scenario's answer. A JSON `body` gets `content-type: application/json` unless the scenario sets one.
fn build_response(spec: &MockResponse) -> Result<Response, String> {
    let status = StatusCode::from_u16(spec.status).map_err(|_| format!("status {} is not valid", spec.status))?;
    let body = match (&spec.body, &spec.body_text) {
        (Some(json), _) => json.to_string(),
        (None, Some(text)) => text.clone(),
        (None, None) => String::new(),
    };
    let mut response = Response::new(Body::from(body));
    *response.status_mut() = status;
    let headers = response.headers_mut();
    for (name, value) in &spec.headers {
        let name = HeaderName::from_bytes(name.as_bytes()).map_err(|_| format!("bad response header name {name:?}"))?;
        let value = HeaderValue::from_str(value).map_err(|_| format!("bad value for response header {name}"))?;
        headers.append(name, value);
    }
    if spec.body.is_some() && !headers.contains_key(header::CONTENT_TYPE) {
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    }
    Ok(response)
}
