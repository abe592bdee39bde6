//! The bytecode loop.
//!
//! Python-to-Python calls do not recurse in Rust: CALL pushes a frame whose locals are the
//! argument slots already on the value stack, and RETURN_VALUE pops it. Only calls from Rust
//! (builtins calling back into Python) start a nested `run_frame`.
//!
//! Invariant: every value-stack slot at or above the current frame's `sp` is UNDEF, so a new
//! frame needs no initialisation beyond its arguments.

use crate::bytecode::{flags, BinOp, CmpOp, Op};
use crate::error::{self, PyErr, PyResult};
use crate::ops;
use crate::tier1;
use crate::types::dict::DictObj;
use crate::types::func::{CellObj, FunctionObj};
use crate::types::instance::InstanceObj;
use crate::types::iter::{IterObj, IterState};
use crate::types::list::{new_list, ListObj};
use crate::types::set::new_set;
use crate::types::str::as_str;
use crate::types::tt;
use crate::types::tuple::{as_tuple, new_tuple};
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    /// Runs the top frame (an entry frame) until it returns.
    pub fn run_frame(&mut self) -> PyResult<Value> {
        self.run_frame_with(None)
    }

    /// Runs the top frame; `thrown` is raised at the frame's current instruction first
    /// (`generator.throw()`).
    pub fn run_frame_with(&mut self, mut thrown: Option<PyErr>) -> PyResult<Value> {
        'frame: loop {
            let fidx = self.frames.len() - 1;
            let code = self.frames[fidx].code.clone();
            let base = self.frames[fidx].base;
            let mut ip = self.frames[fidx].ip;
            let mut sp = self.frames[fidx].sp;
            let nlocals = code.nlocals();

            macro_rules! push {
                ($v:expr) => {{
                    let v = $v;
                    self.stack[sp] = v;
                    sp += 1;
                }};
            }
            macro_rules! pop {
                () => {{
                    sp -= 1;
                    std::mem::replace(&mut self.stack[sp], Value::UNDEF)
                }};
            }
            macro_rules! top {
                () => {
                    self.stack[sp - 1]
                };
            }

            let err: PyErr = if let Some(e) = thrown.take() {
                e
            } else {
                'run: loop {
                    debug_assert!(ip < code.instrs.len() && fidx < self.frames.len());
                    // SAFETY: compiled code never runs off its end (it ends in RETURN_VALUE
                    // or a jump), and this frame's record stays at `fidx` while it runs.
                    let ins = unsafe { code.instrs.get_unchecked(ip) }.get();
                    ip += 1;
                    // Keep the frame record current: callees and tracebacks read it.
                    {
                        let fr = unsafe { self.frames.get_unchecked_mut(fidx) };
                        fr.ip = ip;
                        fr.sp = sp;
                    }
                    macro_rules! tri {
                        ($e:expr) => {
                            match $e {
                                Ok(v) => v,
                                Err(e) => break 'run e,
                            }
                        };
                    }
                    let arg = ins.arg;
                    // Specialized forms whose guard fails re-dispatch as their generic form.
                    let mut op = ins.op;
                    macro_rules! adapt {
                        ($f:expr) => {
                            if self.tier1 && ins.op == op && ins.cache != u16::MAX {
                                let c = &code.caches[ins.cache as usize];
                                if tier1::tick(c) {
                                    #[allow(clippy::redundant_closure_call)]
                                    let r = ($f)(c);
                                    tier1::install(&mut self.stats, &code, ip - 1, r);
                                }
                            }
                        };
                    }
                    macro_rules! hit {
                        () => {
                            self.stats.hits[op as usize] += 1
                        };
                    }
                    macro_rules! cache {
                        () => {
                            &code.caches[ins.cache as usize]
                        };
                    }
                    #[allow(clippy::never_loop)]
                    'dispatch: loop {
                        macro_rules! miss {
                            () => {{
                                tier1::miss(&mut self.stats, &code, ip - 1);
                                op = op.generic();
                                continue 'dispatch;
                            }};
                        }
                        match op {
                            Op::NOP => {}
                            Op::POP_TOP => {
                                drop(pop!());
                            }
                            Op::COPY => {
                                let v = self.stack[sp - arg as usize].clone();
                                push!(v);
                            }
                            Op::SWAP => {
                                self.stack.swap(sp - 1, sp - arg as usize);
                            }
                            Op::LOAD_CONST => push!(code.consts[arg as usize].clone()),
                            Op::LOAD_FAST => {
                                let v = &self.stack[base + arg as usize];
                                if v.is_undef() {
                                    let name = as_str(&code.varnames[arg as usize]).unwrap_or("?");
                                    break 'run error::unbound_local(format!(
                                "cannot access local variable '{name}' where it is not associated with a value"
                            ));
                                }
                                let v = v.clone();
                                push!(v);
                            }
                            Op::STORE_FAST => {
                                let v = pop!();
                                self.stack[base + arg as usize] = v;
                            }
                            Op::DELETE_FAST => {
                                if self.stack[base + arg as usize].is_undef() {
                                    let name = as_str(&code.varnames[arg as usize]).unwrap_or("?");
                                    break 'run error::unbound_local(format!(
                                "cannot access local variable '{name}' where it is not associated with a value"
                            ));
                                }
                                self.stack[base + arg as usize] = Value::UNDEF;
                            }
                            Op::LOAD_DEREF => {
                                let cell = &self.stack[base + nlocals + arg as usize];
                                let v = cell.downcast::<CellObj>().unwrap().v.borrow().clone();
                                if v.is_undef() {
                                    break 'run deref_error(&code, arg as usize);
                                }
                                push!(v);
                            }
                            Op::STORE_DEREF => {
                                let v = pop!();
                                let cell = &self.stack[base + nlocals + arg as usize];
                                let old = std::mem::replace(
                                    &mut *cell.downcast::<CellObj>().unwrap().v.borrow_mut(),
                                    v,
                                );
                                drop(old);
                            }
                            Op::DELETE_DEREF => {
                                let cell = self.stack[base + nlocals + arg as usize].clone();
                                let old = std::mem::replace(
                                    &mut *cell.downcast::<CellObj>().unwrap().v.borrow_mut(),
                                    Value::UNDEF,
                                );
                                if old.is_undef() {
                                    break 'run deref_error(&code, arg as usize);
                                }
                            }
                            Op::LOAD_CLOSURE => {
                                let c = self.stack[base + nlocals + arg as usize].clone();
                                push!(c);
                            }
                            Op::LOAD_GLOBAL | Op::LOAD_NAME => {
                                let name = &code.names[arg as usize];
                                if op == Op::LOAD_GLOBAL {
                                    let g = self.frames[fidx].globals.clone();
                                    let b = self.builtins.clone();
                                    adapt!(|c| tier1::load_global(c, &g, &b, name));
                                }
                                let f = &self.frames[fidx];
                                let local = if op == Op::LOAD_NAME && !f.locals.is_none() {
                                    tri!(load_local(self, &f.locals.clone(), name))
                                } else {
                                    None
                                };
                                let f = &self.frames[fidx];
                                let v = match local.or_else(|| DictObj::get_str(&f.globals, name)) {
                                    Some(v) => v,
                                    None => match DictObj::get_str(&self.builtins, name) {
                                        Some(v) => v,
                                        None => break 'run error::name_not_defined(name),
                                    },
                                };
                                push!(v);
                            }
                            Op::STORE_GLOBAL | Op::STORE_NAME => {
                                let v = pop!();
                                let name = code.names[arg as usize].clone();
                                let f = &self.frames[fidx];
                                if op == Op::STORE_NAME && !f.locals.is_none() {
                                    let l = f.locals.clone();
                                    tri!(ops::setitem(self, &l, name, v));
                                } else {
                                    DictObj::set_str(&f.globals, name, v);
                                }
                            }
                            Op::DELETE_GLOBAL | Op::DELETE_NAME => {
                                let name = code.names[arg as usize].clone();
                                let f = &self.frames[fidx];
                                let ns = if op == Op::DELETE_NAME && !f.locals.is_none() {
                                    f.locals.clone()
                                } else {
                                    f.globals.clone()
                                };
                                let removed = match ns.downcast::<DictObj>() {
                                    Some(d) => tri!(d.remove(self, &name)).is_some(),
                                    None => tri!(ops::delitem(self, &ns, &name).map(|_| true)),
                                };
                                if !removed {
                                    break 'run error::name_not_defined(&name);
                                }
                            }
                            Op::LOAD_ATTR => {
                                let obj = pop!();
                                adapt!(|c| tier1::load_attr(c, &obj, &code.names[arg as usize]));
                                let v = tri!(ops::getattr(self, &obj, &code.names[arg as usize]));
                                push!(v);
                            }
                            Op::LOAD_METHOD => {
                                let obj = pop!();
                                adapt!(|c| tier1::load_method(c, &obj, &code.names[arg as usize]));
                                let (m, s) =
                                    tri!(ops::load_method(self, obj, &code.names[arg as usize]));
                                push!(m);
                                push!(s);
                            }
                            Op::STORE_ATTR => {
                                let obj = pop!();
                                adapt!(|c| tier1::store_attr(c, &obj, &code.names[arg as usize]));
                                let v = pop!();
                                tri!(ops::setattr(self, &obj, &code.names[arg as usize], v));
                            }
                            Op::DELETE_ATTR => {
                                let obj = pop!();
                                tri!(ops::delattr(self, &obj, &code.names[arg as usize]));
                            }
                            Op::BINARY_OP => {
                                let b = pop!();
                                let a = pop!();
                                // Small-int and float fast paths; everything else goes generic.
                                let (bop, inplace) = BinOp::from_arg(arg);
                                adapt!(|_| tier1::binary_op(bop, &a, &b));
                                let r = match ops::arith::fast_binop(bop, &a, &b) {
                                    Some(r) => r,
                                    None => tri!(ops::binary_op(self, bop, inplace, &a, &b)),
                                };
                                push!(r);
                            }
                            Op::UNARY_NEGATIVE => {
                                let a = pop!();
                                let r = tri!(ops::arith::neg(self, &a));
                                push!(r);
                            }
                            Op::UNARY_POSITIVE => {
                                let a = pop!();
                                let r = tri!(ops::arith::pos(self, &a));
                                push!(r);
                            }
                            Op::UNARY_INVERT => {
                                let a = pop!();
                                let r = tri!(ops::arith::invert(self, &a));
                                push!(r);
                            }
                            Op::UNARY_NOT => {
                                let a = pop!();
                                let t = tri!(ops::truthy(self, &a));
                                push!(Value::bool(!t));
                            }
                            Op::COMPARE_OP => {
                                let b = pop!();
                                let a = pop!();
                                adapt!(|_| tier1::compare_op(&a, &b));
                                let cop = CmpOp::ALL[arg as usize];
                                let r = match ops::fast_compare(cop, &a, &b) {
                                    Some(r) => Value::bool(r),
                                    None => tri!(ops::compare(self, cop, &a, &b)),
                                };
                                push!(r);
                            }
                            Op::IS_OP => {
                                let b = pop!();
                                let a = pop!();
                                push!(Value::bool(a.is(&b) != (arg == 1)));
                            }
                            Op::CONTAINS_OP => {
                                let container = pop!();
                                let item = pop!();
                                let r = tri!(ops::contains(self, &container, &item));
                                push!(Value::bool(r != (arg == 1)));
                            }
                            Op::BINARY_SUBSCR => {
                                let idx = pop!();
                                let obj = pop!();
                                adapt!(|_| tier1::binary_subscr(&obj, &idx));
                                let r = tri!(ops::getitem(self, &obj, &idx));
                                push!(r);
                            }
                            Op::STORE_SUBSCR => {
                                let idx = pop!();
                                let obj = pop!();
                                adapt!(|_| tier1::store_subscr(&obj, &idx));
                                let v = pop!();
                                tri!(ops::setitem(self, &obj, idx, v));
                            }
                            Op::DELETE_SUBSCR => {
                                let idx = pop!();
                                let obj = pop!();
                                tri!(ops::delitem(self, &obj, &idx));
                            }
                            Op::BUILD_SLICE => {
                                let step = if arg == 3 { pop!() } else { Value::NONE };
                                let stop = pop!();
                                let start = pop!();
                                push!(crate::types::slice::new_slice(start, stop, step));
                            }
                            Op::BUILD_TUPLE | Op::BUILD_LIST => {
                                let n = arg as usize;
                                let items: Vec<Value> = (sp - n..sp)
                                    .map(|i| std::mem::replace(&mut self.stack[i], Value::UNDEF))
                                    .collect();
                                sp -= n;
                                push!(if op == Op::BUILD_TUPLE {
                                    new_tuple(items)
                                } else {
                                    new_list(items)
                                });
                            }
                            Op::BUILD_SET => {
                                let n = arg as usize;
                                let items: Vec<Value> = (sp - n..sp)
                                    .map(|i| std::mem::replace(&mut self.stack[i], Value::UNDEF))
                                    .collect();
                                sp -= n;
                                self.frames[fidx].sp = sp;
                                let s = new_set();
                                for it in items {
                                    tri!(crate::types::set::as_set(&s).unwrap().add(self, it));
                                }
                                push!(s);
                            }
                            Op::BUILD_MAP => {
                                let n = arg as usize;
                                let items: Vec<Value> = (sp - 2 * n..sp)
                                    .map(|i| std::mem::replace(&mut self.stack[i], Value::UNDEF))
                                    .collect();
                                sp -= 2 * n;
                                self.frames[fidx].sp = sp;
                                let d = DictObj::new_value();
                                let mut it = items.into_iter();
                                while let (Some(k), Some(v)) = (it.next(), it.next()) {
                                    tri!(d.downcast::<DictObj>().unwrap().set(self, k, v));
                                }
                                push!(d);
                            }
                            Op::BUILD_STRING => {
                                let n = arg as usize;
                                let mut s = String::new();
                                for i in sp - n..sp {
                                    s.push_str(as_str(&self.stack[i]).unwrap_or(""));
                                    self.stack[i] = Value::UNDEF;
                                }
                                sp -= n;
                                push!(crate::types::str::new_str(s));
                            }
                            Op::LIST_APPEND => {
                                let v = pop!();
                                let l = &self.stack[sp - arg as usize];
                                l.downcast::<ListObj>().unwrap().items.borrow_mut().push(v);
                            }
                            Op::SET_ADD => {
                                let v = pop!();
                                let s = self.stack[sp - arg as usize].clone();
                                tri!(crate::types::set::as_set(&s).unwrap().add(self, v));
                            }
                            Op::MAP_ADD => {
                                let v = pop!();
                                let k = pop!();
                                let d = self.stack[sp - arg as usize].clone();
                                tri!(d.downcast::<DictObj>().unwrap().set(self, k, v));
                            }
                            Op::LIST_EXTEND => {
                                let it = pop!();
                                let l = self.stack[sp - arg as usize].clone();
                                let items = tri!(ops::collect(self, &it));
                                l.downcast::<ListObj>()
                                    .unwrap()
                                    .items
                                    .borrow_mut()
                                    .extend(items);
                            }
                            Op::SET_UPDATE => {
                                let it = pop!();
                                let s = self.stack[sp - arg as usize].clone();
                                self.frames[fidx].sp = sp;
                                let so = crate::types::set::as_set(&s).unwrap();
                                tri!(crate::builtins::set_update_value(self, so, &it));
                            }
                            Op::DICT_UPDATE | Op::DICT_MERGE => {
                                let src = pop!();
                                let d = self.stack[sp - arg as usize].clone();
                                tri!(crate::builtins::dict_merge(
                                    self,
                                    &d,
                                    &src,
                                    op == Op::DICT_MERGE
                                ));
                            }
                            Op::LIST_TO_TUPLE => {
                                let l = pop!();
                                let items = l.downcast::<ListObj>().unwrap().items.borrow().clone();
                                push!(new_tuple(items));
                            }
                            Op::FORMAT_VALUE => {
                                let spec = if arg & 4 != 0 { Some(pop!()) } else { None };
                                let v = pop!();
                                let v = match arg & 3 {
                                    1 => tri!(ops::to_str(self, &v)),
                                    2 => tri!(ops::repr(self, &v)),
                                    3 => tri!(ops::ascii(self, &v)),
                                    _ => v,
                                };
                                let r = tri!(ops::format(self, &v, spec.as_ref()));
                                push!(r);
                            }
                            Op::UNPACK_SEQUENCE => {
                                let seq = pop!();
                                let n = arg as usize;
                                adapt!(|_| tier1::unpack_sequence(&seq, n));
                                // Tuples and lists unpack without an iterator.
                                let items = if let Some(t) = as_tuple(&seq) {
                                    t.to_vec()
                                } else if let Some(l) = seq.downcast::<ListObj>() {
                                    l.items.borrow().clone()
                                } else {
                                    tri!(ops::collect_unpack(self, &seq, n))
                                };
                                if items.len() != n {
                                    break 'run unpack_error(items.len(), n);
                                }
                                for v in items.into_iter().rev() {
                                    push!(v);
                                }
                            }
                            Op::UNPACK_EX => {
                                let seq = pop!();
                                let before = (arg & 0xff) as usize;
                                let after = (arg >> 8) as usize;
                                let mut items = tri!(ops::collect(self, &seq));
                                if items.len() < before + after {
                                    break 'run error::value_error(format!(
                                    "not enough values to unpack (expected at least {}, got {})",
                                    before + after,
                                    items.len()
                                ));
                                }
                                let tail = items.split_off(items.len() - after);
                                let mid = items.split_off(before);
                                for v in tail.into_iter().rev() {
                                    push!(v);
                                }
                                push!(new_list(mid));
                                for v in items.into_iter().rev() {
                                    push!(v);
                                }
                            }
                            Op::JUMP => {
                                // Loop back-edges are where a pending Ctrl-C is raised.
                                if (arg as usize) < ip {
                                    tri!(crate::signals::check());
                                }
                                ip = arg as usize
                            }
                            Op::POP_JUMP_IF_FALSE | Op::POP_JUMP_IF_TRUE => {
                                let v = pop!();
                                let t = match v.as_bool() {
                                    Some(b) => b,
                                    None => tri!(ops::truthy(self, &v)),
                                };
                                if t == (op == Op::POP_JUMP_IF_TRUE) {
                                    ip = arg as usize;
                                }
                            }
                            Op::JUMP_IF_FALSE_OR_POP | Op::JUMP_IF_TRUE_OR_POP => {
                                let v = top!().clone();
                                let t = tri!(ops::truthy(self, &v));
                                if t == (op == Op::JUMP_IF_TRUE_OR_POP) {
                                    ip = arg as usize;
                                } else {
                                    drop(pop!());
                                }
                            }
                            Op::GET_ITER => {
                                let v = pop!();
                                let it = tri!(ops::iter(self, &v));
                                push!(it);
                            }
                            Op::FOR_ITER => {
                                adapt!(|_| tier1::for_iter(&self.stack[sp - 1]));
                                let next = {
                                    let it = &self.stack[sp - 1];
                                    match it.downcast::<IterObj>() {
                                        Some(io) => fast_next(io),
                                        None => None,
                                    }
                                };
                                let next = match next {
                                    Some(n) => n,
                                    None => {
                                        let it = top!().clone();
                                        tri!(ops::next(self, &it))
                                    }
                                };
                                match next {
                                    Some(v) => push!(v),
                                    None => {
                                        drop(pop!());
                                        ip = arg as usize;
                                    }
                                }
                            }
                            Op::CALL | Op::CALL_METHOD | Op::CALL_KW => {
                                // Layout: [callable, (self|UNDEF,) args..., (kwnames)].
                                let kwnames = if op == Op::CALL_KW {
                                    Some(pop!())
                                } else {
                                    None
                                };
                                let mut argc = arg as usize;
                                let mut args_start = sp - argc;
                                let callable_pos = if op == Op::CALL_METHOD {
                                    if !self.stack[args_start - 1].is_undef() {
                                        args_start -= 1;
                                        argc += 1;
                                    }
                                    sp - arg as usize - 2
                                } else {
                                    args_start - 1
                                };
                                self.frames[fidx].sp = sp;
                                let callable = self.stack[callable_pos].clone();
                                adapt!(|c: &crate::bytecode::Cache| {
                                    let with_self = op == Op::CALL_METHOD
                                        && !self.stack[callable_pos + 1].is_undef();
                                    c.g1.set(with_self as usize);
                                    tier1::call(c, op, &callable, argc, op == Op::CALL_METHOD)
                                });
                                let inline = callable
                                    .downcast::<FunctionObj>()
                                    .filter(|f| f.code.flags & flags::GENERATOR == 0);
                                if let Some(f) = inline {
                                    let simple = kwnames.is_none() && tier1::exact_args(f, argc);
                                    if !simple {
                                        let args: Vec<Value> = (args_start..sp)
                                            .map(|i| {
                                                std::mem::replace(&mut self.stack[i], Value::UNDEF)
                                            })
                                            .collect();
                                        let kwn: &[Value] =
                                            kwnames.as_ref().and_then(as_tuple).unwrap_or(&[]);
                                        tri!(self.bind_args(&callable, f, &args, kwn, args_start));
                                    }
                                    let fcode = f.code.clone();
                                    let globals = f.globals.clone();
                                    // Leave the caller's record pointing below the callee's frame.
                                    self.frames[fidx].sp = callable_pos;
                                    self.frames[fidx].ip = ip;
                                    let pushed = self.push_frame(
                                        fcode,
                                        callable.clone(),
                                        globals,
                                        args_start,
                                    );
                                    if let Err(e) = pushed {
                                        // The arguments already sit in the callee's slots: clear them.
                                        for i in callable_pos..args_start + f.code.frame_size() {
                                            self.stack[i] = Value::UNDEF;
                                        }
                                        sp = callable_pos;
                                        self.frames[fidx].sp = sp;
                                        break 'run e;
                                    }
                                    self.frames.last_mut().unwrap().caller_sp = callable_pos;
                                    continue 'frame;
                                }
                                // Native or other callable: arguments are read in place.
                                // SAFETY: the stack never reallocates, and slots below the synced
                                // `sp` are not written while the callee runs (nested frames start at
                                // or above it).
                                let args: &[Value] = unsafe {
                                    std::slice::from_raw_parts(
                                        self.stack.as_ptr().add(args_start),
                                        sp - args_start,
                                    )
                                };
                                let kwn: &[Value] =
                                    kwnames.as_ref().and_then(as_tuple).unwrap_or(&[]);
                                let r = crate::call::call_non_function(self, &callable, args, kwn);
                                for i in callable_pos..sp {
                                    self.stack[i] = Value::UNDEF;
                                }
                                sp = callable_pos;
                                let r = tri!(r);
                                push!(r);
                            }
                            Op::CALL_EX => {
                                let kwargs = if arg & 1 != 0 { Some(pop!()) } else { None };
                                let args = pop!();
                                let callable = pop!();
                                self.frames[fidx].sp = sp;
                                let r = tri!(crate::call::call_ex(
                                    self,
                                    &callable,
                                    &args,
                                    kwargs.as_ref()
                                ));
                                push!(r);
                            }
                            Op::MAKE_FUNCTION => {
                                let codev = pop!();
                                let closure = if arg & 8 != 0 { pop!() } else { Value::NONE };
                                let kwdefaults = if arg & 2 != 0 { pop!() } else { Value::NONE };
                                let defaults = if arg & 1 != 0 { pop!() } else { Value::NONE };
                                let globals = self.frames[fidx].globals.clone();
                                push!(crate::call::make_function(
                                    &codev, globals, defaults, kwdefaults, closure
                                ));
                            }
                            Op::YIELD_VALUE => {
                                let v = pop!();
                                self.save_generator_frame(fidx, ip, sp);
                                self.pop_frame();
                                self.yielded = true;
                                return Ok(v);
                            }
                            Op::RETURN_VALUE => {
                                let v = pop!();
                                self.frames[fidx].sp = sp;
                                let f = self.pop_frame();
                                if f.is_entry {
                                    return Ok(v);
                                }
                                let caller = self.frames.last_mut().unwrap();
                                let csp = f.caller_sp;
                                for i in csp..f.base {
                                    self.stack[i] = Value::UNDEF;
                                }
                                self.stack[csp] = v;
                                caller.sp = csp + 1;
                                continue 'frame;
                            }
                            Op::IMPORT_NAME => {
                                let fromlist = pop!();
                                let level = pop!();
                                let name = code.names[arg as usize].clone();
                                let m = tri!(crate::import::import_name(
                                    self, &name, &fromlist, &level
                                ));
                                push!(m);
                            }
                            Op::IMPORT_FROM => {
                                let m = top!().clone();
                                let v = tri!(crate::import::import_from(
                                    self,
                                    &m,
                                    &code.names[arg as usize]
                                ));
                                push!(v);
                            }
                            Op::IMPORT_STAR => {
                                let m = pop!();
                                let g = self.frames[fidx].globals.clone();
                                tri!(crate::import::import_star(self, &m, &g));
                            }
                            Op::RAISE_VARARGS => {
                                if arg == 0 && !self.exc_info.is_none() {
                                    // Bare `raise`: the handled exception, traceback unchanged.
                                    self.reraising = true;
                                    break 'run PyErr(self.exc_info.clone());
                                }
                                let cause = if arg == 2 { Some(pop!()) } else { None };
                                let exc = if arg >= 1 { Some(pop!()) } else { None };
                                break 'run crate::call::make_raise(self, exc, cause);
                            }
                            Op::LOAD_ASSERTION_ERROR => {
                                push!(unsafe { Value::from_header(tt().assertion_error) });
                            }
                            Op::PUSH_EXC_INFO => {
                                let exc = pop!();
                                let prev = std::mem::replace(&mut self.exc_info, exc.clone());
                                push!(prev);
                                push!(exc);
                            }
                            Op::POP_EXCEPT => {
                                let prev = pop!();
                                self.exc_info = prev;
                            }
                            Op::CHECK_EXC_MATCH => {
                                let ty = pop!();
                                let r = tri!(crate::call::exception_matches(&top!(), &ty));
                                push!(Value::bool(r));
                            }
                            Op::RERAISE => {
                                let exc = pop!();
                                self.reraising = true;
                                break 'run PyErr(exc);
                            }
                            Op::BEFORE_WITH => {
                                let mgr = pop!();
                                self.frames[fidx].sp = sp;
                                let (exit, entered) = tri!(crate::call::before_with(self, &mgr));
                                push!(exit);
                                push!(entered);
                            }
                            Op::WITH_EXCEPT_START => {
                                let exc = top!().clone();
                                let exit = self.stack[sp - 3].clone();
                                let ty = crate::types::type_of(&exc);
                                let r = tri!(self.call(&exit, &[ty, exc, Value::NONE], &[]));
                                push!(r);
                            }
                            Op::LOAD_BUILD_CLASS => {
                                let b = DictObj::get_str(
                                    &self.builtins,
                                    &crate::types::str::intern("__build_class__"),
                                );
                                match b {
                                    Some(b) => push!(b),
                                    None => {
                                        break 'run error::name_error("__build_class__ not found")
                                    }
                                }
                            }
                            Op::LOAD_CLASSDEREF => {
                                let name = &code.names[(arg & 0xffff) as usize];
                                let locals = self.frames[fidx].locals.clone();
                                let v = match locals.downcast::<DictObj>() {
                                    Some(_) => DictObj::get_str(&locals, name),
                                    None => None,
                                };
                                let v = match v {
                                    Some(v) => v,
                                    None => {
                                        let i = (arg >> 16) as usize;
                                        let cell = &self.stack[base + nlocals + i];
                                        let v =
                                            cell.downcast::<CellObj>().unwrap().v.borrow().clone();
                                        if v.is_undef() {
                                            break 'run deref_error(&code, i);
                                        }
                                        v
                                    }
                                };
                                push!(v);
                            }
                            Op::GET_YIELD_FROM_ITER => {
                                let v = pop!();
                                let it = if v.downcast::<crate::generator::GenObj>().is_some() {
                                    v
                                } else {
                                    tri!(ops::iter(self, &v))
                                };
                                push!(it);
                            }
                            Op::YIELD_FROM => {
                                let sent = pop!();
                                let sub = top!().clone();
                                self.frames[fidx].sp = sp;
                                match tri!(crate::generator::delegate(self, &sub, sent)) {
                                    Some(v) => {
                                        // Suspend on this instruction: resuming re-runs it with the
                                        // sent value pushed.
                                        self.save_generator_frame(fidx, ip - 1, sp);
                                        self.pop_frame();
                                        self.yielded = true;
                                        return Ok(v);
                                    }
                                    None => {
                                        drop(pop!());
                                        let r = std::mem::replace(
                                            &mut self.delegate_result,
                                            Value::NONE,
                                        );
                                        push!(r);
                                    }
                                }
                            }
                            // ---- tier 1 specialized forms (see tier1.rs) ----
                            Op::BINARY_OP_ADD_INT
                            | Op::BINARY_OP_SUB_INT
                            | Op::BINARY_OP_MUL_INT => {
                                let (a, b) = (&self.stack[sp - 2], &self.stack[sp - 1]);
                                let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int())
                                else {
                                    miss!()
                                };
                                let r = match op {
                                    Op::BINARY_OP_ADD_INT => Value::int(x + y),
                                    Op::BINARY_OP_SUB_INT => Value::int(x - y),
                                    _ => match x.checked_mul(y) {
                                        Some(p) => Value::int(p),
                                        None => miss!(),
                                    },
                                };
                                hit!();
                                // Small ints own nothing: overwrite without dropping.
                                self.stack[sp - 1] = Value::UNDEF;
                                self.stack[sp - 2] = r;
                                sp -= 1;
                            }
                            Op::BINARY_OP_ADD_FLOAT
                            | Op::BINARY_OP_SUB_FLOAT
                            | Op::BINARY_OP_MUL_FLOAT => {
                                let (a, b) = (&self.stack[sp - 2], &self.stack[sp - 1]);
                                let (Some(x), Some(y)) = (a.as_float(), b.as_float()) else {
                                    miss!()
                                };
                                let r = match op {
                                    Op::BINARY_OP_ADD_FLOAT => x + y,
                                    Op::BINARY_OP_SUB_FLOAT => x - y,
                                    _ => x * y,
                                };
                                hit!();
                                self.stack[sp - 1] = Value::UNDEF;
                                self.stack[sp - 2] = Value::float(r);
                                sp -= 1;
                            }
                            Op::BINARY_OP_INT | Op::BINARY_OP_FLOAT => {
                                let (a, b) = (&self.stack[sp - 2], &self.stack[sp - 1]);
                                let ok = if op == Op::BINARY_OP_INT {
                                    a.is_small_int() && b.is_small_int()
                                } else {
                                    (a.is_float() || a.is_small_int())
                                        && (b.is_float() || b.is_small_int())
                                };
                                if !ok {
                                    miss!()
                                }
                                let (bop, _) = BinOp::from_arg(arg);
                                let Some(r) = ops::arith::numeric_binop(bop, a, b) else {
                                    miss!()
                                };
                                hit!();
                                let r = tri!(r);
                                self.stack[sp - 1] = Value::UNDEF;
                                self.stack[sp - 2] = r;
                                sp -= 1;
                            }
                            Op::BINARY_OP_ADD_STR => {
                                let r = {
                                    let (a, b) = (&self.stack[sp - 2], &self.stack[sp - 1]);
                                    let t = self.tt;
                                    if crate::types::type_ptr(a) != t.str_
                                        || crate::types::type_ptr(b) != t.str_
                                    {
                                        miss!()
                                    }
                                    let (x, y) = (as_str(a).unwrap(), as_str(b).unwrap());
                                    let mut s = String::with_capacity(x.len() + y.len());
                                    s.push_str(x);
                                    s.push_str(y);
                                    crate::types::str::new_str(s)
                                };
                                hit!();
                                drop(pop!());
                                let old = std::mem::replace(&mut self.stack[sp - 1], r);
                                drop(old);
                            }
                            Op::COMPARE_OP_INT | Op::COMPARE_OP_FLOAT | Op::COMPARE_OP_STR => {
                                let (a, b) = (&self.stack[sp - 2], &self.stack[sp - 1]);
                                let cop = CmpOp::ALL[arg as usize];
                                let ord = match op {
                                    Op::COMPARE_OP_INT => {
                                        match (a.as_small_int(), b.as_small_int()) {
                                            (Some(x), Some(y)) => Some(x.cmp(&y)),
                                            _ => miss!(),
                                        }
                                    }
                                    Op::COMPARE_OP_FLOAT => {
                                        let f = |v: &Value| {
                                            v.as_float()
                                                .or_else(|| v.as_small_int().map(|i| i as f64))
                                        };
                                        match (f(a), f(b)) {
                                            (Some(x), Some(y)) => x.partial_cmp(&y),
                                            _ => miss!(),
                                        }
                                    }
                                    _ => {
                                        let t = self.tt;
                                        if crate::types::type_ptr(a) != t.str_
                                            || crate::types::type_ptr(b) != t.str_
                                        {
                                            miss!()
                                        }
                                        Some(as_str(a).unwrap().cmp(as_str(b).unwrap()))
                                    }
                                };
                                hit!();
                                let r = match ord {
                                    Some(o) => ops::cmp_result(cop, o),
                                    None => cop == CmpOp::Ne, // NaN
                                };
                                drop(pop!());
                                let old =
                                    std::mem::replace(&mut self.stack[sp - 1], Value::bool(r));
                                drop(old);
                            }
                            Op::LOAD_ATTR_INSTANCE | Op::LOAD_ATTR_CLASS => {
                                let c = cache!();
                                let v = {
                                    let obj = &self.stack[sp - 1];
                                    let Some(inst) = obj.downcast::<InstanceObj>() else {
                                        miss!()
                                    };
                                    if crate::types::type_ptr(obj) as usize != c.g1.get()
                                        || inst.shape.get() as usize != c.g3.get()
                                        || crate::types::typeobj::type_epoch() != c.g2.get()
                                    {
                                        miss!()
                                    }
                                    if op == Op::LOAD_ATTR_INSTANCE {
                                        inst.slot(c.index.get() as usize)
                                    } else {
                                        let d = c.obj.borrow();
                                        d.downcast::<DictObj>()
                                            .unwrap()
                                            .value_at(c.index.get() as usize)
                                    }
                                };
                                hit!();
                                let old = std::mem::replace(&mut self.stack[sp - 1], v);
                                drop(old);
                            }
                            Op::LOAD_ATTR_MODULE | Op::LOAD_METHOD_MODULE => {
                                let c = cache!();
                                let v = {
                                    let obj = &self.stack[sp - 1];
                                    let Some(m) = obj.downcast::<crate::types::module::ModuleObj>()
                                    else {
                                        miss!()
                                    };
                                    let d = m.dict.downcast::<DictObj>().unwrap();
                                    if m.dict.ptr() as usize != c.g1.get()
                                        || d.version() as usize != c.g2.get()
                                    {
                                        miss!()
                                    }
                                    d.value_at(c.index.get() as usize)
                                };
                                hit!();
                                let old = std::mem::replace(&mut self.stack[sp - 1], v);
                                drop(old);
                                if op == Op::LOAD_METHOD_MODULE {
                                    push!(Value::UNDEF);
                                }
                            }
                            Op::STORE_ATTR_INSTANCE | Op::STORE_ATTR_INSTANCE_ADD => {
                                let c = cache!();
                                {
                                    let obj = &self.stack[sp - 1];
                                    let Some(inst) = obj.downcast::<InstanceObj>() else {
                                        miss!()
                                    };
                                    if crate::types::type_ptr(obj) as usize != c.g1.get()
                                        || inst.shape.get() as usize != c.g3.get()
                                        || crate::types::typeobj::type_epoch() != c.g2.get()
                                    {
                                        miss!()
                                    }
                                }
                                hit!();
                                let obj = pop!();
                                let v = pop!();
                                let inst = obj.downcast::<InstanceObj>().unwrap();
                                if op == Op::STORE_ATTR_INSTANCE {
                                    inst.set_slot(c.index.get() as usize, v);
                                } else {
                                    inst.push_slot(
                                        c.g4.get() as *const crate::types::instance::Shape,
                                        v,
                                    );
                                }
                            }
                            Op::LOAD_METHOD_INSTANCE | Op::LOAD_METHOD_BUILTIN => {
                                let c = cache!();
                                {
                                    let obj = &self.stack[sp - 1];
                                    if crate::types::type_ptr(obj) as usize != c.g1.get() {
                                        miss!()
                                    }
                                    if op == Op::LOAD_METHOD_INSTANCE {
                                        let Some(inst) = obj.downcast::<InstanceObj>() else {
                                            miss!()
                                        };
                                        if inst.shape.get() as usize != c.g3.get()
                                            || crate::types::typeobj::type_epoch() != c.g2.get()
                                        {
                                            miss!()
                                        }
                                    }
                                }
                                hit!();
                                let f = c.obj.borrow().clone();
                                let obj = std::mem::replace(&mut self.stack[sp - 1], f);
                                push!(obj);
                            }
                            Op::LOAD_GLOBAL_MODULE | Op::LOAD_GLOBAL_BUILTIN => {
                                let c = cache!();
                                let v = {
                                    let g = &self.frames[fidx].globals;
                                    let gd = g.downcast::<DictObj>().unwrap();
                                    if g.ptr() as usize != c.g1.get()
                                        || gd.version() as usize != c.g2.get()
                                    {
                                        miss!()
                                    }
                                    if op == Op::LOAD_GLOBAL_MODULE {
                                        gd.value_at(c.index.get() as usize)
                                    } else {
                                        let bd = self.builtins.downcast::<DictObj>().unwrap();
                                        if bd.version() as usize != c.g3.get() {
                                            miss!()
                                        }
                                        bd.value_at(c.index.get() as usize)
                                    }
                                };
                                hit!();
                                push!(v);
                            }
                            Op::CALL_PY_EXACT | Op::CALL_METHOD_PY_EXACT => {
                                let c = cache!();
                                let argc = arg as usize;
                                let (callable_pos, args_start) = if op == Op::CALL_METHOD_PY_EXACT {
                                    let with_self = !self.stack[sp - argc - 1].is_undef();
                                    if with_self != (c.g1.get() == 1) {
                                        miss!()
                                    }
                                    (
                                        sp - argc - 2,
                                        if with_self { sp - argc - 1 } else { sp - argc },
                                    )
                                } else {
                                    (sp - argc - 1, sp - argc)
                                };
                                if self.stack[callable_pos].bits() != c.obj.borrow().bits() {
                                    miss!()
                                }
                                hit!();
                                let callable = self.stack[callable_pos].clone();
                                let f = callable.downcast::<FunctionObj>().unwrap();
                                let (fcode, globals) = (f.code.clone(), f.globals.clone());
                                self.frames[fidx].sp = callable_pos;
                                self.frames[fidx].ip = ip;
                                if let Err(e) =
                                    self.push_frame(fcode, callable.clone(), globals, args_start)
                                {
                                    for i in callable_pos..sp {
                                        self.stack[i] = Value::UNDEF;
                                    }
                                    sp = callable_pos;
                                    self.frames[fidx].sp = sp;
                                    break 'run e;
                                }
                                self.frames.last_mut().unwrap().caller_sp = callable_pos;
                                continue 'frame;
                            }
                            Op::CALL_BUILTIN
                            | Op::CALL_METHOD_BUILTIN
                            | Op::CALL_LEN
                            | Op::CALL_ISINSTANCE => {
                                let c = cache!();
                                let argc = arg as usize;
                                let (callable_pos, args_start) = if op == Op::CALL_METHOD_BUILTIN {
                                    let with_self = !self.stack[sp - argc - 1].is_undef();
                                    (
                                        sp - argc - 2,
                                        if with_self { sp - argc - 1 } else { sp - argc },
                                    )
                                } else {
                                    (sp - argc - 1, sp - argc)
                                };
                                if self.stack[callable_pos].bits() != c.obj.borrow().bits() {
                                    miss!()
                                }
                                // Inline forms of the hottest builtins on exact builtin types.
                                let quick = match op {
                                    Op::CALL_LEN if argc == 1 => {
                                        ops::len_fast(&self.stack[args_start])
                                            .map(|n| Value::int(n as i64))
                                    }
                                    Op::CALL_ISINSTANCE if argc == 2 => {
                                        let t = &self.stack[args_start + 1];
                                        if t.downcast::<crate::types::typeobj::TypeData>().is_some()
                                        {
                                            Some(Value::bool(
                                                crate::types::typeobj::isinstance_ptr(
                                                    &self.stack[args_start],
                                                    t.ptr(),
                                                ),
                                            ))
                                        } else {
                                            None
                                        }
                                    }
                                    _ => None,
                                };
                                hit!();
                                self.frames[fidx].sp = sp;
                                let r = match quick {
                                    Some(v) => Ok(v),
                                    None => {
                                        let callable = self.stack[callable_pos].clone();
                                        let n = callable
                                            .downcast::<crate::types::func::NativeObj>()
                                            .unwrap();
                                        // SAFETY: as for the generic CALL: the stack never moves and
                                        // slots below the synced `sp` are not written by the callee.
                                        let args: &[Value] = unsafe {
                                            std::slice::from_raw_parts(
                                                self.stack.as_ptr().add(args_start),
                                                sp - args_start,
                                            )
                                        };
                                        (n.f)(self, args, &[])
                                    }
                                };
                                for i in callable_pos..sp {
                                    self.stack[i] = Value::UNDEF;
                                }
                                sp = callable_pos;
                                let r = tri!(r);
                                push!(r);
                            }
                            Op::FOR_ITER_RANGE | Op::FOR_ITER_LIST | Op::FOR_ITER_TUPLE => {
                                let next = {
                                    let Some(io) = self.stack[sp - 1].downcast::<IterObj>() else {
                                        miss!()
                                    };
                                    let mut st = io.state.borrow_mut();
                                    match (&mut *st, op) {
                                        (
                                            IterState::Range {
                                                cur,
                                                step,
                                                remaining,
                                            },
                                            Op::FOR_ITER_RANGE,
                                        ) => {
                                            if *remaining <= 0 {
                                                None
                                            } else {
                                                let v = *cur;
                                                *cur = cur.wrapping_add(*step);
                                                *remaining -= 1;
                                                Some(Value::int(v))
                                            }
                                        }
                                        (IterState::Seq { seq, idx }, Op::FOR_ITER_LIST) => {
                                            let Some(l) = seq.downcast::<ListObj>() else {
                                                drop(st);
                                                miss!()
                                            };
                                            let r = l.items.borrow().get(*idx).cloned();
                                            *idx += 1;
                                            r
                                        }
                                        (IterState::Seq { seq, idx }, Op::FOR_ITER_TUPLE) => {
                                            let Some(t) = as_tuple(seq) else {
                                                drop(st);
                                                miss!()
                                            };
                                            let r = t.get(*idx).cloned();
                                            *idx += 1;
                                            r
                                        }
                                        _ => {
                                            drop(st);
                                            miss!()
                                        }
                                    }
                                };
                                hit!();
                                match next {
                                    Some(v) => push!(v),
                                    None => {
                                        drop(pop!());
                                        ip = arg as usize;
                                    }
                                }
                            }
                            Op::BINARY_SUBSCR_LIST_INT | Op::BINARY_SUBSCR_TUPLE_INT => {
                                let v = {
                                    let (obj, idx) = (&self.stack[sp - 2], &self.stack[sp - 1]);
                                    let Some(i) = idx.as_small_int() else { miss!() };
                                    let t = self.tt;
                                    let r = if op == Op::BINARY_SUBSCR_LIST_INT {
                                        if crate::types::type_ptr(obj) != t.list {
                                            miss!()
                                        }
                                        let items =
                                            obj.downcast::<ListObj>().unwrap().items.borrow();
                                        let j = if i < 0 { i + items.len() as i64 } else { i };
                                        (j >= 0).then(|| items.get(j as usize).cloned()).flatten()
                                    } else {
                                        if crate::types::type_ptr(obj) != t.tuple {
                                            miss!()
                                        }
                                        let items = as_tuple(obj).unwrap();
                                        let j = if i < 0 { i + items.len() as i64 } else { i };
                                        (j >= 0).then(|| items.get(j as usize).cloned()).flatten()
                                    };
                                    match r {
                                        Some(v) => v,
                                        None => miss!(), // out of range: the generic form raises
                                    }
                                };
                                hit!();
                                drop(pop!());
                                let old = std::mem::replace(&mut self.stack[sp - 1], v);
                                drop(old);
                            }
                            Op::BINARY_SUBSCR_DICT => {
                                if crate::types::type_ptr(&self.stack[sp - 2]) != self.tt.dict {
                                    miss!()
                                }
                                hit!();
                                let idx = pop!();
                                let obj = pop!();
                                let d = obj.downcast::<DictObj>().unwrap();
                                match tri!(d.get(self, &idx)) {
                                    Some(v) => push!(v),
                                    None => break 'run error::key_error(idx),
                                }
                            }
                            Op::STORE_SUBSCR_LIST_INT => {
                                {
                                    let (obj, idx) = (&self.stack[sp - 2], &self.stack[sp - 1]);
                                    let Some(i) = idx.as_small_int() else { miss!() };
                                    if crate::types::type_ptr(obj) != self.tt.list {
                                        miss!()
                                    }
                                    let n = obj.downcast::<ListObj>().unwrap().items.borrow().len();
                                    if i < 0 || i as usize >= n {
                                        miss!()
                                    }
                                }
                                hit!();
                                let idx = pop!();
                                let obj = pop!();
                                let v = pop!();
                                let l = obj.downcast::<ListObj>().unwrap();
                                let old = std::mem::replace(
                                    &mut l.items.borrow_mut()[idx.as_small_int().unwrap() as usize],
                                    v,
                                );
                                drop(old);
                            }
                            Op::STORE_SUBSCR_DICT => {
                                if crate::types::type_ptr(&self.stack[sp - 2]) != self.tt.dict {
                                    miss!()
                                }
                                hit!();
                                let idx = pop!();
                                let obj = pop!();
                                let v = pop!();
                                tri!(obj.downcast::<DictObj>().unwrap().set(self, idx, v));
                            }
                            Op::UNPACK_SEQUENCE_TUPLE | Op::UNPACK_SEQUENCE_LIST => {
                                let n = arg as usize;
                                let items: Vec<Value> = {
                                    let seq = &self.stack[sp - 1];
                                    let t = self.tt;
                                    if op == Op::UNPACK_SEQUENCE_TUPLE {
                                        if crate::types::type_ptr(seq) != t.tuple {
                                            miss!()
                                        }
                                        let items = as_tuple(seq).unwrap();
                                        if items.len() != n {
                                            miss!()
                                        }
                                        items.to_vec()
                                    } else {
                                        if crate::types::type_ptr(seq) != t.list {
                                            miss!()
                                        }
                                        let items =
                                            seq.downcast::<ListObj>().unwrap().items.borrow();
                                        if items.len() != n {
                                            miss!()
                                        }
                                        items.clone()
                                    }
                                };
                                hit!();
                                drop(pop!());
                                for v in items.into_iter().rev() {
                                    push!(v);
                                }
                            }
                        }
                        break 'dispatch;
                    }
                }
            };

            // Unwind: a fresh raise records this frame in the traceback and chains the
            // exception being handled as its context; then the innermost handler of this
            // frame (or of a caller up to the entry frame) takes it.
            self.frames[fidx].sp = sp;
            if !std::mem::replace(&mut self.reraising, false) {
                self.add_traceback(&err, &self.frames[fidx]);
                self.chain_context(&err);
            }
            loop {
                let cidx = self.frames.len() - 1;
                let f = &self.frames[cidx];
                if let Some(h) = f.code.handler_at(f.ip.wrapping_sub(1)) {
                    let target_sp = f.stack_base() + h.depth as usize;
                    for i in target_sp..f.sp {
                        self.stack[i] = Value::UNDEF;
                    }
                    self.stack[target_sp] = err.0;
                    let f = &mut self.frames[cidx];
                    f.sp = target_sp + 1;
                    f.ip = h.target as usize;
                    continue 'frame;
                }
                let f = self.pop_frame();
                if f.is_entry {
                    return Err(err);
                }
                // Clear the callable/self slots the caller left below the callee.
                for i in f.caller_sp..f.base {
                    self.stack[i] = Value::UNDEF;
                }
                let caller = self.frames.last_mut().unwrap();
                caller.sp = f.caller_sp;
                self.add_traceback(&err, self.frames.last().unwrap());
            }
        }
    }

    /// Sets `err.__context__` to the exception being handled (if any, and not itself),
    /// cutting any cycle that would create, as CPython does.
    fn chain_context(&mut self, err: &PyErr) {
        let cur = &self.exc_info;
        if cur.is_none() || cur.is(&err.0) {
            return;
        }
        let Some(e) = crate::types::exc::as_exc(&err.0) else {
            return;
        };
        if !e.context.borrow().is_none() {
            return;
        }
        // Break a cycle: if err is already in cur's context chain, unlink it there.
        let mut o = cur.clone();
        loop {
            let Some(x) = crate::types::exc::as_exc(&o) else {
                break;
            };
            let next = x.context.borrow().clone();
            if next.is(&err.0) {
                *x.context.borrow_mut() = Value::NONE;
                break;
            }
            o = next;
        }
        *e.context.borrow_mut() = cur.clone();
    }
}

