//! Attribute access: `getattr`, method loading without bound-method allocation, `setattr`.

use crate::error::{self, PyResult};
use crate::object::Header;
use crate::types::dict::DictObj;
use crate::types::exc::ExcObj;
use crate::types::func::{FunctionObj, NativeObj};
use crate::types::module::ModuleObj;
use crate::types::str::{as_str, intern};
use crate::types::typeobj::{self, type_data, TypeData};
use crate::types::{tt, type_name, type_ptr};
use crate::value::Value;
use crate::vm::Vm;

fn no_attr(v: &Value, name: &Value) -> crate::error::PyErr {
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

/// Binds an attribute found on `obj`'s type to `obj` (the descriptor protocol's `__get__`).
pub fn bind_descriptor(vm: &mut Vm, attr: &Value, obj: &Value) -> PyResult<Value> {
    let _ = vm;
    if attr.downcast::<FunctionObj>().is_some() {
        return Ok(crate::types::func::new_bound_method(attr.clone(), obj.clone()));
    }
    if let Some(n) = attr.downcast::<NativeObj>() {
        if n.self_.is_undef() {
            return Ok(bind_native(attr, obj));
        }
    }
    Ok(attr.clone())
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
        },
        tt().builtin_function,
    )
}

fn special_attr(v: &Value, name: &str) -> Option<Value> {
    if let Some(f) = v.downcast::<FunctionObj>() {
        return match name {
            "__name__" => Some(f.name.borrow().clone()),
            "__qualname__" => Some(f.qualname.borrow().clone()),
            "__doc__" => Some(Value::NONE),
            "__module__" => DictObj::get_str(&f.globals, &intern("__name__")),
            "__dict__" => Some(
                f.dict
                    .borrow_mut()
                    .get_or_insert_with(DictObj::new_value)
                    .clone(),
            ),
            "__defaults__" => Some(f.defaults.clone()),
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
            "__name__" | "__qualname__" => Some(crate::types::str::new_str(
                t.name.rsplit('.').next().unwrap_or(""),
            )),
            "__mro__" => {
                let mut items = vec![v.clone()];
                items.extend(t.mro.borrow().iter().cloned());
                Some(crate::types::tuple::new_tuple(items))
            }
            "__bases__" => Some(crate::types::tuple::new_tuple(t.bases.clone())),
            "__dict__" => Some(t.dict.clone()),
            _ => None,
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
    if let Some(e) = v.downcast::<ExcObj>() {
        return match name {
            "args" => Some(e.args.borrow().clone()),
            "__cause__" => Some(e.cause.borrow().clone()),
            "__context__" => Some(e.context.borrow().clone()),
            "__suppress_context__" => Some(Value::bool(e.suppress_context.get())),
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

pub fn getattr(vm: &mut Vm, v: &Value, name: &Value) -> PyResult<Value> {
    if let Some(m) = v.downcast::<ModuleObj>() {
        return DictObj::get_str(&m.dict, name).ok_or_else(|| no_attr(v, name));
    }
    let n = as_str(name).unwrap_or("");
    if let Some(r) = special_attr(v, n) {
        return Ok(r);
    }
    if let Some(t) = v.downcast::<TypeData>() {
        // Attribute of a class: look through its MRO, then its metatype.
        let _ = t;
        if let Some(r) = typeobj::lookup(v.ptr(), name) {
            return Ok(r);
        }
        return Err(no_attr(v, name));
    }
    let ty: *const Header = type_ptr(v);
    if let Some(f) = typeobj::lookup(ty, name) {
        if f.downcast::<NativeObj>().is_some() {
            return Ok(bind_native(&f, v));
        }
        return Ok(f);
    }
    // `__getattr__` is the fallback when normal lookup fails (extension types use it for
    // their data attributes).
    if let Some(r) = super::dunder::call_special(vm, v, "__getattr__", &[name.clone()]) {
        return r;
    }
    Err(no_attr(v, name))
}

/// The AttributeError for `v.name` (for `__getattr__` implementations).
pub fn attribute_error(v: &Value, name: &Value) -> crate::error::PyErr {
    no_attr(v, name)
}

/// For `obj.name(...)`: returns (callable, self) without allocating a bound method when the
/// attribute is a method defined on the type, else (attribute, UNDEF).
pub fn load_method(vm: &mut Vm, obj: Value, name: &Value) -> PyResult<(Value, Value)> {
    if obj.downcast::<ModuleObj>().is_none() && obj.downcast::<TypeData>().is_none() {
        let ty = type_ptr(&obj);
        if let Some(f) = typeobj::lookup(ty, name) {
            if f.downcast::<NativeObj>().is_some() || f.downcast::<FunctionObj>().is_some() {
                return Ok((f, obj));
            }
        }
    }
    let a = getattr(vm, &obj, name)?;
    Ok((a, Value::UNDEF))
}

pub fn setattr(vm: &mut Vm, obj: &Value, name: &Value, v: Value) -> PyResult<()> {
    let _ = vm;
    if let Some(m) = obj.downcast::<ModuleObj>() {
        DictObj::set_str(&m.dict, name.clone(), v);
        return Ok(());
    }
    if let Some(f) = obj.downcast::<FunctionObj>() {
        match as_str(name) {
            Some("__name__") => *f.name.borrow_mut() = v,
            Some("__qualname__") => *f.qualname.borrow_mut() = v,
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
        let d = e
            .dict
            .borrow_mut()
            .get_or_insert_with(DictObj::new_value)
            .clone();
        DictObj::set_str(&d, name.clone(), v);
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
        DictObj::set_str(&t.dict, name.clone(), v);
        t.version.set(t.version.get() + 1);
        return Ok(());
    }
    let n = as_str(name).unwrap_or("?");
    if typeobj::lookup(type_ptr(obj), name).is_some() {
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
    if let Some(m) = obj.downcast::<ModuleObj>() {
        let d = m.dict.clone();
        return match d.downcast::<DictObj>().unwrap().remove(vm, name)? {
            Some(_) => Ok(()),
            None => Err(no_attr(obj, name)),
        };
    }
    let _ = type_data;
    Err(no_attr(obj, name))
}
