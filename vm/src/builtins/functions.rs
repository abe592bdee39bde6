//! Builtin functions (`print`, `len`, `sorted`, ...).

use super::args::{to_i64, Args};
use crate::bytecode::{BinOp, CmpOp};
use crate::error::{self, PyResult};
use crate::ops;
use crate::types::func::NativeFn;
use crate::types::int::{self, as_int, IntRef};
use crate::types::iter::{new_iter, IterState};
use crate::types::list::new_list;
use crate::types::str::{as_str, new_str};
use crate::types::tuple::new_tuple;
use crate::types::{tt, type_name};
use crate::value::Value;
use crate::vm::Vm;
use std::io::Write;

pub static FUNCTIONS: &[(&str, NativeFn)] = &[
    ("print", print),
    ("__build_class__", crate::class::build_class),
    ("exec", super::exec::exec),
    ("eval", super::exec::eval),
    ("compile", super::exec::compile),
    ("globals", super::exec::globals),
    ("locals", super::exec::locals),
    ("vars", super::exec::vars),
    ("len", len),
    ("repr", repr),
    ("ascii", ascii),
    ("abs", abs),
    ("all", all),
    ("any", any),
    ("isinstance", isinstance),
    ("issubclass", issubclass),
    ("chr", chr),
    ("ord", ord),
    ("hex", hex),
    ("bin", bin),
    ("oct", oct),
    ("divmod", divmod),
    ("pow", pow),
    ("round", round),
    ("hash", hash),
    ("iter", iter),
    ("next", next),
    ("sorted", sorted),
    ("min", min),
    ("max", max),
    ("sum", sum),
    ("callable", callable),
    ("id", id),
    ("getattr", getattr),
    ("setattr", setattr),
    ("hasattr", hasattr),
    ("delattr", delattr),
    ("format", format),
    ("input", input),
    ("open", crate::stdlib::fileio::open),
];

fn print(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::new("print", args, kwnames);
    a.check(0, usize::MAX, &["sep", "end", "file", "flush"])?;
    let sep = match a.kw("sep") {
        Some(v) if !v.is_none() => as_str(v)
            .ok_or_else(|| {
                error::type_error(format!(
                    "sep must be None or a string, not {}",
                    type_name(v)
                ))
            })?
            .to_string(),
        _ => " ".to_string(),
    };
    let end = match a.kw("end") {
        Some(v) if !v.is_none() => as_str(v)
            .ok_or_else(|| {
                error::type_error(format!(
                    "end must be None or a string, not {}",
                    type_name(v)
                ))
            })?
            .to_string(),
        _ => "\n".to_string(),
    };
    // No file: the current sys.stdout (a program may have replaced it).
    let file = a
        .kw("file")
        .filter(|f| !f.is_none())
        .cloned()
        .or_else(|| crate::stdio::replaced_stdout(vm));
    let file = file.as_ref();
    if let Some(f) = file.filter(|f| crate::stdlib::sys::stream_kind(f).is_none()) {
        // Any other file object: one write() per piece, as CPython's print does.
        let w = ops::getattr(vm, f, &crate::types::str::intern("write"))?;
        for (i, v) in a.pos.iter().enumerate() {
            if i > 0 {
                vm.call(&w, &[new_str(sep.as_str())], &[])?;
            }
            let piece = ops::to_str(vm, v)?;
            vm.call(&w, &[piece], &[])?;
        }
        vm.call(&w, &[new_str(end.as_str())], &[])?;
        if let Some(fl) = a.kw("flush") {
            if ops::truthy(vm, fl)? {
                let m = ops::getattr(vm, f, &crate::types::str::intern("flush"))?;
                vm.call0(&m)?;
            }
        }
        return Ok(Value::NONE);
    }
    let mut s = String::new();
    let mut failed = None;
    for (i, v) in a.pos.iter().enumerate() {
        if i > 0 {
            s.push_str(&sep);
        }
        if let Some(t) = as_str(v) {
            s.push_str(t);
        } else {
            match ops::repr::str_string(vm, v) {
                Ok(t) => s.push_str(&t),
                // CPython has written the pieces before the failing one.
                Err(e) => {
                    failed = Some(e);
                    break;
                }
            }
        }
    }
    if failed.is_none() {
        s.push_str(&end);
    }
    match file.and_then(crate::stdlib::sys::stream_kind) {
        Some(2) => crate::stdio::write_stderr(vm, s.as_bytes())?,
        _ => crate::stdio::write_stdout(vm, s.as_bytes())?,
    }
    if let Some(e) = failed {
        return Err(e);
    }
    if a.kw("flush").is_some_and(|f| f.as_bool() == Some(true)) {
        std::io::Write::flush(&mut vm.out).map_err(|e| crate::stdio::io_error(&e))?;
    }
    Ok(Value::NONE)
}

