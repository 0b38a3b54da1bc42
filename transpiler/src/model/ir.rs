//! The typed IR: what `check` produces, the passes rewrite and `lower`
//! consumes. Names are ids ([`LocalId`], [`GlobalId`], [`FuncId`]) into the
//! program's and functions' tables; every expression carries its Python
//! value type and its span; every implicit conversion is an explicit node.
//!
//! Exported methods are ordinary functions on Python types plus an
//! [`Export`]: the thin Candid wrapper that decodes, converts and
//! range-checks. Python code calls the function, never the wrapper.

use super::ty::{CandidKind, CandidTy, DefId, Ty, Types};
use super::Mode;
use crate::source::{SourceMap, Span};
use num_bigint::BigInt;

/// A local variable (or parameter) of a function.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LocalId(pub u32);

/// A module-level variable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct GlobalId(pub u32);

/// A module-level function.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FuncId(pub u32);

/// A whole compiled program.
#[derive(Debug, Clone)]
pub struct Program {
    /// The source files (for runtime error locations).
    pub sources: SourceMap,
    /// Display path of the entry module.
    pub file: String,
    pub types: Types,
    /// Named Candid types (Records, Variants, aliases), indexed by [`DefId`].
    pub defs: Vec<TypeDef>,
    /// Indexed by [`GlobalId`].
    pub globals: Vec<Global>,
    /// Indexed by [`FuncId`], in source order.
    pub functions: Vec<Function>,
    /// Canister methods, in source order (so sorted by `func`).
    pub exports: Vec<Export>,
    /// The module-level code of each module that has some (statements
    /// other than imports, definitions and constant global initializers),
    /// as a function without parameters, in CPython's import order: what
    /// runs when the canister starts (`canister_init` and
    /// `canister_post_upgrade`) or when a script runs.
    pub module_inits: Vec<FuncId>,
    /// A script (`kybra-aot run`): its top level is the program, and it
    /// runs natively instead of as a canister.
    pub script: bool,
    /// The list and Record types some code mutates in place
    /// (`passes::sharing`): their values are shared handles
    /// (`runtime_lite::List`, `runtime_lite::Shared`); the others are plain
    /// Rust values. Dicts are always shared.
    pub shared: std::collections::BTreeSet<Ty>,
}

impl Program {
    pub fn def(&self, id: DefId) -> &TypeDef {
        &self.defs[id.0 as usize]
    }

    /// The items of a recursive tuple alias (`List = Tuple[str,
    /// Opt["List"]]`): the only alias that is a nominal type (a tuple
    /// struct); every other alias is transparent.
    pub fn tuple_alias(&self, id: DefId) -> Option<&[CandidTy]> {
        match &self.def(id).kind {
            DefKind::Alias(t) if !self.types.is_alias(id) => match self.types.candid_kind(*t) {
                CandidKind::Tuple(items) => Some(items),
                _ => None,
            },
            _ => None,
        }
    }

    pub fn global(&self, id: GlobalId) -> &Global {
        &self.globals[id.0 as usize]
    }

    pub fn function(&self, id: FuncId) -> &Function {
        &self.functions[id.0 as usize]
    }

    /// `path:line` of a span, for runtime exception messages.
    pub fn location(&self, span: Span) -> String {
        self.sources.location(span)
    }

    /// The export of a function, if it is a canister method (`exports` is
    /// sorted by function id: both follow the source order).
    pub fn export_of(&self, f: FuncId) -> Option<&Export> {
        let i = self.exports.binary_search_by_key(&f, |e| e.func).ok()?;
        Some(&self.exports[i])
    }
}

/// A named Candid type: `class X(Record)`, `class X(Variant)`, a
/// `TypedDict` (a Record), an alias (`X = Tuple[str, nat64]`,
/// `F = Func(Query[[str], nat64])`) or `class S(Service)`.
#[derive(Debug, Clone, PartialEq)]
pub struct TypeDef {
    /// The Python name, which is also the Candid name.
    pub name: String,
    pub span: Span,
    pub kind: DefKind,
}

