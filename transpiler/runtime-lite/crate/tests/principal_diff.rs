//! Kybra's `Principal` API (`runtime_lite::principal`) against python3
//! running the textual encoding the IC interface specification defines
//! (CRC-32 of the bytes, big endian, then the bytes; base 32, lower case,
//! groups of five): `to_str`, `from_str`, `from_hex`, `hex`.

mod common;

use common::{bytes_arg, outcome, str_arg};
use runtime_lite::principal;
use runtime_lite::Exception;

const SCRIPT: &str = r#"
import base64, hashlib, zlib
def text_of(b):
    crc = (zlib.crc32(b) & 0xFFFFFFFF).to_bytes(4, 'big')
    s = base64.b32encode(crc + b).decode().lower().rstrip('=')
    return '-'.join(s[i:i + 5] for i in range(0, len(s), 5))
def parse(s):
    # The canonical text only: anything else is an error.
    flat = s.replace('-', '')
    try:
        raw = base64.b32decode(flat.upper() + '=' * (-len(flat) % 8))
    except Exception:
        raise Exception('bad')
    if len(raw) < 4 or len(raw) > 33 or text_of(raw[4:]) != s:
        raise Exception('bad')
    return raw[4:]
def fn(kind, x):
    if kind == 'text': return text_of(B(x))
    if kind == 'hex': return B(x).hex().upper()
    if kind == 'selfauth': return text_of(hashlib.sha224(B(x)).digest() + bytes([2]))
    if kind == 'parse': return parse(S(x)).hex()
    if kind == 'fromhex':
        b = bytes.fromhex(S(x).lower())
        if len(b) > 29: raise ValueError('too long')
        return b.hex()
"#;

fn bytes_cases() -> Vec<Vec<u8>> {
    let mut v: Vec<Vec<u8>> = vec![vec![], vec![4], vec![0; 10], vec![0xff; 29]];
    let mut x: u64 = 0x2545_f491_4f6c_dd1d;
    for len in 0..=29usize {
        for _ in 0..3 {
            v.push(
                (0..len)
                    .map(|_| {
                        x ^= x << 13;
                        x ^= x >> 7;
                        x ^= x << 17;
                        x as u8
                    })
                    .collect(),
            );
        }
    }
    v
}

fn check(kind: &str, args: Vec<String>, ours: Vec<String>, same_kind_only: bool) {
    let inputs: Vec<String> = args.iter().map(|a| format!("{kind} {a}")).collect();
    let theirs = common::python(SCRIPT, &inputs);
    let mut failures = Vec::new();
    for ((a, o), t) in args.iter().zip(&ours).zip(&theirs) {
        let same = if same_kind_only {
            o.split(' ').next() == t.split(' ').next() && (o.starts_with("EXC") || o == t)
        } else {
            o == t
        };
        if !same {
            failures.push(format!("{kind} {a}: ours {o}, python {t}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn text_and_hex_match_the_specification() {
    let cases = bytes_cases();
    let args: Vec<String> = cases.iter().map(|b| bytes_arg(b)).collect();
    let texts: Vec<String> = cases
        .iter()
        .map(|b| outcome(principal::from_bytes(b).map(|p| p.to_text())))
        .collect();
    check("text", args.clone(), texts, false);
    let hexes: Vec<String> = cases
        .iter()
        .map(|b| outcome(principal::from_bytes(b).map(principal::hex)))
        .collect();
    check("hex", args, hexes, false);
}

fn parse_ours(s: &str) -> Result<String, Exception> {
    principal::from_str(s).map(|p| common::hex(p.as_slice()))
}

#[test]
fn from_str_accepts_exactly_the_canonical_texts() {
    let mut texts: Vec<String> = bytes_cases()
        .iter()
        .map(|b| candid::Principal::from_slice(b).to_text())
        .collect();
    let valid = texts.clone();
    for t in &valid {
        texts.push(t.to_uppercase());
        texts.push(t.replace('-', ""));
        texts.push(format!("{t}-"));
        texts.push(format!("{t}a"));
        texts.push(t[1..].to_string());
        // One character changed: the checksum no longer matches.
        let mut c: Vec<char> = t.chars().collect();
        c[0] = if c[0] == 'a' { 'b' } else { 'a' };
        texts.push(c.into_iter().collect());
    }
    texts.extend(
        [
            "",
            "-",
            "a",
            "aaaaa",
            "aaaaa-a",
            "aaaaa-aa",
            "2vxsx-fae",
            "0",
            "1ab!",
            "aaaaa_aa",
            "é",
        ]
        .map(String::from),
    );
    let args: Vec<String> = texts.iter().map(|t| str_arg(t)).collect();
    let ours: Vec<String> = texts.iter().map(|t| outcome(parse_ours(t))).collect();
    check("parse", args, ours, true);
}

#[test]
fn from_hex_is_bytes_fromhex() {
    let texts: Vec<String> = [
        "",
        "04",
        "0a0B",
        " 04 ",
        "0 4",
        "4",
        "040",
        "0g",
        "g0",
        "\t00\n01 ",
        "zz",
        "é0",
        "00000000000000000000000000000000000000000000000000000000",
        "0000000000000000000000000000000000000000000000000000000000",
        "000000000000000000000000000000000000000000000000000000000000",
    ]
    .map(String::from)
    .to_vec();
    let args: Vec<String> = texts.iter().map(|t| str_arg(t)).collect();
    let ours: Vec<String> = texts
        .iter()
        .map(|t| outcome(principal::from_hex(t).map(|p| common::hex(p.as_slice()))))
        .collect();
    // The same bytes, or the same ValueError (Python's message) for bad hex;
    // only too-long input differs in its message (Kybra fails later).
    let inputs: Vec<String> = args.iter().map(|a| format!("fromhex {a}")).collect();
    let theirs = common::python(SCRIPT, &inputs);
    for ((t, o), p) in texts.iter().zip(&ours).zip(&theirs) {
        if p.starts_with("EXC") && t.len() >= 58 && !t.contains(' ') {
            assert!(o.starts_with("EXC"), "{t:?}: {o}");
        } else {
            assert_eq!(o, p, "{t:?}");
        }
    }
}

#[test]
fn self_authenticating_is_sha224_of_the_key() {
    let mut keys = bytes_cases();
    // Message lengths around SHA-224's block and padding boundaries.
    for len in [55usize, 56, 57, 63, 64, 65, 119, 120, 200] {
        keys.push((0..len).map(|i| (i * 7 + 3) as u8).collect());
    }
    let args: Vec<String> = keys.iter().map(|b| bytes_arg(b)).collect();
    let ours: Vec<String> = keys
        .iter()
        .map(|k| outcome(Ok(principal::self_authenticating(k).to_text())))
        .collect();
    check("selfauth", args, ours, false);
}

#[test]
fn special_principals_and_errors() {
    assert_eq!(principal::hex(candid::Principal::anonymous()), "04");
    assert_eq!(principal::hex(candid::Principal::management_canister()), "");
    let e = principal::from_str("aaaaa-ab").expect_err("bad checksum");
    assert_eq!(
        e.to_string(),
        "Exception: principal format error: 'aaaaa-ab' is not a principal"
    );
    let e = principal::from_str("").expect_err("too short");
    assert_eq!(
        e.to_string(),
        "Exception: principal length error: '' is too short"
    );
    let e = principal::from_bytes(&[0; 30]).expect_err("too long");
    assert_eq!(
        e.to_string(),
        "ValueError: principal length error: a principal has at most 29 bytes"
    );
}
