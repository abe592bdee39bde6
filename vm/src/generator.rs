//! Generators: a suspended frame saved off the value stack.
//!
//! On `yield` the frame's slots (locals, cells, operand stack) are moved into the generator
//! object and the frame is popped; resuming copies them back on top of the caller's stack
//! and runs the frame as an entry frame. Saving costs one move per live slot.

use crate::bytecode::{flags, Code};
use crate::error::{self, PyErr, PyResult};
use crate::frame::{Borrowed, CodeRef, Frame, ENTRY};
use crate::object::{alloc_obj, Kind, Payload};
use crate::types::str::intern;
use crate::types::tt;
use crate::value::Value;
use crate::vm::Vm;
use std::cell::RefCell;
use std::rc::Rc;

pub struct GenInner {
    pub slots: Vec<Value>,
    pub ip: usize,
    pub started: bool,
    pub running: bool,
    pub done: bool,
    /// Resume at `ip` without pushing a sent value (a delegated throw() finished the
    /// subiterator and its result is already on the saved stack).
    pub resume_in_place: bool,
    /// The exception this generator was handling when it yielded (UNDEF if none): it is
    /// the handled exception only while the generator runs.
    pub exc_state: Value,
    /// Async generators: an asend/athrow awaitable is running it (`ag_running`).
    pub running_async: bool,
    /// Async generators: finished or closed by `aclose()`.
    pub closed: bool,
    /// Async generators: `sys`'s first-iteration hook has been called.
    pub hooks_inited: bool,
    /// While the generator runs inline (FOR_ITER_GEN), the exception its caller was
    /// handling, given back when the generator's frame is left.
    pub caller_exc: Value,
}

pub struct GenObj {
    pub code: Rc<Code>,
    pub func: Value,
    pub globals: Value,
    pub inner: RefCell<GenInner>,
    /// Async generators: the finalizer hook recorded at first iteration (or None).
    pub finalizer: RefCell<Value>,
}
impl Payload for GenObj {
    const KIND: Kind = Kind::Generator;
}

impl Vm {
    /// Turns the frame just pushed for a generator function into a generator object.
    pub fn suspend_new_generator(&mut self) -> Value {
        let f = self.frames.top();
        // SAFETY: the record just pushed; its slots `[fp, sp)` are moved into the
        // generator, so popping releases nothing.
        let (slots, code, func, globals) = unsafe {
            // Room for the whole window (locals, cells, operand stack): later yields
            // reuse the buffer without growing it.
            let code = &*(*f).code.ptr();
            let n = (*f).sp.offset_from((*f).fp) as usize;
            let mut slots = Vec::with_capacity(code.frame_size().max(n));
            std::ptr::copy_nonoverlapping((*f).fp, slots.as_mut_ptr(), n);
            slots.set_len(n);
            (
                slots,
                (*f).code.rc(),
                (*(*f).func).clone(),
                (*(*f).globals).clone(),
            )
        };
        self.frames.pop();
        let f = code.flags;
        let ty = if f & flags::ASYNC_GENERATOR != 0 {
            tt().async_generator
        } else if f & flags::COROUTINE != 0 {
            tt().coroutine
        } else {
            tt().generator
        };
        alloc_obj(
            GenObj {
                code,
                func,
                globals,
                finalizer: RefCell::new(Value::NONE),
                inner: RefCell::new(GenInner {
                    slots,
                    ip: 0,
                    started: false,
                    running: false,
                    done: false,
                    resume_in_place: false,
                    exc_state: Value::UNDEF,
                    running_async: false,
                    closed: false,
                    hooks_inited: false,
                    caller_exc: Value::UNDEF,
                }),
            },
            ty,
        )
    }

    /// Saves the running generator frame `frame` (the top one) at a `yield`: its live
    /// slots `[fp, sp)` move into the generator, `ip` is where it resumes, and the frame
    /// is popped.
    pub fn save_generator_frame(
        &mut self,
        frame: *mut Frame,
        ip: *const std::cell::Cell<crate::bytecode::Instr>,
        sp: *mut Value,
    ) {
        // SAFETY: `frame` is the top record; `[fp, sp)` hold the frame's values, which
        // are moved out (so the pop releases nothing).
        unsafe {
            let f = &mut *frame;
            f.ip = ip;
            let gen = f.gen.downcast::<GenObj>().expect("generator frame");
            let mut inner = gen.inner.borrow_mut();
            // The buffer is empty (resuming drained it) and keeps its capacity.
            debug_assert!(inner.slots.is_empty());
            // One copy: the values move (the slots above `fp` are dead after the pop).
            let n = sp.offset_from(f.fp) as usize;
            inner.slots.reserve(n);
            let len = inner.slots.len();
            std::ptr::copy_nonoverlapping(f.fp, inner.slots.as_mut_ptr().add(len), n);
            inner.slots.set_len(len + n);
            inner.ip = f.ip_index();
            f.sp = f.fp;
        }
        self.frames.pop();
    }
}

