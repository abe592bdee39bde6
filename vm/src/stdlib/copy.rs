//! The `copy` module: shallow and deep copies with CPython's rules — immutable values are
//! returned as they are; lists, dicts and sets are copied directly; other objects go
//! through `__copy__` / `__deepcopy__(memo)`, or are rebuilt as `cls.__new__(cls, *args)`
//! plus their state (`__getstate__` / `__setstate__` when defined, else the attributes)
//! and, for list and dict subclasses, their items. `deepcopy`'s memo is a dict from
//! `id(obj)` to the copy, shared with `__deepcopy__` methods, so shared references and
//! cycles are preserved.

use crate::builtins::args::Signature;
use crate::error::{self, PyResult};
use crate::object::Kind;
use crate::ops;
use crate::types::dict::DictObj;
use crate::types::func::{new_bound_method, BoundMethodObj};
use crate::types::instance::{interned, InstanceObj};
use crate::types::list::{new_list, ListObj};
use crate::types::set::{new_set_typed, SetObj, SetTable};
use crate::types::str::{as_str, intern};
use crate::types::tuple::{as_tuple, new_tuple};
use crate::types::typeobj::{isinstance_ptr, type_data};
use crate::types::{tt, type_name, type_of, type_ptr};
use crate::value::{Value, PAYLOAD_MASK};
use crate::vm::Vm;

pub fn make(vm: &mut Vm) -> Value {
    let m = super::module_with_functions("copy", &[("copy", copy), ("deepcopy", deepcopy)]);
    // copy.Error (alias copy.error): an Exception subclass defined by the module.
    let ns = DictObj::new_value();
    DictObj::set_str(&ns, intern("__module__"), intern("copy"));
    let bases = new_tuple(vec![unsafe { Value::from_header(tt().exception) }]);
    let meta = unsafe { Value::from_header(tt().type_) };
    if let Ok(err) = vm.call(&meta, &[intern("Error"), bases, ns], &[]) {
        super::set(&m, "Error", err.clone());
        super::set(&m, "error", err);
    }
    m
}

/// `id(v)`, the memo key.
fn id_of(v: &Value) -> Value {
    Value::int((v.bits() & PAYLOAD_MASK) as i64)
}

/// Types whose values both copies return unchanged.
fn is_atomic(v: &Value) -> bool {
    if !v.is_ptr() {
        return true;
    }
    let t = tt();
    let ty = type_ptr(v);
    [
        t.int,
        t.float,
        t.bool_,
        t.str_,
        t.type_,
        t.range,
        t.slice,
        t.function,
        t.builtin_function,
        t.none_type,
        t.ellipsis_type,
        t.not_implemented_type,
        t.code,
    ]
    .contains(&ty)
        || v.kind() == Some(Kind::Type)
        || ty == t.property
}

fn cannot_copy(v: &Value) -> error::PyErr {
    error::type_error(format!("cannot pickle '{}' object", type_name(v)))
}

fn copy(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Signature {
        qualname: "copy",
        params: &["x"],
        defaults: 0,
        kwonly: &[],
    }
    .bind(args, kw)?;
    let x = a[0].cloned().unwrap_or(Value::NONE);
    shallow(vm, &x)
}

fn shallow(vm: &mut Vm, x: &Value) -> PyResult<Value> {
    let t = tt();
    let ty = type_ptr(x);
    if is_atomic(x) || ty == t.tuple || ty == t.frozenset {
        return Ok(x.clone());
    }
    if ty == t.list {
        let items = x.downcast::<ListObj>().map(|l| l.items.borrow().clone());
        return Ok(new_list(items.unwrap_or_default()));
    }
    if ty == t.dict {
        let d = x.downcast::<DictObj>().map(|d| d.table.borrow().clone());
        return Ok(DictObj::from_table(d.unwrap_or_default()));
    }
    if ty == t.set {
        let s = x.downcast::<SetObj>().map(|s| s.table.borrow().clone());
        return Ok(new_set_typed(s.unwrap_or_default(), t.set));
    }
    if let Some(c) = crate::types::typeobj::lookup_str(ty, "__copy__") {
        return ops::dunder::call_method(vm, &c, x, &[]);
    }
    if let Some(b) = x.downcast::<BoundMethodObj>() {
        return Ok(new_bound_method(b.func.clone(), b.self_.clone()));
    }
    reconstruct(vm, x, None)
}

