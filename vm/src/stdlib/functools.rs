//! `_functools`: the native half of `functools` (reduce, cmp_to_key, partial and the
//! lru_cache wrapper); the Python half (update_wrapper, wraps, lru_cache, total_ordering,
//! ...) is the source module py/functools.py, as in CPython.

use crate::builtins::args::{parse_args, positional};
use crate::builtins::MethodTable;
use crate::bytecode::CmpOp;
use crate::error::{self, PyResult};
use crate::object::Header;
use crate::ops;
use crate::types::dict::DictObj;
use crate::types::ext::{ext_ref, new_ext, new_ext_type, receiver};
use crate::types::str::{as_str, intern};
use crate::types::tuple::{as_tuple, new_tuple};
use crate::types::typeobj::type_data_ptr;
use crate::value::Value;
use crate::vm::Vm;
use std::cell::{Cell, OnceCell, RefCell};

struct Types {
    key_wrapper: *const Header,
    partial: *const Header,
    lru: *const Header,
}

thread_local! {
    static TYPES: OnceCell<&'static Types> = const { OnceCell::new() };
}

fn types() -> &'static Types {
    TYPES.with(|c| *c.get_or_init(|| Box::leak(Box::new(make_types()))))
}

fn make_types() -> Types {
    let kw: MethodTable = &[
        ("__call__", key_call),
        ("__lt__", key_lt),
        ("__le__", key_le),
        ("__gt__", key_gt),
        ("__ge__", key_ge),
        ("__eq__", key_eq),
        ("__ne__", key_ne),
        ("__getattr__", key_getattr),
    ];
    let key_wrapper = new_ext_type("KeyWrapper", "functools", std::ptr::null(), kw);
    // Key objects compare but are unhashable, as in CPython.
    DictObj::set_str(
        &type_data_ptr(key_wrapper).dict,
        intern("__hash__"),
        Value::NONE,
    );
    let partial = new_ext_type(
        "partial",
        "functools",
        std::ptr::null(),
        &[
            ("__new__", partial_new),
            ("__call__", partial_call),
            ("__repr__", partial_repr),
            ("__getattribute__", partial_getattribute),
            ("__setattr__", partial_setattr),
            ("__delattr__", partial_delattr),
            ("__reduce__", partial_reduce),
            ("__setstate__", partial_setstate),
        ],
    );
    let lru = new_ext_type(
        "_lru_cache_wrapper",
        "functools",
        std::ptr::null(),
        &[
            ("__new__", lru_new),
            ("__call__", lru_call),
            ("__get__", lru_get),
            ("cache_info", lru_cache_info),
            ("cache_clear", lru_cache_clear),
            ("__copy__", lru_copy),
            ("__deepcopy__", lru_copy),
            ("__getattribute__", lru_getattribute),
            ("__setattr__", lru_setattr),
            ("__delattr__", lru_delattr),
        ],
    );
    Types {
        key_wrapper,
        partial,
        lru,
    }
}

pub fn make(_vm: &mut Vm) -> Value {
    let t = types();
    let m = super::module_with_functions(
        "_functools",
        &[("reduce", reduce), ("cmp_to_key", cmp_to_key)],
    );
    super::set(&m, "partial", unsafe { Value::from_header(t.partial) });
    super::set(&m, "_lru_cache_wrapper", unsafe {
        Value::from_header(t.lru)
    });
    m
}

fn reduce(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = positional("reduce", args, kw, 2, 3)?;
    let it = ops::iter(vm, &a[1])
        .map_err(|_| error::type_error("reduce() arg 2 must support iteration"))?;
    let mut acc = a.get(2).cloned();
    while let Some(x) = ops::next(vm, &it)? {
        acc = Some(match acc {
            None => x,
            Some(v) => vm.call(&a[0], &[v, x], &[])?,
        });
    }
    acc.ok_or_else(|| error::type_error("reduce() of empty iterable with no initial value"))
}

// ---- cmp_to_key ----

/// `cmp_to_key(cmp)` returns a callable wrapper; calling it wraps one object (`obj`).
struct KeyWrapper {
    cmp: Value,
    obj: Option<Value>,
}

fn cmp_to_key(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [mycmp] = parse_args("cmp_to_key", args, kw, ["mycmp"], 1, 1)?;
    Ok(new_ext(
        KeyWrapper {
            cmp: mycmp.cloned().unwrap_or(Value::NONE),
            obj: None,
        },
        types().key_wrapper,
    ))
}

