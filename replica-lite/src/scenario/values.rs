//! Operations on Candid values: comparison, matching, casts, arithmetic.

use super::parser::{record_value, variant_value};
use candid::types::value::{IDLField, VariantValue};
use candid::types::{Label, Type, TypeInner};
use candid::{IDLValue, Int, TypeEnv};

/// A numeric value: an exact integer or a float.
#[derive(Debug, Clone)]
pub(crate) enum Num {
    Int(Int),
    Float(f64),
}

impl Num {
    fn to_f64(&self) -> f64 {
        match self {
            Num::Float(f) => *f,
            Num::Int(i) => i.0.to_string().parse::<f64>().unwrap_or(f64::NAN),
        }
    }
}

pub(crate) fn as_num(v: &IDLValue) -> Option<Num> {
    let int = |s: String| s.parse::<Int>().ok().map(Num::Int);
    match v {
        IDLValue::Number(s) => int(s.clone()),
        IDLValue::Int(i) => Some(Num::Int(i.clone())),
        IDLValue::Nat(n) => Some(Num::Int(Int::from(n.clone()))),
        IDLValue::Nat8(n) => Some(Num::Int(Int::from(*n))),
        IDLValue::Nat16(n) => Some(Num::Int(Int::from(*n))),
        IDLValue::Nat32(n) => Some(Num::Int(Int::from(*n))),
        IDLValue::Nat64(n) => Some(Num::Int(Int::from(*n))),
        IDLValue::Int8(n) => Some(Num::Int(Int::from(*n))),
        IDLValue::Int16(n) => Some(Num::Int(Int::from(*n))),
        IDLValue::Int32(n) => Some(Num::Int(Int::from(*n))),
        IDLValue::Int64(n) => Some(Num::Int(Int::from(*n))),
        IDLValue::Float32(f) => Some(Num::Float(*f as f64)),
        IDLValue::Float64(f) => Some(Num::Float(*f)),
        _ => None,
    }
}

/// Numbers are equal when they are the same value: a float NaN equals a
/// NaN, and `-0.0` is not `0.0` (a script checks that a value came back
/// unchanged, not IEEE comparison).
fn num_eq(a: &Num, b: &Num) -> bool {
    match (a, b) {
        (Num::Int(x), Num::Int(y)) => x.0 == y.0,
        _ => {
            let (x, y) = (a.to_f64(), b.to_f64());
            (x.is_nan() && y.is_nan()) || (x == y && x.is_sign_negative() == y.is_sign_negative())
        }
    }
}

fn sorted_fields(fields: &[IDLField]) -> Vec<&IDLField> {
    let mut v: Vec<&IDLField> = fields.iter().collect();
    v.sort_by_key(|f| f.id.get_id());
    v
}

fn blob_bytes(v: &IDLValue) -> Option<Vec<u8>> {
    match v {
        IDLValue::Blob(b) => Some(b.clone()),
        IDLValue::Vec(items) => items
            .iter()
            .map(|i| match as_num(i) {
                Some(Num::Int(n)) => n.0.to_string().parse::<u8>().ok(),
                _ => None,
            })
            .collect(),
        _ => None,
    }
}

/// Structural equality (`==`). An untyped number literal equals any numeric
/// value of the same magnitude; typed numbers must also agree on the type.
/// Record fields compare by id, so decoded and literal records agree.
pub(crate) fn values_equal(a: &IDLValue, b: &IDLValue) -> bool {
    use IDLValue as V;
    if let (Some(x), Some(y)) = (as_num(a), as_num(b)) {
        let untyped = matches!(a, V::Number(_)) || matches!(b, V::Number(_));
        return (untyped || std::mem::discriminant(a) == std::mem::discriminant(b))
            && num_eq(&x, &y);
    }
    match (a, b) {
        // A `reserved` value carries nothing: it reads as null, as agents
        // decode it.
        (V::Null | V::None | V::Reserved, V::Null | V::None | V::Reserved) => true,
        (V::Bool(x), V::Bool(y)) => x == y,
        (V::Text(x), V::Text(y)) => x == y,
        (V::Opt(x), V::Opt(y)) => values_equal(x, y),
        (V::Blob(_), V::Blob(_) | V::Vec(_)) | (V::Vec(_), V::Blob(_)) => {
            blob_bytes(a).is_some() && blob_bytes(a) == blob_bytes(b)
        }
        (V::Vec(x), V::Vec(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| values_equal(p, q))
        }
        (V::Record(x), V::Record(y)) => {
            let (x, y) = (sorted_fields(x), sorted_fields(y));
            x.len() == y.len()
                && x.iter()
                    .zip(&y)
                    .all(|(p, q)| p.id == q.id && values_equal(&p.val, &q.val))
        }
        (V::Variant(x), V::Variant(y)) => x.0.id == y.0.id && values_equal(&x.0.val, &y.0.val),
        (V::Principal(x) | V::Service(x), V::Principal(y) | V::Service(y)) => x == y,
        (V::Func(p, m), V::Func(q, n)) => p == q && m == n,
        _ => false,
    }
}

