//! Python's `math` module, as CPython 3.11's `Modules/mathmodule.c`
//! computes it: the same special cases, the same `ValueError: math domain
//! error` / `OverflowError: math range error` rules, `fsum`'s exact
//! partials and `hypot`'s and `dist`'s compensated norm.
//!
//! Float arguments are any [`Real`]: a float, a bool, an int (converted
//! as `float(i)` does, `OverflowError` when too large) or a run-time
//! number. The elementary functions are the C library's on native targets
//! (as CPython's are); on Wasm they are Rust's, which may differ from the
//! platform's libm in the last bit.

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
/// CPython calls, so results match it to the last bit), `std`'s on Wasm,
/// which has no C library. On glibc they are called by their `f64` names
/// (`cbrtf64`, aliases glibc exports since 2.27): Rust's own `compiler-builtins`
/// defines some of the plain names (`cbrt`) with other results, and the
/// linker may pick those.
mod libm {
    macro_rules! libm {
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
    libm! {
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
        erf(x) = super::erf_series::erf;
        erfc(x) = super::erf_series::erfc;
    }
}

/// CPython's `math_1`: `f(x)`, a NaN from a non-NaN a domain error, an
/// infinity from a finite `x` an overflow (`can_overflow`) or a domain
/// error (a singularity).
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
    exp = libm::exp, true;
    /// `math.exp2(x)`.
    exp2 = libm::exp2, true;
    /// `math.expm1(x)`.
    expm1 = libm::expm1, true;
    /// `math.log1p(x)`.
    log1p = libm::log1p, false;
    /// `math.sin(x)`.
    sin = libm::sin, false;
    /// `math.cos(x)`.
    cos = libm::cos, false;
    /// `math.tan(x)`.
    tan = libm::tan, false;
    /// `math.asin(x)`.
    asin = libm::asin, false;
    /// `math.acos(x)`.
    acos = libm::acos, false;
    /// `math.atan(x)`.
    atan = libm::atan, false;
    /// `math.sinh(x)`.
    sinh = libm::sinh, true;
    /// `math.cosh(x)`.
    cosh = libm::cosh, true;
    /// `math.tanh(x)`.
    tanh = libm::tanh, false;
    /// `math.asinh(x)`.
    asinh = libm::asinh, false;
    /// `math.acosh(x)`.
    acosh = libm::acosh, false;
    /// `math.atanh(x)`.
    atanh = libm::atanh, false;
    /// `math.fabs(x)`.
    fabs = f64::abs, false;
    /// `math.cbrt(x)`.
    cbrt = libm::cbrt, false;
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

/// CPython's `math_2` check of a two-argument result.
fn math_2(x: f64, y: f64, r: f64) -> Result<f64, Exception> {
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error());
    }
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(range_error());
    }
    Ok(r)
}

/// `math.atan2(y, x)`, with C99's special values (CPython's `m_atan2`).
pub fn atan2(y: impl Real, x: impl Real) -> Result<f64, Exception> {
    use core::f64::consts::PI;
    let (y, x) = (y.to_float()?, x.to_float()?);
    let r = if x.is_nan() || y.is_nan() {
        f64::NAN
    } else if y.is_infinite() {
        if x.is_infinite() {
            if x.is_sign_positive() {
                (0.25 * PI).copysign(y)
            } else {
                (0.75 * PI).copysign(y)
            }
        } else {
            (0.5 * PI).copysign(y)
        }
    } else if x.is_infinite() || y == 0.0 {
        if x.is_sign_positive() {
            0.0f64.copysign(y)
        } else {
            PI.copysign(y)
        }
    } else {
        libm::atan2(y, x)
    };
    math_2(y, x, r)
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

/// `math.pow(x, y)` (CPython's `math_pow_impl`).
pub fn pow(x: impl Real, y: impl Real) -> Result<f64, Exception> {
    let (x, y) = (x.to_float()?, y.to_float()?);
    if !x.is_finite() || !y.is_finite() {
        return Ok(if x.is_nan() {
            if y == 0.0 {
                1.0
            } else {
                x
            }
        } else if y.is_nan() {
            if x == 1.0 {
                1.0
            } else {
                y
            }
        } else if x.is_infinite() {
            let odd_y = y.is_finite() && y.abs() % 2.0 == 1.0;
            if y > 0.0 {
                if odd_y {
                    x
                } else {
                    x.abs()
                }
            } else if y == 0.0 {
                1.0
            } else if odd_y {
                0.0f64.copysign(x)
            } else {
                0.0
            }
        } else if x.abs() == 1.0 {
            1.0
        } else if y > 0.0 && x.abs() > 1.0 {
            y
        } else if y < 0.0 && x.abs() < 1.0 {
            -y
        } else {
            0.0
        });
    }
    let r = libm::pow(x, y);
    if r.is_nan() {
        return Err(domain_error());
    }
    if r.is_infinite() {
        return Err(if x == 0.0 {
            domain_error()
        } else {
            range_error()
        });
    }
    Ok(r)
}

/// `frexp` of a positive int too large for a float: `(m, e)` with `m` in
/// `[0.5, 1)` correctly rounded and `i ~= m * 2**e` (`_PyLong_Frexp`).
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

/// CPython's `loghelper`: ints are exact (any size), floats go through
/// `math_1` with a `log` that is a domain error for 0 and negatives.
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
    loghelper(x, libm::log)
}

