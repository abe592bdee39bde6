//! The `complex` type: arithmetic, comparisons, hashing, `repr`/`format` and the
//! constructor as CPython's `complexobject.c`.

use crate::builtins::args::Args;
use crate::error::{self, PyResult};
use crate::fmt::float::double_to_string;
use crate::object::Header;
use crate::ops;
use crate::types::ext::{ext_ref, new_ext_of, new_ext_type};
use crate::types::func::NativeFn;
use crate::types::int::{as_int, int_to_f64};
use crate::types::str::{as_str, new_str};
use crate::types::{tt, type_name};
use crate::value::Value;
use crate::vm::Vm;
use std::cell::OnceCell;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Complex {
    pub re: f64,
    pub im: f64,
}

thread_local! {
    static TYPE: OnceCell<*const Header> = const { OnceCell::new() };
}

pub fn complex_type() -> *const Header {
    TYPE.with(|c| *c.get_or_init(make_type))
}

fn make_type() -> *const Header {
    let t = new_ext_type("complex", "builtins", std::ptr::null(), METHODS);
    for (name, f) in [("real", get_real as NativeFn), ("imag", get_imag)] {
        let p = crate::types::descr::new_property(
            crate::types::func::new_native(name, f),
            Value::NONE,
            Value::NONE,
            Value::NONE,
        );
        crate::types::dict::DictObj::set_str(
            &crate::types::typeobj::type_data_ptr(t).dict,
            crate::types::str::intern(name),
            p,
        );
    }
    t
}

pub fn new_complex(re: f64, im: f64) -> Value {
    crate::types::ext::new_ext(Complex { re, im }, complex_type())
}

pub fn as_complex(v: &Value) -> Option<Complex> {
    ext_ref::<Complex>(v).copied()
}

/// A number as a complex (ints, floats, complexes), for mixed arithmetic.
fn coerce(v: &Value) -> Option<Complex> {
    if let Some(c) = as_complex(v) {
        return Some(c);
    }
    if let Some(f) = v.as_float() {
        return Some(Complex { re: f, im: 0.0 });
    }
    let i = as_int(v)?;
    int_to_f64(&i).ok().map(|re| Complex { re, im: 0.0 })
}

const METHODS: &[(&str, NativeFn)] = &[
    ("__new__", complex_new),
    ("__repr__", c_repr),
    ("__str__", c_repr),
    ("__hash__", c_hash),
    ("__eq__", c_eq),
    ("__ne__", c_ne),
    ("__lt__", c_unordered),
    ("__le__", c_unordered),
    ("__gt__", c_unordered),
    ("__ge__", c_unordered),
    ("__bool__", c_bool),
    ("__neg__", c_neg),
    ("__pos__", c_pos),
    ("__abs__", c_abs),
    ("__add__", c_add),
    ("__radd__", c_add),
    ("__sub__", c_sub),
    ("__rsub__", c_rsub),
    ("__mul__", c_mul),
    ("__rmul__", c_mul),
    ("__truediv__", c_div),
    ("__rtruediv__", c_rdiv),
    ("__pow__", c_pow),
    ("__rpow__", c_rpow),
    ("__complex__", c_pos),
    ("__format__", c_format),
    ("__getnewargs__", c_getnewargs),
    ("conjugate", c_conjugate),
];

fn this(args: &[Value]) -> PyResult<Complex> {
    args.first()
        .and_then(as_complex)
        .ok_or_else(|| error::type_error("descriptor requires a 'complex' object"))
}

/// A method taking no arguments besides the complex itself.
fn no_args(name: &str, args: &[Value], kw: &[Value]) -> PyResult<()> {
    if !kw.is_empty() {
        return Err(error::type_error(format!(
            "complex.{name}() takes no keyword arguments"
        )));
    }
    if args.len() > 1 {
        return Err(error::type_error(format!(
            "complex.{name}() takes no arguments ({} given)",
            args.len() - 1
        )));
    }
    Ok(())
}

fn other(args: &[Value]) -> Option<Complex> {
    args.get(1).and_then(coerce)
}

fn get_real(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::float(this(args)?.re))
}
fn get_imag(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::float(this(args)?.im))
}

/// A component as `repr` shows it: the shortest repr, without a forced `.0`.
fn component(x: f64) -> String {
    double_to_string(x, 'r', 0, 0)
}

pub fn repr(c: Complex) -> String {
    if c.re == 0.0 && c.re.is_sign_positive() {
        return format!("{}j", component(c.im));
    }
    let im = component(c.im);
    let sign = if im.starts_with('-') { "" } else { "+" };
    format!("({}{sign}{im}j)", component(c.re))
}

