//! `types.GenericAlias` (`list[int]`) and `types.UnionType` (`int | str`).

use crate::builtins::args::Args;
use crate::error::{self, PyResult};
use crate::object::Header;
use crate::ops;
use crate::types::ext::{ext_ref, new_ext_of, new_ext_type};
use crate::types::func::NativeFn;
use crate::types::str::{as_str, intern, new_str};
use crate::types::tt;
use crate::types::tuple::{as_tuple, new_tuple};
use crate::types::typeobj::{type_ptr, TypeData};
use crate::value::Value;
use crate::vm::Vm;
use std::cell::OnceCell;

struct Alias {
    origin: Value,
    args: Value,
    params: Value,
}

struct Union {
    args: Value,
}

struct Types {
    alias: *const Header,
    union: *const Header,
}

thread_local! {
    static TYPES: OnceCell<&'static Types> = const { OnceCell::new() };
}

fn types() -> &'static Types {
    TYPES.with(|c| {
        *c.get_or_init(|| {
            let alias = new_ext_type("GenericAlias", "types", std::ptr::null(), ALIAS_METHODS);
            let union = new_ext_type("UnionType", "types", std::ptr::null(), UNION_METHODS);
            Box::leak(Box::new(Types { alias, union }))
        })
    })
}

pub fn alias_type() -> Value {
    unsafe { Value::from_header(types().alias) }
}

pub fn union_type() -> Value {
    unsafe { Value::from_header(types().union) }
}

const ALIAS_METHODS: &[(&str, NativeFn)] = &[
    ("__new__", alias_new),
    ("__getattribute__", alias_getattribute),
    ("__repr__", alias_repr),
    ("__call__", alias_call),
    ("__getitem__", alias_getitem),
    ("__eq__", alias_eq),
    ("__hash__", alias_hash),
    ("__mro_entries__", alias_mro_entries),
    ("__or__", union_or),
    ("__ror__", union_ror),
    ("__instancecheck__", alias_instancecheck),
    ("__subclasscheck__", alias_instancecheck),
    ("__reduce__", alias_reduce),
];

const UNION_METHODS: &[(&str, NativeFn)] = &[
    ("__getattribute__", union_getattribute),
    ("__repr__", union_repr),
    ("__eq__", union_eq),
    ("__hash__", union_hash),
    ("__or__", union_or),
    ("__ror__", union_ror),
    ("__getitem__", union_getitem),
    ("__instancecheck__", union_instancecheck),
    ("__subclasscheck__", union_subclasscheck),
];

/// The type variables among `args` (and their nested aliases), in order, once each.
fn parameters(vm: &mut Vm, args: &[Value]) -> PyResult<Value> {
    let mut out: Vec<Value> = vec![];
    for a in args {
        if a.downcast::<TypeData>().is_some() {
            continue;
        }
        if has_attr(vm, a, "__typing_subst__")? {
            if !out.iter().any(|x| x.is(a)) {
                out.push(a.clone());
            }
            continue;
        }
        if let Ok(p) = ops::getattr(vm, a, &intern("__parameters__")) {
            if let Some(t) = as_tuple(&p) {
                for x in t {
                    if !out.iter().any(|y| y.is(x)) {
                        out.push(x.clone());
                    }
                }
            }
        }
    }
    Ok(new_tuple(out))
}

fn has_attr(vm: &mut Vm, v: &Value, name: &str) -> PyResult<bool> {
    match ops::getattr(vm, v, &intern(name)) {
        Ok(_) => Ok(true),
        Err(e) if e.is_instance(tt().attribute_error) => Ok(false),
        Err(e) => Err(e),
    }
}

/// `origin[args]`.
pub fn new_alias(vm: &mut Vm, origin: Value, args: &Value) -> PyResult<Value> {
    let cls = alias_type();
    make_alias(vm, origin, args, &cls)
}

