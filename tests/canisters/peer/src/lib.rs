//! `peer`: inter-canister calls, cycles transfer, the management canister,
//! composite queries, ic-cdk-timers and HTTP outcalls.

use candid::{CandidType, Deserialize, Principal};
use ic_cdk::api;
use ic_cdk::call::{Call, CallFailed};
use std::cell::Cell;
use std::time::Duration;

thread_local! {
    static COUNTER: Cell<u64> = const { Cell::new(0) };
    static TIMER_HITS: Cell<u64> = const { Cell::new(0) };
}

#[derive(CandidType, Deserialize, Debug)]
pub enum CallOutcome {
    Ok(Vec<u8>),
    Reject { code: u32, message: String },
    Failed(String),
}

#[ic_cdk::update]
async fn call_raw(target: Principal, method: String, arg: Vec<u8>, cycles: u128) -> CallOutcome {
    match Call::unbounded_wait(target, &method)
        .with_raw_args(&arg)
        .with_cycles(cycles)
        .await
    {
        Ok(r) => CallOutcome::Ok(r.into_bytes()),
        Err(CallFailed::CallRejected(r)) => CallOutcome::Reject {
            code: r.raw_reject_code(),
            message: r.reject_message().to_string(),
        },
        Err(e) => CallOutcome::Failed(e.to_string()),
    }
}

#[ic_cdk::update]
async fn greet_via(target: Principal, name: String) -> String {
    let r = Call::unbounded_wait(target, "greet")
        .with_arg(name)
        .await
        .expect("call failed");
    let s: String = r.candid().expect("bad reply");
    format!("{s} (via peer)")
}

#[ic_cdk::query(composite = true)]
async fn cq_greet(target: Principal, name: String) -> String {
    let r = Call::unbounded_wait(target, "greet")
        .with_arg(name)
        .await
        .expect("call failed");
    let s: String = r.candid().expect("bad reply");
    format!("{s} (composite)")
}

#[ic_cdk::update]
fn accept_half() -> u128 {
    let available = api::msg_cycles_available();
    api::msg_cycles_accept(available / 2)
}

/// (what the callee reported accepting, what came back to us)
#[ic_cdk::update]
async fn send_cycles(target: Principal, amount: u128) -> (u128, u128) {
    let r = Call::unbounded_wait(target, "accept_half")
        .with_cycles(amount)
        .await
        .expect("call failed");
    (r.candid().expect("bad reply"), api::msg_cycles_refunded())
}

#[ic_cdk::query]
fn balance() -> u128 {
    api::canister_cycle_balance()
}

/// Increments, awaits a call, increments again, then traps: the first
/// increment was committed at the await, the second is rolled back.
#[ic_cdk::update]
async fn inc_call_trap(target: Principal) {
    COUNTER.set(COUNTER.get() + 1);
    let _ = Call::unbounded_wait(target, "greet").with_arg("x").await;
    COUNTER.set(COUNTER.get() + 10);
    api::trap("trap after await");
}

#[ic_cdk::query]
fn counter() -> u64 {
    COUNTER.get()
}

#[ic_cdk::update]
async fn raw_rand() -> Vec<u8> {
    Call::unbounded_wait(Principal::management_canister(), "raw_rand")
        .await
        .expect("raw_rand failed")
        .candid()
        .expect("bad raw_rand reply")
}

#[derive(CandidType, Deserialize)]
struct Settings {
    controllers: Option<Vec<Principal>>,
}

#[derive(CandidType, Deserialize)]
struct CreateArgs {
    settings: Option<Settings>,
}

#[derive(CandidType, Deserialize)]
struct CanisterIdRecord {
    canister_id: Principal,
}

#[ic_cdk::update]
async fn create_child(cycles: u128) -> Principal {
    let r: CanisterIdRecord = Call::unbounded_wait(Principal::management_canister(), "create_canister")
        .with_arg(CreateArgs { settings: None })
        .with_cycles(cycles)
        .await
        .expect("create_canister failed")
        .candid()
        .expect("bad reply");
    r.canister_id
}

#[ic_cdk::update]
fn start_timer(delay_nanos: u64) {
    ic_cdk_timers::set_timer(Duration::from_nanos(delay_nanos), async {
        TIMER_HITS.set(TIMER_HITS.get() + 1);
    });
}

#[ic_cdk::query]
fn timer_hits() -> u64 {
    TIMER_HITS.get()
}

#[derive(CandidType, Deserialize, Clone, Debug)]
pub struct HttpHeader {
    pub name: String,
    pub value: String,
}

#[derive(CandidType, Deserialize, Clone, Debug)]
pub struct HttpResult {
    pub status: candid::Nat,
    pub headers: Vec<HttpHeader>,
    pub body: Vec<u8>,
}

#[derive(CandidType, Deserialize, Clone, Debug)]
pub struct TransformArgs {
    pub response: HttpResult,
    pub context: Vec<u8>,
}

candid::define_function!(pub TransformFunc : (TransformArgs) -> (HttpResult) query);

#[derive(CandidType, Deserialize, Clone, Debug)]
pub struct TransformContext {
    pub function: TransformFunc,
    pub context: Vec<u8>,
}

#[derive(CandidType, Deserialize, Clone, Debug)]
#[allow(non_camel_case_types)]
pub enum HttpMethod {
    get,
    head,
    post,
}

#[derive(CandidType, Deserialize, Clone, Debug)]
pub struct HttpRequestArgs {
    pub url: String,
    pub max_response_bytes: Option<u64>,
    pub method: HttpMethod,
    pub headers: Vec<HttpHeader>,
    pub body: Option<Vec<u8>>,
    pub transform: Option<TransformContext>,
}

/// GET `url` with a transform that upper-cases the body and appends the
/// context to it; returns (status, body).
#[ic_cdk::update]
async fn fetch(url: String) -> (u64, String) {
    let args = HttpRequestArgs {
        url,
        max_response_bytes: None,
        method: HttpMethod::get,
        headers: vec![HttpHeader {
            name: "accept".into(),
            value: "text/plain".into(),
        }],
        body: None,
        transform: Some(TransformContext {
            function: TransformFunc(candid::Func {
                principal: api::canister_self(),
                method: "transform".into(),
            }),
            context: b"!ctx".to_vec(),
        }),
    };
    let r: HttpResult = Call::unbounded_wait(Principal::management_canister(), "http_request")
        .with_arg(args)
        .with_cycles(1_000_000_000)
        .await
        .expect("http_request failed")
        .candid()
        .expect("bad http reply");
    let status: u64 = r.status.0.try_into().unwrap_or(0);
    (status, String::from_utf8_lossy(&r.body).into_owned())
}

#[ic_cdk::query]
fn transform(args: TransformArgs) -> HttpResult {
    let mut body = String::from_utf8_lossy(&args.response.body).to_uppercase();
    body.push_str(&String::from_utf8_lossy(&args.context));
    HttpResult {
        status: args.response.status,
        headers: vec![],
        body: body.into_bytes(),
    }
}
