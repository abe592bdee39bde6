//! The `math` module: float functions.
//!
//! The elementary functions call the platform C library (libm), exactly as CPython does, so
//! results agree to the last bit on the same machine; CPython's own algorithms (gamma and
//! lgamma by Lanczos' formula, hypot/dist, fsum) are reimplemented from their descriptions.
//! Integer functions (factorial, gcd, comb, ...) are in `math_int.rs`.

use super::math_int;
use crate::builtins::args::Args;
use crate::bytecode::BinOp;
use crate::error::{self, PyResult};
use crate::ops;
use crate::types::int::{self, as_int, float_to_big, int_to_f64};
use crate::types::str::as_str;
use crate::types::tuple::new_tuple;
use crate::types::type_name;
use crate::value::Value;
use crate::vm::Vm;
use num_bigint::BigInt;
use num_traits::ToPrimitive;
use std::f64::consts::PI;

/// The C library's math functions (glibc's libm on Linux, already linked by std).
mod c {
    extern "C" {
        pub fn sin(x: f64) -> f64;
        pub fn cos(x: f64) -> f64;
        pub fn tan(x: f64) -> f64;
        pub fn asin(x: f64) -> f64;
        pub fn acos(x: f64) -> f64;
        pub fn atan(x: f64) -> f64;
        pub fn atan2(y: f64, x: f64) -> f64;
        pub fn sinh(x: f64) -> f64;
        pub fn cosh(x: f64) -> f64;
        pub fn tanh(x: f64) -> f64;
        pub fn asinh(x: f64) -> f64;
        pub fn acosh(x: f64) -> f64;
        pub fn atanh(x: f64) -> f64;
        pub fn exp(x: f64) -> f64;
        pub fn exp2(x: f64) -> f64;
        pub fn expm1(x: f64) -> f64;
        pub fn log(x: f64) -> f64;
        pub fn log2(x: f64) -> f64;
        pub fn log10(x: f64) -> f64;
        pub fn log1p(x: f64) -> f64;
        pub fn pow(x: f64, y: f64) -> f64;
        pub fn erf(x: f64) -> f64;
        pub fn erfc(x: f64) -> f64;
        pub fn ldexp(x: f64, e: i32) -> f64;
        pub fn nextafter(x: f64, y: f64) -> f64;
        pub fn remainder(x: f64, y: f64) -> f64;
        pub fn dlsym(
            handle: *mut std::ffi::c_void,
            symbol: *const std::ffi::c_char,
        ) -> *mut std::ffi::c_void;
    }
}

/// The C library's cbrt. Rust's compiler builtins link their own `cbrt` into the binary,
/// which shadows the C library's (and differs in the last bit), so it is looked up at
/// run time.
fn cbrt(x: f64) -> f64 {
    type F = unsafe extern "C" fn(f64) -> f64;
    static LIBC_CBRT: std::sync::OnceLock<Option<F>> = std::sync::OnceLock::new();
    let f = LIBC_CBRT.get_or_init(|| {
        // SAFETY: dlsym with RTLD_DEFAULT (null) and a NUL-terminated name; a non-null
        // result is the address of the C function `double cbrt(double)`.
        let p = unsafe { c::dlsym(std::ptr::null_mut(), c"cbrt".as_ptr()) };
        (!p.is_null()).then(|| unsafe { std::mem::transmute::<*mut std::ffi::c_void, F>(p) })
    });
    match f {
        // SAFETY: a pure C math function.
        Some(f) => unsafe { f(x) },
        None => x.cbrt(),
    }
}

macro_rules! libm1 {
    ($($name:ident),*) => {
        $(pub(super) fn $name(x: f64) -> f64 {
            // SAFETY: a pure C math function taking and returning doubles.
            unsafe { c::$name(x) }
        })*
    };
}
libm1!(
    sin, cos, tan, asin, acos, atan, sinh, cosh, tanh, asinh, acosh, atanh, exp, exp2, expm1, log,
    log2, log10, log1p, erf, erfc
);
fn libm2(f: unsafe extern "C" fn(f64, f64) -> f64, x: f64, y: f64) -> f64 {
    // SAFETY: a pure C math function taking and returning doubles.
    unsafe { f(x, y) }
}
fn ldexp_c(x: f64, e: i32) -> f64 {
    // SAFETY: as above.
    unsafe { c::ldexp(x, e) }
}

