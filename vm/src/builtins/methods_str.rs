//! `str` methods, `str.format` / `str.format_map`, and `%`-formatting.
//!
//! Positions are code-point indices; slicing goes through byte offsets (O(1) for ASCII).

use super::args::{arg_count_error, to_i64};
use super::unicode_tables::*;
use super::MethodTable;
use crate::error::{self, PyErr, PyResult};
use crate::fmt as pyfmt;
use crate::ops;
use crate::types::dict::DictObj;
use crate::types::int::as_int;
use crate::types::list::new_list;
use crate::types::str::{as_str, intern, new_str, StrObj};
use crate::types::tuple::{as_tuple, new_tuple};
use crate::types::{tt, type_name};
use crate::value::Value;
use crate::vm::Vm;

pub static METHODS: MethodTable = &[
    ("split", split),
    ("rsplit", rsplit),
    ("splitlines", splitlines),
    ("join", join),
    ("strip", strip),
    ("lstrip", lstrip),
    ("rstrip", rstrip),
    ("replace", replace),
    ("find", find),
    ("rfind", rfind),
    ("index", index),
    ("rindex", rindex),
    ("count", count),
    ("startswith", startswith),
    ("endswith", endswith),
    ("upper", upper),
    ("lower", lower),
    ("capitalize", capitalize),
    ("title", title),
    ("swapcase", swapcase),
    ("casefold", casefold),
    ("isdigit", isdigit),
    ("isdecimal", isdecimal),
    ("isnumeric", isnumeric),
    ("isalpha", isalpha),
    ("isalnum", isalnum),
    ("isspace", isspace),
    ("isupper", isupper),
    ("islower", islower),
    ("istitle", istitle),
    ("isidentifier", isidentifier),
    ("isprintable", isprintable),
    ("isascii", isascii),
    ("center", center),
    ("ljust", ljust),
    ("rjust", rjust),
    ("zfill", zfill),
    ("partition", partition),
    ("rpartition", rpartition),
    ("expandtabs", expandtabs),
    ("format", format),
    ("format_map", format_map),
    ("removeprefix", removeprefix),
    ("removesuffix", removesuffix),
    ("maketrans", maketrans),
    ("translate", translate),
];

fn type_err(msg: impl Into<String>) -> PyErr {
    error::type_error(msg)
}

// ---------------------------------------------------------------------------
// Argument handling
// ---------------------------------------------------------------------------

/// A decoded method call: the receiver, positional arguments (without self) and keywords.
struct Call<'a> {
    this: &'a Value,
    so: &'a StrObj,
    pos: &'a [Value],
    kwn: &'a [Value],
    kwv: &'a [Value],
    name: &'static str,
}

fn recv<'a>(args: &'a [Value], kwn: &'a [Value], name: &'static str) -> PyResult<Call<'a>> {
    let n = args.len() - kwn.len();
    if n == 0 {
        return Err(type_err(format!(
            "unbound method str.{name}() needs an argument"
        )));
    }
    let this = &args[0];
    let so = this.downcast::<StrObj>().ok_or_else(|| {
        type_err(format!(
            "descriptor '{name}' for 'str' objects doesn't apply to a '{}' object",
            type_name(this)
        ))
    })?;
    Ok(Call {
        this,
        so,
        pos: &args[1..n],
        kwn,
        kwv: &args[n..],
        name,
    })
}

impl<'a> Call<'a> {
    fn s(&self) -> &'a str {
        &self.so.s
    }
    fn nokw(&self) -> PyResult<()> {
        if !self.kwn.is_empty() {
            return Err(type_err(format!(
                "str.{}() takes no keyword arguments",
                self.name
            )));
        }
        Ok(())
    }
    /// METH_NOARGS.
    fn noargs(&self) -> PyResult<()> {
        self.nokw()?;
        if !self.pos.is_empty() {
            return Err(arg_count_error(
                &format!("str.{}", self.name),
                0,
                0,
                self.pos.len(),
            ));
        }
        Ok(())
    }
    /// METH_O: exactly one positional argument.
    fn one(&self) -> PyResult<&'a Value> {
        self.nokw()?;
        if self.pos.len() != 1 {
            return Err(arg_count_error(
                &format!("str.{}", self.name),
                1,
                1,
                self.pos.len(),
            ));
        }
        Ok(&self.pos[0])
    }
    /// Argument Clinic positional-only (`center expected at least 1 argument, got 0`).
    fn clinic(&self, min: usize, max: usize) -> PyResult<()> {
        self.nokw()?;
        let n = self.pos.len();
        if n < min || n > max {
            return Err(arg_count_error(self.name, min, max, n));
        }
        Ok(())
    }
    /// PyArg_ParseTuple style (`find() takes at least 1 argument (0 given)`).
    fn tuple_style(&self, min: usize, max: usize) -> PyResult<()> {
        self.nokw()?;
        let n = self.pos.len();
        let plural = |k: usize| if k == 1 { "" } else { "s" };
        if n < min {
            return Err(type_err(format!(
                "{}() takes at least {min} argument{} ({n} given)",
                self.name,
                plural(min)
            )));
        }
        if n > max {
            return Err(type_err(format!(
                "{}() takes at most {max} argument{} ({n} given)",
                self.name,
                plural(max)
            )));
        }
        Ok(())
    }
    /// Positional-or-keyword parameters (`split(sep=None, maxsplit=-1)`).
    fn params(&self, names: &[&str]) -> PyResult<Vec<Option<&'a Value>>> {
        let (npos, nkw, max) = (self.pos.len(), self.kwn.len(), names.len());
        if npos + nkw > max {
            let kind = if npos == 0 { " keyword" } else { "" };
            let s = if max == 1 { "" } else { "s" };
            return Err(type_err(format!(
                "{}() takes at most {max}{kind} argument{s} ({} given)",
                self.name,
                npos + nkw
            )));
        }
        let mut out: Vec<Option<&'a Value>> = vec![None; max];
        for (i, v) in self.pos.iter().enumerate() {
            out[i] = Some(v);
        }
        for (k, v) in self.kwn.iter().zip(self.kwv) {
            let k = as_str(k).unwrap_or("");
            match names.iter().position(|p| *p == k) {
                None => {
                    return Err(type_err(format!(
                        "'{k}' is an invalid keyword argument for {}()",
                        self.name
                    )))
                }
                Some(j) if j < npos => {
                    return Err(type_err(format!(
                        "argument for {}() given by name ('{k}') and position ({})",
                        self.name,
                        j + 1
                    )))
                }
                Some(j) => out[j] = Some(v),
            }
        }
        Ok(out)
    }
}

