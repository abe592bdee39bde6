//! Tier 1: quickening. A generic instruction counts down in its inline cache; at zero it
//! looks at its operands and, if they are of a kind worth specializing, rewrites itself
//! into a specialized form and fills the cache with that form's guards. A specialized
//! form whose guard fails runs the generic code; after `MAX_MISSES` failures it is
//! rewritten back, and the next attempt waits exponentially longer (`backoff`).
//!
//! The specialized forms themselves run in `interp.rs`; this module decides and counts.

use crate::bytecode::{when, BinOp, Cache, Code, Instr, Op, WARMUP};
use crate::object::Kind;
use crate::types::dict::DictObj;
use crate::types::func::{FunctionObj, NativeObj};
use crate::types::instance::InstanceObj;
use crate::types::module::ModuleObj;
use crate::types::typeobj::{self, type_data_ptr, TypeData};
use crate::types::{tt, type_ptr};
use crate::value::Value;
use std::collections::HashMap;

/// Guard failures a specialized instruction tolerates before it is rewritten back.
pub const MAX_MISSES: u8 = 50;
/// Cap on the backoff exponent (the wait is `WARMUP << backoff` executions).
const MAX_BACKOFF: u8 = 12;

/// Counters for `--stats`.
#[derive(Default)]
pub struct Stats {
    /// Executions of each specialized opcode whose guard held.
    pub hits: Vec<u64>,
    /// Guard failures of each specialized opcode.
    pub misses: Vec<u64>,
    /// Specialized forms rewritten back, per generic family.
    pub deopts: Vec<u64>,
    /// Successful specializations, per specialized opcode.
    pub specialized: Vec<u64>,
    /// Failed specialization attempts: (family, reason) -> count.
    pub failures: HashMap<(Op, &'static str), u64>,
    /// Executions of each opcode (as dispatched) and of each consecutive pair
    /// (`prev * n + op`): what superinstructions would save.
    pub executed: Vec<u64>,
    pub pairs: Vec<u64>,
    prev: usize,
    /// Back edges and function entries that reached the hot threshold.
    pub hot_loops: u64,
    pub hot_functions: u64,
}

impl Stats {
    pub fn new() -> Stats {
        let n = Op::ALL.len();
        Stats {
            hits: vec![0; n],
            misses: vec![0; n],
            deopts: vec![0; n],
            specialized: vec![0; n],
            failures: HashMap::new(),
            executed: vec![0; n],
            pairs: Vec::new(),
            prev: 0,
            hot_loops: 0,
            hot_functions: 0,
        }
    }

    /// One dispatched instruction (only the `--stats` instantiation of the loop calls this).
    #[inline]
    pub fn count(&mut self, op: Op) {
        let n = Op::ALL.len();
        if self.pairs.is_empty() {
            self.pairs = vec![0; n * n];
        }
        let o = op as usize;
        self.executed[o] += 1;
        self.pairs[self.prev * n + o] += 1;
        self.prev = o;
    }

    /// The dispatch counts: total, the most frequent instructions and pairs.
    fn report_dispatch(&self, out: &mut String) {
        use std::fmt::Write;
        let total: u64 = self.executed.iter().sum();
        if total == 0 {
            return;
        }
        let _ = writeln!(out, "dispatched instructions: {total}");
        let mut ops: Vec<(usize, u64)> = self
            .executed
            .iter()
            .copied()
            .enumerate()
            .filter(|x| x.1 > 0)
            .collect();
        ops.sort_by(|a, b| b.1.cmp(&a.1));
        for (o, c) in ops.iter().take(24) {
            let _ = writeln!(
                out,
                "  {:<26} {:>12} {:>5.1}%",
                Op::ALL[*o].name(),
                c,
                100.0 * *c as f64 / total as f64
            );
        }
        let n = Op::ALL.len();
        let mut pairs: Vec<(usize, u64)> = self
            .pairs
            .iter()
            .copied()
            .enumerate()
            .filter(|x| x.1 > 0)
            .collect();
        pairs.sort_by(|a, b| b.1.cmp(&a.1));
        let _ = writeln!(out, "most frequent pairs:");
        for (p, c) in pairs.iter().take(12) {
            let _ = writeln!(
                out,
                "  {:<26} {:<26} {:>12} {:>5.1}%",
                Op::ALL[p / n].name(),
                Op::ALL[p % n].name(),
                c,
                100.0 * *c as f64 / total as f64
            );
        }
        let _ = writeln!(
            out,
            "hot loops (back edges at threshold): {}",
            self.hot_loops
        );
        let _ = writeln!(
            out,
            "hot functions (entries at threshold): {}",
            self.hot_functions
        );
    }

