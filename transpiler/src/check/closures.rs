//! Functions as values (`Callable[[A, B], R]`): module-level functions
//! read by name, lambdas and nested `def`s (each a function of its own
//! whose captured variables are extra parameters, `ExprKind::Closure`),
//! calls of function values (`ExprKind::CallValue`), and generic functions
//! (`T = TypeVar("T")`), instantiated once per distinct type arguments at
//! their call sites.
//!
//! A captured variable is copied into the closure when it is created, so
//! only variables that keep one value while the closure can see them are
//! captured: bound once before the closure, never rebound (Python's late
//! binding would show a later value); anything else is a diagnostic.

use super::scope::{Binding, FunCtx};
use super::{Checker, Sig};
use crate::diagnostics::Diagnostic;
use crate::model::ir::{self, Expr, ExprKind, FuncId, Stmt};
use crate::model::{Ty, TyKind};
use rustpython_parser::ast::{self, Ranged};
use rustpython_parser::text_size::TextRange;
use std::collections::{HashMap, HashSet};

/// What a function of the program is being checked as besides its own
/// definition: the functions generated while checking bodies.
#[derive(Debug, Clone, Default)]
pub(crate) struct Generated {
    /// Lambdas, nested functions and generic instances, with their ids.
    pub functions: Vec<(FuncId, ir::Function)>,
    /// Instances of generic functions by template and type arguments.
    pub instances: HashMap<(FuncId, Vec<Ty>), FuncId>,
    /// The substitution of the generic instance being checked.
    pub vars: HashMap<u32, Ty>,
    /// Nested `def`s visible in the current function: name -> the
    /// function, its number of declared parameters and the values it
    /// captures (read in the current function).
    pub nested: HashMap<String, Nested>,
}

/// A nested `def` as the enclosing function sees it.
#[derive(Debug, Clone)]
pub(crate) struct Nested {
    pub func: FuncId,
    pub declared: usize,
    /// Captured names and the values passed for them.
    pub captures: Vec<(String, Expr)>,
}

