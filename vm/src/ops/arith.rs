//! Arithmetic: the numeric tower (bool < int < float) and the sequence operators.
//! Pure numeric semantics are plain functions so the optimizer can fold with them later.

use crate::bytecode::BinOp;
use crate::error::{self, PyResult};
use crate::types::int::{self, as_int, IntRef};
use crate::types::list::{new_list, ListObj};
use crate::types::str::{as_str, new_str};
use crate::types::tuple::{as_tuple, new_tuple};
use crate::types::type_name;
use crate::value::Value;
use crate::vm::Vm;

fn type_ptr_is(v: &Value, t: *const crate::object::Header) -> bool {
    crate::types::type_ptr(v) == t
}

/// Small-int and float fast paths (no allocation, no errors). None = take the generic path.
#[inline(always)]
pub fn fast_binop(op: BinOp, a: &Value, b: &Value) -> Option<Value> {
    if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
        return match op {
            BinOp::Add => Some(Value::int(x + y)),
            BinOp::Sub => Some(Value::int(x - y)),
            BinOp::Mul => x.checked_mul(y).map(Value::int),
            BinOp::And => Some(Value::small_int(x & y)),
            BinOp::Or => Some(Value::small_int(x | y)),
            BinOp::Xor => Some(Value::small_int(x ^ y)),
            BinOp::FloorDiv if y != 0 => Some(Value::int(num_integer::Integer::div_floor(&x, &y))),
            BinOp::Mod if y != 0 => Some(Value::small_int(num_integer::Integer::mod_floor(&x, &y))),
            _ => None,
        };
    }
    if let (Some(x), Some(y)) = (a.as_float(), b.as_float()) {
        return match op {
            BinOp::Add => Some(Value::float(x + y)),
            BinOp::Sub => Some(Value::float(x - y)),
            BinOp::Mul => Some(Value::float(x * y)),
            BinOp::TrueDiv if y != 0.0 => Some(Value::float(x / y)),
            _ => None,
        };
    }
    None
}

/// `x op y` on two small ints when the result is a small int and raises nothing (the
/// interpreter's inline path for BINARY_OP_INT); None otherwise.
#[inline(always)]
pub fn small_binop(op: BinOp, x: i64, y: i64) -> Option<i64> {
    let r = match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x.checked_mul(y)?,
        BinOp::And => x & y,
        BinOp::Or => x | y,
        BinOp::Xor => x ^ y,
        BinOp::RShift if y >= 0 => x >> y.min(63),
        // Bits shifted out of the i64 are lost: keep the shift only if it reverses.
        BinOp::LShift if (0..48).contains(&y) && (x << y) >> y == x => x << y,
        BinOp::FloorDiv if y != 0 => num_integer::Integer::div_floor(&x, &y),
        BinOp::Mod if y != 0 => num_integer::Integer::mod_floor(&x, &y),
        _ => return None,
    };
    Value::fits_small(r).then_some(r)
}

/// `x op y` on floats (ints already converted) when the result is a float and raises
/// nothing (BINARY_OP_FLOAT's inline path); None otherwise.
#[inline(always)]
pub fn float_fast(op: BinOp, x: f64, y: f64) -> Option<f64> {
    Some(match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        BinOp::TrueDiv if y != 0.0 => x / y,
        _ => return None,
    })
}

/// Numeric view of an operand for mixed arithmetic.
enum Num<'a> {
    Int(IntRef<'a>),
    Float(f64),
}

fn num(v: &Value) -> Option<Num<'_>> {
    if let Some(f) = v.as_float() {
        Some(Num::Float(f))
    } else {
        as_int(v).map(Num::Int)
    }
}

fn to_f64(n: &Num) -> PyResult<f64> {
    match n {
        Num::Float(f) => Ok(*f),
        Num::Int(i) => int::int_to_f64(i).map_err(error::overflow_error),
    }
}

