//! Python `set` and `frozenset`: a shared handle ([`PySet`]) over an
//! open-addressing table laid out as CPython 3.11's `setobject.c` lays out
//! its table, so iteration order (printing, `list(s)`, loops, `pop`) is
//! CPython's for elements whose hash is CPython's ([`PyHash`]: ints, bools,
//! tuples of them).
//!
//! # Table
//!
//! Slots are empty, dummy (a deleted element) or active. The table starts
//! with 8 slots; an element goes to the first empty slot of its probe
//! sequence (`hash & mask` and the 9 slots after it when they fit, then a
//! jump to `(i * 5 + 1 + perturb) & mask` with `perturb >>= 5`), or to the
//! last dummy met on the way. Filling a new slot grows the table when
//! `fill * 5 >= mask * 3`; growth rebuilds without dummies. Each operation
//! builds its result with the same insertions, merges and resizes as
//! CPython, so layouts, and hence orders, agree.
//!
//! Borrows follow [`crate::List`]: one operation at a time; only the
//! element type's `Clone`/`PartialEq` run while one is held.

use core::fmt;
use std::cell::RefCell;
use std::rc::Rc;

use crate::exception::Exception;
use crate::int::Int;
use crate::pystr::PyStr;
use crate::truthy::Truthy;

/// CPython's `hash()` of a value, where it is deterministic (strings get
/// some fixed hash: CPython randomizes theirs per process).
pub trait PyHash {
    fn py_hash(&self) -> i64;
}

/// The Mersenne prime `2**61 - 1` of CPython's numeric hash.
const MODULUS: u64 = (1 << 61) - 1;

/// `hash()` of an int given by its sign and magnitude modulo [`MODULUS`].
fn signed_hash(negative: bool, reduced: u64) -> i64 {
    let h = reduced as i64;
    match (negative, h) {
        (true, 1) => -2,
        (true, _) => -h,
        (false, _) => h,
    }
}

impl PyHash for Int {
    fn py_hash(&self) -> i64 {
        match self.to_i64() {
            Some(v) => signed_hash(v < 0, v.unsigned_abs() % MODULUS),
            None => {
                let big = self.to_bigint();
                let m = num_bigint::BigInt::from(MODULUS);
                let r = num_traits::ToPrimitive::to_u64(&(big.magnitude() % m.magnitude()))
                    .unwrap_or(0);
                signed_hash(self.is_negative(), r)
            }
        }
    }
}

macro_rules! int_hash {
    ($($t:ty),*) => {$(
        impl PyHash for $t {
            #[inline]
            fn py_hash(&self) -> i64 {
                let v = *self as i128;
                signed_hash(v < 0, (v.unsigned_abs() % MODULUS as u128) as u64)
            }
        }
    )*};
}
int_hash!(u8, u16, u32, u64, i8, i16, i32, i64);

impl PyHash for () {
    fn py_hash(&self) -> i64 {
        // CPython 3.11 hashes `None` by address: any constant will do.
        0x5f3e_1d2c
    }
}

impl PyHash for bool {
    fn py_hash(&self) -> i64 {
        i64::from(*self)
    }
}

/// FNV-1a over the bytes, kept away from CPython's reserved `-1`.
fn bytes_hash(bytes: &[u8]) -> i64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h = (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
    }
    match h as i64 {
        -1 => -2,
        h => h,
    }
}

impl PyHash for String {
    fn py_hash(&self) -> i64 {
        bytes_hash(self.as_bytes())
    }
}

impl PyHash for Vec<u8> {
    fn py_hash(&self) -> i64 {
        bytes_hash(self)
    }
}

impl PyHash for candid::Principal {
    fn py_hash(&self) -> i64 {
        bytes_hash(self.as_slice())
    }
}

impl<T: PyHash> PyHash for Option<T> {
    fn py_hash(&self) -> i64 {
        // CPython 3.11 hashes `None` by address: any constant will do.
        self.as_ref().map_or(0x5f3e_1d2c, PyHash::py_hash)
    }
}

