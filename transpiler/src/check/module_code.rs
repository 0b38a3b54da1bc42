//! Module-level code: the statements of a module's top level other than
//! imports, definitions and constant global initializers (loops, calls,
//! prints, computed initializers, reassignments). Each module's code is
//! checked as the body of a function without parameters
//! (`Program::module_inits`), in CPython's import order.
//!
//! A module-level name is a global (a `thread_local!` static) when some
//! function reads or declares it, another module may import it, or its
//! first value is a constant before any code (as before module-level code
//! existed). Names
//! only the entry module's top level uses are locals of its code function:
//! they may change type and narrow like any local. A global first assigned
//! by code starts `unbound` (reading it earlier is a `NameError`); without
//! an annotation it takes the type of the first value the code assigns.

use super::{is_constant_expr, Checker, FunCtx, Sig};
use crate::model::ir::{self, Expr, ExprKind, FuncId, GlobalId};
use crate::model::Ty;
use rustpython_parser::ast::{self, Ranged};
use std::collections::HashSet;

/// How one module's top level is checked.
#[derive(Default)]
pub(super) struct ModuleCode {
    /// Whether names only the top level uses become locals (the entry
    /// module, when no module imports it).
    localizable: bool,
    /// Names some function of the module mentions.
    used: HashSet<String>,
    /// The module-level statements, in order (annotated assignments to
    /// globals as plain ones: the global already has the annotated type).
    pub stmts: Vec<ast::Stmt>,
    /// Whether one of `stmts` calls something (a function could read a
    /// global before the module assigns it).
    calls: bool,
}

/// Whether a statement contains a call.
#[derive(Default)]
struct CallFinder(bool);

impl rustpython_ast::Visitor for CallFinder {
    fn visit_expr_call(&mut self, _: ast::ExprCall) {
        self.0 = true;
    }
    // Calls in comprehension clauses count too (the generated visitor
    // skips them).
    fn visit_comprehension(&mut self, node: ast::Comprehension) {
        self.visit_expr(node.iter);
        for e in node.ifs {
            self.visit_expr(e);
        }
    }
}

/// The names a function body reads, stores and declares `global`.
#[derive(Default)]
struct NameCollector {
    loads: HashSet<String>,
    stores: HashSet<String>,
    globals: HashSet<String>,
}

impl rustpython_ast::Visitor for NameCollector {
    fn visit_expr_name(&mut self, node: ast::ExprName) {
        let set = match node.ctx {
            ast::ExprContext::Load => &mut self.loads,
            _ => &mut self.stores,
        };
        set.insert(node.id.to_string());
    }
    fn visit_stmt_global(&mut self, node: ast::StmtGlobal) {
        self.globals
            .extend(node.names.iter().map(|n| n.to_string()));
    }
    // The generated visitor does not descend into comprehension clauses,
    // keyword arguments or (lambda) parameters.
    fn visit_comprehension(&mut self, node: ast::Comprehension) {
        self.visit_expr(node.target);
        self.visit_expr(node.iter);
        for e in node.ifs {
            self.visit_expr(e);
        }
    }
    fn visit_keyword(&mut self, node: ast::Keyword) {
        self.visit_expr(node.value);
    }
    fn visit_arguments(&mut self, node: ast::Arguments) {
        let all = node
            .posonlyargs
            .into_iter()
            .chain(node.args)
            .chain(node.kwonlyargs);
        for a in all {
            self.stores.insert(a.def.arg.to_string());
            if let Some(d) = a.default {
                self.visit_expr(*d);
            }
        }
    }
}

