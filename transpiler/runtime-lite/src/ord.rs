//! Python's ordering comparisons (`<`, `<=`) as `sort()`, `sorted()`,
//! `min()` and `max()` use them, and the stable sort built on `<` alone.

use crate::int::Int;

/// Python `a < b` and `a <= b` for values of one type (`a > b` is
/// `b.py_lt(a)`, `a >= b` is `b.py_le(a)`).
///
/// Unlike `Ord` this need not be a total order: float comparisons with NaN
/// are false both ways, as in Python, and sorting still never panics.
pub trait PyOrd: PartialEq {
    /// Python `self < other`.
    fn py_lt(&self, other: &Self) -> bool;
    /// Python `self <= other`.
    fn py_le(&self, other: &Self) -> bool {
        self.py_lt(other) || self == other
    }
}

impl<T: PyOrd + ?Sized> PyOrd for &T {
    fn py_lt(&self, other: &Self) -> bool {
        (**self).py_lt(*other)
    }
    fn py_le(&self, other: &Self) -> bool {
        (**self).py_le(*other)
    }
}

macro_rules! native_ord {
    ($($t:ty),*) => {$(
        impl PyOrd for $t {
            #[inline]
            fn py_lt(&self, other: &Self) -> bool {
                self < other
            }
            #[inline]
            fn py_le(&self, other: &Self) -> bool {
                self <= other
            }
        }
    )*};
}
// Strings compare by code point, which is UTF-8 byte order; bytes and bools
// (`False < True`) compare as in Python; floats with NaN are false both ways.
native_ord!(Int, u8, u16, u32, u64, i8, i16, i32, i64, f32, f64, bool, str, String);

/// Lists (and `bytes`, a `Vec<u8>`) compare item by item.
impl<T: PyOrd> PyOrd for Vec<T> {
    fn py_lt(&self, other: &Self) -> bool {
        seq_cmp(self, other, false)
    }
    fn py_le(&self, other: &Self) -> bool {
        seq_cmp(self, other, true)
    }
}

/// Python's sequence comparison: at the first index where the items differ
/// (`!=`) the result is that pair's comparison, else the lengths decide.
pub(crate) fn seq_cmp<T: PyOrd>(a: &[T], b: &[T], le: bool) -> bool {
    match a.iter().zip(b).find(|(x, y)| x != y) {
        Some((x, y)) if le => x.py_le(y),
        Some((x, y)) => x.py_lt(y),
        None if le => a.len() <= b.len(),
        None => a.len() < b.len(),
    }
}

macro_rules! tuple_ord {
    ($(($($name:ident $idx:tt),+))*) => {$(
        impl<$($name: PyOrd),+> PyOrd for ($($name,)+) {
            fn py_lt(&self, other: &Self) -> bool {
                $(if self.$idx != other.$idx {
                    return self.$idx.py_lt(&other.$idx);
                })+
                false
            }
            fn py_le(&self, other: &Self) -> bool {
                $(if self.$idx != other.$idx {
                    return self.$idx.py_le(&other.$idx);
                })+
                true
            }
        }
    )*};
}
tuple_ord! {
    (A 0)
    (A 0, B 1)
    (A 0, B 1, C 2)
    (A 0, B 1, C 2, D 3)
    (A 0, B 1, C 2, D 3, E 4)
    (A 0, B 1, C 2, D 3, E 4, F 5)
}

/// The order in which a stable sort by `lt` puts `keys`: a bottom-up merge
/// sort over indices that asks only `lt(a, b)`, so it cannot panic or loop
/// whatever `lt` answers (std's sorts may panic on an inconsistent order,
/// and NaN makes float order inconsistent).
pub(crate) fn stable_order<K>(keys: &[K], lt: impl Fn(&K, &K) -> bool) -> Vec<usize> {
    let n = keys.len();
    let mut order: Vec<usize> = (0..n).collect();
    let mut buf = order.clone();
    let mut width = 1;
    while width < n {
        let mut start = 0;
        while start < n {
            let mid = n.min(start + width);
            let end = n.min(start + 2 * width);
            let (mut i, mut j) = (start, mid);
            for slot in &mut buf[start..end] {
                // Take from the right run only when strictly smaller: stable.
                let take_left = i < mid && (j >= end || !lt(&keys[order[j]], &keys[order[i]]));
                if take_left {
                    *slot = order[i];
                    i += 1;
                } else {
                    *slot = order[j];
                    j += 1;
                }
            }
            start = end;
        }
        std::mem::swap(&mut order, &mut buf);
        width *= 2;
    }
    order
}

/// The order in which `sort(key=..., reverse=...)` puts items with `keys`
/// (computed in the items' order, as CPython does): for `reverse`, CPython
/// reverses, sorts stably and reverses back, so equal keys keep their
/// order.
pub(crate) fn keyed_order<K: PyOrd>(mut keys: Vec<K>, reverse: bool) -> Vec<usize> {
    if !reverse {
        return stable_order(&keys, K::py_lt);
    }
    keys.reverse();
    let last = keys.len().saturating_sub(1);
    let order = stable_order(&keys, K::py_lt);
    order.into_iter().rev().map(|i| last - i).collect()
}

/// `items` rearranged so that position `k` holds `items[order[k]]`.
pub(crate) fn permute<T>(items: Vec<T>, order: &[usize]) -> Vec<T> {
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order
        .iter()
        .filter_map(|&i| slots.get_mut(i).and_then(Option::take))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stable_order_sorts_stably_and_survives_nan() {
        let keys = [3, 1, 2, 1, 3, 0];
        let order = stable_order(&keys, |a, b| a < b);
        assert_eq!(order, vec![5, 1, 3, 2, 0, 4]);
        let floats = [2.0, f64::NAN, 1.0, f64::NAN, 0.5];
        let order = stable_order(&floats, |a, b| a < b);
        let mut seen = order.clone();
        seen.sort_unstable();
        assert_eq!(seen, vec![0, 1, 2, 3, 4]);
        assert_eq!(
            permute(vec!['a', 'b', 'c'], &[2, 0, 1]),
            vec!['c', 'a', 'b']
        );
    }

    #[test]
    fn keyed_order_reverse_keeps_equal_keys_in_order() {
        let keys = vec![2, 1, 2, 3, 1];
        assert_eq!(keyed_order(keys.clone(), false), vec![1, 4, 0, 2, 3]);
        assert_eq!(keyed_order(keys, true), vec![3, 0, 2, 1, 4]);
        assert_eq!(keyed_order(Vec::<i64>::new(), true), Vec::<usize>::new());
    }

    #[test]
    fn tuple_and_float_order() {
        assert!((1, 2.0).py_lt(&(1, 3.0)));
        assert!(!(1, f64::NAN).py_le(&(1, f64::NAN)));
        assert!((1, 2).py_le(&(1, 2)) && !(1, 2).py_lt(&(1, 2)));
        assert!(String::from("a").py_lt(&String::from("b")));
        assert!(false.py_lt(&true));
    }
}
