//! `kybra-aot check --explain-types`: the type the compiler settled on for
//! every name the program binds (globals, parameters, locals), whether it
//! was annotated or inferred, and which bindings hold the dynamic value.

use super::ir::Program;
use super::TyKind;
use crate::source::Span;

/// One binding of a Python name.
struct Row {
    span: Span,
    text: String,
}

/// The report, one line per binding in source order, then a summary.
pub fn types(p: &Program) -> String {
    let mut rows = Vec::new();
    let mut returns = Vec::new();
    let (mut ret_annotated, mut ret_inferred) = (0, 0);
    let (mut annotated, mut inferred, mut dynamic) = (0, 0, 0);
    let mut add = |span: Span, name: &str, place: String, ty: super::Ty| {
        let file = p.sources.file(span.file);
        let at = file.text.get(span.start as usize..).unwrap_or("");
        // Only names the source spells at the binding (not the hidden
        // locals the compiler adds).
        let Some(rest) = at.strip_prefix(name) else {
            return;
        };
        if rest.starts_with(|c: char| c.is_alphanumeric() || c == '_') {
            return;
        }
        let rest = rest.trim_start();
        let how = if matches!(p.types.kind(ty), TyKind::Dynamic) {
            dynamic += 1;
            "dynamic: no static type found"
        } else if rest.starts_with(':') && !rest.starts_with(":=") {
            annotated += 1;
            "annotated"
        } else {
            inferred += 1;
            "inferred"
        };
        let (line, col) = file.line_col(span.start as usize);
        rows.push(Row {
            span,
            text: format!(
                "{}:{line}:{col}: {name}{place}: {} ({how})",
                file.path,
                p.types.display(ty)
            ),
        });
    };
    for g in &p.globals {
        add(g.span, &g.name, " (global)".to_string(), g.ty);
    }
    for f in &p.functions {
        let place = if f.name.ends_with("_module") {
            " (module level)".to_string()
        } else {
            format!(" in {}", f.name)
        };
        if let Some((span, annotated)) = return_span(p, f.span) {
            let file = p.sources.file(span.file);
            let (line, col) = file.line_col(span.start as usize);
            let how = if annotated {
                ret_annotated += 1;
                "annotated"
            } else {
                ret_inferred += 1;
                "inferred"
            };
            returns.push(Row {
                span,
                text: format!(
                    "{}:{line}:{col}: {} returns {} ({how})",
                    file.path,
                    f.name,
                    p.types.display(f.ret)
                ),
            });
        }
        let mut seen = std::collections::HashSet::new();
        for l in &f.locals {
            // A parameter's span is its function's: find its name in the
            // parameter list.
            let span = if l.param {
                match param_span(p, l.span, &l.name) {
                    Some(s) => s,
                    None => continue,
                }
            } else {
                l.span
            };
            if seen.insert((span.start, l.ty)) {
                add(span, &l.name, place.clone(), l.ty);
            }
        }
    }
    rows.extend(returns);
    let (annotated, inferred) = (annotated + ret_annotated, inferred + ret_inferred);
    rows.sort_by_key(|r| (r.span.file.0, r.span.start));
    let mut out: String = rows.into_iter().map(|r| r.text + "\n").collect();
    out.push_str(&format!(
        "{} bindings: {annotated} annotated, {inferred} inferred, {dynamic} dynamic\n",
        annotated + inferred + dynamic
    ));
    if dynamic == 0 {
        out.push_str(
            "no binding falls back to the dynamic value (a name whose type cannot be inferred is a build error naming it)\n",
        );
    }
    out
}

/// Where `name` is spelled in the parameter list of the `def` at `def`.
fn param_span(p: &Program, def: Span, name: &str) -> Option<Span> {
    let text = &p.sources.file(def.file).text;
    let header = text.get(def.start as usize..def.end as usize)?;
    let open = header.find('(')?;
    let mut at = open + 1;
    while let Some(i) = header[at..].find(name) {
        let start = at + i;
        let end = start + name.len();
        let word = |c: char| c.is_alphanumeric() || c == '_';
        let before = header[..start].chars().next_back().is_some_and(word);
        let after = header[end..].chars().next().is_some_and(word);
        if !before && !after {
            let start = def.start + start as u32;
            return Some(Span {
                file: def.file,
                start,
                end: start + name.len() as u32,
            });
        }
        at = end;
    }
    None
}

/// Where a `def` spells its name, and whether it annotates its result.
fn return_span(p: &Program, def: Span) -> Option<(Span, bool)> {
    let text = &p.sources.file(def.file).text;
    let header = text.get(def.start as usize..def.end as usize)?;
    let at = header.find("def ")? + 4;
    let name_len = header[at..].find('(')?;
    // The parameter list ends at its matching `)`; the result annotation
    // (if any) sits between it and the header's `:`.
    let mut depth = 0;
    let mut close = None;
    for (i, c) in header[at + name_len..].char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => {
                depth -= 1;
                if depth == 0 {
                    close = Some(at + name_len + i + 1);
                    break;
                }
            }
            _ => {}
        }
    }
    let rest = &header[close?..];
    let annotated = rest.split(':').next().is_some_and(|s| s.contains("->"));
    let start = def.start + at as u32;
    Some((
        Span {
            file: def.file,
            start,
            end: start + name_len as u32,
        },
        annotated,
    ))
}
