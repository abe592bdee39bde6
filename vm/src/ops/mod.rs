//! Generic operations on values (the "abstract object layer"): truth, hashing, comparison,
//! arithmetic dispatch, containment and length. Each builtin type's fast path comes first;
//! user classes (dunder methods) are consulted after.

pub mod arith;
pub mod attr;
mod bytes;
pub mod depth;
pub mod dunder;
pub mod isinstance;
mod iter;
pub mod matching;
pub mod repr;
mod subscr;

pub use attr::{delattr, getattr, load_method, setattr};
pub use iter::{collect, collect_unpack, is_iterator, iter, next};
pub use repr::{ascii, format, repr, repr_plain, to_str};
pub use subscr::{delitem, getitem, setitem, slice_indices};

use crate::bytecode::{BinOp, CmpOp};
use crate::error::{self, PyResult};
use crate::types::bytes::{as_bytes, BytesObj};
use crate::types::dict::DictObj;
use crate::types::int::{self, as_int};
use crate::types::iter::{DictPart, IterObj, IterState};
use crate::types::list::ListObj;
use crate::types::range::RangeObj;
use crate::types::set::SetObj;
use crate::types::str::{as_str, StrObj};
use crate::types::tuple::as_tuple;
use crate::types::{type_name, type_ptr};
use crate::value::Value;
use crate::vm::Vm;
use std::cmp::Ordering;

pub fn truthy(vm: &mut Vm, v: &Value) -> PyResult<bool> {
    if let Some(b) = v.as_bool() {
        return Ok(b);
    }
    if let Some(i) = v.as_small_int() {
        return Ok(i != 0);
    }
    if let Some(f) = v.as_float() {
        return Ok(f != 0.0);
    }
    if v.is_none() {
        return Ok(false);
    }
    if dunder::dispatches(v) {
        if let Some(r) = dunder::call_special(vm, v, "__bool__", &[]) {
            let r = r?;
            return r.as_bool().ok_or_else(|| {
                error::type_error(format!(
                    "__bool__ should return bool, returned {}",
                    type_name(&r)
                ))
            });
        }
        if dunder::special(v, "__len__").is_some() {
            return Ok(len(vm, v)? != 0);
        }
    }
    if let Some(s) = v.downcast::<StrObj>() {
        return Ok(!s.s.is_empty());
    }
    if let Some(l) = v.downcast::<ListObj>() {
        return Ok(!l.items.borrow().is_empty());
    }
    if let Some(b) = as_bytes(v) {
        return Ok(!b.is_empty());
    }
    if let Some(t) = as_tuple(v) {
        return Ok(!t.is_empty());
    }
    if let Some(d) = v.downcast::<DictObj>() {
        return Ok(!d.is_empty());
    }
    if let Some(s) = v.downcast::<SetObj>() {
        return Ok(!s.is_empty());
    }
    if let Some(r) = v.downcast::<RangeObj>() {
        return Ok(!r.is_empty());
    }
    if as_int(v).is_some() {
        return Ok(true); // a big int is never zero
    }
    if let Some(io) = v.downcast::<IterObj>() {
        if let IterState::DictView { dict, .. } = &*io.state.borrow() {
            return Ok(!dict.downcast::<DictObj>().unwrap().is_empty());
        }
    }
    let _ = vm;
    Ok(true)
}

/// Python's hash of a float (consistent with ints for integral values).
pub fn hash_float(f: f64) -> i64 {
    const P: u64 = (1 << 61) - 1;
    if f.is_infinite() {
        return if f > 0.0 { 314159 } else { -314159 };
    }
    if f.is_nan() {
        return 0;
    }
    if f.fract() == 0.0 && f.abs() < 9.0e15 {
        return int::hash(&int::IntRef::Small(f as i64));
    }
    let (mut m, mut e) = frexp(f);
    let sign: i64 = if m < 0.0 {
        m = -m;
        -1
    } else {
        1
    };
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & P) | (x >> (61 - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= P {
            x -= P;
        }
    }
    let e = if e >= 0 {
        e % 61
    } else {
        61 - 1 - ((-1 - e) % 61)
    };
    x = ((x << e) & P) | (x >> (61 - e));
    let r = x as i64 * sign;
    if r == -1 {
        -2
    } else {
        r
    }
}

