//! `object.__reduce_ex__`, `__reduce__` and `__getstate__`: how `copy` and `pickle` take
//! an instance apart (CPython's `reduce_newobj` and `object_getstate`).

use crate::error::{self, PyResult};
use crate::ops;
use crate::types::dict::DictObj;
use crate::types::list::ListObj;
use crate::types::str::{as_str, intern};
use crate::types::tuple::{as_tuple, new_tuple};
use crate::types::typeobj::{lookup_str, type_ptr};
use crate::types::{tt, type_of};
use crate::value::Value;
use crate::vm::Vm;

fn copyreg(vm: &mut Vm, name: &str) -> PyResult<Value> {
    let m = crate::import::gcd_import(vm, "copyreg")?;
    ops::getattr(vm, &m, &intern(name))
}

/// Whether `type(obj).name` is the one `find` supplies for `object` (not overridden).
fn is_default(obj: &Value, name: &'static str) -> bool {
    lookup_str(type_ptr(obj), name).is_none()
}

pub fn object_reduce_ex(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let obj = args
        .first()
        .ok_or_else(|| error::type_error("__reduce_ex__ needs an argument"))?;
    let proto = args.get(1).and_then(|p| p.as_small_int()).unwrap_or(0);
    if !is_default(obj, "__reduce__") {
        let r = ops::getattr(vm, obj, &intern("__reduce__"))?;
        return vm.call0(&r);
    }
    common_reduce(vm, obj, proto)
}

pub fn object_reduce(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let obj = args
        .first()
        .ok_or_else(|| error::type_error("__reduce__ needs an argument"))?;
    common_reduce(vm, obj, 0)
}

fn common_reduce(vm: &mut Vm, obj: &Value, proto: i64) -> PyResult<Value> {
    // set and frozenset have their own `__reduce__`: (type, (list of items,), __dict__).
    if let Some(s) = obj.downcast::<crate::types::set::SetObj>() {
        let items = crate::types::list::new_list(s.items());
        let state = crate::object::side_dict(obj, false).unwrap_or(Value::NONE);
        return Ok(new_tuple(vec![type_of(obj), new_tuple(vec![items]), state]));
    }
    if proto >= 2 {
        return reduce_newobj(vm, obj);
    }
    let f = copyreg(vm, "_reduce_ex")?;
    vm.call(&f, &[obj.clone(), Value::int(proto)], &[])
}

fn optional_call(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Option<Value>> {
    match ops::getattr(vm, obj, &intern(name)) {
        Ok(f) => Ok(Some(vm.call0(&f)?)),
        Err(e) if e.is_instance(tt().attribute_error) => Ok(None),
        Err(e) => Err(e),
    }
}

fn reduce_newobj(vm: &mut Vm, obj: &Value) -> PyResult<Value> {
    let cls = type_of(obj);
    let (args, kwargs) = if let Some(r) = optional_call(vm, obj, "__getnewargs_ex__")? {
        let t = as_tuple(&r).filter(|t| t.len() == 2).ok_or_else(|| {
            error::type_error("__getnewargs_ex__ should return a tuple of length 2")
        })?;
        (t[0].clone(), t[1].clone())
    } else if let Some(r) = optional_call(vm, obj, "__getnewargs__")? {
        if as_tuple(&r).is_none() {
            return Err(error::type_error(format!(
                "__getnewargs__ should return a tuple, not '{}'",
                crate::types::type_name(&r)
            )));
        }
        (r, Value::NONE)
    } else {
        // CPython's object_getstate(required=1): an instance whose C layout is larger
        // than object's (a builtin payload other than list or dict) cannot be rebuilt
        // from its __dict__ alone.
        if !has_plain_layout(obj) && is_default(obj, "__getstate__") {
            return Err(error::type_error(format!(
                "cannot pickle '{}' object",
                crate::types::type_name(obj)
            )));
        }
        (new_tuple(vec![]), Value::NONE)
    };
    let has_kwargs = kwargs.downcast::<DictObj>().is_some_and(|d| !d.is_empty());
    let (newobj, newargs) = if has_kwargs {
        (
            copyreg(vm, "__newobj_ex__")?,
            new_tuple(vec![cls.clone(), args.clone(), kwargs]),
        )
    } else {
        let mut items = vec![cls.clone()];
        items.extend(as_tuple(&args).unwrap_or(&[]).iter().cloned());
        (copyreg(vm, "__newobj__")?, new_tuple(items))
    };
    let state = match ops::getattr(vm, obj, &intern("__getstate__")) {
        Ok(g) => vm.call0(&g)?,
        Err(e) if e.is_instance(tt().attribute_error) => getstate(vm, obj)?,
        Err(e) => return Err(e),
    };
    let listitems = if obj.downcast::<ListObj>().is_some() {
        ops::iter(vm, obj)?
    } else {
        Value::NONE
    };
    let dictitems = if obj.downcast::<DictObj>().is_some() {
        let items = ops::getattr(vm, obj, &intern("items"))?;
        let it = vm.call0(&items)?;
        ops::iter(vm, &it)?
    } else {
        Value::NONE
    };
    Ok(new_tuple(vec![
        newobj, newargs, state, listitems, dictitems,
    ]))
}

/// Whether `obj` is laid out as a plain object (an instance of a Python class), a list or
/// a dict: everything else carries a builtin payload its `__dict__` does not describe.
fn has_plain_layout(obj: &Value) -> bool {
    obj.downcast::<crate::types::instance::InstanceObj>()
        .is_some()
        || obj.downcast::<ListObj>().is_some()
        || obj.downcast::<DictObj>().is_some()
}

pub fn object_getstate(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let obj = args
        .first()
        .ok_or_else(|| error::type_error("__getstate__ needs an argument"))?;
    getstate(vm, obj)
}

/// The instance dict (None when empty), with `__slots__` values as `(dict, slots)`.
fn getstate(vm: &mut Vm, obj: &Value) -> PyResult<Value> {
    let dict = match ops::getattr(vm, obj, &intern("__dict__")) {
        Ok(d) if d.downcast::<DictObj>().is_some_and(|x| !x.is_empty()) => {
            let copy = DictObj::new_value();
            for (k, v) in d.downcast::<DictObj>().unwrap().items() {
                DictObj::set_str(&copy, k, v);
            }
            copy
        }
        Ok(_) => Value::NONE,
        Err(e) if e.is_instance(tt().attribute_error) => Value::NONE,
        Err(e) => return Err(e),
    };
    let slotnames = copyreg(vm, "_slotnames")?;
    let names = vm.call1(&slotnames, type_of(obj))?;
    let names = ops::collect(vm, &names)?;
    if names.is_empty() {
        return Ok(dict);
    }
    let slots = DictObj::new_value();
    for n in names {
        if as_str(&n).is_none() {
            continue;
        }
        match ops::getattr(vm, obj, &n) {
            Ok(v) => DictObj::set_str(&slots, n, v),
            Err(e) if e.is_instance(tt().attribute_error) => {}
            Err(e) => return Err(e),
        }
    }
    if slots.downcast::<DictObj>().unwrap().is_empty() {
        return Ok(dict);
    }
    Ok(new_tuple(vec![dict, slots]))
}
