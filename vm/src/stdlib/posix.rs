//! `posix`, the native half of CPython's `os`: file-system calls (this file) and
//! processes, the environment and the rest (`posix_proc.rs`). Paths are str, bytes or
//! `os.PathLike`; a bytes path gives bytes results, as CPython's. Errors are CPython's
//! OSError subclasses with `[Errno N] text: 'path'`.

use super::fileio::{os_error, os_error2};
use crate::builtins::args::Args;
use crate::error::{self, PyResult};
use crate::object::Header;
use crate::ops;
use crate::types::bytes::{as_bytes, new_bytes};
use crate::types::ext::{ext_ref, new_ext, new_ext_iter, new_ext_iter_type, new_ext_type};
use crate::types::func::NativeFn;
use crate::types::int::as_int;
use crate::types::list::new_list;
use crate::types::str::{as_str, intern, new_str};
use crate::types::tuple::new_tuple;
use crate::types::{tt, type_name};
use crate::value::Value;
use crate::vm::Vm;
use std::cell::{OnceCell, RefCell};
use std::ffi::{CString, OsStr};
use std::os::unix::ffi::OsStrExt;

/// A path argument: its bytes, and whether the caller gave bytes (results follow).
pub struct PathArg {
    pub bytes: Vec<u8>,
    pub is_bytes: bool,
    pub value: Value,
}

impl PathArg {
    pub fn cstr(&self) -> PyResult<CString> {
        CString::new(self.bytes.clone()).map_err(|_| error::value_error("embedded null byte"))
    }
    pub fn os(&self) -> &OsStr {
        OsStr::from_bytes(&self.bytes)
    }
    /// A name or path result in the caller's type (str or bytes).
    pub fn result(&self, b: &[u8]) -> Value {
        out_path(b, self.is_bytes)
    }
}

pub fn out_path(b: &[u8], as_bytes_: bool) -> Value {
    if as_bytes_ {
        new_bytes(b.to_vec())
    } else {
        new_str(String::from_utf8_lossy(b).as_ref())
    }
}

/// `os.fspath` semantics for a path argument of `fname`.
pub fn path_arg(vm: &mut Vm, v: &Value, fname: &str, arg: &str) -> PyResult<PathArg> {
    if let Some(s) = as_str(v) {
        return Ok(PathArg {
            bytes: s.as_bytes().to_vec(),
            is_bytes: false,
            value: v.clone(),
        });
    }
    if let Some(b) = as_bytes(v) {
        return Ok(PathArg {
            bytes: b.to_vec(),
            is_bytes: true,
            value: v.clone(),
        });
    }
    if let Some(m) = crate::types::typeobj::lookup_str(crate::types::type_ptr(v), "__fspath__") {
        let r = ops::dunder::call_method(vm, &m, v, &[])?;
        if as_str(&r).is_some() || as_bytes(&r).is_some() {
            let mut p = path_arg(vm, &r, fname, arg)?;
            p.value = v.clone();
            return Ok(p);
        }
        return Err(error::type_error(format!(
            "expected {}.__fspath__() to return str or bytes, not {}",
            type_name(v),
            type_name(&r)
        )));
    }
    Err(error::type_error(format!(
        "{fname}: {arg} should be string, bytes or os.PathLike, not {}",
        type_name(v)
    )))
}

fn last_error(p: Option<&PathArg>) -> crate::error::PyErr {
    os_error(&std::io::Error::last_os_error(), p.map(|p| &p.value))
}

fn check(r: libc::c_int, p: Option<&PathArg>) -> PyResult<libc::c_int> {
    if r < 0 {
        Err(last_error(p))
    } else {
        Ok(r)
    }
}

pub fn fd_arg(v: &Value) -> PyResult<i32> {
    match as_int(v).and_then(|i| i.to_i64()) {
        Some(i) if i32::try_from(i).is_ok() => Ok(i as i32),
        Some(_) => Err(error::overflow_error("fd is greater than maximum")),
        None => Err(error::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(v)
        ))),
    }
}

