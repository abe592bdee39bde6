//! The uop interpreter (`-X jit=uops`): runs an optimized trace without machine code, one
//! uop at a time, with every trace value in a slot of a register file. It is the reference
//! the machine-code backends are tested against: its speed does not matter, its exactness
//! does.
//!
//! Exits follow the contract in `vm/src/tier2.rs`: a failed guard materializes its
//! snapshot (slots written back, unboxed values boxed, borrowed references the
//! interpreter owns taken) and sets the frame's `ip` and `sp`; the interpreter re-runs the
//! instruction there.

use crate::ir::{Inst, Snapshot, Trace};
use crate::stats::Stats;
use crate::uops::{Kind, Uop};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use vm::bytecode::when;
use vm::frame::{Borrowed, CodeRef, Frame};
use vm::interp::{step_generic, Stepped};
use vm::object::Header;
use vm::tier2::{Executor, Exit};
use vm::types::dict::DictObj;
use vm::types::func::FunctionObj;
use vm::types::instance::InstanceObj;
use vm::types::iter::{IterObj, IterState};
use vm::types::list::ListObj;
use vm::types::tuple::as_tuple;
use vm::value::Value;
use vm::vm::Vm;

pub struct UopExecutor {
    pub trace: Trace,
    pub stats: Option<Rc<RefCell<Stats>>>,
    regs: RefCell<Vec<u64>>,
    /// Side traces (bridges) by the uop whose exit they continue.
    pub bridges: Rc<RefCell<HashMap<u32, Rc<UopExecutor>>>>,
    /// Times each uop's exit was taken (bridges start at hot ones).
    exits: RefCell<HashMap<u32, u32>>,
    shared: Rc<Shared>,
}

/// What executors and the `Jit` share: the side exit that asked for a bridge.
#[derive(Default)]
pub struct Shared {
    pub request: RefCell<Option<BridgeRequest>>,
    /// Exits taken before a bridge is recorded there.
    pub threshold: u32,
}

/// A hot side exit to record a bridge from: the uop `pc` of the trace whose bridge map
/// this is; recording starts at instruction `ip` of `code` and ends at the loop header.
pub struct BridgeRequest {
    pub bridges: Rc<RefCell<HashMap<u32, Rc<UopExecutor>>>>,
    pub pc: u32,
    pub code: *const vm::bytecode::Code,
    pub ip: u32,
    pub header: u32,
    pub jump: u32,
    pub name: String,
}

/// Recording attempts per exit before it stays an exit.
const BRIDGE_ATTEMPTS: u32 = 3;

/// How a trace run ended.
enum End {
    Exit(Exit),
    /// A bridge reached the loop header: its parent starts the loop again.
    Reenter,
}

impl UopExecutor {
    pub fn new(trace: Trace, stats: Option<Rc<RefCell<Stats>>>, shared: Rc<Shared>) -> UopExecutor {
        let n = trace.insts.len();
        UopExecutor {
            trace,
            stats,
            regs: RefCell::new(vec![0; n]),
            bridges: Rc::new(RefCell::new(HashMap::new())),
            exits: RefCell::new(HashMap::new()),
            shared,
        }
    }

    /// Counts an exit at uop `pc`; true when a bridge should be recorded from it now.
    fn hot_exit(&self, pc: usize) -> bool {
        let ins = &self.trace.insts[pc];
        // Bridges start in the trace's own frame, at a guard (not INTERP: its state is
        // already the interpreter's), and only on loops (a bridge ends at the header).
        let sn = &self.trace.snaps[ins.snap as usize];
        if !ins.op.is_guard()
            || ins.op == Uop::INTERP
            || !sn.frames.is_empty()
            || self.bridges.borrow().contains_key(&(pc as u32))
        {
            return false;
        }
        let mut ex = self.exits.borrow_mut();
        let n = ex.entry(pc as u32).or_default();
        *n += 1;
        let t = self.shared.threshold.max(1);
        if *n % t != 0 || *n / t > BRIDGE_ATTEMPTS || self.shared.request.borrow().is_some() {
            return false;
        }
        true
    }
}

/// Takes a reference to a word (nothing for immediates).
#[inline]
fn incref(w: u64) {
    if w >> 48 == 0 {
        // SAFETY: pointer words point at live objects.
        unsafe { (*(w as *const Header)).incref() }
    }
}

