//! Lowering of Candid references and leaf types: `Func` aliases become
//! `candid::define_function!` newtypes (their `CandidType` is the exact
//! `func` type, so the wire type matches the `.did`), Service classes
//! `candid::define_service!` newtypes over the principal, `reserved`
//! `candid::Reserved`, `empty` `runtime_lite::principal::Empty`, and the
//! Principal/Func/Service operations of `ExprKind::Ref`.

use super::expr::R;
use super::Lower;
use crate::model::ir::{DefKind, Expr, ExprKind, Program, RefOp};
use crate::model::ty::FuncMode;
use crate::model::{CandidKind, CandidTy, DefId, Ty};
use proc_macro2::TokenStream;
use quote::quote;

/// The alias whose Rust newtype stands for the func type `c`: the first
/// alias defined as exactly that type (the checker creates func types only
/// through aliases).
pub(crate) fn func_owner(program: &Program, c: CandidTy) -> Option<DefId> {
    program
        .defs
        .iter()
        .position(|d| matches!(d.kind, DefKind::Alias(t) if t == c))
        .map(|i| DefId(i as u32))
}

/// Whether definition `id` is emitted as a reference newtype (a Service,
/// or the owner alias of a func type): such items are `pub`, so always
/// emitted without warnings.
pub(crate) fn is_ref_item(program: &Program, id: DefId) -> bool {
    match &program.def(id).kind {
        DefKind::Service(_) => true,
        DefKind::Alias(t) => {
            matches!(program.types.candid_kind(*t), CandidKind::Func { .. })
                && func_owner(program, *t) == Some(id)
        }
        _ => false,
    }
}

