//! `random`'s sequence functions and distributions, following CPython 3.11's random.py
//! step by step (same draws, same arithmetic order) so results match to the bit.
//! Arithmetic on user-supplied parameters goes through the generic operators, so mixed
//! int/float inputs round and fail exactly as in Python.

use super::math::{self as m, domain_error, range_error, to_f64};
use super::random::{this, RandomState};
use crate::builtins::args::Signature;
use crate::bytecode::{BinOp, CmpOp};
use crate::error::{self, PyResult};
use crate::ops;
use crate::types::int::as_int;
use crate::types::list::{new_list, ListObj};
use crate::types::range::RangeObj;
use crate::types::str::as_str;
use crate::types::tuple::as_tuple;
use crate::types::{tt, type_name};
use crate::value::Value;
use crate::vm::Vm;
use std::f64::consts::{E, PI};

/// Placeholder for parameters `Signature::bind` guarantees are present.
static NONE: Value = Value::NONE;

const TWOPI: f64 = 2.0 * PI;

fn bin(vm: &mut Vm, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
    ops::binary_op(vm, op, false, a, b)
}
fn cmp(vm: &mut Vm, op: CmpOp, a: &Value, b: &Value) -> PyResult<bool> {
    let r = ops::compare(vm, op, a, b)?;
    ops::truthy(vm, &r)
}
fn fl(x: f64) -> Value {
    Value::float(x)
}

/// math.log, math.exp, math.sqrt on floats (libm, with the math module's errors).
fn log(x: f64) -> PyResult<f64> {
    if x > 0.0 || x.is_nan() {
        Ok(m::log(x))
    } else {
        Err(domain_error())
    }
}
fn exp(x: f64) -> PyResult<f64> {
    let r = m::exp(x);
    if r.is_infinite() && x.is_finite() {
        return Err(range_error());
    }
    Ok(r)
}
fn sqrt(x: f64) -> PyResult<f64> {
    if x < 0.0 {
        return Err(domain_error());
    }
    Ok(x.sqrt())
}

fn rand(st: &RandomState) -> f64 {
    st.mt.borrow_mut().random()
}
fn randbelow(st: &RandomState, n: usize) -> usize {
    st.mt.borrow_mut().randbelow_u64(n as u64) as usize
}

macro_rules! sig {
    ($qual:literal, [$($p:literal),*], $defaults:expr) => {
        Signature { qualname: $qual, params: &[$($p),*], defaults: $defaults, kwonly: &[] }
    };
    ($qual:literal, [$($p:literal),*], $defaults:expr, [$($k:literal),*]) => {
        Signature { qualname: $qual, params: &[$($p),*], defaults: $defaults, kwonly: &[$($k),*] }
    };
}

// ---- sequences ----

pub fn choice(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let b = sig!("Random.choice", ["self", "seq"], 0).bind(args, kw)?;
    let st = this(args, "choice")?;
    let seq = b[1].unwrap_or(&NONE);
    let n = ops::len(vm, seq)?;
    if n == 0 {
        return Err(error::index_error("Cannot choose from an empty sequence"));
    }
    let i = randbelow(st, n);
    ops::getitem(vm, seq, &Value::int(i as i64))
}

pub fn shuffle(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let b = sig!("Random.shuffle", ["self", "x"], 0).bind(args, kw)?;
    let st = this(args, "shuffle")?;
    let x = b[1].unwrap_or(&NONE);
    let n = ops::len(vm, x)?;
    if let Some(l) = x.downcast::<ListObj>() {
        for i in (1..n).rev() {
            let j = randbelow(st, i + 1);
            let mut items = l.items.borrow_mut();
            if i < items.len() && j < items.len() {
                items.swap(i, j);
            }
        }
        return Ok(Value::NONE);
    }
    for i in (1..n).rev() {
        let j = randbelow(st, i + 1);
        let (iv, jv) = (Value::int(i as i64), Value::int(j as i64));
        let xj = ops::getitem(vm, x, &jv)?;
        let xi = ops::getitem(vm, x, &iv)?;
        ops::setitem(vm, x, iv, xj)?;
        ops::setitem(vm, x, jv, xi)?;
    }
    Ok(Value::NONE)
}

