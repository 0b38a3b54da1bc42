//! Lists and dicts in Python code: literals without an expected type,
//! subscripts, `in`, stores into items and fields, and the methods of the
//! built-in containers. Which values end up shared is decided later, per
//! type, by `passes::sharing`.

use super::Checker;
use crate::diagnostics::Diagnostic;
use crate::model::ir::{self, Expr, ExprKind, Method, Place};
use crate::model::{Ty, TyKind};
use rustpython_parser::ast::{self, Ranged};
use rustpython_parser::text_size::TextRange;

impl Checker<'_> {
    /// A list or dict literal whose type comes from its items: the first
    /// item's type, which every other item must have (mixed numbers meet
    /// in the wider type).
    pub(crate) fn container_literal(&mut self, e: &ast::Expr) -> Result<Expr, Diagnostic> {
        let span = self.span(e.range());
        match e {
            ast::Expr::List(l) if l.elts.iter().any(|x| matches!(x, ast::Expr::Starred(_))) => {
                self.splice_literal(l, None)
            }
            ast::Expr::List(l) => {
                let Some(first) = l.elts.first() else {
                    return self.empty_container(e, false);
                };
                let first = self.expr(first)?;
                let mut item = first.ty;
                let mut rest = Vec::new();
                for x in &l.elts[1..] {
                    let v = self.item_expr(x, item)?;
                    item = self.join_item(item, &v, x.range())?;
                    rest.push(v);
                }
                // A list of Python ints, whatever fixed width the items had.
                let item = super::stmt::natural(item);
                let items = std::iter::once(first)
                    .chain(rest)
                    .zip(&l.elts)
                    .map(|(v, x)| self.coerce(v, item, x.range()))
                    .collect::<Result<Vec<_>, _>>()?;
                let ty = self.types.list(item);
                Ok(Expr::new(ty, ExprKind::List(items), span))
            }
            ast::Expr::Dict(d) => {
                if d.keys.is_empty() {
                    return self.empty_container(e, true);
                }
                let mut pairs = Vec::new();
                // `**d` entries: the dict, at its place among the pairs.
                let mut spreads: Vec<(usize, Expr, TextRange)> = Vec::new();
                let (mut kt, mut vt) = (Ty::NEVER, Ty::NEVER);
                for (k, v) in d.keys.iter().zip(&d.values) {
                    let Some(k) = k else {
                        let spread = self.spread_dict(v)?;
                        let TyKind::Dict(sk, sv) = *self.types.kind(spread.ty) else {
                            unreachable!("spread_dict returns dicts")
                        };
                        if kt == Ty::NEVER && vt == Ty::NEVER {
                            (kt, vt) = (sk, sv);
                        } else if (sk, sv) != (kt, vt) {
                            return Err(self.mixed_dict(kt, vt, spread.ty, v.range()));
                        }
                        spreads.push((pairs.len(), spread, v.range()));
                        continue;
                    };
                    let (ke, ve) = if kt == Ty::NEVER && vt == Ty::NEVER {
                        (self.expr(k)?, self.expr(v)?)
                    } else {
                        (self.item_expr(k, kt)?, self.item_expr(v, vt)?)
                    };
                    if kt == Ty::NEVER && vt == Ty::NEVER {
                        (kt, vt) = (ke.ty, ve.ty);
                    } else {
                        kt = self.join_item(kt, &ke, k.range())?;
                        vt = self.join_item(vt, &ve, v.range())?;
                    }
                    pairs.push((ke, ve, k.range(), v.range()));
                }
                let (kt, vt) = (super::stmt::natural(kt), super::stmt::natural(vt));
                let pairs = pairs
                    .into_iter()
                    .map(|(k, v, kr, vr)| Ok((self.coerce(k, kt, kr)?, self.coerce(v, vt, vr)?)))
                    .collect::<Result<Vec<_>, Diagnostic>>()?;
                self.hashable(kt, e.range())?;
                let ty = self.types.dict(kt, vt);
                if spreads.is_empty() {
                    return Ok(Expr::new(ty, ExprKind::Dict(pairs), span));
                }
                self.dict_splice(ty, pairs, spreads, span)
            }
            ast::Expr::Tuple(t) => {
                let items = t
                    .elts
                    .iter()
                    .map(|x| self.expr(x))
                    .collect::<Result<Vec<_>, _>>()?;
                if let Some(s) = t.elts.iter().find(|x| matches!(x, ast::Expr::Starred(_))) {
                    return Err(self
                        .error(s.range(), "`*` in a tuple is not supported yet")
                        .with_help("write the items out"));
                }
                let ty = self.types.tuple(items.iter().map(|i| i.ty).collect());
                Ok(Expr::new(ty, ExprKind::Tuple(items), span))
            }
            _ => Err(self.error(e.range(), "expected a list, dict or tuple literal")),
        }
    }

    /// A later item of a literal: an empty `[]`/`{}` or a dict literal
    /// takes the type of the items before it.
    fn item_expr(&mut self, x: &ast::Expr, before: Ty) -> Result<Expr, Diagnostic> {
        let typed_by_context = match x {
            ast::Expr::List(l) => l.elts.is_empty(),
            ast::Expr::Dict(_) => matches!(
                self.types.kind(before),
                TyKind::Dict(..) | TyKind::Nominal(_)
            ),
            _ => false,
        };
        if typed_by_context {
            self.expect(x, before)
        } else {
            self.expr(x)
        }
    }

    /// `[a, *xs, b]`: items and spread lists of one item type (`item`
    /// when the context gives it, else the first one's).
    pub(crate) fn splice_literal(
        &mut self,
        l: &ast::ExprList,
        item: Option<Ty>,
    ) -> Result<Expr, Diagnostic> {
        let mut item = item;
        let mut parts = Vec::new();
        for x in &l.elts {
            match x {
                ast::Expr::Starred(s) => {
                    let v = match item {
                        Some(t) => {
                            let want = self.types.list(t);
                            self.expect(&s.value, want)?
                        }
                        None => self.expr(&s.value)?,
                    };
                    let t = match self.types.kind(v.ty) {
                        TyKind::List(t) => *t,
                        _ => {
                            return Err(self
                                .error(
                                    s.value.range(),
                                    format!(
                                        "`*` of a `{}` value is not supported yet",
                                        self.types.display(v.ty)
                                    ),
                                )
                                .with_help("spread a list: `[*xs, y]`"))
                        }
                    };
                    item.get_or_insert(t);
                    parts.push((true, v));
                }
                other => {
                    let v = match item {
                        Some(t) => self.expect(other, t)?,
                        None => self.expr(other)?,
                    };
                    item.get_or_insert(v.ty);
                    parts.push((false, v));
                }
            }
        }
        let item = item.unwrap_or(Ty::NONE);
        let ty = self.types.list(item);
        Ok(Expr::new(ty, ExprKind::Splice(parts), self.span(l.range)))
    }

    /// A dict literal where a `dict[K, V]` is expected.
    pub(crate) fn typed_dict_literal(
        &mut self,
        d: &ast::ExprDict,
        ty: Ty,
        key: Ty,
        value: Ty,
    ) -> Result<Expr, Diagnostic> {
        let mut pairs = Vec::new();
        let mut spreads = Vec::new();
        for (k, v) in d.keys.iter().zip(&d.values) {
            let Some(k) = k else {
                let spread = self.spread_dict(v)?;
                if spread.ty != ty {
                    return Err(self.mixed_dict(key, value, spread.ty, v.range()));
                }
                spreads.push((pairs.len(), spread, v.range()));
                continue;
            };
            pairs.push((self.expect(k, key)?, self.expect(v, value)?));
        }
        let span = self.span(d.range);
        if spreads.is_empty() {
            return Ok(Expr::new(ty, ExprKind::Dict(pairs), span));
        }
        self.dict_splice(ty, pairs, spreads, span)
    }

    /// The value of `**d` in a dict literal: a dict.
    fn spread_dict(&mut self, v: &ast::Expr) -> Result<Expr, Diagnostic> {
        let spread = self.expr(v)?;
        if !matches!(self.types.kind(spread.ty), TyKind::Dict(..)) {
            return Err(self
                .error(
                    v.range(),
                    format!(
                        "'{}' object is not a mapping",
                        self.types.display(spread.ty)
                    ),
                )
                .with_help("`**` in a dict literal takes a dict"));
        }
        Ok(spread)
    }

    fn mixed_dict(&self, k: Ty, v: Ty, found: Ty, range: TextRange) -> Diagnostic {
        self.error(
            range,
            format!(
                "the entries of one dict must have one type: `dict[{}, {}]` and `{}`",
                self.types.display(k),
                self.types.display(v),
                self.types.display(found)
            ),
        )
        .with_help("annotate the variable with the dict's type, or convert the entries first")
    }

    /// A dict literal with `**` entries (`spreads`: each after that many
    /// of the pairs).
    fn dict_splice(
        &mut self,
        ty: Ty,
        pairs: Vec<(Expr, Expr)>,
        spreads: Vec<(usize, Expr, TextRange)>,
        span: crate::source::Span,
    ) -> Result<Expr, Diagnostic> {
        let mut parts = Vec::new();
        let mut spreads = spreads.into_iter().peekable();
        for (i, (k, v)) in pairs.into_iter().enumerate() {
            while let Some((_, d, _)) = spreads.next_if(|(at, _, _)| *at == i) {
                parts.push((None, d));
            }
            parts.push((Some(k), v));
        }
        parts.extend(spreads.map(|(_, d, _)| (None, d)));
        Ok(Expr::new(ty, ExprKind::DictSplice(parts), span))
    }

    /// The type of container items `a` and `b` must share.
    pub(crate) fn join_item(
        &self,
        a: Ty,
        b: &Expr,
        range: rustpython_parser::text_size::TextRange,
    ) -> Result<Ty, Diagnostic> {
        // `[1, 2.5]` holds an int and a float: items that are numbers known
        // at run time (`Num`) print each as it is.
        let number = |t: Ty| t.is_numeric() || t == Ty::BOOL || t == Ty::NUM;
        let mixed = a.is_float() != b.ty.is_float() || (a == Ty::NUM) != (b.ty == Ty::NUM);
        if number(a) && number(b.ty) && mixed {
            return Ok(Ty::NUM);
        }
        match self.unify(a, b) {
            Some(t) => Ok(t),
            None => Err(self
                .error(
                    range,
                    format!(
                        "items of one container must have one type: `{}` and `{}`",
                        self.types.display(a),
                        self.types.display(b.ty)
                    ),
                )
                .with_help(
                    "annotate the variable with the container's type (`dict[str, int]`) or, for a dict of fields, a Record type",
                )),
        }
    }

    /// `{k: v for x in xs if c}`: the comprehension of `(k, v)` pairs,
    /// collected into a new dict (later pairs replace earlier keys).
    /// With `want`, the pairs are converted to the expected key and value
    /// types (`nat` keys of a Candid dict, ...).
    pub(crate) fn dict_comprehension(
        &mut self,
        d: &ast::ExprDictComp,
        want: Option<(Ty, Ty)>,
    ) -> Result<Expr, Diagnostic> {
        let pair = ast::Expr::Tuple(ast::ExprTuple {
            range: d.range,
            elts: vec![(*d.key).clone(), (*d.value).clone()],
            ctx: ast::ExprContext::Load,
        });
        let mut e = self.list_comprehension(&pair, &d.generators, d.range)?;
        let TyKind::List(item) = self.types.kind(e.ty).clone() else {
            return Ok(e);
        };
        let TyKind::Tuple(kv) = self.types.kind(item).clone() else {
            return Ok(e);
        };
        let (kt, vt) = match want {
            Some((k, v)) => {
                if let ExprKind::Comprehension { elem, .. } = &mut e.kind {
                    if let ExprKind::Tuple(items) = &mut elem.kind {
                        let key = items.remove(0);
                        let value = items.remove(0);
                        items.push(self.coerce(key, k, d.key.range())?);
                        items.push(self.coerce(value, v, d.value.range())?);
                        elem.ty = self.types.tuple(vec![k, v]);
                    }
                }
                (k, v)
            }
            None => (kv[0], kv[1]),
        };
        self.hashable(kt, d.key.range())?;
        e.ty = self.types.dict(kt, vt);
        Ok(e)
    }

    /// Dict keys (and later set items) must hash in Rust as in Python.
    fn hashable(
        &self,
        t: Ty,
        range: rustpython_parser::text_size::TextRange,
    ) -> Result<(), Diagnostic> {
        let ok = match self.types.kind(t) {
            TyKind::Tuple(items) => {
                let items = items.clone();
                return items.iter().try_for_each(|i| self.hashable(*i, range));
            }
            TyKind::Int | TyKind::Fixed(_) | TyKind::Bool | TyKind::Str | TyKind::Bytes => true,
            TyKind::Principal | TyKind::None | TyKind::Nat => true,
            _ => false,
        };
        if ok {
            Ok(())
        } else {
            Err(self
                .error(
                    range,
                    format!(
                        "`{}` values cannot be dict keys here",
                        self.types.display(t)
                    ),
                )
                .with_help("use str, int, bool, bytes, Principal or tuples of them as keys"))
        }
    }

    /// `base[index]` on a list or dict; `None` for other values.
    pub(crate) fn item(
        &mut self,
        base: Expr,
        s: &ast::ExprSubscript,
    ) -> Result<Result<Expr, Expr>, Diagnostic> {
        let span = self.span(s.range);
        let sliceable = matches!(base.ty, Ty::STR | Ty::BYTES)
            || matches!(self.types.kind(base.ty), TyKind::List(_));
        if let (ast::Expr::Slice(sl), true) = (&*s.slice, sliceable) {
            let bound = |this: &mut Self,
                         e: &Option<Box<ast::Expr>>|
             -> Result<Option<Box<Expr>>, Diagnostic> {
                match e.as_deref() {
                    None => Ok(None),
                    Some(ast::Expr::Constant(k)) if matches!(k.value, ast::Constant::None) => {
                        Ok(None)
                    }
                    Some(x) => Ok(Some(Box::new(this.expect(x, Ty::INT)?))),
                }
            };
            let start = bound(self, &sl.lower)?;
            let stop = bound(self, &sl.upper)?;
            let step = bound(self, &sl.step)?;
            let ty = base.ty;
            return Ok(Ok(Expr::new(
                ty,
                ExprKind::Slice {
                    base: Box::new(base),
                    start,
                    stop,
                    step,
                },
                span,
            )));
        }
        if matches!(base.ty, Ty::STR | Ty::BYTES) {
            let i = self.expect(&s.slice, Ty::INT)?;
            let ty = if base.ty == Ty::STR { Ty::STR } else { Ty::INT };
            return Ok(Ok(Expr::new(
                ty,
                ExprKind::Index(Box::new(base), Box::new(i)),
                span,
            )));
        }
        match self.types.kind(base.ty).clone() {
            TyKind::List(item) => {
                let i = self.expect(&s.slice, Ty::INT)?;
                Ok(Ok(Expr::new(
                    item,
                    ExprKind::Index(Box::new(base), Box::new(i)),
                    span,
                )))
            }
            TyKind::Dict(key, value) => {
                let k = self.expect(&s.slice, key)?;
                Ok(Ok(Expr::new(
                    value,
                    ExprKind::Index(Box::new(base), Box::new(k)),
                    span,
                )))
            }
            _ => Ok(Err(base)),
        }
    }

    /// `item in container` for a list or dict container; `None` otherwise.
    pub(crate) fn membership(
        &mut self,
        item: &ast::Expr,
        container: Expr,
    ) -> Result<Option<Expr>, Diagnostic> {
        let want = match self.types.kind(container.ty) {
            TyKind::List(t) | TyKind::Set(t) | TyKind::FrozenSet(t) => *t,
            TyKind::Dict(k, _) => *k,
            _ => return Ok(None),
        };
        let span = container.span;
        let x = self.expect(item, want)?;
        Ok(Some(Expr::new(
            Ty::BOOL,
            ExprKind::Method(Method::Contains, vec![container, x]),
            span,
        )))
    }

    /// The place `target` (a subscript) names, and the Python type a value
    /// stored there must have.
    pub(crate) fn subscript_place(
        &mut self,
        s: &ast::ExprSubscript,
    ) -> Result<(Place, Ty), Diagnostic> {
        let base = self.expr(&s.value)?;
        if let Some(shape) = self.pending_container(base.ty) {
            // `d[k] = v` / `xs[i] = v` on a container being inferred.
            let (index, item) = match shape {
                super::infer::PendingShape::Dict { key, value } => {
                    let k = self.var_ty(key);
                    (self.expect(&s.slice, k)?, self.var_ty(value))
                }
                super::infer::PendingShape::List { item } => {
                    (self.expect(&s.slice, Ty::INT)?, self.var_ty(item))
                }
                super::infer::PendingShape::Set { .. } => {
                    return Err(self
                        .error(s.range, "'set' object is not subscriptable")
                        .with_help("test membership with `x in s`"))
                }
            };
            let place = Place::Subscript {
                base: Box::new(base),
                index: Box::new(index),
            };
            return Ok((place, item));
        }
        match self.types.kind(base.ty).clone() {
            TyKind::List(item) => {
                if matches!(&*s.slice, ast::Expr::Slice(_)) {
                    return Err(self
                        .error(s.slice.range(), "slice assignment is not supported yet")
                        .with_help("store the items one by one"));
                }
                let i = self.expect(&s.slice, Ty::INT)?;
                Ok((
                    Place::Subscript {
                        base: Box::new(base),
                        index: Box::new(i),
                    },
                    item,
                ))
            }
            TyKind::Dict(key, value) => {
                let k = self.expect(&s.slice, key)?;
                Ok((
                    Place::Subscript {
                        base: Box::new(base),
                        index: Box::new(k),
                    },
                    value,
                ))
            }
            TyKind::Nominal(def)
                if matches!(
                    self.defs[def.0 as usize].kind,
                    crate::model::ir::DefKind::Record(_)
                ) =>
            {
                let (i, ty) = self.member_key(def, &s.slice)?;
                Ok((Place::Field(Box::new(base), i), ty))
            }
            _ => Err(self
                .error(
                    s.value.range(),
                    format!(
                        "items of `{}` values cannot be assigned",
                        self.types.display(base.ty)
                    ),
                )
                .with_help("store into a list, a dict or a Record field")),
        }
    }

    /// A method call `recv.name(args)` on a built-in container.
    pub(crate) fn method_call(
        &mut self,
        a: &ast::ExprAttribute,
        c: &ast::ExprCall,
    ) -> Result<Expr, Diagnostic> {
        let recv = self.expr(&a.value)?;
        let span = self.span(c.range);
        let name = a.attr.as_str();
        if let Some(shape) = self.pending_container(recv.ty) {
            return self.pending_method(shape, recv, name, c);
        }
        let kind = self.types.kind(recv.ty).clone();
        if let Some(r) = self.library_method(&recv, name, c) {
            return r;
        }
        if let Some((method, ty, args)) = self.set_method_call(&recv, name, a, c)? {
            let mut all = vec![recv];
            all.extend(args);
            return Ok(Expr::new(ty, ExprKind::Method(method, all), span));
        }
        if !c.keywords.is_empty() && name != "sort" && name != "format" {
            return Err(self
                .error(c.range, "keyword arguments are not supported yet")
                .with_help("pass arguments by position"));
        }
        let arity = |this: &Self, n: &[usize]| -> Result<(), Diagnostic> {
            if n.contains(&c.args.len()) {
                return Ok(());
            }
            Err(this
                .error(
                    c.range,
                    format!(
                        "`{name}()` takes {} argument(s), {} given",
                        n.iter()
                            .map(|n| n.to_string())
                            .collect::<Vec<_>>()
                            .join(" or "),
                        c.args.len()
                    ),
                )
                .with_help("see the Python documentation of this method"))
        };
        let (method, ty, args) = match (&kind, name) {
            (TyKind::Str, "encode") | (TyKind::Bytes, "decode") => {
                arity(self, &[0, 1])?;
                if let Some(enc) = c.args.first() {
                    let utf8 = matches!(enc, ast::Expr::Constant(k)
                        if matches!(&k.value, ast::Constant::Str(s)
                            if matches!(s.to_ascii_lowercase().replace('_', "-").as_str(), "utf-8" | "utf8")));
                    if !utf8 {
                        return Err(self
                            .error(enc.range(), "only the UTF-8 encoding is supported")
                            .with_help(format!("write `{name}(\"utf-8\")` or `{name}()`")));
                    }
                }
                if name == "encode" {
                    (Method::Encode, Ty::BYTES, vec![])
                } else {
                    (Method::Decode, Ty::STR, vec![])
                }
            }
            (TyKind::Str, "format") => {
                let ExprKind::Str(template) = &recv.kind else {
                    return Err(self
                        .error(
                            a.range,
                            "format() of a computed string is not supported yet",
                        )
                        .with_help("call format() on a string literal, or use an f-string"));
                };
                let template = template.clone();
                return self.str_format(&template, c, span);
            }
            (TyKind::Str, "upper" | "lower") => {
                arity(self, &[0])?;
                let m = if name == "upper" {
                    Method::Upper
                } else {
                    Method::Lower
                };
                (m, Ty::STR, vec![])
            }
            (TyKind::Str, "strip" | "lstrip" | "rstrip") => {
                arity(self, &[0, 1])?;
                let m = match name {
                    "strip" => Method::Strip,
                    "lstrip" => Method::LStrip,
                    _ => Method::RStrip,
                };
                let args = match c.args.first() {
                    Some(chars) => vec![self.expect(chars, Ty::STR)?],
                    None => vec![],
                };
                (m, Ty::STR, args)
            }
            (TyKind::Str, "split") => {
                arity(self, &[0, 1])?;
                let args = match c.args.first() {
                    Some(ast::Expr::Constant(k)) if matches!(k.value, ast::Constant::None) => {
                        vec![]
                    }
                    Some(sep) => vec![self.expect(sep, Ty::STR)?],
                    None => vec![],
                };
                (Method::Split, self.types.list(Ty::STR), args)
            }
            (TyKind::Str, "join") => {
                arity(self, &[1])?;
                let want = self.types.list(Ty::STR);
                let items = self.expr(&c.args[0])?;
                let items = self.iter_object(items, c.args[0].range())?;
                let items = match self.types.kind(items.ty) {
                    TyKind::Generator(_) => self.set_as_list(items),
                    _ => items,
                };
                if !matches!(self.types.kind(items.ty), TyKind::List(t) if *t == Ty::STR) {
                    return Err(self
                        .error(
                            c.args[0].range(),
                            format!(
                                "join() takes a list of str here, found `{}`",
                                self.types.display(items.ty)
                            ),
                        )
                        .with_help(
                            "convert the items first: `\", \".join([str(x) for x in xs])`",
                        ));
                }
                let _ = want;
                (Method::Join, Ty::STR, vec![items])
            }
            (TyKind::Str, "startswith" | "endswith" | "find" | "count") => {
                arity(self, &[1])?;
                let arg = match &c.args[0] {
                    // `s.startswith(("a", "b"))`: any of the prefixes.
                    ast::Expr::Tuple(t) if name.ends_with("with") => {
                        let items = t
                            .elts
                            .iter()
                            .map(|x| self.expect(x, Ty::STR))
                            .collect::<Result<Vec<_>, _>>()?;
                        let ty = self.types.tuple(vec![Ty::STR; items.len()]);
                        Expr::new(ty, ExprKind::Tuple(items), self.span(t.range))
                    }
                    a => {
                        let arg = self.expr(a)?;
                        let all_str = matches!(self.types.kind(arg.ty), TyKind::Tuple(tys) if tys.iter().all(|t| *t == Ty::STR));
                        if all_str && name.ends_with("with") {
                            arg
                        } else {
                            self.coerce(arg, Ty::STR, a.range())?
                        }
                    }
                };
                match name {
                    "startswith" => (Method::StartsWith, Ty::BOOL, vec![arg]),
                    "endswith" => (Method::EndsWith, Ty::BOOL, vec![arg]),
                    "find" => (Method::Find, Ty::INT, vec![arg]),
                    _ => (Method::StrCount, Ty::INT, vec![arg]),
                }
            }
            (TyKind::Str, "replace") => {
                arity(self, &[2])?;
                let old = self.expect(&c.args[0], Ty::STR)?;
                let new = self.expect(&c.args[1], Ty::STR)?;
                (Method::Replace, Ty::STR, vec![old, new])
            }
            (TyKind::List(_), "extend") => {
                arity(self, &[1])?;
                let items = self.expect(&c.args[0], recv.ty)?;
                (Method::Extend, Ty::NONE, vec![items])
            }
            (TyKind::List(t), "insert") => {
                arity(self, &[2])?;
                let i = self.expect(&c.args[0], Ty::INT)?;
                let x = self.expect(&c.args[1], *t)?;
                (Method::Insert, Ty::NONE, vec![i, x])
            }
            (TyKind::List(t), "remove" | "index" | "count") => {
                arity(self, &[1])?;
                let x = self.expect(&c.args[0], *t)?;
                match name {
                    "remove" => (Method::Remove, Ty::NONE, vec![x]),
                    "index" => (Method::Index, Ty::INT, vec![x]),
                    _ => (Method::Count, Ty::INT, vec![x]),
                }
            }
            (TyKind::List(t), "sort") => {
                arity(self, &[0])?;
                let keyed = c.keywords.iter().any(|k| k.arg.as_deref() == Some("key"));
                if !self.sort_orderable(*t) && !keyed {
                    return Err(self.not_orderable(a.range, *t, "sorting"));
                }
                let reverse = self.reverse_keyword(c)?;
                let mut args = vec![reverse];
                if let Some(k) = self.key_keyword(c, *t)? {
                    args.push(k);
                }
                (Method::Sort, Ty::NONE, args)
            }
            (TyKind::List(_), "reverse" | "clear") | (TyKind::Dict(..), "clear") => {
                arity(self, &[0])?;
                let m = if name == "reverse" {
                    Method::Reverse
                } else {
                    Method::Clear
                };
                (m, Ty::NONE, vec![])
            }
            (TyKind::List(t), "append") => {
                arity(self, &[1])?;
                let x = self.expect(&c.args[0], *t)?;
                (Method::Append, Ty::NONE, vec![x])
            }
            (TyKind::List(t), "pop") => {
                arity(self, &[0, 1])?;
                let args = match c.args.first() {
                    Some(i) => vec![self.expect(i, Ty::INT)?],
                    None => vec![],
                };
                (Method::Pop, *t, args)
            }
            (TyKind::Dict(..), "update") => {
                arity(self, &[1])?;
                let other = self.expect(&c.args[0], recv.ty)?;
                (Method::Update, Ty::NONE, vec![other])
            }
            (TyKind::Dict(..), "copy") => {
                arity(self, &[0])?;
                (Method::DictCopy, recv.ty, vec![])
            }
            (TyKind::List(_), "copy") => {
                arity(self, &[0])?;
                (Method::ListCopy, recv.ty, vec![])
            }
            (TyKind::Dict(k, v), "get") => {
                arity(self, &[1, 2])?;
                let key = self.expect(&c.args[0], *k)?;
                let none_default = c.args.get(1).is_none_or(|d| {
                    matches!(d, ast::Expr::Constant(k) if matches!(k.value, ast::Constant::None))
                });
                if none_default {
                    let ty = self.types.opt(*v);
                    (Method::GetOpt, ty, vec![key])
                } else {
                    let d = self.expect(&c.args[1], *v)?;
                    (Method::GetOr, *v, vec![key, d])
                }
            }
            (TyKind::Dict(k, _), "keys") => {
                arity(self, &[0])?;
                (Method::Keys, self.types.list(*k), vec![])
            }
            (TyKind::Dict(_, v), "values") => {
                arity(self, &[0])?;
                (Method::Values, self.types.list(*v), vec![])
            }
            (TyKind::Dict(k, v), "items") => {
                arity(self, &[0])?;
                let pair = self.types.tuple(vec![*k, *v]);
                (Method::Items, self.types.list(pair), vec![])
            }
            (TyKind::Dict(k, v), "pop") => {
                arity(self, &[1])?;
                let key = self.expect(&c.args[0], *k)?;
                (Method::DictPop, *v, vec![key])
            }
            (TyKind::Dict(k, v), "setdefault") => {
                arity(self, &[2])?;
                let key = self.expect(&c.args[0], *k)?;
                let d = self.expect(&c.args[1], *v)?;
                (Method::SetDefault, *v, vec![key, d])
            }
            _ => {
                const LIST: &[&str] = &[
                    "append", "extend", "insert", "remove", "pop", "clear", "index", "count",
                    "sort", "reverse", "copy",
                ];
                const DICT: &[&str] = &[
                    "clear",
                    "copy",
                    "fromkeys",
                    "get",
                    "items",
                    "keys",
                    "pop",
                    "popitem",
                    "setdefault",
                    "update",
                    "values",
                ];
                const STR: &[&str] = &[
                    "capitalize",
                    "casefold",
                    "center",
                    "count",
                    "encode",
                    "endswith",
                    "expandtabs",
                    "find",
                    "format",
                    "index",
                    "isalnum",
                    "isalpha",
                    "isascii",
                    "isdecimal",
                    "isdigit",
                    "isidentifier",
                    "islower",
                    "isnumeric",
                    "isprintable",
                    "isspace",
                    "istitle",
                    "isupper",
                    "join",
                    "ljust",
                    "lower",
                    "lstrip",
                    "partition",
                    "removeprefix",
                    "removesuffix",
                    "replace",
                    "rfind",
                    "rindex",
                    "rjust",
                    "rpartition",
                    "rsplit",
                    "rstrip",
                    "split",
                    "splitlines",
                    "startswith",
                    "strip",
                    "swapcase",
                    "title",
                    "translate",
                    "upper",
                    "zfill",
                ];
                let (kind_name, known) = match kind {
                    TyKind::List(_) => ("list", LIST),
                    TyKind::Dict(..) => ("dict", DICT),
                    TyKind::Str => ("str", STR),
                    _ => ("", &[][..]),
                };
                let shown = self.types.display(recv.ty);
                let message = if known.contains(&name) {
                    format!("`{shown}.{name}()` is not supported yet")
                } else if kind_name.is_empty() {
                    format!("methods of `{shown}` values are not supported yet")
                } else {
                    format!("`{kind_name}` has no method `{name}`")
                };
                return Err(self.error(a.range, message).with_help(
                    "supported so far: str upper/lower/strip/split/join/startswith/endswith/replace/find/count; list append/pop/copy/extend/insert/remove/index/count/sort/reverse/clear; dict get/keys/values/items/pop/setdefault/update/copy/clear",
                ));
            }
        };
        let mut all = vec![recv];
        all.extend(args);
        Ok(Expr::new(ty, ExprKind::Method(method, all), span))
    }

    /// An error for iterating over a `ty` value: Python's for values that
    /// are never iterable, "not supported yet" for the others.
    pub(crate) fn not_iterable(
        &self,
        range: rustpython_parser::text_size::TextRange,
        ty: Ty,
        help: &str,
    ) -> Diagnostic {
        let shown = self.types.display(ty);
        let never = ty.is_numeric()
            || matches!(ty, Ty::BOOL | Ty::NONE | Ty::PRINCIPAL | Ty::NAT)
            || matches!(self.types.kind(ty), TyKind::Opt(_));
        let message = if never {
            format!("`{shown}` values are not iterable")
        } else {
            format!("iterating over a `{shown}` value is not supported yet")
        };
        self.error(range, message).with_help(help)
    }

    /// `[elem for target in iter if cond ... for target2 in iter2 ...]`.
    pub(crate) fn list_comprehension(
        &mut self,
        elt: &ast::Expr,
        generators: &[ast::Comprehension],
        range: rustpython_parser::text_size::TextRange,
    ) -> Result<Expr, Diagnostic> {
        let Some((first, rest)) = generators.split_first() else {
            return Err(self.error(range, "a comprehension needs a `for` clause"));
        };
        if generators.iter().any(|g| g.is_async) {
            return Err(self.error(range, "`async for` is not supported"));
        }
        let iter = self.iterable(&first.iter)?;
        let names = clause_names(&first.target);
        self.comprehension_of(
            iter,
            &names,
            &first.target,
            |this| {
                let cond = this.conditions(&first.ifs)?;
                let mut more = Vec::new();
                let mut bound = 0;
                let checked = this.more_clauses(rest, &mut more, &mut bound, range);
                let elem = checked.and_then(|()| this.expr(elt));
                for _ in 0..bound {
                    this.ctx().arm_params.pop();
                }
                Ok((cond, elem?, more))
            },
            range,
        )
    }

    /// The `if`s of one comprehension clause, joined with `and`.
    fn conditions(&mut self, ifs: &[ast::Expr]) -> Result<Option<Expr>, Diagnostic> {
        let mut cond: Option<Expr> = None;
        for test in ifs {
            let c = self.expr(test)?;
            let c = self.truthy(c);
            cond = Some(match cond {
                None => c,
                Some(prev) => {
                    let span = prev.span;
                    Expr::new(Ty::BOOL, ExprKind::And(Box::new(prev), Box::new(c)), span)
                }
            });
        }
        Ok(cond)
    }

    /// The `for` clauses after a comprehension's first, each checked with
    /// the names of the ones before it bound (`bound` counts the names
    /// this pushed, for the caller to pop).
    fn more_clauses(
        &mut self,
        clauses: &[ast::Comprehension],
        out: &mut Vec<ir::CompFor>,
        bound: &mut usize,
        range: rustpython_parser::text_size::TextRange,
    ) -> Result<(), Diagnostic> {
        for g in clauses {
            let iter = self.iterable(&g.iter)?;
            let names = clause_names(&g.target);
            let (iter, binders) = self.bind_clause(iter, &names, &g.target, range)?;
            *bound += binders.len();
            let cond = self.conditions(&g.ifs)?;
            out.push(ir::CompFor {
                binders,
                iter,
                cond,
            });
        }
        Ok(())
    }

    /// `map(lambda x: elem, iter)`: a new list (Python's map iterator is
    /// only ever consumed by the code this compiles).
    pub(crate) fn map_call(&mut self, c: &ast::ExprCall) -> Result<Expr, Diagnostic> {
        // `map(f, xs)` of a named function (`str`, `len`, a helper, a
        // method of a value): `map(lambda item: f(item), xs)`.
        if let [f @ (ast::Expr::Name(_) | ast::Expr::Attribute(_)), iter] = c.args.as_slice() {
            let range = f.range();
            let item = |ctx| {
                ast::Expr::Name(ast::ExprName {
                    range,
                    id: ast::Identifier::new("map_item"),
                    ctx,
                })
            };
            let lambda = ast::Expr::Lambda(ast::ExprLambda {
                range,
                args: Box::new(ast::Arguments {
                    range: Default::default(),
                    posonlyargs: vec![],
                    args: vec![ast::ArgWithDefault {
                        range: Default::default(),
                        def: ast::Arg {
                            range,
                            arg: ast::Identifier::new("map_item"),
                            annotation: None,
                            type_comment: None,
                        },
                        default: None,
                    }],
                    vararg: None,
                    kwonlyargs: vec![],
                    kwarg: None,
                }),
                body: Box::new(ast::Expr::Call(ast::ExprCall {
                    range,
                    func: Box::new(f.clone()),
                    args: vec![item(ast::ExprContext::Load)],
                    keywords: vec![],
                })),
            });
            let call = ast::ExprCall {
                args: vec![lambda, iter.clone()],
                ..c.clone()
            };
            return self.map_call(&call);
        }
        let [ast::Expr::Lambda(l), iter] = c.args.as_slice() else {
            return Err(self
                .error(
                    c.range,
                    "map() takes a lambda of one parameter and one list here",
                )
                .with_help("write `map(lambda x: ..., xs)` or a list comprehension"));
        };
        let a = &l.args;
        let [param] = a.args.as_slice() else {
            return Err(self
                .error(l.range, "the lambda of map() takes one parameter here")
                .with_help("write `lambda x: ...`"));
        };
        if !a.posonlyargs.is_empty()
            || a.vararg.is_some()
            || !a.kwonlyargs.is_empty()
            || a.kwarg.is_some()
            || param.default.is_some()
        {
            return Err(self
                .error(l.range, "the lambda of map() takes one plain parameter")
                .with_help("write `lambda x: ...`"));
        }
        let iter_e = self.expr(iter)?;
        let target = ast::Expr::Name(ast::ExprName {
            range: param.def.range,
            id: param.def.arg.clone(),
            ctx: ast::ExprContext::Store,
        });
        let body = &l.body;
        self.comprehension_of(
            iter_e,
            &[&target],
            &target,
            |this| Ok((None, this.expr(body)?, Vec::new())),
            c.range,
        )
    }

    /// What a loop, comprehension or built-in (`sorted`, `sum`, ...)
    /// iterates over: a tuple display of values of one type is iterated as
    /// the list of them, and so is a tuple value of one item type
    /// (`tuple_as_list`).
    pub(crate) fn iterable(&mut self, e: &ast::Expr) -> Result<Expr, Diagnostic> {
        match e {
            ast::Expr::Tuple(t) if !t.elts.is_empty() => {
                let list = ast::Expr::List(ast::ExprList {
                    range: t.range,
                    elts: t.elts.clone(),
                    ctx: ast::ExprContext::Load,
                });
                self.expr(&list)
            }
            _ => {
                let v = self.expr(e)?;
                let v = self.iter_object(v, e.range())?;
                Ok(self.tuple_as_list(v))
            }
        }
    }

    /// An object whose class defines `__iter__`: the generator that method
    /// returns; other values as they are.
    pub(crate) fn iter_object(&mut self, v: Expr, range: TextRange) -> Result<Expr, Diagnostic> {
        let Some(def) = self.class_of(v.ty) else {
            return Ok(v);
        };
        let Some(m) = self.target(def, "__iter__") else {
            return Ok(v);
        };
        let ret = self.sig(m.func).ret;
        if !matches!(self.types.kind(ret), TyKind::Generator(_)) {
            return Err(self
                .error(
                    range,
                    format!(
                        "iterating over a `{}` needs its `__iter__` to be a generator",
                        self.class_name(def)
                    ),
                )
                .with_help("write `__iter__` with `yield` (e.g. `yield from self.items`)"));
        }
        let span = v.span;
        Ok(Expr::new(ret, ExprKind::Call(m.func, vec![v]), span))
    }

    /// `list(t)` of a tuple whose items have one type (`Method::ListCopy`
    /// of the tuple); other values as they are.
    pub(crate) fn tuple_as_list(&mut self, v: Expr) -> Expr {
        let item = match self.types.kind(v.ty) {
            TyKind::Tuple(items) => match items.split_first() {
                Some((first, rest)) if rest.iter().all(|t| t == first) => *first,
                _ => return v,
            },
            _ => return v,
        };
        let ty = self.types.list(item);
        let span = v.span;
        Expr::new(ty, ExprKind::Method(Method::ListCopy, vec![v]), span)
    }

    /// A comprehension over `iter` binding `names` (one, or a tuple
    /// unpacked) while `body` checks the condition, further clauses and
    /// element.
    pub(crate) fn comprehension_of(
        &mut self,
        iter: Expr,
        names: &[&ast::Expr],
        target: &ast::Expr,
        body: impl FnOnce(&mut Self) -> Result<(Option<Expr>, Expr, Vec<ir::CompFor>), Diagnostic>,
        range: rustpython_parser::text_size::TextRange,
    ) -> Result<Expr, Diagnostic> {
        if self.fun.is_none() {
            return Err(self
                .error(
                    range,
                    "a comprehension outside a function is not supported yet",
                )
                .with_help("build the value inside a function"));
        }
        let (iter, binders) = self.bind_clause(iter, names, target, range)?;
        let checked = body(self);
        for _ in &binders {
            self.ctx().arm_params.pop();
        }
        let (cond, elem, more) = checked?;
        let ty = self.types.list(elem.ty);
        let span = self.span(range);
        Ok(Expr::new(
            ty,
            ExprKind::Comprehension {
                binders,
                iter: Box::new(iter),
                cond: cond.map(Box::new),
                elem: Box::new(elem),
                lazy: false,
                more,
            },
            span,
        ))
    }

    /// Binds the names of one comprehension clause over `iter` (pushed on
    /// `arm_params`; the caller pops them): the iterated value and the
    /// binders.
    fn bind_clause(
        &mut self,
        iter: Expr,
        names: &[&ast::Expr],
        target: &ast::Expr,
        range: rustpython_parser::text_size::TextRange,
    ) -> Result<(Expr, Vec<u32>), Diagnostic> {
        // A generator is iterated lazily, as it is (`any(x for x in g)`
        // stops early); a set as the list of its items.
        let iter = match self.types.kind(iter.ty) {
            TyKind::Generator(_) => iter,
            _ => self.set_as_list(iter),
        };
        let item = match self.types.kind(iter.ty) {
            TyKind::List(t) | TyKind::Generator(t) => *t,
            TyKind::Dict(k, _) => *k,
            _ if iter.ty == Ty::STR => Ty::STR,
            _ => {
                return Err(self.not_iterable(
                    range,
                    iter.ty,
                    "a comprehension iterates over a list, a dict or `d.items()`",
                ))
            }
        };
        // `for a, *b in rows` of lists or strs: each row's items, counted
        // (a generator over the rows, unpacking each).
        let star = names
            .iter()
            .position(|n| matches!(n, ast::Expr::Starred(_)));
        let names: Vec<&ast::Expr> = names
            .iter()
            .map(|n| match n {
                ast::Expr::Starred(s) => &*s.value,
                n => n,
            })
            .collect();
        let names = names.as_slice();
        let tuple_target = matches!(target, ast::Expr::Tuple(_) | ast::Expr::List(_));
        let seq_items = item == Ty::STR || matches!(self.types.kind(item), TyKind::List(_));
        let (iter, item) = if tuple_target && (seq_items || star.is_some()) {
            let id = {
                let ctx = self.ctx();
                ctx.next_arm += 1;
                ctx.next_arm - 1
            };
            let span = iter.span;
            let read = Expr::new(item, ExprKind::ArmValue(id), span);
            let elem = self.unpacked(read, names.len(), star, target.range())?;
            let ty = self.types.list(elem.ty);
            let item = elem.ty;
            let rows = ExprKind::Comprehension {
                binders: vec![id],
                iter: Box::new(iter),
                cond: None,
                elem: Box::new(elem),
                lazy: true,
                more: Vec::new(),
            };
            (Expr::new(ty, rows, span), item)
        } else {
            (iter, item)
        };
        let tys: Vec<Ty> = if names.len() == 1 && !tuple_target {
            vec![item]
        } else {
            match self.types.kind(item) {
                TyKind::Tuple(items) if items.len() == names.len() => items.clone(),
                _ => {
                    return Err(self
                        .error(
                            target.range(),
                            format!(
                                "cannot unpack `{}` items into {} names",
                                self.types.display(item),
                                names.len()
                            ),
                        )
                        .with_help("unpack tuples of as many items as there are names"))
                }
            }
        };
        let mut binders = Vec::new();
        for (n, t) in names.iter().zip(&tys) {
            let ast::Expr::Name(n) = n else {
                for _ in &binders {
                    self.ctx().arm_params.pop();
                }
                return Err(self
                    .error(n.range(), "unsupported comprehension target")
                    .with_help("bind a name, or a tuple of names"));
            };
            let id = {
                let ctx = self.ctx();
                ctx.next_arm += 1;
                ctx.next_arm - 1
            };
            self.ctx().arm_params.push((n.id.to_string(), id, *t));
            binders.push(id);
        }
        Ok((iter, binders))
    }

    /// `range(...)` used as a value (a `for` over it is `Stmt::For`).
    pub(crate) fn range_call(&mut self, c: &ast::ExprCall) -> Result<Expr, Diagnostic> {
        let span = self.span(c.range);
        let (start, stop, step) = match c.args.as_slice() {
            [stop] => (None, stop, None),
            [start, stop] => (Some(start), stop, None),
            [start, stop, step] => (Some(start), stop, Some(step)),
            _ => {
                return Err(self
                    .error(c.range, "range() takes one to three integers")
                    .with_help(
                        "write `range(stop)`, `range(start, stop)` or `range(start, stop, step)`",
                    ))
            }
        };
        let step = match step {
            None => 1,
            Some(s) => match super::stmt::const_int(s) {
                Some(0) => {
                    return Err(self
                        .error(s.range(), "range() step must not be zero")
                        .with_help("Python raises ValueError for this"))
                }
                Some(v) => v,
                // A computed step: the numbers, computed when it runs.
                None => {
                    let start = match start {
                        Some(a) => self.expect(a, Ty::INT)?,
                        None => Expr::new(Ty::INT, ExprKind::Int(0.into()), span),
                    };
                    let stop = self.expect(stop, Ty::INT)?;
                    let step = self.expect(s, Ty::INT)?;
                    let ty = self.types.list(Ty::INT);
                    return Ok(Expr::new(
                        ty,
                        ExprKind::Builtin(
                            crate::model::ir::Builtin::Lib(crate::model::ir::LibFn::RangeStep),
                            vec![start, stop, step],
                        ),
                        span,
                    ));
                }
            },
        };
        let start = match start {
            Some(a) => self.expect(a, Ty::INT)?,
            None => Expr::new(Ty::INT, ExprKind::Int(0.into()), span),
        };
        let stop = self.expect(stop, Ty::INT)?;
        let ty = self.types.list(Ty::INT);
        Ok(Expr::new(
            ty,
            ExprKind::Range {
                start: Box::new(start),
                stop: Box::new(stop),
                step,
            },
            span,
        ))
    }

    /// `type(x)`, printed or compared: the class's `repr` as a `str`
    /// (`<class 'int'>`); an `Opt` value's class depends on whether it is
    /// None.
    pub(crate) fn type_call(&mut self, c: &ast::ExprCall) -> Result<Expr, Diagnostic> {
        let span = self.span(c.range);
        let [arg] = c.args.as_slice() else {
            return Err(self
                .error(c.range, "type() takes one argument here")
                .with_help("write `type(x)`"));
        };
        let v = self.expr(arg)?;
        let class = |this: &Self, t: Ty| -> Option<String> {
            let name = match t {
                t if t.is_integral() || t == Ty::NAT => "int",
                t if t.is_float() => "float",
                Ty::BOOL => "bool",
                Ty::STR => "str",
                Ty::BYTES => "bytes",
                // No value has type `empty`: that code never runs.
                Ty::NONE | Ty::RESERVED | Ty::NEVER => "NoneType",
                Ty::PRINCIPAL => "kybra.Principal",
                _ => match this.types.kind(t) {
                    TyKind::List(_) => "list",
                    TyKind::Dict(..) | TyKind::Nominal(_) => "dict",
                    TyKind::Tuple(_) | TyKind::Func(_) => "tuple",
                    TyKind::Set(_) => "set",
                    TyKind::FrozenSet(_) => "frozenset",
                    _ => return None,
                },
            };
            Some(format!("<class '{name}'>"))
        };
        let unsupported = |this: &Self| {
            this.error(
                arg.range(),
                format!(
                    "type() of a `{}` value is not supported yet",
                    this.types.display(v.ty)
                ),
            )
            .with_help("type() works on values of Candid and built-in types")
        };
        if let TyKind::Opt(inner) = *self.types.kind(v.ty) {
            // The value is read twice: only plain reads.
            if !matches!(v.kind, ExprKind::Local(_) | ExprKind::Global(_)) {
                return Err(self
                    .error(
                        arg.range(),
                        "type() of an optional expression is not supported yet",
                    )
                    .with_help("assign it to a variable first"));
            }
            let Some(present) = class(self, inner) else {
                return Err(unsupported(self));
            };
            let none = Expr::new(Ty::STR, ExprKind::Str("<class 'NoneType'>".into()), span);
            let some = Expr::new(Ty::STR, ExprKind::Str(present), span);
            let test = Expr::new(Ty::BOOL, ExprKind::IsNone(Box::new(v)), span);
            return Ok(Expr::new(
                Ty::STR,
                ExprKind::IfExp {
                    cond: Box::new(test),
                    then: Box::new(none),
                    orelse: Box::new(some),
                },
                span,
            ));
        }
        let Some(name) = class(self, v.ty) else {
            return Err(unsupported(self));
        };
        // The argument is still evaluated (Python calls `type` on its value).
        if crate::model::effects::has_effects(&v) {
            return Err(self
                .error(
                    arg.range(),
                    "type() of an expression with effects is not supported yet",
                )
                .with_help("assign it to a variable first"));
        }
        Ok(Expr::new(Ty::STR, ExprKind::Str(name), span))
    }

    /// `"...{}...{0!r:>5}...".format(a, b)` with a literal template: the
    /// same parts as an f-string.
    fn str_format(
        &mut self,
        template: &str,
        c: &ast::ExprCall,
        span: crate::source::Span,
    ) -> Result<Expr, Diagnostic> {
        use crate::model::ir::FPart;
        // Positional arguments, then the keyword ones (`{name}` fields).
        let mut args: Vec<&ast::Expr> = c.args.iter().collect();
        let mut names: Vec<&str> = Vec::new();
        for k in &c.keywords {
            let Some(name) = k.arg.as_deref() else {
                return Err(self
                    .error(k.range, "format() with `**` arguments is not supported yet")
                    .with_help("pass the values by name: `.format(x=1)`"));
            };
            names.push(name);
            args.push(&k.value);
        }
        let positional = c.args.len();
        let bad = |this: &Self, why: &str| {
            this.error(
                c.range,
                format!("this format string is not supported: {why}"),
            )
            .with_help("use `{}`, `{0}`, `{!r}` and `{:spec}` fields, or an f-string")
        };
        // Split into literal text and fields (index, conversion, spec).
        // Literal text (`Ok`) and fields (`Err`: index, `!r`, spec).
        type Field = (Option<usize>, bool, Option<String>);
        let mut parts: Vec<Result<String, Field>> = Vec::new();
        // Which parts are `{name}` fields.
        let mut named: Vec<usize> = Vec::new();
        let mut lit = String::new();
        let mut chars = template.chars().peekable();
        while let Some(ch) = chars.next() {
            match ch {
                '{' if chars.peek() == Some(&'{') => {
                    chars.next();
                    lit.push('{');
                }
                '}' if chars.peek() == Some(&'}') => {
                    chars.next();
                    lit.push('}');
                }
                '}' => return Err(bad(self, "a single `}`")),
                '{' => {
                    let mut field = String::new();
                    loop {
                        match chars.next() {
                            Some('}') => break,
                            Some('{') => return Err(bad(self, "nested fields")),
                            Some(x) => field.push(x),
                            None => return Err(bad(self, "an unclosed `{`")),
                        }
                    }
                    if !lit.is_empty() {
                        parts.push(Ok(std::mem::take(&mut lit)));
                    }
                    let (head, spec) = match field.split_once(':') {
                        Some((h, s)) => (h.to_string(), Some(s.to_string())),
                        None => (field, None),
                    };
                    let (name, conv) = match head.split_once('!') {
                        Some((n, "r")) => (n.to_string(), true),
                        Some((n, "s")) => (n.to_string(), false),
                        Some(_) => return Err(bad(self, "a conversion other than `!r` or `!s`")),
                        None => (head, false),
                    };
                    let index = if name.is_empty() {
                        None
                    } else if let Ok(i) = name.parse::<usize>() {
                        Some(i)
                    } else if let Some(k) = names.iter().position(|n| *n == name) {
                        named.push(parts.len());
                        Some(positional + k)
                    } else if name.chars().all(|ch| ch.is_alphanumeric() || ch == '_') {
                        return Err(self
                            .error(c.range, format!("format() has no argument named {name:?}"))
                            .with_help("Python raises KeyError here"));
                    } else {
                        return Err(bad(self, "attribute or item fields"));
                    };
                    if conv && spec.is_some() {
                        return Err(bad(self, "`!r` with a format spec"));
                    }
                    parts.push(Err((index, conv, spec)));
                }
                other => lit.push(other),
            }
        }
        if !lit.is_empty() {
            parts.push(Ok(lit));
        }
        // Automatic and manual numbering cannot mix (Python's ValueError).
        let fields: Vec<_> = parts.iter().filter_map(|p| p.as_ref().err()).collect();
        let auto = fields.iter().filter(|f| f.0.is_none()).count();
        if auto > 0 && auto + named.len() < fields.len() {
            return Err(bad(
                self,
                "automatic `{}` and numbered `{0}` fields together",
            ));
        }
        let mut uses = vec![0usize; args.len()];
        let mut next = 0;
        let mut order = Vec::new();
        for f in &fields {
            let i = f.0.unwrap_or_else(|| {
                next += 1;
                next - 1
            });
            if i >= args.len() || (f.0.is_none() && i >= positional) {
                return Err(self
                    .error(c.range, format!("format() has no argument {i}"))
                    .with_help("Python raises IndexError here"));
            }
            uses[i] += 1;
            order.push(i);
        }
        let mut values = Vec::new();
        for a in &args {
            let v = self.expr(a)?;
            self.printable(&v, a.range())?;
            values.push(v);
        }
        for (i, v) in values.iter().enumerate() {
            if uses[i] != 1 && crate::model::effects::has_effects(v) {
                return Err(self
                    .error(
                        args[i].range(),
                        "an argument with effects used other than once is not supported yet",
                    )
                    .with_help("assign it to a variable first"));
            }
        }
        let in_order = order.windows(2).all(|w| w[0] < w[1]);
        if !in_order && values.iter().any(crate::model::effects::has_effects) {
            return Err(self
                .error(
                    c.range,
                    "arguments with effects formatted out of order are not supported yet",
                )
                .with_help("assign them to variables first"));
        }
        let mut out = Vec::new();
        let mut k = 0;
        for p in parts {
            match p {
                Ok(text) => out.push(FPart::Lit(text)),
                Err((_, repr, spec)) => {
                    let expr = values[order[k]].clone();
                    k += 1;
                    out.push(FPart::Value { expr, repr, spec });
                }
            }
        }
        Ok(Expr::new(Ty::STR, ExprKind::FString(out), span))
    }

    /// `dict(d)`: a new dict with the entries of `d`.
    pub(crate) fn dict_call(&mut self, c: &ast::ExprCall) -> Result<Expr, Diagnostic> {
        let span = self.span(c.range);
        let [arg] = c.args.as_slice() else {
            return Err(self
                .error(c.range, "dict() takes one dict here")
                .with_help("write `dict(d)`; an empty dict is `{}` with an annotation"));
        };
        let v = self.expr(arg)?;
        // `dict(pairs)` of an iterable of 2-tuples (`zip(ks, vs)`,
        // `d.items()`, a list): `{k: v for k, v in pairs}`.
        let pairs = match self.types.kind(v.ty) {
            TyKind::List(t) | TyKind::Generator(t) => {
                matches!(self.types.kind(*t), TyKind::Tuple(kv) if kv.len() == 2)
            }
            _ => false,
        };
        if pairs {
            let range = arg.range();
            let name = |id: &str, ctx| {
                ast::Expr::Name(ast::ExprName {
                    range,
                    id: ast::Identifier::new(id),
                    ctx,
                })
            };
            let comp = ast::ExprDictComp {
                range: c.range,
                key: Box::new(name("pair_key", ast::ExprContext::Load)),
                value: Box::new(name("pair_value", ast::ExprContext::Load)),
                generators: vec![ast::Comprehension {
                    range: Default::default(),
                    target: ast::Expr::Tuple(ast::ExprTuple {
                        range,
                        elts: vec![
                            name("pair_key", ast::ExprContext::Store),
                            name("pair_value", ast::ExprContext::Store),
                        ],
                        ctx: ast::ExprContext::Store,
                    }),
                    iter: arg.clone(),
                    ifs: vec![],
                    is_async: false,
                }],
            };
            return self.dict_comprehension(&comp, None);
        }
        if !matches!(self.types.kind(v.ty), TyKind::Dict(..)) {
            return Err(self
                .error(
                    arg.range(),
                    format!(
                        "dict() of a `{}` value is not supported yet",
                        self.types.display(v.ty)
                    ),
                )
                .with_help("dict() takes a dict here"));
        }
        let ty = v.ty;
        Ok(Expr::new(
            ty,
            ExprKind::Method(Method::DictCopy, vec![v]),
            span,
        ))
    }

    /// `tuple(xs)`: a tuple of the items of an iterable, its length known
    /// only at run time (`TyKind::VarTuple`, as `*args`); `tuple(t)` of a
    /// tuple is `t`.
    pub(crate) fn tuple_call(&mut self, c: &ast::ExprCall) -> Result<Expr, Diagnostic> {
        let span = self.span(c.range);
        let arg = match c.args.as_slice() {
            [] if c.keywords.is_empty() => {
                let ty = self.types.tuple(vec![]);
                return Ok(Expr::new(ty, ExprKind::Tuple(vec![]), span));
            }
            [arg] if c.keywords.is_empty() => arg,
            _ => {
                return Err(self
                    .error(c.range, "tuple() takes at most one argument")
                    .with_help("write `tuple(xs)`"))
            }
        };
        let v = self.expr(arg)?;
        if matches!(self.types.kind(v.ty), TyKind::Tuple(_)) {
            return Ok(v);
        }
        let v = self.iter_object(v, arg.range())?;
        let v = if v.ty == Ty::STR {
            let chars = self.types.list(Ty::STR);
            let s = v.span;
            Expr::new(chars, ExprKind::Method(Method::ListCopy, vec![v]), s)
        } else {
            self.set_as_list(v)
        };
        let item = match self.types.kind(v.ty) {
            TyKind::List(t) => *t,
            TyKind::Dict(k, _) => *k,
            _ => {
                return Err(self.not_iterable(
                    arg.range(),
                    v.ty,
                    "tuple() takes a list, a dict, a set, a str or a generator here",
                ))
            }
        };
        let ty = self.types.intern(TyKind::VarTuple(item));
        Ok(Expr::new(
            ty,
            ExprKind::Method(Method::ListCopy, vec![v]),
            span,
        ))
    }

    /// `list(x)`: a new list with the items of a list, or the keys of a dict.
    pub(crate) fn list_call(&mut self, c: &ast::ExprCall) -> Result<Expr, Diagnostic> {
        let span = self.span(c.range);
        let [arg] = c.args.as_slice() else {
            return Err(self
                .error(c.range, "list() takes one argument here")
                .with_help("write `list(xs)`; an empty list is `[]`"));
        };
        let v = self.iterable(arg)?;
        if self.types.set_item(v.ty).is_some()
            || matches!(self.types.kind(v.ty), TyKind::Generator(_))
        {
            return Ok(self.set_as_list(v));
        }
        match self.types.kind(v.ty).clone() {
            // `list(s)`: the characters of `s`.
            _ if v.ty == Ty::STR => {
                let ty = self.types.list(Ty::STR);
                Ok(Expr::new(
                    ty,
                    ExprKind::Method(Method::ListCopy, vec![v]),
                    span,
                ))
            }
            TyKind::List(_) => Ok(Expr::new(
                v.ty,
                ExprKind::Method(Method::ListCopy, vec![v]),
                span,
            )),
            TyKind::Dict(k, _) => {
                let ty = self.types.list(k);
                Ok(Expr::new(ty, ExprKind::Method(Method::Keys, vec![v]), span))
            }
            _ => Err(self.not_iterable(arg.range(), v.ty, "list() takes a list or a dict here")),
        }
    }
}

/// The names a comprehension clause binds: one, or a tuple's.
fn clause_names(target: &ast::Expr) -> Vec<&ast::Expr> {
    match target {
        ast::Expr::Tuple(t) => t.elts.iter().collect(),
        ast::Expr::List(l) => l.elts.iter().collect(),
        other => vec![other],
    }
}
