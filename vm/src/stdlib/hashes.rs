//! The hash modules CPython builds from its own sources, which `hashlib` falls back on
//! without OpenSSL: `_md5`, `_sha1`, `_sha256`, `_sha512`, `_sha3`, `_blake2`, over the
//! RustCrypto implementations.

use crate::builtins::args::Args;
use crate::error::{self, PyResult};
use crate::object::Header;
use crate::types::bytes::{bytes_vec, new_bytes};
use crate::types::ext::{ext_ref, new_ext, new_ext_type};
use crate::types::func::NativeFn;
use crate::types::int::as_int;
use crate::types::str::{as_str, new_str};
use crate::types::type_name;
use crate::value::Value;
use crate::vm::Vm;
use digest::{Digest, ExtendableOutput, Update};
use std::cell::{OnceCell, RefCell};

#[derive(Clone)]
enum State {
    Md5(md5::Md5),
    Sha1(sha1::Sha1),
    Sha224(sha2::Sha224),
    Sha256(sha2::Sha256),
    Sha384(sha2::Sha384),
    Sha512(sha2::Sha512),
    Sha3_224(sha3::Sha3_224),
    Sha3_256(sha3::Sha3_256),
    Sha3_384(sha3::Sha3_384),
    Sha3_512(sha3::Sha3_512),
    Shake128(sha3::Shake128),
    Shake256(sha3::Shake256),
    Blake2b(blake2::Blake2bVar, usize),
    Blake2s(blake2::Blake2sVar, usize),
}

struct Hash {
    name: &'static str,
    state: RefCell<State>,
}

/// (digest size, block size) of each algorithm.
fn sizes(s: &State) -> (usize, usize) {
    match s {
        State::Md5(_) => (16, 64),
        State::Sha1(_) => (20, 64),
        State::Sha224(_) => (28, 64),
        State::Sha256(_) => (32, 64),
        State::Sha384(_) => (48, 128),
        State::Sha512(_) => (64, 128),
        State::Sha3_224(_) => (28, 144),
        State::Sha3_256(_) => (32, 136),
        State::Sha3_384(_) => (48, 104),
        State::Sha3_512(_) => (64, 72),
        State::Shake128(_) => (0, 168),
        State::Shake256(_) => (0, 136),
        State::Blake2b(_, n) => (*n, 128),
        State::Blake2s(_, n) => (*n, 64),
    }
}

fn update(s: &mut State, data: &[u8]) {
    match s {
        State::Md5(h) => Digest::update(h, data),
        State::Sha1(h) => Digest::update(h, data),
        State::Sha224(h) => Digest::update(h, data),
        State::Sha256(h) => Digest::update(h, data),
        State::Sha384(h) => Digest::update(h, data),
        State::Sha512(h) => Digest::update(h, data),
        State::Sha3_224(h) => Digest::update(h, data),
        State::Sha3_256(h) => Digest::update(h, data),
        State::Sha3_384(h) => Digest::update(h, data),
        State::Sha3_512(h) => Digest::update(h, data),
        State::Shake128(h) => Update::update(h, data),
        State::Shake256(h) => Update::update(h, data),
        State::Blake2b(h, _) => Update::update(h, data),
        State::Blake2s(h, _) => Update::update(h, data),
    }
}

/// The digest of what was hashed so far (`length` bytes for SHAKE).
fn finish(s: &State, length: usize) -> Vec<u8> {
    use blake2::digest::VariableOutput;
    match s.clone() {
        State::Md5(h) => h.finalize().to_vec(),
        State::Sha1(h) => h.finalize().to_vec(),
        State::Sha224(h) => h.finalize().to_vec(),
        State::Sha256(h) => h.finalize().to_vec(),
        State::Sha384(h) => h.finalize().to_vec(),
        State::Sha512(h) => h.finalize().to_vec(),
        State::Sha3_224(h) => h.finalize().to_vec(),
        State::Sha3_256(h) => h.finalize().to_vec(),
        State::Sha3_384(h) => h.finalize().to_vec(),
        State::Sha3_512(h) => h.finalize().to_vec(),
        State::Shake128(h) => h.finalize_boxed(length).to_vec(),
        State::Shake256(h) => h.finalize_boxed(length).to_vec(),
        State::Blake2b(h, n) => {
            let mut out = vec![0u8; n];
            let _ = h.finalize_variable(&mut out);
            out
        }
        State::Blake2s(h, n) => {
            let mut out = vec![0u8; n];
            let _ = h.finalize_variable(&mut out);
            out
        }
    }
}

thread_local! {
    static TYPES: OnceCell<(*const Header, *const Header)> = const { OnceCell::new() };
}

