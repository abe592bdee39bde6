//! `_random`: CPython's Mersenne Twister generator, bit for bit (MT19937 seeded the way
//! `_random` seeds it: `init_by_array` over the 32-bit words of the seed). CPython's
//! `random.py` builds `random.Random` and the module functions on it.

use crate::builtins::args::{Args, Signature};
use crate::builtins::MethodTable;
use crate::error::{self, PyResult};
use crate::object::Header;
use crate::ops;
use crate::types::ext::{ext_ref, new_ext_type};
use crate::types::int::{as_int, big_to_value};
use crate::types::tuple::{as_tuple, new_tuple};
use crate::types::type_name;
use crate::value::Value;
use crate::vm::Vm;
use num_bigint::{BigInt, BigUint};
use num_traits::ToPrimitive;
use std::cell::{Cell, RefCell};

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
            c.set(new_ext_type("Random", "_random", std::ptr::null(), METHODS));
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

/// `_random.Random.seed(n=None)`: the OS's entropy for None, the absolute value's 32-bit
/// words for an int, else the object's hash taken as unsigned (`(size_t)hash`, as CPython's
/// `random_seed`; random.py converts str and bytes first).
fn seed_impl(vm: &mut Vm, st: &RandomState, a: Option<&Value>) -> PyResult<()> {
    match a {
        None => seed_from_entropy(st),
        Some(a) if a.is_none() => seed_from_entropy(st),
        Some(a) => {
            if let Some(i) = as_int(a) {
                seed_words(st, &i.to_big());
            } else {
                let h = ops::hash(vm, a)?;
                seed_words(st, &BigInt::from(h as u64));
            }
        }
    }
    Ok(())
}

fn r_seed(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("seed", args, kw);
    a.check(1, 2, &[])?;
    let st = this(args, "seed")?;
    seed_impl(vm, st, a.get(1))?;
    Ok(Value::NONE)
}

/// `_random.Random(x)`: a generator seeded with `x` (of type `cls`, a subclass's).
fn r_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let cls = args
        .first()
        .ok_or_else(|| error::type_error("Random.__new__(): not enough arguments"))?;
    if cls.ptr() == random_type() && !kw.is_empty() {
        return Err(error::type_error("Random() takes no keyword arguments"));
    }
    if args.len() > 2 {
        return Err(error::type_error(format!(
            "Random() expected at most 1 argument, got {}",
            args.len() - 1
        )));
    }
    let obj = crate::types::ext::new_ext_of(
        RandomState {
            mt: RefCell::new(Mt::new()),
            gauss_next: RefCell::new(Value::NONE),
        },
        random_type(),
        cls,
    )?;
    seed_impl(
        vm,
        this(std::slice::from_ref(&obj), "__new__")?,
        args.get(1),
    )?;
    Ok(obj)
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
    Ok(new_tuple(items))
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

fn r_setstate(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("setstate", args, kw);
    a.check(2, 2, &[])?;
    set_internal_state(this(args, "setstate")?, &a.pos[1])?;
    Ok(Value::NONE)
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
static METHODS: MethodTable = &[
    ("__new__", r_new),
    ("seed", r_seed),
    ("getstate", r_getstate),
    ("setstate", r_setstate),
    ("random", r_random),
    ("getrandbits", r_getrandbits),
];

pub fn make(_vm: &mut Vm) -> Value {
    let m = super::module_with_functions("_random", &[]);
    super::set(&m, "Random", unsafe { Value::from_header(random_type()) });
    m
}
