//! Kybra's `match(value, {"Tag": lambda v: ..., "_": lambda _: ...})` on
//! Variant values.
//!
//! Kybra tries the handlers in the dict's order: the first whose tag the
//! value has is called with the tag's payload (`None` for a `null` tag),
//! `"_"` is called with `None` for any tag, and no handler for the value's
//! tag raises `Exception("No matching case found")`. The result type is the
//! handlers' common type (handlers that trap fit any type). A handler is a
//! one-parameter lambda or a module-level function of one parameter.

use super::Checker;
use crate::diagnostics::Diagnostic;
use crate::model::ir::{DefKind, Expr, ExprKind, MatchArm};
use crate::model::{CandidTy, Ty, TyKind};
use rustpython_parser::ast::{self, Ranged};

const SHAPE: &str = "write `match(value, {\"Tag\": lambda v: ..., \"_\": lambda _: ...})`";

impl Checker<'_> {
    /// `match(value, handlers)`; `want` is the type the context expects.
    pub(super) fn match_call(
        &mut self,
        c: &ast::ExprCall,
        want: Option<Ty>,
    ) -> Result<Expr, Diagnostic> {
        let span = self.span(c.range);
        if !c.keywords.is_empty() || c.args.len() != 2 {
            return Err(self
                .error(
                    c.range,
                    "`match` takes a Variant value and a dict of handlers",
                )
                .with_help(SHAPE));
        }
        if self.fun.is_none() {
            return Err(self
                .error(c.range, "`match` is supported inside functions only")
                .with_help("compute the value in a function"));
        }
        let value = self.expr(&c.args[0])?;
        let variant = match self.types.kind(value.ty) {
            TyKind::Nominal(d) => match &self.defs[d.0 as usize].kind {
                DefKind::Variant(tags) => {
                    Some((self.defs[d.0 as usize].name.clone(), tags.clone()))
                }
                _ => None,
            },
            _ => None,
        };
        let Some((vname, tags)) = variant else {
            let help = if matches!(self.types.kind(value.ty), TyKind::Opt(_)) {
                "for an optional value, test `if x is not None: ... else: ...`"
            } else {
                "`match` takes a value of a `Variant` class"
            };
            return Err(self
                .error(
                    c.args[0].range(),
                    format!(
                        "`match` takes a Variant value, found `{}`",
                        self.types.display(value.ty)
                    ),
                )
                .with_help(help));
        };
        let names: Vec<&str> = tags.iter().map(|t| t.name.as_str()).collect();
        let ast::Expr::Dict(d) = &c.args[1] else {
            return Err(self
                .error(
                    c.args[1].range(),
                    "the handlers of `match` must be a dict literal",
                )
                .with_help(SHAPE));
        };
        // Which tag each handler is for (`None`: `"_"`).
        let mut handlers: Vec<(Option<usize>, &ast::Expr)> = Vec::new();
        for (k, v) in d.keys.iter().zip(&d.values) {
            let key = match k {
                Some(ast::Expr::Constant(k)) => match &k.value {
                    ast::Constant::Str(s) => Some((s.as_str(), k.range)),
                    _ => None,
                },
                _ => None,
            };
            let Some((key, range)) = key else {
                let range = k.as_ref().map_or(v.range(), |k| k.range());
                return Err(self
                    .error(
                        range,
                        "a `match` handler's key must be a tag name in quotes",
                    )
                    .with_help(format!(
                        "the tags of `{vname}`: {}; `\"_\"` handles any other tag",
                        names.join(", ")
                    )));
            };
            if handlers.iter().any(|(t, _)| t.is_none()) {
                return Err(self
                    .error(
                        range,
                        format!("the handler for {key:?} comes after \"_\" and is never called"),
                    )
                    .with_help("`match` tries the handlers in order; move `\"_\"` to the end"));
            }
            let tag = if key == "_" {
                None
            } else {
                let Some(i) = names.iter().position(|n| *n == key) else {
                    return Err(self
                        .error(range, format!("`{vname}` has no tag {key:?}"))
                        .with_help(format!(
                            "its tags: {}; `\"_\"` handles any other tag",
                            names.join(", ")
                        )));
                };
                Some(i)
            };
            if handlers.iter().any(|(t, _)| *t == tag) {
                return Err(self
                    .error(range, format!("{key:?} has two handlers"))
                    .with_help("Python keeps only the last one; give each tag one handler"));
            }
            handlers.push((tag, v));
        }
        let mut arms = Vec::new();
        let mut ranges = Vec::new();
        for (tag, h) in handlers {
            ranges.push(match h {
                ast::Expr::Lambda(l) => l.body.range(),
                _ => h.range(),
            });
            let payload = match tag {
                Some(i) if tags[i].ty != CandidTy::NULL => self.types.value_ty(tags[i].ty),
                _ => Ty::NONE,
            };
            arms.push(self.handler(tag, payload, h, want)?);
        }
        // The result: the handlers' common type; trapping handlers fit it.
        let ty = match want {
            Some(w) => w,
            None => {
                // Handlers returning `None` and others returning `T`: the
                // result is `Opt[T]`.
                let none = |e: &Expr| e.ty == Ty::NONE && matches!(e.kind, ExprKind::None);
                let mut ty: Option<Ty> = None;
                let mut any_none = false;
                for (a, range) in arms.iter().zip(&ranges) {
                    if a.body.diverges() {
                        continue;
                    }
                    if none(&a.body) {
                        any_none = true;
                        continue;
                    }
                    ty = Some(match ty {
                        None => a.body.ty,
                        Some(t) => self
                            .unify_optional(&Expr::new(t, ExprKind::Bool(false), span), &a.body)
                            .ok_or_else(|| {
                                self.error(
                                    *range,
                                    format!(
                                        "this handler returns `{}`, an earlier one `{}`",
                                        self.types.display(a.body.ty),
                                        self.types.display(t)
                                    ),
                                )
                                .with_help("every handler of a `match` must return the same type")
                            })?,
                    });
                }
                match ty {
                    Some(t) if any_none && !matches!(self.types.kind(t), TyKind::Opt(_)) => {
                        self.types.opt(t)
                    }
                    Some(t) => t,
                    None => Ty::NONE,
                }
            }
        };
        let mut out = Vec::new();
        for (mut a, range) in arms.into_iter().zip(ranges) {
            if a.body.diverges() {
                a.body.ty = ty;
            } else {
                a.body = self.coerce(a.body, ty, range)?;
            }
            out.push(a);
        }
        let exhaustive = out.iter().any(|a| a.tag.is_none())
            || (0..tags.len()).all(|i| out.iter().any(|a| a.tag == Some(i)));
        Ok(Expr::new(
            ty,
            ExprKind::Match {
                value: Box::new(value),
                arms: out,
                exhaustive,
            },
            span,
        ))
    }

    /// One handler: a lambda of one parameter, or a module-level function
    /// of one parameter, called with the payload.
    fn handler(
        &mut self,
        tag: Option<usize>,
        payload: Ty,
        h: &ast::Expr,
        want: Option<Ty>,
    ) -> Result<MatchArm, Diagnostic> {
        let id = {
            let ctx = self.ctx();
            ctx.next_arm += 1;
            ctx.next_arm - 1
        };
        let span = self.span(h.range());
        match h {
            ast::Expr::Lambda(l) => {
                let a = &l.args;
                let simple = a.posonlyargs.is_empty()
                    && a.vararg.is_none()
                    && a.kwonlyargs.is_empty()
                    && a.kwarg.is_none()
                    && a.args.len() == 1
                    && a.args[0].default.is_none();
                if !simple {
                    return Err(self
                        .error(
                            h.range(),
                            "a `match` handler takes exactly one parameter: the tag's value",
                        )
                        .with_help("write `lambda value: ...` (the value is None for a null tag and for \"_\")"));
                }
                let name = a.args[0].def.arg.to_string();
                self.ctx().arm_params.push((name.clone(), id, payload));
                let body = if self.is_trap(&l.body) {
                    self.expr(&l.body)
                } else {
                    match want {
                        Some(w) => self.expect(&l.body, w),
                        None => self.expr(&l.body),
                    }
                };
                self.ctx().arm_params.pop();
                Ok(MatchArm {
                    id,
                    tag,
                    name,
                    body: body?,
                })
            }
            ast::Expr::Name(n) if self.function_id(n.id.as_str()).is_some() => {
                let f = self.function_id(n.id.as_str()).expect("checked");
                let sig = self.sig(f).clone();
                let [(param, pty)] = sig.params.as_slice() else {
                    return Err(self
                        .error(
                            h.range(),
                            format!(
                                "`{}` takes {} parameters; a `match` handler takes one",
                                n.id,
                                sig.params.len()
                            ),
                        )
                        .with_help("pass a function of one parameter, or a lambda"));
                };
                let arg = Expr::new(payload, ExprKind::ArmValue(id), span);
                let arg = self.coerce(arg, *pty, h.range())?;
                let body = Expr::new(sig.ret, ExprKind::Call(f, vec![arg]), span);
                Ok(MatchArm {
                    id,
                    tag,
                    name: param.clone(),
                    body,
                })
            }
            _ => Err(self
                .error(
                    h.range(),
                    "a `match` handler must be a lambda or a module-level function",
                )
                .with_help("write `lambda value: ...`")),
        }
    }
}