/// Numeric binary operation, or None if the operands are not both numbers.
pub fn numeric_binop(op: BinOp, a: &Value, b: &Value) -> Option<PyResult<Value>> {
    // bool & | ^ bool stays a bool.
    if let (Some(x), Some(y)) = (a.as_bool(), b.as_bool()) {
        match op {
            BinOp::And => return Some(Ok(Value::bool(x & y))),
            BinOp::Or => return Some(Ok(Value::bool(x | y))),
            BinOp::Xor => return Some(Ok(Value::bool(x ^ y))),
            _ => {}
        }
    }
    // Numbers have no `@`; bit operations and shifts are int-only. Returning None lets
    // the caller try dunders and then report the unsupported operand types.
    if op == BinOp::MatMul {
        return None;
    }
    // Ints of up to two words (not bools): i128 arithmetic, no num-bigint.
    if let (Some(x), Some(y)) = (int::wide(a), int::wide(b)) {
        if let Some(r) = int::wide_binop(op, x, y) {
            return Some(Ok(r));
        }
    }
    let (x, y) = (num(a)?, num(b)?);
    let int_only = matches!(
        op,
        BinOp::And | BinOp::Or | BinOp::Xor | BinOp::LShift | BinOp::RShift
    );
    Some(match (&x, &y) {
        (Num::Int(i), Num::Int(j)) => int_binop(op, i, j),
        _ if int_only => return None,
        _ => match (to_f64(&x), to_f64(&y)) {
            (Ok(f), Ok(g)) => float_binop(op, f, g),
            (Err(e), _) | (_, Err(e)) => Err(e),
        },
    })
}

pub fn int_binop(op: BinOp, a: &IntRef, b: &IntRef) -> PyResult<Value> {
    Ok(match op {
        BinOp::Add => int::add(a, b),
        BinOp::Sub => int::sub(a, b),
        BinOp::Mul => int::mul(a, b),
        BinOp::FloorDiv => {
            if b.is_zero() {
                return Err(error::zero_division("integer division or modulo by zero"));
            }
            int::floordiv(a, b)
        }
        BinOp::Mod => {
            if b.is_zero() {
                return Err(error::zero_division("integer modulo by zero"));
            }
            int::modulo(a, b)
        }
        BinOp::TrueDiv => {
            if b.is_zero() {
                return Err(error::zero_division("division by zero"));
            }
            Value::float(int::truediv(a, b).map_err(error::overflow_error)?)
        }
        BinOp::Pow => {
            if b.is_negative() {
                if a.is_zero() {
                    return Err(error::zero_division(
                        "0.0 cannot be raised to a negative power",
                    ));
                }
                let f = int::int_to_f64(a).map_err(error::overflow_error)?;
                let g = int::int_to_f64(b).map_err(error::overflow_error)?;
                return float_binop(BinOp::Pow, f, g);
            }
            match b.to_i64() {
                Some(e) => {
                    let small_base = matches!(a.to_i64(), Some(-1..=1));
                    if !small_base {
                        // The result has about bits(a) * e bits.
                        let bits = int::bit_length(&a).saturating_mul(e as u64);
                        crate::mem::probe(bits / 8)?;
                    }
                    int::pow(a, e as u64)
                }
                None => {
                    if matches!(a.to_i64(), Some(-1..=1)) {
                        let odd = match b {
                            IntRef::Big(bb) => num_integer::Integer::is_odd(*bb),
                            IntRef::Small(s) => s % 2 != 0,
                        };
                        let base = a.to_i64().unwrap();
                        Value::int(if base == -1 && !odd { 1 } else { base })
                    } else {
                        return Err(error::memory_error(""));
                    }
                }
            }
        }
        BinOp::LShift | BinOp::RShift => {
            if b.is_negative() {
                return Err(error::value_error("negative shift count"));
            }
            let n = b.to_i64().unwrap_or(i64::MAX) as u64;
            if op == BinOp::LShift {
                if a.is_zero() {
                    return Ok(Value::small_int(0));
                }
                if b.to_i64().is_none() {
                    // CPython overflows only past its maximum count of 30-bit digits
                    // (about 2**61); short of that it fails to allocate.
                    let words = b.to_big() / num_bigint::BigInt::from(30);
                    let max_digits = num_bigint::BigInt::from((i64::MAX - 24) / 4);
                    return Err(if words < max_digits {
                        error::memory_error("")
                    } else {
                        error::overflow_error("too many digits in integer")
                    });
                }
                crate::mem::probe(int::bit_length(&a).saturating_add(n) / 8)?;
                int::lshift(a, n)
            } else {
                int::rshift(a, n)
            }
        }
        BinOp::And => int::and(a, b),
        BinOp::Or => int::or(a, b),
        BinOp::Xor => int::xor(a, b),
        BinOp::MatMul => return Err(unsupported(op, false, &Value::NONE, &Value::NONE)),
    })
}

