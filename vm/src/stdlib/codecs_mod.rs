//! `_codecs`: the codec registry (search functions, error handlers) and the codecs CPython
//! implements in C, which `codecs.py` and the `encodings` package call: UTF-8, ASCII,
//! Latin-1, UTF-16/32, charmap (cp1252 and the other single-byte tables), unicode-escape,
//! raw-unicode-escape and escape_decode.
//!
//! The registry is empty until the first lookup imports `encodings` (CPython imports it at
//! start-up), whose search function then finds codecs by module name. Error handlers are
//! CPython's built-in ones, found by name; `register_error` adds handlers for
//! `codecs.lookup_error`, but the native codecs here apply only the built-in names.

use crate::builtins::args::Args;
use crate::codecs::{decode_with, encode_with, Codec};
use crate::error::{self, PyErr, PyResult};
use crate::types::bytes::{bytes_vec, new_bytes};
use crate::types::dict::DictObj;
use crate::types::func::{new_native, NativeFn};
use crate::types::str::{as_str, intern, new_str};
use crate::types::tt;
use crate::types::tuple::{as_tuple, new_tuple};
use crate::types::type_name;
use crate::value::Value;
use crate::vm::Vm;
use std::cell::RefCell;

thread_local! {
    static SEARCH: RefCell<Vec<Value>> = const { RefCell::new(Vec::new()) };
    static CACHE: RefCell<Option<Value>> = const { RefCell::new(None) };
    static HANDLERS: RefCell<Vec<(String, Value)>> = const { RefCell::new(Vec::new()) };
}

const BUILTIN_HANDLERS: &[&str] = &[
    "strict",
    "ignore",
    "replace",
    "xmlcharrefreplace",
    "backslashreplace",
    "namereplace",
    "surrogateescape",
    "surrogatepass",
];

fn cache() -> Value {
    CACHE.with(|c| {
        c.borrow_mut()
            .get_or_insert_with(DictObj::new_value)
            .clone()
    })
}

fn register(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("register", args, kw);
    a.check(1, 1, &[])?;
    if !crate::ops::callable(&a.pos[0]) {
        return Err(error::type_error("argument must be callable"));
    }
    SEARCH.with(|s| s.borrow_mut().push(a.pos[0].clone()));
    Ok(Value::NONE)
}

fn unregister(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("unregister", args, kw);
    a.check(1, 1, &[])?;
    SEARCH.with(|s| s.borrow_mut().retain(|f| !f.is(&a.pos[0])));
    if let Some(d) = cache().downcast::<DictObj>() {
        d.clear();
    }
    Ok(Value::NONE)
}

