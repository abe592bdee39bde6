//! `str` methods and `%`-formatting.

use super::MethodTable;
use crate::error::{self, PyResult};
use crate::value::Value;
use crate::vm::Vm;

pub static METHODS: MethodTable = &[];

pub fn percent_format(vm: &mut Vm, fmt: &str, args: &Value) -> PyResult<Value> {
    let _ = (vm, fmt, args);
    Err(error::not_implemented_error("%-formatting is not supported yet by pyrun"))
}
