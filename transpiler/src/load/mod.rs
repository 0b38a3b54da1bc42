//! Reading and parsing Python modules.

use crate::diagnostics::Diagnostic;
use crate::source::{FileId, SourceMap, Span};
use rustpython_parser::{ast, Parse};

/// A parsed Python module.
#[derive(Debug)]
pub struct Module {
    pub file: FileId,
    /// Display path, e.g. `src/main.py`.
    pub path: String,
    pub body: Vec<ast::Stmt>,
}

/// Adds `source` to `sources` and parses it; a syntax error becomes a
/// diagnostic at its position.
pub fn parse(sources: &mut SourceMap, path: &str, source: &str) -> Result<Module, Diagnostic> {
    let file = sources.add(path, source);
    match ast::Suite::parse(source, path) {
        Ok(body) => Ok(Module {
            file,
            path: path.to_string(),
            body,
        }),
        Err(err) => {
            let at = usize::from(err.offset).min(source.len());
            let message = err.error.to_string();
            Err(Diagnostic::new(
                Span::new(file, at..at + 1),
                format!("invalid syntax: {message}"),
            )
            .with_help("this is not valid Python 3 syntax"))
        }
    }
}
