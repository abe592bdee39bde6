//! `memoryview` over `bytes` and `bytearray`: one-dimensional, unsigned-byte items
//! (format `'B'`), sliced with any step. Writes go through to a bytearray. Views of other
//! buffer exporters (`array.array`, `mmap`) and multi-dimensional casts are not
//! supported: they raise a TypeError naming the object.

use crate::builtins::args::Args;
use crate::error::{self, PyResult};
use crate::object::Header;
use crate::ops;
use crate::types::bytes::{new_bytes, ByteArrayObj, BytesObj};
use crate::types::ext::{ext_ref, new_ext, new_ext_type};
use crate::types::func::NativeFn;
use crate::types::int::as_int;
use crate::types::list::new_list;
use crate::types::slice::SliceObj;
use crate::types::str::new_str;
use crate::types::tuple::new_tuple;
use crate::types::{tt, type_name};
use crate::value::Value;
use crate::vm::Vm;
use std::cell::{Cell, OnceCell};

pub struct View {
    obj: Value,
    start: usize,
    step: isize,
    len: usize,
    released: Cell<bool>,
}

thread_local! {
    static TYPE: OnceCell<*const Header> = const { OnceCell::new() };
}

pub fn view_type() -> *const Header {
    TYPE.with(|c| {
        *c.get_or_init(|| new_ext_type("memoryview", "builtins", std::ptr::null(), METHODS))
    })
}

const METHODS: &[(&str, NativeFn)] = &[
    ("__new__", mv_new),
    ("__len__", mv_len),
    ("__getitem__", mv_getitem),
    ("__setitem__", mv_setitem),
    ("__iter__", mv_iter),
    ("__eq__", mv_eq),
    ("__hash__", mv_hash),
    ("__repr__", mv_repr),
    ("__enter__", mv_enter),
    ("__exit__", mv_exit),
    ("__bytes__", mv_tobytes),
    ("tobytes", mv_tobytes),
    ("tolist", mv_tolist),
    ("hex", mv_hex),
    ("release", mv_release),
    ("cast", mv_cast),
    ("toreadonly", mv_toreadonly),
];

fn getters() -> [(&'static str, NativeFn); 11] {
    [
        ("obj", g_obj),
        ("nbytes", g_nbytes),
        ("readonly", g_readonly),
        ("itemsize", g_itemsize),
        ("format", g_format),
        ("ndim", g_ndim),
        ("shape", g_shape),
        ("strides", g_strides),
        ("contiguous", g_contiguous),
        ("c_contiguous", g_contiguous),
        ("f_contiguous", g_contiguous),
    ]
}

/// Adds the attribute getters (once, when the builtins are made).
pub fn install() {
    let ty = view_type();
    for (name, f) in getters() {
        let p = crate::types::descr::new_property(
            crate::types::func::new_native(name, f),
            Value::NONE,
            Value::NONE,
            Value::NONE,
        );
        crate::types::dict::DictObj::set_str(
            &crate::types::typeobj::type_data_ptr(ty).dict,
            crate::types::str::intern(name),
            p,
        );
    }
}

/// The bytes of the exporting object.
fn with_data<R>(obj: &Value, f: impl FnOnce(&[u8]) -> R) -> Option<R> {
    if let Some(b) = obj.downcast::<BytesObj>() {
        return Some(f(&b.data));
    }
    if let Some(b) = obj.downcast::<ByteArrayObj>() {
        return Some(f(&b.data.borrow()));
    }
    None
}

/// A view of all of `obj`, if it exports a buffer.
pub fn new_view(obj: &Value) -> PyResult<Value> {
    if let Some(v) = ext_ref::<View>(obj) {
        return Ok(new_ext(
            View {
                obj: v.obj.clone(),
                start: v.start,
                step: v.step,
                len: v.len,
                released: Cell::new(false),
            },
            view_type(),
        ));
    }
    let Some(len) = with_data(obj, |d| d.len()) else {
        return Err(error::type_error(format!(
            "memoryview: a bytes-like object is required, not '{}'",
            type_name(obj)
        )));
    };
    Ok(new_ext(
        View {
            obj: obj.clone(),
            start: 0,
            step: 1,
            len,
            released: Cell::new(false),
        },
        view_type(),
    ))
}

/// The bytes a memoryview shows (for `bytes(view)` and friends).
pub fn view_bytes(v: &Value) -> Option<Vec<u8>> {
    let view = ext_ref::<View>(v)?;
    with_data(&view.obj, |d| {
        (0..view.len)
            .filter_map(|i| {
                d.get((view.start as isize + i as isize * view.step) as usize)
                    .copied()
            })
            .collect()
    })
}

fn this(args: &[Value]) -> PyResult<&View> {
    let v = args
        .first()
        .and_then(ext_ref::<View>)
        .ok_or_else(|| error::type_error("descriptor requires a 'memoryview' object"))?;
    if v.released.get() {
        return Err(error::value_error(
            "operation forbidden on released memoryview object",
        ));
    }
    Ok(v)
}

fn mv_new(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("memoryview", &args[1..], kw);
    a.check(0, 1, &["object"])?;
    let obj = a.get(0).or_else(|| a.kw("object")).ok_or_else(|| {
        error::type_error("memoryview() missing required argument 'object' (pos 1)")
    })?;
    new_view(obj)
}

fn mv_len(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(this(args)?.len as i64))
}

fn index(v: &View, i: &Value) -> PyResult<usize> {
    let Some(i) = as_int(i).and_then(|i| i.to_i64()) else {
        return Err(error::type_error("memoryview: invalid slice key"));
    };
    let j = if i < 0 { i + v.len as i64 } else { i };
    if j < 0 || j >= v.len as i64 {
        return Err(error::index_error("index out of bounds on dimension 1"));
    }
    Ok((v.start as isize + j as isize * v.step) as usize)
}