fn len(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::new("len", args, kwnames);
    a.check(1, 1, &[])?;
    Ok(Value::int(ops::len(vm, &a.pos[0])? as i64))
}

fn repr(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::new("repr", args, kwnames);
    a.check(1, 1, &[])?;
    ops::repr(vm, &a.pos[0])
}

fn ascii(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::new("ascii", args, kwnames);
    a.check(1, 1, &[])?;
    ops::ascii(vm, &a.pos[0])
}

fn abs(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::new("abs", args, kwnames);
    a.check(1, 1, &[])?;
    crate::ops::arith::abs(vm, &a.pos[0])
}

fn all(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::new("all", args, kwnames);
    a.check(1, 1, &[])?;
    let it = ops::iter(vm, &a.pos[0])?;
    while let Some(x) = ops::next(vm, &it)? {
        if !ops::truthy(vm, &x)? {
            return Ok(Value::FALSE);
        }
    }
    Ok(Value::TRUE)
}

fn any(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::new("any", args, kwnames);
    a.check(1, 1, &[])?;
    let it = ops::iter(vm, &a.pos[0])?;
    while let Some(x) = ops::next(vm, &it)? {
        if ops::truthy(vm, &x)? {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}

/// isinstance/issubclass's second argument: a class or a (nested) tuple of classes.
fn isinstance(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::new("isinstance", args, kwnames);
    a.check(2, 2, &[])?;
    Ok(Value::bool(crate::ops::isinstance::isinstance(
        vm, &a.pos[0], &a.pos[1],
    )?))
}

fn issubclass(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::new("issubclass", args, kwnames);
    a.check(2, 2, &[])?;
    Ok(Value::bool(crate::ops::isinstance::issubclass(
        vm, &a.pos[0], &a.pos[1],
    )?))
}

fn chr(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::new("chr", args, kwnames);
    a.check(1, 1, &[])?;
    let i = to_i64(&a.pos[0], "")?;
    match u32::try_from(i).ok().and_then(char::from_u32) {
        Some(c) => Ok(crate::types::str::char_str(c)),
        None if (0..0x110000).contains(&i) => Err(error::value_error(
            "surrogate characters are not supported yet by pyrun",
        )),
        None => Err(error::value_error("chr() arg not in range(0x110000)")),
    }
}

fn ord(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::new("ord", args, kwnames);
    a.check(1, 1, &[])?;
    if let Some(b) = crate::types::bytes::as_bytes(&a.pos[0]) {
        if b.len() == 1 {
            return Ok(Value::small_int(b[0] as i64));
        }
        return Err(error::type_error(format!(
            "ord() expected a character, but string of length {} found",
            b.len()
        )));
    }
    let s = as_str(&a.pos[0]).ok_or_else(|| {
        error::type_error(format!(
            "ord() expected string of length 1, but {} found",
            type_name(&a.pos[0])
        ))
    })?;
    let mut it = s.chars();
    match (it.next(), it.next()) {
        (Some(c), None) => Ok(Value::small_int(c as i64)),
        _ => Err(error::type_error(format!(
            "ord() expected a character, but string of length {} found",
            s.chars().count()
        ))),
    }
}

fn radix(
    args: &[Value],
    kwnames: &[Value],
    name: &'static str,
    base: u32,
    prefix: &str,
) -> PyResult<Value> {
    let a = Args::new(name, args, kwnames);
    a.check(1, 1, &[])?;
    let i = as_int(&a.pos[0]).ok_or_else(|| {
        error::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(&a.pos[0])
        ))
    })?;
    let b = i.to_big();
    let digits = num_traits::Signed::abs(&b).to_str_radix(base);
    let sign = if i.is_negative() { "-" } else { "" };
    Ok(new_str(format!("{sign}{prefix}{digits}")))
}
/// hex/bin/oct accept anything with `__index__`.
fn radix_index(
    vm: &mut Vm,
    args: &[Value],
    kwnames: &[Value],
    name: &'static str,
    base: u32,
    prefix: &str,
) -> PyResult<Value> {
    if args.len() == 1
        && kwnames.is_empty()
        && ops::dunder::special(&args[0], "__index__").is_some()
    {
        let i = ops::index(vm, &args[0])?;
        return radix(&[i], kwnames, name, base, prefix);
    }
    radix(args, kwnames, name, base, prefix)
}
fn hex(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    radix_index(vm, args, kwnames, "hex", 16, "0x")
}
fn bin(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    radix_index(vm, args, kwnames, "bin", 2, "0b")
}
fn oct(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    radix_index(vm, args, kwnames, "oct", 8, "0o")
}

