//! Classes: the `class` statement (`__build_class__`), creating a class (`type(name, bases,
//! ns)` with C3 linearisation, `__slots__`, `__classcell__`), and instantiation
//! (`__new__` then `__init__`), including subclasses of builtin types.
//!
//! A class whose instances have a builtin payload (a subclass of `list`, `dict`,
//! `Exception`, ...) records that payload kind as its `layout`; its instances are the
//! builtin payload with the class as their (owned) type.

use crate::builtins::args::Args;
use crate::error::{self, PyResult};
use crate::object::{set_heap_type, Header, Kind};
use crate::types::descr::{new_classmethod, new_staticmethod, FuncWrapObj};
use crate::types::dict::DictObj;
use crate::types::func::{FunctionObj, NativeObj};
use crate::types::instance::new_instance;
use crate::types::str::{as_str, intern};
use crate::types::tuple::{as_tuple, new_tuple};
use crate::types::typeobj::{is_subtype, lookup_str, type_data, type_data_ptr, TypeData};
use crate::types::{tt, type_name, type_of, type_ptr};
use crate::value::Value;
use crate::vm::Vm;
use std::cell::{Cell, RefCell};

/// `__build_class__(func, name, *bases, metaclass=None, **kwds)`: runs the class body in a
/// fresh namespace, then calls the metaclass.
pub fn build_class(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::new("__build_class__", args, kwnames);
    if a.len() < 2 {
        return Err(error::type_error("__build_class__: not enough arguments"));
    }
    let body = a.pos[0].clone();
    let name = a.pos[1].clone();
    let orig_bases: Vec<Value> = a.pos[2..].to_vec();
    let bases = update_bases(vm, &orig_bases)?;
    let mut meta = a.kw("metaclass").cloned();
    let mut kw_names = Vec::new();
    let mut kw_vals = Vec::new();
    for (k, v) in a.kwnames.iter().zip(a.kwvals) {
        if as_str(k) != Some("metaclass") {
            kw_names.push(k.clone());
            kw_vals.push(v.clone());
        }
    }
    let explicit_class = meta
        .as_ref()
        .is_some_and(|m| m.downcast::<TypeData>().is_some());
    if meta.is_none() || explicit_class {
        let m = meta
            .take()
            .unwrap_or_else(|| unsafe { Value::from_header(tt().type_) });
        meta = Some(winner_meta(&m, &bases)?);
    }
    let meta = meta.unwrap();
    let bases_t = new_tuple(bases.clone());
    let ns = match crate::ops::getattr(vm, &meta, &intern("__prepare__")) {
        Ok(p) => vm.call(&p, &[name.clone(), bases_t.clone()], &[])?,
        Err(e) if e.is_instance(tt().attribute_error) => DictObj::new_value(),
        Err(e) => return Err(e),
    };
    if ns.downcast::<DictObj>().is_none()
        && crate::ops::dunder::special(&ns, "__getitem__").is_none()
    {
        let mname = crate::ops::getattr(vm, &meta, &intern("__name__"))
            .ok()
            .and_then(|n| as_str(&n).map(str::to_string))
            .unwrap_or_default();
        return Err(error::type_error(format!(
            "{mname}.__prepare__() must return a mapping, not {}",
            type_name(&ns)
        )));
    }
    let f = body
        .downcast::<FunctionObj>()
        .ok_or_else(|| error::type_error("__build_class__: func must be a function"))?;
    vm.run_class_body(&body, f, ns.clone())?;
    if bases.len() != orig_bases.len() || bases.iter().zip(&orig_bases).any(|(a, b)| !a.is(b)) {
        crate::ops::setitem(vm, &ns, intern("__orig_bases__"), new_tuple(orig_bases))?;
    }
    let mut cargs = vec![name, bases_t, ns];
    cargs.extend(kw_vals);
    vm.call(&meta, &cargs, &kw_names)
}

/// The most derived metaclass among `meta` and the bases' types
/// (`_PyType_CalculateMetaclass`).
pub fn winner_meta(meta: &Value, bases: &[Value]) -> PyResult<Value> {
    let mut m = meta.clone();
    for b in bases {
        let bt = type_of(b);
        if is_subtype(m.ptr(), bt.ptr()) {
            continue;
        }
        if is_subtype(bt.ptr(), m.ptr()) {
            m = bt;
        } else {
            return Err(error::type_error(
                "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
            ));
        }
    }
    Ok(m)
}