fn c_repr(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(new_str(repr(this(args)?)))
}

fn c_hash(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let c = this(args)?;
    let hr = ops::hash_float(c.re) as u64;
    let hi = ops::hash_float(c.im) as u64;
    let h = hr.wrapping_add(1000003u64.wrapping_mul(hi)) as i64;
    Ok(Value::int(if h == -1 { -2 } else { h }))
}

fn eq_value(a: Complex, b: &Value) -> Option<bool> {
    if let Some(c) = as_complex(b) {
        return Some(a == c);
    }
    if a.im != 0.0 {
        return (b.is_float() || as_int(b).is_some()).then_some(false);
    }
    // Exact comparison with ints (no rounding), as float == int is.
    ops::fast_compare(crate::bytecode::CmpOp::Eq, &Value::float(a.re), b)
        .or_else(|| ops::eq_fast(&Value::float(a.re), b))
}

fn c_eq(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let a = this(args)?;
    Ok(match eq_value(a, &args[1]) {
        Some(r) => Value::bool(r),
        None => tt().not_implemented.clone(),
    })
}

fn c_ne(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let a = this(args)?;
    Ok(match eq_value(a, &args[1]) {
        Some(r) => Value::bool(!r),
        None => tt().not_implemented.clone(),
    })
}

fn c_unordered(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(tt().not_implemented.clone())
}

fn c_bool(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let c = this(args)?;
    Ok(Value::bool(c.re != 0.0 || c.im != 0.0))
}
fn c_neg(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let c = this(args)?;
    Ok(new_complex(-c.re, -c.im))
}
fn c_pos(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let c = this(args)?;
    Ok(new_complex(c.re, c.im))
}
fn c_conjugate(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_args("conjugate", args, kw)?;
    let c = this(args)?;
    Ok(new_complex(c.re, -c.im))
}
fn c_getnewargs(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_args("__getnewargs__", args, kw)?;
    let c = this(args)?;
    Ok(crate::types::tuple::new_tuple(vec![
        Value::float(c.re),
        Value::float(c.im),
    ]))
}

pub fn abs(c: Complex) -> PyResult<f64> {
    if c.re.is_infinite() || c.im.is_infinite() {
        return Ok(f64::INFINITY);
    }
    if c.re.is_nan() || c.im.is_nan() {
        return Ok(f64::NAN);
    }
    let r = c.re.hypot(c.im);
    if r.is_infinite() {
        return Err(error::overflow_error("absolute value too large"));
    }
    Ok(r)
}

fn c_abs(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::float(abs(this(args)?)?))
}

macro_rules! arith {
    ($name:ident, |$a:ident, $b:ident| $e:expr) => {
        fn $name(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
            let $a = this(args)?;
            // Only `__pow__`/`__rpow__` take a third argument: pow(z, w, m) is refused.
            if args.len() > 2 && !args[2].is_none() {
                return Err(error::value_error("complex modulo"));
            }
            let Some($b) = other(args) else {
                return Ok(tt().not_implemented.clone());
            };
            let r: PyResult<Complex> = $e;
            let r = r?;
            Ok(new_complex(r.re, r.im))
        }
    };
}

arith!(c_add, |a, b| Ok(Complex {
    re: a.re + b.re,
    im: a.im + b.im
}));
arith!(c_sub, |a, b| Ok(Complex {
    re: a.re - b.re,
    im: a.im - b.im
}));
arith!(c_rsub, |a, b| Ok(Complex {
    re: b.re - a.re,
    im: b.im - a.im
}));
arith!(c_mul, |a, b| Ok(mul(a, b)));
arith!(c_div, |a, b| div(a, b));
arith!(c_rdiv, |a, b| div(b, a));
arith!(c_pow, |a, b| pow(a, b));
arith!(c_rpow, |a, b| pow(b, a));

pub fn mul(a: Complex, b: Complex) -> Complex {
    Complex {
        re: a.re * b.re - a.im * b.im,
        im: a.re * b.im + a.im * b.re,
    }
}

/// `_Py_c_quot`: Smith's method, scaled to avoid overflow.
pub fn div(a: Complex, b: Complex) -> PyResult<Complex> {
    let (abs_bre, abs_bim) = (b.re.abs(), b.im.abs());
    if abs_bre >= abs_bim {
        if abs_bre == 0.0 {
            return Err(error::zero_division("complex division by zero"));
        }
        let ratio = b.im / b.re;
        let denom = b.re + b.im * ratio;
        Ok(Complex {
            re: (a.re + a.im * ratio) / denom,
            im: (a.im - a.re * ratio) / denom,
        })
    } else if abs_bim >= abs_bre {
        let ratio = b.re / b.im;
        let denom = b.re * ratio + b.im;
        Ok(Complex {
            re: (a.re * ratio + a.im) / denom,
            im: (a.im * ratio - a.re) / denom,
        })
    } else {
        Ok(Complex {
            re: f64::NAN,
            im: f64::NAN,
        })
    }
}

