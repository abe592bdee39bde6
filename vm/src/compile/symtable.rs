//! Scope analysis: decides for every name in every scope whether it is a local, a cell
//! (local captured by an inner scope), a free variable (captured from an outer scope) or a
//! global. Runs over the whole module before code generation.

use super::names::Names;
use super::CompileError;
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::Ranged;
use std::collections::HashMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    Function,
    Class,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameKind {
    Local,
    Cell,
    Free,
    GlobalExplicit,
    GlobalImplicit,
}

#[derive(Debug)]
pub struct Scope {
    pub kind: ScopeKind,
    pub name: String,
    /// Names bound in this scope, in first-binding order (parameters first).
    pub bound: Names,
    pub params: Names,
    pub used: Names,
    pub globals: Names,
    pub nonlocals: Names,
    pub children: Vec<usize>,
    pub parent: Option<usize>,
    pub resolved: HashMap<String, NameKind>,
    pub cellvars: Vec<String>,
    pub freevars: Vec<String>,
    pub is_generator: bool,
    /// `async def`, or a comprehension using `async for`/`await` (with `is_generator`: an
    /// async generator).
    pub is_coroutine: bool,
    /// An `await` appears directly in this scope.
    pub has_await: bool,
}

impl Scope {
    fn new(kind: ScopeKind, name: &str, parent: Option<usize>) -> Scope {
        Scope {
            kind,
            name: name.to_string(),
            bound: Names::default(),
            params: Names::default(),
            used: Names::default(),
            globals: Names::default(),
            nonlocals: Names::default(),
            children: vec![],
            parent,
            resolved: HashMap::new(),
            cellvars: vec![],
            freevars: vec![],
            is_generator: false,
            is_coroutine: false,
            has_await: false,
        }
    }
    pub fn lookup(&self, name: &str) -> NameKind {
        self.resolved
            .get(name)
            .copied()
            .unwrap_or(if self.kind == ScopeKind::Module {
                NameKind::GlobalImplicit
            } else {
                NameKind::GlobalImplicit
            })
    }
}

/// All scopes of a module; scopes are keyed by the address of their AST node.
pub struct SymTable {
    pub scopes: Vec<Scope>,
    pub by_node: HashMap<usize, usize>,
}

fn push_unique(v: &mut Vec<String>, s: &str) {
    if !v.iter().any(|x| x == s) {
        v.push(s.to_string());
    }
}

pub fn node_key<T>(n: &T) -> usize {
    n as *const T as usize
}

struct Builder<'a> {
    t: SymTable,
    cur: usize,
    line_of: &'a dyn Fn(u32) -> u32,
    /// Parser stack CPython would use for the right-nested expressions being walked:
    /// past its limit (6000) CPython's parser fails with MemoryError.
    parse_cost: usize,
}

