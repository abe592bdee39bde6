//! Uncaught-exception reports byte for byte as CPython 3.11's `PyErr_Display`: the chain,
//! one `File ..., line N, in name` entry per frame with its source line and the caret line
//! under the failing expression (`^^^^`, or `~~^~~` for binary operators and subscripts),
//! repeated entries folded, SyntaxError's location block, and "Did you mean" suggestions.

use crate::bytecode::Position;
use crate::compile::CompileError;
use crate::error::PyErr;
use crate::ops;
use crate::types::dict::DictObj;
use crate::types::exc::{as_exc, TbEntry};
use crate::types::str::{as_str, intern, new_str};
use crate::types::tt;
use crate::types::typeobj::{isinstance_ptr, type_data_ptr};
use crate::value::Value;
use crate::vm::Vm;
use std::fmt::Write;

thread_local! {
    static SOURCES: std::cell::RefCell<std::collections::HashMap<String, Vec<String>>> = Default::default();
}

/// Records a file's text as compiled, so tracebacks quote what ran.
pub fn register_source(filename: &str, src: &str) {
    if is_pseudo_file(filename) {
        return;
    }
    SOURCES.with(|s| {
        s.borrow_mut().insert(
            filename.to_string(),
            src.split('\n').map(|l| l.to_string()).collect(),
        )
    });
}

/// `<string>`, `<stdin>`, ...: CPython shows no source line for these.
fn is_pseudo_file(filename: &str) -> bool {
    filename.starts_with('<') && filename.ends_with('>')
}

/// Line `line` (1-based) of a file, without its newline; read from disk on first use.
fn source_line(filename: &str, line: u32) -> Option<String> {
    if is_pseudo_file(filename) || line == 0 {
        return None;
    }
    let get = || {
        SOURCES.with(|s| {
            s.borrow()
                .get(filename)
                .map(|l| l.get(line as usize - 1).cloned())
        })
    };
    match get() {
        Some(l) => l,
        None => {
            let bytes = std::fs::read(filename).ok()?;
            let text = crate::source::decode(&bytes).ok()?;
            register_source(filename, &text);
            get().flatten()
        }
    }
}

const WS: [char; 3] = [' ', '\t', '\x0c'];

fn exc_type_name(v: &Value) -> String {
    let td = type_data_ptr(crate::types::type_ptr(v));
    if td.is_builtin {
        return td.name.clone();
    }
    let module = DictObj::get_str(&td.dict, &intern("__module__"));
    let qual = DictObj::get_str(&td.dict, &intern("__qualname__"))
        .and_then(|q| as_str(&q).map(str::to_string))
        .unwrap_or_else(|| td.name.clone());
    match module.as_ref().and_then(|m| as_str(m)) {
        Some(m) if m != "builtins" && m != "__main__" => format!("{m}.{qual}"),
        _ => qual,
    }
}

/// The full report for an uncaught exception (with its chain).
pub fn format_exception(vm: &mut Vm, exc: &Value) -> String {
    let mut out = String::new();
    let mut seen = vec![];
    format_chain(vm, exc, &mut out, &mut seen);
    out
}

fn format_chain(vm: &mut Vm, exc: &Value, out: &mut String, seen: &mut Vec<usize>) {
    seen.push(exc.ptr() as usize);
    let Some(x) = as_exc(exc) else {
        let _ = writeln!(out, "{}", exc_type_name(exc));
        return;
    };
    let cause = x.cause.borrow().clone();
    let context = x.context.borrow().clone();
    // Only exception instances chain (an unset slot may hold a non-exception value).
    let cause = if as_exc(&cause).is_some() {
        cause
    } else {
        Value::NONE
    };
    let context = if as_exc(&context).is_some() {
        context
    } else {
        Value::NONE
    };
    if !cause.is_none() && !seen.contains(&(cause.ptr() as usize)) {
        format_chain(vm, &cause, out, seen);
        out.push_str("\nThe above exception was the direct cause of the following exception:\n\n");
    } else if !x.suppress_context.get()
        && !context.is_none()
        && !seen.contains(&(context.ptr() as usize))
    {
        format_chain(vm, &context, out, seen);
        out.push_str("\nDuring handling of the above exception, another exception occurred:\n\n");
    }
    let tb = x.traceback.borrow().clone();
    if !tb.is_empty() {
        out.push_str("Traceback (most recent call last):\n");
        format_entries(&tb, out);
    }
    let name = exc_type_name(exc);
    let msg = if isinstance_ptr(exc, tt().syntax_error) {
        syntax_error_block(vm, exc, out)
    } else {
        None
    };
    let msg = match msg {
        Some(m) => m,
        None => {
            ops::repr::str_string(vm, exc).unwrap_or_else(|_| "<exception str() failed>".into())
        }
    };
    out.push_str(&name);
    if !msg.is_empty() {
        out.push_str(": ");
        out.push_str(&msg);
    }
    if let Some(s) = crate::suggest::offer(vm, exc, &tb) {
        let _ = write!(out, ". Did you mean: '{s}'?");
    }
    out.push('\n');
}

