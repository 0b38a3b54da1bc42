//! Python exceptions as plain values, and the trap that ends a message when
//! nothing catches them.

use core::fmt;

/// A Python exception: its class name (`"ZeroDivisionError"`) and message.
///
/// Code reachable from a `try` body passes these around in `Result`s;
/// everywhere else they end the message through [`raise`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exception {
    /// The exception class name, e.g. `"ValueError"`.
    pub kind: &'static str,
    /// The message, i.e. Python's `str(exc)`; may be empty.
    pub message: String,
    /// Where it was raised (`"src/main.py:12"`), once known.
    pub at: Option<&'static str>,
}

impl Exception {
    /// An exception of class `kind` with `message`.
    pub fn new(kind: &'static str, message: impl Into<String>) -> Self {
        Exception {
            kind,
            message: message.into(),
            at: None,
        }
    }

    /// The exception, raised at `at` unless it knows where it was raised.
    #[cold]
    pub fn at(mut self, at: &'static str) -> Self {
        self.at.get_or_insert(at);
        self
    }

    /// Python's `repr(exc)`: `ValueError('bad')`, `KeyError('k')`,
    /// `ZeroDivisionError()`.
    pub fn repr(&self) -> String {
        use crate::pystr::PyStr;
        if self.message.is_empty() {
            format!("{}()", self.kind)
        } else if self.kind == "KeyError" {
            // Its message is already the key's repr.
            format!("{}({})", self.kind, self.message)
        } else {
            format!("{}({})", self.kind, self.message.as_str().py_repr())
        }
    }

    /// `ZeroDivisionError(message)`.
    #[cold]
    pub fn zero_division(message: impl Into<String>) -> Self {
        Self::new("ZeroDivisionError", message)
    }

    /// `OverflowError(message)`.
    #[cold]
    pub fn overflow(message: impl Into<String>) -> Self {
        Self::new("OverflowError", message)
    }

    /// `ValueError(message)`.
    #[cold]
    pub fn value_error(message: impl Into<String>) -> Self {
        Self::new("ValueError", message)
    }

    /// `TypeError(message)`.
    #[cold]
    pub fn type_error(message: impl Into<String>) -> Self {
        Self::new("TypeError", message)
    }

    /// `MemoryError(message)`: a result too large to represent.
    #[cold]
    pub fn memory_error(message: impl Into<String>) -> Self {
        Self::new("MemoryError", message)
    }
}

impl fmt::Display for Exception {
    /// Python's traceback last line: `Kind: message`, or just `Kind` when
    /// the message is empty.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.message.is_empty() {
            f.write_str(self.kind)
        } else {
            write!(f, "{}: {}", self.kind, self.message)
        }
    }
}

impl std::error::Error for Exception {}

/// Ends the current message with the exception text and its Python source
/// location: `"{exc}\n  at {at}"`, where `at` is e.g. `"src/main.py:12"`.
///
/// On `wasm32` this is `ic_cdk::trap` (the canister rejects the call and rolls
/// back its state); elsewhere it panics with the same text, so host tests
/// can observe it.
#[cold]
#[inline(never)]
pub fn raise(exc: Exception, at: &'static str) -> ! {
    let at = exc.at.unwrap_or(at);
    trap(&format!("{exc}\n  at {at}"))
}

/// Ends the current message with `message` (see [`raise`] for the target
/// split).
#[cold]
#[inline(never)]
pub fn trap(message: &str) -> ! {
    #[cfg(target_arch = "wasm32")]
    {
        ic_cdk::trap(message)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        panic!("{}", message)
    }
}

/// `result.or_raise("src/main.py:12")`: the value, or [`raise`] the error.
pub trait OrRaise<T> {
    /// Unwraps `Ok`, raises `Err` at the given Python source location.
    fn or_raise(self, at: &'static str) -> T;
    /// The result, its error located at `at` (for `?` and `try` bodies).
    fn at(self, at: &'static str) -> Result<T, Exception>;
}

impl<T> OrRaise<T> for Result<T, Exception> {
    #[inline]
    fn or_raise(self, at: &'static str) -> T {
        match self {
            Ok(v) => v,
            Err(e) => raise(e, at),
        }
    }

    #[inline]
    fn at(self, at: &'static str) -> Result<T, Exception> {
        self.map_err(|e| e.at(at))
    }
}

impl crate::pystr::PyStr for Exception {
    fn py_str(&self) -> String {
        self.message.clone()
    }
    fn py_repr(&self) -> String {
        self.repr()
    }
}
