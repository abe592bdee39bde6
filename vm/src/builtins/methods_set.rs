//! `set` / `frozenset` methods and set algebra.
//!
//! The algorithms follow CPython's setobject.c step by step (which operand is iterated,
//! what is copied first, in which order elements are inserted), so that element order
//! matches CPython's as far as the underlying table allows.

use super::methods_list::{recv, rest};
use super::MethodTable;
use crate::bytecode::BinOp;
use crate::error::{self, PyResult};
use crate::object::Header;
use crate::ops;
use crate::types::dict::DictObj;
use crate::types::func::NativeFn;
use crate::types::set::SetTable;
use crate::types::set::{is_frozen, new_set_typed, SetObj};
use crate::types::tt;
use crate::types::typeobj::isinstance_ptr;
use crate::value::Value;
use crate::vm::Vm;

macro_rules! methods {
    ($table:ident, $tyname:literal, $ty:ident; $($name:literal => $imp:ident),* $(,)?) => {
        pub static $table: MethodTable = &[
            $(($name, {
                fn m(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
                    recv::<SetObj>(args, kwnames, $name, $tyname, tt().$ty)?;
                    $imp(vm, args, kwnames, concat!($tyname, ".", $name))
                }
                m as NativeFn
            })),*
        ];
    };
}

methods! { SET_METHODS, "set", set;
    "add" => set_add,
    "remove" => set_remove,
    "discard" => set_discard,
    "pop" => set_pop,
    "clear" => set_clear,
    "copy" => set_copy,
    "update" => set_update,
    "union" => set_union,
    "intersection" => set_intersection,
    "difference" => set_difference,
    "symmetric_difference" => set_symmetric_difference,
    "intersection_update" => set_intersection_update,
    "difference_update" => set_difference_update,
    "symmetric_difference_update" => set_symmetric_difference_update,
    "issubset" => set_issubset,
    "issuperset" => set_issuperset,
    "isdisjoint" => set_isdisjoint,
}

methods! { FROZENSET_METHODS, "frozenset", frozenset;
    "copy" => set_copy,
    "union" => set_union,
    "intersection" => set_intersection,
    "difference" => set_difference,
    "symmetric_difference" => set_symmetric_difference,
    "issubset" => set_issubset,
    "issuperset" => set_issuperset,
    "isdisjoint" => set_isdisjoint,
}

// ---- primitives ----

/// The base type (`set` or `frozenset`) of results computed from `v`.
fn base_type(v: &Value) -> *const Header {
    if isinstance_ptr(v, tt().frozenset) {
        tt().frozenset
    } else {
        tt().set
    }
}

fn new_empty(ty: *const Header) -> Value {
    new_set_typed(SetTable::default(), ty)
}

fn set_of(v: &Value) -> &SetObj {
    v.downcast::<SetObj>().unwrap()
}

/// A copy of `s` as a new set of type `ty` (same table layout).
fn copy_of(s: &SetObj, ty: *const Header) -> Value {
    let t = s.table.borrow().copy();
    new_set_typed(t, ty)
}

/// Whether `a` and `b` are the same object.
fn same(a: &SetObj, b: &SetObj) -> bool {
    std::ptr::eq(a, b)
}

