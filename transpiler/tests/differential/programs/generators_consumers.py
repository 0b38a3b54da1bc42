from typing import Iterator, Optional

from kybra import Record


class Point(Record):
    x: int
    y: int


LIMIT = 3
seen: list[int] = []


def points(n: int) -> Iterator[Point]:
    for i in range(n):
        yield {"x": i, "y": i * LIMIT}


def pairs(xs: list[str]) -> Iterator[tuple[int, str]]:
    for i, x in enumerate(xs):
        seen.append(i)
        yield i, x


def safe_ints(xs: list[str]) -> Iterator[int]:
    for x in xs:
        try:
            yield int(x)
        except ValueError:
            yield -1


def maybe(n: int) -> Iterator[Optional[int]]:
    for i in range(n):
        yield i if i % 2 == 0 else None
    yield


def evens(limit: int) -> Iterator[int]:
    n = 0
    while n < limit:
        if n % 2 == 0:
            yield n
        n += 1
    return


def main() -> None:
    for p in points(3):
        print(p["x"], p["y"])
    print([p["y"] for p in points(4) if p["x"] % 2 == 1])
    for i, (k, v) in enumerate(pairs(["a", "b"])):
        print(i, k, v)
    print(seen)
    print(list(safe_ints(["1", "x", "3"])))
    print(list(maybe(3)))
    print(sorted(evens(9), reverse=True))
    print(set(evens(5)))
    print(list(zip(evens(6), "abc")))
    print(sum(x * x for x in evens(7)))
    print(len(list(evens(100))))
    total = 0
    for n in evens(10):
        total += n
    else:
        print("done", total)


main()
