//! Built-in functions and `str`/`bytes` methods that are one runtime-lite
//! call each (`Builtin::Lib`), and the built-ins that are other IR:
//! `bool`, `isinstance`, `divmod`, `pow`, `reversed`, `filter`.
//! `library_call` and `library_method` answer `None` for anything else, so
//! `expr.rs` and `containers.rs` hook them with one line.

use super::Checker;
use crate::diagnostics::Diagnostic;
use crate::model::ir::{BinOp, Builtin, Expr, ExprKind, LibFn};
use crate::model::{Ty, TyKind};
use rustpython_parser::ast::{self, Ranged};

/// Methods and built-ins that read their own keyword arguments.
pub(crate) fn takes_keywords(c: &ast::ExprCall) -> bool {
    let allowed: &[&str] = match &*c.func {
        ast::Expr::Attribute(a) => match a.attr.as_str() {
            // `"{name}".format(name=...)`: any field names.
            "format" => return c.keywords.iter().all(|k| k.arg.is_some()),
            "split" | "rsplit" => &["sep", "maxsplit"],
            "splitlines" => &["keepends"],
            "expandtabs" => &["tabsize"],
            _ => return false,
        },
        ast::Expr::Name(n) => match n.id.as_str() {
            "min" | "max" => &["default", "key"],
            "sum" => &["start"],
            "round" => &["ndigits"],
            "enumerate" => &["start"],
            "int" => &["base"],
            _ => return false,
        },
        _ => return false,
    };
    c.keywords
        .iter()
        .all(|k| k.arg.as_deref().is_some_and(|a| allowed.contains(&a)))
}

fn is_none(e: &ast::Expr) -> bool {
    matches!(e, ast::Expr::Constant(k) if matches!(k.value, ast::Constant::None))
}