fn make_alias(vm: &mut Vm, origin: Value, args: &Value, cls: &Value) -> PyResult<Value> {
    let args = if as_tuple(args).is_some() {
        args.clone()
    } else {
        new_tuple(vec![args.clone()])
    };
    let params = parameters(vm, as_tuple(&args).unwrap())?;
    new_ext_of(
        Alias {
            origin,
            args,
            params,
        },
        types().alias,
        cls,
    )
}

fn alias(v: &Value) -> PyResult<&Alias> {
    ext_ref::<Alias>(v)
        .ok_or_else(|| error::type_error("descriptor requires a 'types.GenericAlias' object"))
}

fn alias_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("GenericAlias", &args[1..], kw);
    a.check(2, 2, &[])?;
    make_alias(vm, a.pos[0].clone(), &a.pos[1], &args[0])
}

/// Attributes of the alias itself; others are the origin's (as CPython's forwarding).
fn alias_getattribute(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let this = &args[0];
    let a = alias(this)?;
    let name = as_str(&args[1]).unwrap_or("");
    match name {
        "__origin__" => return Ok(a.origin.clone()),
        "__args__" => return Ok(a.args.clone()),
        "__parameters__" => return Ok(a.params.clone()),
        "__unpacked__" => return Ok(Value::FALSE),
        "__class__" => return Ok(crate::types::type_of(this)),
        _ => {}
    }
    let own = crate::types::typeobj::lookup(type_ptr(this), &args[1]);
    let forwarded = !name.starts_with("__")
        || !matches!(
            name,
            "__repr__"
                | "__call__"
                | "__getitem__"
                | "__eq__"
                | "__hash__"
                | "__mro_entries__"
                | "__or__"
                | "__ror__"
                | "__reduce__"
                | "__instancecheck__"
                | "__subclasscheck__"
                | "__getattribute__"
                | "__new__"
                | "__init__"
                | "__dir__"
                | "__copy__"
                | "__deepcopy__"
        );
    if forwarded && own.is_none() {
        return ops::getattr(vm, &a.origin, &args[1]);
    }
    match own {
        Some(m) => ops::attr::bind_descriptor(vm, &m, this),
        None => ops::getattr(vm, &a.origin, &args[1]),
    }
}

/// `_Py_typing_type_repr`: `int`, `mod.Class`, `...`, or `repr()`.
fn type_repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    if v.is(&tt().ellipsis) {
        return Ok("...".into());
    }
    if ext_ref::<Alias>(v).is_some() || ext_ref::<Union>(v).is_some() {
        return ops::repr::repr_string(vm, v);
    }
    if v.downcast::<TypeData>().is_some() {
        let q = ops::getattr(vm, v, &intern("__qualname__"));
        let m = ops::getattr(vm, v, &intern("__module__"));
        if let (Ok(q), Ok(m)) = (q, m) {
            let (q, m) = (
                ops::repr::str_string(vm, &q)?,
                ops::repr::str_string(vm, &m)?,
            );
            return Ok(if m == "builtins" {
                q
            } else {
                format!("{m}.{q}")
            });
        }
    }
    ops::repr::repr_string(vm, v)
}

fn alias_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let a = alias(&args[0])?;
    let mut s = type_repr(vm, &a.origin)?;
    s.push('[');
    let items = as_tuple(&a.args).unwrap();
    if items.is_empty() {
        s.push_str("()");
    }
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        if let Some(t) = crate::types::list::as_list(x) {
            let inner: Vec<String> = t
                .items
                .borrow()
                .iter()
                .map(|y| type_repr(vm, y))
                .collect::<PyResult<_>>()?;
            s.push_str(&format!("[{}]", inner.join(", ")));
        } else {
            s.push_str(&type_repr(vm, x)?);
        }
    }
    s.push(']');
    Ok(new_str(s))
}

fn alias_call(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let origin = alias(&args[0])?.origin.clone();
    let obj = vm.call(&origin, &args[1..], kw)?;
    // `__orig_class__` is recorded where the object accepts attributes.
    let _ = ops::setattr(vm, &obj, &intern("__orig_class__"), args[0].clone());
    Ok(obj)
}

