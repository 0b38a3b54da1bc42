//! Where a raised exception goes, and `try` statements.
//!
//! Every operation that may raise returns `Result<_, Exception>`. What
//! happens to the error depends on where the code sits ([`Catch`]):
//! outside any `try` (and in functions no `try` reaches) it traps with
//! `.or_raise(at)`, paying nothing else; in a function a `try` reaches it
//! returns with `?`; inside a `try` body it breaks out of the body's
//! labeled block to the handlers.
//!
//! ```text
//! 'try_: {
//!     let error = 'body: {
//!         ..body: `match op { Ok(v) => v, Err(e) => break 'body e }`..
//!         ..else..
//!         break 'try_;
//!     };
//!     match error.kind {
//!         "ValueError" | "UnicodeError" => { let e = error; ..handler.. }
//!         _ => ..raise `error` further..,
//!     }
//! }
//! ```
//!
//! Only the normal path leaves `'try_` at its end, so rustc's
//! definite-assignment analysis sees what Python's control flow does.
//! `finally` is copied onto each way out: the normal path, the exception
//! path (which then raises again), and each `return`, `break` and
//! `continue` that leaves the `try`.

use super::expr::{Prec, R};
use super::Lower;
use crate::model::exceptions::{caught_names, ExcClass};
use crate::model::ir::{Expr, ExprKind, Handler, Stmt};
use crate::model::ty::TyKind;
use crate::model::DefId;
use proc_macro2::TokenStream;
use quote::quote;

/// Where an exception raised by the code being lowered goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Catch {
    /// Nothing catches it: the message traps.
    Trap,
    /// The function returns `Err` (it is reachable from a `try`).
    Return,
    /// To the handlers of a `try`: `break 'label error`.
    Label(String),
}

/// A `finally` body a `return`, `break` or `continue` must run on its way
/// out of the `try`.
#[derive(Clone)]
pub(crate) struct Finally {
    pub body: Vec<Stmt>,
    /// The number of loops enclosing the `try`.
    pub loops: usize,
    /// Where exceptions of the `finally` body go.
    pub catch: Catch,
}

