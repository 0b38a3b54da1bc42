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
pub mod load;
pub mod lower;
pub mod model;
pub mod scenario;

use diagnostics::Diagnostics;

/// The compiler's output for one entry module.
#[derive(Debug, Clone)]
pub struct Compiled {
    /// Generated `lib.rs` of the canister crate.
    pub rust: String,
    /// The Candid service description.
    pub did: String,
}

/// Parses and checks a module: diagnostics only.
pub fn check_source(path: &str, source: &str) -> Result<model::ir::Program, Diagnostics> {
    let module = load::parse(path, source).map_err(|d| Diagnostics {
        items: vec![d],
        source: source.to_string(),
    })?;
    check::check(&module)
}

/// Compiles Python source text to Rust and Candid.
pub fn compile(path: &str, source: &str) -> Result<Compiled, Diagnostics> {
    let program = check_source(path, source)?;
    Ok(Compiled {
        rust: lower::lower(&program),
        did: did::compile(&program),
    })
}
