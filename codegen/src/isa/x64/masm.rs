//! `MacroAssembler` for x86-64 with dynasmrt. SSE2 only (no AVX/BMI assumptions), so the
//! code runs on any x86-64. r11/r10/xmm15 are scratch; flags never live across methods.

// dynasm's expansion converts dynamic register numbers with `.into()`.
#![allow(clippy::useless_conversion)]

use super::regs::TABLES;
use crate::isa::{emitter_methods, Emitter};
use crate::masm::*;
use crate::Isa;
use dynasmrt::x64::X64Relocation;
use dynasmrt::{dynasm, DynasmApi, DynasmLabelApi};
use vm::value::{Value, CANON_NAN, FLOAT_OFFSET, TAG_INT, TAG_SHIFT};

// `box_bool` sets FALSE_BITS as bit 48 plus 2.
const _: () = assert!(Value::FALSE_BITS == (1 << TAG_SHIFT) | 2);

macro_rules! x64 {
    ($ops:expr; $($t:tt)*) => { dynasm!($ops ; .arch x64 ; $($t)*) };
}

/// dst = a OP b for a two-operand instruction, respecting `dst == b`.
macro_rules! alu3 {
    ($s:ident, $op:ident, $commutative:expr, $dst:ident, $a:ident, $b:ident) => {{
        let (d, a) = ($dst.0, $a.0);
        match $b {
            RegImm::Imm(i) => {
                $s.mov(Reg(d), Reg(a));
                x64!($s.e.ops; $op Rq(d), i);
            }
            RegImm::Reg(Reg(b)) if d == a => x64!($s.e.ops; $op Rq(d), Rq(b)),
            RegImm::Reg(Reg(b)) if d == b && $commutative => x64!($s.e.ops; $op Rq(d), Rq(a)),
            RegImm::Reg(Reg(b)) if d == b => {
                x64!($s.e.ops; mov r11, Rq(b) ; mov Rq(d), Rq(a) ; $op Rq(d), r11);
            }
            RegImm::Reg(Reg(b)) => x64!($s.e.ops; mov Rq(d), Rq(a) ; $op Rq(d), Rq(b)),
        }
    }};
}

/// dst = a OP b for a two-operand SSE instruction, respecting `dst == b`.
macro_rules! fop3 {
    ($s:ident, $op:ident, $commutative:expr, $dst:ident, $a:ident, $b:ident) => {{
        let (d, a, b) = ($dst.0, $a.0, $b.0);
        if d == a {
            x64!($s.e.ops; $op Rx(d), Rx(b));
        } else if d == b && $commutative {
            x64!($s.e.ops; $op Rx(d), Rx(a));
        } else if d == b {
            x64!($s.e.ops; movapd xmm15, Rx(b) ; movapd Rx(d), Rx(a) ; $op Rx(d), xmm15);
        } else {
            x64!($s.e.ops; movapd Rx(d), Rx(a) ; $op Rx(d), Rx(b));
        }
    }};
}

/// A shift by an immediate or by a register (x86 shifts by `cl` only, so rcx is saved in
/// r10 around it and the value is shifted in r11).
macro_rules! shift {
    ($s:ident, $op:ident, $dst:ident, $a:ident, $amount:ident) => {{
        let (d, a) = ($dst.0, $a.0);
        match $amount {
            RegImm::Imm(i) => {
                $s.mov(Reg(d), Reg(a));
                x64!($s.e.ops; $op Rq(d), (i & 63) as i8);
            }
            RegImm::Reg(Reg(n)) => {
                x64!($s.e.ops
                    ; mov r11, Rq(a)
                    ; mov r10, rcx
                    ; mov rcx, Rq(n)
                    ; $op r11, cl
                    ; mov rcx, r10
                    ; mov Rq(d), r11
                );
            }
        }
    }};
}

#[derive(Clone, Copy, Default)]
struct FrameInfo {
    /// Bytes reserved below the pushed registers (spill slots plus alignment padding).
    reserved: i32,
}

