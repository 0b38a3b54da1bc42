//! Structural proof that assignments into large shared containers do not
//! copy them: a counting global allocator (per thread) sees no allocation
//! at all for `db[key] = value` on a 100,000-entry dict or `xs[i] = v` on a
//! 100,000-item list, and only amortized growth for new keys.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use runtime_lite::{Dict, List};

struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

fn count() {
    let _ = ALLOCATIONS.try_with(|c| c.set(c.get() + 1));
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count();
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count();
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// The allocations (and reallocations) `f` makes on this thread.
fn allocations(f: impl FnOnce()) -> usize {
    let before = ALLOCATIONS.with(Cell::get);
    f();
    ALLOCATIONS.with(Cell::get) - before
}

#[test]
fn dict_assignment_does_not_allocate() {
    // The counter sees allocations at all.
    assert_eq!(
        allocations(|| drop(std::hint::black_box(Box::new(1u64)))),
        1
    );
    let db: Dict<u64, u64> = Dict::new();
    for k in 0..100_000 {
        db.set(k, k);
    }
    // A global is read as a handle clone, then assigned through.
    let n = allocations(|| {
        let global = db.clone();
        for k in 0..100_000 {
            global.set(k, k + 1);
        }
        for k in 0..100_000 {
            assert!(global.contains(&k));
            assert_eq!(global.get_opt(&k), Some(k + 1));
        }
    });
    assert_eq!(n, 0, "db[key] = value allocated");

    // Replacing 1,000 keys by new ones: amortized growth only.
    let n = allocations(|| {
        for k in 0..1_000 {
            db.del(&k).unwrap();
            db.set(1_000_000 + k, k);
        }
    });
    assert!(n <= 4, "{n} allocations for 1,000 delete+insert pairs");

    // String keys: an overwrite drops the passed key and allocates nothing.
    let names: Dict<String, u64> = (0..100_000).map(|k| (format!("k{k}"), k)).collect();
    let keys: Vec<String> = (0..100_000).map(|k| format!("k{k}")).collect();
    let n = allocations(|| {
        for key in keys {
            names.set(key, 0);
        }
        assert_eq!(names.get_opt("k5"), Some(0));
    });
    assert_eq!(n, 0, "names[key] = value allocated");
}

#[test]
fn list_assignment_does_not_allocate() {
    let xs: List<u64> = (0..100_000).collect();
    let n = allocations(|| {
        let alias = xs.clone();
        for i in 0..100_000 {
            alias.set(i, 7).unwrap();
            assert_eq!(alias.get(i), Ok(7));
        }
    });
    assert_eq!(n, 0, "xs[i] = v allocated");
    let n = allocations(|| {
        for i in 0..1_000 {
            xs.append(i);
        }
    });
    assert!(n <= 2, "{n} allocations for 1,000 appends");
}
