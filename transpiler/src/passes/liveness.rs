//! Dead-store elimination on the typed IR.
//!
//! Python lets a function assign a variable whose value is never read
//! (`x = 0` before an `if` that assigns it on every path, a counter bumped
//! after its last use). Rust warns about such stores, and generated code
//! must be warning-free, so this pass removes them before declarations are
//! placed. A removed store whose value could raise (or call a function) is
//! kept as `let _ = value;`, so Python's exceptions and side effects stay.

use crate::model::effects::has_effects;
use crate::model::ir::{
    BinOp, Expr, ExprKind, ForEach, ForRange, Handler, Local, LocalId, Place, Stmt,
};
use crate::model::visit::each_subexpr;
use crate::model::Ty;
use std::collections::BTreeSet;

type Live = BTreeSet<LocalId>;

/// Removes dead stores to locals until none are left.
pub(crate) fn remove_dead_stores(mut body: Vec<Stmt>, locals: &[Local]) -> Vec<Stmt> {
    if !super::only_core_statements(&body) {
        return body;
    }
    // Each pass can expose more dead stores (a removed read); a handful of
    // passes reaches the fixed point for any realistic function.
    for _ in 0..8 {
        let (next, _) = rewrite_block(body.clone(), Live::new(), &LoopLive::default(), locals);
        if next == body {
            break;
        }
        body = next;
    }
    body
}

/// Liveness at `break` (after the loop) and `continue` (the loop head),
/// where a raised exception goes (`exc`: the live set at the enclosing
/// handlers, or after the `finally` that re-raises it), and what the
/// `finally` bodies a `return`/`break`/`continue` runs read (`fin`).
#[derive(Default, Clone)]
struct LoopLive {
    brk: Live,
    cont: Live,
    exc: Live,
    fin: Live,
}

impl LoopLive {
    /// The context of a loop body inside this one.
    fn inner(&self, brk: Live, cont: Live) -> LoopLive {
        LoopLive {
            brk,
            cont,
            exc: self.exc.clone(),
            fin: self.fin.clone(),
        }
    }
}

/// `live` before `s`: where `s` may raise, also what the handlers read.
fn with_exc(mut live: Live, s: &Stmt, lp: &LoopLive) -> Live {
    if super::flow::stmt_may_raise(s) {
        live.extend(lp.exc.iter().copied());
    }
    live
}

/// The contexts of a `try`'s parts: (body, handlers and `else`), and the
/// live set after the handlers and `else` (before `finally`).
fn try_contexts(
    handlers: &[Handler],
    finally: &[Stmt],
    out: &Live,
    lp: &LoopLive,
    handler_in: impl Fn(&LoopLive, &Live) -> Live,
) -> (LoopLive, LoopLive, Live) {
    let mut outer = lp.clone();
    let after = if finally.is_empty() {
        out.clone()
    } else {
        // Exceptions run `finally`, then go on to the enclosing handlers.
        outer.exc = live_in_block(finally, &lp.exc, lp);
        outer
            .fin
            .extend(live_in_block(finally, &Live::new(), lp).iter().copied());
        live_in_block(finally, out, lp)
    };
    let mut body = outer.clone();
    let catch_all = handlers
        .iter()
        .any(|h| h.classes.iter().any(|c| c.catches_all()));
    body.exc = if catch_all {
        Live::new()
    } else {
        outer.exc.clone()
    };
    body.exc.extend(handler_in(&outer, &after));
    (body, outer, after)
}

fn reads(e: &Expr, into: &mut Live) {
    each_subexpr(e, &mut |e| {
        if let ExprKind::Local(n) | ExprKind::Cell(n) = e.kind {
            into.insert(n);
        }
    });
}

fn with_reads(mut live: Live, e: &Expr) -> Live {
    reads(e, &mut live);
    live
}

fn live_in_block(stmts: &[Stmt], out: &Live, lp: &LoopLive) -> Live {
    stmts
        .iter()
        .rev()
        .fold(out.clone(), |live, s| with_exc(live_in(s, live, lp), s, lp))
}

