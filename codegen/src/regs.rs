//! Register sets and the per-ISA register tables (which registers the allocator may use,
//! which the ABI passes arguments in, which a call clobbers), and their translation into
//! regalloc2's `MachineEnv`.

use crate::masm::{FReg, Reg};
use regalloc2::{MachineEnv, PReg, PRegSet, RegClass};

/// A set of GP and FP registers (bit i = hardware register i; both ISAs have at most 32).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RegSet {
    pub gp: u32,
    pub fp: u32,
}

impl RegSet {
    pub const EMPTY: RegSet = RegSet { gp: 0, fp: 0 };

    pub const fn from_masks(gp: u32, fp: u32) -> RegSet {
        RegSet { gp, fp }
    }
    pub fn of(gp: &[Reg], fp: &[FReg]) -> RegSet {
        let mut s = RegSet::EMPTY;
        gp.iter().for_each(|&r| s.insert(r));
        fp.iter().for_each(|&r| s.insert_f(r));
        s
    }
    pub fn insert(&mut self, r: Reg) {
        self.gp |= 1 << r.0;
    }
    pub fn insert_f(&mut self, r: FReg) {
        self.fp |= 1 << r.0;
    }
    pub fn remove(&mut self, r: Reg) {
        self.gp &= !(1 << r.0);
    }
    pub fn remove_f(&mut self, r: FReg) {
        self.fp &= !(1 << r.0);
    }
    pub fn contains(&self, r: Reg) -> bool {
        self.gp & (1 << r.0) != 0
    }
    pub fn contains_f(&self, r: FReg) -> bool {
        self.fp & (1 << r.0) != 0
    }
    pub fn intersect(&self, other: &RegSet) -> RegSet {
        RegSet {
            gp: self.gp & other.gp,
            fp: self.fp & other.fp,
        }
    }
    pub fn is_empty(&self) -> bool {
        self.gp == 0 && self.fp == 0
    }
    pub fn gp_regs(&self) -> impl Iterator<Item = Reg> + '_ {
        (0..32u8).filter(|i| self.gp & (1 << i) != 0).map(Reg)
    }
    pub fn fp_regs(&self) -> impl Iterator<Item = FReg> + '_ {
        (0..32u8).filter(|i| self.fp & (1 << i) != 0).map(FReg)
    }
}

/// The mask of a list of register numbers (for the static tables).
pub const fn mask(regs: &[u8]) -> u32 {
    let mut m = 0;
    let mut i = 0;
    while i < regs.len() {
        m |= 1 << regs[i];
        i += 1;
    }
    m
}

/// One ISA's register file as the ABI and the backend use it.
#[derive(Debug)]
pub struct RegTables {
    pub sp: Reg,
    /// The frame pointer (kept as a chain so perf can unwind).
    pub fp: Reg,
    /// Reserved for the backend's own sequences; never allocatable.
    pub scratch_gp: [Reg; 2],
    pub scratch_fp: FReg,
    /// What the register allocator may use, in preference order.
    pub allocatable_gp: &'static [Reg],
    pub allocatable_fp: &'static [FReg],
    /// Clobbered by a call (the allocatable part of it).
    pub caller_saved: RegSet,
    /// Preserved by a call; a function using one saves it in its prologue.
    pub callee_saved: RegSet,
    pub arg_gp: &'static [Reg],
    pub arg_fp: &'static [FReg],
    pub ret_gp: Reg,
    pub ret_fp: FReg,
    /// Register names, for messages.
    pub gp_names: &'static [&'static str],
}

impl RegTables {
    pub fn allocatable(&self) -> RegSet {
        RegSet::of(self.allocatable_gp, self.allocatable_fp)
    }

    /// The allocator's view: caller-saved registers first (free in a leaf trace), then the
    /// callee-saved ones (cost a save in the prologue). No fixed scratch register is given
    /// to regalloc2: the backend's own scratch registers are used inside single operations.
    pub fn machine_env(&self) -> MachineEnv {
        let mut preferred = [PRegSet::empty(); 3];
        let mut non_preferred = [PRegSet::empty(); 3];
        for &r in self.allocatable_gp {
            let p = PReg::new(r.0 as usize, RegClass::Int);
            if self.callee_saved.contains(r) {
                non_preferred[0].add(p);
            } else {
                preferred[0].add(p);
            }
        }
        for &r in self.allocatable_fp {
            let p = PReg::new(r.0 as usize, RegClass::Float);
            if self.callee_saved.contains_f(r) {
                non_preferred[1].add(p);
            } else {
                preferred[1].add(p);
            }
        }
        MachineEnv {
            preferred_regs_by_class: preferred,
            non_preferred_regs_by_class: non_preferred,
            scratch_by_class: [None; 3],
            fixed_stack_slots: vec![],
        }
    }

    pub fn name(&self, r: Reg) -> &'static str {
        self.gp_names[r.0 as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Isa;
    use regalloc2::RegClass;

    #[test]
    fn tables_are_consistent_for_every_isa() {
        for isa in [Isa::X64, Isa::Aarch64] {
            let t = isa.regs();
            let alloc = t.allocatable();
            for r in [t.sp, t.fp, t.scratch_gp[0], t.scratch_gp[1]] {
                assert!(!alloc.contains(r), "{isa:?}: {} is reserved", t.name(r));
            }
            assert!(!alloc.contains_f(t.scratch_fp));
            assert_eq!(
                t.caller_saved.intersect(&t.callee_saved),
                RegSet::EMPTY,
                "{isa:?}"
            );
            let union = RegSet {
                gp: t.caller_saved.gp | t.callee_saved.gp,
                fp: t.caller_saved.fp | t.callee_saved.fp,
            };
            assert_eq!(
                union, alloc,
                "{isa:?}: every allocatable register is caller- or callee-saved"
            );
            for &r in t.arg_gp.iter().chain([&t.ret_gp]) {
                assert!(t.caller_saved.contains(r), "{isa:?}: {}", t.name(r));
            }
            for &f in t.arg_fp.iter().chain([&t.ret_fp]) {
                assert!(t.caller_saved.contains_f(f));
            }
        }
    }

    #[test]
    fn machine_env_offers_exactly_the_allocatable_registers() {
        for isa in [Isa::X64, Isa::Aarch64] {
            let t = isa.regs();
            let env = t.machine_env();
            for (class, idx) in [(RegClass::Int, 0), (RegClass::Float, 1)] {
                let mut offered: Vec<usize> = env.preferred_regs_by_class[idx]
                    .into_iter()
                    .chain(env.non_preferred_regs_by_class[idx])
                    .map(|p| {
                        assert_eq!(p.class(), class);
                        p.hw_enc()
                    })
                    .collect();
                offered.sort();
                let mut want: Vec<usize> = match class {
                    RegClass::Int => t.allocatable_gp.iter().map(|r| r.0 as usize).collect(),
                    _ => t.allocatable_fp.iter().map(|r| r.0 as usize).collect(),
                };
                want.sort();
                assert_eq!(offered, want, "{isa:?} {class:?}");
            }
            // Callee-saved registers cost a prologue save: never preferred.
            for p in env.preferred_regs_by_class[0] {
                assert!(!t.callee_saved.contains(Reg(p.hw_enc() as u8)));
            }
        }
    }
}
