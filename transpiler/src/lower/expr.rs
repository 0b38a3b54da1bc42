//! Expression lowering with Rust operator precedence.

use super::{fixed_ty, IntoTs, Lower};
use crate::model::ir::{BinOp, CmpOp, Expr, ExprKind, FPart, IcCall, UnaryOp};
use crate::model::{CandidTy, Fixed, Ty};
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
    fn new(ts: TokenStream, prec: Prec) -> Self {
        R { ts, prec }
    }

    fn atom(ts: TokenStream) -> Self {
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
    let (inf, nan, lit) = if ty == Ty::Float32 {
        (
            quote!(f32::INFINITY),
            quote!(f32::NAN),
            if suffixed {
                Literal::f32_suffixed(f as f32)
            } else {
                Literal::f32_unsuffixed(f as f32)
            },
        )
    } else {
        (
            quote!(f64::INFINITY),
            quote!(f64::NAN),
            if suffixed {
                Literal::f64_suffixed(f)
            } else {
                Literal::f64_unsuffixed(f)
            },
        )
    };
    if f.is_nan() {
        nan
    } else if f.is_infinite() {
        if f > 0.0 {
            inf
        } else {
            quote!(-#inf)
        }
    } else {
        lit.into_token_stream_()
    }
}

/// Pieces of a `format!` call.
enum Piece {
    Lit(String),
    Arg(TokenStream),
    Inline(syn::Ident),
}

impl Lower {
    /// An owned value of the expression's Python type.
    pub(crate) fn val(&mut self, e: &Expr) -> R {
        let at = e.at.as_str();
        match &e.kind {
            ExprKind::Int(i) => match e.ty {
                Ty::Fixed(k) => {
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
            ExprKind::None => R::atom(quote!(())),
            ExprKind::Local(n) => {
                let id = self.local(n);
                if e.ty.is_copy() || self.single_use.contains(n) {
                    R::atom(quote!(#id))
                } else {
                    R::atom(quote!(#id.clone()))
                }
            }
            ExprKind::Global(g) => {
                let id = self.global(g);
                if e.ty.is_copy() {
                    R::atom(quote!(#id.get()))
                } else {
                    R::atom(quote!(#id.with_borrow(Clone::clone)))
                }
            }
            ExprKind::Convert(inner) => self.convert(inner, e.ty, at),
            ExprKind::ToCandid(inner, t) => match t {
                CandidTy::Nat => {
                    self.uses.insert("OrRaise");
                    let v = self.receiver(inner);
                    R::atom(quote!(#v.to_candid_nat().or_raise(#at)))
                }
                CandidTy::Int => {
                    let v = self.receiver(inner);
                    R::atom(quote!(#v.to_candid_int()))
                }
                _ => self.val(inner),
            },
            ExprKind::FromCandid(inner, _) => {
                self.uses.insert("Int");
                let v = self.val(inner).ts;
                R::atom(quote!(Int::from(#v)))
            }
            ExprKind::Binary(op, l, r) => self.binary(*op, l, r, e.ty, at),
            ExprKind::Unary(op, v) => self.unary(*op, v, at),
            ExprKind::Not(v) => {
                let v = self.val(v).at_least(Prec::Unary);
                R::new(quote!(!#v), Prec::Unary)
            }
            ExprKind::Truthy(v) => self.truthy(v),
            ExprKind::Compare(first, rest) => self.compare(first, rest),
            ExprKind::And(l, r) | ExprKind::Or(l, r) if e.ty == Ty::Bool => {
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
            ExprKind::And(l, r) | ExprKind::Or(l, r) => {
                // Python returns an operand: `a and b` is `b if a else a`.
                let is_and = matches!(e.kind, ExprKind::And(..));
                let lv = self.val(l).ts;
                let rv = self.val(r).ts;
                let probe = Expr::new(l.ty, ExprKind::Local("__lhs".into()), at);
                let t = self.truthy_of(&probe);
                if is_and {
                    R::atom(quote!({ let __lhs = #lv; if #t { #rv } else { __lhs } }))
                } else {
                    R::atom(quote!({ let __lhs = #lv; if #t { __lhs } else { #rv } }))
                }
            }
            ExprKind::IfExp { cond, then, orelse } => {
                let c = self.val(cond).ts;
                let t = self.val(then).ts;
                let o = self.val(orelse).ts;
                R::new(quote!(if #c { #t } else { #o }), Prec::Lowest)
            }
            ExprKind::Call(name, args) => {
                let f = super::names::ident(name);
                let args: Vec<TokenStream> = args.iter().map(|a| self.val(a).ts).collect();
                R::atom(quote!(#f(#(#args),*)))
            }
            ExprKind::Len(v) => {
                self.uses.insert("text");
                let r = self.borrow(v);
                if v.ty == Ty::Bytes {
                    R::atom(quote!(text::bytes_len(#r)))
                } else {
                    R::atom(quote!(text::len(#r)))
                }
            }
            ExprKind::ToStr(v) => match v.ty {
                Ty::Int | Ty::Fixed(_) => {
                    let r = self.receiver(v);
                    R::atom(quote!(#r.to_string()))
                }
                Ty::Principal => {
                    let r = self.receiver(v);
                    R::atom(quote!(#r.to_text()))
                }
                _ => {
                    self.uses.insert("PyStr");
                    let r = self.receiver(v);
                    R::atom(quote!(#r.py_str()))
                }
            },
            ExprKind::FString(parts) => {
                let pieces = self.fparts(parts);
                R::atom(self.format_macro(quote!(format!), pieces))
            }
            ExprKind::Print(v) => {
                let pieces = match &v.kind {
                    ExprKind::FString(parts) => self.fparts(parts),
                    _ => vec![self.fpiece(v, false, None)],
                };
                R::atom(self.format_macro(quote!(ic_cdk::println!), pieces))
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
        }
    }

    /// An expression usable as a method receiver (places stay places).
    pub(crate) fn receiver(&mut self, e: &Expr) -> TokenStream {
        match &e.kind {
            ExprKind::Local(n) => {
                let id = self.local(n);
                quote!(#id)
            }
            ExprKind::Int(i) => {
                if let Ty::Fixed(k) = e.ty {
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
    fn borrow(&mut self, e: &Expr) -> TokenStream {
        match &e.kind {
            ExprKind::Local(n) => {
                let id = self.local(n);
                quote!(&#id)
            }
            ExprKind::Str(s) => quote!(#s),
            _ => {
                let v = self.val(e).at_least(Prec::Unary);
                quote!(&#v)
            }
        }
    }

    /// `&str`-compatible argument for a `str` value.
    pub(crate) fn str_arg(&mut self, e: &Expr) -> TokenStream {
        self.borrow(e)
    }

    /// A `&[u8]` expression for a `bytes` value.
    fn bytes_slice(&mut self, e: &Expr) -> TokenStream {
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
                let id = self.local(n);
                quote!(&#id)
            }
            _ => self.val(e).at_least(Prec::Unary),
        }
    }

    fn convert(&mut self, inner: &Expr, to: Ty, at: &str) -> R {
        let from = inner.ty;
        match (from, to) {
            (Ty::Int, Ty::Fixed(k)) => {
                self.uses.insert("OrRaise");
                let t = fixed_ty(k);
                let v = self.receiver(inner);
                R::atom(quote!(#v.to_fixed::<#t>().or_raise(#at)))
            }
            (Ty::Int, Ty::Float64 | Ty::Float32) => {
                self.uses.insert("OrRaise");
                let v = self.receiver(inner);
                if to == Ty::Float32 {
                    R::new(quote!(#v.to_f64().or_raise(#at) as f32), Prec::Cast)
                } else {
                    R::atom(quote!(#v.to_f64().or_raise(#at)))
                }
            }
            (Ty::Fixed(_) | Ty::Bool, Ty::Int) => {
                self.uses.insert("Int");
                let v = self.val(inner).ts;
                R::atom(quote!(Int::from(#v)))
            }
            (Ty::Fixed(a), Ty::Fixed(k)) if crate::check::contains(k, a) => {
                let t = fixed_ty(k);
                let v = self.val(inner).ts;
                R::atom(quote!(#t::from(#v)))
            }
            (Ty::Fixed(_), Ty::Fixed(k)) => {
                self.uses.insert("Int");
                self.uses.insert("OrRaise");
                let t = fixed_ty(k);
                let v = self.val(inner).ts;
                R::atom(quote!(Int::from(#v).to_fixed::<#t>().or_raise(#at)))
            }
            (Ty::Fixed(_), Ty::Float64)
            | (Ty::Float64, Ty::Float32)
            | (Ty::Fixed(_), Ty::Float32) => {
                let t = if to == Ty::Float32 {
                    quote!(f32)
                } else {
                    quote!(f64)
                };
                let v = self.val(inner).at_least(Prec::Cast);
                R::new(quote!(#v as #t), Prec::Cast)
            }
            (Ty::Float32, Ty::Float64) => {
                let v = self.val(inner).ts;
                R::atom(quote!(f64::from(#v)))
            }
            _ => self.val(inner),
        }
    }

    fn unary(&mut self, op: UnaryOp, v: &Expr, at: &str) -> R {
        match (v.ty, op) {
            (Ty::Int, UnaryOp::Neg) => {
                let o = self.int_operand(v);
                R::new(quote!(-#o), Prec::Unary)
            }
            (Ty::Int, UnaryOp::Invert) => {
                let o = self.int_operand(v);
                R::new(quote!(!#o), Prec::Unary)
            }
            (Ty::Fixed(_), UnaryOp::Neg) => {
                self.uses.insert("FixedInt");
                self.uses.insert("OrRaise");
                let r = self.receiver(v);
                R::atom(quote!(#r.py_neg().or_raise(#at)))
            }
            (Ty::Fixed(_), UnaryOp::Invert) => {
                let o = self.val(v).at_least(Prec::Unary);
                R::new(quote!(!#o), Prec::Unary)
            }
            _ => {
                let o = self.val(v).at_least(Prec::Unary);
                R::new(quote!(-#o), Prec::Unary)
            }
        }
    }

    fn binary(&mut self, op: BinOp, l: &Expr, r: &Expr, ty: Ty, at: &str) -> R {
        let operand_ty = l.ty;
        match operand_ty {
            Ty::Str if op == BinOp::Add => {
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
            Ty::Str => {
                // str * int
                self.uses.insert("text");
                let s = self.str_arg(l);
                let n = self.borrow(r);
                R::atom(quote!(text::repeat(#s, #n)))
            }
            Ty::Bytes => {
                let a = self.bytes_slice(l);
                let b = self.bytes_slice(r);
                R::atom(quote!([#a, #b].concat()))
            }
            Ty::Int => {
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
                self.uses.insert("OrRaise");
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
                R::atom(quote!(#a.#method(#b).or_raise(#at)))
            }
            Ty::Fixed(_) => {
                self.uses.insert("FixedInt");
                self.uses.insert("OrRaise");
                let method = match op {
                    BinOp::Add => quote!(py_add),
                    BinOp::Sub => quote!(py_sub),
                    BinOp::Mul => quote!(py_mul),
                    BinOp::Div => quote!(py_truediv),
                    BinOp::FloorDiv => quote!(py_floordiv),
                    BinOp::Mod => quote!(py_mod),
                    BinOp::Pow => quote!(py_pow),
                    BinOp::Shl => quote!(py_shl),
                    BinOp::Shr => quote!(py_shr),
                    BinOp::BitAnd | BinOp::BitOr | BinOp::BitXor => {
                        let (sym, p) = match op {
                            BinOp::BitAnd => (quote!(&), Prec::BitAnd),
                            BinOp::BitOr => (quote!(|), Prec::BitOr),
                            _ => (quote!(^), Prec::BitXor),
                        };
                        let a = self.val(l).at_least(p);
                        let b = self.val(r).at_least(next(p));
                        return R::new(quote!(#a #sym #b), p);
                    }
                };
                let a = self.receiver(l);
                let b = self.val(r).ts;
                R::atom(quote!(#a.#method(#b).or_raise(#at)))
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
                self.uses.insert("OrRaise");
                let f = match op {
                    BinOp::Div => quote!(div),
                    BinOp::FloorDiv => quote!(floor_div),
                    BinOp::Mod => quote!(modulo),
                    _ => quote!(pow),
                };
                let a = self.val(l).ts;
                let b = self.val(r).ts;
                R::atom(quote!(float::#f(#a, #b).or_raise(#at)))
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
            Ty::Bool => self.val(v).ts,
            Ty::Int => {
                let r = self.receiver(v);
                quote!(!#r.is_zero())
            }
            Ty::Fixed(_) => {
                let r = self.val(v).at_least(next(Prec::Compare));
                quote!(#r != 0)
            }
            Ty::Float64 | Ty::Float32 => {
                let r = self.val(v).at_least(next(Prec::Compare));
                quote!(#r != 0.0)
            }
            Ty::Str | Ty::Bytes => {
                let r = self.receiver(v);
                quote!(!#r.is_empty())
            }
            Ty::None => quote!(false),
            Ty::Principal => quote!(true),
        }
    }

    fn compare_side(&mut self, e: &Expr, ordered: bool) -> TokenStream {
        match (&e.kind, e.ty) {
            (ExprKind::Local(n), _) => {
                let id = self.local(n);
                if ordered && e.ty == Ty::Str {
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
            (_, Ty::Str) if ordered => {
                let v = self.val(e).postfix();
                quote!(#v.as_str())
            }
            (_, Ty::Bytes) => {
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
            // Evaluate each middle operand once, in order.
            let mut lets = Vec::new();
            let mut terms = Vec::new();
            let mut left = first.clone();
            for (i, (op, right)) in rest.iter().enumerate() {
                let right = if i + 1 < rest.len() && !simple(right) {
                    let name = format!("__cmp{i}");
                    let v = self.val(right).ts;
                    let id = quote::format_ident!("{}", name);
                    lets.push(quote!(let #id = #v;));
                    Expr::new(right.ty, ExprKind::Local(name), &right.at)
                } else {
                    right.clone()
                };
                terms.push(self.compare_pair(&left, *op, &right));
                left = right;
            }
            return R::atom(quote!({ #(#lets)* #(#terms)&&* }));
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

    fn compare_pair(&mut self, l: &Expr, op: CmpOp, r: &Expr) -> TokenStream {
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
        let sym = match op {
            CmpOp::Eq => quote!(==),
            CmpOp::NotEq => quote!(!=),
            CmpOp::Lt => quote!(<),
            CmpOp::LtE => quote!(<=),
            CmpOp::Gt => quote!(>),
            _ => quote!(>=),
        };
        quote!(#a #sym #b)
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
        // `str(x)` inside a format string is just `x`.
        if let (ExprKind::ToStr(inner), false, None) = (&e.kind, repr, spec) {
            return self.fpiece(inner, false, None);
        }
        if let Some(spec) = spec {
            self.uses.insert("PyFormat");
            self.uses.insert("OrRaise");
            let r = self.receiver(e);
            let at = &e.at;
            return Piece::Arg(quote!(#r.py_format(#spec).or_raise(#at)));
        }
        if repr {
            self.uses.insert("PyStr");
            let r = self.receiver(e);
            return Piece::Arg(quote!(#r.py_repr()));
        }
        match (&e.kind, e.ty) {
            (ExprKind::Str(s), _) => Piece::Lit(s.clone()),
            (ExprKind::Local(n), Ty::Str | Ty::Int | Ty::Fixed(_)) => {
                let id = self.local(n);
                if id.to_string().starts_with("r#") {
                    Piece::Arg(quote!(#id))
                } else {
                    Piece::Inline(id)
                }
            }
            (_, Ty::Str | Ty::Int | Ty::Fixed(_)) => Piece::Arg(self.val(e).ts),
            (ExprKind::Local(n), Ty::Principal) => {
                let id = self.local(n);
                Piece::Arg(quote!(#id.to_text()))
            }
            (_, Ty::Principal) => {
                let v = self.val(e).postfix();
                Piece::Arg(quote!(#v.to_text()))
            }
            _ => {
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
        ExprKind::Binary(BinOp::Add, l, r) if e.ty == Ty::Str => {
            flatten_concat(l, out);
            flatten_concat(r, out);
        }
        _ => out.push(e),
    }
}
