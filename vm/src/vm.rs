//! The virtual machine: the per-thread value stack, the frame stack, calls from Rust and
//! argument binding. The bytecode loop itself lives in `interp/`.
//!
//! A frame's window on the value stack starts at its record's `fp`: `nlocals` locals,
//! then the cell objects, then the operand stack (at most `code.stacksize` slots). The
//! stack is allocated once and never moves, so compiled code addresses a frame's slots as
//! `fp + 8 * offset`.

use crate::bytecode::{flags, Code};
use crate::error::{self, PyErr, PyResult};
use crate::types::dict::DictObj;
use crate::types::exc::{as_exc, TbEntry};
use crate::types::func::{CellObj, FunctionObj};
use crate::types::module::new_module;
use crate::types::str::{as_str, intern};
use crate::types::tuple::{as_tuple, new_tuple};
use crate::types::typeobj::tt;
use crate::value::Value;
use std::io::Write;
use std::rc::Rc;

/// Value-stack capacity in slots (64 MiB of address space, committed lazily by the OS).
pub const STACK_SLOTS: usize = 8 << 20;
/// Frame-record capacity (80 MiB of address space, committed lazily): the deepest
/// recursion any recursion limit allows.
pub const FRAME_RECORDS: usize = 1 << 20;

pub use crate::frame::{Borrowed, CodeRef, Frame, FrameStack, ENTRY};

pub struct Options {
    /// Print runtime statistics at exit (`--stats`).
    pub stats: bool,
    /// The command line and environment settings (sys.flags, sys.path, ...).
    pub config: crate::config::Config,
    /// Form superinstructions when code is first run (`-X superinstructions=off`).
    pub superinstructions: bool,
    /// Back-edge and function-entry executions before a loop or function counts as hot
    /// (`-X jit-threshold=N`; tier 2 attaches here).
    pub hot_threshold: u16,
}

pub struct Vm {
    pub stack: crate::stack::ValueStack,
    pub frames: FrameStack,
    pub builtins: Value,
    /// `sys.modules` (a dict): the one registry of imported modules.
    pub modules: Value,
    pub recursion_limit: usize,
    pub argv: Vec<String>,
    pub out: crate::stdio::StdOut,
    /// Set when the program asked to end (SystemExit), so `-i` does not start the prompt.
    pub exiting: bool,
    pub script_dir: Option<std::path::PathBuf>,
    pub options: Options,
    /// Set by YIELD_VALUE: the entry frame suspended rather than returned.
    pub yielded: bool,
    /// The exception being handled (`except` / `finally` bodies), or NONE.
    pub exc_info: Value,
    /// Set by RERAISE: the error in flight adds no traceback entry for this frame.
    pub reraising: bool,
    /// The return value of a finished `yield from` delegation (read by YIELD_FROM).
    pub delegate_result: Value,
    /// Tier 1 quickening enabled (`-X specialize=off` clears it).
    pub tier1: bool,
    pub stats: crate::tier1::Stats,
    /// `sys.set_asyncgen_hooks`: (firstiter, finalizer), None when unset.
    pub asyncgen_hooks: (Value, Value),
    /// The main module's code (kept for `--dump=quickened`).
    pub main_code: Option<Rc<Code>>,
    /// Tier 2 (`-X jit=uops|on`), installed by the binary; None runs tier 1 only.
    pub tier2: Option<Box<dyn crate::tier2::Tier2>>,
    /// The builtin types (cached here: `tt()` is a thread-local lookup).
    pub tt: &'static crate::types::typeobj::TypeTable,
}

impl Vm {
    pub fn new(argv: Vec<String>) -> Vm {
        let _ = tt();
        let stack = crate::stack::ValueStack::new(STACK_SLOTS);
        let mut vm = Vm {
            stack,
            frames: FrameStack::new(FRAME_RECORDS, 1000),
            builtins: Value::NONE,
            modules: DictObj::new_value(),
            recursion_limit: 1000,
            argv,
            out: crate::stdio::StdOut::new(1),
            exiting: false,
            script_dir: None,
            options: Options {
                stats: false,
                config: crate::config::Config::default(),
                superinstructions: true,
                hot_threshold: crate::bytecode::HOT_THRESHOLD,
            },
            yielded: false,
            exc_info: Value::NONE,
            reraising: false,
            delegate_result: Value::NONE,
            tier1: true,
            stats: crate::tier1::Stats::new(),
            asyncgen_hooks: (Value::NONE, Value::NONE),
            main_code: None,
            tier2: None,
            tt: tt(),
        };
        vm.builtins = crate::builtins::make_builtins_module(&mut vm);
        vm
    }

