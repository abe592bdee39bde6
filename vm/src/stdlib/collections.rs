//! `_collections`: the native half of `collections` — `deque` (a VecDeque), the
//! `_tuplegetter` field descriptor of named tuples and the `_count_elements` loop of
//! `Counter`. The classes written in Python (namedtuple, Counter, OrderedDict,
//! defaultdict) are in py/collections.py.

use crate::builtins::args::{parse_args, positional};
use crate::bytecode::{BinOp, CmpOp};
use crate::error::{self, PyResult};
use crate::object::Header;
use crate::ops;
use crate::types::dict::DictObj;
use crate::types::ext::{
    ext_ref, new_ext, new_ext_iter, new_ext_iter_type, new_ext_type, receiver,
};
use crate::types::int::as_int;
use crate::types::str::{as_str, intern, new_str};
use crate::types::tuple::{as_tuple, new_tuple};
use crate::types::typeobj::type_data_ptr;
use crate::types::{tt, type_name, type_ptr};
use crate::value::Value;
use crate::vm::Vm;
use std::cell::{Cell, OnceCell, RefCell};
use std::collections::VecDeque;

struct Types {
    deque: *const Header,
    deque_iter: *const Header,
    deque_rev_iter: *const Header,
    tuplegetter: *const Header,
}

thread_local! {
    static TYPES: OnceCell<&'static Types> = const { OnceCell::new() };
    /// Deques whose repr is being built (a deque inside itself shows as `[...]`).
    static REPR_ACTIVE: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
}

fn types() -> &'static Types {
    TYPES.with(|c| *c.get_or_init(|| Box::leak(Box::new(make_types()))))
}

const DEQUE_METHODS: &[(&str, crate::types::func::NativeFn)] = &[
    ("__new__", deque_new),
    ("append", deque_append),
    ("appendleft", deque_appendleft),
    ("pop", deque_pop),
    ("popleft", deque_popleft),
    ("extend", deque_extend),
    ("extendleft", deque_extendleft),
    ("rotate", deque_rotate),
    ("clear", deque_clear),
    ("copy", deque_copy),
    ("__copy__", deque_copy),
    ("__reduce__", deque_reduce),
    ("count", deque_count),
    ("index", deque_index),
    ("insert", deque_insert),
    ("remove", deque_remove),
    ("reverse", deque_reverse),
    ("__len__", deque_len),
    ("__iter__", deque_iter),
    ("__reversed__", deque_reversed),
    ("__getitem__", deque_getitem),
    ("__setitem__", deque_setitem),
    ("__delitem__", deque_delitem),
    ("__contains__", deque_contains),
    ("__repr__", deque_repr),
    ("__eq__", deque_eq),
    ("__ne__", deque_ne),
    ("__lt__", deque_lt),
    ("__le__", deque_le),
    ("__gt__", deque_gt),
    ("__ge__", deque_ge),
    ("__add__", deque_add),
    ("__mul__", deque_mul),
    ("__rmul__", deque_mul),
    ("__iadd__", deque_iadd),
    ("__imul__", deque_imul),
    ("__getattr__", deque_getattr),
];

fn make_types() -> Types {
    let deque = new_ext_type("deque", "collections", std::ptr::null(), DEQUE_METHODS);
    // Deques are mutable: unhashable.
    DictObj::set_str(&type_data_ptr(deque).dict, intern("__hash__"), Value::NONE);
    Types {
        deque,
        deque_iter: new_ext_iter_type("_deque_iterator", "collections", &[]),
        deque_rev_iter: new_ext_iter_type("_deque_reverse_iterator", "collections", &[]),
        tuplegetter: new_ext_type(
            "_tuplegetter",
            "collections",
            std::ptr::null(),
            &[
                ("__new__", tuplegetter_new),
                ("__get__", tuplegetter_get),
                ("__set__", tuplegetter_set),
                ("__delete__", tuplegetter_delete),
                ("__repr__", tuplegetter_repr),
            ],
        ),
    }
}

