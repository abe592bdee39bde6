//! The trace IR: a straight-line list of uops in SSA form (each result named by its
//! instruction's index), the snapshots that say how to rebuild the interpreter's state at
//! each exit, and the objects the trace keeps alive.

use crate::uops::{Kind, Uop};
use std::fmt::Write;
use vm::value::Value;

/// A value of the trace: the index of the instruction that produced it.
pub type Ref = u32;
/// No snapshot.
pub const NO_SNAP: u32 = u32::MAX;

#[derive(Clone, Debug)]
pub struct Inst {
    pub op: Uop,
    pub args: [Ref; 3],
    pub imm: u64,
    pub imm2: u64,
    /// The snapshot guards leave through, and INTERP / JUMP_LOOP write back.
    pub snap: u32,
}

/// The interpreter's state at one point of the trace, as far as it differs from the
/// frame's memory: resume at instruction `ip` with the operand stack `sp` slots above
/// the frame's first local, after writing `slots` (window index, value; unboxed values are
/// boxed) and taking one reference to each of `increfs` (references the trace borrowed
/// where the interpreter holds them).
#[derive(Clone, Debug, Default)]
pub struct Snapshot {
    pub ip: u32,
    pub sp: u32,
    pub slots: Vec<(u32, Ref)>,
    pub increfs: Vec<Ref>,
    /// Bytecode instructions of the iteration completed before this point (`--stats`).
    pub done: u32,
    /// Inlined frames to materialize, outermost first (`ip` and `sp` are the innermost
    /// frame's; each caller resumes after its call with its callable's slot as `sp`).
    pub frames: Vec<SnapFrame>,
}

/// An inlined frame in a snapshot: its function, its first local and its callable's slot
/// (window indices of the root frame), and its caller's CALL instruction.
#[derive(Clone, Debug)]
pub struct SnapFrame {
    pub func: u64,
    pub fp: u32,
    pub callable: u32,
    pub call_k: u32,
    /// `__init__` of a class call (an INIT record: the instance waits in the callable's
    /// slot, and the record owns a reference to the function).
    pub init: bool,
}

pub struct Trace {
    pub insts: Vec<Inst>,
    pub snaps: Vec<Snapshot>,
    /// Objects the trace's constants point at.
    pub keep: Vec<Value>,
    /// The loop header and the back edge holding its counter (instruction indices).
    pub header: u32,
    pub jump: u32,
    /// Bytecode instructions in one iteration (`--stats`).
    pub per_iter: u32,
    /// The code's qualified name (dumps).
    pub name: String,
    /// The deepest inlining, and the window extent (slots from the root's first local)
    /// the trace may write: entering checks there is room for both.
    pub max_frames: u32,
    pub max_slots: u32,
    /// The root frame's locals (window slots below this are its variables).
    pub root_locals: u32,
}

impl Trace {
    pub fn new(name: String, header: u32, jump: u32) -> Trace {
        Trace {
            insts: Vec::new(),
            snaps: Vec::new(),
            keep: Vec::new(),
            header,
            jump,
            per_iter: 0,
            name,
            max_frames: 0,
            max_slots: 0,
            root_locals: 0,
        }
    }

    pub fn emit(&mut self, op: Uop, args: &[Ref], imm: u64, imm2: u64, snap: u32) -> Ref {
        debug_assert_eq!(args.len(), op.arity(), "{}", op.name());
        let mut a = [0; 3];
        a[..args.len()].copy_from_slice(args);
        self.insts.push(Inst {
            op,
            args: a,
            imm,
            imm2,
            snap,
        });
        (self.insts.len() - 1) as Ref
    }

    pub fn kind(&self, r: Ref) -> Kind {
        self.insts[r as usize].op.kind()
    }

    /// The inputs of instruction `i`.
    pub fn args(&self, i: usize) -> &[Ref] {
        let ins = &self.insts[i];
        &ins.args[..ins.op.arity()]
    }

    /// Window slots the trace writes somewhere (any snapshot writes them back).
    pub fn written_slots(&self) -> Vec<u32> {
        let mut w: Vec<u32> = self
            .snaps
            .iter()
            .flat_map(|sn| sn.slots.iter().map(|e| e.0))
            .collect();
        w.sort_unstable();
        w.dedup();
        w
    }

    /// Counts of live (non-NOP) uops in the part that runs every iteration (after the
    /// peeled loop's LOOP, or all of an unpeeled trace): all, guards, refcount operations.
    pub fn counts(&self) -> (usize, usize, usize) {
        let mut n = (0, 0, 0);
        let from = self
            .insts
            .iter()
            .rposition(|u| u.op == Uop::LOOP)
            .unwrap_or(0);
        for ins in &self.insts[from..] {
            if ins.op == Uop::NOP {
                continue;
            }
            n.0 += 1;
            if ins.op.is_guard() && ins.op != Uop::INTERP {
                n.1 += 1;
            }
            if matches!(ins.op, Uop::INCREF | Uop::DECREF) {
                n.2 += 1;
            }
        }
        n
    }

