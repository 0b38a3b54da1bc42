//! IR-to-IR passes, run after the checker and before lowering:
//! [`liveness`] removes dead stores, [`flow`] places declarations and checks
//! definite assignment, [`reach`] finds what exported methods use. Each
//! works on plain IR data; none calls back into the checker.

pub mod flow;
pub mod liveness;
pub mod raising;
pub mod reach;
pub mod sharing;
pub mod unbound;

use crate::diagnostics::Diagnostic;
use crate::model::ir::{Program, Stmt};

/// Runs the function passes over every function of `program`.
pub fn run(program: &mut Program) -> Result<(), Vec<Diagnostic>> {
    let mut diags = Vec::new();
    let module_inits = program.module_inits.clone();
    for (index, f) in program.functions.iter_mut().enumerate() {
        if !only_core_statements(&f.body) {
            diags.push(
                Diagnostic::new(
                    f.span,
                    format!(
                        "`{}` uses statements this compiler cannot lower yet",
                        f.name
                    ),
                )
                .with_help("supported so far: assignment, if, while, for over range(), return"),
            );
            continue;
        }
        flow::split_escaping_loop_vars(f);
        // Locals read where they may be unassigned raise at the read.
        let mut probe = f.clone();
        if let Err(errors) = flow::analyze(&mut probe) {
            let unbound: std::collections::BTreeSet<_> = errors
                .iter()
                .filter_map(|e| match e {
                    flow::FlowError::Unassigned(local, _) => Some(*local),
                    _ => None,
                })
                .collect();
            let module = module_inits.iter().any(|m| m.0 as usize == index);
            unbound::guard(f, &unbound, module);
        }
        let body = std::mem::take(&mut f.body);
        f.body = liveness::remove_dead_stores(body, &f.locals);
        if let Err(errors) = flow::analyze(f) {
            for e in errors {
                diags.push(match e {
                    flow::FlowError::Unassigned(local, span) => {
                        let name = &f.local(local).name;
                        Diagnostic::new(span, format!("`{name}` might be used before it is assigned"))
                            .with_help(format!(
                                "assign `{name}` a value on every path before this use, e.g. \
                                 at the start of the function"
                            ))
                    }
                    flow::FlowError::LoopVarOutside(local, span) => {
                        let name = &f.local(local).name;
                        Diagnostic::new(span, format!("loop variable `{name}` is also used outside its loop"))
                            .with_help("use a different name outside the loop (Python keeps the last value; this is not supported yet)")
                    }
                });
            }
        }
    }
    raising::mark(program);
    program.shared = sharing::mutated_types(program);
    program.shared.extend(sharing::class_types(program));
    if diags.is_empty() {
        Ok(())
    } else {
        diags.sort_by_key(|d| (d.span.file, d.span.start));
        Err(diags)
    }
}

/// Whether `stmts` use only the statements the passes handle today
/// (`for` over iterables, `try`, `raise`, `with` and `del` arrive with the
/// Python-core issue).
pub(crate) fn only_core_statements(stmts: &[Stmt]) -> bool {
    stmts.iter().all(|s| match s {
        Stmt::With { .. } | Stmt::Del(_) => false,
        _ => s.blocks().into_iter().all(only_core_statements),
    })
}
