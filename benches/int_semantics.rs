//! Python integer semantics cost nothing where Kybra's fixed-width code was
//! already fast: instructions of the counter's `increment` and of a loop
//! summing 10,000 `nat64` values, in the canister kybra-aot generates from
//! `benches/int_semantics/main.py` and in `tests/canisters/int_baseline` (the
//! code generated for the same source before fixed-width integers became
//! Python ints), measured side by side in one replica-lite run.
//!
//! Run with `cargo bench -p kybra-aot --bench int_semantics`. Exits non-zero
//! if the canisters answer differently or the generated one costs more than
//! 5% above the baseline.

#[path = "../transpiler/tests/common/mod.rs"]
mod build_common;
#[path = "../replica-lite/tests/common/mod.rs"]
mod replica_common;

use candid::{Decode, Encode};
use replica_lite::{InstallMode, Principal, Replica};

const CYCLES: u128 = 10_000_000_000_000;
const SUM_N: u64 = 10_000;
const INCREMENTS: usize = 10;

struct Costs {
    increment: u64,
    sum: u64,
    answers: Vec<u64>,
}

fn measure(replica: &mut Replica, wasm: &[u8]) -> Result<Costs, String> {
    let user = replica_common::user();
    let id: Principal = replica.create_canister(vec![user], CYCLES);
    replica
        .install_code(
            id,
            InstallMode::Install,
            wasm,
            &replica_common::none_arg(),
            user,
        )
        .map_err(|e| format!("install failed: {e}"))?;
    let mut answers = Vec::new();
    let mut increment = 0;
    for _ in 0..INCREMENTS {
        let r = replica.update_call(
            id,
            "increment",
            &Encode!().map_err(|e| e.to_string())?,
            user,
        );
        let reply = r
            .outcome
            .map_err(|e| format!("increment rejected: {e:?}"))?;
        answers.push(Decode!(&reply, u64).map_err(|e| e.to_string())?);
        increment = r.instructions;
    }
    let arg = Encode!(&SUM_N).map_err(|e| e.to_string())?;
    let r = replica.query_call(id, "sum_values", &arg, user);
    let reply = r
        .outcome
        .map_err(|e| format!("sum_values rejected: {e:?}"))?;
    answers.push(Decode!(&reply, u64).map_err(|e| e.to_string())?);
    Ok(Costs {
        increment,
        sum: r.instructions,
        answers,
    })
}

fn run() -> Result<(), String> {
    let entry = build_common::repo_root().join("benches/int_semantics/main.py");
    let opts = build_common::build_options(
        "int_semantics",
        &entry,
        &build_common::out_dir("int_semantics"),
    );
    let built = kybra_aot::build::build(&opts, &mut |_| {}).map_err(|e| e.to_string())?;
    let generated = std::fs::read(&built.wasm).map_err(|e| e.to_string())?;
    let baseline = replica_common::wasm("int_baseline");
    let mut replica = Replica::new(replica_common::config());
    let new = measure(&mut replica, &generated)?;
    let old = measure(&mut replica, &baseline)?;
    if new.answers != old.answers {
        return Err(format!(
            "the canisters disagree: {:?} vs {:?}",
            new.answers, old.answers
        ));
    }
    println!("instructions per call (replica-lite meter)");
    println!(
        "{:<28} {:>12} {:>12} {:>7}",
        "workload", "kybra-aot", "baseline", "ratio"
    );
    let mut worst: f64 = 0.0;
    for (name, a, b) in [
        ("counter increment", new.increment, old.increment),
        ("sum of 10,000 nat64", new.sum, old.sum),
    ] {
        let ratio = a as f64 / b as f64;
        worst = worst.max(ratio);
        println!("{name:<28} {a:>12} {b:>12} {ratio:>7.3}");
    }
    if worst > 1.05 {
        return Err(format!(
            "kybra-aot costs {worst:.3}x the baseline (limit 1.05x)"
        ));
    }
    Ok(())
}

fn main() {
    if let Err(e) = run() {
        eprintln!("int_semantics: {e}");
        std::process::exit(1);
    }
}
