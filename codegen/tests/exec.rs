//! Runs code assembled through the trait on the host ISA and checks its results against
//! Rust (and `vm::value`) semantics.

mod common;

use codegen::masm::*;
use codegen::regs::RegSet;
use codegen::{CodeArena, CodeHandle, Isa};
use common::*;
use std::cell::RefCell;
use std::mem::ManuallyDrop;
use vm::value::{Value, CANON_NAN, SMALL_INT_MAX, SMALL_INT_MIN};

type Fn2 = extern "C" fn(u64, u64) -> u64;
type Fn4 = extern "C" fn(u64, u64, u64, u64) -> u64;

fn host() -> Isa {
    Isa::host().expect("the JIT supports this host")
}

/// Assembles with the host backend and installs in a fresh arena.
fn compile(build: impl FnOnce(&mut dyn MacroAssembler)) -> (CodeArena, CodeHandle) {
    let mut arena = CodeArena::new(1 << 20).unwrap();
    let h = install(&mut arena, build);
    (arena, h)
}

fn install(arena: &mut CodeArena, build: impl FnOnce(&mut dyn MacroAssembler)) -> CodeHandle {
    let mut m = host().assembler();
    build(&mut *m);
    let code = m.finish().unwrap();
    arena.install(&code).unwrap()
}

fn fn2(h: &CodeHandle) -> Fn2 {
    // SAFETY: the code was built as a two-argument C function.
    unsafe { std::mem::transmute::<*const u8, Fn2>(h.entry()) }
}

#[repr(C)]
struct FakeObj {
    rc: u32,
    kind: u8,
    flags: u8,
    ty: usize,
}

thread_local! {
    static FREED: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
}

extern "C" fn dealloc(p: *mut FakeObj) {
    FREED.with(|f| f.borrow_mut().push(p as usize));
}

#[allow(clippy::too_many_arguments)]
extern "C" fn sum10(
    a0: u64,
    a1: u64,
    a2: u64,
    a3: u64,
    a4: u64,
    a5: u64,
    a6: u64,
    a7: u64,
    a8: u64,
    a9: u64,
) -> u64 {
    sum10_ref([a0, a1, a2, a3, a4, a5, a6, a7, a8, a9])
}

extern "C" fn fma3(x: f64, y: f64, z: f64) -> f64 {
    fma3_ref(x, y, z)
}

fn real_helpers() -> Helpers {
    Helpers {
        dealloc: Helper {
            addr: dealloc as *const () as u64,
            name: "dealloc",
        },
        sum10: Helper {
            addr: sum10 as *const () as u64,
            name: "sum10",
        },
        fma3: Helper {
            addr: fma3 as *const () as u64,
            name: "fma3",
        },
    }
}

fn take_freed() -> Vec<usize> {
    FREED.with(|f| std::mem::take(&mut *f.borrow_mut()))
}

fn int(i: i64) -> u64 {
    Value::small_int(i).into_raw()
}

fn float(x: f64) -> u64 {
    Value::float(x).into_raw()
}

/// A word seen as a `Value` without owning it (never dropped, so pointer words are not
/// decremented and words no constructor makes can be asked about).
fn view(bits: u64) -> ManuallyDrop<Value> {
    // SAFETY: the value is only inspected, never dropped or dereferenced.
    ManuallyDrop::new(unsafe { Value::from_raw(bits) })
}

/// Boxed non-int words of every kind: floats at both ends of the float tags, specials.
fn non_ints() -> Vec<u64> {
    let mut v = vec![
        float(1.5),
        float(0.0),
        float(f64::NEG_INFINITY),
        float(f64::NAN),
    ];
    v.extend([Value::NONE, Value::TRUE, Value::FALSE, Value::UNDEF].map(Value::into_raw));
    v
}

#[test]
fn adds_boxed_small_ints_and_exits_on_overflow_or_other_types() {
    let (_a, h) = compile(add_small_ints);
    let f = fn2(&h);
    for (x, y) in [
        (1, 2),
        (-5, 3),
        (0, 0),
        (SMALL_INT_MAX - 1, 1),
        (SMALL_INT_MIN, 0),
        (-1, SMALL_INT_MIN + 1),
    ] {
        assert_eq!(f(int(x), int(y)), int(x + y), "{x} + {y}");
    }
    assert_eq!(f(int(SMALL_INT_MAX), int(1)), EXIT);
    assert_eq!(f(int(SMALL_INT_MIN), int(-1)), EXIT);
    let obj = vm::types::list::new_list(vec![]);
    let mut others = non_ints();
    others.push(obj.bits());
    for &o in &others {
        for (x, y) in [(o, int(1)), (int(-1), o), (o, o)] {
            assert_eq!(f(x, y), EXIT, "{x:#x} + {y:#x}");
        }
    }
}

