def c(xs: list[int]) -> int:
    return xs[len(xs)]


def b(xs: list[int]) -> int:
    return c(xs) + 1


def a() -> int:
    try:
        return b([1, 2])
    finally:
        print("a cleans up")


print("start")
a()
