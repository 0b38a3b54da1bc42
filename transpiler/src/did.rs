//! The Candid service description (`.did`) of a program, printed by the
//! candid crate.

use crate::model::ir::Program;
use crate::model::ty::FuncMode as PyFuncMode;
use crate::model::{CandidKind, CandidTy, Fixed, Mode, Types};
use candid::types::{FuncMode, Function, Type, TypeInner};
use candid::TypeEnv;

fn candid_type(types: &Types, t: CandidTy) -> Type {
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
        CandidKind::Opt(t) => TypeInner::Opt(candid_type(types, *t)),
        CandidKind::Vec(t) => TypeInner::Vec(candid_type(types, *t)),
        CandidKind::Tuple(items) => TypeInner::Record(
            items
                .iter()
                .enumerate()
                .map(|(i, t)| candid::types::Field {
                    id: candid::types::Label::Id(i as u32).into(),
                    ty: candid_type(types, *t),
                })
                .collect(),
        ),
        // Named definitions arrive with the Candid-types issue.
        CandidKind::Named(d) | CandidKind::Service(d) => TypeInner::Var(format!("def{}", d.0)),
        CandidKind::Func { mode, args, rets } => TypeInner::Func(Function {
            modes: match mode {
                PyFuncMode::Query => vec![FuncMode::Query],
                PyFuncMode::Update => vec![],
                PyFuncMode::Oneway => vec![FuncMode::Oneway],
            },
            args: args.iter().map(|t| candid_type(types, *t)).collect(),
            rets: rets.iter().map(|t| candid_type(types, *t)).collect(),
        }),
    };
    inner.into()
}

/// The service type: exported methods in source order.
pub fn service_type(program: &Program) -> Type {
    let types = &program.types;
    let methods = program
        .exports
        .iter()
        .map(|e| {
            let func = Function {
                modes: match e.mode {
                    Mode::Query => vec![FuncMode::Query],
                    Mode::Update => vec![],
                },
                args: e.params.iter().map(|t| candid_type(types, *t)).collect(),
                rets: e.ret.iter().map(|t| candid_type(types, *t)).collect(),
            };
            (e.name.clone(), TypeInner::Func(func).into())
        })
        .collect::<Vec<(String, Type)>>();
    let mut methods = methods;
    methods.sort_by(|a, b| a.0.cmp(&b.0));
    TypeInner::Service(methods).into()
}

/// The `.did` text.
pub fn compile(program: &Program) -> String {
    let env = TypeEnv::new();
    let mut text = candid::pretty::candid::compile(&env, &Some(service_type(program)));
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text
}
