//! The compiler never panics: random and mutated Python sources either
//! compile (to Rust that parses) or produce diagnostics. A sample of the
//! programs it accepts (mutants, generated programs and hand-written tricky
//! ones) is also checked by rustc, in one crate: generated Rust must compile
//! without errors or warnings.

mod common;
#[path = "common/json.rs"]
mod json;
#[path = "common/program_gen.rs"]
mod program_gen;

use std::collections::HashSet;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

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
    "try:\n",
    "except ValueError as e:\n",
    "except (KeyError, IndexError):\n",
    "finally:\n",
    "raise\n",
    "class E(Exception): pass\n",
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
    // Containers and Candid compound types.
    "[]",
    "{}",
    "x.append(",
    ".pop()",
    "d.get(x, None)",
    ".items()",
    "for k, v in ",
    "for x in xs:\n",
    "x[\"a\"] = ",
    "x[0] += ",
    "list(",
    "dict[str, int]",
    "Vec[nat]",
    "Opt[",
    "Tuple[nat, int]",
    "class R(Record):\n    a: nat\n",
    "class V(Variant):\n    A: null\n",
    "{\"A\": None}",
    "\"A\" in ",
    "is None",
    "raise ValueError(\"v\")\n",
    "raise KeyError(x)\n",
    "type(x)",
    "s.split(\",\")",
    "\"-\".join(xs)",
    ".strip()",
    "xs.sort()",
    "xs.index(x)",
    "sum(xs)",
    "min(xs)",
    "max(x, y)",
    "sorted(xs)",
    "for i, x in enumerate(xs):\n",
    "zip(xs, xs)",
    "int(s)",
    "float(x)",
    "abs(x)",
    "x, y = y, x\n",
    "del d[x]\n",
    "ic.id()",
    "s[1:]",
    "xs[::-1]",
    "s[0]",
    "xs + xs",
    "xs += [x]\n",
    "d.update(d)",
    "dict(d)",
    "sorted(xs, key=lambda v: v)",
    "xs.sort(key=lambda v: -v, reverse=True)\n",
    "def g(a: int, b: int = 1) -> int:\n    return a + b\n",
    "g(1, b=2)",
    "\"{} {!r}\".format(x, y)",
    "[x * 2 for x in xs if x]",
    "list(map(lambda y: y, xs))",
    "[*xs, 1]",
    "{**r, \"a\": 1}",
    "match(x, {\"A\": lambda a: a})",
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

/// A project's files in memory (paths like `src/main.py`).
struct MemoryFiles(std::collections::BTreeMap<String, String>);

impl kybra_aot::load::Files for MemoryFiles {
    fn read(&self, path: &Path) -> Option<String> {
        self.0.get(path.to_str()?).cloned()
    }
    fn is_dir(&self, path: &Path) -> bool {
        let Some(p) = path.to_str() else { return false };
        p.is_empty() || self.0.keys().any(|k| k.starts_with(&format!("{p}/")))
    }
    fn is_file(&self, path: &Path) -> bool {
        path.to_str().is_some_and(|p| self.0.contains_key(p))
    }
    fn canonical(&self, path: &Path) -> PathBuf {
        path.to_path_buf()
    }
}

/// The `.py` files of a project directory, by path relative to it.
fn project_files(dir: &Path) -> std::collections::BTreeMap<String, String> {
    let mut out = std::collections::BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("readable dir") {
            let p = e.expect("dir entry").path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "py") {
                let rel = p
                    .strip_prefix(dir)
                    .expect("inside")
                    .to_string_lossy()
                    .into_owned();
                out.insert(rel, std::fs::read_to_string(&p).expect("readable"));
            }
        }
    }
    out
}

