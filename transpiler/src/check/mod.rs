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

mod builtins;
mod classes;
mod closures;
mod containers;
mod exceptions;
mod expr;
mod infer;
mod library;
mod matching;
mod math;
mod module_code;
mod narrow;
mod percent;
mod refs;
mod scope;
mod sets;
mod stmt;
mod types;

use crate::diagnostics::Diagnostic;
use crate::load::Project;
use crate::model::ir::{self, Export, Expr, ExprKind, FuncId, GlobalId, Program};
use crate::model::{CandidTy, DefId, Mode, Ty, TyKind, Types};
use crate::source::{FileId, SourceMap, Span};
use rustpython_parser::ast::{self, Ranged};
use rustpython_parser::text_size::TextRange;
use scope::FunCtx;
use std::collections::{HashMap, HashSet};

/// Checks a program (its modules, loaded by `crate::load`) and produces
/// the typed program, or the diagnostics sorted by position.
pub fn check(project: &Project, sources: &SourceMap) -> Result<Program, Vec<Diagnostic>> {
    check_as(project, sources, false)
}

/// [`check`], of a canister (`script == false`) or of a script run natively
/// (`kybra-aot run`: no exported methods needed).
pub fn check_as(
    project: &Project,
    sources: &SourceMap,
    script: bool,
) -> Result<Program, Vec<Diagnostic>> {
    let mut checker = Checker {
        project,
        sources,
        cur: None,
        file: project.entry().file,
        types: Types::new(),
        kybra_names: HashMap::new(),
        kybra_modules: HashSet::new(),
        native_modules: HashMap::new(),
        native_names: HashMap::new(),
        typing_names: HashMap::new(),
        defs: Vec::new(),
        def_ids: HashMap::new(),
        globals: Vec::new(),
        global_ids: HashMap::new(),
        sigs: Vec::new(),
        func_ids: HashMap::new(),
        imported: HashSet::new(),
        module_names: HashMap::new(),
        spaces: vec![Namespace::default(); project.modules.len()],
        pending: Vec::new(),
        local_imports: HashMap::new(),
        diags: Vec::new(),
        fun: None,
        infer: Default::default(),
        untyped: HashSet::new(),
        module_inits: Vec::new(),
        script,
        classes: Default::default(),
        generated: Default::default(),
        templates: HashMap::new(),
    };
    let (globals, functions, exports) = checker.check_program();
    if checker.diags.is_empty() {
        Ok(Program {
            sources: sources.clone(),
            file: project.entry().path.clone(),
            types: checker.types,
            defs: checker.defs,
            globals,
            functions,
            // A script's `@query` functions are plain functions.
            exports: if checker.script { Vec::new() } else { exports },
            module_inits: checker.module_inits,
            script: checker.script,
            shared: Default::default(),
        })
    } else {
        let mut diags = checker.diags;
        diags.sort_by_key(|d| (d.span.file, d.span.start));
        Err(diags)
    }
}

