//! System API and lifecycle behaviour, driven through the `sysapi` test
//! canister.

mod common;

use common::*;
use replica_lite::{InstallMode, InstructionLimits, LogKind, RejectCode};

#[test]
fn first_canister_id_matches_a_local_dfx_replica() {
    let mut r = replica();
    let a = r.create_canister(vec![user()], 0);
    let b = r.create_canister(vec![user()], 0);
    assert_eq!(a.to_text(), "bkyz2-fmaaa-aaaaa-qaaaq-cai");
    assert_eq!(b.to_text(), "bd3sg-teaaa-aaaaa-qaaba-cai");
    assert_eq!(
        replica_lite::canister_id_from_index(0).to_text(),
        "rwlgt-iiaaa-aaaaa-aaaaa-cai"
    );
}

#[test]
fn arguments_and_replies_round_trip() {
    let mut r = replica();
    let c = install(&mut r, "sysapi", &candid::encode_one(Some("hi")).unwrap());
    let (s,): (String,) = query(&mut r, c, "greet", ("Ada",));
    assert_eq!(s, "Hello, Ada!");
    // A query method called as an update (replicated query).
    let (s,): (String,) = update(&mut r, c, "greet", ("Bob",));
    assert_eq!(s, "Hello, Bob!");
    let blob: Vec<u8> = (0..=255u8).collect();
    let (back,): (Vec<u8>,) = query(&mut r, c, "echo", (blob.clone(),));
    assert_eq!(back, blob);
    let (init,): (Option<String>,) = query(&mut r, c, "init_arg", ());
    assert_eq!(init.as_deref(), Some("hi"));
    let logs = r.take_logs();
    assert!(logs.iter().any(|l| l.canister == c
        && l.kind == LogKind::DebugPrint
        && l.message == "init ran with Some(\"hi\")"));
    assert!(r.take_logs().is_empty());
}

#[test]
fn explicit_reject_has_code_4() {
    let mut r = replica();
    let c = install(&mut r, "sysapi", &none_arg());
    let e = update_err(&mut r, c, "reject_me", ("not today",));
    assert_eq!(e.code, RejectCode::CanisterReject);
    assert_eq!(e.message, "not today");
}

#[test]
fn trap_rolls_back_heap_stable_memory_and_timer() {
    let mut r = replica();
    let c = install(&mut r, "sysapi", &none_arg());
    let (n,): (u64,) = update(&mut r, c, "inc", ());
    assert_eq!(n, 1);
    let e = update_err(&mut r, c, "inc_then_trap", ("boom",));
    assert_eq!(e.code, RejectCode::CanisterError);
    assert_eq!(e.message, format!("Canister {c} trapped explicitly: boom"));
    let (n,): (u64,) = query(&mut r, c, "get", ());
    assert_eq!(n, 1, "heap change rolled back");
    let (len,): (u64,) = query(&mut r, c, "ballast_len", ());
    assert_eq!(len, 0, "grown heap rolled back");
    let (pages,): (u64,) = query(&mut r, c, "stable_pages", ());
    assert_eq!(pages, 0, "stable growth rolled back");
    assert!(r.stable_memory(c).unwrap().is_empty());
    let (prev,): (u64,) = update(&mut r, c, "set_timer_at", (0u64,));
    assert_eq!(prev, 0, "timer change rolled back");
    // The instance still works after the rollback.
    let (n,): (u64,) = update(&mut r, c, "inc", ());
    assert_eq!(n, 2);
    let logs = r.take_logs();
    assert!(logs.iter().any(|l| l.kind == LogKind::Trap
        && l.message == format!("Canister {c} trapped explicitly: boom")));
}

