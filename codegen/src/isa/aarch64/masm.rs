//! `MacroAssembler` for AArch64 (AAPCS64) with dynasmrt. x16/x17 (IP0/IP1) and d31 are
//! scratch; x17 alone is used to form addresses, so `store` keeps x16 intact. Immediates
//! that do not fit an instruction's field go through a scratch register (dynasmrt panics on
//! out-of-range dynamic immediates, so every field is range-checked here first).

// dynasm's expansion converts dynamic register numbers with `.into()`.
#![allow(clippy::useless_conversion)]

use super::regs::TABLES;
use crate::isa::{emitter_methods, Emitter};
use crate::masm::*;
use crate::Isa;
use dynasmrt::aarch64::{
    encode_floating_point_immediate, encode_logical_immediate_64bit, Aarch64Relocation,
};
use dynasmrt::{dynasm, DynasmApi, DynasmLabelApi};
use vm::value::{Value, CANON_NAN, FLOAT_OFFSET, TAG_INT, TAG_SHIFT, TAG_SPECIAL};

/// Bit 48: the tag of None, the bools and UNDEF (a logical immediate).
const SPECIAL: u64 = TAG_SPECIAL << TAG_SHIFT;
// `branch_tag` tests None as "the word XOR its tag is 0".
const _: () = assert!(Value::NONE_BITS == SPECIAL);
/// The top 16 bits, which are also the small-int tag in place (a logical immediate).
const TAG_BITS: u64 = TAG_INT << TAG_SHIFT;

macro_rules! a64 {
    ($ops:expr; $($t:tt)*) => { dynasm!($ops ; .arch aarch64 ; $($t)*) };
}

/// Emits `pre <cond> post` for a runtime-chosen condition (dynasm takes it as a literal).
macro_rules! with_cond {
    ($s:ident, $cc:expr, [$($pre:tt)*], [$($post:tt)*]) => {
        match $cc {
            Cond::Eq => a64!($s.e.ops; $($pre)* eq $($post)*),
            Cond::Ne => a64!($s.e.ops; $($pre)* ne $($post)*),
            Cond::Lt => a64!($s.e.ops; $($pre)* lt $($post)*),
            Cond::Le => a64!($s.e.ops; $($pre)* le $($post)*),
            Cond::Gt => a64!($s.e.ops; $($pre)* gt $($post)*),
            Cond::Ge => a64!($s.e.ops; $($pre)* ge $($post)*),
            Cond::Lo => a64!($s.e.ops; $($pre)* lo $($post)*),
            Cond::Ls => a64!($s.e.ops; $($pre)* ls $($post)*),
            Cond::Hi => a64!($s.e.ops; $($pre)* hi $($post)*),
            Cond::Hs => a64!($s.e.ops; $($pre)* hs $($post)*),
            Cond::Mi => a64!($s.e.ops; $($pre)* mi $($post)*),
            Cond::Pl => a64!($s.e.ops; $($pre)* pl $($post)*),
            Cond::Vs => a64!($s.e.ops; $($pre)* vs $($post)*),
        }
    };
}

#[derive(Clone, Copy)]
enum Cond {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Lo,
    Ls,
    Hi,
    Hs,
    Mi,
    Pl,
    Vs,
}

fn int_cond(cc: IntCC) -> Cond {
    match cc {
        IntCC::Eq => Cond::Eq,
        IntCC::Ne => Cond::Ne,
        IntCC::SLt => Cond::Lt,
        IntCC::SLe => Cond::Le,
        IntCC::SGt => Cond::Gt,
        IntCC::SGe => Cond::Ge,
        IntCC::ULt => Cond::Lo,
        IntCC::ULe => Cond::Ls,
        IntCC::UGt => Cond::Hi,
        IntCC::UGe => Cond::Hs,
    }
}

/// After `fcmp`, unordered sets C and V: these conditions are false on NaN for the ordered
/// comparisons and true for their negations.
fn float_cond(cc: FloatCC) -> Cond {
    match cc {
        FloatCC::Eq => Cond::Eq,
        FloatCC::Ne => Cond::Ne,
        FloatCC::Lt => Cond::Mi,
        FloatCC::Le => Cond::Ls,
        FloatCC::Gt => Cond::Gt,
        FloatCC::Ge => Cond::Ge,
        FloatCC::NotLt => Cond::Pl,
        FloatCC::NotLe => Cond::Hi,
        FloatCC::NotGt => Cond::Le,
        FloatCC::NotGe => Cond::Lt,
    }
}

