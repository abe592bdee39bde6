//! The `array` module: `array.array`, a sequence of machine values stored in a typed Rust
//! `Vec` per typecode (not as `Value`s), so compiled numeric code can later work on the
//! storage directly. Items are converted (and range-checked, with CPython's messages) on
//! the way in and boxed on the way out.

use crate::builtins::args::{arg_count_error, to_i64};
use crate::builtins::MethodTable;
use crate::bytecode::CmpOp;
use crate::error::{self, PyErr, PyResult};
use crate::object::Header;
use crate::ops;
use crate::types::bytes::{as_bytes, new_bytes};
use crate::types::dict::DictObj;
use crate::types::ext::{ext_ref, new_ext, new_ext_iter, new_ext_iter_type, new_ext_type};
use crate::types::int::{self, as_int};
use crate::types::list::{new_list, ListObj};
use crate::types::slice::SliceObj;
use crate::types::str::{as_str, char_str, intern, new_str};
use crate::types::tuple::new_tuple;
use crate::types::typeobj::type_data_ptr;
use crate::types::{tt, type_name};
use crate::value::Value;
use crate::vm::Vm;
use num_traits::ToPrimitive;
use std::cell::{Cell, RefCell};

pub const TYPECODES: &str = "bBuhHiIlLqQfd";

/// A `wchar_t` item of a `'u'` array (a code point).
#[derive(Clone, Copy, PartialEq, PartialOrd)]
pub struct Wc(pub u32);

/// Typed storage: one variant per machine type (`'q'`/`'Q'` share `'l'`/`'L'`'s).
pub enum Storage {
    B(Vec<i8>),
    UB(Vec<u8>),
    H(Vec<i16>),
    UH(Vec<u16>),
    I(Vec<i32>),
    UI(Vec<u32>),
    L(Vec<i64>),
    UL(Vec<u64>),
    F(Vec<f32>),
    D(Vec<f64>),
    U(Vec<Wc>),
}

/// Runs `$e` with `$v` bound to the storage's vector, whatever its element type.
macro_rules! each {
    ($s:expr, $v:ident => $e:expr) => {
        match $s {
            Storage::B($v) => $e,
            Storage::UB($v) => $e,
            Storage::H($v) => $e,
            Storage::UH($v) => $e,
            Storage::I($v) => $e,
            Storage::UI($v) => $e,
            Storage::L($v) => $e,
            Storage::UL($v) => $e,
            Storage::F($v) => $e,
            Storage::D($v) => $e,
            Storage::U($v) => $e,
        }
    };
}

/// Runs `$e` with both storages' vectors when they have the same element type.
macro_rules! pair {
    ($a:expr, $b:expr, $x:ident, $y:ident => $e:expr, $else:expr) => {
        match ($a, $b) {
            (Storage::B($x), Storage::B($y)) => $e,
            (Storage::UB($x), Storage::UB($y)) => $e,
            (Storage::H($x), Storage::H($y)) => $e,
            (Storage::UH($x), Storage::UH($y)) => $e,
            (Storage::I($x), Storage::I($y)) => $e,
            (Storage::UI($x), Storage::UI($y)) => $e,
            (Storage::L($x), Storage::L($y)) => $e,
            (Storage::UL($x), Storage::UL($y)) => $e,
            (Storage::F($x), Storage::F($y)) => $e,
            (Storage::D($x), Storage::D($y)) => $e,
            (Storage::U($x), Storage::U($y)) => $e,
            _ => $else,
        }
    };
}

/// A machine element: boxing, checked unboxing and its byte image.
pub trait Elem: Copy + PartialEq + 'static {
    const SIZE: usize;
    fn load(self) -> Value;
    fn store(v: &Value, tc: char) -> PyResult<Self>;
    fn put_bytes(self, out: &mut Vec<u8>);
    fn from_bytes(b: &[u8]) -> Self;
    fn swapped(self) -> Self;
}

fn not_int(v: &Value) -> PyErr {
    error::type_error(format!(
        "'{}' object cannot be interpreted as an integer",
        type_name(v)
    ))
}