/// Traceback entries, innermost last; runs of the same (file, line, name) beyond three are
/// folded into `[Previous line repeated N more times]`.
fn format_entries(tb: &[TbEntry], out: &mut String) {
    const CUTOFF: usize = 3;
    let mut last: Option<(&str, u32, &str)> = None;
    let mut count = 0;
    let repeated = |out: &mut String, count: usize| {
        if count > CUTOFF {
            let n = count - CUTOFF;
            let _ = writeln!(
                out,
                "  [Previous line repeated {n} more time{}]",
                if n > 1 { "s" } else { "" }
            );
        }
    };
    for entry in tb.iter().rev() {
        let key = (
            entry.code.filename.as_str(),
            entry.line,
            entry.code.name.as_str(),
        );
        if last != Some(key) {
            repeated(out, count);
            last = Some(key);
            count = 0;
        }
        count += 1;
        if count <= CUTOFF {
            format_entry(entry, out);
        }
    }
    repeated(out, count);
}

fn format_entry(entry: &TbEntry, out: &mut String) {
    let code = &entry.code;
    let _ = writeln!(
        out,
        "  File \"{}\", line {}, in {}",
        code.filename, entry.line, code.name
    );
    let Some(line) = source_line(&code.filename, entry.line) else {
        return;
    };
    let lead = line.chars().take_while(|c| WS.contains(c)).count();
    let shown: String = line.chars().skip(lead).collect();
    let _ = writeln!(out, "    {shown}");
    let pos = code.positions.get(entry.instr as usize).copied();
    if let Some(p) = pos.filter(|p| p.line == entry.line && p.line > 0) {
        if let Some(carets) = caret_line(&line, lead, p) {
            let _ = writeln!(out, "{carets}");
        }
    }
}

/// The `^`/`~` line under a traceback entry's source line (CPython's `tb_displayline`),
/// or None when the highlighted range is the whole line.
fn caret_line(line: &str, lead: usize, p: Position) -> Option<String> {
    let start = char_offset(line, p.col as usize)?;
    let mut end = char_offset(line, p.end_col as usize)?;
    let mut anchors = None;
    if p.line == p.end_line {
        let seg: String = line
            .chars()
            .skip(start)
            .take(end.saturating_sub(start))
            .collect();
        anchors = segment_anchors(&seg).map(|(l, r)| (l + start, r + start));
    } else {
        let chars: Vec<char> = line.chars().collect();
        end = chars
            .iter()
            .rposition(|c| !WS.contains(c))
            .map_or(0, |i| i + 1);
    }
    let len = line.chars().count();
    if end.saturating_sub(start) == len - lead && anchors.is_none() {
        return None;
    }
    let mut s = String::from("    ");
    for off in lead + 1..=end {
        s.push(if off <= start {
            ' '
        } else {
            match anchors {
                Some((l, r)) if l < off && off <= r => '^',
                Some(_) => '~',
                None => '^',
            }
        });
    }
    Some(s)
}

/// A UTF-8 byte column as a character column (None if it is not on a boundary).
fn char_offset(line: &str, byte: usize) -> Option<usize> {
    let byte = byte.min(line.len());
    line.get(..byte).map(|s| s.chars().count())
}

