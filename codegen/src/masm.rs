//! The ISA-neutral `MacroAssembler` trait: its methods are *operations* a trace needs
//! (add with an overflow exit, "is this a small int", decref), not instructions. Each ISA
//! implements it once (`isa/x64`, `isa/aarch64`); everything above it is ISA-free.
//!
//! Registers are abstract (`Reg`/`FReg` hold the hardware number); the caller (the register
//! allocator) picks them from the ISA's `RegTables`. Each ISA reserves two GP scratch
//! registers and one FP scratch register that are never allocatable: any method may clobber
//! them, except `mov` and `fmov`, which never touch them (the call lowering relies on that
//! to break parallel-move cycles through `scratch_gp[0]`/`scratch_fp`).

use crate::abi;
use crate::regs::{RegSet, RegTables};
use crate::{Assembled, CodegenError, Isa};

/// A general-purpose register, by hardware number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Reg(pub u8);

/// A floating-point (f64) register, by hardware number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FReg(pub u8);

/// A code position; create with `new_label`, place with `bind`. Listings name it `L<n>`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Label(pub u32);

/// A 64-bit memory operand `[base + offset]`. A frame slot is `Mem::new(frame_base, 8 * i)`.
/// The stack pointer (`RegTables::sp`) is valid only here, as a base.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mem {
    pub base: Reg,
    pub offset: i32,
}

impl Mem {
    pub fn new(base: Reg, offset: i32) -> Mem {
        Mem { base, offset }
    }
}

/// A register or a sign-extended 32-bit immediate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RegImm {
    Reg(Reg),
    Imm(i32),
}

impl From<Reg> for RegImm {
    fn from(r: Reg) -> RegImm {
        RegImm::Reg(r)
    }
}

impl From<i32> for RegImm {
    fn from(i: i32) -> RegImm {
        RegImm::Imm(i)
    }
}

/// Integer comparison of two 64-bit values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IntCC {
    Eq,
    Ne,
    SLt,
    SLe,
    SGt,
    SGe,
    ULt,
    ULe,
    UGt,
    UGe,
}

impl IntCC {
    pub fn negate(self) -> IntCC {
        use IntCC::*;
        match self {
            Eq => Ne,
            Ne => Eq,
            SLt => SGe,
            SLe => SGt,
            SGt => SLe,
            SGe => SLt,
            ULt => UGe,
            ULe => UGt,
            UGt => ULe,
            UGe => ULt,
        }
    }
}

/// Float comparison with Python's (IEEE) NaN semantics: `Eq, Lt, Le, Gt, Ge` are false when
/// either side is NaN, `Ne` is true. `NotLt` etc. are the exact negations (true on NaN), so a
/// guard "exit unless a < b" is `branch_fcmp(NotLt, a, b, exit)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FloatCC {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    NotLt,
    NotLe,
    NotGt,
    NotGe,
}

impl FloatCC {
    pub fn negate(self) -> FloatCC {
        use FloatCC::*;
        match self {
            Eq => Ne,
            Ne => Eq,
            Lt => NotLt,
            Le => NotLe,
            Gt => NotGt,
            Ge => NotGe,
            NotLt => Lt,
            NotLe => Le,
            NotGt => Gt,
            NotGe => Ge,
        }
    }

    /// What the comparison means on two f64s (the reference the backends are tested against).
    #[allow(clippy::neg_cmp_op_on_partial_ord)] // `!(a < b)` is the point: true on NaN
    pub fn eval(self, a: f64, b: f64) -> bool {
        use FloatCC::*;
        match self {
            Eq => a == b,
            Ne => a != b,
            Lt => a < b,
            Le => a <= b,
            Gt => a > b,
            Ge => a >= b,
            NotLt => !(a < b),
            NotLe => !(a <= b),
            NotGt => !(a > b),
            NotGe => !(a >= b),
        }
    }
}

