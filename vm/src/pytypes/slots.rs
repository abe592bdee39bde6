//! The special methods of builtin types as attributes (`int.__add__`, `object.__repr__`,
//! `dict.__setitem__`, ...), CPython's slot wrappers.
//!
//! pyrun runs builtin operations on payloads directly and keeps no such methods in the
//! builtin types' dicts (so instances of Python classes do not pay for looking them up).
//! When attribute lookup finds nothing, `find` supplies the method of the first builtin
//! type in the MRO. It is the builtin's own behaviour, never an override: immutable
//! values are first copied to their exact builtin type (`exact`), so the operation does
//! not dispatch back to the subclass; containers are worked on through their payload.

use crate::bytecode::{BinOp, CmpOp};
use crate::error::{self, PyResult};
use crate::object::Header;
use crate::ops;
use crate::types::dict::DictObj;
use crate::types::func::NativeFn;
use crate::types::int::{as_int, big_to_value};
use crate::types::list::ListObj;
use crate::types::str::{as_str, intern, new_str};
use crate::types::tuple::{as_tuple, new_tuple};
use crate::types::typeobj::{type_data, type_data_ptr, type_ptr};
use crate::types::{tt, type_name};
use crate::value::Value;
use crate::vm::Vm;

/// The value of an int/float/str/bytes/tuple subclass instance as its exact builtin type.
pub fn exact(v: &Value) -> Value {
    let t = tt();
    let ty = type_ptr(v);
    if !v.is_ptr() || type_data_ptr(ty).is_builtin {
        return v.clone();
    }
    if let Some(i) = as_int(v) {
        return big_to_value(i.to_big());
    }
    if let Some(s) = as_str(v) {
        return new_str(s);
    }
    if let Some(items) = as_tuple(v) {
        return new_tuple(items.to_vec());
    }
    if let Some(b) = v.downcast::<crate::types::bytes::BytesObj>() {
        return crate::types::bytes::new_bytes(b.data.to_vec());
    }
    let _ = t;
    v.clone()
}

fn not_impl() -> Value {
    tt().not_implemented.clone()
}

fn arg<'a>(args: &'a [Value], i: usize, name: &str) -> PyResult<&'a Value> {
    args.get(i).ok_or_else(|| {
        error::type_error(format!(
            "expected {} argument{} for {name}",
            i,
            if i == 1 { "" } else { "s" }
        ))
    })
}

macro_rules! unary {
    ($($f:ident => |$vm:ident, $x:ident| $body:expr;)*) => {$(
        fn $f($vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
            let $x = exact(arg(args, 0, stringify!($f))?);
            $body
        }
    )*};
}

unary! {
    num_repr => |vm, x| ops::repr(vm, &x);
    num_str => |vm, x| ops::to_str(vm, &x);
    num_hash => |vm, x| Ok(Value::int(ops::hash(vm, &x)?));
    num_neg => |vm, x| ops::arith::neg(vm, &x);
    num_pos => |vm, x| ops::arith::pos(vm, &x);
    num_invert => |vm, x| ops::arith::invert(vm, &x);
    num_bool => |vm, x| Ok(Value::bool(ops::truthy(vm, &x)?));
    num_index => |vm, x| ops::index(vm, &x);
    num_int => |vm, x| call_builtin(vm, "int", &[x]);
    num_float => |vm, x| call_builtin(vm, "float", &[x]);
    num_abs => |vm, x| call_builtin(vm, "abs", &[x]);
    seq_len => |vm, x| Ok(Value::int(ops::len(vm, &x)? as i64));
    seq_iter => |vm, x| ops::iter(vm, &x);
    getnewargs => |_vm, x| Ok(new_tuple(vec![x]));
}

fn num_format(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let x = exact(arg(args, 0, "__format__")?);
    ops::format(vm, &x, Some(arg(args, 1, "__format__")?))
}

fn math_call(vm: &mut Vm, name: &str, args: &[Value]) -> PyResult<Value> {
    let m = crate::import::gcd_import(vm, "math")?;
    let f = ops::getattr(vm, &m, &intern(name))?;
    vm.call(&f, args, &[])
}

fn num_round(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let mut a = vec![exact(arg(args, 0, "__round__")?)];
    a.extend(args[1..].iter().cloned());
    call_builtin(vm, "round", &a)
}
fn num_trunc(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    math_call(vm, "trunc", &[exact(arg(args, 0, "__trunc__")?)])
}
fn num_floor(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    math_call(vm, "floor", &[exact(arg(args, 0, "__floor__")?)])
}
fn num_ceil(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    math_call(vm, "ceil", &[exact(arg(args, 0, "__ceil__")?)])
}

