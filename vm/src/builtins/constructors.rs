//! Calling builtin types: `int(...)`, `list(...)`, `range(...)`, `enumerate(...)`, ...
//! and the small method tables of the numeric types.

use super::args::{to_i64, Args};
use super::MethodTable;
use crate::error::{self, PyResult};
use crate::object::Header;
use crate::ops;
use crate::types::dict::DictObj;
use crate::types::func::NativeFn;
use crate::types::int::{self, as_int, IntRef};
use crate::types::iter::{new_iter, IterState};
use crate::types::list::{new_list, ListObj};
use crate::types::range::RangeObj;
use crate::types::set::{new_set_typed, SetObj};
use crate::types::slice::new_slice;
use crate::types::str::{as_str, new_str};
use crate::types::tuple::{as_tuple, new_tuple};
use crate::types::{tt, type_name, type_of};
use crate::value::Value;
use crate::vm::Vm;

pub fn constructor_for(ty: *const Header) -> Option<NativeFn> {
    let t = tt();
    let table: [(*const Header, NativeFn); 25] = [
        (t.int, int_new),
        (t.float, float_new),
        (t.str_, str_new),
        (t.bytes, super::bytes_conv::bytes_new),
        (t.bytearray, super::bytes_conv::bytearray_new),
        (t.bool_, bool_new),
        (t.list, list_new),
        (t.tuple, tuple_new),
        (t.dict, dict_new),
        (t.set, set_new),
        (t.frozenset, frozenset_new),
        (t.range, crate::types::range::range_new),
        (t.slice, slice_new),
        (t.type_, type_new),
        (t.object, object_new),
        (t.enumerate, enumerate_new),
        (t.zip, zip_new),
        (t.map, map_new),
        (t.filter, filter_new),
        (t.reversed, reversed_new),
        (t.none_type, none_new),
        (t.property, super::descriptors::property_new),
        (t.classmethod, super::descriptors::classmethod_new),
        (t.staticmethod, super::descriptors::staticmethod_new),
        (t.super_, super::descriptors::super_new),
    ];
    table.iter().find(|(p, _)| *p == ty).map(|(_, f)| *f)
}

