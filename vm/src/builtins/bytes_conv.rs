//! Conversions between bytes and other values: the `bytes()` / `bytearray()` constructors,
//! `str.encode`, `str(b, encoding)`, and `int.from_bytes` / `int.to_bytes`.

use super::methods_bytearray::bytes_from_iter;
use super::MethodTable;
use crate::error::{self, PyResult};
use crate::ops;
use crate::types::bytes::{as_bytes, new_bytearray, new_bytes};
use crate::types::int::{self, as_int};
use crate::types::str::{as_str, new_str};
use crate::types::{tt, type_name};
use crate::value::Value;
use crate::vm::Vm;
use num_bigint::{BigInt, Sign};

/// Keyword-capable argument parsing with CPython's messages. `npos` parameters may be
/// given positionally; the rest of `names` are keyword-only. `clinic` selects Argument
/// Clinic's "positional arguments" count message over the older "arguments" one.
fn parse<'a>(
    fname: &str,
    args: &'a [Value],
    kwnames: &[Value],
    names: &[&str],
    npos: usize,
    clinic: bool,
) -> PyResult<Vec<Option<&'a Value>>> {
    let n = args.len() - kwnames.len();
    if n > npos || (!clinic && args.len() > names.len()) {
        let s = if npos == 1 { "" } else { "s" };
        return Err(error::type_error(if clinic {
            format!("{fname}() takes at most {npos} positional argument{s} ({n} given)")
        } else {
            format!(
                "{fname}() takes at most {npos} argument{s} ({} given)",
                args.len()
            )
        }));
    }
    let mut out: Vec<Option<&'a Value>> = vec![None; names.len()];
    for (i, v) in args[..n].iter().enumerate() {
        out[i] = Some(v);
    }
    for (k, v) in kwnames.iter().zip(&args[n..]) {
        let k = as_str(k).unwrap_or("");
        match names.iter().position(|p| *p == k) {
            None => {
                return Err(error::type_error(format!(
                    "'{k}' is an invalid keyword argument for {fname}()"
                )))
            }
            Some(j) if j < n => {
                return Err(error::type_error(format!(
                    "argument for {fname}() given by name ('{k}') and position ({})",
                    j + 1
                )))
            }
            Some(j) => out[j] = Some(v),
        }
    }
    Ok(out)
}

fn str_param(v: Option<&Value>, fname: &str, pname: &str) -> PyResult<Option<String>> {
    match v {
        None => Ok(None),
        Some(v) => as_str(v).map(|s| Some(s.to_string())).ok_or_else(|| {
            error::type_error(format!(
                "{fname}() argument '{pname}' must be str, not {}",
                type_name(v)
            ))
        }),
    }
}

/// `bytes(x)` for a value that is not a str or an int count: a buffer, `__bytes__`, or an
/// iterable of ints. `what` names the target type in messages.
pub fn bytes_from_object(vm: &mut Vm, v: &Value, what: &str) -> PyResult<Vec<u8>> {
    if let Some(b) = as_bytes(v) {
        return Ok(b.to_vec());
    }
    // `bytes()` and `int.from_bytes` honour `__bytes__`; `bytearray()` does not.
    let dunder = if what == "bytes" {
        ops::dunder::call_special(vm, v, "__bytes__", &[])
    } else {
        None
    };
    if let Some(r) = dunder {
        let r = r?;
        return match as_bytes(&r) {
            Some(b) if !crate::types::bytes::is_bytearray(&r) => Ok(b.to_vec()),
            _ => Err(error::type_error(format!(
                "__bytes__ returned non-bytes (type {})",
                type_name(&r)
            ))),
        };
    }
    if as_str(v).is_some() || as_int(v).is_some() {
        return Err(cannot_convert(v, what));
    }
    let it = match ops::iter(vm, v) {
        Ok(it) => it,
        Err(e) if e.is_instance(tt().type_error) => return Err(cannot_convert(v, what)),
        Err(e) => return Err(e),
    };
    bytes_from_iter(vm, &it).map_err(|e| {
        // `bytes` says "bytes must be ...", `bytearray` keeps "byte must be ...".
        if what == "bytes" && e.is_instance(tt().value_error) {
            error::value_error("bytes must be in range(0, 256)")
        } else {
            e
        }
    })
}