#[test]
fn float_loop_matches_rust_bit_for_bit() {
    let (_a, h) = compile(float_loop);
    let f = fn2(&h);
    for n in [0i64, 1, 2, 7, 100] {
        for x in [0.5f64, 3.0, -2.0, 1e300] {
            let want = float(float_loop_ref(n, x));
            assert_eq!(f(n as u64, float(x)), want, "n={n} x={x}");
        }
    }
}

#[test]
fn refcounts_inline_with_out_of_line_dealloc() {
    let hs = real_helpers();
    let (_a, h) = compile(|m| refcounts(m, &hs));
    let f = fn2(&h);
    take_freed();
    let mut obj = FakeObj {
        rc: 1,
        kind: 0,
        flags: 0,
        ty: 0,
    };
    let p = &mut obj as *mut FakeObj as u64;
    assert_eq!(f(p, 100), 117);
    assert_eq!(obj.rc, 0);
    assert_eq!(
        take_freed(),
        vec![p as usize],
        "freed exactly once, with the object pointer"
    );

    obj.rc = 5;
    assert_eq!(f(p, 1), 18);
    assert_eq!(obj.rc, 4);
    assert!(take_freed().is_empty());

    // Not pointers (small words such as 0.0 boxed, tag 2, included): nothing is touched.
    for v in non_ints()
        .into_iter()
        .chain([int(3), int(-1), float(5e-324)])
    {
        assert_eq!(f(v, 0), 17, "{v:#x}");
    }
    assert!(take_freed().is_empty());
}

#[test]
fn raw_pointer_refcounts() {
    let hs = real_helpers();
    let (_a, h) = compile(|m| raw_refcounts(m, &hs));
    let f = fn2(&h);
    take_freed();
    let mut obj = FakeObj {
        rc: 3,
        kind: 0,
        flags: 0,
        ty: 0,
    };
    let p = &mut obj as *mut FakeObj as u64;
    assert_eq!(f(p, 0), 1);
    assert_eq!(obj.rc, 2);
    assert!(take_freed().is_empty());
    obj.rc = 1;
    f(p, 0);
    assert_eq!((obj.rc, take_freed()), (0, vec![p as usize]));
}

#[test]
fn calls_helpers_with_stack_arguments_floats_and_live_registers() {
    let hs = real_helpers();
    let (_a, h) = compile(|m| many_args(m, &hs));
    // SAFETY: built as a four-argument C function.
    let f: Fn4 = unsafe { std::mem::transmute::<*const u8, Fn4>(h.entry()) };
    for (a, b, c, d) in [
        (1, 2, 3, 4),
        (10, 0, u64::MAX, 7),
        (0xdead, 0xbeef, 42, 1 << 40),
    ] {
        assert_eq!(f(a, b, c, d), many_args_ref(a, b, c, d));
    }
}

#[test]
fn patched_jump_reaches_a_side_trace_and_back() {
    let mut arena = CodeArena::new(1 << 20).unwrap();
    let mut site = None;
    let parent = install(&mut arena, |m| site = Some(patchable(m)));
    let site = site.unwrap();
    let side = install(&mut arena, side_trace);
    let f = fn2(&parent);
    assert_eq!(f(0, 0), 1);
    arena
        .patch_jump(&parent, site, side.entry() as u64)
        .unwrap();
    assert_eq!(f(0, 0), 2);
    // Back to the stub right after the jump.
    let stub = parent.addr_of(site.0 + codegen::isa::patch_site_len(host()));
    arena.patch_jump(&parent, site, stub).unwrap();
    assert_eq!(f(0, 0), 1);
    assert_wx(&arena);
}

#[test]
fn jump_abs_tail_calls_other_code() {
    let mut arena = CodeArena::new(1 << 20).unwrap();
    let target = install(&mut arena, |m| {
        let (a, ret) = (arg(m, 0), m.regs().ret_gp);
        m.prologue(&FrameLayout::default());
        m.add(ret, a, RegImm::Imm(40));
        m.epilogue();
    });
    let addr = target.entry() as u64;
    let caller = install(&mut arena, |m| {
        let a = arg(m, 0);
        m.add(a, a, RegImm::Imm(2));
        m.jump_abs(addr);
    });
    assert_eq!(fn2(&caller)(0, 0), 42);
}

/// `fn(a, b) -> (a cc b)` as 0/1 through `cmp_set` (`set`) or a branch.
fn int_compare(cc: IntCC, set: bool, imm: Option<i32>) -> impl FnOnce(&mut dyn MacroAssembler) {
    move |m| {
        let (a, b, ret) = (arg(m, 0), arg(m, 1), m.regs().ret_gp);
        let rhs = imm.map_or(RegImm::Reg(b), RegImm::Imm);
        // The result goes to a temporary: `ret` may be the first argument (AArch64).
        let out = tmp(m, 0);
        let fr = frame(m, &[out], &[], 0);
        m.prologue(&fr);
        if set {
            m.cmp_set(cc, out, a, rhs);
        } else {
            let yes = m.new_label();
            m.mov_imm(out, 1);
            m.branch_cmp(cc, a, rhs, yes);
            m.mov_imm(out, 0);
            m.bind(yes);
        }
        m.mov(ret, out);
        m.epilogue();
    }
}

