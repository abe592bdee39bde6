//! `_io._IOBase`, `_RawIOBase`, `_BufferedIOBase` and `_TextIOBase`: the base classes
//! CPython's `io.py` derives `IOBase` & co from, with the default methods written in
//! terms of the subclass's own (`readline` over `read`, iteration over `readline`,
//! `writelines` over `write`, the context-manager protocol over `close`).

use crate::builtins::args::Args;
use crate::error::{self, PyResult};
use crate::object::Header;
use crate::ops;
use crate::types::ext::new_ext_type;
use crate::types::func::NativeFn;
use crate::types::str::{as_str, intern};
use crate::types::typeobj::{lookup_str, type_ptr};
use crate::value::Value;
use crate::vm::Vm;
use std::cell::OnceCell;

pub struct Bases {
    pub io_base: *const Header,
    pub raw: *const Header,
    pub buffered: *const Header,
    pub text: *const Header,
}

thread_local! {
    static BASES: OnceCell<&'static Bases> = const { OnceCell::new() };
}

pub fn bases() -> &'static Bases {
    BASES.with(|c| {
        *c.get_or_init(|| {
            let io_base = new_ext_type("_IOBase", "_io", std::ptr::null(), IOBASE_METHODS);
            let p = crate::types::descr::new_property(
                crate::types::func::new_native("closed", closed),
                Value::NONE,
                Value::NONE,
                Value::NONE,
            );
            crate::types::dict::DictObj::set_str(
                &crate::types::typeobj::type_data_ptr(io_base).dict,
                intern("closed"),
                p,
            );
            Box::leak(Box::new(Bases {
                io_base,
                raw: new_ext_type("_RawIOBase", "_io", io_base, RAW_METHODS),
                buffered: new_ext_type("_BufferedIOBase", "_io", io_base, BUFFERED_METHODS),
                text: new_ext_type("_TextIOBase", "_io", io_base, TEXT_METHODS),
            }))
        })
    })
}

const IOBASE_METHODS: &[(&str, NativeFn)] = &[
    ("__new__", new),
    ("__enter__", enter),
    ("__exit__", exit),
    ("close", close),
    ("flush", flush),
    ("fileno", fileno),
    ("isatty", false_),
    ("readable", false_),
    ("writable", false_),
    ("seekable", false_),
    ("seek", seek),
    ("tell", tell),
    ("truncate", truncate),
    ("readline", readline),
    ("readlines", readlines),
    ("writelines", writelines),
    ("__iter__", iter),
    ("__next__", next),
    ("_checkClosed", check_closed),
];

const RAW_METHODS: &[(&str, NativeFn)] = &[("read", raw_read), ("readall", raw_readall)];
const BUFFERED_METHODS: &[(&str, NativeFn)] = &[
    ("read", unsupported_read),
    ("write", unsupported_write),
    ("detach", unsupported_detach),
];
const TEXT_METHODS: &[(&str, NativeFn)] = &[
    ("read", unsupported_read),
    ("write", unsupported_write),
    ("detach", unsupported_detach),
];

fn call(vm: &mut Vm, obj: &Value, name: &str, args: &[Value]) -> PyResult<Value> {
    let m = ops::getattr(vm, obj, &intern(name))?;
    vm.call(&m, args, &[])
}

fn new(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    // A Python subclass (`class MyIO(io.RawIOBase)`): an object with no native state.
    crate::types::ext::new_ext_of((), bases().io_base, &args[0])
}

/// `closed`: the type's own answer (the native file types keep it), else the flag
/// `close()` sets.
fn closed(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let this = &args[0];
    if let Some(g) = lookup_str(type_ptr(this), "__getattr__") {
        if g.downcast::<crate::types::func::NativeObj>().is_some() {
            return ops::dunder::call_method(vm, &g, this, &[intern("closed")]);
        }
    }
    match ops::getattr(vm, this, &intern("__IOBase_closed")) {
        Ok(v) => Ok(v),
        Err(_) => Ok(Value::FALSE),
    }
}

fn is_closed(vm: &mut Vm, this: &Value) -> PyResult<bool> {
    let c = ops::getattr(vm, this, &intern("closed"))?;
    ops::truthy(vm, &c)
}

