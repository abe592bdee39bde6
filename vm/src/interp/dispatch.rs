//! The dispatch loop: the hot instructions run inline, everything else through
//! `generic::step`.
//!
//! The loop keeps the running frame's state in locals that LLVM keeps in registers: the
//! record pointer `frame`, `code`, the instruction pointer `ip`, the operand-stack pointer
//! `sp` and the locals pointer `fp`. The record's `ip`/`sp` are written only where
//! something can observe them: before a call out (generic instructions, native calls),
//! when a frame is pushed or popped, and when an exception is raised.
//!
//! Why one `match` with cold arms out of line (measured in docs/ARCHITECTURE.md,
//! "The interpreter loop"): stable Rust has no guaranteed tail calls, so a handler table
//! would pay a call and a return per instruction; a match whose arms are small keeps the
//! five state variables in callee-saved registers, and the ~60 generic instructions cost
//! one shared call into `generic::step`.
//!
//! Statistics (`--stats`) are a second instantiation of the same loop (`STATS = true`);
//! without the flag no counter is touched.

use super::gen_inline;
use super::generic::{self, Flow};
use crate::bytecode::{when, BinOp, Cache, CmpOp, Code, Instr, Op};
use crate::error::{self, PyErr, PyResult};
use crate::frame::{Borrowed, CodeRef, Frame, ENTRY, GEN_INLINE, INIT};
use crate::ops;
use crate::tier1::{self, PolyKind};
use crate::types::dict::DictObj;
use crate::types::func::{FunctionObj, NativeObj};
use crate::types::instance::InstanceObj;
use crate::types::iter::{IterObj, IterState};
use crate::types::list::ListObj;
use crate::types::str::as_str;
use crate::types::tuple::as_tuple;
use crate::value::Value;
use crate::vm::Vm;
use std::cell::Cell;

/// Instantiations of the dispatch loop: plain, counting (`--stats`), and recording (tier 2
/// records the instructions of a hot loop as they run).
pub(super) const PLAIN: u8 = 0;
pub(super) const STATS: u8 = 1;
pub(super) const RECORD: u8 = 2;

/// How a dispatch loop instantiation ends.
enum LoopExit {
    /// The entry frame returned (or yielded) this value.
    Done(Value),
    /// Continue in another instantiation (the frame records are synced).
    Switch(u8),
}

/// Runs the top frame (an entry frame) until it returns, switching between the loop's
/// instantiations when tier 2 starts or stops recording.
pub(super) fn run(vm: &mut Vm, mut thrown: Option<PyErr>) -> PyResult<Value> {
    let base = if vm.options.stats { STATS } else { PLAIN };
    let mut mode = base;
    loop {
        let t = thrown.take();
        // SAFETY: the top frame's record is synced and its window valid (run_frame's
        // caller pushed it, or the previous instantiation synced it); see `run_loop`.
        let r = unsafe {
            match mode {
                PLAIN => run_loop::<PLAIN>(vm, t),
                STATS => run_loop::<STATS>(vm, t),
                _ => run_loop::<RECORD>(vm, t),
            }
        };
        if mode == RECORD && !matches!(r, Ok(LoopExit::Switch(_))) {
            // The recorded frames are gone (returned or raised): recording is over.
            if let Some(mut t2) = vm.tier2.take() {
                t2.leave(vm);
                vm.tier2 = Some(t2);
            }
        }
        match r? {
            LoopExit::Done(v) => return Ok(v),
            LoopExit::Switch(m) => mode = if m == PLAIN { base } else { m },
        }
    }
}

/// A function entry: counts towards the function being hot (tier 2's entry hook).
#[inline(always)]
pub(super) fn note_entry(vm: &mut Vm, code: &Code) {
    let n = code.hotness.get().wrapping_sub(1);
    code.hotness.set(n);
    if n == 0 {
        hot_function(vm, code);
    }
}

#[cold]
#[inline(never)]
fn hot_function(vm: &mut Vm, code: &Code) {
    vm.stats.hot_functions += 1;
    code.hotness.set(vm.options.hot_threshold);
}

/// What a hot back edge leads to.
enum BackEdge {
    Continue,
    /// Run the executor installed at the loop header.
    Execute(std::rc::Rc<dyn crate::tier2::Executor>),
    /// Record the loop (switch to the recording loop).
    Record,
}

/// A loop back edge whose counter (the jump's `cache` field) reached zero; `frame` is
/// synced with `ip` at the loop header. In the recording loop nothing is entered or
/// started (the recorder sees the back edge itself).
#[cold]
#[inline(never)]
unsafe fn hot_backedge(
    vm: &mut Vm,
    frame: *mut Frame,
    jump: *const Cell<Instr>,
    recording: bool,
) -> BackEdge {
    let code = &*(*frame).code.ptr();
    let counter = (jump as *mut u16).add(1);
    if !recording {
        if let Some(e) = crate::tier2::executor_at(code, (*frame).ip_index()) {
            counter.write(1);
            return BackEdge::Execute(e);
        }
    }
    vm.stats.hot_loops += 1;
    counter.write(vm.options.hot_threshold);
    if recording {
        return BackEdge::Continue;
    }
    let Some(mut t) = vm.tier2.take() else {
        return BackEdge::Continue;
    };
    let j = jump.offset_from(code.instrs.as_ptr()) as usize;
    let r = t.hot_loop(vm, frame, j);
    vm.tier2 = Some(t);
    match r {
        crate::tier2::Hot::Record => BackEdge::Record,
        crate::tier2::Hot::Continue => BackEdge::Continue,
    }
}

/// Recording: offers the next instruction of the synced top frame to the recorder.
#[cold]
#[inline(never)]
fn record_next(vm: &mut Vm, frame: *mut Frame) -> crate::tier2::Rec {
    let Some(mut t) = vm.tier2.take() else {
        return crate::tier2::Rec::Stop;
    };
    let r = t.record(vm, frame);
    vm.tier2 = Some(t);
    r
}

/// Truth of a value the loop could not test inline (it may run `__bool__`/`__len__`).
#[cold]
#[inline(never)]
fn truthy_slow(vm: &mut Vm, v: Value) -> PyResult<bool> {
    ops::truthy(vm, &v)
}

