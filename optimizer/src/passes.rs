//! The optimizer's passes over a recorded trace, in order, each behind its own flag
//! (`-X opt.NAME=off`):
//!
//! - `peel`: loop peeling. The recorded iteration becomes the first one (the preamble);
//!   a copy of it is the loop, whose start reads the slots the previous iteration wrote
//!   through PHIs instead of memory, and whose end writes nothing back: values stay in the
//!   trace from iteration to iteration, and what the preamble proved (types, shapes,
//!   versions of values it loaded and did not change) holds in the loop, so `fold` removes
//!   the loop's copies of those guards: loop-invariant code motion by peeling, as LuaJIT
//!   does. Exits in the loop write the PHIs' slots back.
//! - `fold`: type and constant propagation. Every value gets a fact (unknown, a small int,
//!   a float, a bool, None, an object of an exact type) from what produced it and from the
//!   guards that held before; guards already implied are removed, box/unbox pairs cancel
//!   (ints and floats stay unboxed between operations; snapshots box them only at exits),
//!   constants fold. Facts that outside code can change (shapes, the type epoch, dict
//!   versions, list lengths, the class of an instance) are forgotten at INTERP.
//! - `refcount`: reference-count elimination. INCREF/DECREF of values known to be
//!   immediates go (when a later guard is what proves it, exits before that guard take
//!   the reference instead); an INCREF and a later DECREF of the same value cancel when
//!   nothing between them can free an object or write the state back (exits between them
//!   take the reference instead).
//! - `dce`: uops whose results nothing uses (no uop, no snapshot) and that have no effect.

use crate::ir::{Ref, Trace, NO_SNAP};
use crate::uops::{flags, Kind, Uop};
use std::collections::HashMap;
use vm::value::Value;

pub const PASSES: &[&str] = &["peel", "fold", "refcount", "dce"];

/// What a pass removed from the uops run every iteration (negative: added), for
/// `--stats` and `--dump=opt`.
#[derive(Clone, Copy, Default, Debug)]
pub struct Removed {
    pub uops: i64,
    pub guards: i64,
    pub refcounts: i64,
}