/// `_Py_c_pow` with CPython's integer-exponent shortcut (`c_powi`).
pub fn pow(a: Complex, b: Complex) -> PyResult<Complex> {
    if b.im == 0.0 && b.re == b.re.trunc() && b.re.abs() <= 100.0 {
        let n = b.re as i64;
        return if n >= 0 {
            Ok(powu(a, n as u64))
        } else {
            // c_powi's quotient by zero sets EDOM, reported as complex_pow's error.
            div(Complex { re: 1.0, im: 0.0 }, powu(a, (-n) as u64))
                .map_err(|_| error::zero_division("0.0 to a negative or complex power"))
        };
    }
    if b.re == 0.0 && b.im == 0.0 {
        return Ok(Complex { re: 1.0, im: 0.0 });
    }
    if a.re == 0.0 && a.im == 0.0 {
        if b.im != 0.0 || b.re < 0.0 {
            return Err(error::zero_division("0.0 to a negative or complex power"));
        }
        return Ok(Complex { re: 0.0, im: 0.0 });
    }
    let vabs = a.re.hypot(a.im);
    let mut len = vabs.powf(b.re);
    let at = a.im.atan2(a.re);
    let mut phase = at * b.re;
    if b.im != 0.0 {
        len /= (at * b.im).exp();
        phase += b.im * vabs.ln();
    }
    let r = Complex {
        re: len * phase.cos(),
        im: len * phase.sin(),
    };
    if (r.re.is_infinite() || r.im.is_infinite()) && a.re.is_finite() && a.im.is_finite() {
        return Err(error::overflow_error("complex exponentiation"));
    }
    Ok(r)
}

fn powu(x: Complex, mut n: u64) -> Complex {
    let mut r = Complex { re: 1.0, im: 0.0 };
    let mut p = x;
    let mut mask = 1u64;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = mul(r, p);
        }
        mask <<= 1;
        p = mul(p, p);
    }
    n = 0;
    let _ = n;
    r
}

fn c_format(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let c = this(args)?;
    let spec = args.get(1).and_then(as_str).unwrap_or("");
    format(c, spec).map(new_str).map_err(error::value_error)
}

/// `format(complex, spec)` (`format_complex_internal`).
pub fn format(c: Complex, spec: &str) -> Result<String, String> {
    use crate::fmt::spec::{format_float_typed, parse_spec_for};
    if spec.is_empty() {
        return Ok(repr(c));
    }
    let f = parse_spec_for(spec, "complex")?;
    if f.zero_pad {
        return Err("Zero padding is not allowed in complex format specifier".into());
    }
    if f.align == Some('=') {
        return Err("'=' alignment flag is not allowed in complex format specifier".into());
    }
    let mut part = f.clone();
    part.fill = None;
    part.align = None;
    part.width = None;
    let (re, im, parens, skip_re) = match f.ty {
        None => {
            let skip = c.re == 0.0 && c.re.is_sign_positive();
            let g = |x: f64| match f.precision {
                Some(_) => format_float_typed(
                    x,
                    &{
                        let mut p = part.clone();
                        p.ty = Some('g');
                        p.sign = None;
                        p
                    },
                    "complex",
                ),
                None => Ok(component(x)),
            };
            let mut re = g(c.re)?;
            if let Some(s @ ('+' | ' ')) = f.sign {
                if !re.starts_with('-') {
                    re.insert(0, s);
                }
            }
            (re, g(c.im)?, !skip, skip)
        }
        Some(t) if "eEfFgGn".contains(t) => {
            let re = format_float_typed(c.re, &part, "complex")?;
            let mut ip = part.clone();
            ip.sign = None;
            (re, format_float_typed(c.im, &ip, "complex")?, false, false)
        }
        Some(t) => {
            return Err(format!(
                "Unknown format code '{t}' for object of type 'complex'"
            ))
        }
    };
    let im = if im.starts_with('-') {
        im
    } else {
        format!("+{im}")
    };
    let body = if skip_re {
        let im = if f.sign.is_none() {
            im.trim_start_matches('+').to_string()
        } else {
            im
        };
        format!("{im}j")
    } else {
        format!("{re}{im}j")
    };
    let body = if parens { format!("({body})") } else { body };
    let width = f.width.unwrap_or(0);
    let n = body.chars().count();
    if n >= width {
        return Ok(body);
    }
    let fill = f.fill.unwrap_or(' ').to_string();
    let pad = width - n;
    Ok(match f.align.unwrap_or('>') {
        '<' => format!("{body}{}", fill.repeat(pad)),
        '^' => format!(
            "{}{body}{}",
            fill.repeat(pad / 2),
            fill.repeat(pad - pad / 2)
        ),
        _ => format!("{}{body}", fill.repeat(pad)),
    })
}

