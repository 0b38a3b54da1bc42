from typing import Callable


def loop_lambdas() -> list[int]:
    fs: list[Callable[[], int]] = []
    for i in range(4):
        fs.append(lambda: i * 10)
    return [f() for f in fs]


def loop_defs() -> list[str]:
    fs: list[Callable[[], str]] = []
    for word in ["a", "b", "c"]:
        def shout() -> str:
            return word.upper()

        fs.append(shout)
    return [f() for f in fs]


def bound_now() -> list[int]:
    fs: list[Callable[[], int]] = []
    for i in range(4):
        fs.append(lambda i=i: i * 10)
    return [f() for f in fs]


print(loop_lambdas())
print(loop_defs())
print(bound_now())