/// An optional keyword/positional argument `name` at position `i`.
fn opt<'a>(a: &Args<'a>, i: usize, name: &str) -> Option<&'a Value> {
    a.get(i).or_else(|| a.kw(name)).filter(|v| !v.is_none())
}

fn required<'a>(a: &Args<'a>, i: usize, name: &str, fname: &str) -> PyResult<&'a Value> {
    opt(a, i, name).ok_or_else(|| {
        error::type_error(format!(
            "{fname}() missing required argument '{name}' (pos {})",
            i + 1
        ))
    })
}

fn follow(vm: &mut Vm, a: &Args, pos: usize) -> PyResult<bool> {
    match a.get(pos).or_else(|| a.kw("follow_symlinks")) {
        Some(v) => ops::truthy(vm, v),
        None => Ok(true),
    }
}

// ---- stat ----

fn stat_type(vm: &mut Vm) -> Value {
    crate::pytypes::structseq::structseq_type(
        vm,
        "os",
        "stat_result",
        &[
            "st_mode",
            "st_ino",
            "st_dev",
            "st_nlink",
            "st_uid",
            "st_gid",
            "st_size",
            "st_atime_int",
            "st_mtime_int",
            "st_ctime_int",
            "st_atime",
            "st_mtime",
            "st_ctime",
            "st_atime_ns",
            "st_mtime_ns",
            "st_ctime_ns",
            "st_blksize",
            "st_blocks",
            "st_rdev",
        ],
        10,
    )
}

pub fn stat_value(vm: &mut Vm, st: &libc::stat) -> PyResult<Value> {
    let ty = stat_type(vm);
    let i = |x: i64| Value::int(x);
    let ns = |s: i64, n: i64| {
        crate::types::int::big_to_value(num_bigint::BigInt::from(s) * 1_000_000_000 + n)
    };
    let f = |s: i64, n: i64| Value::float(s as f64 + n as f64 * 1e-9);
    crate::pytypes::structseq::new_structseq(
        vm,
        &ty,
        vec![
            i(st.st_mode as i64),
            i(st.st_ino as i64),
            i(st.st_dev as i64),
            i(st.st_nlink as i64),
            i(st.st_uid as i64),
            i(st.st_gid as i64),
            i(st.st_size as i64),
            i(st.st_atime as i64),
            i(st.st_mtime as i64),
            i(st.st_ctime as i64),
            f(st.st_atime as i64, st.st_atime_nsec as i64),
            f(st.st_mtime as i64, st.st_mtime_nsec as i64),
            f(st.st_ctime as i64, st.st_ctime_nsec as i64),
            ns(st.st_atime as i64, st.st_atime_nsec as i64),
            ns(st.st_mtime as i64, st.st_mtime_nsec as i64),
            ns(st.st_ctime as i64, st.st_ctime_nsec as i64),
            i(st.st_blksize as i64),
            i(st.st_blocks as i64),
            i(st.st_rdev as i64),
        ],
    )
}

fn do_stat(vm: &mut Vm, v: &Value, follow_links: bool, fname: &str) -> PyResult<libc::stat> {
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    if as_int(v).is_some() && as_str(v).is_none() && !v.is_bool() {
        let fd = fd_arg(v)?;
        check(unsafe { libc::fstat(fd, &mut st) }, None)?;
        return Ok(st);
    }
    let p = path_arg(vm, v, fname, "path")?;
    let c = p.cstr()?;
    let r = unsafe {
        if follow_links {
            libc::stat(c.as_ptr(), &mut st)
        } else {
            libc::lstat(c.as_ptr(), &mut st)
        }
    };
    check(r, Some(&p))?;
    Ok(st)
}

fn stat(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("stat", args, kw);
    a.check(0, 1, &["path", "dir_fd", "follow_symlinks"])?;
    let p = required(&a, 0, "path", "stat")?;
    let f = match a.kw("follow_symlinks") {
        Some(v) => ops::truthy(vm, v)?,
        None => true,
    };
    let st = do_stat(vm, p, f, "stat")?;
    stat_value(vm, &st)
}

