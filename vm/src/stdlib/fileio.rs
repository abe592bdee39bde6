//! `open()` and the file objects it returns: `_io.TextIOWrapper` for text modes and
//! `_io.BufferedReader` / `BufferedWriter` / `BufferedRandom` for binary modes.
//!
//! Reading loads the rest of the file on first use (decoded, for text) and serves reads,
//! lines and iteration from it; writes are encoded at once (so encoding errors raise in
//! `write()`, as in CPython) and buffered up to 8 KiB. A text file's `tell()` is the byte
//! offset of the next unread character, which is what CPython's cookie is for these
//! codecs. Dropping a file object flushes it, as CPython's deallocation does.

use super::io::{
    byte_line_end, closed_error, collect_lines, io_types, line_end, size_arg, unsupported,
    writelines_items, Newline, Term,
};
use crate::builtins::args::{to_i64, Args};
use crate::builtins::MethodTable;
use crate::codecs::{self, Codec};
use crate::error::{self, PyErr, PyResult};
use crate::types::bytes::{as_bytes, new_bytes};
use crate::types::dict::DictObj;
use crate::types::ext::{ext_ref, new_ext};
use crate::types::str::{as_str, intern, new_str};
use crate::types::{tt, type_name};
use crate::value::Value;
use crate::vm::Vm;
use std::cell::{RefCell, RefMut};
use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};

const BUFFER_SIZE: usize = 8192;

/// Text already read from the file, with the file offset it starts at.
enum ReadBuf {
    Empty,
    Text {
        chars: Vec<char>,
        pos: usize,
        base: u64,
    },
    Bytes {
        data: Vec<u8>,
        pos: usize,
        base: u64,
    },
}

pub struct FileObj {
    file: Option<File>,
    name: Value,
    mode: String,
    readable: bool,
    writable: bool,
    binary: bool,
    codec: Codec,
    encoding: String,
    errors: String,
    nl: Newline,
    rbuf: ReadBuf,
    wbuf: Vec<u8>,
}

impl Drop for FileObj {
    fn drop(&mut self) {
        let _ = self.flush_raw();
    }
}

/// An OSError subclass for an I/O failure, with CPython's `[Errno N] text: 'name'` message.
pub fn os_error(e: &std::io::Error, filename: Option<&Value>) -> PyErr {
    os_error2(e, filename, None)
}

/// `os_error` for calls with two paths (`rename`): `[Errno N] text: 'a' -> 'b'`.
pub fn os_error2(e: &std::io::Error, filename: Option<&Value>, filename2: Option<&Value>) -> PyErr {
    let t = tt();
    let code = e.raw_os_error();
    let ty = match code {
        Some(2) => t.file_not_found_error,
        Some(17) => t.file_exists_error,
        Some(21) => t.is_a_directory_error,
        Some(20) => t.not_a_directory_error,
        Some(1) | Some(13) => t.permission_error,
        Some(32) => t.broken_pipe_error,
        Some(4) => t.interrupted_error,
        Some(11) | Some(114) | Some(115) => t.blocking_io_error,
        Some(10) => t.child_process_error,
        Some(103) => t.connection_aborted_error,
        Some(111) => t.connection_refused_error,
        Some(104) => t.connection_reset_error,
        Some(3) => t.process_lookup_error,
        Some(110) => t.timeout_error,
        _ => t.os_error,
    };
    let Some(code) = code else {
        return PyErr::new(ty, e.to_string());
    };
    let text = std::io::Error::from_raw_os_error(code).to_string();
    let text = match text.rfind(" (os error") {
        Some(i) => text[..i].to_string(),
        None => text,
    };
    let err = PyErr::with_args(ty, vec![Value::int(code as i64), new_str(text.as_str())]);
    if let Some(x) = crate::types::exc::as_exc(&err.0) {
        let d = DictObj::new_value();
        DictObj::set_str(&d, intern("errno"), Value::int(code as i64));
        DictObj::set_str(&d, intern("strerror"), new_str(text.as_str()));
        for (n, v) in [("filename", filename), ("filename2", filename2)] {
            DictObj::set_str(&d, intern(n), v.cloned().unwrap_or(Value::NONE));
        }
        *x.dict.borrow_mut() = Some(d);
    }
    err
}

