//! Attribute access: `getattr`, method loading without bound-method allocation, `setattr`.

use crate::error::{self, PyResult};
use crate::object::Header;
use crate::ops::dunder;
use crate::types::descr::{is_classmethod, FuncWrapObj, PropertyObj, SuperObj};
use crate::types::dict::DictObj;
use crate::types::exc::ExcObj;
use crate::types::func::new_bound_method;
use crate::types::func::{FunctionObj, NativeObj};
use crate::types::instance::{interned, InstanceObj};
use crate::types::module::ModuleObj;
use crate::types::str::{as_str, intern};
use crate::types::typeobj::{self, type_data, type_data_ptr, TypeData};
use crate::types::{tt, type_name, type_of, type_ptr};
use crate::value::Value;
use crate::vm::Vm;

fn no_attr(v: &Value, name: &Value) -> crate::error::PyErr {
    let e = no_attr_message(v, name);
    error::set_attrs(&e, &[("name", name.clone()), ("obj", v.clone())]);
    e
}

fn no_attr_message(v: &Value, name: &Value) -> crate::error::PyErr {
    let n = as_str(name).unwrap_or("?");
    if let Some(m) = v.downcast::<ModuleObj>() {
        return error::attribute_error(format!(
            "module '{}' has no attribute '{}'",
            as_str(&m.name).unwrap_or("?"),
            n
        ));
    }
    if let Some(t) = v.downcast::<TypeData>() {
        return error::attribute_error(format!(
            "type object '{}' has no attribute '{}'",
            t.name, n
        ));
    }
    error::attribute_error(format!(
        "'{}' object has no attribute '{}'",
        type_name(v),
        n
    ))
}

/// Binds a native method found on a type to a receiver.
fn bind_native(f: &Value, obj: &Value) -> Value {
    let n = f.downcast::<NativeObj>().unwrap();
    crate::object::alloc_obj(
        NativeObj {
            name: n.name,
            f: n.f,
            self_: obj.clone(),
            owner: n.owner.clone(),
            plain: false,
        },
        tt().builtin_function,
    )
}

/// A classmethod's function bound to the class (a native binds as a bound native, so its
/// receiver check does not apply to the class).
fn bind_class(f: &Value, cls: Value) -> Value {
    if f.downcast::<NativeObj>()
        .is_some_and(|n| n.self_.is_undef())
    {
        return bind_native(f, &cls);
    }
    new_bound_method(f.clone(), cls)
}

