//! Narrowing of optional locals: after `x is not None` (or in the `else`
//! of `x is None`, or after `if x is None: return`), a local `x: Opt[T]`
//! holds a `T`.
//!
//! In a branch the name is bound to its `T` local, assigned from the
//! unwrapped optional at the start of the branch (`lower` turns that into
//! `if let Some(x) = x`, `let Some(x) = x else { ... }` or a `match`
//! guard). Inside a condition (`x is not None and x > 0`, `x + 1 if x is not
//! None else 0`) the name reads the unwrapped value directly. Where the
//! branch ends, the name goes back to its optional local unless both paths
//! agree on the narrowed one (or the other path does not continue).

use super::scope::{Binding, Bindings};
use super::Checker;
use crate::diagnostics::Diagnostic;
use crate::model::ir::{Expr, ExprKind, LocalId, Place, Stmt};
use crate::model::{Ty, TyKind};
use rustpython_parser::ast::{self, Ranged};

/// An optional local that a condition proves present.
#[derive(Debug, Clone)]
pub(super) struct Narrowing {
    name: String,
    opt: LocalId,
    inner: Ty,
}

/// How many statements of `body` store to each name.
pub(super) fn count_stores(body: &[ast::Stmt]) -> std::collections::HashMap<String, usize> {
    fn walk(body: &[ast::Stmt], out: &mut std::collections::HashMap<String, usize>) {
        fn add(t: &ast::Expr, out: &mut std::collections::HashMap<String, usize>) {
            if let ast::Expr::Name(n) = t {
                *out.entry(n.id.to_string()).or_default() += 1;
            }
        }
        for s in body {
            match s {
                ast::Stmt::Assign(a) => a.targets.iter().for_each(|t| add(t, out)),
                ast::Stmt::AnnAssign(a) if a.value.is_some() => add(&a.target, out),
                ast::Stmt::AugAssign(a) => add(&a.target, out),
                ast::Stmt::For(f) => {
                    add(&f.target, out);
                    walk(&f.body, out);
                    walk(&f.orelse, out);
                }
                ast::Stmt::While(w) => {
                    walk(&w.body, out);
                    walk(&w.orelse, out);
                }
                ast::Stmt::If(i) => {
                    walk(&i.body, out);
                    walk(&i.orelse, out);
                }
                _ => {}
            }
        }
    }
    let mut out = std::collections::HashMap::new();
    walk(body, &mut out);
    out
}

/// Names that `test` proves are not `None` when it is truthy (`when`) or
/// falsy (`!when`).
fn present_names(test: &ast::Expr, when: bool, out: &mut Vec<String>) {
    match test {
        ast::Expr::Compare(c) if c.ops.len() == 1 => {
            let none = matches!(&c.comparators[0], ast::Expr::Constant(k) if matches!(k.value, ast::Constant::None));
            if let (true, ast::Expr::Name(n)) = (none, &*c.left) {
                let present = match c.ops[0] {
                    ast::CmpOp::IsNot => when,
                    ast::CmpOp::Is => !when,
                    _ => false,
                };
                if present {
                    out.push(n.id.to_string());
                }
            }
        }
        // A truthy optional is present.
        ast::Expr::Name(n) if when => out.push(n.id.to_string()),
        ast::Expr::UnaryOp(u) if u.op == ast::UnaryOp::Not => present_names(&u.operand, !when, out),
        ast::Expr::BoolOp(b) if (b.op == ast::BoolOp::And) == when => {
            for v in &b.values {
                present_names(v, when, out);
            }
        }
        _ => {}
    }
}

