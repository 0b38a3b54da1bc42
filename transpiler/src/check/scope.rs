//! A function's scope while its body is checked: which names Python makes
//! local, the locals declared so far, and which local each name is bound to
//! at the current point.
//!
//! One Python name may become several locals: one per type it holds (`x =
//! 1` then `x = "a"` gives an `int` local and a `str` local). Where control
//! flow joins and the paths disagree, the name is in conflict until it is
//! assigned again; reading it then is a diagnostic. Narrowing (`x is not
//! None` on an `Opt[T]` local) binds the name to its `T` local inside the
//! branch (`narrow.rs`); inside a condition (`x is not None and x > 0`) it
//! binds the name to the unwrapped value of the optional local.

use super::Sig;
use crate::model::ir::{Local, LocalId};
use crate::model::Ty;
use crate::source::Span;
use rustpython_parser::ast;
use std::collections::{HashMap, HashSet};

/// What a name refers to at one point of a function.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Binding {
    Local(LocalId),
    /// The value of the optional local, known to be present (of type `T`).
    Unwrap(LocalId, Ty),
    /// Paths that join here bound it to locals of different types.
    Conflict(Vec<Ty>),
}

pub(crate) type Bindings = HashMap<String, Binding>;

pub(crate) struct FunCtx {
    pub sig: Sig,
    pub params: Vec<LocalId>,
    /// Indexed by [`LocalId`].
    pub locals: Vec<Local>,
    /// Names assigned anywhere in the body (Python makes them local).
    pub assigned: HashSet<String>,
    /// How many statements of the body store to each name.
    pub stores: HashMap<String, usize>,
    /// Names declared `global` in this function.
    pub global_decls: HashSet<String>,
    /// Declared (annotated) types of names.
    pub annotated: HashMap<String, Ty>,
    pub bindings: Bindings,
    /// Names read or assigned so far (a later `global` of them is an error).
    pub touched: HashSet<String>,
    /// Names whose assignment was rejected: reading them reports nothing
    /// more (the rejected assignment is the error).
    pub failed: HashSet<String>,
    /// The bindings at the entry of each enclosing loop.
    pub loop_entries: Vec<Bindings>,
    by_type: HashMap<(String, Ty), LocalId>,
    /// Locals bound by narrowing, with the optional local they unwrap.
    pub narrowed: HashMap<LocalId, LocalId>,
    /// Lambda parameters of the enclosing `match` arms, innermost last:
    /// name, arm id, payload type.
    pub arm_params: Vec<(String, u32, Ty)>,
    pub next_arm: u32,
    /// The exception locals of the enclosing `except` handlers, innermost
    /// last (what a bare `raise` re-raises).
    pub handlers: Vec<LocalId>,
    /// Per enclosing loop, innermost last: the flag its `break`s set when
    /// it has an `else` (`loop_else_flag`).
    pub break_flags: Vec<Option<LocalId>>,
    /// The flag the next loop body takes.
    pub next_break_flag: Option<LocalId>,
    /// Inside how many `try` bodies.
    pub in_try: usize,
    /// Checking a nested function to learn its result type: the types its
    /// `return`s give (`closures::nested_def`).
    pub infer_ret: Option<Vec<Ty>>,
    /// Set while a nested function of this one is probed for its result.
    pub probe_ret: usize,
    /// Names shared with nested functions that rebind them or see them
    /// rebound: their locals are cells (`Local::cell`).
    pub cells: HashSet<String>,
    /// Statements that start the body: parameters moved into cells.
    pub prologue: Vec<crate::model::ir::Stmt>,
    /// The arguments of the first call of each name assigned a lambda
    /// (its parameter types when nothing else gives them).
    pub lambda_calls: HashMap<String, Vec<ast::Expr>>,
    /// In a generator function: the type of the items it yields.
    pub generator: Option<Ty>,
}