/// `math.log(x, base)`.
pub fn log_base(x: impl Real, base: impl Real) -> Result<f64, Exception> {
    let num = loghelper(x, libm::log)?;
    let den = loghelper(base, libm::log)?;
    crate::float::div(num, den)
}

/// `math.log2(x)`.
pub fn log2(x: impl Real) -> Result<f64, Exception> {
    loghelper(x, libm::log2)
}

/// `math.log10(x)`.
pub fn log10(x: impl Real) -> Result<f64, Exception> {
    loghelper(x, libm::log10)
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

/// `math.erf(x)` (the C library's, as CPython 3.11's).
pub fn erf(x: impl Real) -> Result<f64, Exception> {
    Ok(libm::erf(x.to_float()?))
}

/// `math.erfc(x)`.
pub fn erfc(x: impl Real) -> Result<f64, Exception> {
    Ok(libm::erfc(x.to_float()?))
}

/// `erf` and `erfc` where there is no C library (Wasm): CPython's former
/// portable implementation (a series for small `|x|`, a continued
/// fraction for larger), within a few ulps of the C library's.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod erf_series {
    const SQRTPI: f64 = 1.772_453_850_905_516;

    fn series(x: f64) -> f64 {
        let x2 = x * x;
        let mut acc = 0.0;
        let mut fk = 25.0 + 0.5;
        for _ in 0..25 {
            acc = 2.0 + x2 * acc / fk;
            fk -= 1.0;
        }
        acc * x * (-x2).exp() / SQRTPI
    }

    fn contfrac(x: f64) -> f64 {
        if x >= 30.0 {
            return 0.0;
        }
        let x2 = x * x;
        let (mut a, mut da) = (0.0, 0.5);
        let (mut p, mut p_last) = (1.0, 0.0);
        let (mut q, mut q_last) = (da + x2, 1.0);
        for _ in 0..50 {
            a += da;
            da += 2.0;
            let b = da + x2;
            let t = p;
            p = b * p - a * p_last;
            p_last = t;
            let t = q;
            q = b * q - a * q_last;
            q_last = t;
        }
        p / q * x * (-x2).exp() / SQRTPI
    }

    pub fn erf(x: f64) -> f64 {
        if x.is_nan() {
            return x;
        }
        if x.abs() < 1.5 {
            return series(x);
        }
        let cf = contfrac(x.abs());
        if x > 0.0 {
            1.0 - cf
        } else {
            cf - 1.0
        }
    }

    pub fn erfc(x: f64) -> f64 {
        if x.is_nan() {
            return x;
        }
        if x.abs() < 1.5 {
            return 1.0 - series(x);
        }
        let cf = contfrac(x.abs());
        if x > 0.0 {
            cf
        } else {
            2.0 - cf
        }
    }
}

// CPython's constants, spelled as it spells them (exact binary values).
#[allow(clippy::excessive_precision)]
const LANCZOS_G: f64 = 6.024_680_040_776_729_583_740_234_375;
#[allow(clippy::excessive_precision)]
const LANCZOS_G_MINUS_HALF: f64 = 5.524_680_040_776_729_583_740_234_375;
#[allow(clippy::excessive_precision)]
const LANCZOS_NUM: [f64; 13] = [
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
];
const LANCZOS_DEN: [f64; 13] = [
    0.0,
    39916800.0,
    120543840.0,
    150917976.0,
    105258076.0,
    45995730.0,
    13339535.0,
    2637558.0,
    357423.0,
    32670.0,
    1925.0,
    66.0,
    1.0,
];
const GAMMA_INTEGRAL: [f64; 23] = [
    1.0,
    1.0,
    2.0,
    6.0,
    24.0,
    120.0,
    720.0,
    5040.0,
    40320.0,
    362880.0,
    3628800.0,
    39916800.0,
    479001600.0,
    6227020800.0,
    87178291200.0,
    1307674368000.0,
    20922789888000.0,
    355687428096000.0,
    6402373705728000.0,
    121645100408832000.0,
    2432902008176640000.0,
    51090942171709440000.0,
    1124000727777607680000.0,
];