/// CPython's tuple hash (the xxHash-based one of 3.8+).
fn tuple_hash(items: &[i64]) -> i64 {
    const P1: u64 = 11_400_714_785_074_694_791;
    const P2: u64 = 14_029_467_366_897_019_727;
    const P5: u64 = 2_870_177_450_012_600_261;
    let mut acc = P5;
    for &h in items {
        acc = acc.wrapping_add((h as u64).wrapping_mul(P2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(P1);
    }
    acc = acc.wrapping_add(items.len() as u64 ^ (P5 ^ 3_527_539));
    if acc == u64::MAX {
        return 1_546_275_796;
    }
    acc as i64
}

macro_rules! tuple_hash {
    ($($name:ident),+) => {
        impl<$($name: PyHash),+> PyHash for ($($name,)+) {
            #[allow(non_snake_case)]
            fn py_hash(&self) -> i64 {
                let ($($name,)+) = self;
                tuple_hash(&[$($name.py_hash()),+])
            }
        }
    };
}
tuple_hash!(A);
tuple_hash!(A, B);
tuple_hash!(A, B, C);
tuple_hash!(A, B, C, D);
tuple_hash!(A, B, C, D, E);

#[derive(Clone)]
enum Slot<T> {
    Empty,
    Dummy,
    Full(i64, T),
}

/// CPython's `PySetObject` minus the object header.
#[derive(Clone)]
struct Table<T> {
    /// `mask + 1` slots, a power of two, at least 8.
    slots: Vec<Slot<T>>,
    /// Active plus dummy slots.
    fill: usize,
    /// Active slots: the set's length.
    used: usize,
    /// Where `pop` starts looking.
    finger: usize,
}

const MIN_SIZE: usize = 8;
const LINEAR_PROBES: usize = 9;

fn empty_slots<T>(n: usize) -> Vec<Slot<T>> {
    let mut slots = Vec::with_capacity(n);
    slots.resize_with(n, || Slot::Empty);
    slots
}

/// The slots of a probe sequence, in CPython's order.
struct Probe {
    /// The slot to look at.
    i: usize,
    /// Where this run of linear probes started (the next jump is from it).
    base: usize,
    perturb: u64,
    mask: usize,
    /// Linear probes left after `i` in this run.
    left: usize,
}

impl Probe {
    fn new(hash: i64, mask: usize) -> Self {
        let i = hash as u64 as usize & mask;
        Probe {
            i,
            base: i,
            perturb: hash as u64,
            mask,
            left: if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            },
        }
    }

    fn step(&mut self) {
        if self.left > 0 {
            self.left -= 1;
            self.i += 1;
            return;
        }
        self.perturb >>= 5;
        let i = (self.base as u64)
            .wrapping_mul(5)
            .wrapping_add(1)
            .wrapping_add(self.perturb);
        self.i = i as usize & self.mask;
        self.base = self.i;
        self.left = if self.i + LINEAR_PROBES <= self.mask {
            LINEAR_PROBES
        } else {
            0
        };
    }
}

impl<T> Table<T> {
    /// The active entries in slot (iteration) order.
    fn entries(&self) -> impl Iterator<Item = (i64, &T)> {
        self.slots.iter().filter_map(|s| match s {
            Slot::Full(h, k) => Some((*h, k)),
            _ => None,
        })
    }
}

impl<T: PartialEq> Table<T> {
    fn new() -> Self {
        Table {
            slots: empty_slots(MIN_SIZE),
            fill: 0,
            used: 0,
            finger: 0,
        }
    }

    fn mask(&self) -> usize {
        self.slots.len() - 1
    }

    /// The slot holding `key`, if any (`set_lookkey`).
    fn find(&self, hash: i64, key: &T) -> Option<usize> {
        let mut p = Probe::new(hash, self.mask());
        loop {
            match &self.slots[p.i] {
                Slot::Empty => return None,
                Slot::Full(h, k) if *h == hash && k == key => return Some(p.i),
                _ => {}
            }
            p.step();
        }
    }

    fn contains(&self, hash: i64, key: &T) -> bool {
        self.find(hash, key).is_some()
    }

    /// `set_insert_clean`: a key known absent into a table without dummies.
    fn insert_clean(slots: &mut [Slot<T>], hash: i64, key: T) {
        let mut p = Probe::new(hash, slots.len() - 1);
        while !matches!(slots[p.i], Slot::Empty) {
            p.step();
        }
        slots[p.i] = Slot::Full(hash, key);
    }

    /// `set_table_resize`: the smallest table with more than `min_used`
    /// slots, the active entries reinserted in slot order.
    fn resize(&mut self, min_used: usize) {
        let mut size = MIN_SIZE;
        while size <= min_used {
            size <<= 1;
        }
        let old = std::mem::replace(&mut self.slots, empty_slots(size));
        for slot in old {
            if let Slot::Full(h, k) = slot {
                Self::insert_clean(&mut self.slots, h, k);
            }
        }
        self.fill = self.used;
    }

    fn grow(&mut self) {
        let used = self.used;
        self.resize(if used > 50_000 { used * 2 } else { used * 4 });
    }

    /// `set_add_entry`.
    fn add(&mut self, hash: i64, key: T) {
        let mut p = Probe::new(hash, self.mask());
        let mut free = None;
        loop {
            match &self.slots[p.i] {
                Slot::Empty => break,
                Slot::Full(h, k) if *h == hash && *k == key => return,
                Slot::Dummy => free = Some(p.i),
                _ => {}
            }
            p.step();
        }
        self.used += 1;
        if let Some(i) = free {
            self.slots[i] = Slot::Full(hash, key);
            return;
        }
        self.slots[p.i] = Slot::Full(hash, key);
        self.fill += 1;
        if self.fill * 5 >= self.mask() * 3 {
            self.grow();
        }
    }

    /// `set_discard_entry`: whether the key was there.
    fn discard(&mut self, hash: i64, key: &T) -> bool {
        match self.find(hash, key) {
            Some(i) => {
                self.slots[i] = Slot::Dummy;
                self.used -= 1;
                true
            }
            None => false,
        }
    }
}

impl<T: PartialEq + Clone> Table<T> {
    /// `set_merge`: every element of `other` into this table.
    fn merge(&mut self, other: &Table<T>) {
        if other.used == 0 {
            return;
        }
        if (self.fill + other.used) * 5 >= self.mask() * 3 {
            self.resize((self.used + other.used) * 2);
        }
        if self.fill == 0 && self.mask() == other.mask() && other.fill == other.used {
            self.slots.clone_from(&other.slots);
            self.fill = other.fill;
            self.used = other.used;
            return;
        }
        if self.fill == 0 {
            for (h, k) in other.entries() {
                Self::insert_clean(&mut self.slots, h, k.clone());
            }
            self.fill = other.used;
            self.used = other.used;
            return;
        }
        for (h, k) in other.entries() {
            self.add(h, k.clone());
        }
    }

    /// `set_intersection`: the elements of the smaller table (`b` on a
    /// tie) found in the other, in its order.
    fn intersection(a: &Table<T>, b: &Table<T>) -> Table<T> {
        let (big, small) = if b.used > a.used { (b, a) } else { (a, b) };
        let mut out = Table::new();
        for (h, k) in small.entries() {
            if big.contains(h, k) {
                out.add(h, k.clone());
            }
        }
        out
    }

    /// The end of `set_difference_update_internal`: drops the dummies when
    /// more than a quarter of the table holds them.
    fn settle(&mut self) {
        if self.fill - self.used > self.mask() / 4 {
            self.grow();
        }
    }
}

/// A Python `set[T]` or `frozenset[T]`: `Clone` copies the handle (`a = b`
/// aliases). Operations that make a new set make one of the receiver's
/// kind, as CPython does.
pub struct PySet<T> {
    table: Rc<RefCell<Table<T>>>,
    frozen: bool,
}

impl<T> Clone for PySet<T> {
    fn clone(&self) -> Self {
        PySet {
            table: Rc::clone(&self.table),
            frozen: self.frozen,
        }
    }
}

impl<T: PyHash + PartialEq + Clone> Default for PySet<T> {
    fn default() -> Self {
        PySet::new()
    }
}

#[cold]
fn key_error(message: String) -> Exception {
    Exception::new("KeyError", message)
}

impl<T: PyHash + PartialEq + Clone> PySet<T> {
    fn wrap(table: Table<T>, frozen: bool) -> Self {
        PySet {
            table: Rc::new(RefCell::new(table)),
            frozen,
        }
    }

    /// `set()`.
    pub fn new() -> Self {
        PySet::wrap(Table::new(), false)
    }

    /// `set(items)`, `{a, b}` and set comprehensions: each item added in
    /// turn.
    pub fn from_items(items: impl IntoIterator<Item = T>) -> Self {
        let s = PySet::new();
        s.extend(items);
        s
    }

    /// A literal of three or more constants: CPython's compiler builds a
    /// `frozenset` of them, rebuilds it from its own iteration order when
    /// it merges constants, and the code copies that into a new set.
    pub fn from_constants(items: impl IntoIterator<Item = T>) -> Self {
        PySet::frozen_constant(items).to_set()
    }

    /// The `frozenset` constant CPython's compiler makes of a literal of
    /// three or more constants (`for x in {1, 2, 3}` iterates it as is).
    pub fn frozen_constant(items: impl IntoIterator<Item = T>) -> Self {
        let first = PySet::from_items(items);
        let mut t = Table::new();
        for (h, k) in first.table.borrow().entries() {
            t.add(h, k.clone());
        }
        PySet::wrap(t, true)
    }

    /// A new set as a `frozenset` (`frozenset(xs)`).
    pub fn into_frozen(mut self) -> Self {
        self.frozen = true;
        self
    }

    /// `frozenset(self)` (a new frozenset of the same layout).
    pub fn to_frozen(&self) -> Self {
        let mut t = Table::new();
        t.merge(&self.table.borrow());
        PySet::wrap(t, true)
    }

    /// `set(self)` / `self.copy()`: a new set of the receiver's kind.
    pub fn copy(&self) -> Self {
        let mut t = Table::new();
        t.merge(&self.table.borrow());
        PySet::wrap(t, self.frozen)
    }

    /// `set(self)` of a frozenset: a new (mutable) set.
    pub fn to_set(&self) -> Self {
        let mut t = Table::new();
        t.merge(&self.table.borrow());
        PySet::wrap(t, false)
    }

    /// Whether this is a `frozenset`.
    pub fn is_frozen(&self) -> bool {
        self.frozen
    }

    /// `len(self)`.
    pub fn len(&self) -> usize {
        self.table.borrow().used
    }

    /// `not self`.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Python `self is other`.
    pub fn ptr_eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.table, &other.table)
    }

    /// `key in self`.
    pub fn contains(&self, key: &T) -> bool {
        self.table.borrow().contains(key.py_hash(), key)
    }

    /// `self.add(key)`.
    pub fn add(&self, key: T) {
        let h = key.py_hash();
        self.table.borrow_mut().add(h, key);
    }

    /// Adds each item in turn (`set_update_internal` of an iterable): the
    /// items are computed before the set is borrowed.
    pub fn extend(&self, items: impl IntoIterator<Item = T>) {
        let items: Vec<(i64, T)> = items.into_iter().map(|k| (k.py_hash(), k)).collect();
        let mut t = self.table.borrow_mut();
        for (h, k) in items {
            t.add(h, k);
        }
    }

    /// `self.discard(key)`.
    pub fn discard(&self, key: &T) {
        self.table.borrow_mut().discard(key.py_hash(), key);
    }

    /// `self.remove(key)`: `KeyError` with the key's repr when absent.
    pub fn remove(&self, key: &T) -> Result<(), Exception>
    where
        T: PyStr,
    {
        if self.table.borrow_mut().discard(key.py_hash(), key) {
            Ok(())
        } else {
            Err(key_error(key.py_repr()))
        }
    }

    /// `self.pop()`: the first element from the search finger on.
    pub fn pop(&self) -> Result<T, Exception> {
        let mut t = self.table.borrow_mut();
        if t.used == 0 {
            return Err(key_error(String::from("'pop from an empty set'")));
        }
        let mask = t.mask();
        let mut i = t.finger & mask;
        while !matches!(t.slots[i], Slot::Full(..)) {
            i = if i == mask { 0 } else { i + 1 };
        }
        let Slot::Full(_, key) = std::mem::replace(&mut t.slots[i], Slot::Dummy) else {
            unreachable!("the loop stops at an active slot")
        };
        t.used -= 1;
        t.finger = i + 1;
        Ok(key)
    }

    /// `self.clear()` (the search finger stays, as in CPython).
    pub fn clear(&self) {
        let mut t = self.table.borrow_mut();
        let finger = t.finger;
        let old = std::mem::replace(&mut *t, Table::new());
        t.finger = finger;
        drop(t);
        drop(old);
    }

    /// `self.update(other)` / `self |= other`.
    pub fn update(&self, other: &PySet<T>) {
        if self.ptr_eq(other) {
            return;
        }
        let o = other.table.borrow();
        self.table.borrow_mut().merge(&o);
    }

    /// `self | other` / `self.union(other)`.
    pub fn union(&self, other: &PySet<T>) -> Self {
        let out = self.copy();
        if !self.ptr_eq(other) {
            out.update(other);
        }
        out
    }

    /// `self.union(items)` of an iterable that is not a set.
    pub fn union_items(&self, items: impl IntoIterator<Item = T>) -> Self {
        let items: Vec<T> = items.into_iter().collect();
        let out = self.copy();
        out.extend(items);
        out
    }

    /// `self & other` / `self.intersection(other)`.
    pub fn intersection(&self, other: &PySet<T>) -> Self {
        if self.ptr_eq(other) {
            return self.copy();
        }
        let t = Table::intersection(&self.table.borrow(), &other.table.borrow());
        PySet::wrap(t, self.frozen)
    }

    /// `self.intersection(items)` of an iterable that is not a set: the
    /// items found, in the iterable's order.
    pub fn intersection_items(&self, items: impl IntoIterator<Item = T>) -> Self {
        let items: Vec<T> = items.into_iter().collect();
        let mine = self.table.borrow();
        let mut out = Table::new();
        for k in items {
            let h = k.py_hash();
            if mine.contains(h, &k) {
                out.add(h, k);
            }
        }
        PySet::wrap(out, self.frozen)
    }

    /// `self &= other` / `self.intersection_update(other)`: the receiver
    /// takes the intersection's table.
    pub fn intersection_update(&self, other: &PySet<T>) {
        let t = self.intersection(other).table.replace(Table::new());
        let mut mine = self.table.borrow_mut();
        let finger = mine.finger;
        let old = std::mem::replace(&mut *mine, t);
        mine.finger = finger;
        drop(mine);
        drop(old);
    }

    /// `self - other` / `self.difference(other)`.
    pub fn difference(&self, other: &PySet<T>) -> Self {
        if (self.len() >> 2) > other.len() {
            let out = self.copy();
            out.difference_update(other);
            return out;
        }
        let mine = self.table.borrow();
        let theirs = other.table.borrow();
        let mut out = Table::new();
        for (h, k) in mine.entries() {
            if !theirs.contains(h, k) {
                out.add(h, k.clone());
            }
        }
        PySet::wrap(out, self.frozen)
    }

    /// `self -= other` / `self.difference_update(other)`.
    pub fn difference_update(&self, other: &PySet<T>) {
        if self.ptr_eq(other) {
            self.clear();
            return;
        }
        let big = (other.len() >> 3) > self.len();
        let small;
        let theirs = if big {
            small = self.intersection(other);
            small.table.borrow()
        } else {
            other.table.borrow()
        };
        let mut mine = self.table.borrow_mut();
        for (h, k) in theirs.entries() {
            mine.discard(h, k);
        }
        mine.settle();
    }

    /// `self.difference_update(items)` of an iterable that is not a set.
    pub fn difference_update_items(&self, items: impl IntoIterator<Item = T>) {
        let items: Vec<T> = items.into_iter().collect();
        let mut mine = self.table.borrow_mut();
        for k in &items {
            mine.discard(k.py_hash(), k);
        }
        mine.settle();
    }

    /// `self.difference(items)` of an iterable that is not a set.
    pub fn difference_items(&self, items: impl IntoIterator<Item = T>) -> Self {
        let items: Vec<T> = items.into_iter().collect();
        let out = self.copy();
        out.difference_update_items(items);
        out
    }

    /// `self ^= other` / `self.symmetric_difference_update(other)`.
    pub fn symmetric_difference_update(&self, other: &PySet<T>) {
        if self.ptr_eq(other) {
            self.clear();
            return;
        }
        let theirs = other.table.borrow();
        let mut mine = self.table.borrow_mut();
        for (h, k) in theirs.entries() {
            if !mine.discard(h, k) {
                mine.add(h, k.clone());
            }
        }
    }

    /// `self ^ other` / `self.symmetric_difference(other)`: a copy of
    /// `other` updated with the receiver.
    pub fn symmetric_difference(&self, other: &PySet<T>) -> Self {
        let mut t = Table::new();
        t.merge(&other.table.borrow());
        let out = PySet::wrap(t, self.frozen);
        out.symmetric_difference_update(self);
        out
    }

    /// `self <= other` / `self.issubset(other)`.
    pub fn issubset(&self, other: &PySet<T>) -> bool {
        if self.ptr_eq(other) {
            return true;
        }
        let (mine, theirs) = (self.table.borrow(), other.table.borrow());
        let subset = mine.used <= theirs.used && mine.entries().all(|(h, k)| theirs.contains(h, k));
        subset
    }

    /// `self >= other` / `self.issuperset(other)`.
    pub fn issuperset(&self, other: &PySet<T>) -> bool {
        other.issubset(self)
    }

    /// `self < other`.
    pub fn is_proper_subset(&self, other: &PySet<T>) -> bool {
        self.len() < other.len() && self.issubset(other)
    }

    /// `self > other`.
    pub fn is_proper_superset(&self, other: &PySet<T>) -> bool {
        other.is_proper_subset(self)
    }

    /// `self.isdisjoint(other)`.
    pub fn isdisjoint(&self, other: &PySet<T>) -> bool {
        if self.ptr_eq(other) {
            return self.is_empty();
        }
        let (mine, theirs) = (self.table.borrow(), other.table.borrow());
        let (big, small) = if theirs.used > mine.used {
            (&*theirs, &*mine)
        } else {
            (&*mine, &*theirs)
        };
        let overlap = small.entries().any(|(h, k)| big.contains(h, k));
        !overlap
    }

    /// `list(self)`: a snapshot of the elements in iteration order.
    pub fn to_vec(&self) -> Vec<T> {
        self.table
            .borrow()
            .entries()
            .map(|(_, k)| k.clone())
            .collect()
    }

    /// A `for` loop over the set: see [`SetIter`].
    pub fn iter(&self) -> SetIter<T> {
        let used = self.len();
        SetIter {
            set: Some(self.clone()),
            pos: 0,
            used,
        }
    }
}