/// The `~=` relation: `left` matches the pattern `right` when it is equal up
/// to Candid subtyping: records in `left` may have extra fields, numbers
/// compare by value whatever their type, and for text the right side only
/// needs to occur in the left side.
pub(crate) fn values_match(left: &IDLValue, right: &IDLValue) -> bool {
    use IDLValue as V;
    if let (Some(x), Some(y)) = (as_num(left), as_num(right)) {
        return num_eq(&x, &y);
    }
    match (left, right) {
        (V::Text(l), V::Text(r)) => l.contains(r.as_str()),
        (V::Opt(l), V::Opt(r)) => values_match(l, r),
        (V::Vec(l), V::Vec(r)) => {
            l.len() == r.len() && l.iter().zip(r).all(|(p, q)| values_match(p, q))
        }
        (V::Record(l), V::Record(r)) => r.iter().all(|rf| {
            l.iter()
                .find(|lf| lf.id == rf.id)
                .is_some_and(|lf| values_match(&lf.val, &rf.val))
        }),
        (V::Variant(l), V::Variant(r)) => l.0.id == r.0.id && values_match(&l.0.val, &r.0.val),
        _ => values_equal(left, right),
    }
}

/// Renders a value for `stringify`: text without quotes, numbers plainly.
pub(crate) fn stringify(v: &IDLValue) -> String {
    match v {
        IDLValue::Text(s) => s.clone(),
        IDLValue::Number(s) => s.clone(),
        IDLValue::Principal(p) | IDLValue::Service(p) => p.to_text(),
        IDLValue::Bool(b) => b.to_string(),
        IDLValue::Null | IDLValue::None => "null".to_string(),
        IDLValue::Float64(f) => f.to_string(),
        IDLValue::Float32(f) => f.to_string(),
        other => match as_num(other) {
            Some(Num::Int(i)) => i.0.to_string(),
            _ => other.to_string(),
        },
    }
}

/// `add`, `sub`, `mul`, `div`: integers stay exact (result untyped), a float
/// on either side makes the result float64.
pub(crate) fn arith(op: &str, a: &IDLValue, b: &IDLValue) -> Result<IDLValue, String> {
    let (Some(x), Some(y)) = (as_num(a), as_num(b)) else {
        return Err(format!("{op} expects two numbers, got {a} and {b}"));
    };
    match (&x, &y) {
        (Num::Int(x), Num::Int(y)) => {
            let r = match op {
                "add" => &x.0 + &y.0,
                "sub" => &x.0 - &y.0,
                "mul" => &x.0 * &y.0,
                _ => {
                    if y.0 == Int::from(0u8).0 {
                        return Err("division by zero".to_string());
                    }
                    &x.0 / &y.0
                }
            };
            Ok(IDLValue::Number(r.to_string()))
        }
        _ => {
            let (x, y) = (x.to_f64(), y.to_f64());
            Ok(IDLValue::Float64(match op {
                "add" => x + y,
                "sub" => x - y,
                "mul" => x * y,
                _ => x / y,
            }))
        }
    }
}

pub(crate) fn concat(a: &IDLValue, b: &IDLValue) -> Result<IDLValue, String> {
    use IDLValue as V;
    Ok(match (a, b) {
        (V::Text(x), V::Text(y)) => V::Text(format!("{x}{y}")),
        (V::Blob(x), V::Blob(y)) => V::Blob([x.as_slice(), y.as_slice()].concat()),
        (V::Vec(x), V::Vec(y)) => V::Vec([x.as_slice(), y.as_slice()].concat()),
        (V::Blob(_), V::Vec(_)) | (V::Vec(_), V::Blob(_)) => match (blob_bytes(a), blob_bytes(b)) {
            (Some(x), Some(y)) => V::Blob([x, y].concat()),
            _ => return Err(format!("cannot concatenate {a} and {b}")),
        },
        (V::Record(x), V::Record(y)) => {
            let mut fields = x.clone();
            let next = x
                .iter()
                .filter(|f| matches!(f.id, Label::Unnamed(_)))
                .count() as u32;
            for (i, f) in y.iter().enumerate() {
                let id = match f.id {
                    Label::Unnamed(_) => Label::Unnamed(next + i as u32),
                    ref other => other.clone(),
                };
                if fields.iter().any(|g| g.id == id) {
                    return Err(format!("both records have field `{id}`"));
                }
                fields.push(IDLField {
                    id,
                    val: f.val.clone(),
                });
            }
            record_value(fields)
        }
        _ => return Err(format!("cannot concatenate {a} and {b}")),
    })
}

