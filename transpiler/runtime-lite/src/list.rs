//! Python `list`: a shared, mutable handle ([`List`]), and the conversions
//! of `int` arguments to indices.
//!
//! # Borrow discipline
//!
//! Every method borrows the storage for one operation and releases it
//! before returning; no borrow is ever held while code outside this module
//! runs, except the element type's own `Clone`, `PartialEq`, `PyOrd`,
//! Candid/serde impls and `Drop` (dropping a handle only decrements a
//! count), none of which touch a container mutably. So user code
//! may freely read and mutate any list at any point without a `RefCell`
//! panic. Sorting with a key function takes the items out of the list while
//! the keys are computed (the list looks empty, as in CPython).
//!
//! # Iteration
//!
//! CPython's list iterator holds an index and reads `list[i]` afresh on
//! every step, so a loop sees items appended by its body and stops early
//! when items are removed. Generated `for x in xs:` loops do the same with
//! [`List::iter`] (or [`List::get_opt`] and a counter), which clone one item
//! per step and hold no borrow between steps.

use core::fmt;
use std::cell::RefCell;
use std::rc::Rc;

use crate::exception::Exception;
use crate::guard::repr_guard;
use crate::int::Int;
use crate::ord::{keyed_order, permute, seq_cmp, stable_order, PyOrd};
use crate::pystr::PyStr;
use crate::truthy::Truthy;

/// A Python `list[T]`: `Clone` copies the handle, so `a = b` aliases and
/// `a.append(x)` is seen through `b`. Use [`List::copy`] for `b.copy()` /
/// `b[:]`.
pub struct List<T>(Rc<RefCell<Vec<T>>>);

#[cold]
fn index_error(message: &str) -> Exception {
    Exception::new("IndexError", message)
}

#[cold]
fn index_overflow() -> Exception {
    Exception::overflow("cannot fit 'int' into an index-sized integer")
}

/// An `int` used as a subscript (`a[i]`, `a[i] = v`, `del a[i]`): an
/// `IndexError` when it does not fit an index, as in CPython.
pub fn index_arg(i: &Int) -> Result<i64, Exception> {
    i.to_i64()
        .ok_or_else(|| index_error("cannot fit 'int' into an index-sized integer"))
}

/// An `int` argument of `list.pop` or `list.insert`: an `OverflowError`
/// when it does not fit an index, as in CPython.
pub fn ssize_arg(i: &Int) -> Result<i64, Exception> {
    i.to_i64()
        .ok_or_else(|| Exception::overflow("Python int too large to convert to C ssize_t"))
}

/// An `int` slice bound (or `list.index` start/stop): clamped, as Python
/// clamps huge bounds.
pub fn slice_arg(i: &Int) -> i64 {
    match i.to_i64() {
        Some(v) => v,
        None if i.is_negative() => i64::MIN,
        None => i64::MAX,
    }
}

/// Python's `slice(start, stop, step).indices(len)`: the first index, the
/// step and the number of items selected.
fn slice_indices(
    len: usize,
    start: Option<i64>,
    stop: Option<i64>,
    step: Option<i64>,
) -> Result<(i64, i64, usize), Exception> {
    let step = step.unwrap_or(1);
    if step == 0 {
        return Err(Exception::value_error("slice step cannot be zero"));
    }
    // CPython clamps the step so that `-step` cannot overflow.
    let step = step.max(-i64::MAX);
    let len = len as i64;
    let adjust = |bound: Option<i64>, default: i64| {
        let v = bound.unwrap_or(default);
        if v < 0 {
            let v = v + len;
            if v < 0 {
                if step < 0 {
                    -1
                } else {
                    0
                }
            } else {
                v
            }
        } else if v >= len {
            if step < 0 {
                len - 1
            } else {
                len
            }
        } else {
            v
        }
    };
    let (start_default, stop_default) = if step < 0 {
        (i64::MAX, i64::MIN)
    } else {
        (0, i64::MAX)
    };
    let start = adjust(start, start_default);
    let stop = adjust(stop, stop_default);
    let count = if step < 0 {
        if stop < start {
            (start - stop - 1) / (-step) + 1
        } else {
            0
        }
    } else if start < stop {
        (stop - start - 1) / step + 1
    } else {
        0
    };
    Ok((start, step, count as usize))
}

