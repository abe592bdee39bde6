//! Subscripts: `a[i]`, `a[i:j:k]`, assignment and deletion.

use crate::error::{self, PyResult};
use crate::types::dict::DictObj;
use crate::types::int::as_int;
use crate::types::list::{new_list, ListObj};
use crate::types::range::RangeObj;
use crate::types::slice::SliceObj;
use crate::types::str::{char_str, new_str, StrObj};
use crate::types::tuple::as_tuple;
use crate::types::type_name;
use crate::value::Value;
use crate::vm::Vm;

/// `cls[idx]`: the class's `__class_getitem__` (an implicit classmethod).
fn class_getitem(vm: &mut Vm, cls: &Value, idx: &Value) -> PyResult<Value> {
    let Some(m) = crate::types::typeobj::lookup_str(cls.ptr(), "__class_getitem__") else {
        let name = &crate::types::typeobj::type_data(cls).name;
        return Err(error::type_error(format!(
            "type '{}' is not subscriptable",
            name.rsplit('.').next().unwrap_or(name)
        )));
    };
    let bound = match m.downcast::<crate::types::descr::FuncWrapObj>() {
        Some(w) => crate::types::func::new_bound_method(w.f.clone(), cls.clone()),
        None => crate::ops::attr::bind_descriptor(vm, &m, cls)?,
    };
    vm.call1(&bound, idx.clone())
}

/// Resolves slice bounds against a length: (start, stop, step, count).
pub fn slice_indices(s: &SliceObj, len: i64) -> PyResult<(i64, i64, i64, i64)> {
    let get = |v: &Value| -> PyResult<Option<i64>> {
        if v.is_none() {
            return Ok(None);
        }
        match as_int(v) {
            Some(i) => Ok(Some(i.to_i64().unwrap_or(if i.is_negative() {
                i64::MIN / 2
            } else {
                i64::MAX / 2
            }))),
            None => Err(error::type_error(
                "slice indices must be integers or None or have an __index__ method",
            )),
        }
    };
    let step = get(&s.step)?.unwrap_or(1);
    if step == 0 {
        return Err(error::value_error("slice step cannot be zero"));
    }
    let (lo, hi) = if step < 0 { (-1, len - 1) } else { (0, len) };
    let clamp = |v: Option<i64>, default: i64| -> i64 {
        match v {
            None => default,
            Some(mut x) => {
                if x < 0 {
                    x += len;
                    if x < lo {
                        x = lo;
                    }
                } else if x > hi {
                    x = hi;
                }
                x
            }
        }
    };
    let start = clamp(get(&s.start)?, if step < 0 { hi } else { lo });
    let stop = clamp(get(&s.stop)?, if step < 0 { lo } else { hi });
    let count = if step > 0 {
        if stop > start {
            (stop - start - 1) / step + 1
        } else {
            0
        }
    } else if start > stop {
        (start - stop - 1) / (-step) + 1
    } else {
        0
    };
    Ok((start, stop, step, count))
}

/// Normalises an integer index; Err(()) when out of range or not an int.
fn index_of(idx: &Value, len: usize) -> Option<Result<usize, ()>> {
    let i = as_int(idx)?;
    let i = match i.to_i64() {
        Some(i) => i,
        None => return Some(Err(())),
    };
    let j = if i < 0 { i + len as i64 } else { i };
    if j < 0 || j >= len as i64 {
        Some(Err(()))
    } else {
        Some(Ok(j as usize))
    }
}

fn indices_type_error(container: &str, idx: &Value) -> crate::error::PyErr {
    error::type_error(format!(
        "{container} indices must be integers or slices, not {}",
        type_name(idx)
    ))
}

fn pick<T: Clone>(items: &[T], start: i64, step: i64, count: i64) -> Vec<T> {
    (0..count)
        .map(|k| items[(start + k * step) as usize].clone())
        .collect()
}