fn int_cc_eval(cc: IntCC, a: u64, b: u64) -> bool {
    let (sa, sb) = (a as i64, b as i64);
    match cc {
        IntCC::Eq => a == b,
        IntCC::Ne => a != b,
        IntCC::SLt => sa < sb,
        IntCC::SLe => sa <= sb,
        IntCC::SGt => sa > sb,
        IntCC::SGe => sa >= sb,
        IntCC::ULt => a < b,
        IntCC::ULe => a <= b,
        IntCC::UGt => a > b,
        IntCC::UGe => a >= b,
    }
}

const INT_CCS: [IntCC; 10] = [
    IntCC::Eq,
    IntCC::Ne,
    IntCC::SLt,
    IntCC::SLe,
    IntCC::SGt,
    IntCC::SGe,
    IntCC::ULt,
    IntCC::ULe,
    IntCC::UGt,
    IntCC::UGe,
];

#[test]
fn integer_compares_signed_and_unsigned() {
    let mut arena = CodeArena::new(1 << 22).unwrap();
    let vals = [
        0u64,
        1,
        2,
        u64::MAX,
        i64::MIN as u64,
        i64::MAX as u64,
        5000,
        (-5000i64) as u64,
    ];
    for cc in INT_CCS {
        for set in [false, true] {
            let f = fn2(&install(&mut arena, int_compare(cc, set, None)));
            for &a in &vals {
                for &b in &vals {
                    assert_eq!(
                        f(a, b) == 1,
                        int_cc_eval(cc, a, b),
                        "{cc:?} {a:#x} {b:#x} set={set}"
                    );
                }
            }
            assert_eq!(cc.negate().negate(), cc);
            for imm in [0i32, 7, -1, -5000, 5000, i32::MIN] {
                let f = fn2(&install(&mut arena, int_compare(cc, set, Some(imm))));
                for &a in &vals {
                    assert_eq!(
                        f(a, 0) == 1,
                        int_cc_eval(cc, a, imm as i64 as u64),
                        "{cc:?} {a:#x} imm {imm}"
                    );
                }
            }
        }
    }
}

const FLOAT_CCS: [FloatCC; 10] = [
    FloatCC::Eq,
    FloatCC::Ne,
    FloatCC::Lt,
    FloatCC::Le,
    FloatCC::Gt,
    FloatCC::Ge,
    FloatCC::NotLt,
    FloatCC::NotLe,
    FloatCC::NotGt,
    FloatCC::NotGe,
];

#[test]
fn float_compares_follow_python_nan_semantics() {
    let mut arena = CodeArena::new(1 << 22).unwrap();
    // Raw IEEE bits, not boxed values: any NaN, not just the canonical one.
    let vals = [
        0.0,
        -0.0,
        1.0,
        -1.5,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NAN,
        f64::from_bits(0xFFF0_0000_0000_0001),
    ];
    for cc in FLOAT_CCS {
        assert_eq!(cc.negate().negate(), cc);
        for set in [false, true] {
            let f = fn2(&install(&mut arena, |m| {
                let (a, b, ret) = (arg(m, 0), arg(m, 1), m.regs().ret_gp);
                let (fa, fb) = (ftmp(m, 0), ftmp(m, 1));
                let fr = frame(m, &[], &[fa, fb], 0);
                m.prologue(&fr);
                m.mov_gp_to_fp(fa, a);
                m.mov_gp_to_fp(fb, b);
                if set {
                    m.fcmp_set(cc, ret, fa, fb);
                } else {
                    let yes = m.new_label();
                    m.mov_imm(ret, 1);
                    m.branch_fcmp(cc, fa, fb, yes);
                    m.mov_imm(ret, 0);
                    m.bind(yes);
                }
                m.epilogue();
            }));
            for &a in &vals {
                for &b in &vals {
                    let got = f(a.to_bits(), b.to_bits()) == 1;
                    assert_eq!(got, cc.eval(a, b), "{a} {cc:?} {b} set={set}");
                    assert_eq!(cc.negate().eval(a, b), !cc.eval(a, b));
                }
            }
        }
    }
}

