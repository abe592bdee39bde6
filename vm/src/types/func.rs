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
    /// Positional defaults (a tuple) or NONE; `__defaults__` may be reassigned.
    pub defaults: RefCell<Value>,
    /// Keyword-only defaults (a dict) or NONE; `__kwdefaults__` may be reassigned.
    pub kwdefaults: RefCell<Value>,
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
    /// A module-level builtin function (`len`, `codecs.utf_8_decode`): not a descriptor, so
    /// stored in a class it stays a plain function instead of binding as a method.
    pub plain: bool,
}
impl Payload for NativeObj {
    const KIND: Kind = Kind::Native;
}

impl NativeObj {
    /// Whether, found on a type, it binds to the instance (a method not yet bound).
    #[inline]
    pub fn binds(&self) -> bool {
        self.self_.is_undef() && !self.plain
    }

    /// Calls the native: a bound one gets its receiver prepended; an unbound method taken
    /// from its type (`float.is_integer(x)`) first has its receiver checked, so no method
    /// body ever sees a missing `self` or one of a foreign type.
    #[inline]
    pub fn call(&self, vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
        if self.self_.is_undef() {
            // A method of a builtin type: the receiver's exact type is the common case.
            if !self.owner.is_none()
                && !(args.len() > kwnames.len()
                    && crate::types::type_ptr(&args[0]) == self.owner.ptr())
            {
                check_receiver(self, args.len() - kwnames.len(), args.first())?;
            }
            return (self.f)(vm, args, kwnames);
        }
        let mut full = Vec::with_capacity(args.len() + 1);
        full.push(self.self_.clone());
        full.extend_from_slice(args);
        (self.f)(vm, &full, kwnames)
    }
}

/// Dunders that CPython exposes as slot wrappers, whose receiver errors read
/// "descriptor '__x__' of 'T' object needs an argument" rather than "unbound method".
fn is_slot_wrapper(name: &str) -> bool {
    name.starts_with("__")
        && name.ends_with("__")
        && !matches!(
            name,
            "__format__"
                | "__reduce__"
                | "__reduce_ex__"
                | "__sizeof__"
                | "__getnewargs__"
                | "__dir__"
                | "__round__"
                | "__trunc__"
                | "__floor__"
                | "__ceil__"
                | "__reversed__"
                | "__getstate__"
                | "__contains__"
                | "__getitem__"
                | "__class_getitem__"
                | "__subclasshook__"
                | "__init_subclass__"
                | "__copy__"
                | "__deepcopy__"
                | "__enter__"
                | "__exit__"
        )
}

#[cold]
fn check_receiver(n: &NativeObj, npos: usize, first: Option<&Value>) -> PyResult<()> {
    // `__new__` takes the class, not an instance; classmethods arrive bound.
    if n.name == "__new__" {
        return Ok(());
    }
    let owner = n.owner.ptr();
    if npos > 0 && crate::types::typeobj::isinstance_ptr(first.unwrap(), owner) {
        return Ok(());
    }
    let tname = crate::types::typeobj::type_data_ptr(owner).name.clone();
    let slot = is_slot_wrapper(n.name);
    Err(crate::error::type_error(match (npos, slot) {
        (0, true) => format!(
            "descriptor '{}' of '{tname}' object needs an argument",
            n.name
        ),
        (0, false) => format!("unbound method {tname}.{}() needs an argument", n.name),
        (_, true) => format!(
            "descriptor '{}' requires a '{tname}' object but received a '{}'",
            n.name,
            crate::types::type_name(first.unwrap())
        ),
        (_, false) => format!(
            "descriptor '{}' for '{tname}' objects doesn't apply to a '{}' object",
            n.name,
            crate::types::type_name(first.unwrap())
        ),
    }))
}
pub fn new_native(name: &'static str, f: NativeFn) -> Value {
    alloc_obj(
        NativeObj {
            name,
            f,
            self_: Value::UNDEF,
            owner: Value::NONE,
            plain: false,
        },
        tt().builtin_function,
    )
}

/// A module-level builtin function (see `NativeObj::plain`).
pub fn new_module_function(name: &'static str, f: NativeFn) -> Value {
    alloc_obj(
        NativeObj {
            name,
            f,
            self_: Value::UNDEF,
            owner: Value::NONE,
            plain: true,
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
