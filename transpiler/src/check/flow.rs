//! Local-variable flow analysis on the typed IR.
//!
//! Python locals are function-scoped and untyped at their declaration; Rust
//! needs each `let` placed where it dominates its uses, `mut` exactly where a
//! binding is assigned twice, and no reads of unassigned variables. This pass
//! decides where each local is declared, checks definite assignment with the
//! same rules rustc uses (so the generated code always compiles), drops
//! unreachable statements, and terminates functions that would fall off the
//! end without a value.

use crate::model::ir::{Expr, ExprKind, ForRange, Stmt, Target};
use crate::model::{Signature, Ty};
use std::collections::{BTreeMap, BTreeSet, HashMap};

pub(crate) struct FlowResult {
    pub body: Vec<Stmt>,
    pub mutable_params: Vec<String>,
    pub unused: Vec<String>,
    /// Variables read exactly once, outside any loop: that read may move.
    pub single_use: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum FlowError {
    /// A read of a possibly unassigned variable: name, `file:line`.
    Unassigned(String, String),
    /// A `for` variable that is also used outside its loop.
    LoopVarOutside(String),
}

pub(crate) fn analyze(
    body: Vec<Stmt>,
    sig: &Signature,
    locals: &HashMap<String, Ty>,
    needs_value: bool,
) -> Result<FlowResult, Vec<FlowError>> {
    let params: Vec<String> = sig.params.iter().map(|(n, _)| n.clone()).collect();
    // 1. Where is each local declared?
    let mut occ = Occurrences::default();
    occ.block(&body, &mut Vec::new(), &mut BTreeSet::new());
    let outside: Vec<FlowError> = occ
        .loop_vars
        .iter()
        .filter(|v| occ.by_name.contains_key(*v))
        .map(|v| FlowError::LoopVarOutside(v.clone()))
        .collect();
    if !outside.is_empty() {
        return Err(outside);
    }
    let mut decls: BTreeMap<(usize, usize), Vec<(String, bool)>> = BTreeMap::new();
    for (name, list) in &occ.by_name {
        if params.contains(name) {
            continue;
        }
        let common = common_prefix(list.iter().map(|o| o.path.as_slice()));
        let first = list.iter().min_by_key(|o| o.order).expect("non-empty");
        // The deepest block shared by all occurrences, and the statement in
        // it that contains the first one.
        let depth = common.len();
        let Some(&(block, idx)) = first.path.get(depth.saturating_sub(1)) else {
            continue;
        };
        let inline = first.write_assign && first.path.len() == depth;
        decls
            .entry((block, idx))
            .or_default()
            .push((name.clone(), inline));
    }
    let mut next_block = 0;
    let body = place(body, &decls, locals, &mut next_block);

    // 2. Definite assignment, mutability, reachability.
    let mut flow = Flow::default();
    let mut state = State::default();
    for p in &params {
        state.vars.insert(p.clone(), (true, true));
    }
    let (mut body, end) = flow.block(body, Some(state));
    if !flow.errors.is_empty() {
        let mut seen = BTreeSet::new();
        flow.errors.retain(|e| seen.insert(e.clone()));
        return Err(flow.errors);
    }
    set_mut(&mut body, &flow.mutated);
    if end.is_some() && needs_value {
        let at = sig.name.clone();
        let msg = format!(
            "TypeError: {}() reached its end without returning a value",
            sig.name
        );
        body.push(Stmt::Expr(Expr::new(
            Ty::None,
            ExprKind::Trap(Box::new(Expr::new(Ty::Str, ExprKind::Str(msg), &at))),
            &at,
        )));
    }
    let single_use = flow
        .read_count
        .iter()
        .filter(|(n, c)| **c == 1 && !flow.read_in_loop.contains(*n))
        .map(|(n, _)| n.clone())
        .collect();
    Ok(FlowResult {
        single_use,
        body,
        mutable_params: params
            .iter()
            .filter(|p| flow.mutated.contains(*p))
            .cloned()
            .collect(),
        unused: params
            .iter()
            .chain(occ.by_name.keys())
            .chain(occ.loop_vars.iter())
            .filter(|p| !flow.read.contains(*p))
            .cloned()
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect(),
    })
}

#[derive(Debug)]
struct Occurrence {
    /// (block id, statement index) from the function body inwards.
    path: Vec<(usize, usize)>,
    order: usize,
    /// A plain assignment (`x = ...`), the only kind a `let` can replace.
    write_assign: bool,
}

#[derive(Default)]
struct Occurrences {
    by_name: BTreeMap<String, Vec<Occurrence>>,
    loop_vars: BTreeSet<String>,
    next_block: usize,
    order: usize,
}

impl Occurrences {
    fn add(
        &mut self,
        name: &str,
        path: &[(usize, usize)],
        write_assign: bool,
        bound: &BTreeSet<String>,
    ) {
        if bound.contains(name) {
            return; // the variable of an enclosing `for`
        }
        self.order += 1;
        self.by_name
            .entry(name.to_string())
            .or_default()
            .push(Occurrence {
                path: path.to_vec(),
                order: self.order,
                write_assign,
            });
    }

