//! The format-spec mini-language (`format(value, spec)`, f-strings,
//! `str.format`), ported from CPython 3.11 `Python/formatter_unicode.c`.
//!
//! `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`

use super::float::{double_to_string, DTSF_ADD_DOT_0, DTSF_ALT, DTSF_NO_NEG_0};
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

/// A parsed format specification. `None` fields were not given.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FormatSpec {
    /// Explicit fill character (only set together with `align`).
    pub fill: Option<char>,
    /// `<`, `>`, `=` or `^`.
    pub align: Option<char>,
    /// `+`, `-` or ` `.
    pub sign: Option<char>,
    /// `z`: coerce negative zero to positive zero (floats only).
    pub no_neg_0: bool,
    /// `#`: alternate form.
    pub alternate: bool,
    /// `0` before the width (only recognised when no explicit fill).
    pub zero_pad: bool,
    pub width: Option<usize>,
    /// `,` or `_`.
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    /// Presentation type character.
    pub ty: Option<char>,
}

const SSIZE_MAX: u64 = i64::MAX as u64;

fn get_integer(chars: &[char], pos: &mut usize) -> Result<Option<usize>, String> {
    let mut acc: u64 = 0;
    let mut n = 0;
    while *pos < chars.len() {
        let d = match chars[*pos].to_digit(10) {
            Some(d) if chars[*pos].is_ascii_digit() => d as u64,
            _ => break,
        };
        if acc > (SSIZE_MAX - d) / 10 {
            return Err("Too many decimal digits in format string".to_string());
        }
        acc = acc * 10 + d;
        *pos += 1;
        n += 1;
    }
    Ok(if n == 0 { None } else { Some(acc as usize) })
}

/// Parse a format spec; `type_name` is only used in the
/// `Invalid format specifier '...' for object of type '...'` message.
pub fn parse_spec_for(spec: &str, type_name: &str) -> Result<FormatSpec, String> {
    let chars: Vec<char> = spec.chars().collect();
    let end = chars.len();
    let mut pos = 0;
    let mut f = FormatSpec::default();
    let is_align = |c: char| matches!(c, '<' | '>' | '=' | '^');
    if end >= 2 && is_align(chars[1]) {
        f.fill = Some(chars[0]);
        f.align = Some(chars[1]);
        pos = 2;
    } else if end >= 1 && is_align(chars[0]) {
        f.align = Some(chars[0]);
        pos = 1;
    }
    if pos < end && matches!(chars[pos], '+' | '-' | ' ') {
        f.sign = Some(chars[pos]);
        pos += 1;
    }
    if pos < end && chars[pos] == 'z' {
        f.no_neg_0 = true;
        pos += 1;
    }
    if pos < end && chars[pos] == '#' {
        f.alternate = true;
        pos += 1;
    }
    if f.fill.is_none() && pos < end && chars[pos] == '0' {
        f.zero_pad = true;
        pos += 1;
    }
    f.width = get_integer(&chars, &mut pos)?;
    if pos < end && chars[pos] == ',' {
        f.grouping = Some(',');
        pos += 1;
    }
    if pos < end && chars[pos] == '_' {
        if f.grouping.is_some() {
            return Err("Cannot specify both ',' and '_'.".to_string());
        }
        f.grouping = Some('_');
        pos += 1;
    }
    if pos < end && chars[pos] == ',' && f.grouping == Some('_') {
        return Err("Cannot specify both ',' and '_'.".to_string());
    }
    if pos < end && chars[pos] == '.' {
        pos += 1;
        f.precision = get_integer(&chars, &mut pos)?;
        if f.precision.is_none() {
            return Err("Format specifier missing precision".to_string());
        }
    }
    if end - pos > 1 {
        return Err(format!(
            "Invalid format specifier '{}' for object of type '{}'",
            spec, type_name
        ));
    }
    if end - pos == 1 {
        f.ty = Some(chars[pos]);
    }
    Ok(f)
}

/// Parse a format spec without knowing the object type (the
/// `Invalid format specifier` message then names type `object`; prefer
/// [`parse_spec_for`]).
pub fn parse_spec(spec: &str) -> Result<FormatSpec, String> {
    parse_spec_for(spec, "object")
}

