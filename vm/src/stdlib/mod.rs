//! The standard-library modules pyrun provides.
//!
//! Two kinds: native modules (a Rust `make` function per module, one file each) and source
//! modules (Python files under `stdlib/py/`, compiled into the binary and run on first
//! import). Each is registered once in the tables below.

pub mod array;
pub mod bisect;
pub mod codecs_mod;
pub mod collections;
pub mod copy;
mod defaultdict;
pub mod fileio;
pub mod functools;
pub mod hashes;
pub mod heapq;
pub mod io;
mod io_base;
pub mod itertools;
mod itertools_comb;
pub mod math;
mod names;
pub use names::STDLIB_MODULE_NAMES;
mod math_int;
pub mod operator;
pub mod os;
pub mod posix;
mod posix_proc;
pub mod random;
mod sizes;
pub mod sre;
mod sre_match;
pub mod stdstreams;
mod string_mod;
pub mod sys;
pub mod thread;
pub mod time;
mod weakproxy;
pub mod weakref;

use crate::types::dict::DictObj;
use crate::types::func::NativeFn;
use crate::types::module::new_module;
use crate::types::str::intern;
use crate::value::Value;
use crate::vm::Vm;

pub type ModuleInit = fn(&mut Vm) -> Value;

/// Native modules: name and constructor.
pub const NATIVE: &[(&str, ModuleInit)] = &[
    ("math", math::make),
    ("_random", random::make),
    ("sys", sys::make),
    ("itertools", itertools::make),
    ("_functools", functools::make),
    ("_operator", operator::make),
    ("_bisect", bisect::make),
    ("_heapq", heapq::make),
    ("_collections", collections::make),
    ("copy", copy::make),
    ("time", time::make),
    ("_io", io::make),
    ("array", array::make),
    ("os", os::make),
    ("_weakref", weakref::make_module),
    ("_thread", thread::make),
    ("posix", posix_proc::make),
    ("_sre", sre::make),
    ("_string", string_mod::make),
    ("_codecs", codecs_mod::make),
    ("_md5", hashes::make_md5),
    ("_sha1", hashes::make_sha1),
    ("_sha256", hashes::make_sha256),
    ("_sha512", hashes::make_sha512),
    ("_sha3", hashes::make_sha3),
    ("_blake2", hashes::make_blake2),
];

/// Source modules: name and Python source.
pub const SOURCE: &[(&str, &str)] = &[
    ("heapq", include_str!("py/heapq.py")),
    ("functools", include_str!("py/functools.py")),
    ("collections", include_str!("py/collections.py")),
    ("string", include_str!("py/string.py")),
    ("_frozen_importlib", include_str!("py/_frozen_importlib.py")),
    ("importlib", include_str!("py/importlib.py")),
];

/// Whether pyrun has a native module of this name.
pub fn has_native(name: &str) -> bool {
    name == "builtins" || NATIVE.iter().any(|(n, _)| *n == name)
}

pub fn is_builtin_module(name: &str) -> bool {
    name == "builtins"
        || NATIVE.iter().any(|(n, _)| *n == name)
        || SOURCE.iter().any(|(n, _)| *n == name)
}

/// Creates the native module `name`, if pyrun has one.
pub fn make_native_module(vm: &mut Vm, name: &str) -> Option<Value> {
    if name == "builtins" {
        return Some(new_module("builtins", vm.builtins.clone()));
    }
    NATIVE.iter().find(|(n, _)| *n == name).map(|(_, f)| f(vm))
}

/// The Python source of the source module `name`, if pyrun has one.
pub fn module_source(name: &str) -> Option<&'static str> {
    SOURCE.iter().find(|(n, _)| *n == name).map(|(_, s)| *s)
}

/// A module whose namespace holds the given native functions (add constants afterwards
/// with `set`).
pub fn module_with_functions(name: &str, fns: &[(&'static str, NativeFn)]) -> Value {
    let d = DictObj::new_value();
    for (n, f) in fns {
        DictObj::set_str(
            &d,
            intern(n),
            crate::types::func::new_module_function(n, *f),
        );
    }
    new_module(name, d)
}

/// Sets `name` in a module's namespace.
pub fn set(module: &Value, name: &str, v: Value) {
    let m = module
        .downcast::<crate::types::module::ModuleObj>()
        .expect("not a module");
    DictObj::set_str(&m.dict, intern(name), v);
}
