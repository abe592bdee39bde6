//! Frame and traceback objects (`sys._getframe()`, `exc.__traceback__`, `gi_frame`).
//!
//! The interpreter's frame records are not objects (they live in the frame stack and are
//! never moved), so a frame object is built on request. One made for a running frame
//! remembers which record it shows (its index and locals pointer) and reads the record
//! while that frame runs: `f_lineno` and `f_locals` are current, `f_back` is the caller.
//! Once the frame has returned it keeps what it saw last. A traceback's frames are made
//! from its entries (code, globals, line): their `f_locals` is empty and `f_back` None,
//! the documented difference from CPython.

use crate::builtins::args::Args;
use crate::bytecode::Code;
use crate::error::{self, PyResult};
use crate::object::Header;
use crate::types::dict::DictObj;
use crate::types::exc::{ExcObj, TbEntry};
use crate::types::ext::{ext_ref, new_ext, new_ext_type};
use crate::types::func::{new_code, CellObj, NativeFn};
use crate::types::str::{intern, new_str};
use crate::types::typeobj::type_data_ptr;
use crate::value::Value;
use crate::vm::Vm;
use std::cell::{Cell, OnceCell, RefCell};
use std::rc::Rc;

pub struct FrameData {
    code: Rc<Code>,
    globals: Value,
    /// (frame-stack index, locals pointer) of the running frame shown, until it returns.
    live: Cell<Option<(usize, usize)>>,
    line: Cell<u32>,
    lasti: Cell<u32>,
    /// The locals last seen (NONE: none recorded).
    locals: RefCell<Value>,
}

pub struct TbData {
    frame: Value,
    line: u32,
    lasti: u32,
    next: RefCell<Value>,
    /// The entry it was made from (to rebuild an exception's entries from a chain).
    entry: TbEntry,
}

struct Types {
    frame: *const Header,
    traceback: *const Header,
}

thread_local! {
    static TYPES: OnceCell<&'static Types> = const { OnceCell::new() };
}

fn types() -> &'static Types {
    TYPES.with(|c| {
        *c.get_or_init(|| {
            let frame = new_ext_type(
                "frame",
                "builtins",
                std::ptr::null(),
                &[("__repr__", frame_repr as NativeFn), ("clear", frame_clear)],
            );
            add_getters(
                frame,
                &[
                    ("f_code", f_code),
                    ("f_globals", f_globals),
                    ("f_builtins", f_builtins),
                    ("f_locals", f_locals),
                    ("f_lineno", f_lineno),
                    ("f_lasti", f_lasti),
                    ("f_back", f_back),
                    ("f_trace", f_none),
                    ("f_trace_lines", f_true),
                    ("f_trace_opcodes", f_false),
                ],
            );
            let traceback = new_ext_type("traceback", "builtins", std::ptr::null(), &[]);
            add_getters(
                traceback,
                &[
                    ("tb_frame", tb_frame),
                    ("tb_lineno", tb_lineno),
                    ("tb_lasti", tb_lasti),
                ],
            );
            let next = crate::types::descr::new_property(
                crate::types::func::new_native("tb_next", tb_next),
                crate::types::func::new_native("tb_next", tb_set_next),
                Value::NONE,
                Value::NONE,
            );
            DictObj::set_str(&type_data_ptr(traceback).dict, intern("tb_next"), next);
            Box::leak(Box::new(Types { frame, traceback }))
        })
    })
}