/// `str()` of an OSError carrying `(errno, strerror)` arguments.
pub fn os_error_message(vm: &mut Vm, exc: &Value, args: &[Value]) -> PyResult<Option<String>> {
    if args.len() != 2 || crate::types::int::as_int(&args[0]).is_none() {
        return Ok(None);
    }
    let strerror = crate::ops::repr::str_string(vm, &args[1])?;
    let mut msg = format!(
        "[Errno {}] {strerror}",
        crate::ops::repr::str_string(vm, &args[0])?
    );
    let dict = crate::types::exc::as_exc(exc).and_then(|x| x.dict.borrow().clone());
    let attr = |n: &str| {
        dict.as_ref()
            .and_then(|d| DictObj::get_str(d, &intern(n)))
            .filter(|v| !v.is_none())
    };
    if let Some(f) = attr("filename") {
        msg.push_str(": ");
        msg.push_str(&crate::ops::repr::repr_string(vm, &f)?);
        if let Some(f2) = attr("filename2") {
            msg.push_str(" -> ");
            msg.push_str(&crate::ops::repr::repr_string(vm, &f2)?);
        }
    }
    Ok(Some(msg))
}

impl FileObj {
    fn io_err(&self, e: std::io::Error) -> PyErr {
        os_error(&e, None)
    }
    fn file(&mut self) -> PyResult<&mut File> {
        self.file.as_mut().ok_or_else(|| closed_error(true))
    }
    fn flush_raw(&mut self) -> std::io::Result<()> {
        if self.wbuf.is_empty() {
            return Ok(());
        }
        let data = std::mem::take(&mut self.wbuf);
        match self.file.as_mut() {
            Some(f) => f.write_all(&data),
            None => Ok(()),
        }
    }
    fn flush(&mut self) -> PyResult<()> {
        self.flush_raw().map_err(|e| self.io_err(e))
    }
    /// Loads the rest of the file into the read buffer if nothing is buffered.
    fn fill(&mut self) -> PyResult<()> {
        let exhausted = match &self.rbuf {
            ReadBuf::Empty => true,
            ReadBuf::Text { chars, pos, .. } => *pos >= chars.len(),
            ReadBuf::Bytes { data, pos, .. } => *pos >= data.len(),
        };
        if !exhausted {
            return Ok(());
        }
        self.flush()?;
        let f = self.file()?;
        let base = f.stream_position().map_err(|e| os_error(&e, None))?;
        let mut data = Vec::new();
        f.read_to_end(&mut data).map_err(|e| os_error(&e, None))?;
        self.rbuf = if self.binary {
            ReadBuf::Bytes { data, pos: 0, base }
        } else {
            let text = codecs::decode_with(self.codec, &data, &self.errors)?;
            ReadBuf::Text {
                chars: text.chars().collect(),
                pos: 0,
                base,
            }
        };
        Ok(())
    }
    /// The logical position (file offset of the next unread byte).
    fn tell(&mut self) -> PyResult<u64> {
        self.flush()?;
        let codec = self.codec;
        match &self.rbuf {
            ReadBuf::Text { chars, pos, base } => Ok(base
                + chars[..*pos]
                    .iter()
                    .map(|c| match codec {
                        Codec::Utf8 => c.len_utf8() as u64,
                        _ => 1,
                    })
                    .sum::<u64>()),
            ReadBuf::Bytes { pos, base, .. } => Ok(base + *pos as u64),
            ReadBuf::Empty => self
                .file()?
                .stream_position()
                .map_err(|e| os_error(&e, None)),
        }
    }
    fn seek_raw(&mut self, to: SeekFrom) -> PyResult<u64> {
        self.flush()?;
        self.rbuf = ReadBuf::Empty;
        self.file()?.seek(to).map_err(|e| os_error(&e, None))
    }
    fn translate(&self) -> bool {
        self.nl == Newline::Translate
    }
    fn term(&self) -> Term {
        match self.nl {
            Newline::Translate | Newline::Any => Term::Universal,
            Newline::Lf => Term::Lf,
            Newline::Cr => Term::Cr,
            Newline::CrLf => Term::CrLf,
        }
    }
    /// Reads up to `n` characters (all if negative) of text.
    fn read_text(&mut self, n: i64, line: bool) -> PyResult<String> {
        self.fill()?;
        let translate = self.translate();
        let term = self.term();
        let ReadBuf::Text { chars, pos, .. } = &mut self.rbuf else {
            return Ok(String::new());
        };
        let start = *pos;
        let stop = if line {
            line_end(chars, start, term)
        } else {
            chars.len()
        };
        let mut out = String::new();
        let mut i = start;
        let mut produced = 0i64;
        while i < stop && (n < 0 || produced < n) {
            let c = chars[i];
            if translate && c == '\r' {
                out.push('\n');
                i += if chars.get(i + 1) == Some(&'\n') {
                    2
                } else {
                    1
                };
            } else {
                out.push(c);
                i += 1;
            }
            produced += 1;
        }
        *pos = i;
        Ok(out)
    }
    fn read_bytes(&mut self, n: i64, line: bool) -> PyResult<Vec<u8>> {
        self.fill()?;
        let ReadBuf::Bytes { data, pos, .. } = &mut self.rbuf else {
            return Ok(Vec::new());
        };
        let start = *pos;
        let stop = if line {
            byte_line_end(data, start)
        } else {
            data.len()
        };
        let end = if n < 0 {
            stop
        } else {
            stop.min(start + n as usize)
        };
        *pos = end;
        Ok(data[start..end].to_vec())
    }
    fn write_bytes(&mut self, data: &[u8]) -> PyResult<()> {
        match self.rbuf {
            ReadBuf::Empty => {}
            // Text files write where the raw stream is (after what was read ahead), as
            // CPython's TextIOWrapper does; binary files write at the logical position.
            ReadBuf::Text { .. } => self.rbuf = ReadBuf::Empty,
            ReadBuf::Bytes { .. } => {
                let at = self.tell()?;
                self.seek_raw(SeekFrom::Start(at))?;
            }
        }
        self.wbuf.extend_from_slice(data);
        if self.wbuf.len() >= BUFFER_SIZE {
            self.flush()?;
        }
        Ok(())
    }
}

