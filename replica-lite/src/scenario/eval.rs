//! Evaluation of scenario commands against a [`Host`].

use super::ast::{BinOp, CommandKind, Expr, Target, Transformer};
use super::host::{Host, HostReject, Mode, Reply};
use super::identity::{identity_principal, DEFAULT_IDENTITY};
use super::parser::{record_value, variant_value};
use super::values::{self, coerce};
use super::CanisterBuilder;
use candid::types::value::IDLField;
use candid::types::{Function, Label, Type, TypeInner};
use candid::{IDLArgs, IDLValue, Principal, TypeEnv};
use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::rc::Rc;

const MANAGEMENT_DID: &str = include_str!("management.did");

/// Cycles given to every canister `install` creates.
pub(crate) const INSTALL_CYCLES: u128 = 100_000_000_000_000;

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum EvalError {
    /// The replica rejected a message (a call, or installing code).
    Reject {
        what: String,
        reject: HostReject,
    },
    Other(String),
}

impl fmt::Display for EvalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EvalError::Reject { what, reject } => write!(
                f,
                "{what} was rejected with {}: {}",
                reject.code, reject.message
            ),
            EvalError::Other(msg) => f.write_str(msg),
        }
    }
}

impl From<String> for EvalError {
    fn from(s: String) -> Self {
        EvalError::Other(s)
    }
}

type EResult<T> = Result<T, EvalError>;

fn err<T>(msg: impl Into<String>) -> EResult<T> {
    Err(EvalError::Other(msg.into()))
}

/// The result of an `assert` command.
#[derive(Debug, Clone)]
pub(crate) struct AssertOutcome {
    pub passed: bool,
    pub left: IDLValue,
    pub right: IDLValue,
}

/// A parsed Candid interface: its type environment and main service type.
type Interface = Rc<(TypeEnv, Option<Type>)>;

pub(crate) struct Evaluator<'a> {
    host: &'a mut dyn Host,
    builder: &'a mut dyn CanisterBuilder,
    base_dir: PathBuf,
    vars: HashMap<String, IDLValue>,
    caller: Principal,
    /// Where each canister's code came from, for `upgrade`/`reinstall`.
    sources: HashMap<Principal, PathBuf>,
    interfaces: HashMap<String, Interface>,
    /// Instructions of the most recent call made by the current command.
    command_cost: Option<u64>,
}

impl<'a> Evaluator<'a> {
    pub(crate) fn new(
        host: &'a mut dyn Host,
        builder: &'a mut dyn CanisterBuilder,
        base_dir: PathBuf,
    ) -> Self {
        let caller = identity_principal(DEFAULT_IDENTITY);
        let mut vars = HashMap::new();
        vars.insert(DEFAULT_IDENTITY.to_string(), IDLValue::Principal(caller));
        Evaluator {
            host,
            builder,
            base_dir,
            vars,
            caller,
            sources: HashMap::new(),
            interfaces: HashMap::new(),
            command_cost: None,
        }
    }

    pub(crate) fn drain_logs(&mut self) -> Vec<String> {
        self.host.drain_logs()
    }

    /// Runs one command; returns the outcome of an `assert`.
    pub(crate) fn exec(&mut self, command: &CommandKind) -> EResult<Option<AssertOutcome>> {
        self.command_cost = None;
        match command {
            CommandKind::Let(name, e) => {
                let v = self.eval(e)?;
                if let Some(cost) = self.command_cost {
                    self.vars
                        .insert(format!("__cost_{name}"), IDLValue::Nat64(cost));
                }
                self.vars.insert(name.clone(), v);
                Ok(None)
            }
            CommandKind::Expr(e) => {
                let v = self.eval(e)?;
                self.vars.insert("_".to_string(), v);
                Ok(None)
            }
            CommandKind::Assert(l, op, r) => {
                let left = self.eval(l)?;
                let right = self.eval(r)?;
                let passed = match op {
                    BinOp::Eq => values::values_equal(&left, &right),
                    BinOp::NotEq => !values::values_equal(&left, &right),
                    BinOp::Match => values::values_match(&left, &right),
                };
                Ok(Some(AssertOutcome {
                    passed,
                    left,
                    right,
                }))
            }
            CommandKind::Identity(name) => {
                self.caller = identity_principal(name);
                if name != "_" {
                    self.vars
                        .insert(name.clone(), IDLValue::Principal(self.caller));
                }
                Ok(None)
            }
        }
    }