/// frexp: f = m * 2**e with 0.5 <= |m| < 1.
pub fn frexp(f: f64) -> (f64, i32) {
    if f == 0.0 || !f.is_finite() {
        return (f, 0);
    }
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale up first.
        let (m, e) = frexp(f * 2f64.powi(64));
        return (m, e - 64);
    }
    let e = exp - 1022;
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, e)
}

const NONE_HASH: i64 = 0xFCA86 ^ 0x5a5a;

/// CPython's tuple hash (an xxHash-style mix of the item hashes).
struct TupleHasher(u64);
impl TupleHasher {
    const P1: u64 = 11400714785074694791;
    const P2: u64 = 14029467366897019727;
    const P5: u64 = 2870177450012600261;
    fn new() -> TupleHasher {
        TupleHasher(Self::P5)
    }
    fn add(&mut self, lane: i64) {
        let acc = self.0.wrapping_add((lane as u64).wrapping_mul(Self::P2));
        self.0 = acc.rotate_left(31).wrapping_mul(Self::P1);
    }
    fn finish(self, len: usize) -> i64 {
        let r = self.0.wrapping_add((len as u64) ^ (Self::P5 ^ 3527539)) as i64;
        if r == -1 {
            1546275796
        } else {
            r
        }
    }
}

/// The hash of a compile-time constant (number, str, bool, None, tuple of constants), which
/// never runs Python code; None for anything else.
pub fn hash_const(v: &Value) -> Option<i64> {
    if let Some(t) = as_tuple(v) {
        let mut h = TupleHasher::new();
        for item in t {
            h.add(hash_const(item)?);
        }
        return Some(h.finish(t.len()));
    }
    if let Some(f) = v.as_float() {
        return Some(hash_float(f));
    }
    if let Some(i) = as_int(v) {
        return Some(int::hash(&i));
    }
    if let Some(s) = v.downcast::<StrObj>() {
        return Some(s.hash());
    }
    if let Some(b) = v.downcast::<BytesObj>() {
        return Some(b.hash());
    }
    v.is_none().then_some(NONE_HASH)
}

/// Equality of two compile-time constants (see `hash_const`).
pub fn const_eq(a: &Value, b: &Value) -> bool {
    match (as_tuple(a), as_tuple(b)) {
        (Some(x), Some(y)) => x.len() == y.len() && x.iter().zip(y).all(|(p, q)| const_eq(p, q)),
        (None, None) => eq_fast(a, b).unwrap_or(false),
        _ => false,
    }
}

/// `hash(v)`. Small ints (|x| < 2^47, below the modulus 2^61 - 1) hash to themselves
/// (-1 to -2) and strs to their cached hash without a call.
#[inline]
pub fn hash(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if let Some(i) = v.as_small_int() {
        return Ok(if i == -1 { -2 } else { i });
    }
    if let Some(s) = v.downcast::<StrObj>() {
        return Ok(s.hash());
    }
    hash_slow(vm, v)
}

