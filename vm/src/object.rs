//! Heap objects: a fixed 16-byte header followed by a Rust payload.
//!
//! ```text
//! offset 0  u32  refcount            (compiled code: `inc dword [p]`)
//! offset 4  u8   kind                (which Rust payload follows; never changes)
//! offset 8  ptr  type object         (the Python-visible class)
//! offset 16 ...  payload
//! ```
//! `kind` selects the Rust layout (and the destructor); `ty` is what `type(x)` returns.
//! Several Python types can share a kind (e.g. `set`/`frozenset`, all iterators), and a
//! user class's instances have kind `Instance`. Builtin type objects are immortal.

use crate::value::Value;
use std::alloc::{alloc, dealloc as free, Layout};
use std::cell::Cell;

#[repr(u8)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Type,
    BigInt,
    Str,
    List,
    Tuple,
    Dict,
    Set,
    Range,
    Slice,
    Code,
    Function,
    Native,
    BoundMethod,
    Cell,
    Module,
    Exception,
    Iter,
    Instance,
    Singleton,
    Generator,
    Ext,
    Property,
    FuncWrap,
    Super,
    Bytes,
    ByteArray,
}

#[repr(C)]
pub struct Header {
    pub rc: Cell<u32>,
    pub kind: Kind,
    /// `OWNS_TYPE`: `ty` is a counted reference (a class created at run time); builtin
    /// types are immortal and referenced without a count.
    pub flags: Cell<u8>,
    pub ty: Cell<*const Header>,
}

/// Header flag: the object holds a reference to its (heap) type.
pub const OWNS_TYPE: u8 = 1;
/// Header flag: a str object that is the interned copy of its text.
pub const INTERNED: u8 = 4;
/// Header flag: weak references to the object exist (`stdlib::weakref`'s table).
pub const HAS_WEAKREFS: u8 = 8;
/// Header flag: the object's `__del__` has run (it runs once, PEP 442).
pub const FINALIZED: u8 = 16;
/// Header flag: the object has an attribute dict in the side table (`side_dict`): instances
/// of Python subclasses of builtin types (`class D(dict)`), whose payload has no dict field.
pub const HAS_SIDE_DICT: u8 = 2;

type SideDicts = std::cell::RefCell<std::collections::HashMap<usize, Value>>;

thread_local! {
    // Never destroyed: dropping it at thread exit would free objects whose own dealloc
    // needs this table (TLS destructors cannot re-enter it).
    static SIDE_DICTS: std::mem::ManuallyDrop<SideDicts> =
        std::mem::ManuallyDrop::new(std::cell::RefCell::new(std::collections::HashMap::new()));
}

/// The attribute dict of a builtin-payload object (created on first use when `create`).
pub fn side_dict(v: &Value, create: bool) -> Option<Value> {
    let h = v.header()?;
    let key = h as *const Header as usize;
    if h.flags.get() & HAS_SIDE_DICT != 0 {
        return SIDE_DICTS.with(|m| m.borrow().get(&key).cloned());
    }
    if !create {
        return None;
    }
    let d = crate::types::dict::DictObj::new_value();
    SIDE_DICTS.with(|m| m.borrow_mut().insert(key, d.clone()));
    h.flags.set(h.flags.get() | HAS_SIDE_DICT);
    Some(d)
}

/// Makes `cls` (a class created at run time) the type of the fresh object `v`, taking a
/// reference to it; replaces (and releases) a previously owned type.
pub fn set_heap_type(v: &Value, cls: &Value) {
    let h = v.header().expect("heap object");
    let c = cls.header().expect("class object");
    c.incref();
    let old = h.ty.replace(c as *const Header);
    if h.flags.get() & OWNS_TYPE != 0 {
        drop(Value::from_new_ptr(old));
    }
    h.flags.set(h.flags.get() | OWNS_TYPE);
}

impl Header {
    #[inline(always)]
    pub fn incref(&self) {
        self.rc.set(self.rc.get().wrapping_add(1));
    }
    /// Returns true when the count reached zero.
    #[inline(always)]
    pub fn decref(&self) -> bool {
        let n = self.rc.get() - 1;
        self.rc.set(n);
        n == 0
    }
    /// The object's type as a (new reference) value.
    #[inline]
    pub fn type_value(&self) -> Value {
        unsafe { Value::from_header(self.ty.get()) }
    }
}

