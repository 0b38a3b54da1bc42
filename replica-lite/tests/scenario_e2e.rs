//! End-to-end scenario scripts against the `scenario_target` test canister
//! (tests/canisters/scenario_target) and, for named and recursive Candid
//! types, `candid_echo` (tests/canisters/candid_echo), built for wasm32 on
//! first use.

mod common;

use replica_lite::scenario::{
    identity_principal, run_script, run_scripts_with, CanisterBuilder, FailureKind,
    NoPythonBuilder, ScriptReport,
};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

/// Builds the test canisters once per test process; the path of
/// `scenario_target`'s Wasm.
fn target_wasm() -> &'static Path {
    static WASM: OnceLock<PathBuf> = OnceLock::new();
    WASM.get_or_init(|| common::wasm_path("scenario_target"))
}

/// A fresh directory holding `target.wasm` and the given scripts.
fn workspace(tag: &str, scripts: &[(&str, &str)]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "replica-lite-scenario-e2e-{tag}-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(target_wasm(), dir.join("target.wasm")).unwrap();
    for (name, text) in scripts {
        std::fs::write(dir.join(name), text).unwrap();
    }
    dir
}

fn run_one(tag: &str, script: &str) -> (ScriptReport, String) {
    let dir = workspace(tag, &[("test.sh", script)]);
    let path = dir.join("test.sh");
    let mut replica = common::replica();
    let mut out = Vec::new();
    let report = run_script(&path, &mut replica, &mut NoPythonBuilder, &mut out).unwrap();
    let text = String::from_utf8(out)
        .unwrap()
        .replace(&path.display().to_string(), "FILE");
    (report, text)
}

const PASSING: &str = r#"
// Typed calls through the canister's candid:service metadata.
let c = install("target.wasm", opt "Howdy")
assert call c.get() == 0
call c.inc()
assert _ == (1 : nat64)
let n = call c.add(41)
assert n == 42
assert __cost_n != 0
assert __cost__ == __cost_n
assert call c.greet("Ada") == "Howdy, Ada!"
assert call c.pair() == (42, "pair")
assert call c.pair()[1] == "pair"
assert call c.nothing() == null
assert call c.nothing() == ()

// Records get field names; an omitted opt field is null.
let p = call c.echo_person(record { name = "Bo"; age = 7; tags = vec { "a"; "b" } })
assert p == record { name = "Bo"; age = (7 : nat8); tags = vec { "a"; "b" }; nickname = null }
assert p.tags[1] == "b"
assert p ~= record { name = "B" }
assert call c.echo_shape(variant { square = record { side = 3 } }).square.side == (3 : nat32)
assert call c.echo_shape(variant { circle = 1.5 }) == variant { circle = 1.5 }
assert call c.echo_shape(variant { dot }) == variant { dot }
assert call c.echo_blob(blob "\00\01") == blob "\00\01"
assert call c.echo_blob(file("data.bin")) == file("data.bin")

// Traps: `fail` gives the message, and the state is rolled back.
assert fail call c.boom("bad input") ~= "boom: bad input"
assert call c.get() == 42

// Identities.
let me = call c.whoami()
assert me == default
identity alice
assert call c.whoami() == alice
assert call c.whoami() != me
assert caller() == alice
identity default

// Time.
let t0 = time()
assert call c.now() == t0
advance_time(5_000_000_000)
assert call c.now() == add(t0, 5_000_000_000)
tick()
"#;

