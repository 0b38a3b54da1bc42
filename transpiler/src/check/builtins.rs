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
                    Builtin::Sorted if orderable(item) => v.ty,
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
}