impl Builder<'_> {
    fn scope(&mut self) -> &mut Scope {
        &mut self.t.scopes[self.cur]
    }
    fn bind(&mut self, name: &str) {
        self.scope().bound.push_unique(name);
    }
    fn use_name(&mut self, name: &str) {
        self.scope().used.push_unique(name);
    }
    fn enter(&mut self, key: usize, kind: ScopeKind, name: &str) -> usize {
        let id = self.t.scopes.len();
        self.t.scopes.push(Scope::new(kind, name, Some(self.cur)));
        self.t.scopes[self.cur].children.push(id);
        self.t.by_node.insert(key, id);
        let prev = self.cur;
        self.cur = id;
        prev
    }

    fn params(&mut self, p: &ast::Parameters) -> Result<(), CompileError> {
        let names: Vec<(String, u32)> = p
            .posonlyargs
            .iter()
            .chain(p.args.iter())
            .map(|a| &a.parameter)
            .chain(p.vararg.iter().map(|a| &**a))
            .chain(p.kwonlyargs.iter().map(|a| &a.parameter))
            .chain(p.kwarg.iter().map(|a| &**a))
            .map(|a| (a.name.to_string(), a.range().start().to_u32()))
            .collect();
        for (n, off) in names {
            if self.scope().params.contains(&n) {
                return Err(CompileError::syntax(
                    format!("duplicate argument '{n}' in function definition"),
                    (self.line_of)(off),
                    0,
                ));
            }
            self.scope().params.push_unique(&n);
            self.bind(&n);
        }
        Ok(())
    }

    fn param_defaults(&mut self, p: &ast::Parameters) -> Result<(), CompileError> {
        for a in p
            .posonlyargs
            .iter()
            .chain(p.args.iter())
            .chain(p.kwonlyargs.iter())
        {
            if let Some(d) = &a.default {
                self.expr(d)?;
            }
        }
        Ok(())
    }

    fn stmts(&mut self, body: &[Stmt]) -> Result<(), CompileError> {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn stmt(&mut self, s: &Stmt) -> Result<(), CompileError> {
        match s {
            Stmt::FunctionDef(f) => {
                for d in &f.decorator_list {
                    self.expr(&d.expression)?;
                }
                self.param_defaults(&f.parameters)?;
                self.bind(&f.name);
                let prev = self.enter(node_key(f), ScopeKind::Function, &f.name);
                self.scope().is_coroutine = f.is_async;
                self.params(&f.parameters)?;
                self.stmts(&f.body)?;
                self.cur = prev;
            }
            Stmt::ClassDef(c) => {
                for d in &c.decorator_list {
                    self.expr(&d.expression)?;
                }
                if let Some(a) = &c.arguments {
                    for e in a.args.iter() {
                        self.expr(e)?;
                    }
                    for k in a.keywords.iter() {
                        self.expr(&k.value)?;
                    }
                }
                self.bind(&c.name);
                let prev = self.enter(node_key(c), ScopeKind::Class, &c.name);
                self.stmts(&c.body)?;
                self.cur = prev;
            }
            Stmt::Return(r) => {
                if let Some(v) = &r.value {
                    self.expr(v)?;
                }
            }
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.target(t)?;
                }
            }
            Stmt::Assign(a) => {
                self.expr(&a.value)?;
                for t in &a.targets {
                    self.target(t)?;
                }
            }
            Stmt::AugAssign(a) => {
                self.expr(&a.value)?;
                if let Expr::Name(n) = &*a.target {
                    self.use_name(&n.id);
                }
                self.target(&a.target)?;
            }
            Stmt::AnnAssign(a) => {
                if let Some(v) = &a.value {
                    self.expr(v)?;
                    self.target(&a.target)?;
                } else if !matches!(&*a.target, Expr::Name(_)) {
                    self.expr(&a.target)?;
                }
            }
            Stmt::For(f) => {
                self.expr(&f.iter)?;
                self.target(&f.target)?;
                self.stmts(&f.body)?;
                self.stmts(&f.orelse)?;
            }
            Stmt::While(w) => {
                self.expr(&w.test)?;
                self.stmts(&w.body)?;
                self.stmts(&w.orelse)?;
            }
            Stmt::If(i) => {
                self.expr(&i.test)?;
                self.stmts(&i.body)?;
                for c in &i.elif_else_clauses {
                    if let Some(t) = &c.test {
                        self.expr(t)?;
                    }
                    self.stmts(&c.body)?;
                }
            }
            Stmt::With(w) => {
                for it in &w.items {
                    self.expr(&it.context_expr)?;
                    if let Some(v) = &it.optional_vars {
                        self.target(v)?;
                    }
                }
                self.stmts(&w.body)?;
            }
            Stmt::Raise(r) => {
                if let Some(e) = &r.exc {
                    self.expr(e)?;
                }
                if let Some(e) = &r.cause {
                    self.expr(e)?;
                }
            }
            Stmt::Try(t) => {
                self.stmts(&t.body)?;
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    if let Some(ty) = &h.type_ {
                        self.expr(ty)?;
                    }
                    if let Some(n) = &h.name {
                        self.bind(n);
                    }
                    self.stmts(&h.body)?;
                }
                self.stmts(&t.orelse)?;
                self.stmts(&t.finalbody)?;
            }
            Stmt::Assert(a) => {
                self.expr(&a.test)?;
                if let Some(m) = &a.msg {
                    self.expr(m)?;
                }
            }
            Stmt::Import(i) => {
                for a in &i.names {
                    let n = match &a.asname {
                        Some(n) => n.to_string(),
                        None => a.name.split('.').next().unwrap().to_string(),
                    };
                    self.bind(&n);
                }
            }
            Stmt::ImportFrom(i) => {
                for a in &i.names {
                    let n = a.asname.as_ref().unwrap_or(&a.name).to_string();
                    if n != "*" {
                        self.bind(&n);
                    }
                }
            }
            Stmt::Global(g) => {
                for n in &g.names {
                    let line = (self.line_of)(g.range().start().to_u32());
                    if self.scope().bound.contains(n.as_str())
                        || self.scope().used.contains(n.as_str())
                    {
                        let msg = if self.scope().params.contains(n.as_str()) {
                            format!("name '{n}' is parameter and global")
                        } else if self.scope().bound.contains(n.as_str()) {
                            format!("name '{n}' is assigned to before global declaration")
                        } else {
                            format!("name '{n}' is used prior to global declaration")
                        };
                        return Err(CompileError::syntax(msg, line, 0));
                    }
                    self.scope().globals.push_unique(n);
                }
            }
            Stmt::Nonlocal(g) => {
                let line = (self.line_of)(g.range().start().to_u32());
                if self.scope().kind == ScopeKind::Module {
                    return Err(CompileError::syntax(
                        "nonlocal declaration not allowed at module level",
                        line,
                        0,
                    ));
                }
                for n in &g.names {
                    if self.scope().bound.contains(n.as_str()) {
                        let msg = if self.scope().params.contains(n.as_str()) {
                            format!("name '{n}' is parameter and nonlocal")
                        } else {
                            format!("name '{n}' is assigned to before nonlocal declaration")
                        };
                        return Err(CompileError::syntax(msg, line, 0));
                    }
                    self.scope().nonlocals.push_unique(n);
                }
            }
            Stmt::Expr(e) => self.expr(&e.value)?,
            Stmt::Pass(_) | Stmt::Break(_) | Stmt::Continue(_) => {}
            Stmt::Match(m) => {
                self.expr(&m.subject)?;
                for c in &m.cases {
                    self.pattern(&c.pattern)?;
                    if let Some(g) = &c.guard {
                        self.expr(g)?;
                    }
                    self.stmts(&c.body)?;
                }
            }
            Stmt::TypeAlias(_) | Stmt::IpyEscapeCommand(_) => {}
        }
        Ok(())
    }

    /// A `case` pattern: its capture names are bound, value patterns are uses.
    fn pattern(&mut self, p: &ast::Pattern) -> Result<(), CompileError> {
        use ast::Pattern as P;
        match p {
            P::MatchValue(v) => self.expr(&v.value)?,
            P::MatchSingleton(_) => {}
            P::MatchSequence(s) => {
                for q in &s.patterns {
                    self.pattern(q)?;
                }
            }
            P::MatchMapping(m) => {
                for k in &m.keys {
                    self.expr(k)?;
                }
                for q in &m.patterns {
                    self.pattern(q)?;
                }
                if let Some(r) = &m.rest {
                    self.bind(r);
                }
            }
            P::MatchClass(c) => {
                self.expr(&c.cls)?;
                for q in &c.arguments.patterns {
                    self.pattern(q)?;
                }
                for k in &c.arguments.keywords {
                    self.pattern(&k.pattern)?;
                }
            }
            P::MatchStar(s) => {
                if let Some(n) = &s.name {
                    self.bind(n);
                }
            }
            P::MatchAs(a) => {
                if let Some(q) = &a.pattern {
                    self.pattern(q)?;
                }
                if let Some(n) = &a.name {
                    self.bind(n);
                }
            }
            P::MatchOr(o) => {
                for q in &o.patterns {
                    self.pattern(q)?;
                }
            }
        }
        Ok(())
    }

    fn target(&mut self, t: &Expr) -> Result<(), CompileError> {
        match t {
            Expr::Name(n) => self.bind(&n.id),
            Expr::Tuple(tu) => {
                for e in &tu.elts {
                    self.target(e)?;
                }
            }
            Expr::List(l) => {
                for e in &l.elts {
                    self.target(e)?;
                }
            }
            Expr::Starred(s) => self.target(&s.value)?,
            other => self.expr(other)?,
        }
        Ok(())
    }

    fn comprehension(
        &mut self,
        key: usize,
        gens: &[ast::Comprehension],
        elts: &[&Expr],
    ) -> Result<(), CompileError> {
        // The first iterable is evaluated in the enclosing scope.
        self.expr(&gens[0].iter)?;
        let prev = self.enter(key, ScopeKind::Function, "<comprehension>");
        self.bind(".0");
        self.scope().params.push_unique(".0");
        for (i, g) in gens.iter().enumerate() {
            if i > 0 {
                self.expr(&g.iter)?;
            }
            self.target(&g.target)?;
            for c in &g.ifs {
                self.expr(c)?;
            }
        }
        for e in elts {
            self.expr(e)?;
        }
        let s = self.scope();
        s.is_coroutine = s.has_await || gens.iter().any(|g| g.is_async);
        self.cur = prev;
        Ok(())
    }

    fn expr(&mut self, e: &Expr) -> Result<(), CompileError> {
        // Measured on CPython 3.11: a lambda takes 2 parser levels, a unary operator 1, and
        // 5968 levels fail.
        let cost = match e {
            Expr::Lambda(_) => 2,
            Expr::UnaryOp(_) => 1,
            _ => 0,
        };
        if cost == 0 {
            return self.expr_inner(e);
        }
        self.parse_cost += cost;
        if self.parse_cost >= 5968 {
            return Err(CompileError {
                kind: super::CompileErrorKind::Memory,
                msg: String::new(),
                line: 0,
                col: 0,
                end_col: None,
            });
        }
        let r = self.expr_inner(e);
        self.parse_cost -= cost;
        r
    }

    fn expr_inner(&mut self, e: &Expr) -> Result<(), CompileError> {
        match e {
            Expr::Name(n) => {
                if matches!(n.ctx, ast::ExprContext::Store) {
                    self.bind(&n.id)
                } else {
                    self.use_name(&n.id)
                }
            }
            Expr::Named(n) => {
                self.expr(&n.value)?;
                // The target binds in the nearest enclosing non-comprehension scope.
                let mut s = self.cur;
                while self.t.scopes[s].name == "<comprehension>" {
                    s = self.t.scopes[s].parent.unwrap();
                }
                if let Expr::Name(t) = &*n.target {
                    self.t.scopes[s].bound.push_unique(&t.id);
                    if s != self.cur {
                        let mut c = self.cur;
                        while c != s {
                            self.t.scopes[c].nonlocals.push_unique(&t.id);
                            c = self.t.scopes[c].parent.unwrap();
                        }
                    }
                }
            }
            Expr::Lambda(l) => {
                if let Some(p) = &l.parameters {
                    self.param_defaults(p)?;
                }
                let prev = self.enter(node_key(l), ScopeKind::Function, "<lambda>");
                if let Some(p) = &l.parameters {
                    self.params(p)?;
                }
                self.expr(&l.body)?;
                self.cur = prev;
            }
            Expr::ListComp(c) => self.comprehension(node_key(c), &c.generators, &[&c.elt])?,
            Expr::SetComp(c) => self.comprehension(node_key(c), &c.generators, &[&c.elt])?,
            Expr::Generator(c) => {
                self.comprehension(node_key(c), &c.generators, &[&c.elt])?;
                let id = self.t.by_node[&node_key(c)];
                self.t.scopes[id].is_generator = true;
            }
            Expr::DictComp(c) => {
                let mut elts: Vec<&Expr> = vec![&c.value];
                if let Some(k) = &c.key {
                    elts.insert(0, k);
                }
                self.comprehension(node_key(c), &c.generators, &elts)?
            }
            Expr::Yield(y) => {
                self.scope().is_generator = true;
                if let Some(v) = &y.value {
                    self.expr(v)?;
                }
            }
            Expr::YieldFrom(y) => {
                self.scope().is_generator = true;
                self.expr(&y.value)?;
            }
            Expr::Await(a) => {
                self.scope().has_await = true;
                self.expr(&a.value)?;
            }
            _ => {
                let mut err = Ok(());
                walk_children(e, &mut |c| {
                    if err.is_ok() {
                        err = self.expr(c);
                    }
                });
                err?;
            }
        }
        Ok(())
    }
}

