from math import sqrt, floor, pi, inf, isclose, gcd, fsum, pow as mpow
from math import log as ln
import math as m


def area(r: float) -> float:
    return pi * r * r


def roots(xs: list[float]) -> list[float]:
    return [sqrt(x) for x in xs]


print(sqrt(2), floor(-2.5), pi, inf, area(2.0))
print(isclose(0.1 + 0.2, 0.3), isclose(1.0, 1.01, rel_tol=0.1), gcd(12, 8, 6))
print(fsum([0.1] * 10), mpow(2, 0.5), ln(100, 10), ln(m.e))
print(roots([1.0, 4.0, 9.0]), m.floor(m.tau), m.hypot(5, 12))
print(pow(2, 10), pow(2, -1), m.pow(2, 10))


def shadow(sqrt: int) -> int:
    return sqrt + 1


print(shadow(4))
try:
    print(sqrt(-4.0))
except ValueError as e:
    print("ValueError:", e)