fn code_text(c: char) -> String {
    let u = c as u32;
    if u > 32 && u < 128 {
        c.to_string()
    } else {
        format!("\\x{:x}", u)
    }
}

fn unknown_code(ty: char, type_name: &str) -> String {
    format!(
        "Unknown format code '{}' for object of type '{}'",
        code_text(ty),
        type_name
    )
}

/// Validates the grouping option against the (effective) presentation
/// type, returning (separator, group size).
fn check_grouping(f: &FormatSpec, ty: char) -> Result<Option<(char, usize)>, String> {
    let sep = match f.grouping {
        None => return Ok(None),
        Some(s) => s,
    };
    match ty {
        'd' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F' | '\0' => Ok(Some((sep, 3))),
        'b' | 'o' | 'x' | 'X' if sep == '_' => Ok(Some(('_', 4))),
        _ => Err(format!(
            "Cannot specify '{}' with '{}'.",
            sep,
            code_text(ty)
        )),
    }
}

/// `_PyUnicode_InsertThousandsGrouping`, including zero padding up to
/// `min_width` for the `0=` case.
fn group_digits(out: &mut String, digits: &str, min_width: i64, sep: Option<(char, usize)>) {
    let d = digits.as_bytes();
    let mut min_width = min_width.max(0);
    let mut remaining = d.len() as i64;
    let mut rev: Vec<char> = Vec::with_capacity(d.len() + (min_width as usize) + 8);
    let mut dpos = d.len();
    let mut emit = |rev: &mut Vec<char>, n_chars: i64, n_zeros: i64, use_sep: Option<char>| {
        if let Some(s) = use_sep {
            rev.push(s);
        }
        for _ in 0..n_chars {
            dpos -= 1;
            rev.push(d[dpos] as char);
        }
        for _ in 0..n_zeros {
            rev.push('0');
        }
    };
    match sep {
        Some((sc, group)) => {
            let mut use_sep = false;
            loop {
                let len = (group as i64).min(remaining.max(min_width).max(1));
                let n_zeros = (len - remaining).max(0);
                let n_chars = remaining.min(len).max(0);
                emit(
                    &mut rev,
                    n_chars,
                    n_zeros,
                    if use_sep { Some(sc) } else { None },
                );
                use_sep = true;
                remaining -= n_chars;
                min_width -= len;
                if remaining <= 0 && min_width <= 0 {
                    break;
                }
                min_width -= 1;
            }
        }
        None => {
            let len = remaining.max(min_width).max(1);
            let n_zeros = (len - remaining).max(0);
            let n_chars = remaining.min(len).max(0);
            emit(&mut rev, n_chars, n_zeros, None);
        }
    }
    out.extend(rev.iter().rev());
}

fn push_fill(out: &mut String, c: char, n: i64) {
    for _ in 0..n.max(0) {
        out.push(c);
    }
}

/// Port of `calc_number_widths` + `fill_number`.
#[allow(clippy::too_many_arguments)]
fn fill_number(
    f: &FormatSpec,
    negative: bool,
    prefix: &str,
    digits: &str,
    has_decimal: bool,
    remainder: &str,
    sep: Option<(char, usize)>,
    upper: bool,
) -> String {
    let fill = f.fill.unwrap_or(if f.zero_pad { '0' } else { ' ' });
    let align = f.align.unwrap_or(if f.zero_pad { '=' } else { '>' });
    let width = f.width.map(|w| w as i64).unwrap_or(-1);
    let sign = match f.sign {
        Some('+') => Some(if negative { '-' } else { '+' }),
        Some(' ') => Some(if negative { '-' } else { ' ' }),
        _ => {
            if negative {
                Some('-')
            } else {
                None
            }
        }
    };
    let n_sign = sign.is_some() as i64;
    let n_prefix = prefix.chars().count() as i64;
    let n_remainder = remainder.chars().count() as i64;
    let n_non_digit = n_sign + n_prefix + has_decimal as i64 + n_remainder;
    let min_width = if fill == '0' && align == '=' {
        width - n_non_digit
    } else {
        0
    };
    let mut grouped = String::new();
    if !digits.is_empty() {
        group_digits(&mut grouped, digits, min_width, sep);
    }
    let n_grouped = grouped.chars().count() as i64;
    let n_padding = width - (n_non_digit + n_grouped);
    let (mut lpad, mut spad, mut rpad) = (0, 0, 0);
    if n_padding > 0 {
        match align {
            '<' => rpad = n_padding,
            '^' => {
                lpad = n_padding / 2;
                rpad = n_padding - lpad;
            }
            '=' => spad = n_padding,
            _ => lpad = n_padding,
        }
    }
    let mut out = String::with_capacity((n_padding.max(0) + n_non_digit + n_grouped) as usize + 4);
    push_fill(&mut out, fill, lpad);
    if let Some(s) = sign {
        out.push(s);
    }
    if upper {
        out.push_str(&prefix.to_ascii_uppercase());
    } else {
        out.push_str(prefix);
    }
    push_fill(&mut out, fill, spad);
    if upper {
        out.push_str(&grouped.to_ascii_uppercase());
    } else {
        out.push_str(&grouped);
    }
    if has_decimal {
        out.push('.');
    }
    out.push_str(remainder);
    push_fill(&mut out, fill, rpad);
    out
}

