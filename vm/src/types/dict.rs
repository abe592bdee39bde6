//! `dict` (and the table behind `set`): insertion-ordered open-addressing hash table.
//!
//! Entries live in a dense vector in insertion order; a sparse index vector maps hash slots
//! to entry positions (the CPython 3.6+ layout). Deleted entries leave a hole (`key` is
//! UNDEF) until the next resize compacts them.
//!
//! Key comparison may run Python code (`__eq__`), which could mutate the table, so the
//! borrow is released around such calls and the lookup restarts if the table changed.

use crate::error::PyResult;
use crate::object::{alloc_obj, Kind, Payload};
use crate::ops;
use crate::types::str::StrObj;
use crate::types::typeobj::tt;
use crate::value::Value;
use crate::vm::Vm;
use std::cell::{Cell, RefCell};

const EMPTY: u32 = u32::MAX;
const DUMMY: u32 = u32::MAX - 1;

#[derive(Clone)]
pub struct Entry {
    pub hash: i64,
    pub key: Value,
    pub value: Value,
}

#[derive(Clone, Default)]
pub struct Table {
    pub entries: Vec<Entry>,
    indices: Vec<u32>,
    used: usize,
}

enum Probe {
    Found(usize),
    Missing,
    Changed,
}

impl Table {
    pub fn len(&self) -> usize {
        self.used
    }
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }
    /// Live entries in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(|e| !e.key.is_undef())
    }
    fn mask(&self) -> usize {
        self.indices.len().wrapping_sub(1)
    }

    /// Slot sequence for a hash (CPython's perturbation scheme).
    fn probe_slots(&self, hash: i64) -> impl Iterator<Item = usize> + '_ {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = hash as u64 as usize & mask;
        let mut first = true;
        std::iter::from_fn(move || {
            if first {
                first = false;
                return Some(i);
            }
            perturb >>= 5;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(perturb as usize)
                .wrapping_add(1))
                & mask;
            Some(i)
        })
    }

    fn rebuild(&mut self, min_cap: usize) {
        self.entries.retain(|e| !e.key.is_undef());
        let mut cap = 8;
        while cap * 2 < min_cap * 3 {
            cap *= 2;
        }
        self.indices = vec![EMPTY; cap];
        let mask = cap - 1;
        for (pos, e) in self.entries.iter().enumerate() {
            let mut perturb = e.hash as u64;
            let mut i = e.hash as u64 as usize & mask;
            while self.indices[i] != EMPTY {
                perturb >>= 5;
                i = (i
                    .wrapping_mul(5)
                    .wrapping_add(perturb as usize)
                    .wrapping_add(1))
                    & mask;
            }
            self.indices[i] = pos as u32;
        }
    }

    /// `insert_new` for program-driven growth: MemoryError instead of an abort when the
    /// table cannot grow.
    pub(crate) fn try_insert_new(&mut self, hash: i64, key: Value, value: Value) -> PyResult<()> {
        if self.entries.len() == self.entries.capacity() {
            let extra = self.entries.len().max(4);
            crate::mem::reserve(&mut self.entries, extra)?;
        }
        if (self.entries.len() + 1) * 3 >= self.indices.len() * 2 {
            crate::mem::probe((self.used as u64 + 1) * 2 * 3 * 4)?;
        }
        self.insert_new(hash, key, value);
        Ok(())
    }

    /// Inserts a key known to be absent.
    pub(crate) fn insert_new(&mut self, hash: i64, key: Value, value: Value) {
        if (self.entries.len() + 1) * 3 >= self.indices.len() * 2 {
            self.rebuild((self.used + 1) * 2);
        }
        let pos = self.entries.len() as u32;
        let slot = self
            .probe_slots(hash)
            .find(|&s| self.indices[s] == EMPTY || self.indices[s] == DUMMY)
            .unwrap();
        self.indices[slot] = pos;
        self.entries.push(Entry { hash, key, value });
        self.used += 1;
    }

    pub fn clear(&mut self) {
        *self = Table::default();
    }
}

/// Looks `key` up in `cell`'s table without holding the borrow across `__eq__` calls.
pub(crate) fn probe(
    vm: &mut Vm,
    cell: &RefCell<Table>,
    key: &Value,
    hash: i64,
) -> PyResult<Option<usize>> {
    loop {
        match probe_once(vm, cell, key, hash)? {
            Probe::Found(p) => return Ok(Some(p)),
            Probe::Missing => return Ok(None),
            Probe::Changed => continue,
        }
    }
}

