//! The `sys` module.

use crate::builtins::args::{to_i64, Args};
use crate::error::{self, PyResult};
use crate::types::dict::DictObj;
use crate::types::func::{new_native, NativeFn};
use crate::types::list::new_list;
use crate::types::module::new_module;
use crate::types::str::{as_str, intern, new_str};
use crate::types::tt;
use crate::types::tuple::new_tuple;
use crate::value::Value;
use crate::vm::Vm;

/// Which standard stream `v` is (1 stdout, 2 stderr), if it is one.
pub fn stream_kind(v: &Value) -> Option<u8> {
    match super::stdstreams::stream_fd(v)? {
        1 => Some(1),
        2 => Some(2),
        _ => None,
    }
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

fn sys_get_int_max_str_digits(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    Args::new("get_int_max_str_digits", args, kw).check(0, 0, &[])?;
    Ok(Value::int(crate::types::int::max_str_digits() as i64))
}

fn sys_set_int_max_str_digits(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [n] =
        crate::builtins::args::parse_args("set_int_max_str_digits", args, kw, ["maxdigits"], 1, 1)?;
    let n = to_i64(n.unwrap(), "")?;
    if n != 0 && n < 640 {
        return Err(error::value_error("maxdigits must be 0 or larger than 640"));
    }
    crate::types::int::set_max_str_digits(n as usize);
    Ok(Value::NONE)
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

/// A struct sequence (`sys.version_info`, `sys.flags`): a tuple subclass whose fields
/// are also attributes and whose repr names them, as CPython's.
fn struct_seq(vm: &mut Vm, full_name: &str, fields: &[&str], values: Vec<Value>) -> Value {
    let short = full_name.rsplit('.').next().unwrap_or(full_name);
    let ns = DictObj::new_value();
    let set = |k: &str, v: Value| DictObj::set_str(&ns, intern(k), v);
    set("__module__", new_str("sys"));
    set(
        "_fields",
        new_tuple(fields.iter().map(|f| new_str(*f)).collect()),
    );
    set("_repr_name", new_str(full_name));
    set("__repr__", new_native("__repr__", struct_seq_repr));
    set("n_fields", Value::int(fields.len() as i64));
    set("n_sequence_fields", Value::int(fields.len() as i64));
    set("n_unnamed_fields", Value::int(0));
    let getter = crate::stdlib::operator::itemgetter_type();
    let prop = unsafe { Value::from_header(tt().property) };
    for (i, f) in fields.iter().enumerate() {
        let get = vm
            .call(&getter, &[Value::int(i as i64)], &[])
            .expect("itemgetter");
        let p = vm.call(&prop, &[get], &[]).expect("property");
        set(f, p);
    }
    let tuple_ty = unsafe { Value::from_header(tt().tuple) };
    let type_ty = unsafe { Value::from_header(tt().type_) };
    let cls = vm
        .call(
            &type_ty,
            &[new_str(short), new_tuple(vec![tuple_ty]), ns],
            &[],
        )
        .expect("struct sequence type");
    vm.call(&cls, &[new_tuple(values)], &[])
        .expect("struct sequence")
}

fn struct_seq_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let this = args
        .first()
        .ok_or_else(|| error::type_error("__repr__ needs an argument"))?;
    let name = crate::ops::getattr(vm, this, &intern("_repr_name"))?;
    let fields = crate::ops::getattr(vm, this, &intern("_fields"))?;
    let fields = crate::ops::collect(vm, &fields)?;
    let items = crate::ops::collect(vm, this)?;
    let mut parts = vec![];
    for (f, v) in fields.iter().zip(&items) {
        let r = crate::ops::repr::repr_string(vm, v)?;
        parts.push(format!("{}={r}", as_str(f).unwrap_or("?")));
    }
    Ok(new_str(format!(
        "{}({})",
        as_str(&name).unwrap_or("?"),
        parts.join(", ")
    )))
}

fn sys_getfilesystemencodeerrors(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    Args::new("getfilesystemencodeerrors", args, kw).check(0, 0, &[])?;
    Ok(new_str("surrogateescape"))
}

fn sys_get_asyncgen_hooks(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    Args::new("get_asyncgen_hooks", args, kw).check(0, 0, &[])?;
    let (first, fin) = vm.asyncgen_hooks.clone();
    Ok(struct_seq(
        vm,
        "asyncgen_hooks",
        &["firstiter", "finalizer"],
        vec![first, fin],
    ))
}

/// `set_asyncgen_hooks(firstiter=..., finalizer=...)`: an omitted hook keeps its value.
fn sys_set_asyncgen_hooks(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("set_asyncgen_hooks", args, kw);
    a.check(0, 2, &["firstiter", "finalizer"])?;
    let mut hooks = vm.asyncgen_hooks.clone();
    for (i, name) in ["firstiter", "finalizer"].iter().enumerate() {
        let Some(h) = a.get(i).or_else(|| a.kw(name)) else {
            continue;
        };
        if !h.is_none() && !crate::ops::callable(h) {
            return Err(error::type_error(format!(
                "callable {name} expected, got {}",
                crate::types::type_name(h)
            )));
        }
        if i == 0 {
            hooks.0 = h.clone();
        } else {
            hooks.1 = h.clone();
        }
    }
    vm.asyncgen_hooks = hooks;
    Ok(Value::NONE)
}

fn sys_exc_info(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    Args::new("exc_info", args, kw).check(0, 0, &[])?;
    let e = vm.exc_info.clone();
    if e.is_none() {
        return Ok(new_tuple(vec![Value::NONE, Value::NONE, Value::NONE]));
    }
    let tb = crate::ops::getattr(vm, &e, &intern("__traceback__")).unwrap_or(Value::NONE);
    Ok(new_tuple(vec![crate::types::typeobj::type_of(&e), e, tb]))
}

fn sys_exception(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    Args::new("exception", args, kw).check(0, 0, &[])?;
    Ok(vm.exc_info.clone())
}

fn sys_intern(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("intern", args, kw);
    a.check(1, 1, &[])?;
    match crate::types::str::as_str(&a.pos[0]) {
        Some(s) if crate::types::type_ptr(&a.pos[0]) == tt().str_ => Ok(intern(s)),
        _ => Err(error::type_error(format!(
            "intern() argument must be str, not {}",
            crate::types::type_name(&a.pos[0])
        ))),
    }
}

/// `sys.getsizeof`: CPython's sizes for the common builtin objects (64-bit build), else
/// the object's `__sizeof__()` plus the GC header CPython adds.
fn sys_getsizeof(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("getsizeof", args, kw);
    a.check(1, 2, &["default"])?;
    let v = &a.pos[0];
    if let Some(n) = super::sizes::builtin_size(v) {
        return Ok(Value::int(n as i64));
    }
    match crate::ops::dunder::special(v, "__sizeof__") {
        Some(f) => {
            let r = crate::ops::dunder::call_method(vm, &f, v, &[])?;
            let n = to_i64(&r, "")?;
            Ok(Value::int(n + 16))
        }
        None => match a.get(1) {
            Some(d) => Ok(d.clone()),
            None => Ok(Value::int(56)),
        },
    }
}

fn sys_getdefaultencoding(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    Args::new("getdefaultencoding", args, kw).check(0, 0, &[])?;
    Ok(new_str("utf-8"))
}

fn sys_getrefcount(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("getrefcount", args, kw);
    a.check(1, 1, &[])?;
    let n = a.pos[0]
        .header()
        .map(|h| h.rc.get() as i64)
        .unwrap_or(1 << 32);
    Ok(Value::int(n))
}

/// `sys.breakpointhook`: pyrun has no debugger; PYTHONBREAKPOINT=0 disables it as in
/// CPython, anything else is reported.
fn sys_breakpointhook(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if std::env::var("PYTHONBREAKPOINT").as_deref() == Ok("0") {
        return Ok(Value::NONE);
    }
    Err(error::runtime_error(
        "breakpoint(): pyrun has no debugger (pdb is not available)",
    ))
}

fn sys_excepthook(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("excepthook", args, kw);
    a.check(3, 3, &[])?;
    let text = crate::traceback::format_exception(vm, &a.pos[1]);
    crate::stdio::write_stderr(vm, text.as_bytes())?;
    Ok(Value::NONE)
}

fn sys_displayhook(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("displayhook", args, kw);
    a.check(1, 1, &[])?;
    crate::stdlib::sys::display(vm, &a.pos[0])?;
    Ok(Value::NONE)
}

/// The REPL's echo of an expression statement's value (`sys.displayhook`).
pub fn display(vm: &mut Vm, v: &Value) -> PyResult<()> {
    if v.is_none() {
        return Ok(());
    }
    let r = crate::ops::repr::repr_string(vm, v)?;
    crate::stdio::write_stdout(vm, format!("{r}\n").as_bytes())?;
    let b = crate::import::loaded(vm, "builtins");
    if let Some(b) = b {
        crate::ops::setattr(vm, &b, &intern("_"), v.clone())?;
    }
    Ok(())
}

fn str_list(items: &[String]) -> Value {
    new_list(items.iter().map(|s| new_str(s.as_str())).collect())
}

pub fn make(vm: &mut Vm) -> Value {
    let cfg = vm.options.config.clone();
    let d = DictObj::new_value();
    let set = |k: &str, v: Value| DictObj::set_str(&d, intern(k), v);
    let (maj, min, mic) = crate::config::PYTHON_VERSION;
    set("argv", str_list(&vm.argv));
    set("orig_argv", str_list(&std::env::args().collect::<Vec<_>>()));
    set("path", str_list(&cfg.sys_path()));
    set("modules", vm.modules.clone());
    set("meta_path", new_list(vec![]));
    set("path_hooks", new_list(vec![]));
    set("path_importer_cache", DictObj::new_value());
    set("executable", new_str(cfg.executable.as_str()));
    set("_base_executable", new_str(cfg.executable.as_str()));
    let prefix = std::path::Path::new(&cfg.executable)
        .parent()
        .and_then(|p| p.parent())
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    for k in ["prefix", "base_prefix", "exec_prefix", "base_exec_prefix"] {
        set(k, new_str(prefix.as_str()));
    }
    set("platlibdir", new_str("lib"));
    let names = crate::types::set::new_set();
    for n in super::STDLIB_MODULE_NAMES {
        let _ = crate::types::set::as_set(&names)
            .unwrap()
            .add(vm, new_str(*n));
    }
    names.header().unwrap().ty.set(tt().frozenset);
    set("stdlib_module_names", names);
    set(
        "_stdlib_dir",
        cfg.stdlib_dirs
            .first()
            .map(|d| new_str(d.as_str()))
            .unwrap_or(Value::NONE),
    );
    set("pycache_prefix", Value::NONE);
    set("maxsize", Value::int(i64::MAX));
    set("maxunicode", Value::int(0x10FFFF));
    let vi = struct_seq(
        vm,
        "sys.version_info",
        &["major", "minor", "micro", "releaselevel", "serial"],
        vec![
            Value::int(maj as i64),
            Value::int(min as i64),
            Value::int(mic as i64),
            new_str("final"),
            Value::int(0),
        ],
    );
    set("version_info", vi);
    set(
        "hexversion",
        Value::int(((maj << 24) | (min << 16) | (mic << 8) | 0xf0) as i64),
    );
    set("api_version", Value::int(1013));
    set(
        "version",
        new_str(format!(
            "{maj}.{min}.{mic} (pyrun {}, a Python runtime in Rust)",
            env!("CARGO_PKG_VERSION")
        )),
    );
    set(
        "copyright",
        new_str("Copyright (c) 2001-2023 Python Software Foundation.\nAll Rights Reserved."),
    );
    set("platform", new_str("linux"));
    set("byteorder", new_str("little"));
    set("float_repr_style", new_str("short"));
    set(
        "dont_write_bytecode",
        Value::bool(cfg.flags.dont_write_bytecode != 0),
    );
    let names: Vec<String> = super::NATIVE
        .iter()
        .map(|(n, _)| n.to_string())
        .chain(["builtins".to_string()])
        .collect();
    let mut names = names;
    names.sort();
    set(
        "builtin_module_names",
        new_tuple(names.iter().map(|n| new_str(n.as_str())).collect()),
    );
    let version = vm_call_version(vm, maj, min, mic);
    set(
        "implementation",
        crate::pytypes::namespace::new_namespace(&[
            ("name", new_str("pyrun")),
            ("cache_tag", Value::NONE),
            ("version", version),
            (
                "hexversion",
                Value::int(((maj << 24) | (min << 16) | (mic << 8) | 0xf0) as i64),
            ),
            // CPython's multiarch triple of the build ("x86_64-linux-gnu", "aarch64-linux-gnu"); the
            // differential tests ask it which platform's expected outputs apply.
            (
                "_multiarch",
                new_str(format!("{}-linux-gnu", std::env::consts::ARCH).as_str()),
            ),
        ]),
    );
    let (names, values): (Vec<&str>, Vec<Value>) = cfg
        .flags
        .fields()
        .into_iter()
        .map(|(n, v)| {
            (
                n,
                match v {
                    crate::config::FlagValue::Int(i) => Value::int(i),
                    crate::config::FlagValue::Bool(b) => Value::bool(b),
                },
            )
        })
        .unzip();
    let flags = struct_seq(vm, "sys.flags", &names, values);
    set("flags", flags);
    let xo = DictObj::new_value();
    for (k, v) in &cfg.xoptions {
        let val = v
            .as_ref()
            .map(|s| new_str(s.as_str()))
            .unwrap_or(Value::TRUE);
        DictObj::set_str(&xo, new_str(k.as_str()), val);
    }
    set("_xoptions", xo);
    set("warnoptions", str_list(&cfg.warnoptions));
    for (name, fd) in [("stdin", 0), ("stdout", 1), ("stderr", 2)] {
        let s = super::stdstreams::new_stream(fd);
        set(name, s.clone());
        set(&format!("__{name}__"), s);
    }
    for (n, f) in [
        ("exit", sys_exit as NativeFn),
        ("getrecursionlimit", sys_getrecursionlimit as NativeFn),
        ("setrecursionlimit", sys_setrecursionlimit as NativeFn),
        ("exc_info", sys_exc_info),
        ("exception", sys_exception),
        ("intern", sys_intern),
        ("getsizeof", sys_getsizeof),
        ("getdefaultencoding", sys_getdefaultencoding),
        ("getfilesystemencoding", sys_getdefaultencoding),
        ("getfilesystemencodeerrors", sys_getfilesystemencodeerrors),
        ("getrefcount", sys_getrefcount),
        ("breakpointhook", sys_breakpointhook),
        ("excepthook", sys_excepthook),
        ("displayhook", sys_displayhook),
        ("get_asyncgen_hooks", sys_get_asyncgen_hooks),
        ("_getframe", crate::pytypes::sys_getframe),
        ("set_asyncgen_hooks", sys_set_asyncgen_hooks),
        (
            "get_int_max_str_digits",
            sys_get_int_max_str_digits as NativeFn,
        ),
        (
            "set_int_max_str_digits",
            sys_set_int_max_str_digits as NativeFn,
        ),
    ] {
        let f = new_native(n, f);
        set(n, f.clone());
        if matches!(n, "breakpointhook" | "excepthook" | "displayhook") {
            set(&format!("__{n}__"), f);
        }
    }
    new_module("sys", d)
}

/// `sys.implementation.version`: the language version pyrun implements.
fn vm_call_version(_vm: &mut Vm, maj: u32, min: u32, mic: u32) -> Value {
    new_tuple(vec![
        Value::int(maj as i64),
        Value::int(min as i64),
        Value::int(mic as i64),
        new_str("final"),
        Value::int(0),
    ])
}