pub fn run(trace: &mut Trace, name: &str) {
    match name {
        "peel" => peel(trace),
        "fold" => fold(trace),
        "refcount" => refcount(trace),
        "dce" => dce(trace),
        _ => unreachable!("unknown pass {name}"),
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Fact {
    Unknown,
    Int,
    Float,
    Bool,
    None,
    /// A heap object whose type is exactly this (type pointer).
    Type(u64),
}

impl Fact {
    fn of_word(w: u64) -> Fact {
        let v = Value::from_raw_ref(&w);
        if v.is_small_int() {
            Fact::Int
        } else if v.is_float() {
            Fact::Float
        } else if v.is_bool() {
            Fact::Bool
        } else if v.is_none() {
            Fact::None
        } else if v.is_ptr() {
            Fact::Type(vm::types::type_ptr(v) as u64)
        } else {
            Fact::Unknown
        }
    }
    fn immediate(self) -> bool {
        matches!(self, Fact::Int | Fact::Float | Fact::Bool | Fact::None)
    }
}

fn nop(trace: &mut Trace, i: usize) {
    let ins = &mut trace.insts[i];
    ins.op = Uop::NOP;
    ins.snap = NO_SNAP;
}

fn set_const(trace: &mut Trace, i: usize, op: Uop, imm: u64) {
    let ins = &mut trace.insts[i];
    ins.op = op;
    ins.imm = imm;
    ins.snap = NO_SNAP;
}

/// Loop peeling (see the module comment).
fn peel(t: &mut Trace) {
    let jl = t.insts.len() - 1;
    if t.insts[jl].op != Uop::JUMP_LOOP || t.insts[jl].imm2 != 0 {
        return;
    }
    let end = t.insts[jl].snap as usize;
    let carried: Vec<(u32, Ref)> = t.snaps[end].slots.clone();
    // The first iteration falls into the loop instead of writing back.
    nop(t, jl);
    let label = t.emit(Uop::LOOP, &[], 0, 0, NO_SNAP);
    let mut phi_of: HashMap<u32, Ref> = HashMap::new();
    for &(slot, r) in &carried {
        let p = t.emit(Uop::PHI, &[r, r], slot as u64, 0, NO_SNAP);
        phi_of.insert(slot, p);
    }
    // Slots the iteration writes (an INTERP may have written some back already: those
    // are in memory at the next iteration's start, not in the preamble's loaded value).
    // (`carried` is the end snapshot's, among them.)
    let written = t.written_slots();
    let mut sub: Vec<Ref> = (0..t.insts.len() as Ref).collect();
    let mut seen_interp = false;
    let map_snap = |t: &mut Trace, s: u32, sub: &[Ref], with_phis: bool| -> u32 {
        let mut sn = t.snaps[s as usize].clone();
        for e in sn.slots.iter_mut() {
            e.1 = sub[e.1 as usize];
        }
        for r in sn.increfs.iter_mut() {
            *r = sub[*r as usize];
        }
        if with_phis {
            // Slots the preamble had not written yet at this point hold the PHIs' values
            // (memory still has the trace's entry state).
            for &(slot, _) in &carried {
                if slot < sn.sp && !sn.slots.iter().any(|e| e.0 == slot) {
                    sn.slots.push((slot, phi_of[&slot]));
                }
            }
            sn.slots.sort_by_key(|e| e.0);
        }
        t.snaps.push(sn);
        (t.snaps.len() - 1) as u32
    };
    for i in 1..jl {
        let ins = t.insts[i].clone();
        match ins.op {
            Uop::NOP | Uop::LOOP => continue,
            // Before any INTERP, a slot the iteration wrote last is the PHI; one it never
            // writes is what the preamble loaded (unchanged); one an INTERP wrote back is
            // read from memory again.
            Uop::LOAD_SLOT
                if !seen_interp
                    && (phi_of.contains_key(&(ins.imm as u32))
                        || written.binary_search(&(ins.imm as u32)).is_err()) =>
            {
                sub[i] = phi_of.get(&(ins.imm as u32)).copied().unwrap_or(i as Ref);
                continue;
            }
            _ => {}
        }
        let mut new = ins.clone();
        for j in 0..new.op.arity() {
            new.args[j] = sub[new.args[j] as usize];
        }
        if new.snap != NO_SNAP {
            new.snap = map_snap(t, new.snap, &sub, !seen_interp);
        }
        if ins.op == Uop::INTERP {
            seen_interp = true;
        }
        t.insts.push(new);
        sub[i] = (t.insts.len() - 1) as Ref;
    }
    let s = map_snap(t, end as u32, &sub, false);
    t.emit(Uop::JUMP_LOOP, &[], label as u64, 1, s);
    for (&slot, &p) in &phi_of {
        let r = carried.iter().find(|e| e.0 == slot).unwrap().1;
        t.insts[p as usize].args[1] = sub[r as usize];
    }
}

/// Type and constant propagation with guard removal and box/unbox cancellation.
fn fold(t: &mut Trace) {
    let n = t.insts.len();
    let mut repl: Vec<Ref> = (0..n as Ref).collect();
    let mut fact = vec![Fact::Unknown; n];
    let list_ty = vm::types::tt().list as u64;
    let tuple_ty = vm::types::tt().tuple as u64;
    // Facts outside code can change, forgotten at INTERP.
    let mut shapes: HashMap<Ref, u64> = HashMap::new();
    let mut lens: HashMap<Ref, u64> = HashMap::new();
    let mut iters: HashMap<Ref, Uop> = HashMap::new();
    let mut bound: Vec<bool> = vec![false; n];
    let mut epoch = None;
    let mut globals = None;
    let mut builtins = None;
    let mut dicts: Vec<(u64, u64)> = Vec::new();
    let mut bound_locals: Vec<u64> = Vec::new();
    let loop_has_interp = {
        let label = t.insts.iter().rposition(|u| u.op == Uop::LOOP).unwrap_or(0);
        label > 0 && t.insts[label..].iter().any(|u| u.op == Uop::INTERP)
    };
    let uses = use_counts(t);
    // Instance slots whose value the trace knows: (object, slot index) -> value.
    let mut fields: HashMap<(Ref, u64), Ref> = HashMap::new();
    // Forgets what code outside the trace can change; an instance's class may be
    // reassigned, lists and tuples keep theirs.
    macro_rules! forget_outside {
        () => {{
            fields.clear();
            shapes.clear();
            lens.clear();
            epoch = None;
            globals = None;
            builtins = None;
            dicts.clear();
            for f in fact.iter_mut() {
                if let Fact::Type(ty) = *f {
                    if ty != list_ty && ty != tuple_ty {
                        *f = Fact::Unknown;
                    }
                }
            }
        }};
    }
    for i in 0..n {
        for j in 0..t.insts[i].op.arity() {
            let a = t.insts[i].args[j];
            t.insts[i].args[j] = repl[a as usize];
        }
        let ins = t.insts[i].clone();
        let a = ins.args[0];
        let b = ins.args[1];
        let op_of = |t: &Trace, r: Ref| t.insts[r as usize].op;
        let imm_of = |t: &Trace, r: Ref| t.insts[r as usize].imm;
        let arg0 = |t: &Trace, r: Ref| t.insts[r as usize].args[0];
        let consts = |t: &Trace| {
            let ka = op_of(t, a);
            let kb = op_of(t, b);
            (ka == Uop::CONST_I64 || ka == Uop::CONST_F64)
                && (kb == Uop::CONST_I64 || kb == Uop::CONST_F64)
        };
        match ins.op {
            Uop::CONST => {
                fact[i] = Fact::of_word(ins.imm);
                bound[i] = true;
            }
            // The peeled loop's start: after an INTERP in the loop, what outside code can
            // change is not known at the start of the next iteration.
            // Instance slots change from one iteration to the next.
            Uop::LOOP if i > 0 && !loop_has_interp => fields.clear(),
            Uop::LOOP if i > 0 && loop_has_interp => forget_outside!(),
            Uop::PHI => {
                bound[i] = true;
                // Carried as an unboxed int or float when both inputs are boxed the same
                // way and every use can take the raw value.
                let (init, next) = (t.insts[a as usize].clone(), t.insts[b as usize].clone());
                let boxer = init.op;
                if (boxer == Uop::BOX_INT || boxer == Uop::BOX_FLOAT)
                    && next.op == boxer
                    && uses.only_raw(t, i as Ref, boxer)
                {
                    let ins = &mut t.insts[i];
                    ins.op = if boxer == Uop::BOX_INT {
                        Uop::PHI_I64
                    } else {
                        Uop::PHI_F64
                    };
                    ins.args = [init.args[0], next.args[0], 0];
                    fact[i] = if boxer == Uop::BOX_INT {
                        Fact::Int
                    } else {
                        Fact::Float
                    };
                } else if init.op == Uop::BOX_INT && next.op == Uop::BOX_INT {
                    fact[i] = Fact::Int;
                } else if init.op == Uop::BOX_FLOAT && next.op == Uop::BOX_FLOAT {
                    fact[i] = Fact::Float;
                } else if b == i as Ref || b == a {
                    fact[i] = fact[a as usize];
                }
            }
            Uop::LOAD_SLOT => {}
            Uop::INTERP => forget_outside!(),
            Uop::GUARD_BOUND => {
                // A local of the loop's frame, once bound, stays bound in the trace (it
                // never stores UNDEF there, and `del` of a local stops recording).
                let slot = t.insts[a as usize].imm;
                let root_local = op_of(t, a) == Uop::LOAD_SLOT && slot < t.root_locals as u64;
                if bound[a as usize]
                    || !matches!(op_of(t, a), Uop::LOAD_SLOT | Uop::PHI)
                    || (root_local && bound_locals.contains(&slot))
                {
                    nop(t, i);
                } else {
                    bound[a as usize] = true;
                    if root_local {
                        bound_locals.push(slot);
                    }
                }
            }
            Uop::INCREF | Uop::DECREF if matches!(op_of(t, a), Uop::PHI_I64 | Uop::PHI_F64) => {
                nop(t, i)
            }
            Uop::GUARD_INT | Uop::GUARD_FLOAT => {
                let want = if ins.op == Uop::GUARD_INT {
                    Fact::Int
                } else {
                    Fact::Float
                };
                if fact[a as usize] == want {
                    nop(t, i);
                } else if fact[a as usize] == Fact::Unknown {
                    fact[a as usize] = want;
                    bound[a as usize] = true;
                }
            }
            Uop::GUARD_TYPE => {
                if fact[a as usize] == Fact::Type(ins.imm) {
                    nop(t, i);
                } else if fact[a as usize] == Fact::Unknown {
                    fact[a as usize] = Fact::Type(ins.imm);
                    bound[a as usize] = true;
                }
            }
            Uop::GUARD_SHAPE => {
                if shapes.get(&a) == Some(&ins.imm) {
                    nop(t, i);
                } else {
                    shapes.insert(a, ins.imm);
                }
            }
            Uop::GUARD_LEN => {
                if lens.get(&a) == Some(&ins.imm) {
                    nop(t, i);
                } else {
                    lens.insert(a, ins.imm);
                }
            }
            Uop::GUARD_RANGE_ITER | Uop::GUARD_LIST_ITER => {
                if iters.get(&a) == Some(&ins.op) {
                    nop(t, i);
                } else {
                    iters.insert(a, ins.op);
                }
            }
            Uop::GUARD_EPOCH => {
                if epoch == Some(ins.imm) {
                    nop(t, i);
                } else {
                    epoch = Some(ins.imm);
                }
            }
            Uop::GUARD_GLOBALS => {
                if globals == Some((ins.imm, ins.imm2)) {
                    nop(t, i);
                } else {
                    globals = Some((ins.imm, ins.imm2));
                }
            }
            Uop::GUARD_DICT_VERSION => {
                if dicts.contains(&(ins.imm, ins.imm2)) {
                    nop(t, i);
                } else {
                    dicts.push((ins.imm, ins.imm2));
                }
            }
            Uop::GUARD_BUILTINS => {
                if builtins == Some(ins.imm2) {
                    nop(t, i);
                } else {
                    builtins = Some(ins.imm2);
                }
            }
            Uop::GUARD_IS => {
                if op_of(t, a) == Uop::CONST && imm_of(t, a) == ins.imm {
                    nop(t, i);
                } else if op_of(t, a) == Uop::BOX_BOOL
                    && (ins.imm == Value::TRUE_BITS || ins.imm == Value::FALSE_BITS)
                {
                    // `if a < b`: test the compare's bit itself.
                    let bit = arg0(t, a);
                    let ib = &mut t.insts[i];
                    ib.op = Uop::GUARD_BIT;
                    ib.args[0] = bit;
                    ib.imm = (ins.imm == Value::TRUE_BITS) as u64;
                    fold_guard_bit(t, i);
                } else if fact[a as usize] == Fact::Unknown {
                    fact[a as usize] = Fact::of_word(ins.imm);
                    bound[a as usize] = true;
                }
            }
            Uop::GUARD_BIT => fold_guard_bit(t, i),
            Uop::GUARD_IS_NOT => {
                let w = Fact::of_word(ins.imm);
                let f = fact[a as usize];
                let differs = (ins.imm == Value::UNDEF_BITS && bound[a as usize])
                    || (matches!(f, Fact::Type(_)) && w.immediate())
                    || (f.immediate() && matches!(w, Fact::Type(_)));
                if differs {
                    nop(t, i);
                }
            }
            Uop::UNBOX_INT | Uop::UNBOX_FLOAT => {
                let boxer = if ins.op == Uop::UNBOX_INT {
                    Uop::BOX_INT
                } else {
                    Uop::BOX_FLOAT
                };
                let phi = if ins.op == Uop::UNBOX_INT {
                    Uop::PHI_I64
                } else {
                    Uop::PHI_F64
                };
                if op_of(t, a) == phi {
                    repl[i] = a;
                    nop(t, i);
                } else if op_of(t, a) == boxer {
                    repl[i] = arg0(t, a);
                    nop(t, i);
                } else if op_of(t, a) == Uop::CONST {
                    let v = Value::from_raw_ref(&t.insts[a as usize].imm);
                    if let Some(x) = v.as_small_int().filter(|_| ins.op == Uop::UNBOX_INT) {
                        set_const(t, i, Uop::CONST_I64, x as u64);
                    } else if let Some(x) = v.as_float().filter(|_| ins.op == Uop::UNBOX_FLOAT) {
                        set_const(t, i, Uop::CONST_F64, x.to_bits());
                    }
                }
            }
            Uop::BOX_INT | Uop::BOX_FLOAT | Uop::BOX_BOOL => {
                fact[i] = match ins.op {
                    Uop::BOX_INT => Fact::Int,
                    Uop::BOX_FLOAT => Fact::Float,
                    _ => Fact::Bool,
                };
                bound[i] = true;
                let k = op_of(t, a);
                if k == Uop::CONST_I64 || k == Uop::CONST_F64 {
                    let x = imm_of(t, a);
                    let w = match ins.op {
                        Uop::BOX_INT => Value::small_int(x as i64).into_raw(),
                        Uop::BOX_FLOAT => Value::float(f64::from_bits(x)).into_raw(),
                        _ => Value::bool(x != 0).into_raw(),
                    };
                    set_const(t, i, Uop::CONST, w);
                }
            }
            Uop::INT_TO_FLOAT if op_of(t, a) == Uop::CONST_I64 => {
                let x = imm_of(t, a) as i64 as f64;
                set_const(t, i, Uop::CONST_F64, x.to_bits());
            }
            Uop::ADD_INT
            | Uop::SUB_INT
            | Uop::MUL_INT
            | Uop::AND_INT
            | Uop::OR_INT
            | Uop::XOR_INT
                if consts(t) =>
            {
                let (x, y) = (imm_of(t, a) as i64, imm_of(t, b) as i64);
                let r = match ins.op {
                    Uop::ADD_INT => x.checked_add(y),
                    Uop::SUB_INT => x.checked_sub(y),
                    Uop::MUL_INT => x.checked_mul(y),
                    Uop::AND_INT => Some(x & y),
                    Uop::OR_INT => Some(x | y),
                    _ => Some(x ^ y),
                };
                if let Some(r) = r.filter(|&r| Value::fits_small(r)) {
                    set_const(t, i, Uop::CONST_I64, r as u64);
                }
            }
            Uop::ADD_FLOAT | Uop::SUB_FLOAT | Uop::MUL_FLOAT if consts(t) => {
                let (x, y) = (f64::from_bits(imm_of(t, a)), f64::from_bits(imm_of(t, b)));
                let r = match ins.op {
                    Uop::ADD_FLOAT => x + y,
                    Uop::SUB_FLOAT => x - y,
                    _ => x * y,
                };
                set_const(t, i, Uop::CONST_F64, r.to_bits());
            }
            Uop::IS if a == b => set_const(t, i, Uop::CONST_I64, 1),
            // The truth of a boxed int or bool the trace made: test the raw value.
            Uop::TRUTH if matches!(op_of(t, a), Uop::BOX_INT | Uop::BOX_BOOL) => {
                let raw = arg0(t, a);
                if op_of(t, a) == Uop::BOX_BOOL {
                    repl[i] = raw;
                    nop(t, i);
                } else {
                    let ins = &mut t.insts[i];
                    ins.op = Uop::NONZERO;
                    ins.args[0] = raw;
                }
            }
            Uop::NOT_BIT if op_of(t, a) == Uop::CONST_I64 => {
                let x = imm_of(t, a);
                set_const(t, i, Uop::CONST_I64, x ^ 1);
            }
            // Load/store forwarding on instance slots: a load after a load or store of
            // the same slot of the same object is that value; a store's old value is the
            // value known before it (then its DECREF can be proven an immediate).
            Uop::LOAD_ATTR_SLOT => {
                bound[i] = true;
                if let Some(&v) = fields.get(&(a, ins.imm)) {
                    repl[i] = v;
                    nop(t, i);
                } else {
                    fields.insert((a, ins.imm), i as Ref);
                }
            }
            Uop::STORE_ATTR_SLOT => {
                bound[i] = true;
                let known = fields.get(&(a, ins.imm)).copied();
                // Another object's slot with this index may be the same object.
                fields.retain(|k, _| k.1 != ins.imm);
                fields.insert((a, ins.imm), b);
                if let Some(v) = known {
                    repl[i] = v;
                }
            }
            Uop::NEW_INSTANCE => {
                fact[i] = Fact::Type(ins.imm);
                bound[i] = true;
            }
            Uop::STORE_ATTR_ADD => {
                shapes.insert(a, ins.imm);
            }
            Uop::LIST_GET
            | Uop::SEQ_ITEM
            | Uop::LOAD_DICT_ENTRY
            | Uop::LIST_ITER_NEXT
            | Uop::TUPLE_GET
            | Uop::LIST_SET => {
                bound[i] = true;
            }
            _ => {
                bound[i] = true;
            }
        }
    }
    // PHIs' second inputs come later in the trace: remap them now.
    for i in 0..n {
        if matches!(t.insts[i].op, Uop::PHI | Uop::PHI_I64 | Uop::PHI_F64) {
            let b = t.insts[i].args[1];
            t.insts[i].args[1] = repl[b as usize];
        }
    }
    // Snapshots box at exits what the trace keeps unboxed.
    for sn in t.snaps.iter_mut() {
        for e in sn.slots.iter_mut() {
            let mut r = repl[e.1 as usize];
            let p = &t.insts[r as usize];
            if matches!(p.op, Uop::BOX_INT | Uop::BOX_FLOAT | Uop::BOX_BOOL) {
                r = p.args[0];
            }
            e.1 = r;
        }
        for r in sn.increfs.iter_mut() {
            *r = repl[*r as usize];
        }
    }
}

/// Where each value is used: by which uops (and whether by a snapshot).
struct Uses {
    by: Vec<Vec<u32>>,
}

fn use_counts(t: &Trace) -> Uses {
    let mut by = vec![Vec::new(); t.insts.len()];
    for (i, ins) in t.insts.iter().enumerate() {
        for &a in &ins.args[..ins.op.arity()] {
            by[a as usize].push(i as u32);
        }
    }
    Uses { by }
}

impl Uses {
    /// Can every use of the PHI `p` (boxed by `boxer`) take its raw value? Unboxing,
    /// kind guards and refcounts can; snapshots box at exits.
    fn only_raw(&self, t: &Trace, p: Ref, boxer: Uop) -> bool {
        let (unbox, guard) = if boxer == Uop::BOX_INT {
            (Uop::UNBOX_INT, Uop::GUARD_INT)
        } else {
            (Uop::UNBOX_FLOAT, Uop::GUARD_FLOAT)
        };
        self.by[p as usize].iter().all(|&u| {
            let op = t.insts[u as usize].op;
            op == unbox
                || op == guard
                || matches!(op, Uop::INCREF | Uop::DECREF | Uop::GUARD_BOUND | Uop::NOP)
        })
    }
}

/// A GUARD_BIT on a constant bit either always holds (removed) or always fails (kept).
fn fold_guard_bit(t: &mut Trace, i: usize) {
    let a = t.insts[i].args[0] as usize;
    if t.insts[a].op == Uop::CONST_I64 && t.insts[a].imm == t.insts[i].imm {
        nop(t, i);
    }
}

/// What each value is known to be, from its producer and the guards on it (in trace
/// order: `known_at[r]` is the index of the first uop after which the fact holds).
fn immediates(t: &Trace) -> Vec<Option<usize>> {
    let n = t.insts.len();
    let mut known_at: Vec<Option<usize>> = vec![None; n];
    for (i, ins) in t.insts.iter().enumerate() {
        let a = ins.args[0] as usize;
        match ins.op {
            Uop::CONST if Fact::of_word(ins.imm).immediate() => known_at[i] = Some(i),
            Uop::BOX_INT | Uop::BOX_FLOAT | Uop::BOX_BOOL => known_at[i] = Some(i),
            _ if ins.op.kind() != Kind::Word && ins.op.kind() != Kind::Void => {
                known_at[i] = Some(i)
            }
            Uop::GUARD_INT | Uop::GUARD_FLOAT if known_at[a].is_none() => known_at[a] = Some(i),
            Uop::GUARD_IS if known_at[a].is_none() && Fact::of_word(ins.imm).immediate() => {
                known_at[a] = Some(i)
            }
            _ => {}
        }
    }
    known_at
}

/// Reference-count elimination.
fn refcount(t: &mut Trace) {
    let known_at = immediates(t);
    let n = t.insts.len();
    // Immediates: a DECREF after the proof goes; an INCREF before it goes when nothing
    // between can free or write back (exits up to the proof take the reference instead:
    // if the value turns out to be an object, the guard leaves and the count is right).
    for i in 0..n {
        let ins = &t.insts[i];
        if !matches!(ins.op, Uop::INCREF | Uop::DECREF) {
            continue;
        }
        let x = ins.args[0];
        let Some(p) = known_at[x as usize] else {
            continue;
        };
        if p <= i {
            nop(t, i);
        } else if ins.op == Uop::INCREF
            && t.insts[i + 1..=p].iter().all(|u| {
                u.op.flags() & (flags::FREES | flags::CALLS) == 0
                    && !matches!(u.op, Uop::JUMP_LOOP | Uop::LOOP)
            })
        {
            take_at_exits(t, i + 1, p + 1, x);
            nop(t, i);
        }
    }
    // Pinned values: loaded from a slot the trace never writes, so the frame keeps them
    // alive throughout; their pairs cancel even across uops that free (not across a
    // write-back: INTERP, the loop's ends).
    let written = t.written_slots();
    let pinned: Vec<bool> = t
        .insts
        .iter()
        .map(|u| u.op == Uop::LOAD_SLOT && written.binary_search(&(u.imm as u32)).is_err())
        .collect();
    let mut open: HashMap<Ref, Vec<usize>> = HashMap::new();
    for q in 0..n {
        let op = t.insts[q].op;
        match op {
            Uop::INCREF if pinned[t.insts[q].args[0] as usize] => {
                open.entry(t.insts[q].args[0]).or_default().push(q)
            }
            Uop::DECREF if pinned[t.insts[q].args[0] as usize] => {
                let x = t.insts[q].args[0];
                if let Some(p) = open.get_mut(&x).and_then(|v| v.pop()) {
                    take_at_exits(t, p + 1, q, x);
                    nop(t, p);
                    nop(t, q);
                }
            }
            Uop::INTERP | Uop::JUMP_LOOP | Uop::LOOP => open.clear(),
            _ => {}
        }
    }
    // Pairs: INCREF x .. DECREF x with nothing between that frees or writes back.
    let mut open: HashMap<Ref, Vec<usize>> = HashMap::new();
    for q in 0..n {
        let op = t.insts[q].op;
        match op {
            Uop::INCREF => open.entry(t.insts[q].args[0]).or_default().push(q),
            Uop::DECREF => {
                let x = t.insts[q].args[0];
                let p = open.get_mut(&x).and_then(|v| v.pop());
                if let Some(p) = p {
                    take_at_exits(t, p + 1, q, x);
                    nop(t, p);
                    nop(t, q);
                } else {
                    // This DECREF may free: no pair may span it.
                    open.clear();
                }
            }
            _ if op.flags() & (flags::FREES | flags::CALLS) != 0
                || op == Uop::JUMP_LOOP
                || op == Uop::LOOP =>
            {
                open.clear()
            }
            _ => {}
        }
    }
}

/// Exits of the uops in `from..to` take a reference to `x` (the trace skipped taking it).
fn take_at_exits(t: &mut Trace, from: usize, to: usize, x: Ref) {
    let mut seen = Vec::new();
    for u in from..to {
        let s = t.insts[u].snap;
        if s != NO_SNAP && !seen.contains(&s) {
            seen.push(s);
            t.snaps[s as usize].increfs.push(x);
        }
    }
}

/// Dead-code elimination: effect-free uops whose results are not used.
fn dce(t: &mut Trace) {
    let n = t.insts.len();
    let mut used = vec![false; n];
    // PHIs stay (they are few), and their inputs are used before the backward sweep
    // reaches them (a PHI's second input comes later in the trace).
    for ins in &t.insts {
        if matches!(ins.op, Uop::PHI | Uop::PHI_I64 | Uop::PHI_F64) {
            used[ins.args[0] as usize] = true;
            used[ins.args[1] as usize] = true;
        }
    }
    for i in (0..n).rev() {
        let ins = &t.insts[i];
        if ins.op == Uop::NOP {
            continue;
        }
        let removable = matches!(
            ins.op,
            Uop::CONST
                | Uop::CONST_I64
                | Uop::CONST_F64
                | Uop::LOAD_SLOT
                | Uop::LOAD_ATTR_SLOT
                | Uop::SEQ_ITEM
                | Uop::LOAD_DICT_ENTRY
        ) || (ins.op.flags() & flags::PURE != 0 && !ins.op.is_guard());
        if removable && !used[i] {
            nop(t, i);
            continue;
        }
        for &a in &ins.args[..ins.op.arity()] {
            used[a as usize] = true;
        }
        if ins.snap != NO_SNAP {
            let sn = &t.snaps[ins.snap as usize];
            for &(_, r) in &sn.slots {
                used[r as usize] = true;
            }
            for &r in &sn.increfs {
                used[r as usize] = true;
            }
        }
    }
}