/// (fixed-size hash type, SHAKE type).
fn types() -> (*const Header, *const Header) {
    TYPES.with(|c| {
        *c.get_or_init(|| {
            let m: &[(&str, NativeFn)] = &[
                ("update", h_update),
                ("digest", h_digest),
                ("hexdigest", h_hexdigest),
                ("copy", h_copy),
                ("__repr__", h_repr),
            ];
            let t = new_ext_type("HASH", "_hashlib", std::ptr::null(), m);
            let s = new_ext_type("HASHXOF", "_hashlib", std::ptr::null(), m);
            for ty in [t, s] {
                for (name, f) in [
                    ("name", g_name as NativeFn),
                    ("digest_size", g_digest_size),
                    ("block_size", g_block_size),
                ] {
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
            (t, s)
        })
    })
}

fn data_arg(v: &Value) -> PyResult<Vec<u8>> {
    if as_str(v).is_some() {
        return Err(error::type_error("Strings must be encoded before hashing"));
    }
    bytes_vec(v)
        .ok_or_else(|| error::type_error(format!("object supporting the buffer API required")))
}

fn new_hash(name: &'static str, mut state: State, data: Option<&Value>) -> PyResult<Value> {
    if let Some(d) = data.filter(|d| !d.is_none()) {
        update(&mut state, &data_arg(d)?);
    }
    let xof = matches!(state, State::Shake128(_) | State::Shake256(_));
    let ty = if xof { types().1 } else { types().0 };
    Ok(new_ext(
        Hash {
            name,
            state: RefCell::new(state),
        },
        ty,
    ))
}

fn this(args: &[Value]) -> PyResult<&Hash> {
    args.first()
        .and_then(ext_ref::<Hash>)
        .ok_or_else(|| error::type_error("descriptor requires a hash object"))
}

fn h_update(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let a = Args::new("update", args, kw);
    a.check(2, 2, &[])?;
    let h = this(args)?;
    update(&mut h.state.borrow_mut(), &data_arg(&a.pos[1])?);
    Ok(Value::NONE)
}

/// The output length: the algorithm's, or SHAKE's `length` argument.
fn out_len(h: &Hash, args: &[Value], kw: &[Value], name: &'static str) -> PyResult<usize> {
    let st = h.state.borrow();
    if matches!(*st, State::Shake128(_) | State::Shake256(_)) {
        let a = Args::new(name, args, kw);
        a.check(2, 2, &["length"])?;
        let l = a.get(1).or_else(|| a.kw("length")).unwrap();
        return as_int(l)
            .and_then(|i| i.to_i64())
            .filter(|n| *n >= 0)
            .map(|n| n as usize)
            .ok_or_else(|| error::value_error("length must be a non-negative integer"));
    }
    Args::new(name, args, kw).check(1, 1, &[])?;
    Ok(sizes(&st).0)
}

fn h_digest(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let h = this(args)?;
    let n = out_len(h, args, kw, "digest")?;
    Ok(new_bytes(finish(&h.state.borrow(), n)))
}

fn h_hexdigest(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let h = this(args)?;
    let n = out_len(h, args, kw, "hexdigest")?;
    let d = finish(&h.state.borrow(), n);
    Ok(new_str(
        d.iter().map(|b| format!("{b:02x}")).collect::<String>(),
    ))
}

fn h_copy(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let h = this(args)?;
    new_hash(h.name, h.state.borrow().clone(), None)
}

fn h_repr(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let h = this(args)?;
    Ok(new_str(format!(
        "<{} _hashlib.HASH object @ {:#x}>",
        h.name,
        args[0].ptr() as usize
    )))
}

fn g_name(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(new_str(this(args)?.name))
}
fn g_digest_size(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(sizes(&this(args)?.state.borrow()).0 as i64))
}
fn g_block_size(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(sizes(&this(args)?.state.borrow()).1 as i64))
}

/// The optional data argument (`string` or `data`, positional or keyword).
fn data<'a>(a: &Args<'a>) -> Option<&'a Value> {
    a.get(0).or_else(|| a.kw("string")).or_else(|| a.kw("data"))
}

macro_rules! constructors {
    ($($fn:ident, $name:literal => $state:expr;)*) => {$(
        fn $fn(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
            let a = Args::new($name, args, kw);
            a.check(0, 1, &["string", "data", "usedforsecurity"])?;
            new_hash($name, $state, data(&a))
        }
    )*};
}

