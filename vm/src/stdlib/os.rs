//! A small `os` module: the file-system calls programs need around `open()` (making and
//! removing files and directories, listing, renaming) and the pure-string parts of
//! `os.path`. Failures raise CPython's OSError subclasses with `[Errno N]` messages.

use super::fileio::os_error2;
use crate::builtins::args::Args;
use crate::error::{self, PyResult};
use crate::types::bytes::as_bytes;
use crate::types::list::new_list;
use crate::types::str::{as_str, new_str};
use crate::types::tuple::new_tuple;
use crate::types::type_name;
use crate::value::Value;
use crate::vm::Vm;
use std::path::PathBuf;

/// A path argument (str or bytes) of function `fname`.
fn path_arg(v: &Value, fname: &str) -> PyResult<PathBuf> {
    if let Some(s) = as_str(v) {
        return Ok(s.into());
    }
    if let Some(b) = as_bytes(v) {
        use std::os::unix::ffi::OsStrExt;
        return Ok(std::ffi::OsStr::from_bytes(&b).into());
    }
    Err(error::type_error(format!(
        "{fname}: path should be string, bytes or os.PathLike, not {}",
        type_name(v)
    )))
}

fn one_path<'a>(
    fname: &'static str,
    args: &'a [Value],
    kw: &'a [Value],
) -> PyResult<(&'a Value, PathBuf)> {
    let a = Args::new(fname, args, kw);
    a.check(1, 1, &["path"])?;
    let v = a.arg(0, "path").unwrap();
    Ok((v, path_arg(v, fname)?))
}

fn getcwd(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    Args::new("getcwd", args, kw).check(0, 0, &[])?;
    let p = std::env::current_dir().map_err(|e| os_error2(&e, None, None))?;
    Ok(new_str(p.to_string_lossy().as_ref()))
}

fn getpid(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    Args::new("getpid", args, kw).check(0, 0, &[])?;
    Ok(Value::int(std::process::id() as i64))
}

fn mkdir(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("mkdir", args, kw);
    a.check(1, 2, &["path", "mode", "dir_fd"])?;
    let v = a
        .arg(0, "path")
        .ok_or_else(|| error::type_error("mkdir() missing required argument 'path' (pos 1)"))?;
    let p = path_arg(v, "mkdir")?;
    std::fs::create_dir(&p).map_err(|e| os_error2(&e, Some(v), None))?;
    Ok(Value::NONE)
}

fn makedirs(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("makedirs", args, kw);
    a.check(1, 3, &["name", "mode", "exist_ok"])?;
    let v = a
        .arg(0, "name")
        .ok_or_else(|| error::type_error("makedirs() missing required argument: 'name'"))?;
    let exist_ok = match a.arg(2, "exist_ok") {
        Some(x) => crate::ops::truthy(vm, x)?,
        None => false,
    };
    let p = path_arg(v, "mkdir")?;
    if p.is_dir() {
        if exist_ok {
            return Ok(Value::NONE);
        }
        return Err(os_error2(
            &std::io::Error::from_raw_os_error(17),
            Some(v),
            None,
        ));
    }
    std::fs::create_dir_all(&p).map_err(|e| os_error2(&e, Some(v), None))?;
    Ok(Value::NONE)
}

fn rmdir(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (v, p) = one_path("rmdir", args, kw)?;
    std::fs::remove_dir(&p).map_err(|e| os_error2(&e, Some(v), None))?;
    Ok(Value::NONE)
}

fn remove(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (v, p) = one_path("remove", args, kw)?;
    std::fs::remove_file(&p).map_err(|e| os_error2(&e, Some(v), None))?;
    Ok(Value::NONE)
}

fn rename(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("rename", args, kw);
    a.check(2, 2, &["src", "dst"])?;
    let (s, d) = (&a.pos[0], &a.pos[1]);
    let (ps, pd) = (path_arg(s, "rename")?, path_arg(d, "rename")?);
    std::fs::rename(&ps, &pd).map_err(|e| os_error2(&e, Some(s), Some(d)))?;
    Ok(Value::NONE)
}

fn listdir(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("listdir", args, kw);
    a.check(0, 1, &["path"])?;
    let dot = new_str(".");
    let v = a.arg(0, "path").cloned().unwrap_or(dot);
    let p = path_arg(&v, "listdir")?;
    let mut out = Vec::new();
    for entry in std::fs::read_dir(&p).map_err(|e| os_error2(&e, Some(&v), None))? {
        let entry = entry.map_err(|e| os_error2(&e, Some(&v), None))?;
        out.push(new_str(entry.file_name().to_string_lossy().as_ref()));
    }
    Ok(new_list(out))
}