pub struct X64Masm {
    e: Emitter<X64Relocation>,
    frame: FrameInfo,
    saved: Vec<Reg>,
}

impl Default for X64Masm {
    fn default() -> Self {
        Self::new()
    }
}

impl X64Masm {
    pub fn new() -> X64Masm {
        X64Masm {
            e: Emitter::new(),
            frame: FrameInfo::default(),
            saved: vec![],
        }
    }

    fn jcc(&mut self, cc: IntCC, target: Label) {
        let l = self.e.dl(target);
        match cc {
            IntCC::Eq => x64!(self.e.ops; je =>l),
            IntCC::Ne => x64!(self.e.ops; jne =>l),
            IntCC::SLt => x64!(self.e.ops; jl =>l),
            IntCC::SLe => x64!(self.e.ops; jle =>l),
            IntCC::SGt => x64!(self.e.ops; jg =>l),
            IntCC::SGe => x64!(self.e.ops; jge =>l),
            IntCC::ULt => x64!(self.e.ops; jb =>l),
            IntCC::ULe => x64!(self.e.ops; jbe =>l),
            IntCC::UGt => x64!(self.e.ops; ja =>l),
            IntCC::UGe => x64!(self.e.ops; jae =>l),
        }
    }

    fn cmp(&mut self, a: Reg, b: RegImm) {
        match b {
            RegImm::Reg(b) => x64!(self.e.ops; cmp Rq(a.0), Rq(b.0)),
            RegImm::Imm(i) => x64!(self.e.ops; cmp Rq(a.0), i),
        }
    }

    /// Sets ZF exactly when r11 has the small-int tag: `r11 >> 48` (arithmetic) is then -1,
    /// and one more is 0. (dynasm encodes `cmp r, imm` with a 32-bit immediate; `add`/`sub`
    /// take the 8-bit one.)
    fn test_r11_int_tag(&mut self) {
        x64!(self.e.ops; sar r11, TAG_SHIFT as i8 ; add r11, BYTE 1);
    }
}

impl MacroAssembler for X64Masm {
    emitter_methods!(Isa::X64, TABLES);

    fn prologue(&mut self, frame: &FrameLayout) {
        self.adopt_frame(frame);
        x64!(self.e.ops; push rbp ; mov rbp, rsp);
        for &r in &self.saved {
            x64!(self.e.ops; push Rq(r.0));
        }
        if self.frame.reserved > 0 {
            x64!(self.e.ops; sub rsp, self.frame.reserved);
        }
    }
    fn adopt_frame(&mut self, frame: &FrameLayout) {
        debug_assert!(
            frame.saved.fp == 0,
            "System V has no callee-saved xmm registers"
        );
        self.saved = frame.saved.gp_regs().collect();
        // rsp is 16-aligned after `push rbp`; keep it so after the pushes and the slots.
        let pushed = 8 * self.saved.len() as i32;
        let reserved = (pushed + 8 * frame.spill_slots as i32 + 15) / 16 * 16 - pushed;
        self.frame = FrameInfo { reserved };
    }
    fn epilogue(&mut self) {
        if self.frame.reserved > 0 {
            x64!(self.e.ops; add rsp, self.frame.reserved);
        }
        for &r in self.saved.iter().rev() {
            x64!(self.e.ops; pop Rq(r.0));
        }
        x64!(self.e.ops; pop rbp ; ret);
    }
    fn spill_slot(&self, i: u32) -> Mem {
        Mem::new(TABLES.sp, 8 * i as i32)
    }

