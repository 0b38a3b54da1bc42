//! Differential tests of `List` against python3's `list`: random programs
//! of list operations over three variables (which alias, copy and nest each
//! other) run in both, and every result, exception text and repr must match.

mod common;

use common::{outcome, Diff, Rng};
use runtime_lite::list::{index_arg, slice_arg, ssize_arg};
use runtime_lite::{Exception, Int, List, PyOrd, PyStr, Truthy};

/// The Python side: the same interpreter, op by op.
const SCRIPT: &str = r#"
def fn(mode, prog):
    conv = int if mode == 'i' else (lambda t: t)
    key = (lambda x: x % 3) if mode == 'i' else len
    L = [[], [], []]
    M = None
    out = []
    def N(t): return None if t == '_' else int(t)
    def show(b): return 'True' if b else 'False'
    for op in prog.split(';'):
        f = op.split(',')
        c = f[0]
        a = [int(x) if x.lstrip('-').isdigit() else x for x in f[1:]]
        try:
            r = '-'
            if c == 'new': L[a[0]] = [conv(x) for x in f[2:]]
            elif c == 'al': L[a[0]] = L[a[1]]
            elif c == 'cp': L[a[0]] = L[a[1]].copy()
            elif c == 'slc': L[a[0]] = L[a[1]][N(f[3]):N(f[4]):N(f[5])]; r = repr(L[a[0]])
            elif c == 'ap': L[a[0]].append(conv(f[2]))
            elif c == 'ex': L[a[0]].extend(L[a[1]])
            elif c == 'ins': L[a[0]].insert(a[1], conv(f[3]))
            elif c == 'pop': r = repr(L[a[0]].pop())
            elif c == 'popi': r = repr(L[a[0]].pop(a[1]))
            elif c == 'rm': L[a[0]].remove(conv(f[2]))
            elif c == 'ix': r = repr(L[a[0]].index(conv(f[2])))
            elif c == 'ixr': r = repr(L[a[0]].index(conv(f[2]), a[2], a[3]))
            elif c == 'cnt': r = repr(L[a[0]].count(conv(f[2])))
            elif c == 'in': r = show(conv(f[2]) in L[a[0]])
            elif c == 'rev': L[a[0]].reverse()
            elif c == 'clr': L[a[0]].clear()
            elif c == 'get': r = repr(L[a[0]][a[1]])
            elif c == 'set': L[a[0]][a[1]] = conv(f[3])
            elif c == 'del': del L[a[0]][a[1]]
            elif c == 'ds': del L[a[0]][N(f[2]):N(f[3]):N(f[4])]
            elif c == 'ss': L[a[0]][N(f[2]):N(f[3]):N(f[4])] = L[a[4]]
            elif c == 'cat': L[a[2]] = L[a[0]] + L[a[1]]
            elif c == 'rep': L[a[2]] = L[a[0]] * a[1]
            elif c == 'irep': L[a[0]] *= a[1]
            elif c == 'so': L[a[0]].sort()
            elif c == 'sor': L[a[0]].sort(reverse=True)
            elif c == 'sok': L[a[0]].sort(key=key, reverse=a[1] == 1)
            elif c == 'eq': r = show(L[a[0]] == L[a[1]]) + ' ' + show(L[a[0]] is L[a[1]])
            elif c == 'lt': r = show(L[a[0]] < L[a[1]]) + ' ' + show(L[a[0]] <= L[a[1]])
            elif c == 'it':
                seen = []
                for x in L[a[0]]:
                    seen.append(repr(x))
                    if len(L[a[0]]) < 8: L[a[0]].append(x)
                r = ' '.join(seen)
            elif c == 'itd':
                seen = []
                for x in L[a[0]]:
                    seen.append(repr(x))
                    L[a[0]].pop(0)
                r = ' '.join(seen)
            elif c == 'len': r = repr(len(L[a[0]]))
            elif c == 'r': r = repr(L[a[0]]) + ' ' + str(L[a[0]]) + ' ' + show(L[a[0]])
            elif c == 'nest': M = [L[a[0]], L[a[1]], L[a[0]]]; r = repr(M)
            elif c == 'mr': r = repr(M)
            elif c == 'mset':
                if M is None: r = 'noM'
                else: M[a[0]][a[1]] = conv(f[3])
            out.append(r)
        except Exception as e:
            m = str(e)
            out.append('!' + type(e).__name__ + (': ' + m if m else ''))
    return '|'.join(out)
