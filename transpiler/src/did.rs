//! The Candid service description (`.did`) of a program, printed by the
//! candid crate.

use crate::model::ir::Program;
use crate::model::{CandidTy, Fixed, Mode, Ret};
use candid::types::{FuncMode, Function, Type, TypeInner};
use candid::TypeEnv;

fn candid_type(t: CandidTy) -> Type {
    let inner = match t {
        CandidTy::Nat => TypeInner::Nat,
        CandidTy::Int => TypeInner::Int,
        CandidTy::Fixed(k) => match k {
            Fixed::Nat8 => TypeInner::Nat8,
            Fixed::Nat16 => TypeInner::Nat16,
            Fixed::Nat32 => TypeInner::Nat32,
            Fixed::Nat64 => TypeInner::Nat64,
            Fixed::Int8 => TypeInner::Int8,
            Fixed::Int16 => TypeInner::Int16,
            Fixed::Int32 => TypeInner::Int32,
            Fixed::Int64 => TypeInner::Int64,
        },
        CandidTy::Float64 => TypeInner::Float64,
        CandidTy::Float32 => TypeInner::Float32,
        CandidTy::Bool => TypeInner::Bool,
        CandidTy::Text => TypeInner::Text,
        CandidTy::Blob => return TypeInner::Vec(TypeInner::Nat8.into()).into(),
        CandidTy::Null => TypeInner::Null,
        CandidTy::Principal => TypeInner::Principal,
    };
    inner.into()
}

/// The service type: exported methods in source order.
pub fn service_type(program: &Program) -> Type {
    let methods = program
        .functions
        .iter()
        .filter_map(|f| {
            let mode = f.sig.mode?;
            let func = Function {
                modes: match mode {
                    Mode::Query => vec![FuncMode::Query],
                    Mode::Update => vec![],
                },
                args: f.sig.params.iter().map(|(_, t)| candid_type(*t)).collect(),
                rets: match f.sig.ret {
                    Ret::Void => vec![],
                    Ret::Value(t) => vec![candid_type(t)],
                },
            };
            Some((f.sig.name.clone(), TypeInner::Func(func).into()))
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