/// PEP 560: a base that is not a class may stand for others (`__mro_entries__`, as
/// `Generic[T]` does).
fn update_bases(vm: &mut Vm, bases: &[Value]) -> PyResult<Vec<Value>> {
    let mut out = Vec::with_capacity(bases.len());
    for b in bases {
        if b.downcast::<TypeData>().is_some() {
            out.push(b.clone());
            continue;
        }
        let entries = match crate::ops::getattr(vm, b, &intern("__mro_entries__")) {
            Ok(m) => m,
            Err(e) if e.is_instance(tt().attribute_error) => {
                out.push(b.clone());
                continue;
            }
            Err(e) => return Err(e),
        };
        let r = vm.call1(&entries, new_tuple(bases.to_vec()))?;
        let Some(t) = crate::types::tuple::as_tuple(&r) else {
            return Err(error::type_error("__mro_entries__ must return a tuple"));
        };
        out.extend(t.iter().cloned());
    }
    Ok(out)
}

/// C3 linearisation of `bases` (the new class itself excluded).
fn c3_mro(bases: &[Value]) -> PyResult<Vec<Value>> {
    let mut seqs: Vec<Vec<Value>> = bases
        .iter()
        .map(|b| {
            let mut l = vec![b.clone()];
            l.extend(type_data(b).mro.borrow().iter().cloned());
            l
        })
        .collect();
    seqs.push(bases.to_vec());
    let mut out: Vec<Value> = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        // The first head that appears in no tail.
        let head = seqs.iter().map(|s| s[0].clone()).find(|h| {
            !seqs
                .iter()
                .any(|s| s[1..].iter().any(|x| x.ptr() == h.ptr()))
        });
        let Some(h) = head else {
            let names: Vec<String> = bases.iter().map(|b| type_data(b).name.clone()).collect();
            return Err(error::type_error(format!(
                "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                names.join(", ")
            )));
        };
        for s in seqs.iter_mut() {
            if s[0].ptr() == h.ptr() {
                s.remove(0);
            }
        }
        out.push(h);
    }
}

/// Builtin types that cannot be subclassed.
fn is_final(t: *const Header) -> bool {
    let tt = tt();
    [
        tt.bool_,
        tt.none_type,
        tt.range,
        tt.slice,
        tt.function,
        tt.builtin_function,
        tt.method,
        tt.generator,
        tt.coroutine,
        tt.async_generator,
        tt.code,
        tt.cell,
        tt.not_implemented_type,
        tt.ellipsis_type,
    ]
    .contains(&t)
}

