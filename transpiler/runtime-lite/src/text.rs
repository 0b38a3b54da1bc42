//! Python `str` and `bytes` helpers whose results are Python ints or need
//! Python's rules.

use crate::exception::{trap, Exception};
use crate::int::Int;

/// Python `len(s)` for a `str`: the number of code points.
pub fn len(s: &str) -> Int {
    Int::from(s.chars().count())
}

/// Python `len(b)` for `bytes`.
pub fn bytes_len(b: &[u8]) -> Int {
    Int::from(b.len())
}

/// Python `s * n`: empty for `n <= 0`. A result too large for memory traps
/// with `MemoryError` (use [`try_repeat`] inside `try`).
pub fn repeat(s: &str, n: &Int) -> String {
    match try_repeat(s, n) {
        Ok(r) => r,
        Err(e) => trap(&e.to_string()),
    }
}

/// Python `s * n`, reporting an oversized result as `MemoryError`.
pub fn try_repeat(s: &str, n: &Int) -> Result<String, Exception> {
    if s.is_empty() || n.is_negative() || n.is_zero() {
        return Ok(String::new());
    }
    let count = n
        .to_i64()
        .and_then(|v| usize::try_from(v).ok())
        .ok_or_else(|| Exception::overflow("cannot fit 'int' into an index-sized integer"))?;
    match s.len().checked_mul(count) {
        Some(total) if total <= isize::MAX as usize / 2 => Ok(s.repeat(count)),
        _ => Err(Exception::memory_error("")),
    }
}

/// Python `b * n` for `bytes`.
pub fn try_repeat_bytes(b: &[u8], n: &Int) -> Result<Vec<u8>, Exception> {
    if b.is_empty() || n.is_negative() || n.is_zero() {
        return Ok(Vec::new());
    }
    let count = n
        .to_i64()
        .and_then(|v| usize::try_from(v).ok())
        .ok_or_else(|| Exception::overflow("cannot fit 'int' into an index-sized integer"))?;
    match b.len().checked_mul(count) {
        Some(total) if total <= isize::MAX as usize / 2 => Ok(b.repeat(count)),
        _ => Err(Exception::memory_error("")),
    }
}

/// Whether Python's `str.isspace()` holds for `c` (what `strip()` and
/// `int()` skip): Unicode White_Space plus the ASCII separators
/// U+001C..U+001F.
pub fn is_py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// `s.strip(chars)` / `lstrip` / `rstrip`: without `chars`, Python's
/// whitespace (`str.isspace`); with it, any of its characters.
pub fn strip(s: &str, chars: Option<&str>, left: bool, right: bool) -> String {
    let strip = |c: char| match chars {
        None => is_py_space(c),
        Some(set) => set.contains(c),
    };
    let mut out = s;
    if left {
        out = out.trim_start_matches(strip);
    }
    if right {
        out = out.trim_end_matches(strip);
    }
    out.to_string()
}

/// `s.split()`: runs of whitespace separate, and none yield empty parts.
pub fn split_whitespace(s: &str) -> Vec<String> {
    s.split(is_py_space)
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect()
}

/// `s.split(sep)`: every occurrence separates (empty parts kept);
/// `ValueError: empty separator` for `""`.
pub fn split(s: &str, sep: &str) -> Result<Vec<String>, Exception> {
    if sep.is_empty() {
        return Err(Exception::value_error("empty separator"));
    }
    Ok(s.split(sep).map(str::to_string).collect())
}

/// `s.find(sub)`: the code-point index of the first occurrence, or -1.
pub fn find(s: &str, sub: &str) -> Int {
    match s.find(sub) {
        Some(byte) => Int::from(s[..byte].chars().count()),
        None => Int::from(-1i8),
    }
}

/// `s.count(sub)`: non-overlapping occurrences (`len(s) + 1` for `""`).
pub fn count(s: &str, sub: &str) -> Int {
    if sub.is_empty() {
        return Int::from(s.chars().count() + 1);
    }
    Int::from(s.matches(sub).count())
}

/// `s[i]`: the code point at `i` (negative counts from the end).
pub fn char_at(s: &str, i: &Int) -> Result<String, Exception> {
    let out_of_range = || Exception::new("IndexError", "string index out of range");
    let i = crate::list::index_arg(i)?;
    let n = if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    } as i64;
    let i = if i < 0 { i + n } else { i };
    if !(0..n).contains(&i) {
        return Err(out_of_range());
    }
    Ok(if s.is_ascii() {
        s[i as usize..i as usize + 1].to_string()
    } else {
        s.chars()
            .nth(i as usize)
            .map(String::from)
            .unwrap_or_default()
    })
}

