//! The integer functions of `math`: factorial, gcd, lcm, comb, perm, isqrt.

use super::math::{n_args, one_arg};
use crate::builtins::args::Args;
use crate::error::{self, PyResult};
use crate::types::int::{as_int, big_to_value, IntRef};
use crate::types::type_name;
use crate::value::Value;
use crate::vm::Vm;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

/// An argument that must be an int (`__index__`); floats are rejected.
fn index(v: &Value) -> PyResult<IntRef<'_>> {
    as_int(v).ok_or_else(|| {
        error::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(v)
        ))
    })
}

/// The product lo * (lo+1) * ... * hi (1 when empty), multiplied as a balanced tree so
/// the big multiplications have operands of similar size.
fn range_product(lo: &BigInt, count: u64) -> BigInt {
    if count == 0 {
        return BigInt::one();
    }
    if count <= 16 {
        let mut acc = lo.clone();
        for i in 1..count {
            acc *= lo + i;
        }
        return acc;
    }
    let half = count / 2;
    range_product(lo, half) * range_product(&(lo + half), count - half)
}

pub fn factorial(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let n = index(one_arg("math.factorial", args, kw)?)?;
    if n.is_negative() {
        return Err(error::value_error(
            "factorial() not defined for negative values",
        ));
    }
    let Some(n) = n.to_i64() else {
        return Err(error::overflow_error(format!(
            "factorial() argument should not exceed {}",
            i64::MAX
        )));
    };
    if n <= 20 {
        return Ok(Value::int((1..=n).product::<i64>()));
    }
    Ok(big_to_value(range_product(&BigInt::one(), n as u64)))
}

fn gcd2(a: &IntRef, b: &IntRef) -> BigInt {
    match (a, b) {
        // 48-bit small ints: no overflow in i64.
        (IntRef::Small(x), IntRef::Small(y)) => BigInt::from(x.gcd(y)),
        _ => a.to_big().gcd(&b.to_big()),
    }
}

pub fn gcd(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    Args::new("math.gcd", args, kw).check(0, usize::MAX, &[])?;
    let mut acc = BigInt::zero();
    for v in args {
        let x = index(v)?;
        if !acc.is_one() {
            acc = gcd2(&IntRef::Big(&acc), &x);
        }
    }
    Ok(big_to_value(acc))
}

pub fn lcm(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    Args::new("math.lcm", args, kw).check(0, usize::MAX, &[])?;
    let mut acc = BigInt::one();
    for v in args {
        let x = index(v)?.to_big();
        if acc.is_zero() {
            continue; // the remaining arguments are only type-checked
        }
        acc = if x.is_zero() {
            BigInt::zero()
        } else {
            (&acc / acc.gcd(&x) * x).abs()
        };
    }
    Ok(big_to_value(acc))
}

/// n and k of comb/perm, with CPython's checks; k is reduced by the caller.
fn n_and_k<'a>(n: &'a Value, k: &'a Value) -> PyResult<(BigInt, BigInt)> {
    let n = index(n)?;
    let k = index(k)?;
    if n.is_negative() {
        return Err(error::value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(error::value_error("k must be a non-negative integer"));
    }
    Ok((n.to_big(), k.to_big()))
}

pub fn comb(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = n_args("comb", 2, args, kw)?;
    let (n, k) = n_and_k(&a[0], &a[1])?;
    if k > n {
        return Ok(Value::small_int(0));
    }
    let k = std::cmp::min(&n - &k, k);
    let Some(k) = k.to_u64().filter(|&k| k <= i64::MAX as u64) else {
        return Err(error::overflow_error(format!(
            "min(n - k, k) must not exceed {}",
            i64::MAX
        )));
    };
    // C(n, k) = n(n-1)...(n-k+1) / k!
    let num = range_product(&(&n - k + 1u32), k);
    let den = range_product(&BigInt::one(), k);
    Ok(big_to_value(num / den))
}

pub fn perm(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("perm", args, kw);
    a.check(1, 2, &[])?;
    let k = match a.get(1) {
        Some(k) if !k.is_none() => k,
        _ => {
            return factorial(vm, &a.pos[..1], &[]);
        }
    };
    let (n, k) = n_and_k(&a.pos[0], k)?;
    if k > n {
        return Ok(Value::small_int(0));
    }
    let Some(k) = k.to_u64().filter(|&k| k <= i64::MAX as u64) else {
        return Err(error::overflow_error(format!(
            "k must not exceed {}",
            i64::MAX
        )));
    };
    Ok(big_to_value(range_product(&(&n - k + 1u32), k)))
}

pub fn isqrt(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let n = index(one_arg("math.isqrt", args, kw)?)?;
    if n.is_negative() {
        return Err(error::value_error("isqrt() argument must be nonnegative"));
    }
    Ok(big_to_value(n.to_big().sqrt()))
}
