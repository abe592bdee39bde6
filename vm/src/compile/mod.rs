//! AST → bytecode. One `Unit` per code object being built; statements here, expressions in
//! `expr.rs`, scope analysis in `symtable.rs`.

mod asyncs;
mod classdef;
mod expr;
mod flow;
mod names;
mod pattern;
mod source_check;
pub mod symtable;

use crate::bytecode::{flags, BinOp, Code, Handler, Instr, Op};
use crate::types::func::new_code;
use crate::types::str::{intern, new_str};
use crate::types::tuple::new_tuple;
use crate::value::Value;
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange, TextSize};
use std::cell::Cell;
use std::collections::HashMap;
use std::rc::Rc;
use symtable::{NameKind, ScopeKind, SymTable};

/// A compile-time error: a real syntax error, or a construct pyrun does not support yet.
#[derive(Debug, Clone)]
pub struct CompileError {
    pub kind: CompileErrorKind,
    pub msg: String,
    /// 1-based line; 0 = unknown.
    pub line: u32,
    /// 0-based column in characters.
    pub col: u32,
    pub end_col: Option<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompileErrorKind {
    Syntax,
    Indentation,
    Tab,
    /// Nesting too deep to compile (CPython: RecursionError, reported without a location).
    Recursion,
    /// Nesting too deep for CPython's parser (MemoryError, without a location).
    Memory,
    NotSupported,
}

impl CompileError {
    pub fn syntax(msg: impl Into<String>, line: u32, col: u32) -> CompileError {
        CompileError {
            kind: CompileErrorKind::Syntax,
            msg: msg.into(),
            line,
            col,
            end_col: None,
        }
    }
    pub fn exception_name(&self) -> &'static str {
        match self.kind {
            CompileErrorKind::Syntax => "SyntaxError",
            CompileErrorKind::Indentation => "IndentationError",
            CompileErrorKind::Tab => "TabError",
            CompileErrorKind::Recursion => "RecursionError",
            CompileErrorKind::Memory => "MemoryError",
            CompileErrorKind::NotSupported => "NotImplementedError",
        }
    }
}

/// Byte offsets of line starts, for offset → (line, column).
pub struct LineMap {
    starts: Vec<u32>,
}

impl LineMap {
    pub fn new(src: &str) -> LineMap {
        let mut starts = vec![0];
        for (i, b) in src.bytes().enumerate() {
            if b == b'\n' {
                starts.push(i as u32 + 1);
            }
        }
        LineMap { starts }
    }
    pub fn line(&self, off: u32) -> u32 {
        match self.starts.binary_search(&off) {
            Ok(i) => i as u32 + 1,
            Err(i) => i as u32,
        }
    }
    pub fn line_start(&self, line: u32) -> u32 {
        self.starts[(line.max(1) - 1) as usize]
    }
}

pub(crate) struct Loop {
    /// Where `continue` jumps: known for `for` loops (FOR_ITER); for a rotated `while`
    /// loop the test at the bottom, not emitted yet (`continues` are patched to it).
    continue_target: Option<usize>,
    continues: Vec<usize>,
    breaks: Vec<usize>,
    is_for: bool,
}

pub(crate) struct Unit {
    scope: usize,
    name: String,
    qualname: String,
    firstlineno: u32,
    instrs: Vec<Instr>,
    lines: Vec<u32>,
    /// Source byte range of each instruction's node.
    ranges: Vec<TextRange>,
    consts: Vec<Value>,
    const_keys: HashMap<String, u32>,
    names: Vec<Value>,
    name_idx: HashMap<String, u32>,
    varnames: names::Names,
    cellvars: Vec<String>,
    freevars: Vec<String>,
    loops: Vec<Loop>,
    /// Blocks that early exits must unwind; the innermost handler protects new code.
    fblocks: Vec<flow::FBlock>,
    labels: Vec<u32>,
    /// Per instruction: the label and stack depth of its exception handler.
    handler_of: Vec<Option<(flow::Label, u32)>>,
    /// Operand-stack items held by enclosing blocks at statement level.
    depth: u32,
    /// A function body's docstring.
    doc: Value,
    argcount: u32,
    posonlyargcount: u32,
    kwonlyargcount: u32,
    flags: u32,
}

pub struct Compiler<'a> {
    filename: String,
    pub(crate) source: &'a str,
    lines: LineMap,
    st: SymTable,
    units: Vec<Unit>,
    line: u32,
    /// The node being compiled: its range becomes the position of what is emitted.
    pub(crate) range: TextRange,
    /// `-O` level: 1 drops asserts and makes `__debug__` False, 2 also drops docstrings.
    pub(crate) optimize: u8,
    /// Constant frozensets made so far, by their typed contents: like CPython's constant
    /// cache, an equal later one reuses the first (and so its slot order).
    frozensets: HashMap<String, Value>,
    /// exec/eval code: top-level names go through LOAD_NAME/STORE_NAME so that a separate
    /// locals mapping is honoured.
    name_ops: bool,
    /// Expression nesting being compiled (bounded as CPython bounds it).
    expr_depth: u32,
}

/// What a piece of source is compiled as.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// A module or script.
    Module,
    /// `exec()` / `compile(..., 'exec')`.
    Exec,
    /// `eval()` / `compile(..., 'eval')`: one expression, whose value is returned.
    Eval,
}

/// Compiles a module's source into its code object.
pub fn compile_module(source: &str, filename: &str) -> Result<Rc<Code>, CompileError> {
    compile_source(source, filename, Mode::Module)
}

/// Compiles source for a module, `exec` or `eval`.
pub fn compile_source(source: &str, filename: &str, mode: Mode) -> Result<Rc<Code>, CompileError> {
    compile_source_opt(source, filename, mode, 0)
}

