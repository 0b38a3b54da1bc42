# expect: error: `same` expects `int` here, found `str`
from typing import TypeVar

T = TypeVar("T")


def same(a: T, b: T) -> bool:
    return a == b


print(same(1, "one"))