#[inline(never)]
fn hash_slow(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if let Some(b) = v.downcast::<BytesObj>() {
        return Ok(b.hash());
    }
    if let Some(f) = v.as_float() {
        return Ok(hash_float(f));
    }
    if let Some(i) = as_int(v) {
        return Ok(int::hash(&i));
    }
    if v.is_none() {
        return Ok(NONE_HASH);
    }
    if let Some(m) = dunder::special(v, "__hash__") {
        if m.is_none() {
            return Err(error::type_error(format!(
                "unhashable type: '{}'",
                type_name(v)
            )));
        }
        let r = dunder::call_method(vm, &m, v, &[])?;
        let r = dunder::int_result(&r, "__hash__ method")
            .map_err(|_| error::type_error("__hash__ method should return an integer"))?;
        // An int result is re-hashed so that it fits the hash range, as CPython does.
        let h = hash(vm, &r)?;
        return Ok(if h == -1 { -2 } else { h });
    }
    if let Some(t) = as_tuple(v) {
        let mut h = TupleHasher::new();
        for item in t {
            h.add(hash(vm, item)?);
        }
        return Ok(h.finish(t.len()));
    }
    if v.downcast::<ListObj>().is_some()
        || v.downcast::<DictObj>().is_some()
        || crate::types::bytes::is_bytearray(v)
        || (v.downcast::<SetObj>().is_some() && !crate::types::set::is_frozen(v))
        || v.downcast::<crate::types::slice::SliceObj>().is_some()
        || {
            let t = type_ptr(v);
            t == crate::types::tt().dict_keys || t == crate::types::tt().dict_items
        }
    {
        return Err(error::type_error(format!(
            "unhashable type: '{}'",
            type_name(v)
        )));
    }
    if let Some(s) = v.downcast::<SetObj>() {
        // frozenset: CPython's order-independent mix of the element hashes.
        let shuffle = |h: u64| ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167);
        let mut h: u64 = 0;
        for item in s.items() {
            h ^= shuffle(hash(vm, &item)? as u64);
        }
        h ^= (s.len() as u64 + 1).wrapping_mul(1927868237);
        h ^= (h >> 11) ^ (h >> 25);
        h = h.wrapping_mul(69069).wrapping_add(907133923);
        let r = h as i64;
        return Ok(if r == -1 { 590923713 } else { r });
    }
    if let Some(r) = v.downcast::<RangeObj>() {
        return hash(vm, &r.hash_key());
    }
    // Identity hash for everything else (functions, types, modules, ...).
    Ok((v.bits() >> 4) as i64 & 0x0FFF_FFFF_FFFF_FFFF)
}

/// Equality decidable without running Python code; None when it might need `__eq__`.
#[inline]
pub fn eq_fast(a: &Value, b: &Value) -> Option<bool> {
    if a.is(b) {
        return Some(!a.is_float() || !a.float_unchecked().is_nan());
    }
    if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
        return Some(x == y);
    }
    if let (Some(x), Some(y)) = (a.downcast::<StrObj>(), b.downcast::<StrObj>()) {
        return Some(x.s == y.s);
    }
    if let Some(r) = bytes::compare(CmpOp::Eq, a, b) {
        return Some(r);
    }
    let simple = |v: &Value| {
        !v.is_ptr()
            || matches!(
                v.kind(),
                Some(crate::object::Kind::Str | crate::object::Kind::BigInt)
            )
    };
    if simple(a) && simple(b) {
        return Some(numeric_or_identity_eq(a, b));
    }
    None
}

fn numeric_or_identity_eq(a: &Value, b: &Value) -> bool {
    match (as_int(a), as_int(b)) {
        (Some(x), Some(y)) => int::cmp(&x, &y) == Ordering::Equal,
        (Some(x), None) => b
            .as_float()
            .is_some_and(|f| int::cmp_int_float(&x, f) == Some(Ordering::Equal)),
        (None, Some(y)) => a
            .as_float()
            .is_some_and(|f| int::cmp_int_float(&y, f) == Some(Ordering::Equal)),
        (None, None) => match (a.as_float(), b.as_float()) {
            (Some(x), Some(y)) => x == y,
            _ => a.is(b) || (as_str(a).is_some() && as_str(a) == as_str(b)),
        },
    }
}

pub fn eq(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    if let Some(r) = eq_fast(a, b) {
        return Ok(r);
    }
    let r = compare(vm, CmpOp::Eq, a, b)?;
    truthy(vm, &r)
}

#[inline(always)]
pub fn fast_compare(op: CmpOp, a: &Value, b: &Value) -> Option<bool> {
    if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
        return Some(cmp_result(op, x.cmp(&y)));
    }
    if let (Some(x), Some(y)) = (a.as_float(), b.as_float()) {
        return Some(match op {
            CmpOp::Lt => x < y,
            CmpOp::Le => x <= y,
            CmpOp::Eq => x == y,
            CmpOp::Ne => x != y,
            CmpOp::Gt => x > y,
            CmpOp::Ge => x >= y,
        });
    }
    None
}