#[test]
fn trap_rolls_back_stable_writes_to_existing_pages() {
    let mut r = replica();
    let c = install(&mut r, "sysapi", &none_arg());
    let () = update(&mut r, c, "stable_put", (200u64, b"original".to_vec()));
    // inc_then_trap writes "rolled back?" at offset 100, overlapping nothing
    // of ours; write over our bytes with a trapping call instead.
    let e = update_err(&mut r, c, "inc_then_trap", ("x",));
    assert_eq!(e.code, RejectCode::CanisterError);
    let (b,): (Vec<u8>,) = query(&mut r, c, "stable_get", (100u64, 12u64));
    assert_eq!(b, vec![0u8; 12]);
    let (b,): (Vec<u8>,) = query(&mut r, c, "stable_get", (200u64, 8u64));
    assert_eq!(b, b"original");
    let (pages,): (u64,) = query(&mut r, c, "stable_pages", ());
    assert_eq!(pages, 1);
}

#[test]
fn queries_discard_state() {
    let mut r = replica();
    let c = install(&mut r, "sysapi", &none_arg());
    let (_,): (u64,) = update(&mut r, c, "inc", ());
    let (q,): (u64,) = query(&mut r, c, "inc_query", ());
    assert_eq!(q, 2);
    let (q,): (u64,) = query(&mut r, c, "inc_query", ());
    assert_eq!(q, 2);
    // As an update call, a query method's changes are discarded too.
    let (q,): (u64,) = update(&mut r, c, "inc_query", ());
    assert_eq!(q, 2);
    let (n,): (u64,) = query(&mut r, c, "get", ());
    assert_eq!(n, 1);
    // Update methods cannot be query-called.
    let e = r
        .query_call(c, "inc", &candid::encode_args(()).unwrap(), user())
        .outcome
        .unwrap_err();
    assert_eq!(e.code, RejectCode::CanisterError);
    assert_eq!(e.message, format!("Canister {c} has no query method 'inc'"));
}

#[test]
fn upgrade_keeps_stable_memory_and_wipes_heap() {
    let mut r = replica();
    let c = install(&mut r, "sysapi", &none_arg());
    for _ in 0..3 {
        let (_,): (u64,) = update(&mut r, c, "inc", ());
    }
    let () = update(&mut r, c, "stable_put", (100u64, b"keep".to_vec()));
    assert_eq!(r.canister_version(c), Some(1));
    r.take_logs();
    let res = r
        .install_code(
            c,
            InstallMode::Upgrade,
            &wasm("sysapi"),
            &candid::encode_one(Some("up")).unwrap(),
            user(),
        )
        .expect("upgrade succeeds");
    assert!(res.instructions > 0);
    assert!(r.take_logs().iter().any(|l| l.message == "pre_upgrade ran"));
    let (n,): (u64,) = query(&mut r, c, "get", ());
    assert_eq!(n, 0, "heap wiped");
    let info: (Option<u64>, Option<String>) = query(&mut r, c, "upgrade_info", ());
    assert_eq!(info, (Some(3), Some("up".to_string())));
    let (b,): (Vec<u8>,) = query(&mut r, c, "stable_get", (100u64, 4u64));
    assert_eq!(b, b"keep");
    let (v,): (u64,) = query(&mut r, c, "version", ());
    assert_eq!(v, 2);

    // A trapping post_upgrade rolls the whole upgrade back.
    let (_,): (u64,) = update(&mut r, c, "inc", ());
    let e = r
        .install_code(
            c,
            InstallMode::Upgrade,
            &wasm("sysapi"),
            &candid::encode_one(Some("trap")).unwrap(),
            user(),
        )
        .unwrap_err();
    assert_eq!(e.code, RejectCode::CanisterError);
    assert!(e.message.contains("post_upgrade refused"), "{}", e.message);
    let (n,): (u64,) = query(&mut r, c, "get", ());
    assert_eq!(n, 1, "old heap kept");
    let (runs,): (u64,) = query(&mut r, c, "pre_upgrade_runs", ());
    assert_eq!(runs, 0, "pre_upgrade's heap changes rolled back");
    let (b,): (Vec<u8>,) = query(&mut r, c, "stable_get", (0u64, 8u64));
    assert_eq!(
        b,
        3u64.to_le_bytes(),
        "pre_upgrade's stable write rolled back"
    );
    assert_eq!(r.canister_version(c), Some(2));
}

