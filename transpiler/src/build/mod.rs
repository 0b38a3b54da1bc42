//! Turning generated Rust into a canister: the cargo project, the Wasm build
//! in the shared target directory, Candid metadata, gzip.

mod cargo;
mod fs;
pub mod script;

pub use cargo::{cache_dir, canister_target_dir, cargo_build};
pub use fs::{write_atomic, write_if_changed};

use crate::diagnostics::Diagnostics;
use sha2::{Digest, Sha256};
use std::fmt;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

include!(concat!(env!("OUT_DIR"), "/runtime_files.rs"));

/// Versions every canister build uses, so compiled dependencies are shared.
pub const IC_CDK_VERSION: &str = "0.20";
pub const CANDID_VERSION: &str = "0.10.39";

/// The release profile of canister Wasm (small code, built once per
/// dependency). Settings left at their release defaults are spelled out too:
/// each one is also passed as a `--config` override, so no config file or
/// `CARGO_PROFILE_*` variable can change it. `tests/canisters/Cargo.toml`
/// has the same profile (`canister_profile_matches_the_test_canisters`).
pub const CANISTER_PROFILE: &str = r#"[profile.release]
opt-level = "z"
lto = true
codegen-units = 1
panic = "abort"
debug = false
debug-assertions = false
overflow-checks = false
incremental = false
strip = "debuginfo"
rpath = false
"#;

/// What `kybra-aot build` needs.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// Canister name (also the Wasm file name).
    pub name: String,
    pub entry: PathBuf,
    /// The project directory, against which imports are resolved (with the
    /// entry's directory, as on Kybra's Python path): the current directory
    /// for `kybra-aot build` (dfx runs builds in the project directory);
    /// [`project_dir`] guesses it from the entry.
    pub root: PathBuf,
    /// Where to write the `.did` (Kybra's third argument).
    pub did_out: PathBuf,
    /// Output directory; `.kybra/NAME` by default.
    pub out_dir: PathBuf,
    /// The cache shared by canister builds (the runtime copy, the cargo
    /// target dir); [`cache_dir()`] for the user's.
    pub cache_dir: PathBuf,
    pub verbose: bool,
}

/// The files a successful build wrote.
#[derive(Debug, Clone)]
pub struct BuildOutput {
    pub wasm: PathBuf,
    pub wasm_gz: PathBuf,
    pub did: PathBuf,
    pub crate_dir: PathBuf,
    pub wasm_size: usize,
    pub gz_size: usize,
    /// rustc warnings on the generated code (always a kybra-aot bug).
    pub warnings: Vec<String>,
}

#[derive(Debug)]
pub enum BuildError {
    /// The Python program has errors.
    Diagnostics(Diagnostics),
    Io(String),
    /// cargo failed on generated code: a kybra-aot bug, or a missing toolchain.
    Cargo(String),
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BuildError::Diagnostics(d) => write!(f, "{d}"),
            BuildError::Io(e) => write!(f, "error: {e}"),
            BuildError::Cargo(e) => write!(f, "error: {e}"),
        }
    }
}

impl std::error::Error for BuildError {}

fn io_err(what: &str, path: &Path, e: std::io::Error) -> BuildError {
    BuildError::Io(format!("{what} {}: {e}", path.display()))
}

/// Reads the entry file with a clear error.
/// The project directory of an entry module: the parent of its directory
/// if that is `src` (`proj/src/main.py` -> `proj`), else its directory.
pub fn project_dir(entry: &Path) -> PathBuf {
    let dir = entry.parent().unwrap_or(Path::new(""));
    if dir.file_name().is_some_and(|n| n == "src") {
        dir.parent().unwrap_or(Path::new("")).to_path_buf()
    } else {
        dir.to_path_buf()
    }
}

pub fn read_source(entry: &Path) -> Result<String, BuildError> {
    std::fs::read_to_string(entry).map_err(|e| io_err("cannot read", entry, e))
}

