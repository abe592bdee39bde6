//! Generic operations on `bytes` and `bytearray`: subscripts, `in`, comparison and the
//! sequence operators. Each entry returns None when the operands are not bytes-like, so the
//! generic code in `ops` falls through to its other cases.

use super::subscr::slice_indices;
use crate::bytecode::{BinOp, CmpOp};
use crate::error::{self, PyResult};
use crate::types::bytes::{as_bytes, byte_value, is_bytearray, new_like, ByteArrayObj};
use crate::types::int::as_int;
use crate::types::slice::SliceObj;
use crate::types::type_name;
use crate::value::Value;
use crate::vm::Vm;

fn index_of(i: i64, len: usize) -> Option<usize> {
    let j = if i < 0 { i + len as i64 } else { i };
    (j >= 0 && j < len as i64).then_some(j as usize)
}

fn container_name(obj: &Value) -> &'static str {
    if is_bytearray(obj) {
        "bytearray"
    } else {
        "byte"
    }
}

fn out_of_range(obj: &Value) -> crate::error::PyErr {
    error::index_error(if is_bytearray(obj) {
        "bytearray index out of range"
    } else {
        "index out of range"
    })
}

fn bad_index(obj: &Value, idx: &Value) -> crate::error::PyErr {
    error::type_error(format!(
        "{} indices must be integers or slices, not {}",
        container_name(obj),
        type_name(idx)
    ))
}

fn index_value(idx: &Value) -> Option<PyResult<i64>> {
    let i = as_int(idx)?;
    Some(
        i.to_i64()
            .ok_or_else(|| error::index_error("cannot fit 'int' into an index-sized integer")),
    )
}

pub fn getitem(obj: &Value, idx: &Value) -> Option<PyResult<Value>> {
    let data = as_bytes(obj)?;
    if let Some(i) = index_value(idx) {
        return Some(i.and_then(|i| {
            index_of(i, data.len())
                .map(|j| Value::small_int(data[j] as i64))
                .ok_or_else(|| out_of_range(obj))
        }));
    }
    if let Some(s) = idx.downcast::<SliceObj>() {
        return Some(
            slice_indices(s, data.len() as i64).map(|(start, _, step, count)| {
                let picked = (0..count)
                    .map(|k| data[(start + k * step) as usize])
                    .collect();
                drop(data);
                new_like(obj, picked)
            }),
        );
    }
    Some(Err(bad_index(obj, idx)))
}

/// Bytes for slice assignment: a buffer or an iterable of ints (not an int, not a str).
fn assigned_bytes(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = as_bytes(v) {
        return Ok(b.to_vec());
    }
    let msg = "can assign only bytes, buffers, or iterables of ints in range(0, 256)";
    if as_int(v).is_some() || crate::types::str::as_str(v).is_some() {
        return Err(error::type_error(msg));
    }
    let it = match super::iter(vm, v) {
        Ok(it) => it,
        Err(e) if e.is_instance(crate::types::tt().type_error) => {
            return Err(error::type_error(msg))
        }
        Err(e) => return Err(e),
    };
    let mut out = Vec::new();
    while let Some(x) = super::next(vm, &it)? {
        out.push(byte_value(&x)?);
    }
    Ok(out)
}

pub fn setitem(vm: &mut Vm, obj: &Value, idx: &Value, v: &Value) -> Option<PyResult<()>> {
    let ba = obj.downcast::<ByteArrayObj>()?;
    Some((|| {
        if let Some(i) = index_value(idx) {
            let i = i?;
            let b = byte_value(v)?;
            let mut data = ba.data.borrow_mut();
            let j = index_of(i, data.len()).ok_or_else(|| out_of_range(obj))?;
            data[j] = b;
            return Ok(());
        }
        let Some(s) = idx.downcast::<SliceObj>() else {
            return Err(bad_index(obj, idx));
        };
        let new = assigned_bytes(vm, v)?;
        let len = ba.data.borrow().len();
        let (start, stop, step, count) = slice_indices(s, len as i64)?;
        let mut data = ba.data.borrow_mut();
        if step == 1 {
            let stop = stop.max(start);
            data.splice(start as usize..stop as usize, new);
            return Ok(());
        }
        if new.len() as i64 != count {
            return Err(error::value_error(format!(
                "attempt to assign bytes of size {} to extended slice of size {}",
                new.len(),
                count
            )));
        }
        for (k, b) in new.into_iter().enumerate() {
            data[(start + k as i64 * step) as usize] = b;
        }
        Ok(())
    })())
}

