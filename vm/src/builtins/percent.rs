//! printf-style `str % args`: the Python-side argument access for the
//! `fmt::percent` driver (which owns parsing, sequencing and rendering).

use crate::error::{self, PyErr, PyResult};
use crate::fmt::{
    self as pyfmt, PercentArgRef, PercentArgs, PercentConv, PercentError, PercentErrorKind,
    PercentValue,
};
use crate::object::Kind;
use crate::ops;
use crate::types::int::as_int;
use crate::types::str::{as_str, intern, new_str};
use crate::types::tuple::as_tuple;
use crate::types::type_name;
use crate::value::Value;
use crate::vm::Vm;

struct PErr(PyErr);
impl From<PercentError> for PErr {
    fn from(e: PercentError) -> PErr {
        PErr(match e.kind {
            PercentErrorKind::ValueError => error::value_error(e.msg),
            PercentErrorKind::TypeError => error::type_error(e.msg),
            PercentErrorKind::OverflowError => error::overflow_error(e.msg),
        })
    }
}
impl From<PyErr> for PErr {
    fn from(e: PyErr) -> PErr {
        PErr(e)
    }
}

struct PArgs<'a> {
    vm: &'a mut Vm,
    args: &'a Value,
    mapping: bool,
    keyed: Value,
}

impl PArgs<'_> {
    fn get(&self, a: PercentArgRef) -> Value {
        match a {
            PercentArgRef::Index(i) => as_tuple(self.args)
                .map(|t| t[i].clone())
                .unwrap_or(Value::NONE),
            PercentArgRef::Whole => self.args.clone(),
            PercentArgRef::Keyed => self.keyed.clone(),
        }
    }
}

impl PercentArgs for PArgs<'_> {
    type Error = PErr;
    fn tuple_len(&self) -> Option<usize> {
        as_tuple(self.args).map(|t| t.len())
    }
    fn is_mapping(&self) -> bool {
        self.mapping
    }
    fn lookup_key(&mut self, key: &str) -> Result<(), PErr> {
        self.keyed = ops::getitem(self.vm, self.args, &new_str(key))?;
        Ok(())
    }
    fn star_int(&mut self, arg: PercentArgRef) -> Result<i64, PErr> {
        let v = self.get(arg);
        match as_int(&v) {
            Some(i) => Ok(i.to_i64().ok_or_else(|| {
                error::overflow_error("Python int too large to convert to C ssize_t")
            })?),
            None => Err(PercentError::star_wants_int().into()),
        }
    }
    fn value(
        &mut self,
        arg: PercentArgRef,
        kind: PercentConv,
        conv: char,
    ) -> Result<PercentValue, PErr> {
        let v = self.get(arg);
        Ok(match kind {
            PercentConv::Str => PercentValue::Str(ops::repr::str_string(self.vm, &v)?),
            PercentConv::Repr => PercentValue::Str(ops::repr::repr_string(self.vm, &v)?),
            PercentConv::Ascii => {
                PercentValue::Str(as_str(&ops::ascii(self.vm, &v)?).unwrap_or("").to_string())
            }
            PercentConv::Int | PercentConv::Float | PercentConv::Char => {
                if let Some(f) = v.as_float() {
                    if kind == PercentConv::Char {
                        return Err(PercentError::wrong_type('c', "float").into());
                    }
                    PercentValue::Float(f)
                } else if let Some(i) = as_int(&v) {
                    if matches!(conv, 'd' | 'i' | 'u') {
                        crate::types::int::check_str_digits(&i)?;
                    }
                    PercentValue::Int(i.to_big())
                } else if let (PercentConv::Char, Some(s)) = (kind, as_str(&v)) {
                    PercentValue::Str(s.to_string())
                } else {
                    return Err(PercentError::wrong_type(conv, type_name(&v)).into());
                }
            }
        })
    }
}

pub fn percent_format(vm: &mut Vm, fmt: &str, args: &Value) -> PyResult<Value> {
    let mapping = match args.kind() {
        // CPython's PyMapping_Check: anything subscriptable by key (bytes too), not tuples.
        Some(Kind::Dict | Kind::List | Kind::Range | Kind::Bytes | Kind::ByteArray) => true,
        Some(Kind::Instance) => ops::getattr(vm, args, &intern("__getitem__")).is_ok(),
        _ => false,
    };
    let mut pa = PArgs {
        vm,
        args,
        mapping,
        keyed: Value::NONE,
    };
    match pyfmt::percent_format(fmt, &mut pa) {
        Ok(s) => Ok(new_str(s)),
        Err(PErr(e)) => Err(e),
    }
}