/// `compile_source` at an optimization level (`-O`: 1, `-OO`: 2).
pub fn compile_source_opt(
    source: &str,
    filename: &str,
    mode: Mode,
    optimize: u8,
) -> Result<Rc<Code>, CompileError> {
    let source = &*source_check::normalize_newlines(source);
    let lines = LineMap::new(source);
    // CPython's tokenizer errors win over parse errors on later lines.
    let token_error = source_check::check(source);
    let first_error = |e: CompileError| match token_error.clone() {
        Some(t) if t.line <= e.line => t,
        _ => e,
    };
    if mode == Mode::Eval {
        ruff_python_parser::parse_expression(source)
            .map_err(|e| first_error(parse_error(&e, source, &lines)))?;
    }
    let parsed = ruff_python_parser::parse_module(source)
        .map_err(|e| first_error(parse_error(&e, source, &lines)))?;
    if let Some(e) = token_error {
        return Err(e);
    }
    let module = parsed.syntax();
    let st = symtable::build(module, &|off| lines.line(off))?;
    let mut c = Compiler {
        filename: filename.to_string(),
        source,
        lines,
        st,
        units: vec![],
        line: 1,
        range: TextRange::default(),
        optimize,
        frozensets: HashMap::new(),
        name_ops: mode != Mode::Module,
        expr_depth: 0,
    };
    c.push_unit(0, "<module>", "<module>", 1);
    c.units.last_mut().unwrap().flags |= flags::MODULE;
    if mode == Mode::Eval {
        match module.body.first() {
            Some(Stmt::Expr(e)) if module.body.len() == 1 => {
                c.set_line(e);
                c.expr(&e.value)?;
            }
            _ => return Err(CompileError::syntax("invalid syntax", 1, 0)),
        }
    } else {
        if let Some(Stmt::Expr(e)) = module.body.first() {
            if let (Expr::StringLiteral(d), true) = (&*e.value, optimize < 2) {
                c.set_line(e);
                c.load_const(new_str(d.value.to_str()));
                c.name_op("__doc__", NameCtx::Store);
            }
        }
        c.stmts(&module.body)?;
        c.load_const(Value::NONE);
    }
    c.emit(Op::RETURN_VALUE, 0);
    Ok(c.pop_unit())
}

/// Maps a ruff parse error to CPython's wording where they differ.
fn parse_error(e: &ruff_python_parser::ParseError, src: &str, lines: &LineMap) -> CompileError {
    use ruff_python_parser::ParseErrorType as T;
    let off = e.location.start().to_u32();
    let line = lines.line(off);
    let col = src[lines.line_start(line) as usize..off as usize]
        .chars()
        .count() as u32;
    let raw = e.error.to_string();
    let mut kind = CompileErrorKind::Syntax;
    let msg = match &e.error {
        T::Lexical(lex) => {
            let s = lex.to_string();
            if s.contains("indent") || s.contains("Indent") {
                kind = CompileErrorKind::Indentation;
                if s.contains("Unexpected indentation") {
                    "unexpected indent".to_string()
                } else {
                    "unindent does not match any outer indentation level".to_string()
                }
            } else {
                s
            }
        }
        T::UnexpectedIndentation => {
            kind = CompileErrorKind::Indentation;
            "unexpected indent".to_string()
        }
        _ if raw.contains("Expected an indented block") => {
            kind = CompileErrorKind::Indentation;
            let prev = line.saturating_sub(1).max(1);
            return CompileError {
                kind,
                msg: format!("expected an indented block after statement on line {prev}"),
                line,
                col,
                end_col: None,
            };
        }
        _ => raw,
    };
    if let Some((ch, bline, bcol)) = unclosed_bracket(src, lines) {
        // CPython's tokenizer reports an unclosed bracket before any parse error after it.
        if bline <= line {
            return CompileError {
                kind: CompileErrorKind::Syntax,
                msg: format!("'{ch}' was never closed"),
                line: bline,
                col: bcol,
                end_col: None,
            };
        }
    }
    CompileError {
        kind,
        msg: cpython_wording(&msg, src, off),
        line,
        col,
        end_col: None,
    }
}

/// The innermost bracket still open at end of input (skipping strings and comments).
fn unclosed_bracket(src: &str, lines: &LineMap) -> Option<(char, u32, u32)> {
    let mut stack: Vec<(char, usize)> = vec![];
    let b = src.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'#' => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            q @ (b'\'' | b'"') => {
                let triple = i + 2 < b.len() && b[i + 1] == q && b[i + 2] == q;
                i += if triple { 3 } else { 1 };
                while i < b.len() {
                    if b[i] == b'\\' {
                        i += 2;
                        continue;
                    }
                    if triple {
                        if i + 2 < b.len() && b[i] == q && b[i + 1] == q && b[i + 2] == q {
                            i += 2;
                            break;
                        }
                    } else if b[i] == q || b[i] == b'\n' {
                        break;
                    }
                    i += 1;
                }
            }
            c @ (b'(' | b'[' | b'{') => stack.push((c as char, i)),
            b')' | b']' | b'}' => {
                stack.pop();
            }
            _ => {}
        }
        i += 1;
    }
    let (ch, off) = *stack.last()?;
    let line = lines.line(off as u32);
    let col = src[lines.line_start(line) as usize..off].chars().count() as u32;
    Some((ch, line, col))
}

/// A few of ruff's messages rephrased as CPython 3.11 prints them.
fn cpython_wording(msg: &str, src: &str, off: u32) -> String {
    if msg.starts_with("Expected ')'")
        || msg.starts_with("Expected ']'")
        || msg.starts_with("Expected '}'")
    {
        // Find the unclosed bracket before the error position.
        let mut stack = vec![];
        for (i, ch) in src[..(off as usize).min(src.len())].char_indices() {
            match ch {
                '(' | '[' | '{' => stack.push((ch, i)),
                ')' | ']' | '}' => {
                    stack.pop();
                }
                _ => {}
            }
        }
        if let Some((ch, _)) = stack.last() {
            return format!("'{ch}' was never closed");
        }
    }
    if msg.starts_with("Expected an expression")
        || msg.starts_with("Expected a statement")
        || msg.starts_with("Got unexpected token")
    {
        return "invalid syntax".to_string();
    }
    if msg.starts_with("Bytes literal cannot be mixed with non-bytes literals") {
        return "cannot mix bytes and nonbytes literals".to_string();
    }
    msg.to_string()
}

impl<'a> Compiler<'a> {
    fn unit(&mut self) -> &mut Unit {
        self.units.last_mut().unwrap()
    }
    pub(crate) fn scope(&self) -> &symtable::Scope {
        &self.st.scopes[self.units.last().unwrap().scope]
    }

    pub(crate) fn scope_kind_is_module_or_class(&self) -> bool {
        self.scope().kind != ScopeKind::Function
    }

    pub(crate) fn line_of(&self, off: TextSize) -> u32 {
        self.lines.line(off.to_u32())
    }

    fn not_supported(&self, what: &str, node: &impl Ranged) -> CompileError {
        let line = self.line_of(node.range().start());
        CompileError {
            kind: CompileErrorKind::NotSupported,
            msg: format!("{what} is not supported yet by pyrun (line {line})"),
            line,
            col: 0,
            end_col: None,
        }
    }
    fn syntax_err(&self, msg: &str, node: &impl Ranged) -> CompileError {
        let off = node.range().start().to_u32();
        let line = self.lines.line(off);
        let col = self.source[self.lines.line_start(line) as usize..off as usize]
            .chars()
            .count() as u32;
        CompileError::syntax(msg, line, col)
    }