/// `format(int, spec)` with `type(obj).__name__ == "int"`.
pub fn format_int(v: &BigInt, spec: &FormatSpec) -> Result<String, String> {
    format_int_typed(v, spec, "int")
}

/// `format(int, spec)`; `type_name` is used in error messages (e.g. `bool`).
/// Errors are ValueError messages except those for which
/// [`is_overflow_error`] is true (OverflowError).
pub fn format_int_typed(v: &BigInt, f: &FormatSpec, type_name: &str) -> Result<String, String> {
    let ty = f.ty.unwrap_or('d');
    let sep = check_grouping(f, ty)?;
    let base = match ty {
        'b' => 2,
        'o' => 8,
        'x' | 'X' => 16,
        'd' | 'n' | 'c' => 10,
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            let x = match v.to_f64() {
                Some(x) if x.is_finite() => x,
                _ => return Err("int too large to convert to float".to_string()),
            };
            return format_float_impl(x, f, Some(ty), sep);
        }
        _ => return Err(unknown_code(ty, type_name)),
    };
    if f.precision.is_some() {
        return Err("Precision not allowed in integer format specifier".to_string());
    }
    if f.no_neg_0 {
        return Err(
            "Negative zero coercion (z) not allowed in integer format specifier".to_string(),
        );
    }
    if ty == 'c' {
        if f.sign.is_some() {
            return Err("Sign not allowed with integer format specifier 'c'".to_string());
        }
        if f.alternate {
            return Err(
                "Alternate form (#) not allowed with integer format specifier 'c'".to_string(),
            );
        }
        let x = v
            .to_i64()
            .ok_or_else(|| "Python int too large to convert to C long".to_string())?;
        if !(0..=0x10ffff).contains(&x) {
            return Err("%c arg not in range(0x110000)".to_string());
        }
        // Lone surrogates cannot live in a Rust String.
        let ch = char::from_u32(x as u32).unwrap_or('\u{fffd}');
        return Ok(fill_number(
            f,
            false,
            "",
            "",
            false,
            &ch.to_string(),
            sep,
            false,
        ));
    }
    let prefix = if f.alternate {
        match ty {
            'b' => "0b",
            'o' => "0o",
            'x' | 'X' => "0x",
            _ => "",
        }
    } else {
        ""
    };
    let digits = v.magnitude().to_str_radix(base);
    Ok(fill_number(
        f,
        v.is_negative(),
        prefix,
        &digits,
        false,
        "",
        sep,
        ty == 'X',
    ))
}

/// `format(float, spec)` with type name `float`.
pub fn format_float(v: f64, spec: &FormatSpec) -> Result<String, String> {
    format_float_typed(v, spec, "float")
}

/// `format(float, spec)`; `type_name` is used in error messages.
pub fn format_float_typed(v: f64, f: &FormatSpec, type_name: &str) -> Result<String, String> {
    let sep = check_grouping(f, f.ty.unwrap_or('\0'))?;
    match f.ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') => {
            format_float_impl(v, f, f.ty, sep)
        }
        Some(t) => Err(unknown_code(t, type_name)),
    }
}

