//! Embeds runtime-lite's sources (`runtime-lite/src`, inside this package) in
//! the `kybra-aot` binary, so generated canisters can depend on it wherever the
//! binary is installed. Reads nothing outside the package, so `cargo install`
//! and `cargo package` work.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn collect(dir: &Path, base: &Path, out: &mut Vec<(String, PathBuf)>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("runtime-lite/src is readable")
        .map(|e| e.expect("directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect(&path, base, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let rel = path.strip_prefix(base).expect("under base");
            out.push((rel.to_string_lossy().replace('\\', "/"), path.clone()));
        }
    }
}

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let src = manifest.join("runtime-lite").join("src");
    let src = src
        .canonicalize()
        .expect("runtime-lite/src exists in the kybra-aot package");
    println!("cargo:rerun-if-changed={}", src.display());
    let mut files = Vec::new();
    collect(&src, &src, &mut files);
    let mut code = String::from("/// runtime-lite's `src/` files: (path, contents).\npub const RUNTIME_LITE_FILES: &[(&str, &str)] = &[\n");
    for (rel, path) in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        writeln!(
            code,
            "    ({rel:?}, include_str!({:?})),",
            path.display().to_string()
        )
        .expect("write to string");
    }
    code.push_str("];\n");
    let out =
        PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets it")).join("runtime_files.rs");
    std::fs::write(out, code).expect("OUT_DIR is writable");
}
