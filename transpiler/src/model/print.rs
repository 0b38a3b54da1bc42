//! A readable dump of the IR, for reviewers and snapshots: what the checker
//! decided (types, conversions, which local each name became) before any
//! Rust is generated.
//!
//! Locals print as `name.N` (the Python name and the local's id, so a name
//! rebound to another type shows as two locals), globals as `$name`,
//! conversions as `TYPE(expr)`.

use super::ir::{Expr, ExprKind, FPart, Function, Place, Program, RefOp, Stmt};
use super::Mode;
use std::fmt::Write as _;

pub fn program(p: &Program) -> String {
    let mut out = String::new();
    // Function names defined in more than one module.
    let mut first = std::collections::HashMap::new();
    let mut clash = std::collections::HashSet::new();
    for f in &p.functions {
        if *first.entry(f.name.as_str()).or_insert(f.span.file) != f.span.file {
            clash.insert(f.name.as_str());
        }
    }
    for d in &p.defs {
        match &d.kind {
            super::ir::DefKind::Record(fields) | super::ir::DefKind::Variant(fields) => {
                let kind = if matches!(d.kind, super::ir::DefKind::Record(_)) {
                    "record"
                } else {
                    "variant"
                };
                let fields: Vec<String> = fields
                    .iter()
                    .map(|f| format!("{}: {}", f.name, candid(p, f.ty)))
                    .collect();
                let _ = writeln!(out, "type {} = {kind} {{ {} }}", d.name, fields.join("; "));
            }
            super::ir::DefKind::Alias(t) => {
                let _ = writeln!(out, "type {} = {}", d.name, candid(p, *t));
            }
            super::ir::DefKind::Exception(base) => {
                let _ = writeln!(out, "class {}({})", d.name, base.name(&p.defs));
            }
            super::ir::DefKind::Service(methods) => {
                let methods: Vec<String> = methods
                    .iter()
                    .map(|f| format!("{}: {}", f.name, candid(p, f.ty)))
                    .collect();
                let _ = writeln!(
                    out,
                    "type {} = service {{ {} }}",
                    d.name,
                    methods.join("; ")
                );
            }
            super::ir::DefKind::Class(c) => {
                let fields: Vec<String> = c
                    .fields
                    .iter()
                    .map(|f| format!("{}: {}", f.name, p.types.display(f.ty)))
                    .collect();
                let _ = writeln!(out, "class {} {{ {} }}", d.name, fields.join("; "));
            }
        }
    }
    for g in &p.globals {
        let init = Printer {
            p,
            f: None,
            arms: Default::default(),
            clash: &clash,
        }
        .expr(&g.init);
        // Assigned first by module-level code.
        let init = if g.unbound {
            "<unbound>".to_string()
        } else {
            init
        };
        let _ = writeln!(
            out,
            "global ${}: {} = {init}",
            g.name,
            p.types.display(g.ty)
        );
    }
    let mut file = p.functions.first().map(|f| f.span.file);
    for (i, f) in p.functions.iter().enumerate() {
        out.push('\n');
        // Functions come module by module; each module after the entry's
        // starts with its path.
        if file != Some(f.span.file) {
            file = Some(f.span.file);
            let _ = writeln!(out, "# {}\n", p.sources.file(f.span.file).path);
        }
        if let Some(e) = p.export_of(super::ir::FuncId(i as u32)) {
            let params: Vec<String> = e.params.iter().map(|t| candid(p, *t)).collect();
            let ret = e.ret.map_or_else(String::new, |t| candid(p, t));
            let mode = match e.mode {
                Mode::Query => "query",
                Mode::Update => "update",
            };
            let _ = writeln!(
                out,
                "@{mode} {:?}: ({}) -> ({ret})",
                e.name,
                params.join(", ")
            );
        }
        Printer {
            p,
            f: Some(f),
            arms: Default::default(),
            clash: &clash,
        }
        .function(f, &mut out);
    }
    out
}

