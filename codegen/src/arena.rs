//! Executable memory for compiled code, W^X: a page is never writable and executable at
//! once.
//!
//! The arena reserves its whole capacity up front as one inaccessible mapping, so every
//! piece of code is within ±2 GiB (x86-64 `rel32`) or ±128 MiB (AArch64 `b`, for caps up to
//! that) of every other: a patched jump can always reach a side trace directly. Code is
//! installed into its own run of pages: the run is made read-write, filled, then made
//! read+execute (and the instruction cache synchronised). Patching a jump flips the pages
//! holding it to read-write and back to read+execute. Code shares no page with other code
//! being written, and the arena is owned by one thread (it is neither `Send` nor `Sync`), so
//! no code runs on a page while it is writable — except that a runtime helper called from
//! compiled code may compile and patch; that is safe because control only returns into the
//! page after it is executable again. Freed runs are released to the OS (`MADV_DONTNEED`),
//! made inaccessible and reused first-fit.

use crate::isa;
use crate::masm::PatchSite;
use crate::{Assembled, CodegenError, Isa};
use std::marker::PhantomData;

pub struct CodeArena {
    base: *mut u8,
    cap: usize,
    page: usize,
    /// End of the part of the reservation handed out at least once.
    top: usize,
    /// Freed page runs (offset, len), sorted and coalesced.
    free: Vec<(usize, usize)>,
    used: usize,
    _single_thread: PhantomData<*mut u8>,
}

/// Installed code. Addresses stay valid until `CodeArena::free` or the arena is dropped.
#[derive(Debug)]
pub struct CodeHandle {
    isa: Isa,
    offset: usize,
    run: usize,
    len: usize,
    addr: usize,
}

