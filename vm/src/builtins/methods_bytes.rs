//! Methods shared by `bytes` and `bytearray` (searching, splitting, case, padding, codecs,
//! hex). Each method is written once against `Call`; the tables at the bottom generate one
//! wrapper per type so receiver checks and messages name the right type. Methods that make
//! new data return the receiver's type. The bytearray-only mutators live in
//! `methods_bytearray.rs`.

use super::args::{arg_count_error, to_i64};
use super::MethodTable;
use crate::error::{self, PyErr, PyResult};
use crate::ops;
use crate::types::bytes::{as_bytes, new_bytearray, new_bytes, BytesRef};
use crate::types::int::as_int;
use crate::types::list::new_list;
use crate::types::str::{as_str, new_str};
use crate::types::tuple::{as_tuple, new_tuple};
use crate::types::{tt, type_name};
use crate::value::Value;
use crate::vm::Vm;

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Ty {
    Bytes,
    ByteArray,
}

impl Ty {
    pub(super) fn name(self) -> &'static str {
        match self {
            Ty::Bytes => "bytes",
            Ty::ByteArray => "bytearray",
        }
    }
    pub(super) fn make(self, data: Vec<u8>) -> Value {
        match self {
            Ty::Bytes => new_bytes(data),
            Ty::ByteArray => new_bytearray(data),
        }
    }
    fn matches(self, v: &Value) -> bool {
        match self {
            Ty::Bytes => v.kind() == Some(crate::object::Kind::Bytes),
            Ty::ByteArray => v.kind() == Some(crate::object::Kind::ByteArray),
        }
    }
}

fn type_err(msg: impl Into<String>) -> PyErr {
    error::type_error(msg)
}

/// A decoded method call: receiver, positional arguments (without self), keywords.
pub(super) struct Call<'a> {
    pub this: &'a Value,
    pub pos: &'a [Value],
    pub kwn: &'a [Value],
    pub kwv: &'a [Value],
    pub name: &'static str,
    pub ty: Ty,
}

pub(super) fn recv<'a>(
    args: &'a [Value],
    kwn: &'a [Value],
    name: &'static str,
    ty: Ty,
) -> PyResult<Call<'a>> {
    let n = args.len() - kwn.len();
    if n == 0 {
        return Err(type_err(format!(
            "unbound method {}.{name}() needs an argument",
            ty.name()
        )));
    }
    let this = &args[0];
    if !ty.matches(this) {
        return Err(type_err(format!(
            "descriptor '{name}' for '{}' objects doesn't apply to a '{}' object",
            ty.name(),
            type_name(this)
        )));
    }
    Ok(Call {
        this,
        pos: &args[1..n],
        kwn,
        kwv: &args[n..],
        name,
        ty,
    })
}

