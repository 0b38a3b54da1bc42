//! Inter-canister calls, cycles, the management canister, composite
//! queries, ic-cdk-timers and HTTP outcalls, driven through the `peer` and
//! `sysapi` test canisters; import validation with hand-written modules.

mod common;

use candid::{CandidType, Deserialize, Principal};
use common::*;
use replica_lite::{HttpResponse, InstallMode, RejectCode, Replica, ReplicaConfig};
use std::cell::RefCell;
use std::rc::Rc;

#[derive(CandidType, Deserialize, Debug, PartialEq)]
enum CallOutcome {
    Ok(Vec<u8>),
    Reject { code: u32, message: String },
    Failed(String),
}

fn call_raw(
    r: &mut Replica,
    peer: Principal,
    target: Principal,
    method: &str,
    arg: Vec<u8>,
) -> CallOutcome {
    let (o,): (CallOutcome,) = update(
        r,
        peer,
        "call_raw",
        (target, method.to_string(), arg, 0u128),
    );
    o
}

fn setup() -> (Replica, Principal, Principal) {
    let mut r = replica();
    let peer = install(&mut r, "peer", &[]);
    let sys = install(&mut r, "sysapi", &none_arg());
    (r, peer, sys)
}

#[test]
fn call_and_reply() {
    let (mut r, peer, sys) = setup();
    let res = r.update_call(
        peer,
        "greet_via",
        &candid::encode_args((sys, "Bob")).unwrap(),
        user(),
    );
    assert!(res.instructions > 0);
    let (s,): (String,) = decode(res);
    assert_eq!(s, "Hello, Bob! (via peer)");
    // The callee sees the calling canister as its caller.
    let o = call_raw(
        &mut r,
        peer,
        sys,
        "whoami",
        candid::encode_args(()).unwrap(),
    );
    assert_eq!(o, CallOutcome::Ok(candid::encode_one(peer).unwrap()));
}

#[test]
fn call_rejects_carry_codes() {
    let (mut r, peer, sys) = setup();
    let o = call_raw(
        &mut r,
        peer,
        sys,
        "reject_me",
        candid::encode_one("no").unwrap(),
    );
    assert_eq!(
        o,
        CallOutcome::Reject {
            code: 4,
            message: "no".into()
        }
    );

    let ghost = replica_lite::canister_id_from_index(7);
    match call_raw(&mut r, peer, ghost, "x", vec![]) {
        CallOutcome::Reject { code, message } => {
            assert_eq!(code, 3);
            assert_eq!(message, format!("Canister {ghost} not found"));
        }
        o => panic!("{o:?}"),
    }
    let o = call_raw(&mut r, peer, sys, "nope", vec![]);
    assert_eq!(
        o,
        CallOutcome::Reject {
            code: 5,
            message: format!("Canister {sys} has no update method 'nope'")
        }
    );
    let o = call_raw(
        &mut r,
        peer,
        sys,
        "inc_then_trap",
        candid::encode_one("bad").unwrap(),
    );
    assert_eq!(
        o,
        CallOutcome::Reject {
            code: 5,
            message: format!("Canister {sys} trapped explicitly: bad")
        }
    );
    r.stop_canister(sys, user()).unwrap();
    let o = call_raw(&mut r, peer, sys, "inc", candid::encode_args(()).unwrap());
    assert_eq!(
        o,
        CallOutcome::Reject {
            code: 5,
            message: format!("Canister {sys} is stopped")
        }
    );
}

#[test]
fn trap_after_await_keeps_state_committed_before_it() {
    let (mut r, peer, sys) = setup();
    let e = update_err(&mut r, peer, "inc_call_trap", (sys,));
    assert_eq!(e.code, RejectCode::CanisterError);
    assert_eq!(
        e.message,
        format!("Canister {peer} trapped explicitly: trap after await")
    );
    let (n,): (u64,) = query(&mut r, peer, "counter", ());
    assert_eq!(n, 1);
}

#[test]
fn cycles_move_with_calls_and_refunds() {
    let mut r = replica();
    let a = install(&mut r, "peer", &[]);
    let b = install(&mut r, "peer", &[]);
    let before_a = r.cycles_balance(a).unwrap();
    let before_b = r.cycles_balance(b).unwrap();
    let got: (u128, u128) = update(&mut r, a, "send_cycles", (b, 1_000_000u128));
    assert_eq!(got, (500_000, 500_000));
    assert_eq!(r.cycles_balance(a).unwrap(), before_a - 500_000);
    assert_eq!(r.cycles_balance(b).unwrap(), before_b + 500_000);
    // Sending more than the balance fails before the call is made.
    let e = update_err(&mut r, a, "send_cycles", (b, u128::MAX / 2));
    assert_eq!(e.code, RejectCode::CanisterError);
    assert!(
        e.message.contains("InsufficientLiquidCycleBalance"),
        "{}",
        e.message
    );
    assert_eq!(r.cycles_balance(a).unwrap(), before_a - 500_000);
}