fn deepcopy(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Signature {
        qualname: "deepcopy",
        params: &["x", "memo", "_nil"],
        defaults: 2,
        kwonly: &[],
    }
    .bind(args, kw)?;
    let x = a[0].cloned().unwrap_or(Value::NONE);
    let memo = match a.get(1).copied().flatten() {
        Some(m) if !m.is_none() => m.clone(),
        _ => DictObj::new_value(),
    };
    deep(vm, &x, &memo)
}

/// Records `x -> y` in the memo and keeps `x` alive in it (CPython's `_keep_alive`),
/// unless `x` is its own copy.
fn remember(vm: &mut Vm, x: &Value, y: &Value, memo: &Value) -> PyResult<()> {
    if y.is(x) {
        return Ok(());
    }
    ops::setitem(vm, memo, id_of(x), y.clone())?;
    let key = id_of(memo);
    let keep = match ops::getitem(vm, memo, &key) {
        Ok(l) => l,
        Err(e) if e.is_instance(tt().key_error) => {
            let l = new_list(vec![]);
            ops::setitem(vm, memo, key, l.clone())?;
            l
        }
        Err(e) => return Err(e),
    };
    match keep.downcast::<ListObj>() {
        Some(l) => l.items.borrow_mut().push(x.clone()),
        None => {
            let append = ops::getattr(vm, &keep, &intern("append"))?;
            vm.call(&append, std::slice::from_ref(x), &[])?;
        }
    }
    Ok(())
}

fn memo_get(vm: &mut Vm, x: &Value, memo: &Value) -> PyResult<Option<Value>> {
    if let Some(d) = memo.downcast::<DictObj>() {
        return d.get(vm, &id_of(x));
    }
    match ops::getitem(vm, memo, &id_of(x)) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.is_instance(tt().key_error) => Ok(None),
        Err(e) => Err(e),
    }
}

fn deep(vm: &mut Vm, x: &Value, memo: &Value) -> PyResult<Value> {
    if !x.is_ptr() {
        return Ok(x.clone());
    }
    if let Some(y) = memo_get(vm, x, memo)? {
        return Ok(y);
    }
    let t = tt();
    let ty = type_ptr(x);
    let y = if is_atomic(x) {
        x.clone()
    } else if ty == t.list {
        let y = new_list(vec![]);
        ops::setitem(vm, memo, id_of(x), y.clone())?;
        let mut i = 0;
        loop {
            let item = x
                .downcast::<ListObj>()
                .and_then(|l| l.items.borrow().get(i).cloned());
            let Some(item) = item else { break };
            let c = deep(vm, &item, memo)?;
            if let Some(l) = y.downcast::<ListObj>() {
                l.items.borrow_mut().push(c);
            }
            i += 1;
        }
        y
    } else if ty == t.tuple {
        let items = as_tuple(x).unwrap_or(&[]).to_vec();
        let mut copies = Vec::with_capacity(items.len());
        for item in &items {
            copies.push(deep(vm, item, memo)?);
        }
        // A cycle through this tuple may have produced its copy meanwhile.
        if let Some(y) = memo_get(vm, x, memo)? {
            return Ok(y);
        }
        if copies.iter().zip(&items).all(|(c, i)| c.is(i)) {
            x.clone()
        } else {
            new_tuple(copies)
        }
    } else if ty == t.dict {
        let y = DictObj::new_value();
        ops::setitem(vm, memo, id_of(x), y.clone())?;
        let items = x
            .downcast::<DictObj>()
            .map(|d| d.items())
            .unwrap_or_default();
        for (k, v) in items {
            let k = deep(vm, &k, memo)?;
            let v = deep(vm, &v, memo)?;
            ops::setitem(vm, &y, k, v)?;
        }
        y
    } else if ty == t.set || ty == t.frozenset {
        let items = x
            .downcast::<SetObj>()
            .map(|s| s.items())
            .unwrap_or_default();
        let y = new_set_typed(SetTable::default(), ty);
        for item in items {
            let c = deep(vm, &item, memo)?;
            if let Some(s) = y.downcast::<SetObj>() {
                s.add(vm, c)?;
            }
        }
        y
    } else if let Some(b) = x.downcast::<BoundMethodObj>() {
        let s = deep(vm, &b.self_, memo)?;
        new_bound_method(b.func.clone(), s)
    } else if let Some(c) = crate::types::typeobj::lookup_str(ty, "__deepcopy__") {
        ops::dunder::call_method(vm, &c, x, std::slice::from_ref(memo))?
    } else {
        reconstruct(vm, x, Some(memo))?
    };
    remember(vm, x, &y, memo)?;
    Ok(y)
}

