//! Loading canister Wasm: decompression, validation of the import section,
//! instrumentation (exports for the state we must snapshot), compilation
//! and the in-memory and on-disk caches of compiled modules.

use crate::sysapi::IMPLEMENTED_IMPORTS;
use sha2::{Digest, Sha256};
use std::collections::{BTreeSet, HashMap};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use wasmtime::{Config, Engine, Module};

/// Export name given to memory 0 by the instrumentation.
pub(crate) const MEMORY_EXPORT: &str = "__replica_lite_memory";
/// Export name given to table 0 by the instrumentation.
pub(crate) const TABLE_EXPORT: &str = "__replica_lite_table";
/// Export name given to the `(start)` function, which is removed from the
/// module and run explicitly at installation (so that re-instantiating a
/// module to roll back a grown memory never runs it again).
pub(crate) const START_EXPORT: &str = "__replica_lite_start";
/// Prefix of the export names given to every mutable global.
pub(crate) const GLOBAL_EXPORT_PREFIX: &str = "__replica_lite_global_";

/// Bumped whenever the instrumentation changes, to invalidate disk caches.
const INSTRUMENTATION_VERSION: u32 = 1;
/// Largest accepted (decompressed) module.
const MAX_WASM_SIZE: usize = 100 << 20;

/// What replica-lite knows about an installed module.
#[derive(Debug)]
pub(crate) struct ModuleInfo {
    /// SHA-256 of the module as given (possibly gzipped).
    pub hash: [u8; 32],
    pub update_methods: BTreeSet<String>,
    pub query_methods: BTreeSet<String>,
    pub composite_query_methods: BTreeSet<String>,
    pub exports: BTreeSet<String>,
    pub mutable_globals: usize,
    pub has_start: bool,
    pub has_memory: bool,
    pub has_table: bool,
    pub candid_service: Option<String>,
}

pub(crate) struct LoadedModule {
    pub module: Module,
    pub info: ModuleInfo,
}

/// The process-wide Wasm engine (fuel metering on).
pub(crate) fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        let mut config = Config::new();
        config.consume_fuel(true);
        config.cranelift_opt_level(wasmtime::OptLevel::Speed);
        Engine::new(&config).expect("the wasmtime configuration is valid")
    })
}

fn memory_cache() -> &'static Mutex<HashMap<[u8; 32], Arc<LoadedModule>>> {
    static CACHE: OnceLock<Mutex<HashMap<[u8; 32], Arc<LoadedModule>>>> = OnceLock::new();
    CACHE.get_or_init(Default::default)
}

/// `$KYBRA_AOT_CACHE_DIR/wasmtime`, where KYBRA_AOT_CACHE_DIR defaults to
/// `$XDG_CACHE_HOME/kybra-aot`, else `$HOME/.cache/kybra-aot`.
pub fn disk_cache_dir() -> Option<PathBuf> {
    let base = match std::env::var_os("KYBRA_AOT_CACHE_DIR") {
        Some(d) if !d.is_empty() => PathBuf::from(d),
        _ => match std::env::var_os("XDG_CACHE_HOME") {
            Some(d) if !d.is_empty() => PathBuf::from(d).join("kybra-aot"),
            _ => PathBuf::from(std::env::var_os("HOME")?)
                .join(".cache")
                .join("kybra-aot"),
        },
    };
    Some(base.join("wasmtime"))
}

/// Decompresses gzipped Wasm; passes raw Wasm through.
pub(crate) fn decompress(wasm: &[u8]) -> Result<Vec<u8>, String> {
    if wasm.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(wasm)
            .take(MAX_WASM_SIZE as u64 + 1)
            .read_to_end(&mut out)
            .map_err(|e| format!("Failed to decompress the gzipped Wasm module: {e}"))?;
        if out.len() > MAX_WASM_SIZE {
            return Err(format!(
                "Wasm module exceeds the maximum size of {MAX_WASM_SIZE} bytes"
            ));
        }
        Ok(out)
    } else if wasm.starts_with(b"\0asm") {
        Ok(wasm.to_vec())
    } else {
        Err("Wasm module is neither a Wasm binary nor gzipped Wasm (bad magic bytes)".into())
    }
}