    fn mov(&mut self, dst: Reg, src: Reg) {
        if dst != src {
            x64!(self.e.ops; mov Rq(dst.0), Rq(src.0));
        }
    }
    fn mov_imm(&mut self, dst: Reg, imm: u64) {
        let d = dst.0;
        if imm == 0 {
            x64!(self.e.ops; xor Rd(d), Rd(d));
        } else if imm <= u32::MAX as u64 {
            x64!(self.e.ops; mov Rd(d), imm as u32 as i32);
        } else if imm as i64 == imm as i64 as i32 as i64 {
            x64!(self.e.ops; mov Rq(d), imm as i64 as i32);
        } else {
            x64!(self.e.ops; mov Rq(d), QWORD imm as i64);
        }
    }
    fn load(&mut self, dst: Reg, src: Mem) {
        x64!(self.e.ops; mov Rq(dst.0), QWORD [Rq(src.base.0) + src.offset]);
    }
    fn load_u32(&mut self, dst: Reg, src: Mem) {
        x64!(self.e.ops; mov Rd(dst.0), DWORD [Rq(src.base.0) + src.offset]);
    }
    fn load_u8(&mut self, dst: Reg, src: Mem) {
        x64!(self.e.ops; movzx Rd(dst.0), BYTE [Rq(src.base.0) + src.offset]);
    }
    fn store(&mut self, src: Reg, dst: Mem) {
        x64!(self.e.ops; mov QWORD [Rq(dst.base.0) + dst.offset], Rq(src.0));
    }
    fn store_imm(&mut self, imm: u64, dst: Mem) {
        if imm as i64 == imm as i64 as i32 as i64 {
            x64!(self.e.ops; mov QWORD [Rq(dst.base.0) + dst.offset], imm as i64 as i32);
        } else {
            x64!(self.e.ops; mov r11, QWORD imm as i64 ; mov QWORD [Rq(dst.base.0) + dst.offset], r11);
        }
    }
    fn fmov(&mut self, dst: FReg, src: FReg) {
        if dst != src {
            x64!(self.e.ops; movapd Rx(dst.0), Rx(src.0));
        }
    }
    fn fmov_imm(&mut self, dst: FReg, imm: f64) {
        if imm.to_bits() == 0 {
            x64!(self.e.ops; xorpd Rx(dst.0), Rx(dst.0));
        } else {
            x64!(self.e.ops; mov r11, QWORD imm.to_bits() as i64 ; movq Rx(dst.0), r11);
        }
    }
    fn fload(&mut self, dst: FReg, src: Mem) {
        x64!(self.e.ops; movsd Rx(dst.0), QWORD [Rq(src.base.0) + src.offset]);
    }
    fn fstore(&mut self, src: FReg, dst: Mem) {
        x64!(self.e.ops; movsd QWORD [Rq(dst.base.0) + dst.offset], Rx(src.0));
    }
    fn mov_gp_to_fp(&mut self, dst: FReg, src: Reg) {
        x64!(self.e.ops; movq Rx(dst.0), Rq(src.0));
    }
    fn mov_fp_to_gp(&mut self, dst: Reg, src: FReg) {
        x64!(self.e.ops; movq Rq(dst.0), Rx(src.0));
    }

