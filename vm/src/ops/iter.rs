//! The iteration protocol: `iter()`, `next()`, and collecting an iterable.

use crate::error::{self, PyResult};
use crate::object::Kind;
use crate::types::bytes::as_bytes;
use crate::types::dict::DictObj;
use crate::types::iter::{new_iter, DictPart, IterObj, IterState};
use crate::types::list::ListObj;
use crate::types::range::RangeObj;
use crate::types::set::SetObj;
use crate::types::str::{char_str, StrObj};
use crate::types::tuple::{as_tuple, new_tuple};
use crate::types::{tt, type_name};
use crate::value::Value;
use crate::vm::Vm;

pub fn iter(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if crate::types::ext::ext_next(v).is_some() {
        return Ok(v.clone());
    }
    let t = tt();
    if super::dunder::dispatches(v) {
        if let Some(m) = super::dunder::special(v, "__iter__") {
            if m.is_none() {
                return Err(not_iterable(v));
            }
            let it = super::dunder::call_method(vm, &m, v, &[])?;
            if !is_iterator(&it) {
                return Err(error::type_error(format!(
                    "iter() returned non-iterator of type '{}'",
                    type_name(&it)
                )));
            }
            return Ok(it);
        }
        if super::dunder::special(v, "__getitem__").is_some() {
            return Ok(new_iter(
                IterState::GetItem {
                    obj: v.clone(),
                    idx: 0,
                },
                t.iterator,
            ));
        }
    }
    if v.downcast::<ListObj>().is_some() {
        return Ok(new_iter(
            IterState::Seq {
                seq: v.clone(),
                idx: 0,
            },
            t.list_iterator,
        ));
    }
    if as_tuple(v).is_some() {
        return Ok(new_iter(
            IterState::Seq {
                seq: v.clone(),
                idx: 0,
            },
            t.tuple_iterator,
        ));
    }
    if let Some(r) = v.downcast::<RangeObj>() {
        return Ok(r.iter());
    }
    if v.downcast::<StrObj>().is_some() {
        return Ok(new_iter(
            IterState::Str {
                s: v.clone(),
                byte_pos: 0,
            },
            t.str_iterator,
        ));
    }
    if let Some(k) = v
        .kind()
        .filter(|k| matches!(k, Kind::Bytes | Kind::ByteArray))
    {
        let ty = if k == Kind::Bytes {
            t.bytes_iterator
        } else {
            t.bytearray_iterator
        };
        return Ok(new_iter(
            IterState::Bytes {
                b: v.clone(),
                idx: 0,
            },
            ty,
        ));
    }
    if let Some(d) = v.downcast::<DictObj>() {
        let len = d.len();
        return Ok(new_iter(
            IterState::Dict {
                dict: v.clone(),
                pos: 0,
                len,
                left: len,
                what: DictPart::Keys,
            },
            t.dict_keyiterator,
        ));
    }
    if let Some(s) = v.downcast::<SetObj>() {
        let len = s.len();
        return Ok(new_iter(
            IterState::Set {
                set: v.clone(),
                pos: 0,
                len,
            },
            t.set_iterator,
        ));
    }
    if crate::generator::is_plain(v) {
        return Ok(v.clone());
    }
    if let Some(io) = v.downcast::<IterObj>() {
        let view = match &*io.state.borrow() {
            IterState::DictView { dict, what } => Some((dict.clone(), *what)),
            _ => None,
        };
        if let Some((dict, what)) = view {
            let len = dict.downcast::<DictObj>().unwrap().len();
            let ty = match what {
                DictPart::Keys => t.dict_keyiterator,
                DictPart::Values => t.dict_valueiterator,
                DictPart::Items => t.dict_itemiterator,
            };
            return Ok(new_iter(
                IterState::Dict {
                    dict,
                    pos: 0,
                    len,
                    left: len,
                    what,
                },
                ty,
            ));
        }
        return Ok(v.clone());
    }
    let _ = vm;
    Err(error::type_error(format!(
        "'{}' object is not iterable",
        type_name(v)
    )))
}

