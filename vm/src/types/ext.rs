//! Extension objects: payloads defined by stdlib modules (deque, StringIO, partial, ...).
//!
//! Such a type is created once per thread by its module with `new_ext_type` (immortal, like
//! the builtin types), keeps its methods — including dunders such as `__len__`, `__iter__`,
//! `__repr__` — as native functions in its dict, and its instances hold any Rust value. The
//! generic operations in `ops` reach these objects through the dunders in the type's dict,
//! the same path instances of Python classes take.

use crate::builtins::MethodTable;
use crate::object::{alloc_obj, Header, Kind, Payload};
use crate::types::dict::DictObj;
use crate::types::func::NativeObj;
use crate::types::str::intern;
use crate::types::tt;
use crate::types::typeobj::{type_data, TypeData};
use crate::value::Value;
use std::any::Any;
use std::cell::{Cell, RefCell};

pub struct ExtObj {
    pub data: Box<dyn Any>,
}
impl Payload for ExtObj {
    const KIND: Kind = Kind::Ext;
}

/// Wraps `data` in a new object of type `ty` (a type made by `new_ext_type`).
pub fn new_ext<T: Any>(data: T, ty: *const Header) -> Value {
    alloc_obj(
        ExtObj {
            data: Box::new(data),
        },
        ty,
    )
}

/// The payload of `v` if it is an extension object holding a `T`.
pub fn ext_ref<T: Any>(v: &Value) -> Option<&T> {
    v.downcast::<ExtObj>()?.data.downcast_ref::<T>()
}

/// Creates an immortal type named `name` (its `__module__` is `module`) deriving from
/// `base` (null for `object`), with the given native methods in its dict.
pub fn new_ext_type(
    name: &str,
    module: &str,
    base: *const Header,
    methods: MethodTable,
) -> *const Header {
    let t = tt();
    let base = if base.is_null() { t.object } else { base };
    let basev = unsafe { Value::from_header(base) };
    let mut mro = vec![basev.clone()];
    mro.extend(type_data(&basev).mro.borrow().iter().cloned());
    let dict = DictObj::new_value();
    DictObj::set_str(&dict, intern("__module__"), intern(module));
    let data = TypeData {
        name: name.to_string(),
        bases: vec![basev],
        mro: RefCell::new(mro),
        dict: dict.clone(),
        layout: Kind::Ext,
        version: Cell::new(1),
        is_builtin: true,
        dispatch: true,
        slots: None,
    };
    let v = alloc_obj(data, t.type_);
    for (n, f) in methods {
        let m = alloc_obj(
            NativeObj {
                name: n,
                f: *f,
                self_: Value::UNDEF,
                owner: v.clone(),
            },
            t.builtin_function,
        );
        DictObj::set_str(&dict, intern(n), m);
    }
    let p = v.ptr();
    std::mem::forget(v); // immortal: instances borrow their type pointer
    p
}
