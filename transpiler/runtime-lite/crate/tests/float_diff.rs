//! Differential tests of `runtime_lite::float` against python3's `float`.

mod common;

use common::{f32_arg, f64_arg, f64_out, outcome, Diff, Rng};
use runtime_lite::float;

fn special_values() -> Vec<f64> {
    let mut v = vec![
        0.0,
        -0.0,
        1.0,
        -1.0,
        2.0,
        -2.0,
        0.5,
        -0.5,
        3.0,
        -3.0,
        0.1,
        -0.1,
        0.2,
        0.3,
        1.5,
        -1.5,
        2.5,
        7.0,
        -7.0,
        10.0,
        1e16,
        1e15,
        9007199254740993.0,
        1e-5,
        1e-4,
        0.0001234,
        1e22,
        1e23,
        1e-7,
        5e-324,
        -5e-324,
        2.2250738585072014e-308,
        1.7976931348623157e308,
        -1.7976931348623157e308,
        "123456789.123456789".parse::<f64>().unwrap(),
        1.0 / 3.0,
        2.0 / 3.0,
        1e300,
        1e-300,
        -1e-300,
        123.456,
        100.0,
        1e100,
        9.995,
        0.125,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NAN,
    ];
    let mut rng = Rng::new(7);
    for _ in 0..20 {
        // Random finite doubles of every magnitude.
        let bits = rng.next_u64();
        let x = f64::from_bits(bits);
        if x.is_finite() {
            v.push(x);
        }
    }
    v
}

#[test]
fn arithmetic_matches_python() {
    let vals = special_values();
    let mut d = Diff::new();
    for &a in &vals {
        for &b in &vals {
            let ops: [(&str, Result<f64, runtime_lite::Exception>); 4] = [
                ("/", float::div(a, b)),
                ("//", float::floor_div(a, b)),
                ("%", float::modulo(a, b)),
                ("**", float::pow(a, b)),
            ];
            for (op, r) in ops {
                d.add(
                    format!("{op} {} {}", f64_arg(a), f64_arg(b)),
                    format!("{a:?} {op} {b:?}"),
                    outcome(r.map(f64_out)),
                );
            }
        }
    }
    d.add(
        format!("divmod {} {}", f64_arg(7.5), f64_arg(-2.0)),
        "divmod(7.5, -2.0)".into(),
        outcome(float::divmod(7.5, -2.0).map(|(q, r)| format!("{} {}", f64_out(q), f64_out(r)))),
    );
    d.add(
        format!("divmod {} {}", f64_arg(1.0), f64_arg(0.0)),
        "divmod(1.0, 0.0)".into(),
        outcome(float::divmod(1.0, 0.0).map(|(q, r)| format!("{} {}", f64_out(q), f64_out(r)))),
    );
    d.check(
        "float arithmetic",
        r#"
def fn(op, a, b):
    a = F(a); b = F(b)
    if op == '/': return OUTF(a / b)
    if op == '//': return OUTF(a // b)
    if op == '%': return OUTF(a % b)
    if op == 'divmod':
        q, r = divmod(a, b)
        return OUTF(q) + ' ' + OUTF(r)
    if a < 0 and math.isfinite(a) and math.isfinite(b) and b != math.floor(b):
        # Deviation: Python gives a complex number; complex is unsupported.
        raise ValueError('negative number cannot be raised to a fractional power')
    return OUTF(a ** b)
"#,
    );
}

#[test]
fn repr_matches_python() {
    let mut d = Diff::new();
    let mut add = |x: f64| {
        d.add(
            format!("d {}", f64_arg(x)),
            format!("repr({x:?})"),
            outcome(Ok(float::repr(x))),
        );
    };
    for x in special_values() {
        add(x);
    }
    let mut rng = Rng::new(42);
    for _ in 0..20000 {
        let x = f64::from_bits(rng.next_u64());
        add(x);
    }
    // Short decimals and powers of ten around the notation switches.
    for e in -330..=310 {
        let p = format!("1e{e}").parse::<f64>().unwrap();
        add(p);
        add(-p * 1.5);
        add(p * 9.999999999999999);
    }
    for i in 0..3000u64 {
        let x = (rng.below(2_000_000) as f64) / 1000.0 - 1000.0 + i as f64;
        add(x);
        add(x / 7.0);
    }
    // Short binary mantissas: exact decimal expansions of 17-18 digits,
    // where shortest-digit ties (resolved to even by CPython) occur.
    for _ in 0..20000 {
        let m = rng.next_u64() >> (10 + rng.below(44));
        let k = rng.below(40) as i32;
        add(m as f64 / 2f64.powi(k));
        add(m as f64 * 2f64.powi(k));
    }
    // Every power of two (asymmetric rounding intervals).
    for k in -1074..=1023 {
        add(2f64.powi(k));
    }
    for k in 0..64 {
        add((1u64 << k) as f64);
        add(((1u64 << k) as f64) - 1.0);
    }
    let mut d32 = |x: f32| {
        d.add(
            format!("f {}", f32_arg(x)),
            format!("repr(float32 {x:?})"),
            outcome(Ok(float::repr_f32(x))),
        );
    };
    for x in [
        0.1f32,
        -0.0,
        1.0,
        3.4028235e38,
        1e-45,
        16777217.0,
        f32::INFINITY,
        f32::NAN,
        0.3,
    ] {
        d32(x);
    }
    for k in -149..=127 {
        d32(2f32.powi(k));
    }
    for _ in 0..20000 {
        d32(f32::from_bits(rng.next_u64() as u32));
    }
    d.check(
        "float repr",
        r#"
def fn(kind, x):
    return repr(F(x) if kind == 'd' else F32(x))
"#,
    );
}
