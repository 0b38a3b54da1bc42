//! Dead-store elimination on the typed IR.
//!
//! Python lets a function assign a variable whose value is never read
//! (`x = 0` before an `if` that assigns it on every path, a counter bumped
//! after its last use). Rust warns about such stores, and generated code
//! must be warning-free, so this pass removes them before declarations are
//! placed. A removed store whose value could raise (or call a function) is
//! kept as `let _ = value;`, so Python's exceptions and side effects stay.

use crate::model::ir::{BinOp, Expr, ExprKind, ForRange, Stmt, Target, UnaryOp};
use crate::model::Ty;
use std::collections::BTreeSet;

type Live = BTreeSet<String>;

/// Removes dead stores to locals until none are left.
pub(crate) fn remove_dead_stores(mut body: Vec<Stmt>) -> Vec<Stmt> {
    // Each pass can expose more dead stores (a removed read); a handful of
    // passes reaches the fixed point for any realistic function.
    for _ in 0..8 {
        let (next, _) = rewrite_block(body.clone(), Live::new(), &LoopLive::default());
        if next == body {
            break;
        }
        body = next;
    }
    body
}

/// Liveness at `break` (after the loop) and `continue` (the loop head).
#[derive(Default, Clone)]
struct LoopLive {
    brk: Live,
    cont: Live,
}

fn reads(e: &Expr, into: &mut Live) {
    if let ExprKind::Local(n) = &e.kind {
        into.insert(n.clone());
    }
    e.for_each_child(&mut |c| reads(c, into));
}

fn with_reads(mut live: Live, e: &Expr) -> Live {
    reads(e, &mut live);
    live
}

/// Whether evaluating `e` can neither raise nor have an effect.
fn pure(e: &Expr) -> bool {
    let own = match &e.kind {
        ExprKind::Binary(op, a, _) => match a.ty {
            Ty::Int => matches!(
                op,
                BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::BitAnd | BinOp::BitOr | BinOp::BitXor
            ),
            Ty::Float64 => matches!(op, BinOp::Add | BinOp::Sub | BinOp::Mul),
            Ty::Str | Ty::Bytes => *op == BinOp::Add,
            _ => false,
        },
        ExprKind::Unary(op, a) => !(matches!(a.ty, Ty::Fixed(_)) && *op == UnaryOp::Neg),
        // Conversions that can leave a range raise; widening ones cannot.
        ExprKind::Convert(a) => match (a.ty, e.ty) {
            (Ty::Int, to) => to == Ty::Int,
            (Ty::Fixed(x), Ty::Fixed(y)) => crate::check::contains(y, x),
            _ => true,
        },
        ExprKind::FString(parts) => parts
            .iter()
            .all(|p| !matches!(p, crate::model::ir::FPart::Value { spec: Some(_), .. })),
        ExprKind::ToCandid(..) | ExprKind::Call(..) | ExprKind::Print(_) | ExprKind::Trap(_) => {
            false
        }
        _ => true,
    };
    let mut children = true;
    e.for_each_child(&mut |c| children &= pure(c));
    own && children
}

fn live_in_block(stmts: &[Stmt], out: &Live, lp: &LoopLive) -> Live {
    stmts
        .iter()
        .rev()
        .fold(out.clone(), |live, s| live_in(s, live, lp))
}

fn live_in(s: &Stmt, out: Live, lp: &LoopLive) -> Live {
    match s {
        Stmt::Let { name, value, .. } => {
            let mut live = out;
            live.remove(name);
            match value {
                Some(v) => with_reads(live, v),
                None => live,
            }
        }
        Stmt::Assign { target, value } => {
            let mut live = out;
            if let Target::Local(x) = target {
                live.remove(x);
            }
            with_reads(live, value)
        }
        Stmt::AugAssign { target, value, .. } => {
            let mut live = with_reads(out, value);
            if let Target::Local(x) = target {
                live.insert(x.clone());
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
            let mut live = for_head(f, &out);
            reads(&f.start, &mut live);
            reads(&f.stop, &mut live);
            live
        }
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
fn for_head(f: &ForRange, out: &Live) -> Live {
    let mut head = out.clone();
    loop {
        let lp = LoopLive {
            brk: out.clone(),
            cont: head.clone(),
        };
        let mut body_in = live_in_block(&f.body, &head, &lp);
        body_in.remove(&f.var);
        let mut next = head.clone();
        next.extend(body_in);
        if next == head {
            return head;
        }
        head = next;
    }
}

fn discard(e: Expr) -> Option<Stmt> {
    if pure(&e) {
        None
    } else {
        Some(Stmt::Discard(e))
    }
}

/// Rewrites a block backwards; returns it and the live set at its start.
fn rewrite_block(stmts: Vec<Stmt>, out: Live, lp: &LoopLive) -> (Vec<Stmt>, Live) {
    let mut live = out;
    let mut rev = Vec::with_capacity(stmts.len());
    for s in stmts.into_iter().rev() {
        let (kept, before) = rewrite(s, live, lp);
        rev.extend(kept);
        live = before;
    }
    rev.reverse();
    (rev, live)
}

fn rewrite(s: Stmt, out: Live, lp: &LoopLive) -> (Option<Stmt>, Live) {
    match s {
        Stmt::Assign {
            target: Target::Local(x),
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
            target: Target::Local(x),
            ty,
            op,
            value,
        } if !out.contains(&x) => {
            let at = value.at.clone();
            let read = Expr::new(ty, ExprKind::Local(x), &at);
            let result_ty = if op == BinOp::Div { Ty::Float64 } else { ty };
            let combined = Expr::new(
                result_ty,
                ExprKind::Binary(op, Box::new(read), Box::new(value)),
                &at,
            );
            let kept = discard(combined);
            let live = match &kept {
                Some(s) => live_in(s, out, lp),
                None => out,
            };
            (kept, live)
        }
        Stmt::If { cond, then, orelse } => {
            let (then, l1) = rewrite_block(then, out.clone(), lp);
            let (orelse, l2) = rewrite_block(orelse, out, lp);
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
            let (body, _) = rewrite_block(body, head.clone(), &inner);
            (Some(Stmt::While { cond, body }), head)
        }
        Stmt::For(f) => {
            let head = for_head(&f, &out);
            let inner = LoopLive {
                brk: out,
                cont: head.clone(),
            };
            let (body, _) = rewrite_block(f.body, head.clone(), &inner);
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
