//! Typing of expressions.
//!
//! Integer semantics: literals are `int`; arithmetic on any integer types
//! (fixed-width included) is `int` arithmetic and never overflows; a value is
//! range-checked only where it is stored into a fixed-width variable or
//! leaves through a Candid boundary (`coerce` inserts that `Convert`).
//! `lower` keeps this fast: interval analysis lets bounded arithmetic run on
//! native integers.

use super::Checker;
use crate::diagnostics::Diagnostic;
use crate::model::ir::{BinOp, CmpOp, Expr, ExprKind, FPart, IcCall, UnaryOp};
use crate::model::{CandidKind, Fixed, Ty, TyKind};
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};
use rustpython_parser::ast::{self, Ranged};
use rustpython_parser::text_size::TextRange;

pub(crate) fn bin_op(op: ast::Operator) -> BinOp {
    match op {
        ast::Operator::Add => BinOp::Add,
        ast::Operator::Sub => BinOp::Sub,
        ast::Operator::Mult => BinOp::Mul,
        ast::Operator::Div => BinOp::Div,
        ast::Operator::FloorDiv => BinOp::FloorDiv,
        ast::Operator::Mod => BinOp::Mod,
        ast::Operator::Pow => BinOp::Pow,
        ast::Operator::BitAnd => BinOp::BitAnd,
        ast::Operator::BitOr => BinOp::BitOr,
        ast::Operator::BitXor => BinOp::BitXor,
        ast::Operator::LShift => BinOp::Shl,
        ast::Operator::RShift => BinOp::Shr,
        // Rejected by the callers before they get here.
        ast::Operator::MatMult => BinOp::Mul,
    }
}

/// Python's floor division and modulo on big integers (divisor non-zero).
fn floor_divmod(a: &BigInt, b: &BigInt) -> (BigInt, BigInt) {
    use num_integer::Integer;
    a.div_mod_floor(b)
}

