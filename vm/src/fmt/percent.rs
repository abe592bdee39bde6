//! printf-style `str % args` formatting, ported from CPython 3.11
//! `PyUnicode_Format` (`Objects/unicodeobject.c`).
//!
//! Two levels of API:
//! * [`parse_percent`] + [`apply_percent_int`] / [`apply_percent_float`] /
//!   [`apply_percent_str`]: building blocks;
//! * [`percent_format`]: the full driver (argument sequencing, mapping keys,
//!   `*` widths, error ordering), with values supplied by the caller through
//!   the [`PercentArgs`] trait.

use super::float::{double_to_string, float_repr, DTSF_ALT};
use num_bigint::BigInt;
use num_traits::{FromPrimitive, Signed, ToPrimitive};

/// Width or precision of a conversion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PercentCount {
    #[default]
    Absent,
    /// `*`: taken from the argument list (resolve with
    /// [`PercentSpec::set_star_width`] / [`PercentSpec::set_star_prec`]).
    Star,
    Num(usize),
}

/// One `%...` conversion specification.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PercentSpec {
    /// Mapping key from `%(key)s`.
    pub key: Option<String>,
    /// `-` flag.
    pub ljust: bool,
    /// `+` flag.
    pub plus: bool,
    /// ` ` flag.
    pub blank: bool,
    /// `#` flag.
    pub alt: bool,
    /// `0` flag.
    pub zero: bool,
    pub width: PercentCount,
    pub prec: PercentCount,
    /// Conversion character (not validated; see [`PercentSpec::conv_kind`]).
    /// `None` if the format string ended first: raise `incomplete format`
    /// after the mapping key and any `*` arguments have been consumed.
    pub conv: Option<char>,
    /// Code-point index of `conv` in the format string.
    pub conv_index: usize,
}

/// Piece of a parsed `%` format string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PercentPiece {
    /// Literal text (`%%` already turned into `%`).
    Literal(String),
    Spec(PercentSpec),
    /// Unterminated `%(key`: TypeError `format requires a mapping` if the
    /// argument is not a mapping, else ValueError `incomplete format key`.
    BadKey,
    /// ValueError to raise when reached (`width too big`, `precision too big`).
    Error(String),
}

/// Argument category required by a conversion character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PercentConv {
    /// `s`: str(v)
    Str,
    /// `r`: repr(v)
    Repr,
    /// `a`: ascii(v)
    Ascii,
    /// `d i u o x X`: int (`o x X` require `__index__`).
    Int,
    /// `e E f F g G`: float.
    Float,
    /// `c`: int code point or 1-char str.
    Char,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PercentErrorKind {
    ValueError,
    TypeError,
    OverflowError,
}

/// A Python exception raised by `%` formatting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PercentError {
    pub kind: PercentErrorKind,
    pub msg: String,
}

impl PercentError {
    pub fn new(kind: PercentErrorKind, msg: impl Into<String>) -> Self {
        PercentError {
            kind,
            msg: msg.into(),
        }
    }
    pub fn value(msg: impl Into<String>) -> Self {
        Self::new(PercentErrorKind::ValueError, msg)
    }
    pub fn type_error(msg: impl Into<String>) -> Self {
        Self::new(PercentErrorKind::TypeError, msg)
    }
    pub fn overflow(msg: impl Into<String>) -> Self {
        Self::new(PercentErrorKind::OverflowError, msg)
    }
    /// TypeError for an argument of the wrong type for conversion `conv`
    /// (`%d format: a real number is required, not str`, ...).
    pub fn wrong_type(conv: char, type_name: &str) -> Self {
        match conv {
            'o' | 'x' | 'X' => Self::type_error(format!(
                "%{} format: an integer is required, not {}",
                conv, type_name
            )),
            'd' | 'i' | 'u' => Self::type_error(format!(
                "%{} format: a real number is required, not {}",
                conv, type_name
            )),
            'c' => Self::type_error("%c requires int or char"),
            _ => Self::type_error(format!("must be real number, not {}", type_name)),
        }
    }
    /// TypeError `* wants int`.
    pub fn star_wants_int() -> Self {
        Self::type_error("* wants int")
    }
}

