//! `bytes` (immutable, hash cached) and `bytearray` (a growable buffer).
//!
//! Most operations accept either ("bytes-like"); `BytesRef` borrows the contents of both
//! uniformly. A borrowed bytearray must be released before it is mutated, so mutating code
//! copies its arguments first (`ba.extend(ba)` is legal Python).

use crate::object::{alloc_obj, Kind, Payload};
use crate::types::typeobj::tt;
use crate::value::Value;
use std::cell::{Cell, Ref, RefCell};
use std::ops::Deref;

pub struct BytesObj {
    pub data: Box<[u8]>,
    pub hash: Cell<i64>,
}
impl Payload for BytesObj {
    const KIND: Kind = Kind::Bytes;
}

pub struct ByteArrayObj {
    pub data: RefCell<Vec<u8>>,
}
impl Payload for ByteArrayObj {
    const KIND: Kind = Kind::ByteArray;
}

impl BytesObj {
    /// Same function as str hashing, so an ASCII `bytes` hashes like the equal-text `str`
    /// (as in CPython).
    pub fn hash(&self) -> i64 {
        let h = self.hash.get();
        if h != -1 {
            return h;
        }
        let h = crate::types::str::bytes_hash(&self.data);
        self.hash.set(h);
        h
    }
}

pub fn new_bytes(data: impl Into<Box<[u8]>>) -> Value {
    alloc_obj(
        BytesObj {
            data: data.into(),
            hash: Cell::new(-1),
        },
        tt().bytes,
    )
}

pub fn new_bytearray(data: Vec<u8>) -> Value {
    alloc_obj(
        ByteArrayObj {
            data: RefCell::new(data),
        },
        tt().bytearray,
    )
}

/// A new object of the same kind as `proto` (bytes or bytearray) holding `data`.
pub fn new_like(proto: &Value, data: Vec<u8>) -> Value {
    if is_bytearray(proto) {
        new_bytearray(data)
    } else {
        new_bytes(data)
    }
}

pub fn is_bytearray(v: &Value) -> bool {
    v.downcast::<ByteArrayObj>().is_some()
}

/// Borrowed contents of a bytes or bytearray.
pub enum BytesRef<'a> {
    Bytes(&'a [u8]),
    Array(Ref<'a, Vec<u8>>),
}
impl Deref for BytesRef<'_> {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        match self {
            BytesRef::Bytes(b) => b,
            BytesRef::Array(a) => a,
        }
    }
}

/// The contents of a bytes-like value (bytes or bytearray).
pub fn as_bytes(v: &Value) -> Option<BytesRef<'_>> {
    if let Some(b) = v.downcast::<BytesObj>() {
        return Some(BytesRef::Bytes(&b.data));
    }
    v.downcast::<ByteArrayObj>()
        .map(|a| BytesRef::Array(a.data.borrow()))
}

/// An owned copy of a bytes-like value's contents.
pub fn bytes_vec(v: &Value) -> Option<Vec<u8>> {
    if let Some(b) = crate::pytypes::memoryview::view_bytes(v) {
        return Some(b);
    }
    as_bytes(v).map(|b| b.to_vec())
}

/// A byte given as an int (item assignment, `append`, `in`, iterables of ints).
pub fn byte_value(v: &Value) -> crate::error::PyResult<u8> {
    // Out-of-range ints of any size are a ValueError, not an overflow.
    let i = match crate::types::int::as_int(v) {
        Some(i) => i.to_i64().unwrap_or(-1),
        None => crate::builtins::args::to_i64(v, "")?,
    };
    if !(0..=255).contains(&i) {
        return Err(crate::error::value_error("byte must be in range(0, 256)"));
    }
    Ok(i as u8)
}

/// repr() of a bytes or bytearray value.
pub fn repr(v: &Value) -> Option<String> {
    let b = as_bytes(v)?;
    if !is_bytearray(v) {
        return Some(crate::fmt::bytes_repr(&b));
    }
    // bytearray's repr picks its quote like bytes' but escapes `'` even inside `"..."`.
    let r = crate::fmt::bytes_repr(&b);
    let r = if r.starts_with("b\"") {
        format!("b\"{}\"", r[2..r.len() - 1].replace('\'', "\\'"))
    } else {
        r
    };
    // Subclasses show their own name, as CPython's bytearray repr does.
    Some(format!("{}({r})", crate::types::type_name(v)))
}