/// Loads (from cache, or by instrumenting and compiling) a canister module.
/// `disk_cache` is the directory of compiled modules (`None`: no disk cache).
pub(crate) fn load(wasm: &[u8], disk_cache: Option<&Path>) -> Result<Arc<LoadedModule>, String> {
    let hash: [u8; 32] = Sha256::digest(wasm).into();
    if let Some(m) = memory_cache()
        .lock()
        .ok()
        .and_then(|c| c.get(&hash).cloned())
    {
        return Ok(m);
    }
    let raw = decompress(wasm)?;
    let (instrumented, mut info) = instrument(&raw)?;
    info.hash = hash;
    let module = compile_cached(&instrumented, disk_cache)?;
    let loaded = Arc::new(LoadedModule { module, info });
    if let Ok(mut c) = memory_cache().lock() {
        c.insert(hash, loaded.clone());
    }
    Ok(loaded)
}

fn compile_cached(instrumented: &[u8], disk_cache: Option<&Path>) -> Result<Module, String> {
    let engine = engine();
    let mut h = Sha256::new();
    h.update(instrumented);
    h.update(INSTRUMENTATION_VERSION.to_le_bytes());
    h.update(env!("CARGO_PKG_VERSION").as_bytes());
    {
        use std::hash::{Hash, Hasher};
        let mut dh = std::collections::hash_map::DefaultHasher::new();
        engine.precompile_compatibility_hash().hash(&mut dh);
        h.update(dh.finish().to_le_bytes());
    }
    let key = hex::encode(h.finalize());
    let path = disk_cache.map(|d| d.join(format!("{key}.cwasm")));
    if let Some(path) = &path {
        if path.is_file() {
            // SAFETY: the files in this directory are written only by
            // `Module::serialize` below, under a key that covers the module
            // bytes and the engine's compatibility hash.
            if let Ok(m) = unsafe { Module::deserialize_file(engine, path) } {
                return Ok(m);
            }
        }
    }
    let module = Module::new(engine, instrumented)
        .map_err(|e| format!("Wasm module failed to compile: {e}"))?;
    if let (Some(path), Ok(bytes)) = (&path, module.serialize()) {
        // Best effort: a cache that cannot be written only costs time. Two
        // writers of one entry (threads or processes) both succeed; the last
        // rename wins and both wrote the same bytes.
        let _ = write_atomic(path, &bytes);
    }
    Ok(module)
}

