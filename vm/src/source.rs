//! Source files to text as CPython reads them (PEP 263): a UTF-8 BOM, or a coding
//! declaration in a comment on line 1 or 2 (`# -*- coding: latin-1 -*-`), else UTF-8.

use crate::error::PyErr;

/// Why a source file could not be decoded; becomes a SyntaxError without location.
#[derive(Debug)]
pub enum DecodeError {
    /// `encoding problem: NAME` (unknown codec, BOM with another codec, bad bytes).
    Encoding(String),
    /// Invalid UTF-8 with no declaration: (byte, 1-based line).
    NonUtf8(u8, usize),
}

impl DecodeError {
    /// CPython's message, naming the file where it does.
    pub fn message(&self, filename: &str) -> String {
        match self {
            DecodeError::Encoding(name) => format!("encoding problem: {name}"),
            DecodeError::NonUtf8(b, line) => format!(
                "Non-UTF-8 code starting with '\\x{b:02x}' in file {filename} on line {line}, but no encoding declared; see https://peps.python.org/pep-0263/ for details"
            ),
        }
    }
    pub fn into_exception(self, filename: &str) -> PyErr {
        crate::error::syntax_error(self.message(filename))
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Codec {
    Utf8,
    Latin1,
    Ascii,
    Cp1252,
}

/// CPython's `get_normal_name` followed by the codec registry's alias lookup.
fn lookup(declared: &str) -> Option<(Codec, String)> {
    let lower = declared.to_ascii_lowercase();
    let normal = if lower == "utf-8" || lower.starts_with("utf-8-") {
        "utf-8".to_string()
    } else if ["latin-1", "iso-8859-1", "iso-latin-1"]
        .iter()
        .any(|p| lower == *p || lower.starts_with(&format!("{p}-")))
    {
        "iso-8859-1".to_string()
    } else {
        declared.to_string()
    };
    let key: String = normal
        .to_ascii_lowercase()
        .chars()
        .map(|c| if c == '-' || c == ' ' { '_' } else { c })
        .collect();
    let codec = match key.as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "cp65001" => Codec::Utf8,
        "iso_8859_1" | "iso8859_1" | "latin_1" | "latin1" | "l1" | "8859" | "cp819" | "latin" => {
            Codec::Latin1
        }
        "ascii" | "us_ascii" | "646" | "us" => Codec::Ascii,
        "cp1252" | "windows_1252" => Codec::Cp1252,
        _ => return None,
    };
    Some((codec, normal))
}

/// The coding declared on the first two lines, if any.
fn declared_encoding(bytes: &[u8]) -> Option<String> {
    for (i, line) in bytes.split(|&b| b == b'\n').take(2).enumerate() {
        let text = String::from_utf8_lossy(line);
        let t = text.trim_start_matches([' ', '\t', '\x0c']);
        if !t.starts_with('#') {
            // Only a comment or blank first line lets line 2 declare the coding.
            if i == 0 && !t.trim().is_empty() {
                return None;
            }
            continue;
        }
        if let Some(pos) = t.find("coding") {
            let rest = &t[pos + 6..];
            if let Some(rest) = rest.strip_prefix([':', '=']) {
                let name: String = rest
                    .trim_start_matches([' ', '\t'])
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
                    .collect();
                if !name.is_empty() {
                    return Some(name);
                }
            }
        }
    }
    None
}

/// Windows-1252's 0x80..0x9F (0 = undefined).
const CP1252_HIGH: [u16; 32] = [
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
    0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC,
    0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
];

pub fn decode(bytes: &[u8]) -> Result<String, DecodeError> {
    let (bom, body) = match bytes.strip_prefix(b"\xef\xbb\xbf") {
        Some(rest) => (true, rest),
        None => (false, bytes),
    };
    let declared = declared_encoding(body);
    let codec = match &declared {
        None => Codec::Utf8,
        Some(name) => match lookup(name) {
            Some((c, _)) if bom && c != Codec::Utf8 => {
                let (_, normal) = lookup(name).unwrap();
                return Err(DecodeError::Encoding(format!("{normal} with BOM")));
            }
            Some((c, _)) => c,
            None => return Err(DecodeError::Encoding(name.clone())),
        },
    };
    let problem = || DecodeError::Encoding(declared.clone().unwrap_or_default());
    match codec {
        Codec::Utf8 => String::from_utf8(body.to_vec()).map_err(|e| {
            let at = e.utf8_error().valid_up_to();
            if declared.is_some() {
                return problem();
            }
            let line = 1 + body[..at].iter().filter(|&&b| b == b'\n').count();
            DecodeError::NonUtf8(body[at], line)
        }),
        Codec::Latin1 => Ok(body.iter().map(|&b| b as char).collect()),
        Codec::Ascii => {
            if body.is_ascii() {
                Ok(String::from_utf8(body.to_vec()).unwrap())
            } else {
                Err(problem())
            }
        }
        Codec::Cp1252 => body
            .iter()
            .map(|&b| match b {
                0x80..=0x9f => match CP1252_HIGH[(b - 0x80) as usize] {
                    0 => None,
                    c => char::from_u32(c as u32),
                },
                _ => Some(b as char),
            })
            .collect::<Option<String>>()
            .ok_or_else(problem),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declarations() {
        assert_eq!(
            decode(b"# -*- coding: latin-1 -*-\nx = '\xe9'\n").unwrap(),
            "# -*- coding: latin-1 -*-\nx = '\u{e9}'\n"
        );
        assert_eq!(
            decode(b"#!/bin/python\n# vim: fileencoding=cp1252\n'\x80'")
                .unwrap()
                .chars()
                .last(),
            Some('\'')
        );
        assert!(decode(b"x = 1\n# coding: latin-1\n'\xe9'").is_err());
        assert_eq!(decode(b"\xef\xbb\xbfprint(1)").unwrap(), "print(1)");
        assert_eq!(
            decode(b"# coding: foo\n").unwrap_err().message("f"),
            "encoding problem: foo"
        );
        assert_eq!(
            decode(b"\xef\xbb\xbf# coding: latin-1\n")
                .unwrap_err()
                .message("f"),
            "encoding problem: iso-8859-1 with BOM"
        );
        assert!(matches!(
            decode(b"a\n'\xe9'"),
            Err(DecodeError::NonUtf8(0xe9, 2))
        ));
    }
}
