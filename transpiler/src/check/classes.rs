//! Plain Python classes inside a canister (not Candid types): `__init__`,
//! methods, instance and class attributes, `@staticmethod`,
//! `@classmethod`, `@property`, the special methods Python calls for
//! operators and builtins, and `@dataclass`.
//!
//! A class is a `DefKind::Class`; its instances have the type
//! `TyKind::Nominal(def)` and are shared objects (every class type is in
//! `Program::shared`). A method is an ordinary function whose first
//! parameter is the instance; a call `obj.m(a)` is `Call(m, [obj, a])`.
//! `__init__` takes no `self`: its body assigns the attributes into locals
//! (`self.x = v` stores into the local named `self.x`) and it returns the
//! new instance, built from them, wherever it returns. So the attributes
//! of an instance are exactly those `__init__` sets on every path, each with
//! one type, which every other method can rely on.
//!
//! Class attributes are module-level variables (named `Class.attr`, which
//! no Python name can capture), read through the class or an instance.
//! Each entry point answers `None` for anything that is not about a class,
//! so `expr.rs` and `stmt.rs` hook them with one line each.

use super::scope::FunCtx;
use super::{Checker, Sig};
use crate::diagnostics::Diagnostic;
use crate::model::exceptions::ExcClass;
use crate::model::ir::{
    self, ClassDef, ClassField, ClassMethod, DefKind, Expr, ExprKind, FuncId, MethodKind, Place,
    Stmt, TypeDef,
};
use crate::model::{CandidKind, CandidTy, DefId, Ty, TyKind};
use rustpython_parser::ast::{self, Ranged};
use rustpython_parser::text_size::TextRange;
use std::collections::{HashMap, HashSet};

/// What the checker knows about classes beyond their definitions.
#[derive(Default, Clone)]
pub(crate) struct Classes {
    /// The class and kind of every method, by function.
    pub(super) methods: HashMap<FuncId, MethodCtx>,
    /// The method whose body is being checked.
    pub(crate) ctx: Option<MethodCtx>,
    /// Function bodies checked ahead of the others (`__init__`, which
    /// decides the attributes' types) or generated (a dataclass's
    /// `__init__`).
    early: HashMap<FuncId, ir::Function>,
    /// Classes whose attributes are known (their `__init__` is checked).
    known: HashSet<DefId>,
    /// Declared attribute types (`x: int` in a class body), by class.
    declared: HashMap<DefId, Vec<(String, Ty)>>,
    /// Class bodies, by class, for the member phase.
    bodies: HashMap<DefId, (usize, TextRange)>,
    /// The `__init__` of a subclass that defines none: the inherited one
    /// (then the fields it sets are copied into the subclass's object).
    inherited_inits: HashMap<FuncId, FuncId>,
    /// The dispatching function of a method overridden in subclasses, by
    /// the class it is called through.
    dispatchers: HashMap<(DefId, String), FuncId>,
    /// A value a hook checked that is not an instance, by its AST node's
    /// address: the code that handles it takes it instead of checking the
    /// node again (so hooks cost no repeated work on chains like
    /// `s.strip().lower().split()`).
    probed: Option<(usize, Expr)>,
}

#[derive(Debug, Clone)]
pub(crate) struct MethodCtx {
    pub def: DefId,
    pub kind: MethodKind,
    /// The name of the first parameter (`self`, `cls`), if the method has
    /// one.
    pub first: Option<String>,
    /// `__init__`: the attributes it sets, in the order of their first
    /// assignment in the source.
    pub fields: Vec<String>,
    /// `__init__`: attributes set once, at the top level of the body, from
    /// a parameter that is never reassigned (`self.x = x`): the attribute
    /// is that parameter's local, with no copy.
    pub aliases: Vec<(String, String)>,
    /// `__init__`: the object, once a statement uses `self` as one (calls
    /// its methods, passes it on); `self.x` is then its attribute.
    pub built: Option<ir::LocalId>,
    /// `__init__`: building the object failed (reported once).
    pub unbuilt: bool,
}

const SPECIAL_METHODS: &[&str] = &[
    "__init__",
    "__eq__",
    "__ne__",
    "__lt__",
    "__le__",
    "__gt__",
    "__ge__",
    "__hash__",
    "__repr__",
    "__str__",
    "__len__",
    "__contains__",
    "__iter__",
    "__getitem__",
    "__bool__",
];

impl<'m> Checker<'m> {
    /// Checks `e` for a hook; a value that is not an instance is kept for
    /// the next check of `e` (`Classes::probed`).
    fn probe(&mut self, e: &ast::Expr) -> Result<Expr, Diagnostic> {
        let v = self.expr(e)?;
        if self.class_of(v.ty).is_none() {
            self.classes.probed = Some((e as *const ast::Expr as usize, v.clone()));
        }
        Ok(v)
    }

    /// The value of `e` if a hook just checked it (any other check first
    /// forgets it).
    pub(crate) fn probed(&mut self, e: &ast::Expr) -> Option<Expr> {
        let (at, v) = self.classes.probed.take()?;
        (at == e as *const ast::Expr as usize).then_some(v)
    }

    /// The class definition `t` is an instance of, if it is one.
    pub(crate) fn class_of(&self, t: Ty) -> Option<DefId> {
        match self.types.kind(t) {
            TyKind::Nominal(d) => match self.defs[d.0 as usize].kind {
                DefKind::Class(_) => Some(*d),
                _ => None,
            },
            _ => None,
        }
    }

    /// The class `d` (a class by construction; an empty one otherwise, so
    /// a checker bug cannot panic).
    fn class_def(&self, d: DefId) -> &ClassDef {
        ir::class_def(&self.defs, d).unwrap_or(&NO_CLASS)
    }

    /// Changes class `d` (nothing if it is not one).
    fn with_class(&mut self, d: DefId, f: impl FnOnce(&mut ClassDef)) {
        if let Some(DefKind::Class(c)) = self.defs.get_mut(d.0 as usize).map(|t| &mut t.kind) {
            f(c);
        }
    }

    pub(crate) fn class_name(&self, d: DefId) -> String {
        self.defs[d.0 as usize].name.clone()
    }

    /// The class a name refers to here (not shadowed by a variable).
    fn class_named(&self, e: &ast::Expr) -> Option<DefId> {
        let ast::Expr::Name(n) = e else { return None };
        let name = n.id.as_str();
        if let Some(ctx) = &self.classes.ctx {
            if ctx.kind == MethodKind::Class && ctx.first.as_deref() == Some(name) {
                return Some(ctx.def);
            }
        }
        let d = self.def_named(e)?;
        matches!(self.defs[d.0 as usize].kind, DefKind::Class(_)).then_some(d)
    }

    /// The definition the name `e` refers to, unless a local shadows it.
    fn def_named(&self, e: &ast::Expr) -> Option<DefId> {
        let ast::Expr::Name(n) = e else { return None };
        let name = n.id.as_str();
        let shadowed = self
            .fun
            .as_ref()
            .is_some_and(|f| f.assigned.contains(name) || f.global_decls.contains(name));
        if shadowed {
            return None;
        }
        self.def_ids.get(name).copied()
    }

    /// The Record class `e` names (not shadowed by a local).
    fn record_named(&self, e: &ast::Expr) -> Option<DefId> {
        let d = self.def_named(e)?;
        matches!(self.defs[d.0 as usize].kind, DefKind::Record(_)).then_some(d)
    }

    /// `P(x=1, name="a")` (a Record is a `TypedDict`: calling it builds the
    /// dict of its keyword arguments) and `P({"x": 1, ...})`.
    fn record_call(&mut self, def: DefId, c: &ast::ExprCall) -> Result<Expr, Diagnostic> {
        let ty = self.types.nominal(def);
        let name = self.defs[def.0 as usize].name.clone();
        match (c.args.as_slice(), c.keywords.as_slice()) {
            ([ast::Expr::Dict(d)], []) => self.expect(&ast::Expr::Dict(d.clone()), ty),
            ([], keywords) => {
                let mut keys = Vec::new();
                let mut values = Vec::new();
                for k in keywords {
                    let Some(arg) = &k.arg else {
                        return Err(self
                            .error(
                                k.range,
                                format!("`**` arguments to `{name}` are not supported yet"),
                            )
                            .with_help("name each field: `P(x=1, y=2)`"));
                    };
                    keys.push(Some(ast::Expr::Constant(ast::ExprConstant {
                        range: k.range,
                        value: ast::Constant::Str(arg.to_string()),
                        kind: None,
                    })));
                    values.push(k.value.clone());
                }
                let dict = ast::Expr::Dict(ast::ExprDict {
                    range: c.range,
                    keys,
                    values,
                });
                self.expect(&dict, ty)
            }
            _ => Err(self
                .error(c.range, format!("`{name}(...)` takes its fields by name"))
                .with_help(format!(
                    "a Record is a TypedDict: `{name}(field=value, ...)` or a dict literal"
                ))),
        }
    }

    fn is_dataclass_decorator(&self, e: &ast::Expr) -> bool {
        matches!(e, ast::Expr::Name(n)
            if self.kybra_names.get(n.id.as_str()).map(String::as_str) == Some(DATACLASS))
    }

    fn is_field_call(&self, e: &ast::Expr) -> bool {
        matches!(e, ast::Expr::Call(c) if matches!(&*c.func, ast::Expr::Name(n)
            if self.kybra_names.get(n.id.as_str()).map(String::as_str) == Some(FIELD)))
    }

    /// Registers the plain classes of the module body (so annotations may
    /// name them anywhere); their members are read by `class_members`.
    /// A class whose base is not registered yet (imported from another
    /// module) waits for a later round; a base defined below its subclass
    /// is a `NameError` in Python, so never one.
    pub(crate) fn register_classes(&mut self, m: usize, body: &[ast::Stmt]) -> usize {
        let mut added = 0;
        for stmt in body {
            let ast::Stmt::ClassDef(c) = stmt else {
                continue;
            };
            let registered = self.classes.bodies.values().any(|b| *b == (m, c.range));
            if self.type_decl(stmt).is_some() || registered {
                continue;
            }
            // A base that is not a class of this module (an exception,
            // anything else) is not a plain class: left to the caller.
            let mut exception = None;
            let base =
                match c.bases.as_slice() {
                    [] => None,
                    [ast::Expr::Name(n)] if n.id.as_str() == "object" => None,
                    [b @ ast::Expr::Name(_)] => match self.class_named(b) {
                        Some(d)
                            if self.classes.bodies.get(&d).is_none_or(|&(bm, at)| {
                                bm != m || at.start() < c.range.start()
                            }) =>
                        {
                            Some(d)
                        }
                        Some(_) => continue,
                        // A class deriving from a built-in exception (or a
                        // plain one of the program) with a body.
                        None => match self.exception_class(b) {
                            Some(e) => {
                                exception = Some(e);
                                None
                            }
                            None => continue,
                        },
                    },
                    _ => continue,
                };
            let name = c.name.to_string();
            if self.def_ids.contains_key(&name) {
                let d = self
                    .error(c.range, format!("type `{name}` is defined twice"))
                    .with_help("rename one of the definitions");
                self.report(d);
                continue;
            }
            let mut dataclass = false;
            for dec in &c.decorator_list {
                if self.is_dataclass_decorator(dec) {
                    dataclass = true;
                    continue;
                }
                let d = match dec {
                    ast::Expr::Call(call) if self.is_dataclass_decorator(&call.func) => self
                        .error(
                            dec.range(),
                            "`@dataclass(...)` options are not supported yet",
                        )
                        .with_help("use plain `@dataclass`"),
                    _ => self
                        .error(dec.range(), "unsupported class decorator")
                        .with_help("only `@dataclass` (from dataclasses) is supported on classes"),
                };
                self.report(d);
            }
            if let Some(k) = c.keywords.first() {
                let d = self
                    .error(k.range(), "class keywords are not supported")
                    .with_help("remove the keyword");
                self.report(d);
            }
            // Kybra runs the entry as a module named after its file.
            let module = self.project.modules[m].name.clone();
            let id = DefId(self.defs.len() as u32);
            self.def_ids.insert(name.clone(), id);
            self.types.set_def_name(id, &name);
            self.types.nominal(id);
            self.defs.push(TypeDef {
                name,
                span: self.span(c.range),
                kind: DefKind::Class(ClassDef {
                    module,
                    dataclass,
                    base,
                    exception,
                    // Until an `__init__` says more.
                    fields: exception_args(
                        exception.is_some()
                            || base.is_some_and(|b| ir::class_exception(&self.defs, b).is_some()),
                        &self.defs,
                        base,
                    ),
                    ..ClassDef::default()
                }),
            });
            self.classes.bodies.insert(id, (m, c.range));
            added += 1;
        }
        added
    }

    /// A class deriving from another class of the program: not supported
    /// yet (a diagnostic); `None` for other statements.
    pub(crate) fn subclass_error(&self, stmt: &ast::Stmt) -> Option<Diagnostic> {
        let ast::Stmt::ClassDef(c) = stmt else {
            return None;
        };
        let base = c.bases.iter().find_map(|b| self.class_named(b))?;
        Some(
            self.error(
                c.bases[0].range(),
                format!(
                    "inheritance from `{}` with several bases, or from a class defined below, is not supported",
                    self.class_name(base)
                ),
            )
            .with_help("copy the methods you need into the class, or hold the other object in an attribute"),
        )
    }