/// Attributes served by a builtin payload (function, code, exception, generator, type...)
/// rather than a dict.
pub fn special_attr(v: &Value, name: &str) -> Option<Value> {
    // Numbers' data attributes (`int.real`, `float.imag`, ...).
    if v.is_float() {
        return match name {
            "real" => Some(v.clone()),
            "imag" => Some(Value::float(0.0)),
            _ => None,
        };
    }
    if crate::types::int::as_int(v).is_some() {
        let as_int = || {
            v.as_bool()
                .map(|b| Value::small_int(b as i64))
                .unwrap_or_else(|| v.clone())
        };
        return match name {
            "real" | "numerator" => Some(as_int()),
            "imag" => Some(Value::small_int(0)),
            "denominator" => Some(Value::small_int(1)),
            _ => None,
        };
    }
    if let Some(f) = v.downcast::<FunctionObj>() {
        return match name {
            "__name__" => Some(f.name.borrow().clone()),
            "__qualname__" => Some(f.qualname.borrow().clone()),
            "__doc__" => Some(
                f.dict
                    .borrow()
                    .as_ref()
                    .and_then(|d| DictObj::get_str(d, &intern("__doc__")))
                    .unwrap_or_else(|| f.code.doc.clone()),
            ),
            "__module__" => f
                .dict
                .borrow()
                .as_ref()
                .and_then(|d| DictObj::get_str(d, &intern("__module__")))
                .or_else(|| DictObj::get_str(&f.globals, &intern("__name__")))
                .or(Some(Value::NONE)),
            "__code__" => Some(crate::types::func::new_code(f.code.clone())),
            "__globals__" => Some(f.globals.clone()),
            "__closure__" => Some(f.closure.clone()),
            "__kwdefaults__" => Some(f.kwdefaults.borrow().clone()),
            "__builtins__" => DictObj::get_str(&f.globals, &intern("__builtins__")),
            "__annotations__" => Some({
                let mut d = f.dict.borrow_mut();
                let d = d.get_or_insert_with(DictObj::new_value);
                match DictObj::get_str(d, &intern("__annotations__")) {
                    Some(a) => a,
                    None => {
                        let a = DictObj::new_value();
                        DictObj::set_str(d, intern("__annotations__"), a.clone());
                        a
                    }
                }
            }),
            "__dict__" => Some(
                f.dict
                    .borrow_mut()
                    .get_or_insert_with(DictObj::new_value)
                    .clone(),
            ),
            "__defaults__" => Some(f.defaults.borrow().clone()),
            _ => f
                .dict
                .borrow()
                .as_ref()
                .and_then(|d| DictObj::get_str(d, &intern(name))),
        };
    }
    if let Some(t) = v.downcast::<TypeData>() {
        return match name {
            // Extension types are named `module.name`, like CPython's static types.
            "__name__" => Some(crate::types::str::new_str(
                t.name.rsplit('.').next().unwrap_or(""),
            )),
            "__qualname__" if t.is_builtin => Some(crate::types::str::new_str(
                t.name.rsplit('.').next().unwrap_or(""),
            )),
            "__mro__" => {
                let mut items = vec![v.clone()];
                items.extend(t.mro.borrow().iter().cloned());
                Some(crate::types::tuple::new_tuple(items))
            }
            "__bases__" => Some(crate::types::tuple::new_tuple(t.bases.clone())),
            "__base__" => Some(t.bases.first().cloned().unwrap_or(Value::NONE)),
            "__dict__" => Some(crate::pytypes::namespace::new_proxy(t.dict.clone())),
            "__qualname__" if !t.is_builtin => DictObj::get_str(&t.dict, &intern("__qualname__"))
                .or_else(|| Some(crate::types::str::new_str(t.name.as_str()))),
            "__module__" if t.is_builtin => Some(intern("builtins")),
            "__doc__" => Some(DictObj::get_str(&t.dict, &intern("__doc__")).unwrap_or(Value::NONE)),
            _ => None,
        };
    }
    if let Some(b) = v.downcast::<crate::types::func::BoundMethodObj>() {
        return match name {
            "__func__" => Some(b.func.clone()),
            "__self__" => Some(b.self_.clone()),
            _ => special_attr(&b.func, name),
        };
    }
    if let Some(n) = v.downcast::<NativeObj>() {
        return match name {
            "__name__" | "__qualname__" => Some(intern(n.name)),
            "__self__" => Some(if n.self_.is_undef() {
                Value::NONE
            } else {
                n.self_.clone()
            }),
            _ => None,
        };
    }
    if let Some(r) = v.downcast::<crate::types::range::RangeObj>() {
        return match name {
            "start" => Some(r.start_value()),
            "stop" => Some(r.stop_value()),
            "step" => Some(r.step_value()),
            _ => None,
        };
    }
    if let Some(c) = v.downcast::<crate::types::func::CodeObj>() {
        return crate::pytypes::code::attr(c, name);
    }
    if let Some(w) = v.downcast::<FuncWrapObj>() {
        return match name {
            "__func__" | "__wrapped__" => Some(w.f.clone()),
            "__isabstractmethod__" => Some(
                special_attr(&w.f, name)
                    .filter(|x| x.as_bool().is_some())
                    .unwrap_or(Value::FALSE),
            ),
            "__doc__" | "__name__" | "__qualname__" | "__module__" => special_attr(&w.f, name),
            _ => None,
        };
    }
    if let Some(p) = v.downcast::<PropertyObj>() {
        return match name {
            "fget" => Some(p.fget.clone()),
            "fset" => Some(p.fset.clone()),
            "fdel" => Some(p.fdel.clone()),
            "__doc__" => Some(if p.doc.is_none() {
                special_attr(&p.fget, "__doc__").unwrap_or(Value::NONE)
            } else {
                p.doc.clone()
            }),
            "__isabstractmethod__" => {
                Some(Value::bool([&p.fget, &p.fset, &p.fdel].iter().any(|f| {
                    special_attr(f, name).is_some_and(|x| x.as_bool() == Some(true))
                })))
            }
            _ => None,
        };
    }
    if let Some(g) = v.downcast::<crate::generator::GenObj>() {
        return crate::generator::attr(v, g, name);
    }
    if let Some(e) = v.downcast::<ExcObj>() {
        return match name {
            "args" => Some(e.args.borrow().clone()),
            "__cause__" => Some(e.cause.borrow().clone()),
            "__context__" => Some(e.context.borrow().clone()),
            "__suppress_context__" => Some(Value::bool(e.suppress_context.get())),
            "__traceback__" => Some(crate::pytypes::frames::traceback_of(e)),
            "value" if typeobj::isinstance_ptr(v, tt().stop_iteration) => Some(
                crate::generator::stop_value(&crate::error::PyErr(v.clone())),
            ),
            _ => e
                .dict
                .borrow()
                .as_ref()
                .and_then(|d| DictObj::get_str(d, &intern(name))),
        };
    }
    None
}

