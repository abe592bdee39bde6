//! Extension objects: payloads defined by stdlib modules (deque, StringIO, partial, ...).
//!
//! Such a type is created once per thread by its module with `new_ext_type` (immortal, like
//! the builtin types), keeps its methods — including dunders such as `__len__`, `__iter__`,
//! `__repr__` — as native functions in its dict, and its instances hold any Rust value. The
//! generic operations in `ops` reach these objects through the dunders in the type's dict,
//! the same path instances of Python classes take.

use crate::builtins::MethodTable;
use crate::error::{self, PyResult};
use crate::object::{alloc_obj, Header, Kind, Payload};
use crate::types::dict::DictObj;
use crate::types::func::NativeObj;
use crate::types::str::intern;
use crate::types::typeobj::{type_data, type_data_ptr, TypeData};
use crate::types::{tt, type_name};
use crate::value::Value;
use crate::vm::Vm;
use std::any::Any;
use std::cell::{Cell, RefCell};

/// Step function of an extension iterator: `Ok(None)` when exhausted.
pub type NextFn = fn(&mut Vm, &Value) -> PyResult<Option<Value>>;

pub struct ExtObj {
    pub data: Box<dyn Any>,
    /// Set for iterator objects: `ops::next` calls it directly instead of looking up
    /// `__next__` and catching StopIteration, which keeps native iterators cheap in loops.
    pub next: Option<NextFn>,
}
impl Payload for ExtObj {
    const KIND: Kind = Kind::Ext;
}

/// Wraps `data` in a new object of type `ty` (a type made by `new_ext_type`).
pub fn new_ext<T: Any>(data: T, ty: *const Header) -> Value {
    alloc_obj(
        ExtObj {
            data: Box::new(data),
            next: None,
        },
        ty,
    )
}

/// `new_ext` for a native `__new__(cls, ...)`: the object's type is `cls` when it is a
/// Python subclass of `ty` (it then owns a reference to it).
pub fn new_ext_of<T: Any>(data: T, ty: *const Header, cls: &Value) -> PyResult<Value> {
    if cls.ptr() != ty {
        let ok = cls.downcast::<TypeData>().is_some()
            && crate::types::typeobj::is_subtype(cls.ptr(), ty);
        if !ok {
            let tn = &type_data_ptr(ty).name;
            return Err(error::type_error(format!(
                "{tn}.__new__({}): {} is not a subtype of {tn}",
                cls.downcast::<TypeData>()
                    .map_or(type_name(cls).to_string(), |t| t.name.clone()),
                cls.downcast::<TypeData>()
                    .map_or(type_name(cls).to_string(), |t| t.name.clone()),
            )));
        }
    }
    let v = new_ext(data, ty);
    if cls.ptr() != ty && !type_data(cls).is_builtin {
        crate::object::set_heap_type(&v, cls);
    }
    Ok(v)
}

/// Like `new_ext`, for an iterator whose `__next__` is `next` (the type should come from
/// `new_ext_iter_type`).
pub fn new_ext_iter<T: Any>(data: T, ty: *const Header, next: NextFn) -> Value {
    alloc_obj(
        ExtObj {
            data: Box::new(data),
            next: Some(next),
        },
        ty,
    )
}

/// The step function of `v` if it is an extension iterator.
#[inline]
pub fn ext_next(v: &Value) -> Option<NextFn> {
    v.downcast::<ExtObj>().and_then(|e| e.next)
}

/// `args[0]` as the receiver of method `meth` of the extension type whose payload is `T`
/// (a TypeError like CPython's descriptor check otherwise).
pub fn receiver<'a, T: Any>(args: &'a [Value], tname: &str, meth: &str) -> PyResult<&'a T> {
    match args.first() {
        Some(v) => ext_ref::<T>(v).ok_or_else(|| {
            error::type_error(format!(
                "descriptor '{meth}' for '{tname}' objects doesn't apply to a '{}' object",
                type_name(v)
            ))
        }),
        None => Err(error::type_error(format!(
            "descriptor '{meth}' of '{tname}' object needs an argument"
        ))),
    }
}

/// The payload of `v` if it is an extension object holding a `T`.
pub fn ext_ref<T: Any>(v: &Value) -> Option<&T> {
    v.downcast::<ExtObj>()?.data.downcast_ref::<T>()
}

/// Creates an immortal type named `name` (its `__module__` is `module`) deriving from
/// `base` (null for `object`), with the given native methods in its dict. As for CPython's
/// static types, the type's full name is `module.name` (what error messages and reprs
/// show) while `__name__` is the part after the dot. A native `__new__` in `methods` is
/// what calling the type runs (with the type as first argument).
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
        name: if module == "builtins" {
            name.to_string()
        } else {
            format!("{module}.{name}")
        },
        bases: vec![basev],
        mro: RefCell::new(mro),
        dict: dict.clone(),
        layout: Kind::Ext,
        version: Cell::new(1),
        is_builtin: true,
        dispatch: true,
        slots: None,
        hooks: Cell::new((0, 0)),
        ctor: RefCell::new((0, None, None)),
    };
    let v = alloc_obj(data, t.type_);
    for (n, f) in methods {
        let m = alloc_obj(
            NativeObj {
                name: n,
                f: *f,
                self_: Value::UNDEF,
                owner: v.clone(),
                plain: false,
            },
            t.builtin_function,
        );
        DictObj::set_str(&dict, intern(n), m);
    }
    let p = v.ptr();
    std::mem::forget(v); // immortal: instances borrow their type pointer
    p
}

fn iter_self(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    args.first()
        .cloned()
        .ok_or_else(|| error::type_error("descriptor '__iter__' needs an argument"))
}

fn iter_next(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let it = args
        .first()
        .ok_or_else(|| error::type_error("descriptor '__next__' needs an argument"))?;
    let Some(f) = ext_next(it) else {
        return Err(error::type_error(format!(
            "'{}' object is not an iterator",
            type_name(it)
        )));
    };
    f(vm, it)?.ok_or_else(error::stop_iteration)
}

/// `new_ext_type` for iterator types: adds `__iter__` (returning self) and `__next__`
/// (running the instance's step function).
pub fn new_ext_iter_type(name: &str, module: &str, methods: MethodTable) -> *const Header {
    let p = new_ext_type(name, module, std::ptr::null(), methods);
    let tv = unsafe { Value::from_header(p) };
    let dict = type_data(&tv).dict.clone();
    for (n, f) in [
        ("__iter__", iter_self as crate::types::func::NativeFn),
        ("__next__", iter_next),
    ] {
        let m = alloc_obj(
            NativeObj {
                name: n,
                f,
                self_: Value::UNDEF,
                owner: tv.clone(),
                plain: false,
            },
            tt().builtin_function,
        );
        DictObj::set_str(&dict, intern(n), m);
    }
    p
}
