//! Differential tests of `PySet` against python3's `set`: random programs
//! over three variables of int elements (colliding, negative and big
//! values), whose results include the sets' reprs, so the table layout
//! (iteration order) must be CPython's after every operation.

mod common;

use common::{outcome, Diff, Rng};
use runtime_lite::{Exception, Int, PySet, PyStr, Truthy};

const SCRIPT: &str = r#"
MUT = ('a', 'd', 'rm', 'p', 'cl', 'u', 'di', 'ior', 'iand', 'isub', 'ixor', 'it')
def fn(prog):
    S = [set(), set(), set()]
    out = []
    def show(b): return 'True' if b else 'False'
    for op in prog.split(';'):
        f = op.split(',')
        c = f[0]
        i = int(f[1])
        j = int(f[2]) if len(f) > 2 and c not in ('lit', 'from', 'a', 'd', 'rm', 'c', 'ui', 'ii', 'di') else 0
        xs = [int(t) for t in f[2:]]
        try:
            r = '-'
            if c in MUT and isinstance(S[i], frozenset): r = '!frozen'
            elif c == 'lit': S[i] = eval('{' + ', '.join(map(str, xs)) + '}') if xs else set()
            elif c == 'from': S[i] = set(xs)
            elif c == 'froz': S[i] = frozenset(S[j])
            elif c == 'al': S[i] = S[j]
            elif c == 'cp': S[i] = S[j].copy()
            elif c == 'a': S[i].add(xs[0])
            elif c == 'd': S[i].discard(xs[0])
            elif c == 'rm': S[i].remove(xs[0])
            elif c == 'c': r = show(xs[0] in S[i])
            elif c == 'p': r = repr(S[i].pop())
            elif c == 'cl': S[i].clear()
            elif c == 'u': S[i].update(S[j])
            elif c == 'ui': r = repr(S[i].union(xs))
            elif c == 'ii': r = repr(S[i].intersection(xs))
            elif c == 'di': S[i].difference_update(xs)
            elif c == 'or': r = repr(S[i] | S[j])
            elif c == 'and': r = repr(S[i] & S[j])
            elif c == 'sub': r = repr(S[i] - S[j])
            elif c == 'xor': r = repr(S[i] ^ S[j])
            elif c == 'ior': S[i] |= S[j]
            elif c == 'iand': S[i] &= S[j]
            elif c == 'isub': S[i] -= S[j]
            elif c == 'ixor': S[i] ^= S[j]
            elif c == 'cmp': r = ' '.join(show(x) for x in (S[i] == S[j], S[i] <= S[j], S[i] < S[j], S[i] >= S[j], S[i] > S[j], S[i].isdisjoint(S[j])))
            elif c == 'r': r = repr(S[i]) + ' ' + str(len(S[i])) + ' ' + show(bool(S[i])) + ' ' + repr(list(S[i]))
            elif c == 'it':
                seen = []
                try:
                    for n, x in enumerate(S[i]):
                        seen.append(repr(x))
                        if n > 40: break
                        if n == j:
                            S[i].discard(x)
                            S[i].add(x + 1000)
                        if n == j + 3:
                            S[i].add(x + 2000)
                except Exception as e:
                    seen.append('!' + type(e).__name__ + ': ' + str(e))
                r = ' '.join(seen)
            out.append(r)
        except Exception as e:
            out.append('!' + type(e).__name__ + ': ' + str(e))
    return '|'.join(out)
"#;

fn show(b: bool) -> String {
    String::from(if b { "True" } else { "False" })
}

fn ints(f: &[&str]) -> Vec<Int> {
    f.iter().map(|t| Int::from_decimal(t)).collect()
}

