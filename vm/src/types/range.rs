//! `range`: i64 fields for the common case, BigInts when a bound or the length does not fit.
//!
//! A range is `Small` exactly when start, stop, step and the length all fit i64 — the same
//! condition under which CPython iterates it with a `range_iterator` (else a
//! `longrange_iterator`). Every item of a small range lies between start and stop, so item
//! arithmetic never leaves i64 either.

use crate::builtins::args::Args;
use crate::error::{self, PyResult};
use crate::object::{alloc_obj, Kind, Payload};
use crate::ops;
use crate::types::int::{as_int, big_to_value, IntRef};
use crate::types::iter::{new_iter, IterState};
use crate::types::slice::SliceObj;
use crate::types::tuple::new_tuple;
use crate::types::type_name;
use crate::types::typeobj::tt;
use crate::value::Value;
use crate::vm::Vm;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

pub enum RangeObj {
    Small(SmallRange),
    Big(Box<BigRange>),
}
impl Payload for RangeObj {
    const KIND: Kind = Kind::Range;
}

#[derive(Clone, Copy)]
pub struct SmallRange {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
    pub len: i64,
}

impl SmallRange {
    /// Item `i` for 0 <= i < len.
    pub fn item(&self, i: i64) -> i64 {
        self.start + i * self.step
    }
}

pub struct BigRange {
    pub start: BigInt,
    pub stop: BigInt,
    pub step: BigInt,
    pub len: BigInt,
}

fn len_i128(start: i128, stop: i128, step: i128) -> i128 {
    if step > 0 && start < stop {
        (stop - start - 1) / step + 1
    } else if step < 0 && start > stop {
        (start - stop - 1) / (-step) + 1
    } else {
        0
    }
}

fn len_big(start: &BigInt, stop: &BigInt, step: &BigInt) -> BigInt {
    if step.is_positive() && start < stop {
        (stop - start - 1u32) / step + 1u32
    } else if step.is_negative() && start > stop {
        (start - stop - 1u32) / (-step) + 1u32
    } else {
        BigInt::zero()
    }
}

/// A range from i64 bounds; `step` must not be zero.
pub fn new_range(start: i64, stop: i64, step: i64) -> Value {
    let len = len_i128(start as i128, stop as i128, step as i128);
    match i64::try_from(len) {
        Ok(len) => alloc_obj(
            RangeObj::Small(SmallRange {
                start,
                stop,
                step,
                len,
            }),
            tt().range,
        ),
        Err(_) => make_big(start.into(), stop.into(), step.into()),
    }
}

/// A range from arbitrary bounds; `step` must not be zero.
pub fn new_range_big(start: BigInt, stop: BigInt, step: BigInt) -> Value {
    if let (Some(a), Some(b), Some(c)) = (start.to_i64(), stop.to_i64(), step.to_i64()) {
        return new_range(a, b, c);
    }
    make_big(start, stop, step)
}

fn make_big(start: BigInt, stop: BigInt, step: BigInt) -> Value {
    let len = len_big(&start, &stop, &step);
    alloc_obj(
        RangeObj::Big(Box::new(BigRange {
            start,
            stop,
            step,
            len,
        })),
        tt().range,
    )
}

fn ssize_overflow() -> crate::error::PyErr {
    error::overflow_error("Python int too large to convert to C ssize_t")
}

fn index_error() -> crate::error::PyErr {
    error::index_error("range object index out of range")
}

impl RangeObj {
    /// (start, stop, step, len) as BigInts, for the paths where speed does not matter.
    pub fn to_big(&self) -> BigRange {
        match self {
            RangeObj::Small(r) => BigRange {
                start: r.start.into(),
                stop: r.stop.into(),
                step: r.step.into(),
                len: r.len.into(),
            },
            RangeObj::Big(b) => BigRange {
                start: b.start.clone(),
                stop: b.stop.clone(),
                step: b.step.clone(),
                len: b.len.clone(),
            },
        }
    }

