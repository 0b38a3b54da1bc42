//! Calls of Python's `math` module (`math.sqrt(x)`, ...): each is one
//! `runtime_lite::math` function (`LibFn::Math`), lowered by
//! `lower/library.rs`. The arguments keep their types (a float, bool,
//! int or run-time number), and runtime-lite converts them as CPython
//! does, so `math.sqrt(10**400)` raises CPython's `OverflowError` and
//! `math.log` of a huge int is exact.

use super::Checker;
use crate::diagnostics::Diagnostic;
use crate::model::ir::{Builtin, Expr, ExprKind, LibFn, MathFn};
use crate::model::Ty;
use rustpython_parser::ast::{self, Ranged};

/// The functions of `math` this compiler implements.
pub(crate) const MATH_FUNCTIONS: &[&str] = &[
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
    "isclose",
    "isfinite",
    "isinf",
    "isnan",
    "isqrt",
    "lcm",
    "lgamma",
    "ldexp",
    "log",
    "log10",
    "log1p",
    "log2",
    "modf",
    "nextafter",
    "perm",
    "pow",
    "prod",
    "radians",
    "remainder",
    "sin",
    "sinh",
    "sqrt",
    "tan",
    "tanh",
    "trunc",
    "ulp",
];

/// The functions of one float argument, and their results.
fn unary(name: &str) -> Option<(MathFn, Ty)> {
    use MathFn::*;
    Some(match name {
        "sqrt" => (Sqrt, Ty::FLOAT64),
        "exp" => (Exp, Ty::FLOAT64),
        "exp2" => (Exp2, Ty::FLOAT64),
        "expm1" => (Expm1, Ty::FLOAT64),
        "log1p" => (Log1p, Ty::FLOAT64),
        "log2" => (Log2, Ty::FLOAT64),
        "log10" => (Log10, Ty::FLOAT64),
        "sin" => (Sin, Ty::FLOAT64),
        "cos" => (Cos, Ty::FLOAT64),
        "tan" => (Tan, Ty::FLOAT64),
        "asin" => (Asin, Ty::FLOAT64),
        "acos" => (Acos, Ty::FLOAT64),
        "atan" => (Atan, Ty::FLOAT64),
        "sinh" => (Sinh, Ty::FLOAT64),
        "cosh" => (Cosh, Ty::FLOAT64),
        "tanh" => (Tanh, Ty::FLOAT64),
        "asinh" => (Asinh, Ty::FLOAT64),
        "acosh" => (Acosh, Ty::FLOAT64),
        "atanh" => (Atanh, Ty::FLOAT64),
        "fabs" => (Fabs, Ty::FLOAT64),
        "cbrt" => (Cbrt, Ty::FLOAT64),
        "degrees" => (Degrees, Ty::FLOAT64),
        "radians" => (Radians, Ty::FLOAT64),
        "isfinite" => (IsFinite, Ty::BOOL),
        "isnan" => (IsNan, Ty::BOOL),
        "isinf" => (IsInf, Ty::BOOL),
        "floor" => (Floor, Ty::INT),
        "ceil" => (Ceil, Ty::INT),
        "trunc" => (Trunc, Ty::INT),
        "ulp" => (Ulp, Ty::FLOAT64),
        "erf" => (Erf, Ty::FLOAT64),
        "erfc" => (Erfc, Ty::FLOAT64),
        "gamma" => (Gamma, Ty::FLOAT64),
        "lgamma" => (Lgamma, Ty::FLOAT64),
        _ => return None,
    })
}

/// The functions of two float arguments (all return floats).
fn binary(name: &str) -> Option<MathFn> {
    use MathFn::*;
    Some(match name {
        "copysign" => Copysign,
        "atan2" => Atan2,
        "fmod" => Fmod,
        "pow" => Pow,
        "remainder" => Remainder,
        "nextafter" => NextAfter,
        _ => return None,
    })
}

