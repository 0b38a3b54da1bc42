from typing import Callable


def order(xs: list[int], f: Callable[[int], int]) -> list[int]:
    return sorted(xs, key=f)


def best(xs: list[str], f: Callable[[str], int]) -> str:
    return max(xs, key=f, default="-")


def by_distance(xs: list[int], target: int) -> list[int]:
    return sorted(xs, key=lambda x: (abs(x - target), x))


def neg(x: int) -> int:
    return -x


nums = [5, -2, 9, 0, -7]
print(order(nums, neg), order(nums, lambda x: abs(x)), order(nums, lambda x: x % 4))
print(best(["a", "ccc", "bb"], lambda s: len(s)), best([], lambda s: -len(s)))
print(by_distance(nums, 1), by_distance([], 3))
weights = {"x": 2, "y": -1, "z": 2}
print(sorted(["z", "x", "y"], key=lambda k: weights[k]))
print(min("hello", key=lambda c: -ord(c)))