/// What `branch_tag` asks of a boxed word: one of `vm::value::Value`'s tests. Each is
/// whatever the encoding makes of it (see `vm/src/value.rs`), never a raw tag.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueKind {
    /// `is_small_int`: tag 0xFFFF.
    Int,
    /// `is_ptr`: tag 0 (the word is the object's address).
    Ptr,
    /// `is_float`: tag in 0x0002..=0xFFFE (`(bits >> 48).wrapping_sub(2) < 0xFFFD`).
    Float,
    /// `is_bool`: the word is `FALSE_BITS` or `TRUE_BITS` (`bits | 1 == TRUE_BITS`).
    Bool,
    /// `is_none`: the word is `NONE_BITS`.
    None,
    /// `is_undef`: the word is `UNDEF_BITS`.
    Undef,
}

impl ValueKind {
    pub const ALL: [ValueKind; 6] = [
        ValueKind::Int,
        ValueKind::Ptr,
        ValueKind::Float,
        ValueKind::Bool,
        ValueKind::None,
        ValueKind::Undef,
    ];
}

/// A type test on a boxed word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TagTest {
    Is(ValueKind),
    IsNot(ValueKind),
}

/// An `extern "C"` runtime helper: its address and the name listings print for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Helper {
    pub addr: u64,
    pub name: &'static str,
}

/// An argument of a helper call, assigned to ABI registers / stack slots in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CallArg {
    Reg(Reg),
    FReg(FReg),
    Imm(u64),
}

/// Where a helper's result goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CallRet {
    None,
    Reg(Reg),
    FReg(FReg),
}

/// What the prologue reserves: spill slots (`spill_slot(i)`) and the callee-saved registers
/// the function body uses (the prologue saves them, the epilogue restores them).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FrameLayout {
    pub spill_slots: u32,
    pub saved: RegSet,
}

/// A jump whose target can be re-pointed after installation (`CodeArena::patch_jump`),
/// at this byte offset of the function.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PatchSite(pub usize);

/// Out-of-line code emitted after the function body by `finish` (ISA-free: it is made of
/// trait calls).
#[derive(Clone, Debug)]
pub enum ColdStub {
    /// `dealloc(obj)` when a decref reached zero, then back to `resume`.
    Dealloc {
        entry: Label,
        resume: Label,
        obj: Reg,
        helper: Helper,
        live: RegSet,
    },
}

/// The operations compiled traces are made of. Three-operand forms: `dst` may equal any
/// source; sources are preserved unless they are `dst`. A branch to an exit label leaves
/// every source intact (e.g. `add_overflow` writes `dst` only when it does not overflow).
pub trait MacroAssembler {
    fn isa(&self) -> Isa;
    fn regs(&self) -> &'static RegTables;

    // ---- labels, listing annotations ----
    fn new_label(&mut self) -> Label;
    fn bind(&mut self, label: Label);
    /// A line printed above the next instruction in listings (e.g. the uop name).
    fn comment(&mut self, text: &str);
    fn offset(&self) -> usize;

    // ---- frame ----
    /// Pushes the frame pointer (kept, so perf can unwind), saves `frame.saved`, reserves
    /// the spill slots; the stack pointer stays 16-byte aligned from here on.
    fn prologue(&mut self, frame: &FrameLayout);
    /// Continues in a frame another function's prologue set up (a side trace entered by a
    /// patched jump): nothing is emitted; `epilogue` and `spill_slot` then use that frame.
    fn adopt_frame(&mut self, frame: &FrameLayout);
    /// Undoes the prologue and returns (result, if any, already in `regs().ret_gp`).
    fn epilogue(&mut self);
    /// Spill slot `i` of the frame set up by `prologue`.
    fn spill_slot(&self, i: u32) -> Mem;

    // ---- moves and memory ----
    /// Never touches the scratch registers.
    fn mov(&mut self, dst: Reg, src: Reg);
    fn mov_imm(&mut self, dst: Reg, imm: u64);
    fn load(&mut self, dst: Reg, src: Mem);
    /// Zero-extending 32-bit and 8-bit loads (refcount, header kind byte).
    fn load_u32(&mut self, dst: Reg, src: Mem);
    fn load_u8(&mut self, dst: Reg, src: Mem);
    fn store(&mut self, src: Reg, dst: Mem);
    fn store_imm(&mut self, imm: u64, dst: Mem);
    /// Never touches the scratch registers.
    fn fmov(&mut self, dst: FReg, src: FReg);
    fn fmov_imm(&mut self, dst: FReg, imm: f64);
    fn fload(&mut self, dst: FReg, src: Mem);
    fn fstore(&mut self, src: FReg, dst: Mem);
    /// Bit-for-bit moves between the register files. A boxed float is not its IEEE bits:
    /// use `unbox_float` / `box_float` for values.
    fn mov_gp_to_fp(&mut self, dst: FReg, src: Reg);
    fn mov_fp_to_gp(&mut self, dst: Reg, src: FReg);

