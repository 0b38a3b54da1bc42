//! What the canister's exported methods can reach: the functions they call
//! (transitively) and the globals those read or write. Only these are
//! generated, so Python helpers nobody calls cost nothing and warn nothing.

use crate::model::ir::{ExprKind, FuncId, GlobalId, Place, Program};
use crate::model::visit::{each_expr, each_place};
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
    while let Some(id) = todo.pop() {
        if !r.functions.insert(id) {
            continue;
        }
        let f = program.function(id);
        each_expr(&f.body, &mut |e| match e.kind {
            ExprKind::Call(c, _) | ExprKind::Closure(c) => {
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
    r
}
