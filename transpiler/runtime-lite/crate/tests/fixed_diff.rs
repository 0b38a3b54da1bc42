//! Differential tests of the fixed-width Candid integers (`FixedInt`):
//! every result must equal Python's exact result when that is in range,
//! and be an `OverflowError` exactly when it is not.

mod common;

use common::{f64_out, outcome, Diff};
use runtime_lite::{Exception, FixedInt, Int};

const SCRIPT: &str = r#"
RANGES = {}
for bits in (8, 16, 32, 64):
    RANGES['nat%d' % bits] = (0, 2**bits - 1)
    RANGES['int%d' % bits] = (-2**(bits - 1), 2**(bits - 1) - 1)
def fn(t, op, a, b):
    lo, hi = RANGES[t]
    a = int(a); b = int(b)
    if op == 'from':
        if lo <= a <= hi: return str(a)
        raise OverflowError('int %d out of range for %s' % (a, t))
    if op == '/': return OUTF(a / b)
    if op == 'float': return OUTF(float(a))
    if op == '**':
        if b < 0:
            raise ValueError('negative exponent in int ** int is not supported; use float')
        if abs(a) > 1 and b > 200: return 'OVF'
        r = a ** b
    elif op == '<<':
        if b < 0: raise ValueError('negative shift count')
        if a != 0 and b > 200: return 'OVF'
        r = a << b
    elif op == '>>': r = a >> b
    elif op == '+': r = a + b
    elif op == '-': r = a - b
    elif op == '*': r = a * b
    elif op == '//': r = a // b
    elif op == '%': r = a % b
    elif op == 'neg': r = -a
    elif op == 'inv': r = ~a
    return str(r) if lo <= r <= hi else 'OVF'
"#;

/// Maps an overflow to "OVF" after checking its message names the type.
fn fixed_outcome<T: FixedInt>(r: Result<String, Exception>) -> String {
    match r {
        Err(e) if e.kind == "OverflowError" => {
            assert!(
                e.message.starts_with("int ")
                    && e.message
                        .ends_with(&format!(" out of range for {}", T::CANDID_NAME)),
                "unexpected overflow text: {e}"
            );
            outcome(Ok("OVF".into()))
        }
        other => outcome(other),
    }
}

fn cases<T>(d: &mut Diff, min: i128, max: i128)
where
    T: FixedInt + TryFrom<i128> + Into<i128>,
{
    let name = T::CANDID_NAME;
    let mut raw: Vec<i128> = vec![
        min,
        min + 1,
        min / 2,
        -2,
        -1,
        0,
        1,
        2,
        3,
        7,
        8,
        15,
        16,
        31,
        32,
        63,
        64,
        65,
        max / 2,
        max - 1,
        max,
    ];
    raw.retain(|v| *v >= min && *v <= max);
    raw.sort();
    raw.dedup();
    let vals: Vec<T> = raw.iter().filter_map(|v| T::try_from(*v).ok()).collect();
    for &a in &vals {
        let ai: i128 = a.into();
        for &b in &vals {
            let bi: i128 = b.into();
            let ops: [(&str, Result<T, Exception>); 8] = [
                ("+", a.py_add(b)),
                ("-", a.py_sub(b)),
                ("*", a.py_mul(b)),
                ("//", a.py_floordiv(b)),
                ("%", a.py_mod(b)),
                ("**", a.py_pow(b)),
                ("<<", a.py_shl(b)),
                (">>", a.py_shr(b)),
            ];
            for (op, r) in ops {
                d.add(
                    format!("{name} {op} {ai} {bi}"),
                    format!("{name}: {ai} {op} {bi}"),
                    fixed_outcome::<T>(r.map(|v| v.to_string())),
                );
            }
            d.add(
                format!("{name} / {ai} {bi}"),
                format!("{name}: {ai} / {bi}"),
                outcome(a.py_truediv(b).map(f64_out)),
            );
        }
        d.add(
            format!("{name} neg {ai} 0"),
            format!("{name}: -{ai}"),
            fixed_outcome::<T>(a.py_neg().map(|v| v.to_string())),
        );
        d.add(
            format!("{name} inv {ai} 0"),
            format!("{name}: ~{ai}"),
            fixed_outcome::<T>(a.py_invert().map(|v| v.to_string())),
        );
        d.add(
            format!("{name} float {ai} 0"),
            format!("{name}: float({ai})"),
            outcome(Ok(f64_out(a.to_f64()))),
        );
        assert_eq!(a.to_int().to_string(), ai.to_string());
    }
    // Int -> fixed conversion around the range edges.
    let two = Int::from(2);
    let mut ints: Vec<Int> = raw.iter().map(|v| Int::from(*v)).collect();
    ints.extend([
        Int::from(min - 1),
        Int::from(max + 1),
        -two.pow(&Int::from(100)).unwrap(),
        two.pow(&Int::from(64)).unwrap(),
    ]);
    for i in ints {
        d.add(
            format!("{name} from {i} 0"),
            format!("{name}: from int {i}"),
            outcome(i.to_fixed::<T>().map(|v| v.to_string())),
        );
    }
}

#[test]
fn fixed_width_ops_match_python_or_overflow() {
    let mut d = Diff::new();
    cases::<u8>(&mut d, 0, u8::MAX.into());
    cases::<u16>(&mut d, 0, u16::MAX.into());
    cases::<u32>(&mut d, 0, u32::MAX.into());
    cases::<u64>(&mut d, 0, u64::MAX.into());
    cases::<i8>(&mut d, i8::MIN.into(), i8::MAX.into());
    cases::<i16>(&mut d, i16::MIN.into(), i16::MAX.into());
    cases::<i32>(&mut d, i32::MIN.into(), i32::MAX.into());
    cases::<i64>(&mut d, i64::MIN.into(), i64::MAX.into());
    d.check("fixed-width ints", SCRIPT);
}

#[test]
fn overflow_messages_are_clear() {
    assert_eq!(
        2u64.py_sub(3).unwrap_err().to_string(),
        "OverflowError: int -1 out of range for nat64"
    );
    assert_eq!(
        i8::MIN.py_neg().unwrap_err().to_string(),
        "OverflowError: int 128 out of range for int8"
    );
    assert_eq!(
        200u8.py_mul(2).unwrap_err().to_string(),
        "OverflowError: int 400 out of range for nat8"
    );
    assert_eq!(
        Int::from(300).to_fixed::<u8>().unwrap_err().to_string(),
        "OverflowError: int 300 out of range for nat8"
    );
    assert_eq!(
        5u32.py_floordiv(0).unwrap_err().to_string(),
        "ZeroDivisionError: integer division or modulo by zero"
    );
    assert_eq!(u64::CANDID_NAME, "nat64");
    assert_eq!(i16::CANDID_NAME, "int16");
}
