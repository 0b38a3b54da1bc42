//! Python built-in functions over sequences: `sorted`, `min`, `max`.

use crate::exception::Exception;
use crate::ord::{permute, stable_order, PyOrd};

/// `sorted(items)`: a stable sort on Python's `<`.
pub fn sorted<T: PyOrd>(items: Vec<T>) -> Vec<T> {
    sorted_with(items, false)
}

/// `sorted(items, reverse=reverse)`: stable in both directions (equal
/// items keep their order when reversed too, as in Python).
pub fn sorted_with<T: PyOrd>(items: Vec<T>, reverse: bool) -> Vec<T> {
    let order = if reverse {
        stable_order(&items, |a, b| b.py_lt(a))
    } else {
        stable_order(&items, |a, b| a.py_lt(b))
    };
    permute(items, &order)
}

/// `sorted(items, key=key, reverse=reverse)`: items ordered by their keys,
/// stable (for `reverse`, CPython reverses, sorts stably and reverses
/// back, so equal keys keep their order).
pub fn sorted_by_key<T, K: PyOrd>(
    mut items: Vec<T>,
    key: impl FnMut(&T) -> K,
    reverse: bool,
) -> Vec<T> {
    if reverse {
        items.reverse();
    }
    let keys: Vec<K> = items.iter().map(key).collect();
    let order = stable_order(&keys, K::py_lt);
    let mut out = permute(items, &order);
    if reverse {
        out.reverse();
    }
    out
}

/// `min(items)`: the first smallest item; `ValueError` when empty.
pub fn min<T: PyOrd>(items: impl IntoIterator<Item = T>) -> Result<T, Exception> {
    extreme(items, "min", |item, best| item.py_lt(best))
}

/// `max(items)`: the first largest item; `ValueError` when empty.
pub fn max<T: PyOrd>(items: impl IntoIterator<Item = T>) -> Result<T, Exception> {
    extreme(items, "max", |item, best| best.py_lt(item))
}

fn extreme<T>(
    items: impl IntoIterator<Item = T>,
    name: &str,
    better: impl Fn(&T, &T) -> bool,
) -> Result<T, Exception> {
    let mut items = items.into_iter();
    let Some(mut best) = items.next() else {
        return Err(Exception::value_error(format!(
            "{name}() arg is an empty sequence"
        )));
    };
    for item in items {
        if better(&item, &best) {
            best = item;
        }
    }
    Ok(best)
}
