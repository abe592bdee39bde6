//! The per-thread value stack: one fixed reservation that never moves (the interpreter and
//! compiled code address slots through raw pointers), committed by the OS page by page as
//! frames reach it.
//!
//! Invariant: a slot holds an owned value only while it is inside a frame's locals, cells
//! or live operand stack (`[fp, sp)` of some frame). Slots at or above the running frame's
//! `sp` hold no references; their bits are meaningless. So a push writes without dropping,
//! a pop reads without writing back, and a new frame initialises only its own locals.

use crate::value::Value;
use std::alloc::{alloc, dealloc, Layout};

pub struct ValueStack {
    ptr: *mut Value,
    cap: usize,
}

impl ValueStack {
    pub fn new(cap: usize) -> ValueStack {
        let layout = Layout::array::<Value>(cap).expect("stack layout");
        // SAFETY: non-zero size; slots are written before they are read (see the invariant).
        let ptr = unsafe { alloc(layout) } as *mut Value;
        if ptr.is_null() {
            std::alloc::handle_alloc_error(layout);
        }
        ValueStack { ptr, cap }
    }

    /// The first slot.
    #[inline(always)]
    pub fn base(&self) -> *mut Value {
        self.ptr
    }

    /// Are `n` slots starting at `p` (a pointer into this stack) inside the reservation?
    #[inline(always)]
    pub fn fits(&self, p: *mut Value, n: usize) -> bool {
        // SAFETY: `p` points into the reservation, so the offset is defined.
        let used = unsafe { p.offset_from(self.ptr) } as usize;
        used + n <= self.cap
    }

    /// The reservation's size in slots.
    pub fn capacity(&self) -> usize {
        self.cap
    }
}

impl Drop for ValueStack {
    fn drop(&mut self) {
        // Owned values live only inside frames, and every frame has been popped (and its
        // slots released) before the VM is dropped: free the reservation.
        // SAFETY: allocated in `new` with the same layout.
        unsafe {
            dealloc(
                self.ptr as *mut u8,
                Layout::array::<Value>(self.cap).unwrap(),
            );
        }
    }
}