// ---- errors and argument conversion ----

pub(super) fn domain_error() -> crate::error::PyErr {
    error::value_error("math domain error")
}
pub(super) fn range_error() -> crate::error::PyErr {
    error::overflow_error("math range error")
}

/// What C's errno would say after a libm-style computation.
#[derive(PartialEq)]
enum Errno {
    Ok,
    Dom,
    Range,
}

/// CPython's `is_error`: a range error whose result is small was an underflow, not an error.
fn check_errno(r: f64, e: Errno) -> PyResult<f64> {
    match e {
        Errno::Ok => Ok(r),
        Errno::Dom => Err(domain_error()),
        Errno::Range if r.abs() < 1.5 => Ok(r),
        Errno::Range => Err(range_error()),
    }
}

/// `float(x)` as the math functions see it: floats, ints and bools.
pub(super) fn to_f64(v: &Value) -> PyResult<f64> {
    if let Some(f) = v.as_float() {
        return Ok(f);
    }
    if let Some(i) = as_int(v) {
        return int_to_f64(&i).map_err(error::overflow_error);
    }
    Err(error::type_error(format!(
        "must be real number, not {}",
        type_name(v)
    )))
}

/// The single argument of a one-argument function (`math.NAME() takes exactly one argument`).
pub(super) fn one_arg<'a>(
    qual: &'static str,
    args: &'a [Value],
    kw: &[Value],
) -> PyResult<&'a Value> {
    let a = Args::new(qual, args, kw);
    a.check(1, 1, &[])?;
    Ok(&args[0])
}

/// The arguments of an N-argument function (`NAME expected N arguments, got M`).
pub(super) fn n_args<'a>(
    name: &'static str,
    n: usize,
    args: &'a [Value],
    kw: &[Value],
) -> PyResult<&'a [Value]> {
    Args::new(name, args, kw).check(n, n, &[])?;
    Ok(args)
}

/// One-argument float functions: a NaN from a non-NaN is a domain error, an infinity from
/// a finite input an overflow (if the function can overflow) or a singularity.
fn math_1(x: f64, f: fn(f64) -> f64, can_overflow: bool) -> PyResult<f64> {
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain_error());
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow {
            range_error()
        } else {
            domain_error()
        });
    }
    Ok(r)
}

/// Two-argument float functions (atan2, copysign, remainder).
fn math_2(x: f64, y: f64, f: impl Fn(f64, f64) -> f64) -> PyResult<f64> {
    let r = f(x, y);
    let e = if r.is_nan() && !x.is_nan() && !y.is_nan() {
        Errno::Dom
    } else if r.is_infinite() && x.is_finite() && y.is_finite() {
        Errno::Range
    } else {
        Errno::Ok
    };
    check_errno(r, e)
}

macro_rules! func1 {
    ($($py:literal, $rust:ident => $f:expr, $ovf:expr;)*) => {
        $(fn $rust(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
            let x = to_f64(one_arg(concat!("math.", $py), args, kw)?)?;
            math_1(x, $f, $ovf).map(Value::float)
        })*
    };
}

func1! {
    "acos", m_acos => acos, false;
    "acosh", m_acosh => acosh, false;
    "asin", m_asin => asin, false;
    "asinh", m_asinh => asinh, false;
    "atan", m_atan => atan, false;
    "atanh", m_atanh => atanh, false;
    "cbrt", m_cbrt => cbrt, false;
    "cos", m_cos => cos, false;
    "cosh", m_cosh => cosh, true;
    "erf", m_erf => erf, false;
    "erfc", m_erfc => erfc, false;
    "exp", m_exp => exp, true;
    "exp2", m_exp2 => exp2, true;
    "expm1", m_expm1 => expm1, true;
    "fabs", m_fabs => f64::abs, false;
    "log1p", m_log1p => log1p, false;
    "sin", m_sin => sin, false;
    "sinh", m_sinh => sinh, true;
    "sqrt", m_sqrt => f64::sqrt, false;
    "tan", m_tan => tan, false;
    "tanh", m_tanh => tanh, false;
}