/// runtime-lite's standalone manifest (the workspace one inherits settings).
fn runtime_manifest() -> String {
    format!(
        r#"[package]
name = "runtime-lite"
version = "0.1.0"
edition = "2021"
publish = false

[lib]
name = "runtime_lite"

[dependencies]
candid = "{CANDID_VERSION}"
ic-cdk = "{IC_CDK_VERSION}"
libm = "0.2.16"
num-bigint = "0.4"
num-integer = "0.1"
num-traits = "0.2"
serde = {{ version = "1", features = ["derive"] }}
"#
    )
}

/// Whether `dir` holds exactly the embedded runtime (every file, whole).
fn runtime_is_complete(dir: &Path, manifest: &str) -> bool {
    let same = |path: PathBuf, text: &str| std::fs::read(path).is_ok_and(|b| b == text.as_bytes());
    same(dir.join("Cargo.toml"), manifest)
        && RUNTIME_LITE_FILES
            .iter()
            .all(|(path, text)| same(dir.join("src").join(path), text))
}

/// Materializes the embedded runtime-lite under the cache, once per version
/// of its sources; returns its directory. The copy is assembled in a
/// directory of its own and renamed into place, so concurrent builds
/// (threads or processes) never see half of it: one rename wins, the others
/// find the winner's identical copy. A damaged copy is replaced.
pub fn ensure_runtime_lite(cache: &Path) -> Result<PathBuf, BuildError> {
    let manifest = runtime_manifest();
    let mut h = Sha256::new();
    h.update(manifest.as_bytes());
    for (path, text) in RUNTIME_LITE_FILES {
        h.update(path.as_bytes());
        h.update([0]);
        h.update(text.as_bytes());
        h.update([0]);
    }
    let hash: String = h
        .finalize()
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect();
    let dir = cache.join("runtime-lite").join(hash);
    for _ in 0..3 {
        if runtime_is_complete(&dir, &manifest) {
            return Ok(dir);
        }
        if dir.exists() {
            // Left damaged (e.g. by an older kybra-aot): move it out of the
            // way in one step, then delete it.
            let trash =
                fs::create_temp_dir_beside(&dir).map_err(|e| io_err("cannot create", &dir, e))?;
            if std::fs::rename(&dir, trash.join("old")).is_ok() {
                let _ = std::fs::remove_dir_all(&trash);
            } else {
                let _ = std::fs::remove_dir(&trash);
            }
            continue;
        }
        let tmp = fs::create_temp_dir_beside(&dir).map_err(|e| io_err("cannot create", &dir, e))?;
        let filled = RUNTIME_LITE_FILES
            .iter()
            .map(|(path, text)| (tmp.join("src").join(path), text.as_bytes()))
            .chain([(tmp.join("Cargo.toml"), manifest.as_bytes())])
            .try_for_each(|(path, bytes)| {
                if let Some(parent) = path.parent() {
                    std::fs::create_dir_all(parent)?;
                }
                std::fs::write(&path, bytes)
            });
        if let Err(e) = filled {
            let _ = std::fs::remove_dir_all(&tmp);
            return Err(io_err("cannot write", &tmp, e));
        }
        // Fails if another build installed its copy first; that copy is
        // checked on the next round.
        if std::fs::rename(&tmp, &dir).is_err() {
            let _ = std::fs::remove_dir_all(&tmp);
        }
    }
    if runtime_is_complete(&dir, &manifest) {
        Ok(dir)
    } else {
        Err(BuildError::Io(format!(
            "cannot install the runtime in {}",
            dir.display()
        )))
    }
}

/// The package name of every generated canister crate. It is fixed so that
/// one lock file ([`CANISTER_LOCK`]) fits every canister; what must differ
/// between canisters sharing the target dir is the library name
/// ([`unique_lib_name`]), which names the Wasm file.
pub const CANISTER_PACKAGE: &str = "kybra-canister";

/// The `Cargo.lock` of every generated canister crate (built `--locked`):
/// every canister resolves the same dependency versions, and with the
/// dependencies downloaded once, builds need no network. Refresh it with
/// `KYBRA_AOT_UPDATE_CANISTER_LOCK=1 cargo test -p kybra-aot --test
/// canister_lock` (after changing the versions above or runtime-lite's
/// dependencies), which runs `cargo update` on a generated crate and writes
/// `transpiler/canister/Cargo.lock`.
pub const CANISTER_LOCK: &str = include_str!("../../canister/Cargo.lock");