    pub fn flush(&mut self) {
        let _ = self.out.flush();
    }

    /// `sys.setrecursionlimit`.
    pub fn set_recursion_limit(&mut self, n: usize) {
        self.recursion_limit = n;
        self.frames.set_limit(n);
    }

    /// Where a frame started from Rust begins: above everything the running frame uses.
    pub fn free_slot(&self) -> *mut Value {
        match self.frames.last() {
            Some(f) => f.window_end(),
            None => self.stack.base(),
        }
    }

    /// Runs a module's code with a fresh `__main__` namespace.
    pub fn run_main(&mut self, code: Rc<Code>) -> PyResult<Value> {
        let globals = DictObj::new_value();
        DictObj::set_str(&globals, intern("__builtins__"), self.builtins.clone());
        let m = new_module("__main__", globals.clone());
        DictObj::set_str(&self.modules, intern("__main__"), m);
        self.run_code(code, globals)
    }

    /// Runs module-level code in `globals`.
    pub fn run_code(&mut self, code: Rc<Code>, globals: Value) -> PyResult<Value> {
        self.run_code_with_locals(code, globals.clone(), globals)
    }

    /// Runs module-level code (exec/eval) with explicit globals and locals mappings.
    pub fn run_code_with_locals(
        &mut self,
        code: Rc<Code>,
        globals: Value,
        locals: Value,
    ) -> PyResult<Value> {
        let fp = self.free_slot();
        let f = self.push_frame(&code, &Value::NONE, &globals, fp, 0)?;
        // SAFETY: `f` is the record just pushed; `code`, `globals` and `locals` outlive the
        // frame (they are held here until it returns).
        unsafe {
            (*f).flags |= ENTRY;
            if !locals.is(&globals) {
                (*f).locals = Borrowed::of(&locals);
            }
        }
        self.run_frame()
    }

    /// Runs a class body (`body` is the function made from it) with `ns` as its namespace.
    pub fn run_class_body(&mut self, body: &Value, f: &FunctionObj, ns: Value) -> PyResult<()> {
        let fp = self.free_slot();
        let fr = self.push_frame(&f.code, body, &f.globals, fp, 0)?;
        // SAFETY: as in `run_code_with_locals`; `ns` is held until the body returns.
        unsafe {
            (*fr).flags |= ENTRY;
            (*fr).locals = Borrowed::of(&ns);
        }
        self.run_frame()?;
        Ok(())
    }

    /// Pushes a frame for `code` whose locals start at `fp`. The first `written` locals
    /// hold values already (the arguments); the rest are set to UNDEF, and the cells are
    /// created. `code`, `func` and `globals` must outlive the frame (the record borrows
    /// them). On error nothing is pushed and the written locals are released.
    pub fn push_frame(
        &mut self,
        code: &Rc<Code>,
        func: &Value,
        globals: &Value,
        fp: *mut Value,
        written: usize,
    ) -> PyResult<*mut Frame> {
        let fail = |e: PyErr| {
            // SAFETY: `[fp, fp + written)` hold the caller's values; release them.
            unsafe {
                for i in 0..written {
                    std::ptr::drop_in_place(fp.add(i));
                }
            }
            Err(e)
        };
        if let Err(e) = crate::signals::check() {
            return fail(e);
        }
        if self.frames.full() {
            return fail(error::recursion_error("maximum recursion depth exceeded"));
        }
        if !self.stack.fits(fp, code.frame_size() + 1) {
            return fail(error::recursion_error(
                "maximum recursion depth exceeded (value stack exhausted)",
            ));
        }
        if !code.prepared.get() {
            code.prepare(&self.options, self.tier1);
        }
        // SAFETY: the window is inside the stack (checked above); the arguments are
        // written and the rest of the window holds nothing.
        unsafe { crate::frame::init_slots(code, func, fp, written) };
        let f = Frame::new(
            CodeRef::of(code),
            Borrowed::of(func),
            Borrowed::of(globals),
            fp,
        );
        Ok(self.frames.push(f))
    }

    /// Pops the top frame, releasing its locals, cells and leftover operands.
    pub fn pop_frame(&mut self) {
        let f = self.frames.top();
        // SAFETY: the record is the synced top frame; `[fp, sp)` hold owned values.
        unsafe {
            let mut p = (*f).fp;
            while p < (*f).sp {
                std::ptr::drop_in_place(p);
                p = p.add(1);
            }
        }
        self.frames.pop();
    }

