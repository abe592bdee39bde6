//! `exec`, `eval`, `compile`, `globals`, `locals`, `vars`: running source at run time.

use super::args::Args;
use crate::compile::Mode;
use crate::error::{self, PyResult};
use crate::types::dict::DictObj;
use crate::types::func::{new_code, CodeObj};
use crate::types::str::{as_str, intern};
use crate::types::type_name;
use crate::value::Value;
use crate::vm::Vm;

/// The caller's globals and a snapshot of its locals (a function's fast locals and cells
/// as a dict; the namespace itself at module or class level).
pub(crate) fn caller_namespaces(vm: &Vm) -> (Value, Value) {
    let Some(f) = vm.frames.last() else {
        let g = DictObj::new_value();
        return (g.clone(), g);
    };
    if !f.locals.is_none() {
        return (f.globals.clone(), f.locals.clone());
    }
    if f.code.flags & crate::bytecode::flags::MODULE != 0 {
        return (f.globals.clone(), f.globals.clone());
    }
    let d = DictObj::new_value();
    for (i, name) in f.code.varnames.iter().enumerate() {
        let v = f.slot(i);
        if !v.is_undef() {
            DictObj::set_str(&d, name.clone(), v.clone());
        }
    }
    let nl = f.code.nlocals();
    for (i, name) in f
        .code
        .cellvars
        .iter()
        .chain(f.code.freevars.iter())
        .enumerate()
    {
        if let Some(c) = f.slot(nl + i).downcast::<crate::types::func::CellObj>() {
            let v = c.v.borrow().clone();
            if !v.is_undef() {
                DictObj::set_str(&d, name.clone(), v);
            }
        }
    }
    (f.globals.clone(), d)
}

fn to_code(src: &Value, fname: &str, mode: Mode, what: &str) -> PyResult<Value> {
    if src.downcast::<CodeObj>().is_some() {
        return Ok(src.clone());
    }
    let s = match as_str(src) {
        Some(s) => s.to_string(),
        None => match crate::types::bytes::as_bytes(src) {
            Some(b) => String::from_utf8_lossy(&b).into_owned(),
            None => {
                return Err(error::type_error(format!(
                    "{what}() arg 1 must be a string, bytes or code object"
                )))
            }
        },
    };
    // eval() ignores leading spaces and tabs, like CPython.
    let s = if mode == Mode::Eval {
        s.trim_start_matches([' ', '\t']).to_string()
    } else {
        s
    };
    let code = crate::compile::compile_source(&s, fname, mode)
        .map_err(|e| crate::run::compile_error_to_exc(&e, fname, &s))?;
    crate::run::register_source(fname, &s);
    Ok(new_code(code))
}

fn run(
    vm: &mut Vm,
    args: &[Value],
    kw: &[Value],
    mode: Mode,
    name: &'static str,
) -> PyResult<Value> {
    let a = Args::new(name, args, kw);
    a.check(1, 3, &["globals", "locals"])?;
    let code = to_code(&a.pos[0], "<string>", mode, name)?;
    let (cg, cl) = caller_namespaces(vm);
    let g = a.arg(1, "globals").filter(|g| !g.is_none()).cloned();
    let l = a.arg(2, "locals").filter(|l| !l.is_none()).cloned();
    if let Some(g) = &g {
        if g.downcast::<DictObj>().is_none() {
            return Err(error::type_error(format!(
                "{}() globals must be a dict, not {}",
                name,
                type_name(g)
            )));
        }
    }
    let (globals, locals) = match (g, l) {
        (None, None) => (cg, cl),
        (Some(g), None) => (g.clone(), g),
        (None, Some(l)) => (cg, l),
        (Some(g), Some(l)) => (g, l),
    };
    if DictObj::get_str(&globals, &intern("__builtins__")).is_none() {
        DictObj::set_str(&globals, intern("__builtins__"), vm.builtins.clone());
    }
    let code = code.downcast::<CodeObj>().unwrap().code.clone();
    let r = vm.run_code_with_locals(code, globals.clone(), locals.clone())?;
    Ok(if mode == Mode::Eval { r } else { Value::NONE })
}

pub fn exec(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    run(vm, args, kw, Mode::Exec, "exec")
}

pub fn eval(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    run(vm, args, kw, Mode::Eval, "eval")
}

pub fn compile(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("compile", args, kw);
    a.check(
        3,
        6,
        &[
            "source",
            "filename",
            "mode",
            "flags",
            "dont_inherit",
            "optimize",
        ],
    )?;
    let fname = as_str(&a.pos[1]).unwrap_or("<string>").to_string();
    let mode = match as_str(&a.pos[2]) {
        Some("exec") | Some("single") => Mode::Exec,
        Some("eval") => Mode::Eval,
        _ => {
            return Err(error::value_error(
                "compile() mode must be 'exec', 'eval' or 'single'",
            ))
        }
    };
    to_code(&a.pos[0], &fname, mode, "compile")
}

pub fn globals(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    Args::new("globals", args, kw).check(0, 0, &[])?;
    Ok(caller_namespaces(vm).0)
}

pub fn locals(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    Args::new("locals", args, kw).check(0, 0, &[])?;
    Ok(caller_namespaces(vm).1)
}

pub fn vars(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("vars", args, kw);
    a.check(0, 1, &[])?;
    match a.get(0) {
        None => Ok(caller_namespaces(vm).1),
        Some(o) => crate::ops::getattr(vm, o, &intern("__dict__"))
            .map_err(|_| error::type_error("vars() argument must have __dict__ attribute")),
    }
}