/// CPython's set iterator: a slot position and the size when the loop
/// started; a size change raises `RuntimeError: Set changed size during
/// iteration` (and keeps raising). No borrow is held between steps.
pub struct SetIter<T> {
    set: Option<PySet<T>>,
    pos: usize,
    used: usize,
}

impl<T: Clone> SetIter<T> {
    /// The next element.
    #[allow(clippy::should_implement_trait)]
    pub fn next(&mut self) -> Result<Option<T>, Exception> {
        let Some(set) = &self.set else {
            return Ok(None);
        };
        let t = set.table.borrow();
        if t.used != self.used {
            drop(t);
            self.used = usize::MAX;
            return Err(Exception::new(
                "RuntimeError",
                "Set changed size during iteration",
            ));
        }
        let found = t.slots.get(self.pos..).and_then(|rest| {
            rest.iter().enumerate().find_map(|(i, s)| match s {
                Slot::Full(_, k) => Some((i, k.clone())),
                _ => None,
            })
        });
        drop(t);
        match found {
            Some((i, k)) => {
                self.pos += i + 1;
                Ok(Some(k))
            }
            None => {
                self.set = None;
                Ok(None)
            }
        }
    }
}

impl<T: PyHash + PartialEq + Clone> PartialEq for PySet<T> {
    /// Python `==` (a set equals a frozenset of the same elements).
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.issubset(other)
    }
}

