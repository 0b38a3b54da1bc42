//! Module initialization order: CPython runs a module's top level when it
//! is first imported, so in a cycle of top-level imports one module sees the
//! other only partly run. `from a import x` there fails with an
//! `ImportError` if `a` has not bound `x` yet; Kybra's canister would trap
//! at install. This replays the top levels in CPython's order (the entry
//! first, packages before their submodules) and reports such imports.

use super::{absolute, is_external, top_level_names, Project};
use crate::diagnostics::Diagnostic;
use crate::source::Span;
use rustpython_parser::ast::{self, Ranged};
use std::collections::HashSet;

#[derive(Clone, Copy, PartialEq)]
enum State {
    NotRun,
    Running,
    Done,
}

struct Replay<'a> {
    project: &'a Project,
    state: Vec<State>,
    /// Names each module has bound so far.
    bound: Vec<HashSet<String>>,
    diags: Vec<Diagnostic>,
    /// Modules in the order their top levels finish.
    done: Vec<usize>,
}

/// Imports of a name from a module that is still running its top level.
pub(super) fn check(project: &Project) -> Vec<Diagnostic> {
    replay(project).diags
}

/// The modules in the order CPython finishes running their top levels
/// (a module's imports run before the rest of it): the order of their
/// module-level code.
pub fn init_order(project: &Project) -> Vec<usize> {
    replay(project).done
}

fn replay(project: &Project) -> Replay<'_> {
    let n = project.modules.len();
    let mut r = Replay {
        project,
        state: vec![State::NotRun; n],
        bound: vec![HashSet::new(); n],
        diags: Vec::new(),
        done: Vec::new(),
    };
    r.run(0);
    r
}

impl Replay<'_> {
    fn run(&mut self, m: usize) {
        self.state[m] = State::Running;
        let project = self.project;
        let module = &project.modules[m];
        for stmt in &module.body {
            match stmt {
                ast::Stmt::ImportFrom(imp) => {
                    let level = imp.level.map_or(0, |l| l.to_u32());
                    let Ok(name) = absolute(&module.package, level, imp.module.as_deref()) else {
                        continue;
                    };
                    if is_external(&name) {
                        continue;
                    }
                    let Some(t) = self.import(&name) else {
                        continue;
                    };
                    for alias in &imp.names {
                        let n = alias.name.as_str();
                        let local = alias.asname.as_ref().unwrap_or(&alias.name).to_string();
                        if n == "*" {
                            let names: Vec<String> = self.bound[t]
                                .iter()
                                .filter(|n| !n.starts_with('_'))
                                .cloned()
                                .collect();
                            self.bound[m].extend(names);
                            continue;
                        }
                        self.bound[m].insert(local);
                        if self.bound[t].contains(n) {
                            continue;
                        }
                        if self.import(&format!("{name}.{n}")).is_some() {
                            continue;
                        }
                        if self.state[t] == State::Running {
                            let range = alias.range();
                            let span = Span::new(
                                module.file,
                                usize::from(range.start())..usize::from(range.end()),
                            );
                            self.diags.push(
                                Diagnostic::new(
                                    span,
                                    format!(
                                        "circular import: `{name}` has not defined `{n}` yet \
                                         when this line runs"
                                    ),
                                )
                                .with_help(format!(
                                    "`{name}` is still running its own imports (it imports \
                                     this module, directly or not); move this import into the \
                                     functions that use `{n}`"
                                )),
                            );
                        }
                    }
                }
                ast::Stmt::Import(imp) => {
                    for alias in &imp.names {
                        if !is_external(alias.name.as_str()) {
                            self.import(alias.name.as_str());
                        }
                        if let Some(local) = &alias.asname {
                            self.bound[m].insert(local.to_string());
                        }
                    }
                }
                other => self.bound[m].extend(top_level_names(std::slice::from_ref(other))),
            }
        }
        self.state[m] = State::Done;
        self.done.push(m);
    }

    /// Imports the module `name` (its packages first), running what has not
    /// run; the module's index, if it is one.
    fn import(&mut self, name: &str) -> Option<usize> {
        let mut prefix = String::new();
        let mut last = None;
        for part in name.split('.') {
            let parent = last;
            if !prefix.is_empty() {
                prefix.push('.');
            }
            prefix.push_str(part);
            last = self.project.by_name.get(&prefix).copied();
            if let Some(i) = last {
                if self.state[i] == State::NotRun {
                    self.run(i);
                }
                // A package binds its submodules as they are imported.
                if let Some(p) = parent {
                    self.bound[p].insert(part.to_string());
                }
            }
        }
        last
    }
}
