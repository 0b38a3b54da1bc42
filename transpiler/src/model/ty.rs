//! Interned types: a [`Ty`] (Python value type) or [`CandidTy`] (interface
//! type) is a `Copy` id into a [`Types`] table, as in rustc and
//! rust-analyzer. Equal types have equal ids, so comparing types is comparing
//! integers, and compound types (`list[T]`, `Opt[T]`, records, callables)
//! cost one table entry however often they occur.
//!
//! The primitive types are interned first, in a fixed order, so they have
//! constant ids (`Ty::INT`, `CandidTy::NAT`) usable in patterns without the
//! table.
//!
//! Python types and Candid types are distinct: a helper function takes and
//! returns Python types; only exported methods (and later stable-map entries
//! and other boundaries) carry Candid types. `nat`, `int` and `nat64` are
//! three Candid types; their Python values are `int`, `int` and the
//! fixed-width `nat64` (a Python int whose stores are range-checked).

use super::Fixed;
use std::collections::HashMap;
use std::fmt;

/// A Python value type: an id into [`Types`].
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Ty(u32);

/// A Candid interface type: an id into [`Types`].
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CandidTy(u32);

/// A nominal type definition (Record, Variant, class, exception, Service);
/// recursive types refer to themselves through it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DefId(pub u32);

/// What a [`Ty`] stands for.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum TyKind {
    /// Python `int`, unbounded.
    Int,
    /// A Python int held in a fixed-width variable (`nat8`..`int64`): stores
    /// into it are range-checked; arithmetic on it is `int` arithmetic.
    Fixed(Fixed),
    Float64,
    /// A float held in a `float32` variable; arithmetic is `float64`.
    Float32,
    Bool,
    Str,
    Bytes,
    None,
    Principal,
    /// A value whose type is known only at run time (runtime-lite's value).
    Dynamic,
    /// The type of expressions that never produce a value (`raise`, traps);
    /// also Candid `empty`, which has no values.
    Never,
    /// A Python int in a Candid `nat` position inside a container (a `Vec`,
    /// `Opt`, `Tuple`, Record field or Variant payload): stores into it are
    /// checked non-negative, reading it yields an `int`.
    Nat,
    /// Candid `reserved`: reads as `None`, accepts any value (Kybra's
    /// `reserved = Any`); the value itself is dropped.
    Reserved,
    /// A caught exception (`except E as e`): `runtime_lite::Exception`.
    Exception,
    /// An `int` or a `float`, decided at run time (`runtime_lite::Num`): a
    /// name that holds both, `x if c else 0` with a float `x`.
    Num,
    /// An exception's `args` (`runtime_lite::Args`): printable, `len()`.
    ExcArgs,
    /// `Opt[T]`: `None` or a `T`.
    Opt(Ty),
    List(Ty),
    Dict(Ty, Ty),
    Set(Ty),
    /// `frozenset[T]`: a set no code changes in place (the same Rust type
    /// as `set[T]`, `runtime_lite::PySet`, flagged frozen at run time).
    FrozenSet(Ty),
    Tuple(Vec<Ty>),
    /// A Record, Variant, class, exception or Service, by definition.
    Nominal(DefId),
    /// A function value.
    Callable {
        params: Vec<Ty>,
        ret: Ty,
    },
    /// A Candid `func` reference (Kybra's `(principal, "method")`).
    Func(CandidTy),
    /// The type of an empty `[]`/`{}` the checker is still inferring from
    /// its uses (`check::infer`); never reaches the IR it hands on.
    Pending(u32),
    /// `tuple[T, ...]`: the `*args` of a function (a `Vec<T>`; read as the
    /// `list[T]` of its items everywhere but in `str()`/`repr()`).
    VarTuple(Ty),
    /// A generator object (`Iterator[T]`, `Generator[T, None, None]`): what
    /// a function with `yield` returns (`runtime_lite::Gen`, a handle).
    Generator(Ty),
    /// A `TypeVar` of a generic function's signature (by index): generic
    /// functions are instantiated per type arguments, so it never reaches
    /// a checked body.
    Var(u32),
}

/// `query`, `update`, `oneway` for Candid func types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FuncMode {
    Query,
    Update,
    Oneway,
}