impl<'m> Checker<'m> {
    /// A nested `def`: a function of its own whose captured variables are
    /// extra parameters; its name is bound in the enclosing function.
    pub(crate) fn nested_def(&mut self, f: &ast::StmtFunctionDef) -> Result<Vec<Stmt>, Diagnostic> {
        if let Some(d) = f.decorator_list.first() {
            return Err(self
                .error(
                    d.range(),
                    "decorators on nested functions are not supported",
                )
                .with_help("remove the decorator"));
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
        let name = f.name.to_string();
        let mut params = Vec::new();
        let mut defaults = Vec::new();
        for a in &args.args {
            let pname = a.def.arg.to_string();
            let Some(ann) = &a.def.annotation else {
                return Err(self
                    .error(
                        a.def.range,
                        format!("parameter `{pname}` needs a type annotation"),
                    )
                    .with_help(format!("e.g. `{pname}: int`")));
            };
            if let Some(d) = &a.default {
                if !super::is_constant_expr(d)
                    || matches!(&**d, ast::Expr::List(_) | ast::Expr::Dict(_))
                {
                    return Err(self
                        .error(d.range(), "only constant default values (numbers, strings, None, tuples of them) are supported")
                        .with_help("use `None` as the default and build the value in the function"));
                }
            }
            let c = self.resolve_type(ann)?;
            let t = self.types.value_ty(c);
            let vars = std::mem::take(&mut self.generated.vars);
            let t = self.types.subst(t, &vars);
            self.generated.vars = vars;
            params.push((pname, t));
            defaults.push(a.default.as_deref().cloned());
        }
        let declared = params.len();
        let ret = match &f.returns {
            Some(r) => match self.resolve_ret(r)? {
                Some(c) => {
                    let t = self.types.value_ty(c);
                    let vars = std::mem::take(&mut self.generated.vars);
                    let t = self.types.subst(t, &vars);
                    self.generated.vars = vars;
                    Some(t)
                }
                None => Some(Ty::NONE),
            },
            // An unannotated generator: the type of what it yields.
            None if yields(&f.body) => None,
            None if !super::returns_value(&f.body) => Some(Ty::NONE),
            None => None,
        };
        // What the body reads from the enclosing function.
        let mut bound: HashSet<String> = params.iter().map(|p| p.0.clone()).collect();
        let mut globals = HashSet::new();
        super::scope::collect_assigned(&f.body, &mut bound, &mut globals);
        for s in &f.body {
            if let ast::Stmt::FunctionDef(d) = s {
                bound.insert(d.name.to_string());
            }
        }
        for n in nonlocal_names(&f.body) {
            bound.remove(&n);
        }
        let mut free = Vec::new();
        stmts_free_names(&f.body, &bound, &mut free);
        let mut captures: Vec<(String, Expr)> = Vec::new();
        let mut inner_nested: Vec<(String, Nested)> = Vec::new();
        for n in free {
            if n == name || globals.contains(&n) {
                continue;
            }
            if let Some(sib) = self.generated.nested.get(&n).cloned() {
                for (cn, cv) in &sib.captures {
                    if !captures.iter().any(|c| &c.0 == cn) {
                        captures.push((cn.clone(), cv.clone()));
                    }
                }
                inner_nested.push((n, sib));
                continue;
            }
            if let Some((v, _)) = self.capture(&n, f.range)? {
                if !captures.iter().any(|c| c.0 == n) {
                    captures.push((n, v));
                }
            }
        }
        let mut sig_params = params.clone();
        for (n, v) in &captures {
            sig_params.push((n.clone(), v.ty));
        }
        defaults.extend(captures.iter().map(|_| None));
        let mut sig = Sig {
            name: name.clone(),
            span: self.span(f.range),
            params: sig_params,
            defaults,
            ret: ret.unwrap_or(Ty::NONE),
            export: None,
            skipped: 0,
            kwonly: 0,
            varargs: false,
            varkw: false,
        };
        let id = FuncId(self.sigs.len() as u32);
        self.sigs.push(sig.clone());
        let this = Nested {
            func: id,
            declared,
            captures: captures.clone(),
        };
        let fun = match ret {
            Some(_) => self.nested_body(f, &sig, &this, &inner_nested)?,
            None => {
                // No annotation: the type of what the body returns.
                let marks = (self.diags.len(), self.generated.functions.len());
                if let Some(c) = self.fun.as_mut() {
                    c.probe_ret += 1;
                }
                let probe = self.nested_body(f, &sig, &this, &inner_nested);
                if let Some(c) = self.fun.as_mut() {
                    c.probe_ret -= 1;
                }
                self.diags.truncate(marks.0);
                self.generated.functions.truncate(marks.1);
                let t = match probe {
                    Ok(p) => p.ret,
                    Err(d) => return Err(d),
                };
                sig.ret = t;
                self.sigs[id.0 as usize].ret = t;
                self.nested_body(f, &sig, &this, &inner_nested)?
            }
        };
        self.generated.functions.push((id, fun));
        self.generated.nested.insert(name, this);
        Ok(Vec::new())
    }

    /// The body of a nested function (`sig`: its parameters, captures
    /// last); with an unknown result type (`probe_ret` of the enclosing
    /// context), the result type is what its `return`s give.
    fn nested_body(
        &mut self,
        f: &ast::StmtFunctionDef,
        sig: &Sig,
        this: &Nested,
        siblings: &[(String, Nested)],
    ) -> Result<ir::Function, Diagnostic> {
        let probing = self.fun.as_ref().is_some_and(|c| c.probe_ret > 0);
        let saved_fun = self.fun.take();
        let saved_class = self.classes.ctx.take();
        let saved_nested = std::mem::take(&mut self.generated.nested);
        let cells: Vec<bool> = (0..this.declared)
            .map(|_| false)
            .chain(
                this.captures
                    .iter()
                    .map(|(_, v)| self.is_cell_value(v, saved_fun.as_ref())),
            )
            .collect();
        let mut ctx = FunCtx::new(&f.body, sig);
        ctx.cell_params(&cells);
        if probing && sig.ret == Ty::NONE {
            ctx.infer_ret = Some(Vec::new());
        }
        if yields(&f.body) {
            match self.types.kind(sig.ret) {
                TyKind::Generator(item) => ctx.generator = Some(*item),
                // Probing: the `yield`s give `infer_ret` their types.
                _ if probing => ctx.generator = Some(Ty::NEVER),
                _ => {
                    return Err(self
                        .error(
                            f.range,
                            format!("`{}` is a generator: it has `yield` in its body", f.name),
                        )
                        .with_help("annotate its result `Iterator[T]` (from typing), `T` the type of the items it yields"))
                }
            }
        }
        let generator = ctx.generator.is_some();
        // Inside, captured names are the parameters after the declared ones.
        let param_of = |ctx: &FunCtx, n: &str| -> Option<Expr> {
            let i = sig.params.iter().position(|p| p.0 == n)?;
            let id = ctx.params[i];
            Some(Expr::new(ctx.local_ty(id), ExprKind::Local(id), sig.span))
        };
        let mut own = Vec::new();
        for (n, _) in &this.captures {
            if let Some(v) = param_of(&ctx, n) {
                own.push((n.clone(), v));
            }
        }
        self.generated.nested.insert(
            sig.name.clone(),
            Nested {
                func: this.func,
                declared: this.declared,
                captures: own,
            },
        );
        for (n, sib) in siblings {
            let mut caps = Vec::new();
            for (cn, _) in &sib.captures {
                if let Some(v) = param_of(&ctx, cn) {
                    caps.push((cn.clone(), v));
                }
            }
            self.generated.nested.insert(
                n.clone(),
                Nested {
                    func: sib.func,
                    declared: sib.declared,
                    captures: caps,
                },
            );
        }
        let prologue = std::mem::take(&mut ctx.prologue);
        self.fun = Some(ctx);
        let mark = self.diags.len();
        let mut body = prologue;
        body.extend(self.block(&f.body));
        let ctx = self.fun.take().expect("nested function context");
        self.generated.nested = saved_nested;
        self.classes.ctx = saved_class;
        self.fun = saved_fun;
        let ret = match &ctx.infer_ret {
            Some(tys) if generator => {
                let item = tys.first().copied().unwrap_or(Ty::NONE);
                if let Some(other) = tys.iter().find(|t| **t != item) {
                    return Err(self
                        .error(
                            f.range,
                            format!(
                                "`{}` yields `{}` and `{}` values",
                                sig.name,
                                self.types.display(item),
                                self.types.display(*other)
                            ),
                        )
                        .with_help("annotate its result `Iterator[T]`"));
                }
                self.types.intern(TyKind::Generator(item))
            }
            Some(tys) => {
                let mut t = Ty::NONE;
                for (i, x) in tys.iter().enumerate() {
                    if i == 0 {
                        t = *x;
                    } else if *x != t {
                        return Err(self
                            .error(
                                f.range,
                                format!("`{}` returns values of several types", sig.name),
                            )
                            .with_help("annotate its result type"));
                    }
                }
                t
            }
            None => sig.ret,
        };
        if probing && self.diags.len() > mark {
            let d = self.diags[mark].clone();
            return Err(d);
        }
        Ok(ir::Function {
            name: sig.name.clone(),
            span: sig.span,
            params: ctx.params.clone(),
            ret,
            locals: ctx.locals,
            body,
            raises: false,
            falls_through: true,
            generator,
        })
    }

    /// A nested function read as a value or called, if `name` is one.
    pub(crate) fn nested_value(&mut self, name: &str, range: TextRange) -> Option<Expr> {
        let n = self.generated.nested.get(name)?.clone();
        let sig = self.sig(n.func).clone();
        let params = sig.params[..n.declared].iter().map(|p| p.1).collect();
        let ty = self.types.callable(params, sig.ret);
        let caps = n.captures.into_iter().map(|c| c.1).collect();
        Some(Expr::new(
            ty,
            ExprKind::Closure(n.func, caps),
            self.span(range),
        ))
    }

    /// A call of a nested function by name: its captures follow the
    /// arguments.
    pub(crate) fn nested_call(
        &mut self,
        name: &str,
        c: &ast::ExprCall,
    ) -> Result<Option<Expr>, Diagnostic> {
        let Some(n) = self.generated.nested.get(name).cloned() else {
            return Ok(None);
        };
        let mut sig = self.sig(n.func).clone();
        sig.params.truncate(n.declared);
        sig.defaults.truncate(n.declared);
        let mut args = self.call_args(name, &sig, c)?;
        args.extend(n.captures.into_iter().map(|c| c.1));
        Ok(Some(Expr::new(
            sig.ret,
            ExprKind::Call(n.func, args),
            self.span(c.range),
        )))
    }

    /// Whether `sig` mentions a type variable (a generic template).
    pub(crate) fn is_generic(&self, sig: &Sig) -> bool {
        sig.params.iter().any(|(_, t)| self.types.has_var(*t)) || self.types.has_var(sig.ret)
    }

    /// Whether values of `t` hold functions.
    pub(crate) fn callable_inside(&self, t: Ty) -> bool {
        match self.types.kind(t) {
            TyKind::Callable { .. } => true,
            TyKind::Opt(x) | TyKind::List(x) | TyKind::Set(x) => self.callable_inside(*x),
            TyKind::Dict(k, v) => self.callable_inside(*k) || self.callable_inside(*v),
            TyKind::Tuple(items) => items.iter().any(|x| self.callable_inside(*x)),
            _ => false,
        }
    }

    /// Whether values of `t` hold generator objects.
    pub(crate) fn generator_inside(&self, t: Ty) -> bool {
        match self.types.kind(t) {
            TyKind::Generator(_) => true,
            TyKind::Opt(x) | TyKind::List(x) | TyKind::Set(x) => self.generator_inside(*x),
            TyKind::Dict(k, v) => self.generator_inside(*k) || self.generator_inside(*v),
            TyKind::Tuple(items) => items.iter().any(|x| self.generator_inside(*x)),
            _ => false,
        }
    }

    /// Whether a captured value is a cell of the enclosing function `f`.
    fn is_cell_value(&self, v: &Expr, f: Option<&FunCtx>) -> bool {
        match (&v.kind, f) {
            (ExprKind::Local(id), Some(f)) => f.locals[id.0 as usize].cell,
            _ => false,
        }
    }

    /// A module-level function read as a value.
    pub(crate) fn function_value(
        &mut self,
        id: FuncId,
        range: TextRange,
    ) -> Result<Expr, Diagnostic> {
        let sig = self.sig(id).clone();
        if self.is_generic(&sig) {
            return Err(self
                .error(
                    range,
                    format!("generic function `{}` used as a value", sig.name),
                )
                .with_help("call it, or wrap the call in a function of concrete types"));
        }
        let params = sig.params.iter().map(|(_, t)| *t).collect();
        let ty = self.types.callable(params, sig.ret);
        Ok(Expr::new(
            ty,
            ExprKind::Closure(id, Vec::new()),
            self.span(range),
        ))
    }

    /// A call of a name the function binds (a comprehension variable, a
    /// local or parameter) to a function value; `None` for other names.
    pub(crate) fn local_call(
        &mut self,
        name: &str,
        range: TextRange,
        c: &ast::ExprCall,
    ) -> Result<Option<Expr>, Diagnostic> {
        let Some(f) = self.fun.as_ref() else {
            return Ok(None);
        };
        let local = f.arm_params.iter().any(|p| p.0 == name)
            || (f.assigned.contains(name) && !f.global_decls.contains(name));
        if !local {
            return Ok(None);
        }
        let callee = self.name(name, range)?;
        if !matches!(self.types.kind(callee.ty), TyKind::Callable { .. }) {
            return Ok(None);
        }
        self.call_value(callee, c).map(Some)
    }

    /// A call of a function value (`f(x)` where `f` holds a `Callable`).
    pub(crate) fn call_value(
        &mut self,
        callee: Expr,
        c: &ast::ExprCall,
    ) -> Result<Expr, Diagnostic> {
        let TyKind::Callable { params, ret } = self.types.kind(callee.ty).clone() else {
            return Err(self
                .error(
                    c.func.range(),
                    format!("'{}' object is not callable", self.types.display(callee.ty)),
                )
                .with_help("Python raises TypeError here"));
        };
        if !c.keywords.is_empty() {
            return Err(self
                .error(c.range, "a function value takes its arguments by position")
                .with_help("pass the arguments without names"));
        }
        if c.args.len() != params.len() {
            return Err(self
                .error(
                    c.range,
                    format!(
                        "this function takes {} argument(s) but {} were given",
                        params.len(),
                        c.args.len()
                    ),
                )
                .with_help("Python raises TypeError for this"));
        }
        if self.fun.as_ref().is_some_and(|f| f.in_try > 0) {
            return Err(self
                .error(
                    c.range,
                    "calling a function value inside `try` is not supported yet",
                )
                .with_help("call it outside the `try`, or call a named function"));
        }
        let mut args = Vec::new();
        for (a, t) in c.args.iter().zip(params) {
            args.push(self.expect(a, t)?);
        }
        Ok(Expr::new(
            ret,
            ExprKind::CallValue(Box::new(callee), args),
            self.span(c.range),
        ))
    }

    /// A call of a generic function: its type variables are bound from
    /// the arguments' types and the call goes to that instance.
    pub(crate) fn generic_call(
        &mut self,
        id: FuncId,
        c: &ast::ExprCall,
    ) -> Result<Expr, Diagnostic> {
        let sig = self.sig(id).clone();
        let name = sig.name.clone();
        if !c.keywords.is_empty() || c.args.len() != sig.params.len() {
            return Err(self
                .error(
                    c.range,
                    format!(
                        "generic function `{name}` takes exactly {} positional argument(s)",
                        sig.params.len()
                    ),
                )
                .with_help("pass one value per parameter, by position"));
        }
        let mut vars = HashMap::new();
        let mut args: Vec<Option<Expr>> = vec![None; c.args.len()];
        // Lambdas and empty containers last: their types come from the
        // other arguments.
        let late = |a: &ast::Expr| match a {
            ast::Expr::Lambda(_) => 1,
            ast::Expr::List(l) if l.elts.is_empty() => 2,
            ast::Expr::Dict(d) if d.keys.is_empty() => 2,
            _ => 0,
        };
        for pass in [0, 1, 2] {
            for (i, (a, (_, p))) in c.args.iter().zip(&sig.params).enumerate() {
                if late(a) != pass {
                    continue;
                }
                let v = if self.types.has_var(*p) {
                    let want = self.types.subst(*p, &vars);
                    let v = match a {
                        ast::Expr::Lambda(l) => self.lambda_value(l, want, None)?,
                        _ if pass == 2 && !self.types.has_var(want) => self.expect(a, want)?,
                        _ => self.expr(a)?,
                    };
                    let got = super::stmt::natural(v.ty);
                    if !self.types.match_vars(*p, got, &mut vars) {
                        return Err(self
                            .error(
                                a.range(),
                                format!(
                                    "`{name}` expects `{}` here, found `{}`",
                                    self.types.display(want),
                                    self.types.display(got)
                                ),
                            )
                            .with_help("every use of a type variable must have one type"));
                    }
                    v
                } else {
                    self.expect(a, *p)?
                };
                args[i] = Some(v);
            }
        }
        let mut params = Vec::new();
        for (n, p) in &sig.params {
            let t = self.types.subst(*p, &vars);
            if self.types.has_var(t) {
                return Err(self
                    .error(
                        c.range,
                        format!("cannot tell the type of `{n}` of `{name}` from this call"),
                    )
                    .with_help("pass values of known types"));
            }
            params.push((n.clone(), t));
        }
        let ret = self.types.subst(sig.ret, &vars);
        if self.types.has_var(ret) {
            return Err(self
                .error(
                    c.range,
                    format!("cannot tell the result type of `{name}` from this call"),
                )
                .with_help("its result's type variables must appear in its parameters"));
        }
        let mut key: Vec<(u32, Ty)> = vars.iter().map(|(k, v)| (*k, *v)).collect();
        key.sort();
        let key = (id, key.into_iter().map(|(_, t)| t).collect::<Vec<_>>());
        let inst = match self.generated.instances.get(&key) {
            Some(i) => *i,
            None => {
                let inst_sig = Sig {
                    params: params.clone(),
                    ret,
                    export: None,
                    ..sig.clone()
                };
                let inst = FuncId(self.sigs.len() as u32);
                self.sigs.push(inst_sig);
                self.generated.instances.insert(key, inst);
                self.instantiate(id, inst, vars)?;
                inst
            }
        };
        let mut out = Vec::new();
        for ((a, v), (_, t)) in c.args.iter().zip(args).zip(&params) {
            let v = v.expect("every argument was checked");
            out.push(self.coerce(v, *t, a.range())?);
        }
        Ok(Expr::new(
            ret,
            ExprKind::Call(inst, out),
            self.span(c.range),
        ))
    }

    /// Checks the body of generic `template` as the instance `inst`.
    fn instantiate(
        &mut self,
        template: FuncId,
        inst: FuncId,
        vars: HashMap<u32, Ty>,
    ) -> Result<(), Diagnostic> {
        let Some(&(m, f)) = self.templates.get(&template) else {
            return Err(Diagnostic::new(
                self.sig(template).span,
                "this generic function cannot be instantiated",
            ));
        };
        let saved_fun = self.fun.take();
        let saved_class = self.classes.ctx.take();
        let saved_nested = std::mem::take(&mut self.generated.nested);
        let saved_vars = std::mem::replace(&mut self.generated.vars, vars);
        let cur = self.cur;
        if cur != Some(m) {
            self.enter(m);
        }
        let sig = self.sigs[inst.0 as usize].clone();
        let fun = self.function(f, &sig);
        match cur {
            Some(c) if c != m => self.enter(c),
            None => self.leave(),
            _ => {}
        }
        self.generated.vars = saved_vars;
        self.generated.nested = saved_nested;
        self.classes.ctx = saved_class;
        self.fun = saved_fun;
        self.generated.functions.push((inst, fun));
        Ok(())
    }

    /// A lambda where a function value of type `want` is expected (its
    /// parameter types come from there); `name` names the Rust function.
    pub(crate) fn lambda_value(
        &mut self,
        l: &ast::ExprLambda,
        want: Ty,
        name: Option<&str>,
    ) -> Result<Expr, Diagnostic> {
        let TyKind::Callable { params, ret } = self.types.kind(want).clone() else {
            return Err(self
                .error(
                    l.range,
                    format!(
                        "a lambda where a `{}` is expected",
                        self.types.display(want)
                    ),
                )
                .with_help("annotate the target `Callable[[...], R]`"));
        };
        let ret = (!self.types.has_var(ret)).then_some(ret);
        self.lambda_with(l, &params, ret, name)
    }

    /// `f = lambda x: ...` without annotation: the parameter types are
    /// those of the arguments of the first call `f(...)` in the function.
    pub(crate) fn lambda_from_calls(
        &mut self,
        name: &str,
        l: &ast::ExprLambda,
    ) -> Result<Expr, Diagnostic> {
        let args = self
            .fun
            .as_ref()
            .and_then(|f| f.lambda_calls.get(name).cloned());
        let help = || format!("annotate it: `{name}: Callable[[int], int] = lambda ...`");
        let Some(args) = args else {
            return Err(self
                .error(
                    l.range,
                    format!("cannot tell the parameter types of `{name}`"),
                )
                .with_help(help()));
        };
        let mut params = Vec::new();
        let mark = self.diags.len();
        for a in &args {
            match self.expr(a) {
                Ok(v) if self.diags.len() == mark => params.push(super::stmt::natural(v.ty)),
                _ => {
                    self.diags.truncate(mark);
                    return Err(self
                        .error(
                            l.range,
                            format!(
                                "cannot tell the parameter types of `{name}` from its first call"
                            ),
                        )
                        .with_help(help()));
                }
            }
        }
        self.lambda_with(l, &params, None, Some(name))
    }

    /// A lambda with the given parameter types (`ret`: the result type,
    /// or taken from the body).
    pub(crate) fn lambda_with(
        &mut self,
        l: &ast::ExprLambda,
        params: &[Ty],
        ret: Option<Ty>,
        name: Option<&str>,
    ) -> Result<Expr, Diagnostic> {
        let args = &l.args;
        if !args.posonlyargs.is_empty()
            || args.vararg.is_some()
            || !args.kwonlyargs.is_empty()
            || args.kwarg.is_some()
        {
            return Err(self
                .error(l.range, "only plain lambda parameters are supported")
                .with_help("remove `*args`, `**kwargs` and keyword-only parameters"));
        }
        let plain: Vec<&ast::ArgWithDefault> =
            args.args.iter().filter(|a| a.default.is_none()).collect();
        if plain.len() != params.len() || params.iter().any(|t| self.types.has_var(*t)) {
            return Err(self
                .error(
                    l.range,
                    format!(
                        "this lambda takes {} argument(s) where a function of {} is expected",
                        plain.len(),
                        params.len()
                    ),
                )
                .with_help("give the lambda one parameter per argument"));
        }
        let mut sig_params = Vec::new();
        for (a, t) in plain.iter().zip(params) {
            sig_params.push((a.def.arg.to_string(), *t));
        }
        // `lambda x, n=n: ...`: the default is computed now and travels
        // with the function like a captured value.
        let mut caps = Vec::new();
        for a in args.args.iter().filter(|a| a.default.is_some()) {
            let d = a.default.as_deref().expect("filtered");
            let v = self.expr(d)?;
            let t = super::stmt::natural(v.ty);
            let v = self.coerce(v, t, d.range())?;
            sig_params.push((a.def.arg.to_string(), t));
            caps.push(v);
        }
        let bound: HashSet<String> = sig_params.iter().map(|p| p.0.clone()).collect();
        let mut free = Vec::new();
        free_names(&l.body, &bound, &mut free);
        for n in free {
            if let Some((v, t)) = self.capture(&n, l.range)? {
                sig_params.push((n, t));
                caps.push(v);
            }
        }
        let outer = self.fun.as_ref().map(|f| f.sig.name.clone());
        let name = match (name, outer) {
            (Some(n), _) => n.to_string(),
            (None, Some(o)) if !o.ends_with("_module") => format!("{o}_lambda"),
            _ => "lambda".to_string(),
        };
        let sig = Sig {
            name,
            span: self.span(l.range),
            params: sig_params,
            defaults: Vec::new(),
            ret: ret.unwrap_or(Ty::NONE),
            export: None,
            skipped: 0,
            kwonly: 0,
            varargs: false,
            varkw: false,
        };
        let id = FuncId(self.sigs.len() as u32);
        self.sigs.push(sig.clone());
        let saved_fun = self.fun.take();
        let saved_class = self.classes.ctx.take();
        let saved_nested = std::mem::take(&mut self.generated.nested);
        let declared = params.len() + args.args.iter().filter(|a| a.default.is_some()).count();
        let cells: Vec<bool> = (0..declared)
            .map(|_| false)
            .chain(
                caps[declared - params.len()..]
                    .iter()
                    .map(|v| self.is_cell_value(v, saved_fun.as_ref())),
            )
            .collect();
        let mut ctx = FunCtx::new(&[], &sig);
        ctx.cell_params(&cells);
        self.fun = Some(ctx);
        let body = match ret {
            Some(t) if t != Ty::NONE => self.expect(&l.body, t),
            _ => self.expr(&l.body),
        };
        let ctx = self.fun.take().expect("lambda context");
        self.generated.nested = saved_nested;
        self.classes.ctx = saved_class;
        self.fun = saved_fun;
        let body = body?;
        let ret = match ret {
            Some(t) => t,
            None => super::stmt::natural(body.ty),
        };
        self.sigs[id.0 as usize].ret = ret;
        let body = if ret == Ty::NONE {
            vec![Stmt::Expr(body)]
        } else {
            vec![Stmt::Return(Some(body))]
        };
        self.generated.functions.push((
            id,
            ir::Function {
                name: sig.name.clone(),
                span: sig.span,
                params: ctx.params.clone(),
                ret,
                locals: ctx.locals,
                body,
                raises: false,
                falls_through: ret == Ty::NONE,
                generator: false,
            },
        ));
        let ty = self.types.callable(params.to_vec(), ret);
        Ok(Expr::new(
            ty,
            ExprKind::Closure(id, caps),
            self.span(l.range),
        ))
    }

    /// The value a closure captures for `name`, if it is a local of the
    /// enclosing function (globals and functions are read where used).
    fn capture(&mut self, name: &str, range: TextRange) -> Result<Option<(Expr, Ty)>, Diagnostic> {
        let Some(f) = self.fun.as_ref() else {
            return Ok(None);
        };
        if f.arm_params.iter().any(|p| p.0 == name) {
            return Err(self
                .error(range, format!("a function value that reads the loop variable `{name}`"))
                .with_help("Python reads the variable when the function runs (late binding); pass the value as a parameter or a default (`lambda {name}={name}: ...`)"));
        }
        if f.global_decls.contains(name) || !f.assigned.contains(name) {
            return Ok(None);
        }
        if f.cells.contains(name) {
            // The cell itself: the closure sees every later store.
            return match f.bindings.get(name) {
                Some(Binding::Local(id)) if f.locals[id.0 as usize].cell => {
                    let t = f.local_ty(*id);
                    Ok(Some((
                        Expr::new(t, ExprKind::Local(*id), self.span(range)),
                        t,
                    )))
                }
                _ => Err(self
                    .error(range, format!("`{name}` is used before it is assigned"))
                    .with_help(format!("assign `{name}` before this function is defined"))),
            };
        }
        let param = f.params.iter().any(|p| f.locals[p.0 as usize].name == name);
        let stores = f.stores.get(name).copied().unwrap_or(0) + usize::from(param);
        let current = f.bindings.get(name).cloned();
        let stable_in_loops = f
            .loop_entries
            .iter()
            .all(|entry| entry.get(name).is_some() && entry.get(name) == current.as_ref());
        if stores > 1 || !stable_in_loops {
            return Err(self
                .error(range, format!("a function value that reads `{name}`, which is assigned again"))
                .with_help(format!("Python reads `{name}` when the function runs (late binding), which is not supported yet; pass the value as a parameter or a default (`lambda {name}={name}: ...`)")));
        }
        let v = self.name(name, range)?;
        let t = v.ty;
        Ok(Some((v, t)))
    }
}

/// The names `e` reads that none of `bound` (and no lambda or
/// comprehension inside it) binds, in order of first use.
pub(crate) fn free_names(e: &ast::Expr, bound: &HashSet<String>, out: &mut Vec<String>) {
    match e {
        ast::Expr::Name(n) => {
            let n = n.id.to_string();
            if !bound.contains(&n) && !out.contains(&n) {
                out.push(n);
            }
        }
        ast::Expr::Lambda(l) => {
            let mut inner = bound.clone();
            for a in &l.args.args {
                inner.insert(a.def.arg.to_string());
                if let Some(d) = &a.default {
                    free_names(d, bound, out);
                }
            }
            free_names(&l.body, &inner, out);
        }
        ast::Expr::ListComp(c) => comp(&[&c.elt], &c.generators, bound, out),
        ast::Expr::SetComp(c) => comp(&[&c.elt], &c.generators, bound, out),
        ast::Expr::GeneratorExp(c) => comp(&[&c.elt], &c.generators, bound, out),
        ast::Expr::DictComp(c) => comp(&[&c.key, &c.value], &c.generators, bound, out),
        other => each_child(other, &mut |c| free_names(c, bound, out)),
    }
}

fn comp(
    elts: &[&ast::Expr],
    gens: &[ast::Comprehension],
    bound: &HashSet<String>,
    out: &mut Vec<String>,
) {
    let mut inner = bound.clone();
    for g in gens {
        free_names(&g.iter, &inner, out);
        let mut targets = Vec::new();
        free_names(&g.target, &HashSet::new(), &mut targets);
        inner.extend(targets);
        for i in &g.ifs {
            free_names(i, &inner, out);
        }
    }
    for e in elts {
        free_names(e, &inner, out);
    }
}

/// Calls `f` on each direct sub-expression of `e` (the ones that matter
/// for the names it reads).
fn each_child(e: &ast::Expr, f: &mut dyn FnMut(&ast::Expr)) {
    match e {
        ast::Expr::BoolOp(b) => b.values.iter().for_each(f),
        ast::Expr::NamedExpr(n) => {
            f(&n.target);
            f(&n.value)
        }
        ast::Expr::BinOp(b) => {
            f(&b.left);
            f(&b.right)
        }
        ast::Expr::UnaryOp(u) => f(&u.operand),
        ast::Expr::IfExp(i) => {
            f(&i.test);
            f(&i.body);
            f(&i.orelse)
        }
        ast::Expr::Dict(d) => {
            d.keys.iter().flatten().for_each(&mut *f);
            d.values.iter().for_each(f)
        }
        ast::Expr::Set(s) => s.elts.iter().for_each(f),
        ast::Expr::Compare(c) => {
            f(&c.left);
            c.comparators.iter().for_each(f)
        }
        ast::Expr::Call(c) => {
            f(&c.func);
            c.args.iter().for_each(&mut *f);
            c.keywords.iter().for_each(|k| f(&k.value))
        }
        ast::Expr::FormattedValue(v) => {
            f(&v.value);
            if let Some(s) = &v.format_spec {
                f(s)
            }
        }
        ast::Expr::JoinedStr(j) => j.values.iter().for_each(f),
        ast::Expr::Attribute(a) => f(&a.value),
        ast::Expr::Subscript(s) => {
            f(&s.value);
            f(&s.slice)
        }
        ast::Expr::Starred(s) => f(&s.value),
        ast::Expr::List(l) => l.elts.iter().for_each(f),
        ast::Expr::Tuple(t) => t.elts.iter().for_each(f),
        ast::Expr::Slice(s) => {
            for x in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                f(x)
            }
        }
        ast::Expr::Await(a) => f(&a.value),
        ast::Expr::Yield(y) => {
            if let Some(v) = &y.value {
                f(v)
            }
        }
        ast::Expr::YieldFrom(y) => f(&y.value),
        _ => {}
    }
}