fn lstat(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("lstat", args, kw);
    a.check(0, 1, &["path", "dir_fd"])?;
    let p = required(&a, 0, "path", "lstat")?;
    let st = do_stat(vm, p, false, "lstat")?;
    stat_value(vm, &st)
}

fn fstat(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("fstat", args, kw);
    a.check(0, 1, &["fd"])?;
    let fd = fd_arg(required(&a, 0, "fd", "fstat")?)?;
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    check(unsafe { libc::fstat(fd, &mut st) }, None)?;
    stat_value(vm, &st)
}

// ---- directories ----

/// The entries of a directory (without `.` and `..`), as byte names.
fn read_dir_names(p: &PathArg) -> PyResult<Vec<(Vec<u8>, u8, u64)>> {
    let c = p.cstr()?;
    let dir = unsafe { libc::opendir(c.as_ptr()) };
    if dir.is_null() {
        return Err(last_error(Some(p)));
    }
    let mut out = vec![];
    loop {
        let e = unsafe { libc::readdir(dir) };
        if e.is_null() {
            break;
        }
        let name = unsafe { std::ffi::CStr::from_ptr((*e).d_name.as_ptr()) }
            .to_bytes()
            .to_vec();
        if name == b"." || name == b".." {
            continue;
        }
        out.push((name, unsafe { (*e).d_type }, unsafe { (*e).d_ino }));
    }
    unsafe { libc::closedir(dir) };
    Ok(out)
}

fn default_dir(path: Option<&Value>) -> Value {
    path.cloned().unwrap_or_else(|| new_str("."))
}

fn listdir(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("listdir", args, kw);
    a.check(0, 1, &["path"])?;
    let v = default_dir(opt(&a, 0, "path"));
    let p = path_arg(vm, &v, "listdir", "path")?;
    let names = read_dir_names(&p)?;
    Ok(new_list(
        names.iter().map(|(n, _, _)| p.result(n)).collect(),
    ))
}

struct DirEntry {
    name: Vec<u8>,
    path: Vec<u8>,
    is_bytes: bool,
    d_type: u8,
    ino: u64,
    stat: RefCell<Option<Value>>,
    lstat: RefCell<Option<Value>>,
}

struct ScanDir {
    entries: RefCell<std::vec::IntoIter<Value>>,
}

struct Types {
    dir_entry: *const Header,
    scandir: *const Header,
}

thread_local! {
    static TYPES: OnceCell<&'static Types> = const { OnceCell::new() };
}

fn types() -> &'static Types {
    TYPES.with(|c| {
        *c.get_or_init(|| {
            let m: &[(&str, NativeFn)] = &[
                ("is_dir", de_is_dir),
                ("is_file", de_is_file),
                ("is_symlink", de_is_symlink),
                ("stat", de_stat),
                ("inode", de_inode),
                ("is_junction", de_false),
                ("__fspath__", de_fspath),
                ("__repr__", de_repr),
            ];
            let dir_entry = new_ext_type("DirEntry", "posix", std::ptr::null(), m);
            for (name, f) in [("name", de_name as NativeFn), ("path", de_path)] {
                let p = crate::types::descr::new_property(
                    crate::types::func::new_native(name, f),
                    Value::NONE,
                    Value::NONE,
                    Value::NONE,
                );
                crate::types::dict::DictObj::set_str(
                    &crate::types::typeobj::type_data_ptr(dir_entry).dict,
                    intern(name),
                    p,
                );
            }
            let scandir = new_ext_iter_type(
                "ScandirIterator",
                "posix",
                &[
                    ("close", sd_close),
                    ("__enter__", sd_enter),
                    ("__exit__", sd_close),
                ],
            );
            Box::leak(Box::new(Types { dir_entry, scandir }))
        })
    })
}