    fn add(&mut self, dst: Reg, a: Reg, b: RegImm) {
        alu3!(self, add, true, dst, a, b)
    }
    fn sub(&mut self, dst: Reg, a: Reg, b: RegImm) {
        alu3!(self, sub, false, dst, a, b)
    }
    fn mul(&mut self, dst: Reg, a: Reg, b: Reg) {
        let (d, a, b) = (dst.0, a.0, b.0);
        if d == a {
            x64!(self.e.ops; imul Rq(d), Rq(b));
        } else if d == b {
            x64!(self.e.ops; imul Rq(d), Rq(a));
        } else {
            x64!(self.e.ops; mov Rq(d), Rq(a) ; imul Rq(d), Rq(b));
        }
    }
    fn and(&mut self, dst: Reg, a: Reg, b: RegImm) {
        alu3!(self, and, true, dst, a, b)
    }
    fn or(&mut self, dst: Reg, a: Reg, b: RegImm) {
        alu3!(self, or, true, dst, a, b)
    }
    fn xor(&mut self, dst: Reg, a: Reg, b: RegImm) {
        alu3!(self, xor, true, dst, a, b)
    }
    fn shl(&mut self, dst: Reg, a: Reg, amount: RegImm) {
        shift!(self, shl, dst, a, amount)
    }
    fn sar(&mut self, dst: Reg, a: Reg, amount: RegImm) {
        shift!(self, sar, dst, a, amount)
    }
    fn shr(&mut self, dst: Reg, a: Reg, amount: RegImm) {
        shift!(self, shr, dst, a, amount)
    }
    fn add_overflow(&mut self, dst: Reg, a: Reg, b: RegImm, overflow: Label) {
        let l = self.e.dl(overflow);
        x64!(self.e.ops; mov r11, Rq(a.0));
        match b {
            RegImm::Reg(b) => x64!(self.e.ops; add r11, Rq(b.0)),
            RegImm::Imm(i) => x64!(self.e.ops; add r11, i),
        }
        x64!(self.e.ops; jo =>l ; mov Rq(dst.0), r11);
    }
    fn sub_overflow(&mut self, dst: Reg, a: Reg, b: RegImm, overflow: Label) {
        let l = self.e.dl(overflow);
        x64!(self.e.ops; mov r11, Rq(a.0));
        match b {
            RegImm::Reg(b) => x64!(self.e.ops; sub r11, Rq(b.0)),
            RegImm::Imm(i) => x64!(self.e.ops; sub r11, i),
        }
        x64!(self.e.ops; jo =>l ; mov Rq(dst.0), r11);
    }
    fn mul_overflow(&mut self, dst: Reg, a: Reg, b: Reg, overflow: Label) {
        let l = self.e.dl(overflow);
        x64!(self.e.ops; mov r11, Rq(a.0) ; imul r11, Rq(b.0) ; jo =>l ; mov Rq(dst.0), r11);
    }

    fn jump(&mut self, target: Label) {
        let l = self.e.dl(target);
        x64!(self.e.ops; jmp =>l);
    }
    fn branch_cmp(&mut self, cc: IntCC, a: Reg, b: RegImm, target: Label) {
        self.cmp(a, b);
        self.jcc(cc, target);
    }
    fn cmp_set(&mut self, cc: IntCC, dst: Reg, a: Reg, b: RegImm) {
        self.cmp(a, b);
        match cc {
            IntCC::Eq => x64!(self.e.ops; sete r11b),
            IntCC::Ne => x64!(self.e.ops; setne r11b),
            IntCC::SLt => x64!(self.e.ops; setl r11b),
            IntCC::SLe => x64!(self.e.ops; setle r11b),
            IntCC::SGt => x64!(self.e.ops; setg r11b),
            IntCC::SGe => x64!(self.e.ops; setge r11b),
            IntCC::ULt => x64!(self.e.ops; setb r11b),
            IntCC::ULe => x64!(self.e.ops; setbe r11b),
            IntCC::UGt => x64!(self.e.ops; seta r11b),
            IntCC::UGe => x64!(self.e.ops; setae r11b),
        }
        x64!(self.e.ops; movzx Rd(dst.0), r11b);
    }
    fn branch_fcmp(&mut self, cc: FloatCC, a: FReg, b: FReg, target: Label) {
        // ucomisd sets ZF, PF and CF on unordered: "above" (CF=0, ZF=0) and "above or
        // equal" (CF=0) are false on NaN, "below (or equal)" true, so Lt/Le swap operands.
        use FloatCC::*;
        let l = self.e.dl(target);
        let (x, y) = match cc {
            Lt | Le | NotLt | NotLe => (b.0, a.0),
            _ => (a.0, b.0),
        };
        x64!(self.e.ops; ucomisd Rx(x), Rx(y));
        match cc {
            Eq => {
                let skip = self.new_label();
                let s = self.e.dl(skip);
                x64!(self.e.ops; jp =>s ; je =>l);
                self.bind(skip);
            }
            Ne => x64!(self.e.ops; jp =>l ; jne =>l),
            Gt | Lt => x64!(self.e.ops; ja =>l),
            Ge | Le => x64!(self.e.ops; jae =>l),
            NotGt | NotLt => x64!(self.e.ops; jbe =>l),
            NotGe | NotLe => x64!(self.e.ops; jb =>l),
        }
    }
    fn jump_abs(&mut self, addr: u64) {
        x64!(self.e.ops; mov r11, QWORD addr as i64 ; jmp r11);
    }
    fn patchable_jump(&mut self, target: Label) -> PatchSite {
        let at = self.offset();
        self.e.notes.patch_sites.push(at);
        let l = self.e.dl(target);
        // dynasm encodes a jump to a dynamic label as `E9 rel32`, which `patch` rewrites.
        x64!(self.e.ops; jmp =>l);
        PatchSite(at)
    }
    fn trap(&mut self) {
        x64!(self.e.ops; ud2);
    }

