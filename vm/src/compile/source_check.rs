//! The checks CPython 3.11's tokenizer makes that the parser (which accepts the newest
//! grammar) does not: NUL bytes, inconsistent tabs and spaces (TabError), more than 200
//! nested brackets, 100 indentation levels, and the 3.11 f-string rules (the string ends at
//! the first matching quote, so `f"{f"{x}"}"` is an error; no backslash or `#` in the
//! expression part). One pass over the source, skipping comments and string contents.

use super::{CompileError, CompileErrorKind};

/// CPython's MAXLEVEL (brackets) and MAXINDENT (indentation levels).
const MAX_BRACKETS: usize = 200;
const MAX_INDENT: usize = 100;

/// Universal newlines, as CPython's tokenizer reads source: `\r\n` and `\r` become `\n`.
pub fn normalize_newlines(src: &str) -> std::borrow::Cow<'_, str> {
    if !src.contains('\r') {
        return std::borrow::Cow::Borrowed(src);
    }
    std::borrow::Cow::Owned(src.replace("\r\n", "\n").replace('\r', "\n"))
}

struct Scan<'a> {
    b: &'a [u8],
    i: usize,
    line: u32,
    line_start: usize,
}

impl Scan<'_> {
    fn err(&self, kind: CompileErrorKind, msg: &str, at: usize) -> CompileError {
        let col = String::from_utf8_lossy(&self.b[self.line_start..at.min(self.b.len())])
            .chars()
            .count() as u32;
        CompileError {
            kind,
            msg: msg.to_string(),
            line: self.line,
            col,
            end_col: None,
        }
    }
    fn peek(&self, k: usize) -> u8 {
        self.b.get(self.i + k).copied().unwrap_or(0)
    }
    fn newline(&mut self) {
        self.line += 1;
        self.line_start = self.i;
    }
}

/// The first tokenizer-level error, if any.
pub fn check(src: &str) -> Option<CompileError> {
    let mut s = Scan {
        b: src.as_bytes(),
        i: 0,
        line: 1,
        line_start: 0,
    };
    if let Some(p) = src.find('\0') {
        s.line = 1 + src[..p].matches('\n').count() as u32;
        s.line_start = src[..p].rfind('\n').map_or(0, |n| n + 1);
        return Some(s.err(
            CompileErrorKind::Syntax,
            "source code cannot contain null bytes",
            p,
        ));
    }
    let mut depth = 0usize;
    let mut at_line_start = true;
    // (col with tabs to multiples of 8, col with tabs as 1): CPython's TabError test.
    let mut indents: Vec<(usize, usize)> = vec![(0, 0)];
    while s.i < s.b.len() {
        if at_line_start {
            at_line_start = false;
            let (mut col, mut alt) = (0usize, 0usize);
            while s.i < s.b.len() {
                match s.b[s.i] {
                    b' ' => {
                        col += 1;
                        alt += 1;
                    }
                    b'\t' => {
                        col = (col / 8 + 1) * 8;
                        alt += 1;
                    }
                    0x0c => {
                        col = 0;
                        alt = 0;
                    }
                    _ => break,
                }
                s.i += 1;
            }
            let blank =
                matches!(s.peek(0), b'#' | b'\n' | 0) || (s.peek(0) == b'\\' && s.peek(1) == b'\n');
            if !blank {
                if let Some(e) = indent(&s, &mut indents, col, alt) {
                    return Some(e);
                }
            }
            continue;
        }
        let c = s.b[s.i];
        match c {
            b'#' => {
                while s.i < s.b.len() && s.b[s.i] != b'\n' {
                    s.i += 1;
                }
            }
            b'\\' if s.peek(1) == b'\n' => {
                s.i += 2;
                s.newline();
            }
            b'\n' => {
                s.i += 1;
                s.newline();
                at_line_start = depth == 0;
            }
            b'(' | b'[' | b'{' => {
                if depth >= MAX_BRACKETS {
                    return Some(s.err(
                        CompileErrorKind::Syntax,
                        "too many nested parentheses",
                        s.i,
                    ));
                }
                depth += 1;
                s.i += 1;
            }
            b')' | b']' | b'}' => {
                depth = depth.saturating_sub(1);
                s.i += 1;
            }
            b'"' | b'\'' => {
                if let Some(e) = string(&mut s, false) {
                    return Some(e);
                }
            }
            c if c.is_ascii_alphabetic() || c == b'_' || c >= 0x80 => {
                let start = s.i;
                while s.i < s.b.len()
                    && (s.b[s.i].is_ascii_alphanumeric() || s.b[s.i] == b'_' || s.b[s.i] >= 0x80)
                {
                    s.i += 1;
                }
                if matches!(s.peek(0), b'"' | b'\'') {
                    let p = src[start..s.i].to_ascii_lowercase();
                    if matches!(
                        p.as_str(),
                        "r" | "u" | "f" | "b" | "br" | "rb" | "fr" | "rf"
                    ) {
                        if let Some(e) = string(&mut s, p.contains('f')) {
                            return Some(e);
                        }
                    }
                }
            }
            _ => s.i += 1,
        }
    }
    None
}

