//! A progress spinner on stderr while waiting, shown only on a terminal.

use std::io::{IsTerminal, Write};
use std::time::Duration;

/// Spins with `label` until the returned guard is dropped. Does nothing when stderr is not a terminal.
pub fn start(label: String) -> Option<Spinner> {
    if !std::io::stderr().is_terminal() {
        return None;
    }
    let task = tokio::spawn(async move {
        let frames = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
        for frame in frames.iter().cycle() {
            eprint!("\r{frame} {label}");
            let _ = std::io::stderr().flush();
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    });
    Some(Spinner { task })
}

pub struct Spinner {
    task: tokio::task::JoinHandle<()>,
}

impl Drop for Spinner {
    fn drop(&mut self) {
        self.task.abort();
        eprint!("\r\x1b[2K");
    }
}