/// Which load/store.
#[derive(Clone, Copy, PartialEq)]
enum Access {
    LoadX,
    LoadW,
    LoadB,
    StoreX,
    LoadD,
    StoreD,
}

impl Access {
    fn size(self) -> i32 {
        match self {
            Access::LoadW => 4,
            Access::LoadB => 1,
            _ => 8,
        }
    }
}

#[derive(Clone, Copy)]
enum WideMove {
    Z,
    N,
    K,
}

/// Data-processing operations with a register or a (maybe too wide) immediate.
#[derive(Clone, Copy, PartialEq)]
enum Alu {
    Add,
    Sub,
    Adds,
    Subs,
}

pub struct A64Masm {
    e: Emitter<Aarch64Relocation>,
    /// Bytes below the frame record: spill slots, then saved registers.
    frame_size: u32,
    spill_slots: u32,
    saved_gp: Vec<Reg>,
    saved_fp: Vec<FReg>,
}

impl Default for A64Masm {
    fn default() -> Self {
        Self::new()
    }
}

const X16: u8 = 16;
const X17: u8 = 17;

impl A64Masm {
    pub fn new() -> A64Masm {
        A64Masm {
            e: Emitter::new(),
            frame_size: 0,
            spill_slots: 0,
            saved_gp: vec![],
            saved_fp: vec![],
        }
    }

