//! [`Shared`]: a Record (a Python dict at run time) that some code mutates.
//!
//! Records no code mutates are plain structs: copying one cannot be told
//! from sharing it. A Record type with a field store anywhere in the
//! program is held through this handle instead, so `a = user; a["age"] = 3`
//! is seen through `user`, as in Python. Like [`crate::List`], it borrows
//! for one operation only and never while user code runs.

use std::cell::RefCell;
use std::fmt;
use std::rc::Rc;

/// A shared, mutable value: `Clone` aliases.
pub struct Shared<T>(Rc<RefCell<T>>);

impl<T> Shared<T> {
    pub fn new(value: T) -> Self {
        Shared(Rc::new(RefCell::new(value)))
    }

    /// Reads through the handle (`f` must not run user code).
    pub fn read<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        f(&self.0.borrow())
    }

    /// Writes through the handle (`f` must not run user code).
    pub fn write<R>(&self, f: impl FnOnce(&mut T) -> R) -> R {
        f(&mut self.0.borrow_mut())
    }

    /// Stores `value` with `put` (`r["field"] = value`): the value is
    /// computed before the borrow, so it may read this object.
    pub fn store<V>(&self, value: V, put: impl FnOnce(&mut T, V)) {
        put(&mut self.0.borrow_mut(), value)
    }

    /// Whether both handles are the same Python object (`is`).
    pub fn ptr_eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T: Clone> Shared<T> {
    /// A new object with the same fields (`copy.copy`, `dict(r)`).
    pub fn copy(&self) -> Self {
        Shared::new(self.0.borrow().clone())
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Rc::clone(&self.0))
    }
}

impl<T: PartialEq> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        self.ptr_eq(other) || *self.0.borrow() == *other.0.borrow()
    }
}

impl<T: crate::PyStr> crate::PyStr for Shared<T> {
    fn py_str(&self) -> String {
        self.0.borrow().py_str()
    }
    fn py_repr(&self) -> String {
        self.0.borrow().py_repr()
    }
}

impl<T: fmt::Debug> fmt::Debug for Shared<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0.borrow(), f)
    }
}

impl<T: candid::CandidType> candid::CandidType for Shared<T> {
    /// Encodes as the value it holds.
    fn _ty() -> candid::types::Type {
        T::_ty()
    }
    fn id() -> candid::types::TypeId {
        T::id()
    }
    fn idl_serialize<S>(&self, serializer: S) -> Result<(), S::Error>
    where
        S: candid::types::Serializer,
    {
        self.0.borrow().idl_serialize(serializer)
    }
}

impl<'de, T: serde::Deserialize<'de>> serde::Deserialize<'de> for Shared<T> {
    /// A decoded value is a new object.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        T::deserialize(deserializer).map(Shared::new)
    }
}

impl<T: crate::PyOrd> crate::PyOrd for Shared<T> {
    /// Python `<` of two objects: the class's `__lt__`.
    fn py_lt(&self, other: &Self) -> bool {
        self.0.borrow().py_lt(&other.0.borrow())
    }
}

/// A variable shared by a function and the nested functions that capture
/// it (Python's cell): a copy of the handle sees every later `set`.
pub struct PyCell<T>(Rc<RefCell<Option<T>>>);

impl<T> Clone for PyCell<T> {
    fn clone(&self) -> Self {
        PyCell(Rc::clone(&self.0))
    }
}

impl<T: Clone> PyCell<T> {
    pub fn new(value: T) -> Self {
        PyCell(Rc::new(RefCell::new(Some(value))))
    }

    /// A variable declared before its first assignment.
    pub fn unbound() -> Self {
        PyCell(Rc::new(RefCell::new(None)))
    }

    /// The current value (`NameError` while nothing was assigned).
    pub fn get(&self) -> T {
        match &*self.0.borrow() {
            Some(v) => v.clone(),
            None => crate::raise(
                crate::Exception::new(
                    "NameError",
                    "cannot access free variable where it is not associated with a value",
                ),
                "<closure>",
            ),
        }
    }

    pub fn set(&self, value: T) {
        *self.0.borrow_mut() = Some(value);
    }
}