fn key_call(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let k = receiver::<KeyWrapper>(args, "functools.KeyWrapper", "__call__")?;
    let [obj] = parse_args("K", &args[1..], kw, ["obj"], 1, 1)?;
    Ok(new_ext(
        KeyWrapper {
            cmp: k.cmp.clone(),
            obj: obj.cloned(),
        },
        types().key_wrapper,
    ))
}

fn key_compare(vm: &mut Vm, args: &[Value], op: CmpOp) -> PyResult<Value> {
    let a = receiver::<KeyWrapper>(args, "functools.KeyWrapper", "__lt__")?;
    let b = args
        .get(1)
        .and_then(ext_ref::<KeyWrapper>)
        .ok_or_else(|| error::type_error("other argument must be K instance"))?;
    let x = a.obj.clone().unwrap_or(Value::NONE);
    let y = b.obj.clone().unwrap_or(Value::NONE);
    let r = vm.call(&a.cmp, &[x, y], &[])?;
    ops::compare(vm, op, &r, &Value::small_int(0))
}

fn key_lt(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    key_compare(vm, args, CmpOp::Lt)
}
fn key_le(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    key_compare(vm, args, CmpOp::Le)
}
fn key_gt(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    key_compare(vm, args, CmpOp::Gt)
}
fn key_ge(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    key_compare(vm, args, CmpOp::Ge)
}
fn key_eq(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    key_compare(vm, args, CmpOp::Eq)
}
fn key_ne(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    key_compare(vm, args, CmpOp::Ne)
}

fn key_getattr(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let k = receiver::<KeyWrapper>(args, "functools.KeyWrapper", "__getattr__")?;
    let name = args.get(1).cloned().unwrap_or(Value::NONE);
    match (crate::types::str::as_str(&name), &k.obj) {
        (Some("obj"), Some(o)) => Ok(o.clone()),
        _ => Err(ops::attr::attribute_error(&args[0], &name)),
    }
}

// ---- instance dicts of extension objects ----

/// The instance dict of an extension object (created on first use).
fn inst_dict(d: &RefCell<Option<Value>>) -> Value {
    d.borrow_mut()
        .get_or_insert_with(DictObj::new_value)
        .clone()
}

/// Attribute lookup: `__dict__`, then the instance dict, then the type.
fn dict_getattr(
    vm: &mut Vm,
    obj: &Value,
    name: &Value,
    d: &RefCell<Option<Value>>,
) -> PyResult<Value> {
    if as_str(name) == Some("__dict__") {
        return Ok(inst_dict(d));
    }
    let dict = d.borrow().clone();
    if let Some(dict) = dict {
        if let Some(v) = dict
            .downcast::<DictObj>()
            .and_then(|dd| dd.get(vm, name).transpose())
        {
            return v;
        }
    }
    ops::attr::generic_getattr(vm, obj, name)
}

fn dict_setattr(vm: &mut Vm, name: &Value, v: Value, d: &RefCell<Option<Value>>) -> PyResult<()> {
    if as_str(name) == Some("__dict__") {
        return Err(error::type_error(
            "setting __dict__ of this object is not supported",
        ));
    }
    let dict = inst_dict(d);
    dict.downcast::<DictObj>()
        .map_or(Ok(()), |dd| dd.set(vm, name.clone(), v))
}

fn dict_delattr(
    vm: &mut Vm,
    obj: &Value,
    name: &Value,
    d: &RefCell<Option<Value>>,
) -> PyResult<()> {
    let dict = d.borrow().clone();
    if let Some(dd) = dict.as_ref().and_then(|x| x.downcast::<DictObj>()) {
        if dd.remove(vm, name)?.is_some() {
            return Ok(());
        }
    }
    Err(ops::attr::attribute_error(obj, name))
}

fn two_args<'a>(args: &'a [Value], what: &str) -> PyResult<(&'a Value, &'a Value)> {
    match args {
        [a, b, ..] => Ok((a, b)),
        _ => Err(error::type_error(format!(
            "expected 1 argument for {what}, got 0"
        ))),
    }
}

// ---- partial ----

struct Partial {
    /// (func, args tuple, keywords dict); `__setstate__` replaces them (copy, pickle).
    state: RefCell<(Value, Value, Value)>,
    dict: RefCell<Option<Value>>,
}

impl Partial {
    fn func(&self) -> Value {
        self.state.borrow().0.clone()
    }
    fn args(&self) -> Value {
        self.state.borrow().1.clone()
    }
    fn keywords(&self) -> Value {
        self.state.borrow().2.clone()
    }
}