fn run(prog: &str) -> Result<String, Exception> {
    let mut s: [PySet<Int>; 3] = [PySet::new(), PySet::new(), PySet::new()];
    let mut out = Vec::new();
    for op in prog.split(';') {
        let f: Vec<&str> = op.split(',').collect();
        let c = f[0];
        let i: usize = f[1].parse().unwrap();
        let j: usize = f.get(2).map_or(0, |t| t.parse().unwrap_or(0));
        let xs = ints(&f[2..]);
        let r: Result<String, Exception> = (|| {
            let mut r = String::from("-");
            const MUT: &[&str] = &[
                "a", "d", "rm", "p", "cl", "u", "di", "ior", "iand", "isub", "ixor", "it",
            ];
            if MUT.contains(&c) && s[i].is_frozen() {
                return Ok(String::from("!frozen"));
            }
            match c {
                "lit" if xs.len() >= 3 => s[i] = PySet::from_constants(xs.clone()),
                "lit" | "from" => s[i] = PySet::from_items(xs.clone()),
                "froz" => s[i] = s[j].to_frozen(),
                "al" => s[i] = s[j].clone(),
                "cp" => s[i] = s[j].copy(),
                "a" => s[i].add(xs[0].clone()),
                "d" => s[i].discard(&xs[0]),
                "rm" => s[i].remove(&xs[0])?,
                "c" => r = show(s[i].contains(&xs[0])),
                "p" => r = s[i].pop()?.py_repr(),
                "cl" => s[i].clear(),
                "u" => s[i].update(&s[j]),
                "ui" => r = s[i].union_items(xs.clone()).py_repr(),
                "ii" => r = s[i].intersection_items(xs.clone()).py_repr(),
                "di" => s[i].difference_update_items(xs.clone()),
                "or" => r = s[i].union(&s[j]).py_repr(),
                "and" => r = s[i].intersection(&s[j]).py_repr(),
                "sub" => r = s[i].difference(&s[j]).py_repr(),
                "xor" => r = s[i].symmetric_difference(&s[j]).py_repr(),
                "ior" => s[i].update(&s[j]),
                "iand" => s[i].intersection_update(&s[j]),
                "isub" => s[i].difference_update(&s[j]),
                "ixor" => s[i].symmetric_difference_update(&s[j]),
                "cmp" => {
                    let (a, b) = (&s[i], &s[j]);
                    r = [
                        a == b,
                        a.issubset(b),
                        a.is_proper_subset(b),
                        a.issuperset(b),
                        a.is_proper_superset(b),
                        a.isdisjoint(b),
                    ]
                    .map(show)
                    .join(" ");
                }
                "r" => {
                    let list: Vec<String> = s[i].to_vec().iter().map(PyStr::py_repr).collect();
                    r = format!(
                        "{} {} {} [{}]",
                        s[i].py_repr(),
                        s[i].len(),
                        show(s[i].truthy()),
                        list.join(", ")
                    );
                }
                "it" => {
                    let set = s[i].clone();
                    let mut it = set.iter();
                    let mut seen = Vec::new();
                    let mut n = 0;
                    loop {
                        match it.next() {
                            Ok(Some(x)) => {
                                seen.push(x.py_repr());
                                if n > 40 {
                                    break;
                                }
                                if n == j {
                                    set.discard(&x);
                                    set.add(x.clone() + Int::from(1000));
                                }
                                if n == j + 3 {
                                    set.add(x.clone() + Int::from(2000));
                                }
                                n += 1;
                            }
                            Ok(None) => break,
                            Err(e) => {
                                seen.push(format!("!{e}"));
                                break;
                            }
                        }
                    }
                    r = seen.join(" ");
                }
                _ => panic!("unknown op {c}"),
            }
            Ok(r)
        })();
        match r {
            Ok(r) => out.push(r),
            Err(e) => out.push(format!("!{e}")),
        }
    }
    Ok(out.join("|"))
}

fn element(rng: &mut Rng) -> String {
    match rng.below(10) {
        0..=3 => rng.below(40).to_string(),
        4 => (rng.below(12) * 8).to_string(),
        5 => (rng.below(8) * 32 + 5).to_string(),
        6 => format!("-{}", rng.below(20)),
        7 => [
            "2305843009213693951",
            "2305843009213693952",
            "18446744073709551617",
            "-1",
            "-2",
            "-2305843009213693952",
        ][rng.below(6) as usize]
            .to_string(),
        8 => format!("{}", rng.below(1000)),
        _ => format!("-{}", 1u128 << (60 + rng.below(10))),
    }
}

fn program(rng: &mut Rng) -> String {
    let mut ops = Vec::new();
    for _ in 0..(5 + rng.below(25)) {
        let i = rng.below(3);
        let j = rng.below(3);
        let op = match rng.below(30) {
            0..=2 => {
                let n = rng.below(14);
                let xs: Vec<String> = (0..n).map(|_| element(rng)).collect();
                format!("lit,{i}{}{}", if n > 0 { "," } else { "" }, xs.join(","))
            }
            3 => {
                let n = 1 + rng.below(30);
                let xs: Vec<String> = (0..n).map(|_| element(rng)).collect();
                format!("from,{i},{}", xs.join(","))
            }
            4..=8 => format!("a,{i},{}", element(rng)),
            9 | 10 => format!("d,{i},{}", element(rng)),
            11 => format!("rm,{i},{}", element(rng)),
            12 => format!("c,{i},{}", element(rng)),
            13 => format!("p,{i}"),
            14 => {
                ["cl", "al", "cp", "froz"][rng.below(4) as usize].to_string() + &format!(",{i},{j}")
            }
            15 => format!("u,{i},{j}"),
            16 => {
                let c = ["ui", "ii", "di"][rng.below(3) as usize];
                let xs: Vec<String> = (0..1 + rng.below(8)).map(|_| element(rng)).collect();
                format!("{c},{i},{}", xs.join(","))
            }
            17..=24 => {
                let c = ["or", "and", "sub", "xor", "ior", "iand", "isub", "ixor"]
                    [rng.below(8) as usize];
                format!("{c},{i},{j}")
            }
            25 => format!("cmp,{i},{j}"),
            26 => format!("it,{i},{}", rng.below(6)),
            _ => format!("r,{i}"),
        };
        ops.push(op);
        if rng.below(3) == 0 {
            ops.push(format!("r,{i}"));
        }
    }
    ops.join(";")
}

#[test]
fn set_programs_match_cpython() {
    let mut rng = Rng::new(0x5e7_5e7);
    let mut diff = Diff::new();
    for _ in 0..3000 {
        let prog = program(&mut rng);
        let ours = outcome(run(&prog));
        diff.add(prog.clone(), prog, ours);
    }
    diff.check("set programs", SCRIPT);
}
