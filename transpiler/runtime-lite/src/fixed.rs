//! Kybra's fixed-width Candid integers (`nat8`..`nat64`, `int8`..`int64`):
//! Python integer semantics while the value stays in range, an
//! `OverflowError` the moment it leaves it.

use core::fmt::Display;

use crate::exception::Exception;
use crate::int::Int;

/// A fixed-width Candid integer type (`u8`..`u64`, `i8`..`i64`).
///
/// Every operation computes the exact Python result; if it does not fit the
/// type the result is `Err(OverflowError)` (Kybra traps there).
pub trait FixedInt: Copy + Ord + Display {
    /// The Candid type name: `"nat8"`..`"nat64"`, `"int8"`..`"int64"`.
    const CANDID_NAME: &'static str;
    /// `self + o`.
    fn py_add(self, o: Self) -> Result<Self, Exception>;
    /// `self - o`.
    fn py_sub(self, o: Self) -> Result<Self, Exception>;
    /// `self * o`.
    fn py_mul(self, o: Self) -> Result<Self, Exception>;
    /// `self // o` (flooring).
    fn py_floordiv(self, o: Self) -> Result<Self, Exception>;
    /// `self % o` (sign of `o`).
    fn py_mod(self, o: Self) -> Result<Self, Exception>;
    /// `self ** exp`; a negative exponent is a `ValueError`.
    fn py_pow(self, exp: Self) -> Result<Self, Exception>;
    /// `-self`.
    fn py_neg(self) -> Result<Self, Exception>;
    /// `~self` (`-self - 1`; out of range for every unsigned value).
    fn py_invert(self) -> Result<Self, Exception>;
    /// `self / o` (true division, correctly rounded).
    fn py_truediv(self, o: Self) -> Result<f64, Exception>;
    /// `self << o`.
    fn py_shl(self, o: Self) -> Result<Self, Exception>;
    /// `self >> o` (flooring).
    fn py_shr(self, o: Self) -> Result<Self, Exception>;
    /// The value as a Python int.
    fn to_int(self) -> Int;
    /// `float(self)` (never fails for 64-bit or smaller values).
    fn to_f64(self) -> f64;
    /// The value of `v` if it is in range.
    fn from_int(v: &Int) -> Option<Self>;
}

/// The `OverflowError` of a Python int stored into a fixed-width type.
#[cold]
#[inline(never)]
fn out_of_range(name: &str, value: impl Display) -> Exception {
    Exception::overflow(format!("int {value} out of range for {name}"))
}

/// A Python int computed natively (in `i128`) stored into a fixed-width
/// type: `OverflowError` when it does not fit.
#[inline]
pub fn narrow<T: FixedInt + TryFrom<i128>>(v: i128) -> Result<T, Exception> {
    T::try_from(v).map_err(|_| out_of_range(T::CANDID_NAME, v))
}

/// The `OverflowError` of an operation whose exact Python result `a op b`
/// does not fit the fixed-width type it is stored into.
#[cold]
#[inline(never)]
fn overflow(name: &str, a: Int, op: &str, b: Int) -> Exception {
    // Results of a few hundred bits are shown exactly; larger ones (which a
    // 64-bit exponent or shift can make astronomically large) as written.
    let small = b.to_i64().is_some_and(|b| {
        let bits = a.to_bigint().bits() as i64;
        match op {
            "<<" => bits.saturating_add(b) <= 256,
            "**" => bits.saturating_mul(b) <= 256,
            _ => true,
        }
    });
    let exact = match op {
        _ if !small => return out_of_range(name, format!("{a} {op} {b}")),
        "<<" => a.shl(&b),
        "**" => a.pow(&b),
        "//" => a.floor_div(&b),
        _ => Ok(a),
    };
    match exact {
        Ok(v) => out_of_range(name, v),
        Err(e) => e,
    }
}

#[cold]
#[inline(never)]
fn unary_overflow(name: &str, op: &str, a: Int) -> Exception {
    out_of_range(name, if op == "~" { !a } else { -a })
}

#[cold]
fn zero_division() -> Exception {
    Exception::zero_division("integer division or modulo by zero")
}

#[cold]
fn modulo_by_zero() -> Exception {
    Exception::zero_division("integer modulo by zero")
}

/// `a / b` for two integers that are exact as `f64` up to 2^53, otherwise
/// through the big-integer path.
fn truediv_i64(a: i64, b: i64) -> Result<f64, Exception> {
    if b == 0 {
        return Err(Exception::zero_division("division by zero"));
    }
    const EXACT: u64 = 1 << 53;
    if a.unsigned_abs() <= EXACT && b.unsigned_abs() <= EXACT {
        Ok(a as f64 / b as f64)
    } else {
        Int::from(a).true_div(&Int::from(b))
    }
}