// ---------------------------------------------------------------------------
// open()
// ---------------------------------------------------------------------------

fn opt_str<'a>(v: Option<&'a Value>, pname: &str) -> PyResult<Option<&'a str>> {
    match v {
        None => Ok(None),
        Some(v) if v.is_none() => Ok(None),
        Some(v) => as_str(v).map(Some).ok_or_else(|| {
            error::type_error(format!(
                "open() argument '{pname}' must be str or None, not {}",
                type_name(v)
            ))
        }),
    }
}

struct Mode {
    read: bool,
    write: bool,
    append: bool,
    create: bool,
    plus: bool,
    binary: bool,
}

fn parse_mode(mode: &str) -> PyResult<Mode> {
    let invalid = || error::value_error(format!("invalid mode: '{mode}'"));
    let mut seen = String::new();
    for c in mode.chars() {
        if !"rwxabt+U".contains(c) || seen.contains(c) {
            return Err(invalid());
        }
        seen.push(c);
    }
    if seen.contains('U') {
        return Err(invalid());
    }
    let m = Mode {
        read: seen.contains('r'),
        write: seen.contains('w'),
        append: seen.contains('a'),
        create: seen.contains('x'),
        plus: seen.contains('+'),
        binary: seen.contains('b'),
    };
    if m.binary && seen.contains('t') {
        return Err(error::value_error(
            "can't have text and binary mode at once",
        ));
    }
    let n = m.read as u8 + m.write as u8 + m.append as u8 + m.create as u8;
    if n > 1 {
        return Err(error::value_error(
            "must have exactly one of create/read/write/append mode",
        ));
    }
    if n == 0 {
        return Err(error::value_error(
            "Must have exactly one of create/read/write/append mode and at most one plus",
        ));
    }
    Ok(m)
}

