//! Name resolution and type checking: Python AST -> typed IR.
//!
//! The checker reads the module once: imports from `kybra`, annotated
//! globals, then every function. Each expression gets a Python value type;
//! implicit conversions become explicit IR nodes. Anything outside the
//! supported language is a diagnostic at its source span.

mod expr;
mod flow;
mod liveness;

pub(crate) use expr::contains;
mod types;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::load::Module;
use crate::model::ir::{self, Expr, ExprKind, Program, Stmt, Target};
use crate::model::{CandidTy, Mode, Ret, Signature, Ty};
use rustpython_parser::ast::{self, Ranged};
use rustpython_parser::text_size::TextRange;
use std::collections::{HashMap, HashSet};

/// Checks a parsed module and produces the typed program.
pub fn check(module: &Module) -> Result<Program, Diagnostics> {
    let mut checker = Checker {
        module,
        kybra_names: HashMap::new(),
        kybra_modules: HashSet::new(),
        globals: Vec::new(),
        sigs: HashMap::new(),
        diags: Vec::new(),
        fun: None,
    };
    let program = checker.check_module();
    if checker.diags.is_empty() {
        Ok(program)
    } else {
        checker.diags.sort_by_key(|d| d.span.start);
        Err(Diagnostics {
            items: checker.diags,
            source: module.source.clone(),
        })
    }
}

/// Names the Kybra module exports that this compiler understands.
const KYBRA_NAMES: &[&str] = &[
    "query",
    "update",
    "ic",
    "void",
    "null",
    "text",
    "blob",
    "nat",
    "nat8",
    "nat16",
    "nat32",
    "nat64",
    "int8",
    "int16",
    "int32",
    "int64",
    "float32",
    "float64",
    "Principal",
];

pub(crate) struct Checker<'m> {
    module: &'m Module,
    /// Local alias -> name in `kybra` (`from kybra import nat64 as n64`).
    pub(crate) kybra_names: HashMap<String, String>,
    /// Names bound to the `kybra` module itself (`import kybra`).
    pub(crate) kybra_modules: HashSet<String>,
    globals: Vec<ir::Global>,
    sigs: HashMap<String, Signature>,
    diags: Vec<Diagnostic>,
    fun: Option<FunCtx>,
}

/// Per-function state while checking its body.
struct FunCtx {
    sig: Signature,
    /// Names assigned anywhere in the body (Python makes them local).
    assigned: HashSet<String>,
    /// Names declared `global` in this function.
    global_decls: HashSet<String>,
    /// Types of locals (and parameters) known so far.
    locals: HashMap<String, Ty>,
    /// Declared (annotated) local types.
    annotated: HashSet<String>,
    loop_depth: usize,
}

/// Python scope lookup result.
pub(crate) enum Name {
    Local(Ty),
    Global(Ty),
}

impl<'m> Checker<'m> {
    pub(crate) fn error(&self, range: TextRange, message: impl Into<String>) -> Diagnostic {
        let span = usize::from(range.start())..usize::from(range.end());
        Diagnostic::new(&self.module.path, span, message)
    }

    /// `file:line` of a node, for runtime exception messages.
    pub(crate) fn at(&self, range: TextRange) -> String {
        Diagnostic::location(
            &self.module.path,
            &self.module.source,
            usize::from(range.start()),
        )
    }

    fn report(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }

    fn global_ty(&self, name: &str) -> Option<Ty> {
        self.globals.iter().find(|g| g.name == name).map(|g| g.ty)
    }

