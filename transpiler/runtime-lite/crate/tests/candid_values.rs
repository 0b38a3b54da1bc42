//! `Int` and `Nat` inside Candid values: their wire types and round trips.

use candid::{decode_one, encode_one, CandidType, Deserialize};
use runtime_lite::{Int, Nat};

fn big(s: &str) -> Int {
    Int::parse(s, 10).expect("an integer literal")
}

#[test]
fn int_travels_as_candid_int() {
    for v in [
        "0",
        "-1",
        "9223372036854775807",
        "-170141183460469231731687303715884105729",
    ] {
        let bytes = encode_one(vec![big(v)]).expect("encodes");
        // The wire type is `vec int`: candid's own `Int` decodes it.
        let theirs: Vec<candid::Int> = decode_one(&bytes).expect("decodes as vec int");
        assert_eq!(theirs[0].to_string().replace('_', ""), v);
        let ours: Vec<Int> = decode_one(&bytes).expect("decodes as Vec<Int>");
        assert_eq!(ours, vec![big(v)]);
    }
}

#[test]
fn nat_travels_as_candid_nat() {
    let max = big("340282366920938463463374607431768211455");
    let values = vec![
        Nat::new(Int::from(0u8)).expect("0 is a nat"),
        Nat::from(u64::MAX),
        Nat::new(max.clone()).expect("2^128-1 is a nat"),
    ];
    let bytes = encode_one(&values).expect("encodes");
    let theirs: Vec<candid::Nat> = decode_one(&bytes).expect("decodes as vec nat");
    assert_eq!(
        theirs[2].to_string(),
        "340_282_366_920_938_463_463_374_607_431_768_211_455"
    );
    let ours: Vec<Nat> = decode_one(&bytes).expect("decodes as Vec<Nat>");
    assert_eq!(ours, values);
    assert_eq!(Int::from(ours[2].clone()), max);
    // Candid's `nat <: int`: a `vec nat` reads as `vec int` too.
    let as_int: Vec<Int> = decode_one(&bytes).expect("nat <: int");
    assert_eq!(as_int[2], max);
    // But a `vec int` is not a `vec nat`.
    let ints = encode_one(vec![Int::from(5u8)]).expect("encodes");
    assert!(decode_one::<Vec<Nat>>(&ints).is_err());
}

#[test]
fn negative_nat_is_an_overflow_error() {
    let err = Nat::new(Int::from(-1i8)).expect_err("-1 is not a nat");
    assert_eq!(
        err.to_string(),
        "OverflowError: int -1 out of range for nat"
    );
    let err = Nat::new(big("-100000000000000000000000")).expect_err("negative");
    assert_eq!(
        err.to_string(),
        "OverflowError: int -100000000000000000000000 out of range for nat"
    );
}

#[derive(CandidType, Deserialize, Debug, PartialEq)]
struct Account {
    balance: Nat,
    delta: Int,
    history: Vec<Option<Nat>>,
}

#[test]
fn inside_a_record() {
    let a = Account {
        balance: Nat::from(7u8),
        delta: Int::from(-3i8),
        history: vec![None, Some(Nat::from(1u8))],
    };
    let bytes = encode_one(&a).expect("encodes");
    let back: Account = decode_one(&bytes).expect("decodes");
    assert_eq!(back, a);
}

#[test]
fn decimal_literals() {
    let v = "-170141183460469231731687303715884105728";
    assert_eq!(Int::from_decimal(v), big(v));
    assert_eq!(Int::from_decimal("-5"), Int::from(-5i8));
    assert_eq!(
        Int::from(Nat::from_decimal("340282366920938463463374607431768211455")),
        big("340282366920938463463374607431768211455")
    );
}