macro_rules! func2 {
    ($($py:literal, $rust:ident => $f:expr;)*) => {
        $(fn $rust(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
            let a = n_args($py, 2, args, kw)?;
            let (x, y) = (to_f64(&a[0])?, to_f64(&a[1])?);
            math_2(x, y, $f).map(Value::float)
        })*
    };
}

func2! {
    "atan2", m_atan2 => |y, x| libm2(c::atan2, y, x);
    "copysign", m_copysign => f64::copysign;
    "remainder", m_remainder => |x, y| libm2(c::remainder, x, y);
}

// ---- predicates and simple conversions ----

fn m_isfinite(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let x = to_f64(one_arg("math.isfinite", args, kw)?)?;
    Ok(Value::bool(x.is_finite()))
}
fn m_isinf(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let x = to_f64(one_arg("math.isinf", args, kw)?)?;
    Ok(Value::bool(x.is_infinite()))
}
fn m_isnan(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let x = to_f64(one_arg("math.isnan", args, kw)?)?;
    Ok(Value::bool(x.is_nan()))
}
fn m_degrees(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let x = to_f64(one_arg("math.degrees", args, kw)?)?;
    Ok(Value::float(x * (180.0 / PI)))
}
fn m_radians(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let x = to_f64(one_arg("math.radians", args, kw)?)?;
    Ok(Value::float(x * (PI / 180.0)))
}

/// An integral float as an int, with CPython's errors for infinities and NaN.
pub(super) fn float_to_int(f: f64) -> PyResult<Value> {
    if f.is_nan() {
        return Err(error::value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(error::overflow_error(
            "cannot convert float infinity to integer",
        ));
    }
    if f.abs() < 1e15 {
        return Ok(Value::int(f as i64));
    }
    Ok(int::big_to_value(float_to_big(f)))
}

/// An int argument returned unchanged (bools become ints).
fn int_identity(v: &Value) -> Option<Value> {
    let i = as_int(v)?;
    Some(int::add(&i, &int::IntRef::Small(0)))
}

fn m_floor(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let v = one_arg("math.floor", args, kw)?;
    if let Some(i) = int_identity(v) {
        return Ok(i);
    }
    float_to_int(to_f64(v)?.floor())
}
fn m_ceil(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let v = one_arg("math.ceil", args, kw)?;
    if let Some(i) = int_identity(v) {
        return Ok(i);
    }
    float_to_int(to_f64(v)?.ceil())
}
fn m_trunc(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let v = one_arg("math.trunc", args, kw)?;
    if let Some(i) = int_identity(v) {
        return Ok(i);
    }
    match v.as_float() {
        Some(f) => float_to_int(f.trunc()),
        None => Err(error::type_error(format!(
            "type {} doesn't define __trunc__ method",
            type_name(v)
        ))),
    }
}

fn m_modf(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let x = to_f64(one_arg("math.modf", args, kw)?)?;
    let (frac, whole) = if x.is_infinite() {
        (0.0f64.copysign(x), x)
    } else if x.is_nan() {
        (x, x)
    } else {
        let w = x.trunc();
        ((x - w).copysign(x), w)
    };
    Ok(new_tuple(vec![Value::float(frac), Value::float(whole)]))
}

fn m_frexp(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let x = to_f64(one_arg("math.frexp", args, kw)?)?;
    let (m, e) = ops::frexp(x);
    Ok(new_tuple(vec![Value::float(m), Value::int(e as i64)]))
}

fn m_ldexp(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = n_args("ldexp", 2, args, kw)?;
    let x = to_f64(&a[0])?;
    let Some(i) = as_int(&a[1]) else {
        return Err(error::type_error(
            "Expected an int as second argument to ldexp.",
        ));
    };
    // Exponents beyond a C int saturate: they overflow or underflow any double.
    let e = i
        .to_i64()
        .unwrap_or(if i.is_negative() { i64::MIN } else { i64::MAX });
    let (r, errno) = if x == 0.0 || !x.is_finite() {
        (x, Errno::Ok)
    } else if e > i32::MAX as i64 {
        (f64::INFINITY.copysign(x), Errno::Range)
    } else if e < i32::MIN as i64 {
        (0.0f64.copysign(x), Errno::Ok)
    } else {
        let r = ldexp_c(x, e as i32);
        (
            r,
            if r.is_infinite() {
                Errno::Range
            } else {
                Errno::Ok
            },
        )
    };
    check_errno(r, errno).map(Value::float)
}

fn m_fmod(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = n_args("fmod", 2, args, kw)?;
    let (x, y) = (to_f64(&a[0])?, to_f64(&a[1])?);
    if y.is_infinite() && x.is_finite() {
        return Ok(Value::float(x));
    }
    let r = x % y; // IEEE fmod, exact
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error());
    }
    Ok(Value::float(r))
}

