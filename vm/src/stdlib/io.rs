//! The `io` module: in-memory streams (`StringIO`, `BytesIO`), the file types returned by
//! `open()` (see `fileio.rs`), `io.UnsupportedOperation` and the `SEEK_*` constants.
//!
//! The stream types are extension types named by CPython's `tp_name` (`_io.StringIO`), so
//! reprs and error messages match; `__name__` drops the module part.

use super::fileio;
use crate::builtins::args::to_i64;
use crate::builtins::MethodTable;
use crate::error::{self, PyErr, PyResult};
use crate::object::{alloc_obj, Header, Kind};
use crate::ops;
use crate::types::bytes::{as_bytes, new_bytes};
use crate::types::dict::DictObj;
use crate::types::ext::{ext_ref, new_ext, new_ext_type};
use crate::types::int::as_int;
use crate::types::list::new_list;
use crate::types::str::{as_str, intern, new_str};
use crate::types::typeobj::{type_data, TypeData};
use crate::types::{tt, type_name};
use crate::value::Value;
use crate::vm::Vm;
use std::cell::{Cell, RefCell};

/// The io types of the current thread (created on first use: `open()` needs them without an
/// `import io`).
pub struct IoTypes {
    pub string_io: *const Header,
    pub bytes_io: *const Header,
    pub text_wrapper: *const Header,
    pub buffered_reader: *const Header,
    pub buffered_writer: *const Header,
    pub buffered_random: *const Header,
    pub unsupported: *const Header,
}

thread_local! {
    static TYPES: Cell<*const IoTypes> = const { Cell::new(std::ptr::null()) };
}

pub fn io_types() -> &'static IoTypes {
    let p = TYPES.with(|c| c.get());
    if !p.is_null() {
        return unsafe { &*p };
    }
    let b = super::io_base::bases();
    let t = Box::leak(Box::new(IoTypes {
        string_io: new_ext_type("StringIO", "_io", b.text, STRINGIO_METHODS),
        bytes_io: new_ext_type("BytesIO", "_io", b.buffered, BYTESIO_METHODS),
        text_wrapper: new_ext_type("TextIOWrapper", "_io", b.text, fileio::TEXT_METHODS),
        buffered_reader: new_ext_type("BufferedReader", "_io", b.buffered, fileio::BINARY_METHODS),
        buffered_writer: new_ext_type("BufferedWriter", "_io", b.buffered, fileio::BINARY_METHODS),
        buffered_random: new_ext_type("BufferedRandom", "_io", b.buffered, fileio::BINARY_METHODS),
        unsupported: make_unsupported_operation(),
    }));
    TYPES.with(|c| c.set(t as *const IoTypes));
    t
}

/// `io.UnsupportedOperation`, a subclass of both OSError and ValueError.
fn make_unsupported_operation() -> *const Header {
    let t = tt();
    let os = unsafe { Value::from_header(t.os_error) };
    let val = unsafe { Value::from_header(t.value_error) };
    let mut mro = vec![os.clone(), val.clone()];
    mro.extend(type_data(&os).mro.borrow().iter().cloned());
    let dict = DictObj::new_value();
    DictObj::set_str(&dict, intern("__module__"), intern("io"));
    let v = alloc_obj(
        TypeData {
            name: "UnsupportedOperation".into(),
            bases: vec![os, val],
            mro: RefCell::new(mro),
            dict,
            layout: Kind::Exception,
            version: Cell::new(1),
            is_builtin: false,
            dispatch: false,
            slots: None,
            hooks: Cell::new((0, 0)),
            ctor: RefCell::new((0, None, None)),
        },
        t.type_,
    );
    let p = v.ptr();
    std::mem::forget(v); // immortal, like the builtin exception types
    p
}

pub fn unsupported(msg: &str) -> PyErr {
    PyErr::new(io_types().unsupported, msg)
}

/// `I/O operation on closed file` (CPython words it with or without a final period
/// depending on the method).
pub fn closed_error(period: bool) -> PyErr {
    error::value_error(if period {
        "I/O operation on closed file."
    } else {
        "I/O operation on closed file"
    })
}

