//! `list` and `tuple` methods, plus small receiver/argument helpers shared with the
//! dict and set method modules.

use super::args::{to_i64, Args};
use super::MethodTable;
use crate::error::{self, PyResult};
use crate::object::{Header, Payload};
use crate::ops;
use crate::types::int::as_int;
use crate::types::list::{new_list, ListObj};
use crate::types::tuple::TupleObj;
use crate::types::typeobj::isinstance_ptr;
use crate::types::{tt, type_name};
use crate::value::Value;
use crate::vm::Vm;

pub static METHODS: MethodTable = &[
    ("append", list_append),
    ("extend", list_extend),
    ("insert", list_insert),
    ("pop", list_pop),
    ("remove", list_remove),
    ("index", list_index),
    ("count", list_count),
    ("sort", list_sort),
    ("reverse", list_reverse),
    ("copy", list_copy),
    ("clear", list_clear),
];

pub static TUPLE_METHODS: MethodTable = &[("index", tuple_index), ("count", tuple_count)];

// ---- shared helpers ----

/// The receiver `args[0]` of a method of builtin type `ty` (named `tyname`), with CPython's
/// errors for unbound calls such as `list.append()` or `list.append(1, 2)`.
pub(super) fn recv<'a, T: Payload>(
    args: &'a [Value],
    kwnames: &[Value],
    meth: &str,
    tyname: &str,
    ty: *const Header,
) -> PyResult<&'a T> {
    if args.len() <= kwnames.len() {
        return Err(error::type_error(format!(
            "unbound method {tyname}.{meth}() needs an argument"
        )));
    }
    let v = &args[0];
    match v.downcast::<T>() {
        Some(x) if isinstance_ptr(v, ty) => Ok(x),
        _ => Err(error::type_error(format!(
            "descriptor '{meth}' for '{tyname}' objects doesn't apply to a '{}' object",
            type_name(v)
        ))),
    }
}

/// The arguments after the receiver.
pub(super) fn rest<'a>(fname: &'static str, args: &'a [Value], kwnames: &'a [Value]) -> Args<'a> {
    Args::new(fname, &args[1..], kwnames)
}

/// `qualname() takes no keyword arguments` (positional-only Argument Clinic functions).
pub(super) fn no_kw(kwnames: &[Value], qualname: &str) -> PyResult<()> {
    if kwnames.is_empty() {
        Ok(())
    } else {
        Err(error::type_error(format!(
            "{qualname}() takes no keyword arguments"
        )))
    }
}

/// A start/stop argument of `index()`: an int, clamped like a slice index (not None).
fn slice_index(v: &Value) -> PyResult<i64> {
    match as_int(v) {
        Some(i) => Ok(i
            .to_i64()
            .unwrap_or(if i.is_negative() { i64::MIN } else { i64::MAX })),
        None => Err(error::type_error(
            "slice indices must be integers or have an __index__ method",
        )),
    }
}

/// Normalizes `index(x, start, stop)` bounds against `len`.
fn index_bounds(a: &Args, len: usize) -> PyResult<(usize, usize)> {
    let n = len as i64;
    let norm = |i: i64| -> usize {
        if i < 0 {
            (i.saturating_add(n)).max(0) as usize
        } else {
            i as usize
        }
    };
    let start = match a.get(1) {
        Some(v) => norm(slice_index(v)?),
        None => 0,
    };
    let stop = match a.get(2) {
        Some(v) => norm(slice_index(v)?),
        None => usize::MAX,
    };
    Ok((start, stop))
}

/// Position of the first item equal to `x` in `[start, stop)`; the length is re-read on every
/// step because `__eq__` may mutate a list.
fn find(
    vm: &mut Vm,
    get: &dyn Fn(usize) -> Option<Value>,
    x: &Value,
    start: usize,
    stop: usize,
) -> PyResult<Option<usize>> {
    let mut i = start;
    while i < stop {
        let Some(item) = get(i) else { break };
        if ops::eq(vm, &item, x)? {
            return Ok(Some(i));
        }
        i += 1;
    }
    Ok(None)
}

fn count_eq(vm: &mut Vm, get: &dyn Fn(usize) -> Option<Value>, x: &Value) -> PyResult<usize> {
    let mut n = 0;
    let mut i = 0;
    while let Some(item) = get(i) {
        if ops::eq(vm, &item, x)? {
            n += 1;
        }
        i += 1;
    }
    Ok(n)
}

// ---- list ----

fn list<'a>(args: &'a [Value], kwnames: &[Value], meth: &str) -> PyResult<&'a ListObj> {
    recv::<ListObj>(args, kwnames, meth, "list", tt().list)
}

fn list_getter(l: &ListObj) -> impl Fn(usize) -> Option<Value> + '_ {
    move |i| l.items.borrow().get(i).cloned()
}

fn list_append(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let l = list(args, kwnames, "append")?;
    let a = rest("list.append", args, kwnames);
    a.check(1, 1, &[])?;
    l.push(a.pos[0].clone())?;
    Ok(Value::NONE)
}

fn list_extend(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let l = list(args, kwnames, "extend")?;
    let a = rest("list.extend", args, kwnames);
    a.check(1, 1, &[])?;
    let items = ops::collect(vm, &a.pos[0])?;
    l.items.borrow_mut().extend(items);
    Ok(Value::NONE)
}

