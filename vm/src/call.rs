//! Calling anything that is not a plain Python function: natives, bound methods, types.
//! Also MAKE_FUNCTION and `raise`.

use crate::error::{self, PyErr, PyResult};
use crate::types::dict::DictObj;
use crate::types::exc::{as_exc, new_exc};
use crate::types::func::{BoundMethodObj, CodeObj, FunctionObj, NativeObj};
use crate::types::str::new_str;
use crate::types::tuple::as_tuple;
use crate::types::typeobj::{is_subtype, TypeData};
use crate::types::{tt, type_name};
use crate::value::Value;
use crate::vm::Vm;
use std::cell::RefCell;

pub fn call_non_function(
    vm: &mut Vm,
    callable: &Value,
    args: &[Value],
    kwnames: &[Value],
) -> PyResult<Value> {
    if let Some(n) = callable.downcast::<NativeObj>() {
        return n.call(vm, args, kwnames);
    }
    if callable.downcast::<FunctionObj>().is_some() {
        return vm.call(callable, args, kwnames);
    }
    if let Some(b) = callable.downcast::<BoundMethodObj>() {
        let mut full = Vec::with_capacity(args.len() + 1);
        full.push(b.self_.clone());
        full.extend(args.iter().cloned());
        let f = b.func.clone();
        return vm.call(&f, &full, kwnames);
    }
    if callable.downcast::<TypeData>().is_some() {
        return call_type(vm, callable, args, kwnames);
    }
    if let Some(m) = crate::ops::dunder::special(callable, "__call__") {
        let mut full = Vec::with_capacity(args.len() + 1);
        full.push(callable.clone());
        full.extend_from_slice(args);
        return vm.call(&m, &full, kwnames);
    }
    Err(error::type_error(format!(
        "'{}' object is not callable",
        type_name(callable)
    )))
}

/// Calling a class: builtin constructors, exception classes.
fn call_type(vm: &mut Vm, ty: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let p = ty.ptr();
    if !crate::types::typeobj::type_data(ty).is_builtin {
        return crate::class::call_class(vm, ty, args, kwnames);
    }
    if is_subtype(p, tt().base_exception) {
        if !kwnames.is_empty() {
            return Err(error::type_error(format!(
                "{}() takes no keyword arguments",
                crate::types::typeobj::type_data(ty).name
            )));
        }
        return Ok(new_exc(p, args.to_vec()));
    }
    if let Some(ctor) = crate::builtins::constructor_for(p) {
        return ctor(vm, args, kwnames);
    }
    // Extension types (stdlib modules) construct through a native `__new__(cls, ...)`.
    if crate::types::typeobj::type_data(ty).layout == crate::object::Kind::Ext {
        if let Some(new) = crate::types::typeobj::lookup_str(p, "__new__") {
            let mut full = Vec::with_capacity(args.len() + 1);
            full.push(ty.clone());
            full.extend_from_slice(args);
            return vm.call(&new, &full, kwnames);
        }
    }
    Err(error::type_error(format!(
        "cannot create '{}' instances",
        crate::types::typeobj::type_data(ty).name
    )))
}

/// `f(*args, **kwargs)`.
pub fn call_ex(
    vm: &mut Vm,
    callable: &Value,
    args: &Value,
    kwargs: Option<&Value>,
) -> PyResult<Value> {
    let mut all: Vec<Value> = match as_tuple(args) {
        Some(t) => t.to_vec(),
        None => crate::ops::collect(vm, args)?,
    };
    let mut names = Vec::new();
    if let Some(kw) = kwargs {
        let d = kw
            .downcast::<DictObj>()
            .ok_or_else(|| error::type_error("argument after ** must be a mapping"))?;
        for (k, v) in d.items() {
            if crate::types::str::as_str(&k).is_none() {
                return Err(error::type_error("keywords must be strings"));
            }
            names.push(k);
            all.push(v);
        }
    }
    vm.call(callable, &all, &names)
}

pub fn make_function(
    codev: &Value,
    globals: Value,
    defaults: Value,
    kwdefaults: Value,
    closure: Value,
) -> Value {
    let code = codev
        .downcast::<CodeObj>()
        .expect("code object")
        .code
        .clone();
    let name = new_str(code.name.as_str());
    let qualname = new_str(code.qualname.as_str());
    crate::object::alloc_obj(
        FunctionObj {
            code,
            globals,
            defaults: RefCell::new(defaults),
            kwdefaults: RefCell::new(kwdefaults),
            closure,
            name: RefCell::new(name),
            qualname: RefCell::new(qualname),
            dict: RefCell::new(None),
        },
        tt().function,
    )
}

/// Builds the exception for `raise exc from cause`.
pub fn make_raise(vm: &mut Vm, exc: Option<Value>, cause: Option<Value>) -> PyErr {
    let Some(exc) = exc else {
        return error::runtime_error("No active exception to reraise");
    };
    let e = match instantiate(vm, &exc) {
        Ok(e) => e,
        Err(e) => return e,
    };
    if let Some(c) = cause {
        let c = if c.is_none() {
            Value::NONE
        } else {
            match instantiate(vm, &c) {
                Ok(c) => c,
                Err(_) => {
                    return error::type_error("exception causes must derive from BaseException")
                }
            }
        };
        if let Some(x) = as_exc(&e) {
            *x.cause.borrow_mut() = c;
            x.suppress_context.set(true);
        }
    }
    PyErr(e)
}

/// An exception instance from a class or instance.
fn instantiate(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if as_exc(v).is_some() {
        return Ok(v.clone());
    }
    if v.downcast::<TypeData>().is_some() && is_subtype(v.ptr(), tt().base_exception) {
        let e = vm.call(v, &[], &[])?;
        return Ok(e);
    }
    Err(error::type_error(
        "exceptions must derive from BaseException",
    ))
}

/// `except ty:` — does `exc` match `ty` (a class or a tuple of classes)?
pub fn exception_matches(exc: &Value, ty: &Value) -> PyResult<bool> {
    if let Some(t) = as_tuple(ty) {
        for x in t {
            if exception_matches(exc, x)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if ty.downcast::<TypeData>().is_some() && is_subtype(ty.ptr(), tt().base_exception) {
        return Ok(crate::types::typeobj::isinstance_ptr(exc, ty.ptr()));
    }
    Err(error::type_error(
        "catching classes that do not inherit from BaseException is not allowed",
    ))
}

/// Entering `with mgr`: returns (bound `__exit__`, result of `__enter__()`).
pub fn before_with(vm: &mut Vm, mgr: &Value) -> PyResult<(Value, Value)> {
    let ty = crate::types::type_ptr(mgr);
    let lookup = |n: &'static str| crate::types::typeobj::lookup_str(ty, n);
    let Some(enter) = lookup("__enter__") else {
        return Err(error::type_error(format!(
            "'{}' object does not support the context manager protocol",
            type_name(mgr)
        )));
    };
    let Some(exit) = lookup("__exit__") else {
        return Err(error::type_error(format!(
            "'{}' object does not support the context manager protocol (missed __exit__ method)",
            type_name(mgr)
        )));
    };
    let exit = crate::ops::attr::bind_descriptor(vm, &exit, mgr)?;
    let entered = crate::ops::dunder::call_method(vm, &enter, mgr, &[])?;
    Ok((exit, entered))
}
