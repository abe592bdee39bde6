//! `sys.stdin`, `sys.stdout` and `sys.stderr`: text streams over file descriptors 0-2
//! (type `_io.TextIOWrapper`, UTF-8). stdout goes through the interpreter's buffer
//! (`stdio::StdOut`), stderr is written through, stdin reads lines.

use crate::builtins::args::Args;
use crate::builtins::MethodTable;
use crate::error::{self, PyResult};
use crate::object::Header;
use crate::types::ext::{ext_ref, new_ext, new_ext_type};
use crate::types::str::{as_str, new_str};
use crate::value::Value;
use crate::vm::Vm;
use std::cell::Cell;

pub struct StdStream {
    pub fd: i32,
}

thread_local! {
    static TYPE: Cell<*const Header> = const { Cell::new(std::ptr::null()) };
}

fn stream_type() -> *const Header {
    TYPE.with(|t| {
        if t.get().is_null() {
            t.set(new_ext_type(
                "TextIOWrapper",
                "_io",
                super::io_base::bases().text,
                METHODS,
            ));
        }
        t.get()
    })
}

pub fn new_stream(fd: i32) -> Value {
    new_ext(StdStream { fd }, stream_type())
}

/// The file descriptor of a standard stream object, if `v` is one.
pub fn stream_fd(v: &Value) -> Option<i32> {
    ext_ref::<StdStream>(v).map(|s| s.fd)
}

fn this<'a>(args: &'a [Value], meth: &str) -> PyResult<&'a StdStream> {
    crate::types::ext::receiver::<StdStream>(args, "_io.TextIOWrapper", meth)
}

fn unsupported(op: &str) -> crate::error::PyErr {
    crate::error::PyErr::new(crate::types::tt().os_error, op.to_string())
}

fn write(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let s = this(args, "write")?;
    let a = Args::new("write", args, kw);
    a.check(2, 2, &[])?;
    let text = as_str(&a.pos[1]).ok_or_else(|| {
        error::type_error(format!(
            "write() argument must be str, not {}",
            crate::types::type_name(&a.pos[1])
        ))
    })?;
    match s.fd {
        1 => crate::stdio::write_stdout(vm, text.as_bytes())?,
        2 => crate::stdio::write_stderr(vm, text.as_bytes())?,
        _ => return Err(unsupported("not writable")),
    }
    Ok(Value::int(text.chars().count() as i64))
}

fn flush(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if this(args, "flush")?.fd == 1 {
        std::io::Write::flush(&mut vm.out).map_err(|e| crate::stdio::io_error(&e))?;
    }
    Ok(Value::NONE)
}

fn readline(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if this(args, "readline")?.fd != 0 {
        return Err(unsupported("not readable"));
    }
    vm.flush();
    match crate::stdio::read_line() {
        Ok(l) => Ok(new_str(l)),
        Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {
            Err(crate::signals::keyboard_interrupt())
        }
        Err(e) => Err(crate::stdio::io_error(&e)),
    }
}

fn read(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if this(args, "read")?.fd != 0 {
        return Err(unsupported("not readable"));
    }
    vm.flush();
    let mut s = String::new();
    std::io::Read::read_to_string(&mut std::io::stdin(), &mut s)
        .map_err(|e| crate::stdio::io_error(&e))?;
    Ok(new_str(s))
}

fn readlines(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let text = read(vm, args, kw)?;
    let s = as_str(&text).unwrap_or("");
    let lines: Vec<Value> = s.split_inclusive('\n').map(new_str).collect();
    Ok(crate::types::list::new_list(lines))
}

fn next(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let line = readline(vm, args, kw)?;
    if as_str(&line).is_some_and(str::is_empty) {
        return Err(error::stop_iteration());
    }
    Ok(line)
}

fn iter(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    this(args, "__iter__")?;
    Ok(args[0].clone())
}

fn fileno(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(this(args, "fileno")?.fd as i64))
}

fn isatty(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::bool(crate::stdio::is_tty(this(args, "isatty")?.fd)))
}

fn readable(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::bool(this(args, "readable")?.fd == 0))
}

fn writable(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::bool(this(args, "writable")?.fd != 0))
}

fn seekable(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    this(args, "seekable")?;
    Ok(Value::FALSE)
}

fn name_of(fd: i32) -> &'static str {
    ["<stdin>", "<stdout>", "<stderr>"][fd.clamp(0, 2) as usize]
}

fn repr(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let s = this(args, "__repr__")?;
    let mode = if s.fd == 0 { "r" } else { "w" };
    Ok(new_str(format!(
        "<_io.TextIOWrapper name='{}' mode='{mode}' encoding='utf-8'>",
        name_of(s.fd)
    )))
}

/// The per-stream attributes (`name`, `mode`, `errors`, ...).
fn getattr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let s = this(args, "__getattr__")?;
    let name = args.get(1).and_then(|n| as_str(n)).unwrap_or("");
    let unbuffered = vm.options.config.unbuffered;
    Ok(match name {
        "name" => new_str(name_of(s.fd)),
        "mode" => new_str(if s.fd == 0 { "r" } else { "w" }),
        "encoding" => new_str("utf-8"),
        "errors" => new_str(if s.fd == 2 {
            "backslashreplace"
        } else {
            "strict"
        }),
        "closed" => Value::FALSE,
        "line_buffering" => Value::bool(s.fd == 2 || (crate::stdio::is_tty(s.fd) && !unbuffered)),
        "write_through" => Value::bool(s.fd != 0 && unbuffered),
        "newlines" => Value::NONE,
        _ => {
            return Err(error::attribute_error(format!(
                "'_io.TextIOWrapper' object has no attribute '{name}'"
            )))
        }
    })
}

fn close(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    this(args, "close")?;
    Ok(Value::NONE)
}

static METHODS: MethodTable = &[
    ("write", write),
    ("flush", flush),
    ("readline", readline),
    ("read", read),
    ("readlines", readlines),
    ("__iter__", iter),
    ("__next__", next),
    ("fileno", fileno),
    ("isatty", isatty),
    ("readable", readable),
    ("writable", writable),
    ("seekable", seekable),
    ("close", close),
    ("__repr__", repr),
    ("__getattr__", getattr),
];
