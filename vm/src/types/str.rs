//! `str`: immutable UTF-8 with a cached code-point count and hash.
//!
//! Indexing is by code point: O(1) when the string is ASCII (the common case), a scan
//! otherwise.

use crate::object::{alloc_obj, Kind, Payload};
use crate::types::typeobj::tt;
use crate::value::Value;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;

pub struct StrObj {
    pub s: Box<str>,
    pub nchars: usize,
    pub hash: Cell<i64>,
}
impl Payload for StrObj {
    const KIND: Kind = Kind::Str;
}

impl StrObj {
    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.nchars == self.s.len()
    }
    pub fn as_str(&self) -> &str {
        &self.s
    }
    /// Byte offset of code point `i` (i <= nchars).
    pub fn byte_offset(&self, i: usize) -> usize {
        if self.is_ascii() {
            i
        } else {
            self.s
                .char_indices()
                .nth(i)
                .map(|(b, _)| b)
                .unwrap_or(self.s.len())
        }
    }
    pub fn char_at(&self, i: usize) -> char {
        if self.is_ascii() {
            self.s.as_bytes()[i] as char
        } else {
            self.s.chars().nth(i).unwrap()
        }
    }
    pub fn hash(&self) -> i64 {
        let h = self.hash.get();
        if h != -1 {
            return h;
        }
        let h = str_hash(&self.s);
        self.hash.set(h);
        h
    }
}

/// FNV-1a over the bytes, folded into Python's hash range (never -1).
pub fn str_hash(s: &str) -> i64 {
    bytes_hash(s.as_bytes())
}

/// The hash of a byte string (shared by `str` and `bytes`).
pub fn bytes_hash(data: &[u8]) -> i64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for &b in data {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    let h = (h >> 1) as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

/// A fresh (unshared) string, for instances of str subclasses.
pub fn new_str_fresh(s: impl Into<Box<str>>) -> Value {
    new_str(s)
}

pub fn new_str(s: impl Into<Box<str>>) -> Value {
    let s: Box<str> = s.into();
    let nchars = if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    };
    alloc_obj(
        StrObj {
            s,
            nchars,
            hash: Cell::new(-1),
        },
        tt().str_,
    )
}

thread_local! {
    static INTERNED: RefCell<HashMap<Box<str>, Value>> = RefCell::new(HashMap::new());
}

/// The interned string for `s` (identifiers, attribute names, one-character strings).
pub fn intern(s: &str) -> Value {
    INTERNED.with(|m| {
        if let Some(v) = m.borrow().get(s) {
            return v.clone();
        }
        let v = new_str(s);
        let h = v.header().unwrap();
        h.flags.set(h.flags.get() | crate::object::INTERNED);
        m.borrow_mut().insert(s.into(), v.clone());
        v
    })
}

thread_local! {
    /// Interned strings for `&'static str` names, direct-mapped by the literal's address:
    /// special-method and hook names are looked up per operation, and hashing the name
    /// each time showed up in profiles.
    static STATIC_NAMES: RefCell<Vec<(usize, Value)>> =
        RefCell::new(vec![(0, Value::NONE); 512]);
    static ASCII_CHARS: Vec<Value> = (0u8..128)
        .map(|b| intern(std::str::from_utf8(&[b]).unwrap()))
        .collect();
}

/// `intern(s)` for a string literal, cached by the literal's address.
#[inline]
pub fn intern_static(s: &'static str) -> Value {
    let key = s.as_ptr() as usize ^ (s.len() << 48);
    let slot = (key ^ (key >> 9)) & 511;
    STATIC_NAMES.with(|c| {
        if let Some((k, v)) = c.borrow().get(slot) {
            if *k == key {
                return v.clone();
            }
        }
        let v = intern(s);
        c.borrow_mut()[slot] = (key, v.clone());
        v
    })
}

/// Borrow the text of a str value.
pub fn as_str(v: &Value) -> Option<&str> {
    v.downcast::<StrObj>().map(|o| &*o.s)
}

/// A one-character string (interned for ASCII so `for c in s` does not allocate).
pub fn char_str(c: char) -> Value {
    if c.is_ascii() {
        ASCII_CHARS.with(|t| t[c as usize].clone())
    } else {
        new_str(c.to_string())
    }
}
