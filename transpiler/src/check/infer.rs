//! Types of empty containers from their uses: `db = {}` followed by
//! `db[key] = value` (with `key: str`, `value: int`) makes `db` a
//! `dict[str, int]`, `out = []` followed by `out.append(x)` a `list[T]`.
//!
//! An empty `[]` or `{}` with no type to expect gets a type variable
//! (`TyKind::Pending`). While function bodies are checked, every use that
//! tells something about it records evidence: a value stored as an item
//! (`d[k] = v`, `xs.append(v)`, `d.setdefault(k, v)`, `d.get(k, v)`), or
//! the variable's value flowing where a type is declared (`return out` of
//! a `-> list[nat64]` function). The checker then solves the variables and
//! checks the bodies again with the solutions ([`Checker::check_bodies`]);
//! what stays unknown, or is given two types, is a diagnostic at the
//! literal asking for an annotation.

use super::Checker;
use crate::diagnostics::Diagnostic;
use crate::model::ir::{Expr, ExprKind};
use crate::model::{Ty, TyKind, Types};
use crate::source::Span;
use std::collections::HashMap;

/// What is known about one variable.
#[derive(Debug, Clone)]
struct Var {
    /// The literal it stands for (slots: the container's literal).
    span: Span,
    shape: Shape,
    /// The type the uses agree on (a slot's item type, or a whole
    /// container type from a declared type).
    solution: Option<Ty>,
    /// Two different types were given: (first, second).
    conflict: Option<(Ty, Ty)>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Shape {
    List {
        item: u32,
    },
    Dict {
        key: u32,
        value: u32,
    },
    Set {
        item: u32,
    },
    /// The key, value or item type of a container variable.
    Slot,
}

#[derive(Default)]
pub(crate) struct Inference {
    vars: Vec<Var>,
    /// The variable of each empty literal, by its span.
    by_span: HashMap<Span, u32>,
    /// Solved literals, by span.
    solved: HashMap<Span, Ty>,
    /// Whether this is the last round: unsolved literals are errors.
    pub(crate) last_round: bool,
    /// Whether the current round made a variable.
    pub(crate) made_vars: bool,
    /// Names that hold values of several types, per function (by the span
    /// of its signature), and the one type they hold everywhere in it
    /// (`Num`, `Opt[T]`).
    pub(crate) widened: HashMap<(Span, String), Ty>,
    /// Whether the current round widened a name.
    pub(crate) new_widened: bool,
    /// Float parameters (by index) and results (`usize::MAX`) of helper
    /// functions that receive or return ints: they hold `Num` values, by
    /// the span of the function's signature.
    pub(crate) num_sigs: std::collections::HashSet<(Span, usize)>,
    /// Whether function bodies are being checked in rounds (module-level
    /// code is checked once: its names are not widened).
    pub(crate) in_rounds: bool,
    /// Unannotated parameters (by index) and results (`usize::MAX`) of
    /// helper functions, by the span of the signature: their types come
    /// from the calls and the `return`s ([`Checker::slot_gets`]).
    pub(crate) slots: HashMap<(Span, usize), Slot>,
}

/// The slot of the items an unannotated generator function yields (its
/// result slot is `usize::MAX`, holding `Iterator[item]`).
pub(crate) const ITEMS_SLOT: usize = usize::MAX - 1;

/// A slot no use typed (or typed twice): the signature's span, the
/// index, and the two types given.
pub(crate) type UntypedSlot = (Span, usize, Option<(Ty, Ty)>);

/// An unannotated parameter or result: the types its values have had, and
/// the one type that holds them all.
#[derive(Debug, Clone)]
pub(crate) struct Slot {
    /// Its type until one is known (a variable nothing solves).
    pub(crate) placeholder: Ty,
    pub(crate) seen: Vec<Ty>,
    pub(crate) ty: Option<Ty>,
    /// Two types no one type holds.
    pub(crate) conflict: Option<(Ty, Ty)>,
}

impl Inference {
    fn fresh(&mut self, span: Span, shape: Shape) -> u32 {
        self.vars.push(Var {
            span,
            shape,
            solution: None,
            conflict: None,
        });
        (self.vars.len() - 1) as u32
    }