impl PercentSpec {
    /// Resolve a `*` width with the given int argument.
    pub fn set_star_width(&mut self, w: i64) {
        if w < 0 {
            self.ljust = true;
        }
        self.width = PercentCount::Num(w.unsigned_abs() as usize);
    }

    /// Resolve a `*` precision with the given int argument.
    pub fn set_star_prec(&mut self, p: i64) {
        self.prec = PercentCount::Num(p.max(0) as usize);
    }

    /// Classify the conversion; ValueError
    /// `unsupported format character 'y' (0x79) at index 3` if unknown.
    pub fn conv_kind(&self) -> Result<PercentConv, PercentError> {
        let c = match self.conv {
            Some(c) => c,
            None => return Err(PercentError::value("incomplete format")),
        };
        Ok(match c {
            's' => PercentConv::Str,
            'r' => PercentConv::Repr,
            'a' => PercentConv::Ascii,
            'd' | 'i' | 'u' | 'o' | 'x' | 'X' => PercentConv::Int,
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => PercentConv::Float,
            'c' => PercentConv::Char,
            _ => {
                let u = c as u32;
                let shown = if (31..=126).contains(&u) { c } else { '?' };
                return Err(PercentError::value(format!(
                    "unsupported format character '{}' (0x{:x}) at index {}",
                    shown, u, self.conv_index
                )));
            }
        })
    }
}

fn parse_num(chars: &[char], i: &mut usize, max: u64) -> Option<usize> {
    let mut v: u64 = 0;
    while *i < chars.len() && chars[*i].is_ascii_digit() {
        let d = chars[*i] as u64 - '0' as u64;
        if v > (max - d) / 10 {
            return None;
        }
        v = v * 10 + d;
        *i += 1;
    }
    Some(v as usize)
}

/// Split a `%` format string into literal pieces and conversion specs.
/// Parsing stops at the first `BadKey` / `Error` piece.
pub fn parse_percent(fmt: &str) -> Vec<PercentPiece> {
    let chars: Vec<char> = fmt.chars().collect();
    let n = chars.len();
    let mut pieces = Vec::new();
    let mut lit = String::new();
    let mut i = 0;
    while i < n {
        if chars[i] != '%' {
            lit.push(chars[i]);
            i += 1;
            continue;
        }
        i += 1;
        if i < n && chars[i] == '%' {
            lit.push('%');
            i += 1;
            continue;
        }
        if !lit.is_empty() {
            pieces.push(PercentPiece::Literal(std::mem::take(&mut lit)));
        }
        let mut spec = PercentSpec::default();
        if i < n && chars[i] == '(' {
            i += 1;
            let start = i;
            let mut depth = 1;
            while depth > 0 && i < n {
                match chars[i] {
                    ')' => depth -= 1,
                    '(' => depth += 1,
                    _ => {}
                }
                i += 1;
            }
            if depth > 0 {
                pieces.push(PercentPiece::BadKey);
                return pieces;
            }
            spec.key = Some(chars[start..i - 1].iter().collect());
        }
        while i < n {
            match chars[i] {
                '-' => spec.ljust = true,
                '+' => spec.plus = true,
                ' ' => spec.blank = true,
                '#' => spec.alt = true,
                '0' => spec.zero = true,
                _ => break,
            }
            i += 1;
        }
        if i < n && chars[i] == '*' {
            spec.width = PercentCount::Star;
            i += 1;
        } else if i < n && chars[i].is_ascii_digit() {
            match parse_num(&chars, &mut i, i64::MAX as u64) {
                Some(w) => spec.width = PercentCount::Num(w),
                None => {
                    pieces.push(PercentPiece::Error("width too big".into()));
                    return pieces;
                }
            }
        }
        if i < n && chars[i] == '.' {
            i += 1;
            spec.prec = PercentCount::Num(0);
            if i < n && chars[i] == '*' {
                spec.prec = PercentCount::Star;
                i += 1;
            } else if i < n && chars[i].is_ascii_digit() {
                match parse_num(&chars, &mut i, i32::MAX as u64) {
                    Some(p) => spec.prec = PercentCount::Num(p),
                    None => {
                        pieces.push(PercentPiece::Error("precision too big".into()));
                        return pieces;
                    }
                }
            }
        }
        if i < n && matches!(chars[i], 'h' | 'l' | 'L') {
            i += 1;
        }
        if i < n {
            spec.conv = Some(chars[i]);
            spec.conv_index = i;
            i += 1;
        }
        let done = spec.conv.is_none();
        pieces.push(PercentPiece::Spec(spec));
        if done {
            return pieces;
        }
    }
    if !lit.is_empty() {
        pieces.push(PercentPiece::Literal(lit));
    }
    pieces
}