/// `list(itertools.accumulate(it))`.
fn accumulate(vm: &mut Vm, it: &Value) -> PyResult<Vec<Value>> {
    let iter = ops::iter(vm, it)?;
    let mut out: Vec<Value> = Vec::new();
    while let Some(x) = ops::next(vm, &iter)? {
        let next = match out.last() {
            Some(total) => bin(vm, BinOp::Add, total, &x)?,
            None => x,
        };
        out.push(next);
    }
    Ok(out)
}

/// `bisect.bisect_right(a, x, lo, hi)`.
fn bisect_right(
    vm: &mut Vm,
    a: &[Value],
    x: &Value,
    mut lo: usize,
    mut hi: usize,
) -> PyResult<usize> {
    while lo < hi {
        let mid = (lo + hi) / 2;
        if cmp(vm, CmpOp::Lt, x, &a[mid])? {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    Ok(lo)
}

fn is_sequence(v: &Value) -> bool {
    v.downcast::<ListObj>().is_some()
        || as_tuple(v).is_some()
        || as_str(v).is_some()
        || v.downcast::<RangeObj>().is_some()
}

pub fn sample(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let b = sig!("Random.sample", ["self", "population", "k"], 0, ["counts"]).bind(args, kw)?;
    let st = this(args, "sample")?;
    let population = b[1].unwrap_or(&NONE);
    let k = b[2].unwrap_or(&NONE);
    sample_impl(vm, st, population, k, b[3].filter(|c| !c.is_none()))
}

fn sample_impl(
    vm: &mut Vm,
    st: &RandomState,
    population: &Value,
    k: &Value,
    counts: Option<&Value>,
) -> PyResult<Value> {
    if !is_sequence(population) {
        return Err(error::type_error(
            "Population must be a sequence.  For dicts or sets, use sorted(d).",
        ));
    }
    let n = ops::len(vm, population)?;
    if let Some(counts) = counts {
        let mut cum = accumulate(vm, counts)?;
        if cum.len() != n {
            return Err(error::value_error(
                "The number of counts does not match the population",
            ));
        }
        let total = cum.pop().unwrap_or(Value::NONE);
        if as_int(&total).is_none() {
            return Err(error::type_error("Counts must be integers"));
        }
        if cmp(vm, CmpOp::Le, &total, &Value::small_int(0))? {
            return Err(error::value_error(
                "Total of counts must be greater than zero",
            ));
        }
        let range = crate::builtins::constructor_for(tt().range)
            .ok_or_else(|| error::type_error("range() is unavailable"))?(
            vm,
            std::slice::from_ref(&total),
            &[],
        )?;
        let selections = sample_impl(vm, st, &range, k, None)?;
        let sel = ops::collect(vm, &selections)?;
        let mut out = Vec::with_capacity(sel.len());
        for s in &sel {
            let i = bisect_right(vm, &cum, s, 0, cum.len())?;
            out.push(ops::getitem(vm, population, &Value::int(i as i64))?);
        }
        return Ok(new_list(out));
    }
    let zero = Value::small_int(0);
    let nv = Value::int(n as i64);
    if !(cmp(vm, CmpOp::Le, &zero, k)? && cmp(vm, CmpOp::Le, k, &nv)?) {
        return Err(error::value_error(
            "Sample larger than population or is negative",
        ));
    }
    let Some(k) = as_int(k).and_then(|i| i.to_i64()) else {
        return Err(error::type_error(format!(
            "can't multiply sequence by non-int of type '{}'",
            type_name(k)
        )));
    };
    let k = k as usize;
    let mut result = Vec::with_capacity(k);
    let mut setsize = 21usize;
    if k > 5 {
        // 4 ** ceil(log(k * 3, 4)), with log computed as math.log does.
        let e = m::log((k * 3) as f64) / m::log(4.0);
        setsize += 4usize.saturating_pow(e.ceil() as u32);
    }
    if n <= setsize {
        let mut pool = ops::collect(vm, population)?;
        for i in 0..k {
            let j = randbelow(st, n - i);
            result.push(pool[j].clone());
            pool[j] = pool[n - i - 1].clone();
        }
    } else {
        let mut selected = std::collections::HashSet::new();
        for _ in 0..k {
            let mut j = randbelow(st, n);
            while selected.contains(&j) {
                j = randbelow(st, n);
            }
            selected.insert(j);
            result.push(ops::getitem(vm, population, &Value::int(j as i64))?);
        }
    }
    Ok(new_list(result))
}

/// `itertools.repeat(None, k)`'s count: an int, negative meaning none.
fn repeat_count(k: &Value) -> PyResult<usize> {
    match as_int(k) {
        Some(i) => Ok(i
            .to_i64()
            .map_or(if i.is_negative() { 0 } else { usize::MAX }, |n| {
                n.max(0) as usize
            })),
        None => Err(error::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(k)
        ))),
    }
}

