//! The `kybra-aot` command line as a user runs it: exit codes, diagnostics
//! on stderr, interface on stdout, failing scenario lines.

mod common;

use std::process::Command;

/// The binary, with the test run's cache (never the user's).
fn kybra_aot() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_kybra-aot"));
    cmd.env("KYBRA_AOT_CACHE_DIR", common::cache_dir());
    cmd
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    common::scratch_dir(&format!("cli-{name}"))
}

#[test]
fn check_reports_errors_at_the_source_line_and_fails() {
    let dir = temp_dir("check");
    let file = dir.join("main.py");
    std::fs::write(
        &file,
        "from kybra import query\n\n@query\ndef f() -> str:\n    return 1 + \"a\"\n",
    )
    .expect("write");
    let out = kybra_aot().arg("check").arg(&file).output().expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("main.py:5:12"), "{err}");
    assert!(err.contains("unsupported operand types for +"), "{err}");
    assert!(err.contains("help:"), "{err}");
}

#[test]
fn did_prints_the_interface() {
    let entry = common::repo_root().join("examples/counter/src/main.py");
    let out = kybra_aot().arg("did").arg(&entry).output().expect("runs");
    assert!(out.status.success());
    let did = String::from_utf8_lossy(&out.stdout);
    assert!(did.contains("increment : () -> (nat64);"), "{did}");
    assert!(did.contains("get : () -> (nat64) query;"), "{did}");
}

/// Imports resolve as under dfx: against the current directory (the
/// project) and the entry's directory; errors point into the module.
#[test]
fn modules_resolve_against_the_current_directory() {
    let dir = temp_dir("modules");
    std::fs::create_dir_all(dir.join("src")).expect("mkdir");
    std::fs::write(
        dir.join("src/main.py"),
        "from kybra import query\nfrom src.util import twice\n\n@query\ndef f() -> int:\n    return twice(2)\n",
    )
    .expect("write");
    std::fs::write(
        dir.join("src/util.py"),
        "def twice(x: int) -> int:\n    return x + \"a\"\n",
    )
    .expect("write");
    let out = kybra_aot()
        .args(["check", "src/main.py"])
        .current_dir(&dir)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--> src/util.py:2:12"), "{err}");
    std::fs::write(
        dir.join("src/util.py"),
        "def twice(x: int) -> int:\n    return x + x\n",
    )
    .expect("write");
    let out = kybra_aot()
        .args(["did", "src/main.py"])
        .current_dir(&dir)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("f : () -> (int) query"));
    // From elsewhere, `src` is not on the path: the help says where to run.
    let out = kybra_aot()
        .arg("check")
        .arg(dir.join("src/main.py"))
        .current_dir(dir.parent().expect("parent"))
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no module named `src.util`"), "{err}");
    assert!(
        err.contains("run the build in the project directory"),
        "{err}"
    );
}

