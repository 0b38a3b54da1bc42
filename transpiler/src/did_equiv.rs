//! Structural equivalence of two Candid interfaces (`.did` texts).
//!
//! [`service_equivalent`] answers "do these two `.did` files describe the
//! same service?" for the whole Candid type system: type names are resolved
//! (two differently named but structurally equal types are equal), recursive
//! types are compared co-inductively, record fields and variant tags are
//! matched by label id whatever their order or spelling (`0` and an unnamed
//! first tuple field are the same label), `blob` is `vec nat8`, methods are
//! matched by name and their modes compared. [`names_match`] is the separate,
//! stricter check Kybra compatibility wants: both files define the same type
//! names, each with an equivalent definition.
//!
//! Errors say where the interfaces differ: the method, the argument or result
//! and the path of field labels down to the difference, one line per
//! difference.

use candid::types::{Field, FuncMode, Function, Label, Type, TypeInner};
use candid::TypeEnv;
use std::collections::{BTreeMap, BTreeSet, HashSet};

/// Checks that the services of the `.did` texts `a` (left) and `b` (right)
/// are structurally equal. Init arguments (`service : (A) -> { ... }`) are
/// compared too. `Err` lists every method that differs, one per line, each
/// with the path to the difference.
pub fn service_equivalent(a: &str, b: &str) -> Result<(), String> {
    let left = Interface::parse(a, "left")?;
    let right = Interface::parse(b, "right")?;
    let (Some(la), Some(ra)) = (&left.actor, &right.actor) else {
        return Err(match (&left.actor, &right.actor) {
            (None, None) => "neither .did declares a service".to_string(),
            (None, _) => "the left .did declares no service".to_string(),
            _ => "the right .did declares no service".to_string(),
        });
    };
    let mut cmp = Comparer::new(&left.env, &right.env);
    let mut errors = Vec::new();
    // The service class: init arguments and the service itself.
    let (l_init, l_serv) = split_class(la);
    let (r_init, r_serv) = split_class(ra);
    match (l_init, r_init) {
        (Some(l), Some(r)) => {
            if let Err(e) = cmp.seq(&mut Vec::new(), "init argument", l, r) {
                errors.push(e);
            }
        }
        (Some(l), None) => errors.push(format!(
            "init arguments: the left service takes {}, the right one declares none",
            show_args(l)
        )),
        (None, Some(r)) => errors.push(format!(
            "init arguments: the left service declares none, the right one takes {}",
            show_args(r)
        )),
        (None, None) => {}
    }
    let l_methods = cmp.left_service(l_serv)?;
    let r_methods = cmp.right_service(r_serv)?;
    errors.extend(cmp.methods(&mut Vec::new(), &l_methods, &r_methods));
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors.join("\n"))
    }
}

/// Checks that `a` (left) and `b` (right) define the same set of type names
/// (`type NAME = ...`), and that each name has structurally equal
/// definitions on both sides. `Err` lists the names defined on one side only
/// and, for a name defined differently, the path to the difference.
pub fn names_match(a: &str, b: &str) -> Result<(), String> {
    let left = Interface::parse(a, "left")?;
    let right = Interface::parse(b, "right")?;
    let l_names: BTreeSet<&String> = left.env.0.keys().collect();
    let r_names: BTreeSet<&String> = right.env.0.keys().collect();
    let mut errors = Vec::new();
    let only = |from: &BTreeSet<&String>, other: &BTreeSet<&String>| -> Vec<String> {
        from.difference(other).map(|n| format!("`{n}`")).collect()
    };
    let only_left = only(&l_names, &r_names);
    if !only_left.is_empty() {
        errors.push(format!(
            "types defined only in the left .did: {}",
            only_left.join(", ")
        ));
    }
    let only_right = only(&r_names, &l_names);
    if !only_right.is_empty() {
        errors.push(format!(
            "types defined only in the right .did: {}",
            only_right.join(", ")
        ));
    }
    let mut cmp = Comparer::new(&left.env, &right.env);
    for name in l_names.intersection(&r_names) {
        let l: Type = TypeInner::Var(name.to_string()).into();
        let r: Type = TypeInner::Var(name.to_string()).into();
        let mut path = vec![format!("type `{name}`")];
        if let Err(e) = cmp.isolated(|c| c.ty(&mut path, &l, &r)) {
            errors.push(e);
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors.join("\n"))
    }
}

