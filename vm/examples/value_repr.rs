//! Measures the value-representation choice (docs/ARCHITECTURE.md, "Values"): a float
//! kernel run with NaN-boxed floats (pyrun's `Value`) against the alternative design,
//! tagged pointers with floats boxed in refcounted cells recycled through a free list.
//!
//! Both variants run the same interpreter-shaped loop: operands are read from a slot array,
//! results written back, and the refcounts a real interpreter would touch are touched.
//! `cargo run --release -p pyrun-vm --example value_repr`

use std::hint::black_box;
use std::time::Instant;

const N: usize = 20_000_000;

/// (a) NaN-boxing: the float is the word.
mod nanbox {
    #[derive(Clone, Copy)]
    pub struct V(pub u64);
    const CANON_NAN: u64 = 0x7FF8_0000_0000_0000;
    #[inline]
    pub fn f(x: f64) -> V {
        V(if x.is_nan() { CANON_NAN } else { x.to_bits() })
    }
    #[inline]
    pub fn get(v: V) -> f64 {
        // The interpreter's type check: tag below the boxed range means float.
        debug_assert!(v.0 >> 48 < 0xFFF9);
        f64::from_bits(v.0)
    }
}

/// (b) Tagged pointers: a float is a heap cell with a refcount, from a free list.
mod boxed {
    pub struct Cell {
        pub rc: u32,
        pub val: f64,
        pub next_free: *mut Cell,
    }
    pub struct Heap {
        free: *mut Cell,
    }
    impl Heap {
        pub fn new() -> Heap {
            Heap {
                free: std::ptr::null_mut(),
            }
        }
        #[inline]
        pub fn alloc(&mut self, val: f64) -> *mut Cell {
            let p = if self.free.is_null() {
                Box::into_raw(Box::new(Cell {
                    rc: 1,
                    val,
                    next_free: std::ptr::null_mut(),
                }))
            } else {
                let p = self.free;
                unsafe {
                    self.free = (*p).next_free;
                    (*p).rc = 1;
                    (*p).val = val;
                }
                p
            };
            p
        }
        #[inline]
        pub fn incref(p: *mut Cell) {
            unsafe { (*p).rc += 1 }
        }
        #[inline]
        pub fn decref(&mut self, p: *mut Cell) {
            unsafe {
                (*p).rc -= 1;
                if (*p).rc == 0 {
                    (*p).next_free = self.free;
                    self.free = p;
                }
            }
        }
    }
}

/// x = x * a + b, y = y * a - x: two float results per iteration, operands read from
/// "locals" and results stored back, as bytecode would.
fn run_nanbox() -> f64 {
    use nanbox::*;
    let mut slots = [f(0.5), f(0.999_999), f(1e-7), f(0.25)];
    for _ in 0..N {
        let (x, a, b, y) = (slots[0], slots[1], slots[2], slots[3]);
        let t = f(get(x) * get(a));
        let x2 = f(get(t) + get(b));
        let t2 = f(get(y) * get(a));
        let y2 = f(get(t2) - get(x2));
        slots[0] = x2;
        slots[3] = y2;
        black_box(&slots);
    }
    get(slots[0]) + get(slots[3])
}

fn run_boxed() -> f64 {
    use boxed::*;
    let mut h = Heap::new();
    let mut slots = [
        h.alloc(0.5),
        h.alloc(0.999_999),
        h.alloc(1e-7),
        h.alloc(0.25),
    ];
    for _ in 0..N {
        // LOAD_FAST pushes a new reference; BINARY_OP consumes two and makes one.
        let (x, a, b, y) = (slots[0], slots[1], slots[2], slots[3]);
        for p in [x, a] {
            Heap::incref(p);
        }
        let t = h.alloc(unsafe { (*x).val * (*a).val });
        h.decref(x);
        h.decref(a);
        Heap::incref(b);
        let x2 = h.alloc(unsafe { (*t).val + (*b).val });
        h.decref(t);
        h.decref(b);
        Heap::incref(y);
        Heap::incref(a);
        let t2 = h.alloc(unsafe { (*y).val * (*a).val });
        h.decref(y);
        h.decref(a);
        Heap::incref(x2);
        let y2 = h.alloc(unsafe { (*t2).val - (*x2).val });
        h.decref(t2);
        h.decref(x2);
        // STORE_FAST releases the old values.
        h.decref(slots[0]);
        slots[0] = x2;
        h.decref(slots[3]);
        slots[3] = y2;
        black_box(&slots);
    }
    unsafe { (*slots[0]).val + (*slots[3]).val }
}

fn time(name: &str, f: fn() -> f64) -> f64 {
    let mut best = f64::MAX;
    let mut r = 0.0;
    for _ in 0..5 {
        let t = Instant::now();
        r = black_box(f());
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!(
        "{name:<32} {:>7.2} ns/iteration (best of 5; result {r:.6})",
        best * 1e9 / N as f64
    );
    best
}

fn main() {
    let a = time("NaN-boxed floats", run_nanbox);
    let b = time("boxed floats + free list", run_boxed);
    println!("boxed / NaN-boxed: {:.2}x", b / a);
}
