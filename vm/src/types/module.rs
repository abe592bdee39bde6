//! Module objects.

use crate::object::{alloc_obj, Kind, Payload};
use crate::types::dict::DictObj;
use crate::types::str::intern;
use crate::types::typeobj::tt;
use crate::value::Value;

pub struct ModuleObj {
    pub name: Value,
    pub dict: Value,
}
impl Payload for ModuleObj {
    const KIND: Kind = Kind::Module;
}

pub fn new_module(name: &str, dict: Value) -> Value {
    DictObj::set_str(&dict, intern("__name__"), intern(name));
    alloc_obj(
        ModuleObj {
            name: intern(name),
            dict,
        },
        tt().module,
    )
}
