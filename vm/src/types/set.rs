//! `set` and `frozenset`: an open-addressing table modelled on CPython's
//! `Objects/setobject.c`, so iteration (slot) order matches CPython.

use crate::error::PyResult;
use crate::object::{alloc_obj, Header, Kind, Payload};
use crate::ops;
use crate::types::typeobj::tt;
use crate::value::Value;
use crate::vm::Vm;
use std::cell::RefCell;
use std::sync::atomic::{AtomicU64, Ordering};

const MINSIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;
/// Hash stored in a dummy (deleted) slot; real hashes are never -1.
const DUMMY_HASH: i64 = -1;

static GEN: AtomicU64 = AtomicU64::new(1);
fn next_gen() -> u64 {
    GEN.fetch_add(1, Ordering::Relaxed)
}

/// One slot: empty (`key` undef, hash 0), dummy (`key` undef, hash -1) or live.
#[derive(Clone)]
pub struct SetSlot {
    pub hash: i64,
    pub key: Value,
}
impl SetSlot {
    fn empty() -> SetSlot {
        SetSlot {
            hash: 0,
            key: Value::UNDEF,
        }
    }
    fn is_empty(&self) -> bool {
        self.key.is_undef() && self.hash != DUMMY_HASH
    }
    fn is_dummy(&self) -> bool {
        self.key.is_undef() && self.hash == DUMMY_HASH
    }
}

#[derive(Clone)]
pub struct SetTable {
    /// The slots (power-of-two length); iteration order is slot order.
    pub entries: Vec<SetSlot>,
    fill: usize,
    used: usize,
    finger: usize,
    gen: u64,
}

impl Default for SetTable {
    fn default() -> SetTable {
        SetTable {
            entries: vec![SetSlot::empty(); MINSIZE],
            fill: 0,
            used: 0,
            finger: 0,
            gen: next_gen(),
        }
    }
}

/// CPython's probe sequence: a linear run of up to LINEAR_PROBES slots after
/// each perturbed start.
#[derive(Clone)]
struct ProbeSeq {
    i: usize,
    k: usize,
    run: usize,
    perturb: u64,
    mask: usize,
}
impl ProbeSeq {
    fn new(hash: i64, mask: usize) -> ProbeSeq {
        let i = hash as u64 as usize & mask;
        ProbeSeq {
            i,
            k: 0,
            run: if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            },
            perturb: hash as u64,
            mask,
        }
    }
    fn next(&mut self) -> usize {
        if self.k > self.run {
            self.perturb >>= PERTURB_SHIFT;
            self.i = (self
                .i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(self.perturb as usize))
                & self.mask;
            self.k = 0;
            self.run = if self.i + LINEAR_PROBES <= self.mask {
                LINEAR_PROBES
            } else {
                0
            };
        }
        let s = self.i + self.k;
        self.k += 1;
        s
    }
}