fn partial_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let args = args.get(1..).unwrap_or(&[]);
    let npos = args.len() - kw.len();
    if npos == 0 {
        return Err(error::type_error(
            "type 'partial' takes at least one argument",
        ));
    }
    let mut func = args[0].clone();
    if !ops::callable(&func) {
        return Err(error::type_error("the first argument must be callable"));
    }
    let mut pargs: Vec<Value> = Vec::new();
    let keywords = DictObj::new_value();
    let kd = keywords
        .downcast::<DictObj>()
        .unwrap_or_else(|| unreachable!());
    // A partial of a partial (without instance attributes) is flattened.
    let inner = ext_ref::<Partial>(&func).filter(|p| {
        p.dict
            .borrow()
            .as_ref()
            .and_then(|d| d.downcast::<DictObj>().map(|d| d.is_empty()))
            .unwrap_or(true)
    });
    if let Some(p) = inner {
        pargs.extend(as_tuple(&p.args()).unwrap_or(&[]).iter().cloned());
        if let Some(d) = p.keywords().downcast::<DictObj>() {
            for (k, v) in d.items() {
                kd.set(vm, k, v)?;
            }
        }
        func = p.func();
    }
    pargs.extend(args[1..npos].iter().cloned());
    for (k, v) in kw.iter().zip(&args[npos..]) {
        kd.set(vm, k.clone(), v.clone())?;
    }
    Ok(new_ext(
        Partial {
            state: RefCell::new((func, new_tuple(pargs), keywords)),
            dict: RefCell::new(None),
        },
        types().partial,
    ))
}

fn partial_call(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let p = receiver::<Partial>(args, "functools.partial", "__call__")?;
    let args = &args[1..];
    let npos = args.len() - kw.len();
    let (pfunc, pargs, pkw) = p.state.borrow().clone();
    let stored = as_tuple(&pargs).unwrap_or(&[]);
    let mut all: Vec<Value> = Vec::with_capacity(stored.len() + args.len());
    all.extend(stored.iter().cloned());
    all.extend(args[..npos].iter().cloned());
    let kd = pkw.downcast::<DictObj>();
    if kd.is_none_or(|d| d.is_empty()) {
        all.extend(args[npos..].iter().cloned());
        return vm.call(&pfunc, &all, kw);
    }
    // Stored keywords, overridden by the call's.
    let merged = DictObj::new_value();
    let md = merged
        .downcast::<DictObj>()
        .unwrap_or_else(|| unreachable!());
    for (k, v) in kd.map(|d| d.items()).unwrap_or_default() {
        md.set(vm, k, v)?;
    }
    for (k, v) in kw.iter().zip(&args[npos..]) {
        md.set(vm, k.clone(), v.clone())?;
    }
    let mut names = Vec::with_capacity(md.len());
    for (k, v) in md.items() {
        names.push(k);
        all.push(v);
    }
    vm.call(&pfunc, &all, &names)
}

fn partial_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let p = receiver::<Partial>(args, "functools.partial", "__repr__")?;
    let (pfunc, pargs, pkw) = p.state.borrow().clone();
    let mut parts = vec![ops::repr::repr_string(vm, &pfunc)?];
    for a in as_tuple(&pargs).unwrap_or(&[]) {
        parts.push(ops::repr::repr_string(vm, a)?);
    }
    let items = pkw
        .downcast::<DictObj>()
        .map(|d| d.items())
        .unwrap_or_default();
    for (k, v) in items {
        let k = ops::repr::str_string(vm, &k)?;
        parts.push(format!("{k}={}", ops::repr::repr_string(vm, &v)?));
    }
    Ok(crate::types::str::new_str(format!(
        "{}({})",
        crate::types::type_name(&args[0]),
        parts.join(", ")
    )))
}

/// `(type(p), (func,), (func, args, keywords, __dict__ or None))`, as CPython's.
fn partial_reduce(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let p = receiver::<Partial>(args, "functools.partial", "__reduce__")?;
    let (func, pargs, pkw) = p.state.borrow().clone();
    let dict = p.dict.borrow().clone().unwrap_or(Value::NONE);
    Ok(new_tuple(vec![
        crate::types::typeobj::type_of(&args[0]),
        new_tuple(vec![func.clone()]),
        new_tuple(vec![func, pargs, pkw, dict]),
    ]))
}