fn m_pow(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = n_args("pow", 2, args, kw)?;
    let (x, y) = (to_f64(&a[0])?, to_f64(&a[1])?);
    // IEEE special values are decided here (C99 Annex F), finite**finite by libm.
    let (r, errno) = if !x.is_finite() || !y.is_finite() {
        let r = if x.is_nan() {
            if y == 0.0 {
                1.0
            } else {
                x
            }
        } else if y.is_nan() {
            if x == 1.0 {
                1.0
            } else {
                y
            }
        } else if x.is_infinite() {
            let odd_y = y.is_finite() && (y.abs() % 2.0) == 1.0;
            if y > 0.0 {
                if odd_y {
                    x
                } else {
                    x.abs()
                }
            } else if y == 0.0 {
                1.0
            } else if odd_y {
                0.0f64.copysign(x)
            } else {
                0.0
            }
        } else if x.abs() == 1.0 {
            1.0
        } else if (y > 0.0 && x.abs() > 1.0) || (y < 0.0 && x.abs() < 1.0) {
            f64::INFINITY
        } else {
            0.0
        };
        (r, Errno::Ok)
    } else {
        let r = libm2(c::pow, x, y);
        let e = if r.is_nan() || (r.is_infinite() && x == 0.0) {
            Errno::Dom
        } else if r.is_infinite() {
            Errno::Range
        } else {
            Errno::Ok
        };
        (r, e)
    };
    check_errno(r, errno).map(Value::float)
}

fn m_nextafter(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = n_args("nextafter", 2, args, kw)?;
    let (x, y) = (to_f64(&a[0])?, to_f64(&a[1])?);
    Ok(Value::float(libm2(c::nextafter, x, y)))
}

fn m_ulp(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let x = to_f64(one_arg("math.ulp", args, kw)?)?;
    if x.is_nan() || x.is_infinite() {
        return Ok(Value::float(x.abs()));
    }
    let x = x.abs();
    let up = libm2(c::nextafter, x, f64::INFINITY);
    if up.is_infinite() {
        // The largest finite double: measure the gap below it.
        let down = libm2(c::nextafter, x, -f64::INFINITY);
        return Ok(Value::float(x - down));
    }
    Ok(Value::float(up - x))
}

// ---- logarithms ----

/// `log`-like function of an argument that may be a huge int: CPython splits an int
/// too large for a double into mantissa and exponent, log(m) + log(2) * e.
fn log_helper(v: &Value, f: fn(f64) -> f64) -> PyResult<f64> {
    if let Some(i) = as_int(v) {
        if i.is_negative() || i.is_zero() {
            return Err(domain_error());
        }
        if let Ok(x) = int_to_f64(&i) {
            return Ok(f(x));
        }
        let (m, e) = big_frexp(&i.to_big());
        return Ok(f(m) + f(2.0) * e as f64);
    }
    let x = to_f64(v)?;
    math_1(x, f, false)
}

