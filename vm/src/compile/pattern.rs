//! The `match` statement.
//!
//! Each case matches a copy of the subject (the last case consumes the subject itself).
//! A pattern's code finds the value to match on top of the stack and consumes it; on a
//! mismatch it jumps out with some items (the value, or pieces of it) still on the stack.
//! Every such jump records how many items are above the case's base, and the failure path
//! is a ladder of POP_TOPs entered at the right rung (as CPython's `fail_pop` blocks).
//! Names are bound as soon as their sub-pattern matches: a failed case may leave some
//! bound, which PEP 634 allows.

use super::{CompileError, Compiler, NameCtx};
use crate::bytecode::{CmpOp, Op};
use crate::types::str::new_str;
use crate::types::tuple::new_tuple;
use crate::value::Value;
use ruff_python_ast::{self as ast, Expr, Pattern};
use ruff_text_size::Ranged;

/// Where a failing pattern goes: jumps that leave `count` items above the base.
struct Fail {
    base: u32,
    jumps: Vec<(usize, u32)>,
}

impl<'a> Compiler<'a> {
    pub(crate) fn match_stmt(&mut self, m: &ast::StmtMatch) -> Result<(), CompileError> {
        self.expr(&m.subject)?;
        let mut ends = vec![];
        let n = m.cases.len();
        for (i, case) in m.cases.iter().enumerate() {
            let last = i + 1 == n;
            if !last && case.guard.is_none() && case.pattern.is_irrefutable() {
                let msg = match &case.pattern {
                    Pattern::MatchAs(ast::PatternMatchAs { name: Some(nm), .. })
                        if irrefutable_capture(&case.pattern) =>
                    {
                        format!("name capture '{nm}' makes remaining patterns unreachable")
                    }
                    _ => "wildcard makes remaining patterns unreachable".to_string(),
                };
                return Err(self.syntax_err(&msg, &case.pattern));
            }
            self.set_line(&case.pattern);
            // Items above the statement level: the subject, and for all but the last case
            // the copy being matched.
            let mut fail = Fail {
                base: if last { 0 } else { 1 },
                jumps: vec![],
            };
            if !last {
                self.emit(Op::COPY, 1);
            }
            let mut names = vec![];
            self.pattern(&case.pattern, fail.base + 1, &mut fail, &mut names)?;
            if let Some(g) = &case.guard {
                self.expr(g)?;
                let j = self.emit(Op::POP_JUMP_IF_FALSE, 0);
                fail.jumps.push((j, fail.base));
            }
            if !last {
                self.emit(Op::POP_TOP, 0);
            }
            self.stmts(&case.body)?;
            ends.push(self.emit(Op::JUMP_FORWARD, 0));
            self.resolve(fail);
        }
        if m.cases.is_empty() {
            self.emit(Op::POP_TOP, 0);
        }
        let h = self.here();
        for j in ends {
            self.patch(j, h);
        }
        Ok(())
    }

    /// Emits the POP_TOP ladder for `fail` here: each jump enters where the items it left
    /// above `fail.base` get popped.
    fn resolve(&mut self, fail: Fail) {
        let top = fail.jumps.iter().map(|j| j.1).max().unwrap_or(fail.base);
        for count in (fail.base..=top).rev() {
            let h = self.here();
            for (j, c) in &fail.jumps {
                if *c == count {
                    self.patch(*j, h);
                }
            }
            if count > fail.base {
                self.emit(Op::POP_TOP, 0);
            }
        }
    }

    /// A conditional jump to `fail` taken when TOS is false (popped); `count` items remain
    /// above the base after the pop.
    fn fail_if_false(&mut self, fail: &mut Fail, count: u32) {
        let j = self.emit(Op::POP_JUMP_IF_FALSE, 0);
        fail.jumps.push((j, count));
    }

    fn capture(
        &mut self,
        name: Option<&ast::Identifier>,
        names: &mut Vec<String>,
        p: &impl Ranged,
    ) -> Result<(), CompileError> {
        match name {
            Some(n) => {
                if names.iter().any(|x| x == n.as_str()) {
                    return Err(self
                        .syntax_err(&format!("multiple assignments to name '{n}' in pattern"), p));
                }
                names.push(n.to_string());
                self.name_op(n, NameCtx::Store);
            }
            None => {
                self.emit(Op::POP_TOP, 0);
            }
        }
        Ok(())
    }

