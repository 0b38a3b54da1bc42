//! `runtime-lite`: the small runtime linked into every canister that
//! kybra-aot generates.
//!
//! Generated code calls into this crate wherever Python semantics differ
//! from Rust's: unbounded `int` ([`Int`]), fixed-width Candid integers that
//! trap when they leave their range ([`FixedInt`]), float arithmetic and
//! `repr` ([`float`]), `str()`/`repr()` ([`PyStr`], [`Py`]), `format()`
//! ([`PyFormat`]), truthiness ([`Truthy`]), ordering ([`PyOrd`]),
//! exceptions ([`Exception`], [`raise`]) and the shared mutable containers
//! ([`List`], [`Dict`]).
//!
//! `List` and `Dict` are the "Shared" representation of Python's mutable
//! values: a handle (`Rc<RefCell<..>>`) whose `Clone` aliases, whose
//! methods borrow for one operation only, and which never copy the
//! container on mutation. Loops iterate them as CPython does ([`List::iter`]
//! by index, [`Dict::iter`] with CPython's mutation checks).
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
//! - Container equality (`==`, `in`, `list.index`/`count`/`remove`) skips
//!   the comparison for the same container object (as CPython does for any
//!   object), but floats have no identity: `[x] == [x]` for a NaN `x` is
//!   false.
//! - Containers that contain themselves print as CPython prints them
//!   (`[[...]]`), but comparing two distinct such containers recurses
//!   without bound (CPython raises `RecursionError`), and they are never
//!   freed (reference counting without a cycle collector).
//! - `list.sort` is a stable merge sort: the same result as CPython's for
//!   any consistent order; with NaN floats the order may differ (CPython's
//!   is timsort-specific).
//! - A dict's entry layout follows CPython 3.11 (so mutation while
//!   iterating behaves the same) for dicts built by insertion, deletion,
//!   `pop`/`popitem`, `clear`, `copy`, `update` and [`Dict::with_capacity`]
//!   (literals); the compiler must pick the constructor CPython's bytecode
//!   would use for this to hold.

pub mod args;
pub mod builtins;
pub mod dict;
mod exception;
mod fixed;
pub mod float;
mod format;
pub mod gen;
mod guard;
mod int;
pub mod list;
pub mod math;
mod nat;
mod num;
mod ord;
mod output;
pub mod principal;
mod pystr;
pub mod seq;
pub mod set;
mod shared;
pub mod str_methods;
pub mod text;
mod truthy;
mod unicode;

pub use dict::{Dict, DictIter};

pub use exception::{raise, trap, Args, Exception, OrRaise};
pub use fixed::{narrow, FixedInt};
pub use format::PyFormat;
pub use gen::{Co, Gen};
pub use guard::repr_guard;
pub use int::Int;
pub use list::{List, ListIter};
pub use nat::Nat;
pub use num::Num;
pub use ord::PyOrd;
#[cfg(not(target_arch = "wasm32"))]
pub use output::run_script;
pub use output::{print, unbound};
pub use pystr::{list_repr, repr_items, Py, PyStr};
pub use seq::{range_iter, PyIndex, PySeq};
pub use set::{PyHash, PySet, SetIter};
pub use shared::{PyCell, Shared};
pub use truthy::Truthy;
