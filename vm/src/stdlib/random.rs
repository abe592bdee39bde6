//! The `random` module: CPython's generator, bit for bit.
//!
//! The core is the Mersenne Twister MT19937 seeded the way CPython's `_random` seeds it
//! (`init_by_array` over the 32-bit words of the seed); on top of it, the algorithms of
//! CPython 3.11's `random.py` (`_randbelow` by rejection over `getrandbits`, `shuffle`,
//! `sample`, `choices`, the distributions) reproduce the same sequences. `Random` is a
//! native type; the module functions are methods bound to a hidden shared instance.
//! Sequence helpers and distributions live in `random_seq.rs`.

use super::random_seq;
use super::sha512::sha512;
use crate::builtins::args::{Args, Signature};
use crate::builtins::MethodTable;
use crate::error::{self, PyResult};
use crate::object::{alloc_obj, Header};
use crate::ops;
use crate::types::ext::{ext_ref, new_ext, new_ext_type};
use crate::types::func::NativeObj;
use crate::types::int::{as_int, big_to_value};
use crate::types::str::as_str;
use crate::types::tt;
use crate::types::tuple::{as_tuple, new_tuple};
use crate::types::type_name;
use crate::value::Value;
use crate::vm::Vm;
use num_bigint::{BigInt, BigUint, Sign};
use num_traits::{Signed, ToPrimitive};
use std::cell::{Cell, RefCell};

/// Placeholder for parameters `Signature::bind` guarantees are present.
static NONE: Value = Value::NONE;

const N: usize = 624;
const M: usize = 397;

/// MT19937 (Matsumoto & Nishimura's reference algorithm).
pub struct Mt {
    state: [u32; N],
    index: usize,
}

impl Mt {
    fn new() -> Mt {
        Mt {
            state: [0; N],
            index: N + 1,
        }
    }

    fn init_genrand(&mut self, s: u32) {
        self.state[0] = s;
        for i in 1..N {
            let prev = self.state[i - 1];
            self.state[i] = 1812433253u32
                .wrapping_mul(prev ^ (prev >> 30))
                .wrapping_add(i as u32);
        }
        self.index = N;
    }

    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19650218);
        let (mut i, mut j) = (1usize, 0usize);
        for _ in 0..N.max(key.len()) {
            let prev = self.state[i - 1];
            self.state[i] = (self.state[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1664525))
                .wrapping_add(key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                self.state[0] = self.state[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = self.state[i - 1];
            self.state[i] = (self.state[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1566083941))
                .wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                self.state[0] = self.state[N - 1];
                i = 1;
            }
        }
        self.state[0] = 0x8000_0000; // the MSB is 1: the initial array is non-zero
        self.index = N;
    }

    fn twist(&mut self) {
        let mag = |y: u32| if y & 1 == 1 { 0x9908_b0df } else { 0 };
        for kk in 0..N {
            let y = (self.state[kk] & 0x8000_0000) | (self.state[(kk + 1) % N] & 0x7fff_ffff);
            self.state[kk] = self.state[(kk + M) % N] ^ (y >> 1) ^ mag(y);
        }
        self.index = 0;
    }

    pub fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            self.twist();
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// A float in [0, 1) with 53 random bits.
    pub fn random(&mut self) -> f64 {
        let a = (self.next_u32() >> 5) as f64;
        let b = (self.next_u32() >> 6) as f64;
        (a * 67108864.0 + b) * (1.0 / 9007199254740992.0)
    }

    /// `getrandbits(k)` for k >= 0: 32-bit words from the least significant up, the last
    /// one keeping its high bits.
    pub fn getrandbits(&mut self, k: u64) -> BigUint {
        if k <= 32 {
            return BigUint::from(self.bits32(k as u32));
        }
        let mut words = Vec::with_capacity(k.div_ceil(32) as usize);
        let mut left = k;
        while left > 0 {
            let mut r = self.next_u32();
            if left < 32 {
                r >>= 32 - left;
            }
            words.push(r);
            left = left.saturating_sub(32);
        }
        BigUint::new(words)
    }

    fn bits32(&mut self, k: u32) -> u32 {
        if k == 0 {
            return 0;
        }
        self.next_u32() >> (32 - k)
    }

    /// A uniform int in [0, n) for n > 0: `getrandbits(n.bit_length())` until below n.
    pub fn randbelow_u64(&mut self, n: u64) -> u64 {
        if n == 0 {
            return 0; // callers never ask; avoids looping forever
        }
        let k = 64 - n.leading_zeros();
        loop {
            let r = if k <= 32 {
                self.bits32(k) as u64
            } else {
                let lo = self.next_u32() as u64;
                let hi = (self.next_u32() >> (64 - k)) as u64;
                lo | (hi << 32)
            };
            if r < n {
                return r;
            }
        }
    }

    pub fn randbelow(&mut self, n: &BigInt) -> BigInt {
        if let Some(small) = n.to_u64() {
            return BigInt::from(self.randbelow_u64(small));
        }
        let k = n.bits();
        loop {
            let r = BigInt::from(self.getrandbits(k));
            if &r < n {
                return r;
            }
        }
    }
}

