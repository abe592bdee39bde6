//! `repr()`, `str()`, `ascii()` and `format()`.

use crate::error::{self, PyResult};
use crate::fmt;
use crate::types::dict::DictObj;
use crate::types::exc::ExcObj;
use crate::types::func::{BoundMethodObj, FunctionObj, NativeObj};
use crate::types::int::{self, as_int};
use crate::types::iter::{DictPart, IterObj, IterState};
use crate::types::list::ListObj;
use crate::types::module::ModuleObj;
use crate::types::range::RangeObj;
use crate::types::set::{is_frozen, SetObj};
use crate::types::slice::SliceObj;
use crate::types::str::{as_str, new_str, StrObj};
use crate::types::tuple::as_tuple;
use crate::types::type_name;
use crate::types::typeobj::{type_data, SingletonObj, TypeData};
use crate::value::Value;
use crate::vm::Vm;

/// repr() of a value as a Rust string.
pub fn repr_string(vm: &mut Vm, v: &Value) -> PyResult<String> {
    if let Some(r) = super::dunder::call_special(vm, v, "__repr__", &[]) {
        let r = super::dunder::str_result(r?, "__repr__")?;
        return Ok(as_str(&r).unwrap().to_string());
    }
    if let Some(i) = v.as_small_int() {
        return Ok(i.to_string());
    }
    if let Some(f) = v.as_float() {
        return Ok(fmt::float_repr(f));
    }
    if let Some(b) = v.as_bool() {
        return Ok(if b { "True" } else { "False" }.into());
    }
    if v.is_none() {
        return Ok("None".into());
    }
    if let Some(s) = as_str(v) {
        return Ok(fmt::str_repr(s));
    }
    if let Some(i) = as_int(v) {
        return big_int_str(&i);
    }
    if let Some(r) = crate::types::bytes::repr(v) {
        return Ok(r);
    }
    // Containers guard against self-reference.
    let ptr = v.ptr() as usize;
    let is_container = v.downcast::<ListObj>().is_some()
        || v.downcast::<DictObj>().is_some()
        || v.downcast::<SetObj>().is_some()
        || as_tuple(v).is_some();
    if is_container {
        if vm_repr_stack(|s| s.contains(&ptr)) {
            return Ok(if v.downcast::<ListObj>().is_some() {
                "[...]"
            } else if v.downcast::<DictObj>().is_some() {
                "{...}"
            } else {
                "(...)"
            }
            .into());
        }
        let _level = super::depth::enter(vm, " while getting the repr of an object")?;
        vm_repr_stack(|s| {
            s.push(ptr);
            false
        });
        let r = container_repr(vm, v);
        vm_repr_stack(|s| {
            s.pop();
            false
        });
        return r;
    }
    Ok(other_repr(vm, v)?)
}

thread_local! {
    static REPR_STACK: std::cell::RefCell<Vec<usize>> = const { std::cell::RefCell::new(Vec::new()) };
}
fn vm_repr_stack(f: impl FnOnce(&mut Vec<usize>) -> bool) -> bool {
    REPR_STACK.with(|s| f(&mut s.borrow_mut()))
}

/// `Py_ReprEnter`: false when `v`'s repr is already being built (a container inside
/// itself); otherwise records it until `leave_repr`.
pub fn enter_repr(v: &Value) -> bool {
    let k = v.ptr() as usize;
    vm_repr_stack(|s| {
        if s.contains(&k) {
            return false;
        }
        s.push(k);
        true
    })
}

pub fn leave_repr(v: &Value) {
    let k = v.ptr() as usize;
    vm_repr_stack(|s| {
        if let Some(i) = s.iter().rposition(|&x| x == k) {
            s.remove(i);
        }
        true
    });
}

fn big_int_str(i: &int::IntRef) -> PyResult<String> {
    int::check_str_digits(i)?;
    Ok(int::to_string(i))
}

fn join_reprs(vm: &mut Vm, items: &[Value]) -> PyResult<String> {
    let mut out = String::new();
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&repr_string(vm, x)?);
    }
    Ok(out)
}

fn container_repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    if let Some(l) = v.downcast::<ListObj>() {
        let items = l.items.borrow().clone();
        return Ok(format!("[{}]", join_reprs(vm, &items)?));
    }
    if let Some(t) = as_tuple(v) {
        let t = t.to_vec();
        if t.len() == 1 {
            return Ok(format!("({},)", repr_string(vm, &t[0])?));
        }
        return Ok(format!("({})", join_reprs(vm, &t)?));
    }
    if let Some(d) = v.downcast::<DictObj>() {
        let mut out = String::from("{");
        for (i, (k, val)) in d.items().iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&repr_string(vm, k)?);
            out.push_str(": ");
            out.push_str(&repr_string(vm, val)?);
        }
        out.push('}');
        return Ok(out);
    }
    if let Some(s) = v.downcast::<SetObj>() {
        let items = s.items();
        let frozen = is_frozen(v);
        if items.is_empty() {
            return Ok(if frozen {
                "frozenset()".into()
            } else {
                "set()".into()
            });
        }
        let inner = format!("{{{}}}", join_reprs(vm, &items)?);
        return Ok(if frozen {
            format!("frozenset({inner})")
        } else {
            inner
        });
    }
    unreachable!()
}

