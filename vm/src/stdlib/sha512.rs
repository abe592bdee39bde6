//! SHA-512 (FIPS 180-4), used by `random.seed` for str seeds.
//!
//! The round constants and initial hash are derived from their definition (the first 64
//! fractional bits of the cube roots of the first 80 primes, and of the square roots of the
//! first 8 primes) instead of being tabulated.

use num_bigint::BigUint;
use num_traits::ToPrimitive;
use std::sync::OnceLock;

struct Constants {
    k: [u64; 80],
    h0: [u64; 8],
}

fn first_primes(n: usize) -> Vec<u64> {
    let mut ps = Vec::with_capacity(n);
    let mut c = 2u64;
    while ps.len() < n {
        if ps
            .iter()
            .take_while(|&&p| p * p <= c)
            .all(|&p| !c.is_multiple_of(p))
        {
            ps.push(c);
        }
        c += 1;
    }
    ps
}

/// The low 64 bits of floor(root(p) * 2**64), i.e. the first 64 fractional bits.
fn frac_bits(p: u64, cube: bool) -> u64 {
    let x = BigUint::from(p);
    let r = if cube {
        (x << 192usize).cbrt()
    } else {
        (x << 128usize).sqrt()
    };
    (r & BigUint::from(u64::MAX)).to_u64().unwrap_or(0)
}

fn constants() -> &'static Constants {
    static C: OnceLock<Constants> = OnceLock::new();
    C.get_or_init(|| {
        let primes = first_primes(80);
        let mut k = [0u64; 80];
        for (slot, &p) in k.iter_mut().zip(&primes) {
            *slot = frac_bits(p, true);
        }
        let mut h0 = [0u64; 8];
        for (slot, &p) in h0.iter_mut().zip(&primes) {
            *slot = frac_bits(p, false);
        }
        Constants { k, h0 }
    })
}

pub fn sha512(data: &[u8]) -> [u8; 64] {
    let c = constants();
    let mut h = c.h0;
    // Padding: 0x80, zeros to 112 mod 128, then the bit length as a 128-bit big-endian int.
    let mut msg = data.to_vec();
    msg.push(0x80);
    while msg.len() % 128 != 112 {
        msg.push(0);
    }
    msg.extend_from_slice(&((data.len() as u128) * 8).to_be_bytes());
    let mut w = [0u64; 80];
    for block in msg.chunks_exact(128) {
        for (t, word) in block.chunks_exact(8).enumerate() {
            w[t] = u64::from_be_bytes(word.try_into().unwrap_or([0; 8]));
        }
        for t in 16..80 {
            let s0 = w[t - 15].rotate_right(1) ^ w[t - 15].rotate_right(8) ^ (w[t - 15] >> 7);
            let s1 = w[t - 2].rotate_right(19) ^ w[t - 2].rotate_right(61) ^ (w[t - 2] >> 6);
            w[t] = w[t - 16]
                .wrapping_add(s0)
                .wrapping_add(w[t - 7])
                .wrapping_add(s1);
        }
        let [mut a, mut b, mut cc, mut d, mut e, mut f, mut g, mut hh] = h;
        for (kt, wt) in c.k.iter().zip(&w) {
            let big_s1 = e.rotate_right(14) ^ e.rotate_right(18) ^ e.rotate_right(41);
            let ch = (e & f) ^ (!e & g);
            let t1 = hh
                .wrapping_add(big_s1)
                .wrapping_add(ch)
                .wrapping_add(*kt)
                .wrapping_add(*wt);
            let big_s0 = a.rotate_right(28) ^ a.rotate_right(34) ^ a.rotate_right(39);
            let maj = (a & b) ^ (a & cc) ^ (b & cc);
            let t2 = big_s0.wrapping_add(maj);
            hh = g;
            g = f;
            f = e;
            e = d.wrapping_add(t1);
            d = cc;
            cc = b;
            b = a;
            a = t1.wrapping_add(t2);
        }
        for (x, y) in h.iter_mut().zip([a, b, cc, d, e, f, g, hh]) {
            *x = x.wrapping_add(y);
        }
    }
    let mut out = [0u8; 64];
    for (chunk, x) in out.chunks_exact_mut(8).zip(h) {
        chunk.copy_from_slice(&x.to_be_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::sha512;

    fn hex(b: &[u8]) -> String {
        b.iter().map(|x| format!("{x:02x}")).collect()
    }

    #[test]
    fn known_digests() {
        // FIPS 180-4 example "abc" and the empty message.
        assert!(hex(&sha512(b"abc")).starts_with("ddaf35a193617aba"));
        assert!(hex(&sha512(b"abc")).ends_with("a54ca49f"));
        assert!(hex(&sha512(b"")).starts_with("cf83e1357eefb8bd"));
    }
}
