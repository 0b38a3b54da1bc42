//! End to end: every example is built once (Python -> Rust -> Wasm), checked
//! for warnings, exports and metadata, then its scenario scripts run in
//! replica-lite.

mod common;

use kybra_aot::build;
use replica_lite::scenario::{run_scripts_with, CanisterBuilder};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Serves the Wasm built once per example to the scenario scripts.
struct Prebuilt(HashMap<PathBuf, Vec<u8>>);

impl CanisterBuilder for Prebuilt {
    fn build_python(&mut self, entry: &Path) -> anyhow::Result<Vec<u8>> {
        let key = entry.canonicalize()?;
        self.0
            .get(&key)
            .cloned()
            .ok_or_else(|| anyhow::anyhow!("{} was not built by this test", entry.display()))
    }
}

fn exports(wasm: &[u8]) -> Vec<String> {
    let m = ic_wasm::utils::parse_wasm(wasm, false).expect("valid Wasm");
    m.exports.iter().map(|e| e.name.clone()).collect()
}

fn custom_section(wasm: &[u8], name: &str) -> Option<Vec<u8>> {
    let m = ic_wasm::utils::parse_wasm(wasm, false).expect("valid Wasm");
    let found = m
        .customs
        .iter()
        .find(|(_, s)| s.name() == name)
        .map(|(_, s)| s.data(&Default::default()).into_owned());
    found
}

#[test]
fn examples_build_and_pass_their_scenarios() {
    let mut built = HashMap::new();
    let mut scripts = Vec::new();
    for (name, entry) in common::examples() {
        let project = entry
            .parent()
            .and_then(Path::parent)
            .expect("examples/NAME/src/main.py");
        let opts = common::build_options(&name, &entry, &common::out_dir(&name));
        let out = build::build(&opts, &mut |_| {}).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(
            out.warnings.is_empty(),
            "{name}: warnings on generated code:\n{}",
            out.warnings.join("\n")
        );
        let wasm = std::fs::read(&out.wasm).expect("wasm written");
        assert_eq!(&wasm[..4], b"\0asm", "{name}: not a Wasm module");
        let gz = std::fs::read(&out.wasm_gz).expect("wasm.gz written");
        assert_eq!(&gz[..2], &[0x1f, 0x8b], "{name}: not gzip");
        let did = std::fs::read_to_string(&out.did).expect("did written");
        let section =
            custom_section(&wasm, "icp:public candid:service").expect("candid:service metadata");
        assert_eq!(
            String::from_utf8(section).expect("utf-8"),
            did,
            "{name}: metadata differs from the .did"
        );
        if name == "hello_world" {
            let ex = exports(&wasm);
            assert!(
                ex.contains(&"canister_query get_message".to_string()),
                "{ex:?}"
            );
            assert!(
                ex.contains(&"canister_update set_message".to_string()),
                "{ex:?}"
            );
        }
        built.insert(entry.canonicalize().expect("exists"), wasm);
        let tests = project.join("tests");
        let mut found: Vec<PathBuf> = std::fs::read_dir(&tests)
            .unwrap_or_else(|_| panic!("{name}: every example has scenario scripts in tests/"))
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "repl"))
            .collect();
        assert!(!found.is_empty(), "{name}: no .repl scripts");
        found.sort();
        scripts.extend(found);
    }
    let mut out = Vec::new();
    let totals = run_scripts_with(
        &common::replica_config(),
        &scripts,
        &mut Prebuilt(built),
        &mut out,
    )
    .expect("scripts run");
    let text = String::from_utf8_lossy(&out);
    println!("{text}");
    assert!(totals.success(), "scenario failures:\n{text}");
    assert!(
        totals.passed >= 50,
        "expected the examples' assertions to run:\n{text}"
    );
}
