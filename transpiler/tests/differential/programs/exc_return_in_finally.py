def h(n: int) -> int:
    for i in range(n):
        try:
            if i == 1:
                break
        finally:
            if i == 1:
                return 99
    return -1


def k() -> None:
    try:
        return
    finally:
        raise ValueError("from finally in k")


def m(xs: list[int]) -> int:
    try:
        return xs[5]
    finally:
        return 7


print(h(3), h(1), m([1]))
try:
    k()
except ValueError as err:
    print(err)