    /// Checks the trace's invariants (after recording and after each pass, in tests): every
    /// input is an earlier live value of the kind the uop takes (a PHI's second input may
    /// come later), every uop that can leave has a snapshot, and snapshots name live values.
    pub fn validate(&self) -> Result<(), String> {
        let live =
            |r: Ref| (r as usize) < self.insts.len() && self.insts[r as usize].op != Uop::NOP;
        for (i, ins) in self.insts.iter().enumerate() {
            if ins.op == Uop::NOP {
                continue;
            }
            let phi = matches!(ins.op, Uop::PHI | Uop::PHI_I64 | Uop::PHI_F64);
            for (j, &a) in self.args(i).iter().enumerate() {
                if !live(a) || (a as usize >= i && !(phi && j == 1)) {
                    return Err(format!(
                        "%{i} {}: input %{a} is not an earlier live value",
                        ins.op.name()
                    ));
                }
                let k = self.kind(a);
                let want = match ins.op {
                    Uop::ADD_INT
                    | Uop::SUB_INT
                    | Uop::MUL_INT
                    | Uop::AND_INT
                    | Uop::OR_INT
                    | Uop::XOR_INT
                    | Uop::LSHIFT_INT
                    | Uop::RSHIFT_INT
                    | Uop::FLOORDIV_INT
                    | Uop::MOD_INT
                    | Uop::CMP_INT
                    | Uop::BOX_INT
                    | Uop::INT_TO_FLOAT
                    | Uop::NEG_INT
                    | Uop::NONZERO
                    | Uop::PHI_I64 => Some(Kind::I64),
                    Uop::ADD_FLOAT
                    | Uop::SUB_FLOAT
                    | Uop::MUL_FLOAT
                    | Uop::DIV_FLOAT
                    | Uop::POW_FLOAT
                    | Uop::CMP_FLOAT
                    | Uop::BOX_FLOAT
                    | Uop::NEG_FLOAT
                    | Uop::PHI_F64 => Some(Kind::F64),
                    Uop::BOX_BOOL | Uop::GUARD_BIT | Uop::NOT_BIT => Some(Kind::Bit),
                    Uop::LIST_GET | Uop::TUPLE_GET | Uop::LIST_SET if j == 1 => Some(Kind::I64),
                    _ => Some(Kind::Word),
                };
                if want != Some(k) {
                    return Err(format!(
                        "%{i} {}: input %{a} is {k:?}, not {want:?}",
                        ins.op.name()
                    ));
                }
            }
            if ins.op.can_exit() && ins.snap as usize >= self.snaps.len() {
                return Err(format!(
                    "%{i} {}: can leave the trace but has no snapshot",
                    ins.op.name()
                ));
            }
            if ins.snap != NO_SNAP {
                let sn = &self.snaps[ins.snap as usize];
                for &(slot, r) in &sn.slots {
                    if !live(r) || slot >= sn.sp {
                        return Err(format!(
                            "%{i} {}: snapshot slot {slot} holds %{r} (dead or above sp {})",
                            ins.op.name(),
                            sn.sp
                        ));
                    }
                }
                if let Some(&r) = sn.increfs.iter().find(|&&r| !live(r)) {
                    return Err(format!(
                        "%{i} {}: snapshot takes a reference to dead %{r}",
                        ins.op.name()
                    ));
                }
            }
        }
        Ok(())
    }