fn call_builtin(vm: &mut Vm, name: &str, args: &[Value]) -> PyResult<Value> {
    let f = DictObj::get_str(&vm.builtins, &intern(name)).expect("builtin");
    vm.call(&f, args, &[])
}

/// Whether `other` is an operand the builtin type `base` handles itself.
fn accepts(base: *const Header, other: &Value) -> bool {
    let t = tt();
    if base == t.float {
        return other.is_float() || as_int(other).is_some();
    }
    if base == t.int {
        return as_int(other).is_some();
    }
    crate::types::typeobj::is_subtype(type_ptr(other), base)
}

macro_rules! binary {
    ($($f:ident, $rf:ident => $op:expr;)*) => {$(
        fn $f(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
            binop(vm, args, $op, false)
        }
        fn $rf(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
            binop(vm, args, $op, true)
        }
    )*};
}

binary! {
    op_add, op_radd => BinOp::Add;
    op_sub, op_rsub => BinOp::Sub;
    op_mul, op_rmul => BinOp::Mul;
    op_truediv, op_rtruediv => BinOp::TrueDiv;
    op_floordiv, op_rfloordiv => BinOp::FloorDiv;
    op_mod, op_rmod => BinOp::Mod;
    op_pow, op_rpow => BinOp::Pow;
    op_lshift, op_rlshift => BinOp::LShift;
    op_rshift, op_rrshift => BinOp::RShift;
    op_and, op_rand => BinOp::And;
    op_or, op_ror => BinOp::Or;
    op_xor, op_rxor => BinOp::Xor;
}

/// The builtin type an operation's `self` belongs to (for the operand check).
fn builtin_base(v: &Value) -> *const Header {
    let t = tt();
    for b in [
        t.bool_,
        t.int,
        t.float,
        t.str_,
        t.bytes,
        t.tuple,
        t.list,
        t.dict,
        t.set,
        t.frozenset,
    ] {
        if crate::types::typeobj::is_subtype(type_ptr(v), b) {
            return if b == t.bool_ { t.int } else { b };
        }
    }
    t.object
}

fn binop(vm: &mut Vm, args: &[Value], op: BinOp, reflected: bool) -> PyResult<Value> {
    let a = arg(args, 0, "operator")?;
    let b = arg(args, 1, "operator")?;
    let base = builtin_base(a);
    let numeric = base == tt().int || base == tt().float;
    if numeric && !accepts(base, b) {
        return Ok(not_impl());
    }
    let (x, y) = (exact(a), exact(b));
    let (x, y) = if reflected { (y, x) } else { (x, y) };
    match ops::binary_op(vm, op, false, &x, &y) {
        Err(e) if !numeric && e.is_instance(tt().type_error) => Ok(not_impl()),
        r => r,
    }
}

macro_rules! compare {
    ($($f:ident => $op:expr;)*) => {$(
        fn $f(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
            let a = arg(args, 0, stringify!($f))?;
            let b = arg(args, 1, stringify!($f))?;
            let base = builtin_base(a);
            if base == tt().object {
                return object_compare(vm, a, b, $op);
            }
            if !accepts(base, b) {
                return Ok(not_impl());
            }
            ops::compare_payloads(vm, $op, &exact(a), &exact(b))
        }
    )*};
}

compare! {
    cmp_eq => CmpOp::Eq;
    cmp_ne => CmpOp::Ne;
    cmp_lt => CmpOp::Lt;
    cmp_le => CmpOp::Le;
    cmp_gt => CmpOp::Gt;
    cmp_ge => CmpOp::Ge;
}

/// `object.__eq__` and friends: identity, `__ne__` inverting `__eq__`.
fn object_compare(vm: &mut Vm, a: &Value, b: &Value, op: CmpOp) -> PyResult<Value> {
    match op {
        CmpOp::Eq => Ok(if a.is(b) { Value::TRUE } else { not_impl() }),
        CmpOp::Ne => {
            let eq = crate::types::typeobj::lookup_str(type_ptr(a), "__eq__");
            let r = match eq {
                Some(m) => ops::dunder::call_method(vm, &m, a, &[b.clone()])?,
                None => object_compare(vm, a, b, CmpOp::Eq)?,
            };
            if r.is(&tt().not_implemented) {
                return Ok(r);
            }
            Ok(Value::bool(!ops::truthy(vm, &r)?))
        }
        _ => Ok(not_impl()),
    }
}