/// `v[start:stop:step]` of any sequence held in a slice: a new `Vec`.
pub fn slice_of<T: Clone>(
    v: &[T],
    start: Option<i64>,
    stop: Option<i64>,
    step: Option<i64>,
) -> Result<Vec<T>, Exception> {
    let (first, step, count) = slice_indices(v.len(), start, stop, step)?;
    Ok(if step == 1 {
        v[first as usize..first as usize + count].to_vec()
    } else {
        slice_positions(first, step, count)
            .map(|p| v[p].clone())
            .collect()
    })
}

/// The positions a slice selects (`count` of them, from `start` by `step`).
fn slice_positions(start: i64, step: i64, count: usize) -> impl Iterator<Item = usize> {
    (0..count as i64).map(move |k| (start + k * step) as usize)
}

/// Python's `i` (or `i + len` when negative) if it is a valid index.
fn resolve(i: i64, len: usize) -> Option<usize> {
    let i = if i < 0 { i + len as i64 } else { i };
    (0 <= i && i < len as i64).then_some(i as usize)
}

impl<T> List<T> {
    /// `[]`.
    pub fn new() -> Self {
        List(Rc::new(RefCell::new(Vec::new())))
    }

    /// A new list holding `items` (a literal, a decoded Candid `vec`).
    pub fn from_vec(items: Vec<T>) -> Self {
        List(Rc::new(RefCell::new(items)))
    }

    /// `len(self)`.
    pub fn len(&self) -> usize {
        self.0.borrow().len()
    }

    /// `not self`.
    pub fn is_empty(&self) -> bool {
        self.0.borrow().is_empty()
    }