    // ---- integer arithmetic (64-bit, wrapping unless it says overflow) ----
    fn add(&mut self, dst: Reg, a: Reg, b: RegImm);
    fn sub(&mut self, dst: Reg, a: Reg, b: RegImm);
    fn mul(&mut self, dst: Reg, a: Reg, b: Reg);
    fn and(&mut self, dst: Reg, a: Reg, b: RegImm);
    fn or(&mut self, dst: Reg, a: Reg, b: RegImm);
    fn xor(&mut self, dst: Reg, a: Reg, b: RegImm);
    /// Shifts take the amount modulo 64 (both ISAs' native behaviour).
    fn shl(&mut self, dst: Reg, a: Reg, amount: RegImm);
    fn sar(&mut self, dst: Reg, a: Reg, amount: RegImm);
    fn shr(&mut self, dst: Reg, a: Reg, amount: RegImm);
    /// Signed 64-bit overflow branches to `overflow` with `dst` unwritten.
    fn add_overflow(&mut self, dst: Reg, a: Reg, b: RegImm, overflow: Label);
    fn sub_overflow(&mut self, dst: Reg, a: Reg, b: RegImm, overflow: Label);
    fn mul_overflow(&mut self, dst: Reg, a: Reg, b: Reg, overflow: Label);

    // ---- control flow ----
    fn jump(&mut self, target: Label);
    fn branch_cmp(&mut self, cc: IntCC, a: Reg, b: RegImm, target: Label);
    /// `dst = (a cc b) as u64` (0 or 1).
    fn cmp_set(&mut self, cc: IntCC, dst: Reg, a: Reg, b: RegImm);
    fn branch_fcmp(&mut self, cc: FloatCC, a: FReg, b: FReg, target: Label);
    /// `dst = (a cc b) as u64` with `FloatCC`'s NaN semantics.
    fn fcmp_set(&mut self, cc: FloatCC, dst: Reg, a: FReg, b: FReg) {
        let done = self.new_label();
        self.mov_imm(dst, 1);
        self.branch_fcmp(cc, a, b, done);
        self.mov_imm(dst, 0);
        self.bind(done);
    }
    /// Jumps to an absolute address (another trace, the interpreter's re-entry stub).
    fn jump_abs(&mut self, addr: u64);
    /// A direct jump to `target` that `CodeArena::patch_jump` can later re-point anywhere in
    /// the arena (a side exit to its side trace).
    fn patchable_jump(&mut self, target: Label) -> PatchSite;
    /// Stops with an illegal-instruction trap (for "cannot happen" paths).
    fn trap(&mut self);

    // ---- floating point (f64) ----
    fn fadd(&mut self, dst: FReg, a: FReg, b: FReg);
    fn fsub(&mut self, dst: FReg, a: FReg, b: FReg);
    fn fmul(&mut self, dst: FReg, a: FReg, b: FReg);
    fn fdiv(&mut self, dst: FReg, a: FReg, b: FReg);
    fn fneg(&mut self, dst: FReg, a: FReg);
    fn fsqrt(&mut self, dst: FReg, a: FReg);
    fn i64_to_f64(&mut self, dst: FReg, src: Reg);
    /// Truncates toward zero; branches to `fail` if `src` is NaN or the result is not
    /// strictly inside (i64::MIN, i64::MAX) (so -2^63 exactly takes the slow path too).
    fn f64_to_i64(&mut self, dst: Reg, src: FReg, fail: Label);

