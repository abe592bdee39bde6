//! pyrun's virtual machine: parser front end, bytecode compiler, object model and the
//! interpreter. See docs/ARCHITECTURE.md for the value, object and frame layouts.

pub mod builtins;
pub mod bytecode;
pub mod call;
pub mod class;
pub mod codecs;
pub mod compile;
pub mod config;
pub mod coro;
pub mod error;
pub mod finalize;
pub mod fmt;
pub mod frame;
pub mod generator;
pub mod import;
pub mod interactive;
pub mod interp;
pub mod mem;
pub mod object;
pub mod ops;
pub mod pytypes;
pub mod run;
pub mod signals;
pub mod source;
pub mod stack;
pub mod stdio;
pub mod stdlib;
pub mod suggest;
pub mod tier1;
pub mod tier2;
pub mod traceback;
pub mod types;
pub mod value;
pub mod vm;

pub use value::Value;
pub use vm::Vm;
