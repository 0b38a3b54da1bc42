//! The canister model: the Python value types the checker works with, the
//! Candid types of the interface, and the typed IR handed to `lower`.

pub mod ir;

use std::fmt;

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
}

/// The type of a Python value as the checker knows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Ty {
    /// Python `int`, unbounded (`runtime_lite::Int`).
    Int,
    Fixed(Fixed),
    Float64,
    Float32,
    Bool,
    Str,
    Bytes,
    /// `None`.
    None,
    Principal,
}

impl Ty {
    /// Whether the Rust representation is `Copy` (globals use `Cell`).
    pub fn is_copy(self) -> bool {
        matches!(
            self,
            Ty::Fixed(_) | Ty::Float64 | Ty::Float32 | Ty::Bool | Ty::None | Ty::Principal
        )
    }

    pub fn is_numeric(self) -> bool {
        matches!(self, Ty::Int | Ty::Fixed(_) | Ty::Float64 | Ty::Float32)
    }

    pub fn is_float(self) -> bool {
        matches!(self, Ty::Float64 | Ty::Float32)
    }

    pub fn is_integral(self) -> bool {
        matches!(self, Ty::Int | Ty::Fixed(_))
    }
}

impl fmt::Display for Ty {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = match self {
            Ty::Int => "int",
            Ty::Fixed(k) => k.candid_name(),
            Ty::Float64 => "float64",
            Ty::Float32 => "float32",
            Ty::Bool => "bool",
            Ty::Str => "str",
            Ty::Bytes => "blob",
            Ty::None => "None",
            Ty::Principal => "Principal",
        };
        f.write_str(s)
    }
}

/// A Candid type at the interface (parameters, results, globals' annotations).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CandidTy {
    Nat,
    Int,
    Fixed(Fixed),
    Float64,
    Float32,
    Bool,
    Text,
    Blob,
    Null,
    Principal,
}

impl CandidTy {
    /// The Python value type of a value of this Candid type.
    pub fn value_ty(self) -> Ty {
        match self {
            CandidTy::Nat | CandidTy::Int => Ty::Int,
            CandidTy::Fixed(k) => Ty::Fixed(k),
            CandidTy::Float64 => Ty::Float64,
            CandidTy::Float32 => Ty::Float32,
            CandidTy::Bool => Ty::Bool,
            CandidTy::Text => Ty::Str,
            CandidTy::Blob => Ty::Bytes,
            CandidTy::Null => Ty::None,
            CandidTy::Principal => Ty::Principal,
        }
    }
}

/// `@query` or `@update`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Query,
    Update,
}

/// What a function returns at its boundary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ret {
    /// `void`: no result values.
    Void,
    Value(CandidTy),
}

/// The signature of a module-level function.
#[derive(Debug, Clone, PartialEq)]
pub struct Signature {
    pub name: String,
    /// `None` for helpers that are not exported as canister methods.
    pub mode: Option<Mode>,
    pub params: Vec<(String, CandidTy)>,
    pub ret: Ret,
}