/// Is `a` (an attribute found on a type) a data descriptor, taking precedence over the
/// instance's own attributes?
fn is_data_descriptor(a: &Value) -> bool {
    a.downcast::<PropertyObj>().is_some()
        || (dunder::dispatches(a)
            && (dunder::special(a, "__set__").is_some()
                || dunder::special(a, "__delete__").is_some()))
}

/// Binds an attribute found on `obj`'s type to `obj` (the descriptor protocol's `__get__`).
pub fn bind_descriptor(vm: &mut Vm, attr: &Value, obj: &Value) -> PyResult<Value> {
    if attr.downcast::<FunctionObj>().is_some() {
        return Ok(new_bound_method(attr.clone(), obj.clone()));
    }
    if let Some(n) = attr.downcast::<NativeObj>() {
        if n.binds() {
            return Ok(bind_native(attr, obj));
        }
        return Ok(attr.clone());
    }
    if let Some(w) = attr.downcast::<FuncWrapObj>() {
        if is_classmethod(attr) {
            return Ok(bind_class(&w.f, type_of(obj)));
        }
        return Ok(w.f.clone());
    }
    if let Some(p) = attr.downcast::<PropertyObj>() {
        return property_get(vm, p, attr, obj);
    }
    if let Some(g) = dunder::special(attr, "__get__") {
        return dunder::call_method(vm, &g, attr, &[obj.clone(), type_of(obj)]);
    }
    Ok(attr.clone())
}

fn property_name(p: &PropertyObj) -> String {
    let f = if !p.fget.is_none() {
        &p.fget
    } else if !p.fset.is_none() {
        &p.fset
    } else {
        &p.fdel
    };
    f.downcast::<FunctionObj>()
        .and_then(|f| as_str(&f.name.borrow()).map(|s| s.to_string()))
        .unwrap_or_else(|| "?".into())
}

fn property_get(vm: &mut Vm, p: &PropertyObj, _pv: &Value, obj: &Value) -> PyResult<Value> {
    if p.fget.is_none() {
        let n = property_name(p);
        return Err(error::attribute_error(format!(
            "property '{}' of '{}' object has no getter",
            n,
            type_name(obj)
        )));
    }
    let f = p.fget.clone();
    vm.call1(&f, obj.clone())
}

/// An attribute of a class object: its MRO first (functions stay plain functions,
/// classmethods bind to the class), then its metaclass.
fn class_getattr(vm: &mut Vm, cls: &Value, name: &Value) -> PyResult<Value> {
    if let Some(a) = typeobj::lookup(cls.ptr(), name) {
        if let Some(w) = a.downcast::<FuncWrapObj>() {
            if is_classmethod(&a) {
                return Ok(bind_class(&w.f, cls.clone()));
            }
            return Ok(w.f.clone());
        }
        if a.downcast::<FunctionObj>().is_none()
            && a.downcast::<NativeObj>().is_none()
            && a.downcast::<PropertyObj>().is_none()
        {
            if let Some(g) = dunder::special(&a, "__get__") {
                return dunder::call_method(vm, &g, &a, &[Value::NONE, cls.clone()]);
            }
        }
        return Ok(a);
    }
    if let Some(r) = special_attr(cls, as_str(name).unwrap_or("")) {
        return Ok(r);
    }
    if let Some(f) = crate::pytypes::slots::find(cls.ptr(), as_str(name).unwrap_or("")) {
        return Ok(f);
    }
    let meta = type_ptr(cls);
    if let Some(a) = typeobj::lookup(meta, name) {
        return bind_descriptor(vm, &a, cls);
    }
    if let Some(f) = crate::pytypes::slots::find(meta, as_str(name).unwrap_or("")) {
        return Ok(bind_native(&f, cls));
    }
    Err(no_attr(cls, name))
}