    pub fn start_value(&self) -> Value {
        match self {
            RangeObj::Small(r) => Value::int(r.start),
            RangeObj::Big(b) => big_to_value(b.start.clone()),
        }
    }
    pub fn stop_value(&self) -> Value {
        match self {
            RangeObj::Small(r) => Value::int(r.stop),
            RangeObj::Big(b) => big_to_value(b.stop.clone()),
        }
    }
    pub fn step_value(&self) -> Value {
        match self {
            RangeObj::Small(r) => Value::int(r.step),
            RangeObj::Big(b) => big_to_value(b.step.clone()),
        }
    }

    pub fn is_empty(&self) -> bool {
        match self {
            RangeObj::Small(r) => r.len == 0,
            RangeObj::Big(b) => b.len.is_zero(),
        }
    }

    /// `len(r)`: OverflowError when the length does not fit a C ssize_t, as in CPython.
    pub fn len_ssize(&self) -> PyResult<usize> {
        match self {
            RangeObj::Small(r) => Ok(r.len as usize),
            RangeObj::Big(b) => b
                .len
                .to_i64()
                .map(|n| n as usize)
                .ok_or_else(ssize_overflow),
        }
    }

    pub fn contains_int(&self, i: &IntRef) -> bool {
        match self {
            // Every item of a small range fits i64, so a bigger int is never in it.
            RangeObj::Small(r) => i.to_i64().is_some_and(|x| {
                let off = x as i128 - r.start as i128;
                let step = r.step as i128;
                off % step == 0 && (0..r.len as i128).contains(&(off / step))
            }),
            RangeObj::Big(b) => {
                let off = i.to_big() - &b.start;
                let (k, rem) = off.div_rem(&b.step);
                rem.is_zero() && !k.is_negative() && k < b.len
            }
        }
    }

    /// `r[i]` for an int index.
    pub fn item(&self, i: &IntRef) -> PyResult<Value> {
        if let (RangeObj::Small(r), Some(i)) = (self, i.to_i64()) {
            let j = if i < 0 { i.checked_add(r.len) } else { Some(i) };
            return match j {
                Some(j) if (0..r.len).contains(&j) => Ok(Value::int(r.item(j))),
                _ => Err(index_error()),
            };
        }
        let b = self.to_big();
        let mut j = i.to_big();
        if j.is_negative() {
            j += &b.len;
        }
        if j.is_negative() || j >= b.len {
            return Err(index_error());
        }
        Ok(big_to_value(&b.start + j * &b.step))
    }

    /// `r[a:b:c]`: the sub-range, computed with unbounded ints like CPython.
    pub fn slice(&self, s: &SliceObj) -> PyResult<Value> {
        let b = self.to_big();
        let (start, stop, step) = slice_indices_big(s, &b.len)?;
        Ok(new_range_big(
            &b.start + start * &b.step,
            &b.start + stop * &b.step,
            step * &b.step,
        ))
    }

    pub fn repr(&self) -> String {
        let b = self.to_big();
        if b.step.is_one() {
            format!("range({}, {})", b.start, b.stop)
        } else {
            format!("range({}, {}, {})", b.start, b.stop, b.step)
        }
    }

    /// Ranges are equal when they produce the same items.
    pub fn same_items(&self, other: &RangeObj) -> bool {
        if let (RangeObj::Small(x), RangeObj::Small(y)) = (self, other) {
            return x.len == y.len
                && (x.len == 0 || (x.start == y.start && (x.len == 1 || x.step == y.step)));
        }
        let (x, y) = (self.to_big(), other.to_big());
        x.len == y.len
            && (x.len.is_zero() || (x.start == y.start && (x.len.is_one() || x.step == y.step)))
    }

    /// The tuple whose hash is the range's hash: (len, start, step) with the parts that do
    /// not affect the items replaced by None, so equal ranges hash equal.
    pub fn hash_key(&self) -> Value {
        let b = self.to_big();
        let (start, step) = if b.len.is_zero() {
            (Value::NONE, Value::NONE)
        } else if b.len.is_one() {
            (big_to_value(b.start), Value::NONE)
        } else {
            (big_to_value(b.start), big_to_value(b.step))
        };
        new_tuple(vec![big_to_value(b.len), start, step])
    }

