//! Plain Python classes: one struct per class, held as `Shared<Struct>`
//! (an instance is a shared object), methods as functions taking the
//! handle (`point_area(this: Shared<Point>)`), and the trait impls through
//! which containers of instances print (`PyStr`), compare (`PartialEq`) and
//! sort (`PyOrd`). Direct uses (`str(p)`, `p == q`, `p < q`) are calls of
//! the special methods already (`check/classes.rs`); the impls serve
//! `str(points)`, `p in points` and `sorted(points)`, and call the special
//! method on a new handle to a copy of the fields (the original is
//! borrowed while the container reads it).

use super::names::{self, Namer};
use super::Lower;
use crate::model::ir::{self, ClassDef, DefKind, ExprKind, FuncId, Place, Program};
use crate::model::visit::{each_expr, each_place};
use crate::model::{DefId, TyKind};
use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use std::collections::{BTreeSet, HashMap};

/// A class hierarchy (a class with subclasses): one enum with a variant
/// per class, each holding that class's struct, so every class of the
/// hierarchy has the Rust type `Shared<AnyRoot>` and an instance of a
/// subclass is an instance of its base with no conversion. Attributes are
/// read and written through accessors that match on the variant.
pub(crate) struct Hierarchy {
    /// The enum.
    name: String,
    /// By attribute name: the accessors reached code uses.
    getters: HashMap<String, String>,
    setters: HashMap<String, String>,
}

/// The hierarchies of the program, by root class.
pub(crate) fn hierarchies(
    program: &Program,
    class_use: &ClassUse,
    types: &[String],
    type_namer: &mut Namer,
) -> HashMap<DefId, Hierarchy> {
    let mut out = HashMap::new();
    for d in 0..program.defs.len() as u32 {
        let root = DefId(d);
        if ir::class_hierarchy(&program.defs, root) != Some(root) {
            continue;
        }
        let name = type_namer
            .fresh(&format!("Any{}", types[root.0 as usize]))
            .to_string();
        let mut namer = Namer::default();
        let mut getters = HashMap::new();
        let mut setters = HashMap::new();
        let field_name = |(def, i): &(DefId, usize)| -> Option<String> {
            (ir::class_hierarchy(&program.defs, *def) == Some(root))
                .then(|| {
                    ir::class_def(&program.defs, *def)?
                        .fields
                        .get(*i)
                        .map(|f| f.name.clone())
                })
                .flatten()
        };
        let mut read: Vec<String> = class_use.read.iter().filter_map(field_name).collect();
        let mut stored: Vec<String> = class_use.stored.iter().filter_map(field_name).collect();
        read.sort();
        read.dedup();
        stored.sort();
        stored.dedup();
        for f in read {
            let g = namer.fresh(&names::snake_case(&f)).to_string();
            getters.insert(f, g);
        }
        for f in stored {
            let g = namer
                .fresh(&format!("{}_mut", names::snake_case(&f)))
                .to_string();
            setters.insert(f, g);
        }
        out.insert(
            root,
            Hierarchy {
                name,
                getters,
                setters,
            },
        );
    }
    out
}

/// Which fields of which classes reached code reads, and which classes it
/// constructs: a struct with a field nobody reads (or that nothing builds)
/// allows `dead_code`, since Python keeps attributes nobody reads.
#[derive(Default)]
pub(crate) struct ClassUse {
    read: BTreeSet<(DefId, usize)>,
    stored: BTreeSet<(DefId, usize)>,
    built: BTreeSet<DefId>,
}

pub(crate) fn class_use(program: &Program, functions: &BTreeSet<FuncId>) -> ClassUse {
    let mut out = ClassUse::default();
    for id in functions {
        each_place(&program.function(*id).body, &mut |p| {
            if let Place::Field(base, i) = p {
                if let TyKind::Nominal(d) = program.types.kind(base.ty) {
                    out.stored.insert((*d, *i));
                }
            }
        });
        each_expr(&program.function(*id).body, &mut |e| match &e.kind {
            ExprKind::Field(base, i) => {
                if let TyKind::Nominal(d) = program.types.kind(base.ty) {
                    out.read.insert((*d, *i));
                }
            }
            ExprKind::Record { def, .. } => {
                out.built.insert(*def);
            }
            _ => {}
        });
    }
    out
}