    pub(crate) fn eval(&mut self, e: &Expr) -> EResult<IDLValue> {
        match e {
            Expr::Value(v) => Ok(v.clone()),
            Expr::Opt(inner) => Ok(IDLValue::Opt(Box::new(self.eval(inner)?))),
            Expr::Vec(items) => Ok(IDLValue::Vec(self.eval_all(items)?)),
            Expr::Record(fields) => {
                let mut out = Vec::with_capacity(fields.len());
                for (id, e) in fields {
                    out.push(IDLField {
                        id: id.clone(),
                        val: self.eval(e)?,
                    });
                }
                Ok(record_value(out))
            }
            Expr::Variant(id, e) => Ok(variant_value(id.clone(), self.eval(e)?)),
            Expr::Annot(e, ty, text) => {
                let v = self.eval(e)?;
                coerce(&v, ty, &TypeEnv::new(), true)
                    .map_err(|m| EvalError::Other(format!("cannot convert to `{text}`: {m}")))
            }
            Expr::Tuple(items) => {
                let vals = self.eval_all(items)?;
                Ok(tuple(vals))
            }
            Expr::Var(name) => self.vars.get(name).cloned().ok_or_else(|| {
                EvalError::Other(if name == "_" {
                    "`_` is not bound yet (it holds the value of the last bare expression)"
                        .to_string()
                } else {
                    format!("undefined variable `{name}`")
                })
            }),
            Expr::Path(base, transformers) => {
                let mut v = self.eval(base)?;
                for t in transformers {
                    v = match t {
                        Transformer::Opt => values::unwrap_opt(&v)?,
                        Transformer::Field(name) => values::field(&v, name)?,
                        Transformer::Index(i) => values::index(&v, *i)?,
                        Transformer::Method(name, args) => match (name.as_str(), args.len()) {
                            ("size", 0) => values::size(&v)?,
                            _ => return err(format!("unknown method `.{name}/{}`", args.len())),
                        },
                    };
                }
                Ok(v)
            }
            Expr::Fail(inner) => match self.eval(inner) {
                Ok(v) => err(format!("expected a rejection, but got {v}")),
                Err(EvalError::Reject { reject, .. }) => Ok(IDLValue::Text(reject.message)),
                Err(other) => Err(other),
            },
            Expr::Call {
                target,
                method,
                args,
            } => {
                let canister = self.target(target)?;
                let args = self.eval_all(args)?;
                self.call(canister, method, args)
            }
            Expr::Encode { method, args } => {
                let args = self.eval_all(args)?;
                let bytes = match method {
                    None => encode_untyped(&args)?,
                    Some((target, name)) => {
                        let canister = self.target(target)?;
                        let iface = self.interface(canister)?;
                        match method_of(iface.as_deref(), name) {
                            Some((env, f)) => encode_typed(&args, env, &f.args)?,
                            None => encode_untyped(&args)?,
                        }
                    }
                };
                Ok(IDLValue::Blob(bytes))
            }
            Expr::Decode { method, blob } => {
                let v = self.eval(blob)?;
                let IDLValue::Blob(bytes) = v else {
                    return err(format!("decode expects a blob, got {v}"));
                };
                match method {
                    None => decode(&bytes, None),
                    Some((target, name)) => {
                        let canister = self.target(target)?;
                        let iface = self.interface(canister)?;
                        let types = method_of(iface.as_deref(), name).map(|(e, f)| (e, &f.rets));
                        decode(&bytes, types.map(|(e, t)| (e, t.as_slice())))
                    }
                }
            }
            Expr::App(name, args) => self.builtin(name, args),
        }
    }

    fn eval_all(&mut self, items: &[Expr]) -> EResult<Vec<IDLValue>> {
        items.iter().map(|e| self.eval(e)).collect()
    }