fn scandir(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("scandir", args, kw);
    a.check(0, 1, &["path"])?;
    let v = default_dir(opt(&a, 0, "path"));
    let p = path_arg(vm, &v, "scandir", "path")?;
    let names = read_dir_names(&p)?;
    let mut base = p.bytes.clone();
    if !base.ends_with(b"/") {
        base.push(b'/');
    }
    let entries: Vec<Value> = names
        .into_iter()
        .map(|(name, d_type, ino)| {
            let mut path = base.clone();
            path.extend_from_slice(&name);
            new_ext(
                DirEntry {
                    name,
                    path,
                    is_bytes: p.is_bytes,
                    d_type,
                    ino,
                    stat: RefCell::new(None),
                    lstat: RefCell::new(None),
                },
                types().dir_entry,
            )
        })
        .collect();
    Ok(new_ext_iter(
        ScanDir {
            entries: RefCell::new(entries.into_iter()),
        },
        types().scandir,
        sd_next,
    ))
}

fn sd_next(_vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    Ok(ext_ref::<ScanDir>(it).and_then(|s| s.entries.borrow_mut().next()))
}

fn sd_close(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if let Some(s) = args.first().and_then(ext_ref::<ScanDir>) {
        *s.entries.borrow_mut() = Vec::new().into_iter();
    }
    Ok(Value::NONE)
}

fn sd_enter(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(args[0].clone())
}

fn entry(args: &[Value]) -> PyResult<&DirEntry> {
    args.first()
        .and_then(ext_ref::<DirEntry>)
        .ok_or_else(|| error::type_error("descriptor requires a 'posix.DirEntry' object"))
}

fn de_name(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let e = entry(args)?;
    Ok(out_path(&e.name, e.is_bytes))
}
fn de_path(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let e = entry(args)?;
    Ok(out_path(&e.path, e.is_bytes))
}
fn de_fspath(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    de_path(vm, args, kw)
}
fn de_inode(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(entry(args)?.ino as i64))
}
fn de_false(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::FALSE)
}
fn de_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let e = entry(args)?;
    let n = out_path(&e.name, e.is_bytes);
    Ok(new_str(format!(
        "<DirEntry {}>",
        ops::repr::repr_string(vm, &n)?
    )))
}

/// The entry's stat (cached), following links or not.
fn entry_stat(vm: &mut Vm, e: &DirEntry, follow_links: bool) -> PyResult<Value> {
    let cache = if follow_links { &e.stat } else { &e.lstat };
    if let Some(s) = cache.borrow().clone() {
        return Ok(s);
    }
    let path = out_path(&e.path, e.is_bytes);
    let st = do_stat(vm, &path, follow_links, "stat")?;
    let v = stat_value(vm, &st)?;
    *cache.borrow_mut() = Some(v.clone());
    Ok(v)
}

fn mode_of(vm: &mut Vm, e: &DirEntry, follow_links: bool) -> PyResult<Option<u32>> {
    match entry_stat(vm, e, follow_links) {
        Ok(s) => {
            let m = ops::getattr(vm, &s, &intern("st_mode"))?;
            Ok(m.as_small_int().map(|m| m as u32))
        }
        Err(err) if err.is_instance(tt().file_not_found_error) => Ok(None),
        Err(err) => Err(err),
    }
}

fn de_test(vm: &mut Vm, args: &[Value], kw: &[Value], dt: u8, fmt: u32) -> PyResult<Value> {
    let a = Args::new("is_dir", args, kw);
    a.check(1, 1, &["follow_symlinks"])?;
    let follow_links = follow(vm, &a, 99)?;
    let e = entry(args)?;
    if e.d_type != libc::DT_UNKNOWN && !(follow_links && e.d_type == libc::DT_LNK) {
        return Ok(Value::bool(e.d_type == dt));
    }
    Ok(Value::bool(
        mode_of(vm, e, follow_links)?.is_some_and(|m| m & libc::S_IFMT == fmt),
    ))
}

fn de_is_dir(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    de_test(vm, args, kw, libc::DT_DIR, libc::S_IFDIR)
}
fn de_is_file(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    de_test(vm, args, kw, libc::DT_REG, libc::S_IFREG)
}
fn de_is_symlink(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let e = entry(args)?;
    if e.d_type != libc::DT_UNKNOWN {
        return Ok(Value::bool(e.d_type == libc::DT_LNK));
    }
    Ok(Value::bool(
        mode_of(vm, e, false)?.is_some_and(|m| m & libc::S_IFMT == libc::S_IFLNK),
    ))
}
fn de_stat(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("stat", args, kw);
    a.check(1, 1, &["follow_symlinks"])?;
    let f = follow(vm, &a, 99)?;
    entry_stat(vm, entry(args)?, f)
}

