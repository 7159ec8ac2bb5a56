//! `hamsa-bench rust|limit --server URL --out DIR [--smoke]`: the Rust side of the benchmark harness
//! (bench/CONTRACT.md). Each case measures, checks every answer, and writes `DIR/<case>.json`;
//! `--smoke` makes the runs tiny (bench/run.sh --smoke checks correctness, not speed).

mod expected;
mod limit;
mod loadgen;
mod result_file;
mod rounds;
mod rust_case;
mod wrk;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(about = "The Rust cases of the Hamsa SDK benchmark")]
struct Args {
    #[command(subcommand)]
    case: Case,
}

#[derive(Subcommand)]
enum Case {
    /// The hamsa core against reqwest + serde_json (phone_numbers.get).
    Rust(Common),
    /// The native load generator's rate: the most the machine allows.
    Limit {
        #[command(flatten)]
        common: Common,
        #[arg(long, value_enum, default_value = "auto")]
        generator: limit::Generator,
    },
}

#[derive(clap::Args)]
struct Common {
    /// The canned server, e.g. http://127.0.0.1:8080
    #[arg(long)]
    server: String,
    /// Where `<case>.json` is written.
    #[arg(long)]
    out: PathBuf,
    /// Tiny runs: checks that everything works, measures nothing worth reading.
    #[arg(long)]
    smoke: bool,
}

/// The CPUs this process may use (bench/run.sh pins it to one): the runtime's workers and wrk's threads.
pub fn worker_threads() -> usize {
    std::thread::available_parallelism().map_or(1, usize::from)
}

fn main() -> ExitCode {
    let args = Args::parse();
    let runtime =
        match tokio::runtime::Builder::new_multi_thread().worker_threads(worker_threads()).enable_all().build() {
            Ok(runtime) => runtime,
            Err(e) => {
                eprintln!("hamsa-bench: no tokio runtime: {e}");
                return ExitCode::FAILURE;
            }
        };
    let (common, result) = match &args.case {
        Case::Rust(common) => (common, runtime.block_on(rust_case::run(&common.server, common.smoke))),
        Case::Limit { common, generator } => (common, limit::run(&runtime, &common.server, common.smoke, *generator)),
    };
    let result = match result {
        Ok(result) => result,
        Err(message) => {
            eprintln!("hamsa-bench: {message}");
            return ExitCode::FAILURE;
        }
    };
    result.print_summary();
    if let Err(e) = result.write(&common.out) {
        eprintln!("hamsa-bench: could not write {}: {e}", common.out.display());
        return ExitCode::FAILURE;
    }
    // A wrong answer is recorded in the file (the report shows it) and fails this command too.
    if result.rows.iter().all(|row| row.correct && !row.samples.is_empty()) {
        ExitCode::SUCCESS
    } else {
        eprintln!("hamsa-bench: {}: some contender gave wrong answers or no samples", result.case);
        ExitCode::FAILURE
    }
}
