//! Concurrent builds: two builds of one project (threads here; processes
//! behave the same, the lock is a file lock) take turns on the output
//! directory and each gets a consistent Wasm.

mod common;

use kybra_aot::build::{self, Progress};
use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

fn custom_section(wasm: &[u8], name: &str) -> Option<String> {
    let m = ic_wasm::utils::parse_wasm(wasm, false).expect("valid Wasm");
    let found = m
        .customs
        .iter()
        .find(|(_, s)| s.name() == name)
        .map(|(_, s)| String::from_utf8_lossy(&s.data(&Default::default())).into_owned());
    found
}

fn exports(wasm: &[u8]) -> Vec<String> {
    let m = ic_wasm::utils::parse_wasm(wasm, false).expect("valid Wasm");
    m.exports.iter().map(|e| e.name.clone()).collect()
}

fn source(method: &str) -> String {
    format!(
        "from kybra import query\n\n\n@query\ndef {method}() -> str:\n    return \"{method}\"\n"
    )
}

/// The Wasm in `out_dir` is whole and self-consistent: its Candid metadata,
/// the `.did` beside it and its exports describe the same one method.
fn assert_consistent(out_dir: &Path, name: &str) -> String {
    let wasm = std::fs::read(out_dir.join(format!("{name}.wasm"))).expect("wasm");
    let did = std::fs::read_to_string(out_dir.join(format!("{name}.did"))).expect("did");
    let meta = custom_section(&wasm, "icp:public candid:service").expect("metadata");
    assert_eq!(
        meta, did,
        "the .did and the Wasm come from different builds"
    );
    let methods: Vec<String> = exports(&wasm)
        .into_iter()
        .filter_map(|e| e.strip_prefix("canister_query ").map(str::to_string))
        .collect();
    assert_eq!(methods.len(), 1, "{methods:?}");
    assert!(
        did.contains(&format!("{} : () -> (text) query", methods[0])),
        "exports {methods:?} do not match the interface:\n{did}"
    );
    let gz = std::fs::read(out_dir.join(format!("{name}.wasm.gz"))).expect("wasm.gz");
    let mut unzipped = Vec::new();
    std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&gz[..]), &mut unzipped)
        .expect("gzip");
    assert_eq!(unzipped, wasm, "the .wasm.gz holds another build's Wasm");
    methods[0].clone()
}

#[test]
fn two_concurrent_builds_of_one_project_both_succeed() {
    let project = common::scratch_dir("concurrent");
    let src = project.join("src");
    std::fs::create_dir_all(&src).expect("mkdir");
    // Two entry modules of one project, built as the same canister into the
    // same output directory: whichever finishes last wins, but neither may
    // read the other's Wasm.
    std::fs::write(src.join("a.py"), source("from_a")).expect("write");
    std::fs::write(src.join("b.py"), source("from_b")).expect("write");
    let out_dir = project.join(".kybra/both");
    let results: Vec<_> = std::thread::scope(|s| {
        let handles: Vec<_> = ["a.py", "b.py"]
            .into_iter()
            .map(|file| {
                let opts = common::build_options("both", &src.join(file), &out_dir);
                s.spawn(move || {
                    let out = build::build(&opts, &mut |_| {}).map_err(|e| e.to_string())?;
                    // Read back under no lock: the other build may already
                    // have replaced it, but only by a whole, valid module.
                    let wasm = std::fs::read(&out.wasm).map_err(|e| e.to_string())?;
                    Ok::<_, String>((out, wasm))
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("no panic"))
            .collect()
    });
    for r in &results {
        let (out, wasm) = r.as_ref().unwrap_or_else(|e| panic!("{e}"));
        assert!(out.warnings.is_empty(), "{:?}", out.warnings);
        assert_eq!(&wasm[..4], b"\0asm");
    }
    let winner = assert_consistent(&out_dir, "both");
    assert!(winner == "from_a" || winner == "from_b", "{winner}");
    let _ = std::fs::remove_dir_all(project);
}

#[test]
fn a_build_waits_for_the_output_directory_lock() {
    let project = common::scratch_dir("lock-wait");
    std::fs::write(project.join("main.py"), source("waited")).expect("write");
    let out_dir = project.join(".kybra/waiter");
    let held = build::lock_out_dir(&out_dir, &mut |_| {}).expect("lock");
    let (tx, rx) = mpsc::channel();
    let opts = common::build_options("waiter", &project.join("main.py"), &out_dir);
    let builder = std::thread::spawn(move || {
        build::build(&opts, &mut |p| {
            if let Progress::Waiting(dir) = p {
                let _ = tx.send(dir.to_path_buf());
            }
        })
        .map_err(|e| e.to_string())
    });
    let waited_on = rx
        .recv_timeout(Duration::from_secs(120))
        .expect("the build reports that it waits for the lock");
    assert_eq!(waited_on, out_dir);
    std::thread::sleep(Duration::from_millis(300));
    assert!(
        !builder.is_finished(),
        "the build went ahead without the lock"
    );
    assert!(!out_dir.join("waiter.wasm").exists());
    drop(held);
    builder
        .join()
        .expect("no panic")
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(assert_consistent(&out_dir, "waiter"), "waited");
    let _ = std::fs::remove_dir_all(project);
}