/// `list[T][int]`: substitutes the alias's type variables.
fn alias_getitem(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let a = alias(&args[0])?;
    let params = as_tuple(&a.params).unwrap().to_vec();
    if params.is_empty() {
        let r = ops::repr::repr_string(vm, &args[0])?;
        return Err(error::type_error(format!("{r} is not a generic class")));
    }
    let given = match as_tuple(&args[1]) {
        Some(t) => t.to_vec(),
        None => vec![args[1].clone()],
    };
    if given.len() != params.len() {
        let r = ops::repr::repr_string(vm, &args[0])?;
        return Err(error::type_error(format!(
            "Too {} arguments for {r}; actual {}, expected {}",
            if given.len() > params.len() {
                "many"
            } else {
                "few"
            },
            given.len(),
            params.len()
        )));
    }
    let subst = |vm: &mut Vm, x: &Value| -> PyResult<Value> {
        if let Some(i) = params.iter().position(|p| p.is(x)) {
            return Ok(given[i].clone());
        }
        let sub = match ops::getattr(vm, x, &intern("__parameters__")) {
            Ok(p) => as_tuple(&p).map(|t| t.to_vec()).unwrap_or_default(),
            Err(_) => vec![],
        };
        if sub.is_empty() || x.downcast::<TypeData>().is_some() {
            return Ok(x.clone());
        }
        let vals: Vec<Value> = sub
            .iter()
            .map(|s| {
                params
                    .iter()
                    .position(|p| p.is(s))
                    .map(|i| given[i].clone())
                    .unwrap_or(s.clone())
            })
            .collect();
        let key = if vals.len() == 1 {
            vals[0].clone()
        } else {
            new_tuple(vals)
        };
        ops::getitem(vm, x, &key)
    };
    let mut new_args = vec![];
    for x in as_tuple(&a.args).unwrap().to_vec() {
        new_args.push(subst(vm, &x)?);
    }
    let origin = a.origin.clone();
    new_alias(vm, origin, &new_tuple(new_args))
}

fn alias_eq(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let a = alias(&args[0])?;
    let Some(b) = ext_ref::<Alias>(&args[1]) else {
        return Ok(tt().not_implemented.clone());
    };
    if !ops::eq(vm, &a.origin, &b.origin)? {
        return Ok(Value::FALSE);
    }
    Ok(Value::bool(ops::eq(vm, &a.args, &b.args)?))
}

fn alias_hash(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let a = alias(&args[0])?;
    Ok(Value::int(
        ops::hash(vm, &a.origin)? ^ ops::hash(vm, &a.args)?,
    ))
}

fn alias_mro_entries(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(new_tuple(vec![alias(&args[0])?.origin.clone()]))
}

fn alias_instancecheck(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Err(error::type_error(
        "isinstance() argument 2 cannot be a parameterized generic",
    ))
}

fn alias_reduce(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let a = alias(&args[0])?;
    Ok(new_tuple(vec![
        crate::types::type_of(&args[0]),
        new_tuple(vec![a.origin.clone(), a.args.clone()]),
    ]))
}

/// `__class_getitem__` of builtin generic classes (`list[int]`, `dict[str, int]`, ...).
pub fn class_getitem(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("__class_getitem__", args, &[]);
    a.check(2, 2, &[])?;
    new_alias(vm, a.pos[0].clone(), &a.pos[1])
}

// ---- unions ----

fn union(v: &Value) -> PyResult<&Union> {
    ext_ref::<Union>(v)
        .ok_or_else(|| error::type_error("descriptor requires a 'types.UnionType' object"))
}

/// Can `v` be a member of `X | Y`?
fn unionable(v: &Value) -> bool {
    v.is_none()
        || v.downcast::<TypeData>().is_some()
        || ext_ref::<Alias>(v).is_some()
        || ext_ref::<Union>(v).is_some()
}

