//! `await`, `async for`, and the yields of async generators.
//!
//! An `await` is a delegation like `yield from`: GET_AWAITABLE turns the operand into the
//! iterator to delegate to, and YIELD_FROM runs it to completion, passing its yields up
//! to whoever drives the coroutine. `async for` calls `__anext__` and awaits it each
//! time round; the StopAsyncIteration that ends the loop is caught by an exception-table
//! entry covering just that await, whose handler is END_ASYNC_FOR.

use super::flow::FBlock;
use super::{CompileError, Compiler, Loop};
use crate::bytecode::{flags, Op};
use crate::value::Value;
use ruff_python_ast::{self as ast, Expr};

impl<'a> Compiler<'a> {
    /// `[awaitable] -> [result]`.
    pub(crate) fn emit_await(&mut self) {
        self.emit(Op::GET_AWAITABLE, 0);
        self.load_const(Value::NONE);
        self.emit(Op::YIELD_FROM, 0);
    }

    pub(crate) fn await_expr(&mut self, a: &ast::ExprAwait, e: &Expr) -> Result<(), CompileError> {
        if !self.scope().is_coroutine {
            let msg = if self.scope_kind_is_module_or_class() {
                "'await' outside function"
            } else {
                "'await' outside async function"
            };
            return Err(self.syntax_err(msg, e));
        }
        self.expr(&a.value)?;
        self.emit_await();
        Ok(())
    }

    /// YIELD_VALUE for `yield`; an async generator marks the value as its own yield.
    pub(crate) fn emit_yield(&mut self) {
        if self.unit().flags & flags::ASYNC_GENERATOR != 0 {
            self.emit(Op::ASYNC_GEN_WRAP, 0);
        }
        self.emit(Op::YIELD_VALUE, 0);
    }

    /// `[aiter] -> [aiter, next value]`, jumping to a new label's END_ASYNC_FOR (returned)
    /// when the iterator is exhausted. `depth` is the operand depth with `aiter` on it.
    pub(crate) fn async_next(&mut self, depth: u32) -> super::flow::Label {
        let handler = self.new_label();
        self.unit()
            .fblocks
            .push(FBlock::AsyncNext { handler, depth });
        self.emit(Op::GET_ANEXT, 0);
        self.emit_await();
        self.unit().fblocks.pop();
        handler
    }

    pub(crate) fn async_for_stmt(&mut self, f: &ast::StmtFor) -> Result<(), CompileError> {
        if !self.scope().is_coroutine {
            return Err(self.syntax_err("'async for' outside async function", f));
        }
        self.iter_operand(&f.iter)?;
        self.set_line(f);
        self.emit(Op::GET_AITER, 0);
        let top = self.here();
        let depth = self.depth() + 1;
        let end = self.async_next(depth);
        self.unit().loops.push(Loop {
            continue_target: Some(top),
            continues: vec![],
            breaks: vec![],
            is_for: true,
        });
        self.unit().fblocks.push(FBlock::Loop { is_for: true });
        self.unit().depth += 1;
        self.store_target(&f.target)?;
        self.stmts(&f.body)?;
        self.unit().depth -= 1;
        self.unit().fblocks.pop();
        self.set_line(f);
        self.emit(Op::JUMP_FORWARD, top as u32);
        let l = self.unit().loops.pop().unwrap();
        self.bind_label(end);
        self.emit(Op::END_ASYNC_FOR, 0);
        self.stmts(&f.orelse)?;
        let after = self.here();
        for b in l.breaks {
            self.patch(b, after);
        }
        Ok(())
    }
}