/// `open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None,
/// closefd=True, opener=None)`.
pub fn open(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    const NAMES: [&str; 8] = [
        "file",
        "mode",
        "buffering",
        "encoding",
        "errors",
        "newline",
        "closefd",
        "opener",
    ];
    let a = Args::new("open", args, kwnames);
    if args.len() > 8 {
        return Err(error::type_error(format!(
            "open() takes at most 8 arguments ({} given)",
            args.len()
        )));
    }
    for k in kwnames {
        let k = as_str(k).unwrap_or("");
        if !NAMES.contains(&k) {
            return Err(error::type_error(format!(
                "'{k}' is an invalid keyword argument for open()"
            )));
        }
    }
    let arg = |i: usize| a.arg(i, NAMES[i]);
    let file = arg(0)
        .ok_or_else(|| error::type_error("open() missing required argument 'file' (pos 1)"))?;
    let mode_s = match arg(1) {
        None => "r",
        Some(v) => as_str(v).ok_or_else(|| {
            error::type_error(format!(
                "open() argument 'mode' must be str, not {}",
                type_name(v)
            ))
        })?,
    };
    let encoding = opt_str(arg(3), "encoding")?;
    let errors = opt_str(arg(4), "errors")?;
    if let Some(v) = arg(5) {
        if !v.is_none() && as_str(v).is_none() {
            return Err(error::type_error(format!(
                "open() argument 'newline' must be str or None, not {}",
                type_name(v)
            )));
        }
    }
    let m = parse_mode(mode_s)?;
    if m.binary {
        for (given, what) in [
            (encoding.is_some(), "an encoding"),
            (errors.is_some(), "an errors"),
            (arg(5).is_some_and(|v| !v.is_none()), "a newline"),
        ] {
            if given {
                return Err(error::value_error(format!(
                    "binary mode doesn't take {what} argument"
                )));
            }
        }
    }
    let nl = Newline::parse(arg(5), Newline::Translate, false)?;
    if let Some(v) = arg(6) {
        if v.as_bool() == Some(false) {
            return Err(error::value_error(
                "Cannot use closefd=False with file name",
            ));
        }
    }
    if arg(7).is_some_and(|v| !v.is_none()) {
        return Err(error::not_implemented_error(
            "open() with an opener is not supported yet by pyrun",
        ));
    }
    let path: std::path::PathBuf = if let Some(s) = as_str(file) {
        s.into()
    } else if let Some(b) = as_bytes(file) {
        use std::os::unix::ffi::OsStrExt;
        std::ffi::OsStr::from_bytes(&b).into()
    } else if crate::types::int::as_int(file).is_some() {
        return Err(error::not_implemented_error(
            "open() of a file descriptor is not supported yet by pyrun",
        ));
    } else {
        return Err(error::type_error(format!(
            "expected str, bytes or os.PathLike object, not {}",
            type_name(file)
        )));
    };
    let mut opts = OpenOptions::new();
    opts.read(m.read || m.plus);
    if m.write {
        opts.write(true).create(true).truncate(true);
    }
    if m.append {
        opts.append(true).create(true);
    }
    if m.create {
        opts.write(true).create_new(true);
    }
    if m.read && m.plus {
        opts.write(true);
    }
    let mut f = opts.open(&path).map_err(|e| os_error(&e, Some(file)))?;
    if m.append {
        // Append mode starts at the end (reads too), as CPython's FileIO seeks there.
        f.seek(SeekFrom::End(0))
            .map_err(|e| os_error(&e, Some(file)))?;
    }
    if f.metadata().is_ok_and(|md| md.is_dir()) {
        return Err(os_error(&std::io::Error::from_raw_os_error(21), Some(file)));
    }
    let codec = match encoding {
        Some(e) => codecs::lookup(e)?,
        None => Codec::Utf8,
    };
    let t = io_types();
    let (ty, mode) = if m.binary {
        let base = if m.read {
            "rb"
        } else if m.write {
            "wb"
        } else if m.append {
            "ab"
        } else {
            "xb"
        };
        let ty = if m.plus {
            t.buffered_random
        } else if m.read {
            t.buffered_reader
        } else {
            t.buffered_writer
        };
        (ty, format!("{base}{}", if m.plus { "+" } else { "" }))
    } else {
        (t.text_wrapper, mode_s.to_string())
    };
    let obj = FileObj {
        file: Some(f),
        name: file.clone(),
        mode,
        readable: m.read || m.plus,
        writable: !m.read || m.plus,
        binary: m.binary,
        codec,
        encoding: encoding.unwrap_or("UTF-8").to_string(),
        errors: errors.unwrap_or("strict").to_string(),
        nl,
        rbuf: ReadBuf::Empty,
        wbuf: Vec::new(),
    };
    Ok(new_ext(RefCell::new(obj), ty))
}

