//! How a request-rate case is measured, for every contender alike: at each concurrency, a warm-up, then
//! rounds in which the contenders take turns (A, B, A, B, ...), so that drift in the machine's speed
//! touches them all. Bounded in count (requests per round, rounds) and in time (per round and per case).

use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// The sizes of a run.
pub struct Plan {
    pub requests: usize,
    pub concurrencies: &'static [usize],
    pub rounds: usize,
    /// No new round starts after this much time in the case (the first round always runs).
    pub budget: Duration,
    /// A round that takes longer is abandoned and counts as wrong.
    pub round_limit: Duration,
}

/// Something that sends one request and says whether the answer was right.
pub trait Contender: Send + Sync + 'static {
    fn name(&self) -> &'static str;
    fn one(&self) -> impl Future<Output = bool> + Send;
}

/// The samples of one contender at one concurrency.
pub struct Series {
    pub contender: &'static str,
    pub concurrency: usize,
    pub samples: Vec<f64>,
    pub correct: bool,
}

/// Runs every contender at every concurrency of `plan`; one sample (requests per second) per round.
pub async fn measure<C: Contender>(plan: &Plan, contenders: &[Arc<C>]) -> Vec<Series> {
    let started = Instant::now();
    let mut all = Vec::new();
    for &concurrency in plan.concurrencies {
        let mut series: Vec<Series> = contenders
            .iter()
            .map(|c| Series { contender: c.name(), concurrency, samples: Vec::new(), correct: true })
            .collect();
        // Warm-up: opens the connections this concurrency needs and fills the allocators' caches.
        let warm_up = plan.requests.min(200 + 2 * concurrency);
        for (contender, s) in contenders.iter().zip(&mut series) {
            s.correct &= round(contender, warm_up, concurrency, plan.round_limit).await.is_some_and(|r| r.1);
        }
        for round_number in 0..plan.rounds {
            if round_number > 0 && started.elapsed() > plan.budget {
                break;
            }
            for (contender, s) in contenders.iter().zip(&mut series) {
                match round(contender, plan.requests, concurrency, plan.round_limit).await {
                    Some((rate, correct)) => {
                        s.samples.push(rate);
                        s.correct &= correct;
                    }
                    None => s.correct = false,
                }
            }
        }
        all.extend(series);
    }
    all
}

/// `requests` requests with `concurrency` in flight: `concurrency` tasks take the next request number
/// until none is left. Returns the rate and whether every answer was right; `None` past `limit`.
async fn round<C: Contender>(
    contender: &Arc<C>,
    requests: usize,
    concurrency: usize,
    limit: Duration,
) -> Option<(f64, bool)> {
    let next = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let workers: Vec<_> = (0..concurrency)
        .map(|_| {
            let (contender, next) = (Arc::clone(contender), Arc::clone(&next));
            tokio::spawn(async move {
                let mut correct = true;
                while next.fetch_add(1, Ordering::Relaxed) < requests {
                    correct &= contender.one().await;
                }
                correct
            })
        })
        .collect();
    let aborts: Vec<_> = workers.iter().map(|w| w.abort_handle()).collect();
    let joined = tokio::time::timeout(limit, async {
        let mut correct = true;
        for worker in workers {
            correct &= worker.await.unwrap_or(false);
        }
        correct
    })
    .await;
    let elapsed = started.elapsed().as_secs_f64();
    match joined {
        Ok(correct) => Some((requests as f64 / elapsed, correct)),
        Err(_) => {
            aborts.iter().for_each(|a| a.abort());
            None
        }
    }
}