fn list_insert(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let l = list(args, kwnames, "insert")?;
    no_kw(kwnames, "list.insert")?;
    let a = rest("insert", args, kwnames);
    a.check(2, 2, &[])?;
    let i = to_i64(&a.pos[0], "")?;
    let mut items = l.items.borrow_mut();
    let n = items.len() as i64;
    let at = if i < 0 { (i + n).max(0) } else { i.min(n) };
    items.insert(at as usize, a.pos[1].clone());
    Ok(Value::NONE)
}

fn list_pop(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let l = list(args, kwnames, "pop")?;
    no_kw(kwnames, "list.pop")?;
    let a = rest("pop", args, kwnames);
    a.check(0, 1, &[])?;
    let i = match a.get(0) {
        Some(v) => to_i64(v, "")?,
        None => -1,
    };
    let removed = {
        let mut items = l.items.borrow_mut();
        let n = items.len() as i64;
        if n == 0 {
            return Err(error::index_error("pop from empty list"));
        }
        let at = if i < 0 { i + n } else { i };
        if at < 0 || at >= n {
            return Err(error::index_error("pop index out of range"));
        }
        items.remove(at as usize)
    };
    Ok(removed)
}

fn list_remove(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let l = list(args, kwnames, "remove")?;
    let a = rest("list.remove", args, kwnames);
    a.check(1, 1, &[])?;
    let x = &a.pos[0];
    let mut i = 0;
    loop {
        let Some(item) = list_getter(l)(i) else { break };
        if ops::eq(vm, &item, x)? {
            let removed = {
                let mut items = l.items.borrow_mut();
                (i < items.len()).then(|| items.remove(i))
            };
            drop(removed);
            return Ok(Value::NONE);
        }
        i += 1;
    }
    Err(error::value_error("list.remove(x): x not in list"))
}

fn list_index(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let l = list(args, kwnames, "index")?;
    no_kw(kwnames, "list.index")?;
    let a = rest("index", args, kwnames);
    a.check(1, 3, &[])?;
    let len = l.items.borrow().len();
    let (start, stop) = index_bounds(&a, len)?;
    match find(vm, &list_getter(l), &a.pos[0], start, stop)? {
        Some(i) => Ok(Value::int(i as i64)),
        None => {
            let r = ops::repr::repr_string(vm, &a.pos[0])?;
            Err(error::value_error(format!("{r} is not in list")))
        }
    }
}

fn list_count(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let l = list(args, kwnames, "count")?;
    let a = rest("list.count", args, kwnames);
    a.check(1, 1, &[])?;
    Ok(Value::int(count_eq(vm, &list_getter(l), &a.pos[0])? as i64))
}

fn list_sort(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let l = list(args, kwnames, "sort")?;
    let a = rest("sort", args, kwnames);
    if !a.is_empty() {
        return Err(error::type_error("sort() takes no positional arguments"));
    }
    for k in a.kwnames {
        let k = crate::types::str::as_str(k).unwrap_or("");
        if k != "key" && k != "reverse" {
            return Err(error::type_error(format!(
                "'{k}' is an invalid keyword argument for sort()"
            )));
        }
    }
    let key = a.kw("key").filter(|k| !k.is_none()).cloned();
    let reverse = match a.kw("reverse") {
        Some(r) => match as_int(r) {
            Some(i) => !i.is_zero(),
            None => {
                return Err(error::type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    type_name(r)
                )));
            }
        },
        None => false,
    };
    // As in CPython, the list is empty while being sorted; changes made meanwhile are an error.
    let mut items = std::mem::take(&mut *l.items.borrow_mut());
    let r = super::functions::sort_values(vm, &mut items, key.as_ref(), reverse);
    let meddled = std::mem::replace(&mut *l.items.borrow_mut(), items);
    r?;
    if !meddled.is_empty() {
        drop(meddled);
        return Err(error::value_error("list modified during sort"));
    }
    Ok(Value::NONE)
}

fn list_reverse(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let l = list(args, kwnames, "reverse")?;
    rest("list.reverse", args, kwnames).check(0, 0, &[])?;
    l.items.borrow_mut().reverse();
    Ok(Value::NONE)
}

fn list_copy(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let l = list(args, kwnames, "copy")?;
    rest("list.copy", args, kwnames).check(0, 0, &[])?;
    let items = l.items.borrow().clone();
    Ok(new_list(items))
}

fn list_clear(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let l = list(args, kwnames, "clear")?;
    rest("list.clear", args, kwnames).check(0, 0, &[])?;
    let old = std::mem::take(&mut *l.items.borrow_mut());
    drop(old);
    Ok(Value::NONE)
}

// ---- tuple ----

fn tuple<'a>(args: &'a [Value], kwnames: &[Value], meth: &str) -> PyResult<&'a TupleObj> {
    recv::<TupleObj>(args, kwnames, meth, "tuple", tt().tuple)
}

fn tuple_index(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let t = tuple(args, kwnames, "index")?;
    no_kw(kwnames, "tuple.index")?;
    let a = rest("index", args, kwnames);
    a.check(1, 3, &[])?;
    let (start, stop) = index_bounds(&a, t.items().len())?;
    let get = |i: usize| t.items().get(i).cloned();
    match find(vm, &get, &a.pos[0], start, stop)? {
        Some(i) => Ok(Value::int(i as i64)),
        None => Err(error::value_error("tuple.index(x): x not in tuple")),
    }
}

fn tuple_count(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let t = tuple(args, kwnames, "count")?;
    let a = rest("tuple.count", args, kwnames);
    a.check(1, 1, &[])?;
    let get = |i: usize| t.items().get(i).cloned();
    Ok(Value::int(count_eq(vm, &get, &a.pos[0])? as i64))
}