pub fn choices(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let b = sig!(
        "Random.choices",
        ["self", "population", "weights"],
        1,
        ["cum_weights", "k"]
    )
    .bind(args, kw)?;
    let st = this(args, "choices")?;
    let population = b[1].unwrap_or(&NONE);
    let weights = b[2].filter(|w| !w.is_none());
    let cum_weights = b[3].filter(|w| !w.is_none());
    let one = Value::small_int(1);
    let k = b[4].unwrap_or(&one);
    let n = ops::len(vm, population)?;
    let cum: Vec<Value> = match (cum_weights, weights) {
        (None, None) => {
            let nf = n as f64;
            let count = repeat_count(k)?;
            let mut out = Vec::with_capacity(count.min(1 << 20));
            for _ in 0..count {
                let i = (rand(st) * nf).floor() as i64;
                out.push(ops::getitem(vm, population, &Value::int(i))?);
            }
            return Ok(new_list(out));
        }
        (None, Some(w)) => match accumulate(vm, w) {
            Ok(c) => c,
            Err(e) if e.is_instance(tt().type_error) && as_int(w).is_some() => {
                let r = ops::repr::repr_string(vm, w)?;
                return Err(error::type_error(format!(
                    "The number of choices must be a keyword argument: k={r}"
                )));
            }
            Err(e) => return Err(e),
        },
        (Some(c), None) => {
            ops::len(vm, c)?;
            ops::collect(vm, c)?
        }
        (Some(_), Some(_)) => {
            return Err(error::type_error(
                "Cannot specify both weights and cumulative weights",
            ))
        }
    };
    if cum.len() != n {
        return Err(error::value_error(
            "The number of weights does not match the population",
        ));
    }
    let last = cum
        .last()
        .cloned()
        .ok_or_else(|| error::index_error("list index out of range"))?;
    let total = bin(vm, BinOp::Add, &last, &fl(0.0))?;
    if cmp(vm, CmpOp::Le, &total, &fl(0.0))? {
        return Err(error::value_error(
            "Total of weights must be greater than zero",
        ));
    }
    let total_f = to_f64(&total)?;
    if !total_f.is_finite() {
        return Err(error::value_error("Total of weights must be finite"));
    }
    let hi = n - 1;
    let count = repeat_count(k)?;
    let mut out = Vec::with_capacity(count.min(1 << 20));
    for _ in 0..count {
        let x = fl(rand(st) * total_f);
        let i = bisect_right(vm, &cum, &x, 0, hi)?;
        out.push(ops::getitem(vm, population, &Value::int(i as i64))?);
    }
    Ok(new_list(out))
}

// ---- distributions ----

fn arg<'a>(b: &[Option<&'a Value>], i: usize, default: &'a Value) -> &'a Value {
    b[i].unwrap_or(default)
}

pub fn uniform(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let b = sig!("Random.uniform", ["self", "a", "b"], 0).bind(args, kw)?;
    let st = this(args, "uniform")?;
    let (lo, hi) = (arg(&b, 1, &NONE), arg(&b, 2, &NONE));
    let width = bin(vm, BinOp::Sub, hi, lo)?;
    let t = bin(vm, BinOp::Mul, &width, &fl(rand(st)))?;
    bin(vm, BinOp::Add, lo, &t)
}

pub fn triangular(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let b = sig!("Random.triangular", ["self", "low", "high", "mode"], 3).bind(args, kw)?;
    let st = this(args, "triangular")?;
    let (d0, d1) = (fl(0.0), fl(1.0));
    let mut low = arg(&b, 1, &d0).clone();
    let mut high = arg(&b, 2, &d1).clone();
    let mut u = rand(st);
    let mut c = match b[3].filter(|m| !m.is_none()) {
        None => fl(0.5),
        Some(mode) => {
            let num = bin(vm, BinOp::Sub, mode, &low)?;
            let den = bin(vm, BinOp::Sub, &high, &low)?;
            match bin(vm, BinOp::TrueDiv, &num, &den) {
                Ok(c) => c,
                Err(e) if e.is_instance(tt().zero_division_error) => return Ok(low),
                Err(e) => return Err(e),
            }
        }
    };
    if cmp(vm, CmpOp::Gt, &fl(u), &c)? {
        u = 1.0 - u;
        c = bin(vm, BinOp::Sub, &fl(1.0), &c)?;
        std::mem::swap(&mut low, &mut high);
    }
    let width = bin(vm, BinOp::Sub, &high, &low)?;
    let uc = bin(vm, BinOp::Mul, &fl(u), &c)?;
    let s = sqrt(to_f64(&uc)?)?;
    let t = bin(vm, BinOp::Mul, &width, &fl(s))?;
    bin(vm, BinOp::Add, &low, &t)
}