/// `super(...).name`: look in the MRO after `this`.
fn super_lookup(s: &SuperObj, name: &Value) -> Option<Value> {
    let td = type_data(&s.obj_type);
    let mut mro = vec![s.obj_type.clone()];
    mro.extend(td.mro.borrow().iter().cloned());
    let start = mro.iter().position(|t| t.ptr() == s.this.ptr())? + 1;
    mro[start..]
        .iter()
        .find_map(|t| DictObj::get_str(&type_data(t).dict, name))
}

/// A builtin slot (`object.__repr__`, `dict.__setitem__`) after `this` in the MRO.
fn super_slot(s: &SuperObj, name: &Value) -> Option<Value> {
    let td = type_data(&s.obj_type);
    let mut mro = vec![s.obj_type.clone()];
    mro.extend(td.mro.borrow().iter().cloned());
    let start = mro.iter().position(|t| t.ptr() == s.this.ptr())? + 1;
    crate::pytypes::slots::find_in(&mro[start..], as_str(name)?)
}

fn super_getattr(vm: &mut Vm, sv: &Value, s: &SuperObj, name: &Value) -> PyResult<Value> {
    if as_str(name) == Some("__class__") {
        return Ok(type_of(sv));
    }
    let Some(a) = super_lookup(s, name).or_else(|| super_slot(s, name)) else {
        return Err(error::attribute_error(format!(
            "'super' object has no attribute '{}'",
            as_str(name).unwrap_or("?")
        )));
    };
    let obj_is_class = s.obj.ptr() == s.obj_type.ptr();
    if let Some(w) = a.downcast::<FuncWrapObj>() {
        if is_classmethod(&a) {
            return Ok(bind_class(&w.f, s.obj_type.clone()));
        }
        return Ok(w.f.clone());
    }
    if obj_is_class
        && (a.downcast::<FunctionObj>().is_some() || a.downcast::<NativeObj>().is_some())
    {
        return Ok(a);
    }
    bind_descriptor(vm, &a, &s.obj)
}

/// Attribute names given as values (`setattr(o, name, v)`) must be str, as in CPython.
pub fn check_name(name: &Value) -> PyResult<()> {
    if as_str(name).is_none() {
        return Err(error::type_error(format!(
            "attribute name must be string, not '{}'",
            type_name(name)
        )));
    }
    Ok(())
}

/// The instance part of attribute lookup, without a user `__getattr__`/`__getattribute__`.
pub fn generic_getattr(vm: &mut Vm, v: &Value, name: &Value) -> PyResult<Value> {
    match generic_lookup(vm, v, name)? {
        Some(x) => Ok(x),
        None => Err(no_attr(v, name)),
    }
}

/// `object.__getattribute__` without making the AttributeError: None when the attribute
/// is missing (hasattr, getattr with a default).
fn generic_lookup(vm: &mut Vm, v: &Value, name: &Value) -> PyResult<Option<Value>> {
    let name = &interned(name);
    let ty: *const Header = type_ptr(v);
    let cls_attr = typeobj::lookup(ty, name);
    if let Some(a) = &cls_attr {
        if is_data_descriptor(a) {
            return bind_descriptor(vm, a, v).map(Some);
        }
    }
    if let Some(inst) = v.downcast::<InstanceObj>() {
        if let Some(x) = inst.get(name) {
            return Ok(Some(x));
        }
        if as_str(name) == Some("__dict__") && type_data_ptr(ty).slots.is_none() {
            return Ok(Some(inst.to_dict_mode()));
        }
    } else if let Some(r) = special_attr(v, as_str(name).unwrap_or("")) {
        return Ok(Some(r));
    } else if uses_side_dict(v) {
        if as_str(name) == Some("__dict__") {
            return Ok(crate::object::side_dict(v, true));
        }
        if let Some(x) = crate::object::side_dict(v, false).and_then(|d| DictObj::get_str(&d, name))
        {
            return Ok(Some(x));
        }
    }
    if let Some(a) = cls_attr {
        return bind_descriptor(vm, &a, v).map(Some);
    }
    Ok(match as_str(name) {
        Some("__class__") => Some(type_of(v)),
        // Every type has a `__doc__` (None when undocumented), seen through its instances.
        Some("__doc__") => Some(Value::NONE),
        Some(n) => crate::pytypes::slots::find(ty, n).map(|f| bind_native(&f, v)),
        None => None,
    })
}