#[test]
fn composite_query_calls_queries_and_discards() {
    let (mut r, peer, sys) = setup();
    let res = r.query_call(
        peer,
        "cq_greet",
        &candid::encode_args((sys, "Q")).unwrap(),
        user(),
    );
    assert!(res.instructions > 0);
    let (s,): (String,) = decode(res);
    assert_eq!(s, "Hello, Q! (composite)");
    let e = update_err(&mut r, peer, "cq_greet", (sys, "Q"));
    assert_eq!(
        e.message,
        format!("Canister {peer} has no update method 'cq_greet'")
    );
    // Composite queries cannot reach update methods.
    let (_,): (u64,) = update(&mut r, sys, "inc", ());
    let (n,): (u64,) = query(&mut r, sys, "get", ());
    assert_eq!(n, 1);
}

#[test]
fn ic_cdk_timers_fire_via_self_calls() {
    let (mut r, peer, _) = setup();
    let () = update(&mut r, peer, "start_timer", (1_000_000u64,));
    r.advance_time(999_999);
    let (n,): (u64,) = query(&mut r, peer, "timer_hits", ());
    assert_eq!(n, 0);
    r.advance_time(1);
    let (n,): (u64,) = query(&mut r, peer, "timer_hits", ());
    assert_eq!(n, 1);
    r.advance_time(10_000_000);
    let (n,): (u64,) = query(&mut r, peer, "timer_hits", ());
    assert_eq!(n, 1);
}

fn raw_rand(r: &mut Replica) -> Vec<u8> {
    let res = r.update_call(
        Principal::management_canister(),
        "raw_rand",
        &candid::encode_args(()).unwrap(),
        user(),
    );
    let (b,): (Vec<u8>,) = decode(res);
    b
}

#[test]
fn raw_rand_is_deterministic_per_seed() {
    let mut a = Replica::new(ReplicaConfig {
        seed: 7,
        ..config()
    });
    let mut b = Replica::new(ReplicaConfig {
        seed: 7,
        ..config()
    });
    let mut c = Replica::new(ReplicaConfig {
        seed: 8,
        ..config()
    });
    let a1 = raw_rand(&mut a);
    let a2 = raw_rand(&mut a);
    assert_eq!(a1.len(), 32);
    assert_ne!(a1, a2);
    assert_eq!(raw_rand(&mut b), a1);
    assert_eq!(raw_rand(&mut b), a2);
    assert_ne!(raw_rand(&mut c), a1);
    // From a canister too.
    let peer = install(&mut a, "peer", &[]);
    let (x,): (Vec<u8>,) = update(&mut a, peer, "raw_rand", ());
    assert_eq!(x.len(), 32);
    assert_ne!(x, a1);
    assert_ne!(x, a2);
}

#[derive(CandidType, Deserialize)]
struct CanisterIdRecord {
    canister_id: Principal,
}

#[derive(CandidType, Deserialize, Debug)]
#[allow(non_camel_case_types)]
enum Status {
    running,
    stopping,
    stopped,
}

#[derive(CandidType, Deserialize, Debug)]
struct Settings {
    controllers: Vec<Principal>,
}

#[derive(CandidType, Deserialize, Debug)]
struct StatusResult {
    status: Status,
    settings: Settings,
    module_hash: Option<Vec<u8>>,
    cycles: candid::Nat,
}

#[derive(CandidType)]
#[allow(non_camel_case_types)]
enum Mode {
    install,
}

#[derive(CandidType)]
struct InstallArgs {
    mode: Mode,
    canister_id: Principal,
    wasm_module: Vec<u8>,
    arg: Vec<u8>,
}

fn mgmt<A: candid::utils::ArgumentEncoder>(
    r: &mut Replica,
    method: &str,
    a: A,
) -> Result<Vec<u8>, replica_lite::Reject> {
    r.update_call(
        Principal::management_canister(),
        method,
        &candid::encode_args(a).unwrap(),
        user(),
    )
    .outcome
}

