//! What exceptions cost (DESIGN.md, principle 5): the same loop over 1,000
//! `int()` and `//` operations, in a function no `try` reaches (its errors
//! trap where they happen) and in one a `try` reaches (it returns
//! `Result`s its caller inspects), measured side by side in one
//! replica-lite run of the canister built from `benches/exceptions/main.py`.
//!
//! Run with `cargo bench -p kybra-aot --bench exceptions`. Exits non-zero if
//! the answers are wrong or the `try` path costs more than 1.25x the
//! trapping one.

#[path = "../transpiler/tests/common/mod.rs"]
mod build_common;
#[path = "../replica-lite/tests/common/mod.rs"]
mod replica_common;

use candid::{Decode, Encode, Int};
use replica_lite::{InstallMode, Replica};

const CYCLES: u128 = 10_000_000_000_000;
const N: u32 = 1_000;

fn run() -> Result<(), String> {
    let entry = build_common::repo_root().join("benches/exceptions/main.py");
    let opts =
        build_common::build_options("exceptions", &entry, &build_common::out_dir("exceptions"));
    let built = kybra_aot::build::build(&opts, &mut |_| {}).map_err(|e| e.to_string())?;
    let wasm = std::fs::read(&built.wasm).map_err(|e| e.to_string())?;
    let mut replica = Replica::new(replica_common::config());
    let user = replica_common::user();
    let id = replica.create_canister(vec![user], CYCLES);
    replica
        .install_code(
            id,
            InstallMode::Install,
            &wasm,
            &replica_common::none_arg(),
            user,
        )
        .map_err(|e| format!("install failed: {e}"))?;
    let arg = Encode!(&N).map_err(|e| e.to_string())?;
    let mut call = |method: &str| -> Result<(Int, u64), String> {
        let r = replica.query_call(id, method, &arg, user);
        let reply = r.outcome.map_err(|e| format!("{method} rejected: {e:?}"))?;
        Ok((
            Decode!(&reply, Int).map_err(|e| e.to_string())?,
            r.instructions,
        ))
    };
    let (plain, plain_cost) = call("plain")?;
    let (caught, caught_cost) = call("caught")?;
    let (raising, raising_cost) = call("caught_raising")?;
    let want = Int::from((0..N as u64).map(|i| i * 7 / 3).sum::<u64>());
    if plain != want || caught != plain || raising != -1 {
        return Err(format!(
            "wrong answers: {plain} {caught} {raising} (expected {want}, {want}, -1)"
        ));
    }
    println!("instructions per call (replica-lite meter), {N} int() and // each");
    println!("{:<44} {:>12} {:>7}", "workload", "instructions", "ratio");
    let rows = [
        ("no try reaches it (traps, or_raise)", plain_cost),
        ("called inside a try (Result)", caught_cost),
        ("inside a try, last item raises ValueError", raising_cost),
    ];
    for (name, cost) in rows {
        let ratio = cost as f64 / plain_cost as f64;
        println!("{name:<44} {cost:>12} {ratio:>7.3}");
    }
    let ratio = caught_cost as f64 / plain_cost as f64;
    if ratio > 1.25 {
        return Err(format!("the try path costs {ratio:.3}x (limit 1.25x)"));
    }
    Ok(())
}

fn main() {
    if let Err(e) = run() {
        eprintln!("exceptions: {e}");
        std::process::exit(1);
    }
}
