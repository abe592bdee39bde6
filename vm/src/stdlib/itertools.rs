//! The `itertools` module: every iterator is an extension type whose step function
//! `ops::next` calls directly (see `types::ext`). State lives in `Cell`/`RefCell` fields and
//! no borrow is held while Python code runs (predicates, `__next__` of the sources, `__eq__`
//! of group keys), so re-entrant use cannot fail a borrow.
//!
//! The combinatoric iterators (product, permutations, combinations, ...) are in
//! `itertools_comb.rs`; tee and groupby are at the end of this file.

use super::itertools_comb as comb;
use crate::builtins::args::{parse_args, positional};
use crate::builtins::MethodTable;
use crate::bytecode::BinOp;
use crate::error::{self, PyResult};
use crate::object::Header;
use crate::ops;
use crate::types::ext::{ext_ref, new_ext_iter, new_ext_iter_type, receiver};
use crate::types::int::as_int;
use crate::types::tuple::new_tuple;
use crate::types::type_name;
use crate::value::Value;
use crate::vm::Vm;
use std::any::Any;
use std::cell::{Cell, OnceCell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

pub struct Types {
    count: *const Header,
    cycle: *const Header,
    repeat: *const Header,
    chain: *const Header,
    islice: *const Header,
    pub product: *const Header,
    pub permutations: *const Header,
    pub combinations: *const Header,
    pub cwr: *const Header,
    accumulate: *const Header,
    zip_longest: *const Header,
    starmap: *const Header,
    takewhile: *const Header,
    dropwhile: *const Header,
    groupby: *const Header,
    grouper: *const Header,
    tee: *const Header,
    pairwise: *const Header,
    compress: *const Header,
    filterfalse: *const Header,
}

thread_local! {
    static TYPES: OnceCell<&'static Types> = const { OnceCell::new() };
}

/// The module's types, created once per thread (immortal, like builtin types).
pub fn types() -> &'static Types {
    TYPES.with(|c| *c.get_or_init(|| Box::leak(Box::new(make_types()))))
}

fn make_types() -> Types {
    let ty = |name: &str, methods: MethodTable| new_ext_iter_type(name, "itertools", methods);
    Types {
        count: ty("count", &[("__new__", count_new), ("__repr__", count_repr)]),
        cycle: ty("cycle", &[("__new__", cycle_new)]),
        repeat: ty(
            "repeat",
            &[("__new__", repeat_new), ("__repr__", repeat_repr)],
        ),
        chain: chain_type(),
        islice: ty("islice", &[("__new__", islice_new)]),
        product: ty("product", &[("__new__", comb::product_new)]),
        permutations: ty("permutations", &[("__new__", comb::permutations_new)]),
        combinations: ty("combinations", &[("__new__", comb::combinations_new)]),
        cwr: ty(
            "combinations_with_replacement",
            &[("__new__", comb::cwr_new)],
        ),
        accumulate: ty("accumulate", &[("__new__", accumulate_new)]),
        zip_longest: ty("zip_longest", &[("__new__", zip_longest_new)]),
        starmap: ty("starmap", &[("__new__", starmap_new)]),
        takewhile: ty("takewhile", &[("__new__", takewhile_new)]),
        dropwhile: ty("dropwhile", &[("__new__", dropwhile_new)]),
        groupby: ty("groupby", &[("__new__", groupby_new)]),
        grouper: ty("_grouper", &[]),
        tee: ty("_tee", &[("__copy__", tee_copy)]),
        pairwise: ty("pairwise", &[("__new__", pairwise_new)]),
        compress: ty("compress", &[("__new__", compress_new)]),
        filterfalse: ty("filterfalse", &[("__new__", filterfalse_new)]),
    }
}

