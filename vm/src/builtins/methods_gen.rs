//! Generator methods: `send`, `throw`, `close`.

use super::args::Args;
use super::MethodTable;
use crate::error::{self, PyErr, PyResult};
use crate::generator::{self, Resume, Step};
use crate::types::typeobj::{is_subtype, TypeData};
use crate::types::{tt, type_name};
use crate::value::Value;
use crate::vm::Vm;

pub const METHODS: MethodTable = &[
    ("send", gen_send),
    ("throw", gen_throw),
    ("close", gen_close),
];

fn receiver<'a>(a: &Args<'a>) -> PyResult<&'a Value> {
    match a.get(0) {
        Some(g) if g.downcast::<generator::GenObj>().is_some() => Ok(g),
        _ => Err(error::type_error(
            "descriptor requires a 'generator' object",
        )),
    }
}

fn finish(r: PyResult<Step>) -> PyResult<Value> {
    match r? {
        Step::Yield(v) => Ok(v),
        Step::Return(v) => Err(generator::stop_iteration_with(v)),
    }
}

fn gen_send(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("send", args, kw);
    a.check(2, 2, &[])?;
    let g = receiver(&a)?;
    finish(generator::step(vm, g, Resume::Send(a.pos[1].clone())))
}

fn gen_throw(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("throw", args, kw);
    a.check(2, 4, &[])?;
    let g = receiver(&a)?;
    let e = thrown_exception(vm, &a.pos[1], a.get(2))?;
    finish(generator::step(vm, g, Resume::Throw(e)))
}

/// The exception `throw(typ[, val])` raises (generators, coroutines, async generators).
pub fn thrown_exception(vm: &mut Vm, typ: &Value, val: Option<&Value>) -> PyResult<PyErr> {
    let val = val.cloned().unwrap_or(Value::NONE);
    let exc = if typ.downcast::<TypeData>().is_some() && is_subtype(typ.ptr(), tt().base_exception)
    {
        if crate::types::exc::as_exc(&val).is_some() {
            val
        } else {
            let args: Vec<Value> = if val.is_none() {
                vec![]
            } else if let Some(t) = crate::types::tuple::as_tuple(&val) {
                t.to_vec()
            } else {
                vec![val]
            };
            vm.call(typ, &args, &[])?
        }
    } else if crate::types::exc::as_exc(typ).is_some() {
        if !val.is_none() {
            return Err(error::type_error(
                "instance exception may not have a separate value",
            ));
        }
        typ.clone()
    } else {
        return Err(error::type_error(format!(
            "exceptions must be classes or instances deriving from BaseException, not {}",
            type_name(typ)
        )));
    };
    Ok(PyErr(exc))
}

fn gen_close(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("close", args, kw);
    a.check(1, 1, &[])?;
    let g = receiver(&a)?;
    generator::close(vm, g)?;
    Ok(Value::NONE)
}
