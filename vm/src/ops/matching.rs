//! What the `match` statement's instructions compute (CPython's `match_class`,
//! `match_keys` and the mapping/sequence tests of `ceval.c`).

use crate::error::{self, PyResult};
use crate::object::Kind;
use crate::ops;
use crate::types::dict::DictObj;
use crate::types::str::{as_str, intern};
use crate::types::tuple::{as_tuple, new_tuple};
use crate::types::typeobj::{is_subtype, type_data, type_ptr, TypeData};
use crate::types::{tt, type_name};
use crate::value::Value;
use crate::vm::Vm;

/// `isinstance(v, collections.abc.<abc>)` once `_collections_abc` is loaded (classes
/// register with those ABCs; CPython records the registration as a type flag).
fn abc_instance(vm: &mut Vm, v: &Value, abc: &str) -> PyResult<bool> {
    let Some(m) = crate::import::loaded(vm, "_collections_abc") else {
        return Ok(false);
    };
    let cls = ops::getattr(vm, &m, &intern(abc))?;
    let isinstance = crate::types::dict::DictObj::get_str(&vm.builtins, &intern("isinstance"))
        .expect("builtins.isinstance");
    let r = vm.call(&isinstance, &[v.clone(), cls], &[])?;
    ops::truthy(vm, &r)
}

/// MATCH_MAPPING.
pub fn is_mapping(vm: &mut Vm, v: &Value) -> PyResult<bool> {
    if v.kind() == Some(Kind::Dict) {
        return Ok(true);
    }
    let t = tt();
    if !v.is_ptr() || is_builtin_scalar(v, t) {
        return Ok(false);
    }
    abc_instance(vm, v, "Mapping")
}

/// MATCH_SEQUENCE: str, bytes and bytearray are not sequences for patterns.
pub fn is_sequence(vm: &mut Vm, v: &Value) -> PyResult<bool> {
    let t = tt();
    let ty = type_ptr(v);
    if [t.str_, t.bytes, t.bytearray]
        .iter()
        .any(|&b| is_subtype(ty, b))
    {
        return Ok(false);
    }
    if matches!(v.kind(), Some(Kind::List | Kind::Tuple | Kind::Range)) {
        return Ok(true);
    }
    if !v.is_ptr() || is_builtin_scalar(v, t) {
        return Ok(false);
    }
    if crate::types::typeobj::type_data_ptr(ty).name == "array.array" {
        return Ok(true);
    }
    abc_instance(vm, v, "Sequence")
}

/// Builtin values that are never mappings or sequences (skips the ABC check).
fn is_builtin_scalar(v: &Value, t: &crate::types::typeobj::TypeTable) -> bool {
    let ty = type_ptr(v);
    [
        t.int,
        t.float,
        t.str_,
        t.bytes,
        t.set,
        t.frozenset,
        t.none_type,
        t.function,
    ]
    .contains(&ty)
}

/// MATCH_KEYS: the values of `keys` in `subject` (a tuple), or None if one is missing.
pub fn match_keys(vm: &mut Vm, subject: &Value, keys: &Value) -> PyResult<Value> {
    let keys = as_tuple(keys).unwrap_or(&[]).to_vec();
    if keys.is_empty() {
        return Ok(new_tuple(vec![]));
    }
    let get = ops::getattr(vm, subject, &intern("get"))?;
    // A fresh object no mapping can hold: what `get` returns for a missing key.
    let dummy = vm.call(&unsafe { Value::from_header(tt().object) }, &[], &[])?;
    let mut seen: Vec<Value> = vec![];
    let mut values = vec![];
    for k in keys {
        for s in &seen {
            if ops::eq(vm, s, &k)? {
                let r = ops::repr::repr_string(vm, &k)?;
                return Err(error::value_error(format!(
                    "mapping pattern checks duplicate key ({r})"
                )));
            }
        }
        let v = vm.call(&get, &[k.clone(), dummy.clone()], &[])?;
        if v.is(&dummy) {
            return Ok(Value::NONE);
        }
        values.push(v);
        seen.push(k);
    }
    Ok(new_tuple(values))
}