impl<'a> Call<'a> {
    /// The receiver's bytes (borrowed; copy before running Python code or mutating).
    pub fn data(&self) -> BytesRef<'a> {
        as_bytes(self.this).unwrap()
    }
    pub fn make(&self, data: Vec<u8>) -> Value {
        self.ty.make(data)
    }
    /// The receiver itself for bytes (immutable), a copy for bytearray.
    fn same(&self) -> Value {
        match self.ty {
            Ty::Bytes => self.this.clone(),
            Ty::ByteArray => self.make(self.data().to_vec()),
        }
    }
    pub fn nokw(&self) -> PyResult<()> {
        if !self.kwn.is_empty() {
            return Err(type_err(format!(
                "{}.{}() takes no keyword arguments",
                self.ty.name(),
                self.name
            )));
        }
        Ok(())
    }
    pub fn noargs(&self) -> PyResult<()> {
        self.nokw()?;
        if !self.pos.is_empty() {
            return Err(arg_count_error(
                &format!("{}.{}", self.ty.name(), self.name),
                0,
                0,
                self.pos.len(),
            ));
        }
        Ok(())
    }
    pub fn one(&self) -> PyResult<&'a Value> {
        self.nokw()?;
        if self.pos.len() != 1 {
            return Err(arg_count_error(
                &format!("{}.{}", self.ty.name(), self.name),
                1,
                1,
                self.pos.len(),
            ));
        }
        Ok(&self.pos[0])
    }
    /// Argument Clinic positional-only (`center expected at least 1 argument, got 0`).
    pub fn clinic(&self, min: usize, max: usize) -> PyResult<()> {
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
    /// Positional-or-keyword parameters.
    pub fn params(&self, names: &[&str]) -> PyResult<Vec<Option<&'a Value>>> {
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

/// A bytes-like argument, copied.
pub(super) fn buf_arg(v: &Value) -> PyResult<Vec<u8>> {
    as_bytes(v).map(|b| b.to_vec()).ok_or_else(|| {
        type_err(format!(
            "a bytes-like object is required, not '{}'",
            type_name(v)
        ))
    })
}

pub(super) use crate::types::bytes::byte_value as byte_arg;

/// The `sub` of find/count/index: an int byte or a bytes-like object.
fn sub_arg(v: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = as_bytes(v) {
        return Ok(b.to_vec());
    }
    if as_int(v).is_some() {
        return Ok(vec![byte_arg(v)?]);
    }
    Err(type_err(format!(
        "argument should be integer or bytes-like object, not '{}'",
        type_name(v)
    )))
}

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

/// First occurrence of `needle` in `hay`.
pub fn find_sub(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    if needle.len() > hay.len() {
        return None;
    }
    let first = needle[0];
    (0..=hay.len() - needle.len()).find(|&i| hay[i] == first && &hay[i..i + needle.len()] == needle)
}

/// Last occurrence of `needle` in `hay`.
pub fn rfind_sub(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.len() > hay.len() {
        return None;
    }
    (0..=hay.len() - needle.len())
        .rev()
        .find(|&i| &hay[i..i + needle.len()] == needle)
}

/// Non-overlapping occurrences of a non-empty `needle`.
fn count_sub(hay: &[u8], needle: &[u8]) -> usize {
    let mut n = 0;
    let mut i = 0;
    while let Some(p) = find_sub(&hay[i..], needle) {
        n += 1;
        i += p + needle.len();
    }
    n
}

// ---------------------------------------------------------------------------
// Searching
// ---------------------------------------------------------------------------

fn find_args(c: &Call) -> PyResult<(Vec<u8>, i64, i64)> {
    c.tuple_style(1, 3)?;
    let sub = sub_arg(&c.pos[0])?;
    let start = slice_arg(c.pos.get(1), 0)?;
    let end = slice_arg(c.pos.get(2), i64::MAX)?;
    let (start, end) = adjust(start, end, c.data().len() as i64);
    Ok((sub, start, end))
}

fn find_impl(c: &Call, rev: bool) -> PyResult<i64> {
    let (sub, start, end) = find_args(c)?;
    if end - start < sub.len() as i64 {
        return Ok(-1);
    }
    let data = c.data();
    let hay = &data[start as usize..end as usize];
    let pos = if rev {
        rfind_sub(hay, &sub)
    } else {
        find_sub(hay, &sub)
    };
    Ok(pos.map_or(-1, |p| start + p as i64))
}

fn find(_vm: &mut Vm, c: &Call) -> PyResult<Value> {
    Ok(Value::int(find_impl(c, false)?))
}
fn rfind(_vm: &mut Vm, c: &Call) -> PyResult<Value> {
    Ok(Value::int(find_impl(c, true)?))
}
fn index(_vm: &mut Vm, c: &Call) -> PyResult<Value> {
    match find_impl(c, false)? {
        -1 => Err(error::value_error("subsection not found")),
        i => Ok(Value::int(i)),
    }
}
fn rindex(_vm: &mut Vm, c: &Call) -> PyResult<Value> {
    match find_impl(c, true)? {
        -1 => Err(error::value_error("subsection not found")),
        i => Ok(Value::int(i)),
    }
}

fn count(_vm: &mut Vm, c: &Call) -> PyResult<Value> {
    let (sub, start, end) = find_args(c)?;
    if end - start < sub.len() as i64 {
        return Ok(Value::small_int(0));
    }
    if sub.is_empty() {
        return Ok(Value::int(end - start + 1));
    }
    let data = c.data();
    Ok(Value::int(
        count_sub(&data[start as usize..end as usize], &sub) as i64,
    ))
}

fn tailmatch(c: &Call, ends: bool) -> PyResult<Value> {
    c.tuple_style(1, 3)?;
    let start = slice_arg(c.pos.get(1), 0)?;
    let end = slice_arg(c.pos.get(2), i64::MAX)?;
    let data = c.data().to_vec();
    let (start, end) = adjust(start, end, data.len() as i64);
    let check = |sub: &[u8]| -> bool {
        if start > end || end - start < sub.len() as i64 {
            return false;
        }
        let hay = &data[start as usize..end as usize];
        if ends {
            hay.ends_with(sub)
        } else {
            hay.starts_with(sub)
        }
    };
    let p = &c.pos[0];
    if let Some(t) = as_tuple(p) {
        for item in t {
            if check(&buf_arg(item)?) {
                return Ok(Value::TRUE);
            }
        }
        return Ok(Value::FALSE);
    }
    let sub = as_bytes(p).map(|b| b.to_vec()).ok_or_else(|| {
        type_err(format!(
            "{} first arg must be bytes or a tuple of bytes, not {}",
            c.name,
            type_name(p)
        ))
    })?;
    Ok(Value::bool(check(&sub)))
}
fn startswith(_vm: &mut Vm, c: &Call) -> PyResult<Value> {
    tailmatch(c, false)
}
fn endswith(_vm: &mut Vm, c: &Call) -> PyResult<Value> {
    tailmatch(c, true)
}

// ---------------------------------------------------------------------------
// Splitting and joining
// ---------------------------------------------------------------------------

pub fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

fn parts(c: &Call, parts: Vec<&[u8]>) -> Value {
    new_list(parts.into_iter().map(|p| c.make(p.to_vec())).collect())
}

fn split_args(c: &Call) -> PyResult<(Option<Vec<u8>>, usize)> {
    let p = c.params(&["sep", "maxsplit"])?;
    let sep = match p[0] {
        Some(v) if !v.is_none() => Some(buf_arg(v)?),
        _ => None,
    };
    let max = match p[1] {
        Some(v) => to_i64(v, "")?,
        None => -1,
    };
    if sep.as_deref() == Some(&[][..]) {
        return Err(error::value_error("empty separator"));
    }
    Ok((sep, if max < 0 { usize::MAX } else { max as usize }))
}

fn split(_vm: &mut Vm, c: &Call) -> PyResult<Value> {
    let (sep, max) = split_args(c)?;
    let data = c.data().to_vec();
    let mut out: Vec<&[u8]> = Vec::new();
    match sep {
        None => {
            let mut i = 0;
            let n = data.len();
            loop {
                while i < n && is_space(data[i]) {
                    i += 1;
                }
                if i == n {
                    break;
                }
                if out.len() == max {
                    out.push(&data[i..]);
                    break;
                }
                let s = i;
                while i < n && !is_space(data[i]) {
                    i += 1;
                }
                out.push(&data[s..i]);
            }
        }
        Some(sep) => {
            let mut rest = &data[..];
            while out.len() < max {
                match find_sub(rest, &sep) {
                    Some(p) => {
                        out.push(&rest[..p]);
                        rest = &rest[p + sep.len()..];
                    }
                    None => break,
                }
            }
            out.push(rest);
        }
    }
    Ok(parts(c, out))
}

fn rsplit(_vm: &mut Vm, c: &Call) -> PyResult<Value> {
    let (sep, max) = split_args(c)?;
    let data = c.data().to_vec();
    let mut out: Vec<&[u8]> = Vec::new();
    match sep {
        None => {
            let mut i = data.len();
            loop {
                while i > 0 && is_space(data[i - 1]) {
                    i -= 1;
                }
                if i == 0 {
                    break;
                }
                if out.len() == max {
                    out.push(&data[..i]);
                    break;
                }
                let e = i;
                while i > 0 && !is_space(data[i - 1]) {
                    i -= 1;
                }
                out.push(&data[i..e]);
            }
        }
        Some(sep) => {
            let mut rest = &data[..];
            while out.len() < max {
                match rfind_sub(rest, &sep) {
                    Some(p) => {
                        out.push(&rest[p + sep.len()..]);
                        rest = &rest[..p];
                    }
                    None => break,
                }
            }
            out.push(rest);
        }
    }
    out.reverse();
    Ok(parts(c, out))
}

fn splitlines(_vm: &mut Vm, c: &Call) -> PyResult<Value> {
    let p = c.params(&["keepends"])?;
    let keep = match p[0] {
        Some(v) => to_i64(v, "")? != 0,
        None => false,
    };
    let data = c.data().to_vec();
    let mut out: Vec<&[u8]> = Vec::new();
    let (mut start, mut i) = (0, 0);
    while i < data.len() {
        let b = data[i];
        if b != b'\n' && b != b'\r' {
            i += 1;
            continue;
        }
        let mut eol = i + 1;
        if b == b'\r' && data.get(i + 1) == Some(&b'\n') {
            eol += 1;
        }
        out.push(&data[start..if keep { eol } else { i }]);
        start = eol;
        i = eol;
    }
    if start < data.len() {
        out.push(&data[start..]);
    }
    Ok(parts(c, out))
}

fn join(vm: &mut Vm, c: &Call) -> PyResult<Value> {
    let it = c.one()?;
    let items = match ops::iter(vm, it) {
        Ok(iter) => {
            let mut v = Vec::new();
            while let Some(x) = ops::next(vm, &iter)? {
                v.push(x);
            }
            v
        }
        Err(e) if e.is_instance(tt().type_error) => {
            return Err(type_err("can only join an iterable"))
        }
        Err(e) => return Err(e),
    };
    let sep = c.data().to_vec();
    let mut out = Vec::new();
    for (i, x) in items.iter().enumerate() {
        let b = as_bytes(x).ok_or_else(|| {
            type_err(format!(
                "sequence item {i}: expected a bytes-like object, {} found",
                type_name(x)
            ))
        })?;
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        out.extend_from_slice(&b);
    }
    Ok(c.make(out))
}

fn partition_impl(c: &Call, rev: bool) -> PyResult<Value> {
    let sep = buf_arg(c.one()?)?;
    if sep.is_empty() {
        return Err(error::value_error("empty separator"));
    }
    let data = c.data().to_vec();
    let pos = if rev {
        rfind_sub(&data, &sep)
    } else {
        find_sub(&data, &sep)
    };
    let parts = match pos {
        Some(p) => [
            c.make(data[..p].to_vec()),
            c.make(sep.clone()),
            c.make(data[p + sep.len()..].to_vec()),
        ],
        None if rev => [c.make(vec![]), c.make(vec![]), c.same()],
        None => [c.same(), c.make(vec![]), c.make(vec![])],
    };
    Ok(new_tuple(parts.to_vec()))
}
fn partition(_vm: &mut Vm, c: &Call) -> PyResult<Value> {
    partition_impl(c, false)
}
fn rpartition(_vm: &mut Vm, c: &Call) -> PyResult<Value> {
    partition_impl(c, true)
}

// ---------------------------------------------------------------------------
// Stripping, replacing, padding
// ---------------------------------------------------------------------------

fn strip_impl(c: &Call, left: bool, right: bool) -> PyResult<Value> {
    c.clinic(0, 1)?;
    let chars = match c.pos.first() {
        Some(v) if !v.is_none() => Some(buf_arg(v)?),
        _ => None,
    };
    let strip = |b: u8| match &chars {
        Some(cs) => cs.contains(&b),
        None => is_space(b),
    };
    let data = c.data();
    let (mut i, mut j) = (0, data.len());
    if left {
        while i < j && strip(data[i]) {
            i += 1;
        }
    }
    if right {
        while j > i && strip(data[j - 1]) {
            j -= 1;
        }
    }
    Ok(c.make(data[i..j].to_vec()))
}
fn strip(_vm: &mut Vm, c: &Call) -> PyResult<Value> {
    strip_impl(c, true, true)
}
fn lstrip(_vm: &mut Vm, c: &Call) -> PyResult<Value> {
    strip_impl(c, true, false)
}
fn rstrip(_vm: &mut Vm, c: &Call) -> PyResult<Value> {
    strip_impl(c, false, true)
}

fn replace(_vm: &mut Vm, c: &Call) -> PyResult<Value> {
    c.clinic(2, 3)?;
    let old = buf_arg(&c.pos[0])?;
    let new = buf_arg(&c.pos[1])?;
    let mut n = match c.pos.get(2) {
        Some(v) => to_i64(v, "")?,
        None => -1,
    };
    if n < 0 {
        n = i64::MAX;
    }
    let data = c.data().to_vec();
    let mut out = Vec::with_capacity(data.len());
    if old.is_empty() {
        // Insert `new` before every byte and at the end, up to n times.
        for (k, &b) in data.iter().enumerate() {
            if (k as i64) < n {
                out.extend_from_slice(&new);
            }
            out.push(b);
        }
        if (data.len() as i64) < n {
            out.extend_from_slice(&new);
        }
        return Ok(c.make(out));
    }
    let mut rest = &data[..];
    while n > 0 {
        match find_sub(rest, &old) {
            Some(p) => {
                out.extend_from_slice(&rest[..p]);
                out.extend_from_slice(&new);
                rest = &rest[p + old.len()..];
                n -= 1;
            }
            None => break,
        }
    }
    out.extend_from_slice(rest);
    Ok(c.make(out))
}

fn affix_impl(c: &Call, suffix: bool) -> PyResult<Value> {
    c.clinic(1, 1)?;
    let a = buf_arg(&c.pos[0])?;
    let data = c.data().to_vec();
    let r = if suffix {
        data.strip_suffix(&a[..])
    } else {
        data.strip_prefix(&a[..])
    };
    Ok(match r {
        Some(rest) => c.make(rest.to_vec()),
        None => c.same(),
    })
}
fn removeprefix(_vm: &mut Vm, c: &Call) -> PyResult<Value> {
    affix_impl(c, false)
}
fn removesuffix(_vm: &mut Vm, c: &Call) -> PyResult<Value> {
    affix_impl(c, true)
}

/// `(width, fill)` of center/ljust/rjust.
fn just_args(c: &Call) -> PyResult<(i64, u8)> {
    c.clinic(1, 2)?;
    let width = to_i64(&c.pos[0], "")?;
    let fill = match c.pos.get(1) {
        None => b' ',
        Some(v) => match as_bytes(v) {
            Some(b) if b.len() == 1 => b[0],
            _ => {
                return Err(type_err(format!(
                    "{}() argument 2 must be a byte string of length 1, not {}",
                    c.name,
                    type_name(v)
                )))
            }
        },
    };
    Ok((width, fill))
}

fn pad(c: &Call, left: i64, right: i64, fill: u8) -> Value {
    let data = c.data();
    let mut out = Vec::with_capacity(data.len() + (left + right) as usize);
    out.extend(std::iter::repeat_n(fill, left as usize));
    out.extend_from_slice(&data);
    out.extend(std::iter::repeat_n(fill, right as usize));
    c.make(out)
}

fn center(_vm: &mut Vm, c: &Call) -> PyResult<Value> {
    let (width, fill) = just_args(c)?;
    let marg = width - c.data().len() as i64;
    if marg <= 0 {
        return Ok(c.same());
    }
    let left = marg / 2 + (marg & width & 1);
    Ok(pad(c, left, marg - left, fill))
}
fn ljust(_vm: &mut Vm, c: &Call) -> PyResult<Value> {
    let (width, fill) = just_args(c)?;
    let marg = width - c.data().len() as i64;
    Ok(if marg <= 0 {
        c.same()
    } else {
        pad(c, 0, marg, fill)
    })
}
fn rjust(_vm: &mut Vm, c: &Call) -> PyResult<Value> {
    let (width, fill) = just_args(c)?;
    let marg = width - c.data().len() as i64;
    Ok(if marg <= 0 {
        c.same()
    } else {
        pad(c, marg, 0, fill)
    })
}

fn zfill(_vm: &mut Vm, c: &Call) -> PyResult<Value> {
    c.clinic(1, 1)?;
    let width = to_i64(&c.pos[0], "")?;
    let data = c.data().to_vec();
    let fill = width - data.len() as i64;
    if fill <= 0 {
        return Ok(c.same());
    }
    let mut out = Vec::with_capacity(width as usize);
    let body = match data.first() {
        Some(b'+') | Some(b'-') => {
            out.push(data[0]);
            &data[1..]
        }
        _ => &data[..],
    };
    out.extend(std::iter::repeat_n(b'0', fill as usize));
    out.extend_from_slice(body);
    Ok(c.make(out))
}

fn expandtabs(_vm: &mut Vm, c: &Call) -> PyResult<Value> {
    let p = c.params(&["tabsize"])?;
    let tab = match p[0] {
        Some(v) => to_i64(v, "")?,
        None => 8,
    };
    let data = c.data().to_vec();
    let mut out = Vec::with_capacity(data.len());
    let mut col: i64 = 0;
    for &b in &data {
        if b == b'\t' {
            if tab > 0 {
                let n = tab - col % tab;
                col += n;
                out.extend(std::iter::repeat_n(b' ', n as usize));
            }
        } else {
            out.push(b);
            col += 1;
            if b == b'\n' || b == b'\r' {
                col = 0;
            }
        }
    }
    Ok(c.make(out))
}

// ---------------------------------------------------------------------------
// Case and classification (ASCII only, as CPython's bytes)
// ---------------------------------------------------------------------------

fn map_bytes(c: &Call, f: impl Fn(&[u8]) -> Vec<u8>) -> PyResult<Value> {
    c.noargs()?;
    let out = f(&c.data());
    Ok(c.make(out))
}
fn upper(_vm: &mut Vm, c: &Call) -> PyResult<Value> {
    map_bytes(c, |d| d.to_ascii_uppercase())
}
fn lower(_vm: &mut Vm, c: &Call) -> PyResult<Value> {
    map_bytes(c, |d| d.to_ascii_lowercase())
}
fn swapcase(_vm: &mut Vm, c: &Call) -> PyResult<Value> {
    map_bytes(c, |d| {
        d.iter()
            .map(|&b| {
                if b.is_ascii_lowercase() {
                    b.to_ascii_uppercase()
                } else {
                    b.to_ascii_lowercase()
                }
            })
            .collect()
    })
}
fn capitalize(_vm: &mut Vm, c: &Call) -> PyResult<Value> {
    map_bytes(c, |d| {
        d.iter()
            .enumerate()
            .map(|(i, &b)| {
                if i == 0 {
                    b.to_ascii_uppercase()
                } else {
                    b.to_ascii_lowercase()
                }
            })
            .collect()
    })
}
fn title(_vm: &mut Vm, c: &Call) -> PyResult<Value> {
    map_bytes(c, |d| {
        let mut prev_cased = false;
        d.iter()
            .map(|&b| {
                let r = if prev_cased {
                    b.to_ascii_lowercase()
                } else {
                    b.to_ascii_uppercase()
                };
                prev_cased = b.is_ascii_alphabetic();
                r
            })
            .collect()
    })
}

fn all_bytes(c: &Call, f: impl Fn(u8) -> bool) -> PyResult<Value> {
    c.noargs()?;
    let d = c.data();
    Ok(Value::bool(!d.is_empty() && d.iter().all(|&b| f(b))))
}
fn isdigit(_vm: &mut Vm, c: &Call) -> PyResult<Value> {
    all_bytes(c, |b| b.is_ascii_digit())
}
fn isalpha(_vm: &mut Vm, c: &Call) -> PyResult<Value> {
    all_bytes(c, |b| b.is_ascii_alphabetic())
}
fn isalnum(_vm: &mut Vm, c: &Call) -> PyResult<Value> {
    all_bytes(c, |b| b.is_ascii_alphanumeric())
}
fn isspace(_vm: &mut Vm, c: &Call) -> PyResult<Value> {
    all_bytes(c, is_space)
}
fn isascii(_vm: &mut Vm, c: &Call) -> PyResult<Value> {
    c.noargs()?;
    Ok(Value::bool(c.data().is_ascii()))
}
fn isupper(_vm: &mut Vm, c: &Call) -> PyResult<Value> {
    c.noargs()?;
    let d = c.data();
    Ok(Value::bool(
        d.iter().any(|b| b.is_ascii_uppercase()) && !d.iter().any(|b| b.is_ascii_lowercase()),
    ))
}
fn islower(_vm: &mut Vm, c: &Call) -> PyResult<Value> {
    c.noargs()?;
    let d = c.data();
    Ok(Value::bool(
        d.iter().any(|b| b.is_ascii_lowercase()) && !d.iter().any(|b| b.is_ascii_uppercase()),
    ))
}
fn istitle(_vm: &mut Vm, c: &Call) -> PyResult<Value> {
    c.noargs()?;
    let d = c.data();
    let (mut cased, mut prev_cased) = (false, false);
    for &b in d.iter() {
        if b.is_ascii_uppercase() {
            if prev_cased {
                return Ok(Value::FALSE);
            }
            prev_cased = true;
            cased = true;
        } else if b.is_ascii_lowercase() {
            if !prev_cased {
                return Ok(Value::FALSE);
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    Ok(Value::bool(cased))
}

// ---------------------------------------------------------------------------
// Translation, codecs, hex
// ---------------------------------------------------------------------------

fn translate(_vm: &mut Vm, c: &Call) -> PyResult<Value> {
    c.nokw()?;
    if c.pos.is_empty() || c.pos.len() > 2 {
        return Err(arg_count_error(c.name, 1, 2, c.pos.len()));
    }
    let table = match &c.pos[0] {
        v if v.is_none() => None,
        v => {
            let t = buf_arg(v)?;
            if t.len() != 256 {
                return Err(error::value_error(
                    "translation table must be 256 characters long",
                ));
            }
            Some(t)
        }
    };
    let delete = match c.pos.get(1) {
        Some(v) => buf_arg(v)?,
        None => vec![],
    };
    let out = c
        .data()
        .iter()
        .filter(|b| !delete.contains(b))
        .map(|&b| table.as_ref().map_or(b, |t| t[b as usize]))
        .collect();
    Ok(c.make(out))
}

/// `bytes.maketrans(frm, to)`: a static method (no receiver).
fn maketrans(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(type_err("maketrans() takes no keyword arguments"));
    }
    if args.len() != 2 {
        return Err(arg_count_error("maketrans", 2, 2, args.len()));
    }
    let frm = buf_arg(&args[0])?;
    let to = buf_arg(&args[1])?;
    if frm.len() != to.len() {
        return Err(error::value_error(
            "maketrans arguments must have same length",
        ));
    }
    let mut table: Vec<u8> = (0..=255).collect();
    for (f, t) in frm.iter().zip(&to) {
        table[*f as usize] = *t;
    }
    Ok(new_bytes(table))
}

fn str_param(
    v: Option<&Value>,
    default: &'static str,
    fname: &str,
    pname: &str,
) -> PyResult<String> {
    match v {
        None => Ok(default.to_string()),
        Some(v) => as_str(v).map(|s| s.to_string()).ok_or_else(|| {
            type_err(format!(
                "{fname}() argument '{pname}' must be str, not {}",
                type_name(v)
            ))
        }),
    }
}

fn decode(vm: &mut Vm, c: &Call) -> PyResult<Value> {
    let p = c.params(&["encoding", "errors"])?;
    let enc = str_param(p[0], "utf-8", "decode", "encoding")?;
    let errors = str_param(p[1], "strict", "decode", "errors")?;
    let data = c.data().to_vec();
    Ok(new_str(crate::stdlib::codecs_mod::decode_text(
        vm, &data, &enc, &errors,
    )?))
}

/// Hex digits of `data`, with `sep` every `group` bytes (counted from the right when
/// positive, from the left when negative).
pub fn hex_string(data: &[u8], sep: Option<char>, group: i64) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(data.len() * 3);
    let n = data.len() as i64;
    let g = group.unsigned_abs() as i64;
    for (i, &b) in data.iter().enumerate() {
        let i = i as i64;
        if let Some(s) = sep {
            if i > 0 && g > 0 {
                let boundary = if group > 0 {
                    (n - i) % g == 0
                } else {
                    i % g == 0
                };
                if boundary {
                    out.push(s);
                }
            }
        }
        out.push(DIGITS[(b >> 4) as usize] as char);
        out.push(DIGITS[(b & 15) as usize] as char);
    }
    out
}

/// The `sep` / `bytes_per_sep` arguments of `hex()` (bytes, bytearray and memoryview-less).
pub fn hex_args(sep: Option<&Value>, per: Option<&Value>) -> PyResult<(Option<char>, i64)> {
    let sep = match sep {
        None => None,
        Some(v) => {
            let s: Vec<char> = if let Some(s) = as_str(v) {
                s.chars().collect()
            } else if let Some(b) = as_bytes(v) {
                b.iter().map(|&x| x as char).collect()
            } else {
                return Err(type_err(format!(
                    "object of type '{}' has no len()",
                    type_name(v)
                )));
            };
            if s.len() != 1 {
                return Err(error::value_error("sep must be length 1."));
            }
            if !s[0].is_ascii() {
                return Err(error::value_error("sep must be ASCII."));
            }
            Some(s[0])
        }
    };
    let per = match per {
        None => 1,
        Some(v) => match as_int(v) {
            Some(i) => i
                .to_i64()
                .filter(|n| i32::try_from(*n).is_ok())
                .ok_or_else(|| error::overflow_error("Python int too large to convert to C int"))?,
            None => to_i64(v, "")?,
        },
    };
    Ok((sep, per))
}

fn hex(_vm: &mut Vm, c: &Call) -> PyResult<Value> {
    let p = c.params(&["sep", "bytes_per_sep"])?;
    let (sep, per) = hex_args(p[0], p[1])?;
    Ok(new_str(hex_string(&c.data(), sep, per)))
}

/// Parses `fromhex()` text: pairs of hex digits, ASCII whitespace allowed between pairs.
fn parse_hex(s: &str) -> PyResult<Vec<u8>> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len() / 2);
    let mut i = 0;
    let bad = |pos: usize| {
        // Positions count code points, as CPython's.
        let cp = s[..pos.min(s.len())].chars().count();
        error::value_error(format!(
            "non-hexadecimal number found in fromhex() arg at position {cp}"
        ))
    };
    while i < b.len() {
        if is_space(b[i]) {
            i += 1;
            continue;
        }
        let hi = (b[i] as char).to_digit(16).ok_or_else(|| bad(i))?;
        let lo = b
            .get(i + 1)
            .and_then(|&c| (c as char).to_digit(16))
            .ok_or_else(|| bad(i + 1))?;
        out.push((hi * 16 + lo) as u8);
        i += 2;
    }
    Ok(out)
}

