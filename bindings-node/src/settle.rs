//! Settling promises from napi's tokio runtime, cheaply.
//!
//! napi-rs's `spawn_future` gives every promise its own threadsafe function (a libuv handle created and
//! closed per request, an async resource, an env cleanup hook and a second task to watch for panics).
//! Here each Node environment has ONE wake-up handle, made when the environment first needs it: a
//! finished operation pushes its outcome onto the environment's queue, and the JavaScript thread, woken
//! once for everything queued meanwhile, settles every queued promise in one go. On the runtime's worker
//! threads the wake-up waits until the worker runs out of work (`worker_parks`), so a worker that
//! finishes many requests in one go wakes the JavaScript thread once.
//!
//! The handle: on Unix a libuv `uv_async_t` on the environment's loop (its send is lock-free; Node's
//! threadsafe functions send while holding their own mutex, so on a single CPU the woken JavaScript thread
//! preempts the worker, blocks on that mutex and switches back: two extra context switches per wake-up).
//! Elsewhere, a Node-API threadsafe function.
//!
//! Keeping the process alive: the handle is unreferenced while nothing is in flight and referenced while
//! something is, so a pending request keeps Node's event loop running (as before) and an idle client does
//! not. Both switches happen on the JavaScript thread.
//!
//! Teardown (a terminated Worker, process exit): the handle is closed (Unix: an env cleanup hook; else
//! Node finalizes the threadsafe function); from then on outcomes are dropped (their promises belong to an
//! environment that no longer runs JavaScript). Runtime threads hold a read lock around each wake-up and
//! the teardown takes the write lock, so no wake-up reaches a closed handle.

use napi::sys;
use napi::{Env, Status};
use std::cell::{Cell, RefCell};
use std::ffi::c_void;
use std::future::Future;
use std::pin::Pin;
use std::ptr;
use std::sync::atomic::{AtomicPtr, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError, RwLock};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use crate::errors::{internal, to_napi};

/// How a promise ends: the value it resolves with, or the message of the `Error` it rejects with.
pub enum Outcome {
    Text(String),
    Null,
    /// Only the test hooks resolve with `undefined`.
    #[cfg(feature = "testing")]
    Undefined,
    Rejected(String),
}