fn mv_getitem(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let v = this(args)?;
    let key = &args[1];
    if let Some(s) = key.downcast::<SliceObj>() {
        let (start, _, step, count) = crate::ops::slice_indices(s, v.len as i64)?;
        return Ok(new_ext(
            View {
                obj: v.obj.clone(),
                start: (v.start as isize + start as isize * v.step) as usize,
                step: v.step * step as isize,
                len: count as usize,
                released: Cell::new(false),
            },
            view_type(),
        ));
    }
    let i = index(v, key)?;
    Ok(Value::int(with_data(&v.obj, |d| d[i]).unwrap_or(0) as i64))
}

fn mv_setitem(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let v = this(args)?;
    let Some(ba) = v.obj.downcast::<ByteArrayObj>() else {
        return Err(error::type_error("cannot modify read-only memory"));
    };
    let key = &args[1];
    if key.downcast::<SliceObj>().is_some() {
        let target = mv_getitem(vm, &args[..2], &[])?;
        let t = ext_ref::<View>(&target).unwrap();
        let src = view_bytes(&args[2])
            .or_else(|| crate::types::bytes::bytes_vec(&args[2]))
            .ok_or_else(|| {
                error::type_error(format!(
                    "a bytes-like object is required, not '{}'",
                    type_name(&args[2])
                ))
            })?;
        if src.len() != t.len {
            return Err(error::value_error(
                "memoryview assignment: lvalue and rvalue have different structures",
            ));
        }
        let mut d = ba.data.borrow_mut();
        for (k, b) in src.into_iter().enumerate() {
            d[(t.start as isize + k as isize * t.step) as usize] = b;
        }
        return Ok(Value::NONE);
    }
    let i = index(v, key)?;
    let b = as_int(&args[2])
        .and_then(|x| x.to_i64())
        .filter(|x| (0..256).contains(x))
        .ok_or_else(|| error::value_error("memoryview: invalid value for format 'B'"))?;
    ba.data.borrow_mut()[i] = b as u8;
    Ok(Value::NONE)
}

fn mv_iter(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let l = mv_tolist(vm, args, &[])?;
    ops::iter(vm, &l)
}

fn mv_tobytes(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    this(args)?;
    Ok(new_bytes(view_bytes(&args[0]).unwrap_or_default()))
}

fn mv_tolist(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    this(args)?;
    let b = view_bytes(&args[0]).unwrap_or_default();
    Ok(new_list(
        b.into_iter().map(|x| Value::int(x as i64)).collect(),
    ))
}

fn mv_hex(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    this(args)?;
    let b = view_bytes(&args[0]).unwrap_or_default();
    Ok(new_str(
        b.iter().map(|x| format!("{x:02x}")).collect::<String>(),
    ))
}

fn mv_eq(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let v = args.first().and_then(ext_ref::<View>);
    if v.is_some_and(|v| v.released.get()) {
        return Ok(Value::bool(args[0].is(&args[1])));
    }
    let a = view_bytes(&args[0]).unwrap_or_default();
    let b = match view_bytes(&args[1]).or_else(|| crate::types::bytes::bytes_vec(&args[1])) {
        Some(b) => b,
        None => return Ok(tt().not_implemented.clone()),
    };
    Ok(Value::bool(a == b))
}

fn mv_hash(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let v = this(args)?;
    if v.obj.downcast::<ByteArrayObj>().is_some() {
        return Err(error::value_error("cannot hash writable memoryview object"));
    }
    let b = new_bytes(view_bytes(&args[0]).unwrap_or_default());
    Ok(Value::int(ops::hash(vm, &b)?))
}

fn mv_repr(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let v = args
        .first()
        .and_then(ext_ref::<View>)
        .ok_or_else(|| error::type_error("memoryview expected"))?;
    let what = if v.released.get() {
        "released memory"
    } else {
        "memory"
    };
    Ok(new_str(format!(
        "<{what} at {:#x}>",
        args[0].ptr() as usize
    )))
}

fn mv_enter(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    this(args)?;
    Ok(args[0].clone())
}

fn mv_exit(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if let Some(v) = args.first().and_then(ext_ref::<View>) {
        v.released.set(true);
    }
    Ok(Value::NONE)
}

fn mv_release(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    mv_exit(_vm, args, _kw)
}

fn mv_cast(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("cast", args, kw);
    a.check(2, 3, &["format", "shape"])?;
    this(args)?;
    let f = crate::types::str::as_str(&a.pos[1]).unwrap_or("");
    if matches!(f, "B" | "b" | "c") && a.get(2).is_none() {
        return new_view(&args[0]);
    }
    Err(error::not_implemented_error(format!(
        "memoryview.cast('{f}') is not supported by pyrun (only byte formats)"
    )))
}

fn mv_toreadonly(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    this(args)?;
    let b = new_bytes(view_bytes(&args[0]).unwrap_or_default());
    new_view(&b)
}

fn g_obj(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(this(args)?.obj.clone())
}
fn g_nbytes(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(this(args)?.len as i64))
}
fn g_readonly(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::bool(
        this(args)?.obj.downcast::<ByteArrayObj>().is_none(),
    ))
}
fn g_itemsize(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    this(args)?;
    Ok(Value::int(1))
}
fn g_format(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    this(args)?;
    Ok(new_str("B"))
}
fn g_ndim(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    this(args)?;
    Ok(Value::int(1))
}
fn g_shape(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(new_tuple(vec![Value::int(this(args)?.len as i64)]))
}
fn g_strides(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(new_tuple(vec![Value::int(this(args)?.step as i64)]))
}
fn g_contiguous(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::bool(this(args)?.step == 1))
}