/// A `size` / `hint` argument: an int, None (or absent) meaning -1.
pub fn size_arg(v: Option<&Value>) -> PyResult<i64> {
    match v {
        None => Ok(-1),
        Some(v) if v.is_none() => Ok(-1),
        Some(v) => match as_int(v) {
            Some(i) => i.to_i64().ok_or_else(|| {
                error::overflow_error("cannot fit 'int' into an index-sized integer")
            }),
            None => Err(error::type_error(format!(
                "argument should be integer or None, not '{}'",
                type_name(v)
            ))),
        },
    }
}

/// The `newline` argument of `StringIO()` and `open()`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Newline {
    /// None: universal newlines, translated to `\n`.
    Translate,
    /// '': universal newlines, untranslated.
    Any,
    Lf,
    Cr,
    CrLf,
}

impl Newline {
    pub fn parse(v: Option<&Value>, default: Newline, quote: bool) -> PyResult<Newline> {
        let Some(v) = v else { return Ok(default) };
        if v.is_none() {
            return Ok(Newline::Translate);
        }
        let s = as_str(v).ok_or_else(|| {
            error::type_error(format!("newline must be str or None, not {}", type_name(v)))
        })?;
        Ok(match s {
            "" => Newline::Any,
            "\n" => Newline::Lf,
            "\r" => Newline::Cr,
            "\r\n" => Newline::CrLf,
            _ => {
                return Err(error::value_error(if quote {
                    format!("illegal newline value: {}", crate::fmt::str_repr(s))
                } else {
                    format!("illegal newline value: {s}")
                }))
            }
        })
    }
    /// What `\n` becomes when written, if anything.
    pub fn write_nl(self) -> Option<&'static str> {
        match self {
            Newline::Cr => Some("\r"),
            Newline::CrLf => Some("\r\n"),
            _ => None,
        }
    }
}

/// Where lines end when reading.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Term {
    Lf,
    Cr,
    CrLf,
    /// `\r`, `\n` or `\r\n`.
    Universal,
}

/// End (exclusive, terminator included) of the line starting at `start`.
pub fn line_end(chars: &[char], start: usize, term: Term) -> usize {
    let n = chars.len();
    let mut i = start;
    while i < n {
        let c = chars[i];
        match term {
            Term::Lf if c == '\n' => return i + 1,
            Term::Cr if c == '\r' => return i + 1,
            Term::CrLf if c == '\r' && chars.get(i + 1) == Some(&'\n') => return i + 2,
            Term::Universal if c == '\n' => return i + 1,
            Term::Universal if c == '\r' => {
                return if chars.get(i + 1) == Some(&'\n') {
                    i + 2
                } else {
                    i + 1
                }
            }
            _ => {}
        }
        i += 1;
    }
    n
}

/// End of the line starting at `start` in bytes (always `\n`-terminated).
pub fn byte_line_end(data: &[u8], start: usize) -> usize {
    match data[start.min(data.len())..]
        .iter()
        .position(|&b| b == b'\n')
    {
        Some(p) => start + p + 1,
        None => data.len(),
    }
}

/// Collects `readlines(hint)`: lines until their total size exceeds `hint` (if positive).
pub fn collect_lines(
    hint: i64,
    mut next_line: impl FnMut() -> PyResult<Option<(Value, usize)>>,
) -> PyResult<Value> {
    let mut out = Vec::new();
    let mut total = 0usize;
    while let Some((line, n)) = next_line()? {
        out.push(line);
        total += n;
        if hint > 0 && total as i64 > hint {
            break;
        }
    }
    Ok(new_list(out))
}

/// The items of `writelines()`'s argument (collected before any borrow of the stream).
pub fn writelines_items(vm: &mut Vm, v: &Value) -> PyResult<Vec<Value>> {
    ops::collect(vm, v)
}

fn seek_args(args: &[Value]) -> PyResult<(i64, i64)> {
    if args.is_empty() || args.len() > 2 {
        return Err(crate::builtins::args::arg_count_error(
            "seek",
            1,
            2,
            args.len(),
        ));
    }
    let pos = to_i64(&args[0], "")?;
    let whence = match args.get(1) {
        Some(w) => to_i64(w, "")?,
        None => 0,
    };
    Ok((pos, whence))
}