impl Outcome {
    /// `Ok(text)` resolves with the string, `Err` rejects with the serialized core error.
    pub fn from_result(result: hamsa::Result<String>) -> Self {
        match result {
            Ok(text) => Self::Text(text),
            Err(error) => Self::Rejected(to_napi(&error).reason),
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

/// The per-environment settling queue.
///
/// Locks: `waker` is read-locked by other threads around each wake-up and write-locked only at teardown;
/// the JavaScript thread never waits for it (it reads `js_waker`, which only the JavaScript thread itself
/// clears). `queue` is held for a push or a take only, never across a call.
pub struct Settler {
    /// `None` after teardown.
    waker: RwLock<Option<WakeHandle>>,
    /// The same handle for the JavaScript thread (ref, unref); null after teardown.
    js_waker: AtomicPtr<c_void>,
    queue: Mutex<Vec<Queued>>,
    /// Promises made and not yet settled (changed on the JavaScript thread only).
    in_flight: AtomicUsize,
    /// What the JavaScript thread needs to drain the queue outside any Node-API callback (Unix).
    #[cfg(unix)]
    scope: uv::CallbackScope,
}

/// The raw wake-up handle (`uv_async_t*` on Unix, `napi_threadsafe_function` elsewhere).
#[derive(Clone, Copy)]
struct WakeHandle(*mut c_void);

// Waking from any thread is the handle's purpose; the lock in `Settler` keeps it alive meanwhile.
unsafe impl Send for WakeHandle {}
unsafe impl Sync for WakeHandle {}

impl Settler {
    fn queue(&self) -> MutexGuard<'_, Vec<Queued>> {
        // Nothing that holds the lock can panic half-way through an update; a poisoned lock is usable.
        self.queue.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Makes the environment's settler (once per environment: see `env_state`).
    pub fn new(env: &Env) -> napi::Result<Arc<Self>> {
        let settler = Arc::new(Self {
            waker: RwLock::new(None),
            js_waker: AtomicPtr::new(ptr::null_mut()),
            queue: Mutex::new(Vec::new()),
            in_flight: AtomicUsize::new(0),
            #[cfg(unix)]
            scope: uv::CallbackScope::new(env)?,
        });
        let handle = platform::open(env, &settler)?;
        *settler.waker.write().unwrap_or_else(PoisonError::into_inner) = Some(handle);
        settler.js_waker.store(handle.0, Ordering::Relaxed);
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
        if self.in_flight.fetch_add(1, Ordering::Relaxed) == 0 {
            self.keep_alive(raw_env, true);
        }
        Ok((Completion { settler: Arc::clone(self), deferred: Some(Deferred(deferred)) }, promise))
    }

    /// References (`true`) or unreferences the handle; on the JavaScript thread only.
    fn keep_alive(&self, env: sys::napi_env, alive: bool) {
        let handle = self.js_waker.load(Ordering::Relaxed);
        if !handle.is_null() {
            // SAFETY: on the JavaScript thread, which is the only one that tears the handle down (and
            // nulls `js_waker` first), so it is live.
            unsafe { platform::keep_alive(env, WakeHandle(handle), alive) };
        }
    }

    fn push(self: &Arc<Self>, queued: Queued) {
        if self.js_waker.load(Ordering::Relaxed).is_null() {
            return; // torn down: the promise went with its environment
        }
        let wake = {
            let mut queue = self.queue();
            queue.push(queued);
            queue.len() == 1
        };
        if wake && !defer_wake(self) {
            self.wake();
        }
    }

    /// Makes the JavaScript thread drain the queue.
    fn wake(&self) {
        let waker = self.waker.read().unwrap_or_else(PoisonError::into_inner);
        if let Some(handle) = *waker {
            // SAFETY: a live handle (teardown waits for this lock). Never blocks. A failure means the
            // environment is closing, when the queued outcomes no longer matter.
            unsafe { platform::wake(handle) };
        }
    }

    /// Settles everything queued; on the JavaScript thread, inside a handle scope.
    ///
    /// # Safety
    /// `env` is this settler's live environment and the caller is its JavaScript thread.
    unsafe fn drain(&self, env: sys::napi_env) {
        let batch = std::mem::take(&mut *self.queue());
        let before = self.in_flight.load(Ordering::Relaxed);
        let after = before.saturating_sub(batch.len());
        self.in_flight.store(after, Ordering::Relaxed);
        if after == 0 && before != 0 {
            self.keep_alive(env, false);
        }
        for Queued { deferred, outcome } in batch {
            // SAFETY: Node-API calls on the JavaScript thread; each deferred is settled exactly once (it
            // was moved out of its `Completion`).
            unsafe { settle(env, deferred.0, outcome) };
        }
    }

    /// Teardown: no wake-up reaches the handle from now on; returns it, if it was still open.
    fn close(&self) -> Option<WakeHandle> {
        self.js_waker.store(ptr::null_mut(), Ordering::Relaxed);
        let handle = self.waker.write().unwrap_or_else(PoisonError::into_inner).take();
        drop(std::mem::take(&mut *self.queue()));
        handle
    }
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

thread_local! {
    /// Set on the runtime's worker threads (by the park hooks): their wake-ups wait for `worker_parks`.
    static DEFERRING: Cell<bool> = const { Cell::new(false) };
    /// The settlers this worker has queued outcomes for since it last woke the JavaScript threads, and
    /// when the first of them was queued.
    static WAKE_AT_PARK: RefCell<(Vec<Arc<Settler>>, Option<Instant>)> = const { RefCell::new((Vec::new(), None)) };
}

/// How long a busy worker may hold back a wake-up: a worker that never runs out of work (a saturated
/// runtime) still wakes the JavaScript threads this often (checked whenever it polls a request).
const MAX_DEFERRAL: Duration = Duration::from_millis(1);

/// On a runtime worker, arranges for `settler` to be woken when this worker runs out of work (see
/// `worker_parks`), so that everything it finishes meanwhile is settled in the same go. False elsewhere
/// (and while the thread is exiting): the caller wakes it now.
fn defer_wake(settler: &Arc<Settler>) -> bool {
    if !DEFERRING.try_with(Cell::get).unwrap_or(false) {
        return false;
    }
    WAKE_AT_PARK
        .try_with(|deferred| match deferred.try_borrow_mut() {
            Ok(mut deferred) => {
                let (settlers, since) = &mut *deferred;
                settlers.push(Arc::clone(settler));
                since.get_or_insert_with(Instant::now);
                true
            }
            Err(_) => false,
        })
        .unwrap_or(false)
}

/// Wakes what this worker held back: always (`force`), or once the oldest has waited `MAX_DEFERRAL`.
fn wake_deferred(force: bool) {
    let settlers = WAKE_AT_PARK
        .try_with(|deferred| match deferred.try_borrow_mut() {
            Ok(mut deferred) => {
                let due = match deferred.1 {
                    Some(since) => force || since.elapsed() >= MAX_DEFERRAL,
                    None => false,
                };
                if due {
                    deferred.1 = None;
                    std::mem::take(&mut deferred.0)
                } else {
                    Vec::new()
                }
            }
            Err(_) => Vec::new(),
        })
        .unwrap_or_default();
    for settler in settlers {
        settler.wake();
    }
}

/// The runtime's `on_thread_park` hook: the worker has nothing left to run, so wake the JavaScript
/// threads it finished requests for.
pub fn worker_parks() {
    let _ = DEFERRING.try_with(|deferring| deferring.set(true));
    wake_deferred(true);
}

/// The runtime's `on_thread_unpark` hook.
pub fn worker_unparks() {
    let _ = DEFERRING.try_with(|deferring| deferring.set(true));
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
        wake_deferred(false);
        let outcome = match hamsa::json_api::catch_panic(|| Ok(operation.poll(context))) {
            Ok(Poll::Pending) => return Poll::Pending,
            Ok(Poll::Ready(outcome)) => outcome,
            Err(panic) => Outcome::Rejected(to_napi(&panic).reason),
        };
        if let Some(completion) = this.completion.take() {
            completion.settle(outcome);
        }
        Poll::Ready(())
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
            #[cfg(feature = "testing")]
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

/// The libuv wake-up handle.
#[cfg(unix)]
mod uv {
    use super::{Settler, WakeHandle};
    use napi::sys;
    use napi::{Env, JsValue, Status};
    use std::alloc::{Layout, alloc, dealloc};
    use std::ffi::{c_int, c_void};
    use std::ptr;
    use std::sync::Arc;

    const UV_ASYNC: c_int = 1;

    // libuv, as exported by the Node executable (addons may use it; `napi_get_uv_event_loop` hands out
    // the loop).
    unsafe extern "C" {
        fn uv_handle_size(kind: c_int) -> usize;
        fn uv_async_init(
            event_loop: *mut sys::uv_loop_s,
            handle: *mut c_void,
            callback: unsafe extern "C" fn(*mut c_void),
        ) -> c_int;
        fn uv_async_send(handle: *mut c_void) -> c_int;
        fn uv_close(handle: *mut c_void, callback: unsafe extern "C" fn(*mut c_void));
        fn uv_ref(handle: *mut c_void);
        fn uv_unref(handle: *mut c_void);
        fn uv_handle_set_data(handle: *mut c_void, data: *mut c_void);
        fn uv_handle_get_data(handle: *const c_void) -> *mut c_void;
    }

    fn layout() -> Layout {
        // SAFETY: a pure libuv query.
        let size = unsafe { uv_handle_size(UV_ASYNC) };
        Layout::from_size_align(size.max(1), 16).expect("uv_async_t layout")
    }

    /// What a callback from the loop needs to run JavaScript the way Node does after any callback: the
    /// environment, and an async resource for `napi_open_callback_scope` (which runs the microtasks, so
    /// the settled promises' reactions run, when it closes).
    pub struct CallbackScope {
        env: sys::napi_env,
        resource: sys::napi_ref,
        context: sys::napi_async_context,
    }

    // Used on the JavaScript thread only (in `on_wake`); other threads just carry the `Settler`.
    unsafe impl Send for CallbackScope {}
    unsafe impl Sync for CallbackScope {}

    impl CallbackScope {
        pub fn new(env: &Env) -> napi::Result<Self> {
            let raw_env = env.raw();
            let name = env.create_string("hamsa")?;
            let mut resource_object = ptr::null_mut();
            let mut resource = ptr::null_mut();
            let mut context = ptr::null_mut();
            // SAFETY: Node-API calls on the JavaScript thread with valid out-pointers.
            let status = unsafe {
                let mut status = sys::napi_create_object(raw_env, &mut resource_object);
                if status == sys::Status::napi_ok {
                    status = sys::napi_create_reference(raw_env, resource_object, 1, &mut resource);
                }
                if status == sys::Status::napi_ok {
                    status = sys::napi_async_init(raw_env, resource_object, name.raw(), &mut context);
                }
                status
            };
            if status != sys::Status::napi_ok {
                return Err(napi::Error::new(Status::from(status), "cannot create the hamsa async resource"));
            }
            Ok(Self { env: raw_env, resource, context })
        }
    }

    /// Opens the handle on `env`'s loop (unreferenced), and the cleanup hook that closes it.
    pub fn open(env: &Env, settler: &Arc<Settler>) -> napi::Result<WakeHandle> {
        let raw_env = env.raw();
        let mut event_loop = ptr::null_mut();
        // SAFETY: a Node-API call on the JavaScript thread.
        let status = unsafe { sys::napi_get_uv_event_loop(raw_env, &mut event_loop) };
        if status != sys::Status::napi_ok || event_loop.is_null() {
            return Err(napi::Error::new(Status::from(status), "cannot get the event loop"));
        }
        // SAFETY: a fresh allocation of the size libuv asks for, initialised by `uv_async_init` on the
        // loop's own thread. The handle's data is one strong count of the settler, released when the
        // handle is closed (`on_closed`); the cleanup hook's argument is another, released by the hook.
        unsafe {
            let handle = alloc(layout()).cast::<c_void>();
            if handle.is_null() {
                return Err(napi::Error::from_reason("out of memory"));
            }
            if uv_async_init(event_loop, handle, on_wake) != 0 {
                dealloc(handle.cast(), layout());
                return Err(napi::Error::from_reason("cannot create the hamsa wake-up handle"));
            }
            uv_handle_set_data(handle, Arc::into_raw(Arc::clone(settler)) as *mut c_void);
            uv_unref(handle);
            let hook_arg = Arc::into_raw(Arc::clone(settler)) as *mut c_void;
            let status = sys::napi_add_env_cleanup_hook(raw_env, Some(on_env_cleanup), hook_arg);
            if status != sys::Status::napi_ok {
                drop(Arc::from_raw(hook_arg as *const Settler));
                uv_close(handle, on_closed);
                return Err(napi::Error::new(Status::from(status), "cannot register the hamsa cleanup hook"));
            }
            Ok(WakeHandle(handle))
        }
    }

    /// # Safety
    /// `handle` is open.
    pub unsafe fn wake(handle: WakeHandle) {
        unsafe { uv_async_send(handle.0) };
    }

    /// # Safety
    /// `handle` is open and this is its loop's thread.
    pub unsafe fn keep_alive(_env: sys::napi_env, handle: WakeHandle, alive: bool) {
        unsafe {
            if alive {
                uv_ref(handle.0);
            } else {
                uv_unref(handle.0);
            }
        }
    }

    /// The handle's callback, on the JavaScript thread, outside any JavaScript: drains the queue inside a
    /// handle scope and a callback scope (whose closing runs the microtasks and `process.nextTick`s, as
    /// after any callback from Node).
    unsafe extern "C" fn on_wake(handle: *mut c_void) {
        // SAFETY: the data is the strong count set in `open`, released only when the handle is closed,
        // after which libuv calls nothing.
        let settler = unsafe { &*(uv_handle_get_data(handle) as *const Settler) };
        let scope = &settler.scope;
        let env = scope.env;
        // SAFETY: Node-API calls on the JavaScript thread of a live environment (the handle is closed
        // in the environment's cleanup hook, before it goes away).
        unsafe {
            let mut handle_scope = ptr::null_mut();
            if sys::napi_open_handle_scope(env, &mut handle_scope) != sys::Status::napi_ok {
                return;
            }
            let mut resource = ptr::null_mut();
            let mut callback_scope = ptr::null_mut();
            let opened = sys::napi_get_reference_value(env, scope.resource, &mut resource) == sys::Status::napi_ok
                && sys::napi_open_callback_scope(env, resource, scope.context, &mut callback_scope)
                    == sys::Status::napi_ok;
            settler.drain(env);
            if opened {
                sys::napi_close_callback_scope(env, callback_scope);
            }
            sys::napi_close_handle_scope(env, handle_scope);
        }
    }

    /// The environment is being torn down: close the handle (after waiting out any wake-up in progress).
    unsafe extern "C" fn on_env_cleanup(arg: *mut c_void) {
        // SAFETY: the strong count handed over in `open`; Node calls the hook once.
        let settler = unsafe { Arc::from_raw(arg as *const Settler) };
        if let Some(handle) = settler.close() {
            // SAFETY: an open handle on this (the loop's) thread; nothing can wake it any more.
            unsafe { uv_close(handle.0, on_closed) };
        }
    }

    unsafe extern "C" fn on_closed(handle: *mut c_void) {
        // SAFETY: libuv is done with the handle: release its count of the settler and its memory.
        unsafe {
            drop(Arc::from_raw(uv_handle_get_data(handle) as *const Settler));
            dealloc(handle.cast(), layout());
        }
    }
}

#[cfg(unix)]
use uv as platform;

/// The Node-API threadsafe-function wake-up handle (where libuv is not linked directly).
#[cfg(not(unix))]
mod platform {
    use super::{Settler, WakeHandle};
    use napi::sys;
    use napi::{Env, JsValue, Status};
    use std::ffi::c_void;
    use std::ptr;
    use std::sync::Arc;

    pub fn open(env: &Env, settler: &Arc<Settler>) -> napi::Result<WakeHandle> {
        let raw_env = env.raw();
        let name = env.create_string("hamsa")?;
        let context = Arc::into_raw(Arc::clone(settler)) as *mut c_void;
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
                Some(on_wake),
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
        Ok(WakeHandle(tsfn.cast()))
    }

    /// # Safety
    /// `handle` is a live threadsafe function.
    pub unsafe fn wake(handle: WakeHandle) {
        unsafe {
            sys::napi_call_threadsafe_function(
                handle.0.cast(),
                ptr::null_mut(),
                sys::ThreadsafeFunctionCallMode::nonblocking,
            )
        };
    }

    /// # Safety
    /// `handle` is a live threadsafe function and this is its JavaScript thread.
    pub unsafe fn keep_alive(env: sys::napi_env, handle: WakeHandle, alive: bool) {
        unsafe {
            if alive {
                sys::napi_ref_threadsafe_function(env, handle.0.cast());
            } else {
                sys::napi_unref_threadsafe_function(env, handle.0.cast());
            }
        }
    }

    /// The threadsafe function's callback (Node opens the scopes); `env` is null at teardown.
    unsafe extern "C" fn on_wake(env: sys::napi_env, _js: sys::napi_value, context: *mut c_void, _data: *mut c_void) {
        if env.is_null() || context.is_null() {
            return;
        }
        // SAFETY: the strong count handed over in `open`, released only by `finalize`, after the last
        // callback; we are on the JavaScript thread of a live environment.
        unsafe { (*(context as *const Settler)).drain(env) };
    }

    unsafe extern "C" fn finalize(_env: sys::napi_env, data: *mut c_void, _hint: *mut c_void) {
        if data.is_null() {
            return;
        }
        // SAFETY: the strong count handed over in `open`; Node calls this once.
        let settler = unsafe { Arc::from_raw(data as *const Settler) };
        settler.close();
    }
}