pub fn make(_vm: &mut Vm) -> Value {
    let t = types();
    let m = super::module_with_functions("itertools", &[("tee", tee)]);
    for (name, p) in [
        ("count", t.count),
        ("cycle", t.cycle),
        ("repeat", t.repeat),
        ("chain", t.chain),
        ("islice", t.islice),
        ("product", t.product),
        ("permutations", t.permutations),
        ("combinations", t.combinations),
        ("combinations_with_replacement", t.cwr),
        ("accumulate", t.accumulate),
        ("zip_longest", t.zip_longest),
        ("starmap", t.starmap),
        ("takewhile", t.takewhile),
        ("dropwhile", t.dropwhile),
        ("groupby", t.groupby),
        ("_grouper", t.grouper),
        ("_tee", t.tee),
        ("pairwise", t.pairwise),
        ("compress", t.compress),
        ("filterfalse", t.filterfalse),
    ] {
        super::set(&m, name, unsafe { Value::from_header(p) });
    }
    m
}

/// The state of iterator `it`, whose step function was registered with a `T` payload.
pub fn st<T: Any>(it: &Value) -> PyResult<&T> {
    ext_ref::<T>(it).ok_or_else(|| {
        error::type_error(format!(
            "'{}' object is not an itertools iterator",
            type_name(it)
        ))
    })
}

/// Arguments of a `__new__`: everything after the class.
pub fn ctor_args(args: &[Value]) -> &[Value] {
    args.get(1..).unwrap_or(&[])
}

// ---- count ----

struct Count {
    cur: RefCell<Value>,
    step: Value,
}

/// CPython's PyNumber_Check: ints, floats, or objects convertible to a number.
fn is_number(v: &Value) -> bool {
    as_int(v).is_some()
        || v.is_float()
        || ["__index__", "__int__", "__float__"]
            .iter()
            .any(|m| ops::dunder::special(v, m).is_some())
}

fn count_new(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [start, step] = parse_args("count", ctor_args(args), kw, ["start", "step"], 0, 2)?;
    let num = |v: Option<&Value>, dflt: i64| -> PyResult<Value> {
        match v {
            None => Ok(Value::small_int(dflt)),
            Some(v) if !is_number(v) => Err(error::type_error("a number is required")),
            // A bool counts as the int it equals.
            Some(v) => Ok(match v.as_bool() {
                Some(b) => Value::small_int(b as i64),
                None => v.clone(),
            }),
        }
    };
    let (start, step) = (num(start, 0)?, num(step, 1)?);
    Ok(new_ext_iter(
        Count {
            cur: RefCell::new(start),
            step,
        },
        types().count,
        count_next,
    ))
}

fn count_next(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    let s = st::<Count>(it)?;
    let cur = s.cur.borrow().clone();
    let n = match (cur.as_small_int(), s.step.as_small_int()) {
        (Some(a), Some(b)) => Value::int(a + b),
        _ => ops::binary_op(vm, BinOp::Add, false, &cur, &s.step)?,
    };
    *s.cur.borrow_mut() = n;
    Ok(Some(cur))
}

fn count_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let s = receiver::<Count>(args, "itertools.count", "__repr__")?;
    let cur = s.cur.borrow().clone();
    let start = ops::repr::repr_string(vm, &cur)?;
    if s.step.as_small_int() == Some(1) {
        return Ok(crate::types::str::new_str(format!("count({start})")));
    }
    let step = ops::repr::repr_string(vm, &s.step)?;
    Ok(crate::types::str::new_str(format!(
        "count({start}, {step})"
    )))
}

// ---- cycle ----

struct Cycle {
    src: RefCell<Option<Value>>,
    saved: RefCell<Vec<Value>>,
    idx: Cell<usize>,
}

fn cycle_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = positional("cycle", ctor_args(args), kw, 1, 1)?;
    let src = ops::iter(vm, &a[0])?;
    Ok(new_ext_iter(
        Cycle {
            src: RefCell::new(Some(src)),
            saved: RefCell::new(Vec::new()),
            idx: Cell::new(0),
        },
        types().cycle,
        cycle_next,
    ))
}