    fn push_unit(&mut self, scope: usize, name: &str, qualname: &str, firstlineno: u32) {
        let s = &self.st.scopes[scope];
        let mut varnames = s.params.clone();
        let mut cellvars = s.cellvars.clone();
        cellvars.sort();
        let freevars = s.freevars.clone();
        if s.kind == ScopeKind::Function {
            for b in s.bound.iter() {
                if !varnames.contains(b)
                    && s.lookup(b) != NameKind::GlobalExplicit
                    && s.lookup(b) != NameKind::Free
                {
                    varnames.push_unique(b);
                }
            }
        }
        self.units.push(Unit {
            scope,
            name: name.to_string(),
            qualname: qualname.to_string(),
            firstlineno,
            instrs: vec![],
            lines: vec![],
            ranges: vec![],
            consts: vec![],
            const_keys: HashMap::new(),
            names: vec![],
            name_idx: HashMap::new(),
            varnames,
            cellvars,
            freevars,
            loops: vec![],
            fblocks: vec![],
            labels: vec![],
            handler_of: vec![],
            depth: 0,
            doc: Value::NONE,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            flags: 0,
        });
    }

    fn pop_unit(&mut self) -> Rc<Code> {
        let mut u = self.units.pop().unwrap();
        set_jump_directions(&mut u.instrs);
        let handlers = handler_table(&u.handler_of, &u.labels);
        // One inline cache per specializable instruction (beyond u16 range: none).
        let mut ncaches = 0usize;
        for ins in u.instrs.iter_mut() {
            if ins.op.is_specializable() && ncaches < u16::MAX as usize {
                ins.cache = ncaches as u16;
                ncaches += 1;
            } else {
                ins.cache = u16::MAX;
            }
        }
        let caches: Box<[crate::bytecode::Cache]> = (0..ncaches)
            .map(|_| crate::bytecode::Cache {
                counter: Cell::new(crate::bytecode::WARMUP),
                ..Default::default()
            })
            .collect();
        let stacksize = max_stack_depth(&u.instrs, &handlers);
        let cell2arg = u
            .cellvars
            .iter()
            .map(|c| u.varnames.index_of(c).map(|p| p as u32))
            .collect();
        Rc::new(Code {
            name: u.name,
            qualname: u.qualname,
            filename: self.filename.clone(),
            firstlineno: u.firstlineno,
            instrs: u.instrs.into_iter().map(Cell::new).collect(),
            positions: u.ranges.iter().map(|r| self.position(*r)).collect(),
            lines: u.lines.into(),
            consts: u.consts.into(),
            names: u.names.into(),
            varnames: u.varnames.iter().map(|s| intern(s)).collect(),
            cellvars: u.cellvars.iter().map(|s| intern(s)).collect(),
            freevars: u.freevars.iter().map(|s| intern(s)).collect(),
            cell2arg,
            argcount: u.argcount,
            posonlyargcount: u.posonlyargcount,
            kwonlyargcount: u.kwonlyargcount,
            flags: u.flags,
            stacksize,
            handlers: handlers.into(),
            caches,
            doc: u.doc,
            prepared: Cell::new(false),
            hotness: Cell::new(0),
            extra_flags: Cell::new(0),
            executors: Default::default(),
        })
    }

    // ---- emission helpers ----
    pub(crate) fn emit(&mut self, op: Op, arg: u32) -> usize {
        let line = self.line;
        let range = self.range;
        let u = self.unit();
        let h = u.fblocks.iter().rev().find_map(|b| b.handler());
        u.instrs.push(Instr::new(op, arg));
        u.lines.push(line);
        u.ranges.push(range);
        u.handler_of.push(h);
        u.instrs.len() - 1
    }
    pub(crate) fn here(&mut self) -> usize {
        self.unit().instrs.len()
    }
    pub(crate) fn patch(&mut self, at: usize, target: usize) {
        self.unit().instrs[at].arg = target as u32;
    }
    pub(crate) fn load_const(&mut self, v: Value) {
        let i = self.const_index(v);
        self.emit(Op::LOAD_CONST, i);
    }
    pub(crate) fn const_index(&mut self, v: Value) -> u32 {
        let key = const_key(&v);
        let u = self.unit();
        if let Some(k) = &key {
            if let Some(&i) = u.const_keys.get(k) {
                return i;
            }
        }
        u.consts.push(v);
        let i = u.consts.len() as u32 - 1;
        if let Some(k) = key {
            u.const_keys.insert(k, i);
        }
        i
    }
    pub(crate) fn name_index(&mut self, name: &str) -> u32 {
        let u = self.unit();
        if let Some(&i) = u.name_idx.get(name) {
            return i;
        }
        u.names.push(intern(name));
        let i = u.names.len() as u32 - 1;
        u.name_idx.insert(name.to_string(), i);
        i
    }

    fn var_index(&mut self, name: &str) -> u32 {
        let u = self.unit();
        u.varnames.push_unique(name)
    }
    fn deref_index(&mut self, name: &str) -> u32 {
        let u = self.unit();
        if let Some(i) = u.cellvars.iter().position(|v| v == name) {
            return i as u32;
        }
        let i = u
            .freevars
            .iter()
            .position(|v| v == name)
            .expect("free variable") as u32;
        u.cellvars.len() as u32 + i
    }

