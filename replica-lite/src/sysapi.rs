//! The System API: `ic0.*` host functions on wasmtime.
//!
//! Every function checks the context it is called from (the spec's
//! I/G/U/RQ/NRQ/... table), validates pointers, and charges a fixed
//! instruction overhead (plus one instruction per byte copied) against the
//! message's fuel; see the crate README for the table.

use candid::Principal;
use std::fmt;
use wasmtime::{Caller, Linker, Memory};

/// Wasm page size of stable memory.
pub(crate) const STABLE_PAGE: u64 = 65536;
/// Stable memory limit (pages): 64 GiB would be the IC's real figure; we
/// keep stable memory in a `Vec`, so the limit is 4 GiB.
pub(crate) const MAX_STABLE_PAGES: u64 = 65536;

/// The contexts in which System API functions may be called, as in the spec.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ApiKind {
    Start,
    Init,
    PreUpgrade,
    Update,
    ReplicatedQuery,
    NonReplicatedQuery,
    TransformQuery,
    CompositeQuery,
    Reply,
    Reject,
    CompositeReply,
    CompositeReject,
    Cleanup,
    CompositeCleanup,
    Inspect,
    SystemTask,
}

impl ApiKind {
    fn bit(self) -> u32 {
        1 << (self as u32)
    }
    fn mode_name(self) -> &'static str {
        match self {
            ApiKind::Start => "start",
            ApiKind::Init => "init",
            ApiKind::PreUpgrade => "pre_upgrade",
            ApiKind::Update => "update",
            ApiKind::ReplicatedQuery => "replicated query",
            ApiKind::NonReplicatedQuery => "non-replicated query",
            ApiKind::TransformQuery => "transform",
            ApiKind::CompositeQuery => "composite query",
            ApiKind::Reply => "reply callback",
            ApiKind::Reject => "reject callback",
            ApiKind::CompositeReply => "composite reply callback",
            ApiKind::CompositeReject => "composite reject callback",
            ApiKind::Cleanup => "cleanup",
            ApiKind::CompositeCleanup => "composite cleanup",
            ApiKind::Inspect => "inspect message",
            ApiKind::SystemTask => "system task",
        }
    }
    pub(crate) fn replicated(self) -> bool {
        !matches!(
            self,
            ApiKind::NonReplicatedQuery
                | ApiKind::CompositeQuery
                | ApiKind::CompositeReply
                | ApiKind::CompositeReject
                | ApiKind::CompositeCleanup
                | ApiKind::Inspect
                | ApiKind::TransformQuery
        )
    }
}

use ApiKind as K;

const fn mask(kinds: &[ApiKind]) -> u32 {
    let mut m = 0;
    let mut i = 0;
    while i < kinds.len() {
        m |= 1 << (kinds[i] as u32);
        i += 1;
    }
    m
}

/// `*` in the spec: everything but `(start)`.
const STAR: u32 = mask(&[
    K::Init,
    K::PreUpgrade,
    K::Update,
    K::ReplicatedQuery,
    K::NonReplicatedQuery,
    K::TransformQuery,
    K::CompositeQuery,
    K::Reply,
    K::Reject,
    K::CompositeReply,
    K::CompositeReject,
    K::Cleanup,
    K::CompositeCleanup,
    K::Inspect,
    K::SystemTask,
]);
const STAR_S: u32 = STAR | mask(&[K::Start]);
const ARG: u32 = mask(&[
    K::Init,
    K::Update,
    K::ReplicatedQuery,
    K::NonReplicatedQuery,
    K::TransformQuery,
    K::CompositeQuery,
    K::Reply,
    K::CompositeReply,
    K::Inspect,
]);
const CALLER_INFO: u32 = mask(&[
    K::Update,
    K::ReplicatedQuery,
    K::NonReplicatedQuery,
    K::CompositeQuery,
    K::Reply,
    K::Reject,
    K::CompositeReply,
    K::CompositeReject,
    K::Cleanup,
    K::CompositeCleanup,
    K::Inspect,
]);
const REJECT_CODE: u32 = mask(&[
    K::Reply,
    K::Reject,
    K::CompositeReply,
    K::CompositeReject,
    K::Cleanup,
    K::CompositeCleanup,
]);
const REJECT_MSG: u32 = mask(&[K::Reject, K::CompositeReject]);
const DEADLINE: u32 = mask(&[
    K::Update,
    K::ReplicatedQuery,
    K::NonReplicatedQuery,
    K::CompositeQuery,
    K::Reply,
    K::Reject,
    K::CompositeReply,
    K::CompositeReject,
]);
const REPLY: u32 = mask(&[
    K::Update,
    K::ReplicatedQuery,
    K::NonReplicatedQuery,
    K::TransformQuery,
    K::CompositeQuery,
    K::Reply,
    K::Reject,
    K::CompositeReply,
    K::CompositeReject,
]);
const CYCLES_MSG: u32 = mask(&[K::Update, K::ReplicatedQuery, K::Reject, K::Reply]);
const CYCLES_REFUNDED: u32 = mask(&[K::Reject, K::Reply]);
const BURN: u32 = mask(&[
    K::Init,
    K::PreUpgrade,
    K::Update,
    K::ReplicatedQuery,
    K::Reply,
    K::Reject,
    K::Cleanup,
    K::SystemTask,
]);
const INSPECT: u32 = mask(&[K::Inspect]);
const CALL: u32 = mask(&[
    K::Update,
    K::CompositeQuery,
    K::Reply,
    K::Reject,
    K::CompositeReply,
    K::CompositeReject,
    K::SystemTask,
]);
const CALL_CYCLES: u32 = mask(&[K::Update, K::Reply, K::Reject, K::SystemTask]);
const ROOT_KEY: u32 = BURN;
const CERTIFY: u32 = mask(&[
    K::Init,
    K::PreUpgrade,
    K::Update,
    K::Reply,
    K::Reject,
    K::SystemTask,
]);
const CERTIFICATE: u32 = mask(&[K::NonReplicatedQuery, K::CompositeQuery]);
const TIMER: u32 = mask(&[
    K::Init,
    K::PreUpgrade,
    K::Update,
    K::Reply,
    K::Reject,
    K::Cleanup,
    K::SystemTask,
]);