    fn target(&self, target: &Target) -> EResult<Principal> {
        match target {
            Target::Ic => Ok(Principal::management_canister()),
            Target::Principal(p) => Ok(*p),
            Target::Var(name) => match self.vars.get(name) {
                Some(IDLValue::Principal(p) | IDLValue::Service(p)) => Ok(*p),
                Some(IDLValue::Text(t)) => Principal::from_text(t)
                    .map_err(|e| EvalError::Other(format!("`{name}` is not a principal: {e}"))),
                Some(other) => err(format!("`{name}` is not a canister: {other}")),
                None => err(format!("undefined canister `{name}`")),
            },
        }
    }

    fn interface(&mut self, canister: Principal) -> EResult<Option<Interface>> {
        let text = if canister == Principal::management_canister() {
            MANAGEMENT_DID.to_string()
        } else {
            match self.host.candid_service(canister) {
                Some(t) => t,
                None => return Ok(None),
            }
        };
        parse_interface(&text, &mut self.interfaces).map(Some)
    }

    fn record_cost(&mut self, instructions: u64) {
        self.command_cost = Some(instructions);
        self.vars
            .insert("__cost__".to_string(), IDLValue::Nat64(instructions));
    }

    fn call(
        &mut self,
        canister: Principal,
        method: &str,
        args: Vec<IDLValue>,
    ) -> EResult<IDLValue> {
        let iface = self.interface(canister)?;
        let typed = method_of(iface.as_deref(), method);
        let bytes = match typed {
            Some((env, f)) => encode_typed(&args, env, &f.args)
                .map_err(|e| EvalError::Other(format!("arguments of `{method}`: {e}")))?,
            None => encode_untyped(&args)?,
        };
        let query = typed.is_some_and(|(_, f)| f.is_query());
        let reply = self.host.call(canister, method, &bytes, self.caller, query);
        self.record_cost(reply.instructions);
        let what = format!("call to `{method}`");
        let bytes = reply
            .outcome
            .map_err(|reject| EvalError::Reject { what, reject })?;
        match typed {
            Some((env, f)) => {
                let typed = decode(&bytes, Some((env, &f.rets)));
                if canister == Principal::management_canister() && typed.is_err() {
                    decode(&bytes, None)
                } else {
                    typed.map_err(|e| EvalError::Other(format!("reply of `{method}`: {e}")))
                }
            }
            None => decode(&bytes, None),
        }
    }

    fn builtin(&mut self, name: &str, args: &[Expr]) -> EResult<IDLValue> {
        let vals = self.eval_all(args)?;
        let arity = |n: usize| -> EResult<()> {
            if vals.len() == n {
                Ok(())
            } else {
                err(format!("{name} takes {n} argument(s), got {}", vals.len()))
            }
        };
        match name {
            "install" => {
                let Some((module, rest)) = vals.split_first() else {
                    return err(
                        "install takes a path (or a Wasm blob) and optional init arguments",
                    );
                };
                self.install(module, rest)
            }
            "upgrade" | "reinstall" => {
                let mode = if name == "upgrade" {
                    Mode::Upgrade
                } else {
                    Mode::Reinstall
                };
                let Some((canister, rest)) = vals.split_first() else {
                    return err(format!(
                        "{name} takes a canister, an optional path and arguments"
                    ));
                };
                let canister = match canister {
                    IDLValue::Principal(p) | IDLValue::Service(p) => *p,
                    other => return err(format!("{name}: expected a canister, got {other}")),
                };
                self.reinstall(canister, mode, rest)
            }
            "advance_time" => {
                arity(1)?;
                let nanos = as_u64(&vals[0]).ok_or_else(|| {
                    EvalError::Other(format!(
                        "advance_time expects nanoseconds as a nat64, got {}",
                        vals[0]
                    ))
                })?;
                self.host.advance_time(nanos);
                Ok(IDLValue::Null)
            }
            "tick" => {
                arity(0)?;
                self.host.tick();
                Ok(IDLValue::Null)
            }
            "time" => {
                arity(0)?;
                Ok(IDLValue::Nat64(self.host.time()))
            }
            "caller" => {
                arity(0)?;
                Ok(IDLValue::Principal(self.caller))
            }
            "file" => {
                arity(1)?;
                let path = self.path_arg(&vals[0], "file")?;
                std::fs::read(&path)
                    .map(IDLValue::Blob)
                    .map_err(|e| EvalError::Other(format!("cannot read {}: {e}", path.display())))
            }
            "stringify" => Ok(IDLValue::Text(
                vals.iter().map(values::stringify).collect::<String>(),
            )),
            "concat" => {
                arity(2)?;
                Ok(values::concat(&vals[0], &vals[1])?)
            }
            "add" | "sub" | "mul" | "div" => {
                arity(2)?;
                Ok(values::arith(name, &vals[0], &vals[1])?)
            }
            _ => err(format!("unknown function `{name}`")),
        }
    }