/// Parses an int literal string as `int(s, base)` does: None if it is not a literal, an
/// error if it is over the digit limit.
pub fn parse_int(s: &str, base: u32) -> Option<PyResult<Value>> {
    let t = s.trim_matches(|c: char| c.is_whitespace());
    let (neg, t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = t.to_ascii_lowercase();
    let (digits, base) = match (base, lower.get(..2)) {
        (0 | 16, Some("0x")) => (&t[2..], 16),
        (0 | 8, Some("0o")) => (&t[2..], 8),
        (0 | 2, Some("0b")) => (&t[2..], 2),
        (0, _) => {
            if t.len() > 1 && t.starts_with('0') && t.chars().any(|c| c != '0' && c != '_') {
                return None;
            }
            (t, 10)
        }
        (b, _) => (t, b),
    };
    let digits = digits
        .strip_prefix('_')
        .filter(|_| base != 10 || s.is_empty())
        .unwrap_or(digits);
    if digits.is_empty()
        || digits.starts_with('_')
        || digits.ends_with('_')
        || digits.contains("__")
    {
        return None;
    }
    let clean: String = digits.chars().filter(|&c| c != '_').collect();
    if !clean.chars().all(|c| c.is_digit(base)) {
        return None;
    }
    // Over the digit limit: ValueError (not an invalid literal).
    if !base.is_power_of_two() {
        if let Err(e) = int::check_parse_digits(clean.len()) {
            return Some(Err(e));
        }
    }
    let b = num_bigint::BigInt::parse_bytes(clean.as_bytes(), base)?;
    Some(Ok(int::big_to_value(if neg { -b } else { b })))
}

/// The text of a str or bytes-like argument of `int()` / `float()`, with its repr for
/// error messages. Non-ASCII bytes map to characters no parser accepts.
fn numeric_text(v: &Value) -> Option<(String, String)> {
    if let Some(s) = as_str(v) {
        return Some((s.to_string(), crate::fmt::str_repr(s)));
    }
    let b = crate::types::bytes::as_bytes(v)?;
    let text = b
        .iter()
        .map(|&c| if c.is_ascii() { c as char } else { '\u{fffd}' })
        .collect();
    Some((text, crate::types::bytes::repr(v)?))
}

fn int_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::new("int", args, kwnames);
    a.check(0, 2, &["base"])?;
    let Some(v) = a.get(0) else {
        return Ok(Value::small_int(0));
    };
    if let Some(b) = a.arg(1, "base") {
        let base = to_i64(b, "")?;
        if base != 0 && !(2..=36).contains(&base) {
            return Err(error::value_error(
                "int() base must be >= 2 and <= 36, or 0",
            ));
        }
        let (s, shown) = numeric_text(v).ok_or_else(|| {
            error::type_error("int() can't convert non-string with explicit base")
        })?;
        return parse_int(&s, base as u32).unwrap_or_else(|| {
            Err(error::value_error(format!(
                "invalid literal for int() with base {base}: {shown}"
            )))
        });
    }
    if let Some(f) = v.as_float() {
        if f.is_nan() {
            return Err(error::value_error("cannot convert float NaN to integer"));
        }
        if f.is_infinite() {
            return Err(error::overflow_error(
                "cannot convert float infinity to integer",
            ));
        }
        return Ok(int::big_to_value(int::float_to_big(f.trunc())));
    }
    if let Some(i) = as_int(v) {
        return Ok(int::add(&i, &IntRef::Small(0)));
    }
    if let Some((s, shown)) = numeric_text(v) {
        return parse_int(&s, 10).unwrap_or_else(|| {
            Err(error::value_error(format!(
                "invalid literal for int() with base 10: {shown}"
            )))
        });
    }
    for (name, what) in [
        ("__int__", "__int__"),
        ("__index__", "__index__"),
        ("__trunc__", "__trunc__"),
    ] {
        if let Some(r) = ops::dunder::call_special(vm, v, name, &[]) {
            let r = r?;
            if as_int(&r).is_none() {
                return Err(error::type_error(format!(
                    "{what} returned non-int (type {})",
                    type_name(&r)
                )));
            }
            return Ok(int::add(&as_int(&r).unwrap(), &IntRef::Small(0)));
        }
    }
    Err(error::type_error(format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        type_name(v)
    )))
}

fn float_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::new("float", args, kwnames);
    a.check(0, 1, &[])?;
    let Some(v) = a.get(0) else {
        return Ok(Value::float(0.0));
    };
    if let Some(r) = ops::dunder::call_special(vm, v, "__float__", &[]) {
        let r = r?;
        return match r.as_float() {
            Some(_) => Ok(r),
            None => Err(error::type_error(format!(
                "{}.__float__ returned non-float (type {})",
                type_name(v),
                type_name(&r)
            ))),
        };
    }
    if ops::dunder::special(v, "__index__").is_some() {
        let i = ops::index(vm, v)?;
        let i = as_int(&i).unwrap();
        return int::int_to_f64(&i)
            .map(Value::float)
            .map_err(error::overflow_error);
    }
    if v.is_float() {
        return Ok(v.clone());
    }
    if let Some(i) = as_int(v) {
        return int::int_to_f64(&i)
            .map(Value::float)
            .map_err(error::overflow_error);
    }
    if let Some((s, shown)) = numeric_text(v) {
        return crate::fmt::parse_float(&s)
            .map(Value::float)
            .ok_or_else(|| {
                error::value_error(format!("could not convert string to float: {shown}"))
            });
    }
    let _ = vm;
    Err(error::type_error(format!(
        "float() argument must be a string or a real number, not '{}'",
        type_name(v)
    )))
}

fn str_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if args.len() > 1 || !kwnames.is_empty() {
        return super::bytes_conv::str_decode(vm, args, kwnames);
    }
    let a = Args::new("str", args, kwnames);
    a.check(0, 1, &[])?;
    match a.get(0) {
        None => Ok(new_str("")),
        Some(v) => ops::to_str(vm, v),
    }
}

fn bool_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::new("bool", args, kwnames);
    a.check(0, 1, &[])?;
    match a.get(0) {
        None => Ok(Value::FALSE),
        Some(v) => Ok(Value::bool(ops::truthy(vm, v)?)),
    }
}

