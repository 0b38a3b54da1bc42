//! Typing of expressions.

use super::{Checker, Name};
use crate::diagnostics::Diagnostic;
use crate::model::ir::{BinOp, CmpOp, Expr, ExprKind, FPart, IcCall, UnaryOp};
use crate::model::{CandidTy, Fixed, Ret, Ty};
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
        ast::Operator::MatMult => BinOp::Mul, // rejected before use
    }
}

fn op_symbol(op: BinOp) -> &'static str {
    match op {
        BinOp::Add => "+",
        BinOp::Sub => "-",
        BinOp::Mul => "*",
        BinOp::Div => "/",
        BinOp::FloorDiv => "//",
        BinOp::Mod => "%",
        BinOp::Pow => "**",
        BinOp::BitAnd => "&",
        BinOp::BitOr => "|",
        BinOp::BitXor => "^",
        BinOp::Shl => "<<",
        BinOp::Shr => ">>",
    }
}

/// Python's floor division and modulo on big integers (divisor non-zero).
fn floor_divmod(a: &BigInt, b: &BigInt) -> (BigInt, BigInt) {
    use num_integer::Integer;
    a.div_mod_floor(b)
}

impl Checker<'_> {
    pub(crate) fn expr(&mut self, e: &ast::Expr, want: Option<Ty>) -> Result<Expr, Diagnostic> {
        let at = self.at(e.range());
        match e {
            ast::Expr::Constant(c) => self.constant(&c.value, want, e.range()),
            ast::Expr::Name(n) => {
                let name = n.id.to_string();
                match self.lookup(&name) {
                    Some(Name::Local(t)) => Ok(Expr::new(t, ExprKind::Local(name), &at)),
                    Some(Name::Global(t)) => Ok(Expr::new(t, ExprKind::Global(name), &at)),
                    None if self.is_local_unassigned(&name) => Err(self
                        .error(e.range(), format!("`{name}` is used before it is assigned"))
                        .with_help(format!("assign `{name}` before this line"))),
                    None if self.signature_of(&name).is_some() => Err(self
                        .error(e.range(), "functions cannot be used as values yet")
                        .with_help(format!("call it: `{name}(...)`"))),
                    None => Err(self
                        .error(e.range(), format!("unknown name `{name}`"))
                        .with_help("define it at module level or assign it in this function")),
                }
            }
            ast::Expr::BinOp(b) => {
                if b.op == ast::Operator::MatMult {
                    return Err(self.error(e.range(), "the `@` operator is not supported"));
                }
                let l = self.expr(&b.left, want)?;
                let r = self.expr(&b.right, want.filter(|_| b.op != ast::Operator::Pow))?;
                self.binary(bin_op(b.op), l, r, e.range())
            }
            ast::Expr::UnaryOp(u) => {
                let v = self.expr(&u.operand, want)?;
                match u.op {
                    ast::UnaryOp::Not => {
                        let t = self.truthy(v);
                        Ok(Expr::new(Ty::Bool, ExprKind::Not(Box::new(t)), &at))
                    }
                    ast::UnaryOp::UAdd if v.ty.is_numeric() => Ok(v),
                    ast::UnaryOp::USub if v.ty.is_numeric() || v.ty == Ty::Bool => {
                        let v = if v.ty == Ty::Bool {
                            self.coerce(v, Ty::Int, e.range())?
                        } else {
                            v
                        };
                        match v.kind {
                            ExprKind::Int(i) => self.int_literal(-i, v.ty, e.range()),
                            ExprKind::Float(f) => Ok(Expr::new(v.ty, ExprKind::Float(-f), &at)),
                            _ => Ok(Expr::new(
                                v.ty,
                                ExprKind::Unary(UnaryOp::Neg, Box::new(v)),
                                &at,
                            )),
                        }
                    }
                    ast::UnaryOp::Invert
                        if v.ty == Ty::Int || matches!(v.ty, Ty::Fixed(k) if k.range().0 < 0) =>
                    {
                        match v.kind {
                            ExprKind::Int(i) => self.int_literal(-i - 1, v.ty, e.range()),
                            _ => Ok(Expr::new(
                                v.ty,
                                ExprKind::Unary(UnaryOp::Invert, Box::new(v)),
                                &at,
                            )),
                        }
                    }
                    ast::UnaryOp::Invert if matches!(v.ty, Ty::Fixed(_)) => Err(self
                        .error(
                            e.range(),
                            format!("`~` on an unsigned `{}` is always negative", v.ty),
                        )
                        .with_help("convert to `int` first")),
                    _ => Err(self.error(
                        e.range(),
                        format!("bad operand type for unary operator: '{}'", v.ty),
                    )),
                }
            }
            ast::Expr::BoolOp(b) => {
                let mut values = Vec::new();
                for v in &b.values {
                    values.push(self.expr(v, want)?);
                }
                let all_bool = values.iter().all(|v| v.ty == Ty::Bool);
                let ty = if all_bool {
                    Ty::Bool
                } else {
                    let mut ty = values[0].ty;
                    for v in &values[1..] {
                        ty = self.unify(ty, v, e.range()).ok_or_else(|| {
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
                    acc = Expr::new(ty, kind, &at);
                }
                Ok(acc)
            }
            ast::Expr::Compare(c) => self.compare(c),
            ast::Expr::IfExp(i) => {
                let cond = self.expr(&i.test, Some(Ty::Bool))?;
                let cond = self.truthy(cond);
                let then = self.expr(&i.body, want)?;
                let orelse = self.expr(&i.orelse, want)?;
                let ty = self.unify(then.ty, &orelse, e.range()).ok_or_else(|| {
                    self.error(
                        e.range(),
                        format!(
                            "the branches have different types: `{}` and `{}`",
                            then.ty, orelse.ty
                        ),
                    )
                    .with_help("give both branches the same type")
                })?;
                let then = self.coerce(then, ty, i.body.range())?;
                let orelse = self.coerce(orelse, ty, i.orelse.range())?;
                Ok(Expr::new(
                    ty,
                    ExprKind::IfExp {
                        cond: Box::new(cond),
                        then: Box::new(then),
                        orelse: Box::new(orelse),
                    },
                    &at,
                ))
            }
            ast::Expr::Call(c) => self.call(c),
            ast::Expr::JoinedStr(j) => self.fstring(j),
            ast::Expr::Attribute(a) => {
                if self.is_kybra(&a.value, "ic") {
                    return Err(self
                        .error(e.range(), format!("`ic.{}` must be called", a.attr))
                        .with_help(format!("write `ic.{}()`", a.attr)));
                }
                Err(self.error(e.range(), "attribute access is not supported yet"))
            }
            ast::Expr::NamedExpr(_) => Err(self.error(e.range(), "`:=` is not supported yet")),
            ast::Expr::List(_) | ast::Expr::ListComp(_) => {
                Err(self.error(e.range(), "lists are not supported yet"))
            }
            ast::Expr::Dict(_) | ast::Expr::DictComp(_) => {
                Err(self.error(e.range(), "dicts are not supported yet"))
            }
            ast::Expr::Tuple(_) => Err(self.error(e.range(), "tuples are not supported yet")),
            ast::Expr::Subscript(_) => {
                Err(self.error(e.range(), "subscripts are not supported yet"))
            }
            ast::Expr::Lambda(_) => Err(self.error(e.range(), "lambdas are not supported yet")),
            _ => Err(self.error(e.range(), "unsupported expression")),
        }
    }

    fn constant(
        &mut self,
        c: &ast::Constant,
        want: Option<Ty>,
        range: TextRange,
    ) -> Result<Expr, Diagnostic> {
        let at = self.at(range);
        Ok(match c {
            ast::Constant::None => Expr::new(Ty::None, ExprKind::None, &at),
            ast::Constant::Bool(b) => Expr::new(Ty::Bool, ExprKind::Bool(*b), &at),
            ast::Constant::Str(s) => Expr::new(Ty::Str, ExprKind::Str(s.clone()), &at),
            ast::Constant::Bytes(b) => Expr::new(Ty::Bytes, ExprKind::Bytes(b.clone()), &at),
            ast::Constant::Int(i) => {
                let ty = match want {
                    Some(Ty::Fixed(k)) if fits(i, k.range()) => Ty::Fixed(k),
                    Some(t @ (Ty::Float64 | Ty::Float32)) => {
                        let f = i.to_f64().unwrap_or(f64::INFINITY);
                        return Ok(Expr::new(t, ExprKind::Float(f), &at));
                    }
                    _ => Ty::Int,
                };
                Expr::new(ty, ExprKind::Int(i.clone()), &at)
            }
            ast::Constant::Float(f) => {
                let ty = if want == Some(Ty::Float32) {
                    Ty::Float32
                } else {
                    Ty::Float64
                };
                Expr::new(ty, ExprKind::Float(*f), &at)
            }
            _ => return Err(self.error(range, "unsupported literal")),
        })
    }

    fn int_literal(&self, i: BigInt, ty: Ty, range: TextRange) -> Result<Expr, Diagnostic> {
        let at = self.at(range);
        let ty = match ty {
            Ty::Fixed(k) if !fits(&i, k.range()) => Ty::Int,
            t => t,
        };
        Ok(Expr::new(ty, ExprKind::Int(i), &at))
    }

    /// The common type of `a` and `b`'s type, for arithmetic and branches.
    pub(crate) fn unify(&self, a: Ty, b: &Expr, _range: TextRange) -> Option<Ty> {
        let bt = b.ty;
        if a == bt {
            return Some(a);
        }
        let numeric = |t: Ty| t.is_numeric() || t == Ty::Bool;
        if numeric(a) && numeric(bt) {
            if a.is_float() || bt.is_float() {
                return Some(Ty::Float64);
            }
            return Some(match (a, bt) {
                (Ty::Fixed(k), Ty::Int) if matches!(&b.kind, ExprKind::Int(i) if fits(i, k.range())) => {
                    Ty::Fixed(k)
                }
                // Mixed widths meet in the wider type when it holds both.
                (Ty::Fixed(x), Ty::Fixed(y)) if contains(x, y) => Ty::Fixed(x),
                (Ty::Fixed(x), Ty::Fixed(y)) if contains(y, x) => Ty::Fixed(y),
                _ => Ty::Int,
            });
        }
        None
    }

    /// Converts `e` to type `to` where Python would accept the value.
    pub(crate) fn coerce(&self, e: Expr, to: Ty, range: TextRange) -> Result<Expr, Diagnostic> {
        if e.ty == to {
            return Ok(e);
        }
        let at = e.at.clone();
        if let ExprKind::Int(i) = &e.kind {
            match to {
                Ty::Int => return Ok(Expr::new(Ty::Int, e.kind, &at)),
                Ty::Fixed(k) => {
                    if fits(i, k.range()) {
                        return Ok(Expr::new(to, e.kind, &at));
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
                Ty::Float64 | Ty::Float32 => {
                    return Ok(Expr::new(
                        to,
                        ExprKind::Float(i.to_f64().unwrap_or(f64::INFINITY)),
                        &at,
                    ))
                }
                _ => {}
            }
        }
        if let (ExprKind::Float(f), Ty::Float32 | Ty::Float64) = (&e.kind, to) {
            return Ok(Expr::new(to, ExprKind::Float(*f), &at));
        }
        let ok = matches!(
            (e.ty, to),
            (
                Ty::Int | Ty::Fixed(_),
                Ty::Int | Ty::Fixed(_) | Ty::Float64 | Ty::Float32
            ) | (Ty::Float32, Ty::Float64)
                | (Ty::Float64, Ty::Float32)
                | (Ty::Bool, Ty::Int)
        );
        if ok {
            return Ok(Expr::new(to, ExprKind::Convert(Box::new(e)), &at));
        }
        let help = match (e.ty, to) {
            (Ty::Float64 | Ty::Float32, t) if t.is_integral() => "Python would keep a float here; this compiler keeps each variable's type. Convert explicitly once `int()` is supported, or change the annotation",
            (_, Ty::Str) => "convert with `str(...)` or an f-string",
            _ => "change the annotation or the value",
        };
        Err(self
            .error(range, format!("expected `{to}`, found `{}`", e.ty))
            .with_help(help))
    }

    pub(crate) fn truthy(&self, e: Expr) -> Expr {
        if e.ty == Ty::Bool {
            return e;
        }
        let at = e.at.clone();
        Expr::new(Ty::Bool, ExprKind::Truthy(Box::new(e)), &at)
    }

    pub(crate) fn binary(
        &self,
        op: BinOp,
        l: Expr,
        r: Expr,
        range: TextRange,
    ) -> Result<Expr, Diagnostic> {
        let at = self.at(range);
        let type_error = |this: &Self| {
            let help = if l.ty == Ty::Str || r.ty == Ty::Str {
                "convert the other operand with `str(...)`, or use an f-string: f\"...{x}\""
            } else {
                "Python raises TypeError for these operand types"
            };
            this.error(
                range,
                format!(
                    "unsupported operand types for {}: '{}' and '{}'",
                    op_symbol(op),
                    l.ty,
                    r.ty
                ),
            )
            .with_help(help)
        };
        match (l.ty, r.ty, op) {
            (Ty::Str, Ty::Str, BinOp::Add) | (Ty::Bytes, Ty::Bytes, BinOp::Add) => {
                return Ok(Expr::new(
                    l.ty,
                    ExprKind::Binary(op, Box::new(l), Box::new(r)),
                    &at,
                ));
            }
            (Ty::Str, n, BinOp::Mul) if n.is_integral() || n == Ty::Bool => {
                let ty = l.ty;
                let r = self.coerce(r, Ty::Int, range)?;
                return Ok(Expr::new(
                    ty,
                    ExprKind::Binary(op, Box::new(l), Box::new(r)),
                    &at,
                ));
            }
            (n, Ty::Str, BinOp::Mul) if n.is_integral() || n == Ty::Bool => {
                return self.binary(op, r, l, range);
            }
            _ => {}
        }
        let numeric = |t: Ty| t.is_numeric() || t == Ty::Bool;
        if !numeric(l.ty) || !numeric(r.ty) {
            return Err(type_error(self));
        }
        let ty = self
            .unify(l.ty, &r, range)
            .or_else(|| self.unify(r.ty, &l, range))
            .ok_or_else(|| type_error(self))?;
        let ty = match ty {
            Ty::Bool => Ty::Int,
            // Python floats are doubles: float32 values compute as float64.
            Ty::Float32 => Ty::Float64,
            t => t,
        };
        if ty.is_float()
            && matches!(
                op,
                BinOp::BitAnd | BinOp::BitOr | BinOp::BitXor | BinOp::Shl | BinOp::Shr
            )
        {
            return Err(type_error(self));
        }
        // A literal next to a fixed-width value takes its type when it fits.
        let ty = match (ty, &l.kind, &r.kind) {
            (Ty::Int, ExprKind::Int(i), _) if matches!(r.ty, Ty::Fixed(k) if fits(i, k.range())) => {
                r.ty
            }
            (Ty::Int, _, ExprKind::Int(i))
                if matches!(l.ty, Ty::Fixed(k) if fits(i, k.range())) && op != BinOp::Pow =>
            {
                l.ty
            }
            (Ty::Int, _, ExprKind::Int(i)) if matches!(l.ty, Ty::Fixed(k) if fits(i, k.range())) => {
                l.ty
            }
            _ => ty,
        };
        let l = self.coerce(l, ty, range)?;
        let r = self.coerce(r, ty, range)?;
        // Fold integer literals, with Python semantics.
        if let (ExprKind::Int(a), ExprKind::Int(b)) = (&l.kind, &r.kind) {
            if let Some(v) = fold_int(op, a, b) {
                return self.int_literal(v, ty, range);
            }
        }
        let result_ty = if op == BinOp::Div { Ty::Float64 } else { ty };
        Ok(Expr::new(
            result_ty,
            ExprKind::Binary(op, Box::new(l), Box::new(r)),
            &at,
        ))
    }

    fn compare(&mut self, c: &ast::ExprCompare) -> Result<Expr, Diagnostic> {
        let at = self.at(c.range);
        let mut operands = vec![self.expr(&c.left, None)?];
        for comp in &c.comparators {
            operands.push(self.expr(comp, None)?);
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
        if ops.iter().any(|o| matches!(o, CmpOp::In | CmpOp::NotIn))
            && (ops.len() > 1 || operands[0].ty != Ty::Str || operands[1].ty != Ty::Str)
        {
            return Err(self
                .error(
                    c.range,
                    "`in` is supported for substring tests on `str` only",
                )
                .with_help("write `needle in haystack` with two strings"));
        }
        // One common type for the whole chain.
        let mut ty = operands[0].ty;
        for o in &operands[1..] {
            ty = self
                .unify(ty, o, c.range)
                .or_else(|| {
                    let first = operands[0].clone();
                    self.unify(o.ty, &first, c.range)
                })
                .ok_or_else(|| {
                    self.error(
                        c.range,
                        format!("cannot compare `{}` with `{}`", operands[0].ty, o.ty),
                    )
                    .with_help("compare values of the same type")
                })?;
        }
        let ty = if ty == Ty::Bool && operands.iter().any(|o| o.ty != Ty::Bool) {
            Ty::Int
        } else {
            ty
        };
        let ordered = ops
            .iter()
            .any(|o| matches!(o, CmpOp::Lt | CmpOp::LtE | CmpOp::Gt | CmpOp::GtE));
        if ordered && matches!(ty, Ty::None | Ty::Principal) {
            return Err(self.error(c.range, format!("`{ty}` values cannot be ordered")));
        }
        let mut operands = operands
            .into_iter()
            .map(|o| self.coerce(o, ty, c.range))
            .collect::<Result<Vec<_>, _>>()?
            .into_iter();
        let left = operands.next().expect("left operand");
        let rest = ops.into_iter().zip(operands).collect();
        Ok(Expr::new(
            Ty::Bool,
            ExprKind::Compare(Box::new(left), rest),
            &at,
        ))
    }

    fn call(&mut self, c: &ast::ExprCall) -> Result<Expr, Diagnostic> {
        let at = self.at(c.range);
        if !c.keywords.is_empty() {
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
                        return Err(this.error(
                            c.range,
                            format!(
                                "`ic.{method}` takes {n} argument{}",
                                if n == 1 { "" } else { "s" }
                            ),
                        ));
                    }
                    Ok(())
                };
                return match method {
                    "print" => {
                        arity(self, 1)?;
                        let v = self.expr(&c.args[0], None)?;
                        Ok(Expr::new(Ty::None, ExprKind::Print(Box::new(v)), &at))
                    }
                    "trap" => {
                        arity(self, 1)?;
                        let v = self.expr(&c.args[0], None)?;
                        let v = self.coerce(v, Ty::Str, c.args[0].range())?;
                        Ok(Expr::new(Ty::None, ExprKind::Trap(Box::new(v)), &at))
                    }
                    "caller" => {
                        arity(self, 0)?;
                        Ok(Expr::new(Ty::Principal, ExprKind::Ic(IcCall::Caller), &at))
                    }
                    "time" => {
                        arity(self, 0)?;
                        Ok(Expr::new(
                            Ty::Fixed(crate::model::Fixed::Nat64),
                            ExprKind::Ic(IcCall::Time),
                            &at,
                        ))
                    }
                    other => Err(self
                        .error(c.func.range(), format!("`ic.{other}` is not supported yet"))
                        .with_help("supported: ic.print, ic.caller, ic.time, ic.trap")),
                };
            }
            return Err(self.error(c.func.range(), "method calls are not supported yet"));
        }
        let ast::Expr::Name(f) = &*c.func else {
            return Err(self.error(c.func.range(), "unsupported call"));
        };
        let name = f.id.as_str();
        if let Some(sig) = self.signature_of(name).cloned() {
            if c.args.len() != sig.params.len() {
                return Err(self.error(
                    c.range,
                    format!(
                        "`{name}` takes {} argument(s) but {} were given",
                        sig.params.len(),
                        c.args.len()
                    ),
                ));
            }
            let mut args = Vec::new();
            for (a, (_, t)) in c.args.iter().zip(&sig.params) {
                let v = self.expr(a, Some(t.value_ty()))?;
                let v = self.coerce(v, t.value_ty(), a.range())?;
                args.push(self.to_boundary(v, &sig, *t));
            }
            let (ty, wrap) = match sig.ret {
                Ret::Void => (Ty::None, None),
                Ret::Value(t) => (t.value_ty(), Some(t)),
            };
            let call = Expr::new(ty, ExprKind::Call(name.to_string(), args), &at);
            return Ok(match wrap {
                Some(t @ (CandidTy::Nat | CandidTy::Int)) if sig.mode.is_some() => {
                    Expr::new(ty, ExprKind::FromCandid(Box::new(call), t), &at)
                }
                _ => call,
            });
        }
        match name {
            "len" => {
                if c.args.len() != 1 {
                    return Err(self.error(c.range, "len() takes exactly one argument"));
                }
                let v = self.expr(&c.args[0], None)?;
                if !matches!(v.ty, Ty::Str | Ty::Bytes) {
                    return Err(self.error(
                        c.args[0].range(),
                        format!("object of type '{}' has no len()", v.ty),
                    ));
                }
                Ok(Expr::new(Ty::Int, ExprKind::Len(Box::new(v)), &at))
            }
            "str" => match c.args.as_slice() {
                [] => Ok(Expr::new(Ty::Str, ExprKind::Str(String::new()), &at)),
                [a] => {
                    let v = self.expr(a, None)?;
                    if v.ty == Ty::Str {
                        return Ok(v);
                    }
                    Ok(Expr::new(Ty::Str, ExprKind::ToStr(Box::new(v)), &at))
                }
                _ => Err(self.error(c.range, "str() takes at most one argument here")),
            },
            "print" => Err(self
                .error(c.func.range(), "`print` is not available in a canister")
                .with_help("use `ic.print(...)` to write to the canister log")),
            _ => Err(self
                .error(c.func.range(), format!("unknown function `{name}`"))
                .with_help("define it at module level; supported builtins so far: len, str")),
        }
    }

    fn fstring(&mut self, j: &ast::ExprJoinedStr) -> Result<Expr, Diagnostic> {
        let at = self.at(j.range);
        let mut parts = Vec::new();
        for v in &j.values {
            match v {
                ast::Expr::Constant(c) => match &c.value {
                    ast::Constant::Str(s) => parts.push(FPart::Lit(s.clone())),
                    _ => return Err(self.error(v.range(), "unsupported f-string part")),
                },
                ast::Expr::FormattedValue(fv) => {
                    let expr = self.expr(&fv.value, None)?;
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
                    if repr && spec.is_some() {
                        return Err(
                            self.error(v.range(), "`!r` with a format spec is not supported yet")
                        );
                    }
                    parts.push(FPart::Value { expr, repr, spec });
                }
                ast::Expr::JoinedStr(inner) => {
                    // Implicit concatenation of f-strings.
                    let e = self.fstring(inner)?;
                    if let ExprKind::FString(p) = e.kind {
                        parts.extend(p);
                    }
                }
                _ => return Err(self.error(v.range(), "unsupported f-string part")),
            }
        }
        Ok(Expr::new(Ty::Str, ExprKind::FString(parts), &at))
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
                    _ => return Err(self.error(p.range(), "unsupported format spec")),
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

/// Whether every value of `small` is a value of `big`.
pub(crate) fn contains(big: Fixed, small: Fixed) -> bool {
    let (a, b) = (big.range(), small.range());
    a.0 <= b.0 && b.1 <= a.1
}

fn fits(i: &BigInt, (lo, hi): (i128, i128)) -> bool {
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
