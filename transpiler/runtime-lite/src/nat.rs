//! Python ints inside Candid values.
//!
//! A Python `int` ([`Int`]) travels as Candid `int`. Where a container
//! (a `Vec`, `Opt`, tuple, Record field or Variant payload) holds a Candid
//! `nat`, the compiler stores a [`Nat`]: an `Int` known to be non-negative,
//! checked when it is stored, so encoding it cannot fail.

use crate::{Exception, Int};
use candid::types::{Serializer, Type, TypeInner};
use candid::CandidType;
use serde::{Deserialize, Deserializer};
use std::fmt;

impl CandidType for Int {
    fn _ty() -> Type {
        TypeInner::Int.into()
    }

    fn idl_serialize<S: Serializer>(&self, serializer: S) -> Result<(), S::Error> {
        serializer.serialize_int(&self.to_candid_int())
    }
}

impl<'de> Deserialize<'de> for Int {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        candid::Int::deserialize(deserializer).map(Int::from)
    }
}

/// A non-negative Python int held where Candid expects a `nat`.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Nat(Int);

impl Nat {
    /// `v` as a `nat`; a negative value is an `OverflowError`, as when it
    /// leaves the canister.
    pub fn new(v: Int) -> Result<Nat, Exception> {
        if v < Int::from(0u8) {
            return Err(Exception::overflow(format!("int {v} out of range for nat")));
        }
        Ok(Nat(v))
    }

    /// The `nat` a decimal literal denotes (the transpiler emits only
    /// non-negative literals).
    pub fn from_decimal(s: &str) -> Nat {
        Nat(Int::from_decimal(s.trim_start_matches('-')))
    }

    /// The value as a Python int.
    pub fn get(&self) -> Int {
        self.0.clone()
    }
}

impl From<Nat> for Int {
    fn from(v: Nat) -> Int {
        v.0
    }
}

impl From<&Nat> for Int {
    fn from(v: &Nat) -> Int {
        v.0.clone()
    }
}

macro_rules! from_unsigned {
    ($($t:ty),*) => {$(
        impl From<$t> for Nat {
            fn from(v: $t) -> Nat {
                Nat(Int::from(v))
            }
        }
    )*};
}
from_unsigned!(u8, u16, u32, u64, u128);

impl fmt::Display for Nat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl fmt::Debug for Nat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

impl crate::PyOrd for Nat {
    fn py_lt(&self, other: &Self) -> bool {
        self.0 < other.0
    }
}

impl crate::PyStr for Nat {
    fn py_str(&self) -> String {
        self.0.py_str()
    }
    fn py_repr(&self) -> String {
        self.0.py_repr()
    }
}

impl CandidType for Nat {
    fn _ty() -> Type {
        TypeInner::Nat.into()
    }

    fn idl_serialize<S: Serializer>(&self, serializer: S) -> Result<(), S::Error> {
        // Non-negative by construction.
        let n = self
            .0
            .to_candid_nat()
            .unwrap_or_else(|_| candid::Nat::from(0u8));
        serializer.serialize_nat(&n)
    }
}

impl<'de> Deserialize<'de> for Nat {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        candid::Nat::deserialize(deserializer).map(|n| Nat(Int::from(n)))
    }
}
