//! `complex`: a builtin extension type (payload: two f64). Arithmetic follows CPython's
//! `complexobject.c` (Smith's division, `c_powi` for small integral exponents), and a
//! negative float raised to a fractional power lands here as CPython's float_pow does.

use crate::builtins::args::parse_args;
use crate::error::{self, PyResult};
use crate::fmt::float::double_to_string;
use crate::object::Header;
use crate::types::ext::{ext_ref, new_ext, new_ext_type};
use crate::types::func::NativeFn;
use crate::types::int::{as_int, int_to_f64};
use crate::types::str::as_str;
use crate::types::tt;
use crate::value::Value;
use crate::vm::Vm;
use std::cell::OnceCell;

#[derive(Clone, Copy)]
pub struct Complex {
    pub re: f64,
    pub im: f64,
}

thread_local! {
    static TYPE: OnceCell<usize> = const { OnceCell::new() };
}

/// The `complex` type object (created on first use).
pub fn complex_type() -> *const Header {
    TYPE.with(|c| *c.get_or_init(make_type) as *const Header)
}

const METHODS: &[(&str, NativeFn)] = &[
    ("__new__", complex_new),
    ("__repr__", complex_repr),
    ("__hash__", complex_hash),
    ("__eq__", complex_eq),
    ("__ne__", complex_ne),
    ("__add__", add),
    ("__radd__", add),
    ("__sub__", sub),
    ("__rsub__", rsub),
    ("__mul__", mul),
    ("__rmul__", mul),
    ("__truediv__", truediv),
    ("__rtruediv__", rtruediv),
    ("__pow__", pow),
    ("__rpow__", rpow),
    ("__neg__", neg),
    ("__pos__", pos),
    ("__abs__", abs),
    ("__bool__", bool_),
    ("conjugate", conjugate),
    ("__getnewargs__", getnewargs),
];

fn make_type() -> usize {
    let p = new_ext_type("complex", "builtins", std::ptr::null(), METHODS);
    let tv = unsafe { Value::from_header(p) };
    let td = crate::types::typeobj::type_data(&tv);
    for (name, f) in [("real", real as NativeFn), ("imag", imag)] {
        let getter = crate::types::func::new_native(name, f);
        let prop = crate::types::descr::new_property(getter, Value::NONE, Value::NONE, Value::NONE);
        crate::types::dict::DictObj::set_str(&td.dict, crate::types::str::intern(name), prop);
    }
    p as usize
}

pub fn new_complex(re: f64, im: f64) -> Value {
    new_ext(Complex { re, im }, complex_type())
}

pub fn as_complex_obj(v: &Value) -> Option<Complex> {
    ext_ref::<Complex>(v).copied()
}

/// An operand of complex arithmetic: complex, float or int (None: NotImplemented).
fn operand(v: &Value) -> Option<PyResult<Complex>> {
    if let Some(c) = as_complex_obj(v) {
        return Some(Ok(c));
    }
    if let Some(f) = v.as_float() {
        return Some(Ok(Complex { re: f, im: 0.0 }));
    }
    let i = as_int(v)?;
    Some(
        int_to_f64(&i)
            .map(|re| Complex { re, im: 0.0 })
            .map_err(error::overflow_error),
    )
}

fn this(args: &[Value], meth: &str) -> PyResult<Complex> {
    crate::types::ext::receiver::<Complex>(args, "complex", meth).copied()
}

/// Binary operator: receiver and other operand, or NotImplemented.
fn binop(
    args: &[Value],
    meth: &str,
    f: impl FnOnce(Complex, Complex) -> PyResult<Complex>,
) -> PyResult<Value> {
    if args.len() != 2 {
        return Err(error::type_error(format!(
            "expected 1 argument, got {}",
            args.len().saturating_sub(1)
        )));
    }
    let a = this(args, meth)?;
    match operand(&args[1]) {
        None => Ok(tt().not_implemented.clone()),
        Some(b) => {
            let c = f(a, b?)?;
            Ok(new_complex(c.re, c.im))
        }
    }
}

fn add(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    binop(args, "__add__", |a, b| Ok(Complex { re: a.re + b.re, im: a.im + b.im }))
}
fn sub(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    binop(args, "__sub__", |a, b| Ok(Complex { re: a.re - b.re, im: a.im - b.im }))
}
fn rsub(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    binop(args, "__rsub__", |a, b| Ok(Complex { re: b.re - a.re, im: b.im - a.im }))
}
fn prod(a: Complex, b: Complex) -> Complex {
    Complex {
        re: a.re * b.re - a.im * b.im,
        im: a.re * b.im + a.im * b.re,
    }
}
fn mul(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    binop(args, "__mul__", |a, b| Ok(prod(a, b)))
}

