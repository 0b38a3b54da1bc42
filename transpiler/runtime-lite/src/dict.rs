//! Python `dict`: a shared, mutable, insertion-ordered map ([`Dict`]) and
//! its iterator ([`DictIter`]).
//!
//! # Representation
//!
//! CPython's compact dict: an entries array in insertion order, where a
//! delete leaves a hole (`None`), plus a hash index from key to position
//! (std's `HashMap`; the key is stored in both). `d[k] = v` and `del d[k]`
//! are O(1) amortized and never copy the container. Holes are dropped only
//! when an insert finds no room left, at the moments CPython 3.11 resizes
//! (`dk_usable`, growth to `used * 3`, `popitem` trimming trailing holes,
//! `copy()`/`update()` presizing), so positions in the entries array, which
//! iterators hold, evolve exactly as CPython's do.
//!
//! # Iteration
//!
//! A [`DictIter`] is CPython's dict iterator: a position in the entries
//! array, the size when the loop started and the number of items left. It
//! raises `RuntimeError: dictionary changed size during iteration` when the
//! size differs from the start (not on other mutations, as in CPython), and
//! `dictionary keys changed during iteration` when it finds more entries
//! than the dict had. It holds no borrow between steps.
//!
//! Borrows follow the rules of [`crate::List`]: one operation at a time,
//! and no code but the key and value types' `Clone`/`Hash`/`Eq`/
//! `PartialEq` runs while one is held.

use core::fmt;
use core::hash::Hash;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use crate::exception::Exception;
use crate::guard::repr_guard;
use crate::pystr::PyStr;
use crate::truthy::Truthy;

/// A Python `dict[K, V]`: `Clone` copies the handle (aliasing); use
/// [`Dict::copy`] for `d.copy()`.
pub struct Dict<K, V>(Rc<RefCell<Table<K, V>>>);

struct Table<K, V> {
    /// Entries in insertion order; `None` is a deleted entry. CPython's
    /// `dk_entries[..dk_nentries]`.
    entries: Vec<Option<(K, V)>>,
    /// Key -> position in `entries`; its length is the dict's size.
    index: HashMap<K, usize>,
    /// CPython's `dk_usable`: entries that can be appended before a resize.
    usable: usize,
    /// log2 of CPython's hash table size (0: the shared empty table).
    log2_size: u8,
}

impl<K, V> Default for Table<K, V> {
    fn default() -> Self {
        Table {
            entries: Vec::new(),
            index: HashMap::new(),
            usable: 0,
            log2_size: 0,
        }
    }
}

/// CPython 3.11's `calculate_log2_keysize`: log2 of the table size used
/// for `minsize` slots (at least 8).
fn log2_size_for(minsize: usize) -> u8 {
    let m = ((minsize | 8) - 1) | 7;
    (usize::BITS - m.leading_zeros()) as u8
}

/// CPython's `estimate_log2_keysize`: a table that holds `n` entries.
fn log2_size_holding(n: usize) -> u8 {
    log2_size_for(n.saturating_mul(3).saturating_add(1) / 2)
}

/// CPython's `USABLE_FRACTION` of a table of `2^log2` slots.
fn usable_fraction(log2: u8) -> usize {
    if log2 == 0 {
        return 0;
    }
    ((2u64 << log2) / 3).min(usize::MAX as u64) as usize
}

#[cold]
fn key_error(key: &(impl PyStr + ?Sized)) -> Exception {
    Exception::new("KeyError", key.py_repr())
}

impl<K: Hash + Eq, V> Table<K, V> {
    /// CPython's `dictresize`: drops the holes and makes room for a table
    /// of `2^log2` slots.
    fn resize(&mut self, log2: u8) {
        self.entries.retain(Option::is_some);
        for (pos, entry) in self.entries.iter().enumerate() {
            if let Some((k, _)) = entry {
                if let Some(slot) = self.index.get_mut(k) {
                    *slot = pos;
                }
            }
        }
        self.log2_size = log2;
        self.usable = usable_fraction(log2).saturating_sub(self.entries.len());
    }

