//! Expression compilation.

use super::{binop, symtable, CompileError, Compiler, NameCtx};
use crate::bytecode::{CmpOp, Op};
use crate::types::str::new_str;
use crate::types::tuple::new_tuple;
use crate::value::Value;
use ruff_python_ast::{self as ast, Expr};
use ruff_text_size::Ranged;

impl Compiler<'_> {
    pub(crate) fn expr(&mut self, e: &Expr) -> Result<(), CompileError> {
        // CPython's compiler allows 3 levels per unit of the recursion limit (1000), the
        // statement holding the expression included.
        if self.expr_depth >= 2998 {
            return Err(CompileError {
                kind: super::CompileErrorKind::Recursion,
                msg: "maximum recursion depth exceeded during compilation".into(),
                line: 0,
                col: 0,
                end_col: None,
            });
        }
        let saved = (self.line, self.range);
        self.line = self.line_of(e.range().start());
        self.range = e.range();
        self.expr_depth += 1;
        let r = self.expr_inner(e);
        self.expr_depth -= 1;
        (self.line, self.range) = saved;
        r
    }

    fn expr_inner(&mut self, e: &Expr) -> Result<(), CompileError> {
        match e {
            Expr::NumberLiteral(n) => {
                let v = self.number(&n.value, e)?;
                self.load_const(v);
            }
            Expr::StringLiteral(s) => self.load_const(str_const(s.value.to_str())),
            Expr::BooleanLiteral(b) => self.load_const(Value::bool(b.value)),
            Expr::NoneLiteral(_) => self.load_const(Value::NONE),
            Expr::EllipsisLiteral(_) => {
                let v = crate::types::tt().ellipsis.clone();
                self.load_const(v)
            }
            Expr::BytesLiteral(b) => {
                let data: Vec<u8> = b.value.bytes().collect();
                self.load_const(crate::types::bytes::new_bytes(data))
            }
            // `__debug__` is a compile-time constant, as in CPython.
            Expr::Name(n) if n.id.as_str() == "__debug__" => {
                self.load_const(Value::bool(self.optimize == 0))
            }
            Expr::Name(n) => self.name_op(&n.id, NameCtx::Load),
            Expr::BinOp(b) => {
                self.expr(&b.left)?;
                self.expr(&b.right)?;
                self.emit(Op::BINARY_OP, binop(b.op) as u32);
            }
            Expr::UnaryOp(u) => {
                // Fold negative numeric literals, as CPython does.
                if let (ast::UnaryOp::USub, Expr::NumberLiteral(n)) = (u.op, &*u.operand) {
                    match &n.value {
                        ast::Number::Float(f) => {
                            self.load_const(Value::float(-f));
                            return Ok(());
                        }
                        ast::Number::Int(i) => {
                            if let Some(x) = i.as_i64() {
                                if x != 0 && Value::fits_small(-x) {
                                    self.load_const(Value::small_int(-x));
                                    return Ok(());
                                }
                            }
                        }
                        _ => {}
                    }
                }
                self.expr(&u.operand)?;
                let op = match u.op {
                    ast::UnaryOp::Invert => Op::UNARY_INVERT,
                    ast::UnaryOp::Not => Op::UNARY_NOT,
                    ast::UnaryOp::UAdd => Op::UNARY_POSITIVE,
                    ast::UnaryOp::USub => Op::UNARY_NEGATIVE,
                };
                self.emit(op, 0);
            }
            Expr::BoolOp(b) => {
                let op = if b.op == ast::BoolOp::And {
                    Op::JUMP_IF_FALSE_OR_POP
                } else {
                    Op::JUMP_IF_TRUE_OR_POP
                };
                let mut jumps = vec![];
                for (i, v) in b.values.iter().enumerate() {
                    self.expr(v)?;
                    if i + 1 < b.values.len() {
                        jumps.push(self.emit(op, 0));
                    }
                }
                let h = self.here();
                for j in jumps {
                    self.patch(j, h);
                }
            }
            Expr::Compare(c) => self.compare(c)?,
            Expr::If(i) => {
                self.expr(&i.test)?;
                let j = self.emit(Op::POP_JUMP_IF_FALSE, 0);
                self.expr(&i.body)?;
                let end = self.emit(Op::JUMP_FORWARD, 0);
                let h = self.here();
                self.patch(j, h);
                self.expr(&i.orelse)?;
                let h = self.here();
                self.patch(end, h);
            }
            Expr::Call(c) => self.call(c)?,
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                let ni = self.name_index(&a.attr);
                self.emit(Op::LOAD_ATTR, ni);
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.subscript_index(&s.slice)?;
                self.emit(Op::BINARY_SUBSCR, 0);
            }
            Expr::Slice(_) => {
                self.subscript_index(e)?;
            }
            Expr::Tuple(t) => {
                if let Some(v) = self.const_tuple(&t.elts) {
                    self.load_const(v);
                } else {
                    self.sequence(&t.elts, Op::BUILD_TUPLE)?;
                }
            }
            Expr::List(l) => self.sequence(&l.elts, Op::BUILD_LIST)?,
            Expr::Set(s) => self.sequence(&s.elts, Op::BUILD_SET)?,
            Expr::Dict(d) => {
                let has_unpack = d.items.iter().any(|it| it.key.is_none());
                if !has_unpack {
                    for it in &d.items {
                        self.expr(it.key.as_ref().unwrap())?;
                        self.expr(&it.value)?;
                    }
                    self.emit(Op::BUILD_MAP, d.items.len() as u32);
                } else {
                    self.emit(Op::BUILD_MAP, 0);
                    for it in &d.items {
                        match &it.key {
                            Some(k) => {
                                self.expr(k)?;
                                self.expr(&it.value)?;
                                self.emit(Op::MAP_ADD, 1);
                            }
                            None => {
                                self.expr(&it.value)?;
                                self.emit(Op::DICT_UPDATE, 1);
                            }
                        }
                    }
                }
            }
            Expr::Lambda(l) => {
                let empty;
                let params = match &l.parameters {
                    Some(p) => &**p,
                    None => {
                        empty = ast::Parameters::default();
                        &empty
                    }
                };
                let line = self.line;
                self.make_function(symtable::node_key(l), "<lambda>", params, line, |c| {
                    c.expr(&l.body)?;
                    c.emit(Op::RETURN_VALUE, 0);
                    Ok(())
                })?;
            }
            Expr::ListComp(c) => self.comprehension(
                symtable::node_key(c),
                "<listcomp>",
                &c.generators,
                Op::BUILD_LIST,
                |s| {
                    s.expr(&c.elt)?;
                    Ok(Op::LIST_APPEND)
                },
            )?,
            Expr::SetComp(c) => self.comprehension(
                symtable::node_key(c),
                "<setcomp>",
                &c.generators,
                Op::BUILD_SET,
                |s| {
                    s.expr(&c.elt)?;
                    Ok(Op::SET_ADD)
                },
            )?,
            Expr::DictComp(c) => {
                let Some(key) = &c.key else {
                    return Err(self.not_supported("dict unpacking in a comprehension", e));
                };
                self.comprehension(
                    symtable::node_key(c),
                    "<dictcomp>",
                    &c.generators,
                    Op::BUILD_MAP,
                    |s| {
                        s.expr(key)?;
                        s.expr(&c.value)?;
                        Ok(Op::MAP_ADD)
                    },
                )?
            }
            Expr::Generator(g) => self.comprehension(
                symtable::node_key(g),
                "<genexpr>",
                &g.generators,
                Op::NOP,
                |s| {
                    s.expr(&g.elt)?;
                    Ok(Op::NOP)
                },
            )?,
            Expr::FString(f) => self.fstring(f)?,
            Expr::Named(n) => {
                self.expr(&n.value)?;
                self.emit(Op::COPY, 1);
                self.store_target(&n.target)?;
            }
            Expr::Starred(s) => return Err(self.syntax_err("can't use starred expression here", s)),
            Expr::Yield(y) => {
                if self.scope_kind_is_module_or_class() {
                    return Err(self.syntax_err("'yield' outside function", e));
                }
                match &y.value {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Value::NONE),
                }
                self.emit_yield();
            }
            Expr::YieldFrom(y) => {
                if self.scope_kind_is_module_or_class() {
                    return Err(self.syntax_err("'yield from' outside function", e));
                }
                if self.scope().is_coroutine {
                    return Err(self.syntax_err("'yield from' inside async function", e));
                }
                self.expr(&y.value)?;
                self.emit(Op::GET_YIELD_FROM_ITER, 0);
                self.load_const(Value::NONE);
                self.emit(Op::YIELD_FROM, 0);
            }
            Expr::Await(a) => self.await_expr(a, e)?,
            Expr::TString(_) => return Err(self.not_supported("template strings", e)),
            Expr::IpyEscapeCommand(_) => return Err(self.syntax_err("invalid syntax", e)),
        }
        Ok(())
    }

    fn number(&self, n: &ast::Number, e: &Expr) -> Result<Value, CompileError> {
        Ok(match n {
            ast::Number::Float(f) => Value::float(*f),
            ast::Number::Int(i) => match i.as_i64() {
                Some(x) => Value::int(x),
                None => {
                    let text = i.to_string().replace('_', "");
                    let (digits, radix) = match text.get(..2).map(|p| p.to_ascii_lowercase()) {
                        Some(p) if p == "0x" => (&text[2..], 16),
                        Some(p) if p == "0o" => (&text[2..], 8),
                        Some(p) if p == "0b" => (&text[2..], 2),
                        _ => (&text[..], 10),
                    };
                    let b = num_bigint::BigInt::parse_bytes(digits.as_bytes(), radix)
                        .ok_or_else(|| self.syntax_err("invalid integer literal", e))?;
                    crate::types::int::big_to_value(b)
                }
            },
            ast::Number::Complex { real, imag } => {
                crate::pytypes::complex::new_complex(*real, *imag)
            }
        })
    }

    /// A tuple of constants becomes one constant.
    fn const_tuple(&self, elts: &[Expr]) -> Option<Value> {
        if elts.is_empty() {
            return None;
        }
        Some(new_tuple(self.const_values(elts)?))
    }

    fn const_values(&self, elts: &[Expr]) -> Option<Vec<Value>> {
        elts.iter().map(|e| self.const_value(e)).collect()
    }

    /// The value of an expression CPython's AST optimizer turns into a constant: a literal,
    /// `-`, `+` or `~` applied to a number, or a tuple of constants. (Constant binary
    /// operations are not folded here.)
    fn const_value(&self, e: &Expr) -> Option<Value> {
        use crate::types::int;
        Some(match e {
            Expr::NumberLiteral(n) => self.number(&n.value, e).ok()?,
            Expr::StringLiteral(s) => str_const(s.value.to_str()),
            Expr::BytesLiteral(b) => {
                crate::types::bytes::new_bytes(b.value.bytes().collect::<Vec<u8>>())
            }
            Expr::BooleanLiteral(b) => Value::bool(b.value),
            Expr::NoneLiteral(_) => Value::NONE,
            Expr::Tuple(t) => new_tuple(self.const_values(&t.elts)?),
            Expr::UnaryOp(u) => {
                let v = self.const_value(&u.operand)?;
                match (u.op, int::as_int(&v), v.as_float()) {
                    (ast::UnaryOp::USub, Some(i), _) => int::neg(&i),
                    (ast::UnaryOp::USub, _, Some(f)) => Value::float(-f),
                    (ast::UnaryOp::UAdd, Some(i), _) => int::add(&i, &int::IntRef::Small(0)),
                    (ast::UnaryOp::UAdd, _, Some(_)) => v,
                    (ast::UnaryOp::Invert, Some(i), _) => int::invert(&i),
                    _ => return None,
                }
            }
            _ => return None,
        })
    }

    /// A constant frozenset as CPython's compiler makes it: `frozenset(items)`, rebuilt
    /// from its own iteration order when the constant is merged into the constant cache,
    /// and replaced by an earlier frozenset with the same typed contents.
    fn const_frozenset(&mut self, items: &[Value]) -> Option<Value> {
        use crate::types::set::{new_set_typed, table_from_consts};
        let first = table_from_consts(items)?;
        let table = table_from_consts(&first.keys())?;
        let mut keys: Vec<String> = table.keys().iter().map(typed_key).collect();
        keys.sort();
        let key = keys.concat();
        if let Some(v) = self.frozensets.get(&key) {
            return Some(v.clone());
        }
        let v = new_set_typed(table, crate::types::tt().frozenset);
        self.frozensets.insert(key, v.clone());
        Some(v)
    }

    /// An iterated operand (`for` target, comprehension source, right of `in`): CPython
    /// turns a list of constants into a tuple and a set of constants into a frozenset.
    pub(crate) fn iter_operand(&mut self, e: &Expr) -> Result<(), CompileError> {
        match e {
            Expr::Set(s) => {
                if let Some(vals) = self.const_values(&s.elts) {
                    if let Some(fs) = self.const_frozenset(&vals) {
                        self.load_const(fs);
                        return Ok(());
                    }
                }
            }
            Expr::List(l) => {
                if let Some(vals) = self.const_values(&l.elts) {
                    self.load_const(new_tuple(vals));
                    return Ok(());
                }
            }
            _ => {}
        }
        self.expr(e)
    }

    /// Builds a tuple/list/set, handling `*iterable` elements.
    fn sequence(&mut self, elts: &[Expr], build: Op) -> Result<(), CompileError> {
        // A set display of 3+ constants: CPython copies a constant frozenset into an empty
        // set (BUILD_SET 0, SET_UPDATE), which fixes the slot order.
        if build == Op::BUILD_SET && elts.len() >= 3 {
            if let Some(vals) = self.const_values(elts) {
                if let Some(fs) = self.const_frozenset(&vals) {
                    self.emit(Op::BUILD_SET, 0);
                    self.load_const(fs);
                    self.emit(Op::SET_UPDATE, 1);
                    return Ok(());
                }
            }
        }
        if !elts.iter().any(|e| matches!(e, Expr::Starred(_))) {
            for e in elts {
                self.expr(e)?;
            }
            self.emit(build, elts.len() as u32);
            return Ok(());
        }
        let (start, extend) = if build == Op::BUILD_SET {
            (Op::BUILD_SET, Op::SET_UPDATE)
        } else {
            (Op::BUILD_LIST, Op::LIST_EXTEND)
        };
        self.emit(start, 0);
        for e in elts {
            match e {
                Expr::Starred(s) => {
                    self.expr(&s.value)?;
                    self.emit(extend, 1);
                }
                _ => {
                    self.expr(e)?;
                    self.emit(
                        if build == Op::BUILD_SET {
                            Op::SET_ADD
                        } else {
                            Op::LIST_APPEND
                        },
                        1,
                    );
                }
            }
        }
        if build == Op::BUILD_TUPLE {
            self.emit(Op::LIST_TO_TUPLE, 0);
        }
        Ok(())
    }

    /// Pushes the index of a subscript: a slice object for `a:b:c`, else the expression.
    pub(crate) fn subscript_index(&mut self, idx: &Expr) -> Result<(), CompileError> {
        if let Expr::Slice(s) = idx {
            for part in [&s.lower, &s.upper] {
                match part {
                    Some(x) => self.expr(x)?,
                    None => self.load_const(Value::NONE),
                }
            }
            if let Some(st) = &s.step {
                self.expr(st)?;
                self.emit(Op::BUILD_SLICE, 3);
            } else {
                self.emit(Op::BUILD_SLICE, 2);
            }
            return Ok(());
        }
        self.expr(idx)
    }

    fn compare(&mut self, c: &ast::ExprCompare) -> Result<(), CompileError> {
        self.expr(&c.left)?;
        let n = c.ops.len();
        // CPython folds a constant list/set right of the last `in` / `not in`.
        let operand = |c2: &mut Self, i: usize| {
            if i + 1 == n && matches!(c.ops[i], ast::CmpOp::In | ast::CmpOp::NotIn) {
                c2.iter_operand(&c.comparators[i])
            } else {
                c2.expr(&c.comparators[i])
            }
        };
        if n == 1 {
            operand(self, 0)?;
            self.cmp_op(c.ops[0]);
            return Ok(());
        }
        let mut cleanup = vec![];
        for i in 0..n {
            operand(self, i)?;
            if i + 1 < n {
                self.emit(Op::COPY, 1);
                self.emit(Op::SWAP, 3);
                self.emit(Op::SWAP, 2);
                self.cmp_op(c.ops[i]);
                cleanup.push(self.emit(Op::JUMP_IF_FALSE_OR_POP, 0));
            } else {
                self.cmp_op(c.ops[i]);
            }
        }
        let end = self.emit(Op::JUMP_FORWARD, 0);
        let h = self.here();
        for j in cleanup {
            self.patch(j, h);
        }
        self.emit(Op::SWAP, 2);
        self.emit(Op::POP_TOP, 0);
        let h = self.here();
        self.patch(end, h);
        Ok(())
    }

    fn cmp_op(&mut self, op: ast::CmpOp) {
        use ast::CmpOp as C;
        let (o, a) = match op {
            C::Eq => (Op::COMPARE_OP, CmpOp::Eq as u32),
            C::NotEq => (Op::COMPARE_OP, CmpOp::Ne as u32),
            C::Lt => (Op::COMPARE_OP, CmpOp::Lt as u32),
            C::LtE => (Op::COMPARE_OP, CmpOp::Le as u32),
            C::Gt => (Op::COMPARE_OP, CmpOp::Gt as u32),
            C::GtE => (Op::COMPARE_OP, CmpOp::Ge as u32),
            C::Is => (Op::IS_OP, 0),
            C::IsNot => (Op::IS_OP, 1),
            C::In => (Op::CONTAINS_OP, 0),
            C::NotIn => (Op::CONTAINS_OP, 1),
        };
        self.emit(o, a);
    }

    fn call(&mut self, c: &ast::ExprCall) -> Result<(), CompileError> {
        let args = &c.arguments.args;
        let kws = &c.arguments.keywords;
        if self.zero_arg_super(c)? {
            return Ok(());
        }
        let has_star = args.iter().any(|a| matches!(a, Expr::Starred(_)))
            || kws.iter().any(|k| k.arg.is_none());
        if has_star {
            self.expr(&c.func)?;
            self.sequence(args, Op::BUILD_TUPLE)?;
            if !args.iter().any(|a| matches!(a, Expr::Starred(_))) {
                // sequence() built a plain tuple already
            }
            if kws.is_empty() {
                self.emit(Op::CALL_EX, 0);
            } else {
                self.emit(Op::BUILD_MAP, 0);
                for k in kws.iter() {
                    match &k.arg {
                        Some(name) => {
                            self.load_const(new_str(name.as_str()));
                            self.expr(&k.value)?;
                            self.emit(Op::BUILD_MAP, 1);
                            self.emit(Op::DICT_MERGE, 1);
                        }
                        None => {
                            self.expr(&k.value)?;
                            self.emit(Op::DICT_MERGE, 1);
                        }
                    }
                }
                self.emit(Op::CALL_EX, 1);
            }
            return Ok(());
        }
        if kws.is_empty() {
            if let Expr::Attribute(a) = &*c.func {
                self.expr(&a.value)?;
                let ni = self.name_index(&a.attr);
                // The method lookup's position is the attribute (`obj.meth`), the call's
                // the whole call.
                let call = std::mem::replace(&mut self.range, a.range());
                self.emit(Op::LOAD_METHOD, ni);
                self.range = call;
                for a in args.iter() {
                    self.expr(a)?;
                }
                self.emit(Op::CALL_METHOD, args.len() as u32);
                return Ok(());
            }
        }
        self.expr(&c.func)?;
        for a in args.iter() {
            self.expr(a)?;
        }
        if kws.is_empty() {
            self.emit(Op::CALL, args.len() as u32);
        } else {
            let mut seen: Vec<&str> = vec![];
            for k in kws.iter() {
                let name = k.arg.as_ref().unwrap().as_str();
                if seen.contains(&name) {
                    return Err(self.syntax_err(&format!("keyword argument repeated: {name}"), k));
                }
                seen.push(name);
                self.expr(&k.value)?;
            }
            let names = new_tuple(seen.iter().map(|n| new_str(*n)).collect());
            self.load_const(names);
            self.emit(Op::CALL_KW, (args.len() + kws.len()) as u32);
        }
        Ok(())
    }

    /// Comprehensions compile to a nested function called with the first iterator (an
    /// async iterator for `async for`); one using `await` or `async for` is a coroutine
    /// the caller awaits, or for a generator expression an async generator.
    fn comprehension(
        &mut self,
        key: usize,
        name: &str,
        gens: &[ast::Comprehension],
        build: Op,
        elt: impl FnOnce(&mut Self) -> Result<Op, CompileError>,
    ) -> Result<(), CompileError> {
        let is_gen = build == Op::NOP;
        let is_coro = self.st.scopes[self.st.by_node[&key]].is_coroutine;
        if is_coro && !is_gen && !self.scope().is_coroutine {
            return Err(self.syntax_err(
                "asynchronous comprehension outside of an asynchronous function",
                &gens[0],
            ));
        }
        let params = ast::Parameters::default();
        let line = self.line;
        self.make_function(key, name, &params, line, |c| {
            c.unit().argcount = 1;
            if !is_gen {
                c.emit(build, 0);
            }
            // Per level: where the loop continues, the conditions' skip jumps, and for
            // `async for` the END_ASYNC_FOR label.
            let mut loops = vec![];
            for (i, g) in gens.iter().enumerate() {
                if i == 0 {
                    c.emit(Op::LOAD_FAST, 0); // `.0`, the iterator passed in
                } else {
                    c.iter_operand(&g.iter)?;
                    c.emit(
                        if g.is_async {
                            Op::GET_AITER
                        } else {
                            Op::GET_ITER
                        },
                        0,
                    );
                }
                let (top, end) = if g.is_async {
                    let top = c.here();
                    let depth = !is_gen as u32 + i as u32 + 1;
                    (top, Some(c.async_next(depth)))
                } else {
                    (c.emit(Op::FOR_ITER, 0), None)
                };
                c.store_target(&g.target)?;
                let mut skips = vec![];
                for cond in &g.ifs {
                    c.expr(cond)?;
                    skips.push(c.emit(Op::POP_JUMP_IF_FALSE, 0));
                }
                loops.push((top, skips, end));
            }
            let add = elt(c)?;
            if is_gen {
                c.emit_yield();
                c.emit(Op::POP_TOP, 0);
            } else {
                c.emit(add, gens.len() as u32 + 1);
            }
            for (top, skips, end) in loops.into_iter().rev() {
                for s in skips {
                    c.patch(s, top);
                }
                c.emit(Op::JUMP_FORWARD, top as u32);
                match end {
                    Some(l) => {
                        c.bind_label(l);
                        c.emit(Op::END_ASYNC_FOR, 0);
                    }
                    None => {
                        let h = c.here();
                        c.patch(top, h);
                    }
                }
            }
            if is_gen {
                c.load_const(Value::NONE);
            }
            c.emit(Op::RETURN_VALUE, 0);
            Ok(())
        })?;
        self.iter_operand(&gens[0].iter)?;
        self.emit(
            if gens[0].is_async {
                Op::GET_AITER
            } else {
                Op::GET_ITER
            },
            0,
        );
        self.emit(Op::CALL, 1);
        if is_coro && !is_gen {
            self.emit_await();
        }
        Ok(())
    }

    fn fstring(&mut self, f: &ast::ExprFString) -> Result<(), CompileError> {
        let mut count = 0;
        for part in f.value.iter() {
            match part {
                ast::FStringPart::Literal(l) => {
                    self.load_const(new_str(&*l.value));
                    count += 1;
                }
                ast::FStringPart::FString(fs) => count += self.fstring_elements(&fs.elements)?,
            }
        }
        if count != 1 {
            self.emit(Op::BUILD_STRING, count);
        } else {
            // A lone literal part is already a str; a lone field was formatted to a str.
        }
        Ok(())
    }

    fn fstring_elements(
        &mut self,
        els: &ast::InterpolatedStringElements,
    ) -> Result<u32, CompileError> {
        let mut count = 0;
        for el in els.iter() {
            match el {
                ast::InterpolatedStringElement::Literal(l) => {
                    self.load_const(new_str(&*l.value));
                    count += 1;
                }
                ast::InterpolatedStringElement::Interpolation(i) => {
                    let mut conv = match i.conversion {
                        ast::ConversionFlag::None => 0,
                        ast::ConversionFlag::Str => 1,
                        ast::ConversionFlag::Repr => 2,
                        ast::ConversionFlag::Ascii => 3,
                    };
                    if let Some(dbg) = &i.debug_text {
                        self.load_const(new_str(dbg.as_str()));
                        count += 1;
                        if conv == 0 && i.format_spec.is_none() {
                            conv = 2;
                        }
                    }
                    self.expr(&i.expression)?;
                    if let Some(spec) = &i.format_spec {
                        let n = self.fstring_elements(&spec.elements)?;
                        if n != 1 {
                            self.emit(Op::BUILD_STRING, n);
                        }
                        conv |= 4;
                    }
                    self.emit(Op::FORMAT_VALUE, conv);
                    count += 1;
                }
            }
        }
        if count == 0 {
            self.load_const(new_str(""));
            count = 1;
        }
        Ok(count)
    }
}

