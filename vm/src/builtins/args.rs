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