fn partial_setstate(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let p = receiver::<Partial>(args, "functools.partial", "__setstate__")?;
    let (_, state) = two_args(args, "__setstate__")?;
    let bad = || error::type_error("invalid partial state");
    let t = as_tuple(state).filter(|t| t.len() == 4).ok_or_else(bad)?;
    if !ops::callable(&t[0])
        || as_tuple(&t[1]).is_none()
        || !(t[2].is_none() || t[2].downcast::<DictObj>().is_some())
    {
        return Err(error::type_error("invalid partial state"));
    }
    // Exact tuple and dict copies, as CPython keeps.
    let pargs = new_tuple(as_tuple(&t[1]).unwrap_or(&[]).to_vec());
    let kw = DictObj::new_value();
    if let Some(d) = t[2].downcast::<DictObj>() {
        for (k, v) in d.items() {
            DictObj::set_str(&kw, k, v);
        }
    }
    *p.state.borrow_mut() = (t[0].clone(), pargs, kw);
    *p.dict.borrow_mut() = if t[3].is_none() {
        None
    } else {
        Some(t[3].clone())
    };
    Ok(Value::NONE)
}

fn partial_getattribute(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let p = receiver::<Partial>(args, "functools.partial", "__getattribute__")?;
    let (obj, name) = two_args(args, "__getattribute__")?;
    match as_str(name) {
        Some("func") => Ok(p.func()),
        Some("args") => Ok(p.args()),
        Some("keywords") => Ok(p.keywords()),
        _ => dict_getattr(vm, obj, name, &p.dict),
    }
}

fn partial_setattr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let p = receiver::<Partial>(args, "functools.partial", "__setattr__")?;
    let (_, name) = two_args(args, "__setattr__")?;
    if matches!(as_str(name), Some("func" | "args" | "keywords")) {
        return Err(error::attribute_error("readonly attribute"));
    }
    let v = args.get(2).cloned().unwrap_or(Value::NONE);
    dict_setattr(vm, name, v, &p.dict)?;
    Ok(Value::NONE)
}

fn partial_delattr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let p = receiver::<Partial>(args, "functools.partial", "__delattr__")?;
    let (obj, name) = two_args(args, "__delattr__")?;
    if matches!(as_str(name), Some("func" | "args" | "keywords")) {
        return Err(error::attribute_error("readonly attribute"));
    }
    dict_delattr(vm, obj, name, &p.dict)?;
    Ok(Value::NONE)
}

// ---- the lru_cache wrapper ----

/// The cache is a dict from call keys to results kept in least-recently-used order (a
/// hit moves its entry to the end; eviction takes the first), which is the order of
/// CPython's linked list.
struct Lru {
    func: Value,
    /// None: unbounded.
    maxsize: Option<usize>,
    typed: bool,
    cache: Value,
    hits: Cell<i64>,
    misses: Cell<i64>,
    cache_info_type: Value,
    dict: RefCell<Option<Value>>,
}

thread_local! {
    /// Separates positional from keyword arguments in cache keys (CPython's kwd_mark).
    static KWD_MARK: Value = crate::types::instance::new_instance(&unsafe {
        Value::from_header(crate::types::tt().object)
    });
}

fn lru_new(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [func, maxsize, typed, info] = parse_args(
        "_lru_cache_wrapper",
        args.get(1..).unwrap_or(&[]),
        kw,
        ["user_function", "maxsize", "typed", "cache_info_type"],
        4,
        4,
    )?;
    let func = func.cloned().unwrap_or(Value::NONE);
    if !ops::callable(&func) {
        return Err(error::type_error("the first argument must be callable"));
    }
    let maxsize = match maxsize {
        Some(m) if m.is_none() => None,
        Some(m) => match crate::types::int::as_int(m) {
            Some(i) => match i.to_i64() {
                Some(n) => Some(n.max(0) as usize),
                None if i.is_negative() => Some(0),
                None => None,
            },
            None => return Err(error::type_error("maxsize should be integer or None")),
        },
        None => None,
    };
    let typed = match typed {
        Some(t) => ops::truthy(_vm, t)?,
        None => false,
    };
    Ok(new_ext(
        Lru {
            func,
            maxsize,
            typed,
            cache: DictObj::new_value(),
            hits: Cell::new(0),
            misses: Cell::new(0),
            cache_info_type: info.cloned().unwrap_or(Value::NONE),
            dict: RefCell::new(None),
        },
        types().lru,
    ))
}

/// CPython's cache key: the lone argument itself for one exact int or str positional
/// argument (untyped, no keywords), else a tuple of the arguments, a marker and the
/// keyword items, plus the argument types when `typed`.
fn make_key(args: &[Value], kwnames: &[Value], typed: bool) -> Value {
    let npos = args.len() - kwnames.len();
    let t = crate::types::tt();
    if !typed && kwnames.is_empty() {
        if npos == 1 {
            let ty = crate::types::type_ptr(&args[0]);
            if ty == t.int || ty == t.str_ {
                return args[0].clone();
            }
        }
        return new_tuple(args.to_vec());
    }
    let mut key: Vec<Value> = args[..npos].to_vec();
    if !kwnames.is_empty() {
        key.push(KWD_MARK.with(|m| m.clone()));
        for (k, v) in kwnames.iter().zip(&args[npos..]) {
            key.push(k.clone());
            key.push(v.clone());
        }
    }
    if typed {
        key.extend(args.iter().map(crate::types::type_of));
    }
    new_tuple(key)
}

