//! Descriptor objects: `property`, `classmethod`, `staticmethod`, and `super` proxies.

use crate::object::{alloc_obj, Kind, Payload};
use crate::types::tt;
use crate::value::Value;

pub struct PropertyObj {
    pub fget: Value,
    pub fset: Value,
    pub fdel: Value,
    pub doc: Value,
}
impl Payload for PropertyObj {
    const KIND: Kind = Kind::Property;
}

/// `classmethod(f)` and `staticmethod(f)` (told apart by their type).
pub struct FuncWrapObj {
    pub f: Value,
}
impl Payload for FuncWrapObj {
    const KIND: Kind = Kind::FuncWrap;
}

/// `super(this, obj)`: attribute lookup in `obj_type`'s MRO after `this`.
pub struct SuperObj {
    pub this: Value,
    pub obj: Value,
    /// `type(obj)`, or `obj` itself when it is a class (super() in a classmethod).
    pub obj_type: Value,
}
impl Payload for SuperObj {
    const KIND: Kind = Kind::Super;
}

pub fn new_property(fget: Value, fset: Value, fdel: Value, doc: Value) -> Value {
    alloc_obj(
        PropertyObj {
            fget,
            fset,
            fdel,
            doc,
        },
        tt().property,
    )
}

pub fn new_classmethod(f: Value) -> Value {
    alloc_obj(FuncWrapObj { f }, tt().classmethod)
}

pub fn new_staticmethod(f: Value) -> Value {
    alloc_obj(FuncWrapObj { f }, tt().staticmethod)
}

pub fn is_classmethod(v: &Value) -> bool {
    v.downcast::<FuncWrapObj>().is_some() && crate::types::type_ptr(v) == tt().classmethod
}

pub fn is_staticmethod(v: &Value) -> bool {
    v.downcast::<FuncWrapObj>().is_some() && crate::types::type_ptr(v) == tt().staticmethod
}
