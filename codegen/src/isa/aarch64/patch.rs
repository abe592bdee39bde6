//! Re-pointing a patchable jump (`b imm26`, see `A64Masm::patchable_jump`).

use crate::CodegenError;

/// Bytes a patchable jump occupies.
pub const SITE_LEN: usize = 4;

/// Rewrites the `b` in `site` (the bytes at address `site_addr`) to go to `target`
/// (±128 MiB; the arena's single reservation keeps its code within that for caps up to it).
pub fn retarget(site: &mut [u8], site_addr: u64, target: u64) -> Result<(), CodegenError> {
    let old = u32::from_le_bytes(site[..4].try_into().unwrap());
    assert_eq!(old & 0xFC00_0000, 0x1400_0000, "not a patchable jump");
    let delta = target.wrapping_sub(site_addr) as i64;
    if delta % 4 != 0 || !(-(1 << 27)..(1 << 27)).contains(&delta) {
        return Err(CodegenError::OutOfRange {
            from: site_addr,
            to: target,
        });
    }
    let insn = 0x1400_0000 | ((delta >> 2) as u32 & 0x03FF_FFFF);
    site[..4].copy_from_slice(&insn.to_le_bytes());
    Ok(())
}