/// Advances an iterator: Ok(None) when exhausted.
pub fn next(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    if crate::generator::is_plain(it) {
        return crate::generator::resume(vm, it, Value::NONE);
    }
    if let Some(f) = crate::types::ext::ext_next(it) {
        return f(vm, it);
    }
    if let Some(r) = super::dunder::call_special(vm, it, "__next__", &[]) {
        return match r {
            Ok(v) => Ok(Some(v)),
            Err(e) if e.is_instance(tt().stop_iteration) => Ok(None),
            Err(e) => Err(e),
        };
    }
    let Some(io) = it.downcast::<IterObj>() else {
        return Err(error::type_error(format!(
            "'{}' object is not an iterator",
            type_name(it)
        )));
    };
    // States that call back into Python must not hold the borrow while doing so.
    enum Call {
        Enumerate(Value, Value),
        Zip(Vec<Value>),
        Map(Value, Vec<Value>),
        Filter(Value, Value),
        GetItem(Value, usize),
        Callable(Value, Value),
    }
    let call = {
        let mut st = io.state.borrow_mut();
        match &mut *st {
            IterState::Seq { seq, idx } => {
                let r = if let Some(l) = seq.downcast::<ListObj>() {
                    l.items.borrow().get(*idx).cloned()
                } else {
                    as_tuple(seq).and_then(|t| t.get(*idx).cloned())
                };
                *idx += 1;
                if r.is_none() {
                    *st = IterState::Exhausted;
                }
                return Ok(r);
            }
            IterState::ListRev { list, idx } => {
                let l = list.downcast::<ListObj>().unwrap();
                let items = l.items.borrow();
                if *idx == 0 || *idx > items.len() {
                    drop(items);
                    *st = IterState::Exhausted;
                    return Ok(None);
                }
                *idx -= 1;
                return Ok(Some(items[*idx].clone()));
            }
            IterState::Str { s, byte_pos } => {
                let so = s.downcast::<StrObj>().unwrap();
                match so.s[*byte_pos..].chars().next() {
                    Some(c) => {
                        *byte_pos += c.len_utf8();
                        return Ok(Some(char_str(c)));
                    }
                    None => {
                        *st = IterState::Exhausted;
                        return Ok(None);
                    }
                }
            }
            IterState::Bytes { b, idx } => {
                let r = as_bytes(b).and_then(|d| d.get(*idx).copied());
                *idx += 1;
                if r.is_none() {
                    *st = IterState::Exhausted;
                }
                return Ok(r.map(|x| Value::small_int(x as i64)));
            }
            IterState::Range {
                cur,
                step,
                remaining,
            } => {
                if *remaining <= 0 {
                    return Ok(None);
                }
                let v = *cur;
                *cur = cur.wrapping_add(*step);
                *remaining -= 1;
                return Ok(Some(Value::int(v)));
            }
            IterState::LongRange {
                cur,
                step,
                remaining,
            } => return Ok(crate::types::range::long_next(cur, step, remaining)),
            IterState::Dict {
                dict,
                pos,
                len,
                left,
                what,
            } => {
                let d = dict.downcast::<DictObj>().unwrap();
                if d.len() != *len {
                    *len = usize::MAX; // stay broken, as CPython does
                    return Err(error::runtime_error(
                        "dictionary changed size during iteration",
                    ));
                }
                match d.next_entry(*pos) {
                    Some(_) if *left == 0 => {
                        *len = usize::MAX;
                        return Err(error::runtime_error(
                            "dictionary keys changed during iteration",
                        ));
                    }
                    Some((np, k, v)) => {
                        *pos = np;
                        *left -= 1;
                        return Ok(Some(match what {
                            DictPart::Keys => k,
                            DictPart::Values => v,
                            DictPart::Items => new_tuple(vec![k, v]),
                        }));
                    }
                    None => {
                        *st = IterState::Exhausted;
                        return Ok(None);
                    }
                }
            }
            IterState::Set { set, pos, len } => {
                let s = set.downcast::<SetObj>().unwrap();
                if s.len() != *len {
                    *len = usize::MAX;
                    return Err(error::runtime_error("Set changed size during iteration"));
                }
                let t = s.table.borrow();
                while *pos < t.entries.len() {
                    let e = &t.entries[*pos];
                    *pos += 1;
                    if !e.key.is_undef() {
                        return Ok(Some(e.key.clone()));
                    }
                }
                drop(t);
                *st = IterState::Exhausted;
                return Ok(None);
            }
            IterState::Enumerate { it, count } => Call::Enumerate(it.clone(), count.clone()),
            IterState::Zip { its } => Call::Zip(its.clone()),
            IterState::Map { f, its } => Call::Map(f.clone(), its.clone()),
            IterState::Filter { f, it } => Call::Filter(f.clone(), it.clone()),
            IterState::GetItem { obj, idx } => {
                let r = Call::GetItem(obj.clone(), *idx);
                *idx += 1;
                r
            }
            IterState::Callable { f, sentinel } => Call::Callable(f.clone(), sentinel.clone()),
            IterState::DictView { .. } => {
                return Err(error::type_error(format!(
                    "'{}' object is not an iterator",
                    type_name(it)
                )));
            }
            IterState::Exhausted => return Ok(None),
        }
    };
    match call {
        Call::GetItem(obj, idx) => match super::getitem(vm, &obj, &Value::int(idx as i64)) {
            Ok(v) => Ok(Some(v)),
            Err(e) if e.is_instance(tt().index_error) || e.is_instance(tt().stop_iteration) => {
                *io.state.borrow_mut() = IterState::Exhausted;
                Ok(None)
            }
            Err(e) => Err(e),
        },
        Call::Callable(f, sentinel) => {
            let v = vm.call0(&f)?;
            if super::eq(vm, &v, &sentinel)? {
                *io.state.borrow_mut() = IterState::Exhausted;
                return Ok(None);
            }
            Ok(Some(v))
        }
        Call::Enumerate(inner, count) => match next(vm, &inner)? {
            Some(x) => {
                let n = crate::ops::binary_op(
                    vm,
                    crate::bytecode::BinOp::Add,
                    false,
                    &count,
                    &Value::small_int(1),
                )?;
                if let IterState::Enumerate { count: c, .. } = &mut *io.state.borrow_mut() {
                    *c = n;
                }
                Ok(Some(new_tuple(vec![count, x])))
            }
            None => Ok(None),
        },
        Call::Zip(its) => {
            if its.is_empty() {
                return Ok(None);
            }
            let mut items = Vec::with_capacity(its.len());
            for i in &its {
                match next(vm, i)? {
                    Some(x) => items.push(x),
                    None => {
                        *io.state.borrow_mut() = IterState::Exhausted;
                        return Ok(None);
                    }
                }
            }
            Ok(Some(new_tuple(items)))
        }
        Call::Map(f, its) => {
            let mut args = Vec::with_capacity(its.len());
            for i in &its {
                match next(vm, i)? {
                    Some(x) => args.push(x),
                    None => {
                        *io.state.borrow_mut() = IterState::Exhausted;
                        return Ok(None);
                    }
                }
            }
            Ok(Some(vm.call(&f, &args, &[])?))
        }
        Call::Filter(f, inner) => loop {
            match next(vm, &inner)? {
                Some(x) => {
                    let keep = if f.is_none() {
                        crate::ops::truthy(vm, &x)?
                    } else {
                        let r = vm.call(&f, std::slice::from_ref(&x), &[])?;
                        crate::ops::truthy(vm, &r)?
                    };
                    if keep {
                        return Ok(Some(x));
                    }
                }
                None => return Ok(None),
            }
        },
    }
}

