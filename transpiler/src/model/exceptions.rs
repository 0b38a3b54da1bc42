//! Python's exception classes: the built-in hierarchy and the program's own
//! subclasses (`class NotFound(KeyError): pass`), one home for "which
//! classes does `except X` catch".
//!
//! At run time an exception is a `runtime_lite::Exception` whose `kind` is
//! its class name; `except X` compiles to a match on the names of `X` and
//! all of its subclasses, which the whole program determines.

use super::ir::{DefKind, TypeDef};
use super::DefId;

/// The built-in exception classes canister code can raise or catch, each
/// with its base class (an index into this table), in CPython's hierarchy.
pub const BUILTIN: &[(&str, Option<usize>)] = &[
    ("BaseException", None),         // 0
    ("Exception", Some(0)),          // 1
    ("ArithmeticError", Some(1)),    // 2
    ("ZeroDivisionError", Some(2)),  // 3
    ("OverflowError", Some(2)),      // 4
    ("FloatingPointError", Some(2)), // 5
    ("AssertionError", Some(1)),     // 6
    ("AttributeError", Some(1)),     // 7
    ("LookupError", Some(1)),        // 8
    ("IndexError", Some(8)),         // 9
    ("KeyError", Some(8)),           // 10
    ("NameError", Some(1)),          // 11
    ("UnboundLocalError", Some(11)), // 12
    ("RuntimeError", Some(1)),       // 13
    ("NotImplementedError", Some(13)),
    ("RecursionError", Some(13)),
    ("StopIteration", Some(1)),
    ("TypeError", Some(1)),
    ("ValueError", Some(1)), // 18
    ("UnicodeError", Some(18)),
    ("UnicodeDecodeError", Some(19)),
    ("UnicodeEncodeError", Some(19)),
    ("MemoryError", Some(1)),
];

/// An exception class: built-in (an index into [`BUILTIN`]) or defined by
/// the program (`DefKind::Exception`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ExcClass {
    Builtin(usize),
    User(DefId),
}

impl ExcClass {
    pub const BASE_EXCEPTION: ExcClass = ExcClass::Builtin(0);
    pub const EXCEPTION: ExcClass = ExcClass::Builtin(1);

    /// The built-in class named `name`.
    pub fn builtin(name: &str) -> Option<ExcClass> {
        BUILTIN
            .iter()
            .position(|(n, _)| *n == name)
            .map(ExcClass::Builtin)
    }

    /// The class name, which is also the exception's `kind` at run time.
    pub fn name(self, defs: &[TypeDef]) -> &str {
        match self {
            ExcClass::Builtin(i) => BUILTIN[i].0,
            ExcClass::User(d) => &defs[d.0 as usize].name,
        }
    }

    /// The direct base class (`None` for `BaseException`).
    pub fn base(self, defs: &[TypeDef]) -> Option<ExcClass> {
        match self {
            ExcClass::Builtin(i) => BUILTIN[i].1.map(ExcClass::Builtin),
            ExcClass::User(d) => match &defs[d.0 as usize].kind {
                DefKind::Exception(base) => Some(*base),
                DefKind::Class(c) => c.base.map(ExcClass::User).or(c.exception),
                _ => None,
            },
        }
    }

    /// Whether `self` is `other` or one of its subclasses.
    pub fn is_subclass_of(self, other: ExcClass, defs: &[TypeDef]) -> bool {
        let mut at = Some(self);
        // The chain is finite: the checker rejects cyclic bases.
        for _ in 0..256 {
            match at {
                Some(c) if c == other => return true,
                Some(c) => at = c.base(defs),
                None => return false,
            }
        }
        false
    }

    /// Whether `except self` catches every exception canister code raises.
    pub fn catches_all(self) -> bool {
        matches!(self, ExcClass::Builtin(0 | 1))
    }
}

/// Every class an `except` of `classes` catches: the names to match the
/// exception's `kind` against, built-in classes first, in table order.
pub fn caught_names(defs: &[TypeDef], classes: &[ExcClass]) -> Vec<String> {
    let all = (0..BUILTIN.len()).map(ExcClass::Builtin).chain(
        defs.iter()
            .enumerate()
            .filter(|(i, d)| {
                matches!(d.kind, DefKind::Exception(_))
                    || super::ir::class_exception(defs, DefId(*i as u32)).is_some()
            })
            .map(|(i, _)| ExcClass::User(DefId(i as u32))),
    );
    let mut names: Vec<String> = Vec::new();
    for c in all {
        if classes.iter().any(|k| c.is_subclass_of(*k, defs)) {
            let n = c.name(defs).to_string();
            if !names.contains(&n) {
                names.push(n);
            }
        }
    }
    names
}
