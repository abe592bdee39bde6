//! `bytearray`'s mutating methods. The receiver's buffer is only borrowed mutably after all
//! arguments are converted (conversion may run Python code or read the same bytearray).

use super::methods_bytes::{byte_arg, method_table, recv, Call, Ty, BYTEARRAY_METHODS};
use super::MethodTable;
use crate::error::{self, PyResult};
use crate::ops;
use crate::types::bytes::{as_bytes, ByteArrayObj};
use crate::types::int::as_int;
use crate::types::{tt, type_name};
use crate::value::Value;
use crate::vm::Vm;

fn buf<'a>(c: &Call<'a>) -> &'a ByteArrayObj {
    c.this.downcast::<ByteArrayObj>().unwrap()
}

/// Drains an iterator of ints in range(256).
pub fn bytes_from_iter(vm: &mut Vm, it: &Value) -> PyResult<Vec<u8>> {
    let mut out = Vec::new();
    while let Some(x) = ops::next(vm, it)? {
        out.push(byte_arg(&x)?);
    }
    Ok(out)
}

fn append(_vm: &mut Vm, c: &Call) -> PyResult<Value> {
    let b = byte_arg(c.one()?)?;
    buf(c).data.borrow_mut().push(b);
    Ok(Value::NONE)
}

fn extend(vm: &mut Vm, c: &Call) -> PyResult<Value> {
    let v = c.one()?;
    let items = if let Some(b) = as_bytes(v) {
        b.to_vec()
    } else {
        let it = match ops::iter(vm, v) {
            Ok(it) => it,
            Err(e) if e.is_instance(tt().type_error) => {
                return Err(error::type_error(format!(
                    "can't extend bytearray with {}",
                    type_name(v)
                )))
            }
            Err(e) => return Err(e),
        };
        bytes_from_iter(vm, &it)?
    };
    buf(c).data.borrow_mut().extend_from_slice(&items);
    Ok(Value::NONE)
}

fn pop(_vm: &mut Vm, c: &Call) -> PyResult<Value> {
    c.clinic(0, 1)?;
    let i = match c.pos.first() {
        Some(v) => super::args::to_i64(v, "")?,
        None => -1,
    };
    let mut data = buf(c).data.borrow_mut();
    if data.is_empty() {
        return Err(error::index_error("pop from empty bytearray"));
    }
    let n = data.len() as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(error::index_error("pop index out of range"));
    }
    Ok(Value::small_int(data.remove(j as usize) as i64))
}

fn insert(_vm: &mut Vm, c: &Call) -> PyResult<Value> {
    c.clinic(2, 2)?;
    let i = super::args::to_i64(&c.pos[0], "")?;
    let b = byte_arg(&c.pos[1])?;
    let mut data = buf(c).data.borrow_mut();
    let n = data.len() as i64;
    let j = if i < 0 { (i + n).max(0) } else { i.min(n) };
    data.insert(j as usize, b);
    Ok(Value::NONE)
}

fn remove(_vm: &mut Vm, c: &Call) -> PyResult<Value> {
    let v = c.one()?;
    if as_int(v).is_none() {
        return Err(error::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(v)
        )));
    }
    let b = byte_arg(v)?;
    let mut data = buf(c).data.borrow_mut();
    match data.iter().position(|&x| x == b) {
        Some(p) => {
            data.remove(p);
            Ok(Value::NONE)
        }
        None => Err(error::value_error("value not found in bytearray")),
    }
}

fn clear(_vm: &mut Vm, c: &Call) -> PyResult<Value> {
    c.noargs()?;
    buf(c).data.borrow_mut().clear();
    Ok(Value::NONE)
}

fn reverse(_vm: &mut Vm, c: &Call) -> PyResult<Value> {
    c.noargs()?;
    buf(c).data.borrow_mut().reverse();
    Ok(Value::NONE)
}

fn copy(_vm: &mut Vm, c: &Call) -> PyResult<Value> {
    c.noargs()?;
    Ok(c.make(c.data().to_vec()))
}

pub static MUTATORS: MethodTable = method_table!(Ty::ByteArray;
    "append" => append, "extend" => extend, "pop" => pop, "insert" => insert,
    "remove" => remove, "clear" => clear, "reverse" => reverse, "copy" => copy;
);

/// Installs the shared bytes methods and the mutators on `bytearray`.
pub fn install(ty: *const crate::object::Header) {
    super::add_methods(ty, BYTEARRAY_METHODS);
    super::add_methods(ty, MUTATORS);
}
