//! Differential tests of `Dict` against python3's `dict`: random programs
//! over three variables (aliases, copies, literals, updates), with loops
//! that mutate the dict they iterate. Results, exception texts, reprs and
//! the exact point where CPython raises "changed size" / "keys changed"
//! during iteration must all match.

mod common;

use std::hash::Hash;

use common::{outcome, Diff, Rng};
use runtime_lite::{list_repr, Dict, Exception, Int, PyStr, Truthy};

/// Keys are tokens `k0`..`k9` and fresh `f100`...: `'k3'` as str keys,
/// `3` as int keys.
const SCRIPT: &str = r#"
def fn(mode, prog):
    K = (lambda t: int(t[1:])) if mode == 'i' else (lambda t: t)
    D = [{}, {}, {}]
    out = []
    counter = [100]
    def fresh():
        counter[0] += 1
        return K('f' + str(counter[0]))
    def show(b): return 'True' if b else 'False'
    def exc(e):
        m = str(e)
        return '!' + type(e).__name__ + (': ' + m if m else '')
    for op in prog.split(';'):
        f = op.split(',')
        c = f[0]
        i = int(f[1]) if len(f) > 1 else 0
        try:
            r = '-'
            if c == 'new': D[i] = {}
            elif c == 'lit':
                D[i] = eval('{' + ', '.join(repr(K(t)) + ': ' + str(n) for n, t in enumerate(f[2:])) + '}')
            elif c == 'al': D[i] = D[int(f[2])]
            elif c == 'cp': D[i] = D[int(f[2])].copy()
            elif c == 'dc': D[i] = dict(D[int(f[2])])
            elif c == 's': D[i][K(f[2])] = int(f[3])
            elif c == 'g': r = repr(D[i][K(f[2])])
            elif c == 'go': r = repr(D[i].get(K(f[2]), int(f[3])))
            elif c == 'gn': r = repr(D[i].get(K(f[2])))
            elif c == 'c': r = show(K(f[2]) in D[i])
            elif c == 'd': del D[i][K(f[2])]
            elif c == 'p': r = repr(D[i].pop(K(f[2])))
            elif c == 'pd': r = repr(D[i].pop(K(f[2]), int(f[3])))
            elif c == 'pi': r = repr(D[i].popitem())
            elif c == 'sd': r = repr(D[i].setdefault(K(f[2]), int(f[3])))
            elif c == 'u': D[i].update(D[int(f[2])])
            elif c == 'up': D[i].update([(K(f[k]), int(f[k + 1])) for k in range(2, len(f), 2)])
            elif c == 'cl': D[i].clear()
            elif c == 'len': r = repr(len(D[i]))
            elif c == 'ks': r = repr(list(D[i])) + repr(list(D[i].values())) + repr(list(D[i].items()))
            elif c == 'eq': r = show(D[i] == D[int(f[2])]) + ' ' + show(D[i] is D[int(f[2])])
            elif c == 'r': r = repr(D[i]) + ' ' + str(D[i]) + ' ' + show(bool(D[i]))
            elif c == 'it':
                d = D[i]
                kind, mode, at, tok = f[2], f[3], int(f[4]), f[5]
                src = d if kind == 'k' else d.values() if kind == 'v' else d.items()
                seen = []
                try:
                    for n, x in enumerate(src):
                        seen.append(repr(x))
                        if n > 50: break
                        if mode == 'churn':
                            if kind == 'v': d.popitem()
                            else: del d[x if kind == 'k' else x[0]]
                            d[fresh()] = n
                        elif n != at: pass
                        elif mode == 'set': d[K(tok)] = 99
                        elif mode == 'del': del d[K(tok)]
                        elif mode == 'swap':
                            d.pop(K(tok), None)
                            d[fresh()] = 0
                        elif mode == 'pi':
                            d.popitem()
                            d[fresh()] = 0
                        elif mode == 'clr':
                            m = len(d)
                            d.clear()
                            for q in range(m): d[fresh()] = q
                        elif mode == 'upd': d.update(D[(i + 1) % 3])
                        elif mode == 'add': d[fresh()] = 0
                except Exception as e:
                    seen.append(exc(e))
                r = ' '.join(seen)
            out.append(r)
        except Exception as e:
            out.append(exc(e))
    return '|'.join(out)
