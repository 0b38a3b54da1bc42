//! kybra-aot: an ahead-of-time compiler from typed Kybra Python canisters to
//! Rust on ic-cdk. See ARCHITECTURE.md for the map.
//!
//! Data flows one way: [`load`] (parse) -> [`check`] (typed IR in
//! [`model::ir`]) -> [`lower`] (Rust source) and [`did`] (Candid) ->
//! [`build`] (cargo project, Wasm, metadata).

pub mod build;
pub mod check;
pub mod diagnostics;
pub mod did;
pub mod did_equiv;
pub mod load;
pub mod lower;
pub mod model;
pub mod passes;
pub mod scenario;
pub mod source;

use diagnostics::Diagnostics;
use source::SourceMap;

/// The compiler's output for one entry module.
#[derive(Debug, Clone)]
pub struct Compiled {
    /// Generated `lib.rs` of the canister crate.
    pub rust: String,
    /// The Candid service description.
    pub did: String,
}

/// Where a program's modules come from.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    /// Display path of the entry module (as the user gave it).
    pub path: &'a str,
    /// Its text.
    pub source: &'a str,
    /// The project directory imports are resolved against (with the entry's
    /// directory, as Kybra's Python path has them); `None` for a program of
    /// one module. Paths are relative to the current directory.
    pub root: Option<&'a std::path::Path>,
}

impl<'a> Input<'a> {
    /// A program of one module: project imports are missing modules.
    pub fn single(path: &'a str, source: &'a str) -> Self {
        Input {
            path,
            source,
            root: None,
        }
    }
}

/// Loads, checks and runs the IR passes: the program `lower` and `did`
/// consume, or the diagnostics.
pub fn check_program(
    input: Input<'_>,
    files: &dyn load::Files,
) -> Result<model::ir::Program, Diagnostics> {
    check_program_as(input, files, false)
}

/// [`check_program`] of a canister, or of a script (`script`: its top
/// level is the program; no exported methods needed).
pub fn check_program_as(
    input: Input<'_>,
    files: &dyn load::Files,
    script: bool,
) -> Result<model::ir::Program, Diagnostics> {
    let mut sources = SourceMap::default();
    let fail = |items, sources: &SourceMap| Diagnostics {
        items,
        sources: sources.clone(),
    };
    let project = load::load(&mut sources, files, input.path, input.source, input.root)
        .map_err(|d| fail(d, &sources))?;
    let mut program = check::check_as(&project, &sources, script).map_err(|d| fail(d, &sources))?;
    passes::run(&mut program).map_err(|d| fail(d, &sources))?;
    Ok(program)
}

/// Compiles a program to Rust and Candid.
pub fn compile_program(input: Input<'_>, files: &dyn load::Files) -> Result<Compiled, Diagnostics> {
    let program = check_program(input, files)?;
    Ok(Compiled {
        rust: lower::lower(&program),
        did: did::compile(&program),
    })
}

/// Compiles a script (what `kybra-aot run` runs) to the Rust of a module
/// whose `pub fn run()` runs its top level; see [`lower::lower`].
pub fn compile_script(input: Input<'_>, files: &dyn load::Files) -> Result<String, Diagnostics> {
    let program = check_program_as(input, files, true)?;
    Ok(lower::lower(&program))
}

/// Compiles the program whose entry module is `entry` on disk (read from
/// `base`, empty for the current directory) with the project directory
/// `root`: what `kybra-aot build` compiles.
pub fn compile_files(
    base: &std::path::Path,
    entry: &str,
    source: &str,
    root: &std::path::Path,
) -> Result<Compiled, Diagnostics> {
    let input = Input {
        path: entry,
        source,
        root: Some(root),
    };
    compile_program(
        input,
        &load::Disk {
            base: base.to_path_buf(),
        },
    )
}

/// Parses, checks and runs the IR passes on a program of one module.
pub fn check_source(path: &str, source: &str) -> Result<model::ir::Program, Diagnostics> {
    check_program(Input::single(path, source), &load::NoFiles)
}

/// Compiles Python source text (one module) to Rust and Candid.
pub fn compile(path: &str, source: &str) -> Result<Compiled, Diagnostics> {
    compile_program(Input::single(path, source), &load::NoFiles)
}

/// `kybra-aot check --explain-types`: the type of every binding (see
/// [`model::explain`]). A program without canister methods is checked as a
/// script.
pub fn explain_types(input: Input<'_>, files: &dyn load::Files) -> Result<String, Diagnostics> {
    let program = match check_program_as(input, files, false) {
        Ok(p) => p,
        Err(d) => match check_program_as(input, files, true) {
            Ok(p) if !p.exports.is_empty() || d.items.len() == 1 => p,
            _ => return Err(d),
        },
    };
    Ok(model::explain::types(&program))
}

/// The typed IR of a program after the passes, printed (what `kybra-aot ir`
/// shows and the snapshots keep next to the generated Rust).
pub fn print_ir(input: Input<'_>, files: &dyn load::Files) -> Result<String, Diagnostics> {
    Ok(model::print::program(&check_program(input, files)?))
}
