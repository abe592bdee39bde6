//! `dict` methods and dict views.

use super::methods_list::{no_kw, recv, rest};
use super::MethodTable;
use crate::error::{self, PyResult};
use crate::ops;
use crate::types::dict::DictObj;
use crate::types::iter::{new_iter, DictPart, IterObj, IterState};
use crate::types::set::SetObj;
use crate::types::str::new_str;
use crate::types::tuple::new_tuple;

use crate::types::{tt, type_name};
use crate::value::Value;
use crate::vm::Vm;

pub static METHODS: MethodTable = &[
    ("get", dict_get),
    ("keys", dict_keys),
    ("values", dict_values),
    ("items", dict_items),
    ("pop", dict_pop),
    ("popitem", dict_popitem),
    ("setdefault", dict_setdefault),
    ("update", dict_update),
    ("copy", dict_copy),
    ("clear", dict_clear),
    ("fromkeys", dict_fromkeys),
];

pub static VIEW_METHODS: MethodTable = &[("isdisjoint", view_isdisjoint)];

fn dict<'a>(args: &'a [Value], kwnames: &[Value], meth: &str) -> PyResult<&'a DictObj> {
    recv::<DictObj>(args, kwnames, meth, "dict", tt().dict)
}

fn dict_get(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let d = dict(args, kwnames, "get")?;
    no_kw(kwnames, "dict.get")?;
    let a = rest("get", args, kwnames);
    a.check(1, 2, &[])?;
    Ok(match d.get(vm, &a.pos[0])? {
        Some(v) => v,
        None => a.get(1).cloned().unwrap_or(Value::NONE),
    })
}

fn view(
    args: &[Value],
    kwnames: &[Value],
    meth: &'static str,
    qual: &'static str,
    what: DictPart,
) -> PyResult<Value> {
    dict(args, kwnames, meth)?;
    rest(qual, args, kwnames).check(0, 0, &[])?;
    let t = tt();
    let ty = match what {
        DictPart::Keys => t.dict_keys,
        DictPart::Values => t.dict_values,
        DictPart::Items => t.dict_items,
    };
    Ok(new_iter(
        IterState::DictView {
            dict: args[0].clone(),
            what,
        },
        ty,
    ))
}

fn dict_keys(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    view(args, kwnames, "keys", "dict.keys", DictPart::Keys)
}

fn dict_values(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    view(args, kwnames, "values", "dict.values", DictPart::Values)
}

fn dict_items(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    view(args, kwnames, "items", "dict.items", DictPart::Items)
}

fn dict_pop(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let d = dict(args, kwnames, "pop")?;
    no_kw(kwnames, "dict.pop")?;
    let a = rest("pop", args, kwnames);
    a.check(1, 2, &[])?;
    let key = &a.pos[0];
    // An empty dict never hashes the key (as in CPython: `{}.pop([], 1)` is fine).
    let found = if d.is_empty() {
        None
    } else {
        d.remove(vm, key)?
    };
    match found {
        Some(v) => Ok(v),
        None => match a.get(1) {
            Some(default) => Ok(default.clone()),
            None => Err(error::key_error(key.clone())),
        },
    }
}

fn dict_popitem(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let d = dict(args, kwnames, "popitem")?;
    rest("dict.popitem", args, kwnames).check(0, 0, &[])?;
    match d.pop_last() {
        Some((k, v)) => Ok(new_tuple(vec![k, v])),
        None => Err(error::key_error(new_str("popitem(): dictionary is empty"))),
    }
}

fn dict_setdefault(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let d = dict(args, kwnames, "setdefault")?;
    no_kw(kwnames, "dict.setdefault")?;
    let a = rest("setdefault", args, kwnames);
    a.check(1, 2, &[])?;
    let key = &a.pos[0];
    let h = ops::hash(vm, key)?;
    if let Some(v) = d.get_hashed(vm, key, h)? {
        return Ok(v);
    }
    let default = a.get(1).cloned().unwrap_or(Value::NONE);
    d.set_hashed(vm, key.clone(), h, default.clone())?;
    Ok(default)
}