fn cannot_convert(v: &Value, what: &str) -> crate::error::PyErr {
    error::type_error(format!(
        "cannot convert '{}' object to {what}",
        type_name(v)
    ))
}

/// The contents for `bytes(...)` / `bytearray(...)`.
fn construct(vm: &mut Vm, args: &[Value], kwnames: &[Value], what: &str) -> PyResult<Vec<u8>> {
    let p = parse(
        what,
        args,
        kwnames,
        &["source", "encoding", "errors"],
        3,
        false,
    )?;
    let enc = str_param(p[1], what, "encoding")?;
    let errors = str_param(p[2], what, "errors")?;
    let Some(src) = p[0] else {
        if enc.is_some() {
            return Err(error::type_error("encoding without a string argument"));
        }
        if errors.is_some() {
            return Err(error::type_error("errors without a string argument"));
        }
        return Ok(vec![]);
    };
    if let Some(s) = as_str(src) {
        let Some(enc) = enc else {
            return Err(error::type_error("string argument without an encoding"));
        };
        return crate::stdlib::codecs_mod::encode_text(
            vm,
            s,
            &enc,
            errors.as_deref().unwrap_or("strict"),
        );
    }
    if enc.is_some() {
        return Err(error::type_error("encoding without a string argument"));
    }
    if errors.is_some() {
        return Err(error::type_error("errors without a string argument"));
    }
    if !ops::dunder::dispatches(src) {
        if let Some(i) = as_int(src) {
            let n = i.to_i64().ok_or_else(|| {
                error::overflow_error("cannot fit 'int' into an index-sized integer")
            })?;
            if n < 0 {
                return Err(error::value_error("negative count"));
            }
            if n > 1 << 34 {
                return Err(error::memory_error(""));
            }
            return Ok(vec![0; n as usize]);
        }
    }
    bytes_from_object(vm, src, what)
}

pub fn bytes_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    Ok(new_bytes(construct(vm, args, kwnames, "bytes")?))
}

pub fn bytearray_new(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    Ok(new_bytearray(construct(vm, args, kwnames, "bytearray")?))
}

/// `str(object, encoding, errors)` when an encoding or errors argument is present.
pub fn str_decode(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let p = parse(
        "str",
        args,
        kwnames,
        &["object", "encoding", "errors"],
        3,
        false,
    )?;
    let enc = str_param(p[1], "str", "encoding")?;
    let errors = str_param(p[2], "str", "errors")?;
    let Some(obj) = p[0] else {
        return Ok(new_str(""));
    };
    if enc.is_none() && errors.is_none() {
        return ops::to_str(vm, obj);
    }
    if as_str(obj).is_some() {
        return Err(error::type_error("decoding str is not supported"));
    }
    let data = as_bytes(obj).map(|b| b.to_vec()).ok_or_else(|| {
        error::type_error(format!(
            "decoding to str: need a bytes-like object, {} found",
            type_name(obj)
        ))
    })?;
    Ok(new_str(crate::stdlib::codecs_mod::decode_text(
        vm,
        &data,
        enc.as_deref().unwrap_or("utf-8"),
        errors.as_deref().unwrap_or("strict"),
    )?))
}

