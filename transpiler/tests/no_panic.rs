//! The compiler never panics: random and mutated Python sources either
//! compile (to Rust that parses) or produce diagnostics.

mod common;

use std::panic::{catch_unwind, AssertUnwindSafe};

/// xorshift64*: deterministic, so a failure reproduces from its seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const FRAGMENTS: &[&str] = &[
    "(",
    ")",
    ":",
    "\n",
    "    ",
    "\t",
    "def ",
    "return ",
    "global x\n",
    "x",
    "y",
    "=",
    "+=",
    "+",
    "-",
    "*",
    "/",
    "//",
    "%",
    "**",
    "<<",
    ">>",
    "&",
    "|",
    "^",
    "~",
    "not ",
    " and ",
    " or ",
    "==",
    "<",
    " in ",
    "1",
    "0",
    "-1",
    "2**64",
    "1e308",
    "3.5",
    "True",
    "None",
    "\"s\"",
    "b\"\\x00\"",
    "f\"{",
    "}",
    "{x!r}",
    "{x:>10.3f}",
    "@query\n",
    "@update\n",
    "nat8",
    "nat64",
    "int",
    "str",
    "void",
    "blob",
    "Principal",
    "ic.print(x)",
    "ic.trap(\"t\")",
    "ic.caller()",
    "len(",
    "str(",
    "range(",
    "for i in range(3):\n",
    "while x:\n",
    "if x:\n",
    "else:\n",
    "elif y:\n",
    "break",
    "continue",
    "pass",
    "'''",
    "#",
    "\\",
    "é",
    "𝔘",
    "\u{0}",
    "lambda: 0",
    "[1, 2]",
    "{1: 2}",
    "x[0]",
    "a.b",
    "class C:\n",
    "try:\n",
    "import kybra\n",
    "from kybra import *\n",
];

fn mutate(rng: &mut Rng, src: &str) -> String {
    let mut chars: Vec<char> = src.chars().collect();
    for _ in 0..1 + rng.below(4) {
        let len = chars.len();
        match rng.below(6) {
            0 if len > 0 => {
                let at = rng.below(len);
                let n = rng.below(8).min(len - at);
                chars.drain(at..at + n);
            }
            1 | 2 => {
                let at = rng.below(len + 1);
                let frag = FRAGMENTS[rng.below(FRAGMENTS.len())];
                chars.splice(at..at, frag.chars());
            }
            3 if len > 0 => {
                // Duplicate a line somewhere else.
                let text: String = chars.iter().collect();
                let lines: Vec<&str> = text.lines().collect();
                let line = lines[rng.below(lines.len())].to_string();
                let at = rng.below(len + 1);
                chars.splice(at..at, format!("\n{line}\n").chars());
            }
            4 if len > 0 => {
                let at = rng.below(len);
                chars.truncate(at);
            }
            _ => {
                let at = rng.below(len + 1);
                let c = char::from_u32((rng.next() % 0x3000) as u32).unwrap_or('?');
                chars.insert(at, c);
            }
        }
    }
    chars.into_iter().collect()
}

fn compile_without_panic(src: &str) -> Result<(), String> {
    let result = catch_unwind(AssertUnwindSafe(|| kybra_aot::compile("fuzz.py", src)));
    match result {
        Err(_) => Err(format!("compiler panicked on:\n{src}")),
        Ok(Ok(out)) => {
            syn::parse_file(&out.rust)
                .map_err(|e| format!("generated Rust does not parse ({e}) for:\n{src}"))?;
            Ok(())
        }
        Ok(Err(d)) => {
            // Rendering must not panic either, and must point into the file.
            let r = catch_unwind(AssertUnwindSafe(|| d.render()))
                .map_err(|_| format!("rendering panicked on:\n{src}"))?;
            if !r.contains("fuzz.py") {
                return Err(format!("diagnostic without location:\n{r}"));
            }
            Ok(())
        }
    }
}

#[test]
fn mutated_examples_never_panic() {
    let mut corpus: Vec<String> = common::examples()
        .iter()
        .map(|(_, p)| std::fs::read_to_string(p).expect("readable"))
        .collect();
    corpus.extend(common::invalid_programs().into_iter().map(|(_, s)| s));
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut compiled = 0;
    for i in 0..4000 {
        let base = &corpus[i % corpus.len()];
        let src = mutate(&mut rng, base);
        if let Err(e) = compile_without_panic(&src) {
            panic!("iteration {i}: {e}");
        }
        if kybra_aot::compile("fuzz.py", &src).is_ok() {
            compiled += 1;
        }
    }
    // The mutations must leave some programs valid, or this tests little.
    assert!(compiled > 20, "only {compiled} mutants compiled");
}

#[test]
fn random_text_never_panics() {
    let mut rng = Rng(42);
    for i in 0..2000 {
        let len = rng.below(200);
        let src: String = (0..len)
            .map(|_| {
                if rng.below(3) == 0 {
                    FRAGMENTS[rng.below(FRAGMENTS.len())].to_string()
                } else {
                    char::from_u32((rng.next() % 128) as u32)
                        .unwrap_or(' ')
                        .to_string()
                }
            })
            .collect();
        if let Err(e) = compile_without_panic(&src) {
            panic!("iteration {i}: {e}");
        }
    }
}