pub fn getattr(vm: &mut Vm, v: &Value, name: &Value) -> PyResult<Value> {
    if let Some(m) = v.downcast::<ModuleObj>() {
        if let Some(x) = DictObj::get_str(&m.dict, name) {
            return Ok(x);
        }
        if let Some(r) = special_attr(v, as_str(name).unwrap_or("")) {
            return Ok(r);
        }
        match as_str(name) {
            Some("__dict__") => return Ok(m.dict.clone()),
            Some("__class__") => return Ok(type_of(v)),
            _ => {}
        }
        // The module type's attributes (`__reduce_ex__`, `__dir__`, ...).
        if let Some(r) = generic_lookup(vm, v, name)? {
            return Ok(r);
        }
        return Err(no_attr(v, name));
    }
    if v.downcast::<TypeData>().is_some() {
        return class_getattr(vm, v, name);
    }
    if let Some(s) = v.downcast::<SuperObj>() {
        return super_getattr(vm, v, s, name);
    }
    if dunder::dispatches(v) {
        let hk = hooks(v);
        if hk & HOOK_GETATTRIBUTE == 0 && hk & HOOK_GETATTR == 0 {
            return generic_getattr(vm, v, name);
        }
        if let Some(ga) = user_hook(v, "__getattribute__") {
            return dunder::call_method(vm, &ga, v, &[name.clone()]);
        }
        return match generic_getattr(vm, v, name) {
            Err(e) if e.is_instance(tt().attribute_error) => match user_hook(v, "__getattr__") {
                Some(h) => dunder::call_method(vm, &h, v, &[name.clone()]),
                None => Err(e),
            },
            r => r,
        };
    }
    generic_getattr(vm, v, name)
}

/// `getattr(v, name)` that reports a missing attribute as None instead of raising (what
/// `hasattr` and `getattr(v, name, default)` need): the common case, an object without
/// attribute hooks, never builds the AttributeError.
/// Is `v`'s attribute lookup the generic one (no module/class/super rules, no
/// `__getattribute__`/`__getattr__` hook)?
fn plain_lookup(v: &Value) -> bool {
    v.downcast::<ModuleObj>().is_none()
        && v.downcast::<TypeData>().is_none()
        && v.downcast::<SuperObj>().is_none()
        && (!dunder::dispatches(v) || hooks(v) & (HOOK_GETATTRIBUTE | HOOK_GETATTR) == 0)
}

/// `hasattr(v, name)`: `lookup(..).is_some()`, except that a Python function found on a
/// plain object's class answers at once: whether an instance attribute shadows it or it is
/// bound, the attribute exists (binding a function can neither fail nor run code), so no
/// bound method is made only to be dropped.
pub fn has(vm: &mut Vm, v: &Value, name: &Value) -> PyResult<bool> {
    if plain_lookup(v) {
        let n = interned(name);
        if typeobj::lookup(type_ptr(v), &n).is_some_and(|a| a.downcast::<FunctionObj>().is_some()) {
            return Ok(true);
        }
    }
    Ok(lookup(vm, v, name)?.is_some())
}

pub fn lookup(vm: &mut Vm, v: &Value, name: &Value) -> PyResult<Option<Value>> {
    let plain = plain_lookup(v);
    let r = if plain {
        generic_lookup(vm, v, name)
    } else {
        getattr(vm, v, name).map(Some)
    };
    match r {
        // A descriptor or hook raising AttributeError also means "missing".
        Err(e) if e.is_instance(tt().attribute_error) => Ok(None),
        r => r,
    }
}

const HOOK_GETATTRIBUTE: u8 = 1;
const HOOK_GETATTR: u8 = 2;
const HOOK_SETATTR: u8 = 4;
const HOOK_DELATTR: u8 = 8;
const HOOK_DEL: u8 = 16;

/// Which attribute hooks `v`'s class defines (cached per class and type epoch).
fn hooks(v: &Value) -> u8 {
    type_hooks(type_ptr(v))
}

fn type_hooks(ty: *const Header) -> u8 {
    let td = type_data_ptr(ty);
    let epoch = typeobj::type_epoch();
    let (e, bits) = td.hooks.get();
    if e == epoch {
        return bits;
    }
    let mut bits = 0;
    if td.dispatch {
        for (name, bit) in [
            ("__getattribute__", HOOK_GETATTRIBUTE),
            ("__getattr__", HOOK_GETATTR),
            ("__setattr__", HOOK_SETATTR),
            ("__delattr__", HOOK_DELATTR),
            ("__del__", HOOK_DEL),
        ] {
            if type_user_hook(ty, name).is_some() {
                bits |= bit;
            }
        }
    }
    td.hooks.set((epoch, bits));
    bits
}