pub fn cmp_result(op: CmpOp, o: Ordering) -> bool {
    match op {
        CmpOp::Lt => o == Ordering::Less,
        CmpOp::Le => o != Ordering::Greater,
        CmpOp::Eq => o == Ordering::Equal,
        CmpOp::Ne => o != Ordering::Equal,
        CmpOp::Gt => o == Ordering::Greater,
        CmpOp::Ge => o != Ordering::Less,
    }
}

/// Ordering of two numbers (None for NaN or non-numbers).
pub fn num_cmp(a: &Value, b: &Value) -> Option<Option<Ordering>> {
    match (as_int(a), as_int(b)) {
        (Some(x), Some(y)) => Some(Some(int::cmp(&x, &y))),
        (Some(x), None) => b.as_float().map(|f| int::cmp_int_float(&x, f)),
        (None, Some(y)) => a
            .as_float()
            .map(|f| int::cmp_int_float(&y, f).map(|o| o.reverse())),
        (None, None) => match (a.as_float(), b.as_float()) {
            (Some(x), Some(y)) => Some(x.partial_cmp(&y)),
            _ => None,
        },
    }
}

/// Rich comparison returning a Python value.
pub fn compare(vm: &mut Vm, op: CmpOp, a: &Value, b: &Value) -> PyResult<Value> {
    if dunder::dispatches(a) || dunder::dispatches(b) {
        if let Some(r) = dunder::compare(vm, op, a, b)? {
            return Ok(r);
        }
    }
    compare_payloads(vm, op, a, b)
}

/// The builtin payloads' comparison, without asking the operands' classes (what a builtin
/// type's `__eq__`/`__lt__`... slot wrapper does for a subclass instance:
/// `dict.__eq__(ordered_dict, other)`).
pub fn compare_payloads(vm: &mut Vm, op: CmpOp, a: &Value, b: &Value) -> PyResult<Value> {
    if let Some(o) = num_cmp(a, b) {
        return Ok(Value::bool(match o {
            Some(o) => cmp_result(op, o),
            None => op == CmpOp::Ne,
        }));
    }
    if let (Some(x), Some(y)) = (as_str(a), as_str(b)) {
        return Ok(Value::bool(cmp_result(op, x.cmp(y))));
    }
    if let Some(r) = bytes::compare(op, a, b) {
        return Ok(Value::bool(r));
    }
    // Sequences: lexicographic.
    let seqs = match (a.downcast::<ListObj>(), b.downcast::<ListObj>()) {
        (Some(x), Some(y)) => Some((x.items.borrow().clone(), y.items.borrow().clone())),
        _ => match (as_tuple(a), as_tuple(b)) {
            (Some(x), Some(y)) => Some((x.to_vec(), y.to_vec())),
            _ => None,
        },
    };
    if let Some((x, y)) = seqs {
        return compare_sequences(vm, op, &x, &y, false);
    }
    if let (Some(x), Some(y)) = (a.downcast::<DictObj>(), b.downcast::<DictObj>()) {
        if matches!(op, CmpOp::Eq | CmpOp::Ne) {
            let _level = depth::enter(vm, " in comparison")?;
            let mut same = x.len() == y.len();
            if same {
                for (k, v) in x.items() {
                    match y.get(vm, &k)? {
                        Some(w) if eq(vm, &v, &w)? => {}
                        _ => {
                            same = false;
                            break;
                        }
                    }
                }
            }
            return Ok(Value::bool(same == (op == CmpOp::Eq)));
        }
    }
    if let (Some(x), Some(y)) = (a.downcast::<SetObj>(), b.downcast::<SetObj>()) {
        let sub = |vm: &mut Vm, p: &SetObj, q: &SetObj| -> PyResult<bool> {
            for k in p.items() {
                if !q.contains(vm, &k)? {
                    return Ok(false);
                }
            }
            Ok(true)
        };
        let r = match op {
            CmpOp::Eq => x.len() == y.len() && sub(vm, x, y)?,
            CmpOp::Ne => !(x.len() == y.len() && sub(vm, x, y)?),
            CmpOp::Le => sub(vm, x, y)?,
            CmpOp::Lt => x.len() < y.len() && sub(vm, x, y)?,
            CmpOp::Ge => sub(vm, y, x)?,
            CmpOp::Gt => x.len() > y.len() && sub(vm, y, x)?,
        };
        return Ok(Value::bool(r));
    }
    if let (Some(x), Some(y)) = (a.downcast::<RangeObj>(), b.downcast::<RangeObj>()) {
        if matches!(op, CmpOp::Eq | CmpOp::Ne) {
            return Ok(Value::bool(x.same_items(y) == (op == CmpOp::Eq)));
        }
    }
    match op {
        CmpOp::Eq => Ok(Value::bool(a.is(b))),
        CmpOp::Ne => Ok(Value::bool(!a.is(b))),
        _ => Err(error::type_error(format!(
            "'{}' not supported between instances of '{}' and '{}'",
            op.symbol(),
            type_name(a),
            type_name(b)
        ))),
    }
}

