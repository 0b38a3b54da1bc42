//! Differential-test harness: one batched `python3` subprocess per test.
//!
//! Each case is one input line of space-separated arguments. The Python
//! script defines `fn(*args)` returning a `str`; the prelude runs it on every
//! line and prints `OK <hex utf-8 of result>` or `EXC <hex of "Kind: msg">`.
//! The Rust side renders its own result the same way and the lines are
//! compared one by one.

#![allow(dead_code)]

use std::io::{Read, Write};
use std::process::{Command, Stdio};

use runtime_lite::Exception;

const PRELUDE: &str = r#"
import sys, struct, math
# Documented deviation: runtime-lite has no int<->str digit limit.
sys.set_int_max_str_digits(0)
def F(h): return struct.unpack('>d', bytes.fromhex(h))[0]
def F32(h): return struct.unpack('>f', bytes.fromhex(h))[0]
def S(h): return '' if h == '-' else bytes.fromhex(h).decode('utf-8')
def B(h): return b'' if h == '-' else bytes.fromhex(h)
def OUTF(x): return 'nan' if x != x else struct.pack('>d', x).hex()
def _hex(s): return s.encode('utf-8', 'surrogatepass').hex()
def _run(fn):
    out = []
    for line in sys.stdin:
        line = line.rstrip('\n')
        args = line.split(' ') if line else []
        try:
            r = 'OK ' + _hex(fn(*args))
        except Exception as e:
            m = str(e)
            r = 'EXC ' + _hex(type(e).__name__ + (': ' + m if m else ''))
        out.append(r)
    sys.stdout.write(''.join(o + '\n' for o in out))
"#;

/// Hex of bytes (lowercase).
pub fn hex(b: &[u8]) -> String {
    let mut s = String::with_capacity(b.len() * 2);
    for x in b {
        s.push_str(&format!("{x:02x}"));
    }
    s
}

fn unhex(h: &str) -> String {
    let bytes: Vec<u8> = (0..h.len() / 2)
        .map(|i| u8::from_str_radix(&h[2 * i..2 * i + 2], 16).unwrap_or(b'?'))
        .collect();
    String::from_utf8_lossy(&bytes).into_owned()
}

fn common_hex(s: &str) -> String {
    hex(s.as_bytes())
}

/// A float argument (`F(arg)` in Python): its exact bits.
pub fn f64_arg(x: f64) -> String {
    format!("{:016x}", x.to_bits())
}

/// A float32 argument (`F32(arg)` in Python).
pub fn f32_arg(x: f32) -> String {
    format!("{:08x}", x.to_bits())
}

/// A string argument (`S(arg)` in Python; `B(arg)` for bytes).
pub fn str_arg(s: &str) -> String {
    bytes_arg(s.as_bytes())
}

/// A bytes argument (`B(arg)` in Python).
pub fn bytes_arg(s: &[u8]) -> String {
    if s.is_empty() {
        // An empty hex field would vanish in split(' '); "" decodes as "".
        String::from("-")
    } else {
        hex(s)
    }
}

/// A float result as Python's `OUTF(x)` prints it.
pub fn f64_out(x: f64) -> String {
    if x.is_nan() {
        String::from("nan")
    } else {
        format!("{:016x}", x.to_bits())
    }
}

/// The outcome line for a Rust result.
pub fn outcome(r: Result<String, Exception>) -> String {
    match r {
        Ok(s) => format!("OK {}", hex(s.as_bytes())),
        Err(e) => format!("EXC {}", hex(e.to_string().as_bytes())),
    }
}

fn describe(line: &str) -> String {
    let mut s = match line.split_once(' ') {
        Some((tag, h)) => format!("{tag} {:?}", unhex(h)),
        None => line.to_string(),
    };
    if s.len() > 300 {
        let mut cut = 300;
        while !s.is_char_boundary(cut) {
            cut -= 1;
        }
        s.truncate(cut);
        s.push_str("...");
    }
    s
}

/// Runs `script` (which must define `fn`) over `inputs` in one python3
/// process and returns its outcome lines.
pub fn python(script: &str, inputs: &[String]) -> Vec<String> {
    let program = format!("{PRELUDE}\n{script}\n_run(fn)\n");
    let mut child = Command::new("python3")
        .arg("-c")
        .arg(&program)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| {
            panic!("differential tests need `python3` on PATH, but it could not be started: {e}")
        });
    let mut stdin = child.stdin.take().expect("stdin");
    let input: String = inputs.iter().map(|l| format!("{l}\n")).collect();
    let writer = std::thread::spawn(move || {
        stdin.write_all(input.as_bytes()).expect("write to python3");
    });
    let mut out = String::new();
    child
        .stdout
        .take()
        .expect("stdout")
        .read_to_string(&mut out)
        .expect("read python3 output");
    let mut err = String::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut err)
        .expect("read python3 stderr");
    writer.join().expect("writer thread");
    let status = child.wait().expect("wait for python3");
    assert!(status.success(), "python3 failed ({status}):\n{err}");
    let lines: Vec<String> = out.lines().map(str::to_string).collect();
    assert_eq!(
        lines.len(),
        inputs.len(),
        "python3 answered {} lines for {} inputs; stderr:\n{err}",
        lines.len(),
        inputs.len()
    );
    lines
}

/// One differential case: the input line for Python, a human-readable
/// description, and the outcome line runtime-lite produced.
pub struct Case {
    pub input: String,
    pub what: String,
    pub ours: String,
}

/// Collects cases, runs Python once, and fails listing every mismatch.
#[derive(Default)]
pub struct Diff {
    pub cases: Vec<Case>,
}

impl Diff {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn add(&mut self, input: String, what: String, ours: String) {
        self.cases.push(Case { input, what, ours });
    }

    /// Runs the comparison; `allow(case, python_line)` may excuse a
    /// documented deviation (returning true counts it as excused).
    pub fn check_with(
        self,
        name: &str,
        script: &str,
        allow: impl Fn(&Case, &str) -> bool,
    ) -> usize {
        assert!(!self.cases.is_empty(), "{name}: no cases generated");
        let inputs: Vec<String> = self.cases.iter().map(|c| c.input.clone()).collect();
        let expected = python(script, &inputs);
        let mut failures = Vec::new();
        let mut excused = 0;
        for (case, exp) in self.cases.iter().zip(&expected) {
            if &case.ours != exp {
                if allow(case, exp) {
                    excused += 1;
                    continue;
                }
                let mut what = case.what.clone();
                if what.len() > 200 {
                    what = describe(&format!("X {}", common_hex(&what)));
                }
                failures.push(format!(
                    "  {}\n    python: {}\n    ours:   {}",
                    what,
                    describe(exp),
                    describe(&case.ours)
                ));
            }
        }
        if !failures.is_empty() {
            let n = failures.len();
            failures.truncate(40);
            panic!(
                "{name}: {n} of {} cases differ from python3:\n{}",
                self.cases.len(),
                failures.join("\n")
            );
        }
        eprintln!(
            "{name}: {} cases match python3 ({excused} excused)",
            self.cases.len()
        );
        excused
    }

    pub fn check(self, name: &str, script: &str) {
        self.check_with(name, script, |_, _| false);
    }
}

/// A small deterministic PRNG (xorshift64*), so case lists are stable.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }
}
