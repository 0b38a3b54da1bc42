//! Transpiler throughput benchmark (plain `main`, no criterion).
//!
//! Generates realistic typed Kybra programs of about 1k, 10k and 100k lines
//! (`transpiler/tests/common/program_gen.rs`, deterministic), checks that each
//! compiles, then times, as the median of up to 15 runs within a few seconds
//! (a phase that takes over 2 s is timed once):
//!
//! - `parse`: `rustpython_parser` alone (the floor under everything else);
//! - `check`: `kybra_aot::check_source` (parse + name resolution and typing);
//! - `compile`: `kybra_aot::compile` (check + Rust generation + Candid).
//!
//! It prints lines, median time and lines/s per phase, and the growth
//! `time(100k) / time(10k)` (10 for linear work). Targets: at least
//! 100,000 lines/s for `compile` at 100k lines, and a growth of at most 12.
//!
//! Run with `cargo bench -p kybra-aot --bench transpiler_throughput`.
//! `KYBRA_BENCH_SIZES=1000,10000` overrides the sizes (the last two give the
//! growth ratio).

#[path = "../transpiler/tests/common/program_gen.rs"]
mod program_gen;

/// The allocator of the `kybra-aot` binary, so the figures are the CLI's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use rustpython_parser::{ast, Parse};
use std::hint::black_box;
use std::time::{Duration, Instant};

const TARGET_LINES_PER_SEC: f64 = 100_000.0;
const TARGET_GROWTH: f64 = 12.0;

/// Most runs per measurement, and the time after which no further run starts
/// (a phase slower than half the budget is timed once: its first run).
const MAX_RUNS: usize = 15;
const BUDGET: Duration = Duration::from_secs(4);

/// The median of up to `MAX_RUNS` runs of `f` after a warm-up run (allocator,
/// caches), and how many runs it is the median of.
fn time(mut f: impl FnMut()) -> (Duration, usize) {
    let t = Instant::now();
    f();
    let first = t.elapsed();
    if first * 2 > BUDGET {
        return (first, 1);
    }
    let runs = (BUDGET.as_secs_f64() / first.as_secs_f64().max(1e-9)) as usize;
    let mut xs: Vec<Duration> = (0..runs.clamp(1, MAX_RUNS))
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    xs.sort();
    (xs[xs.len() / 2], xs.len())
}

struct Row {
    lines: usize,
    parse: Duration,
    check: Duration,
    compile: Duration,
    /// Runs of the compile median.
    runs: usize,
    rust_bytes: usize,
}

fn measure(target: usize) -> Row {
    let src = program_gen::program(target, program_gen::BENCH_SEED);
    let lines = program_gen::line_count(&src);
    let compiled = match kybra_aot::compile("bench.py", &src) {
        Ok(c) => c,
        Err(d) => panic!("the generated {lines}-line program does not compile:\n{d}"),
    };
    let (parse, _) = time(|| {
        black_box(ast::Suite::parse(black_box(&src), "bench.py").is_ok());
    });
    let (check, _) = time(|| {
        black_box(kybra_aot::check_source("bench.py", black_box(&src)).is_ok());
    });
    let (compile, runs) = time(|| {
        black_box(kybra_aot::compile("bench.py", black_box(&src)).is_ok());
    });
    Row {
        lines,
        parse,
        check,
        compile,
        runs,
        rust_bytes: compiled.rust.len(),
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn per_sec(lines: usize, d: Duration) -> f64 {
    lines as f64 / d.as_secs_f64().max(1e-9)
}

fn main() {
    let sizes: Vec<usize> = std::env::var("KYBRA_BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .filter(|v: &Vec<usize>| !v.is_empty())
        .unwrap_or_else(|| vec![1_000, 10_000, 100_000]);
    if cfg!(debug_assertions) {
        println!("note: debug build; run `cargo bench` for meaningful figures");
    }
    println!(
        "{:>7}  {:>20}  {:>20}  {:>20}  {:>4}  {:>8}",
        "lines",
        "parse ms (lines/s)",
        "check ms (lines/s)",
        "compile ms (lines/s)",
        "runs",
        "Rust KiB"
    );
    let mut rows = Vec::new();
    for &n in &sizes {
        let r = measure(n);
        let cell = |d: Duration| format!("{:.1} ({:.0}k)", ms(d), per_sec(r.lines, d) / 1e3);
        println!(
            "{:>7}  {:>20}  {:>20}  {:>20}  {:>4}  {:>8}",
            r.lines,
            cell(r.parse),
            cell(r.check),
            cell(r.compile),
            r.runs,
            r.rust_bytes / 1024
        );
        rows.push(r);
    }
    if let [.., a, b] = rows.as_slice() {
        let growth = |x: Duration, y: Duration| y.as_secs_f64() / x.as_secs_f64().max(1e-9);
        let lines = b.lines as f64 / a.lines as f64;
        println!(
            "time({}) / time({}) at {:.1}x the lines: parse {:.2}, check {:.2}, compile {:.2}",
            b.lines,
            a.lines,
            lines,
            growth(a.parse, b.parse),
            growth(a.check, b.check),
            growth(a.compile, b.compile),
        );
        let rate = per_sec(b.lines, b.compile);
        let g = growth(a.compile, b.compile);
        println!(
            "targets: compile >= {:.0} lines/s at {} lines: {} ({:.0}); growth <= {:.0}: {} ({:.2})",
            TARGET_LINES_PER_SEC,
            b.lines,
            if rate >= TARGET_LINES_PER_SEC { "met" } else { "MISSED" },
            rate,
            TARGET_GROWTH,
            if g <= TARGET_GROWTH { "met" } else { "MISSED" },
            g
        );
    }
}