impl TypeDef {
    /// The Python name of field (or tag) `i`.
    pub fn name_of_member(&self, i: usize) -> &str {
        match &self.kind {
            DefKind::Record(f) | DefKind::Variant(f) => f.get(i).map_or("", |f| f.name.as_str()),
            DefKind::Alias(_) | DefKind::Exception(_) => "",
            DefKind::Service(m) => m.get(i).map_or("", |f| f.name.as_str()),
            DefKind::Class(c) => c.fields.get(i).map_or("", |f| f.name.as_str()),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum DefKind {
    /// Fields in declaration order.
    Record(Vec<Field>),
    /// Tags in declaration order; a `null` payload is `CandidTy::NULL`.
    Variant(Vec<Field>),
    Alias(CandidTy),
    /// A Service's methods in declaration order; each type is a
    /// `CandidKind::Func`.
    Service(Vec<Field>),
    /// `class E(Base): pass`: an exception class and its base.
    Exception(super::exceptions::ExcClass),
    /// A plain Python class (not a Candid type): its instances are shared
    /// objects (`check/classes.rs`, "Classes" in ARCHITECTURE.md).
    Class(ClassDef),
}

/// A plain Python class: instance attributes, methods, class attributes.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ClassDef {
    /// The dotted name of the defining module (CPython's default `repr`
    /// names it: `<main.Point object at 0x...>`).
    pub module: String,
    /// Instance attributes, in the order `__init__` first assigns them
    /// (a dataclass: its fields).
    pub fields: Vec<ClassField>,
    pub methods: Vec<ClassMethod>,
    /// Class attributes (`count = 0` in the class body): module-level
    /// variables read as `C.count` or `obj.count`.
    pub attrs: Vec<(String, GlobalId)>,
    /// `@dataclass`: `__init__`, `__repr__` and `__eq__` are generated.
    pub dataclass: bool,
    /// The base class (single inheritance).
    pub base: Option<DefId>,
    /// A class deriving from an exception class that is not a class of
    /// the program (`class E(ValueError)`): that class. Its instances are
    /// raised as exceptions, and it has the attribute `args` first.
    pub exception: Option<super::exceptions::ExcClass>,
}

impl ClassDef {
    pub fn field(&self, name: &str) -> Option<usize> {
        self.fields.iter().position(|f| f.name == name)
    }

    pub fn method(&self, name: &str) -> Option<&ClassMethod> {
        self.methods.iter().find(|m| m.name == name)
    }

    pub fn attr(&self, name: &str) -> Option<GlobalId> {
        self.attrs.iter().find(|a| a.0 == name).map(|a| a.1)
    }

    /// The methods the Rust trait impls of the class call (`PyStr`,
    /// `PartialEq`, `PyOrd`): containers of instances print, compare and
    /// sort through them.
    pub fn trait_methods(&self) -> impl Iterator<Item = FuncId> + '_ {
        self.methods
            .iter()
            .filter(|m| {
                matches!(
                    m.name.as_str(),
                    "__str__" | "__repr__" | "__eq__" | "__lt__"
                )
            })
            .map(|m| m.func)
    }
}

/// The class definition `d`, if it is one.
pub fn class_def(defs: &[TypeDef], d: DefId) -> Option<&ClassDef> {
    match &defs.get(d.0 as usize)?.kind {
        DefKind::Class(c) => Some(c),
        _ => None,
    }
}

/// `d` and its bases, nearest first (Python's MRO for single inheritance).
pub fn class_mro(defs: &[TypeDef], d: DefId) -> Vec<DefId> {
    let mut out = vec![d];
    while let Some(b) = class_def(defs, out[out.len() - 1]).and_then(|c| c.base) {
        if out.contains(&b) || out.len() > 64 {
            break;
        }
        out.push(b);
    }
    out
}

/// The exception class a class derives from through its root, if it is
/// an exception class.
pub fn class_exception(defs: &[TypeDef], d: DefId) -> Option<super::exceptions::ExcClass> {
    let root = *class_mro(defs, d).last()?;
    class_def(defs, root)?.exception
}

/// Whether class `sub` is `sup` or derives from it.
pub fn is_subclass(defs: &[TypeDef], sub: DefId, sup: DefId) -> bool {
    class_mro(defs, sub).contains(&sup)
}

/// The classes deriving from `d` (and `d`), in definition order.
pub fn class_subtree(defs: &[TypeDef], d: DefId) -> Vec<DefId> {
    (0..defs.len() as u32)
        .map(DefId)
        .filter(|k| class_def(defs, *k).is_some() && is_subclass(defs, *k, d))
        .collect()
}

/// The root of `d`'s hierarchy, if `d` is in one (a class with a base or
/// a subclass): all its classes share one Rust type.
pub fn class_hierarchy(defs: &[TypeDef], d: DefId) -> Option<DefId> {
    let root = *class_mro(defs, d).last()?;
    (class_subtree(defs, root).len() > 1).then_some(root)
}

/// Method `name` as class `d` resolves it (its own or inherited).
pub fn resolve_method<'a>(defs: &'a [TypeDef], d: DefId, name: &str) -> Option<&'a ClassMethod> {
    class_mro(defs, d)
        .into_iter()
        .find_map(|k| class_def(defs, k)?.method(name))
}

/// An instance attribute of a class.
#[derive(Debug, Clone, PartialEq)]
pub struct ClassField {
    pub name: String,
    pub ty: Ty,
}

/// A method of a class: an ordinary function whose first parameter is the
/// instance (`Instance`, `Property`), or none (`Static`, `Class`: `cls` is
/// the class itself, known statically). `__init__` takes no `self`: it
/// returns the new instance.
#[derive(Debug, Clone, PartialEq)]
pub struct ClassMethod {
    pub name: String,
    pub func: FuncId,
    pub kind: MethodKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MethodKind {
    Instance,
    Init,
    Static,
    Class,
    Property,
}

/// A Record field or a Variant tag.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    /// The Python name (the dict key Python code uses).
    pub name: String,
    pub ty: CandidTy,
}