/// CPython's normalizestring: lower case, spaces become underscores.
fn normalize(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c == ' ' {
                '_'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect()
}

/// `_codecs.lookup`: the CodecInfo of `encoding`, from the cache or the search functions.
pub fn lookup_info(vm: &mut Vm, encoding: &str) -> PyResult<Value> {
    let key = new_str(normalize(encoding));
    let c = cache();
    if let Some(hit) = DictObj::get_str(&c, &key) {
        return Ok(hit);
    }
    if SEARCH.with(|s| s.borrow().is_empty()) {
        crate::import::gcd_import(vm, "encodings")?;
    }
    let funcs = SEARCH.with(|s| s.borrow().clone());
    for f in funcs {
        let r = vm.call1(&f, key.clone())?;
        if r.is_none() {
            continue;
        }
        if as_tuple(&r).is_none_or(|t| t.len() != 4) {
            return Err(error::type_error(
                "codec search functions must return 4-tuples",
            ));
        }
        DictObj::set_str(&c, key, r.clone());
        return Ok(r);
    }
    Err(PyErr::new(
        tt().lookup_error,
        format!("unknown encoding: {encoding}"),
    ))
}

/// `str.encode`: the native codecs, else the registry's text encodings.
pub fn encode_text(vm: &mut Vm, s: &str, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    if let Ok(c) = crate::codecs::lookup(encoding) {
        return encode_with(c, s, errors);
    }
    let r = registry_text(vm, new_str(s), encoding, errors, 0)?;
    bytes_vec(&r).ok_or_else(|| {
        error::type_error(format!(
            "'{encoding}' encoder returned '{}' instead of 'bytes'; use codecs.encode() to encode to arbitrary types",
            type_name(&r)
        ))
    })
}

/// `bytes.decode`: the native codecs, else the registry's text encodings.
pub fn decode_text(vm: &mut Vm, data: &[u8], encoding: &str, errors: &str) -> PyResult<String> {
    if let Ok(c) = crate::codecs::lookup(encoding) {
        return decode_with(c, data, errors);
    }
    let r = registry_text(vm, new_bytes(data.to_vec()), encoding, errors, 1)?;
    as_str(&r).map(str::to_string).ok_or_else(|| {
        error::type_error(format!(
            "'{encoding}' decoder returned '{}' instead of 'str'; use codecs.decode() to decode to arbitrary types",
            type_name(&r)
        ))
    })
}

fn registry_text(
    vm: &mut Vm,
    obj: Value,
    encoding: &str,
    errors: &str,
    which: usize,
) -> PyResult<Value> {
    let info = lookup_info(vm, encoding)?;
    if let Ok(t) = crate::ops::getattr(vm, &info, &intern("_is_text_encoding")) {
        if !crate::ops::truthy(vm, &t)? {
            return Err(PyErr::new(
                tt().lookup_error,
                format!(
                    "'{encoding}' is not a text encoding; use codecs.{}() to handle arbitrary codecs",
                    if which == 0 { "encode" } else { "decode" }
                ),
            ));
        }
    }
    let f = as_tuple(&info)
        .map(|t| t[which].clone())
        .unwrap_or(Value::NONE);
    let r = vm.call(&f, &[obj, new_str(errors)], &[])?;
    match as_tuple(&r) {
        Some(t) if t.len() == 2 => Ok(t[0].clone()),
        _ => Err(error::type_error(format!(
            "{} must return a tuple (object, integer)",
            if which == 0 { "encoder" } else { "decoder" }
        ))),
    }
}

fn str_arg<'a>(v: &'a Value, fname: &str, what: &str) -> PyResult<&'a str> {
    as_str(v).ok_or_else(|| {
        error::type_error(format!(
            "{fname}() argument {what} must be str, not {}",
            type_name(v)
        ))
    })
}

fn lookup(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("lookup", args, kw);
    a.check(1, 1, &[])?;
    let name = str_arg(&a.pos[0], "lookup", "")?.to_string();
    lookup_info(vm, &name)
}

/// `encode(obj, encoding='utf-8', errors='strict')` / `decode(...)` through the registry.
fn transcode(vm: &mut Vm, args: &[Value], kw: &[Value], encode: bool) -> PyResult<Value> {
    let fname = if encode { "encode" } else { "decode" };
    let a = Args::new(fname, args, kw);
    a.check(1, 3, &["obj", "encoding", "errors"])?;
    let obj = a.arg(0, "obj").ok_or_else(|| {
        error::type_error(format!("{fname}() missing required argument 'obj' (pos 1)"))
    })?;
    let enc = match a.arg(1, "encoding") {
        Some(v) => str_arg(v, fname, "'encoding'")?.to_string(),
        None => "utf-8".to_string(),
    };
    let errors = match a.arg(2, "errors") {
        Some(v) => str_arg(v, fname, "'errors'")?.to_string(),
        None => "strict".to_string(),
    };
    let info = lookup_info(vm, &enc)?;
    let f = as_tuple(&info)
        .map(|t| t[if encode { 0 } else { 1 }].clone())
        .unwrap_or(Value::NONE);
    let r = vm.call(&f, &[obj.clone(), new_str(errors)], &[])?;
    match as_tuple(&r) {
        Some(t) if t.len() == 2 => Ok(t[0].clone()),
        _ => Err(error::type_error(format!(
            "{fname}r must return a tuple (object, integer)"
        ))),
    }
}

fn encode(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    transcode(vm, args, kw, true)
}

fn decode(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    transcode(vm, args, kw, false)
}

fn register_error(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("register_error", args, kw);
    a.check(2, 2, &[])?;
    let name = str_arg(&a.pos[0], "register_error", "1")?.to_string();
    if !crate::ops::callable(&a.pos[1]) {
        return Err(error::type_error("handler must be callable"));
    }
    HANDLERS.with(|h| {
        let mut h = h.borrow_mut();
        h.retain(|(n, _)| *n != name);
        h.push((name, a.pos[1].clone()));
    });
    Ok(Value::NONE)
}