fn label_matches(label: &Label, name: &str) -> bool {
    match name.parse::<u32>() {
        Ok(id) => label.get_id() == id,
        Err(_) => label.get_id() == candid::idl_hash(name),
    }
}

/// `.name` on a record or variant.
pub(crate) fn field(v: &IDLValue, name: &str) -> Result<IDLValue, String> {
    match v {
        IDLValue::Record(fields) => fields
            .iter()
            .find(|f| label_matches(&f.id, name))
            .map(|f| f.val.clone())
            .ok_or_else(|| format!("record has no field `{name}`: {v}")),
        IDLValue::Variant(VariantValue(f, _)) => {
            if label_matches(&f.id, name) {
                Ok(f.val.clone())
            } else {
                Err(format!("variant is `{}`, not `{name}`", f.id))
            }
        }
        _ => Err(format!("cannot select field `{name}` from {v}")),
    }
}

/// `[n]` on a vec, blob, record (field id n) or text (n-th character).
pub(crate) fn index(v: &IDLValue, i: u64) -> Result<IDLValue, String> {
    let out_of_range = || format!("index {i} out of range for {v}");
    let idx = usize::try_from(i).map_err(|_| out_of_range())?;
    match v {
        IDLValue::Vec(items) => items.get(idx).cloned().ok_or_else(out_of_range),
        IDLValue::Blob(bytes) => bytes
            .get(idx)
            .map(|b| IDLValue::Nat8(*b))
            .ok_or_else(out_of_range),
        IDLValue::Text(s) => s
            .chars()
            .nth(idx)
            .map(|c| IDLValue::Text(c.to_string()))
            .ok_or_else(out_of_range),
        IDLValue::Record(fields) => {
            let id = u32::try_from(i).map_err(|_| out_of_range())?;
            fields
                .iter()
                .find(|f| f.id.get_id() == id)
                .map(|f| f.val.clone())
                .ok_or_else(out_of_range)
        }
        _ => Err(format!("cannot index into {v}")),
    }
}

/// `?`: unwraps an opt.
pub(crate) fn unwrap_opt(v: &IDLValue) -> Result<IDLValue, String> {
    match v {
        IDLValue::Opt(inner) => Ok((**inner).clone()),
        IDLValue::None | IDLValue::Null => Err("`?` applied to null".to_string()),
        _ => Err(format!("`?` expects an opt value, got {v}")),
    }
}

pub(crate) fn size(v: &IDLValue) -> Result<IDLValue, String> {
    let n = match v {
        IDLValue::Vec(items) => items.len(),
        IDLValue::Blob(b) => b.len(),
        IDLValue::Text(s) => s.chars().count(),
        IDLValue::Record(fields) => fields.len(),
        _ => {
            return Err(format!(
                "size() expects a vec, blob, text or record, got {v}"
            ))
        }
    };
    Ok(IDLValue::Number(n.to_string()))
}

