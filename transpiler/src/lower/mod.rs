//! Typed IR -> Rust source, built as tokens with `quote` and printed with
//! `prettyplease`.
//!
//! Each exported method is a Rust function on Python types plus the Candid
//! wrapper that ic-cdk exports. When Python code never calls the method
//! itself, the two are fused into one function (what a person would write);
//! otherwise the wrapper is a separate function that converts and calls it.

mod classes;
mod comprehension;
mod exceptions;
mod expr;
mod library;
mod matching;
mod names;
mod refs;
mod repr;
mod sets;

use crate::model::ir::DefKind;
use crate::model::ir::{
    BinOp, Export, Expr, ExprKind, ForEach, ForRange, FuncId, Function, LocalId, Place, Program,
    Stmt,
};
use crate::model::{CandidKind, CandidTy, DefId, Fixed, Mode, Ty, TyKind};
use crate::passes::reach;
use crate::source::Span;
use names::Namer;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::Arc;

/// Names of module items, decided before any function is lowered so that
/// functions can be lowered independently (and in parallel).
struct Items {
    /// By `GlobalId`: the `thread_local!` static.
    statics: Vec<String>,
    /// By `FuncId`: the Rust function.
    fn_names: Vec<String>,
    /// The separate Candid wrapper of each exported method that Python code
    /// also calls.
    wrappers: HashMap<FuncId, String>,
    /// All of the above, which locals must not shadow.
    all: Arc<HashSet<String>>,
    /// By `DefId`: the Rust struct, enum or type alias.
    types: Vec<String>,
    /// By `DefId`: the Rust names of a Record's fields or a Variant's tags.
    members: Vec<Vec<String>>,
    /// By `DefId`: which fields (tags) hold their type in a `Box`, because
    /// the type contains itself.
    boxed: Vec<Vec<bool>>,
    /// Exported functions whose Candid result is a tuple: the type alias
    /// their Rust result is spelled with (see `Lower::result_ty`).
    result_types: HashMap<FuncId, String>,
    non_ascii: bool,
    /// The functions generated (reachable from the exports).
    reached: BTreeSet<FuncId>,
    /// Which class fields reached code reads, which classes it builds.
    class_use: classes::ClassUse,
    /// Class hierarchies (one Rust type each), by root class.
    hierarchies: HashMap<DefId, classes::Hierarchy>,
}

/// What lowering one group of functions produced.
#[derive(Default)]
struct Part {
    /// Each item printed on its own.
    items: Vec<String>,
    uses: BTreeSet<&'static str>,
    non_ascii: bool,
}

