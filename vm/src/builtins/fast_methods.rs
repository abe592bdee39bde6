//! Direct entries for the hottest native methods, for tier 1's CALL_METHOD_FAST: the call
//! site has proven the receiver's exact builtin type and its argument count is fixed, so
//! the entry skips the receiver check and the argument parsing of the general method
//! (`NativeObj::call` → the method table's function). Behaviour is the general method's:
//! each entry is only offered for the argument counts it accepts without keywords.

use super::methods_list::pop_at;
use crate::error::PyResult;
use crate::object::Header;
use crate::types::dict::DictObj;
use crate::types::list::ListObj;
use crate::types::set::SetObj;
use crate::types::tt;
use crate::value::Value;
use crate::vm::Vm;

/// `f(vm, receiver, args)`: the receiver is an exact instance of the entry's type.
pub type FastMethod = fn(&mut Vm, &Value, &[Value]) -> PyResult<Value>;

/// The direct entry of method `name` of builtin type `owner` called with `argc` positional
/// arguments (receiver excluded), if it has one.
pub fn fast_method(owner: *const Header, name: &str, argc: usize) -> Option<FastMethod> {
    let t = tt();
    let f: FastMethod = match (name, argc) {
        ("append", 1) if owner == t.list => list_append,
        ("pop", 0 | 1) if owner == t.list => list_pop,
        ("add", 1) if owner == t.set => set_add,
        ("get", 1 | 2) if owner == t.dict => dict_get,
        _ => return None,
    };
    Some(f)
}

fn list_append(_vm: &mut Vm, l: &Value, args: &[Value]) -> PyResult<Value> {
    // SAFETY (all entries): the call site guarded the receiver's exact type.
    let l = unsafe { l.downcast::<ListObj>().unwrap_unchecked() };
    l.push(args[0].clone())?;
    Ok(Value::NONE)
}

fn list_pop(_vm: &mut Vm, l: &Value, args: &[Value]) -> PyResult<Value> {
    let l = unsafe { l.downcast::<ListObj>().unwrap_unchecked() };
    let i = match args.first() {
        Some(v) => super::args::to_i64(v, "")?,
        None => -1,
    };
    pop_at(l, i)
}

fn set_add(vm: &mut Vm, s: &Value, args: &[Value]) -> PyResult<Value> {
    let s = unsafe { s.downcast::<SetObj>().unwrap_unchecked() };
    s.add(vm, args[0].clone())?;
    Ok(Value::NONE)
}

fn dict_get(vm: &mut Vm, d: &Value, args: &[Value]) -> PyResult<Value> {
    let d = unsafe { d.downcast::<DictObj>().unwrap_unchecked() };
    Ok(match d.get(vm, &args[0])? {
        Some(v) => v,
        None => args.get(1).cloned().unwrap_or(Value::NONE),
    })
}