fn probe_once(vm: &mut Vm, cell: &RefCell<Table>, key: &Value, hash: i64) -> PyResult<Probe> {
    let mut slot_iter_state: Vec<usize> = Vec::new();
    {
        let t = cell.borrow();
        if t.indices.is_empty() {
            return Ok(Probe::Missing);
        }
        for s in t.probe_slots(hash) {
            let ix = t.indices[s];
            if ix == EMPTY {
                break;
            }
            if ix == DUMMY {
                continue;
            }
            let e = &t.entries[ix as usize];
            if e.hash != hash {
                continue;
            }
            if e.key.is(key) {
                return Ok(Probe::Found(ix as usize));
            }
            match ops::eq_fast(&e.key, key) {
                Some(true) => return Ok(Probe::Found(ix as usize)),
                Some(false) => continue,
                None => slot_iter_state.push(ix as usize),
            }
        }
    }
    // Candidates needing a full (possibly Python-level) comparison.
    for ix in slot_iter_state {
        let (k, n) = {
            let t = cell.borrow();
            (t.entries[ix].key.clone(), t.entries.len())
        };
        if k.is_undef() {
            continue;
        }
        let equal = ops::eq(vm, &k, key)?;
        let t = cell.borrow();
        if t.entries.len() != n || ix >= t.entries.len() || !t.entries[ix].key.is(&k) {
            return Ok(Probe::Changed);
        }
        if equal {
            return Ok(Probe::Found(ix));
        }
    }
    Ok(Probe::Missing)
}

thread_local! {
    static VERSIONS: Cell<u64> = const { Cell::new(0) };
}

fn next_version() -> u64 {
    VERSIONS.with(|v| {
        let n = v.get() + 1;
        v.set(n);
        n
    })
}

pub struct DictObj {
    pub table: RefCell<Table>,
    /// Bumped on every key insertion or deletion; guards global-variable caches.
    pub version: Cell<u64>,
}
impl Payload for DictObj {
    const KIND: Kind = Kind::Dict;
}

