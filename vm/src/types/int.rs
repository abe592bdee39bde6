//! `int`: 48-bit small ints live in the value word; larger ones are heap `BigInt`s.
//! Every result is normalised, so a heap int never holds a value that fits small.

use crate::object::{alloc_obj, Kind, Payload};
use crate::types::typeobj::tt;
use crate::value::Value;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

/// A heap int. Values that fit in i128 (ints of up to two machine words, such as an LCG's
/// 64-bit state and its products) are kept as `wide`, and the num-bigint form is made only
/// when something needs it (formatting, big-int algorithms): arithmetic on two wide ints
/// is i128 arithmetic with one allocation for the result.
pub struct BigIntObj {
    wide: Option<i128>,
    big: std::cell::OnceCell<BigInt>,
}
impl Payload for BigIntObj {
    const KIND: Kind = Kind::BigInt;
}
impl BigIntObj {
    /// The num-bigint form (made on first use for a wide value).
    pub fn big(&self) -> &BigInt {
        self.big
            .get_or_init(|| BigInt::from(self.wide.expect("a heap int has a value")))
    }
}

impl BigIntObj {
    /// The payload of a heap int holding `b` (not normalised: int subclass instances are
    /// heap ints whatever their value).
    pub fn from_big(b: BigInt) -> BigIntObj {
        BigIntObj {
            wide: b.to_i128(),
            big: std::cell::OnceCell::from(b),
        }
    }
}

/// Normalises a BigInt into a value.
pub fn big_to_value(b: BigInt) -> Value {
    if let Some(i) = b.to_i64() {
        if Value::fits_small(i) {
            return Value::small_int(i);
        }
    }
    alloc_obj(
        BigIntObj {
            wide: b.to_i128(),
            big: std::cell::OnceCell::from(b),
        },
        tt().int,
    )
}

/// An i128 result as a normalised value (one allocation past the small range).
#[inline]
pub fn i128_to_value(r: i128) -> Value {
    if let Ok(i) = i64::try_from(r) {
        if Value::fits_small(i) {
            return Value::small_int(i);
        }
    }
    alloc_obj(
        BigIntObj {
            wide: Some(r),
            big: std::cell::OnceCell::new(),
        },
        tt().int,
    )
}

/// An int (not a bool) as i128, when it fits: small ints and wide heap ints, without
/// touching num-bigint.
#[inline]
pub fn wide(v: &Value) -> Option<i128> {
    if let Some(i) = v.as_small_int() {
        return Some(i as i128);
    }
    v.downcast::<BigIntObj>().and_then(|b| b.wide)
}

/// `x op y` on two i128 ints when the result is exact in i128 and needs no error; None
/// sends the operation to the general path (overflow, division by zero, negative
/// shifts, true division, powers).
#[inline]
pub fn wide_binop(op: crate::bytecode::BinOp, x: i128, y: i128) -> Option<Value> {
    use crate::bytecode::BinOp;
    let r = match op {
        BinOp::Add => x.checked_add(y)?,
        BinOp::Sub => x.checked_sub(y)?,
        BinOp::Mul => x.checked_mul(y)?,
        BinOp::FloorDiv if y != 0 && !(x == i128::MIN && y == -1) => Integer::div_floor(&x, &y),
        BinOp::Mod if y != 0 && y != -1 => Integer::mod_floor(&x, &y),
        BinOp::And => x & y,
        BinOp::Or => x | y,
        BinOp::Xor => x ^ y,
        BinOp::LShift
            if (0..127).contains(&y) && x.unsigned_abs().leading_zeros() as i128 > y + 1 =>
        {
            x << y
        }
        BinOp::RShift if y >= 0 => x >> y.min(127),
        _ => return None,
    };
    Some(i128_to_value(r))
}

/// Both operands as i128, when both fit: the fast path for ints of up to two machine words
/// (an LCG's 64-bit state, its 128-bit product), before num-bigint.
#[inline]
fn i128_pair(a: &IntRef, b: &IntRef) -> Option<(i128, i128)> {
    Some((a.to_i128()?, b.to_i128()?))
}

/// A borrowed view of any int (bools count as ints).
pub enum IntRef<'a> {
    Small(i64),
    Big(&'a BigInt),
}

impl IntRef<'_> {
    pub fn to_big(&self) -> BigInt {
        match self {
            IntRef::Small(i) => BigInt::from(*i),
            IntRef::Big(b) => (*b).clone(),
        }
    }
    #[inline]
    pub fn to_i128(&self) -> Option<i128> {
        match self {
            IntRef::Small(i) => Some(*i as i128),
            IntRef::Big(b) => b.to_i128(),
        }
    }
    pub fn to_i64(&self) -> Option<i64> {
        match self {
            IntRef::Small(i) => Some(*i),
            IntRef::Big(b) => b.to_i64(),
        }
    }
    pub fn is_negative(&self) -> bool {
        match self {
            IntRef::Small(i) => *i < 0,
            IntRef::Big(b) => b.is_negative(),
        }
    }
    pub fn is_zero(&self) -> bool {
        match self {
            IntRef::Small(i) => *i == 0,
            IntRef::Big(b) => b.is_zero(),
        }
    }
}

