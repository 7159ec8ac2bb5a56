//! The `rust` case: `phone_numbers.get` through the hamsa core against what a careful user would write
//! without it, plain reqwest with serde_json into a typed struct. Both run on the same tokio runtime.

use crate::expected::{API_KEY, PHONE_NUMBER, PHONE_NUMBER_ID, get_path_and_query};
use crate::result_file::{CaseResult, Row, Target};
use crate::rounds::{Contender, Plan, measure};
use hamsa::endpoints::GetPhoneNumberParams;
use serde::Deserialize;
use std::sync::Arc;
use std::time::Duration;

const HAMSA: &str = "hamsa::Client";
const REQWEST: &str = "reqwest+serde_json";
/// A stuck server fails the run instead of hanging it.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);

pub fn plan(smoke: bool) -> Plan {
    if smoke {
        Plan {
            requests: 100,
            concurrencies: &[1, 64],
            rounds: 2,
            budget: Duration::from_secs(10),
            round_limit: Duration::from_secs(20),
        }
    } else {
        // The contract's point is 64 in flight; the other points draw the curve for the chart.
        Plan {
            requests: 5000,
            concurrencies: &[1, 16, 64, 256],
            rounds: 15,
            budget: Duration::from_secs(60),
            round_limit: Duration::from_secs(30),
        }
    }
}

enum Client {
    Hamsa(hamsa::Client),
    Reqwest { http: reqwest::Client, url: String },
}

impl Contender for Client {
    fn name(&self) -> &'static str {
        match self {
            Self::Hamsa(_) => HAMSA,
            Self::Reqwest { .. } => REQWEST,
        }
    }

    async fn one(&self) -> bool {
        match self {
            Self::Hamsa(client) => {
                let params = GetPhoneNumberParams { pid: PHONE_NUMBER_ID.into() };
                // The core returns data only for a 2xx `success: true` answer.
                client
                    .phone_numbers()
                    .get(params)
                    .await
                    .is_ok_and(|number| number.id == PHONE_NUMBER_ID && number.number.as_deref() == Some(PHONE_NUMBER))
            }
            Self::Reqwest { http, url } => reqwest_get(http, url).await.unwrap_or(false),
        }
    }
}

/// The typed model a reqwest user would declare for the same answer.
#[derive(Deserialize)]
struct Envelope {
    success: bool,
    data: PhoneNumber,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)] // decoded like a real model would be; only id and number are checked
struct PhoneNumber {
    id: String,
    number: Option<String>,
    label: Option<String>,
    #[serde(rename = "type")]
    number_type: Option<String>,
    user_id: Option<String>,
    voice_agent_id: Option<String>,
    created_at: Option<String>,
    updated_at: Option<String>,
}

async fn reqwest_get(http: &reqwest::Client, url: &str) -> Option<bool> {
    let response = http.get(url).header("authorization", format!("Token {API_KEY}")).send().await.ok()?;
    if response.status() != reqwest::StatusCode::OK {
        return Some(false);
    }
    let body = response.bytes().await.ok()?;
    let envelope: Envelope = serde_json::from_slice(&body).ok()?;
    Some(
        envelope.success
            && envelope.data.id == PHONE_NUMBER_ID
            && envelope.data.number.as_deref() == Some(PHONE_NUMBER),
    )
}

pub async fn run(server: &str, smoke: bool) -> Result<CaseResult, String> {
    let hamsa = hamsa::Client::new(
        hamsa::ClientOptions::default().with_api_key(API_KEY).with_base_url(server).with_timeout(REQUEST_TIMEOUT),
    )
    .map_err(|e| format!("hamsa client: {e}"))?;
    let http =
        reqwest::Client::builder().timeout(REQUEST_TIMEOUT).build().map_err(|e| format!("reqwest client: {e}"))?;
    let url = format!("{}{}", server.trim_end_matches('/'), get_path_and_query());
    let contenders = [Arc::new(Client::Hamsa(hamsa)), Arc::new(Client::Reqwest { http, url })];

    let plan = plan(smoke);
    let series = measure(&plan, &contenders).await;
    let rows = series
        .into_iter()
        .map(|s| Row { contender: s.contender, concurrency: s.concurrency, samples: s.samples, correct: s.correct })
        .collect();
    Ok(CaseResult {
        case: "rust",
        title: format!("Rust, {} requests (phone_numbers.get)", thousands(plan.requests)),
        unit: "req/s",
        higher_is_better: true,
        sdk: HAMSA,
        rows,
        targets: vec![Target { vs: REQWEST, concurrency: 64, at_least: 0.95 }],
        notes: format!(
            "tokio multi-thread runtime, {} worker(s) (the CPUs this process may use); hamsa {} with its \
             default retries, reqwest with its default pool; up to {} rounds, contenders alternating",
            crate::worker_threads(),
            hamsa::VERSION,
            plan.rounds
        ),
    })
}

/// 5000 as "5,000", as the titles of the other languages print it.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}
