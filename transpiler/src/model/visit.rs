//! The one traversal of the IR. Passes implement [`Visitor`] and override
//! what they care about; the `walk_*` functions visit the children in
//! evaluation order. Passes that need control flow (liveness, definite
//! assignment) walk statements themselves and use this for expressions.

use super::ir::{Expr, FPart, ForRange, Handler, Place, Stmt};

pub trait Visitor {
    fn visit_stmt(&mut self, s: &Stmt) {
        walk_stmt(self, s);
    }

    fn visit_expr(&mut self, e: &Expr) {
        walk_expr(self, e);
    }

    /// A place being stored to (its sub-expressions are reads).
    fn visit_place(&mut self, p: &Place) {
        walk_place(self, p);
    }
}

pub fn walk_stmts<V: Visitor + ?Sized>(v: &mut V, stmts: &[Stmt]) {
    for s in stmts {
        v.visit_stmt(s);
    }
}

pub fn walk_stmt<V: Visitor + ?Sized>(v: &mut V, s: &Stmt) {
    match s {
        Stmt::Let { value, .. } => {
            if let Some(e) = value {
                v.visit_expr(e);
            }
        }
        Stmt::Assign { place, value } | Stmt::AugAssign { place, value, .. } => {
            v.visit_expr(value);
            v.visit_place(place);
        }
        Stmt::Expr(e) | Stmt::Discard(e) => v.visit_expr(e),
        Stmt::If { cond, then, orelse } => {
            v.visit_expr(cond);
            walk_stmts(v, then);
            walk_stmts(v, orelse);
        }
        Stmt::While { cond, body } => {
            v.visit_expr(cond);
            walk_stmts(v, body);
        }
        Stmt::For(ForRange {
            start, stop, body, ..
        }) => {
            v.visit_expr(start);
            v.visit_expr(stop);
            walk_stmts(v, body);
        }
        Stmt::ForEach(f) => {
            v.visit_expr(&f.iter);
            walk_stmts(v, &f.body);
        }
        Stmt::Break | Stmt::Continue => {}
        Stmt::Return(e) => {
            if let Some(e) = e {
                v.visit_expr(e);
            }
        }
        Stmt::Try {
            body,
            handlers,
            orelse,
            finally,
        } => {
            walk_stmts(v, body);
            for Handler { body, .. } in handlers {
                walk_stmts(v, body);
            }
            walk_stmts(v, orelse);
            walk_stmts(v, finally);
        }
        Stmt::With { ctx, bind, body } => {
            v.visit_expr(ctx);
            if let Some(p) = bind {
                v.visit_place(p);
            }
            walk_stmts(v, body);
        }
        Stmt::Del(p) => v.visit_place(p),
    }
}

pub fn walk_expr<V: Visitor + ?Sized>(v: &mut V, e: &Expr) {
    e.for_each_child(&mut |c| v.visit_expr(c));
}

pub fn walk_place<V: Visitor + ?Sized>(v: &mut V, p: &Place) {
    match p {
        Place::Local(_) | Place::Global(_) => {}
        Place::Subscript { base, index } => {
            v.visit_expr(base);
            v.visit_expr(index);
        }
        Place::Attribute { base, .. } | Place::Field(base, _) => v.visit_expr(base),
        Place::Unpack(items) => items.iter().for_each(|p| v.visit_place(p)),
        Place::Starred(p) => v.visit_place(p),
    }
}

/// Calls `f` on every expression of `stmts` (outermost first).
pub fn each_expr(stmts: &[Stmt], f: &mut dyn FnMut(&Expr)) {
    struct Each<'a>(&'a mut dyn FnMut(&Expr));
    impl Visitor for Each<'_> {
        fn visit_expr(&mut self, e: &Expr) {
            (self.0)(e);
            walk_expr(self, e);
        }
    }
    walk_stmts(&mut Each(f), stmts);
}

/// Calls `f` on `e` and every expression inside it (outermost first).
pub fn each_subexpr(e: &Expr, f: &mut dyn FnMut(&Expr)) {
    f(e);
    e.for_each_child(&mut |c| each_subexpr(c, f));
}

/// Calls `f` on every place stored to in `stmts`.
pub fn each_place(stmts: &[Stmt], f: &mut dyn FnMut(&Place)) {
    struct Each<'a>(&'a mut dyn FnMut(&Place));
    impl Visitor for Each<'_> {
        fn visit_place(&mut self, p: &Place) {
            (self.0)(p);
            walk_place(self, p);
        }
    }
    walk_stmts(&mut Each(f), stmts);
}

/// The f-string parts' expressions (used where parts are matched directly).
pub fn fpart_exprs(parts: &[FPart]) -> impl Iterator<Item = &Expr> {
    parts.iter().filter_map(|p| match p {
        FPart::Value { expr, .. } => Some(expr),
        FPart::Lit(_) => None,
    })
}
