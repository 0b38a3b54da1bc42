//! Python `int`: an `i64` fast path with a `BigInt` fallback.

use core::cmp::Ordering;
use core::fmt;
use core::ops::{Add, AddAssign, BitAnd, BitOr, BitXor, Mul, MulAssign, Neg, Not, Sub, SubAssign};

use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::exception::{trap, Exception};
use crate::fixed::FixedInt;

/// A Python `int` (also Kybra's `nat` and `int`).
///
/// Invariant: the value is stored as `Small` whenever it fits in an `i64`,
/// so the derived `Eq` and `Hash` compare values.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Int(Repr);

#[derive(Clone, PartialEq, Eq, Hash)]
enum Repr {
    Small(i64),
    Big(BigInt),
}

use Repr::{Big, Small};

/// Results with more bits than this are refused with `MemoryError` instead of
/// exhausting the canister's memory (a Wasm32 heap holds at most 2^35 bits).
const MAX_RESULT_BITS: u64 = 1 << 34;

impl Default for Int {
    fn default() -> Self {
        Int(Small(0))
    }
}

impl Int {
    /// Wraps a big integer, demoting it to `Small` when it fits.
    fn from_big(b: BigInt) -> Int {
        match b.to_i64() {
            Some(v) => Int(Small(v)),
            None => Int(Big(b)),
        }
    }

    /// The value as a `BigInt` (allocates for small values).
    pub fn to_bigint(&self) -> BigInt {
        match &self.0 {
            Small(v) => BigInt::from(*v),
            Big(b) => b.clone(),
        }
    }

    /// The value if it fits in an `i64`.
    #[inline]
    pub fn to_i64(&self) -> Option<i64> {
        match self.0 {
            Small(v) => Some(v),
            Big(_) => None,
        }
    }

    /// The integer a decimal literal denotes (`"1_000"`, `"007"`). The
    /// transpiler only emits valid literals; anything else traps.
    pub fn from_decimal(s: &str) -> Int {
        let (negative, digits) = match s.strip_prefix('-') {
            Some(d) => (true, d),
            None => (false, s),
        };
        match parse_digits(digits.as_bytes(), 10) {
            Some(v) if negative => -v,
            Some(v) => v,
            None => trap(&format!("invalid int literal {s:?}")),
        }
    }

    /// Python `int(s, base)` for a `str`: surrounding whitespace, a sign,
    /// single underscores between digits, and for base 0 (or the matching
    /// base) a `0x`/`0o`/`0b` prefix. Only ASCII digits are accepted.
    pub fn parse(s: &str, base: u32) -> Result<Int, Exception> {
        if base == 1 || base > 36 {
            return Err(Exception::value_error(
                "int() base must be >= 2 and <= 36, or 0",
            ));
        }
        let invalid = || {
            Exception::value_error(format!(
                "invalid literal for int() with base {base}: {}",
                crate::pystr::str_repr(s)
            ))
        };
        let t = s.trim_matches(crate::text::is_py_space).as_bytes();
        let (negative, t) = match t.first() {
            Some(b'-') => (true, &t[1..]),
            Some(b'+') => (false, &t[1..]),
            _ => (false, t),
        };
        let prefix_base = if t.len() >= 2 && t[0] == b'0' {
            match t[1] {
                b'x' | b'X' => 16,
                b'o' | b'O' => 8,
                b'b' | b'B' => 2,
                _ => 0,
            }
        } else {
            0
        };
        let (base, digits, after_prefix) = if prefix_base != 0 && (base == 0 || base == prefix_base)
        {
            (prefix_base, &t[2..], true)
        } else if base == 0 {
            // Decimal without prefix: no leading zeros unless the value is 0.
            if t.first() == Some(&b'0') && t.iter().any(|&c| c != b'0' && c != b'_') {
                return Err(invalid());
            }
            (10, t, false)
        } else {
            (base, t, false)
        };
        // After a prefix one leading underscore is allowed ("0x_ff").
        let digits = if after_prefix && digits.first() == Some(&b'_') {
            &digits[1..]
        } else {
            digits
        };
        let v = parse_digits(digits, base).ok_or_else(invalid)?;
        Ok(if negative { -v } else { v })
    }

    /// Python `int(s, base)` with a computed base.
    pub fn parse_base(s: &str, base: &Int) -> Result<Int, Exception> {
        match base.to_i64().and_then(|b| u32::try_from(b).ok()) {
            Some(b) if b <= 36 => Int::parse(s, b),
            _ => Err(Exception::value_error(
                "int() base must be >= 2 and <= 36, or 0",
            )),
        }
    }

