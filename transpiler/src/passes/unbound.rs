//! Locals that may be read before they are assigned (`for x in xs: ...`
//! then `print(x)`, a name assigned in one branch only). Python raises at
//! the read, and only when it happens: `UnboundLocalError` in a function,
//! `NameError` in module-level code. Such a local starts with a zero value
//! of its type and gets a hidden flag, set by every store; a statement
//! that reads it checks the flag first.

use crate::model::exceptions::ExcClass;
use crate::model::ir::{Expr, ExprKind, Function, Local, LocalId, Place, Stmt};
use crate::model::visit::{each_expr, each_subexpr};
use crate::model::Ty;
use num_bigint::BigInt;
use std::collections::BTreeSet;

/// One guarded local: the local, its flag, and what reading it unassigned
/// raises.
struct Guard {
    local: LocalId,
    span: crate::source::Span,
    flag: LocalId,
    class: ExcClass,
    message: String,
}

/// Guards `locals` in `f`; `false` (and `f` unchanged) when one of them
/// cannot be guarded (no zero value of its type, or bound by a handler or
/// `del`), so the checker's diagnostic stands.
pub(crate) fn guard(f: &mut Function, locals: &BTreeSet<LocalId>, module: bool) -> bool {
    let mut zeros = Vec::new();
    for l in locals {
        let local = &f.locals[l.0 as usize];
        // Only Python variables: a Record or instance under construction
        // (`self.value` in `__init__`) is not one.
        let variable = local.name.chars().all(|c| c.is_alphanumeric() || c == '_');
        if !variable || local.param || local.cell || binds_otherwise(&f.body, *l) {
            return false;
        }
        match zero(local.ty, local.span) {
            Some(z) => zeros.push(z),
            None => return false,
        }
    }
    let mut guards = Vec::new();
    for l in locals {
        let local = f.locals[l.0 as usize].clone();
        let flag = LocalId(f.locals.len() as u32);
        f.locals.push(Local {
            name: format!("{}_bound", local.name),
            ty: Ty::BOOL,
            span: local.span,
            param: false,
            mutable: true,
            used: true,
            single_use: false,
            cell: false,
        });
        let (class, message) = if module {
            (
                ExcClass::builtin("NameError"),
                format!("name '{}' is not defined", local.name),
            )
        } else {
            (
                ExcClass::builtin("UnboundLocalError"),
                format!(
                    "cannot access local variable '{}' where it is not associated with a value",
                    local.name
                ),
            )
        };
        guards.push(Guard {
            local: *l,
            span: local.span,
            flag,
            class: class.expect("a built-in exception class"),
            message,
        });
    }
    let body = std::mem::take(&mut f.body);
    let mut out = Vec::new();
    for (g, z) in guards.iter().zip(zeros) {
        out.push(Stmt::Assign {
            place: Place::Local(g.local),
            value: z,
        });
        out.push(set_flag(g, false));
    }
    out.extend(rewrite(body, &guards));
    f.body = out;
    true
}

/// A value of type `t` to start with (never read as such: the flag says
/// the local is unassigned).
fn zero(t: Ty, span: crate::source::Span) -> Option<Expr> {
    let kind = match t {
        _ if t == Ty::INT || t == Ty::NAT || t.is_fixed() => ExprKind::Int(BigInt::from(0)),
        Ty::FLOAT64 => ExprKind::Float(0.0),
        Ty::BOOL => ExprKind::Bool(false),
        Ty::STR => ExprKind::Str(String::new()),
        Ty::BYTES => ExprKind::Bytes(Vec::new()),
        Ty::NONE => ExprKind::None,
        Ty::NUM => ExprKind::Convert(Box::new(Expr::new(
            Ty::INT,
            ExprKind::Int(BigInt::from(0)),
            span,
        ))),
        _ => return None,
    };
    Some(Expr::new(t, kind, span))
}

/// Whether something other than an assignment statement binds `l` (an
/// `except ... as` handler, `del`), which the flag would not follow.
fn binds_otherwise(stmts: &[Stmt], l: LocalId) -> bool {
    stmts.iter().any(|s| {
        let own = match s {
            Stmt::Try { handlers, .. } => handlers.iter().any(|h| h.bind == Some(l)),
            Stmt::Del(p) => writes(p, l),
            Stmt::For(f) => f.var == l,
            Stmt::ForEach(f) => f.var == l,
            Stmt::With { bind: Some(p), .. } => writes(p, l),
            _ => false,
        };
        own || s.blocks().into_iter().any(|b| binds_otherwise(b, l))
    })
}

fn writes(p: &Place, l: LocalId) -> bool {
    match p {
        Place::Local(x) => *x == l,
        Place::Unpack(items) => items.iter().any(|p| writes(p, l)),
        Place::Starred(p) => writes(p, l),
        _ => false,
    }
}

fn set_flag(g: &Guard, value: bool) -> Stmt {
    Stmt::Assign {
        place: Place::Local(g.flag),
        value: Expr::new(Ty::BOOL, ExprKind::Bool(value), g.span),
    }
}

/// Where the statement itself (not its nested blocks) reads `l`, if it
/// does.
fn read_at(s: &Stmt, l: LocalId) -> Option<crate::source::Span> {
    if let Stmt::AugAssign {
        place: Place::Local(x),
        value,
        ..
    } = s
    {
        if *x == l {
            return Some(value.span);
        }
    }
    let mut at = None;
    let mut find = |e: &Expr| {
        if e.kind == ExprKind::Local(l) && at.is_none() {
            at = Some(e.span);
        }
    };
    let own: Vec<&Expr> = match s {
        Stmt::If { cond, .. } | Stmt::While { cond, .. } => vec![cond],
        Stmt::For(f) => vec![&f.start, &f.stop],
        Stmt::ForEach(f) => vec![&f.iter],
        Stmt::With { ctx, .. } => vec![ctx],
        Stmt::Try { .. } | Stmt::Break | Stmt::Continue => Vec::new(),
        simple => {
            each_expr(std::slice::from_ref(simple), &mut find);
            return at;
        }
    };
    for e in own {
        each_subexpr(e, &mut find);
    }
    at
}

fn rewrite(stmts: Vec<Stmt>, guards: &[Guard]) -> Vec<Stmt> {
    let mut out = Vec::new();
    for mut s in stmts {
        for g in guards {
            if let Some(span) = read_at(&s, g.local) {
                let raise = Expr::new(
                    Ty::NEVER,
                    ExprKind::Raise {
                        class: g.class,
                        message: Some(Box::new(Expr::new(
                            Ty::STR,
                            ExprKind::Str(g.message.clone()),
                            span,
                        ))),
                    },
                    span,
                );
                out.push(Stmt::If {
                    cond: Expr::new(
                        Ty::BOOL,
                        ExprKind::Not(Box::new(Expr::new(Ty::BOOL, ExprKind::Local(g.flag), span))),
                        span,
                    ),
                    then: vec![Stmt::Expr(raise)],
                    orelse: Vec::new(),
                });
            }
        }
        for b in s.blocks_mut() {
            let inner = std::mem::take(b);
            *b = rewrite(inner, guards);
        }
        let stores: Vec<&Guard> = guards
            .iter()
            .filter(|g| matches!(&s, Stmt::Assign { place, .. } if writes(place, g.local)))
            .collect();
        let flags: Vec<Stmt> = stores.iter().map(|g| set_flag(g, true)).collect();
        out.push(s);
        out.extend(flags);
    }
    out
}
