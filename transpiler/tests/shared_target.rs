//! Canister builds share one cargo target directory; two projects with a
//! canister of the same name must still each get their own Wasm.

mod common;

use kybra_aot::build;

fn exports(wasm: &[u8]) -> Vec<String> {
    let m = ic_wasm::utils::parse_wasm(wasm, false).expect("valid Wasm");
    m.exports.iter().map(|e| e.name.clone()).collect()
}

fn build_project(root: &std::path::Path, method: &str) -> Vec<String> {
    let src = root.join("src");
    std::fs::create_dir_all(&src).expect("mkdir");
    std::fs::write(
        src.join("main.py"),
        format!("from kybra import query\n\n\n@query\ndef {method}() -> str:\n    return \"{method}\"\n"),
    )
    .expect("write source");
    let opts = common::build_options("same", &src.join("main.py"), &root.join(".kybra/same"));
    let out = build::build(&opts, &mut |_| {}).unwrap_or_else(|e| panic!("{e}"));
    exports(&std::fs::read(out.wasm).expect("wasm"))
}

#[test]
fn same_canister_name_in_two_projects_keeps_two_wasms() {
    let base = common::scratch_dir("shared");
    let a = build_project(&base.join("a"), "from_a");
    let b = build_project(&base.join("b"), "from_b");
    // Rebuilding `a` (nothing changed, so cargo does no work) must not pick
    // up `b`'s module.
    let a_again = build_project(&base.join("a"), "from_a");
    let _ = std::fs::remove_dir_all(&base);
    assert!(a.contains(&"canister_query from_a".to_string()), "{a:?}");
    assert!(b.contains(&"canister_query from_b".to_string()), "{b:?}");
    assert!(
        a_again.contains(&"canister_query from_a".to_string()),
        "{a_again:?}"
    );
    assert!(
        !a_again.contains(&"canister_query from_b".to_string()),
        "{a_again:?}"
    );
}
