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
