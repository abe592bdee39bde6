//! `_weakref`: weak references and proxies.
//!
//! A table maps each weakly referenced object (by address) to its weak references, which
//! the object's header flags with `HAS_WEAKREFS`. When the object is freed,
//! `clear_weakrefs` (called from `finalize::intercept`) empties them and queues their
//! callbacks; a weak reference freed first removes itself from the table.

use crate::builtins::args::Args;
use crate::error::{self, PyErr, PyResult};
use crate::object::{Header, HAS_WEAKREFS};
use crate::ops;
use crate::types::dict::DictObj;
use crate::types::ext::{ext_ref, new_ext_type};
use crate::types::func::NativeFn;
use crate::types::list::new_list;
use crate::types::str::{intern, new_str};
use crate::types::typeobj::{is_subtype, type_data, type_data_ptr, type_ptr};
use crate::types::{tt, type_name};
use crate::value::Value;
use crate::vm::Vm;
use std::cell::{Cell, OnceCell, RefCell};
use std::collections::HashMap;

/// A weak reference (`ref`) or proxy: the referent while it lives.
pub struct WeakRef {
    target: Cell<*const Header>,
    callback: RefCell<Value>,
    hash: Cell<Option<i64>>,
    /// This weak reference's own object (set right after allocation).
    me: Cell<*const Header>,
}

impl Drop for WeakRef {
    fn drop(&mut self) {
        let t = self.target.get();
        if t.is_null() {
            return;
        }
        let me = self.me.get();
        let _ = REFS.try_with(|r| {
            let mut r = r.borrow_mut();
            if let Some(list) = r.get_mut(&(t as usize)) {
                list.retain(|w| *w != me);
                if list.is_empty() {
                    r.remove(&(t as usize));
                    // SAFETY: the referent is alive (its weak references are cleared
                    // before it is freed).
                    unsafe { (*t).flags.set((*t).flags.get() & !HAS_WEAKREFS) };
                }
            }
        });
    }
}

struct Types {
    reference: *const Header,
    proxy: *const Header,
    callable_proxy: *const Header,
}

thread_local! {
    static REFS: RefCell<HashMap<usize, Vec<*const Header>>> = RefCell::new(HashMap::new());
    static TYPES: OnceCell<&'static Types> = const { OnceCell::new() };
}

fn types() -> &'static Types {
    TYPES.with(|c| *c.get_or_init(|| Box::leak(Box::new(make_types()))))
}

const REF_METHODS: &[(&str, NativeFn)] = &[
    ("__new__", ref_new),
    ("__init__", ref_init),
    ("__call__", ref_call),
    ("__hash__", ref_hash),
    ("__eq__", ref_eq),
    ("__ne__", ref_ne),
    ("__repr__", ref_repr),
];

fn make_types() -> Types {
    let reference = new_ext_type("ReferenceType", "weakref", std::ptr::null(), REF_METHODS);
    let cb = crate::types::func::new_native("__callback__", ref_callback);
    let prop = crate::types::descr::new_property(cb, Value::NONE, Value::NONE, Value::NONE);
    DictObj::set_str(&type_data_ptr(reference).dict, intern("__callback__"), prop);
    let proxy = new_ext_type(
        "ProxyType",
        "weakref",
        std::ptr::null(),
        super::weakproxy::METHODS,
    );
    DictObj::set_str(&type_data_ptr(proxy).dict, intern("__hash__"), Value::NONE);
    let callable_proxy = new_ext_type(
        "CallableProxyType",
        "weakref",
        std::ptr::null(),
        super::weakproxy::METHODS,
    );
    let d = &type_data_ptr(callable_proxy).dict;
    DictObj::set_str(d, intern("__hash__"), Value::NONE);
    DictObj::set_str(
        d,
        intern("__call__"),
        crate::types::func::new_native("__call__", super::weakproxy::proxy_call),
    );
    Types {
        reference,
        proxy,
        callable_proxy,
    }
}

/// Values that cannot be weakly referenced (as CPython's types without a weaklist slot).
fn check_referent(v: &Value) -> PyResult<()> {
    use crate::object::Kind;
    let heap_class = v
        .header()
        .is_some_and(|h| h.flags.get() & crate::object::OWNS_TYPE != 0);
    let ok = v.is_ptr()
        && (heap_class
            || !matches!(
                v.kind(),
                Some(
                    Kind::Str
                        | Kind::Tuple
                        | Kind::List
                        | Kind::Dict
                        | Kind::BigInt
                        | Kind::Bytes
                        | Kind::ByteArray
                        | Kind::Range
                        | Kind::Slice
                        | Kind::Singleton
                        | Kind::Iter
                )
            ));
    if ok {
        Ok(())
    } else {
        Err(error::type_error(format!(
            "cannot create weak reference to '{}' object",
            type_name(v)
        )))
    }
}