/// A built-in error handler called from Python (`codecs.strict_errors(exc)` ...): strict
/// raises the exception, the others are applied by the native codecs themselves.
fn builtin_handler(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let exc = args.first().cloned().unwrap_or(Value::NONE);
    if crate::types::exc::as_exc(&exc).is_some() {
        return Err(PyErr(exc));
    }
    Err(error::type_error("codec must pass exception instance"))
}

fn lookup_error(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("lookup_error", args, kw);
    a.check(1, 1, &[])?;
    let name = str_arg(&a.pos[0], "lookup_error", "")?;
    if let Some(h) = HANDLERS.with(|h| {
        h.borrow()
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, f)| f.clone())
    }) {
        return Ok(h);
    }
    if let Some(n) = BUILTIN_HANDLERS.iter().find(|n| **n == name) {
        let fname: &'static str = match *n {
            "strict" => "strict_errors",
            "ignore" => "ignore_errors",
            "replace" => "replace_errors",
            "xmlcharrefreplace" => "xmlcharrefreplace_errors",
            "backslashreplace" => "backslashreplace_errors",
            "namereplace" => "namereplace_errors",
            "surrogateescape" => "surrogateescape",
            _ => "surrogatepass",
        };
        return Ok(new_native(fname, builtin_handler));
    }
    Err(PyErr::new(
        tt().lookup_error,
        format!("unknown error handler name '{name}'"),
    ))
}

// ---- the C codecs ----

/// The `errors` argument: None means strict.
fn errors_of(a: &Args, i: usize, fname: &str) -> PyResult<String> {
    match a.arg(i, "errors") {
        None => Ok("strict".into()),
        Some(v) if v.is_none() => Ok("strict".into()),
        Some(v) => Ok(str_arg(v, fname, "2")?.to_string()),
    }
}

fn data_of(v: &Value, fname: &str) -> PyResult<Vec<u8>> {
    if let Some(s) = as_str(v) {
        // The decoders accept str too (its UTF-8 bytes), as CPython's `s*` format does.
        return Ok(s.as_bytes().to_vec());
    }
    bytes_vec(v).ok_or_else(|| {
        error::type_error(format!(
            "{fname}() argument 1 must be bytes-like object, not '{}'",
            type_name(v)
        ))
    })
}

fn text_of<'a>(v: &'a Value, fname: &str) -> PyResult<&'a str> {
    as_str(v).ok_or_else(|| {
        error::type_error(format!(
            "{fname}() argument 1 must be str, not {}",
            type_name(v)
        ))
    })
}

fn pair(a: Value, n: usize) -> Value {
    new_tuple(vec![a, Value::int(n as i64)])
}

fn simple_encode(
    args: &[Value],
    kw: &[Value],
    fname: &'static str,
    codec: Codec,
) -> PyResult<Value> {
    let a = Args::new(fname, args, kw);
    a.check(1, 2, &["str", "errors"])?;
    let s = text_of(&a.pos[0], fname)?;
    let errors = errors_of(&a, 1, fname)?;
    Ok(pair(
        new_bytes(encode_with(codec, s, &errors)?),
        s.chars().count(),
    ))
}

/// Length of `data` without a trailing incomplete UTF-8 sequence (what a non-final
/// incremental decode leaves for the next call).
fn complete_utf8_len(data: &[u8]) -> usize {
    let n = data.len();
    for back in 1..=3.min(n) {
        let b = data[n - back];
        if b & 0xC0 != 0x80 {
            let need = match b {
                0xC2..=0xDF => 2,
                0xE0..=0xEF => 3,
                0xF0..=0xF4 => 4,
                _ => return n,
            };
            return if need > back && std::str::from_utf8(&data[n - back..]).is_err() {
                n - back
            } else {
                n
            };
        }
    }
    n
}

fn simple_decode(
    args: &[Value],
    kw: &[Value],
    fname: &'static str,
    codec: Codec,
) -> PyResult<Value> {
    let a = Args::new(fname, args, kw);
    a.check(1, 3, &["data", "errors", "final"])?;
    let data = data_of(&a.pos[0], fname)?;
    let errors = errors_of(&a, 1, fname)?;
    let fin = a
        .arg(2, "final")
        .is_some_and(|v| v.as_bool() == Some(true) || v.as_small_int().is_some_and(|i| i != 0));
    let upto = if codec == Codec::Utf8 && !fin {
        complete_utf8_len(&data)
    } else {
        data.len()
    };
    Ok(pair(
        new_str(decode_with(codec, &data[..upto], &errors)?),
        upto,
    ))
}