/// The names the statements read that `bound` does not bind (nested
/// functions' free names included).
pub(crate) fn stmts_free_names(body: &[ast::Stmt], bound: &HashSet<String>, out: &mut Vec<String>) {
    for s in body {
        match s {
            ast::Stmt::FunctionDef(f) => {
                let mut inner = bound.clone();
                let mut globals = HashSet::new();
                for a in &f.args.args {
                    inner.insert(a.def.arg.to_string());
                    if let Some(d) = &a.default {
                        free_names(d, bound, out);
                    }
                }
                super::scope::collect_assigned(&f.body, &mut inner, &mut globals);
                stmts_free_names(&f.body, &inner, out);
            }
            ast::Stmt::ClassDef(_) => {}
            other => {
                stmt_exprs(other, &mut |e| free_names(e, bound, out));
                for b in crate::load::nested_bodies(other) {
                    stmts_free_names(b, bound, out);
                }
            }
        }
    }
}

/// The expressions directly in a statement (not in its nested bodies).
fn stmt_exprs(s: &ast::Stmt, f: &mut dyn FnMut(&ast::Expr)) {
    match s {
        ast::Stmt::Expr(e) => f(&e.value),
        ast::Stmt::Assign(a) => {
            a.targets.iter().for_each(&mut *f);
            f(&a.value)
        }
        ast::Stmt::AugAssign(a) => {
            f(&a.target);
            f(&a.value)
        }
        ast::Stmt::AnnAssign(a) => {
            f(&a.target);
            if let Some(v) = &a.value {
                f(v)
            }
        }
        ast::Stmt::Return(r) => {
            if let Some(v) = &r.value {
                f(v)
            }
        }
        ast::Stmt::If(i) => f(&i.test),
        ast::Stmt::While(w) => f(&w.test),
        ast::Stmt::For(x) => {
            f(&x.target);
            f(&x.iter)
        }
        ast::Stmt::Assert(a) => {
            f(&a.test);
            if let Some(m) = &a.msg {
                f(m)
            }
        }
        ast::Stmt::Raise(r) => {
            if let Some(e) = &r.exc {
                f(e)
            }
            if let Some(c) = &r.cause {
                f(c)
            }
        }
        ast::Stmt::Delete(d) => d.targets.iter().for_each(f),
        ast::Stmt::With(w) => w.items.iter().for_each(|i| f(&i.context_expr)),
        ast::Stmt::Try(t) => t.handlers.iter().for_each(|h| {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            if let Some(t) = &h.type_ {
                f(t)
            }
        }),
        _ => {}
    }
}