impl Checker<'_> {
    /// Types expression `e`. A `nat` read out of a container (`Ty::NAT`)
    /// is an `int` to Python code.
    pub(crate) fn expr(&mut self, e: &ast::Expr) -> Result<Expr, Diagnostic> {
        if let Some(v) = self.probed(e) {
            return Ok(v);
        }
        let v = self.expr_raw(e)?;
        if v.ty == Ty::NAT {
            let span = v.span;
            return Ok(Expr::new(Ty::INT, ExprKind::Convert(Box::new(v)), span));
        }
        // `*args` is read as the list of its items.
        if let TyKind::VarTuple(item) = *self.types.kind(v.ty) {
            let span = v.span;
            let list = self.types.list(item);
            return Ok(Expr::new(list, ExprKind::Convert(Box::new(v)), span));
        }
        // A recursive tuple alias's value is read as the tuple it is.
        if let Some(view) = self.tuple_view(v.ty) {
            let span = v.span;
            return Ok(Expr::new(view, ExprKind::Convert(Box::new(v)), span));
        }
        Ok(v)
    }

    /// The Candid item types of the recursive tuple alias `t` is (`None`
    /// for any other type).
    fn tuple_alias_items(&self, t: Ty) -> Option<Vec<crate::model::CandidTy>> {
        let TyKind::Nominal(d) = *self.types.kind(t) else {
            return None;
        };
        let crate::model::ir::DefKind::Alias(c) = self.defs[d.0 as usize].kind else {
            return None;
        };
        match self.types.candid_kind(c) {
            CandidKind::Tuple(items) if !self.types.is_alias(d) => Some(items.clone()),
            _ => None,
        }
    }

    /// [`Checker::tuple_view`] without interning (`None` also when that
    /// tuple type was never interned, so no value has it).
    fn tuple_view_of(&self, t: Ty) -> Option<Ty> {
        let items = self
            .tuple_alias_items(t)?
            .iter()
            .map(|i| self.types.find_member_ty(*i))
            .collect::<Option<Vec<_>>>()?;
        self.types.find(&TyKind::Tuple(items))
    }

    /// The tuple type a value of the recursive tuple alias `t` holds
    /// (`List = Tuple[str, Opt["List"]]`: `tuple[str, Opt[List]]`); `None`
    /// for any other type.
    pub(crate) fn tuple_view(&mut self, t: Ty) -> Option<Ty> {
        let items = self.tuple_alias_items(t)?;
        let items = items.into_iter().map(|i| self.types.member_ty(i)).collect();
        Some(self.types.tuple(items))
    }

    fn expr_raw(&mut self, e: &ast::Expr) -> Result<Expr, Diagnostic> {
        let span = self.span(e.range());
        match e {
            ast::Expr::Constant(c) => self.constant(&c.value, e.range()),
            ast::Expr::Name(n) => match self.module_dunder_name(n.id.as_str()) {
                Some(name) => Ok(Expr::new(Ty::STR, ExprKind::Str(name), span)),
                None => self.name(n.id.as_str(), e.range()),
            },
            ast::Expr::BinOp(b) => {
                if b.op == ast::Operator::MatMult {
                    return Err(self
                        .error(e.range(), "the `@` operator is not supported")
                        .with_help("no built-in type supports matrix multiplication"));
                }
                let l = self.expr(&b.left)?;
                let r = self.expr(&b.right)?;
                if let Some(d) = self.optional_operand(&[(&b.left, l.ty), (&b.right, r.ty)]) {
                    return Err(d);
                }
                self.binary(bin_op(b.op), l, r, e.range())
            }
            ast::Expr::UnaryOp(u) => {
                let v = self.expr(&u.operand)?;
                if u.op != ast::UnaryOp::Not {
                    if let Some(d) = self.optional_operand(&[(&u.operand, v.ty)]) {
                        return Err(d);
                    }
                }
                match u.op {
                    ast::UnaryOp::Not => {
                        let t = self.truthy(v);
                        Ok(Expr::new(Ty::BOOL, ExprKind::Not(Box::new(t)), span))
                    }
                    ast::UnaryOp::UAdd if v.ty.is_float() || v.ty == Ty::NUM => Ok(v),
                    ast::UnaryOp::USub if v.ty == Ty::NUM => Ok(Expr::new(
                        v.ty,
                        ExprKind::Unary(UnaryOp::Neg, Box::new(v)),
                        span,
                    )),
                    ast::UnaryOp::UAdd if v.ty.is_integral() || v.ty == Ty::BOOL => {
                        self.coerce(v, Ty::INT, e.range())
                    }
                    ast::UnaryOp::USub if v.ty.is_float() => match v.kind {
                        ExprKind::Float(f) => Ok(Expr::new(v.ty, ExprKind::Float(-f), span)),
                        _ => Ok(Expr::new(
                            v.ty,
                            ExprKind::Unary(UnaryOp::Neg, Box::new(v)),
                            span,
                        )),
                    },
                    ast::UnaryOp::USub | ast::UnaryOp::Invert
                        if v.ty.is_integral() || v.ty == Ty::BOOL =>
                    {
                        let v = self.coerce(v, Ty::INT, e.range())?;
                        let neg = u.op == ast::UnaryOp::USub;
                        match v.kind {
                            ExprKind::Int(i) => {
                                let i = if neg { -i } else { -i - 1 };
                                Ok(Expr::new(Ty::INT, ExprKind::Int(i), span))
                            }
                            _ => {
                                let op = if neg { UnaryOp::Neg } else { UnaryOp::Invert };
                                Ok(Expr::new(Ty::INT, ExprKind::Unary(op, Box::new(v)), span))
                            }
                        }
                    }
                    _ => {
                        let op = match u.op {
                            ast::UnaryOp::UAdd => "+",
                            ast::UnaryOp::USub => "-",
                            _ => "~",
                        };
                        Err(self
                            .error(
                                e.range(),
                                format!(
                                    "bad operand type for unary {op}: '{}'",
                                    self.types.display(v.ty)
                                ),
                            )
                            .with_help("Python raises TypeError for this operand type"))
                    }
                }
            }
            ast::Expr::BoolOp(b) => {
                // Each operand sees the names the previous ones prove
                // present (`x is not None and x > 0`).
                let mut values = Vec::new();
                let and = b.op == ast::BoolOp::And;
                for (k, v) in b.values.iter().enumerate() {
                    let prev: Vec<&ast::Expr> = b.values[..k].iter().collect();
                    values.push(self.expr_narrowed(&prev, and, v)?);
                }
                let all_bool = values.iter().all(|v| v.ty == Ty::BOOL);
                // `x or default` of an optional `x` and a plain default: a
                // plain value (`None` is false).
                let opt_or = !and
                    && values.len() == 2
                    && matches!(self.types.kind(values[0].ty), TyKind::Opt(t)
                        if *t == values[1].ty || self.unify(*t, &values[1]) == Some(*t))
                    && !matches!(self.types.kind(values[1].ty), TyKind::Opt(_))
                    && values[1].ty != Ty::NONE;
                if opt_or {
                    let TyKind::Opt(t) = *self.types.kind(values[0].ty) else {
                        unreachable!("checked above")
                    };
                    let mut values = values.into_iter();
                    let l = values.next().expect("two operands");
                    let r = values.next().expect("two operands");
                    let r = self.coerce(r, t, b.values[1].range())?;
                    return Ok(Expr::new(t, ExprKind::Or(Box::new(l), Box::new(r)), span));
                }
                let ty = if all_bool {
                    Ty::BOOL
                } else {
                    let mut ty = values[0].ty;
                    for v in &values[1..] {
                        ty = self.unify(ty, v).ok_or_else(|| {
                            self.error(e.range(), format!("`{}` operands have different types", if b.op == ast::BoolOp::And { "and" } else { "or" }))
                                .with_help("Python returns one of the operands; give them the same type, or compare explicitly (e.g. `x != 0`)")
                        })?;
                    }
                    ty
                };
                let mut values = values
                    .into_iter()
                    .map(|v| self.coerce(v, ty, e.range()))
                    .collect::<Result<Vec<_>, _>>()?
                    .into_iter();
                let mut acc = values.next().expect("at least two operands");
                for v in values {
                    let kind = match b.op {
                        ast::BoolOp::And => ExprKind::And(Box::new(acc), Box::new(v)),
                        ast::BoolOp::Or => ExprKind::Or(Box::new(acc), Box::new(v)),
                    };
                    acc = Expr::new(ty, kind, span);
                }
                Ok(acc)
            }
            ast::Expr::Compare(c) => self.compare(c),
            ast::Expr::IfExp(i) => self.if_exp(i, None),
            ast::Expr::Call(c) if self.is_kybra(&c.func, "match") => self.match_call(c, None),
            ast::Expr::Call(c) => self.call(c),
            ast::Expr::JoinedStr(j) => self.fstring(j),
            ast::Expr::Attribute(a) => {
                if let Some(e) = self.exception_attribute(a)? {
                    return Ok(e);
                }
                if let Some(e) = self.class_attribute_read(a)? {
                    return Ok(e);
                }
                // `type(x).__name__`: the name in `type(x)`'s text.
                if let (ast::Expr::Call(c), "__name__") = (&*a.value, a.attr.as_str()) {
                    if matches!(&*c.func, ast::Expr::Name(n) if n.id.as_str() == "type") {
                        let t = self.type_call(c)?;
                        return Ok(type_name(t));
                    }
                }
                if let Some(e) = self.ref_attribute(a)? {
                    return Ok(e);
                }

                if let Some(m) = self.native_module(&a.value) {
                    return self.native_constant(&m, a.attr.as_str(), a.range);
                }
                if let Some(e) = self.module_attribute(a)? {
                    return Ok(e);
                }
                if self.is_kybra(&a.value, "ic") {
                    return Err(self
                        .error(e.range(), format!("`ic.{}` must be called", a.attr))
                        .with_help(format!("write `ic.{}()`", a.attr)));
                }
                Err(self
                    .error(e.range(), "attribute access is not supported yet")
                    .with_help("supported so far: the `ic` API (`ic.caller()`, `ic.time()`, ...), `p.bytes` and `p.hex` of a Principal, `s.canister_id` of a Service"))
            }
            ast::Expr::Yield(y) => {
                let Some(item) = self.fun.as_ref().and_then(|f| f.generator) else {
                    return Err(self
                        .error(e.range(), "`yield` is not supported here")
                        .with_help("write the generator as a function or method of its own"));
                };
                let sig_span = self.ctx().sig.span;
                let value = match &y.value {
                    Some(v) if item != Ty::NEVER => self.expect(v, item)?,
                    Some(v) => self.expr(v)?,
                    None => Expr::new(Ty::NONE, ExprKind::None, span),
                };
                // An unannotated generator's items: evidence for its type.
                if self.is_slot(sig_span, super::infer::ITEMS_SLOT) {
                    self.slot_gets(sig_span, super::infer::ITEMS_SLOT, value.ty);
                }
                if item == Ty::NEVER {
                    let t = super::stmt::natural(value.ty);
                    if let Some(tys) = self.ctx().infer_ret.as_mut() {
                        tys.push(t);
                    }
                }
                let value = if item == Ty::NEVER {
                    value
                } else {
                    self.coerce(value, item, e.range())?
                };
                Ok(Expr::new(Ty::NONE, ExprKind::Yield(Box::new(value)), span))
            }
            ast::Expr::YieldFrom(_) if self.fun.as_ref().is_some_and(|f| f.generator.is_some()) => {
                Err(self
                    .error(e.range(), "`yield from` is supported as a statement only")
                    .with_help("write `yield from xs` on its own line"))
            }
            ast::Expr::YieldFrom(_) => Err(self
                .error(e.range(), "`yield` is not supported here")
                .with_help("write the generator as a function or method of its own")),
            ast::Expr::NamedExpr(_) => Err(self
                .error(e.range(), "`:=` is not supported yet")
                .with_help("`:=` is supported where it runs first in its statement or condition; assign the value in its own statement first")),
            ast::Expr::List(_) | ast::Expr::Dict(_) => self.container_literal(e),
            ast::Expr::ListComp(l) => self.list_comprehension(&l.elt, &l.generators, l.range),
            ast::Expr::GeneratorExp(g) => {
                let mut e = self.list_comprehension(&g.elt, &g.generators, g.range)?;
                if let ExprKind::Comprehension { lazy, .. } = &mut e.kind {
                    *lazy = true;
                }
                Ok(e)
            }
            ast::Expr::DictComp(d) => self.dict_comprehension(d, None),
            ast::Expr::Set(s) => self.set_literal(s),
            ast::Expr::SetComp(s) => self.set_comprehension(s),
            ast::Expr::Tuple(_) => self.container_literal(e),
            ast::Expr::Subscript(s) => self.subscript(s),
            ast::Expr::Lambda(_) => Err(self
                .error(e.range(), "cannot tell the parameter types of this lambda")
                .with_help("pass it where a `Callable[[...], R]` is expected, or assign it to an annotated variable (`f: Callable[[int], int] = lambda x: ...`)")),
            _ => Err(self
                .error(e.range(), "unsupported expression")
                .with_help("this expression is not supported by kybra-aot yet")),
        }
    }

    /// An expression whose value goes where a `want` is expected (a
    /// parameter, a result, an annotated variable, a field): dict, list and
    /// tuple literals take their Candid type from there; other values are
    /// converted as `coerce` allows.
    pub(crate) fn expect(&mut self, e: &ast::Expr, want: Ty) -> Result<Expr, Diagnostic> {
        let mut target = want;
        while let TyKind::Opt(t) = self.types.kind(target) {
            target = *t;
        }
        let built = match (e, self.types.kind(target).clone()) {
            (ast::Expr::Dict(d), TyKind::Nominal(def)) => Some(self.dict_literal(d, def, target)?),
            (ast::Expr::Dict(d), TyKind::Dict(k, v)) => {
                Some(self.typed_dict_literal(d, target, k, v)?)
            }
            (ast::Expr::Tuple(tu), TyKind::Func(_)) => Some(self.func_literal(tu, target)?),
            (ast::Expr::Tuple(tu), TyKind::Nominal(_)) if self.tuple_view(target).is_some() => {
                let view = self.tuple_view(target).unwrap_or(target);
                let v = self.expect(e, view)?;
                let span = self.span(tu.range);
                Some(Expr::new(target, ExprKind::Convert(Box::new(v)), span))
            }
            (ast::Expr::DictComp(d), TyKind::Dict(k, v)) => {
                Some(self.dict_comprehension(d, Some((k, v)))?)
            }
            (ast::Expr::IfExp(i), _) => return self.if_exp(i, Some(want)),
            (ast::Expr::Lambda(l), TyKind::Callable { .. }) => {
                Some(self.lambda_value(l, target, None)?)
            }
            (ast::Expr::Attribute(_) | ast::Expr::Name(_), TyKind::Callable { .. }) => {
                self.math_function_value(e, target).transpose()?
            }
            (ast::Expr::Call(c), _) if self.is_kybra(&c.func, "match") => {
                return self.match_call(c, Some(want))
            }
            (ast::Expr::List(l), TyKind::List(t))
                if l.elts.iter().any(|x| matches!(x, ast::Expr::Starred(_))) =>
            {
                Some(self.splice_literal(l, Some(t))?)
            }
            (ast::Expr::List(l), TyKind::List(t)) => {
                let mut items = Vec::new();
                for x in &l.elts {
                    items.push(self.expect(x, t)?);
                }
                Some(Expr::new(target, ExprKind::List(items), self.span(l.range)))
            }
            (ast::Expr::Tuple(tu), TyKind::Tuple(tys)) => {
                if tu.elts.len() != tys.len() {
                    return Err(self
                        .error(
                            tu.range,
                            format!(
                                "expected a tuple of {} values, found {}",
                                tys.len(),
                                tu.elts.len()
                            ),
                        )
                        .with_help(format!("write `({})`", vec!["..."; tys.len()].join(", "))));
                }
                let mut items = Vec::new();
                for (x, t) in tu.elts.iter().zip(tys) {
                    items.push(self.expect(x, t)?);
                }
                Some(Expr::new(
                    target,
                    ExprKind::Tuple(items),
                    self.span(tu.range),
                ))
            }
            _ => None,
        };
        let v = match built {
            Some(v) => v,
            None => self.expr(e)?,
        };
        let ty = v.ty;
        self.coerce(v, want, e.range())
            .map_err(|d| match self.optional_help(e, ty) {
                Some(help) => d.with_help(help),
                None => d,
            })
    }

    /// `{"field": value, ...}` as a Record, `{"Tag": value}` as a Variant.
    fn dict_literal(
        &mut self,
        d: &ast::ExprDict,
        def: crate::model::DefId,
        ty: Ty,
    ) -> Result<Expr, Diagnostic> {
        let span = self.span(d.range);
        let name = self.defs[def.0 as usize].name.clone();
        let (fields, variant) = match &self.defs[def.0 as usize].kind {
            crate::model::ir::DefKind::Record(f) => (f.clone(), false),
            crate::model::ir::DefKind::Variant(f) => (f.clone(), true),
            crate::model::ir::DefKind::Alias(_)
            | crate::model::ir::DefKind::Service(_)
            | crate::model::ir::DefKind::Exception(_)
            | crate::model::ir::DefKind::Class(_) => {
                return Err(self
                    .error(d.range, format!("`{name}` is not a Record or Variant"))
                    .with_help("dict literals build values of Record and Variant classes"))
            }
        };
        let names: Vec<&str> = fields.iter().map(|f| f.name.as_str()).collect();
        let mut given: Vec<(usize, &ast::Expr)> = Vec::new();
        // `{**base, "field": v}`: fields not given later come from `base`.
        let mut base: Option<Expr> = None;
        for (k, v) in d.keys.iter().zip(&d.values) {
            if k.is_none() && !variant {
                let b = self.expect(v, ty)?;
                let plain = {
                    let mut e = &b;
                    loop {
                        match &e.kind {
                            ExprKind::Field(inner, _) => e = inner,
                            ExprKind::Local(_) | ExprKind::Global(_) | ExprKind::ArmValue(_) => {
                                break true
                            }
                            _ => break false,
                        }
                    }
                };
                if !plain {
                    return Err(self
                        .error(v.range(), "`**` of a computed value is not supported yet")
                        .with_help("assign the value to a variable first: `{**x, ...}`"));
                }
                // Fields given before it are replaced by the base's.
                given.clear();
                base = Some(b);
                continue;
            }
            let key = match k {
                Some(ast::Expr::Constant(c)) => match &c.value {
                    ast::Constant::Str(s) => Some((s.clone(), c.range)),
                    _ => None,
                },
                _ => None,
            };
            let Some((key, range)) = key else {
                let range = k.as_ref().map_or(v.range(), |k| k.range());
                return Err(self
                    .error(range, format!("a `{name}` literal needs string keys"))
                    .with_help(format!(
                        "its {}: {}",
                        if variant { "tags" } else { "fields" },
                        names.join(", ")
                    )));
            };
            let Some(i) = names.iter().position(|n| *n == key) else {
                return Err(self
                    .error(
                        range,
                        format!(
                            "`{name}` has no {} {key:?}",
                            if variant { "tag" } else { "field" }
                        ),
                    )
                    .with_help(format!(
                        "its {}: {}",
                        if variant { "tags" } else { "fields" },
                        names.join(", ")
                    )));
            };
            if given.iter().any(|(j, _)| *j == i) {
                return Err(self
                    .error(range, format!("{key:?} is given twice"))
                    .with_help("give each field once"));
            }
            given.push((i, v));
        }
        if variant {
            let [(tag, v)] = given.as_slice() else {
                return Err(self
                    .error(
                        d.range,
                        format!(
                            "a value of `{name}` has exactly one tag, found {}",
                            given.len()
                        ),
                    )
                    .with_help(format!("e.g. `{{\"{}\": ...}}`", names[0])));
            };
            let payload = fields[*tag].ty;
            let member = format!("the tag {:?} of `{name}`", names[*tag]);
            let value = if payload == crate::model::CandidTy::NULL {
                let range = v.range();
                let v = self.expr(v)?;
                if v.ty != Ty::NONE {
                    return Err(self
                        .error(range, format!("the tag {:?} carries no value", names[*tag]))
                        .with_help(format!("write `{{\"{}\": None}}`", names[*tag])));
                }
                None
            } else {
                let want = self.types.member_ty(payload);
                Some(Box::new(
                    self.expect(v, want).map_err(|d| in_member(d, &member))?,
                ))
            };
            return Ok(Expr::new(
                ty,
                ExprKind::Variant {
                    def,
                    tag: *tag,
                    value,
                },
                span,
            ));
        }
        let mut values: Vec<Option<Expr>> = vec![None; fields.len()];
        let mut order = Vec::new();
        for (i, v) in &given {
            let want = self.types.member_ty(fields[*i].ty);
            let member = format!("the field {:?} of `{name}`", fields[*i].name);
            values[*i] = Some(self.expect(v, want).map_err(|d| in_member(d, &member))?);
            order.push(*i);
        }
        let mut out = Vec::new();
        for (i, v) in values.into_iter().enumerate() {
            let want = self.types.member_ty(fields[i].ty);
            match (v, &base) {
                (Some(v), _) => out.push(v),
                (None, Some(b)) => {
                    out.push(Expr::new(
                        want,
                        ExprKind::Field(Box::new(b.clone()), i),
                        span,
                    ));
                    order.push(i);
                }
                // An absent optional field is `None`.
                (None, None) if matches!(self.types.kind(want), TyKind::Opt(_)) => {
                    out.push(Expr::new(want, ExprKind::None, span));
                    order.push(i);
                }
                (None, None) => {
                    return Err(self
                        .error(
                            d.range,
                            format!("missing field {:?} of `{name}`", fields[i].name),
                        )
                        .with_help(format!("add `\"{}\": ...`", fields[i].name)))
                }
            }
        }
        Ok(Expr::new(
            ty,
            ExprKind::Record {
                def,
                fields: out,
                order,
            },
            span,
        ))
    }

    /// `x is None`, `x is not None` on optional values and `"Tag" in v` on
    /// Variants (`not in` too).
    fn special_compare(&mut self, c: &ast::ExprCompare) -> Result<Option<Expr>, Diagnostic> {
        let span = self.span(c.range);
        let ([op], [right]) = (c.ops.as_slice(), c.comparators.as_slice()) else {
            return Ok(None);
        };
        let negate = |e: Expr, yes: bool| {
            if yes {
                Expr::new(Ty::BOOL, ExprKind::Not(Box::new(e)), span)
            } else {
                e
            }
        };
        match op {
            ast::CmpOp::Is | ast::CmpOp::IsNot => {
                let is_none = matches!(right, ast::Expr::Constant(k) if matches!(k.value, ast::Constant::None));
                let left = self.expr(&c.left)?;
                let optional = matches!(self.types.kind(left.ty), TyKind::Opt(_));
                let none = matches!(left.ty, Ty::NONE | Ty::RESERVED);
                // A value of another type is never None (a narrowed name).
                let plain = !optional
                    && matches!(
                        left.kind,
                        ExprKind::Local(_)
                            | ExprKind::Global(_)
                            | ExprKind::ArmValue(_)
                            | ExprKind::Unwrap(_)
                    );
                if is_none && plain && !none {
                    let is_not = *op == ast::CmpOp::IsNot;
                    return Ok(Some(Expr::new(Ty::BOOL, ExprKind::Bool(is_not), span)));
                }
                if !is_none {
                    let r = self.expr(right)?;
                    if let Some(e) = self.class_compare(c, &[left.clone(), r.clone()])? {
                        return Ok(Some(e));
                    }
                    // Two containers (or Records) of one type: the same
                    // object (`passes::sharing` makes such types shared).
                    let object = matches!(
                        self.types.kind(left.ty),
                        TyKind::List(_) | TyKind::Dict(..) | TyKind::Set(_) | TyKind::FrozenSet(_)
                    ) || matches!(*self.types.kind(left.ty), TyKind::Nominal(d)
                        if matches!(self.defs[d.0 as usize].kind, crate::model::ir::DefKind::Record(_)));
                    if object && left.ty == r.ty {
                        let same =
                            Expr::new(Ty::BOOL, ExprKind::Is(Box::new(left), Box::new(r)), span);
                        return Ok(Some(negate(same, *op == ast::CmpOp::IsNot)));
                    }
                }
                if !is_none || !(optional || none) {
                    return Err(self
                        .error(c.range, "`is` is supported only as `x is None` / `x is not None` on optional values")
                        .with_help("use `==` / `!=` to compare values"));
                }
                let test = if optional {
                    Expr::new(Ty::BOOL, ExprKind::IsNone(Box::new(left)), span)
                } else {
                    Expr::new(Ty::BOOL, ExprKind::Bool(true), span)
                };
                Ok(Some(negate(test, *op == ast::CmpOp::IsNot)))
            }
            ast::CmpOp::In | ast::CmpOp::NotIn => {
                let v = self.expr(right)?;
                if let Some(test) = self.membership(&c.left, v.clone())? {
                    return Ok(Some(negate(test, *op == ast::CmpOp::NotIn)));
                }
                let ast::Expr::Constant(k) = &*c.left else {
                    return Ok(None);
                };
                let ast::Constant::Str(tag) = &k.value else {
                    return Ok(None);
                };
                // Other containers (substrings) are ordinary comparisons.
                let TyKind::Nominal(def) = self.types.kind(v.ty).clone() else {
                    return Ok(None);
                };
                let def_name = self.defs[def.0 as usize].name.clone();
                let test = match &self.defs[def.0 as usize].kind {
                    crate::model::ir::DefKind::Variant(tags) => {
                        let Some(i) = tags.iter().position(|t| &t.name == tag) else {
                            let names: Vec<&str> = tags.iter().map(|t| t.name.as_str()).collect();
                            return Err(self
                                .error(c.left.range(), format!("`{def_name}` has no tag {tag:?}"))
                                .with_help(format!("its tags: {}", names.join(", "))));
                        };
                        Expr::new(Ty::BOOL, ExprKind::HasTag(Box::new(v), i), span)
                    }
                    // A Record always holds all its fields.
                    crate::model::ir::DefKind::Record(fields) => {
                        let has = fields.iter().any(|f| &f.name == tag);
                        Expr::new(Ty::BOOL, ExprKind::Bool(has), span)
                    }
                    crate::model::ir::DefKind::Alias(_)
                    | crate::model::ir::DefKind::Service(_)
                    | crate::model::ir::DefKind::Exception(_)
                    | crate::model::ir::DefKind::Class(_) => return Ok(None),
                };
                Ok(Some(negate(test, *op == ast::CmpOp::NotIn)))
            }
            _ => Ok(None),
        }
    }

    /// The standard-library module `e` names (`math`), unless a local
    /// shadows it.
    pub(crate) fn native_module(&self, e: &ast::Expr) -> Option<String> {
        let ast::Expr::Name(n) = e else { return None };
        let name = n.id.as_str();
        let shadowed = self
            .fun
            .as_ref()
            .is_some_and(|f| f.assigned.contains(name) || f.arm_params.iter().any(|p| p.0 == name));
        if shadowed {
            return None;
        }
        self.native_modules.get(name).cloned()
    }

    /// A name imported from a standard-library module (`from math import
    /// sqrt`), unless a local, global or function of that name shadows it.
    pub(crate) fn native_name(&self, name: &str) -> Option<(String, String)> {
        let shadowed = self.fun.as_ref().is_some_and(|f| {
            f.assigned.contains(name)
                || f.global_decls.contains(name)
                || f.arm_params.iter().any(|p| p.0 == name)
        });
        if shadowed || self.global(name).is_some() || self.function_id(name).is_some() {
            return None;
        }
        self.native_names.get(name).cloned()
    }

    /// `math.pi` and the module's other constants, as CPython defines them
    /// (also imported: `from math import pi`). (`MATH_NAMES`: every public
    /// name of CPython 3.11's `math`.)
    pub(crate) fn native_constant(
        &self,
        module: &str,
        name: &str,
        range: TextRange,
    ) -> Result<Expr, Diagnostic> {
        let value = match (module, name) {
            ("math", "pi") => std::f64::consts::PI,
            ("math", "e") => std::f64::consts::E,
            ("math", "tau") => std::f64::consts::TAU,
            ("math", "inf") => f64::INFINITY,
            ("math", "nan") => f64::NAN,
            (_, name) => return Err(self.math_unsupported(module, name, range, false)),
        };
        Ok(Expr::new(
            Ty::FLOAT64,
            ExprKind::Float(value),
            self.span(range),
        ))
    }

    /// Whether `str()` of a `t` value is supported: primitives, and lists,
    /// dicts, tuples, optionals, Records and Variants of them.
    fn printable_ty(&self, t: Ty, seen: &mut Vec<crate::model::DefId>) -> bool {
        if t.is_numeric()
            || matches!(
                t,
                Ty::BOOL
                    | Ty::STR
                    | Ty::BYTES
                    | Ty::NONE
                    | Ty::PRINCIPAL
                    | Ty::NAT
                    | Ty::RESERVED
                    | Ty::EXCEPTION
                    | Ty::EXC_ARGS
                    | Ty::NUM
            )
        {
            return true;
        }
        match self.types.kind(t) {
            TyKind::Opt(x) | TyKind::List(x) | TyKind::Set(x) | TyKind::FrozenSet(x) => {
                self.printable_ty(*x, seen)
            }
            TyKind::Dict(k, v) => self.printable_ty(*k, seen) && self.printable_ty(*v, seen),
            TyKind::Tuple(items) => items.iter().all(|x| self.printable_ty(*x, seen)),
            TyKind::VarTuple(x) => self.printable_ty(*x, seen),
            TyKind::Nominal(d) => {
                if seen.contains(d) {
                    return true;
                }
                seen.push(*d);
                match &self.defs[d.0 as usize].kind {
                    // `__str__`/`__repr__`, a dataclass's or CPython's default.
                    crate::model::ir::DefKind::Class(_) => true,
                    crate::model::ir::DefKind::Record(fields)
                    | crate::model::ir::DefKind::Variant(fields) => fields.iter().all(|f| {
                        // Field types were interned when the definition was read.
                        match self.types.find_member_ty(f.ty) {
                            Some(m) => self.printable_ty(m, seen),
                            None => false,
                        }
                    }),
                    // A recursive tuple alias prints as its tuple.
                    crate::model::ir::DefKind::Alias(_) => self
                        .tuple_view_of(t)
                        .is_some_and(|view| self.printable_ty(view, seen)),
                    _ => false,
                }
            }
            _ => false,
        }
    }

    /// `str()` of a value.
    pub(crate) fn printable(&self, e: &Expr, range: TextRange) -> Result<(), Diagnostic> {
        if let ExprKind::Convert(inner) = &e.kind {
            if let TyKind::VarTuple(_) = self.types.kind(inner.ty) {
                return self.printable(inner, range);
            }
        }
        if self.printable_ty(e.ty, &mut Vec::new()) {
            return Ok(());
        }
        if e.ty == Ty::NEVER && self.guessing() {
            // A helper's result not known yet: this round is thrown away.
            return Ok(());
        }
        Err(self
            .error(
                range,
                format!(
                    "`str()` of a `{}` value is not supported yet",
                    self.types.display(e.ty)
                ),
            )
            .with_help("format its fields one by one"))
    }

    /// The field (or tag) of Record or Variant `def` that the literal key
    /// `key` names, and the Python type held there.
    pub(crate) fn member_key(
        &mut self,
        def: crate::model::DefId,
        key: &ast::Expr,
    ) -> Result<(usize, Ty), Diagnostic> {
        let fields = match &self.defs[def.0 as usize].kind {
            crate::model::ir::DefKind::Record(f) | crate::model::ir::DefKind::Variant(f) => {
                f.clone()
            }
            crate::model::ir::DefKind::Alias(_)
            | crate::model::ir::DefKind::Service(_)
            | crate::model::ir::DefKind::Exception(_)
            | crate::model::ir::DefKind::Class(_) => Vec::new(),
        };
        let name = match key {
            ast::Expr::Constant(c) => match &c.value {
                ast::Constant::Str(k) => Some(k.clone()),
                _ => None,
            },
            _ => None,
        };
        let record = self.defs[def.0 as usize].name.clone();
        let Some(name) = name else {
            return Err(self
                .error(
                    key.range(),
                    format!("a `{record}` field must be named by a string literal"),
                )
                .with_help(format!(
                    "e.g. `x[\"{}\"]`",
                    fields.first().map_or("field", |f| f.name.as_str())
                )));
        };
        let Some(i) = fields.iter().position(|f| f.name == name) else {
            let names: Vec<&str> = fields.iter().map(|f| f.name.as_str()).collect();
            return Err(self
                .error(key.range(), format!("`{record}` has no field {name:?}"))
                .with_help(format!("its fields: {}", names.join(", "))));
        };
        let ty = self.types.member_ty(fields[i].ty);
        Ok((i, ty))
    }

    /// `record["field"]` on a Record value.
    fn subscript(&mut self, s: &ast::ExprSubscript) -> Result<Expr, Diagnostic> {
        if let Some(e) = self.class_subscript(s)? {
            return Ok(e);
        }
        let base = self.expr(&s.value)?;
        let span = self.span(s.range);
        if let Some(shape) = self.pending_container(base.ty) {
            // An item of a container being inferred: its item variable.
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
            return Ok(Expr::new(
                item,
                ExprKind::Index(Box::new(base), Box::new(index)),
                span,
            ));
        }
        if let TyKind::Func(_) = self.types.kind(base.ty) {
            return self.func_item(base, s);
        }
        if let TyKind::Tuple(items) = self.types.kind(base.ty).clone() {
            let index = super::stmt::const_int(&s.slice);
            let n = items.len() as i64;
            let Some(i) = index
                .map(|i| if i < 0 { i + n } else { i })
                .filter(|i| (0..n).contains(i))
            else {
                return Err(self
                    .error(s.slice.range(), format!("a tuple of {n} values is indexed with an integer literal from {} to {}", -n, n - 1))
                    .with_help("Python raises IndexError for other indices"));
            };
            let ty = items[i as usize];
            return Ok(Expr::new(
                ty,
                ExprKind::Field(Box::new(base), i as usize),
                span,
            ));
        }
        let base = match self.item(base, s)? {
            Ok(item) => return Ok(item),
            Err(base) => base,
        };
        let TyKind::Nominal(def) = *self.types.kind(base.ty) else {
            return Err(self
                .error(
                    s.range,
                    format!(
                        "subscripts of `{}` values are not supported yet",
                        self.types.display(base.ty)
                    ),
                )
                .with_help("read a Record's field with `record[\"field\"]`"));
        };
        let variant = matches!(
            self.defs[def.0 as usize].kind,
            crate::model::ir::DefKind::Variant(_)
        );
        let (i, ty) = self.member_key(def, &s.slice)?;
        let kind = if variant {
            ExprKind::Payload(Box::new(base), i)
        } else {
            ExprKind::Field(Box::new(base), i)
        };
        Ok(Expr::new(ty, kind, span))
    }

    fn constant(&mut self, c: &ast::Constant, range: TextRange) -> Result<Expr, Diagnostic> {
        let span = self.span(range);
        Ok(match c {
            ast::Constant::None => Expr::new(Ty::NONE, ExprKind::None, span),
            ast::Constant::Bool(b) => Expr::new(Ty::BOOL, ExprKind::Bool(*b), span),
            ast::Constant::Str(s) => Expr::new(Ty::STR, ExprKind::Str(s.clone()), span),
            ast::Constant::Bytes(b) => Expr::new(Ty::BYTES, ExprKind::Bytes(b.clone()), span),
            ast::Constant::Int(i) => Expr::new(Ty::INT, ExprKind::Int(i.clone()), span),
            ast::Constant::Float(f) => Expr::new(Ty::FLOAT64, ExprKind::Float(*f), span),
            _ => {
                return Err(self
                    .error(range, "unsupported literal")
                    .with_help("supported literals: int, float, str, bytes, bool, None"))
            }
        })
    }

    /// The common type of `a` and `b`'s type, for values that are compared
    /// or chosen between (not computed with): a literal next to a
    /// fixed-width value keeps its type when it fits; mixed widths meet in
    /// the wider one.
    pub(crate) fn unify(&self, a: Ty, b: &Expr) -> Option<Ty> {
        let bt = b.ty;
        if a == bt {
            return Some(a);
        }
        let numeric = |t: Ty| t.is_numeric() || t == Ty::BOOL;
        if (a == Ty::NUM && (numeric(bt) || bt == Ty::NUM)) || (bt == Ty::NUM && numeric(a)) {
            return Some(Ty::NUM);
        }
        if numeric(a) && numeric(bt) {
            if a.is_float() || bt.is_float() {
                return Some(Ty::FLOAT64);
            }
            return Some(match (a.as_fixed(), bt.as_fixed()) {
                (Some(k), None) if matches!(&b.kind, ExprKind::Int(i) if fits(i, k.range())) => a,
                (Some(x), Some(y)) if x.contains(y) => a,
                (Some(x), Some(y)) if y.contains(x) => bt,
                _ => Ty::INT,
            });
        }
        None
    }

    /// Converts `e` to type `to` where Python would accept the value. A
    /// narrowing to a fixed-width type is range-checked at run time.
    pub(crate) fn coerce(&self, e: Expr, to: Ty, range: TextRange) -> Result<Expr, Diagnostic> {
        if e.ty == to {
            return Ok(e);
        }
        if let Some(e) = self.pending_coerce(&e, to) {
            return Ok(e);
        }
        let e = match self.class_upcast(e, to) {
            Ok(e) => return Ok(e),
            Err(e) => e,
        };
        let span = e.span;
        // A tuple into a recursive tuple alias (back, if it was one).
        if self.tuple_view_of(to) == Some(e.ty) {
            if let ExprKind::Convert(inner) = &e.kind {
                if inner.ty == to {
                    return Ok((**inner).clone());
                }
            }
            return Ok(Expr::new(to, ExprKind::Convert(Box::new(e)), span));
        }
        // Any number into a run-time number; a run-time number where a
        // float is expected (`int` values convert, as `float(x)` does).
        if (to == Ty::NUM && (e.ty.is_numeric() || e.ty == Ty::BOOL))
            || (e.ty == Ty::NUM && to.is_float())
        {
            return Ok(Expr::new(to, ExprKind::Convert(Box::new(e)), span));
        }
        // A call that never returns fits anywhere.
        if e.ty == Ty::NEVER {
            return Ok(Expr::new(to, ExprKind::Convert(Box::new(e)), span));
        }
        // Kybra's `reserved` is `Any`: it takes any value, and drops it.
        if to == Ty::RESERVED {
            return Ok(Expr::new(to, ExprKind::Convert(Box::new(e)), span));
        }
        if to == Ty::NEVER {
            return Err(self
                .error(range, "no value has the type `empty`")
                .with_help(
                    "nothing produces an `empty` value; a method returning `empty` must end with `ic.trap(...)`",
                ));
        }
        // `None` is an absent `Opt[T]`; any `T` value a present one.
        if let TyKind::Opt(inner) = self.types.kind(to) {
            let inner = *inner;
            if e.ty == Ty::NONE && matches!(e.kind, ExprKind::None) {
                return Ok(Expr::new(to, ExprKind::None, span));
            }
            let v = self.coerce(e, inner, range)?;
            return Ok(Expr::new(to, ExprKind::Some(Box::new(v)), span));
        }
        if let ExprKind::Int(i) = &e.kind {
            if to == Ty::INT {
                return Ok(Expr::new(Ty::INT, e.kind, span));
            }
            if to == Ty::NAT && i.is_negative() {
                return Err(self
                    .error(range, format!("{i} does not fit in `nat`"))
                    .with_help("`nat` holds the integers from 0 up"));
            }
            if let Some(k) = to.as_fixed() {
                if fits(i, k.range()) {
                    return Ok(Expr::new(to, e.kind, span));
                }
                return Err(self
                    .error(range, format!("{i} does not fit in `{}`", k.candid_name()))
                    .with_help(format!(
                        "`{}` holds {} to {}",
                        k.candid_name(),
                        k.range().0,
                        k.range().1
                    )));
            }
            if to.is_float() {
                return Ok(Expr::new(
                    to,
                    ExprKind::Float(i.to_f64().unwrap_or(f64::INFINITY)),
                    span,
                ));
            }
        }
        if let (ExprKind::Float(f), true) = (&e.kind, to.is_float()) {
            return Ok(Expr::new(to, ExprKind::Float(*f), span));
        }
        let ok = (e.ty.is_integral() && (to.is_integral() || to.is_float() || to == Ty::NAT))
            || (e.ty.is_float() && to.is_float())
            || (e.ty == Ty::BOOL && to == Ty::INT);
        if ok {
            return Ok(Expr::new(to, ExprKind::Convert(Box::new(e)), span));
        }
        let optional = matches!(self.types.kind(e.ty), TyKind::Opt(t) if !matches!(self.types.kind(to), TyKind::Opt(_)) && (*t == to || self.unify(to, &Expr::new(*t, ExprKind::None, span)).is_some()));
        let help = if optional {
            "the value may be None: check `x is not None` first; in that branch `x` holds a plain value"
        } else if e.ty.is_float() && to.is_integral() {
            "Python would keep a float here; this compiler keeps each variable's type: convert explicitly with `int(...)`, or change the annotation"
        } else if to == Ty::STR {
            "convert with `str(...)` or an f-string"
        } else {
            "change the annotation or the value"
        };
        Err(self
            .error(
                range,
                format!(
                    "expected `{}`, found `{}`",
                    self.types.display(to),
                    self.types.display(e.ty)
                ),
            )
            .with_help(help))
    }

    /// `(a, b) * n` with a literal count: the tuple literal's items
    /// repeated (a tuple's type says its length, so `n` must be known).
    fn tuple_repeat(&mut self, t: Expr, n: Expr, range: TextRange) -> Result<Expr, Diagnostic> {
        let span = self.span(range);
        let count = match &n.kind {
            ExprKind::Int(i) => i.to_i64().map(|c| c.max(0) as usize),
            ExprKind::Bool(b) => Some(usize::from(*b)),
            _ => None,
        };
        let items = match &t.kind {
            ExprKind::Tuple(items) if !items.iter().any(crate::model::effects::has_effects) => {
                Some(items)
            }
            _ => None,
        };
        let (Some(count), Some(items)) = (count, items) else {
            return Err(self
                .error(
                    range,
                    "repeating a tuple is supported for a tuple literal times an int literal",
                )
                .with_help(
                    "a tuple's length is part of its type: write `(a, b) * 2`, or use a list",
                ));
        };
        if count.saturating_mul(items.len()) > 1024 {
            return Err(self
                .error(range, "this tuple would have more than 1024 items")
                .with_help("use a list: `[a, b] * n`"));
        }
        let items: Vec<Expr> = (0..count).flat_map(|_| items.iter().cloned()).collect();
        let tys = items.iter().map(|e| e.ty).collect();
        let ty = self.types.intern(TyKind::Tuple(tys));
        Ok(Expr::new(ty, ExprKind::Tuple(items), span))
    }

    pub(crate) fn truthy(&mut self, e: Expr) -> Expr {
        if e.ty == Ty::BOOL {
            return e;
        }
        if let Some(t) = self.class_truthy(&e) {
            return t;
        }
        let span = e.span;
        Expr::new(Ty::BOOL, ExprKind::Truthy(Box::new(e)), span)
    }

    pub(crate) fn binary(
        &mut self,
        op: BinOp,
        l: Expr,
        r: Expr,
        range: TextRange,
    ) -> Result<Expr, Diagnostic> {
        if let Some(e) = self.set_binary(op, &l, &r, range) {
            return e;
        }
        let span = self.span(range);
        // `xs + ys` of two lists of one type: a new list.
        if op == BinOp::Add && l.ty == r.ty && matches!(self.types.kind(l.ty), TyKind::List(_)) {
            let ty = l.ty;
            return Ok(Expr::new(
                ty,
                ExprKind::Splice(vec![(true, l), (true, r)]),
                span,
            ));
        }
        // `"%s: %d" % (name, n)`: printf-style formatting.
        if op == BinOp::Mod && l.ty == Ty::STR {
            let ExprKind::Str(fmt) = &l.kind else {
                return Err(self
                    .error(
                        range,
                        "`%` formatting is supported with a literal format string",
                    )
                    .with_help("write the format string in place, or use an f-string"));
            };
            let fmt = fmt.clone();
            return self.percent_format(&fmt, r, range);
        }
        // `a | b` of two dicts of one type: a new dict, `b`'s entries last.
        if op == BinOp::BitOr && l.ty == r.ty && matches!(self.types.kind(l.ty), TyKind::Dict(..)) {
            let ty = l.ty;
            return Ok(Expr::new(
                ty,
                ExprKind::DictSplice(vec![(None, l), (None, r)]),
                span,
            ));
        }
        let type_error = |this: &Self| {
            let help = if l.ty == Ty::STR || r.ty == Ty::STR {
                "convert the other operand with `str(...)`, or use an f-string: f\"...{x}\""
            } else {
                "Python raises TypeError for these operand types"
            };
            this.error(
                range,
                format!(
                    "unsupported operand types for {}: '{}' and '{}'",
                    op.symbol(),
                    this.types.display(l.ty),
                    this.types.display(r.ty)
                ),
            )
            .with_help(help)
        };
        let int_like = |t: Ty| t.is_integral() || t == Ty::BOOL;
        match (l.ty, r.ty, op) {
            (Ty::STR, Ty::STR, BinOp::Add) | (Ty::BYTES, Ty::BYTES, BinOp::Add) => {
                return Ok(Expr::new(
                    l.ty,
                    ExprKind::Binary(op, Box::new(l), Box::new(r)),
                    span,
                ));
            }
            (Ty::STR | Ty::BYTES, n, BinOp::Mul) if int_like(n) => {
                let ty = l.ty;
                let r = self.coerce(r, Ty::INT, range)?;
                return Ok(Expr::new(
                    ty,
                    ExprKind::Binary(op, Box::new(l), Box::new(r)),
                    span,
                ));
            }
            (n, Ty::STR | Ty::BYTES, BinOp::Mul) if int_like(n) => {
                return self.binary(op, r, l, range);
            }
            // `xs * n`: a new list, the items repeated (empty for `n <= 0`).
            (xs, n, BinOp::Mul)
                if matches!(self.types.kind(xs), TyKind::List(_)) && int_like(n) =>
            {
                let r = self.coerce(r, Ty::INT, range)?;
                return Ok(Expr::new(
                    xs,
                    ExprKind::Binary(op, Box::new(l), Box::new(r)),
                    span,
                ));
            }
            (n, xs, BinOp::Mul)
                if matches!(self.types.kind(xs), TyKind::List(_)) && int_like(n) =>
            {
                return self.binary(op, r, l, range);
            }
            (t, n, BinOp::Mul) if int_like(n) && matches!(self.types.kind(t), TyKind::Tuple(_)) => {
                return self.tuple_repeat(l, r, range);
            }
            (n, t, BinOp::Mul) if int_like(n) && matches!(self.types.kind(t), TyKind::Tuple(_)) => {
                return self.tuple_repeat(r, l, range);
            }
            _ => {}
        }
        let numeric = |t: Ty| t.is_numeric() || t == Ty::BOOL || t == Ty::NUM;
        if !numeric(l.ty) || !numeric(r.ty) {
            return Err(type_error(self));
        }
        // A number known only at run time: its operations decide there.
        if l.ty == Ty::NUM || r.ty == Ty::NUM {
            if !matches!(
                op,
                BinOp::Add
                    | BinOp::Sub
                    | BinOp::Mul
                    | BinOp::Div
                    | BinOp::FloorDiv
                    | BinOp::Mod
                    | BinOp::Pow
            ) {
                return Err(self
                    .error(
                        range,
                        "bit operations on a name that may hold a float are not supported",
                    )
                    .with_help("keep the name an int on every path"));
            }
            // With a float operand the result is a float whatever the other.
            let float = l.ty.is_float() || r.ty.is_float();
            let l = self.coerce(l, Ty::NUM, range)?;
            let r = self.coerce(r, Ty::NUM, range)?;
            let ty = if op == BinOp::Div {
                Ty::FLOAT64
            } else {
                Ty::NUM
            };
            let e = Expr::new(ty, ExprKind::Binary(op, Box::new(l), Box::new(r)), span);
            return if float && ty == Ty::NUM {
                self.coerce(e, Ty::FLOAT64, range)
            } else {
                Ok(e)
            };
        }
        // Python has one int and one float: fixed-width operands compute as
        // `int`, `float32` ones as `float64`.
        // `int ** negative int` is a float in Python (both operands become
        // floats); with a literal exponent the type is known statically.
        let negative_exponent =
            op == BinOp::Pow && matches!(&r.kind, ExprKind::Int(i) if i.is_negative());
        let ty = if l.ty.is_float() || r.ty.is_float() || negative_exponent {
            Ty::FLOAT64
        } else {
            Ty::INT
        };
        if ty.is_float()
            && matches!(
                op,
                BinOp::BitAnd | BinOp::BitOr | BinOp::BitXor | BinOp::Shl | BinOp::Shr
            )
        {
            return Err(type_error(self));
        }
        let l = self.coerce(l, ty, range)?;
        let r = self.coerce(r, ty, range)?;
        // Fold integer literals, with Python semantics.
        if let (ExprKind::Int(a), ExprKind::Int(b)) = (&l.kind, &r.kind) {
            if let Some(v) = fold_int(op, a, b) {
                return Ok(Expr::new(Ty::INT, ExprKind::Int(v), span));
            }
        }
        let result_ty = if op == BinOp::Div { Ty::FLOAT64 } else { ty };
        Ok(Expr::new(
            result_ty,
            ExprKind::Binary(op, Box::new(l), Box::new(r)),
            span,
        ))
    }

    fn compare(&mut self, c: &ast::ExprCompare) -> Result<Expr, Diagnostic> {
        let span = self.span(c.range);
        if let Some(e) = self.exception_type_compare(c)? {
            return Ok(e);
        }
        if let Some(e) = self.special_compare(c)? {
            return Ok(e);
        }
        let mut operands = vec![self.expr(&c.left)?];
        for comp in &c.comparators {
            operands.push(self.expr(comp)?);
        }
        if let Some(e) = self.class_compare(c, &operands)? {
            return Ok(e);
        }
        let ops: Vec<CmpOp> = c
            .ops
            .iter()
            .map(|op| match op {
                ast::CmpOp::Eq => Ok(CmpOp::Eq),
                ast::CmpOp::NotEq => Ok(CmpOp::NotEq),
                ast::CmpOp::Lt => Ok(CmpOp::Lt),
                ast::CmpOp::LtE => Ok(CmpOp::LtE),
                ast::CmpOp::Gt => Ok(CmpOp::Gt),
                ast::CmpOp::GtE => Ok(CmpOp::GtE),
                ast::CmpOp::In => Ok(CmpOp::In),
                ast::CmpOp::NotIn => Ok(CmpOp::NotIn),
                ast::CmpOp::Is | ast::CmpOp::IsNot => Err(self
                    .error(c.range, "`is` comparisons are not supported yet")
                    .with_help("use `==` / `!=`")),
            })
            .collect::<Result<_, _>>()?;
        if let Some(e) = self.set_compare(c.range, &operands, &ops) {
            return e;
        }
        if ops.iter().any(|o| matches!(o, CmpOp::In | CmpOp::NotIn))
            && (ops.len() > 1 || operands[0].ty != Ty::STR || operands[1].ty != Ty::STR)
        {
            return Err(self
                .error(
                    c.range,
                    "`in` is supported for substring tests on `str` only",
                )
                .with_help("write `needle in haystack` with two strings"));
        }
        let optional: Vec<(&ast::Expr, Ty)> = std::iter::once(&*c.left)
            .chain(&c.comparators)
            .zip(operands.iter().map(|o| o.ty))
            .collect();
        let mixed = operands.iter().any(|o| o.ty != operands[0].ty);
        let ordered = ops
            .iter()
            .any(|o| matches!(o, CmpOp::Lt | CmpOp::LtE | CmpOp::Gt | CmpOp::GtE));
        if (mixed || ordered) && !operands.iter().any(|o| o.ty == Ty::NONE) {
            if let Some(d) = self.optional_operand(&optional) {
                return Err(d);
            }
        }
        // One common type for the whole chain.
        let mut ty = operands[0].ty;
        for o in &operands[1..] {
            ty = self
                .unify(ty, o)
                .or_else(|| self.unify(o.ty, &operands[0]))
                .ok_or_else(|| {
                    self.error(
                        c.range,
                        format!(
                            "cannot compare `{}` with `{}`",
                            self.types.display(operands[0].ty),
                            self.types.display(o.ty)
                        ),
                    )
                    .with_help("compare values of the same type")
                })?;
        }
        let ty = if ty == Ty::BOOL && operands.iter().any(|o| o.ty != Ty::BOOL) {
            Ty::INT
        } else {
            ty
        };
        // An int compared with a float is compared exactly, as CPython
        // does (through `Num`), unless it is a literal a float holds.
        let exact_in_float = |o: &Expr| match &o.kind {
            ExprKind::Int(i) => i128::try_from(i).is_ok_and(|v| v.unsigned_abs() <= 1 << 53),
            _ => !o.ty.is_integral(),
        };
        let ty = if ty.is_float()
            && operands.iter().any(|o| o.ty.is_float())
            && !operands.iter().all(exact_in_float)
        {
            Ty::NUM
        } else {
            ty
        };
        let ordered = ops
            .iter()
            .any(|o| matches!(o, CmpOp::Lt | CmpOp::LtE | CmpOp::Gt | CmpOp::GtE));
        let primitive = ty.is_numeric() || matches!(ty, Ty::BOOL | Ty::STR | Ty::BYTES | Ty::NUM);
        if ordered && !primitive {
            return Err(self
                .error(
                    c.range,
                    format!("`{}` values cannot be ordered", self.types.display(ty)),
                )
                .with_help("compare with `==` or `!=`"));
        }
        let mut operands = operands
            .into_iter()
            .map(|o| self.coerce(o, ty, c.range))
            .collect::<Result<Vec<_>, _>>()?
            .into_iter();
        let left = operands.next().expect("left operand");
        let rest = ops.into_iter().zip(operands).collect();
        Ok(Expr::new(
            Ty::BOOL,
            ExprKind::Compare(Box::new(left), rest),
            span,
        ))
    }

    fn call(&mut self, c: &ast::ExprCall) -> Result<Expr, Diagnostic> {
        if let Some(e) = self.class_call(c)? {
            return Ok(e);
        }
        let span = self.span(c.range);
        let plain_function =
            matches!(&*c.func, ast::Expr::Name(f) if self.function_id(f.id.as_str()).is_some());
        // `sorted(xs, reverse=...)` and `xs.sort(reverse=...)`.
        let reverse_only = c
            .keywords
            .iter()
            .all(|k| matches!(k.arg.as_deref(), Some("reverse" | "key")))
            && match &*c.func {
                ast::Expr::Name(f) => f.id.as_str() == "sorted",
                ast::Expr::Attribute(a) => a.attr.as_str() == "sort",
                _ => false,
            };
        let print = matches!(&*c.func, ast::Expr::Name(f) if f.id.as_str() == "print");
        // `math.isclose(a, b, rel_tol=...)` checks its own keywords.
        let native = match &*c.func {
            ast::Expr::Attribute(a) => self.native_module(&a.value).is_some(),
            ast::Expr::Name(f) => self.native_name(f.id.as_str()).is_some(),
            _ => false,
        };
        if !c.keywords.is_empty()
            && !native
            && !plain_function
            && !reverse_only
            && !print
            && !super::library::takes_keywords(c)
        {
            return Err(self
                .error(c.range, "keyword arguments are not supported yet")
                .with_help("pass arguments by position"));
        }
        // ic.* APIs
        if let ast::Expr::Attribute(a) = &*c.func {
            if self.is_kybra(&a.value, "ic") {
                let method = a.attr.as_str();
                let arity = |this: &Self, n: usize| -> Result<(), Diagnostic> {
                    if c.args.len() != n {
                        return Err(this
                            .error(
                                c.range,
                                format!(
                                    "`ic.{method}` takes {n} argument{}",
                                    if n == 1 { "" } else { "s" }
                                ),
                            )
                            .with_help(format!(
                                "call it as in the Kybra Book: `ic.{method}(...)`"
                            )));
                    }
                    Ok(())
                };
                return match method {
                    "print" => {
                        arity(self, 1)?;
                        let v = self.expr(&c.args[0])?;
                        self.printable(&v, c.args[0].range())?;
                        Ok(Expr::new(Ty::NONE, ExprKind::Print(Box::new(v), true), span))
                    }
                    "trap" => {
                        arity(self, 1)?;
                        let v = self.expr(&c.args[0])?;
                        let v = self.coerce(v, Ty::STR, c.args[0].range())?;
                        Ok(Expr::new(Ty::NONE, ExprKind::Trap(Box::new(v)), span))
                    }
                    "caller" => {
                        arity(self, 0)?;
                        Ok(Expr::new(Ty::PRINCIPAL, ExprKind::Ic(IcCall::Caller), span))
                    }
                    "time" => {
                        arity(self, 0)?;
                        Ok(Expr::new(
                            Ty::fixed(Fixed::Nat64),
                            ExprKind::Ic(IcCall::Time),
                            span,
                        ))
                    }
                    "id" | "canister_balance" | "canister_balance128" => {
                        arity(self, 0)?;
                        let (ty, call) = match method {
                            "id" => (Ty::PRINCIPAL, IcCall::Id),
                            "canister_balance" => (Ty::fixed(Fixed::Nat64), IcCall::Balance),
                            _ => (Ty::INT, IcCall::Balance128),
                        };
                        Ok(Expr::new(ty, ExprKind::Ic(call), span))
                    }
                    other => Err(self
                        .error(c.func.range(), format!("`ic.{other}` is not supported yet"))
                        .with_help("supported: ic.print, ic.caller, ic.id, ic.time, ic.trap, ic.canister_balance, ic.canister_balance128")),
                };
            }
            if let Some(e) = self.ref_method_call(c, a)? {
                return Ok(e);
            }
            if let Some(e) = self.library_static_call(c, a) {
                return e;
            }
            if let Some(e) = self.module_call(c, a)? {
                return Ok(e);
            }
            if let Some(m) = self.native_module(&a.value) {
                return self.math_call(&m, a.attr.as_str(), c);
            }
            return self.method_call(a, c);
        }
        let ast::Expr::Name(f) = &*c.func else {
            // `make()(x)`, `table["k"](x)`: a call of a function value.
            let callee = self.expr(&c.func)?;
            return self.call_value(callee, c);
        };
        if let Some(e) = self.ref_constructor(c, f)? {
            return Ok(e);
        }
        let name = f.id.as_str();
        if let Some(e) = self.nested_call(name, c)? {
            return Ok(e);
        }
        if let Some(e) = self.local_call(name, f.range, c)? {
            return Ok(e);
        }
        let shadowed = self
            .fun
            .as_ref()
            .is_some_and(|f| f.assigned.contains(name) || f.global_decls.contains(name));
        if let Some(id) = self.function_id(name).filter(|_| !shadowed) {
            let sig = self.sig(id).clone();
            if self.is_generic(&sig) {
                return self.generic_call(id, c);
            }
            let args = self.call_args(name, &sig, c)?;
            return Ok(Expr::new(sig.ret, ExprKind::Call(id, args), span));
        }
        if shadowed || self.global(name).is_some() {
            let callee = self.name(name, f.range)?;
            if matches!(self.types.kind(callee.ty), TyKind::Callable { .. }) {
                return self.call_value(callee, c);
            }
            return Err(self
                .error(
                    c.func.range(),
                    format!("`{name}` is a variable here, and calling a variable's value is not supported"),
                )
                .with_help(format!("rename the variable so `{name}(...)` means the function")));
        }
        // `from math import pow`: the module's function, not the built-in.
        if let Some((m, n)) = self.native_name(name) {
            return self.math_call(&m, &n, c);
        }
        if let Some(r) = self.builtin_call(name, c) {
            return r;
        }
        if let Some(r) = self.library_call(name, c) {
            return r;
        }
        match name {
            "len" => {
                if c.args.len() != 1 {
                    return Err(self
                        .error(c.range, "len() takes exactly one argument")
                        .with_help("write `len(x)`"));
                }
                let v = self.expr(&c.args[0])?;
                if v.ty == Ty::EXC_ARGS {
                    return Ok(Expr::new(
                        Ty::INT,
                        ExprKind::Builtin(crate::model::ir::Builtin::Lib(crate::model::ir::LibFn::ArgsLen), vec![v]),
                        span,
                    ));
                }
                let sized = matches!(v.ty, Ty::STR | Ty::BYTES)
                    || matches!(
                        self.types.kind(v.ty),
                        TyKind::List(_)
                            | TyKind::Tuple(_)
                            | TyKind::Dict(..)
                            | TyKind::Set(_)
                            | TyKind::FrozenSet(_)
                    );
                if !sized {
                    return Err(self
                        .error(
                            c.args[0].range(),
                            format!("object of type '{}' has no len()", self.types.display(v.ty)),
                        )
                        .with_help("len() takes a str, bytes, Vec or Tuple value here"));
                }
                Ok(Expr::new(Ty::INT, ExprKind::Len(Box::new(v)), span))
            }
            "list" => self.list_call(c),
            "tuple" => self.tuple_call(c),
            "set" | "frozenset" => self.set_call(name, c),
            "dict" => self.dict_call(c),
            "map" => self.map_call(c),
            "range" => self.range_call(c),
            "type" => self.type_call(c),
            "str" => match c.args.as_slice() {
                [] => Ok(Expr::new(Ty::STR, ExprKind::Str(String::new()), span)),
                [a] => {
                    let v = self.expr(a)?;
                    if v.ty == Ty::STR {
                        return Ok(v);
                    }
                    self.printable(&v, a.range())?;
                    if super::builtins::is_dict_view(a, &v) {
                        let parts = super::builtins::str_parts(a, v, false);
                        return Ok(Expr::new(Ty::STR, ExprKind::FString(parts), span));
                    }
                    Ok(Expr::new(Ty::STR, ExprKind::ToStr(Box::new(v)), span))
                }
                _ => Err(self
                    .error(c.range, "str() takes at most one argument here")
                    .with_help("write `str(x)`")),
            },
            "repr" => match c.args.as_slice() {
                [a] => {
                    let v = self.expr(a)?;
                    self.printable(&v, a.range())?;
                    Ok(Expr::new(
                        Ty::STR,
                        ExprKind::FString(vec![FPart::Value {
                            expr: v,
                            repr: true,
                            spec: None,
                        }]),
                        span,
                    ))
                }
                _ => Err(self
                    .error(c.range, "repr() takes exactly one argument")
                    .with_help("write `repr(x)`")),
            },
            "print" => self.print_call(c),
            _ => Err(self
                .error(c.func.range(), format!("unknown function `{name}`"))
                .with_help("define it at module level; supported builtins so far: print, len, str, repr, list, map, range, type, abs, sum, min, max, sorted, any, all, int, float, round, enumerate, zip")),
        }
    }

    /// The arguments of a call of a module-level function, in parameter
    /// order: positional ones, then keywords by name, then defaults.
    pub(crate) fn call_args(
        &mut self,
        name: &str,
        sig: &super::Sig,
        c: &ast::ExprCall,
    ) -> Result<Vec<Expr>, Diagnostic> {
        let n = sig.params.len();
        let spread = self.expand_stars(&c.args)?;
        let call_args: &[ast::Expr] = spread.as_deref().unwrap_or(&c.args);
        // Named parameters, then `*args`, then `**kwargs`.
        let named = n - sig.varargs as usize - sig.varkw as usize;
        let positional = named - sig.kwonly;
        let star = call_args
            .iter()
            .position(|a| matches!(a, ast::Expr::Starred(_)));
        let fixed = star.unwrap_or(call_args.len());
        if fixed > positional && !sig.varargs {
            let help = if sig.kwonly > 0 {
                let kw: Vec<&str> = sig.params[positional..named]
                    .iter()
                    .map(|p| p.0.as_str())
                    .collect();
                format!("pass {} by name: `{}=...`", kw.join(", "), kw[0])
            } else {
                format!("pass one value per parameter of `{name}`")
            };
            return Err(self
                .error(
                    c.range,
                    format!(
                        "`{name}` takes {positional} positional argument(s) but {} were given",
                        call_args.len()
                    ),
                )
                .with_help(help));
        }
        if star.is_some_and(|i| i < positional || !sig.varargs) {
            return Err(self
                .error(
                    call_args[star.unwrap_or(0)].range(),
                    "`*` arguments are supported only where they all go to `*args`",
                )
                .with_help("pass the other values one by one"));
        }
        let mut given: Vec<Option<&ast::Expr>> = vec![None; named];
        // What goes into `*args` and `**kwargs`.
        let mut rest: Vec<&ast::Expr> = Vec::new();
        let mut extra_kw: Vec<(Option<&str>, &ast::Expr)> = Vec::new();
        for (i, a) in call_args.iter().enumerate() {
            if i < positional {
                given[i] = Some(a);
            } else {
                rest.push(a);
            }
        }
        for k in &c.keywords {
            let Some(arg) = &k.arg else {
                if sig.varkw {
                    extra_kw.push((None, &k.value));
                    continue;
                }
                return Err(self
                    .error(
                        k.range,
                        "`**` arguments are supported only where they go to `**kwargs`",
                    )
                    .with_help("pass the values by name"));
            };
            let Some(i) = sig.params[..named]
                .iter()
                .position(|(p, _)| p == arg.as_str())
            else {
                if sig.varkw {
                    extra_kw.push((Some(arg.as_str()), &k.value));
                    continue;
                }
                return Err(self
                    .error(k.range, format!("`{name}` has no parameter `{arg}`"))
                    .with_help("Python raises TypeError for this"));
            };
            if given[i].is_some() {
                return Err(self
                    .error(k.range, format!("`{name}` got several values for `{arg}`"))
                    .with_help("Python raises TypeError for this"));
            }
            given[i] = Some(&k.value);
        }
        let mut out = Vec::new();
        for (i, g) in given.iter().enumerate() {
            let (pname, t) = &sig.params[i];
            let source = g.or(sig.defaults[i].as_ref());
            let e = match (g, &sig.defaults[i]) {
                // An unannotated parameter: its type is the one that holds
                // every value passed (`slot_gets`).
                _ if source.is_some() && self.is_slot(sig.span, sig.skipped + i) => {
                    let a = source.expect("an argument");
                    let v = self.expr(a)?;
                    self.slot_gets(sig.span, sig.skipped + i, v.ty);
                    let t = self.slot_ty(sig.span, sig.skipped + i);
                    if matches!(self.types.kind(t), crate::model::TyKind::Pending(_)) {
                        v
                    } else {
                        self.coerce(v, t, a.range())?
                    }
                }
                // An int passed for a float parameter stays an int.
                (Some(a), _) if t.is_float() => {
                    let v = self.expr(a)?;
                    self.float_slot_gets(sig, i, v.ty);
                    self.coerce(v, *t, a.range())?
                }
                (None, Some(d)) if t.is_float() => {
                    let v = self.expr(d)?;
                    self.float_slot_gets(sig, i, v.ty);
                    self.coerce(v, *t, d.range())?
                }
                (Some(a), _) => self.expect(a, *t)?,
                (None, Some(d)) => self.expect(d, *t)?,
                (None, None) => {
                    return Err(self
                        .error(
                            c.range,
                            format!("`{name}` is missing the argument `{pname}`"),
                        )
                        .with_help("Python raises TypeError for this"))
                }
            };
            out.push(e);
        }
        if sig.varargs {
            let v = self.rest_args(sig, named, &rest, c)?;
            out.push(v);
        }
        if sig.varkw {
            let i = n - 1;
            let v = self.rest_kwargs(sig, i, &extra_kw, c)?;
            out.push(v);
        }
        // Keyword arguments are evaluated in the call's order, which may
        // differ from the parameters'.
        if !c.keywords.is_empty() {
            let effects = out
                .iter()
                .filter(|e| crate::model::effects::has_effects(e))
                .count();
            if effects > 1 {
                return Err(self
                    .error(
                        c.range,
                        "several arguments with effects passed by keyword are not supported yet",
                    )
                    .with_help("compute them into variables first"));
            }
        }
        Ok(out)
    }

    /// A call's arguments with `*t` of a tuple of known length (a name,
    /// or a tuple display) written out item by item (`t[0], t[1]`);
    /// `None` when there is nothing to expand.
    fn expand_stars(&mut self, args: &[ast::Expr]) -> Result<Option<Vec<ast::Expr>>, Diagnostic> {
        let mut out = Vec::new();
        let mut changed = false;
        for a in args {
            let ast::Expr::Starred(st) = a else {
                out.push(a.clone());
                continue;
            };
            match &*st.value {
                ast::Expr::Tuple(t)
                    if !t.elts.iter().any(|x| matches!(x, ast::Expr::Starred(_))) =>
                {
                    out.extend(t.elts.iter().cloned());
                    changed = true;
                }
                ast::Expr::Name(n) => {
                    let v = self.expr(&st.value)?;
                    let TyKind::Tuple(items) = self.types.kind(v.ty).clone() else {
                        out.push(a.clone());
                        continue;
                    };
                    for i in 0..items.len() {
                        out.push(ast::Expr::Subscript(ast::ExprSubscript {
                            range: st.range,
                            value: Box::new(ast::Expr::Name(n.clone())),
                            slice: Box::new(ast::Expr::Constant(ast::ExprConstant {
                                range: st.range,
                                value: ast::Constant::Int(i.into()),
                                kind: None,
                            })),
                            ctx: ast::ExprContext::Load,
                        }));
                    }
                    changed = true;
                }
                _ => out.push(a.clone()),
            }
        }
        Ok(changed.then_some(out))
    }

    /// The `*args` tuple of a call (parameter `i` of `sig`): the extra
    /// positional arguments, `*xs` spread.
    fn rest_args(
        &mut self,
        sig: &super::Sig,
        i: usize,
        rest: &[&ast::Expr],
        c: &ast::ExprCall,
    ) -> Result<Expr, Diagnostic> {
        let span = self.span(c.range);
        let slot = self.is_slot(sig.span, sig.skipped + i);
        let mut parts = Vec::new();
        for a in rest {
            let (spread, x) = match a {
                ast::Expr::Starred(s) => (true, &*s.value),
                x => (false, *x),
            };
            let v = if spread {
                self.iterable(x)?
            } else {
                self.expr(x)?
            };
            let v = if spread { self.set_as_list(v) } else { v };
            let item_ty = match (spread, self.types.kind(v.ty)) {
                (false, _) => v.ty,
                (true, TyKind::List(t)) => *t,
                (true, _) => {
                    return Err(self.not_iterable(
                        x.range(),
                        v.ty,
                        "`*` takes a list, a tuple or a str here",
                    ))
                }
            };
            if slot {
                self.slot_gets(sig.span, sig.skipped + i, item_ty);
            }
            parts.push((spread, v, x.range()));
        }
        let item = match *self.types.kind(sig.params[i].1) {
            TyKind::VarTuple(t) => t,
            _ => Ty::NEVER,
        };
        let ty = self.types.intern(TyKind::VarTuple(item));
        let typed = !slot
            || !matches!(self.types.kind(item), TyKind::Pending(_) | TyKind::Var(_))
                && item != Ty::NEVER;
        let mut items = Vec::new();
        for (spread, v, range) in parts {
            let v = if !typed {
                v
            } else if spread {
                let want = self.types.list(item);
                self.coerce(v, want, range)?
            } else {
                self.coerce(v, item, range)?
            };
            items.push((spread, v));
        }
        if items.iter().any(|(spread, _)| *spread) {
            return Ok(Expr::new(ty, ExprKind::Splice(items), span));
        }
        let items = items.into_iter().map(|(_, v)| v).collect();
        Ok(Expr::new(ty, ExprKind::List(items), span))
    }

    /// The `**kwargs` dict of a call (parameter `i` of `sig`): the extra
    /// keyword arguments, `**d` spread.
    fn rest_kwargs(
        &mut self,
        sig: &super::Sig,
        i: usize,
        extra: &[(Option<&str>, &ast::Expr)],
        c: &ast::ExprCall,
    ) -> Result<Expr, Diagnostic> {
        let span = self.span(c.range);
        let slot = self.is_slot(sig.span, sig.skipped + i);
        let mut parts = Vec::new();
        for (key, x) in extra {
            let v = self.expr(x)?;
            let item_ty = match (key, self.types.kind(v.ty)) {
                (Some(_), _) => v.ty,
                (None, TyKind::Dict(k, t)) if *k == Ty::STR => *t,
                (None, _) => {
                    return Err(self
                        .error(
                            x.range(),
                            format!(
                                "argument after ** must be a dict of str keys, not `{}`",
                                self.types.display(v.ty)
                            ),
                        )
                        .with_help("Python raises TypeError here"))
                }
            };
            if slot {
                self.slot_gets(sig.span, sig.skipped + i, item_ty);
            }
            parts.push((*key, v, x.range()));
        }
        let item = match *self.types.kind(sig.params[i].1) {
            TyKind::Dict(_, t) => t,
            _ => Ty::NEVER,
        };
        let ty = self.types.dict(Ty::STR, item);
        let typed = !slot
            || !matches!(self.types.kind(item), TyKind::Pending(_) | TyKind::Var(_))
                && item != Ty::NEVER;
        let mut items = Vec::new();
        for (key, v, range) in parts {
            let v = if !typed {
                v
            } else if key.is_some() {
                self.coerce(v, item, range)?
            } else {
                self.coerce(v, ty, range)?
            };
            let k = key.map(|k| Expr::new(Ty::STR, ExprKind::Str(k.to_string()), span));
            items.push((k, v));
        }
        if items.iter().any(|(k, _)| k.is_none()) {
            return Ok(Expr::new(ty, ExprKind::DictSplice(items), span));
        }
        let pairs = items
            .into_iter()
            .filter_map(|(k, v)| Some((k?, v)))
            .collect();
        Ok(Expr::new(ty, ExprKind::Dict(pairs), span))
    }

    fn fstring(&mut self, j: &ast::ExprJoinedStr) -> Result<Expr, Diagnostic> {
        let span = self.span(j.range);
        let mut parts = Vec::new();
        for v in &j.values {
            match v {
                ast::Expr::Constant(c) => match &c.value {
                    ast::Constant::Str(s) => parts.push(FPart::Lit(s.clone())),
                    _ => {
                        return Err(self
                            .error(v.range(), "unsupported f-string part")
                            .with_help("write the text or a `{value}` field"))
                    }
                },
                ast::Expr::FormattedValue(fv) => {
                    let expr = self.expr(&fv.value)?;
                    self.printable(&expr, fv.value.range())?;
                    let repr = match fv.conversion {
                        ast::ConversionFlag::None | ast::ConversionFlag::Str => false,
                        ast::ConversionFlag::Repr => true,
                        ast::ConversionFlag::Ascii => {
                            return Err(self
                                .error(v.range(), "`!a` is not supported yet")
                                .with_help("use `!r`"))
                        }
                    };
                    let spec = match &fv.format_spec {
                        None => None,
                        Some(spec) => Some(self.const_spec(spec)?),
                    };
                    let (expr, repr) = self.class_fpart(expr, repr, &spec, fv.value.range())?;
                    if repr && spec.is_some() {
                        return Err(self
                            .error(v.range(), "`!r` with a format spec is not supported yet")
                            .with_help("format `repr(x)` in a separate field"));
                    }
                    match spec {
                        None => parts.extend(super::builtins::str_parts(&fv.value, expr, repr)),
                        spec => parts.push(FPart::Value { expr, repr, spec }),
                    }
                }
                ast::Expr::JoinedStr(inner) => {
                    // Implicit concatenation of f-strings.
                    let e = self.fstring(inner)?;
                    if let ExprKind::FString(p) = e.kind {
                        parts.extend(p);
                    }
                }
                _ => {
                    return Err(self
                        .error(v.range(), "unsupported f-string part")
                        .with_help("write the text or a `{value}` field"))
                }
            }
        }
        Ok(Expr::new(Ty::STR, ExprKind::FString(parts), span))
    }

    fn const_spec(&self, spec: &ast::Expr) -> Result<String, Diagnostic> {
        let mut out = String::new();
        let parts: Vec<&ast::Expr> = match spec {
            ast::Expr::JoinedStr(j) => j.values.iter().collect(),
            other => vec![other],
        };
        for p in parts {
            match p {
                ast::Expr::Constant(c) => match &c.value {
                    ast::Constant::Str(s) => out.push_str(s),
                    _ => {
                        return Err(self
                            .error(p.range(), "unsupported format spec")
                            .with_help("write the format spec as a constant, e.g. `{x:>8.2f}`"))
                    }
                },
                _ => {
                    return Err(self
                        .error(
                            p.range(),
                            "nested replacement fields in a format spec are not supported yet",
                        )
                        .with_help("write the format spec as a constant, e.g. `{x:>8.2f}`"))
                }
            }
        }
        Ok(out)
    }
}

