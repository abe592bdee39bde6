//! `_sre`, the engine under CPython's `re`: `re/_compiler.py` turns a pattern into SRE
//! code and `_sre.compile` makes the Pattern object that runs it. The matching itself is
//! the `rustpython-sre_engine` crate, whose opcode set is 3.11's (`_constants.py`:
//! the same 43 opcodes, AT and CATEGORY codes, in the same order; the crate's own magic
//! number is a later CPython's, which changed `_sre`'s Python API, not the code).
//! Positions are character indices, as Python's.

use crate::builtins::args::Args;
use crate::error::{self, PyResult};
use crate::object::Header;
use crate::ops;
use crate::types::bytes::{as_bytes, bytes_vec, new_bytes};
use crate::types::dict::DictObj;
use crate::types::ext::{ext_ref, new_ext, new_ext_type};
use crate::types::func::NativeFn;
use crate::types::int::as_int;
use crate::types::list::new_list;
use crate::types::str::{as_str, intern, new_str};
use crate::types::tuple::{as_tuple, new_tuple};
use crate::types::{tt, type_name};
use crate::value::Value;
use crate::vm::Vm;
use rustpython_sre_engine::{Request, SearchIter, State};
use std::cell::OnceCell;

/// The SRE version `re/_constants.py` of CPython 3.11 checks.
const MAGIC: i64 = 20220615;

pub struct Pattern {
    pub code: Vec<u32>,
    pub pattern: Value,
    pub flags: i64,
    pub groups: usize,
    pub groupindex: Value,
    pub indexgroup: Value,
    pub is_bytes: bool,
}

pub(super) struct Types {
    pub pattern: *const Header,
    pub match_: *const Header,
    pub scanner: *const Header,
}

thread_local! {
    static TYPES: OnceCell<&'static Types> = const { OnceCell::new() };
}

pub(super) fn types() -> &'static Types {
    TYPES.with(|c| {
        *c.get_or_init(|| {
            let pattern = new_ext_type("Pattern", "re", std::ptr::null(), PATTERN_METHODS);
            let match_ = new_ext_type(
                "Match",
                "re",
                std::ptr::null(),
                super::sre_match::MATCH_METHODS,
            );
            let scanner = new_ext_type(
                "SRE_Scanner",
                "_sre",
                std::ptr::null(),
                super::sre_match::SCANNER_METHODS,
            );
            for (ty, getters) in [
                (pattern, PATTERN_GETTERS),
                (match_, super::sre_match::MATCH_GETTERS),
                (scanner, super::sre_match::SCANNER_GETTERS),
            ] {
                for (name, f) in getters {
                    let p = crate::types::descr::new_property(
                        crate::types::func::new_native(name, *f),
                        Value::NONE,
                        Value::NONE,
                        Value::NONE,
                    );
                    DictObj::set_str(
                        &crate::types::typeobj::type_data_ptr(ty).dict,
                        intern(name),
                        p,
                    );
                }
            }
            for ty in [pattern, match_] {
                let cg = crate::types::func::new_native(
                    "__class_getitem__",
                    crate::pytypes::generic_alias::class_getitem,
                );
                DictObj::set_str(
                    &crate::types::typeobj::type_data_ptr(ty).dict,
                    intern("__class_getitem__"),
                    crate::types::descr::new_classmethod(cg),
                );
            }
            Box::leak(Box::new(Types {
                pattern,
                match_,
                scanner,
            }))
        })
    })
}

/// The subject of a match: the engine works on `&str` (by characters) or bytes.
pub(super) enum Subject {
    Str(Value),
    Bytes(Vec<u8>, Value),
}

impl Subject {
    pub(super) fn value(&self) -> &Value {
        match self {
            Subject::Str(v) | Subject::Bytes(_, v) => v,
        }
    }
    pub(super) fn len(&self) -> usize {
        match self {
            Subject::Str(v) => as_str(v).map_or(0, |s| s.chars().count()),
            Subject::Bytes(b, _) => b.len(),
        }
    }
}