#[test]
fn management_lifecycle_from_ingress() {
    let mut r = replica();
    #[derive(CandidType)]
    struct Create {
        settings: Option<()>,
    }
    let bytes = mgmt(&mut r, "create_canister", (Create { settings: None },)).unwrap();
    let rec = candid::decode_one::<CanisterIdRecord>(&bytes).unwrap();
    let id = rec.canister_id;
    assert_eq!(r.controllers(id), Some(vec![user()]));
    let wasm = wasm("sysapi");
    mgmt(
        &mut r,
        "install_code",
        (InstallArgs {
            mode: Mode::install,
            canister_id: id,
            wasm_module: wasm.clone(),
            arg: none_arg(),
        },),
    )
    .unwrap();
    let (s,): (String,) = query(&mut r, id, "greet", ("mgmt",));
    assert_eq!(s, "Hello, mgmt!");
    let st = candid::decode_one::<StatusResult>(
        &mgmt(
            &mut r,
            "canister_status",
            (CanisterIdRecord { canister_id: id },),
        )
        .unwrap(),
    )
    .unwrap();
    assert!(matches!(st.status, Status::running));
    assert_eq!(st.settings.controllers, vec![user()]);
    use sha2::Digest;
    assert_eq!(st.module_hash, Some(sha2::Sha256::digest(&wasm).to_vec()));
    assert_eq!(
        st.cycles,
        candid::Nat::from(replica_lite::DEFAULT_PROVISIONAL_CYCLES)
    );
    // Only controllers may ask.
    let e = r
        .update_call(
            Principal::management_canister(),
            "canister_status",
            &candid::encode_one(CanisterIdRecord { canister_id: id }).unwrap(),
            other_user(),
        )
        .outcome
        .unwrap_err();
    assert_eq!(e.code, RejectCode::CanisterError);
    mgmt(
        &mut r,
        "stop_canister",
        (CanisterIdRecord { canister_id: id },),
    )
    .unwrap();
    let st = candid::decode_one::<StatusResult>(
        &mgmt(
            &mut r,
            "canister_status",
            (CanisterIdRecord { canister_id: id },),
        )
        .unwrap(),
    )
    .unwrap();
    assert!(matches!(st.status, Status::stopped));
    mgmt(
        &mut r,
        "delete_canister",
        (CanisterIdRecord { canister_id: id },),
    )
    .unwrap();
    assert!(!r.canister_exists(id));
    let e = mgmt(&mut r, "no_such_method", ()).unwrap_err();
    assert_eq!(e.code, RejectCode::CanisterReject);
    let e = mgmt(&mut r, "canister_status", (42u8,)).unwrap_err();
    assert!(e.message.contains("canister_status"), "{}", e.message);
}

#[test]
fn management_from_a_canister_creates_children() {
    let mut r = replica();
    let peer = install(&mut r, "peer", &[]);
    let before = r.cycles_balance(peer).unwrap();
    let (child,): (Principal,) = update(&mut r, peer, "create_child", (1_000_000_000_000u128,));
    assert!(r.canister_exists(child));
    assert_eq!(r.controllers(child), Some(vec![peer]));
    assert_eq!(r.cycles_balance(child), Some(1_000_000_000_000));
    assert_eq!(r.cycles_balance(peer), Some(before - 1_000_000_000_000));
}

#[test]
fn http_request_goes_through_responder_and_transform() {
    let (mut r, peer, _) = setup();
    let seen = Rc::new(RefCell::new(Vec::new()));
    let seen2 = seen.clone();
    r.set_http_responder(Box::new(move |req| {
        seen2.borrow_mut().push(req.clone());
        HttpResponse {
            status: 201,
            headers: vec![("x-test".into(), "1".into())],
            body: format!("hello from {}", req.url).into_bytes(),
        }
    }));
    let (status, body): (u64, String) = update(&mut r, peer, "fetch", ("https://example.org/a",));
    assert_eq!(status, 201);
    assert_eq!(body, "HELLO FROM HTTPS://EXAMPLE.ORG/A!ctx");
    let seen = seen.borrow();
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].method, "GET");
    assert_eq!(seen[0].canister, peer);
    assert_eq!(
        seen[0].headers,
        vec![("accept".to_string(), "text/plain".to_string())]
    );
}

#[test]
fn http_request_without_responder_is_rejected() {
    let (mut r, peer, _) = setup();
    let e = update_err(&mut r, peer, "fetch", ("https://example.org",));
    // The canister's expect() traps on the reject.
    assert!(e.message.contains("No HTTP responder"), "{}", e.message);
}

