//! Helpers shared by the transpiler's integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The test run's build cache: `$CARGO_TARGET_TMPDIR/kybra-aot-cache`, shared
/// by every test binary of the workspace (replica-lite's tests use the same
/// directory), so canister dependencies compile once per run; never the
/// user's `~/.cache/kybra-aot`.
pub fn cache_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("kybra-aot-cache")
}

/// A replica whose compiled-module disk cache is the test run's.
pub fn replica_config() -> replica_lite::ReplicaConfig {
    replica_lite::ReplicaConfig {
        module_cache_dir: Some(cache_dir().join("wasmtime")),
        ..replica_lite::ReplicaConfig::default()
    }
}

/// The output directory of test `tag`'s canister builds, under the cargo
/// target dir (never `.kybra/` in the source tree). Stable across runs, so an
/// unchanged canister is not recompiled.
pub fn out_dir(tag: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("kybra-aot-out")
        .join(tag)
}

/// A fresh, empty scratch directory for test `tag`.
pub fn scratch_dir(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kybra-aot-test-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

/// Build options for canister `name` from `entry` into `out_dir`, with the
/// test run's cache.
pub fn build_options(name: &str, entry: &Path, out_dir: &Path) -> kybra_aot::build::BuildOptions {
    kybra_aot::build::BuildOptions {
        name: name.to_string(),
        entry: entry.to_path_buf(),
        root: kybra_aot::build::project_dir(entry),
        did_out: out_dir.join(format!("{name}.did")),
        out_dir: out_dir.to_path_buf(),
        cache_dir: cache_dir(),
        verbose: false,
    }
}

/// (name, entry path) of every example canister.
pub fn examples() -> Vec<(String, PathBuf)> {
    let mut out = Vec::new();
    let dir = repo_root().join("examples");
    for entry in std::fs::read_dir(&dir).expect("examples/ exists") {
        let path = entry.expect("dir entry").path();
        let main = path.join("src/main.py");
        if main.exists() {
            let name = path
                .file_name()
                .expect("name")
                .to_string_lossy()
                .into_owned();
            out.push((name, main));
        }
    }
    out.sort();
    assert!(
        out.len() >= 3,
        "expected the example canisters under {}",
        dir.display()
    );
    out
}

/// (name, source) of every invalid program under tests/invalid.
pub fn invalid_programs() -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/invalid");
    let mut out: Vec<(String, String)> = std::fs::read_dir(&dir)
        .expect("tests/invalid exists")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .map(|p| {
            let name = p.file_stem().expect("stem").to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).expect("readable"))
        })
        .collect();
    out.sort();
    out
}

/// (name, project directory) of every invalid program of several modules:
/// the directories under tests/invalid, each with its entry at
/// `src/main.py`.
pub fn invalid_projects() -> Vec<(String, PathBuf)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/invalid");
    let mut out: Vec<(String, PathBuf)> = std::fs::read_dir(&dir)
        .expect("tests/invalid exists")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.join("src/main.py").is_file())
        .map(|p| {
            let name = p.file_name().expect("name").to_string_lossy().into_owned();
            (name, p)
        })
        .collect();
    out.sort();
    out
}
