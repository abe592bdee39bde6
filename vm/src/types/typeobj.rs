//! Type objects and the per-thread table of builtin types.
//!
//! A type is a heap object of kind `Type`. Builtin types are created once per thread and
//! never freed (immortal): object headers point at them without holding a reference.

use crate::object::{alloc_obj, Header, Kind, Payload};
use crate::types::dict::DictObj;
use crate::value::Value;
use std::cell::{Cell, RefCell};

pub struct TypeData {
    pub name: String,
    pub bases: Vec<Value>,
    /// Method resolution order, excluding the type itself.
    pub mro: RefCell<Vec<Value>>,
    pub dict: Value,
    /// The payload kind of instances this type creates.
    pub layout: Kind,
    /// Bumped whenever the type's dict (or a base's) changes; guards inline caches.
    pub version: Cell<u32>,
    pub is_builtin: bool,
    /// Instances dispatch special methods (`__len__`, `__add__`, ...) through the type's
    /// dict: Python classes and extension types. Builtin types are handled by payload.
    pub dispatch: bool,
    /// `__slots__` classes: the only attribute names instances may have (None: any).
    pub slots: Option<Vec<Value>>,
    /// (type epoch, bits): which attribute hooks (`__getattribute__`, `__getattr__`,
    /// `__setattr__`, `__delattr__`) the class defines, recomputed when the epoch moves.
    pub hooks: Cell<(usize, u8)>,
    /// Instantiation cache: (type epoch, `__new__` if not object's, `__init__` if not
    /// object's), so calling a class does not search the MRO twice per call.
    pub ctor: RefCell<(usize, Option<Value>, Option<Value>)>,
}
impl Payload for TypeData {
    const KIND: Kind = Kind::Type;
}

/// Payload of `NotImplemented` and `Ellipsis`.
pub struct SingletonObj {
    pub name: &'static str,
}
impl Payload for SingletonObj {
    const KIND: Kind = Kind::Singleton;
}

macro_rules! type_table {
    ($( $field:ident : $name:literal, $layout:ident, $base:ident; )*) => {
        /// Every builtin type, by field.
        pub struct TypeTable {
            $( pub $field: *const Header, )*
            pub not_implemented: Value,
            pub ellipsis: Value,
        }
        fn build_table() -> TypeTable {
            // `type` and `object` first, then the rest in order (bases precede subclasses).
            let mut t = TypeTable {
                $( $field: std::ptr::null(), )*
                not_implemented: Value::NONE,
                ellipsis: Value::NONE,
            };
            $(
                let base = if stringify!($field) == stringify!($base) { std::ptr::null() } else { t.$base };
                t.$field = make_builtin_type($name, Kind::$layout, base);
            )*
            let ty = t.type_;
            let dict_ty = t.dict;
            $( unsafe {
                (*t.$field).ty.set(ty);
                type_data_ptr(t.$field).dict.header().unwrap().ty.set(dict_ty);
            } )*
            t
        }
        impl TypeTable {
            /// All builtin types as (name, pointer) pairs.
            pub fn all(&self) -> Vec<(&'static str, *const Header)> {
                vec![ $( ($name, self.$field), )* ]
            }
        }
    };
}

