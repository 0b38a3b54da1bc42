from typing import Callable


def outer(n: int) -> int:
    base = 10

    def add(x: int) -> int:
        return x + base + n

    def twice(x: int):
        return add(add(x))

    return twice(1)


def fact(n: int) -> int:
    def go(k: int, acc: int) -> int:
        if k <= 1:
            return acc
        return go(k - 1, acc * k)

    return go(n, 1)


def make_adder(k: int) -> Callable[[int], int]:
    def add(x: int) -> int:
        return x + k

    return add


def collect(xs: list[int]) -> list[int]:
    seen: list[int] = []

    def visit(x: int) -> None:
        if x not in seen:
            seen.append(x)

    for x in xs:
        visit(x)
    return seen


print(outer(5))
print(fact(10))
a5 = make_adder(5)
print(a5(1), make_adder(-1)(1))
print(collect([3, 1, 3, 2, 1]))