#[test]
fn passing_script_passes() {
    let dir_script = PASSING;
    let dir = workspace("pass", &[("test.sh", dir_script)]);
    std::fs::write(dir.join("data.bin"), [9u8, 8, 7]).unwrap();
    let path = dir.join("test.sh");
    let mut replica = common::replica();
    let mut out = Vec::new();
    let report = run_script(&path, &mut replica, &mut NoPythonBuilder, &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    assert_eq!(report.failed, 0, "{text}");
    assert_eq!(report.passed, 26, "{text}");
    assert_eq!(text.lines().count(), 26);
    assert!(text.lines().all(|l| l.starts_with("ok  ")), "{text}");
    assert!(text.contains(&format!(
        "ok  {}:4  assert call c.get() == 0",
        path.display()
    )));
}

#[test]
fn wrong_assertion_is_reported_with_its_line_and_values() {
    let script = "let c = install(\"target.wasm\", null)\n\
                  call c.inc()\n\
                  assert call c.get() == 2\n\
                  assert call c.greet(\"x\") == \"Hello, x!\"\n\
                  assert call c.get() ~= 3\n";
    let (report, text) = run_one("wrong", script);
    assert_eq!((report.passed, report.failed), (1, 2), "{text}");
    assert_eq!(
        text,
        "FAIL FILE:3  assert call c.get() == 2\n     left:  1 : nat64\n     right: 2\n\
         ok  FILE:4  assert call c.greet(\"x\") == \"Hello, x!\"\n\
         FAIL FILE:5  assert call c.get() ~= 3\n     left:  1 : nat64\n     right: 3\n"
    );
    assert_eq!(report.failures[0].line, 3);
    assert_eq!(
        report.failures[1].kind,
        FailureKind::Assertion {
            op: "~=".into(),
            left: "1 : nat64".into(),
            right: "3".into()
        }
    );
}

#[test]
fn unexpected_reject_stops_the_script() {
    let script = "let c = install(\"target.wasm\", null)\n\
                  assert 1 == 1\n\
                  call c.boom(\"oops\")\n\
                  assert 2 == 2\n";
    let (report, text) = run_one("reject", script);
    assert_eq!((report.passed, report.failed), (1, 1), "{text}");
    assert_eq!(report.failures[0].line, 3);
    let FailureKind::Error { message } = &report.failures[0].kind else {
        panic!("an error, not an assertion: {text}")
    };
    assert!(
        message.starts_with("call to `boom` was rejected with CanisterError (5): "),
        "{message}"
    );
    assert!(message.contains("boom: oops"), "{message}");
    assert!(
        text.contains("log: ") && text.contains("about to trap: oops"),
        "{text}"
    );
    assert!(!text.contains("FILE:4"));
    // A call that succeeds inside `fail` is an error too.
    let (report, text) = run_one(
        "nofail",
        "let c = install(\"target.wasm\", null)\nfail call c.inc()\n",
    );
    assert_eq!(report.failed, 1);
    assert!(
        text.contains("expected a rejection, but got 1 : nat64"),
        "{text}"
    );
    // So is a missing method (untyped: not in the metadata) outside `fail`,
    // while inside `fail` its reject message is a value.
    let (report, text) = run_one(
        "nomethod",
        "let c = install(\"target.wasm\", null)\nassert fail call c.nope() ~= \"nope\"\n",
    );
    assert_eq!((report.passed, report.failed), (1, 0), "{text}");
}

#[test]
fn upgrade_wipes_the_heap_and_reinstall_too() {
    let script = r#"
let c = install("target.wasm", opt "Hi")
call c.add(5)
assert call c.greet("u") == "Hi, u!"
upgrade(c, opt "Yo")
assert call c.get() == 0
assert call c.greet("u") == "Yo, u!"
call c.inc()
upgrade(c)
assert call c.get() == 0
assert call c.greet("u") == "Hello, u!"
call c.inc()
reinstall(c, "target.wasm", opt "Re")
assert call c.get() == 0
assert call c.greet("u") == "Re, u!"
identity mallory
assert fail upgrade(c) ~= "controller"
"#;
    let (report, text) = run_one("upgrade", script);
    assert_eq!((report.passed, report.failed), (8, 0), "{text}");
}

#[test]
fn identities_are_distinct_principals() {
    let script = r#"
let c = install("target.wasm", null)
let d = call c.whoami()
identity alice
let a = call c.whoami()
identity bob
let b = call c.whoami()
identity anonymous
assert call c.whoami() == principal "2vxsx-fae"
assert a != b
assert a != d
assert b != d
assert a == alice
"#;
    let script = format!(
        "{script}assert d == principal \"{}\"\n",
        identity_principal("default")
    );
    let (report, text) = run_one("ids", &script);
    assert_eq!((report.passed, report.failed), (6, 0), "{text}");
}

#[test]
fn run_scripts_uses_fresh_replicas_and_totals() {
    let first = common::replica().create_canister(Vec::new(), 0);
    let script = format!(
        "let c = install(\"target.wasm\", null)\nassert c == principal \"{first}\"\nassert call c.inc() == 1\n"
    );
    let dir = workspace(
        "many",
        &[
            ("a.sh", script.as_str()),
            ("b.sh", script.as_str()),
            ("bad.sh", "assert 1 == 2\nlet x = (\n"),
        ],
    );
    let paths = vec![
        dir.join("a.sh"),
        dir.join("b.sh"),
        dir.join("bad.sh"),
        dir.join("missing.sh"),
    ];
    let mut out = Vec::new();
    let totals =
        run_scripts_with(&common::config(), &paths, &mut NoPythonBuilder, &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    assert_eq!((totals.passed, totals.failed), (4, 2), "{text}");
    assert_eq!(totals.scripts.len(), 4);
    assert!(!totals.success());
    assert_eq!(text.lines().last(), Some("4 passed, 2 failed"));
    assert!(text.contains("bad.sh:3:1  parse error"), "{text}");
    assert!(
        text.contains("missing.sh  error: cannot read scenario script"),
        "{text}"
    );
}

#[test]
fn python_canisters_go_through_the_builder() {
    struct Prebuilt(Vec<PathBuf>);
    impl CanisterBuilder for Prebuilt {
        fn build_python(&mut self, entry: &Path) -> anyhow::Result<Vec<u8>> {
            self.0.push(entry.to_path_buf());
            Ok(std::fs::read(target_wasm())?)
        }
    }
    let dir = workspace(
        "py",
        &[(
            "test.sh",
            "let c = install(\"src/main.py\", opt \"Py\")\nassert call c.greet(\"x\") == \"Py, x!\"\nupgrade(c)\n",
        )],
    );
    let mut builder = Prebuilt(Vec::new());
    let mut out = Vec::new();
    let totals = run_scripts_with(
        &common::config(),
        &[dir.join("test.sh")],
        &mut builder,
        &mut out,
    )
    .unwrap();
    let text = String::from_utf8(out).unwrap();
    assert_eq!((totals.passed, totals.failed), (1, 0), "{text}");
    assert_eq!(
        builder.0,
        vec![dir.join("src/main.py"), dir.join("src/main.py")]
    );
}

#[test]
fn binary_exit_codes() {
    let dir = workspace(
        "bin",
        &[
            (
                "ok.sh",
                "let c = install(\"target.wasm\", null)\nassert call c.inc() == 1\n",
            ),
            ("bad.sh", "assert 1 == 2\n"),
            ("py.sh", "install(\"main.py\")\n"),
        ],
    );
    let bin = env!("CARGO_BIN_EXE_replica-lite");
    let ok = Command::new(bin)
        .env("KYBRA_AOT_CACHE_DIR", common::cache_dir())
        .arg("run")
        .arg(dir.join("ok.sh"))
        .output()
        .unwrap();
    assert_eq!(ok.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&ok.stdout).ends_with("1 passed, 0 failed\n"));
    let bad = Command::new(bin)
        .env("KYBRA_AOT_CACHE_DIR", common::cache_dir())
        .arg("run")
        .arg(dir.join("ok.sh"))
        .arg(dir.join("bad.sh"))
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&bad.stdout).ends_with("1 passed, 1 failed\n"));
    let py = Command::new(bin)
        .env("KYBRA_AOT_CACHE_DIR", common::cache_dir())
        .arg("run")
        .arg(dir.join("py.sh"))
        .output()
        .unwrap();
    assert_eq!(py.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&py.stdout)
        .contains("build Python canisters with `kybra-aot test`"));
    let usage = Command::new(bin)
        .env("KYBRA_AOT_CACHE_DIR", common::cache_dir())
        .output()
        .unwrap();
    assert_eq!(usage.status.code(), Some(2));
}