/// `a | b` for types: a UnionType, or NotImplemented.
pub fn make_union(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    // typing's own objects (TypeVar, ...) handle `|` themselves.
    if !unionable(a) || !unionable(b) {
        return Ok(tt().not_implemented.clone());
    }
    let mut items: Vec<Value> = vec![];
    for x in [a, b] {
        match ext_ref::<Union>(x) {
            Some(u) => items.extend(as_tuple(&u.args).unwrap().iter().cloned()),
            None => items.push(if x.is_none() {
                crate::types::type_of(x)
            } else {
                x.clone()
            }),
        }
    }
    let mut dedup: Vec<Value> = vec![];
    for x in items {
        let mut dup = false;
        for y in &dedup {
            if ops::eq(vm, y, &x)? {
                dup = true;
                break;
            }
        }
        if !dup {
            dedup.push(x);
        }
    }
    if dedup.len() == 1 {
        return Ok(dedup.pop().unwrap());
    }
    let u = crate::types::ext::new_ext(
        Union {
            args: new_tuple(dedup),
        },
        types().union,
    );
    Ok(u)
}

fn union_or(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    make_union(vm, &args[0], &args[1])
}

fn union_ror(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    make_union(vm, &args[1], &args[0])
}

fn union_getattribute(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let this = &args[0];
    let u = union(this)?;
    match as_str(&args[1]).unwrap_or("") {
        "__args__" => Ok(u.args.clone()),
        "__parameters__" => {
            let items = as_tuple(&u.args).unwrap().to_vec();
            parameters(vm, &items)
        }
        "__class__" => Ok(crate::types::type_of(this)),
        _ => ops::attr::generic_getattr(vm, this, &args[1]),
    }
}

fn union_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let u = union(&args[0])?;
    let mut parts = vec![];
    for x in as_tuple(&u.args).unwrap().to_vec() {
        parts.push(if type_ptr(&x) == tt().type_ && x.ptr() == tt().none_type {
            "None".to_string()
        } else {
            type_repr(vm, &x)?
        });
    }
    Ok(new_str(parts.join(" | ")))
}

fn union_members(vm: &mut Vm, v: &Value) -> PyResult<Vec<Value>> {
    let _ = vm;
    Ok(as_tuple(&union(v)?.args).unwrap().to_vec())
}

fn union_eq(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if ext_ref::<Union>(&args[1]).is_none() {
        return Ok(tt().not_implemented.clone());
    }
    let (a, b) = (union_members(vm, &args[0])?, union_members(vm, &args[1])?);
    for (x, y) in [(&a, &b), (&b, &a)] {
        for i in x.iter() {
            let mut found = false;
            for j in y.iter() {
                if ops::eq(vm, i, j)? {
                    found = true;
                    break;
                }
            }
            if !found {
                return Ok(Value::FALSE);
            }
        }
    }
    Ok(Value::TRUE)
}

fn union_hash(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let mut h: i64 = 0;
    for x in union_members(vm, &args[0])? {
        h ^= ops::hash(vm, &x)?;
    }
    Ok(Value::int(h))
}

fn union_getitem(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let r = ops::repr::repr_string(vm, &args[0])?;
    Err(error::type_error(format!("{r} is not a generic class")))
}

fn check_members(
    vm: &mut Vm,
    args: &[Value],
    f: fn(&mut Vm, &Value, &Value) -> PyResult<bool>,
) -> PyResult<Value> {
    for x in union_members(vm, &args[0])? {
        if ext_ref::<Alias>(&x).is_some() {
            return Err(error::type_error(
                "isinstance() argument 2 cannot be a parameterized generic",
            ));
        }
        if f(vm, &args[1], &x)? {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}

fn union_instancecheck(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    check_members(vm, args, ops::isinstance::isinstance)
}

fn union_subclasscheck(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    check_members(vm, args, ops::isinstance::issubclass)
}

/// `type.__or__` / `type.__ror__`.
pub fn type_or(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    make_union(vm, &args[0], &args[1])
}

pub fn type_ror(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    make_union(vm, &args[1], &args[0])
}