/// The payload of a `Random` instance.
pub struct RandomState {
    pub mt: RefCell<Mt>,
    /// `self.gauss_next` of random.py: the second value of the last Box-Muller pair.
    pub gauss_next: RefCell<Value>,
}

thread_local! {
    static RANDOM_TYPE: Cell<*const Header> = const { Cell::new(std::ptr::null()) };
}

fn random_type() -> *const Header {
    RANDOM_TYPE.with(|c| {
        if c.get().is_null() {
            c.set(new_ext_type("Random", "random", std::ptr::null(), METHODS));
        }
        c.get()
    })
}

/// The receiver of a `Random` method.
pub fn this<'a>(args: &'a [Value], name: &str) -> PyResult<&'a RandomState> {
    args.first()
        .and_then(ext_ref::<RandomState>)
        .ok_or_else(|| {
            let got = args.first().map_or("nothing", type_name);
            error::type_error(format!(
                "descriptor '{name}' for '_random.Random' objects doesn't apply to a '{got}' object"
            ))
        })
}

// ---- seeding ----

fn seed_words(st: &RandomState, n: &BigInt) {
    let mut key = n.magnitude().to_u32_digits();
    if key.is_empty() {
        key.push(0);
    }
    st.mt.borrow_mut().init_by_array(&key);
}

/// Seeds from the OS (624 words of /dev/urandom), or from the clock when that fails.
fn seed_from_entropy(st: &RandomState) {
    use std::io::Read;
    let mut buf = vec![0u8; N * 4];
    let ok = std::fs::File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut buf))
        .is_ok();
    let key: Vec<u32> = if ok {
        buf.chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect()
    } else {
        let t = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        vec![
            t as u32,
            (t >> 32) as u32,
            (t >> 64) as u32,
            std::process::id(),
        ]
    };
    st.mt.borrow_mut().init_by_array(&key);
}

/// `Random.seed(a=None, version=2)` of random.py over `_random.Random.seed`.
fn seed_impl(
    vm: &mut Vm,
    st: &RandomState,
    a: Option<&Value>,
    version: Option<&Value>,
) -> PyResult<()> {
    let version = match version {
        None => Some(2),
        Some(v) => as_int(v).and_then(|i| i.to_i64()),
    };
    match a {
        None => seed_from_entropy(st),
        Some(a) if a.is_none() => seed_from_entropy(st),
        Some(a) => {
            if let Some(i) = as_int(a) {
                seed_words(st, &i.to_big());
            } else if let Some(s) = as_str(a) {
                if version == Some(1) {
                    // The pre-3.2 string hash.
                    let chars: Vec<u32> = s.chars().map(|c| c as u32).collect();
                    let mut x: u64 = chars.first().map_or(0, |&c| (c as u64) << 7);
                    for &c in &chars {
                        x = 1000003u64.wrapping_mul(x) ^ c as u64;
                    }
                    x ^= chars.len() as u64;
                    seed_words(st, &BigInt::from(x));
                } else if version == Some(2) {
                    let mut bytes = s.as_bytes().to_vec();
                    bytes.extend_from_slice(&sha512(s.as_bytes()));
                    seed_words(st, &BigInt::from_bytes_be(Sign::Plus, &bytes));
                } else {
                    let h = ops::hash(vm, a)?;
                    seed_words(st, &BigInt::from(h as u64));
                }
            } else if a.is_float() {
                // Floats seed with their hash, as an unsigned 64-bit number.
                let h = ops::hash(vm, a)?;
                seed_words(st, &BigInt::from(h as u64));
            } else {
                return Err(error::type_error(
                    "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.",
                ));
            }
        }
    }
    *st.gauss_next.borrow_mut() = Value::NONE;
    Ok(())
}

