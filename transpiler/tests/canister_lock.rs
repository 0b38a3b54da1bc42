//! The `Cargo.lock` embedded in kybra-aot (`transpiler/canister/Cargo.lock`)
//! resolves the generated canister manifest as it is: canisters build with
//! `--locked`, so a lock that misses a dependency would fail every build.
//!
//! Refresh the lock with
//! `KYBRA_AOT_UPDATE_CANISTER_LOCK=1 cargo test -p kybra-aot --test canister_lock`:
//! cargo re-resolves the generated manifest starting from the current lock
//! (keeping the versions it can, adding what is missing, dropping what is
//! unused) and the result is written back. To move every dependency to its
//! newest compatible version, empty the file first.

mod common;

use kybra_aot::build;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A generated canister crate (manifest, empty library, embedded lock).
fn generated_crate(tag: &str, lock: &str) -> PathBuf {
    let dir = common::scratch_dir(tag);
    let runtime = build::ensure_runtime_lite(&common::cache_dir()).expect("runtime copy");
    std::fs::create_dir_all(dir.join("src")).expect("mkdir");
    std::fs::write(
        dir.join("Cargo.toml"),
        build::canister_manifest("lock_check", &runtime),
    )
    .expect("manifest");
    std::fs::write(dir.join("src/lib.rs"), "").expect("lib.rs");
    std::fs::write(dir.join("Cargo.lock"), lock).expect("lock");
    dir
}

fn cargo_metadata(dir: &Path, locked: bool) -> Output {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut cmd = Command::new(cargo);
    cmd.args(["metadata", "--format-version", "1", "--manifest-path"])
        .arg(dir.join("Cargo.toml"))
        .current_dir(dir);
    if locked {
        cmd.arg("--locked");
    }
    cmd.output().expect("cargo runs")
}

/// `name = "x"` / `version = "y"` pairs of a lock file.
fn locked_versions(lock: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut name = None;
    for line in lock.lines() {
        if let Some(n) = line.strip_prefix("name = ") {
            name = Some(n.trim_matches('"').to_string());
        } else if let (Some(v), Some(n)) = (line.strip_prefix("version = "), name.take()) {
            out.push((n, v.trim_matches('"').to_string()));
        }
    }
    out
}

#[test]
fn the_embedded_lock_resolves_the_canister_manifest() {
    let lock_file = Path::new(env!("CARGO_MANIFEST_DIR")).join("canister/Cargo.lock");
    if std::env::var_os("KYBRA_AOT_UPDATE_CANISTER_LOCK").is_some() {
        let current = std::fs::read_to_string(&lock_file).unwrap_or_default();
        let dir = generated_crate("lock-update", &current);
        let out = cargo_metadata(&dir, false);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let fresh = std::fs::read_to_string(dir.join("Cargo.lock")).expect("lock");
        std::fs::write(&lock_file, &fresh).expect("write the lock");
        eprintln!(
            "wrote {}; rebuild kybra-aot to embed it",
            lock_file.display()
        );
        let _ = std::fs::remove_dir_all(dir);
        return;
    }
    assert_eq!(
        std::fs::read_to_string(&lock_file).expect("canister/Cargo.lock"),
        build::CANISTER_LOCK,
        "the binary embeds transpiler/canister/Cargo.lock"
    );
    let dir = generated_crate("lock", build::CANISTER_LOCK);
    let out = cargo_metadata(&dir, true);
    assert!(
        out.status.success(),
        "the embedded Cargo.lock does not fit the generated manifest; refresh it \
         (KYBRA_AOT_UPDATE_CANISTER_LOCK=1 cargo test -p kybra-aot --test canister_lock):\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // cargo left the lock as it was.
    assert_eq!(
        std::fs::read_to_string(dir.join("Cargo.lock")).expect("lock"),
        build::CANISTER_LOCK
    );
    let locked = locked_versions(build::CANISTER_LOCK);
    let version_of = |name: &str| -> Vec<&str> {
        locked
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
            .collect()
    };
    assert_eq!(version_of(build::CANISTER_PACKAGE), ["0.1.0"]);
    assert_eq!(version_of("runtime-lite"), ["0.1.0"]);
    // The pinned versions meet the manifest's requirements.
    let ic_cdk = version_of("ic-cdk");
    assert_eq!(ic_cdk.len(), 1, "{ic_cdk:?}");
    assert!(
        ic_cdk[0].starts_with(&format!("{}.", build::IC_CDK_VERSION)),
        "{ic_cdk:?}"
    );
    assert_eq!(version_of("candid").len(), 1);
    for dep in ["num-bigint", "num-traits", "num-integer", "serde"] {
        assert_eq!(version_of(dep).len(), 1, "{dep} is locked once");
    }
    let _ = std::fs::remove_dir_all(dir);
}
