//! The `class` statement and the zero-argument `super()`.
//!
//! `class C(B, metaclass=M): body` compiles to `__build_class__(<function running body>,
//! 'C', B, metaclass=M)`. The body runs with a fresh namespace dict as its locals
//! (LOAD_NAME/STORE_NAME); if a method uses `super` or `__class__`, the body's `__class__`
//! cell is stored as `__classcell__` so that creating the class can fill it.

use super::symtable::{node_key, ScopeKind};
use super::{CompileError, Compiler, NameCtx};
use crate::bytecode::Op;
use crate::types::str::new_str;
use crate::types::tuple::new_tuple;
use crate::value::Value;
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::Ranged;

impl<'a> Compiler<'a> {
    pub(crate) fn class_def(&mut self, c: &ast::StmtClassDef) -> Result<(), CompileError> {
        if c.type_params.is_some() {
            return Err(self.not_supported("generic class syntax (PEP 695)", c));
        }
        for d in &c.decorator_list {
            self.expr(&d.expression)?;
        }
        self.set_line(c);
        self.emit(Op::LOAD_BUILD_CLASS, 0);
        let firstline = self.line_of(c.range().start());
        let qualname = format!("{}{}", self.qualname_prefix(), c.name);
        let scope = self.st.by_node[&node_key(c)];
        self.push_unit(scope, &c.name, &qualname, firstline);
        self.name_op("__name__", NameCtx::Load);
        self.name_op("__module__", NameCtx::Store);
        self.load_const(new_str(qualname.as_str()));
        self.name_op("__qualname__", NameCtx::Store);
        if let Some(Stmt::Expr(e)) = c.body.first() {
            if let Expr::StringLiteral(s) = &*e.value {
                self.load_const(new_str(s.value.to_str()));
                self.name_op("__doc__", NameCtx::Store);
            }
        }
        self.stmts(&c.body)?;
        if let Some(i) = self.unit().cellvars.iter().position(|v| v == "__class__") {
            self.emit(Op::LOAD_CLOSURE, i as u32);
            self.name_op("__classcell__", NameCtx::Store);
        }
        self.load_const(Value::NONE);
        self.emit(Op::RETURN_VALUE, 0);
        let code = self.pop_unit();
        self.set_line(c);
        self.emit_make_function(code, 0);
        self.load_const(new_str(c.name.as_str()));
        let (bases, keywords): (&[Expr], &[ast::Keyword]) = match &c.arguments {
            Some(a) => (&a.args, &a.keywords),
            None => (&[], &[]),
        };
        if bases.iter().any(|b| matches!(b, Expr::Starred(_)))
            || keywords.iter().any(|k| k.arg.is_none())
        {
            return Err(self.not_supported("starred bases or ** in a class statement", c));
        }
        for b in bases {
            self.expr(b)?;
        }
        for k in keywords {
            self.expr(&k.value)?;
        }
        let n = 2 + bases.len() as u32 + keywords.len() as u32;
        if keywords.is_empty() {
            self.emit(Op::CALL, n);
        } else {
            let names: Vec<Value> = keywords
                .iter()
                .map(|k| new_str(k.arg.as_ref().unwrap().as_str()))
                .collect();
            self.load_const(new_tuple(names));
            self.emit(Op::CALL_KW, n);
        }
        for _ in &c.decorator_list {
            self.emit(Op::CALL, 1);
        }
        self.name_op(&c.name, NameCtx::Store);
        Ok(())
    }

    /// `super()` inside a method: compiled as `super(__class__, <first argument>)`.
    pub(crate) fn zero_arg_super(&mut self, c: &ast::ExprCall) -> Result<bool, CompileError> {
        let Expr::Name(n) = &*c.func else {
            return Ok(false);
        };
        if n.id.as_str() != "super"
            || !c.arguments.args.is_empty()
            || !c.arguments.keywords.is_empty()
            || self.scope().kind != ScopeKind::Function
            || !self.scope().freevars.iter().any(|v| v == "__class__")
        {
            return Ok(false);
        }
        let first = {
            let u = self.unit();
            if u.argcount == 0 {
                None
            } else {
                u.varnames.first().cloned()
            }
        };
        let Some(first) = first else {
            self.name_op("super", NameCtx::Load);
            self.emit(Op::CALL, 0);
            return Ok(true);
        };
        self.name_op("super", NameCtx::Load);
        self.name_op("__class__", NameCtx::Load);
        self.name_op(&first, NameCtx::Load);
        self.emit(Op::CALL, 2);
        Ok(true)
    }
}
