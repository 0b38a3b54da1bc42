//! `str()` and `repr()` of compound values, as Python prints them: a Record
//! is a dict (`{'name': 'x', 'age': 3}`), a Variant a one-entry dict
//! (`{'Ok': 5}`), `Vec`s lists, `Opt` the value or `None`.
//!
//! What is printed depends on the Python type, not the Rust one (a
//! `list[nat8]` and a `bytes` are both `Vec<u8>`), so the code is generated
//! from the Python type. Records and Variants that a program prints get a
//! `PyStr` impl (`printed_defs` finds them).

use super::Lower;
use crate::model::ir::{DefKind, ExprKind, FPart, Program};
use crate::model::visit::each_expr;
use crate::model::{DefId, Ty, TyKind};
use proc_macro2::TokenStream;
use quote::quote;
use std::collections::BTreeSet;

/// Whether Python prints `t` with the runtime's own `PyStr` impl.
fn is_leaf(program: &Program, t: Ty) -> bool {
    t.is_numeric()
        || matches!(
            t,
            Ty::BOOL
                | Ty::STR
                | Ty::BYTES
                | Ty::NONE
                | Ty::PRINCIPAL
                | Ty::NAT
                | Ty::RESERVED
                | Ty::EXCEPTION
                | Ty::EXC_ARGS
                | Ty::NUM
        )
        || matches!(program.types.kind(t), TyKind::Nominal(_))
}

