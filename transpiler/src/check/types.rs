//! Resolving Python type annotations to Candid/Python types.

use super::Checker;
use crate::diagnostics::Diagnostic;
use crate::model::{CandidTy, Fixed};
use rustpython_parser::ast::{self, Ranged};

impl Checker<'_> {
    /// The Kybra (or builtin) name an identifier refers to in annotations.
    fn type_name<'a>(&'a self, id: &'a str) -> Option<&'a str> {
        if let Some(orig) = self.kybra_names.get(id) {
            return Some(orig.as_str());
        }
        match id {
            "str" | "int" | "float" | "bool" | "bytes" => Some(id),
            _ => None,
        }
    }

    /// Resolves an annotation of a parameter, global or local.
    pub(crate) fn resolve_type(&self, ann: &ast::Expr) -> Result<CandidTy, Diagnostic> {
        match self.resolve_ret(ann)? {
            Some(t) => Ok(t),
            None => Err(self
                .error(ann.range(), "`void` is only allowed as a return type")
                .with_help("use `None` (Candid `null`) for a value that is always None")),
        }
    }

    /// Resolves a return annotation; `None` is `void` (no results).
    pub(crate) fn resolve_ret(&self, ann: &ast::Expr) -> Result<Option<CandidTy>, Diagnostic> {
        let name = match ann {
            ast::Expr::Name(n) => n.id.as_str().to_string(),
            ast::Expr::Constant(c) => match &c.value {
                ast::Constant::None => return Ok(Some(CandidTy::NULL)),
                ast::Constant::Str(s) => s.trim().to_string(),
                _ => return Err(self.unsupported_type(ann)),
            },
            ast::Expr::Attribute(a) => {
                if matches!(&*a.value, ast::Expr::Name(n) if self.kybra_modules.contains(n.id.as_str()))
                {
                    return self.resolve_kybra_type(a.attr.as_str(), ann);
                }
                return Err(self.unsupported_type(ann));
            }
            _ => return Err(self.unsupported_type(ann)),
        };
        match self.type_name(&name) {
            Some(kybra) => {
                let kybra = kybra.to_string();
                self.resolve_kybra_type(&kybra, ann)
            }
            None => Err(self.unsupported_type(ann)),
        }
    }

    fn resolve_kybra_type(
        &self,
        name: &str,
        ann: &ast::Expr,
    ) -> Result<Option<CandidTy>, Diagnostic> {
        let t = match name {
            "str" | "text" => CandidTy::TEXT,
            "bool" => CandidTy::BOOL,
            "int" => CandidTy::INT,
            "nat" => CandidTy::NAT,
            "float" | "float64" => CandidTy::FLOAT64,
            "float32" => CandidTy::FLOAT32,
            "bytes" | "blob" => CandidTy::BLOB,
            "null" => CandidTy::NULL,
            "Principal" => CandidTy::PRINCIPAL,
            "void" => return Ok(None),
            other => match Fixed::ALL.iter().find(|k| k.candid_name() == other) {
                Some(k) => CandidTy::fixed(*k),
                None => return Err(self.unsupported_type(ann)),
            },
        };
        Ok(Some(t))
    }

    fn unsupported_type(&self, ann: &ast::Expr) -> Diagnostic {
        self.error(ann.range(), "unsupported type annotation")
            .with_help(
                "supported here: str/text, bool, int, nat, nat8..nat64, int8..int64, \
             float/float64, float32, bytes/blob, None/null, void, Principal \
             (imported from kybra)",
            )
    }
}
