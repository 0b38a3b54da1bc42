//! `kybra-aot test`: scenario scripts (replica-lite's language) whose
//! `install("....py")` builds Python canisters with this compiler. Only with
//! the `replica` feature (on by default).
#![cfg(feature = "replica")]

use crate::build::{self, BuildOptions};
use replica_lite::scenario::CanisterBuilder;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Builds each Python entry once per run (keyed by path and contents).
pub struct PythonBuilder {
    built: HashMap<(PathBuf, String), Vec<u8>>,
    /// Print build progress lines to stderr.
    pub progress: bool,
    /// The build cache (`build::cache_dir()` unless set).
    pub cache_dir: PathBuf,
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
            cache_dir: build::cache_dir(),
        }
    }

    /// Builds (or reuses) the canister for `entry`; returns the Wasm bytes.
    pub fn build(&mut self, entry: &Path) -> anyhow::Result<Vec<u8>> {
        let entry = &normalize(entry);
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
            root: project.clone(),
            did_out: out_dir.join(format!("{name}.did")),
            out_dir,
            cache_dir: self.cache_dir.clone(),
            verbose: false,
        };
        let progress = self.progress;
        if progress {
            eprintln!("kybra-aot: building `{name}` from {}", entry.display());
        }
        let mut printer = build::stderr_progress();
        let out = build::build(&opts, &mut |p| {
            if progress {
                printer(p);
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

/// `a/tests/../src/main.py` -> `a/src/main.py`, without touching the disk
/// (paths in messages and trap locations read as the user would write them).
pub fn normalize(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir
                if matches!(out.components().next_back(), Some(Component::Normal(_))) =>
            {
                out.pop();
            }
            other => out.push(other),
        }
    }
    if out.as_os_str().is_empty() {
        out.push(".");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_parent_components() {
        assert_eq!(
            normalize(Path::new("ex/tests/../src/main.py")),
            PathBuf::from("ex/src/main.py")
        );
        assert_eq!(
            normalize(Path::new("../src/./main.py")),
            PathBuf::from("../src/main.py")
        );
        assert_eq!(normalize(Path::new("a/..")), PathBuf::from("."));
    }

    #[test]
    fn canister_names_follow_the_project_layout() {
        let (name, project) = canister_of(Path::new("dir/script.py"));
        assert_eq!((name.as_str(), project), ("script", PathBuf::from("dir")));
    }
}