/// Another operand of a set operation: a set, a dict (its keys) or any iterable.
#[derive(Clone, Copy)]
enum Src<'a> {
    Set(&'a SetObj),
    Dict(&'a DictObj),
    Iter(&'a Value),
}

fn src(v: &Value) -> Src<'_> {
    if let Some(s) = v.downcast::<SetObj>() {
        Src::Set(s)
    } else if let Some(d) = v.downcast::<DictObj>() {
        Src::Dict(d)
    } else {
        Src::Iter(v)
    }
}

/// Calls `f` on each element of `other` (sets and dicts are snapshotted first).
fn each(
    vm: &mut Vm,
    other: Src,
    f: &mut dyn FnMut(&mut Vm, Value) -> PyResult<bool>,
) -> PyResult<()> {
    let items = match other {
        Src::Set(s) => s.items(),
        Src::Dict(d) => d.keys(),
        Src::Iter(v) => {
            let it = ops::iter(vm, v)?;
            while let Some(x) = ops::next(vm, &it)? {
                if !f(vm, x)? {
                    break;
                }
            }
            return Ok(());
        }
    };
    for x in items {
        if !f(vm, x)? {
            break;
        }
    }
    Ok(())
}

/// `s.update(other)` for one operand (also the SET_UPDATE instruction of `{*a, *b}`).
pub fn set_update_value(vm: &mut Vm, so: &SetObj, other: &Value) -> PyResult<()> {
    update_internal(vm, so, src(other))
}

fn update_internal(vm: &mut Vm, so: &SetObj, other: Src) -> PyResult<()> {
    if let Src::Set(o) = other {
        return so.merge(vm, o);
    }
    each(vm, other, &mut |vm, x| {
        so.add(vm, x)?;
        Ok(true)
    })
}

/// A new set of type `ty` holding the elements of `other`.
fn new_from(vm: &mut Vm, other: Src, ty: *const Header) -> PyResult<Value> {
    if let Src::Set(s) = other {
        return Ok(copy_of(s, ty));
    }
    let r = new_empty(ty);
    update_internal(vm, set_of(&r), other)?;
    Ok(r)
}

/// For `remove`/`discard`: a (mutable) set key is looked up as the equal frozenset.
fn lookup_key(v: &Value) -> Value {
    match v.downcast::<SetObj>() {
        Some(s) if !is_frozen(v) => copy_of(s, tt().frozenset),
        _ => v.clone(),
    }
}

fn intersection(vm: &mut Vm, so: &SetObj, other: Src, ty: *const Header) -> PyResult<Value> {
    if let Src::Set(o) = other {
        if same(so, o) {
            return Ok(copy_of(so, ty));
        }
    }
    let result = new_empty(ty);
    let r = set_of(&result);
    match other {
        Src::Set(o) => {
            let (big, small) = if o.len() > so.len() { (o, so) } else { (so, o) };
            for x in small.items() {
                if big.contains(vm, &x)? {
                    r.add(vm, x)?;
                }
            }
        }
        _ => each(vm, other, &mut |vm, x| {
            if so.contains(vm, &x)? {
                r.add(vm, x)?;
            }
            Ok(true)
        })?,
    }
    Ok(result)
}

fn difference_update_internal(vm: &mut Vm, so: &SetObj, other: Src) -> PyResult<()> {
    let mut other = other;
    let tmp;
    if let Src::Set(o) = other {
        if same(so, o) {
            so.table.borrow_mut().clear();
            return Ok(());
        }
        // A much larger other set is first intersected with this one.
        if (o.len() >> 3) > so.len() {
            tmp = intersection(vm, so, other, tt().set)?;
            other = Src::Set(set_of(&tmp));
        }
    }
    each(vm, other, &mut |vm, x| {
        so.discard(vm, &x)?;
        Ok(true)
    })?;
    so.table.borrow_mut().purge_dummies();
    Ok(())
}

fn difference(vm: &mut Vm, so: &SetObj, other: Src, ty: *const Header) -> PyResult<Value> {
    let other_len = match other {
        Src::Set(o) => o.len(),
        Src::Dict(d) => d.len(),
        Src::Iter(_) => usize::MAX,
    };
    if other_len == usize::MAX || (so.len() >> 2) > other_len {
        let r = copy_of(so, ty);
        difference_update_internal(vm, set_of(&r), other)?;
        return Ok(r);
    }
    let result = new_empty(ty);
    let r = set_of(&result);
    for x in so.items() {
        let found = match other {
            Src::Set(o) => o.contains(vm, &x)?,
            Src::Dict(d) => d.contains(vm, &x)?,
            Src::Iter(_) => unreachable!(),
        };
        if !found {
            r.add(vm, x)?;
        }
    }
    Ok(result)
}

fn symmetric_difference_update(vm: &mut Vm, so: &SetObj, other: Src) -> PyResult<()> {
    let tmp;
    let items = match other {
        Src::Set(o) if same(so, o) => {
            so.table.borrow_mut().clear();
            return Ok(());
        }
        Src::Set(o) => o.items(),
        Src::Dict(d) => d.keys(),
        Src::Iter(_) => {
            tmp = new_from(vm, other, tt().set)?;
            set_of(&tmp).items()
        }
    };
    for x in items {
        if !so.discard(vm, &x)? {
            so.add(vm, x)?;
        }
    }
    Ok(())
}

fn symmetric_difference(
    vm: &mut Vm,
    so: &SetObj,
    other: Src,
    ty: *const Header,
) -> PyResult<Value> {
    let r = new_from(vm, other, ty)?;
    symmetric_difference_update(vm, set_of(&r), Src::Set(so))?;
    Ok(r)
}

fn issubset(vm: &mut Vm, so: &SetObj, other: Src) -> PyResult<bool> {
    let o = match other {
        Src::Set(o) => o,
        _ => {
            let tmp = new_from(vm, other, tt().set)?;
            return issubset(vm, so, Src::Set(set_of(&tmp)));
        }
    };
    if so.len() > o.len() {
        return Ok(false);
    }
    for x in so.items() {
        if !o.contains(vm, &x)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn issuperset(vm: &mut Vm, so: &SetObj, other: Src) -> PyResult<bool> {
    if let Src::Set(o) = other {
        return issubset(vm, o, Src::Set(so));
    }
    let mut r = true;
    each(vm, other, &mut |vm, x| {
        r = so.contains(vm, &x)?;
        Ok(r)
    })?;
    Ok(r)
}

fn isdisjoint(vm: &mut Vm, so: &SetObj, other: Src) -> PyResult<bool> {
    if let Src::Set(o) = other {
        if same(so, o) {
            return Ok(so.is_empty());
        }
        let (big, small) = if o.len() > so.len() { (o, so) } else { (so, o) };
        for x in small.items() {
            if big.contains(vm, &x)? {
                return Ok(false);
            }
        }
        return Ok(true);
    }
    let mut r = true;
    each(vm, other, &mut |vm, x| {
        r = !so.contains(vm, &x)?;
        Ok(r)
    })?;
    Ok(r)
}

/// Replaces the contents of `so` by those of the set `from` (CPython swaps the tables; the
/// pop finger stays with `so`).
fn assign(so: &SetObj, from: &Value) {
    let t = set_of(from).table.borrow().clone();
    let old = so.table.borrow_mut().replace_contents(t);
    drop(old);
}

// ---- methods (receiver already checked) ----

fn one<'a>(args: &'a [Value], kwnames: &'a [Value], qual: &'static str) -> PyResult<&'a Value> {
    let a = rest(qual, args, kwnames);
    a.check(1, 1, &[])?;
    Ok(&a.pos[0])
}

fn none(args: &[Value], kwnames: &[Value], qual: &'static str) -> PyResult<()> {
    rest(qual, args, kwnames).check(0, 0, &[])
}

/// The `*others` of a varargs method (no keywords allowed).
fn others<'a>(
    args: &'a [Value],
    kwnames: &'a [Value],
    qual: &'static str,
) -> PyResult<&'a [Value]> {
    let a = rest(qual, args, kwnames);
    a.check(0, usize::MAX, &[])?;
    Ok(a.pos)
}