/// A str argument with the generic `must be str, not int` message.
fn str_arg(v: &Value) -> PyResult<&str> {
    as_str(v).ok_or_else(|| type_err(format!("must be str, not {}", type_name(v))))
}

/// Optional slice index (`start`/`end` of find, count, ...): None means the default.
fn slice_arg(v: Option<&Value>, default: i64) -> PyResult<i64> {
    match v {
        None => Ok(default),
        Some(v) if v.is_none() => Ok(default),
        Some(v) => match as_int(v) {
            Some(i) => Ok(i
                .to_i64()
                .unwrap_or(if i.is_negative() { i64::MIN } else { i64::MAX })),
            None => Err(type_err(
                "slice indices must be integers or None or have an __index__ method",
            )),
        },
    }
}

/// CPython's ADJUST_INDICES: clamps to [0, len] (start may exceed len).
fn adjust(start: i64, end: i64, len: i64) -> (i64, i64) {
    let end = if end > len {
        len
    } else if end < 0 {
        (end + len).max(0)
    } else {
        end
    };
    let start = if start < 0 {
        (start + len).max(0)
    } else {
        start
    };
    (start, end)
}

fn nchars(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

/// Parses `(sub[, start[, end]])`; returns the receiver, sub, and the adjusted code-point range.
fn find_args<'a>(c: &Call<'a>) -> PyResult<(&'a str, i64, i64)> {
    c.tuple_style(1, 3)?;
    let sub = str_arg(&c.pos[0])?;
    let start = slice_arg(c.pos.get(1), 0)?;
    let end = slice_arg(c.pos.get(2), i64::MAX)?;
    let (start, end) = adjust(start, end, c.so.nchars as i64);
    Ok((sub, start, end))
}

/// Byte slice of the receiver for a valid code-point range (start <= end <= nchars).
fn sub_range(so: &StrObj, start: i64, end: i64) -> (usize, &str) {
    let b0 = so.byte_offset(start as usize);
    let b1 = if so.is_ascii() {
        end as usize
    } else {
        b0 + so.s[b0..]
            .char_indices()
            .nth((end - start) as usize)
            .map(|(b, _)| b)
            .unwrap_or(so.s.len() - b0)
    };
    (b0, &so.s[b0..b1])
}

fn find_impl(c: &Call, rev: bool) -> PyResult<i64> {
    let (sub, start, end) = find_args(c)?;
    if end - start < nchars(sub) as i64 {
        return Ok(-1);
    }
    let (_, hay) = sub_range(c.so, start, end);
    let pos = if rev { hay.rfind(sub) } else { hay.find(sub) };
    Ok(match pos {
        None => -1,
        Some(p) => {
            start
                + if c.so.is_ascii() {
                    p
                } else {
                    hay[..p].chars().count()
                } as i64
        }
    })
}

fn find(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(find_impl(&recv(args, kw, "find")?, false)?))
}
fn rfind(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(find_impl(&recv(args, kw, "rfind")?, true)?))
}
fn index(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    match find_impl(&recv(args, kw, "index")?, false)? {
        -1 => Err(error::value_error("substring not found")),
        i => Ok(Value::int(i)),
    }
}
fn rindex(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    match find_impl(&recv(args, kw, "rindex")?, true)? {
        -1 => Err(error::value_error("substring not found")),
        i => Ok(Value::int(i)),
    }
}

fn count(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let c = recv(args, kw, "count")?;
    let (sub, start, end) = find_args(&c)?;
    if end - start < nchars(sub) as i64 {
        return Ok(Value::small_int(0));
    }
    if sub.is_empty() {
        return Ok(Value::int(end - start + 1));
    }
    let (_, hay) = sub_range(c.so, start, end);
    Ok(Value::int(hay.matches(sub).count() as i64))
}

