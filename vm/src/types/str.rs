//! `str`: immutable UTF-8 with a cached code-point count and hash.
//!
//! Indexing is by code point: O(1) when the string is ASCII (the common case), a scan
//! otherwise.

use crate::object::{alloc_obj, Kind, Payload};
use crate::types::typeobj::tt;
use crate::value::Value;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};

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

/// CPython's str hash with hash randomization off (PYTHONHASHSEED=0): SipHash-1-3 with a
/// zero key over the string's compact representation (1, 2 or 4 bytes per code point,
/// little-endian), so sets and dicts of strings iterate in CPython's order.
pub fn str_hash(s: &str) -> i64 {
    // ASCII (the common case) is its own compact form: no decoding.
    if s.is_ascii() {
        return bytes_hash(s.as_bytes());
    }
    let max = s.chars().map(|c| c as u32).max().unwrap_or(0);
    if max < 0x100 {
        let v: Vec<u8> = s.chars().map(|c| c as u8).collect();
        return bytes_hash(&v);
    }
    let mut v = Vec::with_capacity(s.len() * 2);
    if max < 0x10000 {
        for c in s.chars() {
            v.extend_from_slice(&(c as u16).to_le_bytes());
        }
    } else {
        for c in s.chars() {
            v.extend_from_slice(&(c as u32).to_le_bytes());
        }
    }
    bytes_hash(&v)
}

/// CPython's hash of a byte string (str and bytes) with PYTHONHASHSEED=0: SipHash-1-3,
/// zero key; 0 for the empty string; never -1.
pub fn bytes_hash(data: &[u8]) -> i64 {
    if data.is_empty() {
        return 0;
    }
    let h = siphash13(
        HASH_K0.load(Ordering::Relaxed),
        HASH_K1.load(Ordering::Relaxed),
        data,
    ) as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

/// The SipHash key (CPython's `_Py_HashSecret`): zero unless `PYTHONHASHSEED` / `-R` set it
/// at start-up, before any string is hashed.
static HASH_K0: AtomicU64 = AtomicU64::new(0);
static HASH_K1: AtomicU64 = AtomicU64::new(0);

/// Sets the hash key as CPython does: `Some(n)` derives it from seed `n` with CPython's
/// linear congruential generator (so `PYTHONHASHSEED=n` orders match), `None` = random.
pub fn set_hash_seed(seed: Option<u32>) {
    let mut key = [0u8; 16];
    match seed {
        // Seed 0 disables randomization: the zero key.
        Some(0) => {}
        Some(mut x) => {
            for b in key.iter_mut() {
                x = x.wrapping_mul(214013).wrapping_add(2531011);
                *b = (x >> 16) as u8;
            }
        }
        None => {
            use std::io::Read;
            let ok = std::fs::File::open("/dev/urandom").and_then(|mut f| f.read_exact(&mut key));
            if ok.is_err() {
                let t = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map(|d| d.as_nanos())
                    .unwrap_or(1);
                key = (t ^ (std::process::id() as u128) << 64).to_le_bytes();
            }
        }
    }
    HASH_K0.store(
        u64::from_le_bytes(key[..8].try_into().unwrap()),
        Ordering::Relaxed,
    );
    HASH_K1.store(
        u64::from_le_bytes(key[8..].try_into().unwrap()),
        Ordering::Relaxed,
    );
}

fn siphash13(k0: u64, k1: u64, data: &[u8]) -> u64 {
    let mut v0 = k0 ^ 0x736f6d6570736575;
    let mut v1 = k1 ^ 0x646f72616e646f6d;
    let mut v2 = k0 ^ 0x6c7967656e657261;
    let mut v3 = k1 ^ 0x7465646279746573;
    macro_rules! round {
        () => {
            v0 = v0.wrapping_add(v1);
            v1 = v1.rotate_left(13);
            v1 ^= v0;
            v0 = v0.rotate_left(32);
            v2 = v2.wrapping_add(v3);
            v3 = v3.rotate_left(16);
            v3 ^= v2;
            v0 = v0.wrapping_add(v3);
            v3 = v3.rotate_left(21);
            v3 ^= v0;
            v2 = v2.wrapping_add(v1);
            v1 = v1.rotate_left(17);
            v1 ^= v2;
            v2 = v2.rotate_left(32);
        };
    }
    let chunks = data.chunks_exact(8);
    let tail = chunks.remainder();
    for c in chunks {
        let m = u64::from_le_bytes(c.try_into().unwrap());
        v3 ^= m;
        round!();
        v0 ^= m;
    }
    let mut b: u64 = (data.len() as u64) << 56;
    for (i, &x) in tail.iter().enumerate() {
        b |= (x as u64) << (8 * i);
    }
    v3 ^= b;
    round!();
    v0 ^= b;
    v2 ^= 0xff;
    round!();
    round!();
    round!();
    v0 ^ v1 ^ v2 ^ v3
}

#[cfg(test)]
mod hash_tests {
    /// Values printed by `PYTHONHASHSEED=0 python3 -c "print(hash(...))"` (CPython 3.11).
    #[test]
    fn matches_cpython_seed_zero() {
        assert_eq!(super::str_hash("a"), 4644417185603328019);
        assert_eq!(super::str_hash(""), 0);
        assert_eq!(super::str_hash("hello world"), -5642461784034726774);
        assert_eq!(super::str_hash("\u{e9}"), 6047309291227476195);
        assert_eq!(super::str_hash("\u{20ac}"), -5529981157763016009);
        assert_eq!(super::str_hash("\u{1f600}"), -3536540696076613844);
        assert_eq!(super::bytes_hash(b"abc"), -4594863902769663758);
        assert_eq!(super::str_hash("abcdefgh"), 4574395652268504554);
    }
}

/// A new str object (always freshly allocated: str subclasses retag it; interned strings
/// come from `intern`).
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
