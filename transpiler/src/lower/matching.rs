//! Lowering of Variant `match` and of narrowed optionals: Rust `match`,
//! `if let Some(x) = x`, `let Some(x) = x else { ... }`, match guards and
//! `is_some_and`, with `.unwrap()` only where none of these shapes applies.

use super::expr::{Prec, R};
use super::Lower;
use crate::model::ir::{Expr, ExprKind, LocalId, MatchArm, Stmt};
use crate::model::visit::each_subexpr;
use crate::model::{Ty, TyKind};
use proc_macro2::TokenStream;
use quote::quote;

/// What a bound name stands for while an arm or a narrowed branch is
/// lowered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Bound {
    /// The payload of match arm `id`.
    Arm(u32),
    /// The unwrapped value of an optional local.
    Unwrap(LocalId),
}

/// How reads of a bound name look: an owned value (with its precedence),
/// a place usable as a method receiver, and a `&T` reference.
#[derive(Debug, Clone)]
pub(crate) struct BoundRead {
    owned: TokenStream,
    prec: Prec,
    place: TokenStream,
    by_ref: TokenStream,
}

impl BoundRead {
    /// `x` is the bound identifier; `deref` how many `*` reach the value;
    /// `clone` whether an owned read clones it.
    pub(crate) fn new(x: &syn::Ident, deref: usize, clone: bool) -> Self {
        let stars: Vec<TokenStream> = (0..deref).map(|_| quote!(*)).collect();
        let place = if deref == 0 {
            quote!(#x)
        } else {
            quote!((#(#stars)*#x))
        };
        let (owned, prec) = match (deref, clone) {
            (0, false) => (quote!(#x), Prec::Postfix),
            (0, true) => (quote!(#x.clone()), Prec::Postfix),
            (_, false) => (quote!(#(#stars)*#x), Prec::Unary),
            (_, true) => (quote!(#place.clone()), Prec::Postfix),
        };
        // `x: &T` is the reference itself.
        let by_ref = match deref {
            0 => quote!(&#x),
            1 => quote!(#x),
            n => {
                let stars = &stars[..n - 1];
                quote!(#(#stars)*#x)
            }
        };
        BoundRead {
            owned,
            prec,
            place,
            by_ref,
        }
    }
}

fn count(e: &Expr, pred: &dyn Fn(&Expr) -> bool) -> usize {
    let mut n = 0;
    each_subexpr(e, &mut |x| {
        if pred(x) {
            n += 1;
        }
    });
    n
}

/// `v is not None` on a local: the local.
fn is_some_test(cond: &Expr) -> Option<LocalId> {
    match &cond.kind {
        ExprKind::Not(inner) => match &inner.kind {
            ExprKind::IsNone(v) => match v.kind {
                ExprKind::Local(l) => Some(l),
                _ => None,
            },
            _ => None,
        },
        _ => None,
    }
}

/// The operands of an `and` chain of `bool`s, left to right.
fn flatten_and<'e>(e: &'e Expr, out: &mut Vec<&'e Expr>) {
    match &e.kind {
        ExprKind::And(l, r) if e.ty == Ty::BOOL => {
            flatten_and(l, out);
            flatten_and(r, out);
        }
        _ => out.push(e),
    }
}

/// `v is None` on a local: the local.
fn is_none_test(cond: &Expr) -> Option<LocalId> {
    match &cond.kind {
        ExprKind::IsNone(v) => match v.kind {
            ExprKind::Local(l) => Some(l),
            _ => None,
        },
        _ => None,
    }
}

/// `let a = v.unwrap()` (narrowing of `v` into `a`).
fn unwrap_let(s: Option<&Stmt>, v: LocalId) -> Option<LocalId> {
    match s? {
        Stmt::Let {
            local,
            value: Some(e),
        } => match &e.kind {
            ExprKind::Unwrap(inner) if inner.kind == ExprKind::Local(v) => Some(*local),
            _ => None,
        },
        _ => None,
    }
}

/// `a = v.unwrap()` into a local declared earlier.
fn unwrap_assign(s: Option<&Stmt>, v: LocalId) -> Option<LocalId> {
    match s? {
        Stmt::Assign {
            place: crate::model::ir::Place::Local(local),
            value,
        } => match &value.kind {
            ExprKind::Unwrap(inner) if inner.kind == ExprKind::Local(v) => Some(*local),
            _ => None,
        },
        _ => None,
    }
}

fn reads_unwrap(e: &Expr, v: LocalId) -> bool {
    count(
        e,
        &|x| matches!(&x.kind, ExprKind::Unwrap(i) if i.kind == ExprKind::Local(v)),
    ) > 0
}

/// Whether a block ends with a jump (a Rust `let ... else` block must
/// diverge).
fn ends_with_jump(stmts: &[Stmt]) -> bool {
    matches!(
        stmts.last(),
        Some(Stmt::Return(_) | Stmt::Break | Stmt::Continue)
    )
}

/// Counts the reads of `v` in `stmts`; notes whether one is inside a loop.
fn count_reads(stmts: &[Stmt], v: LocalId, in_loop: bool, n: &mut usize, looped: &mut bool) {
    let is_v = |e: &Expr| e.kind == ExprKind::Local(v);
    for s in stmts {
        let mut own = 0;
        let mut add = |e: &Expr| own += count(e, &is_v);
        match s {
            Stmt::Let { value, .. } => value.iter().for_each(&mut add),
            Stmt::Assign { value, .. } | Stmt::AugAssign { value, .. } => add(value),
            Stmt::Expr(e) | Stmt::Discard(e) => add(e),
            Stmt::Return(e) => e.iter().for_each(&mut add),
            Stmt::If { cond, then, orelse } => {
                add(cond);
                count_reads(then, v, in_loop, n, looped);
                count_reads(orelse, v, in_loop, n, looped);
            }
            Stmt::While { cond, body } => {
                add(cond);
                count_reads(body, v, true, n, looped);
            }
            Stmt::For(f) => {
                add(&f.start);
                add(&f.stop);
                count_reads(&f.body, v, true, n, looped);
            }
            // Anything else: assume the worst.
            _ => own += 2,
        }
        if own > 0 && (in_loop || matches!(s, Stmt::While { .. })) {
            *looped = true;
        }
        *n += own;
    }
}

impl Lower<'_> {
    fn inner_ty(&self, opt: Ty) -> Ty {
        match self.program.types.kind(opt) {
            TyKind::Opt(t) => *t,
            _ => opt,
        }
    }

    fn local_ty(&self, l: LocalId) -> Ty {
        self.fun.map_or(Ty::NONE, |f| f.local(l).ty)
    }

    pub(crate) fn with_bound<T>(
        &mut self,
        key: Bound,
        read: BoundRead,
        f: impl FnOnce(&mut Self) -> T,
    ) -> T {
        let old = self.bound.insert(key, read);
        let out = f(self);
        match old {
            Some(o) => self.bound.insert(key, o),
            None => self.bound.remove(&key),
        };
        out
    }

    fn bound_key(e: &Expr) -> Option<Bound> {
        Some(match &e.kind {
            ExprKind::ArmValue(id) => Bound::Arm(*id),
            ExprKind::Unwrap(v) => match v.kind {
                ExprKind::Local(l) => Bound::Unwrap(l),
                _ => return None,
            },
            _ => return None,
        })
    }

    /// A read of a bound name, if lowering is inside its scope.
    pub(crate) fn bound_read(&mut self, e: &Expr) -> Option<R> {
        let key = Self::bound_key(e)?;
        if e.ty == Ty::NONE {
            return Some(R::atom(quote!(())));
        }
        let b = self.bound.get(&key)?;
        Some(R::new(b.owned.clone(), b.prec))
    }

    /// A bound name as a `&T` argument (no clone).
    pub(crate) fn bound_ref(&mut self, e: &Expr) -> Option<TokenStream> {
        let key = Self::bound_key(e)?;
        if e.ty == Ty::NONE {
            return None;
        }
        Some(self.bound.get(&key)?.by_ref.clone())
    }

    /// A bound name as a method receiver (no clone).
    pub(crate) fn bound_place(&mut self, e: &Expr) -> Option<TokenStream> {
        let key = Self::bound_key(e)?;
        if e.ty == Ty::NONE {
            return None;
        }
        Some(self.bound.get(&key)?.place.clone())
    }

    /// `match(value, {...})`.
    pub(crate) fn match_expr(&mut self, e: &Expr) -> R {
        let ExprKind::Match {
            value,
            arms,
            exhaustive,
        } = &e.kind
        else {
            return R::atom(quote!(()));
        };
        let TyKind::Nominal(def) = self.program.types.kind(value.ty) else {
            return R::atom(quote!(()));
        };
        let def = *def;
        let name = self.type_name(def);
        let tags = match &self.program.def(def).kind {
            crate::model::ir::DefKind::Variant(t) => t.len(),
            _ => 0,
        };
        // A local read again later is matched by reference.
        let by_ref = matches!(value.kind, ExprKind::Local(l) if !self.local_single_use(l));
        let scrut = if by_ref {
            let r = self.receiver(value);
            quote!(&#r)
        } else {
            self.val(value).ts
        };
        let mut out = Vec::new();
        let mut covered = vec![false; tags];
        for MatchArm {
            id,
            tag,
            name: pname,
            body,
        } in arms
        {
            let reads = count(body, &|x| x.kind == ExprKind::ArmValue(*id));
            let unit = || {
                BoundRead::new(
                    &syn::Ident::new("_unit", proc_macro2::Span::call_site()),
                    0,
                    false,
                )
            };
            let (pattern, read) = match tag {
                None if covered.iter().all(|c| *c) => continue,
                None => (quote!(_), unit()),
                Some(i) => {
                    covered[*i] = true;
                    let (tag, boxed) = self.member(def, *i);
                    if self.tag_is_null(def, *i) {
                        (quote!(#name::#tag), unit())
                    } else if reads == 0 {
                        (quote!(#name::#tag(_)), unit())
                    } else {
                        let x = self.namer.fresh(pname);
                        let copy = self.arm_payload_ty(body, *id).is_copy();
                        let deref = usize::from(by_ref) + usize::from(boxed);
                        let clone = !copy && (by_ref || reads > 1);
                        (quote!(#name::#tag(#x)), BoundRead::new(&x, deref, clone))
                    }
                }
            };
            let b = self.with_bound(Bound::Arm(*id), read, |this| this.val(body).ts);
            out.push(quote!(#pattern => #b));
            if tag.is_none() {
                break;
            }
        }
        if !*exhaustive {
            let at = self.at(e.span);
            let raise = self.raise_new(
                crate::model::exceptions::ExcClass::EXCEPTION,
                quote!("No matching case found"),
                &at,
            );
            out.push(quote!(_ => #raise));
        }
        R::new(quote!(match #scrut { #(#out),* }), Prec::Lowest)
    }

    /// Whether local `v` is read exactly `reads` times in the function,
    /// all outside loops: the construct holding those reads may move it.
    fn moves_here(&self, v: LocalId, reads: usize) -> bool {
        let Some(f) = self.fun else {
            return false;
        };
        let mut total = 0;
        let mut in_loop = false;
        count_reads(&f.body, v, false, &mut total, &mut in_loop);
        total == reads && !in_loop
    }

    /// `v.unwrap()` where no `if let` shape applies (the checker proved
    /// the value present).
    pub(crate) fn unwrap_fallback(&mut self, v: &Expr) -> R {
        let r = match v.kind {
            ExprKind::Local(l) if self.inner_ty(v.ty).is_copy() || self.local_single_use(l) => {
                let id = self.local(l);
                quote!(#id)
            }
            _ => self.val(v).postfix(),
        };
        R::atom(quote!(#r.unwrap()))
    }

    fn arm_payload_ty(&self, body: &Expr, id: u32) -> Ty {
        let mut ty = Ty::NONE;
        each_subexpr(body, &mut |x| {
            if x.kind == ExprKind::ArmValue(id) {
                ty = x.ty;
            }
        });
        ty
    }

    /// A bound name for the value of optional local `v`: the pattern
    /// binding, how reads of it look, and the scrutinee.
    fn some_binding(
        &mut self,
        v: LocalId,
        name: &str,
        by_ref_ok: bool,
    ) -> (syn::Ident, BoundRead, TokenStream) {
        let inner = self.inner_ty(self.local_ty(v));
        let x = self.namer.fresh(name);
        let id = self.local(v);
        if inner.is_copy() || self.moves_here(v, 2) {
            (x.clone(), BoundRead::new(&x, 0, false), quote!(#id))
        } else if by_ref_ok {
            (x.clone(), BoundRead::new(&x, 0, true), quote!(&#id))
        } else {
            (x.clone(), BoundRead::new(&x, 0, true), quote!(#id.clone()))
        }
    }

    /// `a and b` / `a if c else b` where a narrowed optional is read:
    /// `v.is_some_and(|x| ...)`, `if let Some(x) = v { ... } else { ... }`.
    pub(crate) fn narrowed_expr(&mut self, e: &Expr) -> Option<R> {
        match &e.kind {
            // `x is not None and p(x)` / `x is None or p(x)`.
            ExprKind::And(l, r) | ExprKind::Or(l, r) if e.ty == Ty::BOOL => {
                let and = matches!(e.kind, ExprKind::And(..));
                let v = if and {
                    is_some_test(l)?
                } else {
                    is_none_test(l)?
                };
                if !reads_unwrap(r, v) {
                    return None;
                }
                // A closure cannot pass an exception on to a `try`.
                if self.catch != super::exceptions::Catch::Trap
                    && crate::model::effects::may_raise(r)
                {
                    return None;
                }
                let name = self.fun?.local(v).name.clone();
                let inner = self.inner_ty(self.local_ty(v));
                let x = self.namer.fresh(&name);
                let id = self.local(v);
                let (read, recv) = if inner.is_copy() {
                    (BoundRead::new(&x, 0, false), quote!(#id))
                } else {
                    (BoundRead::new(&x, 0, true), quote!(#id.as_ref()))
                };
                let body = self.with_bound(Bound::Unwrap(v), read, |this| this.val(r).ts);
                let test = if and {
                    quote!(is_some_and)
                } else {
                    quote!(is_none_or)
                };
                Some(R::atom(quote!(#recv.#test(|#x| #body))))
            }
            ExprKind::IfExp { cond, then, orelse } => {
                let (v, present, absent) = match (is_some_test(cond), is_none_test(cond)) {
                    (Some(v), _) => (v, then, orelse),
                    (_, Some(v)) => (v, orelse, then),
                    _ => return None,
                };
                if !reads_unwrap(present, v) {
                    return None;
                }
                let name = self.fun?.local(v).name.clone();
                let (x, read, scrut) = self.some_binding(v, &name, true);
                let p = self.with_bound(Bound::Unwrap(v), read, |this| this.val(present).ts);
                let a = self.val(absent).ts;
                Some(R::new(
                    quote!(if let Some(#x) = #scrut { #p } else { #a }),
                    Prec::Lowest,
                ))
            }
            _ => None,
        }
    }

    fn narrowed_local(&mut self, a: LocalId) -> (syn::Ident, Option<TokenStream>) {
        let m = self
            .fun
            .is_some_and(|f| f.local(a).mutable)
            .then(|| quote!(mut));
        (self.local(a), m)
    }

    /// `if v is not None: a = v!; ...` and friends as `if let` / `match`;
    /// `None` when the statement has another shape. The flag says whether
    /// the tokens are an `if` (usable after `else`).
    pub(crate) fn if_some(
        &mut self,
        cond: &Expr,
        then: &[Stmt],
        orelse: &[Stmt],
    ) -> Option<(TokenStream, bool)> {
        // `if v is not None:` / `else` of `if v is None:`.
        let simple = match (is_some_test(cond), is_none_test(cond)) {
            (Some(v), _) => unwrap_let(then.first(), v).map(|a| (v, a, &then[1..], orelse)),
            (_, Some(v)) => unwrap_let(orelse.first(), v).map(|a| (v, a, &orelse[1..], then)),
            _ => None,
        };
        if let Some((v, a, present, absent)) = simple {
            let (x, m) = self.narrowed_local(a);
            let scrut = self.some_scrutinee(v, 2);
            let p = self.block_ts(present);
            if absent.is_empty() {
                return Some((quote!(if let Some(#m #x) = #scrut { #p }), true));
            }
            let e = self.block_ts(absent);
            return Some((quote!(if let Some(#m #x) = #scrut { #p } else { #e }), true));
        }
        // The same into a local declared before the `if`.
        let assigned = match (is_some_test(cond), is_none_test(cond)) {
            (Some(v), _) => unwrap_assign(then.first(), v).map(|a| (v, a, &then[1..], orelse)),
            (_, Some(v)) => unwrap_assign(orelse.first(), v).map(|a| (v, a, &orelse[1..], then)),
            _ => None,
        };
        if let Some((v, a, present, absent)) = assigned {
            let name = self.fun?.local(a).name.clone();
            let target = self.local(a);
            let x = self.namer.fresh(&name);
            let scrut = self.some_scrutinee(v, 2);
            let p = self.block_ts(present);
            let body = quote!(#target = #x; #p);
            if absent.is_empty() {
                return Some((quote!(if let Some(#x) = #scrut { #body }), true));
            }
            let e = self.block_ts(absent);
            return Some((quote!(if let Some(#x) = #scrut { #body } else { #e }), true));
        }
        // `if a is not None and b is not None [and guard]:`, `if a:`
        if matches!(cond.kind, ExprKind::And(..)) || self.truthy_opt_test(cond).is_some() {
            return self.if_all_some(cond, then, orelse);
        }
        None
    }

    /// `if v:` on an optional local: the local.
    fn truthy_opt_test(&self, cond: &Expr) -> Option<LocalId> {
        match &cond.kind {
            ExprKind::Truthy(v) => match v.kind {
                ExprKind::Local(l) if matches!(self.program.types.kind(v.ty), TyKind::Opt(_)) => {
                    Some(l)
                }
                _ => None,
            },
            _ => None,
        }
    }

    /// An `and` chain starting with `is not None` tests on locals, whose
    /// `then` starts by unwrapping them: `if let (Some(a), Some(b)) = (a,
    /// b)`, or a `match` with the rest of the chain as its guard.
    fn if_all_some(
        &mut self,
        cond: &Expr,
        then: &[Stmt],
        orelse: &[Stmt],
    ) -> Option<(TokenStream, bool)> {
        let mut conjuncts = Vec::new();
        flatten_and(cond, &mut conjuncts);
        // Each leading test: the local, and whether it is `if v:` (present
        // and truthy) rather than `v is not None`.
        let tests: Vec<(LocalId, bool)> = conjuncts
            .iter()
            .map_while(|c| {
                is_some_test(c)
                    .map(|v| (v, false))
                    .or_else(|| Some((self.truthy_opt_test(c)?, true)))
            })
            .collect();
        let tested: Vec<LocalId> = tests.iter().map(|t| t.0).collect();
        if tested.is_empty() {
            return None;
        }
        let mut uniq = tested.clone();
        uniq.sort();
        uniq.dedup();
        if uniq.len() != tested.len() {
            return None;
        }
        let rest = &conjuncts[tested.len()..];
        // The unwrapping `let`s at the start of `then` (liveness drops
        // those of values nobody reads).
        let mut targets: Vec<Option<LocalId>> = vec![None; tested.len()];
        let mut k = 0;
        while let Some((i, a)) = then.get(k).and_then(|s| {
            tested
                .iter()
                .enumerate()
                .find_map(|(i, v)| Some((i, unwrap_let(Some(s), *v)?)))
        }) {
            if targets[i].is_some() {
                return None;
            }
            targets[i] = Some(a);
            k += 1;
        }
        if k == 0 {
            return None;
        }
        let guard_reads = |v: LocalId| {
            rest.iter()
                .map(|r| {
                    count(
                        r,
                        &|e| matches!(&e.kind, ExprKind::Unwrap(i) if i.kind == ExprKind::Local(v)),
                    )
                })
                .sum::<usize>()
        };
        let mut patterns = Vec::new();
        let mut scruts = Vec::new();
        let mut reads = Vec::new();
        let mut truthy_guards = Vec::new();
        for ((v, a), (_, truthy)) in tested.iter().zip(&targets).zip(&tests) {
            let inner = self.inner_ty(self.local_ty(*v));
            let uses = guard_reads(*v) + usize::from(*truthy);
            let (pattern, x) = match a {
                Some(a) => {
                    let (x, m) = self.narrowed_local(*a);
                    (quote!(Some(#m #x)), x)
                }
                None if uses > 0 => {
                    let name = self.fun?.local(*v).name.clone();
                    let x = self.namer.fresh(&name);
                    (quote!(Some(#x)), x)
                }
                None => (quote!(Some(_)), self.namer.fresh("_")),
            };
            if *truthy {
                truthy_guards.push(self.truthy_tokens(quote!(#x), inner));
            }
            patterns.push(pattern);
            scruts.push(self.some_scrutinee(*v, 1 + usize::from(a.is_some()) + guard_reads(*v)));
            reads.push((*v, BoundRead::new(&x, 0, !inner.is_copy())));
        }
        let (pattern, scrut) = if patterns.len() == 1 {
            (patterns[0].clone(), scruts[0].clone())
        } else {
            (quote!((#(#patterns),*)), quote!((#(#scruts),*)))
        };
        let p = self.block_ts(&then[k..]);
        let e = self.block_ts(orelse);
        if rest.is_empty() && truthy_guards.is_empty() {
            let ts = if orelse.is_empty() {
                quote!(if let #pattern = #scrut { #p })
            } else {
                quote!(if let #pattern = #scrut { #p } else { #e })
            };
            return Some((ts, true));
        }
        let saved: Vec<_> = reads
            .into_iter()
            .map(|(v, r)| (Bound::Unwrap(v), self.bound.insert(Bound::Unwrap(v), r)))
            .collect();
        let mut guards: Vec<TokenStream> = truthy_guards;
        for r in rest {
            guards.push(self.val(r).at_least(Prec::And));
        }
        for (key, old) in saved {
            match old {
                Some(o) => self.bound.insert(key, o),
                None => self.bound.remove(&key),
            };
        }
        Some((
            quote!(match #scrut { #pattern if #(#guards)&&* => { #p } _ => { #e } }),
            false,
        ))
    }

    /// `while v is not None:` starting by unwrapping `v`: `while let
    /// Some(a) = v`.
    pub(crate) fn while_some(&mut self, cond: &Expr, body: &[Stmt]) -> Option<TokenStream> {
        let v = is_some_test(cond)?;
        let a = unwrap_let(body.first(), v)?;
        let (x, m) = self.narrowed_local(a);
        let scrut = self.some_scrutinee(v, usize::MAX);
        let b = self.block_ts(&body[1..]);
        let label = self.loop_label();
        Some(quote!(#label while let Some(#m #x) = #scrut { #b }))
    }

    /// The optional local moved or cloned into an `if let` / `match` that
    /// reads it `reads` times.
    fn some_scrutinee(&mut self, v: LocalId, reads: usize) -> TokenStream {
        let id = self.local(v);
        let inner = self.inner_ty(self.local_ty(v));
        if inner.is_copy() || self.moves_here(v, reads) {
            quote!(#id)
        } else {
            quote!(#id.clone())
        }
    }

    /// `if v is None: <jump>` then `let a = v!`: `let Some(a) = v else {
    /// <jump> };` (the number of statements used, or `None`).
    pub(crate) fn let_else(&mut self, stmts: &[Stmt]) -> Option<TokenStream> {
        let [Stmt::If { cond, then, orelse }, next, ..] = stmts else {
            return None;
        };
        // `if v is None:` or `if not v:`.
        let (v, truthy) = match &cond.kind {
            ExprKind::Not(c) => (self.truthy_opt_test(c)?, true),
            _ => (is_none_test(cond)?, false),
        };
        if !orelse.is_empty() || !ends_with_jump(then) {
            return None;
        }
        let a = unwrap_let(Some(next), v)?;
        let (x, m) = self.narrowed_local(a);
        let scrut = self.some_scrutinee(v, 2);
        let t = self.block_ts(then);
        if truthy {
            let inner = self.inner_ty(self.local_ty(v));
            let y = self.namer.fresh("v");
            let arg = if inner.is_copy() {
                quote!(*#y)
            } else {
                quote!(#y)
            };
            let test = self.truthy_tokens(arg, inner);
            let scrut = match test.to_string().as_str() {
                "true" => scrut,
                "false" => quote!(#scrut.filter(|_| false)),
                _ => quote!(#scrut.filter(|#y| #test)),
            };
            return Some(quote! { let Some(#m #x) = #scrut else { #t }; });
        }
        Some(quote! { let Some(#m #x) = #scrut else { #t }; })
    }
}