// ---------------------------------------------------------------------------
// os.path
// ---------------------------------------------------------------------------

fn str_arg<'a>(v: &'a Value) -> PyResult<&'a str> {
    as_str(v).ok_or_else(|| {
        error::type_error(format!(
            "expected str, bytes or os.PathLike object, not {}",
            type_name(v)
        ))
    })
}

fn path_test(
    args: &[Value],
    kw: &[Value],
    name: &'static str,
    f: fn(&std::fs::Metadata) -> bool,
) -> PyResult<Value> {
    let a = Args::new(name, args, kw);
    a.check(1, 1, &[])?;
    let p = match as_str(&a.pos[0]) {
        Some(s) => PathBuf::from(s),
        None => match as_bytes(&a.pos[0]) {
            Some(_) => path_arg(&a.pos[0], name)?,
            None => return Ok(Value::FALSE),
        },
    };
    Ok(Value::bool(std::fs::metadata(p).is_ok_and(|m| f(&m))))
}

fn exists(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    path_test(args, kw, "exists", |_| true)
}
fn isfile(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    path_test(args, kw, "isfile", |m| m.is_file())
}
fn isdir(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    path_test(args, kw, "isdir", |m| m.is_dir())
}

fn getsize(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("getsize", args, kw);
    a.check(1, 1, &[])?;
    let p = path_arg(&a.pos[0], "stat")?;
    let m = std::fs::metadata(p).map_err(|e| os_error2(&e, Some(&a.pos[0]), None))?;
    Ok(Value::int(m.len() as i64))
}

fn join(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("join", args, kw);
    a.check(1, usize::MAX, &[])?;
    let mut out = str_arg(&a.pos[0])?.to_string();
    for v in &a.pos[1..] {
        let part = str_arg(v)?;
        if part.starts_with('/') {
            out = part.to_string();
        } else if out.is_empty() || out.ends_with('/') {
            out.push_str(part);
        } else {
            out.push('/');
            out.push_str(part);
        }
    }
    Ok(new_str(out))
}

/// (head, tail) as `os.path.split`: head keeps a leading run of slashes, drops trailing ones.
fn split_str(p: &str) -> (String, String) {
    let i = p.rfind('/').map_or(0, |i| i + 1);
    let (head, tail) = (&p[..i], &p[i..]);
    let trimmed = head.trim_end_matches('/');
    let head = if trimmed.is_empty() { head } else { trimmed };
    (head.to_string(), tail.to_string())
}

fn one_str<'a>(name: &'static str, args: &'a [Value], kw: &[Value]) -> PyResult<&'a str> {
    let a = Args::new(name, args, kw);
    a.check(1, 1, &[])?;
    str_arg(&args[0])
}

fn split(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (h, t) = split_str(one_str("split", args, kw)?);
    Ok(new_tuple(vec![new_str(h), new_str(t)]))
}
fn basename(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    Ok(new_str(split_str(one_str("basename", args, kw)?).1))
}
fn dirname(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    Ok(new_str(split_str(one_str("dirname", args, kw)?).0))
}

fn splitext(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let p = one_str("splitext", args, kw)?;
    let base_start = p.rfind('/').map_or(0, |i| i + 1);
    let base = &p[base_start..];
    // A dot only starts an extension if something other than dots precedes it.
    let split_at = base
        .rfind('.')
        .filter(|&i| base[..i].chars().any(|c| c != '.'));
    Ok(match split_at {
        Some(i) => new_tuple(vec![
            new_str(&p[..base_start + i]),
            new_str(&p[base_start + i..]),
        ]),
        None => new_tuple(vec![new_str(p), new_str("")]),
    })
}

pub fn make(_vm: &mut Vm) -> Value {
    let m = super::module_with_functions(
        "os",
        &[
            ("getcwd", getcwd),
            ("getpid", getpid),
            ("mkdir", mkdir),
            ("makedirs", makedirs),
            ("rmdir", rmdir),
            ("remove", remove),
            ("unlink", remove),
            ("rename", rename),
            ("listdir", listdir),
        ],
    );
    let path = super::module_with_functions(
        "posixpath",
        &[
            ("exists", exists),
            ("isfile", isfile),
            ("isdir", isdir),
            ("getsize", getsize),
            ("join", join),
            ("split", split),
            ("basename", basename),
            ("dirname", dirname),
            ("splitext", splitext),
        ],
    );
    super::set(&path, "sep", new_str("/"));
    super::set(&m, "path", path);
    super::set(&m, "sep", new_str("/"));
    super::set(&m, "linesep", new_str("\n"));
    super::set(&m, "curdir", new_str("."));
    super::set(&m, "pardir", new_str(".."));
    super::set(&m, "name", new_str("posix"));
    m
}
