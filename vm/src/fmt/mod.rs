//! Pure formatting helpers matching CPython 3.11 output exactly:
//! float repr/round/parse, the format-spec mini-language, printf-style
//! `%` formatting, and str/bytes repr. No dependency on the rest of the VM.

pub mod float;
pub mod percent;
pub mod spec;
pub mod strrepr;

pub use float::{
    double_to_string, float_repr, float_repr_into, float_round, float_round_int, parse_float,
    py_isspace, try_float_round, DTSF_ADD_DOT_0, DTSF_ALT, DTSF_NO_NEG_0,
};
pub use percent::{
    apply_percent_float, apply_percent_int, apply_percent_str, parse_percent, percent_format,
    PercentArgRef, PercentArgs, PercentConv, PercentCount, PercentError, PercentErrorKind,
    PercentPiece, PercentSpec, PercentValue,
};
pub use spec::{
    format_float, format_float_typed, format_int, format_int_typed, format_str, format_str_typed,
    is_overflow_error, parse_spec, parse_spec_for, FormatSpec,
};
pub use strrepr::{ascii_escape, ascii_repr, bytes_repr, is_printable, str_repr, str_repr_into};
