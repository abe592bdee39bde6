//! The JIT backend: an ISA-neutral `MacroAssembler` trait (`masm`) with x86-64 and AArch64
//! implementations (`isa/`), the platform call ABI written once above it (`abi`), register
//! tables for regalloc2 (`regs`), a W^X code arena (`arena`) and deterministic disassembly
//! listings for review and snapshots (`listing`).
//!
//! Still to come (see the JIT issue): lowering optimized tier-2 traces to regalloc2
//! functions and emitting them through the trait, side-exit stubs, trace linking.

pub mod abi;
pub mod arena;
pub mod isa;
pub mod listing;
pub mod masm;
pub mod regs;
pub mod runtime;

pub use arena::{CodeArena, CodeHandle};
pub use masm::MacroAssembler;

use std::fmt;

/// The instruction sets the backend emits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Isa {
    X64,
    Aarch64,
}

impl Isa {
    /// The machine this process runs on, if the JIT supports it.
    pub fn host() -> Option<Isa> {
        if cfg!(target_arch = "x86_64") {
            Some(Isa::X64)
        } else if cfg!(target_arch = "aarch64") {
            Some(Isa::Aarch64)
        } else {
            None
        }
    }

    /// A fresh assembler for this ISA (both are available on every host).
    pub fn assembler(self) -> Box<dyn MacroAssembler> {
        match self {
            Isa::X64 => Box::new(isa::x64::X64Masm::new()),
            Isa::Aarch64 => Box::new(isa::aarch64::A64Masm::new()),
        }
    }

    pub fn regs(self) -> &'static regs::RegTables {
        match self {
            Isa::X64 => &isa::x64::regs::TABLES,
            Isa::Aarch64 => &isa::aarch64::regs::TABLES,
        }
    }
}

/// Assembled machine code, position-independent (jumps are relative, absolute addresses
/// are immediates), with what listings need to name things.
#[derive(Clone, Debug)]
pub struct Assembled {
    pub isa: Isa,
    pub code: Vec<u8>,
    pub notes: Notes,
}

/// Listing metadata collected while assembling.
#[derive(Clone, Debug, Default)]
pub struct Notes {
    /// Offset of each label by id (`None`: never bound).
    pub labels: Vec<Option<usize>>,
    /// (offset, text) in emission order.
    pub comments: Vec<(usize, String)>,
    /// Offsets of patchable jumps.
    pub patch_sites: Vec<usize>,
    /// Absolute addresses the code refers to, with their names (helpers).
    pub symbols: Vec<(u64, &'static str)>,
}

#[derive(Debug, PartialEq, Eq)]
pub enum CodegenError {
    /// The code arena has no room left for `requested` bytes.
    ArenaFull {
        requested: usize,
        used: usize,
        cap: usize,
    },
    /// mmap/mprotect failed.
    Os { call: &'static str, errno: i32 },
    /// The assembler rejected the code (a label used but never bound, a jump out of range).
    Assembler(String),
    /// A patched jump cannot reach its target from where it is.
    OutOfRange { from: u64, to: u64 },
}

impl fmt::Display for CodegenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CodegenError::ArenaFull {
                requested,
                used,
                cap,
            } => write!(
                f,
                "JIT code arena full: {requested} more bytes requested, {used} of {cap} in use"
            ),
            CodegenError::Os { call, errno } => {
                write!(
                    f,
                    "{call} failed: {}",
                    std::io::Error::from_raw_os_error(*errno)
                )
            }
            CodegenError::Assembler(e) => write!(f, "assembler error: {e}"),
            CodegenError::OutOfRange { from, to } => {
                write!(f, "jump at {from:#x} cannot reach {to:#x}")
            }
        }
    }
}

impl std::error::Error for CodegenError {}