impl Checker<'_> {
    /// The optional locals `test` proves present when it is truthy
    /// (`when`) or falsy.
    pub(super) fn narrowings(&self, test: &ast::Expr, when: bool) -> Vec<Narrowing> {
        let Some(f) = self.fun.as_ref() else {
            return Vec::new();
        };
        let mut names = Vec::new();
        present_names(test, when, &mut names);
        let mut out: Vec<Narrowing> = Vec::new();
        for name in names {
            if out.iter().any(|n| n.name == name)
                || f.global_decls.contains(&name)
                || !f.assigned.contains(&name)
                || f.arm_params.iter().any(|p| p.0 == name)
            {
                continue;
            }
            let Some(Binding::Local(id)) = f.bindings.get(&name) else {
                continue;
            };
            if let TyKind::Opt(inner) = self.types.kind(f.local_ty(*id)) {
                out.push(Narrowing {
                    name,
                    opt: *id,
                    inner: *inner,
                });
            }
        }
        out
    }

    /// Runs `f` with the names `tests` prove present (when they are all
    /// truthy, or when each is falsy, per `when`) reading their unwrapped
    /// values.
    pub(super) fn narrowed<T>(
        &mut self,
        tests: &[&ast::Expr],
        when: bool,
        f: impl FnOnce(&mut Self) -> T,
    ) -> T {
        let mut all = Vec::new();
        for t in tests {
            all.extend(self.narrowings(t, when));
        }
        if all.is_empty() {
            return f(self);
        }
        let saved: Vec<(String, Option<Binding>)> = all
            .iter()
            .map(|n| (n.name.clone(), self.ctx().bindings.get(&n.name).cloned()))
            .collect();
        for n in &all {
            self.ctx()
                .bindings
                .insert(n.name.clone(), Binding::Unwrap(n.opt, n.inner));
        }
        let out = f(self);
        for (name, b) in saved {
            match b {
                Some(b) => self.ctx().bindings.insert(name, b),
                None => self.ctx().bindings.remove(&name),
            };
        }
        out
    }

    pub(super) fn expr_narrowed(
        &mut self,
        tests: &[&ast::Expr],
        when: bool,
        e: &ast::Expr,
    ) -> Result<Expr, Diagnostic> {
        self.narrowed(tests, when, |this| this.expr(e))
    }

    /// `ic.trap(...)`: a value of any type (it never returns).
    pub(super) fn is_trap(&self, e: &ast::Expr) -> bool {
        matches!(e, ast::Expr::Call(c) if matches!(&*c.func, ast::Expr::Attribute(a) if a.attr.as_str() == "trap" && self.is_kybra(&a.value, "ic")))
    }

    /// `then if test else orelse`, with narrowing in the branches; `want`
    /// is the type the context expects, if any.
    pub(super) fn if_exp(
        &mut self,
        i: &ast::ExprIfExp,
        want: Option<Ty>,
    ) -> Result<Expr, Diagnostic> {
        let span = self.span(i.range);
        let cond = self.expr(&i.test)?;
        let cond = self.truthy(cond);
        let test = [&*i.test];
        let branch = |this: &mut Self, e: &ast::Expr, when: bool| {
            this.narrowed(&test, when, |this| match want {
                Some(w) if !this.is_trap(e) => this.expect(e, w),
                _ => this.expr(e),
            })
        };
        let mut then = branch(self, &i.body, true)?;
        let mut orelse = branch(self, &i.orelse, false)?;
        // A branch that traps takes the other's type.
        if then.diverges() {
            then.ty = orelse.ty;
        } else if orelse.diverges() {
            orelse.ty = then.ty;
        }
        let int_like = |t: Ty| t.is_integral() || t == Ty::BOOL;
        let mixed = |a: Ty, b: Ty| {
            (int_like(a) && (b.is_float() || b == Ty::NUM))
                || (a == Ty::NUM && (int_like(b) || b.is_float()))
        };
        let ty = match want {
            Some(w) => w,
            // `total / n if n else 0`: an int or a float, decided by the
            // branch taken.
            None if mixed(then.ty, orelse.ty) || mixed(orelse.ty, then.ty) => Ty::NUM,
            None => self.unify_optional(&then, &orelse).ok_or_else(|| {
                self.error(
                    i.range,
                    format!(
                        "the branches have different types: `{}` and `{}`",
                        self.types.display(then.ty),
                        self.types.display(orelse.ty)
                    ),
                )
                .with_help("give both branches the same type")
            })?,
        };
        let then = self.coerce(then, ty, i.body.range())?;
        let orelse = self.coerce(orelse, ty, i.orelse.range())?;
        Ok(Expr::new(
            ty,
            ExprKind::IfExp {
                cond: Box::new(cond),
                then: Box::new(then),
                orelse: Box::new(orelse),
            },
            span,
        ))
    }

    /// Binds each narrowed name to its `T` local; returns the assignments
    /// that unwrap the optionals.
    pub(super) fn narrow(&mut self, narrowings: &[Narrowing]) -> Vec<Stmt> {
        let mut out = Vec::new();
        for n in narrowings {
            let ctx = self.ctx();
            let span = ctx.locals[n.opt.0 as usize].span;
            // A name the body may store a `T` to shares its `T` local
            // with those stores, so paths that assign it and paths that
            // narrow it join.
            let stores = ctx.stores.get(&n.name).copied().unwrap_or(0);
            let annotated = ctx.annotated.contains_key(&n.name);
            let share = (annotated && stores > 0)
                || (super::stmt::natural(n.inner) == n.inner && stores > 1);
            let id = if share {
                ctx.declare(&n.name, n.inner, span)
            } else {
                ctx.fresh(&n.name, n.inner, span)
            };
            ctx.narrowed.insert(id, n.opt);
            ctx.bindings.insert(n.name.clone(), Binding::Local(id));
            let opt = Expr::new(ctx.local_ty(n.opt), ExprKind::Local(n.opt), span);
            out.push(Stmt::Assign {
                place: Place::Local(id),
                value: Expr::new(n.inner, ExprKind::Unwrap(Box::new(opt)), span),
            });
        }
        out
    }

    /// A branch's end bindings, with names bound to narrowed locals
    /// widened back to their optional locals unless the other path ends
    /// with the same local (or does not continue). Widening is sound
    /// because every store into a narrowed local is mirrored into the
    /// optional one (`mirror`).
    fn widen_unshared(&self, end: Option<Bindings>, other: Option<&Bindings>) -> Option<Bindings> {
        let mut end = end?;
        let Some(other) = other else {
            return Some(end);
        };
        let narrowed = &self.fun.as_ref()?.narrowed;
        let widen: Vec<(String, LocalId)> = end
            .iter()
            .filter_map(|(name, b)| match b {
                Binding::Local(id) if other.get(name) != Some(b) => {
                    Some((name.clone(), *narrowed.get(id)?))
                }
                _ => None,
            })
            .collect();
        for (name, opt) in widen {
            end.insert(name, Binding::Local(opt));
        }
        Some(end)
    }

    /// After a loop body: names narrowed inside it go back to their
    /// optional locals, as at the loop's entry.
    pub(super) fn widen_narrowed(&mut self, entry: &Bindings) {
        let ctx = self.ctx();
        let mut widen = Vec::new();
        for (name, b) in &ctx.bindings {
            if let Binding::Local(id) = b {
                if let Some(opt) = ctx.narrowed.get(id) {
                    if entry.get(name) != Some(b) {
                        widen.push((name.clone(), *opt));
                    }
                }
            }
        }
        for (name, opt) in widen {
            ctx.bindings.insert(name, Binding::Local(opt));
        }
    }

    /// `if test: body else: orelse`, narrowing optional locals in the
    /// branches (and after the `if` when its body never falls through).
    pub(super) fn if_stmt(&mut self, i: &ast::StmtIf) -> Result<Vec<Stmt>, Diagnostic> {
        let cond = self.condition(&i.test)?;
        let then_n = self.narrowings(&i.test, true);
        let else_n = self.narrowings(&i.test, false);
        let start = self.ctx().bindings.clone();
        let mut then = self.narrow(&then_n);
        let (body, then_end) = self.branch(&i.body);
        then.extend(body);
        self.ctx().bindings = start;
        // `if x is None: return ...`: `x` is present after the `if`.
        let after = then_end.is_none() && i.orelse.is_empty();
        let mut orelse = self.narrow(&else_n);
        let (body, else_end) = self.branch(&i.orelse);
        let unwraps = if after {
            std::mem::replace(&mut orelse, body)
        } else {
            orelse.extend(body);
            Vec::new()
        };
        let then_end = self.widen_unshared(then_end, else_end.as_ref());
        let else_end = self.widen_unshared(else_end, then_end.as_ref());
        let joined = self.ctx().join(then_end, else_end);
        self.ctx().bindings = joined;
        let mut out = vec![Stmt::If { cond, then, orelse }];
        out.extend(unwraps);
        Ok(out)
    }

    /// Stores into a narrowed local are mirrored into its optional local,
    /// so the name can go back to the optional where paths join.
    pub(super) fn mirror(&mut self, s: Stmt) -> Vec<Stmt> {
        let target = match &s {
            Stmt::Assign {
                place: Place::Local(id),
                ..
            }
            | Stmt::AugAssign {
                place: Place::Local(id),
                ..
            } => Some(*id),
            _ => None,
        };
        let ctx = self.ctx();
        let Some((id, opt)) = target.and_then(|id| Some((id, *ctx.narrowed.get(&id)?))) else {
            return vec![s];
        };
        let span = ctx.locals[id.0 as usize].span;
        let (ty, opt_ty) = (ctx.local_ty(id), ctx.local_ty(opt));
        let read = Expr::new(ty, ExprKind::Local(id), span);
        vec![
            s,
            Stmt::Assign {
                place: Place::Local(opt),
                value: Expr::new(opt_ty, ExprKind::Some(Box::new(read)), span),
            },
        ]
    }

    /// `x = value` where `x` is an `Opt[T]` local and the value is present:
    /// `x` holds a `T` from here on (the store goes to its `T` local and
    /// is mirrored into the optional one).
    pub(super) fn assign_present(
        &mut self,
        name: &str,
        opt_ty: Ty,
        v: &Expr,
        range: rustpython_parser::text_size::TextRange,
    ) -> Option<Stmt> {
        let ExprKind::Some(inner) = &v.kind else {
            return None;
        };
        let span = self.span(range);
        let ctx = self.ctx();
        let opt = ctx.declare(name, opt_ty, span);
        let id = ctx.declare(name, inner.ty, span);
        ctx.narrowed.insert(id, opt);
        ctx.bindings.insert(name.to_string(), Binding::Local(id));
        Some(Stmt::Assign {
            place: Place::Local(id),
            value: (**inner).clone(),
        })
    }

    /// The common type of two values that one expression yields: as
    /// `unify`, and `T` with `None` (or with `Opt[T]`) is `Opt[T]`.
    pub(super) fn unify_optional(&mut self, a: &Expr, b: &Expr) -> Option<Ty> {
        if let Some(t) = self.unify(a.ty, b) {
            return Some(t);
        }
        let none = |e: &Expr| e.ty == Ty::NONE && matches!(e.kind, ExprKind::None);
        let opt_of = |this: &Self, t: Ty| match this.types.kind(t) {
            TyKind::Opt(inner) => Some(*inner),
            _ => None,
        };
        for (x, y) in [(a, b), (b, a)] {
            if none(x) && y.ty != Ty::NONE {
                return Some(match opt_of(self, y.ty) {
                    Some(_) => y.ty,
                    None => self.types.opt(y.ty),
                });
            }
            if opt_of(self, x.ty) == Some(y.ty) {
                return Some(x.ty);
            }
        }
        None
    }

    /// The help for an optional value used where a plain value is needed.
    pub(super) fn optional_help(&self, e: &ast::Expr, ty: Ty) -> Option<String> {
        let TyKind::Opt(inner) = self.types.kind(ty) else {
            return None;
        };
        let inner = self.types.display(*inner);
        let local = |name: &str| {
            self.fun
                .as_ref()
                .is_some_and(|f| f.assigned.contains(name) && !f.global_decls.contains(name))
        };
        Some(match e {
            ast::Expr::Name(n) if !local(n.id.as_str()) => format!(
                "the global `{0}` may be None: copy it into a local (`value = {0}`), then check `if value is not None:`; in that branch `value` is a `{inner}`",
                n.id
            ),
            ast::Expr::Name(n) => format!(
                "`{0}` may be None: check `if {0} is not None:` first; in that branch `{0}` is a `{inner}`",
                n.id
            ),
            _ => format!(
                "this value may be None: assign it to a variable and check `is not None` first; then it is a `{inner}`"
            ),
        })
    }

    /// The diagnostic for an optional operand of an operator, if any.
    pub(super) fn optional_operand(&self, operands: &[(&ast::Expr, Ty)]) -> Option<Diagnostic> {
        operands.iter().find_map(|(e, t)| {
            let help = self.optional_help(e, *t)?;
            Some(
                self.error(
                    e.range(),
                    format!(
                        "{} is an `{}` and may be None here, but this needs a value",
                        source_text(e),
                        self.types.display(*t)
                    ),
                )
                .with_help(help),
            )
        })
    }
}

/// A short rendering of an expression for messages.
fn source_text(e: &ast::Expr) -> String {
    match e {
        ast::Expr::Name(n) => format!("`{}`", n.id),
        ast::Expr::Subscript(s) => match (&*s.value, &*s.slice) {
            (ast::Expr::Name(n), ast::Expr::Constant(k)) => match &k.value {
                ast::Constant::Str(f) => format!("`{}[{f:?}]`", n.id),
                _ => "this value".to_string(),
            },
            _ => "this value".to_string(),
        },
        _ => "this value".to_string(),
    }
}