const SEED_SIG: Signature = Signature {
    qualname: "Random.seed",
    params: &["self", "a", "version"],
    defaults: 2,
    kwonly: &[],
};

fn r_seed(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let b = SEED_SIG.bind(args, kw)?;
    let st = this(args, "seed")?;
    seed_impl(vm, st, b[1], b[2])?;
    Ok(Value::NONE)
}

fn r_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    const SIG: Signature = Signature {
        qualname: "Random.__init__",
        params: &["self", "x"],
        defaults: 1,
        kwonly: &[],
    };
    let b = SIG.bind(args, kw)?;
    let obj = new_instance();
    seed_impl(
        vm,
        this(std::slice::from_ref(&obj), "__init__")?,
        b[1],
        None,
    )?;
    Ok(obj)
}

fn r_init(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    const SIG: Signature = Signature {
        qualname: "Random.__init__",
        params: &["self", "x"],
        defaults: 1,
        kwonly: &[],
    };
    let b = SIG.bind(args, kw)?;
    seed_impl(vm, this(args, "__init__")?, b[1], None)?;
    Ok(Value::NONE)
}

fn new_instance() -> Value {
    new_ext(
        RandomState {
            mt: RefCell::new(Mt::new()),
            gauss_next: RefCell::new(Value::NONE),
        },
        random_type(),
    )
}

// ---- state ----

fn r_getstate(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    const SIG: Signature = Signature {
        qualname: "Random.getstate",
        params: &["self"],
        defaults: 0,
        kwonly: &[],
    };
    SIG.bind(args, kw)?;
    let st = this(args, "getstate")?;
    let mt = st.mt.borrow();
    let mut items: Vec<Value> = mt.state.iter().map(|&w| Value::int(w as i64)).collect();
    items.push(Value::int(mt.index as i64));
    let gauss = st.gauss_next.borrow().clone();
    Ok(new_tuple(vec![
        Value::small_int(3),
        new_tuple(items),
        gauss,
    ]))
}

/// `_random.Random.setstate`: a tuple of 624 words and the position.
fn set_internal_state(st: &RandomState, state: &Value) -> PyResult<()> {
    let Some(items) = as_tuple(state) else {
        return Err(error::type_error("state vector must be a tuple"));
    };
    if items.len() != N + 1 {
        return Err(error::value_error("state vector is the wrong size"));
    }
    let mut words = [0u32; N];
    for (w, v) in words.iter_mut().zip(items) {
        let Some(i) = as_int(v) else {
            return Err(error::type_error("an integer is required"));
        };
        if i.is_negative() {
            return Err(error::overflow_error(
                "can't convert negative value to unsigned int",
            ));
        }
        let Some(u) = i.to_big().to_u64() else {
            return Err(error::overflow_error(
                "Python int too large to convert to C unsigned long",
            ));
        };
        *w = u as u32; // C truncates to 32 bits
    }
    let last = &items[N];
    let index = match as_int(last) {
        Some(i) => i
            .to_i64()
            .ok_or_else(|| error::overflow_error("Python int too large to convert to C long"))?,
        None => {
            return Err(error::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                type_name(last)
            )))
        }
    };
    if index < 0 || index > N as i64 {
        return Err(error::value_error("invalid state"));
    }
    let mut mt = st.mt.borrow_mut();
    mt.state = words;
    mt.index = index as usize;
    Ok(())
}