    fn check_module(&mut self) -> Program {
        let body = &self.module.body;
        // Pass 1: imports, globals and signatures, so functions may refer to
        // each other regardless of order.
        for (i, stmt) in body.iter().enumerate() {
            match stmt {
                ast::Stmt::ImportFrom(imp) => self.import_from(imp),
                ast::Stmt::Import(imp) => self.import(imp),
                ast::Stmt::FunctionDef(f) => match self.signature(f) {
                    Ok(sig) => {
                        if self.sigs.contains_key(&sig.name) {
                            let d = self
                                .error(f.range, format!("function `{}` is defined twice", sig.name))
                                .with_help("rename one of the definitions");
                            self.report(d);
                        }
                        self.sigs.insert(sig.name.clone(), sig);
                    }
                    Err(d) => self.report(d),
                },
                ast::Stmt::AnnAssign(a) => self.global_ann(a),
                ast::Stmt::Assign(a) => self.global_assign(a),
                ast::Stmt::Expr(e) if i == 0 && is_str_constant(&e.value) => {}
                ast::Stmt::Expr(e) if is_str_constant(&e.value) => {}
                ast::Stmt::Pass(_) => {}
                ast::Stmt::AsyncFunctionDef(f) => {
                    let d = self
                        .error(f.range, "`async def` is not supported")
                        .with_help("Kybra canister methods are plain `def` functions");
                    self.report(d);
                }
                other => {
                    let d = self
                        .error(other.range(), "unsupported statement at module level")
                        .with_help(
                            "a canister module may contain imports, annotated global \
                             variables and function definitions",
                        );
                    self.report(d);
                }
            }
        }
        // Pass 2: function bodies.
        let mut functions = Vec::new();
        for stmt in body {
            if let ast::Stmt::FunctionDef(f) = stmt {
                if let Some(sig) = self.sigs.get(f.name.as_str()).cloned() {
                    if let Some(fun) = self.function(f, sig) {
                        functions.push(fun);
                    }
                }
            }
        }
        let exported = functions.iter().any(|f| f.sig.mode.is_some());
        if !exported && self.diags.is_empty() {
            let d = Diagnostic::new(&self.module.path, 0..0, "the canister exports no methods")
                .with_help("decorate a function with `@query` or `@update`");
            self.report(d);
        }
        Program {
            file: self.module.path.clone(),
            globals: std::mem::take(&mut self.globals),
            functions,
        }
    }

    fn import_from(&mut self, imp: &ast::StmtImportFrom) {
        let module = imp.module.as_ref().map(|m| m.as_str()).unwrap_or("");
        if module != "kybra" {
            let d = self
                .error(imp.range, format!("cannot import from `{module}`"))
                .with_help("only `from kybra import ...` is supported so far");
            self.report(d);
            return;
        }
        for alias in &imp.names {
            let name = alias.name.as_str();
            if name == "*" {
                for n in KYBRA_NAMES {
                    self.kybra_names.insert(n.to_string(), n.to_string());
                }
                continue;
            }
            if !KYBRA_NAMES.contains(&name) {
                let d = self
                    .error(alias.range, format!("`kybra.{name}` is not supported yet"))
                    .with_help(format!("supported names: {}", KYBRA_NAMES.join(", ")));
                self.report(d);
                continue;
            }
            let local = alias.asname.as_ref().unwrap_or(&alias.name).to_string();
            self.kybra_names.insert(local, name.to_string());
        }
    }

    fn import(&mut self, imp: &ast::StmtImport) {
        for alias in &imp.names {
            if alias.name.as_str() == "kybra" {
                let local = alias.asname.as_ref().unwrap_or(&alias.name).to_string();
                self.kybra_modules.insert(local);
            } else {
                let d = self
                    .error(alias.range, format!("cannot import `{}`", alias.name))
                    .with_help("only the `kybra` module can be imported so far");
                self.report(d);
            }
        }
    }

    /// Whether `e` names the Kybra object `what` (`query`, `ic`, ...).
    pub(crate) fn is_kybra(&self, e: &ast::Expr, what: &str) -> bool {
        match e {
            ast::Expr::Name(n) => {
                self.kybra_names.get(n.id.as_str()).map(String::as_str) == Some(what)
            }
            ast::Expr::Attribute(a) => {
                a.attr.as_str() == what
                    && matches!(&*a.value, ast::Expr::Name(n) if self.kybra_modules.contains(n.id.as_str()))
            }
            _ => false,
        }
    }

