//! `tuple`: an immutable boxed slice.

use crate::object::{alloc_obj, Kind, Payload};
use crate::types::typeobj::tt;
use crate::value::Value;

pub struct TupleObj {
    pub items: Box<[Value]>,
}
impl Payload for TupleObj {
    const KIND: Kind = Kind::Tuple;
}

thread_local! {
    static EMPTY: Value = alloc_obj(TupleObj { items: Box::new([]) }, tt().tuple);
}

pub fn new_tuple(items: Vec<Value>) -> Value {
    if items.is_empty() {
        return EMPTY.with(|e| e.clone());
    }
    alloc_obj(
        TupleObj {
            items: items.into_boxed_slice(),
        },
        tt().tuple,
    )
}

/// A tuple that is never the shared empty tuple (for tuple subclasses' instances).
pub fn new_tuple_fresh(items: Vec<Value>) -> Value {
    alloc_obj(
        TupleObj {
            items: items.into_boxed_slice(),
        },
        tt().tuple,
    )
}

pub fn as_tuple(v: &Value) -> Option<&[Value]> {
    v.downcast::<TupleObj>().map(|t| &*t.items)
}