    /// The `--stats` report.
    pub fn report(&self, enabled: bool) -> String {
        use std::fmt::Write;
        let mut out = String::new();
        let _ = writeln!(
            out,
            "pyrun stats: tier 1 specialization {}",
            if enabled {
                "on"
            } else {
                "off (-X specialize=off)"
            }
        );
        let _ = writeln!(
            out,
            "{:<24} {:>12} {:>10} {:>8} {:>8}",
            "family / form", "hits", "misses", "deopts", "quickened"
        );
        for &fam in Op::ALL.iter().filter(|o| o.is_specializable()) {
            let forms: Vec<Op> = Op::ALL
                .iter()
                .copied()
                .filter(|o| o.generic() == fam && *o != fam)
                .collect();
            let hits: u64 = forms.iter().map(|o| self.hits[*o as usize]).sum();
            let misses: u64 = forms.iter().map(|o| self.misses[*o as usize]).sum();
            let quick: u64 = forms.iter().map(|o| self.specialized[*o as usize]).sum();
            let fails: u64 = self
                .failures
                .iter()
                .filter(|((f, _), _)| *f == fam)
                .map(|(_, n)| n)
                .sum();
            if hits + misses + quick + fails == 0 {
                continue;
            }
            let _ = writeln!(
                out,
                "{:<24} {:>12} {:>10} {:>8} {:>8}",
                fam.name(),
                hits,
                misses,
                self.deopts[fam as usize],
                quick
            );
            for f in forms {
                let (h, m, q) = (
                    self.hits[f as usize],
                    self.misses[f as usize],
                    self.specialized[f as usize],
                );
                if h + m + q > 0 {
                    let _ = writeln!(
                        out,
                        "  {:<22} {:>12} {:>10} {:>8} {:>8}",
                        f.name(),
                        h,
                        m,
                        "",
                        q
                    );
                }
            }
            let mut reasons: Vec<(&'static str, u64)> = self
                .failures
                .iter()
                .filter(|((f, _), _)| *f == fam)
                .map(|((_, r), n)| (*r, *n))
                .collect();
            reasons.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
            for (r, n) in reasons.iter().take(5) {
                let _ = writeln!(out, "  not specialized: {r} ({n})");
            }
        }
        self.report_dispatch(&mut out);
        out
    }
}

/// Decrements the instruction's counter; true when it is time to try specializing.
#[inline]
pub fn tick(c: &Cache) -> bool {
    let n = c.counter.get();
    if n > 1 {
        c.counter.set(n - 1);
        return false;
    }
    true
}

fn back_off(c: &Cache) {
    let b = (c.backoff.get() + 1).min(MAX_BACKOFF);
    c.backoff.set(b);
    c.counter
        .set(WARMUP.saturating_mul(1 << b.min(12)).max(WARMUP));
}

/// Writes the outcome of a specialization attempt at `pc`.
pub fn install(stats: &mut Stats, code: &Code, pc: usize, r: Result<Op, &'static str>) {
    let ins = code.instrs[pc].get();
    let c = &code.caches[ins.cache as usize];
    match r {
        Ok(op) => {
            c.misses.set(0);
            c.counter.set(WARMUP);
            code.instrs[pc].set(Instr { op, ..ins });
            stats.specialized[op as usize] += 1;
        }
        Err(reason) => {
            *stats.failures.entry((ins.op, reason)).or_insert(0) += 1;
            back_off(c);
        }
    }
}

/// A guard of the specialized instruction at `pc` failed.
#[cold]
pub fn miss(stats: &mut Stats, code: &Code, pc: usize) {
    let ins = code.instrs[pc].get();
    stats.misses[ins.op as usize] += 1;
    let c = &code.caches[ins.cache as usize];
    let m = c.misses.get() + 1;
    if m >= MAX_MISSES {
        let g = ins.op.generic();
        stats.deopts[g as usize] += 1;
        code.instrs[pc].set(Instr { op: g, ..ins });
        *c.obj.borrow_mut() = Value::NONE;
        c.poly.borrow_mut().clear();
        c.misses.set(0);
        back_off(c);
    } else {
        c.misses.set(m);
    }
}

pub fn binary_op(op: BinOp, a: &Value, b: &Value) -> Result<Op, &'static str> {
    if a.is_small_int() && b.is_small_int() {
        return Ok(match op {
            BinOp::Add => Op::BINARY_OP_ADD_INT,
            BinOp::Sub => Op::BINARY_OP_SUB_INT,
            BinOp::Mul => Op::BINARY_OP_MUL_INT,
            _ => Op::BINARY_OP_INT,
        });
    }
    if a.is_float() && b.is_float() {
        return Ok(match op {
            BinOp::Add => Op::BINARY_OP_ADD_FLOAT,
            BinOp::Sub => Op::BINARY_OP_SUB_FLOAT,
            BinOp::Mul => Op::BINARY_OP_MUL_FLOAT,
            _ => Op::BINARY_OP_FLOAT,
        });
    }
    if (a.is_float() && b.is_small_int()) || (a.is_small_int() && b.is_float()) {
        return Ok(Op::BINARY_OP_FLOAT);
    }
    if op == BinOp::Add
        && a.kind() == Some(Kind::Str)
        && b.kind() == Some(Kind::Str)
        && type_ptr(a) == tt().str_
        && type_ptr(b) == tt().str_
    {
        return Ok(Op::BINARY_OP_ADD_STR);
    }
    if op == BinOp::Add && type_ptr(a) == tt().tuple && type_ptr(b) == tt().tuple {
        return Ok(Op::BINARY_OP_ADD_TUPLE);
    }
    if (a.kind() == Some(Kind::BigInt) || b.kind() == Some(Kind::BigInt))
        && crate::types::int::wide(a).is_some()
        && crate::types::int::wide(b).is_some()
        && !matches!(op, BinOp::TrueDiv | BinOp::Pow | BinOp::MatMul)
    {
        return Ok(Op::BINARY_OP_WIDE);
    }
    Err(operand_kinds(a, b))
}

fn operand_kinds(a: &Value, b: &Value) -> &'static str {
    match (a.kind(), b.kind()) {
        (Some(Kind::BigInt), _) | (_, Some(Kind::BigInt)) => "big int operand",
        (Some(Kind::Instance), _) | (_, Some(Kind::Instance)) => "instance operand",
        (Some(Kind::Str), _) | (_, Some(Kind::Str)) => "str operands",
        (Some(Kind::List), _) | (_, Some(Kind::List)) => "list operands",
        (Some(Kind::Tuple), _) | (_, Some(Kind::Tuple)) => "tuple operands",
        _ => "other operand types",
    }
}

