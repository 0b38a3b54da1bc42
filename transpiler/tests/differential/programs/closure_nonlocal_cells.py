from typing import Callable


def make_counter() -> Callable[[], int]:
    count = 0

    def inc() -> int:
        nonlocal count
        count += 1
        return count

    return inc


def late_binding() -> list[int]:
    fs: list[Callable[[], int]] = []
    for i in range(3):
        fs.append(lambda: i)
    return [f() for f in fs]


def outer_rebinds() -> int:
    x = 1

    def get() -> int:
        return x

    x = 5
    return get()


def accumulate(xs: list[int]) -> int:
    total = 0

    def add(v: int) -> None:
        nonlocal total
        total = total + v

    for x in xs:
        add(x)
    return total


def param_cell(n: int) -> int:
    def bump() -> None:
        nonlocal n
        n *= 2

    bump()
    bump()
    return n


c = make_counter()
print(c(), c(), c())
d = make_counter()
print(d(), c())
print(late_binding())
print(outer_rebinds())
print(accumulate([1, 2, 3, 4]))
print(param_cell(3))
