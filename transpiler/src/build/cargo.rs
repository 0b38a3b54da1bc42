//! Running cargo on a generated canister crate: a build that the caller's
//! environment and cargo configuration cannot change, and diagnostics read
//! from cargo's JSON messages.

use super::{BuildError, CANISTER_PACKAGE, CANISTER_PROFILE};
use serde::Deserialize;
use std::ffi::OsString;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// `$KYBRA_AOT_CACHE_DIR`, else `$XDG_CACHE_HOME/kybra-aot`, else
/// `~/.cache/kybra-aot` (the per-user cache shared by all canister builds).
pub fn cache_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("KYBRA_AOT_CACHE_DIR").filter(|v| !v.is_empty()) {
        return PathBuf::from(dir);
    }
    if let Some(dir) = std::env::var_os("XDG_CACHE_HOME").filter(|v| !v.is_empty()) {
        return PathBuf::from(dir).join("kybra-aot");
    }
    match std::env::var_os("HOME").filter(|v| !v.is_empty()) {
        Some(home) => PathBuf::from(home).join(".cache").join("kybra-aot"),
        None => std::env::temp_dir().join("kybra-aot-cache"),
    }
}

/// The one cargo target directory every canister build sharing `cache` uses.
pub fn canister_target_dir(cache: &Path) -> PathBuf {
    cache.join("target")
}

/// Environment variables that select where cargo downloads from and how it
/// reaches the network; every other `CARGO_*` variable is removed, since
/// cargo reads most of its configuration from them (`CARGO_PROFILE_*`,
/// `CARGO_BUILD_*`, `CARGO_TARGET_*`, `CARGO_TARGET_DIR`, `CARGO_TERM_*`...).
const KEPT_CARGO_VARS: &[&str] = &[
    "CARGO_HOME",
    "CARGO_NET_",
    "CARGO_HTTP_",
    "CARGO_REGISTRY_",
    "CARGO_REGISTRIES_",
];

/// Variables outside `CARGO_*` that change what rustc is asked to do.
const REMOVED_VARS: &[&str] = &["RUSTFLAGS", "RUSTDOCFLAGS", "RUSTC_BOOTSTRAP"];

/// The command line and environment of a canister build. The caller's
/// environment and cargo configuration must not change the Wasm:
///
/// - cargo runs in the filesystem root, so no `.cargo/config.toml` of the
///   project (or any directory above it) applies: cargo discovers config
///   files from its working directory, not from the manifest path. Only the
///   user's `$CARGO_HOME/config.toml` is still read, and
/// - `--config` overrides (which beat every config file and variable) pin the
///   release profile, the target dir, rustflags, the rustc wrapper and the
///   terminal settings whose output is parsed;
/// - `CARGO_ENCODED_RUSTFLAGS` is set empty, which cargo takes over every
///   other source of rustflags (`RUSTFLAGS`, `build.rustflags`, and
///   `target.<triple or cfg>.rustflags` in any config file);
/// - `RUSTC_WRAPPER` / `RUSTC_WORKSPACE_WRAPPER` are set empty (no wrapper,
///   whatever a config file says) and the other `CARGO_*` variables removed.
///
/// The toolchain is the default one (or `RUSTUP_TOOLCHAIN`'s), not one that a
/// `rust-toolchain.toml` above the project would select.
pub fn cargo_command(crate_dir: &Path, target_dir: &Path) -> Command {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut cmd = Command::new(cargo);
    let root = target_dir
        .ancestors()
        .last()
        .filter(|r| !r.as_os_str().is_empty())
        .unwrap_or(Path::new("/"));
    cmd.current_dir(root);
    cmd.arg("build")
        .arg("--release")
        .arg("--target")
        .arg("wasm32-unknown-unknown")
        .arg("--manifest-path")
        .arg(crate_dir.join("Cargo.toml"))
        // The crate's Cargo.lock is kybra-aot's (`CANISTER_LOCK`).
        .arg("--locked")
        .arg("--target-dir")
        .arg(target_dir)
        .arg("--message-format")
        .arg("json")
        .arg("--color")
        .arg("never");
    for (key, value) in profile_settings() {
        cmd.arg("--config")
            .arg(format!("profile.release.{key}={value}"));
    }
    for setting in [
        "build.rustflags=[]",
        "target.wasm32-unknown-unknown.rustflags=[]",
        "build.rustc-wrapper=\"\"",
        "build.rustc-workspace-wrapper=\"\"",
        "build.incremental=false",
        "term.quiet=false",
        "term.verbose=false",
    ] {
        cmd.arg("--config").arg(setting);
    }
    for (name, _) in std::env::vars_os() {
        if removed_from_env(&name) {
            cmd.env_remove(&name);
        }
    }
    cmd.env("CARGO_ENCODED_RUSTFLAGS", "")
        .env("RUSTC_WRAPPER", "")
        .env("RUSTC_WORKSPACE_WRAPPER", "")
        .stdin(Stdio::null());
    cmd
}

