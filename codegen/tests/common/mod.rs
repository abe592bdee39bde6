//! Small functions written against the ISA-neutral trait, shared by the execution tests
//! (host ISA, real helper addresses) and the listing snapshots (both ISAs, fake addresses).
//! Registers are picked from the ISA's tables the way a register allocator would.
#![allow(dead_code)]

use codegen::masm::*;
use codegen::regs::RegSet;

/// What a function returns when it took its side exit.
pub const EXIT: u64 = 0xE417;

/// The helpers kernels call.
#[derive(Clone, Copy)]
pub struct Helpers {
    pub dealloc: Helper,
    pub sum10: Helper,
    pub fma3: Helper,
}

/// Fixed fake addresses: listings of code built with them never change between builds.
pub const FAKE: Helpers = Helpers {
    dealloc: Helper {
        addr: 0x7f00_0000_1000,
        name: "dealloc",
    },
    sum10: Helper {
        addr: 0x7f00_0000_2000,
        name: "sum10",
    },
    fma3: Helper {
        addr: 0x7f00_0000_3000,
        name: "fma3",
    },
};

pub fn arg(m: &dyn MacroAssembler, i: usize) -> Reg {
    m.regs().arg_gp[i]
}

/// The i-th allocatable GP register that is not an argument or return register.
pub fn tmp(m: &dyn MacroAssembler, i: usize) -> Reg {
    let t = m.regs();
    *t.allocatable_gp
        .iter()
        .filter(|r| !t.arg_gp.contains(r) && **r != t.ret_gp)
        .nth(i)
        .expect("enough temporaries")
}

pub fn ftmp(m: &dyn MacroAssembler, i: usize) -> FReg {
    let t = m.regs();
    *t.allocatable_fp
        .iter()
        .filter(|r| !t.arg_fp.contains(r))
        .nth(i)
        .expect("enough fp temporaries")
}

/// A frame saving whichever of `gp`/`fp` the ABI makes callee-saved.
pub fn frame(m: &dyn MacroAssembler, gp: &[Reg], fp: &[FReg], spill_slots: u32) -> FrameLayout {
    FrameLayout {
        spill_slots,
        saved: RegSet::of(gp, fp).intersect(&m.regs().callee_saved),
    }
}

/// Returns `EXIT` from a frame-less function.
fn exit_stub(m: &mut dyn MacroAssembler, exit: Label) {
    m.comment("side exit");
    m.bind(exit);
    let ret = m.regs().ret_gp;
    m.mov_imm(ret, EXIT);
    m.epilogue();
}

/// `fn(a, b) -> a + b` on boxed small ints; `EXIT` if either is not a small int or the sum
/// needs more than 48 bits (BINARY_OP_ADD_INT with its guard). As the interpreter's
/// `Value::small_int_pair_shifted`, it adds the payloads shifted left by 16, so the i64 add
/// overflows exactly when the 48-bit sum does.
pub fn add_small_ints(m: &mut dyn MacroAssembler) {
    let (a, b, ret) = (arg(m, 0), arg(m, 1), m.regs().ret_gp);
    let (x, y) = (tmp(m, 0), tmp(m, 1));
    let exit = m.new_label();
    let fr = frame(m, &[x, y], &[], 0);
    m.prologue(&fr);
    m.comment("guard both small ints");
    m.branch_not_int_pair(a, b, exit);
    m.comment("add the shifted payloads, rebox");
    m.shl(x, a, RegImm::Imm(16));
    m.shl(y, b, RegImm::Imm(16));
    m.add_overflow(x, x, RegImm::Reg(y), exit);
    m.sar(x, x, RegImm::Imm(16));
    m.box_int_unchecked(ret, x);
    m.epilogue();
    exit_stub(m, exit);
}

