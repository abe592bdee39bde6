//! `set` / `frozenset` methods and set algebra.

use super::MethodTable;
use crate::bytecode::BinOp;
use crate::error::PyResult;
use crate::types::set::SetObj;
use crate::value::Value;
use crate::vm::Vm;

pub static SET_METHODS: MethodTable = &[];
pub static FROZENSET_METHODS: MethodTable = &[];

pub fn set_binop(vm: &mut Vm, op: BinOp, a: &Value, x: &SetObj, y: &SetObj) -> PyResult<Option<Value>> {
    let _ = (vm, op, a, x, y);
    Ok(None)
}