/// Whether the canister build's environment drops variable `name`.
pub(super) fn removed_from_env(name: &OsString) -> bool {
    let Some(name) = name.to_str() else {
        return false;
    };
    if REMOVED_VARS.contains(&name) || name == "CARGO" {
        return true;
    }
    name.starts_with("CARGO_") && !KEPT_CARGO_VARS.iter().any(|k| name.starts_with(k))
}

/// `(key, TOML value)` of every `[profile.release]` setting in
/// [`CANISTER_PROFILE`].
pub fn profile_settings() -> Vec<(&'static str, &'static str)> {
    CANISTER_PROFILE
        .lines()
        .filter_map(|l| l.split_once(" = "))
        .map(|(k, v)| (k.trim(), v.trim()))
        .collect()
}

/// One line of `cargo build --message-format json`.
#[derive(Deserialize)]
#[serde(tag = "reason", rename_all = "kebab-case")]
enum JsonLine {
    CompilerMessage {
        manifest_path: PathBuf,
        message: Diagnostic,
    },
    CompilerArtifact {
        manifest_path: PathBuf,
        target: Target,
        filenames: Vec<PathBuf>,
    },
    #[serde(other)]
    Other,
}

#[derive(Deserialize)]
struct Target {
    kind: Vec<String>,
}

#[derive(Deserialize)]
struct Diagnostic {
    level: String,
    rendered: Option<String>,
    spans: Vec<Span>,
}

#[derive(Deserialize)]
struct Span {
    file_name: PathBuf,
    is_primary: bool,
}

/// What cargo's JSON messages say about one build.
#[derive(Debug, Default, PartialEq)]
pub struct Messages {
    /// The canister's `.wasm` (its cdylib artifact).
    pub wasm: Option<PathBuf>,
    /// Warnings whose primary span is in the generated crate's sources.
    pub warnings: Vec<String>,
    /// Every error, in the crate or in a dependency.
    pub errors: Vec<String>,
}

/// Folds cargo's JSON messages (one per line; other lines are ignored) for
/// the crate at `crate_dir` (absolute).
pub fn read_messages(lines: impl IntoIterator<Item = String>, crate_dir: &Path) -> Messages {
    let manifest = crate_dir.join("Cargo.toml");
    let mut out = Messages::default();
    for line in lines {
        let Ok(message) = serde_json::from_str::<JsonLine>(&line) else {
            continue;
        };
        match message {
            JsonLine::CompilerMessage {
                manifest_path,
                message,
            } => {
                let Some(rendered) = message.rendered else {
                    continue;
                };
                let rendered = rendered.trim_end().to_string();
                if message.level == "error" {
                    out.errors.push(rendered);
                } else if message.level == "warning"
                    && manifest_path == manifest
                    && message.spans.iter().any(|s| {
                        s.is_primary
                            && (s.file_name.is_relative() || s.file_name.starts_with(crate_dir))
                    })
                {
                    // Relative span paths are relative to the crate (its own
                    // workspace root); dependencies have absolute paths.
                    out.warnings.push(rendered);
                }
            }
            JsonLine::CompilerArtifact {
                manifest_path,
                target,
                filenames,
            } => {
                if manifest_path == manifest && target.kind.iter().any(|k| k == "cdylib") {
                    out.wasm = filenames
                        .into_iter()
                        .find(|f| f.extension().is_some_and(|e| e == "wasm"));
                }
            }
            JsonLine::Other => {}
        }
    }
    out
}