// ---- paths ----

fn path_fn(
    vm: &mut Vm,
    args: &[Value],
    kw: &[Value],
    fname: &'static str,
    f: impl FnOnce(&CString) -> libc::c_int,
) -> PyResult<Value> {
    let a = Args::new(fname, args, kw);
    a.check(0, 1, &["path", "dir_fd"])?;
    let p = path_arg(vm, required(&a, 0, "path", fname)?, fname, "path")?;
    check(f(&p.cstr()?), Some(&p))?;
    Ok(Value::NONE)
}

fn mkdir(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("mkdir", args, kw);
    a.check(0, 2, &["path", "mode", "dir_fd"])?;
    let p = path_arg(vm, required(&a, 0, "path", "mkdir")?, "mkdir", "path")?;
    let mode = opt(&a, 1, "mode")
        .and_then(|m| m.as_small_int())
        .unwrap_or(0o777);
    check(
        unsafe { libc::mkdir(p.cstr()?.as_ptr(), mode as libc::mode_t) },
        Some(&p),
    )?;
    Ok(Value::NONE)
}

fn rmdir(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    path_fn(vm, args, kw, "rmdir", |c| unsafe {
        libc::rmdir(c.as_ptr())
    })
}

fn unlink(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    path_fn(vm, args, kw, "unlink", |c| unsafe {
        libc::unlink(c.as_ptr())
    })
}

fn chdir(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    path_fn(vm, args, kw, "chdir", |c| unsafe {
        libc::chdir(c.as_ptr())
    })
}

fn two_paths(
    vm: &mut Vm,
    args: &[Value],
    kw: &[Value],
    fname: &'static str,
    names: [&str; 2],
) -> PyResult<(PathArg, PathArg)> {
    let a = Args::new(fname, args, kw);
    a.check(
        0,
        2,
        &[
            names[0],
            names[1],
            "src_dir_fd",
            "dst_dir_fd",
            "dir_fd",
            "follow_symlinks",
            "target_is_directory",
        ],
    )?;
    let s = path_arg(vm, required(&a, 0, names[0], fname)?, fname, names[0])?;
    let d = path_arg(vm, required(&a, 1, names[1], fname)?, fname, names[1])?;
    Ok((s, d))
}

fn two_path_call(
    vm: &mut Vm,
    args: &[Value],
    kw: &[Value],
    fname: &'static str,
    f: unsafe extern "C" fn(*const libc::c_char, *const libc::c_char) -> libc::c_int,
) -> PyResult<Value> {
    let (s, d) = two_paths(vm, args, kw, fname, ["src", "dst"])?;
    if unsafe { f(s.cstr()?.as_ptr(), d.cstr()?.as_ptr()) } < 0 {
        return Err(os_error2(
            &std::io::Error::last_os_error(),
            Some(&s.value),
            Some(&d.value),
        ));
    }
    Ok(Value::NONE)
}

fn rename(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    two_path_call(vm, args, kw, "rename", libc::rename)
}

fn link(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    two_path_call(vm, args, kw, "link", libc::link)
}

fn symlink(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    two_path_call(vm, args, kw, "symlink", libc::symlink)
}

fn readlink(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("readlink", args, kw);
    a.check(0, 1, &["path", "dir_fd"])?;
    let p = path_arg(vm, required(&a, 0, "path", "readlink")?, "readlink", "path")?;
    match std::fs::read_link(p.os()) {
        Ok(t) => Ok(p.result(t.as_os_str().as_bytes())),
        Err(e) => Err(os_error(&e, Some(&p.value))),
    }
}

fn getcwd(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    Args::new("getcwd", args, kw).check(0, 0, &[])?;
    let p = std::env::current_dir().map_err(|e| os_error(&e, None))?;
    Ok(out_path(p.as_os_str().as_bytes(), false))
}