/// A positive int as m * 2**e with 0.5 <= m < 1, m correctly rounded to 53 bits.
fn big_frexp(b: &BigInt) -> (f64, u64) {
    let bits = b.bits();
    // Keep 55 bits plus a sticky bit so the conversion to double rounds correctly.
    let shift = bits.saturating_sub(55);
    let top: BigInt = b >> shift;
    let sticky = shift > 0 && b.trailing_zeros().is_some_and(|z| z < shift);
    let mut m = top.to_u64().unwrap_or(0);
    if sticky {
        m |= 1;
    }
    let top_bits = bits - shift; // how many bits `m` holds
    let mut x = m as f64 / 2f64.powi(top_bits as i32);
    let mut e = bits;
    if x == 1.0 {
        x = 0.5;
        e += 1;
    }
    (x, e)
}

fn m_log(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("log", args, kw);
    a.check(0, usize::MAX, &[])?;
    if a.is_empty() || a.len() > 2 {
        return Err(error::type_error("math.log requires 1 to 2 arguments"));
    }
    let num = log_helper(&a.pos[0], log)?;
    let Some(base) = a.get(1) else {
        return Ok(Value::float(num));
    };
    let den = log_helper(base, log)?;
    if den == 0.0 {
        return Err(error::zero_division("float division by zero"));
    }
    Ok(Value::float(num / den))
}
fn m_log2(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let v = one_arg("math.log2", args, kw)?;
    log_helper(v, log2).map(Value::float)
}
fn m_log10(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let v = one_arg("math.log10", args, kw)?;
    log_helper(v, log10).map(Value::float)
}

// ---- gamma and lgamma (Lanczos' approximation, as CPython computes them) ----

/// Lanczos parameters: Boost's `lanczos13m53` (g and numerator coefficients); the
/// denominator is x(x+1)...(x+11). The published digits are kept as they are.
#[allow(clippy::excessive_precision)]
const LANCZOS_G: f64 = 6.024680040776729583740234375;
#[allow(clippy::excessive_precision)]
const LANCZOS_G_MINUS_HALF: f64 = 5.524680040776729583740234375;
#[allow(clippy::excessive_precision)]
const LANCZOS_NUM: [f64; 13] = [
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
];
const LANCZOS_DEN: [f64; 13] = [
    0.0,
    39916800.0,
    120543840.0,
    150917976.0,
    105258076.0,
    45995730.0,
    13339535.0,
    2637558.0,
    357423.0,
    32670.0,
    1925.0,
    66.0,
    1.0,
];
/// ln(pi).
#[allow(clippy::excessive_precision)]
const LOG_PI: f64 = 1.144729885849400174143427351353058711647;

/// The Lanczos sum as a ratio of polynomials; evaluated in x for small x and in 1/x for
/// large x, which keeps it accurate and free of overflow.
fn lanczos_sum(x: f64) -> f64 {
    let (mut num, mut den) = (0.0, 0.0);
    if x < 5.0 {
        for i in (0..13).rev() {
            num = num * x + LANCZOS_NUM[i];
            den = den * x + LANCZOS_DEN[i];
        }
    } else {
        for i in 0..13 {
            num = num / x + LANCZOS_NUM[i];
            den = den / x + LANCZOS_DEN[i];
        }
    }
    num / den
}

/// sin(pi * x), accurate for large x (the argument is reduced before multiplying by pi).
fn sin_pi(x: f64) -> f64 {
    let y = x.abs() % 2.0;
    let n = (2.0 * y).round() as i32;
    let r = match n {
        0 => sin(PI * y),
        1 => cos(PI * (y - 0.5)),
        2 => sin(PI * (1.0 - y)),
        3 => -cos(PI * (y - 1.5)),
        _ => sin(PI * (y - 2.0)),
    };
    1.0f64.copysign(x) * r
}

