//! printf-style formatting, `"%s has %d items" % (name, n)`, with a
//! literal format string: checked here into an f-string (`ExprKind::FString`)
//! whose fields carry the equivalent `format()` specs, so lowering and the
//! runtime have nothing new to do.
//!
//! Python's conversions map onto format specs: `%5.2f` is `{x:5.2f}`, `%-6d`
//! `{x:<6d}`, `%05d` `{x:05d}`, `%+d` `{x:+d}`, `%#x` `{x:#x}`; `%s`/`%r`
//! format the `str()`/`repr()` text, right-aligned unless `-` is given (a
//! str's `format()` aligns left by default, `%` right).

use super::Checker;
use crate::diagnostics::Diagnostic;
use crate::model::ir::{Builtin, Expr, ExprKind, FPart, LibFn};
use crate::model::{Ty, TyKind};
use rustpython_parser::text_size::TextRange;

/// One `%` conversion of a format string.
struct Conversion {
    flags: String,
    width: String,
    precision: Option<String>,
    kind: char,
}

/// The literal text and conversions of a format string, in order (`None`
/// for a literal piece).
fn parse(fmt: &str) -> Result<Vec<Result<String, Conversion>>, String> {
    let mut out = Vec::new();
    let mut lit = String::new();
    let mut chars = fmt.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '%' {
            lit.push(c);
            continue;
        }
        if chars.peek() == Some(&'%') {
            chars.next();
            lit.push('%');
            continue;
        }
        if chars.peek() == Some(&'(') {
            return Err("`%(name)s` fields (a dict of values) are not supported yet".into());
        }
        let mut flags = String::new();
        while let Some(&f) = chars.peek() {
            if "#0- +".contains(f) {
                flags.push(f);
                chars.next();
            } else {
                break;
            }
        }
        let mut width = String::new();
        while let Some(&d) = chars.peek().filter(|d| d.is_ascii_digit()) {
            width.push(d);
            chars.next();
        }
        if chars.peek() == Some(&'*') {
            return Err("`*` widths are not supported yet".into());
        }
        let mut precision = None;
        if chars.peek() == Some(&'.') {
            chars.next();
            let mut p = String::new();
            while let Some(&d) = chars.peek().filter(|d| d.is_ascii_digit()) {
                p.push(d);
                chars.next();
            }
            precision = Some(if p.is_empty() { "0".to_string() } else { p });
        }
        // Length modifiers are accepted and ignored, as Python does.
        while matches!(chars.peek(), Some('h' | 'l' | 'L')) {
            chars.next();
        }
        let Some(kind) = chars.next() else {
            return Err("incomplete format".into());
        };
        if !"diouxXeEfFgGcrsa".contains(kind) {
            return Err(format!(
                "unsupported format character '{kind}' (0x{:x})",
                kind as u32
            ));
        }
        if !lit.is_empty() {
            out.push(Ok(std::mem::take(&mut lit)));
        }
        out.push(Err(Conversion {
            flags,
            width,
            precision,
            kind,
        }));
    }
    if !lit.is_empty() {
        out.push(Ok(lit));
    }
    Ok(out)
}