fn candid(p: &Program, t: super::CandidTy) -> String {
    use super::CandidKind as K;
    match p.types.candid_kind(t) {
        K::Nat => "nat".into(),
        K::Int => "int".into(),
        K::Fixed(k) => k.candid_name().into(),
        K::Float64 => "float64".into(),
        K::Float32 => "float32".into(),
        K::Bool => "bool".into(),
        K::Text => "text".into(),
        K::Blob => "blob".into(),
        K::Null => "null".into(),
        K::Principal => "principal".into(),
        K::Reserved => "reserved".into(),
        K::Empty => "empty".into(),
        K::Callable(..) | K::Var(_) | K::Generator(_) => p.types.candid_display(t),
        K::Opt(t) => format!("opt {}", candid(p, *t)),
        K::Vec(t) => format!("vec {}", candid(p, *t)),
        K::Tuple(items) => {
            let items: Vec<String> = items.iter().map(|t| candid(p, *t)).collect();
            format!("record {{ {} }}", items.join("; "))
        }
        K::Named(d) | K::Service(d) => p.def(*d).name.clone(),
        K::Dict(k, v) => format!("dict[{}, {}]", candid(p, *k), candid(p, *v)),
        K::Set(t, false) => format!("set[{}]", candid(p, *t)),
        K::Set(t, true) => format!("frozenset[{}]", candid(p, *t)),
        K::Func { mode, args, rets } => {
            let args: Vec<String> = args.iter().map(|t| candid(p, *t)).collect();
            let rets: Vec<String> = rets.iter().map(|t| candid(p, *t)).collect();
            let mode = match mode {
                super::ty::FuncMode::Query => " query",
                super::ty::FuncMode::Update => "",
                super::ty::FuncMode::Oneway => " oneway",
            };
            format!("func ({}) -> ({}){mode}", args.join(", "), rets.join(", "))
        }
    }
}

struct Printer<'a> {
    p: &'a Program,
    f: Option<&'a Function>,
    /// The lambda parameter name of each match arm printed so far.
    arms: std::cell::RefCell<std::collections::HashMap<u32, String>>,
    clash: &'a std::collections::HashSet<&'a str>,
}

