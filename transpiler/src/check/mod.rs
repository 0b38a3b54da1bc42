//! Name resolution and type checking: Python AST -> typed IR.
//!
//! The checker reads the module in two steps: module-level resolution
//! (imports from `kybra`, annotated globals, every function's signature, in
//! this file), then each function body ([`stmt`] for statements, [`expr`]
//! for expressions, [`types`] for annotations). Each expression gets a
//! Python value type; implicit conversions become explicit IR nodes.
//! Anything outside the supported language is a diagnostic at its span.
//! The IR-to-IR passes (`crate::passes`) run after the checker, never from
//! inside it.

mod containers;
mod expr;
mod matching;
mod narrow;
mod refs;
mod scope;
mod stmt;
mod types;

use crate::diagnostics::Diagnostic;
use crate::load::Module;
use crate::model::ir::{self, Export, Expr, ExprKind, FuncId, GlobalId, Program};
use crate::model::{CandidTy, DefId, Mode, Ty, Types};
use crate::source::{SourceMap, Span};
use rustpython_parser::ast::{self, Ranged};
use rustpython_parser::text_size::TextRange;
use scope::FunCtx;
use std::collections::{HashMap, HashSet};

/// Checks a parsed module and produces the typed program, or the
/// diagnostics sorted by position.
pub fn check(module: &Module, sources: &SourceMap) -> Result<Program, Vec<Diagnostic>> {
    let mut checker = Checker {
        module,
        types: Types::new(),
        kybra_names: HashMap::new(),
        kybra_modules: HashSet::new(),
        typing_names: HashMap::new(),
        defs: Vec::new(),
        def_ids: HashMap::new(),
        globals: Vec::new(),
        global_ids: HashMap::new(),
        sigs: Vec::new(),
        func_ids: HashMap::new(),
        diags: Vec::new(),
        fun: None,
    };
    let (globals, functions, exports) = checker.check_module();
    if checker.diags.is_empty() {
        Ok(Program {
            sources: sources.clone(),
            file: module.path.clone(),
            types: checker.types,
            defs: checker.defs,
            globals,
            functions,
            exports,
            shared: Default::default(),
        })
    } else {
        let mut diags = checker.diags;
        diags.sort_by_key(|d| (d.span.file, d.span.start));
        Err(diags)
    }
}

/// Names the Kybra module exports that this compiler understands.
const KYBRA_NAMES: &[&str] = &[
    "query",
    "update",
    "ic",
    "void",
    "null",
    "text",
    "blob",
    "nat",
    "nat8",
    "nat16",
    "nat32",
    "nat64",
    "int8",
    "int16",
    "int32",
    "int64",
    "float32",
    "float64",
    "Principal",
    "Record",
    "Variant",
    "Opt",
    "Vec",
    "Tuple",
    "Alias",
    "reserved",
    "empty",
    "Func",
    "Query",
    "Update",
    "Oneway",
    "Service",
    "service_query",
    "service_update",
    "match",
];

/// Names of `typing` this compiler understands.
const TYPING_NAMES: &[&str] = &["TypedDict", "TypeAlias", "Dict", "List", "Optional"];

/// A module-level function's signature as the checker sees it.
#[derive(Debug, Clone)]
pub(crate) struct Sig {
    pub name: String,
    pub span: Span,
    /// Parameter names and Python types.
    pub params: Vec<(String, Ty)>,
    /// The Python result type (`None` for `void`).
    pub ret: Ty,
    pub export: Option<(Mode, Vec<CandidTy>, Option<CandidTy>)>,
}

pub(crate) struct Checker<'m> {
    module: &'m Module,
    pub(crate) types: Types,
    /// Local alias -> name in `kybra` (`from kybra import nat64 as n64`).
    pub(crate) kybra_names: HashMap<String, String>,
    /// Names bound to the `kybra` module itself (`import kybra`).
    pub(crate) kybra_modules: HashSet<String>,
    /// Local alias -> name in `typing`.
    typing_names: HashMap<String, String>,
    /// Named Candid types, indexed by [`DefId`].
    pub(crate) defs: Vec<ir::TypeDef>,
    pub(crate) def_ids: HashMap<String, DefId>,
    globals: Vec<ir::Global>,
    global_ids: HashMap<String, GlobalId>,
    /// Indexed by [`FuncId`].
    sigs: Vec<Sig>,
    func_ids: HashMap<String, FuncId>,
    diags: Vec<Diagnostic>,
    fun: Option<FunCtx>,
}