impl Checker<'_> {
    /// `fmt % args` for a literal `fmt`: the f-string it formats as.
    pub(crate) fn percent_format(
        &mut self,
        fmt: &str,
        args: Expr,
        range: TextRange,
    ) -> Result<Expr, Diagnostic> {
        let span = self.span(range);
        let pieces = parse(fmt).map_err(|m| {
            self.error(range, m)
                .with_help("Python raises ValueError for this format; or use an f-string")
        })?;
        let wanted = pieces.iter().filter(|p| p.is_err()).count();
        // The values: a tuple's items, or the one value.
        let values: Vec<Expr> = match (&args.kind, self.types.kind(args.ty).clone()) {
            (ExprKind::Tuple(items), _) => items.clone(),
            (_, TyKind::Tuple(items)) => {
                if crate::model::effects::has_effects(&args) && items.len() > 1 {
                    return Err(self
                        .error(range, "`%` of a computed tuple is not supported yet")
                        .with_help("assign the tuple to a variable first"));
                }
                (0..items.len())
                    .map(|i| Expr::new(items[i], ExprKind::Field(Box::new(args.clone()), i), span))
                    .collect()
            }
            _ => vec![args],
        };
        if values.len() != wanted {
            let msg = if values.len() < wanted {
                "not enough arguments for format string"
            } else {
                "not all arguments converted during string formatting"
            };
            return Err(self
                .error(range, msg)
                .with_help("Python raises TypeError here: pass one value per `%` field"));
        }
        let mut values = values.into_iter();
        let mut parts = Vec::new();
        for piece in pieces {
            let c = match piece {
                Ok(text) => {
                    parts.push(FPart::Lit(text));
                    continue;
                }
                Err(c) => c,
            };
            let v = values.next().expect("one value per conversion");
            parts.push(self.conversion(&c, v, range)?);
        }
        Ok(Expr::new(Ty::STR, ExprKind::FString(parts), span))
    }

    /// One field: the value converted as `%` does, with its format spec.
    fn conversion(
        &mut self,
        c: &Conversion,
        v: Expr,
        range: TextRange,
    ) -> Result<FPart, Diagnostic> {
        let span = v.span;
        let left = c.flags.contains('-');
        let number = |t: Ty| t.is_numeric() || t == Ty::BOOL || t == Ty::NUM;
        let type_error = |this: &Self, what: &str| {
            this.error(
                range,
                format!(
                    "%{} format: {what} is required, not {}",
                    c.kind,
                    this.types.display(v.ty)
                ),
            )
            .with_help("Python raises TypeError here")
        };
        match c.kind {
            's' | 'r' | 'a' => {
                self.printable(&v, range)?;
                let text = Expr::new(
                    Ty::STR,
                    ExprKind::FString(vec![FPart::Value {
                        expr: v,
                        repr: c.kind != 's',
                        spec: None,
                    }]),
                    span,
                );
                let mut spec = String::new();
                if !c.width.is_empty() {
                    spec.push(if left { '<' } else { '>' });
                    spec.push_str(&c.width);
                }
                if let Some(p) = &c.precision {
                    spec.push('.');
                    spec.push_str(p);
                }
                Ok(FPart::Value {
                    expr: text,
                    repr: false,
                    spec: (!spec.is_empty()).then_some(spec),
                })
            }
            'c' => {
                let ch = if v.ty == Ty::STR {
                    v
                } else if v.ty.is_integral() || v.ty == Ty::BOOL {
                    let i = self.coerce(v, Ty::INT, range)?;
                    Expr::new(
                        Ty::STR,
                        ExprKind::Builtin(Builtin::Lib(LibFn::Chr), vec![i]),
                        span,
                    )
                } else {
                    return Err(type_error(self, "an int or a unicode character"));
                };
                let spec = (!c.width.is_empty())
                    .then(|| format!("{}{}", if left { '<' } else { '>' }, c.width));
                Ok(FPart::Value {
                    expr: ch,
                    repr: false,
                    spec,
                })
            }
            kind => {
                if !number(v.ty) {
                    let what = if "diouxX".contains(kind) {
                        "a real number"
                    } else {
                        "must be real number,"
                    };
                    return Err(type_error(self, what));
                }
                let integer = "diouxX".contains(kind);
                if integer && c.precision.is_some() {
                    return Err(self
                        .error(
                            range,
                            format!("a precision with `%{kind}` is not supported yet"),
                        )
                        .with_help("pad with zeros instead: `%05d`"));
                }
                let v = if integer {
                    if v.ty.is_float() || v.ty == Ty::NUM {
                        if "oxX".contains(kind) {
                            return Err(type_error(self, "an integer"));
                        }
                        // `%d` of a float truncates, as `int()` does.
                        Expr::new(Ty::INT, ExprKind::Builtin(Builtin::Int, vec![v]), span)
                    } else {
                        self.coerce(v, Ty::INT, range)?
                    }
                } else {
                    self.coerce(v, Ty::FLOAT64, range)?
                };
                let mut spec = String::new();
                if left {
                    spec.push('<');
                }
                if c.flags.contains('+') {
                    spec.push('+');
                } else if c.flags.contains(' ') {
                    spec.push(' ');
                }
                if c.flags.contains('#') {
                    spec.push('#');
                }
                if c.flags.contains('0') && !left {
                    spec.push('0');
                }
                spec.push_str(&c.width);
                let precision = c.precision.clone().or_else(|| {
                    // `%e`/`%f`/`%g` default to 6 digits, as `format` does
                    // for `e`/`f`; `g` alone would print `repr`-style.
                    (!integer).then(|| "6".to_string())
                });
                if let (Some(p), false) = (&precision, integer) {
                    spec.push('.');
                    spec.push_str(p);
                }
                spec.push(match kind {
                    'i' | 'u' => 'd',
                    k => k,
                });
                Ok(FPart::Value {
                    expr: v,
                    repr: false,
                    spec: Some(spec),
                })
            }
        }
    }
}
