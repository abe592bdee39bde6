//! Iterator objects: one payload kind whose state enum covers every builtin iterator.

use crate::object::{alloc_obj, Header, Kind, Payload};
use crate::value::Value;
use std::cell::RefCell;

pub enum IterState {
    Seq {
        seq: Value,
        idx: usize,
    },
    ListRev {
        list: Value,
        idx: usize,
    },
    Str {
        s: Value,
        byte_pos: usize,
    },
    /// Over a bytes or bytearray (re-checking the length: a bytearray may change).
    Bytes {
        b: Value,
        idx: usize,
    },
    Range {
        cur: i64,
        step: i64,
        remaining: i64,
    },
    /// A range whose items or length need big ints (`longrange_iterator`).
    LongRange {
        cur: num_bigint::BigInt,
        step: num_bigint::BigInt,
        remaining: num_bigint::BigInt,
    },
    Dict {
        dict: Value,
        pos: usize,
        len: usize,
        /// Items still expected: one more means the keys changed (at the same size).
        left: usize,
        what: DictPart,
    },
    Set {
        set: Value,
        pos: usize,
        len: usize,
    },
    Enumerate {
        it: Value,
        count: Value,
    },
    Zip {
        its: Vec<Value>,
    },
    Map {
        f: Value,
        its: Vec<Value>,
    },
    Filter {
        f: Value,
        it: Value,
    },
    /// `iter(obj)` for objects with only `__getitem__`.
    GetItem {
        obj: Value,
        idx: usize,
    },
    Callable {
        f: Value,
        sentinel: Value,
    },
    /// A dict view (`keys()`, `values()`, `items()`): iterable, not an iterator.
    DictView {
        dict: Value,
        what: DictPart,
    },
    Exhausted,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum DictPart {
    Keys,
    Values,
    Items,
}

pub struct IterObj {
    pub state: RefCell<IterState>,
}
impl Payload for IterObj {
    const KIND: Kind = Kind::Iter;
}

pub fn new_iter(state: IterState, ty: *const Header) -> Value {
    alloc_obj(
        IterObj {
            state: RefCell::new(state),
        },
        ty,
    )
}
