//! `posix` (continued): processes, the environment, system information, and the module
//! object with its constants.

use super::posix::{fd_arg, FUNCTIONS as FS_FUNCTIONS};
use crate::builtins::args::Args;
use crate::error::{self, PyResult};
use crate::types::bytes::{as_bytes, new_bytes};
use crate::types::dict::DictObj;
use crate::types::func::NativeFn;
use crate::types::int::as_int;
use crate::types::list::new_list;
use crate::types::str::{as_str, new_str};
use crate::types::tuple::new_tuple;
use crate::types::{tt, type_name};
use crate::value::Value;
use crate::vm::Vm;
use std::ffi::CString;
use std::os::unix::ffi::OsStrExt;

fn last_error() -> crate::error::PyErr {
    super::fileio::os_error(&std::io::Error::last_os_error(), None)
}

fn int_arg(v: &Value) -> PyResult<i64> {
    as_int(v).and_then(|i| i.to_i64()).ok_or_else(|| {
        error::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(v)
        ))
    })
}

macro_rules! id_fn {
    ($($name:ident => $call:expr;)*) => {$(
        fn $name(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
            Args::new(stringify!($name), args, kw).check(0, 0, &[])?;
            Ok(Value::int(unsafe { $call } as i64))
        }
    )*};
}

id_fn! {
    getpid => libc::getpid();
    getppid => libc::getppid();
    getuid => libc::getuid();
    geteuid => libc::geteuid();
    getgid => libc::getgid();
    getegid => libc::getegid();
    getpgrp => libc::getpgrp();
}

fn umask(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("umask", args, kw);
    a.check(1, 1, &[])?;
    Ok(Value::int(
        unsafe { libc::umask(int_arg(&a.pos[0])? as libc::mode_t) } as i64,
    ))
}

fn kill(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("kill", args, kw);
    a.check(2, 2, &[])?;
    if unsafe { libc::kill(int_arg(&a.pos[0])? as i32, int_arg(&a.pos[1])? as i32) } < 0 {
        return Err(last_error());
    }
    Ok(Value::NONE)
}

fn waitpid(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("waitpid", args, kw);
    a.check(2, 2, &[])?;
    let mut status = 0;
    let r = loop {
        let r = unsafe {
            libc::waitpid(
                int_arg(&a.pos[0])? as i32,
                &mut status,
                int_arg(&a.pos[1])? as i32,
            )
        };
        if r < 0 && std::io::Error::last_os_error().raw_os_error() == Some(libc::EINTR) {
            crate::signals::check()?;
            continue;
        }
        break r;
    };
    if r < 0 {
        return Err(last_error());
    }
    Ok(new_tuple(vec![
        Value::int(r as i64),
        Value::int(status as i64),
    ]))
}

fn waitstatus_to_exitcode(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("waitstatus_to_exitcode", args, kw);
    a.check(1, 1, &["status"])?;
    let s = int_arg(&a.pos[0])? as i32;
    if libc::WIFEXITED(s) {
        return Ok(Value::int(libc::WEXITSTATUS(s) as i64));
    }
    if libc::WIFSIGNALED(s) {
        return Ok(Value::int(-(libc::WTERMSIG(s) as i64)));
    }
    Err(error::value_error(format!("invalid wait status: {s}")))
}

macro_rules! wait_macro {
    ($($name:ident => |$s:ident| $e:expr;)*) => {$(
        fn $name(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
            let a = Args::new(&stringify!($name)[2..], args, kw);
            a.check(1, 1, &["status"])?;
            let $s = int_arg(&a.pos[0])? as i32;
            Ok($e)
        }
    )*};
}

wait_macro! {
    w_wifexited => |s| Value::bool(libc::WIFEXITED(s));
    w_wexitstatus => |s| Value::int(libc::WEXITSTATUS(s) as i64);
    w_wifsignaled => |s| Value::bool(libc::WIFSIGNALED(s));
    w_wtermsig => |s| Value::int(libc::WTERMSIG(s) as i64);
    w_wifstopped => |s| Value::bool(libc::WIFSTOPPED(s));
    w_wstopsig => |s| Value::int(libc::WSTOPSIG(s) as i64);
    w_wcoredump => |s| Value::bool(libc::WCOREDUMP(s));
    w_wifcontinued => |s| Value::bool(libc::WIFCONTINUED(s));
}