impl Lower<'_> {
    /// `value` (a `Result<T, Exception>`) as a `T`, its error raised at
    /// `at` (unless it was raised elsewhere already).
    pub(crate) fn fallible(&mut self, value: TokenStream, at: &str) -> R {
        match self.catch.clone() {
            Catch::Trap => {
                self.uses.insert("OrRaise");
                R::atom(quote!(#value.or_raise(#at)))
            }
            Catch::Return => {
                self.uses.insert("OrRaise");
                R::atom(quote!(#value.at(#at)?))
            }
            Catch::Label(l) => {
                self.uses.insert("OrRaise");
                let l = self.use_label(&l);
                R::new(
                    quote!(match #value.at(#at) { Ok(v) => v, Err(e) => break #l e }),
                    Prec::Lowest,
                )
            }
        }
    }

    /// A call of a function that returns `Result` (its errors carry their
    /// location already).
    pub(crate) fn call_raising(&mut self, call: TokenStream, at: &str) -> R {
        match self.catch.clone() {
            Catch::Trap => {
                self.uses.insert("OrRaise");
                R::atom(quote!(#call.or_raise(#at)))
            }
            Catch::Return => R::atom(quote!(#call?)),
            Catch::Label(l) => {
                let l = self.use_label(&l);
                R::new(
                    quote!(match #call { Ok(v) => v, Err(e) => break #l e }),
                    Prec::Lowest,
                )
            }
        }
    }

    /// Raises the exception `exc` (an `Exception` value), a diverging
    /// expression.
    pub(crate) fn raise_value(&mut self, exc: TokenStream, at: &str) -> TokenStream {
        match self.catch.clone() {
            Catch::Trap => {
                self.uses.insert("raise");
                quote!(raise(#exc, #at))
            }
            Catch::Return => quote!(return Err(#exc)),
            Catch::Label(l) => {
                let l = self.use_label(&l);
                quote!(break #l #exc)
            }
        }
    }

    /// `raise Class(message)`: a new exception, located at `at`.
    pub(crate) fn raise_new(
        &mut self,
        class: ExcClass,
        message: TokenStream,
        at: &str,
    ) -> TokenStream {
        self.uses.insert("Exception");
        let kind = class.name(&self.program.defs).to_string();
        let exc = if self.catch == Catch::Trap {
            quote!(Exception::new(#kind, #message))
        } else {
            quote!(Exception::new(#kind, #message).at(#at))
        };
        self.raise_value(exc, at)
    }

    /// Raises the new exception `exc` (an `Exception` value), located at
    /// `at`.
    pub(crate) fn raise_built(&mut self, exc: TokenStream, at: &str) -> TokenStream {
        let exc = if self.catch == Catch::Trap {
            exc
        } else {
            quote!(#exc.at(#at))
        };
        self.raise_value(exc, at)
    }

    /// A `str` value; `repr(x)` (a one-field f-string) without `format!`.
    pub(crate) fn str_value(&mut self, e: &Expr) -> TokenStream {
        if let ExprKind::FString(parts) = &e.kind {
            if let [crate::model::ir::FPart::Value {
                expr,
                repr: true,
                spec: None,
            }] = parts.as_slice()
            {
                let r = self.receiver(expr);
                return self.repr_of(r, expr.ty);
            }
        }
        self.val(e).ts
    }

    /// A raising expression as a value: an atom where it traps.
    pub(crate) fn diverging(&self, ts: TokenStream) -> R {
        if self.catch == Catch::Trap {
            R::atom(ts)
        } else {
            R::new(ts, Prec::Lowest)
        }
    }

    /// The class name of the exception object `obj` (of a program's
    /// exception class): by its class when subclasses may be raised too.
    pub(crate) fn exception_kind(&mut self, obj: &Expr) -> TokenStream {
        let TyKind::Nominal(def) = self.program.types.kind(obj.ty).clone() else {
            return quote!("Exception");
        };
        let name = self.program.defs[def.0 as usize].name.clone();
        let subs: Vec<DefId> = crate::model::ir::class_subtree(&self.program.defs, def)
            .into_iter()
            .filter(|s| *s != def)
            .collect();
        let mut out = quote!(#name);
        for sub in subs.into_iter().rev() {
            let test = Expr::new(
                crate::model::Ty::BOOL,
                ExprKind::IsInstance(Box::new(obj.clone()), vec![sub]),
                obj.span,
            );
            let c = self.val(&test).ts;
            let n = self.program.defs[sub.0 as usize].name.clone();
            out = quote!(if #c { #n } else { #out });
        }
        out
    }

    /// `'outer:` before the innermost loop if a `break` or `continue`
    /// names it.
    pub(crate) fn loop_label(&self) -> TokenStream {
        match self.loop_labels.last() {
            Some((name, true)) => {
                let l = lifetime(name);
                quote!(#l:)
            }
            _ => TokenStream::new(),
        }
    }

    /// The label a `break` or `continue` of the innermost loop must name:
    /// one inside a labeled block (a `try`) does.
    pub(crate) fn jump_label(&mut self) -> TokenStream {
        if self.open_blocks == 0 {
            return TokenStream::new();
        }
        match self.loop_labels.last_mut() {
            Some((name, used)) => {
                *used = true;
                let l = lifetime(name);
                quote!(#l)
            }
            None => TokenStream::new(),
        }
    }

    /// A `break` to block `label` was emitted.
    fn use_label(&mut self, label: &str) -> syn::Lifetime {
        self.used_labels.insert(label.to_string());
        lifetime(label)
    }

    /// Lowers `stmts` with exceptions going to `catch`.
    fn block_catching(&mut self, stmts: &[Stmt], catch: Catch) -> TokenStream {
        let saved = std::mem::replace(&mut self.catch, catch);
        let ts = self.block_ts(stmts);
        self.catch = saved;
        ts
    }

    /// A fresh block label.
    pub(crate) fn label(&mut self, base: &str) -> String {
        let n = self.labels.entry(base.to_string()).or_insert(0);
        *n += 1;
        if *n == 1 {
            base.to_string()
        } else {
            format!("{base}{n}")
        }
    }

    /// `Ok(value)` for a function returning `Result`; `Ok(x?)` is `x`.
    pub(crate) fn ok(&self, value: TokenStream) -> TokenStream {
        use proc_macro2::TokenTree;
        let mut tokens: Vec<TokenTree> = value.clone().into_iter().collect();
        // Only a call or method chain (`a.b(c)?`), not `a? + b?`.
        let chain = tokens.iter().all(|t| match t {
            TokenTree::Punct(p) => matches!(p.as_char(), '.' | ':' | '?'),
            _ => true,
        });
        if let (true, Some(TokenTree::Punct(p))) = (chain, tokens.last()) {
            if p.as_char() == '?' {
                tokens.pop();
                return tokens.into_iter().collect();
            }
        }
        quote!(Ok(#value))
    }

    pub(crate) fn try_stmt(
        &mut self,
        body: &[Stmt],
        handlers: &[Handler],
        orelse: &[Stmt],
        finally: &[Stmt],
    ) -> TokenStream {
        // Everything below may sit inside a labeled block.
        self.open_blocks += 1;
        let ts = self.try_finally(body, handlers, orelse, finally);
        self.open_blocks -= 1;
        ts
    }

    fn try_finally(
        &mut self,
        body: &[Stmt],
        handlers: &[Handler],
        orelse: &[Stmt],
        finally: &[Stmt],
    ) -> TokenStream {
        if finally.is_empty() {
            return self.try_except(body, handlers, orelse);
        }
        let outer = self.catch.clone();
        let exc_label = self.label("exc");
        self.finallies.push(Finally {
            body: finally.to_vec(),
            loops: self.loops,
            catch: outer.clone(),
        });
        let saved = std::mem::replace(&mut self.catch, Catch::Label(exc_label.clone()));
        let protected = if handlers.is_empty() {
            let ts = self.block_ts(body);
            let ts2 = self.block_ts(orelse);
            quote!(#ts #ts2)
        } else {
            self.try_except(body, handlers, orelse)
        };
        self.catch = saved;
        self.finallies.pop();
        let raised = self.used_labels.contains(&exc_label);
        let normal = self.block_catching(finally, outer.clone());
        let falls = falls_through(body) && falls_through(orelse)
            || handlers.iter().any(|h| falls_through(&h.body));
        if !raised {
            // Without a way to fall through, `normal` would be dead code.
            let tail = if falls { normal } else { quote!() };
            return quote! { #protected #tail };
        }
        // A `finally` that returns (or raises) discards the exception.
        let fin_falls = falls_through(finally);
        let error = if fin_falls {
            self.namer.fresh("error")
        } else {
            self.namer.fresh_unused("error")
        };
        // The copy on the exception path stores values the raise then
        // never lets anyone read (rustc would warn about them).
        if stores_locals(finally) {
            self.finally_copies = true;
        }
        let on_error = self.block_catching(finally, outer);
        let again = if fin_falls {
            let raise = self.raise_value(quote!(#error), &self.at_fun());
            quote!(#raise;)
        } else {
            TokenStream::new()
        };
        let exc = lifetime(&exc_label);
        if falls && falls_through(finally) {
            let done = lifetime(&self.label("done"));
            quote! {
                #done: {
                    let #error = #exc: {
                        #protected
                        #normal
                        break #done;
                    };
                    #on_error
                    #again
                }
            }
        } else {
            let tail = if falls { normal } else { quote!() };
            quote! {
                let #error = #exc: {
                    #protected
                    #tail
                };
                #on_error
                #again
            }
        }
    }

    /// `try`/`except`/`else` without `finally`.
    fn try_except(&mut self, body: &[Stmt], handlers: &[Handler], orelse: &[Stmt]) -> TokenStream {
        let body_label = self.label("body");
        let body_ts = self.block_catching(body, Catch::Label(body_label.clone()));
        let else_ts = self.block_ts(orelse);
        if !self.used_labels.contains(&body_label) {
            // Nothing in the body can raise: the handlers are dead code.
            return quote! { #body_ts #else_ts };
        }
        let error = self.namer.fresh("error");
        let mut seen: Vec<String> = Vec::new();
        let mut arms = Vec::new();
        let mut catch_all = false;
        for h in handlers {
            let bind = h
                .bind
                .filter(|b| self.fun.is_some_and(|f| f.local(*b).used));
            let prologue = bind.map(|b| {
                let id = self.local(b);
                let m = self
                    .fun
                    .is_some_and(|f| f.local(b).mutable)
                    .then(|| quote!(mut));
                quote! { let #m #id = #error; }
            });
            let hbody = self.block_ts(&h.body);
            let arm_body = quote!({ #prologue #hbody });
            if h.classes.iter().any(|c| c.catches_all()) {
                arms.push(quote!(_ => #arm_body));
                catch_all = true;
                break;
            }
            let names: Vec<String> = caught_names(&self.program.defs, &h.classes)
                .into_iter()
                .filter(|n| !seen.contains(n))
                .collect();
            if names.is_empty() {
                continue; // an earlier handler catches all of these
            }
            seen.extend(names.iter().cloned());
            arms.push(quote!(#(#names)|* => #arm_body));
        }
        if !catch_all {
            let again = self.raise_value(quote!(#error), &self.at_fun());
            arms.push(quote!(_ => #again,));
        }
        let body_l = lifetime(&body_label);
        let falls = falls_through(body) && falls_through(orelse);
        if falls {
            let try_l = lifetime(&self.label("try_"));
            quote! {
                #try_l: {
                    let #error = #body_l: {
                        #body_ts
                        #else_ts
                        break #try_l;
                    };
                    match #error.kind {
                        #(#arms)*
                    }
                }
            }
        } else {
            quote! {
                let #error = #body_l: {
                    #body_ts
                    #else_ts
                };
                match #error.kind {
                    #(#arms)*
                }
            }
        }
    }

    /// The `finally` bodies a `return` (`loops` 0) or a `break`/`continue`
    /// of the innermost loop (`loops` = the current depth) leaves,
    /// innermost first, each lowered where its exceptions go.
    /// Also whether one of them never finishes (it returns, raises, breaks
    /// or continues itself), so the jump after them is never reached.
    pub(crate) fn leaving(&mut self, loops: usize) -> (TokenStream, bool) {
        let saved = self.finallies.clone();
        let mut out = TokenStream::new();
        let mut diverges = false;
        while let Some(f) = self.finallies.last().cloned() {
            if f.loops < loops {
                break;
            }
            // A `return` inside this `finally` leaves only the outer ones.
            self.finallies.pop();
            out.extend(self.block_catching(&f.body, f.catch.clone()));
            if !falls_through(&f.body) {
                diverges = true;
                break;
            }
        }
        self.finallies = saved;
        (out, diverges)
    }

    /// The current function's location (where a re-raise that already
    /// carries its own location would otherwise point).
    fn at_fun(&self) -> String {
        match self.fun {
            Some(f) => self.at(f.span),
            None => String::new(),
        }
    }
}

fn lifetime(name: &str) -> syn::Lifetime {
    syn::Lifetime::new(&format!("'{name}"), proc_macro2::Span::call_site())
}

/// Whether control can reach the end of `stmts` (the flow pass dropped
/// what follows a statement that never completes).
pub(crate) fn falls_through(stmts: &[Stmt]) -> bool {
    match stmts.last() {
        None => true,
        Some(s) => stmt_falls_through(s),
    }
}

fn stmt_falls_through(s: &Stmt) -> bool {
    match s {
        Stmt::Return(_) | Stmt::Break | Stmt::Continue => false,
        Stmt::Expr(e) => !e.diverges(),
        Stmt::If { then, orelse, .. } => falls_through(then) || falls_through(orelse),
        Stmt::While { cond, body } => {
            !matches!(cond.kind, ExprKind::Bool(true)) || breaks_out(body)
        }
        Stmt::Try {
            body,
            handlers,
            orelse,
            finally,
        } => {
            let normal = falls_through(body) && falls_through(orelse);
            (normal || handlers.iter().any(|h| falls_through(&h.body))) && falls_through(finally)
        }
        _ => true,
    }
}

/// Whether `stmts` store into a local variable anywhere.
fn stores_locals(stmts: &[Stmt]) -> bool {
    use crate::model::ir::Place;
    stmts.iter().any(|s| match s {
        Stmt::Assign { place, .. } | Stmt::AugAssign { place, .. } => {
            matches!(place, Place::Local(_))
        }
        Stmt::Let { .. } => true,
        _ => s.blocks().into_iter().any(stores_locals),
    })
}

/// Whether a loop body has a `break` of that loop.
fn breaks_out(body: &[Stmt]) -> bool {
    body.iter().any(|s| match s {
        Stmt::Break => true,
        // A nested loop's `break` is its own.
        Stmt::While { .. } | Stmt::For(_) | Stmt::ForEach(_) => false,
        _ => s.blocks().into_iter().any(breaks_out),
    })
}
