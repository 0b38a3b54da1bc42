//! Local-variable flow analysis on the typed IR.
//!
//! Python locals are function-scoped and untyped at their declaration; Rust
//! needs each `let` placed where it dominates its uses, `mut` exactly where a
//! binding is assigned twice, and no reads of unassigned variables. This pass
//! decides where each local is declared, checks definite assignment with the
//! same rules rustc uses (so the generated code always compiles), drops
//! unreachable statements, and terminates functions that would fall off the
//! end without a value.

use crate::model::effects::may_raise;
use crate::model::ir::{
    Expr, ExprKind, ForEach, ForRange, Function, Handler, LocalId, Place, Stmt,
};
use crate::model::Ty;
use crate::source::Span;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum FlowError {
    /// A read of a possibly unassigned variable.
    Unassigned(LocalId, Span),
    /// A `for` variable that is also used outside its loop.
    LoopVarOutside(LocalId, Span),
}

/// Places declarations, checks definite assignment and records each
/// local's `mutable`, `used` and `single_use` in `f.locals`.
pub(crate) fn analyze(f: &mut Function) -> Result<(), Vec<FlowError>> {
    let body = std::mem::take(&mut f.body);
    let params = f.params.clone();
    // A generator ends by falling off its body.
    let needs_value = f.ret != Ty::NONE && !f.generator;
    // 1. Where is each local declared?
    let mut occ = Occurrences::default();
    occ.block(&body, &mut Vec::new(), &mut BTreeSet::new());
    let outside: Vec<FlowError> = occ
        .loop_vars
        .iter()
        .filter_map(|v| {
            let first = occ.by_local.get(v)?.iter().min_by_key(|o| o.order)?;
            Some(FlowError::LoopVarOutside(*v, first.span))
        })
        .collect();
    if !outside.is_empty() {
        return Err(outside);
    }
    let mut decls: BTreeMap<(usize, usize), Vec<(LocalId, bool)>> = BTreeMap::new();
    for (local, list) in &occ.by_local {
        if params.contains(local) {
            continue;
        }
        let common = common_prefix(list.iter().map(|o| o.path.as_slice()));
        let first = list.iter().min_by_key(|o| o.order).expect("non-empty");
        // The deepest block shared by all occurrences, and the statement in
        // it that contains the first one. A cell is one variable for the
        // whole call (closures made in a loop share it): the body's block.
        let cell = f.locals[local.0 as usize].cell;
        let depth = if cell {
            common.len().min(1)
        } else {
            common.len()
        };
        let Some(&(block, idx)) = first.path.get(depth.saturating_sub(1)) else {
            continue;
        };
        let inline = first.write_assign && first.path.len() == depth;
        decls
            .entry((block, idx))
            .or_default()
            .push((*local, inline));
    }
    let mut next_block = 0;
    let body = place(body, &decls, &mut next_block);

    // 2. Definite assignment, mutability, reachability.
    let mut flow = Flow::default();
    let mut state = State::default();
    for p in &params {
        state.vars.insert(*p, (true, true));
    }
    let (mut body, end) = flow.block(body, Some(state));
    if !flow.errors.is_empty() {
        let mut seen = BTreeSet::new();
        flow.errors.retain(|e| seen.insert(e.clone()));
        return Err(flow.errors);
    }
    f.falls_through = end.is_some() && !needs_value;
    if end.is_some() && needs_value {
        let msg = format!(
            "TypeError: {}() reached its end without returning a value",
            f.name
        );
        body.push(Stmt::Expr(Expr::new(
            Ty::NONE,
            ExprKind::Trap(Box::new(Expr::new(Ty::STR, ExprKind::Str(msg), f.span))),
            f.span,
        )));
    }
    for (i, local) in f.locals.iter_mut().enumerate() {
        let id = LocalId(i as u32);
        local.mutable = flow.mutated.contains(&id);
        local.used = flow.read.contains(&id);
        local.single_use = flow.read_count.get(&id) == Some(&1) && !flow.read_in_loop.contains(&id);
    }
    f.body = body;
    Ok(())
}

#[derive(Debug)]
struct Occurrence {
    /// (block id, statement index) from the function body inwards.
    path: Vec<(usize, usize)>,
    span: Span,
    order: usize,
    /// A plain assignment (`x = ...`), the only kind a `let` can replace.
    write_assign: bool,
}