/// Python's keywords: a field or tag spelled `from_` in Python (which
/// cannot say `from`) is `from` in Candid, as Kybra names it.
const PYTHON_KEYWORDS: [&str; 35] = [
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

impl Field {
    /// The name in Candid: a Python keyword followed by underscores
    /// (`from_`, `with__`) loses one underscore (`from`, `with_`), as
    /// Kybra names it; other names are unchanged.
    pub fn candid_name(&self) -> &str {
        let keyword = self.name.trim_end_matches('_');
        if self.name.len() > keyword.len() && PYTHON_KEYWORDS.contains(&keyword) {
            &self.name[..self.name.len() - 1]
        } else {
            &self.name
        }
    }
}

/// A module-level variable, kept in heap memory (wiped on upgrade).
#[derive(Debug, Clone, PartialEq)]
pub struct Global {
    pub name: String,
    pub ty: Ty,
    pub init: Expr,
    pub span: Span,
    /// The global's first value is computed by module-level code (one of
    /// `Program::module_inits`), not by `init`: until that runs, reading it
    /// is Python's `NameError`.
    pub unbound: bool,
}

/// A local variable's declaration. One Python name may have several locals
/// (a name rebound to a value of another type gets a new one).
#[derive(Debug, Clone, PartialEq)]
pub struct Local {
    /// The Python name.
    pub name: String,
    pub ty: Ty,
    pub span: Span,
    pub param: bool,
    /// Assigned after its first binding (set by `passes::flow`).
    pub mutable: bool,
    /// Read somewhere (set by `passes::flow`).
    pub used: bool,
    /// Read exactly once, outside loops: that read may move the value.
    pub single_use: bool,
    /// Shared with a nested function that captures it and one of them
    /// rebinds it (`nonlocal`, a loop, a later assignment): a
    /// `runtime_lite::Cell` read with `get()` and stored with `set()`.
    pub cell: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Function {
    pub name: String,
    pub span: Span,
    pub params: Vec<LocalId>,
    /// The Python result type (`None` for `void` and `-> None`).
    pub ret: Ty,
    /// Indexed by [`LocalId`].
    pub locals: Vec<Local>,
    pub body: Vec<Stmt>,
    /// Whether its exceptions can reach a `try` (a caller's or its own
    /// caller's): then it returns `Result<_, Exception>` and its callers
    /// handle the error (`passes::raising`); otherwise a raise traps.
    pub raises: bool,
    /// Whether control can reach the end of the body (set by `flow`).
    pub falls_through: bool,
    /// A generator function (`yield` in its body): `ret` is
    /// `Generator[T]` and the body runs lazily, item by item.
    pub generator: bool,
}

impl Function {
    /// Whether a call of it returns `Result` (a generator's call never
    /// raises: its body runs later, item by item).
    pub fn call_raises(&self) -> bool {
        self.raises && !self.generator
    }

    pub fn local(&self, id: LocalId) -> &Local {
        &self.locals[id.0 as usize]
    }
}

/// A canister method: the Candid face of a function.
#[derive(Debug, Clone, PartialEq)]
pub struct Export {
    pub func: FuncId,
    /// The Candid method name (the Python function's name).
    pub name: String,
    pub mode: Mode,
    /// One Candid type per parameter of the function.
    pub params: Vec<CandidTy>,
    /// `None` for `void` (no results).
    pub ret: Option<CandidTy>,
}

/// Where an assignment stores.
#[derive(Debug, Clone, PartialEq)]
pub enum Place {
    Local(LocalId),
    Global(GlobalId),
    /// `base[index]` (produced from the Candid-types and Python-core issues on).
    Subscript {
        base: Box<Expr>,
        index: Box<Expr>,
    },
    /// `record["field"] = v` on a Record value (by index).
    Field(Box<Expr>, usize),
    /// `base.attr`.
    Attribute {
        base: Box<Expr>,
        attr: String,
    },
    /// `a, b, *rest = ...`.
    Unpack(Vec<Place>),
    /// `*rest` inside an unpacking.
    Starred(Box<Place>),
}

impl Place {
    /// The expressions a store to this place reads (a subscript's container
    /// and index, a field's record), in evaluation order.
    pub fn reads(&self) -> Vec<&Expr> {
        match self {
            Place::Local(_) | Place::Global(_) => Vec::new(),
            Place::Subscript { base, index } => vec![base, index],
            Place::Field(base, _) | Place::Attribute { base, .. } => vec![base],
            Place::Unpack(items) => items.iter().flat_map(|p| p.reads()).collect(),
            Place::Starred(p) => p.reads(),
        }
    }
}

/// One `except` clause.
#[derive(Debug, Clone, PartialEq)]
pub struct Handler {
    /// The classes caught (a bare `except` catches `BaseException`).
    pub classes: Vec<super::exceptions::ExcClass>,
    /// The exception's local (`as e`, or a hidden one a bare `raise` in
    /// the body re-raises); it is assigned when the handler starts.
    pub bind: Option<LocalId>,
    pub body: Vec<Stmt>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Stmt {
    /// Declares a local; without a value it is assigned later on every path.
    Let {
        local: LocalId,
        value: Option<Expr>,
    },
    Assign {
        place: Place,
        value: Expr,
    },
    /// `place op= value`, computed in the place's own type (the checker
    /// emits it only when that is Python's result).
    AugAssign {
        place: Place,
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
    /// `for var in iter` over a list or the keys of a dict.
    ForEach(ForEach),
    Break,
    Continue,
    /// The value has the function's Python result type.
    Return(Option<Expr>),
    /// `try: body except ...: handlers else: orelse finally: finally`.
    Try {
        body: Vec<Stmt>,
        handlers: Vec<Handler>,
        orelse: Vec<Stmt>,
        finally: Vec<Stmt>,
    },
    With {
        ctx: Expr,
        bind: Option<Place>,
        body: Vec<Stmt>,
    },
    Del(Place),
}

impl Stmt {
    /// The blocks nested directly in this statement (branches, loop
    /// bodies, a `try`'s parts), in source order.
    pub fn blocks(&self) -> Vec<&[Stmt]> {
        match self {
            Stmt::If { then, orelse, .. } => vec![then, orelse],
            Stmt::While { body, .. } | Stmt::With { body, .. } => vec![body],
            Stmt::For(f) => vec![&f.body],
            Stmt::ForEach(f) => vec![&f.body],
            Stmt::Try {
                body,
                handlers,
                orelse,
                finally,
            } => {
                let mut out: Vec<&[Stmt]> = vec![body];
                out.extend(handlers.iter().map(|h| h.body.as_slice()));
                out.push(orelse);
                out.push(finally);
                out
            }
            _ => Vec::new(),
        }
    }

    /// [`Stmt::blocks`], mutably.
    pub fn blocks_mut(&mut self) -> Vec<&mut Vec<Stmt>> {
        match self {
            Stmt::If { then, orelse, .. } => vec![then, orelse],
            Stmt::While { body, .. } | Stmt::With { body, .. } => vec![body],
            Stmt::For(f) => vec![&mut f.body],
            Stmt::ForEach(f) => vec![&mut f.body],
            Stmt::Try {
                body,
                handlers,
                orelse,
                finally,
            } => {
                let mut out: Vec<&mut Vec<Stmt>> = vec![body];
                out.extend(handlers.iter_mut().map(|h| &mut h.body));
                out.push(orelse);
                out.push(finally);
                out
            }
            _ => Vec::new(),
        }
    }
}

/// `for var in range(start, stop, step)` with a constant step.
#[derive(Debug, Clone, PartialEq)]
pub struct ForRange {
    pub var: LocalId,
    pub start: Expr,
    pub stop: Expr,
    pub step: i64,
    pub body: Vec<Stmt>,
}

/// `for var in iter`: a list's items (CPython's index loop: items
/// appended during the loop are visited) or a dict's keys (changing the
/// dict's size during the loop raises `RuntimeError`). A tuple target is a
/// `var` unpacked by assignments at the start of `body`.
#[derive(Debug, Clone, PartialEq)]
pub struct ForEach {
    pub var: LocalId,
    pub iter: Expr,
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

impl BinOp {
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::Div => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Pow => "**",
            BinOp::BitAnd => "&",
            BinOp::BitOr => "|",
            BinOp::BitXor => "^",
            BinOp::Shl => "<<",
            BinOp::Shr => ">>",
        }
    }
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

impl CmpOp {
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Eq => "==",
            CmpOp::NotEq => "!=",
            CmpOp::Lt => "<",
            CmpOp::LtE => "<=",
            CmpOp::Gt => ">",
            CmpOp::GtE => ">=",
            CmpOp::In => "in",
            CmpOp::NotIn => "not in",
        }
    }
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
    pub span: Span,
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

/// A built-in function (`ExprKind::Builtin`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Builtin {
    /// `abs(x)` of an `int` or float.
    Abs,
    /// `sum(xs)` of a list of numbers.
    Sum,
    /// `min(xs)` / `max(xs)` of a list (`ValueError` when empty).
    MinOf,
    MaxOf,
    /// `min(a, b, ...)` / `max(a, b, ...)`.
    MinArgs,
    MaxArgs,
    /// `sorted(xs)` / `sorted(xs, reverse=r)`: a new list.
    Sorted,
    /// `any(xs)` / `all(xs)` by truthiness.
    Any,
    All,
    /// `int(x)` of a str (`ValueError`), float (`ValueError` for NaN,
    /// `OverflowError` for infinities), bool or int.
    Int,
    /// `float(x)` of an int (`OverflowError` when too large) or bool.
    Float,
    /// `enumerate(xs)` / `zip(a, b, ...)`: lists of tuples.
    Enumerate,
    Zip,
    /// `reversed(xs)` of a list or str: a list, last item first.
    Reversed,
    /// `set(xs)` / `frozenset(xs)` / `{x for x in xs}` (the expression's
    /// type says which): a new set of the items of a list, set or
    /// generator.
    SetOf,
    /// A runtime-lite function called with the arguments as they are.
    Lib(LibFn),
}

impl Builtin {
    pub fn may_raise(self) -> bool {
        match self {
            Builtin::Lib(f) => f.may_raise(),
            b => matches!(
                b,
                Builtin::MinOf | Builtin::MaxOf | Builtin::Int | Builtin::Float
            ),
        }
    }
}

/// A Python built-in function or `str`/`bytes` method implemented by one
/// runtime-lite function (`check/library.rs`, `lower/library.rs`). The
/// arguments are the receiver (for a method) and the Python arguments in
/// order; trailing optional ones may be missing (`LibFn::params`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LibFn {
    Hex,
    Oct,
    Bin,
    Ord,
    Chr,
    /// `round(x)` of a float (an `int`), `round(x, n)` of a float and of
    /// an int.
    Round,
    RoundDigits,
    RoundInt,
    /// `round(x)` / `round(x, n)` of an int-or-float (`Num`).
    RoundNum,
    RoundNumDigits,
    /// `pow(base, exp, mod)`.
    PowMod,
    /// `hash(i)` of an int.
    HashInt,
    Title,
    Capitalize,
    SwapCase,
    CaseFold,
    IsAlpha,
    IsDecimal,
    IsDigit,
    IsNumeric,
    IsAlnum,
    IsSpace,
    IsUpper,
    IsLower,
    IsTitle,
    /// `s.find(sub, start, end)` and the like (`start`/`end` optional).
    Find,
    RFind,
    Index,
    RIndex,
    Count,
    StartsWith,
    EndsWith,
    LJust,
    RJust,
    Center,
    ZFill,
    /// `s.partition(sep)` / `s.rpartition(sep)`: a tuple of three str.
    Partition,
    RPartition,
    /// `s.split(sep, maxsplit)` / `s.rsplit(sep, maxsplit)`; `sep` is an
    /// `Opt[str]`.
    SplitMax,
    RSplit,
    SplitLines,
    RemovePrefix,
    RemoveSuffix,
    ExpandTabs,
    /// `b.hex()`, `bytes.fromhex(s)`.
    BytesHex,
    BytesFromHex,
    /// `e.args`, `type(e).__name__` of a caught exception; `len(e.args)`.
    ExcArgs,
    ExcName,
    ArgsLen,
    /// `next(g)` (`StopIteration`) and `next(g, default)` of a generator.
    Next,
    NextOr,
    /// `range(start, stop, step)` with a computed step (a new list).
    RangeStep,
    /// A function of Python's `math` module (`check/math.rs`).
    Math(MathFn),
}

/// A function of Python's `math` module: `runtime_lite::math::NAME`
/// (`MathFn::name`). Float parameters take a float, bool, `&Int` or
/// `&Num` as they are (runtime-lite converts them as CPython does); int
/// parameters take `&Int`; iterables (`fsum`, `dist`, `prod`) are their
/// items. `Log` / `LogBase` are `log(x)` / `log(x, base)`, `Perm` takes 1
/// or 2 ints, `Hypot` any number of floats, `ProdInt` / `ProdNum` the
/// items and the start (an `int`, or a `Num` when any may be a float).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MathFn {
    Sqrt,
    Exp,
    Exp2,
    Expm1,
    Log1p,
    Log,
    LogBase,
    Log2,
    Log10,
    Sin,
    Cos,
    Tan,
    Asin,
    Acos,
    Atan,
    Atan2,
    Sinh,
    Cosh,
    Tanh,
    Asinh,
    Acosh,
    Atanh,
    Fabs,
    Cbrt,
    Degrees,
    Radians,
    Copysign,
    Fmod,
    Pow,
    IsFinite,
    IsNan,
    IsInf,
    IsClose,
    Floor,
    Ceil,
    Trunc,
    Fsum,
    Hypot,
    /// `hypot(*xs)`.
    HypotOf,
    Dist,
    ProdInt,
    ProdNum,
    Gcd,
    Lcm,
    Factorial,
    Perm,
    Comb,
    Isqrt,
    Frexp,
    Ldexp,
    Modf,
    Remainder,
    NextAfter,
    Ulp,
    Erf,
    Erfc,
    Gamma,
    Lgamma,
}