    fn global_ann(&mut self, a: &ast::StmtAnnAssign) {
        let ast::Expr::Name(target) = &*a.target else {
            let d = self
                .error(
                    a.target.range(),
                    "unsupported assignment target at module level",
                )
                .with_help("assign to a plain name");
            return self.report(d);
        };
        let ty = match self.resolve_type(&a.annotation) {
            Ok(t) => t.value_ty(),
            Err(d) => return self.report(d),
        };
        let Some(value) = &a.value else {
            let d = self
                .error(
                    a.range,
                    format!("global `{}` has no initial value", target.id),
                )
                .with_help(format!("give it one, e.g. `{}: ... = ...`", target.id));
            self.report(d);
            // Keep the name known so its uses do not cascade into more errors.
            let at = self.at(a.range);
            self.globals.push(ir::Global {
                name: target.id.to_string(),
                ty,
                init: Expr::new(ty, ExprKind::None, &at),
            });
            return;
        };
        self.add_global(target.id.as_str(), Some(ty), value, a.range);
    }

    fn global_assign(&mut self, a: &ast::StmtAssign) {
        match a.targets.as_slice() {
            [ast::Expr::Name(target)] => {
                self.add_global(target.id.as_str(), None, &a.value, a.range)
            }
            _ => {
                let d = self
                    .error(a.range, "unsupported assignment at module level")
                    .with_help("assign one value to one plain name");
                self.report(d);
            }
        }
    }

    fn add_global(&mut self, name: &str, ty: Option<Ty>, value: &ast::Expr, range: TextRange) {
        if self.global_ty(name).is_some() {
            let d = self
                .error(
                    range,
                    format!("global `{name}` is assigned twice at module level"),
                )
                .with_help("assign a global once; change it inside functions");
            return self.report(d);
        }
        if !is_constant_expr(value) {
            let d = self
                .error(
                    value.range(),
                    "a global's initial value must be a constant expression",
                )
                .with_help("use literals here and compute other values inside a function");
            return self.report(d);
        }
        let init = match self.expr(value, ty) {
            Ok(e) => e,
            Err(d) => return self.report(d),
        };
        let init = match ty {
            Some(t) => match self.coerce(init, t, value.range()) {
                Ok(e) => e,
                Err(d) => return self.report(d),
            },
            None => init,
        };
        self.globals.push(ir::Global {
            name: name.to_string(),
            ty: init.ty,
            init,
        });
    }

    fn signature(&self, f: &ast::StmtFunctionDef) -> Result<Signature, Diagnostic> {
        let mut mode = None;
        for dec in &f.decorator_list {
            let m = if self.is_kybra(dec, "query") {
                Mode::Query
            } else if self.is_kybra(dec, "update") {
                Mode::Update
            } else if let ast::Expr::Call(c) = dec {
                let what = if self.is_kybra(&c.func, "query") || self.is_kybra(&c.func, "update") {
                    "decorator options (guard, manual_reply, ...) are not supported yet"
                } else {
                    "unsupported decorator"
                };
                return Err(self
                    .error(dec.range(), what)
                    .with_help("use plain `@query` or `@update`"));
            } else {
                return Err(self
                    .error(dec.range(), "unsupported decorator")
                    .with_help("use `@query` or `@update` imported from kybra"));
            };
            if mode.is_some() {
                return Err(self
                    .error(
                        dec.range(),
                        "a function can have only one of `@query` and `@update`",
                    )
                    .with_help("remove one decorator"));
            }
            mode = Some(m);
        }
        let args = &f.args;
        if !args.posonlyargs.is_empty()
            || args.vararg.is_some()
            || !args.kwonlyargs.is_empty()
            || args.kwarg.is_some()
        {
            return Err(self
                .error(f.range, "only plain positional parameters are supported")
                .with_help("remove `*args`, `**kwargs`, `/` and keyword-only parameters"));
        }
        let mut params = Vec::new();
        let mut seen = HashSet::new();
        for a in &args.args {
            if let Some(d) = &a.default {
                return Err(self
                    .error(d.range(), "default parameter values are not supported")
                    .with_help("remove the default value"));
            }
            let name = a.def.arg.to_string();
            if !seen.insert(name.clone()) {
                return Err(self.error(a.def.range, format!("duplicate parameter `{name}`")));
            }
            let Some(ann) = &a.def.annotation else {
                return Err(self
                    .error(
                        a.def.range,
                        format!("parameter `{name}` needs a type annotation"),
                    )
                    .with_help(format!(
                        "e.g. `{name}: str`; the Candid interface is derived from it"
                    )));
            };
            params.push((name, self.resolve_type(ann)?));
        }
        let ret = match &f.returns {
            Some(r) => self.resolve_ret(r)?,
            None => {
                return Err(self
                    .error(
                        f.range,
                        format!("function `{}` needs a return type annotation", f.name),
                    )
                    .with_help("add `-> void` if it returns nothing"))
            }
        };
        Ok(Signature {
            name: f.name.to_string(),
            mode,
            params,
            ret,
        })
    }