fn cycle_next(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    let s = st::<Cycle>(it)?;
    let src = s.src.borrow().clone();
    if let Some(src) = src {
        match ops::next(vm, &src)? {
            Some(x) => {
                s.saved.borrow_mut().push(x.clone());
                return Ok(Some(x));
            }
            None => *s.src.borrow_mut() = None,
        }
    }
    let saved = s.saved.borrow();
    if saved.is_empty() {
        return Ok(None);
    }
    let i = s.idx.get();
    s.idx.set((i + 1) % saved.len());
    Ok(Some(saved[i].clone()))
}

// ---- repeat ----

struct Repeat {
    obj: Value,
    /// Remaining repetitions; negative for "forever".
    left: Cell<i64>,
}

fn repeat_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [obj, times] = parse_args("repeat", ctor_args(args), kw, ["object", "times"], 1, 2)?;
    let left = match times {
        Some(t) => ssize(vm, t)?.max(0),
        None => -1,
    };
    Ok(new_ext_iter(
        Repeat {
            obj: obj.cloned().unwrap_or(Value::NONE),
            left: Cell::new(left),
        },
        types().repeat,
        repeat_next,
    ))
}

fn repeat_next(_vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    let s = st::<Repeat>(it)?;
    match s.left.get() {
        0 => Ok(None),
        n => {
            if n > 0 {
                s.left.set(n - 1);
            }
            Ok(Some(s.obj.clone()))
        }
    }
}

fn repeat_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let s = receiver::<Repeat>(args, "itertools.repeat", "__repr__")?;
    let obj = ops::repr::repr_string(vm, &s.obj)?;
    let r = match s.left.get() {
        n if n < 0 => format!("repeat({obj})"),
        n => format!("repeat({obj}, {n})"),
    };
    Ok(crate::types::str::new_str(r))
}

// ---- chain ----

struct Chain {
    /// Iterator over the iterables; None once exhausted.
    source: RefCell<Option<Value>>,
    active: RefCell<Option<Value>>,
}

fn new_chain(source: Value) -> Value {
    new_ext_iter(
        Chain {
            source: RefCell::new(Some(source)),
            active: RefCell::new(None),
        },
        types().chain,
        chain_next,
    )
}

fn chain_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = positional("chain", ctor_args(args), kw, 0, usize::MAX)?;
    let source = ops::iter(vm, &new_tuple(a.to_vec()))?;
    Ok(new_chain(source))
}

/// The chain type; `from_iterable` is a classmethod, as in CPython.
fn chain_type() -> *const Header {
    let p = new_ext_iter_type("chain", "itertools", &[("__new__", chain_new)]);
    let tv = unsafe { Value::from_header(p) };
    let f = crate::object::alloc_obj(
        crate::types::func::NativeObj {
            name: "from_iterable",
            f: chain_from_iterable,
            self_: Value::UNDEF,
            owner: tv.clone(),
            plain: false,
        },
        crate::types::tt().builtin_function,
    );
    crate::types::dict::DictObj::set_str(
        &crate::types::typeobj::type_data(&tv).dict,
        crate::types::str::intern("from_iterable"),
        crate::types::descr::new_classmethod(f),
    );
    p
}

/// `chain.from_iterable(iterable)` (receives the class first).
fn chain_from_iterable(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(error::type_error(
            "chain.from_iterable() takes no keyword arguments",
        ));
    }
    let rest = args.get(1..).unwrap_or(&[]);
    if rest.len() != 1 {
        return Err(error::type_error(format!(
            "chain.from_iterable() takes exactly one argument ({} given)",
            rest.len()
        )));
    }
    let source = ops::iter(vm, &rest[0])?;
    Ok(new_chain(source))
}