/// Converts an int item for typecode `tc`, with the checks and messages CPython's
/// per-typecode setters produce.
fn int_item(v: &Value, tc: char) -> PyResult<i128> {
    let i = as_int(v).ok_or_else(|| not_int(v))?;
    let over = |m: &str| error::overflow_error(m);
    let range = |x: i64, lo: i64, hi: i64, what: &str| -> PyResult<i128> {
        if x < lo {
            Err(over(&format!("{what} is less than minimum")))
        } else if x > hi {
            Err(over(&format!("{what} is greater than maximum")))
        } else {
            Ok(x as i128)
        }
    };
    match tc {
        'b' | 'B' | 'h' | 'H' | 'i' | 'l' => {
            let x = i
                .to_i64()
                .ok_or_else(|| over("Python int too large to convert to C long"))?;
            match tc {
                'b' => range(x, -128, 127, "signed char"),
                'B' => range(x, 0, 255, "unsigned byte integer"),
                'h' => range(x, -32768, 32767, "signed short integer"),
                'H' => range(x, 0, 65535, "unsigned short"),
                'i' => range(x, i32::MIN as i64, i32::MAX as i64, "signed integer"),
                _ => Ok(x as i128),
            }
        }
        'I' | 'L' => {
            if i.is_negative() {
                return Err(over("can't convert negative value to unsigned int"));
            }
            let x = i
                .to_big()
                .to_u64()
                .ok_or_else(|| over("Python int too large to convert to C unsigned long"))?;
            if tc == 'I' && x > u32::MAX as u64 {
                return Err(over("unsigned int is greater than maximum"));
            }
            Ok(x as i128)
        }
        'q' => i
            .to_i64()
            .map(|x| x as i128)
            .ok_or_else(|| over("int too big to convert")),
        _ => {
            if i.is_negative() {
                return Err(over("can't convert negative int to unsigned"));
            }
            i.to_big()
                .to_u64()
                .map(|x| x as i128)
                .ok_or_else(|| over("int too big to convert"))
        }
    }
}

fn float_item(v: &Value) -> PyResult<f64> {
    if let Some(f) = v.as_float() {
        return Ok(f);
    }
    if let Some(i) = as_int(v) {
        return int::int_to_f64(&i)
            .map_err(|_| error::overflow_error("int too large to convert to float"));
    }
    Err(error::type_error(format!(
        "must be real number, not {}",
        type_name(v)
    )))
}

macro_rules! int_elem {
    ($($t:ty),*) => {$(
        impl Elem for $t {
            const SIZE: usize = std::mem::size_of::<$t>();
            fn load(self) -> Value {
                Value::int(self as i64)
            }
            fn store(v: &Value, tc: char) -> PyResult<Self> {
                Ok(int_item(v, tc)? as $t)
            }
            fn put_bytes(self, out: &mut Vec<u8>) {
                out.extend_from_slice(&self.to_ne_bytes());
            }
            fn from_bytes(b: &[u8]) -> Self {
                <$t>::from_ne_bytes(b.try_into().unwrap_or_default())
            }
            fn swapped(self) -> Self {
                self.swap_bytes()
            }
        }
    )*};
}
int_elem!(i8, u8, i16, u16, i32, u32, i64);

impl Elem for u64 {
    const SIZE: usize = 8;
    fn load(self) -> Value {
        int::big_to_value(num_bigint::BigInt::from(self))
    }
    fn store(v: &Value, tc: char) -> PyResult<Self> {
        Ok(int_item(v, tc)? as u64)
    }
    fn put_bytes(self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.to_ne_bytes());
    }
    fn from_bytes(b: &[u8]) -> Self {
        u64::from_ne_bytes(b.try_into().unwrap_or_default())
    }
    fn swapped(self) -> Self {
        self.swap_bytes()
    }
}

impl Elem for f32 {
    const SIZE: usize = 4;
    fn load(self) -> Value {
        Value::float(self as f64)
    }
    fn store(v: &Value, _tc: char) -> PyResult<Self> {
        Ok(float_item(v)? as f32)
    }
    fn put_bytes(self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.to_ne_bytes());
    }
    fn from_bytes(b: &[u8]) -> Self {
        f32::from_ne_bytes(b.try_into().unwrap_or_default())
    }
    fn swapped(self) -> Self {
        f32::from_bits(self.to_bits().swap_bytes())
    }
}

impl Elem for f64 {
    const SIZE: usize = 8;
    fn load(self) -> Value {
        Value::float(self)
    }
    fn store(v: &Value, _tc: char) -> PyResult<Self> {
        float_item(v)
    }
    fn put_bytes(self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.to_ne_bytes());
    }
    fn from_bytes(b: &[u8]) -> Self {
        f64::from_ne_bytes(b.try_into().unwrap_or_default())
    }
    fn swapped(self) -> Self {
        f64::from_bits(self.to_bits().swap_bytes())
    }
}

impl Elem for Wc {
    const SIZE: usize = 4;
    fn load(self) -> Value {
        char_str(char::from_u32(self.0).unwrap_or('\u{fffd}'))
    }
    fn store(v: &Value, _tc: char) -> PyResult<Self> {
        let mut it = as_str(v).map(|s| s.chars());
        match it.as_mut().map(|c| (c.next(), c.next())) {
            Some((Some(c), None)) => Ok(Wc(c as u32)),
            _ => Err(error::type_error("array item must be unicode character")),
        }
    }
    fn put_bytes(self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.0.to_ne_bytes());
    }
    fn from_bytes(b: &[u8]) -> Self {
        Wc(u32::from_ne_bytes(b.try_into().unwrap_or_default()))
    }
    fn swapped(self) -> Self {
        Wc(self.0.swap_bytes())
    }
}