"#;

trait Elem: Clone + PartialEq + PyStr + PyOrd {
    fn parse(t: &str) -> Self;
    /// The `key=` function of the `sok` op.
    fn key(&self) -> Result<Int, Exception>;
}

fn int(t: &str) -> Int {
    match t.strip_prefix('-') {
        Some(rest) => -Int::from_decimal(rest),
        None => Int::from_decimal(t),
    }
}

impl Elem for Int {
    fn parse(t: &str) -> Self {
        int(t)
    }
    fn key(&self) -> Result<Int, Exception> {
        self.modulo(&Int::from(3))
    }
}

impl Elem for String {
    fn parse(t: &str) -> Self {
        t.to_string()
    }
    fn key(&self) -> Result<Int, Exception> {
        Ok(Int::from(self.chars().count()))
    }
}

struct State<T> {
    l: [List<T>; 3],
    m: Option<List<List<T>>>,
}

fn show(b: bool) -> String {
    String::from(if b { "True" } else { "False" })
}

fn bound(t: &str) -> Option<i64> {
    (t != "_").then(|| slice_arg(&int(t)))
}

fn var(t: &str) -> usize {
    t.parse().expect("variable number")
}

fn step<T: Elem>(s: &mut State<T>, f: &[&str]) -> Result<String, Exception> {
    let l = |t: &str| s.l[var(t)].clone();
    let mut r = String::from("-");
    match f[0] {
        "new" => s.l[var(f[1])] = f[2..].iter().map(|t| T::parse(t)).collect(),
        "al" => s.l[var(f[1])] = l(f[2]),
        "cp" => s.l[var(f[1])] = l(f[2]).copy(),
        "slc" => {
            let v = l(f[2]).slice(bound(f[3]), bound(f[4]), bound(f[5]))?;
            r = v.py_repr();
            s.l[var(f[1])] = v;
        }
        "ap" => l(f[1]).append(T::parse(f[2])),
        "ex" => l(f[1]).extend(&l(f[2])),
        "ins" => l(f[1]).insert(ssize_arg(&int(f[2]))?, T::parse(f[3])),
        "pop" => r = l(f[1]).pop(None)?.py_repr(),
        "popi" => r = l(f[1]).pop(Some(ssize_arg(&int(f[2]))?))?.py_repr(),
        "rm" => l(f[1]).remove(&T::parse(f[2]))?,
        "ix" => r = l(f[1]).index(&T::parse(f[2]))?.to_string(),
        "ixr" => {
            let (a, b) = (slice_arg(&int(f[3])), slice_arg(&int(f[4])));
            r = l(f[1]).index_in(&T::parse(f[2]), a, b)?.to_string();
        }
        "cnt" => r = l(f[1]).count(&T::parse(f[2])).to_string(),
        "in" => r = show(l(f[1]).contains(&T::parse(f[2]))),
        "rev" => l(f[1]).reverse(),
        "clr" => l(f[1]).clear(),
        "get" => r = l(f[1]).get(index_arg(&int(f[2]))?)?.py_repr(),
        "set" => l(f[1]).set(index_arg(&int(f[2]))?, T::parse(f[3]))?,
        "del" => l(f[1]).del(index_arg(&int(f[2]))?)?,
        "ds" => l(f[1]).del_slice(bound(f[2]), bound(f[3]), bound(f[4]))?,
        "ss" => l(f[1]).set_slice(bound(f[2]), bound(f[3]), bound(f[4]), l(f[5]).to_vec())?,
        "cat" => s.l[var(f[3])] = l(f[1]).concat(&l(f[2])),
        "rep" => s.l[var(f[3])] = l(f[1]).repeat(&int(f[2]))?,
        "irep" => l(f[1]).repeat_in_place(&int(f[2]))?,
        "so" => l(f[1]).sort(),
        "sor" => l(f[1]).sort_with(true),
        "sok" => l(f[1]).sort_by_key(T::key, f[2] == "1")?,
        "eq" => {
            let (a, b) = (l(f[1]), l(f[2]));
            r = format!("{} {}", show(a == b), show(a.ptr_eq(&b)));
        }
        "lt" => {
            let (a, b) = (l(f[1]), l(f[2]));
            r = format!("{} {}", show(a.py_lt(&b)), show(a.py_le(&b)));
        }
        "it" => {
            let xs = l(f[1]);
            let mut seen = Vec::new();
            for x in &xs {
                seen.push(x.py_repr());
                if xs.len() < 8 {
                    xs.append(x);
                }
            }
            r = seen.join(" ");
        }
        "itd" => {
            let xs = l(f[1]);
            let mut seen = Vec::new();
            for x in xs.iter() {
                seen.push(x.py_repr());
                xs.pop(Some(0))?;
            }
            r = seen.join(" ");
        }
        "len" => r = l(f[1]).len().to_string(),
        "r" => {
            let xs = l(f[1]);
            r = format!("{} {} {}", xs.py_repr(), xs.py_str(), show(xs.truthy()));
        }
        "nest" => {
            let m = List::from_vec(vec![l(f[1]), l(f[2]), l(f[1])]);
            r = m.py_repr();
            s.m = Some(m);
        }
        "mr" => r = s.m.as_ref().map_or(String::from("None"), PyStr::py_repr),
        "mset" => match &s.m {
            None => r = String::from("noM"),
            Some(m) => {
                let inner = m.get(index_arg(&int(f[1]))?)?;
                inner.set(index_arg(&int(f[2]))?, T::parse(f[3]))?;
            }
        },
        other => panic!("unknown op {other}"),
    }
    Ok(r)
}