/// `type.__new__(meta, name, bases, ns)`.
pub fn new_class(
    vm: &mut Vm,
    meta: &Value,
    name: &str,
    bases: Vec<Value>,
    ns: &Value,
    kw: &[(Value, Value)],
) -> PyResult<Value> {
    let t = tt();
    let bases = if bases.is_empty() {
        vec![unsafe { Value::from_header(t.object) }]
    } else {
        bases
    };
    let mut layout = Kind::Instance;
    for b in &bases {
        let Some(bt) = b.downcast::<TypeData>() else {
            return Err(error::type_error(format!(
                "bases must be types, not {}",
                type_name(b)
            )));
        };
        if is_final(b.ptr()) {
            return Err(error::type_error(format!(
                "type '{}' is not an acceptable base type",
                bt.name
            )));
        }
        if bt.layout == Kind::BigInt && is_subtype(b.ptr(), tt().float) {
            return Err(error::not_implemented_error(format!(
                "subclassing '{}' is not supported yet by pyrun",
                bt.name
            )));
        }
        if bt.layout != Kind::Instance {
            if layout != Kind::Instance && layout != bt.layout {
                return Err(error::type_error(
                    "multiple bases have instance lay-out conflict",
                ));
            }
            layout = bt.layout;
        }
    }
    let mro = c3_mro(&bases)?;
    // The class dict: a copy of the namespace, with CPython's implicit wrappers.
    let dict = DictObj::new_value();
    let mut classcell = None;
    let mut qualname = None;
    let src = ns
        .downcast::<DictObj>()
        .ok_or_else(|| error::type_error("type.__new__() argument 3 must be dict"))?;
    for (k, v) in src.items() {
        match as_str(&k) {
            Some("__classcell__") => classcell = Some(v),
            Some("__qualname__") => qualname = Some(v),
            Some("__new__") if v.downcast::<FunctionObj>().is_some() => {
                DictObj::set_str(&dict, k, new_staticmethod(v))
            }
            Some("__init_subclass__" | "__class_getitem__")
                if v.downcast::<FunctionObj>().is_some() =>
            {
                DictObj::set_str(&dict, k, new_classmethod(v))
            }
            _ => dict.downcast::<DictObj>().unwrap().set(vm, k, v)?,
        }
    }
    let has = |n: &str| DictObj::get_str(&dict, &intern(n)).is_some();
    if !has("__module__") {
        // `type(name, bases, ns)`: the module of the code calling it, as CPython does.
        if let Some(m) = vm
            .frames
            .last()
            .and_then(|f| DictObj::get_str(&f.globals, &intern("__name__")))
        {
            DictObj::set_str(&dict, intern("__module__"), m);
        }
    }
    if has("__eq__") && !has("__hash__") {
        DictObj::set_str(&dict, intern("__hash__"), Value::NONE);
    }
    let slots = slot_names(vm, &dict, &mro)?;
    let data = TypeData {
        name: name.to_string(),
        bases,
        mro: RefCell::new(mro),
        dict: dict.clone(),
        layout,
        version: Cell::new(1),
        is_builtin: false,
        dispatch: true,
        slots,
        hooks: Cell::new((0, 0)),
        ctor: RefCell::new((0, None, None)),
    };
    let cls = crate::object::alloc_obj(data, meta.ptr());
    if !type_data(meta).is_builtin {
        set_heap_type(&cls, meta);
    }
    crate::pytypes::subclasses::register(&cls);
    if let Some(q) = qualname {
        DictObj::set_str(&dict, intern("__qualname__"), q);
    }
    if let Some(cell) = classcell {
        if let Some(c) = cell.downcast::<crate::types::func::CellObj>() {
            *c.v.borrow_mut() = cls.clone();
        }
    }
    // __set_name__ on descriptors, then the parent's __init_subclass__.
    for (k, v) in dict.downcast::<DictObj>().unwrap().items() {
        if let Some(m) = crate::ops::dunder::special(&v, "__set_name__") {
            crate::ops::dunder::call_method(vm, &m, &v, &[cls.clone(), k])?;
        }
    }
    let parent_hook = type_data(&cls)
        .mro
        .borrow()
        .iter()
        .find_map(|b| DictObj::get_str(&type_data(b).dict, &intern("__init_subclass__")));
    if let Some(h) = parent_hook {
        if let Some(w) = h.downcast::<FuncWrapObj>() {
            let names: Vec<Value> = kw.iter().map(|(k, _)| k.clone()).collect();
            let mut args = vec![cls.clone()];
            args.extend(kw.iter().map(|(_, v)| v.clone()));
            vm.call(&w.f, &args, &names)?;
        }
    } else if !kw.is_empty() {
        return Err(error::type_error(format!(
            "{}.__init_subclass__() takes no keyword arguments",
            name
        )));
    }
    Ok(cls)
}

/// The allowed attribute names of a `__slots__` class (None when instances have a dict).
fn slot_names(vm: &mut Vm, dict: &Value, mro: &[Value]) -> PyResult<Option<Vec<Value>>> {
    let Some(s) = DictObj::get_str(dict, &intern("__slots__")) else {
        return Ok(None);
    };
    let mut names = Vec::new();
    let items = if as_str(&s).is_some() {
        vec![s]
    } else {
        crate::ops::collect(vm, &s)?
    };
    for n in items {
        let Some(n) = as_str(&n) else {
            return Err(error::type_error(format!(
                "__slots__ items must be strings, not '{}'",
                type_name(&n)
            )));
        };
        if n == "__dict__" {
            return Ok(None);
        }
        names.push(intern(n));
    }
    for b in mro {
        let bd = type_data(b);
        if bd.is_builtin {
            continue;
        }
        match &bd.slots {
            Some(s) => names.extend(s.iter().cloned()),
            None => return Ok(None),
        }
    }
    Ok(Some(names))
}

