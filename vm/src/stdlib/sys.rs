//! The `sys` module.

use crate::builtins::args::{to_i64, Args};
use crate::error::{self, PyResult};
use crate::object::alloc_obj;
use crate::types::dict::DictObj;
use crate::types::func::{new_native, NativeFn};
use crate::types::list::new_list;
use crate::types::module::new_module;
use crate::types::str::{intern, new_str};
use crate::types::tt;
use crate::types::tuple::new_tuple;
use crate::value::Value;
use crate::vm::Vm;
use std::io::Write;

/// Which standard stream `v` is, if it is one.
pub fn stream_kind(v: &Value) -> Option<u8> {
    let m = v.downcast::<crate::types::module::ModuleObj>()?;
    let name = crate::types::str::as_str(&m.name)?;
    match name {
        "sys.stdout" => Some(1),
        "sys.stderr" => Some(2),
        _ => None,
    }
}

fn stream_write(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("write", args, kw);
    a.check(2, 2, &[])?;
    let s = crate::types::str::as_str(&a.pos[1])
        .ok_or_else(|| {
            error::type_error(format!(
                "write() argument must be str, not {}",
                crate::types::type_name(&a.pos[1])
            ))
        })?
        .to_string();
    match stream_kind(&a.pos[0]) {
        Some(2) => {
            vm.flush();
            let _ = std::io::stderr().write_all(s.as_bytes());
        }
        _ => {
            let _ = vm.out.write_all(s.as_bytes());
        }
    }
    Ok(Value::int(s.chars().count() as i64))
}

fn stream_flush(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    vm.flush();
    Ok(Value::NONE)
}

/// A stream is modelled as a module-like namespace whose functions take the stream first.
fn make_stream(name: &str) -> Value {
    let d = DictObj::new_value();
    let m = new_module(name, d.clone());
    for (n, f) in [
        ("write", stream_write as NativeFn),
        ("flush", stream_flush as NativeFn),
    ] {
        let bound = alloc_obj(
            crate::types::func::NativeObj {
                name: n,
                f,
                self_: m.clone(),
                owner: Value::NONE,
            },
            tt().builtin_function,
        );
        DictObj::set_str(&d, intern(n), bound);
    }
    m
}

fn sys_exit(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("exit", args, kw);
    a.check(0, 1, &[])?;
    let args = a.get(0).map(|v| vec![v.clone()]).unwrap_or_default();
    Err(crate::error::PyErr::with_args(tt().system_exit, args))
}

fn sys_getrecursionlimit(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    Args::new("getrecursionlimit", args, kw).check(0, 0, &[])?;
    Ok(Value::int(vm.recursion_limit as i64))
}

fn sys_setrecursionlimit(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("setrecursionlimit", args, kw);
    a.check(1, 1, &[])?;
    let n = to_i64(&a.pos[0], "")?;
    if n < 1 {
        return Err(error::value_error(
            "recursion limit must be greater or equal than 1",
        ));
    }
    if (n as usize) < vm.frames.len() {
        return Err(error::recursion_error(format!(
            "cannot set the recursion limit to {} at the recursion depth {}: the limit is too low",
            n,
            vm.frames.len()
        )));
    }
    vm.set_recursion_limit(n as usize);
    Ok(Value::NONE)
}

pub fn make(vm: &mut Vm) -> Value {
    let d = DictObj::new_value();
    let set = |k: &str, v: Value| DictObj::set_str(&d, intern(k), v);
    set(
        "argv",
        new_list(vm.argv.iter().map(|a| new_str(a.as_str())).collect()),
    );
    set("maxsize", Value::int(i64::MAX));
    set(
        "version_info",
        new_tuple(vec![
            Value::small_int(3),
            Value::small_int(11),
            Value::small_int(0),
            new_str("final"),
            Value::small_int(0),
        ]),
    );
    set("version", new_str("3.11.0 (pyrun)"));
    set("platform", new_str("linux"));
    set("implementation_name", new_str("pyrun"));
    set("stdout", make_stream("sys.stdout"));
    set("stderr", make_stream("sys.stderr"));
    set("byteorder", new_str("little"));
    for (n, f) in [
        ("exit", sys_exit as NativeFn),
        ("getrecursionlimit", sys_getrecursionlimit as NativeFn),
        ("setrecursionlimit", sys_setrecursionlimit as NativeFn),
    ] {
        set(n, new_native(n, f));
    }
    let modules = DictObj::new_value();
    set("modules", modules);
    new_module("sys", d)
}
