//! `re.Match` and the Pattern methods that walk several matches: `findall`,
//! `finditer`/`scanner`, `split`, `sub`/`subn`.

use super::sre::{
    bounds, pattern_of, run_all, run_once, slice, subject, types, Found, Mode, Pattern, Subject,
};
use crate::builtins::args::Args;
use crate::error::{self, PyResult};
use crate::ops;
use crate::types::dict::DictObj;
use crate::types::ext::{ext_ref, new_ext};
use crate::types::func::NativeFn;
use crate::types::int::as_int;
use crate::types::list::new_list;
use crate::types::str::{as_str, intern, new_str};
use crate::types::tuple::new_tuple;
use crate::types::type_name;
use crate::value::Value;
use crate::vm::Vm;
use std::cell::RefCell;

pub struct Match {
    pattern: Value,
    subject: Subject,
    pos: usize,
    endpos: usize,
    found: Found,
}

pub(super) fn new_match(
    pattern: &Value,
    subject: Subject,
    pos: usize,
    endpos: usize,
    found: Found,
) -> Value {
    new_ext(
        Match {
            pattern: pattern.clone(),
            subject,
            pos,
            endpos,
            found,
        },
        types().match_,
    )
}

fn this(args: &[Value]) -> PyResult<&Match> {
    args.first()
        .and_then(ext_ref::<Match>)
        .ok_or_else(|| error::type_error("descriptor requires a 're.Match' object"))
}

impl Match {
    fn pat(&self) -> &Pattern {
        pattern_of(&self.pattern).expect("pattern")
    }
    /// The group number `g` names (an int, or a name in `groupindex`).
    fn index(&self, g: &Value) -> PyResult<usize> {
        if let Some(i) = as_int(g).and_then(|i| i.to_i64()) {
            if i >= 0 && (i as usize) < self.found.spans.len() {
                return Ok(i as usize);
            }
        } else if let Some(i) =
            DictObj::get_str(&self.pat().groupindex, g).filter(|_| as_str(g).is_some())
        {
            if let Some(i) = i.as_small_int() {
                return Ok(i as usize);
            }
        }
        Err(error::index_error("no such group"))
    }
    fn group(&self, i: usize, default: &Value) -> Value {
        match self.found.spans[i] {
            Some((s, e)) => slice(&self.subject, s, e),
            None => default.clone(),
        }
    }
    fn span(&self, i: usize) -> (i64, i64) {
        self.found.spans[i].map_or((-1, -1), |(s, e)| (s as i64, e as i64))
    }
}

fn m_group(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let m = this(args)?;
    match args.len() {
        1 => Ok(m.group(0, &Value::NONE)),
        2 => Ok(m.group(m.index(&args[1])?, &Value::NONE)),
        _ => {
            let items = args[1..]
                .iter()
                .map(|g| Ok(m.group(m.index(g)?, &Value::NONE)))
                .collect::<PyResult<Vec<_>>>()?;
            Ok(new_tuple(items))
        }
    }
}

fn m_getitem(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let m = this(args)?;
    Ok(m.group(m.index(&args[1])?, &Value::NONE))
}

fn m_groups(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("groups", args, kw);
    a.check(1, 2, &["default"])?;
    let m = this(args)?;
    let d = a
        .get(1)
        .or_else(|| a.kw("default"))
        .cloned()
        .unwrap_or(Value::NONE);
    Ok(new_tuple(
        (1..m.found.spans.len()).map(|i| m.group(i, &d)).collect(),
    ))
}

fn m_groupdict(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("groupdict", args, kw);
    a.check(1, 2, &["default"])?;
    let m = this(args)?;
    let d = a
        .get(1)
        .or_else(|| a.kw("default"))
        .cloned()
        .unwrap_or(Value::NONE);
    let out = DictObj::new_value();
    if let Some(gi) = m.pat().groupindex.downcast::<DictObj>() {
        for (name, idx) in gi.items() {
            let i = idx.as_small_int().unwrap_or(0) as usize;
            out.downcast::<DictObj>()
                .unwrap()
                .set(vm, name, m.group(i, &d))?;
        }
    }
    Ok(out)
}

fn group_arg(m: &Match, args: &[Value]) -> PyResult<usize> {
    match args.get(1) {
        Some(g) => m.index(g),
        None => Ok(0),
    }
}