constructors! {
    md5_new, "md5" => State::Md5(Default::default());
    sha1_new, "sha1" => State::Sha1(Default::default());
    sha224_new, "sha224" => State::Sha224(Default::default());
    sha256_new, "sha256" => State::Sha256(Default::default());
    sha384_new, "sha384" => State::Sha384(Default::default());
    sha512_new, "sha512" => State::Sha512(Default::default());
    sha3_224_new, "sha3_224" => State::Sha3_224(Default::default());
    sha3_256_new, "sha3_256" => State::Sha3_256(Default::default());
    sha3_384_new, "sha3_384" => State::Sha3_384(Default::default());
    sha3_512_new, "sha3_512" => State::Sha3_512(Default::default());
    shake128_new, "shake_128" => State::Shake128(Default::default());
    shake256_new, "shake_256" => State::Shake256(Default::default());
}

/// `blake2b(data=b'', *, digest_size=64, key=b'', ...)` and blake2s (without salt and
/// person: the RustCrypto variable-output API takes only the size and a key).
fn blake2(args: &[Value], kw: &[Value], big: bool) -> PyResult<Value> {
    use blake2::digest::VariableOutput;
    let name = if big { "blake2b" } else { "blake2s" };
    let a = Args::new(name, args, kw);
    a.check(
        0,
        1,
        &[
            "data",
            "digest_size",
            "key",
            "salt",
            "person",
            "fanout",
            "depth",
            "leaf_size",
            "node_offset",
            "node_depth",
            "inner_size",
            "last_node",
            "usedforsecurity",
        ],
    )?;
    let max = if big { 64 } else { 32 };
    let size = match a.kw("digest_size") {
        Some(v) => as_int(v).and_then(|i| i.to_i64()).unwrap_or(0),
        None => max,
    };
    if size < 1 || size > max {
        return Err(error::value_error(format!(
            "digest_size must be between 1 and {max} bytes"
        )));
    }
    for k in ["key", "salt", "person"] {
        if a.kw(k)
            .is_some_and(|v| bytes_vec(v).is_some_and(|b| !b.is_empty()))
        {
            return Err(error::not_implemented_error(format!(
                "{name}({k}=...) is not supported by pyrun"
            )));
        }
    }
    let n = size as usize;
    let state = if big {
        State::Blake2b(
            blake2::Blake2bVar::new(n).map_err(|_| error::value_error("bad digest size"))?,
            n,
        )
    } else {
        State::Blake2s(
            blake2::Blake2sVar::new(n).map_err(|_| error::value_error("bad digest size"))?,
            n,
        )
    };
    new_hash(name, state, a.get(0).or_else(|| a.kw("data")))
}

fn blake2b_new(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    blake2(args, kw, true)
}
fn blake2s_new(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    blake2(args, kw, false)
}

pub fn make_md5(_vm: &mut Vm) -> Value {
    super::module_with_functions("_md5", &[("md5", md5_new)])
}
pub fn make_sha1(_vm: &mut Vm) -> Value {
    super::module_with_functions("_sha1", &[("sha1", sha1_new)])
}
pub fn make_sha256(_vm: &mut Vm) -> Value {
    super::module_with_functions("_sha256", &[("sha224", sha224_new), ("sha256", sha256_new)])
}
pub fn make_sha512(_vm: &mut Vm) -> Value {
    super::module_with_functions("_sha512", &[("sha384", sha384_new), ("sha512", sha512_new)])
}
pub fn make_sha3(_vm: &mut Vm) -> Value {
    super::module_with_functions(
        "_sha3",
        &[
            ("sha3_224", sha3_224_new),
            ("sha3_256", sha3_256_new),
            ("sha3_384", sha3_384_new),
            ("sha3_512", sha3_512_new),
            ("shake_128", shake128_new),
            ("shake_256", shake256_new),
        ],
    )
}
pub fn make_blake2(_vm: &mut Vm) -> Value {
    let m = super::module_with_functions(
        "_blake2",
        &[("blake2b", blake2b_new), ("blake2s", blake2s_new)],
    );
    for (k, v) in [
        ("BLAKE2B_MAX_DIGEST_SIZE", 64),
        ("BLAKE2B_MAX_KEY_SIZE", 64),
        ("BLAKE2B_PERSON_SIZE", 16),
        ("BLAKE2B_SALT_SIZE", 16),
        ("BLAKE2S_MAX_DIGEST_SIZE", 32),
        ("BLAKE2S_MAX_KEY_SIZE", 32),
        ("BLAKE2S_PERSON_SIZE", 8),
        ("BLAKE2S_SALT_SIZE", 8),
    ] {
        super::set(&m, k, Value::int(v));
    }
    let _ = type_name;
    m
}