impl Storage {
    pub fn new(tc: char) -> Storage {
        match tc {
            'b' => Storage::B(vec![]),
            'B' => Storage::UB(vec![]),
            'h' => Storage::H(vec![]),
            'H' => Storage::UH(vec![]),
            'i' => Storage::I(vec![]),
            'I' => Storage::UI(vec![]),
            'l' | 'q' => Storage::L(vec![]),
            'L' | 'Q' => Storage::UL(vec![]),
            'f' => Storage::F(vec![]),
            'd' => Storage::D(vec![]),
            _ => Storage::U(vec![]),
        }
    }
    pub fn len(&self) -> usize {
        each!(self, v => v.len())
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    pub fn itemsize(&self) -> usize {
        fn size<T: Elem>(_: &[T]) -> usize {
            T::SIZE
        }
        each!(self, v => size(v))
    }
    pub fn get(&self, i: usize) -> Value {
        each!(self, v => v[i].load())
    }
    fn set(&mut self, i: usize, x: &Value, tc: char) -> PyResult<()> {
        fn put<T: Elem>(v: &mut [T], i: usize, x: &Value, tc: char) -> PyResult<()> {
            v[i] = T::store(x, tc)?;
            Ok(())
        }
        each!(self, v => put(v, i, x, tc))
    }
    fn push(&mut self, x: &Value, tc: char) -> PyResult<()> {
        fn put<T: Elem>(v: &mut Vec<T>, x: &Value, tc: char) -> PyResult<()> {
            v.push(T::store(x, tc)?);
            Ok(())
        }
        each!(self, v => put(v, x, tc))
    }
    fn insert(&mut self, i: usize, x: &Value, tc: char) -> PyResult<()> {
        fn put<T: Elem>(v: &mut Vec<T>, i: usize, x: &Value, tc: char) -> PyResult<()> {
            v.insert(i, T::store(x, tc)?);
            Ok(())
        }
        each!(self, v => put(v, i, x, tc))
    }
    fn remove(&mut self, i: usize) -> Value {
        each!(self, v => v.remove(i).load())
    }
    fn empty_like(&self) -> Storage {
        match self {
            Storage::B(_) => Storage::B(vec![]),
            Storage::UB(_) => Storage::UB(vec![]),
            Storage::H(_) => Storage::H(vec![]),
            Storage::UH(_) => Storage::UH(vec![]),
            Storage::I(_) => Storage::I(vec![]),
            Storage::UI(_) => Storage::UI(vec![]),
            Storage::L(_) => Storage::L(vec![]),
            Storage::UL(_) => Storage::UL(vec![]),
            Storage::F(_) => Storage::F(vec![]),
            Storage::D(_) => Storage::D(vec![]),
            Storage::U(_) => Storage::U(vec![]),
        }
    }
    fn picked(&self, start: i64, step: i64, count: i64) -> Storage {
        let mut out = self.empty_like();
        pair!(&mut out, self, o, v => {
            o.extend((0..count).map(|k| v[(start + k * step) as usize]))
        }, {});
        out
    }
    /// Appends `other` (same element type; false otherwise).
    fn extend_same(&mut self, other: &Storage) -> bool {
        pair!(self, other, a, b => { a.extend_from_slice(b); true }, false)
    }
    fn reverse(&mut self) {
        each!(self, v => v.reverse())
    }
    fn byteswap(&mut self) {
        fn sw<T: Elem>(v: &mut [T]) {
            for x in v.iter_mut() {
                *x = x.swapped();
            }
        }
        each!(self, v => sw(v))
    }
    fn to_bytes(&self) -> Vec<u8> {
        fn go<T: Elem>(v: &[T]) -> Vec<u8> {
            let mut out = Vec::with_capacity(v.len() * T::SIZE);
            for x in v {
                x.put_bytes(&mut out);
            }
            out
        }
        each!(self, v => go(v))
    }
    fn extend_bytes(&mut self, b: &[u8]) {
        fn go<T: Elem>(v: &mut Vec<T>, b: &[u8]) {
            v.extend(b.chunks_exact(T::SIZE).map(T::from_bytes));
        }
        each!(self, v => go(v, b))
    }
    fn repeat(&self, n: usize) -> Storage {
        let mut out = self.empty_like();
        pair!(&mut out, self, o, v => { *o = v.repeat(n) }, {});
        out
    }
    fn splice(&mut self, start: usize, stop: usize, new: &Storage) {
        pair!(self, new, a, b => { a.splice(start..stop, b.iter().copied()); }, {});
    }
    fn set_from(&mut self, start: i64, step: i64, new: &Storage) {
        pair!(self, new, a, b => {
            for (k, x) in b.iter().enumerate() {
                a[(start + k as i64 * step) as usize] = *x;
            }
        }, {});
    }
    fn delete(&mut self, drop_at: &[bool]) {
        each!(self, v => {
            let mut k = 0;
            v.retain(|_| {
                k += 1;
                !drop_at[k - 1]
            });
        })
    }
}

/// A new storage of the same variant as `s`, with its contents (copied).
fn self_like(s: &Storage) -> Storage {
    match s {
        Storage::B(v) => Storage::B(v.clone()),
        Storage::UB(v) => Storage::UB(v.clone()),
        Storage::H(v) => Storage::H(v.clone()),
        Storage::UH(v) => Storage::UH(v.clone()),
        Storage::I(v) => Storage::I(v.clone()),
        Storage::UI(v) => Storage::UI(v.clone()),
        Storage::L(v) => Storage::L(v.clone()),
        Storage::UL(v) => Storage::UL(v.clone()),
        Storage::F(v) => Storage::F(v.clone()),
        Storage::D(v) => Storage::D(v.clone()),
        Storage::U(v) => Storage::U(v.clone()),
    }
}

pub struct ArrayObj {
    pub tc: char,
    pub st: RefCell<Storage>,
}

// ---------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------

struct Types {
    array: *const Header,
    iter: *const Header,
}

thread_local! {
    static TYPES: Cell<Option<&'static Types>> = const { Cell::new(None) };
}

fn types() -> &'static Types {
    if let Some(t) = TYPES.with(|c| c.get()) {
        return t;
    }
    let array = new_ext_type("array", "array", std::ptr::null(), METHODS);
    // Arrays are mutable: unhashable.
    let tv = unsafe { Value::from_header(array) };
    DictObj::set_str(
        &type_data_ptr(tv.ptr()).dict,
        intern("__hash__"),
        Value::NONE,
    );
    let t: &'static Types = Box::leak(Box::new(Types {
        array,
        iter: new_ext_iter_type("arrayiterator", "array", &[]),
    }));
    TYPES.with(|c| c.set(Some(t)));
    t
}