impl MathFn {
    /// The runtime-lite function (in `runtime_lite::math`).
    pub fn name(self) -> &'static str {
        use MathFn::*;
        match self {
            Sqrt => "sqrt",
            Exp => "exp",
            Exp2 => "exp2",
            Expm1 => "expm1",
            Log1p => "log1p",
            Log => "log",
            LogBase => "log_base",
            Log2 => "log2",
            Log10 => "log10",
            Sin => "sin",
            Cos => "cos",
            Tan => "tan",
            Asin => "asin",
            Acos => "acos",
            Atan => "atan",
            Atan2 => "atan2",
            Sinh => "sinh",
            Cosh => "cosh",
            Tanh => "tanh",
            Asinh => "asinh",
            Acosh => "acosh",
            Atanh => "atanh",
            Fabs => "fabs",
            Cbrt => "cbrt",
            Degrees => "degrees",
            Radians => "radians",
            Copysign => "copysign",
            Fmod => "fmod",
            Pow => "pow",
            IsFinite => "isfinite",
            IsNan => "isnan",
            IsInf => "isinf",
            IsClose => "isclose",
            Floor => "floor",
            Ceil => "ceil",
            Trunc => "trunc",
            Fsum => "fsum",
            Hypot => "hypot",
            HypotOf => "hypot_of",
            Dist => "dist",
            ProdInt => "prod_int",
            ProdNum => "prod_num",
            Gcd => "gcd",
            Lcm => "lcm",
            Factorial => "factorial",
            Perm => "perm",
            Comb => "comb",
            Isqrt => "isqrt",
            Frexp => "frexp",
            Ldexp => "ldexp",
            Modf => "modf",
            Remainder => "remainder",
            NextAfter => "nextafter",
            Ulp => "ulp",
            Erf => "erf",
            Erfc => "erfc",
            Gamma => "gamma",
            Lgamma => "lgamma",
        }
    }

    /// Whether the function returns a `Result` (every one that converts
    /// an argument to a float may raise `OverflowError`).
    pub fn may_raise(self) -> bool {
        !matches!(self, MathFn::Gcd | MathFn::Lcm | MathFn::ProdInt)
    }
}