impl CodeHandle {
    /// The address of the first byte (the entry point).
    pub fn entry(&self) -> *const u8 {
        self.addr as *const u8
    }
    /// The address of a byte offset of the installed code (a label, a patch site).
    pub fn addr_of(&self, offset: usize) -> u64 {
        assert!(offset <= self.len);
        (self.addr + offset) as u64
    }
    pub fn len(&self) -> usize {
        self.len
    }
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

fn os_err(call: &'static str) -> CodegenError {
    CodegenError::Os {
        call,
        errno: std::io::Error::last_os_error().raw_os_error().unwrap_or(0),
    }
}

impl CodeArena {
    /// Reserves `cap` bytes (rounded up to pages) of address space; nothing is committed yet.
    pub fn new(cap: usize) -> Result<CodeArena, CodegenError> {
        // SAFETY: sysconf has no preconditions.
        let page = unsafe { libc::sysconf(libc::_SC_PAGESIZE) } as usize;
        let cap = cap.div_ceil(page).max(1) * page;
        // SAFETY: an anonymous private mapping at an address of the kernel's choosing; it
        // aliases nothing. PROT_NONE + NORESERVE: address space only.
        let base = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                cap,
                libc::PROT_NONE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_NORESERVE,
                -1,
                0,
            )
        };
        if base == libc::MAP_FAILED {
            return Err(os_err("mmap"));
        }
        Ok(CodeArena {
            base: base as *mut u8,
            cap,
            page,
            top: 0,
            free: vec![],
            used: 0,
            _single_thread: PhantomData,
        })
    }

    pub fn capacity(&self) -> usize {
        self.cap
    }
    /// Bytes of pages holding live code.
    pub fn used(&self) -> usize {
        self.used
    }
    /// The reserved address range (for checks that code addresses belong to the arena).
    pub fn range(&self) -> std::ops::Range<usize> {
        self.base as usize..self.base as usize + self.cap
    }

    fn protect(&self, offset: usize, len: usize, prot: libc::c_int) -> Result<(), CodegenError> {
        // SAFETY: [offset, offset+len) is page-aligned and inside our own reservation.
        let r = unsafe { libc::mprotect(self.base.add(offset) as *mut libc::c_void, len, prot) };
        if r != 0 {
            return Err(os_err("mprotect"));
        }
        Ok(())
    }

    fn allocate(&mut self, run: usize) -> Result<usize, CodegenError> {
        if let Some(i) = self.free.iter().position(|&(_, len)| len >= run) {
            let (offset, len) = self.free[i];
            if len == run {
                self.free.remove(i);
            } else {
                self.free[i] = (offset + run, len - run);
            }
            return Ok(offset);
        }
        if self.top + run > self.cap {
            return Err(CodegenError::ArenaFull {
                requested: run,
                used: self.used,
                cap: self.cap,
            });
        }
        self.top += run;
        Ok(self.top - run)
    }

    /// Copies assembled code into fresh pages and makes them executable.
    pub fn install(&mut self, code: &Assembled) -> Result<CodeHandle, CodegenError> {
        let len = code.code.len();
        let run = len.div_ceil(self.page).max(1) * self.page;
        let offset = self.allocate(run)?;
        self.protect(offset, run, libc::PROT_READ | libc::PROT_WRITE)?;
        // SAFETY: the run is ours, writable now, and `len <= run`; nothing executes it yet.
        let dst = unsafe { std::slice::from_raw_parts_mut(self.base.add(offset), len) };
        dst.copy_from_slice(&code.code);
        self.protect(offset, run, libc::PROT_READ | libc::PROT_EXEC)?;
        dynasmrt::cache_control::synchronize_icache(dst);
        self.used += run;
        Ok(CodeHandle {
            isa: code.isa,
            offset,
            run,
            len,
            addr: self.base as usize + offset,
        })
    }

    /// Re-points the patchable jump `site` of `code` to the absolute address `target`.
    pub fn patch_jump(
        &mut self,
        code: &CodeHandle,
        site: PatchSite,
        target: u64,
    ) -> Result<(), CodegenError> {
        let site_len = isa::patch_site_len(code.isa);
        assert!(site.0 + site_len <= code.len, "patch site outside the code");
        let at = code.offset + site.0;
        let first = at / self.page * self.page;
        let end = (at + site_len).div_ceil(self.page) * self.page;
        self.protect(first, end - first, libc::PROT_READ | libc::PROT_WRITE)?;
        // SAFETY: the bytes are inside installed code, now writable, and not executing (see
        // the module comment).
        let bytes = unsafe { std::slice::from_raw_parts_mut(self.base.add(at), site_len) };
        let patched = isa::retarget_jump(code.isa, bytes, code.addr_of(site.0), target);
        self.protect(first, end - first, libc::PROT_READ | libc::PROT_EXEC)?;
        dynasmrt::cache_control::synchronize_icache(bytes);
        patched
    }

    /// Releases the pages of `code`; its addresses must no longer be reachable.
    pub fn free(&mut self, code: CodeHandle) -> Result<(), CodegenError> {
        self.protect(code.offset, code.run, libc::PROT_NONE)?;
        // SAFETY: the run is ours and inaccessible; dropping its contents is the point.
        let r = unsafe {
            libc::madvise(
                self.base.add(code.offset) as *mut libc::c_void,
                code.run,
                libc::MADV_DONTNEED,
            )
        };
        if r != 0 {
            return Err(os_err("madvise"));
        }
        self.used -= code.run;
        let i = self.free.partition_point(|&(o, _)| o < code.offset);
        self.free.insert(i, (code.offset, code.run));
        // Coalesce with the neighbours.
        if i + 1 < self.free.len() && self.free[i].0 + self.free[i].1 == self.free[i + 1].0 {
            self.free[i].1 += self.free.remove(i + 1).1;
        }
        if i > 0 && self.free[i - 1].0 + self.free[i - 1].1 == self.free[i].0 {
            self.free[i - 1].1 += self.free.remove(i).1;
        }
        Ok(())
    }
}

impl Drop for CodeArena {
    fn drop(&mut self) {
        // SAFETY: unmapping our own reservation; handles into it are dead by contract.
        unsafe {
            libc::munmap(self.base as *mut libc::c_void, self.cap);
        }
    }
}