/// COMPARE_OP at `pc`: specialized by operand kinds, and fused with the next instruction
/// when that is a POP_JUMP (the `*_JUMP` forms keep in `flags` when the jump is taken).
pub fn compare_op(code: &Code, pc: usize, a: &Value, b: &Value) -> Result<Op, &'static str> {
    let (plain, fused) = if a.is_small_int() && b.is_small_int() {
        (Op::COMPARE_OP_INT, Op::COMPARE_OP_INT_JUMP)
    } else if (a.is_float() || a.is_small_int()) && (b.is_float() || b.is_small_int()) {
        (Op::COMPARE_OP_FLOAT, Op::COMPARE_OP_FLOAT_JUMP)
    } else if type_ptr(a) == tt().str_ && type_ptr(b) == tt().str_ {
        (Op::COMPARE_OP_STR, Op::COMPARE_OP_STR_JUMP)
    } else {
        return Err(operand_kinds(a, b));
    };
    let ins = code.instr(pc);
    let Some(next) = code.instrs.get(pc + 1).map(|c| c.get()) else {
        return Ok(plain);
    };
    let (on_true, backward) = match next.op {
        Op::POP_JUMP_IF_TRUE => (true, false),
        Op::POP_JUMP_IF_FALSE => (false, false),
        Op::POP_JUMP_BACKWARD_IF_TRUE => (true, true),
        Op::POP_JUMP_BACKWARD_IF_FALSE => (false, true),
        _ => return Ok(plain),
    };
    let mask = jump_mask(crate::bytecode::CmpOp::ALL[ins.arg as usize], on_true)
        | if backward { when::BACKWARD } else { 0 };
    code.instrs[pc].set(Instr { flags: mask, ..ins });
    Ok(fused)
}