fn tgamma(x: f64) -> (f64, Errno) {
    if !x.is_finite() {
        if x.is_nan() || x > 0.0 {
            return (x, Errno::Ok);
        }
        return (f64::NAN, Errno::Dom);
    }
    if x == 0.0 {
        return (f64::INFINITY.copysign(x), Errno::Dom);
    }
    if x == x.floor() {
        if x < 0.0 {
            return (f64::NAN, Errno::Dom);
        }
        if x <= 23.0 {
            // (x-1)! is exact in a double up to 22!.
            return ((1..x as i64).map(|k| k as f64).product(), Errno::Ok);
        }
    }
    let absx = x.abs();
    if absx < 1e-20 {
        let r = 1.0 / x;
        return (
            r,
            if r.is_infinite() {
                Errno::Range
            } else {
                Errno::Ok
            },
        );
    }
    // Beyond 200 the result overflows (x > 0) or underflows to a signed zero.
    if absx > 200.0 {
        if x < 0.0 {
            return (0.0 / sin_pi(x), Errno::Ok);
        }
        return (f64::INFINITY, Errno::Range);
    }
    let y = absx + LANCZOS_G_MINUS_HALF;
    // z is the rounding error of y = absx + g - 0.5, used to correct the power below.
    let z = if absx > LANCZOS_G_MINUS_HALF {
        (y - absx) - LANCZOS_G_MINUS_HALF
    } else {
        (y - LANCZOS_G_MINUS_HALF) - absx
    };
    let z = z * LANCZOS_G / y;
    let mut r;
    if x < 0.0 {
        r = -PI / sin_pi(absx) / absx * exp(y) / lanczos_sum(absx);
        r -= z * r;
        if absx < 140.0 {
            r /= libm2(c::pow, y, absx - 0.5);
        } else {
            let half = libm2(c::pow, y, absx / 2.0 - 0.25);
            r /= half;
            r /= half;
        }
    } else {
        r = lanczos_sum(absx) / exp(y);
        r += z * r;
        if absx < 140.0 {
            r *= libm2(c::pow, y, absx - 0.5);
        } else {
            let half = libm2(c::pow, y, absx / 2.0 - 0.25);
            r *= half;
            r *= half;
        }
    }
    (
        r,
        if r.is_infinite() {
            Errno::Range
        } else {
            Errno::Ok
        },
    )
}

fn lgamma(x: f64) -> (f64, Errno) {
    if !x.is_finite() {
        return (if x.is_nan() { x } else { f64::INFINITY }, Errno::Ok);
    }
    if x == x.floor() && x <= 2.0 {
        if x <= 0.0 {
            return (f64::INFINITY, Errno::Dom);
        }
        return (0.0, Errno::Ok); // lgamma(1) = lgamma(2) = 0
    }
    let absx = x.abs();
    if absx < 1e-20 {
        return (-log(absx), Errno::Ok);
    }
    let mut r = log(lanczos_sum(absx)) - LANCZOS_G;
    r += (absx - 0.5) * (log(absx + LANCZOS_G - 0.5) - 1.0);
    if x < 0.0 {
        // Reflection formula.
        r = LOG_PI - log(sin_pi(absx).abs()) - log(absx) - r;
    }
    (
        r,
        if r.is_infinite() {
            Errno::Range
        } else {
            Errno::Ok
        },
    )
}

fn m_gamma(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let x = to_f64(one_arg("math.gamma", args, kw)?)?;
    let (r, e) = tgamma(x);
    check_errno(r, e).map(Value::float)
}
fn m_lgamma(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let x = to_f64(one_arg("math.lgamma", args, kw)?)?;
    let (r, e) = lgamma(x);
    check_errno(r, e).map(Value::float)
}

// ---- hypot, dist ----

/// Exact product of two doubles as hi + lo.
fn two_product(x: f64, y: f64) -> (f64, f64) {
    let hi = x * y;
    (hi, x.mul_add(y, -hi))
}

/// Exact sum hi + lo of a and b, for |a| >= |b|.
fn fast_two_sum(a: f64, b: f64) -> (f64, f64) {
    let hi = a + b;
    (hi, (a - hi) + b)
}

