//! Fallible allocation. Buffers whose size a program decides (repetition, `list(range(n))`,
//! growing a list) are reserved with `try_reserve`, so exhausting memory (or a `ulimit -v`)
//! raises MemoryError as in CPython instead of aborting the process.

use crate::error::{self, PyResult};

/// A Vec with room for `n` items, or MemoryError.
pub fn vec_with_capacity<T>(n: usize) -> PyResult<Vec<T>> {
    let mut v = Vec::new();
    reserve(&mut v, n)?;
    Ok(v)
}

/// Room for `extra` more items in `v`, or MemoryError.
pub fn reserve<T>(v: &mut Vec<T>, extra: usize) -> PyResult<()> {
    v.try_reserve(extra).map_err(|_| error::memory_error(""))
}

/// A String with room for `n` bytes, or MemoryError.
pub fn string_with_capacity(n: usize) -> PyResult<String> {
    let mut s = String::new();
    s.try_reserve_exact(n)
        .map_err(|_| error::memory_error(""))?;
    Ok(s)
}

/// `len * n` items of `size` bytes for a repetition: None when it cannot be addressed.
pub fn repeat_len(len: usize, n: usize, size: usize) -> Option<usize> {
    let total = len.checked_mul(n)?;
    (total.checked_mul(size)? <= isize::MAX as usize).then_some(total)
}

/// Checks that `bytes` could be allocated now (a large int result is about to be computed
/// by a library that aborts on allocation failure): MemoryError if not.
pub fn probe(bytes: u64) -> PyResult<()> {
    if bytes < (1 << 24) {
        return Ok(());
    }
    let n = usize::try_from(bytes).map_err(|_| error::memory_error(""))?;
    let mut v: Vec<u8> = Vec::new();
    v.try_reserve_exact(n).map_err(|_| error::memory_error(""))
}