fn getcwdb(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    Args::new("getcwdb", args, kw).check(0, 0, &[])?;
    let p = std::env::current_dir().map_err(|e| os_error(&e, None))?;
    Ok(out_path(p.as_os_str().as_bytes(), true))
}

fn access(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("access", args, kw);
    a.check(
        0,
        2,
        &["path", "mode", "dir_fd", "effective_ids", "follow_symlinks"],
    )?;
    let p = path_arg(vm, required(&a, 0, "path", "access")?, "access", "path")?;
    let mode = fd_arg(required(&a, 1, "mode", "access")?)?;
    Ok(Value::bool(
        unsafe { libc::access(p.cstr()?.as_ptr(), mode) } == 0,
    ))
}

fn chmod(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("chmod", args, kw);
    a.check(0, 2, &["path", "mode", "dir_fd", "follow_symlinks"])?;
    let mode = fd_arg(required(&a, 1, "mode", "chmod")?)?;
    let v = required(&a, 0, "path", "chmod")?;
    if as_int(v).is_some() && as_str(v).is_none() {
        check(
            unsafe { libc::fchmod(fd_arg(v)?, mode as libc::mode_t) },
            None,
        )?;
        return Ok(Value::NONE);
    }
    let p = path_arg(vm, v, "chmod", "path")?;
    check(
        unsafe { libc::chmod(p.cstr()?.as_ptr(), mode as libc::mode_t) },
        Some(&p),
    )?;
    Ok(Value::NONE)
}

fn utime(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("utime", args, kw);
    a.check(0, 2, &["path", "times", "ns", "dir_fd", "follow_symlinks"])?;
    let p = path_arg(vm, required(&a, 0, "path", "utime")?, "utime", "path")?;
    let ts = |s: f64| libc::timespec {
        tv_sec: s.floor() as libc::time_t,
        tv_nsec: ((s - s.floor()) * 1e9) as libc::c_long,
    };
    let times = match (opt(&a, 1, "times"), a.kw("ns")) {
        (Some(t), _) => {
            let t = ops::collect(vm, t)?;
            if t.len() != 2 {
                return Err(error::type_error(
                    "utime: 'times' must be either a tuple of two ints or None",
                ));
            }
            Some([
                ts(super::math::to_f64(&t[0])?),
                ts(super::math::to_f64(&t[1])?),
            ])
        }
        (None, Some(ns)) => {
            let t = ops::collect(vm, ns)?;
            let n = |v: &Value| as_int(v).and_then(|i| i.to_i64()).unwrap_or(0);
            let mk = |x: i64| libc::timespec {
                tv_sec: x.div_euclid(1_000_000_000),
                tv_nsec: x.rem_euclid(1_000_000_000),
            };
            Some([mk(n(&t[0])), mk(n(&t[1]))])
        }
        _ => None,
    };
    let ptr = times.as_ref().map_or(std::ptr::null(), |t| t.as_ptr());
    check(
        unsafe { libc::utimensat(libc::AT_FDCWD, p.cstr()?.as_ptr(), ptr, 0) },
        Some(&p),
    )?;
    Ok(Value::NONE)
}

fn fspath(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("fspath", args, kw);
    a.check(1, 1, &["path"])?;
    let v = &a.pos[0];
    if as_str(v).is_some() || as_bytes(v).is_some() && !crate::types::bytes::is_bytearray(v) {
        return Ok(v.clone());
    }
    match crate::types::typeobj::lookup_str(crate::types::type_ptr(v), "__fspath__") {
        Some(m) => {
            let r = ops::dunder::call_method(vm, &m, v, &[])?;
            if as_str(&r).is_some() || as_bytes(&r).is_some() {
                Ok(r)
            } else {
                Err(error::type_error(format!(
                    "expected {}.__fspath__() to return str or bytes, not {}",
                    type_name(v),
                    type_name(&r)
                )))
            }
        }
        None => Err(error::type_error(format!(
            "expected str, bytes or os.PathLike object, not {}",
            type_name(v)
        ))),
    }
}

// ---- file descriptors ----