/// `b[i]`: the byte at `i` as an int.
pub fn byte_at(b: &[u8], i: &Int) -> Result<Int, Exception> {
    let out_of_range = || Exception::new("IndexError", "index out of range");
    let i = crate::list::index_arg(i)?;
    let n = b.len() as i64;
    let i = if i < 0 { i + n } else { i };
    if !(0..n).contains(&i) {
        return Err(out_of_range());
    }
    Ok(Int::from(b[i as usize]))
}

/// `s[start:stop:step]` by code points.
pub fn slice(
    s: &str,
    start: Option<i64>,
    stop: Option<i64>,
    step: Option<i64>,
) -> Result<String, Exception> {
    if s.is_ascii() {
        let bytes = crate::list::slice_of(s.as_bytes(), start, stop, step)?;
        return Ok(bytes.into_iter().map(char::from).collect());
    }
    let chars: Vec<char> = s.chars().collect();
    Ok(crate::list::slice_of(&chars, start, stop, step)?
        .into_iter()
        .collect())
}

/// `b.decode("utf-8")`: CPython's `UnicodeDecodeError` text for the first
/// invalid byte.
pub fn decode_utf8(b: &[u8]) -> Result<String, Exception> {
    match std::str::from_utf8(b) {
        Ok(s) => Ok(s.to_string()),
        Err(e) => {
            let pos = e.valid_up_to();
            let byte = b[pos];
            let message = match e.error_len() {
                // A truncated sequence at the end: CPython names all its bytes.
                None if b.len() - pos > 1 => format!(
                    "'utf-8' codec can't decode bytes in position {pos}-{}: unexpected end of data",
                    b.len() - 1
                ),
                None => format!(
                    "'utf-8' codec can't decode byte 0x{byte:02x} in position {pos}: unexpected end of data"
                ),
                Some(_) => {
                    let reason = if matches!(byte, 0x80..=0xc1 | 0xf5..=0xff) {
                        "invalid start byte"
                    } else {
                        "invalid continuation byte"
                    };
                    format!("'utf-8' codec can't decode byte 0x{byte:02x} in position {pos}: {reason}")
                }
            };
            Err(Exception::new("UnicodeDecodeError", message))
        }
    }
}

/// `b.hex()`: two lower-case hex digits per byte.
pub fn bytes_hex(b: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(b.len() * 2);
    for &x in b {
        out.push(char::from(DIGITS[usize::from(x >> 4)]));
        out.push(char::from(DIGITS[usize::from(x & 15)]));
    }
    out
}

/// `bytes.fromhex(s)`: pairs of hex digits, ASCII whitespace allowed
/// between pairs; CPython's `ValueError` naming the first bad position.
pub fn bytes_fromhex(s: &str) -> Result<Vec<u8>, Exception> {
    let bad = |pos: usize| {
        Exception::value_error(format!(
            "non-hexadecimal number found in fromhex() arg at position {pos}"
        ))
    };
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(chars.len() / 2);
    let mut i = 0;
    while i < chars.len() {
        if matches!(chars[i], ' ' | '\t' | '\n' | '\r' | '\u{b}' | '\u{c}') {
            i += 1;
            continue;
        }
        let hi = chars[i].to_digit(16).ok_or_else(|| bad(i))?;
        let lo = chars
            .get(i + 1)
            .and_then(|c| c.to_digit(16))
            .ok_or_else(|| bad(i + 1))?;
        out.push((hi * 16 + lo) as u8);
        i += 2;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_and_repeat() {
        assert_eq!(len("héllo\u{1F600}"), Int::from(6));
        assert_eq!(bytes_len(&[1, 2, 3]), Int::from(3));
        assert_eq!(repeat("ab", &Int::from(3)), "ababab");
        assert_eq!(repeat("ab", &Int::from(-3)), "");
        assert_eq!(repeat("", &Int::from_decimal("100000000000000000000")), "");
        assert_eq!(
            try_repeat("ab", &Int::from_decimal("100000000000000000000"))
                .unwrap_err()
                .kind,
            "OverflowError"
        );
        assert_eq!(
            try_repeat("ab", &Int::from(i64::MAX)).unwrap_err().kind,
            "MemoryError"
        );
        assert_eq!(try_repeat_bytes(b"x", &Int::from(2)), Ok(b"xx".to_vec()));
    }
}
