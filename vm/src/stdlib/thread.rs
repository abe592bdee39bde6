//! `_thread`: locks, re-entrant locks, thread identity and thread-local objects.
//!
//! pyrun runs one Python thread (its objects are not shared between OS threads), so
//! `start_new_thread` raises RuntimeError saying so. Locks are real state: a second
//! blocking `acquire` of a held lock could never succeed, so instead of hanging it waits
//! out its timeout, or without one raises RuntimeError.

use super::math::to_f64;
use crate::builtins::args::Args;
use crate::error::{self, PyResult};
use crate::object::Header;
use crate::types::ext::{ext_ref, new_ext, new_ext_of, new_ext_type};
use crate::types::func::NativeFn;
use crate::types::str::new_str;
use crate::types::tt;
use crate::types::tuple::new_tuple;
use crate::value::Value;
use crate::vm::Vm;
use std::cell::{Cell, OnceCell};

struct Lock {
    locked: Cell<bool>,
}

struct RLock {
    owner: Cell<u64>,
    count: Cell<u64>,
}

struct Types {
    lock: *const Header,
    rlock: *const Header,
    local: *const Header,
}

thread_local! {
    static TYPES: OnceCell<&'static Types> = const { OnceCell::new() };
}

fn types() -> &'static Types {
    TYPES.with(|c| {
        *c.get_or_init(|| {
            Box::leak(Box::new(Types {
                lock: new_ext_type("lock", "_thread", std::ptr::null(), LOCK_METHODS),
                rlock: new_ext_type("RLock", "_thread", std::ptr::null(), RLOCK_METHODS),
                local: new_ext_type(
                    "_local",
                    "_thread",
                    std::ptr::null(),
                    &[
                        ("__new__", local_new as NativeFn),
                        (
                            "__getattribute__",
                            crate::pytypes::namespace::ns_getattribute,
                        ),
                        ("__setattr__", crate::pytypes::namespace::ns_setattr),
                        ("__delattr__", crate::pytypes::namespace::ns_delattr),
                    ],
                ),
            }))
        })
    })
}

/// The thread's identity (`pthread_self`, as CPython's `get_ident`).
pub fn ident() -> u64 {
    unsafe { libc::pthread_self() as u64 }
}

const LOCK_METHODS: &[(&str, NativeFn)] = &[
    ("acquire", lock_acquire),
    ("acquire_lock", lock_acquire),
    ("release", lock_release),
    ("release_lock", lock_release),
    ("locked", lock_locked),
    ("locked_lock", lock_locked),
    ("__enter__", lock_acquire),
    ("__exit__", lock_exit),
    ("_at_fork_reinit", lock_reinit),
    ("__repr__", lock_repr),
];

const RLOCK_METHODS: &[(&str, NativeFn)] = &[
    ("__new__", rlock_new),
    ("acquire", rlock_acquire),
    ("release", rlock_release),
    ("__enter__", rlock_acquire),
    ("__exit__", rlock_exit),
    ("_is_owned", rlock_is_owned),
    ("_release_save", rlock_release_save),
    ("_acquire_restore", rlock_acquire_restore),
    ("_at_fork_reinit", rlock_reinit),
    ("__repr__", rlock_repr),
];

fn new_lock() -> Value {
    new_ext(
        Lock {
            locked: Cell::new(false),
        },
        types().lock,
    )
}

fn lock(args: &[Value]) -> PyResult<&Lock> {
    args.first()
        .and_then(ext_ref::<Lock>)
        .ok_or_else(|| error::type_error("descriptor requires a '_thread.lock' object"))
}

/// (blocking, timeout) of `acquire(blocking=True, timeout=-1)`.
fn acquire_args(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<(bool, f64)> {
    let a = Args::new("acquire", args, kw);
    a.check(1, 3, &["blocking", "timeout"])?;
    let blocking = match a.get(1).or_else(|| a.kw("blocking")) {
        Some(b) => crate::ops::truthy(vm, b)?,
        None => true,
    };
    let timeout = match a.get(2).or_else(|| a.kw("timeout")) {
        Some(t) => to_f64(t)?,
        None => -1.0,
    };
    if !blocking && timeout != -1.0 {
        return Err(error::value_error(
            "can't specify a timeout for a non-blocking call",
        ));
    }
    if timeout < 0.0 && timeout != -1.0 {
        return Err(error::value_error(
            "timeout value must be a non-negative number",
        ));
    }
    Ok((blocking, timeout))
}

/// A lock another owner holds (in pyrun, this thread): wait out the timeout, or fail.
fn contended(blocking: bool, timeout: f64) -> PyResult<Value> {
    if !blocking {
        return Ok(Value::FALSE);
    }
    if timeout < 0.0 {
        return Err(error::runtime_error(
            "deadlock: blocking acquire of a lock already held, with no other thread to release it (pyrun runs one thread)",
        ));
    }
    std::thread::sleep(std::time::Duration::from_secs_f64(timeout));
    Ok(Value::FALSE)
}

fn lock_acquire(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let l = lock(args)?;
    let (blocking, timeout) = acquire_args(vm, args, kw)?;
    if l.locked.get() {
        return contended(blocking, timeout);
    }
    l.locked.set(true);
    Ok(Value::TRUE)
}

fn lock_release(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let l = lock(args)?;
    if !l.locked.get() {
        return Err(error::runtime_error("release unlocked lock"));
    }
    l.locked.set(false);
    Ok(Value::NONE)
}

fn lock_exit(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    lock_release(vm, &args[..1], &[])
}

fn lock_locked(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::bool(lock(args)?.locked.get()))
}

fn lock_reinit(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    lock(args)?.locked.set(false);
    Ok(Value::NONE)
}

