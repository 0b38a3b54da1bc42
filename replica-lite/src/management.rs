//! The management canister (`aaaaa-aa`) subset: canister lifecycle,
//! cycles, `raw_rand` and `http_request`.
//!
//! Argument and result types follow the Candid of the IC interface spec;
//! records carry only the fields replica-lite reads or reports (Candid
//! subtyping lets callers send more fields and expect fewer).

use crate::{
    InstallMode, Principal, Reject, RejectCode, Replica, Status, DEFAULT_PROVISIONAL_CYCLES,
};
use candid::{CandidType, Decode, Deserialize, Encode, Nat};
use sha2::{Digest, Sha256};

/// An outgoing HTTP request, as given to the responder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpRequest {
    pub url: String,
    /// `GET`, `HEAD` or `POST`.
    pub method: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    pub max_response_bytes: Option<u64>,
    /// The canister that made the request.
    pub canister: Principal,
}

/// The responder's answer to an [`HttpRequest`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpResponse {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

#[derive(CandidType, Deserialize, Debug, Clone, Default)]
struct CanisterSettings {
    controllers: Option<Vec<Principal>>,
    compute_allocation: Option<Nat>,
    memory_allocation: Option<Nat>,
    freezing_threshold: Option<Nat>,
    reserved_cycles_limit: Option<Nat>,
    wasm_memory_limit: Option<Nat>,
    wasm_memory_threshold: Option<Nat>,
}

#[derive(CandidType, Deserialize, Debug)]
struct CreateCanisterArgs {
    settings: Option<CanisterSettings>,
}

#[derive(CandidType, Deserialize, Debug)]
struct ProvisionalCreateArgs {
    amount: Option<Nat>,
    settings: Option<CanisterSettings>,
    specified_id: Option<Principal>,
}

#[derive(CandidType, Deserialize, Debug)]
struct CanisterIdRecord {
    canister_id: Principal,
}

#[derive(CandidType, Deserialize, Debug)]
struct UpdateSettingsArgs {
    canister_id: Principal,
    settings: CanisterSettings,
}

#[derive(CandidType, Deserialize, Debug)]
struct TopUpArgs {
    canister_id: Principal,
    amount: Nat,
}

#[derive(CandidType, Deserialize, Debug)]
struct UpgradeFlags {
    skip_pre_upgrade: Option<bool>,
}

#[derive(CandidType, Deserialize, Debug)]
#[allow(non_camel_case_types)]
enum CanisterInstallMode {
    install,
    reinstall,
    upgrade(Option<UpgradeFlags>),
}

#[derive(CandidType, Deserialize, Debug)]
struct InstallCodeArgs {
    mode: CanisterInstallMode,
    canister_id: Principal,
    wasm_module: Vec<u8>,
    arg: Vec<u8>,
}

#[derive(CandidType, Deserialize, Debug, Clone)]
#[allow(non_camel_case_types)]
enum StatusVariant {
    running,
    stopping,
    stopped,
}

#[derive(CandidType, Deserialize, Debug, Clone)]
#[allow(non_camel_case_types)]
enum LogVisibility {
    controllers,
    public,
}

#[derive(CandidType, Deserialize, Debug, Clone)]
struct DefiniteSettings {
    controllers: Vec<Principal>,
    compute_allocation: Nat,
    memory_allocation: Nat,
    freezing_threshold: Nat,
    reserved_cycles_limit: Nat,
    log_visibility: LogVisibility,
    wasm_memory_limit: Nat,
    wasm_memory_threshold: Nat,
}

#[derive(CandidType, Deserialize, Debug, Clone)]
struct QueryStats {
    num_calls_total: Nat,
    num_instructions_total: Nat,
    request_payload_bytes_total: Nat,
    response_payload_bytes_total: Nat,
}

#[derive(CandidType, Deserialize, Debug, Clone)]
struct CanisterStatusResult {
    status: StatusVariant,
    settings: DefiniteSettings,
    module_hash: Option<Vec<u8>>,
    memory_size: Nat,
    cycles: Nat,
    reserved_cycles: Nat,
    idle_cycles_burned_per_day: Nat,
    query_stats: QueryStats,
}

#[derive(CandidType, Deserialize, Debug, Clone)]
pub(crate) struct HttpHeader {
    name: String,
    value: String,
}

#[derive(CandidType, Deserialize, Debug, Clone)]
pub(crate) struct HttpRequestResult {
    status: Nat,
    headers: Vec<HttpHeader>,
    body: Vec<u8>,
}

