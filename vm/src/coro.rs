//! Coroutines and async generators.
//!
//! Both are generator objects (`GenObj`, a suspended frame) whose type is `coroutine` or
//! `async_generator`. `await` delegates to an iterator as `yield from` does (see
//! `compile/asyncs.rs`); GET_AWAITABLE finds that iterator here.
//!
//! An async generator's frame yields two kinds of values: its own (`yield v`, wrapped by
//! ASYNC_GEN_WRAP) and those of the awaits inside it, which pass through to the event
//! loop. The awaitables `__anext__`/`asend`/`athrow`/`aclose` return drive the frame and
//! tell the two apart: a wrapped value ends the awaitable with StopIteration(value), as
//! CPython's `async_generator_asend` does.

use crate::error::{self, PyErr, PyResult};
use crate::generator::{self, GenObj, Resume, Step};
use crate::object::Header;
use crate::ops;
use crate::types::ext::{ext_ref, new_ext, new_ext_iter, new_ext_iter_type, new_ext_type};
use crate::types::func::NativeFn;
use crate::types::typeobj::{lookup_str, type_ptr};
use crate::types::{tt, type_name};
use crate::value::Value;
use crate::vm::Vm;
use std::cell::{Cell, OnceCell};

struct Types {
    wrapper: *const Header,
    asend: *const Header,
    athrow: *const Header,
    wrapped: *const Header,
}

thread_local! {
    static TYPES: OnceCell<&'static Types> = const { OnceCell::new() };
}

fn types() -> &'static Types {
    TYPES.with(|c| {
        *c.get_or_init(|| {
            let awaitable: &[(&'static str, NativeFn)] = &[
                ("send", aw_send),
                ("throw", aw_throw),
                ("close", aw_close),
                ("__await__", aw_self),
            ];
            Box::leak(Box::new(Types {
                wrapper: new_ext_iter_type(
                    "coroutine_wrapper",
                    "builtins",
                    &[
                        ("send", wrap_send),
                        ("throw", wrap_throw),
                        ("close", wrap_close),
                    ],
                ),
                asend: new_ext_iter_type("async_generator_asend", "builtins", awaitable),
                athrow: new_ext_iter_type("async_generator_athrow", "builtins", awaitable),
                wrapped: new_ext_type(
                    "async_generator_wrapped_value",
                    "builtins",
                    std::ptr::null(),
                    &[],
                ),
            }))
        })
    })
}

/// Methods of the `coroutine` type (beside generators' send/throw/close).
pub const COROUTINE_METHODS: &[(&str, NativeFn)] = &[("__await__", coro_await)];

/// Methods of the `async_generator` type.
pub const ASYNC_GEN_METHODS: &[(&str, NativeFn)] = &[
    ("__aiter__", aw_self),
    ("__anext__", agen_anext),
    ("asend", agen_asend),
    ("athrow", agen_athrow),
    ("aclose", agen_aclose),
];

pub fn is_coroutine(v: &Value) -> bool {
    v.downcast::<GenObj>().is_some() && type_ptr(v) == tt().coroutine
}

pub fn is_async_gen(v: &Value) -> bool {
    v.downcast::<GenObj>().is_some() && type_ptr(v) == tt().async_generator
}

/// A generator `types.coroutine` marked: awaitable as it is.
fn is_iterable_coroutine(v: &Value) -> bool {
    v.downcast::<GenObj>().is_some_and(|g| {
        (g.code.flags | g.code.extra_flags.get()) & crate::bytecode::flags::ITERABLE_COROUTINE != 0
    })
}

/// Is the suspended generator inside a `yield from`/`await`?
pub fn is_delegating(g: &GenObj) -> bool {
    let inner = g.inner.borrow();
    inner.started
        && !inner.done
        && !inner.running
        && g.code.instr(inner.ip).op == crate::bytecode::Op::YIELD_FROM
}