    /// `op X(d), #chunk, lsl #(16 * i)` for op = movz/movn/movk (the shift is a literal).
    fn wide_move(&mut self, op: WideMove, d: u8, chunk: u32, i: u32) {
        macro_rules! at {
            ($op:ident) => {
                match i {
                    0 => a64!(self.e.ops; $op X(d), #chunk),
                    1 => a64!(self.e.ops; $op X(d), #chunk, lsl #16),
                    2 => a64!(self.e.ops; $op X(d), #chunk, lsl #32),
                    _ => a64!(self.e.ops; $op X(d), #chunk, lsl #48),
                }
            };
        }
        match op {
            WideMove::Z => at!(movz),
            WideMove::N => at!(movn),
            WideMove::K => at!(movk),
        }
    }
    fn movz(&mut self, d: u8, chunk: u32, i: u32) {
        self.wide_move(WideMove::Z, d, chunk, i);
    }

    /// A 64-bit constant in as few movz/movn/movk as its 16-bit chunks need.
    fn load_const(&mut self, d: u8, imm: u64) {
        let chunks: Vec<u32> = (0..4)
            .map(|i| ((imm >> (16 * i)) & 0xFFFF) as u32)
            .collect();
        let ones = chunks.iter().filter(|&&c| c == 0xFFFF).count();
        let zeros = chunks.iter().filter(|&&c| c == 0).count();
        let (fill, inverted) = if ones > zeros {
            (0xFFFF, true)
        } else {
            (0, false)
        };
        let mut first = true;
        for (i, &c) in chunks.iter().enumerate() {
            if c == fill {
                continue;
            }
            if first {
                if inverted {
                    self.wide_move(WideMove::N, d, !c & 0xFFFF, i as u32);
                } else {
                    self.movz(d, c, i as u32);
                }
                first = false;
            } else {
                self.wide_move(WideMove::K, d, c, i as u32);
            }
        }
        if first {
            // Every chunk is the fill: 0 or all ones.
            if inverted {
                self.wide_move(WideMove::N, d, 0, 0);
            } else {
                self.movz(d, 0, 0);
            }
        }
    }

    /// `[base, #off]` scaled, `[base, #off]` unscaled (ldur), or `[base, x17]`.
    fn access(&mut self, acc: Access, r: u8, m: Mem) {
        let (b, off, size) = (m.base.0, m.offset, acc.size());
        if off >= 0 && off % size == 0 && off / size < 4096 {
            let o = off as u32;
            match acc {
                Access::LoadX => a64!(self.e.ops; ldr X(r), [XSP(b), #o]),
                Access::LoadW => a64!(self.e.ops; ldr W(r), [XSP(b), #o]),
                Access::LoadB => a64!(self.e.ops; ldrb W(r), [XSP(b), #o]),
                Access::StoreX => a64!(self.e.ops; str X(r), [XSP(b), #o]),
                Access::LoadD => a64!(self.e.ops; ldr D(r), [XSP(b), #o]),
                Access::StoreD => a64!(self.e.ops; str D(r), [XSP(b), #o]),
            }
        } else if (-256..256).contains(&off) {
            match acc {
                Access::LoadX => a64!(self.e.ops; ldur X(r), [XSP(b), #off]),
                Access::LoadW => a64!(self.e.ops; ldur W(r), [XSP(b), #off]),
                Access::LoadB => a64!(self.e.ops; ldurb W(r), [XSP(b), #off]),
                Access::StoreX => a64!(self.e.ops; stur X(r), [XSP(b), #off]),
                Access::LoadD => a64!(self.e.ops; ldur D(r), [XSP(b), #off]),
                Access::StoreD => a64!(self.e.ops; stur D(r), [XSP(b), #off]),
            }
        } else {
            self.load_const(X17, off as i64 as u64);
            match acc {
                Access::LoadX => a64!(self.e.ops; ldr X(r), [XSP(b), X(X17)]),
                Access::LoadW => a64!(self.e.ops; ldr W(r), [XSP(b), X(X17)]),
                Access::LoadB => a64!(self.e.ops; ldrb W(r), [XSP(b), X(X17)]),
                Access::StoreX => a64!(self.e.ops; str X(r), [XSP(b), X(X17)]),
                Access::LoadD => a64!(self.e.ops; ldr D(r), [XSP(b), X(X17)]),
                Access::StoreD => a64!(self.e.ops; str D(r), [XSP(b), X(X17)]),
            }
        }
    }

    /// d = a OP b for add/sub(-setting-flags), folding a 12-bit immediate (either sign);
    /// a wider one goes through x17.
    fn alu(&mut self, op: Alu, d: u8, a: u8, b: RegImm) {
        let (op, b) = match b {
            RegImm::Imm(i) if i < 0 && i > -4096 => {
                let flipped = match op {
                    Alu::Add => Alu::Sub,
                    Alu::Sub => Alu::Add,
                    Alu::Adds => Alu::Subs,
                    Alu::Subs => Alu::Adds,
                };
                (flipped, RegImm::Imm(-i))
            }
            other => (op, other),
        };
        match b {
            RegImm::Imm(i) if (0..4096).contains(&i) => {
                let i = i as u32;
                match op {
                    Alu::Add => a64!(self.e.ops; add XSP(d), XSP(a), #i),
                    Alu::Sub => a64!(self.e.ops; sub XSP(d), XSP(a), #i),
                    Alu::Adds => a64!(self.e.ops; adds X(d), XSP(a), #i),
                    Alu::Subs => a64!(self.e.ops; subs X(d), XSP(a), #i),
                }
            }
            RegImm::Imm(i) => {
                self.load_const(X17, i as i64 as u64);
                self.alu(op, d, a, RegImm::Reg(Reg(X17)));
            }
            RegImm::Reg(Reg(r)) => match op {
                Alu::Add => a64!(self.e.ops; add X(d), X(a), X(r)),
                Alu::Sub => a64!(self.e.ops; sub X(d), X(a), X(r)),
                Alu::Adds => a64!(self.e.ops; adds X(d), X(a), X(r)),
                Alu::Subs => a64!(self.e.ops; subs X(d), X(a), X(r)),
            },
        }
    }

    /// The register holding `b`: itself, or x17 loaded with the immediate.
    fn reg_of(&mut self, b: RegImm) -> u8 {
        match b {
            RegImm::Reg(r) => r.0,
            RegImm::Imm(i) => {
                self.load_const(X17, i as i64 as u64);
                X17
            }
        }
    }

    fn cmp(&mut self, a: Reg, b: RegImm) {
        match b {
            RegImm::Imm(i) if (0..4096).contains(&i) => {
                let u = i as u32;
                a64!(self.e.ops; cmp XSP(a.0), #u)
            }
            RegImm::Imm(i) if i < 0 && i > -4096 => {
                let u = (-i) as u32;
                a64!(self.e.ops; cmn XSP(a.0), #u)
            }
            _ => {
                let r = self.reg_of(b);
                a64!(self.e.ops; cmp X(a.0), X(r));
            }
        }
    }

    /// Compares `src >> 48` (arithmetic, in x16) with -1: equal exactly when `src` has the
    /// small-int tag.
    fn cmp_int_tag(&mut self, src: u8) {
        a64!(self.e.ops; asr X(X16), X(src), #TAG_SHIFT ; cmn XSP(X16), #1);
    }

    fn bcond(&mut self, c: Cond, target: Label) {
        let l = self.e.dl(target);
        with_cond!(self, c, [b.], [=>l]);
    }
}

/// d = a OP b for the logical operations, folding encodable bitmask immediates.
macro_rules! logical {
    ($s:ident, $op:ident, $d:expr, $a:expr, $b:expr) => {{
        let (d, a) = ($d.0, $a.0);
        match $b {
            RegImm::Imm(i) if encode_logical_immediate_64bit(i as i64 as u64).is_some() => {
                a64!($s.e.ops; $op XSP(d), X(a), #(i as i64 as u64))
            }
            b => {
                let r = $s.reg_of(b);
                a64!($s.e.ops; $op X(d), X(a), X(r))
            }
        }
    }};
}

macro_rules! shift {
    ($s:ident, $op:ident, $d:expr, $a:expr, $amount:expr) => {{
        let (d, a) = ($d.0, $a.0);
        match $amount {
            RegImm::Imm(i) => a64!($s.e.ops; $op X(d), X(a), #((i & 63) as u32)),
            RegImm::Reg(n) => a64!($s.e.ops; $op X(d), X(a), X(n.0)),
        }
    }};
}

impl MacroAssembler for A64Masm {
    emitter_methods!(Isa::Aarch64, TABLES);

    fn prologue(&mut self, frame: &FrameLayout) {
        self.adopt_frame(frame);
        a64!(self.e.ops; stp x29, x30, [sp, #-16]! ; mov x29, sp);
        self.adjust_sp(-(self.frame_size as i32));
        let sp = TABLES.sp;
        for (k, r) in self.saved_gp.clone().into_iter().enumerate() {
            self.access(
                Access::StoreX,
                r.0,
                Mem::new(sp, 8 * (self.spill_slots as i32 + k as i32)),
            );
        }
        let base = self.spill_slots as i32 + self.saved_gp.len() as i32;
        for (k, f) in self.saved_fp.clone().into_iter().enumerate() {
            self.access(Access::StoreD, f.0, Mem::new(sp, 8 * (base + k as i32)));
        }
    }
    fn adopt_frame(&mut self, frame: &FrameLayout) {
        self.saved_gp = frame.saved.gp_regs().collect();
        self.saved_fp = frame.saved.fp_regs().collect();
        self.spill_slots = frame.spill_slots;
        let words = frame.spill_slots as usize + self.saved_gp.len() + self.saved_fp.len();
        self.frame_size = ((8 * words).div_ceil(16) * 16) as u32;
    }
    fn epilogue(&mut self) {
        let sp = TABLES.sp;
        for (k, r) in self.saved_gp.clone().into_iter().enumerate() {
            self.access(
                Access::LoadX,
                r.0,
                Mem::new(sp, 8 * (self.spill_slots as i32 + k as i32)),
            );
        }
        let base = self.spill_slots as i32 + self.saved_gp.len() as i32;
        for (k, f) in self.saved_fp.clone().into_iter().enumerate() {
            self.access(Access::LoadD, f.0, Mem::new(sp, 8 * (base + k as i32)));
        }
        a64!(self.e.ops; mov sp, x29 ; ldp x29, x30, [sp], #16 ; ret);
    }
    fn spill_slot(&self, i: u32) -> Mem {
        Mem::new(TABLES.sp, 8 * i as i32)
    }

    fn mov(&mut self, dst: Reg, src: Reg) {
        if dst != src {
            a64!(self.e.ops; mov X(dst.0), X(src.0));
        }
    }
    fn mov_imm(&mut self, dst: Reg, imm: u64) {
        self.load_const(dst.0, imm);
    }
    fn load(&mut self, dst: Reg, src: Mem) {
        self.access(Access::LoadX, dst.0, src);
    }
    fn load_u32(&mut self, dst: Reg, src: Mem) {
        self.access(Access::LoadW, dst.0, src);
    }
    fn load_u8(&mut self, dst: Reg, src: Mem) {
        self.access(Access::LoadB, dst.0, src);
    }
    fn store(&mut self, src: Reg, dst: Mem) {
        self.access(Access::StoreX, src.0, dst);
    }
    fn store_imm(&mut self, imm: u64, dst: Mem) {
        if imm == 0 {
            self.access(Access::StoreX, 31, dst); // xzr
        } else {
            self.load_const(X16, imm);
            self.access(Access::StoreX, X16, dst);
        }
    }
    fn fmov(&mut self, dst: FReg, src: FReg) {
        if dst != src {
            a64!(self.e.ops; fmov D(dst.0), D(src.0));
        }
    }
    fn fmov_imm(&mut self, dst: FReg, imm: f64) {
        let narrow = imm as f32;
        match encode_floating_point_immediate(narrow) {
            Some(_) if narrow as f64 == imm => a64!(self.e.ops; fmov D(dst.0), #narrow),
            _ if imm.to_bits() == 0 => a64!(self.e.ops; fmov D(dst.0), xzr),
            _ => {
                self.load_const(X16, imm.to_bits());
                a64!(self.e.ops; fmov D(dst.0), X(X16));
            }
        }
    }
    fn fload(&mut self, dst: FReg, src: Mem) {
        self.access(Access::LoadD, dst.0, src);
    }
    fn fstore(&mut self, src: FReg, dst: Mem) {
        self.access(Access::StoreD, src.0, dst);
    }
    fn mov_gp_to_fp(&mut self, dst: FReg, src: Reg) {
        a64!(self.e.ops; fmov D(dst.0), X(src.0));
    }
    fn mov_fp_to_gp(&mut self, dst: Reg, src: FReg) {
        a64!(self.e.ops; fmov X(dst.0), D(src.0));
    }

    fn add(&mut self, dst: Reg, a: Reg, b: RegImm) {
        self.alu(Alu::Add, dst.0, a.0, b);
    }
    fn sub(&mut self, dst: Reg, a: Reg, b: RegImm) {
        self.alu(Alu::Sub, dst.0, a.0, b);
    }
    fn mul(&mut self, dst: Reg, a: Reg, b: Reg) {
        a64!(self.e.ops; mul X(dst.0), X(a.0), X(b.0));
    }
    fn and(&mut self, dst: Reg, a: Reg, b: RegImm) {
        logical!(self, and, dst, a, b)
    }
    fn or(&mut self, dst: Reg, a: Reg, b: RegImm) {
        logical!(self, orr, dst, a, b)
    }
    fn xor(&mut self, dst: Reg, a: Reg, b: RegImm) {
        logical!(self, eor, dst, a, b)
    }
    fn shl(&mut self, dst: Reg, a: Reg, amount: RegImm) {
        shift!(self, lsl, dst, a, amount)
    }
    fn sar(&mut self, dst: Reg, a: Reg, amount: RegImm) {
        shift!(self, asr, dst, a, amount)
    }
    fn shr(&mut self, dst: Reg, a: Reg, amount: RegImm) {
        shift!(self, lsr, dst, a, amount)
    }
    fn add_overflow(&mut self, dst: Reg, a: Reg, b: RegImm, overflow: Label) {
        self.alu(Alu::Adds, X16, a.0, b);
        self.bcond(Cond::Vs, overflow);
        a64!(self.e.ops; mov X(dst.0), X(X16));
    }
    fn sub_overflow(&mut self, dst: Reg, a: Reg, b: RegImm, overflow: Label) {
        self.alu(Alu::Subs, X16, a.0, b);
        self.bcond(Cond::Vs, overflow);
        a64!(self.e.ops; mov X(dst.0), X(X16));
    }
    fn mul_overflow(&mut self, dst: Reg, a: Reg, b: Reg, overflow: Label) {
        // The product fits iff its high half is the sign extension of its low half.
        a64!(self.e.ops
            ; mul X(X16), X(a.0), X(b.0)
            ; smulh X(X17), X(a.0), X(b.0)
            ; cmp X(X17), X(X16), asr #63
        );
        self.bcond(Cond::Ne, overflow);
        a64!(self.e.ops; mov X(dst.0), X(X16));
    }

    fn jump(&mut self, target: Label) {
        let l = self.e.dl(target);
        a64!(self.e.ops; b =>l);
    }
    fn branch_cmp(&mut self, cc: IntCC, a: Reg, b: RegImm, target: Label) {
        self.cmp(a, b);
        self.bcond(int_cond(cc), target);
    }
    fn cmp_set(&mut self, cc: IntCC, dst: Reg, a: Reg, b: RegImm) {
        self.cmp(a, b);
        let d = dst.0;
        with_cond!(self, int_cond(cc), [cset X(d),], []);
    }
    fn branch_fcmp(&mut self, cc: FloatCC, a: FReg, b: FReg, target: Label) {
        a64!(self.e.ops; fcmp D(a.0), D(b.0));
        self.bcond(float_cond(cc), target);
    }
    fn fcmp_set(&mut self, cc: FloatCC, dst: Reg, a: FReg, b: FReg) {
        a64!(self.e.ops; fcmp D(a.0), D(b.0));
        let d = dst.0;
        with_cond!(self, float_cond(cc), [cset X(d),], []);
    }
    fn jump_abs(&mut self, addr: u64) {
        self.load_const(X16, addr);
        a64!(self.e.ops; br X(X16));
    }
    fn patchable_jump(&mut self, target: Label) -> PatchSite {
        let at = self.offset();
        self.e.notes.patch_sites.push(at);
        self.jump(target);
        PatchSite(at)
    }
    fn trap(&mut self) {
        a64!(self.e.ops; brk #0);
    }

    fn fadd(&mut self, dst: FReg, a: FReg, b: FReg) {
        a64!(self.e.ops; fadd D(dst.0), D(a.0), D(b.0));
    }
    fn fsub(&mut self, dst: FReg, a: FReg, b: FReg) {
        a64!(self.e.ops; fsub D(dst.0), D(a.0), D(b.0));
    }
    fn fmul(&mut self, dst: FReg, a: FReg, b: FReg) {
        a64!(self.e.ops; fmul D(dst.0), D(a.0), D(b.0));
    }
    fn fdiv(&mut self, dst: FReg, a: FReg, b: FReg) {
        a64!(self.e.ops; fdiv D(dst.0), D(a.0), D(b.0));
    }
    fn fneg(&mut self, dst: FReg, a: FReg) {
        a64!(self.e.ops; fneg D(dst.0), D(a.0));
    }
    fn fsqrt(&mut self, dst: FReg, a: FReg) {
        a64!(self.e.ops; fsqrt D(dst.0), D(a.0));
    }
    fn i64_to_f64(&mut self, dst: FReg, src: Reg) {
        a64!(self.e.ops; scvtf D(dst.0), X(src.0));
    }
    fn f64_to_i64(&mut self, dst: Reg, src: FReg, fail: Label) {
        // fcvtzs gives 0 for NaN and saturates out-of-range values to i64::MIN/MAX; x ^ (x >> 63)
        // maps both saturated values (and only them) to i64::MAX.
        a64!(self.e.ops; fcmp D(src.0), D(src.0));
        self.bcond(Cond::Vs, fail);
        a64!(self.e.ops
            ; fcvtzs X(dst.0), D(src.0)
            ; eor X(X16), X(dst.0), X(dst.0), asr #63
        );
        self.load_const(X17, i64::MAX as u64);
        a64!(self.e.ops; cmp X(X16), X(X17));
        self.bcond(Cond::Eq, fail);
    }

    fn branch_tag(&mut self, test: TagTest, v: Reg, target: Label) {
        let (kind, is) = match test {
            TagTest::Is(k) => (k, true),
            TagTest::IsNot(k) => (k, false),
        };
        let v = v.0;
        // Sets the flags; `cc` holds exactly when `v` is of `kind`.
        let cc = match kind {
            ValueKind::Int => {
                self.cmp_int_tag(v);
                IntCC::Eq
            }
            ValueKind::Ptr => {
                a64!(self.e.ops; tst X(v), #TAG_BITS);
                IntCC::Eq
            }
            ValueKind::Float => {
                // `v >> 48` (arithmetic) is -1 for an int, 0 / 1 for a pointer / special and
                // anything else for a float: plus one, unsigned, floats are the ones above 2.
                a64!(self.e.ops
                    ; asr X(X16), X(v), #TAG_SHIFT
                    ; add XSP(X16), XSP(X16), #1
                    ; cmp XSP(X16), #2
                );
                IntCC::UGt
            }
            // The special words with their tag cleared are small numbers.
            ValueKind::Bool => {
                // `bits | 1 == TRUE_BITS`.
                let t = (Value::TRUE_BITS ^ SPECIAL) as u32;
                a64!(self.e.ops
                    ; orr XSP(X16), X(v), #1
                    ; eor XSP(X16), X(X16), #SPECIAL
                    ; cmp XSP(X16), #t
                );
                IntCC::Eq
            }
            ValueKind::None => {
                let l = self.e.dl(target);
                a64!(self.e.ops; eor XSP(X16), X(v), #SPECIAL);
                if is {
                    a64!(self.e.ops; cbz X(X16), =>l);
                } else {
                    a64!(self.e.ops; cbnz X(X16), =>l);
                }
                return;
            }
            ValueKind::Undef => {
                let w = (Value::UNDEF_BITS ^ SPECIAL) as u32;
                a64!(self.e.ops; eor XSP(X16), X(v), #SPECIAL ; cmp XSP(X16), #w);
                IntCC::Eq
            }
        };
        self.bcond(int_cond(if is { cc } else { cc.negate() }), target);
    }
    fn branch_not_int_pair(&mut self, a: Reg, b: Reg, target: Label) {
        a64!(self.e.ops; and X(X16), X(a.0), X(b.0));
        self.cmp_int_tag(X16);
        self.bcond(Cond::Ne, target);
    }
    fn unbox_int(&mut self, dst: Reg, src: Reg) {
        a64!(self.e.ops; sbfx X(dst.0), X(src.0), #0, #48);
    }
    fn box_int(&mut self, dst: Reg, src: Reg, overflow: Label) {
        a64!(self.e.ops; sbfx X(X16), X(src.0), #0, #48 ; cmp X(X16), X(src.0));
        self.bcond(Cond::Ne, overflow);
        self.box_int_unchecked(dst, src);
    }
    fn box_int_unchecked(&mut self, dst: Reg, src: Reg) {
        a64!(self.e.ops; orr XSP(dst.0), X(src.0), #TAG_BITS);
    }
    fn box_float(&mut self, dst: Reg, src: FReg) {
        let d = dst.0;
        self.load_const(X16, FLOAT_OFFSET);
        self.load_const(X17, CANON_NAN + FLOAT_OFFSET);
        a64!(self.e.ops
            ; fmov X(d), D(src.0)
            ; add X(d), X(d), X(X16)
            ; fcmp D(src.0), D(src.0)
            ; csel X(d), X(X17), X(d), vs
        );
    }
    fn unbox_float(&mut self, dst: FReg, src: Reg) {
        self.load_const(X16, FLOAT_OFFSET);
        a64!(self.e.ops; sub X(X16), X(src.0), X(X16) ; fmov D(dst.0), X(X16));
    }
    fn box_bool(&mut self, dst: Reg, src: Reg) {
        let f = Value::FALSE_BITS ^ SPECIAL;
        a64!(self.e.ops; orr XSP(dst.0), X(src.0), #f ; orr XSP(dst.0), X(dst.0), #SPECIAL);
    }

    fn incref(&mut self, obj: Reg) {
        let p = obj.0;
        a64!(self.e.ops; ldr W(X16), [XSP(p)] ; add WSP(X16), WSP(X16), #1 ; str W(X16), [XSP(p)]);
    }
    fn dec_rc_branch_zero(&mut self, obj: Reg, zero: Label) {
        let p = obj.0;
        a64!(self.e.ops; ldr W(X16), [XSP(p)] ; subs W(X16), WSP(X16), #1 ; str W(X16), [XSP(p)]);
        self.bcond(Cond::Eq, zero);
    }

    fn adjust_sp(&mut self, delta: i32) {
        debug_assert!(delta % 16 == 0);
        let n = delta.unsigned_abs();
        assert!(n < 1 << 24, "frame too large");
        let (hi, lo) = (n >> 12, n & 0xFFF);
        if delta < 0 {
            if hi > 0 {
                a64!(self.e.ops; sub sp, sp, #hi, lsl #12);
            }
            if lo > 0 {
                a64!(self.e.ops; sub sp, sp, #lo);
            }
        } else {
            if hi > 0 {
                a64!(self.e.ops; add sp, sp, #hi, lsl #12);
            }
            if lo > 0 {
                a64!(self.e.ops; add sp, sp, #lo);
            }
        }
    }
    fn call_abs(&mut self, helper: Helper) {
        self.e.symbol(helper.addr, helper.name);
        self.load_const(X16, helper.addr);
        a64!(self.e.ops; blr X(X16));
    }
}