#[derive(CandidType, Deserialize, Debug, Clone)]
pub(crate) struct TransformArgs {
    response: HttpRequestResult,
    context: Vec<u8>,
}

candid::define_function!(pub(crate) TransformFunc : (TransformArgs) -> (HttpRequestResult) query);

#[derive(CandidType, Deserialize, Debug, Clone)]
struct TransformContext {
    function: TransformFunc,
    context: Vec<u8>,
}

#[derive(CandidType, Deserialize, Debug, Clone)]
#[allow(non_camel_case_types)]
enum HttpMethod {
    get,
    head,
    post,
}

#[derive(CandidType, Deserialize, Debug, Clone)]
struct HttpRequestArgs {
    url: String,
    max_response_bytes: Option<u64>,
    method: HttpMethod,
    headers: Vec<HttpHeader>,
    body: Option<Vec<u8>>,
    transform: Option<TransformContext>,
}

/// The management canister's limit on HTTP responses without an explicit
/// `max_response_bytes`.
const DEFAULT_MAX_RESPONSE_BYTES: u64 = 2_000_000;

fn bad_payload(method: &str, e: impl std::fmt::Display) -> Reject {
    Reject::new(
        RejectCode::CanisterReject,
        format!("Error decoding candid arguments of management canister method {method}: {e}"),
    )
}

fn nat_to_u128(n: &Nat) -> u128 {
    u128::try_from(n.0.clone()).unwrap_or(u128::MAX)
}

impl Replica {
    /// Handles a call to the management canister. Returns the result and
    /// the cycles it kept (the rest of `cycles` is refunded).
    pub(crate) fn management_call(
        &mut self,
        caller: Principal,
        method: &str,
        arg: &[u8],
        cycles: u128,
        from_canister: bool,
    ) -> (Result<Vec<u8>, Reject>, u128) {
        let mut kept = 0u128;
        let r = self.management_dispatch(caller, method, arg, cycles, from_canister, &mut kept);
        (r, kept)
    }

