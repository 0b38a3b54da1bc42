from typing import Callable, TypeVar

A = TypeVar("A")
B = TypeVar("B")


def map_list(xs: list[A], f: Callable[[A], B]) -> list[B]:
    out: list[B] = []
    for x in xs:
        out.append(f(x))
    return out


def keep(xs: list[A], pred: Callable[[A], bool]) -> list[A]:
    return [x for x in xs if pred(x)]


def fold(xs: list[A], start: B, f: Callable[[B, A], B]) -> B:
    acc = start
    for x in xs:
        acc = f(acc, x)
    return acc


def length(s: str) -> int:
    return len(s)


words = ["apple", "fig", "banana"]
print(map_list(words, length))
print(map_list([1, 2, 3], lambda n: n * n))
print(map_list([1, 2, 3], lambda n: str(n) + "!"))
print(keep([5, 12, 7, 20], lambda n: n > 6))
print(keep(words, lambda w: "a" in w))
print(fold([1, 2, 3, 4], 0, lambda acc, n: acc + n))
print(fold(words, "", lambda acc, w: acc + w[0]))
