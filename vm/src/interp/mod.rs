//! The bytecode interpreter (tiers 0 and 1).
//!
//! Python-to-Python calls do not recurse in Rust: a CALL pushes a frame record whose
//! locals are the argument slots already on the value stack, and RETURN_VALUE pops it.
//! Only calls from Rust (builtins calling back into Python, generators being resumed,
//! module and class bodies) start a nested `run_frame`.
//!
//! - `dispatch.rs`: the loop and the instructions it runs inline;
//! - `generic.rs`: everything else, one out-of-line call per instruction;
//! - `calls.rs`: CALL through the general protocol (bound methods and plain class calls
//!   included: they too run in a frame of this loop);
//! - `unwind.rs`: raising, tracebacks and the search for handlers;
//! - `gen_inline.rs`: generators resumed by `for` loops without a nested run.

mod calls;
pub use calls::init_of_plain_class;
mod dispatch;
mod gen_inline;
mod generic;
mod unwind;

use crate::error::{PyErr, PyResult};
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    /// Runs the top frame (an entry frame) until it returns.
    pub fn run_frame(&mut self) -> PyResult<Value> {
        self.run_frame_with(None)
    }

    /// Runs the top frame; `thrown` is raised at the frame's current instruction first
    /// (`generator.throw()`).
    pub fn run_frame_with(&mut self, thrown: Option<PyErr>) -> PyResult<Value> {
        dispatch::run(self, thrown)
    }
}

/// How one instruction run for tier 2 (`step_generic`) ended.
pub enum Stepped {
    /// It completed in the same frame; the record is synced (`ip` is where it went).
    Next,
    /// Control left the frame (a callee frame was pushed, a generator frame popped, the
    /// entry frame yielded): the interpreter must take over at the top frame's record.
    Left,
    /// It raised; the record is synced at the instruction.
    Raised(PyErr),
}

/// Runs instruction `index` of the top frame `frame` (synced, its `sp` correct for the
/// instruction) in its generic form, as the interpreter would: the uop `INTERP` of tier-2
/// traces, for instructions a trace does not model itself.
///
/// # Safety
/// `frame` is the synced top record and `index` one of its code's instructions.
pub unsafe fn step_generic(vm: &mut Vm, frame: *mut crate::frame::Frame, index: usize) -> Stepped {
    let code = &*(*frame).code.ptr();
    (*frame).set_ip_index(index + 1);
    let ins = code.instrs[index].get();
    let ins = crate::bytecode::Instr {
        op: ins.op.generic(),
        ..ins
    };
    match generic::step(vm, frame, ins) {
        Ok(generic::Flow::Next) => Stepped::Next,
        Ok(generic::Flow::Return(v)) => {
            // Only yields return from a step, and traces never hold them.
            drop(v);
            Stepped::Left
        }
        Ok(_) => Stepped::Left,
        Err(e) => Stepped::Raised(e),
    }
}