fn live_in(s: &Stmt, out: Live, lp: &LoopLive) -> Live {
    match s {
        Stmt::Let { local, value } => {
            let mut live = out;
            live.remove(local);
            match value {
                Some(v) => with_reads(live, v),
                None => live,
            }
        }
        Stmt::Assign { place, value } => {
            let mut live = out;
            if let Place::Local(x) = place {
                live.remove(x);
            }
            for e in place.reads() {
                live = with_reads(live, e);
            }
            with_reads(live, value)
        }
        Stmt::AugAssign { place, value, .. } => {
            let mut live = with_reads(out, value);
            for e in place.reads() {
                live = with_reads(live, e);
            }
            if let Place::Local(x) = place {
                live.insert(*x);
            }
            live
        }
        Stmt::Expr(e) if e.diverges() => with_reads(Live::new(), e),
        Stmt::Expr(e) | Stmt::Discard(e) => with_reads(out, e),
        Stmt::Return(e) => e
            .as_ref()
            .map_or_else(|| lp.fin.clone(), |e| with_reads(lp.fin.clone(), e)),
        Stmt::Break => lp.brk.union(&lp.fin).copied().collect(),
        Stmt::Continue => lp.cont.union(&lp.fin).copied().collect(),
        Stmt::If { cond, then, orelse } => {
            let mut live = live_in_block(then, &out, lp);
            live.extend(live_in_block(orelse, &out, lp));
            with_reads(live, cond)
        }
        Stmt::While { cond, body } => while_head(cond, body, &out, lp),
        Stmt::For(f) => {
            let mut live = for_head(f.var, &f.body, &out, lp);
            reads(&f.start, &mut live);
            reads(&f.stop, &mut live);
            live
        }
        Stmt::ForEach(f) => {
            let mut live = for_head(f.var, &f.body, &out, lp);
            reads(&f.iter, &mut live);
            live
        }
        Stmt::Try {
            body,
            handlers,
            orelse,
            finally,
        } => {
            let (body_lp, outer, after) =
                try_contexts(handlers, finally, &out, lp, |outer, after| {
                    handlers_in(handlers, after, outer)
                });
            let else_in = live_in_block(orelse, &after, &outer);
            live_in_block(body, &else_in, &body_lp)
        }
        // Not produced yet: functions holding these skip this pass.
        Stmt::With { .. } | Stmt::Del(_) => out,
    }
}

/// What the handlers read at their start (each binds its exception).
fn handlers_in(handlers: &[Handler], after: &Live, lp: &LoopLive) -> Live {
    let mut live = Live::new();
    for h in handlers {
        let mut l = live_in_block(&h.body, after, lp);
        if let Some(b) = h.bind {
            l.remove(&b);
        }
        live.extend(l);
    }
    live
}

/// Live set at a `while` loop's head (before the condition), to a fixed point.
fn while_head(cond: &Expr, body: &[Stmt], out: &Live, outer: &LoopLive) -> Live {
    let infinite = matches!(cond.kind, ExprKind::Bool(true));
    let mut head = if infinite { Live::new() } else { out.clone() };
    reads(cond, &mut head);
    if crate::model::effects::may_raise(cond) {
        head.extend(outer.exc.iter().copied());
    }
    loop {
        let lp = outer.inner(out.clone(), head.clone());
        let mut next = head.clone();
        next.extend(live_in_block(body, &head, &lp));
        if next == head {
            return head;
        }
        head = next;
    }
}

/// Live set at a `for` loop's head (before each iteration binds the variable).
fn for_head(var: LocalId, body: &[Stmt], out: &Live, outer: &LoopLive) -> Live {
    // Each step may raise (a dict changed while iterated).
    let mut head = out.clone();
    head.extend(outer.exc.iter().copied());
    loop {
        let lp = outer.inner(out.clone(), head.clone());
        let mut body_in = live_in_block(body, &head, &lp);
        body_in.remove(&var);
        let mut next = head.clone();
        next.extend(body_in);
        if next == head {
            return head;
        }
        head = next;
    }
}

fn discard(e: Expr) -> Option<Stmt> {
    if !has_effects(&e) {
        None
    } else {
        Some(Stmt::Discard(e))
    }
}

/// Rewrites a block backwards; returns it and the live set at its start.
fn rewrite_block(
    stmts: Vec<Stmt>,
    out: Live,
    lp: &LoopLive,
    locals: &[Local],
) -> (Vec<Stmt>, Live) {
    let mut live = out;
    let mut rev = Vec::with_capacity(stmts.len());
    for s in stmts.into_iter().rev() {
        let (kept, before) = rewrite(s, live, lp, locals);
        live = match &kept {
            Some(k) => with_exc(before, k, lp),
            None => before,
        };
        rev.extend(kept);
    }
    rev.reverse();
    (rev, live)
}