impl FunCtx {
    pub fn new(body: &[ast::Stmt], sig: &Sig) -> Self {
        let mut assigned = HashSet::new();
        let mut global_decls = HashSet::new();
        collect_assigned(body, &mut assigned, &mut global_decls);
        for g in &global_decls {
            assigned.remove(g);
        }
        let mut ctx = FunCtx {
            sig: sig.clone(),
            params: Vec::new(),
            locals: Vec::new(),
            stores: super::narrow::count_stores(body),
            assigned,
            global_decls,
            annotated: HashMap::new(),
            bindings: HashMap::new(),
            touched: HashSet::new(),
            failed: HashSet::new(),
            loop_entries: Vec::new(),
            by_type: HashMap::new(),
            narrowed: HashMap::new(),
            arm_params: Vec::new(),
            next_arm: 0,
            handlers: Vec::new(),
            break_flags: Vec::new(),
            next_break_flag: None,
            in_try: 0,
            infer_ret: None,
            probe_ret: 0,
            cells: HashSet::new(),
            prologue: Vec::new(),
            lambda_calls: super::closures::lambda_calls(body),
            generator: None,
        };
        let params: Vec<&str> = sig.params.iter().map(|p| p.0.as_str()).collect();
        let cells = super::closures::cell_names(body, &params);
        for (name, ty) in &sig.params {
            let id = ctx.declare(name, *ty, sig.span);
            ctx.locals[id.0 as usize].param = true;
            ctx.params.push(id);
            ctx.bindings.insert(name.clone(), Binding::Local(id));
            ctx.annotated.insert(name.clone(), *ty);
            ctx.assigned.insert(name.clone());
        }
        ctx.cells = cells;
        // A parameter shared with a nested function moves into a cell.
        for (i, (name, ty)) in sig.params.iter().enumerate() {
            if ctx.cells.contains(name) {
                let param = ctx.params[i];
                ctx.by_type.remove(&(name.clone(), *ty));
                let cell = ctx.declare(name, *ty, sig.span);
                ctx.bindings.insert(name.clone(), Binding::Local(cell));
                let read = crate::model::ir::Expr::new(
                    *ty,
                    crate::model::ir::ExprKind::Local(param),
                    sig.span,
                );
                ctx.prologue.push(crate::model::ir::Stmt::Assign {
                    place: crate::model::ir::Place::Local(cell),
                    value: read,
                });
            }
        }
        ctx
    }

    /// Marks the parameters (the captured values of a nested function)
    /// that are cells passed in by the enclosing function.
    pub fn cell_params(&mut self, which: &[bool]) {
        for (i, c) in which.iter().enumerate() {
            if *c {
                if let Some(&p) = self.params.get(i) {
                    self.locals[p.0 as usize].cell = true;
                    let name = self.locals[p.0 as usize].name.clone();
                    self.cells.insert(name);
                }
            }
        }
    }

    /// The local for `name` holding `ty` (one per name and type).
    pub fn declare(&mut self, name: &str, ty: Ty, span: Span) -> LocalId {
        if let Some(id) = self.by_type.get(&(name.to_string(), ty)) {
            return *id;
        }
        let id = self.fresh(name, ty, span);
        self.by_type.insert((name.to_string(), ty), id);
        id
    }

    /// A new local for `name` holding `ty`, shared with no other binding
    /// (also the compiler's own hidden locals: `name` then only suggests
    /// the Rust name).
    pub fn fresh(&mut self, name: &str, ty: Ty, span: Span) -> LocalId {
        let id = LocalId(self.locals.len() as u32);
        self.locals.push(Local {
            name: name.to_string(),
            ty,
            span,
            param: false,
            mutable: false,
            used: false,
            single_use: false,
            cell: self.cells.contains(name),
        });
        id
    }

    pub fn local_ty(&self, id: LocalId) -> Ty {
        self.locals[id.0 as usize].ty
    }

    /// Binds `name` to `id`; returns the type the name held at the entry of
    /// an enclosing loop if this changes it (a type change inside a loop).
    pub fn bind(&mut self, name: &str, id: LocalId) -> Option<Ty> {
        let ty = self.local_ty(id);
        let changed = self
            .loop_entries
            .iter()
            .find_map(|entry| match entry.get(name) {
                Some(Binding::Local(old)) if self.local_ty(*old) != ty => Some(self.local_ty(*old)),
                _ => None,
            });
        self.bindings.insert(name.to_string(), Binding::Local(id));
        changed
    }