    /// Appends a key known to be absent.
    fn insert_new(&mut self, key: K, value: V)
    where
        K: Clone,
    {
        if self.usable == 0 {
            self.resize(log2_size_for(self.index.len() * 3));
        }
        self.index.insert(key.clone(), self.entries.len());
        self.entries.push(Some((key, value)));
        self.usable = self.usable.saturating_sub(1);
    }

    /// `self[key] = value`, returning the value replaced.
    fn set(&mut self, key: K, value: V) -> Option<V>
    where
        K: Clone,
    {
        match self.index.get(&key) {
            Some(&pos) => match &mut self.entries[pos] {
                Some((_, v)) => Some(std::mem::replace(v, value)),
                None => None,
            },
            None => {
                self.insert_new(key, value);
                None
            }
        }
    }

    fn value<Q>(&self, key: &Q) -> Option<&V>
    where
        K: core::borrow::Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        let pos = *self.index.get(key)?;
        self.entries[pos].as_ref().map(|(_, v)| v)
    }

    /// Deletes `key`, leaving a hole.
    fn remove<Q>(&mut self, key: &Q) -> Option<(K, V)>
    where
        K: core::borrow::Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        let pos = self.index.remove(key)?;
        self.entries[pos].take()
    }
}

impl<K, V> Table<K, V> {
    /// The live entries in order.
    fn live(&self) -> impl Iterator<Item = &(K, V)> {
        self.entries.iter().flatten()
    }

    /// The first live entry at or after `pos`, with its position.
    fn next_live(&self, pos: usize) -> Option<(usize, &(K, V))> {
        let rest = self.entries.get(pos..)?;
        rest.iter()
            .enumerate()
            .find_map(|(i, e)| e.as_ref().map(|e| (pos + i, e)))
    }
}

impl<K, V> Dict<K, V> {
    /// `{}`.
    pub fn new() -> Self {
        Dict(Rc::new(RefCell::new(Table::default())))
    }

    /// `len(self)`.
    pub fn len(&self) -> usize {
        self.0.borrow().index.len()
    }

    /// `not self`.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Python `self is other`.
    pub fn ptr_eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }

    /// `self.clear()`.
    pub fn clear(&self) {
        let old = std::mem::take(&mut *self.0.borrow_mut());
        drop(old);
    }

    /// `for k in self` / `self.keys()` / `self.values()` / `self.items()`
    /// loops: see [`DictIter`].
    pub fn iter(&self) -> DictIter<K, V> {
        let used = self.len();
        DictIter {
            dict: Some(self.clone()),
            pos: 0,
            used,
            left: used,
        }
    }
}

impl<K: Hash + Eq + Clone, V: Clone> Dict<K, V> {
    /// A new dict sized for a literal of `n` items (CPython's
    /// `_PyDict_NewPresized`). CPython 3.11 uses it for literals of at
    /// most 15 items (`BUILD_MAP n`); longer literals start from `{}` and
    /// insert one item at a time (past 17 items, later chunks are built
    /// with this and merged with `update`; see `dis`).
    pub fn with_capacity(n: usize) -> Self {
        let d = Dict::new();
        if n > usable_fraction(3) {
            let mut t = d.0.borrow_mut();
            t.log2_size = log2_size_holding(n).min(17);
            t.usable = usable_fraction(t.log2_size);
            t.entries.reserve(n);
            t.index.reserve(n);
        }
        d
    }

    /// `self[key]`: `KeyError` with the key's repr when absent. `key` may be
    /// a borrowed form (`&str` for `String` keys).
    pub fn get<Q>(&self, key: &Q) -> Result<V, Exception>
    where
        K: core::borrow::Borrow<Q>,
        Q: Hash + Eq + PyStr + ?Sized,
    {
        self.get_opt(key).ok_or_else(|| key_error(key))
    }

