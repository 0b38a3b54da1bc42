//! Python truthiness (`if x:`, `bool(x)`, `and`/`or`/`not`).

use crate::int::Int;

/// Python `bool(x)`.
pub trait Truthy {
    /// Whether Python treats the value as true.
    fn truthy(&self) -> bool;
}

impl<T: Truthy + ?Sized> Truthy for &T {
    #[inline]
    fn truthy(&self) -> bool {
        (**self).truthy()
    }
}

impl Truthy for Int {
    #[inline]
    fn truthy(&self) -> bool {
        !self.is_zero()
    }
}

macro_rules! nonzero {
    ($($t:ty),*) => {$(
        impl Truthy for $t {
            #[inline]
            fn truthy(&self) -> bool {
                // NaN is true, as in Python.
                *self != (0 as $t)
            }
        }
    )*};
}
nonzero!(u8, u16, u32, u64, i8, i16, i32, i64, f32, f64);

impl Truthy for bool {
    #[inline]
    fn truthy(&self) -> bool {
        *self
    }
}

impl Truthy for () {
    #[inline]
    fn truthy(&self) -> bool {
        false
    }
}

impl Truthy for str {
    #[inline]
    fn truthy(&self) -> bool {
        !self.is_empty()
    }
}

impl Truthy for String {
    #[inline]
    fn truthy(&self) -> bool {
        !self.is_empty()
    }
}

impl<T> Truthy for [T] {
    #[inline]
    fn truthy(&self) -> bool {
        !self.is_empty()
    }
}

impl<T> Truthy for Vec<T> {
    #[inline]
    fn truthy(&self) -> bool {
        !self.is_empty()
    }
}

impl<T: Truthy> Truthy for Option<T> {
    /// `Opt[T]` is `None` or the value itself, so `Some(0)` is false.
    #[inline]
    fn truthy(&self) -> bool {
        match self {
            Some(v) => v.truthy(),
            None => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_truthiness() {
        assert!(!Int::from(0).truthy());
        assert!(Int::from_decimal("100000000000000000000").truthy());
        assert!(!0u8.truthy() && 1i64.truthy());
        assert!(f64::NAN.truthy() && !(-0.0f64).truthy());
        assert!(!"".truthy() && "a".truthy() && !String::new().truthy());
        assert!(!Vec::<u8>::new().truthy() && vec![0u8].truthy());
        assert!(!().truthy() && true.truthy() && !false.truthy());
        assert!(!Some(0u8).truthy() && Some(1u8).truthy() && !None::<u8>.truthy());
        assert!(!Some(String::new()).truthy());
    }
}