    /// Python `int(x)` for a float: truncation toward zero.
    pub fn from_f64(x: f64) -> Result<Int, Exception> {
        if x.is_nan() {
            return Err(Exception::value_error(
                "cannot convert float NaN to integer",
            ));
        }
        if x.is_infinite() {
            return Err(Exception::overflow(
                "cannot convert float infinity to integer",
            ));
        }
        let t = x.trunc();
        if t.abs() < 9.2e18 {
            return Ok(Int(Small(t as i64)));
        }
        // |t| >= 2^63: an integer mantissa times a positive power of two.
        let bits = t.to_bits();
        let exp = ((bits >> 52) & 0x7ff) as i64 - 1075;
        let mant = (bits & ((1u64 << 52) - 1)) | (1u64 << 52);
        let mag = BigInt::from(mant) << (exp as usize);
        Ok(Int::from_big(if t < 0.0 { -mag } else { mag }))
    }

    /// `self == 0`.
    #[inline]
    pub fn is_zero(&self) -> bool {
        matches!(self.0, Small(0))
    }

    /// `self < 0`.
    #[inline]
    pub fn is_negative(&self) -> bool {
        match &self.0 {
            Small(v) => *v < 0,
            Big(b) => b.is_negative(),
        }
    }

    /// Python `abs(self)`.
    pub fn abs(&self) -> Int {
        match &self.0 {
            Small(v) => match v.checked_abs() {
                Some(a) => Int(Small(a)),
                None => Int(Big(-BigInt::from(*v))),
            },
            Big(b) => Int(Big(b.abs())),
        }
    }

    /// Python `self // o` (floors toward negative infinity).
    pub fn floor_div(&self, o: &Int) -> Result<Int, Exception> {
        if o.is_zero() {
            return Err(int_zero_division());
        }
        if let (Small(a), Small(b)) = (&self.0, &o.0) {
            if let Some(q) = small_floor_div(*a, *b) {
                return Ok(Int(Small(q)));
            }
        }
        Ok(Int::from_big(self.to_bigint().div_floor(&o.to_bigint())))
    }

    /// Python `self % o` (the result has the sign of `o`).
    pub fn modulo(&self, o: &Int) -> Result<Int, Exception> {
        if o.is_zero() {
            return Err(Exception::zero_division("integer modulo by zero"));
        }
        if let (Small(a), Small(b)) = (&self.0, &o.0) {
            return Ok(Int(Small(small_mod(*a, *b))));
        }
        Ok(Int::from_big(self.to_bigint().mod_floor(&o.to_bigint())))
    }

    /// Python `divmod(self, o)`.
    pub fn divmod(&self, o: &Int) -> Result<(Int, Int), Exception> {
        Ok((self.floor_div(o)?, self.modulo(o)?))
    }

    /// Python `self ** exp` for a non-negative exponent. A negative exponent
    /// (a float result in Python) is a `ValueError`.
    pub fn pow(&self, exp: &Int) -> Result<Int, Exception> {
        if exp.is_negative() {
            return Err(Exception::value_error(
                "negative exponent in int ** int is not supported; use float",
            ));
        }
        if let Small(b) = self.0 {
            match b {
                0 => return Ok(Int(Small(if exp.is_zero() { 1 } else { 0 }))),
                1 => return Ok(Int(Small(1))),
                -1 => {
                    let odd = match &exp.0 {
                        Small(e) => e & 1 == 1,
                        Big(e) => e.is_odd(),
                    };
                    return Ok(Int(Small(if odd { -1 } else { 1 })));
                }
                _ => {}
            }
        }
        let e = match exp.to_i64().and_then(|e| u32::try_from(e).ok()) {
            Some(e) => e,
            None => return Err(Exception::memory_error("")),
        };
        if let Small(b) = self.0 {
            if let Some(r) = b.checked_pow(e) {
                return Ok(Int(Small(r)));
            }
        }
        let base = self.to_bigint();
        if base.bits().saturating_mul(u64::from(e)) > MAX_RESULT_BITS {
            return Err(Exception::memory_error(""));
        }
        Ok(Int::from_big(num_traits::pow::Pow::pow(&base, e)))
    }

