//! `kybra-aot` is installable and packageable on its own: the runtime it
//! embeds travels inside its package, not in a sibling directory; without
//! its default `replica` feature it links no wasmtime.

use std::process::Command;

/// The stdout lines of `cargo ARGS` run in this package (offline: these
/// commands only read manifests and the lock file).
fn cargo(args: &[&str]) -> Vec<String> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let out = Command::new(cargo)
        .args(args)
        .arg("--offline")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo runs");
    assert!(
        out.status.success(),
        "cargo {args:?} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .expect("utf-8")
        .lines()
        .map(str::to_string)
        .collect()
}

fn package_list() -> Vec<String> {
    cargo(&["package", "-p", "kybra-aot", "--list", "--allow-dirty"])
}

#[test]
fn without_the_replica_feature_nothing_links_wasmtime() {
    let tree = |features: &[&str]| {
        let mut args = vec![
            "tree",
            "-p",
            "kybra-aot",
            "-e",
            "normal",
            "--prefix",
            "none",
        ];
        args.extend_from_slice(features);
        cargo(&args)
    };
    let mentions = |lines: &[String], krate: &str| {
        lines
            .iter()
            .any(|l| l.split_whitespace().next() == Some(krate))
    };
    let full = tree(&[]);
    assert!(mentions(&full, "wasmtime") && mentions(&full, "replica-lite"));
    let slim = tree(&["--no-default-features"]);
    assert!(mentions(&slim, "ic-wasm"), "{slim:?}");
    for krate in ["wasmtime", "replica-lite", "cranelift-codegen"] {
        assert!(!mentions(&slim, krate), "{krate} in {slim:?}");
    }
}

#[test]
fn the_package_holds_the_embedded_runtime_and_the_canister_lock() {
    let files = package_list();
    let runtime_dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("runtime-lite/src");
    let mut sources: Vec<String> = std::fs::read_dir(&runtime_dir)
        .expect("runtime-lite/src")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".rs"))
        .map(|n| format!("runtime-lite/src/{n}"))
        .collect();
    sources.sort();
    assert!(sources.contains(&"runtime-lite/src/int.rs".to_string()));
    let embedded = ["build.rs".to_string(), "canister/Cargo.lock".to_string()];
    for file in sources.iter().chain(&embedded) {
        assert!(files.contains(file), "{file} is not packaged: {files:?}");
    }
}