/// A parsed and checked `.did` text.
struct Interface {
    env: TypeEnv,
    actor: Option<Type>,
}

impl Interface {
    fn parse(text: &str, side: &str) -> Result<Self, String> {
        let (env, actor) = candid_parser::utils::CandidSource::Text(text)
            .load()
            .map_err(|e| format!("the {side} .did is not valid Candid: {e}"))?;
        Ok(Interface { env, actor })
    }
}

/// `(args) -> service` as its parts; a plain service has no init arguments.
fn split_class(t: &Type) -> (Option<&[Type]>, &Type) {
    match t.as_ref() {
        TypeInner::Class(args, serv) => (Some(args.as_slice()), serv),
        _ => (None, t),
    }
}

/// A type on one side of a comparison, for the co-inductive hypotheses: a
/// type name, or a structural type by its address (the types of a loaded
/// interface are shared trees that live as long as the comparison).
#[derive(Clone, PartialEq, Eq, Hash)]
enum Node {
    Name(String),
    At(usize),
}

impl Node {
    fn of(t: &Type) -> Node {
        match t.as_ref() {
            TypeInner::Var(name) => Node::Name(name.clone()),
            _ => Node::At(std::rc::Rc::as_ptr(&t.0) as usize),
        }
    }
}

struct Comparer<'e> {
    left: &'e TypeEnv,
    right: &'e TypeEnv,
    /// Pairs assumed (or proven) equal. A pair enters when at least one side
    /// is a type name, so every cycle through a recursive type meets a pair
    /// it has seen: comparing a recursive type terminates, and a pair
    /// revisited is equal unless some other part of the walk says otherwise.
    assumed: HashSet<(Node, Node)>,
}

type Path = Vec<String>;

impl<'e> Comparer<'e> {
    fn new(left: &'e TypeEnv, right: &'e TypeEnv) -> Self {
        Comparer {
            left,
            right,
            assumed: HashSet::new(),
        }
    }

    /// Runs one independent comparison: when it fails, the hypotheses it
    /// made are dropped so they cannot hide a difference elsewhere.
    fn isolated(&mut self, f: impl FnOnce(&mut Self) -> Result<(), String>) -> Result<(), String> {
        let saved = self.assumed.clone();
        let r = f(self);
        if r.is_err() {
            self.assumed = saved;
        }
        r
    }

    fn left_service(&self, t: &Type) -> Result<BTreeMap<String, Type>, String> {
        service_methods(self.left, t).map_err(|e| format!("the left service: {e}"))
    }

    fn right_service(&self, t: &Type) -> Result<BTreeMap<String, Type>, String> {
        service_methods(self.right, t).map_err(|e| format!("the right service: {e}"))
    }

    /// Compares two method tables; one error per method that differs.
    fn methods(
        &mut self,
        path: &mut Path,
        l: &BTreeMap<String, Type>,
        r: &BTreeMap<String, Type>,
    ) -> Vec<String> {
        let mut errors = Vec::new();
        let names: BTreeSet<&String> = l.keys().chain(r.keys()).collect();
        let depth = path.len();
        for name in names {
            // A failed comparison returns early and leaves its path behind.
            path.truncate(depth);
            path.push(format!("method `{name}`"));
            match (l.get(name), r.get(name)) {
                (Some(lt), Some(rt)) => {
                    if let Err(e) = self.isolated(|c| c.ty(path, lt, rt)) {
                        errors.push(e);
                    }
                }
                (Some(_), None) => errors.push(at(path, "only in the left service")),
                (None, Some(_)) => errors.push(at(path, "only in the right service")),
                (None, None) => unreachable!("the name comes from one of the tables"),
            }
        }
        path.truncate(depth);
        errors
    }

    /// Compares two argument or result sequences, element `what N`.
    fn seq(&mut self, path: &mut Path, what: &str, l: &[Type], r: &[Type]) -> Result<(), String> {
        if l.len() != r.len() {
            return Err(at(
                path,
                &format!(
                    "{} {what}(s) on the left {}, {} on the right {}",
                    l.len(),
                    show_args(l),
                    r.len(),
                    show_args(r)
                ),
            ));
        }
        for (i, (lt, rt)) in l.iter().zip(r).enumerate() {
            path.push(format!("{what} {}", i + 1));
            self.ty(path, lt, rt)?;
            path.pop();
        }
        Ok(())
    }

