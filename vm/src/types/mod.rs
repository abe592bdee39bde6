//! The builtin object model: one module per payload type.

pub mod bytes;
pub mod descr;
pub mod dict;
pub mod exc;
pub mod ext;
pub mod func;
pub mod instance;
pub mod int;
pub mod iter;
pub mod list;
pub mod module;
pub mod range;
pub mod set;
pub mod slice;
pub mod str;
pub mod tuple;
pub mod typeobj;

pub use typeobj::{tt, type_name, type_of, type_ptr};