fn seq_getitem(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (a, i) = (arg(args, 0, "__getitem__")?, arg(args, 1, "__getitem__")?);
    if let Some(d) = a.downcast::<DictObj>() {
        return match d.get(vm, i)? {
            Some(v) => Ok(v),
            None => {
                // A dict subclass's `__missing__` supplies absent keys.
                if let Some(m) = ops::dunder::special(a, "__missing__") {
                    return ops::dunder::call_method(vm, &m, a, &[i.clone()]);
                }
                Err(error::key_error(i.clone()))
            }
        };
    }
    if let Some(l) = a.downcast::<ListObj>() {
        let snapshot = crate::types::list::new_list(l.items.borrow().clone());
        return ops::getitem(vm, &snapshot, i);
    }
    ops::getitem(vm, &exact(a), i)
}

fn seq_setitem(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let a = arg(args, 0, "__setitem__")?;
    let (k, v) = (
        arg(args, 1, "__setitem__")?.clone(),
        arg(args, 2, "__setitem__")?.clone(),
    );
    if let Some(d) = a.downcast::<DictObj>() {
        d.set(vm, k, v)?;
        return Ok(Value::NONE);
    }
    if let Some(l) = a.downcast::<ListObj>() {
        // The list's own item assignment, on a plain list sharing nothing with `a`.
        let tmp = crate::types::list::new_list(std::mem::take(&mut *l.items.borrow_mut()));
        let r = ops::setitem(vm, &tmp, k, v);
        *l.items.borrow_mut() =
            std::mem::take(&mut *tmp.downcast::<ListObj>().unwrap().items.borrow_mut());
        r?;
        return Ok(Value::NONE);
    }
    Err(error::type_error(format!(
        "'{}' object does not support item assignment",
        type_name(a)
    )))
}

fn seq_delitem(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (a, k) = (arg(args, 0, "__delitem__")?, arg(args, 1, "__delitem__")?);
    if let Some(d) = a.downcast::<DictObj>() {
        if d.remove(vm, k)?.is_none() {
            return Err(error::key_error(k.clone()));
        }
        return Ok(Value::NONE);
    }
    if let Some(l) = a.downcast::<ListObj>() {
        let tmp = crate::types::list::new_list(std::mem::take(&mut *l.items.borrow_mut()));
        let r = ops::delitem(vm, &tmp, k);
        *l.items.borrow_mut() =
            std::mem::take(&mut *tmp.downcast::<ListObj>().unwrap().items.borrow_mut());
        r?;
        return Ok(Value::NONE);
    }
    Err(error::type_error(format!(
        "'{}' object doesn't support item deletion",
        type_name(a)
    )))
}

fn seq_contains(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (a, x) = (arg(args, 0, "__contains__")?, arg(args, 1, "__contains__")?);
    if let Some(d) = a.downcast::<DictObj>() {
        return Ok(Value::bool(d.contains(vm, x)?));
    }
    if let Some(l) = a.downcast::<ListObj>() {
        let items = l.items.borrow().clone();
        for it in items {
            if ops::eq(vm, &it, x)? {
                return Ok(Value::TRUE);
            }
        }
        return Ok(Value::FALSE);
    }
    Ok(Value::bool(ops::contains(vm, &exact(a), x)?))
}

fn container_len(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let a = arg(args, 0, "__len__")?;
    if let Some(d) = a.downcast::<DictObj>() {
        return Ok(Value::int(d.len() as i64));
    }
    if let Some(l) = a.downcast::<ListObj>() {
        return Ok(Value::int(l.items.borrow().len() as i64));
    }
    seq_len(vm, args, _kw)
}

fn container_iter(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let a = arg(args, 0, "__iter__")?;
    if let Some(d) = a.downcast::<DictObj>() {
        let keys = crate::types::list::new_list(d.keys());
        return ops::iter(vm, &keys);
    }
    if let Some(l) = a.downcast::<ListObj>() {
        let items = crate::types::list::new_list(l.items.borrow().clone());
        return ops::iter(vm, &items);
    }
    seq_iter(vm, args, _kw)
}

fn container_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let a = arg(args, 0, "__repr__")?;
    if let Some(d) = a.downcast::<DictObj>() {
        let copy = DictObj::new_value();
        for (k, v) in d.items() {
            copy.downcast::<DictObj>().unwrap().set(vm, k, v)?;
        }
        return ops::repr(vm, &copy);
    }
    if let Some(l) = a.downcast::<ListObj>() {
        let items = crate::types::list::new_list(l.items.borrow().clone());
        return ops::repr(vm, &items);
    }
    num_repr(vm, args, _kw)
}