fn tailmatch(c: &Call, ends: bool) -> PyResult<Value> {
    c.tuple_style(1, 3)?;
    let start = slice_arg(c.pos.get(1), 0)?;
    let end = slice_arg(c.pos.get(2), i64::MAX)?;
    let (start, end) = adjust(start, end, c.so.nchars as i64);
    let check = |sub: &str| -> bool {
        if end - nchars(sub) as i64 >= start && start <= end {
            let (_, hay) = sub_range(c.so, start, end);
            if ends {
                hay.ends_with(sub)
            } else {
                hay.starts_with(sub)
            }
        } else {
            false
        }
    };
    let p = &c.pos[0];
    if let Some(t) = as_tuple(p) {
        for item in t {
            let sub = as_str(item).ok_or_else(|| {
                type_err(format!(
                    "tuple for {} must only contain str, not {}",
                    c.name,
                    type_name(item)
                ))
            })?;
            if check(sub) {
                return Ok(Value::TRUE);
            }
        }
        return Ok(Value::FALSE);
    }
    let sub = as_str(p).ok_or_else(|| {
        type_err(format!(
            "{} first arg must be str or a tuple of str, not {}",
            c.name,
            type_name(p)
        ))
    })?;
    Ok(Value::bool(check(sub)))
}
fn startswith(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    tailmatch(&recv(args, kw, "startswith")?, false)
}
fn endswith(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    tailmatch(&recv(args, kw, "endswith")?, true)
}

// ---------------------------------------------------------------------------
// Splitting and joining
// ---------------------------------------------------------------------------

fn strs(parts: impl Iterator<Item = impl AsRef<str>>) -> Value {
    new_list(parts.map(|p| new_str(p.as_ref())).collect())
}

/// `(sep, maxcount)` of split/rsplit.
fn split_args<'a>(c: &Call<'a>) -> PyResult<(Option<&'a str>, usize)> {
    let p = c.params(&["sep", "maxsplit"])?;
    let sep = match p[0] {
        Some(v) if !v.is_none() => Some(
            as_str(v)
                .ok_or_else(|| type_err(format!("must be str or None, not {}", type_name(v))))?,
        ),
        _ => None,
    };
    let max = match p[1] {
        Some(v) => to_i64(v, "")?,
        None => -1,
    };
    if sep == Some("") {
        return Err(error::value_error("empty separator"));
    }
    Ok((sep, if max < 0 { usize::MAX } else { max as usize }))
}

fn split(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let c = recv(args, kw, "split")?;
    let (sep, max) = split_args(&c)?;
    let s = c.s();
    if let Some(sep) = sep {
        return Ok(strs(s.splitn(max.saturating_add(1), sep)));
    }
    let mut out = Vec::new();
    let mut rest = s;
    let mut n = 0;
    loop {
        rest = rest.trim_start_matches(pyfmt::py_isspace);
        if rest.is_empty() {
            break;
        }
        if n == max {
            out.push(rest);
            break;
        }
        let e = rest.find(pyfmt::py_isspace).unwrap_or(rest.len());
        out.push(&rest[..e]);
        rest = &rest[e..];
        n += 1;
    }
    Ok(strs(out.into_iter()))
}

fn rsplit(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let c = recv(args, kw, "rsplit")?;
    let (sep, max) = split_args(&c)?;
    let s = c.s();
    let mut out: Vec<&str> = Vec::new();
    if let Some(sep) = sep {
        out.extend(s.rsplitn(max.saturating_add(1), sep));
    } else {
        let mut rest = s;
        let mut n = 0;
        loop {
            rest = rest.trim_end_matches(pyfmt::py_isspace);
            if rest.is_empty() {
                break;
            }
            if n == max {
                out.push(rest);
                break;
            }
            let b = rest
                .rfind(pyfmt::py_isspace)
                .map(|i| i + rest[i..].chars().next().unwrap().len_utf8())
                .unwrap_or(0);
            out.push(&rest[b..]);
            rest = &rest[..b];
            n += 1;
        }
    }
    out.reverse();
    Ok(strs(out.into_iter()))
}