"#;

trait Key: Hash + Eq + Clone + PyStr {
    fn parse(t: &str) -> Self;
}

impl Key for Int {
    fn parse(t: &str) -> Self {
        Int::from_decimal(&t[1..])
    }
}

impl Key for String {
    fn parse(t: &str) -> Self {
        t.to_string()
    }
}

struct State<K> {
    d: [Dict<K, Int>; 3],
    counter: u32,
}

impl<K: Key> State<K> {
    fn fresh(&mut self) -> K {
        self.counter += 1;
        K::parse(&format!("f{}", self.counter))
    }
}

fn show(b: bool) -> String {
    String::from(if b { "True" } else { "False" })
}

fn num(t: &str) -> Int {
    Int::from_decimal(t)
}

/// One pass of an `it` loop; returns the items seen (and the exception
/// that ended it, if any).
fn iterate<K: Key>(s: &mut State<K>, i: usize, f: &[&str]) -> String {
    let d = s.d[i].clone();
    let (kind, mode, at, tok) = (f[2], f[3], f[4].parse::<usize>().unwrap(), f[5]);
    let mut seen = Vec::new();
    let mut it = d.iter();
    let mut body = |n: usize, seen: &mut Vec<String>| -> Result<bool, Exception> {
        let (repr, key) = match kind {
            "k" => match it.next_key()? {
                Some(k) => (k.py_repr(), Some(k)),
                None => return Ok(false),
            },
            "v" => match it.next_value()? {
                Some(v) => (v.py_repr(), None),
                None => return Ok(false),
            },
            _ => match it.next_item()? {
                Some(kv) => (kv.py_repr(), Some(kv.0)),
                None => return Ok(false),
            },
        };
        seen.push(repr);
        if n > 50 {
            return Ok(false);
        }
        if mode == "churn" {
            match key {
                Some(k) => d.del(&k)?,
                None => drop(d.popitem()?),
            }
            let k = s.fresh();
            d.set(k, Int::from(n));
        } else if n == at {
            match mode {
                "set" => d.set(K::parse(tok), Int::from(99)),
                "del" => d.del(&K::parse(tok))?,
                "swap" => {
                    d.pop_or(&K::parse(tok), Int::from(0));
                    let k = s.fresh();
                    d.set(k, Int::from(0));
                }
                "pi" => {
                    d.popitem()?;
                    let k = s.fresh();
                    d.set(k, Int::from(0));
                }
                "clr" => {
                    let m = d.len();
                    d.clear();
                    for q in 0..m {
                        let k = s.fresh();
                        d.set(k, Int::from(q));
                    }
                }
                "upd" => d.update(&s.d[(i + 1) % 3]),
                "add" => {
                    let k = s.fresh();
                    d.set(k, Int::from(0));
                }
                _ => {}
            }
        }
        Ok(true)
    };
    let mut n = 0;
    loop {
        match body(n, &mut seen) {
            Ok(true) => n += 1,
            Ok(false) => break,
            Err(e) => {
                seen.push(format!("!{e}"));
                break;
            }
        }
    }
    seen.join(" ")
}

