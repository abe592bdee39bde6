//! printf-style `bytes % args`, through the same `fmt::percent` driver as `str % args`.
//!
//! The format is viewed as Latin-1 text (one char per byte), so the driver's indices and
//! literal runs carry over; the result is mapped back byte for byte. What differs from str
//! formatting is the argument side: `%s`/`%b` take bytes-like objects (or `__bytes__`),
//! `%r`/`%a` give `ascii()`, and `%c` takes an int below 256 or a single byte.

use crate::error::{self, PyErr, PyResult};
use crate::fmt::{
    self as pyfmt, PercentArgRef, PercentArgs, PercentConv, PercentError, PercentErrorKind,
    PercentValue,
};
use crate::object::Kind;
use crate::ops;
use crate::types::bytes::{as_bytes, is_bytearray, new_like};
use crate::types::int::as_int;
use crate::types::str::{as_str, intern};
use crate::types::tuple::as_tuple;
use crate::types::type_name;
use crate::value::Value;
use crate::vm::Vm;

struct PErr(PyErr);
impl From<PercentError> for PErr {
    fn from(e: PercentError) -> PErr {
        PErr(match e.kind {
            PercentErrorKind::ValueError => error::value_error(e.msg),
            PercentErrorKind::TypeError => error::type_error(e.msg),
            PercentErrorKind::OverflowError => error::overflow_error(e.msg),
        })
    }
}
impl From<PyErr> for PErr {
    fn from(e: PyErr) -> PErr {
        PErr(e)
    }
}

fn latin1(b: &[u8]) -> String {
    b.iter().map(|&c| c as char).collect()
}

struct BArgs<'a> {
    vm: &'a mut Vm,
    args: &'a Value,
    mapping: bool,
    keyed: Value,
}

impl BArgs<'_> {
    fn get(&self, a: PercentArgRef) -> Value {
        match a {
            PercentArgRef::Index(i) => as_tuple(self.args)
                .map(|t| t[i].clone())
                .unwrap_or(Value::NONE),
            PercentArgRef::Whole => self.args.clone(),
            PercentArgRef::Keyed => self.keyed.clone(),
        }
    }
}

fn char_error() -> PErr {
    PErr(error::type_error(
        "%c requires an integer in range(256) or a single byte",
    ))
}

impl PercentArgs for BArgs<'_> {
    type Error = PErr;
    fn tuple_len(&self) -> Option<usize> {
        as_tuple(self.args).map(|t| t.len())
    }
    fn is_mapping(&self) -> bool {
        self.mapping
    }
    fn lookup_key(&mut self, key: &str) -> Result<(), PErr> {
        let k = crate::types::bytes::new_bytes(
            key.chars().map(|c| c as u32 as u8).collect::<Vec<u8>>(),
        );
        self.keyed = ops::getitem(self.vm, self.args, &k)?;
        Ok(())
    }
    fn star_int(&mut self, arg: PercentArgRef) -> Result<i64, PErr> {
        let v = self.get(arg);
        match as_int(&v) {
            Some(i) => Ok(i.to_i64().ok_or_else(|| {
                error::overflow_error("Python int too large to convert to C ssize_t")
            })?),
            None => Err(PercentError::star_wants_int().into()),
        }
    }
    fn value(
        &mut self,
        arg: PercentArgRef,
        kind: PercentConv,
        conv: char,
    ) -> Result<PercentValue, PErr> {
        let v = self.get(arg);
        Ok(match kind {
            PercentConv::Str => {
                if let Some(b) = as_bytes(&v) {
                    return Ok(PercentValue::Str(latin1(&b)));
                }
                if let Some(r) = ops::dunder::call_special(self.vm, &v, "__bytes__", &[]) {
                    let r = r?;
                    if let Some(b) = as_bytes(&r).filter(|_| !is_bytearray(&r)) {
                        return Ok(PercentValue::Str(latin1(&b)));
                    }
                    return Err(PErr(error::type_error(format!(
                        "__bytes__ returned non-bytes (type {})",
                        type_name(&r)
                    ))));
                }
                return Err(PErr(error::type_error(format!(
                    "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
                    type_name(&v)
                ))));
            }
            PercentConv::Repr | PercentConv::Ascii => {
                PercentValue::Str(as_str(&ops::ascii(self.vm, &v)?).unwrap_or("").to_string())
            }
            PercentConv::Char => {
                if let Some(i) = as_int(&v) {
                    match i.to_i64() {
                        Some(c) if (0..256).contains(&c) => PercentValue::Int(i.to_big()),
                        _ => return Err(PErr(error::overflow_error("%c arg not in range(256)"))),
                    }
                } else if let Some(b) = as_bytes(&v).filter(|b| b.len() == 1) {
                    PercentValue::Str(latin1(&b))
                } else {
                    return Err(char_error());
                }
            }
            PercentConv::Int | PercentConv::Float => {
                if let Some(f) = v.as_float() {
                    PercentValue::Float(f)
                } else if let Some(i) = as_int(&v) {
                    PercentValue::Int(i.to_big())
                } else {
                    return Err(PercentError::wrong_type(conv, type_name(&v)).into());
                }
            }
        })
    }
}