    /// Records that variable `v` holds values of type `t`.
    fn unify(&mut self, types: &Types, v: u32, t: Ty) {
        if t == Ty::NEVER || matches!(types.kind(t), TyKind::Pending(w) if *w == v) {
            return;
        }
        let var = &mut self.vars[v as usize];
        match var.solution {
            None => var.solution = Some(t),
            Some(s) if s == t => {}
            Some(s) => {
                var.conflict.get_or_insert((s, t));
            }
        }
    }

    /// The solution of variable `v` as a type without variables.
    fn resolve(&self, types: &mut Types, v: u32, depth: usize) -> Result<Option<Ty>, (Ty, Ty)> {
        if depth > 16 {
            return Ok(None);
        }
        let var = &self.vars[v as usize];
        if let Some(c) = var.conflict {
            return Err(c);
        }
        // A declared type for the whole container wins.
        if let Some(t) = var.solution {
            return match types.kind(t).clone() {
                TyKind::Pending(w) => self.resolve(types, w, depth + 1),
                _ if contains_pending(types, t) => Ok(None),
                _ => Ok(Some(t)),
            };
        }
        Ok(match var.shape {
            Shape::List { item } => self.resolve(types, item, depth + 1)?.map(|t| types.list(t)),
            Shape::Set { item } => self.resolve(types, item, depth + 1)?.map(|t| types.set(t)),
            Shape::Dict { key, value } => {
                match (
                    self.resolve(types, key, depth + 1)?,
                    self.resolve(types, value, depth + 1)?,
                ) {
                    (Some(k), Some(v)) => Some(types.dict(k, v)),
                    _ => None,
                }
            }
            Shape::Slot => None,
        })
    }

    /// Solves what the round's evidence allows; whether anything new was
    /// solved.
    pub(crate) fn solve(&mut self, types: &mut Types) -> bool {
        let mut progress = false;
        let literals: Vec<(Span, u32)> = self.by_span.iter().map(|(s, v)| (*s, *v)).collect();
        for (span, v) in literals {
            if self.solved.contains_key(&span) {
                continue;
            }
            if let Ok(Some(t)) = self.resolve(types, v, 0) {
                self.solved.insert(span, t);
                progress = true;
            }
        }
        progress
    }

    /// For the last round: a container nothing was ever stored into holds
    /// `None` items (it stays empty, so no code can tell).
    pub(crate) fn default_unsolved(&mut self, types: &mut Types) {
        for var in &mut self.vars {
            if var.shape == Shape::Slot && var.solution.is_none() && var.conflict.is_none() {
                var.solution = Some(Ty::NONE);
            }
        }
        self.solve(types);
    }

    /// The solved type of a variable's literal, if any.
    pub(crate) fn solution_of(&self, types: &Types, t: Ty) -> Option<Ty> {
        match types.kind(t) {
            TyKind::Pending(v) => self.solved.get(&self.vars[*v as usize].span).copied(),
            _ => None,
        }
    }
}

pub(crate) fn contains_pending(types: &Types, t: Ty) -> bool {
    match types.kind(t) {
        TyKind::Pending(_) => true,
        TyKind::Opt(x) | TyKind::List(x) | TyKind::Set(x) | TyKind::FrozenSet(x) => {
            contains_pending(types, *x)
        }
        TyKind::Dict(k, v) => contains_pending(types, *k) || contains_pending(types, *v),
        TyKind::Tuple(items) => items.iter().any(|x| contains_pending(types, *x)),
        _ => false,
    }
}

impl Checker<'_> {
    /// The type of an unannotated parameter (`index`) or result
    /// (`usize::MAX`) of the helper whose signature is at `span`: the one
    /// its uses decided, or a placeholder until they do.
    pub(super) fn slot_ty(&mut self, span: Span, index: usize) -> Ty {
        if let Some(s) = self.infer.get_mut().slots.get(&(span, index)) {
            return s.ty.unwrap_or(s.placeholder);
        }
        // A result not known yet is `NoReturn`, which fits anywhere: the
        // rest of the caller's expression is still checked (and gives
        // evidence); a parameter's is a variable nothing solves.
        let placeholder = if index >= ITEMS_SLOT {
            Ty::NEVER
        } else {
            let v = self.infer.get_mut().fresh(span, Shape::Slot);
            self.var_ty(v)
        };
        let slot = Slot {
            placeholder,
            seen: Vec::new(),
            ty: None,
            conflict: None,
        };
        self.infer.get_mut().slots.insert((span, index), slot);
        placeholder
    }