pub fn new_array(tc: char, st: Storage) -> Value {
    new_ext(
        ArrayObj {
            tc,
            st: RefCell::new(st),
        },
        types().array,
    )
}

pub fn as_array(v: &Value) -> Option<&ArrayObj> {
    ext_ref::<ArrayObj>(v)
}

fn this<'a>(args: &'a [Value], meth: &str) -> PyResult<&'a ArrayObj> {
    crate::types::ext::receiver::<ArrayObj>(args, "array.array", meth)
}

/// The operand of a binary dunder.
fn arg1(args: &[Value]) -> PyResult<&Value> {
    args.get(1)
        .ok_or_else(|| arg_count_error("expected", 1, 1, 0))
}

fn no_kw(kw: &[Value], name: &str) -> PyResult<()> {
    if kw.is_empty() {
        Ok(())
    } else {
        Err(error::type_error(format!(
            "{name}() takes no keyword arguments"
        )))
    }
}

/// METH_O-style: exactly one argument after self.
fn one<'a>(args: &'a [Value], kw: &[Value], name: &str) -> PyResult<&'a Value> {
    no_kw(kw, &format!("array.{name}"))?;
    if args.len() != 2 {
        return Err(arg_count_error(
            &format!("array.{name}"),
            1,
            1,
            args.len().saturating_sub(1),
        ));
    }
    Ok(&args[1])
}

fn noargs(args: &[Value], kw: &[Value], name: &str) -> PyResult<()> {
    no_kw(kw, &format!("array.{name}"))?;
    if args.len() != 1 {
        return Err(arg_count_error(
            &format!("array.{name}"),
            0,
            0,
            args.len().saturating_sub(1),
        ));
    }
    Ok(())
}

/// Argument Clinic positional-only counts (`insert expected 2 arguments, got 1`).
fn clinic<'a>(
    args: &'a [Value],
    kw: &[Value],
    name: &str,
    min: usize,
    max: usize,
) -> PyResult<&'a [Value]> {
    no_kw(kw, name)?;
    let rest = &args[1..];
    if rest.len() < min || rest.len() > max {
        return Err(arg_count_error(name, min, max, rest.len()));
    }
    Ok(rest)
}

// ---------------------------------------------------------------------------
// Construction and conversion
// ---------------------------------------------------------------------------

/// Appends the items of `init` (an iterable) to `st`.
fn extend_iter(vm: &mut Vm, st: &RefCell<Storage>, tc: char, init: &Value) -> PyResult<()> {
    let items = ops::collect(vm, init)?;
    let mut s = st.borrow_mut();
    for x in &items {
        s.push(x, tc)?;
    }
    Ok(())
}

fn frombytes_into(a: &ArrayObj, v: &Value) -> PyResult<()> {
    let b = as_bytes(v).map(|b| b.to_vec()).ok_or_else(|| {
        error::type_error(format!(
            "a bytes-like object is required, not '{}'",
            type_name(v)
        ))
    })?;
    let mut s = a.st.borrow_mut();
    if b.len() % s.itemsize() != 0 {
        return Err(error::value_error(
            "bytes length not a multiple of item size",
        ));
    }
    s.extend_bytes(&b);
    Ok(())
}

