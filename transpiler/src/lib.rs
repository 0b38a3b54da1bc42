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

/// Parses, checks and runs the IR passes: the program `lower` and `did`
/// consume, or the diagnostics.
pub fn check_source(path: &str, source: &str) -> Result<model::ir::Program, Diagnostics> {
    let mut sources = SourceMap::default();
    let fail = |items, sources: &SourceMap| Diagnostics {
        items,
        sources: sources.clone(),
    };
    let module = load::parse(&mut sources, path, source).map_err(|d| fail(vec![d], &sources))?;
    let mut program = check::check(&module, &sources).map_err(|d| fail(d, &sources))?;
    passes::run(&mut program).map_err(|d| fail(d, &sources))?;
    Ok(program)
}

/// Compiles Python source text to Rust and Candid.
pub fn compile(path: &str, source: &str) -> Result<Compiled, Diagnostics> {
    let program = check_source(path, source)?;
    Ok(Compiled {
        rust: lower::lower(&program),
        did: did::compile(&program),
    })
}

/// The typed IR of a program after the passes, printed (what `kybra-aot ir`
/// shows and the snapshots keep next to the generated Rust).
pub fn print_ir(path: &str, source: &str) -> Result<String, Diagnostics> {
    Ok(model::print::program(&check_source(path, source)?))
}
