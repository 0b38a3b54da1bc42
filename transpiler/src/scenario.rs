//! `kybra-aot test`: scenario scripts (replica-lite's language) whose
//! `install("....py")` builds Python canisters with this compiler.

use crate::build::{self, BuildOptions};
use replica_lite::scenario::CanisterBuilder;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Builds each Python entry once per run (keyed by path and contents).
#[derive(Default)]
pub struct PythonBuilder {
    built: HashMap<(PathBuf, String), Vec<u8>>,
    /// Print build progress lines to stderr.
    pub progress: bool,
}

/// The canister name and project directory for an entry module:
/// `proj/src/main.py` -> (`proj`, `proj/`), `dir/x.py` -> (`x`, `dir/`).
pub fn canister_of(entry: &Path) -> (String, PathBuf) {
    let parent = entry.parent().unwrap_or(Path::new("."));
    let parent = if parent.as_os_str().is_empty() {
        Path::new(".")
    } else {
        parent
    };
    if parent.file_name().is_some_and(|n| n == "src") {
        let project = parent.parent().unwrap_or(Path::new("."));
        let project = if project.as_os_str().is_empty() {
            Path::new(".")
        } else {
            project
        };
        let name = std::fs::canonicalize(project)
            .ok()
            .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .unwrap_or_else(|| "canister".into());
        (name, project.to_path_buf())
    } else {
        let stem = entry
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "canister".into());
        (stem, parent.to_path_buf())
    }
}

impl PythonBuilder {
    pub fn new(progress: bool) -> Self {
        PythonBuilder {
            built: HashMap::new(),
            progress,
        }
    }

    /// Builds (or reuses) the canister for `entry`; returns the Wasm bytes.
    pub fn build(&mut self, entry: &Path) -> anyhow::Result<Vec<u8>> {
        let source = build::read_source(entry).map_err(|e| anyhow::anyhow!("{e}"))?;
        let key = (entry.to_path_buf(), source);
        if let Some(w) = self.built.get(&key) {
            return Ok(w.clone());
        }
        let (name, project) = canister_of(entry);
        let out_dir = project.join(".kybra").join(&name);
        let opts = BuildOptions {
            name: name.clone(),
            entry: entry.to_path_buf(),
            did_out: out_dir.join(format!("{name}.did")),
            out_dir,
            verbose: false,
        };
        let progress = self.progress;
        if progress {
            eprintln!("kybra-aot: building `{name}` from {}", entry.display());
        }
        let out = build::build(&opts, &mut |p| {
            if let (true, build::Progress::Stage(stage, took)) = (progress, p) {
                eprintln!("  {stage:<22} {took:>8.2?}");
            }
        })
        .map_err(|e| anyhow::anyhow!("{e}"))?;
        for w in &out.warnings {
            eprintln!("{w}");
        }
        let wasm = std::fs::read(&out.wasm)?;
        self.built.insert(key, wasm.clone());
        Ok(wasm)
    }
}

impl CanisterBuilder for PythonBuilder {
    fn build_python(&mut self, entry: &Path) -> anyhow::Result<Vec<u8>> {
        self.build(entry)
    }
}