/// The names of a function body (with these parameters) that must be
/// cells: read by a nested function or lambda and rebound somewhere
/// (assigned twice, in a loop, or `nonlocal` in a nested function).
pub(crate) fn cell_names(body: &[ast::Stmt], params: &[&str]) -> HashSet<String> {
    let mut captured = Vec::new();
    let mut nonlocal = HashSet::new();
    nested_captures(body, &mut captured, &mut nonlocal);
    if captured.is_empty() {
        return HashSet::new();
    }
    let stores = super::narrow::count_stores(body);
    let mut in_loops = HashSet::new();
    loop_stores(body, false, &mut in_loops);
    captured
        .into_iter()
        .filter(|n| {
            let param = params.contains(&n.as_str());
            let count = stores.get(n).copied().unwrap_or(0) + usize::from(param);
            count > 0 && (count > 1 || in_loops.contains(n) || nonlocal.contains(n))
        })
        .collect()
}

/// Names assigned inside loops (loop targets included).
fn loop_stores(body: &[ast::Stmt], inside: bool, out: &mut HashSet<String>) {
    for s in body {
        match s {
            ast::Stmt::For(f) => {
                let mut g = HashSet::new();
                let mut names = HashSet::new();
                super::scope::collect_assigned(std::slice::from_ref(s), &mut names, &mut g);
                out.extend(names);
                loop_stores(&f.body, true, out);
            }
            ast::Stmt::While(w) => {
                let mut g = HashSet::new();
                super::scope::collect_assigned(&w.body, out, &mut g);
            }
            ast::Stmt::FunctionDef(_) | ast::Stmt::ClassDef(_) => {}
            other => {
                if inside {
                    let mut g = HashSet::new();
                    super::scope::collect_assigned(std::slice::from_ref(other), out, &mut g);
                }
                for b in crate::load::nested_bodies(other) {
                    loop_stores(b, inside, out);
                }
            }
        }
    }
}

