//! x86-64 (System V ABI) backend.

pub mod disasm;
pub mod masm;
pub mod patch;
pub mod regs;

pub use masm::X64Masm;
