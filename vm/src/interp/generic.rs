//! The instructions the dispatch loop does not run inline: generic forms (with their
//! tier-1 specialization attempts), anything that builds containers, imports, raises,
//! yields or calls through the general protocol.
//!
//! Contract: the loop syncs the frame record (`ip` past the instruction, `sp`) before
//! calling `step`, and reloads both afterwards. `step` works on the record: every value it
//! pops is owned by Rust until pushed back or dropped, so on error `sp` still counts
//! exactly the values the frame owns.

use crate::bytecode::{BinOp, CmpOp, Instr, Op};
use crate::error::{self, PyErr, PyResult};
use crate::frame::Frame;
use crate::ops;
use crate::tier1;
use crate::types::dict::DictObj;
use crate::types::func::CellObj;
use crate::types::iter::IterObj;
use crate::types::list::{new_list, ListObj};
use crate::types::set::new_set;
use crate::types::str::as_str;
use crate::types::tt;
use crate::types::tuple::{as_tuple, new_tuple};
use crate::value::Value;
use crate::vm::Vm;

/// What the loop does after `step`.
pub(super) enum Flow {
    /// Continue in the same frame (its `ip`/`sp` may have moved).
    Next,
    /// A frame was pushed: continue in the new top frame.
    Frame,
    /// Leave the loop with this value (an entry frame yielded).
    Return(Value),
    /// The frame was popped (an inline generator yielded): continue in the new top.
    Left,
}

/// The operand-stack view `step` works through.
pub(super) struct Ops {
    pub(super) sp: *mut Value,
}

impl Ops {
    #[inline(always)]
    pub(super) fn push(&mut self, v: Value) {
        // SAFETY: the compiler's stack-depth bound keeps pushes inside the frame window;
        // the slot holds no value (stack invariant).
        unsafe {
            self.sp.write(v);
            self.sp = self.sp.add(1);
        }
    }
    #[inline(always)]
    pub(super) fn pop(&mut self) -> Value {
        // SAFETY: the bytecode never pops below the frame's stack base.
        unsafe {
            self.sp = self.sp.sub(1);
            self.sp.read()
        }
    }
    /// The `n`-th value from the top (1 = TOS).
    #[inline(always)]
    fn peek(&self, n: usize) -> &Value {
        // SAFETY: as for `pop`.
        unsafe { &*self.sp.sub(n) }
    }
    /// Moves the top `n` values out, bottom first.
    fn pop_n(&mut self, n: usize) -> Vec<Value> {
        // SAFETY: as for `pop`; the values are moved into the vector.
        unsafe {
            self.sp = self.sp.sub(n);
            (0..n).map(|i| self.sp.add(i).read()).collect()
        }
    }
}

/// Runs one out-of-line instruction of the top frame `frame`.
#[inline(never)]
pub(super) fn step(vm: &mut Vm, frame: *mut Frame, ins: Instr) -> Result<Flow, PyErr> {
    // SAFETY: `frame` is the synced record of the running frame.
    let mut ops = Ops {
        sp: unsafe { (*frame).sp },
    };
    let r = exec(vm, frame, ins, &mut ops);
    if !matches!(r, Ok(Flow::Return(_) | Flow::Left)) {
        // SAFETY: the record is still live (a frame that yielded returned `Return`/`Left`).
        unsafe { (*frame).sp = ops.sp };
    }
    // A safe point: the frame is synced and no borrow is held.
    if crate::finalize::pending() {
        crate::finalize::run(vm);
    }
    r
}

