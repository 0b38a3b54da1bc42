//! List comprehensions, `map(lambda ...)` and `[*xs, y]`: iterator chains
//! collected into a new list.

use super::expr::R;
use super::matching::{Bound, BoundRead};
use super::Lower;
use crate::model::ir::{Expr, ExprKind, Method};
use crate::model::{Ty, TyKind};
use proc_macro2::TokenStream;
use quote::quote;

impl Lower<'_> {
    /// An iterator over the items of `iter` (a list, a dict's keys), each
    /// an owned value.
    pub(crate) fn items_iter(&mut self, iter: &Expr) -> TokenStream {
        let fresh = matches!(
            &iter.kind,
            ExprKind::Method(Method::Keys | Method::Values | Method::Items, _)
                | ExprKind::Splice(_)
                | ExprKind::List(_)
                | ExprKind::Comprehension { .. }
        );
        if let ExprKind::Range { start, stop, step } = &iter.kind {
            self.uses.insert("range_iter");
            let a = self.borrow(start);
            let b = self.borrow(stop);
            return quote!(range_iter(#a, #b, #step));
        }
        match self.program.types.kind(iter.ty) {
            TyKind::Dict(..) => {
                let d = self.receiver(iter);
                quote!(#d.keys().into_iter())
            }
            _ if fresh => {
                let v = self.val(iter).ts;
                quote!(#v.into_iter())
            }
            _ if self.is_shared(iter.ty) => {
                let xs = self.receiver(iter);
                quote!(#xs.iter())
            }
            _ => {
                let xs = self.receiver(iter);
                if iter.ty == Ty::BYTES {
                    quote!(#xs.iter().copied())
                } else {
                    quote!(#xs.iter().cloned())
                }
            }
        }
    }

    pub(crate) fn comprehension(&mut self, e: &Expr) -> R {
        let ExprKind::Comprehension {
            binders,
            iter,
            cond,
            elem,
        } = &e.kind
        else {
            return R::atom(quote!(()));
        };
        let source = self.items_iter(iter);
        let item_tys: Vec<Ty> = match (
            binders.len(),
            self.program.types.kind(elem_item(self, iter)),
        ) {
            (1, _) => vec![elem_item(self, iter)],
            (_, TyKind::Tuple(items)) => items.clone(),
            _ => vec![Ty::NONE; binders.len()],
        };
        let idents: Vec<syn::Ident> = binders.iter().map(|_| self.namer.fresh("item")).collect();
        let pattern = if idents.len() == 1 {
            let x = &idents[0];
            quote!(#x)
        } else {
            quote!((#(#idents),*))
        };
        let mut saved = Vec::new();
        for ((b, x), t) in binders.iter().zip(&idents).zip(&item_tys) {
            let read = BoundRead::new(x, 0, !t.is_copy());
            saved.push((Bound::Arm(*b), self.bound.insert(Bound::Arm(*b), read)));
        }
        let body = self.val(elem).ts;
        let filter = cond.as_ref().map(|c| self.val(c).ts);
        for (key, old) in saved {
            match old {
                Some(o) => self.bound.insert(key, o),
                None => self.bound.remove(&key),
            };
        }
        let chain = match filter {
            None => quote!(#source.map(|#pattern| #body)),
            Some(c) => quote!(#source.filter_map(|#pattern| if #c { Some(#body) } else { None })),
        };
        if self.is_shared(e.ty) {
            self.uses.insert("List");
            R::atom(quote!(#chain.collect::<List<_>>()))
        } else {
            R::atom(quote!(#chain.collect::<Vec<_>>()))
        }
    }

    /// `range(..)` as a list value.
    pub(crate) fn range_list(&mut self, e: &Expr) -> R {
        let it = self.items_iter(e);
        self.fresh_list(quote!(#it.collect::<Vec<_>>()), e.ty)
    }

    /// `[a, *xs, b]`.
    pub(crate) fn splice(&mut self, e: &Expr) -> R {
        let ExprKind::Splice(items) = &e.kind else {
            return R::atom(quote!(()));
        };
        let v = self.namer.fresh("items");
        let steps: Vec<TokenStream> = items
            .iter()
            .map(|(spread, x)| {
                if *spread {
                    let it = self.items_iter(x);
                    quote!(#v.extend(#it);)
                } else {
                    let x = self.val(x).ts;
                    quote!(#v.push(#x);)
                }
            })
            .collect();
        let made = quote!({
            let mut #v = Vec::new();
            #(#steps)*
            #v
        });
        self.fresh_list(made, e.ty)
    }
}

/// The type of one item of `iter`.
fn elem_item(l: &Lower<'_>, iter: &Expr) -> Ty {
    match l.program.types.kind(iter.ty) {
        TyKind::List(t) => *t,
        TyKind::Dict(k, _) => *k,
        _ => Ty::NONE,
    }
}
