//! Resolving Python type annotations to Candid types, and the module's
//! named Candid types (`class X(Record)`, `class X(Variant)`, `TypedDict`s
//! and aliases such as `X = Tuple[str, nat64]`).

use super::Checker;
use crate::diagnostics::Diagnostic;
use crate::model::exceptions::ExcClass;
use crate::model::ir::{DefKind, Field, TypeDef};
use crate::model::ty::FuncMode;
use crate::model::{CandidKind, CandidTy, DefId, Fixed};
use rustpython_parser::ast::{self, Ranged};
use rustpython_parser::Parse;

/// What a module-level statement declares, if it is a type definition.
pub(crate) enum TypeDecl<'a> {
    Record(&'a ast::StmtClassDef),
    Variant(&'a ast::StmtClassDef),
    Service(&'a ast::StmtClassDef),
    Alias(&'a ast::Expr),
    /// `class E(Base)` of an exception class `Base`.
    Exception(&'a ast::StmtClassDef),
}

impl Checker<'_> {
    /// The Kybra (or builtin) name an identifier refers to in annotations.
    fn type_name<'a>(&'a self, id: &'a str) -> Option<&'a str> {
        if let Some(orig) = self.kybra_names.get(id) {
            return Some(orig.as_str());
        }
        match id {
            "str" | "int" | "float" | "bool" | "bytes" | "list" | "tuple" | "dict" | "set"
            | "frozenset" => Some(id),
            _ if self.typing_names.contains_key(id) => {
                self.typing_names.get(id).map(String::as_str)
            }
            _ => None,
        }
    }

    /// Whether `stmt` defines a named Candid type, and which kind.
    pub(crate) fn type_decl<'a>(&self, stmt: &'a ast::Stmt) -> Option<(String, TypeDecl<'a>)> {
        match stmt {
            ast::Stmt::ClassDef(c) => {
                let base = c.bases.first()?;
                let name = c.name.to_string();
                if self.is_kybra(base, "Record") || self.is_typing(base, "TypedDict") {
                    Some((name, TypeDecl::Record(c)))
                } else if self.is_kybra(base, "Variant") {
                    Some((name, TypeDecl::Variant(c)))
                } else if self.is_kybra(base, "Service") {
                    Some((name, TypeDecl::Service(c)))
                } else if self.plain_exception(c) {
                    Some((name, TypeDecl::Exception(c)))
                } else {
                    None
                }
            }
            ast::Stmt::Assign(a) => match (a.targets.as_slice(), &*a.value) {
                ([ast::Expr::Name(n)], v @ ast::Expr::Subscript(s))
                    if self.is_type_constructor(&s.value) =>
                {
                    Some((n.id.to_string(), TypeDecl::Alias(v)))
                }
                ([ast::Expr::Name(n)], v @ ast::Expr::Call(c))
                    if self.is_kybra(&c.func, "Func") || self.is_typing(&c.func, "TypeVar") =>
                {
                    Some((n.id.to_string(), TypeDecl::Alias(v)))
                }
                _ => None,
            },
            ast::Stmt::AnnAssign(a) => match (&*a.target, &a.value) {
                (ast::Expr::Name(n), Some(v)) if self.is_typing(&a.annotation, "TypeAlias") => {
                    Some((n.id.to_string(), TypeDecl::Alias(v)))
                }
                _ => None,
            },
            _ => None,
        }
    }

    fn is_type_constructor(&self, e: &ast::Expr) -> bool {
        ["Opt", "Vec", "Tuple", "Alias"]
            .iter()
            .any(|k| self.is_kybra(e, k))
            || [
                "Dict",
                "List",
                "Optional",
                "Callable",
                "Set",
                "FrozenSet",
                "Tuple",
            ]
            .iter()
            .any(|k| self.is_typing(e, k))
            || matches!(e, ast::Expr::Name(n) if matches!(n.id.as_str(), "dict" | "list" | "tuple" | "set" | "frozenset"))
    }

    /// Registers every named Candid type of the module, so annotations (in
    /// any module) may refer to them before their definition; their bodies
    /// are resolved by [`Checker::resolve_type_defs`].
    pub(crate) fn register_type_defs<'a>(
        &mut self,
        body: &'a [ast::Stmt],
    ) -> Vec<(DefId, TypeDecl<'a>)> {
        let mut decls = Vec::new();
        for stmt in body {
            if let Some((name, decl)) = self.type_decl(stmt) {
                if self.def_ids.contains_key(&name) {
                    let d = self
                        .error(stmt.range(), format!("type `{name}` is defined twice"))
                        .with_help("rename one of the definitions");
                    self.report(d);
                    continue;
                }
                let id = DefId(self.defs.len() as u32);
                // An exception class is complete here, so the classes
                // after it may derive from it.
                let kind = match &decl {
                    TypeDecl::Exception(c) => match self.exception_body(c) {
                        Ok(()) => DefKind::Exception(
                            self.exception_base(c).unwrap_or(ExcClass::EXCEPTION),
                        ),
                        Err(d) => {
                            self.report(d);
                            DefKind::Exception(ExcClass::EXCEPTION)
                        }
                    },
                    _ => DefKind::Alias(CandidTy::NULL),
                };
                self.def_ids.insert(name.clone(), id);
                self.types.set_def_name(id, &name);
                self.defs.push(TypeDef {
                    name,
                    span: self.span(stmt.range()),
                    kind,
                });
                decls.push((id, decl));
            }
        }
        decls
    }

    /// Resolves the bodies of the types [`Checker::register_type_defs`]
    /// registered.
    pub(crate) fn resolve_type_defs(&mut self, decls: &[(DefId, TypeDecl<'_>)]) {
        for (id, decl) in decls {
            let kind = match decl {
                TypeDecl::Record(c) => self.fields(c, false).map(DefKind::Record),
                TypeDecl::Variant(c) => self.fields(c, true).map(DefKind::Variant),
                TypeDecl::Service(c) => self.service_methods(c).map(DefKind::Service),
                TypeDecl::Exception(_) => continue,
                TypeDecl::Alias(v) => {
                    let target = match v {
                        ast::Expr::Subscript(s) if self.is_kybra(&s.value, "Alias") => {
                            self.resolve_type(&s.slice)
                        }
                        // `T = TypeVar("T")`: a type variable of generic functions.
                        ast::Expr::Call(c) if self.is_typing(&c.func, "TypeVar") => {
                            let v = self.types.new_var();
                            Ok(self.types.intern_candid(CandidKind::Var(v)))
                        }
                        ast::Expr::Call(c) => self.resolve_func(c),
                        other => self.resolve_type(other),
                    };
                    target.map(|t| {
                        self.types.set_alias(*id, t);
                        DefKind::Alias(t)
                    })
                }
            };
            match kind {
                Ok(k) => self.defs[id.0 as usize].kind = k,
                Err(d) => self.report(d),
            }
        }
        // An alias that refers to itself has no finite Python type, unless
        // the cycle passes through a tuple: such an alias (Kybra's
        // `List = Tuple[str, Opt["List"]]`) is a nominal type of its own,
        // its Python values tuples, its Rust type a tuple struct.
        let tuple_alias = |this: &Self, d: DefId| match this.defs[d.0 as usize].kind {
            DefKind::Alias(t) => {
                matches!(this.types.candid_kind(t), CandidKind::Tuple(items) if items.len() >= 2)
            }
            _ => false,
        };
        for (id, decl) in decls {
            if let TypeDecl::Alias(v) = decl {
                if !self.alias_cycle(*id, *id, 0, &tuple_alias) {
                    continue;
                }
                if tuple_alias(self, *id) {
                    self.types.remove_alias(*id);
                    continue;
                }
                let name = self.defs[id.0 as usize].name.clone();
                let d = self
                    .error(v.range(), format!("the alias `{name}` refers to itself"))
                    .with_help("a recursive type must be a Record, a Variant or a Tuple");
                self.report(d);
                self.types.set_alias(*id, CandidTy::NULL);
            }
        }
    }

    /// Whether alias `at` leads back to `start` through aliases that are not
    /// `stop` (recursive tuple aliases, which are nominal).
    fn alias_cycle(
        &self,
        start: DefId,
        at: DefId,
        depth: usize,
        stop: &dyn Fn(&Self, DefId) -> bool,
    ) -> bool {
        let DefKind::Alias(t) = self.defs[at.0 as usize].kind else {
            return false;
        };
        depth < 64
            && self.named_in(t).iter().any(|d| {
                *d == start
                    || ((stop(self, start) || !stop(self, *d))
                        && self.alias_cycle(start, *d, depth + 1, stop))
            })
    }

    /// The definitions `t` refers to directly (not through other names).
    fn named_in(&self, t: CandidTy) -> Vec<DefId> {
        match self.types.candid_kind(t) {
            CandidKind::Named(d) => vec![*d],
            CandidKind::Opt(x) | CandidKind::Vec(x) => self.named_in(*x),
            CandidKind::Tuple(xs) => xs.iter().flat_map(|x| self.named_in(*x)).collect(),
            _ => Vec::new(),
        }
    }

    /// The fields of a Record or the tags of a Variant class.
    fn fields(&mut self, c: &ast::StmtClassDef, variant: bool) -> Result<Vec<Field>, Diagnostic> {
        for k in &c.keywords {
            let ok = k.arg.as_ref().is_some_and(|a| a.as_str() == "total");
            if !ok {
                return Err(self
                    .error(k.range(), "unsupported class keyword")
                    .with_help("only `total=False` is allowed here"));
            }
        }
        let mut fields: Vec<Field> = Vec::new();
        for stmt in &c.body {
            match stmt {
                ast::Stmt::AnnAssign(a) if a.value.is_none() => {
                    let ast::Expr::Name(n) = &*a.target else {
                        return Err(self.error(a.target.range(), "a field must be a plain name"));
                    };
                    let name = n.id.to_string();
                    if fields.iter().any(|f| f.name == name) {
                        return Err(self
                            .error(
                                a.target.range(),
                                format!("field `{name}` is declared twice"),
                            )
                            .with_help("remove one of the declarations"));
                    }
                    let ty = self.resolve_type(&a.annotation)?;
                    fields.push(Field { name, ty });
                }
                ast::Stmt::Pass(_) => {}
                ast::Stmt::Expr(e) if super::is_str_constant(&e.value) => {}
                other => {
                    let what = if variant { "tags" } else { "fields" };
                    return Err(self
                        .error(
                            other.range(),
                            format!(
                                "a {} may only declare {what}",
                                if variant { "Variant" } else { "Record" }
                            ),
                        )
                        .with_help("write one `name: Type` per line"));
                }
            }
        }
        if variant && fields.is_empty() {
            return Err(self
                .error(c.range, "a Variant needs at least one tag")
                .with_help("declare tags as `Name: Type` (or `Name: null`)"));
        }
        Ok(fields)
    }

    /// Resolves an annotation of a parameter, global or local.
    pub(crate) fn resolve_type(&mut self, ann: &ast::Expr) -> Result<CandidTy, Diagnostic> {
        match self.resolve_ret(ann)? {
            Some(t) => Ok(t),
            None => Err(self
                .error(ann.range(), "`void` is only allowed as a return type")
                .with_help("use `None` (Candid `null`) for a value that is always None")),
        }
    }

    /// Resolves a return annotation; `None` is `void` (no results).
    pub(crate) fn resolve_ret(&mut self, ann: &ast::Expr) -> Result<Option<CandidTy>, Diagnostic> {
        let name = match ann {
            ast::Expr::Name(n) => n.id.as_str().to_string(),
            ast::Expr::Constant(c) => match &c.value {
                ast::Constant::None => return Ok(Some(CandidTy::NULL)),
                // A forward reference: `"User"`, `"Vec[User]"`.
                ast::Constant::Str(s) => {
                    let parsed = ast::Expr::parse(s.trim(), "<annotation>")
                        .map_err(|_| self.unsupported_type(ann))?;
                    return self.resolve_ret(&parsed).map_err(|d| Diagnostic {
                        span: self.span(ann.range()),
                        ..d
                    });
                }
                _ => return Err(self.unsupported_type(ann)),
            },
            ast::Expr::Attribute(a) => {
                if matches!(&*a.value, ast::Expr::Name(n) if self.kybra_modules.contains(n.id.as_str()))
                {
                    return self.resolve_kybra_type(a.attr.as_str(), ann);
                }
                if let Some(def) = self.module_type(a) {
                    return Ok(Some(self.types.intern_candid(CandidKind::Named(def?))));
                }
                return Err(self.unsupported_type(ann));
            }
            ast::Expr::Subscript(s) => return self.resolve_generic(s, ann).map(Some),
            // `T = TypeVar("T")`: a type variable of generic functions.
            ast::Expr::Call(c) if self.is_typing(&c.func, "TypeVar") => {
                let v = self.types.new_var();
                return Ok(Some(self.types.intern_candid(CandidKind::Var(v))));
            }
            ast::Expr::Call(c) if self.is_kybra(&c.func, "Func") => {
                return Err(self
                    .error(ann.range(), "a `Func` type must be declared as an alias")
                    .with_help("e.g. `MyFunc = Func(Query[[str], nat64])` at module level, then annotate with `MyFunc`"))
            }
            _ => return Err(self.unsupported_type(ann)),
        };
        if let Some(id) = self.def_ids.get(&name) {
            return Ok(Some(self.types.intern_candid(CandidKind::Named(*id))));
        }
        match self.type_name(&name) {
            Some(kybra) => {
                let kybra = kybra.to_string();
                self.resolve_kybra_type(&kybra, ann)
            }
            None => Err(self.unsupported_type(ann)),
        }
    }

    /// `Opt[T]`, `Vec[T]` (`list[T]`), `Tuple[A, B, ...]` (`tuple[...]`).
    fn resolve_generic(
        &mut self,
        s: &ast::ExprSubscript,
        ann: &ast::Expr,
    ) -> Result<CandidTy, Diagnostic> {
        let ctor = match &*s.value {
            ast::Expr::Name(n) => self.type_name(n.id.as_str()).map(str::to_string),
            e if self.is_type_constructor(e) => match e {
                ast::Expr::Attribute(a) => Some(a.attr.to_string()),
                _ => None,
            },
            _ => None,
        };
        let args: Vec<&ast::Expr> = match &*s.slice {
            ast::Expr::Tuple(t) => t.elts.iter().collect(),
            other => vec![other],
        };
        let one = |this: &mut Self| -> Result<CandidTy, Diagnostic> {
            match args.as_slice() {
                [a] => this.resolve_type(a),
                _ => Err(this
                    .error(s.slice.range(), "expected one type argument")
                    .with_help("e.g. `Vec[str]`")),
            }
        };
        let kind = match ctor.as_deref() {
            Some("Opt" | "Optional") => CandidKind::Opt(one(self)?),
            Some("Vec" | "list" | "List") => CandidKind::Vec(one(self)?),
            Some("dict" | "Dict") => match args.as_slice() {
                [k, v] => {
                    let k = self.resolve_type(k)?;
                    let v = self.resolve_type(v)?;
                    CandidKind::Dict(k, v)
                }
                _ => {
                    return Err(self
                        .error(s.slice.range(), "expected two type arguments")
                        .with_help("e.g. `dict[str, User]`"))
                }
            },
            Some(name @ ("set" | "Set" | "frozenset" | "FrozenSet")) => {
                let t = one(self)?;
                let frozen = name.eq_ignore_ascii_case("frozenset");
                let item = self.types.member_ty(t);
                self.check_set_item(item, s.slice.range())?;
                CandidKind::Set(t, frozen)
            }
            Some("Tuple" | "tuple") => {
                let mut items = Vec::new();
                for a in &args {
                    items.push(self.resolve_type(a)?);
                }
                CandidKind::Tuple(items)
            }
            Some("Alias") => return one(self),
            // `Iterator[T]`, `Generator[T, None, None]`: a generator object.
            Some("Iterator") => CandidKind::Generator(one(self)?),
            Some("Generator") => match args.as_slice() {
                [t, ..] if args.len() <= 3 => CandidKind::Generator(self.resolve_type(t)?),
                _ => {
                    return Err(self
                        .error(s.slice.range(), "expected `Generator[T, None, None]`")
                        .with_help("`T` is the type of the items it yields"))
                }
            },
            // `Callable[[A, B], R]` (typing or collections.abc).
            Some("Callable") => match args.as_slice() {
                [ast::Expr::List(ps), r] => {
                    let mut params = Vec::new();
                    for p in &ps.elts {
                        params.push(self.resolve_type(p)?);
                    }
                    let ret = self.resolve_ret(r)?;
                    CandidKind::Callable(params, ret)
                }
                _ => {
                    return Err(self
                        .error(
                            s.slice.range(),
                            "expected a parameter list and a result type",
                        )
                        .with_help("e.g. `Callable[[int, str], bool]`"))
                }
            },
            _ => return Err(self.unsupported_type(ann)),
        };
        Ok(self.types.intern_candid(kind))
    }

    fn resolve_kybra_type(
        &self,
        name: &str,
        ann: &ast::Expr,
    ) -> Result<Option<CandidTy>, Diagnostic> {
        let t = match name {
            "str" | "text" => CandidTy::TEXT,
            "bool" => CandidTy::BOOL,
            "int" => CandidTy::INT,
            "nat" => CandidTy::NAT,
            "float" | "float64" => CandidTy::FLOAT64,
            "float32" => CandidTy::FLOAT32,
            "bytes" | "blob" => CandidTy::BLOB,
            "null" => CandidTy::NULL,
            "Principal" => CandidTy::PRINCIPAL,
            "reserved" => CandidTy::RESERVED,
            "empty" => CandidTy::EMPTY,
            "void" => return Ok(None),
            other => match Fixed::ALL.iter().find(|k| k.candid_name() == other) {
                Some(k) => CandidTy::fixed(*k),
                None => return Err(self.unsupported_type(ann)),
            },
        };
        Ok(Some(t))
    }

    /// `Func(Query[[A, B], R])` (also `Update`, `Oneway`; `void` for no
    /// result): a Candid `func` type.
    fn resolve_func(&mut self, c: &ast::ExprCall) -> Result<CandidTy, Diagnostic> {
        let help = "e.g. `Func(Query[[str, nat64], bool])`, `Func(Update[[], void])` or `Func(Oneway[[str], void])`";
        let sig = match (c.args.as_slice(), c.keywords.is_empty()) {
            ([ast::Expr::Subscript(s)], true) => s,
            _ => {
                return Err(self
                    .error(
                        c.range,
                        "`Func` takes one `Query[...]`, `Update[...]` or `Oneway[...]`",
                    )
                    .with_help(help))
            }
        };
        let mode = if self.is_kybra(&sig.value, "Query") {
            FuncMode::Query
        } else if self.is_kybra(&sig.value, "Update") {
            FuncMode::Update
        } else if self.is_kybra(&sig.value, "Oneway") {
            FuncMode::Oneway
        } else {
            return Err(self
                .error(
                    sig.value.range(),
                    "expected `Query`, `Update` or `Oneway` (imported from kybra)",
                )
                .with_help(help));
        };
        let (args, ret) = match &*sig.slice {
            ast::Expr::Tuple(t) => match t.elts.as_slice() {
                [ast::Expr::List(args), ret] => (args, ret),
                _ => {
                    return Err(self
                        .error(
                            sig.slice.range(),
                            "expected `[parameter types], result type`",
                        )
                        .with_help(help))
                }
            },
            _ => {
                return Err(self
                    .error(
                        sig.slice.range(),
                        "expected `[parameter types], result type`",
                    )
                    .with_help(help))
            }
        };
        let args = args
            .elts
            .iter()
            .map(|a| self.resolve_type(a))
            .collect::<Result<Vec<_>, _>>()?;
        let rets: Vec<CandidTy> = self.resolve_ret(ret)?.into_iter().collect();
        if mode == FuncMode::Oneway && !rets.is_empty() {
            return Err(self
                .error(ret.range(), "a `Oneway` func returns nothing")
                .with_help("write `void` as its result type"));
        }
        Ok(self
            .types
            .intern_candid(CandidKind::Func { mode, args, rets }))
    }

    /// The methods of `class S(Service)`: `@service_query` and
    /// `@service_update` declarations whose bodies are `...`.
    fn service_methods(&mut self, c: &ast::StmtClassDef) -> Result<Vec<Field>, Diagnostic> {
        if let Some(k) = c.keywords.first() {
            return Err(self
                .error(k.range(), "unsupported class keyword")
                .with_help("a Service class takes no keywords"));
        }
        let mut methods: Vec<Field> = Vec::new();
        for stmt in &c.body {
            let f = match stmt {
                ast::Stmt::FunctionDef(f) => f,
                ast::Stmt::Pass(_) => continue,
                ast::Stmt::Expr(e) if super::is_str_constant(&e.value) => continue,
                other => {
                    return Err(self
                        .error(other.range(), "a Service may only declare methods")
                        .with_help("declare each method with `@service_query` or `@service_update` and `...` as its body"))
                }
            };
            let mode = match f.decorator_list.as_slice() {
                [d] if self.is_kybra(d, "service_query") => FuncMode::Query,
                [d] if self.is_kybra(d, "service_update") => FuncMode::Update,
                _ => {
                    return Err(self
                        .error(f.range, format!("method `{}` needs one decorator: `@service_query` or `@service_update`", f.name))
                        .with_help("import them from kybra"))
                }
            };
            let name = f.name.to_string();
            if methods.iter().any(|m| m.name == name) {
                return Err(self
                    .error(f.range, format!("method `{name}` is declared twice"))
                    .with_help("remove one of the declarations"));
            }
            let body_ok = f.body.iter().all(|s| match s {
                ast::Stmt::Expr(e) => matches!(&*e.value, ast::Expr::Constant(k)
                    if matches!(k.value, ast::Constant::Ellipsis | ast::Constant::Str(_))),
                ast::Stmt::Pass(_) => true,
                _ => false,
            });
            if !body_ok {
                return Err(self
                    .error(
                        f.range,
                        "a Service method is a declaration: its body must be `...`",
                    )
                    .with_help("the method runs in the other canister; write `...` as its body"));
            }
            let a = &f.args;
            let plain = a.posonlyargs.is_empty()
                && a.vararg.is_none()
                && a.kwonlyargs.is_empty()
                && a.kwarg.is_none()
                && a.args.iter().all(|p| p.default.is_none());
            let first_is_self = a.args.first().is_some_and(|p| p.def.arg.as_str() == "self");
            if !plain || !first_is_self {
                return Err(self
                    .error(
                        f.range,
                        format!(
                            "method `{name}` must take `self`, then plain annotated parameters"
                        ),
                    )
                    .with_help(format!("e.g. `def {name}(self, x: str) -> bool: ...`")));
            }
            let mut args = Vec::new();
            for p in &a.args[1..] {
                let Some(ann) = &p.def.annotation else {
                    return Err(self
                        .error(
                            p.def.range,
                            format!("parameter `{}` needs a type annotation", p.def.arg),
                        )
                        .with_help("the Candid type of the method comes from it"));
                };
                args.push(self.resolve_type(ann)?);
            }
            let Some(ret) = &f.returns else {
                return Err(self
                    .error(
                        f.range,
                        format!("method `{name}` needs a return type annotation"),
                    )
                    .with_help("add `-> void` if it returns nothing"));
            };
            let rets: Vec<CandidTy> = self.resolve_ret(ret)?.into_iter().collect();
            let ty = self
                .types
                .intern_candid(CandidKind::Func { mode, args, rets });
            methods.push(Field { name, ty });
        }
        Ok(methods)
    }

    fn unsupported_type(&self, ann: &ast::Expr) -> Diagnostic {
        self.error(ann.range(), "unsupported type annotation")
            .with_help(
                "supported here: str/text, bool, int, nat, nat8..nat64, int8..int64, \
             float/float64, float32, bytes/blob, None/null, void, Principal, \
             reserved, empty, Opt[T], Vec[T], Tuple[...], and Record, Variant, \
             Service, Func and alias names (imported from kybra)",
            )
    }
}
