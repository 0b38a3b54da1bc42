from typing import Optional


def divmod_py(a: int, b: int) -> tuple[int, int]:
    return a // b, a % b


def stats(xs: list[float]) -> tuple[float, float, int]:
    n = len(xs)
    mean = sum(xs) / n
    spread = max(xs) - min(xs)
    return mean, spread, n


def first_long(words: list[str], n: int = 4) -> Optional[str]:
    for w in words:
        if len(w) > n:
            return w
    return None


q, r = divmod_py(-17, 5)
print(q, r, divmod_py(17, -5), divmod_py(2 ** 70, 3))
m, s, n = stats([1.5, 2.5, 4.0])
print(m, s, n)
words = ["a", "tree", "forest", "ocean"]
print(first_long(words), first_long(words, 5), first_long(words, n=10))
found = first_long(words, 5)
print(f"found {found!r}" if found is not None else "none")
