//! Frame records: what the interpreter (and compiled code) knows about each running
//! Python frame.
//!
//! A record is `#[repr(C)]`, 80 bytes, and lives in the frame stack: one fixed reservation
//! that never moves, so a record is written in place when a frame starts and is never
//! copied. Records own nothing: the code, the function, the globals and the class-body
//! namespace are borrowed from whoever keeps them alive while the frame runs (for a
//! Python-to-Python call, the callable slot below the arguments; for a frame started from
//! Rust, the caller of `run_frame`; for a generator, the generator object).
//!
//! Field offsets are part of the contract with compiled code (docs/ARCHITECTURE.md,
//! "The frame contract"); `tests::offsets` asserts them.

use crate::bytecode::{Code, Instr};
use crate::value::Value;
use std::alloc::{alloc, dealloc, Layout};
use std::cell::Cell;
use std::ops::Deref;
use std::rc::Rc;

/// A value held without a reference count: the record borrows it from its owner.
#[repr(transparent)]
pub struct Borrowed(u64);

impl Borrowed {
    pub const NONE: Borrowed = Borrowed(Value::NONE_BITS);
    #[inline(always)]
    pub fn of(v: &Value) -> Borrowed {
        Borrowed(v.bits())
    }
}

impl Deref for Borrowed {
    type Target = Value;
    #[inline(always)]
    fn deref(&self) -> &Value {
        // SAFETY: `Value` is a `repr(transparent)` u64; a shared reference cannot move or
        // drop it, and the owner keeps the object alive while the frame runs.
        unsafe { &*(self as *const Borrowed as *const Value) }
    }
}

/// The frame's code, borrowed (the pointer came from `Rc::as_ptr`).
#[repr(transparent)]
pub struct CodeRef(*const Code);

impl CodeRef {
    #[inline(always)]
    pub fn of(rc: &Rc<Code>) -> CodeRef {
        CodeRef(Rc::as_ptr(rc))
    }
    #[inline(always)]
    pub fn ptr(&self) -> *const Code {
        self.0
    }
    /// A counted reference (tracebacks keep the code after the frame is gone).
    pub fn rc(&self) -> Rc<Code> {
        // SAFETY: the pointer came from `Rc::as_ptr` of a live Rc, so it is an Rc
        // allocation; incrementing first makes `from_raw` produce a new owner.
        unsafe {
            Rc::increment_strong_count(self.0);
            Rc::from_raw(self.0)
        }
    }
}

impl Deref for CodeRef {
    type Target = Code;
    #[inline(always)]
    fn deref(&self) -> &Code {
        // SAFETY: the code outlives every frame running it (see the module comment).
        unsafe { &*self.0 }
    }
}

/// Frame flag: returning from this frame returns from `run_frame` to Rust.
pub const ENTRY: u32 = 1;
/// Frame flag: a generator resumed inline by FOR_ITER_GEN; yielding pushes the value on
/// the caller's stack, returning ends the caller's loop (`interp/gen_inline.rs`).
pub const GEN_INLINE: u32 = 2;
/// Frame flag: `__init__` run for a class call made by the interpreter
/// (`interp/calls.rs`): the instance waits in the caller's result slot, the return value
/// must be None, and the record owns its `func` (released when the frame is popped).
pub const INIT: u32 = 4;

/// One running frame. Offsets are fixed (compiled code reads and writes `ip` and `sp`).
#[repr(C)]
pub struct Frame {
    /// The code being run.
    pub code: CodeRef,
    /// The next instruction to run. Kept in a register while the interpreter runs this
    /// frame; written here before anything can observe it (a call out, an error, a
    /// callee frame, a side exit).
    pub ip: *const Cell<Instr>,
    /// One past the top of the operand stack (same convention as `ip`).
    pub sp: *mut Value,
    /// The first local: locals, then cells, then the operand stack.
    pub fp: *mut Value,
    /// The function being run (None for module code and exec).
    pub func: Borrowed,
    pub globals: Borrowed,
    /// Where the caller wants the result: the callable's slot. On return, the slots
    /// `[caller_sp, fp)` (callable, bound self) are released and the result is written at
    /// `caller_sp`.
    pub caller_sp: *mut Value,
    /// The generator this frame runs, or None.
    pub gen: Borrowed,
    /// Class bodies and exec: the namespace LOAD_NAME/STORE_NAME use first; else None.
    pub locals: Borrowed,
    /// `ENTRY`, `GEN_INLINE`, `INIT`.
    pub flags: u32,
    _pad: u32,
}