    /// Emits the load/store/delete of a variable according to its scope.
    pub(crate) fn name_op(&mut self, name: &str, ctx: NameCtx) {
        let scope = self.scope();
        let kind = scope.lookup(name);
        let is_module = scope.kind == ScopeKind::Module;
        let is_class = scope.kind == ScopeKind::Class;
        let (op, arg) = match kind {
            _ if is_module && self.name_ops => {
                let i = self.name_index(name);
                (ctx.pick(Op::LOAD_NAME, Op::STORE_NAME, Op::DELETE_NAME), i)
            }
            _ if is_module => {
                let i = self.name_index(name);
                (
                    ctx.pick(Op::LOAD_GLOBAL, Op::STORE_GLOBAL, Op::DELETE_GLOBAL),
                    i,
                )
            }
            NameKind::GlobalExplicit => {
                let i = self.name_index(name);
                (
                    ctx.pick(Op::LOAD_GLOBAL, Op::STORE_GLOBAL, Op::DELETE_GLOBAL),
                    i,
                )
            }
            NameKind::Local | NameKind::GlobalImplicit if is_class => {
                let i = self.name_index(name);
                (ctx.pick(Op::LOAD_NAME, Op::STORE_NAME, Op::DELETE_NAME), i)
            }
            NameKind::Local => {
                let i = self.var_index(name);
                (ctx.pick(Op::LOAD_FAST, Op::STORE_FAST, Op::DELETE_FAST), i)
            }
            NameKind::Free if is_class && matches!(ctx, NameCtx::Load) => {
                let i = self.name_index(name) | (self.deref_index(name) << 16);
                (Op::LOAD_CLASSDEREF, i)
            }
            NameKind::Cell | NameKind::Free => {
                let i = self.deref_index(name);
                (
                    ctx.pick(Op::LOAD_DEREF, Op::STORE_DEREF, Op::DELETE_DEREF),
                    i,
                )
            }
            NameKind::GlobalImplicit => {
                let i = self.name_index(name);
                (
                    ctx.pick(Op::LOAD_GLOBAL, Op::STORE_GLOBAL, Op::DELETE_GLOBAL),
                    i,
                )
            }
        };
        self.emit(op, arg);
    }