// `reload!` before a `miss!` (which syncs again) only keeps state out of callee-saved
// registers: the reloaded values may go unread.
#[allow(unused_assignments)]
#[inline(never)]
unsafe fn run_loop<const MODE: u8>(vm: &mut Vm, mut thrown: Option<PyErr>) -> PyResult<LoopExit> {
    // The running frame's state. Only `frame` (and `vm`) live across calls: every call out
    // of the loop is bracketed by `sync!` and `reload!`, so `ip`, `sp` and `fp` never need
    // a callee-saved register or a stack slot of their own (the record is their memory).
    let mut frame: *mut Frame;
    let mut ip: *const Cell<Instr>;
    let mut sp: *mut Value;
    let mut fp: *mut Value;

    macro_rules! reload {
        () => {{
            frame = vm.frames.top();
            ip = (*frame).ip;
            sp = (*frame).sp;
            fp = (*frame).fp;
        }};
    }
    macro_rules! sync {
        () => {{
            (*frame).ip = ip;
            (*frame).sp = sp;
        }};
    }
    macro_rules! code {
        () => {
            &*(*frame).code.ptr()
        };
    }
    macro_rules! push {
        ($v:expr) => {{
            let v = $v;
            sp.write(v);
            sp = sp.add(1);
        }};
    }
    macro_rules! pop {
        () => {{
            sp = sp.sub(1);
            sp.read()
        }};
    }
    macro_rules! target {
        ($i:expr) => {
            code!().instrs.as_ptr().add($i as usize)
        };
    }
    // Drops a reference; the rare free runs out of line with the state saved around it.
    macro_rules! release {
        ($v:expr) => {{
            if let Some(h) = Value::release($v) {
                sync!();
                crate::finalize::free(vm, h);
                reload!();
            }
        }};
    }

    reload!();
    loop {
        let err: PyErr = match thrown.take() {
            Some(e) => e,
            None => 'run: loop {
                // Only the opcode is read here; each arm reads the fields it needs from the
                // instruction (volatile, so LLVM cannot hoist all the decoding into this
                // header and keep it live in registers: measured 6 instructions per
                // dispatch and two spilled state registers).
                if MODE == RECORD {
                    sync!();
                    let r = record_next(vm, frame);
                    reload!();
                    if let crate::tier2::Rec::Stop = r {
                        return Ok(LoopExit::Switch(PLAIN));
                    }
                }
                let op: Op = *(ip as *const Op);
                ip = ip.add(1);
                if MODE == STATS {
                    vm.stats.count(op);
                }
                // The running instruction's fields (`ip` has moved past it; `Instr` is
                // `op: u8, flags: u8, cache: u16, arg: u32`).
                macro_rules! arg {
                    () => {
                        (ip as *const u32).sub(1).read_volatile()
                    };
                }
                macro_rules! flags {
                    () => {
                        (ip as *const u8).sub(7).read_volatile()
                    };
                }
                macro_rules! ins {
                    () => {
                        (*ip.sub(1)).get()
                    };
                }
                // Raise: the record is synced before the error is made, so nothing but
                // `frame` is live across the call that makes it.
                macro_rules! raise {
                    ($e:expr) => {{
                        sync!();
                        let e = $e;
                        break 'run e;
                    }};
                }
                // A call that may fail, bracketed by sync/reload.
                macro_rules! tri {
                    ($e:expr) => {{
                        sync!();
                        match $e {
                            Ok(v) => {
                                reload!();
                                v
                            }
                            Err(e) => break 'run e,
                        }
                    }};
                }
                macro_rules! step_synced {
                    ($ins:expr) => {{
                        match generic::step(vm, frame, $ins) {
                            Ok(Flow::Next) | Ok(Flow::Frame) | Ok(Flow::Left) => reload!(),
                            Ok(Flow::Return(v)) => return Ok(LoopExit::Done(v)),
                            Err(e) => break 'run e,
                        }
                    }};
                }
                // A specialized form whose guard failed: count the miss and run the
                // generic form of the same instruction.
                macro_rules! miss {
                    () => {{
                        sync!();
                        let pc = ip.offset_from(code!().instrs.as_ptr()) as usize - 1;
                        tier1::miss(&mut vm.stats, code!(), pc);
                        let ins = ins!();
                        step_synced!(Instr {
                            op: op.generic(),
                            ..ins
                        });
                        continue 'run;
                    }};
                }
                macro_rules! hit {
                    () => {
                        if MODE == STATS {
                            vm.stats.hits[op as usize] += 1;
                        }
                    };
                }
                macro_rules! cache {
                    () => {
                        &*code!()
                            .caches
                            .as_ptr()
                            .add((ip as *const u16).sub(3).read_volatile() as usize) as &Cache
                    };
                }
                // A polymorphic instance site: another entry for this object's class and
                // shape (found or added), else the miss.
                macro_rules! poly {
                    ($c:expr, $kind:expr, $obj:expr) => {{
                        sync!();
                        let name = code!().names.get_unchecked(arg!() as usize);
                        let r = tier1::poly($c, $kind, $obj, name);
                        reload!();
                        match r {
                            Some(x) => x,
                            None => miss!(),
                        }
                    }};
                }
                macro_rules! load_fast {
                    ($i:expr) => {{
                        let i = $i as usize;
                        let v = &*fp.add(i);
                        if v.is_undef() {
                            raise!(generic::unbound_local(code!(), i as u32));
                        }
                        push!(v.clone());
                    }};
                }
                macro_rules! store_fast {
                    ($i:expr) => {{
                        let v = pop!();
                        let old = std::ptr::replace(fp.add($i as usize), v);
                        release!(old);
                    }};
                }
                macro_rules! load_const {
                    ($i:expr) => {
                        push!((&code!().consts).get_unchecked($i as usize).clone())
                    };
                }
                // The second half of a superinstruction: the next instruction's arg.
                macro_rules! next_arg {
                    () => {{
                        let n = (*ip).get();
                        ip = ip.add(1);
                        n.arg
                    }};
                }
                // Truth of a popped value: bools and small ints inline.
                macro_rules! truth {
                    ($v:expr) => {{
                        let v = $v;
                        if v.is_bool() {
                            v.bits() & 1 != 0
                        } else if let Some(i) = v.as_small_int() {
                            i != 0
                        } else {
                            tri!(truthy_slow(vm, v))
                        }
                    }};
                }
                // A back edge at `jump` (its counter in the jump's `cache` field).
                macro_rules! back_edge {
                    ($jump:expr) => {{
                        let ctr = ($jump as *mut u16).add(1);
                        let n = ctr.read().wrapping_sub(1);
                        ctr.write(n);
                        if n == 0 {
                            sync!();
                            match hot_backedge(vm, frame, $jump, MODE == RECORD) {
                                BackEdge::Continue => reload!(),
                                BackEdge::Execute(e) => {
                                    let r = e.execute(vm, frame);
                                    drop(e);
                                    reload!();
                                    match r {
                                        crate::tier2::Exit::Raise(err) => break 'run err,
                                        crate::tier2::Exit::Record if MODE != RECORD => {
                                            return Ok(LoopExit::Switch(RECORD))
                                        }
                                        _ => {}
                                    }
                                }
                                BackEdge::Record => return Ok(LoopExit::Switch(RECORD)),
                            }
                        }
                        // Loop back edges are where a pending Ctrl-C is raised.
                        if crate::signals::pending() {
                            tri!(crate::signals::check());
                        }
                    }};
                }
                // COMPARE_OP_*_JUMP: `bit` is the comparison's outcome; the next
                // instruction is the POP_JUMP whose target is taken when `flags` has it.
                macro_rules! fused_jump {
                    ($bit:expr) => {{
                        let jump = ip;
                        let flags = flags!();
                        if flags & $bit != 0 {
                            ip = target!((*jump).get().arg);
                            if flags & when::BACKWARD != 0 {
                                back_edge!(jump);
                            }
                        } else {
                            ip = ip.add(1);
                        }
                    }};
                }
                match op {
                    Op::NOP => {}
                    Op::LOAD_FAST => load_fast!(arg!()),
                    Op::STORE_FAST => store_fast!(arg!()),
                    Op::LOAD_CONST => load_const!(arg!()),
                    Op::LOAD_FAST__LOAD_FAST => {
                        load_fast!(arg!());
                        let b = next_arg!();
                        load_fast!(b);
                    }
                    Op::LOAD_FAST__LOAD_CONST => {
                        load_fast!(arg!());
                        let b = next_arg!();
                        load_const!(b);
                    }
                    Op::LOAD_CONST__LOAD_FAST => {
                        load_const!(arg!());
                        let b = next_arg!();
                        load_fast!(b);
                    }
                    Op::STORE_FAST__LOAD_FAST => {
                        store_fast!(arg!());
                        let b = next_arg!();
                        load_fast!(b);
                    }
                    Op::STORE_FAST__STORE_FAST => {
                        store_fast!(arg!());
                        let b = next_arg!();
                        store_fast!(b);
                    }
                    Op::POP_TOP => release!(pop!()),
                    Op::COPY => {
                        let v = (*sp.sub(arg!() as usize)).clone();
                        push!(v);
                    }
                    Op::SWAP => std::ptr::swap(sp.sub(1), sp.sub(arg!() as usize)),
                    Op::COPY2__COPY2 => {
                        // [a, b] -> [a, b, a, b]
                        ip = ip.add(1);
                        let (a, b) = ((*sp.sub(2)).clone(), (*sp.sub(1)).clone());
                        push!(a);
                        push!(b);
                    }
                    Op::SWAP3__SWAP2 => {
                        // [a, b, c] -> [c, a, b]
                        ip = ip.add(1);
                        let c = sp.sub(1).read();
                        std::ptr::copy(sp.sub(3), sp.sub(2), 2);
                        sp.sub(3).write(c);
                    }
                    Op::IS_OP => {
                        let b = pop!();
                        let a = pop!();
                        let r = a.is(&b) != (arg!() == 1);
                        release!(b);
                        release!(a);
                        push!(Value::bool(r));
                    }
                    Op::UNARY_NOT => {
                        let t = truth!(pop!());
                        push!(Value::bool(!t));
                    }
                    Op::GET_ITER => {
                        // The general protocol, without the generic step's round trip.
                        let v = pop!();
                        let it = tri!(ops::iter(vm, &v));
                        release!(v);
                        push!(it);
                    }
                    Op::JUMP_FORWARD => ip = target!(arg!()),
                    Op::JUMP_BACKWARD => {
                        let jump = ip.sub(1);
                        ip = target!(arg!());
                        back_edge!(jump);
                    }
                    Op::POP_JUMP_IF_FALSE => {
                        if !truth!(pop!()) {
                            ip = target!(arg!());
                        }
                    }
                    Op::POP_JUMP_IF_TRUE => {
                        if truth!(pop!()) {
                            ip = target!(arg!());
                        }
                    }
                    Op::POP_JUMP_BACKWARD_IF_FALSE => {
                        if !truth!(pop!()) {
                            let jump = ip.sub(1);
                            ip = target!(arg!());
                            back_edge!(jump);
                        }
                    }
                    Op::POP_JUMP_BACKWARD_IF_TRUE => {
                        if truth!(pop!()) {
                            let jump = ip.sub(1);
                            ip = target!(arg!());
                            back_edge!(jump);
                        }
                    }
                    Op::JUMP_IF_FALSE_OR_POP | Op::JUMP_IF_TRUE_OR_POP => {
                        // `a and b` / `a or b`: jump keeping TOS, or pop it.
                        let v = &*sp.sub(1);
                        let t = if v.is_bool() {
                            v.bits() & 1 != 0
                        } else if let Some(i) = v.as_small_int() {
                            i != 0
                        } else {
                            tri!(truthy_slow(vm, (*sp.sub(1)).clone()))
                        };
                        if t == (op == Op::JUMP_IF_TRUE_OR_POP) {
                            ip = target!(arg!());
                        } else {
                            release!(pop!());
                        }
                    }
                    Op::POP_JUMP_IF_NONE | Op::POP_JUMP_IF_NOT_NONE => {
                        let v = pop!();
                        if v.is_none() == (op == Op::POP_JUMP_IF_NONE) {
                            ip = target!(arg!());
                        }
                        release!(v);
                    }
                    Op::POP_JUMP_BACKWARD_IF_NONE | Op::POP_JUMP_BACKWARD_IF_NOT_NONE => {
                        let v = pop!();
                        if v.is_none() == (op == Op::POP_JUMP_BACKWARD_IF_NONE) {
                            let jump = ip.sub(1);
                            ip = target!(arg!());
                            release!(v);
                            back_edge!(jump);
                        } else {
                            release!(v);
                        }
                    }
                    Op::RETURN_VALUE => {
                        let v = pop!();
                        // Release the frame's locals, cells and leftover operands.
                        let mut p = fp;
                        while p < sp {
                            release!(p.read());
                            p = p.add(1);
                        }
                        let flags = (*frame).flags;
                        if flags & (ENTRY | GEN_INLINE | INIT) != 0 {
                            if flags & ENTRY != 0 {
                                vm.frames.pop();
                                return Ok(LoopExit::Done(v));
                            }
                            sync!();
                            if flags & INIT != 0 {
                                // `__init__` of a class call: the instance is the result.
                                let r = super::calls::finish_init(vm, frame, v);
                                reload!();
                                if let Err(e) = r {
                                    break 'run e;
                                }
                                continue 'run;
                            }
                            // An inline generator finished: its loop ends.
                            gen_inline::finish(vm, frame);
                            reload!();
                            release!(v);
                            continue 'run;
                        }
                        // Release the callable (and bound self) below the callee's window;
                        // the result takes the callable's slot.
                        let csp = (*frame).caller_sp;
                        let mut p = csp;
                        while p < fp {
                            release!(p.read());
                            p = p.add(1);
                        }
                        csp.write(v);
                        frame = frame.sub(1);
                        vm.frames.end = frame.add(1);
                        ip = (*frame).ip;
                        fp = (*frame).fp;
                        sp = csp.add(1);
                    }
                    // ---- tier 1 specialized forms (see tier1.rs) ----
                    Op::BINARY_OP_ADD_INT | Op::BINARY_OP_SUB_INT | Op::BINARY_OP_MUL_INT => {
                        let Some((x, y)) = Value::small_int_pair_shifted(&*sp.sub(2), &*sp.sub(1))
                        else {
                            miss!()
                        };
                        let r = match op {
                            Op::BINARY_OP_ADD_INT => x.checked_add(y),
                            Op::BINARY_OP_SUB_INT => x.checked_sub(y),
                            _ => x.checked_mul(y >> 16),
                        };
                        let Some(r) = r else { miss!() };
                        hit!();
                        // Small ints own nothing: overwrite without dropping.
                        sp = sp.sub(1);
                        sp.sub(1).write(Value::from_shifted_int(r));
                    }
                    Op::BINARY_OP_ADD_FLOAT | Op::BINARY_OP_SUB_FLOAT | Op::BINARY_OP_MUL_FLOAT => {
                        let (a, b) = (&*sp.sub(2), &*sp.sub(1));
                        if !(a.is_float() && b.is_float()) {
                            miss!()
                        }
                        let (x, y) = (a.float_unchecked(), b.float_unchecked());
                        let r = match op {
                            Op::BINARY_OP_ADD_FLOAT => x + y,
                            Op::BINARY_OP_SUB_FLOAT => x - y,
                            _ => x * y,
                        };
                        hit!();
                        // Floats own nothing either.
                        sp = sp.sub(1);
                        sp.sub(1).write(Value::float(r));
                    }
                    Op::BINARY_OP_INT => {
                        let (bop, _) = BinOp::from_arg(arg!());
                        let (a, b) = (&*sp.sub(2), &*sp.sub(1));
                        let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) else {
                            miss!()
                        };
                        match ops::arith::small_binop(bop, x, y) {
                            Some(r) => {
                                hit!();
                                sp = sp.sub(1);
                                sp.sub(1).write(Value::small_int(r));
                            }
                            None => {
                                // A big result, an error or an unusual operator: the general
                                // path (still counted as a hit: the guard held).
                                hit!();
                                sync!();
                                let r = ops::arith::numeric_binop(bop, &*sp.sub(2), &*sp.sub(1));
                                let r = match r {
                                    Some(Ok(v)) => {
                                        reload!();
                                        v
                                    }
                                    Some(Err(e)) => break 'run e,
                                    None => {
                                        reload!();
                                        miss!()
                                    }
                                };
                                sp = sp.sub(1);
                                sp.sub(1).write(r);
                            }
                        }
                    }
                    Op::BINARY_OP_FLOAT => {
                        let (bop, _) = BinOp::from_arg(arg!());
                        let (Some(x), Some(y)) = (as_f64(&*sp.sub(2)), as_f64(&*sp.sub(1))) else {
                            miss!()
                        };
                        hit!();
                        // Operands are floats or small ints: they own nothing.
                        let r = match ops::arith::float_fast(bop, x, y) {
                            Some(f) => Value::float(f),
                            None => {
                                sync!();
                                match ops::arith::numeric_binop(bop, &*sp.sub(2), &*sp.sub(1)) {
                                    Some(Ok(v)) => {
                                        reload!();
                                        v
                                    }
                                    Some(Err(e)) => break 'run e,
                                    None => {
                                        reload!();
                                        miss!()
                                    }
                                }
                            }
                        };
                        sp = sp.sub(1);
                        sp.sub(1).write(r);
                    }
                    Op::BINARY_OP_ADD_STR => {
                        {
                            let (a, b) = (&*sp.sub(2), &*sp.sub(1));
                            let t = vm.tt;
                            if crate::types::type_ptr(a) != t.str_
                                || crate::types::type_ptr(b) != t.str_
                            {
                                miss!()
                            }
                        }
                        hit!();
                        let r = tri!(concat_str(&*sp.sub(2), &*sp.sub(1)));
                        let b = pop!();
                        let a = std::ptr::replace(sp.sub(1), r);
                        release!(b);
                        release!(a);
                    }
                    Op::BINARY_OP_ADD_TUPLE => {
                        let r = {
                            let t = vm.tt.tuple;
                            let (a, b) = (&*sp.sub(2), &*sp.sub(1));
                            if crate::types::type_ptr(a) != t || crate::types::type_ptr(b) != t {
                                miss!()
                            }
                            let (x, y) = (
                                as_tuple(a).unwrap_unchecked(),
                                as_tuple(b).unwrap_unchecked(),
                            );
                            // As CPython: concatenating an empty tuple returns the other one.
                            if y.is_empty() {
                                a.clone()
                            } else if x.is_empty() {
                                b.clone()
                            } else {
                                crate::types::tuple::new_tuple_concat(&[x, y])
                            }
                        };
                        hit!();
                        let b = pop!();
                        let a = std::ptr::replace(sp.sub(1), r);
                        release!(b);
                        release!(a);
                    }
                    Op::BINARY_OP_WIDE => {
                        let r = {
                            let (Some(x), Some(y)) = (
                                crate::types::int::wide(&*sp.sub(2)),
                                crate::types::int::wide(&*sp.sub(1)),
                            ) else {
                                miss!()
                            };
                            let (bop, _) = BinOp::from_arg(arg!());
                            // Overflow, a zero divisor, a negative shift: the generic form.
                            let Some(r) = crate::types::int::wide_binop(bop, x, y) else {
                                miss!()
                            };
                            r
                        };
                        hit!();
                        let b = pop!();
                        let a = std::ptr::replace(sp.sub(1), r);
                        release!(b);
                        release!(a);
                    }
                    Op::BUILD_TUPLE => {
                        // The top `n` operands move into the tuple.
                        let n = arg!() as usize;
                        sp = sp.sub(n);
                        let base = sp;
                        push!(crate::types::tuple::new_tuple_from(
                            n,
                            (0..n).map(|i| base.add(i).read())
                        ));
                    }
                    Op::YIELD_VALUE if (*frame).flags & GEN_INLINE != 0 => {
                        // A generator driven by FOR_ITER_GEN: its frame is popped and the
                        // value goes to the loop (as generic.rs's yield_from_frame).
                        let v = pop!();
                        sync!();
                        gen_inline::yield_value(vm, frame, ip, sp, v);
                        reload!();
                    }
                    Op::COMPARE_OP_INT_JUMP => {
                        let Some((x, y)) = Value::small_int_pair_shifted(&*sp.sub(2), &*sp.sub(1))
                        else {
                            miss!()
                        };
                        hit!();
                        sp = sp.sub(2);
                        let bit = if x < y {
                            when::LT
                        } else if x == y {
                            when::EQ
                        } else {
                            when::GT
                        };
                        fused_jump!(bit);
                    }
                    Op::COMPARE_OP_FLOAT_JUMP => {
                        let (Some(x), Some(y)) = (as_f64(&*sp.sub(2)), as_f64(&*sp.sub(1))) else {
                            miss!()
                        };
                        hit!();
                        sp = sp.sub(2);
                        fused_jump!(when::of_order(x, y));
                    }
                    Op::COMPARE_OP_STR_JUMP => {
                        let ord = {
                            let (a, b) = (&*sp.sub(2), &*sp.sub(1));
                            let t = vm.tt;
                            if crate::types::type_ptr(a) != t.str_
                                || crate::types::type_ptr(b) != t.str_
                            {
                                miss!()
                            }
                            str_order(a, b)
                        };
                        hit!();
                        let b = pop!();
                        let a = pop!();
                        release!(b);
                        release!(a);
                        fused_jump!(ord);
                    }
                    Op::COMPARE_OP_INT | Op::COMPARE_OP_FLOAT | Op::COMPARE_OP_STR => {
                        let cop = CmpOp::ALL[arg!() as usize];
                        let ord = {
                            let (a, b) = (&*sp.sub(2), &*sp.sub(1));
                            match op {
                                Op::COMPARE_OP_INT => match (a.as_small_int(), b.as_small_int()) {
                                    (Some(x), Some(y)) => Some(x.cmp(&y)),
                                    _ => miss!(),
                                },
                                Op::COMPARE_OP_FLOAT => match (as_f64(a), as_f64(b)) {
                                    (Some(x), Some(y)) => x.partial_cmp(&y),
                                    _ => miss!(),
                                },
                                _ => {
                                    let t = vm.tt;
                                    if crate::types::type_ptr(a) != t.str_
                                        || crate::types::type_ptr(b) != t.str_
                                    {
                                        miss!()
                                    }
                                    Some(
                                        as_str(a)
                                            .unwrap_unchecked()
                                            .cmp(as_str(b).unwrap_unchecked()),
                                    )
                                }
                            }
                        };
                        hit!();
                        let r = match ord {
                            Some(o) => ops::cmp_result(cop, o),
                            None => cop == CmpOp::Ne, // NaN
                        };
                        let b = pop!();
                        let a = std::ptr::replace(sp.sub(1), Value::bool(r));
                        release!(b);
                        release!(a);
                    }
                    Op::LOAD_ATTR_INSTANCE => {
                        let c = cache!();
                        let v = {
                            let obj = &*sp.sub(1);
                            let Some(inst) = obj.downcast::<InstanceObj>() else {
                                miss!()
                            };
                            let index = if crate::types::type_ptr(obj) as usize == c.g1.get()
                                && inst.shape.get() as usize == c.g3.get()
                                && crate::types::typeobj::type_epoch() == c.g2.get()
                            {
                                c.index.get()
                            } else {
                                poly!(c, PolyKind::Load, obj).0
                            };
                            // The shape guard fixes the slot count; no borrow of the
                            // slots is held across instructions.
                            (&*inst.slots.as_ptr())
                                .get_unchecked(index as usize)
                                .clone()
                        };
                        hit!();
                        let obj = std::ptr::replace(sp.sub(1), v);
                        release!(obj);
                    }
                    Op::LOAD_ATTR_CLASS => {
                        let c = cache!();
                        let v = {
                            let obj = &*sp.sub(1);
                            let Some(inst) = obj.downcast::<InstanceObj>() else {
                                miss!()
                            };
                            if crate::types::type_ptr(obj) as usize != c.g1.get()
                                || inst.shape.get() as usize != c.g3.get()
                                || crate::types::typeobj::type_epoch() != c.g2.get()
                            {
                                miss!()
                            }
                            let d = &*c.obj.as_ptr();
                            d.downcast::<DictObj>()
                                .unwrap_unchecked()
                                .value_at(c.index.get() as usize)
                        };
                        hit!();
                        let obj = std::ptr::replace(sp.sub(1), v);
                        release!(obj);
                    }
                    Op::LOAD_ATTR_MODULE | Op::LOAD_METHOD_MODULE => {
                        let c = cache!();
                        let v = {
                            let obj = &*sp.sub(1);
                            let Some(m) = obj.downcast::<crate::types::module::ModuleObj>() else {
                                miss!()
                            };
                            let d = m.dict.downcast::<DictObj>().unwrap_unchecked();
                            if m.dict.ptr() as usize != c.g1.get()
                                || d.version() as usize != c.g2.get()
                            {
                                miss!()
                            }
                            d.value_at_unchecked(c.index.get() as usize)
                        };
                        hit!();
                        let obj = std::ptr::replace(sp.sub(1), v);
                        if op == Op::LOAD_METHOD_MODULE {
                            push!(Value::UNDEF);
                        }
                        release!(obj);
                    }
                    Op::STORE_ATTR_INSTANCE | Op::STORE_ATTR_INSTANCE_ADD => {
                        let c = cache!();
                        let index = {
                            let obj = &*sp.sub(1);
                            let Some(inst) = obj.downcast::<InstanceObj>() else {
                                miss!()
                            };
                            if crate::types::type_ptr(obj) as usize == c.g1.get()
                                && inst.shape.get() as usize == c.g3.get()
                                && crate::types::typeobj::type_epoch() == c.g2.get()
                            {
                                c.index.get()
                            } else if op == Op::STORE_ATTR_INSTANCE {
                                poly!(c, PolyKind::Store, obj).0
                            } else {
                                miss!()
                            }
                        };
                        hit!();
                        let obj = pop!();
                        let v = pop!();
                        let inst = obj.downcast::<InstanceObj>().unwrap_unchecked();
                        if op == Op::STORE_ATTR_INSTANCE {
                            let slot = (&mut *inst.slots.as_ptr()).as_mut_ptr().add(index as usize);
                            let old = std::ptr::replace(slot, v);
                            release!(old);
                        } else {
                            sync!();
                            inst.push_slot(c.g4.get() as *const crate::types::instance::Shape, v);
                            reload!();
                        }
                        release!(obj);
                    }
                    Op::LOAD_METHOD_INSTANCE => {
                        let c = cache!();
                        let f = {
                            let obj = &*sp.sub(1);
                            let Some(inst) = obj.downcast::<InstanceObj>() else {
                                miss!()
                            };
                            if crate::types::type_ptr(obj) as usize == c.g1.get()
                                && inst.shape.get() as usize == c.g3.get()
                                && crate::types::typeobj::type_epoch() == c.g2.get()
                            {
                                (*c.obj.as_ptr()).clone()
                            } else {
                                poly!(c, PolyKind::Method, obj).1
                            }
                        };
                        hit!();
                        let obj = std::ptr::replace(sp.sub(1), f);
                        push!(obj);
                    }
                    Op::LOAD_METHOD_BUILTIN => {
                        let c = cache!();
                        if crate::types::type_ptr(&*sp.sub(1)) as usize != c.g1.get() {
                            miss!()
                        }
                        hit!();
                        let f = (*c.obj.as_ptr()).clone();
                        let obj = std::ptr::replace(sp.sub(1), f);
                        push!(obj);
                    }
                    Op::LOAD_GLOBAL_MODULE | Op::LOAD_GLOBAL_BUILTIN => {
                        let c = cache!();
                        let v = {
                            let g: &Value = &(*frame).globals;
                            let gd = g.downcast::<DictObj>().unwrap_unchecked();
                            if g.ptr() as usize != c.g1.get() || gd.version() as usize != c.g2.get()
                            {
                                miss!()
                            }
                            if op == Op::LOAD_GLOBAL_MODULE {
                                gd.value_at_unchecked(c.index.get() as usize)
                            } else {
                                let bd = vm.builtins.downcast::<DictObj>().unwrap_unchecked();
                                if bd.version() as usize != c.g3.get() {
                                    miss!()
                                }
                                bd.value_at_unchecked(c.index.get() as usize)
                            }
                        };
                        hit!();
                        push!(v);
                    }
                    Op::CALL_PY_EXACT | Op::CALL_METHOD_PY_EXACT => {
                        let c = cache!();
                        let argc = arg!() as usize;
                        let (callable_pos, args_start) = if op == Op::CALL_METHOD_PY_EXACT {
                            let cp = sp.sub(argc + 2);
                            let with_self = !(*cp.add(1)).is_undef();
                            if with_self != (c.g1.get() == 1) {
                                miss!()
                            }
                            (cp, if with_self { cp.add(1) } else { cp.add(2) })
                        } else {
                            (sp.sub(argc + 1), sp.sub(argc))
                        };
                        if (*callable_pos).bits() != (*c.obj.as_ptr()).bits() {
                            miss!()
                        }
                        hit!();
                        // The guard proved the callable is the cached function.
                        let f = (*callable_pos).downcast::<FunctionObj>().unwrap_unchecked();
                        let fcode: &Code = &f.code;
                        if frame.add(1) >= vm.frames.limit {
                            raise!(error::recursion_error("maximum recursion depth exceeded"));
                        }
                        if !vm.stack.fits(args_start, fcode.frame_size() + 1) {
                            raise!(error::recursion_error(
                                "maximum recursion depth exceeded (value stack exhausted)",
                            ));
                        }
                        let nargs = sp.offset_from(args_start) as usize;
                        let nl = fcode.nlocals();
                        let ncells = fcode.ncells();
                        // Locals past the arguments start unbound (the slots hold nothing).
                        let mut p = args_start.add(nargs);
                        let end = args_start.add(nl);
                        while p < end {
                            p.write(Value::UNDEF);
                            p = p.add(1);
                        }
                        // The caller resumes after the call with the result in the
                        // callable's slot.
                        (*frame).ip = ip;
                        (*frame).sp = callable_pos;
                        if ncells != 0 {
                            crate::frame::init_slots(fcode, &*callable_pos, args_start, nl);
                        }
                        let nf = frame.add(1);
                        nf.write(
                            Frame::new(
                                CodeRef::of(&f.code),
                                Borrowed::of(&*callable_pos),
                                Borrowed::of(&f.globals),
                                args_start,
                            )
                            .with_caller_sp(callable_pos),
                        );
                        vm.frames.end = nf.add(1);
                        frame = nf;
                        ip = fcode.instrs.as_ptr();
                        fp = args_start;
                        sp = args_start.add(nl + ncells);
                        // Function entry: counts towards the function being hot.
                        let n = fcode.hotness.get().wrapping_sub(1);
                        fcode.hotness.set(n);
                        if n == 0 {
                            sync!();
                            hot_function(vm, fcode);
                            reload!();
                        }
                    }
                    Op::CALL_BUILTIN
                    | Op::CALL_METHOD_BUILTIN
                    | Op::CALL_LEN
                    | Op::CALL_ISINSTANCE
                    | Op::CALL_TYPE_BUILTIN => {
                        let c = cache!();
                        let argc = arg!() as usize;
                        let (callable_pos, args_start) = if op == Op::CALL_METHOD_BUILTIN {
                            let cp = sp.sub(argc + 2);
                            let with_self = !(*cp.add(1)).is_undef();
                            (cp, if with_self { cp.add(1) } else { cp.add(2) })
                        } else {
                            (sp.sub(argc + 1), sp.sub(argc))
                        };
                        if (*callable_pos).bits() != (*c.obj.as_ptr()).bits() {
                            miss!()
                        }
                        hit!();
                        let nargs = sp.offset_from(args_start) as usize;
                        // Inline forms of the hottest builtins on exact builtin types.
                        let quick = match op {
                            Op::CALL_LEN if nargs == 1 => {
                                ops::len_fast(&*args_start).map(|n| Value::int(n as i64))
                            }
                            Op::CALL_ISINSTANCE if nargs == 2 => {
                                let t = &*args_start.add(1);
                                // Classes whose metaclass is `type` (no __instancecheck__).
                                if t.downcast::<crate::types::typeobj::TypeData>().is_some()
                                    && (*t.ptr()).ty.get() == vm.tt.type_
                                {
                                    Some(Value::bool(crate::types::typeobj::isinstance_ptr(
                                        &*args_start,
                                        t.ptr(),
                                    )))
                                } else {
                                    None
                                }
                            }
                            _ => None,
                        };
                        let depth = sp.offset_from(callable_pos) as usize;
                        let r = match quick {
                            Some(v) => v,
                            None => {
                                // The arguments are read in place: frames started by the
                                // callee begin above this frame's window.
                                let args = std::slice::from_raw_parts(args_start, nargs);
                                if op == Op::CALL_TYPE_BUILTIN {
                                    // The guarded type's constructor (tier1::call).
                                    let ctor: crate::types::func::NativeFn =
                                        std::mem::transmute(c.g2.get());
                                    tri!(ctor(vm, args, &[]))
                                } else {
                                    let n =
                                        (*callable_pos).downcast::<NativeObj>().unwrap_unchecked();
                                    tri!(n.call(vm, args, &[]))
                                }
                            }
                        };
                        // Release callable, self and arguments; the result takes their place.
                        let base = sp.sub(depth);
                        while sp > base {
                            release!(pop!());
                        }
                        push!(r);
                    }
                    Op::CALL_METHOD_FAST => {
                        // [method, receiver, args...]: the cached native method on a
                        // receiver of its exact type (so never an UNDEF self slot).
                        let c = cache!();
                        let argc = arg!() as usize;
                        let cp = sp.sub(argc + 2);
                        if (*cp).bits() != (*c.obj.as_ptr()).bits()
                            || crate::types::type_ptr(&*cp.add(1)) as usize != c.g3.get()
                        {
                            miss!()
                        }
                        hit!();
                        let f: crate::builtins::FastMethod = std::mem::transmute(c.g2.get());
                        let r = tri!(f(
                            vm,
                            &*cp.add(1),
                            std::slice::from_raw_parts(cp.add(2), argc)
                        ));
                        let base = sp.sub(argc + 2);
                        while sp > base {
                            release!(pop!());
                        }
                        push!(r);
                    }
                    Op::FOR_ITER_RANGE
                    | Op::FOR_ITER_LIST
                    | Op::FOR_ITER_TUPLE
                    | Op::FOR_ITER_STR => {
                        let next = {
                            let Some(io) = (*sp.sub(1)).downcast::<IterObj>() else {
                                miss!()
                            };
                            // No borrow of an iterator's state outlives a step.
                            match (&mut *io.state.as_ptr(), op) {
                                (
                                    IterState::Range {
                                        cur,
                                        step,
                                        remaining,
                                    },
                                    Op::FOR_ITER_RANGE,
                                ) => {
                                    if *remaining <= 0 {
                                        None
                                    } else {
                                        let v = *cur;
                                        *cur = cur.wrapping_add(*step);
                                        *remaining -= 1;
                                        if Value::fits_small(v) {
                                            Some(Value::small_int(v))
                                        } else {
                                            sync!();
                                            let b = Value::int(v);
                                            reload!();
                                            Some(b)
                                        }
                                    }
                                }
                                (IterState::Seq { seq, idx }, Op::FOR_ITER_LIST) => {
                                    let Some(l) = seq.downcast::<ListObj>() else {
                                        miss!()
                                    };
                                    let r = (&*l.items.as_ptr()).get(*idx).cloned();
                                    *idx += 1;
                                    r
                                }
                                (IterState::Seq { seq, idx }, Op::FOR_ITER_TUPLE) => {
                                    let Some(t) = as_tuple(seq) else { miss!() };
                                    let r = t.get(*idx).cloned();
                                    *idx += 1;
                                    r
                                }
                                (IterState::Str { s, byte_pos }, Op::FOR_ITER_STR) => {
                                    // A str iterator holds a str (strs are immutable).
                                    let so = s
                                        .downcast::<crate::types::str::StrObj>()
                                        .unwrap_unchecked();
                                    match so.s.as_bytes().get(*byte_pos) {
                                        Some(&b) if b < 0x80 => {
                                            *byte_pos += 1;
                                            Some(crate::types::str::char_str(b as char))
                                        }
                                        // Past the end (and later calls): the loop ends.
                                        None => None,
                                        Some(_) => {
                                            let c =
                                                so.s[*byte_pos..].chars().next().unwrap_unchecked();
                                            *byte_pos += c.len_utf8();
                                            sync!();
                                            let v = crate::types::str::char_str(c);
                                            reload!();
                                            Some(v)
                                        }
                                    }
                                }
                                _ => miss!(),
                            }
                        };
                        hit!();
                        match next {
                            Some(v) => push!(v),
                            None => {
                                ip = target!(arg!());
                                release!(pop!());
                            }
                        }
                    }
                    Op::FOR_ITER_GEN => {
                        sync!();
                        let entered = gen_inline::enter(vm, frame);
                        reload!();
                        if entered.is_none() {
                            miss!();
                        }
                        hit!();
                    }
                    Op::BINARY_SUBSCR_LIST_INT | Op::BINARY_SUBSCR_TUPLE_INT => {
                        let v = {
                            let (obj, idx) = (&*sp.sub(2), &*sp.sub(1));
                            let Some(i) = idx.as_small_int() else { miss!() };
                            let t = vm.tt;
                            let items: &[Value] = if op == Op::BINARY_SUBSCR_LIST_INT {
                                if crate::types::type_ptr(obj) != t.list {
                                    miss!()
                                }
                                &*obj.downcast::<ListObj>().unwrap_unchecked().items.as_ptr()
                            } else {
                                if crate::types::type_ptr(obj) != t.tuple {
                                    miss!()
                                }
                                as_tuple(obj).unwrap_unchecked()
                            };
                            let j = if i < 0 { i + items.len() as i64 } else { i };
                            match items.get(j as usize) {
                                Some(v) if j >= 0 => v.clone(),
                                _ => miss!(), // out of range: the generic form raises
                            }
                        };
                        hit!();
                        sp = sp.sub(1); // the index is a small int: nothing to drop
                        let obj = std::ptr::replace(sp.sub(1), v);
                        release!(obj);
                    }
                    Op::BINARY_SUBSCR_DICT => {
                        if crate::types::type_ptr(&*sp.sub(2)) != vm.tt.dict {
                            miss!()
                        }
                        hit!();
                        let r = tri!((*sp.sub(2))
                            .downcast::<DictObj>()
                            .unwrap_unchecked()
                            .get(vm, &*sp.sub(1)));
                        match r {
                            Some(v) => {
                                let idx = pop!();
                                let obj = std::ptr::replace(sp.sub(1), v);
                                release!(idx);
                                release!(obj);
                            }
                            None => raise!(error::key_error((*sp.sub(1)).clone())),
                        }
                    }
                    Op::STORE_SUBSCR_LIST_INT => {
                        let slot = {
                            let (obj, idx) = (&*sp.sub(2), &*sp.sub(1));
                            let Some(i) = idx.as_small_int() else { miss!() };
                            if crate::types::type_ptr(obj) != vm.tt.list {
                                miss!()
                            }
                            let items =
                                &mut *obj.downcast::<ListObj>().unwrap_unchecked().items.as_ptr();
                            if i < 0 || i as usize >= items.len() {
                                miss!()
                            }
                            items.as_mut_ptr().add(i as usize)
                        };
                        hit!();
                        sp = sp.sub(1); // the index
                        let obj = pop!();
                        let v = pop!();
                        let old = std::ptr::replace(slot, v);
                        release!(old);
                        release!(obj);
                    }
                    Op::STORE_SUBSCR_DICT => {
                        if crate::types::type_ptr(&*sp.sub(2)) != vm.tt.dict {
                            miss!()
                        }
                        hit!();
                        let idx = pop!();
                        let obj = pop!();
                        let v = pop!();
                        tri!(obj.downcast::<DictObj>().unwrap_unchecked().set(vm, idx, v));
                        release!(obj);
                    }
                    Op::UNPACK_SEQUENCE_TUPLE | Op::UNPACK_SEQUENCE_LIST => {
                        {
                            let seq = &*sp.sub(1);
                            let t = vm.tt;
                            let items: &[Value] = if op == Op::UNPACK_SEQUENCE_TUPLE {
                                if crate::types::type_ptr(seq) != t.tuple {
                                    miss!()
                                }
                                as_tuple(seq).unwrap_unchecked()
                            } else {
                                if crate::types::type_ptr(seq) != t.list {
                                    miss!()
                                }
                                &*seq.downcast::<ListObj>().unwrap_unchecked().items.as_ptr()
                            };
                            if items.len() != arg!() as usize {
                                miss!()
                            }
                        }
                        hit!();
                        let seq = pop!();
                        {
                            let items: &[Value] = match as_tuple(&seq) {
                                Some(t) => t,
                                None => {
                                    &*seq.downcast::<ListObj>().unwrap_unchecked().items.as_ptr()
                                }
                            };
                            for v in items.iter().rev() {
                                push!(v.clone());
                            }
                        }
                        release!(seq);
                    }
                    _ => {
                        sync!();
                        step_synced!(ins!());
                    }
                }
            },
        };
        // Raise: the record was synced where the error arose; the unwinder finds the
        // handler and the loop continues there.
        super::unwind::unwind(vm, err)?;
        reload!();
    }
}