fn m_start(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let m = this(args)?;
    Ok(Value::int(m.span(group_arg(m, args)?).0))
}
fn m_end(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let m = this(args)?;
    Ok(Value::int(m.span(group_arg(m, args)?).1))
}
fn m_span(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let m = this(args)?;
    let (s, e) = m.span(group_arg(m, args)?);
    Ok(new_tuple(vec![Value::int(s), Value::int(e)]))
}

fn m_expand(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("expand", args, kw);
    a.check(2, 2, &["template"])?;
    let m = this(args)?;
    let re = crate::import::gcd_import(vm, "re")?;
    let f = ops::getattr(vm, &re, &intern("_expand"))?;
    vm.call(
        &f,
        &[m.pattern.clone(), args[0].clone(), a.pos[1].clone()],
        &[],
    )
}

fn m_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let m = this(args)?;
    let (s, e) = m.span(0);
    let g = m.group(0, &Value::NONE);
    let mut r = ops::repr::repr_string(vm, &g)?;
    if r.chars().count() > 50 {
        r = r.chars().take(50).collect();
    }
    Ok(new_str(format!(
        "<re.Match object; span=({s}, {e}), match={r}>"
    )))
}

fn m_copy(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(args[0].clone())
}

fn g_string(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(this(args)?.subject.value().clone())
}
fn g_re(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(this(args)?.pattern.clone())
}
fn g_pos(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(this(args)?.pos as i64))
}
fn g_endpos(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(this(args)?.endpos as i64))
}
fn g_lastindex(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let m = this(args)?;
    Ok(if m.found.lastindex >= 1 {
        Value::int(m.found.lastindex as i64)
    } else {
        Value::NONE
    })
}
fn g_lastgroup(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let m = this(args)?;
    if m.found.lastindex < 1 {
        return Ok(Value::NONE);
    }
    let ig = &m.pat().indexgroup;
    Ok(crate::types::tuple::as_tuple(ig)
        .and_then(|t| t.get(m.found.lastindex as usize).cloned())
        .unwrap_or(Value::NONE))
}
fn g_regs(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let m = this(args)?;
    Ok(new_tuple(
        (0..m.found.spans.len())
            .map(|i| {
                let (s, e) = m.span(i);
                new_tuple(vec![Value::int(s), Value::int(e)])
            })
            .collect(),
    ))
}

pub(super) const MATCH_METHODS: &[(&str, NativeFn)] = &[
    ("group", m_group),
    ("__getitem__", m_getitem),
    ("groups", m_groups),
    ("groupdict", m_groupdict),
    ("start", m_start),
    ("end", m_end),
    ("span", m_span),
    ("expand", m_expand),
    ("__repr__", m_repr),
    ("__copy__", m_copy),
    ("__deepcopy__", m_copy),
];

pub(super) const MATCH_GETTERS: &[(&str, NativeFn)] = &[
    ("string", g_string),
    ("re", g_re),
    ("pos", g_pos),
    ("endpos", g_endpos),
    ("lastindex", g_lastindex),
    ("lastgroup", g_lastgroup),
    ("regs", g_regs),
];

// ---- several matches ----

/// (pattern, subject, pos, endpos) of `findall`/`finditer`/`scanner`.
fn scan_args<'a>(
    args: &'a [Value],
    kw: &[Value],
    name: &'static str,
) -> PyResult<(&'a Value, Subject, usize, usize)> {
    let a = Args::new(name, args, kw);
    a.check(2, 4, &["string", "pos", "endpos"])?;
    let this = &args[0];
    let p = pattern_of(this)?;
    let s = a.get(1).or_else(|| a.kw("string")).ok_or_else(|| {
        error::type_error(format!(
            "{name}() missing required argument 'string' (pos 1)"
        ))
    })?;
    let subj = subject(p, s)?;
    let (pos, endpos) = bounds(
        a.get(2).or_else(|| a.kw("pos")),
        a.get(3).or_else(|| a.kw("endpos")),
        subj.len(),
    )?;
    Ok((this, subj, pos, endpos))
}

