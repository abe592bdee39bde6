//! Float <-> text conversions matching CPython 3.11 exactly.
//!
//! The digit generation relies on Rust's float formatting, which produces
//! shortest round-trip digits for `{:e}` and correctly rounded
//! (round-half-even on the exact binary value) digits for `{:.N}` /
//! `{:.Ne}` -- the same results as CPython's `_Py_dg_dtoa` modes 0, 2 and 3.
//! The layout code mirrors `format_float_short` in `Python/pystrtod.c`.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, Zero};
use std::fmt::Write;

/// `Py_DTSF_ALT`: alternate form (`#`): always keep the decimal point,
/// keep trailing zeros for `g`.
pub const DTSF_ALT: u8 = 1;
/// `Py_DTSF_ADD_DOT_0`: add `.0` to integral results (repr / empty type).
pub const DTSF_ADD_DOT_0: u8 = 2;
/// `Py_DTSF_NO_NEG_0`: drop the sign of a result that rounds to zero (`z`).
pub const DTSF_NO_NEG_0: u8 = 4;

/// Fixed-size stack buffer used to avoid heap allocation while formatting.
struct StackBuf {
    buf: [u8; 48],
    len: usize,
}

impl StackBuf {
    fn new() -> Self {
        StackBuf {
            buf: [0; 48],
            len: 0,
        }
    }
    fn as_bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }
}

impl Write for StackBuf {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        let b = s.as_bytes();
        if self.len + b.len() > self.buf.len() {
            return Err(std::fmt::Error);
        }
        self.buf[self.len..self.len + b.len()].copy_from_slice(b);
        self.len += b.len();
        Ok(())
    }
}

/// Split Rust `{:e}`-style output of a non-negative finite number
/// (`d[.ddd]e[-]N`) into (digit bytes, decimal point position) where the
/// value is `0.DIGITS * 10**decpt`. Trailing zeros are stripped; zero gives
/// ("0", 1) like `_Py_dg_dtoa`.
fn split_sci(s: &[u8], digits: &mut StackBuf) -> i64 {
    let epos = s.iter().position(|&c| c == b'e').unwrap_or(s.len());
    for &c in &s[..epos] {
        if c.is_ascii_digit() {
            digits.buf[digits.len] = c;
            digits.len += 1;
        }
    }
    while digits.len > 0 && digits.buf[digits.len - 1] == b'0' {
        digits.len -= 1;
    }
    let exp: i64 = std::str::from_utf8(&s[epos + 1..])
        .ok()
        .and_then(|t| t.parse().ok())
        .unwrap_or(0);
    if digits.len == 0 {
        digits.buf[0] = b'0';
        digits.len = 1;
        return 1;
    }
    exp + 1
}

/// Could the exact value of `ax` (> 0, finite) lie exactly halfway between
/// two shortest candidates? Only possible when its exact decimal expansion
/// has at most 18 significant digits.
fn tie_possible(ax: f64) -> bool {
    let bits = ax.to_bits();
    let bexp = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (m, e) = if bexp == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), bexp - 1075)
    };
    if m == 0 {
        return false;
    }
    let tz = m.trailing_zeros() as i64;
    let (m, e) = (m >> tz, e + tz);
    if e >= 0 {
        // Integers below 2**53 are printed exactly.
        return ax >= 9007199254740992.0;
    }
    if -e > 26 {
        return false;
    }
    (m as u128) * 5u128.pow((-e) as u32) < 1_000_000_000_000_000_000u128
}

/// Shortest round-trip digits of `ax` (finite, >= 0) as dtoa mode 0 gives
/// them: among the shortest strings, the one nearest the exact value, ties
/// broken to even. Returns decpt (value = 0.DIGITS * 10**decpt).
fn shortest_digits(ax: f64, digits: &mut StackBuf) -> i64 {
    let mut sci = StackBuf::new();
    let _ = write!(sci, "{:e}", ax);
    let decpt = split_sci(sci.as_bytes(), digits);
    let n = digits.len;
    if n >= 2 && ax != 0.0 && tie_possible(ax) {
        // Rust breaks exact ties differently from dtoa; use the correctly
        // rounded (half-even) n-digit value when it round-trips.
        let mut alt = StackBuf::new();
        if write!(alt, "{:.*e}", n - 1, ax).is_ok() {
            let ok = std::str::from_utf8(alt.as_bytes())
                .ok()
                .and_then(|t| t.parse::<f64>().ok())
                == Some(ax);
            if ok {
                let mut d2 = StackBuf::new();
                let dp2 = split_sci(alt.as_bytes(), &mut d2);
                *digits = d2;
                return dp2;
            }
        }
    }
    decpt
}

