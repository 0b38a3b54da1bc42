//! Differential programs: every `tests/differential/programs/*.py` is a
//! standalone Python script. All of them are compiled into one native crate
//! (one module each, one binary that runs the program named by its
//! argument) in one cargo build; each program's stdout, exit status and
//! last stderr line (`Kind: message` of an uncaught exception) must be
//! CPython's.
//!
//! `tests/differential/unsupported/*.py` are programs the compiler rejects:
//! the first line of the diagnostic must be the program's `# expect: ...`
//! first line.
//!
//! One program: `KYBRA_AOT_PROGRAM=NAME cargo test -p kybra-aot --test
//! programs` (compiles and runs only `NAME.py`, and prints both outputs in
//! full), or `kybra-aot run transpiler/tests/differential/programs/NAME.py`.

mod common;

use kybra_aot::build::script;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn programs_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/differential/programs")
}

fn python_files(dir: &Path) -> Vec<(String, PathBuf)> {
    let mut out: Vec<(String, PathBuf)> = std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "py"))
                .map(|p| {
                    let name = p
                        .file_stem()
                        .unwrap_or_default()
                        .to_string_lossy()
                        .into_owned();
                    (name, p)
                })
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

fn compile(name: &str, path: &Path) -> Result<String, String> {
    let source = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let display = format!("{name}.py");
    kybra_aot::compile_script(
        kybra_aot::Input::single(&display, &source),
        &kybra_aot::load::NoFiles,
    )
    .map_err(|d| d.to_string())
}

/// What one run printed and how it ended.
#[derive(Debug, PartialEq)]
struct Run {
    stdout: String,
    status: Option<i32>,
    /// The last line of stderr (empty if none).
    last_err: String,
}

impl Run {
    fn of(out: Output) -> Run {
        let stderr = String::from_utf8_lossy(&out.stderr);
        Run {
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            status: out.status.code(),
            last_err: stderr.trim_end().lines().last().unwrap_or("").to_string(),
        }
    }
}

/// Where `a` and `b` first differ, with a few lines of context.
fn first_difference(expected: &str, actual: &str) -> String {
    let e: Vec<&str> = expected.lines().collect();
    let a: Vec<&str> = actual.lines().collect();
    let i = (0..e.len().max(a.len()))
        .find(|&i| e.get(i) != a.get(i))
        .unwrap_or(0);
    let from = i.saturating_sub(2);
    let mut out = format!("first difference at stdout line {}:\n", i + 1);
    for j in from..(i + 3).min(e.len().max(a.len())) {
        let mark = if j == i { ">" } else { " " };
        out.push_str(&format!(
            "{mark} python3: {:?}\n{mark} compiled: {:?}\n",
            e.get(j).copied().unwrap_or("<none>"),
            a.get(j).copied().unwrap_or("<none>")
        ));
    }
    if !expected.ends_with('\n') || !actual.ends_with('\n') || e.len() == a.len() {
        out.push_str(&format!(
            "(expected {} bytes, got {})\n",
            expected.len(),
            actual.len()
        ));
    }
    out
}

#[test]
fn programs_match_cpython() {
    let only = std::env::var("KYBRA_AOT_PROGRAM")
        .ok()
        .filter(|s| !s.is_empty());
    let all = python_files(&programs_dir());
    assert!(all.len() >= 120, "expected the program corpus");
    let selected: Vec<(String, PathBuf)> = all
        .into_iter()
        .filter(|(n, _)| only.as_ref().is_none_or(|o| o == n))
        .collect();
    assert!(!selected.is_empty(), "no program named {only:?}");

    // CPython's answers, in the background while we compile.
    let expected = std::thread::spawn({
        let selected = selected.clone();
        move || {
            selected
                .iter()
                .map(|(_, p)| {
                    let out = Command::new("python3")
                        .arg(p.file_name().unwrap_or_default())
                        .current_dir(p.parent().unwrap_or(Path::new(".")))
                        // The stand-in `kybra` module (Record, nat8, ...).
                        .env("PYTHONPATH", programs_dir().join(".."))
                        .output()
                        .expect("python3 runs");
                    Run::of(out)
                })
                .collect::<Vec<Run>>()
        }
    });

    let mut failures = Vec::new();
    let mut compiled = Vec::new();
    for (name, path) in &selected {
        match compile(name, path) {
            Ok(rust) => compiled.push((name.clone(), rust)),
            Err(d) => failures.push(format!("{name}: does not compile:\n{d}")),
        }
    }
    let crate_dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("kybra-aot-programs")
        .join(if only.is_some() { "one" } else { "all" });
    let cache = common::cache_dir();
    let bin = if only.is_some() {
        "kybra_program"
    } else {
        "kybra_programs"
    };
    script::write_script_crate(&crate_dir, &cache, bin, &compiled).expect("crate written");
    let built = script::build_native(
        &crate_dir,
        &kybra_aot::build::canister_target_dir(&cache),
        false,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        built.warnings.is_empty(),
        "warnings on generated code:\n{}",
        built.warnings.join("\n\n")
    );

    let expected = expected.join().expect("python3 runs");
    let ok: std::collections::HashSet<&str> = compiled.iter().map(|(n, _)| n.as_str()).collect();
    for ((name, _), want) in selected.iter().zip(&expected) {
        if !ok.contains(name.as_str()) {
            continue;
        }
        let out = Command::new(&built.exe)
            .arg(name)
            .output()
            .expect("compiled program runs");
        let got = Run::of(out);
        if only.is_some() {
            println!(
                "--- python3 (status {:?}) ---\n{}{}\n--- compiled (status {:?}) ---\n{}{}",
                want.status, want.stdout, want.last_err, got.status, got.stdout, got.last_err
            );
        }
        if got == *want {
            continue;
        }
        let mut report = format!("{name}:\n");
        if got.stdout != want.stdout {
            report.push_str(&first_difference(&want.stdout, &got.stdout));
        }
        if got.status != want.status {
            report.push_str(&format!(
                "exit status: python3 {:?}, compiled {:?}\n",
                want.status, got.status
            ));
        }
        if got.last_err != want.last_err {
            report.push_str(&format!(
                "last stderr line:\n  python3:  {}\n  compiled: {}\n",
                want.last_err, got.last_err
            ));
        }
        report.push_str(&format!(
            "(rerun alone: KYBRA_AOT_PROGRAM={name} cargo test -p kybra-aot --test programs -- --nocapture)\n"
        ));
        failures.push(report);
    }
    assert!(
        failures.is_empty(),
        "{} of {} programs differ from CPython:\n\n{}",
        failures.len(),
        selected.len(),
        failures.join("\n")
    );
}

/// The diagnostic's first line is what the program's `# expect:` says.
#[test]
fn unsupported_programs_are_diagnosed() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/differential/unsupported");
    let mut failures = Vec::new();
    for (name, path) in python_files(&dir) {
        let source = std::fs::read_to_string(&path).expect("readable");
        let Some(expect) = source
            .lines()
            .next()
            .and_then(|l| l.strip_prefix("# expect: "))
        else {
            failures.push(format!("{name}: no `# expect: ...` first line"));
            continue;
        };
        match compile(&name, &path) {
            Ok(_) => failures.push(format!("{name}: compiles, but should be rejected")),
            Err(d) => {
                let first = d.lines().next().unwrap_or("");
                if first != expect {
                    failures.push(format!("{name}: expected `{expect}`, got `{first}`"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
