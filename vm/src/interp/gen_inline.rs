//! Generators driven by a `for` loop, resumed in the same dispatch loop (FOR_ITER_GEN):
//! the generator's saved slots move onto the value stack above the loop's iterator and its
//! frame is pushed like a callee's, so a resumption costs a frame push instead of a nested
//! `run_frame` (as CPython 3.12's FOR_ITER_GEN). Everything else (`send`, `throw`,
//! `close`, `next()` from Rust) still goes through `generator::step`.
//!
//! The frame has `GEN_INLINE` set and `caller_sp` = its own `fp` = the slot after the
//! iterator. Yielding moves the slots back into the generator, pops the frame and pushes
//! the value for the loop body; returning marks the generator done, pops the iterator and
//! jumps to the loop's exit; an exception escaping marks it done too (see `unwind.rs`).
//! The handled-exception state is swapped as `generator::step` does.

use crate::bytecode::Instr;
use crate::frame::{Borrowed, CodeRef, Frame, GEN_INLINE};
use crate::generator::GenObj;
use crate::value::Value;
use crate::vm::Vm;
use std::cell::Cell;

/// Resumes the generator at the top of `frame`'s (synced) operand stack in a new frame on
/// top, sending None. None when it cannot run inline (running, finished, in an unusual
/// state, or no room): the generic FOR_ITER handles (and reports) those.
///
/// # Safety
/// `frame` is the synced top record and its TOS holds a value.
pub(super) unsafe fn enter(vm: &mut Vm, frame: *mut Frame) -> Option<*mut Frame> {
    let genv: &Value = &*(*frame).sp.sub(1);
    if crate::types::type_ptr(genv) != vm.tt.generator {
        return None;
    }
    let gen = genv.downcast::<GenObj>()?;
    let fp = (*frame).sp;
    if vm.frames.full() || !vm.stack.fits(fp, gen.code.frame_size() + 2) {
        return None;
    }
    let mut inner = gen.inner.try_borrow_mut().ok()?;
    if inner.running || inner.done || inner.resume_in_place {
        return None;
    }
    let send_none = inner.started;
    inner.running = true;
    inner.started = true;
    // The slots above `fp` hold nothing (stack invariant): the saved values move there.
    // One copy; the buffer keeps its capacity and no longer owns the values.
    let n = inner.slots.len();
    std::ptr::copy_nonoverlapping(inner.slots.as_ptr(), fp, n);
    inner.slots.set_len(0);
    let mut sp = fp.add(n);
    if send_none {
        sp.write(Value::NONE);
        sp = sp.add(1);
    }
    inner.caller_exc = vm.exc_info.clone();
    let own = std::mem::replace(&mut inner.exc_state, Value::UNDEF);
    if !own.is_undef() {
        vm.exc_info = own;
    }
    let ip = inner.ip;
    drop(inner);
    let mut f = Frame::new(
        CodeRef::of(&gen.code),
        Borrowed::of(&gen.func),
        Borrowed::of(&gen.globals),
        fp,
    );
    f.sp = sp;
    f.set_ip_index(ip);
    f.flags = GEN_INLINE;
    f.gen = Borrowed::of(genv);
    Some(vm.frames.push(f))
}

/// The generator's frame stops running: it gives back the caller's handled exception and
/// keeps its own if it yields.
fn leave(vm: &mut Vm, gen: &GenObj, yielded: bool) {
    let mut inner = gen.inner.borrow_mut();
    let caller = std::mem::replace(&mut inner.caller_exc, Value::UNDEF);
    let now = std::mem::replace(&mut vm.exc_info, caller);
    inner.running = false;
    if yielded && !now.is(&vm.exc_info) {
        inner.exc_state = now;
    }
}

/// The inline generator frame `frame` (the top one) yields `v`, suspended at `ip` with
/// its operands up to `sp`: its slots move into the generator, the frame is popped and `v`
/// becomes the loop's next item on the caller's stack.
///
/// # Safety
/// `frame` is the top record, a `GEN_INLINE` frame.
pub(super) unsafe fn yield_value(
    vm: &mut Vm,
    frame: *mut Frame,
    ip: *const Cell<Instr>,
    sp: *mut Value,
    v: Value,
) {
    let slot = (*frame).caller_sp;
    let genv = (*(*frame).gen).clone();
    vm.save_generator_frame(frame, ip, sp);
    leave(vm, genv.downcast::<GenObj>().unwrap_unchecked(), true);
    slot.write(v);
    let caller = vm.frames.top();
    (*caller).sp = slot.add(1);
}

/// The inline generator frame `frame` (the top one, its slots already released) returned:
/// the generator is finished, the frame is popped, and the caller's loop ends (the
/// iterator is popped and the caller jumps to the FOR_ITER's target).
///
/// # Safety
/// `frame` is the top record, a `GEN_INLINE` frame whose slots were released.
pub(super) unsafe fn finish(vm: &mut Vm, frame: *mut Frame) {
    let genv = (*(*frame).gen).clone();
    let gen = genv.downcast::<GenObj>().unwrap_unchecked();
    {
        let mut inner = gen.inner.borrow_mut();
        inner.done = true;
        inner.slots.clear();
    }
    leave(vm, gen, false);
    vm.frames.pop();
    let caller = vm.frames.top();
    let it = (*caller).sp.sub(1);
    (*caller).sp = it;
    let loop_exit = (*(*caller).ip.sub(1)).get().arg as usize;
    (*caller).set_ip_index(loop_exit);
    drop(genv);
    std::ptr::drop_in_place(it);
}

/// An exception leaves the inline generator frame `frame` (being popped by the unwinder):
/// the generator is finished and the exception is what the caller sees (PEP 479).
///
/// # Safety
/// `frame` is a live `GEN_INLINE` record.
pub(super) unsafe fn escape(
    vm: &mut Vm,
    frame: *mut Frame,
    err: crate::error::PyErr,
) -> crate::error::PyErr {
    let genv = (*(*frame).gen).clone();
    let gen = genv.downcast::<GenObj>().unwrap_unchecked();
    {
        let mut inner = gen.inner.borrow_mut();
        inner.done = true;
        inner.slots.clear();
    }
    leave(vm, gen, false);
    crate::generator::escaping(err)
}