/// How a suspended generator is resumed.
pub enum Resume {
    Send(Value),
    Throw(PyErr),
}

/// What one resumption produced.
pub enum Step {
    Yield(Value),
    Return(Value),
}

/// Resumes a generator with `sent`; Ok(None) when it finished.
pub fn resume(vm: &mut Vm, genv: &Value, sent: Value) -> PyResult<Option<Value>> {
    Ok(match step(vm, genv, Resume::Send(sent))? {
        Step::Yield(v) => Some(v),
        Step::Return(_) => None,
    })
}

/// Resumes a generator: runs its frame until the next `yield` or its end.
pub fn step(vm: &mut Vm, genv: &Value, how: Resume) -> PyResult<Step> {
    let gen = genv.downcast::<GenObj>().expect("generator");
    {
        let inner = gen.inner.borrow();
        if inner.running {
            return Err(error::value_error("generator already executing"));
        }
        if inner.done {
            if gen.code.flags & flags::COROUTINE != 0 && matches!(how, Resume::Send(_)) {
                return Err(error::runtime_error(
                    "cannot reuse already awaited coroutine",
                ));
            }
            return match how {
                Resume::Send(_) => Ok(Step::Return(Value::NONE)),
                Resume::Throw(e) => Err(e),
            };
        }
        if let Resume::Send(v) = &how {
            if !inner.started && !v.is_none() {
                return Err(error::type_error(
                    "can't send non-None value to a just-started generator",
                ));
            }
        }
    }
    // A generator suspended in `yield from` passes throw() on to its subiterator first.
    let how = match how {
        Resume::Throw(e) => match throw_into_delegate(vm, gen, e)? {
            Delegated::Yielded(v) => return Ok(Step::Yield(v)),
            Delegated::Finished => Resume::Send(Value::NONE),
            Delegated::NotDelegating(e) => Resume::Throw(e),
        },
        s => s,
    };
    let (mut ip, started) = {
        let mut inner = gen.inner.borrow_mut();
        inner.running = true;
        let started = inner.started;
        inner.started = true;
        (inner.ip, started)
    };
    if matches!(how, Resume::Throw(_))
        && started
        && gen.code.instr(ip).op == crate::bytecode::Op::YIELD_FROM
    {
        ip += 1;
    }
    let fail = |e: PyErr| {
        let mut inner = gen.inner.borrow_mut();
        inner.running = false;
        inner.done = true;
        inner.slots.clear();
        Err(e)
    };
    if vm.frames.full() {
        return fail(error::recursion_error("maximum recursion depth exceeded"));
    }
    let fp = vm.free_slot();
    if !vm.stack.fits(fp, gen.code.frame_size() + 2) {
        return fail(error::recursion_error(
            "maximum recursion depth exceeded (value stack exhausted)",
        ));
    }
    let mut sp = fp;
    // SAFETY: inside the stack (checked) and above every live frame: the slots are empty.
    // The saved values move back; the generator keeps the buffer for the next yield.
    unsafe {
        let mut inner = gen.inner.borrow_mut();
        let n = inner.slots.len();
        std::ptr::copy_nonoverlapping(inner.slots.as_ptr(), sp, n);
        inner.slots.set_len(0);
        sp = sp.add(n);
    }
    let thrown = match how {
        Resume::Send(v) => {
            if started && !gen.inner.borrow().resume_in_place {
                // SAFETY: as above.
                unsafe {
                    sp.write(v);
                    sp = sp.add(1);
                }
            }
            None
        }
        Resume::Throw(e) => Some(e),
    };
    gen.inner.borrow_mut().resume_in_place = false;
    let mut f = Frame::new(
        CodeRef::of(&gen.code),
        Borrowed::of(&gen.func),
        Borrowed::of(&gen.globals),
        fp,
    );
    f.sp = sp;
    f.set_ip_index(ip);
    f.flags = ENTRY;
    f.gen = Borrowed::of(genv);
    vm.frames.push(f);
    vm.yielded = false;
    let caller_exc = vm.exc_info.clone();
    let own = std::mem::replace(&mut gen.inner.borrow_mut().exc_state, Value::UNDEF);
    if !own.is_undef() {
        vm.exc_info = own;
    }
    let r = vm.run_frame_with(thrown);
    let yielded = std::mem::replace(&mut vm.yielded, false);
    let now = std::mem::replace(&mut vm.exc_info, caller_exc.clone());
    let mut inner = gen.inner.borrow_mut();
    inner.running = false;
    if yielded && !now.is(&caller_exc) {
        inner.exc_state = now;
    }
    match r {
        Ok(v) if yielded => Ok(Step::Yield(v)),
        Ok(v) => {
            inner.done = true;
            inner.slots.clear();
            Ok(Step::Return(v))
        }
        Err(e) => {
            inner.done = true;
            inner.slots.clear();
            drop(inner);
            Err(escaping_from(gen.code.flags, e))
        }
    }
}