/// Read-only attributes as properties with native getters.
fn add_getters(ty: *const Header, getters: &[(&'static str, NativeFn)]) {
    for (name, f) in getters {
        let p = crate::types::descr::new_property(
            crate::types::func::new_native(name, *f),
            Value::NONE,
            Value::NONE,
            Value::NONE,
        );
        DictObj::set_str(&type_data_ptr(ty).dict, intern(name), p);
    }
}

fn new_frame(data: FrameData) -> Value {
    new_ext(data, types().frame)
}

/// A frame object for the running frame `depth` levels below the top (`sys._getframe`).
pub fn frame_at_depth(vm: &Vm, depth: usize) -> Option<Value> {
    let n = vm.frames.len();
    (depth < n).then(|| frame_for_record(vm, n - 1 - depth))
}

/// A frame object showing frame record `i`.
pub fn frame_for_record(vm: &Vm, i: usize) -> Value {
    let f = &vm.frames[i];
    new_frame(FrameData {
        code: f.code.rc(),
        globals: (*f.globals).clone(),
        live: Cell::new(Some((i, f.fp as usize))),
        line: Cell::new(f.line()),
        lasti: Cell::new(2 * f.current_index() as u32),
        locals: RefCell::new(Value::NONE),
    })
}

/// A frame object for a generator's suspended frame.
pub fn frame_for_generator(code: Rc<Code>, globals: Value, ip: usize, slots: &[Value]) -> Value {
    let line = code
        .lines
        .get(ip.saturating_sub(1))
        .copied()
        .unwrap_or(code.firstlineno);
    let locals = locals_dict(&code, slots);
    new_frame(FrameData {
        code,
        globals,
        live: Cell::new(None),
        line: Cell::new(line),
        lasti: Cell::new(2 * ip.saturating_sub(1) as u32),
        locals: RefCell::new(locals),
    })
}

/// The running record a frame object shows, if that frame still runs.
fn live_record(vm: &Vm, d: &FrameData) -> Option<usize> {
    let (i, fp) = d.live.get()?;
    let f = vm.frames.get(i)?;
    if f.fp as usize == fp && std::ptr::eq(f.code.ptr(), Rc::as_ptr(&d.code)) {
        return Some(i);
    }
    d.live.set(None);
    None
}

/// The locals of a function frame as a dict (unbound names left out, cells read).
fn locals_dict(code: &Code, slots: &[Value]) -> Value {
    let d = DictObj::new_value();
    let nl = code.nlocals();
    for (i, name) in code.varnames.iter().enumerate() {
        if let Some(v) = slots.get(i).filter(|v| !v.is_undef()) {
            DictObj::set_str(&d, name.clone(), v.clone());
        }
    }
    for (j, name) in code.cellvars.iter().chain(code.freevars.iter()).enumerate() {
        let v = slots
            .get(nl + j)
            .and_then(|c| c.downcast::<CellObj>())
            .map(|c| c.v.borrow().clone());
        if let Some(v) = v.filter(|v| !v.is_undef()) {
            DictObj::set_str(&d, name.clone(), v);
        }
    }
    d
}

fn data(args: &[Value]) -> PyResult<&FrameData> {
    args.first()
        .and_then(ext_ref::<FrameData>)
        .ok_or_else(|| error::type_error("descriptor requires a 'frame' object"))
}

fn f_code(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(new_code(data(args)?.code.clone()))
}
fn f_globals(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(data(args)?.globals.clone())
}
fn f_builtins(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(vm.builtins.clone())
}
fn f_lineno(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let d = data(args)?;
    if let Some(i) = live_record(vm, d) {
        d.line.set(vm.frames[i].line());
    }
    Ok(Value::int(d.line.get() as i64))
}
fn f_lasti(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let d = data(args)?;
    if let Some(i) = live_record(vm, d) {
        d.lasti.set(2 * vm.frames[i].current_index() as u32);
    }
    Ok(Value::int(d.lasti.get() as i64))
}
fn f_locals(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let d = data(args)?;
    if let Some(i) = live_record(vm, d) {
        let f = &vm.frames[i];
        let l = if !f.locals.is_none() {
            (*f.locals).clone()
        } else if f.code.flags & crate::bytecode::flags::MODULE != 0 {
            (*f.globals).clone()
        } else {
            let n = f.code.nlocals() + f.code.ncells();
            let slots: Vec<Value> = (0..n).map(|j| f.slot(j).clone()).collect();
            locals_dict(&f.code, &slots)
        };
        *d.locals.borrow_mut() = l;
    }
    let l = d.locals.borrow().clone();
    Ok(if l.is_none() { DictObj::new_value() } else { l })
}
fn f_back(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let d = data(args)?;
    Ok(match live_record(vm, d) {
        Some(i) if i > 0 => frame_for_record(vm, i - 1),
        _ => Value::NONE,
    })
}
fn f_none(_vm: &mut Vm, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    Ok(Value::NONE)
}
fn f_true(_vm: &mut Vm, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    Ok(Value::TRUE)
}
fn f_false(_vm: &mut Vm, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    Ok(Value::FALSE)
}
fn frame_clear(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let d = data(args)?;
    if live_record(vm, d).is_some() {
        return Err(error::runtime_error("cannot clear an executing frame"));
    }
    *d.locals.borrow_mut() = Value::NONE;
    Ok(Value::NONE)
}
fn frame_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let line = f_lineno(vm, args, &[])?;
    let d = data(args)?;
    Ok(new_str(format!(
        "<frame at {:#x}, file {}, line {}, code {}>",
        args[0].ptr() as usize,
        crate::fmt::strrepr::str_repr(&d.code.filename),
        line.as_small_int().unwrap_or(0),
        d.code.name
    )))
}

// ---- tracebacks ----

fn tb(args: &[Value]) -> PyResult<&TbData> {
    args.first()
        .and_then(ext_ref::<TbData>)
        .ok_or_else(|| error::type_error("descriptor requires a 'traceback' object"))
}
fn tb_frame(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(tb(args)?.frame.clone())
}
fn tb_lineno(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(tb(args)?.line as i64))
}
fn tb_lasti(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(tb(args)?.lasti as i64))
}
fn tb_next(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(tb(args)?.next.borrow().clone())
}
fn tb_set_next(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let t = tb(args)?;
    let v = args.get(1).cloned().unwrap_or(Value::NONE);
    if !v.is_none() && ext_ref::<TbData>(&v).is_none() {
        return Err(error::type_error(format!(
            "expected traceback object or None, got '{}'",
            crate::types::type_name(&v)
        )));
    }
    // A loop would make the chain infinite.
    let mut cur = v.clone();
    while let Some(x) = ext_ref::<TbData>(&cur) {
        if cur.is(&args[0]) {
            return Err(error::value_error("traceback loop detected"));
        }
        let n = x.next.borrow().clone();
        cur = n;
    }
    *t.next.borrow_mut() = v;
    Ok(Value::NONE)
}

