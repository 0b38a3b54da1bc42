from typing import Callable


def by_last(s: str) -> str:
    return s[-1]


def score(p: tuple[str, int]) -> int:
    return p[1] * 10 - len(p[0])


def top(words: list[str], n: int) -> list[str]:
    def weight(w: str) -> tuple[int, str]:
        return (-len(w), w)

    return sorted(words, key=weight)[:n]


def ranked(xs: list[int], pivot: int) -> list[int]:
    def dist(x: int) -> int:
        return abs(x - pivot)

    ys = list(xs)
    ys.sort(key=dist)
    return ys


words = ["alpha", "beta", "gamma", "pi", "rho", "omega"]
print(sorted(words, key=by_last))
print(max(words, key=by_last), min(words, key=by_last))
pairs = [("x", 3), ("long", 3), ("yy", 1)]
print(sorted(pairs, key=score), max(pairs, key=score))
print(top(words, 3))
print(ranked([1, 9, 4, 6, 5, 10], 5))
key: Callable[[str], int] = lambda w: len(w) % 3
print(sorted(words, key=key))