/// Parses `complex("...")` (CPython's `complex_from_string_inner`).
pub fn parse(s: &str) -> Option<Complex> {
    let s = s.trim();
    let s = match s.strip_prefix('(') {
        Some(r) => r.strip_suffix(')')?.trim(),
        None => s,
    };
    if s.is_empty() {
        return None;
    }
    let float = |t: &str| -> Option<f64> {
        if t.is_empty() || t.contains(char::is_whitespace) {
            return None;
        }
        crate::fmt::float::parse_float(t)
    };
    let body = s.strip_suffix(['j', 'J']);
    let Some(body) = body else {
        return float(s).map(|re| Complex { re, im: 0.0 });
    };
    // Split at the sign that starts the imaginary part (not one after an exponent).
    let bytes = body.as_bytes();
    let mut split = None;
    for i in (1..bytes.len()).rev() {
        if (bytes[i] == b'+' || bytes[i] == b'-') && !matches!(bytes[i - 1], b'e' | b'E') {
            split = Some(i);
            break;
        }
    }
    let imag = |t: &str| -> Option<f64> {
        match t {
            "" | "+" => Some(1.0),
            "-" => Some(-1.0),
            _ => float(t),
        }
    };
    match split {
        Some(i) => Some(Complex {
            re: float(&body[..i])?,
            im: imag(&body[i..])?,
        }),
        None => Some(Complex {
            re: 0.0,
            im: imag(body)?,
        }),
    }
}

/// `complex(x)` for one argument that is not a string: `__complex__`, else a float.
fn to_complex(vm: &mut Vm, v: &Value, what: &str) -> PyResult<Complex> {
    if let Some(c) = as_complex(v) {
        return Ok(c);
    }
    if let Some(m) = crate::ops::dunder::special(v, "__complex__") {
        let r = crate::ops::dunder::call_method(vm, &m, v, &[])?;
        return as_complex(&r).ok_or_else(|| {
            error::type_error(format!(
                "__complex__ returned non-complex (type {})",
                type_name(&r)
            ))
        });
    }
    if let Some(c) = coerce(v) {
        return Ok(c);
    }
    if crate::ops::dunder::special(v, "__float__").is_some()
        || crate::ops::dunder::special(v, "__index__").is_some()
    {
        let f =
            crate::types::dict::DictObj::get_str(&vm.builtins, &crate::types::str::intern("float"))
                .unwrap();
        let r = vm.call1(&f, v.clone())?;
        return Ok(Complex {
            re: r.as_float().unwrap_or(0.0),
            im: 0.0,
        });
    }
    Err(error::type_error(format!(
        "complex() {what} must be a string or a number, not '{}'",
        type_name(v)
    )))
}

fn complex_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("complex", &args[1..], kw);
    a.check(0, 2, &["real", "imag"])?;
    let cls = &args[0];
    let real = a.get(0).or_else(|| a.kw("real"));
    let imag = a.get(1).or_else(|| a.kw("imag"));
    let c = match (real, imag) {
        (None, None) => Complex { re: 0.0, im: 0.0 },
        (Some(r), i) if as_str(r).is_some() => {
            if i.is_some() {
                return Err(error::type_error(
                    "complex() can't take second arg if first is a string",
                ));
            }
            parse(as_str(r).unwrap())
                .ok_or_else(|| error::value_error("complex() arg is a malformed string"))?
        }
        (r, i) => {
            if let Some(i) = i {
                if as_str(i).is_some() {
                    return Err(error::type_error("complex() second arg can't be a string"));
                }
            }
            let r = match r {
                Some(r) => to_complex(vm, r, "first argument")?,
                None => Complex { re: 0.0, im: 0.0 },
            };
            let i = match i {
                Some(i) => to_complex(vm, i, "second argument")?,
                None => Complex { re: 0.0, im: 0.0 },
            };
            Complex {
                re: r.re - i.im,
                im: r.im + i.re,
            }
        }
    };
    if cls.ptr() == complex_type() {
        return Ok(new_complex(c.re, c.im));
    }
    new_ext_of(c, complex_type(), cls)
}