/// Converts `v` to type `ty`. With `explicit` (a type annotation written in
/// the script) conversions are permissive like ic-repl: text and blob
/// convert into each other, floats truncate to integers, principals, services
/// and funcs convert into each other. Without it (call arguments), only
/// lossless numeric conversions are made.
pub(crate) fn coerce(
    v: &IDLValue,
    ty: &Type,
    env: &TypeEnv,
    explicit: bool,
) -> Result<IDLValue, String> {
    use IDLValue as V;
    let mismatch = || format!("type mismatch: {v} cannot be of type {ty}");
    match ty.as_ref() {
        TypeInner::Var(id) => {
            let t = env.rec_find_type(id).map_err(|e| e.to_string())?;
            coerce(v, t, env, explicit)
        }
        TypeInner::Knot(_) | TypeInner::Unknown | TypeInner::Future | TypeInner::Class(..) => {
            v.annotate_type(true, env, ty).map_err(|e| e.to_string())
        }
        TypeInner::Reserved => Ok(V::Reserved),
        TypeInner::Empty => Err(mismatch()),
        TypeInner::Null => match v {
            V::Null | V::None => Ok(V::Null),
            _ => Err(mismatch()),
        },
        TypeInner::Bool => match v {
            V::Bool(b) => Ok(V::Bool(*b)),
            _ => Err(mismatch()),
        },
        TypeInner::Text => match v {
            V::Text(s) => Ok(V::Text(s.clone())),
            V::Blob(b) if explicit => String::from_utf8(b.clone())
                .map(V::Text)
                .map_err(|_| format!("blob is not valid UTF-8 text: {v}")),
            _ => Err(mismatch()),
        },
        TypeInner::Principal => match v {
            V::Principal(p) => Ok(V::Principal(*p)),
            V::Service(p) | V::Func(p, _) if explicit => Ok(V::Principal(*p)),
            V::Text(s) if explicit => candid::Principal::from_text(s)
                .map(V::Principal)
                .map_err(|e| format!("invalid principal `{s}`: {e}")),
            _ => Err(mismatch()),
        },
        TypeInner::Service(_) => match v {
            V::Service(p) | V::Principal(p) => Ok(V::Service(*p)),
            _ => Err(mismatch()),
        },
        TypeInner::Func(_) => match v {
            V::Func(p, m) => Ok(V::Func(*p, m.clone())),
            _ => Err(mismatch()),
        },
        TypeInner::Opt(inner) => match v {
            V::Null | V::None | V::Reserved => Ok(V::None),
            V::Opt(x) => Ok(V::Opt(Box::new(coerce(x, inner, env, explicit)?))),
            other => Ok(V::Opt(Box::new(coerce(other, inner, env, explicit)?))),
        },
        TypeInner::Vec(inner) => {
            if ty.is_blob(env) {
                return match v {
                    V::Blob(b) => Ok(V::Blob(b.clone())),
                    V::Text(s) if explicit => Ok(V::Blob(s.as_bytes().to_vec())),
                    V::Vec(_) => blob_bytes(v).map(V::Blob).ok_or_else(mismatch),
                    _ => Err(mismatch()),
                };
            }
            match v {
                V::Vec(items) => items
                    .iter()
                    .map(|i| coerce(i, inner, env, explicit))
                    .collect::<Result<Vec<_>, _>>()
                    .map(V::Vec),
                V::Blob(bytes) => bytes
                    .iter()
                    .map(|b| coerce(&V::Nat8(*b), inner, env, explicit))
                    .collect::<Result<Vec<_>, _>>()
                    .map(V::Vec),
                _ => Err(mismatch()),
            }
        }
        TypeInner::Record(fields) => {
            let V::Record(values) = v else {
                return Err(mismatch());
            };
            let mut out = Vec::with_capacity(fields.len());
            for f in fields {
                let val = match values.iter().find(|x| x.id.get_id() == f.id.get_id()) {
                    Some(x) => coerce(&x.val, &f.ty, env, explicit)?,
                    None => match env.trace_type(&f.ty).map(|t| t.as_ref().clone()) {
                        Ok(TypeInner::Opt(_)) => V::None,
                        Ok(TypeInner::Null) => V::Null,
                        Ok(TypeInner::Reserved) => V::Reserved,
                        _ => return Err(format!("record field `{}` missing in {v}", f.id)),
                    },
                };
                out.push(IDLField {
                    id: (*f.id).clone(),
                    val,
                });
            }
            Ok(V::Record(out))
        }
        TypeInner::Variant(fields) => {
            let V::Variant(VariantValue(x, _)) = v else {
                return Err(mismatch());
            };
            for (i, f) in fields.iter().enumerate() {
                if f.id.get_id() == x.id.get_id() {
                    let val = coerce(&x.val, &f.ty, env, explicit)?;
                    let mut out = variant_value((*f.id).clone(), val);
                    if let V::Variant(VariantValue(_, index)) = &mut out {
                        *index = i as u64;
                    }
                    return Ok(out);
                }
            }
            Err(format!("variant tag `{}` is not in type {ty}", x.id))
        }
        TypeInner::Float32 | TypeInner::Float64 => {
            let n = as_num(v).ok_or_else(mismatch)?;
            let f = n.to_f64();
            Ok(if matches!(ty.as_ref(), TypeInner::Float32) {
                V::Float32(f as f32)
            } else {
                V::Float64(f)
            })
        }
        TypeInner::Nat
        | TypeInner::Int
        | TypeInner::Nat8
        | TypeInner::Nat16
        | TypeInner::Nat32
        | TypeInner::Nat64
        | TypeInner::Int8
        | TypeInner::Int16
        | TypeInner::Int32
        | TypeInner::Int64 => {
            let n = as_num(v).ok_or_else(mismatch)?;
            let digits = match n {
                Num::Int(i) => i.0.to_string(),
                Num::Float(f) if explicit && f.is_finite() => format!("{:.0}", f.trunc()),
                Num::Float(f) if f.is_finite() && f.fract() == 0.0 => format!("{f:.0}"),
                Num::Float(_) => return Err(mismatch()),
            };
            let digits = if digits == "-0" {
                "0".to_string()
            } else {
                digits
            };
            V::Number(digits.clone())
                .annotate_type(true, env, ty)
                .map_err(|_| format!("{digits} is out of range for {ty}"))
        }
    }
}
