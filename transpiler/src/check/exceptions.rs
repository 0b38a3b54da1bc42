//! `raise`, `try`/`except`/`else`/`finally` and the program's exception
//! classes (`class NotFound(KeyError): pass`).

use super::scope::{Binding, Bindings};
use super::Checker;
use crate::diagnostics::Diagnostic;
use crate::model::exceptions::{ExcClass, BUILTIN};
use crate::model::ir::{self, DefKind, Expr, ExprKind, Stmt};
use crate::model::Ty;
use rustpython_parser::ast::{self, Ranged};

impl Checker<'_> {
    /// The exception class a name refers to, if it is one.
    pub(super) fn exception_class(&self, e: &ast::Expr) -> Option<ExcClass> {
        let ast::Expr::Name(n) = e else {
            return None;
        };
        if let Some(&d) = self.def_ids.get(n.id.as_str()) {
            return match self.defs[d.0 as usize].kind {
                DefKind::Exception(_) => Some(ExcClass::User(d)),
                _ => None,
            };
        }
        ExcClass::builtin(n.id.as_str())
    }

    /// The base of `class E(Base)` when it is an exception class declared
    /// before it (built-in, or earlier in the module).
    pub(super) fn exception_base(&self, c: &ast::StmtClassDef) -> Option<ExcClass> {
        match c.bases.as_slice() {
            [base] => self.exception_class(base),
            _ => None,
        }
    }

    /// Checks an exception class body: `pass`, `...` or a docstring.
    pub(super) fn exception_body(&self, c: &ast::StmtClassDef) -> Result<(), Diagnostic> {
        for s in &c.body {
            let plain = match s {
                ast::Stmt::Pass(_) => true,
                ast::Stmt::Expr(e) => matches!(&*e.value, ast::Expr::Constant(_)),
                _ => false,
            };
            if !plain {
                return Err(self
                    .error(
                        s.range(),
                        "exception classes with attributes or methods are not supported yet",
                    )
                    .with_help(
                        "declare it with `pass` and pass the message: `raise NotFound(f\"no {key}\")`",
                    ));
            }
        }
        if !c.keywords.is_empty() || !c.decorator_list.is_empty() {
            return Err(self
                .error(
                    c.range,
                    "an exception class takes no keywords or decorators",
                )
                .with_help("declare it as `class E(Exception): pass`"));
        }
        if ExcClass::builtin(c.name.as_str()).is_some() {
            return Err(self
                .error(
                    c.range,
                    format!("`{}` would shadow the built-in exception", c.name),
                )
                .with_help("give your exception class its own name"));
        }
        Ok(())
    }

    /// `raise`, `raise Class`, `raise Class(message)`, `raise e` and
    /// `raise ... from cause`.
    pub(super) fn raise(&mut self, r: &ast::StmtRaise) -> Result<Expr, Diagnostic> {
        let span = self.span(r.range);
        let Some(exc) = &r.exc else {
            // A bare `raise` re-raises the exception being handled.
            return Ok(match self.ctx().handlers.last() {
                Some(&local) => {
                    let read = Expr::new(Ty::EXCEPTION, ExprKind::Local(local), span);
                    Expr::new(Ty::NEVER, ExprKind::Reraise(Box::new(read)), span)
                }
                None => {
                    let msg = Expr::new(
                        Ty::STR,
                        ExprKind::Str("No active exception to reraise".into()),
                        span,
                    );
                    let class = ExcClass::builtin("RuntimeError").unwrap_or(ExcClass::EXCEPTION);
                    Expr::new(
                        Ty::NEVER,
                        ExprKind::Raise {
                            class,
                            message: Some(Box::new(msg)),
                        },
                        span,
                    )
                }
            });
        };
        if let Some(cause) = &r.cause {
            // The cause only changes the traceback's text above the last
            // line; it must still be an exception (or `None`).
            let ok = match cause.as_ref() {
                ast::Expr::Constant(c) => matches!(c.value, ast::Constant::None),
                ast::Expr::Call(c) => self.exception_class(&c.func).is_some(),
                other => {
                    self.exception_class(other).is_some()
                        || self.expr(other).is_ok_and(|e| e.ty == Ty::EXCEPTION)
                }
            };
            if !ok {
                return Err(self
                    .error(
                        cause.range(),
                        "the cause of `raise ... from` must be an exception",
                    )
                    .with_help("write `raise X(...) from e` with the exception being handled"));
            }
        }
        let (name, args) = match exc.as_ref() {
            ast::Expr::Call(c) if c.keywords.is_empty() => (&*c.func, c.args.as_slice()),
            other => (other, &[][..]),
        };
        let Some(class) = self.exception_class(name) else {
            if !matches!(exc.as_ref(), ast::Expr::Call(_)) {
                let value = self.expr(exc)?;
                if value.ty == Ty::EXCEPTION {
                    return Ok(Expr::new(
                        Ty::NEVER,
                        ExprKind::Reraise(Box::new(value)),
                        span,
                    ));
                }
            }
            let examples: Vec<&str> = BUILTIN[1..7].iter().map(|(n, _)| *n).collect();
            return Err(self
                .error(name.range(), "only exception classes can be raised")
                .with_help(format!(
                    "raise a built-in class ({}, ...) or a subclass of one",
                    examples.join(", ")
                )));
        };
        let message = match args {
            [] => None,
            [a] => {
                let v = self.expr(a)?;
                let key_error = ExcClass::builtin("KeyError")
                    .is_some_and(|k| class.is_subclass_of(k, &self.defs));
                // `str(exc)` of a one-argument exception is `str(arg)`,
                // except for `KeyError`, whose `str` is the `repr`.
                let m = if key_error {
                    Expr::new(
                        Ty::STR,
                        ExprKind::FString(vec![ir::FPart::Value {
                            expr: v,
                            repr: true,
                            spec: None,
                        }]),
                        span,
                    )
                } else if v.ty == Ty::STR {
                    v
                } else {
                    self.printable(&v, a.range())?;
                    Expr::new(Ty::STR, ExprKind::ToStr(Box::new(v)), span)
                };
                Some(Box::new(m))
            }
            _ => {
                return Err(self
                    .error(
                        exc.range(),
                        "an exception with several arguments is not supported yet",
                    )
                    .with_help("pass one message"))
            }
        };
        Ok(Expr::new(
            Ty::NEVER,
            ExprKind::Raise { class, message },
            span,
        ))
    }

    /// `try:` with its handlers, `else` and `finally`.
    pub(super) fn try_stmt(&mut self, t: &ast::StmtTry) -> Result<Vec<Stmt>, Diagnostic> {
        if t.handlers.is_empty() && t.finalbody.is_empty() {
            return Err(self.error(t.range, "`try` needs an `except` or a `finally`"));
        }
        // The handlers may start after any statement of the body: their
        // bindings are those of every point joined.
        let start = self.ctx().bindings.clone();
        let mut points = vec![start];
        let mut body = Vec::new();
        self.ctx().in_try += 1;
        for s in &t.body {
            body.extend(self.block(std::slice::from_ref(s)));
            points.push(self.ctx().bindings.clone());
        }
        self.ctx().in_try -= 1;
        let body_end = (!super::stmt::terminates(&t.body)).then(|| self.ctx().bindings.clone());
        let mut ends: Vec<Option<Bindings>> = Vec::new();
        let orelse = match body_end {
            Some(b) => {
                self.ctx().bindings = b;
                let (orelse, end) = self.branch(&t.orelse);
                ends.push(end);
                orelse
            }
            None => Vec::new(),
        };
        let entry = self.join_all(points.into_iter().map(Some).collect());
        let mut handlers = Vec::new();
        for h in &t.handlers {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.ctx().bindings = entry.clone();
            let classes = match &h.type_ {
                None => vec![ExcClass::BASE_EXCEPTION],
                Some(e) => self.caught_classes(e)?,
            };
            let span = self.span(h.range);
            let bind = match &h.name {
                Some(n) => {
                    let id = self.ctx().fresh(n.as_str(), Ty::EXCEPTION, span);
                    self.ctx()
                        .bindings
                        .insert(n.to_string(), Binding::Local(id));
                    id
                }
                None => self.ctx().fresh("error", Ty::EXCEPTION, span),
            };
            self.ctx().handlers.push(bind);
            let (hbody, end) = self.branch(&h.body);
            self.ctx().handlers.pop();
            // Python deletes `e` when the handler ends.
            let end = end.map(|mut b| {
                if let Some(n) = &h.name {
                    b.remove(n.as_str());
                }
                b
            });
            ends.push(end);
            handlers.push(ir::Handler {
                classes,
                bind: Some(bind),
                body: hbody,
            });
        }
        let after = if ends.iter().all(Option::is_none) {
            None
        } else {
            Some(self.join_all(ends))
        };
        let finally = if t.finalbody.is_empty() {
            if let Some(a) = after {
                self.ctx().bindings = a;
            }
            Vec::new()
        } else {
            // `finally` also runs when an exception leaves the `try`: its
            // bindings are those of every way in.
            let mut ins = vec![Some(entry)];
            ins.push(after.clone());
            self.ctx().bindings = self.join_all(ins);
            let fin = self.block(&t.finalbody);
            if after.is_none() {
                // Only exceptions get here; the `try` statement as a whole
                // does not fall through (see `terminates`).
            }
            fin
        };
        Ok(vec![Stmt::Try {
            body,
            handlers,
            orelse,
            finally,
        }])
    }

    /// Joins the bindings of several paths (`None`: a path that does not
    /// reach the join).
    fn join_all(&mut self, paths: Vec<Option<Bindings>>) -> Bindings {
        let mut acc: Option<Bindings> = None;
        for p in paths.into_iter().flatten() {
            acc = Some(match acc {
                None => p,
                Some(a) => self.ctx().join(Some(a), Some(p)),
            });
        }
        acc.unwrap_or_else(|| self.ctx().bindings.clone())
    }

    /// The classes of `except X` / `except (X, Y)`.
    fn caught_classes(&mut self, e: &ast::Expr) -> Result<Vec<ExcClass>, Diagnostic> {
        let items: Vec<&ast::Expr> = match e {
            ast::Expr::Tuple(t) => t.elts.iter().collect(),
            other => vec![other],
        };
        items
            .into_iter()
            .map(|x| {
                self.exception_class(x).ok_or_else(|| {
                    self.error(x.range(), "not an exception class")
                        .with_help("catch a built-in exception class or a subclass of one")
                })
            })
            .collect()
    }
}