    /// Python `self is other`.
    pub fn ptr_eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }

    /// `self.append(item)`.
    pub fn append(&self, item: T) {
        self.0.borrow_mut().push(item);
    }

    /// `self.extend(items)` / `self += items`. The items are collected
    /// before the list is touched, so `a.extend(&a)` doubles `a` as in
    /// Python.
    pub fn extend(&self, items: impl IntoIterator<Item = T>) {
        let items: Vec<T> = items.into_iter().collect();
        self.0.borrow_mut().extend(items);
    }

    /// `self.insert(i, item)`: a negative `i` counts from the end, and out
    /// of range positions are clamped to the ends.
    pub fn insert(&self, i: i64, item: T) {
        let mut v = self.0.borrow_mut();
        let len = v.len() as i64;
        let i = if i < 0 { (i + len).max(0) } else { i.min(len) };
        v.insert(i as usize, item);
    }

    /// `self.pop()` (`None`) or `self.pop(i)`.
    pub fn pop(&self, i: Option<i64>) -> Result<T, Exception> {
        let mut v = self.0.borrow_mut();
        if v.is_empty() {
            return Err(index_error("pop from empty list"));
        }
        match resolve(i.unwrap_or(-1), v.len()) {
            Some(i) => Ok(v.remove(i)),
            None => Err(index_error("pop index out of range")),
        }
    }

    /// `del self[i]`.
    pub fn del(&self, i: i64) -> Result<(), Exception> {
        let mut v = self.0.borrow_mut();
        match resolve(i, v.len()) {
            Some(i) => {
                v.remove(i);
                Ok(())
            }
            None => Err(index_error("list assignment index out of range")),
        }
    }

    /// `self[i] = item`.
    pub fn set(&self, i: i64, item: T) -> Result<(), Exception> {
        let mut v = self.0.borrow_mut();
        match resolve(i, v.len()) {
            Some(i) => {
                v[i] = item;
                Ok(())
            }
            None => Err(index_error("list assignment index out of range")),
        }
    }

    /// `self.reverse()`.
    pub fn reverse(&self) {
        self.0.borrow_mut().reverse();
    }

    /// `self.clear()` (frees the storage, as CPython does).
    pub fn clear(&self) {
        let old = std::mem::take(&mut *self.0.borrow_mut());
        drop(old);
    }

    /// `del self[start:stop:step]`.
    pub fn del_slice(
        &self,
        start: Option<i64>,
        stop: Option<i64>,
        step: Option<i64>,
    ) -> Result<(), Exception> {
        let mut v = self.0.borrow_mut();
        let (first, step, count) = slice_indices(v.len(), start, stop, step)?;
        if step == 1 {
            v.drain(first as usize..first as usize + count);
        } else if count > 0 {
            let mut doomed = vec![false; v.len()];
            for p in slice_positions(first, step, count) {
                doomed[p] = true;
            }
            let mut k = 0;
            v.retain(|_| {
                k += 1;
                !doomed[k - 1]
            });
        }
        Ok(())
    }

    /// `self[start:stop:step] = items`. With a step other than 1 the sizes
    /// must match (`ValueError` otherwise); with step 1 the range is
    /// replaced. Pass a snapshot (`a.to_vec()`) for `a[i:j] = a`.
    pub fn set_slice(
        &self,
        start: Option<i64>,
        stop: Option<i64>,
        step: Option<i64>,
        items: Vec<T>,
    ) -> Result<(), Exception> {
        let mut v = self.0.borrow_mut();
        let (first, step, count) = slice_indices(v.len(), start, stop, step)?;
        if step == 1 {
            let first = first as usize;
            v.splice(first..first + count, items);
        } else if items.len() != count {
            return Err(Exception::value_error(format!(
                "attempt to assign sequence of size {} to extended slice of size {count}",
                items.len()
            )));
        } else {
            for (p, item) in slice_positions(first, step, count).zip(items) {
                v[p] = item;
            }
        }
        Ok(())
    }

    /// The items in order, one per step, reading the list afresh each time
    /// (Python's list iterator).
    pub fn iter(&self) -> ListIter<T> {
        ListIter {
            list: self.clone(),
            next: 0,
        }
    }
}

impl<T: Clone> List<T> {
    /// `self[i]` (negative `i` counts from the end).
    pub fn get(&self, i: i64) -> Result<T, Exception> {
        let v = self.0.borrow();
        match resolve(i, v.len()) {
            Some(i) => Ok(v[i].clone()),
            None => Err(index_error("list index out of range")),
        }
    }

    /// The item at position `i` if there is one: the step of a `for` loop,
    /// which CPython runs as `while i < len(xs): x = xs[i]; i += 1`.
    pub fn get_opt(&self, i: usize) -> Option<T> {
        self.0.borrow().get(i).cloned()
    }

    /// A snapshot of the items (Candid encoding, `list(xs)` into a plain
    /// `Vec`, `a[i:j] = a`).
    pub fn to_vec(&self) -> Vec<T> {
        self.0.borrow().clone()
    }

    /// `self.copy()` / `self[:]`: a new list of the same items.
    pub fn copy(&self) -> Self {
        List::from_vec(self.to_vec())
    }

    /// `self[start:stop:step]`, a new list; `None` is an omitted bound.
    pub fn slice(
        &self,
        start: Option<i64>,
        stop: Option<i64>,
        step: Option<i64>,
    ) -> Result<Self, Exception> {
        let v = self.0.borrow();
        let (first, step, count) = slice_indices(v.len(), start, stop, step)?;
        let items = if step == 1 {
            v[first as usize..first as usize + count].to_vec()
        } else {
            slice_positions(first, step, count)
                .map(|p| v[p].clone())
                .collect()
        };
        Ok(List::from_vec(items))
    }

    /// `self + other`, a new list.
    pub fn concat(&self, other: &List<T>) -> Self {
        let mut items = self.to_vec();
        items.extend_from_slice(&other.0.borrow());
        List::from_vec(items)
    }