/// Lexicographic comparison of two sequences' items (list, tuple, array, deque): the first
/// unequal pair decides, else the lengths. `identical_equal` treats identical values as
/// equal without asking (deque does, so an identical NaN compares equal there).
pub fn compare_sequences(
    vm: &mut Vm,
    op: CmpOp,
    x: &[Value],
    y: &[Value],
    identical_equal: bool,
) -> PyResult<Value> {
    let _level = depth::enter(vm, " in comparison")?;
    for (p, q) in x.iter().zip(y) {
        if !((identical_equal && p.is(q)) || eq(vm, p, q)?) {
            return match op {
                CmpOp::Eq => Ok(Value::FALSE),
                CmpOp::Ne => Ok(Value::TRUE),
                _ => compare(vm, op, p, q),
            };
        }
    }
    Ok(Value::bool(cmp_result(op, x.len().cmp(&y.len()))))
}

/// `a < b` as a Rust bool, for sorting and min/max.
pub fn less_than(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    if let Some(r) = fast_compare(CmpOp::Lt, a, b) {
        return Ok(r);
    }
    let r = compare(vm, CmpOp::Lt, a, b)?;
    truthy(vm, &r)
}

pub fn binary_op(vm: &mut Vm, op: BinOp, inplace: bool, a: &Value, b: &Value) -> PyResult<Value> {
    if let Some(r) = arith::numeric_binop(op, a, b) {
        return r;
    }
    if dunder::dispatches(a) || dunder::dispatches(b) {
        if let Some(r) = dunder::binop(vm, op, inplace, a, b)? {
            return Ok(r);
        }
    }
    if inplace && op == BinOp::Add {
        if let Some(l) = a.downcast::<ListObj>() {
            let items = collect(vm, b)?;
            let mut dst = l.items.borrow_mut();
            crate::mem::reserve(&mut dst, items.len())?;
            dst.extend(items);
            return Ok(a.clone());
        }
    }
    if let Some(r) = arith::sequence_binop(op, a, b) {
        return r;
    }
    if let Some(r) = bytes::binop(vm, op, inplace, a, b) {
        return r;
    }
    if op == BinOp::Mod {
        if let Some(s) = as_str(a) {
            return crate::builtins::percent_format(vm, s, b);
        }
    }
    if let (Some(x), Some(y)) = (a.downcast::<SetObj>(), b.downcast::<SetObj>()) {
        if inplace && !crate::types::set::is_frozen(a) {
            if let Some(r) = crate::builtins::set_inplace_binop(vm, op, a, x, y)? {
                return Ok(r);
            }
        }
        if let Some(r) = crate::builtins::set_binop(vm, op, a, x, y)? {
            return Ok(r);
        }
    }
    if op == BinOp::Or {
        if let (Some(x), Some(_)) = (a.downcast::<DictObj>(), b.downcast::<DictObj>()) {
            let target = if inplace {
                a.clone()
            } else {
                DictObj::from_table(x.table.borrow().clone())
            };
            crate::builtins::dict_merge(vm, &target, b, false)?;
            return Ok(target);
        }
    }
    if let Some(io) = a.downcast::<IterObj>() {
        // dict_keys / dict_items support set operations.
        if let IterState::DictView {
            what: DictPart::Keys | DictPart::Items,
            ..
        } = &*io.state.borrow()
        {
            let _ = io;
        }
    }
    if op == BinOp::Or && !(a.is_none() && b.is_none()) {
        // `int | str`: a union of types (`type.__or__`).
        let r = crate::pytypes::generic_alias::make_union(vm, a, b)?;
        if !r.is(&crate::types::tt().not_implemented) {
            return Ok(r);
        }
    }
    if op == BinOp::Add {
        for (kind, is) in [
            ("str", as_str(a).is_some()),
            ("list", a.downcast::<ListObj>().is_some()),
            ("tuple", as_tuple(a).is_some()),
        ] {
            if is {
                return Err(error::type_error(format!(
                    "can only concatenate {kind} (not \"{}\") to {kind}",
                    type_name(b)
                )));
            }
        }
    }
    Err(arith::unsupported(op, inplace, a, b))
}