type_table! {
    object: "object", Instance, object;
    type_: "type", Type, object;
    int: "int", BigInt, object;
    bool_: "bool", BigInt, int;
    float: "float", BigInt, object;
    str_: "str", Str, object;
    bytes: "bytes", Bytes, object;
    bytearray: "bytearray", ByteArray, object;
    list: "list", List, object;
    tuple: "tuple", Tuple, object;
    dict: "dict", Dict, object;
    set: "set", Set, object;
    frozenset: "frozenset", Set, object;
    range: "range", Range, object;
    slice: "slice", Slice, object;
    none_type: "NoneType", Singleton, object;
    not_implemented_type: "NotImplementedType", Singleton, object;
    ellipsis_type: "ellipsis", Singleton, object;
    code: "code", Code, object;
    function: "function", Function, object;
    builtin_function: "builtin_function_or_method", Native, object;
    method: "method", BoundMethod, object;
    cell: "cell", Cell, object;
    module: "module", Module, object;
    iterator: "iterator", Iter, object;
    list_iterator: "list_iterator", Iter, object;
    list_reverseiterator: "list_reverseiterator", Iter, object;
    tuple_iterator: "tuple_iterator", Iter, object;
    str_iterator: "str_ascii_iterator", Iter, object;
    bytes_iterator: "bytes_iterator", Iter, object;
    bytearray_iterator: "bytearray_iterator", Iter, object;
    range_iterator: "range_iterator", Iter, object;
    longrange_iterator: "longrange_iterator", Iter, object;
    dict_keyiterator: "dict_keyiterator", Iter, object;
    dict_valueiterator: "dict_valueiterator", Iter, object;
    dict_itemiterator: "dict_itemiterator", Iter, object;
    set_iterator: "set_iterator", Iter, object;
    dict_keys: "dict_keys", Iter, object;
    dict_values: "dict_values", Iter, object;
    dict_items: "dict_items", Iter, object;
    enumerate: "enumerate", Iter, object;
    zip: "zip", Iter, object;
    map: "map", Iter, object;
    filter: "filter", Iter, object;
    reversed: "reversed", Iter, object;
    callable_iterator: "callable_iterator", Iter, object;
    generator: "generator", Iter, object;
    coroutine: "coroutine", Iter, object;
    async_generator: "async_generator", Iter, object;
    property: "property", Property, object;
    classmethod: "classmethod", FuncWrap, object;
    staticmethod: "staticmethod", FuncWrap, object;
    super_: "super", Super, object;
    base_exception: "BaseException", Exception, object;
    system_exit: "SystemExit", Exception, base_exception;
    keyboard_interrupt: "KeyboardInterrupt", Exception, base_exception;
    generator_exit: "GeneratorExit", Exception, base_exception;
    exception: "Exception", Exception, base_exception;
    stop_iteration: "StopIteration", Exception, exception;
    arithmetic_error: "ArithmeticError", Exception, exception;
    zero_division_error: "ZeroDivisionError", Exception, arithmetic_error;
    overflow_error: "OverflowError", Exception, arithmetic_error;
    assertion_error: "AssertionError", Exception, exception;
    attribute_error: "AttributeError", Exception, exception;
    lookup_error: "LookupError", Exception, exception;
    index_error: "IndexError", Exception, lookup_error;
    key_error: "KeyError", Exception, lookup_error;
    name_error: "NameError", Exception, exception;
    unbound_local_error: "UnboundLocalError", Exception, name_error;
    runtime_error: "RuntimeError", Exception, exception;
    recursion_error: "RecursionError", Exception, runtime_error;
    not_implemented_error: "NotImplementedError", Exception, runtime_error;
    type_error: "TypeError", Exception, exception;
    value_error: "ValueError", Exception, exception;
    unicode_error: "UnicodeError", Exception, value_error;
    unicode_decode_error: "UnicodeDecodeError", Exception, unicode_error;
    unicode_encode_error: "UnicodeEncodeError", Exception, unicode_error;
    memory_error: "MemoryError", Exception, exception;
    os_error: "OSError", Exception, exception;
    file_not_found_error: "FileNotFoundError", Exception, os_error;
    file_exists_error: "FileExistsError", Exception, os_error;
    is_a_directory_error: "IsADirectoryError", Exception, os_error;
    not_a_directory_error: "NotADirectoryError", Exception, os_error;
    permission_error: "PermissionError", Exception, os_error;
    import_error: "ImportError", Exception, exception;
    module_not_found_error: "ModuleNotFoundError", Exception, import_error;
    syntax_error: "SyntaxError", Exception, exception;
    indentation_error: "IndentationError", Exception, syntax_error;
    tab_error: "TabError", Exception, indentation_error;
    eof_error: "EOFError", Exception, exception;
    floating_point_error: "FloatingPointError", Exception, arithmetic_error;
    buffer_error: "BufferError", Exception, exception;
    reference_error: "ReferenceError", Exception, exception;
    system_error: "SystemError", Exception, exception;
    stop_async_iteration: "StopAsyncIteration", Exception, exception;
    unicode_translate_error: "UnicodeTranslateError", Exception, unicode_error;
    blocking_io_error: "BlockingIOError", Exception, os_error;
    child_process_error: "ChildProcessError", Exception, os_error;
    connection_error: "ConnectionError", Exception, os_error;
    broken_pipe_error: "BrokenPipeError", Exception, connection_error;
    connection_aborted_error: "ConnectionAbortedError", Exception, connection_error;
    connection_refused_error: "ConnectionRefusedError", Exception, connection_error;
    connection_reset_error: "ConnectionResetError", Exception, connection_error;
    interrupted_error: "InterruptedError", Exception, os_error;
    process_lookup_error: "ProcessLookupError", Exception, os_error;
    timeout_error: "TimeoutError", Exception, os_error;
    warning: "Warning", Exception, exception;
    user_warning: "UserWarning", Exception, warning;
    deprecation_warning: "DeprecationWarning", Exception, warning;
    pending_deprecation_warning: "PendingDeprecationWarning", Exception, warning;
    syntax_warning: "SyntaxWarning", Exception, warning;
    runtime_warning: "RuntimeWarning", Exception, warning;
    future_warning: "FutureWarning", Exception, warning;
    import_warning: "ImportWarning", Exception, warning;
    unicode_warning: "UnicodeWarning", Exception, warning;
    bytes_warning: "BytesWarning", Exception, warning;
    resource_warning: "ResourceWarning", Exception, warning;
    encoding_warning: "EncodingWarning", Exception, warning;
}

