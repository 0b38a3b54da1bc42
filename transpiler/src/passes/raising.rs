//! Which functions return `Result` instead of trapping (DESIGN.md,
//! principle 5): those whose exceptions can reach a `try`, i.e. functions
//! called inside a `try` body, the functions they call, and so on, where
//! the body may raise at all. Everything else keeps the trapping
//! `or_raise` fast path.

use crate::model::effects::may_raise_own;
use crate::model::ir::{Expr, ExprKind, FuncId, Program, Stmt};
use crate::model::visit::{self, Visitor};
use crate::model::Ty;
use std::collections::BTreeSet;

/// Sets `Function::raises` for every function of `program`.
pub(crate) fn mark(program: &mut Program) {
    let n = program.functions.len();
    // Calls per function: (callee, made inside a `try` body).
    let mut calls: Vec<Vec<(FuncId, bool)>> = Vec::with_capacity(n);
    let mut raises_itself = Vec::with_capacity(n);
    for f in &program.functions {
        let mut c = Calls::default();
        visit::walk_stmts(&mut c, &f.body);
        calls.push(c.calls);
        raises_itself.push(c.raises);
    }
    // Generators: a body that may raise (by itself or through a call)
    // delivers its exception to whoever asks for the next item, which may
    // be inside a `try`; so it is fallible wherever it is consumed, and
    // the functions it calls report their exceptions to it.
    let is_gen = |g: FuncId| program.function(g).generator;
    let mut may = raises_itself.clone();
    loop {
        let mut changed = false;
        for i in 0..n {
            if !may[i]
                && calls[i]
                    .iter()
                    .any(|(g, _)| may[g.0 as usize] && !is_gen(*g))
            {
                may[i] = true;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    let fallible: Vec<bool> = (0..n)
        .map(|i| program.functions[i].generator && may[i])
        .collect();
    // Functions a `try` reaches.
    let mut reached: BTreeSet<FuncId> = calls
        .iter()
        .enumerate()
        .flat_map(|(i, cs)| cs.iter().map(move |c| (i, c)))
        .filter(|(i, (_, in_try))| *in_try || fallible[*i])
        .map(|(_, (g, _))| *g)
        .collect();
    let mut todo: Vec<FuncId> = reached.iter().copied().collect();
    while let Some(f) = todo.pop() {
        for (g, _) in &calls[f.0 as usize] {
            if reached.insert(*g) {
                todo.push(*g);
            }
        }
    }
    // Of those, the ones that may raise: by an operation of their own or
    // through a call of one that raises.
    // A generator's body runs when its items are asked for, not when it is
    // called: calling it never raises.
    let eligible =
        |f: FuncId| reached.contains(&f) && program.function(f).ret != Ty::NEVER && !is_gen(f);
    let mut raises: Vec<bool> = (0..n)
        .map(|i| eligible(FuncId(i as u32)) && raises_itself[i])
        .collect();
    loop {
        let mut changed = false;
        for i in 0..n {
            if !raises[i]
                && eligible(FuncId(i as u32))
                && calls[i]
                    .iter()
                    .any(|(g, _)| raises[g.0 as usize] && !is_gen(*g))
            {
                raises[i] = true;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    // For a generator, `raises` says its body is fallible (`Gen::fallible`).
    for ((f, r), fallible) in program.functions.iter_mut().zip(raises).zip(fallible) {
        f.raises = r || fallible;
    }
}

#[derive(Default)]
struct Calls {
    calls: Vec<(FuncId, bool)>,
    /// Inside how many `try` bodies.
    in_try: usize,
    /// Whether some operation other than a call may raise.
    raises: bool,
}

impl Visitor for Calls {
    fn visit_stmt(&mut self, s: &Stmt) {
        match s {
            Stmt::Try {
                body,
                handlers,
                orelse,
                finally,
            } => {
                self.in_try += 1;
                visit::walk_stmts(self, body);
                self.in_try -= 1;
                for h in handlers {
                    visit::walk_stmts(self, &h.body);
                }
                visit::walk_stmts(self, orelse);
                visit::walk_stmts(self, finally);
            }
            // Stores into containers and range bounds may raise too.
            Stmt::AugAssign { .. } | Stmt::For(_) | Stmt::ForEach(_) => {
                self.raises = true;
                visit::walk_stmt(self, s);
            }
            Stmt::Assign { place, .. } if !place.reads().is_empty() => {
                self.raises = true;
                visit::walk_stmt(self, s);
            }
            _ => visit::walk_stmt(self, s),
        }
    }

    fn visit_expr(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Call(f, _) => self.calls.push((*f, self.in_try > 0)),
            // Calls answer for themselves, through the callee.
            _ if may_raise_own(e) => self.raises = true,
            _ => {}
        }
        visit::walk_expr(self, e);
    }
}