impl Frame {
    /// A record for `code` whose locals start at `fp`; the operand stack starts empty.
    #[inline(always)]
    pub fn new(code: CodeRef, func: Borrowed, globals: Borrowed, fp: *mut Value) -> Frame {
        let ip = code.instrs.as_ptr();
        // SAFETY: the caller reserved `frame_size` slots at `fp`.
        let sp = unsafe { fp.add(code.nlocals() + code.ncells()) };
        Frame {
            code,
            ip,
            sp,
            fp,
            func,
            globals,
            caller_sp: fp,
            gen: Borrowed::NONE,
            locals: Borrowed::NONE,
            flags: 0,
            _pad: 0,
        }
    }
    /// The same record with the caller's result slot set (Python-to-Python calls).
    #[inline(always)]
    pub fn with_caller_sp(mut self, caller_sp: *mut Value) -> Frame {
        self.caller_sp = caller_sp;
        self
    }
    /// Releases what the record owns (an INIT frame's function) when it is popped.
    #[inline]
    pub fn release_owned(&self) {
        if self.flags & INIT != 0 {
            // SAFETY: INIT records hold one reference to `func` (taken when pushed).
            drop(unsafe { Value::from_raw(self.func.bits()) });
        }
    }
    pub fn is_entry(&self) -> bool {
        self.flags & ENTRY != 0
    }
    /// Index of the next instruction.
    #[inline]
    pub fn ip_index(&self) -> usize {
        // SAFETY: `ip` points into (or one past) `code.instrs`.
        unsafe { self.ip.offset_from(self.code.instrs.as_ptr()) as usize }
    }
    pub fn set_ip_index(&mut self, i: usize) {
        self.ip = self.code.instrs[i..].as_ptr();
    }
    /// Index of the instruction being run (or that raised): `ip` has moved past it.
    pub fn current_index(&self) -> usize {
        self.ip_index().saturating_sub(1)
    }
    /// The source line of the instruction being run.
    pub fn line(&self) -> u32 {
        self.code
            .lines
            .get(self.current_index())
            .copied()
            .unwrap_or(self.code.firstlineno)
    }
    /// First operand-stack slot.
    #[inline]
    pub fn stack_base(&self) -> *mut Value {
        // SAFETY: within the frame's window.
        unsafe { self.fp.add(self.code.nlocals() + self.code.ncells()) }
    }
    /// One past the frame's window (locals, cells and the deepest operand stack): frames
    /// started from Rust while this one runs begin here, above anything it uses.
    #[inline]
    pub fn window_end(&self) -> *mut Value {
        // SAFETY: the window was reserved when the frame was pushed.
        unsafe { self.fp.add(self.code.frame_size()) }
    }
    /// Local `i` (also cells: `nlocals + j`).
    #[inline]
    pub fn slot(&self, i: usize) -> &Value {
        // SAFETY: locals and cells always hold valid values while the frame runs.
        unsafe { &*self.fp.add(i) }
    }
    /// The live operand stack, bottom first.
    pub fn operands(&self) -> &[Value] {
        // SAFETY: `[stack_base, sp)` holds valid values (the record is synced).
        unsafe {
            let b = self.stack_base();
            std::slice::from_raw_parts(b, self.sp.offset_from(b) as usize)
        }
    }
}

/// Fills a new frame's slots past the `written` arguments: UNDEF locals, fresh cells for
/// cellvars (seeded from their parameter), the closure's cells for freevars.
///
/// # Safety
/// `[fp, fp + code.frame_size())` is inside the value stack, `[fp, fp + written)` hold
/// values and the slots after them hold none (the stack invariant).
pub unsafe fn init_slots(code: &Code, func: &Value, fp: *mut Value, written: usize) {
    let nl = code.nlocals();
    for i in written..nl {
        fp.add(i).write(Value::UNDEF);
    }
    let ncell = code.cellvars.len();
    for i in 0..ncell {
        let init = match code.cell2arg[i] {
            Some(a) => std::mem::replace(&mut *fp.add(a as usize), Value::UNDEF),
            None => Value::UNDEF,
        };
        fp.add(nl + i).write(crate::types::func::new_cell(init));
    }
    if !code.freevars.is_empty() {
        let cells = func
            .downcast::<crate::types::func::FunctionObj>()
            .and_then(|f| crate::types::tuple::as_tuple(&f.closure));
        for i in 0..code.freevars.len() {
            let c = cells.and_then(|c| c.get(i)).cloned().unwrap_or(Value::NONE);
            fp.add(nl + ncell + i).write(c);
        }
    }
}