// ---------------------------------------------------------------------------
// StringIO
// ---------------------------------------------------------------------------

struct StringIO {
    buf: Vec<char>,
    pos: usize,
    closed: bool,
    nl: Newline,
}

impl StringIO {
    fn term(&self) -> Term {
        match self.nl {
            Newline::Translate | Newline::Lf => Term::Lf,
            Newline::Any => Term::Universal,
            Newline::Cr => Term::Cr,
            Newline::CrLf => Term::CrLf,
        }
    }
    fn write(&mut self, s: &str) {
        let text: String = match self.nl {
            Newline::Translate => s.replace("\r\n", "\n").replace('\r', "\n"),
            nl => match nl.write_nl() {
                Some(w) => s.replace('\n', w),
                None => s.to_string(),
            },
        };
        if self.pos > self.buf.len() {
            self.buf.resize(self.pos, '\0');
        }
        for c in text.chars() {
            if self.pos < self.buf.len() {
                self.buf[self.pos] = c;
            } else {
                self.buf.push(c);
            }
            self.pos += 1;
        }
    }
    fn readline(&mut self, limit: i64) -> String {
        let start = self.pos.min(self.buf.len());
        let mut end = line_end(&self.buf, start, self.term());
        if limit >= 0 && end - start > limit as usize {
            end = start + limit as usize;
        }
        self.pos = end.max(self.pos);
        self.buf[start..end].iter().collect()
    }
}

fn sio<'a>(args: &'a [Value], name: &str) -> PyResult<&'a RefCell<StringIO>> {
    args.first()
        .and_then(ext_ref::<RefCell<StringIO>>)
        .ok_or_else(|| {
            error::type_error(format!(
                "descriptor '{name}' for '_io.StringIO' objects doesn't apply to a '{}' object",
                args.first().map_or("NoneType", type_name)
            ))
        })
}

/// Borrows an open StringIO (`period` selects the closed-file message).
fn open_sio<'a>(
    args: &'a [Value],
    name: &str,
    period: bool,
) -> PyResult<std::cell::RefMut<'a, StringIO>> {
    let s = sio(args, name)?.borrow_mut();
    if s.closed {
        return Err(closed_error(period));
    }
    Ok(s)
}

fn no_kw(kw: &[Value], name: &str) -> PyResult<()> {
    if kw.is_empty() {
        Ok(())
    } else {
        Err(error::type_error(format!(
            "{name}() takes no keyword arguments"
        )))
    }
}

fn positional<'a>(
    args: &'a [Value],
    kw: &[Value],
    name: &str,
    max: usize,
) -> PyResult<&'a [Value]> {
    no_kw(kw, name)?;
    let rest = &args[1..];
    if rest.len() > max {
        return Err(crate::builtins::args::arg_count_error(
            name,
            0,
            max,
            rest.len(),
        ));
    }
    Ok(rest)
}

fn sio_new(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = crate::builtins::args::Args::new("StringIO", &args[1..], kw);
    a.check(0, 2, &["initial_value", "newline"])?;
    let nl = Newline::parse(a.arg(1, "newline"), Newline::Lf, true)?;
    let mut s = StringIO {
        buf: vec![],
        pos: 0,
        closed: false,
        nl,
    };
    match a.arg(0, "initial_value") {
        Some(v) if !v.is_none() => {
            let text = as_str(v).ok_or_else(|| {
                error::type_error(format!(
                    "initial_value must be str or None, not {}",
                    type_name(v)
                ))
            })?;
            s.write(text);
            s.pos = 0;
        }
        _ => {}
    }
    Ok(new_ext(RefCell::new(s), io_types().string_io))
}

fn sio_write(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let rest = positional(args, kw, "write", 1)?;
    let mut s = open_sio(args, "write", false)?;
    let Some(v) = rest.first() else {
        return Err(crate::builtins::args::arg_count_error("write", 1, 1, 0));
    };
    let text = as_str(v).ok_or_else(|| {
        error::type_error(format!("string argument expected, got '{}'", type_name(v)))
    })?;
    s.write(text);
    Ok(Value::int(text.chars().count() as i64))
}

