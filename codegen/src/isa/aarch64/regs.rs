//! AArch64 registers under AAPCS64. x16/x17 (the intra-procedure-call scratch registers)
//! and d31 are the backend's scratch; x18 (platform), x29 (frame pointer), x30 (link) and
//! sp are never allocated. d8-d15 are callee-saved (their low 64 bits, all we use).

use crate::masm::{FReg, Reg};
use crate::regs::{mask, RegSet, RegTables};

macro_rules! regs {
    ($ty:ident; $($n:expr),*) => { &[$($ty($n)),*] };
}

pub static TABLES: RegTables = RegTables {
    sp: Reg(31),
    fp: Reg(29),
    scratch_gp: [Reg(16), Reg(17)],
    scratch_fp: FReg(31),
    allocatable_gp: regs!(Reg; 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
                          19, 20, 21, 22, 23, 24, 25, 26, 27, 28),
    allocatable_fp: regs!(FReg; 0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26,
                          27, 28, 29, 30, 8, 9, 10, 11, 12, 13, 14, 15),
    caller_saved: RegSet::from_masks(0xFFFF, 0x7FFF_00FF),
    callee_saved: RegSet::from_masks(mask(&[19, 20, 21, 22, 23, 24, 25, 26, 27, 28]), 0xFF00),
    arg_gp: regs!(Reg; 0, 1, 2, 3, 4, 5, 6, 7),
    arg_fp: regs!(FReg; 0, 1, 2, 3, 4, 5, 6, 7),
    ret_gp: Reg(0),
    ret_fp: FReg(0),
    gp_names: &[
        "x0", "x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9", "x10", "x11", "x12", "x13",
        "x14", "x15", "x16", "x17", "x18", "x19", "x20", "x21", "x22", "x23", "x24", "x25", "x26",
        "x27", "x28", "x29", "x30", "sp",
    ],
};