pub fn delitem(obj: &Value, idx: &Value) -> Option<PyResult<()>> {
    let ba = obj.downcast::<ByteArrayObj>()?;
    Some((|| {
        let mut data = ba.data.borrow_mut();
        if let Some(i) = index_value(idx) {
            let j = index_of(i?, data.len()).ok_or_else(|| out_of_range(obj))?;
            data.remove(j);
            return Ok(());
        }
        let Some(s) = idx.downcast::<SliceObj>() else {
            return Err(bad_index(obj, idx));
        };
        let (start, _, step, count) = slice_indices(s, data.len() as i64)?;
        let mut drop_at = vec![false; data.len()];
        for k in 0..count {
            drop_at[(start + k * step) as usize] = true;
        }
        let mut k = 0;
        data.retain(|_| {
            k += 1;
            !drop_at[k - 1]
        });
        Ok(())
    })())
}

pub fn contains(container: &Value, item: &Value) -> Option<PyResult<bool>> {
    let data = as_bytes(container)?;
    if as_int(item).is_some() {
        return Some(byte_value(item).map(|b| data.contains(&b)));
    }
    if let Some(sub) = as_bytes(item) {
        return Some(Ok(crate::builtins::find_bytes(&data, &sub).is_some()));
    }
    Some(Err(error::type_error(format!(
        "a bytes-like object is required, not '{}'",
        type_name(item)
    ))))
}

/// Lexicographic comparison of two bytes-like values.
pub fn compare(op: CmpOp, a: &Value, b: &Value) -> Option<bool> {
    let (x, y) = (as_bytes(a)?, as_bytes(b)?);
    let o = (*x).cmp(&*y);
    Some(match op {
        CmpOp::Lt => o.is_lt(),
        CmpOp::Le => o.is_le(),
        CmpOp::Eq => o.is_eq(),
        CmpOp::Ne => o.is_ne(),
        CmpOp::Gt => o.is_gt(),
        CmpOp::Ge => o.is_ge(),
    })
}

fn repeat_count(n: &Value) -> Option<PyResult<usize>> {
    let n = as_int(n)?;
    Some(match n.to_i64() {
        Some(k) => Ok(k.max(0) as usize),
        None => Err(error::overflow_error(
            "cannot fit 'int' into an index-sized integer",
        )),
    })
}

/// Too long to address: OverflowError for bytes, MemoryError for bytearray (CPython's
/// messages); memory running out: MemoryError.
fn repeated(data: &[u8], n: usize, is_bytes: bool) -> PyResult<Vec<u8>> {
    let n = if data.is_empty() { 0 } else { n };
    let total = crate::mem::repeat_len(data.len(), n, 1).ok_or_else(|| {
        if is_bytes {
            error::overflow_error("repeated bytes are too long")
        } else {
            error::memory_error("")
        }
    })?;
    let mut v = crate::mem::vec_with_capacity(total)?;
    for _ in 0..n {
        v.extend_from_slice(data);
    }
    Ok(v)
}

/// `+`, `*` and `%` with a bytes-like left operand (or `int * bytes`); the in-place forms
/// mutate a bytearray.
pub fn binop(
    vm: &mut Vm,
    op: BinOp,
    inplace: bool,
    a: &Value,
    b: &Value,
) -> Option<PyResult<Value>> {
    match op {
        BinOp::Add => {
            let x = as_bytes(a)?;
            let Some(y) = as_bytes(b) else {
                return Some(Err(error::type_error(format!(
                    "can't concat {} to {}",
                    type_name(b),
                    type_name(a)
                ))));
            };
            let mut v = Vec::with_capacity(x.len() + y.len());
            v.extend_from_slice(&x);
            v.extend_from_slice(&y);
            drop((x, y));
            if inplace {
                if let Some(ba) = a.downcast::<ByteArrayObj>() {
                    *ba.data.borrow_mut() = v;
                    return Some(Ok(a.clone()));
                }
            }
            Some(Ok(new_like(a, v)))
        }
        BinOp::Mul => {
            let (seq, n) = if as_bytes(a).is_some() {
                (a, b)
            } else if as_bytes(b).is_some() {
                (b, a)
            } else {
                return None;
            };
            let Some(n) = repeat_count(n) else {
                return Some(Err(error::type_error(format!(
                    "can't multiply sequence by non-int of type '{}'",
                    type_name(n)
                ))));
            };
            Some((|| {
                let data = as_bytes(seq).unwrap().to_vec();
                let v = repeated(&data, n?, seq.downcast::<ByteArrayObj>().is_none())?;
                if inplace && seq.is(a) {
                    if let Some(ba) = a.downcast::<ByteArrayObj>() {
                        *ba.data.borrow_mut() = v;
                        return Ok(a.clone());
                    }
                }
                Ok(new_like(seq, v))
            })())
        }
        BinOp::Mod => {
            as_bytes(a)?;
            Some(crate::builtins::bytes_percent_format(vm, a, b))
        }
        _ => None,
    }
}