    // ---- statements ----
    pub(crate) fn stmts(&mut self, body: &[Stmt]) -> Result<(), CompileError> {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn set_line(&mut self, node: &impl Ranged) {
        self.line = self.line_of(node.range().start());
        self.range = node.range();
    }

    /// A byte range as lines and columns.
    fn position(&self, r: TextRange) -> crate::bytecode::Position {
        let (start, end) = (r.start().to_u32(), r.end().to_u32());
        let line = self.lines.line(start);
        let end_line = self.lines.line(end);
        crate::bytecode::Position {
            line,
            end_line,
            col: start - self.lines.line_start(line),
            end_col: end - self.lines.line_start(end_line),
        }
    }

    fn stmt(&mut self, s: &Stmt) -> Result<(), CompileError> {
        self.set_line(s);
        match s {
            Stmt::Expr(e) => {
                self.expr(&e.value)?;
                self.emit(Op::POP_TOP, 0);
            }
            Stmt::Assign(a) if swap_assign(a).is_some() => {
                // `a, b = x, y` (2 or 3 names each side, no star): no tuple is built; the
                // values are reordered with one SWAP, as CPython compiles it.
                let (targets, values) = swap_assign(a).unwrap();
                for v in values {
                    self.expr(v)?;
                }
                self.emit(Op::SWAP, values.len() as u32);
                for t in targets {
                    self.store_target(t)?;
                }
            }
            Stmt::Assign(a) => {
                self.expr(&a.value)?;
                for (i, t) in a.targets.iter().enumerate() {
                    if i + 1 < a.targets.len() {
                        self.emit(Op::COPY, 1);
                    }
                    self.store_target(t)?;
                }
            }
            Stmt::AnnAssign(a) => {
                if let Some(v) = &a.value {
                    self.expr(v)?;
                    self.store_target(&a.target)?;
                }
            }
            Stmt::AugAssign(a) => self.aug_assign(a)?,
            Stmt::Pass(_) => {}
            Stmt::If(i) => self.if_stmt(i)?,
            Stmt::While(w) => self.while_stmt(w)?,
            Stmt::For(f) => {
                if f.is_async {
                    self.async_for_stmt(f)?
                } else {
                    self.for_stmt(f)?
                }
            }
            Stmt::Break(b) => self.break_stmt(b)?,
            Stmt::Continue(c) => self.continue_stmt(c)?,
            Stmt::FunctionDef(f) => self.function_def(f)?,
            Stmt::Return(r) => {
                if self.scope().kind != ScopeKind::Function {
                    return Err(self.syntax_err("'return' outside function", r));
                }
                if r.value.is_some() && self.unit().flags & flags::ASYNC_GENERATOR != 0 {
                    return Err(self.syntax_err("'return' with value in async generator", r));
                }
                self.return_stmt(r)?;
            }
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.delete_target(t)?;
                }
            }
            Stmt::Global(_) | Stmt::Nonlocal(_) => {}
            Stmt::Assert(_) if self.optimize > 0 => {}
            Stmt::Assert(a) => {
                self.expr(&a.test)?;
                // The raise is reported at the asserted expression (a constant one at the
                // statement), as in CPython.
                if !matches!(
                    &*a.test,
                    Expr::BooleanLiteral(_)
                        | Expr::NumberLiteral(_)
                        | Expr::NoneLiteral(_)
                        | Expr::StringLiteral(_)
                ) {
                    self.range = a.test.range();
                }
                let j = self.emit(Op::POP_JUMP_IF_TRUE, 0);
                self.emit(Op::LOAD_ASSERTION_ERROR, 0);
                if let Some(m) = &a.msg {
                    self.expr(m)?;
                    self.emit(Op::CALL, 1);
                }
                self.emit(Op::RAISE_VARARGS, 1);
                let h = self.here();
                self.patch(j, h);
            }
            Stmt::Raise(r) => {
                let mut n = 0;
                if let Some(e) = &r.exc {
                    self.expr(e)?;
                    n = 1;
                    if let Some(c) = &r.cause {
                        self.expr(c)?;
                        n = 2;
                    }
                }
                self.emit(Op::RAISE_VARARGS, n);
            }
            Stmt::Import(i) => {
                for a in &i.names {
                    self.load_const(Value::small_int(0));
                    self.load_const(Value::NONE);
                    let ni = self.name_index(&a.name);
                    self.emit(Op::IMPORT_NAME, ni);
                    match &a.asname {
                        Some(asname) => {
                            let parts: Vec<&str> = a.name.split('.').collect();
                            for p in &parts[1..] {
                                let pi = self.name_index(p);
                                self.emit(Op::IMPORT_FROM, pi);
                                self.emit(Op::SWAP, 2);
                                self.emit(Op::POP_TOP, 0);
                            }
                            self.name_op(asname, NameCtx::Store);
                        }
                        None => {
                            let top = a.name.split('.').next().unwrap().to_string();
                            self.name_op(&top, NameCtx::Store);
                        }
                    }
                }
            }
            Stmt::ImportFrom(i) => {
                let names: Vec<Value> = i.names.iter().map(|a| new_str(a.name.as_str())).collect();
                self.load_const(Value::small_int(i.level as i64));
                self.load_const(new_tuple(names));
                let modname = i.module.as_ref().map(|m| m.to_string()).unwrap_or_default();
                let ni = self.name_index(&modname);
                self.emit(Op::IMPORT_NAME, ni);
                if i.names.len() == 1 && i.names[0].name.as_str() == "*" {
                    if self.scope().kind != ScopeKind::Module {
                        return Err(self.syntax_err("import * only allowed at module level", s));
                    }
                    self.emit(Op::IMPORT_STAR, 0);
                } else {
                    for a in &i.names {
                        let ni = self.name_index(&a.name);
                        self.emit(Op::IMPORT_FROM, ni);
                        let target = a.asname.as_ref().unwrap_or(&a.name).to_string();
                        self.name_op(&target, NameCtx::Store);
                    }
                    self.emit(Op::POP_TOP, 0);
                }
            }
            Stmt::ClassDef(c) => self.class_def(c)?,
            Stmt::Try(t) => self.try_stmt(t)?,
            Stmt::With(w) => self.with_stmt(w)?,
            Stmt::Match(m) => self.match_stmt(m)?,
            Stmt::TypeAlias(_) => return Err(self.not_supported("the 'type' statement", s)),
            Stmt::IpyEscapeCommand(_) => return Err(self.syntax_err("invalid syntax", s)),
        }
        Ok(())
    }

    fn if_stmt(&mut self, i: &ast::StmtIf) -> Result<(), CompileError> {
        let mut end_jumps = vec![];
        self.cond_jump(&i.test, false)
            .and_then(|j| {
                self.stmts(&i.body)?;
                Ok(j)
            })
            .and_then(|mut pending| {
                for clause in &i.elif_else_clauses {
                    end_jumps.push(self.emit(Op::JUMP_FORWARD, 0));
                    let h = self.here();
                    self.patch_all(&pending, h);
                    self.set_line(clause);
                    match &clause.test {
                        Some(t) => {
                            pending = self.cond_jump(t, false)?;
                            self.stmts(&clause.body)?;
                        }
                        None => {
                            self.stmts(&clause.body)?;
                            pending = vec![];
                        }
                    }
                }
                let h = self.here();
                self.patch_all(&pending, h);
                Ok(())
            })?;
        let h = self.here();
        for j in end_jumps {
            self.patch(j, h);
        }
        Ok(())
    }

    /// Patches every jump of `jumps` to `target`.
    fn patch_all(&mut self, jumps: &[usize], target: usize) {
        for &j in jumps {
            self.patch(j, target);
        }
    }

    /// Compiles `test` and the jumps taken when its truth equals `jump_if`; returns them
    /// (all go to the same target). `and`/`or` become chains of conditional jumps, as
    /// CPython's `compiler_jump_if` emits, so each operand's test is a plain POP_JUMP (which
    /// tier 1 can fuse with a preceding comparison) instead of JUMP_IF_*_OR_POP, and `not`
    /// inverts the jump instead of computing a bool.
    fn cond_jump(&mut self, test: &Expr, jump_if: bool) -> Result<Vec<usize>, CompileError> {
        if let Expr::UnaryOp(u) = test {
            if u.op == ast::UnaryOp::Not {
                return self.cond_jump(&u.operand, !jump_if);
            }
        }
        if let Expr::BoolOp(b) = test {
            // `and` fails (`or` succeeds) as soon as one operand does: those exits jump
            // to the target when they agree with `jump_if`, else past the last operand.
            let is_and = b.op == ast::BoolOp::And;
            let (last, init) = b
                .values
                .split_last()
                .expect("a boolean operation has operands");
            let mut jumps = vec![];
            let mut skips = vec![];
            for v in init {
                if is_and != jump_if {
                    jumps.extend(self.cond_jump(v, jump_if)?);
                } else {
                    skips.extend(self.cond_jump(v, !jump_if)?);
                }
            }
            jumps.extend(self.cond_jump(last, jump_if)?);
            let h = self.here();
            self.patch_all(&skips, h);
            return Ok(jumps);
        }
        // `x is None` / `x is not None`: one fused test-and-jump, as CPython 3.11 emits.
        if let Expr::Compare(c) = test {
            if let ([op], [Expr::NoneLiteral(_)]) = (&*c.ops, &*c.comparators) {
                if matches!(op, ast::CmpOp::Is | ast::CmpOp::IsNot) {
                    self.expr(&c.left)?;
                    self.set_line(test);
                    let when_none = (*op == ast::CmpOp::Is) == jump_if;
                    return Ok(vec![self.emit(
                        if when_none {
                            Op::POP_JUMP_IF_NONE
                        } else {
                            Op::POP_JUMP_IF_NOT_NONE
                        },
                        0,
                    )]);
                }
            }
        }
        self.expr(test)?;
        Ok(vec![self.emit(
            if jump_if {
                Op::POP_JUMP_IF_TRUE
            } else {
                Op::POP_JUMP_IF_FALSE
            },
            0,
        )])
    }

    /// `while` loops are rotated, as CPython does: the test runs once on entry and again
    /// at the bottom, where its conditional jump back is the loop's only dispatch beyond
    /// the body (no unconditional JUMP per iteration).
    fn while_stmt(&mut self, w: &ast::StmtWhile) -> Result<(), CompileError> {
        let always = is_constant_true(&w.test);
        let entry_exit = if always {
            None
        } else {
            Some(self.cond_jump(&w.test, false)?)
        };
        let body = self.here();
        self.unit().loops.push(Loop {
            continue_target: None,
            continues: vec![],
            breaks: vec![],
            is_for: false,
        });
        self.unit()
            .fblocks
            .push(flow::FBlock::Loop { is_for: false });
        self.stmts(&w.body)?;
        self.unit().fblocks.pop();
        let l = self.unit().loops.pop().unwrap();
        let test = self.here();
        for c in l.continues {
            self.patch(c, test);
        }
        self.set_line(&*w.test);
        if always {
            self.emit(Op::JUMP_FORWARD, body as u32);
        } else {
            let back = self.cond_jump(&w.test, true)?;
            self.patch_all(&back, body);
        }
        if let Some(j) = entry_exit {
            let h = self.here();
            self.patch_all(&j, h);
        }
        self.stmts(&w.orelse)?;
        let end = self.here();
        for b in l.breaks {
            self.patch(b, end);
        }
        Ok(())
    }

    fn for_stmt(&mut self, f: &ast::StmtFor) -> Result<(), CompileError> {
        self.iter_operand(&f.iter)?;
        self.set_line(f);
        self.emit(Op::GET_ITER, 0);
        let top = self.emit(Op::FOR_ITER, 0);
        self.unit().loops.push(Loop {
            continue_target: Some(top),
            continues: vec![],
            breaks: vec![],
            is_for: true,
        });
        self.unit()
            .fblocks
            .push(flow::FBlock::Loop { is_for: true });
        self.unit().depth += 1;
        self.store_target(&f.target)?;
        self.stmts(&f.body)?;
        self.unit().depth -= 1;
        self.unit().fblocks.pop();
        self.set_line(f);
        self.emit(Op::JUMP_FORWARD, top as u32);
        let l = self.unit().loops.pop().unwrap();
        let h = self.here();
        self.patch(top, h);
        self.stmts(&f.orelse)?;
        let end = self.here();
        for b in l.breaks {
            self.patch(b, end);
        }
        Ok(())
    }

    fn aug_assign(&mut self, a: &ast::StmtAugAssign) -> Result<(), CompileError> {
        let op = binop(a.op) as u32 + BinOp::INPLACE;
        match &*a.target {
            Expr::Name(n) => {
                let stmt = std::mem::replace(&mut self.range, a.target.range());
                self.name_op(&n.id, NameCtx::Load);
                self.range = stmt;
                self.expr(&a.value)?;
                self.set_line(a);
                self.emit(Op::BINARY_OP, op);
                self.name_op(&n.id, NameCtx::Store);
            }
            Expr::Attribute(at) => {
                self.expr(&at.value)?;
                self.emit(Op::COPY, 1);
                let ni = self.name_index(&at.attr);
                self.emit(Op::LOAD_ATTR, ni);
                self.expr(&a.value)?;
                self.set_line(a);
                self.emit(Op::BINARY_OP, op);
                self.emit(Op::SWAP, 2);
                self.emit(Op::STORE_ATTR, ni);
            }
            Expr::Subscript(sub) => {
                self.expr(&sub.value)?;
                self.subscript_index(&sub.slice)?;
                self.emit(Op::COPY, 2);
                self.emit(Op::COPY, 2);
                self.emit(Op::BINARY_SUBSCR, 0);
                self.expr(&a.value)?;
                self.set_line(a);
                self.emit(Op::BINARY_OP, op);
                self.emit(Op::SWAP, 3);
                self.emit(Op::SWAP, 2);
                self.emit(Op::STORE_SUBSCR, 0);
            }
            other => {
                return Err(self.syntax_err(
                    "'expression' is an illegal expression for augmented assignment",
                    other,
                ))
            }
        }
        Ok(())
    }

    /// Stores TOS into an assignment target.
    pub(crate) fn store_target(&mut self, t: &Expr) -> Result<(), CompileError> {
        let saved = self.range;
        self.range = t.range();
        let r = self.store_target_inner(t);
        self.range = saved;
        r
    }

    fn store_target_inner(&mut self, t: &Expr) -> Result<(), CompileError> {
        match t {
            Expr::Name(n) => self.name_op(&n.id, NameCtx::Store),
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                let ni = self.name_index(&a.attr);
                self.emit(Op::STORE_ATTR, ni);
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.subscript_index(&s.slice)?;
                self.emit(Op::STORE_SUBSCR, 0);
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                let star = elts.iter().position(|e| matches!(e, Expr::Starred(_)));
                match star {
                    None => {
                        self.emit(Op::UNPACK_SEQUENCE, elts.len() as u32);
                    }
                    Some(si) => {
                        if elts
                            .iter()
                            .filter(|e| matches!(e, Expr::Starred(_)))
                            .count()
                            > 1
                        {
                            return Err(
                                self.syntax_err("multiple starred expressions in assignment", t)
                            );
                        }
                        let after = elts.len() - si - 1;
                        self.emit(Op::UNPACK_EX, (si as u32) | ((after as u32) << 8));
                    }
                }
                for e in elts {
                    match e {
                        Expr::Starred(s) => self.store_target(&s.value)?,
                        _ => self.store_target(e)?,
                    }
                }
            }
            Expr::Starred(s) => {
                return Err(
                    self.syntax_err("starred assignment target must be in a list or tuple", s)
                )
            }
            other => {
                let what = match other {
                    Expr::Call(_) => "function call",
                    Expr::NumberLiteral(_)
                    | Expr::StringLiteral(_)
                    | Expr::BooleanLiteral(_)
                    | Expr::NoneLiteral(_) => "literal",
                    _ => "expression",
                };
                return Err(self.syntax_err(
                    &format!("cannot assign to {what} here. Maybe you meant '==' instead of '='?"),
                    other,
                ));
            }
        }
        Ok(())
    }

    fn delete_target(&mut self, t: &Expr) -> Result<(), CompileError> {
        match t {
            Expr::Name(n) => self.name_op(&n.id, NameCtx::Delete),
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                let ni = self.name_index(&a.attr);
                self.emit(Op::DELETE_ATTR, ni);
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.subscript_index(&s.slice)?;
                self.emit(Op::DELETE_SUBSCR, 0);
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                for e in elts {
                    self.delete_target(e)?;
                }
            }
            other => return Err(self.syntax_err("cannot delete expression", other)),
        }
        Ok(())
    }

    fn function_def(&mut self, f: &ast::StmtFunctionDef) -> Result<(), CompileError> {
        for d in &f.decorator_list {
            self.expr(&d.expression)?;
        }
        self.set_line(f);
        let firstline = self.line_of(f.range().start());
        self.make_function(
            symtable::node_key(f),
            &f.name,
            &f.parameters,
            firstline,
            |c| {
                if let Some(Stmt::Expr(e)) = f.body.first() {
                    if let Expr::StringLiteral(d) = &*e.value {
                        if c.optimize < 2 {
                            c.unit().doc = new_str(d.value.to_str());
                        }
                    }
                }
                c.stmts(&f.body)
            },
        )?;
        for _ in &f.decorator_list {
            self.emit(Op::CALL, 1);
        }
        self.name_op(&f.name, NameCtx::Store);
        Ok(())
    }

    /// Compiles a function body into a code object and emits MAKE_FUNCTION for it.
    pub(crate) fn make_function(
        &mut self,
        key: usize,
        name: &str,
        params: &ast::Parameters,
        firstline: u32,
        body: impl FnOnce(&mut Self) -> Result<(), CompileError>,
    ) -> Result<(), CompileError> {
        let mut mflags = 0;
        let positional: Vec<&ast::ParameterWithDefault> = params
            .posonlyargs
            .iter()
            .chain(params.args.iter())
            .collect();
        let defaults: Vec<&Expr> = positional
            .iter()
            .filter_map(|p| p.default.as_deref())
            .collect();
        if !defaults.is_empty() {
            for d in &defaults {
                self.expr(d)?;
            }
            self.emit(Op::BUILD_TUPLE, defaults.len() as u32);
            mflags |= 1;
        }
        let kwdefaults: Vec<(&str, &Expr)> = params
            .kwonlyargs
            .iter()
            .filter_map(|p| p.default.as_deref().map(|d| (p.parameter.name.as_str(), d)))
            .collect();
        if !kwdefaults.is_empty() {
            for (n, d) in &kwdefaults {
                self.load_const(new_str(*n));
                self.expr(d)?;
            }
            self.emit(Op::BUILD_MAP, kwdefaults.len() as u32);
            mflags |= 2;
        }
        let scope = self.st.by_node[&key];
        let nested = self.scope().kind == ScopeKind::Function;
        let parent_qual = self.qualname_prefix();
        let qualname = format!("{parent_qual}{name}");
        self.push_unit(scope, name, &qualname, firstline);
        {
            let u = self.unit();
            u.argcount = positional.len() as u32;
            u.posonlyargcount = params.posonlyargs.len() as u32;
            u.kwonlyargcount = params.kwonlyargs.len() as u32;
            if params.vararg.is_some() {
                u.flags |= flags::VARARGS;
            }
            if params.kwarg.is_some() {
                u.flags |= flags::VARKW;
            }
        }
        // Parameter order in varnames: positional, keyword-only, *args, **kwargs.
        let mut order: Vec<String> = positional
            .iter()
            .map(|p| p.parameter.name.to_string())
            .collect();
        order.extend(
            params
                .kwonlyargs
                .iter()
                .map(|p| p.parameter.name.to_string()),
        );
        if let Some(v) = &params.vararg {
            order.push(v.name.to_string());
        }
        if let Some(v) = &params.kwarg {
            order.push(v.name.to_string());
        }
        {
            let u = self.unit();
            let rest: Vec<String> = u
                .varnames
                .iter()
                .filter(|v| !order.contains(v))
                .cloned()
                .collect();
            u.varnames = order.into_iter().chain(rest).collect();
        }
        let (is_gen, is_coro) = (
            self.st.scopes[scope].is_generator,
            self.st.scopes[scope].is_coroutine,
        );
        if is_gen || is_coro {
            self.unit().flags |= flags::GENERATOR;
        }
        if is_coro {
            self.unit().flags |= if is_gen {
                flags::ASYNC_GENERATOR
            } else {
                flags::COROUTINE
            };
        }
        if nested {
            self.unit().flags |= flags::NESTED;
        }
        let saved_line = self.line;
        body(self)?;
        if !matches!(self.unit().instrs.last(), Some(i) if i.op == Op::RETURN_VALUE) {
            self.load_const(Value::NONE);
            self.emit(Op::RETURN_VALUE, 0);
        }
        let code = self.pop_unit();
        self.line = saved_line;
        self.emit_make_function(code, mflags);
        Ok(())
    }

    /// Pushes the closure tuple (if the code has free variables) and MAKE_FUNCTION.
    pub(crate) fn emit_make_function(&mut self, code: Rc<Code>, mut mflags: u32) {
        if !code.freevars.is_empty() {
            for fv in code.freevars.iter() {
                let name = crate::types::str::as_str(fv).unwrap().to_string();
                let i = self.deref_index(&name);
                self.emit(Op::LOAD_CLOSURE, i);
            }
            self.emit(Op::BUILD_TUPLE, code.freevars.len() as u32);
            mflags |= 8;
        }
        self.load_const(new_code(code));
        self.emit(Op::MAKE_FUNCTION, mflags);
    }

    /// `prefix.` for the qualified name of a function or class defined in the current unit.
    pub(crate) fn qualname_prefix(&self) -> String {
        let u = self.units.last().unwrap();
        match self.st.scopes[u.scope].kind {
            ScopeKind::Module => String::new(),
            ScopeKind::Class => format!("{}.", u.qualname),
            ScopeKind::Function => format!("{}.<locals>.", u.qualname),
        }
    }
}