/// A float or small int as f64 (the operands COMPARE_OP_FLOAT accepts).
#[inline(always)]
fn as_f64(v: &Value) -> Option<f64> {
    v.as_float().or_else(|| v.as_small_int().map(|i| i as f64))
}

/// The `when` bit of comparing two strs.
#[inline]
fn str_order(a: &Value, b: &Value) -> u8 {
    if a.is(b) {
        return when::EQ;
    }
    // SAFETY: the caller checked both are exact strs.
    match unsafe {
        as_str(a)
            .unwrap_unchecked()
            .cmp(as_str(b).unwrap_unchecked())
    } {
        std::cmp::Ordering::Less => when::LT,
        std::cmp::Ordering::Equal => when::EQ,
        std::cmp::Ordering::Greater => when::GT,
    }
}

#[inline(never)]
fn concat_str(a: &Value, b: &Value) -> PyResult<Value> {
    crate::ops::arith::str_concat(as_str(a).unwrap_or(""), as_str(b).unwrap_or(""))
}

/// Inline next() for the common iterators; None means "use the generic path".
#[inline]
pub(super) fn fast_next(io: &IterObj) -> Option<Option<Value>> {
    let mut st = io.state.borrow_mut();
    match &mut *st {
        IterState::Range {
            cur,
            step,
            remaining,
        } => {
            if *remaining <= 0 {
                return Some(None);
            }
            let v = *cur;
            *cur = cur.wrapping_add(*step);
            *remaining -= 1;
            Some(Some(Value::int(v)))
        }
        IterState::Seq { seq, idx } => {
            if let Some(l) = seq.downcast::<ListObj>() {
                let items = l.items.borrow();
                let r = items.get(*idx).cloned();
                *idx += 1;
                return Some(r);
            }
            if let Some(t) = as_tuple(seq) {
                let r = t.get(*idx).cloned();
                *idx += 1;
                return Some(r);
            }
            None
        }
        _ => None,
    }
}