#[test]
fn integer_arithmetic_with_overflow_exits_keeps_inputs() {
    type Op = fn(&mut dyn MacroAssembler, Reg, Reg, Reg, Label);
    type Reference = fn(i64, i64) -> Option<i64>;
    let ops: [(Op, Reference); 3] = [
        (
            |m, d, a, b, l| m.add_overflow(d, a, RegImm::Reg(b), l),
            i64::checked_add,
        ),
        (
            |m, d, a, b, l| m.sub_overflow(d, a, RegImm::Reg(b), l),
            i64::checked_sub,
        ),
        (|m, d, a, b, l| m.mul_overflow(d, a, b, l), i64::checked_mul),
    ];
    let vals = [
        0i64,
        1,
        -1,
        3,
        i64::MAX,
        i64::MIN,
        1 << 32,
        -(1 << 31),
        1 << 62,
    ];
    let mut arena = CodeArena::new(1 << 22).unwrap();
    for (op, reference) in ops {
        // dst aliasing each input: on overflow the exit returns the (intact) first input.
        for alias in 0..3 {
            let f = fn2(&install(&mut arena, |m| {
                let (a, b, ret) = (arg(m, 0), arg(m, 1), m.regs().ret_gp);
                let dst = [a, b, tmp(m, 0)][alias];
                let exit = m.new_label();
                let fr = frame(m, &[tmp(m, 0)], &[], 0);
                m.prologue(&fr);
                op(m, dst, a, b, exit);
                m.mov(ret, dst);
                m.epilogue();
                m.bind(exit);
                m.xor(ret, a, RegImm::Reg(b));
                m.epilogue();
            }));
            for &x in &vals {
                for &y in &vals {
                    let want = reference(x, y).map_or((x ^ y) as u64, |r| r as u64);
                    assert_eq!(f(x as u64, y as u64), want, "{x} {y} alias {alias}");
                }
            }
        }
    }
    let (_a, h) = compile(|m| {
        let (a, b, ret) = (arg(m, 0), arg(m, 1), m.regs().ret_gp);
        let out = tmp(m, 0);
        let fr = frame(m, &[out], &[], 0);
        m.prologue(&fr);
        m.mul(out, a, b);
        m.sub(out, out, RegImm::Imm(-3));
        m.sub(out, b, RegImm::Reg(out));
        m.and(out, out, RegImm::Imm(-16));
        m.or(out, out, RegImm::Imm(5));
        m.xor(ret, out, RegImm::Reg(a));
        m.epilogue();
    });
    for (a, b) in [(3u64, 4u64), (u64::MAX, 7), (1 << 40, 1 << 30)] {
        let want = ((b.wrapping_sub(a.wrapping_mul(b).wrapping_add(3)) & !15) | 5) ^ a;
        assert_eq!(fn2(&h)(a, b), want);
    }
}

#[test]
fn shifts_by_register_and_immediate_in_any_registers() {
    let mut arena = CodeArena::new(1 << 22).unwrap();
    let probe = host().assembler();
    // The ISA's 4th argument register is rcx on x86-64, the implicit shift-count register.
    let regs = [probe.regs().ret_gp, probe.regs().arg_gp[3], tmp(&*probe, 0)];
    type Shift = fn(&mut dyn MacroAssembler, Reg, Reg, RegImm);
    type Reference = fn(u64, u32) -> u64;
    let shifts: [(Shift, Reference); 3] = [
        (|m, d, a, n| m.shl(d, a, n), |x, n| x << (n % 64)),
        (
            |m, d, a, n| m.sar(d, a, n),
            |x, n| ((x as i64) >> (n % 64)) as u64,
        ),
        (|m, d, a, n| m.shr(d, a, n), |x, n| x >> (n % 64)),
    ];
    for (shift, reference) in shifts {
        for &dst in &regs {
            for &ra in &regs {
                for &rn in regs.iter().filter(|&&r| r != ra) {
                    let f = fn2(&install(&mut arena, |m| {
                        let (a0, a1, ret) = (arg(m, 0), arg(m, 1), m.regs().ret_gp);
                        let t = tmp(m, 1);
                        let fr = frame(m, &[regs[0], regs[1], regs[2], t], &[], 0);
                        m.prologue(&fr);
                        m.mov(t, a1);
                        m.mov(ra, a0);
                        m.mov(rn, t);
                        shift(m, dst, ra, RegImm::Reg(rn));
                        m.mov(ret, dst);
                        m.epilogue();
                    }));
                    for (x, n) in [
                        (0x8000_0000_0000_0001u64, 1u32),
                        (0xF0F0, 4),
                        (u64::MAX, 63),
                        (12345, 64),
                        (7, 65),
                    ] {
                        assert_eq!(
                            f(x, n as u64),
                            reference(x, n),
                            "{dst:?} {ra:?} {rn:?} {x:#x} {n}"
                        );
                    }
                }
            }
        }
        let f = fn2(&install(&mut arena, |m| {
            let (a0, ret) = (arg(m, 0), m.regs().ret_gp);
            m.prologue(&FrameLayout::default());
            shift(m, ret, a0, RegImm::Imm(13));
            m.epilogue();
        }));
        assert_eq!(
            f(0x8123_4567_89ab_cdef, 0),
            reference(0x8123_4567_89ab_cdef, 13)
        );
    }
}

/// `fn(a, b) -> u64` running `body` with `fa`/`fb` = the arguments, boxed floats, unboxed.
fn float_fn(
    body: impl FnOnce(&mut dyn MacroAssembler, FReg, FReg, Reg),
) -> impl FnOnce(&mut dyn MacroAssembler) {
    move |m| {
        let (a, b, ret) = (arg(m, 0), arg(m, 1), m.regs().ret_gp);
        let (fa, fb) = (ftmp(m, 0), ftmp(m, 1));
        let fr = frame(m, &[], &[fa, fb], 0);
        m.prologue(&fr);
        m.unbox_float(fa, a);
        m.unbox_float(fb, b);
        body(m, fa, fb, ret);
        m.epilogue();
    }
}

