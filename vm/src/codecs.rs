//! Text codecs: UTF-8, ASCII and Latin-1 with CPython's error handlers and its
//! `UnicodeDecodeError` / `UnicodeEncodeError` objects.
//!
//! pyrun strings are UTF-8 without lone surrogates, so the surrogate handlers only matter
//! where CPython would produce surrogates (decoding), which pyrun reports as unsupported.

use crate::error::{self, PyErr, PyResult};
use crate::types::bytes::new_bytes;
use crate::types::dict::DictObj;
use crate::types::exc::as_exc;
use crate::types::str::{intern, new_str};
use crate::types::tt;
use crate::value::Value;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Codec {
    Utf8,
    Ascii,
    Latin1,
}

impl Codec {
    /// The canonical name used in error messages.
    pub fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
        }
    }
}

/// Lower-cases and turns runs of punctuation into one `_`, as `encodings.normalize_encoding`.
fn normalize(name: &str) -> String {
    let mut out = String::new();
    let mut pending = false;
    for c in name.chars() {
        if c.is_alphanumeric() || c == '.' {
            if pending && !out.is_empty() {
                out.push('_');
            }
            pending = false;
            out.extend(c.to_lowercase());
        } else {
            pending = true;
        }
    }
    out
}

/// Codecs CPython has that pyrun does not implement (reported as such, not as unknown).
const UNSUPPORTED: &[&str] = &[
    "utf_16",
    "utf_16_le",
    "utf_16_be",
    "utf_16le",
    "utf_16be",
    "u16",
    "utf16",
    "utf_32",
    "utf_32_le",
    "utf_32_be",
    "u32",
    "utf32",
    "utf_7",
    "utf_8_sig",
    "cp1252",
    "windows_1252",
    "cp437",
    "cp850",
    "cp1251",
    "iso8859_15",
    "iso_8859_15",
    "latin_9",
    "koi8_r",
    "mac_roman",
    "shift_jis",
    "euc_jp",
    "gbk",
    "gb2312",
    "gb18030",
    "big5",
    "idna",
    "punycode",
    "unicode_escape",
    "raw_unicode_escape",
];

/// Finds a codec by any of CPython's names for it.
pub fn lookup(name: &str) -> PyResult<Codec> {
    let n = normalize(name);
    let codec = match n.as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "utf8_ucs2" | "utf8_ucs4" | "cp65001" => Codec::Utf8,
        "ascii" | "us_ascii" | "646" | "us" | "ansi_x3.4_1968" | "ansi_x3_4_1968"
        | "ansi_x3.4_1986" | "cp367" | "csascii" | "ibm367" | "iso646_us" | "iso_646.irv_1991"
        | "iso_ir_6" => Codec::Ascii,
        "latin_1" | "latin1" | "latin" | "l1" | "iso8859_1" | "iso_8859_1" | "8859" | "cp819"
        | "csisolatin1" | "ibm819" | "iso_8859_1_1987" | "iso_ir_100" => Codec::Latin1,
        _ if UNSUPPORTED.contains(&n.as_str()) => {
            return Err(error::not_implemented_error(format!(
                "the '{name}' codec is not supported yet by pyrun"
            )))
        }
        _ => {
            return Err(PyErr::new(
                tt().lookup_error,
                format!("unknown encoding: {name}"),
            ))
        }
    };
    Ok(codec)
}

fn unknown_handler(errors: &str) -> PyErr {
    PyErr::new(
        tt().lookup_error,
        format!("unknown error handler name '{errors}'"),
    )
}

fn set_attrs(e: &PyErr, names: [&str; 5], vals: [Value; 5]) {
    if let Some(x) = as_exc(&e.0) {
        let d = DictObj::new_value();
        for (n, v) in names.iter().zip(vals) {
            DictObj::set_str(&d, intern(n), v);
        }
        *x.dict.borrow_mut() = Some(d);
    }
}

/// `UnicodeDecodeError(encoding, object, start, end, reason)`.
pub fn decode_error(codec: Codec, data: &[u8], start: usize, end: usize, reason: &str) -> PyErr {
    decode_error_named(codec.name(), data, start, end, reason)
}

