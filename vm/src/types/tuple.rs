//! `tuple`: the items are stored inline after the object header (one allocation per
//! tuple, as CPython's `PyTupleObject`).

use crate::object::{Header, Kind, Obj, Payload};
use crate::types::typeobj::tt;
use crate::value::Value;
use std::alloc::{alloc, dealloc, Layout};
use std::cell::Cell;

/// The payload: the length, then `len` values (not a Rust field: `items` marks where they
/// start).
#[repr(C)]
pub struct TupleObj {
    len: usize,
    items: [Value; 0],
}
impl Payload for TupleObj {
    const KIND: Kind = Kind::Tuple;
}

impl TupleObj {
    #[inline(always)]
    pub fn items(&self) -> &[Value] {
        // SAFETY: `len` values were written after the header when the tuple was made.
        unsafe { std::slice::from_raw_parts(self.items.as_ptr(), self.len) }
    }
}

/// The allocation of a tuple of `n` items.
fn layout(n: usize) -> Layout {
    Layout::new::<Obj<TupleObj>>()
        .extend(Layout::array::<Value>(n).expect("tuple size"))
        .expect("tuple size")
        .0
        .pad_to_align()
}

/// A tuple of exactly `n` items from `items`, of type `ty` (the shared empty tuple is not
/// used: callers handle it).
fn alloc_tuple(n: usize, items: impl Iterator<Item = Value>, ty: *const Header) -> Value {
    let l = layout(n);
    // SAFETY: non-zero size; the header, the length and exactly `n` items are written
    // before the value is made.
    unsafe {
        let p = alloc(l) as *mut Obj<TupleObj>;
        if p.is_null() {
            std::alloc::handle_alloc_error(l);
        }
        std::ptr::addr_of_mut!((*p).header).write(Header {
            rc: Cell::new(1),
            kind: Kind::Tuple,
            flags: Cell::new(0),
            ty: Cell::new(ty),
        });
        std::ptr::addr_of_mut!((*p).data.len).write(n);
        let base = std::ptr::addr_of_mut!((*p).data.items) as *mut Value;
        let mut written = 0;
        for v in items.take(n) {
            base.add(written).write(v);
            written += 1;
        }
        assert_eq!(written, n, "tuple built from a short iterator");
        Value::from_new_ptr(p as *const Header)
    }
}

/// Frees a tuple whose count reached zero (called by `object::dealloc`).
///
/// # Safety
/// `p` is a tuple with refcount 0.
pub(crate) unsafe fn free(p: *const Header) {
    let t = p as *mut Obj<TupleObj>;
    let n = (*t).data.len;
    let base = std::ptr::addr_of_mut!((*t).data.items) as *mut Value;
    std::ptr::drop_in_place(std::ptr::slice_from_raw_parts_mut(base, n));
    dealloc(t as *mut u8, layout(n));
}

thread_local! {
    static EMPTY: Value = alloc_tuple(0, std::iter::empty(), tt().tuple);
}

pub fn new_tuple(items: Vec<Value>) -> Value {
    if items.is_empty() {
        return EMPTY.with(|e| e.clone());
    }
    alloc_tuple(items.len(), items.into_iter(), tt().tuple)
}

/// A tuple of the values `items` yields (exactly `len` of them).
pub fn new_tuple_from(len: usize, items: impl Iterator<Item = Value>) -> Value {
    if len == 0 {
        return EMPTY.with(|e| e.clone());
    }
    alloc_tuple(len, items, tt().tuple)
}

/// A tuple that is never the shared empty tuple (for tuple subclasses' instances).
pub fn new_tuple_fresh(items: Vec<Value>) -> Value {
    alloc_tuple(items.len(), items.into_iter(), tt().tuple)
}

#[inline]
pub fn as_tuple(v: &Value) -> Option<&[Value]> {
    v.downcast::<TupleObj>().map(|t| t.items())
}
