//! Python built-in functions: over sequences (`sorted`, `min`, `max`) and
//! over numbers and characters (`hex`, `oct`, `bin`, `ord`, `chr`,
//! `round`, three-argument `pow`, `hash` of an int).

use crate::exception::Exception;
use crate::int::Int;
use crate::ord::{keyed_order, permute, stable_order, PyOrd};
use num_bigint::BigInt;
use num_traits::{Signed, Zero};

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
    items: Vec<T>,
    key: impl FnMut(&T) -> K,
    reverse: bool,
) -> Vec<T> {
    let keys: Vec<K> = items.iter().map(key).collect();
    let order = keyed_order(keys, reverse);
    permute(items, &order)
}

/// `min(items)`: the first smallest item; `ValueError` when empty.
pub fn min<T: PyOrd>(items: impl IntoIterator<Item = T>) -> Result<T, Exception> {
    extreme(items, "min", |item, best| item.py_lt(best))
}

/// `max(items)`: the first largest item; `ValueError` when empty.
pub fn max<T: PyOrd>(items: impl IntoIterator<Item = T>) -> Result<T, Exception> {
    extreme(items, "max", |item, best| best.py_lt(item))
}

/// `min(items, key=key)`: the first item with the smallest key (each key
/// computed once); `ValueError` when empty.
pub fn min_by_key<T, K: PyOrd>(
    items: impl IntoIterator<Item = T>,
    key: impl FnMut(&T) -> K,
) -> Result<T, Exception> {
    extreme_by_key(items, key, "min", |k, best| k.py_lt(best))
}

/// `max(items, key=key)`: the first item with the largest key (each key
/// computed once); `ValueError` when empty.
pub fn max_by_key<T, K: PyOrd>(
    items: impl IntoIterator<Item = T>,
    key: impl FnMut(&T) -> K,
) -> Result<T, Exception> {
    extreme_by_key(items, key, "max", |k, best| best.py_lt(k))
}

