//! Exception text, `raise`, `trap` and `OrRaise` on the host (where they
//! panic with the text the canister would trap with).

use std::panic::catch_unwind;

use runtime_lite::{raise, trap, Exception, Int, OrRaise};

fn panic_text(f: impl FnOnce() + std::panic::UnwindSafe) -> String {
    let err = catch_unwind(f).expect_err("expected a trap");
    if let Some(s) = err.downcast_ref::<String>() {
        s.clone()
    } else if let Some(s) = err.downcast_ref::<&str>() {
        s.to_string()
    } else {
        panic!("trap payload is not text")
    }
}

#[test]
fn display_is_python_last_traceback_line() {
    assert_eq!(
        Exception::zero_division("integer division or modulo by zero").to_string(),
        "ZeroDivisionError: integer division or modulo by zero"
    );
    assert_eq!(Exception::new("KeyError", "").to_string(), "KeyError");
    assert_eq!(
        Exception::new("KeyError", "'x'").to_string(),
        "KeyError: 'x'"
    );
    assert_eq!(Exception::overflow("m").kind, "OverflowError");
    assert_eq!(Exception::value_error("m").kind, "ValueError");
    assert_eq!(Exception::type_error("m").kind, "TypeError");
    assert_eq!(Exception::memory_error("").to_string(), "MemoryError");
    assert_eq!(
        Exception::new("X", String::from("y")),
        Exception::new("X", "y")
    );
}

#[test]
fn raise_traps_with_text_and_location() {
    let text = panic_text(|| raise(Exception::value_error("bad"), "src/main.py:12"));
    assert_eq!(text, "ValueError: bad\n  at src/main.py:12");
}

#[test]
#[should_panic(
    expected = "ZeroDivisionError: integer division or modulo by zero\n  at src/main.py:3"
)]
fn or_raise_raises_errors() {
    let _ = Int::from(1)
        .floor_div(&Int::from(0))
        .or_raise("src/main.py:3");
}

#[test]
fn or_raise_passes_values() {
    let q = Int::from(-7)
        .floor_div(&Int::from(2))
        .or_raise("src/main.py:4");
    assert_eq!(q, Int::from(-4));
}

#[test]
fn trap_has_no_location() {
    assert_eq!(panic_text(|| trap("boom")), "boom");
}