/// The comparison outcomes on which a fused `COMPARE_OP; POP_JUMP_IF_<on_true>` jumps.
fn jump_mask(cop: crate::bytecode::CmpOp, on_true: bool) -> u8 {
    use crate::bytecode::CmpOp::*;
    let holds = match cop {
        Lt => when::LT,
        Le => when::LT | when::EQ,
        Eq => when::EQ,
        Ne => when::LT | when::GT | when::NAN,
        Gt => when::GT,
        Ge => when::GT | when::EQ,
    };
    if on_true {
        holds
    } else {
        !holds & (when::LT | when::EQ | when::GT | when::NAN)
    }
}

/// Can attribute `name` of instances of `ty` be cached as a plain slot/class read? Not when
/// the class customizes attribute access or has a data descriptor for it.
fn plain_attribute_class(
    ty: *const crate::object::Header,
    name: &Value,
) -> Result<(), &'static str> {
    let td = type_data_ptr(ty);
    if !td.dispatch || td.layout != Kind::Instance {
        return Err("not a plain instance");
    }
    for hook in ["__getattribute__", "__getattr__", "__setattr__"] {
        if let Some(h) = typeobj::lookup_str(ty, hook) {
            if !h
                .downcast::<NativeObj>()
                .is_some_and(|n| n.owner.ptr() == tt().object)
            {
                return Err("class customizes attribute access");
            }
        }
    }
    if let Some(a) = typeobj::lookup(ty, name) {
        if a.kind() == Some(Kind::Property) || crate::ops::dunder::dispatches(&a) {
            return Err("descriptor attribute");
        }
    }
    Ok(())
}

pub fn load_attr(c: &Cache, obj: &Value, name: &Value) -> Result<Op, &'static str> {
    if let Some(m) = obj.downcast::<ModuleObj>() {
        return module_entry(c, m, name).map(|_| Op::LOAD_ATTR_MODULE);
    }
    if obj.downcast::<InstanceObj>().is_none() {
        return Err(match obj.kind() {
            Some(Kind::Type) => "attribute of a class",
            Some(Kind::Exception) => "exception attribute",
            _ => "not an instance",
        });
    }
    let ty = type_ptr(obj);
    plain_attribute_class(ty, name)?;
    let shape = instance_shape(obj)?;
    c.poly.borrow_mut().clear();
    c.g1.set(ty as usize);
    c.g2.set(typeobj::type_epoch());
    c.g3.set(shape as usize);
    if let Some(i) = unsafe { &*shape }.index(name) {
        c.index.set(i as u32);
        return Ok(Op::LOAD_ATTR_INSTANCE);
    }
    // A plain class attribute (not a function: those become bound methods).
    let (dict, i) = typeobj::lookup_entry(ty, name).ok_or("attribute missing")?;
    let v = dict.downcast::<DictObj>().unwrap().value_at(i);
    if matches!(
        v.kind(),
        Some(Kind::Function | Kind::Native | Kind::FuncWrap)
    ) {
        return Err("method read as attribute");
    }
    c.index.set(i as u32);
    *c.obj.borrow_mut() = dict;
    Ok(Op::LOAD_ATTR_CLASS)
}

/// An instance's shape (not in dict mode).
fn instance_shape(obj: &Value) -> Result<*const crate::types::instance::Shape, &'static str> {
    let shape = obj
        .downcast::<InstanceObj>()
        .ok_or("not an instance")?
        .shape
        .get();
    if shape.is_null() {
        return Err("instance in dict mode");
    }
    Ok(shape)
}