/// Every `ic0` function replica-lite implements, with where it may be called.
pub(crate) const IMPLEMENTED_IMPORTS: &[(&str, u32)] = &[
    ("msg_arg_data_size", ARG),
    ("msg_arg_data_copy", ARG),
    ("msg_caller_size", STAR),
    ("msg_caller_copy", STAR),
    ("msg_caller_info_data_size", CALLER_INFO),
    ("msg_caller_info_data_copy", CALLER_INFO),
    ("msg_caller_info_signer_size", CALLER_INFO),
    ("msg_caller_info_signer_copy", CALLER_INFO),
    ("msg_reject_code", REJECT_CODE),
    ("msg_reject_msg_size", REJECT_MSG),
    ("msg_reject_msg_copy", REJECT_MSG),
    ("msg_deadline", DEADLINE),
    ("msg_reply_data_append", REPLY),
    ("msg_reply", REPLY),
    ("msg_reject", REPLY),
    ("msg_cycles_available", CYCLES_MSG),
    ("msg_cycles_available128", CYCLES_MSG),
    ("msg_cycles_refunded", CYCLES_REFUNDED),
    ("msg_cycles_refunded128", CYCLES_REFUNDED),
    ("msg_cycles_accept", CYCLES_MSG),
    ("msg_cycles_accept128", CYCLES_MSG),
    ("cycles_burn128", BURN),
    ("canister_self_size", STAR),
    ("canister_self_copy", STAR),
    ("canister_cycle_balance", STAR),
    ("canister_cycle_balance128", STAR),
    ("canister_liquid_cycle_balance128", STAR),
    ("canister_status", STAR),
    ("canister_version", STAR),
    ("subnet_self_size", STAR),
    ("subnet_self_copy", STAR),
    ("msg_method_name_size", INSPECT),
    ("msg_method_name_copy", INSPECT),
    ("accept_message", INSPECT),
    ("call_new", CALL),
    ("call_on_cleanup", CALL),
    ("call_data_append", CALL),
    ("call_with_best_effort_response", CALL),
    ("call_cycles_add", CALL_CYCLES),
    ("call_cycles_add128", CALL_CYCLES),
    ("call_perform", CALL),
    ("stable_size", STAR_S),
    ("stable_grow", STAR_S),
    ("stable_read", STAR_S),
    ("stable_write", STAR_S),
    ("stable64_size", STAR_S),
    ("stable64_grow", STAR_S),
    ("stable64_read", STAR_S),
    ("stable64_write", STAR_S),
    ("root_key_size", ROOT_KEY),
    ("root_key_copy", ROOT_KEY),
    ("certified_data_set", CERTIFY),
    ("data_certificate_present", STAR),
    ("data_certificate_size", CERTIFICATE),
    ("data_certificate_copy", CERTIFICATE),
    ("time", STAR),
    ("global_timer_set", TIMER),
    ("performance_counter", STAR_S),
    ("is_controller", STAR_S),
    ("in_replicated_execution", STAR_S),
    ("cost_call", STAR_S),
    ("cost_create_canister", STAR_S),
    ("cost_http_request", STAR_S),
    ("env_var_count", STAR),
    ("env_var_name_size", STAR),
    ("env_var_name_copy", STAR),
    ("env_var_name_exists", STAR),
    ("env_var_value_size", STAR),
    ("env_var_value_copy", STAR),
    ("debug_print", STAR_S),
    ("trap", STAR_S),
];

/// Fixed instruction overhead of every System API call (on top of the
/// Wasm instructions of the call site); copies add one per byte.
pub(crate) const COST_BASE: u64 = 20;
pub(crate) const COST_CALL_NEW: u64 = 1_500;
pub(crate) const COST_CALL_PERFORM: u64 = 5_000;
pub(crate) const COST_STABLE_GROW: u64 = 100;
pub(crate) const COST_DEBUG_PRINT: u64 = 100;
pub(crate) const COST_TRAP: u64 = 500;
pub(crate) const COST_TIMER_SET: u64 = 100;
pub(crate) const COST_PERF_COUNTER: u64 = 200;

/// Why a message stopped early.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum HostTrap {
    /// `ic0.trap` with this message.
    Explicit(String),
    /// A System API misuse (IC: "violated contract").
    Contract(String),
    /// Any other trap, with its description.
    Trapped(String),
    /// The message ran out of instructions.
    InstructionLimit,
}

impl fmt::Display for HostTrap {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HostTrap::Explicit(m) => write!(f, "trapped explicitly: {m}"),
            HostTrap::Contract(m) => write!(f, "violated contract: {m}"),
            HostTrap::Trapped(m) => write!(f, "trapped: {m}"),
            HostTrap::InstructionLimit => {
                write!(
                    f,
                    "exceeded the instruction limit for single message execution."
                )
            }
        }
    }
}

impl std::error::Error for HostTrap {}

/// A call under construction or performed.
#[derive(Debug, Clone)]
pub(crate) struct PendingCall {
    pub callee: Principal,
    pub method: String,
    pub arg: Vec<u8>,
    pub cycles: u128,
    pub reply: (u32, u32),
    pub reject: (u32, u32),
    pub cleanup: Option<(u32, u32)>,
}

