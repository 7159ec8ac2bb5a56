//! A value fetched once and kept for the client's life, with one fetch however many callers ask at once:
//! the first caller starts the fetch, every caller that arrives while it runs awaits the same fetch, and a
//! failed fetch is given to each of them and then forgotten, so that the next caller tries again.
//!
//! The client keeps the API key's project id in one (see `Client::project_id`).

use crate::error::{Error, Result};
use futures_util::FutureExt;
use futures_util::future::{BoxFuture, Shared};
use std::future::Future;
use std::sync::Mutex;

type Fetch<T> = Shared<BoxFuture<'static, std::result::Result<T, Error>>>;

enum State<T: Clone> {
    Empty,
    /// The fetch in flight, shared by every caller waiting on it; `u64` tells one fetch from the next.
    Pending(u64, Fetch<T>),
    Ready(T),
}

pub(crate) struct SingleFlight<T: Clone> {
    state: Mutex<State<T>>,
    fetches: std::sync::atomic::AtomicU64,
}

impl<T: Clone + Send + Sync + 'static> SingleFlight<T> {
    pub fn new() -> Self {
        Self { state: Mutex::new(State::Empty), fetches: std::sync::atomic::AtomicU64::new(0) }
    }

    /// The kept value, or the result of the fetch in flight, or of a new fetch made with `fetch`.
    ///
    /// A caller that gives up (its future is dropped) leaves the fetch to the others: it is not
    /// cancelled while another caller still awaits it, and the next caller resumes it otherwise.
    pub async fn get_or_fetch<F, Fut>(&self, fetch: F) -> Result<T>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<T>> + Send + 'static,
    {
        let (generation, shared) = {
            let mut state = self.state.lock().unwrap_or_else(|p| p.into_inner());
            match &*state {
                State::Ready(value) => return Ok(value.clone()),
                State::Pending(generation, shared) => (*generation, shared.clone()),
                State::Empty => {
                    let generation = self.fetches.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let shared = fetch().boxed().shared();
                    *state = State::Pending(generation, shared.clone());
                    (generation, shared)
                }
            }
        };
        let result = shared.await;
        let mut state = self.state.lock().unwrap_or_else(|p| p.into_inner());
        // Only the fetch that is still the current one settles the state (a caller of an older, failed
        // fetch must not forget a newer one).
        if matches!(&*state, State::Pending(current, _) if *current == generation) {
            *state = match &result {
                Ok(value) => State::Ready(value.clone()),
                Err(_) => State::Empty,
            };
        }
        result
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use tokio::sync::Notify;

    /// A fetch that counts itself and waits for `gate` before answering `answer`.
    fn fetcher(
        count: &Arc<AtomicUsize>,
        gate: &Arc<Notify>,
        answer: Result<String>,
    ) -> impl FnOnce() -> BoxFuture<'static, Result<String>> + use<> {
        let (count, gate) = (count.clone(), gate.clone());
        move || {
            count.fetch_add(1, Ordering::SeqCst);
            async move {
                gate.notified().await;
                answer
            }
            .boxed()
        }
    }

    #[tokio::test]
    async fn many_concurrent_callers_share_one_fetch_and_the_value_is_kept() {
        let cache = Arc::new(SingleFlight::<String>::new());
        let count = Arc::new(AtomicUsize::new(0));
        let gate = Arc::new(Notify::new());
        let callers: Vec<_> = (0..16)
            .map(|_| {
                let (cache, fetch) = (cache.clone(), fetcher(&count, &gate, Ok("p1".into())));
                tokio::spawn(async move { cache.get_or_fetch(fetch).await })
            })
            .collect();
        // Let every caller reach the cache before the fetch answers.
        while count.load(Ordering::SeqCst) == 0 {
            tokio::task::yield_now().await;
        }
        for _ in 0..50 {
            tokio::task::yield_now().await;
        }
        gate.notify_one();
        for caller in callers {
            assert_eq!(caller.await.unwrap().unwrap(), "p1");
        }
        assert_eq!(count.load(Ordering::SeqCst), 1);
        // Kept: a later caller fetches nothing.
        let later = cache.get_or_fetch(fetcher(&count, &gate, Ok("other".into()))).await.unwrap();
        assert_eq!((later.as_str(), count.load(Ordering::SeqCst)), ("p1", 1));
    }

    #[tokio::test]
    async fn an_error_reaches_every_waiting_caller_and_is_not_kept() {
        let cache = Arc::new(SingleFlight::<String>::new());
        let count = Arc::new(AtomicUsize::new(0));
        let gate = Arc::new(Notify::new());
        let failure = Err(Error::new(ErrorKind::Authentication, "bad key").with_status(401));
        let callers: Vec<_> = (0..8)
            .map(|_| {
                let (cache, fetch) = (cache.clone(), fetcher(&count, &gate, failure.clone()));
                tokio::spawn(async move { cache.get_or_fetch(fetch).await })
            })
            .collect();
        while count.load(Ordering::SeqCst) == 0 {
            tokio::task::yield_now().await;
        }
        for _ in 0..50 {
            tokio::task::yield_now().await;
        }
        gate.notify_one();
        for caller in callers {
            let error = caller.await.unwrap().unwrap_err();
            assert_eq!((error.code(), error.status()), ("authentication", Some(401)));
        }
        assert_eq!(count.load(Ordering::SeqCst), 1);
        // Not kept: the next caller fetches again, and its success is kept.
        gate.notify_one();
        let value = cache.get_or_fetch(fetcher(&count, &gate, Ok("p2".into()))).await.unwrap();
        assert_eq!((value.as_str(), count.load(Ordering::SeqCst)), ("p2", 2));
    }
}