/// A `for` variable also used outside its loop (read after it, or the
/// variable of another loop too) becomes an ordinary local the loop
/// assigns each item to; the loop itself binds a fresh one.
pub(crate) fn split_escaping_loop_vars(f: &mut Function) {
    let mut occ = Occurrences::default();
    occ.block(&f.body, &mut Vec::new(), &mut BTreeSet::new());
    let escaping: BTreeSet<LocalId> = occ
        .loop_vars
        .iter()
        .copied()
        .filter(|v| occ.by_local.contains_key(v))
        .collect();
    if !escaping.is_empty() {
        split_loop_vars(&mut f.body, &escaping, &mut f.locals);
    }
}

/// Gives the loops over `vars` a fresh variable each, assigned to the
/// escaping one at the start of every iteration.
fn split_loop_vars(
    stmts: &mut [Stmt],
    vars: &BTreeSet<LocalId>,
    locals: &mut Vec<crate::model::ir::Local>,
) {
    for s in stmts.iter_mut() {
        let var = match s {
            Stmt::For(f) => Some(&mut f.var),
            Stmt::ForEach(f) => Some(&mut f.var),
            _ => None,
        };
        if let Some(var) = var.filter(|v| vars.contains(v)) {
            let outer = *var;
            let mut item = locals[outer.0 as usize].clone();
            item.mutable = false;
            let fresh = LocalId(locals.len() as u32);
            locals.push(item);
            *var = fresh;
            let l = &locals[outer.0 as usize];
            let assign = Stmt::Assign {
                place: Place::Local(outer),
                value: Expr::new(l.ty, ExprKind::Local(fresh), l.span),
            };
            match s {
                Stmt::For(f) => f.body.insert(0, assign),
                Stmt::ForEach(f) => f.body.insert(0, assign),
                _ => {}
            }
        }
        for b in s.blocks_mut() {
            split_loop_vars(b, vars, locals);
        }
    }
}

#[derive(Default)]
struct Occurrences {
    by_local: BTreeMap<LocalId, Vec<Occurrence>>,
    loop_vars: BTreeSet<LocalId>,
    next_block: usize,
    order: usize,
}

impl Occurrences {
    fn add(
        &mut self,
        local: LocalId,
        span: Span,
        path: &[(usize, usize)],
        write_assign: bool,
        bound: &BTreeSet<LocalId>,
    ) {
        if bound.contains(&local) {
            return; // the variable of an enclosing `for`
        }
        self.order += 1;
        self.by_local.entry(local).or_default().push(Occurrence {
            path: path.to_vec(),
            span,
            order: self.order,
            write_assign,
        });
    }