    /// Python `self / o` for ints: the correctly rounded quotient.
    pub fn true_div(&self, o: &Int) -> Result<f64, Exception> {
        const EXACT: u64 = 1 << 53;
        if let (Small(a), Small(b)) = (&self.0, &o.0) {
            if *b == 0 {
                return Err(Exception::zero_division("division by zero"));
            }
            if a.unsigned_abs() <= EXACT && b.unsigned_abs() <= EXACT {
                return Ok(*a as f64 / *b as f64);
            }
        }
        if o.is_zero() {
            return Err(Exception::zero_division("division by zero"));
        }
        let (sa, ma) = self.to_bigint().into_parts();
        let (sb, mb) = o.to_bigint().into_parts();
        let negative = (sa == Sign::Minus) != (sb == Sign::Minus);
        let q = if ma.is_zero() {
            Some(0.0)
        } else {
            ratio_to_f64(&ma, &mb)
        };
        match q {
            Some(q) => Ok(if negative { -q } else { q }),
            None => Err(Exception::overflow(
                "integer division result too large for a float",
            )),
        }
    }

    /// Python `float(self)`, correctly rounded (half to even).
    pub fn to_f64(&self) -> Result<f64, Exception> {
        match &self.0 {
            Small(v) => Ok(*v as f64),
            Big(b) => match ratio_to_f64(b.magnitude(), &BigUint::from(1u8)) {
                Some(q) => Ok(if b.is_negative() { -q } else { q }),
                None => Err(Exception::overflow("int too large to convert to float")),
            },
        }
    }

    /// Python `self << o`.
    pub fn shl(&self, o: &Int) -> Result<Int, Exception> {
        if o.is_negative() {
            return Err(Exception::value_error("negative shift count"));
        }
        if self.is_zero() {
            return Ok(Int(Small(0)));
        }
        let s = match o.to_i64() {
            Some(s) if (s as u64) < MAX_RESULT_BITS => s as u64,
            _ => return Err(huge_shift(o)),
        };
        if let Small(a) = self.0 {
            if s < 64 {
                let r = a << s;
                if r >> s == a {
                    return Ok(Int(Small(r)));
                }
            }
        }
        let b = self.to_bigint();
        if b.bits() + s > MAX_RESULT_BITS {
            return Err(huge_shift(o));
        }
        Ok(Int::from_big(b << s))
    }

    /// Python `self >> o` (floors toward negative infinity).
    pub fn shr(&self, o: &Int) -> Result<Int, Exception> {
        if o.is_negative() {
            return Err(Exception::value_error("negative shift count"));
        }
        let s = o.to_i64().map(|s| s as u64).unwrap_or(u64::MAX);
        match &self.0 {
            Small(a) => Ok(Int(Small(if s >= 64 {
                if *a < 0 {
                    -1
                } else {
                    0
                }
            } else {
                a >> s
            }))),
            Big(b) => {
                if s >= b.bits() {
                    Ok(Int(Small(if b.is_negative() { -1 } else { 0 })))
                } else {
                    Ok(Int::from_big(b >> s))
                }
            }
        }
    }

    /// Converts to a fixed-width Candid integer, or `OverflowError` naming
    /// the Candid type: `int 300 out of range for nat8`.
    pub fn to_fixed<T: FixedInt>(&self) -> Result<T, Exception> {
        T::from_int(self).ok_or_else(|| {
            Exception::overflow(format!("int {self} out of range for {}", T::CANDID_NAME))
        })
    }

    /// Converts to a Candid `nat`; negative values are an `OverflowError`.
    pub fn to_candid_nat(&self) -> Result<candid::Nat, Exception> {
        match &self.0 {
            Small(v) if *v >= 0 => Ok(candid::Nat::from(*v as u64)),
            Big(b) if !b.is_negative() => Ok(candid::Nat(b.magnitude().clone())),
            _ => Err(Exception::overflow(format!(
                "int {self} out of range for nat"
            ))),
        }
    }

    /// Converts to a Candid `int`.
    pub fn to_candid_int(&self) -> candid::Int {
        candid::Int(self.to_bigint())
    }
}

/// The error for a left shift whose result cannot be allocated: like
/// CPython, `MemoryError` unless the digit count itself would overflow.
#[cold]
fn huge_shift(count: &Int) -> Exception {
    const LIMIT: i128 = 30 << 61;
    match count.to_bigint().to_i128() {
        Some(c) if c < LIMIT => Exception::memory_error(""),
        _ => Exception::overflow("too many digits in integer"),
    }
}

#[cold]
fn int_zero_division() -> Exception {
    Exception::zero_division("integer division or modulo by zero")
}