/// The names nested functions and lambdas of `body` read from it, and
/// the names they declare `nonlocal`.
fn nested_captures(body: &[ast::Stmt], captured: &mut Vec<String>, nonlocal: &mut HashSet<String>) {
    for s in body {
        match s {
            ast::Stmt::FunctionDef(f) => {
                let mut bound = HashSet::new();
                let mut globals = HashSet::new();
                for a in &f.args.args {
                    bound.insert(a.def.arg.to_string());
                }
                super::scope::collect_assigned(&f.body, &mut bound, &mut globals);
                for d in &f.body {
                    if let ast::Stmt::FunctionDef(d) = d {
                        bound.insert(d.name.to_string());
                    }
                }
                for n in nonlocal_names(&f.body) {
                    bound.remove(&n);
                    nonlocal.insert(n.clone());
                    if !captured.contains(&n) {
                        captured.push(n);
                    }
                }
                stmts_free_names(&f.body, &bound, captured);
            }
            ast::Stmt::ClassDef(_) => {}
            other => {
                stmt_exprs(other, &mut |e| lambda_captures(e, captured));
                for b in crate::load::nested_bodies(other) {
                    nested_captures(b, captured, nonlocal);
                }
            }
        }
    }
}

/// The `nonlocal` names of a function body (its own, not nested ones').
pub(crate) fn nonlocal_names(body: &[ast::Stmt]) -> Vec<String> {
    let mut out = Vec::new();
    for s in body {
        match s {
            ast::Stmt::Nonlocal(n) => out.extend(n.names.iter().map(|x| x.to_string())),
            ast::Stmt::FunctionDef(_) | ast::Stmt::ClassDef(_) => {}
            other => {
                for b in crate::load::nested_bodies(other) {
                    out.extend(nonlocal_names(b));
                }
            }
        }
    }
    out
}

