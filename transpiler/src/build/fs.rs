//! File writes other processes may read while they happen: every file is
//! written to a uniquely named temporary file in its directory, then renamed
//! into place, so a reader sees the old file or the whole new one.

use super::{io_err, BuildError};
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// A name next to `path` that no other thread or process uses: process id,
/// a per-process counter and the clock's nanoseconds. Callers still create it
/// exclusively (`create_new`, `create_dir`) and retry on a clash.
fn unique_sibling(path: &Path, kind: &str) -> PathBuf {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    path.with_file_name(format!(
        ".{name}.{}-{}-{nanos:x}.{kind}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ))
}

/// Creates a fresh, empty directory next to `path` (to be renamed onto it).
pub fn create_temp_dir_beside(path: &Path) -> std::io::Result<PathBuf> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    loop {
        let tmp = unique_sibling(path, "tmp");
        match std::fs::create_dir(&tmp) {
            Ok(()) => return Ok(tmp),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
}

/// Writes `contents` to `path` atomically (temporary file in the same
/// directory, flushed to disk, renamed over `path`).
pub fn write_atomic(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let (tmp, mut file) = loop {
        let tmp = unique_sibling(path, "tmp");
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)
        {
            Ok(file) => break (tmp, file),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    };
    let written = file
        .write_all(contents)
        .and_then(|()| file.sync_all())
        .and_then(|()| {
            drop(file);
            std::fs::rename(&tmp, path)
        });
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written
}

/// Writes `contents` unless the file already holds exactly that (so cargo's
/// fingerprints stay fresh and unchanged canisters are not rebuilt); the
/// write is atomic.
pub fn write_if_changed(path: &Path, contents: &[u8]) -> Result<(), BuildError> {
    if std::fs::read(path).is_ok_and(|old| old == contents) {
        return Ok(());
    }
    write_atomic(path, contents).map_err(|e| io_err("cannot write", path, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn concurrent_writers_never_expose_a_partial_file() {
        let dir = std::env::temp_dir().join(format!("kybra-aot-atomic-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let path = dir.join("out.wasm");
        std::thread::scope(|s| {
            for i in 0..8u8 {
                let path = &path;
                s.spawn(move || {
                    for _ in 0..20 {
                        write_atomic(path, &vec![i; 100_000]).expect("write");
                        let seen = std::fs::read(path).expect("read");
                        assert_eq!(seen.len(), 100_000);
                        assert!(seen.iter().all(|b| *b == seen[0]), "mixed writers");
                    }
                });
            }
        });
        let names: Vec<String> = std::fs::read_dir(&dir)
            .expect("dir")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["out.wasm"], "temporary files left behind");
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn temporary_names_are_unique_across_threads() {
        let base = Path::new("/nonexistent/runtime-lite/abc");
        let names: Vec<PathBuf> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..4)
                .map(|_| {
                    s.spawn(|| {
                        (0..100)
                            .map(|_| unique_sibling(base, "tmp"))
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().expect("thread"))
                .collect::<Vec<_>>()
        });
        let unique: std::collections::HashSet<_> = names.iter().collect();
        assert_eq!(unique.len(), names.len());
        assert!(names.iter().all(|n| n.parent() == base.parent()));
    }
}