fn sio_writelines(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let rest = positional(args, kw, "writelines", 1)?;
    open_sio(args, "writelines", true)?;
    let items = writelines_items(vm, rest.first().unwrap_or(&Value::NONE))?;
    for x in items {
        sio_write(vm, &[args[0].clone(), x], &[])?;
    }
    Ok(Value::NONE)
}

fn sio_read(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let rest = positional(args, kw, "read", 1)?;
    let mut s = open_sio(args, "read", false)?;
    let n = size_arg(rest.first())?;
    let start = s.pos.min(s.buf.len());
    let end = if n < 0 {
        s.buf.len()
    } else {
        (start + n as usize).min(s.buf.len())
    };
    s.pos = end.max(s.pos);
    Ok(new_str(s.buf[start..end].iter().collect::<String>()))
}

fn sio_readline(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let rest = positional(args, kw, "readline", 1)?;
    let mut s = open_sio(args, "readline", false)?;
    let n = size_arg(rest.first())?;
    Ok(new_str(s.readline(n)))
}

fn sio_readlines(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let rest = positional(args, kw, "readlines", 1)?;
    let mut s = open_sio(args, "readlines", false)?;
    let hint = size_arg(rest.first())?;
    collect_lines(hint, || {
        let line = s.readline(-1);
        Ok((!line.is_empty()).then(|| {
            let n = line.chars().count();
            (new_str(line), n)
        }))
    })
}

fn sio_getvalue(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    positional(args, kw, "getvalue", 0)?;
    let s = open_sio(args, "getvalue", false)?;
    Ok(new_str(s.buf.iter().collect::<String>()))
}

fn sio_tell(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    positional(args, kw, "tell", 0)?;
    let s = open_sio(args, "tell", false)?;
    Ok(Value::int(s.pos as i64))
}

fn sio_seek(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let rest = positional(args, kw, "seek", 2)?;
    let (pos, whence) = seek_args(rest)?;
    let mut s = open_sio(args, "seek", false)?;
    match whence {
        0 if pos < 0 => Err(error::value_error(format!("Negative seek position {pos}"))),
        0 => {
            s.pos = pos as usize;
            Ok(Value::int(pos))
        }
        // CPython words both cases as cur-relative.
        1 | 2 if pos != 0 => Err(error::os_error("Can't do nonzero cur-relative seeks")),
        1 => Ok(Value::int(s.pos as i64)),
        2 => {
            s.pos = s.buf.len();
            Ok(Value::int(s.pos as i64))
        }
        _ => Err(error::value_error(format!(
            "Invalid whence ({whence}, should be 0, 1 or 2)"
        ))),
    }
}

fn sio_truncate(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let rest = positional(args, kw, "truncate", 1)?;
    let mut s = open_sio(args, "truncate", false)?;
    let size = match rest.first() {
        None => s.pos as i64,
        Some(v) if v.is_none() => s.pos as i64,
        Some(v) => size_arg(Some(v))?,
    };
    if size < 0 {
        return Err(error::value_error(format!("Negative size value {size}")));
    }
    if (size as usize) < s.buf.len() {
        s.buf.truncate(size as usize);
    }
    Ok(Value::int(size))
}

fn sio_close(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    positional(args, kw, "close", 0)?;
    let mut s = sio(args, "close")?.borrow_mut();
    s.closed = true;
    s.buf = Vec::new();
    Ok(Value::NONE)
}

/// readable / writable / seekable: True while open.
fn sio_true(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    positional(args, kw, "readable", 0)?;
    open_sio(args, "readable", false)?;
    Ok(Value::TRUE)
}

fn sio_isatty(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    positional(args, kw, "isatty", 0)?;
    open_sio(args, "isatty", true)?;
    Ok(Value::FALSE)
}

fn sio_flush(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    positional(args, kw, "flush", 0)?;
    sio(args, "flush")?;
    Ok(Value::NONE)
}

fn sio_fileno(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Err(unsupported("fileno"))
}

fn sio_detach(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Err(unsupported("detach"))
}

fn sio_iter(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    open_sio(args, "__iter__", true)?;
    Ok(args[0].clone())
}

fn sio_next(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let mut s = open_sio(args, "__next__", false)?;
    let line = s.readline(-1);
    if line.is_empty() {
        return Err(error::stop_iteration());
    }
    Ok(new_str(line))
}

