//! Recursive-descent parser for scenario scripts.

use super::ast::{type_names, BinOp, Command, CommandKind, Expr, Target, Transformer, TypeAnnot};
use super::lexer::{tokenize, Tok, Token};
use super::SyntaxError;
use candid::types::value::{IDLField, VariantValue};
use candid::types::Label;
use candid::{IDLValue, Principal};

/// Names callable as `name(args)`.
pub(crate) const BUILTINS: &[&str] = &[
    "install",
    "upgrade",
    "reinstall",
    "advance_time",
    "tick",
    "time",
    "file",
    "caller",
    "stringify",
    "concat",
    "add",
    "sub",
    "mul",
    "div",
];

/// How deeply expressions may nest (keeps the recursive parser, evaluator
/// and Candid encoder far from the end of the stack).
const MAX_DEPTH: usize = 100;

const UNSUPPORTED: &[&str] = &["load", "export", "config", "function"];

pub(crate) fn parse_script(src: &str) -> Result<Vec<Command>, SyntaxError> {
    let tokens = tokenize(src)?;
    let mut p = Parser {
        src,
        tokens,
        pos: 0,
        depth: 0,
    };
    let mut commands = Vec::new();
    loop {
        while p.peek() == &Tok::Semi {
            p.pos += 1;
        }
        if p.peek() == &Tok::Eof {
            break;
        }
        let command = p.command()?;
        commands.push(command);
        match p.peek() {
            Tok::Semi | Tok::Eof => {}
            _ if p.current().nl_before => {}
            other => {
                return Err(p.error_here(format!(
                    "expected `;` or a newline after the command, found {}",
                    other.describe()
                )))
            }
        }
    }
    Ok(commands)
}

/// Parses a single expression (used by tests and tools).
#[cfg(test)]
pub(crate) fn parse_expr(src: &str) -> Result<Expr, SyntaxError> {
    let tokens = tokenize(src)?;
    let mut p = Parser {
        src,
        tokens,
        pos: 0,
        depth: 0,
    };
    let e = p.expr()?;
    if p.peek() != &Tok::Eof {
        return Err(p.error_here(format!("unexpected {}", p.peek().describe())));
    }
    Ok(e)
}

struct Parser<'a> {
    src: &'a str,
    tokens: Vec<Token>,
    pos: usize,
    depth: usize,
}