    fn path_arg(&self, v: &IDLValue, what: &str) -> EResult<PathBuf> {
        match v {
            IDLValue::Text(t) => Ok(self.base_dir.join(t)),
            other => err(format!("{what} expects a path as text, got {other}")),
        }
    }

    /// Loads a module from a path: `.py` through the builder, `.wasm` and
    /// `.wasm.gz` from disk.
    fn load_module(&mut self, path: &Path) -> EResult<Vec<u8>> {
        let name = path.to_string_lossy();
        if name.ends_with(".py") {
            return self
                .builder
                .build_python(path)
                .map_err(|e| EvalError::Other(format!("building {}: {e:#}", path.display())));
        }
        if !(name.ends_with(".wasm") || name.ends_with(".wasm.gz")) {
            return err(format!(
                "{}: expected a .py, .wasm or .wasm.gz file",
                path.display()
            ));
        }
        let bytes = std::fs::read(path)
            .map_err(|e| EvalError::Other(format!("cannot read {}: {e}", path.display())))?;
        Ok(super::wasm::decompress(bytes)?)
    }

    fn install(&mut self, module: &IDLValue, args: &[IDLValue]) -> EResult<IDLValue> {
        let (wasm, source) = match module {
            IDLValue::Blob(b) => (super::wasm::decompress(b.clone())?, None),
            other => {
                let path = self.path_arg(other, "install")?;
                (self.load_module(&path)?, Some(path))
            }
        };
        let arg = init_arg(&wasm, args)?;
        let canister = self.host.create_canister(self.caller);
        let reply = self
            .host
            .install_code(canister, Mode::Install, &wasm, &arg, self.caller);
        self.finish_install(reply, "install")?;
        if let Some(path) = source {
            self.sources.insert(canister, path);
        }
        Ok(IDLValue::Principal(canister))
    }

    fn reinstall(
        &mut self,
        canister: Principal,
        mode: Mode,
        rest: &[IDLValue],
    ) -> EResult<IDLValue> {
        let what = if mode == Mode::Upgrade {
            "upgrade"
        } else {
            "reinstall"
        };
        let (path, args) = match rest.split_first() {
            Some((IDLValue::Text(t), args)) if is_module_path(t) => {
                (self.base_dir.join(t), args)
            }
            _ => match self.sources.get(&canister) {
                Some(p) => (p.clone(), rest),
                None => {
                    return err(format!(
                        "{what}: {canister} was not installed from a file by this script; pass the path"
                    ))
                }
            },
        };
        let wasm = self.load_module(&path)?;
        let arg = init_arg(&wasm, args)?;
        let reply = self
            .host
            .install_code(canister, mode, &wasm, &arg, self.caller);
        self.finish_install(reply, what)?;
        self.sources.insert(canister, path);
        Ok(IDLValue::Null)
    }

    fn finish_install(&mut self, reply: Reply, what: &str) -> EResult<()> {
        self.record_cost(reply.instructions);
        reply
            .outcome
            .map(|_| ())
            .map_err(|reject| EvalError::Reject {
                what: what.to_string(),
                reject,
            })
    }
}

fn is_module_path(t: &str) -> bool {
    t.ends_with(".py") || t.ends_with(".wasm") || t.ends_with(".wasm.gz")
}

