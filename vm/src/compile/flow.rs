//! Exception handling and the statements that leave blocks early.
//!
//! Protected regions are not explicit instructions: while a `try` body (or `with` body, or
//! handler) is being compiled, the block is on `Unit::fblocks`, and every emitted
//! instruction records the innermost active handler. `pop_unit` turns those records into
//! the code object's exception table. `return`, `break` and `continue` unwind the blocks
//! they leave at compile time: they run `finally` bodies inline, call `__exit__`, and
//! restore the handled exception, as CPython does.
//!
//! Stack shapes (d = the statement-level depth where the construct starts):
//! - `try` handler entry: `[exc]` at d, then PUSH_EXC_INFO gives `[prev, exc]`;
//! - inside an `except` body: `[prev]`; inside the exceptional `finally` copy: `[prev, exc]`;
//! - `with` body: `[exit]`; its handler: `[exit, prev, exc]`.
//!
//! Every handler region is covered by a cleanup handler (`SWAP 2; POP_EXCEPT; RERAISE`) so
//! an exception escaping it restores the previously handled exception first.

use super::{CompileError, Compiler, NameCtx};
use crate::bytecode::Op;
use crate::value::Value;
use ruff_python_ast::{self as ast, Stmt};

/// A label: an instruction index fixed once the label is bound.
pub(crate) type Label = u32;

/// A block that `return`/`break`/`continue` may leave.
#[derive(Clone)]
pub(crate) enum FBlock {
    /// A loop; `is_for` loops keep their iterator on the stack.
    Loop { is_for: bool },
    /// A `try` body with `except` clauses.
    TryExcept { handler: Label, depth: u32 },
    /// A `try` body (and its except clauses) with a `finally`.
    TryFinally {
        body: Vec<Stmt>,
        handler: Label,
        depth: u32,
    },
    /// Matching code of an `except` handler: `[prev, exc]`.
    HandlerDispatch { handler: Label, depth: u32 },
    /// The body of an `except` clause: `[prev]`; `name` is unbound on exit.
    HandlerBody {
        name: Option<String>,
        handler: Label,
        depth: u32,
    },
    /// The `finally` body run for an exception: `[prev, exc]`.
    FinallyEnd { handler: Label, depth: u32 },
    /// A `with` body: `[exit]`; `is_async` for `async with` (the exit is awaited).
    With {
        handler: Label,
        depth: u32,
        is_async: bool,
    },
    /// The exceptional exit of a `with`: `[exit, prev, exc]`.
    WithExcept { handler: Label, depth: u32 },
    /// The `__anext__` await of an `async for`: its handler ends the loop.
    AsyncNext { handler: Label, depth: u32 },
    /// A `finally` body run by `return`: `[retval]`, dropped if the body itself leaves
    /// (`continue`, `break` or another `return` in the `finally`).
    PopValue,
}

impl FBlock {
    pub(crate) fn handler(&self) -> Option<(Label, u32)> {
        match self {
            FBlock::Loop { .. } | FBlock::PopValue => None,
            FBlock::TryExcept { handler, depth }
            | FBlock::TryFinally { handler, depth, .. }
            | FBlock::HandlerDispatch { handler, depth }
            | FBlock::HandlerBody { handler, depth, .. }
            | FBlock::FinallyEnd { handler, depth }
            | FBlock::With { handler, depth, .. }
            | FBlock::WithExcept { handler, depth }
            | FBlock::AsyncNext { handler, depth } => Some((*handler, *depth)),
        }
    }
}

impl<'a> Compiler<'a> {
    pub(crate) fn new_label(&mut self) -> Label {
        let u = self.unit();
        u.labels.push(u32::MAX);
        u.labels.len() as Label - 1
    }
    pub(crate) fn bind_label(&mut self, l: Label) {
        let h = self.here() as u32;
        self.unit().labels[l as usize] = h;
    }
    fn push_fblock(&mut self, b: FBlock) {
        self.unit().fblocks.push(b);
    }
    fn pop_fblock(&mut self) {
        self.unit().fblocks.pop();
    }
    /// Statement-level operand-stack depth (items held by enclosing blocks).
    pub(crate) fn depth(&mut self) -> u32 {
        self.unit().depth
    }
    fn add_depth(&mut self, n: i32) {
        let u = self.unit();
        u.depth = (u.depth as i32 + n) as u32;
    }