fn is_linebreak(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\x0b'
            | '\x0c'
            | '\x1c'
            | '\x1d'
            | '\x1e'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

fn splitlines(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let c = recv(args, kw, "splitlines")?;
    let p = c.params(&["keepends"])?;
    let keep = match p[0] {
        Some(v) => to_i64(v, "")? != 0,
        None => false,
    };
    let s = c.s();
    let mut out = Vec::new();
    let mut start = 0;
    let mut it = s.char_indices().peekable();
    while let Some((i, ch)) = it.next() {
        if !is_linebreak(ch) {
            continue;
        }
        let mut eol = i + ch.len_utf8();
        if ch == '\r' && it.peek().map(|p| p.1) == Some('\n') {
            it.next();
            eol += 1;
        }
        out.push(&s[start..if keep { eol } else { i }]);
        start = eol;
    }
    if start < s.len() {
        out.push(&s[start..]);
    }
    Ok(strs(out.into_iter()))
}

fn join(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let c = recv(args, kw, "join")?;
    let it = c.one()?;
    let items = if let Some(l) = it.downcast::<crate::types::list::ListObj>() {
        l.items.borrow().clone()
    } else if let Some(t) = as_tuple(it) {
        t.to_vec()
    } else {
        let iter = match ops::iter(vm, it) {
            Ok(i) => i,
            Err(e) if e.is_instance(tt().type_error) => {
                return Err(type_err("can only join an iterable"))
            }
            Err(e) => return Err(e),
        };
        let mut v = Vec::new();
        while let Some(x) = ops::next(vm, &iter)? {
            v.push(x);
        }
        v
    };
    if items.len() == 1 && items[0].downcast::<StrObj>().is_some() {
        return Ok(items[0].clone());
    }
    let sep = c.s();
    let mut out = String::new();
    for (i, x) in items.iter().enumerate() {
        let t = as_str(x).ok_or_else(|| {
            type_err(format!(
                "sequence item {i}: expected str instance, {} found",
                type_name(x)
            ))
        })?;
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(t);
    }
    Ok(new_str(out))
}

fn partition_impl(c: &Call, rev: bool) -> PyResult<Value> {
    let sep = str_arg(c.one()?)?;
    if sep.is_empty() {
        return Err(error::value_error("empty separator"));
    }
    let s = c.s();
    let empty = intern("");
    let found = if rev { s.rfind(sep) } else { s.find(sep) };
    Ok(match found {
        Some(i) => new_tuple(vec![
            new_str(&s[..i]),
            new_str(sep),
            new_str(&s[i + sep.len()..]),
        ]),
        None if rev => new_tuple(vec![empty.clone(), empty, c.this.clone()]),
        None => new_tuple(vec![c.this.clone(), empty.clone(), empty]),
    })
}
fn partition(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    partition_impl(&recv(args, kw, "partition")?, false)
}
fn rpartition(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    partition_impl(&recv(args, kw, "rpartition")?, true)
}

// ---------------------------------------------------------------------------
// Stripping, replacing, padding
// ---------------------------------------------------------------------------

fn strip_impl(c: &Call, left: bool, right: bool) -> PyResult<Value> {
    c.clinic(0, 1)?;
    let s = c.s();
    let r = match c.pos.first() {
        Some(v) if !v.is_none() => {
            let chars =
                as_str(v).ok_or_else(|| type_err(format!("{} arg must be None or str", c.name)))?;
            let f = |ch: char| chars.contains(ch);
            let t = if left { s.trim_start_matches(f) } else { s };
            if right {
                t.trim_end_matches(f)
            } else {
                t
            }
        }
        _ => {
            let t = if left {
                s.trim_start_matches(pyfmt::py_isspace)
            } else {
                s
            };
            if right {
                t.trim_end_matches(pyfmt::py_isspace)
            } else {
                t
            }
        }
    };
    Ok(if r.len() == s.len() {
        c.this.clone()
    } else {
        new_str(r)
    })
}
fn strip(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    strip_impl(&recv(args, kw, "strip")?, true, true)
}
fn lstrip(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    strip_impl(&recv(args, kw, "lstrip")?, true, false)
}
fn rstrip(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    strip_impl(&recv(args, kw, "rstrip")?, false, true)
}

fn replace(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let c = recv(args, kw, "replace")?;
    c.clinic(2, 3)?;
    let argn = |i: usize| -> PyResult<&str> {
        let v = &c.pos[i];
        as_str(v).ok_or_else(|| {
            type_err(format!(
                "replace() argument {} must be str, not {}",
                i + 1,
                type_name(v)
            ))
        })
    };
    let old = argn(0)?;
    let new = argn(1)?;
    let n = match c.pos.get(2) {
        Some(v) => to_i64(v, "")?,
        None => -1,
    };
    let s = c.s();
    if n == 0 || (!old.is_empty() && !s.contains(old)) {
        return Ok(c.this.clone());
    }
    Ok(new_str(if n < 0 {
        s.replace(old, new)
    } else {
        s.replacen(old, new, n as usize)
    }))
}

fn pad(c: &Call, left: i64, right: i64, fill: char) -> Value {
    let mut out = String::with_capacity(c.s().len() + (left + right) as usize * fill.len_utf8());
    out.extend(std::iter::repeat_n(fill, left as usize));
    out.push_str(c.s());
    out.extend(std::iter::repeat_n(fill, right as usize));
    new_str(out)
}

/// `(width, fillchar)` of center/ljust/rjust; None if no padding is needed.
fn just_args(c: &Call) -> PyResult<Option<(i64, char)>> {
    c.clinic(1, 2)?;
    let width = to_i64(&c.pos[0], "")?;
    let fill = match c.pos.get(1) {
        None => ' ',
        Some(v) => {
            let f = as_str(v).ok_or_else(|| {
                type_err(format!(
                    "The fill character must be a unicode character, not {}",
                    type_name(v)
                ))
            })?;
            let mut it = f.chars();
            match (it.next(), it.next()) {
                (Some(ch), None) => ch,
                _ => {
                    return Err(type_err(
                        "The fill character must be exactly one character long",
                    ))
                }
            }
        }
    };
    let marg = width - c.so.nchars as i64;
    Ok(if marg <= 0 { None } else { Some((width, fill)) })
}
fn center(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let c = recv(args, kw, "center")?;
    Ok(match just_args(&c)? {
        None => c.this.clone(),
        Some((width, fill)) => {
            let marg = width - c.so.nchars as i64;
            let left = marg / 2 + (marg & width & 1);
            pad(&c, left, marg - left, fill)
        }
    })
}
fn ljust(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let c = recv(args, kw, "ljust")?;
    Ok(match just_args(&c)? {
        None => c.this.clone(),
        Some((width, fill)) => pad(&c, 0, width - c.so.nchars as i64, fill),
    })
}
fn rjust(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let c = recv(args, kw, "rjust")?;
    Ok(match just_args(&c)? {
        None => c.this.clone(),
        Some((width, fill)) => pad(&c, width - c.so.nchars as i64, 0, fill),
    })
}

fn zfill(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let c = recv(args, kw, "zfill")?;
    let width = to_i64(c.one()?, "")?;
    let fill = width - c.so.nchars as i64;
    if fill <= 0 {
        return Ok(c.this.clone());
    }
    let s = c.s();
    let mut out = String::with_capacity(width as usize);
    let body = match s.as_bytes().first() {
        Some(b'+') | Some(b'-') => {
            out.push_str(&s[..1]);
            &s[1..]
        }
        _ => s,
    };
    out.extend(std::iter::repeat_n('0', fill as usize));
    out.push_str(body);
    Ok(new_str(out))
}

fn expandtabs(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let c = recv(args, kw, "expandtabs")?;
    let p = c.params(&["tabsize"])?;
    let tab = match p[0] {
        Some(v) => to_i64(v, "")?,
        None => 8,
    };
    let mut out = String::with_capacity(c.s().len());
    let mut col: i64 = 0;
    for ch in c.s().chars() {
        if ch == '\t' {
            if tab > 0 {
                let n = tab - col % tab;
                col += n;
                out.extend(std::iter::repeat_n(' ', n as usize));
            }
        } else {
            col += 1;
            out.push(ch);
            if ch == '\n' || ch == '\r' {
                col = 0;
            }
        }
    }
    Ok(new_str(out))
}

fn affix_impl(c: &Call, suffix: bool) -> PyResult<Value> {
    let a = c.one()?;
    let a = as_str(a).ok_or_else(|| {
        type_err(format!(
            "{}() argument must be str, not {}",
            c.name,
            type_name(a)
        ))
    })?;
    let s = c.s();
    let r = if suffix {
        s.strip_suffix(a)
    } else {
        s.strip_prefix(a)
    };
    Ok(match r {
        Some(r) if !a.is_empty() => new_str(r),
        _ => c.this.clone(),
    })
}
fn removeprefix(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    affix_impl(&recv(args, kw, "removeprefix")?, false)
}
fn removesuffix(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    affix_impl(&recv(args, kw, "removesuffix")?, true)
}

// ---------------------------------------------------------------------------
// translate / maketrans
// ---------------------------------------------------------------------------

fn translate(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let c = recv(args, kw, "translate")?;
    let table = c.one()?;
    let mut out = String::with_capacity(c.s().len());
    for ch in c.s().chars() {
        let r = match ops::getitem(vm, table, &Value::int(ch as i64)) {
            Ok(r) => r,
            Err(e) if e.is_instance(tt().lookup_error) => {
                out.push(ch);
                continue;
            }
            Err(e) => return Err(e),
        };
        if r.is_none() {
            continue;
        }
        if let Some(t) = as_str(&r) {
            out.push_str(t);
        } else if let Some(i) = as_int(&r) {
            match i
                .to_i64()
                .filter(|i| (0..0x110000).contains(i))
                .and_then(|i| char::from_u32(i as u32))
            {
                Some(m) => out.push(m),
                None => {
                    return Err(error::value_error(
                        "character mapping must be in range(0x110000)",
                    ))
                }
            }
        } else {
            return Err(type_err(
                "character mapping must return integer, None or str",
            ));
        }
    }
    Ok(new_str(out))
}

/// Static method: callable as `str.maketrans(...)` or (bound) `s.maketrans(...)`.
fn maketrans(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(type_err("maketrans() takes no keyword arguments"));
    }
    // A staticmethod: no receiver.
    let a = args;
    if a.is_empty() || a.len() > 3 {
        return Err(arg_count_error("maketrans", 1, 3, a.len()));
    }
    for (i, v) in a.iter().enumerate().skip(1) {
        if as_str(v).is_none() {
            return Err(type_err(format!(
                "maketrans() argument {} must be str, not {}",
                i + 1,
                type_name(v)
            )));
        }
    }
    let d = DictObj::new_value();
    let dict = d.downcast::<DictObj>().unwrap();
    if a.len() == 1 {
        let src = a[0].downcast::<DictObj>().ok_or_else(|| {
            type_err("if you give only one argument to maketrans it must be a dict")
        })?;
        for (k, v) in src.items() {
            let key = if let Some(s) = as_str(&k) {
                let mut it = s.chars();
                match (it.next(), it.next()) {
                    (Some(ch), None) => Value::int(ch as i64),
                    _ => {
                        return Err(error::value_error(
                            "string keys in translate table must be of length 1",
                        ))
                    }
                }
            } else if as_int(&k).is_some() {
                k.clone()
            } else {
                return Err(type_err(
                    "keys in translate table must be strings or integers",
                ));
            };
            dict.set(vm, key, v)?;
        }
        return Ok(d);
    }
    let x = as_str(&a[0]).ok_or_else(|| {
        type_err("first maketrans argument must be a string if there is a second argument")
    })?;
    let y = as_str(&a[1]).unwrap();
    if nchars(x) != nchars(y) {
        return Err(error::value_error(
            "the first two maketrans arguments must have equal length",
        ));
    }
    for (p, q) in x.chars().zip(y.chars()) {
        dict.set(vm, Value::int(p as i64), Value::int(q as i64))?;
    }
    if let Some(z) = a.get(2) {
        for p in as_str(z).unwrap().chars() {
            dict.set(vm, Value::int(p as i64), Value::NONE)?;
        }
    }
    Ok(d)
}