/// GET_AWAITABLE: the iterator `await v` delegates to.
pub fn get_awaitable(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if is_coroutine(v) {
        if is_delegating(v.downcast::<GenObj>().unwrap()) {
            return Err(error::runtime_error("coroutine is being awaited already"));
        }
        return Ok(v.clone());
    }
    if is_iterable_coroutine(v) {
        return Ok(v.clone());
    }
    let Some(m) = lookup_str(type_ptr(v), "__await__") else {
        return Err(error::type_error(format!(
            "object {} can't be used in 'await' expression",
            type_name(v)
        )));
    };
    let r = ops::dunder::call_method(vm, &m, v, &[])?;
    if is_coroutine(&r) || is_iterable_coroutine(&r) {
        return Err(error::type_error("__await__() returned a coroutine"));
    }
    if !ops::is_iterator(&r) {
        return Err(error::type_error(format!(
            "__await__() returned non-iterator of type '{}'",
            type_name(&r)
        )));
    }
    Ok(r)
}

/// GET_AITER.
pub fn get_aiter(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let Some(m) = lookup_str(type_ptr(v), "__aiter__") else {
        return Err(error::type_error(format!(
            "'async for' requires an object with __aiter__ method, got {}",
            type_name(v)
        )));
    };
    let it = ops::dunder::call_method(vm, &m, v, &[])?;
    if lookup_str(type_ptr(&it), "__anext__").is_none() {
        return Err(error::type_error(format!(
            "'async for' received an object from __aiter__ that does not implement __anext__: {}",
            type_name(&it)
        )));
    }
    Ok(it)
}

/// GET_ANEXT: the awaitable of the next step of an `async for`.
pub fn get_anext(vm: &mut Vm, aiter: &Value) -> PyResult<Value> {
    if is_async_gen(aiter) {
        return anext_of(vm, aiter, Value::NONE);
    }
    let Some(m) = lookup_str(type_ptr(aiter), "__anext__") else {
        return Err(error::type_error(format!(
            "'async for' requires an iterator with __anext__ method, got {}",
            type_name(aiter)
        )));
    };
    let r = ops::dunder::call_method(vm, &m, aiter, &[])?;
    get_awaitable(vm, &r).map_err(|e| {
        if e.is_instance(tt().type_error) {
            error::type_error(format!(
                "'async for' received an invalid object from __anext__: {}",
                type_name(&r)
            ))
        } else {
            e
        }
    })
}

/// BEFORE_ASYNC_WITH: (bound `__aexit__`, `__aenter__()`'s awaitable).
pub fn before_async_with(vm: &mut Vm, mgr: &Value) -> PyResult<(Value, Value)> {
    let ty = type_ptr(mgr);
    let Some(enter) = lookup_str(ty, "__aenter__") else {
        return Err(error::type_error(format!(
            "'{}' object does not support the asynchronous context manager protocol",
            type_name(mgr)
        )));
    };
    let Some(exit) = lookup_str(ty, "__aexit__") else {
        return Err(error::type_error(format!(
            "'{}' object does not support the asynchronous context manager protocol (missed __aexit__ method)",
            type_name(mgr)
        )));
    };
    let exit = ops::attr::bind_descriptor(vm, &exit, mgr)?;
    let entered = ops::dunder::call_method(vm, &enter, mgr, &[])?;
    Ok((exit, entered))
}

/// END_ASYNC_FOR: the loop ends on StopAsyncIteration; anything else propagates.
pub fn end_async_for(exc: Value) -> PyResult<()> {
    if crate::types::typeobj::isinstance_ptr(&exc, tt().stop_async_iteration) {
        Ok(())
    } else {
        Err(PyErr(exc))
    }
}

/// ASYNC_GEN_WRAP.
pub fn wrap_value(v: Value) -> Value {
    new_ext(Wrapped(v), types().wrapped)
}

struct Wrapped(Value);

fn unwrap_yield(v: &Value) -> Option<Value> {
    ext_ref::<Wrapped>(v).map(|w| w.0.clone())
}

// ---- coroutine.__await__() ----

struct CoroWrapper(Value);

fn coro_await(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let c = args
        .first()
        .filter(|c| is_coroutine(c))
        .ok_or_else(|| error::type_error("descriptor '__await__' requires a 'coroutine' object"))?;
    Ok(new_ext_iter(
        CoroWrapper(c.clone()),
        types().wrapper,
        wrap_next,
    ))
}

fn wrapper_coro(args: &[Value]) -> PyResult<Value> {
    args.first()
        .and_then(ext_ref::<CoroWrapper>)
        .map(|w| w.0.clone())
        .ok_or_else(|| error::type_error("descriptor requires a 'coroutine_wrapper' object"))
}

