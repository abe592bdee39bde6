//! The virtual machine: the per-thread value stack, the frame stack, calls and argument
//! binding. The bytecode loop itself lives in `interp.rs`.
//!
//! Frame layout on the value stack (indices relative to `Frame::base`):
//! `[0, nlocals)` locals, `[nlocals, nlocals+ncells)` cell objects, then the operand stack.
//! The stack is allocated once and never moves, so compiled code can address a frame's
//! slots as `stack_ptr + 8 * (base + offset)`.

use crate::bytecode::{flags, Code};
use crate::error::{self, PyErr, PyResult};
use crate::types::dict::DictObj;
use crate::types::exc::{as_exc, TbEntry};
use crate::types::func::{new_cell, CellObj, FunctionObj};
use crate::types::module::new_module;
use crate::types::str::{as_str, intern};
use crate::types::tuple::{as_tuple, new_tuple};
use crate::types::typeobj::tt;
use crate::value::Value;
use std::io::Write;
use std::rc::Rc;

/// Value-stack capacity in slots (64 MiB of address space, committed lazily by the OS).
pub const STACK_SLOTS: usize = 8 << 20;

pub struct Frame {
    pub code: Rc<Code>,
    /// The function being run (NONE for module code).
    pub func: Value,
    pub globals: Value,
    /// First slot of this frame on the value stack.
    pub base: usize,
    /// Absolute index of the next free operand-stack slot.
    pub sp: usize,
    /// Index of the next instruction.
    pub ip: usize,
    /// Returning from this frame returns from `run_frame` to Rust.
    pub is_entry: bool,
    /// Caller's stack pointer to restore on return (the callable's slot).
    pub caller_sp: usize,
    /// The generator this frame belongs to, or NONE.
    pub gen: Value,
    /// Class bodies: the namespace dict LOAD_NAME/STORE_NAME use before globals; else NONE.
    pub locals: Value,
}

impl Frame {
    pub fn stack_base(&self) -> usize {
        self.base + self.code.nlocals() + self.code.ncells()
    }
}

pub struct Options {
    /// Print specialization statistics at exit (tier 1, later issues).
    pub stats: bool,
    /// The command line and environment settings (sys.flags, sys.path, ...).
    pub config: crate::config::Config,
}

pub struct Vm {
    pub stack: crate::stack::ValueStack,
    pub frames: Vec<Frame>,
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
    /// The builtin types (cached here: `tt()` is a thread-local lookup).
    pub tt: &'static crate::types::typeobj::TypeTable,
}