fn other_repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    if let Some(r) = v.downcast::<RangeObj>() {
        return Ok(r.repr());
    }
    if let Some(s) = v.downcast::<SliceObj>() {
        return Ok(format!(
            "slice({}, {}, {})",
            repr_string(vm, &s.start)?,
            repr_string(vm, &s.stop)?,
            repr_string(vm, &s.step)?
        ));
    }
    if let Some(t) = v.downcast::<TypeData>() {
        return Ok(format!("<class '{}'>", qualified_type_name(t)));
    }
    if let Some(f) = v.downcast::<FunctionObj>() {
        return Ok(format!(
            "<function {} at {:#x}>",
            as_str(&f.qualname.borrow()).unwrap_or("?"),
            v.ptr() as usize
        ));
    }
    if let Some(n) = v.downcast::<NativeObj>() {
        if n.self_.is_undef() {
            if n.owner.is_none() {
                return Ok(format!("<built-in function {}>", n.name));
            }
            return Ok(format!(
                "<method '{}' of '{}' objects>",
                n.name,
                type_data(&n.owner).name
            ));
        }
        if n.self_.downcast::<ModuleObj>().is_some() {
            return Ok(format!("<built-in function {}>", n.name));
        }
        return Ok(format!(
            "<built-in method {} of {} object at {:#x}>",
            n.name,
            type_name(&n.self_),
            n.self_.ptr() as usize
        ));
    }
    if let Some(b) = v.downcast::<BoundMethodObj>() {
        let fname = b
            .func
            .downcast::<FunctionObj>()
            .map(|f| as_str(&f.qualname.borrow()).unwrap_or("?").to_string())
            .unwrap_or_default();
        let srepr = repr_string(vm, &b.self_)?;
        return Ok(format!("<bound method {fname} of {srepr}>"));
    }
    if v.downcast::<ModuleObj>().is_some() {
        return crate::import::module_repr(vm, v);
    }
    if let Some(e) = v.downcast::<ExcObj>() {
        let args = e.args.borrow().clone();
        let t = as_tuple(&args).unwrap_or(&[]).to_vec();
        let inner = if t.len() == 1 {
            repr_string(vm, &t[0])?
        } else {
            join_reprs(vm, &t)?
        };
        return Ok(format!("{}({})", type_name(v), inner));
    }
    if let Some(g) = v.downcast::<crate::generator::GenObj>() {
        return Ok(format!(
            "<{} object {} at {:#x}>",
            type_name(v),
            g.code.qualname,
            v.ptr() as usize
        ));
    }
    if let Some(c) = v.downcast::<crate::types::func::CodeObj>() {
        return Ok(crate::pytypes::code::repr(c));
    }
    if let Some(s) = v.downcast::<SingletonObj>() {
        return Ok(s.name.to_string());
    }
    if let Some(io) = v.downcast::<IterObj>() {
        let view = match &*io.state.borrow() {
            IterState::DictView { dict, what } => Some((dict.clone(), *what)),
            _ => None,
        };
        if let Some((dict, what)) = view {
            let d = dict.downcast::<DictObj>().unwrap();
            let items: Vec<Value> = match what {
                DictPart::Keys => d.keys(),
                DictPart::Values => d.values(),
                DictPart::Items => d
                    .items()
                    .into_iter()
                    .map(|(k, v)| crate::types::tuple::new_tuple(vec![k, v]))
                    .collect(),
            };
            let name = match what {
                DictPart::Keys => "dict_keys",
                DictPart::Values => "dict_values",
                DictPart::Items => "dict_items",
            };
            return Ok(format!("{}([{}])", name, join_reprs(vm, &items)?));
        }
    }
    Ok(default_repr(v))
}

/// `object.__repr__`: `<module.Class object at 0x...>`.
pub fn default_repr(v: &Value) -> String {
    format!(
        "<{} object at {:#x}>",
        qualified_type_name(crate::types::typeobj::type_data_ptr(
            crate::types::type_ptr(v)
        )),
        v.ptr() as usize
    )
}

pub fn qualified_type_name(t: &TypeData) -> String {
    // Builtin types show their bare name; extension types are named `module.name` already.
    if t.is_builtin {
        return t.name.clone();
    }
    let module = DictObj::get_str(&t.dict, &crate::types::str::intern("__module__"));
    let qual = DictObj::get_str(&t.dict, &crate::types::str::intern("__qualname__"));
    let name = qual
        .as_ref()
        .and_then(|q| as_str(q))
        .unwrap_or(t.name.as_str())
        .to_string();
    match module.as_ref().and_then(|m| as_str(m)) {
        Some(m) if m != "builtins" => format!("{}.{}", m, name),
        _ => name,
    }
}

