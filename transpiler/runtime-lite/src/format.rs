//! Python `format(value, spec)`: the format-spec mini-language
//! `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.

use crate::exception::Exception;
use crate::float::{push_fixed, push_sci, rounded_digits, shortest_digits};
use crate::int::Int;
use crate::pystr::bytes_repr;

/// Python `format(self, spec)` (what f-strings call for `{x:spec}`).
pub trait PyFormat {
    /// Formats the value per `spec`, or the `ValueError`/`TypeError`/
    /// `OverflowError` Python raises for it.
    fn py_format(&self, spec: &str) -> Result<String, Exception>;
}

/// Widths and precisions beyond this are refused with `MemoryError`
/// (Python would try to allocate them).
const MAX_WIDTH: usize = 1 << 28;

struct Spec {
    fill: char,
    align: Option<char>,
    sign: Option<char>,
    z: bool,
    alt: bool,
    width: usize,
    grouping: Option<char>,
    precision: Option<usize>,
    ty: Option<char>,
}

/// How Python names a presentation type in error messages.
fn code(c: char) -> String {
    let v = c as u32;
    if v > 32 && v < 128 {
        format!("'{c}'")
    } else {
        format!("'\\x{v:x}'")
    }
}

#[cold]
fn unknown_code(c: char, type_name: &str) -> Exception {
    Exception::value_error(format!(
        "Unknown format code {} for object of type '{type_name}'",
        code(c)
    ))
}

fn is_align(c: char) -> bool {
    matches!(c, '<' | '>' | '^' | '=')
}

/// Reads ASCII digits at `pos`: the value and the position after them.
fn read_number(c: &[char], mut pos: usize) -> Result<(usize, usize), Exception> {
    let mut acc: u64 = 0;
    while let Some(d) = c.get(pos).and_then(|ch| ch.to_digit(10)) {
        acc = acc
            .checked_mul(10)
            .and_then(|a| a.checked_add(u64::from(d)))
            .filter(|a| *a <= i64::MAX as u64)
            .ok_or_else(|| Exception::value_error("Too many decimal digits in format string"))?;
        pos += 1;
    }
    if acc > MAX_WIDTH as u64 {
        return Err(Exception::memory_error(""));
    }
    Ok((acc as usize, pos))
}