fn make_builtin_type(name: &'static str, layout: Kind, base: *const Header) -> *const Header {
    let bases = if base.is_null() {
        vec![]
    } else {
        vec![unsafe { Value::from_header(base) }]
    };
    let mut mro = Vec::new();
    if !base.is_null() {
        mro.push(unsafe { Value::from_header(base) });
        let b = unsafe { Value::from_header(base) };
        mro.extend(type_data(&b).mro.borrow().iter().cloned());
    }
    let data = TypeData {
        name: name.to_string(),
        bases,
        mro: RefCell::new(mro),
        // The dict type does not exist yet: its header is fixed up in `build_table`.
        dict: alloc_obj(DictObj::new(), std::ptr::null()),
        layout,
        version: Cell::new(1),
        is_builtin: true,
        dispatch: false,
        slots: None,
        hooks: Cell::new((0, 0)),
        ctor: RefCell::new((0, None, None)),
    };
    let v = alloc_obj(data, std::ptr::null());
    let p = v.ptr();
    std::mem::forget(v); // immortal
    p
}

thread_local! {
    static TABLE: Cell<*const TypeTable> = const { Cell::new(std::ptr::null()) };
}

/// The current thread's builtin types (created on first use).
#[inline(always)]
pub fn tt() -> &'static TypeTable {
    let p = TABLE.with(|c| c.get());
    if !p.is_null() {
        return unsafe { &*p };
    }
    init_table()
}

#[cold]
fn init_table() -> &'static TypeTable {
    let mut t = Box::new(build_table());
    t.not_implemented = alloc_obj(
        SingletonObj {
            name: "NotImplemented",
        },
        t.not_implemented_type,
    );
    t.ellipsis = alloc_obj(SingletonObj { name: "Ellipsis" }, t.ellipsis_type);
    let t: &'static TypeTable = Box::leak(t);
    TABLE.with(|c| c.set(t as *const TypeTable));
    crate::builtins::install_type_methods(t);
    t
}

/// The type object of any value (borrowed pointer).
#[inline]
pub fn type_ptr(v: &Value) -> *const Header {
    let t = tt();
    if let Some(h) = v.header() {
        h.ty.get()
    } else if v.is_small_int() {
        t.int
    } else if v.is_float() {
        t.float
    } else if v.is_bool() {
        t.bool_
    } else {
        t.none_type
    }
}

/// `type(v)` as a new reference.
pub fn type_of(v: &Value) -> Value {
    unsafe { Value::from_header(type_ptr(v)) }
}

pub fn type_data(t: &Value) -> &TypeData {
    t.downcast::<TypeData>().expect("not a type object")
}

/// Borrow the TypeData of a type pointer.
pub fn type_data_ptr<'a>(p: *const Header) -> &'a TypeData {
    unsafe { &(*(p as *const crate::object::Obj<TypeData>)).data }
}

/// `__name__` of v's type.
pub fn type_name(v: &Value) -> &'static str {
    let td = type_data_ptr(type_ptr(v));
    // SAFETY: types outlive every value that points at them (builtins are immortal; an
    // instance keeps its class alive).
    unsafe { std::mem::transmute::<&str, &'static str>(td.name.as_str()) }
}

/// Is type `sub` equal to or derived from `sup`?
pub fn is_subtype(sub: *const Header, sup: *const Header) -> bool {
    if sub == sup {
        return true;
    }
    type_data_ptr(sub)
        .mro
        .borrow()
        .iter()
        .any(|b| b.ptr() == sup)
}

pub fn isinstance_ptr(v: &Value, ty: *const Header) -> bool {
    is_subtype(type_ptr(v), ty)
}

/// Looks up `name` in the type's MRO (the type first), through the lookup cache.
#[inline]
pub fn lookup(ty: *const Header, name: &Value) -> Option<Value> {
    lookup_cache::lookup(ty, name)
}

/// `lookup` without the cache: the walk over the MRO.
fn lookup_uncached(ty: *const Header, name: &Value) -> Option<Value> {
    let td = type_data_ptr(ty);
    if let Some(v) = DictObj::get_str(&td.dict, name) {
        return Some(v);
    }
    for b in td.mro.borrow().iter() {
        if let Some(v) = DictObj::get_str(&type_data(b).dict, name) {
            return Some(v);
        }
    }
    None
}