    pub fn iter(&self) -> Value {
        match self {
            RangeObj::Small(r) => new_iter(
                IterState::Range {
                    cur: r.start,
                    step: r.step,
                    remaining: r.len,
                },
                tt().range_iterator,
            ),
            RangeObj::Big(b) => long_iter(b.start.clone(), b.step.clone(), b.len.clone()),
        }
    }

    /// `reversed(r)`: CPython uses the i64 iterator only when `start - step` fits too.
    pub fn reversed(&self) -> Value {
        if let RangeObj::Small(r) = self {
            if r.step != i64::MIN && r.start.checked_sub(r.step).is_some() {
                let last = if r.len == 0 {
                    r.start
                } else {
                    r.item(r.len - 1)
                };
                return new_iter(
                    IterState::Range {
                        cur: last,
                        step: -r.step,
                        remaining: r.len,
                    },
                    tt().range_iterator,
                );
            }
        }
        let b = self.to_big();
        let last = if b.len.is_zero() {
            b.start.clone()
        } else {
            &b.start + (&b.len - 1u32) * &b.step
        };
        long_iter(last, -b.step, b.len)
    }
}

fn long_iter(cur: BigInt, step: BigInt, remaining: BigInt) -> Value {
    new_iter(
        IterState::LongRange {
            cur,
            step,
            remaining,
        },
        tt().longrange_iterator,
    )
}

/// Resolves a slice against a length with unbounded ints: (start, stop, step).
fn slice_indices_big(s: &SliceObj, len: &BigInt) -> PyResult<(BigInt, BigInt, BigInt)> {
    let get = |v: &Value| -> PyResult<Option<BigInt>> {
        if v.is_none() {
            return Ok(None);
        }
        match as_int(v) {
            Some(i) => Ok(Some(i.to_big())),
            None => Err(error::type_error(
                "slice indices must be integers or None or have an __index__ method",
            )),
        }
    };
    let step = get(&s.step)?.unwrap_or_else(BigInt::one);
    if step.is_zero() {
        return Err(error::value_error("slice step cannot be zero"));
    }
    let neg = step.is_negative();
    let (lo, hi) = if neg {
        (BigInt::from(-1), len - 1u32)
    } else {
        (BigInt::zero(), len.clone())
    };
    let clamp = |v: Option<BigInt>, default: &BigInt| -> BigInt {
        match v {
            None => default.clone(),
            Some(mut x) => {
                if x.is_negative() {
                    x += len;
                    if x < lo {
                        x = lo.clone();
                    }
                } else if x > hi {
                    x = hi.clone();
                }
                x
            }
        }
    };
    let start = clamp(get(&s.start)?, if neg { &hi } else { &lo });
    let stop = clamp(get(&s.stop)?, if neg { &lo } else { &hi });
    Ok((start, stop, step))
}

/// `r[idx]`.
pub fn getitem(r: &RangeObj, idx: &Value) -> PyResult<Value> {
    if let Some(i) = as_int(idx) {
        return r.item(&i);
    }
    if let Some(s) = idx.downcast::<SliceObj>() {
        return r.slice(s);
    }
    Err(error::type_error(format!(
        "range indices must be integers or slices, not {}",
        type_name(idx)
    )))
}

/// The next item of a `longrange_iterator`.
pub fn long_next(cur: &mut BigInt, step: &BigInt, remaining: &mut BigInt) -> Option<Value> {
    if !remaining.is_positive() {
        return None;
    }
    let v = big_to_value(cur.clone());
    *cur += step;
    *remaining -= 1u32;
    Some(v)
}

fn range_arg(v: &Value) -> PyResult<BigInt> {
    match as_int(v) {
        Some(i) => Ok(i.to_big()),
        None => Err(error::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(v)
        ))),
    }
}