fn utf_8_encode(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    simple_encode(args, kw, "utf_8_encode", Codec::Utf8)
}
fn utf_8_decode(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    simple_decode(args, kw, "utf_8_decode", Codec::Utf8)
}
fn ascii_encode(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    simple_encode(args, kw, "ascii_encode", Codec::Ascii)
}
fn ascii_decode(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    simple_decode(args, kw, "ascii_decode", Codec::Ascii)
}
fn latin_1_encode(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    simple_encode(args, kw, "latin_1_encode", Codec::Latin1)
}
fn latin_1_decode(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    simple_decode(args, kw, "latin_1_decode", Codec::Latin1)
}

fn unit_error(fname: &str, data: &[u8], start: usize, end: usize, reason: &str) -> PyErr {
    let enc = if fname.starts_with("utf_16") {
        "utf-16-le"
    } else {
        "utf-32-le"
    };
    crate::codecs::decode_error_named(enc, data, start, end, reason)
}

/// UTF-16/32 with an explicit byte order (`little`), or from a BOM when `bom` is set.
fn wide_decode(
    fname: &'static str,
    args: &[Value],
    kw: &[Value],
    width: usize,
    order: Option<bool>,
    ex: bool,
) -> PyResult<Value> {
    let a = Args::new(fname, args, kw);
    a.check(1, 4, &["data", "errors", "byteorder", "final"])?;
    let data = data_of(&a.pos[0], fname)?;
    let errors = errors_of(&a, 1, fname)?;
    let fin_idx = if ex { 3 } else { 2 };
    let fin = a
        .arg(fin_idx, "final")
        .is_some_and(|v| v.as_bool() == Some(true) || v.as_small_int().is_some_and(|i| i != 0));
    let mut little = order.unwrap_or(cfg!(target_endian = "little"));
    let mut pos = 0;
    let mut detected = 0i64;
    if order.is_none() {
        let bom_le: &[u8] = if width == 2 {
            &[0xFF, 0xFE]
        } else {
            &[0xFF, 0xFE, 0, 0]
        };
        let bom_be: &[u8] = if width == 2 {
            &[0xFE, 0xFF]
        } else {
            &[0, 0, 0xFE, 0xFF]
        };
        if data.starts_with(bom_le) {
            little = true;
            pos = width;
            detected = -1;
        } else if data.starts_with(bom_be) {
            little = false;
            pos = width;
            detected = 1;
        }
    }
    let mut out = String::new();
    while pos + width <= data.len() {
        let unit = |i: usize| -> u32 {
            let b = &data[i..i + width];
            let mut v = 0u32;
            for k in 0..width {
                let byte = if little { b[width - 1 - k] } else { b[k] } as u32;
                v = (v << 8) | byte;
            }
            v
        };
        let u = unit(pos);
        let (cp, used) = if width == 2 && (0xD800..0xDC00).contains(&u) {
            if pos + 4 > data.len() {
                if !fin {
                    break;
                }
                (None, 2)
            } else {
                let lo = unit(pos + 2);
                if (0xDC00..0xE000).contains(&lo) {
                    (Some(0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00)), 4)
                } else {
                    (None, 2)
                }
            }
        } else {
            (Some(u), width)
        };
        match cp.and_then(char::from_u32) {
            Some(c) => out.push(c),
            None => match errors.as_str() {
                "ignore" => {}
                "replace" => out.push('\u{FFFD}'),
                _ => {
                    let reason = if width == 2 {
                        "illegal UTF-16 surrogate"
                    } else {
                        "code point not in range(0x110000)"
                    };
                    return Err(unit_error(fname, &data, pos, pos + used, reason));
                }
            },
        }
        pos += used;
    }
    if fin && pos < data.len() {
        match errors.as_str() {
            "ignore" => {}
            "replace" => out.push('\u{FFFD}'),
            _ => return Err(unit_error(fname, &data, pos, data.len(), "truncated data")),
        }
        pos = data.len();
    }
    let r = new_str(out);
    if ex {
        return Ok(new_tuple(vec![
            r,
            Value::int(pos as i64),
            Value::int(detected),
        ]));
    }
    Ok(pair(r, pos))
}