/// `a // b` for `b != 0`, `None` only for `i64::MIN // -1`.
#[inline]
pub(crate) fn small_floor_div(a: i64, b: i64) -> Option<i64> {
    let q = a.checked_div(b)?;
    if (a % b != 0) && ((a < 0) != (b < 0)) {
        Some(q - 1)
    } else {
        Some(q)
    }
}

/// `a % b` for `b != 0` (never overflows).
#[inline]
pub(crate) fn small_mod(a: i64, b: i64) -> i64 {
    let r = a.wrapping_rem(b);
    if r != 0 && ((r < 0) != (b < 0)) {
        r + b
    } else {
        r
    }
}

/// Parses ASCII digits of `base` with single underscores between digits.
fn parse_digits(s: &[u8], base: u32) -> Option<Int> {
    if s.is_empty() || s[0] == b'_' || s[s.len() - 1] == b'_' {
        return None;
    }
    let mut clean = Vec::with_capacity(s.len());
    let mut prev_underscore = false;
    for &c in s {
        if c == b'_' {
            if prev_underscore {
                return None;
            }
            prev_underscore = true;
            continue;
        }
        prev_underscore = false;
        let d = (c as char).to_digit(base)?;
        clean.push(d as u8);
    }
    // Fast path: fits in i64 without overflow.
    let mut acc: i64 = 0;
    let mut small = true;
    for &d in &clean {
        match acc
            .checked_mul(i64::from(base))
            .and_then(|v| v.checked_add(i64::from(d)))
        {
            Some(v) => acc = v,
            None => {
                small = false;
                break;
            }
        }
    }
    if small {
        return Some(Int(Small(acc)));
    }
    BigUint::from_radix_be(&clean, base).map(|m| Int::from_big(BigInt::from(m)))
}

/// `a / b` for `a, b > 0`, correctly rounded to the nearest `f64` (ties to
/// even, subnormals included); `None` if the result overflows.
fn ratio_to_f64(a: &BigUint, b: &BigUint) -> Option<f64> {
    let diff = a.bits() as i64 - b.bits() as i64;
    // 2^(diff-1) < a/b < 2^(diff+1)
    if diff > 1025 {
        return None;
    }
    if diff < -1077 {
        return Some(0.0);
    }
    // Quotient scaled by 2^-shift: 55 or 56 bits for normal results, so at
    // least two bits below the last kept one; `sticky` records the rest.
    let shift = diff.max(-1021) - 55;
    let (q, sticky) = if shift < 0 {
        let (q, r) = (a << ((-shift) as u64)).div_rem(b);
        (q, !r.is_zero())
    } else if b.bits() == 1 {
        // b == 1: a plain shift.
        let s = shift as u64;
        (a >> s, a.trailing_zeros().unwrap_or(0) < s)
    } else {
        let (q, r) = a.div_rem(&(b << (shift as u64)));
        (q, !r.is_zero())
    };
    let q = q.iter_u64_digits().next().unwrap_or(0);
    if q == 0 {
        // a/b < 2^shift = 2^-1076: below half the smallest subnormal.
        return Some(0.0);
    }
    let qbits = 64 - i64::from(q.leading_zeros());
    let e = qbits - 1 + shift;
    let ulp_exp = e.max(-1022) - 52;
    let drop = (ulp_exp - shift) as u32; // 2 or 3
    let low = q & ((1u64 << drop) - 1);
    let half = 1u64 << (drop - 1);
    let mut m = q >> drop;
    if low > half || (low == half && (sticky || m & 1 == 1)) {
        m += 1;
    }
    // m <= 2^53 and m * 2^ulp_exp is representable unless it overflows.
    let x = m as f64;
    let r = if ulp_exp >= -1022 {
        x * pow2(ulp_exp)
    } else {
        x * pow2(-1022) * pow2(ulp_exp + 1022)
    };
    if r.is_infinite() {
        None
    } else {
        Some(r)
    }
}

/// 2^k for -1022 <= k <= 1023.
fn pow2(k: i64) -> f64 {
    f64::from_bits(((k + 1023) as u64) << 52)
}

impl PartialOrd for Int {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Int {
    fn cmp(&self, other: &Self) -> Ordering {
        match (&self.0, &other.0) {
            (Small(a), Small(b)) => a.cmp(b),
            (Big(a), Big(b)) => a.cmp(b),
            // A Big is outside the i64 range: its sign decides.
            (Small(_), Big(b)) => {
                if b.is_negative() {
                    Ordering::Greater
                } else {
                    Ordering::Less
                }
            }
            (Big(a), Small(_)) => {
                if a.is_negative() {
                    Ordering::Less
                } else {
                    Ordering::Greater
                }
            }
        }
    }
}

impl fmt::Display for Int {
    /// Python `str(int)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Small(v) => fmt::Display::fmt(v, f),
            Big(b) => fmt::Display::fmt(b, f),
        }
    }
}