/// A pattern's subject argument, type-checked against the pattern.
pub(super) fn subject(p: &Pattern, v: &Value) -> PyResult<Subject> {
    if as_str(v).is_some() {
        if p.is_bytes {
            return Err(error::type_error(
                "cannot use a bytes pattern on a string-like object",
            ));
        }
        return Ok(Subject::Str(v.clone()));
    }
    if let Some(b) = bytes_vec(v) {
        if !p.is_bytes {
            return Err(error::type_error(
                "cannot use a string pattern on a bytes-like object",
            ));
        }
        return Ok(Subject::Bytes(b, v.clone()));
    }
    Err(error::type_error(format!(
        "expected string or bytes-like object, got '{}'",
        type_name(v)
    )))
}

/// What one successful match found: group spans in characters (group 0 first; None
/// for groups that did not take part) and the last group closed.
pub(super) struct Found {
    pub spans: Vec<Option<(usize, usize)>>,
    pub lastindex: isize,
}

fn found(state: &State, groups: usize) -> Found {
    let mut spans = vec![Some((state.start, state.cursor.position))];
    for g in 0..groups {
        let (s, e) = state.marks.get(g);
        spans.push(match (s.into_option(), e.into_option()) {
            (Some(s), Some(e)) if s <= e => Some((s, e)),
            _ => None,
        });
    }
    Found {
        spans,
        lastindex: state.marks.last_index(),
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Mode {
    Match,
    FullMatch,
    Search,
}

/// Runs `p` once over `subj[pos:endpos]`.
pub(super) fn run_once(
    p: &Pattern,
    subj: &Subject,
    pos: usize,
    endpos: usize,
    mode: Mode,
) -> Option<Found> {
    fn go<S: rustpython_sre_engine::StrDrive>(
        p: &Pattern,
        s: S,
        pos: usize,
        endpos: usize,
        mode: Mode,
    ) -> Option<Found> {
        let req = Request::new(s, pos, endpos, &p.code, mode == Mode::FullMatch);
        let mut state = State::default();
        state.reset(&req, req.start);
        let ok = match mode {
            Mode::Search => state.search(req),
            _ => state.py_match(&req),
        };
        ok.then(|| found(&state, p.groups))
    }
    match subj {
        Subject::Str(v) => go(p, as_str(v).unwrap_or(""), pos, endpos, mode),
        Subject::Bytes(b, _) => go(p, b.as_slice(), pos, endpos, mode),
    }
}

/// Every successive match of `p` in `subj[pos:endpos]` (as `finditer`), up to `limit`.
pub(super) fn run_all(
    p: &Pattern,
    subj: &Subject,
    pos: usize,
    endpos: usize,
    limit: usize,
) -> Vec<Found> {
    fn go<S: rustpython_sre_engine::StrDrive>(
        p: &Pattern,
        s: S,
        pos: usize,
        endpos: usize,
        limit: usize,
    ) -> Vec<Found> {
        let req = Request::new(s, pos, endpos, &p.code, false);
        let mut it = SearchIter {
            req,
            state: State::default(),
        };
        let mut out = vec![];
        while out.len() < limit && it.next().is_some() {
            out.push(found(&it.state, p.groups));
        }
        out
    }
    match subj {
        Subject::Str(v) => go(p, as_str(v).unwrap_or(""), pos, endpos, limit),
        Subject::Bytes(b, _) => go(p, b.as_slice(), pos, endpos, limit),
    }
}

/// `subj[start:end]` (characters for str, bytes for bytes) as a value of its type.
pub(super) fn slice(subj: &Subject, start: usize, end: usize) -> Value {
    match subj {
        Subject::Str(v) => {
            let s = as_str(v).unwrap_or("");
            if s.is_ascii() {
                return new_str(&s[start.min(s.len())..end.min(s.len())]);
            }
            new_str(
                s.chars()
                    .skip(start)
                    .take(end.saturating_sub(start))
                    .collect::<String>(),
            )
        }
        Subject::Bytes(b, _) => new_bytes(b[start.min(b.len())..end.min(b.len())].to_vec()),
    }
}

pub(super) fn pattern_of(v: &Value) -> PyResult<&Pattern> {
    ext_ref::<Pattern>(v)
        .ok_or_else(|| error::type_error("descriptor requires a 're.Pattern' object"))
}

/// `pos`/`endpos` as CPython clamps them.
pub(super) fn bounds(
    pos: Option<&Value>,
    endpos: Option<&Value>,
    len: usize,
) -> PyResult<(usize, usize)> {
    let get = |v: Option<&Value>, default: i64| -> PyResult<i64> {
        match v {
            None => Ok(default),
            Some(v) => as_int(v)
                .map(|i| {
                    i.to_i64()
                        .unwrap_or(if i.is_negative() { i64::MIN } else { i64::MAX })
                })
                .ok_or_else(|| {
                    error::type_error(format!(
                        "'{}' object cannot be interpreted as an integer",
                        type_name(v)
                    ))
                }),
        }
    };
    let len = len as i64;
    let pos = get(pos, 0)?.clamp(0, len);
    let endpos = get(endpos, len)?.clamp(0, len);
    Ok((pos as usize, endpos.max(pos) as usize))
}

fn match_method(
    vm: &mut Vm,
    args: &[Value],
    kw: &[Value],
    mode: Mode,
    name: &'static str,
) -> PyResult<Value> {
    let a = Args::new(name, args, kw);
    a.check(2, 4, &["string", "pos", "endpos"])?;
    let this = &a.pos[0];
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
    crate::signals::check()?;
    let _ = vm;
    Ok(match run_once(p, &subj, pos, endpos, mode) {
        Some(f) => super::sre_match::new_match(this, subj, pos, endpos, f),
        None => Value::NONE,
    })
}

fn p_match(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    match_method(vm, args, kw, Mode::Match, "match")
}
fn p_fullmatch(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    match_method(vm, args, kw, Mode::FullMatch, "fullmatch")
}
fn p_search(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    match_method(vm, args, kw, Mode::Search, "search")
}

fn p_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let p = pattern_of(&args[0])?;
    let mut r = ops::repr::repr_string(vm, &p.pattern)?;
    if r.chars().count() > 200 {
        r = r.chars().take(200).collect();
    }
    let names = [
        (1, "re.TEMPLATE"),
        (2, "re.IGNORECASE"),
        (4, "re.LOCALE"),
        (8, "re.MULTILINE"),
        (16, "re.DOTALL"),
        (32, "re.UNICODE"),
        (64, "re.VERBOSE"),
        (128, "re.DEBUG"),
        (256, "re.ASCII"),
    ];
    let mut flags = p.flags;
    if !p.is_bytes {
        flags &= !32;
    }
    if flags == 0 {
        return Ok(new_str(format!("re.compile({r})")));
    }
    let mut parts = vec![];
    for (bit, name) in names {
        if flags & bit != 0 {
            parts.push(name.to_string());
            flags &= !bit;
        }
    }
    if flags != 0 {
        parts.push(format!("{flags:#x}"));
    }
    Ok(new_str(format!("re.compile({r}, {})", parts.join("|"))))
}

fn p_eq(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let a = pattern_of(&args[0])?;
    let Some(b) = ext_ref::<Pattern>(&args[1]) else {
        return Ok(tt().not_implemented.clone());
    };
    Ok(Value::bool(
        a.flags == b.flags
            && a.is_bytes == b.is_bytes
            && a.code == b.code
            && ops::eq(vm, &a.pattern, &b.pattern)?,
    ))
}

fn p_hash(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let p = pattern_of(&args[0])?;
    Ok(Value::int(ops::hash(vm, &p.pattern)? ^ p.flags))
}

fn p_copy(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(args[0].clone())
}

fn g_pattern(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(pattern_of(&args[0])?.pattern.clone())
}
fn g_flags(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(pattern_of(&args[0])?.flags))
}
fn g_groups(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(pattern_of(&args[0])?.groups as i64))
}
fn g_groupindex(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(crate::pytypes::namespace::new_proxy(
        pattern_of(&args[0])?.groupindex.clone(),
    ))
}