/// The package cargo starts compiling on stderr line `line`, if any
/// (`   Compiling name v1.2.3`).
fn compiling(line: &str) -> Option<&str> {
    let mut words = line.split_whitespace();
    (words.next() == Some("Compiling"))
        .then(|| words.next())
        .flatten()
}

/// Builds `crate_dir` (library `lib`) for wasm32 in release mode; returns the
/// `.wasm` path and any compiler warnings about the generated code.
/// `progress` is called with the name of each dependency cargo starts
/// compiling (first builds). `verbose` echoes cargo's stderr.
pub fn cargo_build(
    crate_dir: &Path,
    lib: &str,
    target_dir: &Path,
    verbose: bool,
    progress: &mut dyn FnMut(&str),
) -> Result<(PathBuf, Vec<String>), BuildError> {
    let io = |what: &str, path: &Path, e: std::io::Error| {
        BuildError::Io(format!("{what} {}: {e}", path.display()))
    };
    let crate_dir =
        std::fs::canonicalize(crate_dir).map_err(|e| io("cannot read", crate_dir, e))?;
    std::fs::create_dir_all(target_dir).map_err(|e| io("cannot create", target_dir, e))?;
    let target_dir =
        std::fs::canonicalize(target_dir).map_err(|e| io("cannot read", target_dir, e))?;
    let run_err = |e: std::io::Error| {
        BuildError::Cargo(format!("cannot run cargo (is Rust installed?): {e}"))
    };
    let mut child = cargo_command(&crate_dir, &target_dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(run_err)?;
    // stdout (JSON) on a thread, stderr (progress) here, so neither pipe
    // fills up while the other is read.
    let stdout = child.stdout.take();
    let json = std::thread::spawn(move || {
        stdout
            .map(|s| BufReader::new(s).lines().map_while(Result::ok).collect())
            .unwrap_or_else(Vec::new)
    });
    let mut cargo_output = String::new();
    if let Some(err) = child.stderr.take() {
        for line in BufReader::new(err).lines() {
            let Ok(line) = line else { break };
            if verbose {
                eprintln!("{line}");
            }
            if let Some(name) = compiling(&line) {
                if name != CANISTER_PACKAGE {
                    progress(name);
                }
            }
            cargo_output.push_str(&line);
            cargo_output.push('\n');
        }
    }
    let status = child.wait().map_err(run_err)?;
    let lines: Vec<String> = json.join().unwrap_or_default();
    let messages = read_messages(lines, &crate_dir);
    if verbose {
        for w in &messages.warnings {
            eprintln!("{w}");
        }
    }
    if !status.success() {
        // Compiler errors from the JSON messages; cargo's own errors (lock
        // file, network, missing target) from its stderr.
        let cargo_errors: Vec<&str> = cargo_output
            .lines()
            .filter(|l| compiling(l).is_none() && !l.trim_start().starts_with("Finished"))
            .collect();
        let mut report = messages.errors.join("\n\n");
        if !cargo_errors.is_empty() {
            if !report.is_empty() {
                report.push_str("\n\n");
            }
            report.push_str(&cargo_errors.join("\n"));
        }
        let hint = if report.contains("wasm32-unknown-unknown")
            && report.contains("target may not be installed")
        {
            "\nhelp: run `rustup target add wasm32-unknown-unknown`"
        } else {
            "\nnote: generated Rust that does not compile is a kybra-aot bug; please report it with your Python source"
        };
        return Err(BuildError::Cargo(format!(
            "cargo build of the generated crate ({}) failed:\n{report}{hint}",
            crate_dir.display()
        )));
    }
    let wasm = messages.wasm.unwrap_or_else(|| {
        target_dir
            .join("wasm32-unknown-unknown")
            .join("release")
            .join(format!("{lib}.wasm"))
    });
    if !wasm.exists() {
        return Err(BuildError::Cargo(format!(
            "cargo succeeded but {} is missing",
            wasm.display()
        )));
    }
    Ok((wasm, messages.warnings))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn compiler_message(manifest: &str, level: &str, file: &str, rendered: &str) -> String {
        serde_json::json!({
            "reason": "compiler-message",
            "package_id": "path+file:///x#0.1.0",
            "manifest_path": manifest,
            "target": {"kind": ["cdylib"], "name": "x"},
            "message": {
                "level": level,
                "message": "m",
                "rendered": rendered,
                "code": null,
                "children": [],
                "spans": [{"file_name": file, "is_primary": true, "line_start": 1}],
            },
        })
        .to_string()
    }

    #[test]
    fn warnings_are_attributed_by_package_and_primary_span() {
        let crate_dir = Path::new("/p/.kybra/c/crate");
        let ours = "/p/.kybra/c/crate/Cargo.toml";
        let runtime = "/cache/runtime-lite/abc/Cargo.toml";
        let lines = vec![
            "   Compiling noise".to_string(),
            compiler_message(ours, "warning", "src/lib.rs", "warning: unused variable: `x`\n"),
            // A runtime-lite warning (path dependency) is not the canister's.
            compiler_message(runtime, "warning", "/cache/runtime-lite/abc/src/int.rs", "warning: dep\n"),
            // A warning of the crate without a span in it (a summary).
            serde_json::json!({
                "reason": "compiler-message",
                "manifest_path": ours,
                "message": {"level": "warning", "rendered": "warning: 1 warning emitted\n", "spans": []},
            })
            .to_string(),
            // "multi-line text\n\nwith blank lines" stays one warning.
            compiler_message(ours, "warning", "src/lib.rs", "warning: a\n\n  b\n"),
            compiler_message(runtime, "error", "/cache/runtime-lite/abc/src/int.rs", "error: broken dep\n"),
            serde_json::json!({
                "reason": "compiler-artifact",
                "manifest_path": ours,
                "target": {"kind": ["cdylib"], "name": "c_1234"},
                "filenames": ["/t/wasm32-unknown-unknown/release/c_1234.wasm"],
            })
            .to_string(),
            serde_json::json!({"reason": "build-finished", "success": true}).to_string(),
        ];
        let m = read_messages(lines, crate_dir);
        assert_eq!(
            m.warnings,
            ["warning: unused variable: `x`", "warning: a\n\n  b"]
        );
        assert_eq!(m.errors, ["error: broken dep"]);
        assert_eq!(
            m.wasm,
            Some(PathBuf::from(
                "/t/wasm32-unknown-unknown/release/c_1234.wasm"
            ))
        );
    }

    #[test]
    fn progress_lines_name_the_package() {
        assert_eq!(compiling("   Compiling ic-cdk v0.20.3"), Some("ic-cdk"));
        assert_eq!(compiling("    Finished `release` profile"), None);
        assert_eq!(compiling("warning: Compiling x"), None);
    }

    #[test]
    fn the_environment_is_scrubbed() {
        for kept in [
            "CARGO_HOME",
            "CARGO_NET_OFFLINE",
            "CARGO_HTTP_PROXY",
            "PATH",
            "HOME",
        ] {
            assert!(!removed_from_env(&kept.into()), "{kept}");
        }
        for removed in [
            "CARGO",
            "CARGO_TARGET_DIR",
            "CARGO_BUILD_TARGET_DIR",
            "CARGO_PROFILE_RELEASE_OPT_LEVEL",
            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS",
            "CARGO_ENCODED_RUSTFLAGS",
            "CARGO_BUILD_RUSTC_WRAPPER",
            "CARGO_TERM_QUIET",
            "RUSTFLAGS",
        ] {
            assert!(removed_from_env(&removed.into()), "{removed}");
        }
        let settings = profile_settings();
        assert!(settings.contains(&("opt-level", "\"z\"")), "{settings:?}");
        assert!(settings.contains(&("panic", "\"abort\"")), "{settings:?}");
    }
}