fn exit_now(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("_exit", args, kw);
    a.check(1, 1, &["status"])?;
    vm.flush();
    unsafe { libc::_exit(int_arg(&a.pos[0])? as i32) }
}

fn urandom(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("urandom", args, kw);
    a.check(1, 1, &["size"])?;
    let n = int_arg(&a.pos[0])?;
    if n < 0 {
        return Err(error::value_error("negative argument not allowed"));
    }
    let mut buf = vec![0u8; n as usize];
    let mut done = 0;
    while done < buf.len() {
        let r = unsafe { libc::getrandom(buf[done..].as_mut_ptr() as *mut _, buf.len() - done, 0) };
        if r < 0 {
            return Err(last_error());
        }
        done += r as usize;
    }
    Ok(new_bytes(buf))
}

fn cpu_count(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    Args::new("cpu_count", args, kw).check(0, 0, &[])?;
    let n = unsafe { libc::sysconf(libc::_SC_NPROCESSORS_ONLN) };
    Ok(if n < 1 {
        Value::NONE
    } else {
        Value::int(n as i64)
    })
}

fn strerror(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("strerror", args, kw);
    a.check(1, 1, &[])?;
    let code = int_arg(&a.pos[0])? as i32;
    let s = unsafe { std::ffi::CStr::from_ptr(libc::strerror(code)) };
    Ok(new_str(s.to_string_lossy().as_ref()))
}

fn c_field(b: &[libc::c_char]) -> Value {
    let s = unsafe { std::ffi::CStr::from_ptr(b.as_ptr()) };
    new_str(s.to_string_lossy().as_ref())
}

fn uname(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    Args::new("uname", args, kw).check(0, 0, &[])?;
    let mut u: libc::utsname = unsafe { std::mem::zeroed() };
    if unsafe { libc::uname(&mut u) } < 0 {
        return Err(last_error());
    }
    let fields = ["sysname", "nodename", "release", "version", "machine"];
    let ty = crate::pytypes::structseq::structseq_type(vm, "posix", "uname_result", &fields, 5);
    let vals = vec![
        c_field(&u.sysname),
        c_field(&u.nodename),
        c_field(&u.release),
        c_field(&u.version),
        c_field(&u.machine),
    ];
    crate::pytypes::structseq::new_structseq(vm, &ty, vals)
}

fn times(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    Args::new("times", args, kw).check(0, 0, &[])?;
    let mut t: libc::tms = unsafe { std::mem::zeroed() };
    let elapsed = unsafe { libc::times(&mut t) };
    let hz = unsafe { libc::sysconf(libc::_SC_CLK_TCK) } as f64;
    let f = |x: libc::clock_t| Value::float(x as f64 / hz);
    let fields = [
        "user",
        "system",
        "children_user",
        "children_system",
        "elapsed",
    ];
    let ty = crate::pytypes::structseq::structseq_type(vm, "posix", "times_result", &fields, 5);
    crate::pytypes::structseq::new_structseq(
        vm,
        &ty,
        vec![
            f(t.tms_utime),
            f(t.tms_stime),
            f(t.tms_cutime),
            f(t.tms_cstime),
            f(elapsed),
        ],
    )
}

fn get_terminal_size(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("get_terminal_size", args, kw);
    a.check(0, 1, &[])?;
    let fd = match a.get(0) {
        Some(v) => fd_arg(v)?,
        None => 1,
    };
    let mut w: libc::winsize = unsafe { std::mem::zeroed() };
    if unsafe { libc::ioctl(fd, libc::TIOCGWINSZ, &mut w) } < 0 {
        return Err(last_error());
    }
    let ty = terminal_size_type(vm);
    crate::pytypes::structseq::new_structseq(
        vm,
        &ty,
        vec![Value::int(w.ws_col as i64), Value::int(w.ws_row as i64)],
    )
}

fn terminal_size_type(vm: &mut Vm) -> Value {
    crate::pytypes::structseq::structseq_type(vm, "os", "terminal_size", &["columns", "lines"], 2)
}