impl<'m> Checker<'m> {
    pub(crate) fn span(&self, range: TextRange) -> Span {
        Span::new(
            self.module.file,
            usize::from(range.start())..usize::from(range.end()),
        )
    }

    pub(crate) fn error(&self, range: TextRange, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(self.span(range), message)
    }

    fn report(&mut self, d: Diagnostic) {
        if d.is_follow_up() {
            return;
        }
        self.diags.push(d);
    }

    pub(crate) fn global(&self, name: &str) -> Option<(GlobalId, Ty)> {
        let id = *self.global_ids.get(name)?;
        Some((id, self.globals[id.0 as usize].ty))
    }

    pub(crate) fn function_id(&self, name: &str) -> Option<FuncId> {
        self.func_ids.get(name).copied()
    }

    pub(crate) fn sig(&self, id: FuncId) -> &Sig {
        &self.sigs[id.0 as usize]
    }

    fn check_module(&mut self) -> (Vec<ir::Global>, Vec<ir::Function>, Vec<Export>) {
        let body = &self.module.body;
        // Pass 0: imports, then the named Candid types, so annotations may
        // use them anywhere.
        for stmt in body {
            match stmt {
                ast::Stmt::ImportFrom(imp) => self.import_from(imp),
                ast::Stmt::Import(imp) => self.import(imp),
                _ => {}
            }
        }
        self.type_defs(body);
        // Every field's Python type exists in the table, so later stages can
        // look it up (`Types::find_member_ty`) without interning.
        let member_tys: Vec<CandidTy> = self
            .defs
            .iter()
            .flat_map(|d| match &d.kind {
                ir::DefKind::Record(f) | ir::DefKind::Variant(f) => {
                    f.iter().map(|f| f.ty).collect::<Vec<_>>()
                }
                ir::DefKind::Alias(t) => vec![*t],
                _ => Vec::new(),
            })
            .collect();
        for t in member_tys {
            self.types.member_ty(t);
        }
        // Pass 1: globals and signatures, so functions may refer to each
        // other regardless of order.
        let mut defs = Vec::new();
        for stmt in body {
            if self.type_decl(stmt).is_some() {
                continue;
            }
            match stmt {
                ast::Stmt::ImportFrom(_) | ast::Stmt::Import(_) => {}
                ast::Stmt::FunctionDef(f) => match self.signature(f) {
                    Ok(sig) => {
                        if self.func_ids.contains_key(&sig.name) {
                            let d = self
                                .error(f.range, format!("function `{}` is defined twice", sig.name))
                                .with_help("rename one of the definitions");
                            self.report(d);
                            continue;
                        }
                        let id = FuncId(self.sigs.len() as u32);
                        self.func_ids.insert(sig.name.clone(), id);
                        self.sigs.push(sig);
                        defs.push((id, f));
                    }
                    Err(d) => self.report(d),
                },
                ast::Stmt::AnnAssign(a) => self.global_ann(a),
                ast::Stmt::Assign(a) => self.global_assign(a),
                ast::Stmt::Expr(e) if is_str_constant(&e.value) => {}
                ast::Stmt::Pass(_) => {}
                ast::Stmt::AsyncFunctionDef(f) => {
                    let d = self
                        .error(f.range, "`async def` is not supported")
                        .with_help("Kybra canister methods are plain `def` functions");
                    self.report(d);
                }
                other => {
                    let d = self
                        .error(other.range(), "unsupported statement at module level")
                        .with_help(
                            "a canister module may contain imports, annotated global \
                             variables and function definitions",
                        );
                    self.report(d);
                }
            }
        }
        // Pass 2: function bodies.
        let mut functions = Vec::new();
        let mut exports = Vec::new();
        for (id, f) in defs {
            let sig = self.sigs[id.0 as usize].clone();
            if let Some((mode, params, ret)) = &sig.export {
                exports.push(Export {
                    func: id,
                    name: sig.name.clone(),
                    mode: *mode,
                    params: params.clone(),
                    ret: *ret,
                });
            }
            let fun = self.function(f, &sig);
            functions.push(fun);
        }
        if exports.is_empty() && self.diags.is_empty() {
            let d = Diagnostic::new(
                Span::new(self.module.file, 0..0),
                "the canister exports no methods",
            )
            .with_help("decorate a function with `@query` or `@update`");
            self.report(d);
        }
        (std::mem::take(&mut self.globals), functions, exports)
    }