    /// Calls any callable from Rust.
    pub fn call(&mut self, callable: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
        if let Some(f) = callable.downcast::<FunctionObj>() {
            let fp = self.free_slot();
            self.bind_args(callable, f, args, kwnames, fp)?;
            let is_gen = f.code.flags & crate::bytecode::flags::GENERATOR != 0;
            let fr = self.push_frame(&f.code, callable, &f.globals, fp, f.code.nlocals())?;
            if is_gen {
                return Ok(self.suspend_new_generator());
            }
            // SAFETY: the record just pushed.
            unsafe { (*fr).flags |= ENTRY };
            return self.run_frame();
        }
        crate::call::call_non_function(self, callable, args, kwnames)
    }

    pub fn call0(&mut self, callable: &Value) -> PyResult<Value> {
        self.call(callable, &[], &[])
    }
    pub fn call1(&mut self, callable: &Value, a: Value) -> PyResult<Value> {
        self.call(callable, &[a], &[])
    }

    /// Writes the function's parameters into the (empty) stack slots starting at `fp`:
    /// all `nlocals` locals hold values afterwards (UNDEF where unbound). On error the
    /// slots are empty again. `args` = positional arguments followed by keyword values
    /// named by `kwnames`.
    pub fn bind_args(
        &mut self,
        fv: &Value,
        f: &FunctionObj,
        args: &[Value],
        kwnames: &[Value],
        fp: *mut Value,
    ) -> PyResult<()> {
        let nl = f.code.nlocals();
        if !self.stack.fits(fp, f.code.frame_size() + 1) {
            return Err(error::recursion_error(
                "maximum recursion depth exceeded (value stack exhausted)",
            ));
        }
        // SAFETY: inside the stack (checked) and above every live frame's values, so the
        // slots hold nothing: initialise them, bind, and release them again on error.
        let slots = unsafe {
            for i in 0..nl {
                fp.add(i).write(Value::UNDEF);
            }
            std::slice::from_raw_parts_mut(fp, nl)
        };
        let r = bind_into(slots, fv, f, args, kwnames);
        if r.is_err() {
            // SAFETY: the slots hold values written above; release them.
            unsafe { std::ptr::drop_in_place(slots as *mut [Value]) };
        }
        r
    }
}