/// Whether instances of `ty` have a `__del__` finalizer (cached like the attribute hooks).
pub fn has_finalizer(ty: *const Header) -> bool {
    type_hooks(ty) & HOOK_DEL != 0
}

/// A special method the class defines itself (not object's generic native).
fn user_hook(v: &Value, name: &'static str) -> Option<Value> {
    if !dunder::dispatches(v) {
        return None;
    }
    type_user_hook(type_ptr(v), name)
}

fn type_user_hook(ty: *const Header, name: &'static str) -> Option<Value> {
    let m = typeobj::lookup(ty, &crate::types::str::intern_static(name))?;
    if m.downcast::<NativeObj>()
        .is_some_and(|n| n.owner.ptr() == tt().object)
    {
        return None;
    }
    Some(m)
}

/// For `obj.name(...)`: returns (callable, self) without allocating a bound method when the
/// attribute is a method defined on the type, else (attribute, UNDEF).
pub fn load_method(vm: &mut Vm, obj: Value, name: &Value) -> PyResult<(Value, Value)> {
    if let Some(inst) = obj.downcast::<InstanceObj>() {
        let ty = type_ptr(&obj);
        if let Some(f) = typeobj::lookup(ty, name) {
            if (f.downcast::<FunctionObj>().is_some()
                || f.downcast::<NativeObj>().is_some_and(NativeObj::binds))
                && !inst.has(name)
                && hooks(&obj) & HOOK_GETATTRIBUTE == 0
            {
                return Ok((f, obj));
            }
        }
    } else if let Some(s) = obj.downcast::<SuperObj>() {
        if s.obj.ptr() != s.obj_type.ptr() {
            if let Some(f) = super_lookup(s, name) {
                if f.downcast::<FunctionObj>().is_some()
                    || f.downcast::<NativeObj>().is_some_and(NativeObj::binds)
                {
                    return Ok((f, s.obj.clone()));
                }
            }
        }
    } else if obj.downcast::<ModuleObj>().is_none() && obj.downcast::<TypeData>().is_none() {
        let ty = type_ptr(&obj);
        if let Some(f) = typeobj::lookup(ty, name) {
            if f.downcast::<NativeObj>().is_some_and(NativeObj::binds)
                || f.downcast::<FunctionObj>().is_some()
            {
                return Ok((f, obj));
            }
        }
    }
    let a = getattr(vm, &obj, name)?;
    Ok((a, Value::UNDEF))
}

pub fn setattr(vm: &mut Vm, obj: &Value, name: &Value, v: Value) -> PyResult<()> {
    if dunder::dispatches(obj) && obj.downcast::<TypeData>().is_none() {
        if hooks(obj) & HOOK_SETATTR == 0 {
            return generic_setattr(vm, obj, name, v);
        }
        if let Some(h) = user_hook(obj, "__setattr__") {
            dunder::call_method(vm, &h, obj, &[name.clone(), v])?;
            return Ok(());
        }
    }
    generic_setattr(vm, obj, name, v)
}

/// `obj.__class__ = cls`: instances of Python classes may change to another Python class
/// with the same layout (the same `__slots__`), as in CPython.
fn set_class(obj: &Value, cls: Value) -> PyResult<()> {
    let Some(new_td) = cls.downcast::<TypeData>() else {
        return Err(error::type_error(format!(
            "__class__ must be set to a class, not '{}' object",
            type_name(&cls)
        )));
    };
    let old_td = typeobj::type_data_ptr(type_ptr(obj));
    if obj
        .downcast::<crate::types::instance::InstanceObj>()
        .is_none()
        || old_td.is_builtin
        || new_td.is_builtin
        || new_td.layout != crate::object::Kind::Instance
    {
        return Err(error::type_error(
            "__class__ assignment only supported for mutable types or ModuleType subclasses",
        ));
    }
    let same_slots = match (&old_td.slots, &new_td.slots) {
        (None, None) => true,
        (Some(a), Some(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| as_str(x) == as_str(y))
        }
        _ => false,
    };
    if !same_slots {
        return Err(error::type_error(format!(
            "__class__ assignment: '{}' object layout differs from '{}'",
            new_td.name, old_td.name
        )));
    }
    crate::object::set_heap_type(obj, &cls);
    Ok(())
}