/// All items of an iterable.
pub fn collect(vm: &mut Vm, v: &Value) -> PyResult<Vec<Value>> {
    let copy = |items: &[Value]| -> PyResult<Vec<Value>> {
        let mut out = crate::mem::vec_with_capacity(items.len())?;
        out.extend_from_slice(items);
        Ok(out)
    };
    if let Some(l) = v.downcast::<ListObj>() {
        return copy(&l.items.borrow());
    }
    if let Some(t) = as_tuple(v) {
        return copy(t);
    }
    let mut out = Vec::new();
    if let Some(r) = v.downcast::<RangeObj>() {
        // Sized up front: too long is OverflowError/MemoryError at once, as in CPython.
        out = crate::mem::vec_with_capacity(r.len_ssize()?)?;
    }
    let it = iter(vm, v)?;
    while let Some(x) = next(vm, &it)? {
        if out.len() == out.capacity() {
            let extra = out.len().max(4);
            crate::mem::reserve(&mut out, extra)?;
        }
        out.push(x);
    }
    Ok(out)
}

/// Items for `a, b = v`: stops one past `n` so infinite iterators still give the error.
pub fn collect_unpack(vm: &mut Vm, v: &Value, n: usize) -> PyResult<Vec<Value>> {
    let it = match iter(vm, v) {
        Ok(it) => it,
        // Only a value that is not iterable at all gets the unpacking message.
        Err(e)
            if !e.is_instance(tt().type_error)
                || super::dunder::special(v, "__iter__").is_some() =>
        {
            return Err(e)
        }
        Err(_) => {
            return Err(error::type_error(format!(
                "cannot unpack non-iterable {} object",
                type_name(v)
            )))
        }
    };
    let mut out = Vec::new();
    while let Some(x) = next(vm, &it)? {
        out.push(x);
        if out.len() > n {
            break;
        }
    }
    Ok(out)
}

fn not_iterable(v: &Value) -> crate::error::PyErr {
    error::type_error(format!("'{}' object is not iterable", type_name(v)))
}

/// Can `next()` advance `v`?
pub fn is_iterator(v: &Value) -> bool {
    v.downcast::<IterObj>()
        .is_some_and(|io| !matches!(&*io.state.borrow(), IterState::DictView { .. }))
        || crate::generator::is_plain(v)
        || crate::types::ext::ext_next(v).is_some()
        || super::dunder::special(v, "__next__").is_some()
}