impl Checker<'_> {
    /// The positional arguments followed by the keywords named `names`, in
    /// that order (a keyword fills the slot of its name).
    pub(crate) fn slots<'a>(
        &self,
        c: &'a ast::ExprCall,
        names: &[&str],
        name: &str,
    ) -> Result<Vec<Option<&'a ast::Expr>>, Diagnostic> {
        let mut slots: Vec<Option<&ast::Expr>> = vec![None; names.len()];
        if c.args.len() > names.len() {
            return Err(self
                .error(
                    c.range,
                    format!(
                        "`{name}()` takes at most {} argument(s), {} given",
                        names.len(),
                        c.args.len()
                    ),
                )
                .with_help("see the Python documentation of this function"));
        }
        for (slot, a) in slots.iter_mut().zip(&c.args) {
            *slot = Some(a);
        }
        for k in &c.keywords {
            let i = names
                .iter()
                .position(|n| k.arg.as_deref() == Some(*n))
                .ok_or_else(|| {
                    self.error(k.range(), format!("`{name}()` takes no such keyword"))
                        .with_help("pass arguments by position")
                })?;
            if slots[i].is_some() {
                return Err(self
                    .error(k.range(), format!("`{name}()` got this argument twice"))
                    .with_help("pass it once"));
            }
            slots[i] = Some(&k.value);
        }
        Ok(slots)
    }

    fn lib(&self, f: LibFn, ty: Ty, args: Vec<Expr>, c: &ast::ExprCall) -> Expr {
        Expr::new(
            ty,
            ExprKind::Builtin(Builtin::Lib(f), args),
            self.span(c.range),
        )
    }

    /// A `str` (or `bytes`) method this module implements; `None` for others.
    pub(crate) fn library_method(
        &mut self,
        recv: &Expr,
        name: &str,
        c: &ast::ExprCall,
    ) -> Option<Result<Expr, Diagnostic>> {
        if recv.ty == Ty::BYTES && name == "hex" {
            return Some(self.str_method(LibFn::BytesHex, Ty::STR, recv, c, &[], name));
        }
        if recv.ty != Ty::STR {
            return None;
        }
        use LibFn::*;
        let positional = c.args.len();
        let (f, ty, params): (LibFn, Ty, &[Ty]) = match name {
            "title" => (Title, Ty::STR, &[]),
            "capitalize" => (Capitalize, Ty::STR, &[]),
            "swapcase" => (SwapCase, Ty::STR, &[]),
            "casefold" => (CaseFold, Ty::STR, &[]),
            "isalpha" => (IsAlpha, Ty::BOOL, &[]),
            "isdecimal" => (IsDecimal, Ty::BOOL, &[]),
            "isdigit" => (IsDigit, Ty::BOOL, &[]),
            "isnumeric" => (IsNumeric, Ty::BOOL, &[]),
            "isalnum" => (IsAlnum, Ty::BOOL, &[]),
            "isspace" => (IsSpace, Ty::BOOL, &[]),
            "isupper" => (IsUpper, Ty::BOOL, &[]),
            "islower" => (IsLower, Ty::BOOL, &[]),
            "istitle" => (IsTitle, Ty::BOOL, &[]),
            // One argument keeps the plain `find`/`count`/`startswith`.
            "find" | "count" | "startswith" | "endswith" if positional == 1 => return None,
            "find" => (Find, Ty::INT, &[Ty::STR, Ty::INT, Ty::INT]),
            "rfind" => (RFind, Ty::INT, &[Ty::STR, Ty::INT, Ty::INT]),
            "index" => (Index, Ty::INT, &[Ty::STR, Ty::INT, Ty::INT]),
            "rindex" => (RIndex, Ty::INT, &[Ty::STR, Ty::INT, Ty::INT]),
            "count" => (Count, Ty::INT, &[Ty::STR, Ty::INT, Ty::INT]),
            "startswith" => (StartsWith, Ty::BOOL, &[Ty::STR, Ty::INT, Ty::INT]),
            "endswith" => (EndsWith, Ty::BOOL, &[Ty::STR, Ty::INT, Ty::INT]),
            "ljust" => (LJust, Ty::STR, &[Ty::INT, Ty::STR]),
            "rjust" => (RJust, Ty::STR, &[Ty::INT, Ty::STR]),
            "center" => (Center, Ty::STR, &[Ty::INT, Ty::STR]),
            "zfill" => (ZFill, Ty::STR, &[Ty::INT]),
            "removeprefix" => (RemovePrefix, Ty::STR, &[Ty::STR]),
            "removesuffix" => (RemoveSuffix, Ty::STR, &[Ty::STR]),
            "partition" | "rpartition" => {
                let f = if name == "partition" {
                    Partition
                } else {
                    RPartition
                };
                let ty = self.types.tuple(vec![Ty::STR; 3]);
                return Some(self.str_method(f, ty, recv, c, &[Ty::STR], name));
            }
            "split" if positional < 2 && c.keywords.is_empty() => return None,
            "split" | "rsplit" => return Some(self.split_max(recv, name, c)),
            "splitlines" => return Some(self.splitlines(recv, c)),
            "expandtabs" => return Some(self.expandtabs(recv, c)),
            _ => return None,
        };
        Some(self.str_method(f, ty, recv, c, params, name))
    }

    fn str_method(
        &mut self,
        f: LibFn,
        ty: Ty,
        recv: &Expr,
        c: &ast::ExprCall,
        params: &[Ty],
        name: &str,
    ) -> Result<Expr, Diagnostic> {
        let required = params.len() - f.optional();
        if !(required..=params.len()).contains(&c.args.len()) || !c.keywords.is_empty() {
            let counts = if required == params.len() {
                required.to_string()
            } else {
                format!("{required} to {}", params.len())
            };
            return Err(self
                .error(
                    c.range,
                    format!(
                        "`{name}()` takes {counts} argument(s) here, {} given",
                        c.args.len()
                    ),
                )
                .with_help("see the Python documentation of this method"));
        }
        let mut args = vec![recv.clone()];
        for (a, t) in c.args.iter().zip(params) {
            if is_none(a) && *t == Ty::INT {
                return Err(self
                    .error(a.range(), "`None` as a start or end is not supported yet")
                    .with_help("leave the argument out, or pass an int"));
            }
            args.push(self.expect(a, *t)?);
        }
        Ok(self.lib(f, ty, args, c))
    }

    /// `s.split(sep, maxsplit)` / `s.rsplit(sep, maxsplit)`: `sep` is an
    /// `Opt[str]` argument (`None` splits at whitespace), `maxsplit` -1
    /// when absent.
    fn split_max(
        &mut self,
        recv: &Expr,
        name: &str,
        c: &ast::ExprCall,
    ) -> Result<Expr, Diagnostic> {
        let [sep, max] = self.slots(c, &["sep", "maxsplit"], name)?[..] else {
            return Err(self.error(c.range, "unreachable").with_help(""));
        };
        let span = self.span(c.range);
        let sep = match sep {
            None => Expr::new(Ty::NONE, ExprKind::None, span),
            Some(s) if is_none(s) => Expr::new(Ty::NONE, ExprKind::None, span),
            Some(s) => self.expect(s, Ty::STR)?,
        };
        let max = match max {
            Some(m) => self.expect(m, Ty::INT)?,
            None => Expr::new(Ty::INT, ExprKind::Int((-1).into()), span),
        };
        let f = if name == "split" {
            LibFn::SplitMax
        } else {
            LibFn::RSplit
        };
        let ty = self.types.list(Ty::STR);
        Ok(self.lib(f, ty, vec![recv.clone(), sep, max], c))
    }

    fn splitlines(&mut self, recv: &Expr, c: &ast::ExprCall) -> Result<Expr, Diagnostic> {
        let [keep] = self.slots(c, &["keepends"], "splitlines")?[..] else {
            return Err(self.error(c.range, "unreachable").with_help(""));
        };
        let keep = match keep {
            Some(k) => {
                let v = self.expr(k)?;
                self.truthy(v)
            }
            None => Expr::new(Ty::BOOL, ExprKind::Bool(false), self.span(c.range)),
        };
        let ty = self.types.list(Ty::STR);
        Ok(self.lib(LibFn::SplitLines, ty, vec![recv.clone(), keep], c))
    }

    fn expandtabs(&mut self, recv: &Expr, c: &ast::ExprCall) -> Result<Expr, Diagnostic> {
        let [size] = self.slots(c, &["tabsize"], "expandtabs")?[..] else {
            return Err(self.error(c.range, "unreachable").with_help(""));
        };
        let size = match size {
            Some(s) => self.expect(s, Ty::INT)?,
            None => Expr::new(Ty::INT, ExprKind::Int(8.into()), self.span(c.range)),
        };
        Ok(self.lib(LibFn::ExpandTabs, Ty::STR, vec![recv.clone(), size], c))
    }

    /// A built-in function this module implements; `None` for others.
    pub(crate) fn library_call(
        &mut self,
        name: &str,
        c: &ast::ExprCall,
    ) -> Option<Result<Expr, Diagnostic>> {
        let r = match name {
            "hex" | "oct" | "bin" => {
                let f = match name {
                    "hex" => LibFn::Hex,
                    "oct" => LibFn::Oct,
                    _ => LibFn::Bin,
                };
                self.one_arg(c, name, Ty::INT)
                    .map(|a| self.lib(f, Ty::STR, vec![a], c))
            }
            "ord" => self
                .one_arg(c, name, Ty::STR)
                .map(|a| self.lib(LibFn::Ord, Ty::INT, vec![a], c)),
            "chr" => self
                .one_arg(c, name, Ty::INT)
                .map(|a| self.lib(LibFn::Chr, Ty::STR, vec![a], c)),
            "hash" => self.hash(c),
            "round" => self.round(c),
            "pow" => self.pow(c),
            "divmod" => self.divmod(c),
            "bool" => self.bool_call(c),
            "isinstance" => self.isinstance(c),
            "reversed" => self.reversed(c),
            "filter" => self.filter_call(c),
            "next" => self.next_call(c),
            "iter" => self.iter_call(c),
            _ => return None,
        };
        Some(r)
    }

    /// `next(g)` / `next(g, default)` of a generator.
    fn next_call(&mut self, c: &ast::ExprCall) -> Result<Expr, Diagnostic> {
        let (g, default) = match c.args.as_slice() {
            [g] => (g, None),
            [g, d] => (g, Some(d)),
            _ => {
                return Err(self
                    .error(c.range, "next() takes an iterator and an optional default")
                    .with_help("write `next(it)` or `next(it, default)`"))
            }
        };
        let v = self.expr(g)?;
        let TyKind::Generator(item) = *self.types.kind(v.ty) else {
            return Err(self
                .error(
                    g.range(),
                    format!(
                        "next() of a `{}` value is not supported",
                        self.types.display(v.ty)
                    ),
                )
                .with_help("next() takes a generator here (a function with `yield`)"));
        };
        match default {
            None => Ok(self.lib(LibFn::Next, item, vec![v], c)),
            Some(d) => {
                let d = self.expect(d, item)?;
                Ok(self.lib(LibFn::NextOr, item, vec![v, d], c))
            }
        }
    }

    /// `iter(g)` of a generator: the generator itself.
    fn iter_call(&mut self, c: &ast::ExprCall) -> Result<Expr, Diagnostic> {
        let [a] = c.args.as_slice() else {
            return Err(self
                .error(c.range, "iter() takes one argument here")
                .with_help("write `iter(g)`"));
        };
        let v = self.expr(a)?;
        if !matches!(self.types.kind(v.ty), TyKind::Generator(_)) {
            return Err(self
                .error(
                    a.range(),
                    format!(
                        "iter() of a `{}` value is not supported yet",
                        self.types.display(v.ty)
                    ),
                )
                .with_help("loop over the value directly, or write a generator function"));
        }
        Ok(v)
    }

    fn one_arg(&mut self, c: &ast::ExprCall, name: &str, t: Ty) -> Result<Expr, Diagnostic> {
        match c.args.as_slice() {
            [a] => self.expect(a, t),
            _ => Err(self
                .error(c.range, format!("{name}() takes exactly one argument"))
                .with_help(format!("write `{name}(x)`"))),
        }
    }

    fn number(&mut self, a: &ast::Expr, name: &str) -> Result<Expr, Diagnostic> {
        let v = self.expr(a)?;
        if v.ty.is_float() {
            return self.coerce(v, Ty::FLOAT64, a.range());
        }
        if v.ty.is_numeric() || v.ty == Ty::BOOL || v.ty == Ty::NAT {
            return self.coerce(v, Ty::INT, a.range());
        }
        Err(self
            .error(
                a.range(),
                format!(
                    "{name}() of a `{}` value is not supported",
                    self.types.display(v.ty)
                ),
            )
            .with_help(format!("{name}() takes numbers here")))
    }

    fn hash(&mut self, c: &ast::ExprCall) -> Result<Expr, Diagnostic> {
        let [a] = c.args.as_slice() else {
            return Err(self
                .error(c.range, "hash() takes exactly one argument")
                .with_help("write `hash(x)`"));
        };
        let v = self.expr(a)?;
        if !(v.ty.is_integral() || v.ty == Ty::BOOL || v.ty == Ty::NAT) {
            return Err(self
                .error(
                    a.range(),
                    format!(
                        "hash() of a `{}` value is not supported",
                        self.types.display(v.ty)
                    ),
                )
                .with_help("hash() takes an int here (CPython's str hashes differ per process)"));
        }
        let v = self.coerce(v, Ty::INT, a.range())?;
        Ok(self.lib(LibFn::HashInt, Ty::INT, vec![v], c))
    }

    fn round(&mut self, c: &ast::ExprCall) -> Result<Expr, Diagnostic> {
        let [x, n] = self.slots(c, &["number", "ndigits"], "round")?[..] else {
            return Err(self.error(c.range, "unreachable").with_help(""));
        };
        let Some(x) = x else {
            return Err(self
                .error(c.range, "round() takes a number")
                .with_help("write `round(x)` or `round(x, n)`"));
        };
        let v = match self.expr(x)? {
            v if v.ty == Ty::NUM => v,
            _ => self.number(x, "round")?,
        };
        let n = match n {
            Some(n) if !is_none(n) => Some(self.expect(n, Ty::INT)?),
            _ => None,
        };
        if v.ty == Ty::NUM {
            return Ok(match n {
                None => self.lib(LibFn::RoundNum, Ty::INT, vec![v], c),
                Some(n) => self.lib(LibFn::RoundNumDigits, Ty::NUM, vec![v, n], c),
            });
        }
        Ok(match (v.ty.is_float(), n) {
            (true, None) => self.lib(LibFn::Round, Ty::INT, vec![v], c),
            (true, Some(n)) => self.lib(LibFn::RoundDigits, Ty::FLOAT64, vec![v, n], c),
            (false, None) => v,
            (false, Some(n)) => self.lib(LibFn::RoundInt, Ty::INT, vec![v, n], c),
        })
    }

    fn pow(&mut self, c: &ast::ExprCall) -> Result<Expr, Diagnostic> {
        match c.args.as_slice() {
            [a, b] => {
                let l = self.expr(a)?;
                let r = self.expr(b)?;
                self.binary(BinOp::Pow, l, r, c.range)
            }
            [a, b, m] => {
                let args = [a, b, m]
                    .into_iter()
                    .map(|x| self.expect(x, Ty::INT))
                    .collect::<Result<Vec<_>, _>>()?;
                Ok(self.lib(LibFn::PowMod, Ty::INT, args, c))
            }
            _ => Err(self
                .error(c.range, "pow() takes two or three arguments")
                .with_help("write `pow(x, y)` or `pow(x, y, m)`")),
        }
    }

    /// `divmod(a, b)`: the tuple `(a // b, a % b)` of ints or floats.
    fn divmod(&mut self, c: &ast::ExprCall) -> Result<Expr, Diagnostic> {
        let [a, b] = c.args.as_slice() else {
            return Err(self
                .error(c.range, "divmod() takes two arguments")
                .with_help("write `divmod(a, b)`"));
        };
        let x = self.number(a, "divmod")?;
        let y = self.number(b, "divmod")?;
        if crate::model::effects::has_effects(&x) || crate::model::effects::has_effects(&y) {
            return Err(self
                .error(
                    c.range,
                    "divmod() of computed operands is not supported yet",
                )
                .with_help("assign the operands to variables first"));
        }
        let q = self.binary(BinOp::FloorDiv, x.clone(), y.clone(), c.range)?;
        let r = self.binary(BinOp::Mod, x, y, c.range)?;
        let ty = self.types.tuple(vec![q.ty, r.ty]);
        Ok(Expr::new(
            ty,
            ExprKind::Tuple(vec![q, r]),
            self.span(c.range),
        ))
    }

    fn bool_call(&mut self, c: &ast::ExprCall) -> Result<Expr, Diagnostic> {
        match c.args.as_slice() {
            [] => Ok(Expr::new(
                Ty::BOOL,
                ExprKind::Bool(false),
                self.span(c.range),
            )),
            [a] => {
                let v = self.expr(a)?;
                Ok(self.truthy(v))
            }
            _ => Err(self
                .error(c.range, "bool() takes at most one argument")
                .with_help("write `bool(x)`")),
        }
    }

    /// The Python class names a value of static type `t` is an instance
    /// of (`bool` values are `int`s too).
    fn classes_of(&self, t: Ty) -> Option<&'static [&'static str]> {
        Some(match t {
            Ty::BOOL => &["bool", "int"],
            t if t.is_integral() || t == Ty::NAT => &["int"],
            t if t.is_float() => &["float"],
            Ty::STR => &["str"],
            Ty::BYTES => &["bytes"],
            _ => match self.types.kind(t) {
                TyKind::List(_) => &["list"],
                TyKind::Dict(..) => &["dict"],
                TyKind::Tuple(_) => &["tuple"],
                _ => return None,
            },
        })
    }

    /// `isinstance(x, T)` (or a tuple of classes): decided by the static
    /// type; for an `Opt[T]` value, a test for `None`.
    fn isinstance(&mut self, c: &ast::ExprCall) -> Result<Expr, Diagnostic> {
        if let Some(e) = self.exception_isinstance(c)? {
            return Ok(e);
        }
        let [x, classes] = c.args.as_slice() else {
            return Err(self
                .error(c.range, "isinstance() takes two arguments")
                .with_help("write `isinstance(x, int)`"));
        };
        let names: Vec<&ast::Expr> = match classes {
            ast::Expr::Tuple(t) => t.elts.iter().collect(),
            other => vec![other],
        };
        let mut wanted = Vec::new();
        for n in names {
            match n {
                ast::Expr::Name(n)
                    if matches!(
                        n.id.as_str(),
                        "int" | "float" | "str" | "bool" | "bytes" | "list" | "dict" | "tuple"
                    ) =>
                {
                    wanted.push(n.id.as_str())
                }
                other => {
                    return Err(self
                        .error(
                            other.range(),
                            "isinstance() of this class is not supported yet",
                        )
                        .with_help("test for int, float, str, bool, bytes, list, dict or tuple"))
                }
            }
        }
        let v = self.expr(x)?;
        if crate::model::effects::has_effects(&v) {
            return Err(self
                .error(
                    x.range(),
                    "isinstance() of a computed value is not supported yet",
                )
                .with_help("assign the value to a variable first"));
        }
        let span = self.span(c.range);
        let (inner, optional) = match self.types.kind(v.ty) {
            TyKind::Opt(t) => (*t, true),
            _ => (v.ty, false),
        };
        let Some(classes) = self.classes_of(inner) else {
            return Err(self
                .error(
                    x.range(),
                    format!(
                        "isinstance() of a `{}` value is not supported yet",
                        self.types.display(v.ty)
                    ),
                )
                .with_help("test values of built-in types"));
        };
        let matches = classes.iter().any(|c| wanted.contains(c));
        if optional && matches {
            let none = Expr::new(Ty::BOOL, ExprKind::IsNone(Box::new(v)), span);
            return Ok(Expr::new(Ty::BOOL, ExprKind::Not(Box::new(none)), span));
        }
        Ok(Expr::new(Ty::BOOL, ExprKind::Bool(matches), span))
    }

    /// `reversed(xs)` of a list or str: a new list of the items (or
    /// characters) last to first.
    fn reversed(&mut self, c: &ast::ExprCall) -> Result<Expr, Diagnostic> {
        let [a] = c.args.as_slice() else {
            return Err(self
                .error(c.range, "reversed() takes exactly one argument")
                .with_help("write `reversed(xs)`"));
        };
        let v = self.expr(a)?;
        let ty = match self.types.kind(v.ty) {
            TyKind::List(_) => v.ty,
            _ if v.ty == Ty::STR => self.types.list(Ty::STR),
            _ => {
                return Err(self.not_iterable(
                    a.range(),
                    v.ty,
                    "reversed() takes a list or a str here",
                ))
            }
        };
        Ok(Expr::new(
            ty,
            ExprKind::Builtin(Builtin::Reversed, vec![v]),
            self.span(c.range),
        ))
    }

    /// `filter(f, xs)`: the items of `xs` for which `f` (a lambda of one
    /// parameter, a module-level function, or `None` for truthiness) is
    /// true, as a comprehension.
    fn filter_call(&mut self, c: &ast::ExprCall) -> Result<Expr, Diagnostic> {
        let [f, iter] = c.args.as_slice() else {
            return Err(self
                .error(c.range, "filter() takes a function and a list")
                .with_help("write `filter(lambda x: ..., xs)`"));
        };
        let iter_e = self.expr(iter)?;
        let (target, body): (ast::Expr, Option<&ast::Expr>) = match f {
            ast::Expr::Lambda(l)
                if l.args.args.len() == 1
                    && l.args.args[0].default.is_none()
                    && l.args.posonlyargs.is_empty()
                    && l.args.vararg.is_none()
                    && l.args.kwonlyargs.is_empty()
                    && l.args.kwarg.is_none() =>
            {
                let p = &l.args.args[0].def;
                let target = ast::Expr::Name(ast::ExprName {
                    range: p.range,
                    id: p.arg.clone(),
                    ctx: ast::ExprContext::Store,
                });
                (target, Some(&*l.body))
            }
            _ => {
                // A hidden name no Python code can spell.
                let target = ast::Expr::Name(ast::ExprName {
                    range: f.range(),
                    id: ast::Identifier::new(" item"),
                    ctx: ast::ExprContext::Store,
                });
                (target, None)
            }
        };
        let func =
            match f {
                _ if body.is_some() => None,
                _ if is_none(f) => None,
                ast::Expr::Name(n) if self.function_id(n.id.as_str()).is_some() => {
                    self.function_id(n.id.as_str())
                }
                other => return Err(self
                    .error(
                        other.range(),
                        "filter() takes a lambda of one parameter, a module-level function or None",
                    )
                    .with_help("write `filter(lambda x: ..., xs)`")),
            };
        let elem_target = target.clone();
        let name_range = f.range();
        self.comprehension_of(
            iter_e,
            &[&target],
            &target,
            |this| {
                let item = this.expr(&elem_target)?;
                let test = match (body, func) {
                    (Some(b), _) => this.expr(b)?,
                    (None, Some(fid)) => {
                        let sig = this.sig(fid).clone();
                        if sig.params.len() != 1 {
                            return Err(this
                                .error(name_range, "a filter function takes one parameter")
                                .with_help("pass a function of one parameter, or a lambda"));
                        }
                        let arg = this.coerce(item.clone(), sig.params[0].1, name_range)?;
                        Expr::new(sig.ret, ExprKind::Call(fid, vec![arg]), item.span)
                    }
                    (None, None) => item.clone(),
                };
                Ok((Some(this.truthy(test)), item, Vec::new()))
            },
            c.range,
        )
    }

    /// `bytes.fromhex(s)`; `None` for other `X.f(...)` calls.
    pub(crate) fn library_static_call(
        &mut self,
        c: &ast::ExprCall,
        a: &ast::ExprAttribute,
    ) -> Option<Result<Expr, Diagnostic>> {
        let ast::Expr::Name(n) = &*a.value else {
            return None;
        };
        let shadowed = self.global(n.id.as_str()).is_some()
            || self
                .fun
                .as_ref()
                .is_some_and(|f| f.assigned.contains(n.id.as_str()));
        if n.id.as_str() != "bytes" || a.attr.as_str() != "fromhex" || shadowed {
            return None;
        }
        Some(
            self.one_arg(c, "bytes.fromhex", Ty::STR)
                .map(|s| self.lib(LibFn::BytesFromHex, Ty::BYTES, vec![s], c)),
        )
    }
}