impl LibFn {
    pub fn may_raise(self) -> bool {
        use LibFn::*;
        matches!(
            self,
            Ord | Chr
                | Round
                | RoundNum
                | PowMod
                | Index
                | RIndex
                | LJust
                | RJust
                | Center
                | Partition
                | RPartition
                | SplitMax
                | RSplit
                | BytesFromHex
                | Next
                | NextOr
                | RangeStep
        ) || matches!(self, Math(f) if f.may_raise())
    }

    /// The number of parameters, after the required ones, that a call may
    /// leave out (lowered as `None`).
    pub fn optional(self) -> usize {
        use LibFn::*;
        match self {
            Find | RFind | Index | RIndex | Count | StartsWith | EndsWith => 2,
            LJust | RJust | Center => 1,
            _ => 0,
        }
    }
}

/// A method of a built-in type (`ExprKind::Method`); the receiver is the
/// first argument.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// `list.append(x)`.
    Append,
    /// `list.pop()` / `list.pop(i)` (`IndexError` when empty or out of range).
    Pop,
    /// `list(xs)` / `xs.copy()`: a new list of the same items.
    ListCopy,
    /// `d.get(k)` / `d.get(k, None)`: an `Opt[V]`.
    GetOpt,
    /// `d.get(k, default)`.
    GetOr,
    /// `d.keys()`, `d.values()`, `d.items()`: a new list (Python's views
    /// are only iterated, measured or copied by the code this compiles).
    Keys,
    Values,
    Items,
    /// `d.pop(k)` (`KeyError` when absent).
    DictPop,
    /// `d.setdefault(k, v)`.
    SetDefault,
    /// `x in container` as `Method(Contains, [container, x])`: list items,
    /// dict keys.
    Contains,
    /// `s.encode("utf-8")`.
    Encode,
    /// `str` methods: `upper()`, `lower()`, `strip([chars])`, `lstrip`,
    /// `rstrip`, `split([sep])`, `sep.join(list)`, `startswith`,
    /// `endswith`, `replace(old, new)`, `find(sub)`, `count(sub)`.
    Upper,
    Lower,
    Strip,
    LStrip,
    RStrip,
    Split,
    Join,
    StartsWith,
    EndsWith,
    Replace,
    Find,
    StrCount,
    /// `list` methods beyond `append` / `pop`: `extend(list)`,
    /// `insert(i, x)`, `remove(x)`, `index(x)`, `count(x)`, `sort()`,
    /// `reverse()`; `clear()` of a list or dict.
    Extend,
    /// `xs *= n`: the list object repeated in place.
    RepeatInPlace,
    Insert,
    Remove,
    Index,
    Count,
    Sort,
    Reverse,
    Clear,
    /// `del container[key]` (`KeyError` / `IndexError`).
    DelItem,
    /// `d.update(other)` / `d.copy()` (also `dict(d)`).
    Update,
    DictCopy,
    /// `b.decode("utf-8")` (`UnicodeDecodeError`).
    Decode,
    /// `list(s)` of a set (also where a list is iterated: `sorted(s)`,
    /// `sum(s)`, comprehensions): its items in iteration order.
    SetToList,
    /// `set` methods: `add(x)`, `discard(x)`, `remove(x)` (`KeyError`),
    /// `pop()` (`KeyError` when empty), `copy()`, `update(other)`.
    SetAdd,
    SetDiscard,
    SetRemove,
    SetPop,
    SetCopy,
    SetUpdate,
    /// `a.union(b)` / `a | b` and the other operations giving a new set
    /// (`b` is a set, or a list for the `*Items` forms of the methods).
    Union,
    Intersection,
    Difference,
    SymmetricDifference,
    /// In-place forms: `a &= b` / `a.intersection_update(b)`, ...
    IntersectionUpdate,
    DifferenceUpdate,
    SymmetricDifferenceUpdate,
    /// `a <= b` / `a.issubset(b)`, `a >= b`, `a < b`, `a > b`,
    /// `a.isdisjoint(b)`.
    IsSubset,
    IsSuperset,
    IsProperSubset,
    IsProperSuperset,
    IsDisjoint,
}

