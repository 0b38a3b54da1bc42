//! Facts about expressions that several passes need, each computed in one
//! place: whether evaluating an expression may raise, whether it has an
//! effect, and the range of values an integer expression can take.

use super::ir::{BinOp, Expr, ExprKind, FPart, UnaryOp};
use super::Ty;

/// Whether evaluating `e` itself (not its operands) may raise a Python
/// exception.
pub fn may_raise_own(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Binary(op, a, b) => {
            let nonzero = || interval(b).is_some_and(|(lo, hi)| lo > 0 || hi < 0);
            if a.ty == Ty::INT && matches!(op, BinOp::FloorDiv | BinOp::Mod) {
                !nonzero()
            } else if a.ty == Ty::INT {
                !matches!(
                    op,
                    BinOp::Add
                        | BinOp::Sub
                        | BinOp::Mul
                        | BinOp::BitAnd
                        | BinOp::BitOr
                        | BinOp::BitXor
                )
            } else if a.ty.is_float() {
                !matches!(op, BinOp::Add | BinOp::Sub | BinOp::Mul)
            } else {
                // `str + str` cannot raise; `str * int` may (MemoryError).
                !(matches!(a.ty, Ty::STR | Ty::BYTES) && *op == BinOp::Add)
            }
        }
        // `-x` and `~x` are `int` or float operations: they cannot raise.
        // Narrowing conversions raise when the value leaves the range.
        ExprKind::Convert(a) => match (a.ty, e.ty) {
            (Ty::INT, to) if to.is_fixed() => interval(a)
                .zip(to.as_fixed())
                .is_none_or(|((lo, hi), k)| lo < k.range().0 || hi > k.range().1),
            (Ty::INT, to) => to != Ty::INT,
            (from, to) => match (from.as_fixed(), to.as_fixed()) {
                (Some(x), Some(y)) => !y.contains(x),
                _ => false,
            },
        },
        ExprKind::FString(parts) => parts
            .iter()
            .any(|p| matches!(p, FPart::Value { spec: Some(_), .. })),
        ExprKind::Call(..)
        | ExprKind::Trap(_)
        | ExprKind::Await(_)
        | ExprKind::Payload(..)
        | ExprKind::Index(..)
        | ExprKind::Unpack { .. }
        | ExprKind::Raise { .. }
        | ExprKind::RaiseObject { .. } => true,
        ExprKind::Method(m, _) => m.may_raise(),
        // Adding an int too large for a float to a float raises.
        ExprKind::Builtin(super::ir::Builtin::Sum, _) if e.ty == Ty::NUM => true,
        ExprKind::Builtin(b, _) => b.may_raise(),
        // A zero step is a `ValueError`.
        ExprKind::Slice { step, .. } => step.is_some(),
        ExprKind::Ref(op, _) => op.may_raise(),
        // No arm for some tag: `Exception("No matching case found")`.
        ExprKind::Match { exhaustive, .. } => !exhaustive,
        _ => false,
    }
}

/// Whether evaluating `e` may raise a Python exception (or trap).
pub fn may_raise(e: &Expr) -> bool {
    if may_raise_own(e) {
        return true;
    }
    let mut any = false;
    e.for_each_child(&mut |c| any = any || may_raise(c));
    any
}

/// Whether evaluating `e` has an effect beyond computing a value (calls,
/// printing, traps), or may raise.
pub fn has_effects(e: &Expr) -> bool {
    let mutates = matches!(&e.kind, ExprKind::Method(m, _) if m.mutates());
    if may_raise_own(e) || mutates || matches!(e.kind, ExprKind::Print(..) | ExprKind::Yield(_)) {
        return true;
    }
    let mut any = false;
    e.for_each_child(&mut |c| any = any || has_effects(c));
    any
}

/// The largest string or bytes length: canister heaps are 32-bit.
const MAX_LEN: i128 = 1 << 32;

/// The inclusive range of values an integer (or bool) expression can take,
/// if it is bounded. Fixed-width values are bounded by their type; `int`
/// arithmetic on bounded operands is bounded by interval arithmetic.
pub fn interval(e: &Expr) -> Option<(i128, i128)> {
    if let ExprKind::Int(i) = &e.kind {
        return i128::try_from(i).ok().map(|v| (v, v));
    }
    if let Some(k) = e.ty.as_fixed() {
        return Some(k.range());
    }
    if e.ty == Ty::BOOL {
        return Some(match e.kind {
            ExprKind::Bool(b) => (b as i128, b as i128),
            _ => (0, 1),
        });
    }
    if e.ty != Ty::INT {
        return None;
    }
    match &e.kind {
        ExprKind::Int(i) => i128::try_from(i).ok().map(|v| (v, v)),
        ExprKind::Convert(a) => interval(a),
        ExprKind::Len(_) => Some((0, MAX_LEN)),
        ExprKind::Unary(UnaryOp::Neg, a) => {
            let (lo, hi) = interval(a)?;
            Some((hi.checked_neg()?, lo.checked_neg()?))
        }
        ExprKind::Unary(UnaryOp::Invert, a) => {
            let (lo, hi) = interval(a)?;
            Some((
                hi.checked_neg()?.checked_sub(1)?,
                lo.checked_neg()?.checked_sub(1)?,
            ))
        }
        ExprKind::IfExp { then, orelse, .. } => {
            let (a, b) = (interval(then)?, interval(orelse)?);
            Some((a.0.min(b.0), a.1.max(b.1)))
        }
        ExprKind::Binary(op, a, b) => binary_interval(*op, interval(a)?, interval(b)?),
        _ => None,
    }
}