/// The names lambdas inside `e` read from outside them.
fn lambda_captures(e: &ast::Expr, out: &mut Vec<String>) {
    if let ast::Expr::Lambda(l) = e {
        let bound: HashSet<String> = l.args.args.iter().map(|a| a.def.arg.to_string()).collect();
        free_names(&l.body, &bound, out);
    }
    each_child(e, &mut |c| lambda_captures(c, out));
}

/// Whether a function body contains `yield` (outside nested functions,
/// classes and lambdas): then the function is a generator.
pub(crate) fn yields(body: &[ast::Stmt]) -> bool {
    fn expr_yields(e: &ast::Expr) -> bool {
        match e {
            ast::Expr::Yield(_) | ast::Expr::YieldFrom(_) => true,
            ast::Expr::Lambda(_) => false,
            _ => {
                let mut any = false;
                each_child(e, &mut |c| any = any || expr_yields(c));
                any
            }
        }
    }
    body.iter().any(|s| match s {
        ast::Stmt::FunctionDef(_) | ast::Stmt::AsyncFunctionDef(_) | ast::Stmt::ClassDef(_) => {
            false
        }
        other => {
            let mut any = false;
            stmt_exprs(other, &mut |e| any = any || expr_yields(e));
            any || crate::load::nested_bodies(other).into_iter().any(yields)
        }
    })
}