impl SetTable {
    pub fn len(&self) -> usize {
        self.used
    }
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }
    fn mask(&self) -> usize {
        self.entries.len() - 1
    }
    /// Live slots in slot order.
    pub fn iter(&self) -> impl Iterator<Item = &SetSlot> {
        self.entries.iter().filter(|e| !e.key.is_undef())
    }
    pub fn keys(&self) -> Vec<Value> {
        self.iter().map(|e| e.key.clone()).collect()
    }
    /// Rebuilds the table when more than a quarter of it is dummies (CPython does this
    /// after a difference update).
    pub fn purge_dummies(&mut self) {
        if self.fill - self.used > self.mask() / 4 {
            let n = if self.used > 50000 {
                self.used * 2
            } else {
                self.used * 4
            };
            self.resize(n);
        }
    }

    /// Takes `other`'s slots, keeping this table's pop finger; returns the old contents.
    pub fn replace_contents(&mut self, other: SetTable) -> SetTable {
        let finger = self.finger;
        let old = std::mem::replace(self, other);
        self.finger = finger;
        old
    }
    pub fn clear(&mut self) {
        let finger = self.finger;
        *self = SetTable::default();
        self.finger = finger;
    }

    /// Inserts into a table known to hold no dummies and not `key`.
    fn insert_clean(entries: &mut [SetSlot], hash: i64, key: Value) {
        let mut p = ProbeSeq::new(hash, entries.len() - 1);
        loop {
            let s = p.next();
            if entries[s].key.is_undef() {
                entries[s] = SetSlot { hash, key };
                return;
            }
        }
    }

    fn resize(&mut self, minused: usize) {
        let mut newsize = MINSIZE;
        while newsize <= minused {
            newsize <<= 1;
        }
        let old = std::mem::replace(&mut self.entries, vec![SetSlot::empty(); newsize]);
        for e in old {
            if !e.key.is_undef() {
                Self::insert_clean(&mut self.entries, e.hash, e.key);
            }
        }
        self.fill = self.used;
        self.gen = next_gen();
    }

    /// Stores a new key at `slot` (an empty or dummy slot), resizing as CPython does.
    fn store_at(&mut self, slot: usize, hash: i64, key: Value) {
        let was_empty = self.entries[slot].is_empty();
        self.entries[slot] = SetSlot { hash, key };
        self.used += 1;
        if was_empty {
            self.fill += 1;
            if self.fill * 5 >= self.mask() * 3 {
                let n = if self.used > 50000 {
                    self.used * 2
                } else {
                    self.used * 4
                };
                self.resize(n);
            }
        }
    }

    /// Removes the live entry at `slot`, leaving a dummy.
    pub fn remove_at(&mut self, slot: usize) -> SetSlot {
        let e = std::mem::replace(
            &mut self.entries[slot],
            SetSlot {
                hash: DUMMY_HASH,
                key: Value::UNDEF,
            },
        );
        self.used -= 1;
        e
    }

    /// CPython's `set_pop` with its rotating finger.
    pub fn pop(&mut self) -> Option<Value> {
        if self.used == 0 {
            return None;
        }
        let mask = self.mask();
        let mut i = self.finger & mask;
        while self.entries[i].key.is_undef() {
            i = (i + 1) & mask;
        }
        let e = self.remove_at(i);
        self.finger = i + 1;
        Some(e.key)
    }

    /// A copy made the way CPython's `set_merge` fills an empty set.
    pub fn copy(&self) -> SetTable {
        let mut t = SetTable::default();
        t.merge_into_empty(self);
        t
    }

    /// `set_merge` into an empty table (no comparisons needed).
    fn merge_into_empty(&mut self, other: &SetTable) {
        if other.used == 0 {
            return;
        }
        if (self.fill + other.used) * 5 >= self.mask() * 3 {
            self.resize((self.used + other.used) * 2);
        }
        if self.entries.len() == other.entries.len() && other.fill == other.used {
            self.entries = other.entries.clone();
            self.fill = other.fill;
            self.used = other.used;
            self.gen = next_gen();
            return;
        }
        for e in other.iter() {
            Self::insert_clean(&mut self.entries, e.hash, e.key.clone());
            self.fill += 1;
            self.used += 1;
        }
    }
}

/// The table `frozenset(items)` builds (one add per item, in order) for compile-time
/// constants, which hash and compare without running Python code; None if an item is
/// not such a constant.
pub fn table_from_consts(items: &[Value]) -> Option<SetTable> {
    let mut t = SetTable::default();
    for k in items {
        let h = ops::hash_const(k)?;
        let mut p = ProbeSeq::new(h, t.mask());
        loop {
            let s = p.next();
            let e = &t.entries[s];
            // A fresh table has no dummies: the first empty slot ends the probe.
            if e.key.is_undef() {
                t.store_at(s, h, k.clone());
                break;
            }
            if e.hash == h && ops::const_eq(&e.key, k) {
                break;
            }
        }
    }
    Some(t)
}

enum Look {
    Found(usize),
    /// Absent; `usize` is the slot a new key would go to.
    Missing(usize),
}