impl Checker<'_> {
    /// Prepares module `m`'s code (before its names are registered).
    pub(super) fn plan_module_code(&mut self, m: usize) -> ModuleCode {
        let project = self.project;
        let body = &project.modules[m].body;
        let has_code = body.iter().any(|s| match s {
            ast::Stmt::Import(_)
            | ast::Stmt::ImportFrom(_)
            | ast::Stmt::FunctionDef(_)
            | ast::Stmt::AsyncFunctionDef(_)
            | ast::Stmt::ClassDef(_)
            | ast::Stmt::Pass(_) => false,
            ast::Stmt::Expr(e) => !super::is_str_constant(&e.value),
            ast::Stmt::AnnAssign(a) => a.value.as_deref().is_some_and(|v| !is_constant_expr(v)),
            ast::Stmt::Assign(a) => {
                !matches!(a.targets.as_slice(), [ast::Expr::Name(_)]) || !is_constant_expr(&a.value)
            }
            _ => true,
        });
        let imported = (1..project.modules.len()).any(|i| {
            project.modules[i].body.iter().any(|s| match s {
                ast::Stmt::ImportFrom(imp) => {
                    let level = imp.level.map_or(0, |l| l.to_u32());
                    project.resolve(i, level, imp.module.as_deref()) == Some(m)
                }
                ast::Stmt::Import(imp) => imp
                    .names
                    .iter()
                    .any(|a| project.by_name.get(a.name.as_str()) == Some(&m)),
                _ => false,
            })
        });
        let mut code = ModuleCode {
            localizable: m == 0 && has_code && !imported,
            ..Default::default()
        };
        if code.localizable {
            // A name a function reads without making it local (assigning
            // it or taking it as a parameter), or declares `global`.
            for s in body {
                if let ast::Stmt::FunctionDef(f) = s {
                    use rustpython_ast::Visitor as _;
                    let mut names = NameCollector::default();
                    for s in &f.body {
                        names.visit_stmt(s.clone());
                    }
                    for a in &f.args.args {
                        names.stores.insert(a.def.arg.to_string());
                        if let Some(d) = &a.default {
                            names.visit_expr((**d).clone());
                        }
                    }
                    let free = names
                        .loads
                        .into_iter()
                        .filter(|n| !names.stores.contains(n));
                    code.used.extend(free);
                    code.used.extend(names.globals);
                }
            }
        }
        code
    }

    /// Whether the module-level name `name` is a global (see the module
    /// documentation) rather than a local of the module's code.
    fn is_global_name(&self, code: &ModuleCode, name: &str) -> bool {
        !code.localizable || code.used.contains(name)
    }

    /// A module-level `name: T = value` (handled by the caller when it is
    /// a constant global initializer).
    pub(super) fn module_ann_assign(&mut self, code: &mut ModuleCode, a: &ast::StmtAnnAssign) {
        let (ast::Expr::Name(target), Some(value)) = (&*a.target, &a.value) else {
            return self.module_stmt(code, &ast::Stmt::AnnAssign(a.clone()));
        };
        let name = target.id.as_str();
        if !self.is_global_name(code, name) {
            return self.module_stmt(code, &ast::Stmt::AnnAssign(a.clone()));
        }
        if self.global(name).is_none() && !self.is_pending(name) {
            let ty = match self.resolve_type(&a.annotation) {
                Ok(t) => self.types.value_ty(t),
                Err(d) => return self.report(d),
            };
            // `x: float = 0` holds the int 0 (see `add_global`).
            let int_literal = |e: &ast::Expr| matches!(e, ast::Expr::Constant(c) if matches!(c.value, ast::Constant::Int(_)));
            let int = int_literal(value)
                || matches!(&**value, ast::Expr::UnaryOp(u) if int_literal(&u.operand));
            let ty = if ty == Ty::FLOAT64 && int {
                Ty::NUM
            } else {
                ty
            };
            self.push_unbound(name, ty, a.range, false);
        }
        let assign = ast::Stmt::Assign(ast::StmtAssign {
            range: a.range,
            targets: vec![(*a.target).clone()],
            value: value.clone(),
            type_comment: None,
        });
        self.module_stmt(code, &assign);
    }

    /// Whether `a` is the first, constant initializer of a global (the
    /// `thread_local!` initial value, as before module-level code). Only
    /// before the module's first code statement that calls something:
    /// after one, a function could read the global before Python assigns
    /// it (a `NameError`).
    pub(super) fn is_constant_global_init(
        &self,
        code: &ModuleCode,
        target: &ast::Expr,
        value: Option<&ast::Expr>,
    ) -> bool {
        let ast::Expr::Name(n) = target else {
            return false;
        };
        let name = n.id.as_str();
        self.is_global_name(code, name)
            && !code.calls
            && self.global(name).is_none()
            && !self.is_pending(name)
            && value.is_none_or(|v| is_constant_expr(v) || self.is_constant_ref(v))
    }

    /// Any other module-level statement: part of the module's code; the
    /// globals it assigns first are created unbound, typed by the code.
    pub(super) fn module_stmt(&mut self, code: &mut ModuleCode, s: &ast::Stmt) {
        let mut assigned = HashSet::new();
        super::scope::collect_assigned(std::slice::from_ref(s), &mut assigned, &mut HashSet::new());
        // `except E as e` at module level: `e` lives only in its handler
        // (Python deletes it at the end), a local of the module's code.
        for name in super::scope::handler_names(std::slice::from_ref(s)) {
            assigned.remove(&name);
        }
        let mut assigned: Vec<String> = assigned.into_iter().collect();
        assigned.sort();
        for name in assigned {
            if self.is_global_name(code, &name)
                && self.global(&name).is_none()
                && !self.is_pending(&name)
                && self.function_id(&name).is_none()
            {
                self.push_unbound(&name, Ty::NONE, s.range(), true);
            }
        }
        if !code.calls {
            use rustpython_ast::Visitor as _;
            let mut f = CallFinder::default();
            f.visit_stmt(s.clone());
            code.calls = f.0;
        }
        code.stmts.push(s.clone());
    }

    fn push_unbound(
        &mut self,
        name: &str,
        ty: Ty,
        range: rustpython_parser::text_size::TextRange,
        pending: bool,
    ) {
        let span = self.span(range);
        let id = GlobalId(self.globals.len() as u32);
        self.global_ids.insert(name.to_string(), id);
        self.globals.push(ir::Global {
            name: name.to_string(),
            ty,
            init: Expr::new(ty, ExprKind::None, span),
            span,
            unbound: true,
        });
        if pending {
            self.untyped.insert(id);
        }
    }

    /// `__name__` (when no variable of that name exists): `"__main__"` for
    /// a script's entry, else the module's dotted name (Kybra imports the
    /// entry as a module named after its file).
    pub(super) fn module_dunder_name(&self, name: &str) -> Option<String> {
        if name != "__name__" || self.global_ids.contains_key(name) {
            return None;
        }
        if self.fun.as_ref().is_some_and(|f| f.assigned.contains(name)) {
            return None;
        }
        let m = self.cur?;
        Some(if m == 0 && self.script {
            "__main__".to_string()
        } else {
            self.project.modules[m].name.clone()
        })
    }

    /// Whether `name` is a global whose type the module's code has not
    /// decided yet.
    fn is_pending(&self, name: &str) -> bool {
        self.global_ids
            .get(name)
            .is_some_and(|id| self.untyped.contains(id))
    }

    /// A store of a value of type `ty` into `name` in module-level code:
    /// a global without a type yet takes the value's.
    pub(super) fn settle_global(&mut self, name: &str, ty: Ty) {
        let Some(&id) = self.global_ids.get(name) else {
            return;
        };
        if self.untyped.remove(&id) {
            let ty = super::stmt::natural(ty);
            let g = &mut self.globals[id.0 as usize];
            g.ty = ty;
            g.init.ty = ty;
        }
    }

    /// Checks the module-level code of every module, in CPython's import
    /// order, as functions appended after `first` (the next free id).
    pub(super) fn check_module_code(&mut self, codes: &[ModuleCode]) -> Vec<ir::Function> {
        let mut out = Vec::new();
        for m in crate::load::init_order(self.project) {
            let stmts = codes[m].stmts.clone();
            if stmts.is_empty() {
                continue;
            }
            self.enter(m);
            let module = &self.project.modules[m];
            let sig = Sig {
                name: format!("{}_module", module.name.replace('.', "_")),
                span: crate::source::Span::new(module.file, 0..0),
                params: Vec::new(),
                defaults: Vec::new(),
                ret: Ty::NONE,
                export: None,
                skipped: 0,
                kwonly: 0,
                varargs: false,
                varkw: false,
            };
            let id = FuncId(self.sigs.len() as u32);
            self.sigs.push(sig.clone());
            let mut ctx = FunCtx::new(&stmts, &sig);
            let globals: Vec<String> = ctx
                .assigned
                .iter()
                .filter(|n| self.global_ids.contains_key(n.as_str()))
                .cloned()
                .collect();
            for g in globals {
                ctx.assigned.remove(&g);
                ctx.global_decls.insert(g);
            }
            self.fun = Some(ctx);
            let body = self.block(&stmts);
            let ctx = self.fun.take().expect("module code context");
            out.push(ir::Function {
                name: sig.name.clone(),
                span: sig.span,
                params: Vec::new(),
                ret: Ty::NONE,
                locals: ctx.locals,
                body,
                raises: false,
                falls_through: true,
                generator: false,
            });
            self.module_inits.push(id);
        }
        self.leave();
        out
    }
}
