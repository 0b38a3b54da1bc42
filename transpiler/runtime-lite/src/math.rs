//! Python's `math` module with Python 3.11's observable behaviour: the
//! same special values, the same `ValueError: math domain error` /
//! `OverflowError: math range error` rules, a correctly rounded `fsum`.
//!
//! Float arguments are any [`Real`]: a float, a bool, an int (converted
//! as `float(i)` does, `OverflowError` when too large) or a run-time
//! number. The elementary functions are the C library's on native targets;
//! on Wasm they are Rust's (`std` and the `libm` crate), which may differ
//! from the platform's C library in the last bit. `gamma`, `lgamma` and
//! `hypot`/`dist` of more than two coordinates are computed here or by the
//! `libm` crate, not by Python's own algorithms, so they too may differ
//! from CPython in the last bits.

use num_bigint::{BigInt, BigUint};
use num_integer::Integer;
use num_traits::{One, ToPrimitive, Zero};

use crate::exception::Exception;
use crate::int::Int;
use crate::num::Num;

/// A value a `math` function takes where CPython takes a float.
pub trait Real {
    /// The value as a float (`OverflowError` for an int too large).
    fn to_float(&self) -> Result<f64, Exception>;
    /// The value when it is an int (or a bool), for the functions that
    /// treat ints exactly (`floor`, `log`).
    fn as_int(&self) -> Option<Int> {
        None
    }
}

impl Real for f64 {
    fn to_float(&self) -> Result<f64, Exception> {
        Ok(*self)
    }
}

impl Real for bool {
    fn to_float(&self) -> Result<f64, Exception> {
        Ok(if *self { 1.0 } else { 0.0 })
    }
    fn as_int(&self) -> Option<Int> {
        Some(Int::from(i64::from(*self)))
    }
}

impl Real for Int {
    fn to_float(&self) -> Result<f64, Exception> {
        self.to_f64()
    }
    fn as_int(&self) -> Option<Int> {
        Some(self.clone())
    }
}

impl Real for Num {
    fn to_float(&self) -> Result<f64, Exception> {
        self.to_f64()
    }
    fn as_int(&self) -> Option<Int> {
        match self {
            Num::Int(i) => Some(i.clone()),
            Num::Float(_) => None,
        }
    }
}

impl<T: Real + ?Sized> Real for &T {
    fn to_float(&self) -> Result<f64, Exception> {
        (**self).to_float()
    }
    fn as_int(&self) -> Option<Int> {
        (**self).as_int()
    }
}

/// `x` as a float argument (`hypot(*coordinates)` converts each in turn).
pub fn float(x: impl Real) -> Result<f64, Exception> {
    x.to_float()
}

fn domain_error() -> Exception {
    Exception::value_error("math domain error")
}

fn range_error() -> Exception {
    Exception::overflow("math range error")
}

/// The elementary functions: the C library's on native targets (the ones
/// CPython calls, so results match it to the last bit), `std`'s (or the
/// `libm` crate's) on Wasm, which has no C library. On glibc they are
/// called by their `f64` names (`cbrtf64`, aliases glibc exports since
/// 2.27): Rust's own `compiler-builtins` defines some of the plain names
/// (`cbrt`) with other results, and the linker may pick those.
mod elem {
    macro_rules! elem {
        ($($c:ident($($a:ident),*) = $std:expr;)*) => {
            #[cfg(not(target_arch = "wasm32"))]
            mod c {
                extern "C" {
                    $(
                        #[cfg_attr(
                            all(target_os = "linux", target_env = "gnu"),
                            link_name = concat!(stringify!($c), "f64")
                        )]
                        pub fn $c($($a: f64),*) -> f64;
                    )*
                }
            }
            $(
                #[cfg(not(target_arch = "wasm32"))]
                pub fn $c($($a: f64),*) -> f64 {
                    // SAFETY: a pure C library function of doubles.
                    unsafe { c::$c($($a),*) }
                }
                #[cfg(target_arch = "wasm32")]
                pub fn $c($($a: f64),*) -> f64 {
                    let f: fn($($a: f64),*) -> f64 = $std;
                    f($($a),*)
                }
            )*
        };
    }
    elem! {
        exp(x) = f64::exp;
        exp2(x) = f64::exp2;
        expm1(x) = f64::exp_m1;
        log(x) = f64::ln;
        log2(x) = f64::log2;
        log10(x) = f64::log10;
        log1p(x) = f64::ln_1p;
        sin(x) = f64::sin;
        cos(x) = f64::cos;
        tan(x) = f64::tan;
        asin(x) = f64::asin;
        acos(x) = f64::acos;
        atan(x) = f64::atan;
        atan2(y, x) = f64::atan2;
        sinh(x) = f64::sinh;
        cosh(x) = f64::cosh;
        tanh(x) = f64::tanh;
        asinh(x) = f64::asinh;
        acosh(x) = f64::acosh;
        atanh(x) = f64::atanh;
        cbrt(x) = f64::cbrt;
        pow(x, y) = f64::powf;
        erf(x) = ::libm::erf;
        erfc(x) = ::libm::erfc;
    }
}

