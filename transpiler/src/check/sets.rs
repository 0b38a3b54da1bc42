//! Python sets and frozensets: literals, comprehensions, `set(xs)` and
//! `frozenset(xs)`, their methods and operators. A set is always a shared
//! handle (`runtime_lite::PySet`), like a dict; a `frozenset` has its own
//! type so that code changing one in place is rejected here (CPython's
//! `AttributeError`), and `fs |= x` rebinds the name to a new frozenset.

use super::Checker;
use crate::diagnostics::Diagnostic;
use crate::model::ir::{BinOp, CmpOp, Expr, ExprKind, Method};
use crate::model::{Ty, TyKind};
use rustpython_parser::ast::{self, Ranged};
use rustpython_parser::text_size::TextRange;

impl Checker<'_> {
    /// Whether sets of `t` hash as in CPython (and in Rust at all).
    fn set_item_ok(&self, t: Ty) -> bool {
        match self.types.kind(t) {
            TyKind::Tuple(items) => items.len() <= 5 && items.iter().all(|i| self.set_item_ok(*i)),
            TyKind::Int | TyKind::Fixed(_) | TyKind::Bool | TyKind::Str | TyKind::Bytes => true,
            TyKind::Principal | TyKind::None => true,
            _ => false,
        }
    }

    /// The diagnostic for set items of an unsupported type.
    pub(crate) fn check_set_item(&self, t: Ty, range: TextRange) -> Result<(), Diagnostic> {
        if self.set_item_ok(t) {
            return Ok(());
        }
        Err(self
            .error(
                range,
                format!(
                    "sets of `{}` values are not supported yet",
                    self.types.display(t)
                ),
            )
            .with_help("use sets of int, str, bool, bytes, Principal or tuples of them"))
    }

    /// `{a, b, c}`: the first item's type, which every other item must have.
    pub(crate) fn set_literal(&mut self, s: &ast::ExprSet) -> Result<Expr, Diagnostic> {
        let span = self.span(s.range);
        if let Some(x) = s.elts.iter().find(|x| matches!(x, ast::Expr::Starred(_))) {
            return Err(self
                .error(x.range(), "`*` in a set literal is not supported yet")
                .with_help("build the set with `set(xs)` and `s.update(ys)`"));
        }
        let mut items = Vec::new();
        let mut item = Ty::NEVER;
        for (i, x) in s.elts.iter().enumerate() {
            let v = self.expr(x)?;
            item = if i == 0 {
                v.ty
            } else {
                self.join_item(item, &v, x.range())?
            };
            items.push(v);
        }
        let item = super::stmt::natural(item);
        self.check_set_item(item, s.range)?;
        let items = items
            .into_iter()
            .zip(&s.elts)
            .map(|(v, x)| self.coerce(v, item, x.range()))
            .collect::<Result<Vec<_>, _>>()?;
        let ty = self.types.set(item);
        Ok(Expr::new(ty, ExprKind::Set(items), span))
    }

    /// `{elem for x in xs if cond}`: a new set, items added in order.
    pub(crate) fn set_comprehension(&mut self, s: &ast::ExprSetComp) -> Result<Expr, Diagnostic> {
        let list = self.list_comprehension(&s.elt, &s.generators, s.range)?;
        let item = match self.types.kind(list.ty) {
            TyKind::List(t) => super::stmt::natural(*t),
            _ => return Err(self.error(s.range, "unsupported set comprehension")),
        };
        self.check_set_item(item, s.elt.range())?;
        let mut list = list;
        if let ExprKind::Comprehension { lazy, elem, .. } = &mut list.kind {
            *lazy = true;
            if elem.ty != item {
                let e =
                    std::mem::replace(&mut **elem, Expr::new(Ty::NONE, ExprKind::None, list.span));
                **elem = self.coerce(e, item, s.elt.range())?;
            }
        }
        let ty = self.types.set(item);
        let span = self.span(s.range);
        Ok(Expr::new(
            ty,
            ExprKind::Builtin(crate::model::ir::Builtin::SetOf, vec![list]),
            span,
        ))
    }

    /// `set()`, `set(xs)`, `frozenset(xs)`.
    pub(crate) fn set_call(&mut self, name: &str, c: &ast::ExprCall) -> Result<Expr, Diagnostic> {
        let span = self.span(c.range);
        let frozen = name == "frozenset";
        if !c.keywords.is_empty() || c.args.len() > 1 {
            return Err(self
                .error(c.range, format!("{name}() takes at most one argument"))
                .with_help(format!("write `{name}(xs)`")));
        }
        let Some(arg) = c.args.first() else {
            if frozen {
                return Err(self
                    .error(c.range, "an empty `frozenset()` is not supported yet")
                    .with_help("build it from a typed value: `frozenset(s)` of a `set[int]`"));
            }
            return self.empty_set(c);
        };
        let v = self.expr(arg)?;
        let v = self.iter_object(v, arg.range())?;
        // `set(s)` of a str: its characters.
        let v = if v.ty == Ty::STR {
            let span = v.span;
            let chars = self.types.list(Ty::STR);
            Expr::new(chars, ExprKind::Method(Method::ListCopy, vec![v]), span)
        } else {
            v
        };
        let v = match self.types.kind(v.ty) {
            TyKind::Generator(_) => self.set_as_list(v),
            _ => v,
        };
        let item = match self.types.kind(v.ty).clone() {
            TyKind::List(t) | TyKind::Set(t) | TyKind::FrozenSet(t) => t,
            TyKind::Dict(k, _) => {
                // The keys, in order (CPython presizes for a dict: the
                // runtime's `from_items` of its keys does not).
                return Err(self
                    .error(
                        arg.range(),
                        format!("{name}() of a dict is not supported yet"),
                    )
                    .with_help(format!(
                        "write `{name}(list(d))` ({} keys)",
                        self.types.display(k)
                    )));
            }
            _ => {
                return Err(self.not_iterable(
                    arg.range(),
                    v.ty,
                    &format!("{name}() takes a list or a set here"),
                ))
            }
        };
        let item = super::stmt::natural(item);
        self.check_set_item(item, arg.range())?;
        let v = if let TyKind::List(t) = *self.types.kind(v.ty) {
            if t != item {
                let want = self.types.list(item);
                self.coerce(v, want, arg.range())?
            } else {
                v
            }
        } else {
            v
        };
        let ty = if frozen {
            self.types.frozenset(item)
        } else {
            self.types.set(item)
        };
        Ok(Expr::new(
            ty,
            ExprKind::Builtin(crate::model::ir::Builtin::SetOf, vec![v]),
            span,
        ))
    }

    /// `list(s)` where a list is iterated (`sorted(s)`, `sum(s)`, a
    /// comprehension): the set's items in iteration order; other values
    /// as they are.
    pub(crate) fn set_as_list(&mut self, e: Expr) -> Expr {
        // A generator's remaining items, in a new list.
        if let TyKind::Generator(item) = *self.types.kind(e.ty) {
            let ty = self.types.list(item);
            let span = e.span;
            return Expr::new(ty, ExprKind::Method(Method::ListCopy, vec![e]), span);
        }
        let Some(item) = self.types.set_item(e.ty) else {
            return e;
        };
        let ty = self.types.list(item);
        let span = e.span;
        Expr::new(ty, ExprKind::Method(Method::SetToList, vec![e]), span)
    }

    /// The other operand of a set method: a set or frozenset of the same
    /// items, or (`lists`) a list of them.
    fn set_operand(
        &mut self,
        x: &ast::Expr,
        item: Ty,
        lists: bool,
        what: &str,
    ) -> Result<Expr, Diagnostic> {
        let v = self.expr(x)?;
        let want = self.types.set(item);
        let v = self.pending_as(&v, want, x.range());
        let ok = match self.types.kind(v.ty) {
            TyKind::Set(t) | TyKind::FrozenSet(t) => *t == item,
            TyKind::List(t) => lists && (*t == item || super::stmt::natural(*t) == item),
            _ => false,
        };
        if !ok {
            return Err(self
                .error(
                    x.range(),
                    format!(
                        "{what} takes a set of `{}` here, found `{}`",
                        self.types.display(item),
                        self.types.display(v.ty)
                    ),
                )
                .with_help("convert the value first: `set(xs)`"));
        }
        if let TyKind::List(t) = *self.types.kind(v.ty) {
            if t != item {
                let want = self.types.list(item);
                return self.coerce(v, want, x.range());
            }
        }
        Ok(v)
    }

    /// A method call on a set or frozenset; `None` for other receivers.
    pub(crate) fn set_method_call(
        &mut self,
        recv: &Expr,
        name: &str,
        a: &ast::ExprAttribute,
        c: &ast::ExprCall,
    ) -> Result<Option<(Method, Ty, Vec<Expr>)>, Diagnostic> {
        let (item, frozen) = match self.types.kind(recv.ty) {
            TyKind::Set(t) => (*t, false),
            TyKind::FrozenSet(t) => (*t, true),
            _ => return Ok(None),
        };
        let kind = if frozen { "frozenset" } else { "set" };
        if !c.keywords.is_empty() {
            return Err(self
                .error(
                    c.range,
                    format!("{kind}.{name}() takes no keyword arguments"),
                )
                .with_help("pass the arguments by position"));
        }
        let mutating = matches!(
            name,
            "add"
                | "discard"
                | "remove"
                | "pop"
                | "clear"
                | "update"
                | "intersection_update"
                | "difference_update"
                | "symmetric_difference_update"
        );
        if frozen && mutating {
            return Err(self
                .error(
                    a.range,
                    format!("'frozenset' object has no attribute '{name}'"),
                )
                .with_help("a frozenset cannot change; use a `set` (`set(fs)`)"));
        }
        let arity = |this: &Self, n: usize| -> Result<(), Diagnostic> {
            if c.args.len() == n {
                Ok(())
            } else {
                Err(this
                    .error(
                        c.range,
                        format!(
                            "{kind}.{name}() takes {n} argument{} here",
                            if n == 1 { "" } else { "s" }
                        ),
                    )
                    .with_help("pass one set at a time"))
            }
        };
        let what = format!("{kind}.{name}()");
        Ok(Some(match name {
            "add" | "discard" | "remove" => {
                arity(self, 1)?;
                let x = self.expect(&c.args[0], item)?;
                let m = match name {
                    "add" => Method::SetAdd,
                    "discard" => Method::SetDiscard,
                    _ => Method::SetRemove,
                };
                (m, Ty::NONE, vec![x])
            }
            "pop" => {
                arity(self, 0)?;
                (Method::SetPop, item, vec![])
            }
            "clear" => {
                arity(self, 0)?;
                (Method::Clear, Ty::NONE, vec![])
            }
            "copy" => {
                arity(self, 0)?;
                (Method::SetCopy, recv.ty, vec![])
            }
            "update" | "difference_update" => {
                arity(self, 1)?;
                let o = self.set_operand(&c.args[0], item, true, &what)?;
                let m = if name == "update" {
                    Method::SetUpdate
                } else {
                    Method::DifferenceUpdate
                };
                (m, Ty::NONE, vec![o])
            }
            "intersection_update" | "symmetric_difference_update" => {
                arity(self, 1)?;
                let lists = name == "symmetric_difference_update";
                let o = self.set_operand(&c.args[0], item, lists, &what)?;
                let m = if lists {
                    Method::SymmetricDifferenceUpdate
                } else {
                    Method::IntersectionUpdate
                };
                (m, Ty::NONE, vec![o])
            }
            "union" | "intersection" | "difference" | "symmetric_difference" => {
                arity(self, 1)?;
                let o = self.set_operand(&c.args[0], item, true, &what)?;
                let m = match name {
                    "union" => Method::Union,
                    "intersection" => Method::Intersection,
                    "difference" => Method::Difference,
                    _ => Method::SymmetricDifference,
                };
                (m, recv.ty, vec![o])
            }
            "issubset" | "issuperset" | "isdisjoint" => {
                arity(self, 1)?;
                let o = self.set_operand(&c.args[0], item, true, &what)?;
                let m = match name {
                    "issubset" => Method::IsSubset,
                    "issuperset" => Method::IsSuperset,
                    _ => Method::IsDisjoint,
                };
                (m, Ty::BOOL, vec![o])
            }
            _ => {
                return Err(self
                    .error(a.range, format!("`{kind}.{name}()` is not supported"))
                    .with_help(
                        "supported: add, discard, remove, pop, clear, copy, update, union, \
                         intersection, difference, symmetric_difference (and their _update \
                         forms), issubset, issuperset, isdisjoint",
                    ))
            }
        }))
    }

    /// `a | b`, `a & b`, `a - b`, `a ^ b` of two sets; `None` when an
    /// operand is not a set.
    pub(crate) fn set_binary(
        &self,
        op: BinOp,
        l: &Expr,
        r: &Expr,
        range: TextRange,
    ) -> Option<Result<Expr, Diagnostic>> {
        let li = self.types.set_item(l.ty);
        let ri = self.types.set_item(r.ty);
        if li.is_none() && ri.is_none() {
            return None;
        }
        let (l, r) = (
            &self.pending_as(l, r.ty, range),
            &self.pending_as(r, l.ty, range),
        );
        let (li, ri) = (self.types.set_item(l.ty), self.types.set_item(r.ty));
        let m = match op {
            BinOp::BitOr => Some(Method::Union),
            BinOp::BitAnd => Some(Method::Intersection),
            BinOp::Sub => Some(Method::Difference),
            BinOp::BitXor => Some(Method::SymmetricDifference),
            _ => None,
        };
        let (Some(m), Some(a), Some(b)) = (m, li, ri) else {
            return Some(Err(self
                .error(
                    range,
                    format!(
                        "unsupported operand types for {}: '{}' and '{}'",
                        op.symbol(),
                        self.types.display(l.ty),
                        self.types.display(r.ty)
                    ),
                )
                .with_help(
                    "sets support `|`, `&`, `-` and `^` with another set of the same items",
                )));
        };
        if a != b {
            return Some(Err(self
                .error(
                    range,
                    format!(
                        "`{}` {} `{}`: the sets hold different types",
                        self.types.display(l.ty),
                        op.symbol(),
                        self.types.display(r.ty)
                    ),
                )
                .with_help("combine sets of one item type")));
        }
        let span = self.span(range);
        Some(Ok(Expr::new(
            l.ty,
            ExprKind::Method(m, vec![l.clone(), r.clone()]),
            span,
        )))
    }

    /// An empty `set()` still being inferred, where a value of type `want`
    /// (a set) is expected: the evidence that it holds `want`'s items.
    fn pending_as(&self, e: &Expr, want: Ty, range: TextRange) -> Expr {
        if matches!(self.types.kind(e.ty), TyKind::Pending(_))
            && self.types.set_item(want).is_some()
        {
            if let Ok(v) = self.coerce(e.clone(), want, range) {
                return v;
            }
        }
        e.clone()
    }

    /// `s op= t` on a mutable set: the in-place method (aliases see it).
    pub(crate) fn set_augmented(&self, op: BinOp, current: Expr, value: Expr) -> Option<Expr> {
        if !matches!(self.types.kind(current.ty), TyKind::Set(_)) {
            return None;
        }
        if self.types.set_item(value.ty) != self.types.set_item(current.ty) {
            return None;
        }
        let m = match op {
            BinOp::BitOr => Method::SetUpdate,
            BinOp::BitAnd => Method::IntersectionUpdate,
            BinOp::Sub => Method::DifferenceUpdate,
            BinOp::BitXor => Method::SymmetricDifferenceUpdate,
            _ => return None,
        };
        let span = current.span;
        Some(Expr::new(
            Ty::NONE,
            ExprKind::Method(m, vec![current, value]),
            span,
        ))
    }

    /// A comparison whose operands are sets: `==`/`!=` between sets and
    /// frozensets, and the subset orderings (`<=`, `<`, `>=`, `>`); `None`
    /// when no operand is a set.
    pub(crate) fn set_compare(
        &self,
        range: TextRange,
        operands: &[Expr],
        ops: &[CmpOp],
    ) -> Option<Result<Expr, Diagnostic>> {
        let set_ty = operands
            .iter()
            .map(|o| o.ty)
            .find(|t| self.types.set_item(*t).is_some())?;
        let operands: Vec<Expr> = operands
            .iter()
            .map(|o| self.pending_as(o, set_ty, range))
            .collect();
        let operands = operands.as_slice();
        let span = self.span(range);
        let ([l, r], [op]) = (operands, ops) else {
            return Some(Err(self
                .error(range, "chained comparisons of sets are not supported yet")
                .with_help("compare two sets at a time, joined with `and`")));
        };
        let (Some(a), Some(b)) = (self.types.set_item(l.ty), self.types.set_item(r.ty)) else {
            return Some(Err(self
                .error(
                    range,
                    format!(
                        "cannot compare `{}` with `{}`",
                        self.types.display(l.ty),
                        self.types.display(r.ty)
                    ),
                )
                .with_help("compare a set with another set")));
        };
        if a != b {
            return Some(Err(self
                .error(
                    range,
                    format!(
                        "cannot compare `{}` with `{}`",
                        self.types.display(l.ty),
                        self.types.display(r.ty)
                    ),
                )
                .with_help("compare sets of one item type")));
        }
        let m = match op {
            CmpOp::Eq | CmpOp::NotEq => {
                return Some(Ok(Expr::new(
                    Ty::BOOL,
                    ExprKind::Compare(Box::new(l.clone()), vec![(*op, r.clone())]),
                    span,
                )))
            }
            CmpOp::LtE => Method::IsSubset,
            CmpOp::Lt => Method::IsProperSubset,
            CmpOp::GtE => Method::IsSuperset,
            CmpOp::Gt => Method::IsProperSuperset,
            CmpOp::In | CmpOp::NotIn => {
                return Some(Err(self
                    .error(range, "sets of sets are not supported")
                    .with_help("test an item: `x in s`")))
            }
        };
        Some(Ok(Expr::new(
            Ty::BOOL,
            ExprKind::Method(m, vec![l.clone(), r.clone()]),
            span,
        )))
    }
}
