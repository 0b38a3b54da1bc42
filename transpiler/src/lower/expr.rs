//! Expression lowering with Rust operator precedence.

use super::{fixed_ty, IntoTs, Lower};
use crate::model::effects::interval;
use crate::model::ir::{
    BinOp, CmpOp, ExcArgs, Expr, ExprKind, FPart, FuncId, IcCall, Method, UnaryOp,
};
use crate::model::{Fixed, Ty, TyKind};
use num_bigint::BigInt;
use proc_macro2::{Literal, TokenStream};
use quote::quote;

/// Rust precedence levels, lowest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Prec {
    Lowest,
    Or,
    And,
    Compare,
    BitOr,
    BitXor,
    BitAnd,
    Shift,
    Add,
    Mul,
    Cast,
    Unary,
    Postfix,
}

/// A lowered expression and its precedence.
pub(crate) struct R {
    pub ts: TokenStream,
    pub prec: Prec,
}

impl R {
    pub(crate) fn new(ts: TokenStream, prec: Prec) -> Self {
        R { ts, prec }
    }

    pub(crate) fn atom(ts: TokenStream) -> Self {
        R {
            ts,
            prec: Prec::Postfix,
        }
    }

    /// The tokens, parenthesized if looser than `min`.
    pub(crate) fn at_least(self, min: Prec) -> TokenStream {
        if self.prec < min {
            let ts = self.ts;
            quote!((#ts))
        } else {
            self.ts
        }
    }

    /// Usable as a method-call receiver.
    pub(crate) fn postfix(self) -> TokenStream {
        self.at_least(Prec::Postfix)
    }
}

fn int_literal(i: &BigInt) -> TokenStream {
    match i64::try_from(i) {
        Ok(v) if i32::try_from(v).is_ok() => {
            let l = Literal::i64_unsuffixed(v);
            quote!(Int::from(#l))
        }
        Ok(v) => {
            let l = Literal::i64_suffixed(v);
            quote!(Int::from(#l))
        }
        Err(_) => {
            let s = i.to_string();
            quote!(Int::from_decimal(#s))
        }
    }
}

fn fixed_literal(i: &BigInt, k: Fixed, suffixed: bool) -> TokenStream {
    let v = i128::try_from(i).unwrap_or_default();
    let lit = if suffixed {
        match k {
            Fixed::Nat8 => Literal::u8_suffixed(v as u8),
            Fixed::Nat16 => Literal::u16_suffixed(v as u16),
            Fixed::Nat32 => Literal::u32_suffixed(v as u32),
            Fixed::Nat64 => Literal::u64_suffixed(v as u64),
            Fixed::Int8 => Literal::i8_suffixed(v as i8),
            Fixed::Int16 => Literal::i16_suffixed(v as i16),
            Fixed::Int32 => Literal::i32_suffixed(v as i32),
            Fixed::Int64 => Literal::i64_suffixed(v as i64),
        }
    } else {
        Literal::i128_unsuffixed(v)
    };
    lit.into_token_stream_()
}

fn float_literal(f: f64, ty: Ty, suffixed: bool) -> TokenStream {
    let single = ty == Ty::FLOAT32;
    // A `float32` holds the nearest `f32`, which may be infinite.
    let f = if single { f64::from(f as f32) } else { f };
    let t = if single { quote!(f32) } else { quote!(f64) };
    if f.is_nan() {
        return quote!(#t::NAN);
    }
    if f.is_infinite() {
        return if f > 0.0 {
            quote!(#t::INFINITY)
        } else {
            quote!(#t::NEG_INFINITY)
        };
    }
    let lit = match (single, suffixed) {
        (true, true) => Literal::f32_suffixed(f as f32),
        (true, false) => Literal::f32_unsuffixed(f as f32),
        (false, true) => Literal::f64_suffixed(f),
        (false, false) => Literal::f64_unsuffixed(f),
    };
    lit.into_token_stream_()
}

/// Pieces of a `format!` call.
enum Piece {
    Lit(String),
    Arg(TokenStream),
    Inline(syn::Ident),
}

/// A native Rust integer type an `int` expression can be computed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Native {
    Fixed(Fixed),
    I64,
    I128,
}

impl Native {
    fn range(self) -> (i128, i128) {
        match self {
            Native::Fixed(k) => k.range(),
            Native::I64 => (i64::MIN as i128, i64::MAX as i128),
            Native::I128 => (i128::MIN, i128::MAX),
        }
    }

    fn ty(self) -> TokenStream {
        match self {
            Native::Fixed(k) => fixed_ty(k),
            Native::I64 => quote!(i64),
            Native::I128 => quote!(i128),
        }
    }
}

fn within(inner: (i128, i128), outer: (i128, i128)) -> bool {
    outer.0 <= inner.0 && inner.1 <= outer.1
}

/// The smallest of `i64` and `i128` holding every value of `range`.
fn native_for(range: (i128, i128)) -> Option<Native> {
    [Native::I64, Native::I128]
        .into_iter()
        .find(|n| within(range, n.range()))
}

impl Lower<'_> {
    /// `e` computed as a native integer of type `want` (which holds all its
    /// values), if it is made of bounded parts: fixed-width values, small
    /// literals and `+ - *` (and floor division or modulo by a positive
    /// literal) on them. `interval` decides that nothing overflows.
    pub(crate) fn native_in(&mut self, e: &Expr, want: Native) -> Option<R> {
        let range = interval(e)?;
        if !within(range, want.range()) {
            return None;
        }
        if let Some(k) = e.ty.as_fixed() {
            if let ExprKind::Int(i) = &e.kind {
                let v = i128::try_from(i).ok()?;
                return Some(int_lit(v));
            }
            let v = self.val(e);
            return Some(if want == Native::Fixed(k) {
                v
            } else {
                let t = want.ty();
                let v = v.ts;
                R::atom(quote!(#t::from(#v)))
            });
        }
        match &e.kind {
            ExprKind::Int(i) => Some(int_lit(i128::try_from(i).ok()?)),
            ExprKind::Len(v)
                if matches!(self.program.types.kind(v.ty), crate::model::TyKind::List(_)) =>
            {
                // A length fits every native type the interval allows.
                let t = want.ty();
                if let Some(n) = self.in_global(v, &[], |g| quote!(#g.len())) {
                    return Some(R::new(quote!(#n as #t), Prec::Cast));
                }
                let r = self.receiver(v);
                Some(R::new(quote!(#r.len() as #t), Prec::Cast))
            }
            ExprKind::Convert(inner) if inner.ty.is_fixed() || inner.ty == Ty::BOOL => {
                if inner.ty == Ty::BOOL {
                    let t = want.ty();
                    let v = self.val(inner).ts;
                    return Some(R::atom(quote!(#t::from(#v))));
                }
                self.native_in(inner, want)
            }
            ExprKind::Unary(UnaryOp::Neg, a) => {
                let a = self.native_in(a, want)?.at_least(Prec::Unary);
                Some(R::new(quote!(-#a), Prec::Unary))
            }
            ExprKind::Binary(op @ (BinOp::Add | BinOp::Sub | BinOp::Mul), a, b) => {
                let (sym, p) = match op {
                    BinOp::Add => (quote!(+), Prec::Add),
                    BinOp::Sub => (quote!(-), Prec::Add),
                    _ => (quote!(*), Prec::Mul),
                };
                let a = self.native_in(a, want)?.at_least(p);
                let b = self.native_in(b, want)?.at_least(next(p));
                Some(R::new(quote!(#a #sym #b), p))
            }
            ExprKind::Binary(op @ (BinOp::FloorDiv | BinOp::Mod), a, b) if matches!(&b.kind, ExprKind::Int(i) if i.sign() == num_bigint::Sign::Plus) =>
            {
                // Compute in the dividend's own type when it is a widened
                // fixed-width value, then cast (the interval proves it fits).
                let own = match &a.kind {
                    ExprKind::Convert(x) => x.ty.as_fixed().map(Native::Fixed),
                    _ => None,
                };
                let (a_ts, n) = match self.native_in(a, want) {
                    Some(r) => (r, want),
                    None => {
                        let n = own?;
                        (self.native_in(a, n)?, n)
                    }
                };
                let b_ts = self.native_in(b, n)?.at_least(Prec::Cast);
                let non_negative = interval(a).is_some_and(|r| r.0 >= 0);
                // Python's `//` and `%` by a positive divisor are Euclid's,
                // and Rust's `/` and `%` on a non-negative dividend.
                let v = if non_negative {
                    let a_ts = a_ts.at_least(Prec::Mul);
                    let sym = if *op == BinOp::FloorDiv {
                        quote!(/)
                    } else {
                        quote!(%)
                    };
                    R::new(quote!(#a_ts #sym #b_ts), Prec::Mul)
                } else {
                    let a_ts = a_ts.postfix();
                    R::atom(if *op == BinOp::FloorDiv {
                        quote!(#a_ts.div_euclid(#b_ts))
                    } else {
                        quote!(#a_ts.rem_euclid(#b_ts))
                    })
                };
                Some(if n == want {
                    v
                } else {
                    let t = want.ty();
                    let v = v.at_least(Prec::Cast);
                    R::new(quote!(#v as #t), Prec::Cast)
                })
            }
            _ => None,
        }
    }

    /// `e` as a native integer in the smallest type that holds it.
    pub(crate) fn native(&mut self, e: &Expr) -> Option<(R, Native)> {
        let range = interval(e)?;
        let want = match e.ty.as_fixed() {
            Some(k) => Native::Fixed(k),
            None => native_for(range)?,
        };
        self.native_in(e, want).map(|r| (r, want))
    }

    /// An owned value of the expression's Python type.
    pub(crate) fn val(&mut self, e: &Expr) -> R {
        // `file:line` for the nodes that may raise (computed only for them).
        let at = |this: &Self| this.at(e.span);
        if let Some(r) = self.narrowed_expr(e) {
            return r;
        }
        match &e.kind {
            ExprKind::Int(i) => match e.ty.as_fixed() {
                Some(k) => {
                    let neg = i.sign() == num_bigint::Sign::Minus;
                    R::new(
                        fixed_literal(i, k, false),
                        if neg { Prec::Unary } else { Prec::Postfix },
                    )
                }
                _ => {
                    self.uses.insert("Int");
                    R::atom(int_literal(i))
                }
            },
            ExprKind::Float(f) => R::new(
                float_literal(*f, e.ty, false),
                if *f < 0.0 { Prec::Unary } else { Prec::Postfix },
            ),
            ExprKind::Bool(b) => R::atom(if *b { quote!(true) } else { quote!(false) }),
            ExprKind::Str(s) if s.is_empty() => R::atom(quote!(String::new())),
            ExprKind::Str(s) => R::atom(quote!(#s.to_string())),
            ExprKind::Bytes(b) => {
                let lit = Literal::byte_string(b);
                R::atom(quote!(#lit.to_vec()))
            }
            ExprKind::None if e.ty == Ty::NONE => R::atom(quote!(())),
            ExprKind::None => R::atom(quote!(None)),
            ExprKind::Some(v) => {
                let v = self.val(v).ts;
                R::atom(quote!(Some(#v)))
            }
            ExprKind::IsNone(v) => {
                let r = self.receiver(v);
                R::atom(quote!(#r.is_none()))
            }
            ExprKind::HasTag(v, i) | ExprKind::Payload(v, i) => {
                let def = match self.program.types.kind(v.ty) {
                    crate::model::TyKind::Nominal(d) => *d,
                    _ => return unreachable_kind(),
                };
                let name = self.type_name(def);
                let (tag, boxed) = self.member(def, *i);
                let unit = e.ty == Ty::NONE;
                let r = self.receiver(v);
                if matches!(e.kind, ExprKind::HasTag(..)) {
                    let pattern = if self.tag_is_null(def, *i) {
                        quote!(#name::#tag)
                    } else {
                        quote!(#name::#tag(..))
                    };
                    return R::atom(quote!(matches!(#r, #pattern)));
                }
                // `v["Tag"]`: the payload, or Python's KeyError.
                let at = self.at(e.span);
                let key = format!("'{}'", self.program.def(def).name_of_member(*i));
                let key_error = crate::model::exceptions::ExcClass::builtin("KeyError")
                    .expect("a built-in class");
                let raise = self.raise_new(key_error, quote!(#key), &at);
                let (pattern, value) = if unit {
                    (quote!(#name::#tag), quote!(()))
                } else if boxed {
                    (quote!(#name::#tag(x)), quote!((**x).clone()))
                } else {
                    (quote!(#name::#tag(x)), quote!(x.clone()))
                };
                R::atom(quote!(match &#r {
                    #pattern => #value,
                    _ => #raise,
                }))
            }
            ExprKind::Record { def, fields, order } => {
                let name = self.type_name(*def);
                // Fields in the literal's order: Rust evaluates them as written.
                let inits: Vec<TokenStream> = order
                    .iter()
                    .map(|i| {
                        let (member, boxed) = self.member(*def, *i);
                        let v = self.val(&fields[*i]).ts;
                        if boxed {
                            quote!(#member: Box::new(#v))
                        } else if member == v.to_string() {
                            // `S { owner }` rather than `S { owner: owner }`.
                            quote!(#member)
                        } else {
                            quote!(#member: #v)
                        }
                    })
                    .collect();
                if let Some(any) = self.hierarchy_name(*def) {
                    self.uses.insert("Shared");
                    R::atom(quote!(Shared::new(#any::#name(#name { #(#inits),* }))))
                } else if self.is_shared(e.ty) {
                    self.uses.insert("Shared");
                    R::atom(quote!(Shared::new(#name { #(#inits),* })))
                } else {
                    R::atom(quote!(#name { #(#inits),* }))
                }
            }
            ExprKind::Variant { def, tag, value } => {
                let name = self.type_name(*def);
                let (member, boxed) = self.member(*def, *tag);
                match value {
                    None => R::atom(quote!(#name::#member)),
                    Some(v) => {
                        let v = self.val(v).ts;
                        if boxed {
                            R::atom(quote!(#name::#member(Box::new(#v))))
                        } else {
                            R::atom(quote!(#name::#member(#v)))
                        }
                    }
                }
            }
            ExprKind::List(items) => {
                let items: Vec<TokenStream> = items.iter().map(|v| self.val(v).ts).collect();
                let v = if items.is_empty() {
                    quote!(Vec::new())
                } else {
                    quote!(vec![#(#items),*])
                };
                self.fresh_list(v, e.ty)
            }
            ExprKind::Dict(pairs) => {
                self.uses.insert("Dict");
                if pairs.is_empty() {
                    return R::atom(quote!(Dict::new()));
                }
                // CPython builds a literal in a presized table, in order.
                let n = pairs.len();
                let d = self.namer.fresh("dict");
                let sets: Vec<TokenStream> = pairs
                    .iter()
                    .map(|(k, v)| {
                        let k = self.val(k).ts;
                        let v = self.val(v).ts;
                        quote!(#d.set(#k, #v);)
                    })
                    .collect();
                R::atom(quote!({
                    let #d = Dict::with_capacity(#n);
                    #(#sets)*
                    #d
                }))
            }
            ExprKind::DictSplice(items) => {
                // As CPython builds it: the pairs before the first spread
                // in a presized table, then each spread and pair in order.
                self.uses.insert("Dict");
                let d = self.namer.fresh("dict");
                let first = items.iter().take_while(|(k, _)| k.is_some()).count();
                let new = if first == 0 {
                    quote!(Dict::new())
                } else {
                    quote!(Dict::with_capacity(#first))
                };
                let steps: Vec<TokenStream> = items
                    .iter()
                    .map(|(k, v)| match k {
                        Some(k) => {
                            let k = self.val(k).ts;
                            let v = self.val(v).ts;
                            quote!(#d.set(#k, #v);)
                        }
                        None => {
                            let other = self.borrow(v);
                            quote!(#d.update(#other);)
                        }
                    })
                    .collect();
                R::atom(quote!({
                    let #d = #new;
                    #(#steps)*
                    #d
                }))
            }
            ExprKind::Set(items) => self.set_literal(items),
            ExprKind::Index(base, index) if matches!(base.ty, Ty::STR | Ty::BYTES) => {
                let at = at(self);
                self.uses.insert("text");
                let b = self.borrow(base);
                let i = self.borrow(index);
                if base.ty == Ty::STR {
                    self.fallible(quote!(text::char_at(#b, #i)), &at)
                } else {
                    self.fallible(quote!(text::byte_at(#b, #i)), &at)
                }
            }
            ExprKind::Slice {
                base,
                start,
                stop,
                step,
            } => {
                let at = at(self);
                let bound = |this: &mut Self, e: &Option<Box<Expr>>| match e {
                    None => quote!(None),
                    Some(x) => {
                        let x = this.borrow(x);
                        quote!(Some(runtime_lite::list::slice_arg(#x)))
                    }
                };
                let (a, b, c) = (bound(self, start), bound(self, stop), bound(self, step));
                if base.ty == Ty::STR {
                    self.uses.insert("text");
                    let s = self.borrow(base);
                    self.fallible(quote!(text::slice(#s, #a, #b, #c)), &at)
                } else if self.is_shared(base.ty) {
                    let xs = self.receiver(base);
                    self.fallible(quote!(#xs.slice(#a, #b, #c)), &at)
                } else {
                    let xs = self.receiver(base);
                    self.fallible(quote!(runtime_lite::list::slice_of(&#xs, #a, #b, #c)), &at)
                }
            }
            // An item of a plain global list: only the item is copied out.
            ExprKind::Index(base, index)
                if matches!(base.kind, ExprKind::Global(_))
                    && matches!(
                        self.program.types.kind(base.ty),
                        crate::model::TyKind::List(_)
                    )
                    && !self.is_shared(base.ty)
                    && !crate::model::effects::has_effects(index) =>
            {
                let at = at(self);
                self.uses.insert("PySeq");
                let i = self.borrow(index);
                let get = self
                    .in_global(base, &[index], |g| quote!(#g.py_get(#i)))
                    .unwrap_or_default();
                self.fallible(quote!(#get), &at)
            }
            ExprKind::Index(base, index) => {
                let at = at(self);
                let b = self.receiver(base);
                if let crate::model::TyKind::Dict(..) = self.program.types.kind(base.ty) {
                    let k = self.borrow(index);
                    self.fallible(quote!(#b.get(#k)), &at)
                } else {
                    self.uses.insert("PySeq");
                    let i = self.borrow(index);
                    self.fallible(quote!(#b.py_get(#i)), &at)
                }
            }
            ExprKind::Method(m, args) => self.method(*m, args, e.ty, &at(self)),
            ExprKind::Tuple(items) => {
                let items: Vec<TokenStream> = items.iter().map(|v| self.val(v).ts).collect();
                R::atom(quote!((#(#items,)*)))
            }
            ExprKind::Field(base, i)
                if matches!(
                    self.program.types.kind(base.ty),
                    crate::model::TyKind::Tuple(_)
                ) =>
            {
                let index = syn::Index::from(*i);
                // An item of a recursive tuple alias: read in place.
                if let ExprKind::Convert(x) = &base.kind {
                    if let crate::model::TyKind::Nominal(d) = self.program.types.kind(x.ty) {
                        let boxed = self.member_boxed(*d, *i);
                        let b = self.receiver(x);
                        let read = if boxed {
                            quote!((*#b.#index))
                        } else {
                            quote!(#b.#index)
                        };
                        return if e.ty.is_copy() {
                            R::atom(read)
                        } else {
                            R::atom(quote!(#read.clone()))
                        };
                    }
                }
                let b = self.receiver(base);
                if e.ty.is_copy() {
                    R::atom(quote!(#b.#index))
                } else {
                    R::atom(quote!(#b.#index.clone()))
                }
            }
            ExprKind::Field(base, i) => {
                let def = match self.program.types.kind(base.ty) {
                    crate::model::TyKind::Nominal(d) => *d,
                    _ => return unreachable_kind(),
                };
                let (field, boxed) = self.member(def, *i);
                // A field of a plain Record global: copy out only the field.
                if let (ExprKind::Global(g), false) = (&base.kind, self.is_shared(base.ty)) {
                    let id = self.global(*g);
                    let read = if boxed {
                        quote!((*g.#field))
                    } else {
                        quote!(g.#field)
                    };
                    return if e.ty.is_copy() {
                        R::atom(quote!(#id.with_borrow(|g| #read)))
                    } else {
                        R::atom(quote!(#id.with_borrow(|g| #read.clone())))
                    };
                }
                let b = self.receiver(base);
                if let Some(getter) = self.class_getter(def, *i) {
                    return if e.ty.is_copy() {
                        R::atom(quote!(#b.read(|r| *r.#getter())))
                    } else {
                        R::atom(quote!(#b.read(|r| r.#getter().clone())))
                    };
                }
                if self.is_shared(base.ty) {
                    let read = if boxed {
                        quote!((*r.#field))
                    } else {
                        quote!(r.#field)
                    };
                    return if e.ty.is_copy() {
                        R::atom(quote!(#b.read(|r| #read)))
                    } else {
                        R::atom(quote!(#b.read(|r| #read.clone())))
                    };
                }
                let read = if boxed {
                    quote!((*#b.#field))
                } else {
                    quote!(#b.#field)
                };
                if e.ty.is_copy() {
                    R::atom(read)
                } else {
                    R::atom(quote!(#read.clone()))
                }
            }
            ExprKind::Cell(n) => {
                let id = self.local(*n);
                R::atom(quote!(#id.get()))
            }
            // A cell itself (captured by a closure): another handle.
            ExprKind::Local(n) if self.is_cell(*n) => {
                let id = self.local(*n);
                R::atom(quote!(#id.clone()))
            }
            ExprKind::Local(n) => {
                let id = self.local(*n);
                if e.ty.is_copy() || self.local_single_use(*n) {
                    R::atom(quote!(#id))
                } else {
                    R::atom(quote!(#id.clone()))
                }
            }
            ExprKind::Global(g) => {
                let id = self.global(*g);
                if e.ty.is_copy() {
                    R::atom(quote!(#id.get()))
                } else {
                    R::atom(quote!(#id.with_borrow(Clone::clone)))
                }
            }
            ExprKind::Convert(inner) => self.convert(inner, e.ty, &at(self)),
            ExprKind::Binary(..) | ExprKind::Unary(..) if e.ty == Ty::INT => match self.native(e) {
                Some((r, _)) => {
                    self.uses.insert("Int");
                    let v = r.ts;
                    R::atom(quote!(Int::from(#v)))
                }
                None => match &e.kind {
                    ExprKind::Binary(op, l, r) => self.binary(*op, l, r, e.ty, &at(self)),
                    ExprKind::Unary(op, v) => self.unary(*op, v),
                    _ => unreachable_kind(),
                },
            },
            ExprKind::Binary(op, l, r) => self.binary(*op, l, r, e.ty, &at(self)),
            ExprKind::Unary(op, v) => self.unary(*op, v),
            ExprKind::Not(v) => {
                if let ExprKind::IsNone(inner) = &v.kind {
                    let r = self.receiver(inner);
                    return R::atom(quote!(#r.is_some()));
                }
                let v = self.val(v).at_least(Prec::Unary);
                R::new(quote!(!#v), Prec::Unary)
            }
            ExprKind::Truthy(v) => self.truthy(v),
            ExprKind::Compare(first, rest) => self.compare(first, rest),
            ExprKind::And(l, r) | ExprKind::Or(l, r) if e.ty == Ty::BOOL => {
                let is_and = matches!(e.kind, ExprKind::And(..));
                let p = if is_and { Prec::And } else { Prec::Or };
                let l = self.val(l).at_least(p);
                let r = self.val(r).at_least(next(p));
                if is_and {
                    R::new(quote!(#l && #r), p)
                } else {
                    R::new(quote!(#l || #r), p)
                }
            }
            // `x or default` of an optional `x`: its value when present and
            // true, else the default (the result is not optional).
            ExprKind::Or(l, r) if matches!(self.program.types.kind(l.ty), crate::model::TyKind::Opt(t) if *t == e.ty) =>
            {
                let lv = self.val(l).ts;
                let rv = self.val(r).ts;
                let t = self.truthy_tokens(quote!(x), e.ty);
                R::atom(quote!(match #lv { Some(x) if #t => x, _ => #rv }))
            }
            ExprKind::And(l, r) | ExprKind::Or(l, r) => {
                // Python returns an operand: `a and b` is `b if a else a`.
                let is_and = matches!(e.kind, ExprKind::And(..));
                let lv = self.val(l).ts;
                let rv = self.val(r).ts;
                let tmp = self.namer.fresh("lhs");
                let t = self.truthy_tokens(quote!(#tmp), l.ty);
                if is_and {
                    R::atom(quote!({ let #tmp = #lv; if #t { #rv } else { #tmp } }))
                } else {
                    R::atom(quote!({ let #tmp = #lv; if #t { #tmp } else { #rv } }))
                }
            }
            ExprKind::IfExp { cond, then, orelse } => {
                let c = self.val(cond).ts;
                let t = self.val(then).ts;
                let o = self.val(orelse).ts;
                R::new(quote!(if #c { #t } else { #o }), Prec::Lowest)
            }
            ExprKind::Call(id, args) => {
                let f = self.fn_name(*id);
                let args: Vec<TokenStream> = args.iter().map(|a| self.val(a).ts).collect();
                if self.program.function(*id).call_raises() {
                    let at = at(self);
                    return self.call_raising(quote!(#f(#(#args),*)), &at);
                }
                R::atom(quote!(#f(#(#args),*)))
            }
            ExprKind::Len(v) if !matches!(v.ty, Ty::STR | Ty::BYTES) => {
                self.uses.insert("Int");
                match self.program.types.kind(v.ty) {
                    crate::model::TyKind::Tuple(items) => {
                        let n = items.len();
                        R::atom(quote!(Int::from(#n)))
                    }
                    _ => {
                        if let Some(n) = self.in_global(v, &[], |g| quote!(#g.len())) {
                            return R::atom(quote!(Int::from(#n)));
                        }
                        let r = self.receiver(v);
                        R::atom(quote!(Int::from(#r.len())))
                    }
                }
            }
            ExprKind::Len(v) => {
                self.uses.insert("text");
                let r = self.borrow(v);
                if v.ty == Ty::BYTES {
                    R::atom(quote!(text::bytes_len(#r)))
                } else {
                    R::atom(quote!(text::len(#r)))
                }
            }
            ExprKind::ToStr(v) if var_tuple(self.program, v).is_some() => {
                let args = var_tuple(self.program, v).unwrap_or(v);
                let r = self.receiver(args);
                R::atom(self.repr_of(r, args.ty))
            }
            ExprKind::ToStr(v) => match v.ty {
                t if t.is_integral() => {
                    let r = self.receiver(v);
                    R::atom(quote!(#r.to_string()))
                }
                Ty::PRINCIPAL => {
                    let r = self.receiver(v);
                    R::atom(quote!(#r.to_text()))
                }
                _ => {
                    self.uses.insert("PyStr");
                    let r = self.receiver(v);
                    match self.compound_str(r.clone(), v.ty) {
                        Some(s) => R::atom(s),
                        None => R::atom(quote!(#r.py_str())),
                    }
                }
            },
            ExprKind::FString(parts) => {
                let pieces = self.fparts(parts);
                R::atom(self.format_macro(quote!(format!), pieces))
            }
            ExprKind::Print(v, newline) => {
                let pieces = match &v.kind {
                    ExprKind::FString(parts) => self.fparts(parts),
                    _ => vec![self.fpiece(v, false, None)],
                };
                if *newline {
                    R::atom(self.format_macro(quote!(ic_cdk::println!), pieces))
                } else {
                    let args = self.format_macro(quote!(format_args!), pieces);
                    R::atom(quote!(runtime_lite::print(#args)))
                }
            }
            ExprKind::Comprehension { .. } => self.comprehension(e),
            ExprKind::Splice(_) => self.splice(e),
            ExprKind::Unpack { value, star } => {
                let at = at(self);
                self.unpack(value, *star, e.ty, &at)
            }
            // Only lowered inside the `sorted` / `sort` call that takes it.
            ExprKind::KeyFn { .. } => R::atom(quote!(compile_error!(
                "kybra-aot: a key function outside its call"
            ))),
            ExprKind::Builtin(..) => {
                let at = at(self);
                self.builtin(e, &at)
            }
            ExprKind::Range { .. } => self.range_list(e),
            ExprKind::Raise {
                class,
                message: Some(m),
            } if m.ty == Ty::EXC_ARGS => {
                let at = at(self);
                let args = self.val(m).ts;
                let kind = class.name(&self.program.defs).to_string();
                self.uses.insert("Exception");
                let ts = self.raise_built(quote!(Exception::with_args(#kind, #args)), &at);
                self.diverging(ts)
            }
            ExprKind::ExcArgs(a) => {
                self.uses.insert("Args");
                R::atom(match a {
                    ExcArgs::Str(e) => {
                        let v = self.val(e).ts;
                        quote!(Args::str(#v))
                    }
                    ExcArgs::One { text, repr } => {
                        let t = self.val(text).ts;
                        let r = self.str_value(repr);
                        quote!(Args::one(#t, #r))
                    }
                    ExcArgs::Many { reprs, key } => {
                        let items: Vec<TokenStream> =
                            reprs.iter().map(|r| self.str_value(r)).collect();
                        if *key {
                            quote!(Args::key(vec![#(#items),*]))
                        } else {
                            quote!(Args::many(vec![#(#items),*]))
                        }
                    }
                })
            }
            ExprKind::Instance(exc) => {
                let v = self.receiver(exc);
                let ty = self.rust_ty(e.ty);
                R::atom(quote!(#v.instance::<#ty>()))
            }
            ExprKind::ExcMatches(exc, names) => {
                let v = self.receiver(exc);
                R::atom(quote!(matches!(#v.kind, #(#names)|*)))
            }
            ExprKind::RaiseObject {
                obj,
                message,
                args,
                repr,
            } => {
                let at = at(self);
                let kind = self.exception_kind(obj);
                let message = self.val(message).ts;
                let args = self.val(args).ts;
                let repr = match repr {
                    Some(r) => {
                        let r = self.val(r).ts;
                        quote!(Some(#r))
                    }
                    None => quote!(None),
                };
                let obj = self.val(obj).ts;
                self.uses.insert("Exception");
                let ts = self.raise_built(
                    quote!(Exception::object(#kind, #message, #args, #repr, #obj)),
                    &at,
                );
                self.diverging(ts)
            }
            ExprKind::Raise { class, message } => {
                let at = at(self);
                let msg = match message {
                    Some(m) => match &m.kind {
                        ExprKind::Str(s) => quote!(#s),
                        // `KeyError(k)`: the message is `repr(k)`.
                        ExprKind::FString(parts) => match parts.as_slice() {
                            [FPart::Value {
                                expr,
                                repr: true,
                                spec: None,
                            }] => {
                                let r = self.receiver(expr);
                                self.repr_of(r, expr.ty)
                            }
                            _ => self.val(m).ts,
                        },
                        _ => self.val(m).ts,
                    },
                    None => quote!(""),
                };
                let ts = self.raise_new(*class, msg, &at);
                if self.catch == super::exceptions::Catch::Trap {
                    R::atom(ts)
                } else {
                    R::new(ts, Prec::Lowest)
                }
            }
            ExprKind::Reraise(exc) => {
                let at = at(self);
                let v = self.val(exc).ts;
                let ts = self.raise_value(v, &at);
                if self.catch == super::exceptions::Catch::Trap {
                    R::atom(ts)
                } else {
                    R::new(ts, Prec::Lowest)
                }
            }
            ExprKind::Trap(v) => {
                let arg = match &v.kind {
                    ExprKind::Str(s) => quote!(#s),
                    _ => self.val(v).ts,
                };
                R::atom(quote!(ic_cdk::trap(#arg)))
            }
            ExprKind::Ic(IcCall::Caller) => R::atom(quote!(ic_cdk::api::msg_caller())),
            ExprKind::Ic(IcCall::Time) => R::atom(quote!(ic_cdk::api::time())),
            ExprKind::Ic(IcCall::Id) => R::atom(quote!(ic_cdk::api::canister_self())),
            ExprKind::Ic(IcCall::Balance) => {
                // The balance of a canister fits `nat64` in practice; Kybra
                // reads the 64-bit System API call.
                R::new(
                    quote!(ic_cdk::api::canister_cycle_balance() as u64),
                    Prec::Cast,
                )
            }
            ExprKind::Ic(IcCall::Balance128) => {
                self.uses.insert("Int");
                R::atom(quote!(Int::from(ic_cdk::api::canister_cycle_balance())))
            }
            ExprKind::Ref(op, args) => self.ref_op(*op, args, e),
            ExprKind::ArmValue(_) => self.bound_read(e).unwrap_or_else(|| {
                R::atom(quote!(compile_error!(
                    "kybra-aot: a match value outside its arm"
                )))
            }),
            ExprKind::Is(a, b) => {
                let a = self.receiver(a);
                let b = self.receiver(b);
                R::atom(quote!(#a.ptr_eq(&#b)))
            }
            ExprKind::IsInstance(v, classes) => {
                let b = self.receiver(v);
                match self.is_instance(classes) {
                    Some(test) => R::atom(quote!(#b.read(|r| #test))),
                    // A class without subclasses: only the object's effects.
                    None => R::atom(quote!(#b.read(|_| true))),
                }
            }
            ExprKind::Unwrap(v) => match self.bound_read(e) {
                Some(r) => r,
                None => self.unwrap_fallback(v),
            },
            ExprKind::Match { .. } => self.match_expr(e),
            ExprKind::Closure(f, caps) => self.closure(e, *f, caps),
            ExprKind::CallValue(callee, args) => {
                let args: Vec<TokenStream> = args.iter().map(|a| self.val(a).ts).collect();
                let f = match callee.kind {
                    ExprKind::Local(_) => self.receiver(callee),
                    _ => {
                        let v = self.val(callee).ts;
                        quote!((#v))
                    }
                };
                R::atom(quote!(#f(#(#args),*)))
            }
            ExprKind::Yield(v) => {
                let v = self.val(v).ts;
                R::atom(quote!(co.yield_(#v).await))
            }
            ExprKind::Await(_) => R::atom(quote!(compile_error!(
                "kybra-aot: this expression cannot be lowered yet"
            ))),
        }
    }

    /// A function value: `Rc::new(f)` for a function of exactly the
    /// value's parameters, else a closure that moves the captured values
    /// in and passes them (cloned) on each call.
    fn closure(&mut self, e: &Expr, f: FuncId, caps: &[Expr]) -> R {
        let crate::model::TyKind::Callable { params, ret } = self.program.types.kind(e.ty).clone()
        else {
            return R::atom(quote!(compile_error!(
                "kybra-aot: a function value without a Callable type"
            )));
        };
        let ty = self.callable_ty(&params, ret);
        let name = self.fn_name(f);
        let callee = self.program.function(f);
        let raises = callee.call_raises();
        if caps.is_empty() && !raises {
            return R::new(quote!(Rc::new(#name) as #ty), Prec::Lowest);
        }
        let mut binds = Vec::new();
        let mut pass = Vec::new();
        for c in caps {
            let tmp = self.namer.fresh("captured");
            let v = self.val(c).ts;
            binds.push(quote!(let #tmp = #v;));
            if c.ty.is_copy() && !matches!(c.kind, ExprKind::Local(n) if self.is_cell(n)) {
                pass.push(quote!(#tmp));
            } else {
                pass.push(quote!(#tmp.clone()));
            }
        }
        let mut args = Vec::new();
        let mut typed = Vec::new();
        for (i, t) in params.iter().enumerate() {
            let a = self.namer.fresh(&format!("arg{i}"));
            let rt = self.rust_ty(*t);
            typed.push(quote!(#a: #rt));
            args.push(quote!(#a));
        }
        let mut call = quote!(#name(#(#args,)* #(#pass),*));
        if raises {
            self.uses.insert("OrRaise");
            let at = self.at(e.span);
            call = quote!(#call.or_raise(#at));
        }
        R::atom(quote!({
            #(#binds)*
            Rc::new(move |#(#typed),*| #call) as #ty
        }))
    }

    /// `op` applied to a plain (unshared, not `Copy`) global inside its
    /// `with_borrow`, so only the result leaves the global, not a copy of
    /// it. `None` for other values, or when an operand could run code that
    /// touches the global during the borrow.
    pub(crate) fn in_global(
        &mut self,
        base: &Expr,
        operands: &[&Expr],
        op: impl FnOnce(TokenStream) -> TokenStream,
    ) -> Option<TokenStream> {
        let ExprKind::Global(g) = base.kind else {
            return None;
        };
        if base.ty.is_copy()
            || self.is_shared(base.ty)
            || operands
                .iter()
                .any(|e| crate::model::effects::has_effects(e))
        {
            return None;
        }
        let id = self.global(g);
        let body = op(quote!(g));
        Some(quote!(#id.with_borrow(|g| #body)))
    }

    /// A new list from a `Vec` expression, in the representation of list
    /// type `t`.
    pub(crate) fn fresh_list(&mut self, v: TokenStream, t: Ty) -> R {
        if self.is_shared(t) {
            self.uses.insert("List");
            R::atom(quote!(List::from_vec(#v)))
        } else {
            R::atom(v)
        }
    }

    /// `s.startswith((a, b))` / `endswith`: any of a tuple's strings.
    fn starts_with_any(&mut self, s: TokenStream, prefixes: &Expr, ends: bool) -> R {
        self.uses.insert("str_methods");
        if let ExprKind::Tuple(items) = &prefixes.kind {
            let ps: Vec<TokenStream> = items
                .iter()
                .map(|p| match &p.kind {
                    ExprKind::Str(lit) => quote!(#lit),
                    _ => {
                        let v = self.receiver(p);
                        quote!(#v.as_str())
                    }
                })
                .collect();
            return R::atom(quote!(str_methods::starts_with_any(&*#s, &[#(#ps),*], #ends)));
        }
        let TyKind::Tuple(tys) = self.program.types.kind(prefixes.ty) else {
            return unreachable_kind();
        };
        let t = self.namer.fresh("prefixes");
        let ps = (0..tys.len()).map(proc_macro2::Literal::usize_unsuffixed);
        let v = self.borrow(prefixes);
        R::atom(quote!(match #v {
            #t => str_methods::starts_with_any(&*#s, &[#(#t.#ps.as_str()),*], #ends),
        }))
    }

    /// A method of a built-in type (`ir::Method`); `args[0]` is the receiver.
    fn method(&mut self, m: Method, args: &[Expr], ty: Ty, at: &str) -> R {
        let Some((recv, rest)) = args.split_first() else {
            return unreachable_kind();
        };
        // `tuple(xs)`: the items, in a `Vec`.
        if m == Method::ListCopy
            && matches!(
                self.program.types.kind(ty),
                crate::model::TyKind::VarTuple(_)
            )
        {
            let it = self.items_iter(recv);
            return R::atom(quote!(#it.collect::<Vec<_>>()));
        }
        // `list(s)` of a str, a tuple or a generator: its items, collected.
        if m == Method::ListCopy
            && (recv.ty == Ty::STR
                || matches!(
                    self.program.types.kind(recv.ty),
                    crate::model::TyKind::Tuple(_) | crate::model::TyKind::Generator(_)
                ))
        {
            if matches!(
                self.program.types.kind(recv.ty),
                crate::model::TyKind::Generator(_)
            ) && self.catch != super::exceptions::Catch::Trap
            {
                // A `try` may see the generator's exception.
                self.uses.insert("Exception");
                let g = self.val(recv).ts;
                let items = self.fallible(
                    quote!(#g.results().collect::<Result<Vec<_>, Exception>>()),
                    at,
                );
                return self.fresh_list(items.ts, ty);
            }
            let it = self.items_iter(recv);
            return self.fresh_list(quote!(#it.collect::<Vec<_>>()), ty);
        }
        let r = match self.iterated_set(recv) {
            Some(s) if m == Method::SetToList => s,
            _ => self.receiver(recv),
        };
        match (m, rest) {
            (Method::Append, [x]) => {
                let x = self.val(x).ts;
                R::atom(quote!(#r.append(#x)))
            }
            (Method::Pop, []) => self.fallible(quote!(#r.pop(None)), at),
            (Method::Pop, [i]) => {
                let i = self.borrow(i);
                R::atom({
                    let i = self
                        .fallible(quote!(runtime_lite::list::ssize_arg(#i)), at)
                        .ts;
                    self.fallible(quote!(#r.pop(Some(#i))), at).ts
                })
            }
            (Method::ListCopy, []) => {
                let fresh = matches!(
                    &recv.kind,
                    ExprKind::Method(
                        Method::Keys | Method::Values | Method::Items | Method::ListCopy,
                        _
                    ) | ExprKind::List(_)
                        | ExprKind::Comprehension { .. }
                        | ExprKind::Splice(_)
                        | ExprKind::Range { .. }
                );
                if fresh {
                    self.val(recv)
                } else if self.is_shared(recv.ty) {
                    R::atom(quote!(#r.copy()))
                } else {
                    let v = self.val(recv).ts;
                    R::atom(v)
                }
            }
            (Method::GetOpt, [k]) => {
                let k = self.borrow(k);
                R::atom(quote!(#r.get_opt(#k)))
            }
            (Method::GetOr, [k, d]) => {
                let k = self.borrow(k);
                let d = self.val(d).ts;
                R::atom(quote!(#r.get_or(#k, #d)))
            }
            (Method::Keys, []) => self.fresh_list(quote!(#r.keys()), ty),
            (Method::Values, []) => self.fresh_list(quote!(#r.values()), ty),
            (Method::Items, []) => self.fresh_list(quote!(#r.items()), ty),
            (Method::DictPop, [k]) => {
                let k = self.borrow(k);
                self.fallible(quote!(#r.pop(#k)), at)
            }
            (Method::SetDefault, [k, d]) => {
                let k = self.val(k).ts;
                let d = self.val(d).ts;
                R::atom(quote!(#r.setdefault(#k, #d)))
            }
            (Method::Encode, []) => R::atom(quote!(#r.as_bytes().to_vec())),
            (Method::Upper, []) => R::atom(quote!(#r.to_uppercase())),
            (Method::Lower, []) => R::atom(quote!(#r.to_lowercase())),
            (Method::Strip | Method::LStrip | Method::RStrip, chars) => {
                self.uses.insert("text");
                let chars = match chars {
                    [c] => {
                        let c = self.str_arg(c);
                        quote!(Some(#c))
                    }
                    _ => quote!(None),
                };
                let (left, right) = match m {
                    Method::LStrip => (true, false),
                    Method::RStrip => (false, true),
                    _ => (true, true),
                };
                R::atom(quote!(text::strip(&#r, #chars, #left, #right)))
            }
            (Method::Split, []) => {
                self.uses.insert("text");
                self.fresh_list(quote!(text::split_whitespace(&#r)), ty)
            }
            (Method::Split, [sep]) => {
                self.uses.insert("text");
                let sep = self.str_arg(sep);
                let parts = self.fallible(quote!(text::split(&#r, #sep)), at).ts;
                self.fresh_list(parts, ty)
            }
            (Method::Join, [items]) => {
                // `join` is generic over the separator: give it a `&str`.
                let sep = match &recv.kind {
                    ExprKind::Str(s) => quote!(#s),
                    _ => quote!(#r.as_str()),
                };
                let xs = self.receiver(items);
                if self.is_shared(items.ty) {
                    R::atom(quote!(#xs.to_vec().join(#sep)))
                } else {
                    R::atom(quote!(#xs.join(#sep)))
                }
            }
            (Method::StartsWith | Method::EndsWith, [p]) if p.ty != Ty::STR => {
                let ends = m == Method::EndsWith;
                self.starts_with_any(r, p, ends)
            }
            (Method::StartsWith, [p]) => {
                let p = self.str_arg(p);
                R::atom(quote!(#r.starts_with(#p)))
            }
            (Method::EndsWith, [p]) => {
                let p = self.str_arg(p);
                R::atom(quote!(#r.ends_with(#p)))
            }
            (Method::Replace, [old, new]) => {
                let old = self.str_arg(old);
                let new = self.str_arg(new);
                R::atom(quote!(#r.replace(#old, #new)))
            }
            (Method::Find, [sub]) => {
                self.uses.insert("text");
                let sub = self.str_arg(sub);
                R::atom(quote!(text::find(&#r, #sub)))
            }
            (Method::StrCount, [sub]) => {
                self.uses.insert("text");
                let sub = self.str_arg(sub);
                R::atom(quote!(text::count(&#r, #sub)))
            }
            (Method::Extend, [items]) => {
                // Collected first: `xs.extend(xs)` reads the list it grows.
                let it = self.items_iter(items);
                R::atom(quote!(#r.extend(#it.collect::<Vec<_>>())))
            }
            (Method::RepeatInPlace, [n]) => {
                let n = self.borrow(n);
                self.fallible(quote!(#r.repeat_in_place(#n)), at)
            }
            (Method::Insert, [i, x]) => {
                let i = self.borrow(i);
                let x = self.val(x).ts;
                let i = self
                    .fallible(quote!(runtime_lite::list::ssize_arg(#i)), at)
                    .ts;
                R::atom(quote!(#r.insert(#i, #x)))
            }
            (Method::Remove, [x]) => {
                let x = self.elem_arg(x);
                self.fallible(quote!(#r.remove(#x)), at)
            }
            (Method::Index, [x]) => {
                self.uses.insert("PyIndex");
                self.uses.insert("Int");
                let x = self.elem_arg(x);
                let i = self.fallible(quote!(#r.py_index(#x)), at).ts;
                R::atom(quote!(Int::from(#i)))
            }
            (Method::Count, [x]) => {
                self.uses.insert("PySeq");
                self.uses.insert("Int");
                let x = self.elem_arg(x);
                R::atom(quote!(Int::from(#r.py_count(#x))))
            }
            (Method::DelItem, [k]) => {
                if let crate::model::TyKind::Dict(..) = self.program.types.kind(recv.ty) {
                    let k = self.borrow(k);
                    self.fallible(quote!(#r.del(#k)), at)
                } else {
                    let i = self.borrow(k);
                    R::atom({
                        let i = self
                            .fallible(quote!(runtime_lite::list::index_arg(#i)), at)
                            .ts;
                        self.fallible(quote!(#r.del(#i)), at).ts
                    })
                }
            }
            (Method::Update, [other]) => {
                let o = self.borrow(other);
                R::atom(quote!(#r.update(#o)))
            }
            (Method::DictCopy, []) => R::atom(quote!(#r.copy())),
            (Method::Sort, [reverse, key]) => {
                let f = self.key_closure(key, true);
                let rv = self.val(reverse).ts;
                self.fallible(quote!(#r.sort_by_key(#f, #rv)), at)
            }
            (Method::Sort, [reverse]) => match reverse.kind {
                ExprKind::Bool(false) => R::atom(quote!(#r.sort())),
                _ => {
                    let rv = self.val(reverse).ts;
                    R::atom(quote!(#r.sort_with(#rv)))
                }
            },
            (Method::Reverse, []) => R::atom(quote!(#r.reverse())),
            (Method::Clear, []) => R::atom(quote!(#r.clear())),
            (Method::Decode, []) => {
                self.uses.insert("text");
                self.fallible(quote!(text::decode_utf8(&#r)), at)
            }
            (Method::Contains, [x]) if self.program.types.set_item(recv.ty).is_some() => {
                let x = self.elem_arg(x);
                R::atom(quote!(#r.contains(#x)))
            }
            (
                Method::SetToList
                | Method::SetAdd
                | Method::SetDiscard
                | Method::SetRemove
                | Method::SetPop
                | Method::SetCopy
                | Method::SetUpdate
                | Method::Union
                | Method::Intersection
                | Method::Difference
                | Method::SymmetricDifference
                | Method::IntersectionUpdate
                | Method::DifferenceUpdate
                | Method::SymmetricDifferenceUpdate
                | Method::IsSubset
                | Method::IsSuperset
                | Method::IsProperSubset
                | Method::IsProperSuperset
                | Method::IsDisjoint,
                _,
            ) => self.set_method(m, r, rest, ty, at),
            (Method::Contains, [x]) => {
                if let crate::model::TyKind::Dict(..) = self.program.types.kind(recv.ty) {
                    let x = self.borrow(x);
                    R::atom(quote!(#r.contains(#x)))
                } else {
                    let x = self.elem_arg(x);
                    self.uses.insert("PySeq");
                    R::atom(quote!(#r.py_contains(#x)))
                }
            }
            _ => unreachable_kind(),
        }
    }

    /// An expression usable as a method receiver (places stay places).
    pub(crate) fn receiver(&mut self, e: &Expr) -> TokenStream {
        if let Some(place) = self.bound_place(e) {
            return place;
        }
        match &e.kind {
            ExprKind::Field(base, i) => {
                if let crate::model::TyKind::Tuple(_) = self.program.types.kind(base.ty) {
                    let b = self.receiver(base);
                    let index = syn::Index::from(*i);
                    return quote!(#b.#index);
                }
                if let (crate::model::TyKind::Nominal(def), false) =
                    (self.program.types.kind(base.ty), self.is_shared(base.ty))
                {
                    if matches!(base.kind, ExprKind::Global(_)) {
                        // Only the field leaves the global.
                        return self.val(e).postfix();
                    }
                    let (field, boxed) = self.member(*def, *i);
                    let b = self.receiver(base);
                    return if boxed {
                        quote!((*#b.#field))
                    } else {
                        quote!(#b.#field)
                    };
                }
                self.val(e).postfix()
            }
            ExprKind::Local(n) => {
                let id = self.local(*n);
                quote!(#id)
            }
            ExprKind::Int(i) => {
                if let Some(k) = e.ty.as_fixed() {
                    fixed_literal(i, k, true)
                } else {
                    self.val(e).postfix()
                }
            }
            ExprKind::Float(f) if *f >= 0.0 => float_literal(*f, e.ty, true),
            _ => self.val(e).postfix(),
        }
    }

    /// `&T` for the expression.
    pub(crate) fn borrow(&mut self, e: &Expr) -> TokenStream {
        if let Some(r) = self.bound_ref(e) {
            return r;
        }
        match &e.kind {
            ExprKind::Local(n) => {
                let id = self.local(*n);
                quote!(&#id)
            }
            ExprKind::Str(s) => quote!(#s),
            _ => {
                let v = self.val(e).at_least(Prec::Unary);
                quote!(&#v)
            }
        }
    }

    /// A `&T` argument for a list of `T` (a `str` literal is a `&str`
    /// elsewhere, but the list's items are `String`s).
    pub(crate) fn elem_arg(&mut self, e: &Expr) -> TokenStream {
        match &e.kind {
            ExprKind::Str(s) => quote!(&String::from(#s)),
            _ => self.borrow(e),
        }
    }

    /// `&str`-compatible argument for a `str` value.
    pub(crate) fn str_arg(&mut self, e: &Expr) -> TokenStream {
        self.borrow(e)
    }

    /// A `&[u8]` expression for a `bytes` value.
    pub(crate) fn bytes_slice(&mut self, e: &Expr) -> TokenStream {
        match &e.kind {
            ExprKind::Bytes(b) => {
                let l = Literal::byte_string(b);
                quote!(#l.as_slice())
            }
            _ => {
                let r = self.receiver(e);
                quote!(#r.as_slice())
            }
        }
    }

    pub(crate) fn bytes_ref(&mut self, e: &Expr) -> TokenStream {
        match &e.kind {
            ExprKind::Bytes(b) => Literal::byte_string(b).into_token_stream_(),
            _ => self.borrow(e),
        }
    }

    /// An operand of an `Int` operator: `&x` for variables, values otherwise.
    pub(crate) fn int_operand(&mut self, e: &Expr) -> TokenStream {
        match &e.kind {
            ExprKind::Local(n) => {
                let id = self.local(*n);
                quote!(&#id)
            }
            _ => self.val(e).at_least(Prec::Unary),
        }
    }

    fn convert(&mut self, inner: &Expr, to: Ty, at: &str) -> R {
        if inner.ty == Ty::NEVER {
            return self.never_value(inner);
        }
        if to == Ty::RESERVED {
            return self.reserved_value(inner);
        }
        let from = inner.ty;
        if let Some(k) = to.as_fixed() {
            return self.narrow(inner, k, at);
        }
        if let Some(r) = self.tuple_alias_convert(inner, to) {
            return r;
        }
        // `*args` read as a list: the same `Vec`, or a new shared list.
        if let crate::model::TyKind::VarTuple(_) = self.program.types.kind(from) {
            let v = self.val(inner).ts;
            return self.fresh_list(v, to);
        }
        match (from, to) {
            (_, Ty::NUM) => {
                self.uses.insert("Num");
                let v = match from {
                    Ty::INT | Ty::FLOAT64 => self.val(inner).ts,
                    Ty::FLOAT32 => {
                        let v = self.val(inner).at_least(Prec::Cast);
                        quote!(f64::from(#v))
                    }
                    _ => {
                        self.uses.insert("Int");
                        let v = self.val(inner).ts;
                        quote!(Int::from(#v))
                    }
                };
                if from.is_float() {
                    R::atom(quote!(Num::Float(#v)))
                } else {
                    R::atom(quote!(Num::Int(#v)))
                }
            }
            (Ty::NUM, Ty::FLOAT64 | Ty::FLOAT32) => {
                let v = self.receiver(inner);
                if to == Ty::FLOAT32 {
                    let f = self.fallible(quote!(#v.to_f64()), at).at_least(Prec::Cast);
                    R::new(quote!(#f as f32), Prec::Cast)
                } else {
                    self.fallible(quote!(#v.to_f64()), at)
                }
            }
            (_, Ty::NAT) => self.store_nat(inner, at),
            (Ty::INT, Ty::FLOAT64 | Ty::FLOAT32) => {
                let v = self.receiver(inner);
                if to == Ty::FLOAT32 {
                    let f = self.fallible(quote!(#v.to_f64()), at).at_least(Prec::Cast);
                    R::new(quote!(#f as f32), Prec::Cast)
                } else {
                    self.fallible(quote!(#v.to_f64()), at)
                }
            }
            (_, Ty::INT) => {
                self.uses.insert("Int");
                let v = self.val(inner).ts;
                R::atom(quote!(Int::from(#v)))
            }
            (f, Ty::FLOAT64 | Ty::FLOAT32) if f.is_fixed() || f == Ty::FLOAT64 => {
                let t = if to == Ty::FLOAT32 {
                    quote!(f32)
                } else {
                    quote!(f64)
                };
                let v = self.val(inner).at_least(Prec::Cast);
                R::new(quote!(#v as #t), Prec::Cast)
            }
            (Ty::FLOAT32, Ty::FLOAT64) => {
                let v = self.val(inner).ts;
                R::atom(quote!(f64::from(#v)))
            }
            _ => self.val(inner),
        }
    }

    /// A recursive tuple alias's tuple struct from its tuple and back
    /// (`Program::tuple_alias`); `None` for other conversions.
    fn tuple_alias_convert(&mut self, inner: &Expr, to: Ty) -> Option<R> {
        let (def, wrap) = match (
            self.program.types.kind(inner.ty),
            self.program.types.kind(to),
        ) {
            (TyKind::Tuple(_), TyKind::Nominal(d)) => (*d, true),
            (TyKind::Nominal(d), TyKind::Tuple(_)) => (*d, false),
            _ => return None,
        };
        let n = self.program.tuple_alias(def)?.len();
        let name = self.type_name(def);
        // A tuple literal: its items go straight into the struct.
        if let (true, ExprKind::Tuple(items)) = (wrap, &inner.kind) {
            let items: Vec<TokenStream> = items
                .iter()
                .enumerate()
                .map(|(i, x)| {
                    let v = self.val(x).ts;
                    if self.member_boxed(def, i) {
                        quote!(Box::new(#v))
                    } else {
                        v
                    }
                })
                .collect();
            return Some(R::atom(quote!(#name(#(#items),*))));
        }
        let v = self.val(inner).ts;
        let parts: Vec<TokenStream> = (0..n)
            .map(|i| {
                let index = syn::Index::from(i);
                let boxed = self.member_boxed(def, i);
                match (wrap, boxed) {
                    (true, true) => quote!(Box::new(t.#index)),
                    (false, true) => quote!(*t.#index),
                    _ => quote!(t.#index),
                }
            })
            .collect();
        Some(if wrap {
            R::atom(quote!({
                let t = #v;
                #name(#(#parts),*)
            }))
        } else {
            R::atom(quote!({
                let t = #v;
                (#(#parts,)*)
            }))
        })
    }

    /// A Python int stored where a container holds a Candid `nat`: checked
    /// non-negative unless its type or interval proves it.
    fn store_nat(&mut self, inner: &Expr, at: &str) -> R {
        self.uses.insert("Nat");
        // A `nat` read from one container and stored into another.
        if let ExprKind::Convert(x) = &inner.kind {
            if x.ty == Ty::NAT {
                return self.val(x);
            }
        }
        if let ExprKind::Int(i) = &inner.kind {
            if let Ok(v) = u64::try_from(i) {
                let v = proc_macro2::Literal::u64_suffixed(v);
                return R::atom(quote!(Nat::from(#v)));
            }
            if num_traits::Signed::is_positive(i) {
                let digits = i.to_string();
                return R::atom(quote!(Nat::from_decimal(#digits)));
            }
        }
        if inner.ty.as_fixed().is_some_and(|k| k.range().0 >= 0) {
            let v = self.val(inner).ts;
            return R::atom(quote!(Nat::from(#v)));
        }
        let v = if inner.ty == Ty::INT {
            self.val(inner).ts
        } else {
            self.uses.insert("Int");
            let v = self.val(inner).ts;
            quote!(Int::from(#v))
        };
        self.fallible(quote!(Nat::new(#v)), at)
    }

    /// A Python int stored into a fixed-width `k`: range-checked, raising
    /// `OverflowError` with the type and value, unless the interval proves it
    /// fits.
    fn narrow(&mut self, inner: &Expr, k: Fixed, at: &str) -> R {
        let t = fixed_ty(k);
        // Widening from a narrower fixed type.
        if let Some(from) = inner.ty.as_fixed() {
            if k.contains(from) {
                let v = self.val(inner).ts;
                return R::atom(quote!(#t::from(#v)));
            }
        }
        // `a op b` with both sides of type `k`: checked arithmetic in `k`
        // fails exactly when the result does not fit.
        if let ExprKind::Binary(op, a, b) = &inner.kind {
            let of_k = |e: &Expr| match &e.kind {
                ExprKind::Convert(x) if x.ty == Ty::fixed(k) => Some((**x).clone()),
                ExprKind::Int(i) if i128::try_from(i).is_ok_and(|v| within((v, v), k.range())) => {
                    Some(Expr::new(Ty::fixed(k), e.kind.clone(), e.span))
                }
                _ => None,
            };
            let exact = interval(inner).is_some_and(|r| within(r, k.range()));
            if let (Some(a), Some(b), false) = (of_k(a), of_k(b), exact) {
                let method = match op {
                    BinOp::Add => Some(quote!(py_add)),
                    BinOp::Sub => Some(quote!(py_sub)),
                    BinOp::Mul => Some(quote!(py_mul)),
                    BinOp::FloorDiv => Some(quote!(py_floordiv)),
                    BinOp::Mod => Some(quote!(py_mod)),
                    BinOp::Pow => Some(quote!(py_pow)),
                    BinOp::Shl => Some(quote!(py_shl)),
                    BinOp::Shr => Some(quote!(py_shr)),
                    BinOp::Div | BinOp::BitAnd | BinOp::BitOr | BinOp::BitXor => None,
                };
                if let Some(method) = method {
                    self.uses.insert("FixedInt");
                    let a = self.receiver(&a);
                    let b = self.val(&b).ts;
                    return self.fallible(quote!(#a.#method(#b)), at);
                }
            }
        }
        // `+` and `*` of non-negative values of type `k` only grow: checked
        // arithmetic in `k` fails exactly when the result does not fit.
        if interval(inner).is_none_or(|r| !within(r, k.range())) {
            if let Some(r) = self.monotone_chain(inner, k, at) {
                return r;
            }
        }
        if let Some(range) = interval(inner) {
            if within(range, k.range()) {
                if let Some(r) = self.native_in(inner, Native::Fixed(k)) {
                    return r;
                }
            }
            if let Some((r, n)) = self.native(inner) {
                self.uses.insert("narrow");
                let v = r.ts;
                let v = if n == Native::I128 {
                    v
                } else {
                    quote!(i128::from(#v))
                };
                return self.fallible(quote!(narrow::<#t>(#v)), at);
            }
        }
        if inner.ty == Ty::BOOL {
            let v = self.val(inner).ts;
            return R::atom(quote!(#t::from(#v)));
        }
        let v = self.receiver(inner);
        self.fallible(quote!(#v.to_fixed::<#t>()), at)
    }

    /// `inner` (a tree of `+` and `*` over non-negative values of type `k`)
    /// as chained checked operations in `k`.
    fn monotone_chain(&mut self, inner: &Expr, k: Fixed, at: &str) -> Option<R> {
        fn leaf(e: &Expr, k: Fixed) -> Option<Expr> {
            match &e.kind {
                ExprKind::Convert(x) if x.ty == Ty::fixed(k) && k.range().0 >= 0 => {
                    Some((**x).clone())
                }
                ExprKind::Int(i)
                    if i128::try_from(i).is_ok_and(|v| v >= 0 && within((v, v), k.range())) =>
                {
                    Some(Expr::new(Ty::fixed(k), e.kind.clone(), e.span))
                }
                _ => None,
            }
        }
        fn shape(e: &Expr, k: Fixed) -> bool {
            match &e.kind {
                ExprKind::Binary(BinOp::Add | BinOp::Mul, a, b) => {
                    (shape(a, k) || leaf(a, k).is_some()) && (shape(b, k) || leaf(b, k).is_some())
                }
                _ => false,
            }
        }
        if !shape(inner, k) {
            return None;
        }
        self.uses.insert("FixedInt");
        Some(self.chain(inner, k, at))
    }

    fn chain(&mut self, e: &Expr, k: Fixed, at: &str) -> R {
        let ExprKind::Binary(op, a, b) = &e.kind else {
            return R::atom(TokenStream::new());
        };
        let side = |this: &mut Self, x: &Expr, receiver: bool| -> TokenStream {
            match &x.kind {
                ExprKind::Binary(..) => this.chain(x, k, at).postfix(),
                ExprKind::Convert(inner) if receiver => this.receiver(inner),
                ExprKind::Convert(inner) => this.val(inner).ts,
                _ => {
                    let lit = Expr::new(Ty::fixed(k), x.kind.clone(), x.span);
                    if receiver {
                        this.receiver(&lit)
                    } else {
                        this.val(&lit).ts
                    }
                }
            }
        };
        let a = side(self, a, true);
        let b = side(self, b, false);
        let method = if *op == BinOp::Add {
            quote!(py_add)
        } else {
            quote!(py_mul)
        };
        self.fallible(quote!(#a.#method(#b)), at)
    }

    fn unary(&mut self, op: UnaryOp, v: &Expr) -> R {
        match (v.ty, op) {
            (Ty::NUM, _) => {
                let o = self.receiver(v);
                R::atom(quote!(#o.neg()))
            }
            (Ty::INT, UnaryOp::Neg) => {
                let o = self.int_operand(v);
                R::new(quote!(-#o), Prec::Unary)
            }
            (Ty::INT, UnaryOp::Invert) => {
                let o = self.int_operand(v);
                R::new(quote!(!#o), Prec::Unary)
            }
            _ => {
                let o = self.val(v).at_least(Prec::Unary);
                R::new(quote!(-#o), Prec::Unary)
            }
        }
    }

    pub(crate) fn binary(&mut self, op: BinOp, l: &Expr, r: &Expr, ty: Ty, at: &str) -> R {
        let operand_ty = l.ty;
        if operand_ty == Ty::NUM {
            let a = self.receiver(l);
            let b = self.borrow(r);
            let method = match op {
                BinOp::Add => quote!(add),
                BinOp::Sub => quote!(sub),
                BinOp::Mul => quote!(mul),
                BinOp::Div => quote!(true_div),
                BinOp::FloorDiv => quote!(floor_div),
                BinOp::Mod => quote!(modulo),
                _ => quote!(pow),
            };
            return self.fallible(quote!(#a.#method(#b)), at);
        }
        if let TyKind::List(_) = self.program.types.kind(operand_ty) {
            // list * int
            self.uses.insert("list");
            let items = self.items_iter(l);
            let n = self.borrow(r);
            let repeated = self.fallible(quote!(list::repeat(#items, #n)), at).ts;
            return self.fresh_list(repeated, ty);
        }
        match operand_ty {
            Ty::STR if op == BinOp::Add => {
                let mut leaves = Vec::new();
                flatten_concat(l, &mut leaves);
                flatten_concat(r, &mut leaves);
                let pieces = leaves
                    .into_iter()
                    .map(|e| match &e.kind {
                        ExprKind::Str(s) => Piece::Lit(s.clone()),
                        _ => self.fpiece(e, false, None),
                    })
                    .collect();
                R::atom(self.format_macro(quote!(format!), pieces))
            }
            Ty::STR => {
                // str * int
                self.uses.insert("text");
                let s = self.str_arg(l);
                let n = self.borrow(r);
                R::atom(quote!(text::repeat(#s, #n)))
            }
            Ty::BYTES if op == BinOp::Mul => {
                self.uses.insert("text");
                let s = self.bytes_slice(l);
                let n = self.borrow(r);
                self.fallible(quote!(text::try_repeat_bytes(#s, #n)), at)
            }
            Ty::BYTES => {
                let a = self.bytes_slice(l);
                let b = self.bytes_slice(r);
                R::atom(quote!([#a, #b].concat()))
            }
            Ty::INT => {
                let sym = match op {
                    BinOp::Add => Some((quote!(+), Prec::Add)),
                    BinOp::Sub => Some((quote!(-), Prec::Add)),
                    BinOp::Mul => Some((quote!(*), Prec::Mul)),
                    BinOp::BitAnd => Some((quote!(&), Prec::BitAnd)),
                    BinOp::BitOr => Some((quote!(|), Prec::BitOr)),
                    BinOp::BitXor => Some((quote!(^), Prec::BitXor)),
                    _ => None,
                };
                if let Some((sym, p)) = sym {
                    let a = self.int_side(l, p);
                    let b = self.int_side(r, next(p));
                    return R::new(quote!(#a #sym #b), p);
                }
                let method = match op {
                    BinOp::Div => quote!(true_div),
                    BinOp::FloorDiv => quote!(floor_div),
                    BinOp::Mod => quote!(modulo),
                    BinOp::Pow => quote!(pow),
                    BinOp::Shl => quote!(shl),
                    _ => quote!(shr),
                };
                let a = self.receiver(l);
                let b = self.borrow(r);
                self.fallible(quote!(#a.#method(#b)), at)
            }
            _ => {
                // floats (both operands f64 after checking)
                let _ = ty;
                let native = match op {
                    BinOp::Add => Some((quote!(+), Prec::Add)),
                    BinOp::Sub => Some((quote!(-), Prec::Add)),
                    BinOp::Mul => Some((quote!(*), Prec::Mul)),
                    _ => None,
                };
                if let Some((sym, p)) = native {
                    let a = self.val(l).at_least(p);
                    let b = self.val(r).at_least(next(p));
                    return R::new(quote!(#a #sym #b), p);
                }
                self.uses.insert("float");
                let f = match op {
                    BinOp::Div => quote!(div),
                    BinOp::FloorDiv => quote!(floor_div),
                    BinOp::Mod => quote!(modulo),
                    _ => quote!(pow),
                };
                let a = self.val(l).ts;
                let b = self.val(r).ts;
                self.fallible(quote!(float::#f(#a, #b)), at)
            }
        }
    }

    fn int_side(&mut self, e: &Expr, min: Prec) -> TokenStream {
        match &e.kind {
            ExprKind::Local(_) => self.int_operand(e),
            _ => self.val(e).at_least(min),
        }
    }

    fn truthy(&mut self, v: &Expr) -> R {
        let t = self.truthy_of(v);
        R::new(t, Prec::Compare)
    }

    /// A `bool` expression for Python truthiness of `v`.
    fn truthy_of(&mut self, v: &Expr) -> TokenStream {
        match v.ty {
            Ty::BOOL => self.val(v).ts,
            t if !t.is_copy() => {
                let r = self.receiver(v);
                self.truthy_tokens(r, v.ty)
            }
            _ => {
                let r = self.val(v).at_least(next(Prec::Compare));
                self.truthy_tokens(r, v.ty)
            }
        }
    }

    /// Truthiness of a value already in tokens (a receiver for `int`,
    /// `str` and `bytes`; an operand of `!=` otherwise).
    pub(crate) fn truthy_tokens(&mut self, r: TokenStream, ty: Ty) -> TokenStream {
        match ty {
            Ty::BOOL => r,
            Ty::INT => quote!(!#r.is_zero()),
            Ty::FLOAT64 | Ty::FLOAT32 => quote!(#r != 0.0),
            Ty::STR | Ty::BYTES => quote!(!#r.is_empty()),
            Ty::NONE => quote!(false),
            Ty::RESERVED => quote!({
                let _ = #r;
                false
            }),
            t if t.is_fixed() => quote!(#r != 0),
            Ty::NUM => {
                self.uses.insert("Truthy");
                quote!(#r.truthy())
            }
            t => match self.program.types.kind(t) {
                // `Opt[T]` is the value or None: `Some(0)` is falsy.
                crate::model::TyKind::Opt(inner) => {
                    let inner = *inner;
                    // An object without `__bool__` or `__len__` (the
                    // checker calls those) is always true.
                    if matches!(self.program.types.kind(inner), crate::model::TyKind::Nominal(d)
                        if matches!(self.program.def(*d).kind, crate::model::ir::DefKind::Class(_)))
                    {
                        return quote!(#r.is_some());
                    }
                    let v = self.namer.fresh("v");
                    let arg = if inner.is_copy() {
                        quote!(*#v)
                    } else {
                        quote!(#v)
                    };
                    let t = self.truthy_tokens(arg, inner);
                    match t.to_string().as_str() {
                        "true" => quote!(#r.is_some()),
                        "false" => quote!(#r.as_ref().is_some_and(|_| false)),
                        _ => quote!(#r.as_ref().is_some_and(|#v| #t)),
                    }
                }
                crate::model::TyKind::List(_)
                | crate::model::TyKind::Dict(..)
                | crate::model::TyKind::Set(_)
                | crate::model::TyKind::FrozenSet(_) => {
                    quote!(!#r.is_empty())
                }
                // A Record is a dict: falsy only without fields. Principals,
                // Funcs (2-tuples) and Services are always true. The value
                // is still read: Python evaluates it, and rustc would warn
                // about a variable only tested.
                crate::model::TyKind::Nominal(d) => match &self.program.def(*d).kind {
                    crate::model::ir::DefKind::Record(f) if f.is_empty() => {
                        quote!({ let _ = #r; false })
                    }
                    _ => quote!({ let _ = #r; true }),
                },
                _ => quote!({ let _ = #r; true }),
            },
        }
    }

    fn compare_side(&mut self, e: &Expr, ordered: bool) -> TokenStream {
        match (&e.kind, e.ty) {
            (ExprKind::Local(n), _) => {
                let id = self.local(*n);
                if ordered && e.ty == Ty::STR {
                    quote!(#id.as_str())
                } else {
                    quote!(#id)
                }
            }
            (ExprKind::Str(s), _) => quote!(#s),
            (ExprKind::Bytes(b), _) => {
                let l = Literal::byte_string(b);
                quote!(#l.as_slice())
            }
            (_, Ty::STR) if ordered => {
                let v = self.val(e).postfix();
                quote!(#v.as_str())
            }
            (_, Ty::BYTES) => {
                let v = self.val(e).postfix();
                quote!(#v.as_slice())
            }
            _ => {
                // Casts cannot be the left operand of `<` unparenthesized.
                self.val(e).at_least(Prec::Unary)
            }
        }
    }

    fn compare(&mut self, first: &Expr, rest: &[(CmpOp, Expr)]) -> R {
        let simple = |e: &Expr| {
            matches!(
                e.kind,
                ExprKind::Local(_)
                    | ExprKind::Int(_)
                    | ExprKind::Float(_)
                    | ExprKind::Str(_)
                    | ExprKind::Bool(_)
            )
        };
        let needs_temps = rest.len() > 1 && rest[..rest.len() - 1].iter().any(|(_, e)| !simple(e));
        if needs_temps {
            // Each operand is evaluated once, left to right, and only
            // while the comparisons so far hold: `a < b < c` is
            // `{ let b = ..; a < b && c_after_b }`. `a` goes first into a
            // temporary when evaluating `b` could observe it.
            if let [(op, right), more @ ..] = rest {
                if !simple(first) && !simple(right) && !more.is_empty() {
                    let a = self.namer.fresh("cmp");
                    let va = self.val(first).ts;
                    let b = self.namer.fresh("cmp");
                    let vb = self.val(right).ts;
                    let pair =
                        self.compare_pair_with(first, Some(a.clone()), *op, right, Some(b.clone()));
                    let tail = self.compare_chain(right, Some(b.clone()), more, &simple);
                    return R::atom(quote!({ let #a = #va; let #b = #vb; #pair && #tail }));
                }
            }
            let chain = self.compare_chain(first, None, rest, &simple);
            return R::atom(chain);
        }
        let mut terms = Vec::new();
        let mut left = first;
        for (op, right) in rest {
            terms.push(self.compare_pair(left, *op, right));
            left = right;
        }
        if terms.len() == 1 {
            let prec = match rest[0].0 {
                CmpOp::In => Prec::Postfix,
                CmpOp::NotIn => Prec::Unary,
                _ => Prec::Compare,
            };
            R::new(terms.pop().expect("one term"), prec)
        } else {
            R::new(quote!(#(#terms)&&*), Prec::And)
        }
    }

    /// `left op0 r0 op1 r1 ...` from `left` (held in `left_tmp` if
    /// evaluated already): each middle operand is evaluated into a
    /// temporary just before its first comparison.
    fn compare_chain(
        &mut self,
        left: &Expr,
        left_tmp: Option<syn::Ident>,
        rest: &[(CmpOp, Expr)],
        simple: &dyn Fn(&Expr) -> bool,
    ) -> TokenStream {
        let [(op, right), more @ ..] = rest else {
            return quote!(true);
        };
        if more.is_empty() {
            return self.compare_pair_with(left, left_tmp, *op, right, None);
        }
        if simple(right) {
            let pair = self.compare_pair_with(left, left_tmp, *op, right, None);
            let tail = self.compare_chain(right, None, more, simple);
            return quote!(#pair && #tail);
        }
        let id = self.namer.fresh("cmp");
        let v = self.val(right).ts;
        let pair = self.compare_pair_with(left, left_tmp, *op, right, Some(id.clone()));
        let tail = self.compare_chain(right, Some(id.clone()), more, simple);
        quote!({ let #id = #v; #pair && #tail })
    }

    fn compare_pair(&mut self, l: &Expr, op: CmpOp, r: &Expr) -> TokenStream {
        self.compare_pair_with(l, None, op, r, None)
    }

    /// One comparison; an operand already evaluated into a temporary is
    /// read from it.
    fn compare_pair_with(
        &mut self,
        l: &Expr,
        l_tmp: Option<syn::Ident>,
        op: CmpOp,
        r: &Expr,
        r_tmp: Option<syn::Ident>,
    ) -> TokenStream {
        if l_tmp.is_some() || r_tmp.is_some() {
            let sym = cmp_symbol(op);
            let side = |this: &mut Self, e: &Expr, t: Option<syn::Ident>| match t {
                Some(t) if e.ty == Ty::STR => quote!(#t.as_str()),
                Some(t) if e.ty == Ty::BYTES => quote!(#t.as_slice()),
                Some(t) => quote!(#t),
                None => this.compare_side(e, true),
            };
            let a = side(self, l, l_tmp);
            let b = side(self, r, r_tmp);
            return quote!(#a #sym #b);
        }
        if let Some(ts) = self.native_compare(l, op, r) {
            return ts;
        }
        if matches!(op, CmpOp::In | CmpOp::NotIn) {
            let needle = self.str_arg(l);
            let hay = self.receiver(r);
            return if op == CmpOp::In {
                quote!(#hay.contains(#needle))
            } else {
                quote!(!#hay.contains(#needle))
            };
        }
        let ordered = !matches!(op, CmpOp::Eq | CmpOp::NotEq);
        let a = self.compare_side(l, ordered);
        let b = self.compare_side(r, ordered);
        let sym = cmp_symbol(op);
        quote!(#a #sym #b)
    }

    /// Integers compared natively: in their own fixed type when they share
    /// it and the result is not decided by the type's limits alone (rustc
    /// warns about such comparisons), else in `i128`, which holds both.
    fn native_compare(&mut self, l: &Expr, op: CmpOp, r: &Expr) -> Option<TokenStream> {
        if !(l.ty.is_integral() && r.ty.is_integral()) || matches!(op, CmpOp::In | CmpOp::NotIn) {
            return None;
        }
        let (a, b) = (interval(l)?, interval(r)?);
        let decided = match op {
            CmpOp::Eq | CmpOp::NotEq => a.1 < b.0 || b.1 < a.0 || (a.0 == a.1 && a == b),
            CmpOp::Lt | CmpOp::GtE => a.1 < b.0 || a.0 >= b.1,
            CmpOp::LtE | CmpOp::Gt => a.1 <= b.0 || a.0 > b.1,
            CmpOp::In | CmpOp::NotIn => false,
        };
        let sym = cmp_symbol(op);
        if let (Some(k), false) = (l.ty.as_fixed().or(r.ty.as_fixed()), decided) {
            if l.ty == r.ty {
                let x = self.compare_side(l, true);
                let y = self.compare_side(r, true);
                return Some(quote!(#x #sym #y));
            }
            let _ = k;
        }
        // Prefer the fixed type the operands come from, when it holds both
        // sides and the comparison is not decided by its limits.
        let both = (a.0.min(b.0), a.1.max(b.1));
        let own = [own_fixed(l), own_fixed(r)]
            .into_iter()
            .flatten()
            .filter(|k| !decided && within(both, k.range()))
            .map(Native::Fixed);
        for want in own.chain(native_for(both)) {
            if let (Some(x), Some(y)) = (self.native_in(l, want), self.native_in(r, want)) {
                let (x, y) = (cmp_operand(x), cmp_operand(y));
                return Some(quote!(#x #sym #y));
            }
        }
        None
    }

    fn fparts(&mut self, parts: &[FPart]) -> Vec<Piece> {
        parts
            .iter()
            .map(|p| match p {
                FPart::Lit(s) => Piece::Lit(s.clone()),
                FPart::Value { expr, repr, spec } => self.fpiece(expr, *repr, spec.as_deref()),
            })
            .collect()
    }

    /// One `{}` of a format string for a Python value.
    fn fpiece(&mut self, e: &Expr, repr: bool, spec: Option<&str>) -> Piece {
        // `*args` prints as the tuple it is, not the list it is read as.
        if let Some(args) = var_tuple(self.program, e) {
            let r = self.receiver(args);
            return Piece::Arg(self.repr_of(r, args.ty));
        }
        // `str(x)` inside a format string is just `x`.
        if let (ExprKind::ToStr(inner), false, None) = (&e.kind, repr, spec) {
            return self.fpiece(inner, false, None);
        }
        if let Some(spec) = spec {
            self.uses.insert("PyFormat");
            let r = self.receiver(e);
            let at = self.at(e.span);
            return Piece::Arg(self.fallible(quote!(#r.py_format(#spec)), &at).ts);
        }
        if repr {
            self.uses.insert("PyStr");
            let r = self.receiver(e);
            return Piece::Arg(self.repr_of(r, e.ty));
        }
        match (&e.kind, e.ty) {
            (ExprKind::Str(s), _) => Piece::Lit(s.clone()),
            (ExprKind::Local(n), t) if t == Ty::STR || t.is_integral() => {
                let id = self.local(*n);
                if id.to_string().starts_with("r#") {
                    Piece::Arg(quote!(#id))
                } else {
                    Piece::Inline(id)
                }
            }
            (ExprKind::Field(..), t) if t == Ty::STR || t.is_integral() => {
                Piece::Arg(self.receiver(e))
            }
            (_, t) if t == Ty::STR || t.is_integral() => Piece::Arg(self.val(e).ts),
            (ExprKind::Local(n), Ty::PRINCIPAL) => {
                let id = self.local(*n);
                Piece::Arg(quote!(#id.to_text()))
            }
            (_, Ty::PRINCIPAL) => {
                let v = self.val(e).postfix();
                Piece::Arg(quote!(#v.to_text()))
            }
            _ => {
                let r = self.receiver(e);
                if let Some(s) = self.compound_str(r, e.ty) {
                    return Piece::Arg(s);
                }
                self.uses.insert("Py");
                let b = self.borrow(e);
                Piece::Arg(quote!(Py(#b)))
            }
        }
    }

    fn format_macro(&mut self, mac: TokenStream, pieces: Vec<Piece>) -> TokenStream {
        let mut fmt = String::new();
        let mut args = Vec::new();
        for p in pieces {
            match p {
                Piece::Lit(s) => fmt.push_str(&s.replace('{', "{{").replace('}', "}}")),
                Piece::Inline(id) => {
                    fmt.push_str(&format!("{{{}}}", id.to_string().trim_start_matches("r#")))
                }
                Piece::Arg(ts) => {
                    fmt.push_str("{}");
                    args.push(ts);
                }
            }
        }
        quote!(#mac(#fmt #(, #args)*))
    }
}

fn next(p: Prec) -> Prec {
    match p {
        Prec::Lowest => Prec::Or,
        Prec::Or => Prec::And,
        Prec::And => Prec::Compare,
        Prec::Compare => Prec::BitOr,
        Prec::BitOr => Prec::BitXor,
        Prec::BitXor => Prec::BitAnd,
        Prec::BitAnd => Prec::Shift,
        Prec::Shift => Prec::Add,
        Prec::Add => Prec::Mul,
        Prec::Mul => Prec::Cast,
        Prec::Cast => Prec::Unary,
        Prec::Unary | Prec::Postfix => Prec::Postfix,
    }
}

fn flatten_concat<'e>(e: &'e Expr, out: &mut Vec<&'e Expr>) {
    match &e.kind {
        ExprKind::Binary(BinOp::Add, l, r) if e.ty == Ty::STR => {
            flatten_concat(l, out);
            flatten_concat(r, out);
        }
        _ => out.push(e),
    }
}

/// An operand of a comparison: casts need parentheses (`a as T < b`
/// would start a generic argument list).
fn cmp_operand(r: R) -> TokenStream {
    if r.prec == Prec::Cast {
        let ts = r.ts;
        quote!((#ts))
    } else {
        r.at_least(next(Prec::Compare))
    }
}

/// The fixed-width type an integer expression's values come from.
fn own_fixed(e: &Expr) -> Option<Fixed> {
    if let Some(k) = e.ty.as_fixed() {
        return Some(k);
    }
    match &e.kind {
        ExprKind::Convert(x) => own_fixed(x),
        ExprKind::Binary(_, a, b) => own_fixed(a).or_else(|| own_fixed(b)),
        ExprKind::Unary(_, a) => own_fixed(a),
        _ => None,
    }
}

fn cmp_symbol(op: CmpOp) -> TokenStream {
    match op {
        CmpOp::Eq => quote!(==),
        CmpOp::NotEq => quote!(!=),
        CmpOp::Lt => quote!(<),
        CmpOp::LtE => quote!(<=),
        CmpOp::Gt => quote!(>),
        _ => quote!(>=),
    }
}

/// An unsuffixed integer literal (negative ones bind as a unary minus).
fn int_lit(v: i128) -> R {
    if v == i128::MIN {
        return R::atom(quote!(i128::MIN));
    }
    let lit = Literal::i128_unsuffixed(v.unsigned_abs() as i128).into_token_stream_();
    if v < 0 {
        R::new(quote!(-#lit), Prec::Unary)
    } else {
        R::atom(lit)
    }
}

pub(crate) fn unreachable_kind() -> R {
    R::atom(quote!(compile_error!(
        "kybra-aot: internal error in expression lowering"
    )))
}

/// The `*args` value `e` reads, if it is one (`Convert` of a `VarTuple`).
fn var_tuple<'e>(program: &crate::model::ir::Program, e: &'e Expr) -> Option<&'e Expr> {
    match &e.kind {
        ExprKind::Convert(inner)
            if matches!(
                program.types.kind(inner.ty),
                crate::model::TyKind::VarTuple(_)
            ) =>
        {
            Some(inner)
        }
        _ => None,
    }
}