/// CPython's `_Py_c_quot` (Smith's algorithm).
fn quot(a: Complex, b: Complex) -> PyResult<Complex> {
    let (abs_br, abs_bi) = (b.re.abs(), b.im.abs());
    if abs_br >= abs_bi {
        if abs_br == 0.0 {
            return Err(error::zero_division("complex division by zero"));
        }
        let ratio = b.im / b.re;
        let denom = b.re + b.im * ratio;
        Ok(Complex {
            re: (a.re + a.im * ratio) / denom,
            im: (a.im - a.re * ratio) / denom,
        })
    } else if abs_bi >= abs_br {
        let ratio = b.re / b.im;
        let denom = b.re * ratio + b.im;
        Ok(Complex {
            re: (a.re * ratio + a.im) / denom,
            im: (a.im * ratio - a.re) / denom,
        })
    } else {
        Ok(Complex { re: f64::NAN, im: f64::NAN })
    }
}
fn truediv(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    binop(args, "__truediv__", quot)
}
fn rtruediv(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    binop(args, "__rtruediv__", |a, b| quot(b, a))
}

/// CPython's `_Py_c_pow` and `c_powi`.
pub fn complex_pow(a: Complex, b: Complex) -> PyResult<Complex> {
    let r = if b.im == 0.0 && b.re == b.re.floor() && b.re.abs() <= 100.0 {
        let n = b.re as i64;
        if n > 0 {
            powu(a, n as u64)
        } else {
            quot(Complex { re: 1.0, im: 0.0 }, powu(a, n.unsigned_abs()))
                .map_err(|_| error::zero_division("0.0 to a negative or complex power"))?
        }
    } else if b.re == 0.0 && b.im == 0.0 {
        Complex { re: 1.0, im: 0.0 }
    } else if a.re == 0.0 && a.im == 0.0 {
        if b.im != 0.0 || b.re < 0.0 {
            return Err(error::zero_division("0.0 to a negative or complex power"));
        }
        Complex { re: 0.0, im: 0.0 }
    } else {
        let vabs = a.re.hypot(a.im);
        let mut len = vabs.powf(b.re);
        let at = a.im.atan2(a.re);
        let mut phase = at * b.re;
        if b.im != 0.0 {
            len /= (at * b.im).exp();
            phase += b.im * vabs.ln();
        }
        Complex {
            re: len * phase.cos(),
            im: len * phase.sin(),
        }
    };
    if r.re.is_infinite() || r.im.is_infinite() {
        if a.re.is_finite() && a.im.is_finite() && b.re.is_finite() && b.im.is_finite() {
            return Err(error::overflow_error("complex exponentiation"));
        }
    }
    Ok(r)
}

fn powu(x: Complex, n: u64) -> Complex {
    let mut r = Complex { re: 1.0, im: 0.0 };
    let mut p = x;
    let mut mask = 1u64;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = prod(r, p);
        }
        mask <<= 1;
        p = prod(p, p);
    }
    r
}

fn check_no_modulo(args: &[Value]) -> PyResult<()> {
    if args.len() > 2 && !args[2].is_none() {
        return Err(error::value_error("complex modulo"));
    }
    Ok(())
}
fn pow(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    check_no_modulo(args)?;
    binop(&args[..args.len().min(2)], "__pow__", complex_pow)
}
fn rpow(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    check_no_modulo(args)?;
    binop(&args[..args.len().min(2)], "__rpow__", |a, b| complex_pow(b, a))
}

fn unary(args: &[Value], meth: &str, f: impl FnOnce(Complex) -> PyResult<Value>) -> PyResult<Value> {
    if args.len() != 1 {
        return Err(error::type_error(format!(
            "complex.{meth}() takes no arguments ({} given)",
            args.len().saturating_sub(1)
        )));
    }
    f(this(args, meth)?)
}
fn neg(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    unary(args, "__neg__", |c| Ok(new_complex(-c.re, -c.im)))
}
fn pos(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    unary(args, "__pos__", |c| Ok(new_complex(c.re, c.im)))
}
fn conjugate(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    unary(args, "conjugate", |c| Ok(new_complex(c.re, -c.im)))
}
fn abs(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    unary(args, "__abs__", |c| {
        let r = c.re.hypot(c.im);
        if r.is_infinite() && c.re.is_finite() && c.im.is_finite() {
            return Err(error::overflow_error("absolute value too large"));
        }
        Ok(Value::float(r))
    })
}
fn bool_(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    unary(args, "__bool__", |c| Ok(Value::bool(c.re != 0.0 || c.im != 0.0)))
}
fn real(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    unary(args, "real", |c| Ok(Value::float(c.re)))
}
fn imag(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    unary(args, "imag", |c| Ok(Value::float(c.im)))
}
fn getnewargs(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    unary(args, "__getnewargs__", |c| {
        Ok(crate::types::tuple::new_tuple(vec![Value::float(c.re), Value::float(c.im)]))
    })
}

