//! `List` and `Dict` beyond the operation programs: containers that
//! contain themselves, containers of containers, Candid encoding, the
//! iterator's terminal states, and that mutation never clones.

mod common;

use std::cell::Cell;

use candid::{CandidType, Decode, Encode};
use common::{outcome, str_arg, Diff};
use runtime_lite::{Dict, Exception, Int, List, PyStr, Truthy};

/// A dynamic value, enough to build the cycles Python allows.
#[derive(Clone, PartialEq)]
enum V {
    I(i64),
    S(String),
    L(List<V>),
    D(Dict<String, V>),
}

impl PyStr for V {
    fn py_str(&self) -> String {
        match self {
            V::S(s) => s.clone(),
            _ => self.py_repr(),
        }
    }
    fn py_repr(&self) -> String {
        match self {
            V::I(i) => i.py_repr(),
            V::S(s) => s.py_repr(),
            V::L(l) => l.py_repr(),
            V::D(d) => d.py_repr(),
        }
    }
}

fn s(x: &str) -> V {
    V::S(x.to_string())
}

/// Each case: Python code that sets `out`, and what we print for it.
fn repr_cases() -> Vec<(&'static str, String)> {
    let mut cases = Vec::new();

    let a = List::new();
    a.append(V::L(a.clone()));
    cases.push(("a = []; a.append(a); out = repr(a)", a.py_repr()));

    let a = List::from_vec(vec![V::I(1)]);
    a.append(V::L(a.clone()));
    a.append(V::L(List::from_vec(vec![V::L(a.clone())])));
    cases.push((
        "a = [1]; a.append(a); a.append([a]); out = repr(a) + ' ' + str(a)",
        format!("{} {}", a.py_repr(), a.py_str()),
    ));

    let d = Dict::new();
    d.set(String::from("x"), V::D(d.clone()));
    cases.push(("d = {}; d['x'] = d; out = repr(d)", d.py_repr()));

    let a = List::new();
    let d = Dict::new();
    d.set(String::from("a"), V::L(a.clone()));
    a.append(V::D(d.clone()));
    cases.push((
        "a = []; d = {'a': a}; a.append(d); out = repr(d) + ' ' + repr(a)",
        format!("{} {}", d.py_repr(), a.py_repr()),
    ));

    let a = List::new();
    let b = List::from_vec(vec![V::L(a.clone())]);
    a.append(V::L(b.clone()));
    cases.push((
        "a = []; b = [a]; a.append(b); out = repr(a) + ' ' + repr(b)",
        format!("{} {}", a.py_repr(), b.py_repr()),
    ));

    // The same list twice side by side is not a cycle.
    let a = List::from_vec(vec![V::I(1)]);
    let b = List::from_vec(vec![V::L(a.clone()), V::L(a.clone())]);
    cases.push(("a = [1]; b = [a, a]; out = repr(b)", b.py_repr()));

    // str() of a container is the repr of its items.
    let a = List::from_vec(vec![s("a"), s("it's"), V::I(-3)]);
    let d = Dict::new();
    d.set(String::from("k"), V::L(a.clone()));
    d.set(String::from("e"), V::L(List::new()));
    d.set(String::from("f"), V::D(Dict::new()));
    cases.push((
        "a = ['a', \"it's\", -3]; d = {'k': a, 'e': [], 'f': {}}; out = str(a) + ' ' + str(d)",
        format!("{} {}", a.py_str(), d.py_str()),
    ));

    // A list held by a dict and by a variable is one list.
    let l = List::from_vec(vec![V::I(1)]);
    let d = Dict::new();
    d.set(String::from("xs"), V::L(l.clone()));
    l.append(V::I(2));
    if let Ok(V::L(inner)) = d.get("xs") {
        inner.append(V::I(3));
    }
    cases.push((
        "l = [1]; d = {'xs': l}; l.append(2); d['xs'].append(3); out = repr(d) + ' ' + repr(l)",
        format!("{} {}", d.py_repr(), l.py_repr()),
    ));

    // Self-containing containers equal themselves (identity first).
    let a = List::new();
    a.append(V::L(a.clone()));
    let d = Dict::new();
    d.set(String::from("x"), V::D(d.clone()));
    let same = a == a.clone() && d == d.clone() && V::L(a.clone()) == V::L(a);
    cases.push((
        "a = []; a.append(a); d = {}; d['x'] = d; out = str(a == a and d == d)",
        String::from(if same { "True" } else { "False" }),
    ));
    cases
}

#[test]
fn nested_and_self_containing_reprs_match_python() {
    let mut d = Diff::new();
    for (code, ours) in repr_cases() {
        d.add(str_arg(code), code.to_string(), outcome(Ok(ours)));
    }
    d.check(
        "container reprs",
        "def fn(code):\n    ns = {}\n    exec(S(code), ns)\n    return ns['out']\n",
    );
}

#[test]
fn dict_iterator_terminal_states_match_python() {
    // A size change is reported on every later step, even once the size is
    // back (CPython's sticky state).
    let d: Dict<String, i64> = [(String::from("a"), 1)].into_iter().collect();
    let mut it = d.iter();
    assert_eq!(it.next_key(), Ok(Some(String::from("a"))));
    d.set(String::from("b"), 2);
    let changed = "RuntimeError: dictionary changed size during iteration";
    assert_eq!(it.next_key().unwrap_err().to_string(), changed);
    assert_eq!(it.next_key().unwrap_err().to_string(), changed);
    d.del("b").unwrap();
    assert_eq!(it.next_key().unwrap_err().to_string(), changed);
    // Once exhausted, an iterator stays exhausted.
    let mut it = d.iter();
    assert_eq!(it.next_item(), Ok(Some((String::from("a"), 1))));
    assert_eq!(it.next_item(), Ok(None));
    d.set(String::from("c"), 3);
    assert_eq!(it.next_item(), Ok(None));
    let mut it = d.iter();
    assert_eq!(it.next_value(), Ok(Some(1)));
}