/// `bytes.fromhex(s)` / `bytearray.fromhex(s)`: a classmethod (the class comes first).
fn fromhex_impl(args: &[Value], kw: &[Value], ty: Ty) -> PyResult<Value> {
    let fname = match ty {
        Ty::Bytes => "bytes.fromhex",
        Ty::ByteArray => "bytearray.fromhex",
    };
    if !kw.is_empty() {
        return Err(type_err(format!("{fname}() takes no keyword arguments")));
    }
    // A classmethod: the class comes first.
    let args = &args[1..];
    if args.len() != 1 {
        return Err(arg_count_error(fname, 1, 1, args.len()));
    }
    let s = as_str(&args[0]).ok_or_else(|| {
        type_err(format!(
            "fromhex() argument must be str, not {}",
            type_name(&args[0])
        ))
    })?;
    Ok(ty.make(parse_hex(s)?))
}
fn bytes_fromhex(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    fromhex_impl(args, kw, Ty::Bytes)
}
fn bytearray_fromhex(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    fromhex_impl(args, kw, Ty::ByteArray)
}

// ---------------------------------------------------------------------------
// Method tables: one wrapper per (method, type).
// ---------------------------------------------------------------------------

/// Builds a `MethodTable` for type `$ty` from `Call`-taking implementations, plus extra
/// plain natives.
macro_rules! method_table {
    ($tyv:expr; $($name:literal => $f:ident),* ; $($xname:literal => $xf:expr),* $(,)?) => {
        &[
            $(($name, {
                fn w(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
                    let c = recv(args, kw, $name, $tyv)?;
                    $f(vm, &c)
                }
                w
            }),)*
            $(($xname, $xf),)*
        ]
    };
}
pub(super) use method_table;

