//! Reading and parsing the Python entry module.

use crate::diagnostics::Diagnostic;
use rustpython_parser::{ast, Parse};

/// A parsed Python module together with its text.
#[derive(Debug)]
pub struct Module {
    /// Display path, e.g. `src/main.py`.
    pub path: String,
    pub source: String,
    pub body: Vec<ast::Stmt>,
}

/// Parses `source`; a syntax error becomes a diagnostic at its position.
pub fn parse(path: &str, source: &str) -> Result<Module, Diagnostic> {
    match ast::Suite::parse(source, path) {
        Ok(body) => Ok(Module {
            path: path.to_string(),
            source: source.to_string(),
            body,
        }),
        Err(err) => {
            let at = usize::from(err.offset).min(source.len());
            let message = err.error.to_string();
            Err(
                Diagnostic::new(path, at..at + 1, format!("invalid syntax: {message}"))
                    .with_help("this is not valid Python 3 syntax"),
            )
        }
    }
}