fn nv_magicconst() -> f64 {
    4.0 * m::exp(-0.5) / 2.0f64.sqrt()
}

fn normal_impl(vm: &mut Vm, st: &RandomState, mu: &Value, sigma: &Value) -> PyResult<Value> {
    let magic = nv_magicconst();
    let z = loop {
        let u1 = rand(st);
        let u2 = 1.0 - rand(st);
        let z = magic * (u1 - 0.5) / u2;
        let zz = z * z / 4.0;
        if zz <= -log(u2)? {
            break z;
        }
    };
    let t = bin(vm, BinOp::Mul, &fl(z), sigma)?;
    bin(vm, BinOp::Add, mu, &t)
}

pub fn normalvariate(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let b = sig!("Random.normalvariate", ["self", "mu", "sigma"], 2).bind(args, kw)?;
    let st = this(args, "normalvariate")?;
    let (d0, d1) = (fl(0.0), fl(1.0));
    normal_impl(vm, st, arg(&b, 1, &d0), arg(&b, 2, &d1))
}

pub fn gauss(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let b = sig!("Random.gauss", ["self", "mu", "sigma"], 2).bind(args, kw)?;
    let st = this(args, "gauss")?;
    let (d0, d1) = (fl(0.0), fl(1.0));
    let z = std::mem::replace(&mut *st.gauss_next.borrow_mut(), Value::NONE);
    let z = if z.is_none() {
        // Box-Muller: one pair of normals, the second kept for the next call.
        let x2pi = rand(st) * TWOPI;
        let g2rad = sqrt(-2.0 * log(1.0 - rand(st))?)?;
        *st.gauss_next.borrow_mut() = fl(m::sin(x2pi) * g2rad);
        fl(m::cos(x2pi) * g2rad)
    } else {
        z
    };
    let t = bin(vm, BinOp::Mul, &z, arg(&b, 2, &d1))?;
    bin(vm, BinOp::Add, arg(&b, 1, &d0), &t)
}

pub fn lognormvariate(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let b = sig!("Random.lognormvariate", ["self", "mu", "sigma"], 0).bind(args, kw)?;
    let st = this(args, "lognormvariate")?;
    let n = normal_impl(vm, st, arg(&b, 1, &NONE), arg(&b, 2, &NONE))?;
    Ok(fl(exp(to_f64(&n)?)?))
}

pub fn expovariate(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let b = sig!("Random.expovariate", ["self", "lambd"], 0).bind(args, kw)?;
    let st = this(args, "expovariate")?;
    let x = -log(1.0 - rand(st))?;
    bin(vm, BinOp::TrueDiv, &fl(x), arg(&b, 1, &NONE))
}

pub fn vonmisesvariate(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let b = sig!("Random.vonmisesvariate", ["self", "mu", "kappa"], 0).bind(args, kw)?;
    let st = this(args, "vonmisesvariate")?;
    let (mu, kappa) = (arg(&b, 1, &NONE), arg(&b, 2, &NONE));
    if cmp(vm, CmpOp::Le, kappa, &fl(1e-6))? {
        return Ok(fl(TWOPI * rand(st)));
    }
    let s = to_f64(&bin(vm, BinOp::TrueDiv, &fl(0.5), kappa)?)?;
    let r = s + sqrt(1.0 + s * s)?;
    let z = loop {
        let u1 = rand(st);
        let z = m::cos(PI * u1);
        let d = z / (r + z);
        let u2 = rand(st);
        if u2 < 1.0 - d * d || u2 <= (1.0 - d) * exp(d)? {
            break z;
        }
    };
    let q = 1.0 / r;
    let f = (q + z) / (1.0 + q * z);
    let u3 = rand(st);
    if !(-1.0..=1.0).contains(&f) {
        return Err(domain_error());
    }
    let a = fl(m::acos(f));
    let theta = if u3 > 0.5 {
        bin(vm, BinOp::Add, mu, &a)?
    } else {
        bin(vm, BinOp::Sub, mu, &a)?
    };
    bin(vm, BinOp::Mod, &theta, &fl(TWOPI))
}

