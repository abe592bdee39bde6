//! The `functools` module: reduce, cmp_to_key.

use crate::builtins::args::{parse_args, positional};
use crate::builtins::MethodTable;
use crate::bytecode::CmpOp;
use crate::error::{self, PyResult};
use crate::object::Header;
use crate::ops;
use crate::types::dict::DictObj;
use crate::types::ext::{ext_ref, new_ext, new_ext_type, receiver};
use crate::types::str::intern;
use crate::types::typeobj::type_data_ptr;
use crate::value::Value;
use crate::vm::Vm;
use std::cell::OnceCell;

struct Types {
    key_wrapper: *const Header,
}

thread_local! {
    static TYPES: OnceCell<&'static Types> = const { OnceCell::new() };
}

fn types() -> &'static Types {
    TYPES.with(|c| *c.get_or_init(|| Box::leak(Box::new(make_types()))))
}

fn make_types() -> Types {
    let kw: MethodTable = &[
        ("__call__", key_call),
        ("__lt__", key_lt),
        ("__le__", key_le),
        ("__gt__", key_gt),
        ("__ge__", key_ge),
        ("__eq__", key_eq),
        ("__ne__", key_ne),
        ("__getattr__", key_getattr),
    ];
    let key_wrapper = new_ext_type("KeyWrapper", "functools", std::ptr::null(), kw);
    // Key objects compare but are unhashable, as in CPython.
    DictObj::set_str(
        &type_data_ptr(key_wrapper).dict,
        intern("__hash__"),
        Value::NONE,
    );
    Types { key_wrapper }
}

pub fn make(_vm: &mut Vm) -> Value {
    super::module_with_functions(
        "functools",
        &[("reduce", reduce), ("cmp_to_key", cmp_to_key)],
    )
}

fn reduce(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = positional("reduce", args, kw, 2, 3)?;
    let it = ops::iter(vm, &a[1])
        .map_err(|_| error::type_error("reduce() arg 2 must support iteration"))?;
    let mut acc = a.get(2).cloned();
    while let Some(x) = ops::next(vm, &it)? {
        acc = Some(match acc {
            None => x,
            Some(v) => vm.call(&a[0], &[v, x], &[])?,
        });
    }
    acc.ok_or_else(|| error::type_error("reduce() of empty iterable with no initial value"))
}

// ---- cmp_to_key ----

/// `cmp_to_key(cmp)` returns a callable wrapper; calling it wraps one object (`obj`).
struct KeyWrapper {
    cmp: Value,
    obj: Option<Value>,
}

fn cmp_to_key(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [mycmp] = parse_args("cmp_to_key", args, kw, ["mycmp"], 1, 1)?;
    Ok(new_ext(
        KeyWrapper {
            cmp: mycmp.cloned().unwrap_or(Value::NONE),
            obj: None,
        },
        types().key_wrapper,
    ))
}

fn key_call(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let k = receiver::<KeyWrapper>(args, "functools.KeyWrapper", "__call__")?;
    let [obj] = parse_args("K", &args[1..], kw, ["obj"], 1, 1)?;
    Ok(new_ext(
        KeyWrapper {
            cmp: k.cmp.clone(),
            obj: obj.cloned(),
        },
        types().key_wrapper,
    ))
}

fn key_compare(vm: &mut Vm, args: &[Value], op: CmpOp) -> PyResult<Value> {
    let a = receiver::<KeyWrapper>(args, "functools.KeyWrapper", "__lt__")?;
    let b = args
        .get(1)
        .and_then(ext_ref::<KeyWrapper>)
        .ok_or_else(|| error::type_error("other argument must be K instance"))?;
    let x = a.obj.clone().unwrap_or(Value::NONE);
    let y = b.obj.clone().unwrap_or(Value::NONE);
    let r = vm.call(&a.cmp, &[x, y], &[])?;
    ops::compare(vm, op, &r, &Value::small_int(0))
}

fn key_lt(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    key_compare(vm, args, CmpOp::Lt)
}
fn key_le(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    key_compare(vm, args, CmpOp::Le)
}
fn key_gt(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    key_compare(vm, args, CmpOp::Gt)
}
fn key_ge(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    key_compare(vm, args, CmpOp::Ge)
}
fn key_eq(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    key_compare(vm, args, CmpOp::Eq)
}
fn key_ne(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    key_compare(vm, args, CmpOp::Ne)
}

fn key_getattr(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let k = receiver::<KeyWrapper>(args, "functools.KeyWrapper", "__getattr__")?;
    let name = args.get(1).cloned().unwrap_or(Value::NONE);
    match (crate::types::str::as_str(&name), &k.obj) {
        (Some("obj"), Some(o)) => Ok(o.clone()),
        _ => Err(ops::attr::attribute_error(&args[0], &name)),
    }
}
