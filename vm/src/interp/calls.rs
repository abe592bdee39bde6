//! CALL, CALL_METHOD and CALL_KW through the general protocol (the specialized forms run
//! in the dispatch loop). Layout on the operand stack: `[callable, (self|UNDEF,) args...,
//! (kwnames)]`.
//!
//! Python functions (not generators) run in a new frame whose locals are the argument
//! slots: no nested `run_frame`. Two more shapes are turned into that one before the call:
//! - a bound method of a Python function: its function takes the callable's slot and its
//!   `self` becomes the first argument (in CALL_METHOD's empty self slot, or by moving the
//!   arguments up one slot);
//! - a class whose `__new__` is `object.__new__` and whose `__init__` is a Python function:
//!   the new instance takes the callable's slot (where the caller finds its result) and is
//!   also the first argument of `__init__`, whose frame is marked `INIT` (its return value
//!   must be None; the instance is the call's result).
//!
//! Anything else is called from Rust with the arguments read in place.

use super::generic::{Flow, Ops};
use crate::bytecode::{flags, Instr, Op};
use crate::error::{self, PyErr};
use crate::frame::{Frame, INIT};
use crate::object::Kind;
use crate::tier1;
use crate::types::func::{BoundMethodObj, FunctionObj};
use crate::types::tuple::as_tuple;
use crate::types::typeobj::TypeData;
use crate::value::Value;
use crate::vm::Vm;

/// A function the interpreter can enter with a frame (not a generator).
fn frame_function(v: &Value) -> Option<&FunctionObj> {
    v.downcast::<FunctionObj>()
        .filter(|f| f.code.flags & flags::GENERATOR == 0)
}

/// For a class call: `__init__` when the interpreter can run the call itself (the plain
/// `object.__new__`, a Python `__init__`, no metaclass `__call__`).
pub fn init_of_plain_class(vm: &Vm, cls: &Value) -> Option<Value> {
    let td = cls.downcast::<TypeData>()?;
    if td.is_builtin || td.layout != Kind::Instance || crate::types::type_ptr(cls) != vm.tt.type_ {
        return None;
    }
    match crate::class::constructors(cls) {
        (None, Some(init)) if frame_function(&init).is_some() => Some(init),
        _ => None,
    }
}

/// Drops the owned values in `[from, to)`.
fn release(from: *mut Value, to: *mut Value) {
    let mut p = from;
    while p < to {
        // SAFETY: owned operand slots being released.
        unsafe {
            std::ptr::drop_in_place(p);
            p = p.add(1);
        }
    }
}

