//! `runtime-lite`: the small runtime linked into every canister that
//! kybra-aot generates.
//!
//! Generated code calls into this crate wherever Python semantics differ
//! from Rust's: unbounded `int` ([`Int`]), fixed-width Candid integers that
//! trap when they leave their range ([`FixedInt`]), float arithmetic and
//! `repr` ([`float`]), `str()`/`repr()` ([`PyStr`], [`Py`]), `format()`
//! ([`PyFormat`]), truthiness ([`Truthy`]) and exceptions ([`Exception`],
//! [`raise`]).
//!
//! Everything here is written to stay cheap on the canister hot path: small
//! ints never allocate, and nothing beyond `core::fmt` is used for
//! formatting.
//!
//! The tests in `tests/` compare every operation against `python3`. Known
//! deviations from CPython (3.11):
//! - `int ** negative int` is a `ValueError` (Python returns a float) and a
//!   negative float raised to a non-integral power is a `ValueError`
//!   (Python returns a complex number): there is no complex type.
//! - No limit on int/str conversion length (CPython 3.11 refuses ints over
//!   4300 digits in `str()`); results over 2^34 bits (`**`, `<<`), and
//!   format widths or precisions over 2^28, are a `MemoryError` up front.
//! - `repr` of strings uses core's Unicode tables, which are newer than
//!   CPython 3.11's: code points unassigned in Unicode 14 but assigned
//!   later print as themselves instead of `\uXXXX`.
//! - `Int::parse` (Python `int(str)`) accepts ASCII digits only.
//! - `format(i, "c")` for a surrogate code point is a `ValueError` (Rust
//!   strings cannot hold lone surrogates).
//! - `float ** float` uses the target's `pow`; CPython uses the C library's.

mod exception;
mod fixed;
pub mod float;
mod format;
mod int;
mod pystr;
pub mod text;
mod truthy;

pub use exception::{raise, trap, Exception, OrRaise};
pub use fixed::{narrow, FixedInt};
pub use format::PyFormat;
pub use int::Int;
pub use pystr::{list_repr, Py, PyStr};
pub use truthy::Truthy;
