//! A Python number whose type is decided at run time: a name that holds an
//! `int` on some paths and a `float` on others (`total = 0` then `total +=
//! 0.5`), or `x if c else 0` with a float `x`. It keeps the value's own
//! type, so `str()` prints `0` for the int and `0.5` for the float, as
//! CPython does.

use core::cmp::Ordering;

use crate::exception::Exception;
use crate::float;
use crate::format::PyFormat;
use crate::int::Int;
use crate::ord::PyOrd;
use crate::pystr::PyStr;
use crate::truthy::Truthy;

/// Two operands in their common type: ints (`Ok`) or floats (`Err`).
type Pair = Result<(Int, Int), (f64, f64)>;

/// An `int` or a `float`.
#[derive(Clone, Debug)]
pub enum Num {
    Int(Int),
    Float(f64),
}

impl From<Int> for Num {
    fn from(v: Int) -> Num {
        Num::Int(v)
    }
}

impl From<f64> for Num {
    fn from(v: f64) -> Num {
        Num::Float(v)
    }
}

impl Num {
    /// Python `float(self)` (`OverflowError` for an int too large).
    pub fn to_f64(&self) -> Result<f64, Exception> {
        match self {
            Num::Int(i) => i.to_f64(),
            Num::Float(f) => Ok(*f),
        }
    }

    /// Python `int(self)`: a float truncated toward zero.
    pub fn to_int(&self) -> Result<Int, Exception> {
        match self {
            Num::Int(i) => Ok(i.clone()),
            Num::Float(f) => Int::from_f64(*f),
        }
    }

    /// Both operands as ints, or (if either is a float) both as floats.
    fn pair(&self, o: &Num) -> Result<Pair, Exception> {
        Ok(match (self, o) {
            (Num::Int(a), Num::Int(b)) => Ok((a.clone(), b.clone())),
            _ => Err((self.to_f64()?, o.to_f64()?)),
        })
    }

    pub fn add(&self, o: &Num) -> Result<Num, Exception> {
        Ok(match self.pair(o)? {
            Ok((a, b)) => Num::Int(a + b),
            Err((a, b)) => Num::Float(a + b),
        })
    }

    pub fn sub(&self, o: &Num) -> Result<Num, Exception> {
        Ok(match self.pair(o)? {
            Ok((a, b)) => Num::Int(a - b),
            Err((a, b)) => Num::Float(a - b),
        })
    }

    pub fn mul(&self, o: &Num) -> Result<Num, Exception> {
        Ok(match self.pair(o)? {
            Ok((a, b)) => Num::Int(a * b),
            Err((a, b)) => Num::Float(a * b),
        })
    }

    /// `/`: always a float.
    pub fn true_div(&self, o: &Num) -> Result<f64, Exception> {
        match self.pair(o)? {
            Ok((a, b)) => a.true_div(&b),
            Err((a, b)) => float::div(a, b),
        }
    }

    pub fn floor_div(&self, o: &Num) -> Result<Num, Exception> {
        Ok(match self.pair(o)? {
            Ok((a, b)) => Num::Int(a.floor_div(&b)?),
            Err((a, b)) => Num::Float(float::floor_div(a, b)?),
        })
    }

    pub fn modulo(&self, o: &Num) -> Result<Num, Exception> {
        Ok(match self.pair(o)? {
            Ok((a, b)) => Num::Int(a.modulo(&b)?),
            Err((a, b)) => Num::Float(float::modulo(a, b)?),
        })
    }

    pub fn pow(&self, o: &Num) -> Result<Num, Exception> {
        Ok(match self.pair(o)? {
            Ok((a, b)) if !b.is_negative() => Num::Int(a.pow(&b)?),
            // `int ** negative int` is a float.
            Ok((a, b)) => Num::Float(float::pow(a.to_f64()?, b.to_f64()?)?),
            Err((a, b)) => Num::Float(float::pow(a, b)?),
        })
    }

    pub fn neg(&self) -> Num {
        match self {
            Num::Int(i) => Num::Int(-i.clone()),
            Num::Float(f) => Num::Float(-f),
        }
    }

    pub fn abs(&self) -> Num {
        match self {
            Num::Int(i) => Num::Int(i.abs()),
            Num::Float(f) => Num::Float(f.abs()),
        }
    }

    /// Python's comparison of the two numbers: exact between an int and a
    /// float however large the int; `None` when a NaN is involved.
    pub fn py_cmp(&self, o: &Num) -> Option<Ordering> {
        match (self, o) {
            (Num::Int(a), Num::Int(b)) => Some(a.cmp(b)),
            (Num::Float(a), Num::Float(b)) => a.partial_cmp(b),
            (Num::Int(a), Num::Float(b)) => int_float_cmp(a, *b),
            (Num::Float(a), Num::Int(b)) => int_float_cmp(b, *a).map(Ordering::reverse),
        }
    }
}

/// `i` against `f`, exactly.
fn int_float_cmp(i: &Int, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 {
            Ordering::Less
        } else {
            Ordering::Greater
        });
    }
    // The float's integer part decides unless it equals `i`; then the
    // fraction does.
    let whole = f.trunc();
    let whole_int = Int::from_f64(whole).ok()?;
    match i.cmp(&whole_int) {
        Ordering::Equal => 0.0f64.partial_cmp(&(f - whole)),
        other => Some(other),
    }
}

impl PartialEq for Num {
    fn eq(&self, o: &Num) -> bool {
        self.py_cmp(o) == Some(Ordering::Equal)
    }
}

impl PartialOrd for Num {
    fn partial_cmp(&self, o: &Num) -> Option<Ordering> {
        self.py_cmp(o)
    }
}

impl PyOrd for Num {
    fn py_lt(&self, other: &Self) -> bool {
        self < other
    }
}

impl Truthy for Num {
    fn truthy(&self) -> bool {
        match self {
            Num::Int(i) => !i.is_zero(),
            Num::Float(f) => *f != 0.0,
        }
    }
}

impl PyStr for Num {
    fn py_str(&self) -> String {
        match self {
            Num::Int(i) => i.to_string(),
            Num::Float(f) => f.py_str(),
        }
    }
    fn py_repr(&self) -> String {
        self.py_str()
    }
}

impl PyFormat for Num {
    fn py_format(&self, spec: &str) -> Result<String, Exception> {
        match self {
            Num::Int(i) => i.py_format(spec),
            Num::Float(f) => f.py_format(spec),
        }
    }
}