/// Views `v` as an int if it is an int or bool (not a float).
#[inline]
pub fn as_int(v: &Value) -> Option<IntRef<'_>> {
    if let Some(i) = v.as_small_int() {
        Some(IntRef::Small(i))
    } else if let Some(b) = v.as_bool() {
        Some(IntRef::Small(b as i64))
    } else {
        v.downcast::<BigIntObj>().map(|b| IntRef::Big(b.big()))
    }
}

pub fn is_int(v: &Value) -> bool {
    v.is_small_int() || v.is_bool() || v.kind() == Some(Kind::BigInt)
}

pub fn to_big(v: &Value) -> Option<BigInt> {
    as_int(v).map(|i| i.to_big())
}

/// Int → float with Python's rounding; Err on overflow.
pub fn int_to_f64(i: &IntRef) -> Result<f64, &'static str> {
    match i {
        IntRef::Small(i) => Ok(*i as f64),
        IntRef::Big(b) => {
            let f = big_to_f64(b);
            if f.is_infinite() {
                Err("int too large to convert to float")
            } else {
                Ok(f)
            }
        }
    }
}

/// Correctly rounded (half-even) conversion of a BigInt to f64.
pub fn big_to_f64(b: &BigInt) -> f64 {
    // num-bigint's to_f64 rounds correctly (round-half-even) since 0.4.
    b.to_f64().unwrap_or(if b.is_negative() {
        f64::NEG_INFINITY
    } else {
        f64::INFINITY
    })
}