/// Lanczos' sum `L_g(x)` for positive `x` (CPython's `lanczos_sum`).
fn lanczos_sum(x: f64) -> f64 {
    let (mut num, mut den) = (0.0, 0.0);
    if x < 5.0 {
        for i in (0..13).rev() {
            num = num * x + LANCZOS_NUM[i];
            den = den * x + LANCZOS_DEN[i];
        }
    } else {
        for i in 0..13 {
            num = num / x + LANCZOS_NUM[i];
            den = den / x + LANCZOS_DEN[i];
        }
    }
    num / den
}

/// `sin(pi * x)` for finite `x`, exact at multiples of 1/2 (`m_sinpi`).
fn sinpi(x: f64) -> f64 {
    use core::f64::consts::PI;
    let y = x.abs() % 2.0;
    let r = match (2.0 * y).round() as i32 {
        0 => libm::sin(PI * y),
        1 => libm::cos(PI * (y - 0.5)),
        2 => libm::sin(PI * (1.0 - y)),
        3 => -libm::cos(PI * (y - 1.5)),
        _ => libm::sin(PI * (y - 2.0)),
    };
    1.0f64.copysign(x) * r
}

/// `math.gamma(x)` (CPython's `m_tgamma`: Lanczos' approximation).
pub fn gamma(x: impl Real) -> Result<f64, Exception> {
    use core::f64::consts::PI;
    let x = x.to_float()?;
    if !x.is_finite() {
        if x.is_nan() || x > 0.0 {
            return Ok(x);
        }
        return Err(domain_error());
    }
    if x == 0.0 {
        return Err(domain_error());
    }
    if x == x.floor() {
        if x < 0.0 {
            return Err(domain_error());
        }
        if x <= 23.0 {
            return Ok(GAMMA_INTEGRAL[x as usize - 1]);
        }
    }
    let absx = x.abs();
    if absx < 1e-20 {
        let r = 1.0 / x;
        if r.is_infinite() {
            return Err(range_error());
        }
        return Ok(r);
    }
    if absx > 200.0 {
        if x < 0.0 {
            return Ok(0.0 / sinpi(x));
        }
        return Err(range_error());
    }
    let y = absx + LANCZOS_G_MINUS_HALF;
    let z = if absx > LANCZOS_G_MINUS_HALF {
        let q = y - absx;
        q - LANCZOS_G_MINUS_HALF
    } else {
        let q = y - LANCZOS_G_MINUS_HALF;
        q - absx
    };
    let z = z * LANCZOS_G / y;
    let mut r;
    if x < 0.0 {
        r = -PI / sinpi(absx) / absx * libm::exp(y) / lanczos_sum(absx);
        r -= z * r;
        if absx < 140.0 {
            r /= libm::pow(y, absx - 0.5);
        } else {
            let sqrtpow = libm::pow(y, absx / 2.0 - 0.25);
            r /= sqrtpow;
            r /= sqrtpow;
        }
    } else {
        r = lanczos_sum(absx) / libm::exp(y);
        r += z * r;
        if absx < 140.0 {
            r *= libm::pow(y, absx - 0.5);
        } else {
            let sqrtpow = libm::pow(y, absx / 2.0 - 0.25);
            r *= sqrtpow;
            r *= sqrtpow;
        }
    }
    if r.is_infinite() {
        return Err(range_error());
    }
    Ok(r)
}