/// A workspace holding `echo.wasm`, the `candid_echo` test canister
/// (records, variants, opt, vec, blob, tuples, recursive types).
fn echo_workspace(tag: &str, script: &str) -> PathBuf {
    let dir = workspace(tag, &[("test.sh", script)]);
    std::fs::copy(common::wasm_path("candid_echo"), dir.join("echo.wasm")).unwrap();
    dir
}

fn run_echo(tag: &str, script: &str) -> (ScriptReport, String) {
    let dir = echo_workspace(tag, script);
    let path = dir.join("test.sh");
    let mut replica = common::replica();
    let mut out = Vec::new();
    let report = run_script(&path, &mut replica, &mut NoPythonBuilder, &mut out).unwrap();
    let text = String::from_utf8(out)
        .unwrap()
        .replace(&path.display().to_string(), "FILE");
    (report, text)
}

const NAMED_TYPES: &str = r#"
let c = install("echo.wasm")
// `User`, `Role`, `Tree`, `Expr` are the canister's .did type names.
let u : User = record {
  id = 1; name = "Ada"; email = opt "ada@example.org"; tags = vec { "a"; "b" };
  role = variant { member = record { since = 2020 } }; avatar = blob "\01\02";
}
assert u.id == (1 : nat64)
assert call c.echo_user(u) == u
let v = call c.echo_user(record { id = 2; name = "Bo"; tags = vec {}; role = variant { admin }; avatar = blob "" })
assert v == record { id = (2 : nat64); name = "Bo"; email = null; tags = vec {}; role = variant { admin }; avatar = blob "" }
assert call c.echo_role(variant { guest = opt "x" }) == variant { guest = opt "x" }
assert call c.echo_role((variant { guest = null } : Role)).guest == null
assert call c.find_user(vec { u; v }, 2) == opt v
assert call c.find_user(vec { u; v }, 9) == null
assert call c.echo_users(vec { u; v; u }).size() == 3