    fn function(&mut self, f: &ast::StmtFunctionDef, sig: Signature) -> Option<ir::Function> {
        let mut assigned = HashSet::new();
        let mut global_decls = HashSet::new();
        collect_assigned(&f.body, &mut assigned, &mut global_decls);
        for g in &global_decls {
            assigned.remove(g);
        }
        let locals = sig
            .params
            .iter()
            .map(|(n, t)| (n.clone(), t.value_ty()))
            .collect();
        let annotated = sig.params.iter().map(|(n, _)| n.clone()).collect();
        self.fun = Some(FunCtx {
            sig: sig.clone(),
            assigned,
            global_decls,
            locals,
            annotated,
            loop_depth: 0,
        });
        let errors_before = self.diags.len();
        let body = self.block(&f.body);
        let fun = self.fun.take().expect("function context");
        if self.diags.len() > errors_before {
            return None;
        }
        let needs_value = matches!(sig.ret, Ret::Value(t) if t != CandidTy::Null);
        let body = liveness::remove_dead_stores(body);
        match flow::analyze(body, &sig, &fun.locals, needs_value) {
            Ok(result) => Some(ir::Function {
                sig,
                mutable_params: result.mutable_params,
                unused: result.unused,
                single_use: result.single_use,
                body: result.body,
            }),
            Err(errors) => {
                for e in errors {
                    let d = match e {
                        flow::FlowError::Unassigned(name, at) => {
                            let line = at
                                .rsplit(':')
                                .next()
                                .and_then(|l| l.parse().ok())
                                .unwrap_or(0);
                            let range = find_name_use(&f.body, &name, line, &self.module.source)
                                .unwrap_or(f.range);
                            self.error(
                                range,
                                format!("`{name}` might be used before it is assigned"),
                            )
                            .with_help(format!(
                                "assign `{name}` a value on every path before this use, e.g. \
                                     at the start of the function"
                            ))
                        }
                        flow::FlowError::LoopVarOutside(name) => {
                            let range = find_name_use(&f.body, &name, 0, &self.module.source)
                                .unwrap_or(f.range);
                            self.error(range, format!("loop variable `{name}` is also used outside its loop"))
                                .with_help("use a different name outside the loop (Python keeps the last value; this is not supported yet)")
                        }
                    };
                    self.report(d);
                }
                None
            }
        }
    }

    fn ctx(&mut self) -> &mut FunCtx {
        self.fun.as_mut().expect("inside a function")
    }

    pub(crate) fn lookup(&self, name: &str) -> Option<Name> {
        if let Some(fun) = &self.fun {
            if fun.global_decls.contains(name) {
                return self.global_ty(name).map(Name::Global);
            }
            if fun.assigned.contains(name) || fun.locals.contains_key(name) {
                return fun.locals.get(name).map(|t| Name::Local(*t));
            }
        }
        self.global_ty(name).map(Name::Global)
    }

    pub(crate) fn is_local_unassigned(&self, name: &str) -> bool {
        self.fun
            .as_ref()
            .is_some_and(|f| f.assigned.contains(name) && !f.locals.contains_key(name))
    }

    pub(crate) fn signature_of(&self, name: &str) -> Option<&Signature> {
        self.sigs.get(name)
    }

    fn block(&mut self, stmts: &[ast::Stmt]) -> Vec<Stmt> {
        let mut out = Vec::new();
        for s in stmts {
            match self.stmt(s) {
                Ok(mut v) => out.append(&mut v),
                Err(d) => self.report(d),
            }
        }
        out
    }