#[test]
fn reinstall_wipes_heap_and_stable_memory() {
    let mut r = replica();
    let c = install(&mut r, "sysapi", &none_arg());
    let (_,): (u64,) = update(&mut r, c, "inc", ());
    let () = update(&mut r, c, "stable_put", (100u64, b"gone".to_vec()));
    let e = r
        .install_code(
            c,
            InstallMode::Install,
            &wasm("sysapi"),
            &none_arg(),
            user(),
        )
        .unwrap_err();
    assert!(e.message.contains("not empty"), "{}", e.message);
    r.install_code(
        c,
        InstallMode::Reinstall,
        &wasm("sysapi"),
        &candid::encode_one(Some("again")).unwrap(),
        user(),
    )
    .unwrap();
    let (n,): (u64,) = query(&mut r, c, "get", ());
    assert_eq!(n, 0);
    let (pages,): (u64,) = query(&mut r, c, "stable_pages", ());
    assert_eq!(pages, 0);
    let (init,): (Option<String>,) = query(&mut r, c, "init_arg", ());
    assert_eq!(init.as_deref(), Some("again"));
}

#[test]
fn install_requires_a_controller() {
    let mut r = replica();
    let c = r.create_canister(vec![user()], 0);
    let e = r
        .install_code(
            c,
            InstallMode::Install,
            &wasm("sysapi"),
            &none_arg(),
            other_user(),
        )
        .unwrap_err();
    assert_eq!(e.code, RejectCode::CanisterError);
    assert!(e.message.contains("Only controllers"), "{}", e.message);
}

#[test]
fn gzipped_wasm_installs_and_candid_section_is_read() {
    use std::io::Write;
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(&wasm("sysapi")).unwrap();
    let gz = gz.finish().unwrap();
    let mut r = replica();
    let c = r.create_canister(vec![user()], 0);
    r.install_code(c, InstallMode::Install, &gz, &none_arg(), user())
        .unwrap();
    let (s,): (String,) = query(&mut r, c, "greet", ("gz",));
    assert_eq!(s, "Hello, gz!");
    assert_eq!(
        r.candid_service(c).as_deref(),
        Some("service : { get : () -> (nat64) query }\n")
    );
    use sha2::Digest;
    let hash: [u8; 32] = sha2::Sha256::digest(&gz).into();
    assert_eq!(r.module_hash(c), Some(hash));
}

#[test]
fn global_timer_fires_once_when_due() {
    let mut r = replica();
    let c = install(&mut r, "sysapi", &none_arg());
    let t0 = r.time();
    let (prev,): (u64,) = update(&mut r, c, "set_timer_at", (t0 + 1_000,));
    assert_eq!(prev, 0);
    r.advance_time(500);
    let fired: (u64, u64) = query(&mut r, c, "timer_fired", ());
    assert_eq!(fired, (0, 0));
    r.advance_time(600);
    let fired: (u64, u64) = query(&mut r, c, "timer_fired", ());
    assert_eq!(fired, (1, t0 + 1_100));
    r.advance_time(10_000);
    let fired: (u64, u64) = query(&mut r, c, "timer_fired", ());
    assert_eq!(fired.0, 1, "one-shot");
    let (prev,): (u64,) = update(&mut r, c, "set_timer_at", (0u64,));
    assert_eq!(prev, 0, "deactivated before the handler ran");
}

#[test]
fn heartbeat_runs_every_tick() {
    let mut r = replica();
    let c = install(&mut r, "sysapi", &none_arg());
    let (h0,): (u64,) = query(&mut r, c, "heartbeats", ());
    assert_eq!(h0, 0);
    r.tick();
    r.tick();
    r.advance_time(1);
    let (h,): (u64,) = query(&mut r, c, "heartbeats", ());
    assert_eq!(h, 3);
}