/// Creates a new, uniquely named temporary file next to `path` (same
/// directory, so it can be renamed over `path`). The name holds the process
/// id, a per-process counter and the time, and the file is created with
/// `create_new`, so concurrent threads and processes never share one.
fn create_temp_beside(path: &Path) -> std::io::Result<(PathBuf, std::fs::File)> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    loop {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
        let tmp = dir.join(format!(
            ".{name}.{}-{}-{nanos:x}.tmp",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        ));
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)
        {
            Ok(file) => return Ok((tmp, file)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
}

/// Writes `bytes` to `path` so that readers see the old file or the whole new
/// one, never a prefix: a unique temporary file in the same directory,
/// flushed, then renamed into place.
pub(crate) fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let (tmp, mut file) = create_temp_beside(path)?;
    let written = file
        .write_all(bytes)
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

fn section_order(id: u8) -> u8 {
    // Position of each known section id in the binary format's order.
    match id {
        1 => 1,
        2 => 2,
        3 => 3,
        4 => 4,
        5 => 5,
        13 => 6,
        6 => 7,
        7 => 8,
        8 => 9,
        9 => 10,
        12 => 11,
        10 => 12,
        11 => 13,
        _ => 0,
    }
}

/// Validates the module against the System API and rewrites it: every
/// mutable global, memory 0 and table 0 are exported, the start function is
/// turned into an export.
fn instrument(wasm: &[u8]) -> Result<(Vec<u8>, ModuleInfo), String> {
    use wasmparser::{Parser, Payload, TypeRef, Validator};
    Validator::new()
        .validate_all(wasm)
        .map_err(|e| format!("Wasm module is not valid: {e}"))?;

    let mut info = ModuleInfo {
        hash: [0; 32],
        update_methods: BTreeSet::new(),
        query_methods: BTreeSet::new(),
        composite_query_methods: BTreeSet::new(),
        exports: BTreeSet::new(),
        mutable_globals: 0,
        has_start: false,
        has_memory: false,
        has_table: false,
        candid_service: None,
    };
    let imported_globals = 0u32;
    let mut imported_funcs = 0u32;
    let mut mutable_globals: Vec<u32> = Vec::new();
    let mut start: Option<u32> = None;
    let mut existing_exports: Vec<(String, wasm_encoder::ExportKind, u32)> = Vec::new();
    let mut private_candid = None;

    // First pass: collect facts.
    for payload in Parser::new(0).parse_all(wasm) {
        let payload = payload.map_err(|e| format!("Wasm module is not valid: {e}"))?;
        match payload {
            Payload::ImportSection(reader) => {
                for imp in reader.into_imports() {
                    let imp = imp.map_err(|e| e.to_string())?;
                    match imp.ty {
                        TypeRef::Func(_) | TypeRef::FuncExact(_) => {
                            imported_funcs += 1;
                            if imp.module != "ic0" {
                                return Err(format!(
                                    "Wasm module has an invalid import section. Module imports function '{}' from '{}' that is not exported by the runtime.",
                                    imp.name, imp.module
                                ));
                            }
                            if !IMPLEMENTED_IMPORTS.iter().any(|(n, _)| *n == imp.name) {
                                return Err(format!(
                                    "Wasm module has an invalid import section. Module imports function 'ic0.{}' that replica-lite does not implement.",
                                    imp.name
                                ));
                            }
                        }
                        TypeRef::Global(_) => {
                            return Err(format!(
                                "Wasm module has an invalid import section. Module imports global '{}' from '{}'; only functions from 'ic0' may be imported.",
                                imp.name, imp.module
                            ));
                        }
                        _ => {
                            return Err(format!(
                                "Wasm module has an invalid import section. Module imports '{}' from '{}'; only functions from 'ic0' may be imported.",
                                imp.name, imp.module
                            ));
                        }
                    }
                }
            }
            Payload::MemorySection(reader) => {
                for m in reader {
                    let m = m.map_err(|e| e.to_string())?;
                    if m.memory64 {
                        return Err("Wasm module declares a 64-bit memory, which replica-lite does not support".into());
                    }
                    info.has_memory = true;
                }
            }
            Payload::TableSection(reader) if reader.count() > 0 => {
                info.has_table = true;
            }
            Payload::GlobalSection(reader) => {
                for (i, g) in reader.into_iter().enumerate() {
                    let g = g.map_err(|e| e.to_string())?;
                    if g.ty.mutable {
                        mutable_globals.push(imported_globals + i as u32);
                    }
                }
            }
            Payload::ExportSection(reader) => {
                for e in reader {
                    let e = e.map_err(|e| e.to_string())?;
                    let kind = match e.kind {
                        wasmparser::ExternalKind::Func | wasmparser::ExternalKind::FuncExact => {
                            wasm_encoder::ExportKind::Func
                        }
                        wasmparser::ExternalKind::Table => wasm_encoder::ExportKind::Table,
                        wasmparser::ExternalKind::Memory => wasm_encoder::ExportKind::Memory,
                        wasmparser::ExternalKind::Global => wasm_encoder::ExportKind::Global,
                        wasmparser::ExternalKind::Tag => wasm_encoder::ExportKind::Tag,
                    };
                    if kind == wasm_encoder::ExportKind::Func {
                        let name = e.name;
                        if let Some(m) = name.strip_prefix("canister_update ") {
                            info.update_methods.insert(m.to_string());
                        } else if let Some(m) = name.strip_prefix("canister_query ") {
                            info.query_methods.insert(m.to_string());
                        } else if let Some(m) = name.strip_prefix("canister_composite_query ") {
                            info.composite_query_methods.insert(m.to_string());
                        }
                        info.exports.insert(name.to_string());
                    }
                    existing_exports.push((e.name.to_string(), kind, e.index));
                }
            }
            Payload::StartSection { func, .. } => start = Some(func),
            Payload::CustomSection(reader) => match reader.name() {
                "icp:public candid:service" => {
                    info.candid_service = Some(String::from_utf8_lossy(reader.data()).into_owned())
                }
                "icp:private candid:service" => {
                    private_candid = Some(String::from_utf8_lossy(reader.data()).into_owned())
                }
                _ => {}
            },
            _ => {}
        }
    }
    let _ = imported_funcs;
    if info.candid_service.is_none() {
        info.candid_service = private_candid;
    }
    for kind in [
        &info.update_methods,
        &info.query_methods,
        &info.composite_query_methods,
    ] {
        for m in kind {
            let n = [
                info.update_methods.contains(m),
                info.query_methods.contains(m),
                info.composite_query_methods.contains(m),
            ]
            .iter()
            .filter(|b| **b)
            .count();
            if n > 1 {
                return Err(format!(
                    "Wasm module has an invalid export section. Duplicate function '{m}' exported multiple times with different call types."
                ));
            }
        }
    }
    info.mutable_globals = mutable_globals.len();
    info.has_start = start.is_some();

    // Our export section.
    let mut exports = wasm_encoder::ExportSection::new();
    for (name, kind, index) in &existing_exports {
        exports.export(name, *kind, *index);
    }
    for (i, g) in mutable_globals.iter().enumerate() {
        exports.export(
            &format!("{GLOBAL_EXPORT_PREFIX}{i}"),
            wasm_encoder::ExportKind::Global,
            *g,
        );
    }
    if info.has_memory {
        exports.export(MEMORY_EXPORT, wasm_encoder::ExportKind::Memory, 0);
    }
    if info.has_table {
        exports.export(TABLE_EXPORT, wasm_encoder::ExportKind::Table, 0);
    }
    if let Some(f) = start {
        exports.export(START_EXPORT, wasm_encoder::ExportKind::Func, f);
    }

    // Second pass: copy every section, replacing exports and dropping start.
    let mut out = wasm_encoder::Module::new();
    let mut exports_written = false;
    for payload in Parser::new(0).parse_all(wasm) {
        let payload = payload.map_err(|e| e.to_string())?;
        let Some((id, range)) = payload.as_section() else {
            continue;
        };
        let order = section_order(id);
        if !exports_written && (id == 7 || order > section_order(7)) {
            out.section(&exports);
            exports_written = true;
        }
        if id == 7 || id == 8 {
            continue;
        }
        out.section(&wasm_encoder::RawSection {
            id,
            data: &wasm[range],
        });
    }
    if !exports_written {
        out.section(&exports);
    }
    Ok((out.finish(), info))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(tag: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("replica-lite-module-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }

    fn leftovers(dir: &Path) -> Vec<String> {
        std::fs::read_dir(dir)
            .expect("cache dir")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".tmp"))
            .collect()
    }

    #[test]
    fn concurrent_atomic_writes_leave_one_whole_file() {
        let dir = scratch("atomic");
        let path = dir.join("entry.bin");
        std::thread::scope(|s| {
            for i in 0..8u8 {
                let path = &path;
                s.spawn(move || {
                    for _ in 0..20 {
                        write_atomic(path, &vec![i; 64 * 1024]).expect("write");
                        // A reader sees one writer's whole file, never a mix
                        // or a prefix.
                        let seen = std::fs::read(path).expect("read");
                        assert_eq!(seen.len(), 64 * 1024);
                        assert!(seen.iter().all(|b| *b == seen[0]));
                    }
                });
            }
        });
        assert!(leftovers(&dir).is_empty(), "{:?}", leftovers(&dir));
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn threads_racing_to_fill_the_disk_cache_all_get_a_module() {
        let dir = scratch("race");
        let wasm = wat::parse_str(r#"(module (func (export "f") (result i32) i32.const 7))"#)
            .expect("wat");
        std::thread::scope(|s| {
            for _ in 0..4 {
                s.spawn(|| compile_cached(&wasm, Some(&dir)).expect("compiles"));
            }
        });
        let entries: Vec<_> = std::fs::read_dir(&dir)
            .expect("cache written")
            .map(|e| e.expect("entry").path())
            .collect();
        assert_eq!(entries.len(), 1, "{entries:?}");
        assert!(entries[0].extension().is_some_and(|e| e == "cwasm"));
        // The entry is whole: it deserializes.
        // SAFETY: written by `Module::serialize` above with this engine.
        let module = unsafe { Module::deserialize_file(engine(), &entries[0]) }
            .expect("a complete cache entry");
        assert!(module.get_export("f").is_some());
        let _ = std::fs::remove_dir_all(dir);
    }
}
