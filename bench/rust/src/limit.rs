//! The `limit` case: the most this machine and loopback allow against the same server at the same
//! concurrencies, from a native load generator (wrk when installed, else ours on hyper). Every SDK's
//! rate is reported as a share of it.

use crate::expected::{API_KEY, PHONE_NUMBER, PHONE_NUMBER_ID, get_path_and_query};
use crate::loadgen;
use crate::result_file::{CaseResult, Row};
use crate::wrk;
use std::net::SocketAddr;
use std::time::{Duration, Instant};
use tokio::runtime::Runtime;

const CONCURRENCIES: [usize; 4] = [1, 16, 64, 256];

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Generator {
    /// wrk if it can be run, else hyper.
    Auto,
    Wrk,
    Hyper,
}

struct Plan {
    concurrencies: &'static [usize],
    rounds: usize,
    duration: Duration,
    budget: Duration,
}

fn plan(smoke: bool) -> Plan {
    if smoke {
        Plan { concurrencies: &CONCURRENCIES[..2], rounds: 1, duration: Duration::from_secs(1), budget: Duration::ZERO }
    } else {
        Plan {
            concurrencies: &CONCURRENCIES,
            rounds: 3,
            duration: Duration::from_secs(3),
            budget: Duration::from_secs(60),
        }
    }
}

pub fn run(runtime: &Runtime, server: &str, smoke: bool, generator: Generator) -> Result<CaseResult, String> {
    let url = format!("{}{}", server.trim_end_matches('/'), get_path_and_query());
    // The generators only count answers; one request checked in full proves they count the right ones.
    let body_len = runtime.block_on(check_answer(&url))?;
    let wrk_version = if generator == Generator::Hyper { None } else { wrk::version() };
    if generator == Generator::Wrk && wrk_version.is_none() {
        return Err("wrk was asked for but cannot be run (apt-get install wrk)".into());
    }
    let contender = if wrk_version.is_some() { "wrk" } else { "hyper load generator" };
    let addr: SocketAddr = server
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .parse()
        .map_err(|_| format!("the limit case needs http://IP:PORT, not {server}"))?;
    let threads = crate::worker_threads();

    let plan = plan(smoke);
    let started = Instant::now();
    let mut rows = Vec::new();
    for &connections in plan.concurrencies {
        let mut row = Row { contender, concurrency: connections, samples: Vec::new(), correct: true };
        for round_number in 0..plan.rounds {
            if round_number > 0 && started.elapsed() > plan.budget {
                break;
            }
            let (rate, clean) = if wrk_version.is_some() {
                let run = wrk::run(&url, connections, threads, plan.duration)?;
                (run.rate, run.clean)
            } else {
                let path = get_path_and_query();
                runtime.block_on(loadgen::run(addr, &path, connections, plan.duration, body_len))?
            };
            row.samples.push(rate);
            row.correct &= clean;
        }
        rows.push(row);
    }
    let generator_note = match &wrk_version {
        Some(version) => format!("{version}, plain mode, {threads} thread(s)"),
        None if generator == Generator::Hyper => "hyper 1 HTTP/1 connections, one per unit of concurrency".into(),
        None => "wrk not found: hyper 1 HTTP/1 connections, one per unit of concurrency".into(),
    };
    Ok(CaseResult {
        case: "limit",
        title: "Limit: a native load generator against the same server".into(),
        unit: "req/s",
        higher_is_better: true,
        sdk: contender,
        rows,
        targets: Vec::new(),
        notes: format!(
            "{generator_note}; {} s per run, up to {} runs per concurrency",
            plan.duration.as_secs(),
            plan.rounds
        ),
    })
}

/// Sends one request and checks the whole answer; returns the body's length.
async fn check_answer(url: &str) -> Result<usize, String> {
    let response = reqwest::Client::new()
        .get(url)
        .header("authorization", format!("Token {API_KEY}"))
        .send()
        .await
        .map_err(|e| format!("the server did not answer {url}: {e}"))?;
    let status = response.status();
    let body = response.bytes().await.map_err(|e| format!("reading {url}: {e}"))?;
    let value: serde_json::Value = serde_json::from_slice(&body).map_err(|e| format!("{url}: not JSON: {e}"))?;
    if status != reqwest::StatusCode::OK
        || value["data"]["id"] != PHONE_NUMBER_ID
        || value["data"]["number"] != PHONE_NUMBER
    {
        return Err(format!("{url}: unexpected answer {status}: {value}"));
    }
    Ok(body.len())
}