impl Method {
    /// Whether the method changes its receiver in place.
    pub fn mutates(self) -> bool {
        matches!(
            self,
            Method::Append
                | Method::Pop
                | Method::DictPop
                | Method::SetDefault
                | Method::Extend
                | Method::RepeatInPlace
                | Method::Insert
                | Method::Remove
                | Method::Sort
                | Method::Reverse
                | Method::Clear
                | Method::DelItem
                | Method::Update
                | Method::SetAdd
                | Method::SetDiscard
                | Method::SetRemove
                | Method::SetPop
                | Method::SetUpdate
                | Method::IntersectionUpdate
                | Method::DifferenceUpdate
                | Method::SymmetricDifferenceUpdate
        )
    }

    /// Whether the method may raise a Python exception.
    pub fn may_raise(self) -> bool {
        matches!(
            self,
            Method::Pop
                | Method::RepeatInPlace
                | Method::DictPop
                | Method::Decode
                | Method::Split
                | Method::Remove
                | Method::Index
                | Method::Insert
                | Method::DelItem
                | Method::SetRemove
                | Method::SetPop
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IcCall {
    Caller,
    Time,
    /// `ic.id()`: this canister's principal.
    Id,
    /// `ic.canister_balance()` (`nat64`) / `ic.canister_balance128()`.
    Balance,
    Balance128,
}

/// Operations on Principal, Func and Service values (`check/refs.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefOp {
    /// `Principal.from_str(s)`: raises for an invalid text.
    PrincipalFromStr,
    /// `Principal.from_hex(s)`: raises for invalid hex or length.
    PrincipalFromHex,
    /// `Principal(b)`: raises for more than 29 bytes.
    PrincipalFromBytes,
    PrincipalAnonymous,
    PrincipalManagement,
    /// `Principal.self_authenticating(public_key)`.
    PrincipalSelfAuthenticating,
    /// `p.to_str()`.
    PrincipalToStr,
    /// `p.hex`: upper-case hex of the bytes.
    PrincipalHex,
    /// `p.bytes`.
    PrincipalBytes,
    /// `(principal, "method")` where a Func is expected (the expression's
    /// type).
    FuncNew,
    /// `f[0]`.
    FuncPrincipal,
    /// `f[1]`.
    FuncMethod,
    /// `S(principal)` of a Service class (the expression's type).
    ServiceNew,
    /// `s.canister_id`.
    ServiceCanisterId,
}

impl RefOp {
    /// Whether the operation itself may raise (invalid input).
    pub fn may_raise(self) -> bool {
        matches!(
            self,
            RefOp::PrincipalFromStr | RefOp::PrincipalFromHex | RefOp::PrincipalFromBytes
        )
    }

    /// How Python spells the operation, for the IR printer.
    pub fn python(self) -> &'static str {
        match self {
            RefOp::PrincipalFromStr => "Principal.from_str",
            RefOp::PrincipalFromHex => "Principal.from_hex",
            RefOp::PrincipalFromBytes => "Principal",
            RefOp::PrincipalAnonymous => "Principal.anonymous",
            RefOp::PrincipalManagement => "Principal.management_canister",
            RefOp::PrincipalSelfAuthenticating => "Principal.self_authenticating",
            RefOp::PrincipalToStr => ".to_str()",
            RefOp::PrincipalHex => ".hex",
            RefOp::PrincipalBytes => ".bytes",
            RefOp::FuncNew => "Func",
            RefOp::FuncPrincipal => "[0]",
            RefOp::FuncMethod => "[1]",
            RefOp::ServiceNew => "Service",
            RefOp::ServiceCanisterId => ".canister_id",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind {
    /// An integer literal (type `int`).
    Int(BigInt),
    Float(f64),
    Bool(bool),
    Str(String),
    Bytes(Vec<u8>),
    None,
    Local(LocalId),
    Global(GlobalId),
    /// A conversion between numeric types: widening (`nat8` -> `int`,
    /// `int` -> `float64`) or range-checked narrowing (`int` -> `nat8`,
    /// which raises `OverflowError` naming the type and value).
    Convert(Box<Expr>),
    /// Operands have the same type, except `str * int` / `bytes * int`.
    /// Integer arithmetic is always on `int` (unbounded).
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
    /// A call of a module-level function; arguments already have the
    /// parameters' Python types, the result is the function's result type.
    Call(FuncId, Vec<Expr>),
    Len(Box<Expr>),
    ToStr(Box<Expr>),
    FString(Vec<FPart>),
    /// `ic.print(x)` / `print(...)` (the arguments joined by `sep` into
    /// one f-string): writes `str(x)`, then a newline when the flag is set
    /// (`print(..., end=e)` puts a non-default `e` into the text).
    Print(Box<Expr>, bool),
    Trap(Box<Expr>),
    Ic(IcCall),
    /// `T` -> `Opt[T]`: a present optional value.
    Some(Box<Expr>),
    /// A Record built from a dict literal: one value per field, in the
    /// definition's field order (the literal's order is evaluation order,
    /// kept by `order`: `order[k]` is the field evaluated k-th).
    Record {
        def: DefId,
        fields: Vec<Expr>,
        order: Vec<usize>,
    },
    /// A Variant built from `{"Tag": value}` (no value for a `null` tag).
    Variant {
        def: DefId,
        tag: usize,
        value: Option<Box<Expr>>,
    },
    /// `raise Class(message)` (type `NoReturn`): a new exception of the
    /// class, with `str(exc)` as `message` (a `str`), raised at the span.
    Raise {
        class: super::exceptions::ExcClass,
        message: Option<Box<Expr>>,
    },
    /// The `args` of a new exception (`Ty::EXC_ARGS`).
    ExcArgs(ExcArgs),
    /// `raise obj` of an instance of a program's exception class (a class
    /// deriving from an exception): `message` is `str(obj)`, `args` its
    /// `args` (both read from `obj`, a local).
    RaiseObject {
        obj: Box<Expr>,
        message: Box<Expr>,
        args: Box<Expr>,
        /// `repr(obj)`, when a class defines `__repr__`.
        repr: Option<Box<Expr>>,
    },
    /// The instance of a program's exception class that a caught
    /// exception (`Ty::EXCEPTION`) holds (its handler names the class).
    Instance(Box<Expr>),
    /// Whether a caught exception is of one of these classes (names).
    ExcMatches(Box<Expr>, Vec<String>),
    /// `raise e` of a caught exception (`Ty::EXCEPTION`), and a bare
    /// `raise` in a handler (reading the handler's exception).
    Reraise(Box<Expr>),
    /// `[elem for a, b in iter if cond]` (and `map(lambda a: elem, iter)`):
    /// a new list. The target names read `ArmValue(binders[i])` in `cond`
    /// and `elem`; several binders unpack a tuple item.
    Comprehension {
        binders: Vec<u32>,
        iter: Box<Expr>,
        cond: Option<Box<Expr>>,
        elem: Box<Expr>,
        /// A generator expression (`sum(x * x for x in xs)`): consumers
        /// that iterate take its items one by one (`any` stops at the
        /// first true one); elsewhere it is built as a list.
        lazy: bool,
        /// The further `for` clauses (`[.. for x in xs for y in f(x)]`),
        /// each nested in the ones before it; `elem` is the innermost body.
        more: Vec<CompFor>,
    },
    /// `range(start, stop, step)` outside a `for` statement: a `list[int]`
    /// (iterated lazily by comprehensions, built by `list(range(..))`).
    Range {
        start: Box<Expr>,
        stop: Box<Expr>,
        step: i64,
    },
    /// `a, b = xs` (or `a, *rest = xs`) of a list or str: a tuple of the
    /// items (its type says how many), the item at `star` a list of the
    /// ones between; `ValueError` when the length does not fit.
    Unpack {
        value: Box<Expr>,
        star: Option<usize>,
    },
    /// `[a, *xs, b]`: a new list of single items and spread lists (`true`).
    Splice(Vec<(bool, Expr)>),
    /// `{k: v, **d}` (and `a | b` of dicts): a new dict of pairs and the
    /// entries of spread dicts (`None` key), in order.
    DictSplice(Vec<(Option<Expr>, Expr)>),
    /// `base[start:stop:step]` of a str, bytes or list: a new value.
    Slice {
        base: Box<Expr>,
        start: Option<Box<Expr>>,
        stop: Option<Box<Expr>>,
        step: Option<Box<Expr>>,
    },
    /// A one-parameter lambda (or function) used as a `key=`: `body` reads
    /// the parameter as `ArmValue(binder)`.
    KeyFn {
        binder: u32,
        body: Box<Expr>,
    },
    /// A call of a built-in function (`Builtin`).
    Builtin(Builtin, Vec<Expr>),
    /// A list literal of a `Vec[T]`.
    List(Vec<Expr>),
    /// A dict literal: key and value pairs in evaluation order.
    Dict(Vec<(Expr, Expr)>),
    /// A set literal `{a, b}` (`set()` when empty): items added in order.
    Set(Vec<Expr>),
    /// `list[i]` (`IndexError`) or `dict[key]` (`KeyError`).
    Index(Box<Expr>, Box<Expr>),
    /// A method of a built-in type; the receiver is the first argument.
    Method(Method, Vec<Expr>),
    /// A tuple literal of a `Tuple[...]`.
    Tuple(Vec<Expr>),
    /// `record["field"]`: a field of a Record value (by index).
    Field(Box<Expr>, usize),
    /// `value is None` for an `Opt` value.
    IsNone(Box<Expr>),
    /// `"Tag" in variant`.
    HasTag(Box<Expr>, usize),
    /// `variant["Tag"]`: the payload, or `KeyError` for another tag.
    Payload(Box<Expr>, usize),
    /// An operation on Principal, Func or Service values.
    Ref(RefOp, Vec<Expr>),
    /// The value of an `Opt[T]` expression known to be present (a read of
    /// a name narrowed by `x is not None` inside a condition).
    Unwrap(Box<Expr>),
    /// Kybra's `match(variant, {"Tag": lambda v: ..., "_": lambda _: ...})`:
    /// the first arm whose tag the value has (`"_"`: any tag) gives the
    /// result; no such arm raises `Exception("No matching case found")`.
    Match {
        value: Box<Expr>,
        arms: Vec<MatchArm>,
        /// Every tag has an arm (or there is a `"_"` arm): cannot raise.
        exhaustive: bool,
    },
    /// The payload bound by the enclosing match arm `id` (its lambda's
    /// parameter); `None` for a `null` tag or `"_"`.
    ArmValue(u32),
    /// A function as a value (`Callable`): a module-level function, a
    /// nested `def` or a lambda (both are functions of their own), with the
    /// values of the variables it captures, passed after its parameters
    /// on every call (a captured cell passes the cell itself).
    Closure(FuncId, Vec<Expr>),
    /// The current value of a cell local (`Local::cell`); `Local` of a
    /// cell is the cell itself (what a closure captures).
    Cell(LocalId),
    /// A call of a function value (a `Callable` local, parameter, ...).
    CallValue(Box<Expr>, Vec<Expr>),
    /// Whether an instance of a class hierarchy is exactly one of these
    /// classes (`isinstance(x, C)` lists `C` and its subclasses; the
    /// dispatch of an overridden method tests the classes that inherit
    /// each override).
    IsInstance(Box<Expr>, Vec<DefId>),
    /// `a is b` of two objects (of one class hierarchy): the same object.
    Is(Box<Expr>, Box<Expr>),
    /// `await` / `yield` of a cross-canister call (later issues).
    Await(Box<Expr>),
    /// `yield v` in a generator function's body (`Function::generator`):
    /// hands `v` to the consumer; its own value is `None`.
    Yield(Box<Expr>),
}

/// A `for` clause after a comprehension's first one: its binders (read
/// as `ArmValue`), what it iterates (evaluated once per item of the
/// clauses before it) and its `if`s.
#[derive(Debug, Clone, PartialEq)]
pub struct CompFor {
    pub binders: Vec<u32>,
    pub iter: Expr,
    pub cond: Option<Expr>,
}

/// One arm of an [`ExprKind::Match`].
#[derive(Debug, Clone, PartialEq)]
pub struct MatchArm {
    /// Unique in the function; the body reads the payload as `ArmValue(id)`.
    pub id: u32,
    /// The Variant tag; `None` for `"_"`.
    pub tag: Option<usize>,
    /// The lambda parameter's Python name.
    pub name: String,
    pub body: Expr,
}

/// The arguments of a new exception, as `str` expressions.
#[derive(Debug, Clone, PartialEq)]
pub enum ExcArgs {
    /// One `str` argument.
    Str(Box<Expr>),
    /// One argument: its `str` and `repr` (a local read twice).
    One { text: Box<Expr>, repr: Box<Expr> },
    /// The arguments' reprs; `key`: a `KeyError`'s (`str` is the repr).
    Many { reprs: Vec<Expr>, key: bool },
}

impl Expr {
    pub fn new(ty: Ty, kind: ExprKind, span: Span) -> Self {
        Expr { ty, kind, span }
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
            | ExprKind::Ic(_)
            | ExprKind::ArmValue(_)
            | ExprKind::Cell(_) => {}
            ExprKind::Closure(_, caps) => caps.iter().for_each(&mut *f),
            ExprKind::CallValue(callee, args) => {
                f(callee);
                args.iter().for_each(f);
            }
            ExprKind::Convert(a)
            | ExprKind::Unary(_, a)
            | ExprKind::Not(a)
            | ExprKind::Truthy(a)
            | ExprKind::Len(a)
            | ExprKind::ToStr(a)
            | ExprKind::Print(a, _)
            | ExprKind::Trap(a)
            | ExprKind::Some(a)
            | ExprKind::Field(a, _)
            | ExprKind::IsNone(a)
            | ExprKind::HasTag(a, _)
            | ExprKind::Payload(a, _)
            | ExprKind::Unwrap(a)
            | ExprKind::Unpack { value: a, .. }
            | ExprKind::Reraise(a)
            | ExprKind::Instance(a)
            | ExprKind::ExcMatches(a, _)
            | ExprKind::IsInstance(a, _)
            | ExprKind::Await(a)
            | ExprKind::Yield(a) => f(a),
            ExprKind::Match { value, arms, .. } => {
                f(value);
                arms.iter().for_each(|a| f(&a.body));
            }
            ExprKind::Binary(_, a, b)
            | ExprKind::And(a, b)
            | ExprKind::Or(a, b)
            | ExprKind::Is(a, b) => {
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
            ExprKind::Call(_, args)
            | ExprKind::List(args)
            | ExprKind::Set(args)
            | ExprKind::Tuple(args)
            | ExprKind::Method(_, args)
            | ExprKind::Ref(_, args) => args.iter().for_each(f),
            ExprKind::Dict(pairs) => {
                for (k, v) in pairs {
                    f(k);
                    f(v);
                }
            }
            ExprKind::Index(a, b) => {
                f(a);
                f(b);
            }
            ExprKind::Record { fields, order, .. } => {
                order.iter().for_each(|i| f(&fields[*i]));
            }
            ExprKind::Comprehension {
                iter,
                cond,
                elem,
                more,
                ..
            } => {
                f(iter);
                if let Some(c) = cond {
                    f(c);
                }
                for clause in more {
                    f(&clause.iter);
                    if let Some(c) = &clause.cond {
                        f(c);
                    }
                }
                f(elem);
            }
            ExprKind::Splice(items) => items.iter().for_each(|(_, e)| f(e)),
            ExprKind::DictSplice(items) => items.iter().for_each(|(k, v)| {
                if let Some(k) = k {
                    f(k);
                }
                f(v);
            }),
            ExprKind::Builtin(_, args) => args.iter().for_each(f),
            ExprKind::KeyFn { body, .. } => f(body),
            ExprKind::Slice {
                base,
                start,
                stop,
                step,
            } => {
                f(base);
                for b in [start, stop, step].into_iter().flatten() {
                    f(b);
                }
            }
            ExprKind::Range { start, stop, .. } => {
                f(start);
                f(stop);
            }
            ExprKind::Raise { message, .. } => {
                if let Some(m) = message {
                    f(m);
                }
            }
            ExprKind::ExcArgs(a) => match a {
                ExcArgs::Str(e) => f(e),
                ExcArgs::One { text, repr } => {
                    f(text);
                    f(repr);
                }
                ExcArgs::Many { reprs, .. } => reprs.iter().for_each(f),
            },
            ExprKind::RaiseObject {
                obj,
                message,
                args,
                repr,
            } => {
                f(obj);
                f(message);
                f(args);
                if let Some(r) = repr {
                    f(r);
                }
            }
            ExprKind::Variant { value, .. } => {
                if let Some(v) = value {
                    f(v);
                }
            }
            ExprKind::FString(parts) => {
                for p in parts {
                    if let FPart::Value { expr, .. } = p {
                        f(expr);
                    }
                }
            }
        }
    }

    /// Expressions that never return (`ic.trap`, a call of a function
    /// returning `empty`).
    pub fn diverges(&self) -> bool {
        matches!(self.kind, ExprKind::Trap(_)) || self.ty == Ty::NEVER
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keyword_fields_lose_one_underscore_in_candid() {
        let name = |n: &str| {
            Field {
                name: n.to_string(),
                ty: CandidTy::TEXT,
            }
            .candid_name()
            .to_string()
        };
        assert_eq!(name("from_"), "from");
        assert_eq!(name("with__"), "with_");
        assert_eq!(name("False___"), "False__");
        assert_eq!(name("type"), "type");
        assert_eq!(name("type_"), "type_");
        assert_eq!(name("with______1"), "with______1");
        assert_eq!(name("_"), "_");
    }
}