fn extreme_by_key<T, K>(
    items: impl IntoIterator<Item = T>,
    mut key: impl FnMut(&T) -> K,
    name: &str,
    better: impl Fn(&K, &K) -> bool,
) -> Result<T, Exception> {
    let keyed = items.into_iter().map(|item| {
        let k = key(&item);
        (k, item)
    });
    extreme(keyed, name, |(k, _), (best, _)| better(k, best)).map(|(_, item)| item)
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

fn radix(i: &Int, prefix: &str, base: u32) -> String {
    let v = i.to_bigint();
    let digits = v.abs().to_str_radix(base);
    let sign = if v.is_negative() { "-" } else { "" };
    format!("{sign}{prefix}{digits}")
}

/// `hex(i)`: `'-0xff'` for -255.
pub fn hex(i: &Int) -> String {
    radix(i, "0x", 16)
}

/// `oct(i)`.
pub fn oct(i: &Int) -> String {
    radix(i, "0o", 8)
}

/// `bin(i)`.
pub fn bin(i: &Int) -> String {
    radix(i, "0b", 2)
}

/// `ord(c)`: `TypeError` unless `c` is one character.
pub fn ord(c: &str) -> Result<Int, Exception> {
    let mut chars = c.chars();
    match (chars.next(), chars.next()) {
        (Some(ch), None) => Ok(Int::from(ch as u32)),
        _ => Err(Exception::type_error(format!(
            "ord() expected a character, but string of length {} found",
            c.chars().count()
        ))),
    }
}

/// `chr(i)`: `ValueError` outside `range(0x110000)`. A surrogate code point
/// (which a Rust string cannot hold) is a `ValueError` too, where CPython
/// returns a lone surrogate.
pub fn chr(i: &Int) -> Result<String, Exception> {
    let v = match i.to_i64() {
        Some(v) if i32::try_from(v).is_ok() => v,
        _ => {
            return Err(Exception::overflow(
                "Python int too large to convert to C int",
            ))
        }
    };
    u32::try_from(v)
        .ok()
        .and_then(char::from_u32)
        .map(String::from)
        .ok_or_else(|| Exception::value_error("chr() arg not in range(0x110000)"))
}

/// `round(x)` of a float: the nearest int, ties to even.
pub fn round(x: f64) -> Result<Int, Exception> {
    Int::from_f64(x.round_ties_even())
}

/// `round(x, n)` of a float: correctly rounded to `n` decimal digits
/// (ties to even on the exact binary value), as CPython does.
pub fn round_digits(x: f64, n: &Int) -> f64 {
    if !x.is_finite() || x == 0.0 {
        return x;
    }
    let n = crate::list::slice_arg(n);
    if n > 330 {
        return x;
    }
    if n < -330 {
        return 0.0 * x;
    }
    if n >= 0 {
        // `{:.n$}` rounds the exact binary value, ties to even.
        return format!("{x:.0$}", n as usize).parse().unwrap_or(x);
    }
    // Negative `n`: round the integer digits of the exact value.
    let digits = format!("{:.0}", x.abs().trunc());
    let keep = digits.len() as i64 + n;
    let rounded = if keep < 0 {
        0.0
    } else {
        let keep = keep as usize;
        let (head, tail) = digits.split_at(keep);
        let mut kept: BigInt = if head.is_empty() {
            BigInt::zero()
        } else {
            head.parse().unwrap_or_default()
        };
        let half = format!("5{}", "0".repeat(tail.len().saturating_sub(1)));
        let above = tail > half.as_str() || (tail == half && x.fract() != 0.0);
        let tie = tail == half && x.fract() == 0.0;
        let odd = num_integer::Integer::is_odd(&kept);
        if above || (tie && odd) {
            kept += 1u8;
        }
        format!("{kept}e{}", -n).parse().unwrap_or(f64::INFINITY)
    };
    rounded.copysign(x)
}

/// `round(i, n)` of an int: unchanged for `n >= 0`, else to a multiple of
/// `10 ** -n`, ties to even.
pub fn round_int(i: &Int, n: &Int) -> Int {
    if !n.is_negative() {
        return i.clone();
    }
    let Some(p) = n.to_i64().and_then(|v| u32::try_from(-v).ok()) else {
        return Int::from(0);
    };
    let v = i.to_bigint();
    let m = num_traits::pow(BigInt::from(10u8), p as usize);
    let q = num_integer::Integer::div_floor(&v, &m);
    let r = &v - &q * &m;
    let twice = &r * 2u8;
    let up = twice > m || (twice == m && num_integer::Integer::is_odd(&q));
    let q = if up { q + 1u8 } else { q };
    Int::from(q * m)
}

/// `pow(base, exp, m)`: modular power; a negative `exp` uses the modular
/// inverse of `base`.
pub fn pow_mod(base: &Int, exp: &Int, m: &Int) -> Result<Int, Exception> {
    let m = m.to_bigint();
    if m.is_zero() {
        return Err(Exception::value_error("pow() 3rd argument cannot be 0"));
    }
    let mut base = base.to_bigint();
    let mut exp = exp.to_bigint();
    if exp.is_negative() {
        let positive = num_integer::Integer::mod_floor(&base, &m.abs());
        base = positive.modinv(&m.abs()).ok_or_else(|| {
            Exception::value_error("base is not invertible for the given modulus")
        })?;
        exp = -exp;
    }
    let r = base.modpow(&exp, &m.abs());
    // Python's `%`: the result takes the modulus's sign.
    let r = if m.is_negative() && !r.is_zero() {
        r + &m
    } else {
        r
    };
    Ok(Int::from(r))
}

/// `hash(i)` of an int: `i` modulo the Mersenne prime 2**61 - 1 with the
/// sign of `i`, and -2 for -1 (CPython's `hash` of ints, on 64-bit builds).
pub fn hash_int(i: &Int) -> Int {
    let p = BigInt::from((1u64 << 61) - 1);
    let v = i.to_bigint();
    let h = num_integer::Integer::mod_floor(&v.abs(), &p);
    let h = if v.is_negative() { -h } else { h };
    if h == BigInt::from(-1) {
        Int::from(-2)
    } else {
        Int::from(h)
    }
}

/// `round(x)` of an int or a float decided at run time.
pub fn round_num(x: &crate::Num) -> Result<Int, Exception> {
    match x {
        crate::Num::Int(i) => Ok(i.clone()),
        crate::Num::Float(f) => round(*f),
    }
}

/// `round(x, n)` of an int or a float decided at run time: an int stays
/// an int, a float a float.
pub fn round_num_digits(x: &crate::Num, n: &Int) -> crate::Num {
    match x {
        crate::Num::Int(i) => crate::Num::Int(round_int(i, n)),
        crate::Num::Float(f) => crate::Num::Float(round_digits(*f, n)),
    }
}

/// `exc.args`.
pub fn exc_args(exc: crate::Exception) -> crate::Args {
    exc.args()
}

/// `type(exc).__name__`.
pub fn exc_name(exc: crate::Exception) -> String {
    exc.kind.to_string()
}

/// `len(exc.args)`.
pub fn args_len(args: crate::Args) -> Int {
    Int::from(args.len() as i64)
}
