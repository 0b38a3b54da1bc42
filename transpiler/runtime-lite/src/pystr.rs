//! Python `str()` and `repr()` of the values generated code works with.

use core::fmt::{self, Write as _};

use crate::int::Int;

/// Python `str(x)` and `repr(x)`.
pub trait PyStr {
    /// Python `str(self)`.
    fn py_str(&self) -> String;
    /// Python `repr(self)`.
    fn py_repr(&self) -> String;
    /// Writes `str(self)` to a formatter (overridden where that avoids an
    /// allocation).
    fn write_str(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.py_str())
    }
}

/// Displays a value as Python's `str()` would:
/// `format!("{} {}", Py(&x), Py(&y))`.
pub struct Py<'a, T: ?Sized>(pub &'a T);

impl<T: PyStr + ?Sized> fmt::Display for Py<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.write_str(f)
    }
}

impl<T: PyStr + ?Sized> PyStr for &T {
    fn py_str(&self) -> String {
        (**self).py_str()
    }
    fn py_repr(&self) -> String {
        (**self).py_repr()
    }
    fn write_str(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        (**self).write_str(f)
    }
}

macro_rules! display_str {
    ($($t:ty),*) => {$(
        impl PyStr for $t {
            fn py_str(&self) -> String {
                self.to_string()
            }
            fn py_repr(&self) -> String {
                self.to_string()
            }
            fn write_str(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Display::fmt(self, f)
            }
        }
    )*};
}
display_str!(Int, u8, u16, u32, u64, i8, i16, i32, i64);

impl PyStr for f64 {
    fn py_str(&self) -> String {
        crate::float::repr(*self)
    }
    fn py_repr(&self) -> String {
        crate::float::repr(*self)
    }
}

impl PyStr for f32 {
    fn py_str(&self) -> String {
        crate::float::repr_f32(*self)
    }
    fn py_repr(&self) -> String {
        crate::float::repr_f32(*self)
    }
}

impl PyStr for bool {
    fn py_str(&self) -> String {
        self.py_repr()
    }
    fn py_repr(&self) -> String {
        String::from(if *self { "True" } else { "False" })
    }
    fn write_str(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(if *self { "True" } else { "False" })
    }
}

impl PyStr for () {
    fn py_str(&self) -> String {
        String::from("None")
    }
    fn py_repr(&self) -> String {
        String::from("None")
    }
    fn write_str(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("None")
    }
}

impl PyStr for str {
    fn py_str(&self) -> String {
        self.to_owned()
    }
    fn py_repr(&self) -> String {
        str_repr(self)
    }
    fn write_str(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self)
    }
}

impl PyStr for String {
    fn py_str(&self) -> String {
        self.clone()
    }
    fn py_repr(&self) -> String {
        str_repr(self)
    }
    fn write_str(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self)
    }
}

impl PyStr for [u8] {
    /// `str(b)` of bytes is its repr (`b'...'`).
    fn py_str(&self) -> String {
        bytes_repr(self)
    }
    fn py_repr(&self) -> String {
        bytes_repr(self)
    }
}

impl PyStr for Vec<u8> {
    fn py_str(&self) -> String {
        bytes_repr(self)
    }
    fn py_repr(&self) -> String {
        bytes_repr(self)
    }
}

impl PyStr for candid::Principal {
    /// The textual form, `aaaaa-aa`.
    fn py_str(&self) -> String {
        self.to_text()
    }
    /// `Principal(aaaaa-aa)`, as Kybra's Python `Principal` class prints.
    fn py_repr(&self) -> String {
        format!("Principal({})", self.to_text())
    }
}

impl<T: PyStr> PyStr for Option<T> {
    /// `None`, or the value's own `str`.
    fn py_str(&self) -> String {
        match self {
            Some(v) => v.py_str(),
            None => String::from("None"),
        }
    }
    fn py_repr(&self) -> String {
        match self {
            Some(v) => v.py_repr(),
            None => String::from("None"),
        }
    }
}

macro_rules! tuple_str {
    ($(($($name:ident $idx:tt),+))*) => {$(
        impl<$($name: PyStr),+> PyStr for ($($name,)+) {
            fn py_str(&self) -> String {
                self.py_repr()
            }
            fn py_repr(&self) -> String {
                let parts = [$(self.$idx.py_repr()),+];
                let mut out = String::from("(");
                out.push_str(&parts.join(", "));
                if parts.len() == 1 {
                    out.push(',');
                }
                out.push(')');
                out
            }
        }
    )*};
}
tuple_str! {
    (A 0)
    (A 0, B 1)
    (A 0, B 1, C 2)
    (A 0, B 1, C 2, D 3)
    (A 0, B 1, C 2, D 3, E 4)
    (A 0, B 1, C 2, D 3, E 4, F 5)
}

/// Python `repr(list)` (and `str(list)`): `[` + the items' reprs + `]`.
/// (A blanket `PyStr for [T]` would collide with bytes.)
/// Python's display of a container from its items' reprs: `[1, 2]`,
/// `{'a': 1}` (items already rendered as `key: value`).
pub fn repr_items(open: &str, close: &str, items: impl Iterator<Item = String>) -> String {
    let mut out = String::from(open);
    for (i, item) in items.enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&item);
    }
    out.push_str(close);
    out
}

pub fn list_repr<T: PyStr>(items: &[T]) -> String {
    let mut out = String::from("[");
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&item.py_repr());
    }
    out.push(']');
    out
}

/// Whether Python prints `c` as itself in a `repr` (not Cc, Cf, Cs, Co, Cn,
/// Zl, Zp, or Zs other than the space). Uses core's own printable table
/// (the same categories) through `str::escape_debug`, which escapes a
/// non-printable character anywhere, but a grapheme extender only at the
/// start of the string, hence the leading `a`.
fn is_printable(c: char) -> bool {
    if c.is_ascii() {
        return (' '..='~').contains(&c);
    }
    let mut buf = [0u8; 8];
    buf[0] = b'a';
    let len = 1 + c.encode_utf8(&mut buf[1..]).len();
    let s = core::str::from_utf8(&buf[..len]).unwrap_or("");
    let mut it = s.escape_debug();
    it.next() == Some('a') && it.next() == Some(c) && it.next().is_none()
}

/// Python `repr(str)`: single quotes unless the text contains `'` and no
/// `"`; backslash escapes for `\\`, the quote, `\t`, `\n`, `\r`, and
/// `\xhh`/`\uhhhh`/`\Uhhhhhhhh` for non-printable characters.
pub(crate) fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if is_printable(c) => out.push(c),
            c => {
                let v = c as u32;
                // Writing to a String cannot fail.
                let _ = if v < 0x100 {
                    write!(out, "\\x{v:02x}")
                } else if v < 0x10000 {
                    write!(out, "\\u{v:04x}")
                } else {
                    write!(out, "\\U{v:08x}")
                };
            }
        }
    }
    out.push(quote);
    out
}

/// Python `repr(bytes)`: `b'...'` with the same quote choice as `str`,
/// printable ASCII as itself and `\xhh` for the rest.
pub(crate) fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
    out.push(quote as char);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => {
                let _ = write!(out, "\\x{c:02x}");
            }
        }
    }
    out.push(quote as char);
    out
}