/// The stack of frame records: one reservation, never moved, committed by the OS as it is
/// touched. `end` is one past the running frame.
pub struct FrameStack {
    base: *mut Frame,
    pub(crate) end: *mut Frame,
    /// `base + min(recursion limit, capacity)`: pushing a frame here raises RecursionError.
    pub(crate) limit: *mut Frame,
    cap: usize,
}

impl FrameStack {
    pub fn new(cap: usize, recursion_limit: usize) -> FrameStack {
        let layout = Layout::array::<Frame>(cap).expect("frame stack layout");
        // SAFETY: non-zero size; records are written before they are read.
        let base = unsafe { alloc(layout) } as *mut Frame;
        if base.is_null() {
            std::alloc::handle_alloc_error(layout);
        }
        let mut s = FrameStack {
            base,
            end: base,
            limit: base,
            cap,
        };
        s.set_limit(recursion_limit);
        s
    }
    pub fn set_limit(&mut self, recursion_limit: usize) {
        // SAFETY: clamped to the reservation.
        self.limit = unsafe { self.base.add(recursion_limit.min(self.cap)) };
    }
    #[inline]
    pub fn len(&self) -> usize {
        // SAFETY: both point into the reservation.
        unsafe { self.end.offset_from(self.base) as usize }
    }
    pub fn is_empty(&self) -> bool {
        self.end == self.base
    }
    /// True when one more frame would exceed the recursion limit.
    #[inline]
    pub fn full(&self) -> bool {
        self.end >= self.limit
    }
    /// Writes `f` as the new top frame (the caller checked `full`).
    #[inline]
    pub fn push(&mut self, f: Frame) -> *mut Frame {
        debug_assert!(!self.full());
        let p = self.end;
        // SAFETY: below `limit`, within the reservation.
        unsafe {
            p.write(f);
            self.end = p.add(1);
        }
        p
    }
    /// Drops the top record (it owns nothing, so this is just a move of `end`).
    #[inline]
    pub fn pop(&mut self) {
        debug_assert!(!self.is_empty());
        // SAFETY: not empty.
        self.end = unsafe { self.end.sub(1) };
    }
    /// Records above `top` go (tier 2: inlined frames materialized for one instruction).
    #[inline]
    pub fn truncate_to(&mut self, top: *mut Frame) {
        debug_assert!(top >= self.base && top < self.end);
        // SAFETY: `top` is one of the records.
        self.end = unsafe { top.add(1) };
    }
    /// One past the deepest record allowed (the recursion limit).
    #[inline]
    pub fn limit(&self) -> usize {
        // SAFETY: both point into the reservation.
        unsafe { self.limit.offset_from(self.base) as usize }
    }
    /// The running frame.
    #[inline]
    pub fn top(&self) -> *mut Frame {
        debug_assert!(!self.is_empty());
        // SAFETY: not empty.
        unsafe { self.end.sub(1) }
    }
    pub fn last(&self) -> Option<&Frame> {
        self.deref().last()
    }
    pub fn last_mut(&mut self) -> Option<&mut Frame> {
        // SAFETY: `[base, end)` are written records; `&mut self` is unique.
        unsafe { std::slice::from_raw_parts_mut(self.base, self.len()) }.last_mut()
    }
}

impl Deref for FrameStack {
    type Target = [Frame];
    fn deref(&self) -> &[Frame] {
        // SAFETY: `[base, end)` are written records.
        unsafe { std::slice::from_raw_parts(self.base, self.len()) }
    }
}

impl Drop for FrameStack {
    fn drop(&mut self) {
        // SAFETY: records own nothing; free the reservation.
        unsafe {
            dealloc(
                self.base as *mut u8,
                Layout::array::<Frame>(self.cap).unwrap(),
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::mem::{offset_of, size_of};

    /// The layout compiled code relies on (docs/ARCHITECTURE.md, "The frame contract").
    #[test]
    fn offsets() {
        assert_eq!(offset_of!(Frame, code), 0);
        assert_eq!(offset_of!(Frame, ip), 8);
        assert_eq!(offset_of!(Frame, sp), 16);
        assert_eq!(offset_of!(Frame, fp), 24);
        assert_eq!(offset_of!(Frame, func), 32);
        assert_eq!(offset_of!(Frame, globals), 40);
        assert_eq!(offset_of!(Frame, caller_sp), 48);
        assert_eq!(offset_of!(Frame, gen), 56);
        assert_eq!(offset_of!(Frame, locals), 64);
        assert_eq!(offset_of!(Frame, flags), 72);
        assert_eq!(size_of::<Frame>(), 80);
        assert_eq!(size_of::<Instr>(), 8);
    }
}
