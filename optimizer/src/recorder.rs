//! Trace recording: while the interpreter runs one iteration of a hot loop (its recording
//! instantiation calls `Recorder::step` before each instruction), each instruction is
//! translated into uops using the values it is about to consume — their types decide the
//! guards and the specialized uops.
//!
//! The recorder keeps an abstract picture of the frame's window (locals, then the operand
//! stack): for each slot, the trace value it holds (or nothing: "as in memory") and
//! whether that differs from memory (dirty). Reference counts follow the interpreter's
//! exactly (a load takes a reference, a consumer drops one), so a snapshot of the picture
//! is the interpreter's state at that point; the passes then remove what is redundant.
//!
//! Every instruction's guards come before its effects, and share one snapshot: the state
//! before the instruction, which the interpreter re-runs after a side exit. Instructions
//! the trace does not model run through `INTERP` (the interpreter's generic form, with
//! the picture written back first). Recording aborts on what a loop trace cannot hold:
//! calls into Python frames, returns, yields, exceptions, inner loops, leaving the loop.

use crate::ir::{Ref, SnapFrame, Snapshot, Trace, NO_SNAP};
use crate::uops::Uop;
use vm::bytecode::{when, BinOp, Cache, CmpOp, Code, Op};
use vm::frame::Frame;
use vm::types::instance::InstanceObj;
use vm::types::iter::{IterObj, IterState};
use vm::types::list::ListObj;
use vm::types::tuple::as_tuple;
use vm::value::Value;
use vm::vm::Vm;

/// Why recording stopped without a trace (counted by `--stats`).
pub type Abort = &'static str;

/// Uops in one trace at most.
const MAX_UOPS: usize = 4000;

/// What `step` decided.
pub enum Step {
    Continue,
    /// The loop closed: the trace is complete.
    Closed,
}

/// An instruction whose effect on control flow is known only when the next one starts.
enum Pending {
    /// An INTERP uop: its continuation is the next instruction's index.
    Interp { inst: usize },
    /// A fused compare-and-jump run as its generic COMPARE_OP (INTERP at `k`): the
    /// POP_JUMP at `k + 1` is modelled when we see where it went.
    FusedJump { inst: usize, k: usize },
}

/// A Python frame inlined into the trace (a call the trace made without a frame record;
/// exits inside it materialize one).
#[derive(Clone)]
struct VFrame {
    code: *const Code,
    /// The function (kept alive by the trace).
    func: u64,
    /// Its first local and its callable's slot, as window indices of the root frame.
    fp: usize,
    callable: usize,
    /// The caller's CALL instruction.
    call_k: usize,
    /// `__init__` of a class call.
    init: bool,
}

/// Python calls inlined into one another at most.
const MAX_INLINE: usize = 6;

pub struct Recorder {
    pub trace: Trace,
    root: *mut Frame,
    code: *const Code,
    header: usize,
    frames: Vec<VFrame>,
    /// The trace value each window slot holds (None: as in memory) and whether memory
    /// differs (dirty).
    slots: Vec<Option<Ref>>,
    dirty: Vec<bool>,
    sp: usize,
    /// Instruction indices the next `step` may be at (checked: anything else means the
    /// model and the interpreter disagree, and recording stops).
    next: Vec<usize>,
    pending: Option<Pending>,
    started: bool,
    /// The snapshot of the instruction being recorded, once one of its uops needed it.
    snap: u32,
    /// Bytecode instructions recorded so far.
    done: u32,
    /// The builtins dict (LOAD_GLOBAL_BUILTIN's guard).
    builtins: Value,
    /// A side trace: it ends by writing back and entering its loop again.
    pub bridge: bool,
}

/// Which generic instructions `INTERP` may run (all but those the dispatch loop alone runs,
/// and those a loop trace cannot hold: returns, yields, exception handling, imports).
fn interp_ok(op: Op) -> bool {
    use Op::*;
    matches!(
        op,
        BINARY_OP
            | BINARY_SUBSCR
            | BUILD_LIST
            | BUILD_MAP
            | BUILD_SET
            | BUILD_SLICE
            | BUILD_STRING
            | BUILD_TUPLE
            | CALL
            | CALL_EX
            | CALL_KW
            | CALL_METHOD
            | COMPARE_OP
            | CONTAINS_OP
            | DELETE_ATTR
            | DELETE_SUBSCR
            | DICT_MERGE
            | DICT_UPDATE
            | FORMAT_VALUE
            | FOR_ITER
            | GET_ITER
            | JUMP_IF_FALSE_OR_POP
            | JUMP_IF_TRUE_OR_POP
            | LIST_APPEND
            | LIST_EXTEND
            | LIST_TO_TUPLE
            | LOAD_ATTR
            | LOAD_CLOSURE
            | LOAD_DEREF
            | LOAD_GLOBAL
            | LOAD_METHOD
            | MAKE_FUNCTION
            | MAP_ADD
            | POP_JUMP_IF_FALSE
            | POP_JUMP_IF_TRUE
            | POP_JUMP_BACKWARD_IF_FALSE
            | POP_JUMP_BACKWARD_IF_TRUE
            | SET_ADD
            | SET_UPDATE
            | STORE_ATTR
            | STORE_DEREF
            | STORE_GLOBAL
            | STORE_SUBSCR
            | UNARY_INVERT
            | UNARY_NEGATIVE
            | UNARY_NOT
            | UNARY_POSITIVE
            | UNPACK_EX
            | UNPACK_SEQUENCE
    )
}

/// The `when` mask of a comparison operator (which orders make it true).
pub fn cmp_mask(c: CmpOp) -> u8 {
    match c {
        CmpOp::Lt => when::LT,
        CmpOp::Le => when::LT | when::EQ,
        CmpOp::Eq => when::EQ,
        CmpOp::Ne => when::LT | when::GT | when::NAN,
        CmpOp::Gt => when::GT,
        CmpOp::Ge => when::GT | when::EQ,
    }
}

/// A float or small int as f64 (the operands the float uops accept).
fn num_f64(v: &Value) -> Option<f64> {
    v.as_float().or_else(|| v.as_small_int().map(|i| i as f64))
}