fn divmod(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::new("divmod", args, kwnames);
    a.check(2, 2, &[])?;
    let (x, y) = (&a.pos[0], &a.pos[1]);
    if ops::dunder::dispatches(x) || ops::dunder::dispatches(y) {
        for (s, o, name) in [(x, y, "__divmod__"), (y, x, "__rdivmod__")] {
            if let Some(r) = ops::dunder::call_special(vm, s, name, &[o.clone()]) {
                let r = r?;
                if !r.is(&crate::types::tt().not_implemented) {
                    return Ok(r);
                }
            }
        }
    }
    if let (Some(i), Some(j)) = (as_int(x), as_int(y)) {
        if j.is_zero() {
            return Err(error::zero_division("integer division or modulo by zero"));
        }
        return Ok(new_tuple(vec![int::floordiv(&i, &j), int::modulo(&i, &j)]));
    }
    let num = |v: &Value| {
        v.as_float()
            .or_else(|| as_int(v).and_then(|i| int::int_to_f64(&i).ok()))
    };
    if let (Some(f), Some(g)) = (num(x), num(y)) {
        if g == 0.0 {
            return Err(error::zero_division("float divmod()"));
        }
        let (q, r) = ops::arith::float_divmod(f, g);
        return Ok(new_tuple(vec![Value::float(q), Value::float(r)]));
    }
    let _ = vm;
    Err(error::type_error(format!(
        "unsupported operand type(s) for divmod(): '{}' and '{}'",
        type_name(x),
        type_name(y)
    )))
}

fn pow(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [base, exp, m] =
        super::args::parse_args("pow", args, kwnames, ["base", "exp", "mod"], 2, 3)?;
    let (base, exp) = (base.unwrap(), exp.unwrap());
    match m.filter(|m| !m.is_none()) {
        None => ops::binary_op(vm, BinOp::Pow, false, base, exp),
        Some(m) => {
            let (Some(b), Some(e), Some(mm)) =
                (int::to_big(base), int::to_big(exp), int::to_big(m))
            else {
                // A type with its own ternary __pow__ (complex) answers for itself.
                if crate::pytypes::complex::as_complex(base).is_some() {
                    let meth = crate::ops::dunder::special(base, "__pow__").unwrap();
                    return crate::ops::dunder::call_method(
                        vm,
                        &meth,
                        base,
                        &[exp.clone(), m.clone()],
                    );
                }
                return Err(error::type_error(
                    "pow() 3rd argument not allowed unless all arguments are integers",
                ));
            };
            if num_traits::Zero::is_zero(&mm) {
                return Err(error::value_error("pow() 3rd argument cannot be 0"));
            }
            if num_traits::Signed::is_negative(&e) {
                // Modular inverse, then raise.
                let inv = mod_inverse(&b, &mm).ok_or_else(|| {
                    error::value_error("base is not invertible for the given modulus")
                })?;
                return Ok(int::pow_mod(&inv, &-e, &mm));
            }
            Ok(int::pow_mod(&b, &e, &mm))
        }
    }
}