/// `math.lgamma(x)`: the natural log of `|gamma(x)|` (CPython's
/// `m_lgamma`).
pub fn lgamma(x: impl Real) -> Result<f64, Exception> {
    #[allow(clippy::excessive_precision)]
    const LOGPI: f64 = 1.144729885849400174143427351353058711647;
    let x = x.to_float()?;
    if !x.is_finite() {
        return Ok(if x.is_nan() { x } else { f64::INFINITY });
    }
    if x == x.floor() && x <= 2.0 {
        if x <= 0.0 {
            return Err(domain_error());
        }
        return Ok(0.0);
    }
    let absx = x.abs();
    if absx < 1e-20 {
        return Ok(-libm::log(absx));
    }
    let mut r = libm::log(lanczos_sum(absx)) - LANCZOS_G;
    r += (absx - 0.5) * (libm::log(absx + LANCZOS_G - 0.5) - 1.0);
    if x < 0.0 {
        r = LOGPI - libm::log(sinpi(absx).abs()) - libm::log(absx) - r;
    }
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
    let e = frexp_exp(x.abs());
    Ok((scalbn(x, -e), Int::from(e)))
}

/// `x * 2**n`, rounded once (musl's `scalbn`).
fn scalbn(x: f64, n: i64) -> f64 {
    let mut y = x;
    let mut n = n;
    if n > 1023 {
        y *= pow2(1023);
        n -= 1023;
        if n > 1023 {
            y *= pow2(1023);
            n -= 1023;
            n = n.min(1023);
        }
    } else if n < -1022 {
        // Scale by 2**(-1022 + 53) so the final multiplication is the one
        // rounding into the subnormals.
        y *= pow2(-1022) * pow2(53);
        n += 1022 - 53;
        if n < -1022 {
            y *= pow2(-1022) * pow2(53);
            n += 1022 - 53;
            n = n.max(-1022);
        }
    }
    y * pow2(n)
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
    let r = scalbn(x, e);
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

/// `math.remainder(x, y)`: IEEE 754's remainder (CPython's
/// `m_remainder`), a domain error for a zero `y` or an infinite `x`.
pub fn remainder(x: impl Real, y: impl Real) -> Result<f64, Exception> {
    let (x, y) = (x.to_float()?, y.to_float()?);
    let r = if x.is_finite() && y.is_finite() {
        if y == 0.0 {
            f64::NAN
        } else {
            let (absx, absy) = (x.abs(), y.abs());
            let m = absx % absy;
            let c = absy - m;
            let r = if m < c {
                m
            } else if m > c {
                -c
            } else {
                m - 2.0 * ((0.5 * (absx - m)) % absy)
            };
            1.0f64.copysign(x) * r
        }
    } else if x.is_nan() {
        x
    } else if y.is_nan() {
        y
    } else if x.is_infinite() {
        f64::NAN
    } else {
        x
    };
    math_2(x, y, r)
}

/// C's `nextafter(x, y)`: the float after `x` toward `y`.
fn next_after(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return x + y;
    }
    if x == y {
        return y;
    }
    if x == 0.0 {
        return f64::from_bits(1).copysign(y);
    }
    let bits = x.to_bits();
    let away = (y > x) == (x > 0.0);
    f64::from_bits(if away { bits + 1 } else { bits - 1 })
}

