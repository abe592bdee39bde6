//! The interactive prompt's evaluation: whether typed lines form a complete statement yet
//! (as CPython's `codeop`), and running one in `__main__` with expression results echoed.

use crate::compile::{compile_source_opt, CompileErrorKind, Mode};
use crate::types::dict::DictObj;
use crate::types::str::intern;
use crate::value::Value;
use crate::vm::Vm;

/// What the lines typed so far are.
pub enum Input {
    /// More lines are needed (`... ` prompt).
    Incomplete,
    /// Ran (or failed with a reported error); back to `>>> `.
    Done,
    /// `SystemExit` was raised: the prompt ends with this status.
    Exit(i32),
}

/// A compound statement (or open block) keeps reading until an empty line.
fn open_block(src: &str) -> bool {
    let first = src.lines().next().unwrap_or("");
    let last = src.lines().last().unwrap_or("");
    first.trim_end().ends_with(':')
        || last.starts_with([' ', '\t'])
        || last.trim_end().ends_with(':')
}

/// Compiles and runs the typed source in `__main__`; `Incomplete` when it needs more.
pub fn feed(vm: &mut Vm, src: &str) -> Input {
    let ended_block = src.ends_with("\n\n") || src.trim().is_empty();
    if !ended_block && open_block(src) {
        return Input::Incomplete;
    }
    if src.trim().is_empty() {
        return Input::Done;
    }
    let optimize = vm.options.config.flags.optimize;
    let globals = main_globals(vm);
    // An expression alone is evaluated and its value echoed (sys.displayhook).
    if let Ok(code) = compile_source_opt(src.trim_end(), "<stdin>", Mode::Eval, optimize) {
        return match vm.run_code(code, globals) {
            Ok(v) => match crate::stdlib::sys::display(vm, &v) {
                Ok(()) => Input::Done,
                Err(e) => report(vm, e),
            },
            Err(e) => report(vm, e),
        };
    }
    match compile_source_opt(src, "<stdin>", Mode::Module, optimize) {
        Ok(code) => match vm.run_code(code, globals) {
            Ok(_) => Input::Done,
            Err(e) => report(vm, e),
        },
        Err(e) if !ended_block && incomplete(&e) => Input::Incomplete,
        Err(e) => {
            vm.flush();
            let text = crate::traceback::format_compile_error(&e, "<stdin>", src);
            let _ = crate::stdio::write_stderr(vm, text.as_bytes());
            Input::Done
        }
    }
}

/// Errors that more input could fix: an unclosed bracket or string, a missing block.
fn incomplete(e: &crate::compile::CompileError) -> bool {
    e.kind != CompileErrorKind::NotSupported
        && (e.msg.contains("was never closed")
            || e.msg.contains("unexpected EOF")
            || e.msg.contains("expected an indented block")
            || e.msg.contains("unterminated triple-quoted"))
}

fn report(vm: &mut Vm, e: crate::error::PyErr) -> Input {
    if e.is_instance(crate::types::tt().system_exit) {
        return Input::Exit(crate::run::report_uncaught(vm, &e));
    }
    vm.flush();
    let text = crate::traceback::format_exception(vm, &e.0);
    let _ = crate::stdio::write_stderr(vm, text.as_bytes());
    Input::Done
}

/// `__main__`'s namespace (made for the prompt if no program ran before).
pub fn main_globals(vm: &mut Vm) -> Value {
    if let Some(m) = crate::import::loaded(vm, "__main__") {
        if let Some(m) = m.downcast::<crate::types::module::ModuleObj>() {
            return m.dict.clone();
        }
    }
    let g = DictObj::new_value();
    for (k, v) in [
        ("__doc__", Value::NONE),
        ("__package__", Value::NONE),
        ("__spec__", Value::NONE),
        ("__annotations__", DictObj::new_value()),
    ] {
        DictObj::set_str(&g, intern(k), v);
    }
    let b = crate::import::loaded(vm, "builtins").unwrap_or(vm.builtins.clone());
    DictObj::set_str(&g, intern("__builtins__"), b);
    if let Ok(fi) = crate::import::frozen_importlib(vm) {
        if let Ok(l) = crate::ops::getattr(vm, &fi, &intern("BuiltinImporter")) {
            DictObj::set_str(&g, intern("__loader__"), l);
        }
    }
    let m = crate::types::module::new_module("__main__", g.clone());
    DictObj::set_str(&vm.modules, intern("__main__"), m);
    g
}

/// CPython's start-up banner (printed to stderr unless -q).
pub fn banner() -> String {
    let (a, b, c) = crate::config::PYTHON_VERSION;
    format!(
        "Python {a}.{b}.{c} (pyrun {}) on linux\nType \"help\", \"copyright\", \"credits\" or \"license\" for more information.\n",
        env!("CARGO_PKG_VERSION")
    )
}
