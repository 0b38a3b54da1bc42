//! Snapshot tests of what the compiler produces: the generated Rust and
//! `.did` of every example, and the diagnostics of invalid programs. Review
//! changes with `cargo insta review`.

mod common;

fn settings() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.set_snapshot_path(common::repo_root().join("snapshots"));
    s.set_prepend_module_to_snapshot(false);
    s.set_omit_expression(true);
    s
}

#[test]
fn examples_generated_rust_and_did() {
    for (name, entry) in common::examples() {
        let source = std::fs::read_to_string(&entry).expect("readable");
        let display = format!("examples/{name}/src/main.py");
        let out = kybra_aot::compile(&display, &source)
            .unwrap_or_else(|d| panic!("{name} does not compile:\n{d}"));
        // The generated Rust must at least parse; building it is tested in examples.rs.
        syn::parse_file(&out.rust)
            .unwrap_or_else(|e| panic!("{name}: generated Rust does not parse: {e}"));
        settings().bind(|| {
            insta::assert_snapshot!(format!("{name}__lib.rs"), out.rust);
            insta::assert_snapshot!(format!("{name}__main.did"), out.did);
            let ir = kybra_aot::print_ir(&display, &source).expect("checks");
            insta::assert_snapshot!(format!("{name}__ir"), ir);
        });
    }
}

#[test]
fn hello_world_interface_matches_kybra() {
    let entry = common::repo_root().join("examples/hello_world/src/main.py");
    let source = std::fs::read_to_string(entry).expect("readable");
    let did = kybra_aot::compile("main.py", &source)
        .expect("compiles")
        .did;
    let squash = |s: &str| s.split_whitespace().collect::<String>().replace(";}", "}");
    assert_eq!(
        squash(&did),
        squash("service : { get_message : () -> (text) query; set_message : (text) -> () }")
    );
}

#[test]
fn invalid_programs_diagnostics() {
    let programs = common::invalid_programs();
    assert!(
        programs.len() >= 10,
        "expected invalid programs in tests/invalid"
    );
    for (name, source) in programs {
        let path = format!("{name}.py");
        match kybra_aot::compile(&path, &source) {
            Ok(_) => panic!("{name}.py should be rejected"),
            Err(d) => {
                let rendered = d.render();
                // Every diagnostic points into the file and offers help.
                assert!(rendered.contains(&format!("--> {path}:")), "{rendered}");
                assert!(
                    rendered.contains("help:"),
                    "{name}: no help line:\n{rendered}"
                );
                settings()
                    .bind(|| insta::assert_snapshot!(format!("diagnostics__{name}"), rendered));
            }
        }
    }
}