    fn block(
        &mut self,
        stmts: &[Stmt],
        path: &mut Vec<(usize, usize)>,
        bound: &mut BTreeSet<String>,
    ) {
        let id = self.next_block;
        self.next_block += 1;
        for (i, s) in stmts.iter().enumerate() {
            path.push((id, i));
            match s {
                Stmt::Let { .. } | Stmt::Break | Stmt::Continue => {}
                Stmt::Assign { target, value } => {
                    self.expr(value, path, bound);
                    if let Target::Local(n) = target {
                        self.add(n, path, true, bound);
                    }
                }
                Stmt::AugAssign { target, value, .. } => {
                    self.expr(value, path, bound);
                    if let Target::Local(n) = target {
                        self.add(n, path, false, bound);
                    }
                }
                Stmt::Expr(e) | Stmt::Discard(e) => self.expr(e, path, bound),
                Stmt::Return(e) => {
                    if let Some(e) = e {
                        self.expr(e, path, bound);
                    }
                }
                Stmt::If { cond, then, orelse } => {
                    self.expr(cond, path, bound);
                    self.block(then, path, bound);
                    self.block(orelse, path, bound);
                }
                Stmt::While { cond, body } => {
                    self.expr(cond, path, bound);
                    self.block(body, path, bound);
                }
                Stmt::For(ForRange {
                    var,
                    start,
                    stop,
                    body,
                    ..
                }) => {
                    self.expr(start, path, bound);
                    self.expr(stop, path, bound);
                    self.loop_vars.insert(var.clone());
                    let fresh = bound.insert(var.clone());
                    self.block(body, path, bound);
                    if fresh {
                        bound.remove(var);
                    }
                }
            }
            path.pop();
        }
    }

    fn expr(&mut self, e: &Expr, path: &[(usize, usize)], bound: &BTreeSet<String>) {
        visit_reads(e, &mut |name, _| self.add(name, path, false, bound));
    }
}

/// Calls `f` for every local read in `e`, in evaluation order.
fn visit_reads(e: &Expr, f: &mut dyn FnMut(&str, &str)) {
    if let ExprKind::Local(n) = &e.kind {
        f(n, &e.at);
    }
    e.for_each_child(&mut |c| visit_reads(c, f));
}

fn common_prefix<'a>(mut paths: impl Iterator<Item = &'a [(usize, usize)]>) -> Vec<usize> {
    let first: Vec<usize> = match paths.next() {
        Some(p) => p.iter().map(|(b, _)| *b).collect(),
        None => return Vec::new(),
    };
    let mut len = first.len();
    for p in paths {
        len = len.min(p.len());
        for i in 0..len {
            if p[i].0 != first[i] {
                len = i;
                break;
            }
        }
    }
    first[..len].to_vec()
}