pub fn float_binop(op: BinOp, a: f64, b: f64) -> PyResult<Value> {
    Ok(Value::float(match op {
        BinOp::Add => a + b,
        BinOp::Sub => a - b,
        BinOp::Mul => a * b,
        BinOp::TrueDiv => {
            if b == 0.0 {
                return Err(error::zero_division("float division by zero"));
            }
            a / b
        }
        BinOp::FloorDiv => {
            if b == 0.0 {
                return Err(error::zero_division("float floor division by zero"));
            }
            float_divmod(a, b).0
        }
        BinOp::Mod => {
            if b == 0.0 {
                return Err(error::zero_division("float modulo"));
            }
            float_divmod(a, b).1
        }
        BinOp::Pow => return float_pow(a, b),
        _ => return Err(error::type_error(String::new())),
    }))
}

/// Python's float divmod (floor semantics, sign of divisor, CPython's corrections).
pub fn float_divmod(a: f64, b: f64) -> (f64, f64) {
    let mut m = a % b;
    let mut div = (a - m) / b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(b);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(a / b)
    };
    (floordiv, m)
}

pub fn float_pow(a: f64, b: f64) -> PyResult<Value> {
    if a == 0.0 && b < 0.0 {
        return Err(error::zero_division(
            "0.0 cannot be raised to a negative power",
        ));
    }
    if a < 0.0 && a.is_finite() && b.fract() != 0.0 && b.is_finite() {
        // CPython's float_pow hands this case to complex power.
        use crate::pytypes::complex::{new_complex, pow as complex_pow, Complex};
        let c = complex_pow(Complex { re: a, im: 0.0 }, Complex { re: b, im: 0.0 })?;
        return Ok(new_complex(c.re, c.im));
    }
    let r = a.powf(b);
    if r.is_infinite() && a.is_finite() && b.is_finite() {
        return Err(error::overflow_error(
            "(34, 'Numerical result out of range')",
        ));
    }
    Ok(Value::float(r))
}

/// Sequence operators: concatenation and repetition of str, list, tuple.
/// `seq * x` with a non-int x: CPython's sequence repeat demands an index. (Instances of
/// Python classes are left to their own `__mul__` / `__rmul__`.)
fn non_int_repeat(a: &Value, b: &Value) -> Option<PyResult<Value>> {
    let is_seq = |v: &Value| {
        as_str(v).is_some()
            || v.downcast::<ListObj>().is_some()
            || as_tuple(v).is_some()
            || crate::types::bytes::as_bytes(v).is_some()
    };
    let is_instance = |v: &Value| v.kind() == Some(crate::object::Kind::Instance);
    let other = if is_seq(a) {
        b
    } else if is_seq(b) {
        a
    } else {
        return None;
    };
    if is_instance(a) || is_instance(b) {
        return None;
    }
    Some(Err(error::type_error(format!(
        "can't multiply sequence by non-int of type '{}'",
        type_name(other)
    ))))
}

/// `x + y` for str (MemoryError when it cannot be allocated).
pub fn str_concat(x: &str, y: &str) -> PyResult<Value> {
    let mut s = crate::mem::string_with_capacity(x.len() + y.len())?;
    s.push_str(x);
    s.push_str(y);
    Ok(new_str(s))
}

pub fn sequence_binop(op: BinOp, a: &Value, b: &Value) -> Option<PyResult<Value>> {
    match op {
        BinOp::Add => {
            if let (Some(x), Some(y)) = (as_str(a), as_str(b)) {
                return Some(str_concat(x, y));
            }
            let concat = |x: &[Value], y: &[Value]| -> PyResult<Vec<Value>> {
                let mut v = crate::mem::vec_with_capacity(x.len() + y.len())?;
                v.extend_from_slice(x);
                v.extend_from_slice(y);
                Ok(v)
            };
            if let (Some(x), Some(y)) = (a.downcast::<ListObj>(), b.downcast::<ListObj>()) {
                return Some(concat(&x.items.borrow(), &y.items.borrow()).map(new_list));
            }
            if let (Some(x), Some(y)) = (as_tuple(a), as_tuple(b)) {
                // As CPython: concatenating an empty tuple returns the other (exact) one.
                if y.is_empty() && type_ptr_is(a, crate::types::tt().tuple) {
                    return Some(Ok(a.clone()));
                }
                if x.is_empty() && type_ptr_is(b, crate::types::tt().tuple) {
                    return Some(Ok(b.clone()));
                }
                if let Err(e) = crate::mem::probe(((x.len() + y.len()) * 8) as u64) {
                    return Some(Err(e));
                }
                return Some(Ok(crate::types::tuple::new_tuple_concat(&[x, y])));
            }
            None
        }
        BinOp::Mul => {
            let (seq, n) = if let Some(i) = as_int(b) {
                (a, i)
            } else if let Some(i) = as_int(a) {
                (b, i)
            } else {
                return non_int_repeat(a, b);
            };
            let list = seq.downcast::<ListObj>();
            if as_str(seq).is_none() && list.is_none() && as_tuple(seq).is_none() {
                return None;
            }
            // CPython converts the count to Py_ssize_t first (either sign may overflow).
            let Some(n) = n.to_i64() else {
                return Some(Err(error::overflow_error(
                    "cannot fit 'int' into an index-sized integer",
                )));
            };
            let n = n.max(0) as usize;
            Some(repeat(seq, n))
        }
        _ => None,
    }
}