    fn stmt(&mut self, s: &ast::Stmt) -> Result<Vec<Stmt>, Diagnostic> {
        Ok(match s {
            ast::Stmt::Pass(_) => vec![],
            ast::Stmt::Global(g) => {
                for n in &g.names {
                    if self.global_ty(n.as_str()).is_none() {
                        return Err(self
                            .error(g.range, format!("`{n}` is not a module-level variable"))
                            .with_help(
                                "declare it at module level with a type and initial value",
                            ));
                    }
                }
                vec![]
            }
            ast::Stmt::Expr(e) => {
                if is_str_constant(&e.value) {
                    return Ok(vec![]);
                }
                if !matches!(&*e.value, ast::Expr::Call(_)) {
                    return Err(self
                        .error(e.range, "this expression's value is never used")
                        .with_help("remove it, or assign it to a variable"));
                }
                vec![Stmt::Expr(self.expr(&e.value, None)?)]
            }
            ast::Stmt::Assign(a) => {
                let [target] = a.targets.as_slice() else {
                    return Err(self
                        .error(a.range, "chained assignment is not supported yet")
                        .with_help("assign each variable in its own statement"));
                };
                vec![self.assign(target, None, &a.value)?]
            }
            ast::Stmt::AnnAssign(a) => {
                let ty = self.resolve_type(&a.annotation)?.value_ty();
                let ast::Expr::Name(n) = &*a.target else {
                    return Err(self.error(a.target.range(), "unsupported assignment target"));
                };
                let name = n.id.to_string();
                let prev = self.ctx().locals.get(&name).copied();
                if let Some(prev) = prev {
                    if prev != ty {
                        return Err(self
                            .error(
                                a.annotation.range(),
                                format!("`{name}` was already given type `{prev}`"),
                            )
                            .with_help("a local keeps one type; use a new name"));
                    }
                }
                let fun = self.ctx();
                fun.locals.insert(name.clone(), ty);
                fun.annotated.insert(name);
                match &a.value {
                    Some(v) => vec![self.assign(&a.target, Some(ty), v)?],
                    None => vec![],
                }
            }
            ast::Stmt::AugAssign(a) => vec![self.aug_assign(a)?],
            ast::Stmt::If(i) => {
                let cond = self.condition(&i.test)?;
                let then = self.block(&i.body);
                let orelse = self.block(&i.orelse);
                vec![Stmt::If { cond, then, orelse }]
            }
            ast::Stmt::While(w) => {
                if !w.orelse.is_empty() {
                    return Err(self
                        .error(w.range, "`while ... else` is not supported yet")
                        .with_help("use a flag variable set before `break`"));
                }
                let cond = self.condition(&w.test)?;
                self.ctx().loop_depth += 1;
                let body = self.block(&w.body);
                self.ctx().loop_depth -= 1;
                vec![Stmt::While { cond, body }]
            }
            ast::Stmt::For(f) => vec![self.for_range(f)?],
            ast::Stmt::Break(b) => {
                if self.ctx().loop_depth == 0 {
                    return Err(self.error(b.range, "`break` outside a loop"));
                }
                vec![Stmt::Break]
            }
            ast::Stmt::Continue(c) => {
                if self.ctx().loop_depth == 0 {
                    return Err(self.error(c.range, "`continue` outside a loop"));
                }
                vec![Stmt::Continue]
            }
            ast::Stmt::Return(r) => self.ret(r)?,
            other => {
                return Err(self
                    .error(
                        other.range(),
                        format!("unsupported statement: {}", stmt_kind(other)),
                    )
                    .with_help(
                        "supported so far: assignment, augmented assignment, if/elif/else, \
                         while, for over range(), break, continue, return, pass, global",
                    ))
            }
        })
    }

