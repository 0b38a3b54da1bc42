//! Principal, Func and Service values: `Principal.from_str(s)` and the other
//! static methods, `p.to_str()`, `p.bytes`, `p.hex`; a Func is Kybra's
//! tuple `(principal, "method")` (`f[0]`, `f[1]`, built from a tuple
//! literal where a Func is expected); `S(principal)` builds a Service
//! reference and `s.canister_id` reads it back.
//!
//! Each entry point answers `Ok(None)` when the expression is not one of
//! these, so `expr.rs` can try other dispatchers (methods of other types)
//! next to this one.

use super::Checker;
use crate::diagnostics::Diagnostic;
use crate::model::ir::{DefKind, Expr, ExprKind, RefOp};
use crate::model::{Ty, TyKind};
use rustpython_parser::ast::{self, Ranged};

/// `Principal.NAME(...)` static methods: name, operation, parameter type.
const PRINCIPAL_STATICS: &[(&str, RefOp, Option<Ty>)] = &[
    ("from_str", RefOp::PrincipalFromStr, Some(Ty::STR)),
    ("from_hex", RefOp::PrincipalFromHex, Some(Ty::STR)),
    ("anonymous", RefOp::PrincipalAnonymous, None),
    ("management_canister", RefOp::PrincipalManagement, None),
    (
        "self_authenticating",
        RefOp::PrincipalSelfAuthenticating,
        Some(Ty::BYTES),
    ),
];

const PRINCIPAL_HELP: &str = "supported: Principal.from_str(s), Principal.from_hex(s), \
     Principal(b), Principal.anonymous(), Principal.management_canister(), \
     Principal.self_authenticating(public_key), p.to_str(), \
     p.hex, p.bytes, str(p), ==";

