//! Running a program end to end as CPython's `Py_RunMain` does: a script, `-c` code, `-m`
//! module or stdin becomes `__main__` (with `__file__`, `__spec__`, `__loader__`, ... as
//! CPython sets them), and an uncaught exception is reported with the exit code CPython uses.

use crate::compile::CompileError;
use crate::error::{PyErr, PyResult};
use crate::ops;
use crate::types::dict::DictObj;
use crate::types::exc::as_exc;
use crate::types::int::as_int;
use crate::types::module::new_module;
use crate::types::str::{intern, new_str};
use crate::types::tt;
use crate::types::typeobj::isinstance_ptr;
use crate::value::Value;
use crate::vm::Vm;
use std::path::{Path, PathBuf};

pub use crate::traceback::{format_compile_error, format_exception, register_source};

/// What the command line asked to run.
#[derive(Clone, Debug)]
pub enum Program {
    Script(PathBuf),
    Code(String),
    Module(String),
    Stdin,
    Interactive,
}

/// `sys.path[0]` for a program: the script's directory, the cwd for `-m`, else `''`.
pub fn path0(p: &Program) -> String {
    match p {
        Program::Script(path) => {
            let abs = std::fs::canonicalize(path).unwrap_or_else(|_| absolute(path));
            abs.parent()
                .map(|d| d.display().to_string())
                .unwrap_or_default()
        }
        Program::Module(_) => std::env::current_dir()
            .map(|d| d.display().to_string())
            .unwrap_or_default(),
        _ => String::new(),
    }
}

/// The path joined to the cwd without normalising (CPython's `__file__` for a script).
fn absolute(p: &Path) -> PathBuf {
    if p.is_absolute() {
        return p.to_path_buf();
    }
    match std::env::current_dir() {
        Ok(d) => d.join(p),
        Err(_) => p.to_path_buf(),
    }
}

impl Vm {
    /// Installs the start-up configuration: `sys` (argv, path, flags, ...), `builtins` in
    /// `sys.modules`, and the stdout buffering mode.
    pub fn set_config(&mut self, config: crate::config::Config) {
        self.options.config = config;
        crate::stdio::configure(self);
        let builtins = new_module("builtins", self.builtins.clone());
        DictObj::set_str(&self.modules, intern("builtins"), builtins);
        // `sys` is made on first use from this configuration (dropped if made earlier).
        if let Some(d) = self.modules.downcast::<DictObj>() {
            d.remove_str(&intern("sys"));
        }
    }
}

/// Reads the program's source: `(text, filename for code objects)`, or the exit status
/// after reporting why it could not be read.
pub fn load_program(
    vm: &mut Vm,
    program: &Program,
    skip_first_line: bool,
    exe: &str,
) -> Result<(String, String), i32> {
    let (bytes, filename) = match program {
        Program::Code(c) => (c.clone().into_bytes(), "<string>".to_string()),
        Program::Stdin | Program::Interactive => {
            let mut v = vec![];
            let _ = std::io::Read::read_to_end(&mut std::io::stdin(), &mut v);
            (v, "<stdin>".to_string())
        }
        Program::Script(path) => {
            let abs = absolute(path).display().to_string();
            if path.is_dir() {
                return Err(run_directory(vm, path, exe));
            }
            match std::fs::read(path) {
                Ok(b) => (b, abs),
                Err(e) => {
                    let text = crate::stdlib::fileio::os_error(&e, None);
                    let msg = ops::repr::str_string(vm, &text.0).unwrap_or_default();
                    eprintln!("{exe}: can't open file {}: {msg}", quote(&abs));
                    return Err(2);
                }
            }
        }
        Program::Module(_) => unreachable!("modules are found by run_module"),
    };
    let mut text = match crate::source::decode(&bytes) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("SyntaxError: {}", e.message(&filename));
            return Err(1);
        }
    };
    if skip_first_line {
        // `-x`: the first line is dropped but line numbers still count it.
        let end = text.find('\n').unwrap_or(text.len());
        text.replace_range(..end, "");
    }
    Ok((text, filename))
}

