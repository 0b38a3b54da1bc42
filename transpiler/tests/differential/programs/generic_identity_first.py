from typing import TypeVar, Optional

T = TypeVar("T")
K = TypeVar("K")


def first(xs: list[T]) -> T:
    return xs[0]


def last(xs: list[T]) -> T:
    return xs[len(xs) - 1]


def pair_swap(a: T, b: K) -> tuple[K, T]:
    return (b, a)


def find(xs: list[T], x: T) -> int:
    for i in range(len(xs)):
        if xs[i] == x:
            return i
    return -1


def repeat(x: T, n: int) -> list[T]:
    out: list[T] = []
    for _ in range(n):
        out.append(x)
    return out


print(first([1, 2, 3]), last([1, 2, 3]))
print(first(["x", "y"]), last(["x", "y"]))
print(pair_swap(1, "one"))
print(pair_swap("a", 2.5))
print(find([4, 5, 6], 6), find(["a"], "b"))
print(repeat("ab", 3), repeat(7, 2), repeat(True, 0))