pub fn make(vm: &mut Vm) -> Value {
    let t = types();
    let m = super::module_with_functions(
        "_collections",
        &[
            ("_count_elements", count_elements),
            ("_caller_module", caller_module),
        ],
    );
    DictObj::set_str(
        &type_data_ptr(t.deque).dict,
        intern("__class_getitem__"),
        crate::pytypes::class_getitem_method(),
    );
    super::set(&m, "deque", unsafe { Value::from_header(t.deque) });
    super::set(&m, "defaultdict", super::defaultdict::defaultdict_type(vm));
    super::set(&m, "_tuplegetter", unsafe {
        Value::from_header(t.tuplegetter)
    });
    m
}

// ---- deque ----

struct Deque {
    items: RefCell<VecDeque<Value>>,
    maxlen: Option<usize>,
    /// Bumped by every mutation that invalidates iterators (CPython's `state`).
    state: Cell<u64>,
}

impl Deque {
    fn len(&self) -> usize {
        self.items.borrow().len()
    }
    fn touch(&self) {
        self.state.set(self.state.get().wrapping_add(1));
    }
    fn get(&self, i: usize) -> Option<Value> {
        self.items.borrow().get(i).cloned()
    }
    /// Appends on the right, dropping from the left when full.
    fn push_back(&self, v: Value) {
        let dropped = {
            let mut items = self.items.borrow_mut();
            if self.maxlen == Some(0) {
                return;
            }
            items.push_back(v);
            match self.maxlen {
                Some(m) if items.len() > m => items.pop_front(),
                _ => None,
            }
        };
        self.touch();
        drop(dropped);
    }
    /// Appends on the left, dropping from the right when full.
    fn push_front(&self, v: Value) {
        let dropped = {
            let mut items = self.items.borrow_mut();
            if self.maxlen == Some(0) {
                return;
            }
            items.push_front(v);
            match self.maxlen {
                Some(m) if items.len() > m => items.pop_back(),
                _ => None,
            }
        };
        self.touch();
        drop(dropped);
    }
}

fn this(args: &[Value]) -> PyResult<&Deque> {
    receiver::<Deque>(args, "collections.deque", "method")
}

fn new_deque(items: VecDeque<Value>, maxlen: Option<usize>) -> Value {
    new_ext(
        Deque {
            items: RefCell::new(items),
            maxlen,
            state: Cell::new(0),
        },
        types().deque,
    )
}

fn deque_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [iterable, maxlen] = parse_args(
        "deque",
        args.get(1..).unwrap_or(&[]),
        kw,
        ["iterable", "maxlen"],
        0,
        2,
    )?;
    let maxlen = match maxlen {
        Some(m) if !m.is_none() => {
            let n = as_int(m)
                .ok_or_else(|| error::type_error("an integer is required"))?
                .to_i64()
                .ok_or_else(|| {
                    error::overflow_error("Python int too large to convert to C ssize_t")
                })?;
            if n < 0 {
                return Err(error::value_error("maxlen must be non-negative"));
            }
            Some(n as usize)
        }
        _ => None,
    };
    let d = new_deque(VecDeque::new(), maxlen);
    if let Some(src) = iterable {
        extend(vm, &d, src, false)?;
    }
    Ok(d)
}

fn deque_append(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let d = this(args)?;
    let a = positional("append", &args[1..], kw, 1, 1)?;
    d.push_back(a[0].clone());
    Ok(Value::NONE)
}

fn deque_appendleft(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let d = this(args)?;
    let a = positional("appendleft", &args[1..], kw, 1, 1)?;
    d.push_front(a[0].clone());
    Ok(Value::NONE)
}

fn empty_pop() -> error::PyErr {
    error::index_error("pop from an empty deque")
}

fn deque_pop(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let d = this(args)?;
    positional("pop", &args[1..], kw, 0, 0)?;
    let v = d.items.borrow_mut().pop_back().ok_or_else(empty_pop)?;
    d.touch();
    Ok(v)
}

fn deque_popleft(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let d = this(args)?;
    positional("popleft", &args[1..], kw, 0, 0)?;
    let v = d.items.borrow_mut().pop_front().ok_or_else(empty_pop)?;
    d.touch();
    Ok(v)
}