macro_rules! fixed_common {
    ($t:ty, $name:literal) => {
        const CANDID_NAME: &'static str = $name;

        #[inline]
        fn py_add(self, o: Self) -> Result<Self, Exception> {
            self.checked_add(o)
                .ok_or_else(|| out_of_range($name, self as i128 + o as i128))
        }

        #[inline]
        fn py_sub(self, o: Self) -> Result<Self, Exception> {
            self.checked_sub(o)
                .ok_or_else(|| out_of_range($name, self as i128 - o as i128))
        }

        #[inline]
        fn py_mul(self, o: Self) -> Result<Self, Exception> {
            self.checked_mul(o)
                .ok_or_else(|| out_of_range($name, self.to_int() * o.to_int()))
        }

        fn py_shl(self, o: Self) -> Result<Self, Exception> {
            if (o as i128) < 0 {
                return Err(Exception::value_error("negative shift count"));
            }
            if self == 0 {
                return Ok(0);
            }
            // Exact in i128 for shifts below 64; anything larger leaves the range.
            let r = if (o as u64) < 64 {
                <$t>::try_from((self as i128) << (o as u32)).ok()
            } else {
                None
            };
            r.ok_or_else(|| overflow($name, self.to_int(), "<<", o.to_int()))
        }

        fn py_shr(self, o: Self) -> Result<Self, Exception> {
            if (o as i128) < 0 {
                return Err(Exception::value_error("negative shift count"));
            }
            // Arithmetic shift in i128 floors; shifts past the width give 0 or -1.
            Ok(((self as i128) >> (o as u64).min(127)) as $t)
        }

        #[inline]
        fn to_int(self) -> Int {
            Int::from(self)
        }

        #[inline]
        fn to_f64(self) -> f64 {
            self as f64
        }

        fn from_int(v: &Int) -> Option<Self> {
            match v.to_i64() {
                Some(s) => <$t>::try_from(s).ok(),
                None => v.to_candid_nat().ok().and_then(|n| {
                    let digits = n.0.to_u64_digits();
                    match digits.as_slice() {
                        [d] => <$t>::try_from(*d).ok(),
                        _ => None,
                    }
                }),
            }
        }

        fn py_pow(self, exp: Self) -> Result<Self, Exception> {
            if (exp as i128) < 0 {
                return Err(Exception::value_error(
                    "negative exponent in int ** int is not supported; use float",
                ));
            }
            let r = match u32::try_from(exp) {
                Ok(e) => self.checked_pow(e),
                // Only 0, 1 and -1 survive exponents beyond u32.
                Err(_) => match self as i128 {
                    0 | 1 => Some(self),
                    -1 => Some(if exp % 2 == 0 { 1 } else { self }),
                    _ => None,
                },
            };
            r.ok_or_else(|| overflow($name, self.to_int(), "**", exp.to_int()))
        }
    };
}

macro_rules! fixed_unsigned {
    ($($t:ty => $name:literal),*) => {$(
        impl FixedInt for $t {
            fixed_common!($t, $name);

            #[inline]
            fn py_floordiv(self, o: Self) -> Result<Self, Exception> {
                self.checked_div(o).ok_or_else(zero_division)
            }

            #[inline]
            fn py_mod(self, o: Self) -> Result<Self, Exception> {
                self.checked_rem(o).ok_or_else(modulo_by_zero)
            }

            fn py_neg(self) -> Result<Self, Exception> {
                if self == 0 {
                    Ok(0)
                } else {
                    Err(unary_overflow($name, "-", self.to_int()))
                }
            }

            fn py_invert(self) -> Result<Self, Exception> {
                Err(unary_overflow($name, "~", self.to_int()))
            }

            fn py_truediv(self, o: Self) -> Result<f64, Exception> {
                match (i64::try_from(self), i64::try_from(o)) {
                    (Ok(a), Ok(b)) => truediv_i64(a, b),
                    _ => Int::from(self).true_div(&Int::from(o)),
                }
            }
        }
    )*};
}

macro_rules! fixed_signed {
    ($($t:ty => $name:literal),*) => {$(
        impl FixedInt for $t {
            fixed_common!($t, $name);

            fn py_floordiv(self, o: Self) -> Result<Self, Exception> {
                if o == 0 {
                    return Err(zero_division());
                }
                match self.checked_div(o) {
                    Some(q) => Ok(if self % o != 0 && ((self < 0) != (o < 0)) { q - 1 } else { q }),
                    None => Err(overflow($name, self.to_int(), "//", o.to_int())),
                }
            }

            fn py_mod(self, o: Self) -> Result<Self, Exception> {
                if o == 0 {
                    return Err(modulo_by_zero());
                }
                let r = self.wrapping_rem(o);
                Ok(if r != 0 && ((r < 0) != (o < 0)) { r + o } else { r })
            }

            fn py_neg(self) -> Result<Self, Exception> {
                self.checked_neg().ok_or_else(|| unary_overflow($name, "-", self.to_int()))
            }

            #[inline]
            fn py_invert(self) -> Result<Self, Exception> {
                Ok(!self)
            }

            fn py_truediv(self, o: Self) -> Result<f64, Exception> {
                truediv_i64(self as i64, o as i64)
            }
        }
    )*};
}

fixed_unsigned!(u8 => "nat8", u16 => "nat16", u32 => "nat32", u64 => "nat64");
fixed_signed!(i8 => "int8", i16 => "int16", i32 => "int32", i64 => "int64");