impl<T> Truthy for PySet<T> {
    fn truthy(&self) -> bool {
        self.table.borrow().used != 0
    }
}

impl<T: Clone> PySet<T> {
    /// `repr(self)` with `item` giving each element's repr: `{1, 2}`,
    /// `set()`, `frozenset({1, 2})`, `frozenset()`.
    pub fn repr_with(&self, item: impl Fn(&T) -> String) -> String {
        let items: Vec<T> = self
            .table
            .borrow()
            .slots
            .iter()
            .filter_map(|s| match s {
                Slot::Full(_, k) => Some(k.clone()),
                _ => None,
            })
            .collect();
        let name = if self.frozen { "frozenset" } else { "set" };
        if items.is_empty() {
            return format!("{name}()");
        }
        let mut out = String::new();
        if self.frozen {
            out.push_str("frozenset(");
        }
        out.push('{');
        for (i, k) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&item(k));
        }
        out.push('}');
        if self.frozen {
            out.push(')');
        }
        out
    }
}

impl<T: PyStr + Clone> PyStr for PySet<T> {
    fn py_str(&self) -> String {
        self.py_repr()
    }
    fn py_repr(&self) -> String {
        self.repr_with(PyStr::py_repr)
    }
}

impl<T: fmt::Debug> fmt::Debug for PySet<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let t = self.table.borrow();
        f.debug_set()
            .entries(t.slots.iter().filter_map(|s| match s {
                Slot::Full(_, k) => Some(k),
                _ => None,
            }))
            .finish()
    }
}