/// What a [`CandidTy`] stands for.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum CandidKind {
    Nat,
    Int,
    Fixed(Fixed),
    Float64,
    Float32,
    Bool,
    Text,
    Blob,
    Null,
    Principal,
    Reserved,
    Empty,
    Opt(CandidTy),
    Vec(CandidTy),
    Tuple(Vec<CandidTy>),
    /// A Record, Variant or Alias, by definition (printed by name).
    Named(DefId),
    Func {
        mode: FuncMode,
        args: Vec<CandidTy>,
        rets: Vec<CandidTy>,
    },
    Service(DefId),
    /// Not a Candid type: a Python `dict[K, V]` inside the program's state
    /// (a TypedDict field, a global). Exported methods may not carry it
    /// (`check` rejects it there); encoded, it would be `vec record { K; V }`.
    Dict(CandidTy, CandidTy),
    /// Not a Candid type: `Callable[[A, B], R]` (`None` result: `void`).
    Callable(Vec<CandidTy>, Option<CandidTy>),
    /// Not a Candid type: a `TypeVar` in a generic function's signature.
    Var(u32),
    /// Not a Candid type: `Iterator[T]` / `Generator[T, None, None]`, the
    /// result of a generator function.
    Generator(CandidTy),
    /// Not a Candid type either: a Python `set[T]` (`frozenset[T]` when
    /// the flag is set) in the program's state; encoded, `vec T`.
    Set(CandidTy, bool),
}

const FIXED_ORDER: [Fixed; 8] = Fixed::ALL;

impl Ty {
    pub const INT: Ty = Ty(0);
    pub const NAT8: Ty = Ty(1);
    pub const NAT16: Ty = Ty(2);
    pub const NAT32: Ty = Ty(3);
    pub const NAT64: Ty = Ty(4);
    pub const INT8: Ty = Ty(5);
    pub const INT16: Ty = Ty(6);
    pub const INT32: Ty = Ty(7);
    pub const INT64: Ty = Ty(8);
    pub const FLOAT64: Ty = Ty(9);
    pub const FLOAT32: Ty = Ty(10);
    pub const BOOL: Ty = Ty(11);
    pub const STR: Ty = Ty(12);
    pub const BYTES: Ty = Ty(13);
    pub const NONE: Ty = Ty(14);
    pub const PRINCIPAL: Ty = Ty(15);
    pub const DYNAMIC: Ty = Ty(16);
    pub const NEVER: Ty = Ty(17);
    pub const NAT: Ty = Ty(18);
    pub const RESERVED: Ty = Ty(19);
    pub const EXCEPTION: Ty = Ty(20);
    pub const NUM: Ty = Ty(21);
    pub const EXC_ARGS: Ty = Ty(22);
    const PRIMITIVES: u32 = 23;

    /// The fixed-width type `k`.
    pub fn fixed(k: Fixed) -> Ty {
        let i = FIXED_ORDER.iter().position(|f| *f == k).unwrap_or(0);
        Ty(1 + i as u32)
    }

    /// The fixed-width integer this type holds, if it is one.
    pub fn as_fixed(self) -> Option<Fixed> {
        (1..=8)
            .contains(&self.0)
            .then(|| FIXED_ORDER[self.0 as usize - 1])
    }

    pub fn is_fixed(self) -> bool {
        self.as_fixed().is_some()
    }

    /// Whether the Rust representation is `Copy` (globals use `Cell`).
    pub fn is_copy(self) -> bool {
        self.is_fixed()
            || matches!(
                self,
                Ty::FLOAT64 | Ty::FLOAT32 | Ty::BOOL | Ty::NONE | Ty::PRINCIPAL | Ty::RESERVED
            )
    }

    pub fn is_numeric(self) -> bool {
        self.is_integral() || self.is_float()
    }

    pub fn is_float(self) -> bool {
        matches!(self, Ty::FLOAT64 | Ty::FLOAT32)
    }

    /// `int` or a fixed-width integer.
    pub fn is_integral(self) -> bool {
        self == Ty::INT || self.is_fixed()
    }

    /// The primitive's name, or `None` for compound types.
    fn primitive_name(self) -> Option<&'static str> {
        if let Some(k) = self.as_fixed() {
            return Some(k.candid_name());
        }
        Some(match self {
            Ty::INT => "int",
            Ty::FLOAT64 => "float64",
            Ty::FLOAT32 => "float32",
            Ty::BOOL => "bool",
            Ty::STR => "str",
            Ty::BYTES => "blob",
            Ty::NONE => "None",
            Ty::PRINCIPAL => "Principal",
            Ty::DYNAMIC => "object",
            Ty::NEVER => "NoReturn",
            Ty::NAT => "nat",
            Ty::RESERVED => "reserved",
            Ty::EXCEPTION => "BaseException",
            Ty::NUM => "int | float",
            Ty::EXC_ARGS => "tuple",
            _ => return None,
        })
    }
}