/// Entries a polymorphic instance site keeps beyond its first (type, shape).
pub const POLY_MAX: usize = 4;

/// What a polymorphic instance site is specialized for.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum PolyKind {
    /// LOAD_ATTR_INSTANCE: an instance slot.
    Load,
    /// STORE_ATTR_INSTANCE: an existing instance slot.
    Store,
    /// LOAD_METHOD_INSTANCE: a Python function of the class.
    Method,
}

/// A specialized instance site met an instance its first entry does not describe: finds
/// (or adds, up to `POLY_MAX`) an entry for this instance's class and shape. Returns the
/// slot index (attributes) or the function (methods), or None to take the miss.
#[inline(never)]
pub fn poly(c: &Cache, kind: PolyKind, obj: &Value, name: &Value) -> Option<(u32, Value)> {
    if c.g2.get() != typeobj::type_epoch() {
        return None;
    }
    let shape = instance_shape(obj).ok()? as usize;
    let ty = type_ptr(obj) as usize;
    if let Some(e) = c
        .poly
        .borrow()
        .iter()
        .find(|e| e.ty == ty && e.shape == shape)
    {
        return Some((e.index, e.func.clone()));
    }
    if c.poly.borrow().len() >= POLY_MAX {
        return None;
    }
    let tyh = ty as *const crate::object::Header;
    plain_attribute_class(tyh, name).ok()?;
    let sh = unsafe { &*(shape as *const crate::types::instance::Shape) };
    let (index, func) = match kind {
        PolyKind::Load | PolyKind::Store => {
            if kind == PolyKind::Store {
                if let Some(allowed) = &type_data_ptr(tyh).slots {
                    if !allowed.iter().any(|s| s.bits() == name.bits()) {
                        return None;
                    }
                }
            }
            (sh.index(name)? as u32, Value::NONE)
        }
        PolyKind::Method => {
            if sh.index(name).is_some() {
                return None;
            }
            let f = typeobj::lookup(tyh, name)?;
            f.downcast::<FunctionObj>()?;
            (0, f)
        }
    };
    c.poly.borrow_mut().push(crate::bytecode::PolyEntry {
        ty,
        shape,
        index,
        func: func.clone(),
    });
    Some((index, func))
}

/// Caches a module attribute's entry: guards on the module dict and its version.
fn module_entry(c: &Cache, m: &ModuleObj, name: &Value) -> Result<(), &'static str> {
    let d = m.dict.downcast::<DictObj>().unwrap();
    let i = DictObj::str_index(&m.dict, name).ok_or("module attribute missing")?;
    c.g1.set(m.dict.ptr() as usize);
    c.g2.set(d.version() as usize);
    c.index.set(i as u32);
    Ok(())
}

pub fn store_attr(c: &Cache, obj: &Value, name: &Value) -> Result<Op, &'static str> {
    let Some(inst) = obj.downcast::<InstanceObj>() else {
        return Err("not an instance");
    };
    let ty = type_ptr(obj);
    plain_attribute_class(ty, name)?;
    if let Some(allowed) = &type_data_ptr(ty).slots {
        if !allowed.iter().any(|s| s.bits() == name.bits()) {
            return Err("name not in __slots__");
        }
    }
    let shape = inst.shape.get();
    if shape.is_null() {
        return Err("instance in dict mode");
    }
    c.poly.borrow_mut().clear();
    c.g1.set(ty as usize);
    c.g2.set(typeobj::type_epoch());
    c.g3.set(shape as usize);
    let sh = unsafe { &*shape };
    if let Some(i) = sh.index(name) {
        c.index.set(i as u32);
        return Ok(Op::STORE_ATTR_INSTANCE);
    }
    let next = crate::types::instance::transition(sh, name).ok_or("too many attributes")?;
    c.index.set(sh.keys.len() as u32);
    c.g4.set(next as usize);
    Ok(Op::STORE_ATTR_INSTANCE_ADD)
}

