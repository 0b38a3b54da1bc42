//! replica-lite startup and call-latency benchmark (plain `main`, no
//! criterion).
//!
//! Uses the hand-written `scenario_target` test canister (built by the shared
//! test helper into the shared canister target directory) and measures, after
//! one warm-up install that compiles the module and fills the module cache:
//!
//! 1. `Replica::new` + `create_canister` + `install_code(Install)`, N times;
//! 2. query round trips (`greet("bench")`) on one installed canister;
//! 3. the instructions of one update call (`inc()`).
//!
//! Run with `cargo bench -p replica-lite --bench replica_startup`. Exits
//! non-zero if any call is rejected or replies with an unexpected value.

#[path = "../replica-lite/tests/common/mod.rs"]
mod common;

use replica_lite::{InstallMode, Principal, Replica};
use std::time::{Duration, Instant};

const CANISTER: &str = "scenario_target";
const STARTUPS: usize = 20;
const QUERIES: usize = 1000;
const CYCLES: u128 = 10_000_000_000_000;

/// A fresh replica with the canister created and installed.
fn start(wasm: &[u8]) -> Result<(Replica, Principal), String> {
    let mut r = common::replica();
    let id = r.create_canister(vec![common::user()], CYCLES);
    r.install_code(
        id,
        InstallMode::Install,
        wasm,
        &common::none_arg(),
        common::user(),
    )
    .map_err(|e| format!("install_code failed: {e}"))?;
    Ok((r, id))
}

/// The value at quantile `q` (0..=1) of sorted `xs` (nearest rank).
fn quantile(xs: &[Duration], q: f64) -> Duration {
    if xs.is_empty() {
        return Duration::ZERO;
    }
    let rank = (q * xs.len() as f64).ceil() as usize;
    xs[rank.clamp(1, xs.len()) - 1]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn us(d: Duration) -> f64 {
    d.as_secs_f64() * 1e6
}

fn run() -> Result<(), String> {
    let wasm = common::wasm(CANISTER);

    // Warm-up: compiles the module once and fills the module cache.
    let warm = Instant::now();
    drop(start(&wasm)?);
    let warm = warm.elapsed();

    // 1. Replica::new + create_canister + install_code(Install).
    let mut startups = Vec::with_capacity(STARTUPS);
    for _ in 0..STARTUPS {
        let t = Instant::now();
        let started = start(&wasm)?;
        startups.push(t.elapsed());
        drop(started);
    }
    startups.sort();

    // 2. Query round trips on one installed canister.
    let (mut r, id) = start(&wasm)?;
    let arg = candid::encode_one("bench").map_err(|e| e.to_string())?;
    let mut queries = Vec::with_capacity(QUERIES);
    let mut query_instructions = None;
    for _ in 0..QUERIES {
        let t = Instant::now();
        let res = r.query_call(id, "greet", &arg, common::user());
        queries.push(t.elapsed());
        let bytes = res
            .outcome
            .map_err(|e| format!("query greet rejected: {e}"))?;
        let reply: String = candid::decode_one(&bytes).map_err(|e| e.to_string())?;
        if reply != "Hello, bench!" {
            return Err(format!("query greet replied {reply:?}"));
        }
        match query_instructions {
            None => query_instructions = Some(res.instructions),
            Some(n) if n != res.instructions => {
                return Err(format!(
                    "query instructions vary between calls: {n} vs {}",
                    res.instructions
                ))
            }
            Some(_) => {}
        }
    }
    queries.sort();
    let query_instructions = query_instructions.unwrap_or(0);

    // 3. One update call.
    let arg = candid::encode_args(()).map_err(|e| e.to_string())?;
    let res = r.update_call(id, "inc", &arg, common::user());
    let bytes = res
        .outcome
        .map_err(|e| format!("update inc rejected: {e}"))?;
    let count: u64 = candid::decode_one(&bytes).map_err(|e| e.to_string())?;
    if count != 1 {
        return Err(format!("update inc replied {count}, expected 1"));
    }

    println!(
        "replica-lite startup benchmark (canister `{CANISTER}`, {} bytes)",
        wasm.len()
    );
    println!("warm-up (compile + install): {:.2} ms", ms(warm));
    println!();
    println!("{:<44} {:>12} {:>12}", "measurement", "median", "max/p99");
    println!("{}", "-".repeat(70));
    println!(
        "{:<44} {:>9.3} ms {:>9.3} ms",
        format!("new+create+install (N={STARTUPS}, max)"),
        ms(quantile(&startups, 0.5)),
        ms(quantile(&startups, 1.0)),
    );
    println!(
        "{:<44} {:>9.1} us {:>9.1} us",
        format!("query greet round trip (N={QUERIES}, p99)"),
        us(quantile(&queries, 0.5)),
        us(quantile(&queries, 0.99)),
    );
    println!(
        "{:<44} {:>12}",
        "instructions per query (greet)", query_instructions
    );
    println!(
        "{:<44} {:>12}",
        "instructions per update (inc)", res.instructions
    );
    Ok(())
}

fn main() {
    if let Err(e) = run() {
        eprintln!("replica_startup: {e}");
        std::process::exit(1);
    }
}