/// Port of `unicode_format_arg_output`: padding, sign and `0x` prefix.
fn output(s: &str, numeric: bool, spec: &PercentSpec) -> String {
    let conv = spec.conv.unwrap_or('s');
    let mut width: i64 = match spec.width {
        PercentCount::Num(w) => w as i64,
        _ => -1,
    };
    let prec: i64 = match spec.prec {
        PercentCount::Num(p) => p as i64,
        _ => -1,
    };
    let fill = if numeric && spec.zero { '0' } else { ' ' };
    let chars: Vec<char> = s.chars().collect();
    let mut len = chars.len() as i64;
    if matches!(conv, 's' | 'r' | 'a') && prec >= 0 && len > prec {
        len = prec;
    }
    let mut pindex = 0usize;
    let mut sign = numeric;
    let mut signchar = ' ';
    if sign {
        match chars.first() {
            Some(&c) if c == '-' || c == '+' => {
                signchar = c;
                len -= 1;
                pindex = 1;
            }
            _ if spec.plus => signchar = '+',
            _ if spec.blank => signchar = ' ',
            _ => sign = false,
        }
    }
    if width < len {
        width = len;
    }
    let mut out = String::with_capacity(width as usize + 2);
    if sign {
        if fill != ' ' {
            out.push(signchar);
        }
        if width > len {
            width -= 1;
        }
    }
    let altpfx = spec.alt && matches!(conv, 'x' | 'X' | 'o');
    if altpfx {
        if fill != ' ' {
            out.push('0');
            out.push(conv);
            pindex += 2;
        }
        width = (width - 2).max(0);
        len -= 2;
    }
    if width > len && !spec.ljust {
        for _ in 0..width - len {
            out.push(fill);
        }
        width = len;
    }
    if fill == ' ' {
        if sign {
            out.push(signchar);
        }
        if altpfx {
            out.push('0');
            out.push(conv);
            pindex += 2;
        }
    }
    out.extend(chars[pindex..pindex + len.max(0) as usize].iter());
    for _ in 0..(width - len).max(0) {
        out.push(' ');
    }
    out
}

/// Format an int for conversions `d i u o x X`.
pub fn apply_percent_int(v: &BigInt, spec: &PercentSpec) -> String {
    let conv = spec.conv.unwrap_or('d');
    let base = match conv {
        'o' => 8,
        'x' | 'X' => 16,
        _ => 10,
    };
    let mut digits = v.magnitude().to_str_radix(base);
    if conv == 'X' {
        digits.make_ascii_uppercase();
    }
    let mut body = String::with_capacity(digits.len() + 4);
    if v.is_negative() {
        body.push('-');
    }
    if spec.alt && base != 10 {
        body.push('0');
        body.push(conv);
    }
    if let PercentCount::Num(p) = spec.prec {
        for _ in digits.len()..p {
            body.push('0');
        }
    }
    body.push_str(&digits);
    output(&body, true, spec)
}

/// Format a float for conversions `e E f F g G`.
pub fn apply_percent_float(x: f64, spec: &PercentSpec) -> String {
    let prec = match spec.prec {
        PercentCount::Num(p) => p,
        _ => 6,
    };
    let flags = if spec.alt { DTSF_ALT } else { 0 };
    let s = double_to_string(x, spec.conv.unwrap_or('f'), prec, flags);
    output(&s, true, spec)
}

/// Format already-converted text for `s r a` (precision truncates) and
/// `c` (the 1-character string).
pub fn apply_percent_str(s: &str, spec: &PercentSpec) -> String {
    output(s, false, spec)
}

/// A value handed to [`percent_format`] by the caller.
#[derive(Debug, Clone, PartialEq)]
pub enum PercentValue {
    Int(BigInt),
    Float(f64),
    /// Text: `str()`/`repr()`/`ascii()` result for `s r a`; a str
    /// argument for `c`.
    Str(String),
}