    fn import_from(&mut self, imp: &ast::StmtImportFrom) {
        let module = imp.module.as_ref().map(|m| m.as_str()).unwrap_or("");
        let relative = imp.level.is_some_and(|l| l.to_u32() > 0);
        if module == "typing" && !relative {
            for alias in &imp.names {
                let name = alias.name.as_str();
                if !TYPING_NAMES.contains(&name) {
                    let d = self
                        .error(alias.range, format!("`typing.{name}` is not supported yet"))
                        .with_help(format!("supported names: {}", TYPING_NAMES.join(", ")));
                    self.report(d);
                    continue;
                }
                let local = alias.asname.as_ref().unwrap_or(&alias.name).to_string();
                self.typing_names.insert(local, name.to_string());
            }
            return;
        }
        if module != "kybra" || relative {
            let d = self
                .error(imp.range, format!("cannot import from `{module}`"))
                .with_help("only `from kybra import ...` is supported so far");
            self.report(d);
            return;
        }
        for alias in &imp.names {
            let name = alias.name.as_str();
            if name == "*" {
                for n in KYBRA_NAMES {
                    self.kybra_names.insert(n.to_string(), n.to_string());
                }
                continue;
            }
            if !KYBRA_NAMES.contains(&name) {
                let d = self
                    .error(alias.range, format!("`kybra.{name}` is not supported yet"))
                    .with_help(format!("supported names: {}", KYBRA_NAMES.join(", ")));
                self.report(d);
                continue;
            }
            let local = alias.asname.as_ref().unwrap_or(&alias.name).to_string();
            self.kybra_names.insert(local, name.to_string());
        }
    }

    fn import(&mut self, imp: &ast::StmtImport) {
        for alias in &imp.names {
            if alias.name.as_str() == "kybra" {
                let local = alias.asname.as_ref().unwrap_or(&alias.name).to_string();
                self.kybra_modules.insert(local);
            } else {
                let d = self
                    .error(alias.range, format!("cannot import `{}`", alias.name))
                    .with_help("only the `kybra` module can be imported so far");
                self.report(d);
            }
        }
    }

    /// Whether `e` names `typing.what`.
    pub(crate) fn is_typing(&self, e: &ast::Expr, what: &str) -> bool {
        matches!(e, ast::Expr::Name(n) if self.typing_names.get(n.id.as_str()).map(String::as_str) == Some(what))
    }

    /// Whether `e` names the Kybra object `what` (`query`, `ic`, ...).
    pub(crate) fn is_kybra(&self, e: &ast::Expr, what: &str) -> bool {
        match e {
            ast::Expr::Name(n) => {
                self.kybra_names.get(n.id.as_str()).map(String::as_str) == Some(what)
            }
            ast::Expr::Attribute(a) => {
                a.attr.as_str() == what
                    && matches!(&*a.value, ast::Expr::Name(n) if self.kybra_modules.contains(n.id.as_str()))
            }
            _ => false,
        }
    }

    fn global_ann(&mut self, a: &ast::StmtAnnAssign) {
        let ast::Expr::Name(target) = &*a.target else {
            let d = self
                .error(
                    a.target.range(),
                    "unsupported assignment target at module level",
                )
                .with_help("assign to a plain name");
            return self.report(d);
        };
        let ty = match self.resolve_type(&a.annotation) {
            Ok(t) => self.types.value_ty(t),
            Err(d) => return self.report(d),
        };
        let Some(value) = &a.value else {
            let d = self
                .error(
                    a.range,
                    format!("global `{}` has no initial value", target.id),
                )
                .with_help(format!("give it one, e.g. `{}: ... = ...`", target.id));
            self.report(d);
            // Keep the name known so its uses do not cascade into more errors.
            let span = self.span(a.range);
            self.push_global(
                target.id.as_str(),
                Expr::new(ty, ExprKind::None, span),
                span,
            );
            return;
        };
        self.add_global(target.id.as_str(), Some(ty), value, a.range);
    }