/// Rebuilds the body with declarations: an inline `let` replaces the first
/// assignment, a hoisted `let x: T;` goes before the first occurrence.
fn place(
    stmts: Vec<Stmt>,
    decls: &BTreeMap<(usize, usize), Vec<(String, bool)>>,
    locals: &HashMap<String, Ty>,
    next_block: &mut usize,
) -> Vec<Stmt> {
    let id = *next_block;
    *next_block += 1;
    let mut out = Vec::with_capacity(stmts.len());
    for (i, s) in stmts.into_iter().enumerate() {
        let mut inline = None;
        if let Some(list) = decls.get(&(id, i)) {
            for (name, is_inline) in list {
                if *is_inline {
                    inline = Some(name.clone());
                } else {
                    out.push(Stmt::Let {
                        name: name.clone(),
                        ty: locals.get(name).copied().unwrap_or(Ty::None),
                        mutable: false,
                        value: None,
                    });
                }
            }
        }
        let s = match s {
            Stmt::If { cond, then, orelse } => {
                let then = place(then, decls, locals, next_block);
                let orelse = place(orelse, decls, locals, next_block);
                Stmt::If { cond, then, orelse }
            }
            Stmt::While { cond, body } => Stmt::While {
                cond,
                body: place(body, decls, locals, next_block),
            },
            Stmt::For(f) => Stmt::For(ForRange {
                body: place(f.body, decls, locals, next_block),
                ..f
            }),
            Stmt::Assign {
                target: Target::Local(name),
                value,
            } if inline.as_deref() == Some(name.as_str()) => Stmt::Let {
                ty: value.ty,
                name,
                mutable: false,
                value: Some(value),
            },
            other => other,
        };
        out.push(s);
    }
    out
}

#[derive(Clone, Default, PartialEq)]
struct State {
    /// name -> (definitely assigned, maybe assigned)
    vars: BTreeMap<String, (bool, bool)>,
}

fn merge(a: Option<State>, b: Option<State>) -> Option<State> {
    match (a, b) {
        (None, x) | (x, None) => x,
        (Some(a), Some(b)) => {
            let mut vars = BTreeMap::new();
            let names: BTreeSet<&String> = a.vars.keys().chain(b.vars.keys()).collect();
            for n in names {
                let (d1, m1) = a.vars.get(n).copied().unwrap_or((false, false));
                let (d2, m2) = b.vars.get(n).copied().unwrap_or((false, false));
                vars.insert(n.clone(), (d1 && d2, m1 || m2));
            }
            Some(State { vars })
        }
    }
}

#[derive(Default)]
struct LoopCtx {
    breaks: Option<State>,
    continues: Option<State>,
}

#[derive(Default)]
struct Flow {
    errors: Vec<FlowError>,
    mutated: BTreeSet<String>,
    read: BTreeSet<String>,
    read_count: BTreeMap<String, usize>,
    read_in_loop: BTreeSet<String>,
    loops: Vec<LoopCtx>,
    /// Variables bound by enclosing `for` loops.
    bound: Vec<String>,
}

impl Flow {
    fn reads(&mut self, e: &Expr, state: &State) {
        let mut errors = Vec::new();
        let mut read = Vec::new();
        visit_reads(e, &mut |name, at| {
            read.push(name.to_string());
            if let Some((def, _)) = state.vars.get(name) {
                if !def {
                    errors.push(FlowError::Unassigned(name.to_string(), at.to_string()));
                }
            } else if !self.bound.iter().any(|b| b == name) {
                errors.push(FlowError::Unassigned(name.to_string(), at.to_string()));
            }
        });
        self.errors.extend(errors);
        for name in read {
            if !self.loops.is_empty() {
                self.read_in_loop.insert(name.clone());
            }
            *self.read_count.entry(name.clone()).or_default() += 1;
            self.read.insert(name);
        }
    }

    fn write(&mut self, name: &str, state: &mut State) {
        if self.bound.iter().any(|b| b == name) {
            self.mutated.insert(name.to_string());
            return;
        }
        let entry = state.vars.entry(name.to_string()).or_insert((false, false));
        if entry.1 {
            self.mutated.insert(name.to_string());
        }
        *entry = (true, true);
    }

