//! Python exceptions as plain values, and the trap that ends a message when
//! nothing catches them.

use core::fmt;
use std::any::Any;
use std::rc::Rc;

/// A Python exception: its class name (`"ZeroDivisionError"`) and message.
///
/// Code reachable from a `try` body passes these around in `Result`s;
/// everywhere else they end the message through [`raise`].
#[derive(Clone)]
pub struct Exception {
    /// The exception class name, e.g. `"ValueError"`.
    pub kind: &'static str,
    /// The message, i.e. Python's `str(exc)`; may be empty.
    pub message: String,
    /// Where it was raised (`"src/main.py:12"`), once known.
    pub at: Option<&'static str>,
    /// The arguments and the object of an exception that is more than a
    /// message (`None`: `args` is `(message,)`, or `()` if it is empty).
    extra: Option<Box<Extra>>,
}

#[derive(Clone)]
struct Extra {
    args: Args,
    /// `repr(exc)` of an object whose class defines `__repr__`.
    repr: Option<String>,
    /// The instance of a program's exception class (a `Shared<T>`).
    object: Option<Rc<dyn Any>>,
}

impl fmt::Debug for Exception {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.repr())
    }
}

impl PartialEq for Exception {
    fn eq(&self, other: &Self) -> bool {
        self.kind == other.kind && self.message == other.message && self.args() == other.args()
    }
}

impl Eq for Exception {}

/// An exception's `args`: the reprs of the values it was created with and
/// its `str` (`''`, `str(arg)`, or the repr of the tuple).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Args {
    reprs: Vec<String>,
    text: String,
}

impl Args {
    /// `(s,)` for a `str` argument.
    pub fn str(text: String) -> Args {
        use crate::pystr::PyStr;
        let repr = text.py_repr();
        Args {
            reprs: vec![repr],
            text,
        }
    }

    /// One argument, with its `str` and `repr`.
    pub fn one(text: String, repr: String) -> Args {
        Args {
            reprs: vec![repr],
            text,
        }
    }

    /// The arguments of a `KeyError`: its `str` is the repr of its one
    /// argument.
    pub fn key(reprs: Vec<String>) -> Args {
        match <[String; 1]>::try_from(reprs) {
            Ok([repr]) => Args::one(repr.clone(), repr),
            Err(reprs) => Args::many(reprs),
        }
    }

    /// No argument or several (`str` is the repr of the tuple), or one
    /// whose `str` is its `repr`.
    pub fn many(reprs: Vec<String>) -> Args {
        let text = match reprs.as_slice() {
            [] => String::new(),
            [one] => one.clone(),
            _ => format!("({})", reprs.join(", ")),
        };
        Args { reprs, text }
    }

    /// Python's `str(exc)` of an exception with these arguments.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The default `repr` of an exception of class `kind` with these
    /// arguments: `kind('a', 1)`.
    pub fn repr_of(&self, kind: &str) -> String {
        format!("{kind}({})", self.reprs.join(", "))
    }

    /// `len(exc.args)`.
    pub fn len(&self) -> usize {
        self.reprs.len()
    }

    /// `not exc.args`.
    pub fn is_empty(&self) -> bool {
        self.reprs.is_empty()
    }
}

impl crate::pystr::PyStr for Args {
    fn py_str(&self) -> String {
        match self.reprs.as_slice() {
            [one] => format!("({one},)"),
            items => format!("({})", items.join(", ")),
        }
    }
    fn py_repr(&self) -> String {
        self.py_str()
    }
}

impl Exception {
    /// An exception of class `kind` with `message`.
    pub fn new(kind: &'static str, message: impl Into<String>) -> Self {
        Exception {
            kind,
            message: message.into(),
            at: None,
            extra: None,
        }
    }

    /// `kind(*args)`.
    #[cold]
    pub fn with_args(kind: &'static str, args: Args) -> Self {
        Exception {
            kind,
            message: args.text.clone(),
            at: None,
            extra: Some(Box::new(Extra {
                args,
                repr: None,
                object: None,
            })),
        }
    }

    /// An instance `object` of a program's exception class `kind`, with
    /// its `str`, `args` and `repr` (if its class defines `__repr__`).
    #[cold]
    pub fn object<T: Any>(
        kind: &'static str,
        message: String,
        args: Args,
        repr: Option<String>,
        object: T,
    ) -> Self {
        Exception {
            kind,
            message,
            at: None,
            extra: Some(Box::new(Extra {
                args,
                repr,
                object: Some(Rc::new(object)),
            })),
        }
    }

    /// The instance of the program's exception class this exception is
    /// (the handler of its class knows `T`).
    pub fn instance<T: Any + Clone>(&self) -> T {
        match self
            .extra
            .as_ref()
            .and_then(|x| x.object.as_ref())
            .and_then(|o| o.downcast_ref::<T>())
        {
            Some(o) => o.clone(),
            None => trap("internal error: an exception without its object"),
        }
    }

    /// Python's `exc.args`.
    pub fn args(&self) -> Args {
        match &self.extra {
            Some(x) => x.args.clone(),
            None if self.message.is_empty() => Args::default(),
            // A `KeyError`'s message is already its key's repr.
            None if self.kind == "KeyError" => Args::key(vec![self.message.clone()]),
            None => Args::str(self.message.clone()),
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
        if let Some(r) = self.extra.as_ref().and_then(|x| x.repr.as_ref()) {
            return r.clone();
        }
        self.args().repr_of(self.kind)
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