// ---- object ----

fn object_repr(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(new_str(ops::repr::default_repr(arg(args, 0, "__repr__")?)))
}

fn object_str(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    ops::repr(vm, arg(args, 0, "__str__")?)
}

fn object_hash(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let v = arg(args, 0, "__hash__")?;
    Ok(Value::int((v.bits() >> 4) as i64 & 0x0FFF_FFFF_FFFF_FFFF))
}

fn object_format(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let v = arg(args, 0, "__format__")?;
    let spec = arg(args, 1, "__format__")?;
    let Some(s) = as_str(spec) else {
        return Err(error::type_error(format!(
            "__format__() argument must be str, not {}",
            type_name(spec)
        )));
    };
    if !s.is_empty() {
        return Err(error::type_error(format!(
            "unsupported format string passed to {}.__format__",
            type_name(v)
        )));
    }
    ops::to_str(vm, v)
}

fn object_dir(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let v = arg(args, 0, "__dir__")?;
    Ok(crate::types::list::new_list(crate::builtins::dir_of(
        vm, v,
    )?))
}

fn object_sizeof(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(16))
}

/// Supplies builtin `name` for type `ty` (whose dicts lack it): the slot of the first
/// builtin type in the MRO that has one, as an unbound native method.
pub fn find(ty: *const Header, name: &str) -> Option<Value> {
    let tv = unsafe { Value::from_header(ty) };
    let mut chain = vec![tv.clone()];
    chain.extend(type_data(&tv).mro.borrow().iter().cloned());
    find_in(&chain, name)
}

/// `find` over an explicit MRO (the part after `super()`'s class).
pub fn find_in(chain: &[Value], name: &str) -> Option<Value> {
    if !(name.starts_with("__") && name.ends_with("__")) {
        return None;
    }
    let sname = SLOT_NAMES.iter().find(|n| **n == name)?;
    for b in chain {
        if !type_data(b).is_builtin {
            continue;
        }
        if let Some(f) = slot_of(b.ptr(), name) {
            // One object per (type, name), as the type dict entry it stands for
            // (`getattr(C, '__lt__') is getattr(object, '__lt__')`).
            let key = (b.ptr() as usize, *sname);
            return Some(CACHE.with(|c| {
                c.borrow_mut()
                    .entry(key)
                    .or_insert_with(|| {
                        crate::object::alloc_obj(
                            crate::types::func::NativeObj {
                                name: sname,
                                f,
                                self_: Value::UNDEF,
                                owner: b.clone(),
                                plain: false,
                            },
                            tt().builtin_function,
                        )
                    })
                    .clone()
            }));
        }
    }
    None
}

