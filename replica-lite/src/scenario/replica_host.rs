//! [`Host`] over the real replica.

use super::host::{Host, HostReject, Mode, Reply};
use crate::{CallResult, LogKind, Reject, Replica};
use candid::Principal;

pub(crate) struct ReplicaHost<'r> {
    replica: &'r mut Replica,
}

impl<'r> ReplicaHost<'r> {
    pub(crate) fn new(replica: &'r mut Replica) -> Self {
        ReplicaHost { replica }
    }
}

fn reject(r: Reject) -> HostReject {
    HostReject {
        code: format!("{:?} ({})", r.code, r.code as u32),
        message: r.message,
    }
}

fn reply(result: CallResult) -> Reply {
    Reply {
        outcome: result.outcome.map_err(reject),
        instructions: result.instructions,
    }
}

impl Host for ReplicaHost<'_> {
    fn create_canister(&mut self, controller: Principal) -> Principal {
        self.replica
            .create_canister(vec![controller], super::eval::INSTALL_CYCLES)
    }

    fn install_code(
        &mut self,
        canister: Principal,
        mode: Mode,
        wasm: &[u8],
        arg: &[u8],
        sender: Principal,
    ) -> Reply {
        match self.replica.install_code(canister, mode, wasm, arg, sender) {
            Ok(result) => reply(result),
            Err(r) => Reply {
                outcome: Err(reject(r)),
                instructions: 0,
            },
        }
    }

    fn call(
        &mut self,
        canister: Principal,
        method: &str,
        arg: &[u8],
        sender: Principal,
        query: bool,
    ) -> Reply {
        if query {
            reply(self.replica.query_call(canister, method, arg, sender))
        } else {
            reply(self.replica.update_call(canister, method, arg, sender))
        }
    }

    fn advance_time(&mut self, nanos: u64) {
        self.replica.advance_time(nanos);
    }

    fn tick(&mut self) {
        self.replica.tick();
    }

    fn time(&self) -> u64 {
        self.replica.time()
    }

    fn candid_service(&self, canister: Principal) -> Option<String> {
        self.replica.candid_service(canister)
    }

    fn drain_logs(&mut self) -> Vec<String> {
        self.replica
            .take_logs()
            .into_iter()
            .map(|l| {
                let kind = match l.kind {
                    LogKind::DebugPrint => "print",
                    LogKind::Trap => "trap",
                };
                format!("[{}] {kind}: {}", l.canister, l.message)
            })
            .collect()
    }
}