fn binary_interval(op: BinOp, a: (i128, i128), b: (i128, i128)) -> Option<(i128, i128)> {
    match op {
        BinOp::Add => Some((a.0.checked_add(b.0)?, a.1.checked_add(b.1)?)),
        BinOp::Sub => Some((a.0.checked_sub(b.1)?, a.1.checked_sub(b.0)?)),
        BinOp::Mul => {
            let c = [
                a.0.checked_mul(b.0)?,
                a.0.checked_mul(b.1)?,
                a.1.checked_mul(b.0)?,
                a.1.checked_mul(b.1)?,
            ];
            Some((*c.iter().min()?, *c.iter().max()?))
        }
        BinOp::FloorDiv if b.0 > 0 => {
            let c = [
                a.0.div_euclid(b.0),
                a.0.div_euclid(b.1),
                a.1.div_euclid(b.0),
                a.1.div_euclid(b.1),
            ];
            Some((*c.iter().min()?, *c.iter().max()?))
        }
        BinOp::Mod if b.0 > 0 => Some((0, b.1 - 1)),
        BinOp::BitAnd if a.0 >= 0 && b.0 >= 0 => Some((0, a.1.min(b.1))),
        BinOp::Shr if a.0 >= 0 && b.0 >= 0 => Some((0, a.1)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Span;

    fn int(v: i64) -> Expr {
        Expr::new(Ty::INT, ExprKind::Int(v.into()), Span::default())
    }

    fn widen(ty: Ty) -> Expr {
        let local = Expr::new(
            ty,
            ExprKind::Local(super::super::ir::LocalId(0)),
            Span::default(),
        );
        Expr::new(Ty::INT, ExprKind::Convert(Box::new(local)), Span::default())
    }

    fn bin(op: BinOp, a: Expr, b: Expr) -> Expr {
        Expr::new(
            Ty::INT,
            ExprKind::Binary(op, Box::new(a), Box::new(b)),
            Span::default(),
        )
    }

    #[test]
    fn intervals() {
        let n8 = || widen(Ty::NAT8);
        assert_eq!(interval(&bin(BinOp::Mul, n8(), n8())), Some((0, 65025)));
        assert_eq!(interval(&bin(BinOp::Sub, n8(), n8())), Some((-255, 255)));
        assert_eq!(
            interval(&bin(BinOp::Mod, widen(Ty::INT64), int(10))),
            Some((0, 9))
        );
        assert_eq!(interval(&bin(BinOp::Pow, int(2), widen(Ty::NAT32))), None);
        assert_eq!(interval(&widen(Ty::INT)), None);
        let big = bin(BinOp::Mul, widen(Ty::NAT32), widen(Ty::NAT32));
        assert_eq!(
            interval(&big),
            Some((0, (u32::MAX as i128) * (u32::MAX as i128)))
        );
        // (2^64 - 1)^2 does not fit in i128: unbounded.
        let huge = bin(BinOp::Mul, widen(Ty::NAT64), widen(Ty::NAT64));
        assert_eq!(interval(&huge), None);
    }

    #[test]
    fn narrowing_may_raise_unless_the_interval_fits() {
        let to = |e: Expr, ty: Ty| Expr::new(ty, ExprKind::Convert(Box::new(e)), Span::default());
        assert!(may_raise(&to(widen(Ty::INT), Ty::NAT8)));
        assert!(!may_raise(&to(
            bin(BinOp::Mod, widen(Ty::INT64), int(10)),
            Ty::NAT8
        )));
        assert!(may_raise(&to(
            bin(BinOp::Mod, widen(Ty::INT64), int(1000)),
            Ty::NAT8
        )));
        assert!(!may_raise(&bin(BinOp::Add, widen(Ty::INT), int(1))));
        assert!(!may_raise(&bin(BinOp::FloorDiv, widen(Ty::INT), int(3))));
        assert!(may_raise(&bin(BinOp::FloorDiv, widen(Ty::INT), int(0))));
        assert!(may_raise(&bin(BinOp::Mod, int(7), widen(Ty::INT))));
    }
}