fn wide_encode(
    fname: &'static str,
    args: &[Value],
    kw: &[Value],
    width: usize,
    order: Option<bool>,
) -> PyResult<Value> {
    let a = Args::new(fname, args, kw);
    a.check(1, 3, &["str", "errors", "byteorder"])?;
    let s = text_of(&a.pos[0], fname)?;
    // byteorder argument (utf_16_encode): 0 native with BOM, -1 little, 1 big.
    let bo = a
        .arg(2, "byteorder")
        .and_then(|v| v.as_small_int())
        .unwrap_or(0);
    let (little, bom) = match order {
        Some(l) => (l, false),
        None => match bo {
            -1 => (true, false),
            1 => (false, false),
            _ => (cfg!(target_endian = "little"), true),
        },
    };
    let mut out = Vec::with_capacity(s.len() * width + width);
    let mut put = |u: u32| {
        for k in 0..width {
            let shift = if little { 8 * k } else { 8 * (width - 1 - k) };
            out.push((u >> shift) as u8);
        }
    };
    if bom {
        put(0xFEFF);
    }
    for c in s.chars() {
        if width == 2 {
            let mut buf = [0u16; 2];
            for u in c.encode_utf16(&mut buf) {
                put(*u as u32);
            }
        } else {
            put(c as u32);
        }
    }
    Ok(pair(new_bytes(out), s.chars().count()))
}

