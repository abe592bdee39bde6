//! The combinatoric iterators of `itertools`: product, permutations, combinations and
//! combinations_with_replacement. Each materialises its pools once and then steps an index
//! vector in lexicographic order, so the output order is CPython's. No step runs Python
//! code, so the state is borrowed freely.

use super::itertools::{ctor_args, ssize, st, types};
use crate::builtins::args::{parse_args, to_i64};
use crate::error::{self, PyResult};
use crate::ops;
use crate::types::ext::new_ext_iter;
use crate::types::int::as_int;
use crate::types::tuple::new_tuple;
use crate::value::Value;
use crate::vm::Vm;
use std::cell::{Cell, RefCell};

// ---- product ----

struct Product {
    pools: Vec<Vec<Value>>,
    indices: RefCell<Vec<usize>>,
    /// False until the first tuple was produced.
    started: Cell<bool>,
    stopped: Cell<bool>,
}

pub fn product_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let args = ctor_args(args);
    let npos = args.len() - kw.len();
    let [repeat] = parse_args("product", &args[npos..], kw, ["repeat"], 0, 0)?;
    let repeat = match repeat {
        Some(r) => ssize(vm, r)?,
        None => 1,
    };
    if repeat < 0 {
        return Err(error::value_error("repeat argument cannot be negative"));
    }
    let mut base = Vec::with_capacity(npos);
    for a in &args[..npos] {
        base.push(ops::collect(vm, a)?);
    }
    let total = base.len().checked_mul(repeat as usize);
    let Some(total) = total.filter(|&t| t < isize::MAX as usize / 8) else {
        return Err(error::overflow_error("repeat argument too large"));
    };
    let mut pools = Vec::with_capacity(total);
    for _ in 0..repeat {
        pools.extend(base.iter().cloned());
    }
    let n = pools.len();
    Ok(new_ext_iter(
        Product {
            pools,
            indices: RefCell::new(vec![0; n]),
            started: Cell::new(false),
            stopped: Cell::new(false),
        },
        types().product,
        product_next,
    ))
}

fn product_next(_vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    let s = st::<Product>(it)?;
    if s.stopped.get() {
        return Ok(None);
    }
    let mut idx = s.indices.borrow_mut();
    if !s.started.get() {
        s.started.set(true);
        if s.pools.iter().any(|p| p.is_empty()) {
            s.stopped.set(true);
            return Ok(None);
        }
    } else {
        // Advance the odometer from the rightmost pool.
        let mut i = s.pools.len();
        loop {
            if i == 0 {
                s.stopped.set(true);
                return Ok(None);
            }
            i -= 1;
            idx[i] += 1;
            if idx[i] < s.pools[i].len() {
                break;
            }
            idx[i] = 0;
        }
    }
    let items = s
        .pools
        .iter()
        .zip(idx.iter())
        .map(|(p, &i)| p[i].clone())
        .collect();
    Ok(Some(new_tuple(items)))
}

// ---- permutations, combinations, combinations_with_replacement ----

struct Comb {
    pool: Vec<Value>,
    r: usize,
    indices: RefCell<Vec<usize>>,
    /// permutations only: CPython's cycle counters.
    cycles: RefCell<Vec<usize>>,
    started: Cell<bool>,
    stopped: Cell<bool>,
}

impl Comb {
    fn new(pool: Vec<Value>, r: usize, indices: Vec<usize>, cycles: Vec<usize>) -> Comb {
        Comb {
            pool,
            r,
            indices: RefCell::new(indices),
            cycles: RefCell::new(cycles),
            started: Cell::new(false),
            stopped: Cell::new(false),
        }
    }
    /// The tuple for the first `r` indices.
    fn current(&self) -> Value {
        let idx = self.indices.borrow();
        new_tuple(
            idx[..self.r]
                .iter()
                .map(|&i| self.pool[i].clone())
                .collect(),
        )
    }
    /// Handles the first call and the stopped state: Some(result) when decided.
    fn begin(&self, empty: bool) -> Option<Option<Value>> {
        if self.stopped.get() {
            return Some(None);
        }
        if !self.started.get() {
            self.started.set(true);
            if empty {
                self.stopped.set(true);
                return Some(None);
            }
            return Some(Some(self.current()));
        }
        None
    }
    fn stop(&self) -> PyResult<Option<Value>> {
        self.stopped.set(true);
        Ok(None)
    }
}