fn exec(vm: &mut Vm, frame: *mut Frame, ins: Instr, st: &mut Ops) -> Result<Flow, PyErr> {
    // SAFETY: the record is live for the whole call; only this function writes its fields.
    let fr = unsafe { &mut *frame };
    // SAFETY: the code outlives the frame; decoupled from `fr` so jumps can write `fr.ip`.
    let code: &crate::bytecode::Code = unsafe { &*fr.code.ptr() };
    let arg = ins.arg;
    let pc = fr.current_index();
    // Tier-1 specialization: only when the instruction in the code is this generic form
    // (a specialized form whose guard failed runs here too, but must not re-specialize).
    macro_rules! adapt {
        ($f:expr) => {
            if vm.tier1 && ins.cache != u16::MAX && code.instr(pc).op == ins.op {
                let c = &code.caches[ins.cache as usize];
                if tier1::tick(c) {
                    #[allow(clippy::redundant_closure_call)]
                    let r = ($f)(c);
                    tier1::install(&mut vm.stats, code, pc, r);
                }
            }
        };
    }
    macro_rules! jump {
        ($target:expr) => {
            fr.set_ip_index($target as usize)
        };
    }
    let nlocals = code.nlocals();
    match ins.op {
        Op::DELETE_FAST => {
            let slot = unsafe { &mut *fr.fp.add(arg as usize) };
            if slot.is_undef() {
                return Err(unbound_local(code, arg));
            }
            *slot = Value::UNDEF;
        }
        Op::LOAD_DEREF => {
            let v = fr
                .slot(nlocals + arg as usize)
                .downcast::<CellObj>()
                .unwrap()
                .v
                .borrow()
                .clone();
            if v.is_undef() {
                return Err(deref_error(code, arg as usize));
            }
            st.push(v);
        }
        Op::STORE_DEREF => {
            let v = st.pop();
            let cell = fr.slot(nlocals + arg as usize);
            let old =
                std::mem::replace(&mut *cell.downcast::<CellObj>().unwrap().v.borrow_mut(), v);
            drop(old);
        }
        Op::DELETE_DEREF => {
            let cell = fr.slot(nlocals + arg as usize).clone();
            let old = std::mem::replace(
                &mut *cell.downcast::<CellObj>().unwrap().v.borrow_mut(),
                Value::UNDEF,
            );
            if old.is_undef() {
                return Err(deref_error(code, arg as usize));
            }
        }
        Op::LOAD_CLOSURE => st.push(fr.slot(nlocals + arg as usize).clone()),
        Op::LOAD_GLOBAL | Op::LOAD_NAME => {
            let name = &code.names[arg as usize];
            if ins.op == Op::LOAD_GLOBAL {
                let (g, b) = (fr.globals.clone(), vm.builtins.clone());
                adapt!(|c| tier1::load_global(c, &g, &b, name));
            }
            let local = if ins.op == Op::LOAD_NAME && !fr.locals.is_none() {
                let ns = fr.locals.clone();
                load_local(vm, &ns, name)?
            } else {
                None
            };
            let v = match local.or_else(|| DictObj::get_str(&fr.globals, name)) {
                Some(v) => v,
                None => match DictObj::get_str(&vm.builtins, name) {
                    Some(v) => v,
                    None => return Err(error::name_not_defined(name)),
                },
            };
            st.push(v);
        }
        Op::STORE_GLOBAL | Op::STORE_NAME => {
            let v = st.pop();
            let name = code.names[arg as usize].clone();
            if ins.op == Op::STORE_NAME && !fr.locals.is_none() {
                let l = fr.locals.clone();
                ops::setitem(vm, &l, name, v)?;
            } else {
                DictObj::set_str(&fr.globals, name, v);
            }
        }
        Op::DELETE_GLOBAL | Op::DELETE_NAME => {
            let name = code.names[arg as usize].clone();
            let ns = if ins.op == Op::DELETE_NAME && !fr.locals.is_none() {
                fr.locals.clone()
            } else {
                fr.globals.clone()
            };
            let removed = match ns.downcast::<DictObj>() {
                Some(d) => d.remove(vm, &name)?.is_some(),
                None => ops::delitem(vm, &ns, &name).map(|_| true)?,
            };
            if !removed {
                return Err(error::name_not_defined(&name));
            }
        }
        Op::LOAD_ATTR => {
            let obj = st.pop();
            let name = &code.names[arg as usize];
            adapt!(|c| tier1::load_attr(c, &obj, name));
            let v = ops::getattr(vm, &obj, name)?;
            st.push(v);
        }
        Op::LOAD_METHOD => {
            let obj = st.pop();
            let name = &code.names[arg as usize];
            adapt!(|c| tier1::load_method(c, &obj, name));
            let (m, s) = ops::load_method(vm, obj, name)?;
            st.push(m);
            st.push(s);
        }
        Op::STORE_ATTR => {
            let obj = st.pop();
            let name = &code.names[arg as usize];
            adapt!(|c| tier1::store_attr(c, &obj, name));
            let v = st.pop();
            ops::setattr(vm, &obj, name, v)?;
        }
        Op::DELETE_ATTR => {
            let obj = st.pop();
            ops::delattr(vm, &obj, &code.names[arg as usize])?;
        }
        Op::BINARY_OP => {
            let b = st.pop();
            let a = st.pop();
            let (bop, inplace) = BinOp::from_arg(arg);
            adapt!(|_| tier1::binary_op(bop, &a, &b));
            let r = match ops::arith::fast_binop(bop, &a, &b) {
                Some(r) => r,
                None => ops::binary_op(vm, bop, inplace, &a, &b)?,
            };
            st.push(r);
        }
        Op::UNARY_NEGATIVE => {
            let a = st.pop();
            st.push(ops::arith::neg(vm, &a)?);
        }
        Op::UNARY_POSITIVE => {
            let a = st.pop();
            st.push(ops::arith::pos(vm, &a)?);
        }
        Op::UNARY_INVERT => {
            let a = st.pop();
            st.push(ops::arith::invert(vm, &a)?);
        }
        Op::UNARY_NOT => {
            let a = st.pop();
            let t = ops::truthy(vm, &a)?;
            st.push(Value::bool(!t));
        }
        Op::COMPARE_OP => {
            let b = st.pop();
            let a = st.pop();
            adapt!(|_| tier1::compare_op(code, pc, &a, &b));
            let cop = CmpOp::ALL[arg as usize];
            let r = match ops::fast_compare(cop, &a, &b) {
                Some(r) => Value::bool(r),
                None => ops::compare(vm, cop, &a, &b)?,
            };
            st.push(r);
        }
        Op::CONTAINS_OP => {
            let container = st.pop();
            let item = st.pop();
            let r = ops::contains(vm, &container, &item)?;
            st.push(Value::bool(r != (arg == 1)));
        }
        Op::BINARY_SUBSCR => {
            let idx = st.pop();
            let obj = st.pop();
            adapt!(|_| tier1::binary_subscr(&obj, &idx));
            st.push(ops::getitem(vm, &obj, &idx)?);
        }
        Op::STORE_SUBSCR => {
            let idx = st.pop();
            let obj = st.pop();
            adapt!(|_| tier1::store_subscr(&obj, &idx));
            let v = st.pop();
            ops::setitem(vm, &obj, idx, v)?;
        }
        Op::DELETE_SUBSCR => {
            let idx = st.pop();
            let obj = st.pop();
            ops::delitem(vm, &obj, &idx)?;
        }
        Op::BUILD_SLICE => {
            let step = if arg == 3 { st.pop() } else { Value::NONE };
            let stop = st.pop();
            let start = st.pop();
            st.push(crate::types::slice::new_slice(start, stop, step));
        }
        Op::BUILD_TUPLE => {
            let n = arg as usize;
            // SAFETY: the top `n` operands move into the tuple.
            let t = unsafe {
                st.sp = st.sp.sub(n);
                let base = st.sp;
                crate::types::tuple::new_tuple_from(n, (0..n).map(|i| base.add(i).read()))
            };
            st.push(t);
        }
        Op::BUILD_LIST => {
            let items = st.pop_n(arg as usize);
            st.push(new_list(items));
        }
        Op::BUILD_SET => {
            let items = st.pop_n(arg as usize);
            let s = new_set();
            for it in items {
                crate::types::set::as_set(&s).unwrap().add(vm, it)?;
            }
            st.push(s);
        }
        Op::BUILD_MAP => {
            let items = st.pop_n(2 * arg as usize);
            let d = DictObj::new_value();
            let mut it = items.into_iter();
            while let (Some(k), Some(v)) = (it.next(), it.next()) {
                d.downcast::<DictObj>().unwrap().set(vm, k, v)?;
            }
            st.push(d);
        }
        Op::BUILD_STRING => {
            let parts = st.pop_n(arg as usize);
            let mut s = String::new();
            for p in &parts {
                s.push_str(as_str(p).unwrap_or(""));
            }
            st.push(crate::types::str::new_str(s));
        }
        Op::LIST_APPEND => {
            let v = st.pop();
            let l = st.peek(arg as usize);
            l.downcast::<ListObj>().unwrap().push(v)?;
        }
        Op::SET_ADD => {
            let v = st.pop();
            let s = st.peek(arg as usize).clone();
            crate::types::set::as_set(&s).unwrap().add(vm, v)?;
        }
        Op::MAP_ADD => {
            let v = st.pop();
            let k = st.pop();
            let d = st.peek(arg as usize).clone();
            d.downcast::<DictObj>().unwrap().set(vm, k, v)?;
        }
        Op::LIST_EXTEND => {
            let it = st.pop();
            let l = st.peek(arg as usize).clone();
            let items = ops::collect(vm, &it)?;
            l.downcast::<ListObj>()
                .unwrap()
                .items
                .borrow_mut()
                .extend(items);
        }
        Op::SET_UPDATE => {
            let it = st.pop();
            let s = st.peek(arg as usize).clone();
            let so = crate::types::set::as_set(&s).unwrap();
            crate::builtins::set_update_value(vm, so, &it)?;
        }
        Op::DICT_UPDATE | Op::DICT_MERGE => {
            let src = st.pop();
            let d = st.peek(arg as usize).clone();
            crate::builtins::dict_merge(vm, &d, &src, ins.op == Op::DICT_MERGE)?;
        }
        Op::LIST_TO_TUPLE => {
            let l = st.pop();
            let items = l.downcast::<ListObj>().unwrap().items.borrow().clone();
            st.push(new_tuple(items));
        }
        Op::FORMAT_VALUE => {
            let spec = if arg & 4 != 0 { Some(st.pop()) } else { None };
            let v = st.pop();
            let v = match arg & 3 {
                1 => ops::to_str(vm, &v)?,
                2 => ops::repr(vm, &v)?,
                3 => ops::ascii(vm, &v)?,
                _ => v,
            };
            st.push(ops::format(vm, &v, spec.as_ref())?);
        }
        Op::UNPACK_SEQUENCE => {
            let seq = st.pop();
            let n = arg as usize;
            adapt!(|_| tier1::unpack_sequence(&seq, n));
            // Tuples and lists unpack without an iterator.
            let items = if let Some(t) = as_tuple(&seq) {
                t.to_vec()
            } else if let Some(l) = seq.downcast::<ListObj>() {
                l.items.borrow().clone()
            } else {
                ops::collect_unpack(vm, &seq, n)?
            };
            if items.len() != n {
                return Err(unpack_error(items.len(), n));
            }
            for v in items.into_iter().rev() {
                st.push(v);
            }
        }
        Op::UNPACK_EX => {
            let seq = st.pop();
            let before = (arg & 0xff) as usize;
            let after = (arg >> 8) as usize;
            let mut items = ops::collect(vm, &seq)?;
            if items.len() < before + after {
                return Err(error::value_error(format!(
                    "not enough values to unpack (expected at least {}, got {})",
                    before + after,
                    items.len()
                )));
            }
            let tail = items.split_off(items.len() - after);
            let mid = items.split_off(before);
            for v in tail.into_iter().rev() {
                st.push(v);
            }
            st.push(new_list(mid));
            for v in items.into_iter().rev() {
                st.push(v);
            }
        }
        Op::POP_JUMP_IF_FALSE
        | Op::POP_JUMP_IF_TRUE
        | Op::POP_JUMP_BACKWARD_IF_FALSE
        | Op::POP_JUMP_BACKWARD_IF_TRUE => {
            // The loop tests bools and small ints inline; anything else is tested here.
            let v = st.pop();
            let t = ops::truthy(vm, &v)?;
            let on_true = matches!(ins.op, Op::POP_JUMP_IF_TRUE | Op::POP_JUMP_BACKWARD_IF_TRUE);
            if t == on_true {
                jump!(arg);
            }
        }
        Op::JUMP_IF_FALSE_OR_POP | Op::JUMP_IF_TRUE_OR_POP => {
            let t = {
                let v = st.peek(1).clone();
                ops::truthy(vm, &v)?
            };
            if t == (ins.op == Op::JUMP_IF_TRUE_OR_POP) {
                jump!(arg);
            } else {
                drop(st.pop());
            }
        }
        Op::GET_ITER => {
            let v = st.pop();
            st.push(ops::iter(vm, &v)?);
        }
        Op::FOR_ITER => {
            adapt!(|_| tier1::for_iter(st.peek(1)));
            let next = match st.peek(1).downcast::<IterObj>() {
                Some(io) => super::dispatch::fast_next(io),
                None => None,
            };
            let next = match next {
                Some(n) => n,
                None => {
                    let it = st.peek(1).clone();
                    ops::next(vm, &it)?
                }
            };
            match next {
                Some(v) => st.push(v),
                None => {
                    drop(st.pop());
                    jump!(arg);
                }
            }
        }
        Op::CALL | Op::CALL_METHOD | Op::CALL_KW => {
            return super::calls::call(vm, frame, ins, st, pc)
        }
        Op::CALL_EX => {
            let kwargs = if arg & 1 != 0 { Some(st.pop()) } else { None };
            let args = st.pop();
            let callable = st.pop();
            let r = crate::call::call_ex(vm, &callable, &args, kwargs.as_ref())?;
            st.push(r);
        }
        Op::MAKE_FUNCTION => {
            let codev = st.pop();
            let closure = if arg & 8 != 0 { st.pop() } else { Value::NONE };
            let kwdefaults = if arg & 2 != 0 { st.pop() } else { Value::NONE };
            let defaults = if arg & 1 != 0 { st.pop() } else { Value::NONE };
            let globals = fr.globals.clone();
            st.push(crate::call::make_function(
                &codev, globals, defaults, kwdefaults, closure,
            ));
        }
        Op::YIELD_VALUE => {
            let v = st.pop();
            let (ip, sp) = (fr.ip, st.sp);
            return Ok(yield_from_frame(vm, frame, ip, sp, v));
        }
        Op::IMPORT_NAME => {
            let fromlist = st.pop();
            let level = st.pop();
            let name = code.names[arg as usize].clone();
            st.push(crate::import::import_name(vm, &name, &fromlist, &level)?);
        }
        Op::IMPORT_FROM => {
            let m = st.peek(1).clone();
            st.push(crate::import::import_from(
                vm,
                &m,
                &code.names[arg as usize],
            )?);
        }
        Op::IMPORT_STAR => {
            let m = st.pop();
            let g = fr.globals.clone();
            crate::import::import_star(vm, &m, &g)?;
        }
        Op::RAISE_VARARGS => {
            if arg == 0 && !vm.exc_info.is_none() {
                // Bare `raise`: the handled exception, traceback unchanged.
                vm.reraising = true;
                return Err(PyErr(vm.exc_info.clone()));
            }
            let cause = if arg == 2 { Some(st.pop()) } else { None };
            let exc = if arg >= 1 { Some(st.pop()) } else { None };
            return Err(crate::call::make_raise(vm, exc, cause));
        }
        Op::LOAD_ASSERTION_ERROR => {
            // SAFETY: builtin types are immortal.
            st.push(unsafe { Value::from_header(tt().assertion_error) });
        }
        Op::PUSH_EXC_INFO => {
            let exc = st.pop();
            let prev = std::mem::replace(&mut vm.exc_info, exc.clone());
            st.push(prev);
            st.push(exc);
        }
        Op::POP_EXCEPT => {
            vm.exc_info = st.pop();
        }
        Op::CHECK_EXC_MATCH => {
            let ty = st.pop();
            let r = crate::call::exception_matches(st.peek(1), &ty)?;
            st.push(Value::bool(r));
        }
        Op::RERAISE => {
            let exc = st.pop();
            vm.reraising = true;
            return Err(PyErr(exc));
        }
        Op::BEFORE_WITH => {
            let mgr = st.pop();
            let (exit, entered) = crate::call::before_with(vm, &mgr)?;
            st.push(exit);
            st.push(entered);
        }
        Op::WITH_EXCEPT_START => {
            let exc = st.peek(1).clone();
            let exit = st.peek(3).clone();
            let ty = crate::types::type_of(&exc);
            let r = vm.call(&exit, &[ty, exc, Value::NONE], &[])?;
            st.push(r);
        }
        Op::LOAD_BUILD_CLASS => {
            match DictObj::get_str(&vm.builtins, &crate::types::str::intern("__build_class__")) {
                Some(b) => st.push(b),
                None => return Err(error::name_error("__build_class__ not found")),
            }
        }
        Op::LOAD_CLASSDEREF => {
            let name = &code.names[(arg & 0xffff) as usize];
            let v = match fr.locals.downcast::<DictObj>() {
                Some(_) => DictObj::get_str(&fr.locals, name),
                None => None,
            };
            let v = match v {
                Some(v) => v,
                None => {
                    let i = (arg >> 16) as usize;
                    let v = fr
                        .slot(nlocals + i)
                        .downcast::<CellObj>()
                        .unwrap()
                        .v
                        .borrow()
                        .clone();
                    if v.is_undef() {
                        return Err(deref_error(code, i));
                    }
                    v
                }
            };
            st.push(v);
        }
        Op::GET_YIELD_FROM_ITER => {
            let v = st.pop();
            let it = if crate::generator::is_plain(&v) {
                v
            } else if crate::coro::is_coroutine(&v) {
                if (code.flags | code.extra_flags.get())
                    & (crate::bytecode::flags::COROUTINE
                        | crate::bytecode::flags::ITERABLE_COROUTINE)
                    == 0
                {
                    return Err(error::type_error(
                        "cannot 'yield from' a coroutine object in a non-coroutine generator",
                    ));
                }
                v
            } else {
                ops::iter(vm, &v)?
            };
            st.push(it);
        }
        Op::YIELD_FROM => {
            let sent = st.pop();
            let sub = st.peek(1).clone();
            match crate::generator::delegate(vm, &sub, sent)? {
                Some(v) => {
                    // Suspend on this instruction: resuming re-runs it with the sent value
                    // pushed.
                    let ip = code.instrs[pc..].as_ptr();
                    return Ok(yield_from_frame(vm, frame, ip, st.sp, v));
                }
                None => {
                    drop(st.pop());
                    st.push(std::mem::replace(&mut vm.delegate_result, Value::NONE));
                }
            }
        }
        Op::GET_AWAITABLE => {
            let v = st.pop();
            st.push(crate::coro::get_awaitable(vm, &v)?);
        }
        Op::GET_AITER => {
            let v = st.pop();
            st.push(crate::coro::get_aiter(vm, &v)?);
        }
        Op::GET_ANEXT => {
            let a = st.peek(1).clone();
            st.push(crate::coro::get_anext(vm, &a)?);
        }
        Op::END_ASYNC_FOR => {
            let exc = st.pop();
            drop(st.pop());
            if let Err(e) = crate::coro::end_async_for(exc) {
                vm.reraising = true;
                return Err(e);
            }
        }
        Op::BEFORE_ASYNC_WITH => {
            let mgr = st.pop();
            let (exit, entered) = crate::coro::before_async_with(vm, &mgr)?;
            st.push(exit);
            st.push(entered);
        }
        Op::ASYNC_GEN_WRAP => {
            let v = st.pop();
            st.push(crate::coro::wrap_value(v));
        }
        Op::MATCH_MAPPING => {
            let v = st.peek(1).clone();
            st.push(Value::bool(ops::matching::is_mapping(vm, &v)?));
        }
        Op::MATCH_SEQUENCE => {
            let v = st.peek(1).clone();
            st.push(Value::bool(ops::matching::is_sequence(vm, &v)?));
        }
        Op::MATCH_KEYS => {
            let (subject, keys) = (st.peek(2).clone(), st.peek(1).clone());
            st.push(ops::matching::match_keys(vm, &subject, &keys)?);
        }
        Op::MATCH_CLASS => {
            let kwnames = st.pop();
            let cls = st.pop();
            let subject = st.pop();
            st.push(ops::matching::match_class(
                vm,
                &subject,
                &cls,
                arg as usize,
                &kwnames,
            )?);
        }
        Op::GET_LEN => {
            let v = st.peek(1).clone();
            st.push(Value::int(ops::len(vm, &v)? as i64));
        }
        Op::COPY_DICT_WITHOUT_KEYS => {
            let keys = st.pop();
            let subject = st.peek(1).clone();
            st.push(ops::matching::dict_without_keys(vm, &subject, &keys)?);
        }
        op => unreachable!("{} is run by the dispatch loop", op.name()),
    }
    Ok(Flow::Next)
}

