//! Scenario scripts: a small subset of the ic-repl language for testing
//! canisters offline against replica-lite. See `SCENARIOS.md` for the
//! language.
//!
//! Pipeline: [`lexer`] -> [`parser`] (plain [`ast`]) -> [`eval`] against a
//! [`host::Host`] (a [`crate::Replica`] in production, a fake in unit tests).
//! The runner here turns command outcomes into report lines and a
//! [`ScriptReport`].

mod ast;
mod eval;
mod host;
mod identity;
mod lexer;
mod parser;
mod replica_host;
mod values;
mod wasm;

#[cfg(test)]
mod tests;

pub use identity::{identity_principal, DEFAULT_IDENTITY};

use crate::{Replica, ReplicaConfig};
use anyhow::Context;
use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Builds canister Wasm from Python sources for `install("x.py")`.
/// The kybra-aot CLI implements it; replica-lite alone cannot compile Python.
pub trait CanisterBuilder {
    fn build_python(&mut self, entry: &Path) -> anyhow::Result<Vec<u8>>;
}

/// A builder that refuses Python sources (used by the `replica-lite` binary).
#[derive(Debug, Default, Clone, Copy)]
pub struct NoPythonBuilder;

impl CanisterBuilder for NoPythonBuilder {
    fn build_python(&mut self, entry: &Path) -> anyhow::Result<Vec<u8>> {
        anyhow::bail!(
            "cannot install {}: build Python canisters with `kybra-aot test`",
            entry.display()
        )
    }
}