fn array_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(error::type_error(
            "array.array() takes no keyword arguments",
        ));
    }
    let rest = &args[1..];
    if rest.is_empty() {
        return Err(error::type_error(
            "array() takes at least 1 argument (0 given)",
        ));
    }
    if rest.len() > 2 {
        return Err(error::type_error(format!(
            "array() takes at most 2 arguments ({} given)",
            rest.len()
        )));
    }
    let tc = match as_str(&rest[0]).map(|s| {
        let mut c = s.chars();
        (c.next(), c.next())
    }) {
        Some((Some(c), None)) => c,
        _ => {
            return Err(error::type_error(format!(
                "array() argument 1 must be a unicode character, not {}",
                type_name(&rest[0])
            )))
        }
    };
    if !TYPECODES.contains(tc) {
        return Err(error::value_error(
            "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)",
        ));
    }
    let a = ArrayObj {
        tc,
        st: RefCell::new(Storage::new(tc)),
    };
    if let Some(init) = rest.get(1).filter(|v| !v.is_none()) {
        if let Some(s) = as_str(init) {
            if tc != 'u' {
                return Err(error::type_error(format!(
                    "cannot use a str to initialize an array with typecode '{tc}'"
                )));
            }
            *a.st.borrow_mut() = Storage::U(s.chars().map(|c| Wc(c as u32)).collect());
        } else if as_bytes(init).is_some() {
            frombytes_into(&a, init)?;
        } else if let Some(other) = as_array(init) {
            if other.tc == 'u' && tc != 'u' {
                return Err(error::type_error(format!(
                    "cannot use a unicode array to initialize an array with typecode '{tc}'"
                )));
            }
            let items = to_values(&other.st.borrow());
            let mut s = a.st.borrow_mut();
            for x in &items {
                s.push(x, tc)?;
            }
        } else {
            extend_iter(vm, &a.st, tc, init)?;
        }
    }
    Ok(new_ext(a, types().array))
}

fn to_values(s: &Storage) -> Vec<Value> {
    (0..s.len()).map(|i| s.get(i)).collect()
}

fn array_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let a = this(args, "__repr__")?;
    let s = a.st.borrow();
    if s.is_empty() {
        return Ok(new_str(format!("array('{}')", a.tc)));
    }
    if let Storage::U(v) = &*s {
        let text: String = v
            .iter()
            .map(|c| char::from_u32(c.0).unwrap_or('\u{fffd}'))
            .collect();
        return Ok(new_str(format!(
            "array('u', {})",
            crate::fmt::str_repr(&text)
        )));
    }
    let items = to_values(&s);
    drop(s);
    let list = ops::repr::repr_string(vm, &new_list(items))?;
    Ok(new_str(format!("array('{}', {list})", a.tc)))
}

// ---------------------------------------------------------------------------
// Sequence protocol
// ---------------------------------------------------------------------------

fn array_len(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(this(args, "__len__")?.st.borrow().len() as i64))
}

/// An index argument (`array indices must be integers`); None for a slice.
fn index_arg(idx: &Value) -> PyResult<Option<i64>> {
    if idx.downcast::<SliceObj>().is_some() {
        return Ok(None);
    }
    match as_int(idx) {
        Some(i) => i
            .to_i64()
            .map(Some)
            .ok_or_else(|| error::index_error("cannot fit 'int' into an index-sized integer")),
        None => Err(error::type_error("array indices must be integers")),
    }
}

fn norm(i: i64, len: usize) -> Option<usize> {
    let j = if i < 0 { i + len as i64 } else { i };
    (j >= 0 && j < len as i64).then_some(j as usize)
}

fn array_getitem(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let a = this(args, "__getitem__")?;
    let idx = arg1(args)?;
    let s = a.st.borrow();
    match index_arg(idx)? {
        Some(i) => norm(i, s.len())
            .map(|j| s.get(j))
            .ok_or_else(|| error::index_error("array index out of range")),
        None => {
            let sl = idx.downcast::<SliceObj>().unwrap();
            let (start, _, step, count) = ops::slice_indices(sl, s.len() as i64)?;
            let picked = s.picked(start, step, count);
            Ok(new_array(a.tc, picked))
        }
    }
}

/// The storage of an array operand of the same typecode (for slices, `+`, `extend`).
fn same_kind<'a>(a: &ArrayObj, v: &'a Value, err: impl Fn() -> PyErr) -> PyResult<&'a ArrayObj> {
    match as_array(v) {
        Some(b) if b.tc == a.tc => Ok(b),
        Some(_) => Err(err()),
        None => Err(error::type_error(format!(
            "can only assign array (not \"{}\") to array slice",
            type_name(v)
        ))),
    }
}

fn bad_arg() -> PyErr {
    error::type_error("bad argument type for built-in operation")
}