/// For a segment that parses as a lone binary operation or subscript: the character range
/// to mark with `^` (the operator, or the brackets' contents), the rest with `~`.
fn segment_anchors(seg: &str) -> Option<(usize, usize)> {
    use ruff_python_ast::{Expr, Stmt};
    use ruff_text_size::Ranged;
    let parsed = ruff_python_parser::parse_module(seg).ok()?;
    let body = &parsed.syntax().body;
    let [Stmt::Expr(e)] = body.as_slice() else {
        return None;
    };
    let bytes = seg.as_bytes();
    let (l, r) = match &*e.value {
        Expr::BinOp(b) => {
            let from = b.left.range().end().to_usize();
            let to = b.right.range().start().to_usize();
            let i = (from..to).find(|&i| !matches!(bytes[i], b' ' | b'\t' | b'\x0c'))?;
            let two = i + 1 < to && !matches!(bytes[i + 1], b' ' | b'\t' | b'\x0c');
            (i, i + 1 + two as usize)
        }
        Expr::Subscript(s) => (
            s.value.range().end().to_usize(),
            s.slice.range().end().to_usize() + 1,
        ),
        _ => return None,
    };
    Some((
        char_offset(seg, l)?,
        char_offset(seg, r.min(seg.len()))? + (r > seg.len()) as usize,
    ))
}

/// SyntaxError's own block (`File ..., line N`, the text and carets); returns the message
/// to print after the type name. None when the exception lacks the location attributes.
fn syntax_error_block(vm: &mut Vm, exc: &Value, out: &mut String) -> Option<String> {
    let x = as_exc(exc)?;
    let d = x.dict.borrow().clone()?;
    let attr = |k: &str| DictObj::get_str(&d, &intern(k)).filter(|v| !v.is_none());
    let msg = ops::repr::str_string(vm, &attr("msg")?).ok()?;
    let filename = match attr("filename") {
        Some(f) => ops::repr::str_string(vm, &f).ok()?,
        None => "<string>".into(),
    };
    let int = |k: &str| attr(k).and_then(|v| v.as_small_int());
    let lineno = int("lineno")?;
    let text = attr("text").and_then(|t| as_str(&t).map(str::to_string));
    // Subclasses (IndentationError, TabError) show one caret, as in CPython.
    let exact = crate::types::type_ptr(exc) == tt().syntax_error;
    let end = if exact {
        (int("end_lineno"), int("end_offset"))
    } else {
        (None, None)
    };
    let loc = Location {
        lineno,
        offset: int("offset"),
        end_lineno: end.0,
        end_offset: end.1,
    };
    location_block(out, &filename, &loc, text.as_deref());
    Some(msg)
}

struct Location {
    lineno: i64,
    offset: Option<i64>,
    end_lineno: Option<i64>,
    end_offset: Option<i64>,
}

/// `  File "name", line N` and the error text with carets (CPython's `print_exception`
/// for syntax errors).
fn location_block(out: &mut String, filename: &str, loc: &Location, text: Option<&str>) {
    let _ = writeln!(out, "  File \"{filename}\", line {}", loc.lineno);
    let Some(text) = text else { return };
    let size = text.len() as i64;
    let mut end_offset = loc.end_offset.unwrap_or(-1);
    if loc.end_lineno.unwrap_or(loc.lineno) > loc.lineno {
        end_offset = size;
    }
    end_offset = end_offset.min(size + 1);
    error_text(out, loc.offset.unwrap_or(-1), end_offset, text);
}

/// CPython's `print_error_text`: the offending line without its indentation and the
/// carets from `offset` to `end_offset` (1-based).
fn error_text(out: &mut String, offset: i64, end_offset: i64, text: &str) {
    let reps = if end_offset > 0 && end_offset > offset {
        end_offset - offset
    } else {
        1
    };
    let mut offset = offset - 1;
    let mut text = text;
    while let Some(rest) = text.strip_prefix(WS) {
        text = rest;
        offset -= 1;
    }
    let len = text.strip_suffix('\n').unwrap_or(text).len() as i64;
    offset = offset.min(len);
    while let Some(nl) = text.find('\n') {
        if nl as i64 >= offset {
            break;
        }
        text = &text[nl + 1..];
        offset -= nl as i64 + 1;
    }
    out.push_str("    ");
    out.push_str(text);
    if !text.ends_with('\n') {
        out.push('\n');
    }
    if offset < 0 {
        return;
    }
    out.push_str("    ");
    out.push_str(&" ".repeat(offset as usize));
    out.push_str(&"^".repeat(reps as usize));
    out.push('\n');
}