fn str_encode(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let this = args.first().filter(|_| args.len() > kwnames.len());
    let s = this.and_then(as_str).ok_or_else(|| {
        error::type_error(match this {
            None => "unbound method str.encode() needs an argument".to_string(),
            Some(v) => format!(
                "descriptor 'encode' for 'str' objects doesn't apply to a '{}' object",
                type_name(v)
            ),
        })
    })?;
    let rest = &args[1..];
    let p = parse("encode", rest, kwnames, &["encoding", "errors"], 2, false)?;
    let enc = str_param(p[0], "encode", "encoding")?;
    let errors = str_param(p[1], "encode", "errors")?;
    Ok(new_bytes(crate::stdlib::codecs_mod::encode_text(
        vm,
        s,
        enc.as_deref().unwrap_or("utf-8"),
        errors.as_deref().unwrap_or("strict"),
    )?))
}

pub static STR_METHODS: MethodTable = &[("encode", str_encode)];

// ---------------------------------------------------------------------------
// int.from_bytes / int.to_bytes
// ---------------------------------------------------------------------------

fn byteorder(v: Option<&Value>, fname: &str) -> PyResult<bool> {
    match str_param(v, fname, "byteorder")?.as_deref() {
        None | Some("big") => Ok(true),
        Some("little") => Ok(false),
        Some(_) => Err(error::value_error(
            "byteorder must be either 'little' or 'big'",
        )),
    }
}

/// `int.from_bytes(bytes, byteorder='big', *, signed=False)`: a classmethod, reached as
/// `int.from_bytes(b)` (no receiver) or `n.from_bytes(b)` / via a type (receiver first).
fn int_from_bytes(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    // A classmethod: the class comes first.
    let args = &args[1..];
    let p = parse(
        "from_bytes",
        args,
        kwnames,
        &["bytes", "byteorder", "signed"],
        2,
        true,
    )?;
    let Some(src) = p[0] else {
        return Err(error::type_error(
            "from_bytes() missing required argument 'bytes' (pos 1)",
        ));
    };
    let big_endian = byteorder(p[1], "from_bytes")?;
    let signed = match p[2] {
        Some(v) => ops::truthy(vm, v)?,
        None => false,
    };
    let mut data = bytes_from_object(vm, src, "bytes")?;
    if big_endian {
        data.reverse();
    }
    let b = if signed {
        BigInt::from_signed_bytes_le(&data)
    } else {
        BigInt::from_bytes_le(Sign::Plus, &data)
    };
    Ok(int::big_to_value(b))
}

/// `int.to_bytes(length=1, byteorder='big', *, signed=False)`.
fn int_to_bytes(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let i = args
        .first()
        .filter(|_| args.len() > kwnames.len())
        .and_then(as_int)
        .ok_or_else(|| error::type_error("descriptor 'to_bytes' requires an 'int' object"))?;
    let p = parse(
        "to_bytes",
        &args[1..],
        kwnames,
        &["length", "byteorder", "signed"],
        2,
        true,
    )?;
    let length = match p[0] {
        Some(v) => super::args::to_i64(v, "")?,
        None => 1,
    };
    if length < 0 {
        return Err(error::value_error("length argument must be non-negative"));
    }
    if length > 1 << 34 {
        return Err(error::memory_error(""));
    }
    let big_endian = byteorder(p[1], "to_bytes")?;
    let signed = match p[2] {
        Some(v) => ops::truthy(vm, v)?,
        None => false,
    };
    let b = i.to_big();
    if !signed && b.sign() == Sign::Minus {
        return Err(error::overflow_error(
            "can't convert negative int to unsigned",
        ));
    }
    let mut data = if b.sign() == Sign::NoSign {
        vec![]
    } else if signed {
        b.to_signed_bytes_le()
    } else {
        b.to_bytes_le().1
    };
    if data.len() as i64 > length {
        return Err(error::overflow_error("int too big to convert"));
    }
    let fill = if b.sign() == Sign::Minus { 0xff } else { 0 };
    data.resize(length as usize, fill);
    if big_endian {
        data.reverse();
    }
    Ok(new_bytes(data))
}

pub static INT_METHODS: MethodTable = &[("from_bytes", int_from_bytes), ("to_bytes", int_to_bytes)];
