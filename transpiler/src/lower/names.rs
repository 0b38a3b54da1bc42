//! Python names -> Rust identifiers. Every identifier the generated code
//! declares comes from a [`Namer`], so user names, generated temporaries and
//! items can never capture one another: `__lhs` in Python and a temporary
//! for `and` get different Rust names.

use quote::format_ident;
use std::collections::HashSet;
use std::sync::Arc;

const RUST_KEYWORDS: &[&str] = &[
    "as", "async", "await", "box", "break", "const", "continue", "crate", "do", "dyn", "else",
    "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl", "in", "let", "loop",
    "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref", "return", "self",
    "Self", "static", "struct", "super", "trait", "true", "try", "type", "typeof", "unsafe",
    "unsized", "use", "virtual", "where", "while", "yield", "abstract", "become", "raw", "union",
    "safe",
];

/// `getMessage` -> `get_message`, `HTTPServer` -> `http_server`, `π` -> `π`.
pub(crate) fn snake_case(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::with_capacity(name.len() + 4);
    for (i, &c) in chars.iter().enumerate() {
        if c.is_uppercase() {
            let prev = i.checked_sub(1).map(|j| chars[j]);
            let next = chars.get(i + 1);
            let boundary = prev.is_some_and(|p| p.is_lowercase() || p.is_ascii_digit())
                || (prev.is_some_and(|p| p.is_uppercase())
                    && next.is_some_and(|n| n.is_lowercase()));
            if boundary && !out.ends_with('_') {
                out.push('_');
            }
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// A Rust type or enum variant name: `reaction_type` -> `ReactionType`.
pub(crate) fn camel_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut upper = true;
    for c in name.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// The `thread_local!` static for a global: `message` -> `MESSAGE`.
pub(crate) fn screaming_case(name: &str) -> String {
    snake_case(name).to_uppercase()
}

/// Whether `s` is spelled as Rust wants it in that position (no `_` runs
/// that rustc's case lints would flag, no leading digits).
fn tidy(s: String) -> String {
    // Hidden names the checker makes (` x0`) start with a space.
    let s = s.replace(' ', "_");
    let trimmed = s.trim_matches('_');
    let mut out = String::new();
    for part in trimmed.split('_').filter(|p| !p.is_empty()) {
        if !out.is_empty() {
            out.push('_');
        }
        out.push_str(part);
    }
    if out.is_empty() {
        out.push('v');
    }
    if out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert(0, 'v');
    }
    out
}

/// Hands out unique Rust identifiers within one scope.
#[derive(Debug, Default, Clone)]
pub(crate) struct Namer {
    taken: HashSet<String>,
    /// Names of the enclosing scope (module items), shared, never handed out.
    outer: Arc<HashSet<String>>,
    non_ascii: bool,
    /// Names in upper camel case (types): numbered `Name2`, since rustc's
    /// case lint rejects `Name_2`.
    camel: bool,
}

impl Namer {
    /// A scope inside one whose names are `outer`.
    pub fn inside(outer: Arc<HashSet<String>>) -> Self {
        Namer {
            outer,
            ..Namer::default()
        }
    }

    /// A scope of type names (upper camel case).
    pub fn camel() -> Self {
        Namer {
            camel: true,
            ..Namer::default()
        }
    }

    /// Every name handed out or reserved in this scope.
    pub fn names(&self) -> HashSet<String> {
        self.taken.clone()
    }

    /// Marks `name` as taken (a name the generated code imports, say).
    pub fn reserve(&mut self, name: &str) {
        self.taken.insert(name.to_string());
    }

    /// A fresh identifier based on `base` (already in the wanted case).
    pub fn fresh(&mut self, base: &str) -> syn::Ident {
        let mut base = tidy(base.to_string());
        // `type` -> `type_`: raw identifiers (`r#type`) read badly, and
        // ic-cdk's macros cannot name exports after them.
        if RUST_KEYWORDS.contains(&base.as_str()) {
            base.push('_');
        }
        let mut candidate = base.clone();
        let mut n = 1;
        while self.taken.contains(&candidate)
            || self.outer.contains(&candidate)
            || matches!(candidate.as_str(), "self" | "Self" | "crate" | "super")
        {
            n += 1;
            candidate = if base.ends_with('_') || self.camel {
                format!("{base}{n}")
            } else {
                format!("{base}_{n}")
            };
        }
        self.taken.insert(candidate.clone());
        if !candidate.is_ascii() {
            self.non_ascii = true;
        }
        ident(&candidate)
    }

    /// A fresh name for something never read: `_name`.
    pub fn fresh_unused(&mut self, base: &str) -> syn::Ident {
        let id = self.fresh(base);
        let s = id.to_string();
        let s = s.trim_start_matches("r#");
        let name = format!("_{s}");
        self.taken.insert(name.clone());
        format_ident!("{}", name)
    }

    /// Whether any identifier handed out is not ASCII.
    pub fn non_ascii(&self) -> bool {
        self.non_ascii
    }
}

/// A Rust identifier for a name (`type` -> `r#type`).
pub(crate) fn ident(name: &str) -> syn::Ident {
    if RUST_KEYWORDS.contains(&name) {
        format_ident!("r#{}", name)
    } else {
        format_ident!("{}", name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cases() {
        assert_eq!(snake_case("getMessage"), "get_message");
        assert_eq!(snake_case("HTTPServer"), "http_server");
        assert_eq!(snake_case("already_snake"), "already_snake");
        assert_eq!(snake_case("x2Y"), "x2_y");
        assert_eq!(screaming_case("lastCaller"), "LAST_CALLER");
        assert_eq!(snake_case("π"), "π");
    }

    #[test]
    fn fresh_names_never_collide() {
        let mut n = Namer::default();
        assert_eq!(n.fresh("lhs").to_string(), "lhs");
        assert_eq!(n.fresh("lhs").to_string(), "lhs_2");
        assert_eq!(n.fresh("__lhs").to_string(), "lhs_3");
        assert_eq!(n.fresh("type").to_string(), "type_");
        assert_eq!(n.fresh("type_").to_string(), "type_2");
        assert_eq!(n.fresh("self").to_string(), "self_");
        assert_eq!(n.fresh("_").to_string(), "v");
        assert_eq!(n.fresh_unused("x").to_string(), "_x");
        assert!(!n.non_ascii());
        n.fresh("π");
        assert!(n.non_ascii());
        let mut types = Namer::camel();
        types.reserve("Result");
        assert_eq!(types.fresh("Result").to_string(), "Result2");
        assert_eq!(types.fresh("ID").to_string(), "ID");
        assert_eq!(types.fresh("ID").to_string(), "ID2");
    }
}
