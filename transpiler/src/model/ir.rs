//! The typed IR: what `check` produces and `lower` consumes. Every expression
//! carries its Python value type; every implicit conversion is explicit.

use super::{CandidTy, Signature, Ty};
use num_bigint::BigInt;

/// A whole compiled module.
#[derive(Debug, Clone, PartialEq)]
pub struct Program {
    /// Display path of the entry module (used in runtime error locations).
    pub file: String,
    pub globals: Vec<Global>,
    pub functions: Vec<Function>,
}

/// A module-level variable, kept in heap memory (wiped on upgrade).
#[derive(Debug, Clone, PartialEq)]
pub struct Global {
    pub name: String,
    pub ty: Ty,
    pub init: Expr,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Function {
    pub sig: Signature,
    /// Parameters reassigned in the body are declared `mut`.
    pub mutable_params: Vec<String>,
    /// Parameters and locals never read (prefixed with `_` in Rust).
    pub unused: Vec<String>,
    /// Variables read once, outside loops: that read moves instead of cloning.
    pub single_use: Vec<String>,
    pub body: Vec<Stmt>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    Local(String),
    Global(String),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Stmt {
    /// Declares a local; without a value it is assigned later on every path.
    Let {
        name: String,
        ty: Ty,
        mutable: bool,
        value: Option<Expr>,
    },
    Assign {
        target: Target,
        value: Expr,
    },
    /// `target op= value`; `value` already has the target's type (or `int`
    /// for `str *= int`).
    AugAssign {
        target: Target,
        ty: Ty,
        op: BinOp,
        value: Expr,
    },
    Expr(Expr),
    /// `let _ = value;`: a value computed only for its exceptions or effects
    /// (what is left of a store nobody reads).
    Discard(Expr),
    If {
        cond: Expr,
        then: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    While {
        cond: Expr,
        body: Vec<Stmt>,
    },
    /// `for var in range(start, stop, step)` with a constant step.
    For(ForRange),
    Break,
    Continue,
    /// The value is already converted to the function's boundary type.
    Return(Option<Expr>),
}

/// `for var in range(start, stop, step)` with a constant step.
#[derive(Debug, Clone, PartialEq)]
pub struct ForRange {
    pub var: String,
    /// Type of the loop variable (`int` or a fixed-width integer).
    pub ty: Ty,
    /// The loop variable is reassigned in the body.
    pub mutable: bool,
    pub start: Expr,
    pub stop: Expr,
    pub step: i64,
    pub body: Vec<Stmt>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    FloorDiv,
    Mod,
    Pow,
    BitAnd,
    BitOr,
    BitXor,
    Shl,
    Shr,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    NotEq,
    Lt,
    LtE,
    Gt,
    GtE,
    /// Substring test on `str`.
    In,
    NotIn,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnaryOp {
    Neg,
    Invert,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    pub ty: Ty,
    pub kind: ExprKind,
    /// `file:line` for runtime exceptions raised by this expression.
    pub at: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum FPart {
    Lit(String),
    Value {
        expr: Expr,
        repr: bool,
        spec: Option<String>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IcCall {
    Caller,
    Time,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind {
    /// An integer literal of type `int` or a fixed-width type.
    Int(BigInt),
    Float(f64),
    Bool(bool),
    Str(String),
    Bytes(Vec<u8>),
    None,
    Local(String),
    Global(String),
    /// A numeric conversion that may fail (e.g. `int` -> `nat8`).
    Convert(Box<Expr>),
    /// Python value -> Candid boundary representation (for results and
    /// arguments of exported functions).
    ToCandid(Box<Expr>, CandidTy),
    /// Operands have the same type, except `str * int` / `bytes * int`.
    Binary(BinOp, Box<Expr>, Box<Expr>),
    Unary(UnaryOp, Box<Expr>),
    Not(Box<Expr>),
    /// Python truthiness as `bool`.
    Truthy(Box<Expr>),
    /// `a < b < c ...`; each pair's operands have the same type.
    Compare(Box<Expr>, Vec<(CmpOp, Expr)>),
    /// `and`/`or` on two operands of the expression's type.
    And(Box<Expr>, Box<Expr>),
    Or(Box<Expr>, Box<Expr>),
    IfExp {
        cond: Box<Expr>,
        then: Box<Expr>,
        orelse: Box<Expr>,
    },
    /// A call of a module-level function; arguments are already in the
    /// callee's boundary types; the result is converted back by the caller.
    Call(String, Vec<Expr>),
    /// The boundary result of a call converted back to a Python value.
    FromCandid(Box<Expr>, CandidTy),
    Len(Box<Expr>),
    ToStr(Box<Expr>),
    FString(Vec<FPart>),
    Print(Box<Expr>),
    Trap(Box<Expr>),
    Ic(IcCall),
}

impl Expr {
    pub fn new(ty: Ty, kind: ExprKind, at: &str) -> Self {
        Expr {
            ty,
            kind,
            at: at.to_string(),
        }
    }

    /// Calls `f` on each direct sub-expression, in evaluation order.
    pub fn for_each_child(&self, f: &mut dyn FnMut(&Expr)) {
        match &self.kind {
            ExprKind::Int(_)
            | ExprKind::Float(_)
            | ExprKind::Bool(_)
            | ExprKind::Str(_)
            | ExprKind::Bytes(_)
            | ExprKind::None
            | ExprKind::Local(_)
            | ExprKind::Global(_)
            | ExprKind::Ic(_) => {}
            ExprKind::Convert(a)
            | ExprKind::ToCandid(a, _)
            | ExprKind::FromCandid(a, _)
            | ExprKind::Unary(_, a)
            | ExprKind::Not(a)
            | ExprKind::Truthy(a)
            | ExprKind::Len(a)
            | ExprKind::ToStr(a)
            | ExprKind::Print(a)
            | ExprKind::Trap(a) => f(a),
            ExprKind::Binary(_, a, b) | ExprKind::And(a, b) | ExprKind::Or(a, b) => {
                f(a);
                f(b);
            }
            ExprKind::Compare(a, rest) => {
                f(a);
                rest.iter().for_each(|(_, b)| f(b));
            }
            ExprKind::IfExp { cond, then, orelse } => {
                f(cond);
                f(then);
                f(orelse);
            }
            ExprKind::Call(_, args) => args.iter().for_each(f),
            ExprKind::FString(parts) => {
                for p in parts {
                    if let FPart::Value { expr, .. } = p {
                        f(expr);
                    }
                }
            }
        }
    }

    /// Expressions that never return (`ic.trap`).
    pub fn diverges(&self) -> bool {
        matches!(self.kind, ExprKind::Trap(_))
    }
}
