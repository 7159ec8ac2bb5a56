//! Runs `wrk` (plain mode: no Lua, so that nothing slows the generator) and reads its summary.

use std::process::Command;
use std::time::Duration;

/// What one wrk run measured.
pub struct WrkRun {
    pub rate: f64,
    /// No socket errors and no non-2xx answers.
    pub clean: bool,
}

/// The first line of `wrk -v` (e.g. `wrk 4.1.0 [epoll] ...`), or `None` when wrk cannot be run.
pub fn version() -> Option<String> {
    // `wrk -v` prints its version and usage, then exits with status 1: only the output matters.
    let output = Command::new("wrk").arg("-v").output().ok()?;
    let text = String::from_utf8_lossy(&output.stdout).into_owned() + &String::from_utf8_lossy(&output.stderr);
    let line = text.lines().find(|l| l.starts_with("wrk "))?;
    Some(line.split(" Copyright").next().unwrap_or(line).to_owned())
}

pub fn run(url: &str, connections: usize, threads: usize, duration: Duration) -> Result<WrkRun, String> {
    let output = Command::new("wrk")
        .args(["-t", &threads.min(connections).to_string()])
        .args(["-c", &connections.to_string()])
        .args(["-d", &format!("{}s", duration.as_secs().max(1))])
        .args(["--timeout", "10s"])
        .args(["-H", &format!("Authorization: Token {}", crate::expected::API_KEY)])
        .arg(url)
        .output()
        .map_err(|e| format!("could not run wrk: {e}"))?;
    let text = String::from_utf8_lossy(&output.stdout);
    if !output.status.success() {
        return Err(format!("wrk failed ({}): {text}{}", output.status, String::from_utf8_lossy(&output.stderr)));
    }
    parse(&text).ok_or_else(|| format!("no Requests/sec in wrk's output:\n{text}"))
}

fn parse(text: &str) -> Option<WrkRun> {
    let rate = text.lines().find_map(|l| l.trim().strip_prefix("Requests/sec:"))?.trim().parse().ok()?;
    // wrk prints these two lines only when something went wrong.
    let clean = !text.contains("Socket errors:") && !text.contains("Non-2xx or 3xx responses:");
    Some(WrkRun { rate, clean })
}

#[cfg(test)]
mod tests {
    use super::parse;

    const CLEAN: &str = "Running 1s test @ http://127.0.0.1:1/x\n  1 threads and 16 connections\n  \
        Thread Stats   Avg      Stdev     Max   +/- Stdev\n    Latency   310.00us  100.00us   2.00ms   90.00%\n  \
        52000 requests in 1.00s, 20.00MB read\nRequests/sec:  51993.12\nTransfer/sec:     20.00MB\n";

    #[test]
    fn reads_the_rate_of_a_clean_run() {
        let run = parse(CLEAN).unwrap();
        assert!((run.rate - 51993.12).abs() < 1e-6);
        assert!(run.clean);
    }

    #[test]
    fn errors_make_a_run_unclean() {
        let text = CLEAN.replace("Requests/sec", "  Non-2xx or 3xx responses: 3\nRequests/sec");
        assert!(!parse(&text).unwrap().clean);
        assert!(parse("no summary").is_none());
    }
}
