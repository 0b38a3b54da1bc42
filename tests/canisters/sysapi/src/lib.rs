//! `sysapi`: exercises the System API surface of replica-lite one call at a
//! time (arguments, replies, rejects, traps, stable memory, upgrades, timers,
//! heartbeat, inspect_message, cycles, the instruction counter).

use candid::Principal;
use ic_cdk::api;
use std::cell::{Cell, RefCell};

thread_local! {
    static COUNTER: Cell<u64> = const { Cell::new(0) };
    static INIT_ARG: RefCell<Option<String>> = const { RefCell::new(None) };
    static POST_UPGRADE_ARG: RefCell<Option<String>> = const { RefCell::new(None) };
    static RESTORED: Cell<Option<u64>> = const { Cell::new(None) };
    static HEARTBEATS: Cell<u64> = const { Cell::new(0) };
    static TIMER: Cell<(u64, u64)> = const { Cell::new((0, 0)) };
    static PRE_UPGRADE_RUNS: Cell<u64> = const { Cell::new(0) };
    static BALLAST: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// The Candid service of this canister, as a custom section.
#[unsafe(link_section = "icp:public candid:service")]
#[used]
static CANDID_SERVICE: [u8; 40] = *b"service : { get : () -> (nat64) query }\n";

fn ensure_stable(bytes_needed: u64) {
    let pages_needed = bytes_needed.div_ceil(65536);
    let have = api::stable_size();
    if have < pages_needed {
        api::stable_grow(pages_needed - have);
    }
}

#[ic_cdk::init]
fn init(arg: Option<String>) {
    api::debug_print(format!("init ran with {arg:?}"));
    INIT_ARG.with(|a| *a.borrow_mut() = arg);
}

#[ic_cdk::pre_upgrade]
fn pre_upgrade() {
    PRE_UPGRADE_RUNS.set(PRE_UPGRADE_RUNS.get() + 1);
    ensure_stable(8);
    api::stable_write(0, &COUNTER.get().to_le_bytes());
    api::debug_print("pre_upgrade ran");
}

#[ic_cdk::post_upgrade]
fn post_upgrade(arg: Option<String>) {
    if arg.as_deref() == Some("trap") {
        api::trap("post_upgrade refused");
    }
    let mut buf = [0u8; 8];
    api::stable_read(0, &mut buf);
    RESTORED.set(Some(u64::from_le_bytes(buf)));
    POST_UPGRADE_ARG.with(|a| *a.borrow_mut() = arg);
}

#[ic_cdk::query]
fn init_arg() -> Option<String> {
    INIT_ARG.with(|a| a.borrow().clone())
}

/// How often pre_upgrade ran on this heap (a failed upgrade undoes it).
#[ic_cdk::query]
fn pre_upgrade_runs() -> u64 {
    PRE_UPGRADE_RUNS.get()
}

#[ic_cdk::query]
fn upgrade_info() -> (Option<u64>, Option<String>) {
    (RESTORED.get(), POST_UPGRADE_ARG.with(|a| a.borrow().clone()))
}

#[ic_cdk::update]
fn inc() -> u64 {
    COUNTER.set(COUNTER.get() + 1);
    COUNTER.get()
}

#[ic_cdk::query]
fn get() -> u64 {
    COUNTER.get()
}

#[ic_cdk::query]
fn inc_query() -> u64 {
    COUNTER.set(COUNTER.get() + 1);
    COUNTER.get()
}

/// Changes heap (counter, a 2 MiB ballast that grows Wasm memory), stable
/// memory and the timer, then traps: all of it must be rolled back.
#[ic_cdk::update]
fn inc_then_trap(msg: String) {
    COUNTER.set(COUNTER.get() + 1);
    BALLAST.with(|b| b.borrow_mut().extend(std::iter::repeat_n(7u8, 2 << 20)));
    ensure_stable(65536 * 3);
    api::stable_write(100, b"rolled back?");
    api::global_timer_set(123);
    api::trap(msg);
}

#[ic_cdk::query]
fn ballast_len() -> u64 {
    BALLAST.with(|b| b.borrow().len() as u64)
}

#[ic_cdk::update]
fn stable_put(offset: u64, data: Vec<u8>) {
    ensure_stable(offset + data.len() as u64);
    api::stable_write(offset, &data);
}

#[ic_cdk::query]
fn stable_get(offset: u64, len: u64) -> Vec<u8> {
    let mut buf = vec![0u8; len as usize];
    api::stable_read(offset, &mut buf);
    buf
}

#[ic_cdk::query]
fn stable_pages() -> u64 {
    api::stable_size()
}

#[ic_cdk::query]
fn echo(data: Vec<u8>) -> Vec<u8> {
    data
}

#[ic_cdk::query]
fn greet(name: String) -> String {
    format!("Hello, {name}!")
}

#[ic_cdk::update(manual_reply = true)]
fn reject_me(msg: String) {
    api::msg_reject(msg);
}

#[ic_cdk::update(manual_reply = true)]
fn reply_twice() {
    api::msg_reply(candid::encode_one(1u8).unwrap());
    api::msg_reply(candid::encode_one(2u8).unwrap());
}

#[ic_cdk::query]
fn whoami() -> Principal {
    api::msg_caller()
}

#[ic_cdk::query]
fn self_id() -> Principal {
    api::canister_self()
}

#[ic_cdk::query]
fn now() -> u64 {
    api::time()
}

#[ic_cdk::query]
fn is_ctrl(p: Principal) -> bool {
    api::is_controller(&p)
}

#[ic_cdk::query]
fn version() -> u64 {
    api::canister_version()
}

#[ic_cdk::update]
fn set_timer_at(ts: u64) -> u64 {
    api::global_timer_set(ts)
}

#[unsafe(export_name = "canister_global_timer")]
extern "C" fn global_timer() {
    let (n, _) = TIMER.get();
    TIMER.set((n + 1, api::time()));
}

/// (times fired, time of the last firing)
#[ic_cdk::query]
fn timer_fired() -> (u64, u64) {
    TIMER.get()
}

#[ic_cdk::heartbeat]
fn heartbeat() {
    HEARTBEATS.set(HEARTBEATS.get() + 1);
}

#[ic_cdk::query]
fn heartbeats() -> u64 {
    HEARTBEATS.get()
}

#[ic_cdk::inspect_message]
fn inspect_message() {
    if api::msg_method_name() != "forbidden" {
        api::accept_message();
    }
}

#[ic_cdk::update]
fn forbidden() -> u64 {
    42
}

/// (cycles available, cycles accepted)
#[ic_cdk::update]
fn accept_cycles(max: u128) -> (u128, u128) {
    let available = api::msg_cycles_available();
    (available, api::msg_cycles_accept(max))
}

#[ic_cdk::query]
fn balance() -> u128 {
    api::canister_cycle_balance()
}

fn mix(n: u64) -> u64 {
    let mut x = 0x9e37_79b9_7f4a_7c15u64;
    for i in 0..n {
        x = std::hint::black_box(x.rotate_left(5) ^ i).wrapping_mul(31);
    }
    x
}

/// (counter before, counter after, counter after a second loop)
#[ic_cdk::update]
fn perf(n: u64) -> (u64, u64, u64) {
    let a = api::performance_counter(0);
    std::hint::black_box(mix(n));
    let b = api::performance_counter(0);
    std::hint::black_box(mix(n));
    (a, b, api::performance_counter(0))
}

#[ic_cdk::update]
fn spin(n: u64) -> u64 {
    mix(n)
}

#[ic_cdk::query]
fn spin_query(n: u64) -> u64 {
    mix(n)
}

#[ic_cdk::update]
fn log(msg: String) {
    api::debug_print(msg);
}

#[ic_cdk::update]
fn certify(data: Vec<u8>) {
    api::certified_data_set(data);
}

#[ic_cdk::query]
fn certificate_present() -> bool {
    api::data_certificate().is_some()
}

#[ic_cdk::query]
fn replicated() -> bool {
    api::in_replicated_execution()
}