fn indent(
    s: &Scan,
    indents: &mut Vec<(usize, usize)>,
    col: usize,
    alt: usize,
) -> Option<CompileError> {
    let tab_error = || {
        Some(s.err(
            CompileErrorKind::Tab,
            "inconsistent use of tabs and spaces in indentation",
            s.i,
        ))
    };
    let &(top, top_alt) = indents.last().unwrap();
    if col == top {
        if alt != top_alt {
            return tab_error();
        }
    } else if col > top {
        if alt <= top_alt {
            return tab_error();
        }
        if indents.len() >= MAX_INDENT {
            return Some(s.err(
                CompileErrorKind::Indentation,
                "too many levels of indentation",
                s.i,
            ));
        }
        indents.push((col, alt));
    } else {
        while indents.len() > 1 && col < indents.last().unwrap().0 {
            indents.pop();
        }
        let &(top, top_alt) = indents.last().unwrap();
        if col == top && alt != top_alt {
            return tab_error();
        }
        // A dedent to no outer level is the parser's error to report.
    }
    None
}

/// Scans a string literal starting at its opening quote (3.11 rules: it ends at the first
/// unescaped matching quote); validates an f-string's replacement fields.
fn string(s: &mut Scan, fstr: bool) -> Option<CompileError> {
    let q = s.b[s.i];
    let triple = s.peek(1) == q && s.peek(2) == q;
    let qlen = if triple { 3 } else { 1 };
    let (start_line, start_ls) = (s.line, s.line_start);
    s.i += qlen;
    let body_start = s.i;
    loop {
        if s.i >= s.b.len() {
            return None; // unterminated: the parser reports it
        }
        let c = s.b[s.i];
        if c == b'\\' {
            let escaped_newline = s.peek(1) == b'\n';
            s.i += 2;
            if escaped_newline {
                s.newline();
            }
            continue;
        }
        if c == b'\n' {
            if !triple {
                return None;
            }
            s.i += 1;
            s.newline();
            continue;
        }
        if c == q && (!triple || (s.peek(1) == q && s.peek(2) == q)) {
            break;
        }
        s.i += 1;
    }
    let body = &s.b[body_start..s.i];
    s.i += qlen;
    if !fstr {
        return None;
    }
    // CPython 3.11 points just past the f-string token.
    let end = s.i;
    fstring_fields(body).map(|msg| {
        let at = Scan {
            b: s.b,
            i: end,
            line: start_line,
            line_start: start_ls,
        };
        at.err(CompileErrorKind::Syntax, &msg, end)
    })
}

/// 3.11's f-string rules over the literal's body: the message of the first violation.
fn fstring_fields(b: &[u8]) -> Option<String> {
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'{' if b.get(i + 1) == Some(&b'{') => i += 2,
            b'}' if b.get(i + 1) == Some(&b'}') => i += 2,
            b'{' => match field(b, i + 1) {
                Ok(j) => i = j,
                Err(msg) => return Some(msg),
            },
            b'}' => return Some("f-string: single '}' is not allowed".into()),
            _ => i += 1,
        }
    }
    None
}

/// One replacement field from just after its `{`: the index after its `}`, or the error.
fn field(b: &[u8], mut i: usize) -> Result<usize, String> {
    let backslash = || Err("f-string expression part cannot include a backslash".to_string());
    let mut open: Vec<u8> = vec![];
    let mut quote: Option<u8> = None;
    while i < b.len() {
        let c = b[i];
        if let Some(q) = quote {
            if c == b'\\' {
                return backslash();
            }
            if c == q {
                quote = None;
            }
            i += 1;
            continue;
        }
        match c {
            b'\\' => return backslash(),
            b'#' => return Err("f-string expression part cannot include '#'".into()),
            b'\'' | b'"' => quote = Some(c),
            b'(' | b'[' | b'{' => open.push(c),
            b')' | b']' => {
                open.pop();
            }
            b'}' if !open.is_empty() => {
                open.pop();
            }
            b'}' => return Ok(i + 1),
            b':' if open.is_empty() => return spec(b, i + 1),
            _ => {}
        }
        i += 1;
    }
    Err(match open.last() {
        Some(&c) => format!("f-string: unmatched '{}'", c as char),
        None => "f-string: expecting '}'".into(),
    })
}

/// A format spec from just after its `:` up to the field's closing `}` (nested fields
/// allowed).
fn spec(b: &[u8], mut i: usize) -> Result<usize, String> {
    while i < b.len() {
        match b[i] {
            b'{' => i = field(b, i + 1)?,
            b'}' => return Ok(i + 1),
            _ => i += 1,
        }
    }
    Err("f-string: expecting '}'".into())
}
