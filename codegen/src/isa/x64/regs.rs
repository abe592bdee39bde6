//! x86-64 registers under the System V ABI. r10/r11 and xmm15 are the backend's scratch
//! registers; rsp and rbp (the frame-pointer chain) are never allocated.

use crate::masm::{FReg, Reg};
use crate::regs::{mask, RegSet, RegTables};

pub const RAX: Reg = Reg(0);
pub const RCX: Reg = Reg(1);
pub const RDX: Reg = Reg(2);
pub const RBX: Reg = Reg(3);
pub const RSP: Reg = Reg(4);
pub const RBP: Reg = Reg(5);
pub const RSI: Reg = Reg(6);
pub const RDI: Reg = Reg(7);
pub const R8: Reg = Reg(8);
pub const R9: Reg = Reg(9);
pub const R10: Reg = Reg(10);
pub const R11: Reg = Reg(11);
pub const R12: Reg = Reg(12);
pub const R13: Reg = Reg(13);
pub const R14: Reg = Reg(14);
pub const R15: Reg = Reg(15);
pub const XMM15: FReg = FReg(15);

pub static TABLES: RegTables = RegTables {
    sp: RSP,
    fp: RBP,
    scratch_gp: [R11, R10],
    scratch_fp: XMM15,
    allocatable_gp: &[RAX, RCX, RDX, RSI, RDI, R8, R9, RBX, R12, R13, R14, R15],
    allocatable_fp: &[
        FReg(0),
        FReg(1),
        FReg(2),
        FReg(3),
        FReg(4),
        FReg(5),
        FReg(6),
        FReg(7),
        FReg(8),
        FReg(9),
        FReg(10),
        FReg(11),
        FReg(12),
        FReg(13),
        FReg(14),
    ],
    caller_saved: RegSet::from_masks(mask(&[0, 1, 2, 6, 7, 8, 9]), 0x7FFF),
    callee_saved: RegSet::from_masks(mask(&[3, 12, 13, 14, 15]), 0),
    arg_gp: &[RDI, RSI, RDX, RCX, R8, R9],
    arg_fp: &[
        FReg(0),
        FReg(1),
        FReg(2),
        FReg(3),
        FReg(4),
        FReg(5),
        FReg(6),
        FReg(7),
    ],
    ret_gp: RAX,
    ret_fp: FReg(0),
    gp_names: &[
        "rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi", "r8", "r9", "r10", "r11", "r12",
        "r13", "r14", "r15",
    ],
};
