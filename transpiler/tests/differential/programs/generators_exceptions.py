from typing import Iterator


def parse(xs: list[str]) -> Iterator[int]:
    for x in xs:
        yield int(x)


def checked(xs: list[str]) -> Iterator[int]:
    for v in parse(xs):
        if v < 0:
            raise ValueError(f"negative: {v}")
        yield v


def total(xs: list[str]) -> int:
    t = 0
    for v in checked(xs):
        t += v
    return t


def main() -> None:
    got = []
    try:
        for v in parse(["1", "x", "3"]):
            got.append(v)
    except ValueError as e:
        print("caught", e)
    print(got)
    try:
        print(list(parse(["4", "5", "y"])))
    except ValueError as e:
        print("caught list", e)
    try:
        print(sum(checked(["1", "-2"])))
    except ValueError as e:
        print("caught sum", e)
    try:
        print(total(["1", "2"]))
        print(total(["1", "-7"]))
    except ValueError as e:
        print("caught total", e)
    g = parse(["1", "bad", "2"])
    print(next(g))
    try:
        next(g)
    except ValueError as e:
        print("caught next", e)
    print(next(g, 99))
    print(list(parse(["8", "9"])))


main()
