//! Builtins about the program itself: `dir`, `__import__`, `exit`/`quit`, `breakpoint`,
//! and the async iteration helpers `aiter`/`anext`.

use super::args::Args;
use crate::error::{self, PyErr, PyResult};
use crate::ops;
use crate::types::dict::DictObj;
use crate::types::list::new_list;
use crate::types::str::{as_str, intern};
use crate::types::tt;
use crate::types::typeobj::{type_data, type_of, TypeData};
use crate::value::Value;
use crate::vm::Vm;

fn dict_keys(d: &Value, into: &mut Vec<Value>) {
    if let Some(d) = d.downcast::<DictObj>() {
        into.extend(d.keys());
    }
}

/// The attribute names `dir(obj)` lists, sorted (an object's `__dir__` if its class
/// defines one).
pub fn dir_of(vm: &mut Vm, obj: &Value) -> PyResult<Vec<Value>> {
    let mut names = vec![];
    if let Some(m) = obj.downcast::<crate::types::module::ModuleObj>() {
        dict_keys(&m.dict, &mut names);
    } else {
        let ty = type_of(obj);
        let td = type_data(&ty);
        if let Some(f) = crate::ops::dunder::special(obj, "__dir__") {
            let r = crate::ops::dunder::call_method(vm, &f, obj, &[])?;
            names = ops::collect(vm, &r)?;
            return sorted(vm, names);
        }
        if let Some(t) = obj.downcast::<TypeData>() {
            class_names(obj, t, &mut names);
        } else {
            if let Ok(d) = ops::getattr(vm, obj, &intern("__dict__")) {
                dict_keys(&d, &mut names);
            }
            class_names(&ty, td, &mut names);
        }
    }
    sorted(vm, names)
}

fn class_names(t: &Value, td: &TypeData, names: &mut Vec<Value>) {
    let _ = t;
    dict_keys(&td.dict, names);
    for b in td.mro.borrow().iter() {
        dict_keys(&type_data(b).dict, names);
    }
}

fn sorted(vm: &mut Vm, mut names: Vec<Value>) -> PyResult<Vec<Value>> {
    let mut seen = std::collections::HashSet::new();
    names.retain(|n| seen.insert(as_str(n).map(str::to_string).unwrap_or_default()));
    let mut err = None;
    names.sort_by(|a, b| match ops::less_than(vm, a, b) {
        Ok(true) => std::cmp::Ordering::Less,
        Ok(false) => match ops::less_than(vm, b, a) {
            Ok(true) => std::cmp::Ordering::Greater,
            _ => std::cmp::Ordering::Equal,
        },
        Err(e) => {
            err.get_or_insert(e);
            std::cmp::Ordering::Equal
        }
    });
    match err {
        Some(e) => Err(e),
        None => Ok(names),
    }
}

pub fn dir(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("dir", args, kw);
    a.check(0, 1, &[])?;
    let names = match a.get(0) {
        Some(o) => dir_of(vm, o)?,
        None => {
            let (_, locals) = super::exec::caller_namespaces(vm);
            let keys = ops::collect(vm, &locals)?;
            sorted(vm, keys)?
        }
    };
    Ok(new_list(names))
}

/// `__import__(name, globals=None, locals=None, fromlist=(), level=0)`.
pub fn import(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("__import__", args, kw);
    a.check(1, 5, &["name", "globals", "locals", "fromlist", "level"])?;
    let name = a.arg(0, "name").cloned().unwrap_or(Value::NONE);
    let Some(n) = as_str(&name).map(str::to_string) else {
        return Err(error::type_error(format!(
            "__import__() argument 1 must be str, not {}",
            crate::types::type_name(&name)
        )));
    };
    let globals = a.arg(1, "globals").cloned().unwrap_or(Value::NONE);
    let fromlist = a.arg(3, "fromlist").cloned().unwrap_or(Value::NONE);
    let level = match a.arg(4, "level") {
        Some(l) => super::args::to_i64(l, "")?,
        None => 0,
    };
    crate::import::import_module_level(vm, &n, &globals, &fromlist, level)
}

/// `exit(code=None)` / `quit(code=None)`: raise SystemExit.
pub fn exit(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("exit", args, kw);
    a.check(0, 1, &["code"])?;
    let code = a
        .arg(0, "code")
        .cloned()
        .map(|c| vec![c])
        .unwrap_or_default();
    Err(PyErr::with_args(tt().system_exit, code))
}

/// `breakpoint()`: calls `sys.breakpointhook`, which pyrun has no debugger for: with
/// PYTHONBREAKPOINT=0 it does nothing, as in CPython.
pub fn breakpoint(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let sys = crate::import::sys_module(vm);
    let hook = ops::getattr(vm, &sys, &intern("breakpointhook"))
        .map_err(|_| error::runtime_error("lost sys.breakpointhook"))?;
    vm.call(&hook, args, kw)
}

/// `aiter(obj)`: `type(obj).__aiter__(obj)`.
pub fn aiter(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("aiter", args, kw);
    a.check(1, 1, &[])?;
    let obj = &a.pos[0];
    match crate::ops::dunder::special(obj, "__aiter__") {
        Some(f) => crate::ops::dunder::call_method(vm, &f, obj, &[]),
        None => Err(error::type_error(format!(
            "'{}' object is not an async iterable",
            crate::types::type_name(obj)
        ))),
    }
}

/// `anext(iterator[, default])`: `type(it).__anext__(it)` (awaiting it needs `async`,
/// which pyrun does not support yet).
pub fn anext(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("anext", args, kw);
    a.check(1, 2, &[])?;
    let obj = &a.pos[0];
    match crate::ops::dunder::special(obj, "__anext__") {
        Some(f) => crate::ops::dunder::call_method(vm, &f, obj, &[]),
        None => Err(error::type_error(format!(
            "'{}' object is not an async iterator",
            crate::types::type_name(obj)
        ))),
    }
}
