//! The canister model: the Python value types the checker works with, the
//! Candid types of the interface, and the typed IR handed to `lower`.

pub mod effects;
pub mod exceptions;
pub mod explain;
pub mod ir;
pub mod print;
pub mod ty;
pub mod visit;

pub use ty::{CandidKind, CandidTy, DefId, Ty, TyKind, Types};

/// Fixed-width Candid integers: native Rust integers with checked arithmetic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Fixed {
    Nat8,
    Nat16,
    Nat32,
    Nat64,
    Int8,
    Int16,
    Int32,
    Int64,
}

impl Fixed {
    pub const ALL: [Fixed; 8] = [
        Fixed::Nat8,
        Fixed::Nat16,
        Fixed::Nat32,
        Fixed::Nat64,
        Fixed::Int8,
        Fixed::Int16,
        Fixed::Int32,
        Fixed::Int64,
    ];

    pub fn candid_name(self) -> &'static str {
        match self {
            Fixed::Nat8 => "nat8",
            Fixed::Nat16 => "nat16",
            Fixed::Nat32 => "nat32",
            Fixed::Nat64 => "nat64",
            Fixed::Int8 => "int8",
            Fixed::Int16 => "int16",
            Fixed::Int32 => "int32",
            Fixed::Int64 => "int64",
        }
    }

    pub fn rust_name(self) -> &'static str {
        match self {
            Fixed::Nat8 => "u8",
            Fixed::Nat16 => "u16",
            Fixed::Nat32 => "u32",
            Fixed::Nat64 => "u64",
            Fixed::Int8 => "i8",
            Fixed::Int16 => "i16",
            Fixed::Int32 => "i32",
            Fixed::Int64 => "i64",
        }
    }

    /// Inclusive range as i128.
    pub fn range(self) -> (i128, i128) {
        match self {
            Fixed::Nat8 => (0, u8::MAX as i128),
            Fixed::Nat16 => (0, u16::MAX as i128),
            Fixed::Nat32 => (0, u32::MAX as i128),
            Fixed::Nat64 => (0, u64::MAX as i128),
            Fixed::Int8 => (i8::MIN as i128, i8::MAX as i128),
            Fixed::Int16 => (i16::MIN as i128, i16::MAX as i128),
            Fixed::Int32 => (i32::MIN as i128, i32::MAX as i128),
            Fixed::Int64 => (i64::MIN as i128, i64::MAX as i128),
        }
    }

    /// Whether every value of `small` is a value of `self`.
    pub fn contains(self, small: Fixed) -> bool {
        let (a, b) = (self.range(), small.range());
        a.0 <= b.0 && b.1 <= a.1
    }
}

/// `@query` or `@update`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Query,
    Update,
}
