//! replica-lite: a local, offline, single-process Internet Computer
//! execution environment on wasmtime.
//!
//! A [`Replica`] holds several canisters, one clock and one deterministic
//! randomness seed. Messages run to completion on a queue: an update call
//! returns once the call and every inter-canister call it caused have been
//! processed. See the crate README for what is implemented and how
//! instructions are counted.

mod exec;
mod management;
mod module;
mod sysapi;

pub mod scenario;

pub use candid::Principal;
pub use management::{HttpRequest, HttpResponse};
pub use module::disk_cache_dir;

use exec::{Entry, Installed, Outcome};
use std::collections::{BTreeMap, HashMap, VecDeque};
use sysapi::{ApiKind, Host, HostTrap, MsgCtx, SysState};
use wasmtime::Linker;

/// Replica configuration.
#[derive(Debug, Clone)]
pub struct ReplicaConfig {
    /// Seed of the deterministic randomness (`raw_rand`).
    pub seed: u64,
    /// The initial time, in nanoseconds since 1970-01-01.
    pub start_time_nanos: u64,
    /// Directory of the on-disk cache of compiled modules (`None`: memory
    /// cache only). Default: [`disk_cache_dir`].
    pub module_cache_dir: Option<std::path::PathBuf>,
}

impl Default for ReplicaConfig {
    fn default() -> Self {
        ReplicaConfig {
            seed: 0,
            // 2024-01-01T00:00:00Z
            start_time_nanos: 1_704_067_200_000_000_000,
            module_cache_dir: disk_cache_dir(),
        }
    }
}

/// How `install_code` treats an existing module.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InstallMode {
    Install,
    Reinstall,
    Upgrade,
}

/// The IC's reject codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RejectCode {
    SysFatal = 1,
    SysTransient = 2,
    DestinationInvalid = 3,
    CanisterReject = 4,
    CanisterError = 5,
}

impl RejectCode {
    /// The code for a numeric reject code (unknown codes map to
    /// `CanisterError`).
    pub fn from_u32(code: u32) -> Self {
        match code {
            1 => RejectCode::SysFatal,
            2 => RejectCode::SysTransient,
            3 => RejectCode::DestinationInvalid,
            4 => RejectCode::CanisterReject,
            _ => RejectCode::CanisterError,
        }
    }
}

/// A rejected call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reject {
    pub code: RejectCode,
    pub message: String,
}

impl Reject {
    pub fn new(code: RejectCode, message: impl Into<String>) -> Self {
        Reject {
            code,
            message: message.into(),
        }
    }
}

impl std::fmt::Display for Reject {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "reject code {}: {}", self.code as u32, self.message)
    }
}

impl std::error::Error for Reject {}

/// The outcome of a call and the instructions it took.
#[derive(Debug, Clone)]
pub struct CallResult {
    pub outcome: Result<Vec<u8>, Reject>,
    /// Instructions executed by the called canister for this call: the
    /// entry message plus every callback of the same call context (for an
    /// update with awaits), or the query (plus its callbacks for a
    /// composite query). Zero for management canister calls.
    pub instructions: u64,
}

/// A `debug_print` line or a trap message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogLine {
    pub canister: Principal,
    pub kind: LogKind,
    pub message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogKind {
    DebugPrint,
    Trap,
}

/// Per-message instruction limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InstructionLimits {
    /// Update methods, callbacks, heartbeats and timers.
    pub update: u64,
    /// Query methods (including composite queries and their callbacks).
    pub query: u64,
    /// `canister_init`, `canister_pre_upgrade`, `canister_post_upgrade`.
    pub install: u64,
    /// `canister_inspect_message`.
    pub inspect_message: u64,
}

impl Default for InstructionLimits {
    fn default() -> Self {
        InstructionLimits {
            update: 20_000_000_000,
            query: 5_000_000_000,
            install: 300_000_000_000,
            inspect_message: 200_000_000,
        }
    }
}

/// Cycles given to canisters created without an explicit amount (ingress
/// `create_canister`, `provisional_create_canister_with_cycles` with no
/// amount).
pub const DEFAULT_PROVISIONAL_CYCLES: u128 = 100_000_000_000_000;

/// The index of the first canister id handed out: the same as a local dfx
/// replica's first canister, `bkyz2-fmaaa-aaaaa-qaaaq-cai`.
pub const FIRST_CANISTER_INDEX: u64 = 0x8000_0000_0010_0001;

