//! Python exceptions as Rust errors.
//!
//! Every fallible runtime operation returns `PyResult<T>`; the error is the exception object
//! itself, so raising and catching never allocate beyond the exception.

use crate::object::Header;
use crate::types::exc::new_exc;
use crate::types::str::new_str;
use crate::types::typeobj::{tt, TypeTable};
use crate::value::Value;

#[derive(Clone, Debug)]
pub struct PyErr(pub Value);

pub type PyResult<T> = Result<T, PyErr>;

impl PyErr {
    pub fn new(ty: *const Header, msg: impl Into<String>) -> PyErr {
        PyErr(new_exc(ty, vec![new_str(msg.into())]))
    }
    pub fn with_args(ty: *const Header, args: Vec<Value>) -> PyErr {
        PyErr(new_exc(ty, args))
    }
    pub fn is_instance(&self, ty: *const Header) -> bool {
        crate::types::typeobj::isinstance_ptr(&self.0, ty)
    }
}

macro_rules! err_ctors {
    ($($fn:ident => $field:ident),* $(,)?) => {
        $(
            #[cold]
            pub fn $fn(msg: impl Into<String>) -> PyErr {
                PyErr::new(tt().$field, msg)
            }
        )*
    };
}

err_ctors! {
    type_error => type_error,
    value_error => value_error,
    index_error => index_error,
    name_error => name_error,
    attribute_error => attribute_error,
    zero_division => zero_division_error,
    overflow_error => overflow_error,
    runtime_error => runtime_error,
    recursion_error => recursion_error,
    not_implemented_error => not_implemented_error,
    unbound_local => unbound_local_error,
    memory_error => memory_error,
    assertion_error => assertion_error,
    import_error => import_error,
    module_not_found => module_not_found_error,
    os_error => os_error,
    syntax_error => syntax_error,
}

/// `KeyError(key)`: the argument is the key itself, not a message.
#[cold]
pub fn key_error(key: Value) -> PyErr {
    PyErr::with_args(tt().key_error, vec![key])
}

#[cold]
pub fn stop_iteration() -> PyErr {
    PyErr::with_args(tt().stop_iteration, vec![])
}

/// Formats `TypeError: ... 'X' object ...` style messages.
#[cold]
pub fn type_error_fmt(fmt_msg: &str, v: &Value) -> PyErr {
    type_error(fmt_msg.replace("{}", crate::types::type_name(v)))
}

pub fn table() -> &'static TypeTable {
    tt()
}

/// `NameError: name 'x' is not defined`, with `name` set (for "Did you mean").
#[cold]
pub fn name_not_defined(name: &Value) -> PyErr {
    let n = crate::types::str::as_str(name).unwrap_or("?");
    let e = name_error(format!("name '{n}' is not defined"));
    set_attrs(&e, &[("name", name.clone())]);
    e
}

/// Sets attributes on an exception instance (its `__dict__`).
pub fn set_attrs(e: &PyErr, attrs: &[(&str, Value)]) {
    if let Some(x) = crate::types::exc::as_exc(&e.0) {
        let mut d = x.dict.borrow_mut();
        let d = d.get_or_insert_with(crate::types::dict::DictObj::new_value);
        for (k, v) in attrs {
            crate::types::dict::DictObj::set_str(d, crate::types::str::intern(k), v.clone());
        }
    }
}