/// Finds `key` in `cell`, releasing the borrow around Python-level `__eq__`.
fn lookup(vm: &mut Vm, cell: &RefCell<SetTable>, key: &Value, hash: i64) -> PyResult<Look> {
    'restart: loop {
        let (mut p, gen) = {
            let t = cell.borrow();
            (ProbeSeq::new(hash, t.mask()), t.gen)
        };
        let mut freeslot: Option<usize> = None;
        loop {
            let pending = {
                let t = cell.borrow();
                let pending;
                loop {
                    let s = p.next();
                    let e = &t.entries[s];
                    if e.is_empty() {
                        return Ok(Look::Missing(freeslot.unwrap_or(s)));
                    }
                    if e.is_dummy() {
                        // CPython 3.11 reuses the last dummy on the probe path.
                        freeslot = Some(s);
                        continue;
                    }
                    if e.hash != hash {
                        continue;
                    }
                    if e.key.is(key) {
                        return Ok(Look::Found(s));
                    }
                    match ops::eq_fast(&e.key, key) {
                        Some(true) => return Ok(Look::Found(s)),
                        Some(false) => continue,
                        None => {
                            pending = Some((s, e.key.clone()));
                            break;
                        }
                    }
                }
                pending
            };
            let (s, k) = pending.unwrap();
            let equal = ops::eq(vm, &k, key)?;
            let t = cell.borrow();
            if t.gen != gen || !t.entries[s].key.is(&k) {
                continue 'restart;
            }
            if equal {
                return Ok(Look::Found(s));
            }
            if let Some(f) = freeslot {
                if !t.entries[f].is_dummy() {
                    continue 'restart;
                }
            }
        }
    }
}

pub struct SetObj {
    pub table: RefCell<SetTable>,
}
impl Payload for SetObj {
    const KIND: Kind = Kind::Set;
}

impl SetObj {
    pub fn len(&self) -> usize {
        self.table.borrow().len()
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    pub fn contains(&self, vm: &mut Vm, key: &Value) -> PyResult<bool> {
        let h = ops::hash(vm, key)?;
        Ok(matches!(lookup(vm, &self.table, key, h)?, Look::Found(_)))
    }
    pub fn add(&self, vm: &mut Vm, key: Value) -> PyResult<()> {
        let h = ops::hash(vm, &key)?;
        self.add_hashed(vm, key, h)
    }
    pub fn add_hashed(&self, vm: &mut Vm, key: Value, h: i64) -> PyResult<()> {
        if let Look::Missing(slot) = lookup(vm, &self.table, &key, h)? {
            let mut t = self.table.borrow_mut();
            if (t.fill + 1) * 5 >= t.mask() * 3 {
                // The table is about to grow (to at most 8x its use, 16-byte slots).
                crate::mem::probe((t.used as u64 + 1) * 8 * 16)?;
            }
            t.store_at(slot, h, key);
        }
        Ok(())
    }
    /// Removes `key`; returns whether it was present.
    pub fn discard(&self, vm: &mut Vm, key: &Value) -> PyResult<bool> {
        let h = ops::hash(vm, key)?;
        match lookup(vm, &self.table, key, h)? {
            Look::Found(p) => {
                let e = self.table.borrow_mut().remove_at(p);
                drop(e);
                Ok(true)
            }
            Look::Missing(_) => Ok(false),
        }
    }
    pub fn items(&self) -> Vec<Value> {
        self.table.borrow().keys()
    }
    /// CPython's `set_merge`: adds every element of `other` to this set.
    pub fn merge(&self, vm: &mut Vm, other: &SetObj) -> PyResult<()> {
        if std::ptr::eq(self, other) {
            return Ok(());
        }
        if self.table.borrow().fill == 0 {
            let o = other.table.borrow().clone();
            self.table.borrow_mut().merge_into_empty(&o);
            return Ok(());
        }
        let (need, other_used) = {
            let t = self.table.borrow();
            let o = other.table.borrow();
            ((t.fill + o.used) * 5 >= t.mask() * 3, o.used)
        };
        if need {
            let mut t = self.table.borrow_mut();
            let n = (t.used + other_used) * 2;
            t.resize(n);
        }
        let pairs: Vec<(i64, Value)> = other
            .table
            .borrow()
            .iter()
            .map(|e| (e.hash, e.key.clone()))
            .collect();
        for (h, k) in pairs {
            self.add_hashed(vm, k, h)?;
        }
        Ok(())
    }
}

pub fn new_set_typed(items: SetTable, ty: *const Header) -> Value {
    alloc_obj(
        SetObj {
            table: RefCell::new(items),
        },
        ty,
    )
}
pub fn new_set() -> Value {
    new_set_typed(SetTable::default(), tt().set)
}
pub fn is_frozen(v: &Value) -> bool {
    v.header().is_some_and(|h| h.ty.get() == tt().frozenset)
}
pub fn as_set(v: &Value) -> Option<&SetObj> {
    v.downcast::<SetObj>()
}
