//! The `operator` module: the operators as functions (each delegating to the generic
//! operation in `ops`, so dunder methods of user classes apply) and the itemgetter,
//! attrgetter and methodcaller callables.

use crate::builtins::args::positional;
use crate::bytecode::{BinOp, CmpOp};
use crate::error::{self, PyResult};
use crate::object::Header;
use crate::ops;
use crate::types::dict::DictObj;
use crate::types::ext::{new_ext, new_ext_type, receiver};
use crate::types::func::NativeFn;
use crate::types::list::ListObj;
use crate::types::str::{as_str, intern, new_str};
use crate::types::tuple::{as_tuple, new_tuple};
use crate::types::type_name;
use crate::value::Value;
use crate::vm::Vm;
use std::cell::OnceCell;

/// The two operands of a binary operator function.
fn two<'a>(name: &str, args: &'a [Value], kw: &[Value]) -> PyResult<(&'a Value, &'a Value)> {
    if !kw.is_empty() {
        return Err(error::type_error(format!(
            "_operator.{name}() takes no keyword arguments"
        )));
    }
    let a = positional(name, args, kw, 2, 2)?;
    Ok((&a[0], &a[1]))
}

/// The operand of a one-argument operator function.
fn one<'a>(name: &str, args: &'a [Value], kw: &[Value]) -> PyResult<&'a Value> {
    if !kw.is_empty() {
        return Err(error::type_error(format!(
            "_operator.{name}() takes no keyword arguments"
        )));
    }
    if args.len() != 1 {
        return Err(error::type_error(format!(
            "_operator.{name}() takes exactly one argument ({} given)",
            args.len()
        )));
    }
    Ok(&args[0])
}

macro_rules! binops {
    ($($f:ident $name:literal $op:ident $inplace:literal;)*) => {
        $(
            fn $f(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
                let (a, b) = two($name, args, kw)?;
                ops::binary_op(vm, BinOp::$op, $inplace, a, b)
            }
        )*
    };
}

binops! {
    add "add" Add false; sub "sub" Sub false; mul "mul" Mul false;
    truediv "truediv" TrueDiv false; floordiv "floordiv" FloorDiv false;
    mod_ "mod" Mod false; pow "pow" Pow false; matmul "matmul" MatMul false;
    lshift "lshift" LShift false; rshift "rshift" RShift false;
    and_ "and_" And false; or_ "or_" Or false; xor "xor" Xor false;
    iadd "iadd" Add true; isub "isub" Sub true; imul "imul" Mul true;
    itruediv "itruediv" TrueDiv true; ifloordiv "ifloordiv" FloorDiv true;
    imod "imod" Mod true; ipow "ipow" Pow true; imatmul "imatmul" MatMul true;
    ilshift "ilshift" LShift true; irshift "irshift" RShift true;
    iand "iand" And true; ior "ior" Or true; ixor "ixor" Xor true;
}

macro_rules! cmpops {
    ($($f:ident $name:literal $op:ident;)*) => {
        $(
            fn $f(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
                let (a, b) = two($name, args, kw)?;
                ops::compare(vm, CmpOp::$op, a, b)
            }
        )*
    };
}

cmpops! { lt "lt" Lt; le "le" Le; eq "eq" Eq; ne "ne" Ne; gt "gt" Gt; ge "ge" Ge; }