fn run<T: Elem>(prog: &str) -> String {
    let mut s = State {
        l: [List::new(), List::new(), List::new()],
        m: None,
    };
    let mut out = Vec::new();
    for op in prog.split(';') {
        let f: Vec<&str> = op.split(',').collect();
        out.push(match step::<T>(&mut s, &f) {
            Ok(r) => r,
            Err(e) => format!("!{e}"),
        });
    }
    out.join("|")
}

const HUGE: [&str; 4] = [
    "1180591620717411303424",
    "-1180591620717411303424",
    "4611686018427387904",
    "-9223372036854775808",
];

struct Gen {
    rng: Rng,
    strings: bool,
}

impl Gen {
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.rng.below(xs.len() as u64) as usize]
    }
    fn var(&mut self) -> String {
        self.rng.below(3).to_string()
    }
    fn value(&mut self) -> String {
        if self.strings {
            self.pick(&["a", "b", "c", "d'x", "\"q\""]).to_string()
        } else {
            (self.rng.below(7) as i64 - 2).to_string()
        }
    }
    /// An index: mostly near the list sizes, sometimes huge.
    fn index(&mut self) -> String {
        if self.rng.below(25) == 0 {
            self.pick(&HUGE).to_string()
        } else {
            (self.rng.below(15) as i64 - 7).to_string()
        }
    }
    fn bound(&mut self) -> String {
        if self.rng.below(4) == 0 {
            String::from("_")
        } else {
            self.index()
        }
    }
    fn slice_step(&mut self) -> String {
        match self.rng.below(12) {
            0..=2 => String::from("_"),
            3 => String::from("0"),
            4 => self.pick(&HUGE).to_string(),
            _ => (self.rng.below(7) as i64 - 3).to_string(),
        }
    }
    fn op(&mut self) -> String {
        let v = self.var();
        match self.rng.below(34) {
            0 => {
                let n = self.rng.below(7);
                let items: Vec<String> = (0..n).map(|_| self.value()).collect();
                if items.is_empty() {
                    format!("new,{v}")
                } else {
                    format!("new,{v},{}", items.join(","))
                }
            }
            1 => format!("al,{v},{}", self.var()),
            2 => format!("cp,{v},{}", self.var()),
            3 => format!(
                "slc,{v},{},{},{},{}",
                self.var(),
                self.bound(),
                self.bound(),
                self.slice_step()
            ),
            4 | 5 => format!("ap,{v},{}", self.value()),
            6 => format!("ex,{v},{}", self.var()),
            7 => format!("ins,{v},{},{}", self.index(), self.value()),
            8 => format!("pop,{v}"),
            9 => format!("popi,{v},{}", self.index()),
            10 => format!("rm,{v},{}", self.value()),
            11 => format!("ix,{v},{}", self.value()),
            12 => format!("ixr,{v},{},{},{}", self.value(), self.index(), self.index()),
            13 => format!("cnt,{v},{}", self.value()),
            14 => format!("in,{v},{}", self.value()),
            15 => format!("rev,{v}"),
            16 => format!("clr,{v}"),
            17 => format!("get,{v},{}", self.index()),
            18 => format!("set,{v},{},{}", self.index(), self.value()),
            19 => format!("del,{v},{}", self.index()),
            20 => format!(
                "ds,{v},{},{},{}",
                self.bound(),
                self.bound(),
                self.slice_step()
            ),
            21 => format!(
                "ss,{v},{},{},{},{}",
                self.bound(),
                self.bound(),
                self.slice_step(),
                self.var()
            ),
            22 => format!("cat,{v},{},{}", self.var(), self.var()),
            23 => {
                let n = if self.rng.below(10) == 0 {
                    self.pick(&HUGE).to_string()
                } else {
                    (self.rng.below(5) as i64 - 1).to_string()
                };
                if self.rng.below(2) == 0 {
                    format!("rep,{v},{n},{}", self.var())
                } else {
                    format!("irep,{v},{n}")
                }
            }
            24 => format!("so,{v}"),
            25 => format!("sor,{v}"),
            26 => format!("sok,{v},{}", self.rng.below(2)),
            27 => format!("eq,{v},{}", self.var()),
            28 => format!("lt,{v},{}", self.var()),
            29 => format!("it,{v}"),
            30 => format!("itd,{v}"),
            31 => format!("r,{v}"),
            32 => format!("nest,{v},{}", self.var()),
            _ => match self.rng.below(3) {
                0 => String::from("mr"),
                1 => format!("mset,{},{},{}", self.index(), self.index(), self.value()),
                _ => format!("len,{v}"),
            },
        }
    }
    fn program(&mut self) -> String {
        let n = 10 + self.rng.below(30);
        // Start from non-empty lists so early ops have something to do.
        let mut ops = vec![
            format!("new,0,{},{},{}", self.value(), self.value(), self.value()),
            format!("new,1,{},{}", self.value(), self.value()),
        ];
        ops.extend((0..n).map(|_| self.op()));
        ops.push(String::from("r,0;r,1;r,2;mr"));
        ops.join(";")
    }
}