#[derive(CandidType, serde::Deserialize, Clone, Debug, PartialEq)]
struct WithLists {
    name: String,
    xs: List<u64>,
    nested: List<List<String>>,
    bytes: List<u8>,
}

#[derive(CandidType, serde::Deserialize)]
struct WithVecs {
    name: String,
    xs: Vec<u64>,
    nested: Vec<Vec<String>>,
    bytes: Vec<u8>,
}

#[test]
fn list_is_a_candid_vec() {
    use candid::types::CandidType as _;
    assert_eq!(List::<u64>::ty(), Vec::<u64>::ty());
    assert_eq!(WithLists::ty(), WithVecs::ty());

    let inner = List::from_vec(vec![String::from("a")]);
    let r = WithLists {
        name: String::from("n"),
        xs: List::from_vec(vec![1, 2, 3]),
        nested: List::from_vec(vec![inner.clone(), List::new(), inner.clone()]),
        bytes: List::from_vec(vec![0, 255]),
    };
    // A mutation through an alias is what gets encoded.
    inner.append(String::from("b"));
    let plain = WithVecs {
        name: String::from("n"),
        xs: vec![1, 2, 3],
        nested: vec![
            vec!["a".into(), "b".into()],
            vec![],
            vec!["a".into(), "b".into()],
        ],
        bytes: vec![0, 255],
    };
    let ours = Encode!(&r).unwrap();
    assert_eq!(ours, Encode!(&plain).unwrap());

    let back = Decode!(&ours, WithLists).unwrap();
    assert_eq!(back, r);
    // Decoded lists are fresh: the two copies of `inner` no longer alias.
    let first = back.nested.get(0).unwrap();
    first.append(String::from("c"));
    assert_eq!(back.nested.get(2).unwrap().len(), 2);
    assert_eq!(inner.len(), 2);
    // Decoding from the plain type's encoding works too.
    let from_vec = Decode!(&Encode!(&plain).unwrap(), WithLists).unwrap();
    assert_eq!(from_vec.xs.to_vec(), vec![1, 2, 3]);
}

thread_local! {
    static CLONES: Cell<usize> = const { Cell::new(0) };
}

/// A key or value that counts its clones.
#[derive(PartialEq, Eq, Hash, Debug)]
struct Counted(u64);

impl Clone for Counted {
    fn clone(&self) -> Self {
        CLONES.with(|c| c.set(c.get() + 1));
        Counted(self.0)
    }
}

impl PyStr for Counted {
    fn py_str(&self) -> String {
        self.0.to_string()
    }
    fn py_repr(&self) -> String {
        self.0.to_string()
    }
}

fn clones() -> usize {
    CLONES.with(Cell::get)
}

/// `db[key] = value` on a 100,000-entry dict, through another handle (as
/// a global is read): no key or value is cloned for an overwrite, one key
/// clone (the index's copy) per new key, never the container.
#[test]
fn dict_assignment_never_clones_the_container() {
    let db: Dict<Counted, Counted> = Dict::new();
    for k in 0..100_000 {
        db.set(Counted(k), Counted(k));
    }
    assert_eq!(clones(), 100_000);
    let global = db.clone();
    let before = clones();
    for k in 0..100_000 {
        global.set(Counted(k), Counted(k + 1));
    }
    assert_eq!(clones(), before, "an overwrite cloned something");
    for k in 100_000..101_000 {
        global.set(Counted(k), Counted(k));
    }
    assert_eq!(clones(), before + 1_000);
    for k in 0..1_000 {
        global.del(&Counted(k)).unwrap();
    }
    assert_eq!(clones(), before + 1_000);
    assert_eq!(db.len(), 100_000);
    assert_eq!(db.get(&Counted(5)), Err(Exception::new("KeyError", "5")));
    assert_eq!(db.get_opt(&Counted(99_999)), Some(Counted(100_000)));
}

#[test]
fn list_assignment_never_clones_the_container() {
    let xs: List<Counted> = (0..100_000).map(Counted).collect();
    let alias = xs.clone();
    let before = clones();
    for i in 0..100_000 {
        alias.set(i, Counted(0)).unwrap();
    }
    alias.append(Counted(1));
    alias.insert(0, Counted(2));
    alias.pop(None).unwrap();
    assert_eq!(clones(), before);
    assert_eq!(xs.len(), 100_001);
}

#[test]
fn conveniences() {
    let d: Dict<String, Int> = Dict::with_capacity(10);
    d.set(String::from("x"), Int::from(1));
    // Borrowed lookups for String keys.
    assert!(d.contains("x") && !d.contains("y"));
    assert_eq!(d.get("y").unwrap_err().to_string(), "KeyError: 'y'");
    assert_eq!(d.get_or("y", Int::from(7)), Int::from(7));
    assert_eq!(format!("{d:?}"), r#"{"x": 1}"#);
    assert!(d.truthy() && !Dict::<String, Int>::new().truthy());
    let xs: List<Int> = [1, 2].into_iter().map(Int::from).collect();
    assert_eq!(format!("{xs:?}"), "[1, 2]");
    assert!(xs.truthy() && !List::<Int>::default().truthy());
    assert_eq!(xs.iter().count(), 2);
    assert_eq!(List::from(vec![1u8]).get_opt(0), Some(1));
    // `a.extend(a)` doubles, as in Python.
    xs.extend(&xs);
    assert_eq!(xs.py_repr(), "[1, 2, 1, 2]");
}
