//! Exception instances (every BaseException subclass, builtin or user-defined).

use crate::object::{alloc_obj, Header, Kind, Payload};
use crate::types::tuple::new_tuple;
use crate::value::Value;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// One traceback entry: the code object and line where the exception passed through.
#[derive(Clone)]
pub struct TbEntry {
    pub code: Rc<crate::bytecode::Code>,
    pub line: u32,
    /// The instruction that raised (for its source columns, `Code::positions`).
    pub instr: u32,
    /// The frame's globals (NameError suggestions look there).
    pub globals: crate::value::Value,
}

pub struct ExcObj {
    pub args: RefCell<Value>,
    pub traceback: RefCell<Vec<TbEntry>>,
    pub cause: RefCell<Value>,
    pub context: RefCell<Value>,
    pub suppress_context: Cell<bool>,
    /// Instance attributes of user subclasses.
    pub dict: RefCell<Option<Value>>,
    /// `__traceback__` objects made so far: (entries covered, outermost object).
    pub tb_cache: RefCell<(usize, Value)>,
}
impl Payload for ExcObj {
    const KIND: Kind = Kind::Exception;
}

pub fn new_exc(ty: *const Header, args: Vec<Value>) -> Value {
    alloc_obj(
        ExcObj {
            args: RefCell::new(new_tuple(args)),
            traceback: RefCell::new(Vec::new()),
            cause: RefCell::new(Value::NONE),
            context: RefCell::new(Value::NONE),
            suppress_context: Cell::new(false),
            dict: RefCell::new(None),
            tb_cache: RefCell::new((0, Value::NONE)),
        },
        ty,
    )
}

pub fn as_exc(v: &Value) -> Option<&ExcObj> {
    v.downcast::<ExcObj>()
}