impl Printer<'_> {
    fn function(&self, f: &Function, out: &mut String) {
        let params: Vec<String> = f
            .params
            .iter()
            .map(|l| {
                format!(
                    "{}: {}",
                    self.local(l.0),
                    self.p.types.display(f.local(*l).ty)
                )
            })
            .collect();
        let _ = writeln!(
            out,
            "def {}({}) -> {}:",
            f.name,
            params.join(", "),
            self.p.types.display(f.ret)
        );
        self.block(&f.body, 1, out);
    }

    fn local(&self, id: u32) -> String {
        match self.f {
            Some(f) => format!("{}.{id}", f.locals[id as usize].name),
            None => format!("local.{id}"),
        }
    }

    /// The name of field `i` of the Record value `a`.
    fn field_name(&self, a: &Expr, i: usize) -> &str {
        match self.p.types.kind(a.ty) {
            super::TyKind::Nominal(d) => match &self.p.def(*d).kind {
                super::ir::DefKind::Record(fields) => {
                    fields.get(i).map_or("?", |f| f.name.as_str())
                }
                super::ir::DefKind::Class(c) => c.fields.get(i).map_or("?", |f| f.name.as_str()),
                _ => "?",
            },
            _ => "?",
        }
    }

    /// Whether `a` is an instance of a plain class (`obj.attr`).
    fn is_class(&self, a: &Expr) -> bool {
        matches!(self.p.types.kind(a.ty), super::TyKind::Nominal(d)
            if matches!(self.p.def(*d).kind, super::ir::DefKind::Class(_)))
    }

    fn place(&self, p: &Place) -> String {
        match p {
            Place::Local(l) => self.local(l.0),
            Place::Global(g) => format!("${}", self.p.global(*g).name),
            Place::Subscript { base, index } => {
                format!("{}[{}]", self.expr(base), self.expr(index))
            }
            Place::Attribute { base, attr } => format!("{}.{attr}", self.expr(base)),
            Place::Field(base, i) if self.is_class(base) => {
                format!("{}.{}", self.expr(base), self.field_name(base, *i))
            }
            Place::Field(base, i) => {
                format!("{}[{:?}]", self.expr(base), self.field_name(base, *i))
            }
            Place::Unpack(items) => {
                let items: Vec<String> = items.iter().map(|p| self.place(p)).collect();
                format!("({})", items.join(", "))
            }
            Place::Starred(p) => format!("*{}", self.place(p)),
        }
    }

    fn block(&self, stmts: &[Stmt], depth: usize, out: &mut String) {
        if stmts.is_empty() {
            let _ = writeln!(out, "{}pass", "    ".repeat(depth));
        }
        for s in stmts {
            self.stmt(s, depth, out);
        }
    }

    fn stmt(&self, s: &Stmt, depth: usize, out: &mut String) {
        let ind = "    ".repeat(depth);
        match s {
            Stmt::Let { local, value } => {
                let decl = self.f.map(|f| f.local(*local));
                let ty = decl.map_or_else(String::new, |d| self.p.types.display(d.ty));
                let m = if decl.is_some_and(|d| d.mutable) {
                    "mut "
                } else {
                    ""
                };
                let v = value
                    .as_ref()
                    .map_or_else(String::new, |v| format!(" = {}", self.expr(v)));
                let _ = writeln!(out, "{ind}let {m}{}: {ty}{v}", self.local(local.0));
            }
            Stmt::Assign { place, value } => {
                let _ = writeln!(out, "{ind}{} = {}", self.place(place), self.expr(value));
            }
            Stmt::AugAssign { place, op, value } => {
                let _ = writeln!(
                    out,
                    "{ind}{} {}= {}",
                    self.place(place),
                    op.symbol(),
                    self.expr(value)
                );
            }
            Stmt::Expr(e) => {
                let _ = writeln!(out, "{ind}{}", self.expr(e));
            }
            Stmt::Discard(e) => {
                let _ = writeln!(out, "{ind}_ = {}", self.expr(e));
            }
            Stmt::If { cond, then, orelse } => {
                let _ = writeln!(out, "{ind}if {}:", self.expr(cond));
                self.block(then, depth + 1, out);
                if !orelse.is_empty() {
                    let _ = writeln!(out, "{ind}else:");
                    self.block(orelse, depth + 1, out);
                }
            }
            Stmt::While { cond, body } => {
                let _ = writeln!(out, "{ind}while {}:", self.expr(cond));
                self.block(body, depth + 1, out);
            }
            Stmt::For(f) => {
                let _ = writeln!(
                    out,
                    "{ind}for {} in range({}, {}, {}):",
                    self.local(f.var.0),
                    self.expr(&f.start),
                    self.expr(&f.stop),
                    f.step
                );
                self.block(&f.body, depth + 1, out);
            }
            Stmt::ForEach(f) => {
                let _ = writeln!(
                    out,
                    "{ind}for {} in {}:",
                    self.local(f.var.0),
                    self.expr(&f.iter)
                );
                self.block(&f.body, depth + 1, out);
            }
            Stmt::Break => {
                let _ = writeln!(out, "{ind}break");
            }
            Stmt::Continue => {
                let _ = writeln!(out, "{ind}continue");
            }
            Stmt::Return(e) => {
                let v = e
                    .as_ref()
                    .map_or_else(String::new, |e| format!(" {}", self.expr(e)));
                let _ = writeln!(out, "{ind}return{v}");
            }
            Stmt::Try {
                body,
                handlers,
                orelse,
                finally,
            } => {
                let _ = writeln!(out, "{ind}try:");
                self.block(body, depth + 1, out);
                for h in handlers {
                    let classes: Vec<&str> =
                        h.classes.iter().map(|c| c.name(&self.p.defs)).collect();
                    let bind = h
                        .bind
                        .map_or_else(String::new, |b| format!(" as {}", self.local(b.0)));
                    let _ = writeln!(out, "{ind}except ({}){bind}:", classes.join(", "));
                    self.block(&h.body, depth + 1, out);
                }
                if !orelse.is_empty() {
                    let _ = writeln!(out, "{ind}else:");
                    self.block(orelse, depth + 1, out);
                }
                if !finally.is_empty() {
                    let _ = writeln!(out, "{ind}finally:");
                    self.block(finally, depth + 1, out);
                }
            }
            Stmt::With { ctx, body, .. } => {
                let _ = writeln!(out, "{ind}with {}:", self.expr(ctx));
                self.block(body, depth + 1, out);
            }
            Stmt::Del(p) => {
                let _ = writeln!(out, "{ind}del {}", self.place(p));
            }
        }
    }

    fn tag(&self, variant: &Expr, i: usize) -> String {
        match self.p.types.kind(variant.ty) {
            super::TyKind::Nominal(d) => match &self.p.def(*d).kind {
                super::ir::DefKind::Variant(tags) => tags
                    .get(i)
                    .map_or_else(|| "?".to_string(), |t| t.name.clone()),
                _ => "?".to_string(),
            },
            _ => "?".to_string(),
        }
    }

    /// ` for .arm1, .arm2 in iter if cond` of a comprehension.
    fn comp_for(&self, binders: &[u32], iter: &Expr, cond: Option<&Expr>) -> String {
        let names: Vec<String> = binders.iter().map(|b| format!(".arm{b}")).collect();
        let cond = cond.map_or_else(String::new, |c| format!(" if {}", self.expr(c)));
        format!(" for {} in {}{cond}", names.join(", "), self.expr(iter))
    }

    fn expr(&self, e: &Expr) -> String {
        match &e.kind {
            ExprKind::Int(i) => i.to_string(),
            ExprKind::Float(f) => format!("{f:?}"),
            ExprKind::Bool(b) => if *b { "True" } else { "False" }.into(),
            ExprKind::Str(s) => format!("{s:?}"),
            ExprKind::Bytes(b) => format!("b{:?}", String::from_utf8_lossy(b)),
            ExprKind::None => "None".into(),
            ExprKind::Local(l) => self.local(l.0),
            ExprKind::Cell(l) => format!("{}.get()", self.local(l.0)),
            ExprKind::Global(g) => format!("${}", self.p.global(*g).name),
            ExprKind::Convert(a) => format!("{}({})", self.p.types.display(e.ty), self.expr(a)),
            ExprKind::Binary(op, a, b) => {
                format!("({} {} {})", self.expr(a), op.symbol(), self.expr(b))
            }
            ExprKind::Unary(op, a) => {
                let s = match op {
                    super::ir::UnaryOp::Neg => "-",
                    super::ir::UnaryOp::Invert => "~",
                };
                format!("{s}{}", self.expr(a))
            }
            ExprKind::Not(a) => format!("(not {})", self.expr(a)),
            ExprKind::Truthy(a) => format!("bool({})", self.expr(a)),
            ExprKind::Compare(a, rest) => {
                let mut s = format!("({}", self.expr(a));
                for (op, b) in rest {
                    let _ = write!(s, " {} {}", op.symbol(), self.expr(b));
                }
                s + ")"
            }
            ExprKind::And(a, b) => format!("({} and {})", self.expr(a), self.expr(b)),
            ExprKind::Or(a, b) => format!("({} or {})", self.expr(a), self.expr(b)),
            ExprKind::IfExp { cond, then, orelse } => format!(
                "({} if {} else {})",
                self.expr(then),
                self.expr(cond),
                self.expr(orelse)
            ),
            ExprKind::Call(f, args) => {
                let args: Vec<String> = args.iter().map(|a| self.expr(a)).collect();
                let g = self.p.function(*f);
                let name = if self.clash.contains(g.name.as_str()) {
                    // `valid@src/books.py`: which module's function.
                    format!("{}@{}", g.name, self.p.sources.file(g.span.file).path)
                } else {
                    g.name.clone()
                };
                format!("{name}({})", args.join(", "))
            }
            ExprKind::Len(a) => format!("len({})", self.expr(a)),
            ExprKind::ToStr(a) => format!("str({})", self.expr(a)),
            ExprKind::FString(parts) => {
                let mut s = String::from("f\"");
                for p in parts {
                    match p {
                        FPart::Lit(l) => s.push_str(&l.replace('{', "{{").replace('}', "}}")),
                        FPart::Value { expr, repr, spec } => {
                            s.push('{');
                            s.push_str(&self.expr(expr));
                            if *repr {
                                s.push_str("!r");
                            }
                            if let Some(spec) = spec {
                                s.push(':');
                                s.push_str(spec);
                            }
                            s.push('}');
                        }
                    }
                }
                s + "\""
            }
            ExprKind::Print(a, true) => format!("ic.print({})", self.expr(a)),
            ExprKind::Print(a, false) => format!("print({}, end='')", self.expr(a)),
            ExprKind::Trap(a) => format!("ic.trap({})", self.expr(a)),
            ExprKind::Comprehension {
                binders,
                iter,
                cond,
                elem,
                lazy,
                more,
            } => {
                let mut clauses = self.comp_for(binders, iter, cond.as_deref());
                for c in more {
                    clauses += &self.comp_for(&c.binders, &c.iter, c.cond.as_ref());
                }
                let (open, close) = if *lazy { ("(", ")") } else { ("[", "]") };
                format!("{open}{}{clauses}{close}", self.expr(elem))
            }
            ExprKind::Range { start, stop, step } => {
                format!("range({}, {}, {step})", self.expr(start), self.expr(stop))
            }
            ExprKind::Slice {
                base,
                start,
                stop,
                step,
            } => {
                let part =
                    |e: &Option<Box<Expr>>| e.as_ref().map_or_else(String::new, |e| self.expr(e));
                format!(
                    "{}[{}:{}:{}]",
                    self.expr(base),
                    part(start),
                    part(stop),
                    part(step)
                )
            }
            ExprKind::KeyFn { binder, body } => format!("lambda .arm{binder}: {}", self.expr(body)),
            ExprKind::Builtin(b, args) => {
                let args: Vec<String> = args.iter().map(|a| self.expr(a)).collect();
                match b {
                    // `math.sqrt(x)` as runtime-lite's function name.
                    super::ir::Builtin::Lib(super::ir::LibFn::Math(f)) => {
                        format!("math.{}({})", f.name(), args.join(", "))
                    }
                    _ => format!("{b:?}({})", args.join(", ")),
                }
            }
            ExprKind::Splice(items) => {
                let items: Vec<String> = items
                    .iter()
                    .map(|(spread, e)| {
                        format!("{}{}", if *spread { "*" } else { "" }, self.expr(e))
                    })
                    .collect();
                format!("[{}]", items.join(", "))
            }
            ExprKind::DictSplice(items) => {
                let items: Vec<String> = items
                    .iter()
                    .map(|(k, v)| match k {
                        Some(k) => format!("{}: {}", self.expr(k), self.expr(v)),
                        None => format!("**{}", self.expr(v)),
                    })
                    .collect();
                format!("{{{}}}", items.join(", "))
            }
            ExprKind::Raise { class, message } => {
                let class = class.name(&self.p.defs);
                match message {
                    Some(m) => format!("raise {class}({})", self.expr(m)),
                    None => format!("raise {class}()"),
                }
            }
            ExprKind::Reraise(e) => format!("raise {}", self.expr(e)),
            ExprKind::Instance(e) => format!("instance({})", self.expr(e)),
            ExprKind::ExcMatches(e, names) => {
                format!("({}.kind in {:?})", self.expr(e), names)
            }
            ExprKind::RaiseObject { obj, .. } => format!("raise {}", self.expr(obj)),
            ExprKind::ExcArgs(a) => match a {
                crate::model::ir::ExcArgs::Str(e) => format!("args({})", self.expr(e)),
                crate::model::ir::ExcArgs::One { text, repr } => {
                    format!("args(str={}, repr={})", self.expr(text), self.expr(repr))
                }
                crate::model::ir::ExcArgs::Many { reprs, key } => {
                    let items: Vec<String> = reprs.iter().map(|r| self.expr(r)).collect();
                    let k = if *key { "key_args" } else { "args" };
                    format!("{k}({})", items.join(", "))
                }
            },
            ExprKind::Ic(c) => format!("ic.{}()", format!("{c:?}").to_lowercase()),
            ExprKind::Some(a) => self.expr(a),
            ExprKind::IsNone(a) => format!("({} is None)", self.expr(a)),
            ExprKind::HasTag(a, i) => format!("({:?} in {})", self.tag(a, *i), self.expr(a)),
            ExprKind::Payload(a, i) => format!("{}[{:?}]", self.expr(a), self.tag(a, *i)),
            // A new object of a class: `Point(x=.., y=..)`.
            ExprKind::Record { def, fields, .. }
                if matches!(self.p.def(*def).kind, super::ir::DefKind::Class(_)) =>
            {
                let def = self.p.def(*def);
                let items: Vec<String> = fields
                    .iter()
                    .enumerate()
                    .map(|(i, v)| format!("{}={}", def.name_of_member(i), self.expr(v)))
                    .collect();
                format!("{}.new({})", def.name, items.join(", "))
            }
            ExprKind::Record { def, fields, .. } => {
                let names: Vec<&str> = match &self.p.def(*def).kind {
                    super::ir::DefKind::Record(f) => f.iter().map(|f| f.name.as_str()).collect(),
                    _ => Vec::new(),
                };
                let items: Vec<String> = fields
                    .iter()
                    .enumerate()
                    .map(|(i, v)| format!("{:?}: {}", names.get(i).unwrap_or(&"?"), self.expr(v)))
                    .collect();
                format!("{}({{{}}})", self.p.def(*def).name, items.join(", "))
            }
            ExprKind::Variant { def, tag, value } => {
                let name = match &self.p.def(*def).kind {
                    super::ir::DefKind::Variant(f) => f.get(*tag).map_or("?", |f| f.name.as_str()),
                    _ => "?",
                };
                let v = value
                    .as_ref()
                    .map_or_else(|| "None".to_string(), |v| self.expr(v));
                format!("{}({{{name:?}: {v}}})", self.p.def(*def).name)
            }
            ExprKind::List(items) => {
                let items: Vec<String> = items.iter().map(|v| self.expr(v)).collect();
                format!("[{}]", items.join(", "))
            }
            ExprKind::Tuple(items) => {
                let items: Vec<String> = items.iter().map(|v| self.expr(v)).collect();
                format!("({},)", items.join(", "))
            }
            ExprKind::Field(a, i) if matches!(self.p.types.kind(a.ty), super::TyKind::Tuple(_)) => {
                format!("{}[{i}]", self.expr(a))
            }
            ExprKind::Field(a, i) if self.is_class(a) => {
                format!("{}.{}", self.expr(a), self.field_name(a, *i))
            }
            ExprKind::Field(a, i) => format!("{}[{:?}]", self.expr(a), self.field_name(a, *i)),
            ExprKind::Dict(pairs) => {
                let pairs: Vec<String> = pairs
                    .iter()
                    .map(|(k, v)| format!("{}: {}", self.expr(k), self.expr(v)))
                    .collect();
                format!("{{{}}}", pairs.join(", "))
            }
            ExprKind::Set(items) if items.is_empty() => String::from("set()"),
            ExprKind::Set(items) => {
                let items: Vec<String> = items.iter().map(|v| self.expr(v)).collect();
                format!("{{{}}}", items.join(", "))
            }
            ExprKind::Index(a, i) => format!("{}[{}]", self.expr(a), self.expr(i)),
            ExprKind::Method(m, args) => {
                let args: Vec<String> = args.iter().map(|a| self.expr(a)).collect();
                format!("{m:?}({})", args.join(", "))
            }
            ExprKind::Ref(op, args) => {
                let args: Vec<String> = args.iter().map(|a| self.expr(a)).collect();
                match (op.python().strip_prefix('.'), args.as_slice()) {
                    (Some(attr), [recv]) => format!("{recv}.{attr}"),
                    _ if op.python().starts_with('[') => {
                        format!("{}{}", args.join(""), op.python())
                    }
                    _ if *op == RefOp::FuncNew => format!("({})", args.join(", ")),
                    _ if *op == RefOp::ServiceNew => {
                        format!("{}({})", self.p.types.display(e.ty), args.join(", "))
                    }
                    _ => format!("{}({})", op.python(), args.join(", ")),
                }
            }
            ExprKind::Unwrap(a) => format!("{}!", self.expr(a)),
            ExprKind::Unpack { value, star } => match star {
                Some(i) => format!("unpack({}, star={i})", self.expr(value)),
                None => format!("unpack({})", self.expr(value)),
            },
            ExprKind::Is(a, b) => format!("({} is {})", self.expr(a), self.expr(b)),
            ExprKind::IsInstance(a, classes) => {
                let names: Vec<&str> = classes
                    .iter()
                    .map(|d| self.p.def(*d).name.as_str())
                    .collect();
                format!("isinstance({}, ({}))", self.expr(a), names.join(", "))
            }
            ExprKind::ArmValue(id) => {
                let name = self.arms.borrow().get(id).cloned().unwrap_or_default();
                format!("{name}.arm{id}")
            }
            ExprKind::Match { value, arms, .. } => {
                let arms: Vec<String> = arms
                    .iter()
                    .map(|a| {
                        let tag = a
                            .tag
                            .map_or_else(|| "_".to_string(), |i| self.tag(value, i));
                        self.arms.borrow_mut().insert(a.id, a.name.clone());
                        format!(
                            "{tag:?}: lambda {}.arm{}: {}",
                            a.name,
                            a.id,
                            self.expr(&a.body)
                        )
                    })
                    .collect();
                format!("match({}, {{{}}})", self.expr(value), arms.join(", "))
            }
            ExprKind::Closure(f, caps) => {
                let caps: Vec<String> = caps.iter().map(|c| self.expr(c)).collect();
                format!(
                    "<closure {}[{}]>",
                    self.p.function(*f).name,
                    caps.join(", ")
                )
            }
            ExprKind::CallValue(f, args) => {
                let args: Vec<String> = args.iter().map(|a| self.expr(a)).collect();
                format!("({})({})", self.expr(f), args.join(", "))
            }
            ExprKind::Await(a) => format!("(yield {})", self.expr(a)),
            ExprKind::Yield(a) => format!("yield {}", self.expr(a)),
        }
    }
}