    fn management_dispatch(
        &mut self,
        caller: Principal,
        method: &str,
        arg: &[u8],
        cycles: u128,
        from_canister: bool,
        kept: &mut u128,
    ) -> Result<Vec<u8>, Reject> {
        macro_rules! decode {
            ($t:ty) => {
                Decode!(arg, $t).map_err(|e| bad_payload(method, e))?
            };
        }
        macro_rules! encode {
            ($v:expr) => {
                Encode!(&$v)
                    .map_err(|e| Reject::new(RejectCode::SysFatal, format!("encoding failed: {e}")))
            };
        }
        match method {
            "raw_rand" => {
                self.rand_counter += 1;
                let mut h = Sha256::new();
                h.update(b"replica-lite raw_rand");
                h.update(self.seed.to_le_bytes());
                h.update(self.rand_counter.to_le_bytes());
                let bytes: Vec<u8> = h.finalize().to_vec();
                encode!(bytes)
            }
            "create_canister" => {
                let a = decode!(CreateCanisterArgs);
                let amount = if from_canister {
                    cycles
                } else {
                    DEFAULT_PROVISIONAL_CYCLES
                };
                *kept = cycles;
                let controllers = a
                    .settings
                    .as_ref()
                    .and_then(|s| s.controllers.clone())
                    .unwrap_or_else(|| vec![caller]);
                let id = self.create_canister(controllers, amount);
                encode!(CanisterIdRecord { canister_id: id })
            }
            "provisional_create_canister_with_cycles" => {
                let a = decode!(ProvisionalCreateArgs);
                let amount = a
                    .amount
                    .as_ref()
                    .map(nat_to_u128)
                    .unwrap_or(DEFAULT_PROVISIONAL_CYCLES);
                let controllers = a
                    .settings
                    .as_ref()
                    .and_then(|s| s.controllers.clone())
                    .unwrap_or_else(|| vec![caller]);
                let id = match a.specified_id {
                    Some(id) => {
                        if self.canisters.contains_key(&id)
                            || id == Principal::management_canister()
                        {
                            return Err(Reject::new(
                                RejectCode::DestinationInvalid,
                                format!("Canister {id} is already installed"),
                            ));
                        }
                        self.canisters.insert(
                            id,
                            crate::Canister {
                                sys: crate::sysapi::SysState::new(id, controllers, amount),
                                status: Status::Running,
                                installed: None,
                                incarnation: 0,
                            },
                        );
                        id
                    }
                    None => self.create_canister(controllers, amount),
                };
                encode!(CanisterIdRecord { canister_id: id })
            }
            "install_code" => {
                let a = decode!(InstallCodeArgs);
                self.check_controller(a.canister_id, caller, method)?;
                let mode = match a.mode {
                    CanisterInstallMode::install => InstallMode::Install,
                    CanisterInstallMode::reinstall => InstallMode::Reinstall,
                    CanisterInstallMode::upgrade(_) => InstallMode::Upgrade,
                };
                self.install_unchecked(a.canister_id, mode, &a.wasm_module, &a.arg, caller)?;
                encode!(())
            }
            "uninstall_code" => {
                let a = decode!(CanisterIdRecord);
                self.check_controller(a.canister_id, caller, method)?;
                self.uninstall(a.canister_id);
                encode!(())
            }
            "start_canister" => {
                let a = decode!(CanisterIdRecord);
                self.start_canister(a.canister_id, caller)?;
                encode!(())
            }
            "stop_canister" => {
                let a = decode!(CanisterIdRecord);
                self.stop_canister(a.canister_id, caller)?;
                encode!(())
            }
            "delete_canister" => {
                let a = decode!(CanisterIdRecord);
                self.delete_canister(a.canister_id, caller)?;
                encode!(())
            }
            "canister_status" => {
                let a = decode!(CanisterIdRecord);
                if a.canister_id != caller {
                    self.check_controller(a.canister_id, caller, method)?;
                }
                let c = self
                    .canisters
                    .get(&a.canister_id)
                    .ok_or_else(|| crate::not_found(a.canister_id))?;
                let memory_size = c
                    .installed
                    .as_ref()
                    .and_then(|i| i.memory.map(|m| m.data_size(&i.store)))
                    .unwrap_or(0)
                    + c.sys.stable.len();
                let r = CanisterStatusResult {
                    status: match c.status {
                        Status::Running => StatusVariant::running,
                        Status::Stopping => StatusVariant::stopping,
                        Status::Stopped => StatusVariant::stopped,
                    },
                    settings: DefiniteSettings {
                        controllers: c.sys.controllers.clone(),
                        compute_allocation: Nat::from(0u32),
                        memory_allocation: Nat::from(0u32),
                        freezing_threshold: Nat::from(2_592_000u32),
                        reserved_cycles_limit: Nat::from(5_000_000_000_000u64),
                        log_visibility: LogVisibility::controllers,
                        wasm_memory_limit: Nat::from(3u64 << 30),
                        wasm_memory_threshold: Nat::from(0u32),
                    },
                    module_hash: c.installed.as_ref().map(|i| i.module.info.hash.to_vec()),
                    memory_size: Nat::from(memory_size),
                    cycles: Nat::from(c.sys.cycles),
                    reserved_cycles: Nat::from(0u32),
                    idle_cycles_burned_per_day: Nat::from(0u32),
                    query_stats: QueryStats {
                        num_calls_total: Nat::from(0u32),
                        num_instructions_total: Nat::from(0u32),
                        request_payload_bytes_total: Nat::from(0u32),
                        response_payload_bytes_total: Nat::from(0u32),
                    },
                };
                encode!(r)
            }
            "update_settings" => {
                let a = decode!(UpdateSettingsArgs);
                self.check_controller(a.canister_id, caller, method)?;
                if let (Some(ctrls), Some(c)) = (
                    a.settings.controllers,
                    self.canisters.get_mut(&a.canister_id),
                ) {
                    c.sys.controllers = ctrls;
                }
                encode!(())
            }
            "deposit_cycles" => {
                let a = decode!(CanisterIdRecord);
                let c = self
                    .canisters
                    .get_mut(&a.canister_id)
                    .ok_or_else(|| crate::not_found(a.canister_id))?;
                c.sys.cycles = c.sys.cycles.saturating_add(cycles);
                *kept = cycles;
                encode!(())
            }
            "provisional_top_up_canister" => {
                let a = decode!(TopUpArgs);
                let c = self
                    .canisters
                    .get_mut(&a.canister_id)
                    .ok_or_else(|| crate::not_found(a.canister_id))?;
                c.sys.cycles = c.sys.cycles.saturating_add(nat_to_u128(&a.amount));
                encode!(())
            }
            "http_request" => {
                let a = decode!(HttpRequestArgs);
                let result = self.http_request(caller, a)?;
                encode!(result)
            }
            _ => Err(Reject::new(
                RejectCode::CanisterReject,
                format!("Management canister has no method '{method}'"),
            )),
        }
    }