fn check_closed(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if is_closed(vm, &args[0])? {
        return Err(error::value_error("I/O operation on closed file."));
    }
    Ok(Value::NONE)
}

fn enter(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_closed(vm, args, kw)?;
    Ok(args[0].clone())
}

fn exit(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    call(vm, &args[0], "close", &[])?;
    Ok(Value::NONE)
}

fn close(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let this = &args[0];
    if !is_closed(vm, this)? {
        let r = call(vm, this, "flush", &[]);
        ops::setattr(vm, this, &intern("__IOBase_closed"), Value::TRUE)?;
        r?;
    }
    Ok(Value::NONE)
}

fn flush(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_closed(vm, args, kw)
}

fn unsupported(what: &str) -> crate::error::PyErr {
    super::io::unsupported(what)
}

fn fileno(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Err(unsupported("fileno"))
}
fn seek(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Err(unsupported("seek"))
}
fn truncate(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Err(unsupported("truncate"))
}
fn tell(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    call(vm, &args[0], "seek", &[Value::int(0), Value::int(1)])
}
fn false_(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::FALSE)
}
fn unsupported_read(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Err(unsupported("read"))
}
fn unsupported_write(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Err(unsupported("write"))
}
fn unsupported_detach(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Err(unsupported("detach"))
}

/// `readline(size=-1)` over `read(1)`: up to and including a newline.
fn readline(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("readline", args, kw);
    a.check(1, 2, &["size"])?;
    let limit = a.get(1).and_then(|v| v.as_small_int()).unwrap_or(-1);
    let this = &args[0];
    let mut parts: Vec<Value> = vec![];
    let mut n = 0;
    loop {
        if limit >= 0 && n >= limit {
            break;
        }
        let c = call(vm, this, "read", &[Value::int(1)])?;
        if ops::len(vm, &c)? == 0 {
            break;
        }
        n += 1;
        let nl = as_str(&c).map_or_else(
            || crate::types::bytes::bytes_vec(&c).is_some_and(|b| b == b"\n"),
            |s| s == "\n",
        );
        parts.push(c);
        if nl {
            break;
        }
    }
    let sep = if parts.first().is_some_and(|p| as_str(p).is_some()) {
        crate::types::str::new_str("")
    } else {
        crate::types::bytes::new_bytes(Vec::new())
    };
    let join = ops::getattr(vm, &sep, &intern("join"))?;
    vm.call1(&join, crate::types::list::new_list(parts))
}

fn readlines(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let it = ops::iter(vm, &args[0])?;
    Ok(crate::types::list::new_list(ops::collect(vm, &it)?))
}

fn writelines(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    check_closed(vm, &args[..1], &[])?;
    for line in ops::collect(vm, &args[1])? {
        call(vm, &args[0], "write", &[line])?;
    }
    Ok(Value::NONE)
}

fn iter(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_closed(vm, args, kw)?;
    Ok(args[0].clone())
}

fn next(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let line = call(vm, &args[0], "readline", &[])?;
    if ops::len(vm, &line)? == 0 {
        return Err(error::stop_iteration());
    }
    Ok(line)
}

/// `RawIOBase.read(size=-1)` over `readinto`.
fn raw_read(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("read", args, kw);
    a.check(1, 2, &["size"])?;
    let n = a.get(1).and_then(|v| v.as_small_int()).unwrap_or(-1);
    if n < 0 {
        return call(vm, &args[0], "readall", &[]);
    }
    let buf = crate::types::bytes::new_bytearray(vec![0; n as usize]);
    let got = call(vm, &args[0], "readinto", &[buf.clone()])?;
    if got.is_none() {
        return Ok(Value::NONE);
    }
    let k = got.as_small_int().unwrap_or(0).max(0) as usize;
    let mut data = crate::types::bytes::bytes_vec(&buf).unwrap_or_default();
    data.truncate(k);
    Ok(crate::types::bytes::new_bytes(data))
}

fn raw_readall(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let mut out = vec![];
    loop {
        let chunk = call(vm, &args[0], "read", &[Value::int(8192)])?;
        if chunk.is_none() {
            break;
        }
        let b = crate::types::bytes::bytes_vec(&chunk).unwrap_or_default();
        if b.is_empty() {
            break;
        }
        out.extend(b);
    }
    Ok(crate::types::bytes::new_bytes(out))
}
