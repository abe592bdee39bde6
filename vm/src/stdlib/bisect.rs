//! The `bisect` module: binary search and insertion into sorted sequences, with CPython's
//! argument conversions (lo is an index, hi is an index or None) and comparison order.

use crate::builtins::args::parse_args;
use crate::error::{self, PyResult};
use crate::ops;
use crate::types::int::as_int;
use crate::types::list::ListObj;
use crate::types::str::intern;
use crate::types::type_name;
use crate::value::Value;
use crate::vm::Vm;

pub fn make(_vm: &mut Vm) -> Value {
    let m = super::module_with_functions(
        "_bisect",
        &[
            ("bisect_right", bisect_right),
            ("bisect_left", bisect_left),
            ("insort_right", insort_right),
            ("insort_left", insort_left),
        ],
    );
    // `bisect` and `insort` are the same objects as the `_right` variants.
    for (alias, name) in [("bisect", "bisect_right"), ("insort", "insort_right")] {
        if let Some(f) = module_attr(&m, name) {
            super::set(&m, alias, f);
        }
    }
    m
}

fn module_attr(m: &Value, name: &str) -> Option<Value> {
    let mo = m.downcast::<crate::types::module::ModuleObj>()?;
    crate::types::dict::DictObj::get_str(&mo.dict, &intern(name))
}

struct Search<'a> {
    a: &'a Value,
    x: Value,
    lo: i64,
    /// -1: up to `len(a)`.
    hi: i64,
    key: Option<&'a Value>,
}

fn parse<'a>(
    vm: &mut Vm,
    fname: &str,
    args: &'a [Value],
    kw: &[Value],
) -> PyResult<(Search<'a>, &'a Value)> {
    let [a, x, lo, hi, key] = parse_args(fname, args, kw, ["a", "x", "lo", "hi", "key"], 2, 4)?;
    let (Some(a), Some(x)) = (a, x) else {
        return Err(error::type_error(format!("{fname}() missing arguments")));
    };
    let lo = match lo {
        Some(v) => {
            let i = ops::index(vm, v)?;
            as_int(&i).and_then(|i| i.to_i64()).ok_or_else(|| {
                error::overflow_error("Python int too large to convert to C ssize_t")
            })?
        }
        None => 0,
    };
    let hi = match hi {
        Some(v) if !v.is_none() => {
            let i = ops::index(vm, v).map_err(|e| {
                if e.is_instance(crate::types::tt().type_error) {
                    error::type_error(format!(
                        "argument should be integer or None, not '{}'",
                        type_name(v)
                    ))
                } else {
                    e
                }
            })?;
            as_int(&i).and_then(|i| i.to_i64()).ok_or_else(|| {
                error::overflow_error("cannot fit 'int' into an index-sized integer")
            })?
        }
        _ => -1,
    };
    let key = key.filter(|k| !k.is_none());
    Ok((
        Search {
            a,
            x: x.clone(),
            lo,
            hi,
            key,
        },
        x,
    ))
}

/// `a[i]`, read from a list directly (its size may change while comparing).
fn item(vm: &mut Vm, a: &Value, i: i64) -> PyResult<Value> {
    if let Some(l) = a.downcast::<ListObj>() {
        return l
            .items
            .borrow()
            .get(i as usize)
            .cloned()
            .ok_or_else(|| error::index_error("list index out of range"));
    }
    ops::getitem(vm, a, &Value::int(i))
}

fn search(vm: &mut Vm, s: &Search, right: bool) -> PyResult<i64> {
    if s.lo < 0 {
        return Err(error::value_error("lo must be non-negative"));
    }
    let (mut lo, mut hi) = (s.lo, s.hi);
    if hi == -1 {
        hi = ops::len(vm, s.a)? as i64;
    }
    while lo < hi {
        let mid = ((lo as u64 + hi as u64) / 2) as i64;
        let mut it = item(vm, s.a, mid)?;
        if let Some(k) = s.key {
            it = vm.call(k, &[it], &[])?;
        }
        // bisect_right: go left when x < a[mid]; bisect_left: go right when a[mid] < x.
        if right {
            if ops::less_than(vm, &s.x, &it)? {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        } else if ops::less_than(vm, &it, &s.x)? {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    Ok(lo)
}

fn bisect_right(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (s, _) = parse(vm, "bisect_right", args, kw)?;
    Ok(Value::int(search(vm, &s, true)?))
}

fn bisect_left(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (s, _) = parse(vm, "bisect_left", args, kw)?;
    Ok(Value::int(search(vm, &s, false)?))
}

fn insort(vm: &mut Vm, fname: &str, args: &[Value], kw: &[Value], right: bool) -> PyResult<Value> {
    let (mut s, x) = parse(vm, fname, args, kw)?;
    if let Some(k) = s.key {
        s.x = vm.call(k, std::slice::from_ref(x), &[])?;
    }
    let i = search(vm, &s, right)?;
    if let Some(l) = s.a.downcast::<ListObj>() {
        if crate::types::type_ptr(s.a) == crate::types::tt().list {
            let mut items = l.items.borrow_mut();
            let at = (i as usize).min(items.len());
            items.insert(at, x.clone());
            return Ok(Value::NONE);
        }
    }
    let insert = ops::getattr(vm, s.a, &intern("insert"))?;
    vm.call(&insert, &[Value::int(i), x.clone()], &[])?;
    Ok(Value::NONE)
}

fn insort_right(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    insort(vm, "insort_right", args, kw, true)
}

fn insort_left(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    insort(vm, "insort_left", args, kw, false)
}