/// A copy of `x`'s arguments or state: deep when there is a memo.
fn maybe_deep(vm: &mut Vm, v: &Value, memo: Option<&Value>) -> PyResult<Value> {
    match memo {
        Some(m) => deep(vm, v, m),
        None => Ok(v.clone()),
    }
}

/// Rebuilds an object that has no copy method of its own (CPython's `__reduce_ex__`
/// plus `_reconstruct`).
fn reconstruct(vm: &mut Vm, x: &Value, memo: Option<&Value>) -> PyResult<Value> {
    if let Some(d) = super::collections::deque_parts(x) {
        return copy_deque(vm, x, d, memo);
    }
    if let Some((f, a, k)) = super::functools::partial_parts(x) {
        return copy_partial(vm, x, (f, a, k), memo);
    }
    let t = tt();
    let cls = type_of(x);
    let td = type_data(&cls);
    let plain_payload = matches!(
        x.kind(),
        Some(Kind::Instance | Kind::List | Kind::Dict | Kind::Tuple | Kind::Str | Kind::Set)
    );
    if td.is_builtin || !plain_payload {
        return Err(cannot_copy(x));
    }
    // Constructor arguments: __getnewargs__, else the value itself for tuple and str
    // subclasses (their `__new__` needs it).
    let args = if let Some(g) = crate::types::typeobj::lookup_str(cls.ptr(), "__getnewargs__") {
        let a = ops::dunder::call_method(vm, &g, x, &[])?;
        as_tuple(&a).map(|s| s.to_vec()).unwrap_or_default()
    } else if isinstance_ptr(x, t.tuple) {
        vec![new_tuple(as_tuple(x).unwrap_or(&[]).to_vec())]
    } else if isinstance_ptr(x, t.str_) {
        vec![crate::types::str::new_str(as_str(x).unwrap_or(""))]
    } else {
        vec![]
    };
    let args = match memo {
        Some(m) => {
            let copied = deep(vm, &new_tuple(args), m)?;
            as_tuple(&copied).map(|s| s.to_vec()).unwrap_or_default()
        }
        None => args,
    };
    let y = if isinstance_ptr(x, t.set) || isinstance_ptr(x, t.frozenset) {
        // Sets rebuild through the class with their items, as set.__reduce__ does.
        let items = x
            .downcast::<SetObj>()
            .map(|s| s.items())
            .unwrap_or_default();
        let items = maybe_deep(vm, &new_list(items), memo)?;
        vm.call(&cls, &[items], &[])?
    } else {
        let new = ops::getattr(vm, &cls, &intern("__new__"))?;
        let mut full = vec![cls.clone()];
        full.extend(args);
        vm.call(&new, &full, &[])?
    };
    if let Some(m) = memo {
        ops::setitem(vm, m, id_of(x), y.clone())?;
    }
    // State: __getstate__() when the class defines it, else the attributes.
    let state = if let Some(g) = crate::types::typeobj::lookup_str(cls.ptr(), "__getstate__") {
        Some(ops::dunder::call_method(vm, &g, x, &[])?)
    } else {
        x.downcast::<InstanceObj>()
            .map(|i| i.items())
            .filter(|items| !items.is_empty())
            .map(|items| {
                let d = DictObj::new_value();
                for (k, v) in items {
                    DictObj::set_str(&d, k, v);
                }
                d
            })
    };
    if let Some(state) = state.filter(|s| !s.is_none()) {
        let state = maybe_deep(vm, &state, memo)?;
        if let Some(s) = crate::types::typeobj::lookup_str(cls.ptr(), "__setstate__") {
            ops::dunder::call_method(vm, &s, &y, &[state])?;
        } else {
            set_state(vm, &y, &state)?;
        }
    }
    if isinstance_ptr(x, t.list) {
        let items = x
            .downcast::<ListObj>()
            .map(|l| l.items.borrow().clone())
            .unwrap_or_default();
        let append = ops::getattr(vm, &y, &intern("append"))?;
        for item in items {
            let c = maybe_deep(vm, &item, memo)?;
            vm.call(&append, &[c], &[])?;
        }
    }
    if isinstance_ptr(x, t.dict) {
        let items = x
            .downcast::<DictObj>()
            .map(|d| d.items())
            .unwrap_or_default();
        for (k, v) in items {
            let k = maybe_deep(vm, &k, memo)?;
            let v = maybe_deep(vm, &v, memo)?;
            ops::setitem(vm, &y, k, v)?;
        }
    }
    Ok(y)
}