fn set_add(vm: &mut Vm, args: &[Value], kwnames: &[Value], qual: &'static str) -> PyResult<Value> {
    let x = one(args, kwnames, qual)?;
    set_of(&args[0]).add(vm, x.clone())?;
    Ok(Value::NONE)
}

fn set_remove(
    vm: &mut Vm,
    args: &[Value],
    kwnames: &[Value],
    qual: &'static str,
) -> PyResult<Value> {
    let x = one(args, kwnames, qual)?;
    if !set_of(&args[0]).discard(vm, &lookup_key(x))? {
        return Err(error::key_error(x.clone()));
    }
    Ok(Value::NONE)
}

fn set_discard(
    vm: &mut Vm,
    args: &[Value],
    kwnames: &[Value],
    qual: &'static str,
) -> PyResult<Value> {
    let x = one(args, kwnames, qual)?;
    set_of(&args[0]).discard(vm, &lookup_key(x))?;
    Ok(Value::NONE)
}

fn set_pop(_vm: &mut Vm, args: &[Value], kwnames: &[Value], qual: &'static str) -> PyResult<Value> {
    none(args, kwnames, qual)?;
    let s = set_of(&args[0]);
    let e = {
        let mut t = s.table.borrow_mut();
        match t.pop() {
            Some(k) => k,
            None => {
                return Err(error::key_error(crate::types::str::new_str(
                    "pop from an empty set",
                )))
            }
        }
    };
    Ok(e)
}