/// An exception leaving a generator's frame: PEP 479 turns a StopIteration into a
/// RuntimeError.
pub fn escaping(e: PyErr) -> PyErr {
    escaping_from(flags::GENERATOR, e)
}

/// PEP 479: a StopIteration (or, for an async generator, StopAsyncIteration) escaping a
/// generator, coroutine or async generator becomes a RuntimeError; `code_flags` says which.
pub fn escaping_from(code_flags: u32, e: PyErr) -> PyErr {
    let async_gen = code_flags & flags::ASYNC_GENERATOR != 0;
    let stop = e.is_instance(tt().stop_iteration);
    if !(stop || (async_gen && e.is_instance(tt().stop_async_iteration))) {
        return e;
    }
    let what = if async_gen {
        "async generator"
    } else if code_flags & flags::COROUTINE != 0 {
        "coroutine"
    } else {
        "generator"
    };
    let r = error::runtime_error(format!(
        "{what} raised {}",
        if stop {
            "StopIteration"
        } else {
            "StopAsyncIteration"
        }
    ));
    if let Some(x) = crate::types::exc::as_exc(&r.0) {
        *x.cause.borrow_mut() = e.0.clone();
        *x.context.borrow_mut() = e.0.clone();
        x.suppress_context.set(true);
    }
    r
}

enum Delegated {
    Yielded(Value),
    /// The subiterator finished; its value replaced it on the saved stack.
    Finished,
    NotDelegating(PyErr),
}

/// If `gen` is suspended in YIELD_FROM, throws `e` into the subiterator.
fn throw_into_delegate(vm: &mut Vm, gen: &GenObj, e: PyErr) -> PyResult<Delegated> {
    let sub = {
        let inner = gen.inner.borrow();
        if !inner.started || gen.code.instr(inner.ip).op != crate::bytecode::Op::YIELD_FROM {
            return Ok(Delegated::NotDelegating(e));
        }
        match inner.slots.last() {
            Some(s) => s.clone(),
            None => return Ok(Delegated::NotDelegating(e)),
        }
    };
    gen.inner.borrow_mut().running = true;
    let r = throw_to(vm, &sub, e);
    gen.inner.borrow_mut().running = false;
    match r {
        Ok(Step::Yield(v)) => Ok(Delegated::Yielded(v)),
        Ok(Step::Return(v)) => {
            let mut inner = gen.inner.borrow_mut();
            *inner.slots.last_mut().unwrap() = v;
            inner.ip += 1;
            inner.resume_in_place = true;
            Ok(Delegated::Finished)
        }
        // The subiterator raised (or re-raised): that exception surfaces at the YIELD_FROM.
        Err(e2) => Ok(Delegated::NotDelegating(e2)),
    }
}

/// `sub.throw(e)` for a generator or any object with a `throw` method; GeneratorExit
/// closes the subiterator instead (and is then raised in the delegating frame).
fn throw_to(vm: &mut Vm, sub: &Value, e: PyErr) -> PyResult<Step> {
    if e.is_instance(tt().generator_exit) {
        if sub.downcast::<GenObj>().is_some() {
            close(vm, sub)?;
        } else if let Ok(c) = crate::ops::getattr(vm, sub, &intern("close")) {
            vm.call0(&c)?;
        }
        return Err(e);
    }
    if sub.downcast::<GenObj>().is_some() {
        return step(vm, sub, Resume::Throw(e));
    }
    let Ok(t) = crate::ops::getattr(vm, sub, &intern("throw")) else {
        return Err(e);
    };
    match vm.call1(&t, e.0.clone()) {
        Ok(v) => Ok(Step::Yield(v)),
        Err(x) if x.is_instance(tt().stop_iteration) => Ok(Step::Return(stop_value(&x))),
        Err(x) => Err(x),
    }
}