pub fn getitem(vm: &mut Vm, obj: &Value, idx: &Value) -> PyResult<Value> {
    if let Some(r) = super::dunder::call_special(vm, obj, "__getitem__", &[idx.clone()]) {
        return r;
    }
    if obj.downcast::<crate::types::typeobj::TypeData>().is_some() {
        return class_getitem(vm, obj, idx);
    }
    if let Some(i) = sequence_index(vm, obj, idx)? {
        return getitem(vm, obj, &i);
    }
    if let Some(l) = obj.downcast::<ListObj>() {
        let items = l.items.borrow();
        if let Some(r) = index_of(idx, items.len()) {
            return r
                .map(|i| items[i].clone())
                .map_err(|_| error::index_error("list index out of range"));
        }
        if let Some(s) = idx.downcast::<SliceObj>() {
            let (start, _, step, count) = slice_indices(s, items.len() as i64)?;
            return Ok(new_list(pick(&items, start, step, count)));
        }
        return Err(indices_type_error("list", idx));
    }
    if let Some(t) = as_tuple(obj) {
        if let Some(r) = index_of(idx, t.len()) {
            return r
                .map(|i| t[i].clone())
                .map_err(|_| error::index_error("tuple index out of range"));
        }
        if let Some(s) = idx.downcast::<SliceObj>() {
            let (start, _, step, count) = slice_indices(s, t.len() as i64)?;
            if start == 0
                && step == 1
                && count == t.len() as i64
                && crate::types::type_ptr(obj) == crate::types::tt().tuple
            {
                return Ok(obj.clone());
            }
            if step == 1 {
                let (a, n) = (start as usize, count.max(0) as usize);
                return Ok(crate::types::tuple::new_tuple_concat(&[&t[a..a + n]]));
            }
            let items = (0..count).map(|k| t[(start + k * step) as usize].clone());
            return Ok(crate::types::tuple::new_tuple_from(count as usize, items));
        }
        return Err(indices_type_error("tuple", idx));
    }
    if let Some(r) = super::bytes::getitem(obj, idx) {
        return r;
    }
    if let Some(d) = obj.downcast::<DictObj>() {
        return match d.get(vm, idx)? {
            Some(v) => Ok(v),
            None => match super::dunder::call_special(vm, obj, "__missing__", &[idx.clone()]) {
                Some(r) => r,
                None => Err(error::key_error(idx.clone())),
            },
        };
    }
    if let Some(so) = obj.downcast::<StrObj>() {
        if let Some(r) = index_of(idx, so.nchars) {
            return r
                .map(|i| char_str(so.char_at(i)))
                .map_err(|_| error::index_error("string index out of range"));
        }
        if let Some(s) = idx.downcast::<SliceObj>() {
            let (start, _, step, count) = slice_indices(s, so.nchars as i64)?;
            if step == 1 {
                // As CPython: the whole of an exact str is the str itself (its hash is
                // already cached).
                if start == 0
                    && count == so.nchars as i64
                    && crate::types::type_ptr(obj) == crate::types::tt().str_
                {
                    return Ok(obj.clone());
                }
                let a = so.byte_offset(start as usize);
                let b = so.byte_offset((start + count) as usize);
                return Ok(new_str(&so.s[a..b]));
            }
            let chars: Vec<char> = so.s.chars().collect();
            return Ok(new_str(
                pick(&chars, start, step, count)
                    .into_iter()
                    .collect::<String>(),
            ));
        }
        return Err(error::type_error(format!(
            "string indices must be integers, not '{}'",
            type_name(idx)
        )));
    }
    if let Some(r) = obj.downcast::<RangeObj>() {
        return crate::types::range::getitem(r, idx);
    }
    Err(error::type_error(format!(
        "'{}' object is not subscriptable",
        type_name(obj)
    )))
}