    fn uninstall(&mut self, canister: Principal) {
        if let Some(c) = self.canisters.get_mut(&canister) {
            c.installed = None;
            c.incarnation += 1;
            c.sys.stable.clear();
            c.sys.certified_data.clear();
            c.sys.global_timer = 0;
            c.sys.version += 1;
        }
        // Open call contexts are rejected.
        let open: Vec<u64> = self
            .contexts
            .iter()
            .filter(|(_, cc)| cc.canister == canister)
            .map(|(id, _)| *id)
            .collect();
        for id in open {
            self.respond(
                id,
                Err(Reject::new(
                    RejectCode::CanisterReject,
                    "Canister has been uninstalled.",
                )),
            );
            self.contexts.remove(&id);
        }
    }

    fn http_request(
        &mut self,
        caller: Principal,
        a: HttpRequestArgs,
    ) -> Result<HttpRequestResult, Reject> {
        let max = a.max_response_bytes.unwrap_or(DEFAULT_MAX_RESPONSE_BYTES);
        if max > DEFAULT_MAX_RESPONSE_BYTES {
            return Err(Reject::new(
                RejectCode::CanisterReject,
                format!(
                    "max_response_bytes cannot exceed {DEFAULT_MAX_RESPONSE_BYTES} bytes (was {max})"
                ),
            ));
        }
        let request = HttpRequest {
            url: a.url.clone(),
            method: match a.method {
                HttpMethod::get => "GET",
                HttpMethod::head => "HEAD",
                HttpMethod::post => "POST",
            }
            .to_string(),
            headers: a
                .headers
                .iter()
                .map(|h| (h.name.clone(), h.value.clone()))
                .collect(),
            body: a.body.unwrap_or_default(),
            max_response_bytes: a.max_response_bytes,
            canister: caller,
        };
        let Some(responder) = self.http.as_mut() else {
            return Err(Reject::new(
                RejectCode::SysTransient,
                "No HTTP responder is configured (Replica::set_http_responder)",
            ));
        };
        let response = responder(&request);
        let size: usize = response.body.len()
            + response
                .headers
                .iter()
                .map(|(n, v)| n.len() + v.len())
                .sum::<usize>();
        if size as u64 > max {
            return Err(Reject::new(
                RejectCode::SysFatal,
                format!("Http body exceeds size limit of {max} bytes."),
            ));
        }
        let mut result = HttpRequestResult {
            status: Nat::from(response.status),
            headers: response
                .headers
                .into_iter()
                .map(|(name, value)| HttpHeader { name, value })
                .collect(),
            body: response.body,
        };
        if let Some(t) = a.transform {
            let target = t.function.0.principal;
            if target != caller {
                return Err(Reject::new(
                    RejectCode::CanisterReject,
                    "The transform function must be a query method of the calling canister",
                ));
            }
            let targ = Encode!(&TransformArgs {
                response: result,
                context: t.context,
            })
            .map_err(|e| Reject::new(RejectCode::SysFatal, e.to_string()))?;
            let bytes = self.run_transform(target, &t.function.0.method, targ)?;
            result = Decode!(&bytes, HttpRequestResult).map_err(|e| {
                Reject::new(
                    RejectCode::CanisterError,
                    format!("Failed to decode the transform function's result: {e}"),
                )
            })?;
        }
        Ok(result)
    }

    fn run_transform(
        &mut self,
        canister: Principal,
        method: &str,
        arg: Vec<u8>,
    ) -> Result<Vec<u8>, Reject> {
        let (kind, export) = self.lookup_method(canister, method, true)?;
        if kind != crate::sysapi::ApiKind::NonReplicatedQuery {
            return Err(Reject::new(
                RejectCode::CanisterReject,
                format!("The transform function '{method}' must be a query method"),
            ));
        }
        let mut ctx = crate::sysapi::MsgCtx::new(
            crate::sysapi::ApiKind::TransformQuery,
            Principal::management_canister(),
            self.time,
            self.limits.query,
        );
        ctx.arg = arg;
        let out = self.run_message(canister, ctx, &crate::exec::Entry::Export(export), true);
        self.log_outcome(canister, &out);
        match (out.trap, out.response) {
            (Some(t), _) => Err(crate::trap_reject(canister, &t)),
            (None, Some(Ok(b))) => Ok(b),
            (None, Some(Err(m))) => Err(Reject::new(RejectCode::CanisterReject, m)),
            (None, None) => Err(crate::no_reply(canister)),
        }
    }
}