/// Primitive types print their Python name; compound types need the table
/// ([`Types::display`]) and print as an id here.
impl fmt::Display for Ty {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.primitive_name() {
            Some(n) => f.write_str(n),
            None => write!(f, "type#{}", self.0),
        }
    }
}

impl fmt::Debug for Ty {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl CandidTy {
    pub const NAT: CandidTy = CandidTy(0);
    pub const INT: CandidTy = CandidTy(1);
    pub const FLOAT64: CandidTy = CandidTy(10);
    pub const FLOAT32: CandidTy = CandidTy(11);
    pub const BOOL: CandidTy = CandidTy(12);
    pub const TEXT: CandidTy = CandidTy(13);
    pub const BLOB: CandidTy = CandidTy(14);
    pub const NULL: CandidTy = CandidTy(15);
    pub const PRINCIPAL: CandidTy = CandidTy(16);
    pub const RESERVED: CandidTy = CandidTy(17);
    pub const EMPTY: CandidTy = CandidTy(18);
    const PRIMITIVES: u32 = 19;

    pub fn fixed(k: Fixed) -> CandidTy {
        let i = FIXED_ORDER.iter().position(|f| *f == k).unwrap_or(0);
        CandidTy(2 + i as u32)
    }

    pub fn as_fixed(self) -> Option<Fixed> {
        (2..=9)
            .contains(&self.0)
            .then(|| FIXED_ORDER[self.0 as usize - 2])
    }
}

impl fmt::Debug for CandidTy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "candid#{}", self.0)
    }
}

/// The type table of one program.
#[derive(Debug, Clone)]
pub struct Types {
    /// What each alias definition stands for (aliases are transparent for
    /// Python values, named in the `.did`).
    aliases: HashMap<DefId, CandidTy>,
    /// The names of definitions, for messages.
    def_names: HashMap<DefId, String>,
    tys: Vec<TyKind>,
    ty_ids: HashMap<TyKind, Ty>,
    candid: Vec<CandidKind>,
    candid_ids: HashMap<CandidKind, CandidTy>,
    /// How many type variables exist.
    vars: u32,
}

impl Default for Types {
    fn default() -> Self {
        Self::new()
    }
}

impl Types {
    /// A table holding the primitives at their constant ids.
    pub fn new() -> Self {
        let mut t = Types {
            aliases: HashMap::new(),
            def_names: HashMap::new(),
            tys: Vec::new(),
            ty_ids: HashMap::new(),
            candid: Vec::new(),
            candid_ids: HashMap::new(),
            vars: 0,
        };
        let mut prim = vec![TyKind::Int];
        prim.extend(FIXED_ORDER.iter().map(|k| TyKind::Fixed(*k)));
        prim.extend([
            TyKind::Float64,
            TyKind::Float32,
            TyKind::Bool,
            TyKind::Str,
            TyKind::Bytes,
            TyKind::None,
            TyKind::Principal,
            TyKind::Dynamic,
            TyKind::Never,
            TyKind::Nat,
            TyKind::Reserved,
            TyKind::Exception,
            TyKind::Num,
            TyKind::ExcArgs,
        ]);
        for k in prim {
            t.intern(k);
        }
        debug_assert_eq!(t.tys.len() as u32, Ty::PRIMITIVES);
        let mut cprim = vec![CandidKind::Nat, CandidKind::Int];
        cprim.extend(FIXED_ORDER.iter().map(|k| CandidKind::Fixed(*k)));
        cprim.extend([
            CandidKind::Float64,
            CandidKind::Float32,
            CandidKind::Bool,
            CandidKind::Text,
            CandidKind::Blob,
            CandidKind::Null,
            CandidKind::Principal,
            CandidKind::Reserved,
            CandidKind::Empty,
        ]);
        for k in cprim {
            t.intern_candid(k);
        }
        debug_assert_eq!(t.candid.len() as u32, CandidTy::PRIMITIVES);
        t
    }

