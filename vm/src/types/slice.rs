//! `slice` objects.

use crate::object::{alloc_obj, Kind, Payload};
use crate::types::typeobj::tt;
use crate::value::Value;

pub struct SliceObj {
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}
impl Payload for SliceObj {
    const KIND: Kind = Kind::Slice;
}

pub fn new_slice(start: Value, stop: Value, step: Value) -> Value {
    alloc_obj(SliceObj { start, stop, step }, tt().slice)
}
