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
        // What a loop over `e` gives (`enumerate`, `zip`).
        let iter_item = |this: &Self, e: &Expr, range| -> Result<Ty, Diagnostic> {
            match this.types.kind(e.ty) {
                TyKind::List(t) | TyKind::Dict(t, _) => Ok(*t),
                _ if e.ty == Ty::STR => Ok(Ty::STR),
                _ => Err(this.not_iterable(range, e.ty, &format!("{name}() takes a list here"))),
            }
        };
        let number = |t: Ty| t.is_numeric() || t == Ty::BOOL || t == Ty::NAT;
        match b {
            Builtin::Abs => {
                let a = one(self)?;
                let v = self.expr(a)?;
                if v.ty.is_float() {
                    let v = self.coerce(v, Ty::FLOAT64, a.range())?;
                    return Ok(Expr::new(Ty::FLOAT64, ExprKind::Builtin(b, vec![v]), span));
                }
                if v.ty == Ty::NUM {
                    return Ok(Expr::new(Ty::NUM, ExprKind::Builtin(b, vec![v]), span));
                }
                if !number(v.ty) {
                    return Err(self.bad_operand(a, &v, name));
                }
                let v = self.coerce(v, Ty::INT, a.range())?;
                Ok(Expr::new(Ty::INT, ExprKind::Builtin(b, vec![v]), span))
            }
            Builtin::Sum if c.args.len() == 2 || !c.keywords.is_empty() => self.sum_start(c),
            Builtin::Sum | Builtin::Any | Builtin::All | Builtin::Sorted => {
                let a = one(self)?;
                let v = self.iterable(a)?;
                let (v, item) = self.builtin_iterable(v, a.range(), name)?;
                // `sorted(d.items())` compares only the keys (they differ),
                // so the values need no order: sort by the key.
                let by_key = b == Builtin::Sorted
                    && !self.sort_orderable(item)
                    && !c.keywords.iter().any(|k| k.arg.as_deref() == Some("key"))
                    && matches!(
                        &v.kind,
                        ExprKind::Method(crate::model::ir::Method::Items, _)
                    )
                    && matches!(self.types.kind(item), TyKind::Tuple(kv) if self.sort_orderable(kv[0]));
                if by_key {
                    let key = self.item_key(c.range);
                    let key = self.key_fn(&key, item, None)?;
                    let reverse = self.reverse_keyword(c)?;
                    let ty = self.types.list(item);
                    return Ok(Expr::new(
                        ty,
                        ExprKind::Builtin(b, vec![v, reverse, key]),
                        span,
                    ));
                }
                let ty = match b {
                    Builtin::Sum if item.is_float() => Ty::FLOAT64,
                    Builtin::Sum if item == Ty::NUM => Ty::NUM,
                    Builtin::Sum if number(item) => Ty::INT,
                    Builtin::Sum => return Err(self.bad_operand(a, &v, name)),
                    Builtin::Sorted
                        if self.sort_orderable(item)
                            || c.keywords.iter().any(|k| k.arg.as_deref() == Some("key")) =>
                    {
                        self.types.list(item)
                    }
                    Builtin::Sorted => return Err(self.not_orderable(a.range(), item, "sorting")),
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
                        let v = self.iterable(a)?;
                        let (v, item) = self.builtin_iterable(v, a.range(), name)?;
                        let key = self.key_keyword(c, item)?;
                        if key.is_none() && !self.sort_orderable(item) {
                            return Err(self.not_orderable(a.range(), item, &format!("{name}() of")));
                        }
                        let mut args = vec![v];
                        args.extend(key);
                        // `default=None` makes the result optional.
                        let mut ty = item;
                        if let Some(k) = c.keywords.iter().find(|k| k.arg.as_deref() == Some("default")) {
                            if is_none(&k.value) {
                                ty = self.types.opt(item);
                            }
                            args.push(self.expect(&k.value, ty)?);
                        }
                        Ok(Expr::new(ty, ExprKind::Builtin(b, args), span))
                    }
                    _ if c.keywords.iter().any(|k| k.arg.as_deref() == Some("default")) => Err(self
                        .error(c.range, format!("Cannot specify a default for {name}() with multiple positional arguments"))
                        .with_help(format!("write `{name}(xs, default=d)`"))),
                    [first, rest @ ..] if !rest.is_empty() => {
                        let mut vals = vec![self.expr(first)?];
                        let mut ty = vals[0].ty;
                        for a in rest {
                            let v = self.expr(a)?;
                            // `min(2.5, 2)` is the int `2`: which type the
                            // result has depends on the values (a `Num`).
                            let num = |t: Ty| t.is_numeric() || t == Ty::NUM;
                            if (ty.is_float() != v.ty.is_float()
                                || ty == Ty::NUM
                                || v.ty == Ty::NUM)
                                && num(ty)
                                && num(v.ty)
                            {
                                ty = Ty::NUM;
                                vals.push(v);
                                continue;
                            }
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
                        let key = self.key_keyword(c, ty)?;
                        if key.is_none() && !self.sort_orderable(ty) {
                            return Err(self.not_orderable(first.range(), ty, &format!("{name}() of")));
                        }
                        let mut vals = vals
                            .into_iter()
                            .zip(&c.args)
                            .map(|(v, a)| self.coerce(v, ty, a.range()))
                            .collect::<Result<Vec<_>, _>>()?;
                        vals.extend(key);
                        Ok(Expr::new(ty, ExprKind::Builtin(args_b, vals), span))
                    }
                    _ => Err(self
                        .error(c.range, format!("{name}() takes a list or several values"))
                        .with_help(format!("write `{name}(xs)` or `{name}(a, b)`"))),
                }
            }
            Builtin::Int if c.args.len() == 2 || !c.keywords.is_empty() => self.int_base(c),
            Builtin::Int => {
                let a = one(self)?;
                let v = self.expr(a)?;
                if v.ty == Ty::INT {
                    return Ok(v);
                }
                if !(number(v.ty) || v.ty == Ty::STR || v.ty == Ty::NUM) {
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
                if v.ty.is_float() || v.ty == Ty::NUM {
                    return self.coerce(v, Ty::FLOAT64, a.range());
                }
                if v.ty == Ty::STR {
                    return Ok(Expr::new(Ty::FLOAT64, ExprKind::Builtin(b, vec![v]), span));
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
                // `enumerate(xs)`, `enumerate(xs, 1)`, `enumerate(xs, start=1)`.
                let start = match (c.args.as_slice(), c.keywords.as_slice()) {
                    ([_], []) => None,
                    ([_, s], []) => Some(s),
                    ([_], [k]) if k.arg.as_deref() == Some("start") => Some(&k.value),
                    _ => {
                        return Err(self
                            .error(c.range, "enumerate() takes a list and a start")
                            .with_help("write `enumerate(xs)` or `enumerate(xs, 1)`"))
                    }
                };
                let a = &c.args[0];
                let v = self.expr(a)?;
                let v = self.set_as_list(v);
                let item = iter_item(self, &v, a.range())?;
                let pair = self.types.tuple(vec![Ty::INT, item]);
                let ty = self.types.list(pair);
                let mut args = vec![v];
                if let Some(s) = start {
                    args.push(self.expect(s, Ty::INT)?);
                }
                Ok(Expr::new(ty, ExprKind::Builtin(b, args), span))
            }
            Builtin::Reversed | Builtin::SetOf | Builtin::Lib(_) => Err(self
                .error(c.range, format!("{name}() is not supported here"))
                .with_help("see the supported built-ins in README.md")),
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
                    let v = self.set_as_list(v);
                    items.push(iter_item(self, &v, a.range())?);
                    vals.push(v);
                }
                let tuple = self.types.tuple(items);
                let ty = self.types.list(tuple);
                Ok(Expr::new(ty, ExprKind::Builtin(b, vals), span))
            }
        }
    }

    /// `sum(xs, start)`: the items added to `start`, left to right.
    fn sum_start(&mut self, c: &ast::ExprCall) -> Result<Expr, Diagnostic> {
        let (xs, start) = match (c.args.as_slice(), c.keywords.as_slice()) {
            ([xs, start], []) => (xs, start),
            ([xs], [k]) => (xs, &k.value),
            _ => {
                return Err(self
                    .error(c.range, "sum() takes a list and a start value")
                    .with_help("write `sum(xs, start)`"))
            }
        };
        let v = self.expr(xs)?;
        let v = self.set_as_list(v);
        let TyKind::List(item) = *self.types.kind(v.ty) else {
            return Err(self.not_iterable(xs.range(), v.ty, "sum() takes a list here"));
        };
        let s = self.expr(start)?;
        let number = |t: Ty| t.is_numeric() || t == Ty::BOOL || t == Ty::NAT;
        if !number(item) || !number(s.ty) {
            return Err(self.bad_operand(xs, &v, "sum"));
        }
        let ty = match (item.is_float(), s.ty.is_float()) {
            (true, _) => Ty::FLOAT64,
            (false, false) => Ty::INT,
            (false, true) => {
                return Err(self
                    .error(
                        start.range(),
                        "sum() of ints from a float start is not supported yet",
                    )
                    .with_help("start from an int, or sum floats"))
            }
        };
        let s = self.coerce(s, ty, start.range())?;
        Ok(Expr::new(
            ty,
            ExprKind::Builtin(Builtin::Sum, vec![v, s]),
            self.span(c.range),
        ))
    }

    /// `int(s, base)` (also `base=`): `s` must be a str.
    fn int_base(&mut self, c: &ast::ExprCall) -> Result<Expr, Diagnostic> {
        let base_kw = match c.keywords.as_slice() {
            [k] if k.arg.as_deref() == Some("base") => Some(&k.value),
            _ => None,
        };
        let (x, base) = match (c.args.as_slice(), base_kw) {
            ([x, base], None) if c.keywords.is_empty() => (x, base),
            ([x], Some(base)) => (x, base),
            _ => {
                return Err(self
                    .error(c.range, "int() takes a str and a base")
                    .with_help("write `int(s, 16)` or `int(s, base=16)`"))
            }
        };
        let s = self.expr(x)?;
        if s.ty != Ty::STR {
            return Err(self
                .error(
                    x.range(),
                    format!(
                        "int() can't convert non-string with explicit base (found `{}`)",
                        self.types.display(s.ty)
                    ),
                )
                .with_help("an explicit base parses a str: `int(s, 16)`"));
        }
        let base = self.expect(base, Ty::INT)?;
        Ok(Expr::new(
            Ty::INT,
            ExprKind::Builtin(Builtin::Int, vec![s, base]),
            self.span(c.range),
        ))
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

    /// The `key=` keyword of `sorted`, `list.sort`, `min` and `max`.
    pub(crate) fn key_keyword(
        &mut self,
        c: &ast::ExprCall,
        item: Ty,
    ) -> Result<Option<Expr>, Diagnostic> {
        match c.keywords.iter().find(|k| k.arg.as_deref() == Some("key")) {
            Some(k) if !is_none(&k.value) => {
                let iterable = match c.args.as_slice() {
                    [a] => Some(a),
                    _ => None,
                };
                self.key_fn(&k.value, item, iterable).map(Some)
            }
            _ => Ok(None),
        }
    }

    /// A key function applied to an item of type `item` (`ExprKind::KeyFn`):
    /// a lambda of one parameter, or anything callable with one argument
    /// (`len`, `str`, `abs`, a module-level or nested function), or
    /// `str.lower`-style methods of the item's type, or `d.get` over `d`'s
    /// own keys (`iterable`: what the items come from, when known). The
    /// key's result must be orderable.
    pub(crate) fn key_fn(
        &mut self,
        f: &ast::Expr,
        item: Ty,
        iterable: Option<&ast::Expr>,
    ) -> Result<Expr, Diagnostic> {
        let span = self.span(f.range());
        let id = {
            let ctx = self.ctx();
            ctx.next_arm += 1;
            ctx.next_arm - 1
        };
        // The lambda's parameter, or a hidden name no Python code can spell.
        let (param, body) = match f {
            ast::Expr::Lambda(l)
                if l.args.args.len() == 1
                    && l.args.posonlyargs.is_empty()
                    && l.args.vararg.is_none()
                    && l.args.kwonlyargs.is_empty()
                    && l.args.kwarg.is_none() =>
            {
                (l.args.args[0].def.arg.to_string(), (*l.body).clone())
            }
            ast::Expr::Lambda(l) => {
                return Err(self
                    .error(l.range, "a `key` lambda takes one parameter")
                    .with_help("write `key=lambda x: ...`"))
            }
            _ => (" item".to_string(), self.key_call(f, item, iterable)),
        };
        self.ctx().arm_params.push((param, id, item));
        let body = self.expr(&body);
        self.ctx().arm_params.pop();
        let body = body?;
        if !self.sort_orderable(body.ty) {
            return Err(self
                .error(
                    f.range(),
                    format!(
                        "sorting by `{}` keys is not supported",
                        self.types.display(body.ty)
                    ),
                )
                .with_help("Python compares keys with `<`: use numbers, str, bytes, or tuples and lists of them"));
        }
        Ok(Expr::new(
            body.ty,
            ExprKind::KeyFn {
                binder: id,
                body: Box::new(body),
            },
            span,
        ))
    }

    /// The call a non-lambda key stands for: `f( item)`, ` item.lower()`
    /// for `str.lower` (a method of the item's own type), or `d[ item]` for
    /// `d.get` over the keys of `d` (`max(d, key=d.get)`: never `None`).
    fn key_call(&self, f: &ast::Expr, item: Ty, iterable: Option<&ast::Expr>) -> ast::Expr {
        let range = f.range();
        let arg = ast::Expr::Name(ast::ExprName {
            range,
            id: ast::Identifier::new(" item"),
            ctx: ast::ExprContext::Load,
        });
        let own_type = match item {
            Ty::STR => Some("str"),
            Ty::BYTES => Some("bytes"),
            _ => None,
        };
        let (func, args) = match f {
            ast::Expr::Attribute(a)
                if a.attr.as_str() == "get" && iterates_keys(iterable, &a.value) =>
            {
                return ast::Expr::Subscript(ast::ExprSubscript {
                    range,
                    value: a.value.clone(),
                    slice: Box::new(arg),
                    ctx: ast::ExprContext::Load,
                });
            }
            ast::Expr::Attribute(a)
                if matches!(&*a.value, ast::Expr::Name(n)
                    if Some(n.id.as_str()) == own_type && self.global(n.id.as_str()).is_none()) =>
            {
                let method = ast::Expr::Attribute(ast::ExprAttribute {
                    range,
                    value: Box::new(arg),
                    attr: a.attr.clone(),
                    ctx: ast::ExprContext::Load,
                });
                (method, vec![])
            }
            _ => (f.clone(), vec![arg]),
        };
        ast::Expr::Call(ast::ExprCall {
            range,
            func: Box::new(func),
            args,
            keywords: vec![],
        })
    }

    /// `lambda kv: kv[0]`, the key of `sorted(d.items())`.
    fn item_key(&self, range: rustpython_parser::text_size::TextRange) -> ast::Expr {
        let param = ast::Identifier::new("item");
        let arg = ast::ArgWithDefault {
            range: Default::default(),
            def: ast::Arg {
                range,
                arg: param.clone(),
                annotation: None,
                type_comment: None,
            },
            default: None,
        };
        let body = ast::Expr::Subscript(ast::ExprSubscript {
            range,
            value: Box::new(ast::Expr::Name(ast::ExprName {
                range,
                id: param,
                ctx: ast::ExprContext::Load,
            })),
            slice: Box::new(ast::Expr::Constant(ast::ExprConstant {
                range,
                value: ast::Constant::Int(0.into()),
                kind: None,
            })),
            ctx: ast::ExprContext::Load,
        });
        ast::Expr::Lambda(ast::ExprLambda {
            range,
            args: Box::new(ast::Arguments {
                range: Default::default(),
                posonlyargs: vec![],
                args: vec![arg],
                vararg: None,
                kwonlyargs: vec![],
                kwarg: None,
            }),
            body: Box::new(body),
        })
    }

    /// `what` (`sorting`, `max() of`) values of a type `<` does not order.
    pub(crate) fn not_orderable(
        &self,
        range: rustpython_parser::text_size::TextRange,
        item: Ty,
        what: &str,
    ) -> Diagnostic {
        self.error(
            range,
            format!("{what} `{}` values is not supported", self.types.display(item)),
        )
        .with_help("Python compares items with `<`: use numbers, str, bytes, or tuples and lists of them, or pass a `key=`")
    }

    /// Whether Python's `<` orders values of type `t` (sort keys and
    /// sorted items): numbers, str, bytes, classes with `__lt__`, and
    /// tuples (of at most six items) and lists of such values.
    pub(crate) fn sort_orderable(&self, t: Ty) -> bool {
        if t.is_numeric() || matches!(t, Ty::BOOL | Ty::STR | Ty::BYTES | Ty::NAT | Ty::NUM) {
            return true;
        }
        match self.types.kind(t) {
            TyKind::Tuple(items) => {
                items.len() <= 6 && items.iter().all(|i| self.sort_orderable(*i))
            }
            TyKind::List(i) => self.sort_orderable(*i),
            _ => self.class_orderable(t),
        }
    }
}