/// `fn(n: i64, x: boxed float) -> boxed float`:
/// `for i in range(n): x = sqrt(x*x + i) / 1.5 - (-i)`.
/// A counted loop with a fused compare-and-branch back edge and float arithmetic.
pub fn float_loop(m: &mut dyn MacroAssembler) {
    let (n, boxed, ret) = (arg(m, 0), arg(m, 1), m.regs().ret_gp);
    let i = tmp(m, 0);
    let (x, fi, t, c) = (ftmp(m, 0), ftmp(m, 1), ftmp(m, 2), ftmp(m, 3));
    let (top, done) = (m.new_label(), m.new_label());
    let fr = frame(m, &[i], &[x, fi, t, c], 0);
    m.prologue(&fr);
    m.unbox_float(x, boxed);
    m.fmov_imm(c, 1.5);
    m.mov_imm(i, 0);
    m.branch_cmp(IntCC::SGe, i, RegImm::Reg(n), done);
    m.comment("loop");
    m.bind(top);
    m.i64_to_f64(fi, i);
    m.fmul(t, x, x);
    m.fadd(t, t, fi);
    m.fsqrt(t, t);
    m.fdiv(t, t, c);
    m.fneg(fi, fi);
    m.fsub(x, t, fi);
    m.add(i, i, RegImm::Imm(1));
    m.branch_cmp(IntCC::SLt, i, RegImm::Reg(n), top);
    m.bind(done);
    m.box_float(ret, x);
    m.epilogue();
}

/// The same computation in Rust, for checking.
pub fn float_loop_ref(n: i64, mut x: f64) -> f64 {
    for i in 0..n {
        let fi = i as f64;
        x = (x * x + fi).sqrt() / 1.5 - (-fi);
    }
    x
}

/// `fn(v: boxed value, k: u64) -> u64`: increfs `v` twice and decrefs it three times (the
/// count drops by one; at zero `dealloc` runs out of line). Values live in caller-saved
/// registers across the decrefs must survive the helper call: returns `k + 7 + int(2.5*4)`.
pub fn refcounts(m: &mut dyn MacroAssembler, h: &Helpers) {
    let (v, k, ret) = (arg(m, 0), arg(m, 1), m.regs().ret_gp);
    let seven = tmp(m, 0);
    let (f, four) = (ftmp(m, 0), ftmp(m, 1));
    let fr = frame(m, &[seven], &[f, four], 0);
    m.prologue(&fr);
    m.mov_imm(seven, 7);
    m.fmov_imm(f, 2.5);
    let mut live = RegSet::of(&[v, k, seven], &[f]);
    m.comment("incref x2");
    m.incref_value(v);
    m.incref_value(v);
    m.comment("decref x3");
    m.decref_value(v, h.dealloc, &live);
    m.decref_value(v, h.dealloc, &live);
    live.remove(v);
    m.decref_value(v, h.dealloc, &live);
    m.comment("live values survived");
    m.fmov_imm(four, 4.0);
    m.fmul(f, f, four);
    let unused = m.new_label();
    m.f64_to_i64(ret, f, unused);
    m.add(ret, ret, RegImm::Reg(k));
    m.add(ret, ret, RegImm::Reg(seven));
    m.epilogue();
    m.bind(unused);
    m.trap();
}

/// `fn(p: *object) -> u64`: raw-pointer incref then two decrefs; returns 1.
pub fn raw_refcounts(m: &mut dyn MacroAssembler, h: &Helpers) {
    let (p, ret) = (arg(m, 0), m.regs().ret_gp);
    let saved = tmp(m, 0);
    let fr = frame(m, &[saved], &[], 0);
    m.prologue(&fr);
    // Keep the pointer in a register the call preserves, since `p` is an argument register.
    m.mov(saved, p);
    m.incref(saved);
    m.decref(saved, h.dealloc, &RegSet::of(&[saved], &[]));
    m.decref(saved, h.dealloc, &RegSet::of(&[saved], &[]));
    m.mov_imm(ret, 1);
    m.epilogue();
}