/// Programs of several modules: one module of a project mutated at a time
/// (imports included, so modules go missing, cycles appear and names
/// clash) either compiles or yields diagnostics that point into a module.
#[test]
fn mutated_projects_never_panic() {
    let mut projects = vec![project_files(&common::repo_root().join("examples/modules"))];
    projects.extend(
        common::invalid_projects()
            .into_iter()
            .map(|(_, d)| project_files(&d)),
    );
    let mut rng = Rng(0x0dd_ba11);
    let mut compiled = 0;
    for i in 0..1500 {
        let mut files = projects[i % projects.len()].clone();
        let keys: Vec<String> = files.keys().cloned().collect();
        for _ in 0..1 + rng.below(2) {
            let key = &keys[rng.below(keys.len())];
            let text = files[key].clone();
            let mutated = if rng.below(2) == 0 {
                mutate(&mut rng, &text)
            } else {
                swap_token(&mut rng, &text)
            };
            files.insert(key.clone(), mutated);
        }
        let entry = files.get("src/main.py").cloned().unwrap_or_default();
        let files = MemoryFiles(files);
        let input = kybra_aot::Input {
            path: "src/main.py",
            source: &entry,
            root: Some(Path::new("")),
        };
        let result = catch_unwind(AssertUnwindSafe(|| {
            kybra_aot::compile_program(input, &files)
        }));
        match result {
            Err(_) => panic!("iteration {i}: compiler panicked on {:#?}", files.0),
            Ok(Ok(out)) => {
                compiled += 1;
                if let Err(e) = syn::parse_file(&out.rust) {
                    panic!(
                        "iteration {i}: generated Rust does not parse ({e}): {:#?}",
                        files.0
                    );
                }
            }
            Ok(Err(d)) => {
                let r = catch_unwind(AssertUnwindSafe(|| d.render()))
                    .unwrap_or_else(|_| panic!("iteration {i}: rendering panicked"));
                assert!(r.contains("--> src/"), "iteration {i}: no location:\n{r}");
            }
        }
    }
    assert!(compiled > 50, "only {compiled} mutated projects compiled");
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

#[test]
fn generated_program_compiles() {
    // The throughput benchmark's generator must only produce accepted
    // programs (this is its 1k-line size).
    let src = program_gen::program(1000, program_gen::BENCH_SEED);
    assert!(program_gen::line_count(&src) >= 1000);
    assert_eq!(
        src,
        program_gen::program(1000, program_gen::BENCH_SEED),
        "deterministic"
    );
    if let Err(d) = kybra_aot::compile("generated.py", &src) {
        panic!("the generated program does not compile:\n{d}");
    }
}

/// Edge cases the compiler must reject with a diagnostic (CPython rejects
/// them, or Kybra's types cannot hold them).
const MUST_REJECT: &[(&str, &str)] = &[
    (
        "matmul_assign",
        "from kybra import query\n\n@query\ndef f(x: int) -> int:\n    x @= 3\n    return x\n",
    ),
    (
        "matmul",
        "from kybra import query\n\n@query\ndef f(x: int) -> int:\n    return x @ 3\n",
    ),
    (
        // CPython gives a float (0.5): like `x /= 2`, not an `int` any more.
        "int_pow_assign_negative_literal",
        "from kybra import query\n\n@query\ndef f(x: int) -> int:\n    x **= -1\n    return x\n",
    ),
    (
        "int_pow_negative_literal",
        "from kybra import query\n\n@query\ndef f(x: int) -> int:\n    x = 2 ** -1\n    return x\n",
    ),
    (
        "walrus_in_comprehension",
        "from kybra import query\n\n@query\ndef f(x: int) -> int:\n    return len([y for i in range(x) if (y := i * 2) > 3])\n",
    ),
    (
        "int8_literal_128",
        "from kybra import int8, query\n\n@query\ndef f() -> int8:\n    x: int8 = 128\n    return x\n",
    ),
    (
        "nat8_literal_minus_1",
        "from kybra import nat8, query\n\n@query\ndef f() -> nat8:\n    return -1\n",
    ),
    (
        "nat64_global_too_big",
        "from kybra import nat64, query\n\nbig: nat64 = 2**64\n\n@query\ndef f() -> nat64:\n    return big\n",
    ),
    (
        "assigned_before_global",
        "from kybra import nat64, update\n\nn: nat64 = 0\n\n@update\ndef f() -> nat64:\n    n = 1\n    global n\n    return n\n",
    ),
    (
        "global_of_parameter",
        "from kybra import nat64, update\n\nn: nat64 = 0\n\n@update\ndef f(n: nat64) -> nat64:\n    global n\n    return n\n",
    ),
    (
        "break_outside_loop",
        "from kybra import query\n\n@query\ndef f(x: int) -> int:\n    break\n",
    ),
    (
        "return_at_module_level",
        "from kybra import query\n\nreturn 1\n\n@query\ndef f() -> int:\n    return 1\n",
    ),
    (
        "str_minus_int",
        "from kybra import query\n\n@query\ndef f(s: str) -> str:\n    return s - 1\n",
    ),
    (
        "augmented_to_wrong_type",
        "from kybra import query\n\n@query\ndef f(s: str) -> str:\n    s += 1\n    return s\n",
    ),
    (
        "func_without_mode",
        "from kybra import Func, query\n\nF = Func()\n\n@query\ndef f(x: F) -> F:\n    return x\n",
    ),
    (
        "func_mode_without_signature",
        "from kybra import Func, Query, query\n\nF = Func(Query)\n\n@query\ndef f(x: F) -> F:\n    return x\n",
    ),
    (
        "func_signature_one_item",
        "from kybra import Func, Query, query\n\nF = Func(Query[[str]])\n\n@query\ndef f(x: F) -> F:\n    return x\n",
    ),
    (
        "service_method_varargs",
        "from kybra import Service, query, service_query, void\n\nclass S(Service):\n    @service_query\n    def m(self, *a) -> void: ...\n\n@query\ndef f(s: S) -> S:\n    return s\n",
    ),
    (
        "service_constructed_from_text",
        "from kybra import Service, query\n\nclass S(Service):\n    pass\n\n@query\ndef f() -> S:\n    return S(\"aaaaa-aa\")\n",
    ),
    (
        "func_from_one_value",
        "from kybra import Func, Principal, Query, query, void\n\nF = Func(Query[[], void])\n\n@query\ndef f(p: Principal) -> F:\n    return p\n",
    ),
    (
        "principal_ordering",
        "from kybra import Principal, query\n\n@query\ndef f(a: Principal, b: Principal) -> bool:\n    return a <= b\n",
    ),
    (
        "value_for_empty",
        "from kybra import empty, query\n\n@query\ndef f() -> empty:\n    return None\n",
    ),
    (
        "shadowed_builtin_call",
        "from kybra import query\n\n@query\ndef f(s: str) -> int:\n    len = 3\n    return len(s)\n",
    ),
];

#[test]
fn edge_cases_are_rejected_with_diagnostics() {
    let mut failures = Vec::new();
    for (name, src) in MUST_REJECT {
        match catch_unwind(AssertUnwindSafe(|| kybra_aot::compile("edge.py", src))) {
            Err(_) => failures.push(format!("{name}: the compiler panicked on:\n{src}")),
            Ok(Ok(out)) => failures.push(format!(
                "{name}: accepted, should be a diagnostic:\n{src}\ngenerated:\n{}",
                out.rust
            )),
            Ok(Err(d)) => {
                let r = d.render();
                if !r.contains("edge.py:") {
                    failures.push(format!("{name}: diagnostic without a location:\n{r}"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// Valid programs that are easy to get wrong in generated Rust: literal
/// bounds of fixed-width types, non-ASCII and keyword names, names of
/// compiler temporaries and of items the generated code imports.
const TRICKY_VALID: &[(&str, &str)] = &[
    (
        "infinite_float_literals",
        "import math\nfrom kybra import float32, float64, query\n\n@query\ndef f(x: float64) -> float32:\n    big = 1e999\n    y: float32 = 1e300\n    return y + x + big - math.inf * 0.5 + math.nan\n",
    ),
    (
        "list_aliasing",
        "from kybra import query, Vec\n\n@query\ndef f(n: int) -> Vec[int]:\n    a = [1, 2]\n    b = a\n    b.append(n)\n    c = list(a)\n    for x in c:\n        a.append(x)\n    return a\n",
    ),
    (
        "dict_state_and_records",
        "from kybra import nat, nat64, query, Record, update, Vec\nfrom typing import TypedDict\n\nclass Item(Record):\n    name: str\n    count: nat\n    tags: Vec[str]\n\nclass State(TypedDict):\n    items: dict[str, Item]\n    total: nat64\n\nstate: State = {\"items\": {}, \"total\": 0}\n\n@update\ndef add(name: str, n: nat) -> nat:\n    if name not in state[\"items\"]:\n        state[\"items\"][name] = {\"name\": name, \"count\": 0, \"tags\": []}\n    item = state[\"items\"][name]\n    item[\"count\"] += n\n    item[\"tags\"].append(str(n))\n    state[\"total\"] += 1\n    return item[\"count\"]\n\n@query\ndef all() -> Vec[Item]:\n    out: Vec[Item] = []\n    for k, v in state[\"items\"].items():\n        out.append(v)\n    return out\n",
    ),
    (
        "tuple_keys_and_nat_members",
        "from kybra import nat, query, Opt, Tuple, Vec\n\n@query\ndef f(xs: Vec[Tuple[str, nat]]) -> Opt[nat]:\n    d: dict[Tuple[str, nat], nat] = {(\"a\", 1): 2}\n    for name, n in xs:\n        d[(name, n)] = n + 1\n    return d.get((\"a\", 1))\n",
    ),
    (
        "nested_lists_mutated",
        "from kybra import nat8, query, Vec\n\n@query\ndef f(rows: Vec[Vec[nat8]]) -> Vec[Vec[nat8]]:\n    for row in rows:\n        row.append(0)\n    rows.append([])\n    return rows\n",
    ),
    (
        "int8_le_127",
        "from kybra import int8, query\n\n@query\ndef f(x: int8) -> bool:\n    return x <= 127\n",
    ),
    (
        "int8_ge_minus_128",
        "from kybra import int8, query\n\n@query\ndef f(x: int8) -> bool:\n    return x >= -128\n",
    ),
    (
        "int8_lt_127_gt_minus_128",
        "from kybra import int8, query\n\n@query\ndef f(x: int8) -> bool:\n    return x < 127 and x > -128\n",
    ),
    (
        "nat8_ge_0",
        "from kybra import nat8, query\n\n@query\ndef f(x: nat8) -> bool:\n    return x >= 0\n",
    ),
    (
        "nat8_le_255",
        "from kybra import nat8, query\n\n@query\ndef f(x: nat8) -> bool:\n    return x <= 255\n",
    ),
    (
        "nat8_lt_0",
        "from kybra import nat8, query\n\n@query\ndef f(x: nat8) -> bool:\n    return x < 0 or 255 < x\n",
    ),
    (
        "nat64_ge_0_in_loop",
        "from kybra import nat64, query\n\n@query\ndef f(n: nat64) -> nat64:\n    while n >= 0:\n        if n == 0:\n            break\n        n -= 1\n    return n\n",
    ),
    (
        "global_pi",
        "from kybra import float64, query\n\nπ: float64 = 3.14159\n\n@query\ndef area(r: float64) -> float64:\n    return π * r * r\n",
    ),
    (
        "non_ascii_names",
        "from kybra import nat64, query, update, void\n\ngröße: nat64 = 0\nnaïve_zähler: str = \"é\"\n\n@update\ndef wachsen(schritt: nat64) -> void:\n    global größe\n    größe += schritt\n\n@query\ndef grüße(name: str) -> str:\n    café = name + naïve_zähler\n    数 = len(café)\n    return f\"{café} {数} {größe}\"\n",
    ),
    (
        "non_ascii_case_collision",
        "from kybra import nat64, query\n\nstraße: nat64 = 1\nSTRASSE: nat64 = 2\n\n@query\ndef f() -> nat64:\n    return straße + STRASSE\n",
    ),
    (
        "camel_case_names",
        "from kybra import nat64, query\n\nMaxValue: nat64 = 10\n\ndef addOne(someValue: nat64) -> nat64:\n    Result = someValue + 1\n    return Result\n\n@query\ndef getValue(X: nat64) -> nat64:\n    return addOne(X) + MaxValue\n",
    ),
    (
        "temporary_lhs_parameter",
        "from kybra import query\n\n@query\ndef f(__lhs: str, a: int) -> int:\n    return a or len(__lhs)\n",
    ),
    (
        "temporary_lhs_local",
        "from kybra import query\n\n@query\ndef f(a: str, b: str) -> str:\n    __lhs = b + \"!\"\n    return a and __lhs\n",
    ),
    (
        "temporary_cmp_parameter",
        "from kybra import query\n\n@query\ndef f(__cmp0: str, a: int, b: int) -> bool:\n    return a < b + 1 < len(__cmp0)\n",
    ),
    (
        "underscore_parameters",
        "from kybra import query\n\n@query\ndef f(x: int, _x: int, tmp: int, _: int) -> int:\n    return 0\n",
    ),
    (
        "underscore_parameters_used",
        "from kybra import query\n\n@query\ndef f(_x: int, __x: int, tmp: int) -> int:\n    _tmp = tmp + _x\n    return _tmp * __x\n",
    ),
    (
        "rust_keyword_names",
        "from kybra import nat64, query\n\ntype: nat64 = 1\n\n@query\ndef match(fn: nat64, let: nat64, impl: str, mod: bool) -> nat64:\n    loop = fn + let + type\n    if mod:\n        loop += len(impl)\n    return loop\n",
    ),
    (
        "rust_path_keywords",
        "from kybra import query\n\n@query\ndef f(self: int, crate: int, Self: int, super: int) -> int:\n    return self + crate + Self + super\n",
    ),
    (
        "self_and_self_underscore",
        "from kybra import query\n\n@query\ndef f(self: int, self_: int) -> int:\n    return self + self_\n",
    ),
    (
        "keyword_global_and_its_static",
        "from kybra import nat64, query\n\ntype: nat64 = 1\nTYPE_: nat64 = 2\n\n@query\ndef f() -> nat64:\n    return type + TYPE_\n",
    ),
    (
        "std_and_runtime_names_as_parameters",
        "from kybra import query\n\n@query\ndef f(Int: int, String: str, Cell: bool, RefCell: int) -> str:\n    return f\"{Int} {String} {Cell} {RefCell}\"\n",
    ),
    (
        "std_and_runtime_names_as_functions",
        "from kybra import nat64, query\n\ncount: nat64 = 0\nlabel: str = \"\"\n\ndef Int(x: int) -> int:\n    return x + 1\n\ndef String(s: str) -> str:\n    return s + label\n\ndef Cell(n: nat64) -> nat64:\n    return n + count\n\ndef RefCell(b: bool) -> bool:\n    return not b\n\n@query\ndef f(x: int, s: str) -> str:\n    return f\"{Int(x)} {String(s)} {Cell(3)} {RefCell(True)}\"\n",
    ),
    (
        "crate_names_as_functions",
        "from kybra import Principal, ic, query\n\ndef ic_cdk(n: int) -> int:\n    return n * 2\n\ndef candid(s: str) -> str:\n    return s + \"?\"\n\ndef runtime_lite(b: bool) -> bool:\n    return not b\n\n@query\ndef f(x: int) -> str:\n    ic.print(candid(\"x\"))\n    return f\"{ic_cdk(x)} {runtime_lite(True)} {ic.caller()}\"\n",
    ),
    (
        "crate_names_as_globals_and_locals",
        "from kybra import Principal, ic, nat64, update\n\nic_cdk: nat64 = 1\ncandid: str = \"c\"\n\n@update\ndef f(runtime_lite: int) -> Principal:\n    global ic_cdk\n    ic_cdk += 1\n    Principal = ic.caller()\n    ic.print(f\"{candid} {runtime_lite} {ic_cdk}\")\n    return Principal\n",
    ),
    (
        "runtime_items_as_functions",
        "from kybra import int64, query\n\ndef Py(x: int) -> str:\n    return str(x)\n\ndef FixedInt(x: int64) -> int64:\n    return x * 2\n\ndef OrRaise(x: int) -> int:\n    return x // 2\n\ndef PyFormat(x: float) -> str:\n    return f\"{x:.2f}\"\n\n@query\ndef f(a: int, b: int64) -> str:\n    return f\"{Py(a)} {FixedInt(b)} {OrRaise(a)} {a / 3} {PyFormat(1.5)}\"\n",
    ),
    (
        "runtime_modules_as_locals",
        "from kybra import float64, query\n\n@query\ndef f(s: str, x: float64) -> str:\n    text = s * 2\n    float = x / 3.0\n    return f\"{text} {len(s)} {float}\"\n",
    ),
    (
        "prelude_names_as_functions",
        "from kybra import query\n\ndef Some(x: int) -> int:\n    return x\n\ndef Ok(x: int) -> int:\n    return x + 1\n\ndef Err(s: str) -> str:\n    return s\n\ndef Vec(b: bool) -> bool:\n    return b\n\ndef drop(x: int) -> int:\n    return x\n\ndef format(s: str) -> str:\n    return s\n\n@query\ndef f(a: int, b: int) -> str:\n    return f\"{Some(a) // b} {Ok(a) % b} {Err('e')} {Vec(a < b)} {drop(a)} {format('f')}\"\n",
    ),
    (
        "global_and_function_differ_in_case",
        "from kybra import nat64, query\n\ncount: nat64 = 0\n\n@query\ndef COUNT() -> nat64:\n    return count\n",
    ),
    (
        "primitive_type_names_as_functions",
        "from kybra import int64, nat8, query\n\ndef i64(x: int64) -> int64:\n    return x\n\ndef u8(x: nat8) -> nat8:\n    return x\n\n@query\ndef f(a: int64, b: nat8) -> int64:\n    return i64(a) + u8(b)\n",
    ),
    (
        "match_by_reference_and_boxed",
        "from kybra import int16, match, null, query, Tuple, Variant, ic\n\n\nclass Tree(Variant, total=False):\n    Leaf: int16\n    Node: Tuple[\"Tree\", \"Tree\"]\n    Neg: \"Tree\"\n    Empty: null\n\n\ndef total(t: Tree) -> int:\n    return match(t, {\"Leaf\": lambda v: v, \"Node\": lambda p: total(p[0]) + total(p[1]), \"Neg\": lambda t2: -total(t2), \"Empty\": lambda _: 0})\n\n\ndef note(v: int16) -> str:\n    return f\"leaf {v}\"\n\n\n@query\ndef describe(t: Tree) -> str:\n    kind = match(t, {\"Leaf\": note, \"_\": lambda x: \"other\"})\n    again = match(t, {\"Leaf\": lambda v: str(v), \"Node\": lambda p: \"node\", \"Neg\": lambda n: \"neg\", \"Empty\": lambda e: \"empty\", \"_\": lambda x: \"never\"})\n    match(t, {\"Empty\": lambda e: ic.print(\"empty\"), \"_\": lambda x: ic.print(\"full\")})\n    inner = match(t, {\"Neg\": lambda n: match(n, {\"Leaf\": lambda v: v * 2, \"_\": lambda y: 0}), \"_\": lambda z: -1})\n    return f\"{kind} {again} {inner} {total(t)}\"\n",
    ),
    (
        "match_trapping_handler_and_strings",
        "from kybra import match, query, Variant, ic\n\n\nclass R(Variant, total=False):\n    Ok: str\n    Err: str\n\n\n@query\ndef get(r: R) -> str:\n    a = match(r, {\"Ok\": lambda ok: ok + ok, \"Err\": lambda err: ic.trap(err)})\n    b = match(r, {\"Err\": lambda e: e, \"Ok\": lambda o: o})\n    return a + b + match(r, {\"Ok\": lambda x_2: x_2})\n",
    ),
    (
        "narrowing_shapes",
        "from kybra import int64, nat64, Opt, query\n\n\ndef maybe(n: int64) -> Opt[int64]:\n    if n > 0:\n        return n\n    return None\n\n\n@query\ndef shapes(a: Opt[str], b: Opt[nat64], n: int64) -> str:\n    x_2 = 1\n    x = maybe(n)\n    y = maybe(n - 1)\n    out = \"\"\n    if a is None:\n        out = \"none\"\n    elif len(a) > 2:\n        out = a\n    if b is not None and x is not None and y is not None and x > y:\n        out = out + str(b + x + y)\n    elif not (x is None):\n        out = out + str(x)\n    if a is not None and len(a) > 3:\n        out = out + a\n    i = 0\n    while i < 3:\n        i += 1\n        if x is None:\n            break\n        out = out + str(x + x_2)\n    c = a is None or a == \"\"\n    d = b + 1 if b is not None else 0\n    e = 0 if x is None else x\n    if y is None:\n        return out\n    return f\"{out} {c} {d} {e} {y}\"\n",
    ),
    (
        "narrowing_with_reassignment",
        "from kybra import nat64, Opt, query\n\n\n@query\ndef f(a: Opt[nat64], s: Opt[str]) -> str:\n    if a is None:\n        a = 1\n    total = a\n    i = 0\n    while i < 2:\n        i += 1\n        if a is not None:\n            a = a + 1\n    name: Opt[str] = s\n    if name is None:\n        name = \"anon\"\n    else:\n        name = name + \"!\"\n    t: Opt[str] = None\n    if s is not None:\n        t = s\n    if t is not None:\n        return f\"{total} {a} {name} {t}\"\n    return f\"{total} {a} {name}\"\n",
    ),
    (
        "optional_from_none_branches",
        "from kybra import int64, match, nat64, null, Opt, query, Variant\n\n\nclass V(Variant, total=False):\n    A: nat64\n    B: null\n    C: str\n\n\n@query\ndef f(v: V, k: int64) -> str:\n    x = match(v, {\"A\": lambda a: a, \"B\": lambda _: None, \"C\": lambda c: len(c)})\n    y = k if k > 0 else None\n    z = None if k > 5 else \"small\"\n    out = \"\"\n    if x is not None:\n        out = out + str(x)\n    if y is not None and z is not None:\n        out = out + str(y) + z\n    return out\n",
    ),
    (
        "match_edge_shapes",
        "from kybra import ic, match, nat64, null, Opt, query, Variant\n\n\nclass V(Variant, total=False):\n    A: nat64\n    B: null\n\n\n\n\n@query\ndef c(v: V) -> nat64:\n    return match(v, {})\n\n\n@query\ndef h(v: V) -> nat64:\n    return match(v, {\"_\": lambda x: 3})\n\n\n@query\ndef i(v: V, x: Opt[nat64]) -> nat64:\n    return match(v, {\"A\": lambda a: a + x if x is not None else a, \"B\": lambda x: 0 if x is None else 1})\n\n\n@query\ndef j(v: V) -> nat64:\n    return match(v, {\"A\": lambda a: a, \"B\": lambda b: ic.trap(\"b\")})\n\n\n@query\ndef l(x: Opt[Opt[nat64]]) -> nat64:\n    if x is not None and x is not None:\n        if x is not None:\n            return 1\n    return 0\n",
    ),
    (
        "while_narrowing",
        "from kybra import nat64, Opt, query, Record\n\n\nclass Node(Record):\n    value: nat64\n    next: Opt[\"Node\"]\n\n\n@query\ndef total(head: Opt[Node]) -> nat64:\n    node = head\n    s = 0\n    while node is not None:\n        s += node[\"value\"]\n        node = node[\"next\"]\n    return s\n\n\n@query\ndef count_down(start: Opt[nat64]) -> nat64:\n    x: Opt[nat64] = start\n    steps = 0\n    while x is not None:\n        steps += 1\n        if x == 0:\n            x = None\n        else:\n            x = x - 1\n    return steps\n",
    ),
    (
        "method_named_like_helper_module",
        "from kybra import query\n\n@query\ndef p0(x: int) -> int:\n    return x\n\n@query\ndef main(x: int) -> int:\n    return p0(x)\n",
    ),    (
        // Func, Service and Record names that clash with Rust's; two
        // aliases of one func type; reserved and empty inside other types.
        "references_named_like_rust_types",
        "from kybra import Func, Opt, Principal, Query, Record, Service, Tuple, Update, Variant, Vec, empty, nat, query, reserved, service_query, service_update, void\n\nString = Func(Query[[nat], Vec[reserved]])\nOther = Func(Query[[nat], Vec[reserved]])\n\n\nclass Box(Service):\n    @service_query\n    def type(self, s: \"Box\") -> Opt[String]: ...\n\n    @service_update\n    def self(self) -> void: ...\n\n\nclass Self(Record):\n    f: Other\n    s: Box\n    r: Vec[reserved]\n    e: Opt[empty]\n    t: Tuple[reserved, String]\n\n\nclass Result(Variant, total=False):\n    Ok: Box\n    Err: empty\n\n\ndef method_of(f: Other) -> str:\n    return f[1]\n\n\ndef owner(b: Box) -> Principal:\n    return b.canister_id\n\n\n@query\ndef f(x: Self) -> Tuple[str, Principal, str]:\n    return (method_of(x[\"f\"]), owner(x[\"s\"]), x[\"s\"].canister_id.to_str())\n\n\n@query\ndef g(p: Principal) -> Self:\n    return {\"f\": (p, \"m\"), \"s\": Box(p), \"r\": [None, 1, \"x\"], \"e\": None, \"t\": (p, (p, p.to_str()))}\n\n\n@query\ndef h(r: Result) -> bool:\n    return \"Ok\" in r\n",
    ),
    (
        // A helper returning `empty` used as a statement and as a value;
        // truthiness and `is None` of reserved values.
        "empty_helper_and_reserved_locals",
        "from kybra import Principal, empty, ic, nat64, query, reserved\n\n\ndef fail(msg: str) -> empty:\n    ic.trap(msg)\n\n\n@query\ndef a(r: reserved) -> reserved:\n    x: reserved = r\n    y = x\n    if x is None and not y:\n        return 5\n    return fail(\"unreachable\")\n\n\n@query\ndef b(n: int) -> str:\n    if n > 0:\n        return \"positive\"\n    fail(\"not positive\")\n\n\n@query\ndef c(e: empty) -> empty:\n    return e\n\n\n@query\ndef d(n: int) -> Principal:\n    if n == 0:\n        return Principal.anonymous()\n    fail(f\"{n}\")\n    return Principal.management_canister()\n\n\n@query\ndef called_empty() -> empty:\n    fail(\"always\")\n\n\n@query\ndef calls_it(flag: bool) -> str:\n    if flag:\n        return called_empty()\n    return \"no\"\n\n\n@query\ndef from_empty(e: empty) -> str:\n    return e\n",
    ),
    (
        // Principals and Funcs are always true, but their variables are read.
        "truthiness_of_references",
        "from kybra import Func, Principal, Query, query, void\n\nF = Func(Query[[], void])\n\n\n@query\ndef f(p: Principal, g: F) -> bool:\n    if p:\n        return True\n    if g:\n        return True\n    return False\n",
    ),
    (
        // Principals and Services as globals, from literals.
        "reference_globals",
        "from kybra import Principal, Service, query, service_query, void\n\n\nclass S(Service):\n    @service_query\n    def m(self) -> void: ...\n\n\nowner = Principal.from_str(\"rrkah-fqaaa-aaaaa-aaaaq-cai\")\nanon: Principal = Principal.anonymous()\nsvc = S(Principal.from_hex(\"00000000000000010101\"))\n\n\n@query\ndef get() -> str:\n    return f\"{owner} {anon} {svc.canister_id}\"\n\n\n@query\ndef service() -> S:\n    return svc\n",
    ),
    (
        "try_control_flow",
        "from kybra import Opt, query, update, void\n\nclass AppError(Exception):\n    pass\n\nlog: list[str] = []\n\ndef check(n: int) -> int:\n    if n < 0:\n        raise AppError(\"negative\")\n    return 100 // n\n\ndef note(s: str) -> None:\n    if s == \"\":\n        raise ValueError(\"empty\")\n    log.append(s)\n\n@update\ndef run(n: int, o: Opt[int]) -> str:\n    total = 0\n    i = 0\n    while i < n:\n        i += 1\n        try:\n            if i == 2:\n                continue\n            total += check(n - i)\n            if o is not None and o > 3:\n                break\n        except ZeroDivisionError:\n            total -= 1\n        except AppError as e:\n            log.append(str(e))\n            raise\n        finally:\n            note(\"step\")\n    try:\n        last = check(total)\n    except Exception:\n        last = -1\n    else:\n        last += 1\n    return f\"{total} {last} {len(log)}\"\n\n@query\ndef plain(n: int) -> int:\n    return check(n)\n\n@update\ndef quiet(s: str) -> void:\n    try:\n        note(s)\n    finally:\n        log.append(\"done\")\n",
    ),
    (
        "try_in_handlers_and_comprehensions",
        "from kybra import query, Vec\n\ndef parse_all(parts: list[str]) -> list[int]:\n    return [int(p) * 2 for p in parts if p != \"\"]\n\n@query\ndef f(s: str) -> Vec[int]:\n    d: dict[str, int] = {\"a\": 1}\n    try:\n        xs = parse_all(s.split(\",\"))\n        for k in d:\n            xs.append(d[k])\n    except ValueError:\n        try:\n            xs = [d[s]]\n        except KeyError as e:\n            xs = [len(str(e))]\n    return xs\n\n@query\ndef g(s: str) -> str:\n    try:\n        return s[10]\n    except IndexError as e:\n        return repr(e)\n    finally:\n        pass\n",
    ),
    (
        "classes_named_like_rust",
        "from dataclasses import dataclass, field\nfrom kybra import query\n\n\nclass Self:\n    loop = 0\n\n    def __init__(self, type: int, self_: str):\n        self.type = type\n        self.match = self_\n\n    def fn(self, new: int) -> int:\n        Self.loop += 1\n        return self.type + new + Self.loop\n\n    def new(self) -> \"Self\":\n        return Self(self.type + 1, self.match)\n\n\n@dataclass\nclass Shared:\n    List: int\n    Vec: list[str] = field(default_factory=list)\n\n\n@dataclass\nclass String:\n    impl: str = \"s\"\n\n\n@query\ndef f(n: int) -> str:\n    s = Self(n, \"m\").new()\n    h = Shared(n)\n    h.Vec.append(\"v\")\n    return f\"{s.fn(n)} {s.match} {h} {String()} {h == Shared(n)}\"\n",
    ),
    (
        "objects_in_state",
        "from kybra import Opt, query, update\n\n\nclass Task:\n    def __init__(self, title: str, done: bool = False):\n        self.title = title\n        self.done = done\n        self.parent: Opt[Task] = None\n\n    def finish(self) -> None:\n        self.done = True\n\n    def __lt__(self, other: \"Task\") -> bool:\n        return self.title < other.title\n\n\ntasks: dict[str, Task] = {}\norder: list[Task] = []\n\n\ndef find(title: str) -> Opt[Task]:\n    return tasks.get(title)\n\n\n@update\ndef add(title: str) -> int:\n    t = Task(title)\n    tasks[title] = t\n    order.append(t)\n    if len(order) > 1:\n        t.parent = order[0]\n    return len(order)\n\n\n@update\ndef finish(title: str) -> bool:\n    t = find(title)\n    if t is None:\n        return False\n    t.finish()\n    return t.done\n\n\n@query\ndef listing() -> str:\n    return f\"{sorted(order)[0].title if order else ''} {[t.done for t in order]} {str(order[0]) if order else ''}\"\n",
    ),
    (
        "class_hierarchy_names",
        "from kybra import Opt, query, update\n\n\nclass Node:\n    count = 0\n\n    def __init__(self, name: str):\n        self.name = name\n        self.name_mut = 0\n        Node.count += 1\n\n    def weight(self) -> int:\n        return 1\n\n    def describe(self) -> str:\n        return f\"{self.name}:{self.weight()}\"\n\n\nclass AnyNode(Node):\n    def __init__(self, name: str, extra: int):\n        super().__init__(name)\n        self.extra = extra\n\n    def weight(self) -> int:\n        return self.extra + super().weight()\n\n\nclass Leaf(AnyNode):\n    count = 5\n\n    def describe(self) -> str:\n        self.name = self.name + \"!\"\n        self.name_mut += 1\n        return \"leaf \" + super().describe()\n\n\nclass Other(Node):\n    pass\n\n\nnodes: list[Node] = []\n\n\n@update\ndef add(name: str, extra: int) -> int:\n    if extra > 1:\n        nodes.append(Leaf(name, extra))\n    elif extra == 1:\n        nodes.append(AnyNode(name, extra))\n    elif extra == 0:\n        nodes.append(Other(name))\n    else:\n        nodes.append(Node(name))\n    return len(nodes)\n\n\n@query\ndef show() -> str:\n    first: Opt[Node] = nodes[0] if nodes else None\n    kind = first.count if first is not None else 0\n    return f\"{[n.describe() for n in nodes]} {kind} {[isinstance(n, AnyNode) for n in nodes]} {[n.name_mut for n in nodes]} {Node.count}\"\n",
    ),
    (
        "init_uses_self_as_object",
        "from kybra import query\n\n\nclass Account:\n    opened = 0\n\n    def __init__(self, owner: str, deposit: int):\n        self.owner = owner\n        self.balance = 0\n        self.log: list[str] = []\n        self.add(deposit)\n        register(self)\n        self.balance += 1\n        if deposit > 100:\n            self.add(-1)\n            return\n        self.log.append(\"done\")\n\n    def add(self, amount: int) -> None:\n        self.balance += amount\n        self.log.append(f\"add {amount}\")\n\n\naccounts: list[Account] = []\n\n\ndef register(a: Account) -> None:\n    Account.opened += 1\n    accounts.append(a)\n\n\n@query\ndef init_calls(n: int) -> str:\n    accounts.clear()\n    Account.opened = 0\n    a = Account(\"ann\", n)\n    return f\"{a.balance}|{a.log}|{accounts[0].balance}|{Account.opened}\"\n",
    ),
];

/// Substitutions that tend to keep a program valid while changing its types,
/// operators and constants (the interesting cases for rustc).
const SWAPS: &[&[&str]] = &[
    &[
        "int", "nat", "nat8", "nat16", "nat32", "nat64", "int8", "int16", "int32", "int64",
        "float32", "float64",
    ],
    &[" + ", " - ", " * ", " // ", " % ", " ** "],
    &[" < ", " <= ", " > ", " >= ", " == ", " != "],
    &[
        "0",
        "1",
        "2",
        "-1",
        "127",
        "128",
        "-128",
        "-129",
        "255",
        "256",
        "65535",
        "2**63",
        "2**64 - 1",
        "0.5",
    ],
    &[" and ", " or "],
    &["@query", "@update"],
];

fn is_ident_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Replaces one occurrence of a word or operator of `SWAPS` with another of
/// its class (words only where they stand alone).
fn swap_token(rng: &mut Rng, src: &str) -> String {
    let class = SWAPS[rng.below(SWAPS.len())];
    let mut sites = Vec::new();
    for (k, from) in class.iter().enumerate() {
        for (at, _) in src.match_indices(from) {
            let end = at + from.len();
            let alone = from.starts_with(' ')
                || from.starts_with('@')
                || (!src[..at].ends_with(is_ident_char)
                    && !src[end..].starts_with(is_ident_char)
                    && !src[..at].ends_with('.'));
            if alone {
                sites.push((at, end, k));
            }
        }
    }
    if sites.is_empty() {
        return src.to_string();
    }
    let (at, end, k) = sites[rng.below(sites.len())];
    let mut to = rng.below(class.len());
    if to == k {
        to = (to + 1) % class.len();
    }
    format!("{}{}{}", &src[..at], class[to], &src[end..])
}

/// One program of the rustc sample.
struct Sample {
    name: String,
    python: String,
    rust: String,
}

/// Up to `n` distinct programs the compiler accepts: mutants (token swaps,
/// and now and then a structural mutation) of the examples, the
/// differential-test program and small generated programs.
fn accepted_mutants(n: usize) -> Vec<Sample> {
    let mut corpus: Vec<(String, String)> = common::examples()
        .into_iter()
        .map(|(name, p)| (name, std::fs::read_to_string(p).expect("readable")))
        .collect();
    let semantics = common::repo_root().join("transpiler/tests/differential/semantics.py");
    corpus.push((
        "differential/semantics.py".into(),
        std::fs::read_to_string(semantics).expect("semantics.py"),
    ));
    for seed in 0..4 {
        corpus.push((
            format!("program_gen seed {seed}"),
            program_gen::program(60, seed),
        ));
    }
    let mut rng = Rng(0x5eed_f00d);
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for i in 0..6 * n {
        if out.len() >= n {
            break;
        }
        let (base_name, base) = &corpus[i % corpus.len()];
        let mut src = base.clone();
        for _ in 0..1 + rng.below(3) {
            src = swap_token(&mut rng, &src);
        }
        if rng.below(8) == 0 {
            src = mutate(&mut rng, &src);
        }
        if !seen.insert(src.clone()) {
            continue;
        }
        if let Ok(c) = kybra_aot::compile("fuzz.py", &src) {
            out.push(Sample {
                name: format!("mutant {i} of {base_name}"),
                python: src,
                rust: c.rust,
            });
        }
    }
    out
}

/// One rustc error or warning.
struct RustcMessage {
    /// `error` or `warning`.
    level: String,
    /// Lint name or error code (`unused_comparisons`, `E0428`), if any.
    code: String,
    message: String,
    rendered: String,
    /// 1-based line of its first span in `src/lib.rs`.
    line: Option<usize>,
}

/// The crate holding every sample program as `mod pN`; returns the line
/// range of each module in `src/lib.rs`.
fn write_sample_crate(dir: &Path, samples: &[&Sample]) -> Vec<(usize, usize)> {
    let runtime = kybra_aot::build::ensure_runtime_lite(&dir.join("cache"))
        .unwrap_or_else(|e| panic!("runtime-lite: {e}"));
    let manifest = kybra_aot::build::canister_manifest("kybra_rustc_sample", &runtime);
    let mut lib =
        String::from("// Generated by no_panic.rs: every module is one compiled Python program.\n");
    // Crate-level attributes of a program (`#![allow(...)]`) go to the
    // sample crate's root, where they would stand in the program's own crate.
    let mut crate_attrs = std::collections::BTreeSet::new();
    for s in samples {
        for line in s.rust.lines().filter(|l| l.starts_with("#![")) {
            crate_attrs.insert(line.to_string());
        }
    }
    for a in &crate_attrs {
        lib.push_str(a);
        lib.push('\n');
    }
    let mut ranges = Vec::new();
    for (i, s) in samples.iter().enumerate() {
        let start = lib.lines().count() + 1;
        let body: Vec<&str> = s.rust.lines().filter(|l| !l.starts_with("#![")).collect();
        lib.push_str(&format!(
            "\nmod p{i} {{\n{}\n}}\n",
            body.join("\n").trim_end()
        ));
        ranges.push((start, lib.lines().count()));
    }
    write(&dir.join("crate/Cargo.toml"), &manifest);
    // The pinned versions every canister builds with (offline when warm).
    write(
        &dir.join("crate/Cargo.lock"),
        kybra_aot::build::CANISTER_LOCK,
    );
    write(&dir.join("crate/src/lib.rs"), &lib);
    ranges
}

fn write(path: &Path, text: &str) {
    kybra_aot::build::write_if_changed(path, text.as_bytes())
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `cargo check` of the sample crate: its errors and warnings about
/// `src/lib.rs` (dependencies' are not ours).
fn cargo_check(dir: &Path) -> Vec<RustcMessage> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let out = std::process::Command::new(cargo)
        .args([
            "check",
            "--locked",
            "--message-format=json",
            "--color",
            "never",
        ])
        .arg("--manifest-path")
        .arg(dir.join("crate/Cargo.toml"))
        .env("CARGO_TARGET_DIR", dir.join("target"))
        // Like canister builds: the surrounding test's flags must not leak in.
        .env_remove("RUSTFLAGS")
        .env_remove("CARGO_ENCODED_RUSTFLAGS")
        .env_remove("CARGO_BUILD_RUSTFLAGS")
        .stdin(std::process::Stdio::null())
        .output()
        .expect("cargo runs");
    let mut msgs = Vec::new();
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        let Ok(v) = json::parse(line) else { continue };
        let ours = v
            .get("manifest_path")
            .str()
            .is_some_and(|p| Path::new(p) == dir.join("crate/Cargo.toml"));
        if v.get("reason").str() != Some("compiler-message") || !ours {
            continue;
        }
        let m = v.get("message");
        let level = m.get("level").str().unwrap_or("").to_string();
        let message = m.get("message").str().unwrap_or("").to_string();
        let summary = m.get("spans").arr().is_empty()
            && (message.starts_with("aborting due to") || message.ends_with("emitted"));
        if summary || !(level.starts_with("error") || level == "warning") {
            continue;
        }
        msgs.push(RustcMessage {
            line: m
                .get("spans")
                .arr()
                .iter()
                .find(|s| s.get("file_name").str() == Some("src/lib.rs"))
                .and_then(|s| s.get("line_start").num())
                .map(|l| l as usize),
            code: m.get("code").get("code").str().unwrap_or("").to_string(),
            rendered: m.get("rendered").str().unwrap_or(&message).to_string(),
            level,
            message,
        });
    }
    if !out.status.success() && msgs.iter().all(|m| m.level == "warning") {
        panic!(
            "cargo check of the sample crate failed without a compiler error:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    msgs
}

/// A file-name-safe version of a sample's name.
fn slug(name: &str) -> String {
    name.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect::<String>()
        .split('_')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("_")
}

/// Samples of the rustc test: the tricky programs, the benchmark's 1k-line
/// generated program and 200 accepted mutants. Tricky programs the compiler
/// rejects are reported in `failures`.
fn rustc_samples(failures: &mut Vec<String>) -> Vec<Sample> {
    let mut samples = Vec::new();
    for (name, src) in TRICKY_VALID {
        match kybra_aot::compile("tricky.py", src) {
            Ok(c) => samples.push(Sample {
                name: format!("tricky `{name}`"),
                python: src.to_string(),
                rust: c.rust,
            }),
            Err(d) => failures.push(format!("tricky `{name}` is rejected:\n{src}\n{d}")),
        }
    }
    let generated = program_gen::program(1000, program_gen::BENCH_SEED);
    match kybra_aot::compile("generated.py", &generated) {
        Ok(c) => samples.push(Sample {
            name: "program_gen 1k lines".into(),
            python: generated,
            rust: c.rust,
        }),
        Err(d) => failures.push(format!("the generated program is rejected:\n{d}")),
    }
    let mutants = accepted_mutants(200);
    assert!(
        mutants.len() >= 150,
        "only {} mutants compiled",
        mutants.len()
    );
    samples.extend(mutants);
    samples
}

#[test]
fn rustc_accepts_a_sample_of_compiled_programs() {
    let started = std::time::Instant::now();
    let mut failures: Vec<String> = Vec::new();
    let samples = rustc_samples(&mut failures);
    let generated_in = started.elapsed();

    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("rustc_sample");
    // Per sample: its rustc messages (deduplicated across rounds).
    let mut found: Vec<Vec<RustcMessage>> = samples.iter().map(|_| Vec::new()).collect();
    let mut unattributed = Vec::new();
    // A rustc error stops rustc before its late lint passes, which would hide
    // the warnings of every other program: check again without the programs
    // that have errors, until none has.
    let mut live: Vec<usize> = (0..samples.len()).collect();
    let mut rounds = 0;
    while rounds < 5 {
        rounds += 1;
        let chosen: Vec<&Sample> = live.iter().map(|&i| &samples[i]).collect();
        let ranges = write_sample_crate(&dir, &chosen);
        let mut erroneous = HashSet::new();
        for m in cargo_check(&dir) {
            let module = m
                .line
                .and_then(|l| ranges.iter().position(|&(a, b)| a <= l && l <= b));
            let Some(k) = module else {
                unattributed.push(m.rendered);
                continue;
            };
            if m.level != "warning" {
                erroneous.insert(live[k]);
            }
            let seen = &mut found[live[k]];
            if !seen
                .iter()
                .any(|o| o.code == m.code && o.message == m.message)
            {
                seen.push(m);
            }
        }
        if erroneous.is_empty() {
            break;
        }
        live.retain(|i| !erroneous.contains(i));
    }
    eprintln!(
        "rustc sample: {} programs ({} mutants), generated in {:.1?}, {} cargo check round(s), {:.1?} in all",
        samples.len(),
        samples.iter().filter(|s| s.name.starts_with("mutant")).count(),
        generated_in,
        rounds,
        started.elapsed()
    );

    // Failing programs are written next to the crate, to reproduce them with
    // `kybra-aot rust FILE.py`.
    let failed_dir = dir.join("failed");
    let _ = std::fs::remove_dir_all(&failed_dir);
    let mut summary = Vec::new();
    let mut details = Vec::new();
    for (s, msgs) in samples.iter().zip(&found) {
        if msgs.is_empty() {
            continue;
        }
        let file = failed_dir.join(format!("{}.py", slug(&s.name)));
        write(&file, &s.python);
        for m in msgs {
            summary.push(format!(
                "  {}: {} [{}]: {}",
                s.name, m.level, m.code, m.message
            ));
        }
        let python = if s.python.lines().count() <= 40 {
            s.python.clone()
        } else {
            format!(
                "({} lines, in {})\n",
                s.python.lines().count(),
                file.display()
            )
        };
        let rendered: Vec<&str> = msgs.iter().map(|m| m.rendered.trim_end()).collect();
        details.push(format!(
            "--- {} ({}):\n{python}\n{}",
            s.name,
            file.display(),
            rendered.join("\n")
        ));
    }
    for u in unattributed {
        failures.push(format!("rustc message outside any program:\n{u}"));
    }
    assert!(
        failures.is_empty() && summary.is_empty(),
        "rustc errors or warnings on generated Rust ({} of {} programs):\n{}\n\n{}\n\n{}",
        found.iter().filter(|m| !m.is_empty()).count(),
        samples.len(),
        summary.join("\n"),
        failures.join("\n\n"),
        details.join("\n\n")
    );
}
