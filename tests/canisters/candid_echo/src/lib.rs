//! `candid_echo`: echo methods over the whole Candid type system (records,
//! variants, opt, vec, blob, tuples, recursive and mutually recursive
//! types) for replica-lite's scenario tests of named types.

use candid::{CandidType, Deserialize, Int};
use std::cell::RefCell;
use std::collections::BTreeMap;

const DID: &[u8] = include_bytes!("../candid_echo.did");

/// The Candid interface, as the `candid:service` metadata section.
#[unsafe(link_section = "icp:public candid:service")]
#[used]
static CANDID_SERVICE: [u8; DID.len()] = *include_bytes!("../candid_echo.did");

thread_local! {
    static USERS: RefCell<BTreeMap<u64, User>> = const { RefCell::new(BTreeMap::new()) };
}

#[derive(CandidType, Deserialize, Clone)]
enum Role {
    #[serde(rename = "admin")]
    Admin,
    #[serde(rename = "member")]
    Member { since: u64 },
    #[serde(rename = "guest")]
    Guest(Option<String>),
}

#[derive(CandidType, Deserialize, Clone)]
struct User {
    id: u64,
    name: String,
    email: Option<String>,
    tags: Vec<String>,
    role: Role,
    /// `blob`: candid encodes `Vec<u8>` as `vec nat8`, the same type.
    avatar: Vec<u8>,
}

#[derive(CandidType, Deserialize, Clone)]
enum Tree {
    #[serde(rename = "leaf")]
    Leaf(Int),
    #[serde(rename = "node")]
    Node { left: Box<Tree>, right: Box<Tree> },
}

#[derive(CandidType, Deserialize, Clone)]
enum Expr {
    #[serde(rename = "num")]
    Num(Int),
    #[serde(rename = "neg")]
    Neg(Box<Expr>),
    #[serde(rename = "sum")]
    Sum(Vec<Expr>),
    #[serde(rename = "block")]
    Block(Block),
}

#[derive(CandidType, Deserialize, Clone)]
struct Block {
    stmts: Vec<Expr>,
    result: Option<Box<Expr>>,
}

#[ic_cdk::query]
fn echo_user(u: User) -> User {
    u
}

#[ic_cdk::query]
fn echo_users(us: Vec<User>) -> Vec<User> {
    us
}

#[ic_cdk::query]
fn find_user(us: Vec<User>, id: u64) -> Option<User> {
    us.into_iter().find(|u| u.id == id)
}

#[ic_cdk::query]
fn echo_role(r: Role) -> Role {
    r
}

#[ic_cdk::query]
fn swap(pair: (User, Role)) -> (Role, User) {
    (pair.1, pair.0)
}

#[ic_cdk::query]
fn echo_tree(t: Tree) -> Tree {
    t
}

/// A complete tree of the given depth whose leaves count 0, 1, 2, ...
#[ic_cdk::query]
fn make_tree(depth: u8) -> Tree {
    fn build(depth: u8, next: &mut i64) -> Tree {
        if depth == 0 {
            *next += 1;
            Tree::Leaf(Int::from(*next - 1))
        } else {
            let left = Box::new(build(depth - 1, next));
            let right = Box::new(build(depth - 1, next));
            Tree::Node { left, right }
        }
    }
    build(depth.min(12), &mut 0)
}

#[ic_cdk::query]
fn tree_sum(t: Tree) -> Int {
    match t {
        Tree::Leaf(n) => n,
        Tree::Node { left, right } => tree_sum(*left) + tree_sum(*right),
    }
}

#[ic_cdk::query]
fn echo_expr(e: Expr) -> Expr {
    e
}

/// Evaluates an expression; a block's value is its result (0 without one)
/// after its statements.
#[ic_cdk::query]
fn eval(e: Expr) -> Int {
    match e {
        Expr::Num(n) => n,
        Expr::Neg(e) => Int::from(0) - eval(*e),
        Expr::Sum(es) => es.into_iter().map(eval).fold(Int::from(0), |a, b| a + b),
        Expr::Block(b) => {
            for s in b.stmts {
                eval(s);
            }
            b.result.map_or(Int::from(0), |e| eval(*e))
        }
    }
}

#[ic_cdk::update]
fn save(u: User) {
    USERS.with(|users| users.borrow_mut().insert(u.id, u));
}

#[ic_cdk::query]
fn load(id: u64) -> Option<User> {
    USERS.with(|users| users.borrow().get(&id).cloned())
}