    /// `self * n`, a new list (empty for `n <= 0`).
    pub fn repeat(&self, n: &Int) -> Result<Self, Exception> {
        let n = n.to_i64().ok_or_else(index_overflow)?;
        Ok(List::from_vec(repeated(&self.0.borrow(), n)?))
    }

    /// `self *= n`.
    pub fn repeat_in_place(&self, n: &Int) -> Result<(), Exception> {
        let n = n.to_i64().ok_or_else(index_overflow)?;
        let items = repeated(&self.0.borrow(), n)?;
        let old = std::mem::replace(&mut *self.0.borrow_mut(), items);
        drop(old);
        Ok(())
    }

    /// `self.sort()` (Python's `<` order, stable).
    pub fn sort(&self)
    where
        T: PyOrd,
    {
        self.sort_with(false);
    }

    /// `self.sort(reverse=reverse)`: stable in both directions, as in
    /// Python (equal items keep their order when reversed too).
    pub fn sort_with(&self, reverse: bool)
    where
        T: PyOrd,
    {
        // Nothing but `py_lt` runs while the items are out of the list, so
        // nobody can observe the list being empty.
        let mut items = std::mem::take(&mut *self.0.borrow_mut());
        if reverse {
            items.reverse();
        }
        let order = stable_order(&items, T::py_lt);
        let mut items = permute(items, &order);
        if reverse {
            items.reverse();
        }
        *self.0.borrow_mut() = items;
    }

    /// `self.sort(key=key, reverse=reverse)`. While `key` runs the list is
    /// empty; if `key` raises, the list is restored and the exception
    /// returned; if `key` mutated the list, it ends sorted anyway and
    /// `ValueError: list modified during sort` is returned, as in CPython.
    pub fn sort_by_key<K: PyOrd>(
        &self,
        mut key: impl FnMut(&T) -> Result<K, Exception>,
        reverse: bool,
    ) -> Result<(), Exception> {
        let items = std::mem::take(&mut *self.0.borrow_mut());
        let keys: Result<Vec<K>, Exception> = items.iter().map(&mut key).collect();
        let (items, error) = match keys {
            Ok(keys) => (permute(items, &keyed_order(keys, reverse)), None),
            Err(e) => (items, Some(e)),
        };
        // A list that was empty and untouched still has no allocation.
        let old = std::mem::replace(&mut *self.0.borrow_mut(), items);
        if let Some(e) = error {
            drop(old);
            return Err(e);
        }
        let modified = old.capacity() != 0;
        drop(old);
        if modified {
            return Err(Exception::value_error("list modified during sort"));
        }
        Ok(())
    }
}

/// `xs * n` for a list given by its items: a new `Vec` (empty for
/// `n <= 0`).
pub fn repeat<T: Clone>(items: impl Iterator<Item = T>, n: &Int) -> Result<Vec<T>, Exception> {
    let n = n.to_i64().ok_or_else(index_overflow)?;
    repeated(&items.collect::<Vec<T>>(), n)
}

/// `a, b = xs`: exactly `N` items, or CPython's `ValueError`.
pub fn unpack<T, const N: usize>(items: impl Iterator<Item = T>) -> Result<[T; N], Exception> {
    let items: Vec<T> = items.collect();
    let got = items.len();
    <[T; N]>::try_from(items).map_err(|_| {
        if got > N {
            Exception::value_error(format!("too many values to unpack (expected {N})"))
        } else {
            Exception::value_error(format!(
                "not enough values to unpack (expected {N}, got {got})"
            ))
        }
    })
}

/// The parts of `a, *rest, b = xs`: the `A` first items, the rest, the
/// `B` last items.
pub type Starred<T, const A: usize, const B: usize> = ([T; A], Vec<T>, [T; B]);

