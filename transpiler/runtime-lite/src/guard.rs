//! The `repr` recursion guard: a container that (indirectly) contains
//! itself prints as `[...]` / `{...}` at the inner occurrence, as CPython's
//! `Py_ReprEnter` does.

use std::cell::RefCell;

thread_local! {
    /// Addresses of the containers whose `repr` is being built.
    static ACTIVE: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
}

/// Builds the `repr` of the container at `addr` with `f`, or returns
/// `ellipsis` when that container is already being printed further up the
/// stack. Every shared container (and generated Record type) calls this with
/// the address of its shared storage, so cycles through several types are
/// cut as in Python: `{'a': [{...}]}`.
///
/// No borrow is held while `f` runs.
pub fn repr_guard(addr: *const (), ellipsis: &str, f: impl FnOnce() -> String) -> String {
    let addr = addr as usize;
    let entered = ACTIVE.with(|active| {
        let mut active = active.borrow_mut();
        if active.contains(&addr) {
            false
        } else {
            active.push(addr);
            true
        }
    });
    if !entered {
        return ellipsis.to_owned();
    }
    /// Leaves the guard even if `f` unwinds (host tests).
    struct Leave(usize);
    impl Drop for Leave {
        fn drop(&mut self) {
            ACTIVE.with(|active| {
                let mut active = active.borrow_mut();
                if let Some(p) = active.iter().rposition(|&a| a == self.0) {
                    active.remove(p);
                }
            });
        }
    }
    let _leave = Leave(addr);
    f()
}