impl Recorder {
    /// Starts recording the loop of `frame` whose header is the frame's `ip` and whose
    /// back edge is instruction `jump`.
    ///
    /// # Safety
    /// `frame` is the synced top record.
    pub unsafe fn new(vm: &Vm, frame: *mut Frame, jump: usize) -> Recorder {
        let code = (*frame).code.ptr();
        let header = (*frame).ip_index();
        let n = (*code).frame_size();
        let mut trace = Trace::new((*code).qualname.clone(), header as u32, jump as u32);
        trace.max_slots = n as u32;
        trace.root_locals = (*code).nlocals() as u32;
        trace.emit(Uop::LOOP, &[], 0, 0, NO_SNAP);
        Recorder {
            trace,
            root: frame,
            code,
            header,
            frames: Vec::new(),
            slots: vec![None; n],
            dirty: vec![false; n],
            sp: (*frame).sp.offset_from((*frame).fp) as usize,
            next: vec![header],
            pending: None,
            started: false,
            snap: NO_SNAP,
            done: 0,
            builtins: vm.builtins.clone(),
            bridge: false,
        }
    }

    pub fn code_ptr(&self) -> *const Code {
        self.code
    }

    /// The code of the frame being recorded (the innermost inlined one, or the root).
    /// Starts recording a side trace (bridge) at instruction `ip` of `frame` (synced, at
    /// `ip`), which ends when the loop reaches its header `header` again.
    ///
    /// # Safety
    /// `frame` is the synced top record.
    pub unsafe fn new_bridge(vm: &Vm, frame: *mut Frame, header: usize, jump: usize) -> Recorder {
        let mut r = Recorder::new(vm, frame, jump);
        let ip = (*frame).ip_index();
        r.trace.insts.clear(); // no LOOP: a bridge runs once per exit
        r.trace.header = header as u32;
        r.header = header;
        r.next = vec![ip];
        r.bridge = true;
        r
    }

    fn code(&self) -> &Code {
        // SAFETY: the root frame runs its code for the whole recording; an inlined frame's
        // function (kept by the trace) keeps its code.
        unsafe { &*self.frames.last().map_or(self.code, |f| f.code) }
    }
    /// Window index of the current frame's first local.
    fn base(&self) -> usize {
        self.frames.last().map_or(0, |f| f.fp)
    }
    fn ensure_slots(&mut self, n: usize) {
        if self.slots.len() < n {
            self.slots.resize(n, None);
            self.dirty.resize(n, false);
        }
        self.trace.max_slots = self.trace.max_slots.max(n as u32);
    }

    /// The value slot `i` of the window holds now (the interpreter is about to run the
    /// instruction being recorded).
    fn actual(&self, i: usize) -> &Value {
        // SAFETY: `i` is below the synced `sp` (checked by `step`).
        unsafe { &*(*self.root).fp.add(i) }
    }
    /// The operand `n` from the top (1 = TOS), as the interpreter holds it.
    fn tos(&self, n: usize) -> &Value {
        self.actual(self.sp - n)
    }

    // ---- the model ----

    fn read(&mut self, i: usize) -> Ref {
        if let Some(r) = self.slots[i] {
            return r;
        }
        let r = self.trace.emit(Uop::LOAD_SLOT, &[], i as u64, 0, NO_SNAP);
        self.slots[i] = Some(r);
        r
    }
    fn peek(&mut self, n: usize) -> Ref {
        self.read(self.sp - n)
    }
    fn push(&mut self, r: Ref) {
        self.slots[self.sp] = Some(r);
        self.dirty[self.sp] = true;
        self.sp += 1;
    }
    /// Moves the top value out of the stack into the trace.
    fn pop(&mut self) -> Ref {
        let r = self.peek(1);
        self.sp -= 1;
        self.slots[self.sp] = None;
        self.dirty[self.sp] = false;
        r
    }
    /// Forgets everything: memory holds the state (after INTERP wrote it back and ran).
    fn forget(&mut self) {
        self.slots.iter_mut().for_each(|s| *s = None);
        self.dirty.iter_mut().for_each(|d| *d = false);
    }

    /// The snapshot of the current instruction (the state before it), made once.
    fn snap(&mut self, k: usize) -> u32 {
        if self.snap == NO_SNAP {
            let slots = (0..self.sp)
                .filter(|&i| self.dirty[i])
                .map(|i| (i as u32, self.slots[i].unwrap()))
                .collect();
            let frames = self
                .frames
                .iter()
                .map(|f| SnapFrame {
                    func: f.func,
                    fp: f.fp as u32,
                    callable: f.callable as u32,
                    call_k: f.call_k as u32,
                    init: f.init,
                })
                .collect();
            self.trace.snaps.push(Snapshot {
                ip: k as u32,
                sp: self.sp as u32,
                slots,
                increfs: Vec::new(),
                done: self.done,
                frames,
            });
            self.snap = (self.trace.snaps.len() - 1) as u32;
        }
        self.snap
    }

    fn emit(&mut self, op: Uop, args: &[Ref], imm: u64) -> Ref {
        self.trace.emit(op, args, imm, 0, NO_SNAP)
    }
    fn guard(&mut self, k: usize, op: Uop, args: &[Ref], imm: u64) -> Ref {
        let s = self.snap(k);
        self.trace.emit(op, args, imm, 0, s)
    }
    fn decref(&mut self, r: Ref) {
        self.emit(Uop::DECREF, &[r], 0);
    }
    fn incref(&mut self, r: Ref) {
        self.emit(Uop::INCREF, &[r], 0);
    }
    /// Guards that `r` (holding `v` now) is a small int or a float as `v` is, and returns
    /// its unboxed f64 (ints converted).
    fn unbox_num(&mut self, k: usize, r: Ref, v: &Value) -> Ref {
        if v.is_small_int() {
            self.guard(k, Uop::GUARD_INT, &[r], 0);
            let i = self.emit(Uop::UNBOX_INT, &[r], 0);
            self.emit(Uop::INT_TO_FLOAT, &[i], 0)
        } else {
            self.guard(k, Uop::GUARD_FLOAT, &[r], 0);
            self.emit(Uop::UNBOX_FLOAT, &[r], 0)
        }
    }
    /// Keeps `v` alive as long as the trace and returns its word.
    fn keep(&mut self, v: &Value) -> u64 {
        if v.is_ptr() {
            self.trace.keep.push(v.clone());
        }
        v.bits()
    }

    /// Runs instruction `k` in the interpreter's generic form (the picture is written
    /// back first; afterwards memory holds everything).
    fn interp(&mut self, k: usize) {
        let s = self.snap(k);
        let inst = self.trace.emit(Uop::INTERP, &[], k as u64, 0, s) as usize;
        self.forget();
        self.pending = Some(Pending::Interp { inst });
    }