    pub fn intern(&mut self, kind: TyKind) -> Ty {
        if let Some(t) = self.ty_ids.get(&kind) {
            return *t;
        }
        let id = Ty(self.tys.len() as u32);
        self.tys.push(kind.clone());
        self.ty_ids.insert(kind, id);
        id
    }

    pub fn intern_candid(&mut self, kind: CandidKind) -> CandidTy {
        if let Some(t) = self.candid_ids.get(&kind) {
            return *t;
        }
        let id = CandidTy(self.candid.len() as u32);
        self.candid.push(kind.clone());
        self.candid_ids.insert(kind, id);
        id
    }

    pub fn kind(&self, t: Ty) -> &TyKind {
        &self.tys[t.0 as usize]
    }

    pub fn candid_kind(&self, t: CandidTy) -> &CandidKind {
        &self.candid[t.0 as usize]
    }

    pub fn opt(&mut self, t: Ty) -> Ty {
        self.intern(TyKind::Opt(t))
    }

    pub fn list(&mut self, t: Ty) -> Ty {
        self.intern(TyKind::List(t))
    }

    pub fn dict(&mut self, k: Ty, v: Ty) -> Ty {
        self.intern(TyKind::Dict(k, v))
    }

    pub fn set(&mut self, t: Ty) -> Ty {
        self.intern(TyKind::Set(t))
    }

    pub fn frozenset(&mut self, t: Ty) -> Ty {
        self.intern(TyKind::FrozenSet(t))
    }

    /// The item type of a `set[T]` or `frozenset[T]`.
    pub fn set_item(&self, t: Ty) -> Option<Ty> {
        match self.kind(t) {
            TyKind::Set(x) | TyKind::FrozenSet(x) => Some(*x),
            _ => None,
        }
    }

    pub fn tuple(&mut self, items: Vec<Ty>) -> Ty {
        self.intern(TyKind::Tuple(items))
    }

    pub fn nominal(&mut self, def: DefId) -> Ty {
        self.intern(TyKind::Nominal(def))
    }

    /// A new type variable (`T = TypeVar("T")`).
    pub fn new_var(&mut self) -> u32 {
        self.vars += 1;
        self.vars - 1
    }

    pub fn callable(&mut self, params: Vec<Ty>, ret: Ty) -> Ty {
        self.intern(TyKind::Callable { params, ret })
    }

    /// `t` with its type variables replaced by `vars[v]` (those missing
    /// stay).
    pub fn subst(&mut self, t: Ty, vars: &HashMap<u32, Ty>) -> Ty {
        match self.kind(t).clone() {
            TyKind::Var(v) => vars.get(&v).copied().unwrap_or(t),
            TyKind::Opt(x) => {
                let x = self.subst(x, vars);
                self.opt(x)
            }
            TyKind::List(x) => {
                let x = self.subst(x, vars);
                self.list(x)
            }
            TyKind::Set(x) => {
                let x = self.subst(x, vars);
                self.set(x)
            }
            TyKind::Dict(k, v) => {
                let k = self.subst(k, vars);
                let v = self.subst(v, vars);
                self.dict(k, v)
            }
            TyKind::Tuple(items) => {
                let items = items.into_iter().map(|x| self.subst(x, vars)).collect();
                self.tuple(items)
            }
            TyKind::Callable { params, ret } => {
                let params = params.into_iter().map(|x| self.subst(x, vars)).collect();
                let ret = self.subst(ret, vars);
                self.callable(params, ret)
            }
            _ => t,
        }
    }

    /// Whether `t` mentions a type variable.
    pub fn has_var(&self, t: Ty) -> bool {
        match self.kind(t) {
            TyKind::Var(_) => true,
            TyKind::Opt(x) | TyKind::List(x) | TyKind::Set(x) => self.has_var(*x),
            TyKind::Dict(k, v) => self.has_var(*k) || self.has_var(*v),
            TyKind::Tuple(items) => items.iter().any(|x| self.has_var(*x)),
            TyKind::Callable { params, ret } => {
                params.iter().any(|x| self.has_var(*x)) || self.has_var(*ret)
            }
            _ => false,
        }
    }