// ---------------------------------------------------------------------------
// Case conversion and character classes
// ---------------------------------------------------------------------------

/// Lowercase of `chars[i]`, with the Final_Sigma rule for U+03A3.
fn push_lower(out: &mut String, chars: &[char], i: usize) {
    let c = chars[i];
    if c != '\u{3a3}' {
        out.extend(c.to_lowercase());
        return;
    }
    let before = chars[..i].iter().rev().find(|&&d| !is_case_ignorable(d));
    let after = chars[i + 1..].iter().find(|&&d| !is_case_ignorable(d));
    let fin = before.is_some_and(|&d| is_cased(d)) && !after.is_some_and(|&d| is_cased(d));
    out.push(if fin { 'ς' } else { 'σ' });
}

/// Full titlecase mapping of one character.
fn push_title(out: &mut String, c: char) {
    let u = c as u32;
    let m = match u {
        0x1C4..=0x1C6 => 0x1C5,
        0x1C7..=0x1C9 => 0x1C8,
        0x1CA..=0x1CC => 0x1CB,
        0x1F1..=0x1F3 => 0x1F2,
        0x10D0..=0x10FF => u,
        0x1F80..=0x1FAF => u | 8,
        0x1FB3 | 0x1FBC => 0x1FBC,
        0x1FC3 | 0x1FCC => 0x1FCC,
        0x1FF3 | 0x1FFC => 0x1FFC,
        0x149 => {
            out.push_str("\u{2bc}N");
            return;
        }
        _ => {
            let mut up = c.to_uppercase();
            let first = up.next().unwrap_or(c);
            out.push(first);
            for d in up {
                if d == 'Ι' && (0x1FB2..=0x1FF7).contains(&u) {
                    out.push('\u{345}');
                } else {
                    out.extend(d.to_lowercase());
                }
            }
            return;
        }
    };
    out.push(char::from_u32(m).unwrap_or(c));
}

