//! Helpers shared by the transpiler's integration tests.
#![allow(dead_code)]

use std::path::PathBuf;

pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
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
