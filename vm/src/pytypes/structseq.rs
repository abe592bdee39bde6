//! Struct sequences (`os.stat_result`, `time.struct_time`, `os.terminal_size`): tuple
//! subclasses whose first fields are the tuple's items and whose other fields are
//! attributes only, as CPython's `structseq.c`. Each type is made once per thread.

use crate::error::PyResult;
use crate::ops;
use crate::types::dict::DictObj;
use crate::types::str::{as_str, intern, new_str};
use crate::types::tt;
use crate::types::tuple::new_tuple;
use crate::value::Value;
use crate::vm::Vm;
use std::cell::RefCell;
use std::collections::HashMap;

thread_local! {
    static TYPES: RefCell<HashMap<String, Value>> = RefCell::new(HashMap::new());
}

/// The struct sequence type `module.name` with `fields`, of which the first `n_seq` are
/// the tuple items.
pub fn structseq_type(
    vm: &mut Vm,
    module: &str,
    name: &str,
    fields: &[&str],
    n_seq: usize,
) -> Value {
    let full = format!("{module}.{name}");
    if let Some(t) = TYPES.with(|t| t.borrow().get(&full).cloned()) {
        return t;
    }
    let ns = DictObj::new_value();
    let set = |k: &str, v: Value| DictObj::set_str(&ns, intern(k), v);
    set("__module__", new_str(module));
    set("__qualname__", new_str(name));
    set("n_fields", Value::int(fields.len() as i64));
    set("n_sequence_fields", Value::int(n_seq as i64));
    set("n_unnamed_fields", Value::int(0));
    set(
        "__match_args__",
        new_tuple(fields[..n_seq].iter().map(|f| new_str(*f)).collect()),
    );
    set(
        "_structseq_fields",
        new_tuple(fields.iter().map(|f| new_str(*f)).collect()),
    );
    set("__repr__", crate::types::func::new_native("__repr__", repr));
    set("__slots__", new_tuple(vec![]));
    let getter = crate::stdlib::operator::itemgetter_type();
    let prop = unsafe { Value::from_header(tt().property) };
    for (i, f) in fields[..n_seq].iter().enumerate() {
        let get = vm
            .call(&getter, &[Value::int(i as i64)], &[])
            .expect("itemgetter");
        let p = vm.call(&prop, &[get], &[]).expect("property");
        set(f, p);
    }
    let tuple_ty = unsafe { Value::from_header(tt().tuple) };
    let type_ty = unsafe { Value::from_header(tt().type_) };
    let cls = vm
        .call(
            &type_ty,
            &[new_str(name), new_tuple(vec![tuple_ty]), ns],
            &[],
        )
        .expect("struct sequence type");
    TYPES.with(|t| t.borrow_mut().insert(full, cls.clone()));
    cls
}

/// An instance: `values` holds every field, the sequence ones first.
pub fn new_structseq(vm: &mut Vm, ty: &Value, values: Vec<Value>) -> PyResult<Value> {
    let n_seq = ops::getattr(vm, ty, &intern("n_sequence_fields"))?
        .as_small_int()
        .unwrap_or(0) as usize;
    let fields = ops::getattr(vm, ty, &intern("_structseq_fields"))?;
    let fields = ops::collect(vm, &fields)?;
    let mut values = values;
    let extra = values.split_off(n_seq.min(values.len()));
    let obj = vm.call(ty, &[new_tuple(values)], &[])?;
    if !extra.is_empty() {
        let d = crate::object::side_dict(&obj, true).unwrap();
        for (f, v) in fields[n_seq..].iter().zip(extra) {
            DictObj::set_str(&d, f.clone(), v);
        }
    }
    Ok(obj)
}

fn repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let this = &args[0];
    let ty = crate::types::type_of(this);
    let module = ops::getattr(vm, &ty, &intern("__module__"))?;
    let name = ops::getattr(vm, &ty, &intern("__qualname__"))?;
    let fields = ops::getattr(vm, &ty, &intern("__match_args__"))?;
    let fields = ops::collect(vm, &fields)?;
    let items = ops::collect(vm, this)?;
    let mut parts = vec![];
    for (f, v) in fields.iter().zip(&items) {
        parts.push(format!(
            "{}={}",
            as_str(f).unwrap_or("?"),
            ops::repr::repr_string(vm, v)?
        ));
    }
    Ok(new_str(format!(
        "{}.{}({})",
        as_str(&module).unwrap_or("?"),
        as_str(&name).unwrap_or("?"),
        parts.join(", ")
    )))
}