/// A per-thread cache of MRO lookups, as CPython's type attribute cache: `(type, interned
/// name, type epoch)` → where the attribute is (the class dict and its entry index), or
/// that it is missing. The value is read from the dict each time, so replacing a plain
/// class attribute (which keeps the epoch) is seen at once; adding or removing one, or
/// freeing a class, changes the epoch and so misses every entry.
mod lookup_cache {
    use super::*;
    use std::cell::UnsafeCell;

    const SIZE: usize = 1024;
    const MISSING: u32 = u32::MAX;

    #[derive(Clone, Copy)]
    struct Entry {
        ty: usize,
        name: u64,
        epoch: usize,
        /// The class dict holding the attribute (kept alive by its class: a freed class
        /// changes the epoch).
        dict: *const Header,
        index: u32,
    }

    const EMPTY: Entry = Entry {
        ty: 0,
        name: 0,
        epoch: 0,
        dict: std::ptr::null(),
        index: MISSING,
    };

    thread_local! {
        static CACHE: UnsafeCell<[Entry; SIZE]> = const { UnsafeCell::new([EMPTY; SIZE]) };
    }

    #[inline]
    pub(super) fn lookup(ty: *const Header, name: &Value) -> Option<Value> {
        // Only interned names are immortal, so only they can key the cache.
        let interned = name
            .header()
            .is_some_and(|h| h.flags.get() & crate::object::INTERNED != 0);
        if !interned {
            return lookup_uncached(ty, name);
        }
        let epoch = type_epoch();
        let slot = ((ty as usize >> 4) ^ (name.bits() as usize >> 3).wrapping_mul(31)) % SIZE;
        CACHE.with(|c| {
            // SAFETY: the cache is per thread and no reference into it outlives this call
            // (filling it below runs no Python code).
            let e = unsafe { &mut (*c.get())[slot] };
            if e.ty == ty as usize && e.name == name.bits() && e.epoch == epoch {
                if e.index == MISSING {
                    return None;
                }
                // SAFETY: the epoch is unchanged, so the class (and its dict) is alive.
                let d = unsafe { &*(e.dict as *const crate::object::Obj<DictObj>) };
                // The entry must still hold this name (a class dict changed behind the
                // epoch's back would only cost a miss, never a wrong attribute).
                if let Some(v) = d.data.entry_if_key(e.index as usize, name) {
                    return Some(v);
                }
            }
            let found = lookup_entry(ty, name);
            *e = Entry {
                ty: ty as usize,
                name: name.bits(),
                epoch,
                dict: found.as_ref().map_or(std::ptr::null(), |(d, _)| d.ptr()),
                index: found.as_ref().map_or(MISSING, |(_, i)| *i as u32),
            };
            found.map(|(d, i)| d.downcast::<DictObj>().unwrap().value_at(i))
        })
    }
}

pub fn lookup_str(ty: *const Header, name: &'static str) -> Option<Value> {
    lookup(ty, &crate::types::str::intern_static(name))
}

thread_local! {
    static EPOCH: Cell<usize> = const { Cell::new(1) };
}

/// Changes whenever a class attribute is added or removed, or one that is a function or
/// descriptor is replaced: tier-1 caches of attribute and method lookups guard on it.
/// (Replacing a plain value, e.g. a class-level counter, keeps it: caches read such
/// values live from the class dict.)
#[inline]
pub fn type_epoch() -> usize {
    EPOCH.with(|e| e.get())
}

fn is_behavioural(v: &Value) -> bool {
    use crate::object::Kind;
    matches!(
        v.kind(),
        Some(
            Kind::Function
                | Kind::Native
                | Kind::FuncWrap
                | Kind::Property
                | Kind::Type
                | Kind::BoundMethod
        )
    ) || crate::ops::dunder::dispatches(v)
}

/// A class is being freed: caches keyed on its address must not match a class allocated
/// there later.
pub fn note_class_freed() {
    EPOCH.with(|e| e.set(e.get() + 1));
}

/// Records a change to a class dict entry (`old`/`new` None: added/removed).
pub fn note_class_change(old: Option<&Value>, new: Option<&Value>) {
    let bump = match (old, new) {
        (Some(o), Some(n)) => is_behavioural(o) || is_behavioural(n),
        _ => true,
    };
    if bump {
        EPOCH.with(|e| e.set(e.get() + 1));
    }
}

/// Like `lookup`, but also returns the dict holding the attribute and its entry index.
pub fn lookup_entry(ty: *const Header, name: &Value) -> Option<(Value, usize)> {
    let td = type_data_ptr(ty);
    if let Some(i) = DictObj::str_index(&td.dict, name) {
        return Some((td.dict.clone(), i));
    }
    for b in td.mro.borrow().iter() {
        let d = &type_data(b).dict;
        if let Some(i) = DictObj::str_index(d, name) {
            return Some((d.clone(), i));
        }
    }
    None
}