    fn ty(&mut self, path: &mut Path, l: &Type, r: &Type) -> Result<(), String> {
        let l_var = matches!(l.as_ref(), TypeInner::Var(_));
        let r_var = matches!(r.as_ref(), TypeInner::Var(_));
        if l_var || r_var {
            if !self.assumed.insert((Node::of(l), Node::of(r))) {
                return Ok(());
            }
            let lt = if l_var {
                trace(self.left, l, "left")?
            } else {
                l
            };
            let rt = if r_var {
                trace(self.right, r, "right")?
            } else {
                r
            };
            if !same_kind(lt, rt) {
                return Err(at(
                    path,
                    &format!(
                        "left is {}, right is {}",
                        show_named(l, lt),
                        show_named(r, rt)
                    ),
                ));
            }
            return self.ty(path, lt, rt);
        }
        use TypeInner as T;
        match (l.as_ref(), r.as_ref()) {
            (T::Opt(a), T::Opt(b)) => {
                path.push("opt".to_string());
                self.ty(path, a, b)?;
                path.pop();
                Ok(())
            }
            (T::Vec(a), T::Vec(b)) => {
                path.push("vec element".to_string());
                self.ty(path, a, b)?;
                path.pop();
                Ok(())
            }
            (T::Record(a), T::Record(b)) => self.fields(path, "field", a, b),
            (T::Variant(a), T::Variant(b)) => self.fields(path, "tag", a, b),
            (T::Func(a), T::Func(b)) => self.func(path, a, b),
            (T::Service(a), T::Service(b)) => {
                let a = a.iter().cloned().collect();
                let b = b.iter().cloned().collect();
                let errors = self.methods(path, &a, &b);
                match errors.into_iter().next() {
                    Some(e) => Err(e),
                    None => Ok(()),
                }
            }
            (T::Class(..), _) | (_, T::Class(..)) => Err(at(
                path,
                "a service class (init arguments) may only be the main service",
            )),
            _ if same_kind(l, r) => Ok(()),
            _ => Err(at(
                path,
                &format!("left is {}, right is {}", show(l), show(r)),
            )),
        }
    }

    fn fields(
        &mut self,
        path: &mut Path,
        what: &str,
        l: &[Field],
        r: &[Field],
    ) -> Result<(), String> {
        let kind = if what == "field" { "record" } else { "variant" };
        let l_ids: BTreeMap<u32, &Field> = l.iter().map(|f| (f.id.get_id(), f)).collect();
        let r_ids: BTreeMap<u32, &Field> = r.iter().map(|f| (f.id.get_id(), f)).collect();
        for (id, lf) in &l_ids {
            if !r_ids.contains_key(id) {
                return Err(at(
                    path,
                    &format!(
                        "{what} `{}` is only in the left {kind} (the right one has {})",
                        label(&lf.id),
                        labels(r)
                    ),
                ));
            }
        }
        for (id, rf) in &r_ids {
            if !l_ids.contains_key(id) {
                return Err(at(
                    path,
                    &format!(
                        "{what} `{}` is only in the right {kind} (the left one has {})",
                        label(&rf.id),
                        labels(l)
                    ),
                ));
            }
        }
        for (id, lf) in &l_ids {
            let rf = r_ids[id];
            path.push(format!("{what} `{}`", label(&lf.id)));
            self.ty(path, &lf.ty, &rf.ty)?;
            path.pop();
        }
        Ok(())
    }

    fn func(&mut self, path: &mut Path, l: &Function, r: &Function) -> Result<(), String> {
        let (lm, rm) = (mode(l), mode(r));
        if lm != rm {
            return Err(at(path, &format!("{lm} on the left, {rm} on the right")));
        }
        self.seq(path, "argument", &l.args, &r.args)?;
        self.seq(path, "result", &l.rets, &r.rets)
    }
}

