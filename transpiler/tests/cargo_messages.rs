//! What `build::cargo_build` reports, from cargo's JSON messages, for
//! hand-written canister crates: warnings in the crate, compile errors.

mod common;

use kybra_aot::build::{self, BuildError};
use std::path::PathBuf;

/// A canister crate (generated manifest and lock) with `lib_rs` as its code.
fn canister_crate(tag: &str, lib: &str, lib_rs: &str) -> PathBuf {
    // A stable directory: reruns find the crate compiled.
    let dir = common::out_dir(tag);
    let runtime = build::ensure_runtime_lite(&common::cache_dir()).expect("runtime");
    std::fs::create_dir_all(dir.join("src")).expect("mkdir");
    std::fs::write(
        dir.join("Cargo.toml"),
        build::canister_manifest(lib, &runtime),
    )
    .expect("manifest");
    std::fs::write(dir.join("Cargo.lock"), build::CANISTER_LOCK).expect("lock");
    std::fs::write(dir.join("src/lib.rs"), lib_rs).expect("lib.rs");
    dir
}

fn cargo_build(dir: &std::path::Path, lib: &str) -> Result<(PathBuf, Vec<String>), BuildError> {
    let target = build::canister_target_dir(&common::cache_dir());
    build::cargo_build(dir, lib, &target, false, &mut |_| {})
}

#[test]
fn warnings_in_the_crate_are_reported_whole() {
    let lib = "cargo_messages_warns";
    let dir = canister_crate(
        "cargo-messages-warns",
        lib,
        "#[ic_cdk::query]\nfn hello() -> String {\n    let unused = 1;\n    \"hi\".to_string()\n}\n\nfn never_called() {}\n",
    );
    let (wasm, warnings) = cargo_build(&dir, lib).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        wasm.file_name(),
        Some(std::ffi::OsStr::new(&format!("{lib}.wasm")))
    );
    assert_eq!(warnings.len(), 2, "{warnings:#?}");
    assert!(
        warnings[0].starts_with("warning: unused variable: `unused`"),
        "{}",
        warnings[0]
    );
    assert!(warnings[0].contains("src/lib.rs:3:9"), "{}", warnings[0]);
    assert!(
        warnings[1].contains("function `never_called` is never used"),
        "{}",
        warnings[1]
    );
    assert!(
        !warnings.iter().any(|w| w.contains("warnings emitted")),
        "the summary is not a warning of its own: {warnings:#?}"
    );
}

#[test]
fn compile_errors_fail_the_build_with_the_rendered_error() {
    let lib = "cargo_messages_broken";
    let dir = canister_crate(
        "cargo-messages-broken",
        lib,
        "pub fn f() -> u32 {\n    \"text\"\n}\n",
    );
    match cargo_build(&dir, lib) {
        Err(BuildError::Cargo(message)) => {
            assert!(
                message.contains("error[E0308]: mismatched types"),
                "{message}"
            );
            assert!(message.contains("src/lib.rs:2:5"), "{message}");
            assert!(message.contains("kybra-aot bug"), "{message}");
        }
        other => panic!("expected a cargo error, got {other:?}"),
    }
}