fn neg(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    ops::arith::neg(vm, one("neg", args, kw)?)
}
fn pos(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    ops::arith::pos(vm, one("pos", args, kw)?)
}
fn abs(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    ops::arith::abs(vm, one("abs", args, kw)?)
}
fn invert(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    ops::arith::invert(vm, one("invert", args, kw)?)
}
fn inv(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    ops::arith::invert(vm, one("inv", args, kw)?)
}
fn not_(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    Ok(Value::bool(!ops::truthy(vm, one("not_", args, kw)?)?))
}
fn truth(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    Ok(Value::bool(ops::truthy(vm, one("truth", args, kw)?)?))
}
fn index(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    ops::index(vm, one("index", args, kw)?)
}
fn is_(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (a, b) = two("is_", args, kw)?;
    Ok(Value::bool(a.is(b)))
}
fn is_not(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (a, b) = two("is_not", args, kw)?;
    Ok(Value::bool(!a.is(b)))
}
fn contains(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (a, b) = two("contains", args, kw)?;
    Ok(Value::bool(ops::contains(vm, a, b)?))
}
fn getitem(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (a, b) = two("getitem", args, kw)?;
    ops::getitem(vm, a, b)
}
fn delitem(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (a, b) = two("delitem", args, kw)?;
    ops::delitem(vm, a, b)?;
    Ok(Value::NONE)
}
fn setitem(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(error::type_error(
            "_operator.setitem() takes no keyword arguments",
        ));
    }
    let a = positional("setitem", args, kw, 3, 3)?;
    ops::setitem(vm, &a[0], a[1].clone(), a[2].clone())?;
    Ok(Value::NONE)
}

/// Does `v` support sequence concatenation (CPython's `sq_concat` or `PySequence_Check`)?
fn is_sequence(v: &Value) -> bool {
    as_str(v).is_some()
        || as_tuple(v).is_some()
        || v.downcast::<ListObj>().is_some()
        || ops::dunder::special(v, "__getitem__").is_some()
}

fn concat_impl(vm: &mut Vm, name: &str, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (a, b) = two(name, args, kw)?;
    if !is_sequence(a) {
        return Err(error::type_error(format!(
            "'{}' object can't be concatenated",
            type_name(a)
        )));
    }
    ops::binary_op(vm, BinOp::Add, name == "iconcat", a, b)
}
fn concat(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    concat_impl(vm, "concat", args, kw)
}
fn iconcat(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    concat_impl(vm, "iconcat", args, kw)
}

fn count_of(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (a, b) = two("countOf", args, kw)?;
    let it = ops::iter(vm, a)?;
    let mut n = 0;
    while let Some(x) = ops::next(vm, &it)? {
        if x.is(b) || ops::eq(vm, &x, b)? {
            n += 1;
        }
    }
    Ok(Value::int(n))
}

fn index_of(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (a, b) = two("indexOf", args, kw)?;
    let it = ops::iter(vm, a)?;
    let mut i = 0;
    while let Some(x) = ops::next(vm, &it)? {
        if x.is(b) || ops::eq(vm, &x, b)? {
            return Ok(Value::int(i));
        }
        i += 1;
    }
    Err(error::value_error("sequence.index(x): x not in sequence"))
}

// ---- itemgetter, attrgetter, methodcaller ----

struct Types {
    itemgetter: *const Header,
    attrgetter: *const Header,
    methodcaller: *const Header,
}

thread_local! {
    static TYPES: OnceCell<&'static Types> = const { OnceCell::new() };
}

fn types() -> &'static Types {
    let ty = |name: &str, methods| new_ext_type(name, "operator", std::ptr::null(), methods);
    TYPES.with(|c| {
        *c.get_or_init(|| {
            Box::leak(Box::new(Types {
                itemgetter: ty(
                    "itemgetter",
                    &[
                        ("__new__", itemgetter_new),
                        ("__call__", itemgetter_call),
                        ("__repr__", itemgetter_repr),
                    ],
                ),
                attrgetter: ty(
                    "attrgetter",
                    &[
                        ("__new__", attrgetter_new),
                        ("__call__", attrgetter_call),
                        ("__repr__", attrgetter_repr),
                    ],
                ),
                methodcaller: ty(
                    "methodcaller",
                    &[
                        ("__new__", methodcaller_new),
                        ("__call__", methodcaller_call),
                        ("__repr__", methodcaller_repr),
                    ],
                ),
            }))
        })
    })
}

/// The one object a getter is called with.
fn getter_arg<'a>(name: &str, args: &'a [Value], kw: &[Value]) -> PyResult<&'a Value> {
    let a = positional(name, args.get(1..).unwrap_or(&[]), kw, 1, 1)?;
    Ok(&a[0])
}

