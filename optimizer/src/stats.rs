//! Tier-2 counters for `--stats` (kept only when the flag is on): traces recorded and
//! aborted (by reason), side exits (by uop), what each pass removed, the share of
//! bytecode instructions run inside traces, and the time to record and optimize a trace.

use crate::ir::Trace;
use crate::passes::Removed;
use std::collections::BTreeMap;
use std::fmt::Write;
use std::time::Duration;

#[derive(Default)]
pub struct Stats {
    pub recorded: usize,
    /// Of the traces recorded, side traces (bridges) from hot exits.
    pub bridges: usize,
    pub aborted: BTreeMap<&'static str, usize>,
    /// Side exits by the uop that left.
    pub exits: BTreeMap<&'static str, usize>,
    /// Uops, guards and refcount uops recorded, and removed by each pass.
    pub recorded_counts: Removed,
    pub removed: BTreeMap<&'static str, Removed>,
    /// Bytecode instructions run inside traces.
    pub in_traces: u64,
    /// Exits that went on in a bridge.
    pub bridged: u64,
    pub entries: u64,
    pub compile_times: Vec<Duration>,
}

impl Stats {
    /// A trace left at uop `pc` after `iterations` full iterations.
    pub fn exit(&mut self, t: &Trace, pc: usize, iterations: u64, to_bridge: bool) {
        let ins = &t.insts[pc];
        if to_bridge {
            self.bridged += 1;
        } else {
            *self.exits.entry(ins.op.name()).or_default() += 1;
            self.entries += 1;
        }
        let partial = if ins.snap != crate::ir::NO_SNAP {
            t.snaps[ins.snap as usize].done
        } else {
            0
        };
        self.in_traces += iterations * t.per_iter as u64 + partial as u64;
    }

    /// The report; `interpreted` is the count of instructions the interpreter dispatched.
    pub fn report(&self, interpreted: u64) -> String {
        let mut s = String::new();
        let aborted: usize = self.aborted.values().sum();
        let _ = writeln!(
            s,
            "tier 2: {} traces recorded ({} of them bridges from hot side exits), {} recordings aborted",
            self.recorded, self.bridges, aborted
        );
        for (why, n) in &self.aborted {
            let _ = writeln!(s, "  aborted: {why}: {n}");
        }
        let total = self.in_traces + interpreted;
        if total > 0 {
            let _ = writeln!(
                s,
                "  bytecode instructions in traces: {} of {} ({:.1}%), {} trace runs",
                self.in_traces,
                total,
                100.0 * self.in_traces as f64 / total as f64,
                self.entries
            );
        }
        let exits: usize = self.exits.values().sum();
        let _ = writeln!(
            s,
            "  side exits to the interpreter: {exits} (and {} into bridges)",
            self.bridged
        );
        for (op, n) in &self.exits {
            let _ = writeln!(s, "    {op}: {n}");
        }
        let r = &self.recorded_counts;
        let _ = writeln!(
            s,
            "  recorded (one iteration): {} uops, {} guards, {} refcount uops",
            r.uops, r.guards, r.refcounts
        );
        let mut tot = Removed::default();
        for &pass in crate::passes::PASSES {
            let Some(d) = self.removed.get(pass) else {
                continue;
            };
            let _ = writeln!(
                s,
                "  pass {pass}: removed {} uops, {} guards, {} refcount uops",
                d.uops, d.guards, d.refcounts
            );
            tot.uops += d.uops;
            tot.guards += d.guards;
            tot.refcounts += d.refcounts;
        }
        let pct = |a: i64, b: i64| {
            if b == 0 {
                0.0
            } else {
                100.0 * a as f64 / b as f64
            }
        };
        let _ = writeln!(
            s,
            "  removed from each iteration: {:.1}% of uops, {:.1}% of guards, {:.1}% of refcount uops",
            pct(tot.uops, r.uops),
            pct(tot.guards, r.guards),
            pct(tot.refcounts, r.refcounts)
        );
        if !self.compile_times.is_empty() {
            let mut v = self.compile_times.clone();
            v.sort();
            let _ = writeln!(
                s,
                "  record + optimize per trace: median {:.1} us, max {:.1} us",
                v[v.len() / 2].as_secs_f64() * 1e6,
                v[v.len() - 1].as_secs_f64() * 1e6
            );
        }
        s
    }
}