fn lru_call(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let l = receiver::<Lru>(args, "functools._lru_cache_wrapper", "__call__")?;
    let call_args = &args[1..];
    if l.maxsize == Some(0) {
        l.misses.set(l.misses.get() + 1);
        return vm.call(&l.func, call_args, kw);
    }
    let cache = l
        .cache
        .downcast::<DictObj>()
        .ok_or_else(|| error::type_error("corrupt lru cache"))?;
    let key = make_key(call_args, kw, l.typed);
    let h = ops::hash(vm, &key)?;
    if let Some(r) = cache.get_hashed(vm, &key, h)? {
        l.hits.set(l.hits.get() + 1);
        if l.maxsize.is_some() {
            // Most recently used: move to the end.
            cache.remove(vm, &key)?;
            cache.set_hashed(vm, key, h, r.clone())?;
        }
        return Ok(r);
    }
    l.misses.set(l.misses.get() + 1);
    let result = vm.call(&l.func, call_args, kw)?;
    let Some(max) = l.maxsize else {
        cache.set_hashed(vm, key, h, result.clone())?;
        return Ok(result);
    };
    // A recursive call may have cached this key meanwhile: keep that entry.
    if cache.get_hashed(vm, &key, h)?.is_some() {
        return Ok(result);
    }
    if cache.len() >= max {
        if let Some((_, oldest, _)) = cache.next_entry(0) {
            cache.remove(vm, &oldest)?;
        }
    }
    cache.set_hashed(vm, key, h, result.clone())?;
    Ok(result)
}

fn lru_get(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    receiver::<Lru>(args, "functools._lru_cache_wrapper", "__get__")?;
    match args.get(1) {
        Some(obj) if !obj.is_none() => Ok(crate::types::func::new_bound_method(
            args[0].clone(),
            obj.clone(),
        )),
        _ => Ok(args[0].clone()),
    }
}

fn lru_cache_info(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let l = receiver::<Lru>(args, "functools._lru_cache_wrapper", "cache_info")?;
    positional("cache_info", &args[1..], kw, 0, 0)?;
    let currsize = l.cache.downcast::<DictObj>().map_or(0, |d| d.len());
    let maxsize = match l.maxsize {
        Some(m) => Value::int(m as i64),
        None => Value::NONE,
    };
    let fields = [
        Value::int(l.hits.get()),
        Value::int(l.misses.get()),
        maxsize,
        Value::int(currsize as i64),
    ];
    vm.call(&l.cache_info_type, &fields, &[])
}

fn lru_cache_clear(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let l = receiver::<Lru>(args, "functools._lru_cache_wrapper", "cache_clear")?;
    positional("cache_clear", &args[1..], kw, 0, 0)?;
    l.hits.set(0);
    l.misses.set(0);
    if let Some(d) = l.cache.downcast::<DictObj>() {
        d.clear();
    }
    Ok(Value::NONE)
}

/// `copy.copy` / `copy.deepcopy` of a cached function is the function itself.
fn lru_copy(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    receiver::<Lru>(args, "functools._lru_cache_wrapper", "__copy__")?;
    Ok(args[0].clone())
}

fn lru_getattribute(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let l = receiver::<Lru>(args, "functools._lru_cache_wrapper", "__getattribute__")?;
    let (obj, name) = two_args(args, "__getattribute__")?;
    dict_getattr(vm, obj, name, &l.dict)
}

fn lru_setattr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let l = receiver::<Lru>(args, "functools._lru_cache_wrapper", "__setattr__")?;
    let (_, name) = two_args(args, "__setattr__")?;
    let v = args.get(2).cloned().unwrap_or(Value::NONE);
    dict_setattr(vm, name, v, &l.dict)?;
    Ok(Value::NONE)
}

fn lru_delattr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let l = receiver::<Lru>(args, "functools._lru_cache_wrapper", "__delattr__")?;
    let (obj, name) = two_args(args, "__delattr__")?;
    dict_delattr(vm, obj, name, &l.dict)?;
    Ok(Value::NONE)
}

/// For `copy`: `(func, args, keywords)` if `v` is a partial object.
pub fn partial_parts(v: &Value) -> Option<(Value, Value, Value)> {
    ext_ref::<Partial>(v).map(|p| p.state.borrow().clone())
}
