//! Errors reported against the Python source: a primary span, a short
//! message, and an optional `help:` line, rendered like rustc/ruff.

use crate::source::{floor_char_boundary, SourceMap, Span};
use std::fmt;

/// One problem in one source file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub span: Span,
    pub message: String,
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn new(span: Span, message: impl Into<String>) -> Self {
        Diagnostic {
            span,
            message: message.into(),
            help: None,
        }
    }

    /// An error that only follows from one already reported (a read of a
    /// name whose assignment failed to compile): it stops checking the
    /// statement but is never shown.
    pub fn follow_up(span: Span) -> Self {
        Diagnostic::new(span, "")
    }

    pub fn is_follow_up(&self) -> bool {
        self.message.is_empty()
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Renders the diagnostic against the file its span points into.
    pub fn render(&self, sources: &SourceMap) -> String {
        let file = sources.file(self.span.file);
        let source = file.text.as_str();
        let start = floor_char_boundary(source, (self.span.start as usize).min(source.len()));
        let (line_no, col) = file.line_col(start);
        let line = file.line_range(line_no);
        let line_text = &source[line.clone()];
        // Underline to the end of the span or of the line, at least one caret.
        let end = floor_char_boundary(source, (self.span.end as usize).clamp(start, line.end));
        let carets = source[start..end].chars().count().max(1);
        let gutter = line_no.to_string().len();
        let pad = " ".repeat(gutter);
        let mut out = format!(
            "error: {}\n{pad}--> {}:{}:{}\n{pad} |\n{line_no} | {}\n{pad} | {}{}\n",
            self.message,
            file.path,
            line_no,
            col,
            line_text,
            " ".repeat(col - 1),
            "^".repeat(carets),
        );
        if let Some(help) = &self.help {
            out.push_str(&format!("{pad} = help: {help}\n"));
        }
        out
    }
}

/// All diagnostics of a failed compilation, with the sources to render them.
#[derive(Debug, Clone, Default)]
pub struct Diagnostics {
    pub items: Vec<Diagnostic>,
    pub sources: SourceMap,
}

impl Diagnostics {
    pub fn render(&self) -> String {
        let mut out = String::new();
        for d in &self.items {
            out.push_str(&d.render(&self.sources));
            out.push('\n');
        }
        let n = self.items.len();
        out.push_str(&format!(
            "error: could not compile, {n} error{} found\n",
            if n == 1 { "" } else { "s" }
        ));
        out
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render())
    }
}

impl std::error::Error for Diagnostics {}