fn set_clear(
    _vm: &mut Vm,
    args: &[Value],
    kwnames: &[Value],
    qual: &'static str,
) -> PyResult<Value> {
    none(args, kwnames, qual)?;
    let old = std::mem::take(&mut *set_of(&args[0]).table.borrow_mut());
    drop(old);
    Ok(Value::NONE)
}

fn set_copy(
    _vm: &mut Vm,
    args: &[Value],
    kwnames: &[Value],
    qual: &'static str,
) -> PyResult<Value> {
    none(args, kwnames, qual)?;
    let v = &args[0];
    if is_frozen(v) {
        return Ok(v.clone());
    }
    Ok(copy_of(set_of(v), base_type(v)))
}

fn set_update(
    vm: &mut Vm,
    args: &[Value],
    kwnames: &[Value],
    qual: &'static str,
) -> PyResult<Value> {
    let so = set_of(&args[0]);
    for o in others(args, kwnames, qual)? {
        update_internal(vm, so, src(o))?;
    }
    Ok(Value::NONE)
}

fn set_union(
    vm: &mut Vm,
    args: &[Value],
    kwnames: &[Value],
    qual: &'static str,
) -> PyResult<Value> {
    let os = others(args, kwnames, qual)?;
    let r = copy_of(set_of(&args[0]), base_type(&args[0]));
    for o in os {
        update_internal(vm, set_of(&r), src(o))?;
    }
    Ok(r)
}

fn set_intersection(
    vm: &mut Vm,
    args: &[Value],
    kwnames: &[Value],
    qual: &'static str,
) -> PyResult<Value> {
    let os = others(args, kwnames, qual)?;
    let this = &args[0];
    let ty = base_type(this);
    if os.is_empty() {
        return Ok(copy_of(set_of(this), ty));
    }
    let mut r = this.clone();
    for o in os {
        r = intersection(vm, set_of(&r), src(o), ty)?;
    }
    Ok(r)
}

fn set_intersection_update(
    vm: &mut Vm,
    args: &[Value],
    kwnames: &[Value],
    qual: &'static str,
) -> PyResult<Value> {
    let os = others(args, kwnames, qual)?;
    let this = &args[0];
    let ty = base_type(this);
    let mut r = this.clone();
    for o in os {
        r = intersection(vm, set_of(&r), src(o), ty)?;
    }
    if !r.is(this) {
        assign(set_of(this), &r);
    }
    Ok(Value::NONE)
}

fn set_difference(
    vm: &mut Vm,
    args: &[Value],
    kwnames: &[Value],
    qual: &'static str,
) -> PyResult<Value> {
    let os = others(args, kwnames, qual)?;
    let this = &args[0];
    let ty = base_type(this);
    let Some((first, more)) = os.split_first() else {
        return Ok(copy_of(set_of(this), ty));
    };
    let r = difference(vm, set_of(this), src(first), ty)?;
    for o in more {
        difference_update_internal(vm, set_of(&r), src(o))?;
    }
    Ok(r)
}