/// The value carried by a StopIteration (its first argument, or None).
pub fn stop_value(e: &PyErr) -> Value {
    crate::types::exc::as_exc(&e.0)
        .and_then(|x| {
            crate::types::tuple::as_tuple(&x.args.borrow()).and_then(|t| t.first().cloned())
        })
        .unwrap_or(Value::NONE)
}

/// One step of `yield from sub` with `sent`: Some(value to yield), or None when `sub` is
/// finished (its return value is left in `vm.delegate_result`).
pub fn delegate(vm: &mut Vm, sub: &Value, sent: Value) -> PyResult<Option<Value>> {
    if sub.downcast::<GenObj>().is_some() {
        return match step(vm, sub, Resume::Send(sent))? {
            Step::Yield(v) => Ok(Some(v)),
            Step::Return(v) => {
                vm.delegate_result = v;
                Ok(None)
            }
        };
    }
    let r = if sent.is_none() {
        match crate::ops::next(vm, sub) {
            Ok(Some(v)) => return Ok(Some(v)),
            Ok(None) => {
                vm.delegate_result = Value::NONE;
                return Ok(None);
            }
            Err(e) => Err(e),
        }
    } else {
        let m = crate::ops::getattr(vm, sub, &intern("send"))?;
        vm.call1(&m, sent)
    };
    match r {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.is_instance(tt().stop_iteration) => {
            vm.delegate_result = stop_value(&e);
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

/// `gen.close()`.
pub fn close(vm: &mut Vm, genv: &Value) -> PyResult<()> {
    let gen = genv.downcast::<GenObj>().expect("generator");
    {
        let mut inner = gen.inner.borrow_mut();
        if inner.done {
            return Ok(());
        }
        if !inner.started {
            inner.done = true;
            inner.slots.clear();
            return Ok(());
        }
    }
    let exit = PyErr::with_args(tt().generator_exit, vec![]);
    match step(vm, genv, Resume::Throw(exit)) {
        Ok(Step::Yield(_)) => Err(error::runtime_error(
            if gen.code.flags & flags::COROUTINE != 0 {
                "coroutine ignored GeneratorExit"
            } else {
                "generator ignored GeneratorExit"
            },
        )),
        Ok(Step::Return(_)) => Ok(()),
        Err(e) if e.is_instance(tt().generator_exit) || e.is_instance(tt().stop_iteration) => {
            Ok(())
        }
        Err(e) => Err(e),
    }
}

/// Attributes of generators, coroutines and async generators (`gi_*`, `cr_*`, `ag_*`).
pub fn attr(v: &Value, g: &GenObj, name: &str) -> Option<Value> {
    let prefix = if crate::coro::is_coroutine(v) {
        "cr_"
    } else if crate::coro::is_async_gen(v) {
        "ag_"
    } else {
        "gi_"
    };
    let field = name.strip_prefix(prefix);
    let inner = g.inner.borrow();
    Some(match (name, field) {
        ("__name__", _) => crate::types::str::new_str(g.code.name.as_str()),
        ("__qualname__", _) => crate::types::str::new_str(g.code.qualname.as_str()),
        (_, Some("code")) => crate::types::func::new_code(g.code.clone()),
        (_, Some("running")) => Value::bool(if prefix == "ag_" {
            inner.running_async
        } else {
            inner.running
        }),
        (_, Some("suspended")) if prefix != "ag_" => {
            Value::bool(inner.started && !inner.done && !inner.running)
        }
        (_, Some("frame")) => {
            if inner.done {
                Value::NONE
            } else {
                crate::pytypes::frames::frame_for_generator(
                    g.code.clone(),
                    g.globals.clone(),
                    inner.ip,
                    &inner.slots,
                )
            }
        }
        (_, Some("yieldfrom" | "await")) => {
            let delegating = inner.started
                && !inner.done
                && !inner.running
                && g.code.instr(inner.ip).op == crate::bytecode::Op::YIELD_FROM;
            if delegating {
                inner.slots.last().cloned().unwrap_or(Value::NONE)
            } else {
                Value::NONE
            }
        }
        (_, Some("origin")) if prefix == "cr_" => Value::NONE,
        _ => return None,
    })
}

/// Is `v` a plain generator (not a coroutine or async generator)?
pub fn is_plain(v: &Value) -> bool {
    v.downcast::<GenObj>().is_some() && crate::types::type_ptr(v) == tt().generator
}

/// StopIteration carrying a generator's return value.
pub fn stop_iteration_with(v: Value) -> PyErr {
    if v.is_none() {
        error::stop_iteration()
    } else {
        PyErr::with_args(tt().stop_iteration, vec![v])
    }
}