    fn ret(&mut self, r: &ast::StmtReturn) -> Result<Vec<Stmt>, Diagnostic> {
        let sig = self.ctx().sig.clone();
        match (sig.ret, &r.value) {
            (Ret::Void, None) | (Ret::Value(CandidTy::Null), None) => Ok(vec![Stmt::Return(None)]),
            (Ret::Void, Some(v)) | (Ret::Value(CandidTy::Null), Some(v)) => {
                let e = self.expr(v, None)?;
                if e.ty == Ty::None {
                    // `return None` / `return x` where x is None.
                    if matches!(
                        e.kind,
                        ExprKind::None | ExprKind::Local(_) | ExprKind::Global(_)
                    ) {
                        Ok(vec![Stmt::Return(None)])
                    } else {
                        Ok(vec![Stmt::Expr(e), Stmt::Return(None)])
                    }
                } else {
                    Err(self
                        .error(
                            v.range(),
                            format!("`{}` returns nothing, but a value is returned", sig.name),
                        )
                        .with_help("change the return annotation, or return nothing"))
                }
            }
            (Ret::Value(t), None) => Err(self
                .error(
                    r.range,
                    format!("`{}` must return a `{}`", sig.name, t.value_ty()),
                )
                .with_help("return a value")),
            (Ret::Value(t), Some(v)) => {
                let e = self.expr(v, Some(t.value_ty()))?;
                let e = self.coerce(e, t.value_ty(), v.range())?;
                Ok(vec![Stmt::Return(Some(self.to_boundary(e, &sig, t)))])
            }
        }
    }

    /// Converts a Python value to the representation `sig` uses at its
    /// boundary (Candid `nat`/`int` for exported methods).
    pub(crate) fn to_boundary(&self, e: Expr, sig: &Signature, t: CandidTy) -> Expr {
        if sig.mode.is_some() && matches!(t, CandidTy::Nat | CandidTy::Int) {
            let at = e.at.clone();
            Expr::new(e.ty, ExprKind::ToCandid(Box::new(e), t), &at)
        } else {
            e
        }
    }

    fn assign(
        &mut self,
        target: &ast::Expr,
        ann: Option<Ty>,
        value: &ast::Expr,
    ) -> Result<Stmt, Diagnostic> {
        let ast::Expr::Name(n) = target else {
            return Err(self
                .error(target.range(), "unsupported assignment target")
                .with_help("assign to a plain variable name"));
        };
        let name = n.id.to_string();
        let is_global = self.ctx().global_decls.contains(&name);
        if is_global {
            let Some(ty) = self.global_ty(&name) else {
                return Err(self
                    .error(
                        target.range(),
                        format!("`{name}` is declared `global` but is not a module-level variable"),
                    )
                    .with_help("declare it at module level with a type and initial value"));
            };
            let v = self.expr(value, Some(ty))?;
            let v = self.coerce(v, ty, value.range())?;
            return Ok(Stmt::Assign {
                target: Target::Global(name),
                value: v,
            });
        }
        let known = ann.or_else(|| self.fun.as_ref().and_then(|f| f.locals.get(&name).copied()));
        let v = self.expr(value, known)?;
        let v = match known {
            Some(t) => self.coerce(v, t, value.range()).map_err(|d| {
                if ann.is_none() {
                    d.with_help(format!(
                        "`{name}` holds a `{t}` here; a local keeps one type, use a new name"
                    ))
                } else {
                    d
                }
            })?,
            None => v,
        };
        self.ctx().locals.insert(name.clone(), v.ty);
        Ok(Stmt::Assign {
            target: Target::Local(name),
            value: v,
        })
    }

    fn aug_assign(&mut self, a: &ast::StmtAugAssign) -> Result<Stmt, Diagnostic> {
        let ast::Expr::Name(n) = &*a.target else {
            return Err(self.error(a.target.range(), "unsupported assignment target"));
        };
        let name = n.id.to_string();
        let (target, ty) = match self.lookup(&name) {
            Some(Name::Global(t)) => (Target::Global(name.clone()), t),
            Some(Name::Local(t)) => (Target::Local(name.clone()), t),
            None if self.is_local_unassigned(&name) => {
                return Err(self
                    .error(
                        a.target.range(),
                        format!("`{name}` is used before it is assigned"),
                    )
                    .with_help(format!(
                        "to change the global `{name}`, declare `global {name}` first"
                    )))
            }
            None => return Err(self.error(a.target.range(), format!("unknown name `{name}`"))),
        };
        let op = expr::bin_op(a.op);
        let current = match &target {
            Target::Global(g) => Expr::new(ty, ExprKind::Global(g.clone()), &self.at(a.range)),
            Target::Local(l) => Expr::new(ty, ExprKind::Local(l.clone()), &self.at(a.range)),
        };
        let value = self.expr(&a.value, Some(ty))?;
        let combined = self.binary(op, current, value.clone(), a.range)?;
        // The common case: the operation happens in the target's own type.
        if combined.ty == ty {
            if let ExprKind::Binary(_, _, rhs) = &combined.kind {
                return Ok(Stmt::AugAssign {
                    target,
                    ty,
                    op,
                    value: (**rhs).clone(),
                });
            }
        }
        let value = self.coerce(combined, ty, a.range)?;
        Ok(Stmt::Assign { target, value })
    }

