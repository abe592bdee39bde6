//! `property`, `classmethod`, `staticmethod` and `super`: constructors and methods.

use super::args::Args;
use super::MethodTable;
use crate::error::{self, PyResult};
use crate::types::descr::{new_classmethod, new_property, new_staticmethod, PropertyObj, SuperObj};
use crate::types::typeobj::{is_subtype, isinstance_ptr, TypeData};
use crate::types::{tt, type_name, type_of};
use crate::value::Value;
use crate::vm::Vm;

pub fn property_new(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("property", args, kw);
    a.check(0, 4, &["fget", "fset", "fdel", "doc"])?;
    let get = |i: usize, n: &str| a.arg(i, n).cloned().unwrap_or(Value::NONE);
    Ok(new_property(
        get(0, "fget"),
        get(1, "fset"),
        get(2, "fdel"),
        get(3, "doc"),
    ))
}

pub fn classmethod_new(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("classmethod", args, kw);
    a.check(1, 1, &[])?;
    Ok(new_classmethod(a.pos[0].clone()))
}

pub fn staticmethod_new(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("staticmethod", args, kw);
    a.check(1, 1, &[])?;
    Ok(new_staticmethod(a.pos[0].clone()))
}

/// `super(type, obj)` (the compiler supplies both for the zero-argument form).
pub fn super_new(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("super", args, kw);
    a.check(0, 2, &[])?;
    if a.is_empty() {
        return Err(error::runtime_error("super(): no arguments"));
    }
    let this = &a.pos[0];
    if this.downcast::<TypeData>().is_none() {
        return Err(error::type_error(format!(
            "super() argument 1 must be a type, not {}",
            type_name(this)
        )));
    }
    let Some(obj) = a.get(1) else {
        return Err(error::not_implemented_error(
            "unbound super objects (super(type)) are not supported yet by pyrun",
        ));
    };
    let obj_type = if obj.downcast::<TypeData>().is_some() && is_subtype(obj.ptr(), this.ptr()) {
        obj.clone()
    } else if isinstance_ptr(obj, this.ptr()) {
        type_of(obj)
    } else {
        return Err(error::type_error(
            "super(type, obj): obj must be an instance or subtype of type",
        ));
    };
    Ok(crate::object::alloc_obj(
        SuperObj {
            this: this.clone(),
            obj: obj.clone(),
            obj_type,
        },
        tt().super_,
    ))
}

fn prop<'a>(a: &Args<'a>) -> PyResult<&'a PropertyObj> {
    a.get(0)
        .and_then(|p| p.downcast::<PropertyObj>())
        .ok_or_else(|| error::type_error("descriptor requires a 'property' object"))
}

fn prop_with(args: &[Value], kw: &[Value], which: usize) -> PyResult<Value> {
    let a = Args::new("property", args, kw);
    a.check(2, 2, &[])?;
    let p = prop(&a)?;
    let f = a.pos[1].clone();
    let mut parts = [p.fget.clone(), p.fset.clone(), p.fdel.clone()];
    parts[which] = f;
    let [g, s, d] = parts;
    Ok(new_property(g, s, d, p.doc.clone()))
}

fn prop_getter(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    prop_with(args, kw, 0)
}
fn prop_setter(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    prop_with(args, kw, 1)
}
fn prop_deleter(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    prop_with(args, kw, 2)
}

pub const PROPERTY_METHODS: MethodTable = &[
    ("getter", prop_getter),
    ("setter", prop_setter),
    ("deleter", prop_deleter),
];