/// `repr()` of a path as CPython's messages show it.
fn quote(s: &str) -> String {
    crate::fmt::strrepr::str_repr(s)
}

/// A directory given as the script: runs its `__main__.py` when it has one.
fn run_directory(vm: &mut Vm, dir: &Path, exe: &str) -> i32 {
    let main = dir.join("__main__.py");
    if !main.is_file() {
        eprintln!(
            "{exe}: can't find '__main__' module in {}",
            quote(&absolute(dir).display().to_string())
        );
        return 1;
    }
    let path = main.display().to_string();
    match crate::import::read_source(&path) {
        Ok(src) => run_main_source(vm, &src, &path, MainKind::Script),
        Err(e) => report_uncaught(vm, &e),
    }
}

/// How `__main__` was given (decides its `__spec__` / `__loader__`).
enum MainKind {
    Script,
    Code,
    Module { name: String, package: bool },
}

/// Runs the program; returns the process exit status.
pub fn run_program(vm: &mut Vm, program: &Program, skip_first_line: bool, exe: &str) -> i32 {
    if let Program::Module(name) = program {
        return run_module(vm, name, exe);
    }
    let (src, filename) = match load_program(vm, program, skip_first_line, exe) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let kind = match program {
        Program::Script(_) => MainKind::Script,
        _ => MainKind::Code,
    };
    run_main_source(vm, &src, &filename, kind)
}

/// `-m name`: imports the parent packages, finds the module (or the package's
/// `__main__`), and runs it as `__main__` with `sys.argv[0]` its path.
fn run_module(vm: &mut Vm, name: &str, exe: &str) -> i32 {
    let found = match crate::import::find_main_module(vm, name) {
        Ok(f) => f,
        Err(MainModuleError::Message(m)) => {
            eprintln!("{exe}: {m}");
            return 1;
        }
        Err(MainModuleError::Raised(e)) => return report_uncaught(vm, &e),
    };
    let (modname, path, package) = found;
    let src = match crate::import::read_source(&path) {
        Ok(s) => s,
        Err(e) => return report_uncaught(vm, &e),
    };
    if let Some(sys) = crate::import::loaded(vm, "sys") {
        if let Ok(argv) = ops::getattr(vm, &sys, &intern("argv")) {
            if let Some(l) = crate::types::list::as_list(&argv) {
                if let Some(first) = l.items.borrow_mut().first_mut() {
                    *first = new_str(path.as_str());
                }
            }
        }
    }
    run_main_source(
        vm,
        &src,
        &path,
        MainKind::Module {
            name: modname,
            package,
        },
    )
}

pub enum MainModuleError {
    /// Printed as `exe: message`, exit 1.
    Message(String),
    /// An exception while importing a parent package: reported as a traceback.
    Raised(PyErr),
}

fn run_main_source(vm: &mut Vm, src: &str, filename: &str, kind: MainKind) -> i32 {
    register_source(filename, src);
    let optimize = vm.options.config.flags.optimize;
    let code = match crate::compile::compile_source_opt(
        src,
        filename,
        crate::compile::Mode::Module,
        optimize,
    ) {
        Ok(c) => c,
        Err(e) => {
            vm.flush();
            eprint!("{}", format_compile_error(&e, filename, src));
            return 1;
        }
    };
    let globals = match main_namespace(vm, filename, &kind) {
        Ok(g) => g,
        Err(e) => return report_uncaught(vm, &e),
    };
    vm.main_code = Some(code.clone());
    let status = match vm.run_code(code, globals) {
        Ok(_) => 0,
        Err(e) => report_uncaught(vm, &e),
    };
    crate::finalize::run(vm);
    vm.flush();
    status
}