/// A class namespace lookup (the namespace may be any mapping a metaclass returned).
fn load_local(vm: &mut Vm, ns: &Value, name: &Value) -> PyResult<Option<Value>> {
    if ns.downcast::<DictObj>().is_some() && !crate::ops::dunder::dispatches(ns) {
        return Ok(DictObj::get_str(ns, name));
    }
    match ops::getitem(vm, ns, name) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.is_instance(tt().key_error) => Ok(None),
        Err(e) => Err(e),
    }
}

/// Inline next() for the common iterators; None means "use the generic path".
#[inline]
fn fast_next(io: &IterObj) -> Option<Option<Value>> {
    let mut st = io.state.borrow_mut();
    match &mut *st {
        IterState::Range {
            cur,
            step,
            remaining,
        } => {
            if *remaining <= 0 {
                return Some(None);
            }
            let v = *cur;
            *cur = cur.wrapping_add(*step);
            *remaining -= 1;
            Some(Some(Value::int(v)))
        }
        IterState::Seq { seq, idx } => {
            if let Some(l) = seq.downcast::<ListObj>() {
                let items = l.items.borrow();
                let r = items.get(*idx).cloned();
                *idx += 1;
                return Some(r);
            }
            if let Some(t) = as_tuple(seq) {
                let r = t.get(*idx).cloned();
                *idx += 1;
                return Some(r);
            }
            None
        }
        _ => None,
    }
}

fn deref_error(code: &crate::bytecode::Code, i: usize) -> PyErr {
    let n = code.cellvars.len();
    if i < n {
        let name = as_str(&code.cellvars[i]).unwrap_or("?");
        error::unbound_local(format!(
            "cannot access local variable '{name}' where it is not associated with a value"
        ))
    } else {
        let name = as_str(&code.freevars[i - n]).unwrap_or("?");
        error::name_error(format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope"))
    }
}

fn unpack_error(got: usize, expected: usize) -> PyErr {
    if got > expected {
        error::value_error(format!("too many values to unpack (expected {expected})"))
    } else {
        error::value_error(format!(
            "not enough values to unpack (expected {expected}, got {got})"
        ))
    }
}