fn wrap_next(vm: &mut Vm, w: &Value) -> PyResult<Option<Value>> {
    let c = wrapper_coro(std::slice::from_ref(w))?;
    generator::resume(vm, &c, Value::NONE)
}

/// Calls the coroutine's own method `name` with the wrapper's arguments.
fn forward(vm: &mut Vm, args: &[Value], kw: &[Value], name: &'static str) -> PyResult<Value> {
    let c = wrapper_coro(args)?;
    let m = ops::getattr(vm, &c, &crate::types::str::intern(name))?;
    vm.call(&m, &args[1..], kw)
}

fn wrap_send(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    forward(vm, args, kw, "send")
}
fn wrap_throw(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    forward(vm, args, kw, "throw")
}
fn wrap_close(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    forward(vm, args, kw, "close")
}

// ---- async generators ----

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Init,
    Iter,
    Closed,
}

/// The awaitable of `__anext__`/`asend` (`thrown` None) or `athrow`/`aclose` (`thrown`
/// the exception to throw in; `aclose` throws GeneratorExit and expects the generator to
/// finish).
struct AgAwaitable {
    gen: Value,
    sendval: Value,
    thrown: Option<PyErr>,
    aclose: bool,
    state: Cell<State>,
}

fn agen(args: &[Value], name: &str) -> PyResult<Value> {
    match args.first() {
        Some(g) if is_async_gen(g) => Ok(g.clone()),
        _ => Err(error::type_error(format!(
            "descriptor '{name}' requires a 'async_generator' object"
        ))),
    }
}

/// Calls `sys`'s first-iteration hook once per async generator (asyncio registers it).
fn init_hooks(vm: &mut Vm, g: &Value) -> PyResult<()> {
    let gen = g.downcast::<GenObj>().unwrap();
    if gen.inner.borrow().hooks_inited {
        return Ok(());
    }
    gen.inner.borrow_mut().hooks_inited = true;
    let (first, fin) = vm.asyncgen_hooks.clone();
    *gen.finalizer.borrow_mut() = fin;
    if !first.is_none() {
        vm.call1(&first, g.clone())?;
    }
    Ok(())
}

fn anext_of(vm: &mut Vm, g: &Value, v: Value) -> PyResult<Value> {
    init_hooks(vm, g)?;
    Ok(new_ext_iter(
        AgAwaitable {
            gen: g.clone(),
            sendval: v,
            thrown: None,
            aclose: false,
            state: Cell::new(State::Init),
        },
        types().asend,
        aw_next,
    ))
}

fn agen_anext(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let g = agen(args, "__anext__")?;
    anext_of(vm, &g, Value::NONE)
}

fn agen_asend(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = crate::builtins::args::Args::new("asend", args, kw);
    a.check(2, 2, &[])?;
    let g = agen(args, "asend")?;
    anext_of(vm, &g, a.pos[1].clone())
}

fn athrow_of(vm: &mut Vm, g: &Value, thrown: PyErr, aclose: bool) -> PyResult<Value> {
    init_hooks(vm, g)?;
    Ok(new_ext_iter(
        AgAwaitable {
            gen: g.clone(),
            sendval: Value::NONE,
            thrown: Some(thrown),
            aclose,
            state: Cell::new(State::Init),
        },
        types().athrow,
        aw_next,
    ))
}

fn agen_athrow(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = crate::builtins::args::Args::new("athrow", args, kw);
    a.check(2, 4, &[])?;
    let g = agen(args, "athrow")?;
    let e = crate::builtins::thrown_exception(vm, &a.pos[1], a.get(2))?;
    athrow_of(vm, &g, e, false)
}

fn agen_aclose(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let g = agen(args, "aclose")?;
    let e = PyErr::with_args(tt().generator_exit, vec![]);
    athrow_of(vm, &g, e, true)
}

fn aw(v: &Value) -> PyResult<&AgAwaitable> {
    ext_ref::<AgAwaitable>(v)
        .ok_or_else(|| error::type_error("descriptor requires an async generator awaitable"))
}

fn aw_self(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    args.first()
        .cloned()
        .ok_or_else(|| error::type_error("descriptor needs an argument"))
}

fn aw_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    aw_step(vm, v, Resume::Send(Value::NONE)).map(Some)
}

