//! `str` methods, `str.format` / `str.format_map`, and `%`-formatting.
//!
//! Positions are code-point indices; slicing goes through byte offsets (O(1) for ASCII).

use super::args::{arg_count_error, to_i64};
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
    // Bound calls carry the receiver first: disambiguate by shape.
    let a = match args.len() {
        2 if args[1].downcast::<DictObj>().is_some() => &args[1..],
        3 if !(matches!((as_str(&args[0]), as_str(&args[1])), (Some(x), Some(y)) if nchars(x) == nchars(y))) => {
            &args[1..]
        }
        4 => &args[1..],
        _ => args,
    };
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

fn in_table(t: &[(u32, u32)], c: char) -> bool {
    let u = c as u32;
    let i = t.partition_point(|&(_, hi)| hi < u);
    i < t.len() && t[i].0 <= u
}

fn is_decimal(c: char) -> bool {
    c.is_ascii_digit() || (!c.is_ascii() && in_table(DECIMAL, c))
}
fn is_digit(c: char) -> bool {
    is_decimal(c) || (!c.is_ascii() && in_table(DIGIT_EXTRA, c))
}
fn is_numeric(c: char) -> bool {
    c.is_numeric() || (!c.is_ascii() && in_table(NUMERIC_EXTRA, c))
}
fn is_alpha(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        c.is_alphabetic() && !in_table(NOT_ALPHA, c)
    }
}
fn is_titlecase(c: char) -> bool {
    matches!(c as u32, 0x1C5 | 0x1C8 | 0x1CB | 0x1F2 | 0x1F88..=0x1F8F | 0x1F98..=0x1F9F | 0x1FA8..=0x1FAF | 0x1FBC | 0x1FCC | 0x1FFC)
}
fn is_cased(c: char) -> bool {
    c.is_uppercase() || c.is_lowercase() || is_titlecase(c)
}
fn is_case_ignorable(c: char) -> bool {
    matches!(
        c,
        '\'' | '.'
            | ':'
            | '^'
            | '`'
            | '\u{a8}'
            | '\u{ad}'
            | '\u{af}'
            | '\u{b4}'
            | '\u{b7}'
            | '\u{b8}'
            | '\u{2018}'
            | '\u{2019}'
            | '\u{2024}'
            | '\u{2027}'
    ) || matches!(c as u32, 0x2B0..=0x36F | 0x483..=0x489 | 0x591..=0x5BD | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x200B..=0x200F | 0x20D0..=0x20FF | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F)
}

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