macro_rules! wide {
    ($($name:ident => $body:expr;)*) => {$(
        fn $name(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
            let f: fn(&'static str, &[Value], &[Value]) -> PyResult<Value> = $body;
            f(stringify!($name), args, kw)
        }
    )*};
}

wide! {
    utf_16_encode => |n, a, k| wide_encode(n, a, k, 2, None);
    utf_16_le_encode => |n, a, k| wide_encode(n, a, k, 2, Some(true));
    utf_16_be_encode => |n, a, k| wide_encode(n, a, k, 2, Some(false));
    utf_32_encode => |n, a, k| wide_encode(n, a, k, 4, None);
    utf_32_le_encode => |n, a, k| wide_encode(n, a, k, 4, Some(true));
    utf_32_be_encode => |n, a, k| wide_encode(n, a, k, 4, Some(false));
    utf_16_decode => |n, a, k| wide_decode(n, a, k, 2, None, false);
    utf_16_le_decode => |n, a, k| wide_decode(n, a, k, 2, Some(true), false);
    utf_16_be_decode => |n, a, k| wide_decode(n, a, k, 2, Some(false), false);
    utf_16_ex_decode => |n, a, k| wide_decode(n, a, k, 2, None, true);
    utf_32_decode => |n, a, k| wide_decode(n, a, k, 4, None, false);
    utf_32_le_decode => |n, a, k| wide_decode(n, a, k, 4, Some(true), false);
    utf_32_be_decode => |n, a, k| wide_decode(n, a, k, 4, Some(false), false);
    utf_32_ex_decode => |n, a, k| wide_decode(n, a, k, 4, None, true);
}

// ---- charmap ----

/// `charmap_build(decoding_table)`: the reverse table as a dict {code point: byte}.
fn charmap_build(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("charmap_build", args, kw);
    a.check(1, 1, &[])?;
    let table = text_of(&a.pos[0], "charmap_build")?;
    let d = DictObj::new_value();
    let dd = d.downcast::<DictObj>().unwrap_or_else(|| unreachable!());
    for (i, c) in table.chars().enumerate() {
        dd.set(vm, Value::int(c as i64), Value::int(i as i64))?;
    }
    Ok(d)
}

fn charmap_decode(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("charmap_decode", args, kw);
    a.check(1, 3, &["data", "errors", "mapping"])?;
    let data = data_of(&a.pos[0], "charmap_decode")?;
    let errors = errors_of(&a, 1, "charmap_decode")?;
    let mapping = a.arg(2, "mapping").filter(|m| !m.is_none()).cloned();
    let Some(mapping) = mapping else {
        return Ok(pair(
            new_str(decode_with(Codec::Latin1, &data, &errors)?),
            data.len(),
        ));
    };
    let table: Option<Vec<char>> = as_str(&mapping).map(|s| s.chars().collect());
    let mut out = String::new();
    for (i, &b) in data.iter().enumerate() {
        let c = match &table {
            Some(t) => t.get(b as usize).copied().filter(|c| *c != '\u{FFFE}'),
            None => {
                let r = crate::ops::getitem(vm, &mapping, &Value::int(b as i64));
                match r {
                    Ok(v) if v.is_none() => None,
                    Ok(v) => match (as_str(&v), v.as_small_int()) {
                        (Some(s), _) => {
                            out.push_str(s);
                            continue;
                        }
                        (_, Some(n)) => char::from_u32(n as u32),
                        _ => {
                            return Err(error::type_error(
                                "character mapping must return integer, None or str",
                            ))
                        }
                    },
                    Err(e) if e.is_instance(tt().lookup_error) => None,
                    Err(e) => return Err(e),
                }
            }
        };
        match c {
            Some(c) => out.push(c),
            None => match errors.as_str() {
                "ignore" => {}
                "replace" => out.push('\u{FFFD}'),
                "backslashreplace" => out.push_str(&format!("\\x{b:02x}")),
                _ => {
                    return Err(crate::codecs::decode_error_named(
                        "charmap",
                        &data,
                        i,
                        i + 1,
                        "character maps to <undefined>",
                    ));
                }
            },
        }
    }
    Ok(pair(new_str(out), data.len()))
}

fn charmap_encode(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("charmap_encode", args, kw);
    a.check(1, 3, &["str", "errors", "mapping"])?;
    let s = text_of(&a.pos[0], "charmap_encode")?.to_string();
    let errors = errors_of(&a, 1, "charmap_encode")?;
    let mapping = a.arg(2, "mapping").filter(|m| !m.is_none()).cloned();
    let Some(mapping) = mapping else {
        return Ok(pair(
            new_bytes(encode_with(Codec::Latin1, &s, &errors)?),
            s.chars().count(),
        ));
    };
    let mut out = Vec::new();
    let look = |vm: &mut Vm, c: char| -> PyResult<Option<Vec<u8>>> {
        match crate::ops::getitem(vm, &mapping, &Value::int(c as i64)) {
            Ok(v) if v.is_none() => Ok(None),
            Ok(v) => match v.as_small_int() {
                Some(n) if (0..256).contains(&n) => Ok(Some(vec![n as u8])),
                Some(_) => Err(error::type_error("character mapping must be in range(256)")),
                None => bytes_vec(&v).map(Some).ok_or_else(|| {
                    error::type_error(
                        "character mapping must return integer, bytes or None, not str",
                    )
                }),
            },
            Err(e) if e.is_instance(tt().lookup_error) => Ok(None),
            Err(e) => Err(e),
        }
    };
    for (i, c) in s.chars().enumerate() {
        match look(vm, c)? {
            Some(b) => out.extend(b),
            None => match errors.as_str() {
                "ignore" => {}
                "replace" => out.extend(look(vm, '?')?.unwrap_or_default()),
                "xmlcharrefreplace" => {
                    for d in format!("&#{};", c as u32).chars() {
                        out.extend(look(vm, d)?.unwrap_or_default());
                    }
                }
                "backslashreplace" => {
                    for d in escape_char(c, false).chars() {
                        out.extend(look(vm, d)?.unwrap_or_default());
                    }
                }
                _ => {
                    return Err(crate::codecs::encode_error_named(
                        "charmap",
                        &s,
                        i,
                        i + 1,
                        "character maps to <undefined>",
                    ))
                }
            },
        }
    }
    Ok(pair(new_bytes(out), s.chars().count()))
}

// ---- escapes ----

/// `\xhh`, `\uXXXX` or `\UXXXXXXXX` for a code point (`raw`: only the u/U forms).
fn escape_char(c: char, raw: bool) -> String {
    let n = c as u32;
    if n < 0x100 && !raw {
        format!("\\x{n:02x}")
    } else if n < 0x10000 {
        format!("\\u{n:04x}")
    } else {
        format!("\\U{n:08x}")
    }
}

fn unicode_escape_encode(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("unicode_escape_encode", args, kw);
    a.check(1, 2, &[])?;
    let s = text_of(&a.pos[0], "unicode_escape_encode")?;
    let mut out = String::new();
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            ' '..='~' => out.push(c),
            _ => out.push_str(&escape_char(c, false)),
        }
    }
    Ok(pair(new_bytes(out.into_bytes()), s.chars().count()))
}