fn step<K: Key>(s: &mut State<K>, f: &[&str]) -> Result<String, Exception> {
    let i: usize = f.get(1).map_or(0, |t| t.parse().unwrap());
    let d = s.d[i].clone();
    let other = |s: &State<K>| s.d[f[2].parse::<usize>().unwrap()].clone();
    let mut r = String::from("-");
    match f[0] {
        "new" => s.d[i] = Dict::new(),
        "lit" => {
            let lit = Dict::with_capacity(f.len() - 2);
            for (n, t) in f[2..].iter().enumerate() {
                lit.set(K::parse(t), Int::from(n));
            }
            s.d[i] = lit;
        }
        "al" => s.d[i] = other(s),
        "cp" => s.d[i] = other(s).copy(),
        "dc" => {
            let new = Dict::new();
            new.update(&other(s));
            s.d[i] = new;
        }
        "s" => d.set(K::parse(f[2]), num(f[3])),
        "g" => r = d.get(&K::parse(f[2]))?.py_repr(),
        "go" => r = d.get_or(&K::parse(f[2]), num(f[3])).py_repr(),
        "gn" => r = d.get_opt(&K::parse(f[2])).py_repr(),
        "c" => r = show(d.contains(&K::parse(f[2]))),
        "d" => d.del(&K::parse(f[2]))?,
        "p" => r = d.pop(&K::parse(f[2]))?.py_repr(),
        "pd" => r = d.pop_or(&K::parse(f[2]), num(f[3])).py_repr(),
        "pi" => r = d.popitem()?.py_repr(),
        "sd" => r = d.setdefault(K::parse(f[2]), num(f[3])).py_repr(),
        "u" => d.update(&other(s)),
        "up" => d.update_pairs(f[2..].chunks(2).map(|kv| (K::parse(kv[0]), num(kv[1])))),
        "cl" => d.clear(),
        "len" => r = d.len().to_string(),
        "ks" => {
            r = list_repr(&d.keys()) + &list_repr(&d.values()) + &list_repr(&d.items());
        }
        "eq" => {
            let o = other(s);
            r = format!("{} {}", show(d == o), show(d.ptr_eq(&o)));
        }
        "r" => r = format!("{} {} {}", d.py_repr(), d.py_str(), show(d.truthy())),
        "it" => r = iterate(s, i, f),
        other => panic!("unknown op {other}"),
    }
    Ok(r)
}

fn run<K: Key>(prog: &str) -> String {
    let mut s = State {
        d: [Dict::new(), Dict::new(), Dict::new()],
        counter: 100,
    };
    let mut out = Vec::new();
    for op in prog.split(';') {
        let f: Vec<&str> = op.split(',').collect();
        out.push(match step::<K>(&mut s, &f) {
            Ok(r) => r,
            Err(e) => format!("!{e}"),
        });
    }
    out.join("|")
}

struct Gen(Rng);

impl Gen {
    fn below(&mut self, n: u64) -> u64 {
        self.0.below(n)
    }
    fn key(&mut self) -> String {
        format!("k{}", self.below(8))
    }
    fn var(&mut self) -> u64 {
        self.below(3)
    }
    fn value(&mut self) -> u64 {
        self.below(10)
    }
    fn lit(&mut self, v: u64) -> String {
        // Up to 15 items: one BUILD_MAP in CPython 3.11.
        let n = self.below(16);
        let mut s = format!("lit,{v}");
        for _ in 0..n {
            s.push(',');
            s.push_str(&self.key());
        }
        s
    }
    fn op(&mut self) -> String {
        let v = self.var();
        match self.below(30) {
            0 => format!("new,{v}"),
            1 | 2 => self.lit(v),
            3 => format!("al,{v},{}", self.var()),
            4 => format!("cp,{v},{}", self.var()),
            5 => format!("dc,{v},{}", self.var()),
            6..=9 => format!("s,{v},{},{}", self.key(), self.value()),
            10 => format!("g,{v},{}", self.key()),
            11 => format!("go,{v},{},{}", self.key(), self.value()),
            12 => format!("gn,{v},{}", self.key()),
            13 => format!("c,{v},{}", self.key()),
            14 | 15 => format!("d,{v},{}", self.key()),
            16 => format!("p,{v},{}", self.key()),
            17 => format!("pd,{v},{},{}", self.key(), self.value()),
            18 => format!("pi,{v}"),
            19 => format!("sd,{v},{},{}", self.key(), self.value()),
            20 => format!("u,{v},{}", self.var()),
            21 => {
                let mut s = format!("up,{v}");
                for _ in 0..self.below(4) {
                    s.push_str(&format!(",{},{}", self.key(), self.value()));
                }
                s
            }
            22 => format!("cl,{v}"),
            23 => format!("ks,{v}"),
            24 => format!("eq,{v},{}", self.var()),
            25 => format!("r,{v}"),
            _ => {
                let kinds = ["k", "v", "i"];
                let modes = [
                    "none", "churn", "set", "del", "swap", "pi", "clr", "upd", "add",
                ];
                format!(
                    "it,{v},{},{},{},{}",
                    kinds[self.below(3) as usize],
                    modes[self.below(modes.len() as u64) as usize],
                    self.below(6),
                    self.key()
                )
            }
        }
    }
    fn program(&mut self) -> String {
        let n = 10 + self.below(40);
        let mut ops: Vec<String> = (0..3).map(|v| self.lit(v)).collect();
        ops.extend((0..n).map(|_| self.op()));
        ops.push(String::from("r,0;r,1;r,2"));
        ops.join(";")
    }
}