// Unicode 14 tables (CPython 3.11's unicodedata), generated from python3.
// DECIMAL: Nd. DIGIT_EXTRA/NUMERIC_EXTRA: Numeric_Type=Digit/Numeric not covered by char::is_numeric.
// NOT_ALPHA: char::is_alphabetic but not L* (marks with Other_Alphabetic, Nl).
// CASEFOLD: full case folding where it differs from lowercasing (Cherokee handled in code).
static DECIMAL: &[(u32, u32)] = &[
    (0x30, 0x39),
    (0x660, 0x669),
    (0x6F0, 0x6F9),
    (0x7C0, 0x7C9),
    (0x966, 0x96F),
    (0x9E6, 0x9EF),
    (0xA66, 0xA6F),
    (0xAE6, 0xAEF),
    (0xB66, 0xB6F),
    (0xBE6, 0xBEF),
    (0xC66, 0xC6F),
    (0xCE6, 0xCEF),
    (0xD66, 0xD6F),
    (0xDE6, 0xDEF),
    (0xE50, 0xE59),
    (0xED0, 0xED9),
    (0xF20, 0xF29),
    (0x1040, 0x1049),
    (0x1090, 0x1099),
    (0x17E0, 0x17E9),
    (0x1810, 0x1819),
    (0x1946, 0x194F),
    (0x19D0, 0x19D9),
    (0x1A80, 0x1A89),
    (0x1A90, 0x1A99),
    (0x1B50, 0x1B59),
    (0x1BB0, 0x1BB9),
    (0x1C40, 0x1C49),
    (0x1C50, 0x1C59),
    (0xA620, 0xA629),
    (0xA8D0, 0xA8D9),
    (0xA900, 0xA909),
    (0xA9D0, 0xA9D9),
    (0xA9F0, 0xA9F9),
    (0xAA50, 0xAA59),
    (0xABF0, 0xABF9),
    (0xFF10, 0xFF19),
    (0x104A0, 0x104A9),
    (0x10D30, 0x10D39),
    (0x11066, 0x1106F),
    (0x110F0, 0x110F9),
    (0x11136, 0x1113F),
    (0x111D0, 0x111D9),
    (0x112F0, 0x112F9),
    (0x11450, 0x11459),
    (0x114D0, 0x114D9),
    (0x11650, 0x11659),
    (0x116C0, 0x116C9),
    (0x11730, 0x11739),
    (0x118E0, 0x118E9),
    (0x11950, 0x11959),
    (0x11C50, 0x11C59),
    (0x11D50, 0x11D59),
    (0x11DA0, 0x11DA9),
    (0x16A60, 0x16A69),
    (0x16AC0, 0x16AC9),
    (0x16B50, 0x16B59),
    (0x1D7CE, 0x1D7FF),
    (0x1E140, 0x1E149),
    (0x1E2F0, 0x1E2F9),
    (0x1E950, 0x1E959),
    (0x1FBF0, 0x1FBF9),
];
static DIGIT_EXTRA: &[(u32, u32)] = &[
    (0xB2, 0xB3),
    (0xB9, 0xB9),
    (0x1369, 0x1371),
    (0x19DA, 0x19DA),
    (0x2070, 0x2070),
    (0x2074, 0x2079),
    (0x2080, 0x2089),
    (0x2460, 0x2468),
    (0x2474, 0x247C),
    (0x2488, 0x2490),
    (0x24EA, 0x24EA),
    (0x24F5, 0x24FD),
    (0x24FF, 0x24FF),
    (0x2776, 0x277E),
    (0x2780, 0x2788),
    (0x278A, 0x2792),
    (0x10A40, 0x10A43),
    (0x10E60, 0x10E68),
    (0x11052, 0x1105A),
    (0x1F100, 0x1F10A),
];
static NUMERIC_EXTRA: &[(u32, u32)] = &[
    (0x3405, 0x3405),
    (0x3483, 0x3483),
    (0x382A, 0x382A),
    (0x3B4D, 0x3B4D),
    (0x4E00, 0x4E00),
    (0x4E03, 0x4E03),
    (0x4E07, 0x4E07),
    (0x4E09, 0x4E09),
    (0x4E5D, 0x4E5D),
    (0x4E8C, 0x4E8C),
    (0x4E94, 0x4E94),
    (0x4E96, 0x4E96),
    (0x4EBF, 0x4EC0),
    (0x4EDF, 0x4EDF),
    (0x4EE8, 0x4EE8),
    (0x4F0D, 0x4F0D),
    (0x4F70, 0x4F70),
    (0x5104, 0x5104),
    (0x5146, 0x5146),
    (0x5169, 0x5169),
    (0x516B, 0x516B),
    (0x516D, 0x516D),
    (0x5341, 0x5341),
    (0x5343, 0x5345),
    (0x534C, 0x534C),
    (0x53C1, 0x53C4),
    (0x56DB, 0x56DB),
    (0x58F1, 0x58F1),
    (0x58F9, 0x58F9),
    (0x5E7A, 0x5E7A),
    (0x5EFE, 0x5EFF),
    (0x5F0C, 0x5F0E),
    (0x5F10, 0x5F10),
    (0x62FE, 0x62FE),
    (0x634C, 0x634C),
    (0x67D2, 0x67D2),
    (0x6F06, 0x6F06),
    (0x7396, 0x7396),
    (0x767E, 0x767E),
    (0x8086, 0x8086),
    (0x842C, 0x842C),
    (0x8CAE, 0x8CAE),
    (0x8CB3, 0x8CB3),
    (0x8D30, 0x8D30),
    (0x9621, 0x9621),
    (0x9646, 0x9646),
    (0x964C, 0x964C),
    (0x9678, 0x9678),
    (0x96F6, 0x96F6),
    (0xF96B, 0xF96B),
    (0xF973, 0xF973),
    (0xF978, 0xF978),
    (0xF9B2, 0xF9B2),
    (0xF9D1, 0xF9D1),
    (0xF9D3, 0xF9D3),
    (0xF9FD, 0xF9FD),
    (0x20001, 0x20001),
    (0x20064, 0x20064),
    (0x200E2, 0x200E2),
    (0x20121, 0x20121),
    (0x2092A, 0x2092A),
    (0x20983, 0x20983),
    (0x2098C, 0x2098C),
    (0x2099C, 0x2099C),
    (0x20AEA, 0x20AEA),
    (0x20AFD, 0x20AFD),
    (0x20B19, 0x20B19),
    (0x22390, 0x22390),
    (0x22998, 0x22998),
    (0x23B1B, 0x23B1B),
    (0x2626D, 0x2626D),
    (0x2F890, 0x2F890),
];
static NOT_ALPHA: &[(u32, u32)] = &[
    (0x345, 0x345),
    (0x363, 0x36F),
    (0x5B0, 0x5BD),
    (0x5BF, 0x5BF),
    (0x5C1, 0x5C2),
    (0x5C4, 0x5C5),
    (0x5C7, 0x5C7),
    (0x610, 0x61A),
    (0x64B, 0x657),
    (0x659, 0x65F),
    (0x670, 0x670),
    (0x6D6, 0x6DC),
    (0x6E1, 0x6E4),
    (0x6E7, 0x6E8),
    (0x6ED, 0x6ED),
    (0x711, 0x711),
    (0x730, 0x73F),
    (0x7A6, 0x7B0),
    (0x816, 0x817),
    (0x81B, 0x823),
    (0x825, 0x827),
    (0x829, 0x82C),
    (0x8D4, 0x8DF),
    (0x8E3, 0x8E9),
    (0x8F0, 0x903),
    (0x93A, 0x93B),
    (0x93E, 0x94C),
    (0x94E, 0x94F),
    (0x955, 0x957),
    (0x962, 0x963),
    (0x981, 0x983),
    (0x9BE, 0x9C4),
    (0x9C7, 0x9C8),
    (0x9CB, 0x9CC),
    (0x9D7, 0x9D7),
    (0x9E2, 0x9E3),
    (0xA01, 0xA03),
    (0xA3E, 0xA42),
    (0xA47, 0xA48),
    (0xA4B, 0xA4C),
    (0xA51, 0xA51),
    (0xA70, 0xA71),
    (0xA75, 0xA75),
    (0xA81, 0xA83),
    (0xABE, 0xAC5),
    (0xAC7, 0xAC9),
    (0xACB, 0xACC),
    (0xAE2, 0xAE3),
    (0xAFA, 0xAFC),
    (0xB01, 0xB03),
    (0xB3E, 0xB44),
    (0xB47, 0xB48),
    (0xB4B, 0xB4C),
    (0xB56, 0xB57),
    (0xB62, 0xB63),
    (0xB82, 0xB82),
    (0xBBE, 0xBC2),
    (0xBC6, 0xBC8),
    (0xBCA, 0xBCC),
    (0xBD7, 0xBD7),
    (0xC00, 0xC04),
    (0xC3E, 0xC44),
    (0xC46, 0xC48),
    (0xC4A, 0xC4C),
    (0xC55, 0xC56),
    (0xC62, 0xC63),
    (0xC81, 0xC83),
    (0xCBE, 0xCC4),
    (0xCC6, 0xCC8),
    (0xCCA, 0xCCC),
    (0xCD5, 0xCD6),
    (0xCE2, 0xCE3),
    (0xD00, 0xD03),
    (0xD3E, 0xD44),
    (0xD46, 0xD48),
    (0xD4A, 0xD4C),
    (0xD57, 0xD57),
    (0xD62, 0xD63),
    (0xD81, 0xD83),
    (0xDCF, 0xDD4),
    (0xDD6, 0xDD6),
    (0xDD8, 0xDDF),
    (0xDF2, 0xDF3),
    (0xE31, 0xE31),
    (0xE34, 0xE3A),
    (0xE4D, 0xE4D),
    (0xEB1, 0xEB1),
    (0xEB4, 0xEB9),
    (0xEBB, 0xEBC),
    (0xECD, 0xECD),
    (0xF71, 0xF83),
    (0xF8D, 0xF97),
    (0xF99, 0xFBC),
    (0x102B, 0x1036),
    (0x1038, 0x1038),
    (0x103B, 0x103E),
    (0x1056, 0x1059),
    (0x105E, 0x1060),
    (0x1062, 0x1064),
    (0x1067, 0x106D),
    (0x1071, 0x1074),
    (0x1082, 0x108D),
    (0x108F, 0x108F),
    (0x109A, 0x109D),
    (0x16EE, 0x16F0),
    (0x1712, 0x1713),
    (0x1732, 0x1733),
    (0x1752, 0x1753),
    (0x1772, 0x1773),
    (0x17B6, 0x17C8),
    (0x1885, 0x1886),
    (0x18A9, 0x18A9),
    (0x1920, 0x192B),
    (0x1930, 0x1938),
    (0x1A17, 0x1A1B),
    (0x1A55, 0x1A5E),
    (0x1A61, 0x1A74),
    (0x1ABF, 0x1AC0),
    (0x1ACC, 0x1ACE),
    (0x1B00, 0x1B04),
    (0x1B35, 0x1B43),
    (0x1B80, 0x1B82),
    (0x1BA1, 0x1BA9),
    (0x1BAC, 0x1BAD),
    (0x1BE7, 0x1BF1),
    (0x1C24, 0x1C36),
    (0x1DD3, 0x1DF4),
    (0x2160, 0x2182),
    (0x2185, 0x2188),
    (0x24B6, 0x24E9),
    (0x2DE0, 0x2DFF),
    (0x3007, 0x3007),
    (0x3021, 0x3029),
    (0x3038, 0x303A),
    (0xA674, 0xA67B),
    (0xA69E, 0xA69F),
    (0xA6E6, 0xA6EF),
    (0xA802, 0xA802),
    (0xA80B, 0xA80B),
    (0xA823, 0xA827),
    (0xA880, 0xA881),
    (0xA8B4, 0xA8C3),
    (0xA8C5, 0xA8C5),
    (0xA8FF, 0xA8FF),
    (0xA926, 0xA92A),
    (0xA947, 0xA952),
    (0xA980, 0xA983),
    (0xA9B4, 0xA9BF),
    (0xA9E5, 0xA9E5),
    (0xAA29, 0xAA36),
    (0xAA43, 0xAA43),
    (0xAA4C, 0xAA4D),
    (0xAA7B, 0xAA7D),
    (0xAAB0, 0xAAB0),
    (0xAAB2, 0xAAB4),
    (0xAAB7, 0xAAB8),
    (0xAABE, 0xAABE),
    (0xAAEB, 0xAAEF),
    (0xAAF5, 0xAAF5),
    (0xABE3, 0xABEA),
    (0xFB1E, 0xFB1E),
    (0x10140, 0x10174),
    (0x10341, 0x10341),
    (0x1034A, 0x1034A),
    (0x10376, 0x1037A),
    (0x103D1, 0x103D5),
    (0x10A01, 0x10A03),
    (0x10A05, 0x10A06),
    (0x10A0C, 0x10A0F),
    (0x10D24, 0x10D27),
    (0x10EAB, 0x10EAC),
    (0x11000, 0x11002),
    (0x11038, 0x11045),
    (0x11073, 0x11074),
    (0x11080, 0x11082),
    (0x110B0, 0x110B8),
    (0x110C2, 0x110C2),
    (0x11100, 0x11102),
    (0x11127, 0x11132),
    (0x11145, 0x11146),
    (0x11180, 0x11182),
    (0x111B3, 0x111BF),
    (0x111CE, 0x111CF),
    (0x1122C, 0x11234),
    (0x11237, 0x11237),
    (0x1123E, 0x1123E),
    (0x112DF, 0x112E8),
    (0x11300, 0x11303),
    (0x1133E, 0x11344),
    (0x11347, 0x11348),
    (0x1134B, 0x1134C),
    (0x11357, 0x11357),
    (0x11362, 0x11363),
    (0x11435, 0x11441),
    (0x11443, 0x11445),
    (0x114B0, 0x114C1),
    (0x115AF, 0x115B5),
    (0x115B8, 0x115BE),
    (0x115DC, 0x115DD),
    (0x11630, 0x1163E),
    (0x11640, 0x11640),
    (0x116AB, 0x116B5),
    (0x1171D, 0x1172A),
    (0x1182C, 0x11838),
    (0x11930, 0x11935),
    (0x11937, 0x11938),
    (0x1193B, 0x1193C),
    (0x11940, 0x11940),
    (0x11942, 0x11942),
    (0x119D1, 0x119D7),
    (0x119DA, 0x119DF),
    (0x119E4, 0x119E4),
    (0x11A01, 0x11A0A),
    (0x11A35, 0x11A39),
    (0x11A3B, 0x11A3E),
    (0x11A51, 0x11A5B),
    (0x11A8A, 0x11A97),
    (0x11C2F, 0x11C36),
    (0x11C38, 0x11C3E),
    (0x11C92, 0x11CA7),
    (0x11CA9, 0x11CB6),
    (0x11D31, 0x11D36),
    (0x11D3A, 0x11D3A),
    (0x11D3C, 0x11D3D),
    (0x11D3F, 0x11D41),
    (0x11D43, 0x11D43),
    (0x11D47, 0x11D47),
    (0x11D8A, 0x11D8E),
    (0x11D90, 0x11D91),
    (0x11D93, 0x11D96),
    (0x11EF3, 0x11EF6),
    (0x12400, 0x1246E),
    (0x16F4F, 0x16F4F),
    (0x16F51, 0x16F87),
    (0x16F8F, 0x16F92),
    (0x16FF0, 0x16FF1),
    (0x1BC9E, 0x1BC9E),
    (0x1E000, 0x1E006),
    (0x1E008, 0x1E018),
    (0x1E01B, 0x1E021),
    (0x1E023, 0x1E024),
    (0x1E026, 0x1E02A),
    (0x1E947, 0x1E947),
    (0x1F130, 0x1F149),
    (0x1F150, 0x1F169),
    (0x1F170, 0x1F189),
];
static CASEFOLD: &[(u32, &str)] = &[
    (0xB5, "μ"),
    (0xDF, "ss"),
    (0x149, "ʼn"),
    (0x17F, "s"),
    (0x1F0, "j\u{30c}"),
    (0x345, "ι"),
    (0x390, "ι\u{308}\u{301}"),
    (0x3B0, "υ\u{308}\u{301}"),
    (0x3C2, "σ"),
    (0x3D0, "β"),
    (0x3D1, "θ"),
    (0x3D5, "φ"),
    (0x3D6, "π"),
    (0x3F0, "κ"),
    (0x3F1, "ρ"),
    (0x3F5, "ε"),
    (0x587, "եւ"),
    (0x1C80, "в"),
    (0x1C81, "д"),
    (0x1C82, "о"),
    (0x1C83, "с"),
    (0x1C84, "т"),
    (0x1C85, "т"),
    (0x1C86, "ъ"),
    (0x1C87, "ѣ"),
    (0x1C88, "ꙋ"),
    (0x1E96, "h\u{331}"),
    (0x1E97, "t\u{308}"),
    (0x1E98, "w\u{30a}"),
    (0x1E99, "y\u{30a}"),
    (0x1E9A, "aʾ"),
    (0x1E9B, "ṡ"),
    (0x1E9E, "ss"),
    (0x1F50, "υ\u{313}"),
    (0x1F52, "υ\u{313}\u{300}"),
    (0x1F54, "υ\u{313}\u{301}"),
    (0x1F56, "υ\u{313}\u{342}"),
    (0x1F80, "ἀι"),
    (0x1F81, "ἁι"),
    (0x1F82, "ἂι"),
    (0x1F83, "ἃι"),
    (0x1F84, "ἄι"),
    (0x1F85, "ἅι"),
    (0x1F86, "ἆι"),
    (0x1F87, "ἇι"),
    (0x1F88, "ἀι"),
    (0x1F89, "ἁι"),
    (0x1F8A, "ἂι"),
    (0x1F8B, "ἃι"),
    (0x1F8C, "ἄι"),
    (0x1F8D, "ἅι"),
    (0x1F8E, "ἆι"),
    (0x1F8F, "ἇι"),
    (0x1F90, "ἠι"),
    (0x1F91, "ἡι"),
    (0x1F92, "ἢι"),
    (0x1F93, "ἣι"),
    (0x1F94, "ἤι"),
    (0x1F95, "ἥι"),
    (0x1F96, "ἦι"),
    (0x1F97, "ἧι"),
    (0x1F98, "ἠι"),
    (0x1F99, "ἡι"),
    (0x1F9A, "ἢι"),
    (0x1F9B, "ἣι"),
    (0x1F9C, "ἤι"),
    (0x1F9D, "ἥι"),
    (0x1F9E, "ἦι"),
    (0x1F9F, "ἧι"),
    (0x1FA0, "ὠι"),
    (0x1FA1, "ὡι"),
    (0x1FA2, "ὢι"),
    (0x1FA3, "ὣι"),
    (0x1FA4, "ὤι"),
    (0x1FA5, "ὥι"),
    (0x1FA6, "ὦι"),
    (0x1FA7, "ὧι"),
    (0x1FA8, "ὠι"),
    (0x1FA9, "ὡι"),
    (0x1FAA, "ὢι"),
    (0x1FAB, "ὣι"),
    (0x1FAC, "ὤι"),
    (0x1FAD, "ὥι"),
    (0x1FAE, "ὦι"),
    (0x1FAF, "ὧι"),
    (0x1FB2, "ὰι"),
    (0x1FB3, "αι"),
    (0x1FB4, "άι"),
    (0x1FB6, "α\u{342}"),
    (0x1FB7, "α\u{342}ι"),
    (0x1FBC, "αι"),
    (0x1FBE, "ι"),
    (0x1FC2, "ὴι"),
    (0x1FC3, "ηι"),
    (0x1FC4, "ήι"),
    (0x1FC6, "η\u{342}"),
    (0x1FC7, "η\u{342}ι"),
    (0x1FCC, "ηι"),
    (0x1FD2, "ι\u{308}\u{300}"),
    (0x1FD3, "ι\u{308}\u{301}"),
    (0x1FD6, "ι\u{342}"),
    (0x1FD7, "ι\u{308}\u{342}"),
    (0x1FE2, "υ\u{308}\u{300}"),
    (0x1FE3, "υ\u{308}\u{301}"),
    (0x1FE4, "ρ\u{313}"),
    (0x1FE6, "υ\u{342}"),
    (0x1FE7, "υ\u{308}\u{342}"),
    (0x1FF2, "ὼι"),
    (0x1FF3, "ωι"),
    (0x1FF4, "ώι"),
    (0x1FF6, "ω\u{342}"),
    (0x1FF7, "ω\u{342}ι"),
    (0x1FFC, "ωι"),
    (0xFB00, "ff"),
    (0xFB01, "fi"),
    (0xFB02, "fl"),
    (0xFB03, "ffi"),
    (0xFB04, "ffl"),
    (0xFB05, "st"),
    (0xFB06, "st"),
    (0xFB13, "մն"),
    (0xFB14, "մե"),
    (0xFB15, "մի"),
    (0xFB16, "վն"),
    (0xFB17, "մխ"),
];
