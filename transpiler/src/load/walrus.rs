//! Assignment expressions (`:=`) as statements: a syntax rewrite run once
//! per parsed module, before any analysis, so every later pass sees plain
//! assignments.
//!
//! `if (n := len(xs)) > 3:` becomes `n = len(xs)` then `if n > 3:`; `while
//! (line := read()) != "":` becomes `while True:` with `line = read()` and
//! `if not (line != ""): break` at the top of its body. A `:=` is moved
//! only when nothing before it in evaluation order can have an effect
//! (names, constants, attribute reads), so the program computes exactly
//! what it did; any other `:=` stays, and the checker reports it.

use rustpython_parser::ast::{self, Ranged};

/// Rewrites the `:=` of `body` and of every body nested in it.
pub(crate) fn hoist(body: &mut Vec<ast::Stmt>) {
    let old = std::mem::take(body);
    for mut s in old {
        for inner in bodies_mut(&mut s) {
            hoist(inner);
        }
        match s {
            ast::Stmt::While(mut w) if w.orelse.is_empty() => {
                let mut stores = Vec::new();
                take(&mut w.test, &mut stores);
                if stores.is_empty() {
                    body.push(ast::Stmt::While(w));
                    continue;
                }
                // `while True:` + the stores + `if not test: break`.
                let range = w.range;
                let test = std::mem::replace(&mut *w.test, constant_true(range));
                let mut head: Vec<ast::Stmt> = stores
                    .into_iter()
                    .map(|(t, v)| assign(t, v, range))
                    .collect();
                head.push(ast::Stmt::If(ast::StmtIf {
                    range,
                    test: Box::new(ast::Expr::UnaryOp(ast::ExprUnaryOp {
                        range,
                        op: ast::UnaryOp::Not,
                        operand: Box::new(test),
                    })),
                    body: vec![ast::Stmt::Break(ast::StmtBreak { range })],
                    orelse: vec![],
                }));
                head.append(&mut w.body);
                w.body = head;
                body.push(ast::Stmt::While(w));
            }
            mut s => {
                let mut stores = Vec::new();
                if let Some(e) = leading_expr(&mut s) {
                    take(e, &mut stores);
                }
                let range = s.range();
                body.extend(stores.into_iter().map(|(t, v)| assign(t, v, range)));
                body.push(s);
            }
        }
    }
}

/// The expression a statement evaluates first, where a `:=` may be
/// moved out in front of the statement.
fn leading_expr(s: &mut ast::Stmt) -> Option<&mut ast::Expr> {
    match s {
        ast::Stmt::Expr(e) => Some(&mut e.value),
        ast::Stmt::If(i) => Some(&mut i.test),
        ast::Stmt::Return(r) => r.value.as_deref_mut(),
        ast::Stmt::Assign(a) => Some(&mut a.value),
        ast::Stmt::AnnAssign(a) => a.value.as_deref_mut(),
        ast::Stmt::For(f) => Some(&mut f.iter),
        _ => None,
    }
}

/// Moves the `:=` of `e` that run before anything with an effect into
/// `stores` (in evaluation order), leaving their names in their place.
fn take(e: &mut ast::Expr, stores: &mut Vec<(ast::ExprName, ast::Expr)>) {
    if let ast::Expr::NamedExpr(n) = e {
        let ast::Expr::Name(target) = &*n.target else {
            return;
        };
        let target = target.clone();
        let mut value = std::mem::replace(&mut *n.value, constant_true(n.range));
        take(&mut value, stores);
        *e = ast::Expr::Name(ast::ExprName {
            ctx: ast::ExprContext::Load,
            ..target.clone()
        });
        stores.push((target, value));
        return;
    }
    // The operands evaluated first, in order; each later one only while
    // everything before it is pure.
    let operands: Vec<&mut ast::Expr> = match e {
        ast::Expr::Compare(c) => std::iter::once(&mut *c.left)
            .chain(c.comparators.iter_mut())
            .collect(),
        ast::Expr::BinOp(b) => vec![&mut *b.left, &mut *b.right],
        ast::Expr::UnaryOp(u) => vec![&mut *u.operand],
        // Later operands of `and`/`or` and the branches of `x if c else
        // y` run only sometimes.
        ast::Expr::BoolOp(b) => b.values.iter_mut().take(1).collect(),
        ast::Expr::IfExp(i) => vec![&mut *i.test],
        ast::Expr::Call(c) => std::iter::once(&mut *c.func)
            .chain(c.args.iter_mut())
            .collect(),
        ast::Expr::Subscript(s) => vec![&mut *s.value, &mut *s.slice],
        ast::Expr::Tuple(t) => t.elts.iter_mut().collect(),
        ast::Expr::List(l) => l.elts.iter_mut().collect(),
        _ => Vec::new(),
    };
    for x in operands {
        take(x, stores);
        if !pure(x) {
            break;
        }
    }
}

/// Whether evaluating `e` can have no effect a moved `:=` could reorder.
fn pure(e: &ast::Expr) -> bool {
    match e {
        ast::Expr::Name(_) | ast::Expr::Constant(_) => true,
        ast::Expr::Attribute(a) => pure(&a.value),
        _ => false,
    }
}

fn assign(
    target: ast::ExprName,
    value: ast::Expr,
    range: rustpython_parser::text_size::TextRange,
) -> ast::Stmt {
    ast::Stmt::Assign(ast::StmtAssign {
        range,
        targets: vec![ast::Expr::Name(ast::ExprName {
            ctx: ast::ExprContext::Store,
            ..target
        })],
        value: Box::new(value),
        type_comment: None,
    })
}

fn constant_true(range: rustpython_parser::text_size::TextRange) -> ast::Expr {
    ast::Expr::Constant(ast::ExprConstant {
        range,
        value: ast::Constant::Bool(true),
        kind: None,
    })
}

/// The statement bodies nested directly in `s`.
fn bodies_mut(s: &mut ast::Stmt) -> Vec<&mut Vec<ast::Stmt>> {
    match s {
        ast::Stmt::FunctionDef(f) => vec![&mut f.body],
        ast::Stmt::AsyncFunctionDef(f) => vec![&mut f.body],
        ast::Stmt::ClassDef(c) => vec![&mut c.body],
        ast::Stmt::If(i) => vec![&mut i.body, &mut i.orelse],
        ast::Stmt::While(w) => vec![&mut w.body, &mut w.orelse],
        ast::Stmt::For(f) => vec![&mut f.body, &mut f.orelse],
        ast::Stmt::With(w) => vec![&mut w.body],
        ast::Stmt::Try(t) => {
            let mut out = vec![&mut t.body];
            for h in &mut t.handlers {
                let ast::ExceptHandler::ExceptHandler(h) = h;
                out.push(&mut h.body);
            }
            out.push(&mut t.orelse);
            out.push(&mut t.finalbody);
            out
        }
        _ => Vec::new(),
    }
}