fn raw_unicode_escape_encode(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("raw_unicode_escape_encode", args, kw);
    a.check(1, 2, &[])?;
    let s = text_of(&a.pos[0], "raw_unicode_escape_encode")?;
    let mut out = Vec::new();
    for c in s.chars() {
        if (c as u32) < 0x100 {
            out.push(c as u32 as u8);
        } else {
            out.extend(escape_char(c, true).bytes());
        }
    }
    Ok(pair(new_bytes(out), s.chars().count()))
}

fn escape_error(codec: &str, data: &[u8], start: usize, end: usize, reason: &str) -> PyErr {
    crate::codecs::decode_error_named(codec, data, start, end, reason)
}

/// Decodes backslash escapes; `raw` keeps everything but `\u`/`\U`, `bytes_out` is
/// `escape_decode` (bytes result, no `\u`).
fn unescape(data: &[u8], raw: bool, codec: &str) -> PyResult<Vec<u32>> {
    let mut out: Vec<u32> = Vec::with_capacity(data.len());
    let mut i = 0;
    while i < data.len() {
        let b = data[i];
        if b != b'\\' || i + 1 >= data.len() {
            if b == b'\\' && !raw {
                return Err(escape_error(codec, data, i, i + 1, "\\ at end of string"));
            }
            out.push(b as u32);
            i += 1;
            continue;
        }
        let e = data[i + 1];
        let hex = |i: usize, n: usize, what: &str| -> PyResult<u32> {
            let digits = data
                .get(i + 2..i + 2 + n)
                .filter(|d| d.iter().all(u8::is_ascii_hexdigit));
            match digits {
                Some(d) => {
                    Ok(u32::from_str_radix(std::str::from_utf8(d).unwrap_or("0"), 16).unwrap_or(0))
                }
                None => {
                    let end = (i + 2..data.len().min(i + 2 + n))
                        .find(|&k| !data[k].is_ascii_hexdigit())
                        .unwrap_or(data.len().min(i + 2 + n));
                    Err(escape_error(
                        codec,
                        data,
                        i,
                        end.max(i + 2),
                        &format!("truncated {what} escape"),
                    ))
                }
            }
        };
        if raw {
            match e {
                b'u' => {
                    out.push(hex(i, 4, "\\uXXXX")?);
                    i += 6;
                }
                b'U' => {
                    out.push(hex(i, 8, "\\UXXXXXXXX")?);
                    i += 10;
                }
                _ => {
                    out.push(b'\\' as u32);
                    i += 1;
                }
            }
            continue;
        }
        i += 2;
        match e {
            b'\n' => {}
            b'\\' => out.push('\\' as u32),
            b'\'' => out.push('\'' as u32),
            b'"' => out.push('"' as u32),
            b'a' => out.push(7),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b'n' => out.push(10),
            b'r' => out.push(13),
            b't' => out.push(9),
            b'v' => out.push(11),
            b'0'..=b'7' => {
                let mut v = (e - b'0') as u32;
                for _ in 0..2 {
                    match data.get(i) {
                        Some(d @ b'0'..=b'7') => {
                            v = v * 8 + (d - b'0') as u32;
                            i += 1;
                        }
                        _ => break,
                    }
                }
                out.push(v);
            }
            b'x' => {
                i -= 2;
                out.push(hex(i, 2, "\\xXX")?);
                i += 4;
            }
            b'u' if codec != "escape" => {
                i -= 2;
                out.push(hex(i, 4, "\\uXXXX")?);
                i += 6;
            }
            b'U' if codec != "escape" => {
                i -= 2;
                out.push(hex(i, 8, "\\UXXXXXXXX")?);
                i += 10;
            }
            _ => {
                out.push('\\' as u32);
                out.push(e as u32);
            }
        }
    }
    Ok(out)
}

fn to_string(cps: Vec<u32>, data: &[u8], codec: &str) -> PyResult<String> {
    cps.into_iter()
        .map(|c| {
            char::from_u32(c).ok_or_else(|| {
                escape_error(codec, data, 0, data.len(), "illegal Unicode character")
            })
        })
        .collect()
}