pub fn add(a: &IntRef, b: &IntRef) -> Value {
    if let (IntRef::Small(x), IntRef::Small(y)) = (a, b) {
        return Value::int(x + y); // 48-bit inputs cannot overflow i64
    }
    if let Some((x, y)) = i128_pair(a, b) {
        if let Some(r) = x.checked_add(y) {
            return i128_to_value(r);
        }
    }
    big_to_value(a.to_big() + b.to_big())
}
pub fn sub(a: &IntRef, b: &IntRef) -> Value {
    if let (IntRef::Small(x), IntRef::Small(y)) = (a, b) {
        return Value::int(x - y);
    }
    if let Some((x, y)) = i128_pair(a, b) {
        if let Some(r) = x.checked_sub(y) {
            return i128_to_value(r);
        }
    }
    big_to_value(a.to_big() - b.to_big())
}
pub fn mul(a: &IntRef, b: &IntRef) -> Value {
    if let (IntRef::Small(x), IntRef::Small(y)) = (a, b) {
        if let Some(r) = x.checked_mul(*y) {
            return Value::int(r);
        }
    }
    if let Some((x, y)) = i128_pair(a, b) {
        if let Some(r) = x.checked_mul(y) {
            return i128_to_value(r);
        }
    }
    big_to_value(a.to_big() * b.to_big())
}
/// Floor division; caller checked b != 0.
pub fn floordiv(a: &IntRef, b: &IntRef) -> Value {
    if let (IntRef::Small(x), IntRef::Small(y)) = (a, b) {
        return Value::int(x.div_floor(y));
    }
    if let Some((x, y)) = i128_pair(a, b) {
        // i128::MIN // -1 is the one overflow.
        if !(x == i128::MIN && y == -1) {
            return i128_to_value(Integer::div_floor(&x, &y));
        }
    }
    big_to_value(a.to_big().div_floor(&b.to_big()))
}
/// Python modulo (sign of divisor); caller checked b != 0.
pub fn modulo(a: &IntRef, b: &IntRef) -> Value {
    if let (IntRef::Small(x), IntRef::Small(y)) = (a, b) {
        return Value::int(x.mod_floor(y));
    }
    if let Some((x, y)) = i128_pair(a, b) {
        if y != -1 {
            return i128_to_value(Integer::mod_floor(&x, &y));
        }
        return Value::small_int(0);
    }
    big_to_value(a.to_big().mod_floor(&b.to_big()))
}
pub fn neg(a: &IntRef) -> Value {
    match a {
        IntRef::Small(x) => Value::int(-x),
        IntRef::Big(b) => big_to_value(-(*b).clone()),
    }
}
pub fn invert(a: &IntRef) -> Value {
    match a {
        IntRef::Small(x) => Value::int(!x),
        IntRef::Big(b) => big_to_value(-(*b).clone() - 1),
    }
}
pub fn and(a: &IntRef, b: &IntRef) -> Value {
    if let (IntRef::Small(x), IntRef::Small(y)) = (a, b) {
        return Value::int(x & y);
    }
    if let Some((x, y)) = i128_pair(a, b) {
        return i128_to_value(x & y);
    }
    big_to_value(a.to_big() & b.to_big())
}
pub fn or(a: &IntRef, b: &IntRef) -> Value {
    if let (IntRef::Small(x), IntRef::Small(y)) = (a, b) {
        return Value::int(x | y);
    }
    if let Some((x, y)) = i128_pair(a, b) {
        return i128_to_value(x | y);
    }
    big_to_value(a.to_big() | b.to_big())
}
pub fn xor(a: &IntRef, b: &IntRef) -> Value {
    if let (IntRef::Small(x), IntRef::Small(y)) = (a, b) {
        return Value::int(x ^ y);
    }
    if let Some((x, y)) = i128_pair(a, b) {
        return i128_to_value(x ^ y);
    }
    big_to_value(a.to_big() ^ b.to_big())
}
/// Left shift by a non-negative count (caller checks sign and size).
pub fn lshift(a: &IntRef, n: u64) -> Value {
    if let IntRef::Small(x) = a {
        if n < 16 {
            return Value::int(x << n);
        }
        if *x == 0 {
            return Value::small_int(0);
        }
    }
    if let Some(x) = a.to_i128() {
        // Exact when the shifted value keeps a sign bit to spare.
        if n < 127 && (x.unsigned_abs().leading_zeros() as u64) > n + 1 {
            return i128_to_value(x << n);
        }
    }
    big_to_value(a.to_big() << (n as usize))
}
pub fn rshift(a: &IntRef, n: u64) -> Value {
    match a {
        IntRef::Small(x) => Value::int(if n >= 63 {
            if *x < 0 {
                -1
            } else {
                0
            }
        } else {
            x >> n
        }),
        IntRef::Big(b) => match b.to_i128() {
            // Arithmetic shift floors, as Python's >> does.
            Some(x) => i128_to_value(x >> n.min(127)),
            None => big_to_value((*b).clone() >> (n as usize)),
        },
    }
}
/// Non-negative integer power. Exponents beyond u32 are only representable for bases
/// 0, 1 and -1; for others the caller must have raised already.
pub fn pow(a: &IntRef, e: u64) -> Value {
    if let IntRef::Small(x) = a {
        if e <= u32::MAX as u64 {
            if let Some(r) = x.checked_pow(e as u32) {
                return Value::int(r);
            }
        }
    }
    let base = a.to_big();
    if base.magnitude() <= &num_bigint::BigUint::from(1u32) {
        // 0, 1 and -1 to any power (huge exponents included).
        let odd = e % 2 == 1;
        return big_to_value(if base.is_negative() && !odd {
            BigInt::from(1)
        } else if e == 0 {
            BigInt::from(1)
        } else {
            base
        });
    }
    big_to_value(num_traits::pow(base, e as usize))
}

/// Number of bits of |i| (`int.bit_length()`).
pub fn bit_length(i: &IntRef) -> u64 {
    match i {
        IntRef::Small(x) => 64 - x.unsigned_abs().leading_zeros() as u64,
        IntRef::Big(b) => b.bits(),
    }
}
/// Three-argument pow with a non-zero modulus; `e` may be negative only if the inverse exists
/// (the caller handles that case).
pub fn pow_mod(a: &BigInt, e: &BigInt, m: &BigInt) -> Value {
    let mut r = a.modpow(e, m);
    if !r.is_zero() && (r.is_negative() != m.is_negative()) {
        r += m;
    }
    big_to_value(r)
}

pub fn cmp(a: &IntRef, b: &IntRef) -> std::cmp::Ordering {
    match (a, b) {
        (IntRef::Small(x), IntRef::Small(y)) => x.cmp(y),
        (IntRef::Big(x), IntRef::Big(y)) => x.cmp(y),
        _ => match i128_pair(a, b) {
            Some((x, y)) => x.cmp(&y),
            None => a.to_big().cmp(&b.to_big()),
        },
    }
}