/// Attribute assignment without a user `__setattr__` (also `object.__setattr__`).
pub fn generic_setattr(vm: &mut Vm, obj: &Value, name: &Value, v: Value) -> PyResult<()> {
    let name = &interned(name);
    if let Some(m) = obj.downcast::<ModuleObj>() {
        DictObj::set_str(&m.dict, name.clone(), v);
        return Ok(());
    }
    if let Some(t) = obj.downcast::<TypeData>() {
        if t.is_builtin {
            return Err(error::type_error(format!(
                "cannot set '{}' attribute of immutable type '{}'",
                as_str(name).unwrap_or("?"),
                t.name
            )));
        }
        let old = DictObj::get_str(&t.dict, name);
        typeobj::note_class_change(old.as_ref(), Some(&v));
        DictObj::set_str(&t.dict, name.clone(), v);
        t.version.set(t.version.get() + 1);
        return Ok(());
    }
    if as_str(name) == Some("__class__") {
        return set_class(obj, v);
    }
    let ty = type_ptr(obj);
    if let Some(a) = typeobj::lookup(ty, name) {
        if let Some(p) = a.downcast::<PropertyObj>() {
            if p.fset.is_none() {
                let n = property_name(p);
                return Err(error::attribute_error(format!(
                    "property '{}' of '{}' object has no setter",
                    n,
                    type_name(obj)
                )));
            }
            let f = p.fset.clone();
            vm.call(&f, &[obj.clone(), v], &[])?;
            return Ok(());
        }
        if dunder::dispatches(&a) {
            if let Some(s) = dunder::special(&a, "__set__") {
                dunder::call_method(vm, &s, &a, &[obj.clone(), v])?;
                return Ok(());
            }
        }
    }
    if let Some(inst) = obj.downcast::<InstanceObj>() {
        if let Some(allowed) = &type_data_ptr(ty).slots {
            if !allowed.iter().any(|s| s.bits() == name.bits()) {
                return Err(no_attr(obj, name));
            }
        }
        if as_str(name) == Some("__dict__") {
            return Err(error::not_implemented_error(
                "assigning __dict__ is not supported yet by pyrun",
            ));
        }
        inst.set(name.clone(), v);
        return Ok(());
    }
    if uses_side_dict(obj) {
        if let Some(allowed) = &type_data_ptr(ty).slots {
            if !allowed.iter().any(|s| s.bits() == name.bits()) {
                return Err(no_attr(obj, name));
            }
        }
        let d = crate::object::side_dict(obj, true).unwrap();
        DictObj::set_str(&d, name.clone(), v);
        return Ok(());
    }
    if let Some(f) = obj.downcast::<FunctionObj>() {
        match as_str(name) {
            Some("__name__") => *f.name.borrow_mut() = v,
            Some("__qualname__") => *f.qualname.borrow_mut() = v,
            Some("__defaults__") => {
                if !v.is_none() && crate::types::tuple::as_tuple(&v).is_none() {
                    return Err(error::type_error(
                        "__defaults__ must be set to a tuple object",
                    ));
                }
                *f.defaults.borrow_mut() = v;
            }
            Some("__kwdefaults__") => {
                if !v.is_none() && v.downcast::<DictObj>().is_none() {
                    return Err(error::type_error(
                        "__kwdefaults__ must be set to a dict object",
                    ));
                }
                *f.kwdefaults.borrow_mut() = v;
            }
            Some("__code__") => {
                // Only the function's own code (what `types.coroutine` gives back after
                // `replace(co_flags=...)`, whose flag change is recorded in the code).
                let same = v
                    .downcast::<crate::types::func::CodeObj>()
                    .is_some_and(|c| std::rc::Rc::ptr_eq(&c.code, &f.code));
                if !same {
                    return Err(error::not_implemented_error(
                        "assigning another code object to __code__ is not supported by pyrun",
                    ));
                }
            }
            _ => {
                let d = f
                    .dict
                    .borrow_mut()
                    .get_or_insert_with(DictObj::new_value)
                    .clone();
                DictObj::set_str(&d, name.clone(), v);
            }
        }
        return Ok(());
    }
    if let Some(e) = obj.downcast::<ExcObj>() {
        match as_str(name) {
            Some("__cause__") => {
                *e.cause.borrow_mut() = v;
                e.suppress_context.set(true);
            }
            Some("__context__") => *e.context.borrow_mut() = v,
            Some("__suppress_context__") => e.suppress_context.set(v.as_bool() == Some(true)),
            Some("__traceback__") => crate::pytypes::frames::set_traceback(e, &v)?,
            Some("args") => {
                let items = crate::ops::collect(vm, &v)?;
                *e.args.borrow_mut() = crate::types::tuple::new_tuple(items);
            }
            _ => {
                let d = e
                    .dict
                    .borrow_mut()
                    .get_or_insert_with(DictObj::new_value)
                    .clone();
                DictObj::set_str(&d, name.clone(), v);
            }
        }
        return Ok(());
    }
    let n = as_str(name).unwrap_or("?");
    if typeobj::lookup(ty, name).is_some() {
        return Err(error::attribute_error(format!(
            "'{}' object attribute '{}' is read-only",
            type_name(obj),
            n
        )));
    }
    Err(error::attribute_error(format!(
        "'{}' object has no attribute '{}'",
        type_name(obj),
        n
    )))
}

