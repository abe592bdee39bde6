//! Special-method dispatch for objects whose type keeps its behaviour in its dict: instances
//! of Python classes (including subclasses of builtin types) and extension types.
//!
//! Every generic operation in `ops` first asks `special(v, "__x__")`; for builtin types that
//! answer is a single flag test, so their payload paths stay as they were.

use crate::bytecode::{BinOp, CmpOp};
use crate::error::{self, PyResult};
use crate::types::func::{FunctionObj, NativeObj};
use crate::types::typeobj::{self, is_subtype, type_data_ptr};
use crate::types::{tt, type_name, type_ptr};
use crate::value::Value;
use crate::vm::Vm;

/// Does `v`'s type dispatch special methods through its dict?
#[inline]
pub fn dispatches(v: &Value) -> bool {
    v.is_ptr() && type_data_ptr(type_ptr(v)).dispatch
}

/// The special method `name` defined on `v`'s type (or a base), for dispatching types.
#[inline]
pub fn special(v: &Value, name: &'static str) -> Option<Value> {
    if !dispatches(v) {
        return None;
    }
    typeobj::lookup(type_ptr(v), &crate::types::str::intern_static(name))
}

/// Calls `m`, an attribute found on the type of `self_`, as a method of `self_`.
pub fn call_method(vm: &mut Vm, m: &Value, self_: &Value, args: &[Value]) -> PyResult<Value> {
    call_method_kw(vm, m, self_, args, &[])
}

/// Calls method `m` of `self_` with positional and keyword arguments (vectorcall layout).
pub fn call_method_kw(
    vm: &mut Vm,
    m: &Value,
    self_: &Value,
    args: &[Value],
    kwnames: &[Value],
) -> PyResult<Value> {
    let unbound_native = m.downcast::<NativeObj>().filter(|n| n.self_.is_undef());
    if m.downcast::<FunctionObj>().is_some() || unbound_native.is_some() {
        let mut full = Vec::with_capacity(args.len() + 1);
        full.push(self_.clone());
        full.extend_from_slice(args);
        return match unbound_native {
            Some(n) => n.call(vm, &full, kwnames),
            None => vm.call(m, &full, kwnames),
        };
    }
    // Other descriptors (staticmethod, classmethod, bound natives, callables): bind, call.
    let bound = crate::ops::attr::bind_descriptor(vm, m, self_)?;
    vm.call(&bound, args, kwnames)
}

/// `v.__name__(*args)` if `v`'s type defines it.
pub fn call_special(
    vm: &mut Vm,
    v: &Value,
    name: &'static str,
    args: &[Value],
) -> Option<PyResult<Value>> {
    let m = special(v, name)?;
    Some(call_method(vm, &m, v, args))
}

fn is_not_implemented(v: &Value) -> bool {
    v.is(&tt().not_implemented)
}

/// Binary operator through dunders; Ok(None) when neither side implements it, so the caller
/// can try the builtin payload paths and then report the unsupported operand types.
pub fn binop(
    vm: &mut Vm,
    op: BinOp,
    inplace: bool,
    a: &Value,
    b: &Value,
) -> PyResult<Option<Value>> {
    let (fwd, rev, inp) = op.dunder();
    if inplace {
        if let Some(r) = call_special(vm, a, inp, &[b.clone()]) {
            let r = r?;
            if !is_not_implemented(&r) {
                return Ok(Some(r));
            }
        }
    }
    let (ta, tb) = (type_ptr(a), type_ptr(b));
    let reflected = ta != tb;
    // A subclass's reflected method takes precedence over its base's forward one.
    let mut rev_done = false;
    if reflected && is_subtype(tb, ta) {
        if let Some(r) = call_special(vm, b, rev, &[a.clone()]) {
            rev_done = true;
            let r = r?;
            if !is_not_implemented(&r) {
                return Ok(Some(r));
            }
        }
    }
    if let Some(r) = call_special(vm, a, fwd, &[b.clone()]) {
        let r = r?;
        if !is_not_implemented(&r) {
            return Ok(Some(r));
        }
    }
    if reflected && !rev_done {
        if let Some(r) = call_special(vm, b, rev, &[a.clone()]) {
            let r = r?;
            if !is_not_implemented(&r) {
                return Ok(Some(r));
            }
        }
    }
    Ok(None)
}

/// Rich comparison through dunders; Ok(None) when neither side implements it.
pub fn compare(vm: &mut Vm, op: CmpOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    let (fwd, rev) = (op.dunder(), op.swapped().dunder());
    let (ta, tb) = (type_ptr(a), type_ptr(b));
    let mut rev_done = false;
    if ta != tb && is_subtype(tb, ta) {
        if let Some(r) = call_special(vm, b, rev, &[a.clone()]) {
            rev_done = true;
            let r = r?;
            if !is_not_implemented(&r) {
                return Ok(Some(r));
            }
        }
    }
    if let Some(r) = call_special(vm, a, fwd, &[b.clone()]) {
        let r = r?;
        if !is_not_implemented(&r) {
            return Ok(Some(r));
        }
    }
    if !rev_done {
        if let Some(r) = call_special(vm, b, rev, &[a.clone()]) {
            let r = r?;
            if !is_not_implemented(&r) {
                return Ok(Some(r));
            }
        }
    }
    // The default __ne__ inverts __eq__.
    if op == CmpOp::Ne && (dispatches(a) || dispatches(b)) {
        if let Some(r) = compare(vm, CmpOp::Eq, a, b)? {
            let t = crate::ops::truthy(vm, &r)?;
            return Ok(Some(Value::bool(!t)));
        }
    }
    Ok(None)
}

/// An int result of `__len__`, `__index__`, `__hash__`: checked like CPython does.
pub fn int_result(v: &Value, what: &str) -> PyResult<Value> {
    if crate::types::int::as_int(v).is_some() && !v.is_bool() {
        return Ok(v.clone());
    }
    if v.is_bool() {
        return Ok(Value::int(v.as_bool().unwrap() as i64));
    }
    Err(error::type_error(format!(
        "{what} should return an integer, not {}",
        type_name(v)
    )))
}

/// A string result of `__repr__` / `__str__`.
pub fn str_result(v: Value, what: &str) -> PyResult<Value> {
    if crate::types::str::as_str(&v).is_some() {
        return Ok(v);
    }
    Err(error::type_error(format!(
        "{what} returned non-string (type {})",
        type_name(&v)
    )))
}
