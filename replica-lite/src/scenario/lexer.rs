//! Tokenizer for scenario scripts.
//!
//! Tokens carry byte offsets into the source and whether a newline separates
//! them from the previous token (newlines end commands at the top level).

use super::SyntaxError;

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Tok {
    Ident(String),
    /// A quoted string literal, as raw bytes (Candid escapes allow any byte).
    Text(Vec<u8>),
    /// An integer literal in decimal, underscores removed.
    Int(String),
    /// A floating point literal, underscores removed.
    Float(String),
    LParen,
    RParen,
    LBrace,
    RBrace,
    LBracket,
    RBracket,
    Semi,
    Comma,
    Dot,
    Colon,
    Assign,
    EqEq,
    NotEq,
    Tilde,
    Question,
    Minus,
    Plus,
    Arrow,
    Eof,
}

impl Tok {
    pub(crate) fn describe(&self) -> String {
        match self {
            Tok::Ident(s) => format!("`{s}`"),
            Tok::Text(_) => "a text literal".to_string(),
            Tok::Int(s) | Tok::Float(s) => format!("number `{s}`"),
            Tok::Eof => "end of file".to_string(),
            other => format!("`{}`", other.symbol()),
        }
    }

    fn symbol(&self) -> &'static str {
        match self {
            Tok::LParen => "(",
            Tok::RParen => ")",
            Tok::LBrace => "{",
            Tok::RBrace => "}",
            Tok::LBracket => "[",
            Tok::RBracket => "]",
            Tok::Semi => ";",
            Tok::Comma => ",",
            Tok::Dot => ".",
            Tok::Colon => ":",
            Tok::Assign => "=",
            Tok::EqEq => "==",
            Tok::NotEq => "!=",
            Tok::Tilde => "~=",
            Tok::Question => "?",
            Tok::Minus => "-",
            Tok::Plus => "+",
            Tok::Arrow => "->",
            _ => "",
        }
    }
}

#[derive(Debug, Clone)]
pub(crate) struct Token {
    pub tok: Tok,
    pub start: usize,
    pub end: usize,
    /// A newline occurs between the previous token and this one.
    pub nl_before: bool,
}

pub(crate) fn tokenize(src: &str) -> Result<Vec<Token>, SyntaxError> {
    let bytes = src.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let mut nl = true;
    while i < bytes.len() {
        let c = bytes[i];
        if c == b'\n' {
            nl = true;
            i += 1;
            continue;
        }
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        if c == b'/' && bytes.get(i + 1) == Some(&b'/') {
            while i < bytes.len() && bytes[i] != b'\n' {
                i += 1;
            }
            continue;
        }
        if c == b'/' && bytes.get(i + 1) == Some(&b'*') {
            let start = i;
            i += 2;
            loop {
                if i + 1 >= bytes.len() {
                    return Err(SyntaxError::new(start, "unterminated block comment"));
                }
                if bytes[i] == b'*' && bytes[i + 1] == b'/' {
                    i += 2;
                    break;
                }
                if bytes[i] == b'\n' {
                    nl = true;
                }
                i += 1;
            }
            continue;
        }
        let start = i;
        let tok = if c.is_ascii_alphabetic() || c == b'_' {
            while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                i += 1;
            }
            Tok::Ident(src[start..i].to_string())
        } else if c.is_ascii_digit() {
            let (tok, next) = lex_number(src, start)?;
            i = next;
            tok
        } else if c == b'"' {
            let (text, next) = lex_text(src, start)?;
            i = next;
            Tok::Text(text)
        } else {
            let two = bytes.get(i + 1).copied();
            let (tok, len) = match (c, two) {
                (b'=', Some(b'=')) => (Tok::EqEq, 2),
                (b'!', Some(b'=')) => (Tok::NotEq, 2),
                (b'~', Some(b'=')) => (Tok::Tilde, 2),
                (b'-', Some(b'>')) => (Tok::Arrow, 2),
                (b'(', _) => (Tok::LParen, 1),
                (b')', _) => (Tok::RParen, 1),
                (b'{', _) => (Tok::LBrace, 1),
                (b'}', _) => (Tok::RBrace, 1),
                (b'[', _) => (Tok::LBracket, 1),
                (b']', _) => (Tok::RBracket, 1),
                (b';', _) => (Tok::Semi, 1),
                (b',', _) => (Tok::Comma, 1),
                (b'.', _) => (Tok::Dot, 1),
                (b':', _) => (Tok::Colon, 1),
                (b'=', _) => (Tok::Assign, 1),
                (b'?', _) => (Tok::Question, 1),
                (b'-', _) => (Tok::Minus, 1),
                (b'+', _) => (Tok::Plus, 1),
                _ => {
                    let ch = src[i..].chars().next().unwrap_or('?');
                    return Err(SyntaxError::new(i, format!("unexpected character `{ch}`")));
                }
            };
            i += len;
            tok
        };
        out.push(Token {
            tok,
            start,
            end: i,
            nl_before: nl,
        });
        nl = false;
    }
    out.push(Token {
        tok: Tok::Eof,
        start: src.len(),
        end: src.len(),
        nl_before: true,
    });
    Ok(out)
}