fn r_setstate(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    const SIG: Signature = Signature {
        qualname: "Random.setstate",
        params: &["self", "state"],
        defaults: 0,
        kwonly: &[],
    };
    let b = SIG.bind(args, kw)?;
    let st = this(args, "setstate")?;
    let state = b[1].unwrap_or(&NONE);
    let version = ops::getitem(vm, state, &Value::small_int(0))?;
    let v3 = ops::eq(vm, &version, &Value::small_int(3))?;
    if v3 || ops::eq(vm, &version, &Value::small_int(2))? {
        let parts = ops::collect_unpack(vm, state, 3)?;
        if parts.len() != 3 {
            return Err(error::value_error(if parts.len() > 3 {
                "too many values to unpack (expected 3)".to_string()
            } else {
                format!(
                    "not enough values to unpack (expected 3, got {})",
                    parts.len()
                )
            }));
        }
        *st.gauss_next.borrow_mut() = parts[2].clone();
        let mut internal = parts[1].clone();
        if !v3 {
            // Version 2 stored the words as signed ints.
            let items = ops::collect(vm, &internal)?;
            let modulus = big_to_value(BigInt::from(1u64 << 32));
            let mut fixed = Vec::with_capacity(items.len());
            for x in &items {
                fixed.push(ops::binary_op(
                    vm,
                    crate::bytecode::BinOp::Mod,
                    false,
                    x,
                    &modulus,
                )?);
            }
            internal = new_tuple(fixed);
        }
        set_internal_state(st, &internal)?;
        return Ok(Value::NONE);
    }
    let s = ops::to_str(vm, &version)?;
    Err(error::value_error(format!(
        "state with version {} passed to Random.setstate() of version 3",
        as_str(&s).unwrap_or("?")
    )))
}

// ---- core methods ----

fn r_random(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let st = this(args, "random")?;
    Args::new("Random.random", &args[1..], kw).check(0, 0, &[])?;
    let x = st.mt.borrow_mut().random();
    Ok(Value::float(x))
}

fn r_getrandbits(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let st = this(args, "getrandbits")?;
    let a = Args::new("Random.getrandbits", &args[1..], kw);
    a.check(1, 1, &[])?;
    let k = match as_int(&a.pos[0]) {
        Some(i) => i
            .to_i64()
            .filter(|k| i32::try_from(*k).is_ok())
            .ok_or_else(|| error::overflow_error("Python int too large to convert to C int"))?,
        None => {
            return Err(error::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                type_name(&a.pos[0])
            )))
        }
    };
    if k < 0 {
        return Err(error::value_error("number of bits must be non-negative"));
    }
    let r = st.mt.borrow_mut().getrandbits(k as u64);
    Ok(big_to_value(BigInt::from(r)))
}

/// Python's `int(v)` for randrange's non-int arguments.
fn py_int(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match crate::builtins::constructor_for(tt().int) {
        Some(int_new) => int_new(vm, std::slice::from_ref(v), &[]),
        None => Err(error::type_error("int() is unavailable")),
    }
}

/// `operator.index(v)`, falling back to an integral `int(v)` as 3.11's randrange does.
fn rr_index(vm: &mut Vm, v: &Value, what: &str) -> PyResult<BigInt> {
    if let Some(i) = as_int(v) {
        return Ok(i.to_big());
    }
    let i = py_int(vm, v)?;
    if !ops::eq(vm, &i, v)? {
        return Err(error::value_error(format!(
            "non-integer {what} for randrange()"
        )));
    }
    Ok(as_int(&i).map(|i| i.to_big()).unwrap_or_default())
}