/// `Vm::bind_args` into initialised slots.
fn bind_into(
    slots: &mut [Value],
    fv: &Value,
    f: &FunctionObj,
    args: &[Value],
    kwnames: &[Value],
) -> PyResult<()> {
    let code = &*f.code;
    let argcount = code.argcount as usize;
    let npos = args.len() - kwnames.len();
    // Fast path: exact positional call.
    if kwnames.is_empty()
        && npos == argcount
        && code.flags & (flags::VARARGS | flags::VARKW) == 0
        && code.kwonlyargcount == 0
    {
        for (s, a) in slots.iter_mut().zip(args) {
            *s = a.clone();
        }
        return Ok(());
    }
    // The function's `__qualname__` (namedtuple renames its `__new__`).
    let qual = || match as_str(&f.qualname.borrow()) {
        Some(q) => format!("{q}()"),
        None => format!("{}()", code.qualname),
    };
    let kwonly = code.kwonlyargcount as usize;
    let has_varargs = code.flags & flags::VARARGS != 0;
    let has_varkw = code.flags & flags::VARKW != 0;
    for (i, a) in args[..npos.min(argcount)].iter().enumerate() {
        slots[i] = a.clone();
    }
    let mut vi = argcount + kwonly;
    if has_varargs {
        let extra: Vec<Value> = if npos > argcount {
            args[argcount..npos].to_vec()
        } else {
            vec![]
        };
        slots[vi] = new_tuple(extra);
        vi += 1;
    } else if npos > argcount {
        let ndef = as_tuple(&f.defaults.borrow()).map_or(0, |d| d.len());
        let kw_given = kwnames
            .iter()
            .filter(|k| {
                code.varnames[..argcount]
                    .iter()
                    .any(|v| v.is(k) || as_str(v) == as_str(k))
            })
            .count();
        let takes = if ndef > 0 {
            format!(
                "from {} to {} positional arguments",
                argcount - ndef,
                argcount
            )
        } else {
            format!(
                "{} positional argument{}",
                argcount,
                if argcount == 1 { "" } else { "s" }
            )
        };
        let given = if kw_given > 0 {
            format!(
                "{} positional argument{} (and {} keyword-only argument{}) were given",
                npos,
                if npos == 1 { "" } else { "s" },
                kw_given,
                if kw_given == 1 { "" } else { "s" }
            )
        } else {
            format!("{} {} given", npos, if npos == 1 { "was" } else { "were" })
        };
        return Err(error::type_error(format!(
            "{} takes {} but {}",
            qual(),
            takes,
            given
        )));
    }
    let kwdict = if has_varkw {
        let d = DictObj::new_value();
        slots[vi] = d.clone();
        Some(d)
    } else {
        None
    };
    for (k, v) in kwnames.iter().zip(&args[npos..]) {
        let name = as_str(k).unwrap_or("");
        let pos = code.varnames[code.posonlyargcount as usize..argcount + kwonly]
            .iter()
            .position(|n| n.is(k) || as_str(n) == Some(name))
            .map(|p| p + code.posonlyargcount as usize);
        match pos {
            Some(p) => {
                if !slots[p].is_undef() {
                    return Err(error::type_error(format!(
                        "{} got multiple values for argument '{}'",
                        qual(),
                        name
                    )));
                }
                slots[p] = v.clone();
            }
            None => match &kwdict {
                Some(d) => DictObj::set_str(d, k.clone(), v.clone()),
                None => {
                    if code.varnames[..code.posonlyargcount as usize]
                        .iter()
                        .any(|n| as_str(n) == Some(name))
                    {
                        return Err(error::type_error(format!(
                                "{} got some positional-only arguments passed as keyword arguments: '{}'",
                                qual(),
                                name
                            )));
                    }
                    return Err(error::type_error(format!(
                        "{} got an unexpected keyword argument '{}'",
                        qual(),
                        name
                    )));
                }
            },
        }
    }
    // Defaults for missing positional parameters.
    let defaults_v = f.defaults.borrow().clone();
    let defaults = as_tuple(&defaults_v).unwrap_or(&[]);
    let first_default = argcount - defaults.len();
    let mut missing = vec![];
    for i in 0..argcount {
        if slots[i].is_undef() {
            if i >= first_default {
                slots[i] = defaults[i - first_default].clone();
            } else {
                missing.push(as_str(&code.varnames[i]).unwrap_or("?").to_string());
            }
        }
    }
    if !missing.is_empty() {
        return Err(error::type_error(format!(
            "{} missing {} required positional argument{}: {}",
            qual(),
            missing.len(),
            if missing.len() == 1 { "" } else { "s" },
            name_list(&missing)
        )));
    }
    for i in argcount..argcount + kwonly {
        if slots[i].is_undef() {
            let kwd = f.kwdefaults.borrow().clone();
            let d = if kwd.is_none() {
                None
            } else {
                DictObj::get_str(&kwd, &code.varnames[i])
            };
            match d {
                Some(v) => slots[i] = v,
                None => missing.push(as_str(&code.varnames[i]).unwrap_or("?").to_string()),
            }
        }
    }
    if !missing.is_empty() {
        return Err(error::type_error(format!(
            "{} missing {} required keyword-only argument{}: {}",
            qual(),
            missing.len(),
            if missing.len() == 1 { "" } else { "s" },
            name_list(&missing)
        )));
    }
    let _ = fv;
    Ok(())
}

impl Vm {
    /// Records where an exception passed through the current frame.
    pub fn add_traceback(&self, e: &PyErr, frame: &Frame) {
        if let Some(x) = as_exc(&e.0) {
            x.traceback.borrow_mut().push(TbEntry {
                code: frame.code.rc(),
                line: frame.line(),
                instr: frame.current_index() as u32,
                globals: (*frame.globals).clone(),
            });
        }
    }

    /// Reads a cell of the current frame.
    pub fn cell_at<'a>(&self, frame: &'a Frame, i: usize) -> &'a CellObj {
        frame
            .slot(frame.code.nlocals() + i)
            .downcast::<CellObj>()
            .expect("cell")
    }
}

/// `'a'`, `'a' and 'b'`, `'a', 'b', and 'c'` as in CPython's argument errors.
fn name_list(names: &[String]) -> String {
    let q: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match q.len() {
        1 => q[0].clone(),
        2 => format!("{} and {}", q[0], q[1]),
        n => format!("{}, and {}", q[..n - 1].join(", "), q[n - 1]),
    }
}