    /// The bindings after two paths join (`None`: that path does not reach
    /// the join).
    pub fn join(&self, a: Option<Bindings>, b: Option<Bindings>) -> Bindings {
        let (a, b) = match (a, b) {
            (None, None) => return self.bindings.clone(),
            (Some(x), None) | (None, Some(x)) => return x,
            (Some(a), Some(b)) => (a, b),
        };
        let mut out = a.clone();
        for (name, bb) in b {
            match a.get(&name) {
                None => {
                    out.insert(name, bb);
                }
                Some(ab) if *ab == bb => {}
                Some(ab) => {
                    let mut tys = self.binding_tys(ab);
                    for t in self.binding_tys(&bb) {
                        if !tys.contains(&t) {
                            tys.push(t);
                        }
                    }
                    out.insert(name, Binding::Conflict(tys));
                }
            }
        }
        out
    }

    fn binding_tys(&self, b: &Binding) -> Vec<Ty> {
        match b {
            Binding::Local(id) => vec![self.local_ty(*id)],
            Binding::Unwrap(_, t) => vec![*t],
            Binding::Conflict(tys) => tys.clone(),
        }
    }
}

/// Names a function body assigns (making them local) and declares global.
pub(crate) fn collect_assigned(
    body: &[ast::Stmt],
    assigned: &mut HashSet<String>,
    globals: &mut HashSet<String>,
) {
    fn target(t: &ast::Expr, assigned: &mut HashSet<String>) {
        match t {
            ast::Expr::Name(n) => {
                assigned.insert(n.id.to_string());
            }
            // `self.x = ...` in `__init__` stores into the local `self.x`
            // (`check/classes.rs`); no Python name has a dot.
            ast::Expr::Attribute(a) => {
                if let ast::Expr::Name(n) = &*a.value {
                    assigned.insert(format!("{}.{}", n.id, a.attr));
                }
            }
            // `a, b = ...`, `for k, v in ...`
            ast::Expr::Tuple(t) => t.elts.iter().for_each(|e| target(e, assigned)),
            ast::Expr::List(l) => l.elts.iter().for_each(|e| target(e, assigned)),
            // `first, *rest = ...`
            ast::Expr::Starred(s) => target(&s.value, assigned),
            _ => {}
        }
    }
    for s in body {
        match s {
            ast::Stmt::Assign(a) => a.targets.iter().for_each(|t| target(t, assigned)),
            ast::Stmt::AnnAssign(a) => target(&a.target, assigned),
            ast::Stmt::AugAssign(a) => target(&a.target, assigned),
            ast::Stmt::For(f) => {
                target(&f.target, assigned);
                collect_assigned(&f.body, assigned, globals);
                collect_assigned(&f.orelse, assigned, globals);
            }
            ast::Stmt::While(w) => {
                collect_assigned(&w.body, assigned, globals);
                collect_assigned(&w.orelse, assigned, globals);
            }
            ast::Stmt::If(i) => {
                collect_assigned(&i.body, assigned, globals);
                collect_assigned(&i.orelse, assigned, globals);
            }
            ast::Stmt::Try(t) => {
                collect_assigned(&t.body, assigned, globals);
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    if let Some(n) = &h.name {
                        assigned.insert(n.to_string());
                    }
                    collect_assigned(&h.body, assigned, globals);
                }
                collect_assigned(&t.orelse, assigned, globals);
                collect_assigned(&t.finalbody, assigned, globals);
            }
            ast::Stmt::Global(g) => {
                for n in &g.names {
                    globals.insert(n.to_string());
                }
            }
            _ => {}
        }
    }
}

/// The names that `except ... as name` clauses bind in `stmts` (nested
/// blocks included, nested functions and classes excluded).
pub(super) fn handler_names(stmts: &[ast::Stmt]) -> HashSet<String> {
    fn walk(stmts: &[ast::Stmt], out: &mut HashSet<String>) {
        for s in stmts {
            match s {
                ast::Stmt::FunctionDef(_) | ast::Stmt::ClassDef(_) => continue,
                ast::Stmt::Try(t) => {
                    for h in &t.handlers {
                        let ast::ExceptHandler::ExceptHandler(h) = h;
                        if let Some(n) = &h.name {
                            out.insert(n.to_string());
                        }
                    }
                }
                _ => {}
            }
            for b in crate::load::nested_bodies(s) {
                walk(b, out);
            }
        }
    }
    let mut out = HashSet::new();
    walk(stmts, &mut out);
    out
}
