//! `_string`: the format-string parser `string.Formatter` runs on (CPython's
//! `MarkupIterator` and `FieldNameIterator`).

use crate::builtins::args::Args;
use crate::error::{self, PyResult};
use crate::types::list::new_list;
use crate::types::str::{as_str, new_str};
use crate::types::tuple::new_tuple;
use crate::types::type_name;
use crate::value::Value;
use crate::vm::Vm;

fn str_arg<'a>(args: &'a [Value], kw: &'a [Value], name: &'static str) -> PyResult<&'a str> {
    let a = Args::new(name, args, kw);
    a.check(1, 1, &[])?;
    as_str(&a.pos[0]).ok_or_else(|| {
        error::type_error(format!(
            "{name}() argument must be str, not {}",
            type_name(&a.pos[0])
        ))
    })
}

/// One parsed piece: literal text and, if a replacement field follows, its name,
/// spec and conversion.
type Piece = (String, Option<(String, String, Option<char>)>);

fn parse(s: &str) -> PyResult<Vec<Piece>> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = vec![];
    let mut i = 0;
    while i < chars.len() {
        let mut literal = String::new();
        let mut field = None;
        while i < chars.len() {
            let c = chars[i];
            if c == '{' && chars.get(i + 1) == Some(&'{')
                || c == '}' && chars.get(i + 1) == Some(&'}')
            {
                literal.push(c);
                i += 2;
                // CPython yields the text up to and including the escaped brace.
                break;
            }
            if c == '}' {
                return Err(error::value_error(
                    "Single '}' encountered in format string",
                ));
            }
            if c == '{' {
                i += 1;
                let start = i;
                let mut depth = 1;
                let mut in_bracket = false;
                while i < chars.len() {
                    match chars[i] {
                        '[' => in_bracket = true,
                        ']' => in_bracket = false,
                        '{' if !in_bracket => depth += 1,
                        '}' if !in_bracket => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
                if i >= chars.len() {
                    return Err(error::value_error(if depth > 0 && start == chars.len() {
                        "Single '{' encountered in format string"
                    } else {
                        "expected '}' before end of string"
                    }));
                }
                field = Some(parse_field(&chars[start..i])?);
                i += 1;
                break;
            }
            literal.push(c);
            i += 1;
        }
        out.push((literal, field));
    }
    Ok(out)
}

/// `name[!conv][:spec]` inside braces.
fn parse_field(f: &[char]) -> PyResult<(String, String, Option<char>)> {
    let mut i = 0;
    let mut in_bracket = false;
    while i < f.len() {
        match f[i] {
            '[' => in_bracket = true,
            ']' => in_bracket = false,
            '!' | ':' if !in_bracket => break,
            _ => {}
        }
        i += 1;
    }
    let name: String = f[..i].iter().collect();
    let mut conv = None;
    if i < f.len() && f[i] == '!' {
        let Some(&c) = f.get(i + 1) else {
            return Err(error::value_error(
                "end of string while looking for conversion specifier",
            ));
        };
        conv = Some(c);
        i += 2;
        if i < f.len() && f[i] != ':' {
            return Err(error::value_error(
                "expected ':' after conversion specifier",
            ));
        }
    }
    let spec: String = if i < f.len() {
        f[i + 1..].iter().collect()
    } else {
        String::new()
    };
    Ok((name, spec, conv))
}

fn formatter_parser(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let s = str_arg(args, kw, "formatter_parser")?;
    let items = parse(s)?
        .into_iter()
        .map(|(lit, field)| match field {
            Some((name, spec, conv)) => new_tuple(vec![
                new_str(lit),
                new_str(name),
                new_str(spec),
                conv.map_or(Value::NONE, |c| new_str(c.to_string())),
            ]),
            None => new_tuple(vec![new_str(lit), Value::NONE, Value::NONE, Value::NONE]),
        })
        .collect();
    crate::ops::iter(vm, &new_list(items))
}

/// An index or attribute key: an int when it is all digits.
fn key_value(k: &str) -> Value {
    match k.parse::<i64>() {
        Ok(n) if !k.is_empty() && k.bytes().all(|b| b.is_ascii_digit()) => Value::int(n),
        _ => new_str(k),
    }
}

fn formatter_field_name_split(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let s = str_arg(args, kw, "formatter_field_name_split")?;
    let end = s.find(['.', '[']).unwrap_or(s.len());
    let first = key_value(&s[..end]);
    let mut rest = vec![];
    let b = s.as_bytes();
    let mut i = end;
    while i < b.len() {
        if b[i] == b'.' {
            let j = s[i + 1..].find(['.', '[']).map_or(s.len(), |k| i + 1 + k);
            if j == i + 1 {
                return Err(error::value_error("Empty attribute in format string"));
            }
            rest.push(new_tuple(vec![Value::TRUE, new_str(&s[i + 1..j])]));
            i = j;
        } else if b[i] == b'[' {
            let Some(k) = s[i + 1..].find(']') else {
                return Err(error::value_error("Missing ']' in format string"));
            };
            let j = i + 1 + k;
            if j == i + 1 {
                return Err(error::value_error("Empty attribute in format string"));
            }
            rest.push(new_tuple(vec![Value::FALSE, key_value(&s[i + 1..j])]));
            i = j + 1;
            if i < b.len() && b[i] != b'.' && b[i] != b'[' {
                return Err(error::value_error(
                    "Only '.' or '[' may follow ']' in format field specifier",
                ));
            }
        } else {
            break;
        }
    }
    let it = crate::ops::iter(vm, &new_list(rest))?;
    Ok(new_tuple(vec![first, it]))
}

pub fn make(_vm: &mut Vm) -> Value {
    super::module_with_functions(
        "_string",
        &[
            ("formatter_parser", formatter_parser),
            ("formatter_field_name_split", formatter_field_name_split),
        ],
    )
}
