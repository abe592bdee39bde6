//! Native recursion bound: Rust code that recurses on a value's structure (comparing or
//! repr-ing nested containers) counts its depth against the recursion limit, together
//! with the Python frames, as CPython's `Py_EnterRecursiveCall` does. A self-containing
//! list compared with another then raises RecursionError instead of overflowing the stack.

use crate::error::{self, PyResult};
use crate::vm::Vm;
use std::cell::Cell;

thread_local! {
    static DEPTH: Cell<usize> = const { Cell::new(0) };
}

/// Held while one level of native recursion runs; leaving the level drops it.
pub struct Level(());

impl Drop for Level {
    fn drop(&mut self) {
        DEPTH.with(|d| d.set(d.get() - 1));
    }
}

/// Enters one level; `what` completes "maximum recursion depth exceeded" (e.g.
/// " in comparison").
pub fn enter(vm: &Vm, what: &str) -> PyResult<Level> {
    let depth = DEPTH.with(|d| d.get());
    if depth + vm.frames.len() >= vm.recursion_limit {
        return Err(error::recursion_error(format!(
            "maximum recursion depth exceeded{what}"
        )));
    }
    DEPTH.with(|d| d.set(depth + 1));
    Ok(Level(()))
}