type IntoFp = fn(&mut dyn MacroAssembler, FReg, Reg);
type OutOfFp = fn(&mut dyn MacroAssembler, Reg, FReg);

/// `fn(a) -> u64`: `into` takes the argument into an FP register, `out` returns it.
fn through_fp(into: IntoFp, out: OutOfFp) -> impl FnOnce(&mut dyn MacroAssembler) {
    move |m| {
        let (a, ret) = (arg(m, 0), m.regs().ret_gp);
        let f = ftmp(m, 0);
        let fr = frame(m, &[], &[f], 0);
        m.prologue(&fr);
        into(m, f, a);
        out(m, ret, f);
        m.epilogue();
    }
}

#[test]
fn float_ops_and_conversions() {
    let mut arena = CodeArena::new(1 << 22).unwrap();
    let f = fn2(&install(
        &mut arena,
        float_fn(|m, fa, fb, ret| {
            // (a - b) / b with the destination aliasing the divisor.
            m.fsub(fa, fa, fb);
            m.fdiv(fb, fa, fb);
            m.box_float(ret, fb);
        }),
    ));
    for (a, b) in [
        (1.0f64, 3.0f64),
        (0.0, 0.0),
        (f64::INFINITY, f64::INFINITY),
        (-2.5, 0.5),
        (-1.0, 0.0),
    ] {
        assert_eq!(f(float(a), float(b)), float((a - b) / b), "{a} {b}");
    }
    let neg = fn2(&install(
        &mut arena,
        float_fn(|m, fa, _, ret| {
            m.fneg(fa, fa);
            m.mov_fp_to_gp(ret, fa);
        }),
    ));
    for x in [0.0f64, -0.0, 1.5, f64::INFINITY] {
        assert_eq!(neg(float(x), 0), (-x).to_bits());
    }
    let to_int = fn2(&install(
        &mut arena,
        float_fn(|m, fa, _, ret| {
            let fail = m.new_label();
            let done = m.new_label();
            m.f64_to_i64(ret, fa, fail);
            m.jump(done);
            m.bind(fail);
            m.mov_imm(ret, EXIT);
            m.bind(done);
        }),
    ));
    for (x, want) in [
        (1.9f64, Some(1i64)),
        (-1.9, Some(-1)),
        (4.5e15, Some(4_500_000_000_000_000)),
        (9.2e18, Some(9_200_000_000_000_000_000)),
    ] {
        assert_eq!(to_int(float(x), 0), want.unwrap() as u64, "{x}");
    }
    for x in [
        f64::NAN,
        1e19,
        -1e19,
        f64::INFINITY,
        -9_223_372_036_854_775_808.0,
    ] {
        assert_eq!(to_int(float(x), 0), EXIT, "{x}");
    }
    let from_int = fn2(&install(
        &mut arena,
        through_fp(|m, f, a| m.i64_to_f64(f, a), |m, r, f| m.box_float(r, f)),
    ));
    for i in [0i64, -7, 1 << 53, i64::MIN, i64::MAX] {
        assert_eq!(from_int(i as u64, 0), float(i as f64));
    }
}

/// f64s at the edges of the encoding: both zeros, subnormals, the extremes, infinities, and
/// NaNs with either sign, quiet or signalling, with payloads.
const EDGE_FLOATS: [u64; 16] = [
    0,
    1 << 63,
    1,
    0x000F_FFFF_FFFF_FFFF,
    0x3FF8_0000_0000_0000,
    0x7FEF_FFFF_FFFF_FFFF,
    0xFFEF_FFFF_FFFF_FFFF,
    0x7FF0_0000_0000_0000,
    0xFFF0_0000_0000_0000,
    CANON_NAN,
    0x7FF0_0000_0000_0001,
    0x7FFF_FFFF_FFFF_FFFF,
    0xFFF8_0000_0000_0000,
    0xFFFF_FFFF_FFFF_FFFF,
    0xFFF0_0000_0000_0001,
    0x8000_0000_0000_0001,
];

#[test]
fn floats_box_and_unbox_as_value_does() {
    let mut arena = CodeArena::new(1 << 20).unwrap();
    // Raw IEEE bits in, boxed word out; boxed word in, raw IEEE bits out.
    let boxer = fn2(&install(
        &mut arena,
        through_fp(|m, f, a| m.mov_gp_to_fp(f, a), |m, r, f| m.box_float(r, f)),
    ));
    let unboxer = fn2(&install(
        &mut arena,
        through_fp(
            |m, f, a| m.unbox_float(f, a),
            |m, r, f| m.mov_fp_to_gp(r, f),
        ),
    ));
    for raw in EDGE_FLOATS {
        let x = f64::from_bits(raw);
        let boxed = Value::float(x);
        assert!(boxed.is_float());
        assert_eq!(boxer(raw, 0), boxed.bits(), "box {raw:#x}");
        assert_eq!(
            unboxer(boxed.bits(), 0),
            boxed.float_unchecked().to_bits(),
            "unbox {raw:#x}"
        );
    }
}

