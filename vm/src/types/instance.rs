//! Instances of user-defined classes.

use crate::object::{Kind, Payload};
use crate::value::Value;
use std::cell::RefCell;

pub struct InstanceObj {
    /// Strong reference to the class (the header's type pointer is borrowed).
    pub cls: Value,
    pub dict: RefCell<Option<Value>>,
}
impl Payload for InstanceObj {
    const KIND: Kind = Kind::Instance;
}