impl Checker<'_> {
    /// `Principal.x(...)` and `p.to_str()`.
    pub(crate) fn ref_method_call(
        &mut self,
        c: &ast::ExprCall,
        a: &ast::ExprAttribute,
    ) -> Result<Option<Expr>, Diagnostic> {
        let span = self.span(c.range);
        let method = a.attr.as_str();
        if self.is_kybra(&a.value, "Principal") {
            let Some((_, op, param)) = PRINCIPAL_STATICS.iter().find(|(n, ..)| *n == method) else {
                return Err(self
                    .error(
                        c.func.range(),
                        format!("`Principal.{method}` is not supported"),
                    )
                    .with_help(PRINCIPAL_HELP));
            };
            let args = self.ref_args(c, &format!("Principal.{method}"), *param)?;
            return Ok(Some(Expr::new(
                Ty::PRINCIPAL,
                ExprKind::Ref(*op, args),
                span,
            )));
        }
        if method != "to_str" {
            return Ok(None);
        }
        let recv = self.expr(&a.value)?;
        if recv.ty != Ty::PRINCIPAL {
            return Ok(None);
        }
        self.ref_args(c, "to_str", None)?;
        Ok(Some(Expr::new(
            Ty::STR,
            ExprKind::Ref(RefOp::PrincipalToStr, vec![recv]),
            span,
        )))
    }

    /// `Principal(b)` and `S(principal)` for a Service class `S`.
    pub(crate) fn ref_constructor(
        &mut self,
        c: &ast::ExprCall,
        name: &ast::ExprName,
    ) -> Result<Option<Expr>, Diagnostic> {
        let span = self.span(c.range);
        if self.is_kybra(&c.func, "Principal") {
            let args = self.ref_args(c, "Principal", Some(Ty::BYTES))?;
            return Ok(Some(Expr::new(
                Ty::PRINCIPAL,
                ExprKind::Ref(RefOp::PrincipalFromBytes, args),
                span,
            )));
        }
        let Some(def) = self.def_ids.get(name.id.as_str()).copied() else {
            return Ok(None);
        };
        if !matches!(self.defs[def.0 as usize].kind, DefKind::Service(_)) {
            return Ok(None);
        }
        let ty = self.types.nominal(def);
        let args = self.ref_args(c, name.id.as_str(), Some(Ty::PRINCIPAL))?;
        Ok(Some(Expr::new(
            ty,
            ExprKind::Ref(RefOp::ServiceNew, args),
            span,
        )))
    }

    /// `p.bytes`, `p.hex` and `s.canister_id`.
    pub(crate) fn ref_attribute(
        &mut self,
        a: &ast::ExprAttribute,
    ) -> Result<Option<Expr>, Diagnostic> {
        let attr = a.attr.as_str();
        if !matches!(attr, "bytes" | "hex" | "canister_id") {
            return Ok(None);
        }
        let span = self.span(a.range);
        let recv = self.expr(&a.value)?;
        let (op, ty) = match (attr, recv.ty) {
            ("bytes", Ty::PRINCIPAL) => (RefOp::PrincipalBytes, Ty::BYTES),
            ("hex", Ty::PRINCIPAL) => (RefOp::PrincipalHex, Ty::STR),
            ("canister_id", t) if self.is_service(t) => (RefOp::ServiceCanisterId, Ty::PRINCIPAL),
            _ => return Ok(None),
        };
        Ok(Some(Expr::new(ty, ExprKind::Ref(op, vec![recv]), span)))
    }

    /// `f[0]` (the principal) and `f[1]` (the method name) of a Func.
    pub(crate) fn func_item(
        &mut self,
        base: Expr,
        s: &ast::ExprSubscript,
    ) -> Result<Expr, Diagnostic> {
        let index = super::stmt::const_int(&s.slice);
        let (op, ty) = match index {
            Some(0 | -2) => (RefOp::FuncPrincipal, Ty::PRINCIPAL),
            Some(1 | -1) => (RefOp::FuncMethod, Ty::STR),
            _ => {
                return Err(self
                    .error(
                        s.slice.range(),
                        "a Func is a tuple `(principal, method)`: index it with 0 or 1",
                    )
                    .with_help("`f[0]` is the canister's Principal, `f[1]` the method name"))
            }
        };
        Ok(Expr::new(
            ty,
            ExprKind::Ref(op, vec![base]),
            self.span(s.range),
        ))
    }

    /// `(principal, "method")` where a Func of type `ty` is expected.
    pub(crate) fn func_literal(&mut self, t: &ast::ExprTuple, ty: Ty) -> Result<Expr, Diagnostic> {
        let [p, m] = t.elts.as_slice() else {
            return Err(self
                .error(
                    t.range,
                    format!("a Func is a tuple of 2 values, found {}", t.elts.len()),
                )
                .with_help("write `(principal, \"method_name\")`"));
        };
        let p = self.expect(p, Ty::PRINCIPAL)?;
        let m = self.expect(m, Ty::STR)?;
        Ok(Expr::new(
            ty,
            ExprKind::Ref(RefOp::FuncNew, vec![p, m]),
            self.span(t.range),
        ))
    }

    /// A global's initial value built from literals only:
    /// `Principal.from_str("...")`, `Principal.from_hex("...")`,
    /// `Principal.anonymous()`, `Principal.management_canister()`, and a
    /// Service class applied to one of these. (The literals are checked by
    /// [`Self::constant_ref_error`], so these never raise.)
    pub(crate) fn is_constant_ref(&self, e: &ast::Expr) -> bool {
        let ast::Expr::Call(c) = e else {
            return false;
        };
        if !c.keywords.is_empty() {
            return false;
        }
        match (&*c.func, c.args.as_slice()) {
            (ast::Expr::Attribute(a), args) if self.is_kybra(&a.value, "Principal") => {
                match (a.attr.as_str(), args) {
                    ("anonymous" | "management_canister", []) => true,
                    ("from_str" | "from_hex", [arg]) => str_literal(arg).is_some(),
                    _ => false,
                }
            }
            (ast::Expr::Name(n), [arg]) => {
                let service = self
                    .def_ids
                    .get(n.id.as_str())
                    .is_some_and(|d| matches!(self.defs[d.0 as usize].kind, DefKind::Service(_)));
                service && self.is_constant_ref(arg)
            }
            _ => false,
        }
    }

    /// An invalid principal literal in a global's initial value (which
    /// Python would raise while loading the module, failing the install).
    pub(crate) fn constant_ref_error(&self, e: &ast::Expr) -> Option<Diagnostic> {
        let ast::Expr::Call(c) = e else {
            return None;
        };
        if let [arg] = c.args.as_slice() {
            if let ast::Expr::Attribute(a) = &*c.func {
                if self.is_kybra(&a.value, "Principal") {
                    let text = str_literal(arg)?;
                    let valid = match a.attr.as_str() {
                        "from_str" => {
                            candid::Principal::from_text(text).is_ok_and(|p| p.to_text() == text)
                        }
                        "from_hex" => hex_len(text).is_some_and(|n| n <= 29),
                        _ => true,
                    };
                    return (!valid).then(|| {
                        self.error(arg.range(), format!("{text:?} is not a valid principal"))
                            .with_help(if a.attr.as_str() == "from_str" {
                                "write the principal's canonical text, e.g. \"aaaaa-aa\" or \"2vxsx-fae\""
                            } else {
                                "write at most 29 bytes as pairs of hex digits"
                            })
                    });
                }
            }
            return self.constant_ref_error(arg);
        }
        None
    }

    fn is_service(&self, t: Ty) -> bool {
        match self.types.kind(t) {
            TyKind::Nominal(d) => matches!(self.defs[d.0 as usize].kind, DefKind::Service(_)),
            _ => false,
        }
    }

    /// The arguments of `what(...)`: none, or one of type `param`.
    fn ref_args(
        &mut self,
        c: &ast::ExprCall,
        what: &str,
        param: Option<Ty>,
    ) -> Result<Vec<Expr>, Diagnostic> {
        if !c.keywords.is_empty() {
            return Err(self
                .error(c.range, "keyword arguments are not supported yet")
                .with_help("pass arguments by position"));
        }
        match (param, c.args.as_slice()) {
            (None, []) => Ok(Vec::new()),
            (Some(t), [a]) => Ok(vec![self.expect(a, t)?]),
            (None, _) => Err(self
                .error(c.range, format!("`{what}` takes no arguments"))
                .with_help(format!("write `{what}()`"))),
            (Some(t), _) => Err(self
                .error(c.range, format!("`{what}` takes one argument"))
                .with_help(format!("pass one `{}` value", self.types.display(t)))),
        }
    }
}

fn str_literal(e: &ast::Expr) -> Option<&str> {
    match e {
        ast::Expr::Constant(c) => match &c.value {
            ast::Constant::Str(s) => Some(s.as_str()),
            _ => None,
        },
        _ => None,
    }
}

/// The number of bytes `bytes.fromhex(s)` gives, if it accepts `s`.
fn hex_len(s: &str) -> Option<usize> {
    let digits: Vec<char> = s.chars().filter(|c| !c.is_ascii_whitespace()).collect();
    let pairs_ok = s
        .split(|c: char| c.is_ascii_whitespace())
        .all(|w| w.len() % 2 == 0);
    (pairs_ok && digits.iter().all(|c| c.is_ascii_hexdigit())).then_some(digits.len() / 2)
}
