//! Python names -> Rust identifiers.

use quote::format_ident;
use std::collections::{HashMap, HashSet};

const RUST_KEYWORDS: &[&str] = &[
    "as", "async", "await", "box", "break", "const", "continue", "crate", "do", "dyn", "else",
    "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl", "in", "let", "loop",
    "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref", "return", "self",
    "Self", "static", "struct", "super", "trait", "true", "try", "type", "typeof", "unsafe",
    "unsized", "use", "virtual", "where", "while", "yield", "abstract", "become",
];

/// A Rust identifier for a Python name (`type` -> `r#type`, `self` -> `self_`).
pub(crate) fn ident(name: &str) -> syn::Ident {
    if matches!(name, "self" | "Self" | "crate" | "super" | "_") {
        format_ident!("{}_", name)
    } else if RUST_KEYWORDS.contains(&name) {
        format_ident!("r#{}", name)
    } else {
        format_ident!("{}", name)
    }
}

/// The `thread_local!` static holding a global: `message` -> `MESSAGE`.
pub(crate) fn global_ident(name: &str) -> syn::Ident {
    let upper = name.to_uppercase();
    if RUST_KEYWORDS.contains(&upper.as_str()) {
        format_ident!("{}_", upper)
    } else {
        format_ident!("{}", upper)
    }
}

/// Static names for all globals of a program: `MESSAGE`, and `TOTAL_2` when
/// two Python names (`total`, `TOTAL`) would otherwise share one static.
pub(crate) fn global_idents<'a>(
    names: impl Iterator<Item = &'a str>,
) -> HashMap<String, syn::Ident> {
    let mut taken = HashSet::new();
    let mut out = HashMap::new();
    for name in names {
        let base = global_ident(name).to_string();
        let mut candidate = base.clone();
        let mut n = 1;
        while !taken.insert(candidate.clone()) {
            n += 1;
            candidate = format!("{base}_{n}");
        }
        out.insert(name.to_string(), format_ident!("{}", candidate));
    }
    out
}