/// Unary operator on a non-number: the operand's `__neg__` etc., else a TypeError.
pub fn unary_dunder(vm: &mut Vm, a: &Value, dunder: &'static str, sym: &str) -> PyResult<Value> {
    if let Some(r) = dunder::call_special(vm, a, dunder, &[]) {
        return r;
    }
    Err(error::type_error(format!(
        "bad operand type for unary {}: '{}'",
        sym,
        type_name(a)
    )))
}

pub fn contains(vm: &mut Vm, container: &Value, item: &Value) -> PyResult<bool> {
    if let Some(r) = dunder::call_special(vm, container, "__contains__", &[item.clone()]) {
        let r = r?;
        return truthy(vm, &r);
    }
    if let Some(s) = as_str(container) {
        return match as_str(item) {
            Some(sub) => Ok(s.contains(sub)),
            None => Err(error::type_error(format!(
                "'in <string>' requires string as left operand, not {}",
                type_name(item)
            ))),
        };
    }
    if let Some(r) = bytes::contains(container, item) {
        return r;
    }
    if let Some(d) = container.downcast::<DictObj>() {
        return d.contains(vm, item);
    }
    if let Some(s) = container.downcast::<SetObj>() {
        return s.contains(vm, item);
    }
    if let Some(r) = container.downcast::<RangeObj>() {
        if let Some(i) = as_int(item) {
            return Ok(r.contains_int(&i));
        }
    }
    if let Some(io) = container.downcast::<IterObj>() {
        let view = match &*io.state.borrow() {
            IterState::DictView { dict, what } => Some((dict.clone(), *what)),
            _ => None,
        };
        if let Some((dict, what)) = view {
            let d = dict.downcast::<DictObj>().unwrap();
            match what {
                DictPart::Keys => return d.contains(vm, item),
                DictPart::Items => {
                    if let Some(t) = as_tuple(item) {
                        if t.len() == 2 {
                            return Ok(match d.get(vm, &t[0])? {
                                Some(v) => eq(vm, &v, &t[1])?,
                                None => false,
                            });
                        }
                    }
                    return Ok(false);
                }
                DictPart::Values => {}
            }
        }
    }
    let items: Vec<Value> = if let Some(l) = container.downcast::<ListObj>() {
        l.items.borrow().clone()
    } else if let Some(t) = as_tuple(container) {
        t.to_vec()
    } else {
        let _ = type_ptr(container);
        let it = match iter(vm, container) {
            Ok(it) => it,
            Err(e) if e.is_instance(crate::types::tt().type_error) => {
                return Err(error::type_error(format!(
                    "argument of type '{}' is not iterable",
                    type_name(container)
                )))
            }
            Err(e) => return Err(e),
        };
        while let Some(x) = next(vm, &it)? {
            if eq(vm, &x, item)? {
                return Ok(true);
            }
        }
        return Ok(false);
    };
    for x in items.iter() {
        if eq(vm, x, item)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// `callable(v)`: functions, methods, types, and objects whose type defines `__call__`.
pub fn callable(v: &Value) -> bool {
    use crate::object::Kind;
    matches!(
        v.kind(),
        Some(Kind::Function | Kind::Native | Kind::BoundMethod | Kind::Type)
    ) || dunder::special(v, "__call__").is_some()
}

/// `operator.index(v)`: `v` as an int (a bool becomes 0 or 1), through `__index__` for
/// other objects.
pub fn index(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if let Some(b) = v.as_bool() {
        return Ok(Value::small_int(b as i64));
    }
    if as_int(v).is_some() {
        return Ok(v.clone());
    }
    if let Some(r) = dunder::call_special(vm, v, "__index__", &[]) {
        let r = r?;
        if as_int(&r).is_some() {
            return Ok(r);
        }
        return Err(error::type_error(format!(
            "__index__ returned non-int (type {})",
            type_name(&r)
        )));
    }
    Err(error::type_error(format!(
        "'{}' object cannot be interpreted as an integer",
        type_name(v)
    )))
}

/// `len(v)` for exact builtin containers (None: use `len`).
#[inline]
pub fn len_fast(v: &Value) -> Option<usize> {
    use crate::object::Kind;
    let h = v.header()?;
    if type_data_ptr_is_builtin(h) {
        return match h.kind {
            Kind::Str => v.downcast::<StrObj>().map(|s| s.nchars),
            Kind::List => v.downcast::<ListObj>().map(|l| l.items.borrow().len()),
            Kind::Tuple => as_tuple(v).map(|t| t.len()),
            Kind::Dict => v.downcast::<DictObj>().map(|d| d.len()),
            Kind::Set => v.downcast::<SetObj>().map(|s| s.len()),
            _ => None,
        };
    }
    None
}

fn type_data_ptr_is_builtin(h: &crate::object::Header) -> bool {
    !crate::types::typeobj::type_data_ptr(h.ty.get()).dispatch
}

/// `len(v)`.
pub fn len(vm: &mut Vm, v: &Value) -> PyResult<usize> {
    if let Some(r) = dunder::call_special(vm, v, "__len__", &[]) {
        let r = r?;
        let n = match crate::types::int::as_int(&r) {
            Some(i) => i,
            None => {
                return Err(error::type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    type_name(&r)
                )))
            }
        };
        return match n.to_i64() {
            Some(n) if n >= 0 => Ok(n as usize),
            Some(_) => Err(error::value_error("__len__() should return >= 0")),
            None => Err(error::overflow_error(
                "cannot fit 'int' into an index-sized integer",
            )),
        };
    }
    if let Some(s) = v.downcast::<StrObj>() {
        return Ok(s.nchars);
    }
    if let Some(l) = v.downcast::<ListObj>() {
        return Ok(l.items.borrow().len());
    }
    if let Some(b) = as_bytes(v) {
        return Ok(b.len());
    }
    if let Some(t) = as_tuple(v) {
        return Ok(t.len());
    }
    if let Some(d) = v.downcast::<DictObj>() {
        return Ok(d.len());
    }
    if let Some(s) = v.downcast::<SetObj>() {
        return Ok(s.len());
    }
    if let Some(r) = v.downcast::<RangeObj>() {
        return r.len_ssize();
    }
    if let Some(io) = v.downcast::<IterObj>() {
        if let IterState::DictView { dict, .. } = &*io.state.borrow() {
            return Ok(dict.downcast::<DictObj>().unwrap().len());
        }
    }
    Err(error::type_error(format!(
        "object of type '{}' has no len()",
        type_name(v)
    )))
}
