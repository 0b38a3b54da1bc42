//! Running cargo on a generated canister crate.

use super::BuildError;
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

/// Cargo's status words, which are progress rather than diagnostics.
const STATUS_WORDS: &[&str] = &[
    "Compiling",
    "Finished",
    "Blocking",
    "Updating",
    "Downloading",
    "Downloaded",
    "Locking",
    "Adding",
    "Fresh",
    "Checking",
    "Building",
];

/// Builds `crate_dir` (library `lib`) for wasm32 in release mode; returns the
/// `.wasm` path and any compiler warnings about the generated code.
/// `progress` is called with the name of each dependency cargo starts
/// compiling (first builds).
pub fn cargo_build(
    crate_dir: &Path,
    lib: &str,
    target_dir: &Path,
    verbose: bool,
    progress: &mut dyn FnMut(&str),
) -> Result<(PathBuf, Vec<String>), BuildError> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut cmd = Command::new(cargo);
    cmd.arg("build")
        .arg("--release")
        .arg("--target")
        .arg("wasm32-unknown-unknown")
        .arg("--manifest-path")
        .arg(crate_dir.join("Cargo.toml"))
        // The crate's Cargo.lock is kybra-aot's (`CANISTER_LOCK`).
        .arg("--locked")
        .arg("--color")
        .arg("never")
        .env("CARGO_TARGET_DIR", target_dir)
        // Flags meant for the host build (e.g. from a surrounding `cargo
        // test`) must not leak into the canister build.
        .env_remove("RUSTFLAGS")
        .env_remove("CARGO_ENCODED_RUSTFLAGS")
        .env_remove("CARGO_BUILD_RUSTFLAGS")
        .stdin(Stdio::null());
    let run_err = |e: std::io::Error| {
        BuildError::Cargo(format!("cannot run cargo (is Rust installed?): {e}"))
    };
    let (success, stderr) = if verbose {
        let status = cmd
            .stdout(Stdio::inherit())
            .stderr(Stdio::inherit())
            .status()
            .map_err(run_err)?;
        (status.success(), String::new())
    } else {
        let mut child = cmd
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(run_err)?;
        let mut diagnostics = String::new();
        if let Some(err) = child.stderr.take() {
            for line in BufReader::new(err).lines() {
                let Ok(line) = line else { break };
                let trimmed = line.trim_start();
                let word = trimmed.split_whitespace().next().unwrap_or("");
                if STATUS_WORDS.contains(&word) {
                    if word == "Compiling" {
                        let name = trimmed.split_whitespace().nth(1).unwrap_or("");
                        if name != super::CANISTER_PACKAGE {
                            progress(name);
                        }
                    }
                    continue;
                }
                diagnostics.push_str(&line);
                diagnostics.push('\n');
            }
        }
        let status = child.wait().map_err(run_err)?;
        (status.success(), diagnostics)
    };
    if !success {
        let hint = if stderr.contains("wasm32-unknown-unknown")
            && stderr.contains("target may not be installed")
        {
            "\nhelp: run `rustup target add wasm32-unknown-unknown`"
        } else {
            "\nnote: generated Rust that does not compile is a kybra-aot bug; please report it with your Python source"
        };
        return Err(BuildError::Cargo(format!(
            "cargo build of the generated crate ({}) failed:\n{stderr}{hint}",
            crate_dir.display()
        )));
    }
    let wasm = target_dir
        .join("wasm32-unknown-unknown")
        .join("release")
        .join(format!("{lib}.wasm"));
    if !wasm.exists() {
        return Err(BuildError::Cargo(format!(
            "cargo succeeded but {} is missing",
            wasm.display()
        )));
    }
    // Warnings about the generated crate (not dependencies): the generated
    // code must be warning-free, so each one is a kybra-aot bug.
    let warnings = stderr
        .split("\n\n")
        .filter(|w| w.trim_start().starts_with("warning") && w.contains("src/lib.rs"))
        .map(|w| w.trim().to_string())
        .collect();
    Ok((wasm, warnings))
}