pub fn load_method(c: &Cache, obj: &Value, name: &Value) -> Result<Op, &'static str> {
    if let Some(m) = obj.downcast::<ModuleObj>() {
        return module_entry(c, m, name).map(|_| Op::LOAD_METHOD_MODULE);
    }
    let ty = type_ptr(obj);
    let td = type_data_ptr(ty);
    if let Some(inst) = obj.downcast::<InstanceObj>() {
        plain_attribute_class(ty, name)?;
        let shape = inst.shape.get();
        if shape.is_null() {
            return Err("instance in dict mode");
        }
        if unsafe { &*shape }.index(name).is_some() {
            return Err("instance attribute shadows method");
        }
        let f = typeobj::lookup(ty, name).ok_or("attribute missing")?;
        if f.downcast::<FunctionObj>().is_none() {
            return Err("class attribute is not a function");
        }
        c.poly.borrow_mut().clear();
        c.g1.set(ty as usize);
        c.g2.set(typeobj::type_epoch());
        c.g3.set(shape as usize);
        *c.obj.borrow_mut() = f;
        return Ok(Op::LOAD_METHOD_INSTANCE);
    }
    // `super` objects and extension types with their own `__getattribute__` (proxies,
    // namespaces) do not find methods on their type.
    let own_getattr = obj.kind() == Some(Kind::Super)
        || (td.dispatch
            && crate::types::dict::DictObj::get_str(
                &td.dict,
                &crate::types::str::intern("__getattribute__"),
            )
            .is_some());
    if td.is_builtin && obj.downcast::<TypeData>().is_none() && !own_getattr {
        // Builtin and extension types are immutable: the type pointer is the whole guard.
        let f = typeobj::lookup(ty, name).ok_or("attribute missing")?;
        if f.downcast::<NativeObj>().is_none() {
            return Err("builtin attribute is not a method");
        }
        c.g1.set(ty as usize);
        *c.obj.borrow_mut() = f;
        return Ok(Op::LOAD_METHOD_BUILTIN);
    }
    Err(match obj.kind() {
        Some(Kind::Type) => "method of a class object",
        Some(Kind::Super) => "super() method",
        _ => "other receiver",
    })
}

pub fn load_global(
    c: &Cache,
    globals: &Value,
    builtins: &Value,
    name: &Value,
) -> Result<Op, &'static str> {
    let g = globals.downcast::<DictObj>().ok_or("globals not a dict")?;
    c.g1.set(globals.ptr() as usize);
    c.g2.set(g.version() as usize);
    if let Some(i) = DictObj::str_index(globals, name) {
        c.index.set(i as u32);
        return Ok(Op::LOAD_GLOBAL_MODULE);
    }
    let b = builtins
        .downcast::<DictObj>()
        .ok_or("builtins not a dict")?;
    let i = DictObj::str_index(builtins, name).ok_or("name not defined")?;
    c.g3.set(b.version() as usize);
    c.index.set(i as u32);
    Ok(Op::LOAD_GLOBAL_BUILTIN)
}

/// Is `f` a function a CALL can enter with exactly `argc` positional arguments, no binding?
pub fn exact_args(f: &FunctionObj, argc: usize) -> bool {
    use crate::bytecode::flags;
    let code = &f.code;
    code.flags & (flags::GENERATOR | flags::VARARGS | flags::VARKW) == 0
        && code.kwonlyargcount == 0
        && argc == code.argcount as usize
}