/// `r` as a non-negative size, after the caller's own type check.
fn nonneg_r(r: &Value) -> PyResult<usize> {
    let r = to_i64(r, "")?;
    if r < 0 {
        return Err(error::value_error("r must be non-negative"));
    }
    Ok(r as usize)
}

pub fn permutations_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [iterable, r] = parse_args("permutations", ctor_args(args), kw, ["iterable", "r"], 1, 2)?;
    let pool = ops::collect(vm, iterable.unwrap_or(&Value::NONE))?;
    let n = pool.len();
    let r = match r {
        Some(r) if !r.is_none() => {
            if as_int(r).is_none() {
                return Err(error::type_error("Expected int as r"));
            }
            nonneg_r(r)?
        }
        _ => n,
    };
    let cycles = if r <= n {
        (n - r + 1..=n).rev().collect()
    } else {
        vec![]
    };
    Ok(new_ext_iter(
        Comb::new(pool, r, (0..n).collect(), cycles),
        types().permutations,
        permutations_next,
    ))
}

fn permutations_next(_vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    let s = st::<Comb>(it)?;
    let n = s.pool.len();
    if let Some(r) = s.begin(s.r > n) {
        return Ok(r);
    }
    if n == 0 {
        return s.stop();
    }
    {
        let mut idx = s.indices.borrow_mut();
        let mut cycles = s.cycles.borrow_mut();
        let mut i = s.r;
        loop {
            if i == 0 {
                drop((idx, cycles));
                return s.stop();
            }
            i -= 1;
            cycles[i] -= 1;
            if cycles[i] == 0 {
                // Rotate indices[i..] left by one.
                idx[i..].rotate_left(1);
                cycles[i] = n - i;
            } else {
                let j = cycles[i];
                idx.swap(i, n - j);
                break;
            }
        }
    }
    Ok(Some(s.current()))
}

pub fn combinations_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [iterable, r] = parse_args("combinations", ctor_args(args), kw, ["iterable", "r"], 2, 2)?;
    let r = ssize(vm, r.unwrap_or(&Value::NONE))?;
    let pool = ops::collect(vm, iterable.unwrap_or(&Value::NONE))?;
    let r = nonneg_r(&Value::int(r))?;
    let indices = if r <= pool.len() {
        (0..r).collect()
    } else {
        vec![]
    };
    Ok(new_ext_iter(
        Comb::new(pool, r, indices, vec![]),
        types().combinations,
        combinations_next,
    ))
}

fn combinations_next(_vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    let s = st::<Comb>(it)?;
    let (n, r) = (s.pool.len(), s.r);
    if let Some(res) = s.begin(r > n) {
        return Ok(res);
    }
    {
        let mut idx = s.indices.borrow_mut();
        // The rightmost index that has not reached its maximum.
        let Some(i) = (0..r).rev().find(|&i| idx[i] != i + n - r) else {
            drop(idx);
            return s.stop();
        };
        idx[i] += 1;
        for j in i + 1..r {
            idx[j] = idx[j - 1] + 1;
        }
    }
    Ok(Some(s.current()))
}

pub fn cwr_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [iterable, r] = parse_args(
        "combinations_with_replacement",
        ctor_args(args),
        kw,
        ["iterable", "r"],
        2,
        2,
    )?;
    let r = ssize(vm, r.unwrap_or(&Value::NONE))?;
    let pool = ops::collect(vm, iterable.unwrap_or(&Value::NONE))?;
    let r = nonneg_r(&Value::int(r))?;
    if !pool.is_empty() && r > isize::MAX as usize / 16 {
        return Err(error::memory_error(""));
    }
    let indices = if pool.is_empty() { vec![] } else { vec![0; r] };
    Ok(new_ext_iter(
        Comb::new(pool, r, indices, vec![]),
        types().cwr,
        cwr_next,
    ))
}

fn cwr_next(_vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    let s = st::<Comb>(it)?;
    let (n, r) = (s.pool.len(), s.r);
    if let Some(res) = s.begin(n == 0 && r > 0) {
        return Ok(res);
    }
    {
        let mut idx = s.indices.borrow_mut();
        let Some(i) = (0..r).rev().find(|&i| idx[i] != n - 1) else {
            drop(idx);
            return s.stop();
        };
        let v = idx[i] + 1;
        for x in &mut idx[i..] {
            *x = v;
        }
    }
    Ok(Some(s.current()))
}