fn dict_update(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    dict(args, kwnames, "update")?;
    let a = rest("update", args, kwnames);
    if a.len() > 1 {
        return Err(error::type_error(format!(
            "update expected at most 1 argument, got {}",
            a.len()
        )));
    }
    let this = &args[0];
    if let Some(src) = a.get(0) {
        super::constructors::dict_update_from(vm, this, src)?;
    }
    let d = this.downcast::<DictObj>().unwrap();
    for (k, v) in a.kwnames.iter().zip(a.kwvals) {
        d.set(vm, k.clone(), v.clone())?;
    }
    Ok(Value::NONE)
}

fn dict_copy(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let d = dict(args, kwnames, "copy")?;
    rest("dict.copy", args, kwnames).check(0, 0, &[])?;
    let t = d.table.borrow().clone();
    Ok(DictObj::from_table(t))
}

fn dict_clear(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let d = dict(args, kwnames, "clear")?;
    rest("dict.clear", args, kwnames).check(0, 0, &[])?;
    d.clear();
    Ok(Value::NONE)
}

/// `dict.fromkeys(iterable, value=None)`, a classmethod.
fn dict_fromkeys(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_kw(kwnames, "dict.fromkeys")?;
    // A classmethod: the class comes first.
    let pos = &args[1..];
    if pos.is_empty() {
        return Err(error::type_error(
            "fromkeys expected at least 1 argument, got 0",
        ));
    }
    if pos.len() > 2 {
        return Err(error::type_error(format!(
            "fromkeys expected at most 2 arguments, got {}",
            pos.len()
        )));
    }
    let value = pos.get(1).cloned().unwrap_or(Value::NONE);
    let out = DictObj::new_value();
    let d = out.downcast::<DictObj>().unwrap();
    let it = ops::iter(vm, &pos[0])?;
    while let Some(k) = ops::next(vm, &it)? {
        d.set(vm, k, value.clone())?;
    }
    Ok(out)
}

// ---- views ----

fn view_of(v: &Value) -> Option<(Value, DictPart)> {
    let io = v.downcast::<IterObj>()?;
    match &*io.state.borrow() {
        IterState::DictView { dict, what } => Some((dict.clone(), *what)),
        _ => None,
    }
}

/// `keys().isdisjoint(other)` (also on values/items views, as CPython only defines it on
/// keys and items; values views do not have it).
fn view_isdisjoint(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let this = match args.first() {
        Some(v) if args.len() > kwnames.len() => v,
        _ => {
            return Err(error::type_error(
                "unbound method dict_keys.isdisjoint() needs an argument",
            ))
        }
    };
    let Some((d, what)) = view_of(this) else {
        return Err(error::type_error(format!(
            "descriptor 'isdisjoint' for 'dict_keys' objects doesn't apply to a '{}' object",
            type_name(this)
        )));
    };
    if what == DictPart::Values {
        return Err(error::attribute_error(
            "'dict_values' object has no attribute 'isdisjoint'",
        ));
    }
    let qual = if what == DictPart::Keys {
        "dict_keys.isdisjoint"
    } else {
        "dict_items.isdisjoint"
    };
    let a = rest(qual, args, kwnames);
    a.check(1, 1, &[])?;
    let other = &a.pos[0];
    if other.is(this) {
        return Ok(Value::bool(d.downcast::<DictObj>().unwrap().is_empty()));
    }
    let self_len = d.downcast::<DictObj>().unwrap().len();
    // Iterate over the smaller side when the other side supports fast containment.
    let other_len = if let Some(s) = other.downcast::<SetObj>() {
        Some(s.len())
    } else if let Some((od, _)) = view_of(other) {
        Some(od.downcast::<DictObj>().unwrap().len())
    } else {
        None
    };
    let (iterate, probe) = match other_len {
        Some(n) if n > self_len => (this, other),
        _ => (other, this),
    };
    let it = ops::iter(vm, iterate)?;
    while let Some(x) = ops::next(vm, &it)? {
        if ops::contains(vm, probe, &x)? {
            return Ok(Value::FALSE);
        }
    }
    Ok(Value::TRUE)
}
