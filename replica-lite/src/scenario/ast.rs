//! Syntax tree of scenario scripts.

use candid::types::{Label, Type};
use candid::{IDLValue, Principal};

#[derive(Debug, Clone)]
pub(crate) struct Command {
    pub kind: CommandKind,
    /// Byte range of the command in the script source.
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone)]
pub(crate) enum CommandKind {
    Let(String, Expr),
    Expr(Expr),
    Assert(Expr, BinOp, Expr),
    Identity(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BinOp {
    Eq,
    NotEq,
    Match,
}

impl BinOp {
    pub(crate) fn symbol(self) -> &'static str {
        match self {
            BinOp::Eq => "==",
            BinOp::NotEq => "!=",
            BinOp::Match => "~=",
        }
    }
}

#[derive(Debug, Clone)]
pub(crate) enum Expr {
    /// A primitive Candid literal.
    Value(IDLValue),
    Opt(Box<Expr>),
    Vec(Vec<Expr>),
    Record(Vec<(Label, Expr)>),
    Variant(Label, Box<Expr>),
    /// `(e : t)`; the type's source text is kept for messages.
    Annot(Box<Expr>, Type, String),
    /// `(a, b, ...)`: a tuple record; `()` is null.
    Tuple(Vec<Expr>),
    Var(String),
    Path(Box<Expr>, Vec<Transformer>),
    Fail(Box<Expr>),
    Call {
        target: Target,
        method: String,
        args: Vec<Expr>,
    },
    Encode {
        method: Option<(Target, String)>,
        args: Vec<Expr>,
    },
    Decode {
        method: Option<(Target, String)>,
        blob: Box<Expr>,
    },
    App(String, Vec<Expr>),
}

#[derive(Debug, Clone)]
pub(crate) enum Target {
    /// The management canister, `ic`.
    Ic,
    Var(String),
    Principal(Principal),
}

#[derive(Debug, Clone)]
pub(crate) enum Transformer {
    /// `?`
    Opt,
    /// `.name`
    Field(String),
    /// `[n]`
    Index(u64),
    /// `.name(args)`
    Method(String, Vec<Expr>),
}