/// Adds the items of `src` one at a time (the source may be a generator that looks at
/// the deque); a deque extended by itself uses a snapshot.
fn extend(vm: &mut Vm, dv: &Value, src: &Value, left: bool) -> PyResult<()> {
    let d = ext_ref::<Deque>(dv).ok_or_else(|| error::type_error("not a deque"))?;
    if src.is(dv) {
        let snapshot: Vec<Value> = d.items.borrow().iter().cloned().collect();
        for v in snapshot {
            if left {
                d.push_front(v);
            } else {
                d.push_back(v);
            }
        }
        return Ok(());
    }
    let it = ops::iter(vm, src)?;
    while let Some(v) = ops::next(vm, &it)? {
        if left {
            d.push_front(v);
        } else {
            d.push_back(v);
        }
    }
    Ok(())
}

fn deque_extend(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    this(args)?;
    let a = positional("extend", &args[1..], kw, 1, 1)?;
    extend(vm, &args[0], &a[0], false)?;
    Ok(Value::NONE)
}

fn deque_extendleft(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    this(args)?;
    let a = positional("extendleft", &args[1..], kw, 1, 1)?;
    extend(vm, &args[0], &a[0], true)?;
    Ok(Value::NONE)
}

fn deque_rotate(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let d = this(args)?;
    let a = positional("rotate", &args[1..], kw, 0, 1)?;
    let n = match a.first() {
        Some(v) => {
            let i = ops::index(vm, v)?;
            as_int(&i).and_then(|i| i.to_i64()).ok_or_else(|| {
                error::overflow_error("Python int too large to convert to C ssize_t")
            })?
        }
        None => 1,
    };
    let mut items = d.items.borrow_mut();
    let len = items.len() as i64;
    if len > 1 {
        let k = n.rem_euclid(len) as usize;
        items.rotate_right(k);
    }
    drop(items);
    d.touch();
    Ok(Value::NONE)
}

fn deque_clear(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let d = this(args)?;
    positional("clear", &args[1..], kw, 0, 0)?;
    let old = std::mem::take(&mut *d.items.borrow_mut());
    d.touch();
    drop(old);
    Ok(Value::NONE)
}

fn deque_copy(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let d = this(args)?;
    positional("copy", &args[1..], kw, 0, 0)?;
    Ok(new_deque(d.items.borrow().clone(), d.maxlen))
}

/// `(type(d), ((), maxlen) or (), __dict__ or None, iter(d))`, as CPython's deque_reduce.
fn deque_reduce(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let d = this(args)?;
    positional("__reduce__", &args[1..], kw, 0, 0)?;
    let cls = crate::types::typeobj::type_of(&args[0]);
    let newargs = match d.maxlen {
        Some(m) => new_tuple(vec![new_tuple(vec![]), Value::int(m as i64)]),
        None => new_tuple(vec![]),
    };
    let state = crate::object::side_dict(&args[0], false).unwrap_or(Value::NONE);
    let it = ops::iter(vm, &args[0])?;
    Ok(new_tuple(vec![cls, newargs, state, it]))
}

fn mutated() -> error::PyErr {
    error::runtime_error("deque mutated during iteration")
}