/// The Record and Variant definitions whose values some code prints,
/// including those reached through the fields of printed values.
pub(crate) fn printed_defs(program: &Program) -> BTreeSet<DefId> {
    let mut roots = Vec::new();
    for f in &program.functions {
        each_expr(&f.body, &mut |e| match &e.kind {
            ExprKind::ToStr(v) | ExprKind::Print(v, _) => roots.push(v.ty),
            // `list.index(x)` names a missing `x` in its error.
            ExprKind::Method(crate::model::ir::Method::Index, args) if args.len() == 2 => {
                roots.push(args[1].ty)
            }
            ExprKind::FString(parts) => {
                for p in parts {
                    if let FPart::Value { expr, .. } = p {
                        roots.push(expr.ty);
                    }
                }
            }
            _ => {}
        });
    }
    let mut out = BTreeSet::new();
    let mut seen = BTreeSet::new();
    while let Some(t) = roots.pop() {
        if !seen.insert(t) {
            continue;
        }
        match program.types.kind(t) {
            TyKind::Opt(x) | TyKind::List(x) | TyKind::Set(x) | TyKind::FrozenSet(x) => {
                roots.push(*x)
            }
            TyKind::Dict(k, v) => roots.extend([*k, *v]),
            TyKind::Tuple(items) => roots.extend(items.iter().copied()),
            TyKind::Nominal(d) => {
                let members = match &program.def(*d).kind {
                    DefKind::Record(fields) | DefKind::Variant(fields) => {
                        fields.iter().map(|f| f.ty).collect()
                    }
                    DefKind::Alias(_) => program.tuple_alias(*d).unwrap_or_default().to_vec(),
                    _ => Vec::new(),
                };
                if !members.is_empty() {
                    out.insert(*d);
                    for c in members {
                        if let Some(m) = program.types.find_member_ty(c) {
                            roots.push(m);
                        }
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// Whether `v` is a path (`x`, `x.0`, `self.items`): reading it twice
/// computes nothing twice.
fn is_place(v: &TokenStream) -> bool {
    v.clone().into_iter().all(|t| match t {
        proc_macro2::TokenTree::Ident(_) | proc_macro2::TokenTree::Literal(_) => true,
        proc_macro2::TokenTree::Punct(p) => p.as_char() == '.',
        proc_macro2::TokenTree::Group(_) => false,
    })
}

impl Lower<'_> {
    /// A `String` expression: Python's `repr` of the value `v` (an
    /// expression of the Rust type of `t`, or a reference to one).
    pub(crate) fn repr_of(&mut self, v: TokenStream, t: Ty) -> TokenStream {
        if is_leaf(self.program, t) {
            self.uses.insert("PyStr");
            return quote!(#v.py_repr());
        }
        match self.program.types.kind(t).clone() {
            TyKind::Opt(x) => {
                let inner = self.repr_of(quote!(x), x);
                quote!(match &#v { Some(x) => #inner, None => String::from("None") })
            }
            TyKind::List(x) => {
                self.uses.insert("repr_items");
                let item = self.repr_of(quote!(x), x);
                if self.is_shared(t) {
                    quote!(repr_items("[", "]", #v.to_vec().iter().map(|x| #item)))
                } else {
                    quote!(repr_items("[", "]", #v.iter().map(|x| #item)))
                }
            }
            TyKind::Set(x) | TyKind::FrozenSet(x) if is_leaf(self.program, x) => {
                self.uses.insert("PyStr");
                quote!(#v.py_repr())
            }
            TyKind::Set(x) | TyKind::FrozenSet(x) => {
                let item = self.repr_of(quote!(x), x);
                quote!(#v.repr_with(|x| #item))
            }
            TyKind::Dict(k, x) => {
                self.uses.insert("repr_items");
                let key = self.repr_of(quote!(k), k);
                let value = self.repr_of(quote!(v), x);
                quote!(repr_items("{", "}", #v.items().iter().map(|(k, v)| format!("{}: {}", #key, #value))))
            }
            TyKind::VarTuple(x) => {
                self.uses.insert("repr_items");
                let item = self.repr_of(quote!(x), x);
                quote!({
                    let t = &#v;
                    if t.len() == 1 {
                        format!("({},)", t.iter().map(|x| #item).collect::<String>())
                    } else {
                        repr_items("(", ")", t.iter().map(|x| #item))
                    }
                })
            }
            TyKind::Tuple(items) => {
                // A computed tuple is computed once, not once per item.
                let bind = items.len() > 1 && !is_place(&v);
                let t = if bind { quote!(t) } else { v.clone() };
                let parts: Vec<TokenStream> = items
                    .iter()
                    .enumerate()
                    .map(|(i, x)| {
                        let index = syn::Index::from(i);
                        self.repr_of(quote!(#t.#index), *x)
                    })
                    .collect();
                let fmt = match parts.len() {
                    0 => "()".to_string(),
                    1 => "({},)".to_string(),
                    n => format!("({})", vec!["{}"; n].join(", ")),
                };
                let text = quote!(format!(#fmt #(, #parts)*));
                if bind {
                    quote!({
                        let t = &#v;
                        #text
                    })
                } else {
                    text
                }
            }
            // The checker lets nothing else be printed.
            _ => quote!(String::from("?")),
        }
    }

    /// A `String` expression: Python's `str` of `v` when `t` is compound
    /// (`None` for types whose `PyStr` impl already prints `str`).
    pub(crate) fn compound_str(&mut self, v: TokenStream, t: Ty) -> Option<TokenStream> {
        if is_leaf(self.program, t) {
            return None;
        }
        Some(match self.program.types.kind(t).clone() {
            TyKind::Opt(x) => {
                let inner = self
                    .compound_str(quote!(x), x)
                    .unwrap_or_else(|| quote!(x.py_str()));
                self.uses.insert("PyStr");
                quote!(match &#v { Some(x) => #inner, None => String::from("None") })
            }
            _ => self.repr_of(v, t),
        })
    }

    /// `impl PyStr` for a printed Record or Variant.
    pub(crate) fn repr_impl(&mut self, id: DefId) -> TokenStream {
        self.uses.insert("PyStr");
        let name = self.type_name(id);
        let def = self.program.def(id);
        let body = match &def.kind {
            DefKind::Record(fields) => {
                let mut fmt = String::from("{{");
                let mut args = Vec::new();
                for (i, f) in fields.iter().enumerate() {
                    let (member, _) = self.member(id, i);
                    let ty = self.program.types.find_member_ty(f.ty).unwrap_or(Ty::NONE);
                    if i > 0 {
                        fmt.push_str(", ");
                    }
                    fmt.push_str(&format!("{}: {{}}", py_str_literal(&f.name)));
                    args.push(self.repr_of(quote!(self.#member), ty));
                }
                fmt.push_str("}}");
                quote!(format!(#fmt #(, #args)*))
            }
            DefKind::Variant(tags) => {
                let arms: Vec<TokenStream> = tags
                    .iter()
                    .enumerate()
                    .map(|(i, f)| {
                        let (member, _) = self.member(id, i);
                        // Keys are identifiers: no braces to escape.
                        let key = py_str_literal(&f.name);
                        if self.tag_is_null(id, i) {
                            let text = format!("{{{key}: None}}");
                            quote!(#name::#member => String::from(#text))
                        } else {
                            let ty = self.program.types.find_member_ty(f.ty).unwrap_or(Ty::NONE);
                            let value = self.repr_of(quote!(value), ty);
                            let fmt = format!("{{{{{key}: {{}}}}}}");
                            quote!(#name::#member(value) => format!(#fmt, #value))
                        }
                    })
                    .collect();
                quote!(match self { #(#arms),* })
            }
            DefKind::Alias(_) if self.program.tuple_alias(id).is_some() => {
                let items = self.program.tuple_alias(id).unwrap_or_default().to_vec();
                let parts: Vec<TokenStream> = items
                    .iter()
                    .enumerate()
                    .map(|(i, c)| {
                        let index = syn::Index::from(i);
                        let ty = self.program.types.find_member_ty(*c).unwrap_or(Ty::NONE);
                        // A boxed item reads through its box.
                        let boxed = self.member_boxed(id, i);
                        let place = if boxed {
                            quote!((*self.#index))
                        } else {
                            quote!(self.#index)
                        };
                        self.repr_of(place, ty)
                    })
                    .collect();
                let fmt = format!("({})", vec!["{}"; parts.len()].join(", "));
                quote!(format!(#fmt #(, #parts)*))
            }
            DefKind::Alias(_) | DefKind::Service(_) | DefKind::Exception(_) | DefKind::Class(_) => {
                return TokenStream::new()
            }
        };
        quote! {
            impl PyStr for #name {
                fn py_str(&self) -> String {
                    self.py_repr()
                }
                fn py_repr(&self) -> String {
                    #body
                }
            }
        }
    }
}

/// A Python string literal as `repr` prints it (keys are identifiers, so
/// single quotes always work).
fn py_str_literal(s: &str) -> String {
    format!("'{s}'")
}
