from typing import Callable


def square(x: int) -> int:
    return x * x


def negate(x: int) -> int:
    return -x


def apply_twice(f: Callable[[int], int], x: int) -> int:
    return f(f(x))


def apply_all(fs: list[Callable[[int], int]], x: int) -> list[int]:
    return [f(x) for f in fs]


def pick(name: str) -> Callable[[int], int]:
    if name == "square":
        return square
    return negate


def greet(name: str) -> None:
    print("hello", name)


def run(action: Callable[[str], None], who: str) -> None:
    action(who)


print(apply_twice(square, 3))
print(apply_twice(negate, 7))
print(apply_all([square, negate, square], 4))
print(pick("square")(9), pick("other")(9))
f = pick("square")
g = f
print(g(12))
run(greet, "world")
table: dict[str, Callable[[int], int]] = {"sq": square, "neg": negate}
print(table["sq"](5), table["neg"](5))