    /// `self.get(key)` (`None` when absent).
    pub fn get_opt<Q>(&self, key: &Q) -> Option<V>
    where
        K: core::borrow::Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        self.0.borrow().value(key).cloned()
    }

    /// `self.get(key, default)`.
    pub fn get_or<Q>(&self, key: &Q, default: V) -> V
    where
        K: core::borrow::Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        self.get_opt(key).unwrap_or(default)
    }

    /// `self[key] = value`: replaces the value of a present key in place
    /// (the key keeps its position), else appends.
    pub fn set(&self, key: K, value: V) {
        let old = self.0.borrow_mut().set(key, value);
        drop(old);
    }

    /// `key in self`.
    pub fn contains<Q>(&self, key: &Q) -> bool
    where
        K: core::borrow::Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        self.0.borrow().index.contains_key(key)
    }

    /// `del self[key]`.
    pub fn del<Q>(&self, key: &Q) -> Result<(), Exception>
    where
        K: core::borrow::Borrow<Q>,
        Q: Hash + Eq + PyStr + ?Sized,
    {
        self.pop(key).map(drop)
    }

    /// `self.pop(key)`.
    pub fn pop<Q>(&self, key: &Q) -> Result<V, Exception>
    where
        K: core::borrow::Borrow<Q>,
        Q: Hash + Eq + PyStr + ?Sized,
    {
        let removed = self.0.borrow_mut().remove(key);
        removed.map(|(_, v)| v).ok_or_else(|| key_error(key))
    }

    /// `self.pop(key, default)`.
    pub fn pop_or<Q>(&self, key: &Q, default: V) -> V
    where
        K: core::borrow::Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        let removed = self.0.borrow_mut().remove(key);
        removed.map_or(default, |(_, v)| v)
    }

    /// `self.popitem()`: the last entry (LIFO).
    pub fn popitem(&self) -> Result<(K, V), Exception> {
        let mut t = self.0.borrow_mut();
        // Trailing holes go with it, as CPython trims `dk_nentries`.
        while let Some(last) = t.entries.pop() {
            if let Some((k, v)) = last {
                t.index.remove(&k);
                return Ok((k, v));
            }
        }
        Err(Exception::new(
            "KeyError",
            "'popitem(): dictionary is empty'",
        ))
    }

    /// `self.setdefault(key, default)`: the present value, or `default`
    /// after inserting it.
    pub fn setdefault(&self, key: K, default: V) -> V {
        let mut t = self.0.borrow_mut();
        if let Some(v) = t.value(&key) {
            return v.clone();
        }
        t.insert_new(key, default.clone());
        default
    }

    /// `self.update(other)` for a dict (`dict(other)` is `new` + this).
    pub fn update(&self, other: &Dict<K, V>) {
        if self.ptr_eq(other) {
            return;
        }
        let src = other.0.borrow();
        let mut t = self.0.borrow_mut();
        let n = src.index.len();
        if n == 0 {
            return;
        }
        // CPython clones a compact source's layout into an empty dict...
        if t.index.is_empty()
            && n == src.entries.len()
            && (src.log2_size == 3 || usable_fraction(src.log2_size - 1) < n)
        {
            t.entries = src.entries.clone();
            t.index = src.index.clone();
            t.usable = src.usable;
            t.log2_size = src.log2_size;
            return;
        }
        // ...and otherwise resizes once up front.
        if usable_fraction(t.log2_size) < n {
            let log2 = log2_size_holding(t.index.len() + n);
            t.resize(log2);
        }
        for (k, v) in src.live() {
            let old = t.set(k.clone(), v.clone());
            drop(old);
        }
    }

    /// `self.update(pairs)` for any other iterable of pairs (collected
    /// before the dict is touched).
    pub fn update_pairs(&self, pairs: impl IntoIterator<Item = (K, V)>) {
        let pairs: Vec<(K, V)> = pairs.into_iter().collect();
        let mut t = self.0.borrow_mut();
        for (k, v) in pairs {
            t.set(k, v);
        }
    }

    /// `self.copy()`: a new dict with the same entries (a compact source's
    /// layout is cloned, as CPython does).
    pub fn copy(&self) -> Self {
        {
            let t = self.0.borrow();
            let n = t.index.len();
            if n == 0 {
                return Dict::new();
            }
            if n >= t.entries.len() * 2 / 3 {
                return Dict(Rc::new(RefCell::new(Table {
                    entries: t.entries.clone(),
                    index: t.index.clone(),
                    usable: t.usable,
                    log2_size: t.log2_size,
                })));
            }
        }
        let d = Dict::new();
        d.update(self);
        d
    }

    /// `list(self)` / `list(self.keys())`: a snapshot of the keys.
    pub fn keys(&self) -> Vec<K> {
        self.0.borrow().live().map(|(k, _)| k.clone()).collect()
    }

    /// `list(self.values())`.
    pub fn values(&self) -> Vec<V> {
        self.0.borrow().live().map(|(_, v)| v.clone()).collect()
    }

    /// `list(self.items())`.
    pub fn items(&self) -> Vec<(K, V)> {
        self.0.borrow().live().cloned().collect()
    }
}

