//! The process's standard output as CPython buffers it: line-buffered on a terminal,
//! block-buffered (8 KiB) on a pipe or file, written through under `-u`. A failed write
//! (EPIPE when the reader went away) is an OSError such as BrokenPipeError in the code that
//! printed, and the unwritten data is dropped, as CPython's buffered writer does.

use crate::error::{PyErr, PyResult};
use crate::vm::Vm;
use std::io::Write;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Buffering {
    Unbuffered,
    Line,
    Block,
}

const BLOCK: usize = 8192;

pub struct StdOut {
    buf: Vec<u8>,
    pub mode: Buffering,
    fd: i32,
}

pub fn is_tty(fd: i32) -> bool {
    unsafe { libc::isatty(fd) == 1 }
}

impl StdOut {
    pub fn new(fd: i32) -> StdOut {
        let mode = if is_tty(fd) {
            Buffering::Line
        } else {
            Buffering::Block
        };
        StdOut {
            buf: Vec::with_capacity(BLOCK),
            mode,
            fd,
        }
    }

    /// Writes the buffer to the file descriptor; on error the buffer is dropped.
    fn drain(&mut self) -> std::io::Result<()> {
        let r = write_fd(self.fd, &self.buf);
        self.buf.clear();
        r
    }
}

/// `write(2)` until done, retrying on EINTR.
pub fn write_fd(fd: i32, mut data: &[u8]) -> std::io::Result<()> {
    while !data.is_empty() {
        let n = unsafe { libc::write(fd, data.as_ptr() as *const libc::c_void, data.len()) };
        if n < 0 {
            let e = std::io::Error::last_os_error();
            if e.kind() == std::io::ErrorKind::Interrupted {
                continue;
            }
            return Err(e);
        }
        data = &data[n as usize..];
    }
    Ok(())
}

impl Write for StdOut {
    fn write(&mut self, data: &[u8]) -> std::io::Result<usize> {
        self.buf.extend_from_slice(data);
        let due = match self.mode {
            Buffering::Unbuffered => true,
            Buffering::Line => data.contains(&b'\n'),
            Buffering::Block => self.buf.len() >= BLOCK,
        };
        if due {
            self.drain()?;
        }
        Ok(data.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        if self.buf.is_empty() {
            return Ok(());
        }
        self.drain()
    }
}

/// Writes program output to stdout, raising CPython's OSError subclass on failure.
pub fn write_stdout(vm: &mut Vm, data: &[u8]) -> PyResult<()> {
    vm.out.write_all(data).map_err(|e| io_error(&e))
}

/// Writes to stderr (unbuffered, as CPython's stderr is in effect). When stdout is line
/// buffered or unbuffered, its pending text goes first so a terminal shows them in order.
pub fn write_stderr(vm: &mut Vm, data: &[u8]) -> PyResult<()> {
    if vm.out.mode != Buffering::Block {
        vm.out.flush().map_err(|e| io_error(&e))?;
    }
    write_fd(2, data).map_err(|e| io_error(&e))
}

pub fn io_error(e: &std::io::Error) -> PyErr {
    crate::stdlib::fileio::os_error(e, None)
}

/// Flushes stdout at exit. A failure there is reported as CPython reports it and turns a
/// successful exit into status 120.
pub fn finish(vm: &mut Vm, status: i32) -> i32 {
    match vm.out.flush() {
        Ok(()) => status,
        Err(e) => {
            let exc = io_error(&e);
            let msg = crate::ops::repr::str_string(vm, &exc.0).unwrap_or_default();
            let name = crate::types::type_name(&exc.0).to_string();
            let _ = write_fd(
                2,
                format!("Exception ignored in: <_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>\n{name}: {msg}\n").as_bytes(),
            );
            if status == 0 {
                120
            } else {
                status
            }
        }
    }
}

thread_local! {
    /// Bytes read from stdin beyond the last line returned.
    static STDIN_BUF: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Reads one line from stdin (`input()`, `sys.stdin.readline()`); empty at EOF. A Ctrl-C
/// while waiting is `ErrorKind::Interrupted` (the caller raises KeyboardInterrupt).
pub fn read_line() -> std::io::Result<String> {
    STDIN_BUF.with(|b| {
        let mut buf = b.borrow_mut();
        loop {
            if let Some(i) = buf.iter().position(|&c| c == b'\n') {
                let line: Vec<u8> = buf.drain(..=i).collect();
                return Ok(String::from_utf8_lossy(&line).into_owned());
            }
            let mut chunk = [0u8; 4096];
            let n = unsafe { libc::read(0, chunk.as_mut_ptr() as *mut libc::c_void, chunk.len()) };
            if n < 0 {
                let e = std::io::Error::last_os_error();
                if e.kind() == std::io::ErrorKind::Interrupted && !crate::signals::take_pending() {
                    continue;
                }
                return Err(e);
            }
            if n == 0 {
                let rest: Vec<u8> = buf.drain(..).collect();
                return Ok(String::from_utf8_lossy(&rest).into_owned());
            }
            buf.extend_from_slice(&chunk[..n as usize]);
        }
    })
}

/// Sets the stdout buffering mode from the configuration (`-u`).
pub fn configure(vm: &mut Vm) {
    if vm.options.config.unbuffered {
        vm.out.mode = Buffering::Unbuffered;
    }
}

/// `sys.stdout` when the program replaced it with another object (None while it is the
/// standard stream, or before `sys` was imported).
pub fn replaced_stdout(vm: &mut Vm) -> Option<crate::value::Value> {
    let sys = crate::import::loaded(vm, "sys")?;
    let d = sys
        .downcast::<crate::types::module::ModuleObj>()?
        .dict
        .clone();
    let out = crate::types::dict::DictObj::get_str(&d, &crate::types::str::intern("stdout"))?;
    match crate::stdlib::stdstreams::stream_fd(&out) {
        Some(1) => None,
        _ => Some(out),
    }
}