/// `a, *rest, b = xs`: `A` items, the rest in a `Vec`, then `B` items.
pub fn unpack_star<T, const A: usize, const B: usize>(
    items: impl Iterator<Item = T>,
) -> Result<Starred<T, A, B>, Exception> {
    let mut head: Vec<T> = items.collect();
    let got = head.len();
    let not_enough = || {
        Exception::value_error(format!(
            "not enough values to unpack (expected at least {}, got {got})",
            A + B
        ))
    };
    if got < A + B {
        return Err(not_enough());
    }
    let tail = head.split_off(got - B);
    let rest = head.split_off(A);
    let head = <[T; A]>::try_from(head).map_err(|_| not_enough())?;
    let tail = <[T; B]>::try_from(tail).map_err(|_| not_enough())?;
    Ok((head, rest, tail))
}

/// `items * n`, refusing sizes that cannot be allocated with `MemoryError`.
fn repeated<T: Clone>(items: &[T], n: i64) -> Result<Vec<T>, Exception> {
    if n <= 0 || items.is_empty() {
        return Ok(Vec::new());
    }
    let total = usize::try_from(n)
        .ok()
        .and_then(|n| n.checked_mul(items.len()))
        .filter(|&t| t <= isize::MAX as usize / core::mem::size_of::<T>().max(1))
        .ok_or_else(|| Exception::memory_error(""))?;
    let mut out = Vec::new();
    out.try_reserve_exact(total)
        .map_err(|_| Exception::memory_error(""))?;
    for _ in 0..n {
        out.extend_from_slice(items);
    }
    Ok(out)
}

impl<T: PartialEq> List<T> {
    /// `item in self`.
    pub fn contains(&self, item: &T) -> bool {
        self.0.borrow().contains(item)
    }

    /// `self.count(item)`.
    pub fn count(&self, item: &T) -> usize {
        self.0.borrow().iter().filter(|x| *x == item).count()
    }

    /// `self.remove(item)`: removes the first equal item.
    pub fn remove(&self, item: &T) -> Result<(), Exception> {
        let found = self.0.borrow().iter().position(|x| x == item);
        match found {
            Some(i) => {
                self.0.borrow_mut().remove(i);
                Ok(())
            }
            None => Err(Exception::value_error("list.remove(x): x not in list")),
        }
    }

    /// `self.index(item)`.
    pub fn index(&self, item: &T) -> Result<usize, Exception>
    where
        T: PyStr,
    {
        self.index_in(item, 0, i64::MAX)
    }

    /// `self.index(item, start, stop)` (bounds as Python adjusts them: a
    /// negative bound counts from the end; see [`slice_arg`]).
    pub fn index_in(&self, item: &T, start: i64, stop: i64) -> Result<usize, Exception>
    where
        T: PyStr,
    {
        let v = self.0.borrow();
        let len = v.len() as i64;
        let bound = |b: i64| if b < 0 { (b + len).max(0) } else { b.min(len) };
        let (start, stop) = (bound(start), bound(stop));
        if start < stop {
            let range = start as usize..stop as usize;
            if let Some(p) = v[range].iter().position(|x| x == item) {
                return Ok(start as usize + p);
            }
        }
        Err(Exception::value_error(format!(
            "{} is not in list",
            item.py_repr()
        )))
    }
}

/// Python's list iterator: reads position `next` afresh on every step, so
/// it sees appends made by the loop body and never holds a borrow.
pub struct ListIter<T> {
    list: List<T>,
    next: usize,
}

impl<T: Clone> Iterator for ListIter<T> {
    type Item = T;
    fn next(&mut self) -> Option<T> {
        let item = self.list.get_opt(self.next)?;
        self.next += 1;
        Some(item)
    }
}

impl<T: Clone> IntoIterator for &List<T> {
    type Item = T;
    type IntoIter = ListIter<T>;
    fn into_iter(self) -> ListIter<T> {
        self.iter()
    }
}

impl<T> Clone for List<T> {
    /// Another handle to the same list (Python assignment).
    fn clone(&self) -> Self {
        List(Rc::clone(&self.0))
    }
}