fn list_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::new("list", args, kwnames);
    a.check(0, 1, &[])?;
    match a.get(0) {
        None => Ok(new_list(vec![])),
        Some(v) => Ok(new_list(ops::collect(vm, v)?)),
    }
}

fn tuple_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::new("tuple", args, kwnames);
    a.check(0, 1, &[])?;
    match a.get(0) {
        None => Ok(new_tuple(vec![])),
        // Only an exact tuple is returned as is (not a subclass such as a named tuple).
        Some(v) if as_tuple(v).is_some() && crate::types::type_ptr(v) == tt().tuple => {
            Ok(v.clone())
        }
        Some(v) => Ok(new_tuple(ops::collect(vm, v)?)),
    }
}

/// Adds `src` (a mapping or an iterable of pairs) into dict `d`.
pub fn dict_update_from(vm: &mut Vm, d: &Value, src: &Value) -> PyResult<()> {
    if src.downcast::<DictObj>().is_some() && !crate::ops::dunder::dispatches(src) {
        return super::dict_merge(vm, d, src, false);
    }
    let dd = d.downcast::<DictObj>().unwrap();
    // A mapping (anything with `keys()`): copy `src[k]` for each key, as CPython's
    // PyDict_Merge does.
    if let Ok(keys) = ops::getattr(vm, src, &crate::types::str::intern("keys")) {
        let ks = vm.call0(&keys)?;
        for k in ops::collect(vm, &ks)? {
            let v = ops::getitem(vm, src, &k)?;
            dd.set(vm, k, v)?;
        }
        return Ok(());
    }
    let it = ops::iter(vm, src)?;
    let mut i = 0;
    while let Some(item) = ops::next(vm, &it)? {
        let pair = match ops::collect(vm, &item) {
            Ok(p) => p,
            Err(_) => {
                return Err(error::type_error(format!(
                    "cannot convert dictionary update sequence element #{} to a sequence",
                    i
                )))
            }
        };
        if pair.len() != 2 {
            return Err(error::value_error(format!(
                "dictionary update sequence element #{} has length {}; 2 is required",
                i,
                pair.len()
            )));
        }
        let mut p = pair.into_iter();
        dd.set(vm, p.next().unwrap(), p.next().unwrap())?;
        i += 1;
    }
    Ok(())
}

fn dict_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::new("dict", args, kwnames);
    if a.len() > 1 {
        return Err(error::type_error(format!(
            "dict expected at most 1 argument, got {}",
            a.len()
        )));
    }
    let d = DictObj::new_value();
    if let Some(src) = a.get(0) {
        dict_update_from(vm, &d, src)?;
    }
    for (k, v) in a.kwnames.iter().zip(a.kwvals) {
        d.downcast::<DictObj>()
            .unwrap()
            .set(vm, k.clone(), v.clone())?;
    }
    Ok(d)
}

fn make_set(vm: &mut Vm, src: Option<&Value>, ty: *const Header) -> PyResult<Value> {
    let s = new_set_typed(crate::types::set::SetTable::default(), ty);
    if let Some(src) = src {
        let so = s.downcast::<SetObj>().unwrap();
        if let Some(o) = src.downcast::<SetObj>() {
            so.merge(vm, o)?;
            return Ok(s);
        }
        let items = ops::collect(vm, src)?;
        for x in items {
            so.add(vm, x)?;
        }
    }
    Ok(s)
}

fn set_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::new("set", args, kwnames);
    a.check(0, 1, &[])?;
    make_set(vm, a.get(0), tt().set)
}

fn frozenset_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::new("frozenset", args, kwnames);
    a.check(0, 1, &[])?;
    make_set(vm, a.get(0), tt().frozenset)
}

fn slice_new(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::new("slice", args, kwnames);
    a.check(1, 3, &[])?;
    Ok(match a.len() {
        1 => new_slice(Value::NONE, a.pos[0].clone(), Value::NONE),
        2 => new_slice(a.pos[0].clone(), a.pos[1].clone(), Value::NONE),
        _ => new_slice(a.pos[0].clone(), a.pos[1].clone(), a.pos[2].clone()),
    })
}

