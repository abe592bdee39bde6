//! Generators: a suspended frame saved off the value stack.
//!
//! On `yield` the frame's slots (locals, cells, operand stack) are moved into the generator
//! object and the frame is popped; resuming copies them back on top of the caller's stack
//! and runs the frame as an entry frame. Saving costs one move per live slot.

use crate::bytecode::Code;
use crate::error::{self, PyResult};
use crate::object::{alloc_obj, Kind, Payload};
use crate::types::tt;
use crate::value::Value;
use crate::vm::{Frame, Vm};
use std::cell::RefCell;
use std::rc::Rc;

pub struct GenInner {
    pub slots: Vec<Value>,
    pub ip: usize,
    pub started: bool,
    pub running: bool,
    pub done: bool,
}

pub struct GenObj {
    pub code: Rc<Code>,
    pub func: Value,
    pub globals: Value,
    pub inner: RefCell<GenInner>,
}
impl Payload for GenObj {
    const KIND: Kind = Kind::Generator;
}

impl Vm {
    /// Turns the frame just pushed for a generator function into a generator object.
    pub fn suspend_new_generator(&mut self) -> Value {
        let f = self.frames.last().unwrap();
        let (base, sp) = (f.base, f.sp);
        let slots: Vec<Value> = (base..sp)
            .map(|i| std::mem::replace(&mut self.stack[i], Value::UNDEF))
            .collect();
        let f = self.pop_frame();
        alloc_obj(
            GenObj {
                code: f.code,
                func: f.func,
                globals: f.globals,
                inner: RefCell::new(GenInner {
                    slots,
                    ip: 0,
                    started: false,
                    running: false,
                    done: false,
                }),
            },
            tt().generator,
        )
    }

    /// Saves the running generator frame at a `yield` (called by YIELD_VALUE).
    pub fn save_generator_frame(&mut self, frame_idx: usize, ip: usize, sp: usize) {
        let f = &self.frames[frame_idx];
        let g = f.gen.clone();
        let base = f.base;
        let gen = g.downcast::<GenObj>().expect("generator frame");
        let slots: Vec<Value> = (base..sp)
            .map(|i| std::mem::replace(&mut self.stack[i], Value::UNDEF))
            .collect();
        let mut inner = gen.inner.borrow_mut();
        inner.slots = slots;
        inner.ip = ip;
        self.frames[frame_idx].sp = base;
    }
}

/// Resumes a generator with `sent`; Ok(None) when it finished.
pub fn resume(vm: &mut Vm, genv: &Value, sent: Value) -> PyResult<Option<Value>> {
    let gen = genv.downcast::<GenObj>().expect("generator");
    let (slots, ip, started) = {
        let mut inner = gen.inner.borrow_mut();
        if inner.done {
            return Ok(None);
        }
        if inner.running {
            return Err(error::value_error("generator already executing"));
        }
        if !inner.started && !sent.is_none() {
            return Err(error::type_error(
                "can't send non-None value to a just-started generator",
            ));
        }
        inner.running = true;
        let started = inner.started;
        inner.started = true;
        (std::mem::take(&mut inner.slots), inner.ip, started)
    };
    if vm.frames.len() >= vm.recursion_limit {
        gen.inner.borrow_mut().running = false;
        return Err(error::recursion_error("maximum recursion depth exceeded"));
    }
    let base = vm.frames.last().map(|f| f.sp).unwrap_or(0);
    if base + gen.code.frame_size() + 1 >= vm.stack.len() {
        gen.inner.borrow_mut().running = false;
        return Err(error::recursion_error(
            "maximum recursion depth exceeded (value stack exhausted)",
        ));
    }
    let mut sp = base;
    for v in slots {
        vm.stack[sp] = v;
        sp += 1;
    }
    if started {
        vm.stack[sp] = sent;
        sp += 1;
    }
    vm.frames.push(Frame {
        code: gen.code.clone(),
        func: gen.func.clone(),
        globals: gen.globals.clone(),
        base,
        sp,
        ip,
        is_entry: true,
        caller_sp: base,
        gen: genv.clone(),
    });
    vm.yielded = false;
    let r = vm.run_frame();
    let yielded = std::mem::replace(&mut vm.yielded, false);
    let mut inner = gen.inner.borrow_mut();
    inner.running = false;
    match r {
        Ok(v) if yielded => Ok(Some(v)),
        Ok(_) => {
            inner.done = true;
            inner.slots.clear();
            Ok(None)
        }
        Err(e) => {
            inner.done = true;
            inner.slots.clear();
            Err(e)
        }
    }
}