#[test]
fn missing_input_is_a_clear_error() {
    let out = kybra_aot()
        .args(["build", "x", "no/such/main.py", "x.did"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("cannot read no/such/main.py"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn test_command_reports_the_failing_line_and_exits_nonzero() {
    // A copy of the example: `kybra-aot test` builds into the project's
    // `.kybra/`, which must not appear in the source tree.
    let dir = temp_dir("scenario");
    let entry = dir.join("hello_world/src/main.py");
    std::fs::create_dir_all(entry.parent().expect("src")).expect("mkdir");
    std::fs::copy(
        common::repo_root().join("examples/hello_world/src/main.py"),
        &entry,
    )
    .expect("copy the example");
    let script = dir.join("wrong.repl");
    std::fs::write(
        &script,
        format!(
            "let h = install({:?});\ncall h.set_message(\"a\");\nassert call h.get_message() == \"a\";\nassert call h.get_message() == \"b\";\n",
            entry.display().to_string()
        ),
    )
    .expect("write");
    let out = kybra_aot().arg("test").arg(&script).output().expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("wrong.repl:3"), "{stdout}");
    assert!(
        stdout.contains("FAIL") && stdout.contains("wrong.repl:4"),
        "{stdout}"
    );
    assert!(stdout.contains("1 passed, 1 failed"), "{stdout}");
}

/// The bytes of `build`'s Wasm for the project in `dir`, built by the binary
/// run in `dir` with `env` added to the test's environment.
fn build_in(dir: &std::path::Path, env: &[(&str, &str)]) -> Vec<u8> {
    let mut cmd = kybra_aot();
    cmd.current_dir(dir)
        .args(["build", "hostile", "src/main.py", "src/main.did"]);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(!err.contains("warning"), "{err}");
    std::fs::read(dir.join(".kybra/hostile/hostile.wasm")).expect("wasm")
}

#[test]
fn cargo_configuration_and_environment_do_not_change_the_build() {
    let dir = temp_dir("hostile");
    std::fs::create_dir_all(dir.join("src")).expect("mkdir");
    std::fs::copy(
        common::repo_root().join("examples/hello_world/src/main.py"),
        dir.join("src/main.py"),
    )
    .expect("copy the example");
    let clean = build_in(&dir, &[]);

    // A project config, as cargo would find it from the generated crate
    // (`.kybra/hostile/crate`) upwards, and variables that reconfigure cargo:
    // each would fail the build or change the Wasm if it applied.
    std::fs::create_dir_all(dir.join(".cargo")).expect("mkdir");
    std::fs::write(
        dir.join(".cargo/config.toml"),
        r#"[build]
rustflags = ["-Z", "bogus"]
target-dir = "hostile-target"
rustc-wrapper = "/nonexistent/rustc-wrapper"
incremental = true

[target.wasm32-unknown-unknown]
rustflags = ["-C", "opt-level=0"]
linker = "/nonexistent/linker"

[profile.release]
opt-level = 0
lto = false
debug = true
overflow-checks = true
strip = "none"

[profile.release.package."*"]
opt-level = 0

[term]
quiet = true
"#,
    )
    .expect("write config");
    let hostile = build_in(
        &dir,
        &[
            ("RUSTFLAGS", "-Zbogus"),
            ("CARGO_ENCODED_RUSTFLAGS", "-Zbogus"),
            ("CARGO_BUILD_RUSTFLAGS", "-Zbogus"),
            ("RUSTC_WRAPPER", "/nonexistent/wrapper"),
            ("RUSTC_WORKSPACE_WRAPPER", "/nonexistent/wrapper"),
            ("CARGO_TARGET_DIR", "hostile-target"),
            ("CARGO_BUILD_TARGET_DIR", "hostile-target"),
            ("CARGO_PROFILE_RELEASE_OPT_LEVEL", "0"),
            ("CARGO_PROFILE_RELEASE_LTO", "false"),
            ("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "16"),
            ("CARGO_TERM_QUIET", "true"),
            // With the pinned lock and the dependencies downloaded by the
            // first build, no network is needed.
            ("CARGO_NET_OFFLINE", "true"),
        ],
    );
    assert!(hostile == clean, "the environment changed the Wasm");
    assert!(!dir.join("hostile-target").exists());
    assert!(!dir.join(".kybra/hostile/crate/hostile-target").exists());
    let _ = std::fs::remove_dir_all(dir);
}

/// `kybra-aot run` prints what `python3` prints and ends as CPython does
/// after an uncaught exception: the exception's line last on stderr, exit
/// status 1.
#[test]
fn run_behaves_like_python3() {
    let dir = temp_dir("run");
    let file = dir.join("script.py");
    std::fs::write(
        &file,
        "def half(n: int) -> int:\n    return n // 2\n\n\
         xs = [half(n) for n in range(5)]\nprint(xs, sep='')\nprint('a', 'b', sep='-', end='|')\nprint()\n\
         d = {'k': 1}\nprint(d['missing'])\n",
    )
    .expect("write");
    let ours = kybra_aot().arg("run").arg(&file).output().expect("runs");
    let python = Command::new("python3")
        .arg(&file)
        .output()
        .expect("python3");
    assert_eq!(
        String::from_utf8_lossy(&ours.stdout),
        String::from_utf8_lossy(&python.stdout)
    );
    assert_eq!(ours.status.code(), Some(1));
    assert_eq!(ours.status.code(), python.status.code());
    let last = |b: &[u8]| {
        String::from_utf8_lossy(b)
            .trim_end()
            .lines()
            .last()
            .unwrap_or("")
            .to_string()
    };
    assert_eq!(last(&ours.stderr), last(&python.stderr));
    assert_eq!(last(&ours.stderr), "KeyError: 'missing'");
}

#[test]
fn run_reports_diagnostics_and_fails() {
    let dir = temp_dir("run-diag");
    let file = dir.join("bad.py");
    std::fs::write(&file, "x = 1\nprint(x + 'a')\n").expect("write");
    let out = kybra_aot().arg("run").arg(&file).output().expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.py:2:7"), "{err}");
}

/// Module-level code runs module by module in CPython's import order: an
/// imported module's top level finishes before the importer's continues.
#[test]
fn run_runs_module_level_code_in_import_order() {
    let dir = temp_dir("run-modules");
    std::fs::write(
        dir.join("util.py"),
        "from config import SCALE\n\nprint('util starts')\nFACTORS = [SCALE * i for i in range(3)]\n\n\ndef scaled(x: int) -> int:\n    return x * SCALE\n",
    )
    .expect("write");
    std::fs::write(
        dir.join("config.py"),
        "print('config starts')\nSCALE = 10\nSCALE += 5\n",
    )
    .expect("write");
    std::fs::write(
        dir.join("main.py"),
        "from util import scaled, FACTORS\nfrom config import SCALE\n\nprint('main starts', SCALE)\nprint(scaled(2), FACTORS)\n",
    )
    .expect("write");
    let file = dir.join("main.py");
    let ours = kybra_aot().arg("run").arg(&file).output().expect("runs");
    let python = Command::new("python3")
        .arg(&file)
        .output()
        .expect("python3");
    assert!(
        ours.status.success(),
        "{}",
        String::from_utf8_lossy(&ours.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&ours.stdout),
        String::from_utf8_lossy(&python.stdout)
    );
}

#[test]
fn explain_types_lists_each_binding_and_where_its_type_came_from() {
    let dir = temp_dir("explain");
    let file = dir.join("main.py");
    std::fs::write(
        &file,
        "from kybra import query\n\nscale = 3\n\n\ndef mul(a, b):\n    return a * b\n\n\n@query\ndef f(x: int) -> str:\n    total = mul(x, scale)\n    return str(total)\n",
    )
    .expect("write");
    let out = kybra_aot()
        .args(["check", "--explain-types"])
        .arg(&file)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report = String::from_utf8_lossy(&out.stdout);
    let path = file.display();
    for line in [
        format!("{path}:3:1: scale (global): int (inferred)"),
        format!("{path}:6:5: mul returns int (inferred)"),
        format!("{path}:6:9: a in mul: int (inferred)"),
        format!("{path}:6:12: b in mul: int (inferred)"),
        format!("{path}:11:5: f returns str (annotated)"),
        format!("{path}:11:7: x in f: int (annotated)"),
        format!("{path}:12:5: total in f: int (inferred)"),
        "7 bindings: 2 annotated, 5 inferred, 0 dynamic".to_string(),
    ] {
        assert!(report.contains(&line), "missing `{line}` in:\n{report}");
    }
}