/// The methods of a service type (possibly a type name), by name.
fn service_methods(env: &TypeEnv, t: &Type) -> Result<BTreeMap<String, Type>, String> {
    let methods = env.as_service(t).map_err(|e| e.to_string())?;
    Ok(methods.iter().cloned().collect())
}

/// The structural type a type name stands for, through aliases (the parser
/// rejects cycles of plain aliases).
fn trace<'a>(env: &'a TypeEnv, mut t: &'a Type, side: &str) -> Result<&'a Type, String> {
    while let TypeInner::Var(name) = t.as_ref() {
        t = env
            .find_type(name)
            .map_err(|_| format!("the {side} .did does not define type `{name}`"))?;
    }
    Ok(t)
}

/// Whether two structural types have the same constructor (and, for
/// primitives, are the same type).
fn same_kind(l: &Type, r: &Type) -> bool {
    use TypeInner as T;
    match (l.as_ref(), r.as_ref()) {
        (T::Opt(_), T::Opt(_))
        | (T::Vec(_), T::Vec(_))
        | (T::Record(_), T::Record(_))
        | (T::Variant(_), T::Variant(_))
        | (T::Func(_), T::Func(_))
        | (T::Service(_), T::Service(_)) => true,
        (a, b) => matches!((primitive(a), primitive(b)), (Some(x), Some(y)) if x == y),
    }
}

/// The name of a primitive type (`blob` is `vec nat8`, not a primitive).
fn primitive(t: &TypeInner) -> Option<&'static str> {
    use TypeInner as T;
    Some(match t {
        T::Null => "null",
        T::Bool => "bool",
        T::Nat => "nat",
        T::Int => "int",
        T::Nat8 => "nat8",
        T::Nat16 => "nat16",
        T::Nat32 => "nat32",
        T::Nat64 => "nat64",
        T::Int8 => "int8",
        T::Int16 => "int16",
        T::Int32 => "int32",
        T::Int64 => "int64",
        T::Float32 => "float32",
        T::Float64 => "float64",
        T::Text => "text",
        T::Reserved => "reserved",
        T::Empty => "empty",
        T::Principal => "principal",
        _ => return None,
    })
}

/// A method's mode as written in Candid (`update` when it has none).
fn mode(f: &Function) -> String {
    let mut modes: Vec<&str> = f
        .modes
        .iter()
        .map(|m| match m {
            FuncMode::Query => "query",
            FuncMode::CompositeQuery => "composite_query",
            FuncMode::Oneway => "oneway",
        })
        .collect();
    modes.sort_unstable();
    modes.dedup();
    if modes.is_empty() {
        "update".to_string()
    } else {
        modes.join(" ")
    }
}

fn label(l: &Label) -> String {
    match l {
        Label::Named(n) => n.clone(),
        Label::Id(n) | Label::Unnamed(n) => n.to_string(),
    }
}

fn labels(fields: &[Field]) -> String {
    if fields.is_empty() {
        return "none".to_string();
    }
    let mut ls: Vec<String> = fields
        .iter()
        .map(|f| format!("`{}`", label(&f.id)))
        .collect();
    ls.sort();
    ls.join(", ")
}

/// A type on one line, shortened when long.
fn show(t: &Type) -> String {
    const MAX: usize = 80;
    let text = t
        .to_string()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if text.chars().count() > MAX {
        let short: String = text.chars().take(MAX).collect();
        format!("`{short}…`")
    } else {
        format!("`{text}`")
    }
}

/// A type as written (`original`, maybe a name) and what it stands for.
fn show_named(original: &Type, resolved: &Type) -> String {
    match original.as_ref() {
        TypeInner::Var(name) => format!("`{name}` = {}", show(resolved)),
        _ => show(resolved),
    }
}

fn show_args(ts: &[Type]) -> String {
    let inner: Vec<String> = ts
        .iter()
        .map(|t| show(t).trim_matches('`').to_string())
        .collect();
    format!("`({})`", inner.join(", "))
}

