from typing import Callable


def adders() -> list[Callable[[int], int]]:
    out: list[Callable[[int], int]] = []
    for n in range(4):
        out.append(lambda x, n=n: x + n)
    return out


print([f(10) for f in adders()])


def scaled(k: int) -> Callable[[int], int]:
    return lambda x, k2=k * 2: x * k2


print(scaled(3)(5))