    /// The methods (signatures) and class attributes of a class of the
    /// current module; `None` if `stmt` is not one.
    pub(crate) fn class_members(
        &mut self,
        m: usize,
        stmt: &'m ast::Stmt,
        defs: &mut Vec<(usize, FuncId, &'m ast::StmtFunctionDef)>,
    ) -> Option<()> {
        let ast::Stmt::ClassDef(c) = stmt else {
            return None;
        };
        let def = *self.def_ids.get(c.name.as_str())?;
        if self.classes.bodies.get(&def) != Some(&(m, c.range)) {
            return None;
        }
        let dataclass = self.class_def(def).dataclass;
        let class = c.name.to_string();
        let mut declared: Vec<(String, Ty)> = Vec::new();
        // A dataclass's fields: name, type, default.
        let mut fields: Vec<(String, Ty, Option<ast::Expr>, TextRange)> = Vec::new();
        for s in &c.body {
            match s {
                ast::Stmt::Pass(_) => {}
                ast::Stmt::Expr(e) if super::is_str_constant(&e.value) => {}
                ast::Stmt::FunctionDef(f) => {
                    if let Err(d) = self.method_signature(def, &class, f, defs, m) {
                        self.report(d);
                    }
                }
                ast::Stmt::AnnAssign(a) => {
                    let ast::Expr::Name(n) = &*a.target else {
                        let d =
                            self.error(a.target.range(), "a class attribute must be a plain name");
                        self.report(d);
                        continue;
                    };
                    let ty = match self.resolve_type(&a.annotation) {
                        Ok(c) => self.types.value_ty(c),
                        Err(d) => {
                            self.report(d);
                            continue;
                        }
                    };
                    let name = n.id.to_string();
                    if dataclass {
                        let default = match a.value.as_deref() {
                            None => None,
                            Some(v) => match self.field_default(v) {
                                Ok(d) => Some(d),
                                Err(d) => {
                                    self.report(d);
                                    continue;
                                }
                            },
                        };
                        if default.is_none() && fields.iter().any(|f| f.2.is_some()) {
                            let d = self
                                .error(a.range, format!("non-default argument '{name}' follows default argument"))
                                .with_help("Python raises TypeError for this dataclass; give this field a default or move it up");
                            self.report(d);
                            continue;
                        }
                        fields.push((name, ty, default, a.range));
                    } else if let Some(v) = &a.value {
                        self.class_attribute(def, &class, &name, Some(ty), v, a.range);
                    } else {
                        declared.push((name, ty));
                    }
                }
                ast::Stmt::Assign(a) => match a.targets.as_slice() {
                    [ast::Expr::Name(n)] => {
                        self.class_attribute(def, &class, n.id.as_str(), None, &a.value, a.range)
                    }
                    _ => {
                        let d = self
                            .error(a.range, "unsupported assignment in a class body")
                            .with_help("assign one value to one plain name");
                        self.report(d);
                    }
                },
                other => {
                    let d = self
                        .error(other.range(), "unsupported statement in a class body")
                        .with_help(
                            "a class body may contain methods, attribute annotations and \
                             class attributes",
                        );
                    self.report(d);
                }
            }
        }
        let base = self.class_def(def).base;
        if let Some(b) = base {
            if dataclass || self.class_def(b).dataclass {
                let d = self
                    .error(
                        c.range,
                        "inheritance with `@dataclass` is not supported yet",
                    )
                    .with_help("write the `__init__` of one of the classes");
                self.report(d);
            } else if self.class_def(def).method("__init__").is_none() {
                self.inherit_init(def, b, c.range);
            }
        }
        if dataclass {
            declared.extend(fields.iter().map(|f| (f.0.clone(), f.1)));
            if self.class_def(def).method("__init__").is_none() {
                self.dataclass_init(def, &class, fields, c.range);
            }
        }
        self.classes.declared.insert(def, declared);
        Some(())
    }

    /// A dataclass field's default: a constant, `field(default=c)` or
    /// `field(default_factory=list)` / `dict` (a new object per call,
    /// which an empty literal evaluated at each call is).
    fn field_default(&self, v: &ast::Expr) -> Result<ast::Expr, Diagnostic> {
        if let (true, ast::Expr::Call(c)) = (self.is_field_call(v), v) {
            if let ([], [k]) = (c.args.as_slice(), c.keywords.as_slice()) {
                match (k.arg.as_deref(), &k.value) {
                    (Some("default"), d) if super::is_constant_expr(d) => return Ok(d.clone()),
                    (Some("default_factory"), ast::Expr::Name(n))
                        if matches!(n.id.as_str(), "list" | "dict") =>
                    {
                        let range = v.range();
                        return Ok(if n.id.as_str() == "list" {
                            ast::Expr::List(ast::ExprList {
                                range,
                                elts: Vec::new(),
                                ctx: ast::ExprContext::Load,
                            })
                        } else {
                            ast::Expr::Dict(ast::ExprDict {
                                range,
                                keys: Vec::new(),
                                values: Vec::new(),
                            })
                        });
                    }
                    _ => {}
                }
            }
            return Err(self
                .error(v.range(), "unsupported `field(...)`")
                .with_help("supported: `field(default=constant)`, `field(default_factory=list)`, `field(default_factory=dict)`"));
        }
        let mutable = matches!(v, ast::Expr::List(_) | ast::Expr::Dict(_));
        if mutable || !super::is_constant_expr(v) {
            return Err(self
                .error(
                    v.range(),
                    if mutable {
                        "a mutable default is not allowed for a dataclass field"
                    } else {
                        "only constant default values are supported for dataclass fields"
                    },
                )
                .with_help("use `field(default_factory=list)` for a new list per instance"));
        }
        Ok(v.clone())
    }

    /// A class attribute: a module-level variable named `Class.name`.
    fn class_attribute(
        &mut self,
        def: DefId,
        class: &str,
        name: &str,
        ty: Option<Ty>,
        value: &ast::Expr,
        range: TextRange,
    ) {
        let global = format!("{class}.{name}");
        let before = self.globals.len();
        self.add_global(&global, ty, value, range);
        if self.globals.len() > before {
            let id = ir::GlobalId(before as u32);
            self.with_class(def, |c| c.attrs.push((name.to_string(), id)));
        }
    }

    /// The signature of method `f` of class `def`; registers it.
    fn method_signature(
        &mut self,
        def: DefId,
        class: &str,
        f: &'m ast::StmtFunctionDef,
        defs: &mut Vec<(usize, FuncId, &'m ast::StmtFunctionDef)>,
        m: usize,
    ) -> Result<(), Diagnostic> {
        let name = f.name.to_string();
        let mut kind = if name == "__init__" {
            MethodKind::Init
        } else {
            MethodKind::Instance
        };
        for dec in &f.decorator_list {
            let k = match dec {
                ast::Expr::Name(n) if n.id.as_str() == "staticmethod" => MethodKind::Static,
                ast::Expr::Name(n) if n.id.as_str() == "classmethod" => MethodKind::Class,
                ast::Expr::Name(n) if n.id.as_str() == "property" => MethodKind::Property,
                ast::Expr::Attribute(a) if a.attr.as_str() == "setter" => {
                    return Err(self
                        .error(dec.range(), "property setters are not supported yet")
                        .with_help("write a method `set_...(self, value)` instead"))
                }
                _ => {
                    return Err(self
                        .error(dec.range(), "unsupported method decorator")
                        .with_help("supported: @staticmethod, @classmethod, @property"))
                }
            };
            if kind != MethodKind::Instance || f.decorator_list.len() > 1 {
                return Err(self
                    .error(dec.range(), "a method can have only one decorator here")
                    .with_help("remove the other decorators"));
            }
            kind = k;
        }
        if name.starts_with("__")
            && name.ends_with("__")
            && !SPECIAL_METHODS.contains(&name.as_str())
        {
            return Err(self
                .error(
                    f.range,
                    format!("the special method `{name}` is not supported yet"),
                )
                .with_help(format!("supported: {}", SPECIAL_METHODS.join(", "))));
        }
        if self.class_def(def).method(&name).is_some() {
            return Err(self
                .error(f.range, format!("method `{name}` is defined twice"))
                .with_help("rename one of the definitions"));
        }
        // The signature without the first parameter, as a function's.
        let mut plain = f.clone();
        plain.decorator_list.clear();
        plain.body.clear();
        let first = if kind == MethodKind::Static {
            None
        } else {
            if plain.args.args.is_empty() || !plain.args.posonlyargs.is_empty() {
                return Err(self
                    .error(f.range, format!("method `{name}` needs a `self` parameter"))
                    .with_help(if kind == MethodKind::Class {
                        "a class method's first parameter is the class: `def m(cls, ...)`"
                    } else {
                        "a method's first parameter is the instance: `def m(self, ...)`"
                    }));
            }
            let first = plain.args.args.remove(0);
            if first.default.is_some() {
                return Err(self.error(
                    first.def.range,
                    "the first parameter of a method has no default",
                ));
            }
            Some(first.def.arg.to_string())
        };
        if kind == MethodKind::Init && plain.returns.is_none() {
            plain.returns = Some(Box::new(ast::Expr::Constant(ast::ExprConstant {
                range: f.range,
                value: ast::Constant::None,
                kind: None,
            })));
        }
        let mut sig = self.signature(&plain)?;
        let class_ty = self.types.nominal(def);
        sig.name = format!("{class}.{name}");
        match kind {
            MethodKind::Init => {
                if sig.ret != Ty::NONE {
                    return Err(self
                        .error(
                            f.returns.as_deref().map_or(f.range, |r| r.range()),
                            "`__init__` must return None",
                        )
                        .with_help("remove the return annotation, or write `-> None`"));
                }
                sig.ret = class_ty;
            }
            MethodKind::Instance | MethodKind::Property => {
                let first = first.clone().unwrap_or_default();
                sig.params.insert(0, (first, class_ty));
                sig.defaults.insert(0, None);
                self.shift_slots(sig.span, sig.params.len() - 1);
            }
            MethodKind::Static | MethodKind::Class => {}
        }
        self.special_slots(&name, &mut sig, class_ty);
        if let Some(d) = self.special_signature(&name, &sig, class_ty, f) {
            return Err(d);
        }
        if let Some(d) = self.override_signature(def, &name, kind, &sig, f) {
            return Err(d);
        }
        if kind == MethodKind::Property && sig.params.len() != 1 {
            return Err(self
                .error(f.range, "a property takes only `self`")
                .with_help("remove the other parameters"));
        }
        let (fields, aliases) = if kind == MethodKind::Init {
            let first = first.as_deref().unwrap_or("self");
            let mut fields = Vec::new();
            init_fields(&f.body, first, &mut fields);
            let params: Vec<&str> = sig.params.iter().map(|p| p.0.as_str()).collect();
            (fields, init_aliases(&f.body, first, &params))
        } else {
            Default::default()
        };
        let id = FuncId(self.sigs.len() as u32);
        self.sigs.push(sig);
        self.classes.methods.insert(
            id,
            MethodCtx {
                def,
                kind,
                first,
                fields,
                aliases,
                built: None,
                unbuilt: false,
            },
        );
        self.with_class(def, |c| {
            c.methods.push(ClassMethod {
                name,
                func: id,
                kind,
            })
        });
        defs.push((m, id, f));
        Ok(())
    }

    /// A special method's parameters and result must be what Python
    /// calls it with and expects back (the trait impls of the class rely
    /// on `__eq__`, `__lt__`, `__str__` and `__repr__`).
    /// An unannotated special method has Python's types: `__str__`
    /// returns a `str`, `__eq__` compares with an instance of the class.
    fn special_slots(&mut self, name: &str, sig: &mut Sig, class_ty: Ty) {
        let ret = match name {
            "__eq__" | "__ne__" | "__lt__" | "__le__" | "__gt__" | "__ge__" | "__contains__"
            | "__bool__" => Ty::BOOL,
            "__len__" | "__hash__" => Ty::INT,
            "__str__" | "__repr__" => Ty::STR,
            _ => return,
        };
        if self.unslot(sig.span, usize::MAX) {
            sig.ret = ret;
        }
        let same_class = matches!(
            name,
            "__eq__" | "__ne__" | "__lt__" | "__le__" | "__gt__" | "__ge__"
        );
        if same_class && sig.params.len() == 2 && self.unslot(sig.span, 1) {
            sig.params[1].1 = class_ty;
        }
    }

    fn special_signature(
        &self,
        name: &str,
        sig: &Sig,
        class_ty: Ty,
        f: &ast::StmtFunctionDef,
    ) -> Option<Diagnostic> {
        let (arity, ret) = match name {
            "__eq__" | "__ne__" | "__lt__" | "__le__" | "__gt__" | "__ge__" | "__contains__" => {
                (2, Ty::BOOL)
            }
            "__bool__" => (1, Ty::BOOL),
            "__len__" | "__hash__" => (1, Ty::INT),
            "__str__" | "__repr__" => (1, Ty::STR),
            "__getitem__" => (2, sig.ret),
            _ => return None,
        };
        let shown = |t: Ty| self.types.display(t);
        if sig.params.len() != arity {
            let params = if arity == 1 {
                "(self)"
            } else {
                "(self, other)"
            };
            return Some(
                self.error(f.range, format!("`{name}` takes {params}"))
                    .with_help(format!("declare it as `def {name}{params}`")),
            );
        }
        if sig.ret != ret {
            return Some(
                self.error(
                    f.returns.as_deref().map_or(f.range, |r| r.range()),
                    format!(
                        "`{name}` must return `{}`, not `{}`",
                        shown(ret),
                        shown(sig.ret)
                    ),
                )
                .with_help(format!("annotate it `-> {}`", shown(ret))),
            );
        }
        let same_class = matches!(
            name,
            "__eq__" | "__ne__" | "__lt__" | "__le__" | "__gt__" | "__ge__"
        );
        // The other operand: this class or a base (an override of a
        // base's method keeps its signature).
        let other = sig.params.get(1).and_then(|p| self.class_of(p.1));
        let other_ok = match (other, self.class_of(class_ty)) {
            (Some(other), Some(this)) => ir::is_subclass(&self.defs, this, other),
            _ => false,
        };
        if same_class && !other_ok {
            return Some(
                self.error(
                    f.args.args.get(1).map_or(f.range, |a| a.def.range),
                    format!(
                        "the other operand of `{name}` must be annotated with the class, `\"{}\"`",
                        shown(class_ty)
                    ),
                )
                .with_help("comparisons between different types are not supported yet"),
            );
        }
        None
    }

    /// An override must take and return what the overridden method does:
    /// a call through the base class may reach either.
    fn override_signature(
        &self,
        def: DefId,
        name: &str,
        kind: MethodKind,
        sig: &Sig,
        f: &ast::StmtFunctionDef,
    ) -> Option<Diagnostic> {
        let base = self.class_def(def).base?;
        let over = ir::resolve_method(&self.defs, base, name)?;
        if kind == MethodKind::Init || over.kind == MethodKind::Init {
            return None;
        }
        let theirs = &self.sigs[over.func.0 as usize];
        let skip =
            |k: MethodKind| usize::from(matches!(k, MethodKind::Instance | MethodKind::Property));
        let mine: Vec<Ty> = sig.params.iter().skip(skip(kind)).map(|p| p.1).collect();
        let other: Vec<Ty> = theirs
            .params
            .iter()
            .skip(skip(over.kind))
            .map(|p| p.1)
            .collect();
        if over.kind == kind && mine == other && sig.ret == theirs.ret {
            return None;
        }
        Some(
            self.error(f.range, format!("`{}.{name}` overrides `{}` with a different signature", self.class_name(def), theirs.name))
                .with_help("an override takes the same parameter types and returns the same type (and is the same kind of method) as the method it overrides"),
        )
    }

    /// The generated `__init__` of a dataclass: one parameter per field.
    fn dataclass_init(
        &mut self,
        def: DefId,
        class: &str,
        fields: Vec<(String, Ty, Option<ast::Expr>, TextRange)>,
        range: TextRange,
    ) {
        let class_ty = self.types.nominal(def);
        let span = self.span(range);
        let sig = Sig {
            name: format!("{class}.__init__"),
            span,
            params: fields.iter().map(|f| (f.0.clone(), f.1)).collect(),
            defaults: fields.iter().map(|f| f.2.clone()).collect(),
            ret: class_ty,
            export: None,
            skipped: 0,
            kwonly: 0,
            varargs: false,
            varkw: false,
        };
        let ctx = FunCtx::new(&[], &sig);
        let values: Vec<Expr> = ctx
            .params
            .iter()
            .map(|p| Expr::new(ctx.local_ty(*p), ExprKind::Local(*p), span))
            .collect();
        let order = (0..values.len()).collect();
        let body = vec![Stmt::Return(Some(Expr::new(
            class_ty,
            ExprKind::Record {
                def,
                fields: values,
                order,
            },
            span,
        )))];
        let id = FuncId(self.sigs.len() as u32);
        self.sigs.push(sig);
        let class_fields = fields
            .iter()
            .map(|f| ClassField {
                name: f.0.clone(),
                ty: f.1,
            })
            .collect();
        self.with_class(def, |c| {
            c.fields = class_fields;
            c.methods.push(ClassMethod {
                name: "__init__".into(),
                func: id,
                kind: MethodKind::Init,
            });
        });
        self.classes.known.insert(def);
        self.classes.early.insert(
            id,
            ir::Function {
                name: format!("{class}_new"),
                span,
                params: ctx.params.clone(),
                ret: class_ty,
                locals: ctx.locals,
                body,
                raises: false,
                falls_through: true,
                generator: false,
            },
        );
    }

    /// Classes of the program that Records or Variants hold: not Candid
    /// types, so a diagnostic.
    pub(crate) fn classes_in_candid_types(&mut self) {
        let mut diags = Vec::new();
        for d in &self.defs {
            let (DefKind::Record(fields) | DefKind::Variant(fields)) = &d.kind else {
                continue;
            };
            for f in fields {
                if let Some(c) = self.class_inside(f.ty, &mut Vec::new()) {
                    diags.push(
                        Diagnostic::new(
                            d.span,
                            format!(
                                "`{}[\"{}\"]` holds a `{}`, a plain class, which is not a Candid type",
                                d.name, f.name, self.defs[c.0 as usize].name
                            ),
                        )
                        .with_help("a Record or Variant holds Candid types; keep instances in a global list or dict instead"),
                    );
                }
            }
        }
        for d in diags {
            self.report(d);
        }
    }

    /// A plain class inside the Candid type `c` (through aliases, Records
    /// and Variants).
    pub(crate) fn class_inside(&self, c: CandidTy, seen: &mut Vec<DefId>) -> Option<DefId> {
        match self.types.candid_kind(c) {
            CandidKind::Opt(x) | CandidKind::Vec(x) | CandidKind::Set(x, _) => {
                self.class_inside(*x, seen)
            }
            CandidKind::Dict(k, v) => self
                .class_inside(*k, seen)
                .or_else(|| self.class_inside(*v, seen)),
            CandidKind::Tuple(items) => items.iter().find_map(|x| self.class_inside(*x, seen)),
            CandidKind::Named(d) if !seen.contains(d) => {
                seen.push(*d);
                match &self.defs[d.0 as usize].kind {
                    DefKind::Class(_) => Some(*d),
                    DefKind::Alias(t) => self.class_inside(*t, seen),
                    DefKind::Record(fs) | DefKind::Variant(fs) => {
                        fs.iter().find_map(|f| self.class_inside(f.ty, seen))
                    }
                    DefKind::Service(_) | DefKind::Exception(_) => None,
                }
            }
            _ => None,
        }
    }

    /// A canister method's parameter or result that holds a plain class.
    pub(crate) fn class_at_boundary(&self, c: CandidTy, ann: &ast::Expr) -> Option<Diagnostic> {
        let class = self.class_inside(c, &mut Vec::new())?;
        Some(
            self.error(
                ann.range(),
                format!(
                    "`{}` is a plain class, not a Candid type",
                    self.defs[class.0 as usize].name
                ),
            )
            .with_help("a canister method takes and returns Candid types: convert the object to a Record (`class R(Record)`) at the boundary"),
        )
    }

    /// Checks every `__init__` body first: they decide the attributes (and
    /// their types) every other method reads.
    pub(crate) fn check_inits(&mut self, defs: &[(usize, FuncId, &'m ast::StmtFunctionDef)]) {
        self.make_dispatchers();
        let bodies: HashMap<FuncId, (usize, &ast::StmtFunctionDef)> =
            defs.iter().map(|(m, id, f)| (*id, (*m, *f))).collect();
        // In definition order, so a base's attributes are known before its
        // subclasses' `__init__`s are checked.
        for d in 0..self.defs.len() as u32 {
            let def = DefId(d);
            let Some(init) = ir::class_def(&self.defs, def)
                .and_then(|c| c.method("__init__"))
                .map(|m| m.func)
            else {
                self.classes.known.insert(def);
                continue;
            };
            if let Some(inherited) = self.classes.inherited_inits.get(&init).copied() {
                self.inherited_init_body(def, init, inherited);
                continue;
            }
            let (Some((m, f)), Some(ctx)) = (
                bodies.get(&init).copied(),
                self.classes.methods.get(&init).cloned(),
            ) else {
                continue;
            };
            if self.cur != Some(m) {
                self.enter(m);
            }
            // Attributes typed while their empty containers were still
            // being inferred (`self.items = []`) take the solved types now.
            let pending = self
                .class_def(def)
                .fields
                .iter()
                .any(|f| super::infer::contains_pending(&self.types, f.ty));
            if pending {
                self.classes.known.remove(&def);
            }
            let sig = self.sigs[init.0 as usize].clone();
            self.imported_global_stores(&f.body);
            let saved = self.with_local_imports(m, &f.body);
            let fun = self.method_body(f, &sig, ctx);
            if let Some(ns) = saved {
                self.put_names(ns);
            }
            self.classes.early.insert(init, fun);
        }
    }

    /// Method `name` as class `def` resolves it (its own or inherited);
    /// for a method that subclasses override, the function that
    /// dispatches on the object's class.
    pub(crate) fn target(&self, def: DefId, name: &str) -> Option<ClassMethod> {
        let mut m = ir::resolve_method(&self.defs, def, name)?.clone();
        if let Some(f) = self.classes.dispatchers.get(&(def, name.to_string())) {
            m.func = *f;
        }
        Some(m)
    }

    /// Class attribute `name` of `def` or of its bases.
    fn class_attr(&self, def: DefId, name: &str) -> Option<ir::GlobalId> {
        ir::class_mro(&self.defs, def)
            .into_iter()
            .find_map(|k| ir::class_def(&self.defs, k)?.attr(name))
    }

    /// A subclass without `__init__` takes its base's: same parameters,
    /// and the base's attributes.
    fn inherit_init(&mut self, def: DefId, base: DefId, range: TextRange) {
        let Some(m) = ir::resolve_method(&self.defs, base, "__init__").cloned() else {
            return;
        };
        let mut sig = self.sigs[m.func.0 as usize].clone();
        sig.ret = self.types.nominal(def);
        sig.name = format!("{}.__init__", self.class_name(def));
        sig.span = self.span(range);
        let id = FuncId(self.sigs.len() as u32);
        self.sigs.push(sig);
        self.classes.inherited_inits.insert(id, m.func);
        self.with_class(def, |c| {
            c.methods.push(ClassMethod {
                name: "__init__".into(),
                func: id,
                kind: MethodKind::Init,
            })
        });
    }

    /// The body of an inherited `__init__`: the base's builds an object,
    /// whose attributes become the subclass object's.
    fn inherited_init_body(&mut self, def: DefId, id: FuncId, base_init: FuncId) {
        let sig = self.sigs[id.0 as usize].clone();
        let base_ty = self.sigs[base_init.0 as usize].ret;
        let span = sig.span;
        let mut ctx = FunCtx::new(&[], &sig);
        let args: Vec<Expr> = ctx
            .params
            .iter()
            .map(|p| Expr::new(ctx.local_ty(*p), ExprKind::Local(*p), span))
            .collect();
        let base_local = ctx.fresh("base", base_ty, span);
        let base_read = Expr::new(base_ty, ExprKind::Local(base_local), span);
        let fields = self
            .class_of(base_ty)
            .map(|b| self.class_def(b).fields.clone())
            .unwrap_or_default();
        let values: Vec<Expr> = fields
            .iter()
            .enumerate()
            .map(|(i, f)| Expr::new(f.ty, ExprKind::Field(Box::new(base_read.clone()), i), span))
            .collect();
        let ty = self.types.nominal(def);
        let body = vec![
            Stmt::Assign {
                place: Place::Local(base_local),
                value: Expr::new(base_ty, ExprKind::Call(base_init, args), span),
            },
            Stmt::Return(Some(Expr::new(
                ty,
                ExprKind::Record {
                    def,
                    order: (0..values.len()).collect(),
                    fields: values,
                },
                span,
            ))),
        ];
        self.with_class(def, |c| c.fields = fields);
        self.classes.known.insert(def);
        self.classes.early.insert(
            id,
            ir::Function {
                name: format!("{}_new", self.class_name(def)),
                span,
                params: ctx.params.clone(),
                ret: ty,
                locals: ctx.locals,
                body,
                raises: false,
                falls_through: true,
                generator: false,
            },
        );
    }

    /// The dispatching functions of overridden methods: for each class and
    /// each method it resolves that some subclass overrides, a function
    /// that calls the override the object's class resolves.
    fn make_dispatchers(&mut self) {
        for d in 0..self.defs.len() as u32 {
            let def = DefId(d);
            if ir::class_def(&self.defs, def).is_none() {
                continue;
            }
            let subtree = ir::class_subtree(&self.defs, def);
            let mut names: Vec<String> = Vec::new();
            for k in ir::class_mro(&self.defs, def) {
                for m in &self.class_def(k).methods {
                    if !names.contains(&m.name)
                        && matches!(m.kind, MethodKind::Instance | MethodKind::Property)
                    {
                        names.push(m.name.clone());
                    }
                }
            }
            for name in names {
                let Some(own) = ir::resolve_method(&self.defs, def, &name).cloned() else {
                    continue;
                };
                // The classes that resolve each override.
                let mut groups: Vec<(FuncId, Vec<DefId>)> = Vec::new();
                for k in &subtree {
                    let Some(m) = ir::resolve_method(&self.defs, *k, &name) else {
                        continue;
                    };
                    if m.func == own.func {
                        continue;
                    }
                    match groups.iter_mut().find(|g| g.0 == m.func) {
                        Some(g) => g.1.push(*k),
                        None => groups.push((m.func, vec![*k])),
                    }
                }
                // Made once (`check_inits` runs again in every round).
                if groups.is_empty() || self.classes.dispatchers.contains_key(&(def, name.clone()))
                {
                    continue;
                }
                let id = self.dispatcher(def, &name, own.func, groups);
                self.classes.dispatchers.insert((def, name), id);
            }
        }
    }

    fn dispatcher(
        &mut self,
        def: DefId,
        name: &str,
        own: FuncId,
        groups: Vec<(FuncId, Vec<DefId>)>,
    ) -> FuncId {
        let mut sig = self.sigs[own.0 as usize].clone();
        let class_ty = self.types.nominal(def);
        if let Some(p) = sig.params.first_mut() {
            p.1 = class_ty;
        }
        sig.name = format!("{}.{name}", self.class_name(def));
        let span = sig.span;
        let ctx = FunCtx::new(&[], &sig);
        let call = |this: &Self, f: FuncId| {
            let want = this.sigs[f.0 as usize]
                .params
                .first()
                .map_or(class_ty, |p| p.1);
            let args = ctx
                .params
                .iter()
                .enumerate()
                .map(|(i, p)| {
                    // The object has the class the test found.
                    let ty = if i == 0 { want } else { ctx.local_ty(*p) };
                    Expr::new(ty, ExprKind::Local(*p), span)
                })
                .collect();
            let call = Expr::new(sig.ret, ExprKind::Call(f, args), span);
            if sig.ret == Ty::NONE {
                vec![Stmt::Expr(call), Stmt::Return(None)]
            } else {
                vec![Stmt::Return(Some(call))]
            }
        };
        let this = ctx
            .params
            .first()
            .map(|p| Expr::new(class_ty, ExprKind::Local(*p), span));
        let mut body = Vec::new();
        for (f, classes) in groups {
            let Some(this) = this.clone() else { break };
            body.push(Stmt::If {
                cond: Expr::new(
                    Ty::BOOL,
                    ExprKind::IsInstance(Box::new(this), classes),
                    span,
                ),
                then: call(self, f),
                orelse: Vec::new(),
            });
        }
        body.extend(call(self, own));
        let id = FuncId(self.sigs.len() as u32);
        let rust = format!("{}_{}_dyn", self.class_name(def), name.trim_matches('_'));
        self.classes.early.insert(
            id,
            ir::Function {
                name: rust,
                span,
                params: ctx.params.clone(),
                ret: sig.ret,
                locals: ctx.locals,
                body,
                raises: false,
                falls_through: true,
                generator: false,
            },
        );
        self.sigs.push(sig);
        id
    }

    /// `super().__init__(...)` as a statement of a subclass's `__init__`:
    /// the base's `__init__` builds an object whose attributes become this
    /// one's.
    pub(crate) fn super_init(&mut self, e: &ast::Expr) -> Option<Result<Vec<Stmt>, Diagnostic>> {
        let ast::Expr::Call(c) = e else { return None };
        let ast::Expr::Attribute(a) = &*c.func else {
            return None;
        };
        if a.attr.as_str() != "__init__" || !is_super_call(&a.value) {
            return None;
        }
        let ctx = self.classes.ctx.clone()?;
        if ctx.kind != MethodKind::Init || ctx.built.is_some() {
            return Some(Err(self
                .error(
                    c.range,
                    "`super().__init__(...)` outside `__init__`, or after `self` is used as an object, is not supported",
                )
                .with_help("call it at the start of the subclass's `__init__`")));
        }
        let base_init = self
            .class_def(ctx.def)
            .base
            .and_then(|b| ir::resolve_method(&self.defs, b, "__init__"));
        if base_init.is_none() && ir::class_exception(&self.defs, ctx.def).is_some() {
            // `BaseException.__init__(*args)` sets `args`.
            if let Some(k) = c.keywords.first() {
                return Some(Err(self
                    .error(k.range(), "an exception takes no keyword arguments")
                    .with_help("pass the arguments by position")));
            }
            let mut values = Vec::new();
            for a in &c.args {
                match self.expr(a) {
                    Ok(v) => values.push((v, a.range())),
                    Err(d) => return Some(Err(d)),
                }
            }
            let first = ctx.first.clone().unwrap_or_default();
            return Some(self.set_exc_args(ctx.def, &first, values, c.range));
        }
        let Some(base) = self.class_def(ctx.def).base else {
            return Some(Err(self
                .error(
                    c.range,
                    format!("`{}` has no base class", self.class_name(ctx.def)),
                )
                .with_help("remove the call")));
        };
        Some(self.super_init_stmts(c, base, &ctx))
    }

    /// `self.args = args(values)` in an exception class's `__init__`.
    fn set_exc_args(
        &mut self,
        def: DefId,
        first: &str,
        values: Vec<(Expr, TextRange)>,
        range: TextRange,
    ) -> Result<Vec<Stmt>, Diagnostic> {
        let span = self.span(range);
        let key = ExcClass::builtin("KeyError")
            .is_some_and(|k| ExcClass::User(def).is_subclass_of(k, &self.defs));
        let mut out = Vec::new();
        let value = self.exc_args(values, key, &mut out, span)?;
        let name = format!("{first}.args");
        self.ctx().assigned.insert(name.clone());
        let id = self.bind_local(&name, Ty::EXC_ARGS, range)?;
        self.ctx().touched.insert(name);
        out.push(Stmt::Assign {
            place: Place::Local(id),
            value,
        });
        Ok(out)
    }

    fn super_init_stmts(
        &mut self,
        c: &ast::ExprCall,
        base: DefId,
        ctx: &MethodCtx,
    ) -> Result<Vec<Stmt>, Diagnostic> {
        let span = self.span(c.range);
        let base_ty = self.types.nominal(base);
        let Some(init) = self.target(base, "__init__") else {
            if !c.args.is_empty() || !c.keywords.is_empty() {
                return Err(self.error(
                    c.range,
                    format!("`{}.__init__` takes no arguments", self.class_name(base)),
                ));
            }
            return Ok(Vec::new());
        };
        let sig = self.sig(init.func).clone();
        let shown = format!("{}.__init__", self.class_name(base));
        let args = self.call_args(&shown, &sig, c)?;
        let first = ctx.first.clone().unwrap_or_default();
        let hidden = self.ctx().fresh("base", base_ty, span);
        let mut out = vec![Stmt::Assign {
            place: Place::Local(hidden),
            value: Expr::new(base_ty, ExprKind::Call(init.func, args), span),
        }];
        let fields = self.class_def(base).fields.clone();
        for (i, f) in fields.iter().enumerate() {
            let name = format!("{first}.{}", f.name);
            let read = Expr::new(base_ty, ExprKind::Local(hidden), span);
            let value = Expr::new(f.ty, ExprKind::Field(Box::new(read), i), span);
            self.ctx().assigned.insert(name.clone());
            let id = self.bind_local(&name, f.ty, c.range)?;
            self.ctx().touched.insert(name);
            out.push(Stmt::Assign {
                place: Place::Local(id),
                value,
            });
        }
        Ok(out)
    }

    /// `super().m(...)` in a method: the base's `m`, called on this object
    /// without dispatch.
    fn super_method_call(
        &mut self,
        c: &ast::ExprCall,
        a: &ast::ExprAttribute,
    ) -> Option<Result<Expr, Diagnostic>> {
        if !is_super_call(&a.value) {
            return None;
        }
        let ctx = self.classes.ctx.clone()?;
        let span = self.span(c.range);
        let attr = a.attr.as_str();
        let base = self.class_def(ctx.def).base;
        let found = base.and_then(|b| ir::resolve_method(&self.defs, b, attr).cloned());
        let (Some(m), Some(first)) = (found, ctx.first.clone()) else {
            return Some(Err(self
                .error(a.range, format!("'super' object has no attribute '{attr}'"))
                .with_help("call a method the base class defines")));
        };
        if !matches!(ctx.kind, MethodKind::Instance | MethodKind::Property)
            || !matches!(m.kind, MethodKind::Instance)
        {
            return Some(Err(self
                .error(c.range, "this use of `super()` is not supported yet")
                .with_help(
                    "call an instance method of the base from an instance method",
                )));
        }
        let sig = self.sig(m.func).clone();
        let this = match self.name(&first, a.value.range()) {
            Ok(e) => e,
            Err(d) => return Some(Err(d)),
        };
        let this = Expr::new(sig.params[0].1, this.kind, this.span);
        let rest = sig.without_first();
        let shown = format!("super().{attr}");
        Some(self.call_args(&shown, &rest, c).map(|rest| {
            let mut args = vec![this];
            args.extend(rest);
            Expr::new(sig.ret, ExprKind::Call(m.func, args), span)
        }))
    }

    /// An instance of a subclass where its base class is expected: the
    /// same object (one Rust type per hierarchy).
    pub(crate) fn class_upcast(&self, e: Expr, to: Ty) -> Result<Expr, Expr> {
        match (self.class_of(e.ty), self.class_of(to)) {
            (Some(from), Some(want)) if ir::is_subclass(&self.defs, from, want) => {
                Ok(Expr { ty: to, ..e })
            }
            _ => Err(e),
        }
    }

    /// `type(obj)` of an instance, as `str()` prints it:
    /// `<class 'main.Point'>` (the object's class in a hierarchy).
    fn type_of_object(&mut self, c: &ast::ExprCall) -> Result<Option<Expr>, Diagnostic> {
        let ([value], []) = (c.args.as_slice(), c.keywords.as_slice()) else {
            return Ok(None);
        };
        let shadowed = self
            .fun
            .as_ref()
            .is_some_and(|f| f.assigned.contains("type"))
            || self.function_id("type").is_some()
            || self.global("type").is_some();
        if shadowed || !self.may_be_object(value) {
            return Ok(None);
        }
        let v = self.probe(value)?;
        let Some(def) = self.class_of(v.ty) else {
            return Ok(None);
        };
        let span = self.span(c.range);
        let text = |this: &Self, d: DefId| {
            let module = &this.class_def(d).module;
            Expr::new(
                Ty::STR,
                ExprKind::Str(format!("<class '{module}.{}'>", this.class_name(d))),
                span,
            )
        };
        let effects = crate::model::effects::has_effects(&v);
        let classes = match self.exact_class(&v) {
            Some(d) => vec![d],
            None => ir::class_subtree(&self.defs, def),
        };
        if effects {
            return Err(self
                .error(
                    value.range(),
                    "`type()` of a computed object is not supported yet",
                )
                .with_help("assign the object to a variable first"));
        }
        let mut out: Option<Expr> = None;
        for d in classes.into_iter().rev() {
            out = Some(match out {
                None => text(self, d),
                Some(rest) => Expr::new(
                    Ty::STR,
                    ExprKind::IfExp {
                        cond: Box::new(Expr::new(
                            Ty::BOOL,
                            ExprKind::IsInstance(Box::new(v.clone()), vec![d]),
                            span,
                        )),
                        then: Box::new(text(self, d)),
                        orelse: Box::new(rest),
                    },
                    span,
                ),
            });
        }
        Ok(out)
    }

    /// Instances as dict keys or set items (hashed by identity or by
    /// `__hash__` in Python): not supported yet, a diagnostic where such a
    /// container first appears in a function.
    pub(crate) fn class_keys(&mut self, functions: &[ir::Function]) {
        let mut seen = HashSet::new();
        let mut diags = Vec::new();
        for f in functions {
            let mut found: Option<(Ty, crate::source::Span)> = None;
            crate::model::visit::each_expr(&f.body, &mut |e| {
                if found.is_none() && self.class_key(e.ty, &mut Vec::new()) {
                    found = Some((e.ty, e.span));
                }
            });
            for l in &f.locals {
                if found.is_none() && self.class_key(l.ty, &mut Vec::new()) {
                    found = Some((l.ty, l.span));
                }
            }
            if let Some((t, span)) = found {
                if seen.insert(t) {
                    diags.push(
                        Diagnostic::new(
                            span,
                            format!(
                                "a `{}` holds objects as keys, which is not supported yet",
                                self.types.display(t)
                            ),
                        )
                        .with_help("key the dict by an attribute of the objects (a name or an id)"),
                    );
                }
            }
        }
        for g in &self.globals {
            if seen.insert(g.ty) && self.class_key(g.ty, &mut Vec::new()) {
                diags.push(
                    Diagnostic::new(
                        g.span,
                        format!(
                            "a `{}` holds objects as keys, which is not supported yet",
                            self.types.display(g.ty)
                        ),
                    )
                    .with_help("key the dict by an attribute of the objects (a name or an id)"),
                );
            }
        }
        for d in diags {
            self.report(d);
        }
    }

    /// Whether `t` has a dict or set keyed by class instances inside.
    fn class_key(&self, t: Ty, seen: &mut Vec<Ty>) -> bool {
        if seen.contains(&t) {
            return false;
        }
        seen.push(t);
        match self.types.kind(t).clone() {
            TyKind::Dict(k, v) => self.has_class(k, &mut Vec::new()) || self.class_key(v, seen),
            TyKind::Set(k) | TyKind::FrozenSet(k) => self.has_class(k, &mut Vec::new()),
            TyKind::Opt(x) | TyKind::List(x) => self.class_key(x, seen),
            TyKind::Tuple(items) => items.iter().any(|x| self.class_key(*x, seen)),
            TyKind::Nominal(d) => match ir::class_def(&self.defs, d) {
                Some(c) => c.fields.iter().any(|f| self.class_key(f.ty, seen)),
                None => false,
            },
            _ => false,
        }
    }

    fn has_class(&self, t: Ty, seen: &mut Vec<Ty>) -> bool {
        if seen.contains(&t) {
            return false;
        }
        seen.push(t);
        match self.types.kind(t).clone() {
            TyKind::Nominal(_) => self.class_of(t).is_some(),
            TyKind::Opt(x) | TyKind::List(x) | TyKind::Set(x) | TyKind::FrozenSet(x) => {
                self.has_class(x, seen)
            }
            TyKind::Dict(k, v) => self.has_class(k, seen) || self.has_class(v, seen),
            TyKind::Tuple(items) => items.iter().any(|x| self.has_class(*x, seen)),
            _ => false,
        }
    }

    /// `isinstance(obj, C)` of an instance.
    fn class_isinstance(&mut self, c: &ast::ExprCall) -> Result<Option<Expr>, Diagnostic> {
        let ([value, class], []) = (c.args.as_slice(), c.keywords.as_slice()) else {
            return Ok(None);
        };
        let Some(want) = self.class_named(class) else {
            return Ok(None);
        };
        if !self.may_be_object(value) {
            return Ok(None);
        }
        let v = self.probe(value)?;
        let Some(have) = self.class_of(v.ty) else {
            return Ok(None);
        };
        let span = self.span(c.range);
        let known = if ir::is_subclass(&self.defs, have, want) {
            Some(true)
        } else if !ir::is_subclass(&self.defs, want, have) {
            Some(false)
        } else {
            None
        };
        Ok(Some(match known {
            Some(b) if !crate::model::effects::has_effects(&v) => {
                Expr::new(Ty::BOOL, ExprKind::Bool(b), span)
            }
            _ => Expr::new(
                Ty::BOOL,
                ExprKind::IsInstance(Box::new(v), ir::class_subtree(&self.defs, want)),
                span,
            ),
        }))
    }

    /// The function with id `functions.len()`, if it was checked early.
    pub(crate) fn take_early(&mut self, next: usize) -> Option<ir::Function> {
        self.classes.early.remove(&FuncId(next as u32))
    }

    /// The body of function `id`: a method with its class context, or a
    /// plain function.
    pub(crate) fn body_of(
        &mut self,
        id: FuncId,
        f: &ast::StmtFunctionDef,
        sig: &Sig,
    ) -> ir::Function {
        match self.classes.methods.get(&id).cloned() {
            Some(ctx) => self.method_body(f, sig, ctx),
            None => self.function(f, sig),
        }
    }

    fn method_body(&mut self, f: &ast::StmtFunctionDef, sig: &Sig, ctx: MethodCtx) -> ir::Function {
        let def = ctx.def;
        let kind = ctx.kind;
        let first = ctx.first.clone();
        self.classes.ctx = Some(ctx);
        let mut fun = FunCtx::new(&f.body, sig);
        let base = self.class_def(def).base;
        let mut exc_args_from_params = false;
        if let (MethodKind::Init, Some(first)) = (kind, &first) {
            let mut declared = self.classes.declared.get(&def).cloned().unwrap_or_default();
            // Attributes the base sets keep their types here.
            let inherited: Vec<ClassField> = base
                .map(|b| self.class_def(b).fields.clone())
                .unwrap_or_default();
            declared.extend(inherited.iter().map(|f| (f.name.clone(), f.ty)));
            for (name, ty) in declared {
                fun.annotated.insert(format!("{first}.{name}"), ty);
            }
            if let Some(ctx) = self.classes.ctx.as_mut() {
                let own = std::mem::take(&mut ctx.fields);
                ctx.fields = inherited.into_iter().map(|f| f.name).collect();
                for f in own {
                    if !ctx.fields.contains(&f) {
                        ctx.fields.push(f);
                    }
                }
            }
            let calls_super = f.body.iter().any(|s| {
                matches!(s, ast::Stmt::Expr(e) if matches!(&*e.value, ast::Expr::Call(c)
                    if matches!(&*c.func, ast::Expr::Attribute(a)
                        if a.attr.as_str() == "__init__" && is_super_call(&a.value))))
            });
            let base_init = base
                .and_then(|b| ir::resolve_method(&self.defs, b, "__init__"))
                .is_some();
            if !base_init && ir::class_exception(&self.defs, def).is_some() {
                // An exception's `args`: `super().__init__(...)`'s
                // arguments, else the constructor's.
                fun.annotated.insert(format!("{first}.args"), Ty::EXC_ARGS);
                if let Some(ctx) = self.classes.ctx.as_mut() {
                    ctx.fields.retain(|f| f != "args");
                    ctx.fields.insert(0, "args".into());
                }
                if !calls_super {
                    let a = &f.args;
                    if a.vararg.is_some()
                        || a.kwarg.is_some()
                        || !a.kwonlyargs.is_empty()
                        || a.args
                            .iter()
                            .chain(&a.posonlyargs)
                            .any(|p| p.default.is_some())
                    {
                        let d = self
                            .error(f.range, "an exception's `__init__` with default, keyword or `*` parameters must call `super().__init__(...)`")
                            .with_help("pass the arguments on: `super().__init__(message)`");
                        self.report(d);
                    }
                    exc_args_from_params = true;
                }
            }
            if base_init && !calls_super {
                let d = self
                    .error(f.range, format!("`{}.__init__` does not call `super().__init__(...)`", self.class_name(def)))
                    .with_help("call it (at the top level of `__init__`): the base's attributes are set there; a subclass without them is not supported yet");
                self.report(d);
            }
        }
        if kind != MethodKind::Init {
            fun.generator = self.generator_item(f, sig);
        }
        let generator = fun.generator.is_some();
        let mut body = std::mem::take(&mut fun.prologue);
        self.fun = Some(fun);
        if exc_args_from_params {
            let span = self.span(f.range);
            let params: Vec<Expr> = self
                .fun
                .as_ref()
                .map(|fun| {
                    fun.params
                        .iter()
                        .map(|p| Expr::new(fun.local_ty(*p), ExprKind::Local(*p), span))
                        .collect()
                })
                .unwrap_or_default();
            let values = params.into_iter().map(|p| (p, f.range)).collect();
            match self.set_exc_args(def, first.as_deref().unwrap_or("self"), values, f.range) {
                Ok(stmts) => body.extend(stmts),
                Err(d) => self.report(d),
            }
        }
        for s in &f.body {
            if kind == MethodKind::Init {
                body.extend(self.build_before(s, first.as_deref().unwrap_or("self")));
            }
            body.extend(self.block(std::slice::from_ref(s)));
        }
        if kind == MethodKind::Init && !super::stmt::terminates(&f.body) {
            match self.init_result(f.range) {
                Ok(e) => body.push(Stmt::Return(Some(e))),
                Err(d) => self.report(d),
            }
        }
        if kind == MethodKind::Init {
            // Without a return, the class has no attributes (yet).
            self.classes.known.insert(def);
        }
        self.classes.ctx = None;
        let ctx = self.fun.take().expect("function context");
        // `self.x` locals keep their name (`lower` names them `x`).
        let locals = ctx.locals;
        let class = self.class_name(def);
        let method = match (kind, f.name.as_str()) {
            (MethodKind::Init, _) => "new".to_string(),
            (_, n) => n.trim_matches('_').to_string(),
        };
        ir::Function {
            name: format!("{class}_{method}"),
            span: sig.span,
            params: ctx.params.clone(),
            ret: sig.ret,
            locals,
            body,
            raises: false,
            falls_through: true,
            generator,
        }
    }

    /// The new instance an `__init__` returns: its attributes' current
    /// values (the first return decides their types).
    fn init_result(&mut self, range: TextRange) -> Result<Expr, Diagnostic> {
        let Some(ctx) = self.classes.ctx.clone() else {
            return Err(self.error(range, "not inside `__init__`"));
        };
        let first = ctx.first.clone().unwrap_or_default();
        let def = ctx.def;
        if let Some(obj) = ctx.built {
            let ty = self.types.nominal(def);
            return Ok(Expr::new(ty, ExprKind::Local(obj), self.span(range)));
        }
        let known = self.classes.known.contains(&def);
        let mut values = Vec::new();
        for (i, name) in ctx.fields.iter().enumerate() {
            let local = format!("{first}.{name}");
            let bound = self
                .fun
                .as_ref()
                .is_some_and(|f| f.bindings.contains_key(&local));
            if !bound {
                // An inherited attribute: the missing `super().__init__`
                // is the error.
                let inherited = self
                    .class_def(def)
                    .base
                    .is_some_and(|b| self.class_def(b).field(name).is_some());
                if inherited {
                    return Err(Diagnostic::follow_up(self.span(range)));
                }
                return Err(self
                    .error(range, format!("`__init__` does not set `{first}.{name}` on every path"))
                    .with_help(format!("assign `{first}.{name}` on every path through `__init__` (e.g. `{first}.{name} = None` first, with an `Opt[...]` annotation)")));
            }
            let v = self.name(&local, range)?;
            let want = self.class_def(def).fields.get(i).map(|f| f.ty);
            let v = match want {
                Some(want) if known => self.coerce(v, want, range)?,
                _ => v,
            };
            values.push(v);
        }
        if !known {
            let fields = ctx
                .fields
                .iter()
                .zip(&values)
                .map(|(n, v)| ClassField {
                    name: n.clone(),
                    ty: v.ty,
                })
                .collect();
            self.with_class(def, |c| c.fields = fields);
            self.classes.known.insert(def);
        }
        let span = self.span(range);
        let order = (0..values.len()).collect();
        let ty = self.types.nominal(def);
        Ok(Expr::new(
            ty,
            ExprKind::Record {
                def,
                fields: values,
                order,
            },
            span,
        ))
    }

    /// Before a top-level statement of `__init__` that uses `self` as an
    /// object (`self.m()`, `f(self)`, a property): the object is built from
    /// the attributes set so far, which must be all of them, and `self`
    /// names it from then on.
    fn build_before(&mut self, s: &ast::Stmt, first: &str) -> Vec<Stmt> {
        let Some(ctx) = self.classes.ctx.clone() else {
            return Vec::new();
        };
        if ctx.built.is_some() {
            return Vec::new();
        }
        let mut uses = UsesObject {
            first,
            fields: &ctx.fields,
            found: false,
        };
        ast::Visitor::visit_stmt(&mut uses, s.clone());
        let compound = matches!(
            s,
            ast::Stmt::If(_)
                | ast::Stmt::While(_)
                | ast::Stmt::For(_)
                | ast::Stmt::Try(_)
                | ast::Stmt::With(_)
        );
        // Inside a block, the calls report their own diagnostic.
        if !uses.found || compound {
            return Vec::new();
        }
        let value = match self.init_result(s.range()) {
            Ok(v) => v,
            Err(d) => {
                let d = if d.is_follow_up() {
                    d
                } else {
                    self.error(s.range(), format!("`{first}` is used as an object before `__init__` sets all its attributes"))
                        .with_help(format!("set every attribute (`{first}.x = ...`) before calling methods or passing `{first}` on"))
                };
                self.report(d);
                if let Some(ctx) = self.classes.ctx.as_mut() {
                    ctx.unbuilt = true;
                }
                return Vec::new();
            }
        };
        let span = self.span(s.range());
        let obj = self.ctx().fresh(first, value.ty, span);
        self.ctx().assigned.insert(first.to_string());
        self.ctx().bind(first, obj);
        if let Some(ctx) = self.classes.ctx.as_mut() {
            ctx.built = Some(obj);
        }
        vec![Stmt::Assign {
            place: Place::Local(obj),
            value,
        }]
    }

    /// `return` inside `__init__`: returns the new instance.
    pub(crate) fn init_return(
        &mut self,
        r: &ast::StmtReturn,
    ) -> Option<Result<Vec<Stmt>, Diagnostic>> {
        let ctx = self.classes.ctx.as_ref()?;
        if ctx.kind != MethodKind::Init {
            return None;
        }
        if let Some(v) = &r.value {
            if !matches!(&**v, ast::Expr::Constant(c) if matches!(c.value, ast::Constant::None)) {
                return Some(Err(self
                    .error(v.range(), "`__init__` returns None")
                    .with_help(
                        "Python raises TypeError when `__init__` returns a value",
                    )));
            }
        }
        Some(
            self.init_result(r.range)
                .map(|e| vec![Stmt::Return(Some(e))]),
        )
    }

    /// In `__init__`, `self.x` as a name (`self.x`): its local holds the
    /// attribute until the instance is built.
    pub(crate) fn init_attribute_name(&self, e: &ast::Expr) -> Option<ast::Expr> {
        let ast::Expr::Attribute(a) = e else {
            return None;
        };
        let ctx = self.classes.ctx.as_ref()?;
        let first = ctx.first.as_deref()?;
        let is_self = matches!(&*a.value, ast::Expr::Name(n) if n.id.as_str() == first);
        if ctx.kind != MethodKind::Init || !is_self || ctx.built.is_some() {
            return None;
        }
        Some(ast::Expr::Name(ast::ExprName {
            range: a.range,
            id: ast::Identifier::new(format!("{first}.{}", a.attr)),
            ctx: ast::ExprContext::Store,
        }))
    }

    /// `self.x = x` in `__init__` where the attribute can be the
    /// parameter itself (`MethodCtx::aliases`): binds it, and no statement
    /// is needed.
    pub(crate) fn init_alias(&mut self, target: &ast::Expr, value: &ast::Expr) -> bool {
        let (ast::Expr::Attribute(a), ast::Expr::Name(v)) = (target, value) else {
            return false;
        };
        let Some(ctx) = self.classes.ctx.as_ref() else {
            return false;
        };
        let alias = (a.attr.to_string(), v.id.to_string());
        if ctx.kind != MethodKind::Init || !ctx.aliases.contains(&alias) || ctx.built.is_some() {
            return false;
        }
        let Some(first) = ctx.first.clone() else {
            return false;
        };
        let Some(fun) = self.fun.as_mut() else {
            return false;
        };
        let name = format!("{first}.{}", alias.0);
        let Some(super::scope::Binding::Local(id)) = fun.bindings.get(&alias.1).cloned() else {
            return false;
        };
        // A declared attribute type must be the parameter's.
        if fun
            .annotated
            .get(&name)
            .is_some_and(|t| *t != fun.local_ty(id))
        {
            return false;
        }
        fun.touched.insert(name.clone());
        fun.bind(&name, id);
        true
    }

    /// A bare `self` inside `__init__`, which is not an object yet.
    pub(crate) fn bare_self_in_init(&self, name: &str, range: TextRange) -> Option<Diagnostic> {
        let ctx = self.classes.ctx.as_ref()?;
        if ctx.kind != MethodKind::Init || ctx.first.as_deref() != Some(name) || ctx.built.is_some()
        {
            return None;
        }
        Some(
            self.error(
                range,
                format!("`{name}` can only set and read attributes inside `__init__`"),
            )
            .with_help(
                "the object is built when `__init__` returns: call methods on it after creating it",
            ),
        )
    }

    /// `obj.attr`, `Class.attr`, `obj.prop` (and `self.x` in `__init__`).
    pub(crate) fn class_attribute_read(
        &mut self,
        a: &ast::ExprAttribute,
    ) -> Result<Option<Expr>, Diagnostic> {
        if let Some(name) = self.init_attribute_name(&ast::Expr::Attribute(a.clone())) {
            let ast::Expr::Name(n) = &name else {
                return Ok(None);
            };
            return self.name(n.id.as_str(), a.range).map(Some);
        }
        let span = self.span(a.range);
        let attr = a.attr.as_str();
        if let Some(def) = self.class_named(&a.value) {
            if let Some(g) = self.class_attr(def, attr) {
                let ty = self.globals[g.0 as usize].ty;
                return Ok(Some(Expr::new(ty, ExprKind::Global(g), span)));
            }
            let what = if self.target(def, attr).is_some() {
                "methods cannot be used as values yet"
            } else {
                "no such class attribute"
            };
            return Err(self
                .error(
                    a.range,
                    format!(
                        "type object '{}' has no attribute '{attr}' here: {what}",
                        self.class_name(def)
                    ),
                )
                .with_help("class attributes are assigned in the class body (`count = 0`)"));
        }
        if !self.may_be_object(&a.value) {
            return Ok(None);
        }
        let obj = self.probe(&a.value)?;
        let Some(def) = self.class_of(obj.ty) else {
            return Ok(None);
        };
        self.instance_attribute(obj, def, attr, a.range).map(Some)
    }

    fn instance_attribute(
        &mut self,
        obj: Expr,
        def: DefId,
        attr: &str,
        range: TextRange,
    ) -> Result<Expr, Diagnostic> {
        let span = self.span(range);
        let class = self.class_def(def);
        if let Some(i) = class.field(attr) {
            let ty = class.fields[i].ty;
            return Ok(Expr::new(ty, ExprKind::Field(Box::new(obj), i), span));
        }
        if let Some(m) = self.target(def, attr) {
            if m.kind == MethodKind::Property {
                let f = m.func;
                let ty = self.sigs[f.0 as usize].ret;
                return Ok(Expr::new(ty, ExprKind::Call(f, vec![obj]), span));
            }
            return Err(self
                .error(range, "methods cannot be used as values yet")
                .with_help(format!("call it: `.{attr}(...)`")));
        }
        if let Some(g) = self.class_attr(def, attr) {
            if crate::model::effects::has_effects(&obj) {
                return Err(self
                    .error(
                        range,
                        "reading a class attribute through a computed object is not supported yet",
                    )
                    .with_help(format!(
                        "read it through the class: `{}.{attr}`",
                        self.class_name(def)
                    )));
            }
            let ty = self.globals[g.0 as usize].ty;
            let mut read = Expr::new(ty, ExprKind::Global(g), span);
            // Subclasses that assign the attribute again: the object's
            // class decides which one it reads.
            let mut groups: Vec<(ir::GlobalId, Vec<DefId>)> = Vec::new();
            for k in ir::class_subtree(&self.defs, def) {
                match self.class_attr(k, attr) {
                    Some(h) if h != g => match groups.iter_mut().find(|x| x.0 == h) {
                        Some(x) => x.1.push(k),
                        None => groups.push((h, vec![k])),
                    },
                    _ => {}
                }
            }
            for (h, classes) in groups.into_iter().rev() {
                if self.globals[h.0 as usize].ty != ty {
                    return Err(self
                        .error(range, format!("the class attribute `{attr}` has different types in subclasses of `{}`", self.class_name(def)))
                        .with_help("give it one type in every class"));
                }
                let test = Expr::new(
                    Ty::BOOL,
                    ExprKind::IsInstance(Box::new(obj.clone()), classes),
                    span,
                );
                read = Expr::new(
                    ty,
                    ExprKind::IfExp {
                        cond: Box::new(test),
                        then: Box::new(Expr::new(ty, ExprKind::Global(h), span)),
                        orelse: Box::new(read),
                    },
                    span,
                );
            }
            return Ok(read);
        }
        Err(self.no_attribute(def, attr, range))
    }

    fn no_attribute(&self, def: DefId, attr: &str, range: TextRange) -> Diagnostic {
        let name = self.class_name(def);
        if !self.classes.known.contains(&def) {
            return self
                .error(range, format!("the attributes of `{name}` are not known here yet"))
                .with_help(format!("define `{name}` (with its `__init__`) before the class that reads its attributes in `__init__`"));
        }
        let class = self.class_def(def);
        let mut names: Vec<&str> = class.fields.iter().map(|f| f.name.as_str()).collect();
        names.extend(
            class
                .methods
                .iter()
                .filter(|m| m.kind != MethodKind::Init)
                .map(|m| m.name.as_str()),
        );
        names.extend(class.attrs.iter().map(|a| a.0.as_str()));
        let help = if names.is_empty() {
            format!("`{name}` has no attributes; set them in `__init__`")
        } else {
            format!("its attributes: {}", names.join(", "))
        };
        self.error(range, format!("'{name}' object has no attribute '{attr}'"))
            .with_help(help)
    }

    /// `obj.attr = v`, `Class.attr = v` (and `self.x = v` in `__init__`).
    pub(crate) fn attribute_assign(
        &mut self,
        a: &ast::ExprAttribute,
        value: &ast::Expr,
    ) -> Result<Option<Stmt>, Diagnostic> {
        let attr = a.attr.as_str();
        if let Some(def) = self.class_named(&a.value) {
            let Some(g) = self.class_def(def).attr(attr) else {
                return Err(self
                    .error(
                        a.range,
                        format!("`{}` has no class attribute `{attr}`", self.class_name(def)),
                    )
                    .with_help("declare class attributes in the class body (`count = 0`)"));
            };
            let ty = self.globals[g.0 as usize].ty;
            let v = self.expect(value, ty)?;
            return Ok(Some(Stmt::Assign {
                place: Place::Global(g),
                value: v,
            }));
        }
        if !self.may_be_object(&a.value) {
            return Ok(None);
        }
        // Python evaluates the value before the object.
        let (place, ty) = {
            let obj = self.probe(&a.value)?;
            let Some(def) = self.class_of(obj.ty) else {
                return Ok(None);
            };
            self.field_place(obj, def, attr, a.range)?
        };
        let v = self.expect(value, ty)?;
        Ok(Some(Stmt::Assign { place, value: v }))
    }

    fn field_place(
        &self,
        obj: Expr,
        def: DefId,
        attr: &str,
        range: TextRange,
    ) -> Result<(Place, Ty), Diagnostic> {
        let class = self.class_def(def);
        match class.field(attr) {
            Some(i) => Ok((Place::Field(Box::new(obj), i), class.fields[i].ty)),
            None if self.target(def, attr).is_some_and(|m| m.kind == MethodKind::Property) => Err(self
                .error(range, format!("property '{attr}' of '{}' object has no setter", self.class_name(def)))
                .with_help("Python raises AttributeError here")),
            None if self.classes.known.contains(&def) => Err(self
                .error(range, format!("`{}` objects have no attribute `{attr}` set in `__init__`", self.class_name(def)))
                .with_help(format!("set `self.{attr}` in `__init__` (every attribute gets its value and type there)"))),
            None => Err(self.no_attribute(def, attr, range)),
        }
    }

    /// `obj.attr op= v`, `Class.attr op= v` (and `self.x op= v` in
    /// `__init__`).
    pub(crate) fn attribute_aug_assign(
        &mut self,
        s: &ast::StmtAugAssign,
        a: &ast::ExprAttribute,
    ) -> Result<Option<Stmt>, Diagnostic> {
        let span = self.span(s.range);
        let op = super::expr::bin_op(s.op);
        if let Some(name) = self.init_attribute_name(&s.target) {
            let mut plain = s.clone();
            *plain.target = name;
            return self.aug_assign(&plain).map(Some);
        }
        let (place, current) = if let Some(def) = self.class_named(&a.value) {
            let Some(g) = self.class_def(def).attr(a.attr.as_str()) else {
                return Err(self
                    .error(
                        a.range,
                        format!(
                            "`{}` has no class attribute `{}`",
                            self.class_name(def),
                            a.attr
                        ),
                    )
                    .with_help("declare class attributes in the class body (`count = 0`)"));
            };
            let ty = self.globals[g.0 as usize].ty;
            (Place::Global(g), Expr::new(ty, ExprKind::Global(g), span))
        } else {
            if !self.may_be_object(&a.value) {
                return Ok(None);
            }
            let obj = self.probe(&a.value)?;
            let Some(def) = self.class_of(obj.ty) else {
                return Ok(None);
            };
            if !matches!(obj.kind, ExprKind::Local(_) | ExprKind::Global(_)) {
                return Err(self
                    .error(
                        a.value.range(),
                        "`op=` on an attribute of a computed object is not supported yet",
                    )
                    .with_help("assign the object to a variable first"));
            }
            let (place, ty) = self.field_place(obj.clone(), def, a.attr.as_str(), a.range)?;
            let i = match &place {
                Place::Field(_, i) => *i,
                _ => 0,
            };
            (
                place,
                Expr::new(ty, ExprKind::Field(Box::new(obj), i), span),
            )
        };
        let ty = current.ty;
        let current = if ty == Ty::NAT || ty.is_fixed() {
            self.coerce(current, Ty::INT, s.range)?
        } else {
            current
        };
        let v = self.expr(&s.value)?;
        let sum = self.binary(op, current, v, s.range)?;
        let sum = self.coerce(sum, ty, s.range)?;
        Ok(Some(Stmt::Assign { place, value: sum }))
    }

    /// Calls that involve a class: `C(...)`, `cls(...)`, `obj.m(...)`,
    /// `C.m(...)`, and `str`, `repr`, `len` of an instance.
    pub(crate) fn class_call(&mut self, c: &ast::ExprCall) -> Result<Option<Expr>, Diagnostic> {
        let span = self.span(c.range);
        if let Some(def) = self.class_named(&c.func) {
            return self.construct(def, c).map(Some);
        }
        if let Some(def) = self.record_named(&c.func) {
            return self.record_call(def, c).map(Some);
        }
        match &*c.func {
            ast::Expr::Name(n) if n.id.as_str() == "isinstance" => self.class_isinstance(c),
            ast::Expr::Name(n) if n.id.as_str() == "type" => self.type_of_object(c),
            ast::Expr::Name(n) if matches!(n.id.as_str(), "str" | "repr" | "len") => {
                let name = n.id.as_str();
                let shadowed = self.fun.as_ref().is_some_and(|f| f.assigned.contains(name))
                    || self.function_id(name).is_some()
                    || self.global(name).is_some();
                let ([arg], []) = (c.args.as_slice(), c.keywords.as_slice()) else {
                    return Ok(None);
                };
                if shadowed || !self.may_be_object(arg) {
                    return Ok(None);
                }
                let v = self.probe(arg)?;
                let Some(def) = self.class_of(v.ty) else {
                    return Ok(None);
                };
                match name {
                    "len" => {
                        let Some(m) = self.target(def, "__len__") else {
                            return Err(self
                                .error(
                                    arg.range(),
                                    format!(
                                        "object of type '{}' has no len()",
                                        self.class_name(def)
                                    ),
                                )
                                .with_help("define `__len__(self) -> int` in the class"));
                        };
                        let f = m.func;
                        Ok(Some(Expr::new(Ty::INT, ExprKind::Call(f, vec![v]), span)))
                    }
                    _ => Ok(Some(self.class_to_str(v, name == "repr", span))),
                }
            }
            ast::Expr::Attribute(a) => self.method_call_on(c, a),
            _ => Ok(None),
        }
    }

    fn construct(&mut self, def: DefId, c: &ast::ExprCall) -> Result<Expr, Diagnostic> {
        let span = self.span(c.range);
        let ty = self.types.nominal(def);
        match self.target(def, "__init__").map(|m| m.func) {
            Some(f) => {
                let sig = self.sig(f).clone();
                let args = self.call_args(&self.class_name(def), &sig, c)?;
                Ok(Expr::new(ty, ExprKind::Call(f, args), span))
            }
            None if ir::class_exception(&self.defs, def).is_some() => {
                // `BaseException.__init__(*args)`.
                if let Some(k) = c.keywords.first() {
                    return Err(self
                        .error(k.range(), "an exception takes no keyword arguments")
                        .with_help("pass the arguments by position"));
                }
                let mut values = Vec::new();
                for a in &c.args {
                    values.push((self.expr(a)?, a.range()));
                }
                let key = ExcClass::builtin("KeyError")
                    .is_some_and(|k| ExcClass::User(def).is_subclass_of(k, &self.defs));
                let mut pre = Vec::new();
                let args = self.exc_args(values, key, &mut pre, span)?;
                if !pre.is_empty() {
                    return Err(self
                        .error(c.range, "this exception argument must be a variable")
                        .with_help("assign it to a variable first"));
                }
                let n = self.class_def(def).fields.len();
                if n != 1 {
                    return Err(self.error(c.range, "an exception class without `__init__` whose base sets attributes is not supported"));
                }
                Ok(Expr::new(
                    ty,
                    ExprKind::Record {
                        def,
                        fields: vec![args],
                        order: vec![0],
                    },
                    span,
                ))
            }
            None => {
                if !c.args.is_empty() || !c.keywords.is_empty() {
                    return Err(self
                        .error(
                            c.range,
                            format!("`{}()` takes no arguments", self.class_name(def)),
                        )
                        .with_help("define `__init__` to take arguments"));
                }
                Ok(Expr::new(
                    ty,
                    ExprKind::Record {
                        def,
                        fields: Vec::new(),
                        order: Vec::new(),
                    },
                    span,
                ))
            }
        }
    }

    fn method_call_on(
        &mut self,
        c: &ast::ExprCall,
        a: &ast::ExprAttribute,
    ) -> Result<Option<Expr>, Diagnostic> {
        let span = self.span(c.range);
        let attr = a.attr.as_str();
        if let Some(ctx) = &self.classes.ctx {
            let is_self = matches!(&*a.value, ast::Expr::Name(n) if Some(n.id.as_str()) == ctx.first.as_deref());
            if ctx.kind == MethodKind::Init && is_self && ctx.unbuilt {
                return Err(Diagnostic::follow_up(self.span(c.range)));
            }
            if ctx.kind == MethodKind::Init && is_self && ctx.built.is_none() {
                return Err(self
                    .error(c.range, "calling methods on `self` inside `__init__` is not supported yet")
                    .with_help("the object is built when `__init__` returns; compute the value with a @staticmethod or a function"));
            }
        }
        if let Some(r) = self.super_method_call(c, a) {
            return r.map(Some);
        }
        let (def, receiver) = if let Some(def) = self.class_named(&a.value) {
            (def, None)
        } else {
            if !self.may_be_object(&a.value) {
                return Ok(None);
            }
            let obj = self.probe(&a.value)?;
            let Some(def) = self.class_of(obj.ty) else {
                return Ok(None);
            };
            (def, Some(obj))
        };
        let class = self.class_def(def);
        // An instance attribute shadows a method of the same name.
        if receiver.is_some() && class.field(attr).is_some() {
            return Err(self
                .error(c.func.range(), "calling an attribute's value is not supported yet")
                .with_help("call a method of the class (an attribute of the same name hides it, as in Python)"));
        }
        let Some(m) = self.target(def, attr) else {
            if receiver.is_some() && class.field(attr).is_some() {
                return Err(self
                    .error(
                        c.func.range(),
                        "calling an attribute's value is not supported yet",
                    )
                    .with_help("call a method of the class"));
            }
            return Err(match receiver {
                Some(_) => self.no_attribute(def, attr, a.range),
                None => self
                    .error(
                        a.range,
                        format!(
                            "type object '{}' has no attribute '{attr}'",
                            self.class_name(def)
                        ),
                    )
                    .with_help("call a method defined in the class"),
            });
        };
        let sig = self.sig(m.func).clone();
        let shown = format!("{}.{attr}", self.class_name(def));
        let args = match (m.kind, receiver) {
            (MethodKind::Property, _) => {
                return Err(self
                    .error(c.range, format!("`{attr}` is a property, not a method"))
                    .with_help(format!("read it without calling: `.{attr}`")))
            }
            (MethodKind::Init, _) => {
                return Err(self
                    .error(c.range, "calling `__init__` directly is not supported")
                    .with_help(format!(
                        "create a new object: `{}(...)`",
                        self.class_name(def)
                    )))
            }
            (MethodKind::Instance, Some(obj)) => {
                let rest = sig.without_first();
                let mut args = vec![obj];
                args.extend(self.call_args(&shown, &rest, c)?);
                args
            }
            (MethodKind::Static | MethodKind::Class, Some(obj)) => {
                if crate::model::effects::has_effects(&obj) {
                    return Err(self
                        .error(a.value.range(), "calling a static method through a computed object is not supported yet")
                        .with_help(format!("call it through the class: `{shown}(...)`")));
                }
                self.call_args(&shown, &sig, c)?
            }
            // `Class.method(obj, ...)`, `Class.static(...)`.
            (_, None) => self.call_args(&shown, &sig, c)?,
        };
        Ok(Some(Expr::new(sig.ret, ExprKind::Call(m.func, args), span)))
    }

    /// `str(obj)` / `repr(obj)` (and `{obj}` / `{obj!r}` in f-strings):
    /// `__str__` (else `__repr__`) or `__repr__`, or the default.
    pub(crate) fn class_to_str(&mut self, v: Expr, repr: bool, span: crate::source::Span) -> Expr {
        let Some(def) = self.class_of(v.ty) else {
            return Expr::new(Ty::STR, ExprKind::ToStr(Box::new(v)), span);
        };
        // Only some subclasses define it: the `PyStr` impl picks by the
        // object's class.
        let in_subclasses = |this: &Self, name: &str| {
            ir::class_subtree(&this.defs, def)
                .iter()
                .any(|k| ir::resolve_method(&this.defs, *k, name).is_some())
        };
        let exception = ir::class_exception(&self.defs, def).is_some();
        let m = if repr {
            self.target(def, "__repr__")
        } else if let Some(m) = self.target(def, "__str__") {
            Some(m)
        } else if exception || in_subclasses(self, "__str__") {
            // `BaseException.__str__`, or the subclass's, by `PyStr`.
            None
        } else {
            self.target(def, "__repr__")
        };
        match m {
            Some(m) => Expr::new(Ty::STR, ExprKind::Call(m.func, vec![v]), span),
            // `repr()` without `__repr__` never uses `__str__`.
            None if repr => Expr::new(
                Ty::STR,
                ExprKind::FString(vec![ir::FPart::Value {
                    expr: v,
                    repr: true,
                    spec: None,
                }]),
                span,
            ),
            // The dataclass `repr` or CPython's default, by `PyStr`.
            None => Expr::new(Ty::STR, ExprKind::ToStr(Box::new(v)), span),
        }
    }

    /// An f-string field holding an instance: its `str()` or `repr()`.
    pub(crate) fn class_fpart(
        &mut self,
        e: Expr,
        repr: bool,
        spec: &Option<String>,
        range: TextRange,
    ) -> Result<(Expr, bool), Diagnostic> {
        if self.class_of(e.ty).is_none() {
            return Ok((e, repr));
        }
        if spec.as_deref().is_some_and(|s| !s.is_empty()) {
            return Err(self
                .error(range, "a format spec for an object is not supported")
                .with_help("Python raises TypeError unless the class defines `__format__`; format `str(obj)` instead"));
        }
        let span = e.span;
        Ok((self.class_to_str(e, repr, span), false))
    }

    /// Comparisons of instances that call special methods: `a == b`
    /// (`__eq__`), `a != b`, `a < b` (`__lt__`, or `b.__gt__(a)`), ...,
    /// `x in obj` (`__contains__`). `==` without `__eq__` is identity,
    /// which the plain comparison lowers to.
    /// `operands` are the comparison's, checked.
    pub(crate) fn class_compare(
        &mut self,
        c: &ast::ExprCompare,
        operands: &[Expr],
    ) -> Result<Option<Expr>, Diagnostic> {
        let ([op], [right], [l, r]) = (c.ops.as_slice(), c.comparators.as_slice(), operands) else {
            return Ok(None);
        };
        let (l, r) = (l.clone(), r.clone());
        let span = self.span(c.range);
        if matches!(op, ast::CmpOp::Is | ast::CmpOp::IsNot) {
            return self.identity(l, r, *op == ast::CmpOp::IsNot, span);
        }
        if matches!(op, ast::CmpOp::In | ast::CmpOp::NotIn) {
            let container = r;
            let Some(def) = self.class_of(container.ty) else {
                return Ok(None);
            };
            let Some(m) = self.target(def, "__contains__") else {
                // Without `__contains__`, Python looks through `__iter__`.
                if self.target(def, "__iter__").is_some() {
                    let items = self.iter_object(container, right.range())?;
                    let items = self.set_as_list(items);
                    let TyKind::List(want) = *self.types.kind(items.ty) else {
                        return Ok(None);
                    };
                    let item = self.coerce(l, want, c.left.range())?;
                    let test = Expr::new(
                        Ty::BOOL,
                        ExprKind::Method(ir::Method::Contains, vec![items, item]),
                        span,
                    );
                    return Ok(Some(if *op == ast::CmpOp::NotIn {
                        Expr::new(Ty::BOOL, ExprKind::Not(Box::new(test)), span)
                    } else {
                        test
                    }));
                }
                return Err(self
                    .error(
                        right.range(),
                        format!(
                            "argument of type '{}' is not iterable",
                            self.class_name(def)
                        ),
                    )
                    .with_help("define `__contains__(self, item) -> bool` in the class"));
            };
            let want = self.sig(m.func).params.get(1).map_or(Ty::DYNAMIC, |p| p.1);
            // Python evaluates the item first: only plain names may swap.
            let item = self.coerce(l, want, c.left.range())?;
            if crate::model::effects::has_effects(&item)
                && crate::model::effects::has_effects(&container)
            {
                return Err(self
                    .error(
                        c.range,
                        "`in` with two computed operands is not supported for objects yet",
                    )
                    .with_help("compute the item into a variable first"));
            }
            let call = Expr::new(
                Ty::BOOL,
                ExprKind::Call(m.func, vec![container, item]),
                span,
            );
            let call = self.truthy(call);
            return Ok(Some(if *op == ast::CmpOp::NotIn {
                Expr::new(Ty::BOOL, ExprKind::Not(Box::new(call)), span)
            } else {
                call
            }));
        }
        let (ld, rd) = (self.class_of(l.ty), self.class_of(r.ty));
        if ld.is_none() && rd.is_none() {
            return Ok(None);
        }
        let defines = |this: &Self, d: Option<DefId>, n: &str| {
            d.is_some_and(|d| {
                ir::class_subtree(&this.defs, d)
                    .iter()
                    .any(|k| ir::resolve_method(&this.defs, *k, n).is_some())
            })
        };
        // `!=` is `not ==` unless some class defines `__ne__`.
        let ne = defines(self, ld, "__ne__") || defines(self, rd, "__ne__");
        let (name, reflected, negate) = match op {
            ast::CmpOp::Eq => ("__eq__", "__eq__", false),
            ast::CmpOp::NotEq if !ne => ("__eq__", "__eq__", true),
            ast::CmpOp::NotEq => ("__ne__", "__ne__", false),
            ast::CmpOp::Lt => ("__lt__", "__gt__", false),
            ast::CmpOp::Gt => ("__gt__", "__lt__", false),
            ast::CmpOp::LtE => ("__le__", "__ge__", false),
            ast::CmpOp::GtE => ("__ge__", "__le__", false),
            _ => return Ok(None),
        };
        let find = |this: &Self, d: Option<DefId>, n: &str| {
            d.and_then(|d| this.target(d, n).map(|m| m.func))
        };
        let fwd = find(self, ld, name);
        let refl = find(self, rd, reflected);
        if name == "__eq__" && fwd.is_none() && refl.is_none() {
            // Identity, or `__eq__` of subclasses: the plain comparison
            // (the `PartialEq` impl dispatches on the object's class).
            return Ok(None);
        }
        // A method only some subclasses define decides by the object's
        // class, which the types here do not tell.
        if (fwd.is_none() && defines(self, ld, name))
            || (refl.is_none() && defines(self, rd, reflected))
        {
            return Err(self
                .error(c.range, format!("this comparison depends on `{name}`/`{reflected}` that only some subclasses define"))
                .with_help("define the method in the base class too"));
        }
        let sym = match op {
            ast::CmpOp::Eq => "==",
            ast::CmpOp::NotEq => "!=",
            ast::CmpOp::Lt => "<",
            ast::CmpOp::Gt => ">",
            ast::CmpOp::LtE => "<=",
            _ => ">=",
        };
        let right_range = right.range();
        let effects =
            crate::model::effects::has_effects(&l) && crate::model::effects::has_effects(&r);
        let result = match (fwd, refl) {
            (Some(f), Some(g)) => match self.derives_cond(&l, &r, ld, rd, span) {
                Derives::Never => self.compare_call(f, l, r, right_range)?,
                Derives::Always if effects => {
                    return Err(self
                        .error(c.range, "this reflected comparison of two computed operands is not supported yet")
                        .with_help("compute the operands into variables first"));
                }
                Derives::Always => self.compare_call(g, r, l, right_range)?,
                Derives::Sometimes(cond) => {
                    let tested = |e: &Expr| {
                        crate::model::effects::has_effects(e) && self.exact_class(e).is_none()
                    };
                    if tested(&l) || tested(&r) || effects {
                        return Err(self
                            .error(c.range, "comparing computed objects of a class hierarchy is not supported yet")
                            .with_help("assign the operands to variables first (Python picks the method by both objects' classes)"));
                    }
                    let then = self.compare_call(g, r.clone(), l.clone(), right_range)?;
                    let orelse = self.compare_call(f, l, r, right_range)?;
                    Expr::new(
                        Ty::BOOL,
                        ExprKind::IfExp {
                            cond: Box::new(cond),
                            then: Box::new(then),
                            orelse: Box::new(orelse),
                        },
                        span,
                    )
                }
            },
            (Some(f), None) => self.compare_call(f, l, r, right_range)?,
            (None, Some(g)) => {
                if effects {
                    return Err(self
                        .error(c.range, "this reflected comparison of two computed operands is not supported yet")
                        .with_help("compute the operands into variables first"));
                }
                self.compare_call(g, r, l, right_range)?
            }
            (None, None) => {
                return Err(self
                    .error(
                        c.range,
                        format!(
                            "'{sym}' not supported between instances of '{}' and '{}'",
                            self.types.display(l.ty),
                            self.types.display(r.ty)
                        ),
                    )
                    .with_help(format!("define `{name}` in the class")));
            }
        };
        Ok(Some(if negate {
            Expr::new(Ty::BOOL, ExprKind::Not(Box::new(result)), span)
        } else {
            result
        }))
    }

    /// `a is b` / `a is not b` of two objects.
    fn identity(
        &mut self,
        a: Expr,
        b: Expr,
        negate: bool,
        span: crate::source::Span,
    ) -> Result<Option<Expr>, Diagnostic> {
        let (Some(x), Some(y)) = (self.class_of(a.ty), self.class_of(b.ty)) else {
            return Ok(None);
        };
        let related = ir::is_subclass(&self.defs, x, y) || ir::is_subclass(&self.defs, y, x);
        let same = if related {
            Expr::new(Ty::BOOL, ExprKind::Is(Box::new(a), Box::new(b)), span)
        } else if crate::model::effects::has_effects(&a) || crate::model::effects::has_effects(&b) {
            return Ok(None);
        } else {
            // Objects of unrelated classes are never the same object.
            Expr::new(Ty::BOOL, ExprKind::Bool(false), span)
        };
        Ok(Some(if negate {
            Expr::new(Ty::BOOL, ExprKind::Not(Box::new(same)), span)
        } else {
            same
        }))
    }

    /// A call of comparison method `f` with `a` as `self`, as `bool`.
    fn compare_call(
        &mut self,
        f: FuncId,
        a: Expr,
        b: Expr,
        range: TextRange,
    ) -> Result<Expr, Diagnostic> {
        let sig = self.sig(f).clone();
        let span = a.span;
        let mut args = Vec::new();
        for (v, p) in [a, b].into_iter().zip(&sig.params) {
            args.push(self.coerce(v, p.1, range)?);
        }
        let call = Expr::new(sig.ret, ExprKind::Call(f, args), span);
        Ok(self.truthy(call))
    }

    /// The class of a new object (`C(...)`), known exactly.
    fn exact_class(&self, e: &Expr) -> Option<DefId> {
        match &e.kind {
            ExprKind::Call(f, _) => {
                let init = ir::class_def(&self.defs, self.class_of(e.ty)?)?
                    .method("__init__")
                    .is_some_and(|m| m.func == *f);
                init.then(|| self.class_of(e.ty)).flatten()
            }
            ExprKind::Record { def, .. } => Some(*def),
            _ => None,
        }
    }

    /// Whether the class of `r`'s object derives from (and is not) the
    /// class of `l`'s: then Python tries `r`'s reflected method first.
    fn derives_cond(
        &self,
        l: &Expr,
        r: &Expr,
        ld: Option<DefId>,
        rd: Option<DefId>,
        span: crate::source::Span,
    ) -> Derives {
        let (Some(ld), Some(rd)) = (ld, rd) else {
            return Derives::Never;
        };
        let (le, re) = (self.exact_class(l), self.exact_class(r));
        let lefts = le.map_or_else(|| ir::class_subtree(&self.defs, ld), |d| vec![d]);
        let rights = re.map_or_else(|| ir::class_subtree(&self.defs, rd), |d| vec![d]);
        let mut cond: Option<Expr> = None;
        for j in lefts {
            let ks: Vec<DefId> = rights
                .iter()
                .copied()
                .filter(|k| *k != j && ir::is_subclass(&self.defs, *k, j))
                .collect();
            if ks.is_empty() {
                continue;
            }
            let is = |e: &Expr, classes: Vec<DefId>| {
                Expr::new(
                    Ty::BOOL,
                    ExprKind::IsInstance(Box::new(e.clone()), classes),
                    span,
                )
            };
            // A test that holds for every class the operand may have is
            // left out.
            let test_r = re.is_none() && ks.len() < rights.len();
            let term = match (
                le.is_none().then(|| is(l, vec![j])),
                test_r.then(|| is(r, ks)),
            ) {
                (None, None) => return Derives::Always,
                (Some(a), None) | (None, Some(a)) => a,
                (Some(a), Some(b)) => {
                    Expr::new(Ty::BOOL, ExprKind::And(Box::new(a), Box::new(b)), span)
                }
            };
            cond = Some(match cond {
                None => term,
                Some(c) => Expr::new(Ty::BOOL, ExprKind::Or(Box::new(c), Box::new(term)), span),
            });
        }
        match cond {
            None => Derives::Never,
            Some(c) => Derives::Sometimes(c),
        }
    }

    /// `obj[key]`: `__getitem__`.
    pub(crate) fn class_subscript(
        &mut self,
        s: &ast::ExprSubscript,
    ) -> Result<Option<Expr>, Diagnostic> {
        if !self.may_be_object(&s.value) {
            return Ok(None);
        }
        let obj = self.probe(&s.value)?;
        let Some(def) = self.class_of(obj.ty) else {
            return Ok(None);
        };
        let Some(m) = self.target(def, "__getitem__") else {
            return Err(self
                .error(
                    s.value.range(),
                    format!("'{}' object is not subscriptable", self.class_name(def)),
                )
                .with_help("define `__getitem__(self, key)` in the class"));
        };
        let sig = self.sig(m.func).clone();
        let want = sig.params.get(1).map_or(Ty::DYNAMIC, |p| p.1);
        let key = self.expect(&s.slice, want)?;
        let span = self.span(s.range);
        Ok(Some(Expr::new(
            sig.ret,
            ExprKind::Call(m.func, vec![obj, key]),
            span,
        )))
    }

    /// Truthiness of an instance: `__bool__`, else `__len__() != 0`, else
    /// always true.
    pub(crate) fn class_truthy(&mut self, e: &Expr) -> Option<Expr> {
        let span = e.span;
        // `Opt[obj]`: present, and the object is true.
        if let TyKind::Opt(inner) = *self.types.kind(e.ty) {
            let def = self.class_of(inner)?;
            if !self.truth_methods(def) {
                // Always true when present (`is_some()`).
                return None;
            }
            if crate::model::effects::has_effects(e) {
                let d = Diagnostic::new(
                    span,
                    "the truth of a computed optional object is not supported yet",
                )
                .with_help("assign it to a variable and test `x is not None and x`");
                self.report(d);
                return None;
            }
            let present = Expr::new(
                Ty::BOOL,
                ExprKind::Not(Box::new(Expr::new(
                    Ty::BOOL,
                    ExprKind::IsNone(Box::new(e.clone())),
                    span,
                ))),
                span,
            );
            let value = Expr::new(inner, ExprKind::Unwrap(Box::new(e.clone())), span);
            let test = self.class_truthy(&value)?;
            return Some(Expr::new(
                Ty::BOOL,
                ExprKind::And(Box::new(present), Box::new(test)),
                span,
            ));
        }
        let def = self.class_of(e.ty)?;
        if let Some(m) = self.target(def, "__bool__") {
            return Some(Expr::new(
                Ty::BOOL,
                ExprKind::Call(m.func, vec![e.clone()]),
                span,
            ));
        }
        if let Some(m) = self.target(def, "__len__") {
            let len = Expr::new(Ty::INT, ExprKind::Call(m.func, vec![e.clone()]), span);
            return Some(Expr::new(Ty::BOOL, ExprKind::Truthy(Box::new(len)), span));
        }
        if self.truth_methods(def) {
            let d = Diagnostic::new(span, format!("the truth of a `{}` depends on `__bool__`/`__len__` that only some subclasses define", self.class_name(def)))
                .with_help("define the method in the base class too");
            self.report(d);
        }
        None
    }

    /// Whether a class of `def`'s subtree defines `__bool__` or `__len__`.
    fn truth_methods(&self, def: DefId) -> bool {
        ir::class_subtree(&self.defs, def).iter().any(|k| {
            ir::resolve_method(&self.defs, *k, "__bool__").is_some()
                || ir::resolve_method(&self.defs, *k, "__len__").is_some()
        })
    }

    /// Whether `e` may evaluate to an instance: a variable, or an
    /// attribute, item or call result reached from one (or from a class
    /// or a function). The class hooks evaluate only these, so modules,
    /// `ic`, literals and the like are checked once, by the code that
    /// handles them.
    fn may_be_object(&self, e: &ast::Expr) -> bool {
        match e {
            ast::Expr::Name(n) => {
                let name = n.id.as_str();
                let fun = self.fun.as_ref();
                fun.is_some_and(|f| {
                    f.assigned.contains(name) || f.arm_params.iter().any(|p| p.0 == name)
                }) || self.global(name).is_some()
            }
            ast::Expr::Attribute(a) => {
                self.may_be_object(&a.value) || self.class_named(&a.value).is_some()
            }
            // An item or a choice may be an object whatever it is taken
            // from (checking it is checking the expression).
            ast::Expr::Subscript(_) | ast::Expr::IfExp(_) | ast::Expr::BoolOp(_) => true,
            ast::Expr::Call(c) => match &*c.func {
                // A call of a function, class or builtin: checking it twice
                // is only work.
                ast::Expr::Name(_) => true,
                ast::Expr::Attribute(a) => {
                    self.may_be_object(&a.value) || self.class_named(&a.value).is_some()
                }
                _ => false,
            },
            _ => false,
        }
    }

    /// Whether `sorted`, `min` and `max` can order instances of `t`.
    pub(crate) fn class_orderable(&self, t: Ty) -> bool {
        // Sorting compares with `<`, which tries a subclass's `__gt__`
        // first: the `PyOrd` impl only calls `__lt__`.
        let gt = |d: DefId| {
            let root = ir::class_hierarchy(&self.defs, d).unwrap_or(d);
            ir::class_subtree(&self.defs, root)
                .iter()
                .any(|k| self.class_def(*k).method("__gt__").is_some())
        };
        self.class_of(t)
            .is_some_and(|d| self.target(d, "__lt__").is_some() && !gt(d))
    }
}

/// `dataclasses` names as the checker records them (in `kybra_names`).
pub(crate) const DATACLASS: &str = "dataclasses.dataclass";
pub(crate) const FIELD: &str = "dataclasses.field";

/// The attributes `__init__` assigns (`first.x = ...`), in source order.
fn init_fields(body: &[ast::Stmt], first: &str, out: &mut Vec<String>) {
    let target = |t: &ast::Expr, out: &mut Vec<String>| {
        if let ast::Expr::Attribute(a) = t {
            if matches!(&*a.value, ast::Expr::Name(n) if n.id.as_str() == first)
                && !out.iter().any(|f| f == a.attr.as_str())
            {
                out.push(a.attr.to_string());
            }
        }
    };
    for s in body {
        match s {
            ast::Stmt::Assign(a) => a.targets.iter().for_each(|t| target(t, out)),
            ast::Stmt::AnnAssign(a) => target(&a.target, out),
            ast::Stmt::AugAssign(a) => target(&a.target, out),
            ast::Stmt::FunctionDef(_) | ast::Stmt::ClassDef(_) => {}
            other => {
                for b in crate::load::nested_bodies(other) {
                    init_fields(b, first, out);
                }
            }
        }
    }
}

/// The `self.x = x` statements of an `__init__` body whose attribute can
/// be the parameter itself: at the top level, the attribute's only store,
/// the parameter never reassigned.
fn init_aliases(body: &[ast::Stmt], first: &str, params: &[&str]) -> Vec<(String, String)> {
    let mut stores: HashMap<String, usize> = HashMap::new();
    count_stores(body, first, &mut stores);
    let mut out = Vec::new();
    for s in body {
        let ast::Stmt::Assign(a) = s else { continue };
        let ([ast::Expr::Attribute(t)], ast::Expr::Name(v)) = (a.targets.as_slice(), &*a.value)
        else {
            continue;
        };
        let is_self = matches!(&*t.value, ast::Expr::Name(n) if n.id.as_str() == first);
        let attr = format!("{first}.{}", t.attr);
        let param = v.id.as_str();
        if is_self
            && params.contains(&param)
            && stores.get(&attr) == Some(&1)
            && !stores.contains_key(param)
        {
            out.push((t.attr.to_string(), param.to_string()));
        }
    }
    out
}

/// How many statements store to each name and `first.attr`, at any depth.
fn count_stores(body: &[ast::Stmt], first: &str, out: &mut HashMap<String, usize>) {
    fn target(t: &ast::Expr, first: &str, out: &mut HashMap<String, usize>) {
        match t {
            ast::Expr::Name(n) => *out.entry(n.id.to_string()).or_default() += 1,
            ast::Expr::Attribute(a) => {
                if matches!(&*a.value, ast::Expr::Name(n) if n.id.as_str() == first) {
                    *out.entry(format!("{first}.{}", a.attr)).or_default() += 1;
                }
            }
            ast::Expr::Tuple(t) => t.elts.iter().for_each(|e| target(e, first, out)),
            ast::Expr::List(l) => l.elts.iter().for_each(|e| target(e, first, out)),
            ast::Expr::Starred(s) => target(&s.value, first, out),
            _ => {}
        }
    }
    for s in body {
        match s {
            ast::Stmt::Assign(a) => a.targets.iter().for_each(|t| target(t, first, out)),
            ast::Stmt::AnnAssign(a) => target(&a.target, first, out),
            ast::Stmt::AugAssign(a) => target(&a.target, first, out),
            ast::Stmt::For(f) => {
                target(&f.target, first, out);
                count_stores(&f.body, first, out);
                count_stores(&f.orelse, first, out);
            }
            // `global x` / `del x` / imports change what a name means.
            ast::Stmt::Global(g) => g
                .names
                .iter()
                .for_each(|n| *out.entry(n.to_string()).or_default() += 2),
            ast::Stmt::Delete(d) => d.targets.iter().for_each(|t| target(t, first, out)),
            ast::Stmt::FunctionDef(_) | ast::Stmt::ClassDef(_) => {}
            other => {
                for b in crate::load::nested_bodies(other) {
                    count_stores(b, first, out);
                }
            }
        }
    }
}

/// `super()`.
fn is_super_call(e: &ast::Expr) -> bool {
    matches!(e, ast::Expr::Call(c) if c.args.is_empty() && c.keywords.is_empty()
        && matches!(&*c.func, ast::Expr::Name(n) if n.id.as_str() == "super"))
}

/// Whether the right operand's class derives from the left one's.
enum Derives {
    Never,
    Always,
    /// Decided at run time by this test.
    Sometimes(Expr),
}

/// Whether a statement uses `first` (`self`) other than as `self.x` of an
/// attribute `x` (`fields`).
struct UsesObject<'a> {
    first: &'a str,
    fields: &'a [String],
    found: bool,
}

impl ast::Visitor for UsesObject<'_> {
    fn visit_expr_attribute(&mut self, node: ast::ExprAttribute) {
        let attribute = matches!(&*node.value, ast::Expr::Name(n) if n.id.as_str() == self.first)
            && self.fields.iter().any(|f| f == node.attr.as_str());
        if !attribute {
            self.generic_visit_expr_attribute(node);
        }
    }

    fn visit_expr_name(&mut self, node: ast::ExprName) {
        if node.id.as_str() == self.first {
            self.found = true;
        }
    }
}

/// The attributes of a new exception class before its `__init__` is
/// read: its base's, or just `args`.
fn exception_args(exception: bool, defs: &[ir::TypeDef], base: Option<DefId>) -> Vec<ClassField> {
    if !exception {
        return Vec::new();
    }
    match base.and_then(|b| ir::class_def(defs, b)) {
        Some(b) => b.fields.clone(),
        None => vec![ClassField {
            name: "args".into(),
            ty: Ty::EXC_ARGS,
        }],
    }
}

/// What `class_def` answers for a definition that is not a class.
static NO_CLASS: ClassDef = ClassDef {
    module: String::new(),
    fields: Vec::new(),
    methods: Vec::new(),
    attrs: Vec::new(),
    dataclass: false,
    base: None,
    exception: None,
};
