//! Plain Python classes: one struct per class, held as `Shared<Struct>`
//! (an instance is a shared object), methods as functions taking the
//! handle (`point_area(this: Shared<Point>)`), and the trait impls through
//! which containers of instances print (`PyStr`), compare (`PartialEq`) and
//! sort (`PyOrd`). Direct uses (`str(p)`, `p == q`, `p < q`) are calls of
//! the special methods already (`check/classes.rs`); the impls serve
//! `str(points)`, `p in points` and `sorted(points)`, and call the special
//! method on a new handle to a copy of the fields (the original is
//! borrowed while the container reads it).

use super::Lower;
use crate::model::ir::{ClassDef, DefKind, ExprKind, FuncId, Program};
use crate::model::visit::each_expr;
use crate::model::{DefId, TyKind};
use proc_macro2::TokenStream;
use quote::quote;
use std::collections::BTreeSet;

/// Which fields of which classes reached code reads, and which classes it
/// constructs: a struct with a field nobody reads (or that nothing builds)
/// allows `dead_code`, since Python keeps attributes nobody reads.
#[derive(Default)]
pub(crate) struct ClassUse {
    read: BTreeSet<(DefId, usize)>,
    built: BTreeSet<DefId>,
}

pub(crate) fn class_use(program: &Program, functions: &BTreeSet<FuncId>) -> ClassUse {
    let mut out = ClassUse::default();
    for id in functions {
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
    fn class(&self, id: DefId) -> &ClassDef {
        match &self.program.def(id).kind {
            DefKind::Class(c) => c,
            _ => unreachable!("a class definition"),
        }
    }

    /// The reached method `name` of class `id`.
    fn reached_method(&self, id: DefId, name: &str) -> Option<syn::Ident> {
        let m = self.class(id).method(name)?;
        self.items
            .reached
            .contains(&m.func)
            .then(|| self.fn_name(m.func))
    }

    /// The struct of class `id` and its trait impls.
    pub(crate) fn class_def(&mut self, id: DefId) -> TokenStream {
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
        let repr = match self.reached_method(id, "__repr__") {
            Some(f) => quote!(#f(#this)),
            None if class.dataclass => self.dataclass_repr(id),
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