impl Vm {
    pub fn new(argv: Vec<String>) -> Vm {
        let _ = tt();
        let stack = crate::stack::ValueStack::new(STACK_SLOTS);
        let mut vm = Vm {
            stack,
            frames: Vec::with_capacity(64),
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
            },
            yielded: false,
            exc_info: Value::NONE,
            reraising: false,
            delegate_result: Value::NONE,
            tier1: true,
            stats: crate::tier1::Stats::new(),
            tt: tt(),
        };
        vm.builtins = crate::builtins::make_builtins_module(&mut vm);
        vm
    }

    pub fn flush(&mut self) {
        let _ = self.out.flush();
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
        let base = self.frames.last().map(|f| f.sp).unwrap_or(0);
        self.push_frame(code, Value::NONE, globals, base)?;
        self.frames.last_mut().unwrap().is_entry = true;
        self.run_frame()
    }

    /// Runs module-level code (exec/eval) with explicit globals and locals mappings.
    pub fn run_code_with_locals(
        &mut self,
        code: Rc<Code>,
        globals: Value,
        locals: Value,
    ) -> PyResult<Value> {
        let base = self.frames.last().map(|f| f.sp).unwrap_or(0);
        self.push_frame(code, Value::NONE, globals.clone(), base)?;
        let fr = self.frames.last_mut().unwrap();
        fr.is_entry = true;
        if !locals.is(&globals) {
            fr.locals = locals;
        }
        self.run_frame()
    }

    /// Runs a class body (`body` is the function made from it) with `ns` as its namespace.
    pub fn run_class_body(&mut self, body: &Value, f: &FunctionObj, ns: Value) -> PyResult<()> {
        let base = self.frames.last().map(|f| f.sp).unwrap_or(0);
        self.push_frame(f.code.clone(), body.clone(), f.globals.clone(), base)?;
        let fr = self.frames.last_mut().unwrap();
        fr.is_entry = true;
        fr.locals = ns;
        self.run_frame()?;
        Ok(())
    }

    /// Pushes a frame at `base` whose locals have already been written (or are UNDEF).
    pub fn push_frame(
        &mut self,
        code: Rc<Code>,
        func: Value,
        globals: Value,
        base: usize,
    ) -> PyResult<()> {
        crate::signals::check()?;
        if self.frames.len() >= self.recursion_limit {
            return Err(error::recursion_error("maximum recursion depth exceeded"));
        }
        let size = code.frame_size();
        if !self.stack.ensure(base + size + 1) {
            return Err(error::recursion_error(
                "maximum recursion depth exceeded (value stack exhausted)",
            ));
        }
        let nl = code.nlocals();
        // Cells: fresh ones for cellvars (seeded from parameters), closure cells for freevars.
        let ncell = code.cellvars.len();
        for i in 0..ncell {
            let init = match code.cell2arg[i] {
                Some(a) => std::mem::replace(&mut self.stack[base + a as usize], Value::UNDEF),
                None => Value::UNDEF,
            };
            self.stack[base + nl + i] = new_cell(init);
        }
        if !code.freevars.is_empty() {
            let f = func
                .downcast::<FunctionObj>()
                .expect("closure needs a function");
            let cells = as_tuple(&f.closure).expect("closure tuple");
            for (i, c) in cells.iter().enumerate() {
                self.stack[base + nl + ncell + i] = c.clone();
            }
        }
        let sp = base + nl + code.ncells();
        self.frames.push(Frame {
            code,
            func,
            globals,
            base,
            sp,
            ip: 0,
            is_entry: false,
            caller_sp: base,
            gen: Value::NONE,
            locals: Value::NONE,
        });
        Ok(())
    }

    /// Clears a finished frame's slots (locals, cells, leftover operands).
    pub fn pop_frame(&mut self) -> Frame {
        let f = self.frames.pop().unwrap();
        for slot in &mut self.stack[f.base..f.sp] {
            *slot = Value::UNDEF;
        }
        f
    }

    /// Calls any callable from Rust.
    pub fn call(&mut self, callable: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
        if let Some(f) = callable.downcast::<FunctionObj>() {
            let base = self.frames.last().map(|f| f.sp).unwrap_or(0);
            let code = f.code.clone();
            let globals = f.globals.clone();
            self.bind_args(callable, f, args, kwnames, base)?;
            let is_gen = code.flags & crate::bytecode::flags::GENERATOR != 0;
            self.push_frame(code, callable.clone(), globals, base)?;
            if is_gen {
                return Ok(self.suspend_new_generator());
            }
            self.frames.last_mut().unwrap().is_entry = true;
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

    /// Writes the function's parameters into the stack slots starting at `base`.
    /// `args` = positional arguments followed by keyword values named by `kwnames`.
    pub fn bind_args(
        &mut self,
        fv: &Value,
        f: &FunctionObj,
        args: &[Value],
        kwnames: &[Value],
        base: usize,
    ) -> PyResult<()> {
        let code = &*f.code;
        let nl = code.nlocals();
        if !self.stack.ensure(base + code.frame_size() + 1) {
            return Err(error::recursion_error(
                "maximum recursion depth exceeded (value stack exhausted)",
            ));
        }
        let argcount = code.argcount as usize;
        let npos = args.len() - kwnames.len();
        let slots = &mut self.stack[base..base + nl];
        // Fast path: exact positional call.
        if kwnames.is_empty()
            && npos == argcount
            && code.flags & (flags::VARARGS | flags::VARKW) == 0
            && code.kwonlyargcount == 0
        {
            for (s, a) in slots.iter_mut().zip(args) {
                *s = a.clone();
            }
            for s in &mut slots[argcount..] {
                *s = Value::UNDEF;
            }
            return Ok(());
        }
        for s in slots.iter_mut() {
            *s = Value::UNDEF;
        }
        let qual = || format!("{}()", code.qualname);
        let kwonly = code.kwonlyargcount as usize;
        let has_varargs = code.flags & flags::VARARGS != 0;
        let has_varkw = code.flags & flags::VARKW != 0;
        for (i, a) in args[..npos.min(argcount)].iter().enumerate() {
            self.stack[base + i] = a.clone();
        }
        let mut vi = argcount + kwonly;
        if has_varargs {
            let extra: Vec<Value> = if npos > argcount {
                args[argcount..npos].to_vec()
            } else {
                vec![]
            };
            self.stack[base + vi] = new_tuple(extra);
            vi += 1;
        } else if npos > argcount {
            let ndef = as_tuple(&f.defaults).map_or(0, |d| d.len());
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
            self.stack[base + vi] = d.clone();
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
                    if !self.stack[base + p].is_undef() {
                        return Err(error::type_error(format!(
                            "{} got multiple values for argument '{}'",
                            qual(),
                            name
                        )));
                    }
                    self.stack[base + p] = v.clone();
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
        let defaults = as_tuple(&f.defaults).unwrap_or(&[]);
        let first_default = argcount - defaults.len();
        let mut missing = vec![];
        for i in 0..argcount {
            if self.stack[base + i].is_undef() {
                if i >= first_default {
                    self.stack[base + i] = defaults[i - first_default].clone();
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
            if self.stack[base + i].is_undef() {
                let d = if f.kwdefaults.is_none() {
                    None
                } else {
                    DictObj::get_str(&f.kwdefaults, &code.varnames[i])
                };
                match d {
                    Some(v) => self.stack[base + i] = v,
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

    /// Records where an exception passed through the current frame.
    pub fn add_traceback(&self, e: &PyErr, frame: &Frame) {
        if let Some(x) = as_exc(&e.0) {
            let ip = frame.ip.saturating_sub(1);
            let line = frame
                .code
                .lines
                .get(ip)
                .copied()
                .unwrap_or(frame.code.firstlineno);
            x.traceback.borrow_mut().push(TbEntry {
                code: frame.code.clone(),
                line,
                instr: ip as u32,
                globals: frame.globals.clone(),
            });
        }
    }

    /// Reads a cell of the current frame.
    pub fn cell_at(&self, frame: &Frame, i: usize) -> &CellObj {
        self.stack[frame.base + frame.code.nlocals() + i]
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
