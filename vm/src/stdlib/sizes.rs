//! `sys.getsizeof` for builtin objects: the sizes CPython 3.11 reports on a 64-bit build
//! (object header, plus 30-bit digits for ints, the compact string layouts, 8-byte item
//! pointers for tuples and lists).

use crate::types::tt;
use crate::value::Value;

pub fn builtin_size(v: &Value) -> Option<usize> {
    let t = tt();
    let ty = crate::types::type_ptr(v);
    if v.is_none() {
        return Some(16);
    }
    if v.as_bool().is_some() {
        return Some(28);
    }
    if ty == t.float {
        return Some(24);
    }
    if ty == t.int {
        let bits = crate::types::int::as_int(v)?.to_big().bits() as usize;
        return Some(24 + 4 * bits.div_ceil(30).max(1));
    }
    if ty == t.str_ {
        let s = crate::types::str::as_str(v)?;
        let max = s.chars().map(|c| c as u32).max().unwrap_or(0);
        let n = s.chars().count();
        return Some(match max {
            0..=0x7f => 49 + n,
            0x80..=0xff => 73 + n,
            0x100..=0xffff => 74 + 2 * (n + 1) - 2,
            _ => 76 + 4 * (n + 1) - 4,
        });
    }
    if ty == t.bytes {
        return Some(33 + crate::types::bytes::as_bytes(v)?.len());
    }
    if ty == t.tuple {
        return Some(40 + 8 * crate::types::tuple::as_tuple(v)?.len());
    }
    if ty == t.list {
        return Some(56 + 8 * crate::types::list::as_list(v)?.items.borrow().len());
    }
    if ty == t.range {
        return Some(48);
    }
    None
}
