//! Code objects, Python functions, native (Rust) functions, bound methods and cells.

use crate::bytecode::Code;
use crate::error::PyResult;
use crate::object::{alloc_obj, Kind, Payload};
use crate::types::typeobj::tt;
use crate::value::Value;
use crate::vm::Vm;
use std::cell::RefCell;
use std::rc::Rc;

pub struct CodeObj {
    pub code: Rc<Code>,
}
impl Payload for CodeObj {
    const KIND: Kind = Kind::Code;
}
pub fn new_code(code: Rc<Code>) -> Value {
    alloc_obj(CodeObj { code }, tt().code)
}

pub struct FunctionObj {
    pub code: Rc<Code>,
    pub globals: Value,
    /// Positional defaults (a tuple) or NONE.
    pub defaults: Value,
    /// Keyword-only defaults (a dict) or NONE.
    pub kwdefaults: Value,
    /// Cells for free variables (a tuple) or NONE.
    pub closure: Value,
    pub name: RefCell<Value>,
    pub qualname: RefCell<Value>,
    /// `__dict__`, created on first attribute store.
    pub dict: RefCell<Option<Value>>,
}
impl Payload for FunctionObj {
    const KIND: Kind = Kind::Function;
}

/// Native function signature: `args` holds the positional arguments followed by the values of
/// the keyword arguments named in `kwnames` (the vectorcall convention), so calls without
/// keywords allocate nothing.
pub type NativeFn = fn(&mut Vm, &[Value], &[Value]) -> PyResult<Value>;

pub struct NativeObj {
    pub name: &'static str,
    pub f: NativeFn,
    /// The receiver for a bound builtin method, or UNDEF.
    pub self_: Value,
    /// For methods: the type that defines them (for reprs and error messages), or NONE.
    pub owner: Value,
}
impl Payload for NativeObj {
    const KIND: Kind = Kind::Native;
}
pub fn new_native(name: &'static str, f: NativeFn) -> Value {
    alloc_obj(
        NativeObj {
            name,
            f,
            self_: Value::UNDEF,
            owner: Value::NONE,
        },
        tt().builtin_function,
    )
}

pub struct BoundMethodObj {
    pub func: Value,
    pub self_: Value,
}
impl Payload for BoundMethodObj {
    const KIND: Kind = Kind::BoundMethod;
}
pub fn new_bound_method(func: Value, self_: Value) -> Value {
    alloc_obj(BoundMethodObj { func, self_ }, tt().method)
}

pub struct CellObj {
    pub v: RefCell<Value>,
}
impl Payload for CellObj {
    const KIND: Kind = Kind::Cell;
}
pub fn new_cell(v: Value) -> Value {
    alloc_obj(CellObj { v: RefCell::new(v) }, tt().cell)
}