/// `UnicodeDecodeError` for a codec given by name (`_codecs`' utf-16, charmap, ...).
pub fn decode_error_named(
    codec: &str,
    data: &[u8],
    start: usize,
    end: usize,
    reason: &str,
) -> PyErr {
    let vals = [
        new_str(codec),
        new_bytes(data.to_vec()),
        Value::int(start as i64),
        Value::int(end as i64),
        new_str(reason),
    ];
    let e = PyErr::with_args(tt().unicode_decode_error, vals.to_vec());
    set_attrs(&e, ["encoding", "object", "start", "end", "reason"], vals);
    e
}

/// `UnicodeEncodeError(encoding, object, start, end, reason)`; positions are code points.
pub fn encode_error(codec: Codec, s: &str, start: usize, end: usize, reason: &str) -> PyErr {
    encode_error_named(codec.name(), s, start, end, reason)
}

/// `UnicodeEncodeError` for a codec given by name.
pub fn encode_error_named(codec: &str, s: &str, start: usize, end: usize, reason: &str) -> PyErr {
    let vals = [
        new_str(codec),
        new_str(s),
        Value::int(start as i64),
        Value::int(end as i64),
        new_str(reason),
    ];
    let e = PyErr::with_args(tt().unicode_encode_error, vals.to_vec());
    set_attrs(&e, ["encoding", "object", "start", "end", "reason"], vals);
    e
}

/// `str()` of a UnicodeDecodeError / UnicodeEncodeError built from its five arguments.
pub fn unicode_error_message(is_decode: bool, args: &[Value]) -> Option<String> {
    use crate::types::bytes::as_bytes;
    use crate::types::int::as_int;
    use crate::types::str::as_str;
    if args.len() != 5 {
        return None;
    }
    let enc = as_str(&args[0])?;
    let start = as_int(&args[2])?.to_i64()?;
    let end = as_int(&args[3])?.to_i64()?;
    let reason = as_str(&args[4])?;
    if is_decode {
        let obj = as_bytes(&args[1])?;
        if start >= 0 && (start as usize) < obj.len() && end == start + 1 {
            return Some(format!(
                "'{enc}' codec can't decode byte 0x{:02x} in position {start}: {reason}",
                obj[start as usize]
            ));
        }
        Some(format!(
            "'{enc}' codec can't decode bytes in position {start}-{}: {reason}",
            end - 1
        ))
    } else {
        let obj = as_str(&args[1])?;
        if start >= 0 && end == start + 1 {
            if let Some(c) = obj.chars().nth(start as usize) {
                let n = c as u32;
                let shown = if n <= 0xff {
                    format!("\\x{n:02x}")
                } else if n <= 0xffff {
                    format!("\\u{n:04x}")
                } else {
                    format!("\\U{n:08x}")
                };
                return Some(format!(
                    "'{enc}' codec can't encode character '{shown}' in position {start}: {reason}"
                ));
            }
        }
        Some(format!(
            "'{enc}' codec can't encode characters in position {start}-{}: {reason}",
            end - 1
        ))
    }
}

fn surrogates_unsupported(errors: &str) -> PyErr {
    error::not_implemented_error(format!(
        "the '{errors}' error handler is not supported yet by pyrun when decoding"
    ))
}

/// Applies the decode error handler to the bad bytes `data[start..end]`.
fn decode_handler(
    codec: Codec,
    errors: &str,
    data: &[u8],
    start: usize,
    end: usize,
    reason: &str,
    out: &mut String,
) -> PyResult<()> {
    match errors {
        "strict" => Err(decode_error(codec, data, start, end, reason)),
        "ignore" => Ok(()),
        "replace" => {
            out.push('\u{FFFD}');
            Ok(())
        }
        "backslashreplace" => {
            for b in &data[start..end] {
                out.push_str(&format!("\\x{b:02x}"));
            }
            Ok(())
        }
        "surrogateescape" | "surrogatepass" => Err(surrogates_unsupported(errors)),
        "xmlcharrefreplace" | "namereplace" => Err(error::type_error(
            "don't know how to handle UnicodeDecodeError in error callback",
        )),
        _ => Err(unknown_handler(errors)),
    }
}

