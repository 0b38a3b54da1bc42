//! What the canister's exported methods can reach: the functions they call
//! (transitively) and the globals those read or write. Only these are
//! generated, so Python helpers nobody calls cost nothing and warn nothing.

use crate::model::ir::{DefKind, ExprKind, FuncId, GlobalId, Place, Program};
use crate::model::visit::{each_expr, each_place};
use crate::model::{DefId, Ty, TyKind};
use std::collections::BTreeSet;

#[derive(Debug, Default)]
pub struct Reachable {
    pub functions: BTreeSet<FuncId>,
    pub globals: BTreeSet<GlobalId>,
    /// Functions called from Python code (not only through their export).
    pub called: BTreeSet<FuncId>,
}

pub fn reachable(program: &Program) -> Reachable {
    let mut r = Reachable::default();
    let mut todo: Vec<FuncId> = program.exports.iter().map(|e| e.func).collect();
    todo.extend(program.module_inits.iter().copied());
    let mut classes = BTreeSet::new();
    loop {
        reach_from(program, &mut r, &mut todo);
        // The special methods the trait impls of reached classes call
        // (printing, comparing and sorting containers of instances).
        // A hierarchy's impls reach the special methods of all its classes.
        let used = classes_used(program, &r).into_iter().flat_map(|d| {
            match crate::model::ir::class_hierarchy(&program.defs, d) {
                Some(root) => crate::model::ir::class_subtree(&program.defs, root),
                None => vec![d],
            }
        });
        for d in used.collect::<Vec<_>>() {
            if classes.insert(d) {
                if let DefKind::Class(c) = &program.def(d).kind {
                    todo.extend(c.trait_methods());
                }
            }
        }
        if todo.is_empty() {
            return r;
        }
    }
}

/// The classes whose instances the reached functions and globals handle.
pub fn classes_used(program: &Program, r: &Reachable) -> BTreeSet<DefId> {
    let mut tys: Vec<Ty> = r.globals.iter().map(|g| program.global(*g).ty).collect();
    for id in &r.functions {
        let f = program.function(*id);
        tys.push(f.ret);
        tys.extend(f.locals.iter().map(|l| l.ty));
        each_expr(&f.body, &mut |e| tys.push(e.ty));
    }
    let mut seen = BTreeSet::new();
    let mut out = BTreeSet::new();
    while let Some(t) = tys.pop() {
        if !seen.insert(t) {
            continue;
        }
        match program.types.kind(t) {
            TyKind::Nominal(d) => {
                if let DefKind::Class(c) = &program.def(*d).kind {
                    out.insert(*d);
                    tys.extend(c.fields.iter().map(|f| f.ty));
                }
            }
            TyKind::Opt(x) | TyKind::List(x) | TyKind::Set(x) | TyKind::FrozenSet(x) => {
                tys.push(*x)
            }
            TyKind::Dict(k, v) => tys.extend([*k, *v]),
            TyKind::Tuple(items) => tys.extend(items.iter().copied()),
            _ => {}
        }
    }
    out
}

fn reach_from(program: &Program, r: &mut Reachable, todo: &mut Vec<FuncId>) {
    while let Some(id) = todo.pop() {
        if !r.functions.insert(id) {
            continue;
        }
        let f = program.function(id);
        each_expr(&f.body, &mut |e| match e.kind {
            ExprKind::Call(c, _) | ExprKind::Closure(c, _) => {
                r.called.insert(c);
                todo.push(c);
            }
            ExprKind::Global(g) => {
                r.globals.insert(g);
            }
            _ => {}
        });
        each_place(&f.body, &mut |p| {
            if let Place::Global(g) = p {
                r.globals.insert(*g);
            }
        });
    }
}