pub fn randrange_impl(
    vm: &mut Vm,
    st: &RandomState,
    start: &Value,
    stop: Option<&Value>,
    step: Option<&Value>,
) -> PyResult<Value> {
    let istart = rr_index(vm, start, "arg 1")?;
    let stop = stop.filter(|s| !s.is_none());
    let Some(stop) = stop else {
        // `step is not 1`: only the (cached) int 1 counts as the default.
        if let Some(s) = step {
            if s.as_small_int() != Some(1) {
                return Err(error::type_error("Missing a non-None stop argument"));
            }
        }
        if istart.is_positive() {
            return Ok(big_to_value(st.mt.borrow_mut().randbelow(&istart)));
        }
        return Err(error::value_error("empty range for randrange()"));
    };
    let istop = rr_index(vm, stop, "stop")?;
    let width = &istop - &istart;
    let istep = match step {
        Some(s) => rr_index(vm, s, "step")?,
        None => BigInt::from(1),
    };
    if istep == BigInt::from(1) {
        if width.is_positive() {
            let r = st.mt.borrow_mut().randbelow(&width);
            return Ok(big_to_value(istart + r));
        }
        return Err(error::value_error(format!(
            "empty range for randrange() ({istart}, {istop}, {width})"
        )));
    }
    let n = if istep.is_positive() {
        num_integer::Integer::div_floor(&(&width + &istep - 1), &istep)
    } else if istep.is_negative() {
        num_integer::Integer::div_floor(&(&width + &istep + 1), &istep)
    } else {
        return Err(error::value_error("zero step for randrange()"));
    };
    if !n.is_positive() {
        return Err(error::value_error("empty range for randrange()"));
    }
    let r = st.mt.borrow_mut().randbelow(&n);
    Ok(big_to_value(istart + istep * r))
}

fn r_randrange(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    const SIG: Signature = Signature {
        qualname: "Random.randrange",
        params: &["self", "start", "stop", "step"],
        defaults: 2,
        kwonly: &[],
    };
    let b = SIG.bind(args, kw)?;
    let st = this(args, "randrange")?;
    randrange_impl(vm, st, b[1].unwrap_or(&NONE), b[2], b[3])
}

fn r_randint(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    const SIG: Signature = Signature {
        qualname: "Random.randint",
        params: &["self", "a", "b"],
        defaults: 0,
        kwonly: &[],
    };
    let b = SIG.bind(args, kw)?;
    let st = this(args, "randint")?;
    let (lo, hi) = (b[1].unwrap_or(&NONE), b[2].unwrap_or(&NONE));
    let stop = ops::binary_op(
        vm,
        crate::bytecode::BinOp::Add,
        false,
        hi,
        &Value::small_int(1),
    )?;
    randrange_impl(vm, st, lo, Some(&stop), None)
}

static METHODS: MethodTable = &[
    ("__new__", r_new),
    ("__init__", r_init),
    ("seed", r_seed),
    ("getstate", r_getstate),
    ("setstate", r_setstate),
    ("random", r_random),
    ("getrandbits", r_getrandbits),
    ("randrange", r_randrange),
    ("randint", r_randint),
    ("choice", random_seq::choice),
    ("shuffle", random_seq::shuffle),
    ("sample", random_seq::sample),
    ("choices", random_seq::choices),
    ("uniform", random_seq::uniform),
    ("triangular", random_seq::triangular),
    ("normalvariate", random_seq::normalvariate),
    ("gauss", random_seq::gauss),
    ("lognormvariate", random_seq::lognormvariate),
    ("expovariate", random_seq::expovariate),
    ("vonmisesvariate", random_seq::vonmisesvariate),
    ("gammavariate", random_seq::gammavariate),
    ("betavariate", random_seq::betavariate),
    ("paretovariate", random_seq::paretovariate),
    ("weibullvariate", random_seq::weibullvariate),
];

pub fn make(vm: &mut Vm) -> Value {
    let ty = random_type();
    let m = super::module_with_functions("random", &[]);
    super::set(&m, "Random", unsafe { Value::from_header(ty) });
    // The module functions are the methods of one hidden instance, seeded from the OS.
    let inst = new_instance();
    if let Some(st) = ext_ref::<RandomState>(&inst) {
        seed_from_entropy(st);
    }
    let owner = unsafe { Value::from_header(ty) };
    for (name, f) in METHODS.iter().filter(|(n, _)| !n.starts_with("__")) {
        let bound = alloc_obj(
            NativeObj {
                name,
                f: *f,
                self_: inst.clone(),
                owner: owner.clone(),
            },
            tt().builtin_function,
        );
        super::set(&m, name, bound);
    }
    let _ = vm;
    m
}