/// `data.decode(encoding, errors)`.
pub fn decode(data: &[u8], encoding: &str, errors: &str) -> PyResult<String> {
    let codec = lookup(encoding)?;
    decode_with(codec, data, errors)
}

pub fn decode_with(codec: Codec, data: &[u8], errors: &str) -> PyResult<String> {
    let mut out = String::with_capacity(data.len());
    match codec {
        Codec::Utf8 => {
            let mut pos = 0;
            loop {
                match std::str::from_utf8(&data[pos..]) {
                    Ok(s) => {
                        out.push_str(s);
                        break;
                    }
                    Err(e) => {
                        let good = e.valid_up_to();
                        // SAFETY: `valid_up_to` bytes were just validated.
                        out.push_str(unsafe {
                            std::str::from_utf8_unchecked(&data[pos..pos + good])
                        });
                        let start = pos + good;
                        let (end, reason) = match e.error_len() {
                            Some(n) => {
                                let b = data[start];
                                let bad_start = matches!(b, 0x80..=0xC1 | 0xF5..=0xFF);
                                (
                                    start + n,
                                    if bad_start {
                                        "invalid start byte"
                                    } else {
                                        "invalid continuation byte"
                                    },
                                )
                            }
                            None => (data.len(), "unexpected end of data"),
                        };
                        decode_handler(codec, errors, data, start, end, reason, &mut out)?;
                        pos = end;
                    }
                }
            }
        }
        Codec::Ascii => {
            for (i, &b) in data.iter().enumerate() {
                if b < 0x80 {
                    out.push(b as char);
                } else {
                    decode_handler(
                        codec,
                        errors,
                        data,
                        i,
                        i + 1,
                        "ordinal not in range(128)",
                        &mut out,
                    )?;
                }
            }
        }
        Codec::Latin1 => out.extend(data.iter().map(|&b| b as char)),
    }
    Ok(out)
}

/// `s.encode(encoding, errors)`.
pub fn encode(s: &str, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    let codec = lookup(encoding)?;
    encode_with(codec, s, errors)
}

pub fn encode_with(codec: Codec, s: &str, errors: &str) -> PyResult<Vec<u8>> {
    let limit = match codec {
        Codec::Utf8 => return Ok(s.as_bytes().to_vec()),
        Codec::Ascii => 0x80,
        Codec::Latin1 => 0x100,
    };
    let reason = if limit == 0x80 {
        "ordinal not in range(128)"
    } else {
        "ordinal not in range(256)"
    };
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if (c as u32) < limit {
            out.push(c as u32 as u8);
            i += 1;
            continue;
        }
        // The handler gets the whole run of unencodable characters.
        let start = i;
        while i < chars.len() && chars[i] as u32 >= limit {
            i += 1;
        }
        let bad = &chars[start..i];
        match errors {
            "strict" | "surrogateescape" | "surrogatepass" => {
                return Err(encode_error(codec, s, start, i, reason))
            }
            "ignore" => {}
            "replace" => out.extend(bad.iter().map(|_| b'?')),
            "backslashreplace" => {
                for &c in bad {
                    let n = c as u32;
                    let esc = if n <= 0xff {
                        format!("\\x{n:02x}")
                    } else if n <= 0xffff {
                        format!("\\u{n:04x}")
                    } else {
                        format!("\\U{n:08x}")
                    };
                    out.extend_from_slice(esc.as_bytes());
                }
            }
            "xmlcharrefreplace" => {
                for &c in bad {
                    out.extend_from_slice(format!("&#{};", c as u32).as_bytes());
                }
            }
            "namereplace" => {
                return Err(error::not_implemented_error(
                    "the 'namereplace' error handler is not supported yet by pyrun",
                ))
            }
            _ => return Err(unknown_handler(errors)),
        }
    }
    Ok(out)
}