pub(super) fn p_findall(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (this, subj, pos, endpos) = scan_args(args, kw, "findall")?;
    let p = pattern_of(this)?;
    crate::signals::check()?;
    let empty = slice(&subj, 0, 0);
    let items = run_all(p, &subj, pos, endpos, usize::MAX)
        .into_iter()
        .map(|f| {
            let g = |i: usize| f.spans[i].map_or(empty.clone(), |(s, e)| slice(&subj, s, e));
            match p.groups {
                0 => g(0),
                1 => g(1),
                n => new_tuple((1..=n).map(g).collect()),
            }
        })
        .collect();
    Ok(new_list(items))
}

pub(super) fn p_finditer(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (this, subj, pos, endpos) = scan_args(args, kw, "finditer")?;
    let p = pattern_of(this)?;
    let matches: Vec<Value> = run_all(p, &subj, pos, endpos, usize::MAX)
        .into_iter()
        .map(|f| {
            let s = match &subj {
                Subject::Str(v) => Subject::Str(v.clone()),
                Subject::Bytes(b, v) => Subject::Bytes(b.clone(), v.clone()),
            };
            new_match(this, s, pos, endpos, f)
        })
        .collect();
    ops::iter(vm, &new_list(matches))
}

/// `pattern.scanner(string)`: `match()`/`search()` step through successive matches.
struct Scanner {
    pattern: Value,
    subject: Subject,
    pos: usize,
    endpos: usize,
    /// Where the next attempt starts, and whether it must not be empty there.
    next: RefCell<(usize, bool)>,
}

pub(super) fn p_scanner(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (this, subj, pos, endpos) = scan_args(args, kw, "scanner")?;
    Ok(new_ext(
        Scanner {
            pattern: this.clone(),
            subject: subj,
            pos,
            endpos,
            next: RefCell::new((pos, false)),
        },
        types().scanner,
    ))
}

fn scan_step(args: &[Value], mode: Mode) -> PyResult<Value> {
    let sc = args
        .first()
        .and_then(ext_ref::<Scanner>)
        .ok_or_else(|| error::type_error("descriptor requires a '_sre.SRE_Scanner' object"))?;
    let p = pattern_of(&sc.pattern)?;
    let (start, must_advance) = *sc.next.borrow();
    if start > sc.endpos {
        return Ok(Value::NONE);
    }
    let mut f = run_once(p, &sc.subject, start, sc.endpos, mode);
    if let Some(x) = &f {
        if must_advance && x.spans[0] == Some((start, start)) {
            // An empty match where the last one ended: try one character on.
            f = if mode == Mode::Search && start < sc.endpos {
                run_once(p, &sc.subject, start + 1, sc.endpos, mode)
            } else {
                None
            };
        }
    }
    let Some(f) = f else {
        *sc.next.borrow_mut() = (sc.endpos + 1, false);
        return Ok(Value::NONE);
    };
    let (s, e) = f.spans[0].unwrap();
    *sc.next.borrow_mut() = (e, s == e);
    let subj = match &sc.subject {
        Subject::Str(v) => Subject::Str(v.clone()),
        Subject::Bytes(b, v) => Subject::Bytes(b.clone(), v.clone()),
    };
    Ok(new_match(&sc.pattern, subj, sc.pos, sc.endpos, f))
}

fn sc_match(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    scan_step(args, Mode::Match)
}
fn sc_search(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    scan_step(args, Mode::Search)
}
fn sc_pattern(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(args
        .first()
        .and_then(ext_ref::<Scanner>)
        .map(|s| s.pattern.clone())
        .unwrap_or(Value::NONE))
}

pub(super) const SCANNER_METHODS: &[(&str, NativeFn)] =
    &[("match", sc_match), ("search", sc_search)];
pub(super) const SCANNER_GETTERS: &[(&str, NativeFn)] = &[("pattern", sc_pattern)];

pub(super) fn p_split(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("split", args, kw);
    a.check(2, 3, &["string", "maxsplit"])?;
    let this = &args[0];
    let p = pattern_of(this)?;
    let s = a
        .get(1)
        .or_else(|| a.kw("string"))
        .ok_or_else(|| error::type_error("split() missing required argument 'string' (pos 1)"))?;
    let subj = subject(p, s)?;
    let maxsplit = match a.get(2).or_else(|| a.kw("maxsplit")) {
        Some(v) => as_int(v).and_then(|i| i.to_i64()).unwrap_or(0),
        None => 0,
    };
    let limit = if maxsplit <= 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    let len = subj.len();
    let mut out = vec![];
    let mut last = 0;
    for f in run_all(p, &subj, 0, len, limit) {
        let (s, e) = f.spans[0].unwrap();
        out.push(slice(&subj, last, s));
        for g in 1..f.spans.len() {
            out.push(f.spans[g].map_or(Value::NONE, |(a, b)| slice(&subj, a, b)));
        }
        last = e;
    }
    out.push(slice(&subj, last, len));
    Ok(new_list(out))
}

