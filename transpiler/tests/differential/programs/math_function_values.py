import math
from math import floor, hypot
from typing import Callable


def apply(f: Callable[[float], float], xs: list[float]) -> list[float]:
    return [f(x) for x in xs]


def combine(f: Callable[[float, float], float], a: float, b: float) -> float:
    return f(a, b)


def to_int(f: Callable[[float], int], x: float) -> int:
    return f(x)


print(apply(math.sqrt, [1.0, 2.0, 9.0]), apply(math.exp, [0.0, 1.0]))
print(combine(math.atan2, 1.0, 1.0), combine(hypot, 3.0, 4.0), combine(math.pow, 2.0, 10.0))
print(to_int(floor, -2.5), to_int(math.ceil, 2.1))
g: Callable[[float], float] = math.fabs
print(g(-3.5))
ops: dict[str, Callable[[float], float]] = {"sin": math.sin, "cos": math.cos}
for name in ops:
    print(name, ops[name](0.5))
print(sorted([2.5, -3.5, 1.0], key=math.fabs), max([1.5, -2.5], key=math.fabs))
