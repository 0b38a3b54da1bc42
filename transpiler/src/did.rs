//! The Candid service description (`.did`) of a program, printed by the
//! candid crate.

use crate::model::ir::{DefKind, Program};
use crate::model::ty::FuncMode as PyFuncMode;
use crate::model::{CandidKind, CandidTy, Fixed, Mode, Types};
use candid::types::{FuncMode, Function, Type, TypeInner};
use candid::TypeEnv;

fn candid_type(types: &Types, names: &[String], t: CandidTy) -> Type {
    let inner = match types.candid_kind(t) {
        CandidKind::Nat => TypeInner::Nat,
        CandidKind::Int => TypeInner::Int,
        CandidKind::Fixed(k) => match k {
            Fixed::Nat8 => TypeInner::Nat8,
            Fixed::Nat16 => TypeInner::Nat16,
            Fixed::Nat32 => TypeInner::Nat32,
            Fixed::Nat64 => TypeInner::Nat64,
            Fixed::Int8 => TypeInner::Int8,
            Fixed::Int16 => TypeInner::Int16,
            Fixed::Int32 => TypeInner::Int32,
            Fixed::Int64 => TypeInner::Int64,
        },
        CandidKind::Float64 => TypeInner::Float64,
        CandidKind::Float32 => TypeInner::Float32,
        CandidKind::Bool => TypeInner::Bool,
        CandidKind::Text => TypeInner::Text,
        CandidKind::Blob => return TypeInner::Vec(TypeInner::Nat8.into()).into(),
        CandidKind::Null => TypeInner::Null,
        CandidKind::Principal => TypeInner::Principal,
        CandidKind::Reserved => TypeInner::Reserved,
        CandidKind::Empty => TypeInner::Empty,
        CandidKind::Opt(t) => TypeInner::Opt(candid_type(types, names, *t)),
        CandidKind::Vec(t) => TypeInner::Vec(candid_type(types, names, *t)),
        CandidKind::Tuple(items) => TypeInner::Record(
            items
                .iter()
                .enumerate()
                .map(|(i, t)| candid::types::Field {
                    id: candid::types::Label::Id(i as u32).into(),
                    ty: candid_type(types, names, *t),
                })
                .collect(),
        ),
        // Rejected at exports by the checker; this is how they would encode.
        CandidKind::Set(t, _) => TypeInner::Vec(candid_type(types, names, *t)),
        CandidKind::Dict(k, v) => TypeInner::Vec(
            TypeInner::Record(
                [k, v]
                    .iter()
                    .enumerate()
                    .map(|(i, t)| candid::types::Field {
                        id: candid::types::Label::Id(i as u32).into(),
                        ty: candid_type(types, names, **t),
                    })
                    .collect(),
            )
            .into(),
        ),
        // Rejected at exports by the checker.
        CandidKind::Callable(..) | CandidKind::Var(_) | CandidKind::Generator(_) => {
            TypeInner::Reserved
        }
        CandidKind::Named(d) | CandidKind::Service(d) => {
            TypeInner::Var(names[d.0 as usize].clone())
        }
        CandidKind::Func { mode, args, rets } => TypeInner::Func(Function {
            modes: match mode {
                PyFuncMode::Query => vec![FuncMode::Query],
                PyFuncMode::Update => vec![],
                PyFuncMode::Oneway => vec![FuncMode::Oneway],
            },
            args: args.iter().map(|t| candid_type(types, names, *t)).collect(),
            rets: rets.iter().map(|t| candid_type(types, names, *t)).collect(),
        }),
    };
    inner.into()
}

/// The service type: exported methods in source order.
pub fn service_type(program: &Program) -> Type {
    let types = &program.types;
    let names = def_names(program);
    let names = &names;
    let methods = program
        .exports
        .iter()
        .map(|e| {
            let func = Function {
                modes: match e.mode {
                    Mode::Query => vec![FuncMode::Query],
                    Mode::Update => vec![],
                },
                args: e
                    .params
                    .iter()
                    .map(|t| candid_type(types, names, *t))
                    .collect(),
                rets: e
                    .ret
                    .iter()
                    .map(|t| candid_type(types, names, *t))
                    .collect(),
            };
            (e.name.clone(), TypeInner::Func(func).into())
        })
        .collect::<Vec<(String, Type)>>();
    let mut methods = methods;
    methods.sort_by(|a, b| a.0.cmp(&b.0));
    TypeInner::Service(methods).into()
}

fn def_names(program: &Program) -> Vec<String> {
    program.defs.iter().map(|d| d.name.clone()).collect()
}

/// The named types of the program, for the `.did`'s `type X = ...;` lines.
fn type_env(program: &Program) -> TypeEnv {
    let names = def_names(program);
    let types = &program.types;
    let mut env = TypeEnv::new();
    for d in &program.defs {
        if matches!(d.kind, DefKind::Exception(_)) {
            continue;
        }
        let field = |f: &crate::model::ir::Field| candid::types::Field {
            id: candid::types::Label::Named(f.candid_name().to_string()).into(),
            ty: candid_type(types, &names, f.ty),
        };
        let ty: Type = match &d.kind {
            DefKind::Record(fields) => TypeInner::Record(fields.iter().map(field).collect()).into(),
            DefKind::Variant(fields) => {
                TypeInner::Variant(fields.iter().map(field).collect()).into()
            }
            DefKind::Alias(t) => candid_type(types, &names, *t),
            DefKind::Service(methods) => {
                let mut methods: Vec<(String, Type)> = methods
                    .iter()
                    .map(|m| (m.name.clone(), candid_type(types, &names, m.ty)))
                    .collect();
                methods.sort_by(|a, b| a.0.cmp(&b.0));
                TypeInner::Service(methods).into()
            }
            DefKind::Exception(_) => continue,
            // Not a Candid type: `check` keeps classes off the interface.
            DefKind::Class(_) => continue,
        };
        env.0.insert(d.name.clone(), ty);
    }
    env
}

/// The `.did` text.
pub fn compile(program: &Program) -> String {
    let service = service_type(program);
    let env = reachable(type_env(program), &service);
    // `service : () -> { ... }`: a service class without init arguments, as
    // Kybra prints it (an `init` method's parameters would go here).
    let class: Type = TypeInner::Class(Vec::new(), service).into();
    let mut text = candid::pretty::candid::compile(&env, &Some(class));
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text
}

/// The named types `service` refers to, directly or through other named
/// types (as an interface derived from the methods lists them; a class no
/// method uses is not part of the interface).
fn reachable(env: TypeEnv, service: &Type) -> TypeEnv {
    fn walk(t: &Type, env: &TypeEnv, out: &mut TypeEnv) {
        match t.as_ref() {
            TypeInner::Var(name) => {
                if out.0.contains_key(name) {
                    return;
                }
                if let Some(def) = env.0.get(name) {
                    out.0.insert(name.clone(), def.clone());
                    walk(def, env, out);
                }
            }
            TypeInner::Opt(x) | TypeInner::Vec(x) => walk(x, env, out),
            TypeInner::Record(fs) | TypeInner::Variant(fs) => {
                fs.iter().for_each(|f| walk(&f.ty, env, out))
            }
            TypeInner::Func(f) => f.args.iter().chain(&f.rets).for_each(|x| walk(x, env, out)),
            TypeInner::Service(ms) => ms.iter().for_each(|(_, x)| walk(x, env, out)),
            _ => {}
        }
    }
    let mut out = TypeEnv::new();
    walk(service, &env, &mut out);
    out
}