    /// Runs a block; returns the kept statements and the exit state (`None`
    /// if the end is unreachable).
    fn block(&mut self, stmts: Vec<Stmt>, mut state: Option<State>) -> (Vec<Stmt>, Option<State>) {
        let mut out = Vec::with_capacity(stmts.len());
        for s in stmts {
            let Some(st) = state.as_mut() else {
                break; // unreachable: dropped, as rustc would warn about it
            };
            let s = match s {
                Stmt::Let {
                    name,
                    ty,
                    mutable,
                    value,
                } => {
                    match &value {
                        Some(v) => {
                            self.reads(v, st);
                            st.vars.insert(name.clone(), (true, true));
                        }
                        None => {
                            st.vars.insert(name.clone(), (false, false));
                        }
                    }
                    Stmt::Let {
                        name,
                        ty,
                        mutable,
                        value,
                    }
                }
                Stmt::Assign { target, value } => {
                    self.reads(&value, st);
                    if let Target::Local(n) = &target {
                        self.write(n, st);
                    }
                    Stmt::Assign { target, value }
                }
                Stmt::AugAssign {
                    target,
                    ty,
                    op,
                    value,
                } => {
                    if let Target::Local(n) = &target {
                        let read = Expr::new(ty, ExprKind::Local(n.clone()), &value.at);
                        self.reads(&read, st);
                    }
                    self.reads(&value, st);
                    if let Target::Local(n) = &target {
                        self.write(n, st);
                    }
                    Stmt::AugAssign {
                        target,
                        ty,
                        op,
                        value,
                    }
                }
                Stmt::Expr(e) => {
                    self.reads(&e, st);
                    if e.diverges() {
                        state = None;
                    }
                    Stmt::Expr(e)
                }
                Stmt::Discard(e) => {
                    self.reads(&e, st);
                    Stmt::Discard(e)
                }
                Stmt::Return(e) => {
                    if let Some(e) = &e {
                        self.reads(e, st);
                    }
                    state = None;
                    Stmt::Return(e)
                }
                Stmt::Break => {
                    let st = state.take();
                    if let Some(l) = self.loops.last_mut() {
                        l.breaks = merge(l.breaks.take(), st);
                    }
                    Stmt::Break
                }
                Stmt::Continue => {
                    let st = state.take();
                    if let Some(l) = self.loops.last_mut() {
                        l.continues = merge(l.continues.take(), st);
                    }
                    Stmt::Continue
                }
                Stmt::If { cond, then, orelse } => {
                    self.reads(&cond, st);
                    let start = state.clone();
                    let (then, s1) = self.block(then, start.clone());
                    let (orelse, s2) = self.block(orelse, start);
                    state = merge(s1, s2);
                    Stmt::If { cond, then, orelse }
                }
                Stmt::While { cond, body } => {
                    let infinite = matches!(cond.kind, ExprKind::Bool(true));
                    let (body, exit) =
                        self.run_loop(body, state.take(), None, |flow, st| flow.reads(&cond, st));
                    state = if infinite {
                        exit.1
                    } else {
                        merge(exit.0, exit.1)
                    };
                    Stmt::While { cond, body }
                }
                Stmt::For(f) => {
                    self.reads(&f.start, st);
                    self.reads(&f.stop, st);
                    let (body, exit) =
                        self.run_loop(f.body, state.take(), Some(f.var.clone()), |_, _| {});
                    state = merge(exit.0, exit.1);
                    Stmt::For(ForRange { body, ..f })
                }
            };
            out.push(s);
        }
        (out, state)
    }

    /// Iterates a loop body to a fixed point. Returns the body (from the last
    /// iteration) and (state at the loop head, merged break states).
    fn run_loop(
        &mut self,
        body: Vec<Stmt>,
        entry: Option<State>,
        var: Option<String>,
        mut head: impl FnMut(&mut Self, &State),
    ) -> (Vec<Stmt>, (Option<State>, Option<State>)) {
        let mut entry = entry;
        let mut body = body;
        loop {
            // Reads in the loop head count as reads inside the loop.
            self.loops.push(LoopCtx::default());
            if let Some(st) = &entry {
                head(self, st);
            }
            if let Some(v) = &var {
                self.bound.push(v.clone());
            }
            let (new_body, end) = self.block(body, entry.clone());
            if var.is_some() {
                self.bound.pop();
            }
            let ctx = self.loops.pop().expect("loop context");
            body = new_body;
            let next = merge(entry.clone(), merge(end, ctx.continues));
            if next == entry {
                return (body, (entry, ctx.breaks));
            }
            entry = next;
        }
    }
}

fn set_mut(stmts: &mut [Stmt], mutated: &BTreeSet<String>) {
    for s in stmts {
        match s {
            Stmt::Let { name, mutable, .. } => *mutable = mutated.contains(name),
            Stmt::If { then, orelse, .. } => {
                set_mut(then, mutated);
                set_mut(orelse, mutated);
            }
            Stmt::While { body, .. } => set_mut(body, mutated),
            Stmt::For(ForRange {
                var, mutable, body, ..
            }) => {
                *mutable = mutated.contains(var.as_str());
                set_mut(body, mutated);
            }
            _ => {}
        }
    }
}