impl Lower<'_> {
    /// The Rust type of the func type `c`.
    pub(crate) fn func_ty(&self, c: CandidTy) -> TokenStream {
        match func_owner(self.program, c) {
            Some(d) => {
                let name = self.type_name(d);
                quote!(#name)
            }
            None => quote!(compile_error!("kybra-aot: a func type without an alias")),
        }
    }

    /// The item of a reference definition (see [`is_ref_item`]).
    pub(crate) fn ref_type_def(&mut self, id: DefId) -> Option<TokenStream> {
        let name = self.type_name(id);
        match self.program.def(id).kind.clone() {
            DefKind::Service(methods) => {
                let methods: Vec<TokenStream> = methods
                    .iter()
                    .map(|m| {
                        let sig = self.func_signature(m.ty);
                        let n = &m.name;
                        quote!(#n : candid::func!(#sig))
                    })
                    .collect();
                Some(quote! { candid::define_service!(pub #name : { #(#methods);* }); })
            }
            DefKind::Alias(t) if is_ref_item(self.program, id) => {
                let sig = self.func_signature(t);
                Some(quote! { candid::define_function!(pub #name : #sig); })
            }
            _ => None,
        }
    }

    /// `(A, B) -> (R) query` for `candid::func!`.
    fn func_signature(&mut self, c: CandidTy) -> TokenStream {
        let CandidKind::Func { mode, args, rets } = self.program.types.candid_kind(c).clone()
        else {
            return quote!(() -> ());
        };
        let args: Vec<TokenStream> = args.into_iter().map(|t| self.ref_member_ty(t)).collect();
        let rets: Vec<TokenStream> = rets.into_iter().map(|t| self.ref_member_ty(t)).collect();
        let mode = match mode {
            FuncMode::Query => quote!(query),
            FuncMode::Update => quote!(),
            FuncMode::Oneway => quote!(oneway),
        };
        quote!((#(#args),*) -> (#(#rets),*) #mode)
    }

    /// A parameter or result type of a func: any Candid type (`nat` and
    /// `int` too, as Candid values; Python never holds them).
    fn ref_member_ty(&mut self, c: CandidTy) -> TokenStream {
        match self.program.types.candid_kind(c) {
            CandidKind::Nat => quote!(candid::Nat),
            CandidKind::Int => quote!(candid::Int),
            _ => self.candid_member_ty(c),
        }
    }

    /// An `empty` value where another type is expected: a call of a
    /// function returning `empty` is Rust's `!` (which fits anywhere), any
    /// other such value a `runtime_lite::principal::Empty`, matched.
    pub(crate) fn never_value(&mut self, inner: &Expr) -> R {
        if matches!(inner.kind, ExprKind::Call(..)) {
            return self.val(inner);
        }
        let v = self.val(inner).ts;
        R::atom(quote!(match #v {}))
    }

    /// A value converted to `reserved`: evaluated, then dropped.
    pub(crate) fn reserved_value(&mut self, inner: &Expr) -> R {
        let literal = matches!(
            inner.kind,
            ExprKind::Int(_)
                | ExprKind::Float(_)
                | ExprKind::Bool(_)
                | ExprKind::Str(_)
                | ExprKind::Bytes(_)
                | ExprKind::None
        );
        if literal {
            return R::atom(quote!(candid::Reserved));
        }
        let v = self.val(inner).ts;
        R::atom(quote!({
            let _ = #v;
            candid::Reserved
        }))
    }

    /// An operation on Principal, Func or Service values.
    pub(crate) fn ref_op(&mut self, op: RefOp, args: &[Expr], e: &Expr) -> R {
        match (op, args) {
            (RefOp::PrincipalFromStr | RefOp::PrincipalFromHex, [s]) => {
                let at = self.at(e.span);
                let s = self.str_arg(s);
                let f = if op == RefOp::PrincipalFromStr {
                    quote!(from_str)
                } else {
                    quote!(from_hex)
                };
                self.fallible(quote!(runtime_lite::principal::#f(#s)), &at)
            }
            (RefOp::PrincipalFromBytes, [b]) => {
                let at = self.at(e.span);
                let b = self.bytes_ref(b);
                self.fallible(quote!(runtime_lite::principal::from_bytes(#b)), &at)
            }
            (RefOp::PrincipalSelfAuthenticating, [k]) => {
                let k = self.bytes_ref(k);
                R::atom(quote!(runtime_lite::principal::self_authenticating(#k)))
            }
            (RefOp::PrincipalAnonymous, []) => {
                self.uses.insert("Principal");
                R::atom(quote!(Principal::anonymous()))
            }
            (RefOp::PrincipalManagement, []) => {
                self.uses.insert("Principal");
                R::atom(quote!(Principal::management_canister()))
            }
            (RefOp::PrincipalToStr, [p]) => {
                let p = self.receiver(p);
                R::atom(quote!(#p.to_text()))
            }
            (RefOp::PrincipalHex, [p]) => {
                let p = self.val(p).ts;
                R::atom(quote!(runtime_lite::principal::hex(#p)))
            }
            (RefOp::PrincipalBytes, [p]) => {
                let p = self.receiver(p);
                R::atom(quote!(#p.as_slice().to_vec()))
            }
            (RefOp::FuncNew, [p, m]) => {
                let ty = match self.program.types.kind(e.ty) {
                    crate::model::TyKind::Func(c) => self.func_ty(*c),
                    _ => return super::expr::unreachable_kind(),
                };
                let p = self.val(p).ts;
                let m = self.val(m).ts;
                R::atom(quote!(#ty::new(#p, #m)))
            }
            (RefOp::FuncPrincipal | RefOp::ServiceCanisterId, [f]) => {
                let f = self.receiver(f);
                R::atom(quote!(#f.0.principal))
            }
            (RefOp::FuncMethod, [f]) => {
                let f = self.receiver(f);
                R::atom(quote!(#f.0.method.clone()))
            }
            (RefOp::ServiceNew, [p]) => {
                let ty = self.rust_ty(e.ty);
                let p = self.val(p).ts;
                R::atom(quote!(#ty::new(#p)))
            }
            _ => super::expr::unreachable_kind(),
        }
    }
}

/// A call of a function returning `empty` (Rust `!`), possibly converted.
pub(crate) fn never_returns(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Call(..) => e.ty == Ty::NEVER,
        ExprKind::Convert(inner) => never_returns(inner),
        _ => false,
    }
}

/// The Rust types of `reserved` and `empty` values.
pub(crate) fn leaf_ty(t: Ty) -> Option<TokenStream> {
    match t {
        Ty::RESERVED => Some(quote!(candid::Reserved)),
        Ty::NEVER => Some(quote!(runtime_lite::principal::Empty)),
        _ => None,
    }
}