fn array_setitem(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let a = this(args, "__setitem__")?;
    let (idx, v) = match args {
        [_, i, v] => (i, v),
        _ => return Err(arg_count_error("__setitem__", 2, 2, args.len() - 1)),
    };
    match index_arg(idx)? {
        Some(i) => {
            let len = a.st.borrow().len();
            let j = norm(i, len)
                .ok_or_else(|| error::index_error("array assignment index out of range"))?;
            a.st.borrow_mut().set(j, v, a.tc)?;
        }
        None => {
            let sl = idx.downcast::<SliceObj>().unwrap();
            let other = same_kind(a, v, bad_arg)?;
            // Copy first: `a[1:] = a` reads the array being changed.
            let new = self_like(&other.st.borrow());
            let len = a.st.borrow().len();
            let (start, stop, step, count) = ops::slice_indices(sl, len as i64)?;
            let mut s = a.st.borrow_mut();
            if step == 1 {
                s.splice(start as usize, stop.max(start) as usize, &new);
            } else if new.len() as i64 != count {
                return Err(error::value_error(format!(
                    "attempt to assign array of size {} to extended slice of size {count}",
                    new.len()
                )));
            } else {
                s.set_from(start, step, &new);
            }
        }
    }
    Ok(Value::NONE)
}

fn array_delitem(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let a = this(args, "__delitem__")?;
    let idx = arg1(args)?;
    let mut s = a.st.borrow_mut();
    let len = s.len();
    match index_arg(idx)? {
        Some(i) => {
            let j = norm(i, len)
                .ok_or_else(|| error::index_error("array assignment index out of range"))?;
            s.remove(j);
        }
        None => {
            let sl = idx.downcast::<SliceObj>().unwrap();
            let (start, _, step, count) = ops::slice_indices(sl, len as i64)?;
            let mut drop_at = vec![false; len];
            for k in 0..count {
                drop_at[(start + k * step) as usize] = true;
            }
            s.delete(&drop_at);
        }
    }
    Ok(Value::NONE)
}

struct ArrayIter {
    arr: Value,
    idx: Cell<usize>,
}

fn iter_next(_vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    let Some(st) = ext_ref::<ArrayIter>(it) else {
        return Ok(None);
    };
    let a = as_array(&st.arr).unwrap();
    let s = a.st.borrow();
    let i = st.idx.get();
    if i >= s.len() {
        return Ok(None);
    }
    st.idx.set(i + 1);
    Ok(Some(s.get(i)))
}

fn array_iter(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    this(args, "__iter__")?;
    Ok(new_ext_iter(
        ArrayIter {
            arr: args[0].clone(),
            idx: Cell::new(0),
        },
        types().iter,
        iter_next,
    ))
}

/// Position of the first item equal to `x` in `[start, stop)`.
fn find(
    vm: &mut Vm,
    a: &ArrayObj,
    x: &Value,
    start: usize,
    stop: usize,
) -> PyResult<Option<usize>> {
    let mut i = start;
    loop {
        let item = {
            let s = a.st.borrow();
            if i >= stop.min(s.len()) {
                return Ok(None);
            }
            s.get(i)
        };
        if ops::eq(vm, &item, x)? {
            return Ok(Some(i));
        }
        i += 1;
    }
}

fn array_contains(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let a = this(args, "__contains__")?;
    let x = arg1(args)?;
    Ok(Value::bool(find(vm, a, x, 0, usize::MAX)?.is_some()))
}

// ---------------------------------------------------------------------------
// Operators
// ---------------------------------------------------------------------------

fn compare(vm: &mut Vm, args: &[Value], op: CmpOp) -> PyResult<Value> {
    let a = this(args, "__eq__")?;
    let Some(b) = args.get(1).and_then(as_array) else {
        return Ok(tt().not_implemented.clone());
    };
    let (x, y) = (to_values(&a.st.borrow()), to_values(&b.st.borrow()));
    if matches!(op, CmpOp::Eq | CmpOp::Ne) && x.len() != y.len() {
        return Ok(Value::bool(op == CmpOp::Ne));
    }
    ops::compare_sequences(vm, op, &x, &y, false)
}

fn array_eq(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    compare(vm, args, CmpOp::Eq)
}
fn array_ne(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    compare(vm, args, CmpOp::Ne)
}
fn array_lt(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    compare(vm, args, CmpOp::Lt)
}
fn array_le(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    compare(vm, args, CmpOp::Le)
}
fn array_gt(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    compare(vm, args, CmpOp::Gt)
}
fn array_ge(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    compare(vm, args, CmpOp::Ge)
}

fn array_add(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let a = this(args, "__add__")?;
    let v = arg1(args)?;
    let b = match as_array(v) {
        Some(b) if b.tc == a.tc => b,
        Some(_) => return Err(bad_arg()),
        None => {
            return Err(error::type_error(format!(
                "can only append array (not \"{}\") to array",
                type_name(v)
            )))
        }
    };
    let mut out = self_like(&a.st.borrow());
    out.extend_same(&b.st.borrow());
    Ok(new_array(a.tc, out))
}