fn as_u64(v: &IDLValue) -> Option<u64> {
    match values::as_num(v)? {
        values::Num::Int(i) => i.0.to_string().parse().ok(),
        values::Num::Float(_) => None,
    }
}

/// Several values as one: none is null, one is itself, more form a tuple record.
fn tuple(mut vals: Vec<IDLValue>) -> IDLValue {
    match vals.len() {
        0 => IDLValue::Null,
        1 => vals.remove(0),
        _ => IDLValue::Record(
            vals.into_iter()
                .enumerate()
                .map(|(i, val)| IDLField {
                    id: Label::Unnamed(i as u32),
                    val,
                })
                .collect(),
        ),
    }
}

pub(crate) fn parse_interface(
    text: &str,
    cache: &mut HashMap<String, Interface>,
) -> EResult<Interface> {
    if let Some(i) = cache.get(text) {
        return Ok(i.clone());
    }
    let loaded = candid_parser::utils::CandidSource::Text(text)
        .load()
        .map_err(|e| EvalError::Other(format!("invalid candid:service metadata: {e}")))?;
    let iface = Rc::new(loaded);
    cache.insert(text.to_string(), iface.clone());
    Ok(iface)
}

fn method_of<'i>(
    iface: Option<&'i (TypeEnv, Option<Type>)>,
    method: &str,
) -> Option<(&'i TypeEnv, &'i Function)> {
    let (env, actor) = iface?;
    let actor = actor.as_ref()?;
    let (_, ty) = env
        .as_service(actor)
        .ok()?
        .iter()
        .find(|(name, _)| name == method)?;
    env.as_func(ty).ok().map(|f| (env, f))
}

/// The init argument types of a module, from its `candid:service` metadata
/// when that declares a service class `(args) -> service`.
fn init_arg(wasm: &[u8], args: &[IDLValue]) -> EResult<Vec<u8>> {
    let did = super::wasm::candid_service(wasm);
    let mut cache = HashMap::new();
    if let Some(text) = did {
        let iface = parse_interface(&text, &mut cache)?;
        if let (env, Some(actor)) = &*iface {
            if let TypeInner::Class(types, _) = actor.as_ref() {
                return encode_typed(args, env, types)
                    .map_err(|e| EvalError::Other(format!("init arguments: {e}")));
            }
        }
    }
    encode_untyped(args)
}

fn encode_untyped(args: &[IDLValue]) -> EResult<Vec<u8>> {
    IDLArgs::new(args)
        .to_bytes()
        .map_err(|e| EvalError::Other(format!("cannot encode arguments: {e}")))
}

pub(crate) fn encode_typed(
    args: &[IDLValue],
    env: &TypeEnv,
    types: &[Type],
) -> Result<Vec<u8>, String> {
    if args.len() > types.len() {
        return Err(format!(
            "expected {} argument(s), got {}",
            types.len(),
            args.len()
        ));
    }
    let mut vals = Vec::with_capacity(types.len());
    for (i, ty) in types.iter().enumerate() {
        let v = match args.get(i) {
            Some(v) => coerce(v, ty, env, false).map_err(|e| format!("argument {}: {e}", i + 1))?,
            None => match env.trace_type(ty).map(|t| t.as_ref().clone()) {
                Ok(TypeInner::Opt(_)) => IDLValue::None,
                Ok(TypeInner::Null) => IDLValue::Null,
                Ok(TypeInner::Reserved) => IDLValue::Reserved,
                _ => {
                    return Err(format!(
                        "expected {} argument(s), got {}",
                        types.len(),
                        args.len()
                    ))
                }
            },
        };
        vals.push(v);
    }
    IDLArgs::new(&vals)
        .to_bytes_with_types(env, types)
        .map_err(|e| e.to_string())
}

fn decode(bytes: &[u8], types: Option<(&TypeEnv, &[Type])>) -> EResult<IDLValue> {
    let args = match types {
        Some((env, types)) => IDLArgs::from_bytes_with_types(bytes, env, types),
        None => IDLArgs::from_bytes(bytes),
    }
    .map_err(|e| EvalError::Other(format!("cannot decode the reply: {e}")))?;
    Ok(tuple(args.args))
}
