//! Running cargo on a generated canister crate.

use super::BuildError;
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

/// The one cargo target directory every canister build shares.
pub fn canister_target_dir() -> PathBuf {
    cache_dir().join("target")
}

/// Builds `crate_dir` for wasm32 in release mode; returns the `.wasm` path
/// and any compiler warnings about the generated code.
pub fn cargo_build(
    crate_dir: &Path,
    package: &str,
    target_dir: &Path,
    verbose: bool,
) -> Result<(PathBuf, Vec<String>), BuildError> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut cmd = Command::new(cargo);
    cmd.arg("build")
        .arg("--release")
        .arg("--target")
        .arg("wasm32-unknown-unknown")
        .arg("--manifest-path")
        .arg(crate_dir.join("Cargo.toml"))
        .env("CARGO_TARGET_DIR", target_dir)
        // Flags meant for the host build (e.g. from a surrounding `cargo
        // test`) must not leak into the canister build.
        .env_remove("RUSTFLAGS")
        .env_remove("CARGO_ENCODED_RUSTFLAGS")
        .env_remove("CARGO_BUILD_RUSTFLAGS")
        .stdin(Stdio::null());
    cmd.arg("--color").arg("never");
    if verbose {
        cmd.stdout(Stdio::inherit()).stderr(Stdio::inherit());
    } else {
        cmd.arg("--quiet")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
    }
    let out = cmd
        .output()
        .map_err(|e| BuildError::Cargo(format!("cannot run cargo (is Rust installed?): {e}")))?;
    if !out.status.success() {
        let stderr = String::from_utf8_lossy(&out.stderr);
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
        .join(format!("{package}.wasm"));
    if !wasm.exists() {
        return Err(BuildError::Cargo(format!(
            "cargo succeeded but {} is missing",
            wasm.display()
        )));
    }
    // Warnings about the generated crate (not dependencies): the generated
    // code must be warning-free, so each one is a kybra-aot bug.
    let stderr = String::from_utf8_lossy(&out.stderr);
    let warnings = stderr
        .split("\n\n")
        .filter(|w| w.trim_start().starts_with("warning") && w.contains("src/lib.rs"))
        .map(|w| w.trim().to_string())
        .collect();
    Ok((wasm, warnings))
}