fn gamma_impl(vm: &mut Vm, st: &RandomState, alpha: &Value, beta: &Value) -> PyResult<Value> {
    let zero = fl(0.0);
    if cmp(vm, CmpOp::Le, alpha, &zero)? || cmp(vm, CmpOp::Le, beta, &zero)? {
        return Err(error::value_error(
            "gammavariate: alpha and beta must be > 0.0",
        ));
    }
    let a = to_f64(alpha)?;
    if a > 1.0 {
        // R.C.H. Cheng's rejection method for shape > 1.
        let ainv = sqrt(2.0 * a - 1.0)?;
        let bbb = a - m::log(4.0);
        let ccc = a + ainv;
        let sg_magicconst = 1.0 + m::log(4.5);
        loop {
            let u1 = rand(st);
            if !(1e-7 < u1 && u1 < 0.9999999) {
                continue;
            }
            let u2 = 1.0 - rand(st);
            let v = log(u1 / (1.0 - u1))? / ainv;
            let x = a * exp(v)?;
            let z = u1 * u1 * u2;
            let r = bbb + ccc * v - x;
            if r + sg_magicconst - 4.5 * z >= 0.0 || r >= log(z)? {
                return bin(vm, BinOp::Mul, &fl(x), beta);
            }
        }
    }
    if a == 1.0 {
        let x = -log(1.0 - rand(st))?;
        return bin(vm, BinOp::Mul, &fl(x), beta);
    }
    // Algorithm GS (Kennedy & Gentle) for 0 < shape < 1.
    let x = loop {
        let u = rand(st);
        let bb = (E + a) / E;
        let p = bb * u;
        let x = if p <= 1.0 {
            to_f64(&bin(vm, BinOp::Pow, &fl(p), &fl(1.0 / a))?)?
        } else {
            -log((bb - p) / a)?
        };
        let u1 = rand(st);
        if p > 1.0 {
            if u1 <= to_f64(&bin(vm, BinOp::Pow, &fl(x), &fl(a - 1.0))?)? {
                break x;
            }
        } else if u1 <= exp(-x)? {
            break x;
        }
    };
    bin(vm, BinOp::Mul, &fl(x), beta)
}

pub fn gammavariate(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let b = sig!("Random.gammavariate", ["self", "alpha", "beta"], 0).bind(args, kw)?;
    let st = this(args, "gammavariate")?;
    gamma_impl(vm, st, arg(&b, 1, &NONE), arg(&b, 2, &NONE))
}

pub fn betavariate(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let b = sig!("Random.betavariate", ["self", "alpha", "beta"], 0).bind(args, kw)?;
    let st = this(args, "betavariate")?;
    let one = fl(1.0);
    let y = gamma_impl(vm, st, arg(&b, 1, &NONE), &one)?;
    if !ops::truthy(vm, &y)? {
        return Ok(fl(0.0));
    }
    let y2 = gamma_impl(vm, st, arg(&b, 2, &NONE), &one)?;
    let den = bin(vm, BinOp::Add, &y, &y2)?;
    bin(vm, BinOp::TrueDiv, &y, &den)
}

pub fn paretovariate(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let b = sig!("Random.paretovariate", ["self", "alpha"], 0).bind(args, kw)?;
    let st = this(args, "paretovariate")?;
    let u = 1.0 - rand(st);
    let e = bin(vm, BinOp::TrueDiv, &fl(-1.0), arg(&b, 1, &NONE))?;
    bin(vm, BinOp::Pow, &fl(u), &e)
}

pub fn weibullvariate(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let b = sig!("Random.weibullvariate", ["self", "alpha", "beta"], 0).bind(args, kw)?;
    let st = this(args, "weibullvariate")?;
    let u = 1.0 - rand(st);
    let e = bin(vm, BinOp::TrueDiv, &fl(1.0), arg(&b, 2, &NONE))?;
    let p = bin(vm, BinOp::Pow, &fl(-log(u)?), &e)?;
    bin(vm, BinOp::Mul, arg(&b, 1, &NONE), &p)
}
