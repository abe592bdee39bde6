//! Argument helpers for native functions (vectorcall convention: positional arguments,
//! then the values of the keywords named in `kwnames`).

use crate::error::{self, PyResult};
use crate::types::int::as_int;
use crate::types::str::as_str;
use crate::types::type_name;
use crate::value::Value;

pub struct Args<'a> {
    pub pos: &'a [Value],
    pub kwnames: &'a [Value],
    pub kwvals: &'a [Value],
    pub fname: &'static str,
}

impl<'a> Args<'a> {
    pub fn new(fname: &'static str, args: &'a [Value], kwnames: &'a [Value]) -> Args<'a> {
        let n = args.len() - kwnames.len();
        Args {
            pos: &args[..n],
            kwnames,
            kwvals: &args[n..],
            fname,
        }
    }
    pub fn len(&self) -> usize {
        self.pos.len()
    }
    pub fn is_empty(&self) -> bool {
        self.pos.is_empty()
    }
    /// Checks the positional count and that only `allowed` keywords were given.
    pub fn check(&self, min: usize, max: usize, allowed: &[&str]) -> PyResult<()> {
        for k in self.kwnames {
            let k = as_str(k).unwrap_or("");
            if !allowed.contains(&k) {
                if allowed.is_empty() {
                    return Err(error::type_error(format!(
                        "{}() takes no keyword arguments",
                        self.fname
                    )));
                }
                return Err(error::type_error(format!(
                    "{}() got an unexpected keyword argument '{}'",
                    self.fname, k
                )));
            }
        }
        let n = self.pos.len();
        if n < min || n > max {
            return Err(arg_count_error(self.fname, min, max, n));
        }
        Ok(())
    }
    pub fn get(&self, i: usize) -> Option<&'a Value> {
        self.pos.get(i)
    }
    pub fn kw(&self, name: &str) -> Option<&'a Value> {
        self.kwnames
            .iter()
            .position(|k| as_str(k) == Some(name))
            .map(|i| &self.kwvals[i])
    }
    /// Positional `i` or keyword `name`.
    pub fn arg(&self, i: usize, name: &str) -> Option<&'a Value> {
        self.get(i).or_else(|| self.kw(name))
    }
}

pub fn arg_count_error(fname: &str, min: usize, max: usize, n: usize) -> crate::error::PyErr {
    if min == max {
        if min == 0 {
            return error::type_error(format!("{fname}() takes no arguments ({n} given)"));
        }
        if min == 1 {
            return error::type_error(format!("{fname}() takes exactly one argument ({n} given)"));
        }
        return error::type_error(format!("{fname} expected {min} arguments, got {n}"));
    }
    if n < min {
        return error::type_error(format!(
            "{fname} expected at least {min} argument{}, got {n}",
            if min == 1 { "" } else { "s" }
        ));
    }
    error::type_error(format!(
        "{fname} expected at most {max} argument{}, got {n}",
        if max == 1 { "" } else { "s" }
    ))
}

/// A method taking nothing but its receiver (CPython's METH_NOARGS): `args` includes the
/// receiver.
pub fn no_args(qualname: &str, args: &[Value], kwnames: &[Value]) -> PyResult<()> {
    if !kwnames.is_empty() {
        return Err(error::type_error(format!(
            "{qualname}() takes no keyword arguments"
        )));
    }
    if args.len() > 1 {
        return Err(error::type_error(format!(
            "{qualname}() takes no arguments ({} given)",
            args.len() - 1
        )));
    }
    Ok(())
}

/// An int argument that must fit i64 (index-like).
pub fn to_i64(v: &Value, what: &str) -> PyResult<i64> {
    match as_int(v) {
        Some(i) => i
            .to_i64()
            .ok_or_else(|| error::overflow_error("Python int too large to convert to C ssize_t")),
        None => Err(error::type_error(format!(
            "'{}' object cannot be interpreted as an integer{}",
            type_name(v),
            what
        ))),
    }
}

pub fn to_str<'a>(v: &'a Value, fname: &str, argdesc: &str) -> PyResult<&'a str> {
    as_str(v).ok_or_else(|| {
        error::type_error(format!(
            "{fname}() argument {argdesc} must be str, not {}",
            type_name(v)
        ))
    })
}