fn push_zeros(out: &mut String, n: i64) {
    for _ in 0..n.max(0) {
        out.push('0');
    }
}

/// Port of the layout part of CPython's `format_float_short` for codes
/// `e`, `g` and `r` (digits already generated; sign handled by caller).
#[allow(clippy::too_many_arguments)]
fn layout(
    out: &mut String,
    digits: &[u8],
    mut decpt: i64,
    code: u8,
    precision: i64,
    add_dot_0: bool,
    alt: bool,
    upper: bool,
) {
    let digits_len = digits.len() as i64;
    let mut vdigits_end = digits_len;
    let mut use_exp = false;
    match code {
        b'e' => {
            use_exp = true;
            vdigits_end = precision;
        }
        b'g' => {
            let lim = if add_dot_0 { precision - 1 } else { precision };
            if decpt <= -4 || decpt > lim {
                use_exp = true;
            }
            if alt {
                vdigits_end = precision;
            }
        }
        _ => {
            // 'r'
            if decpt <= -4 || decpt > 16 {
                use_exp = true;
            }
        }
    }
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vdigits_start = if decpt <= 0 { decpt - 1 } else { 0 };
    if !use_exp && add_dot_0 {
        vdigits_end = vdigits_end.max(decpt + 1);
    } else {
        vdigits_end = vdigits_end.max(decpt);
    }
    let ds = |a: usize, b: usize| unsafe_ascii(&digits[a..b]);
    if decpt <= 0 {
        push_zeros(out, decpt - vdigits_start);
        out.push('.');
        push_zeros(out, -decpt);
    } else {
        push_zeros(out, -vdigits_start);
    }
    if 0 < decpt && decpt <= digits_len {
        out.push_str(ds(0, decpt as usize));
        out.push('.');
        out.push_str(ds(decpt as usize, digits.len()));
    } else {
        out.push_str(ds(0, digits.len()));
    }
    if digits_len < decpt {
        push_zeros(out, decpt - digits_len);
        out.push('.');
        push_zeros(out, vdigits_end - decpt);
    } else {
        push_zeros(out, vdigits_end - digits_len);
    }
    if out.ends_with('.') && !alt {
        out.pop();
    }
    if use_exp {
        out.push(if upper { 'E' } else { 'e' });
        out.push(if exp < 0 { '-' } else { '+' });
        let a = exp.unsigned_abs();
        if a < 10 {
            out.push('0');
        }
        let _ = write!(out, "{}", a);
    }
}

fn unsafe_ascii(b: &[u8]) -> &str {
    // Digits are always ASCII; this cannot fail.
    std::str::from_utf8(b).unwrap_or("")
}

/// Append `repr(x)` to `out` (no heap allocation besides growing `out`).
pub fn float_repr_into(x: f64, out: &mut String) {
    if x.is_nan() {
        out.push_str("nan");
        return;
    }
    if x.is_infinite() {
        out.push_str(if x < 0.0 { "-inf" } else { "inf" });
        return;
    }
    if x.is_sign_negative() {
        out.push('-');
    }
    let mut digits = StackBuf::new();
    let decpt = shortest_digits(x.abs(), &mut digits);
    layout(out, digits.as_bytes(), decpt, b'r', 0, true, false, false);
}

/// Exactly CPython's `repr(float)` / `str(float)`.
pub fn float_repr(x: f64) -> String {
    let mut s = String::with_capacity(24);
    float_repr_into(x, &mut s);
    s
}

