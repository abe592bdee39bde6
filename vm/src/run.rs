//! Running a program end to end: read, compile, execute, and report errors the way CPython
//! does (traceback layout, SyntaxError layout, exit codes).

use crate::compile::{compile_module, CompileError};
use crate::error::PyErr;
use crate::ops;
use crate::types::exc::as_exc;
use crate::types::int::as_int;
use crate::types::str::as_str;
use crate::types::tt;
use crate::types::typeobj::{isinstance_ptr, type_data_ptr};
use crate::value::Value;
use crate::vm::Vm;
use std::fmt::Write;

/// Turns a compile error into a SyntaxError-like exception (for imports and exec).
pub fn compile_error_to_exc(e: &CompileError, filename: &str, _src: &str) -> PyErr {
    let ty = match e.exception_name() {
        "IndentationError" => tt().indentation_error,
        "NotImplementedError" => tt().not_implemented_error,
        _ => tt().syntax_error,
    };
    PyErr::new(ty, format!("{} ({}, line {})", e.msg, filename, e.line))
}

/// CPython's SyntaxError report: location, source line, caret, message.
pub fn format_compile_error(e: &CompileError, filename: &str, src: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "  File \"{}\", line {}", filename, e.line);
    if let Some(line) = src.lines().nth(e.line.saturating_sub(1) as usize) {
        let trimmed = line.trim_start();
        let indent = line.chars().count() - trimmed.chars().count();
        let text = trimmed.trim_end();
        if !text.is_empty() {
            let _ = writeln!(out, "    {text}");
            let col = (e.col as usize)
                .saturating_sub(indent)
                .min(text.chars().count());
            let _ = writeln!(out, "    {}^", " ".repeat(col));
        }
    }
    let _ = writeln!(out, "{}: {}", e.exception_name(), e.msg);
    out
}

fn exc_type_name(v: &Value) -> String {
    let td = type_data_ptr(crate::types::type_ptr(v));
    if td.is_builtin {
        return td.name.clone();
    }
    let module =
        crate::types::dict::DictObj::get_str(&td.dict, &crate::types::str::intern("__module__"));
    match module.as_ref().and_then(|m| as_str(m)) {
        Some(m) if m != "__main__" && m != "builtins" => format!("{}.{}", m, td.name),
        _ => td.name.clone(),
    }
}

/// The full traceback report for an uncaught exception (with its chain).
pub fn format_exception(vm: &mut Vm, exc: &Value) -> String {
    let mut out = String::new();
    let mut seen = vec![];
    format_chain(vm, exc, &mut out, &mut seen);
    out
}

fn format_chain(vm: &mut Vm, exc: &Value, out: &mut String, seen: &mut Vec<usize>) {
    seen.push(exc.ptr() as usize);
    if let Some(x) = as_exc(exc) {
        let cause = x.cause.borrow().clone();
        let context = x.context.borrow().clone();
        if !cause.is_none() && !seen.contains(&(cause.ptr() as usize)) {
            format_chain(vm, &cause, out, seen);
            out.push_str(
                "\nThe above exception was the direct cause of the following exception:\n\n",
            );
        } else if !x.suppress_context.get()
            && !context.is_none()
            && !seen.contains(&(context.ptr() as usize))
        {
            format_chain(vm, &context, out, seen);
            out.push_str(
                "\nDuring handling of the above exception, another exception occurred:\n\n",
            );
        }
        let tb = x.traceback.borrow().clone();
        if !tb.is_empty() {
            out.push_str("Traceback (most recent call last):\n");
            let mut last: Option<(String, u32, String)> = None;
            let mut repeat = 0;
            let flush_repeat = |out: &mut String, repeat: usize| {
                if repeat > 3 {
                    let _ = writeln!(
                        out,
                        "  [Previous line repeated {} more time{}]",
                        repeat - 3,
                        if repeat - 3 == 1 { "" } else { "s" }
                    );
                }
            };
            for entry in tb.iter().rev() {
                let key = (
                    entry.code.filename.clone(),
                    entry.line,
                    entry.code.name.clone(),
                );
                if last.as_ref() == Some(&key) {
                    repeat += 1;
                    if repeat > 3 {
                        continue;
                    }
                } else {
                    flush_repeat(out, repeat);
                    repeat = 1;
                    last = Some(key);
                }
                let _ = writeln!(
                    out,
                    "  File \"{}\", line {}, in {}",
                    entry.code.filename, entry.line, entry.code.name
                );
                if let Some(src) = source_line(&entry.code.filename, entry.line) {
                    let _ = writeln!(out, "    {src}");
                }
            }
            flush_repeat(out, repeat);
        }
    }
    let name = exc_type_name(exc);
    let msg = ops::repr::str_string(vm, exc).unwrap_or_else(|_| "<exception str() failed>".into());
    if msg.is_empty() {
        let _ = writeln!(out, "{name}");
    } else {
        let _ = writeln!(out, "{name}: {msg}");
    }
}

thread_local! {
    static SOURCES: std::cell::RefCell<std::collections::HashMap<String, Vec<String>>> = Default::default();
}

/// Registers source text so tracebacks can quote it (also for `-c` and exec'd code).
pub fn register_source(filename: &str, src: &str) {
    SOURCES.with(|s| {
        s.borrow_mut().insert(
            filename.to_string(),
            src.lines().map(|l| l.to_string()).collect(),
        )
    });
}

fn source_line(filename: &str, line: u32) -> Option<String> {
    let known = SOURCES.with(|s| {
        s.borrow()
            .get(filename)
            .and_then(|l| l.get(line.saturating_sub(1) as usize).cloned())
    });
    let text = match known {
        Some(t) => t,
        None => {
            let src = std::fs::read_to_string(filename).ok()?;
            register_source(filename, &src);
            src.lines()
                .nth(line.saturating_sub(1) as usize)?
                .to_string()
        }
    };
    let t = text.trim();
    if t.is_empty() {
        None
    } else {
        Some(t.to_string())
    }
}

/// Handles an uncaught exception: prints it (unless SystemExit) and returns the exit code.
pub fn report_uncaught(vm: &mut Vm, e: &PyErr) -> i32 {
    vm.flush();
    if isinstance_ptr(&e.0, tt().system_exit) {
        let args = as_exc(&e.0)
            .map(|x| x.args.borrow().clone())
            .unwrap_or(Value::NONE);
        let code = crate::types::tuple::as_tuple(&args)
            .and_then(|t| t.first().cloned())
            .unwrap_or(Value::NONE);
        if code.is_none() {
            return 0;
        }
        if let Some(i) = as_int(&code) {
            return i.to_i64().unwrap_or(1) as i32;
        }
        let s = ops::repr::str_string(vm, &code).unwrap_or_default();
        eprintln!("{s}");
        return 1;
    }
    let report = format_exception(vm, &e.0);
    eprint!("{report}");
    1
}

/// Compiles and runs a program; returns the process exit code.
pub fn run_source(vm: &mut Vm, src: &str, filename: &str) -> i32 {
    register_source(filename, src);
    let code = match compile_module(src, filename) {
        Ok(c) => c,
        Err(e) => {
            eprint!("{}", format_compile_error(&e, filename, src));
            return 1;
        }
    };
    let r = vm.run_main(code);
    let status = match r {
        Ok(_) => 0,
        Err(e) => report_uncaught(vm, &e),
    };
    vm.flush();
    status
}