/// Index of the first item equal to `x` in `start..stop`, checking for mutation by the
/// comparisons as CPython does.
fn find(vm: &mut Vm, d: &Deque, x: &Value, start: usize, stop: usize) -> PyResult<Option<usize>> {
    let state = d.state.get();
    let n = d.len();
    for i in start..stop.min(n) {
        let Some(item) = d.get(i) else { break };
        let same = item.is(x) || ops::eq(vm, &item, x)?;
        if d.state.get() != state || d.len() != n {
            return Err(mutated());
        }
        if same {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

fn deque_count(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let d = this(args)?;
    let a = positional("count", &args[1..], kw, 1, 1)?;
    let state = d.state.get();
    let mut count = 0;
    for i in 0..d.len() {
        let Some(item) = d.get(i) else { break };
        if item.is(&a[0]) || ops::eq(vm, &item, &a[0])? {
            count += 1;
        }
        if d.state.get() != state {
            return Err(mutated());
        }
    }
    Ok(Value::int(count))
}

/// A slice-style bound for `index(x, start, stop)`: negative counts from the end.
fn bound(vm: &mut Vm, v: Option<&Value>, len: usize, dflt: usize) -> PyResult<usize> {
    let Some(v) = v else {
        return Ok(dflt);
    };
    let i = ops::index(vm, v)?;
    let i = as_int(&i).and_then(|i| i.to_i64()).unwrap_or(
        if as_int(&i).is_some_and(|i| i.is_negative()) {
            i64::MIN
        } else {
            i64::MAX
        },
    );
    let len = len as i64;
    Ok(if i < 0 { (i + len).max(0) } else { i.min(len) } as usize)
}

fn not_in_deque(vm: &mut Vm, x: &Value) -> PyResult<error::PyErr> {
    let r = ops::repr::repr_string(vm, x)?;
    Ok(error::value_error(format!("{r} is not in deque")))
}

fn deque_index(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let d = this(args)?;
    let a = positional("index", &args[1..], kw, 1, 3)?;
    let n = d.len();
    let start = bound(vm, a.get(1), n, 0)?;
    let stop = bound(vm, a.get(2), n, n)?;
    match find(vm, d, &a[0], start, stop)? {
        Some(i) => Ok(Value::int(i as i64)),
        None => Err(not_in_deque(vm, &a[0])?),
    }
}

fn deque_insert(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let d = this(args)?;
    let a = positional("insert", &args[1..], kw, 2, 2)?;
    let i = ops::index(vm, &a[0])?;
    let i = as_int(&i)
        .and_then(|i| i.to_i64())
        .ok_or_else(|| error::overflow_error("Python int too large to convert to C ssize_t"))?;
    let n = d.len();
    if d.maxlen == Some(n) {
        return Err(error::index_error("deque already at its maximum size"));
    }
    let n = n as i64;
    let at = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
    d.items.borrow_mut().insert(at, a[1].clone());
    d.touch();
    Ok(Value::NONE)
}

fn deque_remove(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let d = this(args)?;
    let a = positional("remove", &args[1..], kw, 1, 1)?;
    match find(vm, d, &a[0], 0, usize::MAX)? {
        Some(i) => {
            let v = d.items.borrow_mut().remove(i);
            d.touch();
            drop(v);
            Ok(Value::NONE)
        }
        None => Err(not_in_deque(vm, &a[0])?),
    }
}

fn deque_reverse(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let d = this(args)?;
    positional("reverse", &args[1..], kw, 0, 0)?;
    d.items.borrow_mut().make_contiguous().reverse();
    Ok(Value::NONE)
}

fn deque_len(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(this(args)?.len() as i64))
}

fn deque_contains(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let d = this(args)?;
    let x = args.get(1).cloned().unwrap_or(Value::NONE);
    Ok(Value::bool(find(vm, d, &x, 0, usize::MAX)?.is_some()))
}

/// `d[i]` position for an index value.
fn position(vm: &mut Vm, d: &Deque, idx: &Value) -> PyResult<usize> {
    if as_int(idx).is_none() && ops::dunder::special(idx, "__index__").is_none() {
        return Err(error::type_error(format!(
            "sequence index must be integer, not '{}'",
            type_name(idx)
        )));
    }
    let i = ops::index(vm, idx)?;
    let n = d.len() as i64;
    let i = as_int(&i).and_then(|i| i.to_i64()).unwrap_or(i64::MAX);
    let i = if i < 0 { i.saturating_add(n) } else { i };
    if i < 0 || i >= n {
        return Err(error::index_error("deque index out of range"));
    }
    Ok(i as usize)
}

fn deque_getitem(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let d = this(args)?;
    let idx = args.get(1).cloned().unwrap_or(Value::NONE);
    let i = position(vm, d, &idx)?;
    d.get(i)
        .ok_or_else(|| error::index_error("deque index out of range"))
}

fn deque_setitem(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let d = this(args)?;
    let idx = args.get(1).cloned().unwrap_or(Value::NONE);
    let v = args.get(2).cloned().unwrap_or(Value::NONE);
    let i = position(vm, d, &idx)?;
    let old = d
        .items
        .borrow_mut()
        .get_mut(i)
        .map(|slot| std::mem::replace(slot, v));
    drop(old);
    Ok(Value::NONE)
}

fn deque_delitem(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let d = this(args)?;
    let idx = args.get(1).cloned().unwrap_or(Value::NONE);
    let i = position(vm, d, &idx)?;
    let v = d.items.borrow_mut().remove(i);
    d.touch();
    drop(v);
    Ok(Value::NONE)
}

fn deque_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let d = this(args)?;
    let key = args[0].ptr() as usize;
    if REPR_ACTIVE.with(|r| r.borrow().contains(&key)) {
        return Ok(new_str("[...]"));
    }
    REPR_ACTIVE.with(|r| r.borrow_mut().push(key));
    let items: Vec<Value> = d.items.borrow().iter().cloned().collect();
    let mut parts = Vec::with_capacity(items.len());
    let mut result = Ok(());
    for x in &items {
        match ops::repr::repr_string(vm, x) {
            Ok(s) => parts.push(s),
            Err(e) => {
                result = Err(e);
                break;
            }
        }
    }
    REPR_ACTIVE.with(|r| r.borrow_mut().retain(|&p| p != key));
    result?;
    // The short type name, as `_PyType_Name` gives.
    let name = type_name(&args[0]).rsplit('.').next().unwrap_or("deque");
    Ok(new_str(match d.maxlen {
        Some(m) => format!("{name}([{}], maxlen={m})", parts.join(", ")),
        None => format!("{name}([{}])", parts.join(", ")),
    }))
}

/// Rich comparison of two deques: lexicographic, like lists.
fn compare(vm: &mut Vm, args: &[Value], op: CmpOp) -> PyResult<Value> {
    let a = this(args)?;
    let Some(b) = args.get(1).and_then(ext_ref::<Deque>) else {
        return Ok(tt().not_implemented.clone());
    };
    let (x, y): (Vec<Value>, Vec<Value>) = (
        a.items.borrow().iter().cloned().collect(),
        b.items.borrow().iter().cloned().collect(),
    );
    if matches!(op, CmpOp::Eq | CmpOp::Ne) && x.len() != y.len() {
        return Ok(Value::bool(op == CmpOp::Ne));
    }
    ops::compare_sequences(vm, op, &x, &y, true)
}

fn deque_eq(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    compare(vm, args, CmpOp::Eq)
}
fn deque_ne(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    compare(vm, args, CmpOp::Ne)
}
fn deque_lt(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    compare(vm, args, CmpOp::Lt)
}
fn deque_le(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    compare(vm, args, CmpOp::Le)
}
fn deque_gt(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    compare(vm, args, CmpOp::Gt)
}
fn deque_ge(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    compare(vm, args, CmpOp::Ge)
}

fn deque_add(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let d = this(args)?;
    let other = args.get(1).cloned().unwrap_or(Value::NONE);
    if ext_ref::<Deque>(&other).is_none() {
        return Err(error::type_error(format!(
            "can only concatenate deque (not \"{}\") to deque",
            type_name(&other)
        )));
    }
    let r = new_deque(d.items.borrow().clone(), d.maxlen);
    extend(vm, &r, &other, false)?;
    Ok(r)
}

fn deque_iadd(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    this(args)?;
    let other = args.get(1).cloned().unwrap_or(Value::NONE);
    extend(vm, &args[0], &other, false)?;
    Ok(args[0].clone())
}

/// The repeat count of `d * n` (NotImplemented for non-integers).
fn repeat_count(args: &[Value]) -> Option<i64> {
    let n = args.get(1)?;
    let i = as_int(n)?;
    Some(
        i.to_i64()
            .unwrap_or(if i.is_negative() { 0 } else { i64::MAX }),
    )
}

fn repeat_into(d: &Deque, n: i64) -> PyResult<()> {
    let base: Vec<Value> = d.items.borrow().iter().cloned().collect();
    if n <= 0 || base.is_empty() {
        d.items.borrow_mut().clear();
        d.touch();
        return Ok(());
    }
    // With a maxlen only the last `maxlen` items survive, so never build more.
    let total = (base.len() as u128) * (n as u128);
    let keep = d.maxlen.map_or(total, |m| total.min(m as u128));
    if keep > (isize::MAX as u128) / 16 {
        return Err(error::memory_error(""));
    }
    let keep = keep as usize;
    let skip = (total - keep as u128) as usize % base.len();
    let items: VecDeque<Value> = base.iter().cycle().skip(skip).take(keep).cloned().collect();
    *d.items.borrow_mut() = items;
    d.touch();
    Ok(())
}

fn deque_mul(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let d = this(args)?;
    let Some(n) = repeat_count(args) else {
        return Ok(tt().not_implemented.clone());
    };
    let r = new_deque(d.items.borrow().clone(), d.maxlen);
    repeat_into(
        ext_ref::<Deque>(&r).ok_or_else(|| error::type_error("not a deque"))?,
        n,
    )?;
    Ok(r)
}

fn deque_imul(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let d = this(args)?;
    let Some(n) = repeat_count(args) else {
        return Ok(tt().not_implemented.clone());
    };
    repeat_into(d, n)?;
    Ok(args[0].clone())
}

fn deque_getattr(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let d = this(args)?;
    let name = args.get(1).cloned().unwrap_or(Value::NONE);
    if as_str(&name) == Some("maxlen") {
        return Ok(d.maxlen.map_or(Value::NONE, |m| Value::int(m as i64)));
    }
    Err(ops::attr::attribute_error(&args[0], &name))
}

// ---- deque iterators ----

struct DequeIter {
    deque: Value,
    /// Next position (from the right for the reverse iterator).
    pos: Cell<usize>,
    state: u64,
}

fn deque_iter(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let d = this(args)?;
    Ok(new_ext_iter(
        DequeIter {
            deque: args[0].clone(),
            pos: Cell::new(0),
            state: d.state.get(),
        },
        types().deque_iter,
        deque_iter_next,
    ))
}

fn deque_reversed(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let d = this(args)?;
    Ok(new_ext_iter(
        DequeIter {
            deque: args[0].clone(),
            pos: Cell::new(0),
            state: d.state.get(),
        },
        types().deque_rev_iter,
        deque_rev_next,
    ))
}

fn step(it: &Value, reverse: bool) -> PyResult<Option<Value>> {
    let s = ext_ref::<DequeIter>(it).ok_or_else(|| error::type_error("not a deque iterator"))?;
    let d = ext_ref::<Deque>(&s.deque).ok_or_else(|| error::type_error("not a deque"))?;
    if d.state.get() != s.state {
        return Err(mutated());
    }
    let items = d.items.borrow();
    let p = s.pos.get();
    if p >= items.len() {
        return Ok(None);
    }
    s.pos.set(p + 1);
    let i = if reverse { items.len() - 1 - p } else { p };
    Ok(items.get(i).cloned())
}

fn deque_iter_next(_vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    step(it, false)
}

fn deque_rev_next(_vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    step(it, true)
}

// ---- _tuplegetter: the field descriptors of named tuples ----

struct TupleGetter {
    index: usize,
    doc: Value,
}

fn tuplegetter_new(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = positional("_tuplegetter", args.get(1..).unwrap_or(&[]), kw, 2, 2)?;
    let index = as_int(&a[0])
        .and_then(|i| i.to_i64())
        .filter(|&i| i >= 0)
        .ok_or_else(|| error::type_error("_tuplegetter index must be a non-negative int"))?;
    Ok(new_ext(
        TupleGetter {
            index: index as usize,
            doc: a[1].clone(),
        },
        types().tuplegetter,
    ))
}

fn tuplegetter_get(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let g = receiver::<TupleGetter>(args, "collections._tuplegetter", "__get__")?;
    let obj = args.get(1).cloned().unwrap_or(Value::NONE);
    if obj.is_none() {
        return Ok(args[0].clone());
    }
    let Some(t) = as_tuple(&obj) else {
        return Err(error::type_error(format!(
            "descriptor for index '{}' for tuple subclasses doesn't apply to '{}' object",
            g.index,
            type_name(&obj)
        )));
    };
    t.get(g.index)
        .cloned()
        .ok_or_else(|| error::index_error("tuple index out of range"))
}

fn tuplegetter_set(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    receiver::<TupleGetter>(args, "collections._tuplegetter", "__set__")?;
    Err(error::attribute_error("can't set attribute"))
}

fn tuplegetter_delete(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    receiver::<TupleGetter>(args, "collections._tuplegetter", "__delete__")?;
    Err(error::attribute_error("can't delete attribute"))
}

fn tuplegetter_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let g = receiver::<TupleGetter>(args, "collections._tuplegetter", "__repr__")?;
    let doc = ops::repr::repr_string(vm, &g.doc)?;
    Ok(new_str(format!("_tuplegetter({}, {doc})", g.index)))
}

