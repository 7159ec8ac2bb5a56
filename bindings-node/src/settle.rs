//! Settling promises from napi's tokio runtime, cheaply.
//!
//! napi-rs's `spawn_future` gives every promise its own threadsafe function (a libuv handle created and
//! closed per request, an async resource, an env cleanup hook and a second task to watch for panics).
//! Here each Node environment has ONE threadsafe function, made when the environment first needs it:
//! a finished operation pushes its outcome onto the environment's queue and wakes the JavaScript thread
//! only when the queue was empty, and the JavaScript thread settles every queued promise in one go.
//!
//! Keeping the process alive: the threadsafe function is unreferenced while nothing is in flight and
//! referenced while something is, so a pending request keeps Node's event loop running (as before) and an
//! idle client does not. Both switches happen on the JavaScript thread.
//!
//! Teardown (a terminated Worker, process exit): Node finalizes the threadsafe function; from then on
//! outcomes are dropped (their promises belong to an environment that no longer runs JavaScript). The
//! finalizer and every call into the threadsafe function take the same lock, so no call can reach a
//! finalized function.

use napi::sys;
use napi::{Env, JsValue, Status};
use std::cell::{Cell, RefCell};
use std::ffi::c_void;
use std::future::Future;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::pin::Pin;
use std::ptr;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::task::{Context, Poll};

use crate::errors::{internal, panic_error};

/// How a promise ends: the value it resolves with, or the message of the `Error` it rejects with.
pub enum Outcome {
    Text(String),
    Null,
    Undefined,
    Rejected(String),
}

impl Outcome {
    /// `Ok(text)` resolves with the string, `Err` rejects with the napi error's message (the serialized
    /// core error).
    pub fn from_text(result: napi::Result<String>) -> Self {
        match result {
            Ok(text) => Self::Text(text),
            Err(error) => Self::Rejected(error.reason),
        }
    }
}

/// A promise waiting to be settled; only ever touched on the JavaScript thread of its environment.
struct Deferred(sys::napi_deferred);

// The handle is only dereferenced by Node on the JavaScript thread (in `drain`); other threads merely
// carry it to the queue.
unsafe impl Send for Deferred {}

struct Queued {
    deferred: Deferred,
    outcome: Outcome,
}

struct Tsfn(sys::napi_threadsafe_function);

// Calling a threadsafe function from any thread is its purpose; the lock in `Settler` keeps it alive.
unsafe impl Send for Tsfn {}

struct State {
    /// `None` once Node finalized it (environment teardown).
    tsfn: Option<Tsfn>,
    queue: Vec<Queued>,
    /// Promises made and not yet settled (changed on the JavaScript thread only).
    in_flight: usize,
}

/// The per-environment settling queue.
pub struct Settler {
    state: Mutex<State>,
}

impl Settler {
    fn lock(&self) -> MutexGuard<'_, State> {
        // Nothing that holds the lock can panic half-way through an update; a poisoned lock is usable.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Makes the environment's settler (once per environment: see `env_state`).
    pub fn new(env: &Env) -> napi::Result<Arc<Self>> {
        let settler = Arc::new(Self { state: Mutex::new(State { tsfn: None, queue: Vec::new(), in_flight: 0 }) });
        let raw_env = env.raw();
        let name = env.create_string("hamsa")?;
        let context = Arc::into_raw(Arc::clone(&settler)) as *mut c_void;
        let mut tsfn = ptr::null_mut();
        // SAFETY: plain Node-API calls on the JavaScript thread. `context` is one strong count of the
        // settler, released by `finalize` (which Node calls exactly once, when the function goes away).
        let status = unsafe {
            sys::napi_create_threadsafe_function(
                raw_env,
                ptr::null_mut(),
                ptr::null_mut(),
                name.raw(),
                0,
                1,
                context,
                Some(finalize),
                context,
                Some(drain),
                &mut tsfn,
            )
        };
        if status != sys::Status::napi_ok {
            // SAFETY: Node did not take the context; give its count back.
            drop(unsafe { Arc::from_raw(context as *const Settler) });
            return Err(napi::Error::new(Status::from(status), "cannot create the hamsa threadsafe function"));
        }
        // SAFETY: a live threadsafe function, on its JavaScript thread.
        unsafe { sys::napi_unref_threadsafe_function(raw_env, tsfn) };
        settler.lock().tsfn = Some(Tsfn(tsfn));
        Ok(settler)
    }