// ---------------------------------------------------------------------------
// Methods (shared by the text and binary types; `binary` picks str or bytes)
// ---------------------------------------------------------------------------

fn this<'a>(args: &'a [Value], name: &str) -> PyResult<&'a RefCell<FileObj>> {
    args.first()
        .and_then(ext_ref::<RefCell<FileObj>>)
        .ok_or_else(|| {
            error::type_error(format!(
                "descriptor '{name}' requires a file object, not '{}'",
                args.first().map_or("NoneType", type_name)
            ))
        })
}

/// Borrows an open file (`period`: which closed-file message to use).
fn open_file<'a>(args: &'a [Value], name: &str, period: bool) -> PyResult<RefMut<'a, FileObj>> {
    let f = this(args, name)?.borrow_mut();
    if f.file.is_none() {
        if f.binary && name == "read" {
            return Err(error::value_error("read of closed file"));
        }
        return Err(closed_error(period));
    }
    Ok(f)
}

fn check_readable(f: &FileObj, name: &str) -> PyResult<()> {
    if !f.readable {
        return Err(unsupported(if f.binary { name } else { "not readable" }));
    }
    Ok(())
}

fn check_writable(f: &FileObj, name: &str) -> PyResult<()> {
    if !f.writable {
        return Err(unsupported(if f.binary { name } else { "not writable" }));
    }
    Ok(())
}

fn positional<'a>(
    args: &'a [Value],
    kw: &[Value],
    name: &str,
    max: usize,
) -> PyResult<&'a [Value]> {
    if !kw.is_empty() {
        return Err(error::type_error(format!(
            "{name}() takes no keyword arguments"
        )));
    }
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

fn f_read(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let rest = positional(args, kw, "read", 1)?;
    let mut f = open_file(args, "read", true)?;
    check_readable(&f, "read")?;
    let n = size_arg(rest.first())?;
    if f.binary {
        Ok(new_bytes(f.read_bytes(n, false)?))
    } else {
        Ok(new_str(f.read_text(n, false)?))
    }
}

fn f_readline(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let rest = positional(args, kw, "readline", 1)?;
    let mut f = open_file(args, "readline", true)?;
    check_readable(&f, "readline")?;
    let n = size_arg(rest.first())?;
    if f.binary {
        Ok(new_bytes(f.read_bytes(n, true)?))
    } else {
        Ok(new_str(f.read_text(n, true)?))
    }
}

fn f_readlines(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let rest = positional(args, kw, "readlines", 1)?;
    let mut f = open_file(args, "readlines", true)?;
    check_readable(&f, "readlines")?;
    let hint = size_arg(rest.first())?;
    collect_lines(hint, || {
        if f.binary {
            let line = f.read_bytes(-1, true)?;
            Ok((!line.is_empty()).then(|| {
                let n = line.len();
                (new_bytes(line), n)
            }))
        } else {
            let line = f.read_text(-1, true)?;
            Ok((!line.is_empty()).then(|| {
                let n = line.chars().count();
                (new_str(line), n)
            }))
        }
    })
}