impl Checker<'_> {
    /// `math.NAME(...)`: a diagnostic for names this compiler does not
    /// implement (or `math` does not have).
    pub(crate) fn math_call(
        &mut self,
        module: &str,
        name: &str,
        c: &ast::ExprCall,
    ) -> Result<Expr, Diagnostic> {
        if !MATH_FUNCTIONS.contains(&name) {
            return Err(self.math_unsupported(module, name, c.func.range(), true));
        }
        let keywords: &[&str] = match name {
            "isclose" => &["a", "b", "rel_tol", "abs_tol"],
            "prod" => &["start"],
            _ => &[],
        };
        if let Some(k) = c
            .keywords
            .iter()
            .find(|k| !k.arg.as_deref().is_some_and(|a| keywords.contains(&a)))
        {
            return Err(self
                .error(
                    k.range(),
                    format!("`math.{name}()` takes no such keyword argument"),
                )
                .with_help("Python raises TypeError here; pass the arguments by position"));
        }
        if let ([ast::Expr::Starred(xs)], "hypot") = (&c.args[..], name) {
            // `math.hypot(*xs)`: the items of a list.
            let xs = self.real_items(&xs.value, name)?;
            let span = self.span(c.range);
            return Ok(Expr::new(
                Ty::FLOAT64,
                ExprKind::Builtin(Builtin::Lib(LibFn::Math(MathFn::HypotOf)), vec![xs]),
                span,
            ));
        }
        if c.args.iter().any(|a| matches!(a, ast::Expr::Starred(_))) {
            return Err(self
                .error(
                    c.range,
                    format!("`math.{name}(*args)` is not supported yet"),
                )
                .with_help("pass the arguments one by one"));
        }
        let span = self.span(c.range);
        let call = |f: MathFn, ty: Ty, args: Vec<Expr>| {
            Expr::new(
                ty,
                ExprKind::Builtin(Builtin::Lib(LibFn::Math(f)), args),
                span,
            )
        };
        if let Some((f, ty)) = unary(name) {
            let [x] = self.math_arity(c, name, 1, 1)?[..] else {
                unreachable!("one argument")
            };
            let x = self.real_arg(x, name)?;
            // `floor`, `ceil` and `trunc` of an int are the int.
            if ty == Ty::INT && (x.ty == Ty::INT || x.ty == Ty::BOOL) {
                return self.coerce(x, Ty::INT, c.range);
            }
            return Ok(call(f, ty, vec![x]));
        }
        if let Some(f) = binary(name) {
            let args = self.math_arity(c, name, 2, 2)?;
            let args = self.real_args(&args, name)?;
            return Ok(call(f, Ty::FLOAT64, args));
        }
        match name {
            "log" => {
                let args = self.math_arity(c, name, 1, 2)?;
                let args = self.real_args(&args, name)?;
                let f = if args.len() == 1 {
                    MathFn::Log
                } else {
                    MathFn::LogBase
                };
                Ok(call(f, Ty::FLOAT64, args))
            }
            "frexp" | "modf" => {
                let [x] = self.math_arity(c, name, 1, 1)?[..] else {
                    unreachable!("one argument")
                };
                let x = self.real_arg(x, name)?;
                let (f, second) = if name == "frexp" {
                    (MathFn::Frexp, Ty::INT)
                } else {
                    (MathFn::Modf, Ty::FLOAT64)
                };
                let ty = self.types.tuple(vec![Ty::FLOAT64, second]);
                Ok(call(f, ty, vec![x]))
            }
            "ldexp" => {
                let [x, i] = self.math_arity(c, name, 2, 2)?[..] else {
                    unreachable!("two arguments")
                };
                let x = self.real_arg(x, name)?;
                let i = self.int_arg(i, name)?;
                Ok(call(MathFn::Ldexp, Ty::FLOAT64, vec![x, i]))
            }
            "hypot" => {
                let args = self.real_args(&c.args.iter().collect::<Vec<_>>(), name)?;
                Ok(call(MathFn::Hypot, Ty::FLOAT64, args))
            }
            "isclose" => {
                if c.args.len() > 2 {
                    return Err(self
                        .error(c.range, "`math.isclose()` takes 2 positional arguments")
                        .with_help(
                            "pass the tolerances by keyword: `rel_tol=...`, `abs_tol=...`",
                        ));
                }
                let slots = self.slots(c, &["a", "b", "rel_tol", "abs_tol"], "math.isclose")?;
                let [Some(a), Some(b), rel, abs] = slots[..] else {
                    return Err(self
                        .error(c.range, "`math.isclose()` takes two numbers")
                        .with_help("write `math.isclose(a, b)`"));
                };
                let mut args = self.real_args(&[a, b], name)?;
                for (t, default) in [(rel, 1e-9), (abs, 0.0)] {
                    args.push(match t {
                        Some(t) => self.real_arg(t, name)?,
                        None => Expr::new(Ty::FLOAT64, ExprKind::Float(default), span),
                    });
                }
                Ok(call(MathFn::IsClose, Ty::BOOL, args))
            }
            "gcd" | "lcm" => {
                // Folded into calls of two arguments: `gcd()` is 0,
                // `lcm()` is 1, and `gcd(a)` is `gcd(0, a)`.
                let (f, unit) = if name == "gcd" {
                    (MathFn::Gcd, 0)
                } else {
                    (MathFn::Lcm, 1)
                };
                let mut acc = Expr::new(Ty::INT, ExprKind::Int(unit.into()), span);
                for (i, a) in c.args.iter().enumerate() {
                    let v = self.int_arg(a, name)?;
                    acc = if i == 0 && c.args.len() > 1 {
                        v
                    } else {
                        call(f, Ty::INT, vec![acc, v])
                    };
                }
                Ok(acc)
            }
            "factorial" | "isqrt" => {
                let [n] = self.math_arity(c, name, 1, 1)?[..] else {
                    unreachable!("one argument")
                };
                let n = self.int_arg(n, name)?;
                let f = if name == "factorial" {
                    MathFn::Factorial
                } else {
                    MathFn::Isqrt
                };
                Ok(call(f, Ty::INT, vec![n]))
            }
            "comb" | "perm" => {
                let least = if name == "comb" { 2 } else { 1 };
                let args = self.math_arity(c, name, least, 2)?;
                let args = args
                    .into_iter()
                    .map(|a| self.int_arg(a, name))
                    .collect::<Result<Vec<_>, _>>()?;
                let f = if name == "comb" {
                    MathFn::Comb
                } else {
                    MathFn::Perm
                };
                Ok(call(f, Ty::INT, args))
            }
            "fsum" => {
                let [xs] = self.math_arity(c, name, 1, 1)?[..] else {
                    unreachable!("one argument")
                };
                let xs = self.real_items(xs, name)?;
                Ok(call(MathFn::Fsum, Ty::FLOAT64, vec![xs]))
            }
            "dist" => {
                let [p, q] = self.math_arity(c, name, 2, 2)?[..] else {
                    unreachable!("two arguments")
                };
                let p = self.real_items(p, name)?;
                let q = self.real_items(q, name)?;
                Ok(call(MathFn::Dist, Ty::FLOAT64, vec![p, q]))
            }
            "prod" => self.math_prod(c),
            _ => Err(self.math_unsupported(module, name, c.func.range(), true)),
        }
    }

    /// `math.prod(xs, start=1)`: an int of ints, else a run-time number
    /// (each multiplication decides its type; `prod([])` is the int 1).
    fn math_prod(&mut self, c: &ast::ExprCall) -> Result<Expr, Diagnostic> {
        let [xs] = self.math_arity(c, "prod", 1, 1)?[..] else {
            unreachable!("one argument")
        };
        let xs = self.real_items(xs, "prod")?;
        let item = self.item_ty(xs.ty);
        let span = self.span(c.range);
        let start = match c.keywords.first() {
            Some(k) => self.real_arg(&k.value, "prod")?,
            None => Expr::new(Ty::INT, ExprKind::Int(1.into()), span),
        };
        let ints = |t: Ty| t == Ty::INT || t == Ty::BOOL;
        let (f, ty, start) = if ints(item) && ints(start.ty) {
            let start = self.coerce(start, Ty::INT, c.range)?;
            (MathFn::ProdInt, Ty::INT, start)
        } else {
            let start = self.coerce(start, Ty::NUM, c.range)?;
            (MathFn::ProdNum, Ty::NUM, start)
        };
        Ok(Expr::new(
            ty,
            ExprKind::Builtin(Builtin::Lib(LibFn::Math(f)), vec![xs, start]),
            span,
        ))
    }

    /// The positional arguments, `least` to `most` of them.
    fn math_arity<'a>(
        &self,
        c: &'a ast::ExprCall,
        name: &str,
        least: usize,
        most: usize,
    ) -> Result<Vec<&'a ast::Expr>, Diagnostic> {
        let n = c.args.len();
        if (least..=most).contains(&n) && (c.keywords.is_empty() || name == "prod") {
            return Ok(c.args.iter().collect());
        }
        let count = if least == most {
            format!("{least}")
        } else {
            format!("{least} or {most}")
        };
        Err(self
            .error(
                c.range,
                format!("`math.{name}()` takes {count} argument(s), {n} given"),
            )
            .with_help("Python raises TypeError here"))
    }

    /// An argument CPython converts to a float: a float, bool, int or
    /// run-time number, kept as it is (runtime-lite converts it).
    fn real_arg(&mut self, a: &ast::Expr, name: &str) -> Result<Expr, Diagnostic> {
        let v = self.expr(a)?;
        match v.ty {
            Ty::FLOAT64 | Ty::BOOL | Ty::INT | Ty::NUM => Ok(v),
            Ty::FLOAT32 => self.coerce(v, Ty::FLOAT64, a.range()),
            t if t.is_integral() || t == Ty::NAT => self.coerce(v, Ty::INT, a.range()),
            t => Err(self
                .error(
                    a.range(),
                    format!(
                        "`math.{name}()` takes numbers, found `{}`",
                        self.types.display(t)
                    ),
                )
                .with_help("Python raises TypeError here: must be real number")),
        }
    }

    fn real_args(&mut self, args: &[&ast::Expr], name: &str) -> Result<Vec<Expr>, Diagnostic> {
        args.iter().map(|a| self.real_arg(a, name)).collect()
    }

    /// An argument CPython takes as an int (`bool` is one).
    fn int_arg(&mut self, a: &ast::Expr, name: &str) -> Result<Expr, Diagnostic> {
        let v = self.expr(a)?;
        if v.ty.is_integral() || v.ty == Ty::BOOL || v.ty == Ty::NAT {
            return self.coerce(v, Ty::INT, a.range());
        }
        Err(self
            .error(
                a.range(),
                format!(
                    "`math.{name}()` takes ints, found `{}`",
                    self.types.display(v.ty)
                ),
            )
            .with_help(format!(
                "Python raises TypeError here: '{}' object cannot be interpreted as an integer",
                self.types.display(v.ty)
            )))
    }

    /// An iterable of numbers (a list, tuple, set, range, generator...).
    fn real_items(&mut self, a: &ast::Expr, name: &str) -> Result<Expr, Diagnostic> {
        // `[]` and `()`: no items, of the type the function sums best.
        let empty = match a {
            ast::Expr::List(l) => l.elts.is_empty(),
            ast::Expr::Tuple(t) => t.elts.is_empty(),
            _ => false,
        };
        if empty {
            let item = if name == "prod" { Ty::INT } else { Ty::FLOAT64 };
            let ty = self.types.list(item);
            return Ok(Expr::new(
                ty,
                ExprKind::List(Vec::new()),
                self.span(a.range()),
            ));
        }
        let v = self.iterable(a)?;
        let (v, item) = self.builtin_iterable(v, a.range(), &format!("math.{name}"))?;
        if item.is_numeric() || item == Ty::BOOL || item == Ty::NAT || item == Ty::NUM {
            return Ok(v);
        }
        Err(self
            .error(
                a.range(),
                format!(
                    "`math.{name}()` takes numbers, found items of type `{}`",
                    self.types.display(item)
                ),
            )
            .with_help("Python raises TypeError here: must be real number"))
    }

    /// The item type of a list (or the keys of a dict).
    fn item_ty(&self, t: Ty) -> Ty {
        match self.types.kind(t) {
            crate::model::TyKind::List(t) | crate::model::TyKind::Dict(t, _) => *t,
            _ => t,
        }
    }

    /// A `math` function named where a function value of type `want` is
    /// expected (`f: Callable[[float], float] = math.sqrt`): the lambda
    /// `lambda x0, ...: math.sqrt(x0, ...)` of `want`'s parameters, so the
    /// call is checked as any other. `None` for other expressions.
    pub(crate) fn math_function_value(
        &mut self,
        e: &ast::Expr,
        want: Ty,
    ) -> Option<Result<Expr, Diagnostic>> {
        let crate::model::TyKind::Callable { params, .. } = self.types.kind(want).clone() else {
            return None;
        };
        let name = match e {
            ast::Expr::Attribute(a) if self.native_module(&a.value).is_some() => a.attr.to_string(),
            ast::Expr::Name(n) => self.native_name(n.id.as_str())?.1,
            _ => return None,
        };
        if !MATH_FUNCTIONS.contains(&name.as_str()) {
            return None;
        }
        let range = e.range();
        // Hidden names no Python code can spell.
        let names: Vec<ast::Identifier> = (0..params.len())
            .map(|i| ast::Identifier::new(format!(" x{i}")))
            .collect();
        let call = ast::Expr::Call(ast::ExprCall {
            range,
            func: Box::new(e.clone()),
            args: names
                .iter()
                .map(|id| {
                    ast::Expr::Name(ast::ExprName {
                        range,
                        id: id.clone(),
                        ctx: ast::ExprContext::Load,
                    })
                })
                .collect(),
            keywords: Vec::new(),
        });
        let args = names
            .into_iter()
            .map(|id| ast::ArgWithDefault {
                range: range.into(),
                def: ast::Arg {
                    range,
                    arg: id,
                    annotation: None,
                    type_comment: None,
                },
                default: None,
            })
            .collect();
        let lambda = ast::ExprLambda {
            range,
            args: Box::new(ast::Arguments {
                range: range.into(),
                posonlyargs: Vec::new(),
                args,
                vararg: None,
                kwonlyargs: Vec::new(),
                kwarg: None,
            }),
            body: Box::new(call),
        };
        Some(self.lambda_value(&lambda, want, None))
    }

    /// The diagnostic for a `math` name this compiler does not implement
    /// (`called`: a call, else a read), or that `math` does not have.
    pub(crate) fn math_unsupported(
        &self,
        module: &str,
        name: &str,
        range: rustpython_parser::text_size::TextRange,
        called: bool,
    ) -> Diagnostic {
        if !super::expr::MATH_NAMES.contains(&name) {
            return self
                .error(
                    range,
                    format!("module `{module}` has no attribute `{name}`"),
                )
                .with_help("Python raises AttributeError here");
        }
        if MATH_FUNCTIONS.contains(&name) {
            return self
                .error(
                    range,
                    format!("`{module}.{name}` as a value is not supported yet"),
                )
                .with_help(format!(
                    "call it (`{module}.{name}(...)`), or pass it where a `Callable[...]` is expected"
                ));
        }
        let shown = if called {
            format!("`{module}.{name}()`")
        } else {
            format!("`{module}.{name}`")
        };
        self.error(range, format!("{shown} is not supported yet"))
            .with_help(format!(
            "supported so far: math.pi, math.e, math.tau, math.inf, math.nan and the functions {}",
            MATH_FUNCTIONS.join(", ")
        ))
    }
}
