//! Differential tests of `PyFormat` (Python's `format(value, spec)`)
//! against python3: a table of specs × values, plus invalid specs.

mod common;

use common::{f64_arg, outcome, str_arg, Diff, Rng};
use runtime_lite::{Int, PyFormat};

enum V {
    I(Int),
    F(f64),
    S(String),
    B(bool),
    U8(u8),
    I64(i64),
    F32(f32),
}

impl V {
    fn arg(&self) -> String {
        match self {
            V::I(i) => format!("i {i}"),
            V::F(x) => format!("f {}", f64_arg(*x)),
            V::S(s) => format!("s {}", str_arg(s)),
            V::B(b) => format!("b {}", u8::from(*b)),
            V::U8(v) => format!("i {v}"),
            V::I64(v) => format!("i {v}"),
            V::F32(x) => format!("f {}", f64_arg(f64::from(*x))),
        }
    }

    fn format(&self, spec: &str) -> Result<String, runtime_lite::Exception> {
        match self {
            V::I(i) => i.py_format(spec),
            V::F(x) => x.py_format(spec),
            V::S(s) => s.py_format(spec),
            V::B(b) => b.py_format(spec),
            V::U8(v) => v.py_format(spec),
            V::I64(v) => v.py_format(spec),
            V::F32(x) => x.py_format(spec),
        }
    }
}

fn values() -> Vec<V> {
    let mut v = Vec::new();
    for i in [
        0i64,
        1,
        -1,
        7,
        42,
        -42,
        255,
        1234,
        -1234,
        1234567,
        -1234567,
        65,
        0x10ffff,
        0x110000,
        i64::MAX,
        i64::MIN,
    ] {
        v.push(V::I(Int::from(i)));
    }
    v.push(V::I(Int::from_decimal("18446744073709551616")));
    v.push(V::I(-Int::from_decimal("1267650600228229401496703205376")));
    v.push(V::I(Int::from(10).pow(&Int::from(400)).unwrap()));
    v.push(V::U8(200));
    v.push(V::I64(-9_000_000_000));
    for x in [
        0.0,
        -0.0,
        1.0,
        -1.5,
        0.1,
        0.5,
        2.5,
        -2.5,
        0.125,
        9.995,
        1e16,
        1e-5,
        1e22,
        1e-7,
        5e-324,
        1.7976931348623157e308,
        "123456789.123456789".parse::<f64>().unwrap(),
        1.0 / 3.0,
        -2.0 / 3.0,
        1234.5,
        1234567.0,
        0.000123456,
        100.0,
        1e100,
        -1e-20,
        -0.0004,
        99.99999,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NAN,
    ] {
        v.push(V::F(x));
    }
    v.push(V::F32(0.1));
    for s in ["", "a", "hello", "héllo", "日本語", "it's"] {
        v.push(V::S(s.to_string()));
    }
    v.push(V::B(true));
    v.push(V::B(false));
    v
}