fn case_method(
    args: &[Value],
    kw: &[Value],
    name: &'static str,
    f: fn(&str) -> String,
) -> PyResult<Value> {
    let c = recv(args, kw, name)?;
    c.noargs()?;
    Ok(new_str(f(c.s())))
}

fn upper(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    case_method(args, kw, "upper", |s| {
        if s.is_ascii() {
            s.to_ascii_uppercase()
        } else {
            s.to_uppercase()
        }
    })
}
fn lower(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    case_method(args, kw, "lower", |s| {
        if s.is_ascii() {
            s.to_ascii_lowercase()
        } else {
            s.to_lowercase()
        }
    })
}
fn capitalize(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    case_method(args, kw, "capitalize", |s| {
        let chars: Vec<char> = s.chars().collect();
        let mut out = String::with_capacity(s.len());
        for i in 0..chars.len() {
            if i == 0 {
                push_title(&mut out, chars[0]);
            } else {
                push_lower(&mut out, &chars, i);
            }
        }
        out
    })
}
fn title(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    case_method(args, kw, "title", |s| {
        let chars: Vec<char> = s.chars().collect();
        let mut out = String::with_capacity(s.len());
        let mut prev_cased = false;
        for (i, &ch) in chars.iter().enumerate() {
            if prev_cased {
                push_lower(&mut out, &chars, i);
            } else {
                push_title(&mut out, ch);
            }
            prev_cased = is_cased(ch);
        }
        out
    })
}
fn swapcase(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    case_method(args, kw, "swapcase", |s| {
        let chars: Vec<char> = s.chars().collect();
        let mut out = String::with_capacity(s.len());
        for (i, &ch) in chars.iter().enumerate() {
            if ch.is_uppercase() {
                push_lower(&mut out, &chars, i);
            } else if ch.is_lowercase() {
                out.extend(ch.to_uppercase());
            } else {
                out.push(ch);
            }
        }
        out
    })
}
fn casefold(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    case_method(args, kw, "casefold", |s| {
        if s.is_ascii() {
            return s.to_ascii_lowercase();
        }
        let mut out = String::with_capacity(s.len());
        for ch in s.chars() {
            let u = ch as u32;
            match u {
                0x13A0..=0x13F5 => out.push(ch),
                0x13F8..=0x13FD => out.push(char::from_u32(u - 8).unwrap()),
                0xAB70..=0xABBF => out.push(char::from_u32(u - 0xAB70 + 0x13A0).unwrap()),
                _ => match CASEFOLD.binary_search_by_key(&u, |&(k, _)| k) {
                    Ok(i) => out.push_str(CASEFOLD[i].1),
                    Err(_) => out.extend(ch.to_lowercase()),
                },
            }
        }
        out
    })
}

/// `str.isxxx()` for a per-character predicate (False for the empty string).
fn all_chars(
    args: &[Value],
    kw: &[Value],
    name: &'static str,
    f: fn(char) -> bool,
) -> PyResult<Value> {
    let c = recv(args, kw, name)?;
    c.noargs()?;
    Ok(Value::bool(!c.s().is_empty() && c.s().chars().all(f)))
}