/// Drops a reference held by the trace.
#[inline]
fn decref(w: u64) {
    // SAFETY: the trace owned this reference (the recorder mirrors the interpreter).
    drop(unsafe { Value::from_raw(w) });
}

#[inline]
fn int_word(i: i64) -> u64 {
    Value::small_int(i).into_raw()
}

#[inline]
fn float_word(f: f64) -> u64 {
    Value::float(f).into_raw()
}

/// The value of trace value `r` as a boxed word.
fn boxed(trace: &Trace, regs: &[u64], r: u32) -> u64 {
    let x = regs[r as usize];
    match trace.kind(r) {
        Kind::I64 => int_word(x as i64),
        Kind::F64 => float_word(f64::from_bits(x)),
        Kind::Bit => Value::bool(x != 0).into_raw(),
        _ => x,
    }
}

/// Writes a snapshot's slots back to the frame (no drop: the slots' old contents were
/// released or moved by the trace) and takes its references.
///
/// # Safety
/// `frame` is the synced top record of the trace's frame.
unsafe fn write_back(vm: &mut Vm, trace: &Trace, regs: &[u64], sn: &Snapshot, frame: *mut Frame) {
    let fp = (*frame).fp;
    for &(slot, r) in &sn.slots {
        fp.add(slot as usize)
            .write(Value::from_raw(boxed(trace, regs, r)));
    }
    for &r in &sn.increfs {
        incref(boxed(trace, regs, r));
    }
    // Each frame resumes after its call, with its callable's slot as `sp` (as the
    // interpreter leaves a caller), except the innermost, which resumes at the snapshot.
    let mut rec = frame;
    for f in &sn.frames {
        (*rec).set_ip_index(f.call_k as usize + 1);
        (*rec).sp = fp.add(f.callable as usize);
        let func = Value::from_raw_ref(&f.func);
        let fo = func.downcast::<FunctionObj>().unwrap_unchecked();
        let mut r = Frame::new(
            CodeRef::of(&fo.code),
            Borrowed::of(func),
            Borrowed::of(&fo.globals),
            fp.add(f.fp as usize),
        )
        .with_caller_sp(fp.add(f.callable as usize));
        if f.init {
            r.flags |= vm::frame::INIT;
            incref(f.func);
        }
        // Room was checked when the trace was entered.
        rec = vm.frames.push(r);
    }
    (*rec).set_ip_index(sn.ip as usize);
    (*rec).sp = fp.add(sn.sp as usize);
}

impl Executor for UopExecutor {
    unsafe fn execute(&self, vm: &mut Vm, frame: *mut Frame) -> Exit {
        match self.run(vm, frame) {
            End::Exit(e) => e,
            // Only bridges re-enter; a loop trace restarts itself instead.
            End::Reenter => Exit::Resume,
        }
    }
}