impl Parser<'_> {
    fn current(&self) -> &Token {
        // The token list always ends with Eof and `pos` never passes it.
        &self.tokens[self.pos.min(self.tokens.len() - 1)]
    }

    fn peek(&self) -> &Tok {
        &self.current().tok
    }

    fn peek_at(&self, n: usize) -> &Tok {
        &self.tokens[(self.pos + n).min(self.tokens.len() - 1)].tok
    }

    fn bump(&mut self) -> Token {
        let t = self.current().clone();
        if t.tok != Tok::Eof {
            self.pos += 1;
        }
        t
    }

    fn error_here(&self, msg: impl Into<String>) -> SyntaxError {
        SyntaxError::new(self.current().start, msg)
    }

    fn expect(&mut self, tok: Tok, what: &str) -> Result<Token, SyntaxError> {
        if *self.peek() == tok {
            Ok(self.bump())
        } else {
            Err(self.error_here(format!("expected {what}, found {}", self.peek().describe())))
        }
    }

    fn ident(&mut self, what: &str) -> Result<String, SyntaxError> {
        match self.peek().clone() {
            Tok::Ident(name) => {
                self.bump();
                Ok(name)
            }
            other => Err(self.error_here(format!("expected {what}, found {}", other.describe()))),
        }
    }

    fn is_word(&self, word: &str) -> bool {
        matches!(self.peek(), Tok::Ident(w) if w == word)
    }

    fn command(&mut self) -> Result<Command, SyntaxError> {
        let start = self.current().start;
        let kind = match self.peek().clone() {
            Tok::Ident(w) if w == "let" => {
                self.bump();
                let name = self.ident("a variable name")?;
                if is_reserved(&name) {
                    return Err(SyntaxError::new(
                        self.tokens[self.pos - 1].start,
                        format!("`{name}` is a keyword and cannot be a variable name"),
                    ));
                }
                if self.peek() == &Tok::Colon {
                    // `let x : T = e` is `let x = (e : T)`.
                    let colon = self.bump();
                    let annot = self.type_until(colon.end, Tok::Assign)?;
                    self.expect(Tok::Assign, "`=`")?;
                    let value = self.expr()?;
                    CommandKind::Let(name, Expr::Annot(Box::new(value), Box::new(annot)))
                } else {
                    self.expect(Tok::Assign, "`=`")?;
                    CommandKind::Let(name, self.expr()?)
                }
            }
            Tok::Ident(w) if w == "import" => {
                self.bump();
                let name = self.ident("a variable name")?;
                if is_reserved(&name) {
                    return Err(SyntaxError::new(
                        self.tokens[self.pos - 1].start,
                        format!("`{name}` is a keyword and cannot be a variable name"),
                    ));
                }
                self.expect(Tok::Assign, "`=`")?;
                let target = self.target()?;
                let did = if self.is_word("as") && !self.current().nl_before {
                    self.bump();
                    Some(self.text("a .did file path in quotes")?)
                } else {
                    None
                };
                CommandKind::Import { name, target, did }
            }
            Tok::Ident(w) if w == "assert" => {
                self.bump();
                let left = self.expr()?;
                let op = match self.peek() {
                    Tok::EqEq => BinOp::Eq,
                    Tok::NotEq => BinOp::NotEq,
                    Tok::Tilde => BinOp::Match,
                    other => {
                        return Err(self.error_here(format!(
                            "expected `==`, `!=` or `~=`, found {}",
                            other.describe()
                        )))
                    }
                };
                self.bump();
                let right = self.expr()?;
                CommandKind::Assert(left, op, right)
            }
            Tok::Ident(w) if w == "identity" => {
                self.bump();
                let name = self.ident("an identity name")?;
                if matches!(self.peek(), Tok::Text(_) | Tok::Ident(_) | Tok::LBrace)
                    && !self.current().nl_before
                {
                    return Err(self.error_here(
                        "identities from key files or HSMs are not supported; use `identity NAME`",
                    ));
                }
                CommandKind::Identity(name)
            }
            Tok::Ident(w) if UNSUPPORTED.contains(&w.as_str()) => {
                return Err(self.error_here(format!("`{w}` is not supported by replica-lite")));
            }
            _ => CommandKind::Expr(self.expr()?),
        };
        let end = self.tokens[self.pos.saturating_sub(1)].end.max(start);
        Ok(Command { kind, start, end })
    }

    fn expr(&mut self) -> Result<Expr, SyntaxError> {
        if self.depth >= MAX_DEPTH {
            return Err(self.error_here(format!(
                "expression nested more than {MAX_DEPTH} levels deep"
            )));
        }
        self.depth += 1;
        let e = self.expr_inner();
        self.depth -= 1;
        e
    }

    fn expr_inner(&mut self) -> Result<Expr, SyntaxError> {
        match self.peek().clone() {
            Tok::Ident(w) if w == "fail" => {
                self.bump();
                Ok(Expr::Fail(Box::new(self.expr()?)))
            }
            Tok::Ident(w) if w == "call" => {
                self.bump();
                if self.is_word("as") {
                    return Err(self.error_here("`call as` (proxy calls) is not supported"));
                }
                let (target, method) = self.method_ref()?;
                let args = self.args()?;
                let call = Expr::Call {
                    target,
                    method,
                    args,
                };
                self.postfix(call)
            }
            Tok::Ident(w) if w == "encode" => {
                self.bump();
                let method = if self.peek() == &Tok::LParen {
                    None
                } else {
                    Some(self.method_ref()?)
                };
                let args = self.args()?;
                Ok(Expr::Encode { method, args })
            }
            Tok::Ident(w) if w == "decode" => {
                self.bump();
                let method = if self.is_word("as") {
                    self.bump();
                    Some(self.method_ref()?)
                } else {
                    None
                };
                let blob = self.expr()?;
                Ok(Expr::Decode {
                    method,
                    blob: Box::new(blob),
                })
            }
            _ => {
                let e = self.primary()?;
                self.postfix(e)
            }
        }
    }

    /// `CANISTER . METHOD`
    fn method_ref(&mut self) -> Result<(Target, String), SyntaxError> {
        let target = self.target()?;
        self.expect(Tok::Dot, "`.` and a method name")?;
        let method = match self.peek().clone() {
            Tok::Ident(m) => m,
            Tok::Text(bytes) => String::from_utf8(bytes)
                .map_err(|_| self.error_here("method name is not valid UTF-8"))?,
            other => {
                return Err(self.error_here(format!(
                    "expected a method name, found {}",
                    other.describe()
                )))
            }
        };
        self.bump();
        Ok((target, method))
    }

    /// A canister: `ic`, a variable, or a principal (`"..."`,
    /// `principal "..."`).
    fn target(&mut self) -> Result<Target, SyntaxError> {
        Ok(match self.peek().clone() {
            Tok::Ident(w) if w == "ic" => {
                self.bump();
                Target::Ic
            }
            Tok::Ident(w) if w == "principal" => {
                self.bump();
                Target::Principal(self.principal_text()?)
            }
            Tok::Ident(w) if !is_reserved(&w) => {
                self.bump();
                Target::Var(w)
            }
            Tok::Text(_) => Target::Principal(self.principal_text()?),
            other => {
                return Err(self.error_here(format!(
                    "expected a canister (variable, principal or `ic`), found {}",
                    other.describe()
                )))
            }
        })
    }

    fn principal_text(&mut self) -> Result<Principal, SyntaxError> {
        let at = self.current().start;
        let text = self.text("a principal in quotes")?;
        Principal::from_text(&text)
            .map_err(|e| SyntaxError::new(at, format!("invalid principal `{text}`: {e}")))
    }

    fn text(&mut self, what: &str) -> Result<String, SyntaxError> {
        match self.peek().clone() {
            Tok::Text(bytes) => {
                let at = self.current().start;
                self.bump();
                String::from_utf8(bytes)
                    .map_err(|_| SyntaxError::new(at, "text literal is not valid UTF-8"))
            }
            other => Err(self.error_here(format!("expected {what}, found {}", other.describe()))),
        }
    }

    /// `( e, e, ... )`
    fn args(&mut self) -> Result<Vec<Expr>, SyntaxError> {
        self.expect(Tok::LParen, "`(`")?;
        let mut args = Vec::new();
        if self.peek() == &Tok::RParen {
            self.bump();
            return Ok(args);
        }
        loop {
            args.push(self.expr()?);
            match self.peek() {
                Tok::Comma => {
                    self.bump();
                    if self.peek() == &Tok::RParen {
                        self.bump();
                        return Ok(args);
                    }
                }
                Tok::RParen => {
                    self.bump();
                    return Ok(args);
                }
                other => {
                    return Err(
                        self.error_here(format!("expected `,` or `)`, found {}", other.describe()))
                    )
                }
            }
        }
    }

    fn postfix(&mut self, mut e: Expr) -> Result<Expr, SyntaxError> {
        let mut transformers = Vec::new();
        loop {
            match self.peek() {
                Tok::Question if !self.current().nl_before => {
                    self.bump();
                    transformers.push(Transformer::Opt);
                }
                Tok::LBracket if !self.current().nl_before => {
                    self.bump();
                    let at = self.current().start;
                    let index = match self.peek().clone() {
                        Tok::Int(n) => {
                            self.bump();
                            n.parse::<u64>()
                                .map_err(|_| SyntaxError::new(at, "index out of range"))?
                        }
                        other => {
                            return Err(self.error_here(format!(
                                "expected an index, found {}",
                                other.describe()
                            )))
                        }
                    };
                    self.expect(Tok::RBracket, "`]`")?;
                    transformers.push(Transformer::Index(index));
                }
                Tok::Dot => {
                    self.bump();
                    let name = match self.peek().clone() {
                        Tok::Ident(n) | Tok::Int(n) => n,
                        Tok::Text(bytes) => String::from_utf8(bytes)
                            .map_err(|_| self.error_here("field name is not valid UTF-8"))?,
                        other => {
                            return Err(self.error_here(format!(
                                "expected a field name after `.`, found {}",
                                other.describe()
                            )))
                        }
                    };
                    self.bump();
                    if self.peek() == &Tok::LParen && !self.current().nl_before {
                        let args = self.args()?;
                        transformers.push(Transformer::Method(name, args));
                    } else {
                        transformers.push(Transformer::Field(name));
                    }
                }
                _ => break,
            }
        }
        if !transformers.is_empty() {
            e = Expr::Path(Box::new(e), transformers);
        }
        Ok(e)
    }

    fn primary(&mut self) -> Result<Expr, SyntaxError> {
        let tok = self.current().clone();
        match tok.tok {
            Tok::Int(n) => {
                self.bump();
                Ok(Expr::Value(IDLValue::Number(n)))
            }
            Tok::Float(f) => {
                self.bump();
                Ok(Expr::Value(IDLValue::Float64(parse_float(&f, tok.start)?)))
            }
            Tok::Minus | Tok::Plus => {
                self.bump();
                let negative = tok.tok == Tok::Minus;
                match self.peek().clone() {
                    Tok::Int(n) => {
                        self.bump();
                        let n = if negative && !n.trim_start_matches('0').is_empty() {
                            format!("-{n}")
                        } else {
                            n
                        };
                        Ok(Expr::Value(IDLValue::Number(n)))
                    }
                    Tok::Float(f) => {
                        let at = self.current().start;
                        self.bump();
                        let v = parse_float(&f, at)?;
                        Ok(Expr::Value(IDLValue::Float64(if negative {
                            -v
                        } else {
                            v
                        })))
                    }
                    other => Err(self.error_here(format!(
                        "expected a number after the sign, found {}",
                        other.describe()
                    ))),
                }
            }
            Tok::Text(bytes) => {
                self.bump();
                let s = String::from_utf8(bytes).map_err(|_| {
                    SyntaxError::new(
                        tok.start,
                        "text literal is not valid UTF-8 (use `blob \"...\"` for bytes)",
                    )
                })?;
                Ok(Expr::Value(IDLValue::Text(s)))
            }
            Tok::LParen => self.paren(),
            Tok::Ident(ref word) => self.word(word.clone(), &tok),
            other => Err(self.error_here(format!(
                "expected an expression, found {}",
                other.describe()
            ))),
        }
    }

    fn paren(&mut self) -> Result<Expr, SyntaxError> {
        self.expect(Tok::LParen, "`(`")?;
        if self.peek() == &Tok::RParen {
            self.bump();
            return Ok(Expr::Tuple(Vec::new()));
        }
        let first = self.expr()?;
        match self.peek() {
            Tok::RParen => {
                self.bump();
                Ok(first)
            }
            Tok::Colon => {
                let colon = self.bump();
                let annot = self.type_until(colon.end, Tok::RParen)?;
                self.expect(Tok::RParen, "`)`")?;
                Ok(Expr::Annot(Box::new(first), Box::new(annot)))
            }
            Tok::Comma => {
                let mut items = vec![first];
                while self.peek() == &Tok::Comma {
                    self.bump();
                    if self.peek() == &Tok::RParen {
                        break;
                    }
                    items.push(self.expr()?);
                }
                self.expect(Tok::RParen, "`)`")?;
                Ok(Expr::Tuple(items))
            }
            other => Err(self.error_here(format!(
                "expected `)`, `,` or `:`, found {}",
                other.describe()
            ))),
        }
    }

    /// Reads a Candid type up to `stop` (the `)` closing an annotation, or
    /// the `=` of `let x : T = e`), which is left for the caller.
    fn type_until(&mut self, type_start: usize, stop: Tok) -> Result<TypeAnnot, SyntaxError> {
        let mut depth = 0usize;
        let first = self.current().start;
        let mut end = type_start;
        loop {
            match self.peek() {
                Tok::Eof => return Err(self.error_here("unterminated type annotation")),
                t if *t == stop && depth == 0 => break,
                // `let x : T = e` keeps its type on one line (outside brackets).
                _ if depth == 0
                    && stop == Tok::Assign
                    && self.current().nl_before
                    && end > type_start =>
                {
                    return Err(
                        self.error_here(format!("expected {} after the type", stop.describe()))
                    )
                }
                Tok::Semi if depth == 0 => {
                    return Err(
                        self.error_here(format!("expected {} after the type", stop.describe()))
                    )
                }
                Tok::LParen | Tok::LBrace => depth += 1,
                Tok::RBrace | Tok::RParen => depth = depth.saturating_sub(1),
                _ => {}
            }
            end = self.bump().end;
        }
        let text = self.src[type_start..end].trim().to_string();
        if text.is_empty() {
            return Err(SyntaxError::new(first, "expected a type after `:`"));
        }
        let ast: candid_parser::syntax::IDLType = text
            .parse()
            .map_err(|e| SyntaxError::new(first, format!("invalid type `{text}`: {e}")))?;
        let names = type_names(&ast);
        let closed = if names.is_empty() {
            let ty = candid_parser::typing::ast_to_type(&candid::TypeEnv::new(), &ast)
                .map_err(|e| SyntaxError::new(first, format!("invalid type `{text}`: {e}")))?;
            Some(ty)
        } else {
            None
        };
        Ok(TypeAnnot {
            ast,
            names,
            closed,
            text,
        })
    }

    fn word(&mut self, word: String, tok: &Token) -> Result<Expr, SyntaxError> {
        match word.as_str() {
            "true" | "false" => {
                self.bump();
                Ok(Expr::Value(IDLValue::Bool(word == "true")))
            }
            "null" => {
                self.bump();
                Ok(Expr::Value(IDLValue::Null))
            }
            "opt" => {
                self.bump();
                Ok(Expr::Opt(Box::new(self.expr()?)))
            }
            "blob" => {
                self.bump();
                match self.peek().clone() {
                    Tok::Text(bytes) => {
                        self.bump();
                        Ok(Expr::Value(IDLValue::Blob(bytes)))
                    }
                    other => Err(self.error_here(format!(
                        "expected a text literal after `blob`, found {}",
                        other.describe()
                    ))),
                }
            }
            "principal" | "service" => {
                self.bump();
                let p = self.principal_text()?;
                Ok(Expr::Value(if word == "principal" {
                    IDLValue::Principal(p)
                } else {
                    IDLValue::Service(p)
                }))
            }
            "func" => {
                self.bump();
                let p = self.principal_text()?;
                self.expect(Tok::Dot, "`.` and a method name")?;
                let m = match self.peek().clone() {
                    Tok::Ident(m) => {
                        self.bump();
                        m
                    }
                    _ => self.text("a method name")?,
                };
                Ok(Expr::Value(IDLValue::Func(p, m)))
            }
            "vec" => {
                self.bump();
                self.expect(Tok::LBrace, "`{` after `vec`")?;
                let mut items = Vec::new();
                while self.peek() != &Tok::RBrace {
                    items.push(self.expr()?);
                    match self.peek() {
                        Tok::Semi | Tok::Comma => {
                            self.bump();
                        }
                        Tok::RBrace => {}
                        other => {
                            return Err(self.error_here(format!(
                                "expected `;` or `}}`, found {}",
                                other.describe()
                            )))
                        }
                    }
                }
                self.bump();
                Ok(Expr::Vec(items))
            }
            "record" => {
                self.bump();
                self.expect(Tok::LBrace, "`{` after `record`")?;
                let mut fields: Vec<(Label, Expr)> = Vec::new();
                let mut position = 0u32;
                while self.peek() != &Tok::RBrace {
                    let at = self.current().start;
                    let label = if self.peek_at(1) == &Tok::Assign {
                        let label = self.label()?;
                        self.expect(Tok::Assign, "`=`")?;
                        label
                    } else {
                        let label = Label::Unnamed(position);
                        position += 1;
                        label
                    };
                    if fields.iter().any(|(l, _)| l.get_id() == label.get_id()) {
                        return Err(SyntaxError::new(
                            at,
                            format!("duplicate record field `{label}`"),
                        ));
                    }
                    let value = self.expr()?;
                    fields.push((label, value));
                    match self.peek() {
                        Tok::Semi => {
                            self.bump();
                        }
                        Tok::RBrace => {}
                        other => {
                            return Err(self.error_here(format!(
                                "expected `;` or `}}`, found {}",
                                other.describe()
                            )))
                        }
                    }
                }
                self.bump();
                Ok(Expr::Record(fields))
            }
            "variant" => {
                self.bump();
                self.expect(Tok::LBrace, "`{` after `variant`")?;
                let label = self.label()?;
                let value = if self.peek() == &Tok::Assign {
                    self.bump();
                    self.expr()?
                } else {
                    Expr::Value(IDLValue::Null)
                };
                if self.peek() == &Tok::Semi {
                    self.bump();
                }
                self.expect(Tok::RBrace, "`}` (a variant has exactly one field)")?;
                Ok(Expr::Variant(label, Box::new(value)))
            }
            _ if BUILTINS.contains(&word.as_str())
                && self.peek_at(1) == &Tok::LParen
                && !self.tokens[self.pos + 1].nl_before =>
            {
                self.bump();
                let args = self.args()?;
                Ok(Expr::App(word, args))
            }
            _ if self.peek_at(1) == &Tok::LParen && !self.tokens[self.pos + 1].nl_before => Err(
                SyntaxError::new(tok.start, format!("unknown function `{word}`")),
            ),
            _ if is_reserved(&word) => Err(SyntaxError::new(
                tok.start,
                format!("unexpected keyword `{word}`"),
            )),
            _ => {
                self.bump();
                Ok(Expr::Var(word))
            }
        }
    }

    fn label(&mut self) -> Result<Label, SyntaxError> {
        let at = self.current().start;
        match self.peek().clone() {
            Tok::Ident(name) => {
                self.bump();
                Ok(Label::Named(name))
            }
            Tok::Text(bytes) => {
                self.bump();
                let name = String::from_utf8(bytes)
                    .map_err(|_| SyntaxError::new(at, "field name is not valid UTF-8"))?;
                Ok(Label::Named(name))
            }
            Tok::Int(n) => {
                self.bump();
                let id = n
                    .parse::<u32>()
                    .map_err(|_| SyntaxError::new(at, "field id out of range"))?;
                Ok(Label::Id(id))
            }
            other => {
                Err(self.error_here(format!("expected a field name, found {}", other.describe())))
            }
        }
    }
}

fn parse_float(text: &str, at: usize) -> Result<f64, SyntaxError> {
    text.parse::<f64>()
        .map_err(|_| SyntaxError::new(at, format!("invalid float `{text}`")))
}

fn is_reserved(word: &str) -> bool {
    matches!(
        word,
        "let"
            | "assert"
            | "identity"
            | "call"
            | "fail"
            | "encode"
            | "decode"
            | "true"
            | "false"
            | "null"
            | "opt"
            | "vec"
            | "record"
            | "variant"
            | "blob"
            | "principal"
            | "service"
            | "func"
            | "import"
    ) || UNSUPPORTED.contains(&word)
}

/// Builds an `IDLField` list sorted by field id, as Candid expects.
pub(crate) fn record_value(mut fields: Vec<IDLField>) -> IDLValue {
    fields.sort_by_key(|f| f.id.get_id());
    IDLValue::Record(fields)
}

pub(crate) fn variant_value(id: Label, val: IDLValue) -> IDLValue {
    IDLValue::Variant(VariantValue(Box::new(IDLField { id, val }), 0))
}
