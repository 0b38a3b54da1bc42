//! Running one message on one canister instance: fuel, snapshots and
//! rollback.

use crate::module::{
    LoadedModule, GLOBAL_EXPORT_PREFIX, MEMORY_EXPORT, START_EXPORT, TABLE_EXPORT,
};
use crate::sysapi::{Host, HostTrap, MsgCtx, PendingCall, SysState};
use std::sync::Arc;
use wasmtime::{Global, Instance, Linker, Memory, Ref, Store, Table, Trap, Val};

/// A live instance of an installed module.
pub(crate) struct Installed {
    pub module: Arc<LoadedModule>,
    pub store: Store<Host>,
    pub instance: Instance,
    pub memory: Option<Memory>,
    pub table: Option<Table>,
    pub globals: Vec<Global>,
}

/// What to run.
#[derive(Debug, Clone)]
pub(crate) enum Entry {
    /// An exported function, by its export name (e.g. `canister_update f`).
    Export(String),
    /// A function of table 0, called with one i32 argument.
    Callback { fun: u32, env: u32 },
}

/// The result of running one message.
#[derive(Debug)]
pub(crate) struct Outcome {
    pub trap: Option<HostTrap>,
    pub response: Option<Result<Vec<u8>, String>>,
    pub calls: Vec<PendingCall>,
    pub instructions: u64,
    pub accepted_message: bool,
    pub cycles_available: u128,
    pub logs: Vec<String>,
}

/// A copy of everything a message can change.
pub(crate) struct Snapshot {
    memory: Vec<u8>,
    globals: Vec<Val>,
    sys: Option<SysState>,
}

impl Snapshot {
    pub fn sys_state(&self) -> Option<SysState> {
        self.sys.clone()
    }
}

impl Installed {
    /// Instantiates `module` with `sys` as the canister's system state.
    pub fn instantiate(
        linker: &Linker<Host>,
        module: Arc<LoadedModule>,
        sys: SysState,
        ctx: MsgCtx,
    ) -> Result<Self, String> {
        let mut store = Store::new(
            crate::module::engine(),
            Host {
                sys,
                ctx,
                memory: None,
            },
        );
        // Instantiation itself only initializes data and tables (the start
        // function was turned into an export), give it plenty of fuel.
        store.set_fuel(u64::MAX / 2).map_err(|e| e.to_string())?;
        let instance = linker
            .instantiate(&mut store, &module.module)
            .map_err(|e| format!("Wasm module failed to instantiate: {e}"))?;
        let memory = instance.get_memory(&mut store, MEMORY_EXPORT);
        let table = instance.get_table(&mut store, TABLE_EXPORT);
        let mut globals = Vec::with_capacity(module.info.mutable_globals);
        for i in 0..module.info.mutable_globals {
            let g = instance
                .get_global(&mut store, &format!("{GLOBAL_EXPORT_PREFIX}{i}"))
                .ok_or("instrumented global missing")?;
            globals.push(g);
        }
        store.data_mut().memory = memory;
        Ok(Installed {
            module,
            store,
            instance,
            memory,
            table,
            globals,
        })
    }

    pub fn has_export(&self, name: &str) -> bool {
        self.module.info.exports.contains(name)
    }

    pub fn has_start(&self) -> bool {
        self.module.info.has_start
    }