fn env_bytes(v: &Value, what: &str) -> PyResult<CString> {
    let b = match as_str(v) {
        Some(s) => s.as_bytes().to_vec(),
        None => as_bytes(v).map(|b| b.to_vec()).ok_or_else(|| {
            error::type_error(format!(
                "{what}: expected str, bytes or os.PathLike object, not {}",
                type_name(v)
            ))
        })?,
    };
    CString::new(b).map_err(|_| error::value_error("embedded null byte"))
}

fn putenv(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("putenv", args, kw);
    a.check(2, 2, &[])?;
    let (k, v) = (
        env_bytes(&a.pos[0], "putenv")?,
        env_bytes(&a.pos[1], "putenv")?,
    );
    if k.as_bytes().is_empty() || k.as_bytes().contains(&b'=') {
        return Err(error::value_error("illegal environment variable name"));
    }
    unsafe { libc::setenv(k.as_ptr(), v.as_ptr(), 1) };
    Ok(Value::NONE)
}

fn unsetenv(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("unsetenv", args, kw);
    a.check(1, 1, &[])?;
    let k = env_bytes(&a.pos[0], "unsetenv")?;
    unsafe { libc::unsetenv(k.as_ptr()) };
    Ok(Value::NONE)
}

fn device_encoding(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("device_encoding", args, kw);
    a.check(1, 1, &["fd"])?;
    let fd = fd_arg(&a.pos[0])?;
    Ok(if unsafe { libc::isatty(fd) } == 1 {
        new_str("UTF-8")
    } else {
        Value::NONE
    })
}

fn register_at_fork(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    // pyrun does not fork (subprocesses are spawned with exec): nothing to run.
    Ok(Value::NONE)
}

fn sysconf(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("sysconf", args, kw);
    a.check(1, 1, &[])?;
    let name = match as_str(&a.pos[0]) {
        Some("SC_PAGE_SIZE" | "SC_PAGESIZE") => libc::_SC_PAGESIZE,
        Some("SC_NPROCESSORS_ONLN") => libc::_SC_NPROCESSORS_ONLN,
        Some("SC_NPROCESSORS_CONF") => libc::_SC_NPROCESSORS_CONF,
        Some("SC_CLK_TCK") => libc::_SC_CLK_TCK,
        Some("SC_OPEN_MAX") => libc::_SC_OPEN_MAX,
        Some("SC_ARG_MAX") => libc::_SC_ARG_MAX,
        Some("SC_PHYS_PAGES") => libc::_SC_PHYS_PAGES,
        Some(_) => return Err(error::value_error("unrecognized configuration name")),
        None => int_arg(&a.pos[0])? as i32,
    };
    Ok(Value::int(unsafe { libc::sysconf(name) } as i64))
}

fn execv(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("execv", args, kw);
    a.check(2, 3, &[])?;
    let path = env_bytes(&a.pos[0], "execv")?;
    let items = match crate::types::tuple::as_tuple(&a.pos[1]) {
        Some(t) => t.to_vec(),
        None => crate::types::list::as_list(&a.pos[1])
            .map(|l| l.items.borrow().clone())
            .ok_or_else(|| error::type_error("execv() arg 2 must be a tuple or list"))?,
    };
    if items.is_empty() {
        return Err(error::value_error("execv() arg 2 must not be empty"));
    }
    let argv: Vec<CString> = items
        .iter()
        .map(|v| env_bytes(v, "execv"))
        .collect::<PyResult<_>>()?;
    let mut ptrs: Vec<*const libc::c_char> = argv.iter().map(|c| c.as_ptr()).collect();
    ptrs.push(std::ptr::null());
    unsafe { libc::execv(path.as_ptr(), ptrs.as_ptr()) };
    Err(last_error())
}

