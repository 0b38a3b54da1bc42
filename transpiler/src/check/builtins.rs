//! Python's built-in functions over numbers and sequences: `abs`, `sum`,
//! `min`, `max`, `sorted`, `any`, `all`, `int`, `float`, `enumerate`,
//! `zip` (`ExprKind::Builtin`).

use super::Checker;
use crate::diagnostics::Diagnostic;
use crate::model::ir::{Builtin, Expr, ExprKind};
use crate::model::{Ty, TyKind};
use rustpython_parser::ast::{self, Ranged};

impl Checker<'_> {
    /// `name(args)` for a built-in `name` this module handles; `None` for
    /// other names.
    pub(crate) fn builtin_call(
        &mut self,
        name: &str,
        c: &ast::ExprCall,
    ) -> Option<Result<Expr, Diagnostic>> {
        let b = match name {
            "abs" => Builtin::Abs,
            "sum" => Builtin::Sum,
            "min" => Builtin::MinOf,
            "max" => Builtin::MaxOf,
            "sorted" => Builtin::Sorted,
            "any" => Builtin::Any,
            "all" => Builtin::All,
            "int" => Builtin::Int,
            "float" => Builtin::Float,
            "enumerate" => Builtin::Enumerate,
            "zip" => Builtin::Zip,
            _ => return None,
        };
        Some(self.builtin(b, name, c))
    }

    fn builtin(&mut self, b: Builtin, name: &str, c: &ast::ExprCall) -> Result<Expr, Diagnostic> {
        let span = self.span(c.range);
        let one = |this: &Self| -> Result<&ast::Expr, Diagnostic> {
            match c.args.as_slice() {
                [a] => Ok(a),
                _ => Err(this
                    .error(c.range, format!("{name}() takes one argument here"))
                    .with_help(format!("write `{name}(x)`"))),
            }
        };
        let list_item = |this: &Self, e: &Expr, range| -> Result<Ty, Diagnostic> {
            match this.types.kind(e.ty) {
                TyKind::List(t) => Ok(*t),
                _ => Err(this.not_iterable(range, e.ty, &format!("{name}() takes a list here"))),
            }
        };
        let number = |t: Ty| t.is_numeric() || t == Ty::BOOL || t == Ty::NAT;
        let orderable = |t: Ty| number(t) || matches!(t, Ty::STR | Ty::BYTES);
        match b {
            Builtin::Abs => {
                let a = one(self)?;
                let v = self.expr(a)?;
                if v.ty.is_float() {
                    let v = self.coerce(v, Ty::FLOAT64, a.range())?;
                    return Ok(Expr::new(Ty::FLOAT64, ExprKind::Builtin(b, vec![v]), span));
                }
                if !number(v.ty) {
                    return Err(self.bad_operand(a, &v, name));
                }
                let v = self.coerce(v, Ty::INT, a.range())?;
                Ok(Expr::new(Ty::INT, ExprKind::Builtin(b, vec![v]), span))
            }
            Builtin::Sum | Builtin::Any | Builtin::All | Builtin::Sorted => {
                let a = one(self)?;
                let v = self.expr(a)?;
                let item = list_item(self, &v, a.range())?;
                let ty = match b {
                    Builtin::Sum if item.is_float() => Ty::FLOAT64,
                    Builtin::Sum if number(item) => Ty::INT,
                    Builtin::Sum => return Err(self.bad_operand(a, &v, name)),
                    Builtin::Sorted
                        if orderable(item)
                            || self.class_orderable(item)
                            || c.keywords.iter().any(|k| k.arg.as_deref() == Some("key")) =>
                    {
                        v.ty
                    }
                    Builtin::Sorted => {
                        return Err(self
                            .error(
                                a.range(),
                                format!(
                                    "sorting `{}` values is not supported yet",
                                    self.types.display(item)
                                ),
                            )
                            .with_help("sort lists of numbers, str or bytes"))
                    }
                    _ => Ty::BOOL,
                };
                let mut args = vec![v];
                if b == Builtin::Sorted {
                    args.push(self.reverse_keyword(c)?);
                    if let Some(k) = self.key_keyword(c, item)? {
                        args.push(k);
                    }
                }
                Ok(Expr::new(ty, ExprKind::Builtin(b, args), span))
            }
            Builtin::MinOf | Builtin::MaxOf | Builtin::MinArgs | Builtin::MaxArgs => {
                let min = matches!(b, Builtin::MinOf | Builtin::MinArgs);
                let (b, args_b) = if min {
                    (Builtin::MinOf, Builtin::MinArgs)
                } else {
                    (Builtin::MaxOf, Builtin::MaxArgs)
                };
                match c.args.as_slice() {
                    [a] => {
                        let v = self.expr(a)?;
                        let item = list_item(self, &v, a.range())?;
                        if !orderable(item) {
                            return Err(self.bad_operand(a, &v, name));
                        }
                        Ok(Expr::new(item, ExprKind::Builtin(b, vec![v]), span))
                    }
                    [first, rest @ ..] if !rest.is_empty() => {
                        let mut vals = vec![self.expr(first)?];
                        let mut ty = vals[0].ty;
                        for a in rest {
                            let v = self.expr(a)?;
                            ty = self.unify(ty, &v).ok_or_else(|| {
                                self.error(
                                    a.range(),
                                    format!(
                                        "{name}() of `{}` and `{}` values is not supported",
                                        self.types.display(ty),
                                        self.types.display(v.ty)
                                    ),
                                )
                                .with_help("compare values of one type")
                            })?;
                            vals.push(v);
                        }
                        if !orderable(ty) {
                            return Err(self.bad_operand(first, &vals[0], name));
                        }
                        let vals = vals
                            .into_iter()
                            .zip(&c.args)
                            .map(|(v, a)| self.coerce(v, ty, a.range()))
                            .collect::<Result<Vec<_>, _>>()?;
                        Ok(Expr::new(ty, ExprKind::Builtin(args_b, vals), span))
                    }
                    _ => Err(self
                        .error(c.range, format!("{name}() takes a list or several values"))
                        .with_help(format!("write `{name}(xs)` or `{name}(a, b)`"))),
                }
            }
            Builtin::Int => {
                let a = one(self)?;
                let v = self.expr(a)?;
                if v.ty == Ty::INT {
                    return Ok(v);
                }
                if !(number(v.ty) || v.ty == Ty::STR) {
                    return Err(self.bad_operand(a, &v, name));
                }
                if v.ty.is_integral() || v.ty == Ty::BOOL {
                    return self.coerce(v, Ty::INT, a.range());
                }
                Ok(Expr::new(Ty::INT, ExprKind::Builtin(b, vec![v]), span))
            }
            Builtin::Float => {
                let a = one(self)?;
                let v = self.expr(a)?;
                if v.ty.is_float() {
                    return self.coerce(v, Ty::FLOAT64, a.range());
                }
                if !number(v.ty) {
                    return Err(self
                        .error(
                            a.range(),
                            format!(
                                "float() of a `{}` value is not supported yet",
                                self.types.display(v.ty)
                            ),
                        )
                        .with_help("float() takes a number here"));
                }
                let v = if v.ty == Ty::BOOL {
                    self.coerce(v, Ty::INT, a.range())?
                } else {
                    v
                };
                let v = self.coerce(v, Ty::INT, a.range())?;
                Ok(Expr::new(Ty::FLOAT64, ExprKind::Builtin(b, vec![v]), span))
            }
            Builtin::Enumerate => {
                let a = one(self)?;
                let v = self.expr(a)?;
                let item = list_item(self, &v, a.range())?;
                let pair = self.types.tuple(vec![Ty::INT, item]);
                let ty = self.types.list(pair);
                Ok(Expr::new(ty, ExprKind::Builtin(b, vec![v]), span))
            }
            Builtin::Zip => {
                if c.args.len() < 2 {
                    return Err(self
                        .error(c.range, "zip() takes two or more lists here")
                        .with_help("write `zip(xs, ys)`"));
                }
                let mut vals = Vec::new();
                let mut items = Vec::new();
                for a in &c.args {
                    let v = self.expr(a)?;
                    items.push(list_item(self, &v, a.range())?);
                    vals.push(v);
                }
                let tuple = self.types.tuple(items);
                let ty = self.types.list(tuple);
                Ok(Expr::new(ty, ExprKind::Builtin(b, vals), span))
            }
        }
    }

    fn bad_operand(&self, a: &ast::Expr, v: &Expr, name: &str) -> Diagnostic {
        self.error(
            a.range(),
            format!(
                "{name}() of a `{}` value is not supported",
                self.types.display(v.ty)
            ),
        )
        .with_help(format!("{name}() takes numbers here"))
    }

    /// The `reverse=` keyword of `sorted` / `list.sort` as a `bool`
    /// expression (`False` when absent).
    pub(crate) fn reverse_keyword(&mut self, c: &ast::ExprCall) -> Result<Expr, Diagnostic> {
        match c
            .keywords
            .iter()
            .find(|k| k.arg.as_deref() == Some("reverse"))
        {
            Some(k) => {
                let v = self.expr(&k.value)?;
                Ok(self.truthy(v))
            }
            None => Ok(Expr::new(
                Ty::BOOL,
                ExprKind::Bool(false),
                self.span(c.range),
            )),
        }
    }

    /// The `key=` keyword of `sorted` / `list.sort`: a lambda of one
    /// parameter (or a module-level function) whose result orders the
    /// items.
    pub(crate) fn key_keyword(
        &mut self,
        c: &ast::ExprCall,
        item: Ty,
    ) -> Result<Option<Expr>, Diagnostic> {
        let Some(k) = c.keywords.iter().find(|k| k.arg.as_deref() == Some("key")) else {
            return Ok(None);
        };
        let span = self.span(k.value.range());
        let id = {
            let ctx = self.ctx();
            ctx.next_arm += 1;
            ctx.next_arm - 1
        };
        let body = match &k.value {
            ast::Expr::Lambda(l)
                if l.args.args.len() == 1
                    && l.args.posonlyargs.is_empty()
                    && l.args.vararg.is_none()
                    && l.args.kwonlyargs.is_empty()
                    && l.args.kwarg.is_none() =>
            {
                let name = l.args.args[0].def.arg.to_string();
                self.ctx().arm_params.push((name, id, item));
                let body = self.expr(&l.body);
                self.ctx().arm_params.pop();
                body?
            }
            ast::Expr::Name(n) if self.function_id(n.id.as_str()).is_some() => {
                let f = self.function_id(n.id.as_str()).expect("checked");
                let sig = self.sig(f).clone();
                if sig.params.len() != 1 {
                    return Err(self
                        .error(
                            k.value.range(),
                            format!(
                                "`{}` takes {} parameters; a key takes one",
                                n.id,
                                sig.params.len()
                            ),
                        )
                        .with_help("pass a function of one parameter, or a lambda"));
                }
                let arg = Expr::new(item, ExprKind::ArmValue(id), span);
                let arg = self.coerce(arg, sig.params[0].1, k.value.range())?;
                Expr::new(sig.ret, ExprKind::Call(f, vec![arg]), span)
            }
            other => {
                return Err(self
                    .error(
                        other.range(),
                        "a `key` must be a lambda of one parameter or a module-level function",
                    )
                    .with_help("write `key=lambda x: ...`"))
            }
        };
        let orderable =
            body.ty.is_numeric() || matches!(body.ty, Ty::BOOL | Ty::STR | Ty::BYTES | Ty::NAT);
        if !orderable {
            return Err(self
                .error(
                    k.value.range(),
                    format!(
                        "sorting by `{}` keys is not supported yet",
                        self.types.display(body.ty)
                    ),
                )
                .with_help("sort by a number, str or bytes"));
        }
        Ok(Some(Expr::new(
            body.ty,
            ExprKind::KeyFn {
                binder: id,
                body: Box::new(body),
            },
            span,
        )))
    }
}