fn format_float_impl(
    mut val: f64,
    f: &FormatSpec,
    ty: Option<char>,
    sep: Option<(char, usize)>,
) -> Result<String, String> {
    if f.precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err("precision too big".to_string());
    }
    let mut flags = 0;
    if f.alternate {
        flags |= DTSF_ALT;
    }
    if f.no_neg_0 {
        flags |= DTSF_NO_NEG_0;
    }
    let mut add_pct = false;
    let (mut code, default_prec) = match ty {
        None => {
            flags |= DTSF_ADD_DOT_0;
            ('r', 0)
        }
        Some('n') => ('g', 6),
        Some('%') => {
            val *= 100.0;
            add_pct = true;
            ('f', 6)
        }
        Some(c) => (c, 6),
    };
    let prec = match f.precision {
        None => default_prec,
        Some(p) => {
            if code == 'r' {
                code = 'g';
            }
            p
        }
    };
    let mut buf = double_to_string(val, code, prec, flags);
    if add_pct {
        buf.push('%');
    }
    let (negative, body) = match buf.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, buf.as_str()),
    };
    let nd = body.bytes().take_while(u8::is_ascii_digit).count();
    let digits = &body[..nd];
    let (has_decimal, remainder) = match body[nd..].strip_prefix('.') {
        Some(r) => (true, r),
        None => (false, &body[nd..]),
    };
    // 'n' uses the current (C) locale: no grouping.
    let sep = if ty == Some('n') { None } else { sep };
    Ok(fill_number(
        f,
        negative,
        "",
        digits,
        has_decimal,
        remainder,
        sep,
        false,
    ))
}

/// `format(str, spec)` with type name `str`.
pub fn format_str(v: &str, spec: &FormatSpec) -> Result<String, String> {
    format_str_typed(v, spec, "str")
}

/// `format(str, spec)`; `type_name` is used in error messages.
pub fn format_str_typed(v: &str, f: &FormatSpec, type_name: &str) -> Result<String, String> {
    let ty = f.ty.unwrap_or('s');
    check_grouping(f, ty)?;
    if ty != 's' {
        return Err(unknown_code(ty, type_name));
    }
    match f.sign {
        Some(' ') => return Err("Space not allowed in string format specifier".to_string()),
        Some(_) => return Err("Sign not allowed in string format specifier".to_string()),
        None => {}
    }
    if f.no_neg_0 {
        return Err(
            "Negative zero coercion (z) not allowed in string format specifier".to_string(),
        );
    }
    if f.alternate {
        return Err("Alternate form (#) not allowed in string format specifier".to_string());
    }
    if f.align == Some('=') {
        return Err("'=' alignment not allowed in string format specifier".to_string());
    }
    let fill = f.fill.unwrap_or(if f.zero_pad { '0' } else { ' ' });
    let align = f.align.unwrap_or('<');
    let mut len = v.chars().count();
    let mut text = v;
    if let Some(p) = f.precision {
        if len >= p {
            len = p;
            text = match v.char_indices().nth(p) {
                Some((i, _)) => &v[..i],
                None => v,
            };
        }
    }
    let total = match f.width {
        Some(w) if w > len => w,
        _ => len,
    };
    let lpad = match align {
        '>' => total - len,
        '^' => (total - len) / 2,
        _ => 0,
    };
    let rpad = total - len - lpad;
    if lpad == 0 && rpad == 0 {
        return Ok(text.to_string());
    }
    let mut out = String::with_capacity(text.len() + (lpad + rpad) * fill.len_utf8());
    push_fill(&mut out, fill, lpad as i64);
    out.push_str(text);
    push_fill(&mut out, fill, rpad as i64);
    Ok(out)
}