    /// A method's unannotated parameters move one place right when the
    /// instance parameter is put first (`params` of them before).
    pub(super) fn shift_slots(&mut self, span: Span, params: usize) {
        let slots = &mut self.infer.get_mut().slots;
        for i in (0..params).rev() {
            if let Some(s) = slots.remove(&(span, i)) {
                slots.insert((span, i + 1), s);
            }
        }
    }

    /// The parameter (result) gets a fixed type after all: whether it
    /// was unannotated.
    pub(super) fn unslot(&mut self, span: Span, index: usize) -> bool {
        self.infer.get_mut().slots.remove(&(span, index)).is_some()
    }

    /// Whether some unannotated parameter (result) is not typed yet: the
    /// round uses placeholders, and its results are thrown away.
    pub(super) fn guessing(&self) -> bool {
        self.infer.borrow().slots.values().any(|s| s.ty.is_none())
    }

    /// Whether the parameter (result) is unannotated.
    pub(super) fn is_slot(&self, span: Span, index: usize) -> bool {
        self.infer.borrow().slots.contains_key(&(span, index))
    }

    /// Evidence: an unannotated parameter (result) gets a value of type
    /// `t`. Its type becomes the one that holds every value it got (`int`
    /// and `float`: `Num`; `None` and `T`: `Opt[T]`); a change takes
    /// another round.
    pub(super) fn slot_gets(&mut self, span: Span, index: usize, t: Ty) {
        let t = super::stmt::natural(t);
        if t == Ty::NEVER || contains_pending(&self.types, t) {
            return;
        }
        let seen = match self.infer.get_mut().slots.get_mut(&(span, index)) {
            Some(s) if !s.seen.contains(&t) => {
                s.seen.push(t);
                s.seen.clone()
            }
            _ => return,
        };
        let joined = if seen.iter().all(|t| *t == Ty::INT || *t == Ty::BOOL) {
            Some(if seen.contains(&Ty::INT) {
                Ty::INT
            } else {
                Ty::BOOL
            })
        } else if seen.len() == 1 {
            Some(seen[0])
        } else {
            self.widened_of(&seen)
        };
        let inf = self.infer.get_mut();
        let slot = inf.slots.get_mut(&(span, index)).expect("slot");
        match joined {
            Some(j) if slot.ty != Some(j) => {
                slot.ty = Some(j);
                inf.new_widened = true;
            }
            Some(_) => {}
            None => {
                if slot.conflict.is_none() {
                    slot.conflict = Some((seen[0], t));
                }
            }
        }
    }

    /// The slots of signatures no use has typed yet, and those given
    /// values of two types: the diagnostics of the last round.
    pub(super) fn untyped_slots(&self) -> Vec<UntypedSlot> {
        let inf = self.infer.borrow();
        let mut out: Vec<_> = inf
            .slots
            .iter()
            .filter(|(_, s)| s.ty.is_none() || s.conflict.is_some())
            .map(|((span, i), s)| (*span, *i, s.conflict))
            .collect();
        out.sort_by_key(|(span, i, _)| (span.file, span.start, *i));
        out
    }

    /// An empty `[]` (`dict` false) or `{}` with no expected type: its
    /// solved type, or a variable to solve.
    pub(super) fn empty_container(
        &mut self,
        e: &rustpython_parser::ast::Expr,
        dict: bool,
    ) -> Result<Expr, Diagnostic> {
        use rustpython_parser::ast::Ranged;
        let span = self.span(e.range());
        self.empty_literal(span, if dict { Empty::Dict } else { Empty::List })
    }