fn sio_enter(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    open_sio(args, "__enter__", true)?;
    Ok(args[0].clone())
}

fn sio_exit(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    sio_close(vm, &args[..1], &[])
}

fn sio_getattr(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let s = sio(args, "__getattr__")?.borrow();
    let name = args.get(1).and_then(as_str).unwrap_or("");
    match name {
        "closed" => Ok(Value::bool(s.closed)),
        "line_buffering" | "newlines" if s.closed => Err(closed_error(false)),
        "line_buffering" => Ok(Value::FALSE),
        "newlines" | "encoding" | "errors" => Ok(Value::NONE),
        _ => Err(error::attribute_error(format!(
            "'_io.StringIO' object has no attribute '{name}'"
        ))),
    }
}

static STRINGIO_METHODS: MethodTable = &[
    ("__new__", sio_new),
    ("write", sio_write),
    ("writelines", sio_writelines),
    ("read", sio_read),
    ("readline", sio_readline),
    ("readlines", sio_readlines),
    ("getvalue", sio_getvalue),
    ("tell", sio_tell),
    ("seek", sio_seek),
    ("truncate", sio_truncate),
    ("close", sio_close),
    ("readable", sio_true),
    ("writable", sio_true),
    ("seekable", sio_true),
    ("isatty", sio_isatty),
    ("flush", sio_flush),
    ("fileno", sio_fileno),
    ("detach", sio_detach),
    ("__iter__", sio_iter),
    ("__next__", sio_next),
    ("__enter__", sio_enter),
    ("__exit__", sio_exit),
    ("__getattr__", sio_getattr),
];

// ---------------------------------------------------------------------------
// BytesIO
// ---------------------------------------------------------------------------

struct BytesIO {
    buf: Vec<u8>,
    pos: usize,
    closed: bool,
}

impl BytesIO {
    fn readline(&mut self, limit: i64) -> Vec<u8> {
        let start = self.pos.min(self.buf.len());
        let mut end = byte_line_end(&self.buf, start);
        if limit >= 0 && end - start > limit as usize {
            end = start + limit as usize;
        }
        self.pos = end.max(self.pos);
        self.buf[start..end].to_vec()
    }
}

fn bio<'a>(args: &'a [Value], name: &str) -> PyResult<std::cell::RefMut<'a, BytesIO>> {
    let b = args
        .first()
        .and_then(ext_ref::<RefCell<BytesIO>>)
        .ok_or_else(|| {
            error::type_error(format!(
                "descriptor '{name}' for '_io.BytesIO' objects doesn't apply to a '{}' object",
                args.first().map_or("NoneType", type_name)
            ))
        })?
        .borrow_mut();
    if b.closed && name != "close" {
        return Err(closed_error(true));
    }
    Ok(b)
}

fn bytes_arg(v: &Value) -> PyResult<Vec<u8>> {
    as_bytes(v).map(|b| b.to_vec()).ok_or_else(|| {
        error::type_error(format!(
            "a bytes-like object is required, not '{}'",
            type_name(v)
        ))
    })
}

fn bio_new(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = crate::builtins::args::Args::new("BytesIO", &args[1..], kw);
    a.check(0, 1, &["initial_bytes"])?;
    let buf = match a.arg(0, "initial_bytes") {
        Some(v) if !v.is_none() => bytes_arg(v)?,
        _ => vec![],
    };
    Ok(new_ext(
        RefCell::new(BytesIO {
            buf,
            pos: 0,
            closed: false,
        }),
        io_types().bytes_io,
    ))
}

fn bio_write(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let rest = positional(args, kw, "write", 1)?;
    let mut b = bio(args, "write")?;
    let data = bytes_arg(rest.first().unwrap_or(&Value::NONE))?;
    let pos = b.pos;
    if pos > b.buf.len() {
        b.buf.resize(pos, 0);
    }
    let end = pos + data.len();
    if end > b.buf.len() {
        b.buf.resize(end, 0);
    }
    b.buf[pos..end].copy_from_slice(&data);
    b.pos = end;
    Ok(Value::int(data.len() as i64))
}