/// `%b` is `%s` for bytes: rewrite the conversion characters (same length, so the driver's
/// error indices stay right). Skips mapping keys, flags, widths and precisions.
fn rewrite_b(fmt: &str) -> String {
    let c: Vec<char> = fmt.chars().collect();
    let mut out = c.clone();
    let mut i = 0;
    while i < c.len() {
        if c[i] != '%' {
            i += 1;
            continue;
        }
        i += 1;
        if i < c.len() && c[i] == '(' {
            let mut depth = 1;
            i += 1;
            while i < c.len() && depth > 0 {
                match c[i] {
                    '(' => depth += 1,
                    ')' => depth -= 1,
                    _ => {}
                }
                i += 1;
            }
        }
        while i < c.len() && "-+ #0123456789*.hlL".contains(c[i]) {
            i += 1;
        }
        if i < c.len() {
            if c[i] == 'b' {
                out[i] = 's';
            }
            i += 1;
        }
    }
    out.into_iter().collect()
}

/// `fmt % args` for a bytes or bytearray `fmt`; the result has `fmt`'s type.
pub fn bytes_percent_format(vm: &mut Vm, fmt: &Value, args: &Value) -> PyResult<Value> {
    let text = rewrite_b(&latin1(&as_bytes(fmt).unwrap()));
    let mapping = match args.kind() {
        Some(Kind::Dict | Kind::List | Kind::Range) => true,
        Some(Kind::Instance) => ops::getattr(vm, args, &intern("__getitem__")).is_ok(),
        _ => false,
    };
    let mut pa = BArgs {
        vm,
        args,
        mapping,
        keyed: Value::NONE,
    };
    match pyfmt::percent_format(&text, &mut pa) {
        Ok(s) => Ok(new_like(
            fmt,
            s.chars().map(|c| c as u32 as u8).collect::<Vec<u8>>(),
        )),
        Err(PErr(e)) => Err(bytes_error(e)),
    }
}

/// Adjusts the driver's str-formatting messages to bytes formatting's.
fn bytes_error(e: PyErr) -> PyErr {
    let Some(exc) = crate::types::exc::as_exc(&e.0) else {
        return e;
    };
    let args = exc.args.borrow().clone();
    let msg = as_tuple(&args)
        .and_then(|t| t.first())
        .and_then(as_str)
        .unwrap_or("")
        .to_string();
    if msg == "not all arguments converted during string formatting" {
        return error::type_error("not all arguments converted during bytes formatting");
    }
    // CPython reports a non-ASCII conversion byte as a character range error.
    if let Some(rest) = msg.strip_prefix("unsupported format character '?' (0x") {
        let code = rest.split(')').next().unwrap_or("");
        if u32::from_str_radix(code, 16).is_ok_and(|c| c >= 0x80) {
            return error::overflow_error("character argument not in range(0x110000)");
        }
    }
    e
}