// ---- helpers for the Python half ----

/// Does `obj`'s class override the dict method `name` (so the fast path must not be used)?
fn overrides(obj: &Value, name: &'static str) -> bool {
    let ty = type_ptr(obj);
    if ty == tt().dict {
        return false;
    }
    match crate::types::typeobj::lookup_str(ty, name) {
        Some(m) => m
            .downcast::<crate::types::func::NativeObj>()
            .is_none_or(|n| n.owner.ptr() != tt().dict),
        None => false,
    }
}

/// `_count_elements(mapping, iterable)`: `mapping[x] = mapping.get(x, 0) + 1` for each
/// item; directly on the dict unless its class overrides `get` or `__setitem__`.
fn count_elements(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = positional("_count_elements", args, kw, 2, 2)?;
    let (mapping, iterable) = (&a[0], &a[1]);
    let it = ops::iter(vm, iterable)?;
    let one = Value::small_int(1);
    let fast = mapping
        .downcast::<DictObj>()
        .filter(|_| !overrides(mapping, "get") && !overrides(mapping, "__setitem__"));
    if let Some(d) = fast {
        while let Some(x) = ops::next(vm, &it)? {
            let h = ops::hash(vm, &x)?;
            let n = match d.get_hashed(vm, &x, h)? {
                Some(c) => ops::binary_op(vm, BinOp::Add, false, &c, &one)?,
                None => one.clone(),
            };
            d.set_hashed(vm, x, h, n)?;
        }
        return Ok(Value::NONE);
    }
    let get = ops::getattr(vm, mapping, &intern("get"))?;
    while let Some(x) = ops::next(vm, &it)? {
        let c = vm.call(&get, &[x.clone(), Value::small_int(0)], &[])?;
        let n = ops::binary_op(vm, BinOp::Add, false, &c, &one)?;
        ops::setitem(vm, mapping, x, n)?;
    }
    Ok(Value::NONE)
}

/// `_caller_module(depth)`: `__name__` of the module whose code is running `depth` Python
/// frames below the caller (namedtuple's default `__module__`), or None.
fn caller_module(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = positional("_caller_module", args, kw, 1, 1)?;
    let depth = as_int(&a[0]).and_then(|i| i.to_i64()).unwrap_or(0).max(0) as usize;
    let n = vm.frames.len();
    if depth >= n {
        return Ok(Value::NONE);
    }
    let globals = vm.frames[n - 1 - depth].globals.clone();
    Ok(DictObj::get_str(&globals, &intern("__name__")).unwrap_or(Value::NONE))
}

/// For `copy`: `Some(maxlen)` if `v` is a deque.
pub fn deque_parts(v: &Value) -> Option<Option<usize>> {
    ext_ref::<Deque>(v).map(|d| d.maxlen)
}
