//! Raising: traceback entries, implicit chaining, and the search for a handler through
//! the exception tables of the running frames.

use crate::error::PyErr;
use crate::vm::Vm;

/// `err` was raised in the top frame (its record synced). Records the traceback entry,
/// chains the exception being handled, and unwinds to the innermost handler: `Ok` when a
/// frame's handler takes it (that frame is now the top, its record pointing at the
/// handler with the exception pushed), `Err` when it leaves the entry frame (popped).
pub(super) fn unwind(vm: &mut Vm, mut err: PyErr) -> Result<(), PyErr> {
    if !std::mem::replace(&mut vm.reraising, false) {
        let top = vm.frames.last().expect("a running frame");
        vm.add_traceback(&err, top);
        chain_context(vm, &err);
    }
    loop {
        let f = vm.frames.top();
        // SAFETY: `f` is the synced top record; `[stack_base, sp)` hold owned operands and
        // `[caller_sp, fp)` the callable (and self) the caller left below a callee.
        unsafe {
            if let Some(h) = (*f).code.handler_at((*f).current_index()) {
                let target = (*f).stack_base().add(h.depth as usize);
                // The compiler guarantees the handler's depth is within the operand
                // stack (`compile::check_handler_depths`); never read empty slots if not.
                debug_assert!(target <= (*f).sp, "handler deeper than the operand stack");
                let mut p = (*f).sp;
                while p < target {
                    p.write(crate::value::Value::NONE);
                    p = p.add(1);
                }
                let mut p = target;
                while p < (*f).sp {
                    std::ptr::drop_in_place(p);
                    p = p.add(1);
                }
                target.write(err.0);
                (*f).sp = target.add(1);
                (*f).set_ip_index(h.target as usize);
                return Ok(());
            }
            let (entry, caller_sp, fp) = ((*f).is_entry(), (*f).caller_sp, (*f).fp);
            if (*f).flags & crate::frame::GEN_INLINE != 0 {
                err = super::gen_inline::escape(vm, f, err);
            }
            (*f).release_owned();
            vm.pop_frame();
            if entry {
                return Err(err);
            }
            let mut p = caller_sp;
            while p < fp {
                std::ptr::drop_in_place(p);
                p = p.add(1);
            }
            let caller = vm.frames.top();
            (*caller).sp = caller_sp;
            vm.add_traceback(&err, &*caller);
        }
    }
}

/// Sets `err.__context__` to the exception being handled (if any, and not itself),
/// cutting any cycle that would create, as CPython does.
fn chain_context(vm: &Vm, err: &PyErr) {
    let cur = &vm.exc_info;
    if cur.is_none() || cur.is(&err.0) {
        return;
    }
    let Some(e) = crate::types::exc::as_exc(&err.0) else {
        return;
    };
    if !e.context.borrow().is_none() {
        return;
    }
    // Break a cycle: if err is already in cur's context chain, unlink it there.
    let mut o = cur.clone();
    loop {
        let Some(x) = crate::types::exc::as_exc(&o) else {
            break;
        };
        let next = x.context.borrow().clone();
        if next.is(&err.0) {
            *x.context.borrow_mut() = crate::value::Value::NONE;
            break;
        }
        o = next;
    }
    *e.context.borrow_mut() = cur.clone();
}
