//! The result file every case writes, `<out>/<case>.json`, in the shape bench/CONTRACT.md fixes, so that
//! bench/report.py reads the Rust, Node and Python cases alike.

use serde::Serialize;
use std::path::Path;

#[derive(Serialize)]
pub struct CaseResult {
    pub case: &'static str,
    pub title: String,
    pub unit: &'static str,
    pub higher_is_better: bool,
    /// The contender whose ratios are reported.
    pub sdk: &'static str,
    pub rows: Vec<Row>,
    pub targets: Vec<Target>,
    pub notes: String,
}

#[derive(Serialize)]
pub struct Row {
    pub contender: &'static str,
    pub concurrency: usize,
    /// One value per round.
    pub samples: Vec<f64>,
    /// False if any response was wrong or a round failed.
    pub correct: bool,
}

/// The SDK must reach `at_least` times the median of `vs` at `concurrency`.
#[derive(Serialize)]
pub struct Target {
    pub vs: &'static str,
    pub concurrency: usize,
    pub at_least: f64,
}

impl CaseResult {
    pub fn write(&self, out: &Path) -> std::io::Result<()> {
        std::fs::create_dir_all(out)?;
        let text = serde_json::to_string_pretty(self).map_err(std::io::Error::other)?;
        std::fs::write(out.join(format!("{}.json", self.case)), text + "\n")
    }

    /// A one-line summary per row, for the console; the report is built from the file.
    pub fn print_summary(&self) {
        for row in &self.rows {
            let mut sorted = row.samples.clone();
            sorted.sort_by(f64::total_cmp);
            let median = sorted.get(sorted.len() / 2).copied().unwrap_or(f64::NAN);
            let status = if row.correct { "ok" } else { "WRONG" };
            println!(
                "{}: {} @{}: median {median:.0} {} over {} round(s) [{status}]",
                self.case,
                row.contender,
                row.concurrency,
                self.unit,
                row.samples.len()
            );
        }
    }
}
