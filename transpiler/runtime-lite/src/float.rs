//! Python `float` semantics on `f64`: `repr`, and the operators whose Python
//! behaviour differs from IEEE/Rust (`/`, `//`, `%`, `**`).

use crate::exception::Exception;

/// Python `float(s)` for a `str`: surrounding whitespace, a sign, `inf`,
/// `infinity` and `nan` in any case, and single underscores between
/// digits (`"1_000.5"`).
pub fn parse(s: &str) -> Result<f64, Exception> {
    let invalid = || {
        Exception::value_error(format!(
            "could not convert string to float: {}",
            crate::pystr::str_repr(s)
        ))
    };
    let t = s.trim_matches(crate::text::is_py_space);
    let bytes = t.as_bytes();
    let mut plain = String::with_capacity(t.len());
    for (i, &c) in bytes.iter().enumerate() {
        match c {
            b'_' => {
                let between = i > 0
                    && bytes[i - 1].is_ascii_digit()
                    && bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
                if !between {
                    return Err(invalid());
                }
            }
            b'0'..=b'9' | b'.' | b'e' | b'E' | b'+' | b'-' => plain.push(c as char),
            // Only the words `inf`, `infinity` and `nan` have letters.
            c if c.is_ascii_alphabetic() => plain.push(c as char),
            _ => return Err(invalid()),
        }
    }
    let word = plain.trim_start_matches(['+', '-']).to_ascii_lowercase();
    let letters = plain
        .bytes()
        .any(|c| c.is_ascii_alphabetic() && !matches!(c, b'e' | b'E'));
    if letters && !matches!(word.as_str(), "inf" | "infinity" | "nan") {
        return Err(invalid());
    }
    if plain.len() - word.len() > 1 {
        return Err(invalid());
    }
    plain.parse::<f64>().map_err(|_| invalid())
}

/// Python `repr(x)` (and `str(x)`): the shortest digits that round-trip,
/// fixed notation for decimal exponents in `-4 <= exp < 16`, otherwise
/// scientific (`1e+16`, `1e-05`), always with a `.0` when integral.
pub fn repr(x: f64) -> String {
    let mut out = String::new();
    write_repr(&mut out, x);
    out
}

/// `repr` of a Kybra `float32`: a Python float, i.e. the value widened to
/// `f64` (`repr_f32(0.1)` is `"0.10000000149011612"`).
pub fn repr_f32(x: f32) -> String {
    repr(f64::from(x))
}

pub(crate) fn write_repr(out: &mut String, x: f64) {
    if x.is_nan() {
        out.push_str("nan");
        return;
    }
    if x.is_sign_negative() {
        out.push('-');
    }
    if x.is_infinite() {
        out.push_str("inf");
        return;
    }
    if x == 0.0 {
        out.push_str("0.0");
        return;
    }
    let (digits, decpt) = shortest_digits(x.abs());
    if decpt <= -4 || decpt > 16 {
        push_sci(out, &digits, decpt - 1, false, 'e');
    } else {
        push_fixed(out, &digits, decpt, 1);
    }
}

/// The shortest round-trip decimal digits of a finite `x > 0` and the
/// position of the decimal point: `x = 0.d1d2... * 10^decpt`.
pub(crate) fn shortest_digits(x: f64) -> (String, i32) {
    let (digits, decpt) = split_sci(&format!("{x:e}"));
    match tie_to_even(x, &digits, decpt) {
        Some(even) => (even, decpt),
        None => (digits, decpt),
    }
}

