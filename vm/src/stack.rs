//! The per-thread value stack: one fixed allocation that never moves (compiled code and
//! the interpreter address slots as `base + offset`), made valid lazily.
//!
//! The reservation is large (`STACK_SLOTS`), but only the prefix in use is ever written:
//! slots are initialised to UNDEF in growing chunks as frames reach them, so a small
//! program touches a few pages rather than the whole reservation.

use crate::value::Value;
use std::alloc::{alloc, dealloc, Layout};
use std::ops::{Deref, DerefMut};

/// Slots initialised up front (512 KiB); later growth doubles.
const INITIAL: usize = 1 << 16;

pub struct ValueStack {
    ptr: *mut Value,
    cap: usize,
    /// Slots `[0, init)` hold valid values (UNDEF above every frame's `sp`).
    init: usize,
}

impl ValueStack {
    pub fn new(cap: usize) -> ValueStack {
        let layout = Layout::array::<Value>(cap).expect("stack layout");
        // SAFETY: non-zero size; the memory is only read after `ensure` initialised it.
        let ptr = unsafe { alloc(layout) } as *mut Value;
        if ptr.is_null() {
            std::alloc::handle_alloc_error(layout);
        }
        let mut s = ValueStack { ptr, cap, init: 0 };
        s.ensure(INITIAL.min(cap));
        s
    }

    /// Makes slots `[0, upto)` valid; false if that exceeds the reservation.
    #[inline]
    pub fn ensure(&mut self, upto: usize) -> bool {
        if upto <= self.init {
            return true;
        }
        self.grow(upto)
    }

    #[cold]
    fn grow(&mut self, upto: usize) -> bool {
        if upto > self.cap {
            return false;
        }
        let target = upto.max(self.init * 2).min(self.cap);
        for i in self.init..target {
            // SAFETY: i < cap; the slot is uninitialised, so write without dropping.
            unsafe { self.ptr.add(i).write(Value::UNDEF) };
        }
        self.init = target;
        true
    }

    /// The reservation's size in slots.
    pub fn capacity(&self) -> usize {
        self.cap
    }
}

impl Deref for ValueStack {
    type Target = [Value];
    #[inline]
    fn deref(&self) -> &[Value] {
        // SAFETY: [0, init) is initialised and the allocation never moves.
        unsafe { std::slice::from_raw_parts(self.ptr, self.init) }
    }
}

impl DerefMut for ValueStack {
    #[inline]
    fn deref_mut(&mut self) -> &mut [Value] {
        // SAFETY: as for `deref`, and `&mut self` is unique.
        unsafe { std::slice::from_raw_parts_mut(self.ptr, self.init) }
    }
}

impl Drop for ValueStack {
    fn drop(&mut self) {
        // SAFETY: drops exactly the initialised prefix, then frees the reservation.
        unsafe {
            std::ptr::drop_in_place(std::slice::from_raw_parts_mut(self.ptr, self.init));
            dealloc(
                self.ptr as *mut u8,
                Layout::array::<Value>(self.cap).unwrap(),
            );
        }
    }
}
