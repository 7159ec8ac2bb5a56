//! Per-environment state. Each Node environment (the main thread, each `worker_threads` Worker) loads
//! the addon into its own env; when a Worker is terminated its env is torn down while requests may be in
//! flight on napi's shared tokio runtime. The `closed` switch, flipped when the env's instance data is
//! finalized, cancels them, so nothing keeps running for a dead env.

use crate::cancel::Signal;
use napi::Env;
use std::sync::Arc;
use tokio::sync::watch;

struct EnvState {
    closed: Arc<watch::Sender<bool>>,
}

/// A signal that fires when `env` is torn down (the switch is made on first use).
pub fn env_closed(env: &Env) -> napi::Result<Signal> {
    if let Some(state) = env.get_instance_data::<EnvState>()? {
        return Ok(Signal::from_switch(&state.closed));
    }
    let closed = Arc::new(watch::Sender::new(false));
    let signal = Signal::from_switch(&closed);
    env.set_instance_data(EnvState { closed }, (), |context| {
        context.value.closed.send_replace(true);
    })?;
    Ok(signal)
}
