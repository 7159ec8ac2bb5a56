//! A progress spinner on stderr while waiting, shown only on a terminal.

use hamsa::models::JobStatus;
use std::io::{IsTerminal, Write};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Spins with `label` and the latest status until the returned guard is dropped. Does nothing (and
/// prints nothing) when stderr is not a terminal.
pub fn start(label: String) -> Spinner {
    let status = Arc::new(Mutex::new(String::from("starting")));
    if !std::io::stderr().is_terminal() {
        return Spinner { task: None, status };
    }
    let shown = status.clone();
    let task = tokio::spawn(async move {
        let frames = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
        for frame in frames.iter().cycle() {
            let status = shown.lock().map(|s| s.clone()).unwrap_or_default();
            eprint!("\r\x1b[2K{frame} {label}: {status}");
            let _ = std::io::stderr().flush();
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    });
    Spinner { task: Some(task), status }
}

pub struct Spinner {
    task: Option<tokio::task::JoinHandle<()>>,
    status: Arc<Mutex<String>>,
}

impl Spinner {
    /// A poll observer that shows each status the wait sees.
    pub fn observer(&self) -> hamsa::polling::PollObserver {
        let status = self.status.clone();
        hamsa::polling::PollObserver::new(move |seen| {
            if let Ok(mut shown) = status.lock() {
                *shown = seen.map_or("no status yet", JobStatus::as_str).to_owned();
            }
        })
    }
}

impl Drop for Spinner {
    fn drop(&mut self) {
        if let Some(task) = self.task.take() {
            task.abort();
            eprint!("\r\x1b[2K");
        }
    }
}
