//! SIGINT as CPython handles it: the handler only records the signal; the interpreter
//! raises KeyboardInterrupt in the running code at its next check (loop back-edges and
//! calls), and an uncaught KeyboardInterrupt ends the process by SIGINT (status 130).

use std::sync::atomic::{AtomicBool, Ordering};

static PENDING: AtomicBool = AtomicBool::new(false);
static EXIT_BY_SIGINT: AtomicBool = AtomicBool::new(false);

extern "C" fn on_sigint(_: libc::c_int) {
    PENDING.store(true, Ordering::Relaxed);
}

/// Installs the SIGINT handler (without SA_RESTART, so a blocking read returns EINTR and
/// the interrupt is seen). Done before the interpreter thread starts.
pub fn install() {
    unsafe {
        let mut sa: libc::sigaction = std::mem::zeroed();
        sa.sa_sigaction = on_sigint as extern "C" fn(libc::c_int) as usize;
        libc::sigemptyset(&mut sa.sa_mask);
        sa.sa_flags = 0;
        libc::sigaction(libc::SIGINT, &sa, std::ptr::null_mut());
    }
}

/// Whether a SIGINT is waiting to be raised (one load: the interpreter tests this on every
/// loop back edge).
#[inline(always)]
pub fn pending() -> bool {
    PENDING.load(Ordering::Relaxed)
}

/// Whether a SIGINT arrived since the last call (and clears it).
#[inline]
pub fn take_pending() -> bool {
    PENDING.load(Ordering::Relaxed) && PENDING.swap(false, Ordering::Relaxed)
}

/// Raises KeyboardInterrupt if a SIGINT is pending.
#[inline]
pub fn check() -> crate::error::PyResult<()> {
    if take_pending() {
        return Err(keyboard_interrupt());
    }
    Ok(())
}

#[cold]
pub fn keyboard_interrupt() -> crate::error::PyErr {
    crate::error::PyErr::with_args(crate::types::tt().keyboard_interrupt, vec![])
}

/// Records that the program ended with an uncaught KeyboardInterrupt.
pub fn set_exit_by_sigint() {
    EXIT_BY_SIGINT.store(true, Ordering::Relaxed);
}

/// After an uncaught KeyboardInterrupt, CPython kills itself with SIGINT (default action)
/// so the parent sees "terminated by SIGINT"; this does the same.
pub fn exit_if_interrupted() {
    if EXIT_BY_SIGINT.load(Ordering::Relaxed) {
        unsafe {
            libc::signal(libc::SIGINT, libc::SIG_DFL);
            libc::kill(libc::getpid(), libc::SIGINT);
        }
    }
}
