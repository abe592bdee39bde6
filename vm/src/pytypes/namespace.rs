//! `types.SimpleNamespace` and `types.MappingProxyType` (`type.__dict__`).

use crate::builtins::args::Args;
use crate::error::{self, PyResult};
use crate::object::Header;
use crate::ops;
use crate::types::dict::DictObj;
use crate::types::ext::{ext_ref, new_ext, new_ext_of, new_ext_type};
use crate::types::func::NativeFn;
use crate::types::str::{as_str, intern, new_str};
use crate::types::typeobj::{type_data_ptr, type_ptr};
use crate::types::{tt, type_name};
use crate::value::Value;
use crate::vm::Vm;
use std::cell::OnceCell;

struct Types {
    namespace: *const Header,
    proxy: *const Header,
}

thread_local! {
    static TYPES: OnceCell<&'static Types> = const { OnceCell::new() };
}

fn types() -> &'static Types {
    TYPES.with(|c| {
        *c.get_or_init(|| {
            let namespace = new_ext_type("SimpleNamespace", "types", std::ptr::null(), NS_METHODS);
            let proxy = new_ext_type("mappingproxy", "builtins", std::ptr::null(), PROXY_METHODS);
            DictObj::set_str(
                &type_data_ptr(namespace).dict,
                intern("__hash__"),
                Value::NONE,
            );
            Box::leak(Box::new(Types { namespace, proxy }))
        })
    })
}

pub fn namespace_type() -> Value {
    unsafe { Value::from_header(types().namespace) }
}

pub fn proxy_type() -> Value {
    unsafe { Value::from_header(types().proxy) }
}

// ---- SimpleNamespace ----

/// The namespace's attributes.
struct Ns(Value);

const NS_METHODS: &[(&str, NativeFn)] = &[
    ("__new__", ns_new),
    ("__init__", ns_init),
    ("__getattribute__", ns_getattribute),
    ("__setattr__", ns_setattr),
    ("__delattr__", ns_delattr),
    ("__repr__", ns_repr),
    ("__eq__", ns_eq),
    ("__reduce__", ns_reduce),
];

/// A `SimpleNamespace` holding `attrs` (name, value) pairs.
pub fn new_namespace(attrs: &[(&str, Value)]) -> Value {
    let d = DictObj::new_value();
    for (k, v) in attrs {
        DictObj::set_str(&d, intern(k), v.clone());
    }
    new_ext(Ns(d), types().namespace)
}

fn ns_dict(v: &Value) -> PyResult<Value> {
    ext_ref::<Ns>(v)
        .map(|n| n.0.clone())
        .ok_or_else(|| error::type_error("descriptor requires a 'types.SimpleNamespace' object"))
}

/// An object of type `cls` (deriving from the extension type `ty`) whose attributes live
/// in its own dict, as a namespace's (`_thread._local`).
pub fn new_ns_of(ty: *const Header, cls: &Value) -> PyResult<Value> {
    new_ext_of(Ns(DictObj::new_value()), ty, cls)
}

fn ns_new(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let cls = args
        .first()
        .ok_or_else(|| error::type_error("SimpleNamespace.__new__(): not enough arguments"))?;
    new_ext_of(Ns(DictObj::new_value()), types().namespace, cls)
}

fn ns_init(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("SimpleNamespace", args, kw);
    if a.len() > 1 {
        return Err(error::type_error(format!(
            "SimpleNamespace() takes no positional arguments"
        )));
    }
    let d = ns_dict(&a.pos[0])?;
    for (k, v) in a.kwnames.iter().zip(a.kwvals) {
        DictObj::set_str(&d, k.clone(), v.clone());
    }
    Ok(Value::NONE)
}

pub fn ns_getattribute(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (this, name) = (&args[0], &args[1]);
    let d = ns_dict(this)?;
    if as_str(name) == Some("__dict__") {
        return Ok(d);
    }
    // Class attributes (methods, data descriptors of subclasses) first, as object's.
    if let Some(a) = crate::types::typeobj::lookup(type_ptr(this), name) {
        if a.downcast::<crate::types::descr::PropertyObj>().is_some() {
            return ops::attr::bind_descriptor(vm, &a, this);
        }
    }
    if let Some(v) = DictObj::get_str(&d, name) {
        return Ok(v);
    }
    match crate::types::typeobj::lookup(type_ptr(this), name) {
        Some(a) => ops::attr::bind_descriptor(vm, &a, this),
        None if as_str(name) == Some("__class__") => Ok(crate::types::type_of(this)),
        None => Err(ops::attr::attribute_error(this, name)),
    }
}

pub fn ns_setattr(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let d = ns_dict(&args[0])?;
    DictObj::set_str(
        &d,
        crate::types::instance::interned(&args[1]),
        args[2].clone(),
    );
    Ok(Value::NONE)
}

pub fn ns_delattr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let d = ns_dict(&args[0])?;
    if d.downcast::<DictObj>()
        .unwrap()
        .remove(vm, &args[1])?
        .is_none()
    {
        return Err(ops::attr::attribute_error(&args[0], &args[1]));
    }
    Ok(Value::NONE)
}

