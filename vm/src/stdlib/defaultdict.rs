//! `_collections.defaultdict`: a dict subclass whose `__missing__` calls
//! `default_factory`. Its methods are native functions in the class dict; the class is
//! made once per thread (a dict subclass, as CPython's C type is).

use crate::builtins::args::Args;
use crate::error::{self, PyResult};
use crate::ops;
use crate::types::dict::DictObj;
use crate::types::func::{new_native, NativeFn};
use crate::types::str::{intern, new_str};
use crate::types::tt;
use crate::types::tuple::new_tuple;
use crate::value::Value;
use crate::vm::Vm;
use std::cell::RefCell;

thread_local! {
    static TYPE: RefCell<Option<Value>> = const { RefCell::new(None) };
}

const METHODS: &[(&str, NativeFn)] = &[
    ("__init__", dd_init),
    ("__missing__", dd_missing),
    ("__repr__", dd_repr),
    ("copy", dd_copy),
    ("__copy__", dd_copy),
    ("__reduce__", dd_reduce),
    ("__or__", dd_or),
    ("__ror__", dd_ror),
];

pub fn defaultdict_type(vm: &mut Vm) -> Value {
    if let Some(t) = TYPE.with(|t| t.borrow().clone()) {
        return t;
    }
    let ns = DictObj::new_value();
    DictObj::set_str(&ns, intern("__module__"), new_str("collections"));
    DictObj::set_str(&ns, intern("__qualname__"), new_str("defaultdict"));
    for (name, f) in METHODS {
        DictObj::set_str(&ns, intern(name), new_native(name, *f));
    }
    DictObj::set_str(
        &ns,
        intern("__class_getitem__"),
        crate::pytypes::class_getitem_method(),
    );
    let dict_ty = unsafe { Value::from_header(tt().dict) };
    let type_ty = unsafe { Value::from_header(tt().type_) };
    let cls = vm
        .call(
            &type_ty,
            &[new_str("defaultdict"), new_tuple(vec![dict_ty]), ns],
            &[],
        )
        .expect("defaultdict type");
    TYPE.with(|t| *t.borrow_mut() = Some(cls.clone()));
    cls
}

fn factory(vm: &mut Vm, d: &Value) -> PyResult<Value> {
    match ops::getattr(vm, d, &intern("default_factory")) {
        Ok(f) => Ok(f),
        Err(e) if e.is_instance(tt().attribute_error) => Ok(Value::NONE),
        Err(e) => Err(e),
    }
}

fn dd_init(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let this = &args[0];
    let a = Args::new("defaultdict", &args[1..], kw);
    let f = a.get(0).cloned().unwrap_or(Value::NONE);
    if !f.is_none() && !ops::callable(&f) {
        return Err(error::type_error("first argument must be callable or None"));
    }
    ops::setattr(vm, this, &intern("default_factory"), f)?;
    let rest = if a.is_empty() {
        &args[1..1]
    } else {
        &args[2..]
    };
    let update = ops::getattr(
        vm,
        &unsafe { Value::from_header(tt().dict) },
        &intern("update"),
    )?;
    let mut full = vec![this.clone()];
    full.extend_from_slice(rest);
    vm.call(&update, &full, kw)?;
    Ok(Value::NONE)
}

fn dd_missing(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (this, key) = (&args[0], &args[1]);
    let f = factory(vm, this)?;
    if f.is_none() {
        return Err(error::key_error(key.clone()));
    }
    let v = vm.call0(&f)?;
    this.downcast::<DictObj>()
        .unwrap()
        .set(vm, key.clone(), v.clone())?;
    Ok(v)
}

fn plain_copy(vm: &mut Vm, d: &Value) -> PyResult<Value> {
    let copy = DictObj::new_value();
    for (k, v) in d.downcast::<DictObj>().unwrap().items() {
        copy.downcast::<DictObj>().unwrap().set(vm, k, v)?;
    }
    Ok(copy)
}

fn dd_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let this = &args[0];
    let f = factory(vm, this)?;
    let fr = if f.is_none() {
        "None".to_string()
    } else {
        ops::repr::repr_string(vm, &f)?
    };
    let copy = plain_copy(vm, this)?;
    let name = crate::types::typeobj::type_data_ptr(crate::types::type_ptr(this))
        .name
        .clone();
    Ok(new_str(format!(
        "{name}({fr}, {})",
        ops::repr::repr_string(vm, &copy)?
    )))
}

fn dd_copy(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let this = &args[0];
    let f = factory(vm, this)?;
    vm.call(&crate::types::type_of(this), &[f, this.clone()], &[])
}

fn dd_reduce(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let this = &args[0];
    let f = factory(vm, this)?;
    let items = ops::getattr(vm, this, &intern("items"))?;
    let it = vm.call0(&items)?;
    let it = ops::iter(vm, &it)?;
    Ok(new_tuple(vec![
        crate::types::type_of(this),
        new_tuple(vec![f]),
        Value::NONE,
        Value::NONE,
        it,
    ]))
}

fn dd_or(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let other = &args[1];
    if other.downcast::<DictObj>().is_none() {
        return Ok(tt().not_implemented.clone());
    }
    let new = dd_copy(vm, &args[..1], &[])?;
    crate::builtins::dict_merge(vm, &new, other, false)?;
    Ok(new)
}

fn dd_ror(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (this, other) = (&args[0], &args[1]);
    if other.downcast::<DictObj>().is_none() {
        return Ok(tt().not_implemented.clone());
    }
    let f = factory(vm, this)?;
    let new = vm.call(&crate::types::type_of(this), &[f, other.clone()], &[])?;
    crate::builtins::dict_merge(vm, &new, this, false)?;
    Ok(new)
}