fn f_write(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let rest = positional(args, kw, "write", 1)?;
    let mut f = open_file(args, "write", true)?;
    check_writable(&f, "write")?;
    let Some(v) = rest.first() else {
        return Err(crate::builtins::args::arg_count_error("write", 1, 1, 0));
    };
    if f.binary {
        let data = as_bytes(v).map(|b| b.to_vec()).ok_or_else(|| {
            error::type_error(format!(
                "a bytes-like object is required, not '{}'",
                type_name(v)
            ))
        })?;
        f.write_bytes(&data)?;
        return Ok(Value::int(data.len() as i64));
    }
    let s = as_str(v).ok_or_else(|| {
        error::type_error(format!(
            "write() argument must be str, not {}",
            type_name(v)
        ))
    })?;
    let text = match f.nl.write_nl() {
        Some(nl) => std::borrow::Cow::Owned(s.replace('\n', nl)),
        None => std::borrow::Cow::Borrowed(s),
    };
    let data = codecs::encode_with(f.codec, &text, &f.errors)?;
    f.write_bytes(&data)?;
    Ok(Value::int(s.chars().count() as i64))
}

fn f_writelines(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let rest = positional(args, kw, "writelines", 1)?;
    {
        let f = open_file(args, "writelines", true)?;
        check_writable(&f, "writelines")?;
    }
    let items = writelines_items(vm, rest.first().unwrap_or(&Value::NONE))?;
    for x in items {
        f_write(vm, &[args[0].clone(), x], &[])?;
    }
    Ok(Value::NONE)
}

fn f_flush(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    positional(args, kw, "flush", 0)?;
    let mut f = open_file(args, "flush", true)?;
    f.flush()?;
    Ok(Value::NONE)
}

fn f_close(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    positional(args, kw, "close", 0)?;
    let mut f = this(args, "close")?.borrow_mut();
    if f.file.is_none() {
        return Ok(Value::NONE);
    }
    let r = f.flush();
    f.file = None;
    f.rbuf = ReadBuf::Empty;
    r.map(|_| Value::NONE)
}

fn f_tell(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    positional(args, kw, "tell", 0)?;
    let mut f = open_file(args, "tell", true)?;
    Ok(Value::int(f.tell()? as i64))
}

fn f_seek(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let rest = positional(args, kw, "seek", 2)?;
    if rest.is_empty() {
        return Err(crate::builtins::args::arg_count_error("seek", 1, 2, 0));
    }
    let mut f = open_file(args, "seek", true)?;
    let off = to_i64(&rest[0], "")?;
    let whence = match rest.get(1) {
        Some(w) => to_i64(w, "")?,
        None => 0,
    };
    let invalid = || os_error(&std::io::Error::from_raw_os_error(22), None);
    let to = if f.binary {
        match whence {
            0 if off < 0 => return Err(invalid()),
            0 => SeekFrom::Start(off as u64),
            1 => {
                let at = f.tell()? as i64 + off;
                if at < 0 {
                    return Err(invalid());
                }
                SeekFrom::Start(at as u64)
            }
            2 => SeekFrom::End(off),
            _ => {
                return Err(error::value_error(format!(
                    "whence value {whence} unsupported"
                )))
            }
        }
    } else {
        match whence {
            0 if off < 0 => {
                return Err(error::value_error(format!("negative seek position {off}")))
            }
            0 => SeekFrom::Start(off as u64),
            1 if off != 0 => return Err(unsupported("can't do nonzero cur-relative seeks")),
            1 => return Ok(Value::int(f.tell()? as i64)),
            2 if off != 0 => return Err(unsupported("can't do nonzero end-relative seeks")),
            2 => SeekFrom::End(0),
            _ => {
                return Err(error::value_error(format!(
                    "invalid whence ({whence}, should be 0, 1 or 2)"
                )))
            }
        }
    };
    match f.seek_raw(to) {
        Ok(p) => Ok(Value::int(p as i64)),
        Err(e) => Err(e),
    }
}

fn f_truncate(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let rest = positional(args, kw, "truncate", 1)?;
    let mut f = open_file(args, "truncate", true)?;
    check_writable(&f, "truncate")?;
    let size = match rest.first() {
        Some(v) if !v.is_none() => to_i64(v, "")?,
        _ => f.tell()? as i64,
    };
    if size < 0 {
        return Err(os_error(&std::io::Error::from_raw_os_error(22), None));
    }
    f.flush()?;
    let at = f.tell()?;
    f.rbuf = ReadBuf::Empty;
    let file = f.file()?;
    file.set_len(size as u64).map_err(|e| os_error(&e, None))?;
    file.seek(SeekFrom::Start(at))
        .map_err(|e| os_error(&e, None))?;
    Ok(Value::int(size))
}

