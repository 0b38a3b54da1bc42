//! List comprehensions, `map(lambda ...)` and `[*xs, y]`: iterator chains
//! collected into a new list.

use super::exceptions::Catch;
use super::expr::{unreachable_kind, R};
use super::matching::{Bound, BoundRead};
use super::Lower;
use crate::model::effects::may_raise;
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
        if let ExprKind::Comprehension { lazy: true, .. } = &iter.kind {
            if let Some(chain) = self.comprehension_chain(iter) {
                return chain;
            }
        }
        // `list(s)` of a str or tuple: iterated as `s` is.
        if let ExprKind::Method(Method::ListCopy, recv) = &iter.kind {
            if let [r] = recv.as_slice() {
                if r.ty == Ty::STR || matches!(self.program.types.kind(r.ty), TyKind::Tuple(_)) {
                    return self.items_iter(r);
                }
            }
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
            // A generator is an iterator (a handle: its clones share it).
            TyKind::Generator(_) => self.val(iter).ts,
            // A str's items are its characters, each a str.
            _ if iter.ty == Ty::STR => {
                let s = self.receiver(iter);
                quote!(#s.chars().map(String::from))
            }
            TyKind::Set(_) | TyKind::FrozenSet(_) => {
                let s = self.receiver(iter);
                quote!(#s.to_vec().into_iter())
            }
            // A tuple of items of one type.
            TyKind::Tuple(items) => {
                let n = items.len();
                let t = self.val(iter).ts;
                let names: Vec<_> = (0..n).map(|i| quote::format_ident!("x{}", i)).collect();
                quote!({
                    let (#(#names,)*) = #t;
                    [#(#names),*]
                }
                .into_iter())
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

    /// A generator expression's items as an iterator, when computing them
    /// cannot raise into a `try` (then they are built as a list first).
    fn comprehension_chain(&mut self, e: &Expr) -> Option<TokenStream> {
        let ExprKind::Comprehension {
            cond, elem, more, ..
        } = &e.kind
        else {
            return None;
        };
        if !more.is_empty() {
            return None;
        }
        let fallible = self.catch != Catch::Trap
            && (may_raise(elem) || cond.as_ref().is_some_and(|c| may_raise(c)));
        if fallible {
            return None;
        }
        Some(self.comprehension_parts(e).0)
    }

    pub(crate) fn comprehension(&mut self, e: &Expr) -> R {
        if let ExprKind::Comprehension { more, .. } = &e.kind {
            if !more.is_empty() {
                return self.nested_comprehension(e);
            }
        }
        let (chain, fallible) = self.comprehension_parts(e);
        if fallible {
            self.uses.insert("Exception");
            let list = if let TyKind::Dict(..) = self.program.types.kind(e.ty) {
                self.uses.insert("Dict");
                quote!(Dict<_, _>)
            } else if self.is_shared(e.ty) {
                self.uses.insert("List");
                quote!(List<_>)
            } else {
                quote!(Vec<_>)
            };
            let at = self.at(e.span);
            return self.fallible(quote!(#chain.collect::<Result<#list, Exception>>()), &at);
        }
        if let TyKind::Dict(..) = self.program.types.kind(e.ty) {
            self.uses.insert("Dict");
            R::atom(quote!(#chain.collect::<Dict<_, _>>()))
        } else if self.is_shared(e.ty) {
            self.uses.insert("List");
            R::atom(quote!(#chain.collect::<List<_>>()))
        } else {
            R::atom(quote!(#chain.collect::<Vec<_>>()))
        }
    }

    /// A comprehension of several `for` clauses: nested `for` loops that
    /// push each element (an error propagates as in the enclosing code).
    fn nested_comprehension(&mut self, e: &Expr) -> R {
        let ExprKind::Comprehension {
            binders,
            iter,
            cond,
            elem,
            more,
            ..
        } = &e.kind
        else {
            return unreachable_kind();
        };
        let clauses: Vec<(&[u32], &Expr, Option<&Expr>)> =
            std::iter::once((binders.as_slice(), &**iter, cond.as_deref()))
                .chain(
                    more.iter()
                        .map(|c| (c.binders.as_slice(), &c.iter, c.cond.as_ref())),
                )
                .collect();
        let reads = |b: u32| {
            item_of_key(elem, b).is_some()
                || clauses.iter().any(|(_, it, c)| {
                    item_of_key(it, b).is_some() || c.is_some_and(|c| item_of_key(c, b).is_some())
                })
        };
        let items = self.namer.fresh("items");
        // Each clause's loop header and filter, outermost first; the
        // names of every clause stay bound until the element is lowered.
        let mut heads = Vec::new();
        let mut saved = Vec::new();
        for (bs, it, c) in &clauses {
            let source = self.items_iter(it);
            let item = elem_item(self, it);
            let tys: Vec<Ty> = match (bs.len(), self.program.types.kind(item)) {
                (1, _) => vec![item],
                (_, TyKind::Tuple(items)) => items.clone(),
                _ => vec![Ty::NONE; bs.len()],
            };
            let mut parts = Vec::new();
            for (b, t) in bs.iter().zip(&tys) {
                if reads(*b) {
                    let x = self.namer.fresh("item");
                    let read = BoundRead::new(&x, 0, !t.is_copy());
                    saved.push((Bound::Arm(*b), self.bound.insert(Bound::Arm(*b), read)));
                    parts.push(quote!(#x));
                } else {
                    parts.push(quote!(_));
                }
            }
            let pattern = if parts.len() == 1 {
                parts.remove(0)
            } else {
                quote!((#(#parts),*))
            };
            let filter = c.map(|c| self.val(c).ts);
            heads.push((pattern, source, filter));
        }
        let v = self.val(elem).ts;
        let mut body = quote!(#items.push(#v););
        for (pattern, source, filter) in heads.into_iter().rev() {
            if let Some(f) = filter {
                body = quote!(if #f { #body });
            }
            body = quote!(for #pattern in #source { #body });
        }
        for (key, old) in saved.into_iter().rev() {
            match old {
                Some(o) => self.bound.insert(key, o),
                None => self.bound.remove(&key),
            };
        }
        let made = quote!({
            let mut #items = Vec::new();
            #body
            #items
        });
        if let TyKind::Dict(..) = self.program.types.kind(e.ty) {
            self.uses.insert("Dict");
            R::atom(quote!(#made.into_iter().collect::<Dict<_, _>>()))
        } else {
            self.fresh_list(made, e.ty)
        }
    }

    /// The iterator chain of a comprehension, and whether its items are
    /// `Result`s (inside a `try`, an element that may raise).
    fn comprehension_parts(&mut self, e: &Expr) -> (TokenStream, bool) {
        let ExprKind::Comprehension {
            binders,
            iter,
            cond,
            elem,
            ..
        } = &e.kind
        else {
            return (quote!(std::iter::empty()), false);
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
        // `[v for k, v in d.items()]`, `[f() for _ in xs]`: a part nothing
        // reads is `_`.
        let read = |b: u32| {
            item_of_key(elem, b).is_some()
                || cond.as_ref().is_some_and(|c| item_of_key(c, b).is_some())
        };
        let pattern = if idents.len() == 1 {
            let x = &idents[0];
            if read(binders[0]) {
                quote!(#x)
            } else {
                quote!(_)
            }
        } else {
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
        // Inside a `try` (or a function one reaches), an element that may
        // raise is computed by a closure returning `Result`.
        let fallible = self.catch != Catch::Trap
            && (may_raise(elem) || cond.as_ref().is_some_and(|c| may_raise(c)));
        let outer = std::mem::replace(
            &mut self.catch,
            if fallible { Catch::Return } else { Catch::Trap },
        );
        let body = self.val(elem).ts;
        let filter = cond.as_ref().map(|c| self.val(c).ts);
        self.catch = outer;
        for (key, old) in saved {
            match old {
                Some(o) => self.bound.insert(key, o),
                None => self.bound.remove(&key),
            };
        }
        if fallible {
            self.uses.insert("Exception");
            let chain = match filter {
                None => quote!(#source.map(|#pattern| -> Result<_, Exception> { Ok(#body) })),
                Some(c) => quote!(#source
                    .map(|#pattern| -> Result<_, Exception> {
                        Ok(if #c { Some(#body) } else { None })
                    })
                    .filter_map(Result::transpose)),
            };
            return (chain, true);
        }
        let chain = match filter {
            None => quote!(#source.map(|#pattern| #body)),
            Some(c) => quote!(#source.filter_map(|#pattern| if #c { Some(#body) } else { None })),
        };
        (chain, false)
    }

    /// `enumerate(xs)` and `zip(a, b, ..)` as iterators (no list is built
    /// when a loop or comprehension consumes them).
    fn lazy_iter(&mut self, e: &Expr) -> Option<TokenStream> {
        match &e.kind {
            ExprKind::Builtin(Builtin::Enumerate, args) => {
                self.uses.insert("Int");
                let it = self.items_iter(&args[0]);
                match args.get(1) {
                    Some(start) => {
                        let start = self.val(start).ts;
                        Some(quote!({
                            let start = #start;
                            #it.enumerate().map(move |(i, x)| (&start + Int::from(i), x))
                        }))
                    }
                    None => Some(quote!(#it.enumerate().map(|(i, x)| (Int::from(i), x)))),
                }
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
            (Builtin::SetOf, _) => {
                let frozen = matches!(self.program.types.kind(e.ty), TyKind::FrozenSet(_));
                self.set_of(args, frozen)
            }
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
            (Builtin::Sum, [xs, start @ ..]) => {
                let item = list_item(self, xs);
                let it = self.items_iter(xs);
                let start = start.first().map(|s| self.val(s).ts);
                if e.ty == Ty::NUM {
                    // Ints and floats: each addition decides its type.
                    self.uses.insert("Num");
                    self.uses.insert("Int");
                    let sum = quote!(#it.try_fold(Num::from(Int::from(0)), |a, b| a.add(&b)));
                    return self.fallible(sum, at);
                }
                if e.ty == Ty::FLOAT64 {
                    let it = if item == Ty::FLOAT32 {
                        quote!(#it.map(f64::from))
                    } else {
                        it
                    };
                    let start = start.unwrap_or(quote!(0.0));
                    R::atom(quote!(#it.fold(#start, |a, b| a + b)))
                } else {
                    self.uses.insert("Int");
                    let it = if item == Ty::INT {
                        it
                    } else {
                        quote!(#it.map(Int::from))
                    };
                    let start = start.unwrap_or(quote!(Int::from(0)));
                    R::atom(quote!(#it.fold(#start, |a, b| a + b)))
                }
            }
            (Builtin::Reversed, [xs]) => self.reversed(xs, e.ty),
            (Builtin::Lib(f), args) => self.lib_call(*f, args, e.ty, at),
            (Builtin::MinOf | Builtin::MaxOf, [xs, rest @ ..]) => {
                let min = *b == Builtin::MinOf;
                let it = self.items_iter(xs);
                let (key, default) = split_key(rest);
                let call = self.extreme(min, it, key);
                match default {
                    // `default=None`: the result is optional.
                    [_] if e.ty != list_item(self, xs) => R::atom(quote!(#call.ok())),
                    [d] => {
                        let d = self.val(d).ts;
                        R::atom(quote!(#call.unwrap_or(#d)))
                    }
                    _ => self.fallible(call, at),
                }
            }
            (Builtin::MinArgs | Builtin::MaxArgs, vals) => {
                let (vals, key) = match vals {
                    [vals @ .., k] if matches!(k.kind, ExprKind::KeyFn { .. }) => (vals, Some(k)),
                    _ => (vals, None),
                };
                let vals: Vec<TokenStream> = vals.iter().map(|v| self.val(v).ts).collect();
                let call = self.extreme(*b == Builtin::MinArgs, quote!([#(#vals),*]), key);
                self.fallible(call, at)
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
                if x.ty == Ty::STR {
                    let s = self.str_arg(x);
                    self.fallible(quote!(Int::parse(#s, 10)), at)
                } else if x.ty == Ty::NUM {
                    let v = self.receiver(x);
                    self.fallible(quote!(#v.to_int()), at)
                } else {
                    let v = self.val(x).ts;
                    self.fallible(quote!(Int::from_f64(f64::from(#v))), at)
                }
            }
            (Builtin::Int, [x, base]) => {
                self.uses.insert("Int");
                let s = self.str_arg(x);
                match &base.kind {
                    ExprKind::Int(b)
                        if num_traits::ToPrimitive::to_u32(b).is_some_and(|b| b <= 36) =>
                    {
                        let b = proc_macro2::Literal::u32_unsuffixed(
                            num_traits::ToPrimitive::to_u32(b).unwrap_or(10),
                        );
                        self.fallible(quote!(Int::parse(#s, #b)), at)
                    }
                    _ => {
                        let b = self.borrow(base);
                        self.fallible(quote!(Int::parse_base(#s, #b)), at)
                    }
                }
            }
            (Builtin::Float, [x]) if x.ty == Ty::STR => {
                self.uses.insert("float");
                let s = self.str_arg(x);
                self.fallible(quote!(float::parse(#s)), at)
            }
            (Builtin::Float, [x]) => {
                let v = self.receiver(x);
                self.fallible(quote!(#v.to_f64()), at)
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
        // Exceptions of a key function trap, even inside a `try`.
        let saved = std::mem::replace(&mut self.catch, Catch::Trap);
        let b = self.val(body).ts;
        self.catch = saved;
        match old {
            Some(o) => self.bound.insert(Bound::Arm(*binder), o),
            None => self.bound.remove(&Bound::Arm(*binder)),
        };
        // A key that ignores its item (`key=lambda _: 0`) binds nothing.
        // The item's type is spelled out: an empty list's may be unknown.
        let param = match item_of_key(body, *binder) {
            Some(t) => {
                let t = self.rust_ty(t);
                quote!(#x: &#t)
            }
            None => quote!(_),
        };
        if fallible {
            quote!(|#param| Ok(#b))
        } else {
            quote!(|#param| #b)
        }
    }

    /// `min(items)` / `max(items)`, by `key` when there is one: a call
    /// returning a `Result` (`ValueError` when there are no items).
    fn extreme(&mut self, min: bool, items: TokenStream, key: Option<&Expr>) -> TokenStream {
        match (min, key) {
            (true, None) => quote!(runtime_lite::builtins::min(#items)),
            (false, None) => quote!(runtime_lite::builtins::max(#items)),
            (min, Some(key)) => {
                let f = self.key_closure(key, false);
                if min {
                    quote!(runtime_lite::builtins::min_by_key(#items, #f))
                } else {
                    quote!(runtime_lite::builtins::max_by_key(#items, #f))
                }
            }
        }
    }

    /// `range(..)` as a list value.
    pub(crate) fn range_list(&mut self, e: &Expr) -> R {
        let it = self.items_iter(e);
        self.fresh_list(quote!(#it.collect::<Vec<_>>()), e.ty)
    }

    /// `a, b = xs` / `a, *rest, b = xs` of a list or str: the items as a
    /// tuple of type `ty`, their count checked (`list::unpack`).
    pub(crate) fn unpack(&mut self, value: &Expr, star: Option<usize>, ty: Ty, at: &str) -> R {
        let TyKind::Tuple(tys) = self.program.types.kind(ty).clone() else {
            return unreachable_kind();
        };
        self.uses.insert("list");
        let items = self.items_iter(value);
        let names: Vec<syn::Ident> = tys.iter().map(|_| self.namer.fresh("item")).collect();
        let Some(i) = star else {
            let n = proc_macro2::Literal::usize_unsuffixed(tys.len());
            let checked = self.fallible(quote!(list::unpack::<_, #n>(#items)), at).ts;
            return R::atom(quote!(match #checked {
                [#(#names),*] => (#(#names,)*),
            }));
        };
        let (head, rest) = names.split_at(i);
        let (rest, tail) = rest.split_at(1);
        let a = proc_macro2::Literal::usize_unsuffixed(head.len());
        let b = proc_macro2::Literal::usize_unsuffixed(tail.len());
        let checked = self
            .fallible(quote!(list::unpack_star::<_, #a, #b>(#items)), at)
            .ts;
        let r = &rest[0];
        let list = self.fresh_list(quote!(#r), tys[i]).ts;
        R::atom(quote!(match #checked {
            ([#(#head),*], #r, [#(#tail),*]) => (#(#head,)* #list, #(#tail,)*),
        }))
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
        TyKind::List(t) | TyKind::Generator(t) => *t,
        TyKind::Dict(k, _) => *k,
        _ if iter.ty == Ty::STR => Ty::STR,
        _ => Ty::NONE,
    }
}

/// The item type of list expression `xs`.
/// The type of the items `items_iter(xs)` gives.
fn list_item(l: &Lower<'_>, xs: &Expr) -> Ty {
    match l.program.types.kind(xs.ty) {
        TyKind::List(t)
        | TyKind::Dict(t, _)
        | TyKind::Set(t)
        | TyKind::FrozenSet(t)
        | TyKind::Generator(t) => *t,
        TyKind::Tuple(items) => items.first().copied().unwrap_or(Ty::NONE),
        _ if xs.ty == Ty::STR => Ty::STR,
        _ => Ty::NONE,
    }
}

/// The optional key function (`ExprKind::KeyFn`) of `min`/`max`
/// arguments, and the rest (the `default=`).
fn split_key(args: &[Expr]) -> (Option<&Expr>, &[Expr]) {
    match args {
        [k, rest @ ..] if matches!(k.kind, ExprKind::KeyFn { .. }) => (Some(k), rest),
        _ => (None, args),
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