/// True if an error message returned by this module is an OverflowError
/// in CPython (all others are ValueError).
pub fn is_overflow_error(msg: &str) -> bool {
    msg == "int too large to convert to float"
        || msg == "%c arg not in range(0x110000)"
        || msg == "Python int too large to convert to C long"
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fi(v: i64, s: &str) -> String {
        let f = match parse_spec_for(s, "int") {
            Ok(f) => f,
            Err(e) => return format!("ERR {}", e),
        };
        format_int(&BigInt::from(v), &f).unwrap_or_else(|e| format!("ERR {}", e))
    }
    fn ff(v: f64, s: &str) -> String {
        let f = match parse_spec_for(s, "float") {
            Ok(f) => f,
            Err(e) => return format!("ERR {}", e),
        };
        format_float(v, &f).unwrap_or_else(|e| format!("ERR {}", e))
    }
    fn fs(v: &str, s: &str) -> String {
        let f = match parse_spec_for(s, "str") {
            Ok(f) => f,
            Err(e) => return format!("ERR {}", e),
        };
        format_str(v, &f).unwrap_or_else(|e| format!("ERR {}", e))
    }

    #[test]
    fn errors() {
        assert_eq!(
            fi(1, "abc"),
            "ERR Invalid format specifier 'abc' for object of type 'int'"
        );
        assert_eq!(
            ff(1.0, "abc"),
            "ERR Invalid format specifier 'abc' for object of type 'float'"
        );
        assert_eq!(fi(1, ",_"), "ERR Cannot specify both ',' and '_'.");
        assert_eq!(fi(1, "_,"), "ERR Cannot specify both ',' and '_'.");
        assert_eq!(fi(1, "."), "ERR Format specifier missing precision");
        assert_eq!(fs("abc", ","), "ERR Cannot specify ',' with 's'.");
        assert_eq!(fi(1, ",n"), "ERR Cannot specify ',' with 'n'.");
        assert_eq!(ff(1.0, "_n"), "ERR Cannot specify '_' with 'n'.");
        assert_eq!(fi(1, ",x"), "ERR Cannot specify ',' with 'x'.");
        assert_eq!(
            ff(1.0, "_x"),
            "ERR Unknown format code 'x' for object of type 'float'"
        );
        assert_eq!(
            fi(1, "z"),
            "ERR Negative zero coercion (z) not allowed in integer format specifier"
        );
        assert_eq!(
            fi(1, ".2d"),
            "ERR Precision not allowed in integer format specifier"
        );
        assert_eq!(
            fi(1, "+c"),
            "ERR Sign not allowed with integer format specifier 'c'"
        );
        assert_eq!(
            fi(1, "#c"),
            "ERR Alternate form (#) not allowed with integer format specifier 'c'"
        );
        assert_eq!(
            ff(1.0, "c"),
            "ERR Unknown format code 'c' for object of type 'float'"
        );
        assert_eq!(
            fi(1, "y"),
            "ERR Unknown format code 'y' for object of type 'int'"
        );
        assert_eq!(
            fs("a", "d"),
            "ERR Unknown format code 'd' for object of type 'str'"
        );
        assert_eq!(
            fs("a", "+"),
            "ERR Sign not allowed in string format specifier"
        );
        assert_eq!(
            fs("a", " "),
            "ERR Space not allowed in string format specifier"
        );
        assert_eq!(
            fs("a", "z"),
            "ERR Negative zero coercion (z) not allowed in string format specifier"
        );
        assert_eq!(
            fs("a", "#"),
            "ERR Alternate form (#) not allowed in string format specifier"
        );
        assert_eq!(
            fs("a", "="),
            "ERR '=' alignment not allowed in string format specifier"
        );
        assert_eq!(
            fi(1, "\x01"),
            "ERR Unknown format code '\\x1' for object of type 'int'"
        );
        assert_eq!(
            fi(1, "é"),
            "ERR Unknown format code '\\xe9' for object of type 'int'"
        );
        assert_eq!(
            fi(1, "99999999999999999999"),
            "ERR Too many decimal digits in format string"
        );
        assert_eq!(
            fi(1, ".99999999999999999999"),
            "ERR Too many decimal digits in format string"
        );
        assert_eq!(ff(1.0, ".3000000000f"), "ERR precision too big");
        assert_eq!(fi(-1, "c"), "ERR %c arg not in range(0x110000)");
        assert_eq!(fi(0x110000, "c"), "ERR %c arg not in range(0x110000)");
        assert_eq!(fi(1, "_c"), "ERR Cannot specify '_' with 'c'.");
        assert_eq!(
            fi(1, "xx"),
            "ERR Invalid format specifier 'xx' for object of type 'int'"
        );
        assert_eq!(
            fi(1, "<<<"),
            "ERR Unknown format code '<' for object of type 'int'"
        );
        assert_eq!(fi(1, ",,"), "ERR Cannot specify ',' with ','.");
        assert_eq!(fi(1, "__"), "ERR Cannot specify '_' with '_'.");
        let big: BigInt = BigInt::from(10u32).pow(400);
        let e = format_int(&big, &parse_spec("f").unwrap()).unwrap_err();
        assert_eq!(e, "int too large to convert to float");
        assert!(is_overflow_error(&e));
    }

    #[test]
    fn ints() {
        // Expected values from python3 3.11: format(v, spec)
        let cases: &[(i64, &str, &str)] = &[
            (1234567, ",", "1,234,567"),
            (1234567, "_", "1_234_567"),
            (-1234567, "015,", "-00,001,234,567"),
            (1234, "010,", "00,001,234"),
            (1234, "0=10,", "00,001,234"),
            (255, "#x", "0xff"),
            (255, "#X", "0XFF"),
            (255, "#b", "0b11111111"),
            (8, "#o", "0o10"),
            (-255, "#010x", "-0x00000ff"),
            (255, "_b", "1111_1111"),
            (0xabcdef, "#_x", "0xab_cdef"),
            (5, "+", "+5"),
            (5, " ", " 5"),
            (-5, " ", "-5"),
            (5, "=+5", "+   5"),
            (5, "*^7", "***5***"),
            (5, "^6", "  5   "),
            (5, "<05", "50000"),
            (5, "x<5", "5xxxx"),
            (42, "c", "*"),
            (65, "^5c", "  A  "),
            (65, "05c", "0000A"),
            (1234, "n", "1234"),
            (1234, "%", "123400.000000%"),
            (1234, ",.2f", "1,234.00"),
            (3, "e", "3.000000e+00"),
            (3, "g", "3"),
            (-3, "010", "-000000003"),
            (0, "#x", "0x0"),
            (1, "=5", "    1"),
            (123, "0>10", "0000000123"),
            (123456, "0<10,", "123,456000"),
            (123456789, "0^15_", "00123_456_78900"),
            (1234, "z>10", "zzzzzz1234"),
            (0, "", "0"),
            (-7, "", "-7"),
            (100, "#d", "100"),
            (100, "09_", "0_000_100"),
            (100, "08_", "0_000_100"),
        ];
        for (v, s, want) in cases {
            assert_eq!(fi(*v, s), *want, "format({}, {:?})", v, s);
        }
        let big: BigInt = "123456789012345678901234567890".parse().unwrap();
        assert_eq!(
            format_int(&big, &parse_spec(",").unwrap()).unwrap(),
            "123,456,789,012,345,678,901,234,567,890"
        );
        let b2: BigInt = "9007199254740993".parse().unwrap();
        assert_eq!(
            format_int(&b2, &parse_spec(".1f").unwrap()).unwrap(),
            "9007199254740992.0"
        );
        let b3: BigInt = "9007199254740995".parse().unwrap();
        assert_eq!(
            format_int(&b3, &parse_spec(".1f").unwrap()).unwrap(),
            "9007199254740996.0"
        );
        assert_eq!(
            format_int_typed(&BigInt::from(1), &parse_spec("q").unwrap(), "bool").unwrap_err(),
            "Unknown format code 'q' for object of type 'bool'"
        );
    }

    #[test]
    fn floats() {
        let nan = f64::NAN;
        let inf = f64::INFINITY;
        let cases: &[(f64, &str, &str)] = &[
            (1.0, "", "1.0"),
            (1e16, ".3", "1e+16"),
            (1.5, ".0", "2e+00"),
            (1e16, "", "1e+16"),
            (1.5, ".3", "1.5"),
            (123.0, ".2", "1.2e+02"),
            (123.0, ".3", "1.23e+02"),
            (1e-5, ".3", "1e-05"),
            (1234.5678, ",.2f", "1,234.57"),
            (1.0, "10", "       1.0"),
            (nan, "010", "0000000nan"),
            (inf, "=+10", "+      inf"),
            (-inf, "010", "-000000inf"),
            (-nan, "+", "+nan"),
            (inf, "F", "INF"),
            (nan, "E", "NAN"),
            (1234567.891, ",", "1,234,567.891"),
            (1234567.891, "_.2f", "1_234_567.89"),
            (1234567.891, "015,.1f", "0,001,234,567.9"),
            (-1234.5, "020,.3f", "-000,000,001,234.500"),
            (0.5, "%", "50.000000%"),
            (0.125, ".1%", "12.5%"),
            (-0.0001, "z.2f", "0.00"),
            (-0.0001, ".2f", "-0.00"),
            (-0.0, "z", "0.0"),
            (-0.0, "", "-0.0"),
            (-0.0001, "z.1%", "0.0%"),
            (1.0, "#", "1.0"),
            (1e16, "#", "1.e+16"),
            (1.0, "#.0", "1.e+00"),
            (1.0, "#g", "1.00000"),
            (1.0, "#.0f", "1."),
            (2.5, ".0f", "2"),
            (3.5, ".0f", "4"),
            (1234.5, "n", "1234.5"),
            (1e100, "n", "1e+100"),
            (0.0001, "g", "0.0001"),
            (0.00001, "g", "1e-05"),
            (123456.0, "g", "123456"),
            (1234567.0, "g", "1.23457e+06"),
            (1234567.0, "G", "1.23457E+06"),
            (1.5, "e", "1.500000e+00"),
            (1.5, ".2E", "1.50E+00"),
            (1e300, ".3e", "1.000e+300"),
            (3.14159, "+.3f", "+3.142"),
            (3.14159, " .3f", " 3.142"),
            (3.14159, "*^12.3f", "***3.142****"),
            (3.14159, "<10", "3.14159   "),
            (-3.14159, "=10.2f", "-     3.14"),
            (0.1, ".20f", "0.10000000000000000555"),
            (1e22, "f", "10000000000000000000000.000000"),
            (12345.6789, ".10", "12345.6789"),
            (12345.6789, ".4", "1.235e+04"),
            (100.0, ".3", "1e+02"),
            (1000.0, ".3", "1e+03"),
            (0.1 + 0.2, "", "0.30000000000000004"),
            (5e-324, "", "5e-324"),
            (1.0, "_", "1.0"),
            (1234.0, "_", "1_234.0"),
            (1e20, ",", "1e+20"),
            (1e15, ",", "1,000,000,000,000,000.0"),
            (12.5, "08.2f", "00012.50"),
            (-12.5, "08.2f", "-0012.50"),
            (12.5, "+08.2f", "+0012.50"),
            (1.5, "0=+8", "+00001.5"),
            (1e-7, "", "1e-07"),
            (1e-7, "015", "00000000001e-07"),
            (1.0, ".0%", "100%"),
            (1.0, "#.0%", "100.%"),
        ];
        for (v, s, want) in cases {
            assert_eq!(ff(*v, s), *want, "format({:?}, {:?})", v, s);
        }
    }

    #[test]
    fn strings() {
        let cases: &[(&str, &str, &str)] = &[
            ("abc", "", "abc"),
            ("abc", "05", "abc00"),
            ("abc", ">6", "   abc"),
            ("abc", "^6", " abc  "),
            ("abc", "*^7", "**abc**"),
            ("abc", "<6", "abc   "),
            ("abc", "6", "abc   "),
            ("abcdef", ".2", "ab"),
            ("abcdef", "5.2", "ab   "),
            ("héllo", ".2", "hé"),
            ("héllo", "é>7", "ééhéllo"),
            ("abc", "s", "abc"),
            ("abc", "x<2s", "abc"),
            ("abc", "0>5", "00abc"),
            ("", "3", "   "),
        ];
        for (v, s, want) in cases {
            assert_eq!(fs(v, s), *want, "format({:?}, {:?})", v, s);
        }
    }
}