    /// `set()` with no expected type: its solved type, or a variable.
    pub(super) fn empty_set(
        &mut self,
        c: &rustpython_parser::ast::ExprCall,
    ) -> Result<Expr, Diagnostic> {
        let span = self.span(c.range);
        self.empty_literal(span, Empty::Set)
    }

    fn empty_literal(&mut self, span: Span, which: Empty) -> Result<Expr, Diagnostic> {
        let dict = which == Empty::Dict;
        let kind = match which {
            Empty::Dict => ExprKind::Dict(Vec::new()),
            Empty::List => ExprKind::List(Vec::new()),
            Empty::Set => ExprKind::Set(Vec::new()),
        };
        if let Some(t) = self.infer.borrow().solved.get(&span) {
            return Ok(Expr::new(*t, kind, span));
        }
        let var = self.infer.borrow().by_span.get(&span).copied();
        let v = match var {
            _ if self.infer.borrow().last_round => {
                let example = match which {
                    Empty::Dict => "dict[str, int]",
                    Empty::List => "list[int]",
                    Empty::Set => "set[int]",
                };
                return Err(self.unknown_global(span, example));
            }
            Some(v) => v,
            None => {
                let mut inf = self.infer.borrow_mut();
                let shape = if dict {
                    let key = inf.fresh(span, Shape::Slot);
                    let value = inf.fresh(span, Shape::Slot);
                    Shape::Dict { key, value }
                } else if which == Empty::Set {
                    let item = inf.fresh(span, Shape::Slot);
                    Shape::Set { item }
                } else {
                    let item = inf.fresh(span, Shape::Slot);
                    Shape::List { item }
                };
                let v = inf.fresh(span, shape);
                inf.by_span.insert(span, v);
                v
            }
        };
        self.infer.borrow_mut().made_vars = true;
        let ty = self.types.intern(TyKind::Pending(v));
        Ok(Expr::new(ty, kind, span))
    }

    /// The diagnostic for an empty container whose type stayed unknown
    /// (or was given two types).
    pub(super) fn unknown_global(&self, span: Span, example: &str) -> Diagnostic {
        let conflict = {
            let inf = self.infer.borrow();
            inf.by_span
                .get(&span)
                .and_then(|v| conflict_in(&inf, *v, 0))
        };
        match conflict {
            Some((a, b)) => Diagnostic::new(
                span,
                format!(
                    "this container is given `{}` and `{}` values",
                    self.types.display(a),
                    self.types.display(b)
                ),
            )
            .with_help(format!(
                "containers of mixed types are not supported yet; keep one type of \
                     item (e.g. `x: {example} = ...`)"
            )),
            None => Diagnostic::new(span, "the type of an empty literal is unknown here")
                .with_help(format!(
                    "annotate the variable, e.g. `x: {example} = ...`, or add items to it \
                     in this program"
                )),
        }
    }

    /// The variable behind a container type, if it is one still being
    /// inferred: (container variable, item slots).
    pub(super) fn pending_container(&self, t: Ty) -> Option<PendingShape> {
        let inf = self.infer.borrow();
        let mut t = t;
        for _ in 0..16 {
            let TyKind::Pending(v) = self.types.kind(t) else {
                return None;
            };
            let var = &inf.vars[*v as usize];
            match var.shape {
                Shape::List { item } => return Some(PendingShape::List { item }),
                Shape::Dict { key, value } => return Some(PendingShape::Dict { key, value }),
                Shape::Set { item } => return Some(PendingShape::Set { item }),
                Shape::Slot => t = var.solution?,
            }
        }
        None
    }

    /// `name` holds values of the types `tys` in the current function
    /// (where paths join, or across a loop's iterations). When one type
    /// holds them all (`Num` for ints and floats, `Opt[T]` for `None` and
    /// `T`), the name holds that type everywhere from the next round on;
    /// whether it does.
    pub(super) fn widen_name(&mut self, name: &str, tys: &[Ty]) -> bool {
        // Module-level code (checked outside the rounds) widens too:
        // `check_program` checks it again while widened names change.
        let Some(wide) = self.widened_of(tys) else {
            return false;
        };
        let Some(fun) = self.fun.as_ref() else {
            return false;
        };
        if fun
            .params
            .iter()
            .any(|p| fun.locals[p.0 as usize].name == name)
        {
            return false;
        }
        let key = (fun.sig.span, name.to_string());
        let mut inf = self.infer.borrow_mut();
        // Already widened to that type: checking again would not help, and
        // the caller's diagnostic says what is wrong.
        if inf.widened.get(&key) == Some(&wide) {
            return false;
        }
        inf.widened.insert(key, wide);
        inf.new_widened = true;
        true
    }

