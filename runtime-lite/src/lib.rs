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

mod exception;
mod fixed;
pub mod float;
mod format;
mod int;
mod pystr;
pub mod text;
mod truthy;

pub use exception::{raise, trap, Exception, OrRaise};
pub use fixed::FixedInt;
pub use format::PyFormat;
pub use int::Int;
pub use pystr::{list_repr, Py, PyStr};
pub use truthy::Truthy;