/// The Euclidean norm of non-negative finite values whose maximum is `max`, as CPython
/// computes it: scale by a power of two, accumulate the squares in extended precision
/// (starting from 1.0 so the running sum keeps a fixed exponent), take the square root and
/// apply one correction step from the residual.
fn vector_norm(vec: &mut [f64], max: f64, found_nan: bool) -> f64 {
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || vec.len() <= 1 {
        return max;
    }
    let (_, max_e) = ops::frexp(max);
    if max_e < -1023 {
        // ldexp(1.0, -max_e) would overflow: work on subnormals scaled up to normals.
        for x in vec.iter_mut() {
            *x /= f64::MIN_POSITIVE;
        }
        return f64::MIN_POSITIVE * vector_norm(vec, max / f64::MIN_POSITIVE, found_nan);
    }
    let scale = ldexp_c(1.0, -max_e);
    let (mut csum, mut frac1, mut frac2) = (1.0, 0.0, 0.0);
    for &v in vec.iter() {
        let x = v * scale;
        let (phi, plo) = two_product(x, x);
        let (shi, slo) = fast_two_sum(csum, phi);
        csum = shi;
        frac1 += plo;
        frac2 += slo;
    }
    let mut h = (csum - 1.0 + (frac1 + frac2)).sqrt();
    let (phi, plo) = two_product(-h, h);
    let (shi, slo) = fast_two_sum(csum, phi);
    csum = shi;
    frac1 += plo;
    frac2 += slo;
    let x = csum - 1.0 + (frac1 + frac2);
    h += x / (2.0 * h);
    h / scale
}

fn m_hypot(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    Args::new("math.hypot", args, kw).check(0, usize::MAX, &[])?;
    let mut vec = Vec::with_capacity(args.len());
    let (mut max, mut found_nan) = (0.0f64, false);
    for v in args {
        let x = to_f64(v)?.abs();
        found_nan |= x.is_nan();
        if x > max {
            max = x;
        }
        vec.push(x);
    }
    Ok(Value::float(vector_norm(&mut vec, max, found_nan)))
}

fn m_dist(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = n_args("dist", 2, args, kw)?;
    let p = ops::collect(vm, &a[0])?;
    let q = ops::collect(vm, &a[1])?;
    if p.len() != q.len() {
        return Err(error::value_error(
            "both points must have the same number of dimensions",
        ));
    }
    let mut vec = Vec::with_capacity(p.len());
    let (mut max, mut found_nan) = (0.0f64, false);
    for (x, y) in p.iter().zip(&q) {
        let d = (to_f64(x)? - to_f64(y)?).abs();
        found_nan |= d.is_nan();
        if d > max {
            max = d;
        }
        vec.push(d);
    }
    Ok(Value::float(vector_norm(&mut vec, max, found_nan)))
}

// ---- fsum, prod, isclose ----

/// Exactly rounded sum (Shewchuk's partials, with CPython's handling of infinities,
/// NaNs, intermediate overflow and half-even rounding across partials).
fn m_fsum(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let it = ops::iter(vm, one_arg("math.fsum", args, kw)?)?;
    let mut partials: Vec<f64> = Vec::new();
    let (mut special_sum, mut inf_sum) = (0.0f64, 0.0f64);
    while let Some(item) = ops::next(vm, &it)? {
        let mut x = to_f64(&item)?;
        let xsave = x;
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                // Either an inf/nan summand or an intermediate overflow.
                if xsave.is_finite() {
                    return Err(error::overflow_error("intermediate overflow in fsum"));
                }
                if xsave.is_infinite() {
                    inf_sum += xsave;
                }
                special_sum += xsave;
                partials.clear();
            } else {
                partials.push(x);
            }
        }
    }
    if special_sum != 0.0 {
        if inf_sum.is_nan() {
            return Err(error::value_error("-inf + inf in fsum"));
        }
        return Ok(Value::float(special_sum));
    }
    let mut n = partials.len();
    let mut hi = 0.0;
    if n > 0 {
        n -= 1;
        hi = partials[n];
        let mut lo = 0.0;
        // Add partials from the top while the sum stays exact.
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = partials[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        // Round half-even correctly when the rest of the partials decide the tie.
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(Value::float(hi))
}

fn m_prod(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("prod", args, kw);
    if a.len() != 1 {
        return Err(error::type_error(format!(
            "prod() takes exactly 1 positional argument ({} given)",
            a.len()
        )));
    }
    for k in kw {
        let k = as_str(k).unwrap_or("");
        if k != "start" {
            return Err(error::type_error(format!(
                "'{k}' is an invalid keyword argument for prod()"
            )));
        }
    }
    let mut acc = a.kw("start").cloned().unwrap_or(Value::small_int(1));
    let it = ops::iter(vm, &a.pos[0])?;
    while let Some(x) = ops::next(vm, &it)? {
        acc = ops::binary_op(vm, BinOp::Mul, false, &acc, &x)?;
    }
    Ok(acc)
}

fn m_isclose(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("isclose", args, kw);
    for k in kw {
        let k = as_str(k).unwrap_or("");
        if !["a", "b", "rel_tol", "abs_tol"].contains(&k) {
            return Err(error::type_error(format!(
                "'{k}' is an invalid keyword argument for isclose()"
            )));
        }
    }
    if a.len() > 2 {
        return Err(error::type_error(format!(
            "isclose() takes exactly 2 positional arguments ({} given)",
            a.len()
        )));
    }
    let get = |i: usize, name: &str| {
        a.arg(i, name).ok_or_else(|| {
            error::type_error(format!(
                "isclose() missing required argument '{name}' (pos {})",
                i + 1
            ))
        })
    };
    let x = to_f64(get(0, "a")?)?;
    let y = to_f64(get(1, "b")?)?;
    let rel_tol = a.kw("rel_tol").map(to_f64).transpose()?.unwrap_or(1e-9);
    let abs_tol = a.kw("abs_tol").map(to_f64).transpose()?.unwrap_or(0.0);
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(error::value_error("tolerances must be non-negative"));
    }
    if x == y {
        return Ok(Value::TRUE);
    }
    if x.is_infinite() || y.is_infinite() {
        return Ok(Value::FALSE);
    }
    let diff = (y - x).abs();
    Ok(Value::bool(
        diff <= (rel_tol * y).abs() || diff <= (rel_tol * x).abs() || diff <= abs_tol,
    ))
}

