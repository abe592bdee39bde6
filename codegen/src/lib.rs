//! The baseline JIT (not built yet; see the JIT issue).
//!
//! This crate will lower optimized tier-2 traces to machine code: regalloc2 assigns
//! registers to trace values, operand-stack slots are cached in registers and written back
//! to the frame's value-stack slots only at side exits and calls, and x86-64 and AArch64 are
//! emitted with dynasmrt below one `MacroAssembler`-style trait. Code pages are mapped
//! writable, filled, then flipped to read+execute: never both at once.