fn isdigit(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    all_chars(args, kw, "isdigit", is_digit)
}
fn isdecimal(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    all_chars(args, kw, "isdecimal", is_decimal)
}
fn isnumeric(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    all_chars(args, kw, "isnumeric", is_numeric)
}
fn isalpha(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    all_chars(args, kw, "isalpha", is_alpha)
}
fn isalnum(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    all_chars(args, kw, "isalnum", |c| {
        is_alpha(c) || is_digit(c) || is_numeric(c)
    })
}
fn isspace(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    all_chars(args, kw, "isspace", pyfmt::py_isspace)
}
fn isupper(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let c = recv(args, kw, "isupper")?;
    c.noargs()?;
    let s = c.s();
    Ok(Value::bool(
        !s.chars().any(|ch| ch.is_lowercase() || is_titlecase(ch))
            && s.chars().any(|ch| ch.is_uppercase()),
    ))
}
fn islower(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let c = recv(args, kw, "islower")?;
    c.noargs()?;
    let s = c.s();
    Ok(Value::bool(
        !s.chars().any(|ch| ch.is_uppercase() || is_titlecase(ch))
            && s.chars().any(|ch| ch.is_lowercase()),
    ))
}
fn istitle(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let c = recv(args, kw, "istitle")?;
    c.noargs()?;
    let (mut cased, mut prev) = (false, false);
    for ch in c.s().chars() {
        if ch.is_uppercase() || is_titlecase(ch) {
            if prev {
                return Ok(Value::FALSE);
            }
            prev = true;
            cased = true;
        } else if ch.is_lowercase() {
            if !prev {
                return Ok(Value::FALSE);
            }
            prev = true;
            cased = true;
        } else {
            prev = false;
        }
    }
    Ok(Value::bool(cased))
}
fn isidentifier(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let c = recv(args, kw, "isidentifier")?;
    c.noargs()?;
    let mut it = c.s().chars();
    let start = |ch: char| {
        ch == '_'
            || (ch.is_alphabetic()
                && (ch.is_ascii() || !in_table(NOT_ALPHA, ch) || ch.is_numeric()))
    };
    let cont = |ch: char| {
        start(ch)
            || is_decimal(ch)
            || ch.is_alphanumeric()
            || matches!(ch, '\u{203f}' | '\u{2040}' | '\u{b7}')
            || (!ch.is_ascii() && is_case_ignorable(ch) && ch as u32 >= 0x300)
    };
    Ok(Value::bool(match it.next() {
        Some(f) => start(f) && it.all(cont),
        None => false,
    }))
}
fn isprintable(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let c = recv(args, kw, "isprintable")?;
    c.noargs()?;
    Ok(Value::bool(c.s().chars().all(pyfmt::is_printable)))
}
fn isascii(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let c = recv(args, kw, "isascii")?;
    c.noargs()?;
    Ok(Value::bool(c.so.is_ascii()))
}

// ---------------------------------------------------------------------------
// str.format / str.format_map (port of Objects/stringlib/unicode_format.h)
// ---------------------------------------------------------------------------

/// Where replacement fields get their values.
enum FieldSrc<'a> {
    Args {
        pos: &'a [Value],
        kwn: &'a [Value],
        kwv: &'a [Value],
    },
    Map(&'a Value),
}

#[derive(PartialEq)]
enum AutoState {
    Init,
    Auto,
    Manual,
}

struct Formatter<'a> {
    src: FieldSrc<'a>,
    state: AutoState,
    next: usize,
}

/// A field-name integer: None if empty or not all digits.
fn field_int(s: &[char]) -> PyResult<Option<usize>> {
    if s.is_empty() {
        return Ok(None);
    }
    let mut acc: usize = 0;
    for &c in s {
        let d = match c.to_digit(10) {
            Some(d) => d as usize,
            None if is_decimal(c) => {
                let u = c as u32;
                let i = DECIMAL.partition_point(|&(_, hi)| hi < u);
                (u - DECIMAL[i].0) as usize % 10
            }
            None => return Ok(None),
        };
        if acc > (i64::MAX as usize - d) / 10 {
            return Err(error::value_error(
                "Too many decimal digits in format string",
            ));
        }
        acc = acc * 10 + d;
    }
    Ok(Some(acc))
}

