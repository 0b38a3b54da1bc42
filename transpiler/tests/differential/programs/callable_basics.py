from typing import Callable, TypeVar

T = TypeVar("T")


def double(x: int) -> int:
    return x * 2


def apply(f: Callable[[int], int], v: int) -> int:
    return f(v)


def compose(f: Callable[[int], int], g: Callable[[int], int]) -> Callable[[int], int]:
    return lambda x: f(g(x))


def first(xs: list[T]) -> T:
    return xs[0]


def quicksort(xs: list[T], cmp: Callable[[T, T], int]) -> list[T]:
    if len(xs) <= 1:
        return xs
    pivot = xs[0]
    less = [x for x in xs[1:] if cmp(x, pivot) < 0]
    more = [x for x in xs[1:] if cmp(x, pivot) >= 0]
    return quicksort(less, cmp) + [pivot] + quicksort(more, cmp)


def by_len(a: str, b: str) -> int:
    return len(a) - len(b)


print(apply(double, 21))
print(apply(lambda x: x + 1, 1))
inc: Callable[[int], int] = lambda x: x + 1
print(inc(5))
h = compose(double, inc)
print(h(10))
print(first([3, 4]), first(["a", "b"]))
print(quicksort([5, 2, 8, 1, 9, 3], lambda a, b: a - b))
print(quicksort(["ccc", "a", "bb"], by_len))
k = 10
add_k: Callable[[int], int] = lambda x: x + k
print(add_k(1))