/// The system state of a canister that messages can see and change.
#[derive(Debug, Clone)]
pub(crate) struct SysState {
    pub id: Principal,
    pub controllers: Vec<Principal>,
    pub cycles: u128,
    pub stable: Vec<u8>,
    pub certified_data: Vec<u8>,
    pub global_timer: u64,
    pub version: u64,
    /// 1 running, 2 stopping, 3 stopped (as `ic0.canister_status`).
    pub status: u32,
}

impl SysState {
    pub fn new(id: Principal, controllers: Vec<Principal>, cycles: u128) -> Self {
        SysState {
            id,
            controllers,
            cycles,
            stable: Vec::new(),
            certified_data: Vec::new(),
            global_timer: 0,
            version: 0,
            status: 1,
        }
    }
}

/// The per-message context.
#[derive(Debug)]
pub(crate) struct MsgCtx {
    pub kind: ApiKind,
    pub arg: Vec<u8>,
    pub caller: Principal,
    pub method: String,
    /// 0 unless this is a reject callback (or its cleanup).
    pub reject_code: u32,
    pub reject_msg: String,
    pub reply_buf: Vec<u8>,
    pub response: Option<std::result::Result<Vec<u8>, String>>,
    /// The call context was already responded to by an earlier message.
    pub already_responded: bool,
    pub cycles_available: u128,
    pub cycles_refunded: u128,
    pub accepted_message: bool,
    pub pending_call: Option<PendingCall>,
    pub calls: Vec<PendingCall>,
    pub time: u64,
    pub budget: u64,
    /// Instructions of the earlier messages of this call context.
    pub ctx_instructions: u64,
    pub logs: Vec<String>,
    /// Undo log of stable memory writes: (offset, old bytes).
    pub stable_undo: Vec<(u64, Vec<u8>)>,
    pub stable_len_before: usize,
    pub subnet: Principal,
}

impl MsgCtx {
    pub fn new(kind: ApiKind, caller: Principal, time: u64, budget: u64) -> Self {
        MsgCtx {
            kind,
            arg: Vec::new(),
            caller,
            method: String::new(),
            reject_code: 0,
            reject_msg: String::new(),
            reply_buf: Vec::new(),
            response: None,
            already_responded: false,
            cycles_available: 0,
            cycles_refunded: 0,
            accepted_message: false,
            pending_call: None,
            calls: Vec::new(),
            time,
            budget,
            ctx_instructions: 0,
            logs: Vec::new(),
            stable_undo: Vec::new(),
            stable_len_before: 0,
            subnet: Principal::from_slice(&[0x2a; 29]),
        }
    }
}

/// The wasmtime store data of a canister instance.
pub(crate) struct Host {
    pub sys: SysState,
    pub ctx: MsgCtx,
    pub memory: Option<Memory>,
}

type Result<T> = wasmtime::Result<T>;
type C<'a> = Caller<'a, Host>;

fn trap(t: HostTrap) -> wasmtime::Error {
    wasmtime::Error::new(t)
}

fn contract(msg: impl Into<String>) -> wasmtime::Error {
    trap(HostTrap::Contract(msg.into()))
}

fn check(caller: &mut C<'_>, name: &str, allowed: u32, cost: u64) -> Result<()> {
    let kind = caller.data().ctx.kind;
    if allowed & kind.bit() == 0 {
        return Err(contract(format!(
            "\"ic0_{name}\" cannot be executed in {} mode",
            kind.mode_name()
        )));
    }
    charge(caller, cost)
}

pub(crate) fn charge(caller: &mut C<'_>, cost: u64) -> Result<()> {
    let fuel = caller.get_fuel()?;
    if fuel < cost {
        caller.set_fuel(0)?;
        return Err(trap(HostTrap::InstructionLimit));
    }
    caller.set_fuel(fuel - cost)?;
    Ok(())
}

fn memory(caller: &C<'_>) -> Result<Memory> {
    caller
        .data()
        .memory
        .ok_or_else(|| contract("the canister has no memory"))
}

fn read_mem(caller: &mut C<'_>, src: u64, size: u64) -> Result<Vec<u8>> {
    let mem = memory(caller)?;
    let data = mem.data(&*caller);
    let end = src
        .checked_add(size)
        .filter(|e| *e <= data.len() as u64)
        .ok_or_else(|| trap(HostTrap::Trapped("heap out of bounds".into())))?;
    Ok(data[src as usize..end as usize].to_vec())
}

fn write_mem(caller: &mut C<'_>, dst: u64, bytes: &[u8]) -> Result<()> {
    let mem = memory(caller)?;
    let data = mem.data_mut(&mut *caller);
    let end = dst
        .checked_add(bytes.len() as u64)
        .filter(|e| *e <= data.len() as u64)
        .ok_or_else(|| trap(HostTrap::Trapped("heap out of bounds".into())))?;
    data[dst as usize..end as usize].copy_from_slice(bytes);
    Ok(())
}

/// The `*_copy` idiom: copy `src[offset..offset+size]` to `dst`.
fn copy_out(
    caller: &mut C<'_>,
    name: &str,
    src: &[u8],
    dst: u64,
    offset: u64,
    size: u64,
) -> Result<()> {
    let end = offset
        .checked_add(size)
        .filter(|e| *e <= src.len() as u64)
        .ok_or_else(|| {
            contract(format!(
                "ic0.{name}: offset + size ({offset} + {size}) exceeds the data size {}",
                src.len()
            ))
        })?;
    let slice = src[offset as usize..end as usize].to_vec();
    write_mem(caller, dst, &slice)
}

fn write_u128(caller: &mut C<'_>, dst: u64, v: u128) -> Result<()> {
    write_mem(caller, dst, &v.to_le_bytes())
}

fn u128_of(high: i64, low: i64) -> u128 {
    ((high as u64 as u128) << 64) | (low as u64 as u128)
}

