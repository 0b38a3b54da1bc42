//! Parser and evaluator tests (no replica: calls go to an in-memory fake).

use super::ast::{BinOp, CommandKind, Expr, Target, Transformer};
use super::host::{Host, HostReject, Mode, Reply};
use super::parser::{parse_expr, parse_script};
use super::values::{coerce, values_equal, values_match};
use super::*;
use candid::types::Label;
use candid::{IDLArgs, IDLValue, Principal, TypeEnv};
use std::collections::HashMap;

// ---------------------------------------------------------------- parser

fn parse_err(src: &str) -> (usize, usize, String) {
    let e = parse_script(src).expect_err("expected a parse error");
    let (l, c) = line_col(src, e.offset);
    (l, c, e.message)
}

fn expr(src: &str) -> Expr {
    parse_expr(src).unwrap_or_else(|e| panic!("{src}: {e}"))
}

fn literal(src: &str) -> IDLValue {
    match expr(src) {
        Expr::Value(v) => v,
        other => panic!("{src}: not a literal: {other:?}"),
    }
}

#[test]
fn parses_every_command_form() {
    let src = "// setup\nlet x = 1;\nx\nassert x == 1; assert x != 2\nassert \"abc\" ~= \"b\"\nidentity alice;;\n";
    let cmds = parse_script(src).unwrap();
    assert_eq!(cmds.len(), 6);
    assert!(
        matches!(&cmds[0].kind, CommandKind::Let(n, Expr::Value(IDLValue::Number(v))) if n == "x" && v == "1")
    );
    assert!(matches!(&cmds[1].kind, CommandKind::Expr(Expr::Var(n)) if n == "x"));
    assert!(matches!(
        &cmds[2].kind,
        CommandKind::Assert(_, BinOp::Eq, _)
    ));
    assert!(matches!(
        &cmds[3].kind,
        CommandKind::Assert(_, BinOp::NotEq, _)
    ));
    assert!(matches!(
        &cmds[4].kind,
        CommandKind::Assert(_, BinOp::Match, _)
    ));
    assert!(matches!(&cmds[5].kind, CommandKind::Identity(n) if n == "alice"));
    // Spans: line of each command, and its exact text.
    let lines: Vec<usize> = cmds.iter().map(|c| line_col(src, c.start).0).collect();
    assert_eq!(lines, vec![2, 3, 4, 4, 5, 6]);
    assert_eq!(&src[cmds[2].start..cmds[2].end], "assert x == 1");
    assert_eq!(&src[cmds[4].start..cmds[4].end], "assert \"abc\" ~= \"b\"");
}

#[test]
fn multi_line_commands_and_comments() {
    let src =
        "let r = record {\n  a = 1; // first\n  b = vec { 1; 2 };\n};\nassert r.b[1]\n  == 2;";
    let cmds = parse_script(src).unwrap();
    assert_eq!(cmds.len(), 2);
    assert_eq!(line_col(src, cmds[1].start).0, 5);
    assert_eq!(
        &src[cmds[0].start..cmds[0].end],
        "let r = record {\n  a = 1; // first\n  b = vec { 1; 2 };\n}"
    );
}

#[test]
fn parses_primitive_literals() {
    assert_eq!(literal("42"), IDLValue::Number("42".into()));
    assert_eq!(literal("-42"), IDLValue::Number("-42".into()));
    assert_eq!(literal("-0"), IDLValue::Number("0".into()));
    assert_eq!(literal("+7"), IDLValue::Number("7".into()));
    assert_eq!(literal("1_000_000"), IDLValue::Number("1000000".into()));
    assert_eq!(literal("0x10"), IDLValue::Number("16".into()));
    assert_eq!(literal("-2.5"), IDLValue::Float64(-2.5));
    assert_eq!(literal("\"hé\\n\""), IDLValue::Text("hé\n".into()));
    assert_eq!(literal("true"), IDLValue::Bool(true));
    assert_eq!(literal("false"), IDLValue::Bool(false));
    assert_eq!(literal("null"), IDLValue::Null);
    assert_eq!(
        literal("blob \"\\00\\ffA\""),
        IDLValue::Blob(vec![0, 255, b'A'])
    );
    assert_eq!(
        literal("principal \"aaaaa-aa\""),
        IDLValue::Principal(Principal::management_canister())
    );
    assert_eq!(
        literal("service \"2vxsx-fae\""),
        IDLValue::Service(Principal::anonymous())
    );
    assert_eq!(
        literal("func \"aaaaa-aa\".raw_rand"),
        IDLValue::Func(Principal::management_canister(), "raw_rand".into())
    );
}

