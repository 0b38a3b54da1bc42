//! Errors reported against the Python source: a primary span, a short
//! message, and an optional `help:` line, rendered like rustc/ruff.

use std::fmt;
use std::ops::Range;

/// One problem in one source file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Path as the user gave it (used in the rendered header).
    pub file: String,
    /// Byte range into the file's text.
    pub span: Range<usize>,
    pub message: String,
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn new(file: &str, span: Range<usize>, message: impl Into<String>) -> Self {
        Diagnostic {
            file: file.to_string(),
            span,
            message: message.into(),
            help: None,
        }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Renders the diagnostic against `source`, the text of `self.file`.
    pub fn render(&self, source: &str) -> String {
        let start = floor_char_boundary(source, self.span.start.min(source.len()));
        let (line_no, _) = line_col(source, start);
        let line_start = source[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = source[start..]
            .find('\n')
            .map_or(source.len(), |i| start + i);
        let line_text = source[line_start..line_end].trim_end_matches('\r');
        // Underline to the end of the span or of the line, at least one caret.
        let end = floor_char_boundary(
            source,
            self.span.end.clamp(start, line_start + line_text.len()),
        );
        let caret_col = source[line_start..start].chars().count();
        let carets = source[start..end].chars().count().max(1);
        let gutter = line_no.to_string().len();
        let pad = " ".repeat(gutter);
        let mut out = format!(
            "error: {}\n{pad}--> {}:{}:{}\n{pad} |\n{line_no} | {}\n{pad} | {}{}\n",
            self.message,
            self.file,
            line_no,
            caret_col + 1,
            line_text,
            " ".repeat(caret_col),
            "^".repeat(carets),
        );
        if let Some(help) = &self.help {
            out.push_str(&format!("{pad} = help: {help}\n"));
        }
        out
    }

    /// `file:line` of the span's start, for runtime error locations.
    pub fn location(file: &str, source: &str, offset: usize) -> String {
        let (line, _) = line_col(source, offset.min(source.len()));
        format!("{file}:{line}")
    }
}

/// 1-based line and column (in chars) of a byte offset.
pub fn line_col(source: &str, offset: usize) -> (usize, usize) {
    let offset = floor_char_boundary(source, offset.min(source.len()));
    let before = &source[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, source[line_start..offset].chars().count() + 1)
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// All diagnostics of a failed compilation, with the sources to render them.
#[derive(Debug, Clone, Default)]
pub struct Diagnostics {
    pub items: Vec<Diagnostic>,
    pub source: String,
}

impl Diagnostics {
    pub fn render(&self) -> String {
        let mut out = String::new();
        for d in &self.items {
            out.push_str(&d.render(&self.source));
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