/// Why a script line failed.
#[derive(Debug, Clone, PartialEq)]
pub enum FailureKind {
    /// An `assert` whose relation did not hold; the values as Candid text.
    Assertion {
        op: String,
        left: String,
        right: String,
    },
    /// A parse error, an unexpected reject, or any other error that stopped
    /// the script.
    Error { message: String },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Failure {
    pub script: PathBuf,
    /// 1-based line of the failing command (of the error, for parse errors).
    pub line: usize,
    /// 1-based column, for parse errors.
    pub column: Option<usize>,
    /// The source text of the failing command (whitespace collapsed), or of
    /// the offending line for parse errors.
    pub source: String,
    pub kind: FailureKind,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct ScriptReport {
    pub script: PathBuf,
    pub passed: usize,
    pub failed: usize,
    pub failures: Vec<Failure>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Totals {
    pub passed: usize,
    pub failed: usize,
    pub scripts: Vec<ScriptReport>,
}

impl Totals {
    pub fn success(&self) -> bool {
        self.failed == 0
    }
}

/// A syntax error at a byte offset of the script.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SyntaxError {
    pub offset: usize,
    pub message: String,
}

impl SyntaxError {
    pub(crate) fn new(offset: usize, message: impl Into<String>) -> Self {
        SyntaxError {
            offset,
            message: message.into(),
        }
    }
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "at byte {}: {}", self.offset, self.message)
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub(crate) fn line_col(src: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(src.len());
    let before = &src[..floor_char_boundary(src, offset)];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[line_start..].chars().count() + 1;
    (line, col)
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn source_line(src: &str, line: usize) -> &str {
    src.lines().nth(line - 1).unwrap_or("")
}

fn collapse_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Runs the script at `path` against `replica`, writing one line per
/// assertion to `out`. Errors only when the script cannot be read or `out`
/// cannot be written; failures inside the script are in the report.
pub fn run_script(
    path: &Path,
    replica: &mut Replica,
    builder: &mut dyn CanisterBuilder,
    out: &mut dyn Write,
) -> anyhow::Result<ScriptReport> {
    let src = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read scenario script {}", path.display()))?;
    let mut host = replica_host::ReplicaHost::new(replica);
    run_on_deep_stack(|| run_source(path, &src, &mut host, builder, out))
}

/// Runs `f` with at least 32 MiB of stack left, growing the stack in 256 MiB
/// segments (reserved, not committed): candid refuses to walk a deeply nested value when little stack
/// remains (test threads have 2 MiB), and scripts send deep recursive values.
fn run_on_deep_stack<T>(f: impl FnOnce() -> T) -> T {
    stacker::maybe_grow(32 << 20, 256 << 20, f)
}

/// Runs each script in a fresh [`Replica`] and prints `N passed, N failed`.
/// A script that cannot be read counts as one failure.
pub fn run_scripts<P: AsRef<Path>>(
    paths: &[P],
    builder: &mut dyn CanisterBuilder,
    out: &mut dyn Write,
) -> anyhow::Result<Totals> {
    run_scripts_with(&ReplicaConfig::default(), paths, builder, out)
}

/// [`run_scripts`] with each script's replica made from `config`.
pub fn run_scripts_with<P: AsRef<Path>>(
    config: &ReplicaConfig,
    paths: &[P],
    builder: &mut dyn CanisterBuilder,
    out: &mut dyn Write,
) -> anyhow::Result<Totals> {
    let mut totals = Totals::default();
    for path in paths {
        let path = path.as_ref();
        let mut replica = Replica::new(config.clone());
        let report = match std::fs::read_to_string(path) {
            Ok(src) => {
                let mut host = replica_host::ReplicaHost::new(&mut replica);
                run_on_deep_stack(|| run_source(path, &src, &mut host, builder, out))?
            }
            Err(e) => {
                let message = format!("cannot read scenario script: {e}");
                writeln!(out, "FAIL {}  error: {message}", path.display())?;
                ScriptReport {
                    script: path.to_path_buf(),
                    passed: 0,
                    failed: 1,
                    failures: vec![Failure {
                        script: path.to_path_buf(),
                        line: 0,
                        column: None,
                        source: String::new(),
                        kind: FailureKind::Error { message },
                    }],
                }
            }
        };
        totals.passed += report.passed;
        totals.failed += report.failed;
        totals.scripts.push(report);
    }
    writeln!(out, "{} passed, {} failed", totals.passed, totals.failed)?;
    Ok(totals)
}

/// How many recent canister log lines are shown when a script stops.
const LOG_TAIL: usize = 20;

pub(crate) fn run_source(
    path: &Path,
    src: &str,
    host: &mut dyn host::Host,
    builder: &mut dyn CanisterBuilder,
    out: &mut dyn Write,
) -> anyhow::Result<ScriptReport> {
    let file = path.display().to_string();
    let mut report = ScriptReport {
        script: path.to_path_buf(),
        ..ScriptReport::default()
    };
    let commands = match parser::parse_script(src) {
        Ok(c) => c,
        Err(e) => {
            let (line, col) = line_col(src, e.offset);
            let text = source_line(src, line);
            writeln!(out, "FAIL {file}:{line}:{col}  parse error: {}", e.message)?;
            writeln!(out, "     | {text}")?;
            let pad: String = text
                .chars()
                .take(col - 1)
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            writeln!(out, "     | {pad}^")?;
            report.failed = 1;
            report.failures.push(Failure {
                script: path.to_path_buf(),
                line,
                column: Some(col),
                source: text.to_string(),
                kind: FailureKind::Error {
                    message: format!("parse error: {}", e.message),
                },
            });
            return Ok(report);
        }
    };
    let base_dir = path
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."));
    let mut eval = eval::Evaluator::new(host, builder, base_dir);
    let mut logs: Vec<String> = Vec::new();
    for command in &commands {
        let (line, _) = line_col(src, command.start);
        let text = collapse_ws(&src[command.start..command.end]);
        let result = eval.exec(&command.kind);
        logs.extend(eval.drain_logs());
        if logs.len() > LOG_TAIL {
            logs.drain(..logs.len() - LOG_TAIL);
        }
        match result {
            Ok(None) => {}
            Ok(Some(outcome)) if outcome.passed => {
                report.passed += 1;
                writeln!(out, "ok  {file}:{line}  {text}")?;
            }
            Ok(Some(outcome)) => {
                report.failed += 1;
                let (left, right) = (outcome.left.to_string(), outcome.right.to_string());
                writeln!(out, "FAIL {file}:{line}  {text}")?;
                writeln!(out, "     left:  {left}")?;
                writeln!(out, "     right: {right}")?;
                let op = match &command.kind {
                    ast::CommandKind::Assert(_, op, _) => op.symbol(),
                    _ => "",
                };
                report.failures.push(Failure {
                    script: path.to_path_buf(),
                    line,
                    column: None,
                    source: text,
                    kind: FailureKind::Assertion {
                        op: op.to_string(),
                        left,
                        right,
                    },
                });
            }
            Err(e) => {
                report.failed += 1;
                let message = e.to_string();
                writeln!(out, "FAIL {file}:{line}  {text}")?;
                writeln!(out, "     error: {message}")?;
                for l in &logs {
                    writeln!(out, "     log: {l}")?;
                }
                report.failures.push(Failure {
                    script: path.to_path_buf(),
                    line,
                    column: None,
                    source: text,
                    kind: FailureKind::Error { message },
                });
                break;
            }
        }
    }
    Ok(report)
}