/// Names the Kybra module exports that this compiler understands.
pub(crate) const KYBRA_NAMES: &[&str] = &[
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
const TYPING_NAMES: &[&str] = &[
    "TypedDict",
    "TypeAlias",
    "Dict",
    "List",
    "Optional",
    "Callable",
    "TypeVar",
    "Iterator",
    "Generator",
    "Tuple",
    "Set",
    "FrozenSet",
];

/// A module-level function's signature as the checker sees it.
#[derive(Debug, Clone)]
pub(crate) struct Sig {
    pub name: String,
    pub span: Span,
    /// Parameter names and Python types.
    pub params: Vec<(String, Ty)>,
    /// Each parameter's default value (a constant expression), if any.
    pub defaults: Vec<Option<ast::Expr>>,
    /// The Python result type (`None` for `void`).
    pub ret: Ty,
    /// Parameters of the function before `params[0]` (a method called
    /// through an instance: `self`); unannotated parameters are known by
    /// their index in the function.
    pub skipped: usize,
    /// How many of the named `params` are keyword-only (after `*`): the
    /// last ones before `*args` / `**kwargs`.
    pub kwonly: usize,
    /// Whether the function takes `*args` (a `tuple[T, ...]` parameter
    /// after the named ones) and `**kwargs` (a `dict[str, T]`, last).
    pub varargs: bool,
    pub varkw: bool,
    pub export: Option<(Mode, Vec<CandidTy>, Option<CandidTy>)>,
}

pub(crate) struct Checker<'m> {
    project: &'m Project,
    sources: &'m SourceMap,
    /// The module being checked ([`Checker::enter`]); its names are in the
    /// name maps below, every other module's in `spaces`.
    cur: Option<usize>,
    /// The current module's file.
    file: FileId,
    pub(crate) types: Types,
    /// Local alias -> name in `kybra` (`from kybra import nat64 as n64`).
    pub(crate) kybra_names: HashMap<String, String>,
    /// Names bound to the `kybra` module itself (`import kybra`).
    pub(crate) kybra_modules: HashSet<String>,
    /// Names bound to standard-library modules runtime-lite provides.
    pub(crate) native_modules: HashMap<String, String>,
    /// Local alias -> (module, name) of a name imported from one of them
    /// (`from math import sqrt`).
    pub(crate) native_names: HashMap<String, (String, String)>,
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
    /// Names of the current module bound by `from m import ...`.
    imported: HashSet<String>,
    /// Names bound to project modules (`import src.x as x`, `from src
    /// import x`) -> the module.
    module_names: HashMap<String, usize>,
    /// The module-level names of each module (the current one's are in the
    /// maps above while it is entered).
    spaces: Vec<Namespace>,
    /// `from project.module import name`s not bound yet.
    pending: Vec<Pending>,
    /// What each function-local `from m import ...` binds, by module and
    /// statement offset.
    local_imports: HashMap<(usize, u32), Vec<(String, Binding)>>,
    diags: Vec<Diagnostic>,
    fun: Option<FunCtx>,
    /// Types of empty containers being inferred from their uses.
    infer: std::cell::RefCell<infer::Inference>,
    /// Globals first assigned by module-level code whose type that code
    /// has not decided yet (`module_code`).
    untyped: HashSet<GlobalId>,
    /// See `Program::module_inits`.
    module_inits: Vec<FuncId>,
    /// Checking a script (`kybra-aot run`): no canister methods needed.
    script: bool,
    /// Plain classes: methods, contexts, `__init__`s checked early.
    classes: classes::Classes,
    /// Lambdas, nested functions and generic instances (`closures.rs`).
    generated: closures::Generated,
    /// The definitions of generic functions, instantiated per call types.
    templates: HashMap<FuncId, (usize, &'m ast::StmtFunctionDef)>,
}

/// The module-level names of one module.
#[derive(Debug, Clone, Default)]
struct Namespace {
    kybra_names: HashMap<String, String>,
    kybra_modules: HashSet<String>,
    native_modules: HashMap<String, String>,
    native_names: HashMap<String, (String, String)>,
    typing_names: HashMap<String, String>,
    def_ids: HashMap<String, DefId>,
    global_ids: HashMap<String, GlobalId>,
    func_ids: HashMap<String, FuncId>,
    imported: HashSet<String>,
    modules: HashMap<String, usize>,
}

/// What a module-level name refers to.
#[derive(Debug, Clone, PartialEq)]
enum Binding {
    Def(DefId),
    Func(FuncId),
    Global(GlobalId),
    Kybra(String),
    KybraModule,
    /// A standard-library module runtime-lite provides (`import math`).
    Native(String),
    /// A name imported from one (`from math import sqrt`): module, name.
    NativeName(String, String),
    Typing(String),
    /// A project module (`from src import posts`).
    Module(usize),
}

impl Sig {
    /// The signature without its first parameter (a method called through
    /// an instance).
    pub(crate) fn without_first(&self) -> Sig {
        Sig {
            params: self.params[1..].to_vec(),
            defaults: self.defaults[1..].to_vec(),
            skipped: self.skipped + 1,
            ..self.clone()
        }
    }
}

impl Namespace {
    fn get(&self, name: &str) -> Option<Binding> {
        if let Some(&f) = self.func_ids.get(name) {
            Some(Binding::Func(f))
        } else if let Some(&g) = self.global_ids.get(name) {
            Some(Binding::Global(g))
        } else if let Some(&d) = self.def_ids.get(name) {
            Some(Binding::Def(d))
        } else if let Some(k) = self.kybra_names.get(name) {
            Some(Binding::Kybra(k.clone()))
        } else if let Some(t) = self.typing_names.get(name) {
            Some(Binding::Typing(t.clone()))
        } else if self.kybra_modules.contains(name) {
            Some(Binding::KybraModule)
        } else if let Some(m) = self.native_modules.get(name) {
            Some(Binding::Native(m.clone()))
        } else if let Some((m, n)) = self.native_names.get(name) {
            Some(Binding::NativeName(m.clone(), n.clone()))
        } else if let Some(&m) = self.modules.get(name) {
            Some(Binding::Module(m))
        } else {
            None
        }
    }

    fn names(&self) -> Vec<String> {
        let mut all: Vec<String> = (self.func_ids.keys())
            .chain(self.global_ids.keys())
            .chain(self.def_ids.keys())
            .chain(self.kybra_names.keys())
            .chain(self.typing_names.keys())
            .chain(self.kybra_modules.iter())
            .chain(self.native_modules.keys())
            .chain(self.native_names.keys())
            .chain(self.modules.keys())
            .cloned()
            .collect();
        all.sort();
        all.dedup();
        all
    }

    fn remove(&mut self, name: &str) {
        self.func_ids.remove(name);
        self.global_ids.remove(name);
        self.def_ids.remove(name);
        self.kybra_names.remove(name);
        self.typing_names.remove(name);
        self.kybra_modules.remove(name);
        self.native_modules.remove(name);
        self.native_names.remove(name);
        self.modules.remove(name);
        self.imported.remove(name);
    }

    fn bind(&mut self, name: &str, b: Binding) {
        self.remove(name);
        let name = name.to_string();
        match b {
            Binding::Def(d) => {
                self.def_ids.insert(name.clone(), d);
            }
            Binding::Func(f) => {
                self.func_ids.insert(name.clone(), f);
            }
            Binding::Global(g) => {
                self.global_ids.insert(name.clone(), g);
            }
            Binding::Kybra(k) => {
                self.kybra_names.insert(name.clone(), k);
            }
            Binding::Typing(t) => {
                self.typing_names.insert(name.clone(), t);
            }
            Binding::KybraModule => {
                self.kybra_modules.insert(name.clone());
            }
            Binding::Native(m) => {
                self.native_modules.insert(name.clone(), m);
            }
            Binding::NativeName(m, n) => {
                self.native_names.insert(name.clone(), (m, n));
            }
            Binding::Module(m) => {
                self.modules.insert(name.clone(), m);
            }
        }
        self.imported.insert(name);
    }
}

/// One name of a `from project.module import ...` waiting to be bound.
#[derive(Debug, Clone)]
struct Pending {
    /// The importing module.
    module: usize,
    /// The absolute name of the module imported from.
    from: String,
    /// The imported name (`*` for all public names).
    name: String,
    /// The name it is bound to.
    local: String,
    range: TextRange,
    /// For a function-local import, the offset of its statement.
    scope: Option<u32>,
}

impl<'m> Checker<'m> {
    pub(crate) fn span(&self, range: TextRange) -> Span {
        Span::new(
            self.file,
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
        if self.untyped.contains(&id) {
            return None;
        }
        Some((id, self.globals[id.0 as usize].ty))
    }

    pub(crate) fn function_id(&self, name: &str) -> Option<FuncId> {
        self.func_ids.get(name).copied()
    }

    pub(crate) fn sig(&self, id: FuncId) -> &Sig {
        &self.sigs[id.0 as usize]
    }

    /// Makes module `m` current: its names go into the name maps.
    fn enter(&mut self, m: usize) {
        self.leave();
        let ns = std::mem::take(&mut self.spaces[m]);
        self.put_names(ns);
        self.cur = Some(m);
        self.file = self.project.modules[m].file;
    }

    /// Puts the current module's names back into `spaces`.
    fn leave(&mut self) {
        if let Some(m) = self.cur.take() {
            self.spaces[m] = self.take_names();
        }
    }

    fn take_names(&mut self) -> Namespace {
        Namespace {
            kybra_names: std::mem::take(&mut self.kybra_names),
            kybra_modules: std::mem::take(&mut self.kybra_modules),
            native_modules: std::mem::take(&mut self.native_modules),
            native_names: std::mem::take(&mut self.native_names),
            typing_names: std::mem::take(&mut self.typing_names),
            def_ids: std::mem::take(&mut self.def_ids),
            global_ids: std::mem::take(&mut self.global_ids),
            func_ids: std::mem::take(&mut self.func_ids),
            imported: std::mem::take(&mut self.imported),
            modules: std::mem::take(&mut self.module_names),
        }
    }

    fn put_names(&mut self, ns: Namespace) {
        self.kybra_names = ns.kybra_names;
        self.kybra_modules = ns.kybra_modules;
        self.native_modules = ns.native_modules;
        self.native_names = ns.native_names;
        self.typing_names = ns.typing_names;
        self.def_ids = ns.def_ids;
        self.global_ids = ns.global_ids;
        self.func_ids = ns.func_ids;
        self.imported = ns.imported;
        self.module_names = ns.modules;
    }

    /// Checks every module in phases, each over all modules, so names may
    /// be used across modules regardless of import order and cycles:
    /// imports of `kybra` and `typing`; named types (registered); imported
    /// types; type bodies; globals and signatures; every other imported
    /// name; function bodies.
    fn check_program(&mut self) -> (Vec<ir::Global>, Vec<ir::Function>, Vec<Export>) {
        let project = self.project;
        let n = project.modules.len();
        for m in 0..n {
            self.enter(m);
            for stmt in &project.modules[m].body {
                match stmt {
                    ast::Stmt::ImportFrom(imp) => self.import_from(imp, None),
                    ast::Stmt::Import(imp) => self.import(imp),
                    ast::Stmt::FunctionDef(f) => self.local_import_stmts(&f.body),
                    _ => {}
                }
            }
        }
        let mut decls = Vec::new();
        for m in 0..n {
            self.enter(m);
            decls.push(self.register_type_defs(&project.modules[m].body));
            self.register_classes(m, &project.modules[m].body);
        }
        self.leave();
        self.unique_type_names();
        self.bind_imports(false);
        // Subclasses of classes imported from other modules, now that
        // those names are bound (a chain across modules takes a round
        // per module).
        loop {
            let mut added = 0;
            for m in 0..n {
                self.enter(m);
                added += self.register_classes(m, &project.modules[m].body);
            }
            self.leave();
            if added == 0 {
                break;
            }
            self.bind_imports(false);
        }
        for (m, d) in decls.iter().enumerate() {
            self.enter(m);
            self.resolve_type_defs(d);
        }
        self.classes_in_candid_types();
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
        let mut codes = Vec::new();
        for m in 0..n {
            self.enter(m);
            let mut code = self.plan_module_code(m);
            self.module_names(m, &mut defs, &mut code);
            self.names_defined_twice();
            codes.push(code);
        }
        self.leave();
        self.bind_imports(true);
        for &(m, id, f) in &defs {
            if self.is_generic(&self.sigs[id.0 as usize]) {
                self.templates.insert(id, (m, f));
            }
        }
        // Module-level code decides the types of the globals it assigns
        // first, so it is checked before the functions that read them.
        //
        // Helpers without annotations take their types from their uses,
        // module-level code's among them: while the bodies' rounds change
        // those types, module-level code is checked again with the new ones.
        let start = (
            self.globals.clone(),
            self.untyped.clone(),
            self.sigs.clone(),
            self.func_ids.clone(),
            self.defs.clone(),
            self.classes.clone(),
            self.module_inits.clone(),
            self.diags.len(),
            self.generated.clone(),
        );
        let mut pass = 0;
        let (functions, exports, module_code) = loop {
            let before = (self.slot_types(), self.widened_names());
            self.apply_num_sigs();
            self.apply_slots();
            // Module-level code may read instance attributes, which the
            // `__init__`s decide.
            let mark = self.diags.len();
            self.check_inits(&defs);
            self.leave();
            // The rounds check them again, and report what is wrong.
            self.diags.truncate(mark);
            // An attribute that is an empty container typed by its uses in
            // methods (`self.items = []`): module-level code reads it with
            // the type the rounds find, in the next pass.
            let pending_fields = self.defs.iter().any(|d| {
                matches!(&d.kind, ir::DefKind::Class(c)
                    if c.fields.iter().any(|f| infer::contains_pending(&self.types, f.ty)))
            });
            let module_code = self.check_module_code(&codes);
            let (functions, exports) = self.check_bodies(&defs);
            pass += 1;
            if (before == (self.slot_types(), self.widened_names()) && !pending_fields) || pass == 4
            {
                break (functions, exports, module_code);
            }
            let s = start.clone();
            (
                self.globals,
                self.untyped,
                self.sigs,
                self.func_ids,
                self.defs,
                self.classes,
                self.module_inits,
            ) = (s.0, s.1, s.2, s.3, s.4, s.5, s.6);
            self.diags.truncate(s.7);
            self.generated = s.8;
            let inf = self.infer.get_mut();
            inf.last_round = false;
            inf.in_rounds = false;
        };
        // Every function at its id: the definitions' bodies come first, then
        // module code and generated functions in the order of their ids.
        let mut all: Vec<Option<ir::Function>> = vec![None; self.sigs.len()];
        let inits = self.module_inits.iter().copied();
        let rest = inits
            .zip(module_code)
            .chain(std::mem::take(&mut self.generated.functions));
        for (id, f) in functions
            .into_iter()
            .enumerate()
            .map(|(i, f)| (FuncId(i as u32), f))
            .chain(rest)
        {
            if let Some(slot) = all.get_mut(id.0 as usize) {
                *slot = Some(f);
            }
        }
        // Functions generated after the module code's ids (dispatchers).
        for (i, f) in all.iter_mut().enumerate() {
            if f.is_none() {
                *f = self.take_early(i);
            }
        }
        let functions = all
            .into_iter()
            .zip(&self.sigs)
            .map(|(f, sig)| {
                f.unwrap_or_else(|| ir::Function {
                    name: sig.name.clone(),
                    span: sig.span,
                    params: Vec::new(),
                    ret: Ty::NONE,
                    locals: Vec::new(),
                    body: Vec::new(),
                    raises: false,
                    falls_through: true,
                    generator: false,
                })
            })
            .collect();
        (std::mem::take(&mut self.globals), functions, exports)
    }

    /// Function bodies, in rounds while empty containers' types are being
    /// inferred from their uses (`infer.rs`): a round that made type
    /// variables is thrown away (with its diagnostics) once its evidence
    /// is solved, and the bodies are checked again.
    fn check_bodies(
        &mut self,
        defs: &[(usize, FuncId, &'m ast::StmtFunctionDef)],
    ) -> (Vec<ir::Function>, Vec<Export>) {
        let mark = self.diags.len();
        self.infer.get_mut().in_rounds = true;
        // What a round changes besides its results (the classes' early
        // bodies and generated functions), so each round starts alike.
        let start = (
            self.sigs.clone(),
            self.func_ids.clone(),
            self.defs.clone(),
            self.classes.clone(),
            self.generated.clone(),
        );
        for round in 0.. {
            if round > 0 {
                let (sigs, func_ids, defs, classes, generated) = start.clone();
                self.sigs = sigs;
                self.func_ids = func_ids;
                self.defs = defs;
                self.classes = classes;
                self.generated = generated;
            }
            self.apply_num_sigs();
            self.apply_slots();
            self.infer.get_mut().made_vars = false;
            let pending_globals = self.pending_globals();
            let untyped_slots = self.untyped_slots();
            if self.infer.get_mut().last_round {
                for (range_span, example) in pending_globals.iter().copied() {
                    let d = self.unknown_global(range_span, example);
                    self.report(d);
                }
                for (span, index, conflict) in untyped_slots.iter().copied() {
                    if index == usize::MAX && conflict.is_none() {
                        // After the bodies: an error in its body is the
                        // reason, and says more.
                        continue;
                    }
                    let d = self.untyped_slot(span, index, conflict);
                    self.report(d);
                }
            } else if !untyped_slots.is_empty() {
                // Placeholders are in use: this round is thrown away.
                self.infer.get_mut().made_vars = true;
            }
            self.infer.get_mut().new_widened = false;
            let body_mark = self.diags.len();
            let done = self.bodies_round(defs);
            if self.infer.get_mut().last_round {
                for (span, index, conflict) in untyped_slots.iter().copied() {
                    let explained = self.diags[body_mark..].iter().any(|d| {
                        d.span.file == span.file
                            && d.span.start >= span.start
                            && d.span.end <= span.end
                    });
                    if index == usize::MAX && conflict.is_none() && !explained {
                        let d = self.untyped_slot(span, index, conflict);
                        self.report(d);
                    }
                }
            }
            let progress = self.infer.get_mut().solve(&mut self.types);
            let inf = self.infer.get_mut();
            let numbers = std::mem::take(&mut inf.new_widened);
            let progress = progress || numbers;
            if (!inf.made_vars && pending_globals.is_empty() && !numbers) || inf.last_round {
                inf.in_rounds = false;
                return done;
            }
            // A chain of helpers typed by their uses takes a round a link.
            let limit = if untyped_slots.is_empty() { 4 } else { 12 };
            if !progress || round >= limit {
                inf.last_round = true;
                inf.default_unsolved(&mut self.types);
            }
            self.diags.truncate(mark);
            self.solve_globals();
        }
        unreachable!("the loop returns")
    }

    /// The types of unannotated parameters and results decided so far.
    fn slot_types(&self) -> Vec<((Span, usize), Option<Ty>)> {
        let inf = self.infer.borrow();
        let mut out: Vec<_> = inf.slots.iter().map(|(k, s)| (*k, s.ty)).collect();
        // Float parameters and results that hold `Num`s.
        out.extend(inf.num_sigs.iter().map(|k| (*k, Some(Ty::NUM))));
        out.sort_by_key(|((span, i), t)| (span.file, span.start, *i, t.is_some()));
        out
    }

    /// The names widened so far to hold all their values (module-level
    /// code's among them), in a stable order.
    fn widened_names(&self) -> Vec<((Span, String), Ty)> {
        let mut out: Vec<_> = self
            .infer
            .borrow()
            .widened
            .iter()
            .map(|(k, t)| (k.clone(), *t))
            .collect();
        out.sort_by(|a, b| (a.0 .0, &a.0 .1).cmp(&(b.0 .0, &b.0 .1)));
        out
    }

    /// Float parameters and results that get ints hold `Num`s.
    fn apply_num_sigs(&mut self) {
        let num_sigs = self.infer.get_mut().num_sigs.clone();
        for sig in &mut self.sigs {
            for (i, p) in sig.params.iter_mut().enumerate() {
                if num_sigs.contains(&(sig.span, i)) {
                    p.1 = Ty::NUM;
                }
            }
            if num_sigs.contains(&(sig.span, usize::MAX)) {
                sig.ret = Ty::NUM;
            }
        }
    }

    /// Signatures take the types their unannotated parameters and results
    /// have been given so far.
    fn apply_slots(&mut self) {
        for i in 0..self.sigs.len() {
            let span = self.sigs[i].span;
            for p in 0..self.sigs[i].params.len() {
                if self.is_slot(span, p) {
                    let t = self.slot_ty(span, p);
                    self.sigs[i].params[p].1 = match Self::rest_param(&self.sigs[i], p) {
                        Some(dict) => self.rest_param_ty(t, dict),
                        None => t,
                    };
                }
            }
            if self.is_slot(span, usize::MAX) {
                self.sigs[i].ret = self.slot_ty(span, usize::MAX);
            }
        }
    }

    /// An unannotated parameter (result) no use typed, or given values of
    /// two types.
    fn untyped_slot(&self, span: Span, index: usize, conflict: Option<(Ty, Ty)>) -> Diagnostic {
        let sig = self.sigs.iter().find(|s| s.span == span);
        let what = match (sig, index) {
            (Some(s), usize::MAX) => format!("the result of `{}`", s.name),
            (Some(s), infer::ITEMS_SLOT) => format!("the items `{}` yields", s.name),
            (Some(s), i) if i < s.params.len() => {
                format!("parameter `{}` of `{}`", s.params[i].0, s.name)
            }
            (Some(s), _) => format!("a parameter of `{}`", s.name),
            (None, usize::MAX) => "this function's result".to_string(),
            (None, _) => "this function's parameter".to_string(),
        };
        match conflict {
            Some((a, b)) => Diagnostic::new(
                span,
                format!(
                    "{what} is given `{}` and `{}` values",
                    self.types.display(a),
                    self.types.display(b)
                ),
            )
            .with_help("values of several types in one variable are not supported yet; annotate it with one type"),
            None if index == usize::MAX => {
                Diagnostic::new(span, format!("the type of {what} is unknown"))
                    .with_help("annotate the result, e.g. `-> int`")
            }
            None => Diagnostic::new(
                span,
                format!("no call gives a value to {what}, so its type is unknown"),
            )
            .with_help("annotate the parameter, e.g. `x: int`"),
        }
    }

    /// Globals whose empty container is still being inferred: the span of
    /// the container and an example annotation.
    fn pending_globals(&self) -> Vec<(Span, &'static str)> {
        self.globals
            .iter()
            .filter(|g| matches!(self.types.kind(g.ty), crate::model::TyKind::Pending(_)))
            .map(|g| {
                let example = match g.init.kind {
                    ir::ExprKind::Dict(_) => "dict[str, int]",
                    ir::ExprKind::Set(_) => "set[int]",
                    _ => "list[int]",
                };
                (g.init.span, example)
            })
            .collect()
    }

    /// Globals initialized with an empty container take its solved type.
    fn solve_globals(&mut self) {
        for g in &mut self.globals {
            if let Some(t) = self.infer.get_mut().solution_of(&self.types, g.ty) {
                g.ty = t;
                g.init.ty = t;
            }
        }
    }

    fn bodies_round(
        &mut self,
        defs: &[(usize, FuncId, &'m ast::StmtFunctionDef)],
    ) -> (Vec<ir::Function>, Vec<Export>) {
        // Function bodies. Kybra exports every `@query`/`@update` function
        // of every module it bundles, under its Python name.
        let mut functions = Vec::new();
        let mut exports: Vec<Export> = Vec::new();
        let mut exported: HashMap<String, Span> = HashMap::new();
        self.check_inits(defs);
        for &(m, id, f) in defs {
            // Bodies checked early (`__init__`s) or generated.
            while let Some(f) = self.take_early(functions.len()) {
                functions.push(f);
            }
            if functions.len() > id.0 as usize {
                continue;
            }
            if self.cur != Some(m) {
                self.enter(m);
            }
            let sig = self.sigs[id.0 as usize].clone();
            if let Some((mode, params, ret)) = &sig.export {
                if let Some(first) = exported.get(&sig.name) {
                    let at = self.sources.location(*first);
                    let d = Diagnostic::new(
                        sig.span,
                        format!("method `{}` is exported twice; first at {at}", sig.name),
                    )
                    .with_help(
                        "every `@query`/`@update` function of every module is a canister \
                         method named after it; rename one",
                    );
                    self.report(d);
                } else {
                    exported.insert(sig.name.clone(), sig.span);
                    exports.push(Export {
                        func: id,
                        name: sig.name.clone(),
                        mode: *mode,
                        params: params.clone(),
                        ret: *ret,
                    });
                }
            }
            if self.is_generic(&sig) {
                // A template: only its instances are checked (and named
                // after it).
                functions.push(ir::Function {
                    name: format!("{}_generic", sig.name),
                    span: sig.span,
                    params: Vec::new(),
                    ret: Ty::NONE,
                    locals: Vec::new(),
                    body: Vec::new(),
                    raises: false,
                    falls_through: true,
                    generator: false,
                });
                continue;
            }
            if self.infer.get_mut().last_round
                && !self.classes.methods.contains_key(&id)
                && self
                    .untyped_slots()
                    .iter()
                    .any(|s| s.0 == sig.span && s.1 != usize::MAX)
            {
                // Its diagnostic is the missing type; the body would only
                // add errors about the placeholder.
                functions.push(ir::Function {
                    name: sig.name.clone(),
                    span: sig.span,
                    params: Vec::new(),
                    ret: sig.ret,
                    locals: Vec::new(),
                    body: Vec::new(),
                    raises: false,
                    falls_through: true,
                    generator: false,
                });
                continue;
            }
            self.imported_global_stores(&f.body);
            let saved = self.with_local_imports(m, &f.body);
            self.generated.nested.clear();
            let fun = self.body_of(id, f, &sig);
            if let Some(ns) = saved {
                self.put_names(ns);
            }
            functions.push(fun);
        }
        while let Some(f) = self.take_early(functions.len()) {
            functions.push(f);
        }
        self.class_keys(&functions);
        self.leave();
        if exports.is_empty() && self.diags.is_empty() && !self.script {
            let d = Diagnostic::new(
                Span::new(self.project.entry().file, 0..0),
                "the canister exports no methods",
            )
            .with_help("decorate a function with `@query` or `@update`");
            self.report(d);
        }
        (functions, exports)
    }

    /// A module-level name that is both a global and a function: Python
    /// keeps only the later definition, which this compiler cannot follow.
    fn names_defined_twice(&mut self) {
        let mut both: Vec<(String, Span)> = self
            .func_ids
            .iter()
            .filter(|(name, _)| self.global_ids.contains_key(*name))
            .map(|(name, id)| (name.clone(), self.sigs[id.0 as usize].span))
            .collect();
        both.sort_by_key(|(_, span)| (span.file, span.start));
        for (name, span) in both {
            let d = Diagnostic::new(
                span,
                format!("`{name}` is defined as a global variable and as a function"),
            )
            .with_help("Python keeps only the later definition; rename one of them");
            self.report(d);
        }
    }

    /// Globals and function signatures of module `m` (entered).
    fn module_names(
        &mut self,
        m: usize,
        defs: &mut Vec<(usize, FuncId, &'m ast::StmtFunctionDef)>,
        code: &mut module_code::ModuleCode,
    ) {
        let project = self.project;
        for stmt in &project.modules[m].body {
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
                        defs.push((m, id, f));
                    }
                    Err(d) => self.report(d),
                },
                ast::Stmt::AnnAssign(a) => {
                    if self.is_constant_global_init(code, &a.target, a.value.as_deref()) {
                        self.global_ann(a)
                    } else {
                        self.module_ann_assign(code, a)
                    }
                }
                ast::Stmt::Assign(a) => match a.targets.as_slice() {
                    [t] if self.is_constant_global_init(code, t, Some(&a.value)) => {
                        self.global_assign(a)
                    }
                    _ => self.module_stmt(code, stmt),
                },
                ast::Stmt::Expr(e) if is_str_constant(&e.value) => {}
                ast::Stmt::Pass(_) => {}
                ast::Stmt::ClassDef(_) if self.class_members(m, stmt, defs).is_some() => {}
                ast::Stmt::AsyncFunctionDef(f) => {
                    let d = self
                        .error(f.range, "`async def` is not supported")
                        .with_help("Kybra canister methods are plain `def` functions");
                    self.report(d);
                }
                ast::Stmt::ClassDef(_) | ast::Stmt::Return(_) => {
                    if let Some(d) = self.subclass_error(stmt) {
                        self.report(d);
                        continue;
                    }
                    let d = self
                        .error(stmt.range(), "unsupported statement at module level")
                        .with_help(
                            "a canister module may contain imports, annotated global \
                             variables and function definitions",
                        );
                    self.report(d);
                }
                other => self.module_stmt(code, other),
            }
        }
    }

    /// Two named types of one name in different modules would be two
    /// types of one name in the `.did` (Kybra names them alike).
    fn unique_type_names(&mut self) {
        let mut seen: HashMap<&str, Span> = HashMap::new();
        let mut diags = Vec::new();
        // Plain classes are not Candid types: any module may reuse a name.
        let candid = self
            .defs
            .iter()
            .filter(|d| !matches!(d.kind, ir::DefKind::Class(_)));
        for d in candid {
            match seen.get(d.name.as_str()) {
                Some(first) if first.file != d.span.file => {
                    let at = self.sources.location(*first);
                    diags.push(
                        Diagnostic::new(
                            d.span,
                            format!("type `{}` is also defined at {at}", d.name),
                        )
                        .with_help(
                            "the Candid interface names types by their Python names; \
                                 rename one, or import it from the other module",
                        ),
                    );
                }
                Some(_) => {}
                None => {
                    seen.insert(&d.name, d.span);
                }
            }
        }
        for d in diags {
            self.report(d);
        }
    }

    /// Binds the pending imports whose names exist by now; with `last`,
    /// the rest are diagnostics. Re-exports (`from a import x` where `a`
    /// imported `x`) resolve in rounds; a cycle of imports never does.
    fn bind_imports(&mut self, last: bool) {
        loop {
            let mut progress = false;
            let mut waiting = Vec::new();
            for p in std::mem::take(&mut self.pending) {
                if p.name == "*" {
                    progress |= self.bind_star(&p);
                    waiting.push(p);
                    continue;
                }
                match self.lookup_import(&p) {
                    Some(b) => {
                        progress = true;
                        self.bind_import(&p, b);
                    }
                    None => waiting.push(p),
                }
            }
            self.pending = waiting;
            if !progress {
                break;
            }
        }
        if !last {
            return;
        }
        for p in std::mem::take(&mut self.pending) {
            if p.name == "*" {
                continue;
            }
            let defined = match self.project.by_name.get(&p.from) {
                Some(&t) => format!("`{}` ({})", p.from, self.project.modules[t].path),
                None => format!("`{}`", p.from),
            };
            let d = Diagnostic::new(
                self.import_span(&p),
                format!("cannot import name `{}` from `{}`", p.name, p.from),
            )
            .with_help(format!(
                "{defined} defines no `{}` at module level (or imports it in a cycle)",
                p.name
            ));
            self.report(d);
        }
    }

    fn import_span(&self, p: &Pending) -> Span {
        Span::new(
            self.project.modules[p.module].file,
            usize::from(p.range.start())..usize::from(p.range.end()),
        )
    }

    fn lookup_import(&self, p: &Pending) -> Option<Binding> {
        if let Some(&t) = self.project.by_name.get(&p.from) {
            if let Some(b) = self.spaces[t].get(&p.name) {
                return Some(b);
            }
        }
        let sub = format!("{}.{}", p.from, p.name);
        self.project.by_name.get(&sub).map(|&t| Binding::Module(t))
    }

    fn bind_import(&mut self, p: &Pending, b: Binding) {
        let span = self.import_span(p);
        match p.scope {
            Some(at) => self
                .local_imports
                .entry((p.module, at))
                .or_default()
                .push((p.local.clone(), b)),
            None => {
                let ns = &mut self.spaces[p.module];
                if let Some(old) = ns.get(&p.local) {
                    if old != b && !ns.imported.contains(&p.local) {
                        let d = Diagnostic::new(
                            span,
                            format!("`{}` is imported and also defined in this module", p.local),
                        )
                        .with_help(format!("import it under another name: `{} as ...`", p.name));
                        return self.report(d);
                    }
                }
                ns.bind(&p.local, b);
            }
        }
    }

    /// `from m import *`: every public name `m` has bound so far that the
    /// importer has not; whether any was new.
    fn bind_star(&mut self, p: &Pending) -> bool {
        let Some(&t) = self.project.by_name.get(&p.from) else {
            return false;
        };
        let mut progress = false;
        for name in self.spaces[t].names() {
            if name.starts_with('_') || self.spaces[p.module].get(&name).is_some() {
                continue;
            }
            if let Some(b) = self.spaces[t].get(&name) {
                self.spaces[p.module].bind(&name, b);
                progress = true;
            }
        }
        progress
    }

    /// Records the function-local `from m import ...` statements of a
    /// function body (at any depth).
    fn local_import_stmts(&mut self, body: &[ast::Stmt]) {
        for stmt in body {
            match stmt {
                ast::Stmt::ImportFrom(imp) => self.import_from(imp, Some(imp.range.start().into())),
                ast::Stmt::FunctionDef(_) | ast::Stmt::ClassDef(_) => {}
                other => {
                    for b in crate::load::nested_bodies(other) {
                        self.local_import_stmts(b);
                    }
                }
            }
        }
    }

    /// Binds the names the function-local imports of `body` import, for
    /// the duration of the function; the names to restore afterwards.
    fn with_local_imports(&mut self, m: usize, body: &[ast::Stmt]) -> Option<Namespace> {
        let mut offsets = Vec::new();
        collect_local_imports(body, &mut offsets);
        let binds: Vec<(String, Binding)> = offsets
            .iter()
            .filter_map(|at| self.local_imports.get(&(m, *at)))
            .flatten()
            .cloned()
            .collect();
        if binds.is_empty() {
            return None;
        }
        let saved = self.take_names();
        let mut ns = saved.clone();
        for (name, b) in binds {
            ns.bind(&name, b);
        }
        self.put_names(ns);
        Some(saved)
    }

    /// `global x` and an assignment to `x`, where `x` was imported: Python
    /// would rebind this module's name only, not the other module's global.
    fn imported_global_stores(&mut self, body: &[ast::Stmt]) {
        let mut decls = Vec::new();
        collect_global_decls(body, &mut decls);
        if decls.is_empty() {
            return;
        }
        let mut stores = HashSet::new();
        let mut ignored = HashSet::new();
        scope::collect_assigned(body, &mut stores, &mut ignored);
        for (name, range) in decls {
            if self.imported.contains(&name) && stores.contains(&name) {
                let d = self
                    .error(
                        range,
                        format!(
                            "`{name}` is imported from another module; assigning it here \
                             would not change that module's global"
                        ),
                    )
                    .with_help(format!(
                        "change `{name}` in place (`{name}[key] = value`), or assign it in a \
                         function of the module that defines it"
                    ));
                self.report(d);
            }
        }
    }

    fn import_from(&mut self, imp: &ast::StmtImportFrom, scope: Option<u32>) {
        let module = imp.module.as_ref().map(|m| m.as_str()).unwrap_or("");
        let level = imp.level.map_or(0, |l| l.to_u32());
        let external = level == 0 && crate::load::is_external(module);
        if external && scope.is_some() {
            let d = self
                .error(
                    imp.range,
                    format!("import from `{module}` inside a function"),
                )
                .with_help(format!("import from `{module}` at module level"));
            return self.report(d);
        }
        if !external {
            // A project module: the loader found it (or reported it).
            let m = self.cur.unwrap_or(0);
            let package = &self.project.modules[m].package;
            let Ok(from) = crate::load::absolute(package, level, imp.module.as_deref()) else {
                return;
            };
            for alias in &imp.names {
                self.pending.push(Pending {
                    module: m,
                    from: from.clone(),
                    name: alias.name.to_string(),
                    local: alias.asname.as_ref().unwrap_or(&alias.name).to_string(),
                    range: alias.range,
                    scope,
                });
            }
            return;
        }
        if module == "typing" || module == "collections.abc" {
            for alias in &imp.names {
                let name = alias.name.as_str();
                if module == "collections.abc"
                    && !matches!(name, "Callable" | "Iterator" | "Generator")
                {
                    let d = self
                        .error(
                            alias.range,
                            format!("`{module}.{name}` is not supported yet"),
                        )
                        .with_help("supported names: Callable, Iterator, Generator");
                    self.report(d);
                    continue;
                }
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
        if module == "dataclasses" {
            for alias in &imp.names {
                let name = alias.name.as_str();
                let full = match name {
                    "dataclass" => classes::DATACLASS,
                    "field" => classes::FIELD,
                    _ => {
                        let d = self
                            .error(
                                alias.range,
                                format!("`dataclasses.{name}` is not supported yet"),
                            )
                            .with_help("supported names: dataclass, field");
                        self.report(d);
                        continue;
                    }
                };
                let local = alias.asname.as_ref().unwrap_or(&alias.name).to_string();
                self.kybra_names.insert(local, full.to_string());
            }
            return;
        }
        if crate::load::NATIVE.contains(&module) {
            for alias in &imp.names {
                let name = alias.name.as_str();
                if name == "*" {
                    for n in expr::MATH_NAMES {
                        let entry = (module.to_string(), n.to_string());
                        self.native_names.insert(n.to_string(), entry);
                    }
                    continue;
                }
                if !expr::MATH_NAMES.contains(&name) {
                    let d = self
                        .error(
                            alias.range,
                            format!("cannot import name `{name}` from `{module}`"),
                        )
                        .with_help("Python raises ImportError here");
                    self.report(d);
                    continue;
                }
                let local = alias.asname.as_ref().unwrap_or(&alias.name).to_string();
                self.native_names
                    .insert(local, (module.to_string(), name.to_string()));
            }
            return;
        }
        if module != "kybra" {
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
            } else if crate::load::NATIVE.contains(&alias.name.as_str()) {
                let local = alias.asname.as_ref().unwrap_or(&alias.name).to_string();
                self.native_modules.insert(local, alias.name.to_string());
            } else if crate::load::is_external(alias.name.as_str()) {
                let d = self
                    .error(alias.range, format!("cannot import `{}`", alias.name))
                    .with_help("only the `kybra` module can be imported so far");
                self.report(d);
            } else {
                // `import src.x as x` and `import x` bind the module; `import
                // src.x` binds the package `src`, whose attribute `x` this
                // compiler does not follow.
                let name = alias.name.as_str();
                let local = match &alias.asname {
                    Some(a) => Some(a.as_str()),
                    None if !name.contains('.') => Some(name),
                    None => None,
                };
                match (local, self.project.by_name.get(name)) {
                    (Some(local), Some(&t)) => {
                        let mut ns = self.take_names();
                        ns.bind(local, Binding::Module(t));
                        self.put_names(ns);
                    }
                    _ => {
                        let last = name.rsplit('.').next().unwrap_or(name);
                        let d = self
                            .error(alias.range, format!("`import {name}` is not supported yet"))
                            .with_help(format!(
                                "name the module: `import {name} as {last}`, or import the \
                                 names you use: `from {name} import ...`"
                            ));
                        self.report(d);
                    }
                }
            }
        }
    }

    /// The module `e` names (`x` after `import src.x as x`), unless a
    /// local variable of the function shadows it.
    fn module_of(&self, e: &ast::Expr) -> Option<usize> {
        let ast::Expr::Name(n) = e else { return None };
        let name = n.id.as_str();
        if self
            .fun
            .as_ref()
            .is_some_and(|f| f.assigned.contains(name) || f.global_decls.contains(name))
        {
            return None;
        }
        self.module_names.get(name).copied()
    }

    /// What `name` is in module `t` (the current module's live names if it
    /// is `t`).
    fn module_name(&self, t: usize, name: &str) -> Option<Binding> {
        if self.cur == Some(t) {
            if let Some(&f) = self.func_ids.get(name) {
                return Some(Binding::Func(f));
            }
            if let Some(&g) = self.global_ids.get(name) {
                return Some(Binding::Global(g));
            }
            return self.def_ids.get(name).map(|&d| Binding::Def(d));
        }
        self.spaces[t].get(name)
    }

    fn no_such_attr(&self, range: TextRange, t: usize, attr: &str) -> Diagnostic {
        let m = &self.project.modules[t];
        self.error(range, format!("module `{}` has no `{attr}`", m.name))
            .with_help(format!(
                "`{}` ({}) defines no `{attr}` at module level",
                m.name, m.path
            ))
    }

    /// `x.f(...)` where `x` is a project module: a call of its function.
    pub(crate) fn module_call(
        &mut self,
        c: &ast::ExprCall,
        a: &ast::ExprAttribute,
    ) -> Result<Option<Expr>, Diagnostic> {
        let Some(t) = self.module_of(&a.value) else {
            return Ok(None);
        };
        let name = a.attr.as_str();
        let id = match self.module_name(t, name) {
            Some(Binding::Func(id)) => id,
            Some(_) => {
                return Err(self
                    .error(c.func.range(), format!("`{name}` is not a function"))
                    .with_help("only functions can be called"))
            }
            None => return Err(self.no_such_attr(c.func.range(), t, name)),
        };
        let sig = self.sig(id).clone();
        if self.is_generic(&sig) {
            return self.generic_call(id, c).map(Some);
        }
        if c.args.len() != sig.params.len() || !c.keywords.is_empty() {
            return Err(self
                .error(
                    c.range,
                    format!(
                        "`{name}` takes {} argument(s) but {} were given",
                        sig.params.len(),
                        c.args.len() + c.keywords.len()
                    ),
                )
                .with_help(format!(
                    "pass one value per parameter of `{name}`, by position"
                )));
        }
        let mut args = Vec::new();
        for (arg, (_, t)) in c.args.iter().zip(&sig.params) {
            args.push(self.expect(arg, *t)?);
        }
        Ok(Some(Expr::new(
            sig.ret,
            ExprKind::Call(id, args),
            self.span(c.range),
        )))
    }

    /// `x.g` where `x` is a project module: its global `g`.
    pub(crate) fn module_attribute(
        &mut self,
        a: &ast::ExprAttribute,
    ) -> Result<Option<Expr>, Diagnostic> {
        let Some(t) = self.module_of(&a.value) else {
            return Ok(None);
        };
        let name = a.attr.as_str();
        match self.module_name(t, name) {
            Some(Binding::Global(g)) => {
                let ty = self.globals[g.0 as usize].ty;
                Ok(Some(Expr::new(ty, ExprKind::Global(g), self.span(a.range))))
            }
            Some(Binding::Func(_)) => Err(self
                .error(a.range, "functions cannot be used as values yet")
                .with_help(format!("call it: `{}(...)`", a.attr))),
            Some(_) => Err(self
                .error(a.range, format!("`{name}` cannot be used as a value here"))
                .with_help("a module's functions can be called and its globals read")),
            None => Err(self.no_such_attr(a.range, t, name)),
        }
    }

    /// `x.T` in an annotation, where `x` is a project module: its named type.
    pub(crate) fn module_type(&self, a: &ast::ExprAttribute) -> Option<Result<DefId, Diagnostic>> {
        let t = self.module_of(&a.value)?;
        Some(match self.module_name(t, a.attr.as_str()) {
            Some(Binding::Def(d)) => Ok(d),
            Some(_) => Err(self
                .error(a.range, format!("`{}` is not a type", a.attr))
                .with_help("annotate with a Record, Variant, TypedDict or alias")),
            None => Err(self.no_such_attr(a.range, t, a.attr.as_str())),
        })
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
            unbound: false,
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
            // Keep the name known so its uses do not cascade into more errors.
            let span = self.span(range);
            let ty = ty.unwrap_or(Ty::PRINCIPAL);
            self.push_global(name, Expr::new(ty, ExprKind::None, span), span);
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
            // `x: float = 0` holds the int 0 (annotations are not
            // conversions): a number known at run time, a float once one is
            // stored.
            Some(Ty::FLOAT64) => self.expr(value).and_then(|e| {
                let target = if e.ty.is_integral() || e.ty == Ty::BOOL {
                    Ty::NUM
                } else {
                    Ty::FLOAT64
                };
                self.coerce(e, target, value.range())
            }),
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
            || (mode.is_some()
                && (!args.kwonlyargs.is_empty() || args.vararg.is_some() || args.kwarg.is_some()))
        {
            return Err(self
                .error(f.range, "only plain positional parameters are supported")
                .with_help(if mode.is_some() {
                    "a canister method's arguments are positional: remove `*`, `*args`, `**kwargs` and `/`"
                } else {
                    "remove `*args`, `**kwargs` and `/` (keyword-only parameters after `*` are fine)"
                }));
        }
        let mut params = Vec::new();
        let mut candid_params = Vec::new();
        let mut seen = HashSet::new();
        let mut defaults = Vec::new();
        for a in args.args.iter().chain(&args.kwonlyargs) {
            if let Some(d) = &a.default {
                // A constant is the same value at every call; a list or
                // dict default is one object shared by all calls in Python.
                let constant =
                    is_constant_expr(d) && !matches!(&**d, ast::Expr::List(_) | ast::Expr::Dict(_));
                if !constant || mode.is_some() {
                    return Err(self
                        .error(d.range(), if mode.is_some() {
                            "a canister method's parameters have no default values"
                        } else {
                            "only constant default values (numbers, strings, None, tuples of them) are supported"
                        })
                        .with_help(if mode.is_some() {
                            "Candid passes every argument; remove the default value"
                        } else {
                            "use `None` as the default and build the value in the function"
                        }));
                }
            }
            defaults.push(a.default.as_deref().cloned());
            let name = a.def.arg.to_string();
            if !seen.insert(name.clone()) {
                return Err(self.error(a.def.range, format!("duplicate parameter `{name}`")));
            }
            let Some(ann) = &a.def.annotation else {
                if mode.is_none() {
                    // A helper's parameter takes the types of the values
                    // its calls pass.
                    let sig_span = self.span(f.range);
                    let t = self.slot_ty(sig_span, params.len());
                    params.push((name, t));
                    continue;
                }
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
        // `*args` and `**kwargs`, after the named parameters; unannotated,
        // their items take the types of the values calls pass.
        for (a, dict) in [(&args.vararg, false), (&args.kwarg, true)] {
            let Some(a) = a else { continue };
            let name = a.arg.to_string();
            if !seen.insert(name.clone()) {
                return Err(self.error(a.range, format!("duplicate parameter `{name}`")));
            }
            let item = match &a.annotation {
                Some(ann) => {
                    let c = self.resolve_type(ann)?;
                    self.types.value_ty(c)
                }
                None => {
                    let sig_span = self.span(f.range);
                    self.slot_ty(sig_span, params.len())
                }
            };
            let t = self.rest_param_ty(item, dict);
            params.push((name, t));
            defaults.push(None);
        }
        let (varargs, varkw) = (args.vararg.is_some(), args.kwarg.is_some());
        let ret = match &f.returns {
            Some(r) => self.resolve_ret(r)?,
            None if mode.is_none() => {
                let sig_span = self.span(f.range);
                let ret = self.slot_ty(sig_span, usize::MAX);
                return Ok(Sig {
                    name: f.name.to_string(),
                    span: sig_span,
                    params,
                    defaults,
                    ret,
                    export: None,
                    skipped: 0,
                    kwonly: args.kwonlyargs.len(),
                    varargs,
                    varkw,
                });
            }
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
                if let Some(d) = self.class_at_boundary(*c, ann) {
                    return Err(d);
                }
                let vt = self.types.value_ty(*c);
                if self.types.has_var(vt) || self.callable_inside(vt) || self.generator_inside(vt) {
                    return Err(self
                        .error(
                            ann.range(),
                            "a canister method's parameters and result must be Candid types",
                        )
                        .with_help(
                            "functions, generators and type variables cannot cross the Candid boundary",
                        ));
                }
                if let Some((kind, path)) = self.dict_inside(*c, &mut Vec::new()) {
                    let help = if kind == "dict" {
                        "a canister method takes and returns Candid types: use `Vec[Tuple[K, V]]` or a Record"
                    } else {
                        "a canister method takes and returns Candid types: use a `Vec` (`list(s)`)"
                    };
                    return Err(self
                        .error(
                            ann.range(),
                            if path.is_empty() {
                                format!("a `{kind}` is not a Candid type")
                            } else {
                                format!("a `{kind}` is not a Candid type ({path})")
                            },
                        )
                        .with_help(help));
                }
            }
        }
        Ok(Sig {
            name: f.name.to_string(),
            span: self.span(f.range),
            params,
            defaults,
            ret: ret_ty,
            export: mode.map(|m| (m, candid_params, ret)),
            skipped: 0,
            kwonly: args.kwonlyargs.len(),
            varargs,
            varkw,
        })
    }

    /// The type of a `*args` (`tuple[T, ...]`) or `**kwargs`
    /// (`dict[str, T]`) parameter of items `item`.
    pub(crate) fn rest_param_ty(&mut self, item: Ty, dict: bool) -> Ty {
        if dict {
            self.types.dict(Ty::STR, item)
        } else {
            self.types.intern(TyKind::VarTuple(item))
        }
    }

    /// Whether parameter `i` of `sig` is its `*args` or `**kwargs`.
    pub(crate) fn rest_param(sig: &Sig, i: usize) -> Option<bool> {
        let named = sig.params.len() - sig.varargs as usize - sig.varkw as usize;
        match i.checked_sub(named) {
            Some(0) if sig.varargs => Some(false),
            Some(_) if sig.varkw => Some(true),
            _ => None,
        }
    }

    /// Where a `dict` hides inside the Candid type `c` (through Records,
    /// Variants and aliases), for the error message.
    fn dict_inside(
        &self,
        c: CandidTy,
        seen: &mut Vec<crate::model::DefId>,
    ) -> Option<(&'static str, String)> {
        use crate::model::CandidKind as K;
        match self.types.candid_kind(c) {
            K::Dict(..) => Some(("dict", String::new())),
            K::Set(_, false) => Some(("set", String::new())),
            K::Set(_, true) => Some(("frozenset", String::new())),
            K::Opt(x) | K::Vec(x) => self.dict_inside(*x, seen),
            K::Tuple(items) => items.iter().find_map(|x| self.dict_inside(*x, seen)),
            K::Named(d) if !seen.contains(d) => {
                seen.push(*d);
                let def = &self.defs[d.0 as usize];
                match &def.kind {
                    ir::DefKind::Record(fields) | ir::DefKind::Variant(fields) => {
                        fields.iter().find_map(|f| {
                            self.dict_inside(f.ty, seen).map(|(kind, _)| {
                                (kind, format!("in `{}[\"{}\"]`", def.name, f.name))
                            })
                        })
                    }
                    ir::DefKind::Alias(t) => self.dict_inside(*t, seen),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// The type of the items a function with `yield` in its body yields
    /// (`None` for other functions, and when its result annotation is not
    /// an `Iterator[T]`, which is reported).
    pub(crate) fn generator_item(&mut self, f: &ast::StmtFunctionDef, sig: &Sig) -> Option<Ty> {
        if !closures::yields(&f.body) {
            return None;
        }
        match self.types.kind(sig.ret) {
            TyKind::Generator(item) => Some(*item),
            // Unannotated: the result is `Iterator[T]` of the items the
            // `yield`s give (`T` is `NoReturn` until they do).
            _ if self.is_slot(sig.span, usize::MAX) => {
                let item = self.slot_ty(sig.span, infer::ITEMS_SLOT);
                if item != Ty::NEVER {
                    let g = self.types.intern(TyKind::Generator(item));
                    self.slot_gets(sig.span, usize::MAX, g);
                }
                Some(item)
            }
            _ => {
                let d = self
                    .error(
                        f.range,
                        format!("`{}` is a generator: it has `yield` in its body", f.name),
                    )
                    .with_help("annotate its result `Iterator[T]` (from typing), `T` the type of the items it yields");
                self.report(d);
                None
            }
        }
    }

    fn function(&mut self, f: &ast::StmtFunctionDef, sig: &Sig) -> ir::Function {
        self.generated.nested.clear();
        let mut ctx = FunCtx::new(&f.body, sig);
        ctx.generator = self.generator_item(f, sig);
        let generator = ctx.generator.is_some();
        let mut body = std::mem::take(&mut ctx.prologue);
        self.fun = Some(ctx);
        body.extend(self.block(&f.body));
        if !generator
            && self.is_slot(sig.span, usize::MAX)
            && stmt::terminates(&f.body)
            && !returns_value(&f.body)
        {
            // It never returns (it raises, or loops forever).
            self.slot_gets(sig.span, usize::MAX, Ty::NONE);
        }
        if !generator && self.is_slot(sig.span, usize::MAX) && !stmt::terminates(&f.body) {
            // Falling off the end returns `None`.
            self.slot_gets(sig.span, usize::MAX, Ty::NONE);
            if sig.ret != Ty::NONE {
                if let TyKind::Opt(_) = self.types.kind(sig.ret) {
                    let none = Expr::new(Ty::NONE, ir::ExprKind::None, sig.span);
                    let range = f.range;
                    match self.coerce(none, sig.ret, range) {
                        Ok(e) => body.push(ir::Stmt::Return(Some(e))),
                        Err(d) => self.report(d),
                    }
                }
            }
        }
        let ctx = self.fun.take().expect("function context");
        ir::Function {
            name: sig.name.clone(),
            span: sig.span,
            params: ctx.params.clone(),
            ret: sig.ret,
            locals: ctx.locals,
            body,
            raises: false,
            falls_through: true,
            generator,
        }
    }
}

/// Whether a body has a `return value` (outside nested definitions).
pub(crate) fn returns_value(body: &[ast::Stmt]) -> bool {
    body.iter().any(|s| match s {
        ast::Stmt::Return(r) => r.value.is_some(),
        ast::Stmt::FunctionDef(_) | ast::Stmt::ClassDef(_) => false,
        other => crate::load::nested_bodies(other)
            .into_iter()
            .any(returns_value),
    })
}

fn is_str_constant(e: &ast::Expr) -> bool {
    matches!(e, ast::Expr::Constant(c) if matches!(c.value, ast::Constant::Str(_)))
}

/// Literals and operators on literals only.
pub(crate) fn is_constant_expr(e: &ast::Expr) -> bool {
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

/// Offsets of the `from ... import` statements of a function body, at any
/// depth (not inside nested definitions).
fn collect_local_imports(body: &[ast::Stmt], out: &mut Vec<u32>) {
    for stmt in body {
        match stmt {
            ast::Stmt::ImportFrom(imp) => out.push(imp.range.start().into()),
            ast::Stmt::FunctionDef(_) | ast::Stmt::ClassDef(_) => {}
            other => {
                for b in crate::load::nested_bodies(other) {
                    collect_local_imports(b, out);
                }
            }
        }
    }
}

/// The names of the `global` statements of a function body.
fn collect_global_decls(body: &[ast::Stmt], out: &mut Vec<(String, TextRange)>) {
    for stmt in body {
        match stmt {
            ast::Stmt::Global(g) => out.extend(g.names.iter().map(|n| (n.to_string(), g.range))),
            ast::Stmt::FunctionDef(_) | ast::Stmt::ClassDef(_) => {}
            other => {
                for b in crate::load::nested_bodies(other) {
                    collect_global_decls(b, out);
                }
            }
        }
    }
}