    pub fn start_export() -> &'static str {
        START_EXPORT
    }

    /// Snapshot of heap and globals (and, with `with_sys`, the whole system
    /// state including stable memory).
    pub fn snapshot(&mut self, with_sys: bool) -> Snapshot {
        let memory = self
            .memory
            .map(|m| m.data(&self.store).to_vec())
            .unwrap_or_default();
        let globals = self
            .globals
            .iter()
            .map(|g| g.get(&mut self.store))
            .collect();
        Snapshot {
            memory,
            globals,
            sys: with_sys.then(|| self.store.data().sys.clone()),
        }
    }

    /// Restores a snapshot taken on this instance (re-instantiating when the
    /// memory grew, since Wasm memories cannot shrink).
    pub fn restore(&mut self, linker: &Linker<Host>, snap: &Snapshot) {
        if let Some(sys) = &snap.sys {
            self.store.data_mut().sys = sys.clone();
        }
        let grown = self
            .memory
            .map(|m| m.data_size(&self.store) != snap.memory.len())
            .unwrap_or(false);
        if grown {
            let sys = self.store.data().sys.clone();
            let ctx = std::mem::replace(
                &mut self.store.data_mut().ctx,
                MsgCtx::new(
                    crate::sysapi::ApiKind::Update,
                    candid::Principal::anonymous(),
                    0,
                    0,
                ),
            );
            match Installed::instantiate(linker, self.module.clone(), sys, ctx) {
                Ok(fresh) => *self = fresh,
                Err(e) => {
                    // Cannot happen for a module that instantiated before;
                    // keep the old instance rather than panic.
                    self.store.data_mut().ctx.logs.push(e);
                    return;
                }
            }
            if let Some(m) = self.memory {
                let cur = m.data_size(&self.store);
                if cur < snap.memory.len() {
                    let pages = (snap.memory.len() - cur) as u64 / 65536;
                    let _ = m.grow(&mut self.store, pages);
                }
            }
        }
        if let Some(m) = self.memory {
            let data = m.data_mut(&mut self.store);
            if data.len() == snap.memory.len() {
                data.copy_from_slice(&snap.memory);
            }
        }
        for (g, v) in self.globals.iter().zip(&snap.globals) {
            let _ = g.set(&mut self.store, *v);
        }
    }

    /// Runs `entry` with `ctx`; rolls back on trap, and always when
    /// `discard` is set. The canister's system state is swapped in from
    /// `sys` for the duration and written back.
    pub fn run(
        &mut self,
        linker: &Linker<Host>,
        sys: &mut SysState,
        mut ctx: MsgCtx,
        entry: &Entry,
        discard: bool,
    ) -> Outcome {
        let budget = ctx.budget;
        ctx.stable_len_before = sys.stable.len();
        std::mem::swap(&mut self.store.data_mut().sys, sys);
        self.store.data_mut().ctx = ctx;
        let snap = self.snapshot(false);
        let sys_before = SysLite::of(&self.store.data().sys);
        let _ = self.store.set_fuel(budget);

        let result = self.call(entry);

        let fuel_left = self.store.get_fuel().unwrap_or(0);
        let instructions = budget.saturating_sub(fuel_left);
        let trap = match result {
            Ok(()) => None,
            Err(e) => Some(classify(e)),
        };
        if trap.is_some() || discard {
            self.rollback_stable();
            sys_before.restore(&mut self.store.data_mut().sys);
            self.restore(linker, &snap);
        }
        let ctx = std::mem::replace(
            &mut self.store.data_mut().ctx,
            MsgCtx::new(
                crate::sysapi::ApiKind::Update,
                candid::Principal::anonymous(),
                0,
                0,
            ),
        );
        std::mem::swap(&mut self.store.data_mut().sys, sys);
        let failed = trap.is_some();
        Outcome {
            trap,
            response: if failed { None } else { ctx.response },
            calls: if failed { Vec::new() } else { ctx.calls },
            instructions,
            accepted_message: !failed && ctx.accepted_message,
            cycles_available: ctx.cycles_available,
            logs: ctx.logs,
        }
    }

    fn rollback_stable(&mut self) {
        let h = self.store.data_mut();
        let undo = std::mem::take(&mut h.ctx.stable_undo);
        for (offset, old) in undo.into_iter().rev() {
            let o = offset as usize;
            h.sys.stable[o..o + old.len()].copy_from_slice(&old);
        }
        let len = h.ctx.stable_len_before;
        h.sys.stable.truncate(len);
    }

    fn call(&mut self, entry: &Entry) -> wasmtime::Result<()> {
        match entry {
            Entry::Export(name) => {
                let f = self
                    .instance
                    .get_typed_func::<(), ()>(&mut self.store, name)
                    .map_err(|_| {
                        wasmtime::Error::new(HostTrap::Contract(format!(
                            "the exported function '{name}' does not exist or has the wrong type"
                        )))
                    })?;
                f.call(&mut self.store, ())
            }
            Entry::Callback { fun, env } => {
                let table = self.table.ok_or_else(|| {
                    wasmtime::Error::new(HostTrap::Contract(
                        "callback given, but the module has no table".into(),
                    ))
                })?;
                let func = match table.get(&mut self.store, *fun as u64) {
                    Some(Ref::Func(Some(f))) => f,
                    _ => {
                        return Err(wasmtime::Error::new(HostTrap::Trapped(format!(
                            "callback function index {fun} is not a function in table 0"
                        ))))
                    }
                };
                let f = func.typed::<i32, ()>(&self.store).map_err(|_| {
                    wasmtime::Error::new(HostTrap::Trapped(format!(
                        "callback function {fun} does not have type (i32) -> ()"
                    )))
                })?;
                f.call(&mut self.store, *env as i32)
            }
        }
    }
}

/// The small parts of the system state a message can change (stable
/// memory is handled by the undo log).
struct SysLite {
    cycles: u128,
    certified_data: Vec<u8>,
    global_timer: u64,
}

impl SysLite {
    fn of(s: &SysState) -> Self {
        SysLite {
            cycles: s.cycles,
            certified_data: s.certified_data.clone(),
            global_timer: s.global_timer,
        }
    }
    fn restore(self, s: &mut SysState) {
        s.cycles = self.cycles;
        s.certified_data = self.certified_data;
        s.global_timer = self.global_timer;
    }
}

fn classify(e: wasmtime::Error) -> HostTrap {
    if let Some(t) = e.downcast_ref::<HostTrap>() {
        return t.clone();
    }
    if let Some(t) = e.downcast_ref::<Trap>() {
        let text = match t {
            Trap::OutOfFuel => return HostTrap::InstructionLimit,
            Trap::UnreachableCodeReached => "unreachable".to_string(),
            Trap::MemoryOutOfBounds => "heap out of bounds".to_string(),
            Trap::TableOutOfBounds => "table out of bounds".to_string(),
            Trap::IntegerDivisionByZero => "integer division by 0".to_string(),
            Trap::IntegerOverflow => "integer overflow".to_string(),
            Trap::BadConversionToInteger => "invalid conversion to integer".to_string(),
            Trap::StackOverflow => "stack overflow".to_string(),
            Trap::IndirectCallToNull => "indirect call to null".to_string(),
            Trap::BadSignature => "indirect call signature mismatch".to_string(),
            other => other.to_string(),
        };
        return HostTrap::Trapped(text);
    }
    HostTrap::Trapped(format!("{e:#}"))
}