/// Port of `PyOS_double_to_string(x, code, precision, flags, NULL)`.
/// `code` is one of `e E f F g G r` (`r` ignores `precision`).
/// `flags` is a combination of `DTSF_*`. Negative results start with `-`;
/// NaN never gets a sign.
pub fn double_to_string(x: f64, code: char, precision: usize, flags: u8) -> String {
    let upper = matches!(code, 'E' | 'F' | 'G');
    let alt = flags & DTSF_ALT != 0;
    let add_dot_0 = flags & DTSF_ADD_DOT_0 != 0;
    let no_neg_0 = flags & DTSF_NO_NEG_0 != 0;
    if x.is_nan() {
        return if upper { "NAN" } else { "nan" }.to_string();
    }
    if x.is_infinite() {
        let s = if upper { "INF" } else { "inf" };
        return if x < 0.0 {
            format!("-{}", s)
        } else {
            s.to_string()
        };
    }
    let mut out = String::with_capacity(24 + precision);
    let neg = x.is_sign_negative();
    let ax = x.abs();
    out.push('-');
    match code.to_ascii_lowercase() {
        'f' => {
            let _ = write!(out, "{:.*}", precision, ax);
            if alt && precision == 0 {
                out.push('.');
            }
        }
        'r' => {
            let mut digits = StackBuf::new();
            let decpt = shortest_digits(ax, &mut digits);
            layout(
                &mut out,
                digits.as_bytes(),
                decpt,
                b'r',
                0,
                add_dot_0,
                alt,
                upper,
            );
        }
        c => {
            // 'e' uses precision+1 significant digits; 'g' precision (>=1).
            let (code_b, prec) = if c == 'e' {
                (b'e', precision + 1)
            } else {
                (b'g', precision.max(1))
            };
            let sci = format!("{:.*e}", prec - 1, ax);
            let b = sci.as_bytes();
            let epos = b.iter().position(|&c| c == b'e').unwrap_or(b.len());
            let mut digits: Vec<u8> = b[..epos]
                .iter()
                .copied()
                .filter(u8::is_ascii_digit)
                .collect();
            while digits.len() > 1 && digits.last() == Some(&b'0') {
                digits.pop();
            }
            let exp: i64 = sci[epos + 1..].parse().unwrap_or(0);
            let decpt = if digits == b"0" { 1 } else { exp + 1 };
            layout(
                &mut out,
                &digits,
                decpt,
                code_b,
                prec as i64,
                add_dot_0,
                alt,
                upper,
            );
        }
    }
    let is_zero = !out
        .bytes()
        .take_while(|&c| c != b'e' && c != b'E')
        .any(|c| (b'1'..=b'9').contains(&c));
    if !neg || (no_neg_0 && is_zero) {
        out.remove(0);
    }
    out
}

/// Python's `round(x, ndigits)` for a float; on overflow (only possible for
/// negative `ndigits` near `f64::MAX`) returns an infinity. See
/// [`try_float_round`] for the checked variant.
pub fn float_round(x: f64, ndigits: i64) -> f64 {
    match try_float_round(x, ndigits) {
        Ok(v) => v,
        Err(_) => f64::INFINITY.copysign(x),
    }
}

/// Python's `round(x, ndigits)`; `Err` carries the OverflowError message
/// `rounded value too large to represent`.
pub fn try_float_round(x: f64, ndigits: i64) -> Result<f64, String> {
    if !x.is_finite() || x == 0.0 {
        return Ok(x);
    }
    if ndigits > 323 {
        return Ok(x);
    }
    if ndigits < -308 {
        return Ok(0.0 * x);
    }
    // |x| = m * 2**e exactly.
    let bits = x.abs().to_bits();
    let bexp = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (m, e) = if bexp == 0 {
        (frac, -1074i64)
    } else {
        (frac | (1u64 << 52), bexp - 1075)
    };
    let ten = BigInt::from(10u32);
    let (num, den) = if ndigits >= 0 {
        if e >= 0 {
            return Ok(x);
        }
        (
            BigInt::from(m) * num_traits::pow(ten, ndigits as usize),
            BigInt::one() << ((-e) as usize),
        )
    } else {
        let k = (-ndigits) as usize;
        let mut num = BigInt::from(m);
        let mut den = num_traits::pow(ten, k);
        if e >= 0 {
            num <<= e as usize;
        } else {
            den <<= (-e) as usize;
        }
        (num, den)
    };
    let (mut q, r) = num.div_rem(&den);
    let twice: BigInt = r << 1usize;
    if twice > den || (twice == den && q.is_odd()) {
        q += 1;
    }
    let sign = if x < 0.0 { "-" } else { "" };
    let text = format!("{}{}e{}", sign, q, -ndigits);
    let v: f64 = text.parse().unwrap_or(0.0);
    if v.is_infinite() {
        return Err("rounded value too large to represent".to_string());
    }
    if q.is_zero() || v == 0.0 {
        return Ok(0.0 * x.signum());
    }
    debug_assert!(!q.is_negative());
    Ok(v)
}

/// `round(x)` with no ndigits: round half to even (the caller converts the
/// result to int and reports inf/nan errors).
pub fn float_round_int(x: f64) -> f64 {
    x.round_ties_even()
}

