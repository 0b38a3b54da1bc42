# expect: error: generic function `first` used as a value
from typing import Callable, TypeVar

T = TypeVar("T")


def first(xs: list[T]) -> T:
    return xs[0]


g = first
print(g([1]))