fn chain_next(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    let s = st::<Chain>(it)?;
    loop {
        let active = s.active.borrow().clone();
        if let Some(a) = active {
            if let Some(x) = ops::next(vm, &a)? {
                return Ok(Some(x));
            }
            *s.active.borrow_mut() = None;
        }
        let source = s.source.borrow().clone();
        let Some(source) = source else {
            return Ok(None);
        };
        match ops::next(vm, &source)? {
            Some(iterable) => match ops::iter(vm, &iterable) {
                Ok(a) => *s.active.borrow_mut() = Some(a),
                Err(e) => {
                    *s.source.borrow_mut() = None;
                    return Err(e);
                }
            },
            None => {
                *s.source.borrow_mut() = None;
                return Ok(None);
            }
        }
    }
}

// ---- islice ----

struct Islice {
    it: RefCell<Option<Value>>,
    /// Index of the next item to yield.
    next: Cell<i64>,
    /// -1 for no stop.
    stop: i64,
    step: i64,
    /// Items consumed so far.
    cnt: Cell<i64>,
}

/// An index-sized int argument (ints and objects with `__index__`), as CPython's
/// `Py_ssize_t` conversion.
pub fn ssize(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let i = ops::index(vm, v)?;
    as_int(&i)
        .and_then(|i| i.to_i64())
        .ok_or_else(|| error::overflow_error("Python int too large to convert to C ssize_t"))
}

/// An islice index: None, or an int in 0..=sys.maxsize; Err(()) otherwise.
fn islice_index(vm: &mut Vm, v: &Value) -> Result<Option<i64>, ()> {
    if v.is_none() {
        return Ok(None);
    }
    ssize(vm, v).map(Some).map_err(|_| ())
}

fn islice_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = positional("islice", ctor_args(args), kw, 2, 4)?;
    let stop_err = || {
        error::value_error(
            "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.",
        )
    };
    let (mut start, mut stop, mut step) = (0i64, -1i64, 1i64);
    if a.len() == 2 {
        if let Some(s) = islice_index(vm, &a[1]).map_err(|_| stop_err())? {
            stop = if s == -1 { return Err(stop_err()) } else { s };
        }
    } else {
        start = match islice_index(vm, &a[1]) {
            Ok(s) => s.unwrap_or(0),
            Err(()) => -1,
        };
        if let Some(s) = islice_index(vm, &a[2]).map_err(|_| stop_err())? {
            stop = if s == -1 { return Err(stop_err()) } else { s };
        }
    }
    if start < 0 || stop < -1 {
        return Err(error::value_error(
            "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.",
        ));
    }
    if let Some(s) = a.get(3) {
        step = match islice_index(vm, s) {
            Ok(s) => s.unwrap_or(1),
            Err(()) => -1,
        };
    }
    if step < 1 {
        return Err(error::value_error(
            "Step for islice() must be a positive integer or None.",
        ));
    }
    let it = ops::iter(vm, &a[0])?;
    Ok(new_ext_iter(
        Islice {
            it: RefCell::new(Some(it)),
            next: Cell::new(start),
            stop,
            step,
            cnt: Cell::new(0),
        },
        types().islice,
        islice_next,
    ))
}

fn islice_next(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    let s = st::<Islice>(it)?;
    let src = s.it.borrow().clone();
    let Some(src) = src else {
        return Ok(None);
    };
    let done = |s: &Islice| {
        *s.it.borrow_mut() = None;
        Ok(None)
    };
    while s.cnt.get() < s.next.get() {
        if ops::next(vm, &src)?.is_none() {
            return done(s);
        }
        s.cnt.set(s.cnt.get() + 1);
    }
    if s.stop != -1 && s.cnt.get() >= s.stop {
        return done(s);
    }
    let Some(item) = ops::next(vm, &src)? else {
        return done(s);
    };
    s.cnt.set(s.cnt.get() + 1);
    let old = s.next.get();
    let mut n = old.saturating_add(s.step);
    if n < old || (s.stop != -1 && n > s.stop) {
        n = s.stop;
    }
    s.next.set(n);
    Ok(Some(item))
}