/// What `test` says of `bits`, by `vm::value::Value`'s own tests.
fn value_test(test: TagTest, bits: u64) -> bool {
    let v = view(bits);
    let (kind, is) = match test {
        TagTest::Is(k) => (k, true),
        TagTest::IsNot(k) => (k, false),
    };
    let holds = match kind {
        ValueKind::Int => v.is_small_int(),
        ValueKind::Ptr => v.is_ptr(),
        ValueKind::Float => v.is_float(),
        ValueKind::Bool => v.is_bool(),
        ValueKind::None => v.is_none(),
        ValueKind::Undef => v.is_undef(),
    };
    holds == is
}

/// `fn(a, b) -> u64`: 1 if `branch` (given a, b and a label) jumps to the label, else 0.
fn taken(
    branch: impl FnOnce(&mut dyn MacroAssembler, Reg, Reg, Label),
) -> impl FnOnce(&mut dyn MacroAssembler) {
    move |m| {
        let (a, b, ret) = (arg(m, 0), arg(m, 1), m.regs().ret_gp);
        let out = tmp(m, 0);
        let yes = m.new_label();
        let fr = frame(m, &[out], &[], 0);
        m.prologue(&fr);
        m.mov_imm(out, 1);
        branch(m, a, b, yes);
        m.mov_imm(out, 0);
        m.bind(yes);
        m.mov(ret, out);
        m.epilogue();
    }
}

#[test]
fn tag_tests_match_value_and_int_boxing() {
    let mut arena = CodeArena::new(1 << 22).unwrap();
    let (empty, one) = (
        vm::types::list::new_list(vec![]),
        vm::types::list::new_list(vec![Value::NONE]),
    );
    let mut samples = vec![
        int(0),
        int(-1),
        int(1),
        int(SMALL_INT_MAX),
        int(SMALL_INT_MIN),
        empty.bits(),
        one.bits(),
    ];
    samples.extend(EDGE_FLOATS.map(|raw| float(f64::from_bits(raw))));
    samples.extend([Value::NONE, Value::FALSE, Value::TRUE, Value::UNDEF].map(Value::into_raw));
    // Words no constructor makes: the unused tags 0xFFF3..=0xFFFE (floats to `is_float`),
    // and tag 1 with other payloads (no kind at all).
    samples.extend([0xFFF3_0000_0000_0000, 0xFFFE_FFFF_FFFF_FFFF]);
    samples.extend([1, 5, 6, 7, 1 << 47, 0xFFFF_FFFF_FFFF].map(|p| Value::NONE_BITS | p));
    let kinds_seen: Vec<ValueKind> = ValueKind::ALL
        .into_iter()
        .filter(|&k| samples.iter().any(|&b| value_test(TagTest::Is(k), b)))
        .collect();
    assert_eq!(kinds_seen, ValueKind::ALL, "every kind has samples");
    for kind in ValueKind::ALL {
        for test in [TagTest::Is(kind), TagTest::IsNot(kind)] {
            let f = fn2(&install(
                &mut arena,
                taken(|m, a, _, yes| m.branch_tag(test, a, yes)),
            ));
            for &v in &samples {
                assert_eq!(f(v, 0) == 1, value_test(test, v), "{test:?} {v:#x}");
            }
        }
    }
    // The int-pair guard, with the operands in either order and aliased.
    let not_pair = fn2(&install(
        &mut arena,
        taken(|m, a, b, not| {
            m.branch_not_int_pair(a, b, not);
            m.branch_not_int_pair(b, a, not);
            m.branch_not_int_pair(a, a, not);
            m.branch_not_int_pair(b, b, not);
        }),
    ));
    for &x in &samples {
        for &y in &samples {
            let want = view(x).is_small_int() && view(y).is_small_int();
            assert_eq!(not_pair(x, y) == 0, want, "{x:#x} {y:#x}");
        }
    }
    // box_int range check against Value::fits_small, box/unbox round trip.
    let boxer = fn2(&install(&mut arena, |m| {
        let (a, ret) = (arg(m, 0), m.regs().ret_gp);
        let exit = m.new_label();
        m.prologue(&FrameLayout::default());
        m.box_int(a, a, exit);
        m.unbox_int(ret, a);
        m.box_int_unchecked(ret, ret);
        m.epilogue();
        m.bind(exit);
        m.mov_imm(ret, EXIT);
        m.epilogue();
    }));
    for i in [
        0i64,
        1,
        -1,
        SMALL_INT_MAX,
        SMALL_INT_MIN,
        SMALL_INT_MAX + 1,
        SMALL_INT_MIN - 1,
        i64::MAX,
        i64::MIN,
        1 << 50,
    ] {
        let want = if Value::fits_small(i) { int(i) } else { EXIT };
        assert_eq!(boxer(i as u64, 0), want, "{i}");
    }
    let bools = fn2(&install(&mut arena, |m| {
        let (a, ret) = (arg(m, 0), m.regs().ret_gp);
        m.prologue(&FrameLayout::default());
        m.box_bool(ret, a);
        m.epilogue();
    }));
    for b in [false, true] {
        assert_eq!(bools(b as u64, 0), Value::bool(b).bits());
    }
}

