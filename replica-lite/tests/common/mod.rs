//! Shared test helpers: builds the hand-written test canisters once per test
//! process and sets up replicas.
#![allow(dead_code)]

use candid::utils::{ArgumentDecoder, ArgumentEncoder};
use replica_lite::{CallResult, InstallMode, Principal, Reject, Replica, ReplicaConfig};
use std::path::PathBuf;
use std::sync::OnceLock;

/// The test run's cache, shared by every test binary of the workspace (so the
/// canister dependencies compile once per run) and never the user's
/// `~/.cache/kybra-aot`: `$CARGO_TARGET_TMPDIR/kybra-aot-cache`, laid out like
/// `$KYBRA_AOT_CACHE_DIR` (`target/`, `wasmtime/`).
pub fn cache_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("kybra-aot-cache")
}

/// The shared canister target directory of the test run.
fn canister_target_dir() -> PathBuf {
    cache_dir().join("target")
}

/// A replica configuration whose module disk cache is the test run's.
pub fn config() -> ReplicaConfig {
    ReplicaConfig {
        module_cache_dir: Some(cache_dir().join("wasmtime")),
        ..ReplicaConfig::default()
    }
}

fn build_canisters() -> Result<PathBuf, String> {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/canisters/Cargo.toml");
    let target = canister_target_dir();
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = std::process::Command::new(cargo)
        .args([
            "build",
            "--release",
            "--target",
            "wasm32-unknown-unknown",
            "--manifest-path",
        ])
        .arg(&manifest)
        .env("CARGO_TARGET_DIR", &target)
        .env_remove("RUSTFLAGS")
        .env_remove("CARGO_ENCODED_RUSTFLAGS")
        .output()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "building the test canisters failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok(target.join("wasm32-unknown-unknown").join("release"))
}

/// The path of test canister `name`'s Wasm (the canisters are built once per
/// process).
pub fn wasm_path(name: &str) -> PathBuf {
    static BUILT: OnceLock<Result<PathBuf, String>> = OnceLock::new();
    let dir = BUILT
        .get_or_init(build_canisters)
        .as_ref()
        .expect("test canisters build");
    dir.join(format!("{name}.wasm"))
}

/// The Wasm of test canister `name`.
pub fn wasm(name: &str) -> Vec<u8> {
    std::fs::read(wasm_path(name)).expect("canister wasm exists")
}

pub fn user() -> Principal {
    Principal::from_slice(&[0xAB; 29])
}

pub fn other_user() -> Principal {
    Principal::from_slice(&[0xCD; 29])
}

pub fn replica() -> Replica {
    Replica::new(config())
}

/// Creates and installs test canister `name` with `arg`.
pub fn install(r: &mut Replica, name: &str, arg: &[u8]) -> Principal {
    let id = r.create_canister(vec![user()], 10_000_000_000_000);
    r.install_code(id, InstallMode::Install, &wasm(name), arg, user())
        .expect("install succeeds");
    id
}

pub fn none_arg() -> Vec<u8> {
    candid::encode_one(None::<String>).unwrap()
}

pub fn update<A: ArgumentEncoder, R: for<'a> ArgumentDecoder<'a>>(
    r: &mut Replica,
    c: Principal,
    m: &str,
    a: A,
) -> R {
    let res = r.update_call(c, m, &candid::encode_args(a).unwrap(), user());
    decode(res)
}

pub fn query<A: ArgumentEncoder, R: for<'a> ArgumentDecoder<'a>>(
    r: &mut Replica,
    c: Principal,
    m: &str,
    a: A,
) -> R {
    let res = r.query_call(c, m, &candid::encode_args(a).unwrap(), user());
    decode(res)
}

pub fn decode<R: for<'a> ArgumentDecoder<'a>>(res: CallResult) -> R {
    match res.outcome {
        Ok(bytes) => candid::decode_args(&bytes).expect("reply decodes"),
        Err(e) => panic!("call rejected: {e}"),
    }
}

pub fn update_err<A: ArgumentEncoder>(r: &mut Replica, c: Principal, m: &str, a: A) -> Reject {
    match r
        .update_call(c, m, &candid::encode_args(a).unwrap(), user())
        .outcome
    {
        Ok(b) => panic!("expected a reject, got reply {b:?}"),
        Err(e) => e,
    }
}