    /// `SWAP 2; POP_EXCEPT; RERAISE` at `l`: restore the handled exception, re-raise.
    /// A cleanup handler: `[prev, exc]` on entry. With `name` (the body of
    /// `except E as name`), it unbinds the name and re-raises into the enclosing dispatch
    /// cleanup, which is active around it and restores the handled exception (so every
    /// instruction's handler finds the operand depth it expects); without, it restores the
    /// handled exception itself and re-raises.
    fn emit_cleanup(&mut self, l: Label, name: Option<&str>) {
        self.bind_label(l);
        if let Some(n) = name {
            self.load_const(Value::NONE);
            self.name_op(n, NameCtx::Store);
            self.name_op(n, NameCtx::Delete);
            self.emit(Op::RERAISE, 0);
            return;
        }
        self.emit(Op::SWAP, 2);
        self.emit(Op::POP_EXCEPT, 0);
        self.emit(Op::RERAISE, 0);
    }

    pub(crate) fn try_stmt(&mut self, t: &ast::StmtTry) -> Result<(), CompileError> {
        if t.is_star {
            return Err(self.not_supported("'except*'", t));
        }
        if t.finalbody.is_empty() {
            return self.try_except(t);
        }
        let d = self.depth();
        let fin = self.new_label();
        self.push_fblock(FBlock::TryFinally {
            body: t.finalbody.to_vec(),
            handler: fin,
            depth: d,
        });
        if t.handlers.is_empty() {
            self.stmts(&t.body)?;
        } else {
            self.try_except(t)?;
        }
        self.pop_fblock();
        // Normal exit: run the finally body inline.
        self.stmts(&t.finalbody)?;
        let done = self.emit(Op::JUMP_FORWARD, 0);
        // Exceptional exit: [exc] -> [prev, exc], run the body, re-raise.
        self.bind_label(fin);
        self.emit(Op::PUSH_EXC_INFO, 0);
        let cleanup = self.new_label();
        self.push_fblock(FBlock::FinallyEnd {
            handler: cleanup,
            depth: d + 1,
        });
        self.add_depth(2);
        self.stmts(&t.finalbody)?;
        self.add_depth(-2);
        self.emit(Op::RERAISE, 0);
        self.pop_fblock();
        self.emit_cleanup(cleanup, None);
        let h = self.here();
        self.patch(done, h);
        Ok(())
    }

