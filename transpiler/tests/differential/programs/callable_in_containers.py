from typing import Callable


def inc(x: int) -> int:
    return x + 1


def dbl(x: int) -> int:
    return x * 2


pipeline: list[Callable[[int], int]] = [inc, dbl, inc, lambda x: x - 3]
v = 5
for step in pipeline:
    v = step(v)
print(v)
ops: dict[str, Callable[[int, int], int]] = {
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    "*": lambda a, b: a * b,
}
for sym in ["+", "-", "*"]:
    print(sym, ops[sym](6, 4))
pairs: list[tuple[str, Callable[[int], int]]] = [("inc", inc), ("dbl", dbl)]
for name, fn in pairs:
    print(name, fn(10))