/// Applies a state without `__setstate__`: a dict of attributes, or a
/// `(dict, slot dict)` pair; stored directly, as `y.__dict__.update(state)` does.
fn set_state(vm: &mut Vm, y: &Value, state: &Value) -> PyResult<()> {
    let (dict_state, slot_state) = match as_tuple(state) {
        Some([d, s]) => (d.clone(), Some(s.clone())),
        _ => (state.clone(), None),
    };
    if let Some(d) = dict_state.downcast::<DictObj>() {
        for (k, v) in d.items() {
            match y.downcast::<InstanceObj>() {
                Some(inst) => inst.set(interned(&k), v),
                None => ops::setattr(vm, y, &k, v)?,
            }
        }
    } else if !dict_state.is_none() {
        return Err(error::type_error(format!(
            "'{}' object is not a mapping",
            type_name(&dict_state)
        )));
    }
    if let Some(s) = slot_state.as_ref().and_then(|s| s.downcast::<DictObj>()) {
        for (k, v) in s.items() {
            ops::setattr(vm, y, &k, v)?;
        }
    }
    Ok(())
}

fn copy_deque(
    vm: &mut Vm,
    x: &Value,
    maxlen: Option<usize>,
    memo: Option<&Value>,
) -> PyResult<Value> {
    let cls = type_of(x);
    let maxlen = maxlen.map_or(Value::NONE, |m| Value::int(m as i64));
    let y = vm.call(&cls, &[new_list(vec![]), maxlen], &[])?;
    if let Some(m) = memo {
        ops::setitem(vm, m, id_of(x), y.clone())?;
    }
    let items = ops::collect(vm, x)?;
    let append = ops::getattr(vm, &y, &intern("append"))?;
    for item in items {
        let c = maybe_deep(vm, &item, memo)?;
        vm.call(&append, &[c], &[])?;
    }
    Ok(y)
}

fn copy_partial(
    vm: &mut Vm,
    x: &Value,
    (func, args, keywords): (Value, Value, Value),
    memo: Option<&Value>,
) -> PyResult<Value> {
    let func = maybe_deep(vm, &func, memo)?;
    let args = maybe_deep(vm, &args, memo)?;
    let keywords = maybe_deep(vm, &keywords, memo)?;
    let mut full = vec![func];
    full.extend(as_tuple(&args).unwrap_or(&[]).iter().cloned());
    let mut names = Vec::new();
    for (k, v) in keywords
        .downcast::<DictObj>()
        .map(|d| d.items())
        .unwrap_or_default()
    {
        names.push(k);
        full.push(v);
    }
    let y = vm.call(&type_of(x), &full, &names)?;
    let attrs = ops::getattr(vm, x, &intern("__dict__"))?;
    let items = attrs
        .downcast::<DictObj>()
        .map(|d| d.items())
        .unwrap_or_default();
    for (k, v) in items {
        let v = maybe_deep(vm, &v, memo)?;
        ops::setattr(vm, &y, &k, v)?;
    }
    Ok(y)
}