pub(super) fn call(
    vm: &mut Vm,
    frame: *mut Frame,
    ins: Instr,
    st: &mut Ops,
    pc: usize,
) -> Result<Flow, PyErr> {
    // SAFETY: the running frame's record.
    let fr = unsafe { &mut *frame };
    // SAFETY: the code outlives the frame.
    let code: &crate::bytecode::Code = unsafe { &*fr.code.ptr() };
    let op = ins.op;
    let kwnames = if op == Op::CALL_KW {
        Some(st.pop())
    } else {
        None
    };
    let argc = ins.arg as usize;
    // SAFETY (pointer arithmetic below): the layout above is on the operand stack.
    let (callable_pos, mut args_start) = unsafe {
        if op == Op::CALL_METHOD {
            let cp = st.sp.sub(argc + 2);
            let with_self = !(*cp.add(1)).is_undef();
            (cp, if with_self { cp.add(1) } else { cp.add(2) })
        } else {
            (st.sp.sub(argc + 1), st.sp.sub(argc))
        }
    };
    // SAFETY: the callable's slot stays owned by this frame until the call is over.
    let callable: &Value = unsafe { &*callable_pos };
    // SAFETY: `[args_start, sp)` are the arguments (with a bound self first).
    let mut nargs = unsafe { st.sp.offset_from(args_start) } as usize;
    if vm.tier1 && ins.cache != u16::MAX && code.instr(pc).op == op {
        let c = &code.caches[ins.cache as usize];
        if tier1::tick(c) {
            // SAFETY: inside the layout.
            let with_self = op == Op::CALL_METHOD && !unsafe { &*callable_pos.add(1) }.is_undef();
            c.g1.set(with_self as usize);
            let r = tier1::call(c, op, callable, nargs, op == Op::CALL_METHOD);
            tier1::install(&mut vm.stats, code, pc, r);
        }
    }

    // Reshape a bound method or a plain class call into a function call.
    let mut init: Option<Value> = None;
    let first = if let Some(b) = callable.downcast::<BoundMethodObj>() {
        frame_function(&b.func).map(|_| (b.func.clone(), b.self_.clone()))
    } else if callable.kind() == Some(Kind::Type) {
        init_of_plain_class(vm, callable).map(|f| {
            let obj = crate::types::instance::new_instance(callable);
            init = Some(f);
            (obj.clone(), obj)
        })
    } else {
        None
    };
    if let Some((slot_value, first_arg)) = first {
        // SAFETY: the slots named are inside the layout, or the one just above the
        // arguments (checked against the stack's end); empty slots are written, owned ones
        // replaced.
        unsafe {
            if op == Op::CALL_METHOD && args_start == callable_pos.add(2) {
                // CALL_METHOD's self slot is empty (UNDEF): the first argument goes there.
                args_start = callable_pos.add(1);
            } else {
                if !vm.stack.fits(st.sp, 1) {
                    return Err(error::recursion_error(
                        "maximum recursion depth exceeded (value stack exhausted)",
                    ));
                }
                std::ptr::copy(args_start, args_start.add(1), nargs);
                st.sp = st.sp.add(1);
            }
            args_start.write(first_arg);
            nargs += 1;
            drop(std::ptr::replace(callable_pos, slot_value));
        }
    }
    // SAFETY: as above (the slot may have been replaced).
    let callable: &Value = unsafe { &*callable_pos };
    let func_value: &Value = init.as_ref().unwrap_or(callable);
    if let Some(f) = frame_function(func_value) {
        let written = if kwnames.is_none() && tier1::exact_args(f, nargs) {
            nargs
        } else {
            // Move the arguments out, then bind them into the same (now empty) slots.
            // SAFETY: the arguments are owned slots; after the reads they hold nothing.
            let args: Vec<Value> = (0..nargs)
                .map(|i| unsafe { args_start.add(i).read() })
                .collect();
            st.sp = args_start;
            let kwn: &[Value] = kwnames.as_ref().and_then(as_tuple).unwrap_or(&[]);
            if let Err(e) = vm.bind_args(func_value, f, &args, kwn, args_start) {
                release(callable_pos, args_start);
                st.sp = callable_pos;
                return Err(e);
            }
            f.code.nlocals()
        };
        // The caller's record points below the callee's window while the callee runs.
        st.sp = callable_pos;
        match vm.push_frame(&f.code, func_value, &f.globals, args_start, written) {
            Ok(nf) => {
                super::dispatch::note_entry(vm, &f.code);
                // SAFETY: the record just pushed.
                unsafe {
                    (*nf).caller_sp = callable_pos;
                    if init.is_some() {
                        (*nf).flags |= INIT;
                    }
                }
                // An INIT record owns `__init__` (released when it is popped).
                std::mem::forget(init);
                Ok(Flow::Frame)
            }
            Err(e) => {
                // push_frame released the written locals; release callable and self.
                release(callable_pos, args_start);
                Err(e)
            }
        }
    } else {
        // SAFETY: the stack never moves, and frames started while the callee runs begin
        // above this frame's window, so the arguments stay in place.
        let args: &[Value] = unsafe { std::slice::from_raw_parts(args_start, nargs) };
        let kwn: &[Value] = kwnames.as_ref().and_then(as_tuple).unwrap_or(&[]);
        let r = crate::call::call_non_function(vm, callable, args, kwn);
        release(callable_pos, st.sp);
        st.sp = callable_pos;
        st.push(r?);
        Ok(Flow::Next)
    }
}

/// RETURN_VALUE of an INIT frame (its slots already released): the frame is popped and
/// releases its `__init__`; the instance in the caller's result slot is the call's value,
/// unless `__init__` returned something other than None (TypeError, raised in the caller).
///
/// # Safety
/// `frame` is the top record, an INIT frame whose slots were released.
pub(super) unsafe fn finish_init(vm: &mut Vm, frame: *mut Frame, v: Value) -> Result<(), PyErr> {
    let csp = (*frame).caller_sp;
    (*frame).release_owned();
    vm.frames.pop();
    let caller = vm.frames.top();
    if !v.is_none() {
        (*caller).sp = csp;
        std::ptr::drop_in_place(csp);
        return Err(error::type_error(format!(
            "__init__() should return None, not '{}'",
            crate::types::type_name(&v)
        )));
    }
    (*caller).sp = csp.add(1);
    Ok(())
}