/// A SyntaxError (or IndentationError/TabError) exception for a compile error, with the
/// attributes CPython sets: `msg`, `filename`, `lineno`, `offset`, `text`, `end_lineno`,
/// `end_offset`; `args` = `(msg, (filename, lineno, offset, text, end_lineno, end_offset))`.
pub fn syntax_error_exc(e: &CompileError, filename: &str, src: &str) -> PyErr {
    let ty = match e.exception_name() {
        "IndentationError" => tt().indentation_error,
        "TabError" => tt().tab_error,
        // Nesting too deep to parse or compile: CPython raises these without a location.
        "RecursionError" => return PyErr::new(tt().recursion_error, e.msg.clone()),
        "MemoryError" => return PyErr::new(tt().memory_error, e.msg.clone()),
        "NotImplementedError" => {
            return PyErr::new(
                tt().not_implemented_error,
                format!("{} ({}, line {})", e.msg, filename, e.line),
            )
        }
        _ => tt().syntax_error,
    };
    let text = src
        .split('\n')
        .nth(e.line.saturating_sub(1) as usize)
        .map(|l| new_str(format!("{l}\n")))
        .unwrap_or(Value::NONE);
    let offset = Value::int(e.col as i64 + 1);
    let end_offset = Value::int(e.end_col.map_or(e.col as i64 + 1, |c| c as i64 + 1));
    let lineno = Value::int(e.line as i64);
    let loc = crate::types::tuple::new_tuple(vec![
        new_str(filename),
        lineno.clone(),
        offset.clone(),
        text.clone(),
        lineno.clone(),
        end_offset.clone(),
    ]);
    let err = PyErr::with_args(ty, vec![new_str(e.msg.as_str()), loc]);
    if let Some(x) = as_exc(&err.0) {
        let d = DictObj::new_value();
        for (k, v) in [
            ("msg", new_str(e.msg.as_str())),
            ("filename", new_str(filename)),
            ("lineno", lineno.clone()),
            ("offset", offset),
            ("text", text),
            ("end_lineno", lineno),
            ("end_offset", end_offset),
            ("print_file_and_line", Value::NONE),
        ] {
            DictObj::set_str(&d, intern(k), v);
        }
        *x.dict.borrow_mut() = Some(d);
    }
    err
}

/// CPython's report of a compile error in the main program (no traceback).
pub fn format_compile_error(e: &CompileError, filename: &str, src: &str) -> String {
    use crate::compile::CompileErrorKind as K;
    match e.kind {
        K::NotSupported => {
            return format!(
                "NotImplementedError: {} ({}, line {})\n",
                e.msg, filename, e.line
            )
        }
        K::Recursion | K::Memory if e.msg.is_empty() => return format!("{}\n", e.exception_name()),
        K::Recursion | K::Memory => return format!("{}: {}\n", e.exception_name(), e.msg),
        _ => {}
    }
    let mut out = String::new();
    let mut text = src
        .split('\n')
        .nth(e.line.saturating_sub(1) as usize)
        .map(|l| format!("{l}\n"));
    // CPython's tokenizer reports these without a caret; a NUL byte also ends the text.
    let null_byte = e.msg == "source code cannot contain null bytes";
    if null_byte {
        text = text.map(|t| t.split('\0').next().unwrap_or("").to_string());
    }
    let exact = e.exception_name() == "SyntaxError";
    let loc = Location {
        lineno: e.line as i64,
        offset: if e.kind == K::Tab || null_byte {
            None
        } else {
            Some(e.col as i64 + 1)
        },
        end_lineno: None,
        end_offset: if exact {
            e.end_col.map(|c| c as i64 + 1)
        } else {
            None
        },
    };
    location_block(&mut out, filename, &loc, text.as_deref());
    let _ = writeln!(out, "{}: {}", e.exception_name(), e.msg);
    out
}
