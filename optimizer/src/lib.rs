//! Tier 2: hot loops recorded into traces of micro-ops, optimized, and run by the uop
//! interpreter (`-X jit=uops`; the machine-code backend in `codegen/` will take the same
//! optimized traces).
//!
//! - `uops.rs`: the one table of uops (name, inputs, result kind, flags, meaning);
//! - `ir.rs`: traces in SSA form with their exit snapshots, and their listings;
//! - `recorder.rs`: bytecode to uops, while the interpreter runs an iteration;
//! - `passes.rs`: type/constant propagation, refcount elimination, dead code;
//! - `exec.rs`: the uop interpreter (the executor installed at the loop header);
//! - `stats.rs`: the `--stats` counters.
//!
//! The interface with the interpreter (`vm/src/tier2.rs`): a hot back edge asks
//! `Jit::hot_loop` whether to record; the recording loop calls `Jit::record` before each
//! instruction; a finished trace is installed at its loop header, where the interpreter
//! enters it from then on.

pub mod exec;
pub mod ir;
pub mod passes;
pub mod recorder;
pub mod stats;
pub mod uops;

use recorder::{Recorder, Step};
use stats::Stats;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::time::Instant;
use vm::frame::Frame;
use vm::tier2::{Hot, Rec, Tier2};
use vm::vm::Vm;

pub use vm::bytecode::{Code, Instr, Op};

/// Recording attempts per loop before it is left to the interpreter for good.
const MAX_ATTEMPTS: u32 = 6;

#[derive(Clone, Default)]
pub struct Options {
    /// Passes turned off (`-X opt.NAME=off`).
    pub off: Vec<String>,
    /// `--dump=uops`: each recorded trace, to stderr.
    pub dump_uops: bool,
    /// `--dump=opt`: each trace after each pass, to stderr.
    pub dump_opt: bool,
    pub stats: bool,
    /// Where dumps go instead of stderr (the snapshot tests read them).
    pub dump_to: Option<Rc<RefCell<String>>>,
    /// Check each trace's invariants after recording and after each pass (tests; a
    /// violation panics with the pass and the listing).
    pub validate: bool,
}

pub struct Jit {
    opts: Options,
    rec: Option<(Recorder, Instant)>,
    /// The bridge being recorded: where it goes when finished.
    bridge: Option<exec::BridgeRequest>,
    shared: Rc<exec::Shared>,
    attempts: HashMap<(usize, u32), u32>,
    stats: Option<Rc<RefCell<Stats>>>,
}

impl Jit {
    fn dump(&self, text: &str) {
        match &self.opts.dump_to {
            Some(buf) => buf.borrow_mut().push_str(text),
            None => eprint!("{text}"),
        }
    }

    pub fn new(opts: Options) -> Jit {
        let stats = opts.stats.then(|| Rc::new(RefCell::new(Stats::default())));
        Jit {
            opts,
            rec: None,
            bridge: None,
            shared: Rc::new(exec::Shared {
                request: RefCell::new(None),
                threshold: 0,
            }),
            attempts: HashMap::new(),
            stats,
        }
    }

    fn abort(&mut self, vm: &Vm, why: &'static str) {
        let Some((rec, _)) = self.rec.take() else {
            return;
        };
        if let Some(s) = &self.stats {
            *s.borrow_mut().aborted.entry(why).or_default() += 1;
        }
        if self.opts.dump_uops {
            self.dump(&format!(
                "trace {} @{}: aborted ({why})\n",
                rec.trace.name, rec.trace.header
            ));
        }
        if self.bridge.take().is_some() {
            // The exit stays an exit (it asks again after more exits, a few times).
            return;
        }
        let code = rec.code_ptr();
        let key = (code as usize, rec.trace.jump);
        let n = self.attempts.entry(key).or_default();
        *n += 1;
        // Back off: wait longer before the next attempt, and stop after a few.
        let wait = if *n >= MAX_ATTEMPTS {
            u16::MAX
        } else {
            ((vm.options.hot_threshold as u32) << *n).min(u16::MAX as u32) as u16
        };
        // SAFETY: the code outlives the recording (its frame was running).
        vm::tier2::set_backedge_counter(unsafe { &*code }, rec.trace.jump as usize, wait);
    }