// Tuples: a record argument and two results.
let sw = call c.swap((u, variant { admin }))
assert sw[0] == variant { admin }
assert sw[1] == u
assert call c.swap(record { v; (variant { guest = null } : Role) }) == (variant { guest = null }, v)

// Recursive types.
let t : Tree = variant { node = record {
  left = variant { leaf = 1 };
  right = variant { node = record { left = variant { leaf = 2 }; right = variant { leaf = -3 } } };
} }
assert call c.echo_tree(t) == t
assert call c.tree_sum(t) == 0
let big = call c.make_tree(4)
assert call c.tree_sum(big) == 120
assert big.node.left.node.left.node.left.node.left.leaf == (0 : int)
assert big.node.right.node.right.node.right.node.right.leaf == (15 : int)
assert call c.echo_tree(big) == big
assert decode as c.echo_tree encode c.echo_tree(t) == t

// Mutually recursive types.
let e : Expr = variant { block = record {
  stmts = vec { variant { num = 1 } };
  result = opt variant { sum = vec { variant { num = 2 }; variant { neg = variant { num = 5 } } } };
} }
assert call c.eval(e) == -3
assert call c.echo_expr(e) == e
assert call c.eval((variant { block = record { stmts = vec {} } } : Expr)) == 0

// Annotations inside call arguments use the called canister's types.
call c.save((record { id = 3; name = "Cy"; tags = vec {}; role = variant { guest = null }; avatar = blob "" } : User))
assert call c.load(3)?.name == "Cy"
call c.save(u)
assert call c.load(1)?.role.member.since == (2020 : nat64)
assert call c.load(4) == null
"#;

#[test]
fn named_types_and_recursive_values() {
    let (report, text) = run_echo("named", NAMED_TYPES);
    assert_eq!((report.passed, report.failed), (24, 0), "{text}");
    assert!(text.lines().all(|l| l.starts_with("ok  ")), "{text}");
}

#[test]
fn replies_print_with_field_names_and_tags() {
    let script = r#"
let c = install("echo.wasm")
let u : User = record { id = 7; name = "Ed"; tags = vec { "t" }; role = variant { member = record { since = 1 } }; avatar = blob "" }
assert call c.echo_user(u) == record { id = 7 }
assert call c.echo_tree(variant { node = record { left = variant { leaf = 1 }; right = variant { leaf = 2 } } }) == variant { leaf = 3 }
let x : User = record { id = 1 }
"#;
    let (report, text) = run_echo("printed", script);
    assert_eq!((report.passed, report.failed), (0, 3), "{text}");
    let left = |i: usize| match &report.failures[i].kind {
        FailureKind::Assertion { left, .. } => left.clone(),
        other => panic!("{other:?}"),
    };
    let user = left(0);
    for part in [
        "id = 7 : nat64",
        "name = \"Ed\"",
        "email = null",
        "tags = vec { \"t\" }",
        "role = variant { member = record { since = 1 : nat64 } }",
    ] {
        assert!(user.contains(part), "{part} in {user}");
    }
    let tree = left(1).split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(tree.starts_with("variant { node = record {"), "{tree}");
    assert!(tree.contains("left = variant { leaf = 1 : int }"), "{tree}");
    assert!(
        tree.contains("right = variant { leaf = 2 : int }"),
        "{tree}"
    );
    let FailureKind::Error { message } = &report.failures[2].kind else {
        panic!("an error: {text}")
    };
    assert_eq!(
        message,
        "cannot convert to `User`: record field `name` missing in record { id = 1 }"
    );
}