    fn fadd(&mut self, dst: FReg, a: FReg, b: FReg) {
        fop3!(self, addsd, true, dst, a, b)
    }
    fn fsub(&mut self, dst: FReg, a: FReg, b: FReg) {
        fop3!(self, subsd, false, dst, a, b)
    }
    fn fmul(&mut self, dst: FReg, a: FReg, b: FReg) {
        fop3!(self, mulsd, true, dst, a, b)
    }
    fn fdiv(&mut self, dst: FReg, a: FReg, b: FReg) {
        fop3!(self, divsd, false, dst, a, b)
    }
    fn fneg(&mut self, dst: FReg, a: FReg) {
        x64!(self.e.ops; mov r11, QWORD i64::MIN ; movq xmm15, r11);
        self.fmov(dst, a);
        x64!(self.e.ops; xorpd Rx(dst.0), xmm15);
    }
    fn fsqrt(&mut self, dst: FReg, a: FReg) {
        x64!(self.e.ops; sqrtsd Rx(dst.0), Rx(a.0));
    }
    fn i64_to_f64(&mut self, dst: FReg, src: Reg) {
        // Clearing dst first breaks cvtsi2sd's false dependency on its old upper half.
        x64!(self.e.ops; xorpd Rx(dst.0), Rx(dst.0) ; cvtsi2sd Rx(dst.0), Rq(src.0));
    }
    fn f64_to_i64(&mut self, dst: Reg, src: FReg, fail: Label) {
        // cvttsd2si yields i64::MIN for NaN and out-of-range inputs.
        let l = self.e.dl(fail);
        x64!(self.e.ops
            ; cvttsd2si Rq(dst.0), Rx(src.0)
            ; mov r11, QWORD i64::MIN
            ; cmp Rq(dst.0), r11
            ; je =>l
        );
    }