    /// Binds the variables of the pattern `p` so it becomes `t`; `false`
    /// when the shapes differ or a variable would take two types.
    pub fn match_vars(&self, p: Ty, t: Ty, vars: &mut HashMap<u32, Ty>) -> bool {
        if p == t {
            return true;
        }
        match (self.kind(p), self.kind(t)) {
            (TyKind::Var(v), _) => match vars.get(v) {
                Some(old) => *old == t,
                None => {
                    vars.insert(*v, t);
                    true
                }
            },
            (TyKind::Opt(a), TyKind::Opt(b))
            | (TyKind::List(a), TyKind::List(b))
            | (TyKind::Set(a), TyKind::Set(b)) => self.match_vars(*a, *b, vars),
            (TyKind::Dict(k, v), TyKind::Dict(k2, v2)) => {
                self.match_vars(*k, *k2, vars) && self.match_vars(*v, *v2, vars)
            }
            (TyKind::Tuple(a), TyKind::Tuple(b)) if a.len() == b.len() => {
                a.iter().zip(b).all(|(x, y)| self.match_vars(*x, *y, vars))
            }
            (
                TyKind::Callable { params, ret },
                TyKind::Callable {
                    params: p2,
                    ret: r2,
                },
            ) if params.len() == p2.len() => {
                params
                    .iter()
                    .zip(p2)
                    .all(|(x, y)| self.match_vars(*x, *y, vars))
                    && self.match_vars(*ret, *r2, vars)
            }
            _ => false,
        }
    }

    /// Records the name of definition `d` (for messages).
    pub fn set_def_name(&mut self, d: DefId, name: &str) {
        self.def_names.insert(d, name.to_string());
    }

    /// Records that definition `d` is an alias of `target`.
    pub fn set_alias(&mut self, d: DefId, target: CandidTy) {
        self.aliases.insert(d, target);
    }

    /// Makes alias `d` nominal: a recursive tuple alias, whose Python values
    /// are `TyKind::Nominal(d)` (see `Program::tuple_alias`).
    pub fn remove_alias(&mut self, d: DefId) {
        self.aliases.remove(&d);
    }

    /// Whether `d` is a transparent alias.
    pub fn is_alias(&self, d: DefId) -> bool {
        self.aliases.contains_key(&d)
    }

    /// `c` with aliases at its top resolved.
    pub fn unalias(&self, mut c: CandidTy) -> CandidTy {
        for _ in 0..64 {
            match self.candid_kind(c) {
                CandidKind::Named(d) => match self.aliases.get(d) {
                    Some(t) => c = *t,
                    None => return c,
                },
                _ => return c,
            }
        }
        c
    }

    /// The Python value type of a primitive Candid type (`None` for
    /// compound ones, whose Python types `value_ty` interns).
    pub fn primitive_value_ty(&self, c: CandidTy) -> Option<Ty> {
        Some(match self.candid_kind(self.unalias(c)) {
            CandidKind::Nat | CandidKind::Int => Ty::INT,
            CandidKind::Fixed(k) => Ty::fixed(*k),
            CandidKind::Float64 => Ty::FLOAT64,
            CandidKind::Float32 => Ty::FLOAT32,
            CandidKind::Bool => Ty::BOOL,
            CandidKind::Text => Ty::STR,
            CandidKind::Blob => Ty::BYTES,
            CandidKind::Null => Ty::NONE,
            CandidKind::Principal => Ty::PRINCIPAL,
            CandidKind::Reserved => Ty::RESERVED,
            CandidKind::Empty => Ty::NEVER,
            _ => return None,
        })
    }

    /// The Python value type of a value of Candid type `c`.
    ///
    /// A variable or parameter annotated `Opt[Opt[T]]` holds `None` or a
    /// `T`: Python has no present-but-absent value, so Candid's `opt null`
    /// arrives as `None` (Kybra's behaviour; see `opt_depth`). Inside
    /// containers (`member_ty`) the nesting is kept, so values round-trip.
    pub fn value_ty(&mut self, c: CandidTy) -> Ty {
        let mut c = self.unalias(c);
        while let CandidKind::Opt(inner) = self.candid_kind(c) {
            match self.candid_kind(self.unalias(*inner)) {
                CandidKind::Opt(_) => c = self.unalias(*inner),
                _ => break,
            }
        }
        self.structural_ty(c)
    }

    /// How many `opt`s wrap `c` at its top (0 for a non-optional type).
    pub fn opt_depth(&self, c: CandidTy) -> usize {
        let mut c = self.unalias(c);
        let mut n = 0;
        while let CandidKind::Opt(inner) = self.candid_kind(c) {
            n += 1;
            c = self.unalias(*inner);
        }
        n
    }

