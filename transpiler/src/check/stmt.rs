//! Typing of statements in function bodies.

use super::scope::Binding;
use super::{Checker, Sig};
use crate::diagnostics::Diagnostic;
use crate::model::ir::{self, Expr, ExprKind, Place, Stmt};
use crate::model::Ty;
use rustpython_parser::ast::{self, Ranged};

impl Checker<'_> {
    pub(super) fn ctx(&mut self) -> &mut super::FunCtx {
        self.fun.as_mut().expect("inside a function")
    }

    pub(super) fn block(&mut self, stmts: &[ast::Stmt]) -> Vec<Stmt> {
        let mut out = Vec::new();
        for s in stmts {
            match self.stmt(s) {
                Ok(mut v) => out.append(&mut v),
                Err(d) => {
                    if self.fun.is_some() {
                        let mut names = std::collections::HashSet::new();
                        super::scope::collect_assigned(
                            std::slice::from_ref(s),
                            &mut names,
                            &mut Default::default(),
                        );
                        self.ctx().failed.extend(names);
                    }
                    self.report(d)
                }
            }
        }
        out
    }

    /// Checks a nested block; returns it and its exit bindings (`None` if
    /// it never falls through).
    pub(super) fn branch(
        &mut self,
        stmts: &[ast::Stmt],
    ) -> (Vec<Stmt>, Option<super::scope::Bindings>) {
        let body = self.block(stmts);
        let end = (!terminates(stmts)).then(|| self.ctx().bindings.clone());
        (body, end)
    }

    fn stmt(&mut self, s: &ast::Stmt) -> Result<Vec<Stmt>, Diagnostic> {
        Ok(match s {
            ast::Stmt::Pass(_) => vec![],
            ast::Stmt::FunctionDef(f) => self.nested_def(f)?,
            ast::Stmt::Nonlocal(n) => {
                for name in &n.names {
                    if !self.ctx().cells.contains(name.as_str())
                        || !self.ctx().sig.params.iter().any(|p| p.0 == name.as_str())
                    {
                        return Err(self
                            .error(n.range, format!("no binding for nonlocal '{name}' found"))
                            .with_help("`nonlocal` names a variable of an enclosing function"));
                    }
                }
                vec![]
            }
            ast::Stmt::Global(g) => {
                for n in &g.names {
                    let param = self.ctx().sig.params.iter().any(|(p, _)| p == n.as_str());
                    if param {
                        return Err(self
                            .error(g.range, format!("name '{n}' is parameter and global"))
                            .with_help("Python rejects this; rename the parameter"));
                    }
                    if self.ctx().touched.contains(n.as_str()) {
                        return Err(self
                            .error(
                                g.range,
                                format!(
                                    "name '{n}' is used or assigned before its global declaration"
                                ),
                            )
                            .with_help(
                                "Python rejects this; put `global` at the start of the function",
                            ));
                    }
                    if self.global(n.as_str()).is_none() {
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
                if super::is_str_constant(&e.value) {
                    return Ok(vec![]);
                }
                if let Some(r) = self.super_init(&e.value) {
                    return r;
                }
                if let (ast::Expr::YieldFrom(y), Some(item)) = (&*e.value, self.ctx().generator) {
                    return self.yield_from(y, item);
                }
                if !matches!(
                    &*e.value,
                    ast::Expr::Call(_) | ast::Expr::Yield(_) | ast::Expr::YieldFrom(_)
                ) {
                    return Err(self
                        .error(e.range, "this expression's value is never used")
                        .with_help("remove it, or assign it to a variable"));
                }
                vec![Stmt::Expr(self.expr(&e.value)?)]
            }
            ast::Stmt::Assign(a) => {
                let [target] = a.targets.as_slice() else {
                    return Err(self
                        .error(a.range, "chained assignment is not supported yet")
                        .with_help("assign each variable in its own statement"));
                };
                if let ast::Expr::Tuple(t) = target {
                    return self.unpack_assign(&t.elts, &a.value, a.range);
                }
                if let ast::Expr::List(l) = target {
                    return self.unpack_assign(&l.elts, &a.value, a.range);
                }
                if self.init_alias(target, &a.value) {
                    return Ok(vec![]);
                }
                let s = self.assign(target, &a.value)?;
                self.mirror(s)
            }
            ast::Stmt::AnnAssign(a) => {
                let c = self.resolve_type(&a.annotation)?;
                let ty = self.types.value_ty(c);
                let vars = std::mem::take(&mut self.generated.vars);
                let ty = self.types.subst(ty, &vars);
                self.generated.vars = vars;
                let attribute = self.init_attribute_name(&a.target);
                let target = attribute.as_ref().unwrap_or(&a.target);
                let ast::Expr::Name(n) = target else {
                    return Err(self.error(a.target.range(), "unsupported assignment target"));
                };
                let name = n.id.to_string();
                if self.ctx().global_decls.contains(&name) {
                    return Err(self
                        .error(a.range, format!("annotated name `{name}` can't be global"))
                        .with_help("annotate the global at module level"));
                }
                if let Some(prev) = self.ctx().annotated.get(&name).copied() {
                    if prev != ty {
                        return Err(self
                            .error(
                                a.annotation.range(),
                                format!("`{name}` was already given type `{prev}`"),
                            )
                            .with_help("a name keeps its annotated type; use a new name"));
                    }
                }
                self.ctx().annotated.insert(name, ty);
                match &a.value {
                    Some(v) => {
                        let s = self.assign(target, v)?;
                        self.mirror(s)
                    }
                    None => vec![],
                }
            }
            ast::Stmt::AugAssign(a) => match &*a.target {
                ast::Expr::Subscript(s) => self.aug_assign_item(a, s)?,
                _ => {
                    let s = self.aug_assign(a)?;
                    self.mirror(s)
                }
            },
            ast::Stmt::If(i) => self.if_stmt(i)?,
            ast::Stmt::While(w) => {
                let flag = self.loop_else_flag(&w.orelse, w.range);
                let cond = self.condition(&w.test).inspect_err(|_| {
                    self.ctx().next_break_flag = None;
                })?;
                let body = self.loop_body(&w.body, Some(&w.test));
                self.loop_else(flag, Stmt::While { cond, body }, &w.orelse, w.range)
            }
            ast::Stmt::For(f) => {
                // A `range` with a computed step is a list of the numbers.
                let range = matches!(&*f.iter, ast::Expr::Call(c)
                    if matches!(&*c.func, ast::Expr::Name(n) if n.id.as_str() == "range")
                        && (c.args.len() < 3 || const_int(&c.args[2]).is_some()));
                let flag = self.loop_else_flag(&f.orelse, f.range);
                let stmt = if range {
                    self.for_range(f)
                } else {
                    self.for_each(f)
                };
                let stmt = stmt.inspect_err(|_| self.ctx().next_break_flag = None)?;
                self.loop_else(flag, stmt, &f.orelse, f.range)
            }
            ast::Stmt::Break(b) => {
                if self.ctx().loop_entries.is_empty() {
                    return Err(self.error(b.range, "`break` outside a loop"));
                }
                match self.ctx().break_flags.last().copied().flatten() {
                    // The loop has an `else`: it records the `break`.
                    Some(flag) => {
                        let span = self.span(b.range);
                        vec![
                            Stmt::Assign {
                                place: Place::Local(flag),
                                value: Expr::new(Ty::BOOL, ExprKind::Bool(true), span),
                            },
                            Stmt::Break,
                        ]
                    }
                    None => vec![Stmt::Break],
                }
            }
            ast::Stmt::Assert(a) => {
                // `if not test: raise AssertionError(msg)`
                let span = self.span(a.range);
                let cond = self.condition(&a.test)?;
                let message = match &a.msg {
                    None => None,
                    Some(m) => {
                        let v = self.expr(m)?;
                        Some(Box::new(if v.ty == Ty::STR {
                            v
                        } else {
                            self.printable(&v, m.range())?;
                            Expr::new(Ty::STR, ExprKind::ToStr(Box::new(v)), span)
                        }))
                    }
                };
                let class = crate::model::exceptions::ExcClass::builtin("AssertionError")
                    .expect("a built-in class");
                let raise = Expr::new(Ty::NEVER, ExprKind::Raise { class, message }, span);
                vec![Stmt::If {
                    cond: Expr::new(Ty::BOOL, ExprKind::Not(Box::new(cond)), span),
                    then: vec![Stmt::Expr(raise)],
                    orelse: Vec::new(),
                }]
            }
            ast::Stmt::Continue(c) => {
                if self.ctx().loop_entries.is_empty() {
                    return Err(self.error(c.range, "`continue` outside a loop"));
                }
                vec![Stmt::Continue]
            }
            ast::Stmt::Return(r) => self.ret(r)?,
            ast::Stmt::Raise(r) => self.raise(r)?,
            ast::Stmt::Try(t) => self.try_stmt(t)?,
            ast::Stmt::Delete(d) => {
                let mut out = Vec::new();
                for t in &d.targets {
                    out.push(Stmt::Expr(self.del_item(t)?));
                }
                out
            }
            // Bound for the whole function by `Checker::with_local_imports`.
            ast::Stmt::ImportFrom(_) => vec![],
            other => {
                return Err(self
                    .error(
                        other.range(),
                        format!("unsupported statement: {}", stmt_kind(other)),
                    )
                    .with_help(
                        "supported so far: assignment, augmented assignment, if/elif/else, \
                         while, for, break, continue, return, pass, global, raise, try, del",
                    ))
            }
        })
    }

    /// A loop variable that is a cell: the loop binds a hidden local and
    /// the body starts by storing it into the cell.
    fn cell_loop_var(&mut self, id: ir::LocalId) -> (ir::LocalId, Vec<Stmt>) {
        if !self.ctx().locals[id.0 as usize].cell {
            return (id, Vec::new());
        }
        let l = self.ctx().locals[id.0 as usize].clone();
        let hidden = self.ctx().fresh("item", l.ty, l.span);
        self.ctx().locals[hidden.0 as usize].cell = false;
        let read = Expr::new(l.ty, ExprKind::Local(hidden), l.span);
        (
            hidden,
            vec![Stmt::Assign {
                place: Place::Local(id),
                value: read,
            }],
        )
    }

    /// Binds `name` to its local holding `ty` (declared on first use). A
    /// name whose type changes inside a loop is a diagnostic: the loop head
    /// would see both types.
    pub(super) fn bind_local(
        &mut self,
        name: &str,
        ty: Ty,
        range: rustpython_parser::text_size::TextRange,
    ) -> Result<ir::LocalId, Diagnostic> {
        let span = self.span(range);
        let id = self.ctx().declare(name, ty, span);
        match self.ctx().bind(name, id) {
            None => Ok(id),
            Some(old) if self.widen_name(name, &[old, ty]) => Err(self
                .error(range, format!("`{name}` holds values of several types"))
                .with_help("checked again with one type that holds them all")),
            Some(old) => Err(self
                .error(
                    range,
                    format!(
                        "`{name}` holds `{}` values before this loop and `{}` values here",
                        self.types.display(old),
                        self.types.display(ty)
                    ),
                )
                .with_help(
                    "a name that changes its type inside a loop is not supported yet; use a new name",
                )),
        }
    }

    /// For a loop with an `else`: the hidden flag its `break`s set, for
    /// the next loop body to take.
    fn loop_else_flag(
        &mut self,
        orelse: &[ast::Stmt],
        range: rustpython_parser::text_size::TextRange,
    ) -> Option<ir::LocalId> {
        if orelse.is_empty() {
            return None;
        }
        let span = self.span(range);
        let flag = self.ctx().fresh("broke", Ty::BOOL, span);
        self.ctx().next_break_flag = Some(flag);
        Some(flag)
    }

    /// `loop ... else: orelse`: the flag starts false, and the `else` runs
    /// when the loop ended without a `break`.
    fn loop_else(
        &mut self,
        flag: Option<ir::LocalId>,
        stmt: Stmt,
        orelse: &[ast::Stmt],
        range: rustpython_parser::text_size::TextRange,
    ) -> Vec<Stmt> {
        let Some(flag) = flag else {
            return vec![stmt];
        };
        let span = self.span(range);
        let start = self.ctx().bindings.clone();
        let (orelse, end) = self.branch(orelse);
        self.ctx().bindings = self.ctx().join(Some(start), end);
        let read = Expr::new(Ty::BOOL, ExprKind::Local(flag), span);
        vec![
            Stmt::Assign {
                place: Place::Local(flag),
                value: Expr::new(Ty::BOOL, ExprKind::Bool(false), span),
            },
            stmt,
            Stmt::If {
                cond: Expr::new(Ty::BOOL, ExprKind::Not(Box::new(read)), span),
                then: orelse,
                orelse: Vec::new(),
            },
        ]
    }

    /// A loop body: names keep their types across iterations; after the
    /// loop, the bindings of zero and of some iterations join.
    /// `test` is a `while` loop's condition: the names it proves present
    /// are narrowed in the body.
    fn loop_body(&mut self, body: &[ast::Stmt], test: Option<&ast::Expr>) -> Vec<Stmt> {
        let entry = self.ctx().bindings.clone();
        self.ctx().loop_entries.push(entry.clone());
        let flag = self.ctx().next_break_flag.take();
        self.ctx().break_flags.push(flag);
        let mut out = match test {
            Some(t) => {
                let n = self.narrowings(t, true);
                self.narrow(&n)
            }
            None => Vec::new(),
        };
        out.extend(self.block(body));
        self.ctx().loop_entries.pop();
        self.ctx().break_flags.pop();
        self.widen_narrowed(&entry);
        let end = self.ctx().bindings.clone();
        let joined = self.ctx().join(Some(entry), Some(end));
        self.ctx().bindings = joined;
        out
    }

    /// `container[key] op= value`: the container and key are evaluated once
    /// (into hidden locals unless they are plain reads), then the item is
    /// read, combined with the value and stored back.
    fn aug_assign_item(
        &mut self,
        a: &ast::StmtAugAssign,
        s: &ast::ExprSubscript,
    ) -> Result<Vec<Stmt>, Diagnostic> {
        if a.op == ast::Operator::MatMult {
            return Err(self
                .error(a.range, "the `@=` operator is not supported")
                .with_help("no built-in type supports matrix multiplication"));
        }
        let (place, ty) = self.subscript_place(s)?;
        let span = self.span(a.target.range());
        let mut out = Vec::new();
        let mut once = |this: &mut Self, e: Box<Expr>, hint: &str| -> Box<Expr> {
            if !crate::model::effects::has_effects(&e) {
                return e;
            }
            let id = this.ctx().fresh(hint, e.ty, span);
            let ty = e.ty;
            out.push(Stmt::Assign {
                place: Place::Local(id),
                value: *e,
            });
            Box::new(Expr::new(ty, ExprKind::Local(id), span))
        };
        let place = match place {
            Place::Subscript { base, index } => {
                let base = once(self, base, "container");
                let index = once(self, index, "key");
                Place::Subscript { base, index }
            }
            Place::Field(base, i) => Place::Field(once(self, base, "record"), i),
            other => other,
        };
        let current = match &place {
            Place::Subscript { base, index } => {
                Expr::new(ty, ExprKind::Index(base.clone(), index.clone()), span)
            }
            Place::Field(base, i) => Expr::new(ty, ExprKind::Field(base.clone(), *i), span),
            _ => return Err(self.error(a.target.range(), "unsupported assignment target")),
        };
        // A `nat` item is an `int` to Python code.
        let current = if ty == Ty::NAT {
            Expr::new(Ty::INT, ExprKind::Convert(Box::new(current)), span)
        } else {
            current
        };
        let value = self.expr(&a.value)?;
        let combined = self.binary(super::expr::bin_op(a.op), current, value, a.range)?;
        let value = self.coerce(combined, ty, a.range)?;
        out.push(Stmt::Assign { place, value });
        Ok(out)
    }

    fn ret(&mut self, r: &ast::StmtReturn) -> Result<Vec<Stmt>, Diagnostic> {
        if let Some(s) = self.init_return(r) {
            return s;
        }
        if self.ctx().generator.is_some() {
            // A generator's `return` ends it; `return v` would set
            // `StopIteration.value`, which only `yield from` reads.
            let none = r.value.as_deref().is_none_or(
                |v| matches!(v, ast::Expr::Constant(c) if matches!(c.value, ast::Constant::None)),
            );
            if !none {
                return Err(self
                    .error(r.range, "a generator returning a value is not supported")
                    .with_help("end the generator with a bare `return`"));
            }
            return Ok(vec![Stmt::Return(None)]);
        }
        if self.ctx().infer_ret.is_some() {
            // Probing a nested function's result type.
            let e = match &r.value {
                Some(v) => self.expr(v)?,
                None => Expr::new(Ty::NONE, ExprKind::None, self.span(r.range)),
            };
            let t = natural(e.ty);
            if let Some(tys) = self.ctx().infer_ret.as_mut() {
                tys.push(t);
            }
            return Ok(vec![Stmt::Return(Some(e))]);
        }
        let sig = self.ctx().sig.clone();
        if self.is_slot(sig.span, usize::MAX) {
            return self.slot_return(&sig, r);
        }
        match (sig.ret, &r.value) {
            (Ty::NONE, None) => Ok(vec![Stmt::Return(None)]),
            (Ty::NONE, Some(v)) => {
                let e = self.expr(v)?;
                if e.ty == Ty::NONE {
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
            (t, None) => Err(self
                .error(
                    r.range,
                    format!("`{}` must return a `{}`", sig.name, self.types.display(t)),
                )
                .with_help("return a value")),
            // An int returned by a `-> float` helper stays an int.
            (t, Some(v)) if t.is_float() => {
                let e = self.expr(v)?;
                self.float_slot_gets(&sig, usize::MAX, e.ty);
                let e = self.coerce(e, t, v.range())?;
                Ok(vec![Stmt::Return(Some(e))])
            }
            (t, Some(v)) => {
                let e = self.expect(v, t)?;
                Ok(vec![Stmt::Return(Some(e))])
            }
        }
    }

    /// `return` in a helper without a return annotation: the value is
    /// evidence of the result's type (`slot_gets`), then converted to the
    /// type this round gives the result.
    fn slot_return(&mut self, sig: &Sig, r: &ast::StmtReturn) -> Result<Vec<Stmt>, Diagnostic> {
        let e = match &r.value {
            Some(v) => self.expr(v)?,
            None => Expr::new(Ty::NONE, ExprKind::None, self.span(r.range)),
        };
        self.slot_gets(sig.span, usize::MAX, e.ty);
        if sig.ret == Ty::NEVER {
            // A round whose results are thrown away.
            return Ok(vec![Stmt::Return(Some(e))]);
        }
        if sig.ret == Ty::NONE && e.ty == Ty::NONE {
            return Ok(match e.kind {
                ExprKind::None | ExprKind::Local(_) | ExprKind::Global(_) => {
                    vec![Stmt::Return(None)]
                }
                _ => vec![Stmt::Expr(e), Stmt::Return(None)],
            });
        }
        let range = r.value.as_ref().map_or(r.range, |v| v.range());
        let e = self.coerce(e, sig.ret, range)?;
        Ok(vec![Stmt::Return(Some(e))])
    }

    fn assign(&mut self, target: &ast::Expr, value: &ast::Expr) -> Result<Stmt, Diagnostic> {
        if let ast::Expr::Subscript(s) = target {
            // Python evaluates the value before the target's container.
            let (place, ty) = self.subscript_place(s)?;
            let value = self.expect(value, ty)?;
            return Ok(Stmt::Assign { place, value });
        }
        if let Some(name) = self.init_attribute_name(target) {
            return self.assign(&name, value);
        }
        if let ast::Expr::Attribute(a) = target {
            if let Some(s) = self.attribute_assign(a, value)? {
                return Ok(s);
            }
        }
        let ast::Expr::Name(n) = target else {
            return Err(self
                .error(target.range(), "unsupported assignment target")
                .with_help("assign to a plain variable name"));
        };
        let name = n.id.to_string();
        let want = if self.ctx().global_decls.contains(&name) {
            self.global(&name).map(|(_, ty)| ty)
        } else {
            self.ctx().annotated.get(&name).copied()
        };
        let want = self.widened(&name).or(want);
        // `x: float64 = 0` holds the int 0 until a float is stored.
        if let Some(t) = want.filter(|t| t.is_float()) {
            let v = self.expr(value)?;
            let int = v.ty.is_integral() || v.ty == Ty::NUM || v.ty == Ty::BOOL;
            if int && !self.ctx().global_decls.contains(&name) {
                self.widen_name(&name, &[Ty::INT, Ty::FLOAT64]);
            }
            let v = self.coerce(v, t, value.range())?;
            return self.assign_value(target, v, value.range());
        }
        let v = match (want, value) {
            (Some(t), _) => self.expect(value, t)?,
            (None, ast::Expr::Lambda(l)) => self.lambda_from_calls(&name, l)?,
            // `acct = d.get(k)` then `if acct is None: acct = {...}`: the
            // dict literal is a value of the name's Record type.
            (None, ast::Expr::Dict(_)) if self.bound_record_ty(&name).is_some() => {
                let t = self.bound_record_ty(&name).expect("a Record type");
                self.expect(value, t)?
            }
            (None, _) => self.expr(value)?,
        };
        // A name given a `tuple(...)` holds the tuple (read as a list).
        let v = match v.kind {
            ExprKind::Convert(inner)
                if matches!(self.types.kind(inner.ty), crate::model::TyKind::VarTuple(_)) =>
            {
                *inner
            }
            kind => Expr { kind, ..v },
        };
        self.assign_value(target, v, value.range())
    }

    /// The Record or Variant type the local `name` holds here (also as
    /// an `Opt`), if any.
    fn bound_record_ty(&mut self, name: &str) -> Option<Ty> {
        let f = self.fun.as_ref()?;
        let ty = match f.bindings.get(name)? {
            Binding::Local(id) => f.local_ty(*id),
            Binding::Unwrap(_, ty) => *ty,
            _ => return None,
        };
        let ty = match self.types.kind(ty) {
            crate::model::TyKind::Opt(inner) => *inner,
            _ => ty,
        };
        let crate::model::TyKind::Nominal(def) = self.types.kind(ty) else {
            return None;
        };
        let record = matches!(
            self.defs[def.0 as usize].kind,
            crate::model::ir::DefKind::Record(_) | crate::model::ir::DefKind::Variant(_)
        );
        record.then_some(ty)
    }

    /// `del container[key]` of a dict or list.
    fn del_item(&mut self, t: &ast::Expr) -> Result<Expr, Diagnostic> {
        let ast::Expr::Subscript(s) = t else {
            return Err(self
                .error(t.range(), "`del` of a name is not supported yet")
                .with_help("delete items of a dict or list: `del d[key]`"));
        };
        let (place, _) = self.subscript_place(s)?;
        let Place::Subscript { base, index } = place else {
            return Err(self
                .error(t.range(), "a Record's field cannot be deleted")
                .with_help("a Record value always has all its fields"));
        };
        let span = self.span(t.range());
        Ok(Expr::new(
            Ty::NONE,
            ExprKind::Method(ir::Method::DelItem, vec![*base, *index]),
            span,
        ))
    }

    /// `a, b = value`: the tuple (or the items of a list or str, their
    /// count checked) is evaluated once into a hidden local, then each
    /// name takes its item; a starred name takes a list of the rest.
    fn unpack_assign(
        &mut self,
        targets: &[ast::Expr],
        value: &ast::Expr,
        range: rustpython_parser::text_size::TextRange,
    ) -> Result<Vec<Stmt>, Diagnostic> {
        let (names, star) = self.unpack_names(targets, false, range)?;
        let v = self.expr(value)?;
        let span = self.span(range);
        let mut out = Vec::new();
        let v = match (self.types.kind(v.ty), star) {
            (crate::model::TyKind::Tuple(_), Some(star)) => {
                let hidden = self.ctx().fresh("values", v.ty, span);
                let read = Expr::new(v.ty, ExprKind::Local(hidden), span);
                out.push(Stmt::Assign {
                    place: Place::Local(hidden),
                    value: v,
                });
                self.starred_tuple(read, names.len(), star, value.range())?
            }
            _ => self.unpacked(v, names.len(), star, value.range())?,
        };
        let crate::model::TyKind::Tuple(items) = self.types.kind(v.ty).clone() else {
            return Err(self.error(value.range(), "unsupported unpacking"));
        };
        let hidden = self.ctx().fresh("values", v.ty, span);
        let tuple_ty = v.ty;
        out.push(Stmt::Assign {
            place: Place::Local(hidden),
            value: v,
        });
        for (i, (t, ty)) in names.iter().zip(items).enumerate() {
            let read = Expr::new(tuple_ty, ExprKind::Local(hidden), span);
            let item = Expr::new(ty, ExprKind::Field(Box::new(read), i), span);
            // A `nat` item is an `int` to Python code.
            let item = if ty == Ty::NAT {
                Expr::new(Ty::INT, ExprKind::Convert(Box::new(item)), span)
            } else {
                item
            };
            let s = self.assign_value(t, item, value.range())?;
            out.extend(self.mirror(s));
        }
        Ok(out)
    }

    /// The targets of an unpacking, each a plain name (a starred one
    /// `*rest` gives its name; `nested`: or a tuple of targets), and the
    /// index of the starred one.
    fn unpack_names<'t>(
        &self,
        targets: &'t [ast::Expr],
        nested: bool,
        range: rustpython_parser::text_size::TextRange,
    ) -> Result<(Vec<&'t ast::Expr>, Option<usize>), Diagnostic> {
        let mut names = Vec::new();
        let mut star = None;
        for (i, t) in targets.iter().enumerate() {
            match t {
                ast::Expr::Name(_) => names.push(t),
                ast::Expr::Tuple(_) | ast::Expr::List(_) if nested => names.push(t),
                ast::Expr::Starred(s) if matches!(&*s.value, ast::Expr::Name(_)) => {
                    if star.is_some() {
                        return Err(self
                            .error(t.range(), "multiple starred expressions in assignment")
                            .with_help("Python allows one `*name` per unpacking"));
                    }
                    star = Some(i);
                    names.push(&*s.value);
                }
                _ => {
                    return Err(self
                        .error(range, "unpacking into this target is not supported yet")
                        .with_help("unpack into plain names: `a, b = pair`"))
                }
            }
        }
        Ok((names, star))
    }

    /// `v` as a tuple of `n` items for an unpacking: a tuple as it is
    /// (its length must be `n`); the items of a list, str or set, counted at
    /// run time (`ExprKind::Unpack`), the one at `star` a list of the rest.
    pub(super) fn unpacked(
        &mut self,
        v: Expr,
        n: usize,
        star: Option<usize>,
        range: rustpython_parser::text_size::TextRange,
    ) -> Result<Expr, Diagnostic> {
        let v = self.set_as_list(v);
        let item = match self.types.kind(v.ty) {
            crate::model::TyKind::Tuple(items) if star.is_none() => {
                if items.len() == n {
                    return Ok(v);
                }
                return Err(self
                    .error(
                        range,
                        format!("cannot unpack {} values into {} names", items.len(), n),
                    )
                    .with_help("Python raises ValueError here"));
            }
            crate::model::TyKind::List(t) => *t,
            _ if v.ty == Ty::STR => Ty::STR,
            _ => {
                return Err(self
                    .error(
                        range,
                        format!(
                            "unpacking a `{}` value is not supported yet",
                            self.types.display(v.ty)
                        ),
                    )
                    .with_help("unpack a tuple, a list, a str or a set"))
            }
        };
        let rest = self.types.list(item);
        let tys = (0..n)
            .map(|i| if Some(i) == star { rest } else { item })
            .collect();
        let ty = self.types.tuple(tys);
        let span = v.span;
        Ok(Expr::new(
            ty,
            ExprKind::Unpack {
                value: Box::new(v),
                star,
            },
            span,
        ))
    }

    /// `a, *rest = t` of a tuple (`read`, a local): the items before and
    /// after the star, and between them a list of the others (which must
    /// share one type).
    fn starred_tuple(
        &mut self,
        read: Expr,
        n: usize,
        star: usize,
        range: rustpython_parser::text_size::TextRange,
    ) -> Result<Expr, Diagnostic> {
        let crate::model::TyKind::Tuple(tys) = self.types.kind(read.ty).clone() else {
            return Err(self.error(range, "unsupported unpacking"));
        };
        if tys.len() + 1 < n {
            return Err(self
                .error(
                    range,
                    format!(
                        "not enough values to unpack (expected at least {}, got {})",
                        n - 1,
                        tys.len()
                    ),
                )
                .with_help("Python raises ValueError here"));
        }
        let after = n - star - 1;
        let middle = star..tys.len() - after;
        let span = read.span;
        let field = |i: usize| Expr::new(tys[i], ExprKind::Field(Box::new(read.clone()), i), span);
        let Some(&item) = tys[middle.clone()].first().or(tys.first()) else {
            return Err(self
                .error(
                    range,
                    "unpacking an empty tuple into a starred name is not supported yet",
                )
                .with_help("the list's item type is unknown"));
        };
        if tys[middle.clone()].iter().any(|t| *t != item) {
            return Err(self
                .error(
                    range,
                    "the starred name would hold items of different types",
                )
                .with_help("a list holds items of one type"));
        }
        let list_ty = self.types.list(item);
        let rest = Expr::new(list_ty, ExprKind::List(middle.map(field).collect()), span);
        let mut items: Vec<Expr> = (0..star).map(field).collect();
        items.push(rest);
        items.extend((tys.len() - after..tys.len()).map(field));
        let ty = self.types.tuple(items.iter().map(|e| e.ty).collect());
        Ok(Expr::new(ty, ExprKind::Tuple(items), span))
    }

    /// Stores the typed value `v` into the name `target` (a global declared
    /// `global`, an annotated local, or a local taking the value's type).
    fn assign_value(
        &mut self,
        target: &ast::Expr,
        v: Expr,
        range: rustpython_parser::text_size::TextRange,
    ) -> Result<Stmt, Diagnostic> {
        let ast::Expr::Name(n) = target else {
            return Err(self
                .error(target.range(), "unsupported assignment target")
                .with_help("assign to a plain variable name"));
        };
        let value_range = range;
        let name = n.id.to_string();
        self.ctx().touched.insert(name.clone());
        if self.ctx().global_decls.contains(&name) {
            self.settle_global(&name, v.ty);
            let Some((id, ty)) = self.global(&name) else {
                return Err(self
                    .error(
                        target.range(),
                        format!("`{name}` is declared `global` but is not a module-level variable"),
                    )
                    .with_help("declare it at module level with a type and initial value"));
            };
            let v = self.coerce(v, ty, value_range)?;
            return Ok(Stmt::Assign {
                place: Place::Global(id),
                value: v,
            });
        }
        // An annotated name keeps its type (stores into a fixed-width
        // variable are range-checked); otherwise the name holds the value's
        // Python type, a new local when that type changes.
        let annotated = self.ctx().annotated.get(&name).copied();
        let ty = annotated.unwrap_or_else(|| natural(v.ty));
        let ty = match self.widened(&name) {
            Some(w) if self.unify(w, &v).is_some() || self.widen_fits(w, ty) => w,
            _ => ty,
        };
        let v = self.coerce(v, ty, value_range)?;
        if let Some(s) = self.assign_present(&name, ty, &v, target.range()) {
            return Ok(s);
        }
        let id = self.bind_local(&name, ty, target.range())?;
        Ok(Stmt::Assign {
            place: Place::Local(id),
            value: v,
        })
    }

    pub(super) fn aug_assign(&mut self, a: &ast::StmtAugAssign) -> Result<Stmt, Diagnostic> {
        if let ast::Expr::Attribute(at) = &*a.target {
            if let Some(s) = self.attribute_aug_assign(a, at)? {
                return Ok(s);
            }
        }
        let ast::Expr::Name(n) = &*a.target else {
            return Err(self.error(a.target.range(), "unsupported assignment target"));
        };
        if a.op == ast::Operator::MatMult {
            return Err(self
                .error(a.range, "the `@=` operator is not supported")
                .with_help("no built-in type supports matrix multiplication"));
        }
        let name = n.id.to_string();
        self.ctx().touched.insert(name.clone());
        let span = self.span(a.range);
        if let Some(Binding::Local(id)) = self.ctx().bindings.get(&name).cloned() {
            if self.ctx().locals[id.0 as usize].cell {
                // `x += v` on a cell: `x.set(x.get() + v)`.
                let ty = self.ctx().local_ty(id);
                let current = Expr::new(ty, ExprKind::Cell(id), span);
                let v = self.expr(&a.value)?;
                let sum = self.binary(super::expr::bin_op(a.op), current, v, a.range)?;
                let value = self.coerce(sum, ty, a.range)?;
                return Ok(Stmt::Assign {
                    place: Place::Local(id),
                    value,
                });
            }
        }
        let (place, ty, current) = if self.ctx().global_decls.contains(&name) {
            let Some((id, ty)) = self.global(&name) else {
                return Err(self.error(a.target.range(), format!("unknown name `{name}`")));
            };
            (
                Place::Global(id),
                ty,
                Expr::new(ty, ExprKind::Global(id), span),
            )
        } else {
            let read = self.name(&name, a.target.range())?;
            match read.kind {
                ExprKind::Local(id) => (Place::Local(id), read.ty, read),
                ExprKind::Global(_) => {
                    return Err(self
                        .error(
                            a.target.range(),
                            format!("`{name}` is used before it is assigned"),
                        )
                        .with_help(format!(
                            "to change the global `{name}`, declare `global {name}` first"
                        )))
                }
                _ => return Err(self.error(a.target.range(), format!("unknown name `{name}`"))),
            }
        };
        let op = super::expr::bin_op(a.op);
        // `xs += ys` extends the list object in place (aliases see it).
        if op == ir::BinOp::Add && matches!(self.types.kind(ty), crate::model::TyKind::List(_)) {
            let value = self.expect(&a.value, ty)?;
            return Ok(Stmt::Expr(Expr::new(
                Ty::NONE,
                ExprKind::Method(ir::Method::Extend, vec![current, value]),
                span,
            )));
        }
        // `xs *= n` repeats the list object in place.
        if op == ir::BinOp::Mul && matches!(self.types.kind(ty), crate::model::TyKind::List(_)) {
            let n = self.expr(&a.value)?;
            if !(n.ty.is_integral() || n.ty == Ty::BOOL) {
                return Err(self
                    .error(
                        a.value.range(),
                        format!(
                            "can't multiply sequence by non-int of type '{}'",
                            self.types.display(n.ty)
                        ),
                    )
                    .with_help("Python raises TypeError here"));
            }
            let n = self.coerce(n, Ty::INT, a.value.range())?;
            return Ok(Stmt::Expr(Expr::new(
                Ty::NONE,
                ExprKind::Method(ir::Method::RepeatInPlace, vec![current, n]),
                span,
            )));
        }
        // `d |= other` updates the dict object in place.
        if op == ir::BinOp::BitOr && matches!(self.types.kind(ty), crate::model::TyKind::Dict(..)) {
            let value = self.expect(&a.value, ty)?;
            return Ok(Stmt::Expr(Expr::new(
                Ty::NONE,
                ExprKind::Method(ir::Method::Update, vec![current, value]),
                span,
            )));
        }
        let value = self.expr(&a.value)?;
        if let Some(e) = self.set_augmented(op, current.clone(), value.clone()) {
            return Ok(Stmt::Expr(e));
        }
        // In place, in the target's own type, when that is Python's result:
        // checked fixed-width `+ - *` fails exactly when the result leaves
        // the target's range, which the store would reject.
        if let Some(k) = ty.as_fixed() {
            let same = value.ty == ty
                || matches!(&value.kind, ExprKind::Int(i) if super::expr::fits(i, k.range()));
            if same && matches!(op, ir::BinOp::Add | ir::BinOp::Sub | ir::BinOp::Mul) {
                let value = self.coerce(value, ty, a.value.range())?;
                return Ok(Stmt::AugAssign { place, op, value });
            }
        }
        let combined = self.binary(op, current, value, a.range)?;
        if combined.ty == ty && !ty.is_fixed() {
            if let ExprKind::Binary(_, _, rhs) = combined.kind {
                return Ok(Stmt::AugAssign {
                    place,
                    op,
                    value: *rhs,
                });
            }
        }
        let annotated = match &place {
            Place::Global(_) => true,
            // A name widened to hold all its values keeps that type.
            _ => self.ctx().annotated.contains_key(&name) || self.widened(&name).is_some(),
        };
        if annotated || natural(combined.ty) == ty {
            let value = self.coerce(combined, ty, a.range)?;
            return Ok(Stmt::Assign { place, value });
        }
        // `x = 1; x += 0.5`: the name now holds a value of another type.
        let new_ty = natural(combined.ty);
        let value = self.coerce(combined, new_ty, a.range)?;
        let id = self.bind_local(&name, new_ty, a.target.range())?;
        Ok(Stmt::Assign {
            place: Place::Local(id),
            value,
        })
    }

    fn for_range(&mut self, f: &ast::StmtFor) -> Result<Stmt, Diagnostic> {
        let ast::Expr::Name(var) = &*f.target else {
            return Err(self
                .error(f.target.range(), "unsupported loop target")
                .with_help("loop over `range(...)` with a plain variable name"));
        };
        let var = var.id.to_string();
        self.ctx().touched.insert(var.clone());
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
            let zero = Expr::new(Ty::INT, ExprKind::Int(0.into()), self.span(call.range));
            (zero, self.expr(&call.args[0])?)
        } else {
            (self.expr(&call.args[0])?, self.expr(&call.args[1])?)
        };
        for e in [&start, &stop] {
            if !e.ty.is_integral() {
                return Err(self
                    .error(
                        call.range,
                        format!(
                            "range() takes integers, found `{}`",
                            self.types.display(e.ty)
                        ),
                    )
                    .with_help("pass int or nat values"));
            }
        }
        // The loop variable takes every value in [start, stop): a fixed-width
        // type holds them all when both bounds are of that type (or literals
        // in its range), and lets the loop run on native integers.
        let literal_fits = |e: &Expr, k: crate::model::Fixed| matches!(&e.kind, ExprKind::Int(i) if super::expr::fits(i, k.range()));
        let reassigned = {
            let mut assigned = std::collections::HashSet::new();
            super::scope::collect_assigned(&f.body, &mut assigned, &mut Default::default());
            assigned.contains(&var)
        };
        let i64_range = (i64::MIN as i128, i64::MAX as i128);
        let fits_i64 = |e: &Expr| {
            crate::model::effects::interval(e)
                .is_some_and(|(lo, hi)| lo >= i64_range.0 && hi <= i64_range.1)
        };
        let ty = match (start.ty.as_fixed(), stop.ty.as_fixed()) {
            (Some(a), Some(b)) if a == b => start.ty,
            (Some(a), None) if literal_fits(&stop, a) => start.ty,
            (None, Some(b)) if literal_fits(&start, b) => stop.ty,
            // Bounded bounds: the values fit `int64`, so the loop runs on
            // native integers (unless the body stores other values into
            // the variable).
            _ if !reassigned && fits_i64(&start) && fits_i64(&stop) => {
                let lo = crate::model::effects::interval(&start).map_or(0, |r| r.0);
                let hi = crate::model::effects::interval(&stop).map_or(0, |r| r.1);
                crate::model::Fixed::ALL
                    .into_iter()
                    .find(|k| k.range().0 <= lo.min(hi) && hi.max(lo) <= k.range().1)
                    .map_or(Ty::INT64, Ty::fixed)
            }
            _ => Ty::INT,
        };
        if self.ctx().annotated.get(&var).is_some_and(|t| *t != ty) {
            return Err(self
                .error(
                    f.target.range(),
                    format!("`{var}` is annotated with another type than the loop's `{ty}`"),
                )
                .with_help("use a new name for the loop variable"));
        }
        let start = self.coerce(start, ty, call.range)?;
        let stop = self.coerce(stop, ty, call.range)?;
        let id = self.bind_local(&var, ty, f.target.range())?;
        let (id, set) = self.cell_loop_var(id);
        let mut body = set;
        body.extend(self.loop_body(&f.body, None));
        Ok(Stmt::For(ir::ForRange {
            var: id,
            start,
            stop,
            step,
            body,
        }))
    }

    /// A loop variable must be a local name.
    fn check_loop_name(
        &mut self,
        var: &str,
        range: rustpython_parser::text_size::TextRange,
    ) -> Result<(), Diagnostic> {
        if self.ctx().global_decls.contains(var) {
            return Err(self
                .error(range, "a global cannot be a loop variable")
                .with_help("loop with a local variable and assign the global inside the loop"));
        }
        self.ctx().touched.insert(var.to_string());
        Ok(())
    }

    /// `for i, (a, b) in ...`: binds each name of a (nested) tuple target
    /// to its item of `read`.
    fn unpack_loop_target(
        &mut self,
        target: &ast::Expr,
        read: Expr,
        out: &mut Vec<Stmt>,
    ) -> Result<(), Diagnostic> {
        let elts = match target {
            ast::Expr::Name(n) => {
                let name = n.id.to_string();
                self.check_loop_name(&name, n.range)?;
                let id = self.bind_local(&name, read.ty, n.range)?;
                out.push(Stmt::Assign {
                    place: Place::Local(id),
                    value: read,
                });
                return Ok(());
            }
            ast::Expr::Tuple(t) => &t.elts,
            ast::Expr::List(l) => &l.elts,
            other => {
                return Err(self
                    .error(other.range(), "unsupported loop target")
                    .with_help("loop with a name, or a tuple of names"))
            }
        };
        // `for a, b in rows` of lists or strs: their items, counted.
        let is_seq =
            read.ty == Ty::STR || matches!(self.types.kind(read.ty), crate::model::TyKind::List(_));
        let (names, star) = self.unpack_names(elts, true, target.range())?;
        let read = if is_seq || star.is_some() {
            let v = match (self.types.kind(read.ty), star) {
                (crate::model::TyKind::Tuple(_), Some(i)) => {
                    self.starred_tuple(read, names.len(), i, target.range())?
                }
                _ => self.unpacked(read, names.len(), star, target.range())?,
            };
            let hidden = self.ctx().fresh("values", v.ty, v.span);
            let local = Expr::new(v.ty, ExprKind::Local(hidden), v.span);
            out.push(Stmt::Assign {
                place: Place::Local(hidden),
                value: v,
            });
            local
        } else {
            read
        };
        let elts = names;
        let items = match self.types.kind(read.ty) {
            crate::model::TyKind::Tuple(items) if items.len() == elts.len() => items.clone(),
            _ => {
                return Err(self
                    .error(
                        target.range(),
                        format!(
                            "cannot unpack `{}` items into {} names",
                            self.types.display(read.ty),
                            elts.len()
                        ),
                    )
                    .with_help("unpack tuples of as many items as there are names"))
            }
        };
        let span = read.span;
        for (i, (t, ty)) in elts.iter().zip(items).enumerate() {
            let item = Expr::new(ty, ExprKind::Field(Box::new(read.clone()), i), span);
            self.unpack_loop_target(t, item, out)?;
        }
        Ok(())
    }

    /// `for x in xs` over a list or a dict's keys; `for a, b in pairs`
    /// unpacks each tuple item into its names.
    fn for_each(&mut self, f: &ast::StmtFor) -> Result<Stmt, Diagnostic> {
        let iter = self.iterable(&f.iter)?;
        let Some(item) = self.loop_item(iter.ty) else {
            return Err(self.not_iterable(
                f.iter.range(),
                iter.ty,
                "loop over a list, a dict, `d.items()` or `range(...)`",
            ));
        };
        let span = self.span(f.target.range());
        let (var, unpack) = if let ast::Expr::Name(n) = &*f.target {
            let name = n.id.to_string();
            self.check_loop_name(&name, n.range)?;
            if self.ctx().annotated.get(&name).is_some_and(|t| *t != item) {
                return Err(self
                    .error(
                        n.range,
                        format!("`{name}` is annotated with another type than the loop's items"),
                    )
                    .with_help("use a new name for the loop variable"));
            }
            let id = self.bind_local(&name, item, n.range)?;
            self.cell_loop_var(id)
        } else {
            let hidden = self.ctx().fresh("item", item, span);
            let read = Expr::new(item, ExprKind::Local(hidden), span);
            let mut unpack = Vec::new();
            self.unpack_loop_target(&f.target, read, &mut unpack)?;
            (hidden, unpack)
        };
        let mut body = unpack;
        body.extend(self.loop_body(&f.body, None));
        Ok(Stmt::ForEach(ir::ForEach { var, iter, body }))
    }

    /// The type of the items a `for` loop over a `t` value binds.
    pub(crate) fn loop_item(&self, t: Ty) -> Option<Ty> {
        match self.types.kind(t) {
            crate::model::TyKind::List(t)
            | crate::model::TyKind::Set(t)
            | crate::model::TyKind::FrozenSet(t)
            | crate::model::TyKind::Generator(t) => Some(*t),
            crate::model::TyKind::Dict(k, _) => Some(*k),
            _ if t == Ty::STR => Some(Ty::STR),
            _ => None,
        }
    }

    /// `yield from xs` in a generator yielding `item`s: a loop that yields
    /// each of `xs`'s items.
    fn yield_from(&mut self, y: &ast::ExprYieldFrom, item: Ty) -> Result<Vec<Stmt>, Diagnostic> {
        let iter = self.iterable(&y.value)?;
        let Some(t) = self.loop_item(iter.ty) else {
            return Err(self.not_iterable(
                y.value.range(),
                iter.ty,
                "`yield from` takes a list, a dict, a str or another generator",
            ));
        };
        let span = self.span(y.range);
        let var = self.ctx().fresh("item", t, span);
        let read = Expr::new(t, ExprKind::Local(var), span);
        let sig_span = self.ctx().sig.span;
        if self.is_slot(sig_span, super::infer::ITEMS_SLOT) {
            self.slot_gets(sig_span, super::infer::ITEMS_SLOT, t);
        }
        if item == Ty::NEVER {
            if let Some(tys) = self.ctx().infer_ret.as_mut() {
                tys.push(natural(t));
            }
        }
        let value = if item == Ty::NEVER {
            read
        } else {
            self.coerce(read, item, y.range)?
        };
        let yielded = Expr::new(Ty::NONE, ExprKind::Yield(Box::new(value)), span);
        Ok(vec![Stmt::ForEach(ir::ForEach {
            var,
            iter,
            body: vec![Stmt::Expr(yielded)],
        })])
    }

    fn for_help(&self, iter: &ast::Expr) -> Diagnostic {
        self.error(
            iter.range(),
            "only `for ... in range(...)` is supported so far",
        )
        .with_help("iterate over range(stop), range(start, stop) or range(start, stop, step)")
    }

    pub(super) fn condition(&mut self, test: &ast::Expr) -> Result<Expr, Diagnostic> {
        let e = self.expr(test)?;
        Ok(self.truthy(e))
    }

    /// A read of `name` in a function body.
    pub(crate) fn name(
        &mut self,
        name: &str,
        range: rustpython_parser::text_size::TextRange,
    ) -> Result<Expr, Diagnostic> {
        let span = self.span(range);
        if let Some(d) = self.bare_self_in_init(name, range) {
            return Err(d);
        }
        if let Some(f) = self.fun.as_mut() {
            f.touched.insert(name.to_string());
        }
        let fun = self.fun.as_ref();
        if let Some((_, id, ty)) = fun.and_then(|f| f.arm_params.iter().rev().find(|p| p.0 == name))
        {
            return Ok(Expr::new(*ty, ExprKind::ArmValue(*id), span));
        }
        let global_decl = fun.is_some_and(|f| f.global_decls.contains(name));
        if let Some(f) = fun.filter(|f| !global_decl && f.assigned.contains(name)) {
            return match f.bindings.get(name) {
                Some(Binding::Local(id)) if f.locals[id.0 as usize].cell => {
                    Ok(Expr::new(f.local_ty(*id), ExprKind::Cell(*id), span))
                }
                Some(Binding::Local(id)) => {
                    Ok(Expr::new(f.local_ty(*id), ExprKind::Local(*id), span))
                }
                Some(Binding::Unwrap(id, ty)) => {
                    let opt = Expr::new(f.local_ty(*id), ExprKind::Local(*id), span);
                    Ok(Expr::new(*ty, ExprKind::Unwrap(Box::new(opt)), span))
                }
                Some(Binding::Conflict(tys)) => {
                    let tys = tys.clone();
                    if self.widen_name(name, &tys) {
                        return Err(self
                            .error(range, format!("`{name}` holds values of several types"))
                            .with_help("checked again with one type that holds them all"));
                    }
                    let tys: Vec<String> = tys
                        .iter()
                        .map(|t| format!("`{}`", self.types.display(*t)))
                        .collect();
                    Err(self
                        .error(range, format!("`{name}` holds {} values here, depending on the path taken", tys.join(" or ")))
                        .with_help("a name holding values of different types is not supported yet; use a name per type"))
                }
                None if f.failed.contains(name) => Err(Diagnostic::follow_up(self.span(range))),
                None => Err(self
                    .error(range, format!("`{name}` is used before it is assigned"))
                    .with_help(format!("assign `{name}` before this line"))),
            };
        }
        if let Some(v) = self.nested_value(name, range) {
            return Ok(v);
        }
        if let Some((id, ty)) = self.global(name) {
            return Ok(Expr::new(ty, ExprKind::Global(id), span));
        }
        if let Some(id) = self.function_id(name) {
            return self.function_value(id, range);
        }
        if let Some((m, n)) = self.native_name(name) {
            return self.native_constant(&m, &n, range);
        }
        let help = if super::KYBRA_NAMES.contains(&name) {
            format!("import it: `from kybra import {name}`")
        } else {
            "define it at module level or assign it in this function".to_string()
        };
        Err(self
            .error(range, format!("unknown name `{name}`"))
            .with_help(help))
    }
}

/// The type an unannotated name takes for a value: Python has one `int`
/// and one `float`, so fixed-width and `float32` values become those.
pub(super) fn natural(t: Ty) -> Ty {
    if t.is_fixed() {
        Ty::INT
    } else if t == Ty::FLOAT32 {
        Ty::FLOAT64
    } else {
        t
    }
}

/// Whether a block never falls through its end.
pub(super) fn terminates(stmts: &[ast::Stmt]) -> bool {
    match stmts.last() {
        Some(
            ast::Stmt::Return(_)
            | ast::Stmt::Break(_)
            | ast::Stmt::Continue(_)
            | ast::Stmt::Raise(_),
        ) => true,
        Some(ast::Stmt::If(i)) => terminates(&i.body) && terminates(&i.orelse),
        Some(ast::Stmt::While(w)) => {
            matches!(&*w.test, ast::Expr::Constant(c) if matches!(c.value, ast::Constant::Bool(true)))
                && !breaks(&w.body)
        }
        Some(ast::Stmt::Try(t)) => {
            let normal = terminates(&t.body) || terminates(&t.orelse);
            let handled = t.handlers.iter().all(|h| {
                let ast::ExceptHandler::ExceptHandler(h) = h;
                terminates(&h.body)
            });
            (normal && handled) || terminates(&t.finalbody)
        }
        _ => false,
    }
}

/// Whether a `break` of this loop is in its body.
fn breaks(stmts: &[ast::Stmt]) -> bool {
    stmts.iter().any(|s| match s {
        ast::Stmt::Break(_) => true,
        ast::Stmt::If(i) => breaks(&i.body) || breaks(&i.orelse),
        ast::Stmt::With(w) => breaks(&w.body),
        ast::Stmt::Try(t) => {
            breaks(&t.body)
                || breaks(&t.orelse)
                || breaks(&t.finalbody)
                || t.handlers.iter().any(|h| {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    breaks(&h.body)
                })
        }
        ast::Stmt::Match(m) => m.cases.iter().any(|c| breaks(&c.body)),
        _ => false,
    })
}

pub(super) fn const_int(e: &ast::Expr) -> Option<i64> {
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