/// Calls a class (a heap type, or a builtin type with `__new__` in its dict).
pub fn call_class(vm: &mut Vm, cls: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let meta = type_ptr(cls);
    if meta != tt().type_ {
        if let Some(c) = lookup_str(meta, "__call__") {
            if c.downcast::<FunctionObj>().is_some() {
                let mut full = vec![cls.clone()];
                full.extend_from_slice(args);
                return vm.call(&c, &full, kwnames);
            }
        }
    }
    let p = cls.ptr();
    let (new, init) = constructors(cls);
    let default_new = new.is_none();
    let default_init = init.is_none();
    let npos = args.len();
    let obj = if default_new {
        if npos > 0 && default_init {
            return Err(error::type_error(format!(
                "{}() takes no arguments",
                type_data(cls).name
            )));
        }
        new_instance(cls)
    } else {
        let new = new.unwrap();
        let f = match new.downcast::<FuncWrapObj>() {
            Some(w) => w.f.clone(),
            None => new,
        };
        let mut full = Vec::with_capacity(args.len() + 1);
        full.push(cls.clone());
        full.extend_from_slice(args);
        let o = vm.call(&f, &full, kwnames)?;
        if !crate::types::typeobj::isinstance_ptr(&o, p) {
            return Ok(o);
        }
        o
    };
    if !default_init {
        let r = crate::ops::dunder::call_method_kw(vm, &init.unwrap(), &obj, args, kwnames)?;
        if !r.is_none() {
            return Err(error::type_error(format!(
                "__init__() should return None, not '{}'",
                type_name(&r)
            )));
        }
    }
    Ok(obj)
}

/// The class's own `__new__` and `__init__` (None where object's apply), cached per type
/// epoch.
pub(crate) fn constructors(cls: &Value) -> (Option<Value>, Option<Value>) {
    let td = type_data(cls);
    let epoch = crate::types::typeobj::type_epoch();
    {
        let c = td.ctor.borrow();
        if c.0 == epoch {
            return (c.1.clone(), c.2.clone());
        }
    }
    let p = cls.ptr();
    let new = lookup_str(p, "__new__").filter(|n| !n.is(&object_method("__new__")));
    let init = lookup_str(p, "__init__").filter(|i| !i.is(&object_method("__init__")));
    *td.ctor.borrow_mut() = (epoch, new.clone(), init.clone());
    (new, init)
}

/// `object.<name>` (the native installed by `install`).
fn object_method(name: &str) -> Value {
    DictObj::get_str(&type_data_ptr(tt().object).dict, &intern(name)).unwrap_or(Value::NONE)
}

fn cls_arg<'a>(a: &Args<'a>, what: &str) -> PyResult<&'a Value> {
    match a.get(0) {
        Some(c) if c.downcast::<TypeData>().is_some() => Ok(c),
        Some(c) => Err(error::type_error(format!(
            "{what}(X): X is not a type object ({})",
            type_name(c)
        ))),
        None => Err(error::type_error(format!("{what}(): not enough arguments"))),
    }
}

fn object_new(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("object.__new__", args, kw);
    let cls = cls_arg(&a, "object.__new__")?;
    let td = type_data(cls);
    if td.layout != Kind::Instance {
        return Err(error::type_error(format!(
            "object.__new__({}) is not safe, use {}.__new__()",
            td.name, td.name
        )));
    }
    let has_extra = a.len() > 1 || !a.kwnames.is_empty();
    if has_extra {
        let init = lookup_str(cls.ptr(), "__init__");
        let new = lookup_str(cls.ptr(), "__new__");
        let default_init = init.is_none_or(|i| i.is(&object_method("__init__")));
        let default_new = new.is_none_or(|n| n.is(&object_method("__new__")));
        if default_init || !default_new {
            return Err(error::type_error(format!(
                "{}() takes no arguments",
                td.name
            )));
        }
    }
    Ok(new_instance(cls))
}

fn object_init(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if args.len() > 1 || !kw.is_empty() {
        let ty = type_ptr(&args[0]);
        let init = lookup_str(ty, "__init__");
        let new = lookup_str(ty, "__new__");
        let default_init = init.is_none_or(|i| i.is(&object_method("__init__")));
        let default_new = new.is_none_or(|n| n.is(&object_method("__new__")));
        if !default_init || default_new {
            return Err(error::type_error(
                "object.__init__() takes exactly one argument (the instance to initialize)",
            ));
        }
    }
    Ok(Value::NONE)
}