/// A constant's identity for the frozenset cache: distinguishes types (1, 1.0, True) and
/// -0.0 from 0.0, as CPython's constant keys do; length-prefixed so keys concatenate
/// unambiguously.
fn typed_key(v: &Value) -> String {
    use crate::types::{int, str::as_str, tuple::as_tuple};
    let k = if let Some(b) = v.as_bool() {
        format!("b{}", b as u8)
    } else if let Some(i) = int::as_int(v) {
        format!("i{}", int::to_string(&i))
    } else if let Some(f) = v.as_float() {
        format!("f{}", f.to_bits())
    } else if let Some(s) = as_str(v) {
        format!("s{s}")
    } else if let Some(b) = v.downcast::<crate::types::bytes::BytesObj>() {
        format!("y{}", crate::fmt::bytes_repr(&b.data))
    } else if let Some(t) = as_tuple(v) {
        format!("t{}", t.iter().map(typed_key).collect::<String>())
    } else {
        "n".to_string()
    };
    format!("{}:{}", k.len(), k)
}

/// A str constant; identifier-like ones are interned, as CPython does, so that
/// `getattr(obj, "name")` and dict keys built from them hit the interned fast paths.
fn str_const(s: &str) -> crate::value::Value {
    if !s.is_empty() && s.len() <= 40 && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
        crate::types::str::intern(s)
    } else {
        new_str(s)
    }
}