/// Python's hash of an int: value modulo 2**61 - 1, keeping the sign; -1 maps to -2.
pub fn hash(a: &IntRef) -> i64 {
    const M: i64 = (1 << 61) - 1;
    let h = match a {
        IntRef::Small(x) => {
            let r = x.abs() % M;
            if *x < 0 {
                -r
            } else {
                r
            }
        }
        IntRef::Big(b) if b.to_i128().is_some() => {
            let x = b.to_i128().unwrap();
            let r = (x.unsigned_abs() % M as u128) as i64;
            if x < 0 {
                -r
            } else {
                r
            }
        }
        IntRef::Big(b) => {
            let r = (b.abs() % BigInt::from(M)).to_i64().unwrap();
            if b.is_negative() {
                -r
            } else {
                r
            }
        }
    };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// Compares an int with a float exactly (no rounding of the int).
pub fn cmp_int_float(a: &IntRef, f: f64) -> Option<std::cmp::Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 {
            std::cmp::Ordering::Less
        } else {
            std::cmp::Ordering::Greater
        });
    }
    if let IntRef::Small(x) = a {
        // |x| < 2**47 converts exactly.
        return (*x as f64).partial_cmp(&f);
    }
    let fl = f.floor();
    match a.to_big().cmp(&float_to_big(fl)) {
        std::cmp::Ordering::Equal if f > fl => Some(std::cmp::Ordering::Less),
        o => Some(o),
    }
}

/// Exact conversion of an integral, finite float to BigInt.
pub fn float_to_big(f: f64) -> BigInt {
    if f.abs() < 9.0e15 {
        return BigInt::from(f as i64);
    }
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64 - 1075;
    let mant = (bits & ((1 << 52) - 1)) | (1 << 52);
    let m = BigInt::from(mant);
    let r = if exp >= 0 {
        m << (exp as usize)
    } else {
        m >> ((-exp) as usize)
    };
    if f < 0.0 {
        -r
    } else {
        r
    }
}

/// Decimal string of an int.
pub fn to_string(a: &IntRef) -> String {
    match a {
        IntRef::Small(x) => x.to_string(),
        IntRef::Big(b) => b.to_string(),
    }
}

/// True division of two ints, correctly rounded like CPython.
pub fn truediv(a: &IntRef, b: &IntRef) -> Result<f64, &'static str> {
    if let (Some(x), Some(y)) = (a.to_i64(), b.to_i64()) {
        if x.abs() < (1 << 53) && y.abs() < (1 << 53) {
            return Ok(x as f64 / y as f64);
        }
    }
    let (n, d) = (a.to_big(), b.to_big());
    let neg = n.is_negative() != d.is_negative();
    let (n, d) = (n.abs(), d.abs());
    // Scale so the quotient has 55+ significant bits, then round via the remainder.
    let nb = n.bits() as i64;
    let db = d.bits() as i64;
    let shift = 55 - (nb - db);
    let (q, r) = if shift >= 0 {
        (n << (shift as usize)).div_rem(&d)
    } else {
        n.div_rem(&(d << ((-shift) as usize)))
    };
    let mut q = q;
    if !r.is_zero() {
        q = (q << 1usize) | BigInt::one(); // sticky bit
    } else {
        q <<= 1usize;
    }
    let qf = q.to_f64().unwrap_or(f64::INFINITY);
    let exp = -(shift + 1);
    if exp > 1100 {
        return Err("integer division result too large for a float");
    }
    let r = qf * 2f64.powi(exp.clamp(-1100, 1100) as i32);
    let r = if exp < -1000 {
        (qf * 2f64.powi((exp + 200) as i32)) * 2f64.powi(-200)
    } else {
        r
    };
    if r.is_infinite() {
        return Err("integer division result too large for a float");
    }
    Ok(if neg { -r } else { r })
}

thread_local! {
    /// `sys.set_int_max_str_digits` (0: no limit).
    static MAX_STR_DIGITS: std::cell::Cell<usize> = const { std::cell::Cell::new(4300) };
}

pub fn max_str_digits() -> usize {
    MAX_STR_DIGITS.with(|c| c.get())
}

pub fn set_max_str_digits(n: usize) {
    MAX_STR_DIGITS.with(|c| c.set(n));
}

/// CPython's limit on int → decimal str conversion (ValueError past it).
pub fn check_str_digits(i: &IntRef) -> crate::error::PyResult<()> {
    let limit = max_str_digits();
    let IntRef::Big(b) = i else { return Ok(()) };
    if limit == 0 || (b.bits() as f64) * std::f64::consts::LOG10_2 < limit as f64 - 1.0 {
        return Ok(());
    }
    let too_long = (b.bits() as f64) * std::f64::consts::LOG10_2 > limit as f64 + 1.0
        || b.magnitude().to_str_radix(10).len() > limit;
    if too_long {
        return Err(crate::error::value_error(format!(
            "Exceeds the limit ({limit} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
        )));
    }
    Ok(())
}

/// The same limit on decimal str → int conversion, given the digit count.
pub fn check_parse_digits(ndigits: usize) -> crate::error::PyResult<()> {
    let limit = max_str_digits();
    if limit != 0 && ndigits > limit {
        return Err(crate::error::value_error(format!(
            "Exceeds the limit ({limit} digits) for integer string conversion: value has {ndigits} digits; use sys.set_int_max_str_digits() to increase the limit"
        )));
    }
    Ok(())
}