    // ---- NaN-boxing (vm::value) ----
    fn branch_tag(&mut self, test: TagTest, v: Reg, target: Label);
    /// Branches to `target` unless `a` and `b` are both small ints (one AND: 0xFFFF is the
    /// largest tag, so `(a & b) >> 48 == 0xFFFF` exactly when both tags are).
    fn branch_not_int_pair(&mut self, a: Reg, b: Reg, target: Label);
    /// Sign-extends the 48-bit payload of a small int (`shl 16; sar 16`).
    fn unbox_int(&mut self, dst: Reg, src: Reg);
    /// Boxes an i64 as a small int; branches to `overflow` if it needs more than 48 bits.
    fn box_int(&mut self, dst: Reg, src: Reg, overflow: Label);
    /// Boxes an i64 already known to fit in 48 bits (`src | 0xFFFF << 48`: a negative one
    /// already has the tag's bits).
    fn box_int_unchecked(&mut self, dst: Reg, src: Reg);
    /// Boxes a float as `Value::float` does: NaN canonicalised, then `+ FLOAT_OFFSET`.
    fn box_float(&mut self, dst: Reg, src: FReg);
    /// The f64 of a float-tagged word (`bits - FLOAT_OFFSET`).
    fn unbox_float(&mut self, dst: FReg, src: Reg);
    /// Boxes 0/1 as False/True (`FALSE_BITS | src`).
    fn box_bool(&mut self, dst: Reg, src: Reg);

    // ---- reference counting (u32 at offset 0 of the object header) ----
    fn incref(&mut self, obj: Reg);
    /// `incref` if `v` is a pointer (a pointer value is the object's address).
    fn incref_value(&mut self, v: Reg) {
        let skip = self.new_label();
        self.branch_tag(TagTest::IsNot(ValueKind::Ptr), v, skip);
        self.incref(v);
        self.bind(skip);
    }
    /// Decrements; at zero calls `dealloc(obj)` out of line, preserving `live`.
    fn decref(&mut self, obj: Reg, dealloc: Helper, live: &RegSet) {
        let (cold, resume) = (self.new_label(), self.new_label());
        self.dec_rc_branch_zero(obj, cold);
        self.bind(resume);
        self.defer(ColdStub::Dealloc {
            entry: cold,
            resume,
            obj,
            helper: dealloc,
            live: *live,
        });
    }
    /// `decref` if `v` is a pointer.
    fn decref_value(&mut self, v: Reg, dealloc: Helper, live: &RegSet) {
        let skip = self.new_label();
        self.branch_tag(TagTest::IsNot(ValueKind::Ptr), v, skip);
        self.decref(v, dealloc, live);
        self.bind(skip);
    }
    /// Decrements the count of the object `obj` points at; branches to `zero` at zero.
    fn dec_rc_branch_zero(&mut self, obj: Reg, zero: Label);

    // ---- calls ----
    /// Calls `helper` with the platform C ABI (System V / AAPCS64): arguments in order,
    /// registers then stack; the caller-saved registers of `live` are preserved (a register
    /// allocator that already spilled around the call passes an empty set).
    fn call(&mut self, helper: Helper, args: &[CallArg], ret: CallRet, live: &RegSet) {
        abi::emit_call(self, helper, args, ret, live);
    }
    /// Moves the stack pointer by `delta` bytes (a multiple of 16; negative reserves).
    fn adjust_sp(&mut self, delta: i32);
    /// Calls the helper's address (the arguments are already in place).
    fn call_abs(&mut self, helper: Helper);

    // ---- assembling ----
    /// Queues out-of-line code, emitted after the body by `finish`.
    fn defer(&mut self, stub: ColdStub);
    /// Takes the queued out-of-line stubs (used by `finish`).
    fn take_deferred(&mut self) -> Vec<ColdStub>;
    /// Emits the deferred stubs, resolves labels and returns the code with its metadata.
    fn finish(&mut self) -> Result<Assembled, CodegenError>;
}

/// Emits the queued cold stubs; loops because a stub may queue more.
pub fn emit_deferred<M: MacroAssembler + ?Sized>(m: &mut M) {
    loop {
        let stubs = m.take_deferred();
        if stubs.is_empty() {
            return;
        }
        for stub in stubs {
            match stub {
                ColdStub::Dealloc {
                    entry,
                    resume,
                    obj,
                    helper,
                    live,
                } => {
                    m.bind(entry);
                    m.call(helper, &[CallArg::Reg(obj)], CallRet::None, &live);
                    m.jump(resume);
                }
            }
        }
    }
}