macro_rules! shared_methods {
    ($tyv:expr; $($xname:literal => $xf:expr),* $(,)?) => {
        method_table!($tyv;
            "find" => find, "rfind" => rfind, "index" => index, "rindex" => rindex,
            "count" => count, "startswith" => startswith, "endswith" => endswith,
            "split" => split, "rsplit" => rsplit, "splitlines" => splitlines,
            "join" => join, "partition" => partition, "rpartition" => rpartition,
            "strip" => strip, "lstrip" => lstrip, "rstrip" => rstrip,
            "replace" => replace, "removeprefix" => removeprefix,
            "removesuffix" => removesuffix, "center" => center, "ljust" => ljust,
            "rjust" => rjust, "zfill" => zfill, "expandtabs" => expandtabs,
            "upper" => upper, "lower" => lower, "swapcase" => swapcase,
            "capitalize" => capitalize, "title" => title, "isdigit" => isdigit,
            "isalpha" => isalpha, "isalnum" => isalnum, "isspace" => isspace,
            "isascii" => isascii, "isupper" => isupper, "islower" => islower,
            "istitle" => istitle, "translate" => translate, "decode" => decode,
            "hex" => hex;
            "maketrans" => maketrans,
            $($xname => $xf),*
        )
    };
}

pub static BYTES_METHODS: MethodTable = shared_methods!(Ty::Bytes;
    "fromhex" => bytes_fromhex,
);

pub static BYTEARRAY_METHODS: MethodTable = shared_methods!(Ty::ByteArray;
    "fromhex" => bytearray_fromhex,
);
