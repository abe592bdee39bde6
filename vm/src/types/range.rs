//! `range` and `slice` payloads.

use crate::object::{alloc_obj, Kind, Payload};
use crate::types::typeobj::tt;
use crate::value::Value;

/// A range with i64 bounds (ranges beyond i64 are not supported yet).
pub struct RangeObj {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
}
impl Payload for RangeObj {
    const KIND: Kind = Kind::Range;
}

impl RangeObj {
    pub fn len(&self) -> i64 {
        let (lo, hi, st) = (self.start as i128, self.stop as i128, self.step as i128);
        let n = if st > 0 {
            if lo < hi {
                (hi - lo - 1) / st + 1
            } else {
                0
            }
        } else if lo > hi {
            (lo - hi - 1) / (-st) + 1
        } else {
            0
        };
        n as i64
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    pub fn item(&self, i: i64) -> i64 {
        self.start + i * self.step
    }
}

pub fn new_range(start: i64, stop: i64, step: i64) -> Value {
    alloc_obj(RangeObj { start, stop, step }, tt().range)
}