pub fn call(
    c: &Cache,
    op: Op,
    callable: &Value,
    argc: usize,
    method: bool,
) -> Result<Op, &'static str> {
    if op == Op::CALL_KW {
        return Err("keyword arguments");
    }
    if let Some(f) = callable.downcast::<FunctionObj>() {
        if !exact_args(f, argc) {
            return Err("function needs argument binding");
        }
        *c.obj.borrow_mut() = callable.clone();
        return Ok(if method {
            Op::CALL_METHOD_PY_EXACT
        } else {
            Op::CALL_PY_EXACT
        });
    }
    if let Some(n) = callable.downcast::<NativeObj>() {
        if !n.self_.is_undef() {
            return Err("bound native method");
        }
        *c.obj.borrow_mut() = callable.clone();
        if method && c.g1.get() == 1 && n.owner.kind() == Some(Kind::Type) {
            // With its receiver: argc counts it.
            if let Some(f) = crate::builtins::fast_method(n.owner.ptr(), n.name, argc - 1) {
                c.g2.set(f as usize);
                c.g3.set(n.owner.ptr() as usize);
                return Ok(Op::CALL_METHOD_FAST);
            }
        }
        if !method {
            match n.name {
                "len" if n.owner.is_none() => return Ok(Op::CALL_LEN),
                "isinstance" if n.owner.is_none() => return Ok(Op::CALL_ISINSTANCE),
                _ => {}
            }
        }
        return Ok(if method {
            Op::CALL_METHOD_BUILTIN
        } else {
            Op::CALL_BUILTIN
        });
    }
    if !method && callable.kind() == Some(Kind::Type) {
        let p = callable.ptr();
        let td = crate::types::typeobj::type_data(callable);
        if td.is_builtin && !crate::types::typeobj::is_subtype(p, tt().base_exception) {
            if let Some(ctor) = crate::builtins::constructor_for(p) {
                // Builtin types are immortal: the pointer guard cannot meet a new type.
                *c.obj.borrow_mut() = callable.clone();
                c.g2.set(ctor as usize);
                return Ok(Op::CALL_TYPE_BUILTIN);
            }
        }
    }
    Err(match callable.kind() {
        Some(Kind::Type) => "class call",
        Some(Kind::BoundMethod) => "bound method object",
        _ => "other callable",
    })
}

pub fn for_iter(it: &Value) -> Result<Op, &'static str> {
    use crate::types::iter::{IterObj, IterState};
    let Some(io) = it.downcast::<IterObj>() else {
        if it.kind() == Some(Kind::Generator) && type_ptr(it) == tt().generator {
            return Ok(Op::FOR_ITER_GEN);
        }
        return Err("other iterator");
    };
    match &*io.state.borrow() {
        IterState::Range { .. } => Ok(Op::FOR_ITER_RANGE),
        IterState::Str { .. } => Ok(Op::FOR_ITER_STR),
        IterState::Seq { seq, .. } if seq.kind() == Some(Kind::List) => Ok(Op::FOR_ITER_LIST),
        IterState::Seq { seq, .. } if seq.kind() == Some(Kind::Tuple) => Ok(Op::FOR_ITER_TUPLE),
        _ => Err("other builtin iterator"),
    }
}

pub fn binary_subscr(obj: &Value, idx: &Value) -> Result<Op, &'static str> {
    let exact = |t| type_ptr(obj) == t;
    let t = tt();
    if idx.is_small_int() && exact(t.list) {
        return Ok(Op::BINARY_SUBSCR_LIST_INT);
    }
    if idx.is_small_int() && exact(t.tuple) {
        return Ok(Op::BINARY_SUBSCR_TUPLE_INT);
    }
    if exact(t.dict) {
        return Ok(Op::BINARY_SUBSCR_DICT);
    }
    Err(match obj.kind() {
        Some(Kind::Str) => "str subscript",
        Some(Kind::List | Kind::Tuple) => "slice or non-int index",
        _ => "other container",
    })
}

pub fn store_subscr(obj: &Value, idx: &Value) -> Result<Op, &'static str> {
    let t = tt();
    if idx.is_small_int() && type_ptr(obj) == t.list {
        return Ok(Op::STORE_SUBSCR_LIST_INT);
    }
    if type_ptr(obj) == t.dict {
        return Ok(Op::STORE_SUBSCR_DICT);
    }
    Err("other container")
}

pub fn unpack_sequence(seq: &Value, n: usize) -> Result<Op, &'static str> {
    let t = tt();
    if type_ptr(seq) == t.tuple && crate::types::tuple::as_tuple(seq).unwrap().len() == n {
        return Ok(Op::UNPACK_SEQUENCE_TUPLE);
    }
    if type_ptr(seq) == t.list {
        return Ok(Op::UNPACK_SEQUENCE_LIST);
    }
    Err("not an exact tuple or list")
}