/// Makes a weak reference (or proxy) of type `ty` (or its subclass `cls`) to `target`.
fn make(target: &Value, callback: Value, ty: *const Header, cls: &Value) -> PyResult<Value> {
    check_referent(target)?;
    let key = target.ptr() as usize;
    // A weak reference without callback is shared, as CPython's.
    if callback.is_none() && cls.ptr() == ty {
        let existing = REFS.with(|r| {
            r.borrow().get(&key).and_then(|l| {
                l.iter().copied().find(|w| {
                    // SAFETY: registered weak references are alive.
                    let wv = unsafe { Value::from_header(*w) };
                    type_ptr(&wv) == ty
                        && ext_ref::<WeakRef>(&wv).is_some_and(|x| x.callback.borrow().is_none())
                })
            })
        });
        if let Some(w) = existing {
            return Ok(unsafe { Value::from_header(w) });
        }
    }
    let w = WeakRef {
        target: Cell::new(target.ptr()),
        callback: RefCell::new(callback),
        hash: Cell::new(None),
        me: Cell::new(std::ptr::null()),
    };
    let v = crate::types::ext::new_ext_of(w, ty, cls)?;
    ext_ref::<WeakRef>(&v).unwrap().me.set(v.ptr());
    REFS.with(|r| r.borrow_mut().entry(key).or_default().push(v.ptr()));
    let h = target.header().unwrap();
    h.flags.set(h.flags.get() | HAS_WEAKREFS);
    Ok(v)
}

/// The referent is being freed: its weak references die and their callbacks are queued.
pub fn clear_weakrefs(p: *const Header) {
    let list = REFS
        .with(|r| r.borrow_mut().remove(&(p as usize)))
        .unwrap_or_default();
    // Callbacks run newest first, as CPython's.
    for w in list.into_iter().rev() {
        // SAFETY: registered weak references are alive.
        let wv = unsafe { Value::from_header(w) };
        if let Some(x) = ext_ref::<WeakRef>(&wv) {
            x.target.set(std::ptr::null());
            let cb = std::mem::replace(&mut *x.callback.borrow_mut(), Value::NONE);
            if !cb.is_none() {
                crate::finalize::queue_callback(wv.clone(), cb);
            }
        }
    }
}

/// The referent of a weak reference or proxy, if alive.
pub fn referent(v: &Value) -> Option<Value> {
    let x = ext_ref::<WeakRef>(v)?;
    let t = x.target.get();
    // SAFETY: a live target is a live object (cleared before it is freed).
    (!t.is_null()).then(|| unsafe { Value::from_header(t) })
}

fn this<'a>(args: &'a [Value], name: &str) -> PyResult<&'a Value> {
    match args.first() {
        Some(v) if ext_ref::<WeakRef>(v).is_some() => Ok(v),
        _ => Err(error::type_error(format!(
            "descriptor '{name}' requires a 'weakref.ReferenceType' object"
        ))),
    }
}

fn ref_new(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("__new__", args, kw);
    let cls = a
        .get(0)
        .ok_or_else(|| error::type_error("ReferenceType.__new__(): not enough arguments"))?;
    if a.len() < 2 || a.len() > 3 {
        return Err(error::type_error(format!(
            "__new__ expected at most 2 arguments, got {}",
            a.len().saturating_sub(1)
        )));
    }
    let cb = a.get(2).cloned().unwrap_or(Value::NONE);
    make(&a.pos[1], cb, types().reference, cls)
}

/// `ref.__init__`: the work is done by `__new__` (subclasses call it with their args).
fn ref_init(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::NONE)
}

fn ref_call(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    Args::new("weakref", &args[args.len().min(1)..], kw).check(0, 0, &[])?;
    Ok(referent(this(args, "__call__")?).unwrap_or(Value::NONE))
}

fn ref_callback(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let x = ext_ref::<WeakRef>(this(args, "__callback__")?).unwrap();
    Ok(x.callback.borrow().clone())
}

fn ref_hash(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let w = this(args, "__hash__")?;
    let x = ext_ref::<WeakRef>(w).unwrap();
    if let Some(h) = x.hash.get() {
        return Ok(Value::int(h));
    }
    let Some(t) = referent(w) else {
        return Err(error::type_error("weak object has gone away"));
    };
    let h = ops::hash(vm, &t)?;
    x.hash.set(Some(h));
    Ok(Value::int(h))
}