impl UopExecutor {
    unsafe fn run(&self, vm: &mut Vm, frame: *mut Frame) -> End {
        // A trace that re-enters itself (through a nested run) gets its own registers.
        let mut own;
        let mut borrowed = self.regs.try_borrow_mut();
        let regs: &mut [u64] = match borrowed {
            Ok(ref mut r) => r,
            Err(_) => {
                own = vec![0; self.trace.insts.len()];
                &mut own
            }
        };
        let t = &self.trace;
        let fp = (*frame).fp;
        // Room for the frames and slots the trace may materialize (else the interpreter
        // runs the iteration, raising RecursionError where it must).
        if vm.frames.len() + t.max_frames as usize >= vm.frames.limit()
            || !vm.stack.fits(fp, t.max_slots as usize + 1)
        {
            return End::Exit(Exit::Resume);
        }
        let mut iterations: u64 = 0;
        // The PHIs' next values, reused from iteration to iteration.
        let mut phi_next: Vec<u64> = Vec::new();
        // A loop trace starts after its LOOP; a bridge at its first uop.
        let mut pc = (t.insts[0].op == Uop::LOOP) as usize;
        macro_rules! exit {
            ($ins:expr, $i:expr) => {{
                let sn = &t.snaps[$ins.snap as usize];
                write_back(vm, t, regs, sn, frame);
                let bridge = self.bridges.borrow().get(&($i as u32)).cloned();
                if let Some(s) = &self.stats {
                    s.borrow_mut().exit(t, $i, iterations, bridge.is_some());
                }
                if let Some(b) = bridge {
                    // The exit continues in its side trace, which ends at the loop header:
                    // the loop starts again (its first iteration reads the frame).
                    match b.run(vm, frame) {
                        // Bridges of bridges hand the re-entry up to the loop trace.
                        End::Reenter if t.insts[0].op == Uop::LOOP => {
                            iterations = 0;
                            pc = 1;
                            continue;
                        }
                        e => return e,
                    }
                }
                if self.hot_exit($i) {
                    let (code, ip) = ((*frame).code.ptr(), sn.ip);
                    *self.shared.request.borrow_mut() = Some(BridgeRequest {
                        bridges: self.bridges.clone(),
                        pc: $i as u32,
                        code,
                        ip,
                        header: t.header,
                        jump: t.jump,
                        name: t.name.clone(),
                    });
                    return End::Exit(Exit::Record);
                }
                return End::Exit(Exit::Resume);
            }};
        }
        loop {
            let ins: &Inst = t.insts.get_unchecked(pc);
            let a = ins.args[0] as usize;
            let b = ins.args[1] as usize;
            let (ra, rb) = (regs[a], regs[b]);
            let out: u64 = match ins.op {
                Uop::NOP => 0,
                // The peeled loop's start, reached from the first iteration.
                Uop::LOOP => {
                    iterations += 1;
                    0
                }
                Uop::JUMP_LOOP => {
                    iterations += 1;
                    if vm::signals::pending() {
                        // The interpreter raises it at its next back edge.
                        write_back(vm, t, regs, &t.snaps[ins.snap as usize], frame);
                        if let Some(s) = &self.stats {
                            s.borrow_mut().exit(t, pc, iterations, false);
                        }
                        return End::Exit(Exit::Resume);
                    }
                    if ins.imm2 == 2 {
                        // A bridge's end: write back; the parent starts the loop again.
                        write_back(vm, t, regs, &t.snaps[ins.snap as usize], frame);
                        if let Some(s) = &self.stats {
                            s.borrow_mut().in_traces += t.per_iter as u64;
                        }
                        return End::Reenter;
                    }
                    if ins.imm2 == 0 {
                        write_back(vm, t, regs, &t.snaps[ins.snap as usize], frame);
                        pc = 1;
                        continue;
                    }
                    // Peeled: the PHIs after the loop's LOOP take their next values (all
                    // read before any is written).
                    let first = ins.imm as usize + 1;
                    let mut end = first;
                    while matches!(t.insts[end].op, Uop::PHI | Uop::PHI_I64 | Uop::PHI_F64) {
                        end += 1;
                    }
                    phi_next.clear();
                    phi_next.extend((first..end).map(|p| regs[t.insts[p].args[1] as usize]));
                    regs[first..end].copy_from_slice(&phi_next);
                    pc = end;
                    continue;
                }
                Uop::PHI | Uop::PHI_I64 | Uop::PHI_F64 => ra,
                Uop::INTERP => {
                    write_back(vm, t, regs, &t.snaps[ins.snap as usize], frame);
                    let top = vm.frames.top();
                    match step_generic(vm, top, ins.imm as usize) {
                        Stepped::Next if (*top).ip_index() == ins.imm2 as usize => {
                            // Back to the trace: the inlined frames' records go again
                            // (they own nothing).
                            vm.frames.truncate_to(frame);
                            0
                        }
                        Stepped::Next | Stepped::Left => {
                            if let Some(s) = &self.stats {
                                s.borrow_mut().exit(t, pc, iterations, false);
                            }
                            return End::Exit(Exit::Resume);
                        }
                        Stepped::Raised(e) => {
                            if let Some(s) = &self.stats {
                                s.borrow_mut().exit(t, pc, iterations, false);
                            }
                            return End::Exit(Exit::Raise(e));
                        }
                    }
                }
                Uop::CONST | Uop::CONST_I64 | Uop::CONST_F64 => ins.imm,
                Uop::LOAD_SLOT => (*fp.add(ins.imm as usize)).bits(),
                Uop::INCREF => {
                    incref(ra);
                    0
                }
                Uop::DECREF => {
                    decref(ra);
                    0
                }
                Uop::GUARD_BOUND => {
                    if ra == Value::UNDEF_BITS {
                        exit!(ins, pc)
                    }
                    0
                }
                Uop::GUARD_INT => {
                    if ra >> 48 != 0xFFFF {
                        exit!(ins, pc)
                    }
                    0
                }
                Uop::GUARD_FLOAT => {
                    if !Value::from_raw_ref(&ra).is_float() {
                        exit!(ins, pc)
                    }
                    0
                }
                Uop::GUARD_TYPE => {
                    if ra >> 48 != 0
                        || vm::types::type_ptr(Value::from_raw_ref(&ra)) as u64 != ins.imm
                    {
                        exit!(ins, pc)
                    }
                    0
                }
                Uop::GUARD_SHAPE => {
                    match Value::from_raw_ref(&ra).downcast::<InstanceObj>() {
                        Some(i) if i.shape.get() as u64 == ins.imm => {}
                        _ => exit!(ins, pc),
                    }
                    0
                }
                Uop::GUARD_EPOCH => {
                    if vm::types::typeobj::type_epoch() as u64 != ins.imm {
                        exit!(ins, pc)
                    }
                    0
                }
                Uop::GUARD_GLOBALS => {
                    let g: &Value = &(*frame).globals;
                    let ok = g.bits() == ins.imm
                        && g.downcast::<DictObj>().map(|d| d.version()) == Some(ins.imm2);
                    if !ok {
                        exit!(ins, pc)
                    }
                    0
                }
                Uop::GUARD_DICT_VERSION => {
                    let d = Value::from_raw_ref(&ins.imm)
                        .downcast::<DictObj>()
                        .unwrap_unchecked();
                    if d.version() != ins.imm2 {
                        exit!(ins, pc)
                    }
                    0
                }
                Uop::GUARD_BUILTINS => {
                    if vm.builtins.downcast::<DictObj>().map(|d| d.version()) != Some(ins.imm2) {
                        exit!(ins, pc)
                    }
                    0
                }
                Uop::LOAD_DICT_ENTRY => {
                    let d = Value::from_raw_ref(&ins.imm)
                        .downcast::<DictObj>()
                        .unwrap_unchecked();
                    // Borrowed: the dict holds it (the version guard keeps the entry there).
                    let v = d.value_at(ins.imm2 as usize);
                    let w = v.bits();
                    drop(v);
                    w
                }
                Uop::GUARD_IS => {
                    if ra != ins.imm {
                        exit!(ins, pc)
                    }
                    0
                }
                Uop::GUARD_IS_NOT => {
                    if ra == ins.imm {
                        exit!(ins, pc)
                    }
                    0
                }
                Uop::GUARD_BIT => {
                    if ra != ins.imm {
                        exit!(ins, pc)
                    }
                    0
                }
                Uop::GUARD_RANGE_ITER | Uop::GUARD_LIST_ITER => {
                    let ok = match Value::from_raw_ref(&ra).downcast::<IterObj>() {
                        Some(io) => match &*io.state.as_ptr() {
                            IterState::Range { .. } => ins.op == Uop::GUARD_RANGE_ITER,
                            IterState::Seq { seq, .. } => {
                                ins.op == Uop::GUARD_LIST_ITER
                                    && seq.downcast::<ListObj>().is_some()
                            }
                            _ => false,
                        },
                        None => false,
                    };
                    if !ok {
                        exit!(ins, pc)
                    }
                    0
                }
                Uop::GUARD_ITER_DONE => {
                    let io = Value::from_raw_ref(&ra)
                        .downcast::<IterObj>()
                        .unwrap_unchecked();
                    let done = match &*io.state.as_ptr() {
                        IterState::Range { remaining, .. } => *remaining <= 0,
                        IterState::Seq { seq, idx } => match seq.downcast::<ListObj>() {
                            Some(l) => *idx >= (&*l.items.as_ptr()).len(),
                            None => false,
                        },
                        _ => false,
                    };
                    if !done {
                        exit!(ins, pc)
                    }
                    0
                }
                Uop::GUARD_LEN => {
                    let v = Value::from_raw_ref(&ra);
                    let n = match as_tuple(v) {
                        Some(t) => t.len(),
                        None => match v.downcast::<ListObj>() {
                            Some(l) => (*l.items.as_ptr()).len(),
                            None => usize::MAX,
                        },
                    };
                    if n as u64 != ins.imm {
                        exit!(ins, pc)
                    }
                    0
                }
                Uop::UNBOX_INT => Value::from_raw_ref(&ra).small_int_unchecked() as u64,
                Uop::BOX_INT => int_word(ra as i64),
                Uop::ADD_INT
                | Uop::SUB_INT
                | Uop::MUL_INT
                | Uop::LSHIFT_INT
                | Uop::RSHIFT_INT
                | Uop::FLOORDIV_INT
                | Uop::MOD_INT => {
                    let (x, y) = (ra as i64, rb as i64);
                    let r = match ins.op {
                        Uop::ADD_INT => Some(x + y),
                        Uop::SUB_INT => Some(x - y),
                        Uop::MUL_INT => x.checked_mul(y),
                        Uop::LSHIFT_INT => {
                            if (0..48).contains(&y) && (x << y) >> y == x {
                                Some(x << y)
                            } else {
                                None
                            }
                        }
                        Uop::RSHIFT_INT => (y >= 0).then(|| x >> y.min(63)),
                        Uop::FLOORDIV_INT => (y != 0).then(|| {
                            let q = x / y;
                            if x % y != 0 && ((x < 0) != (y < 0)) {
                                q - 1
                            } else {
                                q
                            }
                        }),
                        _ => (y != 0).then(|| {
                            let m = x % y;
                            if m != 0 && ((m < 0) != (y < 0)) {
                                m + y
                            } else {
                                m
                            }
                        }),
                    };
                    match r {
                        Some(r) if Value::fits_small(r) => r as u64,
                        _ => exit!(ins, pc),
                    }
                }
                Uop::AND_INT => ra & rb,
                Uop::OR_INT => ra | rb,
                Uop::XOR_INT => ra ^ rb,
                Uop::CMP_INT => {
                    ((when::of_order(ra as i64, rb as i64) as u64 & ins.imm) != 0) as u64
                }
                Uop::UNBOX_FLOAT => Value::from_raw_ref(&ra).float_unchecked().to_bits(),
                Uop::BOX_FLOAT => float_word(f64::from_bits(ra)),
                Uop::INT_TO_FLOAT => (ra as i64 as f64).to_bits(),
                Uop::ADD_FLOAT => (f64::from_bits(ra) + f64::from_bits(rb)).to_bits(),
                Uop::SUB_FLOAT => (f64::from_bits(ra) - f64::from_bits(rb)).to_bits(),
                Uop::MUL_FLOAT => (f64::from_bits(ra) * f64::from_bits(rb)).to_bits(),
                Uop::DIV_FLOAT => {
                    let y = f64::from_bits(rb);
                    if y == 0.0 {
                        exit!(ins, pc)
                    }
                    (f64::from_bits(ra) / y).to_bits()
                }
                Uop::POW_FLOAT => {
                    let (x, y) = (f64::from_bits(ra), f64::from_bits(rb));
                    let r = x.powf(y);
                    if !(x > 0.0 && x.is_finite() && y.is_finite() && r.is_finite()) {
                        exit!(ins, pc)
                    }
                    r.to_bits()
                }
                Uop::NEG_INT => {
                    let r = -(ra as i64);
                    if !Value::fits_small(r) {
                        exit!(ins, pc)
                    }
                    r as u64
                }
                Uop::NEG_FLOAT => (-f64::from_bits(ra)).to_bits(),
                Uop::LEN => vm::ops::len_fast(Value::from_raw_ref(&ra)).unwrap_unchecked() as u64,
                Uop::CMP_FLOAT => {
                    ((when::of_order(f64::from_bits(ra), f64::from_bits(rb)) as u64 & ins.imm) != 0)
                        as u64
                }
                Uop::BOX_BOOL => Value::bool(ra != 0).into_raw(),
                Uop::IS => (ra == rb) as u64,
                Uop::TRUTH => {
                    let v = Value::from_raw_ref(&ra);
                    match v.as_bool() {
                        Some(b) => b as u64,
                        None => (v.small_int_unchecked() != 0) as u64,
                    }
                }
                Uop::NOT_BIT => ra ^ 1,
                Uop::NONZERO => (ra != 0) as u64,
                Uop::NEW_INSTANCE => {
                    vm::types::instance::new_instance(Value::from_raw_ref(&ins.imm)).into_raw()
                }
                Uop::LOAD_ATTR_SLOT => {
                    let i = Value::from_raw_ref(&ra)
                        .downcast::<InstanceObj>()
                        .unwrap_unchecked();
                    (&*i.slots.as_ptr()).get_unchecked(ins.imm as usize).bits()
                }
                Uop::STORE_ATTR_SLOT => {
                    let i = Value::from_raw_ref(&ra)
                        .downcast::<InstanceObj>()
                        .unwrap_unchecked();
                    let slot = (*i.slots.as_ptr()).as_mut_ptr().add(ins.imm as usize);
                    std::ptr::replace(slot, Value::from_raw(rb)).into_raw()
                }
                Uop::STORE_ATTR_ADD => {
                    let i = Value::from_raw_ref(&ra)
                        .downcast::<InstanceObj>()
                        .unwrap_unchecked();
                    i.push_slot(
                        ins.imm as *const vm::types::instance::Shape,
                        Value::from_raw(rb),
                    );
                    0
                }
                Uop::LIST_GET | Uop::TUPLE_GET => {
                    let v = Value::from_raw_ref(&ra);
                    let items: &[Value] = if ins.op == Uop::LIST_GET {
                        &*v.downcast::<ListObj>().unwrap_unchecked().items.as_ptr()
                    } else {
                        as_tuple(v).unwrap_unchecked()
                    };
                    let i = rb as i64;
                    let j = if i < 0 { i + items.len() as i64 } else { i };
                    if j < 0 || j as usize >= items.len() {
                        exit!(ins, pc)
                    }
                    items.get_unchecked(j as usize).bits()
                }
                Uop::LIST_SET => {
                    let l = Value::from_raw_ref(&ra)
                        .downcast::<ListObj>()
                        .unwrap_unchecked();
                    let items = &mut *l.items.as_ptr();
                    let i = rb as i64;
                    if i < 0 || i as usize >= items.len() {
                        exit!(ins, pc)
                    }
                    let rc = regs[ins.args[2] as usize];
                    std::ptr::replace(items.as_mut_ptr().add(i as usize), Value::from_raw(rc))
                        .into_raw()
                }
                Uop::SEQ_ITEM => {
                    let v = Value::from_raw_ref(&ra);
                    let items: &[Value] = match as_tuple(v) {
                        Some(t) => t,
                        None => &*v.downcast::<ListObj>().unwrap_unchecked().items.as_ptr(),
                    };
                    items.get_unchecked(ins.imm as usize).bits()
                }
                Uop::RANGE_NEXT => {
                    let io = Value::from_raw_ref(&ra)
                        .downcast::<IterObj>()
                        .unwrap_unchecked();
                    match &mut *io.state.as_ptr() {
                        IterState::Range {
                            cur,
                            step,
                            remaining,
                        } if *remaining > 0 && Value::fits_small(*cur) => {
                            let v = *cur;
                            *cur = cur.wrapping_add(*step);
                            *remaining -= 1;
                            v as u64
                        }
                        _ => exit!(ins, pc),
                    }
                }
                Uop::LIST_ITER_NEXT => {
                    let io = Value::from_raw_ref(&ra)
                        .downcast::<IterObj>()
                        .unwrap_unchecked();
                    match &mut *io.state.as_ptr() {
                        IterState::Seq { seq, idx } => {
                            let l = seq.downcast::<ListObj>().unwrap_unchecked();
                            match (&*l.items.as_ptr()).get(*idx) {
                                Some(v) => {
                                    *idx += 1;
                                    v.bits()
                                }
                                None => exit!(ins, pc),
                            }
                        }
                        _ => exit!(ins, pc),
                    }
                }
            };
            *regs.get_unchecked_mut(pc) = out;
            pc += 1;
        }
    }
}