fn open(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("open", args, kw);
    a.check(0, 3, &["path", "flags", "mode", "dir_fd"])?;
    let p = path_arg(vm, required(&a, 0, "path", "open")?, "open", "path")?;
    let flags = fd_arg(required(&a, 1, "flags", "open")?)?;
    let mode = opt(&a, 2, "mode").map(fd_arg).transpose()?.unwrap_or(0o777);
    let fd = check(
        unsafe {
            libc::open(
                p.cstr()?.as_ptr(),
                flags | libc::O_CLOEXEC,
                mode as libc::c_uint,
            )
        },
        Some(&p),
    )?;
    Ok(Value::int(fd as i64))
}

fn close(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("close", args, kw);
    a.check(1, 1, &["fd"])?;
    check(unsafe { libc::close(fd_arg(&a.pos[0])?) }, None)?;
    Ok(Value::NONE)
}

fn read(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("read", args, kw);
    a.check(2, 2, &[])?;
    let fd = fd_arg(&a.pos[0])?;
    let n = as_int(&a.pos[1]).and_then(|i| i.to_i64()).unwrap_or(0);
    if n < 0 {
        return Err(crate::stdlib::fileio::os_error(
            &std::io::Error::from_raw_os_error(libc::EINVAL),
            None,
        ));
    }
    let mut buf = vec![0u8; n as usize];
    let r = unsafe { libc::read(fd, buf.as_mut_ptr() as *mut _, buf.len()) };
    if r < 0 {
        return Err(last_error(None));
    }
    buf.truncate(r as usize);
    Ok(new_bytes(buf))
}

fn write(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("write", args, kw);
    a.check(2, 2, &[])?;
    let fd = fd_arg(&a.pos[0])?;
    let data = crate::types::bytes::bytes_vec(&a.pos[1]).ok_or_else(|| {
        error::type_error(format!(
            "a bytes-like object is required, not '{}'",
            type_name(&a.pos[1])
        ))
    })?;
    let r = unsafe { libc::write(fd, data.as_ptr() as *const _, data.len()) };
    if r < 0 {
        return Err(last_error(None));
    }
    Ok(Value::int(r as i64))
}

fn lseek(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("lseek", args, kw);
    a.check(3, 3, &[])?;
    let pos = as_int(&a.pos[1]).and_then(|i| i.to_i64()).unwrap_or(0);
    let r = unsafe { libc::lseek(fd_arg(&a.pos[0])?, pos, fd_arg(&a.pos[2])?) };
    if r < 0 {
        return Err(last_error(None));
    }
    Ok(Value::int(r))
}

fn fd_call(
    args: &[Value],
    kw: &[Value],
    fname: &'static str,
    f: unsafe extern "C" fn(i32) -> i32,
) -> PyResult<Value> {
    let a = Args::new(fname, args, kw);
    a.check(1, 1, &["fd"])?;
    check(unsafe { f(fd_arg(&a.pos[0])?) }, None)?;
    Ok(Value::NONE)
}

fn fsync(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    fd_call(args, kw, "fsync", libc::fsync)
}

fn isatty(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("isatty", args, kw);
    a.check(1, 1, &[])?;
    Ok(Value::bool(
        unsafe { libc::isatty(fd_arg(&a.pos[0])?) } == 1,
    ))
}

fn ftruncate(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("ftruncate", args, kw);
    a.check(2, 2, &[])?;
    let n = as_int(&a.pos[1]).and_then(|i| i.to_i64()).unwrap_or(0);
    check(unsafe { libc::ftruncate(fd_arg(&a.pos[0])?, n) }, None)?;
    Ok(Value::NONE)
}

fn truncate(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("truncate", args, kw);
    a.check(2, 2, &["path", "length"])?;
    let p = path_arg(vm, &a.pos[0], "truncate", "path")?;
    let n = as_int(&a.pos[1]).and_then(|i| i.to_i64()).unwrap_or(0);
    check(unsafe { libc::truncate(p.cstr()?.as_ptr(), n) }, Some(&p))?;
    Ok(Value::NONE)
}

fn pipe(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    Args::new("pipe", args, kw).check(0, 0, &[])?;
    let mut fds = [0i32; 2];
    check(
        unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) },
        None,
    )?;
    Ok(new_tuple(vec![
        Value::int(fds[0] as i64),
        Value::int(fds[1] as i64),
    ]))
}