#[test]
fn parses_composite_values() {
    match expr("opt vec { 1; 2; }") {
        Expr::Opt(inner) => assert!(matches!(*inner, Expr::Vec(ref v) if v.len() == 2)),
        other => panic!("{other:?}"),
    }
    match expr("record { a = 1; \"b c\" = x; 5 = null }") {
        Expr::Record(fields) => {
            let labels: Vec<Label> = fields.iter().map(|(l, _)| l.clone()).collect();
            assert_eq!(
                labels,
                vec![
                    Label::Named("a".into()),
                    Label::Named("b c".into()),
                    Label::Id(5)
                ]
            );
            assert!(matches!(fields[1].1, Expr::Var(ref n) if n == "x"));
        }
        other => panic!("{other:?}"),
    }
    match expr("record { 1; \"two\" }") {
        Expr::Record(fields) => {
            assert_eq!(fields[0].0, Label::Unnamed(0));
            assert_eq!(fields[1].0, Label::Unnamed(1));
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(expr("variant { ok }"), Expr::Variant(Label::Named(ref n), _) if n == "ok"));
    assert!(
        matches!(expr("variant { err = \"x\" }"), Expr::Variant(_, ref v) if matches!(**v, Expr::Value(IDLValue::Text(_))))
    );
    assert!(matches!(expr("()"), Expr::Tuple(ref v) if v.is_empty()));
    assert!(matches!(expr("(1, \"a\",)"), Expr::Tuple(ref v) if v.len() == 2));
    assert!(matches!(expr("((1))"), Expr::Value(_)));
    match expr("(1 : nat8)") {
        Expr::Annot(_, annot) => {
            assert_eq!(annot.text, "nat8");
            assert_eq!(annot.closed.unwrap().to_string(), "nat8");
            assert!(annot.names.is_empty());
        }
        other => panic!("{other:?}"),
    }
    // Type names are kept for the evaluator to resolve.
    match expr("(x : record { a : User; b : vec opt Role; c : User })") {
        Expr::Annot(_, annot) => {
            assert!(annot.closed.is_none());
            assert_eq!(annot.names, vec!["Role".to_string(), "User".to_string()]);
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        expr("(x : record { a : vec nat8; b : opt text })"),
        Expr::Annot(..)
    ));
}

#[test]
fn parses_variables_transformers_and_calls() {
    match expr("_.ok?[2].size()") {
        Expr::Path(base, ts) => {
            assert!(matches!(*base, Expr::Var(ref n) if n == "_"));
            assert!(matches!(ts[0], Transformer::Field(ref f) if f == "ok"));
            assert!(matches!(ts[1], Transformer::Opt));
            assert!(matches!(ts[2], Transformer::Index(2)));
            assert!(
                matches!(ts[3], Transformer::Method(ref m, ref a) if m == "size" && a.is_empty())
            );
        }
        other => panic!("{other:?}"),
    }
    match expr("call c.inc(1, \"x\")") {
        Expr::Call {
            target: Target::Var(c),
            method,
            args,
        } => {
            assert_eq!(c, "c");
            assert_eq!(method, "inc");
            assert_eq!(args.len(), 2);
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        expr("call ic.raw_rand()"),
        Expr::Call {
            target: Target::Ic,
            ..
        }
    ));
    assert!(matches!(
        expr("call \"aaaaa-aa\".raw_rand()"),
        Expr::Call { target: Target::Principal(p), .. } if p == Principal::management_canister()
    ));
    assert!(matches!(
        expr("call principal \"2vxsx-fae\".\"odd name\"()"),
        Expr::Call { target: Target::Principal(_), ref method, .. } if method == "odd name"
    ));
    // Transformers apply to the call's value.
    assert!(
        matches!(expr("call c.get().field"), Expr::Path(ref b, _) if matches!(**b, Expr::Call { .. }))
    );
    assert!(
        matches!(expr("fail call c.boom()"), Expr::Fail(ref e) if matches!(**e, Expr::Call { .. }))
    );
    assert!(
        matches!(expr("encode(1, 2)"), Expr::Encode { method: None, ref args } if args.len() == 2)
    );
    assert!(matches!(
        expr("encode c.set(1)"),
        Expr::Encode {
            method: Some(_),
            ..
        }
    ));
    assert!(matches!(
        expr("decode x"),
        Expr::Decode { method: None, .. }
    ));
    assert!(matches!(
        expr("decode as c.get x"),
        Expr::Decode {
            method: Some(_),
            ..
        }
    ));
    assert!(
        matches!(expr("install(\"a.wasm\", 1)"), Expr::App(ref n, ref a) if n == "install" && a.len() == 2)
    );
    assert!(matches!(expr("tick()"), Expr::App(ref n, ref a) if n == "tick" && a.is_empty()));
    assert!(matches!(expr("__cost__"), Expr::Var(ref n) if n == "__cost__"));
}

#[test]
fn parse_errors_have_positions() {
    assert_eq!(parse_err("let x = ;").0, 1);
    assert_eq!(parse_err("let x = ;").1, 9);
    let (l, c, m) = parse_err("let a = 1\nassert a < 2");
    assert_eq!((l, c), (2, 10));
    assert!(m.contains("unexpected character `<`"), "{m}");
    let (l, c, m) = parse_err("let a = 1 let b = 2");
    assert_eq!((l, c), (1, 11));
    assert!(m.contains("expected `;` or a newline"), "{m}");
    let (l, c, m) = parse_err("x\n  frobnicate(1)");
    assert_eq!((l, c), (2, 3));
    assert!(m.contains("unknown function `frobnicate`"), "{m}");
    let (l, c, m) = parse_err("let r = record { a = 1;\n b = 2");
    assert_eq!(l, 2);
    assert_eq!(c, 7);
    assert!(m.contains("end of file"), "{m}");
    let (_, _, m) = parse_err("load \"other.sh\"");
    assert!(m.contains("not supported"), "{m}");
    let (l, c, m) = parse_err("\n(1 : record { a : })");
    assert_eq!((l, c), (2, 6));
    assert!(m.contains("invalid type `record { a : }`"), "{m}");
    let (l, c, m) = parse_err("let x : nat\nlet y = 1");
    assert_eq!((l, c), (2, 1));
    assert!(m.contains("expected `=` after the type"), "{m}");
    let (l, c, m) = parse_err("let x : nat; x");
    assert_eq!((l, c), (1, 12));
    assert!(m.contains("expected `=` after the type"), "{m}");
    let (_, c, m) = parse_err("(1 : )");
    assert_eq!(c, 6);
    assert!(m.contains("expected a type after `:`"), "{m}");
    let (_, _, m) = parse_err("import call = c");
    assert!(m.contains("keyword"), "{m}");
    let (_, _, m) = parse_err("import c = c as d");
    assert!(m.contains("a .did file path in quotes"), "{m}");
    let (_, c, m) = parse_err("call \"not a principal\".m()");
    assert_eq!(c, 6);
    assert!(m.contains("invalid principal"), "{m}");
    let (_, c, m) = parse_err("let call = 1");
    assert_eq!(c, 5);
    assert!(m.contains("keyword"), "{m}");
    let (_, _, m) = parse_err("record { a = 1; a = 2 }");
    assert!(m.contains("duplicate record field"), "{m}");
    let (_, _, m) = parse_err("variant { a; b }");
    assert!(m.contains("exactly one field"), "{m}");
    let (_, _, m) = parse_err("identity alice \"key.pem\"");
    assert!(m.contains("not supported"), "{m}");
    let (_, c, m) = parse_err("assert 1 = 1");
    assert_eq!(c, 10);
    assert!(m.contains("expected `==`, `!=` or `~=`"), "{m}");
    let deep = format!("let x = {}1", "opt ".repeat(5000));
    let (_, _, m) = parse_err(&deep);
    assert!(m.contains("nested more than 100 levels"), "{m}");
    let deep = format!("{}1{}", "(".repeat(5000), ")".repeat(5000));
    assert!(parse_err(&deep).2.contains("nested"));
    assert!(parse_script(&format!("{}1{}", "vec { ".repeat(99), " }".repeat(99))).is_ok());
    let (_, _, m) = parse_err("\"\\ff\"");
    assert!(m.contains("UTF-8"), "{m}");
}

// ---------------------------------------------------------------- values

fn value(src: &str) -> IDLValue {
    let mut host = FakeHost::default();
    let mut builder = NoPythonBuilder;
    let mut ev = eval::Evaluator::new(&mut host, &mut builder, ".".into());
    ev.eval(&expr(src)).unwrap_or_else(|e| panic!("{src}: {e}"))
}

fn value_err(src: &str) -> String {
    let mut host = FakeHost::default();
    let mut builder = NoPythonBuilder;
    let mut ev = eval::Evaluator::new(&mut host, &mut builder, ".".into());
    ev.eval(&expr(src))
        .expect_err("expected an error")
        .to_string()
}

#[test]
fn equality_rules() {
    let eq = |a: &str, b: &str| values_equal(&value(a), &value(b));
    assert!(eq("1", "(1 : nat64)"));
    assert!(eq("(1 : nat64)", "1"));
    assert!(!eq("(1 : nat8)", "(1 : nat64)"));
    assert!(eq("(1 : nat8)", "(1 : nat8)"));
    assert!(!eq("1", "2"));
    assert!(eq("record { b = 2; a = 1 }", "record { a = 1; b = 2 }"));
    assert!(!eq("record { a = 1 }", "record { a = 1; b = 2 }"));
    assert!(eq("null", "(null : opt nat)"));
    assert!(values_equal(&IDLValue::Reserved, &value("null")));
    assert!(eq("blob \"AB\"", "vec { 65; 66 }"));
    assert!(eq("variant { ok = 1 }", "variant { ok = 1 }"));
    assert!(!eq("variant { ok = 1 }", "variant { err = 1 }"));
    assert!(eq("principal \"aaaaa-aa\"", "service \"aaaaa-aa\""));
    assert!(!eq("\"a\"", "blob \"a\""));
    // Floats compare as values: NaN is NaN, -0.0 is not 0.0.
    let nan = IDLValue::Float64(f64::NAN);
    assert!(values_equal(&nan, &IDLValue::Float64(-f64::NAN)));
    assert!(!values_equal(&nan, &IDLValue::Float64(0.0)));
    assert!(!eq("(-0.0 : float64)", "(0.0 : float64)"));
    assert!(eq("(-0.0 : float64)", "(-0.0 : float64)"));
    assert!(eq("(1.5 : float32)", "(1.5 : float32)"));
    // A record decoded without types has hashed ids; it still equals the literal.
    let hashed = IDLValue::Record(vec![candid::types::value::IDLField {
        id: Label::Id(candid::idl_hash("name")),
        val: IDLValue::Text("x".into()),
    }]);
    assert!(values_equal(&hashed, &value("record { name = \"x\" }")));
}

#[test]
fn match_rules() {
    let m = |a: &str, b: &str| values_match(&value(a), &value(b));
    assert!(m("\"hello world\"", "\"lo w\""));
    assert!(!m("\"hello\"", "\"bye\""));
    assert!(m(
        "record { a = 1; b = \"long text\" }",
        "record { b = \"text\" }"
    ));
    assert!(!m("record { a = 1 }", "record { c = 1 }"));
    assert!(m("(1 : nat8)", "(1 : nat64)"));
    assert!(m(
        "vec { record { a = 1; b = 2 } }",
        "vec { record { b = 2 } }"
    ));
    assert!(!m("vec { 1 }", "vec { 1; 2 }"));
    assert!(m(
        "opt variant { err = \"boom: x\" }",
        "opt variant { err = \"boom\" }"
    ));
}

#[test]
fn annotations_convert_like_ic_repl() {
    assert_eq!(value("(1.99 : nat8)"), IDLValue::Nat8(1));
    assert_eq!(value("((1.99 : nat8) : int)"), IDLValue::Int(1.into()));
    assert_eq!(value("(\"AB\" : blob)"), IDLValue::Blob(b"AB".to_vec()));
    assert_eq!(value("(blob \"AB\" : text)"), IDLValue::Text("AB".into()));
    assert_eq!(
        value("(service \"aaaaa-aa\" : principal)"),
        IDLValue::Principal(Principal::management_canister())
    );
    assert_eq!(value("(-3 : int8)"), IDLValue::Int8(-3));
    assert_eq!(value("(2 : float32)"), IDLValue::Float32(2.0));
    assert_eq!(value("(null : opt nat)"), IDLValue::None);
    assert_eq!(
        value("(vec { 1; 2 } : vec nat16)"),
        IDLValue::Vec(vec![IDLValue::Nat16(1), IDLValue::Nat16(2)])
    );
    assert_eq!(
        value("(record { a = 1; extra = 2 } : record { a : nat; b : opt text })"),
        IDLValue::Record(vec![
            candid::types::value::IDLField {
                id: Label::Named("a".into()),
                val: IDLValue::Nat(1u8.into()),
            },
            candid::types::value::IDLField {
                id: Label::Named("b".into()),
                val: IDLValue::None,
            },
        ])
    );
    // An annotation names the fields and tags of a value decoded untyped.
    assert_eq!(
        value("(decode encode(record { a = 1; b = variant { x } }) : record { a : int; b : variant { x; y } })")
            .to_string(),
        "record { a = 1 : int; b = variant { x } }"
    );
    assert!(value("decode encode(record { a = 1 })")
        .to_string()
        .contains("97 ="));
    assert!(value_err("(300 : nat8)").contains("out of range"));
    assert!(value_err("(-1 : nat)").contains("out of range"));
    assert!(value_err("(\"x\" : nat)").contains("type mismatch"));
    assert!(value_err("(blob \"\\ff\" : text)").contains("UTF-8"));
    // Call arguments are converted strictly: no float truncation.
    let env = TypeEnv::new();
    let nat64: candid::types::Type = candid::types::TypeInner::Nat64.into();
    assert!(coerce(&IDLValue::Float64(1.5), &nat64, &env, false).is_err());
    assert_eq!(
        coerce(&IDLValue::Nat8(7), &nat64, &env, false).unwrap(),
        IDLValue::Nat64(7)
    );
}

#[test]
fn transformers_and_builtins() {
    assert_eq!(
        value("record { a = opt vec { 5; 6 } }.a?[1]"),
        IDLValue::Number("6".into())
    );
    assert_eq!(
        value("variant { ok = \"x\" }.ok"),
        IDLValue::Text("x".into())
    );
    assert_eq!(value("(1, \"two\")[1]"), IDLValue::Text("two".into()));
    assert_eq!(value("blob \"AB\"[1]"), IDLValue::Nat8(66));
    assert_eq!(value("\"héllo\"[1]"), IDLValue::Text("é".into()));
    assert_eq!(
        value("vec { 1; 2; 3 }.size()"),
        IDLValue::Number("3".into())
    );
    assert_eq!(value("\"héllo\".size()"), IDLValue::Number("5".into()));
    assert!(value_err("variant { ok = 1 }.err").contains("variant is `ok`, not `err`"));
    assert!(value_err("record { a = 1 }.b").contains("no field `b`"));
    assert!(value_err("(null : opt nat)?").contains("null"));
    assert!(value_err("vec { 1 }[3]").contains("out of range"));
    assert!(value_err("nope").contains("undefined variable `nope`"));
    assert!(value_err("_").contains("not bound"));

    assert_eq!(value("add(1, 2)"), IDLValue::Number("3".into()));
    assert_eq!(value("sub(1, 5)"), IDLValue::Number("-4".into()));
    assert_eq!(
        value("mul(18446744073709551615, 2)"),
        IDLValue::Number("36893488147419103230".into())
    );
    assert_eq!(value("div(7, 2)"), IDLValue::Number("3".into()));
    assert_eq!(value("div(1, 4.0)"), IDLValue::Float64(0.25));
    assert_eq!(
        value("add((1 : nat64), (2 : nat8))"),
        IDLValue::Number("3".into())
    );
    assert!(value_err("div(1, 0)").contains("division by zero"));
    assert!(value_err("add(1, \"x\")").contains("expects two numbers"));
    assert_eq!(
        value("stringify(\"a\", 1, (2 : nat8), true, principal \"aaaaa-aa\", -1.5)"),
        IDLValue::Text("a12trueaaaaa-aa-1.5".into())
    );
    assert_eq!(value("concat(\"ab\", \"c\")"), IDLValue::Text("abc".into()));
    assert!(values_equal(
        &value("concat(vec { 1 }, vec { 2 })"),
        &value("vec { 1; 2 }")
    ));
    assert!(values_equal(
        &value("concat((1, 2), (3, 4))"),
        &value("(1, 2, 3, 4)")
    ));
    assert!(values_equal(
        &value("concat(record { a = 1 }, record { b = 2 })"),
        &value("record { a = 1; b = 2 }")
    ));
    assert!(value_err("concat(record { a = 1 }, record { a = 2 })").contains("both records"));
    assert!(value_err("concat(1, 2)").contains("cannot concatenate"));
    assert!(value_err("tick(1)").contains("takes 0 argument"));
    assert_eq!(value("()"), IDLValue::Null);
    assert_eq!(
        value("caller()"),
        IDLValue::Principal(identity_principal(DEFAULT_IDENTITY))
    );
    let blob = value("encode(1, \"a\")");
    let IDLValue::Blob(bytes) = blob else {
        panic!("encode gives a blob")
    };
    assert_eq!(
        IDLArgs::from_bytes(&bytes).unwrap().args,
        vec![IDLValue::Int(1.into()), IDLValue::Text("a".into())]
    );
    assert!(values_equal(
        &value("decode encode(1, \"a\")"),
        &value("(1, \"a\")")
    ));
    assert!(value_err("fail 1").contains("expected a rejection"));
}

// ---------------------------------------------------------------- fake host

type Handler = Box<dyn FnMut(&str, &[u8], Principal) -> Result<Vec<u8>, HostReject>>;

/// canister, mode, module, argument, sender
type InstallRecord = (Principal, Mode, Vec<u8>, Vec<u8>, Principal);
/// canister, method, argument, sender, is a query
type CallRecord = (Principal, String, Vec<u8>, Principal, bool);

#[derive(Default)]
struct FakeHost {
    time: u64,
    ticks: u32,
    next: u64,
    modules: HashMap<Principal, Vec<u8>>,
    installs: Vec<InstallRecord>,
    calls: Vec<CallRecord>,
    handler: Option<Handler>,
    fail_install: bool,
}

impl Host for FakeHost {
    fn create_canister(&mut self, _controller: Principal) -> Principal {
        self.next += 1;
        Principal::from_slice(&self.next.to_be_bytes())
    }

    fn install_code(
        &mut self,
        c: Principal,
        mode: Mode,
        wasm: &[u8],
        arg: &[u8],
        s: Principal,
    ) -> Reply {
        self.installs
            .push((c, mode, wasm.to_vec(), arg.to_vec(), s));
        if self.fail_install {
            return Reply {
                outcome: Err(HostReject {
                    code: "CanisterError (5)".into(),
                    message: "init trapped: nope".into(),
                }),
                instructions: 7,
            };
        }
        self.modules.insert(c, wasm.to_vec());
        Reply {
            outcome: Ok(Vec::new()),
            instructions: 7,
        }
    }

    fn call(
        &mut self,
        c: Principal,
        method: &str,
        arg: &[u8],
        sender: Principal,
        query: bool,
    ) -> Reply {
        self.calls
            .push((c, method.to_string(), arg.to_vec(), sender, query));
        let outcome = match self.handler.as_mut() {
            Some(h) => h(method, arg, sender),
            None => Err(HostReject {
                code: "DestinationInvalid (3)".into(),
                message: "no canister".into(),
            }),
        };
        Reply {
            outcome,
            instructions: 1000 + method.len() as u64,
        }
    }

    fn advance_time(&mut self, nanos: u64) {
        self.time += nanos;
    }

    fn tick(&mut self) {
        self.ticks += 1;
    }

    fn time(&self) -> u64 {
        self.time
    }

    fn candid_service(&self, canister: Principal) -> Option<String> {
        wasm::candid_service(self.modules.get(&canister)?)
    }

    fn drain_logs(&mut self) -> Vec<String> {
        Vec::new()
    }
}

const DID: &str = "type R = record { a : nat8; b : vec nat16; c : opt text };
type V = variant { ok : nat64; err : text };
type L = opt record { head : nat; tail : L };
type W = record { r : R; v : V };
service : (text) -> {
  echo_l : (L) -> (L) query;
  set : (nat64, opt text, R) -> ();
  get : () -> (nat64) query;
  pair : () -> (nat64, text) query;
  echo_v : (V) -> (V);
  whoami : () -> (principal);
  boom : () -> ();
}";

/// A Wasm module (header plus a candid:service custom section).
fn module(did: &str) -> Vec<u8> {
    let name = "icp:public candid:service";
    let mut payload = leb(name.len() as u64);
    payload.extend_from_slice(name.as_bytes());
    payload.extend_from_slice(did.as_bytes());
    let mut m = b"\0asm\x01\0\0\0".to_vec();
    m.push(0);
    m.extend(leb(payload.len() as u64));
    m.extend(payload);
    m
}

fn leb(mut n: u64) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let byte = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(byte);
            return out;
        }
        out.push(byte | 0x80);
    }
}