/// Whether `iterable` is the name `d` or `d.keys()` (`d` a name).
fn iterates_keys(iterable: Option<&ast::Expr>, d: &ast::Expr) -> bool {
    let ast::Expr::Name(d) = d else {
        return false;
    };
    let same = |e: &ast::Expr| matches!(e, ast::Expr::Name(n) if n.id == d.id);
    match iterable {
        Some(ast::Expr::Call(c)) if c.args.is_empty() && c.keywords.is_empty() => {
            matches!(&*c.func, ast::Expr::Attribute(a) if a.attr.as_str() == "keys" && same(&a.value))
        }
        Some(e) => same(e),
        None => false,
    }
}

fn is_none(e: &ast::Expr) -> bool {
    matches!(
        e,
        ast::Expr::Constant(ast::ExprConstant {
            value: ast::Constant::None,
            ..
        })
    )
}

impl Checker<'_> {
    /// `v` (the value of the expression at `range`) as the iterable
    /// argument of `name()`, with the type of its items: a list, a dict
    /// (its keys), a str (its characters) or a set (as a list). (Tuples are
    /// lists by then: `Checker::iterable`.)
    pub(crate) fn builtin_iterable(
        &mut self,
        v: Expr,
        range: rustpython_parser::text_size::TextRange,
        name: &str,
    ) -> Result<(Expr, Ty), Diagnostic> {
        let v = self.set_as_list(v);
        let item = match self.types.kind(v.ty) {
            TyKind::List(t) | TyKind::Dict(t, _) => Some(*t),
            _ if v.ty == Ty::STR => Some(Ty::STR),
            _ => None,
        };
        match item {
            Some(item) => Ok((v, item)),
            None => Err(self.not_iterable(
                range,
                v.ty,
                &format!("{name}() takes a list, dict, set, str or a tuple of one item type here"),
            )),
        }
    }
}