// ---- accumulate ----

struct Accumulate {
    it: Value,
    func: Value,
    total: RefCell<Option<Value>>,
    initial: RefCell<Option<Value>>,
}

fn accumulate_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [iterable, func, initial] = parse_args(
        "accumulate",
        ctor_args(args),
        kw,
        ["iterable", "func", "initial"],
        1,
        2,
    )?;
    let it = ops::iter(vm, iterable.unwrap_or(&Value::NONE))?;
    Ok(new_ext_iter(
        Accumulate {
            it,
            func: func.cloned().unwrap_or(Value::NONE),
            total: RefCell::new(None),
            initial: RefCell::new(initial.filter(|v| !v.is_none()).cloned()),
        },
        types().accumulate,
        accumulate_next,
    ))
}

fn accumulate_next(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    let s = st::<Accumulate>(it)?;
    let initial = s.initial.borrow_mut().take();
    if let Some(init) = initial {
        *s.total.borrow_mut() = Some(init.clone());
        return Ok(Some(init));
    }
    let Some(x) = ops::next(vm, &s.it)? else {
        return Ok(None);
    };
    let total = s.total.borrow().clone();
    let new = match total {
        None => x,
        Some(t) if s.func.is_none() => ops::binary_op(vm, BinOp::Add, false, &t, &x)?,
        Some(t) => vm.call(&s.func, &[t, x], &[])?,
    };
    *s.total.borrow_mut() = Some(new.clone());
    Ok(Some(new))
}

// ---- zip_longest ----

struct ZipLongest {
    its: RefCell<Vec<Option<Value>>>,
    active: Cell<usize>,
    fill: Value,
}

fn zip_longest_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let args = ctor_args(args);
    let npos = args.len() - kw.len();
    let mut fill = Value::NONE;
    if !kw.is_empty() {
        // CPython accepts exactly one keyword, `fillvalue`, and names no culprit otherwise.
        if kw.len() != 1 || crate::types::str::as_str(&kw[0]) != Some("fillvalue") {
            return Err(error::type_error(
                "zip_longest() got an unexpected keyword argument",
            ));
        }
        fill = args[npos].clone();
    }
    let mut its = Vec::with_capacity(npos);
    for a in &args[..npos] {
        its.push(Some(ops::iter(vm, a)?));
    }
    let n = its.len();
    Ok(new_ext_iter(
        ZipLongest {
            its: RefCell::new(its),
            active: Cell::new(n),
            fill,
        },
        types().zip_longest,
        zip_longest_next,
    ))
}

fn zip_longest_next(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    let s = st::<ZipLongest>(it)?;
    let its = s.its.borrow().clone();
    if its.is_empty() || s.active.get() == 0 {
        return Ok(None);
    }
    let mut items = Vec::with_capacity(its.len());
    for (i, src) in its.iter().enumerate() {
        let Some(src) = src else {
            items.push(s.fill.clone());
            continue;
        };
        match ops::next(vm, src) {
            Ok(Some(x)) => items.push(x),
            Ok(None) => {
                s.active.set(s.active.get() - 1);
                if s.active.get() == 0 {
                    return Ok(None);
                }
                s.its.borrow_mut()[i] = None;
                items.push(s.fill.clone());
            }
            Err(e) => {
                s.active.set(0);
                return Err(e);
            }
        }
    }
    Ok(Some(new_tuple(items)))
}

// ---- starmap, takewhile, dropwhile, filterfalse, compress, pairwise ----

/// A function and a source iterator: the state of the predicate-driven iterators.
struct FuncIter {
    func: Value,
    it: Value,
    /// takewhile: the predicate failed; dropwhile: dropping is over.
    flag: Cell<bool>,
}