    /// Called before the root frame's next instruction runs: records it.
    ///
    /// # Safety
    /// `frame` is the synced top record.
    pub unsafe fn step(&mut self, vm: &mut Vm, frame: *mut Frame) -> Result<Step, Abort> {
        let expected = self.root.add(self.frames.len());
        if frame != expected {
            return Err(if frame > expected {
                "call to a Python function (not inlined)"
            } else {
                "frame returned"
            });
        }
        let k = (*frame).ip_index();
        if !self.next.contains(&k) {
            return Err("unexpected control flow (an exception?)");
        }
        let real_sp = (*frame).sp.offset_from((*self.root).fp) as usize;
        match self.pending.take() {
            Some(Pending::Interp { inst, .. }) => {
                self.trace.insts[inst].imm2 = k as u64;
                self.sp = real_sp;
            }
            Some(Pending::FusedJump { inst, k: kc }) => {
                // The compare ran (its bool is TOS), then the POP_JUMP at kc + 1 went to `k`.
                self.trace.insts[inst].imm2 = kc as u64 + 1;
                self.sp = real_sp + 1;
                self.snap = NO_SNAP;
                let j = self.code().instr(kc + 1);
                let taken = k == j.arg as usize && k != kc + 2;
                let jump_if_true =
                    matches!(j.op, Op::POP_JUMP_IF_TRUE | Op::POP_JUMP_BACKWARD_IF_TRUE);
                // The bool the compare produced, checked by the guard (a rich comparison
                // may return anything: then the interpreter runs the jump itself).
                let expect = if taken == jump_if_true {
                    Value::TRUE_BITS
                } else {
                    Value::FALSE_BITS
                };
                let r = self.peek(1);
                self.guard(kc + 1, Uop::GUARD_IS, &[r], expect);
                self.pop();
                self.decref(r);
            }
            None => {}
        }
        if self.sp != real_sp {
            return Err("operand stack model out of step");
        }
        if self.started && k == self.header && self.frames.is_empty() {
            return Ok(Step::Closed);
        }
        self.started = true;
        if self.trace.insts.len() > MAX_UOPS {
            return Err("trace too long");
        }
        self.snap = NO_SNAP;
        self.instruction(vm, k)?;
        self.done += 1;
        Ok(Step::Continue)
    }

    /// Ends the trace at the loop header: the iteration's picture is written back.
    pub fn close(&mut self) {
        self.snap = NO_SNAP;
        let s = self.snap(self.header);
        self.trace
            .emit(Uop::JUMP_LOOP, &[], 0, if self.bridge { 2 } else { 0 }, s);
        self.trace.per_iter = self.done;
    }