fn dup(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("dup", args, kw);
    a.check(1, 1, &[])?;
    let r = check(
        unsafe { libc::fcntl(fd_arg(&a.pos[0])?, libc::F_DUPFD_CLOEXEC, 0) },
        None,
    )?;
    Ok(Value::int(r as i64))
}

fn dup2(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("dup2", args, kw);
    a.check(2, 3, &["fd", "fd2", "inheritable"])?;
    let (fd, fd2) = (fd_arg(&a.pos[0])?, fd_arg(&a.pos[1])?);
    let inheritable = match a.get(2).or_else(|| a.kw("inheritable")) {
        Some(v) => ops::truthy(vm, v)?,
        None => true,
    };
    let r = if inheritable {
        unsafe { libc::dup2(fd, fd2) }
    } else {
        unsafe { libc::dup3(fd, fd2, libc::O_CLOEXEC) }
    };
    Ok(Value::int(check(r, None)? as i64))
}

fn get_inheritable(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("get_inheritable", args, kw);
    a.check(1, 1, &[])?;
    let f = check(
        unsafe { libc::fcntl(fd_arg(&a.pos[0])?, libc::F_GETFD) },
        None,
    )?;
    Ok(Value::bool(f & libc::FD_CLOEXEC == 0))
}

fn set_inheritable(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("set_inheritable", args, kw);
    a.check(2, 2, &[])?;
    let fd = fd_arg(&a.pos[0])?;
    let f = check(unsafe { libc::fcntl(fd, libc::F_GETFD) }, None)?;
    let f = if ops::truthy(vm, &a.pos[1])? {
        f & !libc::FD_CLOEXEC
    } else {
        f | libc::FD_CLOEXEC
    };
    check(unsafe { libc::fcntl(fd, libc::F_SETFD, f) }, None)?;
    Ok(Value::NONE)
}

fn get_blocking(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("get_blocking", args, kw);
    a.check(1, 1, &[])?;
    let f = check(
        unsafe { libc::fcntl(fd_arg(&a.pos[0])?, libc::F_GETFL) },
        None,
    )?;
    Ok(Value::bool(f & libc::O_NONBLOCK == 0))
}

fn set_blocking(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("set_blocking", args, kw);
    a.check(2, 2, &[])?;
    let fd = fd_arg(&a.pos[0])?;
    let f = check(unsafe { libc::fcntl(fd, libc::F_GETFL) }, None)?;
    let f = if ops::truthy(vm, &a.pos[1])? {
        f & !libc::O_NONBLOCK
    } else {
        f | libc::O_NONBLOCK
    };
    check(unsafe { libc::fcntl(fd, libc::F_SETFL, f) }, None)?;
    Ok(Value::NONE)
}

pub const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("stat", stat),
    ("lstat", lstat),
    ("fstat", fstat),
    ("listdir", listdir),
    ("scandir", scandir),
    ("mkdir", mkdir),
    ("rmdir", rmdir),
    ("unlink", unlink),
    ("remove", unlink),
    ("rename", rename),
    ("replace", rename),
    ("link", link),
    ("symlink", symlink),
    ("readlink", readlink),
    ("chdir", chdir),
    ("getcwd", getcwd),
    ("getcwdb", getcwdb),
    ("access", access),
    ("chmod", chmod),
    ("utime", utime),
    ("fspath", fspath),
    ("open", open),
    ("close", close),
    ("read", read),
    ("write", write),
    ("lseek", lseek),
    ("fsync", fsync),
    ("isatty", isatty),
    ("ftruncate", ftruncate),
    ("truncate", truncate),
    ("pipe", pipe),
    ("dup", dup),
    ("dup2", dup2),
    ("get_inheritable", get_inheritable),
    ("set_inheritable", set_inheritable),
    ("get_blocking", get_blocking),
    ("set_blocking", set_blocking),
];

/// `DirEntry` (for `os.DirEntry`).
pub fn dir_entry_type() -> Value {
    unsafe { Value::from_header(types().dir_entry) }
}
