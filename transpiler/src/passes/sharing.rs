//! Which mutable values need a shared representation.
//!
//! Python lists and Records (dicts at run time) are objects: after
//! `b = a`, a change made through `b` is seen through `a`. A type whose
//! values no code changes in place cannot show the difference between
//! sharing and copying, so its values stay plain Rust values (`Vec<T>`, a
//! struct) and copy on assignment. A type with an in-place change anywhere
//! in the program (`xs.append(x)`, `xs[i] = v`, `r["f"] = v`, `r["f"] += 1`,
//! `del xs[i]`, or `a is b`) gets a shared handle for all its values. The decision is per
//! type, so every value of one Python type has one Rust type and no
//! conversion is ever needed between Python code paths; conversions happen
//! only at Candid boundaries, which make new objects anyway.

use crate::model::ir::{DefKind, ExprKind, Place, Program};
use crate::model::visit::{each_expr, each_place};
use crate::model::DefId;
use crate::model::{Ty, TyKind};
use std::collections::BTreeSet;

/// The list and Record types of `program` that some code mutates in place.
pub fn mutated_types(program: &Program) -> BTreeSet<Ty> {
    let mut out = BTreeSet::new();
    let mut mark = |t: Ty| {
        if matches!(program.types.kind(t), TyKind::List(_) | TyKind::Nominal(_)) {
            out.insert(t);
        }
    };
    for f in &program.functions {
        each_place(&f.body, &mut |p| {
            if let Place::Subscript { base, .. } | Place::Field(base, _) = p {
                mark(base.ty);
            }
        });
        each_expr(&f.body, &mut |e| match &e.kind {
            ExprKind::Method(m, args) => {
                if let (true, Some(recv)) = (m.mutates(), args.first()) {
                    mark(recv.ty);
                }
            }
            // `a is b` tells objects apart: they must be objects.
            ExprKind::Is(a, _) => mark(a.ty),
            _ => {}
        });
    }
    out
}

/// The types of class instances: always shared objects, as in Python (an
/// object is mutable whether or not some code mutates it, and `==` without
/// `__eq__` is identity).
pub fn class_types(program: &Program) -> Vec<Ty> {
    (0..program.defs.len() as u32)
        .map(DefId)
        .filter(|d| matches!(program.def(*d).kind, DefKind::Class(_)))
        .filter_map(|d| program.types.find(&TyKind::Nominal(d)))
        .collect()
}