/// Which argument a value comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PercentArgRef {
    /// Item `i` of the args tuple.
    Index(usize),
    /// The (non-tuple) right operand itself.
    Whole,
    /// The value of the most recent [`PercentArgs::lookup_key`].
    Keyed,
}

/// Caller-side access to the right operand of `%`.
pub trait PercentArgs {
    type Error: From<PercentError>;
    /// `Some(len)` if the right operand is a tuple.
    fn tuple_len(&self) -> Option<usize>;
    /// True if the right operand is a mapping (has `__getitem__`, and is
    /// neither a tuple nor a str) -- e.g. dict, but also list.
    fn is_mapping(&self) -> bool;
    /// `mapping[key]`; the result becomes [`PercentArgRef::Keyed`].
    fn lookup_key(&mut self, key: &str) -> Result<(), Self::Error>;
    /// Value of a `*` argument: `Err(PercentError::star_wants_int())` if not
    /// an int; OverflowError `Python int too large to convert to C ssize_t`.
    fn star_int(&mut self, arg: PercentArgRef) -> Result<i64, Self::Error>;
    /// Convert an argument: `Str` kinds -> `PercentValue::Str(str/repr/ascii)`;
    /// `Int` -> `Int` (or `Float` for a float argument with `d i u`),
    /// else `PercentError::wrong_type(conv, type_name)`; `Float` -> `Float`
    /// or `Int`; `Char` -> `Int` or `Str`.
    fn value(
        &mut self,
        arg: PercentArgRef,
        kind: PercentConv,
        conv: char,
    ) -> Result<PercentValue, Self::Error>;
}