fn ns_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let this = &args[0];
    let d = ns_dict(this)?;
    let name = if type_ptr(this) == types().namespace {
        "namespace".to_string()
    } else {
        type_data_ptr(type_ptr(this)).name.clone()
    };
    if !crate::ops::repr::enter_repr(this) {
        return Ok(new_str(format!("{name}(...)")));
    }
    let mut parts = vec![];
    let mut err = None;
    for (k, v) in d.downcast::<DictObj>().unwrap().items() {
        match ops::repr::repr_string(vm, &v) {
            Ok(r) => parts.push(format!("{}={r}", as_str(&k).unwrap_or("?"))),
            Err(e) => {
                err = Some(e);
                break;
            }
        }
    }
    crate::ops::repr::leave_repr(this);
    if let Some(e) = err {
        return Err(e);
    }
    Ok(new_str(format!("{name}({})", parts.join(", "))))
}

fn ns_eq(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (a, b) = (&args[0], &args[1]);
    if ext_ref::<Ns>(b).is_none() {
        return Ok(tt().not_implemented.clone());
    }
    let r = ops::eq(vm, &ns_dict(a)?, &ns_dict(b)?)?;
    Ok(Value::bool(r))
}

fn ns_reduce(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let this = &args[0];
    Ok(crate::types::tuple::new_tuple(vec![
        crate::types::type_of(this),
        crate::types::tuple::new_tuple(vec![]),
        ns_dict(this)?,
    ]))
}

// ---- mappingproxy ----

struct Proxy(Value);

const PROXY_METHODS: &[(&str, NativeFn)] = &[
    ("__new__", proxy_new),
    ("__getitem__", p_getitem),
    ("__len__", p_len),
    ("__iter__", p_iter),
    ("__contains__", p_contains),
    ("__repr__", p_repr),
    ("__str__", p_str),
    ("__eq__", p_eq),
    ("__or__", p_or),
    ("__ror__", p_ror),
    ("__reversed__", p_reversed),
    ("get", p_get),
    ("keys", p_keys),
    ("values", p_values),
    ("items", p_items),
    ("copy", p_copy),
];

/// A read-only view of `mapping`.
pub fn new_proxy(mapping: Value) -> Value {
    new_ext(Proxy(mapping), types().proxy)
}

fn mapping(args: &[Value]) -> PyResult<Value> {
    args.first()
        .and_then(ext_ref::<Proxy>)
        .map(|p| p.0.clone())
        .ok_or_else(|| error::type_error("descriptor requires a 'mappingproxy' object"))
}

fn proxy_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("mappingproxy", &args[1..], kw);
    a.check(1, 1, &["mapping"])?;
    let m = a.get(0).or_else(|| a.kw("mapping")).unwrap().clone();
    let is_mapping = m.downcast::<DictObj>().is_some()
        || (crate::ops::dunder::special(&m, "__getitem__").is_some()
            && !matches!(
                m.kind(),
                Some(crate::object::Kind::List | crate::object::Kind::Tuple)
            ));
    if !is_mapping {
        return Err(error::type_error(format!(
            "mappingproxy() argument must be a mapping, not {}",
            type_name(&m)
        )));
    }
    let _ = vm;
    Ok(new_proxy(m))
}

fn call_m(vm: &mut Vm, args: &[Value], name: &str, rest: &[Value]) -> PyResult<Value> {
    let m = mapping(args)?;
    let f = ops::getattr(vm, &m, &intern(name))?;
    vm.call(&f, rest, &[])
}

fn p_getitem(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let m = mapping(args)?;
    ops::getitem(vm, &m, &args[1])
}
fn p_len(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let m = mapping(args)?;
    Ok(Value::int(ops::len(vm, &m)? as i64))
}
fn p_iter(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let m = mapping(args)?;
    ops::iter(vm, &m)
}
fn p_contains(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let m = mapping(args)?;
    Ok(Value::bool(ops::contains(vm, &m, &args[1])?))
}
fn p_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let m = mapping(args)?;
    Ok(new_str(format!(
        "mappingproxy({})",
        ops::repr::repr_string(vm, &m)?
    )))
}
fn p_str(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let m = mapping(args)?;
    ops::to_str(vm, &m)
}
fn p_eq(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let m = mapping(args)?;
    let other = match ext_ref::<Proxy>(&args[1]) {
        Some(p) => p.0.clone(),
        None => args[1].clone(),
    };
    ops::compare(vm, crate::bytecode::CmpOp::Eq, &m, &other)
}
fn p_or(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let m = mapping(args)?;
    let other = ext_ref::<Proxy>(&args[1])
        .map(|p| p.0.clone())
        .unwrap_or(args[1].clone());
    let copy = ops::getattr(vm, &m, &intern("copy"))?;
    let c = vm.call0(&copy)?;
    ops::binary_op(vm, crate::bytecode::BinOp::Or, true, &c, &other)
}
fn p_ror(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let m = mapping(args)?;
    ops::binary_op(vm, crate::bytecode::BinOp::Or, false, &args[1], &m)
}
fn p_reversed(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let m = mapping(args)?;
    let f = DictObj::get_str(&vm.builtins, &intern("reversed")).expect("reversed");
    vm.call1(&f, m)
}
fn p_get(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    call_m(vm, args, "get", &args[1..])
}
fn p_keys(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    call_m(vm, args, "keys", &[])
}
fn p_values(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    call_m(vm, args, "values", &[])
}
fn p_items(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    call_m(vm, args, "items", &[])
}
fn p_copy(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    call_m(vm, args, "copy", &[])
}
