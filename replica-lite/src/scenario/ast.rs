//! Syntax tree of scenario scripts.

use candid::types::{Label, Type};
use candid::{IDLValue, Principal};
use candid_parser::syntax::IDLType;

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
    /// `import NAME = CANISTER (as "file.did")?`
    Import {
        name: String,
        target: Target,
        did: Option<String>,
    },
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
    /// `(e : t)`, and the value of `let x : t = e`.
    Annot(Box<Expr>, Box<TypeAnnot>),
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

/// A type written in a script. Type names in it are resolved when the
/// annotation is evaluated, against the interfaces the script knows then.
#[derive(Debug, Clone)]
pub(crate) struct TypeAnnot {
    pub ast: IDLType,
    /// The type names it uses, sorted and without duplicates.
    pub names: Vec<String>,
    /// The type, when it uses no names (converted once, by the parser).
    pub closed: Option<Type>,
    /// The source text, for messages.
    pub text: String,
}

/// The type names an annotation uses.
pub(crate) fn type_names(t: &IDLType) -> Vec<String> {
    fn walk(t: &IDLType, out: &mut Vec<String>) {
        match t {
            IDLType::PrimT(_) | IDLType::PrincipalT => {}
            IDLType::VarT(name) => out.push(name.clone()),
            IDLType::OptT(t) | IDLType::VecT(t) => walk(t, out),
            IDLType::RecordT(fields) | IDLType::VariantT(fields) => {
                fields.iter().for_each(|f| walk(&f.typ, out))
            }
            IDLType::FuncT(f) => f.args.iter().chain(&f.rets).for_each(|a| walk(&a.typ, out)),
            IDLType::ServT(methods) => methods.iter().for_each(|m| walk(&m.typ, out)),
            IDLType::ClassT(args, t) => {
                args.iter().for_each(|a| walk(&a.typ, out));
                walk(t, out);
            }
        }
    }
    let mut out = Vec::new();
    walk(t, &mut out);
    out.sort();
    out.dedup();
    out
}