fn bio_writelines(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let rest = positional(args, kw, "writelines", 1)?;
    bio(args, "writelines")?;
    let items = writelines_items(vm, rest.first().unwrap_or(&Value::NONE))?;
    for x in items {
        bio_write(vm, &[args[0].clone(), x], &[])?;
    }
    Ok(Value::NONE)
}

fn bio_read(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let rest = positional(args, kw, "read", 1)?;
    let mut b = bio(args, "read")?;
    let n = size_arg(rest.first())?;
    let start = b.pos.min(b.buf.len());
    let end = if n < 0 {
        b.buf.len()
    } else {
        (start + n as usize).min(b.buf.len())
    };
    b.pos = end.max(b.pos);
    Ok(new_bytes(b.buf[start..end].to_vec()))
}

fn bio_readline(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let rest = positional(args, kw, "readline", 1)?;
    let mut b = bio(args, "readline")?;
    let n = size_arg(rest.first())?;
    Ok(new_bytes(b.readline(n)))
}

fn bio_readlines(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let rest = positional(args, kw, "readlines", 1)?;
    let mut b = bio(args, "readlines")?;
    let hint = size_arg(rest.first())?;
    collect_lines(hint, || {
        let line = b.readline(-1);
        Ok((!line.is_empty()).then(|| {
            let n = line.len();
            (new_bytes(line), n)
        }))
    })
}

fn bio_getvalue(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    positional(args, kw, "getvalue", 0)?;
    let b = bio(args, "getvalue")?;
    Ok(new_bytes(b.buf.clone()))
}

fn bio_tell(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    positional(args, kw, "tell", 0)?;
    Ok(Value::int(bio(args, "tell")?.pos as i64))
}

fn bio_seek(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let rest = positional(args, kw, "seek", 2)?;
    let (pos, whence) = seek_args(rest)?;
    let mut b = bio(args, "seek")?;
    let new = match whence {
        0 if pos < 0 => return Err(error::value_error(format!("negative seek value {pos}"))),
        0 => pos,
        1 => (b.pos as i64).saturating_add(pos).max(0),
        2 => (b.buf.len() as i64).saturating_add(pos).max(0),
        _ => {
            return Err(error::value_error(format!(
                "invalid whence ({whence}, should be 0, 1 or 2)"
            )))
        }
    };
    b.pos = new as usize;
    Ok(Value::int(new))
}

fn bio_truncate(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let rest = positional(args, kw, "truncate", 1)?;
    let mut b = bio(args, "truncate")?;
    let size = match rest.first() {
        None => b.pos as i64,
        Some(v) if v.is_none() => b.pos as i64,
        Some(v) => size_arg(Some(v))?,
    };
    if size < 0 {
        return Err(error::value_error(format!("negative size value {size}")));
    }
    if (size as usize) < b.buf.len() {
        b.buf.truncate(size as usize);
    }
    Ok(Value::int(size))
}

fn bio_close(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    positional(args, kw, "close", 0)?;
    let mut b = bio(args, "close")?;
    b.closed = true;
    b.buf = Vec::new();
    Ok(Value::NONE)
}

fn bio_true(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    positional(args, kw, "readable", 0)?;
    bio(args, "readable")?;
    Ok(Value::TRUE)
}

fn bio_false(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    positional(args, kw, "isatty", 0)?;
    bio(args, "isatty")?;
    Ok(Value::FALSE)
}

fn bio_flush(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    positional(args, kw, "flush", 0)?;
    bio(args, "flush")?;
    Ok(Value::NONE)
}

fn bio_iter(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    bio(args, "__iter__")?;
    Ok(args[0].clone())
}

fn bio_next(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let mut b = bio(args, "__next__")?;
    let line = b.readline(-1);
    if line.is_empty() {
        return Err(error::stop_iteration());
    }
    Ok(new_bytes(line))
}

fn bio_exit(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    bio_close(vm, &args[..1], &[])
}

fn bio_getattr(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let b = args
        .first()
        .and_then(ext_ref::<RefCell<BytesIO>>)
        .ok_or_else(|| error::type_error("BytesIO.__getattr__ needs a BytesIO"))?
        .borrow();
    let name = args.get(1).and_then(as_str).unwrap_or("");
    match name {
        "closed" => Ok(Value::bool(b.closed)),
        _ => Err(error::attribute_error(format!(
            "'_io.BytesIO' object has no attribute '{name}'"
        ))),
    }
}