/// CPython's dict iterator (`for k in d`, `d.keys()`, `d.values()`,
/// `d.items()`): a generated loop is
/// `let mut it = d.iter(); while let Some(k) = it.next_key().or_raise(at) { .. }`.
pub struct DictIter<K, V> {
    /// `None` once exhausted (CPython drops the dict then, so the iterator
    /// stays exhausted even if the dict grows).
    dict: Option<Dict<K, V>>,
    /// Next position in the entries array.
    pos: usize,
    /// The size when the loop started; `usize::MAX` after a size-change
    /// error, which then repeats (CPython's "sticky" state).
    used: usize,
    /// Items still expected.
    left: usize,
}

impl<K: Clone, V: Clone> DictIter<K, V> {
    /// The next live entry, mapped by `f`, following CPython's checks.
    fn advance<R>(&mut self, f: impl FnOnce(&(K, V)) -> R) -> Result<Option<R>, Exception> {
        let Some(dict) = &self.dict else {
            return Ok(None);
        };
        let found = {
            let t = dict.0.borrow();
            if t.index.len() != self.used {
                drop(t);
                self.used = usize::MAX;
                return Err(Exception::new(
                    "RuntimeError",
                    "dictionary changed size during iteration",
                ));
            }
            t.next_live(self.pos).map(|(pos, e)| (pos, f(e)))
        };
        match found {
            Some(_) if self.left == 0 => {
                self.dict = None;
                Err(Exception::new(
                    "RuntimeError",
                    "dictionary keys changed during iteration",
                ))
            }
            Some((pos, r)) => {
                self.pos = pos + 1;
                self.left -= 1;
                Ok(Some(r))
            }
            None => {
                self.dict = None;
                Ok(None)
            }
        }
    }

    /// The next key.
    pub fn next_key(&mut self) -> Result<Option<K>, Exception> {
        self.advance(|(k, _)| k.clone())
    }

    /// The next value.
    pub fn next_value(&mut self) -> Result<Option<V>, Exception> {
        self.advance(|(_, v)| v.clone())
    }

    /// The next `(key, value)`.
    pub fn next_item(&mut self) -> Result<Option<(K, V)>, Exception> {
        self.advance(Clone::clone)
    }
}

impl<K, V> Clone for Dict<K, V> {
    /// Another handle to the same dict (Python assignment).
    fn clone(&self) -> Self {
        Dict(Rc::clone(&self.0))
    }
}

impl<K, V> Default for Dict<K, V> {
    fn default() -> Self {
        Dict::new()
    }
}

