//! `type.__subclasses__()`: each class records its direct subclasses (by address, in
//! creation order); a class being freed is removed from its bases' lists.

use crate::builtins::args::Args;
use crate::error::{self, PyResult};
use crate::object::Header;
use crate::types::list::new_list;
use crate::types::typeobj::TypeData;
use crate::value::Value;
use crate::vm::Vm;
use std::cell::RefCell;
use std::collections::HashMap;

thread_local! {
    static SUBCLASSES: RefCell<HashMap<usize, Vec<usize>>> = RefCell::new(HashMap::new());
}

/// Records `cls` as a subclass of each of its bases.
pub fn register(cls: &Value) {
    let Some(td) = cls.downcast::<TypeData>() else {
        return;
    };
    let p = cls.ptr() as usize;
    SUBCLASSES.with(|s| {
        let mut s = s.borrow_mut();
        for b in &td.bases {
            s.entry(b.ptr() as usize).or_default().push(p);
        }
    });
}

/// A class is being freed.
pub fn forget(cls: *const Header) {
    let p = cls as usize;
    let _ = SUBCLASSES.try_with(|s| {
        let mut s = s.borrow_mut();
        s.remove(&p);
        for list in s.values_mut() {
            list.retain(|&c| c != p);
        }
    });
}

/// `type.__subclasses__(cls)`.
pub fn subclasses(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("__subclasses__", args, kw);
    a.check(1, 1, &[])?;
    if a.pos[0].downcast::<TypeData>().is_none() {
        return Err(error::type_error(
            "descriptor '__subclasses__' requires a 'type' object",
        ));
    }
    let key = a.pos[0].ptr() as usize;
    let subs = SUBCLASSES.with(|s| s.borrow().get(&key).cloned().unwrap_or_default());
    // SAFETY: registered classes are alive (a freed class is forgotten first).
    Ok(new_list(
        subs.into_iter()
            .map(|p| unsafe { Value::from_header(p as *const Header) })
            .collect(),
    ))
}