/// `fn(a, b, c, d: u64) -> u64`: calls `sum10` with ten integer arguments (immediates, the
/// four arguments in rotated order so the parallel move has a cycle, registers that are not
/// arguments) and `fma3` with three floats, keeping a spill slot and live values across.
pub fn many_args(m: &mut dyn MacroAssembler, h: &Helpers) {
    let (a, b, c, d) = (arg(m, 0), arg(m, 1), arg(m, 2), arg(m, 3));
    let ret = m.regs().ret_gp;
    let (keep, other, r) = (tmp(m, 0), tmp(m, 1), tmp(m, 2));
    let (f1, f2, f3, fr) = (ftmp(m, 0), ftmp(m, 1), ftmp(m, 2), ftmp(m, 3));
    let layout = frame(m, &[keep, other, r], &[f1, f2, f3, fr], 1);
    m.prologue(&layout);
    let slot = m.spill_slot(0);
    m.store(d, slot);
    m.mov_imm(keep, 1000);
    m.mov_imm(other, 0x50);
    let live = RegSet::of(&[keep, a, b, c, d], &[]);
    let args = [
        CallArg::Reg(b),
        CallArg::Reg(c),
        CallArg::Reg(d),
        CallArg::Reg(a),
        CallArg::Imm(5),
        CallArg::Imm(u64::MAX),
        CallArg::Reg(other),
        CallArg::Reg(keep),
        CallArg::Imm(9),
        CallArg::Reg(a),
    ];
    m.call(h.sum10, &args, CallRet::Reg(r), &live);
    m.comment("x = fma3(0.25, 1.5, 2.0)");
    m.fmov_imm(f1, 1.5);
    m.fmov_imm(f2, 2.0);
    m.fmov_imm(f3, 0.25);
    m.call(
        h.fma3,
        &[CallArg::FReg(f3), CallArg::FReg(f1), CallArg::FReg(f2)],
        CallRet::FReg(fr),
        &RegSet::of(&[r, keep], &[]),
    );
    let fail = m.new_label();
    m.f64_to_i64(ret, fr, fail);
    m.add(ret, ret, RegImm::Reg(r));
    m.add(ret, ret, RegImm::Reg(keep));
    let slot = m.spill_slot(0);
    m.load(other, slot);
    m.add(ret, ret, RegImm::Reg(other));
    m.epilogue();
    m.bind(fail);
    m.trap();
}

/// What `many_args` returns.
pub fn many_args_ref(a: u64, b: u64, c: u64, d: u64) -> u64 {
    let s = sum10_ref([b, c, d, a, 5, u64::MAX, 0x50, 1000, 9, a]);
    let x = fma3_ref(0.25, 1.5, 2.0) as u64;
    s.wrapping_add(x).wrapping_add(1000).wrapping_add(d)
}

pub fn fma3_ref(x: f64, y: f64, z: f64) -> f64 {
    x + y * z
}

/// A position-weighted sum, so any argument out of place shows.
pub fn sum10_ref(args: [u64; 10]) -> u64 {
    args.iter().enumerate().fold(0u64, |acc, (i, &v)| {
        acc.wrapping_add(v.wrapping_mul(i as u64 + 1))
    })
}

/// `fn() -> u64` whose body is one patchable jump to a stub returning 1.
/// Returns the patch site.
pub fn patchable(m: &mut dyn MacroAssembler) -> PatchSite {
    let ret = m.regs().ret_gp;
    let stub = m.new_label();
    m.prologue(&FrameLayout::default());
    let site = m.patchable_jump(stub);
    m.comment("exit stub");
    m.bind(stub);
    m.mov_imm(ret, 1);
    m.epilogue();
    site
}

/// A "side trace" entered by the patched jump: runs in the parent's frame, returns 2.
pub fn side_trace(m: &mut dyn MacroAssembler) {
    let ret = m.regs().ret_gp;
    m.adopt_frame(&FrameLayout::default());
    m.mov_imm(ret, 2);
    m.epilogue();
}