fn func_iter(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kw: &[Value],
    ty: *const Header,
    next: crate::types::ext::NextFn,
) -> PyResult<Value> {
    let a = positional(name, ctor_args(args), kw, 2, 2)?;
    let it = ops::iter(vm, &a[1])?;
    Ok(new_ext_iter(
        FuncIter {
            func: a[0].clone(),
            it,
            flag: Cell::new(false),
        },
        ty,
        next,
    ))
}

fn starmap_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    func_iter(vm, "starmap", args, kw, types().starmap, starmap_next)
}

fn starmap_next(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    let s = st::<FuncIter>(it)?;
    let Some(item) = ops::next(vm, &s.it)? else {
        return Ok(None);
    };
    let args = ops::collect(vm, &item)?;
    Ok(Some(vm.call(&s.func, &args, &[])?))
}

fn pred(vm: &mut Vm, f: &Value, x: &Value) -> PyResult<bool> {
    let r = vm.call(f, std::slice::from_ref(x), &[])?;
    ops::truthy(vm, &r)
}

fn takewhile_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    func_iter(vm, "takewhile", args, kw, types().takewhile, takewhile_next)
}

fn takewhile_next(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    let s = st::<FuncIter>(it)?;
    if s.flag.get() {
        return Ok(None);
    }
    let Some(x) = ops::next(vm, &s.it)? else {
        return Ok(None);
    };
    if pred(vm, &s.func, &x)? {
        return Ok(Some(x));
    }
    s.flag.set(true);
    Ok(None)
}

fn dropwhile_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    func_iter(vm, "dropwhile", args, kw, types().dropwhile, dropwhile_next)
}

fn dropwhile_next(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    let s = st::<FuncIter>(it)?;
    loop {
        let Some(x) = ops::next(vm, &s.it)? else {
            return Ok(None);
        };
        if s.flag.get() || !pred(vm, &s.func, &x)? {
            s.flag.set(true);
            return Ok(Some(x));
        }
    }
}

fn filterfalse_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    func_iter(
        vm,
        "filterfalse",
        args,
        kw,
        types().filterfalse,
        filterfalse_next,
    )
}

fn filterfalse_next(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    let s = st::<FuncIter>(it)?;
    loop {
        let Some(x) = ops::next(vm, &s.it)? else {
            return Ok(None);
        };
        let keep = if s.func.is_none() {
            !ops::truthy(vm, &x)?
        } else {
            !pred(vm, &s.func, &x)?
        };
        if keep {
            return Ok(Some(x));
        }
    }
}

struct Compress {
    data: Value,
    selectors: Value,
}

fn compress_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [data, selectors] =
        parse_args("compress", ctor_args(args), kw, ["data", "selectors"], 2, 2)?;
    let data = ops::iter(vm, data.unwrap_or(&Value::NONE))?;
    let selectors = ops::iter(vm, selectors.unwrap_or(&Value::NONE))?;
    Ok(new_ext_iter(
        Compress { data, selectors },
        types().compress,
        compress_next,
    ))
}

fn compress_next(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    let s = st::<Compress>(it)?;
    loop {
        let Some(d) = ops::next(vm, &s.data)? else {
            return Ok(None);
        };
        let Some(sel) = ops::next(vm, &s.selectors)? else {
            return Ok(None);
        };
        if ops::truthy(vm, &sel)? {
            return Ok(Some(d));
        }
    }
}

struct Pairwise {
    it: RefCell<Option<Value>>,
    old: RefCell<Option<Value>>,
}

fn pairwise_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = positional("pairwise", ctor_args(args), kw, 1, 1)?;
    let it = ops::iter(vm, &a[0])?;
    Ok(new_ext_iter(
        Pairwise {
            it: RefCell::new(Some(it)),
            old: RefCell::new(None),
        },
        types().pairwise,
        pairwise_next,
    ))
}