fn object_setattr(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("__setattr__", args, kw);
    a.check(3, 3, &[])?;
    crate::ops::attr::check_name(&a.pos[1])?;
    crate::ops::attr::generic_setattr(vm, &a.pos[0], &a.pos[1], a.pos[2].clone())?;
    Ok(Value::NONE)
}

fn object_delattr(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("__delattr__", args, kw);
    a.check(2, 2, &[])?;
    crate::ops::attr::check_name(&a.pos[1])?;
    crate::ops::attr::generic_delattr(vm, &a.pos[0], &a.pos[1])?;
    Ok(Value::NONE)
}

fn object_getattribute(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("__getattribute__", args, kw);
    a.check(2, 2, &[])?;
    crate::ops::attr::check_name(&a.pos[1])?;
    crate::ops::attr::generic_getattr(vm, &a.pos[0], &a.pos[1])
}

/// `X.__new__(cls, *args)` for builtin payload types: builds the payload with the builtin
/// constructor and makes `cls` its type. Mutable containers start empty (their
/// `__init__` fills them), as in CPython.
fn builtin_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("__new__", args, kw);
    let cls = cls_arg(&a, "__new__")?.clone();
    let t = tt();
    let layout = type_data(&cls).layout;
    let v = match layout {
        Kind::Exception => crate::types::exc::new_exc(t.base_exception, a.pos[1..].to_vec()),
        Kind::List => crate::types::list::new_list(vec![]),
        Kind::Dict => DictObj::new_value(),
        Kind::Set if !is_subtype(cls.ptr(), t.frozenset) => crate::types::set::new_set(),
        Kind::Tuple => {
            let items = match a.get(1) {
                Some(it) => crate::ops::collect(vm, it)?,
                None => vec![],
            };
            crate::types::tuple::new_tuple_fresh(items)
        }
        Kind::Str => {
            let s = match a.get(1) {
                Some(x) => crate::ops::repr::str_string(vm, x)?,
                None => String::new(),
            };
            crate::types::str::new_str(s)
        }
        // A fresh bytes object from the bytes constructor; a bytearray starts empty and
        // is filled by `bytearray.__init__`.
        Kind::Bytes => {
            let ctor = crate::builtins::constructor_for(t.bytes).unwrap();
            ctor(vm, &args[1..], kw)?
        }
        Kind::ByteArray => crate::types::bytes::new_bytearray(vec![]),
        // An int subclass instance is a heap int whatever its value (it carries its class).
        Kind::BigInt if !is_subtype(cls.ptr(), t.float) => {
            let ctor = crate::builtins::constructor_for(t.int).unwrap();
            let v = ctor(vm, &args[1..], kw)?;
            let big = crate::types::int::as_int(&v)
                .map(|i| i.to_big())
                .unwrap_or_default();
            crate::object::alloc_obj(crate::types::int::BigIntObj::from_big(big), t.int)
        }
        _ => {
            return Err(error::not_implemented_error(format!(
                "subclassing '{}' is not supported yet by pyrun",
                type_name(&cls)
            )))
        }
    };
    if type_data(&cls).is_builtin {
        // `list.__new__(list)`: a plain builtin object.
        if let Some(h) = v.header() {
            h.ty.set(cls.ptr());
        }
        return Ok(v);
    }
    set_heap_type(&v, &cls);
    Ok(v)
}

/// `bytearray.__init__(self, source=..., encoding=..., errors=...)`: refills the buffer.
fn bytearray_init(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let Some(ba) = args
        .first()
        .and_then(|v| v.downcast::<crate::types::bytes::ByteArrayObj>())
    else {
        return Err(error::type_error(
            "descriptor '__init__' requires a 'bytearray' object",
        ));
    };
    let ctor = crate::builtins::constructor_for(tt().bytearray).unwrap();
    let fresh = ctor(vm, &args[1..], kw)?;
    let data = crate::types::bytes::bytes_vec(&fresh).unwrap_or_default();
    *ba.data.borrow_mut() = data;
    Ok(Value::NONE)
}

fn exception_init(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if let Some(e) = crate::types::exc::as_exc(&args[0]) {
        *e.args.borrow_mut() = new_tuple(args[1..].to_vec());
    }
    Ok(Value::NONE)
}

