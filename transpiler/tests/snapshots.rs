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
        // Read from the repository root, so paths (in the IR, the header and
        // runtime error locations) are the same on every machine; imports
        // resolve against the example's directory, as `kybra-aot build` run
        // there would.
        let display = format!("examples/{name}/src/main.py");
        let root = std::path::PathBuf::from(format!("examples/{name}"));
        let files = kybra_aot::load::Disk {
            base: common::repo_root(),
        };
        let input = kybra_aot::Input {
            path: &display,
            source: &source,
            root: Some(&root),
        };
        let out = kybra_aot::compile_program(input, &files)
            .unwrap_or_else(|d| panic!("{name} does not compile:\n{d}"));
        // The generated Rust must at least parse; building it is tested in examples.rs.
        syn::parse_file(&out.rust)
            .unwrap_or_else(|e| panic!("{name}: generated Rust does not parse: {e}"));
        settings().bind(|| {
            insta::assert_snapshot!(format!("{name}__lib.rs"), out.rust);
            insta::assert_snapshot!(format!("{name}__main.did"), out.did);
            let ir = kybra_aot::print_ir(input, &files).expect("checks");
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
        // Kybra 0.7.1 prints a service class without init arguments (see
        // ../shared/fixtures/kybra/stable_store.did, its own output).
        squash("service : () -> { get_message : () -> (text) query; set_message : (text) -> () }")
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

/// Programs of several modules (a directory each, built as `kybra-aot
/// build` run in it would): missing modules and names, import cycles, names
/// that clash across modules. Paths in the diagnostics are the modules'.
#[test]
fn invalid_projects_diagnostics() {
    let projects = common::invalid_projects();
    assert!(projects.len() >= 4, "expected projects in tests/invalid");
    for (name, dir) in projects {
        let source = std::fs::read_to_string(dir.join("src/main.py")).expect("readable");
        let input = kybra_aot::Input {
            path: "src/main.py",
            source: &source,
            root: Some(std::path::Path::new("")),
        };
        let files = kybra_aot::load::Disk { base: dir };
        match kybra_aot::compile_program(input, &files) {
            Ok(_) => panic!("{name} should be rejected"),
            Err(d) => {
                let rendered = d.render();
                assert!(rendered.contains("--> src/"), "{rendered}");
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

/// The `.did` of the references example is the service Candid's own syntax
/// describes (func types with their modes, a service type), written here by
/// hand with the types spelled out inline where Candid allows it.
#[test]
fn principals_interface_matches_candid() {
    let entry = common::repo_root().join("examples/principals/src/main.py");
    let source = std::fs::read_to_string(entry).expect("readable");
    let did = kybra_aot::compile("main.py", &source)
        .expect("compiles")
        .did;
    let expected = r#"
        type Result = variant { Ok : nat64; Err : text };
        type Cb = func (text) -> (nat64) query;
        type L = service {
          transfer : (principal, nat) -> (Result);
          balance : (principal) -> (nat64) query;
          forget : () -> ();
        };
        type Sub = record {
          owner : principal;
          callback : Cb;
          ledger : L;
          extra : reserved;
        };
        service : () -> {
          anonymous : () -> (principal) query;
          callback_method : (Cb) -> (text) query;
          callback_parts : (func (text) -> (nat64) query) -> (record { principal; text }) query;
          callbacks : (Cb) -> (vec opt Cb) query;
          describe : (principal) -> (text) query;
          default_ledger : () -> (L) query;
          echo_event : (variant { Called : Cb; Nothing; Impossible : empty }) -> (variant { Called : Cb; Nothing; Impossible : empty }) query;
          echo_ledger : (L) -> (L) query;
          echo_notify : (func (Result, vec principal) -> ()) -> (func (Result, vec principal) -> ()) query;
          echo_ping : (func () -> () oneway) -> (func () -> () oneway) query;
          echo_reserved : (reserved) -> (reserved) query;
          echo_subscription : (Sub) -> (Sub) query;
          empty_list : (vec empty) -> (nat64);
          from_bytes : (blob) -> (principal) query;
          from_hex : (text) -> (principal) query;
          from_text : (text) -> (principal) query;
          get_empty : () -> (empty) query;
          get_reserved : () -> (reserved) query;
          hex_round_trip : (text) -> (bool) query;
          is_anonymous : (principal) -> (bool) query;
          ledger_at : (text) -> (service {
            balance : (principal) -> (nat64) query;
            forget : () -> ();
            transfer : (principal, nat) -> (Result);
          }) query;
          ledger_id : (L) -> (principal) query;
          make_callback : (principal, text) -> (Cb) query;
          management : () -> (principal) query;
          reserved_is_none : (reserved) -> (bool) query;
          same : (principal, principal) -> (bool) query;
          self_authenticating : (blob) -> (principal) query;
          same_callback : (Cb, Cb) -> (bool) query;
          subscribe : (principal, Cb) -> (Sub) query;
          subscription_callback : (Sub) -> (text) query;
          take_empty : (empty) -> (bool) query;
          to_bytes : (principal) -> (blob) query;
          to_hex : (principal) -> (text) query;
          to_text : (principal) -> (text) query;
        }
    "#;
    if let Err(e) = kybra_aot::did_equiv::service_equivalent(&did, expected) {
        panic!("{e}\n{did}");
    }
    // A query func is not an update func: the modes are part of the type.
    let wrong_mode = expected.replace(
        "type Cb = func (text) -> (nat64) query;",
        "type Cb = func (text) -> (nat64);",
    );
    assert!(kybra_aot::did_equiv::service_equivalent(&did, &wrong_mode).is_err());
}

/// The forum's interface as Kybra would print it for the same source
/// (written by hand: fields in Candid's id order, the service with its
/// `() ->` init arguments): the generated `.did` must be the same service
/// with the same type names, whatever the order.
#[test]
fn complex_types_interface_matches_kybras_form() {
    let entry = common::repo_root().join("examples/complex_types/src/main.py");
    let source = std::fs::read_to_string(entry).expect("readable");
    let did = kybra_aot::compile("main.py", &source)
        .expect("compiles")
        .did;
    let kybra = r#"
        type Post = record {
          id : nat64;
          "text" : text;
          author : text;
          reactions : vec Reaction;
          replies : vec Post;
        };
        type PostResult = variant { Ok : Post; Err : Problem };
        type Problem = variant {
          EmptyText;
          NoSuchPost : nat64;
          NoSuchThread : nat64;
          NoSuchUser : nat64;
        };
        type Reaction = variant { Emoji : text; Like; Laugh };
        type Thread = record {
          id : nat64;
          title : text;
          author : User;
          posts : vec Post;
        };
        type ThreadResult = variant { Ok : Thread; Err : Problem };
        type User = record {
          id : nat64;
          threads : vec Thread;
          name : text;
          karma : int;
        };
        service : () -> {
          create_user : (text) -> (User);
          echo_result : (PostResult) -> (PostResult) query;
          echo_thread : (Thread) -> (Thread) query;
          get_thread : (nat64, nat32) -> (opt Thread) query;
          get_user : (nat64, nat32) -> (opt User) query;
          karma_of : (nat64) -> (int) query;
          leaderboard : () -> (vec User) query;
          open_thread : (nat64, text, text) -> (ThreadResult);
          post : (nat64, nat64, text) -> (PostResult);
          react : (nat64, Reaction) -> (PostResult);
          reply : (nat64, nat64, text) -> (PostResult);
        }
    "#;
    if let Err(e) = kybra_aot::did_equiv::service_equivalent(&did, kybra) {
        panic!("{e}\n{did}");
    }
    if let Err(e) = kybra_aot::did_equiv::names_match(&did, kybra) {
        panic!("{e}\n{did}");
    }
    // A reply type that differs one level down is not the same service.
    let other = kybra.replace("karma : int;", "karma : nat;");
    assert!(kybra_aot::did_equiv::service_equivalent(&did, &other).is_err());
}