/// Reprs of `items` joined by ", ".
fn join_reprs(vm: &mut Vm, items: &[Value]) -> PyResult<String> {
    let mut parts = Vec::with_capacity(items.len());
    for x in items {
        parts.push(ops::repr::repr_string(vm, x)?);
    }
    Ok(parts.join(", "))
}

/// The items / names a getter is created with (at least one).
fn getters<'a>(name: &str, args: &'a [Value], kw: &[Value]) -> PyResult<&'a [Value]> {
    let a = positional(name, args.get(1..).unwrap_or(&[]), kw, 0, usize::MAX)?;
    if a.is_empty() {
        return Err(error::type_error(format!(
            "{name} expected 1 argument, got 0"
        )));
    }
    Ok(a)
}

struct ItemGetter {
    items: Vec<Value>,
}

fn itemgetter_new(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let items = getters("itemgetter", args, kw)?;
    Ok(new_ext(
        ItemGetter {
            items: items.to_vec(),
        },
        types().itemgetter,
    ))
}

fn itemgetter_call(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let g = receiver::<ItemGetter>(args, "operator.itemgetter", "__call__")?;
    let obj = getter_arg("itemgetter", args, kw)?;
    if g.items.len() == 1 {
        return ops::getitem(vm, obj, &g.items[0]);
    }
    let mut out = Vec::with_capacity(g.items.len());
    for i in &g.items {
        out.push(ops::getitem(vm, obj, i)?);
    }
    Ok(new_tuple(out))
}

fn itemgetter_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let g = receiver::<ItemGetter>(args, "operator.itemgetter", "__repr__")?;
    let inner = join_reprs(vm, &g.items)?;
    Ok(new_str(format!("operator.itemgetter({inner})")))
}

struct AttrGetter {
    names: Vec<Value>,
    /// Each name split at its dots (interned).
    paths: Vec<Vec<Value>>,
}

fn attrgetter_new(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let names = getters("attrgetter", args, kw)?;
    let mut paths = Vec::with_capacity(names.len());
    for n in names {
        let s = as_str(n).ok_or_else(|| error::type_error("attribute name must be a string"))?;
        paths.push(s.split('.').map(intern).collect());
    }
    Ok(new_ext(
        AttrGetter {
            names: names.to_vec(),
            paths,
        },
        types().attrgetter,
    ))
}

fn attrgetter_call(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let g = receiver::<AttrGetter>(args, "operator.attrgetter", "__call__")?;
    let obj = getter_arg("attrgetter", args, kw)?;
    let mut out = Vec::with_capacity(g.paths.len());
    for path in &g.paths {
        let mut v = obj.clone();
        for part in path {
            v = ops::getattr(vm, &v, part)?;
        }
        out.push(v);
    }
    if out.len() == 1 {
        return Ok(out.pop().unwrap_or(Value::NONE));
    }
    Ok(new_tuple(out))
}

fn attrgetter_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let g = receiver::<AttrGetter>(args, "operator.attrgetter", "__repr__")?;
    let inner = join_reprs(vm, &g.names)?;
    Ok(new_str(format!("operator.attrgetter({inner})")))
}

struct MethodCaller {
    name: Value,
    /// Positional arguments followed by keyword values, as in a native call.
    args: Vec<Value>,
    kwnames: Vec<Value>,
}

fn methodcaller_new(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let args = args.get(1..).unwrap_or(&[]);
    let npos = args.len() - kw.len();
    if npos == 0 {
        return Err(error::type_error(
            "methodcaller needs at least one argument, the method name",
        ));
    }
    let name = as_str(&args[0]).ok_or_else(|| error::type_error("method name must be a string"))?;
    Ok(new_ext(
        MethodCaller {
            name: intern(name),
            args: args[1..].to_vec(),
            kwnames: kw.to_vec(),
        },
        types().methodcaller,
    ))
}