fn subx(vm: &mut Vm, args: &[Value], kw: &[Value], name: &'static str) -> PyResult<(Value, usize)> {
    let a = Args::new(name, args, kw);
    a.check(3, 4, &["repl", "string", "count"])?;
    let this = &args[0];
    let p = pattern_of(this)?;
    let repl = a.get(1).or_else(|| a.kw("repl")).cloned().unwrap();
    let s = a.get(2).or_else(|| a.kw("string")).ok_or_else(|| {
        error::type_error(format!(
            "{name}() missing required argument 'string' (pos 2)"
        ))
    })?;
    let subj = subject(p, s)?;
    let count = match a.get(3).or_else(|| a.kw("count")) {
        Some(v) => as_int(v).and_then(|i| i.to_i64()).unwrap_or(0),
        None => 0,
    };
    let limit = if count <= 0 {
        usize::MAX
    } else {
        count as usize
    };
    // The replacement: a callable, a literal, or (with backslashes) what re._subx makes.
    let is_template = |v: &Value| match as_str(v) {
        Some(t) => t.contains('\\'),
        None => crate::types::bytes::as_bytes(v).is_some_and(|b| b.contains(&b'\\')),
    };
    let filter = if ops::callable(&repl) {
        repl.clone()
    } else if is_template(&repl) {
        let re = crate::import::gcd_import(vm, "re")?;
        let f = ops::getattr(vm, &re, &intern("_subx"))?;
        vm.call(&f, &[this.clone(), repl.clone()], &[])?
    } else {
        if as_str(&repl).is_none() && crate::types::bytes::as_bytes(&repl).is_none() {
            return Err(error::type_error(format!(
                "expected str instance, {} found",
                type_name(&repl)
            )));
        }
        repl.clone()
    };
    let callable = ops::callable(&filter);
    let len = subj.len();
    let mut parts: Vec<Value> = vec![];
    let mut last = 0;
    let mut n = 0;
    for f in run_all(p, &subj, 0, len, limit) {
        let (s, e) = f.spans[0].unwrap();
        parts.push(slice(&subj, last, s));
        let piece = if callable {
            let ms = match &subj {
                Subject::Str(v) => Subject::Str(v.clone()),
                Subject::Bytes(b, v) => Subject::Bytes(b.clone(), v.clone()),
            };
            let m = new_match(this, ms, 0, len, f);
            vm.call1(&filter, m)?
        } else {
            filter.clone()
        };
        if !piece.is_none() {
            let ok = if p.is_bytes {
                crate::types::bytes::as_bytes(&piece).is_some()
            } else {
                as_str(&piece).is_some()
            };
            if !ok {
                let want = if p.is_bytes {
                    "a bytes-like object is required"
                } else {
                    "expected str instance"
                };
                return Err(error::type_error(if p.is_bytes {
                    format!("{want}, not '{}'", type_name(&piece))
                } else {
                    format!("{want}, {} found", type_name(&piece))
                }));
            }
            parts.push(piece);
        }
        last = e;
        n += 1;
    }
    parts.push(slice(&subj, last, len));
    let joined = match &subj {
        Subject::Str(_) => {
            let mut s = String::new();
            for x in &parts {
                s.push_str(as_str(x).unwrap_or(""));
            }
            new_str(s)
        }
        Subject::Bytes(..) => {
            let mut b = vec![];
            for x in &parts {
                b.extend_from_slice(&crate::types::bytes::bytes_vec(x).unwrap_or_default());
            }
            crate::types::bytes::new_bytes(b)
        }
    };
    Ok((joined, n))
}

pub(super) fn p_sub(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    Ok(subx(vm, args, kw, "sub")?.0)
}

pub(super) fn p_subn(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (s, n) = subx(vm, args, kw, "subn")?;
    Ok(new_tuple(vec![s, Value::int(n as i64)]))
}