/// `posix.environ`: the process environment as bytes keys and values.
fn environ(vm: &mut Vm) -> Value {
    let d = DictObj::new_value();
    for (k, v) in std::env::vars_os() {
        let dict = d.downcast::<DictObj>().unwrap();
        let _ = dict.set(
            vm,
            new_bytes(k.as_bytes().to_vec()),
            new_bytes(v.as_bytes().to_vec()),
        );
    }
    d
}

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("getpid", getpid),
    ("getppid", getppid),
    ("getuid", getuid),
    ("geteuid", geteuid),
    ("getgid", getgid),
    ("getegid", getegid),
    ("getpgrp", getpgrp),
    ("umask", umask),
    ("kill", kill),
    ("waitpid", waitpid),
    ("waitstatus_to_exitcode", waitstatus_to_exitcode),
    ("WIFEXITED", w_wifexited),
    ("WEXITSTATUS", w_wexitstatus),
    ("WIFSIGNALED", w_wifsignaled),
    ("WTERMSIG", w_wtermsig),
    ("WIFSTOPPED", w_wifstopped),
    ("WSTOPSIG", w_wstopsig),
    ("WCOREDUMP", w_wcoredump),
    ("WIFCONTINUED", w_wifcontinued),
    ("_exit", exit_now),
    ("urandom", urandom),
    ("cpu_count", cpu_count),
    ("strerror", strerror),
    ("uname", uname),
    ("times", times),
    ("get_terminal_size", get_terminal_size),
    ("putenv", putenv),
    ("unsetenv", unsetenv),
    ("device_encoding", device_encoding),
    ("register_at_fork", register_at_fork),
    ("sysconf", sysconf),
    ("execv", execv),
];

const CONSTANTS: &[(&str, i64)] = &[
    ("F_OK", libc::F_OK as i64),
    ("R_OK", libc::R_OK as i64),
    ("W_OK", libc::W_OK as i64),
    ("X_OK", libc::X_OK as i64),
    ("O_RDONLY", libc::O_RDONLY as i64),
    ("O_WRONLY", libc::O_WRONLY as i64),
    ("O_RDWR", libc::O_RDWR as i64),
    ("O_APPEND", libc::O_APPEND as i64),
    ("O_CREAT", libc::O_CREAT as i64),
    ("O_EXCL", libc::O_EXCL as i64),
    ("O_TRUNC", libc::O_TRUNC as i64),
    ("O_NONBLOCK", libc::O_NONBLOCK as i64),
    ("O_NDELAY", libc::O_NDELAY as i64),
    ("O_SYNC", libc::O_SYNC as i64),
    ("O_DSYNC", libc::O_DSYNC as i64),
    ("O_NOCTTY", libc::O_NOCTTY as i64),
    ("O_CLOEXEC", libc::O_CLOEXEC as i64),
    ("O_DIRECTORY", libc::O_DIRECTORY as i64),
    ("O_NOFOLLOW", libc::O_NOFOLLOW as i64),
    ("O_ACCMODE", libc::O_ACCMODE as i64),
    ("SEEK_SET", 0),
    ("SEEK_CUR", 1),
    ("SEEK_END", 2),
    ("WNOHANG", libc::WNOHANG as i64),
    ("WUNTRACED", libc::WUNTRACED as i64),
    ("WCONTINUED", libc::WCONTINUED as i64),
    ("EX_OK", 0),
    ("EX_USAGE", 64),
    ("EX_SOFTWARE", 70),
    ("TMP_MAX", 238328),
    ("NGROUPS_MAX", 65536),
];

pub fn make(vm: &mut Vm) -> Value {
    let mut fns: Vec<(&str, NativeFn)> = FS_FUNCTIONS.to_vec();
    fns.extend_from_slice(FUNCTIONS);
    let m = super::module_with_functions("posix", &fns);
    for (name, v) in CONSTANTS {
        super::set(&m, name, Value::int(*v));
    }
    super::set(&m, "environ", environ(vm));
    super::set(&m, "error", unsafe { Value::from_header(tt().os_error) });
    super::set(&m, "DirEntry", super::posix::dir_entry_type());
    let st = {
        let st: libc::stat = unsafe { std::mem::zeroed() };
        super::posix::stat_value(vm, &st)
            .ok()
            .map(|v| crate::types::type_of(&v))
    };
    if let Some(st) = st {
        super::set(&m, "stat_result", st);
    }
    super::set(&m, "terminal_size", terminal_size_type(vm));
    super::set(
        &m,
        "_have_functions",
        new_list(
            ["HAVE_LSTAT", "HAVE_FCHMOD"]
                .iter()
                .map(|n| new_str(*n))
                .collect(),
        ),
    );
    m
}