fn pairwise_next(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    let s = st::<Pairwise>(it)?;
    let src = s.it.borrow().clone();
    let Some(src) = src else {
        return Ok(None);
    };
    let old = s.old.borrow().clone();
    let old = match old {
        Some(o) => o,
        None => match ops::next(vm, &src)? {
            Some(o) => {
                *s.old.borrow_mut() = Some(o.clone());
                o
            }
            None => {
                *s.it.borrow_mut() = None;
                return Ok(None);
            }
        },
    };
    match ops::next(vm, &src)? {
        Some(new) => {
            *s.old.borrow_mut() = Some(new.clone());
            Ok(Some(new_tuple(vec![old, new])))
        }
        None => {
            *s.it.borrow_mut() = None;
            *s.old.borrow_mut() = None;
            Ok(None)
        }
    }
}

// ---- groupby ----

struct GroupBy {
    it: Value,
    keyfunc: Value,
    tgtkey: RefCell<Option<Value>>,
    currkey: RefCell<Option<Value>>,
    currvalue: RefCell<Option<Value>>,
    /// Serial number of the live `_grouper` (0: none); older groupers are exhausted.
    current: Cell<u64>,
    serial: Cell<u64>,
}

struct Grouper {
    parent: Value,
    tgtkey: Value,
    id: u64,
}

fn groupby_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [iterable, key] = parse_args("groupby", ctor_args(args), kw, ["iterable", "key"], 1, 2)?;
    let it = ops::iter(vm, iterable.unwrap_or(&Value::NONE))?;
    Ok(new_ext_iter(
        GroupBy {
            it,
            keyfunc: key.cloned().unwrap_or(Value::NONE),
            tgtkey: RefCell::new(None),
            currkey: RefCell::new(None),
            currvalue: RefCell::new(None),
            current: Cell::new(0),
            serial: Cell::new(0),
        },
        types().groupby,
        groupby_next,
    ))
}

/// Reads the next value and its key; false when the source is exhausted.
fn groupby_step(vm: &mut Vm, g: &GroupBy) -> PyResult<bool> {
    let Some(v) = ops::next(vm, &g.it)? else {
        return Ok(false);
    };
    let key = if g.keyfunc.is_none() {
        v.clone()
    } else {
        vm.call(&g.keyfunc, std::slice::from_ref(&v), &[])?
    };
    *g.currvalue.borrow_mut() = Some(v);
    *g.currkey.borrow_mut() = Some(key);
    Ok(true)
}

fn groupby_next(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    let g = st::<GroupBy>(it)?;
    g.current.set(0);
    // Skip the rest of the current group.
    loop {
        let ck = g.currkey.borrow().clone();
        if let Some(ck) = ck {
            let tk = g.tgtkey.borrow().clone();
            match tk {
                None => break,
                Some(tk) => {
                    if !ops::eq(vm, &tk, &ck)? {
                        break;
                    }
                }
            }
        }
        if !groupby_step(vm, g)? {
            return Ok(None);
        }
    }
    let key = g.currkey.borrow().clone().unwrap_or(Value::NONE);
    *g.tgtkey.borrow_mut() = Some(key.clone());
    let id = g.serial.get() + 1;
    g.serial.set(id);
    g.current.set(id);
    let grouper = new_ext_iter(
        Grouper {
            parent: it.clone(),
            tgtkey: key.clone(),
            id,
        },
        types().grouper,
        grouper_next,
    );
    Ok(Some(new_tuple(vec![key, grouper])))
}

fn grouper_next(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    let gr = st::<Grouper>(it)?;
    let g = st::<GroupBy>(&gr.parent)?;
    if g.current.get() != gr.id {
        return Ok(None);
    }
    if g.currvalue.borrow().is_none() && !groupby_step(vm, g)? {
        return Ok(None);
    }
    let ck = g.currkey.borrow().clone().unwrap_or(Value::NONE);
    if !ops::eq(vm, &gr.tgtkey, &ck)? {
        return Ok(None);
    }
    Ok(g.currvalue.borrow_mut().take())
}

// ---- tee ----