static BYTESIO_METHODS: MethodTable = &[
    ("__new__", bio_new),
    ("write", bio_write),
    ("writelines", bio_writelines),
    ("read", bio_read),
    ("read1", bio_read),
    ("readline", bio_readline),
    ("readlines", bio_readlines),
    ("getvalue", bio_getvalue),
    ("tell", bio_tell),
    ("seek", bio_seek),
    ("truncate", bio_truncate),
    ("close", bio_close),
    ("readable", bio_true),
    ("writable", bio_true),
    ("seekable", bio_true),
    ("isatty", bio_false),
    ("flush", bio_flush),
    ("fileno", sio_fileno),
    ("__iter__", bio_iter),
    ("__next__", bio_next),
    ("__enter__", bio_iter),
    ("__exit__", bio_exit),
    ("__getattr__", bio_getattr),
];

// ---------------------------------------------------------------------------
// The module
// ---------------------------------------------------------------------------

/// Types io.py names that pyrun's `open()` does not make (raw unbuffered files and
/// the rest): constructing one says so.
fn not_supported_new(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let name = args
        .first()
        .and_then(|c| c.downcast::<crate::types::typeobj::TypeData>())
        .map(|t| t.name.clone())
        .unwrap_or_default();
    Err(error::not_implemented_error(format!(
        "{name} is not supported yet by pyrun"
    )))
}

fn open_code(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = crate::builtins::args::Args::new("open_code", args, kw);
    a.check(1, 1, &["path"])?;
    fileio::open(
        vm,
        &[a.pos[0].clone(), crate::types::str::new_str("rb")],
        &[],
    )
}

/// `text_encoding(encoding, stacklevel=2)`: "locale" for None (no UTF-8 mode).
fn text_encoding(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = crate::builtins::args::Args::new("text_encoding", args, kw);
    a.check(1, 2, &["encoding", "stacklevel"])?;
    Ok(if a.pos[0].is_none() {
        crate::types::str::new_str("locale")
    } else {
        a.pos[0].clone()
    })
}

pub fn make(_vm: &mut Vm) -> Value {
    let m = super::module_with_functions(
        "_io",
        &[
            ("open", fileio::open),
            ("open_code", open_code),
            ("text_encoding", text_encoding),
        ],
    );
    let b = super::io_base::bases();
    for (name, base) in [
        ("_IOBase", b.io_base),
        ("_RawIOBase", b.raw),
        ("_BufferedIOBase", b.buffered),
        ("_TextIOBase", b.text),
    ] {
        super::set(&m, name, unsafe { Value::from_header(base) });
    }
    for (name, base) in [
        ("FileIO", b.raw),
        ("BufferedRWPair", b.buffered),
        ("IncrementalNewlineDecoder", std::ptr::null()),
    ] {
        let ty = new_ext_type(name, "_io", base, &[("__new__", not_supported_new)]);
        super::set(&m, name, unsafe { Value::from_header(ty) });
    }
    super::set(&m, "BlockingIOError", unsafe {
        Value::from_header(tt().blocking_io_error)
    });
    let t = io_types();
    let ty = |p: *const Header| unsafe { Value::from_header(p) };
    super::set(&m, "StringIO", ty(t.string_io));
    super::set(&m, "BytesIO", ty(t.bytes_io));
    super::set(&m, "TextIOWrapper", ty(t.text_wrapper));
    super::set(&m, "BufferedReader", ty(t.buffered_reader));
    super::set(&m, "BufferedWriter", ty(t.buffered_writer));
    super::set(&m, "BufferedRandom", ty(t.buffered_random));
    super::set(&m, "UnsupportedOperation", ty(t.unsupported));
    super::set(&m, "SEEK_SET", Value::small_int(0));
    super::set(&m, "SEEK_CUR", Value::small_int(1));
    super::set(&m, "SEEK_END", Value::small_int(2));
    super::set(&m, "DEFAULT_BUFFER_SIZE", Value::small_int(8192));
    m
}
