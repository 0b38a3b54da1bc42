//! Python generator objects: a function with `yield` in its body returns a
//! [`Gen`], an iterator that runs the body lazily, up to the next `yield`,
//! each time an item is asked for.
//!
//! The body is lowered to an `async` block (rustc turns it into a state
//! machine that keeps the locals between items); `yield v` is
//! `co.yield_(v).await`, which leaves `v` in the slot the iterator reads and
//! suspends the block once. Nothing here waits for anything: the block is
//! polled with a no-op waker, and it only ever suspends at a `yield`.
//!
//! A `Gen` is a handle: its clones share one running body, as references to
//! one generator object do in Python (`for x in g: break` then `next(g)`
//! continues where the loop stopped).
//!
//! A body that may raise where a `try` could see it is built with
//! [`Gen::fallible`]: its exception ends the generator and goes to whoever
//! asked for the item: `next(g)` returns it, [`Gen::results`] yields it,
//! and plain iteration (code no `try` reaches) raises it, trapping.

use crate::Exception;
use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

type Body = Pin<Box<dyn Future<Output = Result<(), Exception>>>>;

struct State<T> {
    slot: Rc<Cell<Option<T>>>,
    /// `None` once the body has returned (the generator is exhausted).
    body: RefCell<Option<Body>>,
}

/// A generator object yielding `T`s.
pub struct Gen<T>(Rc<State<T>>);

impl<T> Clone for Gen<T> {
    fn clone(&self) -> Self {
        Gen(Rc::clone(&self.0))
    }
}

/// The body's side of a generator: where `yield` leaves its value.
pub struct Co<T>(Rc<Cell<Option<T>>>);

/// Suspends its `async` block once (the point of a `yield`).
struct Suspend(bool);

impl Future for Suspend {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<()> {
        if self.0 {
            Poll::Ready(())
        } else {
            self.0 = true;
            Poll::Pending
        }
    }
}

impl<T> Co<T> {
    /// `yield v`: hands `v` to the consumer and suspends until the next
    /// item is asked for.
    pub fn yield_(&self, v: T) -> impl Future<Output = ()> {
        self.0.set(Some(v));
        Suspend(false)
    }
}

impl<T: 'static> Gen<T> {
    /// The generator whose body `body` builds (given the `Co` that its
    /// `yield`s use); the body does not start before the first item is
    /// asked for.
    pub fn new<F: Future<Output = ()> + 'static>(body: impl FnOnce(Co<T>) -> F) -> Self {
        Self::fallible(|co| {
            let f = body(co);
            async move {
                f.await;
                Ok(())
            }
        })
    }

    /// A generator whose body may end with an exception.
    pub fn fallible<F: Future<Output = Result<(), Exception>> + 'static>(
        body: impl FnOnce(Co<T>) -> F,
    ) -> Self {
        let slot = Rc::new(Cell::new(None));
        let body: Body = Box::pin(body(Co(Rc::clone(&slot))));
        Gen(Rc::new(State {
            slot,
            body: RefCell::new(Some(body)),
        }))
    }

    /// `next(g)`: the next item, the body's exception, or `StopIteration`.
    pub fn py_next(&self) -> Result<T, Exception> {
        self.resume()
            .unwrap_or_else(|| Err(Exception::new("StopIteration", "")))
    }

    /// `next(g, default)`.
    pub fn next_or(&self, default: T) -> Result<T, Exception> {
        self.resume().unwrap_or(Ok(default))
    }

    /// The items, each a `Result`: a loop inside a `try` sees the body's
    /// exception where it asks for the next item.
    pub fn results(&self) -> Results<T> {
        Results(self.clone())
    }

    /// Runs the body up to its next `yield` (`None`: it returned).
    fn resume(&self) -> Option<Result<T, Exception>> {
        let mut body = match self.0.body.try_borrow_mut() {
            Ok(b) => b,
            // CPython: "ValueError: generator already executing".
            Err(_) => crate::trap("ValueError: generator already executing"),
        };
        let running = body.as_mut()?;
        let mut cx = Context::from_waker(Waker::noop());
        match running.as_mut().poll(&mut cx) {
            Poll::Ready(done) => {
                *body = None;
                done.err().map(Err)
            }
            Poll::Pending => self.0.slot.take().map(Ok),
        }
    }

    /// The remaining items (`list(g)`, and every built-in that consumes
    /// all of them).
    pub fn to_vec(&self) -> Vec<T> {
        self.clone().collect()
    }
}

/// [`Gen::results`].
pub struct Results<T>(Gen<T>);

impl<T: 'static> Iterator for Results<T> {
    type Item = Result<T, Exception>;
    fn next(&mut self) -> Option<Result<T, Exception>> {
        self.0.resume()
    }
}

/// `next(g)`.
pub fn next<T: 'static>(g: Gen<T>) -> Result<T, Exception> {
    g.py_next()
}

/// `next(g, default)`.
pub fn next_or<T: 'static>(g: Gen<T>, default: T) -> Result<T, Exception> {
    g.next_or(default)
}

impl<T: 'static> Iterator for Gen<T> {
    type Item = T;
    /// The next item; the body's exception is raised here (no `try` sees
    /// this iteration: its location is where the body raised it).
    fn next(&mut self) -> Option<T> {
        match self.resume()? {
            Ok(v) => Some(v),
            Err(e) => crate::raise(e, "<generator>"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn squares(n: u32) -> Gen<u32> {
        Gen::new(move |co| async move {
            for i in 0..n {
                co.yield_(i * i).await;
            }
        })
    }

    #[test]
    fn lazy_shared_and_exhausted() {
        let g = squares(4);
        let mut first = g.clone();
        assert_eq!(first.next(), Some(0));
        // A clone continues where the other stopped.
        assert_eq!(g.to_vec(), vec![1, 4, 9]);
        assert!(g.py_next().is_err());
        assert_eq!(g.next_or(7).ok(), Some(7));
    }

    #[test]
    fn an_exception_ends_the_generator_where_the_item_was_asked_for() {
        let g: Gen<u32> = Gen::fallible(|co| async move {
            co.yield_(1).await;
            Err(Exception::new("ValueError", "bad"))
        });
        let got: Vec<String> = g
            .results()
            .map(|r| match r {
                Ok(v) => v.to_string(),
                Err(e) => e.to_string(),
            })
            .collect();
        assert_eq!(got, vec!["1", "ValueError: bad"]);
        assert_eq!(
            g.py_next().err().map(|e| e.to_string()).as_deref(),
            Some("StopIteration")
        );
    }

    #[test]
    fn infinite_bodies_run_only_as_far_as_asked() {
        let count = Gen::new(|co| async move {
            let mut i = 0u64;
            loop {
                co.yield_(i).await;
                i += 1;
            }
        });
        assert_eq!(count.take(3).collect::<Vec<_>>(), vec![0, 1, 2]);
    }
}
