//! Python sets and frozensets: literals, `set(xs)`, the methods and
//! operators (`ir::Method::Union`, ...) and loops, all over
//! `runtime_lite::PySet` (a shared handle, like `Dict`).

use super::expr::R;
use super::Lower;
use crate::model::ir::{Expr, ExprKind, Method, UnaryOp};
use crate::model::Ty;
use proc_macro2::TokenStream;
use quote::quote;

/// Whether CPython's compiler folds `e` into a constant.
fn constant(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Int(_)
        | ExprKind::Float(_)
        | ExprKind::Bool(_)
        | ExprKind::Str(_)
        | ExprKind::Bytes(_)
        | ExprKind::None => true,
        ExprKind::Unary(UnaryOp::Neg, a) => matches!(a.kind, ExprKind::Int(_) | ExprKind::Float(_)),
        ExprKind::Tuple(items) => items.iter().all(constant),
        _ => false,
    }
}

impl Lower<'_> {
    /// `{a, b}` / `set()`: CPython adds the items in order, except that a
    /// literal of three or more constants copies a `frozenset` constant.
    pub(crate) fn set_literal(&mut self, items: &[Expr]) -> R {
        self.uses.insert("PySet");
        if items.is_empty() {
            return R::atom(quote!(PySet::new()));
        }
        let folded = items.len() >= 3 && items.iter().all(constant);
        let items: Vec<TokenStream> = items.iter().map(|v| self.val(v).ts).collect();
        if folded {
            R::atom(quote!(PySet::from_constants([#(#items),*])))
        } else {
            R::atom(quote!(PySet::from_items([#(#items),*])))
        }
    }

    /// A set literal that is only iterated (`for x in {1, 2, 3}`): CPython
    /// iterates its folded `frozenset` constant directly.
    pub(crate) fn iterated_set(&mut self, e: &Expr) -> Option<TokenStream> {
        let ExprKind::Set(items) = &e.kind else {
            return None;
        };
        if items.len() < 3 || !items.iter().all(constant) {
            return None;
        }
        self.uses.insert("PySet");
        let items: Vec<TokenStream> = items.iter().map(|v| self.val(v).ts).collect();
        Some(quote!(PySet::frozen_constant([#(#items),*])))
    }

    /// `set(xs)` / `frozenset(xs)` / a set comprehension (`frozen` for a
    /// `frozenset`).
    pub(crate) fn set_of(&mut self, args: &[Expr], frozen: bool) -> R {
        self.uses.insert("PySet");
        let Some(xs) = args.first() else {
            return R::atom(if frozen {
                quote!(PySet::new().into_frozen())
            } else {
                quote!(PySet::new())
            });
        };
        if self.program.types.set_item(xs.ty).is_some() {
            let s = self.receiver(xs);
            return R::atom(if frozen {
                quote!(#s.to_frozen())
            } else {
                quote!(#s.to_set())
            });
        }
        let it = self.items_iter(xs);
        R::atom(if frozen {
            quote!(PySet::from_items(#it).into_frozen())
        } else {
            quote!(PySet::from_items(#it))
        })
    }

    /// The other set of a binary method: `&other` for a set; for a list,
    /// its items (`Ok`) when the method takes them as they come.
    fn other_set(&mut self, other: &Expr) -> Result<TokenStream, TokenStream> {
        if self.program.types.set_item(other.ty).is_some() {
            Ok(self.borrow(other))
        } else {
            Err(self.items_iter(other))
        }
    }

    pub(crate) fn set_method(
        &mut self,
        m: Method,
        r: TokenStream,
        rest: &[Expr],
        ty: Ty,
        at: &str,
    ) -> R {
        match (m, rest) {
            (Method::SetToList, []) => self.fresh_list(quote!(#r.to_vec()), ty),
            (Method::SetAdd, [x]) => {
                let x = self.val(x).ts;
                R::atom(quote!(#r.add(#x)))
            }
            (Method::SetDiscard, [x]) => {
                let x = self.elem_arg(x);
                R::atom(quote!(#r.discard(#x)))
            }
            (Method::SetRemove, [x]) => {
                let x = self.elem_arg(x);
                self.fallible(quote!(#r.remove(#x)), at)
            }
            (Method::SetPop, []) => self.fallible(quote!(#r.pop()), at),
            (Method::SetCopy, []) => R::atom(quote!(#r.copy())),
            (_, [other]) => {
                let o = self.other_set(other);
                R::atom(match (m, o) {
                    (Method::SetUpdate, Ok(o)) => quote!(#r.update(#o)),
                    (Method::SetUpdate, Err(it)) => quote!(#r.extend(#it)),
                    (Method::Union, Ok(o)) => quote!(#r.union(#o)),
                    (Method::Union, Err(it)) => quote!(#r.union_items(#it)),
                    (Method::Intersection, Ok(o)) => quote!(#r.intersection(#o)),
                    (Method::Intersection, Err(it)) => quote!(#r.intersection_items(#it)),
                    (Method::Difference, Ok(o)) => quote!(#r.difference(#o)),
                    (Method::Difference, Err(it)) => quote!(#r.difference_items(#it)),
                    (Method::DifferenceUpdate, Ok(o)) => quote!(#r.difference_update(#o)),
                    (Method::DifferenceUpdate, Err(it)) => {
                        quote!(#r.difference_update_items(#it))
                    }
                    (m, o) => {
                        // The rest treat an iterable as the set of its items.
                        let o = o.unwrap_or_else(|it| quote!(&PySet::from_items(#it)));
                        match m {
                            Method::SymmetricDifference => quote!(#r.symmetric_difference(#o)),
                            Method::IntersectionUpdate => quote!(#r.intersection_update(#o)),
                            Method::SymmetricDifferenceUpdate => {
                                quote!(#r.symmetric_difference_update(#o))
                            }
                            Method::IsSubset => quote!(#r.issubset(#o)),
                            Method::IsSuperset => quote!(#r.issuperset(#o)),
                            Method::IsProperSubset => quote!(#r.is_proper_subset(#o)),
                            Method::IsProperSuperset => quote!(#r.is_proper_superset(#o)),
                            _ => quote!(#r.isdisjoint(#o)),
                        }
                    }
                })
            }
            _ => R::atom(quote!(compile_error!(
                "kybra-aot: a set method with these arguments"
            ))),
        }
    }
}