fn methodcaller_call(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let m = receiver::<MethodCaller>(args, "operator.methodcaller", "__call__")?;
    let obj = getter_arg("methodcaller", args, kw)?;
    let f = ops::getattr(vm, obj, &m.name)?;
    vm.call(&f, &m.args, &m.kwnames)
}

fn methodcaller_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let m = receiver::<MethodCaller>(args, "operator.methodcaller", "__repr__")?;
    let mut parts = vec![ops::repr::repr_string(vm, &m.name)?];
    let npos = m.args.len() - m.kwnames.len();
    for a in &m.args[..npos] {
        parts.push(ops::repr::repr_string(vm, a)?);
    }
    for (k, v) in m.kwnames.iter().zip(&m.args[npos..]) {
        let v = ops::repr::repr_string(vm, v)?;
        parts.push(format!("{}={v}", as_str(k).unwrap_or("?")));
    }
    Ok(new_str(format!(
        "operator.methodcaller({})",
        parts.join(", ")
    )))
}

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("add", add),
    ("sub", sub),
    ("mul", mul),
    ("truediv", truediv),
    ("floordiv", floordiv),
    ("mod", mod_),
    ("pow", pow),
    ("matmul", matmul),
    ("lshift", lshift),
    ("rshift", rshift),
    ("and_", and_),
    ("or_", or_),
    ("xor", xor),
    ("iadd", iadd),
    ("isub", isub),
    ("imul", imul),
    ("itruediv", itruediv),
    ("ifloordiv", ifloordiv),
    ("imod", imod),
    ("ipow", ipow),
    ("imatmul", imatmul),
    ("ilshift", ilshift),
    ("irshift", irshift),
    ("iand", iand),
    ("ior", ior),
    ("ixor", ixor),
    ("lt", lt),
    ("le", le),
    ("eq", eq),
    ("ne", ne),
    ("gt", gt),
    ("ge", ge),
    ("neg", neg),
    ("pos", pos),
    ("abs", abs),
    ("invert", invert),
    ("inv", inv),
    ("not_", not_),
    ("truth", truth),
    ("index", index),
    ("is_", is_),
    ("is_not", is_not),
    ("contains", contains),
    ("getitem", getitem),
    ("setitem", setitem),
    ("delitem", delitem),
    ("concat", concat),
    ("iconcat", iconcat),
    ("countOf", count_of),
    ("indexOf", index_of),
];

/// The dunder alias (`operator.__add__` is `operator.add`) of a function, if it has one.
fn dunder_alias(name: &str) -> Option<String> {
    match name {
        "truth" | "is_" | "is_not" | "countOf" | "indexOf" => None,
        "not_" | "and_" | "or_" => Some(format!("__{}__", name.trim_end_matches('_'))),
        _ => Some(format!("__{name}__")),
    }
}

pub fn make(_vm: &mut Vm) -> Value {
    let m = super::module_with_functions("_operator", FUNCTIONS);
    let d = m
        .downcast::<crate::types::module::ModuleObj>()
        .map(|mo| mo.dict.clone())
        .unwrap_or(Value::NONE);
    for (name, _) in FUNCTIONS {
        if let (Some(alias), Some(f)) = (dunder_alias(name), DictObj::get_str(&d, &intern(name))) {
            DictObj::set_str(&d, intern(&alias), f);
        }
    }
    let t = types();
    for (name, p) in [
        ("itemgetter", t.itemgetter),
        ("attrgetter", t.attrgetter),
        ("methodcaller", t.methodcaller),
    ] {
        super::set(&m, name, unsafe { Value::from_header(p) });
    }
    super::set(&m, "__doc__", new_str("Operator interface.\n\nThis module exports a set of functions implemented in C corresponding\nto the intrinsic operators of Python.  For example, operator.add(x, y)\nis equivalent to the expression x+y.  The function names are those\nused for special methods; variants without leading and trailing\n'__' are also provided for convenience."));
    m
}

/// `operator.itemgetter` (struct sequences in `sys` use it for their field properties).
pub fn itemgetter_type() -> Value {
    unsafe { Value::from_header(types().itemgetter) }
}