    fn instruction(&mut self, vm: &Vm, k: usize) -> Result<(), Abort> {
        let ins = self.code().instr(k);
        let arg = ins.arg as usize;
        let op = ins.op;
        self.next.clear();
        self.next.push(k + 1);
        use Op::*;
        match op {
            NOP => {}
            LOAD_FAST => self.load_fast(k, arg)?,
            LOAD_CONST => self.load_const(arg),
            STORE_FAST => self.store_fast(arg),
            LOAD_FAST__LOAD_FAST
            | LOAD_FAST__LOAD_CONST
            | LOAD_CONST__LOAD_FAST
            | STORE_FAST__LOAD_FAST
            | STORE_FAST__STORE_FAST => {
                let b = self.code().instr(k + 1).arg as usize;
                match op {
                    LOAD_FAST__LOAD_FAST => {
                        self.load_fast(k, arg)?;
                        self.snap = NO_SNAP;
                        self.load_fast(k + 1, b)?;
                    }
                    LOAD_FAST__LOAD_CONST => {
                        self.load_fast(k, arg)?;
                        self.load_const(b);
                    }
                    LOAD_CONST__LOAD_FAST => {
                        self.load_const(arg);
                        self.snap = NO_SNAP;
                        self.load_fast(k + 1, b)?;
                    }
                    STORE_FAST__LOAD_FAST => {
                        self.store_fast(arg);
                        self.snap = NO_SNAP;
                        self.load_fast(k + 1, b)?;
                    }
                    _ => {
                        self.store_fast(arg);
                        self.store_fast(b);
                    }
                }
                self.done += 1;
                self.next[0] = k + 2;
            }
            POP_TOP => {
                let r = self.pop();
                self.decref(r);
            }
            COPY => {
                let r = self.peek(arg);
                self.incref(r);
                self.push(r);
            }
            SWAP => self.swap(arg),
            COPY2__COPY2 => {
                let (a, b) = (self.peek(2), self.peek(1));
                self.incref(a);
                self.incref(b);
                self.push(a);
                self.push(b);
                self.done += 1;
                self.next[0] = k + 2;
            }
            SWAP3__SWAP2 => {
                self.swap(3);
                self.swap(2);
                self.done += 1;
                self.next[0] = k + 2;
            }
            IS_OP => {
                let b = self.pop();
                let a = self.pop();
                let mut bit = self.emit(Uop::IS, &[a, b], 0);
                if arg == 1 {
                    bit = self.emit(Uop::NOT_BIT, &[bit], 0);
                }
                let w = self.emit(Uop::BOX_BOOL, &[bit], 0);
                self.decref(b);
                self.decref(a);
                self.push(w);
            }
            JUMP_FORWARD => self.next[0] = arg,
            JUMP_BACKWARD => {
                self.check_back_edge(true, arg, true)?;
                self.next[0] = arg;
            }
            POP_JUMP_IF_FALSE
            | POP_JUMP_IF_TRUE
            | POP_JUMP_BACKWARD_IF_FALSE
            | POP_JUMP_BACKWARD_IF_TRUE => {
                let on_true = matches!(op, POP_JUMP_IF_TRUE | POP_JUMP_BACKWARD_IF_TRUE);
                let backward = matches!(op, POP_JUMP_BACKWARD_IF_FALSE | POP_JUMP_BACKWARD_IF_TRUE);
                let v = self.tos(1).clone();
                let truth = if let Some(b) = v.as_bool() {
                    let r = self.peek(1);
                    self.guard(k, Uop::GUARD_IS, &[r], v.bits());
                    b
                } else if let Some(i) = v.as_small_int() {
                    let r = self.peek(1);
                    self.guard(k, Uop::GUARD_INT, &[r], 0);
                    let t = self.emit(Uop::TRUTH, &[r], 0);
                    self.guard(k, Uop::GUARD_BIT, &[t], (i != 0) as u64);
                    i != 0
                } else if v.is_none() {
                    let r = self.peek(1);
                    self.guard(k, Uop::GUARD_IS, &[r], v.bits());
                    false
                } else {
                    // Truth of an object may run Python code: the generic form.
                    self.interp(k);
                    self.next.push(arg);
                    return self.check_back_edge(backward, arg, true);
                };
                let r = self.pop();
                self.decref(r);
                let taken = truth == on_true;
                self.next[0] = if taken { arg } else { k + 1 };
                self.check_back_edge(backward, arg, taken)?;
            }
            POP_JUMP_IF_NONE
            | POP_JUMP_IF_NOT_NONE
            | POP_JUMP_BACKWARD_IF_NONE
            | POP_JUMP_BACKWARD_IF_NOT_NONE => {
                let is_none = self.tos(1).is_none();
                let r = self.peek(1);
                let g = if is_none {
                    Uop::GUARD_IS
                } else {
                    Uop::GUARD_IS_NOT
                };
                self.guard(k, g, &[r], Value::NONE_BITS);
                self.pop();
                self.decref(r);
                let on_none = matches!(op, POP_JUMP_IF_NONE | POP_JUMP_BACKWARD_IF_NONE);
                let backward = matches!(
                    op,
                    POP_JUMP_BACKWARD_IF_NONE | POP_JUMP_BACKWARD_IF_NOT_NONE
                );
                let taken = is_none == on_none;
                self.next[0] = if taken { arg } else { k + 1 };
                self.check_back_edge(backward, arg, taken)?;
            }
            RETURN_VALUE if self.frames.is_empty() => return Err("return from the loop's frame"),
            RETURN_VALUE => self.inline_return(k),
            CALL_PY_EXACT | CALL_METHOD_PY_EXACT => self.inline_call(k, op, arg)?,
            FOR_ITER_GEN => return Err("generator"),
            _ => match op.generic() {
                BINARY_OP => self.binary_op(k, arg),
                COMPARE_OP => self.compare(k, op, arg, ins.flags)?,
                FOR_ITER => self.for_iter(k, arg)?,
                BINARY_SUBSCR => self.subscr(k),
                STORE_SUBSCR => self.store_subscr(k),
                UNPACK_SEQUENCE => self.unpack(k, arg),
                LOAD_GLOBAL => self.load_global(k, op, ins.cache),
                UNARY_NEGATIVE => self.negative(k),
                CALL if op == CALL_LEN && arg == 1 => self.call_len(k),
                LOAD_ATTR if op == LOAD_ATTR_INSTANCE => self.load_attr(k, ins.cache),
                LOAD_METHOD if op == LOAD_METHOD_INSTANCE || op == LOAD_METHOD_BUILTIN => {
                    self.load_method(k, op, ins.cache)
                }
                STORE_ATTR if op == STORE_ATTR_INSTANCE || op == STORE_ATTR_INSTANCE_ADD => {
                    self.store_attr(k, op == STORE_ATTR_INSTANCE_ADD, ins.cache)
                }
                CALL | CALL_METHOD if op == CALL || op == CALL_METHOD => {
                    // The generic form, on a plain Python function, runs it in a frame
                    // just as the specialized form does: inline it the same way.
                    let method = op == CALL_METHOD;
                    let cp = self.sp - arg - 1 - method as usize;
                    let callable = self.actual(cp).clone();
                    if callable
                        .downcast::<vm::types::func::FunctionObj>()
                        .is_some()
                    {
                        let as_op = if method {
                            CALL_METHOD_PY_EXACT
                        } else {
                            CALL_PY_EXACT
                        };
                        self.inline_call(k, as_op, arg)?;
                    } else if let Some(init) = vm::interp::init_of_plain_class(vm, &callable) {
                        self.inline_class_call(k, method, arg, &callable, &init)?;
                    } else {
                        self.interp(k);
                    }
                }
                g if interp_ok(g) => {
                    self.interp(k);
                    if matches!(g, JUMP_IF_FALSE_OR_POP | JUMP_IF_TRUE_OR_POP) {
                        self.next.push(arg);
                    }
                }
                g => return Err(unsupported(g)),
            },
        }
        Ok(())
    }

    /// A taken backward jump must be the loop's own back edge.
    fn check_back_edge(&self, backward: bool, target: usize, taken: bool) -> Result<(), Abort> {
        if backward && taken {
            if !self.frames.is_empty() {
                return Err("loop in an inlined function");
            }
            // A bridge may go round an enclosing loop on its way back to the header (an
            // inner loop's exit through the outer loop's tail and head).
            if target != self.header && !self.bridge {
                return Err("inner loop");
            }
        }
        Ok(())
    }

    fn load_fast(&mut self, k: usize, i: usize) -> Result<(), Abort> {
        let i = self.base() + i;
        // The trace's own value if it set the local (memory may still hold the old one:
        // the interpreter has not run a superinstruction's first half yet), else memory's.
        let unbound = match self.slots[i] {
            Some(r) => {
                self.trace.insts[r as usize].op == Uop::CONST
                    && self.trace.insts[r as usize].imm == Value::UNDEF_BITS
            }
            None => self.actual(i).is_undef(),
        };
        if unbound {
            return Err("unbound local");
        }
        let from_memory = self.slots[i].is_none();
        let r = self.read(i);
        if from_memory {
            self.guard(k, Uop::GUARD_BOUND, &[r], 0);
        }
        self.incref(r);
        self.push(r);
        Ok(())
    }
    fn load_const(&mut self, i: usize) {
        let v = self.code().consts[i].clone();
        let w = self.keep(&v);
        let r = self.emit(Uop::CONST, &[], w);
        self.incref(r);
        self.push(r);
    }
    fn store_fast(&mut self, i: usize) {
        let i = self.base() + i;
        let v = self.pop();
        let old = self.read(i);
        self.slots[i] = Some(v);
        self.dirty[i] = true;
        self.decref(old);
    }
    fn swap(&mut self, n: usize) {
        let (a, b) = (self.peek(1), self.peek(n));
        let (i, j) = (self.sp - 1, self.sp - n);
        self.slots[i] = Some(b);
        self.slots[j] = Some(a);
        self.dirty[i] = true;
        self.dirty[j] = true;
    }