pub fn setitem(vm: &mut Vm, obj: &Value, idx: Value, v: Value) -> PyResult<()> {
    if let Some(m) = super::dunder::special(obj, "__setitem__") {
        return super::dunder::call_method(vm, &m, obj, &[idx, v]).map(|_| ());
    }
    if let Some(i) = sequence_index(vm, obj, &idx)? {
        return setitem(vm, obj, i, v);
    }
    if let Some(l) = obj.downcast::<ListObj>() {
        let len = l.items.borrow().len();
        if let Some(r) = index_of(&idx, len) {
            let i = r.map_err(|_| error::index_error("list assignment index out of range"))?;
            let old = std::mem::replace(&mut l.items.borrow_mut()[i], v);
            drop(old);
            return Ok(());
        }
        if let Some(s) = idx.downcast::<SliceObj>() {
            let new_items = crate::ops::collect(vm, &v)?;
            let (start, stop, step, count) = slice_indices(s, len as i64)?;
            let mut items = l.items.borrow_mut();
            if step == 1 {
                let stop = stop.max(start);
                let removed: Vec<Value> = items
                    .splice(start as usize..stop as usize, new_items)
                    .collect();
                drop(items);
                drop(removed);
                return Ok(());
            }
            if new_items.len() as i64 != count {
                return Err(error::value_error(format!(
                    "attempt to assign sequence of size {} to extended slice of size {}",
                    new_items.len(),
                    count
                )));
            }
            let mut old = Vec::with_capacity(new_items.len());
            for (k, x) in new_items.into_iter().enumerate() {
                old.push(std::mem::replace(
                    &mut items[(start + k as i64 * step) as usize],
                    x,
                ));
            }
            drop(items);
            return Ok(());
        }
        return Err(indices_type_error("list", &idx));
    }
    if let Some(d) = obj.downcast::<DictObj>() {
        return d.set(vm, idx, v);
    }
    if let Some(r) = super::bytes::setitem(vm, obj, &idx, &v) {
        return r;
    }
    Err(error::type_error(format!(
        "'{}' object does not support item assignment",
        type_name(obj)
    )))
}

pub fn delitem(vm: &mut Vm, obj: &Value, idx: &Value) -> PyResult<()> {
    if let Some(r) = super::dunder::call_special(vm, obj, "__delitem__", &[idx.clone()]) {
        return r.map(|_| ());
    }
    if let Some(i) = sequence_index(vm, obj, idx)? {
        return delitem(vm, obj, &i);
    }
    if let Some(l) = obj.downcast::<ListObj>() {
        let len = l.items.borrow().len();
        if let Some(r) = index_of(idx, len) {
            let i = r.map_err(|_| error::index_error("list assignment index out of range"))?;
            let old = l.items.borrow_mut().remove(i);
            drop(old);
            return Ok(());
        }
        if let Some(s) = idx.downcast::<SliceObj>() {
            let (start, _, step, count) = slice_indices(s, len as i64)?;
            let mut positions: Vec<usize> =
                (0..count).map(|k| (start + k * step) as usize).collect();
            positions.sort_unstable();
            let mut items = l.items.borrow_mut();
            let mut removed = Vec::new();
            for p in positions.into_iter().rev() {
                removed.push(items.remove(p));
            }
            drop(items);
            return Ok(());
        }
        return Err(indices_type_error("list", idx));
    }
    if let Some(r) = super::bytes::delitem(obj, idx) {
        return r;
    }
    if let Some(d) = obj.downcast::<DictObj>() {
        return match d.remove(vm, idx)? {
            Some(_) => Ok(()),
            None => Err(error::key_error(idx.clone())),
        };
    }
    Err(error::type_error(format!(
        "'{}' object doesn't support item deletion",
        type_name(obj)
    )))
}

/// An object with `__index__` used to index a builtin sequence: its integer value.
fn sequence_index(vm: &mut Vm, obj: &Value, idx: &Value) -> PyResult<Option<Value>> {
    use crate::object::Kind;
    if !super::dunder::dispatches(idx)
        || !matches!(
            obj.kind(),
            Some(Kind::List | Kind::Tuple | Kind::Str | Kind::Range)
        )
        || super::dunder::special(idx, "__index__").is_none()
    {
        return Ok(None);
    }
    super::index(vm, idx).map(Some)
}
