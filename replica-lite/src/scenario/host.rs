//! What the evaluator needs from a replica. The real implementation wraps
//! [`crate::Replica`]; unit tests use an in-memory fake.

use candid::Principal;

/// A rejected message, as the script reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct HostReject {
    /// The reject code's name and number, e.g. `CanisterError (5)`.
    pub code: String,
    pub message: String,
}

#[derive(Debug, Clone)]
pub(crate) struct Reply {
    pub outcome: Result<Vec<u8>, HostReject>,
    pub instructions: u64,
}

/// How to install: the replica's own mode.
pub(crate) use crate::InstallMode as Mode;

pub(crate) trait Host {
    fn create_canister(&mut self, controller: Principal) -> Principal;
    fn install_code(
        &mut self,
        canister: Principal,
        mode: Mode,
        wasm: &[u8],
        arg: &[u8],
        sender: Principal,
    ) -> Reply;
    fn call(
        &mut self,
        canister: Principal,
        method: &str,
        arg: &[u8],
        sender: Principal,
        query: bool,
    ) -> Reply;
    fn advance_time(&mut self, nanos: u64);
    fn tick(&mut self);
    fn time(&self) -> u64;
    fn candid_service(&self, canister: Principal) -> Option<String>;
    /// Canister log lines produced since the last call, already formatted.
    fn drain_logs(&mut self) -> Vec<String>;
}