impl Formatter<'_> {
    fn build(&mut self, vm: &mut Vm, chars: &[char], depth: i32) -> PyResult<String> {
        if depth <= 0 {
            return Err(error::value_error("Max string recursion exceeded"));
        }
        let n = chars.len();
        let mut out = String::with_capacity(n + 16);
        let mut i = 0;
        while i < n {
            let start = i;
            let mut c = '\0';
            let mut markup = false;
            while i < n {
                c = chars[i];
                i += 1;
                if c == '{' || c == '}' {
                    markup = true;
                    break;
                }
            }
            let at_end = i >= n;
            let mut len = i - start;
            if markup && c == '}' && (at_end || chars[i] != '}') {
                return Err(error::value_error(
                    "Single '}' encountered in format string",
                ));
            }
            if markup && at_end && c == '{' {
                return Err(error::value_error(
                    "Single '{' encountered in format string",
                ));
            }
            if markup {
                if chars[i] == c {
                    i += 1;
                    markup = false;
                } else {
                    len -= 1;
                }
            }
            out.extend(&chars[start..start + len]);
            if !markup {
                continue;
            }
            // parse_field
            let fstart = i;
            c = '\0';
            while i < n {
                c = chars[i];
                i += 1;
                match c {
                    '{' => return Err(error::value_error("unexpected '{' in field name")),
                    '[' => {
                        while i < n && chars[i] != ']' {
                            i += 1;
                        }
                        continue;
                    }
                    '}' | ':' | '!' => break,
                    _ => continue,
                }
            }
            let field = &chars[fstart..i.saturating_sub(1).max(fstart)];
            let mut conv = None;
            let mut spec: &[char] = &[];
            let mut expand = false;
            if c == '!' || c == ':' {
                let mut done = false;
                if c == '!' {
                    if i >= n {
                        return Err(error::value_error(
                            "end of string while looking for conversion specifier",
                        ));
                    }
                    conv = Some(chars[i]);
                    i += 1;
                    if i < n {
                        let c2 = chars[i];
                        i += 1;
                        if c2 == '}' {
                            done = true;
                        } else if c2 != ':' {
                            return Err(error::value_error(
                                "expected ':' after conversion specifier",
                            ));
                        }
                    }
                }
                if !done {
                    let sstart = i;
                    let mut depth_count = 1;
                    loop {
                        if i >= n {
                            return Err(error::value_error("unmatched '{' in format spec"));
                        }
                        let d = chars[i];
                        i += 1;
                        if d == '{' {
                            expand = true;
                            depth_count += 1;
                        } else if d == '}' {
                            depth_count -= 1;
                            if depth_count == 0 {
                                spec = &chars[sstart..i - 1];
                                break;
                            }
                        }
                    }
                }
            } else if c != '}' {
                return Err(error::value_error("expected '}' before end of string"));
            }
            // output_markup
            let mut obj = self.field_object(vm, field)?;
            if let Some(cv) = conv {
                obj = match cv {
                    'r' => ops::repr(vm, &obj)?,
                    's' => ops::to_str(vm, &obj)?,
                    'a' => ops::ascii(vm, &obj)?,
                    c if (c as u32) > 32 && (c as u32) < 127 => {
                        return Err(error::value_error(format!(
                            "Unknown conversion specifier {c}"
                        )))
                    }
                    c => {
                        return Err(error::value_error(format!(
                            "Unknown conversion specifier \\x{:x}",
                            c as u32
                        )))
                    }
                };
            }
            let spec_s: String = if expand {
                self.build(vm, spec, depth - 1)?
            } else {
                spec.iter().collect()
            };
            let r = if spec_s.is_empty() && obj.downcast::<StrObj>().is_some() {
                obj
            } else {
                ops::format(vm, &obj, Some(&new_str(spec_s)))?
            };
            out.push_str(as_str(&r).unwrap_or(""));
        }
        Ok(out)
    }

    fn field_object(&mut self, vm: &mut Vm, field: &[char]) -> PyResult<Value> {
        let split = field
            .iter()
            .position(|&c| c == '.' || c == '[')
            .unwrap_or(field.len());
        let (first, rest) = field.split_at(split);
        let mut idx = field_int(first)?;
        let empty = first.is_empty();
        if empty || idx.is_some() {
            if self.state == AutoState::Init {
                self.state = if empty {
                    AutoState::Auto
                } else {
                    AutoState::Manual
                };
            }
            if self.state == AutoState::Manual && empty {
                return Err(error::value_error(
                    "cannot switch from manual field specification to automatic field numbering",
                ));
            }
            if self.state == AutoState::Auto && !empty {
                return Err(error::value_error(
                    "cannot switch from automatic field numbering to manual field specification",
                ));
            }
            if empty {
                idx = Some(self.next);
                self.next += 1;
            }
        }
        let mut obj = match (idx, &self.src) {
            (None, FieldSrc::Args { kwn, kwv, .. }) => {
                let key: String = first.iter().collect();
                match kwn.iter().position(|k| as_str(k) == Some(key.as_str())) {
                    Some(j) => kwv[j].clone(),
                    None => return Err(error::key_error(new_str(key))),
                }
            }
            (None, FieldSrc::Map(m)) => {
                let key = new_str(first.iter().collect::<String>());
                ops::getitem(vm, m, &key)?
            }
            (Some(i), FieldSrc::Args { pos, .. }) => match pos.get(i) {
                Some(v) => v.clone(),
                None => {
                    return Err(error::index_error(format!(
                        "Replacement index {i} out of range for positional args tuple"
                    )))
                }
            },
            (Some(_), FieldSrc::Map(_)) => {
                return Err(error::value_error(
                    "Format string contains positional fields",
                ))
            }
        };
        let mut j = 0;
        while j < rest.len() {
            let c = rest[j];
            j += 1;
            let s = j;
            let is_attr = match c {
                '.' => {
                    while j < rest.len() && rest[j] != '.' && rest[j] != '[' {
                        j += 1;
                    }
                    true
                }
                '[' => {
                    while j < rest.len() && rest[j] != ']' {
                        j += 1;
                    }
                    if j >= rest.len() {
                        return Err(error::value_error("Missing ']' in format string"));
                    }
                    false
                }
                _ => {
                    return Err(error::value_error(
                        "Only '.' or '[' may follow ']' in format field specifier",
                    ))
                }
            };
            let name = &rest[s..j];
            if !is_attr {
                j += 1;
            }
            if name.is_empty() {
                return Err(error::value_error("Empty attribute in format string"));
            }
            obj = if is_attr {
                ops::getattr(vm, &obj, &intern(&name.iter().collect::<String>()))?
            } else {
                let key = match field_int(name)? {
                    Some(i) => Value::int(i as i64),
                    None => new_str(name.iter().collect::<String>()),
                };
                ops::getitem(vm, &obj, &key)?
            };
        }
        Ok(obj)
    }
}

fn format(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let c = recv(args, kw, "format")?;
    let chars: Vec<char> = c.s().chars().collect();
    let mut f = Formatter {
        src: FieldSrc::Args {
            pos: c.pos,
            kwn: c.kwn,
            kwv: c.kwv,
        },
        state: AutoState::Init,
        next: 0,
    };
    Ok(new_str(f.build(vm, &chars, 2)?))
}

fn format_map(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let c = recv(args, kw, "format_map")?;
    let m = c.one()?;
    let chars: Vec<char> = c.s().chars().collect();
    let mut f = Formatter {
        src: FieldSrc::Map(m),
        state: AutoState::Init,
        next: 0,
    };
    Ok(new_str(f.build(vm, &chars, 2)?))
}