/// CPython's `complex_repr`: `1j`, `(1+2j)`, `(-0-1j)`, `(nan+infj)`.
pub fn repr_of(c: Complex) -> String {
    let part = |x: f64| double_to_string(x, 'r', 0, 0);
    if c.re == 0.0 && c.re.is_sign_positive() {
        return format!("{}j", part(c.im));
    }
    let im = part(c.im);
    let sign = if im.starts_with('-') { "" } else { "+" };
    format!("({}{sign}{im}j)", part(c.re))
}
fn complex_repr(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    unary(args, "__repr__", |c| Ok(crate::types::str::new_str(repr_of(c))))
}

fn complex_hash(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    unary(args, "__hash__", |c| {
        let hr = crate::ops::hash_float(c.re);
        let hi = crate::ops::hash_float(c.im);
        let h = hr.wrapping_add(hi.wrapping_mul(1_000_003));
        Ok(Value::int(if h == -1 { -2 } else { h }))
    })
}

/// Equality with complex, float or int (an int compares exactly, as CPython does).
fn equal(args: &[Value]) -> PyResult<Option<bool>> {
    let a = this(args, "__eq__")?;
    let Some(b) = args.get(1) else {
        return Err(error::type_error("expected 1 argument, got 0"));
    };
    if let Some(c) = as_complex_obj(b) {
        return Ok(Some(a.re == c.re && a.im == c.im));
    }
    if let Some(f) = b.as_float() {
        return Ok(Some(a.im == 0.0 && a.re == f));
    }
    if as_int(b).is_some() {
        if a.im != 0.0 {
            return Ok(Some(false));
        }
        return Ok(Some(
            crate::ops::num_cmp(&Value::float(a.re), b) == Some(Some(std::cmp::Ordering::Equal)),
        ));
    }
    Ok(None)
}
fn complex_eq(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(match equal(args)? {
        Some(b) => Value::bool(b),
        None => tt().not_implemented.clone(),
    })
}
fn complex_ne(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(match equal(args)? {
        Some(b) => Value::bool(!b),
        None => tt().not_implemented.clone(),
    })
}

/// `complex(real=0, imag=0)` / `complex(string)`.
fn complex_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let p = parse_args("complex", &args[1..], kwnames, ["real", "imag"], 0, 2)?;
    let (re, im) = (p[0], p[1]);
    if let Some(s) = re.and_then(as_str) {
        if im.is_some() {
            return Err(error::type_error(
                "complex() can't take second arg if first is a string",
            ));
        }
        return parse(s).map(|c| new_complex(c.re, c.im)).ok_or_else(|| {
            error::value_error("complex() arg is a malformed string")
        });
    }
    let num = |vm: &mut Vm, v: Option<&Value>, which: &str| -> PyResult<Complex> {
        let Some(v) = v else {
            return Ok(Complex { re: 0.0, im: 0.0 });
        };
        if let Some(r) = operand(v) {
            return r;
        }
        if let Some(r) = crate::ops::dunder::call_special(vm, v, "__float__", &[]) {
            let r = r?;
            if let Some(f) = r.as_float() {
                return Ok(Complex { re: f, im: 0.0 });
            }
        }
        Err(error::type_error(format!(
            "complex() {which} must be a number, not '{}'",
            crate::types::type_name(v)
        )))
    };
    if let Some(s) = im {
        if as_str(s).is_some() {
            return Err(error::type_error("complex() second arg can't be a string"));
        }
    }
    let r = num(vm, re, "first argument")?;
    let i = num(vm, im, "second argument")?;
    // complex(a, b) = a + b*1j, with CPython's handling of complex arguments.
    Ok(new_complex(r.re - i.im, r.im + i.re))
}

/// `complex('1+2j')`, `'(3j)'`, `' -1.5e3 '`, `'inf-nanj'`.
fn parse(s: &str) -> Option<Complex> {
    let mut t = s.trim();
    if t.starts_with('(') && t.ends_with(')') {
        t = t[1..t.len() - 1].trim();
    }
    if t.is_empty() || t.contains(char::is_whitespace) {
        return None;
    }
    let float = |x: &str| -> Option<f64> {
        if x.is_empty() || x.starts_with("++") || x.contains('_') && x.contains("__") {
            return None;
        }
        crate::fmt::float::parse_float(x)
    };
    if let Some(body) = t.strip_suffix(['j', 'J']) {
        // Split at the last sign that is not an exponent sign and not the leading one.
        let bytes = body.as_bytes();
        let mut split = None;
        for i in (1..bytes.len()).rev() {
            if (bytes[i] == b'+' || bytes[i] == b'-') && !matches!(bytes[i - 1], b'e' | b'E') {
                split = Some(i);
                break;
            }
        }
        let (re, im) = match split {
            Some(i) => (float(&body[..i])?, &body[i..]),
            None => (0.0, body),
        };
        let im = match im {
            "" | "+" => 1.0,
            "-" => -1.0,
            x => float(x)?,
        };
        return Some(Complex { re, im });
    }
    Some(Complex { re: float(t)?, im: 0.0 })
}
