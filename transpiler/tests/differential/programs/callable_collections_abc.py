from collections.abc import Callable


def fold(xs: list[int], start: int, op: Callable[[int, int], int]) -> int:
    acc = start
    for x in xs:
        acc = op(acc, x)
    return acc


def add(a: int, b: int) -> int:
    return a + b


def mul(a: int, b: int) -> int:
    return a * b


print(fold([1, 2, 3, 4], 0, add))
print(fold([1, 2, 3, 4], 1, mul))
print(fold([], 42, add))
print(fold([5, 1, 9, 2], -1, lambda a, b: a if a > b else b))
print(fold([10, 20], 0, lambda a, b: a - b))