impl<K: Hash + Eq + Clone, V: Clone> FromIterator<(K, V)> for Dict<K, V> {
    /// `dict(pairs)` / a dict comprehension: later pairs win.
    fn from_iter<I: IntoIterator<Item = (K, V)>>(pairs: I) -> Self {
        let d = Dict::new();
        d.update_pairs(pairs);
        d
    }
}

impl<K: Hash + Eq, V: PartialEq> PartialEq for Dict<K, V> {
    /// Python `==`: the same keys with equal values, in any order.
    fn eq(&self, other: &Self) -> bool {
        if self.ptr_eq(other) {
            return true;
        }
        let (a, b) = (self.0.borrow(), other.0.borrow());
        a.index.len() == b.index.len() && a.live().all(|(k, v)| b.value(k) == Some(v))
    }
}

impl<K, V> Truthy for Dict<K, V> {
    fn truthy(&self) -> bool {
        !self.is_empty()
    }
}

impl<K: PyStr + Clone, V: PyStr + Clone> PyStr for Dict<K, V> {
    fn py_str(&self) -> String {
        self.py_repr()
    }
    /// `{'a': 1}`; a dict inside itself prints as `{...}`. Entries are
    /// cloned one at a time (by position, as CPython walks them), so an
    /// item's repr may do anything.
    fn py_repr(&self) -> String {
        if self.is_empty() {
            return String::from("{}");
        }
        repr_guard(Rc::as_ptr(&self.0) as *const (), "{...}", || {
            let mut out = String::from("{");
            let mut pos = 0;
            loop {
                let next = self.0.borrow().next_live(pos).map(|(p, e)| (p, e.clone()));
                let Some((p, (k, v))) = next else { break };
                if pos > 0 {
                    out.push_str(", ");
                }
                pos = p + 1;
                out.push_str(&k.py_repr());
                out.push_str(": ");
                out.push_str(&v.py_repr());
            }
            out.push('}');
            out
        })
    }
}

impl<K: fmt::Debug, V: fmt::Debug> fmt::Debug for Dict<K, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let t = self.0.borrow();
        f.debug_map()
            .entries(t.live().map(|(k, v)| (k, v)))
            .finish()
    }
}

impl<K: candid::CandidType, V: candid::CandidType> candid::CandidType for Dict<K, V> {
    /// Candid has no map type: a dict encodes as `vec record { K; V }` in
    /// insertion order, as the candid crate encodes a `HashMap`.
    fn _ty() -> candid::types::Type {
        <Vec<(K, V)> as candid::CandidType>::_ty()
    }
    fn idl_serialize<S>(&self, serializer: S) -> Result<(), S::Error>
    where
        S: candid::types::Serializer,
    {
        let table = self.0.borrow();
        let pairs: Vec<(&K, &V)> = table.live().map(|(k, v)| (k, v)).collect();
        candid::CandidType::idl_serialize(&pairs, serializer)
    }
}

impl<'de, K, V> serde::Deserialize<'de> for Dict<K, V>
where
    K: serde::Deserialize<'de> + Hash + Eq + Clone,
    V: serde::Deserialize<'de> + Clone,
{
    /// A decoded `vec record { K; V }` becomes a new dict (later pairs win).
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let pairs = <Vec<(K, V)> as serde::Deserialize>::deserialize(deserializer)?;
        let d = Dict::new();
        d.update_pairs(pairs);
        Ok(d)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cpython_sizes() {
        assert_eq!(log2_size_for(0), 3);
        assert_eq!(log2_size_for(15), 4);
        assert_eq!(log2_size_for(30), 5);
        // 3.11's formula rounds an exact power of two >= 16 up.
        assert_eq!(log2_size_for(32), 6);
        assert_eq!(usable_fraction(3), 5);
        assert_eq!(usable_fraction(0), 0);
        assert_eq!(log2_size_holding(6), 4);
    }
}