impl Checker<'_> {
    /// `print(a, b, ..., sep=" ", end="\n")`: one f-string of the
    /// arguments' `str()` joined by `sep`, written with a newline (the
    /// default `end`) or followed by `end`.
    pub(crate) fn print_call(&mut self, c: &ast::ExprCall) -> Result<Expr, Diagnostic> {
        use crate::model::ir::FPart;
        let span = self.span(c.range);
        let mut sep = " ".to_string();
        let mut end = "\n".to_string();
        for k in &c.keywords {
            let slot = match k.arg.as_deref() {
                Some("sep") => &mut sep,
                Some("end") => &mut end,
                Some(other) => {
                    return Err(self
                        .error(
                            k.range,
                            format!("print() keyword `{other}` is not supported"),
                        )
                        .with_help("print() takes `sep` and `end` here"))
                }
                None => {
                    return Err(self
                        .error(k.range, "`**` arguments are not supported")
                        .with_help("pass `sep=` and `end=` by name"))
                }
            };
            match &k.value {
                ast::Expr::Constant(ast::ExprConstant {
                    value: ast::Constant::Str(s),
                    ..
                }) => *slot = s.clone(),
                // `None` means the default.
                ast::Expr::Constant(ast::ExprConstant {
                    value: ast::Constant::None,
                    ..
                }) => {}
                other => {
                    return Err(self
                        .error(
                            other.range(),
                            "print()'s `sep` and `end` must be string literals here",
                        )
                        .with_help("build the text with an f-string or `str.join` and print it"))
                }
            }
        }
        let mut parts = Vec::new();
        for (i, a) in c.args.iter().enumerate() {
            if let ast::Expr::Starred(s) = a {
                return Err(self
                    .error(s.range, "`*` arguments to print() are not supported yet")
                    .with_help("print the items joined: `print(\" \".join(...))`"));
            }
            if i > 0 && !sep.is_empty() {
                parts.push(FPart::Lit(sep.clone()));
            }
            let v = self.expr(a)?;
            match v.kind {
                ExprKind::Str(s) => parts.push(FPart::Lit(s)),
                ExprKind::FString(p) => parts.extend(p),
                _ => {
                    self.printable(&v, a.range())?;
                    parts.extend(str_parts(a, v, false));
                }
            }
        }
        let newline = match end.strip_suffix('\n') {
            Some(rest) => {
                if !rest.is_empty() {
                    parts.push(FPart::Lit(rest.to_string()));
                }
                true
            }
            None => {
                if !end.is_empty() {
                    parts.push(FPart::Lit(end));
                }
                false
            }
        };
        let text = Expr::new(Ty::STR, ExprKind::FString(parts), span);
        Ok(Expr::new(
            Ty::NONE,
            ExprKind::Print(Box::new(text), newline),
            span,
        ))
    }
}

