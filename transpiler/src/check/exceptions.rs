//! `raise`, `try`/`except`/`else`/`finally` and the program's exception
//! classes (`class NotFound(KeyError): pass`).

use super::scope::{Binding, Bindings};
use super::Checker;
use crate::diagnostics::Diagnostic;
use crate::model::exceptions::{caught_names, ExcClass, BUILTIN};
use crate::model::ir::{self, DefKind, Expr, ExprKind, Stmt};
use crate::model::DefId;
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
                DefKind::Class(_) => ir::class_exception(&self.defs, d).map(|_| ExcClass::User(d)),
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

    /// Whether `class E(Base): ...` is a plain exception class (a name for
    /// a built-in one or another plain one, with an empty body); others
    /// with an exception base are classes (`check/classes.rs`).
    pub(super) fn plain_exception(&self, c: &ast::StmtClassDef) -> bool {
        let plain_base = match self.exception_base(c) {
            Some(ExcClass::Builtin(_)) => true,
            Some(ExcClass::User(d)) => {
                matches!(self.defs[d.0 as usize].kind, DefKind::Exception(_))
            }
            None => false,
        };
        plain_base
            && c.body.iter().all(|s| match s {
                ast::Stmt::Pass(_) => true,
                ast::Stmt::Expr(e) => matches!(&*e.value, ast::Expr::Constant(_)),
                _ => false,
            })
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
    pub(super) fn raise(&mut self, r: &ast::StmtRaise) -> Result<Vec<Stmt>, Diagnostic> {
        let span = self.span(r.range);
        let mut pre = Vec::new();
        let Some(exc) = &r.exc else {
            // A bare `raise` re-raises the exception being handled.
            return Ok(vec![Stmt::Expr(match self.ctx().handlers.last() {
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
            })]);
        };
        if let Some(cause) = &r.cause {
            // The cause only changes the traceback's text above the last
            // line; it must still be an exception (or `None`).
            let ok = match cause.as_ref() {
                ast::Expr::Constant(c) => matches!(c.value, ast::Constant::None),
                ast::Expr::Call(c) => self.exception_class(&c.func).is_some(),
                other => {
                    self.exception_class(other).is_some()
                        || self.expr(other).is_ok_and(|e| {
                            e.ty == Ty::EXCEPTION
                                || self.class_of(e.ty).is_some_and(|d| {
                                    crate::model::ir::class_exception(&self.defs, d).is_some()
                                })
                        })
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
        // An instance of one of the program's exception classes.
        if let Some(def) = self.exception_object_class(name) {
            let value = match exc.as_ref() {
                ast::Expr::Call(_) => self.expr(exc)?,
                _ => {
                    let call = ast::Expr::Call(ast::ExprCall {
                        range: exc.range(),
                        func: exc.clone(),
                        args: Vec::new(),
                        keywords: Vec::new(),
                    });
                    self.expr(&call)?
                }
            };
            let _ = def;
            return self.raise_object(value, pre, span);
        }
        let Some(class) = self.exception_class(name) else {
            if !matches!(exc.as_ref(), ast::Expr::Call(_)) {
                let value = self.expr(exc)?;
                if value.ty == Ty::EXCEPTION {
                    pre.push(Stmt::Expr(Expr::new(
                        Ty::NEVER,
                        ExprKind::Reraise(Box::new(value)),
                        span,
                    )));
                    return Ok(pre);
                }
                if self
                    .class_of(value.ty)
                    .is_some_and(|d| crate::model::ir::class_exception(&self.defs, d).is_some())
                {
                    return self.raise_object(value, pre, span);
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
        let key_error =
            ExcClass::builtin("KeyError").is_some_and(|k| class.is_subclass_of(k, &self.defs));
        let mut values = Vec::new();
        for a in args {
            if let ast::Expr::Starred(_) = a {
                return Err(self
                    .error(a.range(), "`*args` in an exception is not supported")
                    .with_help("pass the arguments one by one"));
            }
            values.push((self.expr(a)?, a.range()));
        }
        let message = match values.as_slice() {
            [] => None,
            // The fast path: `str(exc)` is the message, `args` is `(message,)`.
            [(v, _)] if nonempty_str(v) && !key_error => values.pop().map(|(v, _)| Box::new(v)),
            // A `KeyError`'s message is its key's repr, which its `args`
            // are implied by too.
            [(v, _)]
                if Some(class) == ExcClass::builtin("KeyError")
                    && self.class_of(v.ty).is_none() =>
            {
                let (v, range) = values
                    .pop()
                    .ok_or_else(|| Diagnostic::new(span, "a key is missing"))?;
                self.printable(&v, range)?;
                Some(Box::new(Expr::new(
                    Ty::STR,
                    ExprKind::FString(vec![ir::FPart::Value {
                        expr: v,
                        repr: true,
                        spec: None,
                    }]),
                    span,
                )))
            }
            _ => Some(Box::new(self.exc_args(values, key_error, &mut pre, span)?)),
        };
        pre.push(Stmt::Expr(Expr::new(
            Ty::NEVER,
            ExprKind::Raise { class, message },
            span,
        )));
        Ok(pre)
    }

    /// The program's exception class (a class with a body) `e` names.
    fn exception_object_class(&self, e: &ast::Expr) -> Option<crate::model::DefId> {
        match self.exception_class(e)? {
            ExcClass::User(d) if matches!(self.defs[d.0 as usize].kind, DefKind::Class(_)) => {
                Some(d)
            }
            _ => None,
        }
    }

    /// `raise obj` of an instance of one of the program's exception
    /// classes: its `str()` and `args` travel with it.
    fn raise_object(
        &mut self,
        value: Expr,
        mut pre: Vec<Stmt>,
        span: crate::source::Span,
    ) -> Result<Vec<Stmt>, Diagnostic> {
        let obj = match value.kind {
            ExprKind::Local(_) => value,
            _ => {
                let local = self.ctx().fresh("exc", value.ty, span);
                let ty = value.ty;
                pre.push(Stmt::Assign {
                    place: ir::Place::Local(local),
                    value,
                });
                Expr::new(ty, ExprKind::Local(local), span)
            }
        };
        let Some(def) = self.class_of(obj.ty) else {
            return Err(Diagnostic::new(
                span,
                "only exception classes can be raised",
            ));
        };
        let args_field = ir::class_def(&self.defs, def)
            .and_then(|c| c.field("args"))
            .unwrap_or(0);
        let args = Expr::new(
            Ty::EXC_ARGS,
            ExprKind::Field(Box::new(obj.clone()), args_field),
            span,
        );
        let message = self.class_to_str(obj.clone(), false, span);
        let own_repr = ir::class_subtree(&self.defs, def)
            .into_iter()
            .chain(ir::class_mro(&self.defs, def))
            .any(|k| ir::class_def(&self.defs, k).is_some_and(|c| c.method("__repr__").is_some()));
        let repr = own_repr.then(|| Box::new(self.class_to_str(obj.clone(), true, span)));
        pre.push(Stmt::Expr(Expr::new(
            Ty::NEVER,
            ExprKind::RaiseObject {
                obj: Box::new(obj),
                message: Box::new(message),
                args: Box::new(args),
                repr,
            },
            span,
        )));
        Ok(pre)
    }

    /// The `args` of a new exception (`Ty::EXC_ARGS`): each value's repr,
    /// and the `str` of a single one. A value read twice is stored in a
    /// hidden local first (`pre`).
    pub(super) fn exc_args(
        &mut self,
        values: Vec<(Expr, rustpython_parser::text_size::TextRange)>,
        key: bool,
        pre: &mut Vec<Stmt>,
        span: crate::source::Span,
    ) -> Result<Expr, Diagnostic> {
        for (v, range) in &values {
            if self.class_of(v.ty).is_none() {
                self.printable(v, *range)?;
            }
        }
        let kind = match values.len() {
            1 if !key => {
                let Some((v, _)) = values.into_iter().next() else {
                    return Err(Diagnostic::new(span, "an exception argument is missing"));
                };
                if v.ty == Ty::STR {
                    ir::ExcArgs::Str(Box::new(v))
                } else if self.str_is_repr(v.ty) {
                    let r = self.repr_of(v, span);
                    ir::ExcArgs::Many {
                        reprs: vec![r],
                        key: false,
                    }
                } else {
                    let v = match v.kind {
                        ExprKind::Local(_) => v,
                        _ => {
                            let local = self.ctx().fresh("arg", v.ty, span);
                            let ty = v.ty;
                            pre.push(Stmt::Assign {
                                place: ir::Place::Local(local),
                                value: v,
                            });
                            Expr::new(ty, ExprKind::Local(local), span)
                        }
                    };
                    let text = self.class_to_str(v.clone(), false, span);
                    let repr = self.repr_of(v, span);
                    ir::ExcArgs::One {
                        text: Box::new(text),
                        repr: Box::new(repr),
                    }
                }
            }
            _ => ir::ExcArgs::Many {
                reprs: values
                    .into_iter()
                    .map(|(v, _)| self.repr_of(v, span))
                    .collect(),
                key,
            },
        };
        Ok(Expr::new(Ty::EXC_ARGS, ExprKind::ExcArgs(kind), span))
    }

    /// `repr(v)` as a `str` expression.
    fn repr_of(&mut self, v: Expr, span: crate::source::Span) -> Expr {
        if self.class_of(v.ty).is_some() {
            return self.class_to_str(v, true, span);
        }
        Expr::new(
            Ty::STR,
            ExprKind::FString(vec![ir::FPart::Value {
                expr: v,
                repr: true,
                spec: None,
            }]),
            span,
        )
    }

    /// Whether `str()` and `repr()` of every `t` value agree.
    fn str_is_repr(&self, t: Ty) -> bool {
        use crate::model::ty::TyKind;
        if t.is_numeric() || matches!(t, Ty::BOOL | Ty::NONE | Ty::NUM | Ty::NAT | Ty::BYTES) {
            return true;
        }
        matches!(
            self.types.kind(t),
            TyKind::List(_) | TyKind::Dict(..) | TyKind::Tuple(_)
        )
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
            // `except MyError as e` of a program's exception class: `e` is
            // the instance (attributes, methods).
            let object = match classes.as_slice() {
                [ExcClass::User(d)]
                    if matches!(self.defs[d.0 as usize].kind, DefKind::Class(_)) =>
                {
                    Some(*d)
                }
                _ => None,
            };
            let mut prologue = Vec::new();
            let bind = match (&h.name, object) {
                (Some(n), Some(d)) => {
                    let error = self.ctx().fresh("error", Ty::EXCEPTION, span);
                    let ty = self.types.nominal(d);
                    let id = self.ctx().fresh(n.as_str(), ty, span);
                    self.ctx()
                        .bindings
                        .insert(n.to_string(), Binding::Local(id));
                    let read = Expr::new(Ty::EXCEPTION, ExprKind::Local(error), span);
                    prologue.push(Stmt::Assign {
                        place: ir::Place::Local(id),
                        value: Expr::new(ty, ExprKind::Instance(Box::new(read)), span),
                    });
                    error
                }
                (Some(n), None) => {
                    let id = self.ctx().fresh(n.as_str(), Ty::EXCEPTION, span);
                    self.ctx()
                        .bindings
                        .insert(n.to_string(), Binding::Local(id));
                    id
                }
                (None, _) => self.ctx().fresh("error", Ty::EXCEPTION, span),
            };
            self.ctx().handlers.push(bind);
            let (hbody, end) = self.branch(&h.body);
            let hbody = if prologue.is_empty() {
                hbody
            } else {
                prologue.extend(hbody);
                prologue
            };
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

impl Checker<'_> {
    /// `e.args` and `type(e).__name__` of a caught exception or of an
    /// instance of a program's exception class.
    pub(super) fn exception_attribute(
        &mut self,
        a: &ast::ExprAttribute,
    ) -> Result<Option<Expr>, Diagnostic> {
        let span = self.span(a.range);
        if let Some(x) = type_call(&a.value) {
            if a.attr.as_str() != "__name__" {
                return Ok(None);
            }
            let v = self.expr(x)?;
            if v.ty == Ty::EXCEPTION {
                return Ok(Some(Expr::new(
                    Ty::STR,
                    ExprKind::Builtin(ir::Builtin::Lib(ir::LibFn::ExcName), vec![v]),
                    span,
                )));
            }
            let Some(def) = self.class_of(v.ty) else {
                return Ok(None);
            };
            // By the object's class: a test per subclass.
            let name = |c: &Self, d: DefId| {
                Expr::new(
                    Ty::STR,
                    ExprKind::Str(c.defs[d.0 as usize].name.clone()),
                    span,
                )
            };
            let subs: Vec<DefId> = ir::class_subtree(&self.defs, def)
                .into_iter()
                .filter(|s| *s != def)
                .collect();
            if !subs.is_empty() && !matches!(v.kind, ExprKind::Local(_)) {
                return Err(self
                    .error(
                        x.range(),
                        "`type(...)` of a computed object is not supported yet",
                    )
                    .with_help("assign the object to a variable first"));
            }
            let mut out = name(self, def);
            for sub in subs.into_iter().rev() {
                let test = Expr::new(
                    Ty::BOOL,
                    ExprKind::IsInstance(Box::new(v.clone()), vec![sub]),
                    span,
                );
                out = Expr::new(
                    Ty::STR,
                    ExprKind::IfExp {
                        cond: Box::new(test),
                        then: Box::new(name(self, sub)),
                        orelse: Box::new(out),
                    },
                    span,
                );
            }
            return Ok(Some(out));
        }
        let ast::Expr::Name(n) = &*a.value else {
            return Ok(None);
        };
        let caught = self.fun.as_ref().is_some_and(|f| {
            matches!(f.bindings.get(n.id.as_str()), Some(Binding::Local(l)) if f.local_ty(*l) == Ty::EXCEPTION)
        });
        if !caught {
            return Ok(None);
        }
        let v = self.expr(&a.value)?;
        if a.attr.as_str() == "args" {
            return Ok(Some(Expr::new(
                Ty::EXC_ARGS,
                ExprKind::Builtin(ir::Builtin::Lib(ir::LibFn::ExcArgs), vec![v]),
                span,
            )));
        }
        Err(self
            .error(a.range, format!("`.{}` of an exception caught by a built-in class is not supported", a.attr))
            .with_help("catch your exception class by name (`except MyError as e:`) to read its attributes; `e.args` and `str(e)` work on any exception"))
    }

    /// `isinstance(e, KeyError)` / `isinstance(e, (A, B))` of a caught
    /// exception or an instance of a program's exception class.
    pub(super) fn exception_isinstance(
        &mut self,
        c: &ast::ExprCall,
    ) -> Result<Option<Expr>, Diagnostic> {
        let ([x, classes], []) = (c.args.as_slice(), c.keywords.as_slice()) else {
            return Ok(None);
        };
        let items: Vec<&ast::Expr> = match classes {
            ast::Expr::Tuple(t) => t.elts.iter().collect(),
            other => vec![other],
        };
        let Some(wanted) = items
            .iter()
            .map(|n| self.exception_class(n))
            .collect::<Option<Vec<ExcClass>>>()
        else {
            return Ok(None);
        };
        let span = self.span(c.range);
        let v = self.expr(x)?;
        if v.ty == Ty::EXCEPTION {
            let names = caught_names(&self.defs, &wanted);
            return Ok(Some(Expr::new(
                Ty::BOOL,
                ExprKind::ExcMatches(Box::new(v), names),
                span,
            )));
        }
        let Some(def) = self.class_of(v.ty) else {
            return Ok(None);
        };
        if ir::class_exception(&self.defs, def).is_none() {
            return Ok(None);
        }
        let subtree = ir::class_subtree(&self.defs, def);
        let matching: Vec<DefId> = subtree
            .iter()
            .copied()
            .filter(|s| {
                wanted
                    .iter()
                    .any(|k| ExcClass::User(*s).is_subclass_of(*k, &self.defs))
            })
            .collect();
        let effects = crate::model::effects::has_effects(&v);
        Ok(Some(if matching.len() == subtree.len() && !effects {
            Expr::new(Ty::BOOL, ExprKind::Bool(true), span)
        } else if matching.is_empty() && !effects {
            Expr::new(Ty::BOOL, ExprKind::Bool(false), span)
        } else {
            Expr::new(Ty::BOOL, ExprKind::IsInstance(Box::new(v), matching), span)
        }))
    }

    /// `type(e) is ValueError` (`==`, `is not`, `!=`) of a caught
    /// exception: its class exactly.
    pub(super) fn exception_type_compare(
        &mut self,
        c: &ast::ExprCompare,
    ) -> Result<Option<Expr>, Diagnostic> {
        let ([op], [right]) = (c.ops.as_slice(), c.comparators.as_slice()) else {
            return Ok(None);
        };
        let negate = match op {
            ast::CmpOp::Is | ast::CmpOp::Eq => false,
            ast::CmpOp::IsNot | ast::CmpOp::NotEq => true,
            _ => return Ok(None),
        };
        let Some(x) = type_call(&c.left) else {
            return Ok(None);
        };
        let Some(class) = self.exception_class(right) else {
            return Ok(None);
        };
        let span = self.span(c.range);
        let v = self.expr(x)?;
        let test = if v.ty == Ty::EXCEPTION {
            let name = class.name(&self.defs).to_string();
            Expr::new(
                Ty::BOOL,
                ExprKind::ExcMatches(Box::new(v), vec![name]),
                span,
            )
        } else if let (Some(_), ExcClass::User(d)) = (self.class_of(v.ty), class) {
            let same = self
                .class_of(v.ty)
                .is_some_and(|have| ir::class_subtree(&self.defs, have).contains(&d));
            if same {
                Expr::new(Ty::BOOL, ExprKind::IsInstance(Box::new(v), vec![d]), span)
            } else {
                Expr::new(Ty::BOOL, ExprKind::Bool(false), span)
            }
        } else if self.class_of(v.ty).is_some() {
            Expr::new(Ty::BOOL, ExprKind::Bool(false), span)
        } else {
            return Ok(None);
        };
        Ok(Some(if negate {
            Expr::new(Ty::BOOL, ExprKind::Not(Box::new(test)), span)
        } else {
            test
        }))
    }
}

/// Whether `e` is a `str` that is never empty (a literal, an f-string with
/// text): its exception's `args` is `(e,)`, implied by the message.
fn nonempty_str(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Str(s) => !s.is_empty(),
        ExprKind::FString(parts) => parts
            .iter()
            .any(|p| matches!(p, ir::FPart::Lit(s) if !s.is_empty())),
        _ => false,
    }
}

/// `x` of `type(x)`.
fn type_call(e: &ast::Expr) -> Option<&ast::Expr> {
    match e {
        ast::Expr::Call(c)
            if c.keywords.is_empty()
                && c.args.len() == 1
                && matches!(&*c.func, ast::Expr::Name(n) if n.id.as_str() == "type") =>
        {
            c.args.first()
        }
        _ => None,
    }
}