#[derive(Clone, Copy)]
pub(crate) enum NameCtx {
    Load,
    Store,
    Delete,
}
impl NameCtx {
    fn pick(self, l: Op, s: Op, d: Op) -> Op {
        match self {
            NameCtx::Load => l,
            NameCtx::Store => s,
            NameCtx::Delete => d,
        }
    }
}

pub(crate) fn binop(op: ast::Operator) -> BinOp {
    use ast::Operator as O;
    match op {
        O::Add => BinOp::Add,
        O::Sub => BinOp::Sub,
        O::Mult => BinOp::Mul,
        O::MatMult => BinOp::MatMul,
        O::Div => BinOp::TrueDiv,
        O::Mod => BinOp::Mod,
        O::Pow => BinOp::Pow,
        O::LShift => BinOp::LShift,
        O::RShift => BinOp::RShift,
        O::BitOr => BinOp::Or,
        O::BitXor => BinOp::Xor,
        O::BitAnd => BinOp::And,
        O::FloorDiv => BinOp::FloorDiv,
    }
}

/// Dedup key for constants (None for unhashable/unique constants like code objects).
fn const_key(v: &Value) -> Option<String> {
    if let Some(i) = v.as_small_int() {
        return Some(format!("i{i}"));
    }
    if let Some(f) = v.as_float() {
        return Some(format!("f{}", f.to_bits()));
    }
    if let Some(b) = v.as_bool() {
        return Some(format!("b{b}"));
    }
    if v.is_none() {
        return Some("n".into());
    }
    if let Some(s) = crate::types::str::as_str(v) {
        return Some(format!("s{s}"));
    }
    if let Some(b) = v.downcast::<crate::types::bytes::BytesObj>() {
        return Some(format!("y{}", crate::fmt::bytes_repr(&b.data)));
    }
    None
}