/// Every trait method once or more, with the immediates and offsets that need special
/// forms (negative, wider than an instruction field, not a logical immediate), so the
/// listings show each lowering for review. Not run.
pub fn every_op(m: &mut dyn MacroAssembler, h: &Helpers) {
    let (a, b, c) = (arg(m, 0), arg(m, 1), arg(m, 2));
    let (fa, fb) = (ftmp(m, 0), ftmp(m, 1));
    let (target, exit) = (m.new_label(), m.new_label());
    let layout = frame(m, &[], &[fa, fb], 3);
    m.prologue(&layout);
    m.comment("moves");
    m.mov(a, b);
    for imm in [
        0,
        0x1234,
        0xFFFF_FFFF,
        u64::MAX,
        0xFFFF_0000_1234_FFFF,
        1 << 63,
        (-5i64) as u64,
    ] {
        m.mov_imm(a, imm);
    }
    m.comment("memory");
    for off in [0, 8, -8, 12, 32760, 32768, -300, 1 << 20] {
        m.load(a, Mem::new(b, off));
    }
    m.load_u32(a, Mem::new(b, 4));
    m.load_u8(a, Mem::new(b, 5));
    m.store(a, Mem::new(b, -16));
    m.store_imm(0, Mem::new(b, 8));
    m.store_imm(42, Mem::new(b, 8));
    m.store_imm(u64::MAX << 20, Mem::new(b, 8));
    let slot = m.spill_slot(2);
    m.store(c, slot);
    m.fload(fa, Mem::new(b, 16));
    m.fstore(fa, Mem::new(b, -24));
    m.fmov(fb, fa);
    for x in [0.0, 1.0, -2.5, 0.1, 1e300] {
        m.fmov_imm(fa, x);
    }
    m.mov_gp_to_fp(fa, a);
    m.mov_fp_to_gp(a, fa);
    m.comment("integer arithmetic");
    for rhs in [
        RegImm::Reg(c),
        RegImm::Imm(1),
        RegImm::Imm(-1),
        RegImm::Imm(4095),
        RegImm::Imm(70000),
    ] {
        m.add(a, b, rhs);
        m.sub(a, b, rhs);
    }
    m.sub(a, b, RegImm::Reg(a));
    m.mul(a, b, c);
    for rhs in [
        RegImm::Reg(c),
        RegImm::Imm(0xFF),
        RegImm::Imm(-16),
        RegImm::Imm(0x1234_5678),
    ] {
        m.and(a, b, rhs);
        m.or(a, b, rhs);
        m.xor(a, b, rhs);
    }
    for amount in [RegImm::Imm(3), RegImm::Reg(c)] {
        m.shl(a, b, amount);
        m.sar(a, b, amount);
        m.shr(a, b, amount);
    }
    m.add_overflow(a, b, RegImm::Reg(c), exit);
    m.add_overflow(a, b, RegImm::Imm(-7), exit);
    m.sub_overflow(a, b, RegImm::Imm(100000), exit);
    m.mul_overflow(a, b, c, exit);
    m.comment("compares");
    for rhs in [
        RegImm::Reg(c),
        RegImm::Imm(0),
        RegImm::Imm(-1),
        RegImm::Imm(5000),
    ] {
        m.branch_cmp(IntCC::SLt, a, rhs, target);
    }
    m.branch_cmp(IntCC::UGe, a, RegImm::Reg(b), target);
    m.cmp_set(IntCC::Ne, a, b, RegImm::Imm(3));
    for cc in [
        FloatCC::Eq,
        FloatCC::Ne,
        FloatCC::Lt,
        FloatCC::NotLt,
        FloatCC::Ge,
        FloatCC::NotGe,
    ] {
        m.branch_fcmp(cc, fa, fb, target);
    }
    m.fcmp_set(FloatCC::Le, a, fa, fb);
    m.comment("floats");
    m.fadd(fa, fa, fb);
    m.fsub(fb, fa, fb);
    m.fmul(fa, fb, fa);
    m.fdiv(fb, fa, fb);
    m.fneg(fa, fb);
    m.fsqrt(fa, fa);
    m.i64_to_f64(fa, a);
    m.f64_to_i64(a, fa, exit);
    m.comment("NaN-boxing");
    for kind in ValueKind::ALL {
        m.branch_tag(TagTest::Is(kind), a, target);
    }
    m.branch_tag(TagTest::IsNot(ValueKind::Float), a, target);
    m.branch_not_int_pair(a, b, exit);
    m.unbox_int(a, b);
    m.box_int(a, b, exit);
    m.box_int_unchecked(a, b);
    m.box_float(a, fa);
    m.unbox_float(fa, a);
    m.box_bool(a, b);
    m.comment("reference counts");
    m.incref(a);
    m.incref_value(b);
    m.decref(a, h.dealloc, &RegSet::of(&[b, c], &[fa]));
    m.decref_value(b, h.dealloc, &RegSet::EMPTY);
    m.comment("control");
    m.bind(target);
    m.patchable_jump(exit);
    m.jump_abs(0x7f00_0000_4000);
    m.bind(exit);
    m.trap();
    m.epilogue();
}
