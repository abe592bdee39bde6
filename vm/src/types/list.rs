//! `list` and `tuple` payloads.

use crate::object::{alloc_obj, Kind, Payload};
use crate::types::typeobj::tt;
use crate::value::Value;
use std::cell::RefCell;

pub struct ListObj {
    pub items: RefCell<Vec<Value>>,
}
impl Payload for ListObj {
    const KIND: Kind = Kind::List;
}

impl ListObj {
    /// Appends `v`; growing past available memory is MemoryError, not an abort.
    #[inline]
    pub fn push(&self, v: Value) -> crate::error::PyResult<()> {
        let mut items = self.items.borrow_mut();
        if items.len() == items.capacity() {
            let extra = items.len().max(4);
            crate::mem::reserve(&mut items, extra)?;
        }
        items.push(v);
        Ok(())
    }
}

pub fn new_list(items: Vec<Value>) -> Value {
    alloc_obj(
        ListObj {
            items: RefCell::new(items),
        },
        tt().list,
    )
}

pub fn as_list(v: &Value) -> Option<&ListObj> {
    v.downcast::<ListObj>()
}