fn lex_number(src: &str, start: usize) -> Result<(Tok, usize), SyntaxError> {
    let bytes = src.as_bytes();
    let mut i = start;
    if bytes[i] == b'0' && matches!(bytes.get(i + 1), Some(b'x') | Some(b'X')) {
        i += 2;
        let digits_start = i;
        while i < bytes.len() && (bytes[i].is_ascii_hexdigit() || bytes[i] == b'_') {
            i += 1;
        }
        let digits: String = src[digits_start..i].chars().filter(|c| *c != '_').collect();
        if digits.is_empty() {
            return Err(SyntaxError::new(
                start,
                "hexadecimal literal without digits",
            ));
        }
        // Convert to decimal through candid's arbitrary-precision Nat.
        let mut value = candid::Nat::from(0u8);
        for d in digits.chars() {
            let digit = d.to_digit(16).unwrap_or(0);
            value = value * candid::Nat::from(16u8) + candid::Nat::from(digit);
        }
        return Ok((Tok::Int(value.0.to_string()), i));
    }
    let digits = |i: &mut usize| {
        while *i < bytes.len() && (bytes[*i].is_ascii_digit() || bytes[*i] == b'_') {
            *i += 1;
        }
    };
    digits(&mut i);
    let mut is_float = false;
    if bytes.get(i) == Some(&b'.') && bytes.get(i + 1).is_some_and(|b| b.is_ascii_digit()) {
        is_float = true;
        i += 1;
        digits(&mut i);
    }
    if matches!(bytes.get(i), Some(b'e') | Some(b'E')) {
        let mut j = i + 1;
        if matches!(bytes.get(j), Some(b'+') | Some(b'-')) {
            j += 1;
        }
        if bytes.get(j).is_some_and(|b| b.is_ascii_digit()) {
            is_float = true;
            i = j;
            digits(&mut i);
        }
    }
    if i < bytes.len() && (bytes[i].is_ascii_alphabetic() || bytes[i] == b'_') {
        return Err(SyntaxError::new(start, "malformed number literal"));
    }
    let text: String = src[start..i].chars().filter(|c| *c != '_').collect();
    Ok((
        if is_float {
            Tok::Float(text)
        } else {
            Tok::Int(text)
        },
        i,
    ))
}