fn mod_inverse(a: &num_bigint::BigInt, m: &num_bigint::BigInt) -> Option<num_bigint::BigInt> {
    use num_integer::Integer;
    let m_abs = num_traits::Signed::abs(m);
    let g = a.mod_floor(&m_abs).extended_gcd(&m_abs);
    if !num_traits::One::is_one(&g.gcd) {
        return None;
    }
    Some(g.x.mod_floor(&m_abs))
}

fn round(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::new("round", args, kwnames);
    a.check(1, 2, &["number", "ndigits"])?;
    let v = a.arg(0, "number").unwrap();
    let nd = a.arg(1, "ndigits").filter(|n| !n.is_none());
    if let Some(m) = ops::dunder::special(v, "__round__") {
        let args: Vec<Value> = nd.iter().map(|n| (*n).clone()).collect();
        return ops::dunder::call_method(vm, &m, v, &args);
    }
    if let Some(f) = v.as_float() {
        return match nd {
            None => {
                if f.is_nan() {
                    return Err(error::value_error("cannot convert float NaN to integer"));
                }
                if f.is_infinite() {
                    return Err(error::overflow_error(
                        "cannot convert float infinity to integer",
                    ));
                }
                let r = crate::fmt::float_round_int(f);
                Ok(int::big_to_value(int::float_to_big(r)))
            }
            Some(n) => {
                let n = to_i64(n, "")?;
                Ok(Value::float(crate::fmt::float_round(f, n)))
            }
        };
    }
    if let Some(i) = as_int(v) {
        return match nd {
            None => Ok(int::add(&i, &IntRef::Small(0))),
            Some(n) => {
                let n = to_i64(n, "")?;
                if n >= 0 {
                    return Ok(int::add(&i, &IntRef::Small(0)));
                }
                // Round half to even at 10**(-n).
                let p = num_traits::pow(num_bigint::BigInt::from(10), (-n) as usize);
                let b = i.to_big();
                use num_integer::Integer;
                let (q, r) = b.div_mod_floor(&p);
                let twice = &r * 2;
                let q = if twice > p || (twice == p && q.is_odd()) {
                    q + 1
                } else {
                    q
                };
                Ok(int::big_to_value(q * p))
            }
        };
    }
    let _ = vm;
    Err(error::type_error(format!(
        "type {} doesn't define __round__ method",
        type_name(v)
    )))
}

fn hash(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::new("hash", args, kwnames);
    a.check(1, 1, &[])?;
    Ok(Value::int(ops::hash(vm, &a.pos[0])?))
}

fn iter(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::new("iter", args, kwnames);
    a.check(1, 2, &[])?;
    if a.len() == 2 {
        return Ok(new_iter(
            IterState::Callable {
                f: a.pos[0].clone(),
                sentinel: a.pos[1].clone(),
            },
            tt().callable_iterator,
        ));
    }
    ops::iter(vm, &a.pos[0])
}

fn next(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::new("next", args, kwnames);
    a.check(1, 2, &[])?;
    if crate::generator::is_plain(&a.pos[0]) {
        use crate::generator::{step, Resume, Step};
        return match step(vm, &a.pos[0], Resume::Send(Value::NONE))? {
            Step::Yield(v) => Ok(v),
            Step::Return(r) => match a.get(1) {
                Some(d) => Ok(d.clone()),
                None => Err(crate::generator::stop_iteration_with(r)),
            },
        };
    }
    match ops::next(vm, &a.pos[0])? {
        Some(v) => Ok(v),
        None => match a.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(error::stop_iteration()),
        },
    }
}

