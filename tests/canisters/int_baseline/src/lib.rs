//! The baseline of `benches/int_semantics.rs`: the code kybra-aot generated
//! for `benches/int_semantics/main.py` before integers got Python semantics
//! (fixed-width arithmetic checked in its own type), written out by hand.
//! The benchmark compares today's generated canister with it, instruction
//! for instruction.

use runtime_lite::{FixedInt, OrRaise};
use std::cell::Cell;

thread_local! {
    static COUNT: Cell<u64> = const { Cell::new(0) };
}

#[ic_cdk::update]
fn increment() -> u64 {
    COUNT.set(COUNT.get().py_add(1).or_raise("main.py:9"));
    COUNT.get()
}

#[ic_cdk::query]
fn sum_values(n: u64) -> u64 {
    let mut total: u64 = 0;
    for i in 0..n {
        total = total.py_add(i).or_raise("main.py:16");
    }
    total
}