    fn finish(&mut self) {
        let Some((mut rec, start)) = self.rec.take() else {
            return;
        };
        rec.close();
        let code = rec.code_ptr();
        let mut trace = rec.trace;
        if self.opts.dump_uops {
            self.dump(&format!(
                "trace {} @{}: recorded\n{}",
                trace.name,
                trace.header,
                trace.listing()
            ));
        }
        let check = |trace: &ir::Trace, after: &str| {
            if let Err(e) = trace.validate() {
                panic!(
                    "tier-2 trace {} invalid after {after}: {e}\n{}",
                    trace.name,
                    trace.listing()
                );
            }
        };
        if self.opts.validate {
            check(&trace, "recording");
        }
        let before = trace.counts();
        let mut removed = Vec::new();
        for &p in passes::PASSES {
            if self.opts.off.iter().any(|o| o == p) {
                continue;
            }
            let (u0, g0, r0) = trace.counts();
            passes::run(&mut trace, p);
            if self.opts.validate {
                check(&trace, p);
            }
            let (u1, g1, r1) = trace.counts();
            let d = passes::Removed {
                uops: u0 as i64 - u1 as i64,
                guards: g0 as i64 - g1 as i64,
                refcounts: r0 as i64 - r1 as i64,
            };
            if self.opts.dump_opt {
                self.dump(&format!(
                    "trace {} @{}: after {p} (removed {} uops, {} guards, {} refcount uops)\n{}",
                    trace.name,
                    trace.header,
                    d.uops,
                    d.guards,
                    d.refcounts,
                    trace.listing()
                ));
            }
            removed.push((p, d));
        }
        if let Some(s) = &self.stats {
            let mut s = s.borrow_mut();
            s.recorded += 1;
            s.recorded_counts.uops += before.0 as i64;
            s.recorded_counts.guards += before.1 as i64;
            s.recorded_counts.refcounts += before.2 as i64;
            for (p, d) in removed {
                let e = s.removed.entry(p).or_default();
                e.uops += d.uops;
                e.guards += d.guards;
                e.refcounts += d.refcounts;
            }
            s.compile_times.push(start.elapsed());
        }
        let (header, jump) = (trace.header as usize, trace.jump as usize);
        let e = exec::UopExecutor::new(trace, self.stats.clone(), self.shared.clone());
        if let Some(b) = self.bridge.take() {
            if let Some(s) = &self.stats {
                s.borrow_mut().bridges += 1;
            }
            b.bridges.borrow_mut().insert(b.pc, Rc::new(e));
            return;
        }
        // SAFETY: the code outlives the recording (its frame was running).
        vm::tier2::install(unsafe { &*code }, header, jump, Rc::new(e));
    }
}

impl Tier2 for Jit {
    fn hot_loop(&mut self, vm: &mut Vm, frame: *mut Frame, jump: usize) -> Hot {
        if self.rec.is_some() {
            return Hot::Continue;
        }
        if self.shared.threshold == 0 {
            // Exits taken before a bridge is recorded: a fraction of the loop threshold.
            let t = (vm.options.hot_threshold as u32 / 16).clamp(1, 64);
            self.shared = Rc::new(exec::Shared {
                request: RefCell::new(None),
                threshold: t,
            });
        }
        // SAFETY: the interpreter passes its synced top record.
        self.rec = Some((unsafe { Recorder::new(vm, frame, jump) }, Instant::now()));
        Hot::Record
    }

    fn record(&mut self, vm: &mut Vm, frame: *mut Frame) -> Rec {
        if self.rec.is_none() {
            // A hot side exit asked for a bridge: the interpreter resumed there.
            let Some(req) = self.shared.request.borrow_mut().take() else {
                return Rec::Stop;
            };
            // SAFETY: the recording loop passes its synced top record.
            let here = unsafe { ((*frame).code.ptr(), (*frame).ip_index()) };
            if here != (req.code, req.ip as usize) {
                return Rec::Stop;
            }
            // SAFETY: as above.
            let mut rec =
                unsafe { Recorder::new_bridge(vm, frame, req.header as usize, req.jump as usize) };
            rec.trace.name = format!("{} (bridge from %{})", req.name, req.pc);
            self.rec = Some((rec, Instant::now()));
            self.bridge = Some(req);
        }
        let Some((rec, _)) = self.rec.as_mut() else {
            return Rec::Stop;
        };
        // SAFETY: the recording loop passes its synced top record.
        match unsafe { rec.step(vm, frame) } {
            Ok(Step::Continue) => Rec::Continue,
            Ok(Step::Closed) => {
                self.finish();
                Rec::Stop
            }
            Err(why) => {
                self.abort(vm, why);
                Rec::Stop
            }
        }
    }

    fn leave(&mut self, vm: &mut Vm) {
        self.abort(vm, "the loop's frame returned or raised");
    }

    fn report(&self, interpreted: u64) -> String {
        match &self.stats {
            Some(s) => s.borrow().report(interpreted),
            None => String::new(),
        }
    }
}
