from typing import Callable, TypeVar

T = TypeVar("T")


def sort_by(xs: list[T], cmp: Callable[[T, T], int]) -> list[T]:
    result = xs.copy()
    helper(result, 0, len(result) - 1, cmp)
    return result


def helper(xs: list[T], lo: int, hi: int, cmp: Callable[[T, T], int]):
    if lo >= hi:
        return
    pivot = xs[(lo + hi) // 2]
    i = lo
    j = hi
    while i <= j:
        while cmp(xs[i], pivot) < 0:
            i += 1
        while cmp(xs[j], pivot) > 0:
            j -= 1
        if i <= j:
            tmp = xs[i]
            xs[i] = xs[j]
            xs[j] = tmp
            i += 1
            j -= 1
    helper(xs, lo, j, cmp)
    helper(xs, i, hi, cmp)


def by_value(a: int, b: int) -> int:
    return a - b


def by_length_then_text(a: str, b: str) -> int:
    if len(a) != len(b):
        return len(a) - len(b)
    if a < b:
        return -1
    if a > b:
        return 1
    return 0


nums = [9, -3, 7, 0, 7, 2, 11, -8]
print(sort_by(nums, by_value))
print(nums)
print(sort_by(nums, lambda a, b: b - a))
print(sort_by(["pear", "fig", "apple", "kiwi", "banana"], by_length_then_text))
print(sort_by([], by_value))
print(sort_by([1], by_value))
pairs = [(2, "b"), (1, "z"), (2, "a")]
print(sort_by(pairs, lambda p, q: p[0] - q[0]))
