//! The `kybra-aot` command line: argument parsing, progress and exit codes.

/// The compiler allocates and frees many small AST and IR nodes; mimalloc
/// does that markedly faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use clap::{Parser, Subcommand};
use kybra_aot::build::{self, BuildError, BuildOptions};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

#[derive(Parser)]
#[command(
    name = "kybra-aot",
    version,
    about = "Compile typed Kybra Python canisters to Wasm, ahead of time"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build a canister: NAME ENTRY.py OUT.did (Kybra's argument order).
    Build {
        /// Canister name; the Wasm is written to .kybra/NAME/NAME.wasm.
        name: String,
        /// The Python entry module, e.g. src/main.py.
        entry: PathBuf,
        /// Where to write the Candid interface, e.g. src/main.did.
        did: PathBuf,
        /// Output directory (default: .kybra/NAME).
        #[arg(long)]
        out_dir: Option<PathBuf>,
        /// Show cargo's output.
        #[arg(long, short)]
        verbose: bool,
    },
    /// Check a Python canister and report errors, without building.
    Check {
        entry: PathBuf,
        /// List every binding's type: annotated, inferred, or dynamic.
        #[arg(long, alias = "verbose")]
        explain_types: bool,
    },
    /// Print the Candid interface of a Python canister.
    Did { entry: PathBuf },
    /// Print the generated Rust of a Python canister.
    Rust { entry: PathBuf },
    /// Print the typed IR of a Python canister: the types, conversions and
    /// locals the checker decided.
    Ir { entry: PathBuf },
    /// Compile a Python script (its top level is the program) to a native
    /// program and run it, as `python3 FILE.py` would.
    Run {
        /// The script, e.g. hello.py.
        file: PathBuf,
        /// Arguments passed on to the program.
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
        /// Show cargo's output.
        #[arg(long, short)]
        verbose: bool,
    },
    /// Run scenario scripts (ic-repl style) against canisters in a local
    /// replica; `install("src/main.py")` builds Python canisters.
    Test {
        #[arg(required = true)]
        scripts: Vec<PathBuf>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli.command) {
        Ok(code) => code,
        Err(e) => {
            eprint!("{e}");
            if !e.to_string().ends_with('\n') {
                eprintln!();
            }
            ExitCode::FAILURE
        }
    }
}

#[cfg(feature = "replica")]
fn test(scripts: &[PathBuf]) -> ExitCode {
    let mut builder = kybra_aot::scenario::PythonBuilder::new(true);
    let mut out = std::io::stdout();
    match replica_lite::scenario::run_scripts(scripts, &mut builder, &mut out) {
        Ok(totals) if totals.success() => ExitCode::SUCCESS,
        Ok(_) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(not(feature = "replica"))]
fn test(_scripts: &[PathBuf]) -> ExitCode {
    eprintln!(
        "error: this kybra-aot was built without the replica (cargo feature `replica`), \
         so it cannot run scenario scripts\n\
         help: reinstall it with default features: cargo install --path transpiler"
    );
    ExitCode::FAILURE
}

/// Compiles the program of `entry`; imports are resolved against the
/// current directory (the project directory, as for Kybra under dfx) and
/// the entry's directory.
/// Modules read from the current directory.
fn disk() -> kybra_aot::load::Disk {
    kybra_aot::load::Disk {
        base: PathBuf::new(),
    }
}

/// The entry module `path` (its text `source`) of a project rooted in the
/// current directory.
fn disk_input<'a>(path: &'a str, source: &'a str) -> kybra_aot::Input<'a> {
    kybra_aot::Input {
        path,
        source,
        root: Some(Path::new("")),
    }
}

fn compile(entry: &Path) -> Result<kybra_aot::Compiled, BuildError> {
    let source = build::read_source(entry)?;
    kybra_aot::compile_files(
        Path::new(""),
        &entry.display().to_string(),
        &source,
        Path::new(""),
    )
    .map_err(BuildError::Diagnostics)
}

fn run(command: Command) -> Result<ExitCode, BuildError> {
    match command {
        Command::Build {
            name,
            entry,
            did,
            out_dir,
            verbose,
        } => {
            let out_dir = out_dir.unwrap_or_else(|| PathBuf::from(".kybra").join(&name));
            let opts = BuildOptions {
                name: name.clone(),
                entry: entry.clone(),
                root: PathBuf::new(),
                did_out: did,
                out_dir,
                cache_dir: build::cache_dir(),
                verbose,
            };
            eprintln!(
                "kybra-aot: building canister `{name}` from {}",
                entry.display()
            );
            let start = Instant::now();
            let out = build::build(&opts, &mut build::stderr_progress())?;
            for w in &out.warnings {
                eprintln!(
                    "{w}\nnote: a warning on generated code is a kybra-aot bug; please report it"
                );
            }
            eprintln!(
                "  done in {:.2?}: {} ({} KiB), {} ({} KiB), {}",
                start.elapsed(),
                out.wasm.display(),
                out.wasm_size / 1024,
                out.wasm_gz.display(),
                out.gz_size / 1024,
                out.did.display()
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Check {
            entry,
            explain_types: true,
        } => {
            let source = build::read_source(&entry)?;
            let path = entry.display().to_string();
            let report = kybra_aot::explain_types(disk_input(&path, &source), &disk())
                .map_err(BuildError::Diagnostics)?;
            print!("{report}");
            Ok(ExitCode::SUCCESS)
        }
        Command::Check { entry, .. } => {
            compile(&entry)?;
            eprintln!("{}: no errors", entry.display());
            Ok(ExitCode::SUCCESS)
        }
        Command::Did { entry } => {
            print!("{}", compile(&entry)?.did);
            Ok(ExitCode::SUCCESS)
        }
        Command::Test { scripts } => Ok(test(&scripts)),
        Command::Run {
            file,
            args,
            verbose,
        } => {
            let built = build::script::build_script(&file, &build::cache_dir(), verbose)?;
            for w in &built.warnings {
                eprintln!(
                    "{w}\nnote: a warning on generated code is a kybra-aot bug; please report it"
                );
            }
            let status = std::process::Command::new(&built.exe)
                .args(&args)
                .status()
                .map_err(|e| BuildError::Io(format!("cannot run {}: {e}", built.exe.display())))?;
            // The program's own exit status (1 after an uncaught exception).
            Ok(ExitCode::from(
                status.code().map_or(1, |c| u8::try_from(c).unwrap_or(1)),
            ))
        }
        Command::Rust { entry } => {
            print!("{}", compile(&entry)?.rust);
            Ok(ExitCode::SUCCESS)
        }
        Command::Ir { entry } => {
            let source = build::read_source(&entry)?;
            let path = entry.display().to_string();
            let ir = kybra_aot::print_ir(disk_input(&path, &source), &disk())
                .map_err(BuildError::Diagnostics)?;
            print!("{ir}");
            Ok(ExitCode::SUCCESS)
        }
    }
}