fn get_blob(caller: &mut C<'_>, which: Blob) -> Vec<u8> {
    let h = caller.data();
    match which {
        Blob::Arg => h.ctx.arg.clone(),
        Blob::Caller => h.ctx.caller.as_slice().to_vec(),
        Blob::RejectMsg => h.ctx.reject_msg.as_bytes().to_vec(),
        Blob::SelfId => h.sys.id.as_slice().to_vec(),
        Blob::Method => h.ctx.method.as_bytes().to_vec(),
        Blob::Subnet => h.ctx.subnet.as_slice().to_vec(),
        Blob::RootKey => ROOT_KEY_DER.to_vec(),
        Blob::Empty => Vec::new(),
    }
}

#[derive(Clone, Copy)]
enum Blob {
    Arg,
    Caller,
    RejectMsg,
    SelfId,
    Method,
    Subnet,
    RootKey,
    Empty,
}

/// A fixed (not a real network's) DER-encoded BLS public key placeholder.
const ROOT_KEY_DER: &[u8] = &[0x30, 0x00];

fn stable_read_impl(caller: &mut C<'_>, dst: u64, offset: u64, size: u64) -> Result<()> {
    charge(caller, size)?;
    let stable_len = caller.data().sys.stable.len() as u64;
    let end = offset
        .checked_add(size)
        .filter(|e| *e <= stable_len)
        .ok_or_else(|| trap(HostTrap::Trapped("stable memory out of bounds".into())))?;
    let bytes = caller.data().sys.stable[offset as usize..end as usize].to_vec();
    write_mem(caller, dst, &bytes)
}

fn stable_write_impl(caller: &mut C<'_>, offset: u64, src: u64, size: u64) -> Result<()> {
    charge(caller, size)?;
    let stable_len = caller.data().sys.stable.len() as u64;
    let end = offset
        .checked_add(size)
        .filter(|e| *e <= stable_len)
        .ok_or_else(|| trap(HostTrap::Trapped("stable memory out of bounds".into())))?;
    let bytes = read_mem(caller, src, size)?;
    let h = caller.data_mut();
    let (o, e) = (offset as usize, end as usize);
    // Only bytes that existed before this message need undoing.
    let undo_end = e.min(h.ctx.stable_len_before);
    if o < undo_end {
        let old = h.sys.stable[o..undo_end].to_vec();
        h.ctx.stable_undo.push((offset, old));
    }
    h.sys.stable[o..e].copy_from_slice(&bytes);
    Ok(())
}

fn stable_grow_impl(caller: &mut C<'_>, new_pages: u64, limit: u64) -> Result<i64> {
    let h = caller.data_mut();
    let old = h.sys.stable.len() as u64 / STABLE_PAGE;
    match old.checked_add(new_pages) {
        Some(n) if n <= limit => {
            h.sys.stable.resize((n * STABLE_PAGE) as usize, 0);
            Ok(old as i64)
        }
        _ => Ok(-1),
    }
}

fn bool_i32(b: bool) -> i32 {
    b as i32
}