/// Generates the canister's `lib.rs`.
pub fn lower(program: &Program) -> String {
    let reach = reach::reachable(program);
    // Item names: statics, then functions and wrappers, all unique.
    let mut namer = Namer::default();
    // A script's entry point is `run` (build/script.rs calls it).
    if program.script {
        namer.reserve("run");
    }
    let statics: Vec<String> = program
        .globals
        .iter()
        // A class attribute `Class.attr` is the static `CLASS_ATTR`.
        .map(|g| {
            namer
                .fresh(&names::screaming_case(&g.name.replace('.', "_")))
                .to_string()
        })
        .collect();
    let fn_names: Vec<String> = program
        .functions
        .iter()
        .map(|f| namer.fresh(&names::snake_case(&f.name)).to_string())
        .collect();
    // What runs the module-level code: `init` and `post_upgrade` of a
    // canister, `run` of a script.
    let starts: Vec<String> = if program.script {
        vec!["run".to_string()]
    } else if program.module_inits.is_empty() {
        Vec::new()
    } else {
        vec![
            namer.fresh("init").to_string(),
            namer.fresh("post_upgrade").to_string(),
        ]
    };
    let wrappers = program
        .exports
        .iter()
        .filter(|e| reach.functions.contains(&e.func) && reach.called.contains(&e.func))
        .map(|e| {
            let base = format!("{}_candid", fn_names[e.func.0 as usize]);
            (e.func, namer.fresh(&base).to_string())
        })
        .collect();
    // Type names live in Rust's type namespace, apart from the above.
    let mut type_namer = Namer::camel();
    for taken in RESERVED_TYPE_NAMES {
        type_namer.reserve(taken);
    }
    let types: Vec<String> = program
        .defs
        .iter()
        .map(|d| type_namer.fresh(&names::camel_case(&d.name)).to_string())
        .collect();
    let members = program
        .defs
        .iter()
        .map(|d| {
            let mut namer = Namer::default();
            match &d.kind {
                DefKind::Record(fields) => fields
                    .iter()
                    .map(|f| namer.fresh(&names::snake_case(&f.name)).to_string())
                    .collect(),
                DefKind::Variant(tags) => tags
                    .iter()
                    .map(|f| namer.fresh(&names::camel_case(&f.name)).to_string())
                    .collect(),
                DefKind::Class(c) => c
                    .fields
                    .iter()
                    .map(|f| namer.fresh(&names::snake_case(&f.name)).to_string())
                    .collect(),
                DefKind::Alias(_) | DefKind::Service(_) | DefKind::Exception(_) => Vec::new(),
            }
        })
        .collect();
    let mut used = used_defs(program);
    // A class is emitted when reached code handles its instances; a class
    // hierarchy with its root.
    let live_classes = reach::classes_used(program, &reach);
    for (i, d) in program.defs.iter().enumerate() {
        if let DefKind::Class(_) = d.kind {
            used[i] = false;
        }
    }
    for d in &live_classes {
        let root = crate::model::ir::class_hierarchy(&program.defs, *d).unwrap_or(*d);
        used[root.0 as usize] = true;
    }
    let class_use = classes::class_use(program, &reach.functions);
    let hierarchies = classes::hierarchies(program, &class_use, &types, &mut type_namer);
    let mut result_types = HashMap::new();
    let mut result_aliases = Vec::new();
    for e in &program.exports {
        let Some(c) = e.ret else { continue };
        let tuple = matches!(
            program.types.candid_kind(program.types.unalias(c)),
            CandidKind::Tuple(_)
        );
        if !tuple {
            continue;
        }
        let name = match program.types.candid_kind(c) {
            CandidKind::Named(d) => {
                used[d.0 as usize] = true;
                types[d.0 as usize].clone()
            }
            _ => {
                let base = names::camel_case(&format!("{}_result", fn_names[e.func.0 as usize]));
                let name = type_namer.fresh(&base).to_string();
                result_aliases.push((name.clone(), c, e.func));
                name
            }
        };
        result_types.insert(e.func, name);
    }
    let items = Items {
        statics,
        fn_names,
        wrappers,
        all: Arc::new(namer.names()),
        types,
        members,
        boxed: boxed_members(program),
        result_types,
        non_ascii: namer.non_ascii() || type_namer.non_ascii(),
        class_use,
        reached: reach.functions.clone(),
        hierarchies,
    };
    let funcs: Vec<FuncId> = (0..program.functions.len() as u32)
        .map(FuncId)
        .filter(|id| reach.functions.contains(id))
        .collect();
    // Large programs lower, parse and print their functions on every core;
    // the output is the same either way.
    let workers = if funcs.len() < 64 {
        1
    } else {
        std::thread::available_parallelism().map_or(1, |n| n.get().min(8))
    };
    let parts: Vec<Part> = if workers == 1 {
        vec![lower_functions(program, &items, &funcs)]
    } else {
        let chunk = funcs.len().div_ceil(workers);
        std::thread::scope(|scope| {
            let handles: Vec<_> = funcs
                .chunks(chunk)
                .map(|ids| {
                    let items = &items;
                    scope.spawn(move || lower_functions(program, items, ids))
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_default())
                .collect()
        })
    };

    let mut l = Lower::new(program, &items);
    let mut statics = Vec::new();
    let mut cells = (false, false);
    for (i, g) in program.globals.iter().enumerate() {
        let id = crate::model::ir::GlobalId(i as u32);
        if !reach.globals.contains(&id) {
            continue;
        }
        let name = l.global(id);
        let ty = l.rust_ty(g.ty);
        let init = if g.unbound {
            let py = &g.name;
            quote!(runtime_lite::unbound(#py))
        } else {
            l.val(&g.init).ts
        };
        if g.ty.is_copy() {
            cells.0 = true;
            statics.push(quote! { static #name: Cell<#ty> = Cell::new(#init); });
        } else {
            cells.1 = true;
            statics.push(quote! { static #name: RefCell<#ty> = RefCell::new(#init); });
        }
    }
    let mut type_items: Vec<String> = (0..program.defs.len())
        .filter(|i| used[*i])
        .map(|i| print(l.type_def(DefId(i as u32))))
        .collect();
    for d in repr::printed_defs(program) {
        if used[d.0 as usize] {
            type_items.push(print(l.repr_impl(d)));
        }
    }
    for (name, c, func) in result_aliases {
        let name = format_ident!("{}", name);
        let t = l.candid_rust_ty(c, program.function(func).ret);
        type_items.push(print(quote! { type #name = #t; }));
    }
    let mut uses = l.uses;
    let mut non_ascii = items.non_ascii;
    for p in &parts {
        uses.extend(p.uses.iter());
        non_ascii |= p.non_ascii;
    }
    let mut header = TokenStream::new();
    if non_ascii {
        // Python identifiers may use any script; rustc lints some of them.
        header.extend(
            quote! { #![allow(mixed_script_confusables, confusable_idents, uncommon_codepoints)] },
        );
    }
    match cells {
        (true, true) => header.extend(quote! { use std::cell::{Cell, RefCell}; }),
        (true, false) => header.extend(quote! { use std::cell::Cell; }),
        (false, true) => header.extend(quote! { use std::cell::RefCell; }),
        (false, false) => {}
    }
    if uses.contains("Principal") {
        header.extend(quote! { use candid::Principal; });
    }
    if uses.contains("Rc") {
        header.extend(quote! { use std::rc::Rc; });
    }
    let rt: Vec<_> = uses
        .iter()
        .filter(|u| **u != "Principal" && **u != "Rc")
        .map(|u| {
            let i = format_ident!("{}", u);
            quote!(#i)
        })
        .collect();
    match rt.len() {
        0 => {}
        1 => header.extend(quote! { use runtime_lite::#(#rt)*; }),
        _ => header.extend(quote! { use runtime_lite::{#(#rt),*}; }),
    }
    let mut out = format!(
        "// Generated by kybra-aot from {}. Do not edit: change the Python source.\n",
        program.file
    );
    let mut sections = vec![print(header)];
    if !statics.is_empty() {
        sections.push(print(quote! { thread_local! { #(#statics)* } }));
    }
    sections.extend(type_items);
    sections.extend(parts.into_iter().flat_map(|p| p.items));
    let calls: Vec<syn::Ident> = program
        .module_inits
        .iter()
        .map(|id| format_ident!("{}", items.fn_names[id.0 as usize]))
        .collect();
    for (i, start) in starts.iter().enumerate() {
        let name = format_ident!("{}", start);
        let item = if program.script {
            quote! {
                /// Runs the script's top level.
                pub fn #name() { #(#calls();)* }
            }
        } else if i == 0 {
            quote! {
                /// Runs the module-level code on install (a new heap).
                #[ic_cdk::init]
                fn #name() { #(#calls();)* }
            }
        } else {
            quote! {
                /// Runs the module-level code again after an upgrade (the heap is new).
                #[ic_cdk::post_upgrade]
                fn #name() { #(#calls();)* }
            }
        };
        sections.push(print(item));
    }
    // One blank line between sections, as rustfmt-formatted code has.
    for s in sections.iter().filter(|s| !s.is_empty()) {
        out.push('\n');
        out.push_str(s);
    }
    out
}

/// Names the generated code imports or relies on in the type namespace.
const RESERVED_TYPE_NAMES: &[&str] = &[
    "Int",
    "Principal",
    "Cell",
    "RefCell",
    "String",
    "Vec",
    "Option",
    "Box",
    "Result",
    "Exception",
    "Args",
    "FixedInt",
    "OrRaise",
    "Py",
    "PyStr",
    "PyFormat",
    "Truthy",
    "Self",
    "CandidType",
    "Deserialize",
    "Shared",
    "List",
    "Dict",
    "PySet",
    "Nat",
    "PyOrd",
    "PySeq",
    "Gen",
];

/// The definitions a value of type `t` holds without indirection (a `Vec`
/// is an indirection; `Opt`, tuples and fields are not).
fn by_value(program: &Program, t: CandidTy, out: &mut Vec<DefId>) {
    match program.types.candid_kind(t) {
        CandidKind::Named(d) if !out.contains(d) => {
            out.push(*d);
            if let DefKind::Alias(target) = &program.def(*d).kind {
                by_value(program, *target, out);
            }
        }
        CandidKind::Opt(x) => by_value(program, *x, out),
        CandidKind::Tuple(xs) => xs.iter().for_each(|x| by_value(program, *x, out)),
        _ => {}
    }
}

/// Which definitions the Rust code names: every Record and Variant, and
/// the aliases used inside them (elsewhere an alias is spelled out, so an
/// unused `type` item would warn).
fn used_defs(program: &Program) -> Vec<bool> {
    fn mark(program: &Program, t: CandidTy, used: &mut Vec<bool>, todo: &mut Vec<DefId>) {
        match program.types.candid_kind(t) {
            CandidKind::Named(d) if !used[d.0 as usize] => {
                used[d.0 as usize] = true;
                todo.push(*d);
            }
            CandidKind::Opt(x) | CandidKind::Vec(x) => mark(program, *x, used, todo),
            CandidKind::Tuple(xs) => xs.iter().for_each(|x| mark(program, *x, used, todo)),
            CandidKind::Func { args, rets, .. } => args
                .iter()
                .chain(rets)
                .for_each(|x| mark(program, *x, used, todo)),
            _ => {}
        }
    }
    // Roots: the definitions some value of the program has (parameters,
    // results, locals, expressions, globals; exported methods' types are
    // their functions'); aliases only when they name a reference type, or
    // a used definition spells a member with them. A class no code uses
    // is not emitted (rustc would warn about it).
    let mut used: Vec<bool> = (0..program.defs.len())
        .map(|i| {
            matches!(program.defs[i].kind, DefKind::Alias(_))
                && refs::is_ref_item(program, DefId(i as u32))
        })
        .collect();
    let mut tys: Vec<Ty> = program.globals.iter().map(|g| g.ty).collect();
    for f in &program.functions {
        tys.push(f.ret);
        tys.extend(f.locals.iter().map(|l| l.ty));
        crate::model::visit::each_expr(&f.body, &mut |e| tys.push(e.ty));
    }
    for g in &program.globals {
        crate::model::visit::each_subexpr(&g.init, &mut |e| tys.push(e.ty));
    }
    let mut seen = std::collections::HashSet::new();
    while let Some(t) = tys.pop() {
        if !seen.insert(t) {
            continue;
        }
        match program.types.kind(t) {
            TyKind::Nominal(d) => used[d.0 as usize] = true,
            TyKind::Opt(x) | TyKind::List(x) | TyKind::Set(x) | TyKind::FrozenSet(x) => {
                tys.push(*x)
            }
            TyKind::Dict(k, v) => tys.extend([*k, *v]),
            TyKind::Tuple(items) => tys.extend(items.iter().copied()),
            TyKind::Callable { params, ret } => {
                tys.extend(params.iter().copied());
                tys.push(*ret);
            }
            _ => {}
        }
    }
    let mut todo: Vec<DefId> = (0..program.defs.len() as u32)
        .map(DefId)
        .filter(|d| used[d.0 as usize])
        .collect();

    while let Some(d) = todo.pop() {
        match &program.def(d).kind {
            DefKind::Record(fs) | DefKind::Variant(fs) | DefKind::Service(fs) => fs
                .iter()
                .for_each(|f| mark(program, f.ty, &mut used, &mut todo)),
            DefKind::Alias(t) => mark(program, *t, &mut used, &mut todo),
            DefKind::Exception(_) | DefKind::Class(_) => {}
        }
    }
    // Exception classes are names in `except` arms, not Rust types.
    for (i, d) in program.defs.iter().enumerate() {
        if matches!(d.kind, DefKind::Exception(_)) {
            used[i] = false;
        }
    }
    used
}

/// For each definition, the members whose type leads back to it by value:
/// they are boxed so the Rust type has a size.
fn boxed_members(program: &Program) -> Vec<Vec<bool>> {
    // Definitions reachable by value from each one (transitively).
    let direct: Vec<Vec<DefId>> = program
        .defs
        .iter()
        .map(|d| {
            let mut out = Vec::new();
            match &d.kind {
                DefKind::Record(fs) | DefKind::Variant(fs) => {
                    fs.iter().for_each(|f| by_value(program, f.ty, &mut out))
                }
                DefKind::Alias(t) => by_value(program, *t, &mut out),
                DefKind::Service(_) | DefKind::Exception(_) | DefKind::Class(_) => {}
            }
            out
        })
        .collect();
    let reaches = |from: &[DefId], target: DefId| {
        let mut seen: Vec<DefId> = from.to_vec();
        let mut i = 0;
        while i < seen.len() {
            if seen[i] == target {
                return true;
            }
            for d in &direct[seen[i].0 as usize] {
                if !seen.contains(d) {
                    seen.push(*d);
                }
            }
            i += 1;
        }
        false
    };
    program
        .defs
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let leads_back = |t: &CandidTy| {
                let mut out = Vec::new();
                by_value(program, *t, &mut out);
                reaches(&out, DefId(i as u32))
            };
            match &d.kind {
                DefKind::Record(fs) | DefKind::Variant(fs) => {
                    fs.iter().map(|f| leads_back(&f.ty)).collect()
                }
                DefKind::Alias(_) => match program.tuple_alias(DefId(i as u32)) {
                    Some(items) => items.iter().map(leads_back).collect(),
                    None => Vec::new(),
                },
                DefKind::Service(_) | DefKind::Exception(_) | DefKind::Class(_) => Vec::new(),
            }
        })
        .collect()
}

/// Lowers functions `ids` (and their wrappers), each printed on its own.
fn lower_functions(program: &Program, items: &Items, ids: &[FuncId]) -> Part {
    let mut l = Lower::new(program, items);
    let mut out = Vec::new();
    for &id in ids {
        let f = program.function(id);
        match program.export_of(id) {
            Some(e) if !items.wrappers.contains_key(&id) => {
                out.push(print(l.function(f, id, Some(e))));
            }
            Some(e) => {
                out.push(print(l.function(f, id, None)));
                out.push(print(l.wrapper(f, id, e)));
            }
            None => out.push(print(l.function(f, id, None))),
        }
    }
    Part {
        items: out,
        uses: l.uses,
        non_ascii: l.non_ascii,
    }
}

/// Rust tokens of whole items, formatted.
fn print(tokens: TokenStream) -> String {
    if tokens.is_empty() {
        return String::new();
    }
    match syn::parse2::<syn::File>(tokens) {
        Ok(f) => prettyplease::unparse(&f),
        // A bug in this module: rustc reports it on the generated crate.
        Err(e) => {
            let msg = format!("kybra-aot internal error: {e}");
            format!("compile_error!({msg:?});\n")
        }
    }
}

pub(crate) struct Lower<'p> {
    pub(crate) program: &'p Program,
    items: &'p Items,
    /// Names imported from runtime-lite (and `Principal` from candid).
    pub(crate) uses: BTreeSet<&'static str>,
    /// By `LocalId`, for the current function.
    pub(crate) locals: Vec<syn::Ident>,
    /// Names of the current function's scope (locals and temporaries).
    pub(crate) namer: Namer,
    pub(crate) fun: Option<&'p Function>,
    /// The Candid result type while lowering a fused exported method: its
    /// `return`s convert to it.
    boundary_ret: Option<Option<CandidTy>>,
    non_ascii: bool,
    /// Names bound by the enclosing match arms and narrowings, and how a
    /// read of each looks.
    pub(crate) bound: std::collections::HashMap<matching::Bound, matching::BoundRead>,
    /// Where exceptions of the code being lowered go.
    pub(crate) catch: exceptions::Catch,
    /// The enclosing `try`s' `finally` bodies, innermost last.
    pub(crate) finallies: Vec<exceptions::Finally>,
    /// The number of loops enclosing the statement being lowered.
    pub(crate) loops: usize,
    /// The enclosing loops' labels, innermost last, and whether some
    /// `break` or `continue` names it (one inside a labeled block must).
    pub(crate) loop_labels: Vec<(String, bool)>,
    /// Labeled blocks opened since the innermost loop began.
    pub(crate) open_blocks: usize,
    /// Block labels handed out in the current function, per name.
    pub(crate) labels: HashMap<String, usize>,
    /// The labels some `break` targets.
    pub(crate) used_labels: HashSet<String>,
    /// Whether the function has a `finally` copied onto an exception path.
    pub(crate) finally_copies: bool,
}

/// How a Python value crosses the Candid boundary.
enum Boundary {
    /// The Rust type is the same on both sides.
    Same,
    Nat,
    Int,
    /// `Opt[Opt[..T]]` with this many extra `opt`s: Python holds `None` or
    /// a `T`.
    Flatten(usize),
}

impl<'p> Lower<'p> {
    fn new(program: &'p Program, items: &'p Items) -> Self {
        Lower {
            program,
            items,
            uses: BTreeSet::new(),
            locals: Vec::new(),
            namer: Namer::default(),
            fun: None,
            boundary_ret: None,
            non_ascii: false,
            bound: std::collections::HashMap::new(),
            catch: exceptions::Catch::Trap,
            finallies: Vec::new(),
            loops: 0,
            loop_labels: Vec::new(),
            open_blocks: 0,
            labels: HashMap::new(),
            used_labels: HashSet::new(),
            finally_copies: false,
        }
    }

    pub(crate) fn global(&self, id: crate::model::ir::GlobalId) -> syn::Ident {
        format_ident!("{}", self.items.statics[id.0 as usize])
    }

    /// The Rust type of a named Candid type.
    pub(crate) fn type_name(&self, id: DefId) -> syn::Ident {
        format_ident!("{}", self.items.types[id.0 as usize])
    }

    /// The Rust name of field (or tag) `i` of definition `id`, and whether
    /// it is boxed.
    pub(crate) fn member(&self, id: DefId, i: usize) -> (syn::Ident, bool) {
        let name = format_ident!("{}", self.items.members[id.0 as usize][i]);
        let boxed = self.items.boxed[id.0 as usize]
            .get(i)
            .copied()
            .unwrap_or(false);
        (name, boxed)
    }

    /// Whether member `i` of definition `id` is held in a `Box`.
    pub(crate) fn member_boxed(&self, id: DefId, i: usize) -> bool {
        self.items.boxed[id.0 as usize]
            .get(i)
            .copied()
            .unwrap_or(false)
    }

    /// Whether tag `i` of Variant `id` carries no value.
    pub(crate) fn tag_is_null(&self, id: DefId, i: usize) -> bool {
        match &self.program.def(id).kind {
            DefKind::Variant(tags) => tags.get(i).is_some_and(|t| t.ty == CandidTy::NULL),
            _ => false,
        }
    }

    /// The Rust type of a Candid type inside a definition: the Rust type of
    /// the Python value held there, so a field of a shared list type is a
    /// `List`, of a shared Record type a `Shared`.
    fn candid_member_ty(&mut self, c: CandidTy) -> TokenStream {
        // The representation (plain or shared) follows the Python type; the
        // spelling keeps alias names, whose definitions have the same type.
        let shared = self
            .program
            .types
            .find_member_ty(c)
            .is_some_and(|t| self.is_shared(t));
        match self.program.types.candid_kind(c).clone() {
            CandidKind::Named(d) => match self.program.def(d).kind {
                DefKind::Alias(_) => {
                    let name = self.type_name(d);
                    quote!(#name)
                }
                _ => {
                    let name = self.type_name(d);
                    if shared {
                        self.uses.insert("Shared");
                        quote!(Shared<#name>)
                    } else {
                        quote!(#name)
                    }
                }
            },
            CandidKind::Opt(t) => {
                let t = self.candid_member_ty(t);
                quote!(Option<#t>)
            }
            CandidKind::Vec(t) => {
                let t = self.candid_member_ty(t);
                if shared {
                    self.uses.insert("List");
                    quote!(List<#t>)
                } else {
                    quote!(Vec<#t>)
                }
            }
            CandidKind::Dict(k, v) => {
                self.uses.insert("Dict");
                let k = self.candid_member_ty(k);
                let v = self.candid_member_ty(v);
                quote!(Dict<#k, #v>)
            }
            CandidKind::Set(t, _) => {
                self.uses.insert("PySet");
                let t = self.candid_member_ty(t);
                quote!(PySet<#t>)
            }
            CandidKind::Tuple(items) => {
                let items: Vec<TokenStream> = items
                    .into_iter()
                    .map(|t| self.candid_member_ty(t))
                    .collect();
                quote!((#(#items,)*))
            }
            CandidKind::Func { .. } => self.func_ty(c),
            CandidKind::Nat => self.rust_ty(Ty::NAT),
            // `blob` is `bytes`, not a list of `nat8`.
            _ => match self.program.types.primitive_value_ty(c) {
                Some(t) => self.rust_ty(t),
                None => quote!(()),
            },
        }
    }

    /// Whether values of `t` are shared handles (`passes::sharing`).
    pub(crate) fn is_shared(&self, t: Ty) -> bool {
        self.program.shared.contains(&t)
    }

    /// The struct, enum or type alias of definition `id`.
    fn type_def(&mut self, id: DefId) -> TokenStream {
        if let Some(item) = self.ref_type_def(id) {
            return item;
        }
        let def = self.program.def(id);
        let name = self.type_name(id);
        let derive =
            quote!(#[derive(candid::CandidType, serde::Deserialize, Clone, Debug, PartialEq)]);
        let members = |this: &mut Self, fields: &[crate::model::ir::Field], variant: bool| {
            fields
                .iter()
                .enumerate()
                .map(|(i, f)| {
                    let (member, boxed) = this.member(id, i);
                    let rename = (member != f.candid_name()).then(|| {
                        let n = f.candid_name();
                        quote!(#[serde(rename = #n)])
                    });
                    let ty = this.candid_member_ty(f.ty);
                    let ty = if boxed { quote!(Box<#ty>) } else { ty };
                    if !variant {
                        quote!(#rename #member: #ty)
                    } else if f.ty == CandidTy::NULL {
                        quote!(#rename #member)
                    } else {
                        quote!(#rename #member(#ty))
                    }
                })
                .collect::<Vec<_>>()
        };
        match &def.kind {
            DefKind::Record(fields) => {
                let fields = members(self, fields, false);
                quote! { #derive struct #name { #(#fields),* } }
            }
            DefKind::Variant(tags) => {
                let tags = members(self, tags, true);
                quote! { #derive enum #name { #(#tags),* } }
            }
            DefKind::Alias(_) if self.program.tuple_alias(id).is_some() => {
                let items = self.program.tuple_alias(id).unwrap_or_default().to_vec();
                let items: Vec<TokenStream> = items
                    .iter()
                    .enumerate()
                    .map(|(i, t)| {
                        let ty = self.candid_member_ty(*t);
                        if self.member_boxed(id, i) {
                            quote!(Box<#ty>)
                        } else {
                            ty
                        }
                    })
                    .collect();
                quote! { #derive struct #name(#(#items),*); }
            }
            DefKind::Alias(t) => {
                let t = self.candid_member_ty(*t);
                quote! { type #name = #t; }
            }
            // Emitted by `ref_type_def`; exception classes have no type.
            DefKind::Service(_) | DefKind::Exception(_) => quote!(),
            DefKind::Class(_) => self.class_def(id),
        }
    }

    pub(crate) fn fn_name(&self, id: FuncId) -> syn::Ident {
        format_ident!("{}", self.items.fn_names[id.0 as usize])
    }

    pub(crate) fn local(&self, id: LocalId) -> syn::Ident {
        self.locals[id.0 as usize].clone()
    }

    /// Whether a local is a cell shared with nested functions.
    pub(crate) fn is_cell(&self, id: LocalId) -> bool {
        self.fun.is_some_and(|f| f.local(id).cell)
    }

    pub(crate) fn local_single_use(&self, id: LocalId) -> bool {
        self.fun.is_some_and(|f| f.local(id).single_use)
    }

    /// `file:line` of a span, for runtime exception messages.
    pub(crate) fn at(&self, span: Span) -> String {
        self.program.location(span)
    }

    pub(crate) fn rust_ty(&mut self, t: Ty) -> TokenStream {
        if let Some(k) = t.as_fixed() {
            return fixed_ty(k);
        }
        if let Some(leaf) = refs::leaf_ty(t) {
            return leaf;
        }
        match t {
            Ty::INT => {
                self.uses.insert("Int");
                quote!(Int)
            }
            Ty::NAT => {
                self.uses.insert("Nat");
                quote!(Nat)
            }
            Ty::FLOAT64 => quote!(f64),
            Ty::FLOAT32 => quote!(f32),
            Ty::BOOL => quote!(bool),
            Ty::STR => quote!(String),
            Ty::BYTES => quote!(Vec<u8>),
            Ty::PRINCIPAL => {
                self.uses.insert("Principal");
                quote!(Principal)
            }
            Ty::NONE => quote!(()),
            Ty::EXCEPTION => {
                self.uses.insert("Exception");
                quote!(Exception)
            }
            Ty::EXC_ARGS => {
                self.uses.insert("Args");
                quote!(Args)
            }
            Ty::NUM => {
                self.uses.insert("Num");
                quote!(Num)
            }
            _ => match self.program.types.kind(t).clone() {
                TyKind::Nominal(d) => {
                    let name = self.nominal_name(d);
                    if self.is_shared(t) {
                        self.uses.insert("Shared");
                        quote!(Shared<#name>)
                    } else {
                        quote!(#name)
                    }
                }
                TyKind::Opt(t) => {
                    let t = self.rust_ty(t);
                    quote!(Option<#t>)
                }
                TyKind::List(item) => {
                    let item = self.rust_ty(item);
                    if self.is_shared(t) {
                        self.uses.insert("List");
                        quote!(List<#item>)
                    } else {
                        quote!(Vec<#item>)
                    }
                }
                TyKind::Set(item) | TyKind::FrozenSet(item) => {
                    self.uses.insert("PySet");
                    let item = self.rust_ty(item);
                    quote!(PySet<#item>)
                }
                TyKind::Dict(k, v) => {
                    self.uses.insert("Dict");
                    let k = self.rust_ty(k);
                    let v = self.rust_ty(v);
                    quote!(Dict<#k, #v>)
                }
                TyKind::Tuple(items) => {
                    let items: Vec<TokenStream> =
                        items.into_iter().map(|t| self.rust_ty(t)).collect();
                    quote!((#(#items,)*))
                }
                TyKind::Func(c) => self.func_ty(c),
                TyKind::Callable { params, ret } => self.callable_ty(&params, ret),
                TyKind::VarTuple(item) => {
                    let item = self.rust_ty(item);
                    quote!(Vec<#item>)
                }
                TyKind::Generator(item) => {
                    self.uses.insert("Gen");
                    let item = self.rust_ty(item);
                    quote!(Gen<#item>)
                }
                // Types the checker does not produce yet.
                _ => quote!(()),
            },
        }
    }

    /// `Rc<dyn Fn(A, B) -> R>`: a function value.
    pub(crate) fn callable_ty(&mut self, params: &[Ty], ret: Ty) -> TokenStream {
        self.uses.insert("Rc");
        let params: Vec<TokenStream> = params.iter().map(|t| self.rust_ty(*t)).collect();
        if ret == Ty::NONE {
            quote!(Rc<dyn Fn(#(#params),*)>)
        } else {
            let r = self.rust_ty(ret);
            quote!(Rc<dyn Fn(#(#params),*) -> #r>)
        }
    }

    fn boundary(&self, c: CandidTy) -> Boundary {
        let depth = self.program.types.opt_depth(c);
        if depth > 1 {
            return Boundary::Flatten(depth - 1);
        }
        match self
            .program
            .types
            .candid_kind(self.program.types.unalias(c))
        {
            CandidKind::Nat => Boundary::Nat,
            CandidKind::Int => Boundary::Int,
            _ => Boundary::Same,
        }
    }

    /// The Rust type of a Candid value at the boundary.
    /// `py` is the Python type of the value: outside `nat` and `int`, the
    /// two representations coincide.
    fn candid_rust_ty(&mut self, c: CandidTy, py: Ty) -> TokenStream {
        match self.boundary(c) {
            Boundary::Nat => quote!(candid::Nat),
            Boundary::Int => quote!(candid::Int),
            Boundary::Flatten(_) => self.candid_member_ty(c),
            Boundary::Same => self.rust_ty(py),
        }
    }

    /// A Python value (`v`, of the result's Python type) as the Candid
    /// result.
    fn candid_result(&mut self, v: TokenStream, c: CandidTy, span: Span) -> TokenStream {
        match self.boundary(c) {
            Boundary::Nat => {
                let at = self.at(span);
                quote!(#v.to_candid_nat().or_raise(#at))
            }
            Boundary::Int => quote!(#v.to_candid_int()),
            // `None` stays `null`; a value `x` is `opt opt x`.
            Boundary::Flatten(1) => quote!(#v.map(Some)),
            Boundary::Flatten(n) => {
                let mut wrapped = quote!(v);
                for _ in 0..n {
                    wrapped = quote!(Some(#wrapped));
                }
                quote!(#v.map(|v| #wrapped))
            }
            Boundary::Same => v,
        }
    }

    /// The Rust result type of exported function `id`: ic-cdk reads a Rust
    /// tuple result as several Candid results, so a Candid tuple (one
    /// `record` result) is returned under a type alias.
    fn result_ty(&mut self, id: FuncId, c: CandidTy) -> TokenStream {
        match self.items.result_types.get(&id) {
            Some(name) => {
                let name = format_ident!("{}", name);
                quote!(#name)
            }
            None => self.candid_rust_ty(c, self.program.function(id).ret),
        }
    }

    fn export_attr(&self, e: &Export, rust_name: &syn::Ident) -> TokenStream {
        let m = match e.mode {
            Mode::Query => quote!(query),
            Mode::Update => quote!(update),
        };
        let mut options = Vec::new();
        if *rust_name != e.name.as_str() {
            let n = &e.name;
            options.push(quote!(name = #n));
        }
        // Compound arguments decode with a budget (runtime_lite::args).
        let compound = e.params.iter().any(|c| self.is_compound(*c));
        if compound {
            let f = if e.params.len() == 1 {
                "runtime_lite::args::decode_one"
            } else {
                "runtime_lite::args::decode_args"
            };
            options.push(quote!(decode_with = #f));
        }
        if options.is_empty() {
            quote!(#[ic_cdk::#m])
        } else {
            quote!(#[ic_cdk::#m(#(#options),*)])
        }
    }

    /// Whether values of `c` can nest or repeat (vectors, options, records,
    /// variants, tuples): decoding them needs a budget.
    fn is_compound(&self, c: CandidTy) -> bool {
        let types = &self.program.types;
        !matches!(
            types.candid_kind(types.unalias(c)),
            CandidKind::Nat
                | CandidKind::Int
                | CandidKind::Fixed(_)
                | CandidKind::Float64
                | CandidKind::Float32
                | CandidKind::Bool
                | CandidKind::Text
                | CandidKind::Blob
                | CandidKind::Null
                | CandidKind::Principal
                | CandidKind::Reserved
                | CandidKind::Empty
        )
    }

    /// Names the locals of `f`: Python names in snake case, unique, `_`
    /// for the unused ones; module items stay reachable.
    fn name_locals(&mut self, f: &Function) {
        self.namer = Namer::inside(self.items.all.clone());
        if f.generator {
            // The `Co` a generator's `yield`s go through.
            self.namer.fresh("co");
        }
        self.locals = f
            .locals
            .iter()
            .map(|l| {
                // `self.x` (an attribute in `__init__`) is named `x`.
                let name = l.name.rsplit('.').next().unwrap_or(&l.name);
                let base = names::snake_case(name);
                if l.used {
                    self.namer.fresh(&base)
                } else {
                    self.namer.fresh_unused(&base)
                }
            })
            .collect();
        if self.namer.non_ascii() {
            self.non_ascii = true;
        }
    }

    /// A function; `export` set fuses it with its Candid wrapper.
    fn function(&mut self, f: &'p Function, id: FuncId, export: Option<&Export>) -> TokenStream {
        self.fun = Some(f);
        self.name_locals(f);
        self.catch = if f.raises {
            exceptions::Catch::Return
        } else {
            exceptions::Catch::Trap
        };
        self.finallies.clear();
        self.loops = 0;
        self.labels.clear();
        self.used_labels.clear();
        self.finally_copies = false;
        let name = self.fn_name(id);
        let mut params = Vec::new();
        let mut prologue = Vec::new();
        for (i, p) in f.params.iter().enumerate() {
            let decl = f.local(*p);
            let pid = self.local(*p);
            let m = decl.mutable.then(|| quote!(mut));
            match export {
                Some(e) => {
                    let c = e.params[i];
                    let ty = self.candid_rust_ty(c, decl.ty);
                    params.push(quote!(#pid: #ty));
                    match self.boundary(c) {
                        Boundary::Nat | Boundary::Int if decl.used => {
                            self.uses.insert("Int");
                            prologue.push(quote! { let #m #pid = Int::from(#pid); });
                        }
                        Boundary::Flatten(n) if decl.used => {
                            let flat = (0..n).map(|_| quote!(.flatten()));
                            prologue.push(quote! { let #m #pid = #pid #(#flat)*; });
                        }
                        // ic-cdk's macros copy parameter patterns; rebind instead.
                        _ if decl.mutable => prologue.push(quote! { let mut #pid = #pid; }),
                        _ => {}
                    }
                }
                None if decl.cell => {
                    self.uses.insert("PyCell");
                    let ty = self.rust_ty(decl.ty);
                    params.push(quote!(#pid: PyCell<#ty>));
                }
                None => {
                    let ty = self.rust_ty(decl.ty);
                    params.push(quote!(#m #pid: #ty));
                }
            }
        }
        let ret = match export {
            Some(e) => match e.ret {
                None => quote!(),
                Some(c) if c == CandidTy::NULL => quote!(),
                Some(c) => {
                    let t = self.result_ty(id, c);
                    quote!(-> #t)
                }
            },
            None if f.call_raises() => {
                self.uses.insert("Exception");
                let t = if f.ret == Ty::NONE {
                    quote!(())
                } else {
                    self.rust_ty(f.ret)
                };
                quote!(-> Result<#t, Exception>)
            }
            None if f.ret == Ty::NONE => quote!(),
            // A function returning `empty` never returns.
            None if f.ret == Ty::NEVER => quote!(-> !),
            None => {
                let t = self.rust_ty(f.ret);
                quote!(-> #t)
            }
        };
        if f.generator {
            // The body runs lazily inside the generator object; a fallible
            // one (`f.raises`) ends with its exception (`Gen::fallible`).
            self.uses.insert("Gen");
            let stmts = self.block(&f.body);
            self.catch = exceptions::Catch::Trap;
            let allow = self
                .finally_copies
                .then(|| quote!(#[allow(unused_assignments)]));
            let body = if !f.raises {
                quote!(Gen::new(move |co| async move { #stmts }))
            } else if f.falls_through {
                quote!(Gen::fallible(move |co| async move { #stmts Ok(()) }))
            } else {
                quote!(Gen::fallible(move |co| async move { #stmts }))
            };
            return quote! {
                #allow
                fn #name(#(#params),*) #ret {
                    #(#prologue)*
                    #body
                }
            };
        }
        let attr = export.map(|e| self.export_attr(e, &name));
        self.boundary_ret = export.map(|e| e.ret);
        // A final `return x` becomes the tail expression; a final bare
        // `return` disappears.
        let (body, tail) = match f.body.split_last() {
            Some((Stmt::Return(Some(e)), rest)) => (rest, Some(e)),
            Some((Stmt::Return(None), rest)) => (rest, None),
            _ => (f.body.as_slice(), None),
        };
        let stmts = self.block(body);
        let tail = match tail {
            Some(e) if f.raises && refs::never_returns(e) => Some(self.val(e).ts),
            Some(e) if f.raises => {
                let v = self.return_value(e);
                Some(self.ok(v))
            }
            Some(e) => Some(self.return_value(e)),
            None if f.raises
                && (f.falls_through || matches!(f.body.last(), Some(Stmt::Return(None)))) =>
            {
                Some(quote!(Ok(())))
            }
            None => None,
        };
        self.boundary_ret = None;
        self.catch = exceptions::Catch::Trap;
        let allow = self
            .finally_copies
            .then(|| quote!(#[allow(unused_assignments)]));
        quote! {
            #attr
            #allow
            fn #name(#(#params),*) #ret {
                #(#prologue)*
                #stmts
                #tail
            }
        }
    }

    /// The separate Candid wrapper of a method Python code also calls.
    fn wrapper(&mut self, f: &Function, id: FuncId, e: &Export) -> TokenStream {
        let inner = self.fn_name(id);
        let name = format_ident!("{}", self.items.wrappers[&id]);
        let mut namer = Namer::default();
        let mut params = Vec::new();
        let mut args = Vec::new();
        for (i, p) in f.params.iter().enumerate() {
            let c = e.params[i];
            let ty = self.candid_rust_ty(c, f.local(*p).ty);
            let pid = namer.fresh(&names::snake_case(&f.local(*p).name));
            params.push(quote!(#pid: #ty));
            args.push(match self.boundary(c) {
                Boundary::Nat | Boundary::Int => {
                    self.uses.insert("Int");
                    quote!(Int::from(#pid))
                }
                Boundary::Flatten(n) => {
                    let flat = (0..n).map(|_| quote!(.flatten()));
                    quote!(#pid #(#flat)*)
                }
                Boundary::Same => quote!(#pid),
            });
        }
        let call = if f.raises {
            let at = self.at(f.span);
            quote!(#inner(#(#args),*).or_raise(#at))
        } else {
            quote!(#inner(#(#args),*))
        };
        let attr = self.export_attr(e, &name);
        let (ret, body) = match e.ret {
            Some(c) if c != CandidTy::NULL => {
                let t = self.result_ty(id, c);
                let body = self.candid_result(call, c, f.span);
                (quote!(-> #t), body)
            }
            _ => (quote!(), quote!(#call;)),
        };
        quote! {
            #attr
            fn #name(#(#params),*) #ret {
                #body
            }
        }
    }

    /// The value a `return` produces: converted to the Candid result in a
    /// fused exported method.
    fn return_value(&mut self, e: &Expr) -> TokenStream {
        match self.boundary_ret {
            Some(Some(c)) if c != CandidTy::NULL => {
                let v = match self.boundary(c) {
                    Boundary::Same => self.val(e).ts,
                    _ => self.receiver(e),
                };
                self.candid_result(v, c, e.span)
            }
            _ => self.val(e).ts,
        }
    }

    pub(crate) fn block_ts(&mut self, stmts: &[Stmt]) -> TokenStream {
        self.block(stmts)
    }

    fn block(&mut self, stmts: &[Stmt]) -> TokenStream {
        let mut out = TokenStream::new();
        let mut k = 0;
        while k < stmts.len() {
            if let Some(ts) = self.let_else(&stmts[k..]) {
                out.extend(ts);
                k += 2;
                continue;
            }
            out.extend(self.stmt(&stmts[k]));
            k += 1;
        }
        out
    }

    fn stmt(&mut self, s: &Stmt) -> TokenStream {
        match s {
            Stmt::Let { local, value } if self.is_cell(*local) => {
                let id = self.local(*local);
                self.uses.insert("PyCell");
                match value {
                    Some(v) => {
                        let v = self.val(v).ts;
                        quote! { let #id = PyCell::new(#v); }
                    }
                    None => {
                        let t = self.rust_ty(self.fun.map_or(Ty::NONE, |f| f.local(*local).ty));
                        quote! { let #id: PyCell<#t> = PyCell::unbound(); }
                    }
                }
            }
            Stmt::Let { local, value } => {
                let id = self.local(*local);
                let (ty, mutable) = self
                    .fun
                    .map(|f| (f.local(*local).ty, f.local(*local).mutable))
                    .unwrap_or((Ty::NONE, false));
                let m = mutable.then(|| quote!(mut));
                match value {
                    Some(v) => {
                        // Literals need the annotation to pick the Rust type.
                        // So do empty containers (a later `push` may not
                        // come, or only after a use that needs the type).
                        let annotate = (matches!(v.kind, ExprKind::Int(_) | ExprKind::Float(_))
                            && ty != Ty::INT)
                            || matches!(&v.kind, ExprKind::List(xs) if xs.is_empty())
                            || (matches!(v.kind, ExprKind::None) && ty != Ty::NONE)
                            || matches!(&v.kind, ExprKind::Dict(xs) if xs.is_empty())
                            || matches!(&v.kind, ExprKind::Set(xs) if xs.is_empty());
                        let v = self.val(v).ts;
                        if annotate {
                            let t = self.rust_ty(ty);
                            quote! { let #m #id: #t = #v; }
                        } else {
                            quote! { let #m #id = #v; }
                        }
                    }
                    None => {
                        let t = self.rust_ty(ty);
                        quote! { let #m #id: #t; }
                    }
                }
            }
            Stmt::Assign {
                place: place @ (Place::Subscript { .. } | Place::Field(..)),
                value,
            } => self.store_into(place, value),
            Stmt::Assign { place, value } => {
                let v = self.val(value).ts;
                match place {
                    Place::Local(n) if self.is_cell(*n) => {
                        let id = self.local(*n);
                        quote! { #id.set(#v); }
                    }
                    Place::Local(n) => {
                        let id = self.local(*n);
                        quote! { #id = #v; }
                    }
                    Place::Global(g) => {
                        let id = self.global(*g);
                        quote! { #id.set(#v); }
                    }
                    _ => not_lowered("assignment to this place"),
                }
            }
            Stmt::AugAssign { place, op, value } => self.aug_assign(place, *op, value),
            // An `empty` value that is not a call (which is `!` already):
            // diverging for rustc too.
            Stmt::Expr(e)
                if e.ty == Ty::NEVER
                    && !matches!(
                        e.kind,
                        ExprKind::Call(..)
                            | ExprKind::Raise { .. }
                            | ExprKind::RaiseObject { .. }
                            | ExprKind::Reraise(_)
                    ) =>
            {
                let v = self.never_value(e).ts;
                quote! { #v }
            }
            Stmt::Expr(e) => {
                let v = self.val(e).ts;
                quote! { #v; }
            }
            Stmt::Discard(e) => {
                let v = self.val(e).ts;
                quote! { let _ = #v; }
            }
            Stmt::If { cond, then, orelse } => self.if_chain(cond, then, orelse),
            Stmt::While { .. } | Stmt::For(_) | Stmt::ForEach(_) => {
                self.loops += 1;
                let name = self.label("outer");
                self.loop_labels.push((name, false));
                let open = std::mem::take(&mut self.open_blocks);
                let ts = self.loop_stmt(s);
                self.open_blocks = open;
                self.loop_labels.pop();
                self.loops -= 1;
                ts
            }
            Stmt::Break => {
                let (fin, diverges) = self.leaving(self.loops);
                if diverges {
                    return fin;
                }
                let label = self.jump_label();
                quote! { #fin break #label; }
            }
            Stmt::Continue => {
                let (fin, diverges) = self.leaving(self.loops);
                if diverges {
                    return fin;
                }
                let label = self.jump_label();
                quote! { #fin continue #label; }
            }
            Stmt::Return(None) => {
                let (fin, diverges) = self.leaving(0);
                if diverges {
                    fin
                } else if self.catch_returns() {
                    quote! { #fin return Ok(()); }
                } else {
                    quote! { #fin return; }
                }
            }
            // `return f()` of a function that never returns is just the call.
            Stmt::Return(Some(e)) if refs::never_returns(e) => {
                let v = self.val(e).ts;
                quote! { #v; }
            }
            Stmt::Return(Some(e)) => {
                let raw = self.return_value(e);
                let v = if self.catch_returns() {
                    self.ok(raw.clone())
                } else {
                    raw.clone()
                };
                if self.finallies.is_empty() {
                    quote! { return #v; }
                } else {
                    // The value is computed before the `finally` bodies run.
                    let value = self.namer.fresh("value");
                    let (fin, diverges) = self.leaving(0);
                    if diverges {
                        // A `finally` that never finishes discards the value.
                        quote! { let _ = #raw; #fin }
                    } else {
                        quote! { let #value = #v; #fin return #value; }
                    }
                }
            }
            Stmt::Try {
                body,
                handlers,
                orelse,
                finally,
            } => self.try_stmt(body, handlers, orelse, finally),
            Stmt::With { .. } => not_lowered("`with`"),
            Stmt::Del(_) => not_lowered("`del`"),
        }
    }

    /// Whether the current function returns `Result` (a `return` wraps
    /// its value in `Ok`).
    fn catch_returns(&self) -> bool {
        self.fun.is_some_and(|f| f.raises)
    }

    fn loop_stmt(&mut self, s: &Stmt) -> TokenStream {
        match s {
            Stmt::While { cond, body } => {
                if let Some(ts) = self.while_some(cond, body) {
                    return ts;
                }
                let body = self.block(body);
                let label = self.loop_label();
                if matches!(cond.kind, ExprKind::Bool(true)) {
                    quote! { #label loop { #body } }
                } else {
                    let c = self.val(cond).ts;
                    quote! { #label while #c { #body } }
                }
            }
            Stmt::For(f) => self.for_range(f),
            Stmt::ForEach(f) => self.for_each(f),
            _ => TokenStream::new(),
        }
    }

    /// `container[index] = value` or `record["field"] = value`: Python
    /// evaluates the value first, then the container and the index.
    fn store_into(&mut self, place: &Place, value: &Expr) -> TokenStream {
        let at = self.at(value.span);
        let reorder = crate::model::effects::has_effects(value)
            && place
                .reads()
                .iter()
                .any(|e| crate::model::effects::has_effects(e));
        let (prelude, v) = if reorder {
            let tmp = self.namer.fresh("value");
            let v = self.val(value).ts;
            (quote!(let #tmp = #v;), quote!(#tmp))
        } else {
            (quote!(), self.val(value).ts)
        };
        let store = match place {
            Place::Subscript { base, index } => {
                let b = self.receiver(base);
                if let TyKind::Dict(..) = self.program.types.kind(base.ty) {
                    let k = self.val(index).ts;
                    quote!(#b.set(#k, #v);)
                } else {
                    let i = self.borrow(index);
                    let i = self
                        .fallible(quote!(runtime_lite::list::index_arg(#i)), &at)
                        .ts;
                    let set = self.fallible(quote!(#b.set(#i, #v)), &at).ts;
                    quote!(#set;)
                }
            }
            Place::Field(base, i) => {
                let TyKind::Nominal(def) = *self.program.types.kind(base.ty) else {
                    return not_lowered("a field of this value");
                };
                if let Some(setter) = self.class_setter(def, *i) {
                    let b = self.receiver(base);
                    quote!(#b.store(#v, |r, v| *r.#setter() = v);)
                } else {
                    let (field, boxed) = self.member(def, *i);
                    let v = if boxed { quote!(Box::new(#v)) } else { v };
                    let b = self.receiver(base);
                    quote!(#b.store(#v, |r, v| r.#field = v);)
                }
            }
            _ => return not_lowered("assignment to this place"),
        };
        if reorder {
            quote!({ #prelude #store })
        } else {
            store
        }
    }

    fn if_chain(&mut self, cond: &Expr, then: &[Stmt], orelse: &[Stmt]) -> TokenStream {
        self.if_chain_is_if(cond, then, orelse).0
    }

    /// The tokens of an `if` statement, and whether they are a Rust `if`
    /// (else a `match`, which cannot follow `else`).
    fn if_chain_is_if(
        &mut self,
        cond: &Expr,
        then: &[Stmt],
        orelse: &[Stmt],
    ) -> (TokenStream, bool) {
        if let Some(narrowed) = self.if_some(cond, then, orelse) {
            return narrowed;
        }
        let c = self.val(cond).ts;
        let t = self.block(then);
        let ts = match orelse {
            [] => quote! { if #c { #t } },
            [Stmt::If { cond, then, orelse }] => match self.if_chain_is_if(cond, then, orelse) {
                (rest, true) => quote! { if #c { #t } else #rest },
                (rest, false) => quote! { if #c { #t } else { #rest } },
            },
            _ => {
                let e = self.block(orelse);
                quote! { if #c { #t } else { #e } }
            }
        };
        (ts, true)
    }

    /// `for x in xs` over a list (a `Vec` by value; a shared `List` by
    /// index, as CPython does) or over a dict's keys (CPython's iterator,
    /// which raises when the dict changes size).
    fn for_each(&mut self, f: &ForEach) -> TokenStream {
        let (mutable, used) = self
            .fun
            .map(|fun| {
                let l = fun.local(f.var);
                (l.mutable, l.used)
            })
            .unwrap_or((false, true));
        let id = if used {
            self.local(f.var)
        } else {
            format_ident!("_")
        };
        let m = (mutable && used).then(|| quote!(mut));
        let at = self.at(f.iter.span);
        let body = self.block(&f.body);
        match self.program.types.kind(f.iter.ty) {
            // Where a `try` may see it, the body's exception arrives where
            // the loop asks for the next item.
            TyKind::Generator(_) if self.catch != exceptions::Catch::Trap => {
                let it = self.namer.fresh("items");
                let g = self.val(&f.iter).ts;
                let next = self.fallible(quote!(#it.next().transpose()), &at).ts;
                let label = self.loop_label();
                quote! {
                    let mut #it = #g.results();
                    #label while let Some(#m #id) = #next {
                        #body
                    }
                }
            }
            TyKind::Set(_) | TyKind::FrozenSet(_) => {
                let it = self.namer.fresh("items");
                let s = match self.iterated_set(&f.iter) {
                    Some(s) => s,
                    None => self.receiver(&f.iter),
                };
                let next = self.fallible(quote!(#it.next()), &at).ts;
                let label = self.loop_label();
                quote! {
                    let mut #it = #s.iter();
                    #label while let Some(#m #id) = #next {
                        #body
                    }
                }
            }
            TyKind::Dict(..) => {
                let it = self.namer.fresh("keys");
                let d = self.receiver(&f.iter);
                let next = self.fallible(quote!(#it.next_key()), &at).ts;
                let label = self.loop_label();
                quote! {
                    let mut #it = #d.iter();
                    #label while let Some(#m #id) = #next {
                        #body
                    }
                }
            }
            _ if self.is_shared(f.iter.ty)
                || f.iter.ty == Ty::STR
                || matches!(
                    f.iter.kind,
                    ExprKind::Builtin(
                        crate::model::ir::Builtin::Enumerate | crate::model::ir::Builtin::Zip,
                        _
                    ) | ExprKind::Range { .. }
                ) =>
            {
                let it = self.items_iter(&f.iter);
                let label = self.loop_label();
                quote! {
                    #label for #m #id in #it {
                        #body
                    }
                }
            }
            _ => {
                let xs = self.val(&f.iter).ts;
                let label = self.loop_label();
                quote! {
                    #label for #m #id in #xs {
                        #body
                    }
                }
            }
        }
    }

    fn for_range(&mut self, f: &ForRange) -> TokenStream {
        let ForRange {
            var,
            start,
            stop,
            step,
            body,
        } = f;
        let step = *step;
        let (ty, mutable, used) = self
            .fun
            .map(|fun| {
                let l = fun.local(*var);
                (l.ty, l.mutable, l.used)
            })
            .unwrap_or((Ty::INT, false, true));
        let id = self.local(*var);
        let body_ts = self.block(body);
        // Bounds as native integers: the fixed type itself, or i64 for `int`.
        let (lo, hi, convert) = if ty.is_fixed() {
            // A literal bound beyond `i32` carries the type (`for i in
            // 3037000495u32..`): nothing else may pin it, and rustc would
            // default to `i32`.
            let t = self.rust_ty(ty).to_string();
            let bound = |this: &mut Self, e: &Expr| match &e.kind {
                ExprKind::Int(v) if i32::try_from(v).is_err() => {
                    let lit = syn::LitInt::new(
                        &format!("{}{t}", v.magnitude()),
                        proc_macro2::Span::call_site(),
                    );
                    if v.sign() == num_bigint::Sign::Minus {
                        quote!(-#lit)
                    } else {
                        quote!(#lit)
                    }
                }
                _ => this.val(e).ts,
            };
            (bound(self, start), bound(self, stop), false)
        } else {
            (self.i64_bound(start), self.i64_bound(stop), true)
        };
        let step_abs = step.unsigned_abs() as usize;
        let range = if step > 0 {
            let r = quote!(#lo..#hi);
            if step == 1 {
                r
            } else {
                quote!((#r).step_by(#step_abs))
            }
        } else {
            // range(a, b, -s): a, a-s, ... > b
            let r = quote!((#hi + 1..=#lo).rev());
            if step_abs == 1 {
                r
            } else {
                quote!(#r.step_by(#step_abs))
            }
        };
        let m = mutable.then(|| quote!(mut));
        let label = self.loop_label();
        if convert && used {
            self.uses.insert("Int");
            quote! {
                #label for #id in #range {
                    let #m #id = Int::from(#id);
                    #body_ts
                }
            }
        } else {
            let m = if convert { None } else { m };
            quote! { #label for #m #id in #range { #body_ts } }
        }
    }

    /// An `int` range bound as an `i64` (literals directly).
    fn i64_bound(&mut self, e: &Expr) -> TokenStream {
        if let Some(r) = self.native_in(e, expr::Native::I64) {
            return r.ts;
        }
        let v = self.receiver(e);
        let at = self.at(e.span);
        self.fallible(quote!(#v.to_fixed::<i64>()), &at).ts
    }

    fn aug_assign(&mut self, place: &Place, op: BinOp, value: &Expr) -> TokenStream {
        let span = value.span;
        let (read, ty, store): (Expr, Ty, Box<dyn Fn(TokenStream) -> TokenStream>) = match place {
            Place::Global(g) => {
                let id = self.global(*g);
                let ty = self.program.global(*g).ty;
                let read = Expr::new(ty, ExprKind::Global(*g), span);
                (read, ty, Box::new(move |v| quote! { #id.set(#v); }))
            }
            Place::Local(n) => {
                let id = self.local(*n);
                let ty = self.fun.map_or(Ty::INT, |f| f.local(*n).ty);
                // In place on the variable itself where Rust has the operator.
                let native = match (ty, op) {
                    (Ty::INT, BinOp::Add | BinOp::Sub | BinOp::Mul) => Some(match value.kind {
                        ExprKind::Local(_) => self.int_operand(value),
                        _ => self.val(value).ts,
                    }),
                    (Ty::FLOAT64, BinOp::Add | BinOp::Sub | BinOp::Mul) => Some(self.val(value).ts),
                    _ => None,
                };
                if let Some(v) = native {
                    return match op {
                        BinOp::Add => quote! { #id += #v; },
                        BinOp::Sub => quote! { #id -= #v; },
                        _ => quote! { #id *= #v; },
                    };
                }
                match (ty, op) {
                    (Ty::STR, BinOp::Add) => {
                        let v = self.str_arg(value);
                        return quote! { #id.push_str(#v); };
                    }
                    (Ty::BYTES, BinOp::Add) => {
                        let v = self.bytes_ref(value);
                        return quote! { #id.extend_from_slice(#v); };
                    }
                    _ => {}
                }
                let read = Expr::new(ty, ExprKind::Local(*n), span);
                (read, ty, Box::new(move |v| quote! { #id = #v; }))
            }
            _ => return not_lowered("augmented assignment to this place"),
        };
        let at = self.at(span);
        if ty.is_fixed() {
            // Checked in the variable's own type: fails exactly when the
            // Python result does not fit, which the store would reject.
            self.uses.insert("FixedInt");
            let r = self.receiver(&read);
            let v = self.val(value).ts;
            let method = match op {
                BinOp::Add => quote!(py_add),
                BinOp::Sub => quote!(py_sub),
                _ => quote!(py_mul),
            };
            let sum = self.fallible(quote!(#r.#method(#v)), &at).ts;
            return store(sum);
        }
        let result_ty = if op == BinOp::Div { Ty::FLOAT64 } else { ty };
        let v = self.binary(op, &read, value, result_ty, &at).ts;
        store(v)
    }
}

/// Statements and places the checker does not produce yet: lowering them
/// is a transpiler bug, reported by rustc on the generated code.
fn not_lowered(what: &str) -> TokenStream {
    let msg = format!("kybra-aot: {what} cannot be lowered yet");
    quote! { compile_error!(#msg); }
}

pub(crate) fn fixed_ty(k: Fixed) -> TokenStream {
    let i = format_ident!("{}", k.rust_name());
    quote!(#i)
}

/// `Literal` -> `TokenStream` without the `quote!` ceremony at call sites.
pub(crate) trait IntoTs {
    fn into_token_stream_(self) -> TokenStream;
}

impl IntoTs for proc_macro2::Literal {
    fn into_token_stream_(self) -> TokenStream {
        proc_macro2::TokenTree::Literal(self).into()
    }
}