fn array_iadd(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let a = this(args, "__iadd__")?;
    let v = arg1(args)?;
    let b = match as_array(v) {
        Some(b) if b.tc == a.tc => b,
        Some(_) => return Err(error::type_error("can only extend with array of same kind")),
        None => {
            return Err(error::type_error(format!(
                "can only extend array with array (not \"{}\")",
                type_name(v)
            )))
        }
    };
    let other = self_like(&b.st.borrow());
    a.st.borrow_mut().extend_same(&other);
    Ok(args[0].clone())
}

fn repeat_count(v: &Value) -> PyResult<usize> {
    let Some(n) = as_int(v) else {
        return Err(error::type_error(format!(
            "can't multiply sequence by non-int of type '{}'",
            type_name(v)
        )));
    };
    match n.to_i64() {
        Some(k) => Ok(k.max(0) as usize),
        None if n.is_negative() => Ok(0),
        None => Err(error::overflow_error(
            "cannot fit 'int' into an index-sized integer",
        )),
    }
}

fn repeated(a: &ArrayObj, n: usize) -> PyResult<Storage> {
    let s = a.st.borrow();
    if (s.len() * s.itemsize()).saturating_mul(n) > (1 << 34) {
        return Err(error::memory_error(""));
    }
    Ok(s.repeat(n))
}

fn array_mul(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let a = this(args, "__mul__")?;
    let n = repeat_count(arg1(args)?)?;
    Ok(new_array(a.tc, repeated(a, n)?))
}

fn array_imul(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let a = this(args, "__imul__")?;
    let n = repeat_count(arg1(args)?)?;
    let st = repeated(a, n)?;
    *a.st.borrow_mut() = st;
    Ok(args[0].clone())
}

// ---------------------------------------------------------------------------
// Methods
// ---------------------------------------------------------------------------

fn append(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = this(args, "append")?;
    let x = one(args, kw, "append")?;
    a.st.borrow_mut().push(x, a.tc)?;
    Ok(Value::NONE)
}

fn extend(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = this(args, "extend")?;
    let v = one(args, kw, "extend")?;
    if let Some(b) = as_array(v) {
        if b.tc != a.tc {
            return Err(error::type_error("can only extend with array of same kind"));
        }
        let other = self_like(&b.st.borrow());
        a.st.borrow_mut().extend_same(&other);
        return Ok(Value::NONE);
    }
    extend_iter(vm, &a.st, a.tc, v)?;
    Ok(Value::NONE)
}

fn pop(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = this(args, "pop")?;
    let rest = clinic(args, kw, "pop", 0, 1)?;
    let i = match rest.first() {
        Some(v) => to_i64(v, "")?,
        None => -1,
    };
    let mut s = a.st.borrow_mut();
    if s.is_empty() {
        return Err(error::index_error("pop from empty array"));
    }
    let j = norm(i, s.len()).ok_or_else(|| error::index_error("pop index out of range"))?;
    Ok(s.remove(j))
}

fn insert(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = this(args, "insert")?;
    let rest = clinic(args, kw, "insert", 2, 2)?;
    let i = to_i64(&rest[0], "")?;
    let mut s = a.st.borrow_mut();
    let n = s.len() as i64;
    let j = if i < 0 { (i + n).max(0) } else { i.min(n) };
    s.insert(j as usize, &rest[1], a.tc)?;
    Ok(Value::NONE)
}

fn slice_bound(v: Option<&Value>, default: i64) -> PyResult<i64> {
    match v {
        None => Ok(default),
        Some(v) => match as_int(v) {
            Some(i) => Ok(i
                .to_i64()
                .unwrap_or(if i.is_negative() { i64::MIN } else { i64::MAX })),
            None => Err(error::type_error(
                "slice indices must be integers or have an __index__ method",
            )),
        },
    }
}

fn index(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = this(args, "index")?;
    let rest = clinic(args, kw, "index", 1, 3)?;
    let len = a.st.borrow().len() as i64;
    let clamp = |i: i64| -> usize {
        if i < 0 {
            (i + len).max(0) as usize
        } else {
            i as usize
        }
    };
    let start = clamp(slice_bound(rest.get(1), 0)?);
    let stop = clamp(slice_bound(rest.get(2), i64::MAX)?);
    match find(vm, a, &rest[0], start, stop)? {
        Some(i) => Ok(Value::int(i as i64)),
        None => Err(error::value_error("array.index(x): x not in array")),
    }
}

fn count(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = this(args, "count")?;
    let x = one(args, kw, "count")?;
    let mut n = 0;
    let mut i = 0;
    while let Some(j) = find(vm, a, x, i, usize::MAX)? {
        n += 1;
        i = j + 1;
    }
    Ok(Value::int(n))
}

fn remove(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = this(args, "remove")?;
    let x = one(args, kw, "remove")?;
    match find(vm, a, x, 0, usize::MAX)? {
        Some(i) => {
            a.st.borrow_mut().remove(i);
            Ok(Value::NONE)
        }
        None => Err(error::value_error("array.remove(x): x not in array")),
    }
}