    fn global_assign(&mut self, a: &ast::StmtAssign) {
        match a.targets.as_slice() {
            [ast::Expr::Name(target)] => {
                self.add_global(target.id.as_str(), None, &a.value, a.range)
            }
            _ => {
                let d = self
                    .error(a.range, "unsupported assignment at module level")
                    .with_help("assign one value to one plain name");
                self.report(d);
            }
        }
    }

    fn push_global(&mut self, name: &str, init: Expr, span: Span) {
        let id = GlobalId(self.globals.len() as u32);
        self.global_ids.insert(name.to_string(), id);
        self.globals.push(ir::Global {
            name: name.to_string(),
            ty: init.ty,
            init,
            span,
        });
    }

    fn add_global(&mut self, name: &str, ty: Option<Ty>, value: &ast::Expr, range: TextRange) {
        if self.global(name).is_some() {
            let d = self
                .error(
                    range,
                    format!("global `{name}` is assigned twice at module level"),
                )
                .with_help("assign a global once; change it inside functions");
            return self.report(d);
        }
        if let Some(d) = self.constant_ref_error(value) {
            return self.report(d);
        }
        if !is_constant_expr(value) && !self.is_constant_ref(value) {
            let d = self
                .error(
                    value.range(),
                    "a global's initial value must be a constant expression",
                )
                .with_help("use literals here and compute other values inside a function");
            return self.report(d);
        }
        let init = match ty {
            Some(t) => self.expect(value, t),
            None => self.expr(value),
        };
        let init = match init {
            Ok(e) => e,
            Err(d) => return self.report(d),
        };
        let span = self.span(range);
        self.push_global(name, init, span);
    }

    fn signature(&mut self, f: &ast::StmtFunctionDef) -> Result<Sig, Diagnostic> {
        let mut mode = None;
        for dec in &f.decorator_list {
            let m = if self.is_kybra(dec, "query") {
                Mode::Query
            } else if self.is_kybra(dec, "update") {
                Mode::Update
            } else if let ast::Expr::Call(c) = dec {
                let what = if self.is_kybra(&c.func, "query") || self.is_kybra(&c.func, "update") {
                    "decorator options (guard, manual_reply, ...) are not supported yet"
                } else {
                    "unsupported decorator"
                };
                return Err(self
                    .error(dec.range(), what)
                    .with_help("use plain `@query` or `@update`"));
            } else {
                return Err(self
                    .error(dec.range(), "unsupported decorator")
                    .with_help("use `@query` or `@update` imported from kybra"));
            };
            if mode.is_some() {
                return Err(self
                    .error(
                        dec.range(),
                        "a function can have only one of `@query` and `@update`",
                    )
                    .with_help("remove one decorator"));
            }
            mode = Some(m);
        }
        let args = &f.args;
        if !args.posonlyargs.is_empty()
            || args.vararg.is_some()
            || !args.kwonlyargs.is_empty()
            || args.kwarg.is_some()
        {
            return Err(self
                .error(f.range, "only plain positional parameters are supported")
                .with_help("remove `*args`, `**kwargs`, `/` and keyword-only parameters"));
        }
        let mut params = Vec::new();
        let mut candid_params = Vec::new();
        let mut seen = HashSet::new();
        for a in &args.args {
            if let Some(d) = &a.default {
                return Err(self
                    .error(d.range(), "default parameter values are not supported")
                    .with_help("remove the default value"));
            }
            let name = a.def.arg.to_string();
            if !seen.insert(name.clone()) {
                return Err(self.error(a.def.range, format!("duplicate parameter `{name}`")));
            }
            let Some(ann) = &a.def.annotation else {
                return Err(self
                    .error(
                        a.def.range,
                        format!("parameter `{name}` needs a type annotation"),
                    )
                    .with_help(format!(
                        "e.g. `{name}: str`; the Candid interface is derived from it"
                    )));
            };
            let c = self.resolve_type(ann)?;
            candid_params.push(c);
            params.push((name, self.types.value_ty(c)));
        }
        let ret = match &f.returns {
            Some(r) => self.resolve_ret(r)?,
            None => {
                return Err(self
                    .error(
                        f.range,
                        format!("function `{}` needs a return type annotation", f.name),
                    )
                    .with_help("add `-> void` if it returns nothing"))
            }
        };
        let ret_ty = match ret {
            Some(c) => self.types.value_ty(c),
            None => Ty::NONE,
        };
        if mode.is_some() {
            let anns = args
                .args
                .iter()
                .filter_map(|a| a.def.annotation.as_deref())
                .chain(f.returns.as_deref());
            for (c, ann) in candid_params.iter().chain(ret.iter()).zip(anns) {
                if let Some(path) = self.dict_inside(*c, &mut Vec::new()) {
                    return Err(self
                        .error(
                            ann.range(),
                            if path.is_empty() {
                                "a `dict` is not a Candid type".to_string()
                            } else {
                                format!("a `dict` is not a Candid type ({path})")
                            },
                        )
                        .with_help(
                            "a canister method takes and returns Candid types: use `Vec[Tuple[K, V]]` or a Record",
                        ));
                }
            }
        }
        Ok(Sig {
            name: f.name.to_string(),
            span: self.span(f.range),
            params,
            ret: ret_ty,
            export: mode.map(|m| (m, candid_params, ret)),
        })
    }