#[test]
fn loads_and_stores_at_small_large_and_negative_offsets() {
    let (_a, h) = compile(|m| {
        let (base, v, ret) = (arg(m, 0), arg(m, 1), m.regs().ret_gp);
        let (t, acc) = (tmp(m, 0), tmp(m, 1));
        let f = ftmp(m, 0);
        let fr = frame(m, &[t, acc], &[f], 0);
        m.prologue(&fr);
        m.add(base, base, RegImm::Imm(4096));
        m.store(v, Mem::new(base, -4096)); // slot 0
        m.store_imm(0x1122_3344_5566_7788, Mem::new(base, 8));
        m.store_imm(u64::MAX - 1, Mem::new(base, 5000 * 8 - 4096));
        m.load(t, Mem::new(base, -4096));
        m.fload(f, Mem::new(base, 8));
        m.fstore(f, Mem::new(base, -4096 + 16)); // slot 2
        m.load_u32(acc, Mem::new(base, 12));
        m.add(acc, acc, RegImm::Reg(t));
        m.load_u8(t, Mem::new(base, -4096 + 17));
        m.add(ret, acc, RegImm::Reg(t));
        m.epilogue();
    });
    let mut buf = vec![0u64; 8192];
    let r = fn2(&h)(buf.as_mut_ptr() as u64, 1000);
    assert_eq!(buf[0], 1000);
    assert_eq!(buf[1 + 512], 0x1122_3344_5566_7788);
    assert_eq!(buf[2], 0x1122_3344_5566_7788);
    assert_eq!(buf[5000], u64::MAX - 1);
    assert_eq!(r, 0x1122_3344 + 1000 + 0x77);
}

#[test]
fn arena_caps_frees_and_reuses_and_is_never_writable_and_executable() {
    let mut arena = CodeArena::new(3 * 4096).unwrap();
    let a = install(&mut arena, add_small_ints);
    let b = install(&mut arena, float_loop);
    let c = install(&mut arena, add_small_ints);
    assert_eq!(arena.used(), arena.capacity());
    let mut m = host().assembler();
    add_small_ints(&mut *m);
    let code = m.finish().unwrap();
    let err = arena.install(&code).unwrap_err();
    assert!(
        matches!(err, codegen::CodegenError::ArenaFull { .. }),
        "{err}"
    );
    assert!(err.to_string().starts_with("JIT code arena full"));
    assert_wx(&arena);
    let b_addr = b.entry();
    arena.free(b).unwrap();
    let d = arena.install(&code).unwrap();
    assert_eq!(d.entry(), b_addr, "the freed run is reused");
    assert_eq!(fn2(&d)(int(20), int(22)), int(42));
    assert_eq!(fn2(&a)(int(1), int(2)), int(3));
    arena.free(a).unwrap();
    arena.free(c).unwrap();
    arena.free(d).unwrap();
    assert_eq!(arena.used(), 0);
    // All three runs coalesced: a three-page function fits again.
    let mut m = host().assembler();
    let (ret, a0) = (m.regs().ret_gp, arg(&*m, 0));
    m.mov(ret, a0);
    while m.offset() < 2 * 4096 + 64 {
        m.add(ret, ret, RegImm::Imm(1));
    }
    m.epilogue();
    let big = m.finish().unwrap();
    assert!(big.code.len() > 2 * 4096);
    arena.install(&big).unwrap();
}

/// No mapping of the arena's range is writable and executable at once (/proc/self/maps).
fn assert_wx(arena: &CodeArena) {
    let maps = std::fs::read_to_string("/proc/self/maps").unwrap();
    let range = arena.range();
    let mut seen_exec = false;
    for line in maps.lines() {
        let mut parts = line.split_whitespace();
        let (span, perms) = (parts.next().unwrap(), parts.next().unwrap());
        let (lo, hi) = span.split_once('-').unwrap();
        let (lo, hi) = (
            usize::from_str_radix(lo, 16).unwrap(),
            usize::from_str_radix(hi, 16).unwrap(),
        );
        if lo < range.end && hi > range.start {
            assert!(
                !(perms.contains('w') && perms.contains('x')),
                "W+X mapping: {line}"
            );
            seen_exec |= perms.contains('x');
        }
    }
    assert!(seen_exec, "the arena holds executable code");
}