/// The exception table from per-instruction handler records (consecutive runs merged).
fn handler_table(handler_of: &[Option<(flow::Label, u32)>], labels: &[u32]) -> Vec<Handler> {
    let mut out: Vec<Handler> = Vec::new();
    for (i, h) in handler_of.iter().enumerate() {
        let Some((label, depth)) = *h else { continue };
        let target = labels[label as usize];
        match out.last_mut() {
            Some(last) if last.end == i as u32 && last.target == target && last.depth == depth => {
                last.end += 1;
            }
            _ => out.push(Handler {
                start: i as u32,
                end: i as u32 + 1,
                target,
                depth,
            }),
        }
    }
    out
}

/// Jumps are emitted as forward jumps; those whose target is not after them are back
/// edges, and become the backward forms (which count towards hotness).
fn set_jump_directions(instrs: &mut [Instr]) {
    for (i, ins) in instrs.iter_mut().enumerate() {
        if (ins.arg as usize) > i {
            continue;
        }
        ins.op = match ins.op {
            Op::JUMP_FORWARD => Op::JUMP_BACKWARD,
            Op::POP_JUMP_IF_FALSE => Op::POP_JUMP_BACKWARD_IF_FALSE,
            Op::POP_JUMP_IF_TRUE => Op::POP_JUMP_BACKWARD_IF_TRUE,
            Op::POP_JUMP_IF_NONE => Op::POP_JUMP_BACKWARD_IF_NONE,
            Op::POP_JUMP_IF_NOT_NONE => Op::POP_JUMP_BACKWARD_IF_NOT_NONE,
            op => op,
        };
    }
}