/// The generated canister crate's manifest; `lib` names the Wasm file.
pub fn canister_manifest(lib: &str, runtime: &Path) -> String {
    let runtime = runtime.display().to_string().replace('\\', "/");
    format!(
        r#"# Generated by kybra-aot. Do not edit.
[package]
name = "{CANISTER_PACKAGE}"
version = "0.1.0"
edition = "2021"
publish = false

[lib]
name = "{lib}"
crate-type = ["cdylib"]
path = "src/lib.rs"

[dependencies]
candid = "{CANDID_VERSION}"
ic-cdk = "{IC_CDK_VERSION}"
runtime-lite = {{ path = "{runtime}" }}
serde = {{ version = "1", features = ["derive"] }}

{CANISTER_PROFILE}
# A standalone workspace, even when this directory sits inside another one.
[workspace]
"#
    )
}

/// A Rust crate name (identifier) for a canister name.
pub fn lib_name(name: &str) -> String {
    let mut s: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if s.is_empty() || s.starts_with(|c: char| c.is_ascii_digit()) {
        s.insert_str(0, "canister_");
    }
    s
}

/// The library name of a canister crate: the canister name plus a short hash
/// of its output directory. Every crate shares one target directory, where
/// cargo copies each cdylib to `release/<lib>.wasm`; two projects with a
/// canister of the same name must not overwrite (or read) each other's Wasm.
pub fn unique_lib_name(name: &str, out_dir: &Path) -> String {
    let dir = std::fs::canonicalize(out_dir).unwrap_or_else(|_| {
        std::env::current_dir()
            .map(|cwd| cwd.join(out_dir))
            .unwrap_or_else(|_| out_dir.to_path_buf())
    });
    let hash = Sha256::digest(dir.to_string_lossy().as_bytes());
    let short: String = hash.iter().take(4).map(|b| format!("{b:02x}")).collect();
    format!("{}_{short}", lib_name(name))
}

/// Adds the public `candid:service` metadata section (and `cdk:name`).
pub fn add_metadata(wasm: &[u8], did: &str) -> Result<Vec<u8>, BuildError> {
    let mut module = ic_wasm::utils::parse_wasm(wasm, false)
        .map_err(|e| BuildError::Cargo(format!("the built Wasm cannot be read: {e}")))?;
    ic_wasm::metadata::add_metadata(
        &mut module,
        ic_wasm::metadata::Kind::Public,
        "candid:service",
        did.as_bytes().to_vec(),
    );
    ic_wasm::metadata::add_metadata(
        &mut module,
        ic_wasm::metadata::Kind::Public,
        "cdk:name",
        b"kybra-aot".to_vec(),
    );
    Ok(module.emit_wasm())
}

pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    // Writing to a Vec cannot fail.
    let _ = enc.write_all(bytes);
    enc.finish().unwrap_or_default()
}