/// When `x` lies exactly halfway between two shortest candidates of equal
/// length, core's shortest formatting may take the odd one while CPython
/// takes the even one (`226.82766723632812`, not `...13`). Returns the even
/// candidate when it differs from `digits` and still round-trips.
///
/// A tie needs the exact decimal value of `x` to have exactly one digit
/// more than `digits`, ending in 5; such values are short, so the check
/// stays in integer arithmetic.
fn tie_to_even(x: f64, digits: &str, decpt: i32) -> Option<String> {
    let n = digits.len();
    if n > 17 {
        return None;
    }
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1u64 << 52) - 1);
    let (mut m, mut e) = if biased == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), biased - 1075)
    };
    if m == 0 {
        return None;
    }
    let tz = m.trailing_zeros();
    m >>= tz;
    e += tz as i32;
    // x = exact * 10^e with `exact` an integer without trailing zeros.
    let exact: u128 = if e < 0 {
        let k = -e;
        if k > 27 {
            return None;
        }
        u128::from(m) * 5u128.pow(k as u32)
    } else {
        if e > 22 {
            return None;
        }
        let p = 5u64.pow(e as u32);
        if m % p != 0 {
            return None;
        }
        u128::from(m / p)
    };
    const MAX: u128 = 1_000_000_000_000_000_000; // 10^18: at most 18 digits
    if exact >= MAX || exact % 10 != 5 {
        return None;
    }
    let exact = exact as u64;
    let len = exact.ilog10() as usize + 1;
    if len != n + 1 || len as i32 + e != decpt {
        return None;
    }
    let lo = exact / 10;
    let hi = lo + 1;
    let ours: u64 = digits.parse().ok()?;
    if (ours != lo && ours != hi) || hi.ilog10() as usize + 1 != n {
        return None;
    }
    let even = if lo.is_multiple_of(2) { lo } else { hi };
    if even == ours {
        return None;
    }
    // Both candidates are 10^q / 2 away from x (q = e + 1). The rounding
    // interval is symmetric, so the other one round-trips as well, except
    // below a power of two, where the gap to the next float is
    // 2^(biased - 1076): there it round-trips iff 10^q / 2 <= that gap / 2
    // (a tie rounds back to x's even mantissa).
    if frac == 0 && biased > 1 && even < ours && !pow10_le_pow2(e + 1, biased - 1076) {
        return None;
    }
    Some(even.to_string())
}

/// `10^q <= 2^a` for `|q| <= 28`.
fn pow10_le_pow2(q: i32, a: i32) -> bool {
    // 10^q = 5^q * 2^q, so compare 5^q with 2^b.
    let b = a - q;
    if q >= 0 {
        let p5 = 5u128.pow(q as u32);
        b >= 0 && (b >= 127 || p5 <= 1u128 << b)
    } else {
        let p5 = 5u128.pow((-q) as u32);
        b >= 0 || (-b < 127 && (1u128 << -b) <= p5)
    }
}

/// `x > 0` (finite) correctly rounded to `n >= 1` significant digits
/// (ties to even on the exact binary value), as digits and decimal point.
pub(crate) fn rounded_digits(x: f64, n: usize) -> (String, i32) {
    split_sci(&format!("{:.*e}", n - 1, x))
}

/// Splits Rust's `{:e}` output (`1.2345e-7`) into digits and `decpt`.
fn split_sci(s: &str) -> (String, i32) {
    let (mant, exp) = s.split_once('e').unwrap_or((s, "0"));
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let exp: i32 = exp.parse().unwrap_or(0);
    (digits, exp + 1)
}

/// `d.ddd` + `e` + sign + at least two exponent digits.
pub(crate) fn push_sci(out: &mut String, digits: &str, exp: i32, force_point: bool, e: char) {
    out.push_str(&digits[..1]);
    if digits.len() > 1 || force_point {
        out.push('.');
        out.push_str(&digits[1..]);
    }
    out.push(e);
    out.push(if exp < 0 { '-' } else { '+' });
    let a = exp.unsigned_abs();
    if a < 10 {
        out.push('0');
    }
    out.push_str(&a.to_string());
}

/// Fixed notation of `0.digits * 10^decpt` with at least `min_frac`
/// fraction digits (padding with zeros); `min_frac == 0` and no fraction
/// digits gives no decimal point.
pub(crate) fn push_fixed(out: &mut String, digits: &str, decpt: i32, min_frac: usize) {
    let frac_len;
    if decpt <= 0 {
        out.push_str("0.");
        for _ in 0..(-decpt) {
            out.push('0');
        }
        out.push_str(digits);
        frac_len = (-decpt) as usize + digits.len();
    } else {
        let d = decpt as usize;
        if d >= digits.len() {
            out.push_str(digits);
            for _ in digits.len()..d {
                out.push('0');
            }
            frac_len = 0;
            if min_frac > 0 {
                out.push('.');
            }
        } else {
            out.push_str(&digits[..d]);
            out.push('.');
            out.push_str(&digits[d..]);
            frac_len = digits.len() - d;
        }
    }
    for _ in frac_len..min_frac {
        out.push('0');
    }
}

