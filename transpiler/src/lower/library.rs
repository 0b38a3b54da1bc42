//! `Builtin::Lib` calls (one runtime-lite function each) and
//! `reversed(..)`.

use super::expr::R;
use super::Lower;
use crate::model::ir::{Builtin, Expr, ExprKind, LibFn, MathFn};
use crate::model::Ty;
use crate::model::TyKind;
use proc_macro2::TokenStream;
use quote::quote;

impl Lower<'_> {
    /// One argument as the runtime function takes it: `&str`, `&[u8]`,
    /// `&Int`, or the value.
    fn lib_arg(&mut self, e: &Expr) -> TokenStream {
        match e.ty {
            Ty::STR => self.str_arg(e),
            Ty::BYTES => self.bytes_slice(e),
            Ty::INT | Ty::NUM => self.borrow(e),
            _ => self.val(e).ts,
        }
    }

    pub(crate) fn lib_call(&mut self, f: LibFn, args: &[Expr], ty: Ty, at: &str) -> R {
        use LibFn::*;
        let (module, name, extra) = match f {
            Math(m) => return self.math_call(m, args, at),
            Hex => ("builtins", "hex", None),
            Oct => ("builtins", "oct", None),
            Bin => ("builtins", "bin", None),
            Ord => ("builtins", "ord", None),
            Chr => ("builtins", "chr", None),
            Round => ("builtins", "round", None),
            RoundDigits => ("builtins", "round_digits", None),
            RoundInt => ("builtins", "round_int", None),
            RoundNum => ("builtins", "round_num", None),
            RoundNumDigits => ("builtins", "round_num_digits", None),
            PowMod => ("builtins", "pow_mod", None),
            HashInt => ("builtins", "hash_int", None),
            Title => ("str_methods", "title", None),
            Capitalize => ("str_methods", "capitalize", None),
            SwapCase => ("str_methods", "swapcase", None),
            CaseFold => ("str_methods", "casefold", None),
            IsAlpha => ("str_methods", "isalpha", None),
            IsDecimal => ("str_methods", "isdecimal", None),
            IsDigit => ("str_methods", "isdigit", None),
            IsNumeric => ("str_methods", "isnumeric", None),
            IsAlnum => ("str_methods", "isalnum", None),
            IsSpace => ("str_methods", "isspace", None),
            IsUpper => ("str_methods", "isupper", None),
            IsLower => ("str_methods", "islower", None),
            IsTitle => ("str_methods", "istitle", None),
            Find => ("str_methods", "find", None),
            RFind => ("str_methods", "rfind", None),
            Index => ("str_methods", "index", None),
            RIndex => ("str_methods", "rindex", None),
            Count => ("str_methods", "count", None),
            StartsWith => ("str_methods", "starts_with", Some(false)),
            EndsWith => ("str_methods", "starts_with", Some(true)),
            LJust => ("str_methods", "ljust", None),
            RJust => ("str_methods", "rjust", None),
            Center => ("str_methods", "center", None),
            ZFill => ("str_methods", "zfill", None),
            Partition => ("str_methods", "partition", Some(false)),
            RPartition => ("str_methods", "partition", Some(true)),
            SplitMax => ("str_methods", "split", None),
            RSplit => ("str_methods", "rsplit", None),
            SplitLines => ("str_methods", "splitlines", None),
            RemovePrefix => ("str_methods", "removeprefix", None),
            RemoveSuffix => ("str_methods", "removesuffix", None),
            ExpandTabs => ("str_methods", "expandtabs", None),
            BytesHex => ("text", "bytes_hex", None),
            BytesFromHex => ("text", "bytes_fromhex", None),
            ExcArgs => ("builtins", "exc_args", None),
            ExcName => ("builtins", "exc_name", None),
            ArgsLen => ("builtins", "args_len", None),
            RangeStep => ("seq", "range_step", None),
            Next => ("gen", "next", None),
            NextOr => ("gen", "next_or", None),
        };
        // Parameters past the required ones are `Option`s.
        let optional = f.optional();
        let total = match f {
            Find | RFind | Index | RIndex | Count | StartsWith | EndsWith => 4,
            LJust | RJust | Center => 3,
            _ => args.len(),
        };
        let first_optional = total - optional;
        let mut lowered = Vec::new();
        for (i, a) in args.iter().enumerate() {
            let optional_sep = matches!(f, SplitMax | RSplit) && i == 1;
            if optional_sep && matches!(a.kind, ExprKind::None) {
                lowered.push(quote!(None));
                continue;
            }
            // A generator's items are moved in and out whole.
            let v = if matches!(f, Next | NextOr) {
                self.val(a).ts
            } else {
                self.lib_arg(a)
            };
            lowered.push(if i >= first_optional || optional_sep {
                quote!(Some(#v))
            } else {
                v
            });
        }
        for _ in args.len()..total {
            lowered.push(quote!(None));
        }
        if let Some(flag) = extra {
            lowered.push(quote!(#flag));
        }
        let module = syn::Ident::new(module, proc_macro2::Span::call_site());
        let name = syn::Ident::new(name, proc_macro2::Span::call_site());
        let call = quote!(runtime_lite::#module::#name(#(#lowered),*));
        let value = if f.may_raise() {
            self.fallible(call, at)
        } else {
            R::atom(call)
        };
        if matches!(f, SplitMax | RSplit | SplitLines | RangeStep) {
            let v = value.ts;
            return self.fresh_list(v, ty);
        }
        value
    }

    /// A `math` function: float and int arguments as `lib_arg` passes
    /// them (runtime-lite converts them), iterables as iterators of their
    /// items, `hypot`'s coordinates as an array of converted floats.
    fn math_call(&mut self, f: MathFn, args: &[Expr], at: &str) -> R {
        let name = syn::Ident::new(f.name(), proc_macro2::Span::call_site());
        let mut lowered = Vec::new();
        match f {
            MathFn::Hypot => {
                let coords: Vec<TokenStream> = args
                    .iter()
                    .map(|a| {
                        let v = self.lib_arg(a);
                        quote!(runtime_lite::math::float(#v))
                    })
                    .collect();
                lowered.push(quote!([#(#coords),*]));
            }
            MathFn::Fsum | MathFn::HypotOf | MathFn::Dist | MathFn::ProdInt | MathFn::ProdNum => {
                let iterables = if f == MathFn::Dist { 2 } else { 1 };
                for xs in &args[..iterables] {
                    lowered.push(self.math_items(f, xs));
                }
                for start in &args[iterables..] {
                    lowered.push(self.val(start).ts);
                }
            }
            MathFn::Perm => {
                lowered.push(self.lib_arg(&args[0]));
                lowered.push(match args.get(1) {
                    Some(k) => {
                        let k = self.lib_arg(k);
                        quote!(Some(#k))
                    }
                    None => quote!(None),
                });
            }
            _ => lowered.extend(args.iter().map(|a| self.lib_arg(a))),
        }
        let call = quote!(runtime_lite::math::#name(#(#lowered),*));
        if f.may_raise() {
            self.fallible(call, at)
        } else {
            R::atom(call)
        }
    }

    /// The items of `xs` as the runtime's `math` functions take them:
    /// floats, bools, `Int`s and `Num`s as they are, other integers as
    /// `Int`s (and bools too for `prod`, whose items become `Num`s).
    fn math_items(&mut self, f: MathFn, xs: &Expr) -> TokenStream {
        let item = match self.program.types.kind(xs.ty) {
            TyKind::List(t) | TyKind::Dict(t, _) => *t,
            _ => xs.ty,
        };
        if matches!(&xs.kind, ExprKind::List(items) if items.is_empty()) {
            // `math.fsum([])`: no items, of the type the checker gave.
            return if item == Ty::INT {
                quote!(core::iter::empty::<runtime_lite::Int>())
            } else {
                quote!(core::iter::empty::<f64>())
            };
        }
        let it = self.items_iter(xs);
        let prod = matches!(f, MathFn::ProdInt | MathFn::ProdNum);
        match item {
            Ty::FLOAT64 | Ty::INT | Ty::NUM => it,
            Ty::BOOL if !prod => it,
            Ty::FLOAT32 => quote!(#it.map(f64::from)),
            Ty::BOOL => quote!(#it.map(|b| runtime_lite::Int::from(i64::from(b)))),
            _ => quote!(#it.map(runtime_lite::Int::from)),
        }
    }

    /// `reversed(xs)` as a new list.
    pub(crate) fn reversed(&mut self, xs: &Expr, ty: Ty) -> R {
        if xs.ty == Ty::STR {
            let s = self.receiver(xs);
            return self.fresh_list(
                quote!(#s.chars().rev().map(String::from).collect::<Vec<_>>()),
                ty,
            );
        }
        // Lazy sources (a range, a generator) are built first, then turned.
        let lazy = matches!(
            xs.kind,
            ExprKind::Range { .. } | ExprKind::Comprehension { lazy: true, .. }
        ) || matches!(
            xs.kind,
            ExprKind::Builtin(Builtin::Enumerate | Builtin::Zip, _)
        );
        if lazy {
            let it = self.items_iter(xs);
            let v = self.namer.fresh("items");
            return self.fresh_list(
                quote!({
                    let mut #v = #it.collect::<Vec<_>>();
                    #v.reverse();
                    #v
                }),
                ty,
            );
        }
        if !self.is_shared(xs.ty) {
            let it = self.items_iter(xs);
            return self.fresh_list(quote!(#it.rev().collect::<Vec<_>>()), ty);
        }
        let xs = self.receiver(xs);
        let v = self.namer.fresh("items");
        self.fresh_list(
            quote!({
                let mut #v = #xs.to_vec();
                #v.reverse();
                #v
            }),
            ty,
        )
    }
}