    /// The listing of `--dump=uops|opt` (and the snapshots): one uop per line.
    pub fn listing(&self) -> String {
        let mut s = String::new();
        for (i, ins) in self.insts.iter().enumerate() {
            if ins.op == Uop::NOP {
                continue;
            }
            let k = match ins.op.kind() {
                Kind::Void => "    ",
                Kind::Word => "w = ",
                Kind::I64 => "i = ",
                Kind::F64 => "f = ",
                Kind::Bit => "b = ",
            };
            let _ = write!(s, "{i:>4} {k}{}", ins.op.name());
            let args = self.args(i);
            if !args.is_empty() {
                let a: Vec<String> = args.iter().map(|r| format!("%{r}")).collect();
                let _ = write!(s, " {}", a.join(", "));
            }
            match ins.op {
                Uop::CONST => {
                    // Constant words print as the value they hold, not as addresses.
                    // SAFETY: the trace keeps the object alive.
                    let v = std::mem::ManuallyDrop::new(unsafe { Value::from_raw(ins.imm) });
                    let _ = write!(s, " {}", describe(&v));
                }
                Uop::CONST_I64 => {
                    let _ = write!(s, " {}", ins.imm as i64);
                }
                Uop::CONST_F64 => {
                    let _ = write!(s, " {:?}", f64::from_bits(ins.imm));
                }
                Uop::GUARD_TYPE => {
                    let _ = write!(s, " {}", type_name(ins.imm));
                }
                Uop::GUARD_IS | Uop::GUARD_IS_NOT => {
                    let v = std::mem::ManuallyDrop::new(unsafe { Value::from_raw(ins.imm) });
                    let _ = write!(s, " {}", describe(&v));
                }
                Uop::INTERP => {
                    let _ = write!(s, " @{} -> @{}", ins.imm, ins.imm2);
                }
                // Shapes, epochs, dicts and versions are run-time addresses and counters:
                // listings leave them out so they stay the same from run to run.
                Uop::GUARD_SHAPE
                | Uop::GUARD_EPOCH
                | Uop::GUARD_GLOBALS
                | Uop::GUARD_DICT_VERSION
                | Uop::GUARD_BUILTINS
                | Uop::STORE_ATTR_ADD => {}
                Uop::NEW_INSTANCE => {
                    let _ = write!(s, " {}", type_name(ins.imm));
                }
                _ if ins.op.arity() < 3 && has_imm(ins.op) => {
                    let _ = write!(s, " {}", ins.imm);
                }
                _ => {}
            }
            if ins.snap != NO_SNAP {
                let sn = &self.snaps[ins.snap as usize];
                let _ = write!(s, "  [");
                for f in &sn.frames {
                    let _ = write!(s, "@{} call ", f.call_k);
                }
                let _ = write!(s, "@{} sp={}", sn.ip, sn.sp);
                for (slot, r) in &sn.slots {
                    let _ = write!(s, " {slot}:%{r}");
                }
                if !sn.increfs.is_empty() {
                    let a: Vec<String> = sn.increfs.iter().map(|r| format!("%{r}")).collect();
                    let _ = write!(s, " +ref {}", a.join(" "));
                }
                s.push(']');
            }
            s.push('\n');
        }
        s
    }
}

fn has_imm(op: Uop) -> bool {
    matches!(
        op,
        Uop::LOAD_SLOT
            | Uop::GUARD_BIT
            | Uop::GUARD_LEN
            | Uop::CMP_INT
            | Uop::CMP_FLOAT
            | Uop::LOAD_ATTR_SLOT
            | Uop::STORE_ATTR_SLOT
            | Uop::SEQ_ITEM
    )
}

fn type_name(p: u64) -> String {
    // Guarded types are kept alive by the trace (`Trace::keep`).
    vm::types::typeobj::type_data_ptr(p as *const vm::object::Header)
        .name
        .clone()
}

fn describe(v: &Value) -> String {
    if let Some(i) = v.as_small_int() {
        i.to_string()
    } else if let Some(f) = v.as_float() {
        format!("{f:?}")
    } else if let Some(b) = v.as_bool() {
        if b {
            "True".into()
        } else {
            "False".into()
        }
    } else if v.is_none() {
        "None".into()
    } else if v.is_undef() {
        "UNDEF".into()
    } else if let Some(s) = vm::types::str::as_str(v) {
        format!("{s:?}")
    } else if v.downcast::<vm::types::typeobj::TypeData>().is_some() {
        format!("<class {}>", vm::types::typeobj::type_data(v).name)
    } else {
        format!("<{}>", vm::types::typeobj::type_name(v))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validate_catches_bad_traces() {
        let mut t = Trace::new("t".into(), 0, 1);
        t.emit(Uop::LOOP, &[], 0, 0, NO_SNAP);
        let w = t.emit(Uop::LOAD_SLOT, &[], 0, 0, NO_SNAP);
        t.snaps.push(Snapshot {
            ip: 0,
            sp: 1,
            ..Default::default()
        });
        t.emit(Uop::GUARD_INT, &[w], 0, 0, 0);
        let x = t.emit(Uop::UNBOX_INT, &[w], 0, 0, NO_SNAP);
        assert_eq!(t.validate(), Ok(()));
        // An i64 where a word is taken.
        let mut bad = Trace {
            insts: t.insts.clone(),
            snaps: t.snaps.clone(),
            ..Trace::new("b".into(), 0, 1)
        };
        bad.emit(Uop::GUARD_INT, &[x], 0, 0, 0);
        assert!(bad.validate().unwrap_err().contains("is I64"));
        // A guard without a snapshot.
        let mut bad = Trace {
            insts: t.insts.clone(),
            snaps: t.snaps.clone(),
            ..Trace::new("b".into(), 0, 1)
        };
        bad.emit(Uop::GUARD_FLOAT, &[w], 0, 0, NO_SNAP);
        assert!(bad.validate().unwrap_err().contains("no snapshot"));
        // A snapshot naming a removed value.
        let mut bad = Trace {
            insts: t.insts.clone(),
            snaps: t.snaps.clone(),
            ..Trace::new("b".into(), 0, 1)
        };
        bad.snaps[0].slots.push((0, x));
        bad.insts[x as usize].op = Uop::NOP;
        assert!(bad.validate().unwrap_err().contains("dead"));
    }
}