#[test]
fn unknown_imports_are_rejected_at_install() {
    let mut r = replica();
    let c = r.create_canister(vec![user()], 0);
    let wasm = wat::parse_str(
        r#"(module (import "ic0" "frobnicate" (func $f)) (func (export "canister_update go") call $f))"#,
    )
    .unwrap();
    let e = r
        .install_code(c, InstallMode::Install, &wasm, &[], user())
        .unwrap_err();
    assert_eq!(e.code, RejectCode::CanisterError);
    assert!(e.message.contains("ic0.frobnicate"), "{}", e.message);
    let wasm = wat::parse_str(r#"(module (import "env" "f" (func)))"#).unwrap();
    let e = r
        .install_code(c, InstallMode::Install, &wasm, &[], user())
        .unwrap_err();
    assert!(e.message.contains("'f' from 'env'"), "{}", e.message);
    let e = r
        .install_code(c, InstallMode::Install, b"not wasm", &[], user())
        .unwrap_err();
    assert!(e.message.contains("magic"), "{}", e.message);
    // A wrong signature for a known function fails cleanly, too.
    let wasm = wat::parse_str(r#"(module (import "ic0" "msg_reply" (func (param i32))))"#).unwrap();
    let e = r
        .install_code(c, InstallMode::Install, &wasm, &[], user())
        .unwrap_err();
    assert!(e.message.contains("msg_reply"), "{}", e.message);
    // Nothing got installed.
    assert!(r.candid_service(c).is_none());
    assert!(r.module_hash(c).is_none());
}

/// A hand-written canister: start function, raw System API use, a Wasm trap,
/// a System API call from the wrong context, a module without memory.
#[test]
fn hand_written_module_semantics() {
    let mut r = replica();
    let c = r.create_canister(vec![user()], 0);
    let wasm = wat::parse_str(
        r#"(module
          (import "ic0" "msg_reply" (func $reply))
          (import "ic0" "msg_reply_data_append" (func $append (param i32 i32)))
          (import "ic0" "msg_arg_data_copy" (func $arg_copy (param i32 i32 i32)))
          (import "ic0" "msg_arg_data_size" (func $arg_size (result i32)))
          (import "ic0" "accept_message" (func $accept))
          (memory 1)
          (global $g (mut i32) (i32.const 0))
          (data (i32.const 0) "started")
          (func $start (global.set $g (i32.const 7)))
          (start $start)
          (func (export "canister_query started")
            (i32.store8 (i32.const 100) (i32.add (i32.const 48) (global.get $g)))
            (call $append (i32.const 100) (i32.const 1))
            (call $reply))
          (func (export "canister_update bump")
            (global.set $g (i32.add (global.get $g) (i32.const 1)))
            (call $reply))
          (func (export "canister_update bump_then_divide_by_zero")
            (global.set $g (i32.add (global.get $g) (i32.const 1)))
            (drop (i32.div_u (i32.const 1) (i32.const 0))))
          (func (export "canister_update echo")
            (call $arg_copy (i32.const 200) (i32.const 0) (call $arg_size))
            (call $append (i32.const 200) (call $arg_size))
            (call $reply))
          (func (export "canister_update bad_copy")
            (call $arg_copy (i32.const 65535) (i32.const 0) (i32.const 2))
            (call $reply))
          (func (export "canister_update wrong_context")
            (call $accept))
          (func (export "canister_update no_reply"))
        )"#,
    )
    .unwrap();
    r.install_code(c, InstallMode::Install, &wasm, &[], user())
        .unwrap();
    let q = |r: &mut Replica, m: &str| r.query_call(c, m, &[], user()).outcome;
    assert_eq!(q(&mut r, "started").unwrap(), b"7");
    r.update_call(c, "bump", &[], user()).outcome.unwrap();
    assert_eq!(q(&mut r, "started").unwrap(), b"8");
    let e = r
        .update_call(c, "bump_then_divide_by_zero", &[], user())
        .outcome
        .unwrap_err();
    assert_eq!(
        e.message,
        format!("Canister {c} trapped: integer division by 0")
    );
    assert_eq!(q(&mut r, "started").unwrap(), b"8", "global rolled back");
    assert_eq!(
        r.update_call(c, "echo", b"xyz", user()).outcome.unwrap(),
        b"xyz"
    );
    let e = r
        .update_call(c, "bad_copy", b"ab", user())
        .outcome
        .unwrap_err();
    assert_eq!(
        e.message,
        format!("Canister {c} trapped: heap out of bounds")
    );
    let e = r
        .update_call(c, "wrong_context", &[], user())
        .outcome
        .unwrap_err();
    assert!(
        e.message
            .contains("\"ic0_accept_message\" cannot be executed in update mode"),
        "{}",
        e.message
    );
    let e = r
        .update_call(c, "no_reply", &[], user())
        .outcome
        .unwrap_err();
    assert_eq!(e.message, format!("Canister {c} did not reply to the call"));
    // The start function ran once, at installation: not on re-instantiation
    // after a rollback.
    assert_eq!(q(&mut r, "started").unwrap(), b"8");
}