fn small_arg(v: &Value) -> Option<i64> {
    as_int(v).and_then(|i| i.to_i64())
}

pub fn range_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if !kwnames.is_empty() {
        return Err(error::type_error("range() takes no keyword arguments"));
    }
    // Objects with __index__ stand for their integer value.
    if args.iter().any(crate::ops::dunder::dispatches) {
        let mut conv = Vec::with_capacity(args.len());
        for (i, v) in args.iter().enumerate() {
            if i < args.len() - kwnames.len() && crate::ops::dunder::dispatches(v) {
                conv.push(crate::ops::index(vm, v)?);
            } else {
                conv.push(v.clone());
            }
        }
        return range_new(vm, &conv, kwnames);
    }
    let a = Args::new("range", args, kwnames);
    if a.is_empty() {
        return Err(error::type_error(
            "range expected at least 1 argument, got 0",
        ));
    }
    if a.len() > 3 {
        return Err(error::type_error(format!(
            "range expected at most 3 arguments, got {}",
            a.len()
        )));
    }
    a.check(1, 3, &[])?;
    // Fast path: every argument is an i64.
    let small: Option<Vec<i64>> = a.pos.iter().map(small_arg).collect();
    if let Some(v) = small {
        let (start, stop, step) = match v.len() {
            1 => (0, v[0], 1),
            2 => (v[0], v[1], 1),
            _ => (v[0], v[1], v[2]),
        };
        if step == 0 {
            return Err(error::value_error("range() arg 3 must not be zero"));
        }
        return Ok(new_range(start, stop, step));
    }
    let (start, stop, step) = match a.len() {
        1 => (BigInt::zero(), range_arg(&a.pos[0])?, BigInt::one()),
        2 => (range_arg(&a.pos[0])?, range_arg(&a.pos[1])?, BigInt::one()),
        _ => (
            range_arg(&a.pos[0])?,
            range_arg(&a.pos[1])?,
            range_arg(&a.pos[2])?,
        ),
    };
    if step.is_zero() {
        return Err(error::value_error("range() arg 3 must not be zero"));
    }
    Ok(new_range_big(start, stop, step))
}

pub static RANGE_METHODS: crate::builtins::MethodTable =
    &[("index", range_index), ("count", range_count)];

fn self_range<'a>(a: &Args<'a>, name: &str) -> PyResult<&'a RangeObj> {
    a.pos[0].downcast::<RangeObj>().ok_or_else(|| {
        error::type_error(format!(
            "descriptor '{name}' requires a 'range' object but received a '{}'",
            type_name(&a.pos[0])
        ))
    })
}

fn range_index(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("index", args, kw);
    a.check(2, 2, &[])?;
    let r = self_range(&a, "index")?;
    let x = &a.pos[1];
    if let Some(i) = as_int(x) {
        if r.contains_int(&i) {
            let b = r.to_big();
            return Ok(big_to_value((i.to_big() - b.start) / b.step));
        }
        let s = ops::repr::repr_string(vm, x)?;
        return Err(error::value_error(format!("{s} is not in range")));
    }
    // Other objects (e.g. 3.0) are searched for by equality, item by item.
    let it = r.iter();
    let mut k: i64 = 0;
    while let Some(item) = ops::next(vm, &it)? {
        if ops::eq(vm, &item, x)? {
            return Ok(Value::int(k));
        }
        k += 1;
    }
    Err(error::value_error("sequence.index(x): x not in sequence"))
}

fn range_count(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("count", args, kw);
    a.check(2, 2, &[])?;
    let r = self_range(&a, "count")?;
    let x = &a.pos[1];
    if let Some(i) = as_int(x) {
        return Ok(Value::small_int(r.contains_int(&i) as i64));
    }
    let it = r.iter();
    let mut n: i64 = 0;
    while let Some(item) = ops::next(vm, &it)? {
        if ops::eq(vm, &item, x)? {
            n += 1;
        }
    }
    Ok(Value::int(n))
}