/// The running generator frame yields `v`, suspended at `ip` with operands up to `sp`:
/// inline (FOR_ITER_GEN) frames hand it to their loop; frames run by `generator::step`
/// leave the dispatch loop with it.
fn yield_from_frame(
    vm: &mut Vm,
    frame: *mut Frame,
    ip: *const std::cell::Cell<Instr>,
    sp: *mut Value,
    v: Value,
) -> Flow {
    // SAFETY: `frame` is the running (top) record.
    unsafe {
        if (*frame).flags & crate::frame::GEN_INLINE != 0 {
            super::gen_inline::yield_value(vm, frame, ip, sp, v);
            return Flow::Left;
        }
    }
    vm.save_generator_frame(frame, ip, sp);
    vm.yielded = true;
    Flow::Return(v)
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

#[cold]
pub(super) fn unbound_local(code: &crate::bytecode::Code, i: u32) -> PyErr {
    let name = as_str(&code.varnames[i as usize]).unwrap_or("?");
    error::unbound_local(format!(
        "cannot access local variable '{name}' where it is not associated with a value"
    ))
}

#[cold]
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

#[cold]
fn unpack_error(got: usize, expected: usize) -> PyErr {
    if got > expected {
        error::value_error(format!("too many values to unpack (expected {expected})"))
    } else {
        error::value_error(format!(
            "not enough values to unpack (expected {expected}, got {got})"
        ))
    }
}
