//! AArch64 (AAPCS64, Linux) backend.

pub mod disasm;
pub mod masm;
pub mod patch;
pub mod regs;

pub use masm::A64Masm;