/// Python's `str.isspace` for a single character.
pub fn py_isspace(c: char) -> bool {
    c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)
}

/// `float(s)` for a str argument: `None` means ValueError
/// (`could not convert string to float: <repr(s)>`).
pub fn parse_float(s: &str) -> Option<f64> {
    let t = s.trim_matches(py_isspace);
    if t.is_empty() || !t.is_ascii() {
        return None;
    }
    let cleaned;
    let t = if t.contains('_') {
        let b = t.as_bytes();
        let mut v = String::with_capacity(t.len());
        let mut prev = 0u8;
        for &c in b {
            if c == b'_' {
                if !prev.is_ascii_digit() {
                    return None;
                }
            } else {
                if prev == b'_' && !c.is_ascii_digit() {
                    return None;
                }
                v.push(c as char);
            }
            prev = c;
        }
        if prev == b'_' {
            return None;
        }
        cleaned = v;
        cleaned.as_str()
    } else {
        t
    };
    let b = t.as_bytes();
    let mut i = 0;
    let neg = match b.first() {
        Some(b'-') => {
            i = 1;
            true
        }
        Some(b'+') => {
            i = 1;
            false
        }
        _ => false,
    };
    let rest = &t[i..];
    let lower = rest.to_ascii_lowercase();
    if lower == "inf" || lower == "infinity" {
        return Some(if neg {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        });
    }
    if lower == "nan" {
        return Some(if neg { -f64::NAN } else { f64::NAN });
    }
    // [digits][.digits] with at least one digit, then optional exponent.
    let rb = rest.as_bytes();
    let mut j = 0;
    let mut nd = 0;
    while j < rb.len() && rb[j].is_ascii_digit() {
        j += 1;
        nd += 1;
    }
    if j < rb.len() && rb[j] == b'.' {
        j += 1;
        while j < rb.len() && rb[j].is_ascii_digit() {
            j += 1;
            nd += 1;
        }
    }
    if nd == 0 {
        return None;
    }
    if j < rb.len() && (rb[j] == b'e' || rb[j] == b'E') {
        j += 1;
        if j < rb.len() && (rb[j] == b'+' || rb[j] == b'-') {
            j += 1;
        }
        let st = j;
        while j < rb.len() && rb[j].is_ascii_digit() {
            j += 1;
        }
        if j == st {
            return None;
        }
    }
    if j != rb.len() {
        return None;
    }
    let v: f64 = rest.parse().ok()?;
    Some(if neg { -v } else { v })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_cases() {
        let cases: &[(f64, &str)] = &[
            (1.0, "1.0"),
            (1e16, "1e+16"),
            (1e-7, "1e-07"),
            (0.1 + 0.2, "0.30000000000000004"),
            (-0.0, "-0.0"),
            (0.0, "0.0"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (-f64::NAN, "nan"),
            (1.5e300, "1.5e+300"),
            (5e-324, "5e-324"),
            (123456789012345.0, "123456789012345.0"),
            (1234567890123456.8, "1234567890123456.8"),
            (123456789012345678.0, "1.2345678901234568e+17"),
            (1e-5, "1e-05"),
            (0.0001, "0.0001"),
            (0.00012345, "0.00012345"),
            (1e15, "1000000000000000.0"),
            (9999999999999998.0, "9999999999999998.0"),
            (1e22, "1e+22"),
            (f64::MAX, "1.7976931348623157e+308"),
            (2.2250738585072014e-308, "2.2250738585072014e-308"),
            (-1.5, "-1.5"),
            (100.0, "100.0"),
            (0.1, "0.1"),
            (1.0 / 3.0, "0.3333333333333333"),
            (2.0f64.powi(60), "1.152921504606847e+18"),
            (-123.456e-10, "-1.23456e-08"),
            (930513874924285.25, "930513874924285.2"),
            (-233891771783429.625, "-233891771783429.62"),
            (2053637337633904.25, "2053637337633904.2"),
            (650118293889671.25, "650118293889671.2"),
            (650118293889671.75, "650118293889671.8"),
        ];
        for (x, want) in cases {
            assert_eq!(float_repr(*x), *want, "repr of {:?}", x);
        }
    }

    #[test]
    fn dts_cases() {
        assert_eq!(double_to_string(1.5, 'g', 0, DTSF_ADD_DOT_0), "2e+00");
        assert_eq!(double_to_string(1e16, 'g', 3, DTSF_ADD_DOT_0), "1e+16");
        assert_eq!(double_to_string(1.5, 'g', 3, DTSF_ADD_DOT_0), "1.5");
        assert_eq!(double_to_string(123.0, 'g', 2, DTSF_ADD_DOT_0), "1.2e+02");
        assert_eq!(double_to_string(123.0, 'g', 3, DTSF_ADD_DOT_0), "1.23e+02");
        assert_eq!(double_to_string(123.0, 'g', 4, DTSF_ADD_DOT_0), "123.0");
        assert_eq!(double_to_string(1.0, 'g', 6, DTSF_ALT), "1.00000");
        assert_eq!(double_to_string(15.0, 'e', 0, DTSF_ALT), "2.e+01");
        assert_eq!(double_to_string(15.0, 'e', 0, 0), "2e+01");
        assert_eq!(double_to_string(2.5, 'f', 0, DTSF_ALT), "2.");
        assert_eq!(double_to_string(1e-10, 'G', 6, 0), "1E-10");
        assert_eq!(double_to_string(-0.0001, 'f', 2, DTSF_NO_NEG_0), "0.00");
        assert_eq!(double_to_string(-0.0001, 'f', 2, 0), "-0.00");
        assert_eq!(double_to_string(0.0, 'e', 6, 0), "0.000000e+00");
        assert_eq!(double_to_string(-f64::INFINITY, 'F', 6, 0), "-INF");
        assert_eq!(double_to_string(12345.678, 'e', 3, 0), "1.235e+04");
    }

    #[test]
    fn round_cases() {
        // python3 -c "print(round(2.675,2), round(0.5), round(1.5), round(2.5), round(-0.001,2), round(1234.5,-1), round(1250.0,-2), round(1350.0,-2), round(0.125,2), round(1e300,-300), round(5e-324, 323), round(1.7976931348623157e308,-308))"
        assert_eq!(float_round(2.675, 2), 2.67);
        assert_eq!(float_round_int(0.5), 0.0);
        assert_eq!(float_round_int(1.5), 2.0);
        assert_eq!(float_round_int(2.5), 2.0);
        let z = float_round(-0.001, 2);
        assert!(z == 0.0 && z.is_sign_negative());
        assert_eq!(float_round(1234.5, -1), 1230.0);
        assert_eq!(float_round(1250.0, -2), 1200.0);
        assert_eq!(float_round(1350.0, -2), 1400.0);
        assert_eq!(float_round(0.125, 2), 0.12);
        assert_eq!(float_round(1e300, -300), 1e300);
        assert_eq!(float_round(5e-324, 323), 0.0);
        assert_eq!(float_round(5e-324, 324), 5e-324);
        assert_eq!(float_round(0.5, 0), 0.0);
        assert_eq!(float_round(-2.5, 0), -2.0);
        assert_eq!(float_round(3.14159, 3), 3.142);
        assert_eq!(float_round(123.456, 400), 123.456);
        assert_eq!(float_round(123.456, -400), 0.0);
        assert!(try_float_round(1.7976931348623157e308, -308).is_err());
        assert!(try_float_round(1.7976931348623157e308, -307).is_err());
        assert!(try_float_round(1.7976931348623157e308, -306).is_err());
        assert!(float_round(-1.7976931348623157e308, -306) == f64::NEG_INFINITY);
    }

    #[test]
    fn parse_cases() {
        assert_eq!(parse_float("  1.5  "), Some(1.5));
        assert_eq!(parse_float("1_000.5"), Some(1000.5));
        assert_eq!(parse_float("1e1_0"), Some(1e10));
        assert_eq!(parse_float("-Infinity"), Some(f64::NEG_INFINITY));
        assert_eq!(parse_float("+inf"), Some(f64::INFINITY));
        assert!(parse_float("nan").unwrap().is_nan());
        assert!(parse_float("-NaN").unwrap().is_nan());
        assert_eq!(parse_float(".5"), Some(0.5));
        assert_eq!(parse_float("5."), Some(5.0));
        assert_eq!(parse_float("1e400"), Some(f64::INFINITY));
        assert_eq!(parse_float("\u{3000}2\x1f"), Some(2.0));
        for bad in [
            "", " ", "1__0", "_1", "1_", "1_.5", "1._5", "1e", ".", "e5", "0x10", "1.5f", "in f",
            "infinit", "1 2", "--1", "nan1",
        ] {
            assert_eq!(parse_float(bad).map(|v| v.to_bits()), None, "{:?}", bad);
        }
    }
}