    /// Makes a promise (on the JavaScript thread) and the `Completion` that settles it from anywhere.
    fn promise(self: &Arc<Self>, env: &Env) -> napi::Result<(Completion, sys::napi_value)> {
        let raw_env = env.raw();
        let mut deferred = ptr::null_mut();
        let mut promise = ptr::null_mut();
        // SAFETY: a Node-API call on the JavaScript thread with valid out-pointers.
        let status = unsafe { sys::napi_create_promise(raw_env, &mut deferred, &mut promise) };
        if status != sys::Status::napi_ok {
            return Err(napi::Error::new(Status::from(status), "cannot create a promise"));
        }
        let mut state = self.lock();
        state.in_flight += 1;
        if state.in_flight == 1 {
            if let Some(tsfn) = &state.tsfn {
                // SAFETY: a live threadsafe function (we hold the lock its finalizer takes), on its
                // JavaScript thread.
                unsafe { sys::napi_ref_threadsafe_function(raw_env, tsfn.0) };
            }
        }
        drop(state);
        Ok((Completion { settler: Arc::clone(self), deferred: Some(Deferred(deferred)) }, promise))
    }

    fn push(self: &Arc<Self>, queued: Queued) {
        let mut state = self.lock();
        if state.tsfn.is_none() {
            return; // the environment is gone; so is the promise
        }
        let wake = state.queue.is_empty();
        state.queue.push(queued);
        drop(state);
        if wake && !defer_wake(self) {
            self.wake();
        }
    }

    /// Makes the JavaScript thread drain the queue.
    fn wake(&self) {
        let state = self.lock();
        if let Some(tsfn) = &state.tsfn {
            // SAFETY: a live threadsafe function (its finalizer waits for this lock). Non-blocking with an
            // unbounded queue: never waits. A failure means the environment is closing, when the queued
            // outcomes no longer matter.
            unsafe {
                sys::napi_call_threadsafe_function(
                    tsfn.0,
                    ptr::null_mut(),
                    sys::ThreadsafeFunctionCallMode::nonblocking,
                )
            };
        }
    }
}

thread_local! {
    /// Set on the runtime's worker threads (by the park hooks): their wake-ups wait for `worker_parks`.
    static DEFERRING: Cell<bool> = const { Cell::new(false) };
    /// The settlers this worker has queued outcomes for since it last parked.
    static WAKE_AT_PARK: RefCell<Vec<Arc<Settler>>> = const { RefCell::new(Vec::new()) };
}

/// On a runtime worker, arranges for `settler` to be woken when this worker runs out of work (see
/// `worker_parks`), so that everything it finishes meanwhile is settled in the same go. False elsewhere
/// (and while the thread is exiting): the caller wakes it now.
fn defer_wake(settler: &Arc<Settler>) -> bool {
    if !DEFERRING.try_with(Cell::get).unwrap_or(false) {
        return false;
    }
    WAKE_AT_PARK
        .try_with(|settlers| match settlers.try_borrow_mut() {
            Ok(mut settlers) => {
                settlers.push(Arc::clone(settler));
                true
            }
            Err(_) => false,
        })
        .unwrap_or(false)
}

/// The runtime's `on_thread_park` hook: the worker has nothing left to run, so wake the JavaScript
/// threads it finished requests for. A worker stays busy only while it has tasks to run, and every task
/// is a bounded piece of a request, so a wake-up is never held back for long.
pub fn worker_parks() {
    let _ = DEFERRING.try_with(|deferring| deferring.set(true));
    let settlers = WAKE_AT_PARK.try_with(|settlers| settlers.take()).unwrap_or_default();
    for settler in settlers {
        settler.wake();
    }
}

/// The runtime's `on_thread_unpark` hook.
pub fn worker_unparks() {
    let _ = DEFERRING.try_with(|deferring| deferring.set(true));
}

/// Settles one promise, once, from any thread. Dropped without `settle` (the task was dropped, e.g. when
/// the runtime shut down), it rejects the promise rather than leave it pending.
pub struct Completion {
    settler: Arc<Settler>,
    deferred: Option<Deferred>,
}

impl Completion {
    pub fn settle(mut self, outcome: Outcome) {
        if let Some(deferred) = self.deferred.take() {
            self.settler.push(Queued { deferred, outcome });
        }
    }
}

impl Drop for Completion {
    fn drop(&mut self) {
        if let Some(deferred) = self.deferred.take() {
            let message = internal("the hamsa operation was dropped before it finished").reason;
            self.settler.push(Queued { deferred, outcome: Outcome::Rejected(message) });
        }
    }
}