/// For each name a body assigns a lambda to, the arguments of its first
/// call in the body.
pub(crate) fn lambda_calls(body: &[ast::Stmt]) -> HashMap<String, Vec<ast::Expr>> {
    fn assigned(body: &[ast::Stmt], out: &mut Vec<String>) {
        for s in body {
            match s {
                ast::Stmt::Assign(a) => {
                    if let ([ast::Expr::Name(n)], ast::Expr::Lambda(_)) =
                        (a.targets.as_slice(), &*a.value)
                    {
                        out.push(n.id.to_string());
                    }
                }
                ast::Stmt::FunctionDef(_) | ast::Stmt::ClassDef(_) => {}
                other => {
                    for b in crate::load::nested_bodies(other) {
                        assigned(b, out);
                    }
                }
            }
        }
    }
    fn first_call(e: &ast::Expr, name: &str) -> Option<Vec<ast::Expr>> {
        if let ast::Expr::Call(c) = e {
            if matches!(&*c.func, ast::Expr::Name(n) if n.id.as_str() == name) {
                return Some(c.args.clone());
            }
        }
        let mut found = None;
        each_child(e, &mut |c| {
            if found.is_none() {
                found = first_call(c, name);
            }
        });
        found
    }
    fn in_stmts(body: &[ast::Stmt], name: &str) -> Option<Vec<ast::Expr>> {
        for s in body {
            if matches!(s, ast::Stmt::FunctionDef(_) | ast::Stmt::ClassDef(_)) {
                continue;
            }
            let mut found = None;
            stmt_exprs(s, &mut |e| {
                if found.is_none() {
                    found = first_call(e, name);
                }
            });
            if found.is_some() {
                return found;
            }
            for b in crate::load::nested_bodies(s) {
                if let Some(f) = in_stmts(b, name) {
                    return Some(f);
                }
            }
        }
        None
    }
    let mut names = Vec::new();
    assigned(body, &mut names);
    let mut out = HashMap::new();
    for n in names {
        if let Some(args) = in_stmts(body, &n) {
            out.insert(n, args);
        }
    }
    out
}