fn type_new(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::new("type", args, kwnames);
    if a.len() == 1 {
        return Ok(type_of(&a.pos[0]));
    }
    if a.len() == 3 {
        let name = crate::types::str::as_str(&a.pos[0])
            .ok_or_else(|| {
                error::type_error(format!(
                    "type.__new__() argument 1 must be str, not {}",
                    crate::types::type_name(&a.pos[0])
                ))
            })?
            .to_string();
        let bases = crate::types::tuple::as_tuple(&a.pos[1])
            .ok_or_else(|| {
                error::type_error(format!(
                    "type.__new__() argument 2 must be tuple, not {}",
                    crate::types::type_name(&a.pos[1])
                ))
            })?
            .to_vec();
        let meta = unsafe { Value::from_header(tt().type_) };
        let winner = crate::class::winner_meta(&meta, &bases)?;
        if !winner.is(&meta) {
            // `type(name, bases, ns)` with a metaclass among the bases: that metaclass
            // makes (and initialises) the class.
            return _vm.call(&winner, args, kwnames);
        }
        let kws: Vec<(Value, Value)> = a
            .kwnames
            .iter()
            .cloned()
            .zip(a.kwvals.iter().cloned())
            .collect();
        return crate::class::new_class(_vm, &meta, &name, bases, &a.pos[2], &kws);
    }
    Err(error::type_error("type() takes 1 or 3 arguments"))
}

fn object_new(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::new("object", args, kwnames);
    if !a.is_empty() {
        return Err(error::type_error("object() takes no arguments"));
    }
    let cls = unsafe { Value::from_header(tt().object) };
    Ok(crate::types::instance::new_instance(&cls))
}

fn none_new(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    Args::new("NoneType", args, kwnames).check(0, 0, &[])?;
    Ok(Value::NONE)
}

fn enumerate_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::new("enumerate", args, kwnames);
    a.check(1, 2, &["start", "iterable"])?;
    let src = a.arg(0, "iterable").ok_or_else(|| {
        error::type_error("enumerate() missing required argument 'iterable' (pos 1)")
    })?;
    let it = ops::iter(vm, src)?;
    let start = a.arg(1, "start").cloned().unwrap_or(Value::small_int(0));
    if as_int(&start).is_none() {
        return Err(error::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(&start)
        )));
    }
    Ok(new_iter(
        IterState::Enumerate { it, count: start },
        tt().enumerate,
    ))
}

fn zip_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::new("zip", args, kwnames);
    a.check(0, usize::MAX, &["strict"])?;
    let mut its = Vec::with_capacity(a.len());
    for (i, x) in a.pos.iter().enumerate() {
        match ops::iter(vm, x) {
            Ok(it) => its.push(it),
            Err(_) => {
                return Err(error::type_error(format!(
                    "zip argument #{} must support iteration",
                    i + 1
                )))
            }
        }
    }
    Ok(new_iter(IterState::Zip { its }, tt().zip))
}

fn map_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::new("map", args, kwnames);
    if a.len() < 2 {
        return Err(error::type_error("map() must have at least two arguments."));
    }
    a.check(2, usize::MAX, &[])?;
    let mut its = Vec::new();
    for x in &a.pos[1..] {
        its.push(ops::iter(vm, x)?);
    }
    Ok(new_iter(
        IterState::Map {
            f: a.pos[0].clone(),
            its,
        },
        tt().map,
    ))
}

fn filter_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::new("filter", args, kwnames);
    a.check(2, 2, &[])?;
    let it = ops::iter(vm, &a.pos[1])?;
    Ok(new_iter(
        IterState::Filter {
            f: a.pos[0].clone(),
            it,
        },
        tt().filter,
    ))
}

