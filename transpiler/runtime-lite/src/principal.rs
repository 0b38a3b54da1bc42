//! Kybra's `Principal` API on `candid::Principal`, and Candid's `empty` as a
//! type generated records and variants can derive `Clone` over.
//!
//! Errors follow Kybra's Python `Principal` class: `from_str` raises
//! `Exception("principal format error")` for a text that is not the
//! canonical form of a principal (upper case included) and `Exception
//! ("principal length error")` for one that is too short; `from_hex` raises
//! Python's `bytes.fromhex` `ValueError`. Where Kybra would accept a value
//! Candid cannot encode (more than 29 bytes) these raise `ValueError` at
//! once instead of failing later at the boundary.

use crate::exception::Exception;
use crate::PyStr;
use candid::types::principal::PrincipalError;
use candid::Principal;

/// The longest principal, in bytes.
const MAX_LEN: usize = 29;

/// `Principal.from_str(s)`.
pub fn from_str(s: &str) -> Result<Principal, Exception> {
    let format_error = || {
        Exception::new(
            "Exception",
            format!("principal format error: {} is not a principal", s.py_repr()),
        )
    };
    if s.bytes().any(|b| b.is_ascii_uppercase()) {
        return Err(format_error());
    }
    match Principal::from_text(s) {
        Ok(p) => Ok(p),
        Err(PrincipalError::TextTooShort()) => Err(Exception::new(
            "Exception",
            format!("principal length error: {} is too short", s.py_repr()),
        )),
        Err(PrincipalError::TextTooLong() | PrincipalError::BytesTooLong()) => Err(too_long()),
        Err(_) => Err(format_error()),
    }
}

#[cold]
fn too_long() -> Exception {
    Exception::value_error(format!(
        "principal length error: a principal has at most {MAX_LEN} bytes"
    ))
}

/// `Principal.from_hex(s)`: `bytes.fromhex(s)` (ASCII whitespace between
/// bytes is skipped), at most 29 bytes.
pub fn from_hex(s: &str) -> Result<Principal, Exception> {
    let digits = s.as_bytes();
    let mut bytes = Vec::with_capacity(digits.len() / 2);
    let mut i = 0;
    let bad = |at: usize| {
        Exception::value_error(format!(
            "non-hexadecimal number found in fromhex() arg at position {at}"
        ))
    };
    // Positions count characters, as Python does.
    let position = |byte_index: usize| s[..byte_index].chars().count();
    while i < digits.len() {
        if matches!(digits[i], b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c) {
            i += 1;
            continue;
        }
        let hi = (digits[i] as char)
            .to_digit(16)
            .filter(|_| digits[i].is_ascii());
        let Some(hi) = hi else {
            return Err(bad(position(i)));
        };
        let lo = digits
            .get(i + 1)
            .and_then(|d| d.is_ascii().then(|| (*d as char).to_digit(16)).flatten());
        let Some(lo) = lo else {
            return Err(bad(position(i + 1)));
        };
        bytes.push((hi * 16 + lo) as u8);
        i += 2;
    }
    from_bytes(&bytes)
}

/// `Principal(b)`.
pub fn from_bytes(b: &[u8]) -> Result<Principal, Exception> {
    Principal::try_from_slice(b).map_err(|_| too_long())
}

/// `p.hex`: the bytes in upper-case hex.
pub fn hex(p: Principal) -> String {
    p.as_slice().iter().map(|b| format!("{b:02X}")).collect()
}

/// Candid `empty`: a type without values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Empty {}

impl candid::CandidType for Empty {
    fn _ty() -> candid::types::Type {
        candid::types::TypeInner::Empty.into()
    }

    fn idl_serialize<S: candid::types::Serializer>(&self, _: S) -> Result<(), S::Error> {
        match *self {}
    }
}

impl<'de> serde::Deserialize<'de> for Empty {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match candid::Empty::deserialize(d)? {}
    }
}