/// COPY_DICT_WITHOUT_KEYS: `{**subject}` without `keys`.
pub fn dict_without_keys(vm: &mut Vm, subject: &Value, keys: &Value) -> PyResult<Value> {
    let d = DictObj::new_value();
    let dict_ty = unsafe { Value::from_header(tt().dict) };
    let update = ops::getattr(vm, &dict_ty, &intern("update"))?;
    vm.call(&update, &[d.clone(), subject.clone()], &[])?;
    for k in as_tuple(keys).unwrap_or(&[]) {
        d.downcast::<DictObj>().unwrap().remove(vm, k)?;
    }
    Ok(d)
}

/// MATCH_CLASS: the attributes the sub-patterns match (a tuple), or None when `subject`
/// is not an instance of `cls` or lacks one of them.
pub fn match_class(
    vm: &mut Vm,
    subject: &Value,
    cls: &Value,
    nargs: usize,
    kwnames: &Value,
) -> PyResult<Value> {
    let Some(td) = cls.downcast::<TypeData>() else {
        return Err(error::type_error("called match pattern must be a class"));
    };
    if !crate::types::typeobj::isinstance_ptr(subject, cls.ptr())
        && !instance_via_check(vm, subject, cls)?
    {
        return Ok(Value::NONE);
    }
    let short = td.name.rsplit('.').next().unwrap_or("").to_string();
    let mut names: Vec<Value> = vec![];
    let mut values = vec![];
    if nargs > 0 {
        let match_args = match ops::getattr(vm, cls, &intern("__match_args__")) {
            Ok(m) => Some(m),
            Err(e) if e.is_instance(tt().attribute_error) => None,
            Err(e) => return Err(e),
        };
        match match_args {
            Some(m) => {
                let Some(items) = as_tuple(&m) else {
                    return Err(error::type_error(format!(
                        "{short}.__match_args__ must be a tuple (got {})",
                        type_name(&m)
                    )));
                };
                if items.len() < nargs {
                    return Err(error::type_error(format!(
                        "{short}() accepts {} positional sub-pattern{} ({nargs} given)",
                        items.len(),
                        if items.len() == 1 { "" } else { "s" }
                    )));
                }
                for n in &items[..nargs] {
                    if as_str(n).is_none() {
                        return Err(error::type_error(format!(
                            "__match_args__ elements must be strings (got {})",
                            type_name(n)
                        )));
                    }
                    names.push(n.clone());
                }
            }
            None if self_matching(cls) => {
                if nargs > 1 {
                    return Err(error::type_error(format!(
                        "{short}() accepts 1 positional sub-pattern ({nargs} given)"
                    )));
                }
                values.push(subject.clone());
            }
            None => {
                return Err(error::type_error(format!(
                    "{short}() accepts 0 positional sub-patterns ({nargs} given)"
                )));
            }
        }
    }
    names.extend(as_tuple(kwnames).unwrap_or(&[]).iter().cloned());
    for (i, n) in names.iter().enumerate() {
        if names[..i].iter().any(|m| as_str(m) == as_str(n)) {
            return Err(error::type_error(format!(
                "{short}() got multiple sub-patterns for attribute {}",
                crate::fmt::strrepr::str_repr(as_str(n).unwrap_or(""))
            )));
        }
        match ops::getattr(vm, subject, n) {
            Ok(v) => values.push(v),
            Err(e) if e.is_instance(tt().attribute_error) => return Ok(Value::NONE),
            Err(e) => return Err(e),
        }
    }
    Ok(new_tuple(values))
}

/// `isinstance` through a metaclass `__instancecheck__` (ABCs).
fn instance_via_check(vm: &mut Vm, subject: &Value, cls: &Value) -> PyResult<bool> {
    if type_data(cls).is_builtin {
        return Ok(false);
    }
    let isinstance = DictObj::get_str(&vm.builtins, &intern("isinstance")).expect("isinstance");
    let r = vm.call(&isinstance, &[subject.clone(), cls.clone()], &[])?;
    ops::truthy(vm, &r)
}

/// Builtin types whose single positional sub-pattern matches the subject itself.
fn self_matching(cls: &Value) -> bool {
    let t = tt();
    [
        t.bool_,
        t.bytearray,
        t.bytes,
        t.dict,
        t.float,
        t.frozenset,
        t.int,
        t.list,
        t.set,
        t.str_,
        t.tuple,
    ]
    .iter()
    .any(|&b| is_subtype(cls.ptr(), b))
}