    fn binary_op(&mut self, k: usize, arg: usize) {
        let (bop, _) = BinOp::from_arg(arg as u32);
        let (a, b) = (self.tos(2).clone(), self.tos(1).clone());
        let int_op = match bop {
            BinOp::Add => Some(Uop::ADD_INT),
            BinOp::Sub => Some(Uop::SUB_INT),
            BinOp::Mul => Some(Uop::MUL_INT),
            BinOp::And => Some(Uop::AND_INT),
            BinOp::Or => Some(Uop::OR_INT),
            BinOp::Xor => Some(Uop::XOR_INT),
            BinOp::RShift => Some(Uop::RSHIFT_INT),
            BinOp::LShift => Some(Uop::LSHIFT_INT),
            BinOp::FloorDiv => Some(Uop::FLOORDIV_INT),
            BinOp::Mod => Some(Uop::MOD_INT),
            _ => None,
        };
        let float_op = match bop {
            BinOp::Add => Some(Uop::ADD_FLOAT),
            BinOp::Sub => Some(Uop::SUB_FLOAT),
            BinOp::Mul => Some(Uop::MUL_FLOAT),
            BinOp::TrueDiv => Some(Uop::DIV_FLOAT),
            BinOp::Pow if a.is_float() && b.is_float() => Some(Uop::POW_FLOAT),
            _ => None,
        };
        let (ra, rb) = (self.peek(2), self.peek(1));
        let w = if let (true, true, Some(u)) = (a.is_small_int(), b.is_small_int(), int_op) {
            self.guard(k, Uop::GUARD_INT, &[ra], 0);
            self.guard(k, Uop::GUARD_INT, &[rb], 0);
            let x = self.emit(Uop::UNBOX_INT, &[ra], 0);
            let y = self.emit(Uop::UNBOX_INT, &[rb], 0);
            let r = if u.is_guard() {
                self.guard(k, u, &[x, y], 0)
            } else {
                self.emit(u, &[x, y], 0)
            };
            self.emit(Uop::BOX_INT, &[r], 0)
        } else if let (true, Some(u)) = (
            num_f64(&a).is_some()
                && num_f64(&b).is_some()
                && (a.is_float() || b.is_float() || bop == BinOp::TrueDiv),
            float_op,
        ) {
            let x = self.unbox_num(k, ra, &a);
            let y = self.unbox_num(k, rb, &b);
            let r = if u.is_guard() {
                self.guard(k, u, &[x, y], 0)
            } else {
                self.emit(u, &[x, y], 0)
            };
            self.emit(Uop::BOX_FLOAT, &[r], 0)
        } else {
            return self.interp(k);
        };
        self.pop();
        self.pop();
        self.decref(rb);
        self.decref(ra);
        self.push(w);
    }

    fn negative(&mut self, k: usize) {
        let v = self.tos(1).clone();
        let r = self.peek(1);
        let w = if v.is_small_int() {
            self.guard(k, Uop::GUARD_INT, &[r], 0);
            let x = self.emit(Uop::UNBOX_INT, &[r], 0);
            let n = self.guard(k, Uop::NEG_INT, &[x], 0);
            self.emit(Uop::BOX_INT, &[n], 0)
        } else if v.is_float() {
            self.guard(k, Uop::GUARD_FLOAT, &[r], 0);
            let x = self.emit(Uop::UNBOX_FLOAT, &[r], 0);
            let n = self.emit(Uop::NEG_FLOAT, &[x], 0);
            self.emit(Uop::BOX_FLOAT, &[n], 0)
        } else {
            return self.interp(k);
        };
        self.pop();
        self.decref(r);
        self.push(w);
    }

    /// `len(x)` (CALL_LEN) on an exact builtin sized type.
    fn call_len(&mut self, k: usize) {
        let (f, x) = (self.tos(2).clone(), self.tos(1).clone());
        let tt = vm::types::tt();
        let ty = vm::types::type_ptr(&x);
        let sized = [tt.str_, tt.list, tt.tuple, tt.dict, tt.set].contains(&ty);
        let is_len = self
            .code()
            .caches
            .get(self.code().instr(k).cache as usize)
            .is_some_and(|c| c.obj.borrow().bits() == f.bits());
        if !sized || !is_len || vm::ops::len_fast(&x).is_none() {
            return self.interp(k);
        }
        let (rf, rx) = (self.peek(2), self.peek(1));
        let fw = self.keep(&f);
        self.guard(k, Uop::GUARD_IS, &[rf], fw);
        self.guard(k, Uop::GUARD_TYPE, &[rx], ty as u64);
        let n = self.emit(Uop::LEN, &[rx], 0);
        let w = self.emit(Uop::BOX_INT, &[n], 0);
        self.pop();
        self.pop();
        self.decref(rx);
        self.decref(rf);
        self.push(w);
    }

