//! `replica-lite run SCRIPT...`: runs scenario scripts, each against a fresh
//! local replica, and exits with status 1 if any assertion or script failed.

use replica_lite::scenario::{run_scripts, NoPythonBuilder};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: replica-lite run SCRIPT...\n\n\
Runs each scenario script (see SCENARIOS.md) in a fresh local replica.\n\
Scripts can install .wasm and .wasm.gz modules; to install Python canisters\n\
use `kybra-aot test`.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.split_first() {
        Some((cmd, scripts)) if cmd == "run" && !scripts.is_empty() => {
            if let Some(flag) = scripts.iter().find(|s| s.starts_with('-')) {
                eprintln!("replica-lite: unknown option `{flag}`\n\n{USAGE}");
                return ExitCode::from(2);
            }
            let paths: Vec<PathBuf> = scripts.iter().map(PathBuf::from).collect();
            let stdout = std::io::stdout();
            let mut out = stdout.lock();
            match run_scripts(&paths, &mut NoPythonBuilder, &mut out) {
                Ok(totals) => {
                    let _ = out.flush();
                    if totals.success() {
                        ExitCode::SUCCESS
                    } else {
                        ExitCode::from(1)
                    }
                }
                Err(e) => {
                    let _ = out.flush();
                    eprintln!("replica-lite: {e:#}");
                    ExitCode::from(1)
                }
            }
        }
        Some((h, _)) if h == "-h" || h == "--help" || h == "help" => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}