    /// A helper's float parameter `index` (`usize::MAX`: its result) gets
    /// a value of type `t`: if that is an int, the parameter (result)
    /// holds `Num` values from the next round on.
    pub(super) fn float_slot_gets(&self, sig: &super::Sig, index: usize, t: Ty) {
        // Module-level code sees the change too: `check_program` checks it
        // again while these change.
        let int = t.is_integral() || t == Ty::NUM || t == Ty::BOOL;
        if !int || sig.export.is_some() {
            return;
        }
        let mut inf = self.infer.borrow_mut();
        if inf.num_sigs.insert((sig.span, index)) {
            inf.new_widened = true;
        }
    }

    /// The one type that holds values of all of `tys`, if there is one.
    fn widened_of(&mut self, tys: &[Ty]) -> Option<Ty> {
        let number = |t: &Ty| t.is_integral() || t.is_float() || *t == Ty::NUM || *t == Ty::BOOL;
        if tys.iter().all(number) && tys.iter().any(|t| t.is_float() || *t == Ty::NUM) {
            return Some(Ty::NUM);
        }
        // `None` on some paths: an `Opt` of the one other type.
        let mut inner: Option<Ty> = None;
        let mut optional = false;
        for t in tys {
            let t = match self.types.kind(*t) {
                _ if *t == Ty::NONE => {
                    optional = true;
                    continue;
                }
                TyKind::Opt(x) => {
                    optional = true;
                    *x
                }
                _ => *t,
            };
            match inner {
                None => inner = Some(t),
                Some(i) if i == t => {}
                _ => return None,
            }
        }
        let inner = inner?;
        optional.then(|| self.types.opt(inner))
    }

    /// The type `name` holds everywhere in the current function, if paths
    /// gave it several (`widen_name`).
    pub(super) fn widened(&self, name: &str) -> Option<Ty> {
        let f = self.fun.as_ref()?;
        self.infer
            .borrow()
            .widened
            .get(&(f.sig.span, name.to_string()))
            .copied()
    }

    /// The type variable `v` as a type.
    pub(super) fn var_ty(&mut self, v: u32) -> Ty {
        self.types.intern(TyKind::Pending(v))
    }

    /// Evidence: variable `v` holds values of type `t` (fixed-width ints
    /// and `float32` count as the Python values they are).
    pub(super) fn holds(&self, v: u32, t: Ty) {
        let t = super::stmt::natural(t);
        self.infer.borrow_mut().unify(&self.types, v, t);
    }

    /// Evidence at a conversion: a variable's value goes where `to` is
    /// declared, or a value goes into a variable's slot. The converted
    /// expression is only looked at in a round that is thrown away.
    pub(super) fn pending_coerce(&self, e: &Expr, to: Ty) -> Option<Expr> {
        let from_var = matches!(self.types.kind(e.ty), TyKind::Pending(_));
        let to_var = matches!(self.types.kind(to), TyKind::Pending(_));
        if !from_var && !to_var {
            return None;
        }
        let mut inf = self.infer.borrow_mut();
        if let TyKind::Pending(v) = self.types.kind(to) {
            let t = if from_var {
                e.ty
            } else {
                super::stmt::natural(e.ty)
            };
            inf.unify(&self.types, *v, t);
        } else if let TyKind::Pending(v) = self.types.kind(e.ty) {
            inf.unify(&self.types, *v, to);
        }
        Some(Expr::new(to, e.kind.clone(), e.span))
    }
}