fn lock_repr(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let l = lock(args)?;
    Ok(new_str(format!(
        "<{} _thread.lock object at {:#x}>",
        if l.locked.get() { "locked" } else { "unlocked" },
        args[0].ptr() as usize
    )))
}

fn rlock(args: &[Value]) -> PyResult<&RLock> {
    args.first()
        .and_then(ext_ref::<RLock>)
        .ok_or_else(|| error::type_error("descriptor requires a '_thread.RLock' object"))
}

fn rlock_new(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    new_ext_of(
        RLock {
            owner: Cell::new(0),
            count: Cell::new(0),
        },
        types().rlock,
        &args[0],
    )
}

fn rlock_acquire(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let l = rlock(args)?;
    let (blocking, timeout) = acquire_args(vm, args, kw)?;
    let me = ident();
    if l.count.get() > 0 && l.owner.get() != me {
        return contended(blocking, timeout);
    }
    l.owner.set(me);
    l.count.set(l.count.get() + 1);
    Ok(Value::TRUE)
}

fn rlock_release(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let l = rlock(args)?;
    if l.count.get() == 0 || l.owner.get() != ident() {
        return Err(error::runtime_error("cannot release un-acquired lock"));
    }
    l.count.set(l.count.get() - 1);
    if l.count.get() == 0 {
        l.owner.set(0);
    }
    Ok(Value::NONE)
}

fn rlock_exit(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    rlock_release(vm, &args[..1], &[])
}

fn rlock_is_owned(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let l = rlock(args)?;
    Ok(Value::bool(l.count.get() > 0 && l.owner.get() == ident()))
}

fn rlock_release_save(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let l = rlock(args)?;
    if l.count.get() == 0 {
        return Err(error::runtime_error("cannot release un-acquired lock"));
    }
    let state = new_tuple(vec![
        Value::int(l.count.get() as i64),
        Value::int(l.owner.get() as i64),
    ]);
    l.count.set(0);
    l.owner.set(0);
    Ok(state)
}

fn rlock_acquire_restore(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let l = rlock(args)?;
    let st = args
        .get(1)
        .and_then(crate::types::tuple::as_tuple)
        .filter(|t| t.len() == 2);
    let Some(st) = st else {
        return Err(error::type_error(
            "_acquire_restore() argument must be a (count, owner) tuple",
        ));
    };
    let n = |v: &Value| {
        crate::types::int::as_int(v)
            .and_then(|i| i.to_i64())
            .unwrap_or(0) as u64
    };
    l.count.set(n(&st[0]));
    l.owner.set(n(&st[1]));
    Ok(Value::NONE)
}

fn rlock_reinit(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let l = rlock(args)?;
    l.count.set(0);
    l.owner.set(0);
    Ok(Value::NONE)
}

fn rlock_repr(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let l = rlock(args)?;
    let name = crate::types::typeobj::type_data_ptr(crate::types::type_ptr(&args[0]))
        .name
        .clone();
    Ok(new_str(format!(
        "<{} {name} object owner={} count={} at {:#x}>",
        if l.count.get() > 0 {
            "locked"
        } else {
            "unlocked"
        },
        l.owner.get(),
        l.count.get(),
        args[0].ptr() as usize
    )))
}

fn local_new(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let cls = &args[0];
    if (args.len() > 1 || !kw.is_empty())
        && crate::types::typeobj::lookup_str(cls.ptr(), "__init__").is_none_or(|i| {
            i.downcast::<crate::types::func::NativeObj>()
                .is_some_and(|n| n.owner.ptr() == tt().object)
        })
    {
        return Err(error::type_error(
            "Initialization arguments are not supported",
        ));
    }
    crate::pytypes::namespace::new_ns_of(types().local, cls)
}

fn allocate_lock(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    Args::new("allocate_lock", args, kw).check(0, 0, &[])?;
    Ok(new_lock())
}

fn get_ident(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    Args::new("get_ident", args, kw).check(0, 0, &[])?;
    Ok(Value::int(ident() as i64))
}

fn get_native_id(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    Args::new("get_native_id", args, kw).check(0, 0, &[])?;
    Ok(Value::int(unsafe { libc::gettid() } as i64))
}

fn count(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(0))
}

fn start_new_thread(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Err(error::runtime_error(
        "can't start new thread: pyrun runs one Python thread (threads are not supported yet)",
    ))
}

fn interrupt_main(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    Args::new("interrupt_main", args, kw).check(0, 1, &["signum"])?;
    unsafe { libc::raise(libc::SIGINT) };
    Ok(Value::NONE)
}

fn stack_size(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    Args::new("stack_size", args, kw).check(0, 1, &[])?;
    Ok(Value::int(0))
}

pub fn make(_vm: &mut Vm) -> Value {
    let m = super::module_with_functions(
        "_thread",
        &[
            ("allocate_lock", allocate_lock),
            ("allocate", allocate_lock),
            ("_set_sentinel", allocate_lock),
            ("get_ident", get_ident),
            ("get_native_id", get_native_id),
            ("_count", count),
            ("start_new_thread", start_new_thread),
            ("start_new", start_new_thread),
            ("interrupt_main", interrupt_main),
            ("stack_size", stack_size),
        ],
    );
    let t = types();
    let ty = |p: *const Header| unsafe { Value::from_header(p) };
    super::set(&m, "LockType", ty(t.lock));
    super::set(&m, "RLock", ty(t.rlock));
    super::set(&m, "_local", ty(t.local));
    super::set(&m, "error", ty(tt().runtime_error));
    super::set(&m, "TIMEOUT_MAX", Value::float(9223372036.0));
    m
}