fn reverse(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = this(args, "reverse")?;
    noargs(args, kw, "reverse")?;
    a.st.borrow_mut().reverse();
    Ok(Value::NONE)
}

fn byteswap(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = this(args, "byteswap")?;
    noargs(args, kw, "byteswap")?;
    a.st.borrow_mut().byteswap();
    Ok(Value::NONE)
}

fn tolist(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = this(args, "tolist")?;
    noargs(args, kw, "tolist")?;
    Ok(new_list(to_values(&a.st.borrow())))
}

fn fromlist(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = this(args, "fromlist")?;
    let v = one(args, kw, "fromlist")?;
    let items = v
        .downcast::<ListObj>()
        .map(|l| l.items.borrow().clone())
        .ok_or_else(|| error::type_error("arg must be list"))?;
    // All or nothing, as CPython.
    let mut tmp = Storage::new(a.tc);
    for x in &items {
        tmp.push(x, a.tc)?;
    }
    a.st.borrow_mut().extend_same(&tmp);
    Ok(Value::NONE)
}

fn tobytes(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = this(args, "tobytes")?;
    noargs(args, kw, "tobytes")?;
    Ok(new_bytes(a.st.borrow().to_bytes()))
}

fn frombytes(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = this(args, "frombytes")?;
    let v = one(args, kw, "frombytes")?;
    frombytes_into(a, v)?;
    Ok(Value::NONE)
}

fn tounicode(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = this(args, "tounicode")?;
    noargs(args, kw, "tounicode")?;
    match &*a.st.borrow() {
        Storage::U(v) => Ok(new_str(
            v.iter()
                .map(|c| char::from_u32(c.0).unwrap_or('\u{fffd}'))
                .collect::<String>(),
        )),
        _ => Err(error::value_error(
            "tounicode() may only be called on unicode type arrays",
        )),
    }
}

fn fromunicode(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = this(args, "fromunicode")?;
    let v = one(args, kw, "fromunicode")?;
    let s = as_str(v).ok_or_else(|| {
        error::type_error(format!(
            "fromunicode() argument must be str, not {}",
            type_name(v)
        ))
    })?;
    match &mut *a.st.borrow_mut() {
        Storage::U(u) => {
            u.extend(s.chars().map(|c| Wc(c as u32)));
            Ok(Value::NONE)
        }
        _ => Err(error::value_error(
            "fromunicode() may only be called on unicode type arrays",
        )),
    }
}

fn buffer_info(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = this(args, "buffer_info")?;
    noargs(args, kw, "buffer_info")?;
    let s = a.st.borrow();
    let addr = each!(&*s, v => v.as_ptr() as usize);
    Ok(new_tuple(vec![
        Value::int(addr as i64),
        Value::int(s.len() as i64),
    ]))
}

fn copy(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let a = this(args, "__copy__")?;
    let st = self_like(&a.st.borrow());
    Ok(new_array(a.tc, st))
}

fn getattr(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let a = this(args, "__getattr__")?;
    let name = args.get(1).and_then(as_str).unwrap_or("");
    match name {
        "typecode" => Ok(char_str(a.tc)),
        "itemsize" => Ok(Value::int(a.st.borrow().itemsize() as i64)),
        _ => Err(error::attribute_error(format!(
            "'array.array' object has no attribute '{name}'"
        ))),
    }
}

static METHODS: MethodTable = &[
    ("__new__", array_new),
    ("__repr__", array_repr),
    ("__len__", array_len),
    ("__getitem__", array_getitem),
    ("__setitem__", array_setitem),
    ("__delitem__", array_delitem),
    ("__iter__", array_iter),
    ("__contains__", array_contains),
    ("__eq__", array_eq),
    ("__ne__", array_ne),
    ("__lt__", array_lt),
    ("__le__", array_le),
    ("__gt__", array_gt),
    ("__ge__", array_ge),
    ("__add__", array_add),
    ("__iadd__", array_iadd),
    ("__mul__", array_mul),
    ("__rmul__", array_mul),
    ("__imul__", array_imul),
    ("__copy__", copy),
    ("__deepcopy__", copy),
    ("__getattr__", getattr),
    ("append", append),
    ("extend", extend),
    ("pop", pop),
    ("insert", insert),
    ("index", index),
    ("count", count),
    ("remove", remove),
    ("reverse", reverse),
    ("byteswap", byteswap),
    ("tolist", tolist),
    ("fromlist", fromlist),
    ("tobytes", tobytes),
    ("frombytes", frombytes),
    ("tounicode", tounicode),
    ("fromunicode", fromunicode),
    ("buffer_info", buffer_info),
];

pub fn make(_vm: &mut Vm) -> Value {
    let m = super::module_with_functions("array", &[]);
    let t = unsafe { Value::from_header(types().array) };
    super::set(&m, "array", t.clone());
    super::set(&m, "ArrayType", t);
    super::set(&m, "typecodes", new_str(TYPECODES));
    m
}