#[test]
fn inspect_message_can_refuse_ingress() {
    let mut r = replica();
    let c = install(&mut r, "sysapi", &none_arg());
    let e = update_err(&mut r, c, "forbidden", ());
    assert_eq!(e.code, RejectCode::CanisterReject);
    assert_eq!(e.message, format!("Canister {c} rejected the message"));
    // Accepted methods run normally.
    let (n,): (u64,) = update(&mut r, c, "inc", ());
    assert_eq!(n, 1);
}

#[test]
fn caller_and_self_identity() {
    let mut r = replica();
    let c = install(&mut r, "sysapi", &none_arg());
    let res = r.query_call(c, "whoami", &candid::encode_args(()).unwrap(), other_user());
    let (who,): (candid::Principal,) = decode(res);
    assert_eq!(who, other_user());
    let (me,): (candid::Principal,) = query(&mut r, c, "self_id", ());
    assert_eq!(me, c);
    let (ctrl,): (bool,) = query(&mut r, c, "is_ctrl", (user(),));
    assert!(ctrl);
    let (ctrl,): (bool,) = query(&mut r, c, "is_ctrl", (other_user(),));
    assert!(!ctrl);
    let (now,): (u64,) = query(&mut r, c, "now", ());
    assert_eq!(now, r.time());
    let (rep,): (bool,) = query(&mut r, c, "replicated", ());
    assert!(!rep);
    let (rep,): (bool,) = update(&mut r, c, "replicated", ());
    assert!(rep);
}

#[test]
fn ingress_cycles_and_balance() {
    let mut r = replica();
    let c = install(&mut r, "sysapi", &none_arg());
    let avail: (u128, u128) = update(&mut r, c, "accept_cycles", (100u128,));
    assert_eq!(avail, (0, 0));
    let (b,): (u128,) = query(&mut r, c, "balance", ());
    assert_eq!(b, 10_000_000_000_000);
    assert_eq!(r.cycles_balance(c), Some(10_000_000_000_000));
}

#[test]
fn performance_counter_increases() {
    let mut r = replica();
    let c = install(&mut r, "sysapi", &none_arg());
    let res = r.update_call(
        c,
        "perf",
        &candid::encode_args((10_000u64,)).unwrap(),
        user(),
    );
    let total = res.instructions;
    let (a, b, cc): (u64, u64, u64) = decode(res);
    assert!(a > 0);
    assert!(b > a + 10_000, "{a} {b}");
    assert!(cc > b + 10_000, "{b} {cc}");
    assert!(total > cc, "{total} {cc}");
    // Deterministic once the allocator is warm.
    let seq: Vec<u64> = (0..4)
        .map(|_| {
            r.update_call(
                c,
                "perf",
                &candid::encode_args((10_000u64,)).unwrap(),
                user(),
            )
            .instructions
        })
        .collect();
    // (The allocator's state alternates between two shapes.)
    assert_eq!(seq[0], seq[2]);
    assert_eq!(seq[1], seq[3]);
    assert!(seq[0].abs_diff(total) < total / 100);
    // More work, more instructions.
    let small = r.update_call(
        c,
        "spin",
        &candid::encode_args((1_000u64,)).unwrap(),
        user(),
    );
    let big = r.update_call(
        c,
        "spin",
        &candid::encode_args((100_000u64,)).unwrap(),
        user(),
    );
    assert!(big.instructions > small.instructions + 99_000 * 3);
}

#[test]
fn instruction_limit_traps() {
    let mut r = replica();
    let c = install(&mut r, "sysapi", &none_arg());
    r.set_instruction_limits(InstructionLimits {
        update: 5_000_000,
        query: 1_000_000,
        ..InstructionLimits::default()
    });
    let (_,): (u64,) = update(&mut r, c, "inc", ());
    let e = update_err(&mut r, c, "spin", (100_000_000u64,));
    assert_eq!(e.code, RejectCode::CanisterError);
    assert_eq!(
        e.message,
        format!("Canister {c} exceeded the instruction limit for single message execution.")
    );
    let res = r.query_call(
        c,
        "spin_query",
        &candid::encode_args((100_000_000u64,)).unwrap(),
        user(),
    );
    assert!(res
        .outcome
        .unwrap_err()
        .message
        .contains("instruction limit"));
    assert!(res.instructions >= 1_000_000 - 1_000);
    let (n,): (u64,) = query(&mut r, c, "get", ());
    assert_eq!(n, 1);
}