/// Calls `f` on each direct sub-expression of `e` (for node types without scope effects).
pub fn walk_children<'a>(e: &'a Expr, f: &mut dyn FnMut(&'a Expr)) {
    match e {
        Expr::BoolOp(b) => b.values.iter().for_each(f),
        Expr::BinOp(b) => {
            f(&b.left);
            f(&b.right)
        }
        Expr::UnaryOp(u) => f(&u.operand),
        Expr::If(i) => {
            f(&i.test);
            f(&i.body);
            f(&i.orelse)
        }
        Expr::Dict(d) => {
            for it in &d.items {
                if let Some(k) = &it.key {
                    f(k)
                }
                f(&it.value)
            }
        }
        Expr::Set(s) => s.elts.iter().for_each(f),
        Expr::Await(a) => f(&a.value),
        Expr::Compare(c) => {
            f(&c.left);
            c.comparators.iter().for_each(f)
        }
        Expr::Call(c) => {
            f(&c.func);
            c.arguments.args.iter().for_each(&mut *f);
            c.arguments.keywords.iter().for_each(|k| f(&k.value))
        }
        Expr::FString(fs) => {
            for part in fs.value.iter() {
                if let ast::FStringPart::FString(s) = part {
                    walk_fstring_elements(&s.elements, f);
                }
            }
        }
        Expr::Attribute(a) => f(&a.value),
        Expr::Subscript(s) => {
            f(&s.value);
            f(&s.slice)
        }
        Expr::Starred(s) => f(&s.value),
        Expr::List(l) => l.elts.iter().for_each(f),
        Expr::Tuple(t) => t.elts.iter().for_each(f),
        Expr::Slice(s) => {
            for x in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                f(x)
            }
        }
        _ => {}
    }
}

