from typing import Iterator


def fib() -> Iterator[int]:
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


def grid(w: int, h: int) -> Iterator[tuple[int, int]]:
    for y in range(h):
        for x in range(w):
            if x == y:
                continue
            if x > 2:
                break
            yield x, y


def guarded(items: list[int]) -> Iterator[int]:
    try:
        for i in items:
            yield 10 // i
    except ZeroDivisionError:
        print("division by zero inside")
        yield -1
    finally:
        print("cleanup")


def flatten(rows: list[list[int]]) -> Iterator[int]:
    for row in rows:
        yield from row


def take(g: Iterator[int], n: int) -> list[int]:
    out: list[int] = []
    for x in g:
        if len(out) >= n:
            break
        out.append(x)
    return out


f = fib()
print(take(f, 10))
print(next(f), next(f))
print(take(fib(), 3))
for p in grid(5, 3):
    print(p)
print(list(guarded([1, 2, 0, 5])))
print(list(flatten([[1, 2], [], [3]])))
big = [x for x in take(fib(), 100) if x % 1000 == 0]
print(big[:3], len(big))
print(max(fib() if False else flatten([[4, 9, 2]])))