    fn for_range(&mut self, f: &ast::StmtFor) -> Result<Stmt, Diagnostic> {
        if !f.orelse.is_empty() {
            return Err(self
                .error(f.range, "`for ... else` is not supported yet")
                .with_help("use a flag variable set before `break`"));
        }
        let ast::Expr::Name(var) = &*f.target else {
            return Err(self
                .error(f.target.range(), "unsupported loop target")
                .with_help("loop over `range(...)` with a plain variable name"));
        };
        let var = var.id.to_string();
        let ast::Expr::Call(call) = &*f.iter else {
            return Err(self.for_help(&f.iter));
        };
        let is_range = matches!(&*call.func, ast::Expr::Name(n) if n.id.as_str() == "range");
        if !is_range || !call.keywords.is_empty() || call.args.is_empty() || call.args.len() > 3 {
            return Err(self.for_help(&f.iter));
        }
        if self.ctx().global_decls.contains(&var) {
            return Err(self
                .error(f.target.range(), "a global cannot be a loop variable")
                .with_help("loop with a local variable and assign the global inside the loop"));
        }
        let step = if call.args.len() == 3 {
            match const_int(&call.args[2]) {
                Some(0) => {
                    return Err(self
                        .error(call.args[2].range(), "range() step must not be zero")
                        .with_help("Python raises ValueError for this"))
                }
                Some(s) => s,
                None => {
                    return Err(self
                        .error(
                            call.args[2].range(),
                            "range() step must be an integer literal",
                        )
                        .with_help("write the step as a constant, e.g. `range(10, 0, -2)`"))
                }
            }
        } else {
            1
        };
        let (start, stop) = if call.args.len() == 1 {
            let at = self.at(call.range);
            let zero = Expr::new(Ty::Int, ExprKind::Int(0.into()), &at);
            (zero, self.expr(&call.args[0], None)?)
        } else {
            (
                self.expr(&call.args[0], None)?,
                self.expr(&call.args[1], None)?,
            )
        };
        for e in [&start, &stop] {
            if !e.ty.is_integral() {
                return Err(self
                    .error(
                        call.range,
                        format!("range() takes integers, found `{}`", e.ty),
                    )
                    .with_help("pass int or nat values"));
            }
        }
        // The loop variable's type: a shared fixed-width type, else int.
        let ty = match (start.ty, stop.ty) {
            (Ty::Fixed(a), Ty::Fixed(b)) if a == b => Ty::Fixed(a),
            (Ty::Fixed(a), Ty::Int)
                if !matches!(start.kind, ExprKind::Int(_))
                    && matches!(stop.kind, ExprKind::Int(_)) =>
            {
                Ty::Fixed(a)
            }
            (Ty::Int, Ty::Fixed(b)) if matches!(start.kind, ExprKind::Int(_)) => Ty::Fixed(b),
            _ => Ty::Int,
        };
        if let Some(prev) = self.fun.as_ref().and_then(|f| f.locals.get(&var)) {
            if *prev != ty {
                return Err(self
                    .error(
                        f.target.range(),
                        format!("`{var}` already holds a `{prev}`; the loop makes it `{ty}`"),
                    )
                    .with_help("use a new name for the loop variable"));
            }
        }
        let start = self.coerce(start, ty, call.range)?;
        let stop = self.coerce(stop, ty, call.range)?;
        self.ctx().locals.insert(var.clone(), ty);
        self.ctx().loop_depth += 1;
        let body = self.block(&f.body);
        self.ctx().loop_depth -= 1;
        Ok(Stmt::For(ir::ForRange {
            var,
            ty,
            mutable: false,
            start,
            stop,
            step,
            body,
        }))
    }

    fn for_help(&self, iter: &ast::Expr) -> Diagnostic {
        self.error(
            iter.range(),
            "only `for ... in range(...)` is supported so far",
        )
        .with_help("iterate over range(stop), range(start, stop) or range(start, stop, step)")
    }