fn reversed_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::new("reversed", args, kwnames);
    a.check(1, 1, &[])?;
    let v = &a.pos[0];
    if let Some(l) = v.downcast::<ListObj>() {
        let n = l.items.borrow().len();
        return Ok(new_iter(
            IterState::ListRev {
                list: v.clone(),
                idx: n,
            },
            tt().list_reverseiterator,
        ));
    }
    if let Some(r) = v.downcast::<RangeObj>() {
        return Ok(r.reversed());
    }
    if let Some(r) = ops::dunder::call_special(vm, v, "__reversed__", &[]) {
        return r;
    }
    let seq_protocol = ops::dunder::special(v, "__len__").is_some()
        && ops::dunder::special(v, "__getitem__").is_some();
    if as_tuple(v).is_some()
        || as_str(v).is_some()
        || v.downcast::<DictObj>().is_some()
        || crate::types::bytes::as_bytes(v).is_some()
        || seq_protocol
    {
        let mut items = if seq_protocol {
            let n = ops::len(vm, v)?;
            let mut out = Vec::with_capacity(n);
            for i in 0..n {
                out.push(ops::getitem(vm, v, &Value::int(i as i64))?);
            }
            out
        } else {
            ops::collect(vm, v)?
        };
        items.reverse();
        let l = new_list(items);
        return Ok(new_iter(IterState::Seq { seq: l, idx: 0 }, tt().reversed));
    }
    if ops::dunder::dispatches(v) {
        if let Some(r) = ops::dunder::call_special(vm, v, "__reversed__", &[]) {
            return r;
        }
        // The sequence protocol (read eagerly from the end).
        if ops::dunder::special(v, "__len__").is_some()
            && ops::dunder::special(v, "__getitem__").is_some()
        {
            let n = ops::len(vm, v)?;
            let mut items = Vec::with_capacity(n);
            for i in (0..n).rev() {
                items.push(ops::getitem(vm, v, &Value::int(i as i64))?);
            }
            let l = new_list(items);
            return Ok(new_iter(IterState::Seq { seq: l, idx: 0 }, tt().reversed));
        }
    }
    Err(error::type_error(format!(
        "'{}' object is not reversible",
        type_name(v)
    )))
}

// ---- int / float methods ----

pub static INT_METHODS: MethodTable = &[
    ("bit_length", int_bit_length),
    ("conjugate", int_conjugate),
    ("bit_count", int_bit_count),
];
pub static FLOAT_METHODS: MethodTable = &[
    ("is_integer", float_is_integer),
    ("as_integer_ratio", float_as_integer_ratio),
    ("conjugate", float_conjugate),
];

fn self_int<'a>(args: &'a [Value], name: &str) -> PyResult<IntRef<'a>> {
    args.first()
        .and_then(as_int)
        .ok_or_else(|| error::type_error(format!("descriptor '{name}' requires an 'int' object")))
}

fn int_bit_length(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    super::args::no_args("int.bit_length", args, kw)?;
    let i = self_int(args, "bit_length")?;
    Ok(Value::int(i.to_big().bits() as i64))
}
fn int_bit_count(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    super::args::no_args("int.bit_count", args, kw)?;
    let i = self_int(args, "bit_count")?;
    let b = num_traits::Signed::abs(&i.to_big());
    Ok(Value::int(
        b.to_u64_digits()
            .1
            .iter()
            .map(|d| d.count_ones() as i64)
            .sum(),
    ))
}
fn int_conjugate(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    super::args::no_args("int.conjugate", args, kw)?;
    let i = self_int(args, "conjugate")?;
    Ok(int::add(&i, &IntRef::Small(0)))
}
fn float_is_integer(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    super::args::no_args("float.is_integer", args, kw)?;
    let f = args[0].as_float().unwrap_or(0.0);
    Ok(Value::bool(f.is_finite() && f.fract() == 0.0))
}
fn float_conjugate(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    super::args::no_args("float.conjugate", args, kw)?;
    Ok(args[0].clone())
}
fn float_as_integer_ratio(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    super::args::no_args("float.as_integer_ratio", args, kw)?;
    let f = args[0].as_float().unwrap_or(0.0);
    if f.is_nan() {
        return Err(error::value_error("cannot convert NaN to integer ratio"));
    }
    if f.is_infinite() {
        return Err(error::overflow_error(
            "cannot convert Infinity to integer ratio",
        ));
    }
    let (m, e) = ops::frexp(f);
    let mut mant = m;
    let mut exp = e;
    let mut i = 0;
    while mant != mant.floor() && i < 300 {
        mant *= 2.0;
        exp -= 1;
        i += 1;
    }
    let n = int::float_to_big(mant);
    let (num, den) = if exp >= 0 {
        (n << exp as usize, num_bigint::BigInt::from(1))
    } else {
        (n, num_bigint::BigInt::from(1) << (-exp) as usize)
    };
    Ok(new_tuple(vec![
        int::big_to_value(num),
        int::big_to_value(den),
    ]))
}