/// A `while` test that is always true (`while True:`, `while 1:`): no test is emitted.
fn is_constant_true(e: &Expr) -> bool {
    match e {
        Expr::BooleanLiteral(b) => b.value,
        Expr::NumberLiteral(n) => match &n.value {
            ast::Number::Int(i) => i.as_i64() != Some(0),
            _ => false,
        },
        _ => false,
    }
}

/// Operand-stack depth before each instruction (-1: unreachable), by abstract
/// interpretation over the control-flow graph (handler entries start at their recorded
/// depth plus the pushed exception).
pub(crate) fn stack_depths(instrs: &[Instr], handlers: &[Handler]) -> Vec<i32> {
    let n = instrs.len();
    let mut depth: Vec<i32> = vec![-1; n + 1];
    let mut work = vec![(0usize, 0i32)];
    for h in handlers {
        work.push((h.target as usize, h.depth as i32 + 1));
    }
    while let Some((mut pc, mut d)) = work.pop() {
        while pc < n {
            if depth[pc] >= d {
                break;
            }
            depth[pc] = d;
            let ins = instrs[pc];
            if ins.is_jump() {
                let jd = d + ins.op.stack_effect(ins.arg, true);
                work.push((ins.arg as usize, jd));
            }
            d += ins.op.stack_effect(ins.arg, false);
            if matches!(
                ins.op,
                Op::JUMP_FORWARD
                    | Op::JUMP_BACKWARD
                    | Op::RETURN_VALUE
                    | Op::RAISE_VARARGS
                    | Op::RERAISE
            ) {
                break;
            }
            pc += 1;
        }
    }
    depth
}

/// Maximum operand-stack depth (room for one more push at every point).
fn max_stack_depth(instrs: &[Instr], handlers: &[Handler]) -> u32 {
    let depths = stack_depths(instrs, handlers);
    let mut max = 0;
    for (pc, ins) in instrs.iter().enumerate() {
        let d = depths[pc];
        if d >= 0 {
            max = max.max(d + ins.op.stack_effect(ins.arg, false)).max(d + 1);
        }
    }
    debug_assert!(check_handler_depths(instrs, handlers, &depths).is_ok());
    max.max(2) as u32
}

/// The unwinder's invariant: an instruction covered by a handler runs with at least the
/// handler's depth on the operand stack (the handler cuts the stack down to it and pushes
/// the exception; a deeper handler would read slots that hold nothing).
pub(crate) fn check_handler_depths(
    instrs: &[Instr],
    handlers: &[Handler],
    depths: &[i32],
) -> Result<(), String> {
    for h in handlers {
        for pc in h.start..h.end {
            if !instrs[pc as usize].op.can_raise() {
                continue;
            }
            let d = depths[pc as usize];
            // Before the instruction, minus what it pops before it can raise: the
            // instruction's own effect is bounded by the stack at entry, so compare the
            // lower of the depths before and after it.
            let after = d + instrs[pc as usize]
                .op
                .stack_effect(instrs[pc as usize].arg, false);
            if d >= 0 && d.min(after) < h.depth as i32 {
                return Err(format!(
                    "instruction {pc} ({}) runs at depth {} but its handler expects {}",
                    instrs[pc as usize].op.name(),
                    d.min(after),
                    h.depth
                ));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_all(code: &Code, failures: &mut Vec<String>) {
        let instrs: Vec<Instr> = code.instrs.iter().map(|c| c.get()).collect();
        let depths = stack_depths(&instrs, &code.handlers);
        if let Err(e) = check_handler_depths(&instrs, &code.handlers, &depths) {
            failures.push(format!("{}: {} ({})", code.filename, code.qualname, e));
        }
        for c in code.consts.iter() {
            if let Some(co) = c.downcast::<crate::types::func::CodeObj>() {
                check_all(&co.code, failures);
            }
        }
    }

    /// Every code object of the test and benchmark programs keeps the unwinder's
    /// invariant (handler depth at most the operand depth of what it covers).
    #[test]
    fn handler_depths_hold_for_all_programs() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .parent()
            .unwrap();
        let mut failures = vec![];
        let mut n = 0;
        for dir in ["tests/programs", "benches/programs", "benches/micro"] {
            for e in std::fs::read_dir(root.join(dir)).unwrap() {
                let p = e.unwrap().path();
                if p.extension().is_some_and(|x| x == "py") {
                    let src = std::fs::read_to_string(&p).unwrap();
                    if let Ok(code) = compile_module(&src, &p.display().to_string()) {
                        check_all(&code, &mut failures);
                        n += 1;
                    }
                }
            }
        }
        assert!(n > 200, "found only {n} programs");
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }
}

/// The target and value items of an assignment `t1, t2 = v1, v2` (or three of each) that
/// compiles to a SWAP instead of building and unpacking a tuple.
fn swap_assign(a: &ast::StmtAssign) -> Option<(&[Expr], &[Expr])> {
    let [target] = a.targets.as_slice() else {
        return None;
    };
    let targets: &[Expr] = match target {
        Expr::Tuple(t) => &t.elts,
        Expr::List(l) => &l.elts,
        _ => return None,
    };
    let Expr::Tuple(v) = &*a.value else {
        return None;
    };
    let n = targets.len();
    let starred = |e: &Expr| matches!(e, Expr::Starred(_));
    ((2..=3).contains(&n)
        && v.elts.len() == n
        && !targets.iter().any(starred)
        && !v.elts.iter().any(starred))
    .then_some((targets, &v.elts[..]))
}
