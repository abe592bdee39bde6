//! `types.GenericAlias`: what `list[int]` gives. It shows as `list[int]`, calling it calls
//! the origin class, and it exposes `__origin__` / `__args__`.

use crate::error::{self, PyResult};
use crate::object::Header;
use crate::types::ext::{ext_ref, new_ext, new_ext_type};
use crate::types::func::NativeFn;
use crate::types::str::{as_str, new_str};
use crate::types::tuple::{as_tuple, new_tuple};
use crate::types::typeobj::{type_data, TypeData};
use crate::value::Value;
use crate::vm::Vm;
use std::cell::OnceCell;

struct Alias {
    origin: Value,
    args: Value,
}

thread_local! {
    static TYPE: OnceCell<usize> = const { OnceCell::new() };
}

fn alias_type() -> *const Header {
    TYPE.with(|c| {
        *c.get_or_init(|| {
            const METHODS: &[(&str, NativeFn)] = &[
                ("__repr__", alias_repr),
                ("__call__", alias_call),
                ("__eq__", alias_eq),
                ("__getattr__", alias_getattr),
            ];
            new_ext_type("GenericAlias", "types", std::ptr::null(), METHODS) as usize
        })
    }) as *const Header
}

/// Builtin classes that are generic (`list[int]`); others are not subscriptable.
fn is_generic_builtin(cls: &Value) -> bool {
    let td = type_data(cls);
    let module = crate::types::dict::DictObj::get_str(&td.dict, &crate::types::str::intern("__module__"));
    let name = td.name.rsplit('.').next().unwrap_or("");
    match module.as_ref().and_then(as_str) {
        Some("collections") => {
            matches!(name, "deque" | "defaultdict" | "OrderedDict" | "Counter" | "ChainMap")
        }
        _ => td.is_builtin && matches!(name, "list" | "dict" | "tuple" | "set" | "frozenset" | "type"),
    }
}

/// `cls[item]` for a class object.
pub fn class_getitem(vm: &mut Vm, cls: &Value, item: &Value) -> PyResult<Value> {
    if crate::types::typeobj::lookup_str(cls.ptr(), "__class_getitem__").is_some() {
        let name = crate::types::str::intern("__class_getitem__");
        let bound = crate::ops::getattr(vm, cls, &name)?;
        return vm.call(&bound, &[item.clone()], &[]);
    }
    if !is_generic_builtin(cls) {
        return Err(error::type_error(format!(
            "type '{}' is not subscriptable",
            type_data(cls).name.rsplit('.').next().unwrap_or("")
        )));
    }
    let args = match as_tuple(item) {
        Some(_) => item.clone(),
        None => new_tuple(vec![item.clone()]),
    };
    Ok(new_ext(
        Alias {
            origin: cls.clone(),
            args,
        },
        alias_type(),
    ))
}

fn this<'a>(args: &'a [Value], meth: &str) -> PyResult<&'a Alias> {
    crate::types::ext::receiver::<Alias>(args, "types.GenericAlias", meth)
}

/// CPython's `ga_repr_item`: classes as `module.qualname` (builtins bare), `...`, else repr.
fn item_repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    if v.downcast::<TypeData>().is_some() {
        let td = type_data(v);
        let module = crate::types::dict::DictObj::get_str(&td.dict, &crate::types::str::intern("__module__"));
        return Ok(match module.as_ref().and_then(as_str) {
            Some(m) if m != "builtins" && !td.name.contains('.') => format!("{m}.{}", td.name),
            _ => td.name.clone(),
        });
    }
    if v.is(&crate::types::tt().ellipsis) {
        return Ok("...".into());
    }
    if let Some(a) = ext_ref::<Alias>(v) {
        return alias_text(vm, a);
    }
    let r = crate::ops::repr(vm, v)?;
    Ok(as_str(&r).unwrap_or("").to_string())
}

fn alias_text(vm: &mut Vm, a: &Alias) -> PyResult<String> {
    let mut out = item_repr(vm, &a.origin)?;
    out.push('[');
    let items = as_tuple(&a.args).map(|t| t.to_vec()).unwrap_or_default();
    if items.is_empty() {
        out.push_str("()");
    }
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&item_repr(vm, x)?);
    }
    out.push(']');
    Ok(out)
}

fn alias_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let a = this(args, "__repr__")?;
    Ok(new_str(alias_text(vm, a)?))
}

fn alias_call(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let origin = this(args, "__call__")?.origin.clone();
    vm.call(&origin, &args[1..], kw)
}

fn alias_eq(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let a = this(args, "__eq__")?;
    let Some(b) = args.get(1).and_then(ext_ref::<Alias>) else {
        return Ok(crate::types::tt().not_implemented.clone());
    };
    let same = a.origin.is(&b.origin) && crate::ops::eq(vm, &a.args, &b.args)?;
    Ok(Value::bool(same))
}

fn alias_getattr(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let a = this(args, "__getattr__")?;
    match args.get(1).and_then(as_str) {
        Some("__origin__") => Ok(a.origin.clone()),
        Some("__args__") => Ok(a.args.clone()),
        Some(n) => Err(error::attribute_error(format!(
            "'types.GenericAlias' object has no attribute '{n}'"
        ))),
        None => Err(error::type_error("attribute name must be string")),
    }
}