/// The canister id with index `n`: `n` as 8 big-endian bytes, then `[1, 1]`.
pub fn canister_id_from_index(n: u64) -> Principal {
    let mut b = n.to_be_bytes().to_vec();
    b.extend_from_slice(&[1, 1]);
    Principal::from_slice(&b)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Status {
    Running,
    Stopping,
    Stopped,
}

pub(crate) struct Canister {
    pub sys: SysState,
    pub status: Status,
    pub installed: Option<Installed>,
    /// Bumped on every install/upgrade/uninstall: callbacks of an older
    /// incarnation are not run.
    pub incarnation: u64,
}

impl Canister {
    fn set_status(&mut self, s: Status) {
        self.status = s;
        self.sys.status = match s {
            Status::Running => 1,
            Status::Stopping => 2,
            Status::Stopped => 3,
        };
    }
}

#[derive(Debug, Clone, Copy)]
enum Origin {
    Ingress(u64),
    Canister { callback: u64 },
    System,
}

struct CallContext {
    canister: Principal,
    caller: Principal,
    origin: Origin,
    responded: bool,
    cycles_available: u128,
    outstanding: usize,
    composite: bool,
    instructions: u64,
}

struct Callback {
    canister: Principal,
    incarnation: u64,
    context: u64,
    reply: (u32, u32),
    reject: (u32, u32),
    cleanup: Option<(u32, u32)>,
}

enum Message {
    Request {
        caller: Principal,
        callee: Principal,
        method: String,
        arg: Vec<u8>,
        cycles: u128,
        callback: u64,
        from_query: bool,
    },
    Response {
        callback: u64,
        result: Result<Vec<u8>, Reject>,
        refund: u128,
    },
}

/// Most messages processed by one run of the queue (a guard against
/// canisters that call each other forever); the rest stay queued.
const MAX_MESSAGES_PER_RUN: usize = 1_000_000;

/// The response (once there is one) and instructions of an ingress call.
type IngressStatus = (Option<Result<Vec<u8>, Reject>>, u64);

/// Answers the management canister's `http_request`.
pub type HttpResponder = Box<dyn FnMut(&HttpRequest) -> HttpResponse>;

/// A local Internet Computer: canisters, a clock, a message queue.
pub struct Replica {
    linker: Linker<Host>,
    canisters: BTreeMap<Principal, Canister>,
    next_index: u64,
    time: u64,
    seed: u64,
    rand_counter: u64,
    queue: VecDeque<Message>,
    contexts: HashMap<u64, CallContext>,
    callbacks: HashMap<u64, Callback>,
    next_id: u64,
    ingress: HashMap<u64, IngressStatus>,
    http: Option<HttpResponder>,
    logs: Vec<LogLine>,
    limits: InstructionLimits,
    /// During a composite query: snapshots to restore at its end.
    query_session: Option<HashMap<Principal, exec::Snapshot>>,
    /// See [`ReplicaConfig::module_cache_dir`].
    module_cache_dir: Option<std::path::PathBuf>,
}

impl Replica {
    pub fn new(config: ReplicaConfig) -> Self {
        let mut linker = Linker::new(module::engine());
        sysapi::add_to_linker(&mut linker).expect("System API functions have unique names");
        Replica {
            linker,
            canisters: BTreeMap::new(),
            next_index: FIRST_CANISTER_INDEX,
            time: config.start_time_nanos,
            seed: config.seed,
            rand_counter: 0,
            queue: VecDeque::new(),
            contexts: HashMap::new(),
            callbacks: HashMap::new(),
            next_id: 1,
            ingress: HashMap::new(),
            http: None,
            logs: Vec::new(),
            limits: InstructionLimits::default(),
            query_session: None,
            module_cache_dir: config.module_cache_dir,
        }
    }

    /// Changes the per-message instruction limits.
    pub fn set_instruction_limits(&mut self, limits: InstructionLimits) {
        self.limits = limits;
    }

    pub fn instruction_limits(&self) -> InstructionLimits {
        self.limits
    }

    fn fresh_id(&mut self) -> u64 {
        self.next_id += 1;
        self.next_id
    }

    /// Creates an empty canister with these controllers and cycles.
    pub fn create_canister(&mut self, controllers: Vec<Principal>, cycles: u128) -> Principal {
        let id = canister_id_from_index(self.next_index);
        self.next_index += 1;
        self.canisters.insert(
            id,
            Canister {
                sys: SysState::new(id, controllers, cycles),
                status: Status::Running,
                installed: None,
                incarnation: 0,
            },
        );
        id
    }

    /// Installs, reinstalls or upgrades a canister's code (raw or gzipped
    /// Wasm). `sender` must be a controller. On success, the instructions of
    /// the lifecycle hooks that ran.
    pub fn install_code(
        &mut self,
        canister: Principal,
        mode: InstallMode,
        wasm: &[u8],
        arg: &[u8],
        sender: Principal,
    ) -> Result<CallResult, Reject> {
        let c = self
            .canisters
            .get(&canister)
            .ok_or_else(|| not_found(canister))?;
        if !c.sys.controllers.contains(&sender) {
            return Err(not_controller(canister, "install_code"));
        }
        let r = self.install_unchecked(canister, mode, wasm, arg, sender);
        self.run_queue();
        r
    }

    /// Runs an update call from `sender` (a user) and every message it
    /// causes, and returns its response.
    pub fn update_call(
        &mut self,
        canister: Principal,
        method: &str,
        arg: &[u8],
        sender: Principal,
    ) -> CallResult {
        let r = self.update_call_inner(canister, method, arg, sender);
        self.run_queue();
        r
    }

    fn update_call_inner(
        &mut self,
        canister: Principal,
        method: &str,
        arg: &[u8],
        sender: Principal,
    ) -> CallResult {
        if canister == Principal::management_canister() {
            let outcome = self.management_call(sender, method, arg, 0, false);
            let outcome = outcome.0;
            self.run_queue();
            return CallResult {
                outcome,
                instructions: 0,
            };
        }
        let (kind, export) = match self.lookup_method(canister, method, false) {
            Ok(x) => x,
            Err(r) => return rejected(r),
        };
        // canister_inspect_message.
        let has_inspect = self.canisters[&canister]
            .installed
            .as_ref()
            .is_some_and(|i| i.has_export("canister_inspect_message"));
        if has_inspect {
            let mut ctx = MsgCtx::new(
                ApiKind::Inspect,
                sender,
                self.time,
                self.limits.inspect_message,
            );
            ctx.arg = arg.to_vec();
            ctx.method = method.to_string();
            let out = self.run_message(
                canister,
                ctx,
                &Entry::Export("canister_inspect_message".into()),
                true,
            );
            if let Some(t) = out.trap {
                return rejected(trap_reject(canister, &t));
            }
            if !out.accepted_message {
                return rejected(Reject::new(
                    RejectCode::CanisterReject,
                    format!("Canister {canister} rejected the message"),
                ));
            }
        }
        let ingress_id = self.fresh_id();
        self.ingress.insert(ingress_id, (None, 0));
        let ctx_id = self.new_context(canister, sender, Origin::Ingress(ingress_id), 0, false);
        self.execute_entry(ctx_id, kind, &export, arg.to_vec());
        self.run_queue();
        let (result, instructions) = self.ingress.remove(&ingress_id).unwrap_or((None, 0));
        CallResult {
            outcome: result.unwrap_or_else(|| {
                Err(Reject::new(
                    RejectCode::CanisterError,
                    format!("Canister {canister} did not reply to the call"),
                ))
            }),
            instructions,
        }
    }

    /// Runs a query call; every state change is discarded. Composite
    /// queries may call query methods of other canisters.
    pub fn query_call(
        &mut self,
        canister: Principal,
        method: &str,
        arg: &[u8],
        sender: Principal,
    ) -> CallResult {
        if canister == Principal::management_canister() {
            return rejected(Reject::new(
                RejectCode::CanisterReject,
                format!("The management canister has no query method '{method}'"),
            ));
        }
        let (kind, export) = match self.lookup_method(canister, method, true) {
            Ok(x) => x,
            Err(r) => return rejected(r),
        };
        if kind == ApiKind::NonReplicatedQuery {
            let mut ctx = MsgCtx::new(kind, sender, self.time, self.limits.query);
            ctx.arg = arg.to_vec();
            let out = self.run_message(canister, ctx, &Entry::Export(export), true);
            self.log_outcome(canister, &out);
            let outcome = match (out.trap, out.response) {
                (Some(t), _) => Err(trap_reject(canister, &t)),
                (None, Some(Ok(b))) => Ok(b),
                (None, Some(Err(m))) => Err(Reject::new(RejectCode::CanisterReject, m)),
                (None, None) => Err(no_reply(canister)),
            };
            return CallResult {
                outcome,
                instructions: out.instructions,
            };
        }
        // Composite query: run on the queue, then restore every canister it
        // touched.
        self.query_session = Some(HashMap::new());
        let ingress_id = self.fresh_id();
        self.ingress.insert(ingress_id, (None, 0));
        let ctx_id = self.new_context(canister, sender, Origin::Ingress(ingress_id), 0, true);
        self.execute_entry(ctx_id, kind, &export, arg.to_vec());
        self.run_queue();
        if let Some(snaps) = self.query_session.take() {
            for (id, snap) in snaps {
                if let Some(c) = self.canisters.get_mut(&id) {
                    if let Some(inst) = c.installed.as_mut() {
                        inst.restore(&self.linker, &snap);
                        // The system state lives in the canister while idle.
                        if let Some(sys) = snap_sys(&snap) {
                            c.sys = sys;
                        }
                    }
                }
            }
        }
        let (result, instructions) = self.ingress.remove(&ingress_id).unwrap_or((None, 0));
        CallResult {
            outcome: result.unwrap_or_else(|| Err(no_reply(canister))),
            instructions,
        }
    }

    /// Moves the clock forward, then runs a round (heartbeats, due timers).
    pub fn advance_time(&mut self, nanos: u64) {
        self.time = self.time.saturating_add(nanos);
        self.tick();
    }

    /// One round: every running canister's heartbeat, then its global timer
    /// if due; then the queue runs to quiescence.
    pub fn tick(&mut self) {
        let ids: Vec<Principal> = self.canisters.keys().copied().collect();
        for id in ids {
            let Some(c) = self.canisters.get_mut(&id) else {
                continue;
            };
            if c.status != Status::Running {
                continue;
            }
            let Some(inst) = c.installed.as_ref() else {
                continue;
            };
            let heartbeat = inst.has_export("canister_heartbeat");
            let timer_export = inst.has_export("canister_global_timer");
            let timer_due = c.sys.global_timer != 0 && c.sys.global_timer <= self.time;
            if heartbeat {
                self.run_system_task(id, "canister_heartbeat");
            }
            if timer_due {
                // One-shot: deactivated before the handler runs.
                if let Some(c) = self.canisters.get_mut(&id) {
                    c.sys.global_timer = 0;
                }
                if timer_export {
                    self.run_system_task(id, "canister_global_timer");
                }
            }
        }
        self.run_queue();
    }

    pub fn time(&self) -> u64 {
        self.time
    }

    /// Sets the function that answers the management canister's
    /// `http_request`.
    pub fn set_http_responder(&mut self, f: HttpResponder) {
        self.http = Some(f);
    }

    /// The `debug_print` lines and trap messages since the last call.
    pub fn take_logs(&mut self) -> Vec<LogLine> {
        std::mem::take(&mut self.logs)
    }

    /// The `icp:public candid:service` (else `icp:private candid:service`)
    /// custom section of the installed module.
    pub fn candid_service(&self, canister: Principal) -> Option<String> {
        self.canisters
            .get(&canister)?
            .installed
            .as_ref()?
            .module
            .info
            .candid_service
            .clone()
    }

    pub fn cycles_balance(&self, canister: Principal) -> Option<u128> {
        Some(self.canisters.get(&canister)?.sys.cycles)
    }

    /// The SHA-256 of the installed module (as given to install_code).
    pub fn module_hash(&self, canister: Principal) -> Option<[u8; 32]> {
        Some(
            self.canisters
                .get(&canister)?
                .installed
                .as_ref()?
                .module
                .info
                .hash,
        )
    }

    pub fn canister_exists(&self, canister: Principal) -> bool {
        self.canisters.contains_key(&canister)
    }

    pub fn controllers(&self, canister: Principal) -> Option<Vec<Principal>> {
        Some(self.canisters.get(&canister)?.sys.controllers.clone())
    }

    /// The canister's stable memory.
    pub fn stable_memory(&self, canister: Principal) -> Option<&[u8]> {
        Some(&self.canisters.get(&canister)?.sys.stable)
    }

    /// `ic0.canister_version` of the canister.
    pub fn canister_version(&self, canister: Principal) -> Option<u64> {
        Some(self.canisters.get(&canister)?.sys.version)
    }

    /// The exported method names: (updates, queries, composite queries).
    pub fn canister_methods(
        &self,
        canister: Principal,
    ) -> Option<(Vec<String>, Vec<String>, Vec<String>)> {
        let info = &self
            .canisters
            .get(&canister)?
            .installed
            .as_ref()?
            .module
            .info;
        Some((
            info.update_methods.iter().cloned().collect(),
            info.query_methods.iter().cloned().collect(),
            info.composite_query_methods.iter().cloned().collect(),
        ))
    }

    pub fn stop_canister(&mut self, canister: Principal, sender: Principal) -> Result<(), Reject> {
        self.check_controller(canister, sender, "stop_canister")?;
        self.stop_unchecked(canister);
        Ok(())
    }

    pub fn start_canister(&mut self, canister: Principal, sender: Principal) -> Result<(), Reject> {
        self.check_controller(canister, sender, "start_canister")?;
        if let Some(c) = self.canisters.get_mut(&canister) {
            c.set_status(Status::Running);
        }
        Ok(())
    }

    pub fn delete_canister(
        &mut self,
        canister: Principal,
        sender: Principal,
    ) -> Result<(), Reject> {
        self.check_controller(canister, sender, "delete_canister")?;
        self.delete_unchecked(canister)
    }

    // ----- internals -----

    fn check_controller(
        &self,
        canister: Principal,
        sender: Principal,
        method: &str,
    ) -> Result<(), Reject> {
        let c = self
            .canisters
            .get(&canister)
            .ok_or_else(|| not_found(canister))?;
        if !c.sys.controllers.contains(&sender) {
            return Err(not_controller(canister, method));
        }
        Ok(())
    }

    fn stop_unchecked(&mut self, canister: Principal) {
        let open = self.contexts.values().any(|ctx| ctx.canister == canister);
        if let Some(c) = self.canisters.get_mut(&canister) {
            if c.status != Status::Stopped {
                c.set_status(if open {
                    Status::Stopping
                } else {
                    Status::Stopped
                });
            }
        }
    }

    fn delete_unchecked(&mut self, canister: Principal) -> Result<(), Reject> {
        let c = self
            .canisters
            .get(&canister)
            .ok_or_else(|| not_found(canister))?;
        if c.status != Status::Stopped {
            return Err(Reject::new(
                RejectCode::CanisterError,
                format!("Canister {canister} must be stopped before it is deleted."),
            ));
        }
        self.canisters.remove(&canister);
        Ok(())
    }

    /// Finds the export to run for `method`: from a query call (or a
    /// composite query's call) only query and composite query methods; from
    /// an update, update and query methods.
    fn lookup_method(
        &self,
        canister: Principal,
        method: &str,
        query: bool,
    ) -> Result<(ApiKind, String), Reject> {
        let c = self
            .canisters
            .get(&canister)
            .ok_or_else(|| not_found(canister))?;
        let inst = c.installed.as_ref().ok_or_else(|| {
            Reject::new(
                RejectCode::CanisterError,
                format!("Canister {canister} has no Wasm module installed"),
            )
        })?;
        match c.status {
            Status::Running => {}
            Status::Stopping => {
                return Err(Reject::new(
                    RejectCode::CanisterError,
                    format!("Canister {canister} is stopping"),
                ))
            }
            Status::Stopped => {
                return Err(Reject::new(
                    RejectCode::CanisterError,
                    format!("Canister {canister} is stopped"),
                ))
            }
        }
        let info = &inst.module.info;
        if query {
            if info.query_methods.contains(method) {
                return Ok((
                    ApiKind::NonReplicatedQuery,
                    format!("canister_query {method}"),
                ));
            }
            if info.composite_query_methods.contains(method) {
                return Ok((
                    ApiKind::CompositeQuery,
                    format!("canister_composite_query {method}"),
                ));
            }
            Err(Reject::new(
                RejectCode::CanisterError,
                format!("Canister {canister} has no query method '{method}'"),
            ))
        } else {
            if info.update_methods.contains(method) {
                return Ok((ApiKind::Update, format!("canister_update {method}")));
            }
            if info.query_methods.contains(method) {
                return Ok((ApiKind::ReplicatedQuery, format!("canister_query {method}")));
            }
            Err(Reject::new(
                RejectCode::CanisterError,
                format!("Canister {canister} has no update method '{method}'"),
            ))
        }
    }

    fn new_context(
        &mut self,
        canister: Principal,
        caller: Principal,
        origin: Origin,
        cycles: u128,
        composite: bool,
    ) -> u64 {
        let id = self.fresh_id();
        self.contexts.insert(
            id,
            CallContext {
                canister,
                caller,
                origin,
                responded: false,
                cycles_available: cycles,
                outstanding: 0,
                composite,
                instructions: 0,
            },
        );
        id
    }

    fn budget(&self, kind: ApiKind) -> u64 {
        match kind {
            ApiKind::Start | ApiKind::Init | ApiKind::PreUpgrade => self.limits.install,
            ApiKind::Inspect => self.limits.inspect_message,
            ApiKind::NonReplicatedQuery
            | ApiKind::TransformQuery
            | ApiKind::CompositeQuery
            | ApiKind::CompositeReply
            | ApiKind::CompositeReject
            | ApiKind::CompositeCleanup => self.limits.query,
            _ => self.limits.update,
        }
    }

    /// Runs one message on an installed canister, taking a snapshot first
    /// during composite queries.
    fn run_message(
        &mut self,
        canister: Principal,
        ctx: MsgCtx,
        entry: &Entry,
        discard: bool,
    ) -> Outcome {
        let Some(c) = self.canisters.get_mut(&canister) else {
            return missing_outcome(format!("Canister {canister} not found"));
        };
        let Some(inst) = c.installed.as_mut() else {
            return missing_outcome(format!("Canister {canister} has no Wasm module installed"));
        };
        if let Some(session) = self.query_session.as_mut() {
            if let std::collections::hash_map::Entry::Vacant(slot) = session.entry(canister) {
                // Put the system state in the store so the snapshot has it.
                std::mem::swap(&mut inst.store.data_mut().sys, &mut c.sys);
                let snap = inst.snapshot(true);
                std::mem::swap(&mut inst.store.data_mut().sys, &mut c.sys);
                slot.insert(snap);
            }
        }
        inst.run(&self.linker, &mut c.sys, ctx, entry, discard)
    }

    fn log_outcome(&mut self, canister: Principal, out: &Outcome) {
        for l in &out.logs {
            self.logs.push(LogLine {
                canister,
                kind: LogKind::DebugPrint,
                message: l.clone(),
            });
        }
        if let Some(t) = &out.trap {
            self.logs.push(LogLine {
                canister,
                kind: LogKind::Trap,
                message: trap_reject(canister, t).message,
            });
        }
    }

    /// Runs the entry method of call context `ctx_id`.
    fn execute_entry(&mut self, ctx_id: u64, kind: ApiKind, export: &str, arg: Vec<u8>) {
        let Some(cc) = self.contexts.get(&ctx_id) else {
            return;
        };
        let canister = cc.canister;
        let mut ctx = MsgCtx::new(kind, cc.caller, self.time, self.budget(kind));
        ctx.arg = arg;
        ctx.cycles_available = cc.cycles_available;
        let discard = matches!(kind, ApiKind::ReplicatedQuery | ApiKind::NonReplicatedQuery);
        let out = self.run_message(canister, ctx, &Entry::Export(export.to_string()), discard);
        self.after_execution(ctx_id, out, true);
    }

    fn run_system_task(&mut self, canister: Principal, export: &str) {
        let ctx_id = self.new_context(
            canister,
            Principal::management_canister(),
            Origin::System,
            0,
            false,
        );
        let ctx = MsgCtx::new(
            ApiKind::SystemTask,
            Principal::management_canister(),
            self.time,
            self.limits.update,
        );
        let out = self.run_message(canister, ctx, &Entry::Export(export.to_string()), false);
        self.after_execution(ctx_id, out, true);
    }

    /// Bookkeeping after a message: logs, new calls, the response, closing
    /// the call context.
    fn after_execution(&mut self, ctx_id: u64, out: Outcome, entry: bool) {
        let Some(cc) = self.contexts.get_mut(&ctx_id) else {
            return;
        };
        let canister = cc.canister;
        cc.instructions += out.instructions;
        let composite = cc.composite;
        if out.trap.is_none() {
            cc.cycles_available = out.cycles_available;
        }
        if let Origin::Ingress(id) = cc.origin {
            if let Some(e) = self.ingress.get_mut(&id) {
                e.1 = self.contexts[&ctx_id].instructions;
            }
        }
        self.log_outcome(canister, &out);
        let incarnation = self
            .canisters
            .get(&canister)
            .map(|c| c.incarnation)
            .unwrap_or(0);
        for call in out.calls {
            let cb = self.fresh_id();
            self.callbacks.insert(
                cb,
                Callback {
                    canister,
                    incarnation,
                    context: ctx_id,
                    reply: call.reply,
                    reject: call.reject,
                    cleanup: call.cleanup,
                },
            );
            if let Some(cc) = self.contexts.get_mut(&ctx_id) {
                cc.outstanding += 1;
            }
            self.queue.push_back(Message::Request {
                caller: canister,
                callee: call.callee,
                method: call.method,
                arg: call.arg,
                cycles: call.cycles,
                callback: cb,
                from_query: composite,
            });
        }
        match (out.response, &out.trap) {
            (Some(Ok(b)), _) => self.respond(ctx_id, Ok(b)),
            (Some(Err(m)), _) => {
                self.respond(ctx_id, Err(Reject::new(RejectCode::CanisterReject, m)))
            }
            (None, Some(t)) if entry => {
                let r = trap_reject(canister, t);
                self.respond(ctx_id, Err(r));
            }
            _ => {}
        }
        self.maybe_close(ctx_id, out_trap_reject(canister, &out.trap));
    }

    /// Closes a call context with no outstanding calls; if it never
    /// responded, it responds now (with the trap, else "did not reply").
    fn maybe_close(&mut self, ctx_id: u64, trap: Option<Reject>) {
        let Some(cc) = self.contexts.get(&ctx_id) else {
            return;
        };
        if cc.outstanding > 0 {
            return;
        }
        let canister = cc.canister;
        if !cc.responded {
            let r = trap.unwrap_or_else(|| no_reply(canister));
            self.respond(ctx_id, Err(r));
        }
        self.contexts.remove(&ctx_id);
        let still_open = self.contexts.values().any(|c| c.canister == canister);
        if let Some(c) = self.canisters.get_mut(&canister) {
            if c.status == Status::Stopping && !still_open {
                c.set_status(Status::Stopped);
            }
        }
    }

    fn respond(&mut self, ctx_id: u64, result: Result<Vec<u8>, Reject>) {
        let Some(cc) = self.contexts.get_mut(&ctx_id) else {
            return;
        };
        if cc.responded {
            return;
        }
        cc.responded = true;
        let refund = std::mem::take(&mut cc.cycles_available);
        let instructions = cc.instructions;
        match cc.origin {
            Origin::Ingress(id) => {
                self.ingress.insert(id, (Some(result), instructions));
            }
            Origin::Canister { callback } => self.queue.push_back(Message::Response {
                callback,
                result,
                refund,
            }),
            Origin::System => {}
        }
    }

    /// Processes queued messages until none is left.
    fn run_queue(&mut self) {
        let mut n = 0;
        while let Some(m) = self.queue.pop_front() {
            n += 1;
            if n > MAX_MESSAGES_PER_RUN {
                self.queue.push_front(m);
                break;
            }
            match m {
                Message::Request {
                    caller,
                    callee,
                    method,
                    arg,
                    cycles,
                    callback,
                    from_query,
                } => {
                    self.deliver_request(caller, callee, &method, arg, cycles, callback, from_query)
                }
                Message::Response {
                    callback,
                    result,
                    refund,
                } => self.deliver_response(callback, result, refund),
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn deliver_request(
        &mut self,
        caller: Principal,
        callee: Principal,
        method: &str,
        arg: Vec<u8>,
        cycles: u128,
        callback: u64,
        from_query: bool,
    ) {
        if callee == Principal::management_canister() {
            let (result, accepted) = if from_query {
                (
                    Err(Reject::new(
                        RejectCode::CanisterReject,
                        "The management canister cannot be called from a query".to_string(),
                    )),
                    0,
                )
            } else {
                self.management_call(caller, method, &arg, cycles, true)
            };
            self.queue.push_back(Message::Response {
                callback,
                result,
                refund: cycles - accepted.min(cycles),
            });
            return;
        }
        let found = if self.canisters.contains_key(&callee) {
            self.lookup_method(callee, method, from_query)
        } else {
            Err(Reject::new(
                RejectCode::DestinationInvalid,
                format!("Canister {callee} not found"),
            ))
        };
        match found {
            Err(r) => self.queue.push_back(Message::Response {
                callback,
                result: Err(r),
                refund: cycles,
            }),
            Ok((kind, export)) => {
                let ctx_id = self.new_context(
                    callee,
                    caller,
                    Origin::Canister { callback },
                    cycles,
                    from_query || kind == ApiKind::CompositeQuery,
                );
                self.execute_entry(ctx_id, kind, &export, arg);
            }
        }
    }

    fn deliver_response(&mut self, callback: u64, result: Result<Vec<u8>, Reject>, refund: u128) {
        let Some(cb) = self.callbacks.remove(&callback) else {
            return;
        };
        let Some(cc) = self.contexts.get_mut(&cb.context) else {
            return;
        };
        cc.outstanding = cc.outstanding.saturating_sub(1);
        let (caller, composite, responded, available, ctx_instr) = (
            cc.caller,
            cc.composite,
            cc.responded,
            cc.cycles_available,
            cc.instructions,
        );
        let canister = cb.canister;
        let alive = self
            .canisters
            .get(&canister)
            .is_some_and(|c| c.incarnation == cb.incarnation && c.installed.is_some());
        if !alive {
            self.maybe_close(cb.context, None);
            return;
        }
        if let Some(c) = self.canisters.get_mut(&canister) {
            c.sys.cycles = c.sys.cycles.saturating_add(refund);
        }
        let (kind, fun, code, msg, arg) = match &result {
            Ok(bytes) => (
                if composite {
                    ApiKind::CompositeReply
                } else {
                    ApiKind::Reply
                },
                cb.reply,
                0,
                String::new(),
                bytes.clone(),
            ),
            Err(r) => (
                if composite {
                    ApiKind::CompositeReject
                } else {
                    ApiKind::Reject
                },
                cb.reject,
                r.code as u32,
                r.message.clone(),
                Vec::new(),
            ),
        };
        let mut ctx = MsgCtx::new(kind, caller, self.time, self.budget(kind));
        ctx.arg = arg;
        ctx.reject_code = code;
        ctx.reject_msg = msg.clone();
        ctx.already_responded = responded;
        ctx.cycles_available = available;
        ctx.cycles_refunded = refund;
        ctx.ctx_instructions = ctx_instr;
        let out = self.run_message(
            canister,
            ctx,
            &Entry::Callback {
                fun: fun.0,
                env: fun.1,
            },
            false,
        );
        if out.trap.is_some() {
            if let Some(cleanup) = cb.cleanup {
                let ckind = if composite {
                    ApiKind::CompositeCleanup
                } else {
                    ApiKind::Cleanup
                };
                let mut cctx = MsgCtx::new(ckind, caller, self.time, self.budget(ckind));
                cctx.reject_code = code;
                cctx.reject_msg = msg;
                let cout = self.run_message(
                    canister,
                    cctx,
                    &Entry::Callback {
                        fun: cleanup.0,
                        env: cleanup.1,
                    },
                    false,
                );
                self.log_outcome(canister, &cout);
                if let Some(cc) = self.contexts.get_mut(&cb.context) {
                    cc.instructions += cout.instructions;
                }
            }
        }
        self.after_execution(cb.context, out, false);
    }

    /// Installs code without the controller check (the management canister
    /// checks it itself).
    fn install_unchecked(
        &mut self,
        canister: Principal,
        mode: InstallMode,
        wasm: &[u8],
        arg: &[u8],
        sender: Principal,
    ) -> Result<CallResult, Reject> {
        let invalid = |m: String| Reject::new(RejectCode::CanisterError, m);
        let loaded = module::load(wasm, self.module_cache_dir.as_deref())
            .map_err(|e| invalid(format!("Canister {canister}: {e}")))?;
        let time = self.time;
        let limits = self.limits;
        let Some(c) = self.canisters.get_mut(&canister) else {
            return Err(not_found(canister));
        };
        match (mode, c.installed.is_some()) {
            (InstallMode::Install, true) => {
                return Err(invalid(format!(
                    "Canister {canister} cannot be installed because the canister is not empty. Try installing with mode='reinstall' instead."
                )))
            }
            (InstallMode::Upgrade, false) => {
                return Err(invalid(format!(
                    "Canister {canister} has no Wasm module installed, so it cannot be upgraded"
                )))
            }
            _ => {}
        }
        // Everything needed to roll back.
        let mut old_installed = c.installed.take();
        let old_sys = c.sys.clone();
        let mut old_heap = None;
        let mut instructions = 0u64;
        let mut logs: Vec<(LogKind, String)> = Vec::new();
        let mut failure: Option<Reject> = None;

        if mode == InstallMode::Upgrade {
            if let Some(old) = old_installed.as_mut() {
                if old.has_export("canister_pre_upgrade") {
                    // pre_upgrade's heap changes are undone if the upgrade fails.
                    old_heap = Some(old.snapshot(false));
                    let ctx = MsgCtx::new(ApiKind::PreUpgrade, sender, time, limits.install);
                    let out = old.run(
                        &self.linker,
                        &mut c.sys,
                        ctx,
                        &Entry::Export("canister_pre_upgrade".into()),
                        false,
                    );
                    instructions += out.instructions;
                    logs.extend(out.logs.into_iter().map(|l| (LogKind::DebugPrint, l)));
                    if let Some(t) = out.trap {
                        failure = Some(trap_reject(canister, &t));
                    }
                }
            }
        }
        let mut new_installed = None;
        if failure.is_none() {
            let mut sys = c.sys.clone();
            if mode != InstallMode::Upgrade {
                sys.stable.clear();
            }
            sys.global_timer = 0;
            sys.version += 1;
            let ctx = MsgCtx::new(ApiKind::Start, sender, time, 0);
            match Installed::instantiate(&self.linker, loaded, sys.clone(), ctx) {
                Err(e) => failure = Some(invalid(format!("Canister {canister}: {e}"))),
                Ok(mut inst) => {
                    let mut steps: Vec<(ApiKind, &str)> = Vec::new();
                    if inst.has_start() {
                        steps.push((ApiKind::Start, Installed::start_export()));
                    }
                    let hook = if mode == InstallMode::Upgrade {
                        "canister_post_upgrade"
                    } else {
                        "canister_init"
                    };
                    if inst.has_export(hook) {
                        steps.push((ApiKind::Init, hook));
                    }
                    for (kind, export) in steps {
                        let mut ctx = MsgCtx::new(kind, sender, time, limits.install);
                        ctx.arg = arg.to_vec();
                        let out = inst.run(
                            &self.linker,
                            &mut sys,
                            ctx,
                            &Entry::Export(export.to_string()),
                            false,
                        );
                        instructions += out.instructions;
                        logs.extend(out.logs.into_iter().map(|l| (LogKind::DebugPrint, l)));
                        if let Some(t) = out.trap {
                            failure = Some(trap_reject(canister, &t));
                            break;
                        }
                    }
                    if failure.is_none() {
                        c.sys = sys;
                        new_installed = Some(inst);
                    }
                }
            }
        }
        for (kind, message) in logs {
            self.logs.push(LogLine {
                canister,
                kind,
                message,
            });
        }
        let c = self.canisters.get_mut(&canister).expect("checked above");
        match failure {
            Some(r) => {
                self.logs.push(LogLine {
                    canister,
                    kind: LogKind::Trap,
                    message: r.message.clone(),
                });
                c.installed = old_installed;
                c.sys = old_sys;
                if let (Some(inst), Some(snap)) = (c.installed.as_mut(), old_heap) {
                    inst.restore(&self.linker, &snap);
                }
                Err(r)
            }
            None => {
                c.installed = new_installed;
                c.incarnation += 1;
                Ok(CallResult {
                    outcome: Ok(Vec::new()),
                    instructions,
                })
            }
        }
    }
}

fn snap_sys(snap: &exec::Snapshot) -> Option<SysState> {
    snap.sys_state()
}

fn missing_outcome(msg: String) -> Outcome {
    Outcome {
        trap: Some(HostTrap::Contract(msg)),
        response: None,
        calls: Vec::new(),
        instructions: 0,
        accepted_message: false,
        cycles_available: 0,
        logs: Vec::new(),
    }
}

fn rejected(r: Reject) -> CallResult {
    CallResult {
        outcome: Err(r),
        instructions: 0,
    }
}

fn not_found(canister: Principal) -> Reject {
    Reject::new(
        RejectCode::DestinationInvalid,
        format!("Canister {canister} not found"),
    )
}

fn not_controller(canister: Principal, method: &str) -> Reject {
    Reject::new(
        RejectCode::CanisterError,
        format!("Only controllers of canister {canister} can call ic00 method {method}"),
    )
}

fn no_reply(canister: Principal) -> Reject {
    Reject::new(
        RejectCode::CanisterError,
        format!("Canister {canister} did not reply to the call"),
    )
}

pub(crate) fn trap_reject(canister: Principal, t: &HostTrap) -> Reject {
    Reject::new(
        RejectCode::CanisterError,
        format!("Canister {canister} {t}"),
    )
}

fn out_trap_reject(canister: Principal, t: &Option<HostTrap>) -> Option<Reject> {
    t.as_ref().map(|t| trap_reject(canister, t))
}