/// Registers every implemented `ic0` function.
pub(crate) fn add_to_linker(linker: &mut Linker<Host>) -> wasmtime::Result<()> {
    macro_rules! size_copy {
        ($size:literal, $copy:literal, $mask:expr, $blob:expr) => {
            linker.func_wrap("ic0", $size, |mut c: C<'_>| -> Result<i32> {
                check(&mut c, $size, $mask, COST_BASE)?;
                Ok(get_blob(&mut c, $blob).len() as i32)
            })?;
            linker.func_wrap(
                "ic0",
                $copy,
                |mut c: C<'_>, dst: i32, offset: i32, size: i32| -> Result<()> {
                    check(&mut c, $copy, $mask, COST_BASE + size as u32 as u64)?;
                    let blob = get_blob(&mut c, $blob);
                    copy_out(
                        &mut c,
                        $copy,
                        &blob,
                        dst as u32 as u64,
                        offset as u32 as u64,
                        size as u32 as u64,
                    )
                },
            )?;
        };
    }
    size_copy!("msg_arg_data_size", "msg_arg_data_copy", ARG, Blob::Arg);
    size_copy!("msg_caller_size", "msg_caller_copy", STAR, Blob::Caller);
    size_copy!(
        "msg_caller_info_data_size",
        "msg_caller_info_data_copy",
        CALLER_INFO,
        Blob::Empty
    );
    size_copy!(
        "msg_caller_info_signer_size",
        "msg_caller_info_signer_copy",
        CALLER_INFO,
        Blob::Empty
    );
    size_copy!(
        "msg_reject_msg_size",
        "msg_reject_msg_copy",
        REJECT_MSG,
        Blob::RejectMsg
    );
    size_copy!(
        "canister_self_size",
        "canister_self_copy",
        STAR,
        Blob::SelfId
    );
    size_copy!("subnet_self_size", "subnet_self_copy", STAR, Blob::Subnet);
    size_copy!(
        "msg_method_name_size",
        "msg_method_name_copy",
        INSPECT,
        Blob::Method
    );
    size_copy!("root_key_size", "root_key_copy", ROOT_KEY, Blob::RootKey);

    linker.func_wrap("ic0", "msg_reject_code", |mut c: C<'_>| -> Result<i32> {
        check(&mut c, "msg_reject_code", REJECT_CODE, COST_BASE)?;
        Ok(c.data().ctx.reject_code as i32)
    })?;
    linker.func_wrap("ic0", "msg_deadline", |mut c: C<'_>| -> Result<i64> {
        check(&mut c, "msg_deadline", DEADLINE, COST_BASE)?;
        Ok(0)
    })?;

    fn can_respond(c: &mut C<'_>, name: &str) -> Result<()> {
        let ctx = &c.data().ctx;
        if ctx.already_responded || ctx.response.is_some() {
            return Err(contract(format!(
                "ic0.{name}: the call is already replied or rejected"
            )));
        }
        Ok(())
    }
    linker.func_wrap(
        "ic0",
        "msg_reply_data_append",
        |mut c: C<'_>, src: i32, size: i32| -> Result<()> {
            check(
                &mut c,
                "msg_reply_data_append",
                REPLY,
                COST_BASE + size as u32 as u64,
            )?;
            can_respond(&mut c, "msg_reply_data_append")?;
            let bytes = read_mem(&mut c, src as u32 as u64, size as u32 as u64)?;
            let buf = &mut c.data_mut().ctx.reply_buf;
            if buf.len() + bytes.len() > 2 << 20 {
                return Err(contract(
                    "ic0.msg_reply_data_append: the reply exceeds the maximum size of 2 MiB",
                ));
            }
            buf.extend_from_slice(&bytes);
            Ok(())
        },
    )?;
    linker.func_wrap("ic0", "msg_reply", |mut c: C<'_>| -> Result<()> {
        check(&mut c, "msg_reply", REPLY, COST_BASE)?;
        can_respond(&mut c, "msg_reply")?;
        let ctx = &mut c.data_mut().ctx;
        ctx.response = Some(Ok(std::mem::take(&mut ctx.reply_buf)));
        Ok(())
    })?;
    linker.func_wrap(
        "ic0",
        "msg_reject",
        |mut c: C<'_>, src: i32, size: i32| -> Result<()> {
            check(&mut c, "msg_reject", REPLY, COST_BASE + size as u32 as u64)?;
            can_respond(&mut c, "msg_reject")?;
            let bytes = read_mem(&mut c, src as u32 as u64, size as u32 as u64)?;
            let msg = String::from_utf8(bytes)
                .map_err(|_| contract("ic0.msg_reject: the reject message is not valid UTF-8"))?;
            c.data_mut().ctx.response = Some(Err(msg));
            Ok(())
        },
    )?;

    // Cycles.
    linker.func_wrap(
        "ic0",
        "msg_cycles_available",
        |mut c: C<'_>| -> Result<i64> {
            check(&mut c, "msg_cycles_available", CYCLES_MSG, COST_BASE)?;
            Ok(c.data().ctx.cycles_available.min(u64::MAX as u128) as u64 as i64)
        },
    )?;
    linker.func_wrap(
        "ic0",
        "msg_cycles_available128",
        |mut c: C<'_>, dst: i32| -> Result<()> {
            check(&mut c, "msg_cycles_available128", CYCLES_MSG, COST_BASE)?;
            let v = c.data().ctx.cycles_available;
            write_u128(&mut c, dst as u32 as u64, v)
        },
    )?;
    linker.func_wrap(
        "ic0",
        "msg_cycles_refunded",
        |mut c: C<'_>| -> Result<i64> {
            check(&mut c, "msg_cycles_refunded", CYCLES_REFUNDED, COST_BASE)?;
            Ok(c.data().ctx.cycles_refunded.min(u64::MAX as u128) as u64 as i64)
        },
    )?;
    linker.func_wrap(
        "ic0",
        "msg_cycles_refunded128",
        |mut c: C<'_>, dst: i32| -> Result<()> {
            check(&mut c, "msg_cycles_refunded128", CYCLES_REFUNDED, COST_BASE)?;
            let v = c.data().ctx.cycles_refunded;
            write_u128(&mut c, dst as u32 as u64, v)
        },
    )?;
    fn accept(c: &mut C<'_>, max: u128) -> u128 {
        let h = c.data_mut();
        let amount = max.min(h.ctx.cycles_available);
        h.ctx.cycles_available -= amount;
        h.sys.cycles = h.sys.cycles.saturating_add(amount);
        amount
    }
    linker.func_wrap(
        "ic0",
        "msg_cycles_accept",
        |mut c: C<'_>, max: i64| -> Result<i64> {
            check(&mut c, "msg_cycles_accept", CYCLES_MSG, COST_BASE)?;
            Ok(accept(&mut c, max as u64 as u128) as u64 as i64)
        },
    )?;
    linker.func_wrap(
        "ic0",
        "msg_cycles_accept128",
        |mut c: C<'_>, high: i64, low: i64, dst: i32| -> Result<()> {
            check(&mut c, "msg_cycles_accept128", CYCLES_MSG, COST_BASE)?;
            let amount = accept(&mut c, u128_of(high, low));
            write_u128(&mut c, dst as u32 as u64, amount)
        },
    )?;
    linker.func_wrap(
        "ic0",
        "cycles_burn128",
        |mut c: C<'_>, high: i64, low: i64, dst: i32| -> Result<()> {
            check(&mut c, "cycles_burn128", BURN, COST_BASE)?;
            let h = c.data_mut();
            let amount = u128_of(high, low).min(h.sys.cycles);
            h.sys.cycles -= amount;
            write_u128(&mut c, dst as u32 as u64, amount)
        },
    )?;
    linker.func_wrap("ic0", "canister_cycle_balance", |mut c: C<'_>| -> Result<i64> {
        check(&mut c, "canister_cycle_balance", STAR, COST_BASE)?;
        let b = c.data().sys.cycles;
        if b > u64::MAX as u128 {
            return Err(contract(
                "ic0.canister_cycle_balance: the balance does not fit in 64 bits, use ic0.canister_cycle_balance128",
            ));
        }
        Ok(b as u64 as i64)
    })?;
    for name in [
        "canister_cycle_balance128",
        "canister_liquid_cycle_balance128",
    ] {
        linker.func_wrap("ic0", name, move |mut c: C<'_>, dst: i32| -> Result<()> {
            check(&mut c, name, STAR, COST_BASE)?;
            let b = c.data().sys.cycles;
            write_u128(&mut c, dst as u32 as u64, b)
        })?;
    }
    linker.func_wrap("ic0", "canister_status", |mut c: C<'_>| -> Result<i32> {
        check(&mut c, "canister_status", STAR, COST_BASE)?;
        Ok(c.data().sys.status as i32)
    })?;
    linker.func_wrap("ic0", "canister_version", |mut c: C<'_>| -> Result<i64> {
        check(&mut c, "canister_version", STAR, COST_BASE)?;
        Ok(c.data().sys.version as i64)
    })?;
    linker.func_wrap("ic0", "accept_message", |mut c: C<'_>| -> Result<()> {
        check(&mut c, "accept_message", INSPECT, COST_BASE)?;
        if c.data().ctx.accepted_message {
            return Err(contract(
                "ic0.accept_message: the message was already accepted",
            ));
        }
        c.data_mut().ctx.accepted_message = true;
        Ok(())
    })?;

    // Inter-canister calls.
    linker.func_wrap(
        "ic0",
        "call_new",
        |mut c: C<'_>,
         callee_src: i32,
         callee_size: i32,
         name_src: i32,
         name_size: i32,
         reply_fun: i32,
         reply_env: i32,
         reject_fun: i32,
         reject_env: i32|
         -> Result<()> {
            check(
                &mut c,
                "call_new",
                CALL,
                COST_CALL_NEW + callee_size as u32 as u64 + name_size as u32 as u64,
            )?;
            let callee = read_mem(&mut c, callee_src as u32 as u64, callee_size as u32 as u64)?;
            let name = read_mem(&mut c, name_src as u32 as u64, name_size as u32 as u64)?;
            let callee = Principal::try_from_slice(&callee)
                .map_err(|e| contract(format!("ic0.call_new: invalid callee principal: {e}")))?;
            let method = String::from_utf8(name)
                .map_err(|_| contract("ic0.call_new: the method name is not valid UTF-8"))?;
            let h = c.data_mut();
            // A call still under construction is discarded; its cycles go back.
            if let Some(old) = h.ctx.pending_call.take() {
                h.sys.cycles += old.cycles;
            }
            h.ctx.pending_call = Some(PendingCall {
                callee,
                method,
                arg: Vec::new(),
                cycles: 0,
                reply: (reply_fun as u32, reply_env as u32),
                reject: (reject_fun as u32, reject_env as u32),
                cleanup: None,
            });
            Ok(())
        },
    )?;
    fn pending<'a>(c: &'a mut C<'_>, name: &str) -> Result<&'a mut PendingCall> {
        c.data_mut()
            .ctx
            .pending_call
            .as_mut()
            .ok_or_else(|| contract(format!("ic0.{name}: no call is under construction")))
    }
    linker.func_wrap(
        "ic0",
        "call_on_cleanup",
        |mut c: C<'_>, fun: i32, env: i32| -> Result<()> {
            check(&mut c, "call_on_cleanup", CALL, COST_BASE)?;
            let p = pending(&mut c, "call_on_cleanup")?;
            if p.cleanup.is_some() {
                return Err(contract("ic0.call_on_cleanup: cleanup already set"));
            }
            p.cleanup = Some((fun as u32, env as u32));
            Ok(())
        },
    )?;
    linker.func_wrap(
        "ic0",
        "call_data_append",
        |mut c: C<'_>, src: i32, size: i32| -> Result<()> {
            check(
                &mut c,
                "call_data_append",
                CALL,
                COST_BASE + size as u32 as u64,
            )?;
            pending(&mut c, "call_data_append")?;
            let bytes = read_mem(&mut c, src as u32 as u64, size as u32 as u64)?;
            let p = pending(&mut c, "call_data_append")?;
            if p.arg.len() + bytes.len() > 2 << 20 {
                return Err(contract(
                    "ic0.call_data_append: the call payload exceeds the maximum size of 2 MiB",
                ));
            }
            p.arg.extend_from_slice(&bytes);
            Ok(())
        },
    )?;
    linker.func_wrap(
        "ic0",
        "call_with_best_effort_response",
        |mut c: C<'_>, _timeout: i32| -> Result<()> {
            check(&mut c, "call_with_best_effort_response", CALL, COST_BASE)?;
            pending(&mut c, "call_with_best_effort_response")?;
            Ok(())
        },
    )?;
    fn add_cycles(c: &mut C<'_>, name: &str, amount: u128) -> Result<()> {
        pending(c, name)?;
        let h = c.data_mut();
        if h.sys.cycles < amount {
            return Err(contract(format!(
                "ic0.{name}: the canister cannot attach {amount} cycles, its balance is {}",
                h.sys.cycles
            )));
        }
        h.sys.cycles -= amount;
        if let Some(p) = h.ctx.pending_call.as_mut() {
            p.cycles += amount;
        }
        Ok(())
    }
    linker.func_wrap(
        "ic0",
        "call_cycles_add",
        |mut c: C<'_>, amount: i64| -> Result<()> {
            check(&mut c, "call_cycles_add", CALL_CYCLES, COST_BASE)?;
            add_cycles(&mut c, "call_cycles_add", amount as u64 as u128)
        },
    )?;
    linker.func_wrap(
        "ic0",
        "call_cycles_add128",
        |mut c: C<'_>, high: i64, low: i64| -> Result<()> {
            check(&mut c, "call_cycles_add128", CALL_CYCLES, COST_BASE)?;
            add_cycles(&mut c, "call_cycles_add128", u128_of(high, low))
        },
    )?;
    linker.func_wrap("ic0", "call_perform", |mut c: C<'_>| -> Result<i32> {
        check(&mut c, "call_perform", CALL, COST_CALL_PERFORM)?;
        let call = c
            .data_mut()
            .ctx
            .pending_call
            .take()
            .ok_or_else(|| contract("ic0.call_perform: no call is under construction"))?;
        c.data_mut().ctx.calls.push(call);
        Ok(0)
    })?;

    // Stable memory.
    linker.func_wrap("ic0", "stable_size", |mut c: C<'_>| -> Result<i32> {
        check(&mut c, "stable_size", STAR_S, COST_BASE)?;
        let pages = c.data().sys.stable.len() as u64 / STABLE_PAGE;
        if pages > u32::MAX as u64 / STABLE_PAGE + 1 {
            return Err(contract("ic0.stable_size: stable memory exceeds 4 GiB"));
        }
        Ok(pages as i32)
    })?;
    linker.func_wrap("ic0", "stable64_size", |mut c: C<'_>| -> Result<i64> {
        check(&mut c, "stable64_size", STAR_S, COST_BASE)?;
        Ok((c.data().sys.stable.len() as u64 / STABLE_PAGE) as i64)
    })?;
    linker.func_wrap(
        "ic0",
        "stable_grow",
        |mut c: C<'_>, pages: i32| -> Result<i32> {
            check(&mut c, "stable_grow", STAR_S, COST_STABLE_GROW)?;
            Ok(stable_grow_impl(&mut c, pages as u32 as u64, 65536)? as i32)
        },
    )?;
    linker.func_wrap(
        "ic0",
        "stable64_grow",
        |mut c: C<'_>, pages: i64| -> Result<i64> {
            check(&mut c, "stable64_grow", STAR_S, COST_STABLE_GROW)?;
            stable_grow_impl(&mut c, pages as u64, MAX_STABLE_PAGES)
        },
    )?;
    linker.func_wrap(
        "ic0",
        "stable_read",
        |mut c: C<'_>, dst: i32, offset: i32, size: i32| -> Result<()> {
            check(&mut c, "stable_read", STAR_S, COST_BASE)?;
            stable_read_impl(
                &mut c,
                dst as u32 as u64,
                offset as u32 as u64,
                size as u32 as u64,
            )
        },
    )?;
    linker.func_wrap(
        "ic0",
        "stable64_read",
        |mut c: C<'_>, dst: i64, offset: i64, size: i64| -> Result<()> {
            check(&mut c, "stable64_read", STAR_S, COST_BASE)?;
            stable_read_impl(&mut c, dst as u64, offset as u64, size as u64)
        },
    )?;
    linker.func_wrap(
        "ic0",
        "stable_write",
        |mut c: C<'_>, offset: i32, src: i32, size: i32| -> Result<()> {
            check(&mut c, "stable_write", STAR_S, COST_BASE)?;
            stable_write_impl(
                &mut c,
                offset as u32 as u64,
                src as u32 as u64,
                size as u32 as u64,
            )
        },
    )?;
    linker.func_wrap(
        "ic0",
        "stable64_write",
        |mut c: C<'_>, offset: i64, src: i64, size: i64| -> Result<()> {
            check(&mut c, "stable64_write", STAR_S, COST_BASE)?;
            stable_write_impl(&mut c, offset as u64, src as u64, size as u64)
        },
    )?;

    // Certification.
    linker.func_wrap(
        "ic0",
        "certified_data_set",
        |mut c: C<'_>, src: i32, size: i32| -> Result<()> {
            check(
                &mut c,
                "certified_data_set",
                CERTIFY,
                COST_BASE + size as u32 as u64,
            )?;
            if size as u32 > 32 {
                return Err(contract(
                    "ic0.certified_data_set: certified data may be at most 32 bytes",
                ));
            }
            let bytes = read_mem(&mut c, src as u32 as u64, size as u32 as u64)?;
            c.data_mut().sys.certified_data = bytes;
            Ok(())
        },
    )?;
    linker.func_wrap(
        "ic0",
        "data_certificate_present",
        |mut c: C<'_>| -> Result<i32> {
            check(&mut c, "data_certificate_present", STAR, COST_BASE)?;
            // replica-lite has no threshold signatures, hence no certificates.
            Ok(0)
        },
    )?;
    linker.func_wrap(
        "ic0",
        "data_certificate_size",
        |mut c: C<'_>| -> Result<i32> {
            check(&mut c, "data_certificate_size", CERTIFICATE, COST_BASE)?;
            Err(contract(
                "ic0.data_certificate_size: no data certificate is present",
            ))
        },
    )?;
    linker.func_wrap(
        "ic0",
        "data_certificate_copy",
        |mut c: C<'_>, _dst: i32, _offset: i32, _size: i32| -> Result<()> {
            check(&mut c, "data_certificate_copy", CERTIFICATE, COST_BASE)?;
            Err(contract(
                "ic0.data_certificate_copy: no data certificate is present",
            ))
        },
    )?;

    // Time, timers, counters.
    linker.func_wrap("ic0", "time", |mut c: C<'_>| -> Result<i64> {
        check(&mut c, "time", STAR, COST_BASE)?;
        Ok(c.data().ctx.time as i64)
    })?;
    linker.func_wrap(
        "ic0",
        "global_timer_set",
        |mut c: C<'_>, ts: i64| -> Result<i64> {
            check(&mut c, "global_timer_set", TIMER, COST_TIMER_SET)?;
            let h = c.data_mut();
            let old = std::mem::replace(&mut h.sys.global_timer, ts as u64);
            Ok(old as i64)
        },
    )?;
    linker.func_wrap(
        "ic0",
        "performance_counter",
        |mut c: C<'_>, counter: i32| -> Result<i64> {
            check(&mut c, "performance_counter", STAR_S, COST_PERF_COUNTER)?;
            let used = c.data().ctx.budget.saturating_sub(c.get_fuel()?);
            match counter {
                0 => Ok(used as i64),
                1 => Ok((c.data().ctx.ctx_instructions + used) as i64),
                _ => Err(contract(format!(
                    "ic0.performance_counter: unknown counter type {counter}"
                ))),
            }
        },
    )?;
    linker.func_wrap(
        "ic0",
        "is_controller",
        |mut c: C<'_>, src: i32, size: i32| -> Result<i32> {
            check(
                &mut c,
                "is_controller",
                STAR_S,
                COST_BASE + size as u32 as u64,
            )?;
            if size as u32 > 29 {
                return Err(contract(
                    "ic0.is_controller: a principal has at most 29 bytes",
                ));
            }
            let bytes = read_mem(&mut c, src as u32 as u64, size as u32 as u64)?;
            let p = Principal::from_slice(&bytes);
            Ok(bool_i32(c.data().sys.controllers.contains(&p)))
        },
    )?;
    linker.func_wrap(
        "ic0",
        "in_replicated_execution",
        |mut c: C<'_>| -> Result<i32> {
            check(&mut c, "in_replicated_execution", STAR_S, COST_BASE)?;
            Ok(bool_i32(c.data().ctx.kind.replicated()))
        },
    )?;

    // Cost estimates: replica-lite charges no fees; these report fixed
    // approximations of a 13-node subnet's prices.
    linker.func_wrap(
        "ic0",
        "cost_call",
        |mut c: C<'_>, method_size: i64, payload_size: i64, dst: i32| -> Result<()> {
            check(&mut c, "cost_call", STAR_S, COST_BASE)?;
            let cost =
                260_000u128 + 1_000 * (method_size as u64 as u128 + payload_size as u64 as u128);
            write_u128(&mut c, dst as u32 as u64, cost)
        },
    )?;
    linker.func_wrap(
        "ic0",
        "cost_create_canister",
        |mut c: C<'_>, dst: i32| -> Result<()> {
            check(&mut c, "cost_create_canister", STAR_S, COST_BASE)?;
            write_u128(&mut c, dst as u32 as u64, 500_000_000_000)
        },
    )?;
    linker.func_wrap(
        "ic0",
        "cost_http_request",
        |mut c: C<'_>, request_size: i64, max_res: i64, dst: i32| -> Result<()> {
            check(&mut c, "cost_http_request", STAR_S, COST_BASE)?;
            let n = 13u128;
            let cost = (3_000_000 + 60_000 * n) * n
                + 400 * n * request_size as u64 as u128
                + 800 * n * max_res as u64 as u128;
            write_u128(&mut c, dst as u32 as u64, cost)
        },
    )?;

    // Environment variables: replica-lite canisters have none.
    linker.func_wrap("ic0", "env_var_count", |mut c: C<'_>| -> Result<i32> {
        check(&mut c, "env_var_count", STAR, COST_BASE)?;
        Ok(0)
    })?;
    linker.func_wrap(
        "ic0",
        "env_var_name_size",
        |mut c: C<'_>, index: i32| -> Result<i32> {
            check(&mut c, "env_var_name_size", STAR, COST_BASE)?;
            Err(contract(format!(
                "ic0.env_var_name_size: index {index} out of bounds"
            )))
        },
    )?;
    linker.func_wrap(
        "ic0",
        "env_var_name_copy",
        |mut c: C<'_>, index: i32, _dst: i32, _offset: i32, _size: i32| -> Result<()> {
            check(&mut c, "env_var_name_copy", STAR, COST_BASE)?;
            Err(contract(format!(
                "ic0.env_var_name_copy: index {index} out of bounds"
            )))
        },
    )?;
    linker.func_wrap(
        "ic0",
        "env_var_name_exists",
        |mut c: C<'_>, src: i32, size: i32| -> Result<i32> {
            check(&mut c, "env_var_name_exists", STAR, COST_BASE)?;
            read_mem(&mut c, src as u32 as u64, size as u32 as u64)?;
            Ok(0)
        },
    )?;
    linker.func_wrap(
        "ic0",
        "env_var_value_size",
        |mut c: C<'_>, src: i32, size: i32| -> Result<i32> {
            check(&mut c, "env_var_value_size", STAR, COST_BASE)?;
            let name = read_mem(&mut c, src as u32 as u64, size as u32 as u64)?;
            Err(contract(format!(
                "ic0.env_var_value_size: no environment variable {:?}",
                String::from_utf8_lossy(&name)
            )))
        },
    )?;
    linker.func_wrap(
        "ic0",
        "env_var_value_copy",
        |mut c: C<'_>, src: i32, size: i32, _dst: i32, _offset: i32, _n: i32| -> Result<()> {
            check(&mut c, "env_var_value_copy", STAR, COST_BASE)?;
            let name = read_mem(&mut c, src as u32 as u64, size as u32 as u64)?;
            Err(contract(format!(
                "ic0.env_var_value_copy: no environment variable {:?}",
                String::from_utf8_lossy(&name)
            )))
        },
    )?;

    // Debugging and traps.
    linker.func_wrap(
        "ic0",
        "debug_print",
        |mut c: C<'_>, src: i32, size: i32| -> Result<()> {
            check(
                &mut c,
                "debug_print",
                STAR_S,
                COST_DEBUG_PRINT + size as u32 as u64,
            )?;
            // Like the IC, a bad pointer in debug_print is not an error.
            let msg = read_mem(&mut c, src as u32 as u64, size as u32 as u64)
                .map(|b| String::from_utf8_lossy(&b).into_owned())
                .unwrap_or_else(|_| "(debug_print: message out of bounds)".into());
            c.data_mut().ctx.logs.push(msg);
            Ok(())
        },
    )?;
    linker.func_wrap(
        "ic0",
        "trap",
        |mut c: C<'_>, src: i32, size: i32| -> Result<()> {
            check(&mut c, "trap", STAR_S, COST_TRAP + size as u32 as u64)?;
            let msg = read_mem(&mut c, src as u32 as u64, size as u32 as u64)
                .map(|b| String::from_utf8_lossy(&b).into_owned())
                .unwrap_or_else(|_| "(trap message out of bounds)".into());
            Err(trap(HostTrap::Explicit(msg)))
        },
    )?;
    Ok(())
}