const PATTERN_METHODS: &[(&str, NativeFn)] = &[
    ("match", p_match),
    ("fullmatch", p_fullmatch),
    ("search", p_search),
    ("findall", super::sre_match::p_findall),
    ("finditer", super::sre_match::p_finditer),
    ("scanner", super::sre_match::p_scanner),
    ("split", super::sre_match::p_split),
    ("sub", super::sre_match::p_sub),
    ("subn", super::sre_match::p_subn),
    ("__repr__", p_repr),
    ("__eq__", p_eq),
    ("__hash__", p_hash),
    ("__copy__", p_copy),
    ("__deepcopy__", p_copy),
];

const PATTERN_GETTERS: &[(&str, NativeFn)] = &[
    ("pattern", g_pattern),
    ("flags", g_flags),
    ("groups", g_groups),
    ("groupindex", g_groupindex),
];

/// `_sre.compile(pattern, flags, code, groups, groupindex, indexgroup)`.
fn compile(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("compile", args, kw);
    a.check(
        6,
        6,
        &[
            "pattern",
            "flags",
            "code",
            "groups",
            "groupindex",
            "indexgroup",
        ],
    )?;
    let code: Vec<u32> = ops::collect(vm, &a.pos[2])?
        .iter()
        .map(|c| as_int(c).and_then(|i| i.to_i64()).map(|i| i as u32))
        .collect::<Option<_>>()
        .ok_or_else(|| error::type_error("regular expression code must be integers"))?;
    let pattern = a.pos[0].clone();
    let is_bytes = as_bytes(&pattern).is_some();
    let n = |v: &Value| as_int(v).and_then(|i| i.to_i64()).unwrap_or(0);
    Ok(new_ext(
        Pattern {
            code,
            pattern,
            flags: n(&a.pos[1]),
            groups: n(&a.pos[3]) as usize,
            groupindex: a.pos[4].clone(),
            indexgroup: a.pos[5].clone(),
            is_bytes,
        },
        types().pattern,
    ))
}