/// `list.__init__` / `dict.__init__` / `set.__init__`: refill through the type's own
/// `clear` and `extend`/`update` methods.
fn container_init(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let this = &args[0];
    let t = tt();
    let base = if crate::types::typeobj::isinstance_ptr(this, t.list) {
        t.list
    } else if crate::types::typeobj::isinstance_ptr(this, t.dict) {
        t.dict
    } else {
        t.set
    };
    let method = |n: &str| DictObj::get_str(&type_data_ptr(base).dict, &intern(n)).unwrap();
    let call_native = |vm: &mut Vm, m: &Value, a: &[Value], k: &[Value]| {
        let n = m.downcast::<NativeObj>().unwrap();
        (n.f)(vm, a, k)
    };
    if base != t.dict && args.len() > 2 {
        return Err(error::type_error(format!(
            "{} expected at most 1 argument, got {}",
            type_data_ptr(base).name,
            args.len() - 1
        )));
    }
    if base != t.dict && !kw.is_empty() {
        return Err(error::type_error(format!(
            "{}() takes no keyword arguments",
            type_data_ptr(base).name
        )));
    }
    call_native(vm, &method("clear"), &args[..1], &[])?;
    if args.len() > 1 {
        let fill = if base == t.list { "extend" } else { "update" };
        call_native(vm, &method(fill), args, kw)?;
    }
    Ok(Value::NONE)
}

fn type_new_method(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("type.__new__", args, kw);
    if a.len() != 4 {
        return Err(error::type_error(
            "type.__new__() takes exactly 3 arguments",
        ));
    }
    let meta = cls_arg(&a, "type.__new__")?;
    let name = as_str(&a.pos[1])
        .ok_or_else(|| error::type_error("type.__new__() argument 1 must be str"))?
        .to_string();
    let bases = as_tuple(&a.pos[2])
        .ok_or_else(|| error::type_error("type.__new__() argument 2 must be tuple"))?
        .to_vec();
    let kws: Vec<(Value, Value)> = a
        .kwnames
        .iter()
        .cloned()
        .zip(a.kwvals.iter().cloned())
        .collect();
    // A more derived metaclass among the bases' types with its own __new__ makes the class.
    let winner = winner_meta(meta, &bases)?;
    if !winner.is(meta) {
        if let Some(n) =
            lookup_str(winner.ptr(), "__new__").filter(|n| n.downcast::<NativeObj>().is_none())
        {
            let f = match n.downcast::<FuncWrapObj>() {
                Some(w) => w.f.clone(),
                None => n,
            };
            let mut full = vec![winner.clone()];
            full.extend_from_slice(&args[1..]);
            return vm.call(&f, &full, kw);
        }
    }
    new_class(vm, &winner, &name, bases, &a.pos[3], &kws)
}

fn type_init_method(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::NONE)
}

fn add(ty: *const Header, name: &'static str, f: crate::types::func::NativeFn) {
    let tv = unsafe { Value::from_header(ty) };
    let m = crate::object::alloc_obj(
        NativeObj {
            name,
            f,
            self_: Value::UNDEF,
            owner: tv.clone(),
            plain: false,
        },
        tt().builtin_function,
    );
    DictObj::set_str(&type_data(&tv).dict, intern(name), m);
}

/// Installs the `__new__`/`__init__`/attribute natives on the builtin types.
pub fn install(t: &crate::types::typeobj::TypeTable) {
    add(t.object, "__new__", object_new);
    add(t.object, "__init__", object_init);
    add(t.object, "__setattr__", object_setattr);
    add(t.object, "__delattr__", object_delattr);
    add(t.object, "__getattribute__", object_getattribute);
    for ty in [
        t.base_exception,
        t.list,
        t.dict,
        t.set,
        t.frozenset,
        t.tuple,
        t.str_,
        t.int,
    ] {
        add(ty, "__new__", builtin_new);
    }
    add(t.base_exception, "__init__", exception_init);
    for ty in [t.list, t.dict, t.set] {
        add(ty, "__init__", container_init);
    }
    add(t.bytes, "__new__", builtin_new);
    add(t.bytearray, "__new__", builtin_new);
    add(t.bytearray, "__init__", bytearray_init);
    add(t.type_, "__new__", type_new_method);
    add(t.type_, "__init__", type_init_method);
}