fn lex_text(src: &str, start: usize) -> Result<(Vec<u8>, usize), SyntaxError> {
    let bytes = src.as_bytes();
    let mut out = Vec::new();
    let mut i = start + 1;
    loop {
        let Some(&c) = bytes.get(i) else {
            return Err(SyntaxError::new(start, "unterminated text literal"));
        };
        match c {
            b'"' => return Ok((out, i + 1)),
            b'\\' => {
                let esc_start = i;
                let Some(&e) = bytes.get(i + 1) else {
                    return Err(SyntaxError::new(start, "unterminated text literal"));
                };
                i += 2;
                match e {
                    b'n' => out.push(b'\n'),
                    b'r' => out.push(b'\r'),
                    b't' => out.push(b'\t'),
                    b'\\' => out.push(b'\\'),
                    b'"' => out.push(b'"'),
                    b'\'' => out.push(b'\''),
                    b'u' => {
                        if bytes.get(i) != Some(&b'{') {
                            return Err(SyntaxError::new(esc_start, "expected `{` after `\\u`"));
                        }
                        let hex_start = i + 1;
                        let Some(close) = src[hex_start..].find('}') else {
                            return Err(SyntaxError::new(esc_start, "unterminated `\\u{...}`"));
                        };
                        let hex: String = src[hex_start..hex_start + close]
                            .chars()
                            .filter(|c| *c != '_')
                            .collect();
                        let ch = u32::from_str_radix(&hex, 16)
                            .ok()
                            .and_then(char::from_u32)
                            .ok_or_else(|| SyntaxError::new(esc_start, "invalid unicode escape"))?;
                        let mut buf = [0u8; 4];
                        out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
                        i = hex_start + close + 1;
                    }
                    h1 if h1.is_ascii_hexdigit() => {
                        let h2 = bytes.get(i).copied().filter(u8::is_ascii_hexdigit);
                        let Some(h2) = h2 else {
                            return Err(SyntaxError::new(
                                esc_start,
                                "a byte escape needs two hexadecimal digits",
                            ));
                        };
                        let hex = [h1, h2];
                        let s = std::str::from_utf8(&hex).unwrap_or("00");
                        out.push(u8::from_str_radix(s, 16).unwrap_or(0));
                        i += 1;
                    }
                    _ => {
                        return Err(SyntaxError::new(esc_start, "unknown escape sequence"));
                    }
                }
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(src: &str) -> Vec<Tok> {
        tokenize(src).unwrap().into_iter().map(|t| t.tok).collect()
    }

    #[test]
    fn symbols_and_words() {
        assert_eq!(
            toks("let x = a.b[0]? == != ~= -> ;,:+-"),
            vec![
                Tok::Ident("let".into()),
                Tok::Ident("x".into()),
                Tok::Assign,
                Tok::Ident("a".into()),
                Tok::Dot,
                Tok::Ident("b".into()),
                Tok::LBracket,
                Tok::Int("0".into()),
                Tok::RBracket,
                Tok::Question,
                Tok::EqEq,
                Tok::NotEq,
                Tok::Tilde,
                Tok::Arrow,
                Tok::Semi,
                Tok::Comma,
                Tok::Colon,
                Tok::Plus,
                Tok::Minus,
                Tok::Eof
            ]
        );
    }

    #[test]
    fn numbers() {
        assert_eq!(
            toks("1_000 0xff 1.5 2e3 0x1_0000_0000_0000_0000"),
            vec![
                Tok::Int("1000".into()),
                Tok::Int("255".into()),
                Tok::Float("1.5".into()),
                Tok::Float("2e3".into()),
                Tok::Int("18446744073709551616".into()),
                Tok::Eof
            ]
        );
        assert!(tokenize("12ab").is_err());
        assert!(tokenize("0x").is_err());
    }

    #[test]
    fn text_escapes() {
        assert_eq!(
            toks(r#""a\n\t\"\\\u{e9}\ff""#),
            vec![Tok::Text(b"a\n\t\"\\\xc3\xa9\xff".to_vec()), Tok::Eof]
        );
        let err = tokenize("x = \"abc").unwrap_err();
        assert_eq!(err.offset, 4);
        assert!(tokenize(r#""\q""#).is_err());
        assert!(tokenize(r#""\u{110000}""#).is_err());
    }

    #[test]
    fn comments_and_newlines() {
        let t = tokenize("a // note\n/* multi\nline */ b c").unwrap();
        assert_eq!(t[0].tok, Tok::Ident("a".into()));
        assert!(t[1].nl_before);
        assert_eq!(t[1].tok, Tok::Ident("b".into()));
        assert!(!t[2].nl_before);
        assert!(tokenize("/* open").is_err());
        let err = tokenize("a\n  #").unwrap_err();
        assert_eq!(err.offset, 4);
    }
}