    fn condition(&mut self, test: &ast::Expr) -> Result<Expr, Diagnostic> {
        let e = self.expr(test, Some(Ty::Bool))?;
        Ok(self.truthy(e))
    }
}

fn is_str_constant(e: &ast::Expr) -> bool {
    matches!(e, ast::Expr::Constant(c) if matches!(c.value, ast::Constant::Str(_)))
}

/// Literals and operators on literals only.
fn is_constant_expr(e: &ast::Expr) -> bool {
    match e {
        ast::Expr::Constant(_) => true,
        ast::Expr::UnaryOp(u) => is_constant_expr(&u.operand),
        ast::Expr::BinOp(b) => is_constant_expr(&b.left) && is_constant_expr(&b.right),
        _ => false,
    }
}

fn const_int(e: &ast::Expr) -> Option<i64> {
    match e {
        ast::Expr::Constant(c) => match &c.value {
            ast::Constant::Int(i) => i64::try_from(i).ok(),
            _ => None,
        },
        ast::Expr::UnaryOp(u) if u.op == ast::UnaryOp::USub => {
            const_int(&u.operand).and_then(i64::checked_neg)
        }
        _ => None,
    }
}

fn stmt_kind(s: &ast::Stmt) -> &'static str {
    match s {
        ast::Stmt::FunctionDef(_) | ast::Stmt::AsyncFunctionDef(_) => "nested function definition",
        ast::Stmt::ClassDef(_) => "class definition",
        ast::Stmt::Delete(_) => "`del`",
        ast::Stmt::With(_) | ast::Stmt::AsyncWith(_) => "`with`",
        ast::Stmt::Match(_) => "`match`",
        ast::Stmt::Raise(_) => "`raise`",
        ast::Stmt::Try(_) | ast::Stmt::TryStar(_) => "`try`",
        ast::Stmt::Assert(_) => "`assert`",
        ast::Stmt::Import(_) | ast::Stmt::ImportFrom(_) => "import inside a function",
        ast::Stmt::Nonlocal(_) => "`nonlocal`",
        ast::Stmt::AsyncFor(_) => "`async for`",
        _ => "this statement",
    }
}

/// Names a function body assigns (making them local) and declares global.
fn collect_assigned(
    body: &[ast::Stmt],
    assigned: &mut HashSet<String>,
    globals: &mut HashSet<String>,
) {
    for s in body {
        match s {
            ast::Stmt::Assign(a) => {
                for t in &a.targets {
                    if let ast::Expr::Name(n) = t {
                        assigned.insert(n.id.to_string());
                    }
                }
            }
            ast::Stmt::AnnAssign(a) => {
                if let ast::Expr::Name(n) = &*a.target {
                    assigned.insert(n.id.to_string());
                }
            }
            ast::Stmt::AugAssign(a) => {
                if let ast::Expr::Name(n) = &*a.target {
                    assigned.insert(n.id.to_string());
                }
            }
            ast::Stmt::For(f) => {
                if let ast::Expr::Name(n) = &*f.target {
                    assigned.insert(n.id.to_string());
                }
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
            ast::Stmt::Global(g) => {
                for n in &g.names {
                    globals.insert(n.to_string());
                }
            }
            _ => {}
        }
    }
}

/// The range of the first read of `name` on `line` (any line if 0).
fn find_name_use(body: &[ast::Stmt], name: &str, line: usize, source: &str) -> Option<TextRange> {
    use rustpython_ast::Visitor;
    struct Find<'a> {
        name: &'a str,
        found: Vec<TextRange>,
    }
    impl Visitor for Find<'_> {
        fn visit_expr_name(&mut self, node: ast::ExprName) {
            if node.id.as_str() == self.name && node.ctx == ast::ExprContext::Load {
                self.found.push(node.range);
            }
        }
    }
    let mut f = Find {
        name,
        found: Vec::new(),
    };
    for s in body {
        f.visit_stmt(s.clone());
    }
    f.found
        .iter()
        .find(|r| {
            line == 0 || crate::diagnostics::line_col(source, usize::from(r.start())).0 == line
        })
        .or_else(|| f.found.first())
        .copied()
}