    fn branch_tag(&mut self, test: TagTest, v: Reg, target: Label) {
        let (kind, is) = match test {
            TagTest::Is(k) => (k, true),
            TagTest::IsNot(k) => (k, false),
        };
        // Sets the flags; `cc` holds exactly when `v` is of `kind`.
        let cc = match kind {
            ValueKind::Int => {
                x64!(self.e.ops; mov r11, Rq(v.0));
                self.test_r11_int_tag();
                IntCC::Eq
            }
            ValueKind::Ptr => {
                // The shift sets ZF: the tag is 0.
                x64!(self.e.ops; mov r11, Rq(v.0) ; shr r11, TAG_SHIFT as i8);
                IntCC::Eq
            }
            ValueKind::Float => {
                // `v >> 48` (arithmetic) is -1 for an int, 0 / 1 for a pointer / special and
                // anything else for a float: plus one, unsigned, floats are the ones from 3.
                x64!(self.e.ops; mov r11, Rq(v.0) ; sar r11, TAG_SHIFT as i8 ; add r11, BYTE 1 ; sub r11, BYTE 3);
                IntCC::UGe
            }
            ValueKind::Bool => {
                // `bits | 1 == TRUE_BITS`, as `bits - FALSE_BITS < 2` (unsigned).
                x64!(self.e.ops
                    ; mov r11, QWORD Value::FALSE_BITS.wrapping_neg() as i64
                    ; add r11, Rq(v.0)
                    ; sub r11, BYTE 2
                );
                IntCC::ULt
            }
            ValueKind::None | ValueKind::Undef => {
                let word = if kind == ValueKind::None {
                    Value::NONE_BITS
                } else {
                    Value::UNDEF_BITS
                };
                x64!(self.e.ops; mov r11, QWORD word as i64 ; cmp Rq(v.0), r11);
                IntCC::Eq
            }
        };
        self.jcc(if is { cc } else { cc.negate() }, target);
    }
    fn branch_not_int_pair(&mut self, a: Reg, b: Reg, target: Label) {
        x64!(self.e.ops; mov r11, Rq(a.0) ; and r11, Rq(b.0));
        self.test_r11_int_tag();
        self.jcc(IntCC::Ne, target);
    }
    fn unbox_int(&mut self, dst: Reg, src: Reg) {
        self.mov(dst, src);
        x64!(self.e.ops; shl Rq(dst.0), 16 ; sar Rq(dst.0), 16);
    }
    fn box_int(&mut self, dst: Reg, src: Reg, overflow: Label) {
        // Fits in 48 bits iff sign-extending its low 48 bits gives it back.
        let l = self.e.dl(overflow);
        x64!(self.e.ops
            ; mov r11, Rq(src.0)
            ; shl r11, 16
            ; sar r11, 16
            ; cmp r11, Rq(src.0)
            ; jne =>l
        );
        self.box_int_unchecked(dst, src);
    }
    fn box_int_unchecked(&mut self, dst: Reg, src: Reg) {
        self.mov(dst, src);
        x64!(self.e.ops; mov r11, QWORD (TAG_INT << TAG_SHIFT) as i64 ; or Rq(dst.0), r11);
    }
    fn box_float(&mut self, dst: Reg, src: FReg) {
        x64!(self.e.ops
            ; movq Rq(dst.0), Rx(src.0)
            ; mov r11, QWORD FLOAT_OFFSET as i64
            ; add Rq(dst.0), r11
            ; ucomisd Rx(src.0), Rx(src.0)
            ; mov r11, QWORD (CANON_NAN + FLOAT_OFFSET) as i64
            ; cmovp Rq(dst.0), r11
        );
    }
    fn unbox_float(&mut self, dst: FReg, src: Reg) {
        x64!(self.e.ops
            ; mov r11, QWORD FLOAT_OFFSET.wrapping_neg() as i64
            ; add r11, Rq(src.0)
            ; movq Rx(dst.0), r11
        );
    }
    fn box_bool(&mut self, dst: Reg, src: Reg) {
        x64!(self.e.ops; lea Rq(dst.0), [Rq(src.0) + 2] ; bts Rq(dst.0), BYTE TAG_SHIFT as i8);
    }

    fn incref(&mut self, obj: Reg) {
        x64!(self.e.ops; add DWORD [Rq(obj.0)], 1);
    }
    fn dec_rc_branch_zero(&mut self, obj: Reg, zero: Label) {
        let l = self.e.dl(zero);
        x64!(self.e.ops; sub DWORD [Rq(obj.0)], 1 ; jz =>l);
    }

    fn adjust_sp(&mut self, delta: i32) {
        debug_assert!(delta % 16 == 0);
        if delta < 0 {
            x64!(self.e.ops; sub rsp, -delta);
        } else if delta > 0 {
            x64!(self.e.ops; add rsp, delta);
        }
    }
    fn call_abs(&mut self, helper: Helper) {
        self.e.symbol(helper.addr, helper.name);
        x64!(self.e.ops; mov r11, QWORD helper.addr as i64 ; call r11);
    }
}
