//! List comprehensions, `map(lambda ...)` and `[*xs, y]`: iterator chains
//! collected into a new list.

use super::expr::R;
use super::matching::{Bound, BoundRead};
use super::Lower;
use crate::model::ir::{Builtin, Expr, ExprKind, Method};
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
        if let Some(it) = self.lazy_iter(iter) {
            return it;
        }
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
            // `[v for k, v in d.items()]`: a part nothing reads is `_`.
            let read = |b: u32| {
                item_of_key(elem, b).is_some()
                    || cond.as_ref().is_some_and(|c| item_of_key(c, b).is_some())
            };
            let parts =
                binders.iter().zip(&idents).map(
                    |(b, x)| {
                        if read(*b) {
                            quote!(#x)
                        } else {
                            quote!(_)
                        }
                    },
                );
            quote!((#(#parts),*))
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

    /// `enumerate(xs)` and `zip(a, b, ..)` as iterators (no list is built
    /// when a loop or comprehension consumes them).
    fn lazy_iter(&mut self, e: &Expr) -> Option<TokenStream> {
        match &e.kind {
            ExprKind::Builtin(Builtin::Enumerate, args) => {
                self.uses.insert("Int");
                let it = self.items_iter(&args[0]);
                Some(quote!(#it.enumerate().map(|(i, x)| (Int::from(i), x))))
            }
            ExprKind::Builtin(Builtin::Zip, args) => {
                let its: Vec<TokenStream> = args.iter().map(|a| self.items_iter(a)).collect();
                let mut chain = its[0].clone();
                let mut pattern = quote!(x0);
                let mut names = vec![quote!(x0)];
                for (i, it) in its.iter().enumerate().skip(1) {
                    let x = quote::format_ident!("x{}", i);
                    chain = quote!(#chain.zip(#it));
                    pattern = quote!((#pattern, #x));
                    names.push(quote!(#x));
                }
                Some(quote!(#chain.map(|#pattern| (#(#names),*))))
            }
            _ => None,
        }
    }

    /// A built-in function call (`ir::Builtin`).
    pub(crate) fn builtin(&mut self, e: &Expr, at: &str) -> R {
        let ExprKind::Builtin(b, args) = &e.kind else {
            return R::atom(quote!(()));
        };
        match (b, args.as_slice()) {
            (Builtin::Enumerate | Builtin::Zip, _) => {
                let it = self.lazy_iter(e).unwrap_or_default();
                self.fresh_list(quote!(#it.collect::<Vec<_>>()), e.ty)
            }
            (Builtin::Abs, [x]) if x.ty.is_float() => {
                let v = self.val(x).ts;
                R::atom(quote!(f64::abs(#v)))
            }
            (Builtin::Abs, [x]) => {
                let v = self.receiver(x);
                R::atom(quote!(#v.abs()))
            }
            (Builtin::Sum, [xs]) => {
                let item = list_item(self, xs);
                let it = self.items_iter(xs);
                if e.ty == Ty::FLOAT64 {
                    let it = if item == Ty::FLOAT32 {
                        quote!(#it.map(f64::from))
                    } else {
                        it
                    };
                    R::atom(quote!(#it.fold(0.0, |a, b| a + b)))
                } else {
                    self.uses.insert("Int");
                    let it = if item == Ty::INT {
                        it
                    } else {
                        quote!(#it.map(Int::from))
                    };
                    R::atom(quote!(#it.fold(Int::from(0), |a, b| a + b)))
                }
            }
            (Builtin::MinOf | Builtin::MaxOf, [xs]) => {
                self.uses.insert("OrRaise");
                let f = if *b == Builtin::MinOf {
                    quote!(min)
                } else {
                    quote!(max)
                };
                let it = self.items_iter(xs);
                R::atom(quote!(runtime_lite::builtins::#f(#it).or_raise(#at)))
            }
            (Builtin::MinArgs | Builtin::MaxArgs, vals) => {
                self.uses.insert("OrRaise");
                let f = if *b == Builtin::MinArgs {
                    quote!(min)
                } else {
                    quote!(max)
                };
                let vals: Vec<TokenStream> = vals.iter().map(|v| self.val(v).ts).collect();
                R::atom(quote!(runtime_lite::builtins::#f([#(#vals),*]).or_raise(#at)))
            }
            (Builtin::Sorted, [xs, reverse, key]) => {
                let it = self.items_iter(xs);
                let f = self.key_closure(key, false);
                let r = self.val(reverse).ts;
                self.fresh_list(
                    quote!(runtime_lite::builtins::sorted_by_key(#it.collect(), #f, #r)),
                    e.ty,
                )
            }
            (Builtin::Sorted, [xs, reverse]) => {
                let it = self.items_iter(xs);
                let sorted = match reverse.kind {
                    ExprKind::Bool(false) => quote!(runtime_lite::builtins::sorted(#it.collect())),
                    _ => {
                        let r = self.val(reverse).ts;
                        quote!(runtime_lite::builtins::sorted_with(#it.collect(), #r))
                    }
                };
                self.fresh_list(sorted, e.ty)
            }
            (Builtin::Any | Builtin::All, [xs]) => {
                let item = list_item(self, xs);
                let it = self.items_iter(xs);
                let test = if item == Ty::BOOL {
                    quote!(|x| x)
                } else {
                    self.uses.insert("Truthy");
                    quote!(|x| x.truthy())
                };
                if *b == Builtin::Any {
                    R::atom(quote!(#it.any(#test)))
                } else {
                    R::atom(quote!(#it.all(#test)))
                }
            }
            (Builtin::Int, [x]) => {
                self.uses.insert("Int");
                self.uses.insert("OrRaise");
                if x.ty == Ty::STR {
                    let s = self.str_arg(x);
                    R::atom(quote!(Int::parse(#s, 10).or_raise(#at)))
                } else {
                    let v = self.val(x).ts;
                    R::atom(quote!(Int::from_f64(f64::from(#v)).or_raise(#at)))
                }
            }
            (Builtin::Round, [x]) => {
                self.uses.insert("Int");
                self.uses.insert("OrRaise");
                let v = self.val(x).ts;
                R::atom(quote!(Int::from_f64(f64::round_ties_even(#v)).or_raise(#at)))
            }
            (Builtin::RoundDigits, [x, n]) => {
                let v = self.val(x).ts;
                let n = match &n.kind {
                    ExprKind::Int(k) => u32::try_from(k).unwrap_or(u32::MAX),
                    _ => 0,
                };
                R::atom(quote!(runtime_lite::float::round_digits(#v, #n)))
            }
            (Builtin::Float, [x]) => {
                self.uses.insert("OrRaise");
                let v = self.receiver(x);
                R::atom(quote!(#v.to_f64().or_raise(#at)))
            }
            _ => R::atom(quote!(())),
        }
    }

    /// A `key=` function as a Rust closure over `&item` (returning
    /// `Ok(key)` when `fallible`, for `List::sort_by_key`).
    pub(crate) fn key_closure(&mut self, key: &Expr, fallible: bool) -> TokenStream {
        let ExprKind::KeyFn { binder, body } = &key.kind else {
            return quote!(|_| ());
        };
        let x = self.namer.fresh("item");
        let item_ty = item_of_key(body, *binder).unwrap_or(Ty::NONE);
        let read = BoundRead::new(&x, 1, !item_ty.is_copy());
        let old = self.bound.insert(Bound::Arm(*binder), read);
        let b = self.val(body).ts;
        match old {
            Some(o) => self.bound.insert(Bound::Arm(*binder), o),
            None => self.bound.remove(&Bound::Arm(*binder)),
        };
        // A key that ignores its item (`key=lambda _: 0`) binds nothing.
        let param = if item_of_key(body, *binder).is_some() {
            quote!(#x)
        } else {
            quote!(_)
        };
        if fallible {
            quote!(|#param| Ok(#b))
        } else {
            quote!(|#param| #b)
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

/// The item type of list expression `xs`.
fn list_item(l: &Lower<'_>, xs: &Expr) -> Ty {
    match l.program.types.kind(xs.ty) {
        TyKind::List(t) => *t,
        _ => Ty::NONE,
    }
}

/// The type of the item a key function's parameter stands for.
fn item_of_key(body: &Expr, binder: u32) -> Option<Ty> {
    let mut found = None;
    crate::model::visit::each_subexpr(body, &mut |e| {
        if let ExprKind::ArmValue(id) = e.kind {
            if id == binder {
                found = Some(e.ty);
            }
        }
    });
    found
}