impl<T> Default for List<T> {
    fn default() -> Self {
        List::new()
    }
}

impl<T> From<Vec<T>> for List<T> {
    fn from(items: Vec<T>) -> Self {
        List::from_vec(items)
    }
}

impl<T> FromIterator<T> for List<T> {
    fn from_iter<I: IntoIterator<Item = T>>(items: I) -> Self {
        List::from_vec(items.into_iter().collect())
    }
}

impl<T: PartialEq> PartialEq for List<T> {
    /// Python `==`: the same list, or equal items pairwise.
    fn eq(&self, other: &Self) -> bool {
        self.ptr_eq(other) || *self.0.borrow() == *other.0.borrow()
    }
}

impl<T: Eq> Eq for List<T> {}

impl<T: PyOrd> PyOrd for List<T> {
    fn py_lt(&self, other: &Self) -> bool {
        seq_cmp(&self.0.borrow(), &other.0.borrow(), false)
    }
    fn py_le(&self, other: &Self) -> bool {
        seq_cmp(&self.0.borrow(), &other.0.borrow(), true)
    }
}

impl<T> Truthy for List<T> {
    fn truthy(&self) -> bool {
        !self.is_empty()
    }
}

impl<T: PyStr + Clone> PyStr for List<T> {
    fn py_str(&self) -> String {
        self.py_repr()
    }
    /// `[1, 'a']`; a list inside itself prints as `[...]`. Items are
    /// cloned one at a time, so an item's repr may do anything.
    fn py_repr(&self) -> String {
        if self.is_empty() {
            return String::from("[]");
        }
        repr_guard(Rc::as_ptr(&self.0) as *const (), "[...]", || {
            let mut out = String::from("[");
            for (i, item) in self.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(&item.py_repr());
            }
            out.push(']');
            out
        })
    }
}

impl<T: fmt::Debug> fmt::Debug for List<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.0.borrow().iter()).finish()
    }
}

impl<T: candid::CandidType> candid::CandidType for List<T> {
    /// Candid `vec T`: a record field of type `List<T>` derives
    /// `CandidType` like one of type `Vec<T>`.
    fn _ty() -> candid::types::Type {
        <Vec<T> as candid::CandidType>::_ty()
    }
    fn idl_serialize<S>(&self, serializer: S) -> Result<(), S::Error>
    where
        S: candid::types::Serializer,
    {
        candid::CandidType::idl_serialize(self.0.borrow().as_slice(), serializer)
    }
}

impl<T: serde::Serialize> serde::Serialize for List<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serde::Serialize::serialize(self.0.borrow().as_slice(), serializer)
    }
}

impl<'de, T: serde::Deserialize<'de>> serde::Deserialize<'de> for List<T> {
    /// A decoded `vec T` becomes a new list.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        <Vec<T> as serde::Deserialize>::deserialize(deserializer).map(List::from_vec)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slice_indices_match_python() {
        // (len, start, stop, step) -> Python's range(*slice.indices(len)).
        type Case = (
            usize,
            Option<i64>,
            Option<i64>,
            Option<i64>,
            &'static [usize],
        );
        let cases: &[Case] = &[
            (5, None, None, None, &[0, 1, 2, 3, 4]),
            (5, None, None, Some(-1), &[4, 3, 2, 1, 0]),
            (5, Some(-2), None, None, &[3, 4]),
            (5, Some(10), Some(-10), Some(-2), &[4, 2, 0]),
            (5, Some(1), Some(1), None, &[]),
            (5, None, None, Some(i64::MIN), &[4]),
            (0, None, None, Some(-1), &[]),
        ];
        for &(len, a, b, c, want) in cases {
            let (first, step, count) = slice_indices(len, a, b, c).unwrap();
            let got: Vec<usize> = slice_positions(first, step, count).collect();
            assert_eq!(got, want, "{len} {a:?} {b:?} {c:?}");
        }
        assert!(slice_indices(3, None, None, Some(0)).is_err());
    }
}
