//! `set` and `frozenset`: the dict table with `None` values.

use crate::error::PyResult;
use crate::object::{alloc_obj, Header, Kind, Payload};
use crate::ops;
use crate::types::dict::{probe, Table};
use crate::types::typeobj::tt;
use crate::value::Value;
use crate::vm::Vm;
use std::cell::RefCell;

pub struct SetObj {
    pub table: RefCell<Table>,
}
impl Payload for SetObj {
    const KIND: Kind = Kind::Set;
}

impl SetObj {
    pub fn len(&self) -> usize {
        self.table.borrow().len()
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    pub fn contains(&self, vm: &mut Vm, key: &Value) -> PyResult<bool> {
        let h = ops::hash(vm, key)?;
        Ok(probe(vm, &self.table, key, h)?.is_some())
    }
    pub fn add(&self, vm: &mut Vm, key: Value) -> PyResult<()> {
        let h = ops::hash(vm, &key)?;
        if probe(vm, &self.table, &key, h)?.is_none() {
            self.table.borrow_mut().insert_new(h, key, Value::NONE);
        }
        Ok(())
    }
    /// Removes `key`; returns whether it was present.
    pub fn discard(&self, vm: &mut Vm, key: &Value) -> PyResult<bool> {
        let h = ops::hash(vm, key)?;
        match probe(vm, &self.table, key, h)? {
            Some(p) => {
                let e = self.table.borrow_mut().remove_at(p);
                drop(e);
                Ok(true)
            }
            None => Ok(false),
        }
    }
    pub fn items(&self) -> Vec<Value> {
        self.table.borrow().iter().map(|e| e.key.clone()).collect()
    }
}

pub fn new_set_typed(items: Table, ty: *const Header) -> Value {
    alloc_obj(
        SetObj {
            table: RefCell::new(items),
        },
        ty,
    )
}
pub fn new_set() -> Value {
    new_set_typed(Table::default(), tt().set)
}
pub fn is_frozen(v: &Value) -> bool {
    v.header().is_some_and(|h| h.ty.get() == tt().frozenset)
}
pub fn as_set(v: &Value) -> Option<&SetObj> {
    v.downcast::<SetObj>()
}
