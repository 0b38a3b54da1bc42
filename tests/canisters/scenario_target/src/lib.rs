//! `scenario_target`: a small canister for replica-lite's scenario-script
//! tests: a heap counter (wiped by upgrades), a greeting set by the init or
//! upgrade argument, echo methods for records, variants and blobs, the
//! caller, the time and a method that traps.

use candid::{CandidType, Deserialize, Principal};
use std::cell::{Cell, RefCell};

thread_local! {
    static COUNTER: Cell<u64> = const { Cell::new(0) };
    static GREETING: RefCell<String> = RefCell::new(String::from("Hello"));
}

const DID: &[u8] = include_bytes!("../scenario_target.did");

/// The Candid interface, as the `candid:service` metadata section.
#[unsafe(link_section = "icp:public candid:service")]
#[used]
static CANDID_SERVICE: [u8; DID.len()] = *include_bytes!("../scenario_target.did");

#[derive(CandidType, Deserialize, Clone)]
struct Person {
    name: String,
    age: u8,
    tags: Vec<String>,
    nickname: Option<String>,
}

#[derive(CandidType, Deserialize, Clone)]
enum Shape {
    #[serde(rename = "circle")]
    Circle(f64),
    #[serde(rename = "square")]
    Square { side: u32 },
    #[serde(rename = "dot")]
    Dot,
}

fn set_greeting(arg: Option<String>) {
    if let Some(g) = arg {
        GREETING.with(|s| *s.borrow_mut() = g);
    }
}

#[ic_cdk::init]
fn init(greeting: Option<String>) {
    set_greeting(greeting);
}

#[ic_cdk::post_upgrade]
fn post_upgrade(greeting: Option<String>) {
    set_greeting(greeting);
}

#[ic_cdk::update]
fn inc() -> u64 {
    COUNTER.set(COUNTER.get() + 1);
    COUNTER.get()
}

#[ic_cdk::update]
fn add(n: u64) -> u64 {
    COUNTER.set(COUNTER.get() + n);
    COUNTER.get()
}

#[ic_cdk::query]
fn get() -> u64 {
    COUNTER.get()
}

#[ic_cdk::query]
fn greet(name: String) -> String {
    GREETING.with(|g| format!("{}, {name}!", g.borrow()))
}

#[ic_cdk::query]
fn echo_person(p: Person) -> Person {
    p
}

#[ic_cdk::query]
fn echo_shape(s: Shape) -> Shape {
    s
}

#[ic_cdk::query]
fn echo_blob(b: Vec<u8>) -> Vec<u8> {
    b
}

#[ic_cdk::query]
fn pair() -> (u64, String) {
    (COUNTER.get(), String::from("pair"))
}

#[ic_cdk::query]
fn nothing() {}

#[ic_cdk::query]
fn whoami() -> Principal {
    ic_cdk::api::msg_caller()
}

#[ic_cdk::query]
fn now() -> u64 {
    ic_cdk::api::time()
}

#[ic_cdk::update]
fn boom(message: String) {
    COUNTER.set(COUNTER.get() + 100);
    ic_cdk::api::debug_print(format!("about to trap: {message}"));
    ic_cdk::trap(format!("boom: {message}"));
}