/// Runs `operation` on napi's tokio runtime and returns the promise of its outcome. A panic while polling
/// becomes an `internal` rejection.
pub fn spawn_promise<F>(env: &Env, settler: &Arc<Settler>, operation: F) -> napi::Result<sys::napi_value>
where
    F: Future<Output = Outcome> + Send + 'static,
{
    let (completion, promise) = settler.promise(env)?;
    napi::bindgen_prelude::spawn(Settling { operation, completion: Some(completion) });
    Ok(promise)
}

/// `operation`, then its outcome to the promise. Written out rather than as an `async` block around a
/// `catch_unwind` future: each such layer would hold its own copy of the operation's (large) state, and
/// the task is allocated per request.
struct Settling<F> {
    operation: F,
    completion: Option<Completion>,
}

impl<F: Future<Output = Outcome>> Future for Settling<F> {
    type Output = ();

    fn poll(self: Pin<&mut Self>, context: &mut Context<'_>) -> Poll<()> {
        // SAFETY: `operation` is structurally pinned: it is never moved out of `Settling` (which has no
        // `Drop` of its own), and `completion` is `Unpin`.
        let this = unsafe { self.get_unchecked_mut() };
        let operation = unsafe { Pin::new_unchecked(&mut this.operation) };
        let outcome = match catch_unwind(AssertUnwindSafe(|| operation.poll(context))) {
            Ok(Poll::Pending) => return Poll::Pending,
            Ok(Poll::Ready(outcome)) => outcome,
            Err(payload) => Outcome::Rejected(panic_error(payload.as_ref()).reason),
        };
        if let Some(completion) = this.completion.take() {
            completion.settle(outcome);
        }
        Poll::Ready(())
    }
}

/// The threadsafe function's callback, on the JavaScript thread: settles everything queued. `env` is null
/// when Node is tearing the function down; then there is nothing to do.
unsafe extern "C" fn drain(
    env: sys::napi_env,
    _js_callback: sys::napi_value,
    context: *mut c_void,
    _data: *mut c_void,
) {
    if env.is_null() || context.is_null() {
        return;
    }
    // SAFETY: `context` is the strong count handed over in `Settler::new`, released only by `finalize`,
    // which Node calls after the last callback.
    let settler = unsafe { &*(context as *const Settler) };
    let batch = {
        let mut state = settler.lock();
        let batch = std::mem::take(&mut state.queue);
        state.in_flight = state.in_flight.saturating_sub(batch.len());
        if state.in_flight == 0 && !batch.is_empty() {
            if let Some(tsfn) = &state.tsfn {
                // SAFETY: a live threadsafe function, on its JavaScript thread.
                unsafe { sys::napi_unref_threadsafe_function(env, tsfn.0) };
            }
        }
        batch
    };
    for Queued { deferred, outcome } in batch {
        // SAFETY: Node-API calls on the JavaScript thread; each deferred is settled exactly once (it was
        // moved out of its `Completion`).
        unsafe { settle(env, deferred.0, outcome) };
    }
}

unsafe fn settle(env: sys::napi_env, deferred: sys::napi_deferred, outcome: Outcome) {
    let mut value = ptr::null_mut();
    unsafe {
        match outcome {
            Outcome::Text(text) => {
                sys::napi_create_string_utf8(env, text.as_ptr().cast(), text.len() as isize, &mut value);
                sys::napi_resolve_deferred(env, deferred, value);
            }
            Outcome::Null => {
                sys::napi_get_null(env, &mut value);
                sys::napi_resolve_deferred(env, deferred, value);
            }
            Outcome::Undefined => {
                sys::napi_get_undefined(env, &mut value);
                sys::napi_resolve_deferred(env, deferred, value);
            }
            Outcome::Rejected(message) => {
                let mut text = ptr::null_mut();
                sys::napi_create_string_utf8(env, message.as_ptr().cast(), message.len() as isize, &mut text);
                sys::napi_create_error(env, ptr::null_mut(), text, &mut value);
                sys::napi_reject_deferred(env, deferred, value);
            }
        }
    }
}

/// Node's finalizer for the threadsafe function: no call may reach it from now on.
unsafe extern "C" fn finalize(_env: sys::napi_env, data: *mut c_void, _hint: *mut c_void) {
    if data.is_null() {
        return;
    }
    // SAFETY: the strong count handed over in `Settler::new`; Node calls this once.
    let settler = unsafe { Arc::from_raw(data as *const Settler) };
    let dropped = {
        let mut state = settler.lock();
        state.tsfn = None;
        std::mem::take(&mut state.queue)
    };
    drop(dropped);
}