pub fn delattr(vm: &mut Vm, obj: &Value, name: &Value) -> PyResult<()> {
    if dunder::dispatches(obj) && obj.downcast::<TypeData>().is_none() {
        if hooks(obj) & HOOK_DELATTR == 0 {
            return generic_delattr(vm, obj, name);
        }
        if let Some(h) = user_hook(obj, "__delattr__") {
            dunder::call_method(vm, &h, obj, &[name.clone()])?;
            return Ok(());
        }
    }
    generic_delattr(vm, obj, name)
}

/// Attribute deletion without a user `__delattr__`.
pub fn generic_delattr(vm: &mut Vm, obj: &Value, name: &Value) -> PyResult<()> {
    let name = &interned(name);
    if let Some(m) = obj.downcast::<ModuleObj>() {
        let d = m.dict.clone();
        return match d.downcast::<DictObj>().unwrap().remove(vm, name)? {
            Some(_) => Ok(()),
            None => Err(no_attr(obj, name)),
        };
    }
    if let Some(t) = obj.downcast::<TypeData>() {
        if !t.is_builtin
            && t.dict
                .downcast::<DictObj>()
                .unwrap()
                .remove_str(name)
                .is_some()
        {
            typeobj::note_class_change(None, None);
            t.version.set(t.version.get() + 1);
            return Ok(());
        }
        return Err(no_attr(obj, name));
    }
    let ty = type_ptr(obj);
    if let Some(a) = typeobj::lookup(ty, name) {
        if let Some(p) = a.downcast::<PropertyObj>() {
            if p.fdel.is_none() {
                let n = property_name(p);
                return Err(error::attribute_error(format!(
                    "property '{}' of '{}' object has no deleter",
                    n,
                    type_name(obj)
                )));
            }
            let f = p.fdel.clone();
            vm.call1(&f, obj.clone())?;
            return Ok(());
        }
        if dunder::dispatches(&a) {
            if let Some(s) = dunder::special(&a, "__delete__") {
                dunder::call_method(vm, &s, &a, &[obj.clone()])?;
                return Ok(());
            }
        }
    }
    if let Some(inst) = obj.downcast::<InstanceObj>() {
        if inst.remove(name) {
            return Ok(());
        }
    }
    if uses_side_dict(obj) {
        if let Some(d) = crate::object::side_dict(obj, false) {
            if d.downcast::<DictObj>().unwrap().remove_str(name).is_some() {
                return Ok(());
            }
        }
    }
    if let Some(e) = obj.downcast::<ExcObj>() {
        let d = e.dict.borrow().clone();
        if let Some(d) = d {
            if d.downcast::<DictObj>().unwrap().remove_str(name).is_some() {
                return Ok(());
            }
        }
    }
    if let Some(f) = obj.downcast::<FunctionObj>() {
        let d = f.dict.borrow().clone();
        if let Some(d) = d {
            if d.downcast::<DictObj>().unwrap().remove_str(name).is_some() {
                return Ok(());
            }
        }
    }
    Err(no_attr(obj, name))
}

/// The AttributeError for `v.name` (for `__getattr__` implementations).
pub fn attribute_error(v: &Value, name: &Value) -> crate::error::PyErr {
    no_attr(v, name)
}

/// Instances of Python subclasses of builtin payload types keep attributes in a side dict
/// (exceptions and functions have their own dict field).
fn uses_side_dict(v: &Value) -> bool {
    use crate::object::Kind;
    let td = type_data_ptr(type_ptr(v));
    !td.is_builtin
        && td.dispatch
        && !matches!(
            v.kind(),
            Some(Kind::Instance | Kind::Exception | Kind::Function | Kind::Type | Kind::Module)
        )
}