thread_local! {
    static CACHE: std::cell::RefCell<std::collections::HashMap<(usize, &'static str), Value>> =
        std::cell::RefCell::new(std::collections::HashMap::new());
}

fn iter_next(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let it = arg(args, 0, "__next__")?;
    ops::next(vm, it)?.ok_or_else(error::stop_iteration)
}

fn iter_self(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(arg(args, 0, "__iter__")?.clone())
}

const SLOT_NAMES: &[&str] = &[
    "__next__",
    "__round__",
    "__trunc__",
    "__floor__",
    "__ceil__",
    "__repr__",
    "__str__",
    "__hash__",
    "__format__",
    "__dir__",
    "__sizeof__",
    "__reduce_ex__",
    "__reduce__",
    "__getstate__",
    "__eq__",
    "__ne__",
    "__lt__",
    "__le__",
    "__gt__",
    "__ge__",
    "__bool__",
    "__neg__",
    "__pos__",
    "__abs__",
    "__invert__",
    "__index__",
    "__int__",
    "__float__",
    "__getnewargs__",
    "__len__",
    "__iter__",
    "__getitem__",
    "__setitem__",
    "__delitem__",
    "__contains__",
    "__add__",
    "__radd__",
    "__mul__",
    "__rmul__",
    "__mod__",
    "__rmod__",
    "__sub__",
    "__rsub__",
    "__truediv__",
    "__rtruediv__",
    "__floordiv__",
    "__rfloordiv__",
    "__pow__",
    "__rpow__",
    "__lshift__",
    "__rlshift__",
    "__rshift__",
    "__rrshift__",
    "__and__",
    "__rand__",
    "__or__",
    "__ror__",
    "__xor__",
    "__rxor__",
];

fn slot_of(b: *const Header, name: &str) -> Option<NativeFn> {
    let t = tt();
    let numeric = b == t.int || b == t.float || b == t.bool_;
    let sequence = b == t.str_ || b == t.tuple || b == t.bytes || b == t.list;
    let mapping = b == t.dict;
    let iterator = type_data_ptr(b).layout == crate::object::Kind::Iter
        && !matches!(
            type_data_ptr(b).name.as_str(),
            "dict_keys" | "dict_values" | "dict_items"
        );
    let f: NativeFn = match name {
        "__next__" if iterator => iter_next,
        "__iter__" if iterator => iter_self,
        "__repr__" if b == t.object => object_repr,
        "__str__" if b == t.object => object_str,
        "__hash__" if b == t.object => object_hash,
        "__format__" if b == t.object => object_format,
        "__dir__" if b == t.object => object_dir,
        "__sizeof__" if b == t.object => object_sizeof,
        "__reduce_ex__" if b == t.object => super::reduce::object_reduce_ex,
        "__reduce__" if b == t.object => super::reduce::object_reduce,
        "__getstate__" if b == t.object => super::reduce::object_getstate,
        "__eq__" => cmp_eq,
        "__ne__" => cmp_ne,
        "__lt__" => cmp_lt,
        "__le__" => cmp_le,
        "__gt__" => cmp_gt,
        "__ge__" => cmp_ge,
        "__repr__" if numeric || b == t.str_ || b == t.tuple || b == t.bytes => num_repr,
        "__repr__" if b == t.list || mapping => container_repr,
        "__str__" if numeric || b == t.str_ => num_str,
        "__hash__" if numeric || b == t.str_ || b == t.tuple || b == t.bytes => num_hash,
        "__bool__" if numeric => num_bool,
        "__neg__" if numeric => num_neg,
        "__pos__" if numeric => num_pos,
        "__abs__" if numeric => num_abs,
        "__invert__" if b == t.int || b == t.bool_ => num_invert,
        "__index__" if b == t.int || b == t.bool_ => num_index,
        "__int__" if numeric => num_int,
        "__float__" if numeric => num_float,
        "__format__" if numeric || b == t.str_ => num_format,
        "__round__" if numeric => num_round,
        "__trunc__" if numeric => num_trunc,
        "__floor__" if numeric => num_floor,
        "__ceil__" if numeric => num_ceil,
        "__getnewargs__" if numeric || b == t.str_ || b == t.tuple || b == t.bytes => getnewargs,
        "__len__" if sequence || mapping || b == t.set || b == t.frozenset => container_len,
        "__iter__" if sequence || mapping || b == t.set || b == t.frozenset => container_iter,
        "__getitem__" if sequence || mapping => seq_getitem,
        "__setitem__" if b == t.list || mapping => seq_setitem,
        "__delitem__" if b == t.list || mapping => seq_delitem,
        "__contains__" if sequence || mapping || b == t.set || b == t.frozenset => seq_contains,
        "__add__" if numeric || sequence => op_add,
        "__radd__" if numeric => op_radd,
        "__mul__" if numeric || sequence => op_mul,
        "__rmul__" if numeric || sequence => op_rmul,
        "__mod__" if numeric || b == t.str_ || b == t.bytes => op_mod,
        "__rmod__" if numeric => op_rmod,
        "__sub__" if numeric || b == t.set || b == t.frozenset => op_sub,
        "__rsub__" if numeric => op_rsub,
        "__truediv__" if numeric => op_truediv,
        "__rtruediv__" if numeric => op_rtruediv,
        "__floordiv__" if numeric => op_floordiv,
        "__rfloordiv__" if numeric => op_rfloordiv,
        "__pow__" if numeric => op_pow,
        "__rpow__" if numeric => op_rpow,
        "__lshift__" if b == t.int || b == t.bool_ => op_lshift,
        "__rlshift__" if b == t.int || b == t.bool_ => op_rlshift,
        "__rshift__" if b == t.int || b == t.bool_ => op_rshift,
        "__rrshift__" if b == t.int || b == t.bool_ => op_rrshift,
        "__and__" if b == t.int || b == t.bool_ || b == t.set || b == t.frozenset => op_and,
        "__rand__" if b == t.int || b == t.bool_ => op_rand,
        "__or__" if b == t.int || b == t.bool_ || b == t.set || b == t.frozenset || mapping => {
            op_or
        }
        "__ror__" if b == t.int || b == t.bool_ => op_ror,
        "__xor__" if b == t.int || b == t.bool_ || b == t.set || b == t.frozenset => op_xor,
        "__rxor__" if b == t.int || b == t.bool_ => op_rxor,
        _ => return None,
    };
    Some(f)
}