/// The buffer shared by the iterators of one `tee()` call: items not yet consumed by every
/// live iterator, with `start` the index of `buf[0]` in the source's sequence.
struct TeeShared {
    it: Value,
    buf: VecDeque<Value>,
    start: usize,
    /// Each tee iterator's next index (None once it has been freed).
    pos: Vec<Option<usize>>,
    running: bool,
}

impl TeeShared {
    fn trim(&mut self) {
        let min = self.pos.iter().flatten().min().copied();
        let min = min.unwrap_or(self.start + self.buf.len());
        while self.start < min && self.buf.pop_front().is_some() {
            self.start += 1;
        }
    }
}

struct Tee {
    shared: Rc<RefCell<TeeShared>>,
    slot: usize,
}

impl Drop for Tee {
    fn drop(&mut self) {
        // A failed borrow only means the buffer is trimmed later than it could be.
        if let Ok(mut s) = self.shared.try_borrow_mut() {
            s.pos[self.slot] = None;
            s.trim();
        }
    }
}

/// A new tee iterator on `shared` starting at index `at`.
fn tee_at(shared: &Rc<RefCell<TeeShared>>, at: usize) -> Value {
    let slot = {
        let mut s = shared.borrow_mut();
        s.pos.push(Some(at));
        s.pos.len() - 1
    };
    new_ext_iter(
        Tee {
            shared: shared.clone(),
            slot,
        },
        types().tee,
        tee_next,
    )
}

fn reentered() -> error::PyErr {
    error::runtime_error("cannot re-enter the tee iterator")
}

fn tee_next(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    let t = st::<Tee>(it)?;
    let (src, pos) = {
        let mut s = t.shared.try_borrow_mut().map_err(|_| reentered())?;
        let pos = s.pos[t.slot].unwrap_or(0);
        if pos < s.start + s.buf.len() {
            let v = s.buf[pos - s.start].clone();
            s.pos[t.slot] = Some(pos + 1);
            s.trim();
            return Ok(Some(v));
        }
        if s.running {
            return Err(reentered());
        }
        s.running = true;
        (s.it.clone(), pos)
    };
    let r = ops::next(vm, &src);
    let mut s = t.shared.try_borrow_mut().map_err(|_| reentered())?;
    s.running = false;
    match r? {
        Some(v) => {
            s.buf.push_back(v.clone());
            s.pos[t.slot] = Some(pos + 1);
            s.trim();
            Ok(Some(v))
        }
        None => Ok(None),
    }
}

fn tee_copy(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let t = receiver::<Tee>(args, "itertools._tee", "__copy__")?;
    let at = t.shared.try_borrow().map_err(|_| reentered())?.pos[t.slot].unwrap_or(0);
    Ok(tee_at(&t.shared, at))
}

fn tee(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(error::type_error(
            "itertools.tee() takes no keyword arguments",
        ));
    }
    let a = positional("tee", args, &[], 1, 2)?;
    let n = match a.get(1) {
        Some(n) => ssize(vm, n)?,
        None => 2,
    };
    if n < 0 {
        return Err(error::value_error("n must be >= 0"));
    }
    if n == 0 {
        return Ok(new_tuple(vec![]));
    }
    let it = ops::iter(vm, &a[0])?;
    // Teeing a tee iterator returns it plus copies sharing its buffer (CPython's
    // `__copy__` path).
    if let Some(t) = ext_ref::<Tee>(&it) {
        let at = t.shared.try_borrow().map_err(|_| reentered())?.pos[t.slot].unwrap_or(0);
        let mut items = vec![it.clone()];
        items.extend((1..n).map(|_| tee_at(&t.shared, at)));
        return Ok(new_tuple(items));
    }
    let shared = Rc::new(RefCell::new(TeeShared {
        it,
        buf: VecDeque::new(),
        start: 0,
        pos: Vec::new(),
        running: false,
    }));
    let items = (0..n).map(|_| tee_at(&shared, 0)).collect();
    Ok(new_tuple(items))
}
