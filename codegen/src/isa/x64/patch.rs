//! Re-pointing a patchable jump (`E9 rel32`, see `X64Masm::patchable_jump`).

use crate::CodegenError;

/// Bytes a patchable jump occupies.
pub const SITE_LEN: usize = 5;

/// Rewrites the jump in `site` (the bytes at address `site_addr`) to go to `target`.
pub fn retarget(site: &mut [u8], site_addr: u64, target: u64) -> Result<(), CodegenError> {
    assert_eq!(site[0], 0xE9, "not a patchable jump");
    let rel = target.wrapping_sub(site_addr + SITE_LEN as u64) as i64;
    let rel = i32::try_from(rel).map_err(|_| CodegenError::OutOfRange {
        from: site_addr,
        to: target,
    })?;
    site[1..5].copy_from_slice(&rel.to_le_bytes());
    Ok(())
}