fn aw_send(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = crate::builtins::args::Args::new("send", args, kw);
    a.check(2, 2, &[])?;
    aw_step(vm, &a.pos[0], Resume::Send(a.pos[1].clone()))
}

fn aw_throw(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = crate::builtins::args::Args::new("throw", args, kw);
    a.check(2, 4, &[])?;
    let o = aw(&a.pos[0])?;
    if o.state.get() == State::Closed {
        return Err(error::runtime_error(closed_msg(o)));
    }
    let e = crate::builtins::thrown_exception(vm, &a.pos[1], a.get(2))?;
    aw_step(vm, &a.pos[0], Resume::Throw(e))
}

fn aw_close(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    aw(args.first().unwrap_or(&Value::NONE))?
        .state
        .set(State::Closed);
    Ok(Value::NONE)
}

fn closed_msg(o: &AgAwaitable) -> &'static str {
    match (&o.thrown, o.aclose) {
        (None, _) => "cannot reuse already awaited __anext__()/asend()",
        (Some(_), false) => "cannot reuse already awaited athrow()",
        (Some(_), true) => "cannot reuse already awaited aclose()",
    }
}

fn gen_flags(g: &Value) -> &GenObj {
    g.downcast::<GenObj>().unwrap()
}

/// One step of an asend/athrow/aclose awaitable: resumes the generator and tells its own
/// yields (the awaitable's result, as StopIteration) from the awaits passing through.
fn aw_step(vm: &mut Vm, v: &Value, how: Resume) -> PyResult<Value> {
    let o = aw(v)?;
    let g = o.gen.clone();
    let gen = gen_flags(&g);
    match o.state.get() {
        State::Closed => return Err(error::runtime_error(closed_msg(o))),
        State::Init => {
            let which = match (&o.thrown, o.aclose) {
                (None, _) => "anext()",
                (Some(_), false) => "athrow()",
                (Some(_), true) => "aclose()",
            };
            if gen.inner.borrow().running_async {
                o.state.set(State::Closed);
                return Err(error::runtime_error(format!(
                    "{which}: asynchronous generator is already running"
                )));
            }
            if o.thrown.is_some() && gen.inner.borrow().closed {
                o.state.set(State::Closed);
                return Err(PyErr::with_args(tt().stop_async_iteration, vec![]));
            }
            o.state.set(State::Iter);
            gen.inner.borrow_mut().running_async = true;
            let how = match (&o.thrown, how) {
                (None, Resume::Send(x)) => {
                    Resume::Send(if x.is_none() { o.sendval.clone() } else { x })
                }
                (Some(e), Resume::Send(x)) => {
                    if !x.is_none() {
                        return Err(error::runtime_error(
                            "can't send non-None value to a just-started coroutine",
                        ));
                    }
                    if o.aclose {
                        gen.inner.borrow_mut().closed = true;
                    }
                    Resume::Throw(PyErr(e.0.clone()))
                }
                (_, h) => h,
            };
            finish(o, &g, generator::step(vm, &g, how))
        }
        State::Iter => finish(o, &g, generator::step(vm, &g, how)),
    }
}

/// The outcome of resuming the generator, seen from the awaitable.
fn finish(o: &AgAwaitable, g: &Value, r: PyResult<Step>) -> PyResult<Value> {
    let gen = gen_flags(g);
    let done = |o: &AgAwaitable| {
        o.state.set(State::Closed);
        gen.inner.borrow_mut().running_async = false;
    };
    match r {
        Ok(Step::Yield(y)) => match unwrap_yield(&y) {
            Some(_) if o.aclose => {
                done(o);
                Err(error::runtime_error(
                    "async generator ignored GeneratorExit",
                ))
            }
            Some(x) => {
                done(o);
                Err(generator::stop_iteration_with(x))
            }
            None => Ok(y),
        },
        Ok(Step::Return(_)) => {
            done(o);
            gen.inner.borrow_mut().closed = true;
            if o.aclose {
                Err(error::stop_iteration())
            } else {
                Err(PyErr::with_args(tt().stop_async_iteration, vec![]))
            }
        }
        Err(e) => {
            done(o);
            let ends =
                e.is_instance(tt().stop_async_iteration) || e.is_instance(tt().generator_exit);
            if ends {
                gen.inner.borrow_mut().closed = true;
                if o.aclose {
                    return Err(error::stop_iteration());
                }
            }
            Err(e)
        }
    }
}