/// What a build tells its caller as it goes.
pub enum Progress<'a> {
    /// Another build holds this output directory's lock; this one waits.
    Waiting(&'a Path),
    /// A stage finished, with its duration.
    Stage(&'a str, Duration),
    /// cargo started compiling a dependency (first builds only).
    Dependency(&'a str),
}

/// Prints build progress on stderr: one line per stage; while cargo compiles
/// dependencies (first builds), a counter on a terminal or one note otherwise.
pub fn stderr_progress() -> impl FnMut(Progress) {
    use std::io::IsTerminal;
    let tty = std::io::stderr().is_terminal();
    let mut deps = 0usize;
    move |p| match p {
        Progress::Waiting(dir) => {
            eprintln!(
                "  waiting for another build of {} to finish...",
                dir.display()
            );
        }
        Progress::Stage(stage, took) => {
            if tty && deps > 0 {
                eprint!("\r\x1b[2K");
            }
            eprintln!("  {stage:<22} {took:>8.2?}");
        }
        Progress::Dependency(name) => {
            deps += 1;
            if tty {
                eprint!("\r\x1b[2K  compiling canister dependencies: {deps} ({name})");
            } else if deps == 1 {
                eprintln!("  compiling canister dependencies (first build only; later builds reuse them)...");
            }
        }
    }
}

/// An exclusive lock on an output directory, held for a whole build: two
/// concurrent builds of one canister (threads or processes) would otherwise
/// rewrite each other's crate between cargo's build and the read of its Wasm.
/// Released when dropped (or when the process dies).
pub struct OutDirLock {
    _file: std::fs::File,
}

/// Takes `out_dir`'s lock (`out_dir/.lock`), waiting for another build that
/// holds it (and saying so through `progress`).
pub fn lock_out_dir(
    out_dir: &Path,
    progress: &mut dyn FnMut(Progress),
) -> Result<OutDirLock, BuildError> {
    std::fs::create_dir_all(out_dir).map_err(|e| io_err("cannot create", out_dir, e))?;
    let path = out_dir.join(".lock");
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| io_err("cannot open", &path, e))?;
    match file.try_lock() {
        Ok(()) => {}
        Err(std::fs::TryLockError::WouldBlock) => {
            progress(Progress::Waiting(out_dir));
            file.lock().map_err(|e| io_err("cannot lock", &path, e))?;
        }
        Err(std::fs::TryLockError::Error(e)) => return Err(io_err("cannot lock", &path, e)),
    }
    Ok(OutDirLock { _file: file })
}

/// Builds a canister from Python, reporting each stage and its duration.
/// Holds the output directory's lock ([`lock_out_dir`]) throughout.
pub fn build(
    opts: &BuildOptions,
    progress: &mut dyn FnMut(Progress),
) -> Result<BuildOutput, BuildError> {
    let report =
        |p: &mut dyn FnMut(Progress), stage: &str, took: Duration| p(Progress::Stage(stage, took));
    let t = Instant::now();
    let source = read_source(&opts.entry)?;
    let display = opts.entry.display().to_string();
    let compiled = crate::compile_files(Path::new(""), &display, &source, &opts.root)
        .map_err(BuildError::Diagnostics)?;
    report(progress, "check + generate", t.elapsed());

    let _lock = lock_out_dir(&opts.out_dir, progress)?;
    let t = Instant::now();
    let runtime = ensure_runtime_lite(&opts.cache_dir)?;
    let lib = unique_lib_name(&opts.name, &opts.out_dir);
    let crate_dir = opts.out_dir.join("crate");
    write_if_changed(
        &crate_dir.join("Cargo.toml"),
        canister_manifest(&lib, &runtime).as_bytes(),
    )?;
    write_if_changed(&crate_dir.join("Cargo.lock"), CANISTER_LOCK.as_bytes())?;
    write_if_changed(&crate_dir.join("src/lib.rs"), compiled.rust.as_bytes())?;
    write_if_changed(&opts.did_out, compiled.did.as_bytes())?;
    report(progress, "write crate", t.elapsed());

    let t = Instant::now();
    let (built, warnings) = cargo_build(
        &crate_dir,
        &lib,
        &canister_target_dir(&opts.cache_dir),
        opts.verbose,
        &mut |dep| progress(Progress::Dependency(dep)),
    )?;
    report(progress, "cargo build (wasm32)", t.elapsed());

    let t = Instant::now();
    let raw = std::fs::read(&built).map_err(|e| io_err("cannot read", &built, e))?;
    let wasm = add_metadata(&raw, &compiled.did)?;
    let gz = gzip(&wasm);
    let wasm_path = opts.out_dir.join(format!("{}.wasm", opts.name));
    let gz_path = opts.out_dir.join(format!("{}.wasm.gz", opts.name));
    write_if_changed(&wasm_path, &wasm)?;
    write_if_changed(&gz_path, &gz)?;
    write_if_changed(
        &opts.out_dir.join(format!("{}.did", opts.name)),
        compiled.did.as_bytes(),
    )?;
    report(progress, "metadata + gzip", t.elapsed());
    Ok(BuildOutput {
        wasm: wasm_path,
        wasm_gz: gz_path,
        did: opts.did_out.clone(),
        crate_dir,
        wasm_size: wasm.len(),
        gz_size: gz.len(),
        warnings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dep_names(manifest: &str) -> Vec<String> {
        let deps = manifest.split("[dependencies]").nth(1).unwrap_or("");
        let mut names: Vec<String> = deps
            .lines()
            .take_while(|l| !l.starts_with('['))
            .filter_map(|l| l.split(['=', '.']).next())
            .map(|n| n.trim().to_string())
            .filter(|n| !n.is_empty() && !n.starts_with('#'))
            .collect();
        names.sort();
        names
    }

    #[test]
    fn canister_profile_matches_the_test_canisters() {
        let manifest = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../tests/canisters/Cargo.toml"
        ))
        .expect("tests/canisters/Cargo.toml");
        let profile = manifest
            .split("[profile.release]")
            .nth(1)
            .expect("a release profile");
        let theirs: Vec<&str> = profile
            .lines()
            .map(str::trim)
            .take_while(|l| !l.starts_with('['))
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect();
        let ours: Vec<&str> = CANISTER_PROFILE.lines().skip(1).collect();
        assert_eq!(theirs, ours);
    }

    #[test]
    fn embedded_runtime_manifest_matches_the_crate() {
        let repo = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/runtime-lite/crate/Cargo.toml"
        ))
        .expect("runtime-lite/crate/Cargo.toml");
        assert_eq!(dep_names(&runtime_manifest()), dep_names(&repo));
    }

    #[test]
    fn runtime_sources_are_embedded() {
        assert!(RUNTIME_LITE_FILES.iter().any(|(p, _)| *p == "lib.rs"));
        let dir = std::env::temp_dir().join(format!("kybra-aot-rt-{}", std::process::id()));
        let at = ensure_runtime_lite(&dir).expect("written");
        assert!(at.join("src/lib.rs").exists() && at.join("Cargo.toml").exists());
        // Idempotent: same sources, same directory.
        assert_eq!(ensure_runtime_lite(&dir).expect("reused"), at);
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn concurrent_runtime_copies_agree_and_leave_no_temporaries() {
        let cache = std::env::temp_dir().join(format!("kybra-aot-rt-race-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&cache);
        let dirs: Vec<PathBuf> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..6)
                .map(|_| s.spawn(|| ensure_runtime_lite(&cache).expect("runtime installed")))
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().expect("thread"))
                .collect()
        });
        assert!(dirs.iter().all(|d| d == &dirs[0]), "{dirs:?}");
        assert!(runtime_is_complete(&dirs[0], &runtime_manifest()));
        let entries: Vec<String> = std::fs::read_dir(cache.join("runtime-lite"))
            .expect("runtime dir")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(
            entries.len(),
            1,
            "temporary copies left behind: {entries:?}"
        );
        let _ = std::fs::remove_dir_all(cache);
    }

    #[test]
    fn a_damaged_runtime_copy_is_replaced() {
        let cache =
            std::env::temp_dir().join(format!("kybra-aot-rt-damaged-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&cache);
        let dir = ensure_runtime_lite(&cache).expect("installed");
        std::fs::write(dir.join("src/lib.rs"), "// trunc").expect("damage");
        std::fs::remove_file(dir.join("Cargo.toml")).expect("damage");
        assert_eq!(ensure_runtime_lite(&cache).expect("repaired"), dir);
        assert!(runtime_is_complete(&dir, &runtime_manifest()));
        let entries = std::fs::read_dir(cache.join("runtime-lite"))
            .expect("dir")
            .count();
        assert_eq!(entries, 1);
        let _ = std::fs::remove_dir_all(cache);
    }

    #[test]
    fn lib_names_are_valid() {
        assert_eq!(lib_name("hello_world"), "hello_world");
        assert_eq!(lib_name("my-canister"), "my_canister");
        assert_eq!(lib_name("1st"), "canister_1st");
        let a = unique_lib_name("hello", Path::new("/tmp/a/.kybra/hello"));
        let b = unique_lib_name("hello", Path::new("/tmp/b/.kybra/hello"));
        assert!(a.starts_with("hello_") && b.starts_with("hello_"));
        assert_ne!(a, b, "two projects' canisters must not share a Wasm path");
        assert_eq!(
            a,
            unique_lib_name("hello", Path::new("/tmp/a/.kybra/hello"))
        );
    }
}