#[test]
fn reply_twice_violates_the_contract() {
    let mut r = replica();
    let c = install(&mut r, "sysapi", &none_arg());
    let e = update_err(&mut r, c, "reply_twice", ());
    assert_eq!(e.code, RejectCode::CanisterError);
    assert!(
        e.message
            .starts_with(&format!("Canister {c} violated contract: ic0.msg_reply")),
        "{}",
        e.message
    );
}

#[test]
fn stable_memory_out_of_bounds_traps() {
    let mut r = replica();
    let c = install(&mut r, "sysapi", &none_arg());
    let res = r.query_call(
        c,
        "stable_get",
        &candid::encode_args((65_530u64, 10u64)).unwrap(),
        user(),
    );
    let e = res.outcome.unwrap_err();
    assert_eq!(
        e.message,
        format!("Canister {c} trapped: stable memory out of bounds")
    );
}

#[test]
fn certified_data_and_certificate() {
    let mut r = replica();
    let c = install(&mut r, "sysapi", &none_arg());
    let () = update(&mut r, c, "certify", (vec![1u8; 32],));
    let e = update_err(&mut r, c, "certify", (vec![1u8; 33],));
    assert!(e.message.contains("at most 32 bytes"), "{}", e.message);
    let (present,): (bool,) = query(&mut r, c, "certificate_present", ());
    assert!(!present);
}

#[test]
fn missing_canister_and_method() {
    let mut r = replica();
    let c = install(&mut r, "sysapi", &none_arg());
    let e = update_err(&mut r, c, "nope", ());
    assert_eq!(e.code, RejectCode::CanisterError);
    assert_eq!(
        e.message,
        format!("Canister {c} has no update method 'nope'")
    );
    let ghost = replica_lite::canister_id_from_index(42);
    let e = update_err(&mut r, ghost, "x", ());
    assert_eq!(e.code, RejectCode::DestinationInvalid);
    let empty = r.create_canister(vec![user()], 0);
    let e = update_err(&mut r, empty, "x", ());
    assert_eq!(e.code, RejectCode::CanisterError);
    assert!(e.message.contains("no Wasm module"), "{}", e.message);
}

#[test]
fn stopped_canister_rejects_then_deletes() {
    let mut r = replica();
    let c = install(&mut r, "sysapi", &none_arg());
    let e = r.delete_canister(c, user()).unwrap_err();
    assert!(e.message.contains("must be stopped"), "{}", e.message);
    r.stop_canister(c, user()).unwrap();
    let e = update_err(&mut r, c, "inc", ());
    assert_eq!(e.code, RejectCode::CanisterError);
    assert_eq!(e.message, format!("Canister {c} is stopped"));
    r.start_canister(c, user()).unwrap();
    let (n,): (u64,) = update(&mut r, c, "inc", ());
    assert_eq!(n, 1);
    r.stop_canister(c, user()).unwrap();
    assert!(r.stop_canister(c, other_user()).is_err());
    r.delete_canister(c, user()).unwrap();
    assert!(!r.canister_exists(c));
    assert_eq!(
        update_err(&mut r, c, "inc", ()).code,
        RejectCode::DestinationInvalid
    );
}

#[test]
fn new_replica_and_install_are_fast_once_compiled() {
    let wasm = wasm("sysapi");
    let mut warm = replica();
    install(&mut warm, "sysapi", &none_arg());
    let start = std::time::Instant::now();
    let mut r = replica();
    let c = r.create_canister(vec![user()], 0);
    r.install_code(c, InstallMode::Install, &wasm, &none_arg(), user())
        .unwrap();
    let (s,): (String,) = query(&mut r, c, "greet", ("fast",));
    assert_eq!(s, "Hello, fast!");
    let elapsed = start.elapsed();
    assert!(elapsed.as_millis() < 1000, "took {elapsed:?}");
}
