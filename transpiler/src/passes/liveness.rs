//! Dead-store elimination on the typed IR.
//!
//! Python lets a function assign a variable whose value is never read
//! (`x = 0` before an `if` that assigns it on every path, a counter bumped
//! after its last use). Rust warns about such stores, and generated code
//! must be warning-free, so this pass removes them before declarations are
//! placed. A removed store whose value could raise (or call a function) is
//! kept as `let _ = value;`, so Python's exceptions and side effects stay.

use crate::model::effects::has_effects;
use crate::model::ir::{BinOp, Expr, ExprKind, ForEach, ForRange, Local, LocalId, Place, Stmt};
use crate::model::visit::each_subexpr;
use crate::model::Ty;
use std::collections::BTreeSet;

type Live = BTreeSet<LocalId>;

/// Removes dead stores to locals until none are left.
pub(crate) fn remove_dead_stores(mut body: Vec<Stmt>, locals: &[Local]) -> Vec<Stmt> {
    // `try` moves control to its handlers from every operation that may
    // raise; this pass does not model that yet, so such functions keep
    // every store.
    if !super::only_core_statements(&body) || has_try(&body) {
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

fn has_try(stmts: &[Stmt]) -> bool {
    stmts.iter().any(|s| match s {
        Stmt::Try { .. } => true,
        Stmt::If { then, orelse, .. } => has_try(then) || has_try(orelse),
        Stmt::While { body, .. } => has_try(body),
        Stmt::For(f) => has_try(&f.body),
        Stmt::ForEach(f) => has_try(&f.body),
        _ => false,
    })
}

/// Liveness at `break` (after the loop) and `continue` (the loop head).
#[derive(Default, Clone)]
struct LoopLive {
    brk: Live,
    cont: Live,
}

fn reads(e: &Expr, into: &mut Live) {
    each_subexpr(e, &mut |e| {
        if let ExprKind::Local(n) = e.kind {
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
        .fold(out.clone(), |live, s| live_in(s, live, lp))
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
            .map_or_else(Live::new, |e| with_reads(Live::new(), e)),
        Stmt::Break => lp.brk.clone(),
        Stmt::Continue => lp.cont.clone(),
        Stmt::If { cond, then, orelse } => {
            let mut live = live_in_block(then, &out, lp);
            live.extend(live_in_block(orelse, &out, lp));
            with_reads(live, cond)
        }
        Stmt::While { cond, body } => while_head(cond, body, &out),
        Stmt::For(f) => {
            let mut live = for_head(f.var, &f.body, &out);
            reads(&f.start, &mut live);
            reads(&f.stop, &mut live);
            live
        }
        Stmt::ForEach(f) => {
            let mut live = for_head(f.var, &f.body, &out);
            reads(&f.iter, &mut live);
            live
        }
        // Not produced yet: functions holding these skip this pass.
        Stmt::Try { .. } | Stmt::With { .. } | Stmt::Del(_) => out,
    }
}

/// Live set at a `while` loop's head (before the condition), to a fixed point.
fn while_head(cond: &Expr, body: &[Stmt], out: &Live) -> Live {
    let infinite = matches!(cond.kind, ExprKind::Bool(true));
    let mut head = if infinite { Live::new() } else { out.clone() };
    reads(cond, &mut head);
    loop {
        let lp = LoopLive {
            brk: out.clone(),
            cont: head.clone(),
        };
        let mut next = head.clone();
        next.extend(live_in_block(body, &head, &lp));
        if next == head {
            return head;
        }
        head = next;
    }
}

/// Live set at a `for` loop's head (before each iteration binds the variable).
fn for_head(var: LocalId, body: &[Stmt], out: &Live) -> Live {
    let mut head = out.clone();
    loop {
        let lp = LoopLive {
            brk: out.clone(),
            cont: head.clone(),
        };
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
        rev.extend(kept);
        live = before;
    }
    rev.reverse();
    (rev, live)
}

fn rewrite(s: Stmt, out: Live, lp: &LoopLive, locals: &[Local]) -> (Option<Stmt>, Live) {
    match s {
        Stmt::Assign {
            place: Place::Local(x),
            value,
        } if !out.contains(&x) => {
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
        } if !out.contains(&x) => {
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
            let head = while_head(&cond, &body, &out);
            let inner = LoopLive {
                brk: out,
                cont: head.clone(),
            };
            let (body, _) = rewrite_block(body, head.clone(), &inner, locals);
            (Some(Stmt::While { cond, body }), head)
        }
        Stmt::ForEach(f) => {
            let head = for_head(f.var, &f.body, &out);
            let inner = LoopLive {
                brk: out,
                cont: head.clone(),
            };
            let (body, _) = rewrite_block(f.body, head.clone(), &inner, locals);
            let f = ForEach { body, ..f };
            let mut live = head;
            reads(&f.iter, &mut live);
            (Some(Stmt::ForEach(f)), live)
        }
        Stmt::For(f) => {
            let head = for_head(f.var, &f.body, &out);
            let inner = LoopLive {
                brk: out,
                cont: head.clone(),
            };
            let (body, _) = rewrite_block(f.body, head.clone(), &inner, locals);
            let f = ForRange { body, ..f };
            let mut live = head;
            reads(&f.start, &mut live);
            reads(&f.stop, &mut live);
            (Some(Stmt::For(f)), live)
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