/// Deterministic repr for listings (constants only; never runs Python code).
pub fn repr_plain(v: &Value) -> String {
    if let Some(i) = v.as_small_int() {
        return i.to_string();
    }
    if let Some(f) = v.as_float() {
        return fmt::float_repr(f);
    }
    if let Some(b) = v.as_bool() {
        return if b { "True" } else { "False" }.into();
    }
    if v.is_none() {
        return "None".into();
    }
    if let Some(s) = as_str(v) {
        return fmt::str_repr(s);
    }
    if let Some(i) = as_int(v) {
        return int::to_string(&i);
    }
    if let Some(r) = crate::types::bytes::repr(v) {
        return r;
    }
    if let Some(t) = as_tuple(v) {
        let parts: Vec<String> = t.iter().map(repr_plain).collect();
        return if parts.len() == 1 {
            format!("({},)", parts[0])
        } else {
            format!("({})", parts.join(", "))
        };
    }
    format!("<{}>", type_name(v))
}

pub fn repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(new_str(repr_string(vm, v)?))
}

/// str() as a Rust string.
pub fn str_string(vm: &mut Vm, v: &Value) -> PyResult<String> {
    if let Some(r) = super::dunder::call_special(vm, v, "__str__", &[]) {
        let r = super::dunder::str_result(r?, "__str__")?;
        return Ok(as_str(&r).unwrap().to_string());
    }
    if let Some(s) = as_str(v) {
        return Ok(s.to_string());
    }
    if let Some(e) = v.downcast::<ExcObj>() {
        let args = e.args.borrow().clone();
        let t = as_tuple(&args).unwrap_or(&[]).to_vec();
        let tt = crate::types::tt();
        if crate::types::typeobj::isinstance_ptr(v, tt.os_error) {
            if let Some(m) = crate::stdlib::fileio::os_error_message(vm, v, &t)? {
                return Ok(m);
            }
        }
        for (ty, decode) in [
            (tt.unicode_decode_error, true),
            (tt.unicode_encode_error, false),
        ] {
            if crate::types::typeobj::isinstance_ptr(v, ty) {
                if let Some(m) = crate::codecs::unicode_error_message(decode, &t) {
                    return Ok(m);
                }
            }
        }
        return match t.len() {
            0 => Ok(String::new()),
            1 => {
                if crate::types::typeobj::isinstance_ptr(v, crate::types::tt().key_error) {
                    repr_string(vm, &t[0])
                } else {
                    str_string(vm, &t[0])
                }
            }
            _ => repr_string(vm, &args),
        };
    }
    repr_string(vm, v)
}

pub fn to_str(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if v.downcast::<StrObj>().is_some() {
        return Ok(v.clone());
    }
    Ok(new_str(str_string(vm, v)?))
}

pub fn ascii(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let r = repr_string(vm, v)?;
    let mut out = String::with_capacity(r.len());
    for c in r.chars() {
        let n = c as u32;
        if n < 0x80 {
            out.push(c);
        } else if n < 0x100 {
            out.push_str(&format!("\\x{n:02x}"));
        } else if n < 0x10000 {
            out.push_str(&format!("\\u{n:04x}"));
        } else {
            out.push_str(&format!("\\U{n:08x}"));
        }
    }
    Ok(new_str(out))
}

/// `format(v, spec)`.
pub fn format(vm: &mut Vm, v: &Value, spec: Option<&Value>) -> PyResult<Value> {
    if let Some(m) = super::dunder::special(v, "__format__") {
        let spec = spec.cloned().unwrap_or_else(|| new_str(""));
        let r = super::dunder::call_method(vm, &m, v, &[spec])?;
        if as_str(&r).is_none() {
            return Err(error::type_error(format!(
                "__format__ must return a str, not {}",
                type_name(&r)
            )));
        }
        return Ok(r);
    }
    let spec_s = spec.and_then(|s| as_str(s)).unwrap_or("");
    if spec_s.is_empty() {
        return to_str(vm, v);
    }
    let parsed = fmt::parse_spec(spec_s).map_err(error::value_error)?;
    let out = if let Some(f) = v.as_float() {
        fmt::format_float(f, &parsed).map_err(error::value_error)?
    } else if let Some(i) = as_int(v) {
        if matches!(parsed.ty, None | Some('d' | 'n')) {
            int::check_str_digits(&i)?;
        }
        fmt::format_int(&i.to_big(), &parsed).map_err(error::value_error)?
    } else if let Some(s) = as_str(v) {
        fmt::format_str(s, &parsed).map_err(error::value_error)?
    } else {
        if super::dunder::dispatches(v) {
            return Err(error::type_error(format!(
                "unsupported format string passed to {}.__format__",
                type_name(v)
            )));
        }
        return Err(error::type_error(format!(
            "unsupported format string passed to {}.__format__",
            type_name(v)
        )));
    };
    Ok(new_str(out))
}