fn unicode_escape_decode(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("unicode_escape_decode", args, kw);
    a.check(1, 3, &[])?;
    let data = data_of(&a.pos[0], "unicode_escape_decode")?;
    let s = to_string(
        unescape(&data, false, "unicodeescape")?,
        &data,
        "unicodeescape",
    )?;
    Ok(pair(new_str(s), data.len()))
}

fn raw_unicode_escape_decode(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("raw_unicode_escape_decode", args, kw);
    a.check(1, 3, &[])?;
    let data = data_of(&a.pos[0], "raw_unicode_escape_decode")?;
    let s = to_string(
        unescape(&data, true, "rawunicodeescape")?,
        &data,
        "rawunicodeescape",
    )?;
    Ok(pair(new_str(s), data.len()))
}

fn escape_decode(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("escape_decode", args, kw);
    a.check(1, 2, &[])?;
    let data = data_of(&a.pos[0], "escape_decode")?;
    let out: Vec<u8> = unescape(&data, false, "escape")?
        .into_iter()
        .map(|c| c as u8)
        .collect();
    Ok(pair(new_bytes(out), data.len()))
}

fn escape_encode(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("escape_encode", args, kw);
    a.check(1, 2, &[])?;
    let data = crate::types::bytes::as_bytes(&a.pos[0])
        .map(|b| b.to_vec())
        .ok_or_else(|| {
            error::type_error(format!(
                "argument 1 must be bytes, not {}",
                type_name(&a.pos[0])
            ))
        })?;
    let mut out = Vec::new();
    for &b in &data {
        match b {
            b'\\' => out.extend(b"\\\\"),
            b'\'' => out.extend(b"\\'"),
            b'\t' => out.extend(b"\\t"),
            b'\n' => out.extend(b"\\n"),
            b'\r' => out.extend(b"\\r"),
            0x20..=0x7e => out.push(b),
            _ => out.extend(format!("\\x{b:02x}").bytes()),
        }
    }
    Ok(pair(new_bytes(out), data.len()))
}

fn forget_codec(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("_forget_codec", args, kw);
    a.check(1, 1, &[])?;
    let name = str_arg(&a.pos[0], "_forget_codec", "")?;
    if let Some(d) = cache().downcast::<DictObj>() {
        d.remove_str(&intern(&normalize(name)));
    }
    Ok(Value::NONE)
}

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("register", register),
    ("unregister", unregister),
    ("lookup", lookup),
    ("encode", encode),
    ("decode", decode),
    ("register_error", register_error),
    ("lookup_error", lookup_error),
    ("_forget_codec", forget_codec),
    ("utf_8_encode", utf_8_encode),
    ("utf_8_decode", utf_8_decode),
    ("ascii_encode", ascii_encode),
    ("ascii_decode", ascii_decode),
    ("latin_1_encode", latin_1_encode),
    ("latin_1_decode", latin_1_decode),
    ("utf_16_encode", utf_16_encode),
    ("utf_16_le_encode", utf_16_le_encode),
    ("utf_16_be_encode", utf_16_be_encode),
    ("utf_16_decode", utf_16_decode),
    ("utf_16_le_decode", utf_16_le_decode),
    ("utf_16_be_decode", utf_16_be_decode),
    ("utf_16_ex_decode", utf_16_ex_decode),
    ("utf_32_encode", utf_32_encode),
    ("utf_32_le_encode", utf_32_le_encode),
    ("utf_32_be_encode", utf_32_be_encode),
    ("utf_32_decode", utf_32_decode),
    ("utf_32_le_decode", utf_32_le_decode),
    ("utf_32_be_decode", utf_32_be_decode),
    ("utf_32_ex_decode", utf_32_ex_decode),
    ("charmap_build", charmap_build),
    ("charmap_decode", charmap_decode),
    ("charmap_encode", charmap_encode),
    ("unicode_escape_encode", unicode_escape_encode),
    ("unicode_escape_decode", unicode_escape_decode),
    ("raw_unicode_escape_encode", raw_unicode_escape_encode),
    ("raw_unicode_escape_decode", raw_unicode_escape_decode),
    ("escape_encode", escape_encode),
    ("escape_decode", escape_decode),
];

pub fn make(_vm: &mut Vm) -> Value {
    super::module_with_functions("_codecs", FUNCTIONS)
}
