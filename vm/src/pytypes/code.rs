//! Code objects seen from Python: `co_*` attributes, `co_positions()`, `co_lines()`,
//! `replace()`.
//!
//! pyrun's instructions are not CPython's, so offsets are synthetic: instruction `i` is
//! at byte offset `2 * i` (`f_lasti`, `tb_lasti`), `co_code` has two bytes per
//! instruction, and `co_positions()` yields one entry per instruction. What the standard
//! library reads from them (line numbers and source positions for tracebacks, the flags,
//! the argument names) is exact.

use crate::builtins::args::Args;
use crate::bytecode::{flags, Code};
use crate::error::{self, PyResult};
use crate::types::bytes::new_bytes;
use crate::types::func::{new_code, CodeObj, NativeFn};
use crate::types::str::{as_str, new_str};
use crate::types::tuple::new_tuple;
use crate::value::Value;
use crate::vm::Vm;
use std::rc::Rc;

pub const METHODS: &[(&str, NativeFn)] = &[
    ("co_positions", co_positions),
    ("co_lines", co_lines),
    ("replace", replace),
    ("__replace__", replace),
];

/// CPython's `co_flags` of `code` (pyrun's flags plus those set later by `replace`).
pub fn co_flags(code: &Code) -> u32 {
    let f = code.flags | code.extra_flags.get();
    if f & flags::MODULE != 0 {
        return 0;
    }
    flags::to_cpython(f, true)
}

fn str_tuple(items: &[Value]) -> Value {
    new_tuple(items.to_vec())
}

/// `code.co_<name>`.
pub fn attr(c: &CodeObj, name: &str) -> Option<Value> {
    let code = &c.code;
    let n = |x: u32| Value::int(x as i64);
    Some(match name {
        "co_name" => new_str(code.name.as_str()),
        "co_qualname" => new_str(code.qualname.as_str()),
        "co_filename" => new_str(code.filename.as_str()),
        "co_firstlineno" => n(code.firstlineno),
        "co_flags" => n(co_flags(code)),
        "co_argcount" => n(code.argcount),
        "co_posonlyargcount" => n(code.posonlyargcount),
        "co_kwonlyargcount" => n(code.kwonlyargcount),
        "co_nlocals" => n(code.nlocals() as u32),
        "co_stacksize" => n(code.stacksize),
        "co_varnames" => str_tuple(&code.varnames),
        "co_cellvars" => str_tuple(&code.cellvars),
        "co_freevars" => str_tuple(&code.freevars),
        "co_names" => str_tuple(&code.names),
        "co_consts" => new_tuple(code.consts.to_vec()),
        "co_code" | "_co_code_adaptive" => {
            let bytes: Vec<u8> = code
                .instrs
                .iter()
                .flat_map(|i| {
                    let i = i.get();
                    [i.op.generic() as u8, i.arg as u8]
                })
                .collect();
            new_bytes(bytes)
        }
        "co_lnotab" | "co_linetable" | "co_exceptiontable" => new_bytes(Vec::new()),
        _ => return None,
    })
}

fn this<'a>(args: &'a [Value], meth: &str) -> PyResult<&'a Rc<Code>> {
    args.first()
        .and_then(|v| v.downcast::<CodeObj>())
        .map(|c| &c.code)
        .ok_or_else(|| error::type_error(format!("descriptor '{meth}' requires a 'code' object")))
}

/// `co_positions()`: (line, end_line, col, end_col) per instruction.
fn co_positions(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    Args::new("co_positions", args, kw).check(1, 1, &[])?;
    let code = this(args, "co_positions")?;
    let items: Vec<Value> = code
        .positions
        .iter()
        .map(|p| {
            if p.line == 0 {
                return new_tuple(vec![Value::NONE; 4]);
            }
            new_tuple(vec![
                Value::int(p.line as i64),
                Value::int(p.end_line as i64),
                Value::int(p.col as i64),
                Value::int(p.end_col as i64),
            ])
        })
        .collect();
    crate::ops::iter(vm, &crate::types::list::new_list(items))
}

/// `co_lines()`: (start, end, line) byte ranges of consecutive instructions on one line.
fn co_lines(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    Args::new("co_lines", args, kw).check(1, 1, &[])?;
    let code = this(args, "co_lines")?;
    let mut out: Vec<(usize, usize, u32)> = vec![];
    for (i, &line) in code.lines.iter().enumerate() {
        match out.last_mut() {
            Some(last) if last.2 == line => last.1 = 2 * i + 2,
            _ => out.push((2 * i, 2 * i + 2, line)),
        }
    }
    let items = out
        .into_iter()
        .map(|(s, e, l)| {
            new_tuple(vec![
                Value::int(s as i64),
                Value::int(e as i64),
                if l == 0 {
                    Value::NONE
                } else {
                    Value::int(l as i64)
                },
            ])
        })
        .collect();
    crate::ops::iter(vm, &crate::types::list::new_list(items))
}

/// `replace(**changes)`: only `co_flags` (what `types.coroutine` changes) and the names
/// can change; the result shares the instructions.
fn replace(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("replace", args, kw);
    if a.len() != 1 {
        return Err(error::type_error("replace() takes no positional arguments"));
    }
    let code = this(args, "replace")?;
    for (k, v) in a.kwnames.iter().zip(a.kwvals) {
        let name = as_str(k).unwrap_or("");
        match name {
            "co_flags" => {
                let want = crate::types::int::as_int(v)
                    .and_then(|i| i.to_i64())
                    .ok_or_else(|| error::type_error("co_flags must be an int"))?
                    as u32;
                let have = co_flags(code);
                if want & !have & !0x100 != 0 || have & !want != 0 {
                    return Err(error::not_implemented_error(
                        "code.replace() can only add CO_ITERABLE_COROUTINE in pyrun",
                    ));
                }
                if want & 0x100 != 0 {
                    code.extra_flags
                        .set(code.extra_flags.get() | flags::ITERABLE_COROUTINE);
                }
            }
            "co_name" | "co_qualname" | "co_filename" | "co_firstlineno"
                if attr_matches(code, name, v) => {}
            _ => {
                return Err(error::not_implemented_error(format!(
                    "code.replace({name}=...) is not supported by pyrun"
                )))
            }
        }
    }
    Ok(new_code(code.clone()))
}

/// Whether `replace(name=v)` leaves the attribute as it is.
fn attr_matches(code: &Code, name: &str, v: &Value) -> bool {
    match name {
        "co_name" => as_str(v) == Some(code.name.as_str()),
        "co_qualname" => as_str(v) == Some(code.qualname.as_str()),
        "co_filename" => as_str(v) == Some(code.filename.as_str()),
        "co_firstlineno" => v.as_small_int() == Some(code.firstlineno as i64),
        _ => false,
    }
}

/// `repr(code)` (the address is the code's, shared by every wrapper of it).
pub fn repr(c: &CodeObj) -> String {
    format!(
        "<code object {} at {:#x}, file \"{}\", line {}>",
        c.code.name,
        Rc::as_ptr(&c.code) as usize,
        c.code.filename,
        c.code.firstlineno
    )
}