/// `math.nextafter(x, y)`.
pub fn nextafter(x: impl Real, y: impl Real) -> Result<f64, Exception> {
    Ok(next_after(x.to_float()?, y.to_float()?))
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
    let x2 = next_after(x, f64::INFINITY);
    if x2.is_infinite() {
        return Ok(x - next_after(x, f64::NEG_INFINITY));
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

/// `math.fsum(xs)`: the correctly rounded sum (Shewchuk's partials, with
/// CPython's final half-even correction).
pub fn fsum<T: Real>(items: impl IntoIterator<Item = T>) -> Result<f64, Exception> {
    let mut p: Vec<f64> = Vec::new();
    let mut special_sum = 0.0f64;
    let mut inf_sum = 0.0f64;
    for item in items {
        let mut x = item.to_float()?;
        let xsave = x;
        let mut i = 0;
        for j in 0..p.len() {
            let mut y = p[j];
            if x.abs() < y.abs() {
                core::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let yr = hi - x;
            let lo = y - yr;
            if lo != 0.0 {
                p[i] = lo;
                i += 1;
            }
            x = hi;
        }
        p.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                // Either an intermediate overflow, or an inf or nan item.
                if xsave.is_finite() {
                    return Err(Exception::overflow("intermediate overflow in fsum"));
                }
                if xsave.is_infinite() {
                    inf_sum += xsave;
                }
                special_sum += xsave;
                p.clear();
            } else {
                p.push(x);
            }
        }
    }
    if special_sum != 0.0 {
        if inf_sum.is_nan() {
            return Err(Exception::value_error("-inf + inf in fsum"));
        }
        return Ok(special_sum);
    }
    let mut n = p.len();
    let mut hi = 0.0;
    if n > 0 {
        n -= 1;
        hi = p[n];
        let mut lo = 0.0;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = p[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(hi)
}

/// `x * y` exactly, as a rounded product and its error.
fn dl_mul(x: f64, y: f64) -> (f64, f64) {
    let z = x * y;
    (z, x.mul_add(y, -z))
}

/// `a + b` exactly (`|a| >= |b|`), as a rounded sum and its error.
fn dl_fast_sum(a: f64, b: f64) -> (f64, f64) {
    let x = a + b;
    (x, (a - x) + b)
}

/// CPython's `vector_norm`: the Euclidean norm of the non-negative
/// finite `v` whose largest item is `max`, accurate to within one ulp.
fn vector_norm(v: &mut [f64], max: f64, found_nan: bool) -> f64 {
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || v.len() <= 1 {
        return max;
    }
    let max_e = frexp_exp(max);
    if max_e < -1023 {
        for x in v.iter_mut() {
            *x /= f64::MIN_POSITIVE;
        }
        return f64::MIN_POSITIVE * vector_norm(v, max / f64::MIN_POSITIVE, found_nan);
    }
    let scale = pow2(-max_e);
    let (mut csum, mut frac1, mut frac2) = (1.0f64, 0.0f64, 0.0f64);
    for &x in v.iter() {
        let x = x * scale;
        let (hi, lo) = dl_mul(x, x);
        let (s, e) = dl_fast_sum(csum, hi);
        csum = s;
        frac1 += lo;
        frac2 += e;
    }
    let mut h = (csum - 1.0 + (frac1 + frac2)).sqrt();
    let (hi, lo) = dl_mul(-h, h);
    let (s, e) = dl_fast_sum(csum, hi);
    csum = s;
    frac1 += lo;
    frac2 += e;
    let x = csum - 1.0 + (frac1 + frac2);
    h += x / (2.0 * h);
    h / scale
}

/// The exponent `frexp` gives a positive finite `x` (`x = m * 2**e`,
/// `0.5 <= m < 1`).
fn frexp_exp(x: f64) -> i64 {
    let biased = ((x.to_bits() >> 52) & 0x7ff) as i64;
    if biased == 0 {
        // Subnormal: 53 - (leading zeros of the 52-bit fraction).
        let frac = x.to_bits() & ((1u64 << 52) - 1);
        return -1022 - (frac.leading_zeros() as i64 - 12);
    }
    biased - 1022
}

/// `math.hypot(*coordinates)`, each coordinate converted in turn.
pub fn hypot(
    coordinates: impl IntoIterator<Item = Result<f64, Exception>>,
) -> Result<f64, Exception> {
    let mut v = Vec::new();
    let mut max = 0.0f64;
    let mut found_nan = false;
    for c in coordinates {
        let x = c?.abs();
        found_nan |= x.is_nan();
        if x > max {
            max = x;
        }
        v.push(x);
    }
    Ok(vector_norm(&mut v, max, found_nan))
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
    let mut v = Vec::with_capacity(p.len());
    let mut max = 0.0f64;
    let mut found_nan = false;
    for (px, qx) in p.iter().zip(&q) {
        let x = (px.to_float()? - qx.to_float()?).abs();
        found_nan |= x.is_nan();
        if x > max {
            max = x;
        }
        v.push(x);
    }
    Ok(vector_norm(&mut v, max, found_nan))
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
    }

    #[test]
    fn frexp_of_big_ints() {
        let big = BigUint::one() << 2000u32;
        assert_eq!(frexp_big(&big), (0.5, 2001));
        assert_eq!(frexp_exp(1.0), 1);
        assert_eq!(frexp_exp(f64::MIN_POSITIVE), -1021);
        assert_eq!(frexp_exp(5e-324), -1073);
    }

    #[test]
    fn wasm_erf_is_close_to_the_c_library() {
        for i in -600..=600 {
            let x = f64::from(i) / 100.0;
            let (a, b) = (erf_series::erf(x), libm::erf(x));
            assert!(
                (a - b).abs() <= 1e-15 * b.abs().max(1e-300),
                "erf({x}): {a} {b}"
            );
            let (a, b) = (erf_series::erfc(x), libm::erfc(x));
            assert!(
                (a - b).abs() <= 1e-13 * b.abs().max(1e-300),
                "erfc({x}): {a} {b}"
            );
        }
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