fn char_arg(args: &[Value], kw: &[Value], name: &'static str) -> PyResult<u32> {
    let a = Args::new(name, args, kw);
    a.check(1, 1, &["character"])?;
    as_int(&a.pos[0])
        .and_then(|i| i.to_i64())
        .map(|i| i as u32)
        .ok_or_else(|| error::type_error("an integer is required"))
}

fn ascii_iscased(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let c = char_arg(args, kw, "ascii_iscased")?;
    Ok(Value::bool(c < 128 && (c as u8).is_ascii_alphabetic()))
}
fn unicode_iscased(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let c = char_arg(args, kw, "unicode_iscased")?;
    Ok(Value::bool(
        c != rustpython_sre_engine::string::lower_unicode(c)
            || c != rustpython_sre_engine::string::upper_unicode(c),
    ))
}
fn ascii_tolower(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let c = char_arg(args, kw, "ascii_tolower")?;
    Ok(Value::int(
        rustpython_sre_engine::string::lower_ascii(c) as i64
    ))
}
fn unicode_tolower(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let c = char_arg(args, kw, "unicode_tolower")?;
    Ok(Value::int(
        rustpython_sre_engine::string::lower_unicode(c) as i64
    ))
}
fn getcodesize(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(4))
}

pub fn make(_vm: &mut Vm) -> Value {
    let m = super::module_with_functions(
        "_sre",
        &[
            ("compile", compile),
            ("getcodesize", getcodesize),
            ("ascii_iscased", ascii_iscased),
            ("unicode_iscased", unicode_iscased),
            ("ascii_tolower", ascii_tolower),
            ("unicode_tolower", unicode_tolower),
        ],
    );
    super::set(&m, "MAGIC", Value::int(MAGIC));
    super::set(&m, "CODESIZE", Value::int(4));
    super::set(
        &m,
        "MAXREPEAT",
        Value::int(rustpython_sre_engine::MAXREPEAT as i64),
    );
    super::set(
        &m,
        "MAXGROUPS",
        Value::int(rustpython_sre_engine::MAXGROUPS as i64),
    );
    super::set(
        &m,
        "copyright",
        new_str(" SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB "),
    );
    let _ = (new_list, new_tuple, as_tuple);
    m
}