    fn block(
        &mut self,
        stmts: &[Stmt],
        path: &mut Vec<(usize, usize)>,
        bound: &mut BTreeSet<LocalId>,
    ) {
        let id = self.next_block;
        self.next_block += 1;
        for (i, s) in stmts.iter().enumerate() {
            path.push((id, i));
            match s {
                Stmt::Let { .. } | Stmt::Break | Stmt::Continue => {}
                Stmt::Assign { place, value } => {
                    self.expr(value, path, bound);
                    for e in place.reads() {
                        self.expr(e, path, bound);
                    }
                    if let Place::Local(n) = place {
                        self.add(*n, value.span, path, true, bound);
                    }
                }
                Stmt::AugAssign { place, value, .. } => {
                    self.expr(value, path, bound);
                    for e in place.reads() {
                        self.expr(e, path, bound);
                    }
                    if let Place::Local(n) = place {
                        self.add(*n, value.span, path, false, bound);
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
                    self.loop_vars.insert(*var);
                    let fresh = bound.insert(*var);
                    self.block(body, path, bound);
                    if fresh {
                        bound.remove(var);
                    }
                }
                Stmt::ForEach(f) => {
                    self.expr(&f.iter, path, bound);
                    self.loop_vars.insert(f.var);
                    let fresh = bound.insert(f.var);
                    self.block(&f.body, path, bound);
                    if fresh {
                        bound.remove(&f.var);
                    }
                }
                Stmt::Try {
                    body,
                    handlers,
                    orelse,
                    finally,
                } => {
                    self.block(body, path, bound);
                    for h in handlers {
                        // The exception local is bound by its handler.
                        let fresh = h.bind.is_some_and(|b| bound.insert(b));
                        self.block(&h.body, path, bound);
                        if let (true, Some(b)) = (fresh, h.bind) {
                            bound.remove(&b);
                        }
                    }
                    self.block(orelse, path, bound);
                    self.block(finally, path, bound);
                }
                // Not produced yet (see `super::only_core_statements`).
                Stmt::With { .. } | Stmt::Del(_) => {}
            }
            path.pop();
        }
    }

    fn expr(&mut self, e: &Expr, path: &[(usize, usize)], bound: &BTreeSet<LocalId>) {
        visit_reads(e, &mut |local, span, _| {
            self.add(local, span, path, false, bound)
        });
    }
}

/// Whether an exception may leave statement `s` before it changes any
/// local (its nested blocks answer for themselves).
pub(crate) fn stmt_may_raise(s: &Stmt) -> bool {
    match s {
        Stmt::Let { value, .. } => value.as_ref().is_some_and(may_raise),
        Stmt::Assign { place, value } => {
            may_raise(value) || !matches!(place, Place::Local(_) | Place::Global(_))
        }
        Stmt::AugAssign { .. } => true,
        Stmt::Expr(e) | Stmt::Discard(e) => may_raise(e),
        Stmt::Return(e) => e.as_ref().is_some_and(may_raise),
        Stmt::If { cond, .. } => may_raise(cond),
        // Range bounds are converted (`OverflowError`); a list's
        // iteration expression may raise.
        Stmt::For(_) => true,
        Stmt::ForEach(f) => may_raise(&f.iter),
        Stmt::While { .. } | Stmt::Break | Stmt::Continue | Stmt::Try { .. } => false,
        Stmt::With { .. } | Stmt::Del(_) => true,
    }
}

/// Calls `f` for every local read in `e`, in evaluation order, with
/// whether the read repeats (inside a comprehension's element or filter,
/// or a key function: a Rust closure that cannot move the local).
fn visit_reads(e: &Expr, f: &mut dyn FnMut(LocalId, Span, bool)) {
    fn walk(e: &Expr, repeats: bool, f: &mut dyn FnMut(LocalId, Span, bool)) {
        match &e.kind {
            ExprKind::Local(n) | ExprKind::Cell(n) => f(*n, e.span, repeats),
            ExprKind::Comprehension {
                iter,
                cond,
                elem,
                more,
                ..
            } => {
                walk(iter, repeats, f);
                if let Some(c) = cond {
                    walk(c, true, f);
                }
                for clause in more {
                    walk(&clause.iter, true, f);
                    if let Some(c) = &clause.cond {
                        walk(c, true, f);
                    }
                }
                walk(elem, true, f);
            }
            ExprKind::KeyFn { body, .. } => walk(body, true, f),
            _ => e.for_each_child(&mut |c| walk(c, repeats, f)),
        }
    }
    walk(e, false, f);
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
    decls: &BTreeMap<(usize, usize), Vec<(LocalId, bool)>>,
    next_block: &mut usize,
) -> Vec<Stmt> {
    let id = *next_block;
    *next_block += 1;
    let mut out = Vec::with_capacity(stmts.len());
    for (i, s) in stmts.into_iter().enumerate() {
        let mut inline = None;
        if let Some(list) = decls.get(&(id, i)) {
            for (local, is_inline) in list {
                if *is_inline {
                    inline = Some(*local);
                } else {
                    out.push(Stmt::Let {
                        local: *local,
                        value: None,
                    });
                }
            }
        }
        let s = match s {
            Stmt::If { cond, then, orelse } => {
                let then = place(then, decls, next_block);
                let orelse = place(orelse, decls, next_block);
                Stmt::If { cond, then, orelse }
            }
            Stmt::While { cond, body } => Stmt::While {
                cond,
                body: place(body, decls, next_block),
            },
            Stmt::For(f) => Stmt::For(ForRange {
                body: place(f.body, decls, next_block),
                ..f
            }),
            Stmt::ForEach(f) => Stmt::ForEach(ForEach {
                body: place(f.body, decls, next_block),
                ..f
            }),
            Stmt::Try {
                body,
                handlers,
                orelse,
                finally,
            } => {
                let body = place(body, decls, next_block);
                let handlers = handlers
                    .into_iter()
                    .map(|h| Handler {
                        body: place(h.body, decls, next_block),
                        ..h
                    })
                    .collect();
                let orelse = place(orelse, decls, next_block);
                let finally = place(finally, decls, next_block);
                Stmt::Try {
                    body,
                    handlers,
                    orelse,
                    finally,
                }
            }
            Stmt::Assign {
                place: Place::Local(local),
                value,
            } if inline == Some(local) => Stmt::Let {
                local,
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
    /// local -> (definitely assigned, maybe assigned)
    vars: BTreeMap<LocalId, (bool, bool)>,
}

fn merge(a: Option<State>, b: Option<State>) -> Option<State> {
    match (a, b) {
        (None, x) | (x, None) => x,
        (Some(a), Some(b)) => {
            let mut vars = BTreeMap::new();
            let names: BTreeSet<&LocalId> = a.vars.keys().chain(b.vars.keys()).collect();
            for n in names {
                let (d1, m1) = a.vars.get(n).copied().unwrap_or((false, false));
                let (d2, m2) = b.vars.get(n).copied().unwrap_or((false, false));
                vars.insert(*n, (d1 && d2, m1 || m2));
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
    mutated: BTreeSet<LocalId>,
    read: BTreeSet<LocalId>,
    read_count: BTreeMap<LocalId, usize>,
    read_in_loop: BTreeSet<LocalId>,
    loops: Vec<LoopCtx>,
    /// Variables bound by enclosing `for` loops and `except` handlers.
    bound: Vec<LocalId>,
    /// Per enclosing `try` body (or `finally`-protected region), innermost
    /// last: the states where an exception may leave for its handlers.
    excs: Vec<Option<State>>,
    /// The `finally` bodies of the enclosing `try`s, innermost last, with
    /// the loop depth at their `try`: a `return` (or a `break` out of an
    /// enclosing loop) runs them first.
    finallies: Vec<(Vec<Stmt>, usize)>,
}

impl Flow {
    fn reads(&mut self, e: &Expr, state: &State) {
        let mut errors = Vec::new();
        let mut read = Vec::new();
        visit_reads(e, &mut |local, span, repeats| {
            read.push((local, repeats));
            if let Some((def, _)) = state.vars.get(&local) {
                if !def {
                    errors.push(FlowError::Unassigned(local, span));
                }
            } else if !self.bound.contains(&local) {
                errors.push(FlowError::Unassigned(local, span));
            }
        });
        self.errors.extend(errors);
        for (local, repeats) in read {
            if !self.loops.is_empty() || repeats {
                self.read_in_loop.insert(local);
            }
            *self.read_count.entry(local).or_default() += 1;
            self.read.insert(local);
        }
    }

    fn write(&mut self, local: LocalId, state: &mut State) {
        if self.bound.contains(&local) {
            self.mutated.insert(local);
            return;
        }
        let entry = state.vars.entry(local).or_insert((false, false));
        if entry.1 {
            self.mutated.insert(local);
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
            if stmt_may_raise(&s) {
                self.raise_site(st);
            }
            let s = match s {
                Stmt::Let { local, value } => {
                    match &value {
                        Some(v) => {
                            self.reads(v, st);
                            st.vars.insert(local, (true, true));
                        }
                        None => {
                            st.vars.insert(local, (false, false));
                        }
                    }
                    Stmt::Let { local, value }
                }
                Stmt::Assign { place, value } => {
                    self.reads(&value, st);
                    for e in place.reads() {
                        self.reads(e, st);
                    }
                    if let Place::Local(n) = &place {
                        self.write(*n, st);
                    }
                    Stmt::Assign { place, value }
                }
                Stmt::AugAssign { place, op, value } => {
                    if let Place::Local(n) = &place {
                        // The current value is read; its type is irrelevant here.
                        let read = Expr::new(Ty::NONE, ExprKind::Local(*n), value.span);
                        self.reads(&read, st);
                    }
                    for e in place.reads() {
                        self.reads(e, st);
                    }
                    self.reads(&value, st);
                    if let Place::Local(n) = &place {
                        self.write(*n, st);
                    }
                    Stmt::AugAssign { place, op, value }
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
                    self.leave(state.take(), 0);
                    Stmt::Return(e)
                }
                Stmt::Break => {
                    let st = self.leave(state.take(), self.loops.len());
                    if let Some(l) = self.loops.last_mut() {
                        l.breaks = merge(l.breaks.take(), st);
                    }
                    Stmt::Break
                }
                Stmt::Continue => {
                    let st = self.leave(state.take(), self.loops.len());
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
                    let (body, exit) = self.run_loop(body, state.take(), None, |flow, st| {
                        if may_raise(&cond) {
                            flow.raise_site(st);
                        }
                        flow.reads(&cond, st)
                    });
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
                    let (body, exit) = self.run_loop(f.body, state.take(), Some(f.var), |_, _| {});
                    state = merge(exit.0, exit.1);
                    Stmt::For(ForRange { body, ..f })
                }
                Stmt::ForEach(f) => {
                    self.reads(&f.iter, st);
                    // Each step of a dict's iteration may raise.
                    let (body, exit) =
                        self.run_loop(f.body, state.take(), Some(f.var), |flow, st| {
                            flow.raise_site(st)
                        });
                    state = merge(exit.0, exit.1);
                    Stmt::ForEach(ForEach { body, ..f })
                }
                Stmt::Try {
                    body,
                    handlers,
                    orelse,
                    finally,
                } => {
                    let (stmt, end) = self.try_stmt(body, handlers, orelse, finally, state.take());
                    state = end;
                    stmt
                }
                // Not produced yet (see `super::only_core_statements`).
                other @ (Stmt::With { .. } | Stmt::Del(_)) => other,
            };
            out.push(s);
        }
        (out, state)
    }

    /// An exception may leave from state `st` to the innermost handlers.
    fn raise_site(&mut self, st: &State) {
        if let Some(e) = self.excs.last_mut() {
            *e = merge(e.take(), Some(st.clone()));
        }
    }

    /// A `return` (`loops` 0) or a `break`/`continue` of the loop at depth
    /// `loops` leaves from `state`: the `finally` bodies it crosses run
    /// first (the lowering copies them there). Returns the state after them.
    fn leave(&mut self, mut state: Option<State>, loops: usize) -> Option<State> {
        let saved = self.finallies.clone();
        // Innermost first; a `return` inside a `finally` body leaves only
        // the ones outside it.
        while let Some((fin, depth)) = self.finallies.last().cloned() {
            if depth < loops {
                break;
            }
            self.finallies.pop();
            let (_, end) = self.block(fin, state);
            state = end;
        }
        self.finallies = saved;
        state
    }

    /// `try`: handlers start from any raise site of the body; `else` runs
    /// after the body; `finally` runs on every way out (the lowering copies
    /// it onto the normal path and the exception path).
    fn try_stmt(
        &mut self,
        body: Vec<Stmt>,
        handlers: Vec<Handler>,
        orelse: Vec<Stmt>,
        finally: Vec<Stmt>,
        state: Option<State>,
    ) -> (Stmt, Option<State>) {
        let protected = !finally.is_empty();
        let entry = state.clone().unwrap_or_default();
        if protected {
            // Exceptions leaving the handlers, `else` or the body uncaught.
            self.excs.push(None);
            self.finallies.push((finally.clone(), self.loops.len()));
        }
        self.excs.push(None);
        let (body, body_end) = self.block(body, state);
        let raised = self.excs.pop().flatten();
        let (orelse, mut end) = self.block(orelse, body_end);
        let catch_all = handlers
            .iter()
            .any(|h| h.classes.iter().any(|c| c.catches_all()));
        let mut out = Vec::with_capacity(handlers.len());
        // Nothing in the body can raise: the handlers are unreachable.
        let handlers = if raised.is_some() {
            handlers
        } else {
            Vec::new()
        };
        for h in handlers {
            let mut st = raised.clone();
            if let (Some(s), Some(b)) = (st.as_mut(), h.bind) {
                s.vars.insert(b, (true, true));
            }
            let (hbody, hend) = self.block(h.body, st);
            end = merge(end, hend);
            out.push(Handler { body: hbody, ..h });
        }
        if !catch_all {
            if let Some(r) = &raised {
                self.raise_site(r);
            }
        }
        let finally = if protected {
            self.finallies.pop();
            let escaping = self.excs.pop().flatten();
            let escaping_entry = escaping.clone();
            // The exception path's copy: it ends by raising again.
            if escaping.is_some() {
                let (_, exc_end) = self.block(finally.clone(), escaping);
                if let Some(st) = &exc_end {
                    self.raise_site(st);
                }
            }
            // The copy kept in the IR: reached by every way out (a
            // `return` only, when nothing else falls through).
            let kept_entry = merge(end.clone(), escaping_entry).or(Some(entry.clone()));
            let (fin, _) = self.block(finally.clone(), kept_entry);
            if end.is_some() {
                let (_, fin_end) = self.block(finally, end);
                end = fin_end;
            }
            fin
        } else {
            finally
        };
        let stmt = Stmt::Try {
            body,
            handlers: out,
            orelse,
            finally,
        };
        (stmt, end)
    }

    /// Iterates a loop body to a fixed point. Returns the body (from the last
    /// iteration) and (state at the loop head, merged break states).
    fn run_loop(
        &mut self,
        body: Vec<Stmt>,
        entry: Option<State>,
        var: Option<LocalId>,
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
            if let Some(v) = var {
                self.bound.push(v);
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
