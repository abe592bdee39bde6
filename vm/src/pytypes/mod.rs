//! Builtin object types the standard library introspects: code, frame and traceback
//! objects, `types.SimpleNamespace`, `mappingproxy`, `GenericAlias`, `UnionType`, and
//! the attribute descriptors of builtin types (`FunctionType.__code__`).

pub mod code;
pub mod complex;
pub mod frames;
pub mod generic_alias;
pub mod memoryview;
pub mod namespace;
pub mod reduce;
pub mod slots;
pub mod structseq;
pub mod subclasses;

use crate::error::{self, PyResult};
use crate::object::Header;
use crate::types::dict::DictObj;
use crate::types::ext::{ext_ref, new_ext, new_ext_type};
use crate::types::func::{new_native, NativeFn};
use crate::types::str::{intern, new_str};
use crate::types::typeobj::{type_data_ptr, TypeTable};
use crate::value::Value;
use crate::vm::Vm;
use std::cell::OnceCell;

/// A builtin type's attribute seen on the class (`FunctionType.__code__`): getting it
/// through an instance is the attribute's value (served by the payload), through the class
/// it is this descriptor, as CPython's getset and member descriptors.
struct AttrDescr {
    name: &'static str,
    owner: &'static str,
    member: bool,
}

struct Types {
    getset: *const Header,
    member: *const Header,
}

thread_local! {
    static TYPES: OnceCell<&'static Types> = const { OnceCell::new() };
}

fn types() -> &'static Types {
    TYPES.with(|c| {
        *c.get_or_init(|| {
            let m: &[(&str, NativeFn)] = &[("__get__", descr_get), ("__repr__", descr_repr)];
            Box::leak(Box::new(Types {
                getset: new_ext_type("getset_descriptor", "builtins", std::ptr::null(), m),
                member: new_ext_type("member_descriptor", "builtins", std::ptr::null(), m),
            }))
        })
    })
}

fn descr_get(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let d =
        ext_ref::<AttrDescr>(&args[0]).ok_or_else(|| error::type_error("descriptor expected"))?;
    match args.get(1) {
        Some(obj) if !obj.is_none() => crate::ops::attr::special_attr(obj, d.name)
            .ok_or_else(|| crate::ops::attr::attribute_error(obj, &intern(d.name))),
        _ => {
            let _ = vm;
            Ok(args[0].clone())
        }
    }
}

fn descr_repr(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let d =
        ext_ref::<AttrDescr>(&args[0]).ok_or_else(|| error::type_error("descriptor expected"))?;
    let kind = if d.member { "member" } else { "attribute" };
    Ok(new_str(format!(
        "<{kind} '{}' of '{}' objects>",
        d.name, d.owner
    )))
}

fn add_descr(ty: *const Header, owner: &'static str, name: &'static str, member: bool) {
    let t = types();
    let v = new_ext(
        AttrDescr {
            name,
            owner,
            member,
        },
        if member { t.member } else { t.getset },
    );
    DictObj::set_str(&type_data_ptr(ty).dict, intern(name), v);
}

fn add(ty: *const Header, name: &'static str, f: NativeFn) {
    let tv = unsafe { Value::from_header(ty) };
    let m = crate::object::alloc_obj(
        crate::types::func::NativeObj {
            name,
            f,
            self_: Value::UNDEF,
            owner: tv,
            plain: false,
        },
        crate::types::tt().builtin_function,
    );
    DictObj::set_str(&type_data_ptr(ty).dict, intern(name), m);
}

/// The `__class_getitem__` classmethod of generic builtin classes (`list[int]`).
pub fn class_getitem_method() -> Value {
    let cg = new_native("__class_getitem__", generic_alias::class_getitem);
    crate::types::descr::new_classmethod(cg)
}

/// Installs the methods and descriptors of this module's concern on the builtin types.
pub fn install(t: &TypeTable) {
    for (name, f) in code::METHODS {
        add(t.code, name, *f);
    }
    add(t.type_, "__subclasses__", subclasses::subclasses);
    memoryview::install();
    add(t.type_, "__or__", generic_alias::type_or);
    add(t.type_, "__ror__", generic_alias::type_ror);
    for ty in [
        t.list,
        t.dict,
        t.tuple,
        t.set,
        t.frozenset,
        t.type_,
        t.enumerate,
    ] {
        DictObj::set_str(
            &type_data_ptr(ty).dict,
            intern("__class_getitem__"),
            class_getitem_method(),
        );
    }
    add(t.base_exception, "with_traceback", frames::with_traceback);
    let prepare = crate::types::descr::new_classmethod(new_native("__prepare__", type_prepare));
    DictObj::set_str(&type_data_ptr(t.type_).dict, intern("__prepare__"), prepare);
    for (name, f) in [
        ("__init_subclass__", init_subclass as NativeFn),
        ("__subclasshook__", subclasshook as NativeFn),
    ] {
        let cm = crate::types::descr::new_classmethod(new_native(name, f));
        DictObj::set_str(&type_data_ptr(t.object).dict, intern(name), cm);
    }
    for name in [
        "__code__",
        "__defaults__",
        "__kwdefaults__",
        "__annotations__",
        "__dict__",
        "__name__",
        "__qualname__",
    ] {
        add_descr(t.function, "function", name, false);
    }
    for name in [
        "__globals__",
        "__closure__",
        "__doc__",
        "__module__",
        "__builtins__",
    ] {
        add_descr(t.function, "function", name, true);
    }
}

/// `type.__prepare__(name, bases, **kwds)`: a fresh dict for the class body.
fn type_prepare(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(DictObj::new_value())
}

/// `object.__init_subclass__`: accepts no keyword arguments.
fn init_subclass(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if !kw.is_empty() || args.len() > 1 {
        let name = args
            .first()
            .and_then(|c| c.downcast::<crate::types::typeobj::TypeData>())
            .map(|t| t.name.clone())
            .unwrap_or_default();
        return Err(error::type_error(format!(
            "{name}.__init_subclass__() takes no keyword arguments"
        )));
    }
    Ok(Value::NONE)
}

/// `object.__subclasshook__`: NotImplemented (the ABC machinery decides).
fn subclasshook(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(crate::types::tt().not_implemented.clone())
}

/// `sys._getframe([depth])`.
pub fn sys_getframe(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = crate::builtins::args::Args::new("_getframe", args, kw);
    a.check(0, 1, &[])?;
    let depth = match a.get(0) {
        Some(d) => crate::builtins::args::to_i64(d, "")?,
        None => 0,
    };
    if depth < 0 {
        return frames::frame_at_depth(vm, 0)
            .ok_or_else(|| error::value_error("call stack is not deep enough"));
    }
    frames::frame_at_depth(vm, depth as usize)
        .ok_or_else(|| error::value_error("call stack is not deep enough"))
}