fn walk_fstring_elements<'a>(
    els: &'a ast::InterpolatedStringElements,
    f: &mut dyn FnMut(&'a Expr),
) {
    for el in els.iter() {
        if let ast::InterpolatedStringElement::Interpolation(i) = el {
            f(&i.expression);
            if let Some(spec) = &i.format_spec {
                walk_fstring_elements(&spec.elements, f);
            }
        }
    }
}

/// Builds and resolves the scopes of a module.
pub fn build(
    module: &ast::ModModule,
    line_of: &dyn Fn(u32) -> u32,
) -> Result<SymTable, CompileError> {
    let mut b = Builder {
        t: SymTable {
            scopes: vec![Scope::new(ScopeKind::Module, "<module>", None)],
            by_node: HashMap::new(),
        },
        cur: 0,
        line_of,
        parse_cost: 0,
    };
    b.stmts(&module.body)?;
    let mut t = b.t;
    resolve(&mut t, 0)?;
    Ok(t)
}

/// Resolves names top-down; free variables mark the defining scope's local as a cell.
fn resolve(t: &mut SymTable, id: usize) -> Result<(), CompileError> {
    let kind = t.scopes[id].kind;
    let names: Names = {
        let s = &t.scopes[id];
        let mut v = s.bound.clone();
        for n in s
            .used
            .iter()
            .chain(s.globals.iter())
            .chain(s.nonlocals.iter())
        {
            v.push_unique(n);
        }
        v
    };
    for n in names.iter().cloned() {
        let s = &t.scopes[id];
        let k = if s.globals.contains(&n) {
            NameKind::GlobalExplicit
        } else if s.nonlocals.contains(&n) {
            match find_enclosing(t, id, &n) {
                Some(_) => NameKind::Free,
                None => {
                    return Err(CompileError::syntax(
                        format!("no binding for nonlocal '{n}' found"),
                        0,
                        0,
                    ));
                }
            }
        } else if kind == ScopeKind::Module {
            NameKind::GlobalImplicit
        } else if s.bound.contains(&n) {
            NameKind::Local
        } else if find_enclosing(t, id, &n).is_some() {
            NameKind::Free
        } else {
            NameKind::GlobalImplicit
        };
        if k == NameKind::Free {
            // Mark the owner as a cell and every scope in between as passing it through.
            let owner = find_enclosing(t, id, &n).unwrap();
            let mut c = t.scopes[id].parent.unwrap();
            while c != owner {
                if t.scopes[c].kind == ScopeKind::Function || t.scopes[c].kind == ScopeKind::Class {
                    push_unique(&mut t.scopes[c].freevars, &n);
                    t.scopes[c]
                        .resolved
                        .entry(n.clone())
                        .or_insert(NameKind::Free);
                }
                c = t.scopes[c].parent.unwrap();
            }
            push_unique(&mut t.scopes[owner].cellvars, &n);
            t.scopes[owner].resolved.insert(n.clone(), NameKind::Cell);
            push_unique(&mut t.scopes[id].freevars, &n);
        }
        let e = t.scopes[id].resolved.entry(n.clone()).or_insert(k);
        if *e == NameKind::Local && k == NameKind::Free {
            *e = k;
        }
    }
    // Methods using `super` or `__class__` capture the class being defined: an implicit
    // `__class__` cell of the nearest enclosing class scope.
    let s = &t.scopes[id];
    if kind == ScopeKind::Function
        && s.used.iter().any(|n| n == "super" || n == "__class__")
        && !s.bound.iter().any(|n| n == "__class__")
    {
        let mut c = s.parent;
        let mut path = vec![];
        while let Some(p) = c {
            match t.scopes[p].kind {
                ScopeKind::Class => {
                    push_unique(&mut t.scopes[p].cellvars, "__class__");
                    t.scopes[p]
                        .resolved
                        .insert("__class__".into(), NameKind::Cell);
                    for q in path.into_iter().chain([id]) {
                        let sc: &mut Scope = &mut t.scopes[q];
                        push_unique(&mut sc.freevars, "__class__");
                        sc.resolved.insert("__class__".into(), NameKind::Free);
                    }
                    break;
                }
                ScopeKind::Module => break,
                ScopeKind::Function => path.push(p),
            }
            c = t.scopes[p].parent;
        }
    }
    let children = t.scopes[id].children.clone();
    for c in children {
        resolve(t, c)?;
    }
    Ok(())
}

/// The nearest enclosing function scope that binds `name` locally (class scopes are skipped).
fn find_enclosing(t: &SymTable, id: usize, name: &str) -> Option<usize> {
    let mut p = t.scopes[id].parent;
    while let Some(pid) = p {
        let s = &t.scopes[pid];
        if s.kind == ScopeKind::Module {
            return None;
        }
        if s.kind == ScopeKind::Function {
            if s.globals.contains(name) {
                return None;
            }
            if s.bound.contains(name) && !s.nonlocals.contains(name) {
                return Some(pid);
            }
            if s.nonlocals.contains(name) {
                return find_enclosing(t, pid, name);
            }
        }
        p = s.parent;
    }
    None
}