/// Binds arguments the way CPython's keyword-aware parsers (PyArg_ParseTupleAndKeywords and
/// Argument Clinic) do, with their error messages: `names` are the parameters in order, the
/// first `required` of them must be given, and at most `maxpos` may be given positionally.
pub fn parse_args<'a, const N: usize>(
    fname: &str,
    args: &'a [Value],
    kwnames: &[Value],
    names: [&str; N],
    required: usize,
    maxpos: usize,
) -> PyResult<[Option<&'a Value>; N]> {
    let nkw = kwnames.len();
    let npos = args.len() - nkw;
    let total = args.len();
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    if total > N {
        return Err(error::type_error(format!(
            "{fname}() takes at most {N} {}argument{} ({total} given)",
            if npos == 0 { "keyword " } else { "" },
            plural(N)
        )));
    }
    if npos > maxpos {
        return Err(error::type_error(format!(
            "{fname}() takes {} {maxpos} positional argument{} ({npos} given)",
            if required < maxpos {
                "at most"
            } else {
                "exactly"
            },
            plural(maxpos)
        )));
    }
    let kw = |name: &str| {
        kwnames
            .iter()
            .position(|k| as_str(k) == Some(name))
            .map(|i| &args[npos + i])
    };
    let mut out: [Option<&'a Value>; N] = [None; N];
    for (i, name) in names.iter().enumerate() {
        if i < npos {
            if kw(name).is_some() {
                return Err(error::type_error(format!(
                    "argument for {fname}() given by name ('{name}') and position ({})",
                    i + 1
                )));
            }
            out[i] = Some(&args[i]);
        } else {
            out[i] = kw(name);
            if out[i].is_none() && i < required {
                return Err(error::type_error(format!(
                    "{fname}() missing required argument '{name}' (pos {})",
                    i + 1
                )));
            }
        }
    }
    for k in kwnames {
        let k = as_str(k).unwrap_or("");
        if !names.contains(&k) {
            return Err(error::type_error(format!(
                "'{k}' is an invalid keyword argument for {fname}()"
            )));
        }
    }
    Ok(out)
}

/// Positional-only arguments checked as CPython's `_PyArg_CheckPositional` /
/// `PyArg_UnpackTuple` do ("f expected at least 1 argument, got 0"), refusing keywords.
pub fn positional<'a>(
    fname: &str,
    args: &'a [Value],
    kwnames: &[Value],
    min: usize,
    max: usize,
) -> PyResult<&'a [Value]> {
    if !kwnames.is_empty() {
        return Err(error::type_error(format!(
            "{fname}() takes no keyword arguments"
        )));
    }
    let n = args.len();
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    if n < min || n > max {
        return Err(error::type_error(if min == max {
            format!("{fname} expected {min} argument{}, got {n}", plural(min))
        } else if n < min {
            format!(
                "{fname} expected at least {min} argument{}, got {n}",
                plural(min)
            )
        } else {
            format!(
                "{fname} expected at most {max} argument{}, got {n}",
                plural(max)
            )
        }));
    }
    Ok(args)
}

/// The signature of a native function that stands in for a function written in Python,
/// so argument errors read as CPython's do for Python functions
/// (`Random.seed() takes from 1 to 3 positional arguments but 4 were given`).
pub struct Signature {
    pub qualname: &'static str,
    /// Positional-or-keyword parameters, `self` included for methods.
    pub params: &'static [&'static str],
    /// How many trailing `params` have defaults.
    pub defaults: usize,
    /// Keyword-only parameters (all have defaults).
    pub kwonly: &'static [&'static str],
}

impl Signature {
    /// One slot per parameter (`params`, then `kwonly`); None where the default applies.
    pub fn bind<'a>(
        &self,
        args: &'a [Value],
        kwnames: &[Value],
    ) -> PyResult<Vec<Option<&'a Value>>> {
        let np = self.params.len();
        let npos = args.len() - kwnames.len();
        let mut slots: Vec<Option<&'a Value>> = vec![None; np + self.kwonly.len()];
        if npos > np {
            let takes = if self.defaults > 0 {
                format!("from {} to {} positional arguments", np - self.defaults, np)
            } else {
                format!(
                    "{} positional argument{}",
                    np,
                    if np == 1 { "" } else { "s" }
                )
            };
            let given = format!("{} {} given", npos, if npos == 1 { "was" } else { "were" });
            return Err(error::type_error(format!(
                "{}() takes {} but {}",
                self.qualname, takes, given
            )));
        }
        for (slot, a) in slots.iter_mut().zip(&args[..npos]) {
            *slot = Some(a);
        }
        for (k, v) in kwnames.iter().zip(&args[npos..]) {
            let name = as_str(k).unwrap_or("");
            let i = self
                .params
                .iter()
                .chain(self.kwonly)
                .position(|p| *p == name)
                .ok_or_else(|| {
                    error::type_error(format!(
                        "{}() got an unexpected keyword argument '{}'",
                        self.qualname, name
                    ))
                })?;
            if slots[i].is_some() {
                return Err(error::type_error(format!(
                    "{}() got multiple values for argument '{}'",
                    self.qualname, name
                )));
            }
            slots[i] = Some(v);
        }
        let missing: Vec<String> = (0..np - self.defaults)
            .filter(|&i| slots[i].is_none())
            .map(|i| format!("'{}'", self.params[i]))
            .collect();
        if !missing.is_empty() {
            let names = match missing.len() {
                1 => missing[0].clone(),
                2 => format!("{} and {}", missing[0], missing[1]),
                n => format!("{}, and {}", missing[..n - 1].join(", "), missing[n - 1]),
            };
            return Err(error::type_error(format!(
                "{}() missing {} required positional argument{}: {}",
                self.qualname,
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                names
            )));
        }
        Ok(slots)
    }
}
