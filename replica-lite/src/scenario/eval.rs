//! Evaluation of scenario commands against a [`Host`].

use super::ast::{BinOp, CommandKind, Expr, Target, Transformer, TypeAnnot};
use super::host::{Host, HostReject, Mode, Reply};
use super::identity::{identity_principal, DEFAULT_IDENTITY};
use super::parser::{record_value, variant_value};
use super::values::{self, coerce};
use super::CanisterBuilder;
use candid::types::value::IDLField;
use candid::types::{Function, Label, Type, TypeInner};
use candid::{IDLArgs, IDLValue, Principal, TypeEnv};
use std::collections::{BTreeMap, BTreeSet, HashMap};
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
    /// Interfaces given by `import NAME = CANISTER as "file.did"`; they win
    /// over the module's metadata.
    imported: HashMap<Principal, Interface>,
    /// The `.did` file next to a module without `candid:service` metadata,
    /// per canister installed from it.
    module_dids: HashMap<Principal, Interface>,
    /// The latest interface of every canister (except the management
    /// canister) the script installed, called or imported: where type names
    /// in annotations come from.
    known: BTreeMap<Principal, Interface>,
    /// The named types of `known`, merged; rebuilt when `known` changes.
    script_types: Option<Rc<ScriptTypes>>,
    /// While the arguments of `call c.m(...)` or `encode c.m(...)` are
    /// evaluated: `c`'s interface, whose type names come first.
    scopes: Vec<Option<Interface>>,
    /// Instructions of the most recent call made by the current command.
    command_cost: Option<u64>,
}

/// The type names every known canister defines, merged. A name two
/// canisters define differently is ambiguous, and so is every name whose
/// definition refers to an ambiguous one.
#[derive(Default)]
struct ScriptTypes {
    env: TypeEnv,
    /// Ambiguous names, with why.
    ambiguous: BTreeMap<String, String>,
}

impl ScriptTypes {
    fn merge(known: &BTreeMap<Principal, Interface>) -> Self {
        let mut defs: BTreeMap<&String, Vec<(Principal, &Type)>> = BTreeMap::new();
        for (canister, iface) in known {
            for (name, ty) in &iface.0 .0 {
                defs.entry(name).or_default().push((*canister, ty));
            }
        }
        let mut ambiguous = BTreeMap::new();
        for (name, ds) in &defs {
            if ds.iter().any(|(_, t)| *t != ds[0].1) {
                let who: Vec<String> = ds.iter().map(|(c, _)| c.to_text()).collect();
                ambiguous.insert(
                    (*name).clone(),
                    format!("canisters {} define it differently", who.join(", ")),
                );
            }
        }
        // Names that refer to an ambiguous name are ambiguous too.
        loop {
            let mut tainted = Vec::new();
            for (name, ds) in &defs {
                if ambiguous.contains_key(*name) {
                    continue;
                }
                let mut refs = BTreeSet::new();
                type_refs(ds[0].1, &mut refs);
                if let Some(r) = refs.iter().find(|r| ambiguous.contains_key(*r)) {
                    tainted.push((
                        (*name).clone(),
                        format!("it refers to `{r}`, which is ambiguous"),
                    ));
                }
            }
            if tainted.is_empty() {
                break;
            }
            ambiguous.extend(tainted);
        }
        let mut env = TypeEnv::new();
        for (name, ds) in defs {
            if !ambiguous.contains_key(name) {
                env.0.insert(name.clone(), ds[0].1.clone());
            }
        }
        ScriptTypes { env, ambiguous }
    }
}