fn specs() -> Vec<String> {
    let mut specs: Vec<String> = [
        "",
        "d",
        "5",
        "<5",
        ">5",
        "^5",
        "=5",
        "*^9",
        "0",
        "05",
        "010",
        "+",
        "-",
        " ",
        "+010",
        "#x",
        "#o",
        "#b",
        "#X",
        "x",
        "o",
        "b",
        "X",
        "c",
        "n",
        "e",
        "E",
        "f",
        "F",
        "g",
        "G",
        "%",
        ".0",
        ".1",
        ".3",
        ".17",
        ".0f",
        ".2f",
        ".20f",
        ".0e",
        ".3e",
        ".30e",
        ".0g",
        ".3g",
        ".10g",
        "#g",
        "#.0f",
        "#.0e",
        "#.3",
        "#",
        ",",
        "_",
        ",d",
        "_x",
        "_b",
        "010,",
        "08,",
        "0=10,",
        "x=10,",
        "010,.1f",
        ",.2f",
        "_.3e",
        ",%",
        ".1%",
        "z",
        "z.2f",
        "z.1",
        "ze",
        "zg",
        "+z.3f",
        "é>7",
        "0<7",
        "s",
        ">10s",
        ".2s",
        "^7.2",
        "=^10",
        "x<-#5x",
        "+#012_x",
        "-#o",
        " 9,d",
        "g%",
        // invalid specs
        "abc",
        ",,",
        ",_",
        "_,",
        "__",
        ".",
        "5.",
        "99999999999999999999",
        ".99999999999999999999",
        "é",
        ",é",
        "\u{1}",
        ",\u{1}",
        "q",
        "z+c",
        "+c",
        "#c",
        ".2c",
        ".2d",
        ",c",
        "_n",
        ",n",
        ",s",
        "ds",
        "=",
        "\0",
        ".2x",
        "%x",
        ",x",
        "_c",
        "z,",
        "zd",
        "zs",
        "+s",
        " s",
        "#s",
        "=s",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    // Random combinations of every spec component.
    let fills = [
        "", "<", ">", "^", "=", "*<", "*>", "*^", "*=", "0=", "é^", "0<",
    ];
    let signs = ["", "", "+", "-", " "];
    let zs = ["", "", "", "z"];
    let alts = ["", "", "#"];
    let zeros = ["", "", "0"];
    let widths = ["", "", "1", "8", "13", "25"];
    let groups = ["", "", "", ",", "_"];
    let precs = ["", "", ".0", ".1", ".2", ".6", ".12", ".25"];
    let types = [
        "", "", "b", "c", "d", "e", "E", "f", "F", "g", "G", "n", "o", "s", "x", "X", "%",
    ];
    let mut rng = Rng::new(2024);
    let mut pick = |list: &[&'static str]| list[rng.below(list.len() as u64) as usize];
    for _ in 0..2500 {
        let s = [
            pick(&fills),
            pick(&signs),
            pick(&zs),
            pick(&alts),
            pick(&zeros),
            pick(&widths),
            pick(&groups),
            pick(&precs),
            pick(&types),
        ]
        .concat();
        specs.push(s);
    }
    specs.sort();
    specs.dedup();
    specs
}

#[test]
fn format_specs_match_python() {
    let vals = values();
    let mut d = Diff::new();
    for spec in specs() {
        for v in &vals {
            d.add(
                format!("{} {}", v.arg(), str_arg(&spec)),
                format!("format({}, {spec:?})", v.arg()),
                outcome(v.format(&spec)),
            );
        }
    }
    d.check(
        "format(value, spec)",
        r#"
def fn(kind, x, spec):
    if kind == 'i': v = int(x)
    elif kind == 'f': v = F(x)
    elif kind == 's': v = S(x)
    else: v = bool(int(x))
    return format(v, S(spec))
"#,
    );
}

#[test]
fn object_formats_match_python() {
    let mut d = Diff::new();
    for spec in ["", "x", ">5"] {
        d.add(
            format!("n {}", str_arg(spec)),
            format!("format(None, {spec:?})"),
            outcome(().py_format(spec)),
        );
        d.add(
            format!("b {}", str_arg(spec)),
            format!("format(b'a\\'', {spec:?})"),
            outcome(b"a'".to_vec().py_format(spec)),
        );
    }
    d.check(
        "format(None/bytes, spec)",
        r#"
def fn(kind, spec):
    return format(None if kind == 'n' else b"a'", S(spec))
"#,
    );
}

/// Correct rounding (ties to even on the exact binary value) of the
/// precision-based float presentations, over many floats and precisions.
#[test]
fn float_precision_rounding_matches_python() {
    let mut xs: Vec<f64> = vec![
        0.125,
        0.375,
        2.5,
        3.5,
        -0.5,
        1.5,
        1.125,
        2.675,
        1e23,
        9.5,
        0.05,
        5e-5,
        1.0 / 3.0,
    ];
    let mut rng = Rng::new(77);
    for _ in 0..150 {
        xs.push(f64::from_bits(rng.next_u64() >> 1 | (rng.below(2) << 63)));
    }
    for _ in 0..250 {
        // Short binary mantissas produce exact decimal ties.
        let m = (rng.next_u64() >> (20 + rng.below(40))) as f64;
        xs.push(m / 2f64.powi(rng.below(30) as i32) * 10f64.powi(rng.below(20) as i32 - 10));
    }
    let mut d = Diff::new();
    for &x in &xs {
        for p in 0..=20 {
            for ty in ["f", "e", "g", "", "#g", "%"] {
                let (alt, t) = ty.strip_prefix('#').map_or(("", ty), |t| ("#", t));
                let spec = format!("{alt}.{p}{t}");
                d.add(
                    format!("{} {}", f64_arg(x), str_arg(&spec)),
                    format!("format({x:?}, {spec:?})"),
                    outcome(x.py_format(&spec)),
                );
            }
        }
    }
    d.check(
        "float precision rounding",
        "def fn(x, spec): return format(F(x), S(spec))",
    );
}