/// Full `fmt % args` with CPython's argument sequencing and error order.
pub fn percent_format<A: PercentArgs>(fmt: &str, args: &mut A) -> Result<String, A::Error> {
    let dict = args.is_mapping();
    let (mut arglen, mut argidx): (i64, i64) = match args.tuple_len() {
        Some(n) => (n as i64, 0),
        None => (-1, -2),
    };
    let mut current = PercentArgRef::Whole;
    let mut out = String::with_capacity(fmt.len() + 16);
    let next_arg = |arglen: i64,
                    argidx: &mut i64,
                    current: PercentArgRef|
     -> Result<PercentArgRef, PercentError> {
        if *argidx < arglen {
            let i = *argidx;
            *argidx += 1;
            Ok(if arglen < 0 {
                current
            } else {
                PercentArgRef::Index(i as usize)
            })
        } else {
            Err(PercentError::type_error(
                "not enough arguments for format string",
            ))
        }
    };
    for piece in parse_percent(fmt) {
        let mut spec = match piece {
            PercentPiece::Literal(s) => {
                out.push_str(&s);
                continue;
            }
            PercentPiece::BadKey => {
                return Err(if dict {
                    PercentError::value("incomplete format key")
                } else {
                    PercentError::type_error("format requires a mapping")
                }
                .into())
            }
            PercentPiece::Error(m) => return Err(PercentError::value(m).into()),
            PercentPiece::Spec(s) => s,
        };
        if let Some(key) = &spec.key {
            if !dict {
                return Err(PercentError::type_error("format requires a mapping").into());
            }
            args.lookup_key(key)?;
            current = PercentArgRef::Keyed;
            arglen = -1;
            argidx = -2;
        }
        if spec.width == PercentCount::Star {
            let a = next_arg(arglen, &mut argidx, current)?;
            let w = args.star_int(a)?;
            spec.set_star_width(w);
        }
        if spec.prec == PercentCount::Star {
            let a = next_arg(arglen, &mut argidx, current)?;
            let p = args.star_int(a)?;
            if p > i32::MAX as i64 || p < i32::MIN as i64 {
                return Err(
                    PercentError::overflow("Python int too large to convert to C int").into(),
                );
            }
            spec.set_star_prec(p);
        }
        if spec.conv.is_none() {
            return Err(PercentError::value("incomplete format").into());
        }
        let a = next_arg(arglen, &mut argidx, current)?;
        let kind = spec.conv_kind()?;
        let conv = spec.conv.unwrap_or('s');
        let v = args.value(a, kind, conv)?;
        let text = match (kind, v) {
            (PercentConv::Int, PercentValue::Int(i)) => apply_percent_int(&i, &spec),
            (PercentConv::Int, PercentValue::Float(x)) => {
                if matches!(conv, 'o' | 'x' | 'X') {
                    return Err(PercentError::wrong_type(conv, "float").into());
                }
                if x.is_nan() {
                    return Err(PercentError::value("cannot convert float NaN to integer").into());
                }
                if x.is_infinite() {
                    return Err(
                        PercentError::overflow("cannot convert float infinity to integer").into(),
                    );
                }
                let i = BigInt::from_f64(x.trunc()).unwrap_or_default();
                apply_percent_int(&i, &spec)
            }
            (PercentConv::Int, PercentValue::Str(_)) => {
                return Err(PercentError::wrong_type(conv, "str").into())
            }
            (PercentConv::Float, PercentValue::Float(x)) => apply_percent_float(x, &spec),
            (PercentConv::Float, PercentValue::Int(i)) => match i.to_f64() {
                Some(x) if x.is_finite() => apply_percent_float(x, &spec),
                _ => return Err(PercentError::overflow("int too large to convert to float").into()),
            },
            (PercentConv::Float, PercentValue::Str(_)) => {
                return Err(PercentError::wrong_type(conv, "str").into())
            }
            (PercentConv::Char, PercentValue::Int(i)) => match i.to_i64() {
                Some(c) if (0..=0x10ffff).contains(&c) => apply_percent_str(
                    &char::from_u32(c as u32).unwrap_or('\u{fffd}').to_string(),
                    &spec,
                ),
                _ => return Err(PercentError::overflow("%c arg not in range(0x110000)").into()),
            },
            (PercentConv::Char, PercentValue::Str(s)) if s.chars().count() == 1 => {
                apply_percent_str(&s, &spec)
            }
            (PercentConv::Char, _) => return Err(PercentError::wrong_type('c', "").into()),
            (_, PercentValue::Str(s)) => apply_percent_str(&s, &spec),
            (_, PercentValue::Int(i)) => apply_percent_str(&i.to_string(), &spec),
            (_, PercentValue::Float(x)) => apply_percent_str(&float_repr(x), &spec),
        };
        out.push_str(&text);
        if dict && argidx < arglen {
            return Err(PercentError::type_error(
                "not all arguments converted during string formatting",
            )
            .into());
        }
    }
    if argidx < arglen && !dict {
        return Err(PercentError::type_error(
            "not all arguments converted during string formatting",
        )
        .into());
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Clone, Debug)]
    enum V {
        I(i64),
        F(f64),
        S(&'static str),
    }
    struct Args {
        tuple: Option<Vec<V>>,
        whole: Option<V>,
        map: Option<Vec<(&'static str, V)>>,
        keyed: Option<V>,
    }
    impl Args {
        fn get(&self, a: PercentArgRef) -> V {
            match a {
                PercentArgRef::Index(i) => self.tuple.as_ref().unwrap()[i].clone(),
                PercentArgRef::Whole => self.whole.clone().unwrap_or(V::S("{...}")),
                PercentArgRef::Keyed => self.keyed.clone().unwrap(),
            }
        }
    }
    impl PercentArgs for Args {
        type Error = PercentError;
        fn tuple_len(&self) -> Option<usize> {
            self.tuple.as_ref().map(|t| t.len())
        }
        fn is_mapping(&self) -> bool {
            self.map.is_some()
        }
        fn lookup_key(&mut self, key: &str) -> Result<(), PercentError> {
            let found = self
                .map
                .as_ref()
                .unwrap()
                .iter()
                .find(|(k, _)| *k == key)
                .map(|kv| kv.1.clone());
            self.keyed =
                Some(found.ok_or_else(|| PercentError::value(format!("KeyError {}", key)))?);
            Ok(())
        }
        fn star_int(&mut self, a: PercentArgRef) -> Result<i64, PercentError> {
            if let V::I(i) = self.get(a) {
                Ok(i)
            } else {
                Err(PercentError::star_wants_int())
            }
        }
        fn value(
            &mut self,
            a: PercentArgRef,
            kind: PercentConv,
            conv: char,
        ) -> Result<PercentValue, PercentError> {
            use super::super::strrepr::{ascii_repr, str_repr};
            Ok(match (kind, self.get(a)) {
                (PercentConv::Repr, V::S(s)) => PercentValue::Str(str_repr(s)),
                (PercentConv::Ascii, V::S(s)) => PercentValue::Str(ascii_repr(s)),
                (PercentConv::Int | PercentConv::Float, V::S(_)) => {
                    return Err(PercentError::wrong_type(conv, "str"))
                }
                (_, V::S(s)) => PercentValue::Str(s.to_string()),
                (_, V::I(i)) => PercentValue::Int(BigInt::from(i)),
                (_, V::F(x)) => PercentValue::Float(x),
            })
        }
    }

    fn run(
        fmt: &str,
        tuple: Option<Vec<V>>,
        whole: Option<V>,
        map: Option<Vec<(&'static str, V)>>,
    ) -> String {
        let mut a = Args {
            tuple,
            whole,
            map,
            keyed: None,
        };
        match percent_format(fmt, &mut a) {
            Ok(s) => s,
            Err(e) => format!("{:?} {}", e.kind, e.msg),
        }
    }
    fn t(fmt: &str, v: Vec<V>) -> String {
        run(fmt, Some(v), None, None)
    }

    #[test]
    fn tuple_cases() {
        const NEA: &str = "TypeError not enough arguments for format string";
        const NAC: &str = "TypeError not all arguments converted during string formatting";
        use V::*;
        let nan = f64::NAN;
        let inf = f64::INFINITY;
        // Expected values from python3 3.11: fmt % args
        let cases: Vec<(&str, Vec<V>, &str)> = vec![
            (
                "%y",
                vec![I(1)],
                "ValueError unsupported format character 'y' (0x79) at index 1",
            ),
            ("%y", vec![], NEA),
            ("ab%", vec![], "ValueError incomplete format"),
            ("%s %", vec![I(1)], "ValueError incomplete format"),
            ("%s %", vec![], NEA),
            ("%(a)s", vec![I(1)], "TypeError format requires a mapping"),
            ("%(a", vec![I(1)], "TypeError format requires a mapping"),
            ("%*d", vec![I(5)], NEA),
            ("%*d", vec![S("x"), I(3)], "TypeError * wants int"),
            ("%c", vec![S("ab")], "TypeError %c requires int or char"),
            (
                "%c",
                vec![I(-1)],
                "OverflowError %c arg not in range(0x110000)",
            ),
            (
                "%x",
                vec![F(1.5)],
                "TypeError %x format: an integer is required, not float",
            ),
            (
                "%d",
                vec![S("a")],
                "TypeError %d format: a real number is required, not str",
            ),
            ("%f", vec![S("a")], "TypeError must be real number, not str"),
            (
                "%d",
                vec![F(inf)],
                "OverflowError cannot convert float infinity to integer",
            ),
            (
                "%d",
                vec![F(nan)],
                "ValueError cannot convert float NaN to integer",
            ),
            ("%.*f", vec![I(-3), F(1.5)], "2"),
            ("%*d", vec![I(-5), I(3)], "3    "),
            (
                "%5%",
                vec![I(1)],
                "ValueError unsupported format character '%' (0x25) at index 2",
            ),
            ("%5%", vec![], NEA),
            ("%%", vec![], "%"),
            ("%-05d", vec![I(3)], "3    "),
            ("%#o", vec![I(8)], "0o10"),
            ("%#010x", vec![I(255)], "0x000000ff"),
            ("%+#10X", vec![I(255)], "     +0XFF"),
            ("% d", vec![I(5)], " 5"),
            ("%+.3d", vec![I(-5)], "-005"),
            ("%05s", vec![S("ab")], "   ab"),
            ("%.1s", vec![S("abc")], "a"),
            ("%5.1r", vec![S("abc")], "    '"),
            ("%#.0f", vec![F(2.5)], "2."),
            ("%#g", vec![F(1.0)], "1.00000"),
            ("%g", vec![F(1e16)], "1e+16"),
            ("%e", vec![F(0.0)], "0.000000e+00"),
            ("%010.2f", vec![F(-3.14159)], "-000003.14"),
            ("%+f", vec![F(inf)], "+inf"),
            ("%010f", vec![F(nan)], "0000000nan"),
            ("%F", vec![F(-inf)], "-INF"),
            (
                "%lld",
                vec![I(3)],
                "ValueError unsupported format character 'l' (0x6c) at index 2",
            ),
            ("%hd", vec![I(3)], "3"),
            (
                "abc%lé",
                vec![I(3)],
                "ValueError unsupported format character '?' (0xe9) at index 5",
            ),
            (
                "%\x01",
                vec![I(1)],
                "ValueError unsupported format character '?' (0x1) at index 1",
            ),
            ("%d %d", vec![I(1)], NEA),
            ("%d", vec![I(1), I(2)], NAC),
            ("%.0c", vec![S("a")], "a"),
            ("%3c", vec![I(65)], "  A"),
            ("%-3c|", vec![S("é")], "é  |"),
            ("%#5x", vec![I(-255)], "-0xff"),
            ("%05x", vec![I(-255)], "-00ff"),
            ("%.3x", vec![I(-255)], "-0ff"),
            ("%u", vec![I(7)], "7"),
            ("%i", vec![F(3.9)], "3"),
            ("%d", vec![F(-2.7)], "-2"),
            ("%10.3e", vec![F(12345.678)], " 1.235e+04"),
            ("%G", vec![F(1e-10)], "1E-10"),
            ("%.0e", vec![F(15.0)], "2e+01"),
            ("%#.0e", vec![F(15.0)], "2.e+01"),
            ("%0-5d|", vec![I(1)], "1    |"),
            ("%5.2s|%-6r|", vec![S("abc"), S("x")], "   ab|'x'   |"),
            ("%a", vec![S("é")], "'\\xe9'"),
            ("%c", vec![I(0xe9)], "é"),
            ("%10.4f", vec![F(3.14159265)], "    3.1416"),
            ("%-10.2e|", vec![F(-12345.6)], "-1.23e+04 |"),
            ("% 08.2f", vec![F(3.14159)], " 0003.14"),
            ("%+08d", vec![I(42)], "+0000042"),
            ("%+ d", vec![I(42)], "+42"),
            ("%#X", vec![I(0)], "0X0"),
            ("%#8.3o", vec![I(8)], "   0o010"),
            ("%-#8x|", vec![I(255)], "0xff    |"),
            ("%#-08x|", vec![I(255)], "0xff    |"),
            ("%#08X", vec![I(-255)], "-0X000FF"),
            ("%08s", vec![S("ab")], "      ab"),
            ("% s", vec![S("ab")], "ab"),
            ("%.3g", vec![F(0.0001234)], "0.000123"),
            ("%#.3g", vec![F(1.0)], "1.00"),
            ("%g", vec![F(100000.0)], "100000"),
            ("%g", vec![F(1000000.0)], "1e+06"),
            ("%G", vec![F(nan)], "NAN"),
            ("%05.1f%%", vec![F(99.5)], "099.5%"),
            ("%s and %r", vec![I(1), F(1.5)], "1 and 1.5"),
            ("x", vec![], "x"),
            (
                "%.2147483648f",
                vec![F(1.0)],
                "ValueError precision too big",
            ),
            (
                "%99999999999999999999d",
                vec![I(1)],
                "ValueError width too big",
            ),
        ];
        for (f, v, want) in cases {
            assert_eq!(t(f, v), want, "{:?}", f);
        }
    }

    #[test]
    fn mapping_and_whole() {
        const NEA: &str = "TypeError not enough arguments for format string";
        const NAC: &str = "TypeError not all arguments converted during string formatting";
        use V::*;
        let m = || {
            Some(vec![
                ("a", S("x")),
                ("b", I(2)),
                ("a(b)", I(1)),
                ("x", I(5)),
            ])
        };
        assert_eq!(run("%(a)s %(b)d", None, None, m()), "x 2");
        assert_eq!(run("%(a)s %s", None, None, m()), NEA);
        assert_eq!(run("%(a(b))s", None, None, m()), "1");
        assert_eq!(run("%(a)s %(a)s %%", None, None, m()), "x x %");
        assert_eq!(run("%(x)*d", None, None, m()), NEA);
        assert_eq!(
            run("%(a", None, None, m()),
            "ValueError incomplete format key"
        );
        assert_eq!(run("%(zz)s", None, None, m()), "ValueError KeyError zz");
        assert_eq!(run("x", None, None, m()), "x");
        assert_eq!(run("%s", None, Some(I(5)), None), "5");
        assert_eq!(run("%s %s", None, Some(I(5)), None), NEA);
        assert_eq!(run("x", None, Some(I(5)), None), NAC);
    }
}
