//! Per-environment state. Each Node environment (the main thread, each `worker_threads` Worker) loads
//! the addon into its own env; when a Worker is terminated its env is torn down while requests may be in
//! flight on napi's shared tokio runtime. The `closed` switch, flipped when the env's instance data is
//! finalized, cancels them, so nothing keeps running for a dead env. The env's `Settler` settles the
//! promises of its requests (see `settle.rs`).

use crate::cancel::Signal;
use crate::settle::Settler;
use napi::Env;
use std::sync::Arc;
use tokio::sync::watch;

struct EnvState {
    closed: Arc<watch::Sender<bool>>,
    settler: Arc<Settler>,
}

/// What every request of an environment shares.
#[derive(Clone)]
pub struct EnvShared {
    /// Fires when the environment is torn down.
    pub closed: Signal,
    pub settler: Arc<Settler>,
}

/// The shared state of `env`, made on first use.
pub fn env_shared(env: &Env) -> napi::Result<EnvShared> {
    if let Some(state) = env.get_instance_data::<EnvState>()? {
        return Ok(EnvShared { closed: Signal::from_switch(&state.closed), settler: Arc::clone(&state.settler) });
    }
    let closed = Arc::new(watch::Sender::new(false));
    let settler = Settler::new(env)?;
    let shared = EnvShared { closed: Signal::from_switch(&closed), settler: Arc::clone(&settler) };
    env.set_instance_data(EnvState { closed, settler }, (), |context| {
        context.value.closed.send_replace(true);
    })?;
    Ok(shared)
}