pub fn make(_vm: &mut Vm) -> Value {
    let m = super::module_with_functions(
        "math",
        &[
            ("acos", m_acos),
            ("acosh", m_acosh),
            ("asin", m_asin),
            ("asinh", m_asinh),
            ("atan", m_atan),
            ("atan2", m_atan2),
            ("atanh", m_atanh),
            ("cbrt", m_cbrt),
            ("ceil", m_ceil),
            ("comb", math_int::comb),
            ("copysign", m_copysign),
            ("cos", m_cos),
            ("cosh", m_cosh),
            ("degrees", m_degrees),
            ("dist", m_dist),
            ("erf", m_erf),
            ("erfc", m_erfc),
            ("exp", m_exp),
            ("exp2", m_exp2),
            ("expm1", m_expm1),
            ("fabs", m_fabs),
            ("factorial", math_int::factorial),
            ("floor", m_floor),
            ("fmod", m_fmod),
            ("frexp", m_frexp),
            ("fsum", m_fsum),
            ("gamma", m_gamma),
            ("gcd", math_int::gcd),
            ("hypot", m_hypot),
            ("isclose", m_isclose),
            ("isfinite", m_isfinite),
            ("isinf", m_isinf),
            ("isnan", m_isnan),
            ("isqrt", math_int::isqrt),
            ("lcm", math_int::lcm),
            ("ldexp", m_ldexp),
            ("lgamma", m_lgamma),
            ("log", m_log),
            ("log10", m_log10),
            ("log1p", m_log1p),
            ("log2", m_log2),
            ("modf", m_modf),
            ("nextafter", m_nextafter),
            ("perm", math_int::perm),
            ("pow", m_pow),
            ("prod", m_prod),
            ("radians", m_radians),
            ("remainder", m_remainder),
            ("sin", m_sin),
            ("sinh", m_sinh),
            ("sqrt", m_sqrt),
            ("tan", m_tan),
            ("tanh", m_tanh),
            ("trunc", m_trunc),
            ("ulp", m_ulp),
        ],
    );
    super::set(&m, "pi", Value::float(PI));
    super::set(&m, "e", Value::float(std::f64::consts::E));
    super::set(&m, "tau", Value::float(std::f64::consts::TAU));
    super::set(&m, "inf", Value::float(f64::INFINITY));
    super::set(&m, "nan", Value::float(f64::NAN));
    m
}
