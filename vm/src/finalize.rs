//! Finalizers: `__del__` methods, weak-reference callbacks and the closing of abandoned
//! generators.
//!
//! They run Python code, so they do not run inside `object::dealloc`, where the Rust code
//! that dropped the last reference may hold `RefCell` borrows (a list being cleared, a
//! dict entry being replaced) that the finalizer could touch again. Instead `dealloc`
//! queues them (resurrecting an object whose `__del__` must run first) and the queue runs
//! at safe points, where no such borrow exists: right after the interpreter loop frees an
//! object, after each out-of-line instruction, and around calls from Rust. Seen from
//! Python, a finalizer runs at the end of the statement (or expression step) that dropped
//! the object, as in CPython.
//!
//! `__del__` runs once per object (PEP 442): the header flag `FINALIZED` marks it. Errors
//! in finalizers are reported as CPython's unraisable hook does and otherwise ignored.

use crate::object::{Header, FINALIZED, HAS_WEAKREFS, OWNS_TYPE};
use crate::types::str::intern;
use crate::value::Value;
use crate::vm::Vm;
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;

enum Pending {
    /// A resurrected object whose `__del__` runs next.
    Del(Value),
    /// A weak reference whose referent died, and its callback.
    Callback { wr: Value, cb: Value },
    /// An unfinished generator that was dropped: it is closed (its `finally` blocks run).
    Close(Value),
    /// An unfinished async generator: `sys`'s finalizer hook gets it.
    AsyncGenFinalize { hook: Value, gen: Value },
}

thread_local! {
    static QUEUE: RefCell<VecDeque<Pending>> = const { RefCell::new(VecDeque::new()) };
    static WAITING: Cell<bool> = const { Cell::new(false) };
    static RUNNING: Cell<bool> = const { Cell::new(false) };
}

fn push(p: Pending) {
    QUEUE.with(|q| q.borrow_mut().push_back(p));
    WAITING.with(|w| w.set(true));
}

/// Whether finalizers are waiting to run.
#[inline]
pub fn pending() -> bool {
    WAITING.with(|w| w.get())
}

/// Queues a weak reference's callback (its referent died).
pub fn queue_callback(wr: Value, cb: Value) {
    push(Pending::Callback { wr, cb });
}

/// Called by `object::dealloc` for an object that owns its type or has weak references,
/// before it is freed. Returns true when it must not be freed yet: its `__del__` is
/// queued, and the object is resurrected until then.
///
/// # Safety
/// `p` is an object whose reference count just reached zero.
pub unsafe fn intercept(p: *const Header) -> bool {
    let h = &*p;
    let flags = h.flags.get();
    if flags & OWNS_TYPE != 0
        && flags & FINALIZED == 0
        && crate::ops::attr::has_finalizer(h.ty.get())
    {
        h.flags.set(flags | FINALIZED);
        h.rc.set(1);
        push(Pending::Del(Value::from_new_ptr(p)));
        return true;
    }
    if flags & HAS_WEAKREFS != 0 {
        h.flags.set(flags & !HAS_WEAKREFS);
        crate::stdlib::weakref::clear_weakrefs(p);
    }
    false
}

/// A generator is being freed while suspended: queue its closing (resurrecting it).
///
/// # Safety
/// As for `intercept`; `p` is a generator object.
pub unsafe fn intercept_generator(p: *const Header) -> bool {
    let h = &*p;
    if h.flags.get() & FINALIZED != 0 {
        return false;
    }
    let gen = &(*(p as *const crate::object::Obj<crate::generator::GenObj>)).data;
    let (started, done) = {
        let Ok(inner) = gen.inner.try_borrow() else {
            return false;
        };
        (inner.started, inner.done)
    };
    if !started || done {
        return false;
    }
    let hook = gen.finalizer.borrow().clone();
    let is_async = h.ty.get() == crate::types::tt().async_generator;
    if is_async && hook.is_none() {
        // Without a hook (no event loop registered one) it is dropped unfinished.
        return false;
    }
    h.flags.set(h.flags.get() | FINALIZED);
    h.rc.set(1);
    let v = Value::from_new_ptr(p);
    push(if is_async {
        Pending::AsyncGenFinalize { hook, gen: v }
    } else {
        Pending::Close(v)
    });
    true
}

/// Frees an object whose count reached zero, then runs the finalizers that queued (the
/// interpreter loop frees through this, at a point where running Python code is safe).
///
/// # Safety
/// As `object::dealloc`.
#[inline(never)]
pub unsafe fn free(vm: &mut Vm, p: *const Header) {
    crate::object::dealloc(p);
    if pending() {
        run(vm);
    }
}

/// Runs the queued finalizers (and those they cause).
pub fn run(vm: &mut Vm) {
    if !pending() || RUNNING.with(|r| r.replace(true)) {
        return;
    }
    loop {
        let next = QUEUE.with(|q| q.borrow_mut().pop_front());
        let Some(p) = next else { break };
        let saved = std::mem::replace(&mut vm.exc_info, Value::NONE);
        match p {
            Pending::Del(obj) => {
                if let Some(m) =
                    crate::types::typeobj::lookup(crate::types::type_ptr(&obj), &intern("__del__"))
                {
                    if let Err(e) = crate::ops::dunder::call_method(vm, &m, &obj, &[]) {
                        report_unraisable(vm, &e, &m);
                    }
                }
                drop(obj);
            }
            Pending::Callback { wr, cb } => {
                if let Err(e) = vm.call1(&cb, wr) {
                    report_unraisable(vm, &e, &cb);
                }
            }
            Pending::Close(g) => {
                if let Err(e) = crate::generator::close(vm, &g) {
                    report_unraisable(vm, &e, &g);
                }
            }
            Pending::AsyncGenFinalize { hook, gen } => {
                if let Err(e) = vm.call1(&hook, gen) {
                    report_unraisable(vm, &e, &hook);
                }
            }
        }
        vm.exc_info = saved;
    }
    WAITING.with(|w| w.set(false));
    RUNNING.with(|r| r.set(false));
}

/// CPython's default `sys.unraisablehook` output: `Exception ignored in: <obj>` and the
/// traceback, on stderr.
pub fn report_unraisable(vm: &mut Vm, e: &crate::error::PyErr, obj: &Value) {
    vm.flush();
    let what = crate::ops::repr::repr_string(vm, obj).unwrap_or_else(|_| "<object>".into());
    let mut text = format!("Exception ignored in: {what}\n");
    text.push_str(&crate::traceback::format_exception(vm, &e.0));
    let _ = crate::stdio::write_stderr(vm, text.as_bytes());
}