// A write-only file's `readable()` (and a read-only file's `writable()`) is IOBase's,
// which answers False without checking for a closed file.
fn f_readable(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    positional(args, kw, "readable", 0)?;
    if !this(args, "readable")?.borrow().readable {
        return Ok(Value::FALSE);
    }
    open_file(args, "readable", false)?;
    Ok(Value::TRUE)
}

fn f_writable(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    positional(args, kw, "writable", 0)?;
    if !this(args, "writable")?.borrow().writable {
        return Ok(Value::FALSE);
    }
    open_file(args, "writable", false)?;
    Ok(Value::TRUE)
}

fn f_seekable(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    positional(args, kw, "seekable", 0)?;
    open_file(args, "seekable", false)?;
    Ok(Value::TRUE)
}

fn f_fileno(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    use std::os::unix::io::AsRawFd;
    positional(args, kw, "fileno", 0)?;
    let mut f = open_file(args, "fileno", false)?;
    Ok(Value::int(f.file()?.as_raw_fd() as i64))
}

fn f_isatty(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    use std::io::IsTerminal;
    positional(args, kw, "isatty", 0)?;
    let mut f = open_file(args, "isatty", false)?;
    Ok(Value::bool(f.file()?.is_terminal()))
}

fn f_iter(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    open_file(args, "__iter__", true)?;
    Ok(args[0].clone())
}

fn f_next(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let line = f_readline(vm, &args[..1], &[])?;
    if crate::ops::len(vm, &line)? == 0 {
        return Err(error::stop_iteration());
    }
    Ok(line)
}

fn f_exit(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    f_close(vm, &args[..1], &[])
}

fn f_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (name, mode, encoding, binary) = {
        let f = this(args, "__repr__")?.borrow();
        (f.name.clone(), f.mode.clone(), f.encoding.clone(), f.binary)
    };
    let tname = type_name(&args[0]);
    let name = crate::ops::repr::repr_string(vm, &name)?;
    Ok(new_str(if binary {
        format!("<{tname} name={name}>")
    } else {
        format!(
            "<{tname} name={name} mode={} encoding={}>",
            crate::fmt::str_repr(&mode),
            crate::fmt::str_repr(&encoding)
        )
    }))
}

fn f_getattr(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let f = this(args, "__getattr__")?.borrow();
    let name = args.get(1).and_then(as_str).unwrap_or("");
    let text = !f.binary;
    Ok(match name {
        "closed" => Value::bool(f.file.is_none()),
        "name" => f.name.clone(),
        "mode" => new_str(f.mode.as_str()),
        "encoding" if text => new_str(f.encoding.as_str()),
        "errors" if text => new_str(f.errors.as_str()),
        "newlines" if text => Value::NONE,
        "line_buffering" if text => Value::FALSE,
        "buffer" | "raw" => {
            return Err(error::not_implemented_error(format!(
                "the '{name}' attribute of file objects is not supported yet by pyrun"
            )))
        }
        _ => {
            return Err(error::attribute_error(format!(
                "'{}' object has no attribute '{name}'",
                type_name(&args[0])
            )))
        }
    })
}

macro_rules! file_methods {
    ($($extra:expr),*) => {
        &[
            ("read", f_read),
            ("readline", f_readline),
            ("readlines", f_readlines),
            ("write", f_write),
            ("writelines", f_writelines),
            ("flush", f_flush),
            ("close", f_close),
            ("tell", f_tell),
            ("seek", f_seek),
            ("truncate", f_truncate),
            ("readable", f_readable),
            ("writable", f_writable),
            ("seekable", f_seekable),
            ("fileno", f_fileno),
            ("isatty", f_isatty),
            ("__iter__", f_iter),
            ("__next__", f_next),
            ("__enter__", f_iter),
            ("__exit__", f_exit),
            ("__repr__", f_repr),
            ("__getattr__", f_getattr),
            $($extra,)*
        ]
    };
}

pub static TEXT_METHODS: MethodTable = file_methods!();
pub static BINARY_METHODS: MethodTable = file_methods!(("read1", f_read));