    fn compare(&mut self, k: usize, op: Op, arg: usize, flags: u8) -> Result<(), Abort> {
        let fused = matches!(
            op,
            Op::COMPARE_OP_INT_JUMP | Op::COMPARE_OP_FLOAT_JUMP | Op::COMPARE_OP_STR_JUMP
        );
        let (a, b) = (self.tos(2).clone(), self.tos(1).clone());
        let mask = if fused {
            flags & 0xF
        } else {
            cmp_mask(CmpOp::ALL[arg])
        };
        let (ra, rb) = (self.peek(2), self.peek(1));
        let (bit, order) = if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
            self.guard(k, Uop::GUARD_INT, &[ra], 0);
            self.guard(k, Uop::GUARD_INT, &[rb], 0);
            let x_ = self.emit(Uop::UNBOX_INT, &[ra], 0);
            let y_ = self.emit(Uop::UNBOX_INT, &[rb], 0);
            (
                self.emit(Uop::CMP_INT, &[x_, y_], mask as u64),
                when::of_order(x, y),
            )
        } else if let (Some(x), Some(y), true) =
            (num_f64(&a), num_f64(&b), a.is_float() || b.is_float())
        {
            let x_ = self.unbox_num(k, ra, &a);
            let y_ = self.unbox_num(k, rb, &b);
            (
                self.emit(Uop::CMP_FLOAT, &[x_, y_], mask as u64),
                when::of_order(x, y),
            )
        } else {
            // Strs and other objects: the generic compare (and, when fused, the jump
            // after it, modelled once we see where it went).
            let s = self.snap(k);
            let inst = self.trace.emit(Uop::INTERP, &[], k as u64, 0, s) as usize;
            self.forget();
            if fused {
                let j = self.code().instr(k + 1);
                self.pending = Some(Pending::FusedJump { inst, k });
                self.next = vec![k + 2, j.arg as usize];
                self.done += 1;
                let backward = flags & when::BACKWARD != 0;
                self.check_back_edge(backward, j.arg as usize, true)?;
            } else {
                self.pending = Some(Pending::Interp { inst });
            }
            return Ok(());
        };
        let truth = order & mask != 0;
        self.pop();
        self.pop();
        self.decref(rb);
        self.decref(ra);
        if fused {
            self.guard(k, Uop::GUARD_BIT, &[bit], truth as u64);
            let j = self.code().instr(k + 1);
            self.next[0] = if truth { j.arg as usize } else { k + 2 };
            self.done += 1;
            self.check_back_edge(flags & when::BACKWARD != 0, j.arg as usize, truth)?;
        } else {
            let w = self.emit(Uop::BOX_BOOL, &[bit], 0);
            self.push(w);
        }
        Ok(())
    }

    fn for_iter(&mut self, k: usize, target: usize) -> Result<(), Abort> {
        let it = self.tos(1).clone();
        let state = it.downcast::<IterObj>().map(|io| {
            // SAFETY: no borrow of the iterator's state is live while recording.
            match unsafe { &*io.state.as_ptr() } {
                IterState::Range { cur, remaining, .. } => {
                    if *remaining <= 0 {
                        Err("the loop ends while recording")
                    } else if !Value::fits_small(*cur) {
                        Ok(None)
                    } else {
                        Ok(Some(Uop::RANGE_NEXT))
                    }
                }
                IterState::Seq { seq, idx } => match seq.downcast::<ListObj>() {
                    Some(l) if *idx < l.items.borrow().len() => Ok(Some(Uop::LIST_ITER_NEXT)),
                    Some(_) => Err("the loop ends while recording"),
                    None => Ok(None),
                },
                _ => Ok(None),
            }
        });
        let r = self.peek(1);
        match state {
            Some(Ok(Some(Uop::RANGE_NEXT))) => {
                self.guard(k, Uop::GUARD_RANGE_ITER, &[r], 0);
                let i = self.guard(k, Uop::RANGE_NEXT, &[r], 0);
                let w = self.emit(Uop::BOX_INT, &[i], 0);
                self.push(w);
            }
            Some(Ok(Some(_))) => {
                self.guard(k, Uop::GUARD_LIST_ITER, &[r], 0);
                let v = self.guard(k, Uop::LIST_ITER_NEXT, &[r], 0);
                self.incref(v);
                self.push(v);
            }
            // A bridge follows a loop's end (an inner loop's exit on its way round the
            // enclosing loop): the iterator is done, popped, and the loop left.
            Some(Err(_)) if self.bridge => {
                let kind = if matches!(
                    it.downcast::<IterObj>()
                        .map(|io| unsafe { &*io.state.as_ptr() }),
                    Some(IterState::Range { .. })
                ) {
                    Uop::GUARD_RANGE_ITER
                } else {
                    Uop::GUARD_LIST_ITER
                };
                self.guard(k, kind, &[r], 0);
                self.guard(k, Uop::GUARD_ITER_DONE, &[r], 0);
                self.pop();
                self.decref(r);
                self.next[0] = target;
            }
            Some(Err(e)) => return Err(e),
            _ => {
                self.interp(k);
                self.next.push(target);
            }
        }
        Ok(())
    }

    fn subscr(&mut self, k: usize) {
        let (obj, idx) = (self.tos(2).clone(), self.tos(1).clone());
        let tt = vm::types::tt();
        let ty = vm::types::type_ptr(&obj);
        let len = if ty == tt.list {
            obj.downcast::<ListObj>().map(|l| l.items.borrow().len())
        } else if ty == tt.tuple {
            as_tuple(&obj).map(|t| t.len())
        } else {
            None
        };
        let in_range = match (len, idx.as_small_int()) {
            (Some(n), Some(i)) => {
                (if i < 0 { i + n as i64 } else { i }) >= 0
                    && (if i < 0 { i + n as i64 } else { i }) < n as i64
            }
            _ => false,
        };
        if !in_range {
            return self.interp(k);
        }
        let (ro, ri) = (self.peek(2), self.peek(1));
        self.guard(k, Uop::GUARD_TYPE, &[ro], ty as u64);
        self.guard(k, Uop::GUARD_INT, &[ri], 0);
        let x = self.emit(Uop::UNBOX_INT, &[ri], 0);
        let get = if ty == tt.list {
            Uop::LIST_GET
        } else {
            Uop::TUPLE_GET
        };
        let v = self.guard(k, get, &[ro, x], 0);
        self.incref(v);
        self.pop();
        self.pop();
        self.decref(ri);
        self.decref(ro);
        self.push(v);
    }

    fn store_subscr(&mut self, k: usize) {
        let (obj, idx) = (self.tos(2).clone(), self.tos(1).clone());
        let tt = vm::types::tt();
        let ok = match (obj.downcast::<ListObj>(), idx.as_small_int()) {
            (Some(l), Some(i)) => {
                vm::types::type_ptr(&obj) == tt.list
                    && i >= 0
                    && (i as usize) < l.items.borrow().len()
            }
            _ => false,
        };
        if !ok {
            return self.interp(k);
        }
        let (rv, ro, ri) = (self.peek(3), self.peek(2), self.peek(1));
        self.guard(k, Uop::GUARD_TYPE, &[ro], tt.list as u64);
        self.guard(k, Uop::GUARD_INT, &[ri], 0);
        let x = self.emit(Uop::UNBOX_INT, &[ri], 0);
        let old = self.guard(k, Uop::LIST_SET, &[ro, x, rv], 0);
        self.pop();
        self.pop();
        self.pop();
        self.decref(old);
        self.decref(ri);
        self.decref(ro);
    }

    fn unpack(&mut self, k: usize, n: usize) {
        let seq = self.tos(1).clone();
        let tt = vm::types::tt();
        let ty = vm::types::type_ptr(&seq);
        let len = if ty == tt.tuple {
            as_tuple(&seq).map(|t| t.len())
        } else if ty == tt.list {
            seq.downcast::<ListObj>().map(|l| l.items.borrow().len())
        } else {
            None
        };
        if len != Some(n) {
            return self.interp(k);
        }
        let r = self.peek(1);
        self.guard(k, Uop::GUARD_TYPE, &[r], ty as u64);
        self.guard(k, Uop::GUARD_LEN, &[r], n as u64);
        self.pop();
        for j in (0..n).rev() {
            let v = self.emit(Uop::SEQ_ITEM, &[r], j as u64);
            self.incref(v);
            self.push(v);
        }
        self.decref(r);
    }

    /// Can a call of `code` with `nargs` positional arguments be inlined (its frame made
    /// from the arguments in place, as the interpreter's exact-arguments path does)?
    fn check_inlinable(&self, code: &Code, nargs: usize) -> Result<(), Abort> {
        use vm::bytecode::flags as cf;
        if code.argcount as usize != nargs
            || code.kwonlyargcount != 0
            || code.flags & (cf::VARARGS | cf::VARKW | cf::GENERATOR) != 0
            || code.ncells() != 0
        {
            return Err("call to a Python function (not inlined)");
        }
        if self.frames.len() >= MAX_INLINE {
            return Err("calls inlined too deep");
        }
        Ok(())
    }

    /// CALL_PY_EXACT / CALL_METHOD_PY_EXACT: the callee's frame becomes part of the trace.
    fn inline_call(&mut self, k: usize, op: Op, argc: usize) -> Result<(), Abort> {
        let (cp, args, with_self) = if op == Op::CALL_METHOD_PY_EXACT {
            let cp = self.sp - argc - 2;
            let with_self = !self.actual(cp + 1).is_undef();
            (cp, if with_self { cp + 1 } else { cp + 2 }, Some(with_self))
        } else {
            (self.sp - argc - 1, self.sp - argc, None)
        };
        let fv = self.actual(cp).clone();
        let Some(f) = fv.downcast::<vm::types::func::FunctionObj>() else {
            return Err("call to a Python function (not inlined)");
        };
        let code: &Code = &f.code;
        let nargs = self.sp - args;
        self.check_inlinable(code, nargs)?;
        let rc = self.peek(self.sp - cp);
        let w = self.keep(&fv);
        self.guard(k, Uop::GUARD_IS, &[rc], w);
        if let Some(with_self) = with_self {
            let rs = self.read(cp + 1);
            let g = if with_self {
                Uop::GUARD_IS_NOT
            } else {
                Uop::GUARD_IS
            };
            self.guard(k, g, &[rs], Value::UNDEF_BITS);
        }
        let code_ptr: *const Code = code;
        let nl = code.nlocals();
        self.ensure_slots(args + code.frame_size());
        let undef = self.emit(Uop::CONST, &[], Value::UNDEF_BITS);
        for i in args + nargs..args + nl {
            self.slots[i] = Some(undef);
            self.dirty[i] = true;
        }
        self.sp = args + nl;
        self.frames.push(VFrame {
            code: code_ptr,
            func: w,
            fp: args,
            callable: cp,
            call_k: k,
            init: false,
        });
        self.trace.max_frames = self.trace.max_frames.max(self.frames.len() as u32);
        self.next[0] = 0;
        Ok(())
    }

    /// A plain class call (`object.__new__` and a Python `__init__`): the new instance takes
    /// the class's slot and becomes `__init__`'s first argument, whose frame is inlined as
    /// an INIT frame (the interpreter's own reshaping, `interp/calls.rs`).
    fn inline_class_call(
        &mut self,
        k: usize,
        method: bool,
        argc: usize,
        cls: &Value,
        init: &Value,
    ) -> Result<(), Abort> {
        let cp = self.sp - argc - 1 - method as usize;
        let f = init.downcast::<vm::types::func::FunctionObj>().unwrap();
        let code: &Code = &f.code;
        if method && !self.actual(cp + 1).is_undef() {
            return Err("call to a Python function (not inlined)");
        }
        self.check_inlinable(code, argc + 1)?;
        let rc = self.read(cp);
        let cw = self.keep(cls);
        let fw = self.keep(init);
        self.guard(k, Uop::GUARD_IS, &[rc], cw);
        if method {
            let rs = self.read(cp + 1);
            self.guard(k, Uop::GUARD_IS, &[rs], Value::UNDEF_BITS);
        }
        // `__init__` and `__new__` come from the class dicts: the epoch guards them.
        self.guard(
            k,
            Uop::GUARD_EPOCH,
            &[],
            vm::types::typeobj::type_epoch() as u64,
        );
        let obj = self.emit(Uop::NEW_INSTANCE, &[], cw);
        self.incref(obj);
        let args = cp + 1;
        self.ensure_slots(args + code.frame_size() + 1);
        if !method {
            // The arguments move up one slot for the instance.
            for i in (args..self.sp).rev() {
                let r = self.read(i);
                self.slots[i + 1] = Some(r);
                self.dirty[i + 1] = true;
            }
            self.sp += 1;
        }
        self.slots[cp] = Some(obj);
        self.dirty[cp] = true;
        self.slots[args] = Some(obj);
        self.dirty[args] = true;
        self.decref(rc);
        let nargs = argc + 1;
        let nl = code.nlocals();
        let undef = self.emit(Uop::CONST, &[], Value::UNDEF_BITS);
        for i in args + nargs..args + nl {
            self.slots[i] = Some(undef);
            self.dirty[i] = true;
        }
        self.sp = args + nl;
        self.frames.push(VFrame {
            code,
            func: fw,
            fp: args,
            callable: cp,
            call_k: k,
            init: true,
        });
        self.trace.max_frames = self.trace.max_frames.max(self.frames.len() as u32);
        self.next[0] = 0;
        Ok(())
    }

    /// RETURN_VALUE of an inlined frame: what the interpreter's return releases, and the
    /// result in the callable's slot (for `__init__`, the instance already there).
    fn inline_return(&mut self, k: usize) {
        if self.frames.last().is_some_and(|f| f.init) {
            // `__init__` must return None (else the interpreter raises TypeError).
            let r = self.peek(1);
            self.guard(k, Uop::GUARD_IS, &[r], Value::NONE_BITS);
        }
        let r = self.pop();
        let f = self.frames.pop().unwrap();
        for i in f.fp..self.sp {
            let x = self.read(i);
            self.decref(x);
        }
        let result = if f.init {
            self.decref(r);
            self.read(f.callable)
        } else {
            for i in f.callable..f.fp {
                let x = self.read(i);
                self.decref(x);
            }
            r
        };
        for i in f.callable..self.slots.len() {
            self.slots[i] = None;
            self.dirty[i] = false;
        }
        self.sp = f.callable;
        self.push(result);
        self.next[0] = f.call_k + 1;
    }

    fn cache(&self, c: u16) -> &Cache {
        &self.code().caches[c as usize]
    }

    fn load_global(&mut self, k: usize, op: Op, c: u16) {
        // The entry the tier-1 cache found, if the cache still describes the dicts.
        // SAFETY: the root frame is live; its globals are a dict.
        let globals: Value = match self.frames.last() {
            // SAFETY: inlined functions are kept alive by the trace.
            Some(f) => Value::from_raw_ref(&f.func)
                .downcast::<vm::types::func::FunctionObj>()
                .map(|f| f.globals.clone())
                .unwrap_or(Value::NONE),
            // SAFETY: the root frame is live; its globals are a dict.
            None => unsafe { (*(*self.root).globals).clone() },
        };
        let builtins = self.builtins.clone();
        let cache = self.cache(c);
        let (g1, g2, g3, index) = (
            cache.g1.get(),
            cache.g2.get(),
            cache.g3.get(),
            cache.index.get(),
        );
        let gd = globals.downcast::<vm::types::dict::DictObj>();
        let bd = builtins.downcast::<vm::types::dict::DictObj>();
        let ok = match (op, gd, bd) {
            (Op::LOAD_GLOBAL_MODULE, Some(gd), _) => {
                globals.ptr() as usize == g1 && gd.version() as usize == g2
            }
            (Op::LOAD_GLOBAL_BUILTIN, Some(gd), Some(bd)) => {
                globals.ptr() as usize == g1
                    && gd.version() as usize == g2
                    && bd.version() as usize == g3
            }
            _ => false,
        };
        if !ok {
            return self.interp(k);
        }
        let gw = self.keep(&globals);
        let s = self.snap(k);
        // The root frame's globals are checked; an inlined function's are its own.
        let g = if self.frames.is_empty() {
            Uop::GUARD_GLOBALS
        } else {
            Uop::GUARD_DICT_VERSION
        };
        self.trace.emit(g, &[], gw, g2 as u64, s);
        let dict = if op == Op::LOAD_GLOBAL_BUILTIN {
            self.trace.emit(Uop::GUARD_BUILTINS, &[], 0, g3 as u64, s);
            self.keep(&builtins)
        } else {
            gw
        };
        let v = self
            .trace
            .emit(Uop::LOAD_DICT_ENTRY, &[], dict, index as u64, NO_SNAP);
        self.incref(v);
        self.push(v);
    }

    /// The instance attribute slot a LOAD_ATTR_INSTANCE / STORE_ATTR_INSTANCE cache
    /// describes, if `obj` matches it now: (type, shape, epoch, index).
    fn instance_site(&self, c: u16, obj: &Value) -> Option<(Value, usize, usize, u32)> {
        let cache = self.cache(c);
        let inst = obj.downcast::<InstanceObj>()?;
        let ty = vm::types::type_ptr(obj) as usize;
        let epoch = vm::types::typeobj::type_epoch();
        (ty == cache.g1.get()
            && inst.shape.get() as usize == cache.g3.get()
            && epoch == cache.g2.get())
        .then(|| {
            (
                vm::types::type_of(obj),
                cache.g3.get(),
                epoch,
                cache.index.get(),
            )
        })
    }
    fn instance_guards(&mut self, k: usize, r: Ref, site: &(Value, usize, usize, u32)) {
        let w = self.keep(&site.0);
        self.guard(k, Uop::GUARD_TYPE, &[r], w);
        self.guard(k, Uop::GUARD_SHAPE, &[r], site.1 as u64);
        self.guard(k, Uop::GUARD_EPOCH, &[], site.2 as u64);
    }

    fn load_attr(&mut self, k: usize, c: u16) {
        let obj = self.tos(1).clone();
        let Some(site) = self.instance_site(c, &obj) else {
            return self.interp(k);
        };
        let r = self.peek(1);
        self.instance_guards(k, r, &site);
        let v = self.emit(Uop::LOAD_ATTR_SLOT, &[r], site.3 as u64);
        self.incref(v);
        self.pop();
        self.decref(r);
        self.push(v);
    }

    /// LOAD_METHOD_INSTANCE (a Python method of the instance's class) and
    /// LOAD_METHOD_BUILTIN (a native method of a builtin type): `[obj]` becomes
    /// `[method, obj]`, the method a constant under the cache's guards.
    fn load_method(&mut self, k: usize, op: Op, c: u16) {
        let obj = self.tos(1).clone();
        let (f, g1) = {
            let cache = self.cache(c);
            let f = cache.obj.borrow().clone();
            (f, cache.g1.get())
        };
        let ty = vm::types::type_ptr(&obj) as usize;
        let r = self.peek(1);
        if op == Op::LOAD_METHOD_INSTANCE {
            let Some(site) = self.instance_site(c, &obj) else {
                return self.interp(k);
            };
            self.instance_guards(k, r, &site);
        } else {
            if ty != g1 || !obj.is_ptr() {
                return self.interp(k);
            }
            // Builtin types are immortal and their methods fixed.
            self.guard(k, Uop::GUARD_TYPE, &[r], ty as u64);
        }
        let fw = self.keep(&f);
        let rf = self.emit(Uop::CONST, &[], fw);
        self.incref(rf);
        self.pop();
        self.push(rf);
        self.push(r);
    }

    /// STORE_ATTR_INSTANCE (an existing slot) and STORE_ATTR_INSTANCE_ADD (a new
    /// attribute: the cache's `g4` is the shape it leads to).
    fn store_attr(&mut self, k: usize, add: bool, c: u16) {
        let obj = self.tos(1).clone();
        let Some(site) = self.instance_site(c, &obj) else {
            return self.interp(k);
        };
        let (rv, r) = (self.peek(2), self.peek(1));
        self.instance_guards(k, r, &site);
        if add {
            let next = self.cache(c).g4.get() as u64;
            self.emit(Uop::STORE_ATTR_ADD, &[r, rv], next);
            self.pop();
            self.pop();
        } else {
            let old = self.emit(Uop::STORE_ATTR_SLOT, &[r, rv], site.3 as u64);
            self.pop();
            self.pop();
            self.decref(old);
        }
        self.decref(r);
    }
}

fn unsupported(op: Op) -> Abort {
    match op {
        Op::YIELD_VALUE | Op::YIELD_FROM | Op::GET_YIELD_FROM_ITER => "yield",
        Op::RAISE_VARARGS
        | Op::RERAISE
        | Op::PUSH_EXC_INFO
        | Op::POP_EXCEPT
        | Op::CHECK_EXC_MATCH
        | Op::WITH_EXCEPT_START => "exception handling",
        Op::IMPORT_NAME | Op::IMPORT_FROM | Op::IMPORT_STAR => "import",
        // Traces keep locals' values in registers across iterations.
        Op::DELETE_FAST => "del of a local",
        Op::LOAD_NAME | Op::STORE_NAME | Op::DELETE_NAME | Op::LOAD_CLASSDEREF => {
            "module or class scope"
        }
        _ => "unsupported instruction",
    }
}
