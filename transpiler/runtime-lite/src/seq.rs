//! [`PySeq`]: what Python code reads from a list, whichever representation
//! the compiler chose for it: a plain `Vec` (a list type no code mutates)
//! or a shared [`List`].

use crate::exception::Exception;
use crate::int::Int;
use crate::list::{index_arg, List};
use crate::pystr::PyStr;

#[cold]
fn out_of_range() -> Exception {
    Exception::new("IndexError", "list index out of range")
}

/// Reading a Python list.
pub trait PySeq<T> {
    /// `self[i]`: negative `i` counts from the end; `IndexError` outside.
    fn py_get(&self, i: &Int) -> Result<T, Exception>;
    /// `x in self`.
    fn py_contains(&self, x: &T) -> bool;
    /// `self.count(x)`.
    fn py_count(&self, x: &T) -> usize;
}

/// `list.index(x)`, whose error names the item (`ValueError: 5 is not in
/// list`).
pub trait PyIndex<T> {
    fn py_index(&self, x: &T) -> Result<usize, Exception>;
}

impl<T: PartialEq + PyStr> PyIndex<T> for Vec<T> {
    fn py_index(&self, x: &T) -> Result<usize, Exception> {
        self.iter()
            .position(|y| y == x)
            .ok_or_else(|| Exception::value_error(format!("{} is not in list", x.py_repr())))
    }
}

impl<T: Clone + PartialEq + PyStr> PyIndex<T> for List<T> {
    fn py_index(&self, x: &T) -> Result<usize, Exception> {
        self.index(x)
    }
}

fn position(i: &Int, len: usize) -> Result<usize, Exception> {
    let i = index_arg(i)?;
    let len = len as i64;
    let i = if i < 0 { i + len } else { i };
    if (0..len).contains(&i) {
        Ok(i as usize)
    } else {
        Err(out_of_range())
    }
}

impl<T: Clone + PartialEq> PySeq<T> for Vec<T> {
    fn py_get(&self, i: &Int) -> Result<T, Exception> {
        position(i, self.len()).map(|i| self[i].clone())
    }

    fn py_contains(&self, x: &T) -> bool {
        self.contains(x)
    }

    fn py_count(&self, x: &T) -> usize {
        self.iter().filter(|y| *y == x).count()
    }
}

impl<T: Clone + PartialEq> PySeq<T> for List<T> {
    fn py_get(&self, i: &Int) -> Result<T, Exception> {
        self.get(index_arg(i)?)
    }

    fn py_contains(&self, x: &T) -> bool {
        self.contains(x)
    }

    fn py_count(&self, x: &T) -> usize {
        self.count(x)
    }
}

/// `range(start, stop, step)` as an iterator of Python ints (`step` is
/// never zero: the compiler checks it is a non-zero literal).
/// `list(range(start, stop, step))` with a step known only at run time
/// (`ValueError` for a zero step, as Python's `range` raises).
pub fn range_step(start: &Int, stop: &Int, step: &Int) -> Result<Vec<Int>, Exception> {
    let zero = Int::from(0);
    if *step == zero {
        return Err(Exception::value_error("range() arg 3 must not be zero"));
    }
    let up = *step > zero;
    let mut out = Vec::new();
    let mut next = start.clone();
    while if up { next < *stop } else { next > *stop } {
        out.push(next.clone());
        next = &next + step;
    }
    Ok(out)
}

pub fn range_iter(start: &Int, stop: &Int, step: i64) -> impl Iterator<Item = Int> {
    let step_int = Int::from(step);
    let stop = stop.clone();
    let mut next = start.clone();
    std::iter::from_fn(move || {
        let more = if step > 0 { next < stop } else { next > stop };
        if !more {
            return None;
        }
        let out = next.clone();
        next = &next + &step_int;
        Some(out)
    })
}