    fn try_except(&mut self, t: &ast::StmtTry) -> Result<(), CompileError> {
        let d = self.depth();
        let handler = self.new_label();
        self.push_fblock(FBlock::TryExcept { handler, depth: d });
        self.stmts(&t.body)?;
        self.pop_fblock();
        self.stmts(&t.orelse)?;
        let mut ends = vec![self.emit(Op::JUMP_FORWARD, 0)];

        self.bind_label(handler);
        self.emit(Op::PUSH_EXC_INFO, 0);
        let cleanup = self.new_label();
        self.push_fblock(FBlock::HandlerDispatch {
            handler: cleanup,
            depth: d + 1,
        });
        let n = t.handlers.len();
        for (i, h) in t.handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.set_line(h);
            let mut next = None;
            match &h.type_ {
                Some(ty) => {
                    self.expr(ty)?;
                    self.emit(Op::CHECK_EXC_MATCH, 0);
                    next = Some(self.emit(Op::POP_JUMP_IF_FALSE, 0));
                }
                None if i + 1 < n => {
                    return Err(self.syntax_err("default 'except:' must be last", h));
                }
                None => {}
            }
            let name = h.name.as_ref().map(|n| n.to_string());
            match &name {
                Some(nm) => self.name_op(nm, NameCtx::Store),
                None => {
                    self.emit(Op::POP_TOP, 0);
                }
            }
            // The body: [prev]; an exception escaping it unbinds the name first.
            let body_cleanup = if name.is_some() {
                self.new_label()
            } else {
                cleanup
            };
            self.push_fblock(FBlock::HandlerBody {
                name: name.clone(),
                handler: body_cleanup,
                depth: d + 1,
            });
            self.add_depth(1);
            self.stmts(&h.body)?;
            self.add_depth(-1);
            self.pop_fblock();
            // The normal exit restores the handled exception, so it is outside the
            // dispatch region: its cleanup (which expects `[prev, ...]`) must not cover it.
            let dispatch = self.unit().fblocks.pop();
            self.emit(Op::POP_EXCEPT, 0);
            if let Some(nm) = &name {
                self.load_const(Value::NONE);
                self.name_op(nm, NameCtx::Store);
                self.name_op(nm, NameCtx::Delete);
            }
            ends.push(self.emit(Op::JUMP_FORWARD, 0));
            self.unit().fblocks.extend(dispatch);
            if let Some(nm) = &name {
                // Reached only as a handler; the dispatch handler stays active around it.
                self.emit_cleanup(body_cleanup, Some(nm));
            }
            if let Some(j) = next {
                let h = self.here();
                self.patch(j, h);
            }
        }
        // No clause matched: [prev, exc].
        self.emit(Op::RERAISE, 0);
        self.pop_fblock();
        self.emit_cleanup(cleanup, None);
        let h = self.here();
        for j in ends {
            self.patch(j, h);
        }
        Ok(())
    }

    pub(crate) fn with_stmt(&mut self, w: &ast::StmtWith) -> Result<(), CompileError> {
        if w.is_async && !self.scope().is_coroutine {
            return Err(self.syntax_err("'async with' outside async function", w));
        }
        self.with_items(&w.items, &w.body, w)
    }

    fn with_items(
        &mut self,
        items: &[ast::WithItem],
        body: &[Stmt],
        w: &ast::StmtWith,
    ) -> Result<(), CompileError> {
        let Some((item, rest)) = items.split_first() else {
            return self.stmts(body);
        };
        let d = self.depth();
        let is_async = w.is_async;
        self.expr(&item.context_expr)?;
        self.set_line(w);
        if is_async {
            self.emit(Op::BEFORE_ASYNC_WITH, 0);
            self.emit_await();
        } else {
            self.emit(Op::BEFORE_WITH, 0);
        }
        let handler = self.new_label();
        self.push_fblock(FBlock::With {
            handler,
            depth: d + 1,
            is_async,
        });
        self.add_depth(1);
        match &item.optional_vars {
            Some(t) => self.store_target(t)?,
            None => {
                self.emit(Op::POP_TOP, 0);
            }
        }
        self.with_items(rest, body, w)?;
        self.add_depth(-1);
        self.pop_fblock();
        self.set_line(w);
        self.call_exit_none(is_async);
        let done = self.emit(Op::JUMP_FORWARD, 0);

        // [exit, exc] -> [exit, prev, exc]; ask __exit__ whether to suppress.
        self.bind_label(handler);
        self.emit(Op::PUSH_EXC_INFO, 0);
        let cleanup = self.new_label();
        self.push_fblock(FBlock::WithExcept {
            handler: cleanup,
            depth: d + 2,
        });
        self.emit(Op::WITH_EXCEPT_START, 0);
        if is_async {
            self.emit_await();
        }
        let suppress = self.emit(Op::POP_JUMP_IF_TRUE, 0);
        self.emit(Op::RERAISE, 0);
        self.pop_fblock();
        let h = self.here();
        self.patch(suppress, h);
        self.emit(Op::POP_TOP, 0);
        self.emit(Op::POP_EXCEPT, 0);
        self.emit(Op::POP_TOP, 0);
        let done2 = self.emit(Op::JUMP_FORWARD, 0);
        self.emit_cleanup(cleanup, None);
        let h = self.here();
        self.patch(done, h);
        self.patch(done2, h);
        Ok(())
    }

    /// `[exit] -> []`: calls `exit(None, None, None)` (awaits it for `async with`) and
    /// drops the result.
    fn call_exit_none(&mut self, is_async: bool) {
        for _ in 0..3 {
            self.load_const(Value::NONE);
        }
        self.emit(Op::CALL, 3);
        if is_async {
            self.emit_await();
        }
        self.emit(Op::POP_TOP, 0);
    }

    /// Emits what leaving block `b` needs; `value` is whether a return value sits on top.
    fn unwind_block(&mut self, b: &FBlock, value: bool) -> Result<(), CompileError> {
        match b {
            FBlock::Loop { is_for } => {
                if *is_for && value {
                    self.emit(Op::SWAP, 2);
                    self.emit(Op::POP_TOP, 0);
                } else if *is_for {
                    self.emit(Op::POP_TOP, 0);
                }
            }
            FBlock::TryExcept { .. } => {}
            FBlock::TryFinally { body, .. } => {
                if value {
                    self.add_depth(1);
                    self.unit().fblocks.push(FBlock::PopValue);
                }
                self.stmts(body)?;
                if value {
                    self.unit().fblocks.pop();
                    self.add_depth(-1);
                }
            }
            FBlock::PopValue => {
                if value {
                    self.emit(Op::SWAP, 2);
                }
                self.emit(Op::POP_TOP, 0);
            }
            // Statements never run inside these two: an `except` body or `with` exit has
            // its own block on top, which does the unwinding.
            FBlock::HandlerDispatch { .. } | FBlock::WithExcept { .. } => {}
            FBlock::HandlerBody { name, .. } => {
                if value {
                    self.emit(Op::SWAP, 2);
                }
                self.emit(Op::POP_EXCEPT, 0);
                if let Some(n) = name {
                    self.load_const(Value::NONE);
                    self.name_op(n, NameCtx::Store);
                    self.name_op(n, NameCtx::Delete);
                }
            }
            FBlock::FinallyEnd { .. } => {
                if value {
                    self.emit(Op::SWAP, 2);
                }
                self.emit(Op::POP_TOP, 0);
                if value {
                    self.emit(Op::SWAP, 2);
                }
                self.emit(Op::POP_EXCEPT, 0);
            }
            FBlock::With { is_async, .. } => {
                if value {
                    self.emit(Op::SWAP, 2);
                }
                self.call_exit_none(*is_async);
            }
            FBlock::AsyncNext { .. } => {}
        }
        Ok(())
    }

    /// Unwinds every block down to (not including) the innermost loop, or all blocks for
    /// `return`. While a block's exit code is emitted, that block and the ones inside it are
    /// inactive, so a `finally` body run for `return` is not protected by its own handler.
    fn unwind(&mut self, to_loop: bool, value: bool) -> Result<(), CompileError> {
        let saved = self.unit().fblocks.clone();
        let saved_depth = self.depth();
        while let Some(b) = self.unit().fblocks.last().cloned() {
            if to_loop && matches!(b, FBlock::Loop { .. }) {
                break;
            }
            self.unit().fblocks.pop();
            // An `except` body's exit restores the handled exception: the dispatch region
            // around it ends too, so its cleanup does not cover that code.
            if matches!(b, FBlock::HandlerBody { .. })
                && matches!(
                    self.unit().fblocks.last(),
                    Some(FBlock::HandlerDispatch { .. })
                )
            {
                self.unit().fblocks.pop();
            }
            // Depth the block held (its items are gone once its exit code ran).
            self.unwind_block(&b, value)?;
            let held = match b {
                FBlock::Loop { is_for } => is_for as u32,
                FBlock::FinallyEnd { .. } => 2,
                FBlock::HandlerBody { .. } | FBlock::With { .. } | FBlock::PopValue => 1,
                _ => 0,
            };
            self.add_depth(-(held as i32));
        }
        self.unit().fblocks = saved;
        self.unit().depth = saved_depth;
        Ok(())
    }

    pub(crate) fn return_stmt(&mut self, r: &ast::StmtReturn) -> Result<(), CompileError> {
        match &r.value {
            Some(v) => self.expr(v)?,
            None => self.load_const(Value::NONE),
        }
        self.unwind(false, true)?;
        self.emit(Op::RETURN_VALUE, 0);
        Ok(())
    }

    pub(crate) fn break_stmt(&mut self, b: &ast::StmtBreak) -> Result<(), CompileError> {
        if self.unit().loops.is_empty() {
            return Err(self.syntax_err("'break' outside loop", b));
        }
        self.unwind(true, false)?;
        if self.unit().loops.last().unwrap().is_for {
            self.emit(Op::POP_TOP, 0);
        }
        let j = self.emit(Op::JUMP_FORWARD, 0);
        self.unit().loops.last_mut().unwrap().breaks.push(j);
        Ok(())
    }

    pub(crate) fn continue_stmt(&mut self, c: &ast::StmtContinue) -> Result<(), CompileError> {
        let Some(l) = self.unit().loops.last() else {
            return Err(self.syntax_err("'continue' not properly in loop", c));
        };
        let t = l.continue_target;
        self.unwind(true, false)?;
        let j = self.emit(Op::JUMP_FORWARD, t.unwrap_or(0) as u32);
        if t.is_none() {
            self.unit().loops.last_mut().unwrap().continues.push(j);
        }
        Ok(())
    }
}
