//! Python's `print` and how a compiled script ends.
//!
//! In a canister, printed text goes to the canister log (`ic0.debug_print`,
//! as Kybra's `ic.print`); natively (a script run with `kybra-aot run`, or
//! host tests) it goes to stdout.

use core::fmt;

/// `print(..., end=e)` for an `e` other than `"\n"`: writes the formatted
/// text as it is. (`print` with the default end is `ic_cdk::println!`.)
pub fn print(args: fmt::Arguments<'_>) {
    #[cfg(target_arch = "wasm32")]
    {
        ic_cdk::api::debug_print(args.to_string());
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        use std::io::Write as _;
        // Python ignores nothing here either, but a closed stdout has no
        // one left to tell.
        let _ = std::io::stdout().write_fmt(args);
    }
}

/// Reading a global before the module-level statement that assigns it has
/// run: `NameError: name 'x' is not defined`. The initial value of a
/// global whose first value is computed by module-level code.
#[cold]
pub fn unbound<T>(name: &'static str) -> T {
    crate::raise(
        crate::Exception::new("NameError", format!("name '{name}' is not defined")),
        "<module>",
    )
}

/// Runs a compiled script's top level as CPython runs a program: an
/// uncaught exception prints a traceback ending in `Kind: message` on
/// stderr and exits with status 1 (stdout is flushed first).
#[cfg(not(target_arch = "wasm32"))]
pub fn run_script(main: fn()) {
    use std::io::Write as _;
    std::panic::set_hook(Box::new(|info| {
        let _ = std::io::stdout().flush();
        let text = if let Some(s) = info.payload().downcast_ref::<String>() {
            s.as_str()
        } else if let Some(s) = info.payload().downcast_ref::<&str>() {
            s
        } else {
            "SystemError: unknown failure"
        };
        // `raise` panics with "Kind: message\n  at file:line".
        let (exc, at) = match text.rsplit_once("\n  at ") {
            Some((exc, at)) => (exc, Some(at)),
            None => (text, None),
        };
        let mut err = std::io::stderr().lock();
        let _ = writeln!(err, "Traceback (most recent call last):");
        if let Some((file, line)) = at.and_then(|at| at.rsplit_once(':')) {
            let _ = writeln!(err, "  File \"{file}\", line {line}, in <module>");
        }
        let _ = writeln!(err, "{exc}");
        let _ = err.flush();
        std::process::exit(1);
    }));
    main();
    let _ = std::io::stdout().flush();
}