#[test]
fn decref_frees_real_vm_objects_through_the_runtime_helper() {
    use vm::types::list::new_list;
    let hs = Helpers {
        dealloc: codegen::runtime::dealloc_helper(),
        ..real_helpers()
    };
    let (_a, h) = compile(|m| refcounts(m, &hs));
    let f = fn2(&h);
    let inner = new_list(vec![]);
    let outer = new_list(vec![inner.clone()]);
    let rc = |v: &Value| v.header().unwrap().rc.get();
    assert_eq!(rc(&inner), 2);
    let keep = outer.clone();
    // Net -1 on `outer`: from 2 to 1, nothing freed.
    assert_eq!(f(keep.into_raw(), 0), 17);
    assert_eq!((rc(&outer), rc(&inner)), (1, 2));
    // The last reference: the JIT's decref frees the list, which releases `inner`.
    assert_eq!(f(outer.into_raw(), 0), 17);
    assert_eq!(rc(&inner), 1);
}

#[test]
fn constants_of_every_shape_materialise_exactly() {
    let mut arena = CodeArena::new(1 << 22).unwrap();
    let consts = [
        0u64,
        1,
        0x7FFF_FFFF,
        0x8000_0000,
        0xFFFF_FFFF,
        0x1_0000_0000,
        u64::MAX,
        (-2i64) as u64,
        0xFFFF_0000_1234_FFFF,
        1 << 63,
        0x0000_FFFF_0000_0000,
        0x1234_5678_9ABC_DEF0,
        CANON_NAN,
    ];
    for imm in consts {
        let f = fn2(&install(&mut arena, |m| {
            let (a, ret) = (arg(m, 0), m.regs().ret_gp);
            m.prologue(&FrameLayout::default());
            m.store_imm(imm, Mem::new(a, 8));
            m.store_imm(!imm, Mem::new(a, -296));
            m.mov_imm(ret, imm);
            m.epilogue();
        }));
        let mut buf = [0u64; 64];
        let base = &mut buf[40] as *mut u64 as u64;
        assert_eq!(f(base, 0), imm, "{imm:#x}");
        assert_eq!(buf[41], imm, "{imm:#x}");
        assert_eq!(buf[3], !imm, "{imm:#x}");
    }
}

thread_local! {
    static CHAIN: RefCell<Vec<(u64, u64)>> = const { RefCell::new(Vec::new()) };
}

/// Records the frame-record chain starting at compiled code's frame pointer `fp`:
/// (frame pointer, return address) pairs, two levels deep.
extern "C" fn record_chain(fp: u64) -> u64 {
    let mut chain = vec![];
    let mut p = fp;
    for _ in 0..2 {
        // SAFETY: `p` is a frame pointer of a live compiled frame: [p] = caller's frame
        // pointer, [p + 8] = return address (x86-64 push rbp / AArch64 stp x29, x30).
        let (next, ret) = unsafe { (*(p as *const u64), *((p + 8) as *const u64)) };
        chain.push((p, ret));
        p = next;
    }
    CHAIN.with(|c| *c.borrow_mut() = chain);
    7
}

#[test]
fn frame_pointer_chain_unwinds_through_compiled_frames() {
    let mut arena = CodeArena::new(1 << 20).unwrap();
    // inner(): calls record_chain(its own frame pointer).
    let inner = install(&mut arena, |m| {
        let (fp, ret) = (m.regs().fp, m.regs().ret_gp);
        m.prologue(&FrameLayout {
            spill_slots: 3,
            ..Default::default()
        });
        let helper = Helper {
            addr: record_chain as *const () as u64,
            name: "record_chain",
        };
        m.call(
            helper,
            &[CallArg::Reg(fp)],
            CallRet::Reg(ret),
            &RegSet::EMPTY,
        );
        m.epilogue();
    });
    // outer(): a compiled frame (with saved registers) calling inner().
    let inner_entry = Helper {
        addr: inner.entry() as u64,
        name: "inner",
    };
    let outer = install(&mut arena, |m| {
        let ret = m.regs().ret_gp;
        let t = tmp(m, 0);
        let fr = frame(m, &[t], &[], 1);
        m.prologue(&fr);
        m.call(inner_entry, &[], CallRet::Reg(ret), &RegSet::EMPTY);
        m.add(ret, ret, RegImm::Imm(1));
        m.epilogue();
    });
    assert_eq!(fn2(&outer)(0, 0), 8);
    let chain = CHAIN.with(|c| c.borrow().clone());
    let in_code =
        |h: &CodeHandle, a: u64| (h.entry() as u64..h.entry() as u64 + h.len() as u64).contains(&a);
    // inner's record returns into outer; outer's record returns into Rust (not the arena).
    assert!(in_code(&outer, chain[0].1), "{chain:x?}");
    assert!(
        !arena.range().contains(&(chain[1].1 as usize)),
        "{chain:x?}"
    );
    assert!(
        chain[1].0 > chain[0].0,
        "the caller's frame is above the callee's"
    );
}