    fn structural_ty(&mut self, c: CandidTy) -> Ty {
        if let Some(t) = self.primitive_value_ty(c) {
            return t;
        }
        let c = self.unalias(c);
        match self.candid_kind(c).clone() {
            CandidKind::Opt(t) => {
                let v = self.member_ty(t);
                self.opt(v)
            }
            CandidKind::Vec(t) => {
                let v = self.member_ty(t);
                self.list(v)
            }
            CandidKind::Tuple(items) => {
                let v = items.into_iter().map(|t| self.member_ty(t)).collect();
                self.tuple(v)
            }
            CandidKind::Dict(k, v) => {
                let k = self.member_ty(k);
                let v = self.member_ty(v);
                self.dict(k, v)
            }
            CandidKind::Set(t, frozen) => {
                let t = self.member_ty(t);
                if frozen {
                    self.frozenset(t)
                } else {
                    self.set(t)
                }
            }
            CandidKind::Named(d) | CandidKind::Service(d) => self.nominal(d),
            CandidKind::Func { .. } => self.intern(TyKind::Func(c)),
            CandidKind::Callable(params, ret) => {
                let params = params.into_iter().map(|t| self.value_ty(t)).collect();
                let ret = match ret {
                    Some(r) => self.value_ty(r),
                    None => Ty::NONE,
                };
                self.callable(params, ret)
            }
            CandidKind::Var(v) => self.intern(TyKind::Var(v)),
            CandidKind::Generator(t) => {
                let t = self.value_ty(t);
                self.intern(TyKind::Generator(t))
            }
            // Primitives: answered by `primitive_value_ty` above.
            _ => Ty::DYNAMIC,
        }
    }

    /// The Python type of a value held inside a container at Candid type
    /// `c` (a `Vec` element, `Opt` content, tuple item, Record field or
    /// Variant payload). It is `value_ty` except for `nat`, which is held as
    /// [`Ty::NAT`]: the container's Rust type must encode it as Candid
    /// `nat`, while a Python `int` variable holds any integer.
    pub fn member_ty(&mut self, c: CandidTy) -> Ty {
        if self.candid_kind(self.unalias(c)) == &CandidKind::Nat {
            return Ty::NAT;
        }
        self.structural_ty(c)
    }

    /// The id of `kind` if it was interned.
    pub fn find(&self, kind: &TyKind) -> Option<Ty> {
        self.ty_ids.get(kind).copied()
    }

    /// [`Types::member_ty`] without interning: `None` if that type was
    /// never interned (so no code and no pass has seen it).
    pub fn find_member_ty(&self, c: CandidTy) -> Option<Ty> {
        let c = self.unalias(c);
        match self.candid_kind(c) {
            CandidKind::Nat => Some(Ty::NAT),
            CandidKind::Opt(t) => self.find(&TyKind::Opt(self.find_member_ty(*t)?)),
            CandidKind::Vec(t) => self.find(&TyKind::List(self.find_member_ty(*t)?)),
            CandidKind::Dict(k, v) => self.find(&TyKind::Dict(
                self.find_member_ty(*k)?,
                self.find_member_ty(*v)?,
            )),
            CandidKind::Set(t, false) => self.find(&TyKind::Set(self.find_member_ty(*t)?)),
            CandidKind::Set(t, true) => self.find(&TyKind::FrozenSet(self.find_member_ty(*t)?)),
            CandidKind::Tuple(items) => {
                let items = items
                    .iter()
                    .map(|t| self.find_member_ty(*t))
                    .collect::<Option<Vec<_>>>()?;
                self.find(&TyKind::Tuple(items))
            }
            CandidKind::Named(d) | CandidKind::Service(d) => self.find(&TyKind::Nominal(*d)),
            CandidKind::Func { .. } => self.find(&TyKind::Func(c)),
            _ => self.primitive_value_ty(c),
        }
    }

