//! `extern "C"` entry points into the VM for compiled code (more come with the lowering).

use crate::masm::Helper;
use vm::object::Header;

/// Frees an object whose count compiled code dropped to zero (`MacroAssembler::decref`).
///
/// # Safety
/// `p` must be a live heap object whose refcount is 0.
pub unsafe extern "C" fn dealloc(p: *const Header) {
    // SAFETY: the caller's contract is `object::dealloc`'s.
    unsafe { vm::object::dealloc(p) }
}

/// `dealloc` as a helper for `decref`/`decref_value`.
pub fn dealloc_helper() -> Helper {
    Helper {
        addr: dealloc as *const () as u64,
        name: "dealloc",
    }
}