/// The `__main__` module's namespace, registered in `sys.modules`.
fn main_namespace(vm: &mut Vm, filename: &str, kind: &MainKind) -> PyResult<Value> {
    let g = DictObj::new_value();
    let m = new_module("__main__", g.clone());
    let set = |k: &str, v: Value| DictObj::set_str(&g, intern(k), v);
    set("__doc__", Value::NONE);
    set("__annotations__", DictObj::new_value());
    set(
        "__builtins__",
        crate::import::loaded(vm, "builtins").unwrap_or(vm.builtins.clone()),
    );
    match kind {
        MainKind::Script => {
            set("__package__", Value::NONE);
            set("__spec__", Value::NONE);
            let loader = crate::import::source_loader(vm, "__main__", filename)?;
            set("__loader__", loader);
            set("__file__", new_str(filename));
            set("__cached__", Value::NONE);
        }
        MainKind::Code => {
            set("__package__", Value::NONE);
            set("__spec__", Value::NONE);
            let fi = crate::import::frozen_importlib(vm)?;
            set(
                "__loader__",
                ops::getattr(vm, &fi, &intern("BuiltinImporter"))?,
            );
        }
        MainKind::Module { name, package } => {
            let spec = crate::import::new_source_spec(vm, name, filename, *package)?;
            let parent = ops::getattr(vm, &spec, &intern("parent"))?;
            set("__package__", parent);
            set("__loader__", ops::getattr(vm, &spec, &intern("loader"))?);
            set("__file__", new_str(filename));
            set("__cached__", ops::getattr(vm, &spec, &intern("cached"))?);
            set("__spec__", spec);
        }
    }
    DictObj::set_str(&vm.modules, intern("__main__"), m);
    Ok(g)
}

/// Turns a compile error into a SyntaxError-like exception (for imports and exec), with
/// CPython's attributes (`filename`, `lineno`, `offset`, `text`, ...).
pub fn compile_error_to_exc(e: &CompileError, filename: &str, src: &str) -> PyErr {
    crate::traceback::syntax_error_exc(e, filename, src)
}

/// Handles an uncaught exception: prints it (unless SystemExit) and returns the exit code.
pub fn report_uncaught(vm: &mut Vm, e: &PyErr) -> i32 {
    // CPython flushes stdout before printing the traceback.
    vm.flush();
    if isinstance_ptr(&e.0, tt().system_exit) {
        vm.exiting = true;
        return system_exit_status(vm, e);
    }
    let report = format_exception(vm, &e.0);
    let _ = crate::stdio::write_stderr(vm, report.as_bytes());
    if isinstance_ptr(&e.0, tt().keyboard_interrupt) {
        crate::signals::set_exit_by_sigint();
        return 130;
    }
    1
}

/// The status `SystemExit(code)` asks for: None → 0, an int → itself, else printed → 1.
fn system_exit_status(vm: &mut Vm, e: &PyErr) -> i32 {
    let args = as_exc(&e.0)
        .map(|x| x.args.borrow().clone())
        .unwrap_or(Value::NONE);
    let args = crate::types::tuple::as_tuple(&args).unwrap_or(&[]).to_vec();
    let code = match args.len() {
        0 => Value::NONE,
        1 => args[0].clone(),
        _ => crate::types::tuple::new_tuple(args),
    };
    if code.is_none() {
        return 0;
    }
    if let Some(i) = as_int(&code) {
        return i.to_i64().map(|v| v as i32).unwrap_or(-1);
    }
    let s = ops::repr::str_string(vm, &code).unwrap_or_default();
    let _ = crate::stdio::write_stderr(vm, format!("{s}\n").as_bytes());
    1
}

/// Compiles and runs a program (as `-c` code); returns the process exit code.
pub fn run_source(vm: &mut Vm, src: &str, filename: &str) -> i32 {
    run_main_source(vm, src, filename, MainKind::Code)
}
