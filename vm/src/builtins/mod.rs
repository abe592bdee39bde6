//! The `builtins` namespace, builtin types' methods and constructors, and builtin modules.

pub mod args;
mod bytes_conv;
mod constructors;
mod descriptors;
mod exec;
mod fast_methods;
mod functions;
mod introspect;
mod methods_bytearray;
mod methods_bytes;
mod methods_dict;
mod methods_gen;
mod methods_list;
mod methods_set;
mod methods_str;
mod percent;
mod percent_bytes;
mod unicode_tables;

use crate::error::{self, PyResult};
use crate::object::Header;
use crate::types::dict::DictObj;
use crate::types::func::{NativeFn, NativeObj};
use crate::types::str::intern;
use crate::types::typeobj::TypeTable;
use crate::types::{tt, type_name};
use crate::value::Value;
use crate::vm::Vm;

pub use constructors::constructor_for;
pub use fast_methods::{fast_method, FastMethod};
pub use introspect::dir_of;
pub use methods_gen::thrown_exception;
pub use methods_set::{set_binop, set_inplace_binop, set_update_value};

pub use methods_bytes::find_sub as find_bytes;
pub use percent::percent_format;
pub use percent_bytes::bytes_percent_format;

/// A table of native methods for one builtin type.
pub type MethodTable = &'static [(&'static str, NativeFn)];

fn add_methods(ty: *const Header, methods: MethodTable) {
    let tv = unsafe { Value::from_header(ty) };
    let td = crate::types::typeobj::type_data(&tv);
    for (name, f) in methods {
        // As in CPython: alternate constructors are classmethods, `maketrans` is static
        // (a static native has no owner: it takes no receiver to check).
        let is_static = *name == "maketrans";
        let m = crate::object::alloc_obj(
            NativeObj {
                name,
                f: *f,
                self_: Value::UNDEF,
                owner: if is_static { Value::NONE } else { tv.clone() },
                plain: false,
            },
            tt_fn(),
        );
        let m = match *name {
            "fromkeys" | "from_bytes" | "fromhex" => crate::types::descr::new_classmethod(m),
            "maketrans" => crate::types::descr::new_staticmethod(m),
            _ => m,
        };
        DictObj::set_str(&td.dict, intern(name), m);
    }
}

fn tt_fn() -> *const Header {
    tt().builtin_function
}

/// Fills the dicts of the builtin types (called once per thread, after the type table).
pub fn install_type_methods(t: &TypeTable) {
    add_methods(t.str_, methods_str::METHODS);
    add_methods(t.str_, bytes_conv::STR_METHODS);
    add_methods(t.bytes, methods_bytes::BYTES_METHODS);
    methods_bytearray::install(t.bytearray);
    add_methods(t.list, methods_list::METHODS);
    add_methods(t.dict, methods_dict::METHODS);
    add_methods(t.set, methods_set::SET_METHODS);
    add_methods(t.frozenset, methods_set::FROZENSET_METHODS);
    add_methods(t.tuple, methods_list::TUPLE_METHODS);
    add_methods(t.int, constructors::INT_METHODS);
    add_methods(t.int, bytes_conv::INT_METHODS);
    add_methods(t.float, constructors::FLOAT_METHODS);
    add_methods(t.range, crate::types::range::RANGE_METHODS);
    add_methods(t.generator, methods_gen::METHODS);
    add_methods(t.coroutine, methods_gen::METHODS);
    add_methods(t.coroutine, crate::coro::COROUTINE_METHODS);
    add_methods(t.async_generator, crate::coro::ASYNC_GEN_METHODS);
    crate::class::install(t);
    crate::pytypes::install(t);
    add_methods(t.property, descriptors::PROPERTY_METHODS);
    add_methods(t.dict_keys, methods_dict::VIEW_METHODS);
    add_methods(t.dict_values, methods_dict::VIEW_METHODS);
    add_methods(t.dict_items, methods_dict::VIEW_METHODS);
}

const BUILTINS_DOC: &str = "Built-in functions, exceptions, and other objects.\n\nNoteworthy: None is the `nil' object; Ellipsis represents `...' in slices.";