fn ref_compare(vm: &mut Vm, args: &[Value], eq: bool) -> PyResult<Value> {
    let w = this(args, if eq { "__eq__" } else { "__ne__" })?;
    let Some(other) = args.get(1) else {
        return Err(error::type_error("expected 1 argument"));
    };
    if ext_ref::<WeakRef>(other).is_none() || !is_subtype(type_ptr(other), types().reference) {
        return Ok(tt().not_implemented.clone());
    }
    match (referent(w), referent(other)) {
        (Some(a), Some(b)) => {
            let r = ops::eq(vm, &a, &b)?;
            Ok(Value::bool(r == eq))
        }
        _ => Ok(Value::bool(w.is(other) == eq)),
    }
}

fn ref_eq(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    ref_compare(vm, args, true)
}

fn ref_ne(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    ref_compare(vm, args, false)
}

fn ref_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let w = this(args, "__repr__")?;
    let Some(t) = referent(w) else {
        return Ok(new_str(format!(
            "<weakref at {:#x}; dead>",
            w.ptr() as usize
        )));
    };
    let name = match ops::getattr(vm, &t, &intern("__name__")) {
        Ok(n) => Some(ops::repr::repr_string(vm, &n)?),
        Err(e) if e.is_instance(tt().attribute_error) => None,
        Err(e) => return Err(e),
    };
    let base = format!(
        "<weakref at {:#x}; to '{}' at {:#x}",
        w.ptr() as usize,
        type_data_ptr(type_ptr(&t)).name,
        t.ptr() as usize
    );
    Ok(new_str(match name {
        Some(n) => format!("{base} ({n})>"),
        None => format!("{base}>"),
    }))
}

fn proxy(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("proxy", args, kw);
    a.check(1, 2, &[])?;
    let target = &a.pos[0];
    let ty = if ops::callable(target) {
        types().callable_proxy
    } else {
        types().proxy
    };
    let cls = unsafe { Value::from_header(ty) };
    make(target, a.get(1).cloned().unwrap_or(Value::NONE), ty, &cls)
}

fn weakrefs_of(v: &Value) -> Vec<Value> {
    REFS.with(|r| {
        r.borrow()
            .get(&(v.ptr() as usize))
            .map(|l| {
                l.iter()
                    .map(|w| unsafe { Value::from_header(*w) })
                    .collect()
            })
            .unwrap_or_default()
    })
}

fn getweakrefcount(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("getweakrefcount", args, kw);
    a.check(1, 1, &[])?;
    let n = if a.pos[0].is_ptr() {
        weakrefs_of(&a.pos[0]).len()
    } else {
        0
    };
    Ok(Value::int(n as i64))
}

fn getweakrefs(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("getweakrefs", args, kw);
    a.check(1, 1, &[])?;
    let l = if a.pos[0].is_ptr() {
        weakrefs_of(&a.pos[0])
    } else {
        vec![]
    };
    Ok(new_list(l))
}

/// `_remove_dead_weakref(dict, key)`: deletes `dict[key]` if it is a dead weak reference.
fn remove_dead_weakref(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("_remove_dead_weakref", args, kw);
    a.check(2, 2, &[])?;
    let Some(d) = a.pos[0].downcast::<DictObj>() else {
        return Err(error::type_error(format!(
            "_remove_dead_weakref() argument 1 must be dict, not {}",
            type_name(&a.pos[0])
        )));
    };
    if let Some(v) = d.get(vm, &a.pos[1])? {
        if ext_ref::<WeakRef>(&v).is_some() && referent(&v).is_none() {
            d.remove(vm, &a.pos[1])?;
        }
    }
    Ok(Value::NONE)
}

/// ReferenceError for a proxy whose referent died.
pub fn dead_proxy() -> PyErr {
    PyErr::new(
        tt().reference_error,
        "weakly-referenced object no longer exists",
    )
}

pub fn make_module(_vm: &mut Vm) -> Value {
    let m = super::module_with_functions(
        "_weakref",
        &[
            ("proxy", proxy),
            ("getweakrefcount", getweakrefcount),
            ("getweakrefs", getweakrefs),
            ("_remove_dead_weakref", remove_dead_weakref),
        ],
    );
    let t = types();
    let r = unsafe { Value::from_header(t.reference) };
    super::set(&m, "ref", r.clone());
    super::set(&m, "ReferenceType", r);
    super::set(&m, "ProxyType", unsafe { Value::from_header(t.proxy) });
    super::set(&m, "CallableProxyType", unsafe {
        Value::from_header(t.callable_proxy)
    });
    let _ = type_data;
    m
}