fn rewrite(s: Stmt, out: Live, lp: &LoopLive, locals: &[Local]) -> (Option<Stmt>, Live) {
    match s {
        // A nested function may read a cell at any time.
        Stmt::Assign {
            place: Place::Local(x),
            value,
        } if !out.contains(&x) && !locals[x.0 as usize].cell => {
            let kept = discard(value);
            let live = match &kept {
                Some(s) => live_in(s, out, lp),
                None => out,
            };
            (kept, live)
        }
        Stmt::AugAssign {
            place: Place::Local(x),
            op,
            value,
        } if !out.contains(&x) && !locals[x.0 as usize].cell => {
            let kept = discard(aug_value(locals[x.0 as usize].ty, x, op, value));
            let live = match &kept {
                Some(s) => live_in(s, out, lp),
                None => out,
            };
            (kept, live)
        }
        Stmt::If { cond, then, orelse } => {
            let (then, l1) = rewrite_block(then, out.clone(), lp, locals);
            let (orelse, l2) = rewrite_block(orelse, out, lp, locals);
            let mut live = l1;
            live.extend(l2);
            if then.is_empty() && orelse.is_empty() {
                // Nothing left to do in either branch: only the condition's
                // effects (if any) remain.
                let kept = discard(cond);
                let live = match &kept {
                    Some(s) => live_in(s, live, lp),
                    None => live,
                };
                return (kept, live);
            }
            let live = with_reads(live, &cond);
            (Some(Stmt::If { cond, then, orelse }), live)
        }
        Stmt::While { cond, body } => {
            let head = while_head(&cond, &body, &out, lp);
            let inner = lp.inner(out, head.clone());
            let (body, _) = rewrite_block(body, head.clone(), &inner, locals);
            (Some(Stmt::While { cond, body }), head)
        }
        Stmt::ForEach(f) => {
            let head = for_head(f.var, &f.body, &out, lp);
            let inner = lp.inner(out, head.clone());
            let (body, _) = rewrite_block(f.body, head.clone(), &inner, locals);
            let f = ForEach { body, ..f };
            let mut live = head;
            reads(&f.iter, &mut live);
            (Some(Stmt::ForEach(f)), live)
        }
        Stmt::For(f) => {
            let head = for_head(f.var, &f.body, &out, lp);
            let inner = lp.inner(out, head.clone());
            let (body, _) = rewrite_block(f.body, head.clone(), &inner, locals);
            let f = ForRange { body, ..f };
            let mut live = head;
            reads(&f.start, &mut live);
            reads(&f.stop, &mut live);
            (Some(Stmt::For(f)), live)
        }
        Stmt::Try {
            body,
            handlers,
            orelse,
            finally,
        } => {
            let (body_lp, outer, after) =
                try_contexts(&handlers, &finally, &out, lp, |outer, after| {
                    handlers_in(&handlers, after, outer)
                });
            let (finally, _) = rewrite_block(finally, out, lp, locals);
            let handlers: Vec<Handler> = handlers
                .into_iter()
                .map(|h| {
                    let (body, _) = rewrite_block(h.body, after.clone(), &outer, locals);
                    Handler { body, ..h }
                })
                .collect();
            let (orelse, else_in) = rewrite_block(orelse, after, &outer, locals);
            let (body, live) = rewrite_block(body, else_in, &body_lp, locals);
            let s = Stmt::Try {
                body,
                handlers,
                orelse,
                finally,
            };
            (Some(s), live)
        }
        other => {
            let live = live_in(&other, out, lp);
            (Some(other), live)
        }
    }
}

/// The value `place op= value` stores, as an expression (for a dead store
/// whose computation may still raise). Fixed-width in-place arithmetic is
/// `int` arithmetic narrowed back, which raises exactly when it overflows.
fn aug_value(ty: Ty, x: LocalId, op: BinOp, value: Expr) -> Expr {
    let span = value.span;
    let read = Expr::new(ty, ExprKind::Local(x), span);
    if ty.is_fixed() {
        let widen = |e: Expr| Expr::new(Ty::INT, ExprKind::Convert(Box::new(e)), span);
        let sum = Expr::new(
            Ty::INT,
            ExprKind::Binary(op, Box::new(widen(read)), Box::new(widen(value))),
            span,
        );
        return Expr::new(ty, ExprKind::Convert(Box::new(sum)), span);
    }
    let result_ty = if op == BinOp::Div { Ty::FLOAT64 } else { ty };
    Expr::new(
        result_ty,
        ExprKind::Binary(op, Box::new(read), Box::new(value)),
        span,
    )
}
