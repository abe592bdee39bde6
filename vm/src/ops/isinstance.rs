//! `isinstance` and `issubclass` as CPython's `PyObject_IsInstance`/`IsSubclass`: a
//! metaclass `__instancecheck__`/`__subclasscheck__` (ABCs, unions) decides when there is
//! one; otherwise the MRO, then an instance's `__class__` if it differs from its type.

use crate::error::{self, PyResult};
use crate::ops;
use crate::types::str::intern;
use crate::types::tt;
use crate::types::tuple::as_tuple;
use crate::types::typeobj::{is_subtype, isinstance_ptr, lookup_str, type_ptr, TypeData};
use crate::value::Value;
use crate::vm::Vm;

/// The `__instancecheck__`/`__subclasscheck__` of `cls`'s metaclass, unless it is
/// `type`'s own default.
fn checker(cls: &Value, name: &'static str) -> Option<crate::value::Value> {
    let meta = type_ptr(cls);
    if meta == tt().type_ {
        return None;
    }
    lookup_str(meta, name)
}

pub fn isinstance(vm: &mut Vm, inst: &Value, cls: &Value) -> PyResult<bool> {
    if cls.downcast::<TypeData>().is_some() && type_ptr(inst) == cls.ptr() {
        return Ok(true);
    }
    if let Some(t) = as_tuple(cls) {
        let _level = ops::depth::enter(vm, " in __instancecheck__")?;
        for c in t.to_vec() {
            if isinstance(vm, inst, &c)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if let Some(m) = checker(cls, "__instancecheck__") {
        let r = ops::dunder::call_method(vm, &m, cls, &[inst.clone()])?;
        return ops::truthy(vm, &r);
    }
    if cls.downcast::<TypeData>().is_none() {
        return Err(error::type_error(
            "isinstance() arg 2 must be a type, a tuple of types, or a union",
        ));
    }
    if isinstance_ptr(inst, cls.ptr()) {
        return Ok(true);
    }
    // An object may claim another class (proxies, mocks).
    match ops::getattr(vm, inst, &intern("__class__")) {
        Ok(c) if c.downcast::<TypeData>().is_some() && c.ptr() != type_ptr(inst) => {
            Ok(is_subtype(c.ptr(), cls.ptr()))
        }
        Ok(_) => Ok(false),
        Err(e) if e.is_instance(tt().attribute_error) => Ok(false),
        Err(e) => Err(e),
    }
}

pub fn issubclass(vm: &mut Vm, sub: &Value, cls: &Value) -> PyResult<bool> {
    if let Some(t) = as_tuple(cls) {
        let _level = ops::depth::enter(vm, " in __subclasscheck__")?;
        for c in t.to_vec() {
            if issubclass(vm, sub, &c)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if let Some(m) = checker(cls, "__subclasscheck__") {
        let r = ops::dunder::call_method(vm, &m, cls, &[sub.clone()])?;
        return ops::truthy(vm, &r);
    }
    if sub.downcast::<TypeData>().is_none() {
        return Err(error::type_error("issubclass() arg 1 must be a class"));
    }
    if cls.downcast::<TypeData>().is_none() {
        return Err(error::type_error(
            "issubclass() arg 2 must be a class, a tuple of classes, or a union",
        ));
    }
    Ok(is_subtype(sub.ptr(), cls.ptr()))
}