fn temp_dir(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "replica-lite-scenario-{tag}-{}",
        std::process::id()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The fake canister: a counter and a few typed methods.
fn typed_handler() -> Handler {
    let mut counter = 0u64;
    Box::new(move |method, arg, sender| {
        let reply = |vals: Vec<IDLValue>| IDLArgs::new(&vals).to_bytes().unwrap();
        match method {
            "set" => {
                let args = IDLArgs::from_bytes(arg).unwrap().args;
                if let IDLValue::Nat64(n) = args[0] {
                    counter = n;
                }
                Ok(reply(vec![]))
            }
            "get" => Ok(reply(vec![IDLValue::Nat64(counter)])),
            "pair" => Ok(reply(vec![
                IDLValue::Nat64(counter),
                IDLValue::Text("two".into()),
            ])),
            "echo_v" | "echo_l" | "echo_r" => Ok(arg.to_vec()),
            "whoami" => Ok(reply(vec![IDLValue::Principal(sender)])),
            _ => Err(HostReject {
                code: "CanisterError (5)".into(),
                message: format!("Canister trapped: {method} went wrong"),
            }),
        }
    })
}

struct Run {
    report: ScriptReport,
    output: String,
    host: FakeHost,
}

fn run(tag: &str, script: &str, builder: &mut dyn CanisterBuilder) -> Run {
    let dir = temp_dir(tag);
    std::fs::write(dir.join("target.wasm"), module(DID)).unwrap();
    let path = dir.join("test.sh");
    std::fs::write(&path, script).unwrap();
    let mut host = FakeHost {
        handler: Some(typed_handler()),
        ..FakeHost::default()
    };
    let mut out = Vec::new();
    let report = run_source(&path, script, &mut host, builder, &mut out).unwrap();
    let output = String::from_utf8(out).unwrap();
    let file = path.display().to_string();
    Run {
        report,
        output: output.replace(&file, "FILE"),
        host,
    }
}

#[test]
fn pure_assertions_pass_fail_and_continue() {
    let script = "let x = record { a = 1; b = \"hello\" }\n\
                  assert x.a == 1\n\
                  assert x.b == \"bye\"\n\
                  assert x ~= record { b = \"ell\" }\n\
                  x.b\n\
                  assert _ != \"hello\"\n";
    let r = run("pure", script, &mut NoPythonBuilder);
    assert_eq!(r.report.passed, 2, "{}", r.output);
    assert_eq!(r.report.failed, 2, "{}", r.output);
    assert_eq!(
        r.output,
        "ok  FILE:2  assert x.a == 1\n\
         FAIL FILE:3  assert x.b == \"bye\"\n     left:  \"hello\"\n     right: \"bye\"\n\
         ok  FILE:4  assert x ~= record { b = \"ell\" }\n\
         FAIL FILE:6  assert _ != \"hello\"\n     left:  \"hello\"\n     right: \"hello\"\n"
    );
    let f = &r.report.failures[0];
    assert_eq!(f.line, 3);
    assert_eq!(f.source, "assert x.b == \"bye\"");
    assert_eq!(
        f.kind,
        FailureKind::Assertion {
            op: "==".into(),
            left: "\"hello\"".into(),
            right: "\"bye\"".into()
        }
    );
}

#[test]
fn script_error_stops_with_its_line() {
    let script = "assert 1 == 1\nlet y = undefined_thing\nassert 2 == 2\n";
    let r = run("stop", script, &mut NoPythonBuilder);
    assert_eq!((r.report.passed, r.report.failed), (1, 1));
    assert_eq!(r.report.failures[0].line, 2);
    assert!(r.output.contains("FAIL FILE:2  let y = undefined_thing\n     error: undefined variable `undefined_thing`"), "{}", r.output);
    assert!(!r.output.contains("FILE:3"));
}

#[test]
fn parse_error_is_one_failure_with_caret() {
    let r = run(
        "parse",
        "assert 1 == 1\nlet x = record { a = 1 \n",
        &mut NoPythonBuilder,
    );
    assert_eq!((r.report.passed, r.report.failed), (0, 1));
    let f = &r.report.failures[0];
    assert_eq!((f.line, f.column), (3, Some(1)));
    assert!(
        r.output
            .starts_with("FAIL FILE:3:1  parse error: expected `;` or `}`"),
        "{}",
        r.output
    );
    let r = run(
        "parse2",
        "let x = 1\n  assert x = 2\n",
        &mut NoPythonBuilder,
    );
    assert_eq!(
        r.output,
        "FAIL FILE:2:12  parse error: expected `==`, `!=` or `~=`, found `=`\n     |   assert x = 2\n     |            ^\n"
    );
}

#[test]
fn calls_use_candid_metadata() {
    let script = r#"
let c = install("target.wasm", "init text")
call c.set(42, null, record { a = 1; b = vec { 2; 3 } })
let v = call c.get()
assert v == 42
assert v == (42 : nat64)
assert call c.pair() == (42, "two")
assert call c.pair()[1] == "two"
assert call c.echo_v(variant { err = "e" }) == variant { err = "e" }
assert __cost__ > 0
"#;
    // `>` is not an operator: the script fails to parse at the last line.
    let r = run("calls-parse", script, &mut NoPythonBuilder);
    assert_eq!(r.report.failures[0].line, 10);

    let script = script.replace(
        "assert __cost__ > 0\n",
        "assert __cost_v == 1003\nassert __cost__ == (1006 : nat64)\n",
    );
    let r = run("calls", &script, &mut NoPythonBuilder);
    assert_eq!((r.report.passed, r.report.failed), (7, 0), "{}", r.output);
    // install: typed init argument (the service class takes text).
    let (_, mode, _, arg, _) = &r.host.installs[0];
    assert_eq!(*mode, Mode::Install);
    assert_eq!(
        IDLArgs::from_bytes(arg).unwrap().args,
        vec![IDLValue::Text("init text".into())]
    );
    // set: numbers became nat64 / nat8 / nat16, the record got its field names
    // and the missing opt field.
    let (_, method, arg, sender, query) = &r.host.calls[0];
    assert_eq!(method, "set");
    assert!(!query);
    assert_eq!(*sender, identity_principal("default"));
    let (env, actor) = candid_parser::utils::CandidSource::Text(DID)
        .load()
        .unwrap();
    let f = env.get_method(actor.as_ref().unwrap(), "set").unwrap();
    let decoded = IDLArgs::from_bytes_with_types(arg, &env, &f.args).unwrap();
    assert_eq!(
        decoded.args[0],
        IDLValue::Nat64(42),
        "the wire value is a nat64"
    );
    assert_eq!(
        IDLArgs::from_bytes(arg).unwrap().args[0],
        IDLValue::Nat64(42)
    );
    assert_eq!(
        decoded.args[2].to_string(),
        "record { a = 1 : nat8; b = vec { 2 : nat16; 3 : nat16 }; c = null }"
    );
    // get is a query.
    assert!(r.host.calls[1].4);
}

#[test]
fn fail_rejects_and_identities() {
    let script = r#"
let c = install("target.wasm", "x")
assert fail call c.boom() ~= "boom went wrong"
let me = call c.whoami()
assert me == default
assert me == caller()
identity alice
let a = call c.whoami()
assert a == alice
assert a != me
identity anonymous
assert call c.whoami() == principal "2vxsx-fae"
identity default
assert call c.whoami() == me
fail call c.get()
"#;
    let r = run("fail", script, &mut NoPythonBuilder);
    assert_eq!((r.report.passed, r.report.failed), (7, 1), "{}", r.output);
    let f = &r.report.failures[0];
    assert_eq!(f.line, 15);
    assert_eq!(
        f.kind,
        FailureKind::Error {
            message: "expected a rejection, but got 0 : nat64".into()
        }
    );
    // An unexpected reject is a script error naming the code.
    let r = run(
        "reject",
        "let c = install(\"target.wasm\", \"x\")\ncall c.boom()\nassert 1 == 1\n",
        &mut NoPythonBuilder,
    );
    assert_eq!((r.report.passed, r.report.failed), (0, 1));
    assert!(
        r.output.contains("error: call to `boom` was rejected with CanisterError (5): Canister trapped: boom went wrong"),
        "{}",
        r.output
    );
}

#[test]
fn install_upgrade_reinstall_and_builder() {
    struct Recorder(Vec<PathBuf>);
    impl CanisterBuilder for Recorder {
        fn build_python(&mut self, entry: &Path) -> anyhow::Result<Vec<u8>> {
            self.0.push(entry.to_path_buf());
            Ok(module(DID))
        }
    }
    let script = r#"
let c = install("src/main.py", "a")
upgrade(c, "b")
reinstall(c, "c")
upgrade(c, "target.wasm", "d")
upgrade(c, "e")
"#;
    let mut builder = Recorder(Vec::new());
    let r = run("upgrade", script, &mut builder);
    assert_eq!(r.report.failed, 0, "{}", r.output);
    let dir = temp_dir("upgrade");
    assert_eq!(builder.0, vec![dir.join("src/main.py"); 3]);
    let modes: Vec<Mode> = r.host.installs.iter().map(|i| i.1).collect();
    assert_eq!(
        modes,
        vec![
            Mode::Install,
            Mode::Upgrade,
            Mode::Reinstall,
            Mode::Upgrade,
            Mode::Upgrade
        ]
    );
    let args: Vec<Vec<IDLValue>> = r
        .host
        .installs
        .iter()
        .map(|i| IDLArgs::from_bytes(&i.3).unwrap().args)
        .collect();
    let text = |s: &str| vec![IDLValue::Text(s.into())];
    assert_eq!(
        args,
        vec![text("a"), text("b"), text("c"), text("d"), text("e")]
    );
    // The explicit path replaced the source: the last upgrade read target.wasm.
    assert_eq!(r.host.installs[4].2, module(DID));
    // Missing init argument of type text: an error.
    let r = run("noarg", "install(\"target.wasm\")\n", &mut NoPythonBuilder);
    assert!(
        r.output
            .contains("init arguments: expected 1 argument(s), got 0"),
        "{}",
        r.output
    );
    // Python without a builder.
    let r = run("nopy", "install(\"x.py\")\n", &mut NoPythonBuilder);
    assert!(r.output.contains("kybra-aot test"), "{}", r.output);
    // Unknown file type and missing files.
    let r = run("badext", "install(\"x.txt\")\n", &mut NoPythonBuilder);
    assert!(
        r.output.contains("expected a .py, .wasm or .wasm.gz file"),
        "{}",
        r.output
    );
    let r = run("missing", "file(\"nope.bin\")\n", &mut NoPythonBuilder);
    assert!(r.output.contains("cannot read"), "{}", r.output);
    // fail catches a failed install.
    let dir = temp_dir("failinstall");
    std::fs::write(dir.join("target.wasm"), module(DID)).unwrap();
    let path = dir.join("t.sh");
    let src = "assert fail install(\"target.wasm\", \"x\") == \"init trapped: nope\"\n";
    let mut host = FakeHost {
        fail_install: true,
        ..FakeHost::default()
    };
    let mut out = Vec::new();
    let report = run_source(&path, src, &mut host, &mut NoPythonBuilder, &mut out).unwrap();
    assert_eq!(report.passed, 1, "{}", String::from_utf8_lossy(&out));
}

#[test]
fn time_tick_file_and_untyped_calls() {
    let dir = temp_dir("time");
    std::fs::write(dir.join("data.bin"), b"\x01\x02").unwrap();
    let script = r#"
assert time() == 0
advance_time(1_000)
advance_time((5 : nat64))
assert time() == (1_005 : nat64)
tick()
assert file("data.bin") == blob "\01\02"
let r = call "aaaaa-aa".raw_rand()
"#;
    let r = run("time", script, &mut NoPythonBuilder);
    assert_eq!(r.host.time, 1005);
    assert_eq!(r.host.ticks, 1);
    assert_eq!(r.report.passed, 3, "{}", r.output);
    // raw_rand went to the management canister (the fake rejects it).
    assert!(
        r.output
            .contains("CanisterError (5): Canister trapped: raw_rand went wrong"),
        "{}",
        r.output
    );
    assert_eq!(r.host.calls[0].2, IDLArgs::new(&[]).to_bytes().unwrap());
    assert_eq!(r.host.calls[0].0, Principal::management_canister());
}

#[test]
fn encode_decode_with_method_types() {
    let script = r#"
let c = install("target.wasm", "x")
let b = encode c.set(1, opt "t", record { a = 2; b = vec {} })
assert decode b == ((1 : nat64), opt "t", record { a = (2 : nat8); b = vec {}; c = null })
assert decode as c.pair encode((7 : nat64), "s") == ((7 : nat64), "s")
"#;
    let r = run("encode", script, &mut NoPythonBuilder);
    assert_eq!((r.report.passed, r.report.failed), (2, 0), "{}", r.output);
}

// ---------------------------------------------------------------- named types

/// A second interface whose `R` differs from [`DID`]'s (and whose `W`,
/// written the same, refers to it).
const OTHER_DID: &str = "type R = record { a : text };
type W = record { r : R; v : V };
type V = variant { ok : nat64; err : text };
type Only = variant { yes; no };
service : { echo_r : (R) -> (R) query }";

#[test]
fn annotations_use_type_names_of_known_interfaces() {
    let script = r#"
let c = install("target.wasm", "x")
let r : R = record { a = 1; b = vec { 2 } }
assert r == record { a = (1 : nat8); b = vec { (2 : nat16) }; c = null }
assert (variant { ok = 5 } : V) == variant { ok = (5 : nat64) }
assert (variant { ok = 5 } : V) != variant { ok = 5.0 }
let w : W = record { r = record { a = 3; b = vec {} }; v = variant { err = "e" } }
assert w.r.a == (3 : nat8)
assert (vec { record { a = 1; b = vec {} } } : vec R)[0].c == null
let l : L = opt record { head = 1; tail = opt record { head = 2; tail = null } }
assert l?.tail?.head == (2 : nat)
assert call c.echo_l(l) == l
assert call c.echo_l(l)?.tail?.tail == null
call c.set(7, null, (record { a = 4; b = vec { 5 } } : R))
assert call c.get() == (7 : nat64)
"#;
    let r = run("names", script, &mut NoPythonBuilder);
    assert_eq!((r.report.passed, r.report.failed), (9, 0), "{}", r.output);
    // The record went out with the types of R.
    let (_, method, arg, _, _) = &r.host.calls[2];
    assert_eq!(method, "set");
    assert_eq!(
        IDLArgs::from_bytes(arg).unwrap().args[2].to_string(),
        "record { 97 = 4 : nat8; 98 = vec { 5 : nat16 }; 99 = null }"
    );
}

#[test]
fn annotation_errors_name_the_type() {
    // Before any canister is known, names are unknown.
    let r = run(
        "names-unknown",
        "let x : R = record { a = 1 }\n",
        &mut NoPythonBuilder,
    );
    assert!(
        r.output.contains(
            "error: unknown type `R`: neither any interface known to the script defines it \
             (the script knows the interfaces of the canisters it installed, called or imported)\n"
        ),
        "{}",
        r.output
    );
    let r = run(
        "names-typo",
        "let c = install(\"target.wasm\", \"x\")\nlet x : Rr = 1\n",
        &mut NoPythonBuilder,
    );
    assert!(r.output.contains("unknown type `Rr`"), "{}", r.output);
    let r = run(
        "names-typo-call",
        "let c = install(\"target.wasm\", \"x\")\ncall c.set(1, null, (1 : Nope))\n",
        &mut NoPythonBuilder,
    );
    assert!(
        r.output.contains(
            "unknown type `Nope`: neither the called canister's interface nor any interface"
        ),
        "{}",
        r.output
    );
    let r = run(
        "names-mismatch",
        "let c = install(\"target.wasm\", \"x\")\nlet x : R = record { a = 300; b = vec {} }\n",
        &mut NoPythonBuilder,
    );
    assert!(
        r.output
            .contains("error: cannot convert to `R`: 300 is out of range for nat8"),
        "{}",
        r.output
    );
}

#[test]
fn ambiguous_names_resolve_in_the_called_canister() {
    let dir = temp_dir("names-ambiguous");
    std::fs::write(dir.join("other.wasm"), module(OTHER_DID)).unwrap();
    let script = r#"
let c = install("target.wasm", "x")
let o = install("other.wasm")
assert (variant { yes } : Only) == variant { yes }
assert (variant { ok = 1 } : V) == variant { ok = (1 : nat64) }
assert call o.echo_r((record { a = "t" } : R)) == record { a = "t" }
call c.set(1, null, (record { a = 1; b = vec {} } : R))
assert call c.get() == (1 : nat64)
let x : R = record { a = "t" }
"#;
    let r = run("names-ambiguous", script, &mut NoPythonBuilder);
    assert_eq!((r.report.passed, r.report.failed), (4, 1), "{}", r.output);
    let message = match &r.report.failures[0].kind {
        FailureKind::Error { message } => message.clone(),
        other => panic!("{other:?}"),
    };
    assert!(
        message.starts_with("type `R` is ambiguous: canisters "),
        "{message}"
    );
    assert!(
        message.ends_with(
            "define it differently; annotate inside the call's arguments \
             (`call c.method((value : R))` uses `c`'s definition) or write the type out"
        ),
        "{message}"
    );
    // W is written the same in both interfaces but refers to R.
    let r = run(
        "names-ambiguous",
        "let c = install(\"target.wasm\", \"x\")\nlet o = install(\"other.wasm\")\n\
         let w : W = record { r = record { a = \"t\" }; v = variant { ok = 1 } }\n",
        &mut NoPythonBuilder,
    );
    assert!(
        r.output
            .contains("type `W` is ambiguous: it refers to `R`, which is ambiguous"),
        "{}",
        r.output
    );
    // Reinstalling `o` with `target.wasm` removes the conflict.
    let r = run(
        "names-ambiguous",
        "let c = install(\"target.wasm\", \"x\")\nlet o = install(\"other.wasm\")\n\
         reinstall(o, \"target.wasm\", \"y\")\nlet x : R = record { a = 1; b = vec {} }\n\
         assert x.a == (1 : nat8)\n",
        &mut NoPythonBuilder,
    );
    assert_eq!((r.report.passed, r.report.failed), (1, 0), "{}", r.output);
}

#[test]
fn import_binds_a_canister_with_a_did_file() {
    let dir = temp_dir("import");
    // The imported interface: `get` is an update here, and a new type.
    std::fs::write(
        dir.join("iface.did"),
        "type Extra = record { n : nat32 };\nservice : { get : () -> (nat64); echo_v : (variant { ok : nat64; err : text }) -> (variant { ok : nat64; err : text }) }",
    )
    .unwrap();
    let script = r#"
let c = install("target.wasm", "x")
import d = c as "iface.did"
assert d == c
assert call d.get() == (0 : nat64)
let e : Extra = record { n = 4 }
assert e.n == (4 : nat32)
import same = c
assert call same.get() == (0 : nat64)
import p = "aaaaa-aa"
assert p == principal "aaaaa-aa"
"#;
    let r = run("import", script, &mut NoPythonBuilder);
    assert_eq!((r.report.passed, r.report.failed), (5, 0), "{}", r.output);
    // `d` is `c` with the imported interface: `get` went as an update.
    let gets: Vec<bool> = r
        .host
        .calls
        .iter()
        .filter(|c| c.1 == "get")
        .map(|c| c.4)
        .collect();
    assert_eq!(gets, vec![false, false]);
    let r = run(
        "import",
        "import m = \"aaaaa-aa\" as \"iface.did\"\n",
        &mut NoPythonBuilder,
    );
    assert!(
        r.output
            .contains("management canister's interface is built in"),
        "{}",
        r.output
    );
    let r = run(
        "import",
        "let c = install(\"target.wasm\", \"x\")\nimport d = c as \"missing.did\"\n",
        &mut NoPythonBuilder,
    );
    assert!(r.output.contains("cannot import"), "{}", r.output);
}

#[test]
fn did_file_next_to_a_module_without_metadata() {
    let dir = temp_dir("sibling");
    // A module with no custom section, and its interface next to it.
    std::fs::write(dir.join("plain.wasm"), b"\0asm\x01\0\0\0").unwrap();
    std::fs::write(dir.join("plain.did"), DID).unwrap();
    std::fs::write(dir.join("bare.wasm"), b"\0asm\x01\0\0\0").unwrap();
    let script = r#"
let c = install("plain.wasm", "init")
call c.set(3, null, record { a = 1; b = vec {} })
assert call c.get() == (3 : nat64)
let r : R = record { a = 1; b = vec {} }
let b = install("bare.wasm", "init")
"#;
    let r = run("sibling", script, &mut NoPythonBuilder);
    assert_eq!((r.report.passed, r.report.failed), (1, 0), "{}", r.output);
    // The init argument was typed by plain.did (text), `get` was a query.
    assert_eq!(
        IDLArgs::from_bytes(&r.host.installs[0].3).unwrap().args,
        vec![IDLValue::Text("init".into())]
    );
    assert!(r.host.calls[1].4, "get is a query in plain.did");
    // Without a .did file the init argument is untyped.
    assert_eq!(
        IDLArgs::from_bytes(&r.host.installs[1].3).unwrap().args,
        vec![IDLValue::Text("init".into())]
    );
}