impl Lower<'_> {
    /// The class `id` (an empty one if it is not: lowering never panics).
    fn class(&self, id: DefId) -> &ClassDef {
        static NONE: ClassDef = ClassDef {
            module: String::new(),
            fields: Vec::new(),
            methods: Vec::new(),
            attrs: Vec::new(),
            dataclass: false,
            base: None,
            exception: None,
        };
        ir::class_def(&self.program.defs, id).unwrap_or(&NONE)
    }

    /// The reached method `name` of class `id`.
    fn reached_method(&self, id: DefId, name: &str) -> Option<syn::Ident> {
        let m = self.class(id).method(name)?;
        self.items
            .reached
            .contains(&m.func)
            .then(|| self.fn_name(m.func))
    }

    fn hierarchy(&self, id: DefId) -> Option<&Hierarchy> {
        let root = ir::class_hierarchy(&self.program.defs, id)?;
        self.items.hierarchies.get(&root)
    }

    /// The Rust type an instance of class (or Record) `id` is held in:
    /// the hierarchy's enum, or the struct.
    pub(crate) fn nominal_name(&self, id: DefId) -> syn::Ident {
        self.hierarchy_name(id)
            .unwrap_or_else(|| self.type_name(id))
    }

    pub(crate) fn hierarchy_name(&self, id: DefId) -> Option<syn::Ident> {
        self.hierarchy(id).map(|h| format_ident!("{}", h.name))
    }

    fn accessor(&self, def: DefId, i: usize, setter: bool) -> Option<syn::Ident> {
        let h = self.hierarchy(def)?;
        let field = &self.class(def).fields.get(i)?.name;
        let map = if setter { &h.setters } else { &h.getters };
        map.get(field).map(|n| format_ident!("{}", n))
    }

    /// `r.name()`'s accessor for attribute `i` of hierarchy class `def`.
    pub(crate) fn class_getter(&self, def: DefId, i: usize) -> Option<syn::Ident> {
        self.accessor(def, i, false)
    }

    pub(crate) fn class_setter(&self, def: DefId, i: usize) -> Option<syn::Ident> {
        self.accessor(def, i, true)
    }

    /// `matches!(r, AnyShape::Circle(_) | ...)`.
    pub(crate) fn is_instance(&self, classes: &[DefId]) -> Option<TokenStream> {
        let any = classes.first().and_then(|d| self.hierarchy_name(*d))?;
        let variants: Vec<TokenStream> = classes
            .iter()
            .map(|d| {
                let v = self.type_name(*d);
                quote!(#any::#v(_))
            })
            .collect();
        Some(quote!(matches!(r, #(#variants)|*)))
    }

    /// The struct of class `id` and its trait impls.
    pub(crate) fn class_def(&mut self, id: DefId) -> TokenStream {
        if let Some(root) = ir::class_hierarchy(&self.program.defs, id) {
            return if root == id {
                self.hierarchy_def(root)
            } else {
                TokenStream::new()
            };
        }
        let program = self.program;
        let class = match &program.def(id).kind {
            DefKind::Class(c) => c,
            _ => return TokenStream::new(),
        };
        let name = self.type_name(id);
        let fields: Vec<TokenStream> = class
            .fields
            .iter()
            .enumerate()
            .map(|(i, f)| {
                let (member, _) = self.member(id, i);
                let ty = self.rust_ty(f.ty);
                quote!(#member: #ty)
            })
            .collect();
        let user_eq = self.reached_method(id, "__eq__");
        let derive_eq = class.dataclass && class.method("__eq__").is_none();
        let repr_reads_all = class.dataclass && class.method("__repr__").is_none();
        let unread = !repr_reads_all
            && (0..class.fields.len()).any(|i| !self.items.class_use.read.contains(&(id, i)));
        let allow = (unread || !self.items.class_use.built.contains(&id))
            .then(|| quote!(#[allow(dead_code)]));
        let derive = if derive_eq {
            quote!(#[derive(Clone, PartialEq)])
        } else {
            quote!(#[derive(Clone)])
        };
        let body = if fields.is_empty() {
            quote!(;)
        } else {
            quote!({ #(#fields),* })
        };
        let mut out = quote! { #derive #allow struct #name #body };
        self.uses.insert("Shared");
        let copy = |v: TokenStream| quote!(Shared::new(#v.clone()));
        let (this, other) = (copy(quote!(self)), copy(quote!(other)));
        if !derive_eq {
            let eq = match user_eq {
                Some(f) => quote!(#f(#this, #other)),
                // Without `__eq__`, `==` is identity.
                None => quote!(std::ptr::eq(self, other)),
            };
            out.extend(quote! {
                impl PartialEq for #name {
                    fn eq(&self, other: &Self) -> bool {
                        #eq
                    }
                }
            });
        }
        if let Some(lt) = self.reached_method(id, "__lt__") {
            self.uses.insert("PyOrd");
            out.extend(quote! {
                impl PyOrd for #name {
                    fn py_lt(&self, other: &Self) -> bool {
                        #lt(#this, #other)
                    }
                }
            });
        }
        let exc_args = ir::class_exception(&program.defs, id)
            .and(class.field("args"))
            .map(|i| self.member(id, i).0);
        let repr = match self.reached_method(id, "__repr__") {
            Some(f) => quote!(#f(#this)),
            None if class.dataclass => self.dataclass_repr(id),
            None if exc_args.is_some() => {
                let kind = &program.def(id).name;
                quote!(self.#exc_args.repr_of(#kind))
            }
            None => {
                let text = format!(
                    "<{}.{} object at {{:p}}>",
                    class.module,
                    program.def(id).name
                );
                quote!(format!(#text, self))
            }
        };
        let str = match self.reached_method(id, "__str__") {
            Some(f) => quote!(#f(#this)),
            None if exc_args.is_some() => quote!(self.#exc_args.text().to_string()),
            None => quote!(self.py_repr()),
        };
        self.uses.insert("PyStr");
        out.extend(quote! {
            impl PyStr for #name {
                fn py_str(&self) -> String {
                    #str
                }
                fn py_repr(&self) -> String {
                    #repr
                }
            }
        });
        out
    }

    /// `Point(x=1, y='a')`, as a dataclass's generated `__repr__`.
    fn dataclass_repr(&mut self, id: DefId) -> TokenStream {
        let class = self.class(id).clone();
        let name = &self.program.def(id).name;
        let mut text = format!("{name}(");
        let mut args = Vec::new();
        for (i, f) in class.fields.iter().enumerate() {
            if i > 0 {
                text.push_str(", ");
            }
            text.push_str(&f.name);
            text.push_str("={}");
            let (member, _) = self.member(id, i);
            args.push(self.repr_of(quote!(self.#member), f.ty));
        }
        text.push(')');
        if args.is_empty() {
            return quote!(String::from(#text));
        }
        quote!(format!(#text, #(#args),*))
    }
}

impl Lower<'_> {
    /// The struct of `def` (in a hierarchy: a variant's payload).
    fn class_struct(&mut self, id: DefId) -> TokenStream {
        let class = self.class(id).clone();
        let name = self.type_name(id);
        let fields: Vec<TokenStream> = class
            .fields
            .iter()
            .enumerate()
            .map(|(i, f)| {
                let (member, _) = self.member(id, i);
                let ty = self.rust_ty(f.ty);
                quote!(#member: #ty)
            })
            .collect();
        let h = self.hierarchy(id);
        let unread = class
            .fields
            .iter()
            .any(|f| h.is_some_and(|h| !h.getters.contains_key(&f.name)));
        let allow = unread.then(|| quote!(#[allow(dead_code)]));
        if fields.is_empty() {
            quote! { #[derive(Clone)] #allow struct #name; }
        } else {
            quote! { #[derive(Clone)] #allow struct #name { #(#fields),* } }
        }
    }

    /// A hierarchy: its enum, the structs of its classes, the accessors
    /// and the trait impls, which dispatch on the variant.
    fn hierarchy_def(&mut self, root: DefId) -> TokenStream {
        let Some(any) = self.hierarchy_name(root) else {
            return TokenStream::new();
        };
        let classes = ir::class_subtree(&self.program.defs, root);
        let names: Vec<syn::Ident> = classes.iter().map(|d| self.type_name(*d)).collect();
        let unbuilt = classes
            .iter()
            .any(|d| !self.items.class_use.built.contains(d));
        let allow = unbuilt.then(|| quote!(#[allow(dead_code)]));
        let mut out = quote! {
            #[derive(Clone)]
            #allow
            enum #any { #(#names(#names)),* }
        };
        for d in &classes {
            out.extend(self.class_struct(*d));
        }
        // Accessors.
        let h = self
            .hierarchy(root)
            .map(|h| (h.getters.clone(), h.setters.clone()));
        let (getters, setters) = h.unwrap_or_default();
        let mut accessors = Vec::new();
        let mut fields: Vec<(String, bool)> = getters.keys().map(|f| (f.clone(), false)).collect();
        fields.extend(setters.keys().map(|f| (f.clone(), true)));
        fields.sort();
        for (field, setter) in fields {
            let mut arms = Vec::new();
            let mut ty = None;
            let mut missing = false;
            for d in &classes {
                let class = self.class(*d).clone();
                let Some(i) = class.field(&field) else {
                    missing = true;
                    continue;
                };
                ty.get_or_insert(class.fields[i].ty);
                let v = self.type_name(*d);
                let (member, _) = self.member(*d, i);
                arms.push(if setter {
                    quote!(#any::#v(o) => &mut o.#member)
                } else {
                    quote!(#any::#v(o) => &o.#member)
                });
            }
            if missing {
                let text = format!("no class of the hierarchy without `{field}` reads it");
                arms.push(quote!(_ => unreachable!(#text)));
            }
            let Some(ty) = ty else { continue };
            let ty = self.rust_ty(ty);
            let names = if setter { &setters } else { &getters };
            let Some(n) = names.get(&field).map(|n| format_ident!("{}", n)) else {
                continue;
            };
            let sig = if setter {
                quote!(fn #n(&mut self) -> &mut #ty)
            } else {
                quote!(fn #n(&self) -> &#ty)
            };
            accessors.push(quote! { #sig { match self { #(#arms),* } } });
        }
        if !accessors.is_empty() {
            out.extend(quote! { impl #any { #(#accessors)* } });
        }
        self.uses.insert("Shared");
        let this = quote!(Shared::new(self.clone()));
        let other = quote!(Shared::new(other.clone()));
        // Each class's special methods, by variant.
        let per_class =
            |l: &mut Self, scrutinee: TokenStream, f: &dyn Fn(&mut Self, DefId) -> TokenStream| {
                let mut groups: Vec<(String, TokenStream, Vec<TokenStream>)> = Vec::new();
                for (d, v) in classes.iter().zip(&names) {
                    let e = f(l, *d);
                    let key = e.to_string();
                    let pat = quote!(#any::#v(_));
                    match groups.iter_mut().find(|g| g.0 == key) {
                        Some(g) => g.2.push(pat),
                        None => groups.push((key, e, vec![pat])),
                    }
                }
                if groups.len() == 1 {
                    return groups.pop().map(|g| g.1).unwrap_or_default();
                }
                let arms = groups
                    .into_iter()
                    .map(|(_, e, pats)| quote!(#(#pats)|* => #e));
                quote!(match #scrutinee { #(#arms),* })
            };
        let eq = per_class(self, quote!(self), &|l, d| match l.resolved(d, "__eq__") {
            Some(f) => quote!(#f(#this, #other)),
            None => quote!(std::ptr::eq(self, other)),
        });
        // Python calls the right operand's `__eq__` first when its class
        // derives from the left one's.
        let user_eq = classes
            .iter()
            .any(|d| self.resolved(*d, "__eq__").is_some());
        let reflected = user_eq.then(|| {
            let swapped = per_class(self, quote!(other), &|l, d| match l.resolved(d, "__eq__") {
                Some(f) => quote!(#f(#other, #this)),
                None => quote!(std::ptr::eq(other, self)),
            });
            quote! {
                if other.derives_from(self) {
                    return #swapped;
                }
            }
        });
        out.extend(quote! {
            impl PartialEq for #any {
                fn eq(&self, other: &Self) -> bool {
                    #reflected
                    #eq
                }
            }
        });
        if user_eq {
            let mut pairs = Vec::new();
            for (k, kn) in classes.iter().zip(&names) {
                for (j, jn) in classes.iter().zip(&names) {
                    if k != j && ir::is_subclass(&self.program.defs, *k, *j) {
                        pairs.push(quote!((#any::#kn(_), #any::#jn(_))));
                    }
                }
            }
            out.extend(quote! {
                impl #any {
                    /// Whether this object's class strictly derives from `base`'s.
                    fn derives_from(&self, base: &Self) -> bool {
                        matches!((self, base), #(#pairs)|*)
                    }
                }
            });
        }
        if classes
            .iter()
            .any(|d| self.resolved(*d, "__lt__").is_some())
        {
            self.uses.insert("PyOrd");
            let lt = per_class(self, quote!(self), &|l, d| match l.resolved(d, "__lt__") {
                Some(f) => quote!(#f(#this, #other)),
                // Unreachable: `sorted` and `<` need `__lt__` of the
                // class the values are typed with, which subclasses keep.
                None => quote!(false),
            });
            out.extend(quote! {
                impl PyOrd for #any {
                    fn py_lt(&self, other: &Self) -> bool { #lt }
                }
            });
        }
        let exception = ir::class_exception(&self.program.defs, root).is_some();
        if exception {
            // Every class of an exception hierarchy has `args` first.
            let arms: Vec<TokenStream> = classes
                .iter()
                .zip(&names)
                .map(|(d, v)| {
                    let (member, _) = self.member(*d, 0);
                    quote!(#any::#v(o) => &o.#member)
                })
                .collect();
            self.uses.insert("Args");
            out.extend(quote! {
                impl #any {
                    fn exc_args(&self) -> &Args {
                        match self { #(#arms),* }
                    }
                }
            });
        }
        let repr = per_class(
            self,
            quote!(self),
            &|l, d| match l.resolved(d, "__repr__") {
                Some(f) => quote!(#f(#this)),
                None if exception => {
                    let kind = &l.program.def(d).name;
                    quote!(self.exc_args().repr_of(#kind))
                }
                None => {
                    let class = l.class(d);
                    let text = format!(
                        "<{}.{} object at {{:p}}>",
                        class.module,
                        l.program.def(d).name
                    );
                    quote!(format!(#text, self))
                }
            },
        );
        let str = per_class(self, quote!(self), &|l, d| match l.resolved(d, "__str__") {
            Some(f) => quote!(#f(#this)),
            None if exception => quote!(self.exc_args().text().to_string()),
            None => quote!(self.py_repr()),
        });
        self.uses.insert("PyStr");
        out.extend(quote! {
            impl PyStr for #any {
                fn py_str(&self) -> String { #str }
                fn py_repr(&self) -> String { #repr }
            }
        });
        out
    }

    /// The reached function class `d` resolves special method `name` to.
    fn resolved(&self, d: DefId, name: &str) -> Option<syn::Ident> {
        let m = ir::resolve_method(&self.program.defs, d, name)?;
        self.items
            .reached
            .contains(&m.func)
            .then(|| self.fn_name(m.func))
    }
}