/// The type names `t` mentions.
fn type_refs(t: &Type, out: &mut BTreeSet<String>) {
    match t.as_ref() {
        TypeInner::Var(name) => {
            out.insert(name.clone());
        }
        TypeInner::Opt(t) | TypeInner::Vec(t) => type_refs(t, out),
        TypeInner::Record(fs) | TypeInner::Variant(fs) => {
            fs.iter().for_each(|f| type_refs(&f.ty, out))
        }
        TypeInner::Func(f) => f.args.iter().chain(&f.rets).for_each(|t| type_refs(t, out)),
        TypeInner::Service(ms) => ms.iter().for_each(|(_, t)| type_refs(t, out)),
        TypeInner::Class(args, t) => {
            args.iter().for_each(|t| type_refs(t, out));
            type_refs(t, out);
        }
        _ => {}
    }
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
            imported: HashMap::new(),
            module_dids: HashMap::new(),
            known: BTreeMap::new(),
            script_types: None,
            scopes: Vec::new(),
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
            CommandKind::Import { name, target, did } => {
                let canister = self.target(target)?;
                if let Some(file) = did {
                    if canister == Principal::management_canister() {
                        return err("the management canister's interface is built in; it cannot be imported from a file");
                    }
                    let path = self.base_dir.join(file);
                    let loaded = candid_parser::utils::CandidSource::File(&path)
                        .load()
                        .map_err(|e| {
                            EvalError::Other(format!("cannot import {}: {e}", path.display()))
                        })?;
                    self.imported.insert(canister, Rc::new(loaded));
                }
                self.vars
                    .insert(name.clone(), IDLValue::Principal(canister));
                self.register(canister);
                Ok(None)
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
            Expr::Annot(e, annot) => {
                let v = self.eval(e)?;
                self.annotate(&v, annot)
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
                let args = self.eval_args(canister, args)?;
                self.call(canister, method, args)
            }
            Expr::Encode { method, args } => {
                let bytes = match method {
                    None => encode_untyped(&self.eval_all(args)?)?,
                    Some((target, name)) => {
                        let canister = self.target(target)?;
                        let args = self.eval_args(canister, args)?;
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

    /// Evaluates the arguments of a call to `canister`: type names in their
    /// annotations are looked up in its interface first.
    fn eval_args(&mut self, canister: Principal, items: &[Expr]) -> EResult<Vec<IDLValue>> {
        let iface = self.interface(canister)?;
        self.scopes.push(iface);
        let r = self.eval_all(items);
        self.scopes.pop();
        r
    }

    /// `(v : T)`: converts `v`, resolving the type names in `T` against the
    /// interface of the call whose arguments are being evaluated, if it
    /// defines them all, else against every interface the script knows.
    fn annotate(&mut self, v: &IDLValue, annot: &TypeAnnot) -> EResult<IDLValue> {
        let text = &annot.text;
        let convert = |ty: &Type, env: &TypeEnv| {
            coerce(v, ty, env, true)
                .map_err(|m| EvalError::Other(format!("cannot convert to `{text}`: {m}")))
        };
        if let Some(ty) = &annot.closed {
            return convert(ty, &TypeEnv::new());
        }
        let resolve = |env: &TypeEnv| {
            candid_parser::typing::ast_to_type(env, &annot.ast)
                .map_err(|e| EvalError::Other(format!("invalid type `{text}`: {e}")))
        };
        if let Some(Some(iface)) = self.scopes.last() {
            let env = &iface.0;
            if annot.names.iter().all(|n| env.0.contains_key(n)) {
                return convert(&resolve(env)?, env);
            }
        }
        let types = self.script_types();
        for name in &annot.names {
            if let Some(why) = types.ambiguous.get(name) {
                return err(format!(
                    "type `{name}` is ambiguous: {why}; annotate inside the call's arguments \
                     (`call c.method((value : {name}))` uses `c`'s definition) or write the type out"
                ));
            }
            if !types.env.0.contains_key(name) {
                let scope = if matches!(self.scopes.last(), Some(Some(_))) {
                    "the called canister's interface nor "
                } else {
                    ""
                };
                return err(format!(
                    "unknown type `{name}`: neither {scope}any interface known to the script defines it \
                     (the script knows the interfaces of the canisters it installed, called or imported)"
                ));
            }
        }
        convert(&resolve(&types.env)?, &types.env)
    }

    fn script_types(&mut self) -> Rc<ScriptTypes> {
        if let Some(t) = &self.script_types {
            return t.clone();
        }
        let t = Rc::new(ScriptTypes::merge(&self.known));
        self.script_types = Some(t.clone());
        t
    }

    /// Records the canister's current interface among the known ones (after
    /// installing or importing it). A canister whose interface cannot be
    /// read is left out; calling it reports why.
    fn register(&mut self, canister: Principal) {
        let _ = self.interface(canister);
    }

    fn set_known(&mut self, canister: Principal, iface: Option<&Interface>) {
        let changed = match (self.known.get(&canister), iface) {
            (Some(old), Some(new)) => !Rc::ptr_eq(old, new),
            (None, None) => false,
            _ => true,
        };
        if changed {
            match iface {
                Some(i) => self.known.insert(canister, i.clone()),
                None => self.known.remove(&canister),
            };
            self.script_types = None;
        }
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

    /// The canister's interface: the built-in one of the management
    /// canister; else one imported from a file; else the module's
    /// `candid:service` metadata; else the `.did` file found next to the
    /// module it was installed from.
    fn interface(&mut self, canister: Principal) -> EResult<Option<Interface>> {
        if canister == Principal::management_canister() {
            return parse_interface(MANAGEMENT_DID, &mut self.interfaces).map(Some);
        }
        let iface = if let Some(i) = self.imported.get(&canister) {
            Some(i.clone())
        } else if let Some(text) = self.host.candid_service(canister) {
            Some(parse_interface(&text, &mut self.interfaces)?)
        } else {
            self.module_dids.get(&canister).cloned()
        };
        self.set_known(canister, iface.as_ref());
        Ok(iface)
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
        let did = self.module_interface(&wasm, source.as_deref())?;
        let arg = init_arg(did.as_ref(), args)?;
        let canister = self.host.create_canister(self.caller);
        let reply = self
            .host
            .install_code(canister, Mode::Install, &wasm, &arg, self.caller);
        self.finish_install(reply, "install")?;
        self.installed(canister, &wasm, did);
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
        let did = self.module_interface(&wasm, Some(&path))?;
        let arg = init_arg(did.as_ref(), args)?;
        let reply = self
            .host
            .install_code(canister, mode, &wasm, &arg, self.caller);
        self.finish_install(reply, what)?;
        self.installed(canister, &wasm, did);
        self.sources.insert(canister, path);
        Ok(IDLValue::Null)
    }

    /// The interface of a module: its `candid:service` metadata, else the
    /// `.did` file next to the file it was read from (`x.did` for `x.wasm`
    /// or `x.wasm.gz`), else none.
    fn module_interface(&mut self, wasm: &[u8], path: Option<&Path>) -> EResult<Option<Interface>> {
        if let Some(text) = super::wasm::candid_service(wasm) {
            return parse_interface(&text, &mut self.interfaces).map(Some);
        }
        let Some(did) = path.and_then(sibling_did) else {
            return Ok(None);
        };
        if !did.is_file() {
            return Ok(None);
        }
        let loaded = candid_parser::utils::CandidSource::File(&did)
            .load()
            .map_err(|e| EvalError::Other(format!("invalid {}: {e}", did.display())))?;
        Ok(Some(Rc::new(loaded)))
    }

    /// After installing `wasm`: remembers a `.did` file found for a module
    /// without metadata, and the canister's new interface.
    fn installed(&mut self, canister: Principal, wasm: &[u8], did: Option<Interface>) {
        match did {
            Some(i) if super::wasm::candid_service(wasm).is_none() => {
                self.module_dids.insert(canister, i);
            }
            _ => {
                self.module_dids.remove(&canister);
            }
        }
        self.register(canister);
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

/// `x.did` next to `x.wasm` or `x.wasm.gz`.
fn sibling_did(module: &Path) -> Option<PathBuf> {
    let name = module.file_name()?.to_str()?;
    let stem = name
        .strip_suffix(".wasm.gz")
        .or_else(|| name.strip_suffix(".wasm"))?;
    Some(module.with_file_name(format!("{stem}.did")))
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

/// Encodes init arguments, typed by the module's interface when that
/// declares a service class `(args) -> service`.
fn init_arg(iface: Option<&Interface>, args: &[IDLValue]) -> EResult<Vec<u8>> {
    if let Some((env, Some(actor))) = iface.map(|i| &**i) {
        if let TypeInner::Class(types, _) = actor.as_ref() {
            return encode_typed(args, env, types)
                .map_err(|e| EvalError::Other(format!("init arguments: {e}")));
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
