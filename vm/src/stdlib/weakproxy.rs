//! `weakref.proxy` objects: every operation is forwarded to the referent, and raises
//! ReferenceError once it is gone.

use super::weakref::{dead_proxy, referent};
use crate::bytecode::{BinOp, CmpOp};
use crate::error::{self, PyResult};
use crate::ops;
use crate::types::func::NativeFn;
use crate::types::str::new_str;
use crate::types::typeobj::{type_data_ptr, type_ptr};
use crate::value::Value;
use crate::vm::Vm;

pub const METHODS: &[(&str, NativeFn)] = &[
    ("__getattribute__", p_getattr),
    ("__setattr__", p_setattr),
    ("__delattr__", p_delattr),
    ("__repr__", p_repr),
    ("__str__", p_str),
    ("__bool__", p_bool),
    ("__len__", p_len),
    ("__iter__", p_iter),
    ("__next__", p_next),
    ("__contains__", p_contains),
    ("__getitem__", p_getitem),
    ("__setitem__", p_setitem),
    ("__delitem__", p_delitem),
    ("__eq__", p_eq),
    ("__ne__", p_ne),
    ("__lt__", p_lt),
    ("__le__", p_le),
    ("__gt__", p_gt),
    ("__ge__", p_ge),
    ("__add__", p_add),
    ("__sub__", p_sub),
    ("__mul__", p_mul),
    ("__truediv__", p_truediv),
    ("__floordiv__", p_floordiv),
    ("__mod__", p_mod),
    ("__neg__", p_neg),
    ("__abs__", p_abs),
    ("__int__", p_int),
    ("__float__", p_float),
    ("__index__", p_index),
];

/// The referent of the proxy `args[0]` (ReferenceError once dead), and the other args
/// with proxies among them unwrapped.
fn target(args: &[Value]) -> PyResult<(Value, Vec<Value>)> {
    let p = args
        .first()
        .ok_or_else(|| error::type_error("proxy method needs an argument"))?;
    let t = referent(p).ok_or_else(dead_proxy)?;
    let rest = args[1..]
        .iter()
        .map(|a| {
            if is_proxy(a) {
                referent(a).ok_or_else(dead_proxy)
            } else {
                Ok(a.clone())
            }
        })
        .collect::<PyResult<Vec<_>>>()?;
    Ok((t, rest))
}

fn is_proxy(v: &Value) -> bool {
    let n = &type_data_ptr(type_ptr(v)).name;
    n == "weakref.ProxyType" || n == "weakref.CallableProxyType"
}

fn p_getattr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (t, a) = target(args)?;
    ops::getattr(vm, &t, a.first().unwrap_or(&Value::NONE))
}
fn p_setattr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (t, _) = target(&args[..1])?;
    ops::setattr(vm, &t, &args[1], args[2].clone())?;
    Ok(Value::NONE)
}
fn p_delattr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (t, a) = target(args)?;
    ops::delattr(vm, &t, &a[0])?;
    Ok(Value::NONE)
}
fn p_repr(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let p = &args[0];
    Ok(new_str(match referent(p) {
        Some(t) => format!(
            "<weakproxy at {:#x}; to '{}' at {:#x}>",
            p.ptr() as usize,
            type_data_ptr(type_ptr(&t)).name,
            t.ptr() as usize
        ),
        None => format!("<weakproxy at {:#x}; dead>", p.ptr() as usize),
    }))
}
fn p_str(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (t, _) = target(args)?;
    ops::to_str(vm, &t)
}
fn p_bool(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (t, _) = target(args)?;
    Ok(Value::bool(ops::truthy(vm, &t)?))
}
fn p_len(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (t, _) = target(args)?;
    Ok(Value::int(ops::len(vm, &t)? as i64))
}
fn p_iter(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (t, _) = target(args)?;
    ops::iter(vm, &t)
}
fn p_next(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (t, _) = target(args)?;
    ops::next(vm, &t)?.ok_or_else(error::stop_iteration)
}
fn p_contains(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (t, a) = target(args)?;
    Ok(Value::bool(ops::contains(vm, &t, &a[0])?))
}
fn p_getitem(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (t, a) = target(args)?;
    ops::getitem(vm, &t, &a[0])
}
fn p_setitem(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (t, a) = target(args)?;
    ops::setitem(vm, &t, a[0].clone(), a[1].clone())?;
    Ok(Value::NONE)
}
fn p_delitem(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (t, a) = target(args)?;
    ops::delitem(vm, &t, &a[0])?;
    Ok(Value::NONE)
}

fn cmp(vm: &mut Vm, args: &[Value], op: CmpOp) -> PyResult<Value> {
    let (t, a) = target(args)?;
    ops::compare(vm, op, &t, &a[0])
}
fn p_eq(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    cmp(vm, a, CmpOp::Eq)
}
fn p_ne(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    cmp(vm, a, CmpOp::Ne)
}
fn p_lt(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    cmp(vm, a, CmpOp::Lt)
}
fn p_le(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    cmp(vm, a, CmpOp::Le)
}
fn p_gt(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    cmp(vm, a, CmpOp::Gt)
}
fn p_ge(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    cmp(vm, a, CmpOp::Ge)
}

fn bin(vm: &mut Vm, args: &[Value], op: BinOp) -> PyResult<Value> {
    let (t, a) = target(args)?;
    ops::binary_op(vm, op, false, &t, &a[0])
}
fn p_add(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    bin(vm, a, BinOp::Add)
}
fn p_sub(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    bin(vm, a, BinOp::Sub)
}
fn p_mul(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    bin(vm, a, BinOp::Mul)
}
fn p_truediv(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    bin(vm, a, BinOp::TrueDiv)
}
fn p_floordiv(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    bin(vm, a, BinOp::FloorDiv)
}
fn p_mod(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    bin(vm, a, BinOp::Mod)
}
fn p_neg(vm: &mut Vm, args: &[Value], _k: &[Value]) -> PyResult<Value> {
    let (t, _) = target(args)?;
    ops::arith::neg(vm, &t)
}
fn unary(vm: &mut Vm, args: &[Value], builtin: &str) -> PyResult<Value> {
    let (t, _) = target(args)?;
    let f = crate::types::dict::DictObj::get_str(&vm.builtins, &crate::types::str::intern(builtin))
        .expect("builtin");
    vm.call1(&f, t)
}
fn p_abs(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    unary(vm, a, "abs")
}
fn p_int(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    unary(vm, a, "int")
}
fn p_float(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    unary(vm, a, "float")
}
fn p_index(vm: &mut Vm, args: &[Value], _k: &[Value]) -> PyResult<Value> {
    let (t, _) = target(args)?;
    ops::index(vm, &t)
}

/// `CallableProxyType.__call__`.
pub fn proxy_call(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (t, _) = target(&args[..1])?;
    vm.call(&t, &args[1..], kw)
}