impl DictObj {
    pub fn new() -> DictObj {
        DictObj {
            table: RefCell::new(Table::default()),
            version: Cell::new(next_version()),
        }
    }
    pub fn new_value() -> Value {
        alloc_obj(DictObj::new(), tt().dict)
    }
    pub fn from_table(t: Table) -> Value {
        alloc_obj(
            DictObj {
                table: RefCell::new(t),
                version: Cell::new(next_version()),
            },
            tt().dict,
        )
    }
    pub fn len(&self) -> usize {
        self.table.borrow().len()
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// A new version, unique across all dicts of the thread (so a cache keyed on a dict's
    /// address and version never matches a later dict at the same address).
    fn bump(&self) {
        self.version.set(next_version());
    }

    pub fn get(&self, vm: &mut Vm, key: &Value) -> PyResult<Option<Value>> {
        let h = ops::hash(vm, key)?;
        self.get_hashed(vm, key, h)
    }
    pub fn get_hashed(&self, vm: &mut Vm, key: &Value, h: i64) -> PyResult<Option<Value>> {
        Ok(probe(vm, &self.table, key, h)?.map(|p| self.table.borrow().entries[p].value.clone()))
    }
    pub fn contains(&self, vm: &mut Vm, key: &Value) -> PyResult<bool> {
        let h = ops::hash(vm, key)?;
        Ok(probe(vm, &self.table, key, h)?.is_some())
    }
    pub fn set(&self, vm: &mut Vm, key: Value, value: Value) -> PyResult<()> {
        let h = ops::hash(vm, &key)?;
        self.set_hashed(vm, key, h, value)
    }
    pub fn set_hashed(&self, vm: &mut Vm, key: Value, h: i64, value: Value) -> PyResult<()> {
        match probe(vm, &self.table, &key, h)? {
            Some(p) => {
                let old = std::mem::replace(&mut self.table.borrow_mut().entries[p].value, value);
                drop(old);
            }
            None => {
                self.table.borrow_mut().try_insert_new(h, key, value)?;
                self.bump();
            }
        }
        Ok(())
    }
    /// Removes `key`, returning its value.
    pub fn remove(&self, vm: &mut Vm, key: &Value) -> PyResult<Option<Value>> {
        let h = ops::hash(vm, key)?;
        let Some(p) = probe(vm, &self.table, key, h)? else {
            return Ok(None);
        };
        let e = self.table.borrow_mut().remove_at(p);
        self.bump();
        Ok(Some(e.value))
    }

    /// Entry index of the str key `key`; never runs Python code (a str key only ever
    /// equals str keys, compared by identity first).
    fn find_str(&self, key: &Value, ks: &StrObj) -> Option<usize> {
        let h = ks.hash();
        let t = self.table.borrow();
        if t.indices.is_empty() {
            return None;
        }
        for s in t.probe_slots(h) {
            let ix = t.indices[s];
            if ix == EMPTY {
                return None;
            }
            if ix == DUMMY {
                continue;
            }
            let e = &t.entries[ix as usize];
            if e.hash == h
                && (e.key.is(key) || e.key.downcast::<StrObj>().is_some_and(|o| o.s == ks.s))
            {
                return Some(ix as usize);
            }
        }
        None
    }

    /// Entry index of a str key (tier-1 caches hold it together with `version`).
    pub fn str_index(dict: &Value, key: &Value) -> Option<usize> {
        let d = dict.downcast::<DictObj>()?;
        d.find_str(key, key.downcast::<StrObj>()?)
    }
    /// The value of entry `i` without checks: for caches whose (address, version) guard
    /// proved the index current.
    ///
    /// # Safety
    /// `i` indexes an entry of the table as it was when the version was read, and the
    /// version is unchanged (so is the table); no mutable borrow of the table is active.
    #[inline(always)]
    pub unsafe fn value_at_unchecked(&self, i: usize) -> Value {
        (&*self.table.as_ptr())
            .entries
            .get_unchecked(i)
            .value
            .clone()
    }
    /// The value of entry `i` if that entry's key is `key` itself (the same object).
    #[inline]
    pub fn entry_if_key(&self, i: usize, key: &Value) -> Option<Value> {
        let t = self.table.borrow();
        let e = t.entries.get(i)?;
        e.key.is(key).then(|| e.value.clone())
    }
    /// The value of entry `i` (valid while `version` is unchanged).
    #[inline]
    pub fn value_at(&self, i: usize) -> Value {
        self.table.borrow().entries[i].value.clone()
    }
    /// Bumped whenever a key is added or removed (entry indices may change).
    #[inline]
    pub fn version(&self) -> u64 {
        self.version.get()
    }

    /// Lookup by an (interned or not) str key; never runs Python code.
    pub fn get_str(dict: &Value, key: &Value) -> Option<Value> {
        let d = dict.downcast::<DictObj>()?;
        let p = d.find_str(key, key.downcast::<StrObj>()?)?;
        let v = d.table.borrow().entries[p].value.clone();
        Some(v)
    }
    /// Insert with a str key; never runs Python code.
    pub fn set_str(dict: &Value, key: Value, value: Value) {
        let d = dict.downcast::<DictObj>().expect("dict");
        let ks = key.downcast::<StrObj>().expect("str key");
        match d.find_str(&key, ks) {
            Some(p) => {
                let old = std::mem::replace(&mut d.table.borrow_mut().entries[p].value, value);
                drop(old);
            }
            None => {
                let h = ks.hash();
                d.table.borrow_mut().insert_new(h, key, value);
                d.bump();
            }
        }
    }
    /// Removes a str key; never runs Python code.
    pub fn remove_str(&self, key: &Value) -> Option<Value> {
        let p = self.find_str(key, key.downcast::<StrObj>()?)?;
        let e = self.table.borrow_mut().remove_at(p);
        self.bump();
        Some(e.value)
    }
    /// Snapshot of (key, value) pairs, safe to iterate while calling Python code.
    pub fn items(&self) -> Vec<(Value, Value)> {
        self.table
            .borrow()
            .iter()
            .map(|e| (e.key.clone(), e.value.clone()))
            .collect()
    }
    pub fn keys(&self) -> Vec<Value> {
        self.table.borrow().iter().map(|e| e.key.clone()).collect()
    }
    pub fn values(&self) -> Vec<Value> {
        self.table
            .borrow()
            .iter()
            .map(|e| e.value.clone())
            .collect()
    }
    /// The i-th raw entry position at or after `pos` that is live: (next pos, key, value).
    pub fn next_entry(&self, pos: usize) -> Option<(usize, Value, Value)> {
        let t = self.table.borrow();
        let mut p = pos;
        while p < t.entries.len() {
            let e = &t.entries[p];
            if !e.key.is_undef() {
                return Some((p + 1, e.key.clone(), e.value.clone()));
            }
            p += 1;
        }
        None
    }
    pub fn clear(&self) {
        let old = std::mem::take(&mut *self.table.borrow_mut());
        self.bump();
        drop(old);
    }
    /// Removes and returns the last inserted entry.
    pub fn pop_last(&self) -> Option<(Value, Value)> {
        let e = {
            let mut t = self.table.borrow_mut();
            let pos = t.entries.iter().rposition(|e| !e.key.is_undef())?;
            let h = t.entries[pos].hash;
            let slot = t
                .probe_slots(h)
                .find(|&s| t.indices[s] == pos as u32)
                .unwrap();
            t.indices[slot] = DUMMY;
            t.used -= 1;
            let e = t.entries.remove(pos);
            // Entries after `pos` were holes only; nothing else moved.
            if t.used == 0 {
                t.clear();
            }
            e
        };
        self.bump();
        Some((e.key, e.value))
    }
}

impl Default for DictObj {
    fn default() -> Self {
        Self::new()
    }
}

pub fn as_dict(v: &Value) -> Option<&DictObj> {
    v.downcast::<DictObj>()
}

impl Table {
    /// Removes the entry at position `p` (found by `probe`) and returns it.
    pub(crate) fn remove_at(&mut self, p: usize) -> Entry {
        let h = self.entries[p].hash;
        let slot = self
            .probe_slots(h)
            .find(|&s| self.indices[s] == p as u32)
            .unwrap();
        self.indices[slot] = DUMMY;
        self.used -= 1;
        let e = std::mem::replace(
            &mut self.entries[p],
            Entry {
                hash: 0,
                key: Value::UNDEF,
                value: Value::UNDEF,
            },
        );
        if self.used == 0 {
            self.clear();
        }
        e
    }
}
