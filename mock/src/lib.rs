//! `hamsa mock`: a stateful local Hamsa server for testing your own integration without an API key or
//! network. It keeps phone numbers, calls, jobs and conversations in memory; a call moves
//! PENDING → IN_PROGRESS → COMPLETED (or FAILED / NO_ANSWER) over a configurable time and POSTs the
//! voice-agent webhook events to a loopback webhook URL; faults (latency, errors, 429 bursts, 5xx after
//! the work was done) can be injected to exercise retry handling.

mod agents;
mod clock;
mod config;
mod envelope;
mod faults;
mod jobs;
mod lifecycle;
mod routes;
mod store;

pub use config::{CallOutcome, Faults, MockConfig};
pub use routes::ROUTE_NOT_SERVED;

use std::net::SocketAddr;
use std::sync::Arc;
use tokio::sync::oneshot;

/// A running mock server. Dropping it (or calling [`RunningMock::shutdown`]) stops it.
pub struct RunningMock {
    address: SocketAddr,
    state: Arc<routes::AppState>,
    stop: Option<oneshot::Sender<()>>,
    task: Option<tokio::task::JoinHandle<()>>,
}

impl RunningMock {
    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// `http://127.0.0.1:PORT`, the base URL to give the SDK.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.address)
    }

    /// How many calls the mock has placed: for tests that check a call was not placed twice.
    pub fn calls_placed(&self) -> usize {
        self.state.store().calls.len()
    }

    /// How many phone numbers are registered.
    pub fn phone_numbers(&self) -> usize {
        self.state.store().phone_numbers.len()
    }

    /// Stops accepting requests and waits for the server task to end.
    pub async fn shutdown(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
    }

    /// Serves until the process is stopped.
    pub async fn wait(mut self) {
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
    }
}

impl Drop for RunningMock {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

/// Starts the mock on 127.0.0.1 (port from the config; 0 picks a free one). Needs a tokio runtime.
pub async fn start(config: MockConfig) -> std::io::Result<RunningMock> {
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", config.port)).await?;
    let address = listener.local_addr()?;
    let state = Arc::new(routes::AppState::new(config));
    let app = routes::router(state.clone());
    let (stop, stopped) = oneshot::channel::<()>();
    let task = tokio::spawn(async move {
        let served = axum::serve(listener, app).with_graceful_shutdown(async {
            let _ = stopped.await;
        });
        if let Err(error) = served.await {
            tracing::error!(%error, "the mock server stopped");
        }
    });
    Ok(RunningMock { address, state, stop: Some(stop), task: Some(task) })
}
