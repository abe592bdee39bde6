//! Tier 2 (not built yet; see the tier-2 issue).
//!
//! This crate will hold the trace recorder and the abstract interpreter:
//! - hot loops (detected by back-edge counters in the tier-1 interpreter) are recorded into
//!   traces of micro-ops, each micro-op defined once in a table (name, stack effect,
//!   guard/exit/escape flags) shared with the uop interpreter and both JIT backends;
//! - an abstract interpreter propagates types and constants over a trace, removes redundant
//!   guards and reference-count operations, and unboxes ints and floats;
//! - every side exit records the exact interpreter state (frame, `ip`, operand-stack
//!   contents) needed to resume in tier 1 (docs/ARCHITECTURE.md, "Tiers").
//!
//! Until then it only re-exports the VM types the later stages build on.

pub use vm::bytecode::{Code, Instr, Op};
