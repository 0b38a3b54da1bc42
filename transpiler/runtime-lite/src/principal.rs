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

/// `Principal.self_authenticating(public_key)`: SHA-224 of the DER-encoded
/// public key, then the self-authenticating class byte `0x02`.
pub fn self_authenticating(public_key: &[u8]) -> Principal {
    let mut bytes = sha224(public_key).to_vec();
    bytes.push(0x02);
    Principal::from_slice(&bytes)
}

/// SHA-224 (FIPS 180-4): SHA-256 with its own initial values, truncated.
fn sha224(data: &[u8]) -> [u8; 28] {
    const K: [u32; 64] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
        0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
        0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
        0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
        0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
        0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
        0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
        0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
        0xc67178f2,
    ];
    let mut h: [u32; 8] = [
        0xc1059ed8, 0x367cd507, 0x3070dd17, 0xf70e5939, 0xffc00b31, 0x68581511, 0x64f98fa7,
        0xbefa4fa4,
    ];
    let mut message = data.to_vec();
    message.push(0x80);
    while message.len() % 64 != 56 {
        message.push(0);
    }
    message.extend_from_slice(&((data.len() as u64).wrapping_mul(8)).to_be_bytes());
    for block in message.chunks_exact(64) {
        let mut w = [0u32; 64];
        for (i, word) in block.chunks_exact(4).enumerate() {
            w[i] = u32::from_be_bytes([word[0], word[1], word[2], word[3]]);
        }
        for i in 16..64 {
            let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
            let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16]
                .wrapping_add(s0)
                .wrapping_add(w[i - 7])
                .wrapping_add(s1);
        }
        let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut hh] = h;
        for i in 0..64 {
            let s1 = e.rotate_right(6) ^ e.rotate_right(11) ^ e.rotate_right(25);
            let ch = (e & f) ^ (!e & g);
            let t1 = hh
                .wrapping_add(s1)
                .wrapping_add(ch)
                .wrapping_add(K[i])
                .wrapping_add(w[i]);
            let s0 = a.rotate_right(2) ^ a.rotate_right(13) ^ a.rotate_right(22);
            let maj = (a & b) ^ (a & c) ^ (b & c);
            let t2 = s0.wrapping_add(maj);
            hh = g;
            g = f;
            f = e;
            e = d.wrapping_add(t1);
            d = c;
            c = b;
            b = a;
            a = t1.wrapping_add(t2);
        }
        for (x, v) in h.iter_mut().zip([a, b, c, d, e, f, g, hh]) {
            *x = x.wrapping_add(v);
        }
    }
    let mut out = [0u8; 28];
    for (i, word) in h.iter().take(7).enumerate() {
        out[4 * i..4 * i + 4].copy_from_slice(&word.to_be_bytes());
    }
    out
}