/// Sorts values in place with an optional key function (stable, like CPython's timsort).
pub fn sort_values(
    vm: &mut Vm,
    items: &mut Vec<Value>,
    key: Option<&Value>,
    reverse: bool,
) -> PyResult<()> {
    let keys: Vec<Value> = match key {
        Some(k) => {
            let mut ks = Vec::with_capacity(items.len());
            for x in items.iter() {
                ks.push(vm.call(k, std::slice::from_ref(x), &[])?);
            }
            ks
        }
        None => items.clone(),
    };
    let mut idx: Vec<usize> = (0..items.len()).collect();
    let mut err = None;
    // Reverse keeps stability by reversing, sorting, and reversing back (as CPython does).
    if reverse {
        idx.reverse();
    }
    merge_sort(&mut idx, &mut |a, b| {
        if err.is_some() {
            return false;
        }
        match ops::less_than(vm, &keys[*b], &keys[*a]) {
            Ok(r) => r,
            Err(e) => {
                err = Some(e);
                false
            }
        }
    });
    if let Some(e) = err {
        return Err(e);
    }
    if reverse {
        idx.reverse();
    }
    let sorted: Vec<Value> = idx.iter().map(|&i| items[i].clone()).collect();
    *items = sorted;
    Ok(())
}

/// Stable merge sort driven by a fallible "b < a" predicate (`less(a, b)` = b sorts before a).
fn merge_sort(v: &mut [usize], b_lt_a: &mut dyn FnMut(&usize, &usize) -> bool) {
    let n = v.len();
    if n <= 1 {
        return;
    }
    if n <= 16 {
        for i in 1..n {
            let mut j = i;
            while j > 0 && b_lt_a(&v[j - 1], &v[j]) {
                v.swap(j - 1, j);
                j -= 1;
            }
        }
        return;
    }
    let mid = n / 2;
    merge_sort(&mut v[..mid], b_lt_a);
    merge_sort(&mut v[mid..], b_lt_a);
    let left = v[..mid].to_vec();
    let right = v[mid..].to_vec();
    let (mut i, mut j, mut k) = (0, 0, 0);
    while i < left.len() && j < right.len() {
        if b_lt_a(&left[i], &right[j]) {
            v[k] = right[j];
            j += 1;
        } else {
            v[k] = left[i];
            i += 1;
        }
        k += 1;
    }
    while i < left.len() {
        v[k] = left[i];
        i += 1;
        k += 1;
    }
    while j < right.len() {
        v[k] = right[j];
        j += 1;
        k += 1;
    }
}

fn sorted(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::new("sorted", args, kwnames);
    if a.len() != 1 {
        return Err(error::type_error(format!(
            "sorted expected 1 argument, got {}",
            a.len()
        )));
    }
    a.check(1, 1, &["key", "reverse"])?;
    let mut items = ops::collect(vm, &a.pos[0])?;
    let key = a.kw("key").filter(|k| !k.is_none()).cloned();
    let reverse = match a.kw("reverse") {
        Some(r) => ops::truthy(vm, r)?,
        None => false,
    };
    sort_values(vm, &mut items, key.as_ref(), reverse)?;
    Ok(new_list(items))
}

fn min_max(
    vm: &mut Vm,
    args: &[Value],
    kwnames: &[Value],
    name: &'static str,
    op: CmpOp,
) -> PyResult<Value> {
    let a = Args::new(name, args, kwnames);
    a.check(1, usize::MAX, &["key", "default"])?;
    let items = if a.len() == 1 {
        ops::collect(vm, &a.pos[0])?
    } else {
        if a.kw("default").is_some() {
            return Err(error::type_error(format!(
                "Cannot specify a default for {name}() with multiple positional arguments"
            )));
        }
        a.pos.to_vec()
    };
    let key = a.kw("key").filter(|k| !k.is_none()).cloned();
    let mut best: Option<(Value, Value)> = None;
    for x in items {
        let k = match &key {
            Some(f) => vm.call(f, std::slice::from_ref(&x), &[])?,
            None => x.clone(),
        };
        let better = match &best {
            None => true,
            Some((bk, _)) => {
                let r = ops::compare(vm, op, &k, bk)?;
                ops::truthy(vm, &r)?
            }
        };
        if better {
            best = Some((k, x));
        }
    }
    match best {
        Some((_, v)) => Ok(v),
        None => match a.kw("default") {
            Some(d) => Ok(d.clone()),
            None => Err(error::value_error(format!(
                "{name}() arg is an empty sequence"
            ))),
        },
    }
}