    /// Matches TOS (item number `count` above the base) against `p`, consuming it.
    fn pattern(
        &mut self,
        p: &Pattern,
        count: u32,
        fail: &mut Fail,
        names: &mut Vec<String>,
    ) -> Result<(), CompileError> {
        self.range = p.range();
        match p {
            Pattern::MatchValue(v) => {
                self.expr(&v.value)?;
                self.range = p.range();
                self.emit(Op::COMPARE_OP, CmpOp::Eq as u32);
                self.fail_if_false(fail, count - 1);
            }
            Pattern::MatchSingleton(s) => {
                self.load_const(match s.value {
                    ast::Singleton::None => Value::NONE,
                    ast::Singleton::True => Value::TRUE,
                    ast::Singleton::False => Value::FALSE,
                });
                self.emit(Op::IS_OP, 0);
                self.fail_if_false(fail, count - 1);
            }
            Pattern::MatchAs(a) => {
                if let Some(q) = &a.pattern {
                    self.emit(Op::COPY, 1);
                    self.pattern(q, count + 1, fail, names)?;
                }
                self.capture(a.name.as_ref(), names, p)?;
            }
            Pattern::MatchStar(_) => return Err(self.syntax_err("can't use starred name here", p)),
            Pattern::MatchOr(o) => self.or_pattern(o, count, fail, names)?,
            Pattern::MatchSequence(s) => self.sequence_pattern(s, count, fail, names)?,
            Pattern::MatchMapping(m) => self.mapping_pattern(m, count, fail, names)?,
            Pattern::MatchClass(c) => self.class_pattern(c, count, fail, names)?,
        }
        Ok(())
    }

    fn or_pattern(
        &mut self,
        o: &ast::PatternMatchOr,
        count: u32,
        fail: &mut Fail,
        names: &mut Vec<String>,
    ) -> Result<(), CompileError> {
        let mut done = vec![];
        let mut first_names: Option<Vec<String>> = None;
        let n = o.patterns.len();
        for (i, alt) in o.patterns.iter().enumerate() {
            if i + 1 < n && alt.is_irrefutable() {
                let msg = match alt {
                    Pattern::MatchAs(ast::PatternMatchAs { name: Some(nm), .. }) => {
                        format!("name capture '{nm}' makes remaining patterns unreachable")
                    }
                    _ => "wildcard makes remaining patterns unreachable".to_string(),
                };
                return Err(self.syntax_err(&msg, alt));
            }
            let mut alt_names = names.clone();
            if i + 1 < n {
                // Try a copy; on failure the original is still there for the next one.
                self.emit(Op::COPY, 1);
                let mut local = Fail {
                    base: count,
                    jumps: vec![],
                };
                self.pattern(alt, count + 1, &mut local, &mut alt_names)?;
                self.emit(Op::POP_TOP, 0);
                done.push(self.emit(Op::JUMP_FORWARD, 0));
                self.resolve(local);
            } else {
                self.pattern(alt, count, fail, &mut alt_names)?;
            }
            let mut bound: Vec<String> = alt_names[names.len()..].to_vec();
            bound.sort();
            match &first_names {
                None => first_names = Some(bound),
                Some(f) if *f != bound => {
                    return Err(self.syntax_err("alternative patterns bind different names", o));
                }
                _ => {}
            }
        }
        names.extend(first_names.unwrap_or_default());
        let h = self.here();
        for j in done {
            self.patch(j, h);
        }
        Ok(())
    }

    fn sequence_pattern(
        &mut self,
        s: &ast::PatternMatchSequence,
        count: u32,
        fail: &mut Fail,
        names: &mut Vec<String>,
    ) -> Result<(), CompileError> {
        let pats = &s.patterns;
        let stars: Vec<usize> = pats
            .iter()
            .enumerate()
            .filter(|(_, p)| matches!(p, Pattern::MatchStar(_)))
            .map(|(i, _)| i)
            .collect();
        if stars.len() > 1 {
            return Err(self.syntax_err("multiple starred names in sequence pattern", s));
        }
        let star = stars.first().copied();
        let n = pats.len() as i64;
        self.emit(Op::MATCH_SEQUENCE, 0);
        self.fail_if_false(fail, count);
        if star.is_none() || n > 1 {
            self.emit(Op::GET_LEN, 0);
            let need = if star.is_some() { n - 1 } else { n };
            self.load_const(Value::int(need));
            let cmp = if star.is_some() { CmpOp::Ge } else { CmpOp::Eq };
            self.emit(Op::COMPARE_OP, cmp as u32);
            self.fail_if_false(fail, count);
        }
        let star_wild = star.is_some_and(|i| {
            matches!(
                &pats[i],
                Pattern::MatchStar(ast::PatternMatchStar { name: None, .. })
            )
        });
        if star_wild {
            // `[a, *_, b]`: index the items instead of unpacking the whole sequence.
            let i = star.unwrap();
            for (j, q) in pats.iter().enumerate() {
                if j == i {
                    continue;
                }
                let idx = if j < i { j as i64 } else { j as i64 - n };
                self.emit(Op::COPY, 1);
                self.load_const(Value::int(idx));
                self.emit(Op::BINARY_SUBSCR, 0);
                self.pattern(q, count + 1, fail, names)?;
            }
            self.emit(Op::POP_TOP, 0);
            return Ok(());
        }
        match star {
            Some(i) => {
                let after = pats.len() - i - 1;
                self.emit(Op::UNPACK_EX, i as u32 | ((after as u32) << 8));
            }
            None => {
                self.emit(Op::UNPACK_SEQUENCE, pats.len() as u32);
            }
        }
        let mut c = count - 1 + pats.len() as u32;
        for q in pats {
            match q {
                Pattern::MatchStar(st) => self.capture(st.name.as_ref(), names, q)?,
                _ => self.pattern(q, c, fail, names)?,
            }
            c -= 1;
        }
        Ok(())
    }