/// Python `a / b`.
#[inline]
pub fn div(a: f64, b: f64) -> Result<f64, Exception> {
    if b == 0.0 {
        return Err(Exception::zero_division("float division by zero"));
    }
    Ok(a / b)
}

/// Python `a % b`: the result has the sign of `b` (`-0.0` / `0.0` on exact
/// zero, following `b`).
pub fn modulo(a: f64, b: f64) -> Result<f64, Exception> {
    if b == 0.0 {
        return Err(Exception::zero_division("float modulo"));
    }
    Ok(mod_unchecked(a, b))
}

fn mod_unchecked(a: f64, b: f64) -> f64 {
    let m = a % b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m + b
        } else {
            m
        }
    } else {
        0.0f64.copysign(b)
    }
}

/// Python `a // b`: `floor(a / b)` computed exactly as CPython does
/// (consistent with `%`, so `a == (a // b) * b + a % b` up to rounding).
pub fn floor_div(a: f64, b: f64) -> Result<f64, Exception> {
    if b == 0.0 {
        return Err(Exception::zero_division("float floor division by zero"));
    }
    let m = a % b;
    let mut div = (a - m) / b;
    if m != 0.0 && ((b < 0.0) != (m < 0.0)) {
        div -= 1.0;
    }
    Ok(if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(a / b)
    })
}

/// Python `divmod(a, b)` for floats.
pub fn divmod(a: f64, b: f64) -> Result<(f64, f64), Exception> {
    if b == 0.0 {
        return Err(Exception::zero_division("float divmod()"));
    }
    Ok((floor_div(a, b)?, mod_unchecked(a, b)))
}

fn is_odd_integer(x: f64) -> bool {
    (x.abs() % 2.0) == 1.0
}

/// Python `a ** b` for floats. A negative base with a non-integral exponent
/// (a complex result in Python) is a `ValueError`.
pub fn pow(a: f64, b: f64) -> Result<f64, Exception> {
    if b == 0.0 {
        return Ok(1.0);
    }
    if a.is_nan() {
        return Ok(a);
    }
    if b.is_nan() {
        return Ok(if a == 1.0 { 1.0 } else { b });
    }
    if b.is_infinite() {
        let m = a.abs();
        return Ok(if m == 1.0 {
            1.0
        } else if (b > 0.0) == (m > 1.0) {
            f64::INFINITY
        } else {
            0.0
        });
    }
    if a.is_infinite() {
        let odd = is_odd_integer(b);
        return Ok(if b > 0.0 {
            if odd {
                a
            } else {
                a.abs()
            }
        } else if odd {
            0.0f64.copysign(a)
        } else {
            0.0
        });
    }
    if a == 0.0 {
        if b < 0.0 {
            return Err(Exception::zero_division(
                "0.0 cannot be raised to a negative power",
            ));
        }
        return Ok(if is_odd_integer(b) { a } else { 0.0 });
    }
    let mut base = a;
    let mut negate = false;
    if a < 0.0 {
        if b != b.floor() {
            return Err(Exception::value_error(
                "negative number cannot be raised to a fractional power",
            ));
        }
        base = -a;
        negate = is_odd_integer(b);
    }
    if base == 1.0 {
        return Ok(if negate { -1.0 } else { 1.0 });
    }
    let r = base.powf(b);
    if r.is_infinite() {
        return Err(Exception::overflow("(34, 'Numerical result out of range')"));
    }
    Ok(if negate { -r } else { r })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_basics() {
        assert_eq!(repr(1.0), "1.0");
        assert_eq!(repr(0.1), "0.1");
        assert_eq!(repr(1e16), "1e+16");
        assert_eq!(repr(1e15), "1000000000000000.0");
        assert_eq!(repr(1e-5), "1e-05");
        assert_eq!(repr(0.0001), "0.0001");
        assert_eq!(repr(-0.0), "-0.0");
        assert_eq!(repr(f64::NAN), "nan");
        assert_eq!(repr(f64::NEG_INFINITY), "-inf");
        assert_eq!(repr(5e-324), "5e-324");
        assert_eq!(repr(1.5e300), "1.5e+300");
        assert_eq!(repr_f32(0.1), "0.10000000149011612");
    }
}