fn check_random_programs(int_keys: bool, seed: u64, count: usize) {
    let mut g = Gen(Rng::new(seed));
    let mode = if int_keys { "i" } else { "s" };
    let mut d = Diff::new();
    for _ in 0..count {
        let prog = g.program();
        let ours = if int_keys {
            run::<Int>(&prog)
        } else {
            run::<String>(&prog)
        };
        d.add(
            format!("{mode} {prog}"),
            prog.replace(';', "; "),
            outcome(Ok(ours)),
        );
    }
    d.check(&format!("dict programs ({mode})"), SCRIPT);
}

#[test]
fn str_key_dict_programs_match_python() {
    check_random_programs(false, 0xd1c7_0001, 3000);
}

#[test]
fn int_key_dict_programs_match_python() {
    check_random_programs(true, 0xd1c7_0002, 2000);
}

/// Loops over dicts grown and shrunk to many sizes, with every mutation
/// kind at every step: the resize points must be CPython's.
#[test]
fn iteration_with_mutation_matches_python_at_every_size() {
    let mut d = Diff::new();
    let modes = [
        "churn", "set", "del", "swap", "pi", "clr", "upd", "add", "none",
    ];
    for size in 0..24 {
        for deleted in [0, 1, 3] {
            for mode in modes {
                for at in [0, 1, 4] {
                    let mut ops = vec![String::from("new,0"), String::from("lit,1,k1,k2")];
                    for k in 0..size {
                        ops.push(format!("s,0,k{k},{k}"));
                    }
                    for k in 0..deleted {
                        ops.push(format!("d,0,k{}", k * 2));
                    }
                    ops.push(format!("it,0,k,{mode},{at},k3"));
                    ops.push(String::from("r,0"));
                    let prog = ops.join(";");
                    d.add(
                        format!("s {prog}"),
                        prog.clone(),
                        outcome(Ok(run::<String>(&prog))),
                    );
                }
            }
        }
    }
    d.check("dict iteration with mutation", SCRIPT);
}

#[test]
fn dict_edge_cases_match_python() {
    let programs = [
        // Order survives deletes and reinserts; an overwrite keeps its place.
        "lit,0,k1,k2,k3;d,0,k2;s,0,k2,5;s,0,k1,7;r,0;ks,0",
        // KeyError texts, popitem LIFO and on empty.
        "new,0;g,0,k1;d,0,k1;p,0,k1;pi,0;s,0,k1,1;s,0,k2,2;pi,0;pi,0;pi,0",
        // Aliasing vs copy; equality ignores order.
        "lit,0,k1,k2;al,1,0;cp,2,0;s,1,k3,3;r,0;r,2;eq,0,1;eq,0,2;d,0,k3;eq,0,2;new,1;s,1,k2,1;s,1,k1,0;eq,1,2",
        // The classic: deleting and re-adding while iterating.
        "lit,0,k1,k2,k3;it,0,k,churn,0,k0;r,0",
        "lit,0,k1,k2,k3;it,0,k,add,1,k0;it,0,k,del,0,k2;r,0",
        // popitem trims trailing holes; setdefault.
        "lit,0,k1,k2,k3,k4;d,0,k4;d,0,k3;pi,0;s,0,k9,9;sd,0,k9,0;sd,0,k8,8;r,0;it,0,i,swap,0,k1",
    ];
    let mut d = Diff::new();
    for prog in programs {
        d.add(
            format!("s {prog}"),
            prog.to_string(),
            outcome(Ok(run::<String>(prog))),
        );
        d.add(
            format!("i {prog}"),
            prog.to_string(),
            outcome(Ok(run::<Int>(prog))),
        );
    }
    d.check("dict edge cases", SCRIPT);
}