fn check_random_programs(strings: bool, seed: u64, count: usize) {
    let mut g = Gen {
        rng: Rng::new(seed),
        strings,
    };
    let mode = if strings { "s" } else { "i" };
    let mut d = Diff::new();
    for _ in 0..count {
        let prog = g.program();
        let ours = if strings {
            run::<String>(&prog)
        } else {
            run::<Int>(&prog)
        };
        d.add(
            format!("{mode} {prog}"),
            prog.replace(';', "; "),
            outcome(Ok(ours)),
        );
    }
    d.check(&format!("list programs ({mode})"), SCRIPT);
}

#[test]
fn int_list_programs_match_python() {
    check_random_programs(false, 0x5eed_0001, 3000);
}

#[test]
fn str_list_programs_match_python() {
    check_random_programs(true, 0x5eed_0002, 1500);
}

/// Hand-picked edge cases, each a whole program.
#[test]
fn list_edge_cases_match_python() {
    let programs = [
        // Aliasing: a = b; a.append(1) changes b; copy does not.
        "new,0,1,2;al,1,0;ap,1,3;cp,2,0;ap,2,9;r,0;r,1;r,2;eq,0,1;eq,0,2",
        // Negative indices and the ends.
        "new,0,1,2,3;get,0,-1;get,0,-3;get,0,-4;get,0,3;set,0,-1,9;del,0,-3;r,0",
        // pop / insert edge cases.
        "new,0;pop,0;popi,0,0;ins,0,-100,1;ins,0,100,2;ins,0,-1,3;popi,0,-1;popi,0,5;popi,0,-4;r,0",
        "new,0,1;popi,0,1180591620717411303424;ins,0,-1180591620717411303424,5;r,0",
        // Slices with every step sign, clamping, step 0.
        "new,0,0,1,2,3,4,5;slc,1,0,_,_,-1;slc,1,0,-2,1,-1;slc,1,0,10,-10,-3;slc,1,0,1,5,2;slc,1,0,_,_,0",
        "new,0,0,1,2,3,4,5;slc,1,0,-1180591620717411303424,1180591620717411303424,_;slc,1,0,_,_,-9223372036854775808",
        // Slice assignment and deletion.
        "new,0,0,1,2,3,4,5;new,1,7,8;ss,0,1,3,_,1;r,0;ss,0,_,_,-2,1;ss,0,_,_,-3,1;r,0;ds,0,_,_,2;r,0",
        "new,0,0,1,2;ss,0,1,1,_,0;r,0;ss,0,5,0,_,0;r,0;ds,0,_,_,-1;r,0",
        // Iteration sees appends and removals.
        "new,0,1,2;it,0;r,0;itd,0;r,0",
        // Errors from remove/index.
        "new,0,1,2;rm,0,3;ix,0,3;ixr,0,1,1,2;ixr,0,2,-1,1180591620717411303424;rm,0,1;r,0",
        // Repetition.
        "new,0,1,2;rep,0,3,1;rep,0,-1,2;rep,0,1180591620717411303424,2;rep,0,4611686018427387904,2;irep,0,0;r,0;r,1;r,2",
        // Nested lists alias their members.
        "new,0,1;new,1,2;nest,0,1;ap,0,5;mr;mset,2,0,7;mr;r,0",
        // Sorting: stable, reversed, keyed.
        "new,0,3,1,2,1,0;so,0;r,0;sor,0;r,0;new,1,4,2,5,3,1,2;sok,1,0;r,1;sok,1,1;r,1",
    ];
    let mut d = Diff::new();
    for prog in programs {
        d.add(
            format!("i {prog}"),
            prog.to_string(),
            outcome(Ok(run::<Int>(prog))),
        );
    }
    d.check("list edge cases", SCRIPT);
}

#[test]
fn sort_modified_by_key_raises_like_python() {
    let xs = List::from_vec(vec![Int::from(3), Int::from(1), Int::from(2)]);
    let alias = xs.clone();
    let e = xs
        .sort_by_key(
            |x| {
                alias.append(Int::from(1));
                Ok(x.clone())
            },
            false,
        )
        .unwrap_err();
    assert_eq!(e.to_string(), "ValueError: list modified during sort");
    assert_eq!(xs.py_repr(), "[1, 2, 3]");
    // A raising key restores the list unchanged (reverse included).
    let e = xs
        .sort_by_key(
            |x| {
                if *x == Int::from(2) {
                    Err(Exception::value_error("boom"))
                } else {
                    Ok(x.clone())
                }
            },
            true,
        )
        .unwrap_err();
    assert_eq!(e.to_string(), "ValueError: boom");
    assert_eq!(xs.py_repr(), "[1, 2, 3]");
    // Floats with NaN sort without panicking.
    let fs = List::from_vec(vec![2.0, f64::NAN, 1.0, f64::NAN, 0.5]);
    fs.sort();
    assert_eq!(fs.len(), 5);
}