    fn mapping_pattern(
        &mut self,
        m: &ast::PatternMatchMapping,
        count: u32,
        fail: &mut Fail,
        names: &mut Vec<String>,
    ) -> Result<(), CompileError> {
        self.emit(Op::MATCH_MAPPING, 0);
        self.fail_if_false(fail, count);
        let nkeys = m.keys.len();
        if nkeys > 0 {
            self.emit(Op::GET_LEN, 0);
            self.load_const(Value::int(nkeys as i64));
            self.emit(Op::COMPARE_OP, CmpOp::Ge as u32);
            self.fail_if_false(fail, count);
        }
        let mut seen: Vec<String> = vec![];
        for k in &m.keys {
            if !matches!(
                k,
                Expr::NumberLiteral(_)
                    | Expr::StringLiteral(_)
                    | Expr::BytesLiteral(_)
                    | Expr::BooleanLiteral(_)
                    | Expr::NoneLiteral(_)
                    | Expr::Attribute(_)
                    | Expr::UnaryOp(_)
                    | Expr::BinOp(_)
            ) {
                return Err(self.syntax_err(
                    "mapping pattern keys may only match literals and attribute lookups",
                    k,
                ));
            }
            if !matches!(k, Expr::Attribute(_)) {
                let text = self.source[k.range().start().to_usize()..k.range().end().to_usize()]
                    .to_string();
                let key = literal_key(k).unwrap_or(text);
                if seen.contains(&key) {
                    return Err(self
                        .syntax_err(&format!("mapping pattern checks duplicate key ({key})"), k));
                }
                seen.push(key);
            }
            self.expr(k)?;
        }
        self.emit(Op::BUILD_TUPLE, nkeys as u32);
        if nkeys > 0 {
            self.emit(Op::MATCH_KEYS, 0);
            // [subject, keys, values or None]
            self.emit(Op::COPY, 1);
            self.load_const(Value::NONE);
            self.emit(Op::IS_OP, 1);
            self.fail_if_false(fail, count + 2);
            self.emit(Op::UNPACK_SEQUENCE, nkeys as u32);
            let mut c = count + 1 + nkeys as u32;
            for q in &m.patterns {
                self.pattern(q, c, fail, names)?;
                c -= 1;
            }
        }
        match &m.rest {
            Some(r) => {
                self.emit(Op::COPY_DICT_WITHOUT_KEYS, 0);
                self.capture(Some(r), names, m)?;
                self.emit(Op::POP_TOP, 0);
            }
            None => {
                self.emit(Op::POP_TOP, 0);
                self.emit(Op::POP_TOP, 0);
            }
        }
        Ok(())
    }

    fn class_pattern(
        &mut self,
        c: &ast::PatternMatchClass,
        count: u32,
        fail: &mut Fail,
        names: &mut Vec<String>,
    ) -> Result<(), CompileError> {
        let args = &c.arguments;
        let mut kw: Vec<&str> = vec![];
        for k in &args.keywords {
            if kw.contains(&k.attr.as_str()) {
                return Err(self.syntax_err(
                    &format!("attribute name repeated in class pattern: {}", k.attr),
                    k,
                ));
            }
            kw.push(k.attr.as_str());
        }
        self.expr(&c.cls)?;
        self.load_const(new_tuple(kw.iter().map(|k| new_str(*k)).collect()));
        self.range = c.range();
        self.emit(Op::MATCH_CLASS, args.patterns.len() as u32);
        // [attributes or None] in place of the subject.
        self.emit(Op::COPY, 1);
        self.load_const(Value::NONE);
        self.emit(Op::IS_OP, 1);
        self.fail_if_false(fail, count);
        let total = args.patterns.len() + args.keywords.len();
        self.emit(Op::UNPACK_SEQUENCE, total as u32);
        let mut n = count - 1 + total as u32;
        for q in args
            .patterns
            .iter()
            .chain(args.keywords.iter().map(|k| &k.pattern))
        {
            self.pattern(q, n, fail, names)?;
            n -= 1;
        }
        Ok(())
    }
}

/// Is `p` an irrefutable capture (`case x:`), as opposed to a wildcard?
fn irrefutable_capture(p: &Pattern) -> bool {
    match p {
        Pattern::MatchAs(a) => {
            a.name.is_some() && a.pattern.as_deref().is_none_or(Pattern::is_irrefutable)
        }
        _ => false,
    }
}

/// The repr CPython prints for a duplicate mapping key.
fn literal_key(k: &Expr) -> Option<String> {
    match k {
        Expr::StringLiteral(s) => Some(crate::fmt::strrepr::str_repr(s.value.to_str())),
        Expr::NumberLiteral(n) => match &n.value {
            ast::Number::Int(i) => Some(i.to_string()),
            _ => None,
        },
        Expr::BooleanLiteral(b) => Some(if b.value { "True" } else { "False" }.into()),
        Expr::NoneLiteral(_) => Some("None".into()),
        _ => None,
    }
}