fn min(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    min_max(vm, args, kwnames, "min", CmpOp::Lt)
}
fn max(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    min_max(vm, args, kwnames, "max", CmpOp::Gt)
}

fn sum(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::new("sum", args, kwnames);
    a.check(1, 2, &["start"])?;
    let mut acc = a.arg(1, "start").cloned().unwrap_or(Value::small_int(0));
    if as_str(&acc).is_some() {
        return Err(error::type_error(
            "sum() can't sum strings [use ''.join(seq) instead]",
        ));
    }
    let it = ops::iter(vm, &a.pos[0])?;
    // Float sums use compensated summation exactly like CPython's sum() for floats.
    while let Some(x) = ops::next(vm, &it)? {
        acc = match ops::arith::fast_binop(BinOp::Add, &acc, &x) {
            Some(r) => r,
            None => ops::binary_op(vm, BinOp::Add, false, &acc, &x)?,
        };
    }
    Ok(acc)
}

fn callable(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::new("callable", args, kwnames);
    a.check(1, 1, &[])?;
    let v = &a.pos[0];
    let k = v.kind();
    use crate::object::Kind;
    Ok(Value::bool(
        matches!(
            k,
            Some(Kind::Function | Kind::Native | Kind::BoundMethod | Kind::Type)
        ) || ops::dunder::special(v, "__call__").is_some(),
    ))
}

fn id(_vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::new("id", args, kwnames);
    a.check(1, 1, &[])?;
    Ok(Value::int(
        (a.pos[0].bits() & crate::value::PAYLOAD_MASK) as i64,
    ))
}

fn getattr(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::new("getattr", args, kwnames);
    a.check(2, 3, &[])?;
    let name = &a.pos[1];
    ops::attr::check_name(name)?;
    if a.len() == 3 {
        return Ok(ops::attr::lookup(vm, &a.pos[0], name)?.unwrap_or_else(|| a.pos[2].clone()));
    }
    ops::getattr(vm, &a.pos[0], name)
}

fn setattr(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::new("setattr", args, kwnames);
    a.check(3, 3, &[])?;
    ops::attr::check_name(&a.pos[1])?;
    ops::setattr(vm, &a.pos[0], &a.pos[1], a.pos[2].clone())?;
    Ok(Value::NONE)
}

fn hasattr(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::new("hasattr", args, kwnames);
    a.check(2, 2, &[])?;
    ops::attr::check_name(&a.pos[1])?;
    Ok(Value::bool(ops::attr::has(vm, &a.pos[0], &a.pos[1])?))
}

fn delattr(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::new("delattr", args, kwnames);
    a.check(2, 2, &[])?;
    ops::attr::check_name(&a.pos[1])?;
    ops::delattr(vm, &a.pos[0], &a.pos[1])?;
    Ok(Value::NONE)
}

fn format(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::new("format", args, kwnames);
    a.check(1, 2, &[])?;
    ops::format(vm, &a.pos[0], a.get(1))
}

fn input(vm: &mut Vm, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = Args::new("input", args, kwnames);
    a.check(0, 1, &[])?;
    if let Some(p) = a.get(0) {
        let s = ops::repr::str_string(vm, p)?;
        let _ = vm.out.write_all(s.as_bytes());
    }
    vm.flush();
    match crate::stdio::read_line() {
        Ok(line) if line.is_empty() => Err(crate::error::PyErr::new(
            tt().eof_error,
            "EOF when reading a line",
        )),
        Ok(mut line) => {
            if line.ends_with('\n') {
                line.pop();
            }
            Ok(new_str(line))
        }
        Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {
            Err(crate::signals::keyboard_interrupt())
        }
        Err(e) => Err(crate::stdio::io_error(&e)),
    }
}