/// `d.keys()`, `d.values()` or `d.items()` (`a` the source of `v`; `list(d)`
/// is a `Method::Keys` too).
pub(crate) fn is_dict_view(a: &ast::Expr, v: &Expr) -> bool {
    use crate::model::ir::Method;
    let call = matches!(a, ast::Expr::Call(c) if c.args.is_empty()
        && matches!(&*c.func, ast::Expr::Attribute(at) if matches!(at.attr.as_str(), "keys" | "values" | "items")));
    call && matches!(
        &v.kind,
        ExprKind::Method(Method::Keys | Method::Values | Method::Items, _)
    )
}

/// The f-string parts of `str(v)` (`repr(v)`): a dict view
/// (`d.keys()`, still a list here) prints as `dict_keys([...])`.
pub(crate) fn str_parts(a: &ast::Expr, v: Expr, repr: bool) -> Vec<crate::model::ir::FPart> {
    use crate::model::ir::{FPart, Method};
    let view = match &v.kind {
        _ if !is_dict_view(a, &v) => None,
        ExprKind::Method(Method::Keys, _) => Some("dict_keys("),
        ExprKind::Method(Method::Values, _) => Some("dict_values("),
        ExprKind::Method(Method::Items, _) => Some("dict_items("),
        _ => None,
    };
    let value = FPart::Value {
        expr: v,
        repr: view.is_some() || repr,
        spec: None,
    };
    match view {
        Some(name) => vec![
            FPart::Lit(name.to_string()),
            value,
            FPart::Lit(")".to_string()),
        ],
        None => vec![value],
    }
}