/// `path: message`, or the message alone at the top.
fn at(path: &Path, message: &str) -> String {
    if path.is_empty() {
        message.to_string()
    } else {
        format!("{}: {message}", path.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn equal(a: &str, b: &str) {
        if let Err(e) = service_equivalent(a, b) {
            panic!("expected equal:\n{a}\n{b}\nerror: {e}");
        }
        // Symmetric.
        if let Err(e) = service_equivalent(b, a) {
            panic!("expected equal (swapped):\n{b}\n{a}\nerror: {e}");
        }
    }

    fn differ(a: &str, b: &str) -> String {
        let e = service_equivalent(a, b).expect_err("expected a difference");
        assert!(
            service_equivalent(b, a).is_err(),
            "the check is not symmetric: {e}"
        );
        e
    }

    #[test]
    fn identical_and_reordered_methods() {
        let a = "service : { get : () -> (nat64) query; set : (nat64) -> () }";
        equal(a, a);
        equal(
            a,
            "service : {\n  set : (nat64) -> ();\n  get : () -> (nat64) query;\n}",
        );
        equal("service : {}", "service : {}");
    }

    #[test]
    fn record_fields_in_any_order() {
        equal(
            "service : { f : (record { a : nat; b : text; c : opt bool }) -> () }",
            "service : { f : (record { c : opt bool; a : nat; b : text }) -> () }",
        );
        equal(
            "service : { f : () -> (variant { ok : nat; err : text }) }",
            "service : { f : () -> (variant { err : text; ok : nat }) }",
        );
    }

    #[test]
    fn labels_compare_by_id() {
        // A named field and its hash are the same label.
        let hash = candid::idl_hash("name");
        equal(
            "service : { f : (record { name : text }) -> () }",
            &format!("service : {{ f : (record {{ {hash} : text }}) -> () }}"),
        );
        // A quoted label is the same as the identifier.
        equal(
            "service : { f : (record { \"name\" : text }) -> () }",
            "service : { f : (record { name : text }) -> () }",
        );
        // Tuples are records with fields 0, 1, ...
        equal(
            "service : { f : (record { nat; text }) -> () }",
            "service : { f : (record { 0 : nat; 1 : text }) -> () }",
        );
        let e = differ(
            "service : { f : (record { nat; text }) -> () }",
            "service : { f : (record { text; nat }) -> () }",
        );
        assert_eq!(
            e,
            "method `f`, argument 1, field `0`: left is `nat`, right is `text`"
        );
    }

    #[test]
    fn renamed_and_inlined_types() {
        equal(
            "type User = record { id : nat64; name : text };\n\
             service : { get : (nat64) -> (opt User) query }",
            "type Person = record { name : text; id : nat64 };\n\
             service : { get : (nat64) -> (opt Person) query }",
        );
        equal(
            "type User = record { id : nat64; name : text };\n\
             service : { get : (nat64) -> (opt User) query }",
            "service : { get : (nat64) -> (opt record { id : nat64; name : text }) query }",
        );
        // Aliases of aliases.
        equal(
            "type A = B; type B = C; type C = vec text; service : { f : (A) -> () }",
            "service : { f : (vec text) -> () }",
        );
        // A named main service.
        equal(
            "type S = service { f : () -> () }; service : S",
            "service : { f : () -> () }",
        );
    }

    #[test]
    fn blob_is_vec_nat8() {
        equal(
            "service : { f : (blob) -> (blob) }",
            "service : { f : (vec nat8) -> (vec nat8) }",
        );
        equal(
            "type Bytes = blob; service : { f : (Bytes) -> () }",
            "service : { f : (vec nat8) -> () }",
        );
        let e = differ(
            "service : { f : (blob) -> () }",
            "service : { f : (vec nat16) -> () }",
        );
        assert_eq!(
            e,
            "method `f`, argument 1, vec element: left is `nat8`, right is `nat16`"
        );
    }

    #[test]
    fn recursive_types() {
        let tree = "type Tree = variant { leaf; node : record { Tree; Tree } };\n\
                    service : { f : (Tree) -> (Tree) }";
        // Renamed.
        equal(
            tree,
            "type T = variant { node : record { T; T }; leaf };\n\
             service : { f : (T) -> (T) }",
        );
        // Unrolled once, inline.
        equal(
            tree,
            "type U = variant { leaf; node : record {\n\
               variant { leaf; node : record { U; U } };\n\
               U } };\n\
             service : { f : (U) -> (variant { leaf; node : record { U; U } }) }",
        );
        // Unrolled through two names that alternate.
        equal(
            tree,
            "type Even = variant { leaf; node : record { Odd; Odd } };\n\
             type Odd = variant { leaf; node : record { Even; Even } };\n\
             service : { f : (Even) -> (Odd) }",
        );
        // The same shape with a different leaf is not equal, and the path
        // goes through the recursion.
        let e = differ(
            tree,
            "type Tree = variant { leaf : nat; node : record { Tree; Tree } };\n\
             service : { f : (Tree) -> (Tree) }",
        );
        assert_eq!(
            e,
            "method `f`, argument 1, tag `leaf`: left is `null`, right is `nat`"
        );
        let e = differ(
            tree,
            "type T = variant { leaf; node : record { T; variant { leaf; node : record { T; nat } } } };\n\
             service : { f : (T) -> (T) }",
        );
        assert_eq!(
            e,
            "method `f`, argument 1, tag `node`, field `1`, tag `node`, field `1`: \
             left is `Tree` = `variant { leaf; node : record { Tree; Tree } }`, right is `nat`"
        );
    }

    #[test]
    fn recursion_out_of_phase() {
        // `A` is opt (opt A) and `B` is opt (opt B); `A` vs `opt B` compares
        // the two out of phase and must still terminate (both are infinite
        // chains of opt).
        equal(
            "type A = opt opt A; service : { f : (A) -> () }",
            "type B = opt opt B; service : { f : (opt B) -> () }",
        );
        equal(
            "type A = opt A; service : { f : (A) -> () }",
            "type B = opt opt opt B; service : { f : (B) -> () }",
        );
    }

    #[test]
    fn mutual_recursion() {
        let a = "type Expr = variant { lit : nat; call : record { name : text; args : vec Expr }; block : vec Stmt };\n\
                 type Stmt = variant { expr : Expr; ret : opt Expr };\n\
                 service : { eval : (Stmt) -> (Expr) }";
        equal(
            a,
            "type E = variant { block : vec S; lit : nat; call : record { args : vec E; name : text } };\n\
             type S = variant { ret : opt E; expr : E };\n\
             service : { eval : (S) -> (E) }",
        );
        // Expr inlined into Stmt.
        equal(
            a,
            "type S = variant {\n\
               expr : variant { lit : nat; call : record { name : text; args : vec E }; block : vec S };\n\
               ret : opt E };\n\
             type E = variant { lit : nat; call : record { name : text; args : vec E }; block : vec S };\n\
             service : { eval : (S) -> (E) }",
        );
        let e = differ(
            a,
            "type E = variant { lit : nat; call : record { name : text; args : vec E }; block : vec S };\n\
             type S = variant { expr : E; ret : opt text };\n\
             service : { eval : (S) -> (E) }",
        );
        assert_eq!(
            e,
            "method `eval`, argument 1, tag `ret`, opt: left is `Expr` = \
             `variant { lit : nat; call : record { args : vec Expr; name : text }; block : vec…`, \
             right is `text`"
        );
    }

    #[test]
    fn deep_difference_names_the_path() {
        let e = differ(
            "type Profile = record { age : nat8; bio : opt text };\n\
             type User = record { id : nat64; profile : Profile };\n\
             service : { get_user : (nat64) -> (opt User) query; ping : () -> () }",
            "type Profile = record { age : nat16; bio : opt text };\n\
             type User = record { id : nat64; profile : Profile };\n\
             service : { get_user : (nat64) -> (opt User) query; ping : () -> () }",
        );
        assert_eq!(
            e,
            "method `get_user`, result 1, opt, field `profile`, field `age`: \
             left is `nat8`, right is `nat16`"
        );
        let e = differ(
            "service : { f : (record { a : record { b : vec record { c : text } } }) -> () }",
            "service : { f : (record { a : record { b : vec record { d : text } } }) -> () }",
        );
        assert_eq!(
            e,
            "method `f`, argument 1, field `a`, field `b`, vec element: \
             field `c` is only in the left record (the right one has `d`)"
        );
        let e = differ(
            "service : { f : () -> (variant { ok; err : text }) }",
            "service : { f : () -> (variant { ok; err : text; busy }) }",
        );
        assert_eq!(
            e,
            "method `f`, result 1: tag `busy` is only in the right variant (the left one has `err`, `ok`)"
        );
    }

    #[test]
    fn every_differing_method_is_reported() {
        let e = differ(
            "service : { a : () -> (nat); b : () -> (); c : (text) -> () }",
            "service : { a : () -> (int); b : () -> (); d : () -> () }",
        );
        assert_eq!(
            e,
            "method `a`, result 1: left is `nat`, right is `int`\n\
             method `c`: only in the left service\n\
             method `d`: only in the right service"
        );
    }

    #[test]
    fn query_update_and_other_modes() {
        let e = differ(
            "service : { get : () -> (nat) query }",
            "service : { get : () -> (nat) }",
        );
        assert_eq!(e, "method `get`: query on the left, update on the right");
        let e = differ(
            "service : { get : () -> (nat) query }",
            "service : { get : () -> (nat) composite_query }",
        );
        assert_eq!(
            e,
            "method `get`: query on the left, composite_query on the right"
        );
        let e = differ(
            "service : { f : () -> () oneway }",
            "service : { f : () -> () }",
        );
        assert_eq!(e, "method `f`: oneway on the left, update on the right");
    }

    #[test]
    fn argument_counts() {
        let e = differ(
            "service : { f : (nat, text) -> () }",
            "service : { f : (nat) -> () }",
        );
        assert_eq!(
            e,
            "method `f`: 2 argument(s) on the left `(nat, text)`, 1 on the right `(nat)`"
        );
        let e = differ(
            "service : { f : () -> (nat) }",
            "service : { f : () -> () }",
        );
        assert_eq!(
            e,
            "method `f`: 1 result(s) on the left `(nat)`, 0 on the right `()`"
        );
        // Argument names do not matter.
        equal(
            "service : { f : (id : nat, name : text) -> () }",
            "service : { f : (nat, text) -> () }",
        );
    }

    #[test]
    fn init_arguments() {
        equal(
            "type Config = record { owner : principal; limit : nat };\n\
             service : (Config) -> { f : () -> () }",
            "service : (record { limit : nat; owner : principal }) -> { f : () -> () }",
        );
        let e = differ(
            "service : (nat) -> { f : () -> () }",
            "service : (int) -> { f : () -> () }",
        );
        assert_eq!(e, "init argument 1: left is `nat`, right is `int`");
        let e = differ(
            "service : (nat) -> { f : () -> () }",
            "service : { f : () -> () }",
        );
        assert_eq!(
            e,
            "init arguments: the left service takes `(nat)`, the right one declares none"
        );
        let e = differ(
            "service : () -> { f : () -> () }",
            "service : { f : () -> () }",
        );
        assert_eq!(
            e,
            "init arguments: the left service takes `()`, the right one declares none"
        );
    }

    #[test]
    fn func_and_service_references() {
        equal(
            "type Callback = func (nat) -> () oneway;\n\
             service : { subscribe : (Callback) -> () }",
            "service : { subscribe : (func (nat) -> () oneway) -> () }",
        );
        let e = differ(
            "service : { subscribe : (func (nat) -> () oneway) -> () }",
            "service : { subscribe : (func (nat) -> ()) -> () }",
        );
        assert_eq!(
            e,
            "method `subscribe`, argument 1: oneway on the left, update on the right"
        );
        let e = differ(
            "service : { peer : () -> (service { ping : (nat) -> () }) }",
            "service : { peer : () -> (service { ping : (text) -> () }) }",
        );
        assert_eq!(
            e,
            "method `peer`, result 1, method `ping`, argument 1: left is `nat`, right is `text`"
        );
        // A recursive service type.
        equal(
            "type Node = service { next : () -> (opt Node) query }; service : Node",
            "type N = service { next : () -> (opt N) query };\n\
             service : { next : () -> (opt service { next : () -> (opt N) query }) query }",
        );
    }

    #[test]
    fn named_and_structural_mismatch_shows_both() {
        let e = differ(
            "type User = record { id : nat }; service : { f : (User) -> () }",
            "service : { f : (vec nat) -> () }",
        );
        assert_eq!(
            e,
            "method `f`, argument 1: left is `User` = `record { id : nat }`, right is `vec nat`"
        );
    }

    #[test]
    fn primitives_and_reserved() {
        for p in [
            "null",
            "bool",
            "nat",
            "int",
            "nat8",
            "nat16",
            "nat32",
            "nat64",
            "int8",
            "int16",
            "int32",
            "int64",
            "float32",
            "float64",
            "text",
            "reserved",
            "empty",
            "principal",
        ] {
            let did = format!("service : {{ f : ({p}) -> ({p}) }}");
            equal(&did, &did);
        }
        differ(
            "service : { f : (float32) -> () }",
            "service : { f : (float64) -> () }",
        );
        differ(
            "service : { f : (reserved) -> () }",
            "service : { f : (empty) -> () }",
        );
        differ(
            "service : { f : (opt nat) -> () }",
            "service : { f : (nat) -> () }",
        );
    }

    #[test]
    fn invalid_input_is_an_error() {
        let e = service_equivalent("service : { f : (Missing) -> () }", "service : {}")
            .expect_err("unbound type");
        assert!(e.starts_with("the left .did is not valid Candid"), "{e}");
        let e = service_equivalent("service : {}", "service {").expect_err("syntax");
        assert!(e.starts_with("the right .did is not valid Candid"), "{e}");
        let e = service_equivalent("type A = nat;", "service : {}").expect_err("no service");
        assert_eq!(e, "the left .did declares no service");
    }

    #[test]
    fn names_must_match_and_agree() {
        let a = "type User = record { id : nat64; name : text };\n\
                 type Role = variant { admin; member };\n\
                 service : { f : (User, Role) -> () }";
        assert_eq!(names_match(a, a), Ok(()));
        // Same names, fields reordered: fine.
        assert_eq!(
            names_match(
                a,
                "type Role = variant { member; admin };\n\
                 type User = record { name : text; id : nat64 };\n\
                 service : { f : (User, Role) -> () }"
            ),
            Ok(())
        );
        // Structurally equal services, but a renamed type.
        let renamed = "type Person = record { id : nat64; name : text };\n\
                       type Role = variant { admin; member };\n\
                       service : { f : (Person, Role) -> () }";
        assert_eq!(service_equivalent(a, renamed), Ok(()));
        assert_eq!(
            names_match(a, renamed),
            Err("types defined only in the left .did: `User`\n\
                 types defined only in the right .did: `Person`"
                .to_string())
        );
        // An inlined type is a missing name.
        assert_eq!(
            names_match(
                a,
                "type Role = variant { admin; member };\n\
                 service : { f : (record { id : nat64; name : text }, Role) -> () }"
            ),
            Err("types defined only in the left .did: `User`".to_string())
        );
        // The same name defined differently.
        assert_eq!(
            names_match(
                a,
                "type User = record { id : nat64; name : opt text };\n\
                 type Role = variant { admin; member };\n\
                 service : { f : (User, Role) -> () }"
            ),
            Err("type `User`, field `name`: left is `text`, right is `opt text`".to_string())
        );
        // Recursive definitions agree through their names.
        assert_eq!(
            names_match(
                "type List = opt record { head : nat; tail : List }; service : {}",
                "type List = opt record { tail : List; head : nat }; service : {}"
            ),
            Ok(())
        );
    }

    #[test]
    fn compiled_example_matches_a_reordered_hand_written_did() {
        let compiled = crate::compile(
            "main.py",
            &std::fs::read_to_string(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../examples/counter/src/main.py"
            ))
            .unwrap(),
        )
        .unwrap();
        let hand_written = "service : () -> {\n\
            whoami : () -> (principal) query;\n\
            reset : () -> ();\n\
            last_incremented_by : () -> (text) query;\n\
            increment : () -> (nat64);\n\
            get : () -> (nat64) query;\n\
            add : (amount : nat64) -> (nat64);\n\
        }";
        assert_eq!(service_equivalent(&compiled.did, hand_written), Ok(()));
        assert_eq!(names_match(&compiled.did, hand_written), Ok(()));
        let e = service_equivalent(
            &compiled.did,
            &hand_written.replace("get : () -> (nat64) query", "get : () -> (nat64)"),
        )
        .unwrap_err();
        assert_eq!(e, "method `get`: query on the left, update on the right");
    }
}
