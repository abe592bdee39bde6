//! Helper calls with the platform C ABI, written once above the trait: arguments are
//! assigned to the ISA's argument registers and then to 8-byte stack slots (System V and
//! AAPCS64 on Linux agree on this for integer and f64 arguments), live caller-saved
//! registers are stored around the call, and register arguments are placed by a parallel
//! move (cycles broken through the ISA's scratch register).

use crate::masm::{CallArg, CallRet, Helper, MacroAssembler, Mem};
use crate::regs::RegSet;

/// Orders `moves` (dst, src), all dsts distinct, so that each source is read before it is
/// overwritten; a cycle is broken by first copying one destination into `scratch`.
pub fn schedule_moves<R: Copy + Eq>(moves: &[(R, R)], scratch: R) -> Vec<(R, R)> {
    let mut pending: Vec<(R, R)> = moves.iter().copied().filter(|(d, s)| d != s).collect();
    let mut out = Vec::with_capacity(pending.len() + 1);
    while !pending.is_empty() {
        let free = (0..pending.len()).find(|&i| {
            let d = pending[i].0;
            pending.iter().all(|&(_, s)| s != d)
        });
        match free {
            Some(i) => out.push(pending.remove(i)),
            None => {
                // Every remaining dst is still a source: save one and redirect its readers.
                let d = pending[0].0;
                out.push((scratch, d));
                for m in pending.iter_mut() {
                    if m.1 == d {
                        m.1 = scratch;
                    }
                }
            }
        }
    }
    out
}

fn align16(n: i32) -> i32 {
    (n + 15) & !15
}

/// The call sequence behind `MacroAssembler::call`.
pub fn emit_call<M: MacroAssembler + ?Sized>(
    m: &mut M,
    helper: Helper,
    args: &[CallArg],
    ret: CallRet,
    live: &RegSet,
) {
    let t = m.regs();
    let (mut gp_moves, mut fp_moves, mut imms, mut stack) = (vec![], vec![], vec![], vec![]);
    let (mut ngp, mut nfp) = (0, 0);
    for &arg in args {
        match arg {
            CallArg::FReg(f) if nfp < t.arg_fp.len() => {
                fp_moves.push((t.arg_fp[nfp], f));
                nfp += 1;
            }
            CallArg::FReg(_) => stack.push(arg),
            _ if ngp < t.arg_gp.len() => {
                let dst = t.arg_gp[ngp];
                ngp += 1;
                match arg {
                    CallArg::Reg(r) => gp_moves.push((dst, r)),
                    CallArg::Imm(v) => imms.push((dst, v)),
                    CallArg::FReg(_) => unreachable!(),
                }
            }
            _ => stack.push(arg),
        }
    }

    let mut save = live.intersect(&t.caller_saved);
    let nsave = (save.gp.count_ones() + save.fp.count_ones()) as i32;
    let save_base = 8 * stack.len() as i32;
    let area = align16(save_base + 8 * nsave);
    if area > 0 {
        m.adjust_sp(-area);
    }
    let slot = |k: i32| Mem::new(t.sp, save_base + 8 * k);
    let saved_gp: Vec<_> = save.gp_regs().collect();
    let saved_fp: Vec<_> = save.fp_regs().collect();
    for (k, &r) in saved_gp.iter().enumerate() {
        m.store(r, slot(k as i32));
    }
    for (k, &f) in saved_fp.iter().enumerate() {
        m.fstore(f, slot((saved_gp.len() + k) as i32));
    }
    for (i, &arg) in stack.iter().enumerate() {
        let at = Mem::new(t.sp, 8 * i as i32);
        match arg {
            CallArg::Reg(r) => m.store(r, at),
            CallArg::FReg(f) => m.fstore(f, at),
            CallArg::Imm(v) => m.store_imm(v, at),
        }
    }
    for (d, s) in schedule_moves(&gp_moves, t.scratch_gp[0]) {
        m.mov(d, s);
    }
    for (d, s) in schedule_moves(&fp_moves, t.scratch_fp) {
        m.fmov(d, s);
    }
    for (d, v) in imms {
        m.mov_imm(d, v);
    }
    m.comment(&format!("call {}", helper.name));
    m.call_abs(helper);
    match ret {
        CallRet::None => {}
        CallRet::Reg(r) => {
            if r != t.ret_gp {
                m.mov(r, t.ret_gp);
            }
            save.remove(r);
        }
        CallRet::FReg(f) => {
            if f != t.ret_fp {
                m.fmov(f, t.ret_fp);
            }
            save.remove_f(f);
        }
    }
    for (k, &r) in saved_gp.iter().enumerate() {
        if save.contains(r) {
            m.load(r, slot(k as i32));
        }
    }
    for (k, &f) in saved_fp.iter().enumerate() {
        if save.contains_f(f) {
            m.fload(f, slot((saved_gp.len() + k) as i32));
        }
    }
    if area > 0 {
        m.adjust_sp(area);
    }
}

#[cfg(test)]
mod tests {
    use super::schedule_moves;

    /// Runs a schedule on a register file where register i holds value i.
    fn simulate(moves: &[(u8, u8)], scratch: u8) -> [u8; 16] {
        let mut regs: [u8; 16] = std::array::from_fn(|i| i as u8);
        for (d, s) in schedule_moves(moves, scratch) {
            regs[d as usize] = regs[s as usize];
        }
        regs
    }

    #[test]
    fn parallel_moves_read_every_source_before_overwriting_it() {
        let cases: &[&[(u8, u8)]] = &[
            &[(1, 2), (2, 3), (3, 1)],         // 3-cycle
            &[(1, 2), (2, 1)],                 // swap
            &[(1, 2), (2, 1), (3, 4), (4, 3)], // two swaps
            &[(1, 0), (2, 1), (3, 2)],         // chain that must run backwards
            &[(1, 5), (2, 5), (5, 1)],         // fan-out plus cycle
            &[(4, 4), (6, 7)],                 // self move dropped
        ];
        for moves in cases {
            let after = simulate(moves, 15);
            for &(d, s) in moves.iter() {
                assert_eq!(after[d as usize], s, "moves {moves:?}");
            }
            for r in 0..15u8 {
                if !moves.iter().any(|&(d, _)| d == r) {
                    assert_eq!(after[r as usize], r, "untouched register {r} in {moves:?}");
                }
            }
        }
    }
}
