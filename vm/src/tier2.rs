//! The interpreter's side of tier 2: how hot loops are handed to the trace recorder and
//! how compiled traces (executors) are entered. The recorder, the optimizer and the
//! executors themselves live in the `optimizer` (and later `codegen`) crates, which the
//! binary installs as `Vm::tier2`; the VM only knows this interface.
//!
//! - A loop back edge whose counter reaches zero calls `Tier2::hot_loop` with the frame
//!   (synced, `ip` at the loop header). If the header already has an executor, the
//!   interpreter runs it instead, and keeps the back edge's counter at 1 so every later
//!   iteration enters it too (no cost for loops without one).
//! - `Hot::Record` switches the dispatch loop to its recording instantiation, which calls
//!   `Tier2::record` before each instruction until the recorder says `Stop` (the loop closed
//!   and an executor was installed, or recording was abandoned).
//! - An executor runs with the frame record synced and leaves it synced at the point
//!   where the interpreter resumes (a side exit may leave inlined frames materialized
//!   above it): the interpreter reloads the top frame afterwards.

use crate::error::PyErr;
use crate::frame::Frame;
use crate::vm::Vm;
use std::rc::Rc;

/// What the interpreter does after `Tier2::hot_loop`.
pub enum Hot {
    /// Keep interpreting.
    Continue,
    /// Switch to recording from the loop header (the frame's `ip`).
    Record,
}

/// What the recording dispatch loop does after `Tier2::record`.
pub enum Rec {
    /// Run the instruction and keep recording.
    Continue,
    /// Stop recording (run the instruction without recording).
    Stop,
}

/// Why an executor returned to the interpreter.
pub enum Exit {
    /// Resume at the top frame's record (a side exit or the loop's exit).
    Resume,
    /// Raise this error at the top frame's record (an operation in the trace failed).
    Raise(PyErr),
    /// Resume at the top frame's record, recording (a hot side exit: tier 2 was told where,
    /// and records a side trace from there).
    Record,
}

/// A compiled trace, entered at a loop header.
pub trait Executor {
    /// Runs the trace on `frame` (the top frame, synced, `ip` at the loop header).
    ///
    /// # Safety
    /// `frame` is the synced top record.
    unsafe fn execute(&self, vm: &mut Vm, frame: *mut Frame) -> Exit;
}

/// The recorder and optimizer, installed by the binary (`-X jit=uops|on`).
pub trait Tier2 {
    /// A back edge reached its hot threshold; `frame.ip` is the loop header and `jump` the
    /// index of the back-edge instruction.
    fn hot_loop(&mut self, vm: &mut Vm, frame: *mut Frame, jump: usize) -> Hot;
    /// Recording: the next instruction of the top frame `frame` (synced) is about to run.
    fn record(&mut self, vm: &mut Vm, frame: *mut Frame) -> Rec;
    /// The recording dispatch loop is being left (the entry frame returned or raised):
    /// recording is abandoned.
    fn leave(&mut self, vm: &mut Vm);
    /// The `--stats` report; `interpreted` counts the instructions the interpreter ran.
    fn report(&self, interpreted: u64) -> String;
}

/// The executor installed at the loop header `ip` of `code`, if any.
pub fn executor_at(code: &crate::bytecode::Code, ip: usize) -> Option<Rc<dyn Executor>> {
    code.executors
        .borrow()
        .iter()
        .find(|(at, _)| *at as usize == ip)
        .map(|(_, e)| e.clone())
}

/// Installs `e` at the loop header `ip` of `code` (replacing any earlier one), and makes
/// the back edge `jump` (the instruction holding the counter: for a fused
/// COMPARE_OP_*_JUMP, the POP_JUMP after it) enter it on its next iteration.
pub fn install(code: &crate::bytecode::Code, ip: usize, jump: usize, e: Rc<dyn Executor>) {
    let mut ex = code.executors.borrow_mut();
    ex.retain(|(at, _)| *at as usize != ip);
    ex.push((ip as u32, e));
    set_backedge_counter(code, jump, 1);
}

/// Sets the hotness counter of the back edge at `jump`.
pub fn set_backedge_counter(code: &crate::bytecode::Code, jump: usize, n: u16) {
    if let Some(c) = code.instrs.get(jump) {
        c.set(crate::bytecode::Instr {
            cache: n,
            ..c.get()
        });
    }
}

/// Removes every executor of `code` (invalidation), restoring its back edges' counters.
pub fn clear(code: &crate::bytecode::Code, threshold: u16) {
    code.executors.borrow_mut().clear();
    for (i, c) in code.instrs.iter().enumerate() {
        let ins = c.get();
        if crate::bytecode::is_back_edge(ins.op) {
            set_backedge_counter(code, i, threshold);
        }
    }
}
