from typing import Callable, TypeVar

T = TypeVar("T")


def max_by(xs: list[T], key: Callable[[T], int]) -> T:
    best = xs[0]
    for x in xs[1:]:
        if key(x) > key(best):
            best = x
    return best


def count_if(xs: list[T], pred: Callable[[T], bool]) -> int:
    n = 0
    for x in xs:
        if pred(x):
            n += 1
    return n


print(max_by(["a", "abc", "ab"], lambda s: len(s)))
print(max_by([3, -9, 4], lambda n: n * n))
print(max_by([(1, "x"), (5, "y"), (2, "z")], lambda p: p[0]))
print(count_if([1, 2, 3, 4, 5, 6], lambda n: n % 3 == 0))
print(count_if(["", "a", ""], lambda s: s == ""))