fn tb_object(e: &TbEntry, next: Value) -> Value {
    let frame = new_frame(FrameData {
        code: e.code.clone(),
        globals: e.globals.clone(),
        live: Cell::new(None),
        line: Cell::new(e.line),
        lasti: Cell::new(2 * e.instr),
        locals: RefCell::new(Value::NONE),
    });
    new_ext(
        TbData {
            frame,
            line: e.line,
            lasti: 2 * e.instr,
            next: RefCell::new(next),
            entry: e.clone(),
        },
        types().traceback,
    )
}

/// `exc.__traceback__`: the chain for the exception's entries (outermost frame first),
/// extended as new entries are added and otherwise the same objects each time.
pub fn traceback_of(x: &ExcObj) -> Value {
    let entries = x.traceback.borrow();
    let mut cache = x.tb_cache.borrow_mut();
    if cache.0 > entries.len() {
        *cache = (0, Value::NONE);
    }
    while cache.0 < entries.len() {
        let head = tb_object(&entries[cache.0], cache.1.clone());
        *cache = (cache.0 + 1, head);
    }
    cache.1.clone()
}

/// `exc.__traceback__ = tb` / `exc.with_traceback(tb)`.
pub fn set_traceback(x: &ExcObj, tb: &Value) -> PyResult<()> {
    let mut entries = vec![];
    let mut cur = tb.clone();
    if !tb.is_none() && ext_ref::<TbData>(tb).is_none() {
        return Err(error::type_error(
            "__traceback__ must be a traceback or None",
        ));
    }
    while let Some(t) = ext_ref::<TbData>(&cur) {
        entries.push(t.entry.clone());
        let n = t.next.borrow().clone();
        cur = n;
    }
    entries.reverse();
    let n = entries.len();
    *x.traceback.borrow_mut() = entries;
    *x.tb_cache.borrow_mut() = (n, tb.clone());
    Ok(())
}

/// `BaseException.with_traceback(tb)`.
pub fn with_traceback(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("with_traceback", args, kw);
    a.check(2, 2, &[])?;
    let x = crate::types::exc::as_exc(&a.pos[0])
        .ok_or_else(|| error::type_error("descriptor 'with_traceback' requires an exception"))?;
    set_traceback(x, &a.pos[1])?;
    Ok(a.pos[0].clone())
}