    /// How a Kybra annotation spells the Candid type `c`.
    pub fn candid_display(&self, c: CandidTy) -> String {
        let list = |ts: &[CandidTy]| {
            ts.iter()
                .map(|t| self.candid_display(*t))
                .collect::<Vec<_>>()
                .join(", ")
        };
        match self.candid_kind(c) {
            CandidKind::Nat => "nat".into(),
            CandidKind::Int => "int".into(),
            CandidKind::Fixed(k) => k.candid_name().into(),
            CandidKind::Text => "str".into(),
            CandidKind::Null => "null".into(),
            CandidKind::Opt(t) => format!("Opt[{}]", self.candid_display(*t)),
            CandidKind::Vec(t) => format!("Vec[{}]", self.candid_display(*t)),
            CandidKind::Tuple(items) => format!("Tuple[{}]", list(items)),
            CandidKind::Generator(t) => format!("Iterator[{}]", self.candid_display(*t)),
            CandidKind::Named(d) | CandidKind::Service(d) => self
                .def_names
                .get(d)
                .cloned()
                .unwrap_or_else(|| format!("<definition {}>", d.0)),
            CandidKind::Func { mode, args, rets } => {
                let ret = if rets.is_empty() {
                    "void".to_string()
                } else {
                    list(rets)
                };
                format!("Func({mode:?}[[{}], {ret}])", list(args))
            }
            _ => match self.primitive_value_ty(c) {
                Some(t) => self.display(t),
                None => "?".into(),
            },
        }
    }

    /// How Python (or a diagnostic) names the type.
    pub fn display(&self, t: Ty) -> String {
        if let Some(n) = t.primitive_name() {
            return n.to_string();
        }
        match self.kind(t) {
            TyKind::Opt(t) => format!("Opt[{}]", self.display(*t)),
            TyKind::List(t) => format!("list[{}]", self.display(*t)),
            TyKind::Dict(k, v) => format!("dict[{}, {}]", self.display(*k), self.display(*v)),
            TyKind::Set(t) => format!("set[{}]", self.display(*t)),
            TyKind::FrozenSet(t) => format!("frozenset[{}]", self.display(*t)),
            TyKind::Tuple(items) => {
                let items: Vec<String> = items.iter().map(|t| self.display(*t)).collect();
                format!("tuple[{}]", items.join(", "))
            }
            TyKind::Nominal(d) => self
                .def_names
                .get(d)
                .cloned()
                .unwrap_or_else(|| format!("<definition {}>", d.0)),
            TyKind::Callable { params, ret } => {
                let p: Vec<String> = params.iter().map(|t| self.display(*t)).collect();
                format!("Callable[[{}], {}]", p.join(", "), self.display(*ret))
            }
            TyKind::Func(c) => self.candid_display(*c),
            TyKind::Generator(t) => format!("Iterator[{}]", self.display(*t)),
            TyKind::VarTuple(t) => format!("tuple[{}, ...]", self.display(*t)),
            TyKind::Pending(_) => "unknown".into(),
            TyKind::Var(v) => format!("T{v}"),
            _ => t.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn primitives_have_constant_ids() {
        let mut t = Types::new();
        assert_eq!(t.intern(TyKind::Int), Ty::INT);
        assert_eq!(t.intern(TyKind::Never), Ty::NEVER);
        for k in Fixed::ALL {
            assert_eq!(t.intern(TyKind::Fixed(k)), Ty::fixed(k));
            assert_eq!(Ty::fixed(k).as_fixed(), Some(k));
            assert_eq!(t.intern_candid(CandidKind::Fixed(k)), CandidTy::fixed(k));
            assert_eq!(CandidTy::fixed(k).as_fixed(), Some(k));
        }
        assert_eq!(t.intern_candid(CandidKind::Empty), CandidTy::EMPTY);
        assert_eq!(Ty::INT.as_fixed(), None);
        assert_eq!(CandidTy::NAT.as_fixed(), None);
    }

    #[test]
    fn compound_types_are_interned_once() {
        let mut t = Types::new();
        let a = t.list(Ty::INT);
        let b = t.list(Ty::INT);
        assert_eq!(a, b);
        let o = t.opt(a);
        assert_eq!(t.display(o), "Opt[list[int]]");
        let d = t.dict(Ty::STR, o);
        assert_eq!(t.display(d), "dict[str, Opt[list[int]]]");
        let v = t.intern_candid(CandidKind::Vec(CandidTy::INT));
        assert_eq!(t.value_ty(v), a);
        // A `nat` inside a container is held as `Ty::NAT`; alone it is `int`.
        let v = t.intern_candid(CandidKind::Vec(CandidTy::NAT));
        let nats = t.list(Ty::NAT);
        assert_eq!(t.value_ty(v), nats);
        assert_eq!(t.display(nats), "list[nat]");
        assert_eq!(t.value_ty(CandidTy::NAT), Ty::INT);
        let c = t.callable(vec![Ty::INT], Ty::STR);
        assert_eq!(t.display(c), "Callable[[int], str]");
    }
}