/// A one-argument function's result `f(x)` with Python's error rules: a
/// NaN from a non-NaN is a domain error, an infinity from a finite `x` an
/// overflow (`can_overflow`) or a domain error (a singularity).
fn math_1(x: impl Real, f: fn(f64) -> f64, can_overflow: bool) -> Result<f64, Exception> {
    let x = x.to_float()?;
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain_error());
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow {
            range_error()
        } else {
            domain_error()
        });
    }
    Ok(r)
}

macro_rules! math_1 {
    ($($(#[$doc:meta])* $name:ident = $f:expr, $overflow:expr;)*) => {
        $(
            $(#[$doc])*
            pub fn $name(x: impl Real) -> Result<f64, Exception> {
                math_1(x, $f, $overflow)
            }
        )*
    };
}

math_1! {
    /// `math.sqrt(x)`.
    sqrt = f64::sqrt, false;
    /// `math.exp(x)`.
    exp = elem::exp, true;
    /// `math.exp2(x)`.
    exp2 = elem::exp2, true;
    /// `math.expm1(x)`.
    expm1 = elem::expm1, true;
    /// `math.log1p(x)`.
    log1p = elem::log1p, false;
    /// `math.sin(x)`.
    sin = elem::sin, false;
    /// `math.cos(x)`.
    cos = elem::cos, false;
    /// `math.tan(x)`.
    tan = elem::tan, false;
    /// `math.asin(x)`.
    asin = elem::asin, false;
    /// `math.acos(x)`.
    acos = elem::acos, false;
    /// `math.atan(x)`.
    atan = elem::atan, false;
    /// `math.sinh(x)`.
    sinh = elem::sinh, true;
    /// `math.cosh(x)`.
    cosh = elem::cosh, true;
    /// `math.tanh(x)`.
    tanh = elem::tanh, false;
    /// `math.asinh(x)`.
    asinh = elem::asinh, false;
    /// `math.acosh(x)`.
    acosh = elem::acosh, false;
    /// `math.atanh(x)`.
    atanh = elem::atanh, false;
    /// `math.fabs(x)`.
    fabs = f64::abs, false;
    /// `math.cbrt(x)`.
    cbrt = elem::cbrt, false;
}

/// `math.degrees(x)`.
pub fn degrees(x: impl Real) -> Result<f64, Exception> {
    Ok(x.to_float()? * (180.0 / core::f64::consts::PI))
}

/// `math.radians(x)`.
pub fn radians(x: impl Real) -> Result<f64, Exception> {
    Ok(x.to_float()? * (core::f64::consts::PI / 180.0))
}

/// `math.isfinite(x)`.
pub fn isfinite(x: impl Real) -> Result<bool, Exception> {
    Ok(x.to_float()?.is_finite())
}

/// `math.isnan(x)`.
pub fn isnan(x: impl Real) -> Result<bool, Exception> {
    Ok(x.to_float()?.is_nan())
}

/// `math.isinf(x)`.
pub fn isinf(x: impl Real) -> Result<bool, Exception> {
    Ok(x.to_float()?.is_infinite())
}

/// `math.copysign(x, y)`.
pub fn copysign(x: impl Real, y: impl Real) -> Result<f64, Exception> {
    Ok(x.to_float()?.copysign(y.to_float()?))
}

/// `math.atan2(y, x)`: C99's `atan2`, special values included (it
/// raises nothing).
pub fn atan2(y: impl Real, x: impl Real) -> Result<f64, Exception> {
    let (y, x) = (y.to_float()?, x.to_float()?);
    Ok(elem::atan2(y, x))
}

/// `math.fmod(x, y)`: the C remainder, with the sign of `x`.
pub fn fmod(x: impl Real, y: impl Real) -> Result<f64, Exception> {
    let (x, y) = (x.to_float()?, y.to_float()?);
    if y.is_infinite() && x.is_finite() {
        return Ok(x);
    }
    let r = x % y;
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error());
    }
    Ok(r)
}

/// `math.pow(x, y)`: C99's `pow`, special values included, except that
/// for finite arguments a NaN result (a negative base to a non-integral
/// power) is a domain error and an infinite one an overflow, or a domain
/// error for a zero base (a negative power of zero).
pub fn pow(x: impl Real, y: impl Real) -> Result<f64, Exception> {
    let (x, y) = (x.to_float()?, y.to_float()?);
    let r = elem::pow(x, y);
    if !(x.is_finite() && y.is_finite()) {
        return Ok(r);
    }
    if r.is_nan() {
        Err(domain_error())
    } else if r.is_infinite() {
        Err(if x == 0.0 {
            domain_error()
        } else {
            range_error()
        })
    } else {
        Ok(r)
    }
}

/// `frexp` of a positive int too large for a float: `(m, e)` with `m` in
/// `[0.5, 1)` correctly rounded and `i ~= m * 2**e`.
fn frexp_big(i: &BigUint) -> (f64, u64) {
    let bits = i.bits();
    let shift = bits.saturating_sub(64);
    let top = (i >> shift).to_u64().unwrap_or(u64::MAX);
    // A sticky bit for the bits shifted out, so the rounding to 53 bits
    // below is correct.
    let sticky = u64::from(shift > 0 && i.trailing_zeros().unwrap_or(0) < shift);
    let m = (top | sticky) as f64 * pow2(-(bits.min(64) as i64));
    if m == 1.0 {
        (0.5, bits + 1)
    } else {
        (m, bits)
    }
}

/// 2**k as a float, for -1074 <= k <= 1023.
fn pow2(k: i64) -> f64 {
    if k >= -1022 {
        f64::from_bits(((k + 1023) as u64) << 52)
    } else {
        f64::from_bits(1u64 << (k + 1074))
    }
}

/// `f` (a logarithm) of `x` as Python's `log` functions take it: a
/// non-positive argument is a domain error; an int of any size is
/// exact (one too large for a float is `m * 2**e`, so `f(m) + e * f(2)`).
fn loghelper(x: impl Real, f: fn(f64) -> f64) -> Result<f64, Exception> {
    if let Some(i) = x.as_int() {
        if i.is_negative() || i.is_zero() {
            return Err(domain_error());
        }
        return Ok(match i.to_f64() {
            Ok(v) => f(v),
            Err(_) => {
                let (m, e) = frexp_big(i.to_bigint().magnitude());
                f(m) + f(2.0) * e as f64
            }
        });
    }
    let x = x.to_float()?;
    if x.is_finite() {
        if x > 0.0 {
            return Ok(f(x));
        }
        return Err(domain_error());
    }
    if x.is_nan() || x > 0.0 {
        return Ok(x);
    }
    Err(domain_error())
}

/// `math.log(x)`.
pub fn log(x: impl Real) -> Result<f64, Exception> {
    loghelper(x, elem::log)
}

/// `math.log(x, base)`.
pub fn log_base(x: impl Real, base: impl Real) -> Result<f64, Exception> {
    let num = loghelper(x, elem::log)?;
    let den = loghelper(base, elem::log)?;
    crate::float::div(num, den)
}

/// `math.log2(x)`.
pub fn log2(x: impl Real) -> Result<f64, Exception> {
    loghelper(x, elem::log2)
}

/// `math.log10(x)`.
pub fn log10(x: impl Real) -> Result<f64, Exception> {
    loghelper(x, elem::log10)
}

/// `math.floor(x)`: an int (ints are returned as they are).
pub fn floor(x: impl Real) -> Result<Int, Exception> {
    match x.as_int() {
        Some(i) => Ok(i),
        None => Int::from_f64(x.to_float()?.floor()),
    }
}

/// `math.ceil(x)`.
pub fn ceil(x: impl Real) -> Result<Int, Exception> {
    match x.as_int() {
        Some(i) => Ok(i),
        None => Int::from_f64(x.to_float()?.ceil()),
    }
}

/// `math.trunc(x)`.
pub fn trunc(x: impl Real) -> Result<Int, Exception> {
    match x.as_int() {
        Some(i) => Ok(i),
        None => Int::from_f64(x.to_float()?),
    }
}

/// `math.erf(x)`.
pub fn erf(x: impl Real) -> Result<f64, Exception> {
    Ok(elem::erf(x.to_float()?))
}

/// `math.erfc(x)`.
pub fn erfc(x: impl Real) -> Result<f64, Exception> {
    Ok(elem::erfc(x.to_float()?))
}

/// Whether the finite `x` is a whole number.
fn is_integral(x: f64) -> bool {
    x.trunc() == x
}

/// `math.gamma(x)`. Python raises `ValueError` at the poles (zero, the
/// negative integers) and for `-inf`, `OverflowError` when the result is
/// too large, and gives the exact factorial `(x - 1)!` for integral
/// `1 <= x <= 23` (every such factorial is a float exactly); the other
/// values are the `libm` crate's `tgamma`.
pub fn gamma(x: impl Real) -> Result<f64, Exception> {
    let x = x.to_float()?;
    if x.is_nan() || x == f64::INFINITY {
        return Ok(x);
    }
    if x == f64::NEG_INFINITY || x == 0.0 || (x < 0.0 && is_integral(x)) {
        return Err(domain_error());
    }
    if is_integral(x) && x <= 23.0 {
        // Each partial product is below 2**53 times a power of two, so
        // exact.
        let n = x as u32;
        return Ok((2..n).fold(1.0, |acc, k| acc * f64::from(k)));
    }
    let r = ::libm::tgamma(x);
    if r.is_infinite() {
        return Err(range_error());
    }
    Ok(r)
}

/// `math.lgamma(x)`: the natural log of `|gamma(x)|`. `ValueError` at the
/// poles (zero, the negative integers), `inf` for both infinities, exactly
/// 0.0 at 1 and 2, `OverflowError` when the result is too large; the
/// other values are the `libm` crate's.
pub fn lgamma(x: impl Real) -> Result<f64, Exception> {
    let x = x.to_float()?;
    if x.is_nan() {
        return Ok(x);
    }
    if x.is_infinite() {
        return Ok(f64::INFINITY);
    }
    if is_integral(x) {
        if x <= 0.0 {
            return Err(domain_error());
        }
        if x == 1.0 || x == 2.0 {
            return Ok(0.0);
        }
    }
    let (r, _sign) = ::libm::lgamma_r(x);
    if r.is_infinite() {
        return Err(range_error());
    }
    Ok(r)
}

/// `math.frexp(x)`: `(m, e)` with `x == m * 2**e`, `0.5 <= |m| < 1`
/// (`(x, 0)` for zeros, infinities and NaN).
pub fn frexp(x: impl Real) -> Result<(f64, Int), Exception> {
    let x = x.to_float()?;
    if x.is_nan() || x.is_infinite() || x == 0.0 {
        return Ok((x, Int::from(0)));
    }
    let (m, e) = ::libm::frexp(x);
    Ok((m, Int::from(e)))
}

/// `math.ldexp(x, i)`: `x * 2**i` (`OverflowError` when it overflows).
pub fn ldexp(x: impl Real, i: &Int) -> Result<f64, Exception> {
    let x = x.to_float()?;
    if x == 0.0 || !x.is_finite() {
        return Ok(x);
    }
    let e = i
        .to_i64()
        .unwrap_or(if i.is_negative() { i64::MIN } else { i64::MAX });
    if e > i64::from(i32::MAX) {
        return Err(range_error());
    }
    if e < i64::from(i32::MIN) {
        return Ok(0.0f64.copysign(x));
    }
    // `e` fits an `i32` here.
    let r = ::libm::scalbn(x, e as i32);
    if r.is_infinite() {
        return Err(range_error());
    }
    Ok(r)
}

/// `math.modf(x)`: the fractional and integer parts, both with the sign
/// of `x`.
pub fn modf(x: impl Real) -> Result<(f64, f64), Exception> {
    let x = x.to_float()?;
    if x.is_infinite() {
        return Ok((0.0f64.copysign(x), x));
    }
    if x.is_nan() {
        return Ok((x, x));
    }
    let ip = x.trunc();
    Ok(((x - ip).copysign(x), ip))
}

/// `math.remainder(x, y)`: IEEE 754's remainder (`x - n*y` for the
/// integer `n` nearest `x / y`, ties to even; exact), a domain error for
/// a zero `y` or an infinite `x`.
pub fn remainder(x: impl Real, y: impl Real) -> Result<f64, Exception> {
    let (x, y) = (x.to_float()?, y.to_float()?);
    if x.is_nan() || y.is_nan() {
        return Ok(x + y);
    }
    if x.is_infinite() || y == 0.0 {
        return Err(domain_error());
    }
    if y.is_infinite() {
        return Ok(x);
    }
    Ok(::libm::remainder(x, y))
}

/// `math.nextafter(x, y)`.
pub fn nextafter(x: impl Real, y: impl Real) -> Result<f64, Exception> {
    Ok(::libm::nextafter(x.to_float()?, y.to_float()?))
}

/// `math.ulp(x)`: the gap between `|x|` and the next larger float.
pub fn ulp(x: impl Real) -> Result<f64, Exception> {
    let x = x.to_float()?;
    if x.is_nan() {
        return Ok(x);
    }
    let x = x.abs();
    if x.is_infinite() {
        return Ok(x);
    }
    let x2 = ::libm::nextafter(x, f64::INFINITY);
    if x2.is_infinite() {
        return Ok(x - ::libm::nextafter(x, f64::NEG_INFINITY));
    }
    Ok(x2 - x)
}

/// `math.isclose(a, b, rel_tol=rel_tol, abs_tol=abs_tol)`.
pub fn isclose(
    a: impl Real,
    b: impl Real,
    rel_tol: impl Real,
    abs_tol: impl Real,
) -> Result<bool, Exception> {
    let (a, b) = (a.to_float()?, b.to_float()?);
    let (rel_tol, abs_tol) = (rel_tol.to_float()?, abs_tol.to_float()?);
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(Exception::value_error("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(true);
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(false);
    }
    let diff = (b - a).abs();
    Ok(diff <= (rel_tol * b).abs() || diff <= (rel_tol * a).abs() || diff <= abs_tol)
}

/// A finite float as an exact integer count of the smallest subnormal,
/// `2**-1074` (every finite float is one).
fn in_tiny_units(x: f64) -> BigInt {
    let bits = x.to_bits();
    let biased = (bits >> 52) & 0x7ff;
    let fraction = bits & ((1u64 << 52) - 1);
    let magnitude = if biased == 0 {
        BigUint::from(fraction)
    } else {
        BigUint::from(fraction | (1u64 << 52)) << (biased - 1)
    };
    let signed = BigInt::from(magnitude);
    if x.is_sign_negative() {
        -signed
    } else {
        signed
    }
}

/// The float nearest `n * 2**-1074` (ties to even), for `n` below the
/// overflow threshold ([`fsum`]'s `limit`).
fn from_tiny_units(n: &BigInt) -> f64 {
    let magnitude = n.magnitude();
    let width = magnitude.bits();
    let value = if width <= 53 {
        // Exactly representable (a subnormal or the smallest normals).
        ::libm::scalbn(magnitude.to_u64().unwrap_or(0) as f64, -1074)
    } else {
        let dropped = width - 53;
        let mut kept = (magnitude >> dropped).to_u64().unwrap_or(0);
        // Round the dropped bits: up past one half, or at exactly one
        // half when the kept part is odd.
        let half_bit = magnitude.bit(dropped - 1);
        let below_half = magnitude.trailing_zeros().unwrap_or(0) < dropped - 1;
        if half_bit && (below_half || kept & 1 == 1) {
            kept += 1;
        }
        ::libm::scalbn(kept as f64, dropped as i32 - 1074)
    };
    if n.sign() == num_bigint::Sign::Minus {
        -value
    } else {
        value
    }
}

/// `math.fsum(xs)`: the correctly rounded sum. The finite items are
/// accumulated exactly (as integers counting `2**-1074`) and rounded once
/// at the end. As in Python, a running total (since the last infinity or
/// NaN) that rounds beyond the largest float raises `OverflowError:
/// intermediate overflow in fsum`; an infinity or NaN among the items
/// makes the result one (`inf` and `-inf` together a `ValueError`).
pub fn fsum<T: Real>(items: impl IntoIterator<Item = T>) -> Result<f64, Exception> {
    // Totals at least `2**1024 - 2**970` (halfway between the largest
    // float and `2**1024`, which rounds to even, up) overflow.
    let limit = (BigInt::one() << 2098u32) - (BigInt::one() << 2044u32);
    let mut total = BigInt::zero();
    let (mut nan, mut pos_inf, mut neg_inf) = (false, false, false);
    for item in items {
        let x = item.to_float()?;
        if x.is_finite() {
            if x != 0.0 {
                total += in_tiny_units(x);
                if total.magnitude() >= limit.magnitude() {
                    return Err(Exception::overflow("intermediate overflow in fsum"));
                }
            }
            continue;
        }
        if x.is_nan() {
            nan = true;
        } else if x > 0.0 {
            pos_inf = true;
        } else {
            neg_inf = true;
        }
        total = BigInt::zero();
    }
    if pos_inf && neg_inf {
        return Err(Exception::value_error("-inf + inf in fsum"));
    }
    if nan {
        return Ok(f64::NAN);
    }
    if pos_inf || neg_inf {
        return Ok(if pos_inf {
            f64::INFINITY
        } else {
            f64::NEG_INFINITY
        });
    }
    Ok(from_tiny_units(&total))
}

/// The Euclidean length of a vector whose components' absolute values are
/// `v`: `inf` if any is infinite (even with a NaN), else NaN if any is
/// NaN. Two components go to the `libm` crate's `hypot`; more are scaled
/// by a power of two near the largest (exactly, so that no square
/// overflows or underflows to nothing), squared and summed.
fn norm(v: &[f64]) -> f64 {
    if v.iter().any(|x| x.is_infinite()) {
        return f64::INFINITY;
    }
    if v.iter().any(|x| x.is_nan()) {
        return f64::NAN;
    }
    match *v {
        [] => 0.0,
        [a] => a,
        [a, b] => ::libm::hypot(a, b),
        _ => {
            let largest = v.iter().copied().fold(0.0, f64::max);
            if largest == 0.0 {
                return 0.0;
            }
            let (_, e) = ::libm::frexp(largest);
            let sum: f64 = v
                .iter()
                .map(|&x| {
                    let s = ::libm::scalbn(x, -e);
                    s * s
                })
                .sum();
            ::libm::scalbn(sum.sqrt(), e)
        }
    }
}

/// `math.hypot(*coordinates)`, each coordinate converted in turn.
pub fn hypot(
    coordinates: impl IntoIterator<Item = Result<f64, Exception>>,
) -> Result<f64, Exception> {
    let v = coordinates
        .into_iter()
        .map(|c| c.map(f64::abs))
        .collect::<Result<Vec<f64>, Exception>>()?;
    Ok(norm(&v))
}

/// `math.hypot(*xs)`.
pub fn hypot_of<T: Real>(items: impl IntoIterator<Item = T>) -> Result<f64, Exception> {
    hypot(items.into_iter().map(|x| x.to_float()))
}

/// `math.dist(p, q)`: the Euclidean distance of two points of the same
/// dimension.
pub fn dist<P: Real, Q: Real>(
    p: impl IntoIterator<Item = P>,
    q: impl IntoIterator<Item = Q>,
) -> Result<f64, Exception> {
    let p: Vec<P> = p.into_iter().collect();
    let q: Vec<Q> = q.into_iter().collect();
    if p.len() != q.len() {
        return Err(Exception::value_error(
            "both points must have the same number of dimensions",
        ));
    }
    let v = p
        .iter()
        .zip(&q)
        .map(|(a, b)| Ok((a.to_float()? - b.to_float()?).abs()))
        .collect::<Result<Vec<f64>, Exception>>()?;
    Ok(norm(&v))
}

/// `math.prod(xs, start=start)` of ints.
pub fn prod_int(items: impl IntoIterator<Item = Int>, start: Int) -> Int {
    items.into_iter().fold(start, |a, b| a * b)
}

/// `math.prod(xs, start=start)` of numbers that may be floats: each
/// multiplication decides its type, as in CPython (`prod([])` is the int
/// 1).
pub fn prod_num<T: Into<Num>>(
    items: impl IntoIterator<Item = T>,
    start: Num,
) -> Result<Num, Exception> {
    items.into_iter().try_fold(start, |a, b| a.mul(&b.into()))
}

/// `math.gcd(a, b)`: non-negative.
pub fn gcd(a: &Int, b: &Int) -> Int {
    if let (Some(x), Some(y)) = (a.to_i64(), b.to_i64()) {
        let g = x.unsigned_abs().gcd(&y.unsigned_abs());
        return match i64::try_from(g) {
            Ok(g) => Int::from(g),
            Err(_) => Int::from(BigInt::from(g)),
        };
    }
    Int::from(a.to_bigint().gcd(&b.to_bigint()))
}

/// `math.lcm(a, b)`: non-negative, 0 when either is 0.
pub fn lcm(a: &Int, b: &Int) -> Int {
    if a.is_zero() || b.is_zero() {
        return Int::from(0);
    }
    let g = gcd(a, b);
    // `a // g * b`, made non-negative.
    let (a, b) = (a.to_bigint(), b.to_bigint());
    let r = (a / g.to_bigint()) * b;
    Int::from(if r < BigInt::zero() { -r } else { r })
}

/// More than this many factors would need more memory than a canister
/// has (`MemoryError` up front, as for `**`).
const MAX_FACTORS: u64 = 1 << 27;

const LLONG_MAX: &str = "9223372036854775807";

/// The product of `lo..hi` (`lo <= hi`), as a balanced tree of
/// multiplications.
fn range_product(lo: u64, hi: u64) -> BigUint {
    match hi - lo {
        0 => BigUint::one(),
        1 => BigUint::from(lo),
        n if n <= 16 => (lo..hi).fold(BigUint::one(), |a, b| a * b),
        n => {
            let mid = lo + n / 2;
            range_product(lo, mid) * range_product(mid, hi)
        }
    }
}

/// `math.factorial(n)`.
pub fn factorial(n: &Int) -> Result<Int, Exception> {
    if n.is_negative() {
        return Err(Exception::value_error(
            "factorial() not defined for negative values",
        ));
    }
    let Some(n) = n.to_i64() else {
        return Err(Exception::overflow(format!(
            "factorial() argument should not exceed {LLONG_MAX}"
        )));
    };
    let n = n as u64;
    if n > MAX_FACTORS {
        return Err(Exception::memory_error(""));
    }
    Ok(Int::from(range_product(1, n + 1)))
}

/// `math.perm(n)` / `math.perm(n, k)`.
pub fn perm(n: &Int, k: Option<&Int>) -> Result<Int, Exception> {
    let Some(k) = k else {
        return factorial(n);
    };
    if n.is_negative() {
        return Err(Exception::value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(Exception::value_error("k must be a non-negative integer"));
    }
    if k > n {
        return Ok(Int::from(0));
    }
    let Some(k) = k.to_i64() else {
        return Err(Exception::overflow(format!(
            "k must not exceed {LLONG_MAX}"
        )));
    };
    falling(n, k as u64)
}

/// `n * (n - 1) * ... * (n - k + 1)`.
fn falling(n: &Int, k: u64) -> Result<Int, Exception> {
    if k > MAX_FACTORS {
        return Err(Exception::memory_error(""));
    }
    match n.to_i64() {
        Some(n) => {
            let n = n as u64;
            Ok(Int::from(range_product(n - k + 1, n + 1)))
        }
        None => {
            let n = n.to_bigint();
            let mut r = BigInt::one();
            for i in 0..k {
                r *= &n - BigInt::from(i);
            }
            Ok(Int::from(r))
        }
    }
}

/// `math.comb(n, k)`.
pub fn comb(n: &Int, k: &Int) -> Result<Int, Exception> {
    if n.is_negative() {
        return Err(Exception::value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(Exception::value_error("k must be a non-negative integer"));
    }
    if k > n {
        return Ok(Int::from(0));
    }
    let other = n.to_bigint() - k.to_bigint();
    let k = k.to_bigint().min(other);
    let Some(k) = k.to_i64() else {
        return Err(Exception::overflow(format!(
            "min(n - k, k) must not exceed {LLONG_MAX}"
        )));
    };
    let k = k as u64;
    let top = falling(n, k)?;
    Ok(Int::from(
        top.to_bigint() / BigInt::from(range_product(1, k + 1)),
    ))
}

/// `math.isqrt(n)`: the floor of the square root.
pub fn isqrt(n: &Int) -> Result<Int, Exception> {
    if n.is_negative() {
        return Err(Exception::value_error(
            "isqrt() argument must be nonnegative",
        ));
    }
    Ok(Int::from(n.to_bigint().sqrt()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fsum_is_exact() {
        assert_eq!(fsum(vec![0.1; 10]).ok(), Some(1.0));
        assert_eq!(
            fsum(vec![1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]).ok(),
            Some(1e-100)
        );
        assert_eq!(fsum(Vec::<f64>::new()).ok(), Some(0.0));
        assert_eq!(
            fsum(vec![5e-324, 5e-324, 1e-310]).ok(),
            Some(1e-310 + 1e-323)
        );
        assert_eq!(fsum(vec![1.0, 2f64.powi(-53)]).ok(), Some(1.0));
        assert_eq!(
            fsum(vec![1.0, 2f64.powi(-53), 2f64.powi(-100)]).ok(),
            Some(1.0 + f64::EPSILON)
        );
        assert_eq!(fsum(vec![f64::MAX, 9.979e291]).ok(), Some(f64::MAX));
        assert!(fsum(vec![f64::MAX, 1e292]).is_err());
        assert_eq!(
            fsum(vec![1e308, f64::INFINITY, 1e308]).ok(),
            Some(f64::INFINITY)
        );
        assert!(fsum(vec![f64::INFINITY, 1e308, 1e308]).is_err());
        assert!(fsum(vec![f64::INFINITY, f64::NAN, f64::NEG_INFINITY]).is_err());
        assert!(fsum(vec![f64::INFINITY, f64::NAN]).unwrap().is_nan());
    }

    #[test]
    fn frexp_of_big_ints() {
        let big = BigUint::one() << 2000u32;
        assert_eq!(frexp_big(&big), (0.5, 2001));
    }

    #[test]
    fn gamma_and_lgamma() {
        assert_eq!(gamma(5.0).ok(), Some(24.0));
        assert_eq!(gamma(23.0).ok(), Some(1124000727777607680000.0));
        assert!((gamma(0.5).unwrap() - core::f64::consts::PI.sqrt()).abs() < 1e-15);
        assert!(gamma(0.0).is_err() && gamma(-3.0).is_err() && gamma(f64::NEG_INFINITY).is_err());
        assert!(gamma(172.0).is_err());
        assert_eq!(lgamma(1.0).ok(), Some(0.0));
        assert_eq!(lgamma(2.0).ok(), Some(0.0));
        assert_eq!(lgamma(f64::NEG_INFINITY).ok(), Some(f64::INFINITY));
        assert!(lgamma(-2.0).is_err() && lgamma(1e308).is_err());
    }

    #[test]
    fn norms() {
        assert_eq!(hypot_of([3.0, 4.0]).ok(), Some(5.0));
        assert_eq!(hypot_of([2.0, 3.0, 6.0]).ok(), Some(7.0));
        let big = hypot_of([1e300, 1e300, 0.0]).unwrap();
        assert!((big / (1e300 * 2f64.sqrt()) - 1.0).abs() < 1e-15);
        assert_eq!(
            hypot_of([f64::NAN, f64::INFINITY, 1.0]).ok(),
            Some(f64::INFINITY)
        );
        assert!(hypot_of([f64::NAN, 1.0, 1.0]).unwrap().is_nan());
        assert_eq!(hypot_of(Vec::<f64>::new()).ok(), Some(0.0));
        assert_eq!(hypot_of([-2.0]).ok(), Some(2.0));
    }

    #[test]
    fn int_functions() {
        assert_eq!(
            factorial(&Int::from(20)).ok(),
            Some(Int::from(2432902008176640000i64))
        );
        assert_eq!(
            comb(&Int::from(10), &Int::from(3)).ok(),
            Some(Int::from(120))
        );
        assert_eq!(
            perm(&Int::from(10), Some(&Int::from(3))).ok(),
            Some(Int::from(720))
        );
        assert_eq!(isqrt(&Int::from(99)).ok(), Some(Int::from(9)));
        assert_eq!(gcd(&Int::from(-12), &Int::from(18)), Int::from(6));
        assert_eq!(lcm(&Int::from(-4), &Int::from(6)), Int::from(12));
    }
}