/// `seq * n` for str, list and tuple: too long to address is OverflowError for str and
/// MemoryError for lists and tuples (as in CPython); memory running out is MemoryError.
fn repeat(seq: &Value, mut n: usize) -> PyResult<Value> {
    if crate::ops::len_fast(seq) == Some(0) {
        n = 0; // an empty sequence repeated any number of times: no loop
    }
    if let Some(s) = as_str(seq) {
        let total = crate::mem::repeat_len(s.len(), n, 1)
            .ok_or_else(|| error::overflow_error("repeated string is too long"))?;
        let mut out = crate::mem::string_with_capacity(total)?;
        for _ in 0..n {
            out.push_str(s);
        }
        return Ok(new_str(out));
    }
    let items: Vec<Value> = match seq.downcast::<ListObj>() {
        Some(l) => l.items.borrow().clone(),
        None => as_tuple(seq).unwrap().to_vec(),
    };
    let total = crate::mem::repeat_len(items.len(), n, std::mem::size_of::<Value>())
        .ok_or_else(|| error::memory_error(""))?;
    let mut v = crate::mem::vec_with_capacity(total)?;
    if let [x] = &items[..] {
        // `[x] * n`: n clones of one value, no per-repetition iterator.
        v.resize(n, x.clone());
    } else {
        for _ in 0..n {
            v.extend(items.iter().cloned());
        }
    }
    Ok(if seq.downcast::<ListObj>().is_some() {
        new_list(v)
    } else {
        new_tuple(v)
    })
}

pub fn unsupported(op: BinOp, inplace: bool, a: &Value, b: &Value) -> crate::error::PyErr {
    let sym = if inplace {
        format!("{}=", op.symbol())
    } else {
        op.symbol().to_string()
    };
    if op == BinOp::Pow && !inplace {
        return error::type_error(format!(
            "unsupported operand type(s) for ** or pow(): '{}' and '{}'",
            type_name(a),
            type_name(b)
        ));
    }
    error::type_error(format!(
        "unsupported operand type(s) for {}: '{}' and '{}'",
        sym,
        type_name(a),
        type_name(b)
    ))
}

pub fn neg(vm: &mut Vm, a: &Value) -> PyResult<Value> {
    if let Some(f) = a.as_float() {
        return Ok(Value::float(-f));
    }
    if let Some(i) = as_int(a) {
        return Ok(int::neg(&i));
    }
    crate::ops::unary_dunder(vm, a, "__neg__", "-")
}
pub fn pos(vm: &mut Vm, a: &Value) -> PyResult<Value> {
    if a.is_float() {
        return Ok(a.clone());
    }
    if let Some(i) = as_int(a) {
        return Ok(int::add(&i, &IntRef::Small(0)));
    }
    crate::ops::unary_dunder(vm, a, "__pos__", "+")
}
/// `abs(a)`: numbers directly, other objects through `__abs__`.
pub fn abs(vm: &mut Vm, a: &Value) -> PyResult<Value> {
    if let Some(f) = a.as_float() {
        return Ok(Value::float(f.abs()));
    }
    if let Some(i) = as_int(a) {
        return Ok(if i.is_negative() {
            int::neg(&i)
        } else {
            int::add(&i, &IntRef::Small(0))
        });
    }
    if let Some(r) = crate::ops::dunder::call_special(vm, a, "__abs__", &[]) {
        return r;
    }
    Err(crate::error::type_error(format!(
        "bad operand type for abs(): '{}'",
        crate::types::type_name(a)
    )))
}
pub fn invert(vm: &mut Vm, a: &Value) -> PyResult<Value> {
    if let Some(i) = as_int(a) {
        return Ok(int::invert(&i));
    }
    crate::ops::unary_dunder(vm, a, "__invert__", "~")
}
