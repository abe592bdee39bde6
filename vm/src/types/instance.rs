//! Instances of Python classes: attributes in a slot array described by a shared shape.
//!
//! A shape is the ordered list of attribute names an instance has acquired; instances that
//! gain the same attributes in the same order share one shape (a transition tree, as in
//! V8's hidden classes or PyPy's maps). An attribute read is "find the name's index in the
//! shape, load that slot": tier-1 caches and the JIT key on the shape pointer and load the
//! slot at a fixed index. Shapes are immortal and per thread.
//!
//! Instances fall back to a plain dict ("dict mode") when `__dict__` is requested, an
//! attribute is deleted, or they grow past `MAX_SLOTS` attributes.

use crate::object::{alloc_obj, Header, Kind, Payload};
use crate::types::dict::DictObj;
use crate::types::str::{as_str, intern};
use crate::value::Value;
use std::cell::{Cell, RefCell};

/// Instances with more attributes than this switch to dict mode.
const MAX_SLOTS: usize = 48;

pub struct Shape {
    /// Interned attribute names in slot order.
    pub keys: Vec<Value>,
    transitions: RefCell<Vec<(Value, *const Shape)>>,
}

impl Shape {
    /// Slot index of the interned name `name`.
    #[inline]
    pub fn index(&self, name: &Value) -> Option<usize> {
        let p = name.bits();
        self.keys.iter().position(|k| k.bits() == p)
    }
    /// The shape after adding `name` (created on first use).
    fn with(&self, name: &Value) -> *const Shape {
        if let Some((_, s)) = self
            .transitions
            .borrow()
            .iter()
            .find(|(k, _)| k.bits() == name.bits())
        {
            return *s;
        }
        let mut keys = self.keys.clone();
        keys.push(name.clone());
        let s: &'static Shape = Box::leak(Box::new(Shape {
            keys,
            transitions: RefCell::new(Vec::new()),
        }));
        self.transitions.borrow_mut().push((name.clone(), s));
        s
    }
}

thread_local! {
    static EMPTY: &'static Shape = Box::leak(Box::new(Shape {
        keys: Vec::new(),
        transitions: RefCell::new(Vec::new()),
    }));
}

/// The shape of an instance without attributes.
pub fn empty_shape() -> *const Shape {
    EMPTY.with(|s| *s as *const Shape)
}

/// The shape after adding `name` to `sh` (None past the slot limit: dict mode).
pub fn transition(sh: &Shape, name: &Value) -> Option<*const Shape> {
    if sh.keys.len() >= MAX_SLOTS {
        return None;
    }
    Some(sh.with(name))
}

pub struct InstanceObj {
    /// Null in dict mode.
    pub shape: Cell<*const Shape>,
    pub slots: RefCell<Vec<Value>>,
    pub dict: RefCell<Option<Value>>,
}
impl Payload for InstanceObj {
    const KIND: Kind = Kind::Instance;
}

/// The interned form of an attribute name (names from code are interned already).
pub fn interned(name: &Value) -> Value {
    if name
        .header()
        .is_some_and(|h| h.flags.get() & crate::object::INTERNED != 0)
    {
        return name.clone();
    }
    match as_str(name) {
        Some(s) => {
            let i = intern(s);
            if i.bits() == name.bits() {
                name.clone()
            } else {
                i
            }
        }
        None => name.clone(),
    }
}

/// A new instance (no attributes) of `cls`; builtin `cls` pointers are borrowed, heap
/// classes are referenced by the instance.
pub fn new_instance(cls: &Value) -> Value {
    let v = alloc_obj(
        InstanceObj {
            shape: Cell::new(empty_shape()),
            slots: RefCell::new(Vec::new()),
            dict: RefCell::new(None),
        },
        cls.ptr() as *const Header,
    );
    if !crate::types::typeobj::type_data(cls).is_builtin {
        crate::object::set_heap_type(&v, cls);
    }
    v
}

impl InstanceObj {
    /// Slot `i` (the caller checked the shape).
    #[inline]
    pub fn slot(&self, i: usize) -> Value {
        self.slots.borrow()[i].clone()
    }
    #[inline]
    pub fn set_slot(&self, i: usize, v: Value) {
        let old = std::mem::replace(&mut self.slots.borrow_mut()[i], v);
        drop(old);
    }
    /// Appends the slot of a new attribute, moving to shape `next`.
    #[inline]
    pub fn push_slot(&self, next: *const Shape, v: Value) {
        self.shape.set(next);
        self.slots.borrow_mut().push(v);
    }

    #[inline]
    pub fn get(&self, name: &Value) -> Option<Value> {
        let sh = self.shape.get();
        if !sh.is_null() {
            let i = unsafe { &*sh }.index(name)?;
            return Some(self.slots.borrow()[i].clone());
        }
        let d = self.dict.borrow();
        DictObj::get_str(d.as_ref()?, name)
    }

    pub fn has(&self, name: &Value) -> bool {
        let sh = self.shape.get();
        if !sh.is_null() {
            return unsafe { &*sh }.index(name).is_some();
        }
        self.dict
            .borrow()
            .as_ref()
            .is_some_and(|d| DictObj::get_str(d, name).is_some())
    }

    pub fn set(&self, name: Value, v: Value) {
        let sh = self.shape.get();
        if !sh.is_null() {
            let shape = unsafe { &*sh };
            if let Some(i) = shape.index(&name) {
                let old = std::mem::replace(&mut self.slots.borrow_mut()[i], v);
                drop(old);
                return;
            }
            if shape.keys.len() < MAX_SLOTS {
                self.shape.set(shape.with(&name));
                self.slots.borrow_mut().push(v);
                return;
            }
            self.to_dict_mode();
        }
        let d = self.dict.borrow().clone().unwrap();
        DictObj::set_str(&d, name, v);
    }

    /// Removes an attribute; false if it was not set.
    pub fn remove(&self, name: &Value) -> bool {
        if !self.has(name) {
            return false;
        }
        self.to_dict_mode();
        let d = self.dict.borrow().clone().unwrap();
        d.downcast::<DictObj>().unwrap().remove_str(name).is_some()
    }

    /// The attribute dict (switching to dict mode: later writes go to the dict).
    pub fn to_dict_mode(&self) -> Value {
        let sh = self.shape.replace(std::ptr::null());
        if !sh.is_null() {
            let d = DictObj::new_value();
            let slots = std::mem::take(&mut *self.slots.borrow_mut());
            for (k, v) in unsafe { &*sh }.keys.iter().zip(slots) {
                DictObj::set_str(&d, k.clone(), v);
            }
            *self.dict.borrow_mut() = Some(d);
        }
        self.dict.borrow().clone().unwrap()
    }

    /// (name, value) pairs in insertion order.
    pub fn items(&self) -> Vec<(Value, Value)> {
        let sh = self.shape.get();
        if !sh.is_null() {
            let slots = self.slots.borrow();
            return unsafe { &*sh }
                .keys
                .iter()
                .cloned()
                .zip(slots.iter().cloned())
                .collect();
        }
        match self.dict.borrow().as_ref() {
            Some(d) => d.downcast::<DictObj>().unwrap().items(),
            None => vec![],
        }
    }
}