/// A diagnostic about a value inside a Record or Variant literal, naming
/// the field or tag (`member`).
fn in_member(mut d: Diagnostic, member: &str) -> Diagnostic {
    if d.message.starts_with("expected `") {
        d.message = format!("{member}: {}", d.message);
    }
    d
}

pub(crate) fn fits(i: &BigInt, (lo, hi): (i128, i128)) -> bool {
    i.to_i128().is_some_and(|v| v >= lo && v <= hi)
}

fn fold_int(op: BinOp, a: &BigInt, b: &BigInt) -> Option<BigInt> {
    Some(match op {
        BinOp::Add => a + b,
        BinOp::Sub => a - b,
        BinOp::Mul => a * b,
        BinOp::FloorDiv if !b.is_zero() => floor_divmod(a, b).0,
        BinOp::Mod if !b.is_zero() => floor_divmod(a, b).1,
        BinOp::Pow if !b.is_negative() && b.to_u32().is_some_and(|e| e <= 4096) => {
            num_traits::pow(a.clone(), b.to_usize()?)
        }
        BinOp::BitAnd => a & b,
        BinOp::BitOr => a | b,
        BinOp::BitXor => a ^ b,
        _ => return None,
    })
}

/// The public names of CPython's `math` module.
pub(crate) const MATH_NAMES: &[&str] = &[
    "acos",
    "acosh",
    "asin",
    "asinh",
    "atan",
    "atan2",
    "atanh",
    "cbrt",
    "ceil",
    "comb",
    "copysign",
    "cos",
    "cosh",
    "degrees",
    "dist",
    "e",
    "erf",
    "erfc",
    "exp",
    "exp2",
    "expm1",
    "fabs",
    "factorial",
    "floor",
    "fmod",
    "frexp",
    "fsum",
    "gamma",
    "gcd",
    "hypot",
    "inf",
    "isclose",
    "isfinite",
    "isinf",
    "isnan",
    "isqrt",
    "lcm",
    "ldexp",
    "lgamma",
    "log",
    "log10",
    "log1p",
    "log2",
    "modf",
    "nan",
    "nextafter",
    "perm",
    "pi",
    "pow",
    "prod",
    "radians",
    "remainder",
    "sin",
    "sinh",
    "sqrt",
    "tan",
    "tanh",
    "tau",
    "trunc",
    "ulp",
];

/// `type(x).__name__` from `type(x)`'s text (`<class 'list'>`): `list`.
fn type_name(mut t: Expr) -> Expr {
    match &mut t.kind {
        ExprKind::Str(s) => {
            let name = s
                .trim_start_matches("<class '")
                .trim_end_matches("'>")
                .rsplit('.')
                .next()
                .unwrap_or_default()
                .to_string();
            *s = name;
        }
        ExprKind::IfExp { then, orelse, .. } => {
            **then = type_name((**then).clone());
            **orelse = type_name((**orelse).clone());
        }
        _ => {}
    }
    t
}