#[repr(C)]
pub struct Obj<T> {
    pub header: Header,
    pub data: T,
}

/// A Rust type that can be the payload of a heap object.
pub trait Payload: Sized {
    const KIND: Kind;
}

/// Allocates an object with refcount 1 and the given type.
pub fn alloc_obj<T: Payload>(data: T, ty: *const Header) -> Value {
    let layout = Layout::new::<Obj<T>>();
    // SAFETY: layout is non-zero-sized (it has a header).
    let p = unsafe { alloc(layout) as *mut Obj<T> };
    if p.is_null() {
        std::alloc::handle_alloc_error(layout);
    }
    unsafe {
        p.write(Obj {
            header: Header {
                rc: Cell::new(1),
                kind: T::KIND,
                flags: Cell::new(0),
                ty: Cell::new(ty),
            },
            data,
        });
    }
    Value::from_new_ptr(p as *const Header)
}

unsafe fn drop_as<T>(p: *const Header) {
    let p = p as *mut Obj<T>;
    std::ptr::drop_in_place(p);
    free(p as *mut u8, Layout::new::<Obj<T>>());
}

/// Frees an object whose count reached zero.
///
/// # Safety
/// `p` must be a live object with refcount 0.
pub unsafe fn dealloc(p: *const Header) {
    use crate::types::*;
    // Finalizers (`__del__`, weakref callbacks, closing a suspended generator) are queued
    // to run at a safe point (`finalize`); a finalized object is freed later.
    if (*p).flags.get() & (OWNS_TYPE | HAS_WEAKREFS) != 0 && crate::finalize::intercept(p) {
        return;
    }
    if (*p).kind == Kind::Generator && crate::finalize::intercept_generator(p) {
        return;
    }
    if (*p).flags.get() & HAS_SIDE_DICT != 0 {
        let d = SIDE_DICTS
            .try_with(|m| m.borrow_mut().remove(&(p as usize)))
            .ok()
            .flatten();
        drop(d);
    }
    let owned_type = if (*p).flags.get() & OWNS_TYPE != 0 {
        Some((*p).ty.get())
    } else {
        None
    };
    match (*p).kind {
        Kind::Type => {
            typeobj::note_class_freed();
            crate::pytypes::subclasses::forget(p);
            drop_as::<typeobj::TypeData>(p)
        }
        Kind::BigInt => drop_as::<int::BigIntObj>(p),
        Kind::Str => drop_as::<str::StrObj>(p),
        Kind::List => drop_as::<list::ListObj>(p),
        Kind::Tuple => tuple::free(p),
        Kind::Dict => drop_as::<dict::DictObj>(p),
        Kind::Set => drop_as::<set::SetObj>(p),
        Kind::Range => drop_as::<range::RangeObj>(p),
        Kind::Slice => drop_as::<slice::SliceObj>(p),
        Kind::Code => drop_as::<func::CodeObj>(p),
        Kind::Function => drop_as::<func::FunctionObj>(p),
        Kind::Native => drop_as::<func::NativeObj>(p),
        Kind::BoundMethod => drop_as::<func::BoundMethodObj>(p),
        Kind::Cell => drop_as::<func::CellObj>(p),
        Kind::Module => drop_as::<module::ModuleObj>(p),
        Kind::Exception => drop_as::<exc::ExcObj>(p),
        Kind::Iter => drop_as::<iter::IterObj>(p),
        Kind::Instance => drop_as::<instance::InstanceObj>(p),
        Kind::Singleton => drop_as::<typeobj::SingletonObj>(p),
        Kind::Generator => drop_as::<crate::generator::GenObj>(p),
        Kind::Ext => drop_as::<ext::ExtObj>(p),
        Kind::Property => drop_as::<descr::PropertyObj>(p),
        Kind::FuncWrap => drop_as::<descr::FuncWrapObj>(p),
        Kind::Super => drop_as::<descr::SuperObj>(p),
        Kind::Bytes => drop_as::<bytes::BytesObj>(p),
        Kind::ByteArray => drop_as::<bytes::ByteArrayObj>(p),
    }
    if let Some(t) = owned_type {
        drop(Value::from_new_ptr(t));
    }
}