impl fmt::Debug for Int {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

macro_rules! from_small {
    ($($t:ty),*) => {$(
        impl From<$t> for Int {
            #[inline]
            fn from(v: $t) -> Int {
                Int(Small(i64::from(v)))
            }
        }
    )*};
}
from_small!(i8, i16, i32, i64, u8, u16, u32, bool);

macro_rules! from_wide {
    ($($t:ty),*) => {$(
        impl From<$t> for Int {
            #[inline]
            fn from(v: $t) -> Int {
                match i64::try_from(v) {
                    Ok(s) => Int(Small(s)),
                    Err(_) => Int(Big(BigInt::from(v))),
                }
            }
        }
    )*};
}
from_wide!(u64, i128, u128, usize, isize);

impl From<BigInt> for Int {
    fn from(v: BigInt) -> Int {
        Int::from_big(v)
    }
}

impl From<BigUint> for Int {
    fn from(v: BigUint) -> Int {
        Int::from_big(BigInt::from(v))
    }
}

impl From<&candid::Nat> for Int {
    fn from(v: &candid::Nat) -> Int {
        match v.0.to_i64() {
            Some(s) => Int(Small(s)),
            None => Int(Big(BigInt::from(v.0.clone()))),
        }
    }
}

impl From<candid::Nat> for Int {
    fn from(v: candid::Nat) -> Int {
        Int::from(v.0)
    }
}

impl From<&candid::Int> for Int {
    fn from(v: &candid::Int) -> Int {
        match v.0.to_i64() {
            Some(s) => Int(Small(s)),
            None => Int(Big(v.0.clone())),
        }
    }
}

impl From<candid::Int> for Int {
    fn from(v: candid::Int) -> Int {
        Int::from_big(v.0)
    }
}

impl From<&Int> for candid::Int {
    fn from(v: &Int) -> candid::Int {
        v.to_candid_int()
    }
}

impl From<Int> for candid::Int {
    fn from(v: Int) -> candid::Int {
        match v.0 {
            Small(s) => candid::Int::from(s),
            Big(b) => candid::Int(b),
        }
    }
}

impl TryFrom<&Int> for candid::Nat {
    type Error = Exception;
    fn try_from(v: &Int) -> Result<candid::Nat, Exception> {
        v.to_candid_nat()
    }
}

// ---- arithmetic -----------------------------------------------------------

fn add(a: &Int, b: &Int) -> Int {
    if let (Small(x), Small(y)) = (&a.0, &b.0) {
        if let Some(r) = x.checked_add(*y) {
            return Int(Small(r));
        }
    }
    Int::from_big(a.to_bigint() + b.to_bigint())
}

fn sub(a: &Int, b: &Int) -> Int {
    if let (Small(x), Small(y)) = (&a.0, &b.0) {
        if let Some(r) = x.checked_sub(*y) {
            return Int(Small(r));
        }
    }
    Int::from_big(a.to_bigint() - b.to_bigint())
}

fn mul(a: &Int, b: &Int) -> Int {
    if let (Small(x), Small(y)) = (&a.0, &b.0) {
        if let Some(r) = x.checked_mul(*y) {
            return Int(Small(r));
        }
    }
    Int::from_big(a.to_bigint() * b.to_bigint())
}

fn bitand(a: &Int, b: &Int) -> Int {
    if let (Small(x), Small(y)) = (&a.0, &b.0) {
        return Int(Small(x & y));
    }
    Int::from_big(a.to_bigint() & b.to_bigint())
}

fn bitor(a: &Int, b: &Int) -> Int {
    if let (Small(x), Small(y)) = (&a.0, &b.0) {
        return Int(Small(x | y));
    }
    Int::from_big(a.to_bigint() | b.to_bigint())
}

fn bitxor(a: &Int, b: &Int) -> Int {
    if let (Small(x), Small(y)) = (&a.0, &b.0) {
        return Int(Small(x ^ y));
    }
    Int::from_big(a.to_bigint() ^ b.to_bigint())
}

fn neg(a: &Int) -> Int {
    match &a.0 {
        Small(x) => match x.checked_neg() {
            Some(r) => Int(Small(r)),
            None => Int(Big(-BigInt::from(*x))),
        },
        Big(b) => Int::from_big(-b),
    }
}

fn invert(a: &Int) -> Int {
    match &a.0 {
        Small(x) => Int(Small(!x)),
        // ~x == -x - 1
        Big(b) => Int::from_big(-b - 1),
    }
}

macro_rules! binop {
    ($trait:ident, $method:ident, $f:ident) => {
        impl $trait<&Int> for &Int {
            type Output = Int;
            #[inline]
            fn $method(self, rhs: &Int) -> Int {
                $f(self, rhs)
            }
        }
        impl $trait<Int> for &Int {
            type Output = Int;
            #[inline]
            fn $method(self, rhs: Int) -> Int {
                $f(self, &rhs)
            }
        }
        impl $trait<&Int> for Int {
            type Output = Int;
            #[inline]
            fn $method(self, rhs: &Int) -> Int {
                $f(&self, rhs)
            }
        }
        impl $trait<Int> for Int {
            type Output = Int;
            #[inline]
            fn $method(self, rhs: Int) -> Int {
                $f(&self, &rhs)
            }
        }
    };
}
binop!(Add, add, add);
binop!(Sub, sub, sub);
binop!(Mul, mul, mul);
binop!(BitAnd, bitand, bitand);
binop!(BitOr, bitor, bitor);
binop!(BitXor, bitxor, bitxor);

macro_rules! assignop {
    ($trait:ident, $method:ident, $f:ident) => {
        impl $trait<&Int> for Int {
            #[inline]
            fn $method(&mut self, rhs: &Int) {
                *self = $f(self, rhs);
            }
        }
        impl $trait<Int> for Int {
            #[inline]
            fn $method(&mut self, rhs: Int) {
                *self = $f(self, &rhs);
            }
        }
    };
}
assignop!(AddAssign, add_assign, add);
assignop!(SubAssign, sub_assign, sub);
assignop!(MulAssign, mul_assign, mul);

impl Neg for &Int {
    type Output = Int;
    fn neg(self) -> Int {
        neg(self)
    }
}

impl Neg for Int {
    type Output = Int;
    fn neg(self) -> Int {
        neg(&self)
    }
}

impl Not for &Int {
    type Output = Int;
    /// Python `~x`.
    fn not(self) -> Int {
        invert(self)
    }
}

impl Not for Int {
    type Output = Int;
    /// Python `~x`.
    fn not(self) -> Int {
        invert(&self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalized_after_big_ops() {
        let max = Int::from(i64::MAX);
        let one = Int::from(1);
        let big = &max + &one;
        assert!(big.to_i64().is_none());
        let back = &big - &one;
        assert_eq!(back.to_i64(), Some(i64::MAX));
        assert_eq!(back, max);
        assert!(Int::from(u64::MAX) > Int::from(i64::MAX));
        assert!(-Int::from(u64::MAX) < Int::from(i64::MIN));
    }

    #[test]
    fn parse_rules() {
        assert_eq!(Int::parse(" -0x_ff ", 0), Ok(Int::from(-255)));
        assert_eq!(Int::parse("1_000", 10), Ok(Int::from(1000)));
        assert_eq!(Int::parse("000", 0), Ok(Int::from(0)));
        assert!(Int::parse("010", 0).is_err());
        assert!(Int::parse("1__0", 10).is_err());
        assert!(Int::parse("_1", 10).is_err());
        assert!(Int::parse("1_", 10).is_err());
        assert!(Int::parse("", 10).is_err());
        assert!(Int::parse("0x", 16).is_err());
        assert_eq!(Int::parse("z", 36), Ok(Int::from(35)));
        assert_eq!(
            Int::parse("12a", 10).unwrap_err().to_string(),
            "ValueError: invalid literal for int() with base 10: '12a'"
        );
        assert_eq!(
            Int::from_decimal("18446744073709551616").to_string(),
            "18446744073709551616"
        );
    }

    #[test]
    fn from_f64_truncates() {
        assert_eq!(Int::from_f64(-2.7), Ok(Int::from(-2)));
        assert_eq!(
            Int::from_f64(1e20).unwrap().to_string(),
            "100000000000000000000"
        );
        assert_eq!(
            Int::from_f64(-9.3e18).unwrap().to_string(),
            "-9300000000000000000"
        );
        assert_eq!(Int::from_f64(f64::NAN).unwrap_err().kind, "ValueError");
        assert_eq!(
            Int::from_f64(f64::INFINITY).unwrap_err().kind,
            "OverflowError"
        );
    }
}
