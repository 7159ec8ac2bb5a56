//! Agent analytics, computed from the calls this mock placed: filtered by `voiceAgentId` and by the
//! period (`LAST_HOUR`, `TODAY`, `YESTERDAY`, `THIS_WEEK` from Monday, `THIS_MONTH`, or `CUSTOM` between
//! `startPeriod` and `endPeriod` in epoch ms), with days in the caller's `timeDifference` (hours from UTC).
//!
//! Durations are the calls' own; the mock measures no latencies or sentiments, so performance shows
//! fixed latencies (when there were calls) and the failed share, and satisfaction derives its figures
//! from the statuses: completed calls count as resolved and positive, failed ones as negative,
//! forwarded ones as escalations.

use super::{AppState, query_pairs, query_value};
use crate::clock;
use crate::envelope::{self, Answer, bad_request};
use crate::store::Call;
use axum::extract::{RawQuery, State};
use serde_json::{Value, json};
use std::sync::Arc;

const DAY_MS: i64 = 86_400_000;
/// A call shorter than this is short; shorter than `LONG_SECS`, medium; else long.
const MEDIUM_SECS: u64 = 60;
const LONG_SECS: u64 = 300;

/// The calls of the request's agent and period.
fn calls_of(state: &AppState, raw: Option<&str>) -> Result<Vec<Call>, envelope::Rejection> {
    let query = query_pairs(raw);
    let agent = query_value(&query, "voiceAgentId");
    let offset_hours: f64 = match query_value(&query, "timeDifference") {
        Some(text) => text.trim().parse().map_err(|_| bad_request("timeDifference must be a number of hours"))?,
        None => 0.0,
    };
    let offset = (offset_hours * 3_600_000.0) as i64;
    let epoch = |name: &str| -> Result<Option<i64>, envelope::Rejection> {
        query_value(&query, name)
            .map(|v| v.trim().parse::<i64>().map_err(|_| bad_request(&format!("{name} must be epoch milliseconds"))))
            .transpose()
    };
    let now = clock::now_ms();
    let local_day = (now + offset).div_euclid(DAY_MS);
    let day_start = |day: i64| day * DAY_MS - offset;
    let (from, to) = match query_value(&query, "period").unwrap_or("TODAY") {
        "LAST_HOUR" => (now - 3_600_000, now),
        "TODAY" => (day_start(local_day), now),
        "YESTERDAY" => (day_start(local_day - 1), day_start(local_day) - 1),
        // 1970-01-01 was a Thursday: day 0 is the 4th day of its week.
        "THIS_WEEK" => (day_start(local_day - (local_day + 3).rem_euclid(7)), now),
        "THIS_MONTH" => {
            let day_of_month: i64 = clock::iso(now + offset)[8..10].parse().unwrap_or(1);
            (day_start(local_day - (day_of_month - 1)), now)
        }
        "CUSTOM" => match (epoch("startPeriod")?, epoch("endPeriod")?) {
            (Some(start), Some(end)) => (start, end),
            _ => return Err(bad_request("startPeriod and endPeriod are required when period is CUSTOM")),
        },
        _ => return Err(bad_request("period must be LAST_HOUR, TODAY, YESTERDAY, THIS_WEEK, THIS_MONTH or CUSTOM")),
    };
    let store = state.store();
    Ok(store
        .calls
        .iter()
        .filter(|c| agent.is_none_or(|a| c.voice_agent_id.as_deref() == Some(a)))
        .filter(|c| (from..=to).contains(&c.created_at_ms))
        .cloned()
        .collect())
}

fn share(calls: &[Call], statuses: &[&str]) -> f64 {
    if calls.is_empty() {
        return 0.0;
    }
    let matching = calls.iter().filter(|c| statuses.contains(&c.status)).count();
    round(matching as f64 * 100.0 / calls.len() as f64)
}

fn average(total: f64, count: usize) -> f64 {
    if count == 0 { 0.0 } else { round(total / count as f64) }
}

fn round(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

pub async fn overview(State(state): State<Arc<AppState>>, RawQuery(query): RawQuery) -> Answer {
    let calls = calls_of(&state, query.as_deref())?;
    let total_secs: u64 = calls.iter().map(|c| c.duration_secs).sum();
    let messages: usize = calls.iter().map(|c| c.transcript.len()).sum();
    let agent_lines: Vec<&str> = calls
        .iter()
        .flat_map(|c| c.transcript.iter().filter(|(speaker, _)| speaker == "Agent").map(|(_, text)| text.as_str()))
        .collect();
    let agent_words: usize = agent_lines.iter().map(|line| line.split_whitespace().count()).sum();
    let mut buckets: Vec<(String, u64)> = Vec::new();
    for call in &calls {
        let iso = clock::iso(call.created_at_ms);
        let bucket = format!("{} {}:00:00", &iso[..10], &iso[11..13]);
        match buckets.iter_mut().find(|(b, _)| *b == bucket) {
            Some((_, count)) => *count += 1,
            None => buckets.push((bucket, 1)),
        }
    }
    buckets.sort();
    let by_length = |range: std::ops::Range<u64>| calls.iter().filter(|c| range.contains(&c.duration_secs)).count();
    Ok(envelope::ok(json!({
        "liveSessionsNumber": calls.iter().filter(|c| matches!(c.status, "PENDING" | "IN_PROGRESS")).count(),
        "totalSessionsNumber": calls.len(),
        "averageSessionDuration": average(total_secs as f64, calls.len()),
        "averageMessagesPerSession": average(messages as f64, calls.len()),
        "totalSessionDuration": total_secs,
        "averageWordsPerAiResponse": average(agent_words as f64, agent_lines.len()),
        "forwardToHumanAgent": calls.iter().filter(|c| c.status == "FORWARDED").count(),
        // The API sends these counts as strings.
        "callsOverTime": buckets.iter().map(|(b, n)| json!({"timeBucket": b, "count": n.to_string()})).collect::<Vec<Value>>(),
        "callsByDurationBuckets": {
            "shortDurationBucketCalls": by_length(0..MEDIUM_SECS),
            "mediumDurationBucketCalls": by_length(MEDIUM_SECS..LONG_SECS),
            "longDurationBucketCalls": by_length(LONG_SECS..u64::MAX),
        },
    })))
}

pub async fn performance(State(state): State<Arc<AppState>>, RawQuery(query): RawQuery) -> Answer {
    let calls = calls_of(&state, query.as_deref())?;
    let latency = |ms: f64| if calls.is_empty() { 0.0 } else { ms };
    Ok(envelope::ok(json!({
        "avgAsrProcessingTime": latency(120.0), "avgLlmResponseTime": latency(450.0),
        "avgTtsGenerationTime": latency(180.0), "latency": latency(750.0),
        "sessionsHaveErrorsPercentage": share(&calls, &["FAILED"]),
    })))
}

pub async fn satisfaction(State(state): State<Arc<AppState>>, RawQuery(query): RawQuery) -> Answer {
    let calls = calls_of(&state, query.as_deref())?;
    let positive = share(&calls, &["COMPLETED"]);
    let negative = share(&calls, &["FAILED"]);
    let neutral = if calls.is_empty() { 0.0 } else { round(100.0 - positive - negative) };
    Ok(envelope::ok(json!({
        "npsScore": round(positive - negative),
        "sentimentDistribution": {"positive": positive, "neutral": neutral, "negative": negative},
        "csatScore": if calls.is_empty() { 0.0 } else { round(1.0 + 4.0 * positive / 100.0) },
        "firstCallResolutionPercentage": positive,
        "escalationRate": share(&calls, &["FORWARDED"]),
    })))
}