/// Parses `spec`. `default_ty` is the type assumed when none is given (for
/// the grouping check); `numeric` selects right alignment by default, which
/// also makes a leading `0` mean sign-aware zero padding.
fn parse(
    spec: &str,
    default_ty: Option<char>,
    type_name: &str,
    numeric: bool,
) -> Result<Spec, Exception> {
    let c: Vec<char> = spec.chars().collect();
    let n = c.len();
    let mut s = Spec {
        fill: ' ',
        align: None,
        sign: None,
        z: false,
        alt: false,
        width: 0,
        grouping: None,
        precision: None,
        ty: None,
    };
    let mut pos = 0;
    let mut fill_given = false;
    if n >= 2 && is_align(c[1]) {
        s.fill = c[0];
        s.align = Some(c[1]);
        fill_given = true;
        pos = 2;
    } else if n >= 1 && is_align(c[0]) {
        s.align = Some(c[0]);
        pos = 1;
    }
    if pos < n && matches!(c[pos], '+' | '-' | ' ') {
        s.sign = Some(c[pos]);
        pos += 1;
    }
    if pos < n && c[pos] == 'z' {
        s.z = true;
        pos += 1;
    }
    if pos < n && c[pos] == '#' {
        s.alt = true;
        pos += 1;
    }
    if !fill_given && pos < n && c[pos] == '0' {
        s.fill = '0';
        if s.align.is_none() && numeric {
            s.align = Some('=');
        }
        pos += 1;
    }
    let (w, p) = read_number(&c, pos)?;
    s.width = w;
    pos = p;
    if pos < n && c[pos] == ',' {
        s.grouping = Some(',');
        pos += 1;
    }
    if pos < n && c[pos] == '_' {
        if s.grouping.is_some() {
            return Err(both_separators());
        }
        s.grouping = Some('_');
        pos += 1;
    }
    if pos < n && c[pos] == ',' && s.grouping == Some('_') {
        return Err(both_separators());
    }
    if pos < n && c[pos] == '.' {
        let (p, np) = read_number(&c, pos + 1)?;
        if np == pos + 1 {
            return Err(Exception::value_error("Format specifier missing precision"));
        }
        s.precision = Some(p);
        pos = np;
    }
    if n - pos > 1 {
        return Err(Exception::value_error(format!(
            "Invalid format specifier '{spec}' for object of type '{type_name}'"
        )));
    }
    if n - pos == 1 {
        s.ty = Some(c[pos]);
    }
    if let Some(sep) = s.grouping {
        if let Some(t) = s.ty.or(default_ty) {
            // NUL is CPython's internal "no type" and passes this check.
            let ok = matches!(t, 'd' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F' | '\0')
                || (sep == '_' && matches!(t, 'b' | 'o' | 'x' | 'X'));
            if !ok {
                return Err(Exception::value_error(format!(
                    "Cannot specify '{sep}' with {}.",
                    code(t)
                )));
            }
        }
    }
    Ok(s)
}

#[cold]
fn both_separators() -> Exception {
    Exception::value_error("Cannot specify both ',' and '_'.")
}

fn push_fill(out: &mut String, fill: char, count: usize) {
    out.extend(core::iter::repeat_n(fill, count));
}

/// `body` padded to the spec's width: `prefix` (sign and base prefix) goes
/// before the padding under `=` alignment.
fn pad(spec: &Spec, default_align: char, prefix: &str, body: &str) -> String {
    let len = prefix.chars().count() + body.chars().count();
    let padding = spec.width.saturating_sub(len);
    let mut out = String::with_capacity(prefix.len() + body.len() + padding);
    match spec.align.unwrap_or(default_align) {
        '<' => {
            out.push_str(prefix);
            out.push_str(body);
            push_fill(&mut out, spec.fill, padding);
        }
        '^' => {
            push_fill(&mut out, spec.fill, padding / 2);
            out.push_str(prefix);
            out.push_str(body);
            push_fill(&mut out, spec.fill, padding - padding / 2);
        }
        '=' => {
            out.push_str(prefix);
            push_fill(&mut out, spec.fill, padding);
            out.push_str(body);
        }
        _ => {
            push_fill(&mut out, spec.fill, padding);
            out.push_str(prefix);
            out.push_str(body);
        }
    }
    out
}

/// Inserts `sep` every `size` digits from the right, padding with leading
/// zeros until the result is at least `min_width` long (never starting with
/// a separator).
fn group(digits: &str, sep: char, size: usize, min_width: usize) -> String {
    let d = digits.as_bytes();
    let mut rev: Vec<u8> = Vec::with_capacity(min_width.max(d.len() + d.len() / size + 1));
    let mut i = d.len();
    let mut in_group = 0;
    while i > 0 || rev.len() < min_width {
        let c = if i > 0 {
            i -= 1;
            d[i]
        } else {
            b'0'
        };
        if in_group == size {
            rev.push(sep as u8);
            in_group = 0;
        }
        rev.push(c);
        in_group += 1;
    }
    rev.reverse();
    rev.into_iter().map(char::from).collect()
}

/// Assembles a formatted number: sign, base prefix, the integer digits
/// (grouped if asked and `groupable`), then `rest` (fraction, exponent,
/// `%`), padded per the spec.
fn finish_number(
    spec: &Spec,
    negative: bool,
    base_prefix: &str,
    int_digits: &str,
    rest: &str,
    group_size: usize,
    groupable: bool,
) -> String {
    let sign = if negative {
        "-"
    } else {
        match spec.sign {
            Some('+') => "+",
            Some(' ') => " ",
            _ => "",
        }
    };
    let mut prefix = String::with_capacity(sign.len() + base_prefix.len());
    prefix.push_str(sign);
    prefix.push_str(base_prefix);
    let mut body = match spec.grouping {
        Some(sep) if groupable => {
            let zero_pad = spec.fill == '0' && spec.align == Some('=');
            let min = if zero_pad {
                spec.width
                    .saturating_sub(prefix.len() + rest.chars().count())
            } else {
                0
            };
            group(int_digits, sep, group_size, min)
        }
        _ => String::from(int_digits),
    };
    body.push_str(rest);
    pad(spec, '>', &prefix, &body)
}

fn format_int(v: &Int, spec_str: &str, type_name: &str) -> Result<String, Exception> {
    let spec = parse(spec_str, Some('d'), type_name, true)?;
    let ty = spec.ty.unwrap_or('d');
    match ty {
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => return format_float_spec(v.to_f64()?, &spec),
        'd' | 'n' | 'b' | 'o' | 'x' | 'X' | 'c' => {}
        c => return Err(unknown_code(c, type_name)),
    }
    if spec.precision.is_some() {
        return Err(Exception::value_error(
            "Precision not allowed in integer format specifier",
        ));
    }
    if spec.z {
        return Err(Exception::value_error(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    if ty == 'c' {
        if spec.sign.is_some() {
            return Err(Exception::value_error(
                "Sign not allowed with integer format specifier 'c'",
            ));
        }
        if spec.alt {
            return Err(Exception::value_error(
                "Alternate form (#) not allowed with integer format specifier 'c'",
            ));
        }
        let cp = v
            .to_i64()
            .ok_or_else(|| Exception::overflow("Python int too large to convert to C long"))?;
        if !(0..0x110000).contains(&cp) {
            return Err(Exception::overflow("%c arg not in range(0x110000)"));
        }
        let ch = char::from_u32(cp as u32)
            .ok_or_else(|| Exception::value_error("surrogate code points cannot be represented"))?;
        let mut buf = [0u8; 4];
        return Ok(finish_number(
            &spec,
            false,
            "",
            ch.encode_utf8(&mut buf),
            "",
            3,
            false,
        ));
    }
    let negative = v.is_negative();
    let mag = v.abs();
    let (digits, prefix, group_size) = match ty {
        'b' => (radix_digits(&mag, 2, false), "0b", 4),
        'o' => (radix_digits(&mag, 8, false), "0o", 4),
        'x' => (radix_digits(&mag, 16, false), "0x", 4),
        'X' => (radix_digits(&mag, 16, true), "0X", 4),
        _ => (mag.to_string(), "", 3),
    };
    let prefix = if spec.alt { prefix } else { "" };
    Ok(finish_number(
        &spec, negative, prefix, &digits, "", group_size, true,
    ))
}

/// Digits of a non-negative `Int` in base 2, 8 or 16.
fn radix_digits(v: &Int, radix: u32, upper: bool) -> String {
    let s = match v.to_i64() {
        Some(s) => match radix {
            2 => format!("{s:b}"),
            8 => format!("{s:o}"),
            _ => format!("{s:x}"),
        },
        None => v.to_bigint().magnitude().to_str_radix(radix),
    };
    if upper {
        s.to_ascii_uppercase()
    } else {
        s
    }
}

fn format_float(x: f64, spec_str: &str) -> Result<String, Exception> {
    if spec_str.is_empty() {
        return Ok(crate::float::repr(x));
    }
    let spec = parse(spec_str, None, "float", true)?;
    format_float_spec(x, &spec)
}

fn format_float_spec(x: f64, spec: &Spec) -> Result<String, Exception> {
    // For floats a NUL type character means "no type", as inside CPython.
    let mut ty = spec.ty.filter(|&t| t != '\0');
    match ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') => {}
        Some(c) => return Err(unknown_code(c, "float")),
    }
    let upper = matches!(ty, Some('E' | 'F' | 'G'));
    let mut negative = x.is_sign_negative() && !x.is_nan();
    let mut v = x.abs();
    let mut suffix = "";
    if ty == Some('%') {
        v *= 100.0;
        ty = Some('f');
        suffix = "%";
    }
    if !v.is_finite() {
        let body = match (v.is_nan(), upper) {
            (true, false) => "nan",
            (true, true) => "NAN",
            (false, false) => "inf",
            (false, true) => "INF",
        };
        return Ok(finish_number(spec, negative, "", body, suffix, 3, false));
    }
    let e = if upper { 'E' } else { 'e' };
    let mut out = String::new();
    match (ty, spec.precision) {
        (Some('f' | 'F'), p) => {
            let p = p.unwrap_or(6);
            out = format!("{v:.p$}");
            if spec.alt && p == 0 {
                out.push('.');
            }
        }
        (Some('e' | 'E'), p) => {
            let p = p.unwrap_or(6);
            let (digits, decpt) = rounded_digits(v, p + 1);
            push_sci(&mut out, &digits, decpt - 1, spec.alt, e);
        }
        (None, None) => {
            // repr: shortest round-trip digits.
            let (digits, decpt) = if v == 0.0 {
                (String::from("0"), 1)
            } else {
                shortest_digits(v)
            };
            if decpt <= -4 || decpt > 16 {
                push_sci(&mut out, &digits, decpt - 1, spec.alt, e);
            } else {
                push_fixed(&mut out, &digits, decpt, 1);
            }
        }
        (_, p) => {
            // 'g', 'G', 'n', or no type with a precision (which keeps a
            // '.0' on integral fixed output and switches to exponent
            // notation one digit earlier).
            let add_dot_0 = ty.is_none();
            let p = p.unwrap_or(6).max(1);
            let (mut digits, decpt) = rounded_digits(v, p);
            let exp = decpt - 1;
            let limit = if add_dot_0 { p as i32 - 1 } else { p as i32 };
            if !spec.alt {
                let keep = digits.trim_end_matches('0').len().max(1);
                digits.truncate(keep);
            }
            if exp < -4 || exp >= limit {
                push_sci(&mut out, &digits, exp, spec.alt, e);
            } else {
                push_fixed(&mut out, &digits, decpt, 0);
                if !out.contains('.') {
                    if add_dot_0 {
                        out.push_str(".0");
                    } else if spec.alt {
                        out.push('.');
                    }
                }
            }
        }
    }
    if negative && spec.z {
        let mantissa = out.split(['e', 'E']).next().unwrap_or("");
        if !mantissa.bytes().any(|b| (b'1'..=b'9').contains(&b)) {
            negative = false;
        }
    }
    let split = out.find(|c: char| !c.is_ascii_digit()).unwrap_or(out.len());
    let mut rest = String::from(&out[split..]);
    rest.push_str(suffix);
    Ok(finish_number(
        spec,
        negative,
        "",
        &out[..split],
        &rest,
        3,
        true,
    ))
}

fn format_str(s: &str, spec_str: &str, type_name: &str) -> Result<String, Exception> {
    if spec_str.is_empty() {
        return Ok(s.to_owned());
    }
    let spec = parse(spec_str, Some('s'), type_name, false)?;
    match spec.ty {
        None | Some('s') => {}
        Some(c) => return Err(unknown_code(c, type_name)),
    }
    match spec.sign {
        Some(' ') => {
            return Err(Exception::value_error(
                "Space not allowed in string format specifier",
            ))
        }
        Some(_) => {
            return Err(Exception::value_error(
                "Sign not allowed in string format specifier",
            ))
        }
        None => {}
    }
    if spec.z {
        return Err(Exception::value_error(
            "Negative zero coercion (z) not allowed in string format specifier",
        ));
    }
    if spec.alt {
        return Err(Exception::value_error(
            "Alternate form (#) not allowed in string format specifier",
        ));
    }
    if spec.align == Some('=') {
        return Err(Exception::value_error(
            "'=' alignment not allowed in string format specifier",
        ));
    }
    let body = match spec.precision {
        Some(p) => match s.char_indices().nth(p) {
            Some((i, _)) => &s[..i],
            None => s,
        },
        None => s,
    };
    Ok(pad(&spec, '<', "", body))
}

/// `object.__format__`: only the empty spec is allowed.
fn format_object(
    text: impl FnOnce() -> String,
    spec: &str,
    type_name: &str,
) -> Result<String, Exception> {
    if spec.is_empty() {
        Ok(text())
    } else {
        Err(Exception::type_error(format!(
            "unsupported format string passed to {type_name}.__format__"
        )))
    }
}

impl<T: PyFormat + ?Sized> PyFormat for &T {
    fn py_format(&self, spec: &str) -> Result<String, Exception> {
        (**self).py_format(spec)
    }
}

impl PyFormat for Int {
    fn py_format(&self, spec: &str) -> Result<String, Exception> {
        if spec.is_empty() {
            return Ok(self.to_string());
        }
        format_int(self, spec, "int")
    }
}

macro_rules! fixed_format {
    ($($t:ty),*) => {$(
        impl PyFormat for $t {
            fn py_format(&self, spec: &str) -> Result<String, Exception> {
                if spec.is_empty() {
                    return Ok(self.to_string());
                }
                format_int(&Int::from(*self), spec, "int")
            }
        }
    )*};
}
fixed_format!(u8, u16, u32, u64, i8, i16, i32, i64);

impl PyFormat for bool {
    /// `format(True, "")` is `"True"`; any other spec formats the int 1/0.
    fn py_format(&self, spec: &str) -> Result<String, Exception> {
        if spec.is_empty() {
            return Ok(String::from(if *self { "True" } else { "False" }));
        }
        format_int(&Int::from(*self), spec, "bool")
    }
}

impl PyFormat for f64 {
    fn py_format(&self, spec: &str) -> Result<String, Exception> {
        format_float(*self, spec)
    }
}

impl PyFormat for f32 {
    fn py_format(&self, spec: &str) -> Result<String, Exception> {
        format_float(f64::from(*self), spec)
    }
}

impl PyFormat for str {
    fn py_format(&self, spec: &str) -> Result<String, Exception> {
        format_str(self, spec, "str")
    }
}

impl PyFormat for String {
    fn py_format(&self, spec: &str) -> Result<String, Exception> {
        format_str(self, spec, "str")
    }
}

impl PyFormat for () {
    fn py_format(&self, spec: &str) -> Result<String, Exception> {
        format_object(|| String::from("None"), spec, "NoneType")
    }
}

impl PyFormat for [u8] {
    fn py_format(&self, spec: &str) -> Result<String, Exception> {
        format_object(|| bytes_repr(self), spec, "bytes")
    }
}

impl PyFormat for Vec<u8> {
    fn py_format(&self, spec: &str) -> Result<String, Exception> {
        format_object(|| bytes_repr(self), spec, "bytes")
    }
}

impl PyFormat for candid::Principal {
    fn py_format(&self, spec: &str) -> Result<String, Exception> {
        format_object(|| self.to_text(), spec, "Principal")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grouping_with_zero_padding() {
        assert_eq!(Int::from(1234).py_format("08,").unwrap(), "0,001,234");
        assert_eq!(Int::from(1234).py_format("010,").unwrap(), "00,001,234");
        assert_eq!(1234.5f64.py_format("010,.1f").unwrap(), "0,001,234.5");
        assert_eq!(f64::INFINITY.py_format("010,").unwrap(), "0000000inf");
    }

    #[test]
    fn errors() {
        assert_eq!(
            1.5f64.py_format("x").unwrap_err().to_string(),
            "ValueError: Unknown format code 'x' for object of type 'float'"
        );
        assert_eq!(
            "a".py_format("=5").unwrap_err().message,
            "'=' alignment not allowed in string format specifier"
        );
        assert_eq!(().py_format("x").unwrap_err().kind, "TypeError");
    }
}