fn set_difference_update(
    vm: &mut Vm,
    args: &[Value],
    kwnames: &[Value],
    qual: &'static str,
) -> PyResult<Value> {
    let so = set_of(&args[0]);
    for o in others(args, kwnames, qual)? {
        difference_update_internal(vm, so, src(o))?;
    }
    Ok(Value::NONE)
}

fn set_symmetric_difference(
    vm: &mut Vm,
    args: &[Value],
    kwnames: &[Value],
    qual: &'static str,
) -> PyResult<Value> {
    let o = one(args, kwnames, qual)?;
    symmetric_difference(vm, set_of(&args[0]), src(o), base_type(&args[0]))
}

fn set_symmetric_difference_update(
    vm: &mut Vm,
    args: &[Value],
    kwnames: &[Value],
    qual: &'static str,
) -> PyResult<Value> {
    let o = one(args, kwnames, qual)?;
    symmetric_difference_update(vm, set_of(&args[0]), src(o))?;
    Ok(Value::NONE)
}

fn set_issubset(
    vm: &mut Vm,
    args: &[Value],
    kwnames: &[Value],
    qual: &'static str,
) -> PyResult<Value> {
    let o = one(args, kwnames, qual)?;
    Ok(Value::bool(issubset(vm, set_of(&args[0]), src(o))?))
}

fn set_issuperset(
    vm: &mut Vm,
    args: &[Value],
    kwnames: &[Value],
    qual: &'static str,
) -> PyResult<Value> {
    let o = one(args, kwnames, qual)?;
    Ok(Value::bool(issuperset(vm, set_of(&args[0]), src(o))?))
}

fn set_isdisjoint(
    vm: &mut Vm,
    args: &[Value],
    kwnames: &[Value],
    qual: &'static str,
) -> PyResult<Value> {
    let o = one(args, kwnames, qual)?;
    Ok(Value::bool(isdisjoint(vm, set_of(&args[0]), src(o))?))
}

/// `a | b`, `a & b`, `a - b`, `a ^ b` between sets; the result has the left operand's base
/// type. None for other operators.
pub fn set_binop(
    vm: &mut Vm,
    op: BinOp,
    a: &Value,
    x: &SetObj,
    y: &SetObj,
) -> PyResult<Option<Value>> {
    let ty = base_type(a);
    let r = match op {
        BinOp::Or => {
            let r = copy_of(x, ty);
            update_internal(vm, set_of(&r), Src::Set(y))?;
            r
        }
        BinOp::And => intersection(vm, x, Src::Set(y), ty)?,
        BinOp::Sub => difference(vm, x, Src::Set(y), ty)?,
        BinOp::Xor => symmetric_difference(vm, x, Src::Set(y), ty)?,
        _ => return Ok(None),
    };
    Ok(Some(r))
}

/// `a |= b`, `a &= b`, `a -= b`, `a ^= b` on a mutable set: updates `a` in place the way
/// CPython's set_ior / set_iand / set_isub / set_ixor do. None for other operators.
pub fn set_inplace_binop(
    vm: &mut Vm,
    op: BinOp,
    a: &Value,
    x: &SetObj,
    y: &SetObj,
) -> PyResult<Option<Value>> {
    match op {
        BinOp::Or => update_internal(vm, x, Src::Set(y))?,
        BinOp::And => {
            let r = intersection(vm, x, Src::Set(y), tt().set)?;
            assign(x, &r);
        }
        BinOp::Sub => difference_update_internal(vm, x, Src::Set(y))?,
        BinOp::Xor => symmetric_difference_update(vm, x, Src::Set(y))?,
        _ => return Ok(None),
    }
    Ok(Some(a.clone()))
}