/// The builtins namespace dict.
pub fn make_builtins_module(vm: &mut Vm) -> Value {
    let _ = vm;
    let d = DictObj::new_value();
    for (name, f) in functions::FUNCTIONS {
        let n = crate::types::func::new_module_function(name, *f);
        DictObj::set_str(&d, intern(name), n);
    }
    let t = tt();
    for (name, p) in t.all() {
        if matches!(
            name,
            "NoneType"
                | "NotImplementedType"
                | "ellipsis"
                | "code"
                | "function"
                | "builtin_function_or_method"
                | "method"
                | "cell"
                | "module"
        ) || name.contains("iterator")
            || name.starts_with("dict_")
            || matches!(name, "generator" | "coroutine" | "async_generator")
        {
            continue;
        }
        DictObj::set_str(&d, intern(name), unsafe { Value::from_header(p) });
    }
    DictObj::set_str(&d, intern("complex"), unsafe {
        Value::from_header(crate::pytypes::complex::complex_type())
    });
    DictObj::set_str(&d, intern("memoryview"), unsafe {
        Value::from_header(crate::pytypes::memoryview::view_type())
    });
    DictObj::set_str(&d, intern("None"), Value::NONE);
    DictObj::set_str(&d, intern("True"), Value::TRUE);
    DictObj::set_str(&d, intern("False"), Value::FALSE);
    DictObj::set_str(&d, intern("NotImplemented"), t.not_implemented.clone());
    DictObj::set_str(&d, intern("Ellipsis"), t.ellipsis.clone());
    DictObj::set_str(&d, intern("__name__"), intern("builtins"));
    for (name, f) in [
        ("dir", introspect::dir as crate::types::func::NativeFn),
        ("__import__", introspect::import),
        ("exit", introspect::exit),
        ("quit", introspect::exit),
        ("breakpoint", introspect::breakpoint),
        ("aiter", introspect::aiter),
        ("anext", introspect::anext),
    ] {
        DictObj::set_str(
            &d,
            intern(name),
            crate::types::func::new_module_function(name, f),
        );
    }
    DictObj::set_str(&d, intern("__debug__"), Value::TRUE);
    DictObj::set_str(
        &d,
        intern("__doc__"),
        crate::types::str::new_str(BUILTINS_DOC),
    );
    DictObj::set_str(&d, intern("__package__"), crate::types::str::new_str(""));
    DictObj::set_str(&d, intern("__loader__"), Value::NONE);
    DictObj::set_str(&d, intern("__spec__"), Value::NONE);
    for alias in ["EnvironmentError", "IOError"] {
        DictObj::set_str(&d, intern(alias), unsafe { Value::from_header(t.os_error) });
    }
    d
}

/// Merges `src` into the dict `dst` (`{**a}` and `f(**a)`; `no_dupes` for the latter).
pub fn dict_merge(vm: &mut Vm, dst: &Value, src: &Value, no_dupes: bool) -> PyResult<()> {
    let d = dst.downcast::<DictObj>().unwrap();
    let items = match src.downcast::<DictObj>() {
        Some(s) => s.items(),
        None if crate::ops::getattr(vm, src, &intern("keys")).is_ok() => {
            let keys = crate::ops::getattr(vm, src, &intern("keys"))?;
            let ks = vm.call0(&keys)?;
            let mut items = vec![];
            for k in crate::ops::collect(vm, &ks)? {
                let v = crate::ops::getitem(vm, src, &k)?;
                items.push((k, v));
            }
            items
        }
        None => {
            if no_dupes {
                return Err(error::type_error(format!(
                    "argument after ** must be a mapping, not {}",
                    type_name(src)
                )));
            }
            return Err(error::type_error(format!(
                "'{}' object is not a mapping",
                type_name(src)
            )));
        }
    };
    for (k, v) in items {
        if no_dupes && d.contains(vm, &k)? {
            let name = crate::types::str::as_str(&k).unwrap_or("?").to_string();
            return Err(error::type_error(format!(
                "got multiple values for keyword argument '{name}'"
            )));
        }
        d.set(vm, k, v)?;
    }
    Ok(())
}