fn conflict_in(inf: &Inference, v: u32, depth: usize) -> Option<(Ty, Ty)> {
    if depth > 16 {
        return None;
    }
    let var = &inf.vars[v as usize];
    if var.conflict.is_some() {
        return var.conflict;
    }
    match var.shape {
        Shape::List { item } | Shape::Set { item } => conflict_in(inf, item, depth + 1),
        Shape::Dict { key, value } => {
            conflict_in(inf, key, depth + 1).or_else(|| conflict_in(inf, value, depth + 1))
        }
        Shape::Slot => None,
    }
}

/// A container whose type is being inferred, with its slot variables.
#[derive(Debug, Clone, Copy)]
pub(super) enum PendingShape {
    List { item: u32 },
    Dict { key: u32, value: u32 },
    Set { item: u32 },
}

/// Which empty literal: `[]`, `{}` or `set()`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Empty {
    List,
    Dict,
    Set,
}

impl Checker<'_> {
    /// A method of a container being inferred: the evidence it gives
    /// (`xs.append(v)`, `d.setdefault(k, v)`, ...). The expression is only
    /// looked at in a round that is thrown away.
    pub(super) fn pending_method(
        &mut self,
        shape: PendingShape,
        recv: Expr,
        name: &str,
        c: &rustpython_parser::ast::ExprCall,
    ) -> Result<Expr, Diagnostic> {
        use crate::model::ir::Method;
        let span = self.span(c.range);
        let unknown = |this: &Self| {
            this.error(c.range, "the type of this container is not known yet")
                .with_help("annotate the variable")
        };
        let placeholder =
            |ty: Ty, recv: Expr| Expr::new(ty, ExprKind::Method(Method::Clear, vec![recv]), span);
        match (shape, name, c.args.as_slice()) {
            (PendingShape::List { item }, "append", [x]) => {
                let t = self.var_ty(item);
                self.expect(x, t)?;
                Ok(placeholder(Ty::NONE, recv))
            }
            (PendingShape::List { item }, "insert", [i, x]) => {
                self.expect(i, Ty::INT)?;
                let t = self.var_ty(item);
                self.expect(x, t)?;
                Ok(placeholder(Ty::NONE, recv))
            }
            (PendingShape::Set { item }, "add", [x]) => {
                let t = self.var_ty(item);
                self.expect(x, t)?;
                Ok(placeholder(Ty::NONE, recv))
            }
            (PendingShape::Set { item }, "update", [xs]) => {
                let xs = self.expr(xs)?;
                if let TyKind::List(t) | TyKind::Set(t) | TyKind::FrozenSet(t) =
                    self.types.kind(xs.ty)
                {
                    self.holds(item, *t);
                }
                Ok(placeholder(Ty::NONE, recv))
            }
            (PendingShape::List { item }, "extend", [xs]) => {
                let xs = self.expr(xs)?;
                if let TyKind::List(t) = self.types.kind(xs.ty) {
                    self.holds(item, *t);
                }
                Ok(placeholder(Ty::NONE, recv))
            }
            (PendingShape::Dict { key, value }, "get", [k, d]) => {
                let kt = self.var_ty(key);
                self.expect(k, kt)?;
                let d = self.expr(d)?;
                self.holds(value, d.ty);
                Ok(Expr::new(d.ty, d.kind, span))
            }
            (PendingShape::Dict { key, value }, "setdefault", [k, d]) => {
                let kt = self.var_ty(key);
                self.expect(k, kt)?;
                let vt = self.var_ty(value);
                self.expect(d, vt)?;
                Ok(placeholder(vt, recv))
            }
            (PendingShape::Dict { key, .. }, "get" | "pop", [k]) => {
                let kt = self.var_ty(key);
                self.expect(k, kt)?;
                Err(unknown(self))
            }
            _ => Err(unknown(self)),
        }
    }
}

impl Checker<'_> {
    /// Whether a value of type `t` is stored as the widened type `w`
    /// (`None` and `T` into `Opt[T]`, numbers into `Num`).
    pub(super) fn widen_fits(&self, w: Ty, t: Ty) -> bool {
        if w == Ty::NUM {
            return t.is_integral() || t.is_float() || t == Ty::BOOL;
        }
        match self.types.kind(w) {
            TyKind::Opt(inner) => t == Ty::NONE || t == *inner || super::stmt::natural(t) == *inner,
            _ => false,
        }
    }
}