impl<T: candid::CandidType> candid::CandidType for PySet<T> {
    /// Candid has no set type: a set encodes as `vec T` in iteration order.
    fn _ty() -> candid::types::Type {
        <Vec<T> as candid::CandidType>::_ty()
    }
    fn idl_serialize<S>(&self, serializer: S) -> Result<(), S::Error>
    where
        S: candid::types::Serializer,
    {
        let table = self.table.borrow();
        let items: Vec<&T> = table.entries().map(|(_, k)| k).collect();
        candid::CandidType::idl_serialize(&items, serializer)
    }
}

impl<'de, T> serde::Deserialize<'de> for PySet<T>
where
    T: serde::Deserialize<'de> + PyHash + PartialEq + Clone,
{
    /// A decoded `vec T` becomes a new set of its items, added in order.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let items = <Vec<T> as serde::Deserialize>::deserialize(deserializer)?;
        Ok(PySet::from_items(items))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cpython_hashes() {
        assert_eq!(Int::from(-1).py_hash(), -2);
        assert_eq!(Int::from(-2).py_hash(), -2);
        assert_eq!(Int::from(MODULUS).py_hash(), 0);
        assert_eq!((1i64,).py_hash(), tuple_hash(&[1]));
        // hash((1, 2)) in CPython 3.11 (64-bit).
        assert_eq!((Int::from(1), Int::from(2)).py_hash(), -3550055125485641917);
    }
}