    /// Where a `dict` hides inside the Candid type `c` (through Records,
    /// Variants and aliases), for the error message.
    fn dict_inside(&self, c: CandidTy, seen: &mut Vec<crate::model::DefId>) -> Option<String> {
        use crate::model::CandidKind as K;
        match self.types.candid_kind(c) {
            K::Dict(..) => Some(String::new()),
            K::Opt(x) | K::Vec(x) => self.dict_inside(*x, seen),
            K::Tuple(items) => items.iter().find_map(|x| self.dict_inside(*x, seen)),
            K::Named(d) if !seen.contains(d) => {
                seen.push(*d);
                let def = &self.defs[d.0 as usize];
                match &def.kind {
                    ir::DefKind::Record(fields) | ir::DefKind::Variant(fields) => {
                        fields.iter().find_map(|f| {
                            self.dict_inside(f.ty, seen)
                                .map(|_| format!("in `{}[\"{}\"]`", def.name, f.name))
                        })
                    }
                    ir::DefKind::Alias(t) => self.dict_inside(*t, seen),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    fn function(&mut self, f: &ast::StmtFunctionDef, sig: &Sig) -> ir::Function {
        self.fun = Some(FunCtx::new(&f.body, sig));
        let body = self.block(&f.body);
        let ctx = self.fun.take().expect("function context");
        ir::Function {
            name: sig.name.clone(),
            span: sig.span,
            params: ctx.params.clone(),
            ret: sig.ret,
            locals: ctx.locals,
            body,
        }
    }
}

fn is_str_constant(e: &ast::Expr) -> bool {
    matches!(e, ast::Expr::Constant(c) if matches!(c.value, ast::Constant::Str(_)))
}

/// Literals and operators on literals only.
fn is_constant_expr(e: &ast::Expr) -> bool {
    match e {
        ast::Expr::Constant(_) => true,
        ast::Expr::UnaryOp(u) => is_constant_expr(&u.operand),
        ast::Expr::BinOp(b) => is_constant_expr(&b.left) && is_constant_expr(&b.right),
        ast::Expr::List(l) => l.elts.iter().all(is_constant_expr),
        ast::Expr::Tuple(t) => t.elts.iter().all(is_constant_expr),
        ast::Expr::Dict(d) => {
            d.keys
                .iter()
                .all(|k| k.as_ref().is_some_and(is_constant_expr))
                && d.values.iter().all(is_constant_expr)
        }
        _ => false,
    }
}
